/* conflict.c - an edit that met another session's change.
 *
 * A form saves only the fields changed in it, each checked inside the
 * write against the value the form started from (form_patch); the store
 * answers KO_CONFLICT when another session changed one of them too.
 * Nothing typed is lost: a field that only the other session changed
 * takes their value, a field only this one changed keeps ours, and when
 * no field was changed by both (it changed back meanwhile) the form
 * simply saves again.  Otherwise a
 * screen over the form shows, field by field, their text and ours, and
 * asks: m keeps mine (saved over the new version), t takes theirs (the
 * form closes without writing), e merges (the form again, each such field
 * holding their text then ours, to be edited and saved).  When the row
 * was deleted meanwhile, the screen says who deleted it and n saves the
 * text as a new row.  The dialog stands in the form's place and lists
 * its keys itself, on rows of their own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "kickoff/text.h"
#include "kickoff/wrap.h"
#include "ui.h"

#define ESC 27
#define RETRIES 3

struct conflict {
	struct form *fm;             /* the form under this screen */
	struct form_theirs th;
	bool gone;                   /* the row was deleted meanwhile */
	char who[128];
	char when[17];
};

bool form_theirs_init(struct form_theirs *th, int n)
{
	memset(th, 0, sizeof *th);
	th->text = calloc((size_t)(n ? n : 1), sizeof *th->text);
	th->choice = calloc((size_t)(n ? n : 1), sizeof *th->choice);
	th->n = n;
	if (th->text && th->choice)
		return true;
	free(th->text);
	free(th->choice);
	memset(th, 0, sizeof *th);
	return false;
}

void form_theirs_free(struct form_theirs *th)
{
	for (int i = 0; th->text && i < th->n; i++)
		free(th->text[i]);
	free(th->text);
	free(th->choice);
	memset(th, 0, sizeof *th);
}

/* Who last changed the row and when, for the question. */
static void last_change(struct app *a, struct form *fm, char *who, size_t wn, char *when)
{
	struct change_info c;
	who[0] = when[0] = '\0';
	if (!fm->table || store_last_change(a->st, fm->table, fm->row_id, &c) != KO_OK)
		return;
	snprintf(who, wn, "%s", c.who);
	if (c.at && *c.at)
		stamp_to_local(c.at, when);
	free(c.at);
	free(c.who);
	free(c.summary);
}

/* Re-reads the row and sorts the fields out (see the top of the file).
 * Returns the number of fields changed by both; GONE when the row was
 * deleted, -1 when it cannot be read (the message is set). */
#define GONE (-2)
static int compare(struct app *a, struct form *fm, struct form_theirs *th)
{
	if (!form_theirs_init(th, fm->nf)) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return -1;
	}
	enum ko_err rc = fm->reread(a, fm, th);
	if (rc != KO_OK) {
		form_theirs_free(th);
		if (rc != KO_NOTFOUND) {
			app_store_error(a);
			return -1;
		}
		return GONE;
	}
	int clashes = 0;
	for (int i = 0; i < fm->nf; i++) {
		struct field *f = &fm->f[i];
		f->clash = false;
		if (f->kind == F_CHOICE) {
			int mine = f->choice, base = f->orig_choice, theirs = th->choice[i];
			if (mine == theirs || theirs == base)
				;
			else if (mine == base)
				f->choice = theirs;
			else
				f->clash = true;
			f->orig_choice = theirs;
		} else {
			const char *mine = f->le.buf, *theirs = th->text[i] ? th->text[i] : "";
			const char *base = f->orig ? f->orig : "";
			if (strcmp(mine, theirs) == 0 || strcmp(theirs, base) == 0)
				;
			else if (strcmp(mine, base) == 0)
				le_set(&f->le, theirs);
			else
				f->clash = true;
			char *nb = strdup(theirs);
			if (nb) {
				free(f->orig);
				f->orig = nb;
			}
		}
		clashes += f->clash;
	}
	fm->version = th->version;
	return clashes;
}

/* ---- the screen that asks ---- */

/* Draws up to max lines of text from row y, the first after the label;
 * returns the next row. */
static int draw_text(int y, int x, int w, int bottom, const char *label, const char *text,
                     attr_t attr, int max)
{
	int lw = text_width(label);
	ui_text(y, x, lw, label, ui_attr(ST_DIM));
	const char *p = *text ? text : "—";
	int n = 0;
	while (y < bottom && n < max) {
		size_t len = strcspn(p, "\n");
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line - 1 ? len : sizeof line - 1), p);
		ui_text(y, x + lw, w - lw, line, attr);
		y++;
		n++;
		if (!p[len])
			break;
		p += len + 1;
		if (n == max && *p) {
			ui_text(y - 1, x + w - 2, 2, " …", attr);
			break;
		}
	}
	return y;
}

