/* driver.c - SQLite's side of the store's driver (../driver.h): the text
 * of every statement id in SQLite's dialect, prepared once per session
 * and kept, and the calls the shared code makes on them. */
#include <stdlib.h>
#include "internal.h"
#include "kickoff/i18n.h"

/* The column lists the entity files' readers expect. */
#define ACTION_COLS \
	"a.id, a.meeting_id, a.decision_id, a.text, a.owner, a.due, a.status," \
	" a.created_at, a.done_at, a.version, p.name, m.kind"
#define ACTION_FROM \
	" FROM action a JOIN meeting m ON m.id = a.meeting_id JOIN project p ON p.id = m.project_id"
/* One statement per combination of filters, so that each has the plan
 * its filters allow: a filter written as "(?n IS NULL OR col = ?n)" keeps
 * SQLite from using any index and scans every action (the ids are in
 * driver.h: SQL_ACTION_QUERY + status * 4 + owner * 2 + meeting).  With a
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

#define MEETING_COLS \
	"m.id, m.project_id, m.kind, m.title, m.starts_at, m.place, m.host, m.purpose," \
	" m.status, m.version, p.name, p.lang"
#define MEETING_FROM " FROM meeting m JOIN project p ON p.id = m.project_id"
#define ATTENDEE_COLS "id, meeting_id, name, role, organisation, version, email, status"
#define DECISION_COLS \
	"d.id, d.meeting_id, d.item_id, i.position, d.text, d.decided_by, d.decided_at, d.version," \
	" d.state, d.agreed_at"
#define DECISION_FROM " FROM decision d LEFT JOIN item i ON i.id = d.item_id"
#define ITEM_COLS "id, meeting_id, position, title, note, checked_at, checked_by, version," \
	" planned_minutes, presenter, clock_started_at, clock_seconds"
#define RISK_COLS \
	"r.id, r.meeting_id, r.item_id, i.position, r.text, r.likelihood, r.impact," \
	" r.mitigation, r.owner, r.status, r.version, r.carried_from"
#define RISK_FROM " FROM risk r LEFT JOIN item i ON i.id = r.item_id"
/* A tick that is already in the wanted state keeps its original time and
 * author: ticking twice is one tick. */
#define SET_CHECKED \
	"UPDATE item SET checked_at = CASE WHEN ?1 THEN coalesce(checked_at, ?2) END," \
	" checked_by = CASE WHEN ?1 THEN coalesce(checked_by, ?3) END," \
	" version = version + ((checked_at IS NULL) = (?1 <> 0))"
#define OUTPUT_COLS "id, meeting_id, position, name, owner, status, link, version, due"

