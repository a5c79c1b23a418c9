/* draft.c - a form cut off by a hang-up or a kill, kept as a draft and
 * offered back at the next start (see draft.h). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "draft.h"
#include "ui.h"

/* The draft is JSON: the form's phase, title, row and version, and every
 * field's text now and when the form opened. */
static json_t *offered;     /* the draft being offered, until answered */
static int64_t offered_meeting;
/* The offer's question while it is open, and the draft as it was stored:
 * taken from the store when offered, it goes back there if a signal ends
 * the screens before the question is answered. */
static struct screen *offer_question;
static char *offered_what, *offered_text;

void draft_save(struct app *a)
{
	if (offer_question) {
		store_draft_save(a->st, offered_meeting, offered_what ? offered_what : "", offered_text);
		return;
	}
	/* The form may be under its own question ("Discard your
	 * changes?") or a conflict. */
	struct screen *top = app_top(a);
	struct form *fm = NULL;
	while (top && !(fm = form_of(top)))
		top = app_below(a, top);
	if (!fm)
		return;
	struct screen *below = app_below(a, top);
	json_t *fields = json_array(), *origs = json_array();
	bool typed = false;
	for (int i = 0; i < fm->nf; i++) {
		const struct field *f = &fm->f[i];
		json_array_append_new(fields, f->kind == F_CHOICE ? json_integer(f->choice)
		                                                  : json_string(f->le.buf));
		/* What the field held when the form opened: the base of the
		 * merge when the row changed since (conflict.c). */
		json_array_append_new(origs, f->kind == F_CHOICE ? json_integer(f->orig_choice)
		                                                 : json_string(f->orig ? f->orig : ""));
		typed |= f->kind != F_CHOICE && f->le.buf[0];
	}
	/* An edit keeps the row and the version it started from, so that
	 * the restored form still meets another session's change since. */
	json_t *j = json_pack("{s:i, s:s, s:b, s:I, s:I, s:o, s:o}", "phase", below ? below->ops->phase : 0,
	                      "title", fm->title ? fm->title : "", "edit", fm->id != 0,
	                      "row", (json_int_t)(fm->row_id ? fm->row_id : fm->id),
	                      "version", (json_int_t)fm->version, "fields", fields, "orig", origs);
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	if (typed && text)
		store_draft_save(a->st, a->meeting_id, fm->title ? fm->title : "", text);
	free(text);
	json_decref(j);
}

static int restore_draft(struct app *a, void *ctx)
{
	(void)ctx;
	int phase = (int)json_integer_value(json_object_get(offered, "phase"));
	json_t *fields = json_object_get(offered, "fields");
	if (!offered_meeting || phase < 1 || !app_load_meeting(a, offered_meeting)) {
		app_msg(a, MSG_WARN, "%s", _("the draft's meeting is gone; the draft was dropped"));
		return SCR_HANDLED;
	}
	/* Open the phase over the question (which then closes beneath it),
	 * ask it for the row being edited, or a new entry, and put the text
	 * back into its form. */
	bool edit = json_is_true(json_object_get(offered, "edit"));
	int64_t row = (int64_t)json_integer_value(json_object_get(offered, "row"));
	int64_t version = (int64_t)json_integer_value(json_object_get(offered, "version"));
	app_open_phase(a, phase, false);
	struct screen *top = app_top(a);
	bool opened = edit && row && top && top->ops->phase == phase && phase_edit_row(a, top, row);
	if (!opened && top && top->ops->phase == phase && top->ops->action)
		top->ops->action(a, top, ACTION_ADD, 0);
	struct form *fm = form_of(app_top(a));
	if (!fm) {
		app_msg(a, MSG_WARN, "%s", _("the draft could not be put back"));
		return SCR_HANDLED;
	}
	/* The version and the starting values the draft's form had: a save
	 * then meets another session's change since as a conflict, merged
	 * against what this user started from, not against the row now. */
	json_t *origs = json_object_get(offered, "orig");
	if (row && fm->row_id == row && version > 0) {
		fm->version = version;
		for (int i = 0; i < fm->nf && i < (int)json_array_size(origs); i++) {
			json_t *v = json_array_get(origs, i);
			if (fm->f[i].kind == F_CHOICE && json_is_integer(v)) {
				fm->f[i].orig_choice = (int)json_integer_value(v);
			} else if (json_is_string(v)) {
				char *o = strdup(json_string_value(v));
				if (o) {
					free(fm->f[i].orig);
					fm->f[i].orig = o;
				}
			}
		}
	}
	for (int i = 0; i < fm->nf && i < (int)json_array_size(fields); i++) {
		json_t *v = json_array_get(fields, i);
		if (fm->f[i].kind == F_CHOICE && json_is_integer(v))
			fm->f[i].choice = (int)json_integer_value(v);
		else if (json_is_string(v))
			le_set(&fm->f[i].le, json_string_value(v));
	}
	if (edit && !opened)
		app_msg(a, MSG_WARN, "%s",
		        _("the entry being edited is gone; the draft is restored as a new one"));
	else
		app_msg(a, MSG_OK, "%s", _("draft restored: Enter saves it, Esc drops it"));
	return SCR_HANDLED;
}

void draft_offer(struct app *a)
{
	int64_t meeting_id;
	char *what = NULL, *text = NULL;
	if (store_draft_take(a->st, &meeting_id, &what, &text) != KO_OK || !text) {
		free(what);
		free(text);
		return;
	}
	offered = json_loads(text, 0, NULL);
	offered_meeting = meeting_id;
	json_t *fields = json_object_get(offered, "fields");
	const char *first = json_string_value(json_array_get(fields, 0));
	if (offered && first) {
		char q[512];
		snprintf(q, sizeof q, _("Your last session was cut off while typing in %s: \"%.80s\". Open it again? (y/n)"),
		         what, first);
		/* Taken from the store already: any answer but y drops it,
		 * and the message says so. */
		confirm_ask(a, q, restore_draft, NULL, _("the draft was dropped"));
		offer_question = app_top(a);
		offered_what = what;
		offered_text = text;
		return;
	}
	free(what);
	free(text);
}

void draft_answered(struct app *a)
{
	if (offer_question && app_top(a) != offer_question)
		offer_question = NULL;
}

void draft_forget(void)
{
	offer_question = NULL;
	free(offered_what);
	free(offered_text);
	offered_what = offered_text = NULL;
	json_decref(offered);
	offered = NULL;
}
