/* form.c - fields edited together, drawn in a box over the screen that
 * opened it.  Enter saves through the form's callback: on success the
 * form closes (the store has committed); on failure it stays open with
 * what was typed and the error in the status line.  Esc closes without
 * writing, after a y when something was changed.  A paste is text for
 * the field with the cursor; an Enter or Esc with more input right behind
 * it is inside a paste the terminal did not mark, so it neither saves nor
 * cancels, and the rest of the paste goes on into the field instead of
 * running as keys of the list below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"
#include "ui.h"

#define ESC 27
#define LONG_LINES 4
#define CTRL_N 14
#define CTRL_P 16

struct form *form_new(const char *title, form_save_fn save)
{
	struct form *fm = calloc(1, sizeof *fm);
	if (!fm)
		return NULL;
	fm->title = title;
	fm->save = save;
	return fm;
}

int form_field(struct form *fm, const char *label, enum field_kind kind, const char *value)
{
	if (fm->nf == fm->cap) {
		/* Starting small, every form takes the growing path, not only a
		 * form with many fields. */
		int cap = fm->cap ? 2 * fm->cap : 2;
		struct field *nf = realloc(fm->f, (size_t)cap * sizeof *nf);
		if (!nf) {
			fm->broken = true;
			return -1;
		}
		fm->f = nf;
		fm->cap = cap;
	}
	struct field *f = &fm->f[fm->nf];
	memset(f, 0, sizeof *f);
	f->label = label;
	f->kind = kind;
	if (!le_init(&f->le, value, kind == F_LONG)) {
		fm->broken = true;
		return -1;
	}
	f->orig = strdup(value ? value : "");
	if (!f->orig) {
		le_free(&f->le);
		fm->broken = true;
		return -1;
	}
	return fm->nf++;
}

int form_choice(struct form *fm, const char *label, const char *const *choices, int choice)
{
	int i = form_field(fm, label, F_CHOICE, NULL);
	if (i >= 0) {
		fm->f[i].choices = choices;
		fm->f[i].choice = fm->f[i].orig_choice = choice;
	}
	return i;
}

bool form_suggest(struct form *fm, int i, const char *const *texts, size_t n)
{
	struct field *f = &fm->f[i];
	char **v = calloc(n + 1, sizeof *v);
	for (size_t k = 0; v && k < n; k++)
		if (!(v[k] = strdup(texts[k]))) {
			while (k--)
				free(v[k]);
			free(v);
			v = NULL;
		}
	if (!v)
		return false;
	f->suggest = v;
	f->n_suggest = (int)n;
	f->suggest_at = -1;
	return true;
}

const char *form_text(struct form *fm, int i)
{
	return fm->f[i].le.buf;
}

void form_patch(const struct form *fm, struct store_patch *p)
{
	memset(p, 0, sizeof *p);
	for (int k = 0; k < fm->nf; k++) {
		const struct field *f = &fm->f[k];
		int i = f->desc ? store_patch_field(fm->entity, f->desc->name) : k;
		if (i < 0 || i >= STORE_PATCH_FIELDS)
			continue;
		if (f->kind == F_CHOICE) {
			p->value[i] = f->choices[f->choice];
			p->base[i] = f->choices[f->orig_choice];
		} else {
			p->value[i] = f->le.buf;
			p->base[i] = f->orig ? f->orig : "";
		}
		if (strcmp(p->value[i], p->base[i]) != 0)
			p->mask |= 1u << i;
	}
}

enum ko_err form_save_patch(struct app *a, enum store_entity e, int64_t id,
                            struct store_patch *p)
{
	enum ko_err rc = store_patch(a->st, e, id, p);
	if (rc == KO_OK && p->kept)
		app_msg(a, MSG_OK, "%s", _("saved; what another session changed meanwhile "
		                           "is kept too"));
	return rc;
}

static void form_free(struct form *fm)
{
	for (int i = 0; i < fm->nf; i++) {
		le_free(&fm->f[i].le);
		free(fm->f[i].orig);
		for (int k = 0; k < fm->f[i].n_suggest; k++)
			free(fm->f[i].suggest[k]);
		free(fm->f[i].suggest);
	}
	free(fm->f);
	free(fm);
}

static int field_lines(const struct field *f, int room)
{
	if (f->kind != F_LONG)
		return 1;
	return room >= LONG_LINES ? LONG_LINES : room < 1 ? 1 : room;
}

