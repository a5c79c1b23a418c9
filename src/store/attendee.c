/* attendee.c - who is invited to a meeting and who is present. */
#include <stdio.h>
#include <string.h>
#include "driver.h"
#include "rules.h"
#include "kickoff/i18n.h"

/* Columns: id, meeting_id, name, role, organisation, invited, present,
 * version. */
static void read_attendee(struct store_stmt *s, void *out)
{
	struct attendee *a = out;
	memset(a, 0, sizeof *a);
	a->id = col_int(s, 0);
	a->meeting_id = col_int(s, 1);
	a->name = col_str(s, 2);
	a->role = col_str(s, 3);
	a->organisation = col_str(s, 4);
	a->invited = (int)col_int(s, 5);
	a->present = (int)col_int(s, 6);
	a->version = col_int(s, 7);
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
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_ADD);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, meeting_id);
	sql_typed(s, 2, name);
	sql_typed(s, 3, role ? role : "");
	sql_typed(s, 4, organisation ? organisation : "");
	sql_int(s, 5, present);
	return sql_insert(st, meeting_id, N_("add attendee"), s, id_out);
}

enum ko_err store_attendees(struct store *st, int64_t meeting_id, vec_attendee *out)
{
	return sql_list(st, SQL_ATTENDEE_LIST, meeting_id, out, sizeof *out->v,
	                read_attendee, free_attendees, N_("list attendees"));
}

enum ko_err store_attendee_get(struct store *st, int64_t id, struct attendee *out)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("no attendee with id %lld"), (long long)id);
	return sql_get(st, SQL_ATTENDEE_GET, id, out, read_attendee, msg);
}

enum ko_err store_attendee_set_present(struct store *st, int64_t id, bool present)
{
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_PRESENT);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, present);
	sql_int(s, 2, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no attendee with id %lld"), (long long)id);
	return sql_write(st, 0, present ? N_("mark present") : N_("mark absent"), s,
	                 KO_NOTFOUND, msg);
}

enum ko_err store_attendee_update(struct store *st, const struct attendee *a)
{
	enum ko_err rc = check_attendee(st, a->name, a->role, a->organisation);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, a->name);
	sql_typed(s, 2, a->role ? a->role : "");
	sql_typed(s, 3, a->organisation ? a->organisation : "");
	sql_int(s, 4, a->invited != 0);
	sql_int(s, 5, a->present != 0);
	sql_int(s, 6, a->id);
	sql_int(s, 7, a->version);
	return sql_write(st, a->meeting_id, N_("edit attendee"), s, KO_CONFLICT,
	                 _("the attendee was changed or deleted by someone else"));
}
