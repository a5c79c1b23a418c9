/* projects.c - the top screen, a portfolio: every project with the state
 * of its KO and TKO (not planned, planned for a day, held), their agenda
 * progress and its open and overdue actions.  Only the rows in view
 * are read (offset/limit), so a million projects scroll as fast as ten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"
#include "ui.h"

struct projects {
	vec_project page;            /* rows list.top .. list.top + page.n */
	int page_top;
	struct list l;
	char *filter;
	int64_t keep_id;             /* the row to keep the cursor on */
	int64_t pending_id;          /* waiting for the delete confirmation */
	char pending_name[256];
};

static const enum ko_action project_keys[] = {
	ACTION_EDIT, ACTION_ADD, ACTION_DELETE, ACTION_FILTER, ACTION_UNDO, ACTION_REDO,
	ACTION_HELP, ACTION_BACK, ACTION_REDRAW, ACTION_BOARD, ACTION_NONE,
};

static const struct project *cur_project(struct projects *p)
{
	int i = p->l.cur - p->page_top;
	return i >= 0 && i < (int)p->page.n ? &p->page.v[i] : NULL;
}

static void fetch_page(struct app *a, struct projects *p)
{
	vec_project_free(&p->page);
	p->page_top = p->l.top;
	if (store_project_list(a->st, p->filter, p->l.top, p->l.height, &p->page) != KO_OK)
		app_store_error(a);
}

static void projects_reload(struct app *a, struct screen *s)
{
	struct projects *p = s->data;
	const struct project *cur = cur_project(p);
	int64_t keep = p->keep_id ? p->keep_id : cur ? cur->id : 0;
	p->keep_id = 0;
	int n = 0;
	if (store_project_count(a->st, p->filter, &n) != KO_OK)
		app_store_error(a);
	p->l.n = n;
	p->l.height = ui_body_bottom() - ui_body_top(a);
	list_fix(&p->l);
	fetch_page(a, p);
	for (size_t i = 0; keep && i < p->page.n; i++)
		if (p->page.v[i].id == keep)
			p->l.cur = p->page_top + (int)i;
	/* A row added out of view: its place by name, from the index
	 * (reading pages of the list would fetch every row's progress). */
	int pos;
	if (keep && (!cur_project(p) || cur_project(p)->id != keep) &&
	    store_project_position(a->st, p->filter, keep, &pos) == KO_OK && pos < n) {
		p->l.cur = pos;
		list_fix(&p->l);
		fetch_page(a, p);
	}
}

static bool projects_enter(struct app *a, struct screen *s)
{
	s->data = calloc(1, sizeof(struct projects));
	if (!s->data)
		return false;
	projects_reload(a, s);
	return true;
}

/* A meeting's state and agenda progress in a cell: "—" not planned,
 * "12-01 3/8" planned for that day ("planned 3/8" undated), "held 8/8". */
static void progress_text(int items, int checked, int status, const char *at, char *buf,
                          size_t n)
{
	if (items < 0 || status < 0)
		snprintf(buf, n, "—");
	else if (status == MSTATUS_PLANNED && strlen(at) >= 10)
		snprintf(buf, n, "%.5s %d/%d", at + 5, checked, items);
	else
		snprintf(buf, n, "%s %d/%d", _(meeting_status_name(status)), checked, items);
}

static void projects_draw(struct app *a, struct screen *s)
{
	struct projects *p = s->data;
	char where[128];
	if (p->filter)
		snprintf(where, sizeof where, "%s  [/%s]", _("Projects"), p->filter);
	else
		snprintf(where, sizeof where, "%s", _("Projects"));
	ui_header(a, where, 0);
	int y = ui_body_top(a) - 1;
	/* List height follows the terminal. */
	int height = ui_body_bottom() - ui_body_top(a);
	if (height != p->l.height) {
		p->l.height = height;
		list_fix(&p->l);
		fetch_page(a, p);
	}
	attr_t hd = ui_attr(ST_DIM) | A_BOLD;
	/* The count columns are as wide as their headings in this language
	 * ("待处理" is six columns where "Open" is four). */
	int wo = text_width(_("Open")), wd = text_width(_("Overdue"));
	wo = wo < 5 ? 5 : wo;
	wd = wd < 7 ? 7 : wd;
	struct cell head[] = {
		{ 1, "", 0, false }, { -3, _("Project"), hd, false }, { -2, _("Customer"), hd, false },
		{ 13, _("KO"), hd, true }, { 13, _("TKO"), hd, true }, { wo, _("Open"), hd, true },
		{ wd, _("Overdue"), hd, true },
	};
	ui_cells(y, 0, COLS, head, 7);
	if (p->l.n == 0) {
		ui_text(y + 2, 2, COLS - 4,
		        p->filter ? _("No project matches the filter. Press / to change it.")
		                  : _("No projects yet. Press a to add the first one."),
		        A_NORMAL);
	}
	for (int r = 0; r < p->l.height && p->page_top + r < p->l.n; r++) {
		if (r >= (int)p->page.n)
			break;
		const struct project *pr = &p->page.v[r];
		bool sel = p->page_top + r == p->l.cur;
		char ko[32], tko[32], open[16], overdue[16];
		progress_text(pr->ko_items, pr->ko_checked, pr->ko_status, pr->ko_at, ko, sizeof ko);
		progress_text(pr->tko_items, pr->tko_checked, pr->tko_status, pr->tko_at, tko,
		              sizeof tko);
		snprintf(open, sizeof open, "%d", pr->actions_open);
		snprintf(overdue, sizeof overdue, "%d", pr->actions_overdue);
		struct cell c[] = {
			{ 1, sel ? "▸" : " ", sel ? ui_attr(ST_CURSOR) : A_NORMAL, false },
			{ -3, pr->name, A_NORMAL, false },
			{ -2, pr->customer, A_NORMAL, false },
			{ 13, ko, A_NORMAL, true }, { 13, tko, A_NORMAL, true },
			{ wo, open, A_NORMAL, true },
			{ wd, overdue, pr->actions_overdue ? ui_attr(ST_OVERDUE) : A_NORMAL, true },
		};
		ui_cells(y + 1 + r, 0, COLS, c, 7);
	}
	list_marks(&p->l, ui_body_bottom());
	ui_footer(a, s->ops);
}

