/* entity_form.c - forms and list columns built from an entity's
 * description: one routine builds every phase's form, one saves it (a
 * new row through the entity's add, an edit as a partial edit by field
 * name), one re-reads the row after a conflict, and one draws the
 * columns of every list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "kickoff/text.h"
#include "entity_form.h"

#define MAX_COLUMNS 16

static enum field_kind form_kind(const struct field_desc *d, unsigned flags)
{
	switch (d->kind) {
	case FK_LONG: return flags & EF_ONE_LINE ? F_TEXT : F_LONG;
	case FK_DATE: return F_DATE;
	case FK_DATETIME: return F_DATETIME;
	case FK_CHOICE: return F_CHOICE;
	default: return F_TEXT;
	}
}

/* A number field as the form holds it: "" for none. */
static const char *number_text(int64_t v, char *buf, size_t n)
{
	buf[0] = '\0';
	if (v)
		snprintf(buf, n, "%lld", (long long)v);
	return buf;
}

/* An agenda item's number as typed ("#3", " 3 ", "" for none). */
static int parse_number(const char *s, int *out)
{
	char *end;
	while (*s == ' ' || *s == '#')
		s++;
	if (!*s) {
		*out = 0;
		return 0;
	}
	long v = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (*end || v < 0 || v > 100000)
		return -1;
	*out = (int)v;
	return 0;
}

static const struct field_desc *desc_of(const struct form_spec *spec, const char *name)
{
	return entity_field(spec->def->entity, name);
}

static void *row_at(const struct plist *p, int i)
{
	/* Every vec in the union has the same layout: a pointer to its rows. */
	return (char *)p->v.att.v + (size_t)i * p->def->row_size;
}

/* Checks the number fields; the message names the first bad one. */
static enum ko_err check_numbers(struct app *a, struct form *fm)
{
	for (int i = 0; i < fm->nf; i++) {
		const struct field *f = &fm->f[i];
		int v;
		if (f->desc && f->desc->kind == FK_NUMBER && parse_number(f->le.buf, &v) != 0) {
			app_msg(a, MSG_ERROR, _("invalid value: agenda item '%s' is not a number"),
			        f->le.buf);
			return KO_INVALID;
		}
		if (f->desc && f->desc->kind == FK_COUNT &&
		    (parse_number(f->le.buf, &v) != 0 || v > f->desc->max_count)) {
			app_msg(a, MSG_ERROR, _("invalid value: %s '%s' is not a number from 0 to %lld"),
			        _(f->desc->label), f->le.buf, (long long)f->desc->max_count);
			return KO_INVALID;
		}
	}
	return KO_OK;
}

/* The new row from the form: texts point into the form's fields. */
static void fill_row(const struct form *fm, void *row)
{
	for (int i = 0; i < fm->nf; i++) {
		const struct field *f = &fm->f[i];
		if (!f->desc)
			continue;
		char *at = (char *)row + f->desc->offset;
		int v = 0;
		switch (f->desc->kind) {
		case FK_CHOICE:
			*(int *)(void *)at = f->choice;
			break;
		case FK_NUMBER:
		case FK_COUNT:
			parse_number(f->le.buf, &v);
			*(int *)(void *)at = v;
			break;
		case FK_FLAG:
		case FK_REF:
			break;
		default:
			*(char **)(void *)at = f->le.buf;
		}
	}
}

static int item_of(const struct form *fm)
{
	for (int i = 0; i < fm->nf; i++) {
		int v;
		if (fm->f[i].desc && fm->f[i].desc->kind == FK_NUMBER &&
		    parse_number(fm->f[i].le.buf, &v) == 0)
			return v;
	}
	return 0;
}

static enum ko_err save(struct app *a, struct form *fm)
{
	const struct form_spec *spec = fm->spec;
	struct plist *p = fm->owner;
	enum ko_err rc = check_numbers(a, fm);
	if (rc != KO_OK)
		return rc;
	if (fm->id) {
		struct store_patch patch;
		form_patch(fm, &patch);
		/* A number as the store takes it: digits, "" for none. */
		char nums[4][16];
		int k = 0;
		for (int i = 0; i < fm->nf && k < 4; i++) {
			const struct field *f = &fm->f[i];
			int idx = f->desc ? store_patch_field(fm->entity, f->desc->name) : -1;
			int v;
			if (idx < 0 || (f->desc->kind != FK_NUMBER && f->desc->kind != FK_COUNT) ||
			    parse_number(f->le.buf, &v) != 0)
				continue;
			patch.value[idx] = number_text(v, nums[k++], sizeof nums[0]);
		}
		return form_save_patch(a, fm->entity, fm->id, &patch);
	}
	void *row = calloc(1, spec->def->row_size);
	if (!row) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return KO_NOMEM;
	}
	/* Every model struct starts with its id and its meeting's. */
	((int64_t *)row)[1] = a->meeting_id;
	fill_row(fm, row);
	int64_t id;
	rc = spec->add(a->st, row, &id);
	free(row);
	if (rc != KO_OK)
		return rc;
	if (p->def == spec->def)
		p->keep_id = id;
	else if (spec->added_elsewhere)
		spec->added_elsewhere(a, item_of(fm));
	return KO_OK;
}