static int text_lines(const char *s, int max)
{
	int n = 1;
	for (; *s && n < max; s++)
		n += *s == '\n' && s[1];
	return n;
}

/* The screens under the form, drawn again over it: the dialog stands in
 * the form's place, so no edge of the form's box shows around it. */
static void draw_under_form(struct app *a, struct screen *s)
{
	int form = (int)(s - a->stack) - 1, base = form - 1;
	while (base > 0 && a->stack[base].ops->overlay)
		base--;
	if (base < 0)
		return;
	erase();
	for (int i = base; i < form; i++)
		a->stack[i].ops->draw(a, &a->stack[i]);
}

/* Draws text wrapped at words into width columns from row y (at most
 * max rows, or only counts them when draw is false); returns the rows. */
static int wrapped(bool draw, int y, int x, int width, const char *text, attr_t attr, int max)
{
	struct wrap_line ln[16];
	size_t n = text_wrap(text, width, ln, sizeof ln / sizeof ln[0]);
	if (n > sizeof ln / sizeof ln[0])
		n = sizeof ln / sizeof ln[0];
	int rows = (int)n < max ? (int)n : max;
	for (int i = 0; draw && i < rows; i++) {
		char line[1024];
		size_t len = ln[i].len < sizeof line - 1 ? ln[i].len : sizeof line - 1;
		memcpy(line, text + ln[i].start, len);
		line[len] = '\0';
		ui_text(y + i, x, width, line, attr);
	}
	return rows;
}

/* The keys that answer, each "KEY what" kept whole, as many on a row as
 * fit; returns the rows (only counted when draw is false). */
static int key_rows(bool draw, int y, int x, int width, const char *const *keys)
{
	int rows = 0, col = width;
	for (int i = 0; keys[i]; i++) {
		int kw = text_width(keys[i]);
		if (col > 0 && col + 3 + kw > width) {
			rows++;
			col = 0;
		} else if (col > 0) {
			col += 3;
		}
		if (draw)
			ui_text(y + rows - 1, x + col, width - col, keys[i], ui_attr(ST_KEY));
		col += kw;
	}
	return rows;
}

static void conflict_draw(struct app *a, struct screen *s)
{
	struct conflict *c = s->data;
	struct form *fm = c->fm;
	draw_under_form(a, s);
	int w = COLS - 4 > 76 ? 76 : COLS - 4;
	int iw = w - 4;
	char head[512];
	const char *keys[6];
	int nk = 0;
	if (c->gone) {
		if (*c->who && *c->when)
			snprintf(head, sizeof head, _("%s deleted this at %s, while you were editing it. "
			                              "Your text is still here."), c->who, c->when + 11);
		else if (*c->who)
			snprintf(head, sizeof head, _("%s deleted this while you were editing it. "
			                              "Your text is still here."), c->who);
		else
			snprintf(head, sizeof head, "%s", _("This was deleted while you were editing it. "
			                                    "Your text is still here."));
		if (fm->save_new)
			keys[nk++] = _("n save it as new");
		keys[nk++] = _("Esc back to my text");
	} else {
		if (*c->who && *c->when)
			snprintf(head, sizeof head, _("%s changed this at %s, while you were editing it."),
			         c->who, c->when + 11);
		else if (*c->who)
			snprintf(head, sizeof head, _("%s changed this while you were editing it."), c->who);
		else
			snprintf(head, sizeof head, "%s", _("This was changed while you were editing it."));
		keys[nk++] = _("m keep mine");
		keys[nk++] = _("t take theirs");
		keys[nk++] = _("e merge and edit");
		keys[nk++] = _("Esc back to my text");
	}
	keys[nk] = NULL;
	/* As tall as what it shows: the heading, each field changed on both
	 * sides (or, when the row is gone, the text kept), the keys; when the
	 * terminal is shorter, the fields give way, never the keys. */
	int hl = wrapped(false, 0, 0, iw, head, 0, 4), kl = key_rows(false, 0, 0, iw, keys);
	int body = 0;
	for (int i = 0; i < fm->nf; i++) {
		const struct field *f = &fm->f[i];
		if (c->gone)
			body += i == 0 ? 2 + text_lines(f->le.buf, 3) : 0;
		else if (f->clash)
			body += 2 + (f->kind == F_CHOICE ? 2 : text_lines(c->th.text[i] ? c->th.text[i] : "", 3) +
			                                        text_lines(f->le.buf, 3));
	}
	int h = 2 + hl + body + 1 + kl;
	if (h > LINES - 2)
		h = LINES - 2;
	int y0 = (LINES - h) / 2, x = (COLS - w) / 2;
	ui_box(y0, x, h, w, c->gone ? _("Deleted meanwhile") : _("Changed meanwhile"));
	for (int r = y0 + 1; r < y0 + h - 1; r++)
		ui_blank(r, x + 1, w - 2, A_NORMAL);
	int keys_y = y0 + h - 1 - kl;
	int y = y0 + 1, bottom = keys_y - 1;
	y += wrapped(true, y, x + 2, iw, head, ui_attr(ST_WARN), bottom - y > 1 ? bottom - y : 1);
	char theirs_label[160], mine_label[64];
	snprintf(theirs_label, sizeof theirs_label, "  %s: ", *c->who ? c->who : _("theirs"));
	snprintf(mine_label, sizeof mine_label, "  %s: ", _("yours"));
	/* Both labels as wide as the wider. */
	int tw = text_width(theirs_label), mw = text_width(mine_label);
	while (tw < mw && strlen(theirs_label) + 2 < sizeof theirs_label) {
		strcat(theirs_label, " ");
		tw++;
	}
	while (mw < tw && strlen(mine_label) + 2 < sizeof mine_label) {
		strcat(mine_label, " ");
		mw++;
	}
	for (int i = 0; i < fm->nf && y + 1 < bottom; i++) {
		struct field *f = &fm->f[i];
		if (c->gone ? i != 0 : !f->clash)
			continue;
		y++;
		ui_text(y++, x + 2, iw, i18n_ctx(f->label), ui_attr(ST_KEY));
		if (c->gone) {
			y = draw_text(y, x + 2, iw, bottom, mine_label, f->le.buf, A_BOLD, 3);
			continue;
		}
		const char *theirs, *mine;
		if (f->kind == F_CHOICE) {
			theirs = _(f->choices[c->th.choice[i]]);
			mine = _(f->choices[f->choice]);
		} else {
			theirs = c->th.text[i] ? c->th.text[i] : "";
			mine = f->le.buf;
		}
		y = draw_text(y, x + 2, iw, bottom, theirs_label, theirs, A_NORMAL, 3);
		y = draw_text(y, x + 2, iw, bottom, mine_label, mine, A_BOLD, 3);
	}
	key_rows(true, keys_y, x + 2, iw, keys);
}

