/* project.c - projects and the project list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"
#include "kickoff/template.h"
#include "kickoff/text.h"

#define PROJECT_COLS "p.id, p.name, p.customer, p.code, p.lang, p.template, p.created_at, p.version"

static void read_project(sqlite3_stmt *s, struct project *p)
{
	p->id = sqlite3_column_int64(s, 0);
	p->name = col_text(s, 1);
	p->customer = col_text(s, 2);
	p->code = col_text(s, 3);
	p->lang = col_text(s, 4);
	p->template_name = col_text(s, 5);
	p->created_at = col_text(s, 6);
	p->version = sqlite3_column_int64(s, 7);
}

static enum ko_err check_project_fields(struct store *st, const char *name,
                                        const char *customer, const char *code)
{
	enum ko_err rc = check_text(st, N_("project name"), name, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("customer"), customer, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("project code"), code, NAME_MAX_BYTES, false);
	/* "P/ko" names a meeting on the command line, so a name with '/'
	 * could never be addressed. */
	if (rc == KO_OK && strchr(name, '/'))
		rc = store_fail(st, KO_INVALID, _("project name '%s' contains '/'"), name);
	return rc;
}

/* KO_EXISTS when a project other than self has a name that reads as
 * name does; the UNIQUE constraint catches only the same bytes. */
enum ko_err project_name_free(struct store *st, const char *name, int64_t self)
{
	static const char sql[] = "SELECT id, name FROM project WHERE id != ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, self);
	struct alike a;
	enum ko_err rc = names_alike(st, s, name, &a);
	if (rc != KO_OK)
		return rc;
	if (a.count) {
		size_t start, n = text_trim(name, strlen(name), &start);
		if (strlen(a.name) == n && strncmp(a.name, name + start, n) == 0)
			rc = store_fail(st, KO_EXISTS, _("a project named '%s' already exists"), a.name);
		else
			rc = store_fail(st, KO_EXISTS, _("a project named '%s' already exists (the two "
			                "names look the same)"), a.name);
	}
	alike_free(&a);
	return rc;
}

static enum ko_err template_exists(struct store *st, const char *name)
{
	if (strcmp(name, TEMPLATE_BUILTIN) == 0)
		return KO_OK;
	static const char sql[] = "SELECT 1 FROM template WHERE name = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, name);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, _("no template named '%s'"), name);
	return sql_fail(st, rc, N_("find template"));
}

enum ko_err store_project_add(struct store *st, const char *name,
                              const char *customer, const char *code,
                              const char *lang, const char *template_name,
                              int64_t *id_out)
{
	if (!template_name || !*template_name)
		template_name = TEMPLATE_BUILTIN;
	if (!lang || !*lang)
		lang = "en";
	enum ko_err rc = check_project_fields(st, name, customer, code);
	if (rc != KO_OK)
		return rc;
	if (strcmp(lang, "en") != 0 && strcmp(lang, "zh") != 0)
		return store_fail(st, KO_INVALID, _("unknown language '%s' (en or zh)"), lang);
	rc = template_exists(st, template_name);
	if (rc != KO_OK)
		return rc;

	rc = tx_begin(st, 0, N_("add project"));
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO project(name, customer, code, lang, template, created_at) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return tx_end(st, st->err.code);
	char now[21];
	clock_stamp(now);
	bind_typed(s, 1, name);
	bind_typed(s, 2, customer ? customer : "");
	bind_typed(s, 3, code ? code : "");
	bind_text(s, 4, lang);
	bind_text(s, 5, template_name);
	bind_text(s, 6, now);
	rc = project_name_free(st, name, 0);
	if (rc == KO_OK) {
		rc = step_done(st, s, N_("add project"));
		if (rc == KO_EXISTS)
			rc = store_fail(st, KO_EXISTS, _("a project named '%s' already exists"), name);
	}
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	return tx_end(st, rc);
}

/* Progress columns are correlated subqueries so that only the rows of the
 * page asked for pay for them.  Each starts from the project's meetings
 * (CROSS JOIN fixes that order) and reaches actions by action_by_meeting
 * (the unary + keeps the planner off action_by_status_due, through which
 * it would read every open action of every project for each row). */
