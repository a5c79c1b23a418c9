/* suggest.c - the follow-up actions the meeting's template suggests (s on
 * the Actions phase): Enter or a accepts one with an owner and a due date
 * (it becomes an action), d and a y drop it (kept as a dropped action; u
 * undoes either). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "ui.h"

struct suggest {
	struct suggestions s;
	struct list l;
	int pending;                 /* the number a drop waits a y for */
};

static const enum ko_action suggest_keys[] = {
	ACTION_EDIT, ACTION_DELETE, ACTION_UNDO, ACTION_HELP, ACTION_BACK, ACTION_REDO,
	ACTION_REDRAW, ACTION_NONE,
};

static void suggest_reload(struct app *a, struct screen *s)
{
	struct suggest *g = s->data;
	app_suggestions_free(&g->s);
	struct ko_error e = { 0 };
	if (a->meeting_id && app_suggestions(a->st, a->meeting_id, &g->s, &e) != KO_OK)
		app_msg(a, MSG_ERROR, "%s", e.msg);
	g->l.n = (int)g->s.n;
	list_fix(&g->l);
}

static bool suggest_enter(struct app *a, struct screen *s)
{
	struct suggest *g = calloc(1, sizeof *g);
	if (!g)
		return false;
	s->data = g;
	suggest_reload(a, s);
	return true;
}

static void suggest_draw(struct app *a, struct screen *s)
{
	struct suggest *g = s->data;
	char w[512];
	snprintf(w, sizeof w, "%s › %s › %s", a->meeting.project_name,
	         a->meeting.kind == KIND_TKO ? "TKO" : "KO", _("Suggested actions"));
	ui_header(a, w, 0);
	int top = ui_body_top(a);
	attr_t hd = ui_attr(ST_DIM) | A_BOLD;
	struct cell head[] = { { 1, "", 0, false }, { 3, "#", hd, true },
	                       { -1, _("Suggested action"), hd, false } };
	ui_cells(top, 0, COLS, head, 3);
	g->l.height = ui_body_bottom() - top - 2;
	list_fix(&g->l);
	for (int r = 0; r < g->l.height && g->l.top + r < g->l.n; r++) {
		int i = g->l.top + r;
		bool sel = i == g->l.cur;
		char num[16];
		snprintf(num, sizeof num, "%d", i + 1);
		struct cell c[] = { { 1, sel ? "▸" : " ", sel ? ui_attr(ST_CURSOR) : A_NORMAL, false },
		                    { 3, num, A_NORMAL, true }, { -1, g->s.text[i], A_NORMAL, false } };
		ui_cells(top + 1 + r, 0, COLS, c, 3);
	}
	if (g->l.n == 0)
		ui_text(top + 2, 2, COLS - 4, _("Every suggested action was accepted or dropped."),
		        ui_attr(ST_DIM));
	ui_text(ui_body_bottom() - 1, 2, COLS - 3,
	        _("Enter accepts with an owner · d drops (after a y) · u undoes either"), ui_attr(ST_DIM));
	ui_footer(a, s->ops);
}

static enum ko_err accept_save(struct app *a, struct form *fm)
{
	int64_t id;
	struct ko_error e = { 0 };
	enum ko_err rc = app_suggestion_accept(a->st, a->meeting_id, fm->arg, form_text(fm, 0),
	                                       form_text(fm, 1), &id, &e);
	if (rc != KO_OK)
		app_msg(a, MSG_ERROR, "%s", e.msg);
	else
		app_msg(a, MSG_OK, "%s", _("accepted: it is an action now (u undoes)"));
	return rc;
}

/* The owner field offers the meeting's attendees. */
static void accept_form(struct app *a, struct suggest *g, int i)
{
	struct form *fm = form_new(_("Accept the suggested action"), accept_save);
	if (!fm)
		return;
	fm->arg = i + 1;
	int f = form_field(fm, N_("Owner"), F_TEXT, NULL);
	form_field(fm, N_("Due"), F_DATE, NULL);
	vec_attendee people;
	if (f >= 0 && store_attendees(a->st, a->meeting_id, &people) == KO_OK) {
		const char **names = calloc(people.n + 1, sizeof *names);
		for (size_t k = 0; names && k < people.n; k++)
			names[k] = people.v[k].name;
		if (names && people.n)
			form_suggest(fm, f, names, people.n);
		free(names);
		vec_attendee_free(&people);
	}
	(void)g;
	form_open(a, fm, 0);
}

static int drop_yes(struct app *a, void *ctx)
{
	struct suggest *g = ctx;
	int64_t id;
	struct ko_error e = { 0 };
	char who[256];
	app_board_me(who, sizeof who);
	if (app_suggestion_drop(a->st, a->meeting_id, g->pending, who, &id, &e) != KO_OK) {
		app_msg(a, MSG_ERROR, "%s", e.msg);
		return SCR_HANDLED | SCR_CHANGED;
	}
	app_saved(a);
	app_msg(a, MSG_OK, "%s", _("dropped (u undoes)"));
	return SCR_HANDLED | SCR_CHANGED;
}

static int suggest_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	(void)arg;
	struct suggest *g = s->data;
	if (list_move(&g->l, act))
		return SCR_HANDLED;
	bool have = g->l.n > 0 && g->l.cur < g->l.n;
	switch (act) {
	case ACTION_EDIT: case ACTION_ADD:
		if (have)
			accept_form(a, g, g->l.cur);
		return SCR_HANDLED;
	case ACTION_DELETE: {
		if (!have)
			return SCR_HANDLED;
		g->pending = g->l.cur + 1;
		char q[512];
		snprintf(q, sizeof q, _("Drop the suggested action '%s'? (y/n)"), g->s.text[g->l.cur]);
		confirm_open(a, q, drop_yes, g);
		return SCR_HANDLED;
	}
	case ACTION_BACK:
		return SCR_POP;
	default:
		return SCR_IGNORED;
	}
}

static void suggest_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct suggest *g = s->data;
	if (!g)
		return;
	app_suggestions_free(&g->s);
	free(g);
}

const struct screen_ops screen_suggest = {
	.name = N_("Suggested actions"),
	.keys = suggest_keys,
	.edit_label = N_("accept"),
	.enter = suggest_enter,
	.reload = suggest_reload,
	.draw = suggest_draw,
	.action = suggest_action,
	.leave = suggest_leave,
};

void suggest_open(struct app *a)
{
	app_push(a, &screen_suggest, NULL);
}
