/* ics.c - the minutes as an RFC 5545 calendar: a VEVENT per meeting that
 * has a date, a VTODO per follow-up action.
 *
 * Written here rather than with libical: libical 3.0 folds a long line at
 * the last space, ';' or ':' before 74 octets (a Chinese SUMMARY becomes
 * "SUMMARY:" and a continuation line), and where it breaks is its own
 * choice that has changed between releases.  These lines are folded at
 * exactly 75 octets, never inside a UTF-8 character, so the bytes are the
 * same on every machine.  The unit tests read the output back with
 * libical's parser. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/agenda.h"
#include "kickoff/export.h"
#include "export_labels.h"

#define ICS_LINE_MAX 75

void ics_fold(struct kbuf *out, const char *line, size_t n)
{
	size_t room = ICS_LINE_MAX;     /* octets left on this physical line */
	size_t i = 0;
	while (i < n) {
		/* The length of the UTF-8 sequence at i, as its lead byte says;
		 * a stray continuation byte counts alone. */
		unsigned char c = (unsigned char)line[i];
		size_t len = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		if (i + len > n)
			len = n - i;
		for (size_t k = 1; k < len; k++)
			if (((unsigned char)line[i + k] & 0xC0) != 0x80) {
				len = k;
				break;
			}
		if (len > room) {
			kbuf_puts(out, "\r\n ");
			room = ICS_LINE_MAX - 1;
		}
		kbuf_add(out, line + i, len);
		room -= len;
		i += len;
	}
	kbuf_puts(out, "\r\n");
}

void ics_text(struct kbuf *b, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		switch (c) {
		case '\\': kbuf_puts(b, "\\\\"); break;
		case ';': kbuf_puts(b, "\\;"); break;
		case ',': kbuf_puts(b, "\\,"); break;
		case '\n': kbuf_puts(b, "\\n"); break;
		case '\r':
			if (p[1] != '\n')
				kbuf_puts(b, "\\n");
			break;
		default:
			/* TEXT allows no control characters but HTAB. */
			if ((c < 0x20 && c != '\t') || c == 0x7F)
				break;
			kbuf_putc(b, (char)c);
		}
	}
}

/* A parameter value (CN=...): quoted when it holds ':', ';' or ',', with
 * RFC 6868's ^-escapes for '"', '^' and newlines. */
static void ics_param(struct kbuf *b, const char *s)
{
	bool quote = strpbrk(s, ":;,") != NULL;
	if (quote)
		kbuf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"')
			kbuf_puts(b, "^'");
		else if (c == '^')
			kbuf_puts(b, "^^");
		else if (c == '\n')
			kbuf_puts(b, "^n");
		else if (c >= 0x20 && c != 0x7F)
			kbuf_putc(b, (char)c);
	}
	if (quote)
		kbuf_putc(b, '"');
}

/* The length of text's first line, and where the rest starts (NULL when
 * there is none): SUMMARY is one line (calcurse and others skip a
 * summary with a line break in it), the rest goes to DESCRIPTION. */
static size_t first_line(const char *text, const char **rest)
{
	size_t n = strcspn(text, "\r\n");
	const char *r = text + n;
	r += strspn(r, "\r\n");
	*rest = *r ? r : NULL;
	return n;
}

static void ics_text_n(struct kbuf *b, const char *s, size_t n)
{
	struct kbuf one = { 0 };
	kbuf_add(&one, s, n);
	ics_text(b, one.p ? one.p : "");
	if (one.oom)
		b->oom = true;
	kbuf_free(&one);
}

/* Content lines are built in `line` and folded into out. */
struct ics {
	struct kbuf *out;
	struct kbuf line;
};

static void emit(struct ics *w)
{
	if (w->line.oom)
		w->out->oom = true;
	ics_fold(w->out, w->line.p ? w->line.p : "", w->line.n);
	w->line.n = 0;
	if (w->line.p)
		w->line.p[0] = '\0';
}

static void prop_raw(struct ics *w, const char *name, const char *value)
{
	kbuf_puts(&w->line, name);
	kbuf_putc(&w->line, ':');
	kbuf_puts(&w->line, value);
	emit(w);
}

/* A row's version counts its saves from 1; SEQUENCE counts revisions
 * from 0, so a calendar that imported an earlier export sees an update. */
static void sequence(struct ics *w, int64_t version)
{
	kbuf_printf(&w->line, "SEQUENCE:%" PRId64, version > 0 ? version - 1 : 0);
	emit(w);
}

static void prop_text(struct ics *w, const char *name, const char *value)
{
	kbuf_puts(&w->line, name);
	kbuf_putc(&w->line, ':');
	ics_text(&w->line, value);
	emit(w);
}

