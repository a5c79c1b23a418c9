/* phases.c - the six list phases as data: how each reads its rows, draws
 * a row, ticks or cycles with Space, and what its form asks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "phase.h"

static attr_t hd(void)
{
	return ui_attr(ST_DIM) | A_BOLD;
}

static struct cell marker(bool sel)
{
	return (struct cell){ 1, sel ? "▸" : " ", sel ? ui_attr(ST_CURSOR) : A_NORMAL, false };
}

/* The first line of a text that may have several. */
static const char *first_line(const char *s, char *buf, size_t n)
{
	size_t len = strcspn(s, "\n");
	if (s[len] == '\0')
		return s;
	snprintf(buf, n, "%.*s …", (int)(len < n - 8 ? len : n - 8), s);
	return buf;
}

static int parse_item(const char *s, int *out)
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

/* An agenda item's number as a partial edit takes it ("" for none). */
static const char *item_number(int item, char *buf, size_t n)
{
	buf[0] = '\0';
	if (item)
		snprintf(buf, n, "%d", item);
	return buf;
}

static enum ko_err bad_item(struct app *a, const char *text)
{
	app_msg(a, MSG_ERROR, _("invalid value: agenda item '%s' is not a number"), text);
	return KO_INVALID;
}

static int keep_new(struct plist *p, const struct phase_def *def, int64_t id)
{
	if (p->def == def)
		p->keep_id = id;
	return 0;
}

/* ---- re-reading an edited row after a conflict ---- */

static void th_text(struct form_theirs *th, int i, const char *s)
{
	free(th->text[i]);
	th->text[i] = strdup(s ? s : "");
}

static void th_item(struct form_theirs *th, int i, int position)
{
	char num[16] = "";
	if (position)
		snprintf(num, sizeof num, "%d", position);
	th_text(th, i, num);
}

/* Fills th from the row of the form's table with the form's id, read
 * with the meeting's list reader. */
#define REREAD(fn, vec_t, reader, free_fn, fill) \
	static enum ko_err fn(struct app *a, struct form *fm, struct form_theirs *th) \
	{ \
		vec_t v = { 0 }; \
		enum ko_err rc = reader(a->st, a->meeting_id, &v); \
		if (rc != KO_OK) \
			return rc; \
		rc = KO_NOTFOUND; \
		for (size_t k = 0; k < v.n; k++) { \
			if (v.v[k].id != fm->id) \
				continue; \
			__typeof__(&v.v[k]) r = &v.v[k]; \
			fill; \
			th->version = r->version; \
			rc = KO_OK; \
		} \
		free_fn(&v); \
		return rc; \
	}

/* ---- attendees ---- */

static enum ko_err att_load(struct app *a, struct plist *p)
{
	enum ko_err rc = store_attendees(a->st, a->meeting_id, &p->v.att);
	p->n = rc == KO_OK ? (int)p->v.att.n : 0;
	return rc;
}
static void att_free(struct plist *p) { vec_attendee_free(&p->v.att); }
static int64_t att_id(const struct plist *p, int i) { return p->v.att.v[i].id; }
static const char *att_text(const struct plist *p, int i) { return p->v.att.v[i].name; }

static void att_columns(struct app *a, int y)
{
	(void)a;
	struct cell c[] = {
		{ 1, "", 0, false }, { 3, "", 0, false }, { -3, _("Name"), hd(), false },
		{ -2, _("Role"), hd(), false }, { -2, _("Organisation"), hd(), false },
	};
	ui_cells(y, 0, COLS, c, 5);
}

static void att_row(struct app *a, const struct plist *p, int i, int y, bool sel)
{
	(void)a;
	const struct attendee *at = &p->v.att.v[i];
	struct cell c[] = {
		marker(sel), { 3, at->present ? "[✓]" : "[ ]", at->present ? ui_attr(ST_DONE) : A_NORMAL, false },
		{ -3, at->name, A_NORMAL, false }, { -2, at->role, A_NORMAL, false },
		{ -2, at->organisation, A_NORMAL, false },
	};
	ui_cells(y, 0, COLS, c, 5);
}

