/* template.c - the templates a team brings (`kickoff template import`);
 * the built-in one lives in the binary (src/model/template.c). */
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"
#include "sqlite/internal.h"
#include "kickoff/text.h"
#include "kickoff/datetime.h"
#include "kickoff/template.h"

void vec_template_free(vec_template *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].name);
		free(v->v[i].created_at);
	}
	free(v->v);
	memset(v, 0, sizeof *v);
}

enum ko_err store_template_list(struct store *st, vec_template *out)
{
	static const char sql[] = "SELECT name, created_at FROM template ORDER BY name";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	vec_template v = { 0 };
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct template_info *t = VEC_PUSH(&v);
		if (!t) {
			rc = SQLITE_NOMEM;
			break;
		}
		t->name = col_text(s, 0);
		t->created_at = col_text(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		vec_template_free(&v);
		return sql_fail(st, rc, N_("list templates"));
	}
	*out = v;
	return KO_OK;
}

enum ko_err store_template_get(struct store *st, const char *name, char **body)
{
	static const char sql[] = "SELECT body FROM template WHERE name = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, name);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*body = col_text(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return *body ? KO_OK : store_fail(st, KO_NOMEM, _("out of memory"));
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, _("no template named '%s'"), name);
	return sql_fail(st, rc, N_("read template"));
}

enum ko_err store_template_add(struct store *st, const char *name, const char *body)
{
	enum ko_err rc = check_text(st, N_("template name"), name, NAME_MAX_BYTES, true);
	if (rc != KO_OK)
		return rc;
	if (text_same_name(name, TEMPLATE_BUILTIN))
		return store_fail(st, KO_EXISTS, _("'%s' is the built-in template's name"), name);
	rc = check_text(st, N_("template"), body, TEXT_MAX_BYTES * 4, true);
	if (rc != KO_OK)
		return rc;
	rc = tx_begin(st, 0, N_("import template"));
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO template(name, body, created_at) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return tx_end(st, st->err.code);
	char now[21];
	clock_stamp(now);
	bind_typed(s, 1, name);
	bind_text(s, 2, body);
	bind_text(s, 3, now);
	static const char names_sql[] = "SELECT id, name FROM template";
	sqlite3_stmt *names = stmt(st, names_sql);
	struct alike a = { 0 };
	rc = names ? names_alike(st, names, name, &a) : st->err.code;
	if (rc == KO_OK && a.count)
		rc = store_fail(st, KO_EXISTS, _("a template named '%s' already exists"), a.name);
	alike_free(&a);
	if (rc == KO_OK) {
		rc = step_done(st, s, N_("import template"));
		if (rc == KO_EXISTS)
			rc = store_fail(st, KO_EXISTS, _("a template named '%s' already exists"), name);
	}
	return tx_end(st, rc);
}
