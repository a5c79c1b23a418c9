/* markdown.c - the minutes as a CommonMark page (tables as in GitHub's
 * dialect), headings and words in the meeting's language.  Every piece of
 * user text is escaped, so what was typed is what the page shows. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "kickoff/export.h"
#include "export_labels.h"

void md_text(struct kbuf *b, const char *s, const char *indent)
{
	bool line_start = false;
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\r')
			continue;
		if (c == '\n') {
			if (!indent) {
				kbuf_putc(b, ' ');
				continue;
			}
			/* A backslash at the end of a line is a hard break. */
			kbuf_puts(b, "\\\n");
			kbuf_puts(b, indent);
			line_start = true;
			continue;
		}
		if (line_start) {
			/* What would open a block at the start of a line. */
			if (c == ' ' || c == '\t')
				continue;
			if (c == '-' || c == '+' || c == '=')
				kbuf_putc(b, '\\');
			else if (c >= '0' && c <= '9') {
				const char *q = p;
				while (*q >= '0' && *q <= '9')
					q++;
				if (*q == '.' || *q == ')') {
					kbuf_add(b, p, (size_t)(q - p));
					kbuf_putc(b, '\\');
					kbuf_putc(b, *q);
					p = q;
					line_start = false;
					continue;
				}
			}
			line_start = false;
		}
		if (strchr("\\`*_[]<>|~#&!", (int)c) && c)
			kbuf_putc(b, '\\');
		else if (c < 0x20 && c != '\t')
			continue;
		kbuf_putc(b, (char)c);
	}
}

static void cell(struct kbuf *b, const char *s)
{
	kbuf_puts(b, " ");
	md_text(b, s, NULL);
	kbuf_puts(b, " |");
}

static void table_head(struct kbuf *b, const struct labels *L, const enum label *cols, size_t n)
{
	kbuf_puts(b, "|");
	for (size_t i = 0; i < n; i++)
		if (cols[i] == LB_COUNT)
			kbuf_puts(b, " # |");
		else
			cell(b, L->s[cols[i]]);
	kbuf_puts(b, "\n|");
	for (size_t i = 0; i < n; i++)
		kbuf_puts(b, " --- |");
	kbuf_putc(b, '\n');
}

#define HEAD(b, L, ...) do { \
		const enum label c_[] = { __VA_ARGS__ }; \
		table_head((b), (L), c_, sizeof c_ / sizeof *c_); \
	} while (0)

static void field(struct kbuf *b, const struct labels *L, enum label what, const char *value)
{
	/* The colon outside the bold: "**项目：**天河" would not be bold. */
	kbuf_printf(b, "- **%s**%s", L->s[what], L->colon);
	md_text(b, value, "  ");
	kbuf_putc(b, '\n');
}

static void heading(struct kbuf *b, const struct labels *L, enum label what)
{
	kbuf_printf(b, "\n## %s\n\n", L->s[what]);
}

static const char *item_title(const struct minutes *mi, int position)
{
	for (size_t i = 0; i < mi->items.n; i++)
		if (mi->items.v[i].position == position)
			return mi->items.v[i].title;
	return "";
}

/* "3. Project objectives" for a link to agenda item 3, "" for none. */
static void item_cell(struct kbuf *b, const struct minutes *mi, int position)
{
	char num[16] = "";
	if (position)
		snprintf(num, sizeof num, "%d. ", position);
	kbuf_puts(b, " ");
	kbuf_puts(b, num);
	md_text(b, position ? item_title(mi, position) : "", NULL);
	kbuf_puts(b, " |");
}

static void local(char out[17], const char *stamp)
{
	stamp_to_local(stamp, out);
}