static int att_toggle(struct app *a, struct plist *p, int i)
{
	const struct attendee *at = &p->v.att.v[i];
	if (store_attendee_set_present(a->st, at->id, !at->present) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

static enum ko_err att_save(struct app *a, struct form *fm)
{
	struct plist *p = fm->owner;
	if (!fm->id) {
		int64_t id;
		enum ko_err rc = store_attendee_add(a->st, a->meeting_id, form_text(fm, 0),
		                                    form_text(fm, 1), form_text(fm, 2), false, &id);
		if (rc == KO_OK)
			keep_new(p, &phase_attendees, id);
		return rc;
	}
	/* Presence is not in the form: a tick made meanwhile stays. */
	struct store_patch patch;
	form_patch(fm, &patch);
	return form_save_patch(a, STORE_ATTENDEE, fm->id, &patch);
}

REREAD(att_reread, vec_attendee, store_attendees, vec_attendee_free, (
	th_text(th, 0, r->name), th_text(th, 1, r->role), th_text(th, 2, r->organisation),
	fm->arg = r->present))

static void att_form(struct app *a, struct plist *p, int i, int item, int focus)
{
	(void)item;
	const struct attendee *at = i >= 0 ? &p->v.att.v[i] : NULL;
	struct form *fm = form_new(at ? _("Edit attendee") : _("New attendee"), att_save);
	if (!fm)
		return;
	fm->owner = p;
	form_field(fm, N_("Name"), F_TEXT, at ? at->name : NULL);
	form_field(fm, N_("Role"), F_TEXT, at ? at->role : NULL);
	form_field(fm, N_("Organisation"), F_TEXT, at ? at->organisation : NULL);
	if (at) {
		fm->id = fm->row_id = at->id;
		fm->version = at->version;
		fm->arg = at->present;
		fm->table = "attendee";
		fm->reread = att_reread;
	}
	form_open(a, fm, focus);
}

static void att_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, _("invited %d · present %d"), a->progress.attendees, a->progress.present);
}

const struct phase_def phase_attendees = {
	.entity = &entity_attendee, .row_size = sizeof(struct attendee),
	.load = att_load, .free_rows = att_free, .row_id = att_id, .row_text = att_text,
	.columns = att_columns, .row = att_row, .toggle = att_toggle, .form = att_form,
	.del = store_attendee_delete, .summary = att_summary,
};

/* ---- agenda ---- */

static enum ko_err it_load(struct app *a, struct plist *p)
{
	enum ko_err rc = store_items(a->st, a->meeting_id, &p->v.it);
	p->n = rc == KO_OK ? (int)p->v.it.n : 0;
	return rc;
}
static void it_free(struct plist *p) { vec_item_free(&p->v.it); }
static int64_t it_id(const struct plist *p, int i) { return p->v.it.v[i].id; }
static const char *it_text(const struct plist *p, int i) { return p->v.it.v[i].title; }

static void it_columns(struct app *a, int y)
{
	(void)a;
	struct cell c[] = {
		{ 1, "", 0, false }, { 3, "", 0, false }, { 2, "#", hd(), true },
		{ -5, _("Item"), hd(), false }, { -2, _("Note"), hd(), false },
		{ 11, _("Ticked"), hd(), false }, { 10, _("By"), hd(), false },
	};
	ui_cells(y, 0, COLS, c, 7);
}

static void it_row(struct app *a, const struct plist *p, int i, int y, bool sel)
{
	(void)a;
	const struct item *it = &p->v.it.v[i];
	bool ticked = it->checked_at[0] != '\0';
	char num[16], when[17] = "", note[128];
	snprintf(num, sizeof num, "%d", it->position);
	if (ticked)
		stamp_to_local(it->checked_at, when);
	struct cell c[] = {
		marker(sel), { 3, ticked ? "[x]" : "[ ]", ticked ? ui_attr(ST_DONE) : A_NORMAL, false },
		{ 2, num, A_NORMAL, true }, { -5, it->title, A_NORMAL, false },
		{ -2, first_line(it->note, note, sizeof note), ui_attr(ST_DIM), false },
		{ 11, ticked ? when + 5 : "", A_NORMAL, false }, { 10, it->checked_by, A_NORMAL, false },
	};
	ui_cells(y, 0, COLS, c, 7);
}

