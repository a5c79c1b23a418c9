/* raci.c - the RACI matrix of a meeting: one row per filled cell
 * (output x attendee), written one cell at a time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"

/* Columns: id, output_id, the output's position, attendee_id, role,
 * version. */
static void read_raci(sqlite3_stmt *s, void *out)
{
	struct raci *r = out;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->output_id = sqlite3_column_int64(s, 1);
	r->output_position = sqlite3_column_int(s, 2);
	r->attendee_id = sqlite3_column_int64(s, 3);
	int role = raci_role_parse((const char *)sqlite3_column_text(s, 4));
	r->role = role < 0 ? RACI_I : (enum raci_role)role;
	r->version = sqlite3_column_int64(s, 5);
}

static void free_raci(void *v) { vec_raci_free(v); }

enum ko_err store_raci(struct store *st, int64_t meeting_id, vec_raci *out)
{
	memset(out, 0, sizeof *out);
	static const char sql[] =
		"SELECT r.id, r.output_id, o.position, r.attendee_id, r.role, r.version"
		" FROM raci r JOIN output o ON o.id = r.output_id"
		" WHERE r.meeting_id = ?1 ORDER BY o.position, r.attendee_id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	return read_rows(st, s, out, sizeof *out->v, read_raci, free_raci, N_("list RACI"));
}

/* The id of output number position of the meeting, and the role of its
 * cell for attendee_id (-1: empty). */
static enum ko_err find_cell(struct store *st, int64_t meeting_id, int position,
                             int64_t attendee_id, int64_t *output_id, int *role)
{
	static const char out_sql[] = "SELECT id FROM output WHERE meeting_id = ?1 AND position = ?2";
	sqlite3_stmt *s = stmt(st, out_sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int(s, 2, position);
	int rc = sqlite3_step(s);
	*output_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sql_fail(st, rc, N_("set RACI"));
	if (!*output_id)
		return store_fail(st, KO_NOTFOUND, _("the meeting has no output %d"), position);
	static const char att_sql[] = "SELECT 1 FROM attendee WHERE id = ?1 AND meeting_id = ?2";
	bool found = false;
	enum ko_err e = row_in_meeting(st, att_sql, attendee_id, meeting_id, &found);
	if (e != KO_OK)
		return e;
	if (!found || !attendee_id)
		return store_fail(st, KO_NOTFOUND, _("the meeting has no attendee with id %lld"),
		                  (long long)attendee_id);
	static const char role_sql[] = "SELECT role FROM raci WHERE output_id = ?1 AND attendee_id = ?2";
	s = stmt(st, role_sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, *output_id);
	sqlite3_bind_int64(s, 2, attendee_id);
	rc = sqlite3_step(s);
	*role = rc == SQLITE_ROW ? raci_role_parse((const char *)sqlite3_column_text(s, 0)) : -1;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("set RACI"));
}

enum ko_err store_raci_set(struct store *st, int64_t meeting_id, int position,
                           int64_t attendee_id, int role)
{
	if (role > RACI_I)
		return store_fail(st, KO_INVALID, _("a RACI cell is R, A, C, I or empty"));
	/* Read inside the write, so that what is there decides the
	 * statement and a cell set to what it holds logs nothing. */
	enum ko_err rc = tx_begin(st, meeting_id, N_("set RACI"));
	if (rc != KO_OK)
		return rc;
	int64_t output_id = 0;
	int now = -1;
	rc = find_cell(st, meeting_id, position, attendee_id, &output_id, &now);
	if (rc != KO_OK)
		return tx_end(st, rc);
	if (now == role) {
		/* Nothing to write: the change row goes with the rollback that
		 * any code but KO_OK asks of tx_end. */
		tx_end(st, KO_NOTFOUND);
		return KO_OK;
	}
	static const char ins[] =
		"INSERT INTO raci(output_id, attendee_id, role, meeting_id) VALUES (?1, ?2, ?3, ?4)";
	static const char upd[] =
		"UPDATE raci SET role = ?3, version = version + 1 WHERE output_id = ?1 AND attendee_id = ?2";
	static const char del[] = "DELETE FROM raci WHERE output_id = ?1 AND attendee_id = ?2";
	sqlite3_stmt *s;
	if (role < 0)
		s = stmt(st, del);
	else if (now < 0)
		s = stmt(st, ins);
	else
		s = stmt(st, upd);
	if (!s)
		return tx_end(st, st->err.code);
	sqlite3_bind_int64(s, 1, output_id);
	sqlite3_bind_int64(s, 2, attendee_id);
	if (role >= 0)
		bind_text(s, 3, raci_role_name((enum raci_role)role));
	if (now < 0)
		sqlite3_bind_int64(s, 4, meeting_id);
	return tx_end(st, step_done(st, s, N_("set RACI")));
}
