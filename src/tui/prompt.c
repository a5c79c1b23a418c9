/* prompt.c - the small states of the screen stack: a yes/no question, the
 * filter line and the help overlay.  None of them reads keys itself: the
 * one loop hands them keys while they are on top. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "kickoff/text.h"
#include "ui.h"

#define ESC 27

bool text_matches(const char *hay, const char *needle)
{
	if (!needle || !*needle)
		return true;
	size_t n = strlen(needle);
	for (const char *p = hay; *p; p++)
		if (strncasecmp(p, needle, n) == 0)
			return true;
	return false;
}

/* ---- yes / no ---- */

struct confirm {
	char question[512];
	confirm_fn yes;
	void *ctx;
	const char *kept;
};

/* Bytes of s for one line of at most `cols` columns, broken after a space
 * when one is in reach, so a long question (undo names people and rows)
 * wraps onto the lines above the last instead of being cut. */
static size_t line_break(const char *s, int cols)
{
	size_t n = text_fit(s, cols, NULL);
	if (s[n] == '\0')
		return n;
	for (size_t i = n; i > n / 2; i--)
		if (s[i - 1] == ' ')
			return i;
	return n ? n : strlen(s);
}

static void confirm_draw(struct app *a, struct screen *s)
{
	(void)a;
	struct confirm *c = s->data;
	int cols = COLS - 1, lines = 0;
	for (const char *p = c->question; *p && lines < LINES - 1; lines++)
		p += line_break(p, cols);
	if (lines == 0)
		lines = 1;
	int y = LINES - lines, w = 0;
	/* The key bar above the question says what answers it, rather than
	 * going blank; the question's lines are cleared to the last column,
	 * where the screen below keeps its "saved" time. */
	if (y - 1 >= 0) {
		int x = ui_text(y - 1, 0, 1, "y", ui_attr(ST_KEY));
		ui_text(y - 1, x, COLS - x, _(" yes  any other key: no"), A_NORMAL);
	}
	const char *p = c->question;
	for (int i = 0; i < lines; i++) {
		size_t n = line_break(p, cols);
		char *part = strndup(p, n);
		w = ui_text(y + i, 0, cols, part ? part : "", ui_attr(ST_WARN));
		ui_blank(y + i, cols, COLS - cols, A_NORMAL);
		free(part);
		p += n;
	}
	move(LINES - 1, w < cols ? w : cols);
}

static int confirm_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	struct confirm *c = s->data;
	/* A y with more input right behind it was not typed as an answer
	 * (a paste the terminal did not mark): it answers no. */
	if (!is_key && (ch == 'y' || ch == 'Y') && !input_pending(a)) {
		a->msg[0] = '\0';
		a->msg_kind = MSG_INFO;
		return c->yes(a, c->ctx) | SCR_POP;
	}
	if (is_key && ch == KEY_RESIZE)
		return SCR_HANDLED;
	app_msg(a, MSG_INFO, "%s", c->kept ? c->kept : _("cancelled; nothing was changed"));
	return SCR_POP;
}

/* What confirm_key reads. */
#define CONFIRM_KEYS(X) \
	X("y",          N_("yes (but not inside a paste)")) \
	X("any other",  N_("no: nothing is changed")) \
	X("F1",         N_("help for this screen"))

static const struct raw_key confirm_keys[] = { CONFIRM_KEYS(RAW_KEY_ROW) { NULL, NULL } };

const struct screen_ops screen_confirm = {
	.name = N_("Confirm"),
	.own_keys = confirm_keys,
	.overlay = true,
	.raw = true,
	.cursor = true,
	.draw = confirm_draw,
	.key = confirm_key,
};

void confirm_ask(struct app *a, const char *question, confirm_fn yes, void *ctx, const char *kept)
{
	struct confirm *c = calloc(1, sizeof *c);
	if (!c)
		return;
	snprintf(c->question, sizeof c->question, "%s ", question);
	c->yes = yes;
	c->ctx = ctx;
	c->kept = kept;
	app_push(a, &screen_confirm, c);
}

