/* item.c - agenda items: the checklist ticked live. */
#include <stdio.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"

/* Columns: id, meeting_id, position, title, note, checked_at,
 * checked_by, version. */
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
	enum ko_err rc = check_text(st, N_("item title"), title, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("note"), note, TEXT_MAX_BYTES, false);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO item(meeting_id, position, title, note) VALUES (?1,"
		" (SELECT coalesce(max(position), 0) + 1 FROM item WHERE meeting_id = ?1), ?2, ?3)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_typed(s, 2, title);
	bind_typed(s, 3, note);
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