static int it_toggle(struct app *a, struct plist *p, int i)
{
	const struct item *it = &p->v.it.v[i];
	if (store_item_set_checked(a->st, it->id, it->checked_at[0] == '\0') != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

static enum ko_err it_save(struct app *a, struct form *fm)
{
	struct plist *p = fm->owner;
	if (!fm->id) {
		int64_t id;
		enum ko_err rc = store_item_add(a->st, a->meeting_id, form_text(fm, 0), &id);
		if (rc == KO_OK)
			keep_new(p, &phase_agenda, id);
		if (rc == KO_OK && *form_text(fm, 1)) {
			/* The note goes in with a second write to the new row. */
			struct store_patch patch = { 0 };
			store_patch_set(&patch, FIELD_ITEM_NOTE, form_text(fm, 1));
			rc = store_patch(a->st, STORE_ITEM, id, &patch);
		}
		return rc;
	}
	struct store_patch patch;
	form_patch(fm, &patch);
	return form_save_patch(a, STORE_ITEM, fm->id, &patch);
}

REREAD(it_reread, vec_item, store_items, vec_item_free, (
	th_text(th, 0, r->title), th_text(th, 1, r->note)))

static void it_form(struct app *a, struct plist *p, int i, int item, int focus)
{
	(void)item;
	const struct item *it = i >= 0 ? &p->v.it.v[i] : NULL;
	struct form *fm = form_new(it ? _("Agenda item") : _("New agenda item"), it_save);
	if (!fm)
		return;
	fm->owner = p;
	form_field(fm, N_("Item"), F_TEXT, it ? it->title : NULL);
	form_field(fm, N_("Note"), F_LONG, it ? it->note : NULL);
	if (it) {
		fm->id = fm->row_id = it->id;
		fm->version = it->version;
		fm->table = "item";
		fm->reread = it_reread;
		/* Enter on an item is mostly for its note. */
		focus = 1;
	}
	form_open(a, fm, focus);
}

static void it_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, _("%d of %d ticked · Space ticks · D adds a decision, R a risk on the item"),
	         a->progress.checked, a->progress.items);
}

const struct phase_def phase_agenda = {
	.entity = &entity_item, .row_size = sizeof(struct item),
	.load = it_load, .free_rows = it_free, .row_id = it_id, .row_text = it_text,
	.columns = it_columns, .row = it_row, .toggle = it_toggle, .form = it_form,
	.del = store_item_delete, .summary = it_summary,
};

/* ---- decisions ---- */

static enum ko_err dec_load(struct app *a, struct plist *p)
{
	enum ko_err rc = store_decisions(a->st, a->meeting_id, &p->v.dec);
	p->n = rc == KO_OK ? (int)p->v.dec.n : 0;
	return rc;
}
static void dec_free(struct plist *p) { vec_decision_free(&p->v.dec); }
static int64_t dec_id(const struct plist *p, int i) { return p->v.dec.v[i].id; }
static const char *dec_text(const struct plist *p, int i) { return p->v.dec.v[i].text; }

static void dec_columns(struct app *a, int y)
{
	(void)a;
	struct cell c[] = {
		{ 1, "", 0, false }, { -5, _("Decision"), hd(), false },
		{ -2, _("Decided by"), hd(), false }, { 4, _("Item"), hd(), true },
	};
	ui_cells(y, 0, COLS, c, 4);
}

