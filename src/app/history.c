/* history.c - a change of the log told in the user's language: its kind
 * (stored in English, translated here), the row it is about and the
 * values it moved, so history and undo say what happened to what. */
#include <stdio.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/entity.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

/* Longest a name or a value is shown, in columns. */
#define NAME_COLS 40
#define VALUE_COLS 30

void app_change_kind(const char *s, char *buf, size_t n)
{
	if (!s)
		s = "";
	if (strncmp(s, "skip undo: ", 11) == 0 || strncmp(s, "skip redo: ", 11) == 0)
		snprintf(buf, n, _("%s: %s"), s[5] == 'u' ? _("undo skipped") : _("redo skipped"),
		         _(s + 11));
	else if (strncmp(s, "undo: ", 6) == 0 || strncmp(s, "redo: ", 6) == 0)
		snprintf(buf, n, _("%s: %s"), s[0] == 'u' ? _("undo") : _("redo"), _(s + 6));
	else
		snprintf(buf, n, "%s", *s ? _(s) : "");
}

static const struct entity_desc *const tables[] = {
	&entity_project, &entity_meeting, &entity_attendee, &entity_item,
	&entity_decision, &entity_risk, &entity_output, &entity_action,
};

static const struct entity_desc *table_entity(const char *tbl)
{
	for (size_t i = 0; tbl && i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i]->name, tbl) == 0)
			return tables[i];
	return NULL;
}

/* The field stored in column col, when people have a word for its
 * values: not the store's stamps and bookkeeping, not the ids of links. */
static const struct field_desc *shown_field(const struct entity_desc *e, const char *col)
{
	for (size_t i = 0; e && i < e->nfields; i++) {
		const struct field_desc *f = &e->fields[i];
		if (strcmp(f->column ? f->column : f->name, col) != 0)
			continue;
		if (f->kind == FK_STAMP || (f->flags & FIELD_BY_STORE) || f->link)
			return NULL;
		return f;
	}
	return NULL;
}

/* One line of s, at most cols columns, "…" when cut; "—" for nothing. */
static void cut(const char *s, int cols, char *buf, size_t n)
{
	if (!*s) {
		snprintf(buf, n, "—");
		return;
	}
	size_t line = strcspn(s, "\n");
	if (s[line] == '\0' && text_fit(s, cols, NULL) >= line) {
		snprintf(buf, n, "%s", s);
		return;
	}
	/* Room for the "…" the cut ends with. */
	size_t fit = text_fit(s, cols - 1, NULL);
	snprintf(buf, n, "%.*s…", (int)(fit < line ? fit : line), s);
}

static const char *value_text(const struct field_desc *f, const char *v)
{
	if (f->kind == FK_FLAG)
		return strcmp(v, "1") == 0 ? _("yes") : _("no");
	if (f->kind == FK_CHOICE && *v)
		return _(v);
	return v;
}

void app_change_text(const struct change_info *c, char *buf, size_t n)
{
	char kind[256];
	app_change_kind(c->summary, kind, sizeof kind);
	const struct entity_desc *e = table_entity(c->tbl);
	if (!e || !c->row_name) {
		snprintf(buf, n, "%s", kind);
		return;
	}
	char name[256];
	cut(c->row_name, NAME_COLS, name, sizeof name);
	/* TRANSLATORS: a change and the row it touched: "edit decision: «Weekly status»". */
	snprintf(buf, n, _("%s: «%s»"), kind, name);
	/* The fields people have words for; the kind names the one a "set"
	 * changes, so it goes without its label. */
	size_t k = 0;
	for (size_t i = 0; i < c->nfields; i++)
		k += shown_field(e, c->fields[i].column) != NULL;
	const char *base = c->summary ? c->summary : "";
	if (strncmp(base, "skip ", 5) == 0)
		base += 5;
	if (strncmp(base, "undo: ", 6) == 0 || strncmp(base, "redo: ", 6) == 0)
		base += 6;
	bool labels = !(k == 1 && strncmp(base, "set ", 4) == 0);
	const char *sep = " ";
	for (size_t i = 0; i < c->nfields; i++) {
		const struct field_desc *f = shown_field(e, c->fields[i].column);
		if (!f)
			continue;
		char before[256], after[256], one[600];
		cut(value_text(f, c->fields[i].before), VALUE_COLS, before, sizeof before);
		cut(value_text(f, c->fields[i].after), VALUE_COLS, after, sizeof after);
		if (labels)
			/* TRANSLATORS: a field a change moved: "Owner: Ana → Bob". */
			snprintf(one, sizeof one, _("%s: %s → %s"), i18n_ctx(f->label), before, after);
		else
			snprintf(one, sizeof one, "%s → %s", before, after);
		size_t len = strlen(buf);
		snprintf(buf + len, n - len, "%s%s", sep, one);
		sep = _("; ");
	}
}

void app_undo_text(struct store *st, const char *summary, char *buf, size_t n)
{
	struct change_info ci;
	int64_t id = store_undo_target(st);
	if (!id || store_change_get(st, id, &ci) != KO_OK) {
		app_change_kind(summary, buf, n);
		return;
	}
	/* Undoing a redo, or redoing an undo, is undoing or doing again the
	 * change that started the chain: named as it was first made, as the
	 * store names it ("undo: redo: add decision" says no more). */
	for (int hops = 0; ci.undo_of && hops < 1000; hops++) {
		id = ci.undo_of;
		change_info_free(&ci);
		if (store_change_get(st, id, &ci) != KO_OK) {
			app_change_kind(summary, buf, n);
			return;
		}
	}
	app_change_text(&ci, buf, n);
	change_info_free(&ci);
}
