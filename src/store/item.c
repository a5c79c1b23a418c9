/* item.c - agenda items: the checklist ticked live. */
#include <stdio.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/agenda.h"
#include "kickoff/clock.h"
#include "kickoff/datetime.h"

/* Columns: id, meeting_id, position, title, note, checked_at,
 * checked_by, version, planned_minutes, presenter, clock_started_at,
 * clock_seconds. */
static void read_item(struct store_stmt *s, void *out)
{
	struct item *it = out;
	memset(it, 0, sizeof *it);
	it->id = col_int(s, 0);
	it->meeting_id = col_int(s, 1);
	it->position = (int)col_int(s, 2);
	it->title = col_str(s, 3);
	it->note = col_str(s, 4);
	it->checked_at = col_str(s, 5);
	it->checked_by = col_str(s, 6);
	it->version = col_int(s, 7);
	it->planned_minutes = (int)col_int(s, 8);
	it->presenter = col_str(s, 9);
	it->clock_started_at = col_str(s, 10);
	it->clock_seconds = (int)col_int(s, 11);
	time_t now = clock_now();
	it->read_seconds = item_elapsed(it, now == (time_t)-1 ? 0 : (int64_t)now);
}

static void free_items(void *v) { vec_item_free(v); }

enum ko_err store_items(struct store *st, int64_t meeting_id, vec_item *out)
{
	return sql_list(st, SQL_ITEM_LIST, meeting_id, out, sizeof *out->v, read_item, free_items,
	                N_("list items"));
}

enum ko_err store_item_get(struct store *st, int64_t id, struct item *out)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("no agenda item with id %lld"), (long long)id);
	return sql_get(st, SQL_ITEM_GET, id, out, read_item, msg);
}

enum ko_err store_item_check(struct store *st, int64_t meeting_id, int position,
                             bool checked)
{
	struct store_stmt *s = sql_prepare(st, SQL_ITEM_CHECK);
	if (!s)
		return store_error(st)->code;
	char now[21];
	clock_stamp(now);
	sql_int(s, 1, checked);
	sql_text(s, 2, now);
	sql_text(s, 3, store_user(st));
	sql_int(s, 4, meeting_id);
	sql_int(s, 5, position);
	char msg[64];
	snprintf(msg, sizeof msg, _("the meeting has no agenda item %d"), position);
	return sql_write(st, meeting_id, checked ? N_("tick item") : N_("untick item"), s,
	                 KO_NOTFOUND, msg);
}