void confirm_open(struct app *a, const char *question, confirm_fn yes, void *ctx)
{
	confirm_ask(a, question, yes, ctx, NULL);
}

/* ---- filter ---- */

struct filter {
	struct screen *owner;
	char **target;
	char *before;
	filter_fn changed;
	struct lineedit le;
};

static void filter_draw(struct app *a, struct screen *s)
{
	(void)a;
	struct filter *f = s->data;
	ui_text(LINES - 2, 0, COLS, _("Type to filter; Enter keeps it, Esc puts back the old one"),
	        ui_attr(ST_DIM));
	ui_text(LINES - 1, 0, 1, "/", ui_attr(ST_KEY));
	edit_draw(&f->le, LINES - 1, 1, COLS - 1, 1, true);
}

static void filter_set(struct app *a, struct filter *f, const char *text)
{
	free(*f->target);
	*f->target = text && *text ? strdup(text) : NULL;
	f->changed(a, f->owner);
}

static int filter_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	struct filter *f = s->data;
	bool enter = (!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER);
	/* Enter or Esc with more input right behind: inside a paste the
	 * terminal did not mark, whose rest would run as list keys. */
	if ((enter || (!is_key && ch == ESC)) && input_pending(a)) {
		if (enter) {
			le_insert(&f->le, " ", 1);
			filter_set(a, f, f->le.buf);
		}
		return SCR_HANDLED;
	}
	if (!is_key && ch == ESC) {
		filter_set(a, f, f->before);
		return SCR_POP;
	}
	if (enter)
		return SCR_POP;
	if (edit_key(&f->le, is_key, ch))
		filter_set(a, f, f->le.buf);
	return SCR_HANDLED;
}

static int filter_paste(struct app *a, struct screen *s, const char *text, size_t n)
{
	struct filter *f = s->data;
	edit_paste(a, &f->le, text, n);
	filter_set(a, f, f->le.buf);
	return SCR_HANDLED;
}

static void filter_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct filter *f = s->data;
	le_free(&f->le);
	free(f->before);
	free(f);
}

/* What filter_key reads. */
#define FILTER_KEYS(X) \
	X("Enter", N_("keep the filter")) \
	X("Esc",   N_("put back the filter there was")) \
	TEXT_FIELD_KEYS(X) \
	X("F1",    N_("help for this screen"))

static const struct raw_key filter_keys[] = { FILTER_KEYS(RAW_KEY_ROW) { NULL, NULL } };

const struct screen_ops screen_filter = {
	.name = N_("Filter"),
	.own_keys = filter_keys,
	.overlay = true,
	.raw = true,
	.cursor = true,
	.draw = filter_draw,
	.key = filter_key,
	.leave = filter_leave,
	.paste = filter_paste,
};

void filter_open(struct app *a, struct screen *owner, char **filter, filter_fn changed)
{
	struct filter *f = calloc(1, sizeof *f);
	if (!f || !le_init(&f->le, *filter, false)) {
		free(f);
		return;
	}
	f->owner = owner;
	f->target = filter;
	f->before = *filter ? strdup(*filter) : NULL;
	f->changed = changed;
	app_push(a, &screen_filter, f);
}

/* ---- a line of text ---- */

struct ask {
	char question[256];
	ask_fn done;
	void *ctx;
	struct lineedit le;
};

static void ask_draw(struct app *a, struct screen *s)
{
	(void)a;
	struct ask *q = s->data;
	ui_text(LINES - 2, 0, COLS, _("Enter accepts, Esc cancels"), ui_attr(ST_DIM));
	int w = ui_text(LINES - 1, 0, COLS / 2, q->question, ui_attr(ST_KEY));
	edit_draw(&q->le, LINES - 1, w, COLS - w, 1, true);
}