static void dec_row(struct app *a, const struct plist *p, int i, int y, bool sel)
{
	(void)a;
	const struct decision *d = &p->v.dec.v[i];
	char item[16] = "", text[256];
	if (d->item_position)
		snprintf(item, sizeof item, "#%d", d->item_position);
	struct cell c[] = {
		marker(sel), { -5, first_line(d->text, text, sizeof text), A_NORMAL, false },
		{ -2, d->decided_by, A_NORMAL, false }, { 4, item, ui_attr(ST_DIM), true },
	};
	ui_cells(y, 0, COLS, c, 4);
}

static enum ko_err dec_save(struct app *a, struct form *fm)
{
	struct plist *p = fm->owner;
	int item;
	if (parse_item(form_text(fm, 2), &item) != 0)
		return bad_item(a, form_text(fm, 2));
	if (!fm->id) {
		int64_t id;
		enum ko_err rc = store_decision_add(a->st, a->meeting_id, form_text(fm, 0),
		                                    form_text(fm, 1), item, &id);
		if (rc == KO_OK) {
			keep_new(p, &phase_decisions, id);
			if (p->def != &phase_decisions)
				app_msg(a, MSG_OK, _("decision recorded on item %d"), item);
		}
		return rc;
	}
	struct store_patch patch;
	form_patch(fm, &patch);
	char num[16];
	patch.value[FIELD_DECISION_ITEM] = item_number(item, num, sizeof num);
	return form_save_patch(a, STORE_DECISION, fm->id, &patch);
}

REREAD(dec_reread, vec_decision, store_decisions, vec_decision_free, (
	th_text(th, 0, r->text), th_text(th, 1, r->decided_by), th_item(th, 2, r->item_position)))

static void dec_form(struct app *a, struct plist *p, int i, int item, int focus)
{
	const struct decision *d = i >= 0 && p->def == &phase_decisions ? &p->v.dec.v[i] : NULL;
	struct form *fm = form_new(d ? _("Edit decision") : _("New decision"), dec_save);
	if (!fm)
		return;
	fm->owner = p;
	char num[16] = "";
	int pos = d ? d->item_position : item;
	if (pos)
		snprintf(num, sizeof num, "%d", pos);
	form_field(fm, N_("Decision"), F_LONG, d ? d->text : NULL);
	form_field(fm, N_("Decided by"), F_TEXT, d ? d->decided_by : NULL);
	form_field(fm, N_("Agenda item no."), F_TEXT, num);
	if (d) {
		fm->id = fm->row_id = d->id;
		fm->version = d->version;
		fm->table = "decision";
		fm->reread = dec_reread;
	}
	form_open(a, fm, focus);
}

void decision_form_for_item(struct app *a, struct plist *p, int item)
{
	dec_form(a, p, -1, item, 0);
}

static void dec_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)a;
	snprintf(buf, n, ngettext("%d decision", "%d decisions", p->n), p->n);
}

const struct phase_def phase_decisions = {
	.entity = &entity_decision, .row_size = sizeof(struct decision),
	.load = dec_load, .free_rows = dec_free, .row_id = dec_id, .row_text = dec_text,
	.columns = dec_columns, .row = dec_row, .form = dec_form,
	.del = store_decision_delete, .summary = dec_summary,
};

/* ---- risks ---- */

static const char *const level_choices[] = { N_("low"), N_("medium"), N_("high"), NULL };
static const char *const risk_status_choices[] = {
	N_("open"), N_("mitigated"), N_("closed"), NULL,
};

static enum ko_err risk_load(struct app *a, struct plist *p)
{
	enum ko_err rc = store_risks(a->st, a->meeting_id, &p->v.risk);
	p->n = rc == KO_OK ? (int)p->v.risk.n : 0;
	return rc;
}
static void risks_free(struct plist *p) { vec_risk_free(&p->v.risk); }
static int64_t risk_id(const struct plist *p, int i) { return p->v.risk.v[i].id; }
static const char *risk_text(const struct plist *p, int i) { return p->v.risk.v[i].text; }

