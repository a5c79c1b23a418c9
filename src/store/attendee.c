/* attendee.c - who is invited to a meeting and who is present. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"

#define ATTENDEE_COLS "id, meeting_id, name, role, organisation, invited, present, version"

static void read_attendee(sqlite3_stmt *s, void *out)
{
	struct attendee *a = out;
	a->id = sqlite3_column_int64(s, 0);
	a->meeting_id = sqlite3_column_int64(s, 1);
	a->name = col_text(s, 2);
	a->role = col_text(s, 3);
	a->organisation = col_text(s, 4);
	a->invited = sqlite3_column_int(s, 5);
	a->present = sqlite3_column_int(s, 6);
	a->version = sqlite3_column_int64(s, 7);
}

static void free_attendees(void *v) { vec_attendee_free(v); }

static enum ko_err check_attendee(struct store *st, const char *name,
                                  const char *role, const char *org)
{
	enum ko_err rc = check_text(st, N_("attendee name"), name, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("role"), role, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("organisation"), org, NAME_MAX_BYTES, false);
	return rc;
}

enum ko_err store_attendee_add(struct store *st, const struct attendee *a, int64_t *id_out)
{
	int64_t meeting_id = a->meeting_id;
	const char *name = a->name, *role = a->role, *organisation = a->organisation;
	bool present = a->present;
	enum ko_err rc = check_attendee(st, name, role, organisation);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO attendee(meeting_id, name, role, organisation, present)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_typed(s, 2, name);
	bind_typed(s, 3, role ? role : "");
	bind_typed(s, 4, organisation ? organisation : "");
	sqlite3_bind_int(s, 5, present);
	rc = write_one(st, meeting_id, N_("add attendee"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_attendees(struct store *st, int64_t meeting_id, vec_attendee *out)
{
	static const char sql[] = "SELECT " ATTENDEE_COLS
		" FROM attendee WHERE meeting_id = ?1 ORDER BY id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	memset(out, 0, sizeof *out);
	return read_rows(st, s, out, sizeof *out->v, read_attendee, free_attendees,
	                 N_("list attendees"));
}

enum ko_err store_attendee_set_present(struct store *st, int64_t id, bool present)
{
	static const char sql[] =
		"UPDATE attendee SET present = ?1, version = version + 1 WHERE id = ?2";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int(s, 1, present);
	sqlite3_bind_int64(s, 2, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no attendee with id %lld"), (long long)id);
	return write_one(st, 0, present ? N_("mark present") : N_("mark absent"), s, KO_NOTFOUND, msg);
}

enum ko_err store_attendee_update(struct store *st, const struct attendee *a)
{
	enum ko_err rc = check_attendee(st, a->name, a->role, a->organisation);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"UPDATE attendee SET name = ?1, role = ?2, organisation = ?3, invited = ?4,"
		" present = ?5, version = version + 1 WHERE id = ?6 AND version = ?7";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_typed(s, 1, a->name);
	bind_typed(s, 2, a->role ? a->role : "");
	bind_typed(s, 3, a->organisation ? a->organisation : "");
	sqlite3_bind_int(s, 4, a->invited != 0);
	sqlite3_bind_int(s, 5, a->present != 0);
	sqlite3_bind_int64(s, 6, a->id);
	sqlite3_bind_int64(s, 7, a->version);
	return write_one(st, a->meeting_id, N_("edit attendee"), s, KO_CONFLICT,
	                 _("the attendee was changed or deleted by someone else"));
}

enum ko_err store_attendee_delete(struct store *st, int64_t id)
{
	static const char sql[] = "DELETE FROM attendee WHERE id = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no attendee with id %lld"), (long long)id);
	return write_one(st, 0, N_("delete attendee"), s, KO_NOTFOUND, msg);
}