static const char *hint(const struct field *f)
{
	if (f->n_suggest)
		return _("Ctrl-N, Ctrl-P: the expected ones (or type any)  Enter save  Tab next");
	switch (f->kind) {
	case F_LONG: return _("Enter save  Ctrl-J new line  Tab next field  Esc cancel");
	case F_CHOICE: return _("Enter save  Space change  Tab next field  Esc cancel");
	case F_DATE: return _("YYYY-MM-DD  Enter save  Tab next field  Esc cancel");
	case F_DATETIME: return _("YYYY-MM-DD HH:MM  Enter save  Tab next  Esc cancel");
	default: return _("Enter save  Tab next field  Esc cancel");
	}
}

static void form_draw(struct app *a, struct screen *s)
{
	(void)a;
	struct form *fm = s->data;
	int label_w = 0;
	for (int i = 0; i < fm->nf; i++) {
		int w = text_width(i18n_ctx(fm->f[i].label));
		if (w > label_w)
			label_w = w;
	}
	int w = COLS - 4 > 76 ? 76 : COLS - 4;
	if (label_w > w / 3)
		label_w = w / 3;
	/* Lines: the fields, a blank, the hint; the long ones get room
	 * when the terminal has it. */
	int avail = LINES - 4 - 3;
	int longs = 0, lines = 0;
	for (int i = 0; i < fm->nf; i++)
		longs += fm->f[i].kind == F_LONG;
	int extra = longs ? (avail - fm->nf) / longs + 1 : 1;
	for (int i = 0; i < fm->nf; i++)
		lines += field_lines(&fm->f[i], extra);
	int h = lines + 4;
	if (h > LINES - 2)
		h = LINES - 2;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	ui_box(y, x, h, w, fm->title);
	int fx = x + 2 + label_w + 3, fw = w - (fx - x) - 2;
	int r = y + 1, cy = -1, cx = 0;
	for (int i = 0; i < fm->nf && r < y + h - 2; i++) {
		struct field *f = &fm->f[i];
		int n = field_lines(f, extra);
		if (r + n > y + h - 2)
			n = y + h - 2 - r;
		ui_text(r, x + 2, label_w, i18n_ctx(f->label),
		        i == fm->cur ? ui_attr(ST_KEY) : A_NORMAL);
		ui_text(r, x + 3 + label_w, 2, i == fm->cur ? "▸" : " ", ui_attr(ST_KEY));
		if (f->kind == F_CHOICE) {
			char c[128];
			snprintf(c, sizeof c, "‹ %s ›", _(f->choices[f->choice]));
			ui_text(r, fx, fw, c, ui_attr(ST_FIELD));
			if (i == fm->cur) {
				cy = r;
				cx = fx + 2;
			}
		} else {
			/* Drawn the first time (it has no wrap width yet): a text
			 * longer than the field opens at its start, where the
			 * reader begins; one that fits, with the cursor at its end
			 * as a line does. */
			if (f->kind == F_LONG && f->le.wrap == 0) {
				f->le.wrap = fw > 0 ? fw : 1;
				if (le_wrap_rows(&f->le) > n)
					le_to_start(&f->le);
			}
			edit_draw(&f->le, r, fx, fw, n, false);
			if (i == fm->cur) {
				int dy, dx;
				edit_cursor(&f->le, &dy, &dx);
				cy = r + dy;
				cx = fx + dx;
			}
		}
		r += n;
	}
	ui_text(y + h - 2, x + 2, w - 4, hint(&fm->f[fm->cur]), ui_attr(ST_DIM));
	if (cy >= 0)
		move(cy, cx);
}

static int choice_count(const struct field *f)
{
	int n = 0;
	while (f->choices[n])
		n++;
	return n;
}

/* Something differs from what the form opened with. */
static bool form_changed(const struct form *fm)
{
	for (int i = 0; i < fm->nf; i++) {
		const struct field *f = &fm->f[i];
		if (f->kind == F_CHOICE ? f->choice != f->orig_choice
		                        : strcmp(f->le.buf, f->orig ? f->orig : "") != 0)
			return true;
	}
	return false;
}

static int discard(struct app *a, void *ctx)
{
	(void)ctx;
	app_msg(a, MSG_INFO, "%s", _("cancelled; your changes were dropped"));
	return SCR_POP_UNDER;
}