static void risk_columns(struct app *a, int y)
{
	(void)a;
	struct cell c[] = {
		{ 1, "", 0, false }, { -4, _("Risk"), hd(), false }, { 6, _("Likely"), hd(), false },
		{ 6, _("Impact"), hd(), false }, { -2, _("Owner"), hd(), false },
		{ 9, _("Status"), hd(), false }, { 4, _("Item"), hd(), true },
	};
	ui_cells(y, 0, COLS, c, 7);
}

static void risk_row(struct app *a, const struct plist *p, int i, int y, bool sel)
{
	(void)a;
	const struct risk *r = &p->v.risk.v[i];
	char item[16] = "", text[256];
	if (r->item_position)
		snprintf(item, sizeof item, "#%d", r->item_position);
	struct cell c[] = {
		marker(sel), { -4, first_line(r->text, text, sizeof text), A_NORMAL, false },
		{ 6, _(level_choices[r->likelihood]), A_NORMAL, false },
		{ 6, _(level_choices[r->impact]), r->impact == LEVEL_HIGH ? ui_attr(ST_WARN) : A_NORMAL, false },
		{ -2, r->owner, A_NORMAL, false },
		{ 9, _(risk_status_choices[r->status]), r->status == RSTATUS_OPEN ? A_NORMAL : ui_attr(ST_DONE), false },
		{ 4, item, ui_attr(ST_DIM), true },
	};
	ui_cells(y, 0, COLS, c, 7);
}

/* Space sets the status after the one the screen shows, and only the
 * status: another session's edit of the risk meanwhile stays. */
static int risk_toggle(struct app *a, struct plist *p, int i)
{
	const struct risk *r = &p->v.risk.v[i];
	struct store_patch patch = { 0 };
	store_patch_set(&patch, FIELD_RISK_STATUS, risk_status_name((r->status + 1) % 3));
	enum ko_err rc = store_patch(a->st, STORE_RISK, r->id, &patch);
	if (rc != KO_OK) {
		if (rc == KO_NOTFOUND)
			app_msg(a, MSG_WARN, "%s", _("this risk was deleted by another session"));
		else
			app_store_error(a);
		return SCR_HANDLED | SCR_CHANGED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

enum { RF_TEXT, RF_LIKELY, RF_IMPACT, RF_MITIGATION, RF_OWNER, RF_STATUS, RF_ITEM };

static enum ko_err risk_save(struct app *a, struct form *fm)
{
	struct plist *p = fm->owner;
	int item;
	if (parse_item(form_text(fm, RF_ITEM), &item) != 0)
		return bad_item(a, form_text(fm, RF_ITEM));
	if (!fm->id) {
		int64_t id;
		enum ko_err rc = store_risk_add(a->st, a->meeting_id, form_text(fm, RF_TEXT),
		                                (enum level)fm->f[RF_LIKELY].choice,
		                                (enum level)fm->f[RF_IMPACT].choice,
		                                form_text(fm, RF_MITIGATION), form_text(fm, RF_OWNER),
		                                item, &id);
		if (rc == KO_OK && fm->f[RF_STATUS].choice != RSTATUS_OPEN) {
			/* A new risk is open: another status goes in with a second
			 * write to the new row. */
			struct store_patch patch = { 0 };
			store_patch_set(&patch, FIELD_RISK_STATUS,
			                risk_status_name((enum risk_status)fm->f[RF_STATUS].choice));
			rc = store_patch(a->st, STORE_RISK, id, &patch);
		}
		if (rc == KO_OK) {
			keep_new(p, &phase_risks, id);
			if (p->def != &phase_risks)
				app_msg(a, MSG_OK, _("risk recorded on item %d"), item);
		}
		return rc;
	}
	struct store_patch patch;
	form_patch(fm, &patch);
	char num[16];
	patch.value[RF_ITEM] = item_number(item, num, sizeof num);
	return form_save_patch(a, STORE_RISK, fm->id, &patch);
}

REREAD(risk_reread, vec_risk, store_risks, vec_risk_free, (
	th_text(th, RF_TEXT, r->text), th->choice[RF_LIKELY] = (int)r->likelihood,
	th->choice[RF_IMPACT] = (int)r->impact, th_text(th, RF_MITIGATION, r->mitigation),
	th_text(th, RF_OWNER, r->owner), th->choice[RF_STATUS] = (int)r->status,
	th_item(th, RF_ITEM, r->item_position)))

static void risk_form(struct app *a, struct plist *p, int i, int item, int focus)
{
	const struct risk *r = i >= 0 && p->def == &phase_risks ? &p->v.risk.v[i] : NULL;
	struct form *fm = form_new(r ? _("Edit risk") : _("New risk"), risk_save);
	if (!fm)
		return;
	fm->owner = p;
	char num[16] = "";
	int pos = r ? r->item_position : item;
	if (pos)
		snprintf(num, sizeof num, "%d", pos);
	form_field(fm, N_("Risk"), F_TEXT, r ? r->text : NULL);
	form_choice(fm, N_("Likelihood"), level_choices, r ? (int)r->likelihood : LEVEL_MEDIUM);
	form_choice(fm, N_("Impact"), level_choices, r ? (int)r->impact : LEVEL_MEDIUM);
	form_field(fm, N_("Mitigation"), F_TEXT, r ? r->mitigation : NULL);
	form_field(fm, N_("Owner"), F_TEXT, r ? r->owner : NULL);
	form_choice(fm, N_("Status"), risk_status_choices, r ? (int)r->status : RSTATUS_OPEN);
	form_field(fm, N_("Agenda item no."), F_TEXT, num);
	if (r) {
		fm->id = fm->row_id = r->id;
		fm->version = r->version;
		fm->table = "risk";
		fm->reread = risk_reread;
	}
	form_open(a, fm, focus);
}

void risk_form_for_item(struct app *a, struct plist *p, int item)
{
	risk_form(a, p, -1, item, 0);
}

static void risk_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, ngettext("%d risk · %d open · Space changes the status",
	                          "%d risks · %d open · Space changes the status", a->progress.risks),
	         a->progress.risks, a->progress.risks_open);
}