static bool is_number(const char *s)
{
	s += strspn(s, " #");
	return *s && s[strspn(s, "0123456789 ")] == '\0';
}

/* Their text, then ours: the start of a merge the user finishes.  A
 * choice, a date or a number cannot be two at once: ours stays. */
static void merge_fields(struct conflict *c)
{
	struct form *fm = c->fm;
	for (int i = 0; i < fm->nf; i++) {
		struct field *f = &fm->f[i];
		if (!f->clash || f->kind == F_CHOICE || f->kind == F_DATE || f->kind == F_DATETIME)
			continue;
		const char *theirs = c->th.text[i] ? c->th.text[i] : "";
		if (is_number(theirs) && is_number(f->le.buf))
			continue;
		const char *sep = f->kind == F_LONG ? "\n" : " / ";
		size_t n = strlen(theirs) + strlen(sep) + strlen(f->le.buf) + 1;
		char *m = malloc(n);
		if (!m)
			continue;
		snprintf(m, n, "%s%s%s", theirs, sep, f->le.buf);
		le_set(&f->le, m);
		free(m);
	}
}

static int first_clash(const struct form *fm)
{
	for (int i = 0; i < fm->nf; i++)
		if (fm->f[i].clash)
			return i;
	return fm->cur;
}

/* The row is gone: n adds what was typed as a new row, Esc goes back
 * to the form (where Esc drops it). */
static int gone_key(struct app *a, struct conflict *c, wint_t ch)
{
	struct form *fm = c->fm;
	if ((ch == 'n' || ch == 'N') && fm->save_new) {
		a->msg[0] = '\0';
		a->msg_kind = MSG_INFO;
		enum ko_err rc = fm->save_new(a, fm);
		if (rc == KO_OK) {
			app_saved(a);
			app_msg(a, MSG_OK, "%s", _("saved as a new row"));
			return SCR_POP | SCR_POP_UNDER | SCR_CHANGED;
		}
		if (a->msg_kind != MSG_ERROR)
			app_store_error(a);
		return SCR_POP;
	}
	if (ch == ESC) {
		app_msg(a, MSG_INFO, "%s", _("your text is still here; Esc drops it"));
		return SCR_POP;
	}
	return SCR_HANDLED;
}

