/* minutes.c - everything recorded for one meeting, for exports. */
#include <string.h>
#include "driver.h"
#include "rules.h"
#include "kickoff/i18n.h"

/* When the change log last touched a row ("" when it never did, as for
 * a row imported from a file): a calendar's LAST-MODIFIED. */
static enum ko_err modified_at(struct store *st, const char *table, int64_t id, char **out)
{
	struct store_stmt *s = sql_prepare(st, SQL_MODIFIED_AT);
	if (!s)
		return store_error(st)->code;
	sql_text(s, 1, table);
	sql_int(s, 2, id);
	enum store_step r = s->drv->step(st, s, N_("read minutes"));
	if (r == STEP_ERROR)
		return store_error(st)->code;
	*out = r == STEP_ROW ? col_str(s, 0) : strdup("");
	if (r == STEP_ROW)
		s->drv->reset(s);
	return *out ? KO_OK : store_fail(st, KO_NOMEM, _("out of memory"));
}

enum ko_err store_minutes(struct store *st, int64_t meeting_id, struct minutes *out)
{
	memset(out, 0, sizeof *out);
	/* One read transaction: the minutes are a consistent snapshot even
	 * while another session writes. */
	const struct store_driver *drv = store_driver(st);
	if (drv->read_begin(st) != KO_OK)
		return store_error(st)->code;
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
		rc = store_questions(st, meeting_id, &out->questions);
	if (rc == KO_OK)
		rc = store_raci(st, meeting_id, &out->raci);
	if (rc == KO_OK)
		rc = modified_at(st, "meeting", meeting_id, &out->meeting.modified_at);
	for (size_t i = 0; rc == KO_OK && i < out->actions.n; i++)
		rc = modified_at(st, "action", out->actions.v[i].id, &out->actions.v[i].modified_at);
	drv->read_end(st);
	if (rc != KO_OK)
		minutes_free(out);
	return rc;
}
