/* presence.c - who has which meeting open, and drafts kept when a
 * session is cut off.  Neither is a user's change: no change log. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"

/* An entry not renewed for this long belongs to a session that is gone. */
#define PRESENCE_TTL 10

/* Presence is real time, not the injectable clock: it must expire. */
static int64_t wall_now(void)
{
	return (int64_t)time(NULL);
}

enum ko_err store_presence_beat(struct store *st, const char *session, int64_t meeting_id)
{
	static const char sweep_sql[] = "DELETE FROM presence WHERE seen_at < ?1";
	static const char beat_sql[] =
		"INSERT INTO presence(session, who, meeting_id, seen_at) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(session) DO UPDATE SET who = ?2, meeting_id = ?3, seen_at = ?4";
	/* Not a change: no tx_begin, no change log.  A heartbeat never
	 * waits for another session's lock: the screen must not stall on it,
	 * and the next beat comes in two seconds anyway. */
	st->no_wait = true;
	int begun = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	st->no_wait = false;
	if (begun != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("presence"));
	int64_t now = wall_now();
	sqlite3_stmt *s = stmt(st, sweep_sql);
	enum ko_err rc = s ? KO_OK : st->err.code;
	if (rc == KO_OK) {
		sqlite3_bind_int64(s, 1, now - PRESENCE_TTL);
		rc = step_done(st, s, N_("presence"));
	}
	if (rc == KO_OK && !(s = stmt(st, beat_sql)))
		rc = st->err.code;
	if (rc == KO_OK) {
		bind_text(s, 1, session);
		bind_text(s, 2, st->who);
		if (meeting_id)
			sqlite3_bind_int64(s, 3, meeting_id);
		sqlite3_bind_int64(s, 4, now);
		rc = step_done(st, s, N_("presence"));
	}
	if (rc == KO_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = sql_fail(st, sqlite3_extended_errcode(st->db), N_("presence"));
	if (rc != KO_OK && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum ko_err store_presence_leave(struct store *st, const char *session)
{
	static const char sql[] = "DELETE FROM presence WHERE session = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, session);
	return step_done(st, s, N_("presence"));
}

enum ko_err store_presence_others(struct store *st, const char *session,
                                  int64_t meeting_id, char **out)
{
	static const char sql[] =
		"SELECT group_concat(who, ', ') FROM (SELECT DISTINCT who FROM presence"
		" WHERE meeting_id = ?1 AND session <> ?2 AND seen_at >= ?3 AND who <> ?4 ORDER BY who)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_text(s, 2, session);
	sqlite3_bind_int64(s, 3, wall_now() - PRESENCE_TTL);
	bind_text(s, 4, st->who);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = col_text(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? KO_OK : sql_fail(st, rc, N_("presence"));
}

enum ko_err store_draft_save(struct store *st, int64_t meeting_id, const char *what,
                             const char *text)
{
	static const char sql[] =
		"INSERT INTO draft(who, meeting_id, what, text, saved_at) VALUES (?1, ?2, ?3, ?4, ?5)";
	/* A draft names its meeting by id: into a database restored since
	 * the form opened, it would be offered back in another meeting. */
	if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("save draft"));
	enum ko_err rc = identity_holds(st);
	sqlite3_stmt *s = rc == KO_OK ? stmt(st, sql) : NULL;
	if (rc == KO_OK && !s)
		rc = st->err.code;
	if (rc == KO_OK) {
		char now[21];
		clock_stamp(now);
		bind_text(s, 1, st->who);
		if (meeting_id)
			sqlite3_bind_int64(s, 2, meeting_id);
		bind_text(s, 3, what);
		bind_text(s, 4, text);
		bind_text(s, 5, now);
		rc = step_done(st, s, N_("save draft"));
	}
	if (rc == KO_OK && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = sql_fail(st, sqlite3_extended_errcode(st->db), N_("save draft"));
	if (rc != KO_OK && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum ko_err store_draft_take(struct store *st, int64_t *meeting_id, char **what, char **text)
{
	static const char sql[] =
		"DELETE FROM draft WHERE id = (SELECT max(id) FROM draft WHERE who = ?1)"
		" RETURNING meeting_id, what, text";
	*text = NULL;
	*what = NULL;
	*meeting_id = 0;
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, st->who);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*meeting_id = sqlite3_column_int64(s, 0);
		*what = col_text(s, 1);
		*text = col_text(s, 2);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("take draft"));
}
