/* question.c - questions the room could not settle: raised, answered,
 * or moved from the KO on to the TKO. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"

#define QUESTION_COLS "id, meeting_id, text, raised_by, owner, status, answer," \
	" coalesce(moved_from, 0), version"

static void read_question(sqlite3_stmt *s, void *out)
{
	struct question *q = out;
	memset(q, 0, sizeof *q);
	q->id = sqlite3_column_int64(s, 0);
	q->meeting_id = sqlite3_column_int64(s, 1);
	q->text = col_text(s, 2);
	q->raised_by = col_text(s, 3);
	q->owner = col_text(s, 4);
	int status = question_status_parse((const char *)sqlite3_column_text(s, 5));
	q->status = status < 0 ? QSTATUS_OPEN : (enum question_status)status;
	q->answer = col_text(s, 6);
	q->moved_from = sqlite3_column_int64(s, 7);
	q->version = sqlite3_column_int64(s, 8);
}

static void free_questions(void *v) { vec_question_free(v); }

static enum ko_err check_question(struct store *st, const char *text, const char *raised_by,
                                  const char *owner)
{
	enum ko_err rc = check_text(st, N_("question text"), text, TEXT_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("raised by"), raised_by, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("owner"), owner, NAME_MAX_BYTES, false);
	return rc;
}

static enum ko_err insert_question(struct store *st, int64_t meeting_id, const struct question *q,
                                   int64_t moved_from, int64_t *id_out)
{
	static const char sql[] =
		"INSERT INTO question(meeting_id, text, raised_by, owner, moved_from)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_typed(s, 2, q->text);
	bind_typed(s, 3, q->raised_by ? q->raised_by : "");
	bind_typed(s, 4, q->owner ? q->owner : "");
	if (moved_from)
		sqlite3_bind_int64(s, 5, moved_from);
	enum ko_err rc = step_done(st, s, N_("add question"));
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	return rc;
}

enum ko_err store_question_add(struct store *st, const struct question *q, int64_t *id_out)
{
	enum ko_err rc = check_question(st, q->text, q->raised_by, q->owner);
	if (rc != KO_OK)
		return rc;
	rc = tx_begin(st, q->meeting_id, N_("add question"));
	if (rc != KO_OK)
		return rc;
	rc = insert_question(st, q->meeting_id, q, 0, id_out);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, KO_NOTFOUND, _("no meeting with id %lld"), (long long)q->meeting_id);
	return tx_end(st, rc);
}

enum ko_err store_questions(struct store *st, int64_t meeting_id, vec_question *out)
{
	memset(out, 0, sizeof *out);
	static const char sql[] = "SELECT " QUESTION_COLS " FROM question WHERE meeting_id = ?1 ORDER BY id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	return read_rows(st, s, out, sizeof *out->v, read_question, free_questions,
	                 N_("list questions"));
}

enum ko_err store_question_get(struct store *st, int64_t id, struct question *out)
{
	static const char sql[] = "SELECT " QUESTION_COLS " FROM question WHERE id = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no question with id %lld"), (long long)id);
	return read_one(st, s, out, read_question, msg);
}

enum ko_err store_question_answer(struct store *st, int64_t id, const char *answer)
{
	enum ko_err rc = check_text(st, N_("answer"), answer, TEXT_MAX_BYTES, true);
	struct question q;
	if (rc == KO_OK)
		rc = store_question_get(st, id, &q);
	if (rc != KO_OK)
		return rc;
	int64_t meeting_id = q.meeting_id;
	bool moved = q.status == QSTATUS_MOVED;
	question_free(&q);
	if (moved)
		return store_fail(st, KO_INVALID, _("question %lld was moved to the TKO: answer it there"),
		                  (long long)id);
	static const char sql[] =
		"UPDATE question SET status = 'answered', answer = ?1, version = version + 1"
		" WHERE id = ?2 AND status <> 'moved'";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_typed(s, 1, answer);
	sqlite3_bind_int64(s, 2, id);
	return write_one(st, meeting_id, N_("answer question"), s, KO_CONFLICT,
	                 _("the question was changed or deleted by someone else"));
}

/* The project's TKO, for a question of its KO. */
static enum ko_err tko_of(struct store *st, int64_t ko_id, int64_t *tko_id)
{
	static const char sql[] =
		"SELECT t.id FROM meeting k JOIN meeting t ON t.project_id = k.project_id"
		" AND t.kind = 'tko' WHERE k.id = ?1 AND k.kind = 'ko'";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, ko_id);
	int rc = sqlite3_step(s);
	*tko_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("move question"));
}

enum ko_err store_question_move(struct store *st, int64_t id, int64_t *new_id)
{
	struct question q;
	enum ko_err rc = store_question_get(st, id, &q);
	if (rc != KO_OK)
		return rc;
	struct meeting m = { 0 };
	rc = store_meeting_get(st, q.meeting_id, &m);
	int64_t tko = 0;
	if (rc == KO_OK && m.kind != KIND_KO)
		rc = store_fail(st, KO_INVALID, _("question %lld is the TKO's: only a KO's question moves "
		                                  "on, to the TKO"), (long long)id);
	else if (rc == KO_OK && q.status != QSTATUS_OPEN)
		rc = store_fail(st, KO_INVALID, _("question %lld is %s: only an open question moves"),
		                (long long)id, _(question_status_name(q.status)));
	if (rc == KO_OK)
		rc = tko_of(st, q.meeting_id, &tko);
	if (rc == KO_OK && !tko)
		rc = store_fail(st, KO_NOTFOUND, _("project '%s' has no TKO yet: add it first"),
		                m.project_name ? m.project_name : "");
	meeting_free(&m);
	if (rc == KO_OK)
		rc = tx_begin(st, q.meeting_id, N_("move question to the TKO"));
	if (rc == KO_OK) {
		/* The version read above: moved once, whoever tries second is told. */
		static const char sql[] =
			"UPDATE question SET status = 'moved', version = version + 1"
			" WHERE id = ?1 AND version = ?2 AND status = 'open'";
		sqlite3_stmt *s = stmt(st, sql);
		rc = s ? KO_OK : st->err.code;
		if (rc == KO_OK) {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int64(s, 2, q.version);
			rc = step_done(st, s, N_("move question to the TKO"));
		}
		if (rc == KO_OK && sqlite3_changes(st->db) == 0)
			rc = store_fail(st, KO_CONFLICT, _("the question was changed or deleted by someone else"));
		if (rc == KO_OK)
			rc = insert_question(st, tko, &q, id, new_id);
		rc = tx_end(st, rc);
	}
	question_free(&q);
	return rc;
}

enum ko_err store_question_delete(struct store *st, int64_t id)
{
	return store_delete(st, STORE_QUESTION, id);
}
