/* action.c - follow-up actions: owner, due date, status; and the
 * cross-meeting list scripts use to track them to done. */
#include <stdio.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"

#define ACTION_COLS \
	"a.id, a.meeting_id, a.decision_id, a.text, a.owner, a.due, a.status," \
	" a.created_at, a.done_at, a.version, p.name, m.kind"
#define ACTION_FROM \
	" FROM action a JOIN meeting m ON m.id = a.meeting_id JOIN project p ON p.id = m.project_id"

static void read_action(sqlite3_stmt *s, void *out)
{
	struct action *a = out;
	a->id = sqlite3_column_int64(s, 0);
	a->meeting_id = sqlite3_column_int64(s, 1);
	a->decision_id = sqlite3_column_int64(s, 2);
	a->text = col_text(s, 3);
	a->owner = col_text(s, 4);
	a->due = col_text(s, 5);
	int st = action_status_parse((const char *)sqlite3_column_text(s, 6));
	a->status = st < 0 ? ASTATUS_OPEN : (enum action_status)st;
	a->created_at = col_text(s, 7);
	a->done_at = col_text(s, 8);
	a->version = sqlite3_column_int64(s, 9);
	a->project_name = col_text(s, 10);
	a->kind = kind_parse((const char *)sqlite3_column_text(s, 11)) == KIND_TKO ? KIND_TKO : KIND_KO;
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
	static const char sql[] = "SELECT 1 FROM decision WHERE id = ?1 AND meeting_id = ?2";
	bool found;
	enum ko_err rc = row_in_meeting(st, sql, decision_id, meeting_id, &found);
	if (rc == KO_OK && !found)
		rc = store_fail(st, KO_NOTFOUND, _("the meeting has no decision with id %lld"),
		                (long long)decision_id);
	return rc;
}

