/* names.c - names that read alike are one name.
 *
 * The UNIQUE constraints of project and template names compare bytes;
 * "Apollo", "Apollo" + NO-BREAK SPACE and "Apo" + ZERO WIDTH SPACE +
 * "llo" differ in bytes but not on a screen (text_name_key).  The keys
 * are computed here rather than stored: the names change rarely, and the
 * schema then holds nothing another program writing a row could leave
 * stale. */
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

enum ko_err names_alike(struct store *st, sqlite3_stmt *s, const char *name,
                        struct alike *out)
{
	memset(out, 0, sizeof *out);
	char *key = text_name_key(name);
	if (!key) {
		sqlite3_reset(s);
		return store_fail(st, KO_NOMEM, _("out of memory"));
	}
	enum ko_err e = KO_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *other = (const char *)sqlite3_column_text(s, 1);
		char *k = text_name_key(other ? other : "");
		if (!k) {
			e = store_fail(st, KO_NOMEM, _("out of memory"));
			break;
		}
		bool same = strcmp(k, key) == 0;
		free(k);
		if (!same)
			continue;
		if (out->count++ == 0) {
			out->id = sqlite3_column_int64(s, 0);
			out->name = strdup(other ? other : "");
			if (!out->name) {
				e = store_fail(st, KO_NOMEM, _("out of memory"));
				break;
			}
		}
	}
	sqlite3_reset(s);
	free(key);
	if (e == KO_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		e = sql_fail(st, rc, N_("compare names"));
	if (e != KO_OK)
		alike_free(out);
	return e;
}

void alike_free(struct alike *a)
{
	free(a->name);
	memset(a, 0, sizeof *a);
}
