/* action.c - follow-up actions: owner, due date, status; and the
 * cross-meeting list scripts use to track them to done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"

/* Columns: id, meeting_id, decision_id, text, owner, due, status,
 * created_at, done_at, version, the project's name, the meeting's kind. */
static void read_action(struct store_stmt *s, void *out)
{
	struct action *a = out;
	memset(a, 0, sizeof *a);
	a->id = col_int(s, 0);
	a->meeting_id = col_int(s, 1);
	a->decision_id = col_int(s, 2);
	a->text = col_str(s, 3);
	a->owner = col_str(s, 4);
	a->due = col_str(s, 5);
	char *status = col_str(s, 6);
	int st = action_status_parse(status);
	free(status);
	a->status = st < 0 ? ASTATUS_OPEN : (enum action_status)st;
	a->created_at = col_str(s, 7);
	a->done_at = col_str(s, 8);
	a->version = col_int(s, 9);
	a->project_name = col_str(s, 10);
	char *kind = col_str(s, 11);
	a->kind = kind_parse(kind) == KIND_TKO ? KIND_TKO : KIND_KO;
	free(kind);
}

static void free_actions(void *v) { vec_action_free(v); }

static enum ko_err check_action(struct store *st, const char *text,
                                const char *owner, const char *due)
{
	enum ko_err rc = check_text(st, N_("action text"), text, TEXT_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("owner"), owner, NAME_MAX_BYTES, true);
	if (rc == KO_OK && due && *due && !date_valid(due))
		rc = store_fail(st, KO_INVALID, _("invalid due date '%s' (want YYYY-MM-DD)"), due);
	return rc;
}

static enum ko_err check_decision(struct store *st, int64_t meeting_id, int64_t decision_id)
{
	bool found = true;
	enum ko_err rc = decision_id ? sql_exists(st, SQL_DECISION_IN_MEETING, decision_id,
	                                          meeting_id, &found)
	                             : KO_OK;
	if (rc == KO_OK && !found)
		rc = store_fail(st, KO_NOTFOUND, _("the meeting has no decision with id %lld"),
		                (long long)decision_id);
	return rc;
}

enum ko_err store_action_add(struct store *st, const struct action *a, int64_t *id_out)
{
	int64_t meeting_id = a->meeting_id, decision_id = a->decision_id;
	const char *text = a->text, *owner = a->owner;
	const char *due = a->due && *a->due ? a->due : NULL;
	enum ko_err rc = check_action(st, text, owner, due);
	if (rc == KO_OK)
		rc = check_decision(st, meeting_id, decision_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO action(meeting_id, decision_id, text, owner, due, created_at, status,"
		" done_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?7 = 'done' THEN ?6 END)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	char now[21];
	clock_stamp(now);
	sqlite3_bind_int64(s, 1, meeting_id);
	if (decision_id)
		sqlite3_bind_int64(s, 2, decision_id);
	bind_typed(s, 3, text);
	bind_typed(s, 4, owner);
	bind_text_or_null(s, 5, due);
	bind_text(s, 6, now);
	bind_text(s, 7, action_status_name(a->status));
	rc = write_one(st, meeting_id, N_("add action"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_actions(struct store *st, int64_t meeting_id, vec_action *out)
{
	return sql_list(st, SQL_ACTION_LIST, meeting_id, out, sizeof *out->v, read_action,
	                free_actions, N_("list actions"));
}

enum ko_err store_action_get(struct store *st, int64_t id, struct action *out)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("no action with id %lld"), (long long)id);
	return sql_get(st, SQL_ACTION_GET, id, out, read_action, msg);
}

enum ko_err store_action_set_status(struct store *st, int64_t id,
                                    enum action_status status)
{
	/* Setting the state it is already in keeps its done time. */
	struct store_stmt *s = sql_prepare(st, SQL_ACTION_SET_STATUS);
	if (!s)
		return store_error(st)->code;
	char now[21];
	clock_stamp(now);
	sql_text(s, 1, action_status_name(status));
	sql_text(s, 2, now);
	sql_int(s, 3, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no action with id %lld"), (long long)id);
	return sql_write(st, 0, N_("set action status"), s, KO_NOTFOUND, msg);
}

enum ko_err store_action_update(struct store *st, const struct action *a)
{
	enum ko_err rc = check_action(st, a->text, a->owner, a->due);
	if (rc == KO_OK)
		rc = check_decision(st, a->meeting_id, a->decision_id);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_ACTION_UPDATE);
	if (!s)
		return store_error(st)->code;
	char now[21];
	clock_stamp(now);
	sql_typed(s, 1, a->text);
	sql_typed(s, 2, a->owner);
	sql_text(s, 3, a->due && *a->due ? a->due : NULL);
	sql_text(s, 4, action_status_name(a->status));
	sql_text(s, 5, now);
	if (a->decision_id)
		sql_int(s, 6, a->decision_id);
	sql_int(s, 7, a->id);
	sql_int(s, 8, a->version);
	return sql_write(st, a->meeting_id, N_("edit action"), s, KO_CONFLICT,
	                 _("the action was changed or deleted by someone else"));
}

enum ko_err store_action_query(struct store *st, const struct action_query *q,
                               vec_action *out)
{
	int status = q->overdue_only ? 2 : q->open_only ? 1 : 0;
	/* One statement per combination of filters (driver.h). */
	enum store_sql id = SQL_ACTION_QUERY + status * 4 + (q->owner != NULL) * 2 +
	                    (q->meeting_id != 0);
	struct store_stmt *s = sql_prepare(st, id);
	if (!s)
		return store_error(st)->code;
	char today[11];
	if (q->today)
		snprintf(today, sizeof today, "%s", q->today);
	else
		clock_today(today);
	/* Unused parameters stay unbound. */
	if (status == 2)
		sql_text(s, 2, today);
	if (q->owner)
		sql_text(s, 3, q->owner);
	if (q->meeting_id)
		sql_int(s, 4, q->meeting_id);
	sql_int(s, 5, q->limit > 0 ? q->limit : -1);
	sql_int(s, 6, q->offset > 0 ? q->offset : 0);
	return sql_rows(st, s, out, sizeof *out->v, read_action, free_actions, N_("list actions"));
}