const struct phase_def phase_risks = {
	.entity = &entity_risk, .row_size = sizeof(struct risk),
	.load = risk_load, .free_rows = risks_free, .row_id = risk_id, .row_text = risk_text,
	.columns = risk_columns, .row = risk_row, .toggle = risk_toggle, .form = risk_form,
	.del = store_risk_delete, .summary = risk_summary,
};

/* ---- outputs ---- */

static const char *const output_status_choices[] = {
	N_("todo"), N_("drafting"), N_("done"), NULL,
};

static enum ko_err out_load(struct app *a, struct plist *p)
{
	enum ko_err rc = store_outputs(a->st, a->meeting_id, &p->v.out);
	p->n = rc == KO_OK ? (int)p->v.out.n : 0;
	return rc;
}
static void out_free(struct plist *p) { vec_output_free(&p->v.out); }
static int64_t out_id(const struct plist *p, int i) { return p->v.out.v[i].id; }
static const char *out_text(const struct plist *p, int i) { return p->v.out.v[i].name; }

static void out_columns(struct app *a, int y)
{
	(void)a;
	struct cell c[] = {
		{ 1, "", 0, false }, { 2, "#", hd(), true }, { -4, _("Output"), hd(), false },
		{ -2, _("Owner"), hd(), false }, { 8, _("Status"), hd(), false },
		{ -2, _("Link"), hd(), false },
	};
	ui_cells(y, 0, COLS, c, 6);
}

static void out_row(struct app *a, const struct plist *p, int i, int y, bool sel)
{
	(void)a;
	const struct output *o = &p->v.out.v[i];
	char num[16];
	snprintf(num, sizeof num, "%d", o->position);
	attr_t st = o->status == OSTATUS_DONE ? ui_attr(ST_DONE)
	          : o->status == OSTATUS_DRAFTING ? ui_attr(ST_WARN) : A_NORMAL;
	struct cell c[] = {
		marker(sel), { 2, num, A_NORMAL, true }, { -4, o->name, A_NORMAL, false },
		{ -2, o->owner, A_NORMAL, false },
		{ 8, _(output_status_choices[o->status]), st, false },
		{ -2, o->link, ui_attr(ST_DIM), false },
	};
	ui_cells(y, 0, COLS, c, 6);
}

