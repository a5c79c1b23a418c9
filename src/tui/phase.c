/* phase.c - the phase screens of a meeting, the same code for KO and
 * TKO: Prepare (the meeting's own fields) and the lists that differ only
 * in their phase_def; the table `phases` at the end holds each phase's
 * facts.  Tab, Shift-Tab and the phase numbers move between them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/trace.h"
#include "phase.h"

void phase_progress(const struct app *a, int p, char *buf, size_t n)
{
	buf[0] = '\0';
	if (a->meeting_id && p >= 1 && p <= PHASE_COUNT)
		phases[p].progress(&a->meeting, &a->progress, false, buf, n);
}

/* Each phase's progress: short for its tab ("3/5"), or in words for the
 * project overview ("3 present of 5"); true when it shows something
 * overdue. */
static bool progress_prepare(const struct meeting *m, const struct progress *pr, bool words,
                             char *buf, size_t n)
{
	(void)pr;
	/* The overview shows the meeting's title where others show counts. */
	if (words)
		snprintf(buf, n, "%s", m->title ? m->title : "");
	else
		snprintf(buf, n, "%s", m->status != MSTATUS_PLANNED ? "✓" : "");
	return false;
}

static bool progress_attendees(const struct meeting *m, const struct progress *pr, bool words,
                               char *buf, size_t n)
{
	(void)m;
	snprintf(buf, n, words ? _("%d present of %d") : "%d/%d", pr->present, pr->attendees);
	return false;
}

static bool progress_agenda(const struct meeting *m, const struct progress *pr, bool words,
                            char *buf, size_t n)
{
	(void)m;
	snprintf(buf, n, words ? _("%d of %d ticked") : "%d/%d", pr->checked, pr->items);
	return false;
}

static bool progress_decisions(const struct meeting *m, const struct progress *pr, bool words,
                               char *buf, size_t n)
{
	(void)m;
	snprintf(buf, n, words ? _("%d recorded") : "%d", pr->decisions);
	return false;
}

static bool progress_risks(const struct meeting *m, const struct progress *pr, bool words,
                           char *buf, size_t n)
{
	(void)m;
	if (words)
		snprintf(buf, n, _("%d open of %d"), pr->risks_open, pr->risks);
	else
		snprintf(buf, n, "%d", pr->risks);
	return false;
}

static bool progress_outputs(const struct meeting *m, const struct progress *pr, bool words,
                             char *buf, size_t n)
{
	(void)m;
	snprintf(buf, n, words ? _("%d done of %d") : "%d/%d", pr->outputs_done, pr->outputs);
	return false;
}

static bool progress_actions(const struct meeting *m, const struct progress *pr, bool words,
                             char *buf, size_t n)
{
	(void)m;
	if (!words)
		snprintf(buf, n, "%d/%d%s", pr->actions_done, pr->actions,
		         pr->actions_overdue ? "!" : "");
	else if (pr->actions_overdue)
		snprintf(buf, n, _("%d done of %d, %d overdue"), pr->actions_done, pr->actions,
		         pr->actions_overdue);
	else
		snprintf(buf, n, _("%d done of %d"), pr->actions_done, pr->actions);
	return pr->actions_overdue > 0;
}

static void where(struct app *a, int phase, char *buf, size_t n)
{
	snprintf(buf, n, "%s › %s › %d %s", a->meeting.project_name,
	         a->meeting.kind == KIND_TKO ? "TKO" : "KO", phase, _(phases[phase].screen.name));
}

/* What every phase screen does with the phase keys and q. */
static int phase_common(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	int p = s->ops->phase;
	switch (act) {
	case ACTION_PHASE_NEXT:
		app_open_phase(a, p % PHASE_COUNT + 1, true);
		return SCR_HANDLED;
	case ACTION_PHASE_PREV:
		app_open_phase(a, (p + PHASE_COUNT - 2) % PHASE_COUNT + 1, true);
		return SCR_HANDLED;
	case ACTION_PHASE_JUMP:
		if (arg != p)
			app_open_phase(a, arg, true);
		return SCR_HANDLED;
	case ACTION_HISTORY:
		history_open(a);
		return SCR_HANDLED;
	case ACTION_EXPORT:
		export_open(a, a->meeting_id);
		return SCR_HANDLED;
	case ACTION_BACK:
		return SCR_POP;
	default:
		return SCR_IGNORED;
	}
}

/* ---- Prepare ---- */

enum { PF_TITLE, PF_AT, PF_PLACE, PF_HOST, PF_PURPOSE, PF_STATUS, PF_COUNT };

/* A TKO builds on its KO: its Prepare shows, read-only, what the KO
 * settled that the technical team starts from.  Each line is a row of
 * the KO, which Enter opens there. */
enum ko_group { KG_SCOPE, KG_DECISIONS, KG_RISKS, KG_ACTIONS, KG_COUNT };