static const char *const sql_text_of[SQL_COUNT] = {
	[SQL_ATTENDEE_ADD] =
		"INSERT INTO attendee(meeting_id, name, role, organisation, email, status)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SQL_ATTENDEE_LIST] =
		"SELECT " ATTENDEE_COLS " FROM attendee WHERE meeting_id = ?1 ORDER BY id",
	[SQL_ATTENDEE_GET] = "SELECT " ATTENDEE_COLS " FROM attendee WHERE id = ?1",
	[SQL_ATTENDEE_PRESENT] =
		"UPDATE attendee SET status = ?1, version = version + 1 WHERE id = ?2",
	[SQL_ATTENDEE_UPDATE] =
		"UPDATE attendee SET name = ?1, role = ?2, organisation = ?3, email = ?4,"
		" status = ?5, version = version + 1 WHERE id = ?6 AND version = ?7",
	/* What is given over what the row has; "invited", the default, keeps
	 * the status. */
	[SQL_ATTENDEE_FILL_HOST] =
		"UPDATE attendee SET role = CASE WHEN ?3 <> '' THEN ?3 ELSE role END,"
		" organisation = CASE WHEN ?4 <> '' THEN ?4 ELSE organisation END,"
		" email = coalesce(?5, email), status = CASE WHEN ?6 = 'invited' THEN status ELSE ?6 END,"
		" version = version + 1 WHERE id = (SELECT a.id FROM attendee a"
		" JOIN meeting m ON m.id = a.meeting_id WHERE a.meeting_id = ?1 AND a.name = ?2"
		" AND a.name = m.host AND a.role IN (?7, ?8) ORDER BY a.id LIMIT 1) RETURNING id",
	[SQL_DECISION_ADD] =
		"INSERT INTO decision(meeting_id, item_id, text, decided_by, decided_at, state, agreed_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?6 = 'agreed' THEN ?5 END)",
	[SQL_DECISION_LIST] =
		"SELECT " DECISION_COLS DECISION_FROM " WHERE d.meeting_id = ?1 ORDER BY d.id",
	[SQL_DECISION_GET] = "SELECT " DECISION_COLS DECISION_FROM " WHERE d.id = ?1",
	/* agreed_at follows the state: set when it becomes agreed, kept
	 * while it stays agreed, cleared otherwise. */
	[SQL_DECISION_UPDATE] =
		"UPDATE decision SET text = ?1, decided_by = ?2, item_id = ?3,"
		" agreed_at = CASE WHEN ?6 = 'agreed' THEN coalesce(agreed_at, ?7) END, state = ?6,"
		" version = version + 1 WHERE id = ?4 AND version = ?5",
	[SQL_MEETING_GET] = "SELECT " MEETING_COLS MEETING_FROM " WHERE m.id = ?1",
	[SQL_MEETING_OF_KIND] =
		"SELECT " MEETING_COLS MEETING_FROM " WHERE m.project_id = ?1 AND m.kind = ?2",
	[SQL_MEETINGS_OF] =
		"SELECT " MEETING_COLS MEETING_FROM " WHERE m.project_id = ?1 ORDER BY m.kind",
	[SQL_MEETING_UPDATE] =
		"UPDATE meeting SET title = ?1, starts_at = ?2, place = ?3, host = ?4,"
		" purpose = ?5, status = ?6, version = version + 1 WHERE id = ?7 AND version = ?8",
	[SQL_MEETING_PROGRESS] =
		"SELECT"
		" (SELECT count(*) FROM attendee WHERE meeting_id = ?1),"
		" (SELECT count(*) FROM attendee WHERE meeting_id = ?1 AND status = 'present'),"
		" (SELECT count(*) FROM item WHERE meeting_id = ?1),"
		" (SELECT count(checked_at) FROM item WHERE meeting_id = ?1),"
		" (SELECT count(*) FROM decision WHERE meeting_id = ?1),"
		" (SELECT count(*) FROM risk WHERE meeting_id = ?1),"
		" (SELECT count(*) FROM risk WHERE meeting_id = ?1 AND status = 'open'),"
		" (SELECT count(*) FROM output WHERE meeting_id = ?1),"
		" (SELECT count(*) FROM output WHERE meeting_id = ?1 AND status = 'done'),"
		" (SELECT count(*) FROM action WHERE meeting_id = ?1),"
		" (SELECT count(*) FROM action WHERE meeting_id = ?1 AND status = 'done'),"
		" (SELECT count(*) FROM action WHERE meeting_id = ?1 AND +status = 'open' AND +due < ?2)",
	[SQL_KO_STATUS] = "SELECT status FROM meeting WHERE project_id = ?1 AND kind = 'ko'",
	[SQL_ITEM_LIST] =
		"SELECT " ITEM_COLS " FROM item WHERE meeting_id = ?1 ORDER BY position",
	[SQL_ITEM_GET] = "SELECT " ITEM_COLS " FROM item WHERE id = ?1",
	[SQL_RISK_LIST] = "SELECT " RISK_COLS RISK_FROM " WHERE r.meeting_id = ?1 ORDER BY r.id",
	[SQL_RISK_GET] = "SELECT " RISK_COLS RISK_FROM " WHERE r.id = ?1",
	[SQL_OUTPUT_LIST] =
		"SELECT " OUTPUT_COLS " FROM output WHERE meeting_id = ?1 ORDER BY position",
	[SQL_OUTPUT_GET] = "SELECT " OUTPUT_COLS " FROM output WHERE id = ?1",
	[SQL_ITEM_CHECK] =
		SET_CHECKED " WHERE meeting_id = ?4 AND position = ?5",
	[SQL_ITEM_SET_CHECKED] =
		SET_CHECKED " WHERE id = ?4",
	[SQL_ITEM_UPDATE] =
		"UPDATE item SET title = ?1, note = ?2, version = version + 1"
		" WHERE id = ?3 AND version = ?4",
	[SQL_OUTPUT_SET] =
		"UPDATE output SET status = coalesce(?1, status), owner = coalesce(?2, owner),"
		" due = CASE WHEN ?5 IS NULL THEN due WHEN ?5 = '' THEN NULL ELSE ?5 END,"
		" version = version + 1 WHERE meeting_id = ?3 AND position = ?4",
	[SQL_OUTPUT_UPDATE] =
		"UPDATE output SET name = ?1, owner = ?2, status = ?3, link = ?4,"
		" version = version + 1, due = ?7 WHERE id = ?5 AND version = ?6",
	[SQL_RISK_UPDATE] =
		"UPDATE risk SET text = ?1, likelihood = ?2, impact = ?3, mitigation = ?4,"
		" owner = ?5, status = ?6, item_id = ?7, version = version + 1"
		" WHERE id = ?8 AND version = ?9",
	[SQL_MODIFIED_AT] =
		"SELECT c.at FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2 ORDER BY r.id DESC LIMIT 1",
	[SQL_ACTION_LIST] = "SELECT " ACTION_COLS ACTION_FROM " WHERE a.meeting_id = ?1 ORDER BY a.id",
	[SQL_ACTION_GET] = "SELECT " ACTION_COLS ACTION_FROM " WHERE a.id = ?1",
	[SQL_ACTION_SET_STATUS] =
		"UPDATE action SET status = ?1,"
		" done_at = CASE WHEN ?1 = 'done' THEN coalesce(done_at, ?2) END,"
		" version = version + (status <> ?1) WHERE id = ?3",
	[SQL_ACTION_UPDATE] =
		"UPDATE action SET text = ?1, owner = ?2, due = ?3, status = ?4,"
		" done_at = CASE WHEN ?4 = 'done' THEN coalesce(done_at, ?5) END,"
		" decision_id = ?6, version = version + 1 WHERE id = ?7 AND version = ?8",
	[SQL_DECISION_IN_MEETING] = "SELECT 1 FROM decision WHERE id = ?1 AND meeting_id = ?2",
	[SQL_ACTION_QUERY + 0] = AQ(0, ""),
	[SQL_ACTION_QUERY + 1] = AQM(0, ""),
	[SQL_ACTION_QUERY + 2] = AQ(0, AQ_OWNER),
	[SQL_ACTION_QUERY + 3] = AQM(0, AQ_OWNER),
	[SQL_ACTION_QUERY + 4] = AQ(1, ""),
	[SQL_ACTION_QUERY + 5] = AQM(1, ""),
	[SQL_ACTION_QUERY + 6] = AQ(1, AQ_OWNER),
	[SQL_ACTION_QUERY + 7] = AQM(1, AQ_OWNER),
	[SQL_ACTION_QUERY + 8] = AQ(2, ""),
	[SQL_ACTION_QUERY + 9] = AQM(2, ""),
	[SQL_ACTION_QUERY + 10] = AQ(2, AQ_OWNER),
	[SQL_ACTION_QUERY + 11] = AQM(2, AQ_OWNER),
	[SQL_ITEM_AT] = "SELECT id FROM item WHERE meeting_id = ?1 AND position = ?2",
	[SQL_ITEM_IN_MEETING] = "SELECT 1 FROM item WHERE id = ?1 AND meeting_id = ?2",
	[SQL_RISK_CARRY] =
		"INSERT INTO risk(meeting_id, text, likelihood, impact, mitigation, owner, status,"
		" carried_from) SELECT ?2, text, likelihood, impact, mitigation, owner, status, id"
		" FROM risk WHERE id = ?1",
	[SQL_RISK_CARRIED_AS] = "SELECT id FROM risk WHERE carried_from = ?1",
	[SQL_DELETE_PROJECT] = "DELETE FROM project WHERE id = ?1",
	[SQL_DELETE_MEETING] = "DELETE FROM meeting WHERE id = ?1",
	[SQL_DELETE_ATTENDEE] = "DELETE FROM attendee WHERE id = ?1",
	[SQL_DELETE_DECISION] = "DELETE FROM decision WHERE id = ?1",
	[SQL_DELETE_RISK] = "DELETE FROM risk WHERE id = ?1",
	[SQL_DELETE_QUESTION] = "DELETE FROM question WHERE id = ?1",
	[SQL_DELETE_ACTION] = "DELETE FROM action WHERE id = ?1",
	[SQL_DELETE_ITEM] = "DELETE FROM item WHERE id = ?1 RETURNING meeting_id, position",
	[SQL_LIFT_ITEMS] =
		"UPDATE item SET position = position + 1000000 WHERE meeting_id = ?1 AND position > ?2",
	[SQL_LOWER_ITEMS] =
		"UPDATE item SET position = position - 1000001 WHERE meeting_id = ?1 AND position > 1000000",
	[SQL_DELETE_OUTPUT] = "DELETE FROM output WHERE id = ?1 RETURNING meeting_id, position",
	[SQL_LIFT_OUTPUTS] =
		"UPDATE output SET position = position + 1000000 WHERE meeting_id = ?1 AND position > ?2",
	[SQL_LOWER_OUTPUTS] =
		"UPDATE output SET position = position - 1000001 WHERE meeting_id = ?1 AND position > 1000000",
};

