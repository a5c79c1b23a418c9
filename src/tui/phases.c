/* phases.c - the six list phases as data: how each reads its rows, its
 * list's columns and its form, both by the entity's field names (the
 * labels, kinds, values and the saving come from entity.h through
 * entity_form.c), and what Space does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/agenda.h"
#include "entity_form.h"

#define N(x) (sizeof(x) / sizeof((x)[0]))
#define MARK { NULL, NULL, 1, 0, NULL }

/* Reading a phase's rows, and its columns and add drawn from its
 * tables (pre_cols, and store_<entity>_add). */
#define PHASE_ROWS(pre, ent, fld, textf) \
	static enum ko_err pre##_load(struct app *a, struct plist *p) \
	{ \
		enum ko_err rc = store_##ent##s(a->st, a->meeting_id, &p->v.fld); \
		p->n = rc == KO_OK ? (int)p->v.fld.n : 0; \
		return rc; \
	} \
	static void pre##_free(struct plist *p) { vec_##ent##_free(&p->v.fld); } \
	static enum ko_err pre##_get(struct store *st, int64_t id, void *row) \
	{ \
		return store_##ent##_get(st, id, row); \
	} \
	static int64_t pre##_meeting_of(const void *row) \
	{ \
		return ((const struct ent *)row)->meeting_id; \
	} \
	static void pre##_free_row(void *row) { ent##_free(row); } \
	static int64_t pre##_id(const struct plist *p, int i) { return p->v.fld.v[i].id; } \
	static const char *pre##_text(const struct plist *p, int i) { return p->v.fld.v[i].textf; } \
	static void pre##_columns(struct app *a, int y) { (void)a; columns_head(&pre##_cols, y); } \
	static void pre##_row(struct app *a, const struct plist *p, int i, int y, bool sel) \
	{ \
		columns_row(a, &pre##_cols, p, i, y, sel); \
	} \
	static enum ko_err pre##_add(struct store *st, const void *row, int64_t *id) \
	{ \
		return store_##ent##_add(st, row, id); \
	} \
	static void pre##_form(struct app *a, struct plist *p, int i, int item, int focus) \
	{ \
		/* A row of another phase's list (the Agenda's, for a new \
		 * decision) is not this form's. */ \
		const struct ent *r = i >= 0 && p->def == pre##_spec.def ? &p->v.fld.v[i] : NULL; \
		entity_form_open(a, p, &pre##_spec, r, item, focus); \
	}

#define PHASE_DEF(pre, ent) \
	.entity = &entity_##ent, .row_size = sizeof(struct ent), \
	.load = pre##_load, .free_rows = pre##_free, .row_id = pre##_id, .row_text = pre##_text, \
	.get = pre##_get, .meeting_of = pre##_meeting_of, .free_row = pre##_free_row, \
	.columns = pre##_columns, .row = pre##_row, .form = pre##_form, \
	.del = store_##ent##_delete

#define SPEC(pre, phase, ent, entity, tnew, tedit, focus, added) \
	static enum ko_err pre##_add(struct store *, const void *, int64_t *); \
	static const struct form_spec pre##_spec = { &phase, entity, #ent, tnew, tedit, \
		pre##_form_fields, N(pre##_form_fields), focus, offsetof(struct ent, version), \
		pre##_add, added }

#define COLUMNS(pre, ent, style, text) \
	static const struct columns pre##_cols = { &entity_##ent, pre##_col, N(pre##_col), style, text }

/* The orders the store reads the lists in (ORDER BY key), the id last,
 * for a row another session changed to go where a reading would put it. */
#define ORDER_BY(name, ent, key) \
	static int name(const void *x, const void *y) \
	{ \
		const struct ent *l = x, *r = y; \
		if (l->key != r->key) \
			return l->key < r->key ? -1 : 1; \
		return (l->id > r->id) - (l->id < r->id); \
	}
ORDER_BY(att_cmp, attendee, id)
ORDER_BY(it_cmp, item, position)
ORDER_BY(dec_cmp, decision, id)
ORDER_BY(rk_cmp, risk, id)
ORDER_BY(out_cmp, output, position)

static int64_t dec_item_of(const void *row) { return ((const struct decision *)row)->item_id; }
static int64_t rk_item_of(const void *row) { return ((const struct risk *)row)->item_id; }

static int saved_or_error(struct app *a, enum ko_err rc)
{
	if (rc != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

/* ---- attendees ---- */

static const struct column att_col[] = {
	MARK, { "status", NULL, 9, 0, NULL }, { "name", NULL, -3, 0, NULL },
	{ "role", NULL, -2, 0, NULL }, { "organisation", NULL, -2, 0, NULL },
	{ "email", NULL, -3, COL_DIM, NULL },
};
static attr_t att_style(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	const struct attendee *at = row;
	if (strcmp(c->field, "status") != 0)
		return 0;
	return at->status == PSTATUS_PRESENT ? ui_attr(ST_DONE)
	     : at->status == PSTATUS_REGRETS ? ui_attr(ST_WARN) : 0;
}
COLUMNS(att, attendee, att_style, NULL);
/* The status is not in the form: Space moves it on, and a change made
 * meanwhile stays. */
static const struct form_spec_field att_form_fields[] = {
	{ "name", NULL, 0, 0 }, { "role", NULL, EF_ROLES, 0 }, { "organisation", NULL, 0, 0 },
	{ "email", NULL, 0, 0 },
};
SPEC(att, phase_attendees, attendee, STORE_ATTENDEE, N_("New attendee"), N_("Edit attendee"),
     0, NULL);
PHASE_ROWS(att, attendee, att, name)

/* Space moves the status on: invited, present, sent regrets, invited. */
static int att_toggle(struct app *a, struct plist *p, int i)
{
	const struct attendee *at = &p->v.att.v[i];
	enum attendee_status next = (enum attendee_status)((at->status + 1) % 3);
	return saved_or_error(a, store_attendee_set_status(a->st, at->id, next));
}

/* The expected roles that nobody present holds, after the counts: the
 * host sees before the meeting starts who is missing. */
static void att_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	int used = snprintf(buf, n, _("invited %d · present %d"), a->progress.attendees,
	                    a->progress.present);
	int missing = 0;
	for (size_t r = 0; r < a->tmpl.n_roles && used >= 0 && (size_t)used < n; r++) {
		bool held = false;
		for (size_t k = 0; k < p->v.att.n && !held; k++)
			held = p->v.att.v[k].status == PSTATUS_PRESENT &&
			       template_role_held(a->tmpl.roles[r], p->v.att.v[k].role);
		if (held)
			continue;
		char name[NAME_MAX_BYTES + 1];
		template_role_name(a->tmpl.roles[r], name, sizeof name);
		used += snprintf(buf + used, n - (size_t)used, missing++ ? _(", %s") : _(" · missing: %s"),
		                 name);
	}
}

const struct phase_def phase_attendees = {
	PHASE_DEF(att, attendee), .cmp = att_cmp, .toggle = att_toggle, .summary = att_summary,
};

/* ---- agenda ---- */

/* The time column (used against planned minutes, with a bar where it
 * fits); below 110 columns the presenter and the time of the tick give
 * way to it (the reading view has them), and on a narrow screen the bar
 * goes before the title is cut. */
#define IT_TIME(w) { "clock_seconds", N_("Time"), w, 0, NULL }
static const struct column it_col_wide[] = {
	MARK, { "checked_at", "", 3, COL_TICK, "[x]" }, { "position", "#", 2, COL_RIGHT, NULL },
	{ "title", N_("Item"), -5, 0, NULL }, { "presenter", NULL, -2, 0, NULL },
	{ "note", NULL, -2, COL_DIM, NULL }, IT_TIME(15),
	{ "checked_at", NULL, 11, COL_FROM_MONTH, NULL }, { "checked_by", N_("By"), 10, 0, NULL },
};
static const struct column it_col_mid[] = {
	MARK, { "checked_at", "", 3, COL_TICK, "[x]" }, { "position", "#", 2, COL_RIGHT, NULL },
	/* Shares that give 80 columns a title of 31 and a note of 14: the
	 * seed's longest title and a short note, whole. */
	{ "title", N_("Item"), -9, 0, NULL }, { "note", NULL, -4, COL_DIM, NULL }, IT_TIME(13),
	{ "checked_by", N_("By"), 10, 0, NULL },
};
static const struct column it_col_narrow[] = {
	MARK, { "checked_at", "", 3, COL_TICK, "[x]" }, { "position", "#", 2, COL_RIGHT, NULL },
	{ "title", N_("Item"), -1, 0, NULL }, IT_TIME(9),
};

static attr_t it_cell_style(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	bool over = false;
	char buf[8];
	if (strcmp(c->field, "clock_seconds") != 0)
		return 0;
	agenda_time_cell(row, 0, &over, buf, sizeof buf);
	return over ? A_REVERSE | A_BOLD : item_running(row) ? A_BOLD : 0;
}

static const char *it_cell_text(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	static char buf[128];
	bool over;
	return strcmp(c->field, "clock_seconds") == 0
		? agenda_time_cell(row, c->width, &over, buf, sizeof buf) : NULL;
}

static const struct columns it_wide = { &entity_item, it_col_wide, N(it_col_wide), it_cell_style, it_cell_text };
static const struct columns it_mid = { &entity_item, it_col_mid, N(it_col_mid), it_cell_style, it_cell_text };
static const struct columns it_narrow = { &entity_item, it_col_narrow, N(it_col_narrow), it_cell_style,
                                          it_cell_text };
/* PHASE_ROWS names the columns it_cols: the set for the screen's width. */
#define it_cols (*(COLS >= 110 ? &it_wide : COLS >= 70 ? &it_mid : &it_narrow))
/* Enter on an item is mostly for its note. */
static const struct form_spec_field it_form_fields[] = {
	{ "title", N_("Item"), 0, 0 }, { "note", NULL, 0, 0 },
	{ "planned_minutes", NULL, 0, 0 }, { "presenter", NULL, 0, 0 },
};
SPEC(it, phase_agenda, item, STORE_ITEM, N_("New agenda item"), N_("Agenda item"), 1, NULL);
PHASE_ROWS(it, item, it, title)

static int it_toggle(struct app *a, struct plist *p, int i)
{
	const struct item *it = &p->v.it.v[i];
	return saved_or_error(a, store_item_set_checked(a->st, it->id, it->checked_at[0] == '\0'));
}

const struct phase_def phase_agenda = {
	PHASE_DEF(it, item), .cmp = it_cmp, .toggle = it_toggle, .summary = agenda_summary,
	.banner = agenda_banner, .act = agenda_action,
};

/* ---- decisions ---- */

static void dec_added(struct app *a, int item)
{
	app_msg(a, MSG_OK, _("decision recorded on item %d"), item);
}

/* Agreed reads as done, rejected as dropped, proposed as waiting. */
static attr_t dec_style(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	const struct decision *d = row;
	if (strcmp(c->field, "state") != 0)
		return d->state == DSTATE_REJECTED ? ui_attr(ST_DIM) : 0;
	return d->state == DSTATE_AGREED ? ui_attr(ST_DONE)
	     : d->state == DSTATE_PROPOSED ? ui_attr(ST_WARN) : ui_attr(ST_DIM);
}

static const struct column dec_col[] = {
	MARK, { "text", NULL, -5, 0, NULL }, { "decided_by", NULL, -2, 0, NULL },
	{ "state", NULL, 9, 0, NULL },
	{ "item", N_("Item"), 4, COL_RIGHT | COL_HASH | COL_DIM, NULL },
};
COLUMNS(dec, decision, dec_style, NULL);
/* A decision recorded in the meeting is what it agreed, unless the form
 * says it was only proposed or was rejected. */
static const struct form_spec_field dec_form_fields[] = {
	{ "text", NULL, 0, 0 }, { "decided_by", NULL, 0, 0 }, { "item", N_("Agenda item no."), 0, 0 },
	{ "state", NULL, 0, DSTATE_AGREED },
};
SPEC(dec, phase_decisions, decision, STORE_DECISION, N_("New decision"), N_("Edit decision"),
     0, dec_added);
PHASE_ROWS(dec, decision, dec, text)

void decision_form_for_item(struct app *a, struct plist *p, int item)
{
	dec_form(a, p, -1, item, 0);
}

/* Space sets the state after the one shown (proposed, agreed, rejected),
 * and only the state: another session's edit of the text stays. */
static int dec_toggle(struct app *a, struct plist *p, int i)
{
	const struct decision *d = &p->v.dec.v[i];
	struct store_patch patch = { 0 };
	store_patch_set(&patch, FIELD_DECISION_STATE, decision_state_name((d->state + 1) % 3));
	enum ko_err rc = store_patch(a->st, STORE_DECISION, d->id, &patch);
	if (rc == KO_NOTFOUND) {
		app_msg(a, MSG_WARN, "%s", _("this decision was deleted by another session"));
		return SCR_HANDLED | SCR_CHANGED;
	}
	return saved_or_error(a, rc) | SCR_CHANGED;
}

static void dec_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)a;
	int agreed = 0;
	for (int i = 0; i < p->n; i++)
		agreed += p->v.dec.v[i].state == DSTATE_AGREED;
	snprintf(buf, n, ngettext("%d decision · %d agreed · Space changes the state",
	                          "%d decisions · %d agreed · Space changes the state", p->n),
	         p->n, agreed);
}

const struct phase_def phase_decisions = {
	PHASE_DEF(dec, decision), .cmp = dec_cmp, .item_of = dec_item_of, .toggle = dec_toggle,
	.summary = dec_summary,
};

/* ---- risks ---- */

static void risk_added(struct app *a, int item)
{
	app_msg(a, MSG_OK, _("risk recorded on item %d"), item);
}

static attr_t risk_style(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	const struct risk *r = row;
	if (strcmp(c->field, "impact") == 0 && r->impact == LEVEL_HIGH)
		return ui_attr(ST_WARN);
	if (strcmp(c->field, "status") == 0 && r->status != RSTATUS_OPEN)
		return ui_attr(ST_DONE);
	return 0;
}

static const struct column rk_col[] = {
	MARK, { "text", NULL, -4, 0, NULL }, { "likelihood", N_("Likely"), 6, 0, NULL },
	{ "impact", NULL, 6, 0, NULL }, { "owner", NULL, -2, 0, NULL },
	{ "status", NULL, 9, 0, NULL }, { "item", N_("Item"), 4, COL_RIGHT | COL_HASH | COL_DIM, NULL },
};
COLUMNS(rk, risk, risk_style, NULL);
static const struct form_spec_field rk_form_fields[] = {
	{ "text", NULL, EF_ONE_LINE, 0 }, { "likelihood", NULL, 0, LEVEL_MEDIUM },
	{ "impact", NULL, 0, LEVEL_MEDIUM }, { "mitigation", NULL, EF_ONE_LINE, 0 },
	{ "owner", NULL, 0, 0 }, { "status", NULL, 0, RSTATUS_OPEN },
	{ "item", N_("Agenda item no."), 0, 0 },
};
SPEC(rk, phase_risks, risk, STORE_RISK, N_("New risk"), N_("Edit risk"), 0, risk_added);
PHASE_ROWS(rk, risk, risk, text)

/* Space sets the status after the one the screen shows, and only the
 * status: another session's edit of the risk meanwhile stays. */
static int risk_toggle(struct app *a, struct plist *p, int i)
{
	const struct risk *r = &p->v.risk.v[i];
	struct store_patch patch = { 0 };
	store_patch_set(&patch, FIELD_RISK_STATUS, risk_status_name((r->status + 1) % 3));
	enum ko_err rc = store_patch(a->st, STORE_RISK, r->id, &patch);
	if (rc == KO_NOTFOUND) {
		app_msg(a, MSG_WARN, "%s", _("this risk was deleted by another session"));
		return SCR_HANDLED | SCR_CHANGED;
	}
	return saved_or_error(a, rc) | SCR_CHANGED;
}

int risk_carry_row(struct app *a, struct plist *p, int i)
{
	int64_t copy = 0;
	enum ko_err rc = store_risk_carry(a->st, p->v.risk.v[i].id, &copy);
	if (rc != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	app_msg(a, MSG_OK, _("carried into the TKO as risk %lld (u undoes)"), (long long)copy);
	return SCR_HANDLED | SCR_CHANGED;
}

void risk_form_for_item(struct app *a, struct plist *p, int item)
{
	rk_form(a, p, -1, item, 0);
}

static void risk_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, ngettext("%d risk · %d open · Space changes the status",
	                          "%d risks · %d open · Space changes the status", a->progress.risks),
	         a->progress.risks, a->progress.risks_open);
}