/* A person as a calendar addresses them: CN carries the name, the value
 * is a mailto: URI of their address.  The store holds only plain
 * addr-specs (email_valid), whose characters a URI takes as they are,
 * but for '%' and '?', which RFC 6068 asks to be escaped. */
static void prop_person(struct ics *w, const char *name, const char *cn, const char *params,
                        const char *email)
{
	kbuf_puts(&w->line, name);
	kbuf_puts(&w->line, ";CN=");
	ics_param(&w->line, cn);
	if (params)
		kbuf_puts(&w->line, params);
	kbuf_puts(&w->line, ":mailto:");
	for (const char *p = email; *p; p++) {
		if (*p == '%' || *p == '?')
			kbuf_printf(&w->line, "%%%02X", (unsigned)(unsigned char)*p);
		else
			kbuf_putc(&w->line, *p);
	}
	emit(w);
}

/* The attendee of the meeting with this name and an address, or NULL:
 * a person is written only where a calendar can reach them, never with
 * a made-up address. */
static const struct attendee *reachable(const struct minutes *mi, const char *name)
{
	for (size_t i = 0; name && *name && i < mi->attendees.n; i++) {
		const struct attendee *a = &mi->attendees.v[i];
		if (strcmp(a->name, name) == 0 && a->email && *a->email)
			return a;
	}
	return NULL;
}

static const char *partstat(enum attendee_status s)
{
	switch (s) {
	case PSTATUS_PRESENT: return ";PARTSTAT=ACCEPTED";
	case PSTATUS_REGRETS: return ";PARTSTAT=DECLINED";
	default: return ";PARTSTAT=NEEDS-ACTION";
	}
}

/* "YYYY-MM-DDTHH:MM:SSZ" -> "YYYYMMDDTHHMMSSZ"; "YYYY-MM-DD HH:MM" ->
 * "YYYYMMDDTHHMM00"; "YYYY-MM-DD" -> "YYYYMMDD". */
static void compact(char *out, size_t size, const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p && n + 1 < size; p++) {
		if (*p >= '0' && *p <= '9')
			out[n++] = *p;
		else if ((*p == 'T' || *p == ' ') && n + 1 < size)
			out[n++] = 'T';
		else if (*p == 'Z')
			out[n++] = 'Z';
	}
	out[n] = '\0';
	/* A meeting time has minutes only. */
	if (n == 13 && n + 3 < size) {
		strcat(out, "00");
	}
}

/* A UTC stamp from the change log; nothing when none is known. */
static void last_modified(struct ics *w, const char *at)
{
	char buf[32];
	if (!at || strlen(at) != 20 || at[19] != 'Z')
		return;
	compact(buf, sizeof buf, at);
	prop_raw(w, "LAST-MODIFIED", buf);
}

static void uid(char *buf, size_t size, const struct project *p, const char *what)
{
	char created[32];
	compact(created, sizeof created, p->created_at);
	snprintf(buf, size, "%s-%" PRId64 "-%s@kickoff", created, p->id, what);
}

static const char *todo_status(enum action_status s)
{
	switch (s) {
	case ASTATUS_DONE: return "COMPLETED";
	case ASTATUS_DROPPED: return "CANCELLED";
	default: return "NEEDS-ACTION";
	}
}

enum ko_err export_ics(const struct export_set *set, const char *stamp, struct kbuf *out)
{
	struct ics w = { .out = out };
	const struct project *p = set->project;
	const struct labels *L = labels_for(p->lang);
	char dtstamp[32], buf[128], what[64];
	compact(dtstamp, sizeof dtstamp, stamp && *stamp ? stamp : "1970-01-01T00:00:00Z");

