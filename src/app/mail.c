/* mail.c - the minutes of a meeting sent by e-mail (kickoff mail): who
 * it is from and to, the message built (export/mail.c), and handed to
 * the mail system or given back as bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kickoff/app.h"
#include "kickoff/clock.h"
#include "kickoff/file.h"
#include "kickoff/i18n.h"

/* The attendee named as the host, with an address, or NULL. */
static const struct attendee *host_of(const struct minutes *mi)
{
	for (size_t i = 0; i < mi->attendees.n; i++) {
		const struct attendee *a = &mi->attendees.v[i];
		if (*mi->meeting.host && strcmp(a->name, mi->meeting.host) == 0 && *a->email)
			return a;
	}
	return NULL;
}

static bool listed(const struct mail_person *to, size_t n, const char *addr)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(to[i].addr, addr) == 0)
			return true;
	return false;
}

/* The recipients: each address given, "attendees" standing for every
 * attendee with an address; once each, in that order. */
static enum ko_err recipients(const struct minutes *mi, const struct app_mail *o,
                              struct mail_person **out, size_t *n, struct ko_error *e)
{
	static const char *const attendees_only[] = { "attendees" };
	const char *const *to = o->nto ? o->to : attendees_only;
	size_t nto = o->nto ? o->nto : 1;
	struct mail_person *v = calloc(nto + mi->attendees.n, sizeof *v);
	if (!v)
		return ko_fail(e, KO_NOMEM, _("out of memory"));
	*n = 0;
	for (size_t i = 0; i < nto; i++) {
		if (strcmp(to[i], "attendees") == 0) {
			for (size_t k = 0; k < mi->attendees.n; k++) {
				const struct attendee *a = &mi->attendees.v[k];
				if (*a->email && !listed(v, *n, a->email))
					v[(*n)++] = (struct mail_person){ a->name, a->email };
			}
		} else if (!email_valid(to[i])) {
			free(v);
			return ko_fail(e, KO_INVALID,
			               _("invalid e-mail address '%s' (want one like ann@example.com)"), to[i]);
		} else if (!listed(v, *n, to[i])) {
			v[(*n)++] = (struct mail_person){ "", to[i] };
		}
	}
	if (!*n) {
		free(v);
		return ko_fail(e, KO_INVALID, _("nobody to send the minutes to: no attendee of %s/%s "
		                                "has an e-mail address (attendee set ... --email, "
		                                "or --to ADDR)"),
		               mi->meeting.project_name, kind_name(mi->meeting.kind));
	}
	*out = v;
	return KO_OK;
}

/* The sender: --from, else the host's address, else the user's name
 * when it is an address. */
static enum ko_err sender(const struct minutes *mi, const struct app_mail *o,
                          struct mail_person *from, struct ko_error *e)
{
	if (o->from) {
		if (!email_valid(o->from))
			return ko_fail(e, KO_INVALID,
			               _("invalid e-mail address '%s' (want one like ann@example.com)"),
			               o->from);
		*from = (struct mail_person){ "", o->from };
		for (size_t i = 0; i < mi->attendees.n; i++)
			if (strcmp(mi->attendees.v[i].email, o->from) == 0)
				from->name = mi->attendees.v[i].name;
		return KO_OK;
	}
	const struct attendee *host = host_of(mi);
	if (host) {
		*from = (struct mail_person){ host->name, host->email };
		return KO_OK;
	}
	if (o->user && email_valid(o->user)) {
		*from = (struct mail_person){ "", o->user };
		return KO_OK;
	}
	return ko_fail(e, KO_INVALID, _("no sender: the host of %s/%s has no e-mail address "
	                                "(give one, or --from ADDR)"),
	               mi->meeting.project_name, kind_name(mi->meeting.kind));
}

enum ko_err app_mail(struct store *st, int64_t meeting_id, const struct app_mail *o,
                     struct kbuf *out, size_t *nto, struct ko_error *e)
{
	struct project p;
	struct minutes mi;
	struct meeting m;
	enum ko_err rc = store_meeting_get(st, meeting_id, &m);
	if (rc == KO_OK) {
		rc = store_project_get(st, m.project_id, &p);
		meeting_free(&m);
	}
	if (rc != KO_OK)
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	if ((rc = store_minutes(st, meeting_id, &mi)) != KO_OK) {
		project_free(&p);
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	}
	struct mail_person from, *to = NULL;
	size_t n = 0;
	rc = recipients(&mi, o, &to, &n, e);
	if (rc == KO_OK)
		rc = sender(&mi, o, &from, e);
	char now[21], id[160], ics_name[256];
	clock_stamp(now);
	if (rc == KO_OK)
		rc = app_export_name(st, meeting_id, EXPORT_ICS, ics_name, sizeof ics_name, e);
	if (rc == KO_OK) {
		/* Unique enough: the time, the meeting, the process. */
		snprintf(id, sizeof id, "%.4s%.2s%.2s%.2s%.2s%.2s.%lld.%ld@%s", now, now + 5, now + 8,
		         now + 11, now + 14, now + 17, (long long)meeting_id, (long)getpid(),
		         strchr(from.addr, '@') + 1);
		struct export_set set = { &p, &mi, 1 };
		struct mail_opts mo = { .from = from, .to = to, .nto = n, .stamp = now,
		                        .message_id = id, .ics_name = ics_name };
		rc = export_mail(&set, &mo, out, e);
	}
	if (rc == KO_OK && o->send)
		rc = sendmail_message(out->p, out->n, e);
	if (rc == KO_OK && nto)
		*nto = n;
	free(to);
	minutes_free(&mi);
	project_free(&p);
	return rc;
}
