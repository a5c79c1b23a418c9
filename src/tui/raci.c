/* raci.c - the RACI matrix of the meeting (M on Outputs): people down,
 * outputs across, one key per cell.  It reads letters as keys (r, a, c,
 * i, and h/l to move), so it takes raw keys and lists them itself; the
 * keys that mean the same everywhere (undo, help, back) go through the
 * keymap as on every screen.  Each cell is stored before it is drawn. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/text.h"
#include "ui.h"

#define NAME_W 16       /* the people column */
#define CELL_W 14       /* an output's column: its name on two lines */

struct raci_screen {
	vec_output outs;
	vec_attendee att;
	vec_raci cells;
	int row, col;       /* the cursor: attendee, output */
	int left;           /* the first output column shown */
	int64_t keep_att, keep_out;   /* the cursor's cell, kept over a reload */
};

#define RACI_KEYS(X) \
	X("Left, Right, h, l",   N_("previous or next output")) \
	X("Up, Down, k, j",      N_("previous or next person")) \
	X("r, a, c, i",          N_("make the cell R, A, C or I")) \
	X("-, Space",            N_("empty the cell")) \
	X("u, Ctrl-R",           N_("undo, redo")) \
	X("q, Esc",              N_("back to the outputs"))

static const struct raw_key raci_keys[] = {
	RACI_KEYS(RAW_KEY_ROW)
	{ NULL, NULL },
};

static void raci_free_rows(struct raci_screen *r)
{
	vec_output_free(&r->outs);
	vec_attendee_free(&r->att);
	vec_raci_free(&r->cells);
}

static void raci_reload(struct app *a, struct screen *s)
{
	struct raci_screen *r = s->data;
	if (r->row < (int)r->att.n)
		r->keep_att = r->att.v[r->row].id;
	if (r->col < (int)r->outs.n)
		r->keep_out = r->outs.v[r->col].id;
	raci_free_rows(r);
	if (store_outputs(a->st, a->meeting_id, &r->outs) != KO_OK ||
	    store_attendees(a->st, a->meeting_id, &r->att) != KO_OK ||
	    store_raci(a->st, a->meeting_id, &r->cells) != KO_OK)
		app_store_error(a);
	/* The same person and output under the cursor when they are still
	 * there (another session may have added or removed rows). */
	for (size_t i = 0; i < r->att.n; i++)
		if (r->att.v[i].id == r->keep_att)
			r->row = (int)i;
	for (size_t i = 0; i < r->outs.n; i++)
		if (r->outs.v[i].id == r->keep_out)
			r->col = (int)i;
	if (r->row >= (int)r->att.n)
		r->row = r->att.n ? (int)r->att.n - 1 : 0;
	if (r->col >= (int)r->outs.n)
		r->col = r->outs.n ? (int)r->outs.n - 1 : 0;
}

static bool raci_enter(struct app *a, struct screen *s)
{
	struct raci_screen *r = calloc(1, sizeof *r);
	if (!r)
		return false;
	s->data = r;
	raci_reload(a, s);
	return true;
}

static void raci_leave(struct app *a, struct screen *s)
{
	(void)a;
	raci_free_rows(s->data);
	free(s->data);
}

static const char *cell_of(const struct raci_screen *r, size_t p, size_t o)
{
	for (size_t k = 0; k < r->cells.n; k++)
		if (r->cells.v[k].output_id == r->outs.v[o].id &&
		    r->cells.v[k].attendee_id == r->att.v[p].id)
			return raci_role_name(r->cells.v[k].role);
	return "·";
}