static int out_toggle(struct app *a, struct plist *p, int i)
{
	const struct output *o = &p->v.out.v[i];
	if (store_output_set(a->st, a->meeting_id, o->position,
	                     (enum output_status)((o->status + 1) % 3), NULL) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

static enum ko_err out_save(struct app *a, struct form *fm)
{
	struct plist *p = fm->owner;
	struct store_patch patch;
	form_patch(fm, &patch);
	if (fm->id)
		return form_save_patch(a, STORE_OUTPUT, fm->id, &patch);
	int64_t id;
	enum ko_err rc = store_output_add(a->st, a->meeting_id, form_text(fm, 0), &id);
	if (rc != KO_OK)
		return rc;
	keep_new(p, &phase_outputs, id);
	/* The rest goes in with a second write to the new row, whose fields
	 * are only ours yet. */
	patch.mask &= ~(1u << FIELD_OUTPUT_NAME);
	memset(patch.base, 0, sizeof patch.base);
	return store_patch(a->st, STORE_OUTPUT, id, &patch);
}

REREAD(out_reread, vec_output, store_outputs, vec_output_free, (
	th_text(th, 0, r->name), th_text(th, 1, r->owner), th->choice[2] = (int)r->status,
	th_text(th, 3, r->link)))

static void out_form(struct app *a, struct plist *p, int i, int item, int focus)
{
	(void)item;
	const struct output *o = i >= 0 ? &p->v.out.v[i] : NULL;
	struct form *fm = form_new(o ? _("Edit output") : _("New output"), out_save);
	if (!fm)
		return;
	fm->owner = p;
	form_field(fm, N_("Output"), F_TEXT, o ? o->name : NULL);
	form_field(fm, N_("Owner"), F_TEXT, o ? o->owner : NULL);
	form_choice(fm, N_("Status"), output_status_choices, o ? (int)o->status : OSTATUS_TODO);
	form_field(fm, N_("Link"), F_TEXT, o ? o->link : NULL);
	if (o) {
		fm->id = fm->row_id = o->id;
		fm->version = o->version;
		fm->table = "output";
		fm->reread = out_reread;
	}
	form_open(a, fm, focus);
}

static void out_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, _("%d of %d done · Space: todo → drafting → done"), a->progress.outputs_done,
	         a->progress.outputs);
}

const struct phase_def phase_outputs = {
	.entity = &entity_output, .row_size = sizeof(struct output),
	.load = out_load, .free_rows = out_free, .row_id = out_id, .row_text = out_text,
	.columns = out_columns, .row = out_row, .toggle = out_toggle, .form = out_form,
	.del = store_output_delete, .summary = out_summary,
};

/* ---- actions ---- */

static const char *const action_status_choices[] = {
	N_("open"), N_("done"), N_("dropped"), NULL,
};

static enum ko_err act_load(struct app *a, struct plist *p)
{
	enum ko_err rc = store_actions(a->st, a->meeting_id, &p->v.act);
	p->n = rc == KO_OK ? (int)p->v.act.n : 0;
	return rc;
}
static void act_free(struct plist *p) { vec_action_free(&p->v.act); }
static int64_t act_id(const struct plist *p, int i) { return p->v.act.v[i].id; }
static const char *act_text(const struct plist *p, int i) { return p->v.act.v[i].text; }

static void act_columns(struct app *a, int y)
{
	(void)a;
	struct cell c[] = {
		{ 1, "", 0, false }, { 1, "", 0, false }, { -4, _("Action"), hd(), false },
		{ -2, _("Owner"), hd(), false }, { 10, _("Due"), hd(), false },
		{ 8, _("Status"), hd(), false },
	};
	ui_cells(y, 0, COLS, c, 6);
}

