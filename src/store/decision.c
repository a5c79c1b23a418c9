/* decision.c - what the meeting decided, by whom, on which agenda item. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"

#define DECISION_COLS \
	"d.id, d.meeting_id, d.item_id, i.position, d.text, d.decided_by, d.decided_at, d.version"

static void read_decision(sqlite3_stmt *s, void *out)
{
	struct decision *d = out;
	d->id = sqlite3_column_int64(s, 0);
	d->meeting_id = sqlite3_column_int64(s, 1);
	d->item_id = sqlite3_column_int64(s, 2);
	d->item_position = sqlite3_column_int(s, 3);
	d->text = col_text(s, 4);
	d->decided_by = col_text(s, 5);
	d->decided_at = col_text(s, 6);
	d->version = sqlite3_column_int64(s, 7);
}

static void free_decisions(void *v) { vec_decision_free(v); }

/* The id of agenda item `position` of the meeting: 0 for position 0. */
enum ko_err item_id_at(struct store *st, int64_t meeting_id, int position, int64_t *out)
{
	*out = 0;
	if (position == 0)
		return KO_OK;
	static const char sql[] = "SELECT id FROM item WHERE meeting_id = ?1 AND position = ?2";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int(s, 2, position);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, _("the meeting has no agenda item %d"), position);
	return sql_fail(st, rc, N_("find item"));
}

enum ko_err item_in_meeting(struct store *st, int64_t meeting_id, int64_t item_id)
{
	static const char sql[] = "SELECT 1 FROM item WHERE id = ?1 AND meeting_id = ?2";
	bool found;
	enum ko_err rc = row_in_meeting(st, sql, item_id, meeting_id, &found);
	if (rc == KO_OK && !found)
		rc = store_fail(st, KO_NOTFOUND, _("the meeting has no agenda item with id %lld"),
		                (long long)item_id);
	return rc;
}

enum ko_err store_decision_add(struct store *st, const struct decision *d, int64_t *id_out)
{
	int64_t meeting_id = d->meeting_id;
	const char *text = d->text, *decided_by = d->decided_by;
	int item_position = d->item_position;
	enum ko_err rc = check_text(st, N_("decision text"), text, TEXT_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("decided by"), decided_by, NAME_MAX_BYTES, false);
	int64_t item_id = 0;
	if (rc == KO_OK)
		rc = item_id_at(st, meeting_id, item_position, &item_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO decision(meeting_id, item_id, text, decided_by, decided_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	char now[21];
	clock_stamp(now);
	sqlite3_bind_int64(s, 1, meeting_id);
	if (item_id)
		sqlite3_bind_int64(s, 2, item_id);
	bind_typed(s, 3, text);
	bind_typed(s, 4, decided_by ? decided_by : "");
	bind_text(s, 5, now);
	rc = write_one(st, meeting_id, N_("add decision"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_decisions(struct store *st, int64_t meeting_id, vec_decision *out)
{
	static const char sql[] = "SELECT " DECISION_COLS
		" FROM decision d LEFT JOIN item i ON i.id = d.item_id"
		" WHERE d.meeting_id = ?1 ORDER BY d.id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	memset(out, 0, sizeof *out);
	return read_rows(st, s, out, sizeof *out->v, read_decision, free_decisions,
	                 N_("list decisions"));
}

enum ko_err store_decision_update(struct store *st, const struct decision *d)
{
	enum ko_err rc = check_text(st, N_("decision text"), d->text, TEXT_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("decided by"), d->decided_by, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = item_in_meeting(st, d->meeting_id, d->item_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"UPDATE decision SET text = ?1, decided_by = ?2, item_id = ?3, version = version + 1"
		" WHERE id = ?4 AND version = ?5";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_typed(s, 1, d->text);
	bind_typed(s, 2, d->decided_by ? d->decided_by : "");
	if (d->item_id)
		sqlite3_bind_int64(s, 3, d->item_id);
	sqlite3_bind_int64(s, 4, d->id);
	sqlite3_bind_int64(s, 5, d->version);
	return write_one(st, d->meeting_id, N_("edit decision"), s, KO_CONFLICT,
	                 _("the decision was changed or deleted by someone else"));
}

enum ko_err store_decision_delete(struct store *st, int64_t id)
{
	static const char sql[] = "DELETE FROM decision WHERE id = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no decision with id %lld"), (long long)id);
	return write_one(st, 0, N_("delete decision"), s, KO_NOTFOUND, msg);
}