struct ko_line {
	enum ko_group group;
	int64_t id;                 /* the KO's row */
	char *text;
	attr_t attr;
};

struct prepare {
	struct list l;              /* the fields, then the KO's lines */
	int64_t ko_id;              /* 0: not a TKO, or its project has no KO */
	struct ko_line *ko;
	int nko;
};

static void ko_lines_free(struct prepare *pp)
{
	for (int i = 0; i < pp->nko; i++)
		free(pp->ko[i].text);
	free(pp->ko);
	pp->ko = NULL;
	pp->nko = 0;
}

static void ko_line(struct prepare *pp, int cap, enum ko_group g, int64_t id, attr_t attr,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void ko_line(struct prepare *pp, int cap, enum ko_group g, int64_t id, attr_t attr,
                    const char *fmt, ...)
{
	if (pp->nko >= cap)
		return;
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* One line each: a note or a text of several lines shows its first. */
	buf[strcspn(buf, "\n")] = '\0';
	char *t = strdup(buf);
	if (t)
		pp->ko[pp->nko++] = (struct ko_line){ g, id, t, attr };
}

/* Reads the KO's scope and objectives notes, decisions, open risks and
 * open actions for the TKO's Prepare. */
static void ko_lines_load(struct app *a, struct prepare *pp)
{
	ko_lines_free(pp);
	pp->ko_id = 0;
	if (!a->meeting_id || a->meeting.kind != KIND_TKO)
		return;
	vec_meeting both = { 0 };
	if (store_meetings_of(a->st, a->meeting.project_id, &both) != KO_OK)
		return;
	for (size_t i = 0; i < both.n; i++)
		if (both.v[i].kind == KIND_KO)
			pp->ko_id = both.v[i].id;
	vec_meeting_free(&both);
	if (!pp->ko_id)
		return;
	vec_item items = { 0 };
	vec_decision decs = { 0 };
	vec_risk risks = { 0 };
	vec_action acts = { 0 };
	if (store_items(a->st, pp->ko_id, &items) != KO_OK ||
	    store_decisions(a->st, pp->ko_id, &decs) != KO_OK ||
	    store_risks(a->st, pp->ko_id, &risks) != KO_OK ||
	    store_actions(a->st, pp->ko_id, &acts) != KO_OK)
		app_store_error(a);
	int cap = (int)(items.n + decs.n + risks.n + acts.n);
	pp->ko = calloc((size_t)cap + 1, sizeof *pp->ko);
	for (size_t i = 0; pp->ko && i < items.n; i++)
		if (item_is_scope_or_objectives(items.v[i].title) && *items.v[i].note)
			ko_line(pp, cap, KG_SCOPE, items.v[i].id, A_NORMAL, "%s: %s", items.v[i].title,
			        items.v[i].note);
	for (size_t i = 0; pp->ko && i < decs.n; i++)
		ko_line(pp, cap, KG_DECISIONS, decs.v[i].id,
		        decs.v[i].state == DSTATE_AGREED ? A_NORMAL : ui_attr(ST_DIM), "[%s] %s",
		        _(decision_state_name(decs.v[i].state)), decs.v[i].text);
	for (size_t i = 0; pp->ko && i < risks.n; i++)
		if (risks.v[i].status == RSTATUS_OPEN)
			ko_line(pp, cap, KG_RISKS, risks.v[i].id,
			        risks.v[i].impact == LEVEL_HIGH ? ui_attr(ST_WARN) : A_NORMAL,
			        "%s (%s %s)", risks.v[i].text, _("impact"), _(level_name(risks.v[i].impact)));
	for (size_t i = 0; pp->ko && i < acts.n; i++)
		if (acts.v[i].status == ASTATUS_OPEN)
			ko_line(pp, cap, KG_ACTIONS, acts.v[i].id,
			        action_is_overdue(&acts.v[i], a->today) ? ui_attr(ST_OVERDUE) : A_NORMAL,
			        "%s — %s%s%s", acts.v[i].text, acts.v[i].owner, *acts.v[i].due ? ", " : "",
			        acts.v[i].due);
	vec_item_free(&items);
	vec_decision_free(&decs);
	vec_risk_free(&risks);
	vec_action_free(&acts);
}

static const char *ko_group_title(enum ko_group g)
{
	switch (g) {
	case KG_SCOPE: return _("The KO's scope and objectives");
	case KG_DECISIONS: return _("The KO's decisions");
	case KG_RISKS: return _("The KO's open risks");
	default: return _("The KO's open actions");
	}
}

static const int ko_group_phase[KG_COUNT] = { 3, 4, 5, 7 };

/* Enter on a KO line: that row on its phase of the KO, in place of the
 * TKO's Prepare. */
static void open_ko_line(struct app *a, struct prepare *pp, int k)
{
	int64_t id = pp->ko[k].id;
	int phase = ko_group_phase[pp->ko[k].group];
	if (!app_load_meeting(a, pp->ko_id))
		return;
	app_open_phase(a, phase, true);
	phase_select_row(app_top(a), id);
}

static const enum ko_action prepare_keys[] = {
	ACTION_EDIT, ACTION_TOGGLE, ACTION_VIEW, ACTION_PHASE_NEXT, ACTION_UNDO, ACTION_HISTORY,
	ACTION_HELP, ACTION_BACK, ACTION_PHASE_PREV, ACTION_PHASE_JUMP, ACTION_REDO,
	ACTION_EXPORT, ACTION_REDRAW, ACTION_ADD, ACTION_NONE,
};

static const char *const status_choices[] = { N_("planned"), N_("held"), N_("closed"), NULL };

static bool prepare_enter(struct app *a, struct screen *s)
{
	(void)a;
	struct prepare *pp = calloc(1, sizeof *pp);
	if (!pp)
		return false;
	pp->l.n = PF_COUNT;
	pp->l.height = 1 << 20;      /* the screen scrolls the KO's lines itself */
	s->data = pp;
	ko_lines_load(a, pp);
	pp->l.n = PF_COUNT + pp->nko;
	return true;
}

static void prepare_reload(struct app *a, struct screen *s)
{
	struct prepare *pp = s->data;
	if (a->meeting_id)
		app_load_meeting(a, a->meeting_id);
	ko_lines_load(a, pp);
	pp->l.n = PF_COUNT + pp->nko;
	list_fix(&pp->l);
}

static void prepare_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct prepare *pp = s->data;
	ko_lines_free(pp);
	free(pp);
}