	prop_raw(&w, "BEGIN", "VCALENDAR");
	prop_raw(&w, "VERSION", "2.0");
	prop_raw(&w, "PRODID", "-//kickoff//kickoff minutes//EN");
	prop_raw(&w, "CALSCALE", "GREGORIAN");
	/* No METHOD: this is a calendar to import, not an iTIP message, and
	 * RFC 5546's PUBLISH forbids the ATTENDEE lines the minutes carry. */
	for (size_t m = 0; m < set->n; m++) {
		const struct minutes *mi = &set->meetings[m];
		const struct meeting *mt = &mi->meeting;
		char event_uid[128] = "";
		if (mt->starts_at && *mt->starts_at) {
			uid(event_uid, sizeof event_uid, p, kind_name(mt->kind));
			prop_raw(&w, "BEGIN", "VEVENT");
			prop_raw(&w, "UID", event_uid);
			prop_raw(&w, "DTSTAMP", dtstamp);
			sequence(&w, mt->version);
			last_modified(&w, mt->modified_at);
			/* Local time as the user typed it: a floating time. */
			compact(buf, sizeof buf, mt->starts_at);
			prop_raw(&w, "DTSTART", buf);
			/* As long as the agenda is planned; an hour when no item
			 * has minutes. */
			int minutes = agenda_planned(mi->items.v, mi->items.n);
			char end[17];
			if (agenda_end(mt->starts_at, minutes ? minutes : 60, end)) {
				compact(buf, sizeof buf, end);
				prop_raw(&w, "DTEND", buf);
			} else {
				prop_raw(&w, "DURATION", "PT1H");
			}
			const char *title_rest;
			size_t title_n = first_line(mt->title, &title_rest);
			kbuf_printf(&w.line, "SUMMARY:");
			ics_text_n(&w.line, mt->title, title_n);
			kbuf_puts(&w.line, " \xE2\x80\x94 ");   /* em dash */
			ics_text(&w.line, p->name);
			emit(&w);
			if (*mt->place)
				prop_text(&w, "LOCATION", mt->place);
			if (*mt->purpose || title_rest) {
				kbuf_puts(&w.line, "DESCRIPTION:");
				if (title_rest) {
					ics_text(&w.line, title_rest);
					if (*mt->purpose)
						kbuf_puts(&w.line, "\\n");
				}
				ics_text(&w.line, mt->purpose);
				emit(&w);
			}
			prop_raw(&w, "STATUS", "CONFIRMED");
			const struct attendee *host = reachable(mi, mt->host);
			if (host)
				prop_person(&w, "ORGANIZER", host->name, NULL, host->email);
			for (size_t i = 0; i < mi->attendees.n; i++) {
				const struct attendee *a = &mi->attendees.v[i];
				if (!a->email || !*a->email)
					continue;
				char params[64];
				snprintf(params, sizeof params, ";ROLE=%s%s",
				         a == host ? "CHAIR" : "REQ-PARTICIPANT", partstat(a->status));
				prop_person(&w, "ATTENDEE", a->name, params, a->email);
			}
			prop_raw(&w, "END", "VEVENT");
		}
		for (size_t i = 0; i < mi->actions.n; i++) {
			const struct action *a = &mi->actions.v[i];
			snprintf(what, sizeof what, "action-%" PRId64, a->id);
			uid(buf, sizeof buf, p, what);
			prop_raw(&w, "BEGIN", "VTODO");
			prop_raw(&w, "UID", buf);
			prop_raw(&w, "DTSTAMP", dtstamp);
			sequence(&w, a->version);
			last_modified(&w, a->modified_at);
			if (*a->created_at) {
				compact(buf, sizeof buf, a->created_at);
				prop_raw(&w, "CREATED", buf);
			}
			const char *text_rest;
			size_t text_n = first_line(a->text, &text_rest);
			kbuf_puts(&w.line, "SUMMARY:");
			ics_text_n(&w.line, a->text, text_n);
			emit(&w);
			if (*a->due) {
				compact(buf, sizeof buf, a->due);
				prop_raw(&w, "DUE;VALUE=DATE", buf);
			}
			prop_raw(&w, "STATUS", todo_status(a->status));
			if (a->status == ASTATUS_DONE && *a->done_at) {
				compact(buf, sizeof buf, a->done_at);
				prop_raw(&w, "COMPLETED", buf);
			}
			/* No property says "owner": the owner is the one attendee
			 * when they have an address, and the description says it in
			 * words in any case. */
			const struct attendee *owner = reachable(mi, a->owner);
			if (owner)
				prop_person(&w, "ATTENDEE", owner->name, ";ROLE=REQ-PARTICIPANT", owner->email);
			kbuf_puts(&w.line, "DESCRIPTION:");
			if (text_rest) {
				ics_text(&w.line, text_rest);
				kbuf_puts(&w.line, "\\n\\n");
			}
			ics_text(&w.line, L->s[LB_OWNER]);
			ics_text(&w.line, L->colon);
			ics_text(&w.line, a->owner);
			kbuf_puts(&w.line, "\\n");
			ics_text(&w.line, L->s[LB_MEETING]);
			ics_text(&w.line, L->colon);
			ics_text(&w.line, mt->title);
			kbuf_puts(&w.line, " \xE2\x80\x94 ");
			ics_text(&w.line, p->name);
			emit(&w);
			if (*event_uid)
				prop_raw(&w, "RELATED-TO", event_uid);
			prop_raw(&w, "END", "VTODO");
		}
	}
	prop_raw(&w, "END", "VCALENDAR");
	kbuf_free(&w.line);
	return out->oom ? KO_NOMEM : KO_OK;
}
