/* minutes.c - everything recorded for one meeting, for exports. */
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"

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
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != KO_OK)
		minutes_free(out);
	return rc;
}