/* The KO's lines from y down, headed by group, scrolled so that the
 * cursor's line shows. */
static void draw_ko_lines(struct prepare *pp, int y)
{
	int bottom = ui_body_bottom();
	if (!pp->ko_id || y >= bottom)
		return;
	ui_text(y++, 2, COLS - 3, _("From the KO (read-only; Enter opens the row in the KO)"),
	        ui_attr(ST_TITLE));
	if (pp->nko == 0) {
		if (y < bottom)
			ui_text(y, 4, COLS - 5, _("The KO has no scope or objectives notes, decisions, "
			                          "open risks or open actions yet."), ui_attr(ST_DIM));
		return;
	}
	/* Each line as drawn: a group's heading (-1 - group) or line k. */
	int *lines = calloc((size_t)(2 * pp->nko + 1), sizeof *lines);
	if (!lines)
		return;
	int n = 0, at = -1;
	for (int k = 0; k < pp->nko; k++) {
		if (k == 0 || pp->ko[k].group != pp->ko[k - 1].group)
			lines[n++] = -1 - (int)pp->ko[k].group;
		if (PF_COUNT + k == pp->l.cur)
			at = n;
		lines[n++] = k;
	}
	int room = bottom - y, first = 0;
	if (at >= room)
		first = at - room + 1;
	for (int i = first; i < n && y < bottom; i++, y++) {
		if (lines[i] < 0) {
			ui_text(y, 2, COLS - 3, ko_group_title((enum ko_group)(-1 - lines[i])),
			        ui_attr(ST_KEY));
			continue;
		}
		const struct ko_line *l = &pp->ko[lines[i]];
		bool sel = pp->l.cur == PF_COUNT + lines[i];
		ui_text(y, 2, 1, sel ? "▸" : " ", sel ? ui_attr(ST_CURSOR) : A_NORMAL);
		ui_text(y, 4, COLS - 5, l->text, sel ? ui_attr(ST_CURSOR) : l->attr);
	}
	free(lines);
}