struct sqlite_stmt {
	struct store_stmt base;
	sqlite3_stmt *s;
};

static inline sqlite3_stmt *raw(struct store_stmt *s)
{
	return ((struct sqlite_stmt *)s)->s;
}

static const struct store_driver sqlite_driver;

static struct store_stmt *drv_prepare(struct store *st, enum store_sql id)
{
	struct sqlite_stmt *p = st->prepared[id];
	if (p) {
		sqlite3_reset(p->s);
		sqlite3_clear_bindings(p->s);
		return &p->base;
	}
	p = malloc(sizeof *p);
	if (!p) {
		store_fail(st, KO_NOMEM, _("out of memory"));
		return NULL;
	}
	int rc = sqlite3_prepare_v3(st->db, sql_text_of[id], -1, SQLITE_PREPARE_PERSISTENT,
	                            &p->s, NULL);
	if (rc != SQLITE_OK) {
		free(p);
		sql_fail(st, rc, N_("prepare"));
		return NULL;
	}
	p->base.drv = &sqlite_driver;
	st->prepared[id] = p;
	return &p->base;
}

static void drv_bind_int(struct store_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(raw(s), i, v);
}

static void drv_bind_text(struct store_stmt *s, int i, const char *text, int n)
{
	if (!text)
		sqlite3_bind_null(raw(s), i);
	else
		sqlite3_bind_text(raw(s), i, text, n, SQLITE_TRANSIENT);
}