/* The row was deleted while it was edited: what was typed becomes a new
 * row, and the list's cursor goes to it. */
static enum ko_err save_new(struct app *a, struct form *fm)
{
	fm->id = fm->row_id = 0;
	fm->reread = NULL;
	fm->save_new = NULL;
	fm->table = NULL;
	return save(a, fm);
}

/* The row as stored now, read with the phase's own list reader. */
static enum ko_err reread(struct app *a, struct form *fm, struct form_theirs *th)
{
	const struct form_spec *spec = fm->spec;
	struct plist tmp;
	memset(&tmp, 0, sizeof tmp);
	tmp.def = spec->def;
	enum ko_err rc = spec->def->load(a, &tmp);
	if (rc != KO_OK)
		return rc;
	rc = KO_NOTFOUND;
	for (int k = 0; k < tmp.n && rc == KO_NOTFOUND; k++) {
		if (spec->def->row_id(&tmp, k) != fm->id)
			continue;
		const void *row = row_at(&tmp, k);
		rc = KO_OK;
		for (int i = 0; i < fm->nf && i < th->n; i++) {
			const struct field_desc *d = fm->f[i].desc;
			char num[24];
			if (!d)
				continue;
			if (d->kind == FK_CHOICE)
				th->choice[i] = (int)field_int(d, row);
			else if (!(th->text[i] = strdup(field_is_text(d) ? field_str(d, row)
			                                   : number_text(field_int(d, row), num, sizeof num))))
				rc = KO_NOMEM;
		}
		th->version = *(const int64_t *)(const void *)((const char *)row + spec->version_at);
	}
	spec->def->free_rows(&tmp);
	return rc;
}

/* The template's roles by their first names, as a person picks one. */
static void offer_roles(struct app *a, struct form *fm, int i)
{
	size_t n = a->tmpl.n_roles;
	char (*names)[NAME_MAX_BYTES + 1] = calloc(n + 1, sizeof *names);
	const char **v = calloc(n + 1, sizeof *v);
	for (size_t k = 0; names && v && k < n; k++) {
		template_role_name(a->tmpl.roles[k], names[k], sizeof names[k]);
		v[k] = names[k];
	}
	if (n && names && v)
		form_suggest(fm, i, v, n);
	free(v);
	free(names);
}

void entity_form_open(struct app *a, struct plist *p, const struct form_spec *spec,
                      const void *row, int item, int focus)
{
	struct form *fm = form_new(_(row ? spec->title_edit : spec->title_new), save);
	if (!fm)
		return;
	fm->owner = p;
	fm->spec = spec;
	fm->entity = spec->entity;
	for (size_t k = 0; k < spec->nfields; k++) {
		const struct form_spec_field *sf = &spec->fields[k];
		const struct field_desc *d = desc_of(spec, sf->name);
		if (!d) {
			fm->broken = true;
			break;
		}
		if (!row && (sf->flags & EF_EDIT_ONLY))
			continue;
		const char *label = sf->label ? sf->label : d->label;
		enum field_kind kind = form_kind(d, sf->flags);
		char num[24];
		int i;
		if (kind == F_CHOICE)
			i = form_choice(fm, label, d->choices, row ? (int)field_int(d, row) : sf->choice);
		else if (d->kind == FK_NUMBER)
			i = form_field(fm, label, kind,
			               number_text(row ? field_int(d, row) : item, num, sizeof num));
		else if (d->kind == FK_COUNT)
			i = form_field(fm, label, kind,
			               number_text(row ? field_int(d, row) : 0, num, sizeof num));
		else
			i = form_field(fm, label, kind, row ? field_str(d, row) : NULL);
		if (i >= 0)
			fm->f[i].desc = d;
		if (i >= 0 && (sf->flags & EF_ROLES))
			offer_roles(a, fm, i);
	}
	if (row) {
		fm->id = fm->row_id = *(const int64_t *)row;
		fm->version = *(const int64_t *)(const void *)((const char *)row + spec->version_at);
		fm->table = spec->table;
		fm->reread = reread;
		if (spec->add)
			fm->save_new = save_new;
		if (focus <= 0)
			focus = spec->focus_edit;
	}
	form_open(a, fm, focus);
}