static void prepare_draw(struct app *a, struct screen *s)
{
	struct prepare *pp = s->data;
	char w[512];
	where(a, 1, w, sizeof w);
	ui_header(a, w, 1);
	const struct meeting *m = &a->meeting;
	const char *labels[PF_COUNT] = {
		_("Title"), _("Date and time"), _("Place"), _("Host"), _("Purpose"), _("Status"),
	};
	const char *values[PF_COUNT] = {
		m->title, m->starts_at, m->place, m->host, m->purpose,
		_(status_choices[m->status]),
	};
	int y = ui_body_top(a) + 1;
	for (int i = 0; i < PF_COUNT && y < ui_body_bottom(); i++) {
		bool sel = pp->l.cur == i;
		ui_text(y, 0, 1, sel ? "▸" : " ", sel ? ui_attr(ST_CURSOR) : A_NORMAL);
		ui_text(y, 2, 15, labels[i], ui_attr(ST_KEY));
		const char *v = *values[i] ? values[i] : "—";
		if (i == PF_PURPOSE) {
			/* Several lines: shown as they were written, up to four. */
			char *copy = strdup(v), *save = NULL, *line;
			int shown = 0;
			for (line = copy ? strtok_r(copy, "\n", &save) : NULL; line && shown < 4 &&
			     y < ui_body_bottom(); line = strtok_r(NULL, "\n", &save), shown++)
				ui_text(y++, 18, COLS - 19, line, A_NORMAL);
			free(copy);
			if (!shown)
				ui_text(y++, 18, COLS - 19, "—", A_NORMAL);
			continue;
		}
		ui_text(y, 18, COLS - 19, v, i == PF_STATUS && m->status != MSTATUS_PLANNED
		        ? ui_attr(ST_DONE) : A_NORMAL);
		y++;
	}
	y++;
	if (m->kind == KIND_TKO && tko_needs_warning(a->ko_status) && y + 1 < ui_body_bottom()) {
		ui_text(y++, 2, COLS - 3, a->ko_status < 0 ? _("⚠ This project has no KO yet.")
		                                           : _("⚠ This project's KO is not held yet."),
		        ui_attr(ST_WARN));
		ui_text(y++, 4, COLS - 5, _("The TKO builds on the KO: hold the KO first."),
		        ui_attr(ST_WARN));
	}
	if (m->kind == KIND_TKO && tko_before_ko(m->starts_at, a->ko_at) && y < ui_body_bottom()) {
		char msg[256];
		snprintf(msg, sizeof msg, _("⚠ The TKO is dated before the KO (%s)."), a->ko_at);
		ui_text(y++, 2, COLS - 3, msg, ui_attr(ST_WARN));
	}
	draw_ko_lines(pp, y);
	ui_footer(a, s->ops);
}

static enum ko_err save_prepare(struct app *a, struct form *fm)
{
	struct store_patch p;
	form_patch(fm, &p);
	return form_save_patch(a, STORE_MEETING, fm->row_id, &p);
}

static enum ko_err reread_prepare(struct app *a, struct form *fm, struct form_theirs *th)
{
	struct meeting m;
	enum ko_err rc = store_meeting_get(a->st, fm->row_id, &m);
	if (rc != KO_OK)
		return rc;
	const char *texts[PF_COUNT] = { m.title, m.starts_at, m.place, m.host, m.purpose, "" };
	for (int i = 0; i < PF_STATUS; i++)
		th->text[i] = strdup(texts[i] ? texts[i] : "");
	th->choice[PF_STATUS] = (int)m.status;
	th->version = m.version;
	meeting_free(&m);
	return KO_OK;
}

static void prepare_form(struct app *a, int focus)
{
	const struct meeting *m = &a->meeting;
	struct form *fm = form_new(m->kind == KIND_TKO ? _("The TKO") : _("The KO"), save_prepare);
	if (!fm)
		return;
	form_field(fm, N_("Title"), F_TEXT, m->title);
	form_field(fm, N_("Date and time"), F_DATETIME, m->starts_at);
	form_field(fm, N_("Place"), F_TEXT, m->place);
	form_field(fm, N_("Host"), F_TEXT, m->host);
	form_field(fm, N_("Purpose"), F_LONG, m->purpose);
	form_choice(fm, N_("Status"), status_choices, (int)m->status);
	fm->version = m->version;
	fm->table = "meeting";
	fm->row_id = m->id;
	fm->reread = reread_prepare;
	form_open(a, fm, focus);
}

static int prepare_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	struct prepare *pp = s->data;
	if (list_move(&pp->l, act))
		return SCR_HANDLED;
	switch (act) {
	case ACTION_EDIT: case ACTION_ADD:
		if (pp->l.cur >= PF_COUNT && act == ACTION_EDIT)
			open_ko_line(a, pp, pp->l.cur - PF_COUNT);
		else
			prepare_form(a, pp->l.cur < PF_COUNT ? pp->l.cur : 0);
		return SCR_HANDLED;
	case ACTION_VIEW:
		reading_open(a, s);
		return SCR_HANDLED;
	case ACTION_TOGGLE: {
		/* On every row, as the footer says: Enter edits the row, Space
		 * sets the status after the one shown, and only the status: what
		 * another session changed meanwhile stays. */
		struct store_patch p = { 0 };
		enum meeting_status to = (enum meeting_status)((a->meeting.status + 1) % 3);
		store_patch_set(&p, FIELD_MEETING_STATUS, meeting_status_name(to));
		enum ko_err rc = store_patch(a->st, STORE_MEETING, a->meeting_id, &p);
		if (rc != KO_OK) {
			app_store_error(a);
			return SCR_HANDLED | SCR_CHANGED;
		}
		app_saved(a);
		app_load_meeting(a, a->meeting_id);
		return SCR_HANDLED | SCR_CHANGED;
	}
	default:
		return phase_common(a, s, act, arg);
	}
}


/* ---- the list phases ---- */