const struct phase_def phase_risks = {
	PHASE_DEF(rk, risk), .cmp = rk_cmp, .item_of = rk_item_of, .toggle = risk_toggle, .summary = risk_summary,
};

/* ---- outputs ---- */

/* An output past its due date and not done is drawn as an overdue
 * action is. */
static attr_t out_style(struct app *a, const void *row, const struct column *c)
{
	const struct output *o = row;
	bool late = o->status != OSTATUS_DONE && *o->due && strcmp(o->due, a->today) < 0;
	if (strcmp(c->field, "status") != 0)
		return late && strcmp(c->field, "link") != 0 ? ui_attr(ST_OVERDUE) : 0;
	return o->status == OSTATUS_DONE ? ui_attr(ST_DONE)
	     : o->status == OSTATUS_DRAFTING ? ui_attr(ST_WARN) : late ? ui_attr(ST_OVERDUE) : 0;
}

static const char *out_cell_text(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	const struct output *o = row;
	return strcmp(c->field, "due") == 0 && !*o->due ? "—" : NULL;
}

static const struct column out_col[] = {
	MARK, { "position", "#", 2, COL_RIGHT, NULL }, { "name", NULL, -4, 0, NULL },
	{ "owner", NULL, -2, 0, NULL }, { "due", N_("Due"), 10, 0, NULL },
	{ "status", NULL, 8, 0, NULL }, { "link", NULL, -2, COL_DIM, NULL },
};
COLUMNS(out, output, out_style, out_cell_text);
static const struct form_spec_field out_form_fields[] = {
	{ "name", NULL, 0, 0 }, { "owner", NULL, 0, 0 }, { "status", NULL, 0, OSTATUS_TODO },
	{ "link", NULL, 0, 0 }, { "due", NULL, 0, 0 },
};
SPEC(out, phase_outputs, output, STORE_OUTPUT, N_("New output"), N_("Edit output"), 0, NULL);
PHASE_ROWS(out, output, out, name)

