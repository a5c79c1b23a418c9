/* board.c - the follow-up board: the open actions of every meeting of
 * every project on one screen, overdue first (app_board), drawn with the
 * phases' columns; Space ticks one done, o and w change its owner and
 * due date in place, m shows only the user's own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "entity_form.h"

struct board {
	struct plist p;              /* v.act, over the whole board */
	bool mine;
	int group;                   /* 0 none, 1 by owner, 2 by project */
	char me[256];
	int64_t pending_id;          /* the row a question is about */
};

static const enum ko_action board_keys[] = {
	ACTION_TOGGLE, ACTION_MINE, ACTION_SET_OWNER, ACTION_SET_DUE, ACTION_EDIT, ACTION_FILTER,
	ACTION_UNDO, ACTION_HELP, ACTION_BACK, ACTION_GROUP, ACTION_REDO, ACTION_REDRAW, ACTION_NONE,
};

/* The rows' size is all the shared column drawing needs of a phase. */
static const struct phase_def board_def = {
	.entity = &entity_action, .row_size = sizeof(struct action),
};

static attr_t board_style(struct app *a, const void *row, const struct column *c)
{
	const struct action *ac = row;
	attr_t late = action_is_overdue(ac, a->today) ? ui_attr(ST_OVERDUE) : 0;
	if (strcmp(c->field, "meeting") == 0)
		return late ? late : ui_attr(ST_DIM);
	if (strcmp(c->field, "status") != 0)
		return late;
	return ac->status == ASTATUS_DONE ? ui_attr(ST_DONE)
	     : ac->status == ASTATUS_DROPPED ? ui_attr(ST_DIM) : late;
}

static const char *board_text(struct app *a, const void *row, const struct column *c)
{
	/* One meeting cell per row, drawn before the next row is made. */
	static char meeting[300];
	const struct action *ac = row;
	bool late = action_is_overdue(ac, a->today);
	if (strcmp(c->field, "overdue") == 0)
		return late ? "!" : " ";
	if (strcmp(c->field, "status") == 0 && late)
		return _("overdue");
	if (strcmp(c->field, "due") == 0 && !*ac->due)
		return "—";
	if (strcmp(c->field, "meeting") == 0) {
		snprintf(meeting, sizeof meeting, "%s · %s", ac->project_name,
		         ac->kind == KIND_TKO ? "TKO" : "KO");
		return meeting;
	}
	return NULL;
}

static const struct column board_col[] = {
	{ NULL, NULL, 1, 0, NULL }, { "overdue", "", 1, 0, NULL }, { "due", N_("Due"), 10, 0, NULL },
	{ "text", NULL, -4, 0, NULL }, { "owner", NULL, -2, 0, NULL },
	{ "meeting", N_("Meeting"), -2, 0, NULL }, { "status", NULL, 8, 0, NULL },
};
static const struct columns board_cols = {
	&entity_action, board_col, sizeof board_col / sizeof board_col[0], board_style, board_text,
};

static bool row_matches(const struct action *ac, const char *filter)
{
	const char *status = action_status_name(ac->status);
	return text_matches(ac->text, filter) || text_matches(ac->owner, filter) ||
	       text_matches(ac->project_name, filter) || text_matches(status, filter) ||
	       text_matches(_(status), filter);
}

static void board_filter_rows(struct plist *p)
{
	free(p->vis);
	p->vis = calloc((size_t)p->n + 1, sizeof *p->vis);
	int k = 0;
	for (int i = 0; p->vis && i < p->n; i++)
		if (row_matches(&p->v.act.v[i], p->filter))
			p->vis[k++] = i;
	p->l.n = k;
}

static const struct action *cur_action(struct board *b)
{
	struct plist *p = &b->p;
	return p->l.n > 0 && p->l.cur < p->l.n ? &p->v.act.v[p->vis[p->l.cur]] : NULL;
}

static void board_reload(struct app *a, struct screen *s)
{
	struct board *b = s->data;
	struct plist *p = &b->p;
	const struct action *cur = cur_action(b);
	int64_t keep = p->keep_id ? p->keep_id : cur ? cur->id : 0;
	/* The row after the one that leaves the board (ticked done) keeps
	 * the cursor where it was. */
	int at = p->l.cur;
	p->keep_id = 0;
	vec_action_free(&p->v.act);
	p->n = 0;
	static const char *const groups[] = { NULL, "owner", "project" };
	struct board_filter f = { .status = "open", .owner = b->mine ? b->me : NULL,
	                          .group = groups[b->group] };
	if (app_board(a->st, &f, a->today, &p->v.act) != KO_OK)
		app_store_error(a);
	p->n = (int)p->v.act.n;
	board_filter_rows(p);
	p->l.cur = at;
	for (int i = 0; keep && i < p->l.n; i++)
		if (p->v.act.v[p->vis[i]].id == keep)
			p->l.cur = i;
	list_fix(&p->l);
}

static bool board_enter(struct app *a, struct screen *s)
{
	struct board *b = calloc(1, sizeof *b);
	if (!b)
		return false;
	b->p.def = &board_def;
	app_board_me(b->me, sizeof b->me);
	s->data = b;
	board_reload(a, s);
	return true;
}