static enum store_step drv_step(struct store *st, struct store_stmt *s, const char *what)
{
	int rc = sqlite3_step(raw(s));
	if (rc == SQLITE_ROW)
		return STEP_ROW;
	sqlite3_reset(raw(s));
	if (rc == SQLITE_DONE)
		return STEP_DONE;
	sql_fail(st, rc, what);
	return STEP_ERROR;
}

static void drv_reset(struct store_stmt *s)
{
	sqlite3_reset(raw(s));
}

static int64_t drv_column_int(struct store_stmt *s, int i)
{
	return sqlite3_column_int64(raw(s), i);
}

static char *drv_column_text(struct store_stmt *s, int i)
{
	return col_text(raw(s), i);
}

static int64_t drv_changes(struct store *st)
{
	return sqlite3_changes64(st->db);
}

static int64_t drv_last_id(struct store *st)
{
	return sqlite3_last_insert_rowid(st->db);
}

static enum ko_err drv_read_begin(struct store *st)
{
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("read minutes"));
	return KO_OK;
}

static void drv_read_end(struct store *st)
{
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

static const struct store_driver sqlite_driver = {
	.name = "sqlite",
	.prepare = drv_prepare,
	.bind_int = drv_bind_int,
	.bind_text = drv_bind_text,
	.step = drv_step,
	.reset = drv_reset,
	.column_int = drv_column_int,
	.column_text = drv_column_text,
	.changes = drv_changes,
	.last_id = drv_last_id,
	.begin = tx_begin,
	.end = tx_end,
	.read_begin = drv_read_begin,
	.read_end = drv_read_end,
};

const struct store_driver *sqlite_driver_get(void)
{
	return &sqlite_driver;
}

void sqlite_driver_close(struct store *st)
{
	for (int i = 0; i < SQL_COUNT; i++) {
		if (st->prepared[i]) {
			sqlite3_finalize(st->prepared[i]->s);
			free(st->prepared[i]);
			st->prepared[i] = NULL;
		}
	}
}