static int out_toggle(struct app *a, struct plist *p, int i)
{
	const struct output *o = &p->v.out.v[i];
	return saved_or_error(a, store_output_set(a->st, a->meeting_id, o->position,
	                                          (o->status + 1) % 3, NULL, NULL));
}

static void out_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, _("%d of %d done · Space: todo → drafting → done"), a->progress.outputs_done,
	         a->progress.outputs);
}

const struct phase_def phase_outputs = {
	PHASE_DEF(out, output), .cmp = out_cmp, .toggle = out_toggle, .summary = out_summary,
};

/* ---- actions ---- */

/* An overdue action is drawn overdue in every column but a done or
 * dropped status. */
static attr_t act_style(struct app *a, const void *row, const struct column *c)
{
	const struct action *ac = row;
	attr_t late = action_is_overdue(ac, a->today) ? ui_attr(ST_OVERDUE) : 0;
	if (strcmp(c->field, "status") != 0)
		return late;
	return ac->status == ASTATUS_DONE ? ui_attr(ST_DONE)
	     : ac->status == ASTATUS_DROPPED ? ui_attr(ST_DIM) : late;
}

static const char *act_cell_text(struct app *a, const void *row, const struct column *c)
{
	const struct action *ac = row;
	bool late = action_is_overdue(ac, a->today);
	if (strcmp(c->field, "overdue") == 0)
		return late ? "!" : " ";
	if (strcmp(c->field, "status") == 0 && late)
		return _("overdue");
	if (strcmp(c->field, "due") == 0 && !*ac->due)
		return "—";
	return NULL;
}

