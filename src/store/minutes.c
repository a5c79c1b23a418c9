/* minutes.c - everything recorded for one meeting, for exports. */
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"

/* When the change log last touched a row ("" when it never did, as for
 * a row imported from a file): a calendar's LAST-MODIFIED. */
static enum ko_err modified_at(struct store *st, const char *table, int64_t id, char **out)
{
	static const char sql[] =
		"SELECT c.at FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2 ORDER BY r.id DESC LIMIT 1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, table);
	sqlite3_bind_int64(s, 2, id);
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW ? col_text(s, 0) : strdup("");
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_fail(st, rc, N_("read minutes"));
	return *out ? KO_OK : store_fail(st, KO_NOMEM, _("out of memory"));
}

enum ko_err store_minutes(struct store *st, int64_t meeting_id, struct minutes *out)
{
	memset(out, 0, sizeof *out);
	/* One read transaction: the minutes are a consistent snapshot even
	 * while another session writes. */
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("read minutes"));
	enum ko_err rc = store_meeting_get(st, meeting_id, &out->meeting);
	if (rc == KO_OK)
		rc = store_project_get(st, out->meeting.project_id, &out->project);
	if (rc == KO_OK)
		rc = store_attendees(st, meeting_id, &out->attendees);
	if (rc == KO_OK)
		rc = store_items(st, meeting_id, &out->items);
	if (rc == KO_OK)
		rc = store_decisions(st, meeting_id, &out->decisions);
	if (rc == KO_OK)
		rc = store_risks(st, meeting_id, &out->risks);
	if (rc == KO_OK)
		rc = store_outputs(st, meeting_id, &out->outputs);
	if (rc == KO_OK)
		rc = store_actions(st, meeting_id, &out->actions);
	if (rc == KO_OK)
		rc = modified_at(st, "meeting", meeting_id, &out->meeting.modified_at);
	for (size_t i = 0; rc == KO_OK && i < out->actions.n; i++)
		rc = modified_at(st, "action", out->actions.v[i].id, &out->actions.v[i].modified_at);
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != KO_OK)
		minutes_free(out);
	return rc;
}
