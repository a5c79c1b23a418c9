/* output.c - the documents a meeting must produce. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"

/* Columns: id, meeting_id, position, name, owner, status, link,
 * version, due. */
static void read_output(struct store_stmt *s, void *out)
{
	struct output *o = out;
	memset(o, 0, sizeof *o);
	o->id = col_int(s, 0);
	o->meeting_id = col_int(s, 1);
	o->position = (int)col_int(s, 2);
	o->name = col_str(s, 3);
	o->owner = col_str(s, 4);
	char *status = col_str(s, 5);
	int st = output_status_parse(status);
	free(status);
	o->status = st < 0 ? OSTATUS_TODO : (enum output_status)st;
	o->link = col_str(s, 6);
	o->version = col_int(s, 7);
	o->due = col_str(s, 8);
}

static enum ko_err check_due(struct store *st, const char *due)
{
	if (due && *due && !date_valid(due))
		return store_fail(st, KO_INVALID, _("invalid due date '%s' (want YYYY-MM-DD)"), due);
	return KO_OK;
}

static void free_outputs(void *v) { vec_output_free(v); }

enum ko_err store_outputs(struct store *st, int64_t meeting_id, vec_output *out)
{
	return sql_list(st, SQL_OUTPUT_LIST, meeting_id, out, sizeof *out->v, read_output,
	                free_outputs, N_("list outputs"));
}

enum ko_err store_output_get(struct store *st, int64_t id, struct output *out)
{
	char msg[96];
	snprintf(msg, sizeof msg, _("no %s with id %lld"), _("output"), (long long)id);
	return sql_get(st, SQL_OUTPUT_GET, id, out, read_output, msg);
}

enum ko_err store_output_set(struct store *st, int64_t meeting_id, int position,
                             int status, const char *owner, const char *due)
{
	enum ko_err rc = check_text(st, N_("owner"), owner, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_due(st, due);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_OUTPUT_SET);
	if (!s)
		return store_error(st)->code;
	sql_text(s, 1, status >= 0 ? output_status_name((enum output_status)status) : NULL);
	sql_typed(s, 2, owner);
	sql_int(s, 3, meeting_id);
	sql_int(s, 4, position);
	sql_text(s, 5, due);
	char msg[64];
	snprintf(msg, sizeof msg, _("the meeting has no output %d"), position);
	return sql_write(st, meeting_id, N_("set output"), s, KO_NOTFOUND, msg);
}

enum ko_err store_output_add(struct store *st, const struct output *o, int64_t *id_out)
{
	int64_t meeting_id = o->meeting_id;
	const char *name = o->name, *owner = o->owner ? o->owner : "", *link = o->link ? o->link : "";
	enum ko_err rc = check_text(st, N_("output name"), name, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("owner"), owner, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("link"), link, TEXT_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_due(st, o->due);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO output(meeting_id, position, name, owner, status, link, due) VALUES (?1,"
		" (SELECT coalesce(max(position), 0) + 1 FROM output WHERE meeting_id = ?1),"
		" ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_typed(s, 2, name);
	bind_typed(s, 3, owner);
	bind_text(s, 4, output_status_name(o->status));
	bind_typed(s, 5, link);
	bind_text_or_null(s, 6, o->due);
	rc = write_one(st, meeting_id, N_("add output"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_output_update(struct store *st, const struct output *o)
{
	enum ko_err rc = check_text(st, N_("output name"), o->name, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("owner"), o->owner, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("link"), o->link, TEXT_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_due(st, o->due);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_OUTPUT_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, o->name);
	sql_typed(s, 2, o->owner ? o->owner : "");
	sql_text(s, 3, output_status_name(o->status));
	sql_typed(s, 4, o->link ? o->link : "");
	sql_int(s, 5, o->id);
	sql_int(s, 6, o->version);
	sql_text(s, 7, o->due && *o->due ? o->due : NULL);
	return sql_write(st, o->meeting_id, N_("edit output"), s, KO_CONFLICT,
	                 _("the output was changed or deleted by someone else"));
}