static const struct column act_col[] = {
	MARK, { "overdue", "", 1, 0, NULL }, { "text", NULL, -4, 0, NULL },
	{ "owner", NULL, -2, 0, NULL }, { "due", N_("Due"), 10, 0, NULL },
	{ "status", NULL, 8, 0, NULL },
};
COLUMNS(act, action, act_style, act_cell_text);
/* The decision an action follows from is not in the form: an edit
 * leaves it as stored. */
static const struct form_spec_field act_form_fields[] = {
	{ "text", NULL, EF_ONE_LINE, 0 }, { "owner", NULL, 0, 0 }, { "due", NULL, 0, 0 },
	{ "status", NULL, EF_EDIT_ONLY, 0 },
};
SPEC(act, phase_actions, action, STORE_ACTION, N_("New action"), N_("Edit action"), 0, NULL);
PHASE_ROWS(act, action, act, text)

static int act_toggle(struct app *a, struct plist *p, int i)
{
	const struct action *ac = &p->v.act.v[i];
	enum action_status to = ac->status == ASTATUS_OPEN ? ASTATUS_DONE : ASTATUS_OPEN;
	return saved_or_error(a, store_action_set_status(a->st, ac->id, to));
}

/* What is due first comes first; an action without a date after every
 * dated one; the order they were added breaks ties. */