#define PROJECT_LIST_SQL(where) \
	"SELECT " PROJECT_COLS ", " \
	" (SELECT count(*) FROM meeting m CROSS JOIN item i ON i.meeting_id = m.id" \
	"   WHERE m.project_id = p.id AND m.kind = 'ko')," \
	" (SELECT count(i.checked_at) FROM meeting m CROSS JOIN item i ON i.meeting_id = m.id" \
	"   WHERE m.project_id = p.id AND m.kind = 'ko')," \
	" (SELECT count(*) FROM meeting m CROSS JOIN item i ON i.meeting_id = m.id" \
	"   WHERE m.project_id = p.id AND m.kind = 'tko')," \
	" (SELECT count(i.checked_at) FROM meeting m CROSS JOIN item i ON i.meeting_id = m.id" \
	"   WHERE m.project_id = p.id AND m.kind = 'tko')," \
	" (SELECT status FROM meeting m WHERE m.project_id = p.id AND m.kind = 'ko')," \
	" (SELECT status FROM meeting m WHERE m.project_id = p.id AND m.kind = 'tko')," \
	" (SELECT count(*) FROM meeting m CROSS JOIN action a ON a.meeting_id = m.id" \
	"   WHERE m.project_id = p.id AND +a.status = 'open')," \
	" (SELECT count(*) FROM meeting m CROSS JOIN action a ON a.meeting_id = m.id" \
	"   WHERE m.project_id = p.id AND +a.status = 'open' AND +a.due < ?3)," \
	" (SELECT starts_at FROM meeting m WHERE m.project_id = p.id AND m.kind = 'ko')," \
	" (SELECT starts_at FROM meeting m WHERE m.project_id = p.id AND m.kind = 'tko')" \
	" FROM project p " where " ORDER BY p.name LIMIT ?1 OFFSET ?2"

enum ko_err store_project_list(struct store *st, const char *filter,
                               int offset, int limit, vec_project *out)
{
	static const char all_sql[] = PROJECT_LIST_SQL("");
	static const char filter_sql[] = PROJECT_LIST_SQL(
		"WHERE instr(lower(p.name), lower(?4)) OR instr(lower(p.customer), lower(?4))"
		" OR instr(lower(p.code), lower(?4))");
	bool filtered = filter && *filter;
	sqlite3_stmt *s = stmt(st, filtered ? filter_sql : all_sql);
	if (!s)
		return st->err.code;
	char today[11];
	clock_today(today);
	sqlite3_bind_int(s, 1, limit > 0 ? limit : -1);
	sqlite3_bind_int(s, 2, offset > 0 ? offset : 0);
	bind_text(s, 3, today);
	if (filtered)
		bind_text(s, 4, filter);
	vec_project v = { 0 };
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct project *p = VEC_PUSH(&v);
		if (!p)
			break;
		read_project(s, p);
		bool has_ko = sqlite3_column_type(s, 12) != SQLITE_NULL;
		bool has_tko = sqlite3_column_type(s, 13) != SQLITE_NULL;
		p->ko_items = has_ko ? sqlite3_column_int(s, 8) : -1;
		p->ko_checked = has_ko ? sqlite3_column_int(s, 9) : -1;
		p->tko_items = has_tko ? sqlite3_column_int(s, 10) : -1;
		p->tko_checked = has_tko ? sqlite3_column_int(s, 11) : -1;
		p->ko_status = has_ko ? meeting_status_parse((const char *)sqlite3_column_text(s, 12)) : -1;
		p->tko_status = has_tko ? meeting_status_parse((const char *)sqlite3_column_text(s, 13)) : -1;
		p->actions_open = sqlite3_column_int(s, 14);
		p->actions_overdue = sqlite3_column_int(s, 15);
		const unsigned char *at = sqlite3_column_text(s, 16);
		snprintf(p->ko_at, sizeof p->ko_at, "%s", at ? (const char *)at : "");
		at = sqlite3_column_text(s, 17);
		snprintf(p->tko_at, sizeof p->tko_at, "%s", at ? (const char *)at : "");
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		vec_project_free(&v);
		return rc == SQLITE_ROW ? store_fail(st, KO_NOMEM, _("out of memory"))
		                        : sql_fail(st, rc, N_("list projects"));
	}
	*out = v;
	return KO_OK;
}

