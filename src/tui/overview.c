/* overview.c - one project: its KO and TKO side by side, each with date,
 * host, status and the progress of every phase.  Enter opens a meeting's
 * phases; a creates the one that is missing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/model.h"
#include "ui.h"

struct overview {
	int64_t project_id;
	struct project project;
	bool have_project;
	struct meeting m[2];         /* [KIND_KO], [KIND_TKO] */
	bool have[2];
	struct progress pr[2];
	int ko_status;
	int sel;                     /* 0: KO, 1: TKO */
	int pending_kind;
	int64_t *invite;             /* the KO attendees the new TKO invites */
	size_t n_invite;
};

static const enum ko_action overview_keys[] = {
	ACTION_EDIT, ACTION_PHASE_JUMP, ACTION_ADD, ACTION_DELETE, ACTION_PHASE_NEXT,
	ACTION_UNDO, ACTION_REDO, ACTION_EXPORT, ACTION_HELP, ACTION_BACK, ACTION_REDRAW,
	ACTION_PHASE_PREV, ACTION_BOARD, ACTION_NONE,
};

static void overview_clear(struct overview *o)
{
	if (o->have_project)
		project_free(&o->project);
	for (int k = 0; k < 2; k++)
		if (o->have[k])
			meeting_free(&o->m[k]);
	o->have_project = o->have[0] = o->have[1] = false;
}

static void overview_reload(struct app *a, struct screen *s)
{
	struct overview *o = s->data;
	overview_clear(o);
	if (store_project_get(a->st, o->project_id, &o->project) != KO_OK) {
		app_store_error(a);
		return;
	}
	o->have_project = true;
	vec_meeting ms = { 0 };
	if (store_meetings_of(a->st, o->project_id, &ms) != KO_OK) {
		app_store_error(a);
		return;
	}
	for (size_t i = 0; i < ms.n; i++) {
		int k = ms.v[i].kind == KIND_TKO;
		o->m[k] = ms.v[i];
		o->have[k] = true;
		memset(&ms.v[i], 0, sizeof ms.v[i]);
		if (store_meeting_progress(a->st, o->m[k].id, &o->pr[k]) != KO_OK)
			memset(&o->pr[k], 0, sizeof o->pr[k]);
	}
	ms.n = 0;
	vec_meeting_free(&ms);
	if (store_ko_status(a->st, o->project_id, &o->ko_status) != KO_OK)
		o->ko_status = -1;
}

static bool overview_enter(struct app *a, struct screen *s)
{
	overview_reload(a, s);
	struct overview *o = s->data;
	return o->have_project;
}

static const char *status_word(enum meeting_status st)
{
	switch (st) {
	case MSTATUS_HELD: return _("held");
	case MSTATUS_CLOSED: return _("closed");
	default: return _("planned");
	}
}

/* compact: for a short terminal (60x15), no blank rows, the date and
 * status on one row and the host (or the TKO's warning) on the next, so
 * that all seven phases still show. */