static int act_by_due(const void *x, const void *y)
{
	const struct action *l = x, *r = y;
	if (!*l->due != !*r->due)
		return *l->due ? -1 : 1;
	int c = strcmp(l->due, r->due);
	if (c)
		return c;
	return (l->id > r->id) - (l->id < r->id);
}

static void act_order(struct plist *p)
{
	if (p->v.act.n > 1)
		qsort(p->v.act.v, p->v.act.n, sizeof *p->v.act.v, act_by_due);
}

/* The filter finds an action by who owns it and by its status too, as
 * the list shows it or as the command line names it. */
static bool act_matches(const struct plist *p, int i, const char *filter)
{
	const struct action *ac = &p->v.act.v[i];
	const char *status = action_status_name(ac->status);
	return text_matches(ac->text, filter) || text_matches(ac->owner, filter) ||
	       text_matches(status, filter) || text_matches(_(status), filter);
}

/* The template's suggestions the meeting has no action of yet (as
 * app_suggestions counts them), from what the screen has read. */
static int act_suggested(struct app *a, const struct plist *p)
{
	int left = 0;
	for (size_t k = 0; k < a->tmpl.n_actions; k++) {
		bool taken = false;
		for (size_t i = 0; i < p->v.act.n && !taken; i++)
			taken = strcmp(p->v.act.v[i].text, a->tmpl.actions[k]) == 0;
		left += !taken;
	}
	return left;
}