enum ko_err store_project_count(struct store *st, const char *filter, int *out)
{
	/* count(*) would read the whole project index; the schema's triggers
	 * keep the number in `tally`. */
	static const char all_sql[] = "SELECT n FROM tally WHERE name = 'project'";
	static const char filter_sql[] =
		"SELECT count(*) FROM project p WHERE instr(lower(p.name), lower(?1))"
		" OR instr(lower(p.customer), lower(?1)) OR instr(lower(p.code), lower(?1))";
	bool filtered = filter && *filter;
	sqlite3_stmt *s = stmt(st, filtered ? filter_sql : all_sql);
	if (!s)
		return st->err.code;
	if (filtered)
		bind_text(s, 1, filter);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? KO_OK : sql_fail(st, rc, N_("count projects"));
}

enum ko_err store_project_position(struct store *st, const char *filter,
                                   int64_t id, int *out)
{
	static const char all_sql[] =
		"SELECT (SELECT count(*) FROM project p WHERE p.name < k.name)"
		" FROM project k WHERE k.id = ?1";
	static const char filter_sql[] =
		"SELECT (SELECT count(*) FROM project p WHERE p.name < k.name AND"
		"  (instr(lower(p.name), lower(?2)) OR instr(lower(p.customer), lower(?2))"
		"   OR instr(lower(p.code), lower(?2))))"
		" FROM project k WHERE k.id = ?1 AND (instr(lower(k.name), lower(?2))"
		"  OR instr(lower(k.customer), lower(?2)) OR instr(lower(k.code), lower(?2)))";
	bool filtered = filter && *filter;
	sqlite3_stmt *s = stmt(st, filtered ? filter_sql : all_sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	if (filtered)
		bind_text(s, 2, filter);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, _("no project with id %lld"), (long long)id);
	return sql_fail(st, rc, N_("find project"));
}

enum ko_err store_project_get(struct store *st, int64_t id, struct project *out)
{
	static const char sql[] = "SELECT " PROJECT_COLS " FROM project p WHERE p.id = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		read_project(s, out);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, _("no project with id %lld"), (long long)id);
	return sql_fail(st, rc, N_("read project"));
}

/* An id, or -1 when s is not one (a project named "12" is found by
 * name first). */
static int64_t parse_id(const char *s)
{
	int64_t id;
	return id_parse(s, &id) == 1 ? id : -1;
}

enum ko_err store_project_find(struct store *st, const char *name_or_id,
                               struct project *out)
{
	static const char sql[] = "SELECT " PROJECT_COLS " FROM project p WHERE p.name = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, name_or_id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		memset(out, 0, sizeof *out);
		read_project(s, out);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc != SQLITE_DONE)
		return sql_fail(st, rc, N_("find project"));
	int64_t id = parse_id(name_or_id);
	if (id > 0 && store_project_get(st, id, out) == KO_OK)
		return KO_OK;
	/* Typed with a space more, or a NO-BREAK SPACE for a space: the one
	 * project whose name reads the same. */
	static const char all_sql[] = "SELECT id, name FROM project";
	if (!(s = stmt(st, all_sql)))
		return st->err.code;
	struct alike a;
	enum ko_err e = names_alike(st, s, name_or_id, &a);
	if (e != KO_OK)
		return e;
	id = a.count == 1 ? a.id : 0;
	alike_free(&a);
	if (id > 0 && store_project_get(st, id, out) == KO_OK)
		return KO_OK;
	return store_fail(st, KO_NOTFOUND, _("no project named '%s'"), name_or_id);
}

enum ko_err store_project_update(struct store *st, const struct project *p)
{
	enum ko_err rc = check_project_fields(st, p->name, p->customer, p->code);
	if (rc != KO_OK)
		return rc;
	rc = tx_begin(st, 0, N_("edit project"));
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"UPDATE project SET name = ?1, customer = ?2, code = ?3, version = version + 1"
		" WHERE id = ?4 AND version = ?5";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return tx_end(st, st->err.code);
	bind_typed(s, 1, p->name);
	bind_typed(s, 2, p->customer ? p->customer : "");
	bind_typed(s, 3, p->code ? p->code : "");
	sqlite3_bind_int64(s, 4, p->id);
	sqlite3_bind_int64(s, 5, p->version);
	rc = project_name_free(st, p->name, p->id);
	if (rc == KO_OK) {
		rc = step_done(st, s, N_("edit project"));
		if (rc == KO_EXISTS)
			rc = store_fail(st, KO_EXISTS, _("a project named '%s' already exists"), p->name);
	}
	if (rc == KO_OK && sqlite3_changes(st->db) == 0)
		rc = store_fail(st, KO_CONFLICT, _("project '%s' was changed or deleted by someone else"),
		                p->name);
	return tx_end(st, rc);
}