enum ko_err store_action_add(struct store *st, int64_t meeting_id,
                             const char *text, const char *owner,
                             const char *due, int64_t decision_id,
                             int64_t *id_out)
{
	enum ko_err rc = check_action(st, text, owner, due);
	if (rc == KO_OK)
		rc = check_decision(st, meeting_id, decision_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO action(meeting_id, decision_id, text, owner, due, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
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
	rc = write_one(st, meeting_id, N_("add action"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_actions(struct store *st, int64_t meeting_id, vec_action *out)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM
		" WHERE a.meeting_id = ?1 ORDER BY a.id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	memset(out, 0, sizeof *out);
	return read_rows(st, s, out, sizeof *out->v, read_action, free_actions, N_("list actions"));
}

enum ko_err store_action_get(struct store *st, int64_t id, struct action *out)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM " WHERE a.id = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	/* Filled only when found: a miss must not wipe (and leak) what the
	 * caller holds. */
	struct action a = { 0 };
	char msg[64];
	snprintf(msg, sizeof msg, _("no action with id %lld"), (long long)id);
	enum ko_err rc = read_one(st, s, &a, read_action, msg);
	if (rc == KO_OK)
		*out = a;
	return rc;
}

enum ko_err store_action_set_status(struct store *st, int64_t id,
                                    enum action_status status)
{
	/* Setting the state it is already in keeps its done time. */
	static const char sql[] =
		"UPDATE action SET status = ?1,"
		" done_at = CASE WHEN ?1 = 'done' THEN coalesce(done_at, ?2) END,"
		" version = version + (status <> ?1) WHERE id = ?3";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	char now[21];
	clock_stamp(now);
	bind_text(s, 1, action_status_name(status));
	bind_text(s, 2, now);
	sqlite3_bind_int64(s, 3, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no action with id %lld"), (long long)id);
	return write_one(st, 0, N_("set action status"), s, KO_NOTFOUND, msg);
}

enum ko_err store_action_update(struct store *st, const struct action *a)
{
	enum ko_err rc = check_action(st, a->text, a->owner, a->due);
	if (rc == KO_OK)
		rc = check_decision(st, a->meeting_id, a->decision_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"UPDATE action SET text = ?1, owner = ?2, due = ?3, status = ?4,"
		" done_at = CASE WHEN ?4 = 'done' THEN coalesce(done_at, ?5) END,"
		" decision_id = ?6, version = version + 1 WHERE id = ?7 AND version = ?8";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	char now[21];
	clock_stamp(now);
	bind_typed(s, 1, a->text);
	bind_typed(s, 2, a->owner);
	bind_text_or_null(s, 3, a->due);
	bind_text(s, 4, action_status_name(a->status));
	bind_text(s, 5, now);
	if (a->decision_id)
		sqlite3_bind_int64(s, 6, a->decision_id);
	sqlite3_bind_int64(s, 7, a->id);
	sqlite3_bind_int64(s, 8, a->version);
	return write_one(st, a->meeting_id, N_("edit action"), s, KO_CONFLICT,
	                 _("the action was changed or deleted by someone else"));
}

/* One statement per combination of filters, so that each has the plan
 * its filters allow: a filter written as "(?n IS NULL OR col = ?n)" keeps
 * SQLite from using any index and scans every action.  The index is
 * [status][owner][meeting]; status 0 any, 1 open, 2 overdue.  With a
 * meeting, the status test has a unary + so that the meeting's own rows
 * (action_by_meeting) are read, not every open action of every meeting. */
#define AQ_STATUS_0 ""
#define AQ_STATUS_1 " AND a.status = 'open'"
#define AQ_STATUS_2 " AND a.status = 'open' AND a.due < ?2"
#define AQ_MSTATUS_0 ""
#define AQ_MSTATUS_1 " AND +a.status = 'open'"
#define AQ_MSTATUS_2 " AND +a.status = 'open' AND +a.due < ?2"
#define AQ_ORDER " ORDER BY a.due IS NULL, a.due, a.id LIMIT ?5 OFFSET ?6"
#define AQ(status, owner) \
	"SELECT " ACTION_COLS ACTION_FROM " WHERE 1" AQ_STATUS_##status owner AQ_ORDER
#define AQM(status, owner) \
	"SELECT " ACTION_COLS ACTION_FROM " WHERE a.meeting_id = ?4" AQ_MSTATUS_##status \
	owner AQ_ORDER
#define AQ_OWNER " AND a.owner = ?3"
static const char *const action_query_sql[3][2][2] = {
	{ { AQ(0, ""), AQM(0, "") }, { AQ(0, AQ_OWNER), AQM(0, AQ_OWNER) } },
	{ { AQ(1, ""), AQM(1, "") }, { AQ(1, AQ_OWNER), AQM(1, AQ_OWNER) } },
	{ { AQ(2, ""), AQM(2, "") }, { AQ(2, AQ_OWNER), AQM(2, AQ_OWNER) } },
};

enum ko_err store_action_query(struct store *st, const struct action_query *q,
                               vec_action *out)
{
	int status = q->overdue_only ? 2 : q->open_only ? 1 : 0;
	sqlite3_stmt *s = stmt(st, action_query_sql[status][q->owner != NULL][q->meeting_id != 0]);
	if (!s)
		return st->err.code;
	char today[11];
	if (q->today)
		snprintf(today, sizeof today, "%s", q->today);
	else
		clock_today(today);
	/* Unused parameters stay unbound: SQLite allows it. */
	if (status == 2)
		bind_text(s, 2, today);
	if (q->owner)
		bind_text(s, 3, q->owner);
	if (q->meeting_id)
		sqlite3_bind_int64(s, 4, q->meeting_id);
	sqlite3_bind_int(s, 5, q->limit > 0 ? q->limit : -1);
	sqlite3_bind_int(s, 6, q->offset > 0 ? q->offset : 0);
	memset(out, 0, sizeof *out);
	return read_rows(st, s, out, sizeof *out->v, read_action, free_actions, N_("list actions"));
}