static void act_row(struct app *a, const struct plist *p, int i, int y, bool sel)
{
	const struct action *ac = &p->v.act.v[i];
	bool late = action_is_overdue(ac, a->today);
	attr_t at = late ? ui_attr(ST_OVERDUE) : A_NORMAL;
	attr_t st = ac->status == ASTATUS_DONE ? ui_attr(ST_DONE)
	          : ac->status == ASTATUS_DROPPED ? ui_attr(ST_DIM) : at;
	char text[256];
	struct cell c[] = {
		marker(sel), { 1, late ? "!" : " ", at, false },
		{ -4, first_line(ac->text, text, sizeof text), at, false },
		{ -2, ac->owner, at, false }, { 10, *ac->due ? ac->due : "—", at, false },
		{ 8, late ? _("overdue") : _(action_status_choices[ac->status]), st, false },
	};
	ui_cells(y, 0, COLS, c, 6);
}

static int act_toggle(struct app *a, struct plist *p, int i)
{
	const struct action *ac = &p->v.act.v[i];
	enum action_status to = ac->status == ASTATUS_OPEN ? ASTATUS_DONE : ASTATUS_OPEN;
	if (store_action_set_status(a->st, ac->id, to) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED;
	}
	app_saved(a);
	return SCR_HANDLED | SCR_CHANGED;
}

static enum ko_err act_save(struct app *a, struct form *fm)
{
	struct plist *p = fm->owner;
	if (!fm->id) {
		int64_t id;
		enum ko_err rc = store_action_add(a->st, a->meeting_id, form_text(fm, 0),
		                                  form_text(fm, 1), form_text(fm, 2), 0, &id);
		if (rc == KO_OK)
			keep_new(p, &phase_actions, id);
		return rc;
	}
	/* The decision it follows from is not in the form: it is left as
	 * stored. */
	struct store_patch patch;
	form_patch(fm, &patch);
	return form_save_patch(a, STORE_ACTION, fm->id, &patch);
}

static enum ko_err act_reread(struct app *a, struct form *fm, struct form_theirs *th)
{
	struct action ac;
	enum ko_err rc = store_action_get(a->st, fm->id, &ac);
	if (rc != KO_OK)
		return rc;
	th_text(th, 0, ac.text);
	th_text(th, 1, ac.owner);
	th_text(th, 2, ac.due);
	th->choice[3] = (int)ac.status;
	th->version = ac.version;
	fm->id2 = ac.decision_id;
	action_free(&ac);
	return KO_OK;
}

static void act_form(struct app *a, struct plist *p, int i, int item, int focus)
{
	(void)item;
	const struct action *ac = i >= 0 ? &p->v.act.v[i] : NULL;
	struct form *fm = form_new(ac ? _("Edit action") : _("New action"), act_save);
	if (!fm)
		return;
	fm->owner = p;
	form_field(fm, N_("Action"), F_TEXT, ac ? ac->text : NULL);
	form_field(fm, N_("Owner"), F_TEXT, ac ? ac->owner : NULL);
	form_field(fm, N_("Due date"), F_DATE, ac ? ac->due : NULL);
	if (ac) {
		form_choice(fm, N_("Status"), action_status_choices, (int)ac->status);
		fm->id = fm->row_id = ac->id;
		fm->id2 = ac->decision_id;
		fm->version = ac->version;
		fm->table = "action";
		fm->reread = act_reread;
	}
	form_open(a, fm, focus);
}

static void act_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	(void)p;
	snprintf(buf, n, ngettext("%d action · %d done · %d overdue · Space marks done",
	                          "%d actions · %d done · %d overdue · Space marks done",
	                          a->progress.actions),
	         a->progress.actions, a->progress.actions_done, a->progress.actions_overdue);
}

const struct phase_def phase_actions = {
	.entity = &entity_action, .row_size = sizeof(struct action),
	.load = act_load, .free_rows = act_free, .row_id = act_id, .row_text = act_text,
	.columns = act_columns, .row = act_row, .toggle = act_toggle, .form = act_form,
	.del = store_action_delete, .summary = act_summary,
};