static void plist_filter(struct plist *p)
{
	free(p->vis);
	p->vis = calloc((size_t)p->n + 1, sizeof *p->vis);
	int k = 0;
	for (int i = 0; p->vis && i < p->n; i++)
		if (p->def->matches ? p->def->matches(p, i, p->filter)
		                    : text_matches(p->def->row_text(p, i), p->filter))
			p->vis[k++] = i;
	p->l.n = k;
}

/* Re-reads the rows, keeping the cursor on the same row by id. */
static void plist_reload(struct app *a, struct screen *s)
{
	struct plist *p = s->data;
	int64_t keep = p->keep_id;
	if (!keep && p->l.n > 0 && p->l.cur < p->l.n)
		keep = p->def->row_id(p, p->vis[p->l.cur]);
	p->keep_id = 0;
	p->def->free_rows(p);
	p->n = 0;
	if (p->def->load(a, p) != KO_OK)
		app_store_error(a);
	else if (p->def->order)
		p->def->order(p);
	plist_filter(p);
	for (int i = 0; keep && i < p->l.n; i++)
		if (p->def->row_id(p, p->vis[i]) == keep)
			p->l.cur = i;
	list_fix(&p->l);
	if (a->meeting_id && store_meeting_progress(a->st, a->meeting_id, &a->progress) != KO_OK)
		app_store_error(a);
}

/* ---- another session's change, row by row ---- */

/* Every vec in the union has the same layout (a pointer to its rows,
 * their number, the room for them): the rows as bytes of row_size. */
static char *row_at(struct plist *p, size_t i)
{
	return (char *)p->v.att.v + i * p->def->row_size;
}