static void raci_draw(struct app *a, struct screen *s)
{
	struct raci_screen *r = s->data;
	char w[512];
	snprintf(w, sizeof w, "%s › %s › 6 %s › %s", a->meeting.project_name,
	         a->meeting.kind == KIND_TKO ? "TKO" : "KO", _("Outputs"), _("RACI matrix"));
	ui_header(a, w, 6);
	int top = ui_body_top(a), bottom = ui_body_bottom();
	if (!r->outs.n || !r->att.n) {
		ui_text(top + 1, 2, COLS - 4, !r->outs.n ? _("The meeting has no outputs yet.")
		                                         : _("The meeting has no attendees yet."),
		        ui_attr(ST_DIM));
		ui_footer(a, s->ops);
		return;
	}
	/* As many output columns as fit; the cursor's always among them. */
	int fit = (COLS - NAME_W - 1) / CELL_W;
	fit = fit < 1 ? 1 : fit;
	if (r->col < r->left)
		r->left = r->col;
	if (r->col >= r->left + fit)
		r->left = r->col - fit + 1;
	int shown = (int)r->outs.n - r->left < fit ? (int)r->outs.n - r->left : fit;
	/* The cursor's output in full, then each column's name on two lines. */
	char full[512];
	snprintf(full, sizeof full, "%d. %s", r->outs.v[r->col].position, r->outs.v[r->col].name);
	ui_text(top, 2, COLS - 3, full, ui_attr(ST_TITLE));
	char more[16];
	snprintf(more, sizeof more, "%s%s", r->left > 0 ? "◂" : " ",
	         r->left + shown < (int)r->outs.n ? "▸" : " ");
	ui_text(top + 1, 0, NAME_W, more, ui_attr(ST_DIM));
	for (int c = 0; c < shown; c++) {
		int o = r->left + c, x = NAME_W + c * CELL_W;
		char head[512];
		snprintf(head, sizeof head, "%d. %s", r->outs.v[o].position, r->outs.v[o].name);
		attr_t at = o == r->col ? ui_attr(ST_KEY) : A_NORMAL;
		/* A name longer than the column goes on below, from the
		 * character the first line had no room for. */
		int used;
		size_t first = text_width(head) > CELL_W - 1 ? text_fit(head, CELL_W - 1, &used)
		                                             : strlen(head);
		ui_text_from(top + 1, x, CELL_W - 1, head, first, 0, at);
		if (head[first])
			ui_text(top + 2, x, CELL_W - 1, head + first, at);
	}
	int y = top + 3;
	int rows = bottom - y - 3;
	int first = r->row >= rows && rows > 0 ? r->row - rows + 1 : 0;
	for (int p = first; p < (int)r->att.n && y < top + 3 + rows; p++, y++) {
		bool cur_row = p == r->row;
		ui_text(y, 0, 1, cur_row ? "▸" : " ", cur_row ? ui_attr(ST_CURSOR) : A_NORMAL);
		ui_text(y, 2, NAME_W - 3, r->att.v[p].name, A_NORMAL);
		for (int c = 0; c < shown; c++) {
			int o = r->left + c;
			const char *v = cell_of(r, (size_t)p, (size_t)o);
			attr_t at = cur_row && o == r->col ? ui_attr(ST_CURSOR)
			          : strcmp(v, "·") == 0 ? ui_attr(ST_DIM) : A_NORMAL;
			char box[16];
			snprintf(box, sizeof box, " %s ", v);
			ui_text(y, NAME_W + c * CELL_W + 4, 3, box, at);
		}
	}
	/* The rule under the grid: each output one A, at least one R. */
	struct raci_check bad[64];
	size_t n = raci_problems(&r->outs, &r->cells, bad, 64);
	y++;
	if (!n)
		ui_text(y, 2, COLS - 3, _("Every output has one A and at least one R."), ui_attr(ST_DONE));
	/* One line per output that breaks it, the cursor's first, as many
	 * as there is room for. */
	for (int pass = 0, shown_lines = 0; pass < 2; pass++)
		for (size_t i = 0; i < n && i < 64 && y < bottom; i++) {
			bool cursor = bad[i].position == r->outs.v[r->col].position;
			if (cursor != (pass == 0))
				continue;
			if (y == bottom - 1 && (size_t)shown_lines + 1 < n) {
				char rest[64];
				snprintf(rest, sizeof rest, _("… and %d more"), (int)n - shown_lines);
				ui_text(y++, 2, COLS - 3, rest, ui_attr(ST_WARN));
				break;
			}
			const char *name = "";
			for (size_t o = 0; o < r->outs.n; o++)
				if (r->outs.v[o].position == bad[i].position)
					name = r->outs.v[o].name;
			char one[512];
			app_raci_problem(&bad[i], name, one, sizeof one);
			ui_text(y++, 2, COLS - 3, one, ui_attr(ST_WARN));
			shown_lines++;
		}
	ui_footer(a, s->ops);
	/* The keys this screen reads itself, where the others list theirs. */
	ui_text(LINES - 2, 0, COLS, _("r a c i set · - empties · h j k l move · u undo · q back · ? keys"),
	        ui_attr(ST_DIM));
}

static int set_cell(struct app *a, struct raci_screen *r, int role)
{
	if (!r->outs.n || !r->att.n)
		return SCR_HANDLED;
	if (store_raci_set(a->st, a->meeting_id, r->outs.v[r->col].position, r->att.v[r->row].id,
	                   role) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED | SCR_CHANGED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

static int raci_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	struct raci_screen *r = s->data;
	int rows = (int)r->att.n, cols = (int)r->outs.n;
	if (is_key) {
		switch (ch) {
		case KEY_LEFT: r->col = r->col > 0 ? r->col - 1 : 0; return SCR_HANDLED;
		case KEY_RIGHT: r->col = r->col + 1 < cols ? r->col + 1 : r->col; return SCR_HANDLED;
		case KEY_RESIZE: return SCR_HANDLED;
		default: break;
		}
	} else {
		a->msg[0] = '\0';
		switch (ch) {
		case 'h': r->col = r->col > 0 ? r->col - 1 : 0; return SCR_HANDLED;
		case 'l': r->col = r->col + 1 < cols ? r->col + 1 : r->col; return SCR_HANDLED;
		case 'r': return set_cell(a, r, RACI_R);
		case 'a': return set_cell(a, r, RACI_A);
		case 'c': return set_cell(a, r, RACI_C);
		case 'i': return set_cell(a, r, RACI_I);
		case '-': case ' ': return set_cell(a, r, -1);
		case 27: return SCR_POP;
		default: break;
		}
	}
	int arg;
	switch (keymap_action(is_key, ch, &arg)) {
	case ACTION_MOVE_DOWN: r->row = r->row + 1 < rows ? r->row + 1 : r->row; return SCR_HANDLED;
	case ACTION_MOVE_UP: r->row = r->row > 0 ? r->row - 1 : 0; return SCR_HANDLED;
	case ACTION_MOVE_FIRST: r->row = 0; return SCR_HANDLED;
	case ACTION_MOVE_LAST: r->row = rows ? rows - 1 : 0; return SCR_HANDLED;
	case ACTION_UNDO: return app_undo(a);
	case ACTION_REDO: return app_redo(a);
	case ACTION_HELP: help_open(a, s->ops); return SCR_HANDLED;
	case ACTION_REDRAW: a->repaint = true; return SCR_HANDLED;
	case ACTION_BACK: return SCR_POP;
	default: return SCR_HANDLED;
	}
}

const struct screen_ops screen_raci = {
	.name = N_("RACI matrix"),
	.raw = true,
	.own_keys = raci_keys,
	.phase = 0,
	.enter = raci_enter,
	.reload = raci_reload,
	.draw = raci_draw,
	.key = raci_key,
	.leave = raci_leave,
};

void raci_open(struct app *a)
{
	if (a->meeting_id)
		app_push(a, &screen_raci, NULL);
}