/* ---- columns ---- */

/* The first line of a text that may have several. */
static const char *first_line(const char *s, char *buf, size_t n)
{
	size_t len = strcspn(s, "\n");
	if (s[len] == '\0')
		return s;
	snprintf(buf, n, "%.*s …", (int)(len < n - 8 ? len : n - 8), s);
	return buf;
}

/* A fixed column is as wide as its title at least, so a heading that is
 * longer in the reader's language (议程项 for "Item") is not cut. */
static int column_width(const struct columns *cs, const struct column *col)
{
	if (col->width <= 0 || !col->field)
		return col->width;
	const char *t = col->title;
	if (!t) {
		const struct field_desc *d = entity_field(cs->entity, col->field);
		t = d ? d->label : "";
	}
	int w = *t ? text_width(i18n_ctx(t)) : 0;
	return w > col->width ? w : col->width;
}

void columns_head(const struct columns *cs, int y)
{
	struct cell c[MAX_COLUMNS];
	int n = 0;
	attr_t hd = ui_attr(ST_DIM) | A_BOLD;
	for (size_t k = 0; k < cs->n && n < MAX_COLUMNS; k++, n++) {
		const struct column *col = &cs->c[k];
		const char *t = col->title;
		if (!t && col->field) {
			const struct field_desc *d = entity_field(cs->entity, col->field);
			t = d ? d->label : "";
		}
		c[n] = (struct cell){ column_width(cs, col), t && *t ? i18n_ctx(t) : "", t && *t ? hd : 0,
		                      (col->flags & COL_RIGHT) != 0 };
	}
	ui_cells(y, 0, ui_list_width(), c, n);
}

void columns_row(struct app *a, const struct columns *cs, const struct plist *p, int i,
                 int y, bool selected)
{
	struct cell c[MAX_COLUMNS];
	char buf[MAX_COLUMNS][256];
	const void *row = row_at(p, i);
	const struct entity_desc *e = cs->entity;
	int n = 0;
	for (size_t k = 0; k < cs->n && n < MAX_COLUMNS; k++, n++) {
		const struct column *col = &cs->c[k];
		struct cell *cell = &c[n];
		*cell = (struct cell){ column_width(cs, col), "", A_NORMAL, (col->flags & COL_RIGHT) != 0 };
		if (!col->field) {
			cell->text = selected ? "▸" : " ";
			cell->attr = selected ? ui_attr(ST_CURSOR) : A_NORMAL;
			continue;
		}
		const struct field_desc *d = entity_field(e, col->field);
		const char *t = cs->text ? cs->text(a, row, col) : NULL;
		if (t) {
			cell->text = t;
		} else if (!d) {
			cell->text = "";
		} else if (col->flags & COL_TICK) {
			bool on = field_is_text(d) ? *field_str(d, row) != '\0' : field_int(d, row) != 0;
			cell->text = on ? col->tick : "[ ]";
			cell->attr = on ? ui_attr(ST_DONE) : A_NORMAL;
		} else if (col->flags & COL_FROM_MONTH) {
			const char *s = field_str(d, row);
			if (*s) {
				stamp_to_local(s, buf[n]);
				cell->text = buf[n] + 5;
			}
		} else if (d->kind == FK_LONG) {
			cell->text = first_line(field_str(d, row), buf[n], sizeof buf[n]);
		} else if (d->kind == FK_NUMBER && (col->flags & COL_HASH)) {
			int64_t v = field_int(d, row);
			if (v)
				snprintf(buf[n], sizeof buf[n], "#%lld", (long long)v);
			else
				buf[n][0] = '\0';
			cell->text = buf[n];
		} else if (d->kind == FK_NUMBER) {
			snprintf(buf[n], sizeof buf[n], "%lld", (long long)field_int(d, row));
			cell->text = buf[n];
		} else {
			const char *v = field_value(d, row, buf[n], sizeof buf[n]);
			cell->text = d->kind == FK_CHOICE || d->kind == FK_FLAG ? _(v) : v;
		}
		if (col->flags & COL_DIM)
			cell->attr = ui_attr(ST_DIM);
		attr_t st = cs->style && !(col->flags & COL_TICK) ? cs->style(a, row, col) : 0;
		if (st)
			cell->attr = st;
	}
	ui_cells(y, 0, ui_list_width(), c, n);
}