enum ko_err store_item_set_checked(struct store *st, int64_t id, bool checked)
{
	struct store_stmt *s = sql_prepare(st, SQL_ITEM_SET_CHECKED);
	if (!s)
		return store_error(st)->code;
	char now[21];
	clock_stamp(now);
	sql_int(s, 1, checked);
	sql_text(s, 2, now);
	sql_text(s, 3, store_user(st));
	sql_int(s, 4, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no agenda item with id %lld"), (long long)id);
	return sql_write(st, 0, checked ? N_("tick item") : N_("untick item"), s, KO_NOTFOUND, msg);
}

enum ko_err store_item_add(struct store *st, const struct item *it, int64_t *id_out)
{
	int64_t meeting_id = it->meeting_id;
	const char *title = it->title, *note = it->note ? it->note : "";
	const char *presenter = it->presenter ? it->presenter : "";
	enum ko_err rc = check_text(st, N_("item title"), title, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("note"), note, TEXT_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("presenter"), presenter, NAME_MAX_BYTES, false);
	if (rc == KO_OK && (it->planned_minutes < 0 || it->planned_minutes > ITEM_MINUTES_MAX))
		rc = store_fail(st, KO_INVALID, _("planned minutes must be from 0 to %d"),
		                ITEM_MINUTES_MAX);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO item(meeting_id, position, title, note, planned_minutes, presenter)"
		" VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM item WHERE meeting_id = ?1),"
		" ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_typed(s, 2, title);
	bind_typed(s, 3, note);
	sqlite3_bind_int(s, 4, it->planned_minutes);
	bind_typed(s, 5, presenter);
	rc = write_one(st, meeting_id, N_("add item"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_item_update(struct store *st, const struct item *it)
{
	enum ko_err rc = check_text(st, N_("item title"), it->title, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("note"), it->note, TEXT_MAX_BYTES, false);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_ITEM_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, it->title);
	sql_typed(s, 2, it->note ? it->note : "");
	sql_int(s, 3, it->id);
	sql_int(s, 4, it->version);
	return sql_write(st, it->meeting_id, N_("edit item"), s, KO_CONFLICT,
	                 _("the agenda item was changed or deleted by someone else"));
}

/* The number of items of the meeting; KO_NOTFOUND unless 1 <= n <= it. */
static enum ko_err item_count(struct store *st, int64_t meeting_id, int *n)
{
	sqlite3_stmt *s = stmt(st, "SELECT count(*) FROM item WHERE meeting_id = ?1");
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	int rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? KO_OK : sql_fail(st, rc, N_("count items"));
}

static enum ko_err no_item(struct store *st, int position)
{
	return store_fail(st, KO_NOTFOUND, _("the meeting has no agenda item %d"), position);
}

enum ko_err store_item_move(struct store *st, int64_t meeting_id, int from, int to)
{
	enum ko_err rc = tx_begin(st, meeting_id, N_("move item"));
	if (rc != KO_OK)
		return rc;
	int n = 0;
	rc = item_count(st, meeting_id, &n);
	if (rc == KO_OK && (from < 1 || from > n))
		rc = no_item(st, from);
	else if (rc == KO_OK && (to < 1 || to > n))
		rc = no_item(st, to);
	if (rc != KO_OK)
		return tx_end(st, rc);
	if (from == to) {
		tx_end(st, KO_NOTFOUND);    /* no change: nothing logged */
		return KO_OK;
	}
	/* Out of the way first, then each to its place: (meeting, position)
	 * is unique at every row written, and undo plays the same rows back
	 * in reverse through the same free places. */
	static const char lift[] =
		"UPDATE item SET position = position + 1000000"
		" WHERE meeting_id = ?1 AND position BETWEEN ?2 AND ?3";
	static const char place[] =
		"UPDATE item SET position = CASE WHEN position = ?2 + 1000000 THEN ?3"
		" WHEN ?2 < ?3 THEN position - 1000001 ELSE position - 999999 END"
		" WHERE meeting_id = ?1 AND position > 1000000";
	sqlite3_stmt *s = stmt(st, lift);
	if (!s)
		return tx_end(st, st->err.code);
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int(s, 2, from < to ? from : to);
	sqlite3_bind_int(s, 3, from < to ? to : from);
	rc = step_done(st, s, N_("move item"));
	if (rc == KO_OK && (s = stmt(st, place)) == NULL)
		rc = st->err.code;
	if (rc == KO_OK) {
		sqlite3_bind_int64(s, 1, meeting_id);
		sqlite3_bind_int(s, 2, from);
		sqlite3_bind_int(s, 3, to);
		rc = step_done(st, s, N_("move item"));
	}
	return tx_end(st, rc);
}

enum ko_err store_item_clock(struct store *st, int64_t meeting_id, int position, bool start)
{
	enum ko_err rc = tx_begin(st, meeting_id, start ? N_("start clock") : N_("stop clock"));
	if (rc != KO_OK)
		return rc;
	char now[21];
	clock_stamp(now);
	int n = 0;
	rc = item_count(st, meeting_id, &n);
	if (rc == KO_OK && (position < 1 || position > n))
		rc = no_item(st, position);
	/* One clock runs per meeting: starting an item stops the others. */
	/* The run is added never negative, so a clock set back takes no
	 * time off. */
	static const char stop[] =
		"UPDATE item SET clock_seconds = clock_seconds + max(0,"
		" CAST(round((julianday(?3) - julianday(clock_started_at)) * 86400) AS INTEGER)),"
		" clock_started_at = NULL, version = version + 1"
		" WHERE meeting_id = ?1 AND clock_started_at IS NOT NULL"
		" AND (position = ?2) = (?4 = 0)";
	static const char go[] =
		"UPDATE item SET clock_started_at = ?3, version = version + 1"
		" WHERE meeting_id = ?1 AND position = ?2 AND clock_started_at IS NULL";
	int changed = 0;
	sqlite3_stmt *s = rc == KO_OK ? stmt(st, stop) : NULL;
	if (rc == KO_OK && !s)
		rc = st->err.code;
	if (s) {
		sqlite3_bind_int64(s, 1, meeting_id);
		sqlite3_bind_int(s, 2, position);
		bind_text(s, 3, now);
		sqlite3_bind_int(s, 4, start);
		rc = step_done(st, s, N_("clock"));
		changed += sqlite3_changes(st->db);
	}
	s = rc == KO_OK && start ? stmt(st, go) : NULL;
	if (rc == KO_OK && start && !s)
		rc = st->err.code;
	if (s) {
		sqlite3_bind_int64(s, 1, meeting_id);
		sqlite3_bind_int(s, 2, position);
		bind_text(s, 3, now);
		rc = step_done(st, s, N_("clock"));
		changed += sqlite3_changes(st->db);
	}
	/* Starting the clock that runs, or stopping one that does not, is
	 * no change: nothing is logged. */
	if (rc == KO_OK && changed == 0) {
		tx_end(st, KO_NOTFOUND);
		return KO_OK;
	}
	return tx_end(st, rc);
}
