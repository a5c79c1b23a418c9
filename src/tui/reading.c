/* reading.c - the reading view (v): every field of the row under the
 * cursor, long text wrapped, for a room that must read what it agrees
 * to; and the same drawing in the detail pane beside a wide list.
 *
 * The view shows whatever row its list's cursor is on, so j and k move
 * the list's cursor and the view follows: leaving it puts the list where
 * the reader was.  The fields come from the entity's description
 * (entity.h), so a new field appears here without a line of this file. */
#include <stdlib.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "kickoff/wrap.h"
#include "phase.h"

struct reading {
	struct screen *owner;          /* the phase screen whose row is shown */
	int scroll;                    /* first line of the text shown */
	int lines;                     /* lines of the last drawing, for scrolling */
	int height;                    /* lines the body had */
	int64_t row_id;                /* to start at the top when the row changes */
};

/* One field's value as people read it: choices and flags translated,
 * stamps in local time. */
static const char *shown(const struct field_desc *f, const void *row, char *buf, size_t n)
{
	const char *v = field_value(f, row, buf, n);
	if (f->kind == FK_STAMP && *v) {
		char local[17];
		stamp_to_local(v, local);
		snprintf(buf, n, "%s", local);
		return buf;
	}
	if ((f->kind == FK_CHOICE || f->kind == FK_FLAG) && *v)
		return _(v);
	return v;
}

int reading_draw(const struct entity_desc *e, const void *row, int y0, int x0, int height,
                 int width, int scroll)
{
	int line = 0;                  /* lines of the whole text so far */
	int y = y0;
	int inner = width - 2 > 1 ? width - 2 : 1;
#define PUT(draw) do { if (line >= scroll && y < y0 + height) { draw; y++; } line++; } while (0)
	for (size_t i = 0; i < e->nfields; i++) {
		const struct field_desc *f = &e->fields[i];
		char buf[64];
		const char *v = shown(f, row, buf, sizeof buf);
		if (f->kind == FK_STAMP && !*v)
			continue;              /* "not ticked yet" says nothing */
		if (i > 0)
			PUT(ui_blank(y, x0, width, A_NORMAL));
		PUT(ui_text(y, x0, width, i18n_ctx(f->label), ui_attr(ST_KEY) | A_BOLD));
		if (!*v) {
			PUT(ui_text(y, x0 + 2, inner, "—", ui_attr(ST_DIM)));
			continue;
		}
		size_t n = text_wrap(v, inner, NULL, 0);
		struct wrap_line *wl = malloc(n * sizeof *wl);
		if (!wl) {
			PUT(ui_text(y, x0 + 2, inner, v, A_NORMAL));
			continue;
		}
		text_wrap(v, inner, wl, n);
		for (size_t k = 0; k < n; k++)
			PUT(ui_text_from(y, x0 + 2, inner, v + wl[k].start, wl[k].len, 0, A_NORMAL));
		free(wl);
	}
#undef PUT
	for (; y < y0 + height; y++)
		ui_blank(y, x0, width, A_NORMAL);
	return line;
}

void reading_pane(struct app *a, struct screen *owner, int y0, int x0, int height, int width)
{
	for (int y = y0; y < y0 + height; y++)
		ui_text(y, x0, 1, "│", ui_attr(ST_DIM));
	x0 += 2;
	width -= 3;
	if (width < 1 || height < 3)
		return;
	const struct entity_desc *e = NULL;
	int64_t id = 0;
	char pos[64] = "";
	const void *row = phase_current(a, owner, &e, &id, pos, sizeof pos);
	char title[160] = "";
	if (row)
		snprintf(title, sizeof title, "%s %s", _(e->label), pos);
	ui_text(y0, x0, width, title, ui_attr(ST_TITLE) | A_BOLD);
	/* The last line says when the row has more than the pane shows, and
	 * how to read the rest. */
	int body = height - 2;
	if (!row) {
		for (int y = y0 + 1; y < y0 + height; y++)
			ui_blank(y, x0, width, A_NORMAL);
		return;
	}
	int lines = reading_draw(e, row, y0 + 1, x0, body, width, 0);
	ui_text_right(y0 + height - 1, x0, width, lines > body ? _("↓ more: v reads it all") : "",
	              ui_attr(ST_DIM));
}

