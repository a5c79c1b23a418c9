/* history.c - the change log of the open meeting, newest first: who
 * changed what and when, and which changes were undone. */
#include <stdio.h>
#include <stdlib.h>
#include "kickoff/app.h"
#include "kickoff/datetime.h"
#include "ui.h"

#define HISTORY_ROWS 500

struct history {
	vec_change log;
	struct list l;
};

static const enum ko_action history_keys[] = {
	ACTION_UNDO, ACTION_REDO, ACTION_HELP, ACTION_BACK, ACTION_REDRAW, ACTION_NONE,
};

static void history_reload(struct app *a, struct screen *s)
{
	struct history *h = s->data;
	vec_change_free(&h->log);
	if (store_log(a->st, a->meeting_id, 0, HISTORY_ROWS, &h->log) != KO_OK)
		app_store_error(a);
	h->l.n = (int)h->log.n;
	list_fix(&h->l);
}

static bool history_enter(struct app *a, struct screen *s)
{
	s->data = calloc(1, sizeof(struct history));
	if (!s->data)
		return false;
	history_reload(a, s);
	return true;
}

static void history_draw(struct app *a, struct screen *s)
{
	struct history *h = s->data;
	char where[256];
	snprintf(where, sizeof where, "%s › %s › %s", a->meeting.project_name,
	         a->meeting.kind == KIND_TKO ? "TKO" : "KO", _("History"));
	ui_header(a, where, 0);
	int top = ui_body_top(a);
	attr_t hd = ui_attr(ST_DIM) | A_BOLD;
	struct cell head[] = {
		{ 1, "", 0, false }, { 16, _("When"), hd, false }, { 14, _("Who"), hd, false },
		{ -1, _("Change"), hd, false },
	};
	ui_cells(top, 0, COLS, head, 4);
	h->l.height = ui_body_bottom() - top - 1;
	list_fix(&h->l);
	for (int r = 0; r < h->l.height && h->l.top + r < h->l.n; r++) {
		int i = h->l.top + r;
		const struct change_info *c = &h->log.v[i];
		char when[17], text[600], what[700];
		stamp_to_local(c->at, when);
		app_change_text(c, text, sizeof text);
		snprintf(what, sizeof what, "%s%s", text,
		         c->undone ? _(" (undone)") : c->skipped ? _(" (skipped)") : "");
		bool sel = i == h->l.cur;
		struct cell row[] = {
			{ 1, sel ? "▸" : " ", sel ? ui_attr(ST_CURSOR) : A_NORMAL, false },
			{ 16, when, A_NORMAL, false }, { 14, c->who, A_NORMAL, false },
			{ -1, what, c->undone || c->skipped ? ui_attr(ST_DIM) : A_NORMAL, false },
		};
		ui_cells(top + 1 + r, 0, COLS, row, 4);
	}
	if (h->l.n == 0)
		ui_text(top + 2, 2, COLS - 4, _("No changes recorded yet."), ui_attr(ST_DIM));
	list_marks(&h->l, ui_body_bottom());
	ui_footer(a, s->ops);
}

static int history_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	(void)a;
	(void)arg;
	struct history *h = s->data;
	if (list_move(&h->l, act))
		return SCR_HANDLED;
	if (act == ACTION_BACK)
		return SCR_POP;
	return SCR_IGNORED;
}

static void history_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct history *h = s->data;
	vec_change_free(&h->log);
	free(h);
}

const struct screen_ops screen_history = {
	.name = N_("History"),
	.keys = history_keys,
	.enter = history_enter,
	.reload = history_reload,
	.draw = history_draw,
	.action = history_action,
	.leave = history_leave,
};

void history_open(struct app *a)
{
	app_push(a, &screen_history, NULL);
}