/* The first row that does not come before row. */
static size_t place_of(struct plist *p, const void *row)
{
	size_t lo = 0, hi = p->v.att.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->def->cmp(row_at(p, mid), row) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Reads row id again into the list: in its place when it stays there,
 * else out of the list and back in where it now goes, or out when it
 * is gone or in another meeting.  0: nothing moved, 1: the same rows
 * in the same order, 2: rows came or went or moved, -1: a store error. */
static int patch_row(struct app *a, struct plist *p, int64_t id)
{
	const struct phase_def *d = p->def;
	size_t size = d->row_size;
	union {
		struct attendee att; struct item it; struct decision dec;
		struct risk risk; struct output out; struct action act;
	} row;
	enum ko_err rc = d->get(a->st, id, &row);
	if (rc != KO_OK && rc != KO_NOTFOUND)
		return -1;
	bool have = rc == KO_OK;
	if (have && d->meeting_of(&row) != a->meeting_id) {
		d->free_row(&row);
		have = false;
	}
	size_t n = p->v.att.n;
	if (have) {
		size_t at = place_of(p, &row);
		if (at < n && d->row_id(p, (int)at) == id) {
			d->free_row(row_at(p, at));
			memcpy(row_at(p, at), &row, size);
			return 1;
		}
	}
	int moved = 0;
	for (size_t i = 0; i < n; i++) {
		if (d->row_id(p, (int)i) != id)
			continue;
		d->free_row(row_at(p, i));
		memmove(row_at(p, i), row_at(p, i + 1), (n - i - 1) * size);
		p->v.att.n = --n;
		moved = 2;
		break;
	}
	if (have) {
		if (n == p->v.att.cap) {
			size_t cap = p->v.att.cap ? p->v.att.cap * 2 : 16;
			void *v = realloc(p->v.att.v, cap * size);
			if (!v) {
				d->free_row(&row);
				p->n = (int)n;
				return -1;
			}
			p->v.att.v = v;
			p->v.att.cap = cap;
		}
		size_t at = place_of(p, &row);
		memmove(row_at(p, at + 1), row_at(p, at), (n - at) * size);
		memcpy(row_at(p, at), &row, size);
		p->v.att.n = ++n;
		moved = 2;
	}
	p->n = (int)n;
	return moved;
}

/* Another session changed these rows: the list reads those of its own
 * table again, and the rows that show a renumbered agenda item, not
 * the meeting's every row. */
static bool plist_patch(struct app *a, struct screen *s, const struct store_changed *rows, int n)
{
	struct plist *p = s->data;
	const struct phase_def *d = p->def;
	if (!d->get || !d->cmp || p->keep_id)
		return false;
	/* The meeting's or project's own fields show in the rows of some
	 * lists (an action's project): read everything. */
	for (int k = 0; k < n; k++)
		if (strcmp(rows[k].table, "meeting") == 0 || strcmp(rows[k].table, "project") == 0)
			return false;
	int64_t keep = p->l.n > 0 && p->l.cur < p->l.n ? d->row_id(p, p->vis[p->l.cur]) : 0;
	int worst = 0;
	for (int k = 0; k < n && worst >= 0; k++) {
		int r = 0;
		if (strcmp(rows[k].table, d->entity->name) == 0) {
			r = patch_row(a, p, rows[k].row_id);
		} else if (d->item_of && strcmp(rows[k].table, "item") == 0) {
			/* Their ids first: a row read again may move. */
			int m = 0;
			int64_t *ids = malloc(((size_t)p->n + 1) * sizeof *ids);
			for (int i = 0; ids && i < p->n; i++)
				if (d->item_of(row_at(p, (size_t)i)) == rows[k].row_id)
					ids[m++] = d->row_id(p, i);
			r = ids ? 0 : -1;
			for (int i = 0; i < m && r >= 0; i++) {
				int one = patch_row(a, p, ids[i]);
				r = one < 0 ? -1 : (one > r ? one : r);
			}
			free(ids);
		}
		worst = r < 0 ? -1 : (r > worst ? r : worst);
	}
	if (worst == 0)
		return true;
	trace_mark("patch");
	if (worst == 2 || p->filter || worst < 0) {
		int cur = p->l.cur;
		plist_filter(p);
		p->l.cur = cur;
		for (int i = 0; keep && i < p->l.n; i++)
			if (d->row_id(p, p->vis[i]) == keep)
				p->l.cur = i;
		list_fix(&p->l);
	}
	return worst > 0;
}

static bool plist_enter(struct app *a, struct screen *s)
{
	struct plist *p = calloc(1, sizeof *p);
	if (!p)
		return false;
	p->def = s->ops->data;
	s->data = p;
	plist_reload(a, s);
	return true;
}

static void plist_draw(struct app *a, struct screen *s)
{
	struct plist *p = s->data;
	char w[512];
	where(a, s->ops->phase, w, sizeof w);
	if (p->def == &phase_questions) {
		size_t n = strlen(w);
		snprintf(w + n, sizeof w - n, " › %s", _(s->ops->name));
	}
	if (p->filter) {
		size_t n = strlen(w);
		snprintf(w + n, sizeof w - n, "  [/%s]", p->filter);
	}
	ui_header(a, w, s->ops->phase);
	int top = ui_body_top(a);
	/* A wide terminal has room to read the row under the cursor in full
	 * beside the list: three fifths for the list, the rest the pane. */
	int lw = COLS >= PANE_MIN_COLS && !a->pane_hidden ? COLS - COLS * 2 / 5 : COLS;
	ui_set_list_width(lw < COLS ? lw - 1 : lw);
	if (p->def->banner)
		top += p->def->banner(a, p, top);
	p->def->columns(a, top);
	/* Rows, then a blank line and the summary. */
	p->l.height = ui_body_bottom() - top - 2;
	list_fix(&p->l);
	for (int r = 0; r < p->l.height && p->l.top + r < p->l.n; r++) {
		int i = p->l.top + r;
		p->def->row(a, p, p->vis[i], top + 1 + r, i == p->l.cur);
	}
	if (p->l.n == 0)
		ui_text(top + 2, 2, lw - 4, p->filter ? _("Nothing matches the filter.")
		                                      : _("Nothing here yet. Press a to add."),
		        ui_attr(ST_DIM));
	char sum[256] = "";
	if (p->def->summary)
		p->def->summary(a, p, sum, sizeof sum);
	ui_text(ui_body_bottom() - 1, 2, lw - 3, sum, ui_attr(ST_DIM));
	list_marks(&p->l, ui_body_bottom());
	ui_set_list_width(0);
	if (lw < COLS)
		reading_pane(a, s, top, lw, ui_body_bottom() - top, COLS - lw);
	ui_footer(a, s->ops);
}

static int delete_yes(struct app *a, void *ctx)
{
	struct plist *p = ctx;
	if (p->def->del(a->st, p->pending_id) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	app_msg(a, MSG_OK, "%s", _("deleted (u undoes)"));
	return SCR_HANDLED | SCR_CHANGED;
}

static void filter_changed(struct app *a, struct screen *s)
{
	(void)a;
	struct plist *p = s->data;
	plist_filter(p);
	p->l.cur = p->l.top = 0;
	list_fix(&p->l);
}

bool phase_select_row(struct screen *s, int64_t id)
{
	if (!s || s->ops->enter != plist_enter || !s->data)
		return false;
	struct plist *p = s->data;
	for (int k = 0; k < p->l.n; k++)
		if (p->def->row_id(p, p->vis[k]) == id) {
			p->l.cur = k;
			list_fix(&p->l);
			return true;
		}
	return false;
}

bool phase_edit_row(struct app *a, struct screen *s, int64_t id)
{
	if (!s || s->ops->enter != plist_enter || !s->data)
		return false;
	struct plist *p = s->data;
	for (int i = 0; i < p->n; i++) {
		if (p->def->row_id(p, i) != id)
			continue;
		for (int k = 0; k < p->l.n; k++)
			if (p->vis[k] == i)
				p->l.cur = k;
		list_fix(&p->l);
		p->def->form(a, p, i, 0, 0);
		return true;
	}
	return false;
}

static int plist_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	struct plist *p = s->data;
	if (list_move(&p->l, act))
		return SCR_HANDLED;
	bool have = p->l.n > 0 && p->l.cur < p->l.n;
	int i = have ? p->vis[p->l.cur] : -1;
	int own = p->def->act ? p->def->act(a, p, i, act) : SCR_IGNORED;
	if (own != SCR_IGNORED)
		return own;
	switch (act) {
	case ACTION_ADD:
		p->def->form(a, p, -1, 0, 0);
		return SCR_HANDLED;
	case ACTION_EDIT:
		if (have)
			p->def->form(a, p, i, 0, 0);
		return SCR_HANDLED;
	case ACTION_TOGGLE:
		return have && p->def->toggle ? p->def->toggle(a, p, i) : SCR_HANDLED;
	case ACTION_DELETE: {
		if (!have)
			return SCR_HANDLED;
		p->pending_id = p->def->row_id(p, i);
		char q[512];
		snprintf(q, sizeof q, _("Delete '%s'? (y/n)"), p->def->row_text(p, i));
		confirm_open(a, q, delete_yes, p);
		return SCR_HANDLED;
	}
	case ACTION_ADD_DECISION: case ACTION_ADD_RISK:
		if (p->def != &phase_agenda || !have)
			return SCR_IGNORED;
		if (act == ACTION_ADD_DECISION)
			decision_form_for_item(a, p, p->v.it.v[i].position);
		else
			risk_form_for_item(a, p, p->v.it.v[i].position);
		return SCR_HANDLED;
	case ACTION_RACI:
		if (p->def != &phase_outputs)
			return SCR_IGNORED;
		raci_open(a);
		return SCR_HANDLED;
	case ACTION_QUESTIONS:
		if (p->def != &phase_decisions)
			return SCR_IGNORED;
		questions_open(a);
		return SCR_HANDLED;
	case ACTION_MOVE_TO_TKO:
		return p->def == &phase_questions && have ? question_move_row(a, p, i) : SCR_IGNORED;
	case ACTION_PHASE_NEXT: case ACTION_PHASE_PREV: case ACTION_PHASE_JUMP:
		/* The questions are a screen over Decisions, not a phase: q
		 * goes back there first. */
		if (p->def == &phase_questions)
			return SCR_HANDLED;
		return phase_common(a, s, act, arg);
	case ACTION_CARRY:
		if (p->def != &phase_risks)
			return SCR_IGNORED;
		return have ? risk_carry_row(a, p, i) : SCR_HANDLED;
	case ACTION_FILTER:
		filter_open(a, s, &p->filter, filter_changed);
		return SCR_HANDLED;
	case ACTION_VIEW:
		if (have)
			reading_open(a, s);
		return SCR_HANDLED;
	case ACTION_PANE:
		/* Kept for the session, on every list phase: who hides it
		 * wants the whole width for the list. */
		a->pane_hidden = !a->pane_hidden;
		return SCR_HANDLED;
	case ACTION_SUGGEST:
		if (p->def != &phase_actions)
			return SCR_IGNORED;
		suggest_open(a);
		return SCR_HANDLED;
	default:
		return phase_common(a, s, act, arg);
	}
}

static void plist_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct plist *p = s->data;
	p->def->free_rows(p);
	free(p->vis);
	free(p->filter);
	free(p);
}

