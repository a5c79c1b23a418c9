/* csv.c - one table of the minutes as RFC 4180 CSV: a header row, CRLF
 * line ends, fields quoted when they must be.  The header names are
 * fixed English keys (scripts rely on them); see docs/formats.md. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/agenda.h"
#include "kickoff/entity.h"
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

/* Each table's columns after "project" and "meeting", in the order the
 * header has them (scripts rely on it).  A field of the entity that is
 * not named here follows at the end, so a new field is exported without
 * a line of this file.  "id" is the row's id; "item_title" the title of
 * the agenda item the row links; "checked" whether the item is ticked. */
struct table {
	const struct entity_desc *entity;
	const char *const *columns;     /* NULL-terminated */
};

static const char *const action_columns[] = {
	"id", "text", "owner", "due", "status", "created_at", "done_at", "decision", NULL,
};
static const char *const decision_columns[] = {
	"id", "item", "item_title", "text", "decided_by", "decided_at", NULL,
};
static const char *const risk_columns[] = {
	"id", "item", "text", "likelihood", "impact", "mitigation", "owner", "status", NULL,
};
static const char *const attendee_columns[] = {
	"id", "name", "role", "organisation", "email", "status", NULL,
};
static const char *const item_columns[] = {
	"position", "title", "checked", "checked_at", "checked_by", "note",
	"planned_minutes", "presenter", "actual_minutes", NULL,
};
static const char *const output_columns[] = {
	"position", "name", "owner", "due", "status", "link", NULL,
};

static const char *const question_columns[] = {
	"id", "text", "raised_by", "owner", "status", "answer", "moved_from", NULL,
};
/* A cell names its output by number and its attendee by id; the names
 * beside them are for people. */
static const char *const raci_columns[] = {
	"output", "output_name", "attendee", "person", "role", NULL,
};

static const struct table tables[] = {
	[ENTITY_ACTIONS] = { &entity_action, action_columns },
	[ENTITY_DECISIONS] = { &entity_decision, decision_columns },
	[ENTITY_RISKS] = { &entity_risk, risk_columns },
	[ENTITY_ATTENDEES] = { &entity_attendee, attendee_columns },
	[ENTITY_ITEMS] = { &entity_item, item_columns },
	[ENTITY_OUTPUTS] = { &entity_output, output_columns },
	[ENTITY_QUESTIONS] = { &entity_question, question_columns },
	[ENTITY_RACI] = { &entity_raci, raci_columns },
};

static const struct field_desc *field_named(const struct entity_desc *e, const char *name)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return &e->fields[i];
	return NULL;
}

static bool named(const char *const *columns, const char *name)
{
	for (; *columns; columns++)
		if (strcmp(*columns, name) == 0)
			return true;
	return false;
}

static const char *item_title(const struct minutes *mi, int64_t position)
{
	for (size_t i = 0; i < mi->items.n; i++)
		if (mi->items.v[i].position == position)
			return mi->items.v[i].title;
	return "";
}

/* One field as scripts read it: choices by their stored name, flags as
 * yes/no, links as the bare number ("" for none), texts as they are. */
static const char *field_cell(const struct field_desc *f, const void *row, char *buf, size_t n)
{
	if (f->kind == FK_COUNT) {
		snprintf(buf, n, "%" PRId64, field_int(f, row));
		return buf;
	}
	if (f->kind == FK_REF) {
		int64_t v = field_int(f, row);
		if (!v)
			return "";
		snprintf(buf, n, "%" PRId64, v);
		return buf;
	}
	return field_value(f, row, buf, n);
}

static const char *cell(const struct table *t, const char *column, const struct minutes *mi,
                        const void *row, char *buf, size_t n)
{
	const struct field_desc *f = field_named(t->entity, column);
	if (f)
		return field_cell(f, row, buf, n);
	if (strcmp(column, "id") == 0) {
		snprintf(buf, n, "%" PRId64, entity_id(row));
		return buf;
	}
	if (strcmp(column, "item_title") == 0 && (f = field_named(t->entity, "item")))
		return item_title(mi, field_int(f, row));
	if (strcmp(column, "checked") == 0 && (f = field_named(t->entity, "checked_at")))
		return *field_str(f, row) ? "yes" : "no";
	if (strcmp(column, ITEM_ACTUAL_KEY) == 0 && t->entity == &entity_item) {
		snprintf(buf, n, "%d", minutes_of(((const struct item *)row)->read_seconds));
		return buf;
	}
	if (strcmp(column, "output_name") == 0 && t->entity == &entity_raci) {
		const struct raci *r = row;
		for (size_t i = 0; i < mi->outputs.n; i++)
			if (mi->outputs.v[i].position == r->output_position)
				return mi->outputs.v[i].name;
	}
	if (strcmp(column, "person") == 0 && t->entity == &entity_raci) {
		const struct raci *r = row;
		for (size_t i = 0; i < mi->attendees.n; i++)
			if (mi->attendees.v[i].id == r->attendee_id)
				return mi->attendees.v[i].name;
	}
	return "";
}

/* The cells of one line: the header's names when row is NULL. */
static void line(struct kbuf *b, const struct table *t, const char *project, const char *kind,
                 const struct minutes *mi, const void *row, bool guard)
{
	char buf[32];
	csv_field(b, row ? project : "project", guard);
	kbuf_putc(b, ',');
	csv_field(b, row ? kind : "meeting", guard);
	for (const char *const *c = t->columns; *c; c++) {
		kbuf_putc(b, ',');
		csv_field(b, row ? cell(t, *c, mi, row, buf, sizeof buf) : *c, guard);
	}
	for (size_t i = 0; i < t->entity->nfields; i++) {
		const struct field_desc *f = &t->entity->fields[i];
		if (named(t->columns, f->name))
			continue;
		kbuf_putc(b, ',');
		csv_field(b, row ? field_cell(f, row, buf, sizeof buf) : f->name, guard);
	}
	kbuf_puts(b, "\r\n");
}

enum ko_err export_csv(const struct export_set *set, enum export_entity entity,
                       bool bom, bool spreadsheet, struct kbuf *b)
{
	if (bom)
		kbuf_puts(b, "\xEF\xBB\xBF");
	if ((size_t)entity >= sizeof tables / sizeof *tables)
		return b->oom ? KO_NOMEM : KO_OK;     /* no such table: nothing to write */
	const struct table *t = &tables[entity];
	const struct minutes_part *part = NULL;
	for (size_t p = 0; p < minutes_nparts; p++)
		if (minutes_parts[p].entity == t->entity)
			part = &minutes_parts[p];
	/* The header row is ours and never guarded. */
	line(b, t, NULL, NULL, NULL, NULL, false);
	for (size_t m = 0; m < set->n && part; m++) {
		const struct minutes *mi = &set->meetings[m];
		size_t n;
		const void *rows = minutes_rows(mi, part, &n);
		for (size_t i = 0; i < n; i++)
			line(b, t, set->project->name, kind_name(mi->meeting.kind), mi,
			     entity_row(t->entity, rows, i), spreadsheet);
	}
	return b->oom ? KO_NOMEM : KO_OK;
}