static int ask_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	struct ask *q = s->data;
	bool enter = (!is_key && (ch == '\r' || ch == '\n')) || (is_key && ch == KEY_ENTER);
	if ((enter || (!is_key && ch == ESC)) && input_pending(a)) {
		if (enter)
			le_insert(&q->le, " ", 1);
		return SCR_HANDLED;
	}
	if (!is_key && ch == ESC) {
		app_msg(a, MSG_INFO, "%s", _("cancelled; nothing was changed"));
		return SCR_POP;
	}
	if (enter) {
		a->msg[0] = '\0';
		a->msg_kind = MSG_INFO;
		return q->done(a, q->ctx, q->le.buf) | SCR_POP;
	}
	edit_key(&q->le, is_key, ch);
	return SCR_HANDLED;
}

static int ask_paste(struct app *a, struct screen *s, const char *text, size_t n)
{
	struct ask *q = s->data;
	edit_paste(a, &q->le, text, n);
	return SCR_HANDLED;
}

static void ask_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct ask *q = s->data;
	le_free(&q->le);
	free(q);
}

/* What ask_key reads. */
#define ASK_KEYS(X) \
	X("Enter", N_("accept")) \
	X("Esc",   N_("cancel")) \
	TEXT_FIELD_KEYS(X) \
	X("F1",    N_("help for this screen"))

static const struct raw_key ask_keys[] = { ASK_KEYS(RAW_KEY_ROW) { NULL, NULL } };

const struct screen_ops screen_ask = {
	.name = N_("Question"),
	.own_keys = ask_keys,
	.overlay = true,
	.raw = true,
	.cursor = true,
	.draw = ask_draw,
	.key = ask_key,
	.leave = ask_leave,
	.paste = ask_paste,
};

void ask_open(struct app *a, const char *question, const char *initial, ask_fn done, void *ctx)
{
	struct ask *q = calloc(1, sizeof *q);
	if (!q || !le_init(&q->le, initial, false)) {
		free(q);
		return;
	}
	snprintf(q->question, sizeof q->question, "%s ", question);
	q->done = done;
	q->ctx = ctx;
	app_push(a, &screen_ask, q);
}

/* ---- help ---- */

/* The keys of a screen: for a screen of actions the moves every list
 * has, then the screen's own in its order (from the live bindings); for
 * a raw screen the keys it reads itself.  Scrolled with the move keys
 * when the terminal is too short for all of them, saying so. */
struct help_line {
	const char *keys, *help;
};

struct help {
	const struct screen_ops *of;
	struct help_line rows[ACTION_COUNT + 32];
	int n, top, height;
};

void help_rows_of(const struct screen_ops *of, help_row_fn row, void *ctx)
{
	static const enum ko_action always[] = {
		ACTION_MOVE_DOWN, ACTION_MOVE_UP, ACTION_MOVE_FIRST, ACTION_MOVE_LAST,
		ACTION_PAGE_DOWN, ACTION_PAGE_UP,
	};
	bool seen[ACTION_COUNT] = { false };
	if (of->keys)
		for (size_t i = 0; i < sizeof always / sizeof always[0]; i++) {
			row(ctx, action_keys(always[i]), action_help(always[i]));
			seen[always[i]] = true;
		}
	for (const enum ko_action *k = of->keys; k && *k; k++)
		if (!seen[*k]) {
			seen[*k] = true;
			const char *help = *k == ACTION_TOGGLE && of->toggle_label ? i18n_ctx(of->toggle_label)
			                 : *k == ACTION_ADD && of->add_label ? _(of->add_label)
			                 : action_help(*k);
			row(ctx, action_keys(*k), help);
		}
	for (const struct raw_key *k = of->own_keys; k && k->keys; k++)
		row(ctx, k->keys, _(k->help));
}