static void board_draw(struct app *a, struct screen *s)
{
	struct board *b = s->data;
	struct plist *p = &b->p;
	char w[512];
	int n = snprintf(w, sizeof w, "%s", _("Follow-up board"));
	if (b->mine && n >= 0 && (size_t)n < sizeof w)
		n += snprintf(w + n, sizeof w - (size_t)n, "  [%s: %s]", _("mine"), b->me);
	if (b->group && n >= 0 && (size_t)n < sizeof w)
		n += snprintf(w + n, sizeof w - (size_t)n, "  [%s]",
		              b->group == 1 ? _("by owner") : _("by project"));
	if (p->filter && n >= 0 && (size_t)n < sizeof w)
		snprintf(w + n, sizeof w - (size_t)n, "  [/%s]", p->filter);
	ui_header(a, w, 0);
	int top = ui_body_top(a);
	columns_head(&board_cols, top);
	p->l.height = ui_body_bottom() - top - 2;
	list_fix(&p->l);
	for (int r = 0; r < p->l.height && p->l.top + r < p->l.n; r++) {
		int i = p->l.top + r;
		columns_row(a, &board_cols, p, p->vis[i], top + 1 + r, i == p->l.cur);
	}
	if (p->l.n == 0)
		ui_text(top + 2, 2, COLS - 4, p->filter ? _("Nothing matches the filter.")
		        : b->mine ? _("No open actions of yours. Press m to see everyone's.")
		                  : _("No open actions in any project."),
		        ui_attr(ST_DIM));
	int overdue = 0;
	for (int i = 0; i < p->l.n; i++)
		overdue += action_is_overdue(&p->v.act.v[p->vis[i]], a->today);
	char sum[256];
	snprintf(sum, sizeof sum, ngettext("%d open action · %d overdue · Space marks done",
	                                   "%d open actions · %d overdue · Space marks done", p->l.n),
	         p->l.n, overdue);
	ui_text(ui_body_bottom() - 1, 2, COLS - 3, sum, ui_attr(ST_DIM));
	ui_footer(a, s->ops);
}

static int written(struct app *a, enum ko_err rc)
{
	if (rc == KO_NOTFOUND) {
		app_msg(a, MSG_WARN, "%s", _("this action was deleted by another session"));
		return SCR_HANDLED | SCR_CHANGED;
	}
	if (rc != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED | SCR_CHANGED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

/* Only the one field: another session's edit of the rest stays. */
static int patch_one(struct app *a, struct board *b, int field, const char *text)
{
	struct store_patch patch = { 0 };
	store_patch_set(&patch, field, text);
	b->p.keep_id = b->pending_id;
	return written(a, store_patch(a->st, STORE_ACTION, b->pending_id, &patch));
}

static int owner_typed(struct app *a, void *ctx, const char *text)
{
	return patch_one(a, ctx, FIELD_ACTION_OWNER, text);
}

static int due_typed(struct app *a, void *ctx, const char *text)
{
	return patch_one(a, ctx, FIELD_ACTION_DUE, text);
}

static void filter_changed(struct app *a, struct screen *s)
{
	(void)a;
	struct board *b = s->data;
	board_filter_rows(&b->p);
	b->p.l.cur = b->p.l.top = 0;
	list_fix(&b->p.l);
}

static int board_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	(void)arg;
	struct board *b = s->data;
	if (list_move(&b->p.l, act))
		return SCR_HANDLED;
	const struct action *cur = cur_action(b);
	switch (act) {
	case ACTION_TOGGLE: {
		if (!cur)
			return SCR_HANDLED;
		char text[160];
		snprintf(text, sizeof text, "%s", cur->text);
		int r = written(a, store_action_set_status(a->st, cur->id, ASTATUS_DONE));
		if (a->msg_kind != MSG_ERROR && a->msg_kind != MSG_WARN)
			app_msg(a, MSG_OK, _("done: %s (u undoes)"), text);
		return r;
	}
	case ACTION_SET_OWNER:
		if (cur) {
			b->pending_id = cur->id;
			ask_open(a, _("Owner:"), cur->owner, owner_typed, b);
		}
		return SCR_HANDLED;
	case ACTION_SET_DUE:
		if (cur) {
			b->pending_id = cur->id;
			ask_open(a, _("Due date (YYYY-MM-DD, empty for none):"), cur->due, due_typed, b);
		}
		return SCR_HANDLED;
	case ACTION_MINE:
		b->mine = !b->mine;
		board_reload(a, s);
		if (b->mine)
			app_msg(a, MSG_INFO, _("only the actions of %s; m shows everyone's"), b->me);
		else
			app_msg(a, MSG_INFO, "%s", _("everyone's actions"));
		return SCR_HANDLED;
	case ACTION_GROUP:
		b->group = (b->group + 1) % 3;
		board_reload(a, s);
		return SCR_HANDLED;
	case ACTION_EDIT:
		/* The action in its meeting, where the rest of it is edited. */
		if (cur && app_load_meeting(a, cur->meeting_id))
			app_open_phase(a, PHASE_COUNT, false);
		return SCR_HANDLED;
	case ACTION_FILTER:
		filter_open(a, s, &b->p.filter, filter_changed);
		return SCR_HANDLED;
	case ACTION_BACK:
		return SCR_POP;
	default:
		return SCR_IGNORED;
	}
}

static void board_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct board *b = s->data;
	if (!b)
		return;
	vec_action_free(&b->p.v.act);
	free(b->p.vis);
	free(b->p.filter);
	free(b);
}

const struct screen_ops screen_board = {
	.name = N_("Follow-up board"),
	.keys = board_keys,
	.toggle_label = N_("done"),
	.edit_label = N_("open its meeting"),
	.enter = board_enter,
	.reload = board_reload,
	.draw = board_draw,
	.action = board_action,
	.leave = board_leave,
};

void board_open(struct app *a)
{
	app_push(a, &screen_board, NULL);
}
