/* decision.c - what the meeting decided, by whom, on which agenda item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "driver.h"
#include "rules.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"

/* Columns: id, meeting_id, item_id, the item's position, text,
 * decided_by, decided_at, version, state, agreed_at. */
static void read_decision(struct store_stmt *s, void *out)
{
	struct decision *d = out;
	memset(d, 0, sizeof *d);
	d->id = col_int(s, 0);
	d->meeting_id = col_int(s, 1);
	d->item_id = col_int(s, 2);
	d->item_position = (int)col_int(s, 3);
	d->text = col_str(s, 4);
	d->decided_by = col_str(s, 5);
	d->decided_at = col_str(s, 6);
	d->version = col_int(s, 7);
	char *state = col_str(s, 8);
	int v = decision_state_parse(state);
	free(state);
	d->state = v < 0 ? DSTATE_AGREED : (enum decision_state)v;
	d->agreed_at = col_str(s, 9);
}

static void free_decisions(void *v) { vec_decision_free(v); }

/* The id of agenda item `position` of the meeting: 0 for position 0. */
enum ko_err item_id_at(struct store *st, int64_t meeting_id, int position, int64_t *out)
{
	*out = 0;
	if (position == 0)
		return KO_OK;
	struct store_stmt *s = sql_prepare(st, SQL_ITEM_AT);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, meeting_id);
	sql_int(s, 2, position);
	enum store_step r = s->drv->step(st, s, N_("find item"));
	if (r == STEP_ROW) {
		*out = col_int(s, 0);
		s->drv->reset(s);
		return KO_OK;
	}
	if (r == STEP_DONE)
		return store_fail(st, KO_NOTFOUND, _("the meeting has no agenda item %d"), position);
	return store_error(st)->code;
}

enum ko_err item_in_meeting(struct store *st, int64_t meeting_id, int64_t item_id)
{
	bool found = true;
	enum ko_err rc = item_id ? sql_exists(st, SQL_ITEM_IN_MEETING, item_id, meeting_id, &found)
	                         : KO_OK;
	if (rc == KO_OK && !found)
		rc = store_fail(st, KO_NOTFOUND, _("the meeting has no agenda item with id %lld"),
		                (long long)item_id);
	return rc;
}

static enum ko_err check_decision(struct store *st, const char *text, const char *by,
                                  enum decision_state state)
{
	if ((unsigned)state > DSTATE_REJECTED)
		return store_fail(st, KO_INVALID, _("invalid %s '%d'"), _("state"), (int)state);
	enum ko_err rc = check_text(st, N_("decision text"), text, TEXT_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("decided by"), by, NAME_MAX_BYTES, false);
	return rc;
}

enum ko_err store_decision_add(struct store *st, const struct decision *d, int64_t *id_out)
{
	int64_t meeting_id = d->meeting_id;
	const char *text = d->text, *decided_by = d->decided_by;
	int item_position = d->item_position;
	enum ko_err rc = check_decision(st, text, decided_by, d->state);
	int64_t item_id = 0;
	if (rc == KO_OK)
		rc = item_id_at(st, meeting_id, item_position, &item_id);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_DECISION_ADD);
	if (!s)
		return store_error(st)->code;
	char now[21];
	clock_stamp(now);
	sql_int(s, 1, meeting_id);
	sql_link(s, 2, item_id);
	sql_typed(s, 3, text);
	sql_typed(s, 4, decided_by ? decided_by : "");
	sql_text(s, 5, now);
	sql_text(s, 6, decision_state_name(d->state));
	return sql_insert(st, meeting_id, N_("add decision"), s, id_out);
}

enum ko_err store_decisions(struct store *st, int64_t meeting_id, vec_decision *out)
{
	return sql_list(st, SQL_DECISION_LIST, meeting_id, out, sizeof *out->v,
	                read_decision, free_decisions, N_("list decisions"));
}

enum ko_err store_decision_get(struct store *st, int64_t id, struct decision *out)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("no decision with id %lld"), (long long)id);
	return sql_get(st, SQL_DECISION_GET, id, out, read_decision, msg);
}

enum ko_err store_decision_update(struct store *st, const struct decision *d)
{
	enum ko_err rc = check_decision(st, d->text, d->decided_by, d->state);
	if (rc == KO_OK)
		rc = item_in_meeting(st, d->meeting_id, d->item_id);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_DECISION_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, d->text);
	sql_typed(s, 2, d->decided_by ? d->decided_by : "");
	sql_link(s, 3, d->item_id);
	sql_int(s, 4, d->id);
	sql_int(s, 5, d->version);
	sql_text(s, 6, decision_state_name(d->state));
	char now[21];
	clock_stamp(now);
	sql_text(s, 7, now);
	return sql_write(st, d->meeting_id, N_("edit decision"), s, KO_CONFLICT,
	                 _("the decision was changed or deleted by someone else"));
}