static const enum ko_action reading_keys[] = {
	ACTION_MOVE_DOWN, ACTION_MOVE_UP, ACTION_TOGGLE, ACTION_EDIT, ACTION_BACK, ACTION_HELP,
	ACTION_PAGE_DOWN, ACTION_PAGE_UP, ACTION_MOVE_FIRST, ACTION_MOVE_LAST, ACTION_UNDO,
	ACTION_REDO, ACTION_REDRAW, ACTION_VIEW, ACTION_NONE,
};

static void reading_reload(struct app *a, struct screen *s)
{
	struct reading *r = s->data;
	if (r->owner->stale && r->owner->ops->reload) {
		r->owner->stale = false;
		r->owner->ops->reload(a, r->owner);
	}
}

static void reading_draw_screen(struct app *a, struct screen *s)
{
	struct reading *r = s->data;
	const struct entity_desc *e = NULL;
	int64_t id = 0;
	char pos[64] = "";
	const void *row = phase_current(a, r->owner, &e, &id, pos, sizeof pos);
	if (id != r->row_id) {
		r->row_id = id;
		r->scroll = 0;
	}
	char where[512];
	snprintf(where, sizeof where, "%s › %s › %s %s", a->meeting.project_name,
	         a->meeting.kind == KIND_TKO ? "TKO" : "KO", e ? _(e->label) : "", pos);
	ui_header(a, where, r->owner->ops->phase);
	/* The body's last line says where the reader is in a long text. */
	int top = ui_body_top(a) + 1;
	r->height = ui_body_bottom() - top - 1;
	if (r->height < 1)
		r->height = 1;
	if (!row) {
		ui_text(top, 2, COLS - 4, _("Nothing here: the row is gone."), ui_attr(ST_DIM));
		r->lines = 0;
	} else {
		/* Scrolled past the end (the text got shorter): back to its end. */
		r->lines = reading_draw(e, row, top, 2, r->height, COLS - 4, r->scroll);
		if (r->scroll > 0 && r->scroll > r->lines - r->height) {
			r->scroll = r->lines - r->height > 0 ? r->lines - r->height : 0;
			reading_draw(e, row, top, 2, r->height, COLS - 4, r->scroll);
		}
		const char *more = r->scroll + r->height < r->lines
			? (r->scroll > 0 ? _("↑↓ more above and below") : _("↓ more below"))
			: r->scroll > 0 ? _("↑ more above") : "";
		ui_text_right(ui_body_bottom() - 1, 2, COLS - 4, more, ui_attr(ST_DIM));
	}
	ui_footer(a, s->ops);
}

static int reading_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	(void)arg;
	struct reading *r = s->data;
	int page = r->height > 2 ? r->height - 2 : 1;
	int last = r->lines - r->height > 0 ? r->lines - r->height : 0;
	switch (act) {
	case ACTION_MOVE_DOWN: case ACTION_MOVE_UP:
		/* The next row: the list's cursor moves, the view follows. */
		r->owner->ops->action(a, r->owner, act, 0);
		return SCR_HANDLED;
	case ACTION_PAGE_DOWN: case ACTION_TOGGLE:
		r->scroll = r->scroll + page < last ? r->scroll + page : last;
		return SCR_HANDLED;
	case ACTION_PAGE_UP:
		r->scroll = r->scroll > page ? r->scroll - page : 0;
		return SCR_HANDLED;
	case ACTION_MOVE_FIRST:
		r->scroll = 0;
		return SCR_HANDLED;
	case ACTION_MOVE_LAST:
		r->scroll = last;
		return SCR_HANDLED;
	case ACTION_EDIT:
		/* The edit form opens on top, then the view closes under it. */
		r->owner->ops->action(a, r->owner, ACTION_EDIT, 0);
		return SCR_POP;
	case ACTION_VIEW: case ACTION_BACK:
		return SCR_POP;
	default:
		return SCR_IGNORED;
	}
}

static void reading_leave(struct app *a, struct screen *s)
{
	(void)a;
	free(s->data);
}

const struct screen_ops screen_reading = {
	.name = N_("Reading"),
	.keys = reading_keys,
	.toggle_label = N_("page"),
	.edit_label = N_("edit"),
	.enter = NULL,
	.reload = reading_reload,
	.draw = reading_draw_screen,
	.action = reading_action,
	.leave = reading_leave,
};

void reading_open(struct app *a, struct screen *owner)
{
	struct reading *r = calloc(1, sizeof *r);
	if (!r)
		return;
	r->owner = owner;
	r->row_id = -1;
	app_push(a, &screen_reading, r);   /* frees r when it cannot */
}