static void help_add(void *ctx, const char *keys, const char *help)
{
	struct help *h = ctx;
	if (h->n < (int)(sizeof h->rows / sizeof h->rows[0]))
		h->rows[h->n++] = (struct help_line){ keys, help };
}

static void help_draw(struct app *a, struct screen *s)
{
	(void)a;
	struct help *h = s->data;
	/* The keys column as wide as its widest entry, within reason; the
	 * box wider than its usual 64 columns only when a row needs it. */
	int kw = 12, hw = 0;
	for (int i = 0; i < h->n; i++) {
		int tw = text_width(h->rows[i].keys), th = text_width(h->rows[i].help);
		kw = tw > kw ? tw : kw;
		hw = th > hw ? th : hw;
	}
	int w = kw + hw + 5 > 64 ? kw + hw + 5 : 64;
	w = w > COLS - 4 ? COLS - 4 : w;
	kw = kw > w / 2 ? w / 2 : kw;
	int hgt = h->n + 4 > LINES - 2 ? LINES - 2 : h->n + 4;
	int y = (LINES - hgt) / 2, x = (COLS - w) / 2;
	char title[128];
	snprintf(title, sizeof title, _("Keys: %s"), _(h->of->name));
	ui_box(y, x, hgt, w, title);
	h->height = hgt - 4 > 1 ? hgt - 4 : 1;
	if (h->top > h->n - h->height)
		h->top = h->n - h->height > 0 ? h->n - h->height : 0;
	for (int r = 0; r < h->height && h->top + r < h->n; r++) {
		const struct help_line *l = &h->rows[h->top + r];
		ui_text(y + 1 + r, x + 2, kw, l->keys, ui_attr(ST_KEY));
		ui_text(y + 1 + r, x + 3 + kw, w - 5 - kw, l->help, A_NORMAL);
	}
	bool above = h->top > 0, below = h->top + h->height < h->n;
	const char *foot = below ? (above ? _("↑↓ more: j/k scroll, q closes") : _("↓ more: j/k scroll, q closes"))
	                         : above ? _("↑ more: j/k scroll, q closes")
	                                 : _("Press any key to close this help.");
	ui_text(y + hgt - 2, x + 2, w - 4, foot, ui_attr(ST_DIM));
}

static int help_key(struct app *a, struct screen *s, bool is_key, wint_t ch)
{
	(void)a;
	struct help *h = s->data;
	if (is_key && ch == KEY_RESIZE)
		return SCR_HANDLED;
	int last = h->n - h->height > 0 ? h->n - h->height : 0;
	int arg;
	enum ko_action act = keymap_action(is_key, ch, &arg);
	/* Moving keys scroll a help that does not fit; any other key closes. */
	if (last > 0) {
		switch (act) {
		case ACTION_MOVE_DOWN: h->top = h->top < last ? h->top + 1 : last; return SCR_HANDLED;
		case ACTION_MOVE_UP: h->top = h->top > 0 ? h->top - 1 : 0; return SCR_HANDLED;
		case ACTION_PAGE_DOWN: h->top = h->top + h->height < last ? h->top + h->height : last; return SCR_HANDLED;
		case ACTION_PAGE_UP: h->top = h->top > h->height ? h->top - h->height : 0; return SCR_HANDLED;
		case ACTION_MOVE_FIRST: h->top = 0; return SCR_HANDLED;
		case ACTION_MOVE_LAST: h->top = last; return SCR_HANDLED;
		default: break;
		}
	}
	return SCR_POP;
}

static const struct screen_ops screen_help = {
	.name = N_("Help"),
	.overlay = true,
	.raw = true,
	.draw = help_draw,
	.key = help_key,
};

void help_open(struct app *a, const struct screen_ops *of)
{
	struct help *h = calloc(1, sizeof *h);
	if (!h)
		return;
	h->of = of;
	help_rows_of(of, help_add, h);
	app_push(a, &screen_help, h);
}