static int conflict_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	struct conflict *c = s->data;
	struct form *fm = c->fm;
	if (is_key)
		return SCR_HANDLED;
	if (c->gone)
		return gone_key(a, c, ch);
	switch (ch) {
	case 'm': case 'M': {
		for (int tries = 0; tries < RETRIES; tries++) {
			a->msg[0] = '\0';
			a->msg_kind = MSG_INFO;
			enum ko_err rc = fm->save(a, fm);
			if (rc == KO_OK) {
				app_saved(a);
				if (*c->who)
					app_msg(a, MSG_OK, _("saved yours over %s's"), c->who);
				else
					app_msg(a, MSG_OK, "%s", _("saved yours over theirs"));
				return SCR_POP | SCR_POP_UNDER | SCR_CHANGED;
			}
			if (rc != KO_CONFLICT) {
				if (a->msg_kind != MSG_ERROR)
					app_store_error(a);
				return SCR_POP;
			}
			/* Changed once more: compare again and keep asking. */
			form_theirs_free(&c->th);
			int n = compare(a, fm, &c->th);
			last_change(a, fm, c->who, sizeof c->who, c->when);
			if (n == GONE) {
				c->gone = true;
				a->msg[0] = '\0';
				return SCR_HANDLED;
			}
			if (n < 0)
				return SCR_POP;
			if (n > 0) {
				app_msg(a, MSG_WARN, "%s", _("changed once more meanwhile; see both again"));
				return SCR_HANDLED;
			}
		}
		app_store_error(a);
		return SCR_POP;
	}
	case 't': case 'T':
		if (*c->who)
			app_msg(a, MSG_OK, _("kept %s's version; yours was not saved"), c->who);
		else
			app_msg(a, MSG_OK, "%s", _("kept their version; yours was not saved"));
		return SCR_POP | SCR_POP_UNDER | SCR_CHANGED;
	case 'e': case 'E':
		merge_fields(c);
		fm->cur = first_clash(fm);
		app_msg(a, MSG_INFO, "%s", _("merged: their text, then yours; edit it, Enter saves"));
		return SCR_POP | SCR_CHANGED;
	case ESC:
		app_msg(a, MSG_INFO, "%s", _("your text is back; Enter saves it over theirs, Esc drops it"));
		return SCR_POP | SCR_CHANGED;
	default:
		return SCR_HANDLED;
	}
}

static void conflict_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct conflict *c = s->data;
	form_theirs_free(&c->th);
	free(c);
}

/* What conflict_key reads. */
#define CONFLICT_KEYS(X) \
	X("m",   N_("save yours over theirs")) \
	X("t",   N_("take theirs; yours is not saved")) \
	X("e",   N_("merge: their text, then yours, to edit")) \
	X("Esc", N_("back to your text in the form")) \
	X("n",   N_("deleted meanwhile: save your text as a new row")) \
	X("F1",  N_("help for this screen"))

static const struct raw_key conflict_keys[] = { CONFLICT_KEYS(RAW_KEY_ROW) { NULL, NULL } };

const struct screen_ops screen_conflict = {
	.name = N_("Changed meanwhile"),
	.own_keys = conflict_keys,
	.overlay = true,
	.raw = true,
	.draw = conflict_draw,
	.key = conflict_key,
	.leave = conflict_leave,
};

static int push(struct app *a, struct form *fm, struct form_theirs *th, bool gone)
{
	struct conflict *c = calloc(1, sizeof *c);
	if (!c) {
		if (th)
			form_theirs_free(th);
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return SCR_HANDLED;
	}
	c->fm = fm;
	if (th)
		c->th = *th;
	c->gone = gone;
	last_change(a, fm, c->who, sizeof c->who, c->when);
	/* The dialog says what happened and lists its keys itself. */
	a->msg[0] = '\0';
	a->msg_kind = MSG_INFO;
	app_push(a, &screen_conflict, c);
	return SCR_HANDLED | SCR_CHANGED;
}

int form_conflict(struct app *a, struct form *fm)
{
	struct form_theirs th;
	for (int tries = 0; tries < RETRIES; tries++) {
		int n = compare(a, fm, &th);
		if (n == GONE)
			return push(a, fm, NULL, true);
		if (n < 0)
			return SCR_HANDLED | SCR_CHANGED;
		if (n > 0)
			return push(a, fm, &th, false);
		form_theirs_free(&th);
		/* Nothing changed on both sides: save over the new version. */
		a->msg[0] = '\0';
		enum ko_err rc = fm->save(a, fm);
		if (rc == KO_OK) {
			app_saved(a);
			app_msg(a, MSG_OK, "%s", _("saved; what another session changed meanwhile "
			                           "is kept too"));
			return SCR_POP | SCR_CHANGED;
		}
		if (rc != KO_CONFLICT) {
			if (a->msg_kind != MSG_ERROR)
				app_store_error(a);
			return SCR_HANDLED;
		}
	}
	app_store_error(a);
	return SCR_HANDLED;
}