static void act_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	int used = snprintf(buf, n, ngettext("%d action · %d done · %d overdue · Space marks done",
	                                     "%d actions · %d done · %d overdue · Space marks done",
	                                     a->progress.actions),
	                    a->progress.actions, a->progress.actions_done,
	                    a->progress.actions_overdue);
	int left = act_suggested(a, p);
	if (left && used >= 0 && (size_t)used < n)
		snprintf(buf + used, n - (size_t)used,
		         ngettext(" · s: %d suggested", " · s: %d suggested", left), left);
}

const struct phase_def phase_actions = {
	PHASE_DEF(act, action), .cmp = act_by_due, .toggle = act_toggle, .summary = act_summary,
	.order = act_order, .matches = act_matches,
};

/* ---- open questions (a screen over Decisions) ---- */

static attr_t q_style(struct app *a, const void *row, const struct column *c)
{
	(void)a;
	const struct question *q = row;
	if (strcmp(c->field, "status") != 0)
		return q->status == QSTATUS_MOVED ? ui_attr(ST_DIM) : 0;
	return q->status == QSTATUS_ANSWERED ? ui_attr(ST_DONE)
	     : q->status == QSTATUS_MOVED ? ui_attr(ST_DIM) : ui_attr(ST_WARN);
}

static const struct column q_col[] = {
	MARK, { "text", NULL, -4, 0, NULL }, { "raised_by", NULL, -2, 0, NULL },
	{ "owner", NULL, -2, 0, NULL }, { "status", NULL, 9, 0, NULL },
	{ "answer", NULL, -3, COL_DIM, NULL },
};
COLUMNS(q, question, q_style, NULL);
/* Moving is T's (it makes the TKO's copy), so the form's status does
 * not offer it for a new question. */
static const struct form_spec_field q_form_fields[] = {
	{ "text", NULL, EF_ONE_LINE, 0 }, { "raised_by", NULL, 0, 0 }, { "owner", NULL, 0, 0 },
	{ "status", NULL, EF_EDIT_ONLY, QSTATUS_OPEN }, { "answer", NULL, EF_ONE_LINE | EF_EDIT_ONLY, 0 },
};
SPEC(q, phase_questions, question, STORE_QUESTION, N_("New question"), N_("Edit question"), 0,
     NULL);
PHASE_ROWS(q, question, q, text)

int question_move_row(struct app *a, struct plist *p, int i)
{
	int64_t id = 0;
	enum ko_err rc = store_question_move(a->st, p->v.q.v[i].id, &id);
	if (rc != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	app_msg(a, MSG_OK, _("moved to the TKO as question %lld (u undoes)"), (long long)id);
	return SCR_HANDLED | SCR_CHANGED;
}

static void q_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)a;
	int open = 0;
	for (size_t i = 0; i < p->v.q.n; i++)
		open += p->v.q.v[i].status == QSTATUS_OPEN;
	snprintf(buf, n, ngettext("%d question · %d open · T moves an open one to the TKO",
	                          "%d questions · %d open · T moves an open one to the TKO", p->n),
	         p->n, open);
}

const struct phase_def phase_questions = {
	PHASE_DEF(q, question), .summary = q_summary,
};