static int form_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	struct form *fm = s->data;
	struct field *f = &fm->f[fm->cur];
	bool enter = (!is_key && (ch == '\r' || (ch == '\n' && f->kind != F_LONG))) ||
	             (is_key && ch == KEY_ENTER);
	if ((enter || (!is_key && ch == ESC)) && input_pending(a)) {
		if (enter && f->kind != F_CHOICE)
			le_insert(&f->le, f->kind == F_LONG ? "\n" : " ", 1);
		return SCR_HANDLED;
	}
	if (!is_key && ch == ESC) {
		if (form_changed(fm)) {
			confirm_ask(a, _("Discard your changes? (y/n)"), discard, NULL,
			            _("still editing; nothing was dropped"));
			return SCR_HANDLED;
		}
		app_msg(a, MSG_INFO, "%s", _("cancelled; nothing was changed"));
		return SCR_POP;
	}
	if (enter) {
		a->msg[0] = '\0';
		a->msg_kind = MSG_INFO;
		enum ko_err rc = fm->save(a, fm);
		if ((rc == KO_CONFLICT || rc == KO_NOTFOUND) && fm->reread)
			return form_conflict(a, fm);
		if (rc != KO_OK) {
			/* The form stays open with what was typed. */
			if (a->msg_kind != MSG_ERROR)
				app_store_error(a);
			return SCR_HANDLED;
		}
		app_saved(a);
		return SCR_POP | SCR_CHANGED;
	}
	bool next = (!is_key && ch == '\t') ||
	            (is_key && ch == KEY_DOWN && !(f->kind == F_LONG && le_down(&f->le)));
	bool prev = (is_key && ch == KEY_BTAB) ||
	            (is_key && ch == KEY_UP && !(f->kind == F_LONG && le_up(&f->le)));
	if (next) {
		fm->cur = (fm->cur + 1) % fm->nf;
		return SCR_HANDLED;
	}
	if (prev) {
		fm->cur = (fm->cur + fm->nf - 1) % fm->nf;
		return SCR_HANDLED;
	}
	if (is_key && (ch == KEY_UP || ch == KEY_DOWN))
		return SCR_HANDLED;          /* moved inside the long field */
	if (f->n_suggest && !is_key && (ch == CTRL_N || ch == CTRL_P)) {
		int n = f->n_suggest;
		f->suggest_at = ch == CTRL_N ? (f->suggest_at + 1) % n
		              : f->suggest_at <= 0 ? n - 1 : f->suggest_at - 1;
		le_set(&f->le, f->suggest[f->suggest_at]);
		return SCR_HANDLED;
	}
	if (f->kind == F_CHOICE) {
		int n = choice_count(f);
		if ((!is_key && ch == ' ') || (is_key && ch == KEY_RIGHT))
			f->choice = (f->choice + 1) % n;
		else if (is_key && ch == KEY_LEFT)
			f->choice = (f->choice + n - 1) % n;
		return SCR_HANDLED;
	}
	edit_key(&f->le, is_key, ch);
	return SCR_HANDLED;
}

static int form_paste(struct app *a, struct screen *s, const char *text, size_t n)
{
	struct form *fm = s->data;
	struct field *f = &fm->f[fm->cur];
	if (f->kind == F_CHOICE) {
		app_msg(a, MSG_WARN, "%s", _("paste ignored: this field is a choice (Space changes it)"));
		return SCR_HANDLED;
	}
	edit_paste(a, &f->le, text, n);
	return SCR_HANDLED;
}

static void form_leave(struct app *a, struct screen *s)
{
	(void)a;
	form_free(s->data);
}

/* What form_key reads (F1 shows them: `?` is text in a form). */
#define FORM_KEYS(X) \
	X("Tab, Down",          N_("next field (Down: next line in a long text)")) \
	X("Shift-Tab, Up",      N_("previous field (Up: line above in a long text)")) \
	X("Enter",              N_("save")) \
	X("Ctrl-J",             N_("new line in a long text")) \
	X("Space, Right, Left", N_("change a choice")) \
	X("Ctrl-N, Ctrl-P",     N_("the next or previous text the field offers (a role)")) \
	X("Esc",                N_("cancel (asks y first when something was changed)")) \
	TEXT_FIELD_KEYS(X) \
	X("F1",                 N_("help for this screen"))

static const struct raw_key form_keys[] = { FORM_KEYS(RAW_KEY_ROW) { NULL, NULL } };

const struct screen_ops screen_form = {
	.name = N_("Form"),
	.own_keys = form_keys,
	.overlay = true,
	.raw = true,
	.cursor = true,
	.draw = form_draw,
	.key = form_key,
	.leave = form_leave,
	.paste = form_paste,
};

struct form *form_of(struct screen *s)
{
	return s && s->ops == &screen_form ? s->data : NULL;
}

void form_open(struct app *a, struct form *fm, int focus)
{
	if (!fm)
		return;
	if (fm->broken || !fm->nf) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		form_free(fm);
		return;
	}
	fm->cur = focus >= 0 && focus < fm->nf ? focus : 0;
	app_push(a, &screen_form, fm);
}