static void draw_meeting(struct overview *o, int k, int y, int x, int w, bool compact)
{
	bool sel = o->sel == k;
	char title[160];
	snprintf(title, sizeof title, "%s %s", sel ? "▸" : " ",
	         k ? _("TKO · Technical Kick-off") : _("KO · Kick-off"));
	ui_text(y, x, w, title, sel ? ui_attr(ST_TAB_CUR) : A_BOLD);
	y += compact ? 1 : 2;
	bool warn = k && tko_needs_warning(o->ko_status);
	if (!o->have[k]) {
		ui_text(y, x + 2, w - 2, k ? _("No TKO yet.") : _("No KO yet."), A_NORMAL);
		ui_text(y + 1, x + 2, w - 2, _("Press a to create it."), ui_attr(ST_KEY));
		if (warn) {
			ui_text(y + 3 - compact, x + 2, w - 2, _("⚠ Hold the KO first:"), ui_attr(ST_WARN));
			ui_text(y + 4 - compact, x + 2, w - 2, _("the TKO builds on it."), ui_attr(ST_WARN));
		}
		return;
	}
	const struct meeting *m = &o->m[k];
	const char *date = *m->starts_at ? m->starts_at : "—", *host = *m->host ? m->host : "—";
	if (compact) {
		char line[128];
		snprintf(line, sizeof line, "%s · %s", date, status_word(m->status));
		ui_text(y, x + 2, w - 2, line, A_NORMAL);
		/* The warning matters more than the host, which Prepare shows. */
		if (warn) {
			ui_text(y + 1, x + 2, w - 2, _("⚠ the KO is not held yet"), ui_attr(ST_WARN));
		} else {
			ui_text(y + 1, x + 2, 8, _("Host"), ui_attr(ST_DIM));
			ui_text(y + 1, x + 10, w - 10, host, A_NORMAL);
		}
		y += 2;
	} else {
		struct { const char *label, *value; } rows[] = {
			{ _("Date"), date },
			{ _("Host"), host },
			{ _("Status"), status_word(m->status) },
		};
		for (int i = 0; i < 3; i++) {
			ui_text(y + i, x + 2, 8, rows[i].label, ui_attr(ST_DIM));
			ui_text(y + i, x + 10, w - 10, rows[i].value, A_NORMAL);
		}
		y += 4;
	}
	int last = compact ? ui_body_bottom() : ui_body_bottom() - 1;
	for (int p = 1; p <= PHASE_COUNT && y <= last; p++, y++) {
		if (y == last && p < PHASE_COUNT) {
			/* Shorter still than 15 lines: say that phases are left out. */
			ui_text(y, x + 2, w - 2, _("↓ more below: a taller window shows them"),
			        ui_attr(ST_DIM));
			break;
		}
		char label[64], words[96];
		snprintf(label, sizeof label, "%d %s", p, _(phases[p].screen.name));
		bool overdue = phases[p].progress(m, &o->pr[k], true, words, sizeof words);
		ui_text(y, x + 2, 13, label, ui_attr(ST_KEY));
		ui_text(y, x + 15, w - 15, words, overdue ? ui_attr(ST_OVERDUE) : A_NORMAL);
	}
	if (!compact && warn && y + 1 < ui_body_bottom())
		ui_text(y + 1, x + 2, w - 2, _("⚠ the KO is not held yet"), ui_attr(ST_WARN));
}

static void overview_draw(struct app *a, struct screen *s)
{
	struct overview *o = s->data;
	ui_header(a, o->have_project ? o->project.name : "", 0);
	if (!o->have_project) {
		ui_footer(a, s->ops);
		return;
	}
	int y = ui_body_top(a);
	char line[512];
	snprintf(line, sizeof line, "%s: %s   %s: %s", _("Customer"),
	         *o->project.customer ? o->project.customer : "—", _("Code"),
	         *o->project.code ? o->project.code : "—");
	ui_text(y, 1, COLS - 2, line, A_NORMAL);
	int w = (COLS - 3) / 2;
	/* The full layout takes 17 rows under the header: the customer, a
	 * blank, the title, a blank, three facts, a blank, seven phases, a
	 * blank and the TKO's warning. */
	bool compact = y + 16 >= ui_body_bottom();
	draw_meeting(o, 0, y + 2 - compact, 1, w, compact);
	draw_meeting(o, 1, y + 2 - compact, 2 + w, COLS - 3 - w, compact);
	ui_footer(a, s->ops);
}

static enum ko_err save_meeting(struct app *a, struct form *fm)
{
	struct overview *o = fm->owner;
	int64_t id;
	bool warn = false;
	bool tko = fm->arg == KIND_TKO;
	enum ko_err rc = store_meeting_add_invited(a->st, o->project_id, (enum meeting_kind)fm->arg,
	                                           form_text(fm, 0), form_text(fm, 1),
	                                           tko ? o->invite : NULL, tko ? o->n_invite : 0,
	                                           &id, &warn);
	if (rc != KO_OK)
		return rc;
	fm->id = id;
	if (app_load_meeting(a, id)) {
		/* Open it straight away: the form closes over the new screen. */
		app_saved(a);
		app_open_phase(a, 1, false);
	}
	if (warn)
		app_msg(a, MSG_WARN, "%s",
		        _("TKO created; this project's KO is not held yet."));
	return KO_OK;
}

static void meeting_form(struct app *a, struct overview *o, int kind);