const void *phase_current(struct app *a, struct screen *s, const struct entity_desc **e,
                          int64_t *id, char *pos, size_t n)
{
	*e = NULL;
	*id = 0;
	if (pos && n)
		pos[0] = '\0';
	if (s->ops == &phases[1].screen) {
		*e = &entity_meeting;
		*id = a->meeting.id;
		return a->meeting_id ? &a->meeting : NULL;
	}
	if (s->ops->enter != plist_enter || !s->data)
		return NULL;
	struct plist *p = s->data;
	*e = p->def->entity;
	if (p->l.n == 0 || p->l.cur >= p->l.n)
		return NULL;
	int i = p->vis[p->l.cur];
	*id = p->def->row_id(p, i);
	if (pos && n)
		snprintf(pos, n, "%d/%d", p->l.cur + 1, p->l.n);
	/* Every vec in the union has the same layout: a pointer to its rows. */
	return (const char *)p->v.att.v + (size_t)i * p->def->row_size;
}

#define LIST_KEYS(...) LIST_KEYS_THEN(ACTION_NONE, __VA_ARGS__)
/* The same with one key listed after the common ones (named on the
 * screen's summary line rather than in the footer). */
#define LIST_KEYS_THEN(last, ...) (const enum ko_action[]){ __VA_ARGS__, ACTION_VIEW, ACTION_UNDO, \
	ACTION_PHASE_NEXT, ACTION_HELP, ACTION_BACK, ACTION_FILTER, ACTION_REDO, ACTION_HISTORY, \
	ACTION_PHASE_PREV, ACTION_PHASE_JUMP, ACTION_EXPORT, ACTION_PANE, ACTION_REDRAW, last, ACTION_NONE }