static void meeting_md(struct kbuf *b, const struct project *p, const struct minutes *mi)
{
	const struct labels *L = labels_for(p->lang);
	const struct meeting *m = &mi->meeting;
	char when[17], id[24];

	kbuf_puts(b, "# ");
	md_text(b, m->title, NULL);
	kbuf_puts(b, " \xE2\x80\x94 ");
	md_text(b, p->name, NULL);
	kbuf_puts(b, "\n\n");
	field(b, L, LB_PROJECT, p->name);
	if (*p->customer)
		field(b, L, LB_CUSTOMER, p->customer);
	if (*p->code)
		field(b, L, LB_CODE, p->code);
	field(b, L, LB_MEETING, m->kind == KIND_KO ? "KO" : "TKO");
	field(b, L, LB_DATE, *m->starts_at ? m->starts_at : L->s[LB_NOT_SET]);
	field(b, L, LB_PLACE, *m->place ? m->place : L->s[LB_NOT_SET]);
	field(b, L, LB_HOST, *m->host ? m->host : L->s[LB_NOT_SET]);
	field(b, L, LB_STATUS, L->meeting_status[m->status]);
	if (*m->purpose)
		field(b, L, LB_PURPOSE, m->purpose);

	/* Attendees */
	heading(b, L, LB_ATTENDEES);
	if (mi->attendees.n == 0) {
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	} else {
		int invited = 0, present = 0;
		for (size_t i = 0; i < mi->attendees.n; i++) {
			invited += mi->attendees.v[i].invited != 0;
			present += mi->attendees.v[i].present != 0;
		}
		kbuf_printf(b, "%s%s%d \xC2\xB7 %s%s%d\n\n", L->s[LB_INVITED], L->colon, invited,
		            L->s[LB_PRESENT], L->colon, present);
		HEAD(b, L, LB_NAME, LB_ROLE, LB_ORGANISATION, LB_INVITED, LB_PRESENT);
		for (size_t i = 0; i < mi->attendees.n; i++) {
			const struct attendee *a = &mi->attendees.v[i];
			kbuf_puts(b, "|");
			cell(b, a->name);
			cell(b, a->role);
			cell(b, a->organisation);
			cell(b, L->s[a->invited ? LB_YES : LB_NO]);
			cell(b, L->s[a->present ? LB_YES : LB_NO]);
			kbuf_putc(b, '\n');
		}
	}

	/* Agenda */
	heading(b, L, LB_AGENDA);
	if (mi->items.n == 0) {
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	} else {
		int ticked = 0;
		for (size_t i = 0; i < mi->items.n; i++)
			ticked += *mi->items.v[i].checked_at != '\0';
		kbuf_printf(b, "%s%s%d %s %zu\n\n", L->s[LB_TICKED], L->colon, ticked, L->s[LB_OF],
		            mi->items.n);
		for (size_t i = 0; i < mi->items.n; i++) {
			const struct item *it = &mi->items.v[i];
			bool done = *it->checked_at != '\0';
			/* "1\." keeps the number as text: pandoc reads "- [x] 1. "
			 * as a checkbox followed by an ordered list of one item. */
			kbuf_printf(b, "- [%c] %d\\. ", done ? 'x' : ' ', it->position);
			md_text(b, it->title, "  ");
			if (done) {
				local(when, it->checked_at);
				kbuf_puts(b, " \xE2\x80\x94 ");
				md_text(b, it->checked_by, "  ");
				kbuf_printf(b, ", %s", when);
			}
			if (*it->note) {
				kbuf_printf(b, "\\\n  *%s*%s", L->s[LB_NOTE], L->colon);
				md_text(b, it->note, "  ");
			}
			kbuf_putc(b, '\n');
		}
	}

	/* Decisions */
	heading(b, L, LB_DECISIONS);
	if (mi->decisions.n == 0) {
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	} else {
		HEAD(b, L, LB_COUNT, LB_DECISION, LB_BY, LB_WHEN, LB_ITEM);
		for (size_t i = 0; i < mi->decisions.n; i++) {
			const struct decision *d = &mi->decisions.v[i];
			snprintf(id, sizeof id, "%" PRId64, d->id);
			local(when, d->decided_at);
			kbuf_puts(b, "|");
			cell(b, id);
			cell(b, d->text);
			cell(b, d->decided_by);
			cell(b, when);
			item_cell(b, mi, d->item_position);
			kbuf_putc(b, '\n');
		}
	}

	/* Risks */
	heading(b, L, LB_RISKS);
	if (mi->risks.n == 0) {
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	} else {
		HEAD(b, L, LB_COUNT, LB_RISK, LB_LIKELIHOOD, LB_IMPACT, LB_MITIGATION,
		     LB_OWNER, LB_STATUS, LB_ITEM);
		for (size_t i = 0; i < mi->risks.n; i++) {
			const struct risk *r = &mi->risks.v[i];
			snprintf(id, sizeof id, "%" PRId64, r->id);
			kbuf_puts(b, "|");
			cell(b, id);
			cell(b, r->text);
			cell(b, L->level[r->likelihood]);
			cell(b, L->level[r->impact]);
			cell(b, r->mitigation);
			cell(b, r->owner);
			cell(b, L->risk_status[r->status]);
			item_cell(b, mi, r->item_position);
			kbuf_putc(b, '\n');
		}
	}

	/* Outputs */
	heading(b, L, LB_OUTPUTS);
	if (mi->outputs.n == 0) {
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	} else {
		HEAD(b, L, LB_COUNT, LB_OUTPUT, LB_OWNER, LB_STATUS, LB_LINK);
		for (size_t i = 0; i < mi->outputs.n; i++) {
			const struct output *o = &mi->outputs.v[i];
			snprintf(id, sizeof id, "%d", o->position);
			kbuf_puts(b, "|");
			cell(b, id);
			cell(b, o->name);
			cell(b, o->owner);
			cell(b, L->output_status[o->status]);
			cell(b, o->link);
			kbuf_putc(b, '\n');
		}
	}

	/* Actions */
	heading(b, L, LB_ACTIONS);
	if (mi->actions.n == 0) {
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	} else {
		HEAD(b, L, LB_COUNT, LB_ACTION, LB_OWNER, LB_DUE, LB_STATUS, LB_DONE_AT);
		for (size_t i = 0; i < mi->actions.n; i++) {
			const struct action *a = &mi->actions.v[i];
			snprintf(id, sizeof id, "%" PRId64, a->id);
			when[0] = '\0';
			if (*a->done_at)
				local(when, a->done_at);
			kbuf_puts(b, "|");
			cell(b, id);
			cell(b, a->text);
			cell(b, a->owner);
			cell(b, a->due);
			cell(b, L->action_status[a->status]);
			cell(b, when);
			kbuf_putc(b, '\n');
		}
	}
}

enum ko_err export_markdown(const struct export_set *set, struct kbuf *b)
{
	const struct project *p = set->project;
	if (set->n == 0) {
		const struct labels *L = labels_for(p->lang);
		kbuf_puts(b, "# ");
		md_text(b, p->name, NULL);
		kbuf_printf(b, "\n\n%s\n", L->s[LB_NO_MEETINGS]);
	}
	for (size_t i = 0; i < set->n; i++) {
		if (i)
			kbuf_puts(b, "\n---\n\n");
		meeting_md(b, p, &set->meetings[i]);
	}
	return b->oom ? KO_NOMEM : KO_OK;
}
