/* markdown.c - the minutes as a CommonMark page (tables as in GitHub's
 * dialect), headings and words in the meeting's language.  Every piece of
 * user text is escaped, so what was typed is what the page shows. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "kickoff/agenda.h"
#include "kickoff/entity.h"
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

/* How a value shows in the minutes. */
enum shown {
	AS_IS,          /* always, even empty */
	SKIP_EMPTY,     /* a head line only when there is a value */
	NOT_SET,        /* "not set" when empty */
	HIDDEN,         /* bookkeeping the minutes leave out */
};

/* A column's heading: a label of labels.c, "#" for the numbering column,
 * or the field's own label in the meeting's language. */
#define LB_NUMBER LB_COUNT
#define LB_FIELD (LB_COUNT + 1)

/* One column of a table, or one line of the head: a field by name, or
 * "id" (the row's id). */
struct column {
	const char *name;
	int label;
	enum shown shown;
	size_t words;       /* a choice: offset of its words in struct labels,
	                       0 for the stored names */
};

#define WORDS(member) offsetof(struct labels, member)
#define END { NULL, 0, AS_IS, 0 }

/* Each part of the minutes in the order the page has it.  A field of the
 * entity that no column names follows at the end under its own label, so
 * a new field reaches the minutes without a line of this file (its
 * Chinese word goes in labels.c). */
static const struct column project_head[] = {
	{ "name", LB_PROJECT, AS_IS, 0 }, { "customer", LB_CUSTOMER, SKIP_EMPTY, 0 },
	{ "code", LB_CODE, SKIP_EMPTY, 0 }, { "lang", 0, HIDDEN, 0 },
	{ "template", 0, HIDDEN, 0 }, { "created_at", 0, HIDDEN, 0 }, END,
};
static const struct column meeting_head[] = {
	{ "title", 0, HIDDEN, 0 }, { "starts_at", LB_DATE, NOT_SET, 0 },
	{ "place", LB_PLACE, NOT_SET, 0 }, { "host", LB_HOST, NOT_SET, 0 },
	{ "status", LB_STATUS, AS_IS, WORDS(meeting_status) },
	{ "purpose", LB_PURPOSE, SKIP_EMPTY, 0 }, END,
};
static const struct column attendee_columns[] = {
	{ "name", LB_NAME, AS_IS, 0 }, { "role", LB_ROLE, AS_IS, 0 },
	{ "organisation", LB_ORGANISATION, AS_IS, 0 }, { "email", LB_EMAIL, AS_IS, 0 },
	{ "status", LB_STATUS, AS_IS, WORDS(attendee_status) }, END,
};
static const struct column decision_columns[] = {
	{ "id", LB_NUMBER, AS_IS, 0 }, { "text", LB_DECISION, AS_IS, 0 },
	{ "decided_by", LB_BY, AS_IS, 0 }, { "decided_at", LB_WHEN, AS_IS, 0 },
	{ "item", LB_ITEM, AS_IS, 0 }, { "state", LB_STATE, AS_IS, WORDS(decision_state) },
	{ "agreed_at", LB_AGREED_AT, AS_IS, 0 }, END,
};
static const struct column risk_columns[] = {
	{ "id", LB_NUMBER, AS_IS, 0 }, { "text", LB_RISK, AS_IS, 0 },
	{ "likelihood", LB_LIKELIHOOD, AS_IS, WORDS(level) },
	{ "impact", LB_IMPACT, AS_IS, WORDS(level) }, { "mitigation", LB_MITIGATION, AS_IS, 0 },
	{ "owner", LB_OWNER, AS_IS, 0 }, { "status", LB_STATUS, AS_IS, WORDS(risk_status) },
	{ "item", LB_ITEM, AS_IS, 0 }, { "carried_from", LB_CARRIED_FROM, AS_IS, 0 }, END,
};
static const struct column output_columns[] = {
	{ "position", LB_NUMBER, AS_IS, 0 }, { "name", LB_OUTPUT, AS_IS, 0 },
	{ "owner", LB_OWNER, AS_IS, 0 }, { "due", LB_DUE, AS_IS, 0 },
	{ "status", LB_STATUS, AS_IS, WORDS(output_status) },
	{ "link", LB_LINK, AS_IS, 0 }, END,
};
static const struct column action_columns[] = {
	{ "id", LB_NUMBER, AS_IS, 0 }, { "text", LB_ACTION, AS_IS, 0 },
	{ "owner", LB_OWNER, AS_IS, 0 }, { "due", LB_DUE, AS_IS, 0 },
	{ "status", LB_STATUS, AS_IS, WORDS(action_status) },
	{ "done_at", LB_DONE_AT, AS_IS, 0 }, { "created_at", 0, HIDDEN, 0 },
	{ "decision", 0, HIDDEN, 0 }, END,
};