static enum ko_err save_project(struct app *a, struct form *fm)
{
	struct projects *p = fm->owner;
	if (!fm->id) {
		int64_t id;
		enum ko_err rc = store_project_add(a->st, form_text(fm, 0), form_text(fm, 1),
		                                   form_text(fm, 2), i18n_user_lang(), NULL, &id);
		if (rc == KO_OK)
			p->keep_id = id;
		return rc;
	}
	struct store_patch patch;
	form_patch(fm, &patch);
	p->keep_id = fm->id;
	return form_save_patch(a, STORE_PROJECT, fm->id, &patch);
}

static enum ko_err reread_project(struct app *a, struct form *fm, struct form_theirs *th)
{
	struct project pr;
	enum ko_err rc = store_project_get(a->st, fm->id, &pr);
	if (rc != KO_OK)
		return rc;
	th->text[0] = strdup(pr.name ? pr.name : "");
	th->text[1] = strdup(pr.customer ? pr.customer : "");
	th->text[2] = strdup(pr.code ? pr.code : "");
	th->version = pr.version;
	project_free(&pr);
	return KO_OK;
}

static void project_form(struct app *a, struct projects *p, const struct project *pr)
{
	struct form *fm = form_new(pr ? _("Edit project") : _("New project"), save_project);
	if (!fm)
		return;
	fm->owner = p;
	form_field(fm, NC_("thing", "Name"), F_TEXT, pr ? pr->name : NULL);
	form_field(fm, N_("Customer"), F_TEXT, pr ? pr->customer : NULL);
	form_field(fm, N_("Code"), F_TEXT, pr ? pr->code : NULL);
	if (pr) {
		fm->id = fm->row_id = pr->id;
		fm->version = pr->version;
		fm->table = "project";
		fm->reread = reread_project;
	}
	form_open(a, fm, 0);
}

static int delete_yes(struct app *a, void *ctx)
{
	struct projects *p = ctx;
	if (store_project_delete(a->st, p->pending_id) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	app_msg(a, MSG_OK, _("deleted project '%s' (u undoes)"), p->pending_name);
	return SCR_HANDLED | SCR_CHANGED;
}

static void filter_changed(struct app *a, struct screen *s)
{
	struct projects *p = s->data;
	p->l.cur = p->l.top = 0;
	projects_reload(a, s);
}

static int projects_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	struct projects *p = s->data;
	const struct project *cur = cur_project(p);
	if (list_move(&p->l, act)) {
		if (p->l.top != p->page_top)
			fetch_page(a, p);
		return SCR_HANDLED;
	}
	switch (act) {
	case ACTION_BACK:
		return SCR_QUIT;
	case ACTION_ADD:
		project_form(a, p, NULL);
		return SCR_HANDLED;
	case ACTION_EDIT:
		/* Enter opens the project, e edits its name and customer. */
		if (cur && arg == 1)
			project_form(a, p, cur);
		else if (cur)
			overview_open(a, cur->id);
		return SCR_HANDLED;
	case ACTION_DELETE:
		if (!cur)
			return SCR_HANDLED;
		p->pending_id = cur->id;
		snprintf(p->pending_name, sizeof p->pending_name, "%s", cur->name);
		{
			char q[512];
			snprintf(q, sizeof q, _("Delete project '%s' with its meetings? (y/n)"), cur->name);
			confirm_open(a, q, delete_yes, p);
		}
		return SCR_HANDLED;
	case ACTION_FILTER:
		filter_open(a, s, &p->filter, filter_changed);
		return SCR_HANDLED;
	case ACTION_BOARD:
		board_open(a);
		return SCR_HANDLED;
	default:
		return SCR_IGNORED;
	}
}

static void projects_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct projects *p = s->data;
	vec_project_free(&p->page);
	free(p->filter);
	free(p);
}

const struct screen_ops screen_projects = {
	.name = N_("Projects"),
	.keys = project_keys,
	.edit_label = NC_("key", "open"),
	.e_label = N_("edit"),
	.back_label = N_("quit"),
	.enter = projects_enter,
	.reload = projects_reload,
	.draw = projects_draw,
	.action = projects_action,
	.leave = projects_leave,
};
