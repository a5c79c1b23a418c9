/* attendee.c - who is invited to a meeting, how to reach them, and
 * whether they came or sent regrets. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"
#include "driver.h"
#include "rules.h"
#include "kickoff/i18n.h"

/* Columns: id, meeting_id, name, role, organisation, version, email,
 * status. */
static void read_attendee(struct store_stmt *s, void *out)
{
	struct attendee *a = out;
	memset(a, 0, sizeof *a);
	a->id = col_int(s, 0);
	a->meeting_id = col_int(s, 1);
	a->name = col_str(s, 2);
	a->role = col_str(s, 3);
	a->organisation = col_str(s, 4);
	a->version = col_int(s, 5);
	a->email = col_str(s, 6);
	char *status = col_str(s, 7);
	int x = attendee_status_parse(status ? status : "");
	a->status = x < 0 ? PSTATUS_INVITED : (enum attendee_status)x;
	free(status);
}

static void free_attendees(void *v) { vec_attendee_free(v); }

/* An address as it is saved: without the blank at its ends; "" for none. */
static char *typed_email(const char *email)
{
	const char *e = email ? email : "";
	size_t start, n = text_trim(e, strlen(e), &start);
	return strndup(e + start, n);
}

enum ko_err store_check_email(struct store *st, const char *email)
{
	char *e = typed_email(email);
	if (!e)
		return store_fail(st, KO_NOMEM, _("out of memory"));
	enum ko_err rc = KO_OK;
	if (*e && !email_valid(e))
		rc = store_fail(st, KO_INVALID,
		                _("invalid e-mail address '%s' (want one like ann@example.com)"), e);
	free(e);
	return rc;
}

static enum ko_err check_attendee(struct store *st, const struct attendee *a)
{
	enum ko_err rc = check_text(st, N_("attendee name"), a->name, NAME_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("role"), a->role, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("organisation"), a->organisation, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = store_check_email(st, a->email);
	if (rc == KO_OK && !attendee_status_name(a->status))
		rc = store_fail(st, KO_INVALID, _("invalid attendee status"));
	return rc;
}

/* Binds the address as saved, NULL for none. */
static enum ko_err bind_email(struct store *st, struct store_stmt *s, int i, const char *email)
{
	char *e = typed_email(email);
	if (!e)
		return store_fail(st, KO_NOMEM, _("out of memory"));
	sql_text(s, i, *e ? e : NULL);
	free(e);
	return KO_OK;
}

/* The host joined the attendees with the meeting: adding them by name
 * fills in that row rather than listing them twice.  *id is its id, 0
 * when the meeting has no such row (and nothing is written). */
static enum ko_err fill_host_row(struct store *st, const struct attendee *a, int64_t *id)
{
	*id = 0;
	const struct store_driver *drv = store_driver(st);
	enum ko_err rc = drv->begin(st, a->meeting_id, N_("add attendee"));
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_FILL_HOST);
	if (!s)
		return drv->end(st, store_error(st)->code);
	sql_int(s, 1, a->meeting_id);
	sql_typed(s, 2, a->name);
	sql_typed(s, 3, a->role ? a->role : "");
	sql_typed(s, 4, a->organisation ? a->organisation : "");
	if ((rc = bind_email(st, s, 5, a->email)) != KO_OK)
		return drv->end(st, rc);
	sql_text(s, 6, attendee_status_name(a->status));
	sql_text(s, 7, host_role("en"));
	sql_text(s, 8, host_role("zh"));
	enum store_step r = drv->step(st, s, N_("add attendee"));
	if (r == STEP_ROW) {
		*id = col_int(s, 0);
		drv->reset(s);
	}
	if (r == STEP_ERROR)
		return drv->end(st, store_error(st)->code);
	if (!*id) {
		/* No such row: roll the empty change back, the insert follows. */
		drv->end(st, KO_NOTFOUND);
		return KO_OK;
	}
	return drv->end(st, KO_OK);
}

enum ko_err store_attendee_add(struct store *st, const struct attendee *a, int64_t *id_out)
{
	enum ko_err rc = check_attendee(st, a);
	if (rc != KO_OK)
		return rc;
	int64_t host_id;
	if ((rc = fill_host_row(st, a, &host_id)) != KO_OK || host_id) {
		if (rc == KO_OK && id_out)
			*id_out = host_id;
		return rc;
	}
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_ADD);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, a->meeting_id);
	sql_typed(s, 2, a->name);
	sql_typed(s, 3, a->role ? a->role : "");
	sql_typed(s, 4, a->organisation ? a->organisation : "");
	if ((rc = bind_email(st, s, 5, a->email)) != KO_OK)
		return rc;
	sql_text(s, 6, attendee_status_name(a->status));
	return sql_insert(st, a->meeting_id, N_("add attendee"), s, id_out);
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

enum ko_err store_attendee_set_status(struct store *st, int64_t id, enum attendee_status status)
{
	static const char *const summary[] = {
		[PSTATUS_INVITED] = N_("mark invited"),
		[PSTATUS_PRESENT] = N_("mark present"),
		[PSTATUS_REGRETS] = N_("mark regrets"),
	};
	const char *name = attendee_status_name(status);
	if (!name)
		return store_fail(st, KO_INVALID, _("invalid attendee status"));
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_PRESENT);
	if (!s)
		return store_error(st)->code;
	sql_text(s, 1, name);
	sql_int(s, 2, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no attendee with id %lld"), (long long)id);
	return sql_write(st, 0, summary[status], s, KO_NOTFOUND, msg);
}

enum ko_err store_attendee_set_present(struct store *st, int64_t id, bool present)
{
	return store_attendee_set_status(st, id, present ? PSTATUS_PRESENT : PSTATUS_INVITED);
}

enum ko_err store_attendee_update(struct store *st, const struct attendee *a)
{
	enum ko_err rc = check_attendee(st, a);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_ATTENDEE_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, a->name);
	sql_typed(s, 2, a->role ? a->role : "");
	sql_typed(s, 3, a->organisation ? a->organisation : "");
	if ((rc = bind_email(st, s, 4, a->email)) != KO_OK)
		return rc;
	sql_text(s, 5, attendee_status_name(a->status));
	sql_int(s, 6, a->id);
	sql_int(s, 7, a->version);
	return sql_write(st, a->meeting_id, N_("edit attendee"), s, KO_CONFLICT,
	                 _("the attendee was changed or deleted by someone else"));
}