static void invited(struct app *a, void *ctx, const int64_t *ids, size_t n)
{
	struct overview *o = ctx;
	free(o->invite);
	o->invite = calloc(n + 1, sizeof *o->invite);
	o->n_invite = o->invite ? n : 0;
	if (o->invite && n)
		memcpy(o->invite, ids, n * sizeof *ids);
	meeting_form(a, o, KIND_TKO);
}

/* A new TKO offers the KO's people first (the technical ones ticked). */
static void new_meeting(struct app *a, struct overview *o, int kind)
{
	free(o->invite);
	o->invite = NULL;
	o->n_invite = 0;
	if (kind == KIND_TKO && o->have[KIND_KO] && invite_open(a, o->m[KIND_KO].id, invited, o))
		return;
	meeting_form(a, o, kind);
}

static void meeting_form(struct app *a, struct overview *o, int kind)
{
	struct form *fm = form_new(kind ? _("New TKO") : _("New KO"), save_meeting);
	if (!fm)
		return;
	fm->owner = o;
	fm->arg = kind;
	form_field(fm, N_("Date and time"), F_DATETIME, NULL);
	form_field(fm, N_("Host"), F_TEXT, NULL);
	form_open(a, fm, 0);
}

static int delete_yes(struct app *a, void *ctx)
{
	struct overview *o = ctx;
	int k = o->pending_kind;
	if (!o->have[k])
		return SCR_HANDLED;
	if (store_meeting_delete(a->st, o->m[k].id) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	app_msg(a, MSG_OK, "%s", k ? _("TKO deleted (u undoes)") : _("KO deleted (u undoes)"));
	return SCR_HANDLED | SCR_CHANGED;
}

static void open_meeting(struct app *a, struct overview *o, int phase)
{
	if (!o->have[o->sel]) {
		new_meeting(a, o, o->sel);
		return;
	}
	if (app_load_meeting(a, o->m[o->sel].id))
		app_open_phase(a, phase, false);
}

static int overview_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	struct overview *o = s->data;
	switch (act) {
	case ACTION_MOVE_DOWN: case ACTION_MOVE_LAST: case ACTION_PAGE_DOWN:
		o->sel = 1;
		return SCR_HANDLED;
	case ACTION_MOVE_UP: case ACTION_MOVE_FIRST: case ACTION_PAGE_UP:
		o->sel = 0;
		return SCR_HANDLED;
	case ACTION_PHASE_NEXT: case ACTION_PHASE_PREV:
		o->sel = !o->sel;
		return SCR_HANDLED;
	case ACTION_EDIT:
		open_meeting(a, o, 1);
		return SCR_HANDLED;
	case ACTION_PHASE_JUMP:
		open_meeting(a, o, arg);
		return SCR_HANDLED;
	case ACTION_ADD:
		if (o->have[o->sel])
			app_msg(a, MSG_INFO, "%s", o->sel ? _("This project has its TKO; Enter opens it.")
			                                  : _("This project has its KO; Enter opens it."));
		else
			new_meeting(a, o, o->sel);
		return SCR_HANDLED;
	case ACTION_DELETE:
		if (!o->have[o->sel])
			return SCR_HANDLED;
		o->pending_kind = o->sel;
		confirm_open(a, o->sel ? _("Delete the TKO and everything recorded in it? (y/n)")
		                       : _("Delete the KO and everything recorded in it? (y/n)"),
		             delete_yes, o);
		return SCR_HANDLED;
	case ACTION_EXPORT:
		export_open(a, o->have[o->sel] ? o->m[o->sel].id : 0);
		return SCR_HANDLED;
	case ACTION_BOARD:
		board_open(a);
		return SCR_HANDLED;
	case ACTION_BACK:
		return SCR_POP;
	default:
		return SCR_IGNORED;
	}
}

static void overview_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct overview *o = s->data;
	overview_clear(o);
	free(o->invite);
	free(o);
}

const struct screen_ops screen_overview = {
	.name = N_("Project"),
	.keys = overview_keys,
	.edit_label = NC_("key", "open"),
	.tab_label = N_("KO/TKO"),
	.enter = overview_enter,
	.reload = overview_reload,
	.draw = overview_draw,
	.action = overview_action,
	.leave = overview_leave,
};

void overview_open(struct app *a, int64_t project_id)
{
	struct overview *o = calloc(1, sizeof *o);
	if (!o)
		return;
	o->project_id = project_id;
	app_push(a, &screen_overview, o);
}
