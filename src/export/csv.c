/* csv.c - one table of the minutes as RFC 4180 CSV: a header row, CRLF
 * line ends, fields quoted when they must be.  The header names are
 * fixed English keys (scripts rely on them); see docs/formats.md. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/export.h"

void csv_field(struct kbuf *b, const char *s, bool guard)
{
	if (!s)
		s = "";
	bool formula = guard && *s && strchr("=+-@\t\r", *s);
	if (!strpbrk(s, "\",\r\n")) {
		if (formula)
			kbuf_putc(b, '\'');
		kbuf_puts(b, s);
		return;
	}
	kbuf_putc(b, '"');
	if (formula)
		kbuf_putc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			kbuf_putc(b, '"');
		kbuf_putc(b, *p);
	}
	kbuf_putc(b, '"');
}

/* A row of n fields, then CRLF. */
static void row(struct kbuf *b, bool guard, const char *const *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			kbuf_putc(b, ',');
		csv_field(b, f[i], guard);
	}
	kbuf_puts(b, "\r\n");
}

#define ROW(b, ...) do { \
		const char *f_[] = { __VA_ARGS__ }; \
		row((b), guard, f_, sizeof f_ / sizeof *f_); \
	} while (0)

static const char *yes_no(int v)
{
	return v ? "yes" : "no";
}

static const char *item_title(const struct minutes *mi, int position)
{
	for (size_t i = 0; i < mi->items.n; i++)
		if (mi->items.v[i].position == position)
			return mi->items.v[i].title;
	return "";
}

enum ko_err export_csv(const struct export_set *set, enum export_entity entity,
                       bool bom, bool spreadsheet, struct kbuf *b)
{
	/* The header row is ours and never guarded. */
	bool guard = false;
	if (bom)
		kbuf_puts(b, "\xEF\xBB\xBF");
	switch (entity) {
	case ENTITY_ACTIONS:
		ROW(b, "project", "meeting", "id", "text", "owner", "due", "status",
		    "created_at", "done_at", "decision");
		break;
	case ENTITY_DECISIONS:
		ROW(b, "project", "meeting", "id", "item", "item_title", "text",
		    "decided_by", "decided_at");
		break;
	case ENTITY_RISKS:
		ROW(b, "project", "meeting", "id", "item", "text", "likelihood", "impact",
		    "mitigation", "owner", "status");
		break;
	case ENTITY_ATTENDEES:
		ROW(b, "project", "meeting", "id", "name", "role", "organisation",
		    "invited", "present");
		break;
	case ENTITY_ITEMS:
		ROW(b, "project", "meeting", "position", "title", "checked", "checked_at",
		    "checked_by", "note");
		break;
	case ENTITY_OUTPUTS:
		ROW(b, "project", "meeting", "position", "name", "owner", "status", "link");
		break;
	}
	guard = spreadsheet;
	const char *project = set->project->name;
	for (size_t m = 0; m < set->n; m++) {
		const struct minutes *mi = &set->meetings[m];
		const char *kind = kind_name(mi->meeting.kind);
		char id[24], pos[24], link[24];
		switch (entity) {
		case ENTITY_ACTIONS:
			for (size_t i = 0; i < mi->actions.n; i++) {
				const struct action *a = &mi->actions.v[i];
				snprintf(id, sizeof id, "%" PRId64, a->id);
				if (a->decision_id)
					snprintf(link, sizeof link, "%" PRId64, a->decision_id);
				else
					link[0] = '\0';
				ROW(b, project, kind, id, a->text, a->owner, a->due,
				    action_status_name(a->status), a->created_at, a->done_at, link);
			}
			break;
		case ENTITY_DECISIONS:
			for (size_t i = 0; i < mi->decisions.n; i++) {
				const struct decision *d = &mi->decisions.v[i];
				snprintf(id, sizeof id, "%" PRId64, d->id);
				if (d->item_position)
					snprintf(pos, sizeof pos, "%d", d->item_position);
				else
					pos[0] = '\0';
				ROW(b, project, kind, id, pos, item_title(mi, d->item_position),
				    d->text, d->decided_by, d->decided_at);
			}
			break;
		case ENTITY_RISKS:
			for (size_t i = 0; i < mi->risks.n; i++) {
				const struct risk *r = &mi->risks.v[i];
				snprintf(id, sizeof id, "%" PRId64, r->id);
				if (r->item_position)
					snprintf(pos, sizeof pos, "%d", r->item_position);
				else
					pos[0] = '\0';
				ROW(b, project, kind, id, pos, r->text, level_name(r->likelihood),
				    level_name(r->impact), r->mitigation, r->owner,
				    risk_status_name(r->status));
			}
			break;
		case ENTITY_ATTENDEES:
			for (size_t i = 0; i < mi->attendees.n; i++) {
				const struct attendee *a = &mi->attendees.v[i];
				snprintf(id, sizeof id, "%" PRId64, a->id);
				ROW(b, project, kind, id, a->name, a->role, a->organisation,
				    yes_no(a->invited), yes_no(a->present));
			}
			break;
		case ENTITY_ITEMS:
			for (size_t i = 0; i < mi->items.n; i++) {
				const struct item *it = &mi->items.v[i];
				snprintf(pos, sizeof pos, "%d", it->position);
				ROW(b, project, kind, pos, it->title, yes_no(it->checked_at && *it->checked_at),
				    it->checked_at, it->checked_by, it->note);
			}
			break;
		case ENTITY_OUTPUTS:
			for (size_t i = 0; i < mi->outputs.n; i++) {
				const struct output *o = &mi->outputs.v[i];
				snprintf(pos, sizeof pos, "%d", o->position);
				ROW(b, project, kind, pos, o->name, o->owner,
				    output_status_name(o->status), o->link);
			}
			break;
		}
	}
	return b->oom ? KO_NOMEM : KO_OK;
}