static const struct column question_columns[] = {
	{ "id", LB_NUMBER, AS_IS, 0 }, { "text", LB_QUESTION, AS_IS, 0 },
	{ "raised_by", LB_RAISED_BY, AS_IS, 0 }, { "owner", LB_OWNER, AS_IS, 0 },
	{ "status", LB_STATUS, AS_IS, WORDS(question_status) },
	{ "answer", LB_ANSWER, AS_IS, 0 }, { "moved_from", LB_MOVED_FROM, AS_IS, 0 }, END,
};

struct table {
	const struct entity_desc *entity;
	enum label heading;
	const struct column *columns;
};
static const struct table tables[] = {
	{ &entity_decision, LB_DECISIONS, decision_columns },
	{ &entity_risk, LB_RISKS, risk_columns },
	{ &entity_output, LB_OUTPUTS, output_columns },
	{ &entity_action, LB_ACTIONS, action_columns },
	{ &entity_question, LB_QUESTIONS, question_columns },
};

static const struct field_desc *field_named(const struct entity_desc *e, const char *name)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return &e->fields[i];
	return NULL;
}

static bool named(const struct column *c, const char *name)
{
	for (; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return true;
	return false;
}

#define MAX_COLUMNS 32

/* The columns shown, then the fields no column names; at most MAX_COLUMNS. */
static size_t shown_columns(const struct entity_desc *e, const struct column *cols,
                            struct column *out)
{
	size_t n = 0;
	for (const struct column *c = cols; c->name && n < MAX_COLUMNS; c++)
		if (c->shown != HIDDEN)
			out[n++] = *c;
	for (size_t i = 0; i < e->nfields && n < MAX_COLUMNS; i++)
		if (!named(cols, e->fields[i].name))
			out[n++] = (struct column){ e->fields[i].name, LB_FIELD, SKIP_EMPTY, 0 };
	return n;
}

static const char *label_of(const struct labels *L, const struct column *c,
                            const struct entity_desc *e)
{
	if (c->label == LB_NUMBER)
		return "#";
	if (c->label == LB_FIELD)
		return labels_word(L, field_named(e, c->name)->label);
	return L->s[c->label];
}

static const char *item_title(const struct minutes *mi, int64_t position)
{
	for (size_t i = 0; i < mi->items.n; i++)
		if (mi->items.v[i].position == position)
			return mi->items.v[i].title;
	return "";
}

/* "3. Project charter" as one cell. */
static void item_cell_text(struct kbuf *b, int position, const char *title)
{
	kbuf_printf(b, " %d. ", position);
	md_text(b, title, NULL);
	kbuf_puts(b, " |");
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

/* A value in the meeting's language: choices and flags in its words,
 * stamps in local time. */
static const char *value_of(const struct labels *L, const struct column *c,
                            const struct entity_desc *e, const void *row, char *buf, size_t n)
{
	const struct field_desc *f = field_named(e, c->name);
	if (!f) {
		snprintf(buf, n, "%" PRId64, entity_id(row));
		return buf;
	}
	int64_t v = field_int(f, row);
	const char *s = field_str(f, row);
	switch (f->kind) {
	case FK_CHOICE:
		if (!c->words)
			return f->choices[v];
		return ((const char *const *)(const void *)((const char *)L + c->words))[v];
	case FK_FLAG:
		return L->s[v ? LB_YES : LB_NO];
	case FK_STAMP:
		if (!*s)
			return "";
		stamp_to_local(s, buf);
		return buf;
	default:
		return field_value(f, row, buf, n);
	}
}

static void table(struct kbuf *b, const struct labels *L, const struct entity_desc *e,
                  const struct column *layout, const struct minutes *mi,
                  const void *rows, size_t nrows)
{
	struct column cols[MAX_COLUMNS];
	size_t n = shown_columns(e, layout, cols);
	kbuf_puts(b, "|");
	for (size_t i = 0; i < n; i++)
		if (cols[i].label == LB_NUMBER)
			kbuf_puts(b, " # |");
		else
			cell(b, label_of(L, &cols[i], e));
	kbuf_puts(b, "\n|");
	for (size_t i = 0; i < n; i++)
		kbuf_puts(b, " --- |");
	kbuf_putc(b, '\n');
	for (size_t r = 0; r < nrows; r++) {
		const void *row = entity_row(e, rows, r);
		kbuf_puts(b, "|");
		for (size_t i = 0; i < n; i++) {
			const struct field_desc *f = field_named(e, cols[i].name);
			char buf[32];
			if (f && f->link == &entity_item)
				item_cell(b, mi, (int)field_int(f, row));
			else
				cell(b, value_of(L, &cols[i], e, row, buf, sizeof buf));
		}
		kbuf_putc(b, '\n');
	}
}

static void field(struct kbuf *b, const struct labels *L, const char *label, const char *value)
{
	/* The colon outside the bold: "**项目：**天河" would not be bold. */
	kbuf_printf(b, "- **%s**%s", label, L->colon);
	md_text(b, value, "  ");
	kbuf_putc(b, '\n');
}

/* The head lines of one row (the project, the meeting). */
static void head(struct kbuf *b, const struct labels *L, const struct entity_desc *e,
                 const struct column *layout, const void *row)
{
	struct column cols[MAX_COLUMNS];
	size_t n = shown_columns(e, layout, cols);
	for (size_t i = 0; i < n; i++) {
		char buf[32];
		const char *v = value_of(L, &cols[i], e, row, buf, sizeof buf);
		if (!*v && cols[i].shown == SKIP_EMPTY)
			continue;
		field(b, L, label_of(L, &cols[i], e), !*v && cols[i].shown == NOT_SET ? L->s[LB_NOT_SET] : v);
	}
}

static void heading(struct kbuf *b, const struct labels *L, enum label what)
{
	kbuf_printf(b, "\n## %s\n\n", L->s[what]);
}

static void attendees(struct kbuf *b, const struct labels *L, const struct minutes *mi)
{
	/* Everyone listed was invited; some came, some sent regrets. */
	int present = 0, regrets = 0;
	for (size_t i = 0; i < mi->attendees.n; i++) {
		present += mi->attendees.v[i].status == PSTATUS_PRESENT;
		regrets += mi->attendees.v[i].status == PSTATUS_REGRETS;
	}
	kbuf_printf(b, "%s%s%zu \xC2\xB7 %s%s%d \xC2\xB7 %s%s%d\n\n", L->s[LB_INVITED], L->colon,
	            mi->attendees.n, L->s[LB_PRESENT], L->colon, present, L->s[LB_REGRETS], L->colon,
	            regrets);
	table(b, L, &entity_attendee, attendee_columns, mi, mi->attendees.v, mi->attendees.n);
}

/* The agenda is a task list, not a table: what was ticked, by whom, when. */
static void agenda(struct kbuf *b, const struct labels *L, const struct minutes *mi)
{
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
		if (it->planned_minutes)
			kbuf_printf(b, "%s%d %s%s", L->s[LB_PAREN], it->planned_minutes, L->s[LB_MIN],
			            L->s[LB_UNPAREN]);
		if (*it->presenter) {
			kbuf_printf(b, " \xC2\xB7 %s%s", L->s[LB_PRESENTER], L->colon);
			md_text(b, it->presenter, "  ");
		}
		if (done) {
			char when[17];
			stamp_to_local(it->checked_at, when);
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

/* Planned against actual minutes per item, once the clock has run on
 * any: what the meeting spent its time on. */
static void timing(struct kbuf *b, const struct labels *L, const struct minutes *mi)
{
	int64_t total = 0;
	bool running = false;
	for (size_t i = 0; i < mi->items.n; i++) {
		total += mi->items.v[i].read_seconds;
		running = running || item_running(&mi->items.v[i]);
	}
	if (!total && !running)
		return;
	heading(b, L, LB_TIMING);
	if (running)
		kbuf_printf(b, "*%s*\n\n", L->s[LB_RUNNING]);
	kbuf_printf(b, "| # | %s | %s | %s%s%s%s | %s%s%s%s | |\n", L->s[LB_ITEM], L->s[LB_PRESENTER],
	            L->s[LB_PLANNED], L->s[LB_PAREN], L->s[LB_MIN], L->s[LB_UNPAREN],
	            L->s[LB_ACTUAL], L->s[LB_PAREN], L->s[LB_MIN], L->s[LB_UNPAREN]);
	kbuf_puts(b, "|---:|---|---|---:|---:|---|\n");
	for (size_t i = 0; i < mi->items.n; i++) {
		const struct item *it = &mi->items.v[i];
		int used = minutes_of(it->read_seconds);
		kbuf_printf(b, "| %d |", it->position);
		cell(b, it->title);
		cell(b, it->presenter);
		kbuf_printf(b, " %d | %d | %s |\n", it->planned_minutes, used,
		            it->planned_minutes && it->read_seconds > (int64_t)it->planned_minutes * 60
		            ? L->s[LB_OVER] : "");
	}
	int planned = agenda_planned(mi->items.v, mi->items.n);
	kbuf_printf(b, "| | **%s** | | **%d** | **%d** | %s |\n", L->s[LB_TOTAL], planned,
	            minutes_of(total), planned && total > (int64_t)planned * 60 ? L->s[LB_OVER] : "");
}

/* People down, outputs across, then each output that breaks the rule
 * (one A, at least one R).  A meeting that has not used the matrix
 * leaves it out, as it leaves out an empty parking lot. */
static void raci(struct kbuf *b, const struct labels *L, const struct minutes *mi)
{
	if (!mi->raci.n)
		return;
	heading(b, L, LB_RACI);
	kbuf_puts(b, "|");
	cell(b, L->s[LB_PERSON]);
	for (size_t o = 0; o < mi->outputs.n; o++)
		item_cell_text(b, mi->outputs.v[o].position, mi->outputs.v[o].name);
	kbuf_puts(b, "\n|");
	for (size_t o = 0; o <= mi->outputs.n; o++)
		kbuf_puts(b, " --- |");
	kbuf_putc(b, '\n');
	for (size_t p = 0; p < mi->attendees.n; p++) {
		kbuf_puts(b, "|");
		cell(b, mi->attendees.v[p].name);
		for (size_t o = 0; o < mi->outputs.n; o++) {
			const char *letter = "";
			for (size_t k = 0; k < mi->raci.n; k++)
				if (mi->raci.v[k].output_position == mi->outputs.v[o].position &&
				    mi->raci.v[k].attendee_id == mi->attendees.v[p].id)
					letter = raci_role_name(mi->raci.v[k].role);
			cell(b, letter);
		}
		kbuf_putc(b, '\n');
	}
	struct raci_check bad[64];
	size_t n = raci_problems(&mi->outputs, &mi->raci, bad, 64);
	if (n)
		kbuf_putc(b, '\n');
	for (size_t i = 0; i < n && i < 64; i++) {
		const char *name = "";
		for (size_t o = 0; o < mi->outputs.n; o++)
			if (mi->outputs.v[o].position == bad[i].position)
				name = mi->outputs.v[o].name;
		kbuf_printf(b, "- %d\\. ", bad[i].position);
		md_text(b, name, "  ");
		kbuf_puts(b, L->colon);
		if (bad[i].a == 0)
			kbuf_puts(b, L->s[LB_RACI_NO_A]);
		else if (bad[i].a > 1)
			kbuf_printf(b, "%d \xC3\x97 A", bad[i].a);
		if (bad[i].a != 1 && bad[i].r == 0)
			kbuf_puts(b, ", ");
		if (bad[i].r == 0)
			kbuf_puts(b, L->s[LB_RACI_NO_R]);
		kbuf_putc(b, '\n');
	}
}

static void meeting_md(struct kbuf *b, const struct project *p, const struct minutes *mi)
{
	const struct labels *L = labels_for(p->lang);
	const struct meeting *m = &mi->meeting;
	kbuf_puts(b, "# ");
	md_text(b, m->title, NULL);
	kbuf_puts(b, " \xE2\x80\x94 ");
	md_text(b, p->name, NULL);
	kbuf_puts(b, "\n\n");
	head(b, L, &entity_project, project_head, p);
	field(b, L, L->s[LB_MEETING], m->kind == KIND_KO ? "KO" : "TKO");
	head(b, L, &entity_meeting, meeting_head, m);
	char end[17];
	int planned = agenda_planned(mi->items.v, mi->items.n);
	if (planned && agenda_end(m->starts_at, planned, end))
		field(b, L, L->s[LB_ENDS], end);

	heading(b, L, LB_ATTENDEES);
	if (mi->attendees.n)
		attendees(b, L, mi);
	else
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	heading(b, L, LB_AGENDA);
	if (mi->items.n)
		agenda(b, L, mi);
	else
		kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	timing(b, L, mi);
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		const struct minutes_part *part = NULL;
		for (size_t k = 0; k < minutes_nparts; k++)
			if (minutes_parts[k].entity == tables[t].entity)
				part = &minutes_parts[k];
		size_t n;
		const void *rows = minutes_rows(mi, part, &n);
		/* The parking lot is left out when nothing was parked. */
		if (!n && tables[t].entity == &entity_question)
			continue;
		heading(b, L, tables[t].heading);
		if (n)
			table(b, L, tables[t].entity, tables[t].columns, mi, rows, n);
		else
			kbuf_printf(b, "%s\n", L->s[LB_NONE]);
	}
	raci(b, L, mi);
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