/* The phases, in their order: the screen (its name is the phase's full
 * name, translated like every N_() string), the tab's short name, the
 * keys it lists, what Space is called there, and its progress.  The
 * list phases share one screen code over their phase_def. */
#define LIST_SCREEN(n, label, def_, keys_, toggle_) { \
		.name = label, .keys = keys_, .toggle_label = toggle_, .phase = n, \
		.data = &def_, .enter = plist_enter, .reload = plist_reload, \
		.draw = plist_draw, .action = plist_action, .leave = plist_leave, \
		.patch = plist_patch, \
	}

/* Short names for tabs on a narrow terminal: each the start of its name,
 * or in Chinese the name's last word (参与人员 -> 人员), so a tab reads
 * like the screen it opens. */
const struct phase phases[PHASE_COUNT + 1] = {
	[1] = {
		.screen = {
			.name = N_("Prepare"), .keys = prepare_keys, .toggle_label = N_("status"),
			.add_label = N_("edit the field under the cursor"),
			.phase = 1, .enter = prepare_enter, .reload = prepare_reload,
			.draw = prepare_draw, .action = prepare_action, .leave = prepare_leave,
		},
		.short_name = NC_("tab", "Prep."), .progress = progress_prepare,
	},
	[2] = {
		.screen = LIST_SCREEN(2, N_("Attendees"), phase_attendees,
		                      LIST_KEYS(ACTION_TOGGLE, ACTION_ADD, ACTION_EDIT, ACTION_DELETE),
		                      N_("status")),
		.short_name = NC_("tab", "Att."), .progress = progress_attendees,
	},
	[3] = {
		.screen = LIST_SCREEN(3, N_("Agenda"), phase_agenda,
		                      LIST_KEYS(ACTION_TOGGLE, ACTION_CLOCK, ACTION_EDIT, ACTION_ADD_DECISION,
		                                ACTION_ADD_RISK, ACTION_ADD, ACTION_DELETE,
		                                ACTION_ITEM_DOWN, ACTION_ITEM_UP),
		                      N_("tick")),
		.short_name = NC_("tab", "Agenda"), .progress = progress_agenda,
	},
	[4] = {
		.screen = LIST_SCREEN(4, N_("Decisions"), phase_decisions,
		                      LIST_KEYS(ACTION_ADD, ACTION_EDIT, ACTION_TOGGLE, ACTION_DELETE,
		                                ACTION_QUESTIONS),
		                      N_("state")),
		.short_name = NC_("tab", "Dec."), .progress = progress_decisions,
	},
	[5] = {
		.screen = LIST_SCREEN(5, N_("Risks"), phase_risks,
		                      LIST_KEYS(ACTION_ADD, ACTION_EDIT, ACTION_TOGGLE, ACTION_CARRY,
		                                ACTION_DELETE),
		                      N_("status")),
		.short_name = NC_("tab", "Risks"), .progress = progress_risks,
	},
	[6] = {
		.screen = LIST_SCREEN(6, N_("Outputs"), phase_outputs,
		                      LIST_KEYS(ACTION_TOGGLE, ACTION_EDIT, ACTION_ADD, ACTION_RACI,
		                                ACTION_DELETE),
		                      N_("status")),
		.short_name = NC_("tab", "Outp."), .progress = progress_outputs,
	},
	[7] = {
		.screen = LIST_SCREEN(7, N_("Actions"), phase_actions,
		                      LIST_KEYS_THEN(ACTION_SUGGEST, ACTION_ADD, ACTION_TOGGLE,
		                                     ACTION_EDIT, ACTION_DELETE),
		                      N_("done")),
		.short_name = NC_("tab", "Act."), .progress = progress_actions,
	},
};

/* The open questions: a list like the phases' (the same code over its
 * phase_def), drawn under the Decisions tab, from which Q opens it. */
const struct screen_ops screen_questions = {
	.name = N_("Open questions"),
	.keys = (const enum ko_action[]){ ACTION_ADD, ACTION_EDIT, ACTION_MOVE_TO_TKO, ACTION_DELETE,
		ACTION_VIEW, ACTION_UNDO, ACTION_HELP, ACTION_BACK, ACTION_FILTER, ACTION_REDO,
		ACTION_HISTORY, ACTION_EXPORT, ACTION_REDRAW, ACTION_NONE },
	.phase = 4, .data = &phase_questions, .enter = plist_enter, .reload = plist_reload,
	.draw = plist_draw, .action = plist_action, .leave = plist_leave,
};

void questions_open(struct app *a)
{
	if (a->meeting_id)
		app_push(a, &screen_questions, NULL);
}
