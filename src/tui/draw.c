/* draw.c - colours, text in columns, the header and the footer.
 *
 * Every string from the database goes through ui_text(), which sanitises
 * it (an ESC is drawn as ␛, never sent) and cuts it by columns, ending a
 * cut text with "…" so that the room knows there is more to read (v). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"
#include "ui.h"

static bool use_color;

void ui_colors_init(struct app *a)
{
	const char *nc = getenv("NO_COLOR");
	use_color = has_colors() && !(nc && *nc);
	if (use_color && start_color() == OK) {
		use_default_colors();
		init_pair(ST_HEADER, COLOR_WHITE, COLOR_BLUE);
		init_pair(ST_TAB, -1, -1);
		init_pair(ST_TAB_CUR, COLOR_BLACK, COLOR_CYAN);
		init_pair(ST_CURSOR, COLOR_BLACK, COLOR_CYAN);
		init_pair(ST_DIM, COLOR_BLUE, -1);
		init_pair(ST_DONE, COLOR_GREEN, -1);
		init_pair(ST_OVERDUE, COLOR_RED, -1);
		init_pair(ST_WARN, COLOR_YELLOW, -1);
		init_pair(ST_ERROR, COLOR_WHITE, COLOR_RED);
		init_pair(ST_KEY, COLOR_CYAN, -1);
		init_pair(ST_FIELD, -1, -1);
		init_pair(ST_TITLE, COLOR_CYAN, -1);
	} else {
		use_color = false;
	}
	a->color = use_color;
}

attr_t ui_attr(enum ui_style st)
{
	if (use_color) {
		attr_t extra = 0;
		if (st == ST_OVERDUE || st == ST_ERROR || st == ST_KEY || st == ST_TITLE ||
		    st == ST_TAB_CUR || st == ST_WARN)
			extra = A_BOLD;
		if (st == ST_FIELD)
			extra = A_UNDERLINE;
		return st == ST_NORMAL ? A_NORMAL : (attr_t)COLOR_PAIR(st) | extra;
	}
	switch (st) {
	case ST_HEADER: case ST_TAB_CUR: case ST_CURSOR: case ST_ERROR: return A_REVERSE;
	case ST_OVERDUE: case ST_WARN: case ST_KEY: case ST_TITLE: return A_BOLD;
	case ST_DIM: return A_DIM;
	case ST_FIELD: return A_UNDERLINE;
	default: return A_NORMAL;
	}
}

/* What a blank drawn in attr looks like: a colour that is only the
 * text's, bold or dim show on no blank, and a blank without them costs
 * the terminal no colour change, nor a scrolled line its redrawing. */
static attr_t blank_attr(attr_t attr)
{
	if (attr & (A_REVERSE | A_UNDERLINE | A_STANDOUT))
		return attr;
	short pair = (short)PAIR_NUMBER(attr), fg, bg;
	if (pair && pair_content(pair, &fg, &bg) == OK && bg != -1)
		return attr;
	return A_NORMAL;
}

void ui_blank(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(blank_attr(attr));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

int ui_text(int y, int x, int width, const char *s, attr_t attr)
{
	if (width <= 0)
		return 0;
	char *safe = text_sanitize(s ? s : "", false);
	int used = 0;
	attrset(attr);
	if (safe) {
		size_t n = text_fit(safe, width, &used);
		if (safe[n] != '\0') {
			/* Cut: the last column says so, never a silent end. */
			n = text_fit(safe, width - 1, &used);
			mvaddnstr(y, x, safe, (int)n);
			if (used < width - 1) {
				attrset(blank_attr(attr));
				mvhline(y, x + used, ' ', width - 1 - used);
				attrset(attr);
			}
			mvaddstr(y, x + width - 1, "…");
			used = width;
		} else {
			mvaddnstr(y, x, safe, (int)n);
		}
		free(safe);
	}
	if (used < width) {
		attrset(blank_attr(attr));
		mvhline(y, x + used, ' ', width - used);
	}
	attrset(A_NORMAL);
	return used;
}

int ui_text_right(int y, int x, int width, const char *s, attr_t attr)
{
	int w = text_width(s ? s : "");
	if (w >= width)
		return ui_text(y, x, width, s, attr);
	ui_blank(y, x, width - w, attr);
	return ui_text(y, x + width - w, w, s, attr);
}

void ui_text_from(int y, int x, int width, const char *s, size_t n, int from, attr_t attr)
{
	int pad;
	size_t at = text_skip_cols(s, n, from, &pad);
	char *part = strndup(s + at, n - at);
	if (pad > width)
		pad = width;
	ui_blank(y, x, pad, attr);
	ui_text(y, x + pad, width - pad, part ? part : "", attr);
	free(part);
}

void ui_box(int y, int x, int h, int w, const char *title)
{
	/* Box lines as characters, not the alternate character set, so the
	 * headless screen dump reads them as they look. */
	char line[4 * 512];
	int n = 0;
	for (int i = 0; i < w - 2 && n < (int)sizeof line - 4; i++)
		n += snprintf(line + n, sizeof line - (size_t)n, "─");
	for (int r = y + 1; r < y + h - 1; r++) {
		ui_text(r, x, 1, "│", A_NORMAL);
		ui_blank(r, x + 1, w - 2, A_NORMAL);
		ui_text(r, x + w - 1, 1, "│", A_NORMAL);
	}
	ui_text(y, x, 1, "┌", A_NORMAL);
	ui_text(y, x + 1, w - 2, line, A_NORMAL);
	ui_text(y, x + w - 1, 1, "┐", A_NORMAL);
	ui_text(y + h - 1, x, 1, "└", A_NORMAL);
	ui_text(y + h - 1, x + 1, w - 2, line, A_NORMAL);
	ui_text(y + h - 1, x + w - 1, 1, "┘", A_NORMAL);
	if (title && *title) {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		int tw = text_width(t);
		if (tw > w - 4)
			tw = w - 4;
		ui_text(y, x + 2, tw, t, ui_attr(ST_TITLE));
	}
}

int ui_body_top(struct app *a)
{
	(void)a;
	return 2;
}

int ui_body_bottom(void)
{
	return LINES - 3;
}

void ui_header(struct app *a, const char *where, int phase)
{
	attr_t h = ui_attr(ST_HEADER);
	char left[512];
	snprintf(left, sizeof left, " kickoff › %s", where);
	ui_text(0, 0, COLS, left, h);
	if (!phase) {
		ui_blank(1, 0, COLS, A_NORMAL);
		return;
	}
	/* Tabs: "1 Prepare  2 Attendees 3/5 ...".  When they do not fit, every
	 * tab takes the next form down, the phase shown as well (a tab reads
	 * the same wherever the cursor is): the names without padding, the
	 * short names, then numbers with progress, then numbers alone. */
	enum { FULL, SHORT, NONE };
	static const struct { int name; bool pad, progress; } fits[] = {
		{ FULL, true, true }, { FULL, false, true }, { SHORT, false, true },
		{ NONE, false, true }, { NONE, false, false },
	};
	char tab[PHASE_COUNT + 1][160];
	for (size_t c = 0; c < sizeof fits / sizeof fits[0]; c++) {
		int total = 0;
		for (int p = 1; p <= PHASE_COUNT; p++) {
			char prog[32] = "";
			if (fits[c].progress)
				phase_progress(a, p, prog, sizeof prog);
			const char *name = fits[c].name == FULL ? _(phases[p].screen.name)
			                   : fits[c].name == SHORT ? i18n_ctx(phases[p].short_name) : "";
			snprintf(tab[p], sizeof tab[p], " %d%s%s%s%s%s", p, *name ? " " : "", name,
			         *prog ? " " : "", prog, fits[c].pad ? " " : "");
			total += text_width(tab[p]);
		}
		if (total <= COLS)
			break;
	}
	int x = 0;
	for (int p = 1; p <= PHASE_COUNT && x < COLS; p++)
		x += ui_text(1, x, COLS - x, tab[p], ui_attr(p == phase ? ST_TAB_CUR : ST_TAB));
	if (x < COLS)
		ui_blank(1, x, COLS - x, A_NORMAL);
}

/* The label the status line gives action k on screen o. */
static const char *footer_label(const struct screen_ops *o, enum ko_action k)
{
	if (k == ACTION_TOGGLE && o->toggle_label)
		return i18n_ctx(o->toggle_label);
	if (k == ACTION_EDIT && o->edit_label)
		return i18n_ctx(o->edit_label);
	if (k == ACTION_PHASE_NEXT && o->tab_label)
		return _(o->tab_label);
	if (k == ACTION_ADD && o->add_label)
		return action_label(ACTION_EDIT);
	if (k == ACTION_BACK && o->back_label)
		return _(o->back_label);
	return action_label(k);
}

/* Draws "KEY label  " at x when it fits before limit; returns the new x,
 * or -1 when it does not fit. */
static int footer_key(int y, int x, int limit, const char *key, const char *label)
{
	char word[160];
	snprintf(word, sizeof word, " %s", label);
	if (x + text_width(key) + text_width(word) + 2 > limit)
		return -1;
	x += ui_text(y, x, limit - x, key, ui_attr(ST_KEY));
	x += ui_text(y, x, limit - x, word, A_NORMAL);
	x += ui_text(y, x, 2, "  ", A_NORMAL);
	return x;
}

/* The screen's keys in the order it lists them, as many as fit; when some
 * do not, the line ends with "? more" (the help lists them all) instead
 * of cutting them off without a sign. */
void ui_footer(struct app *a, const struct screen_ops *o)
{
	int y = LINES - 2, x = 0;
	bool has_help = false, cut = false;
	for (const enum ko_action *k = o->keys; k && *k != ACTION_NONE; k++)
		has_help |= *k == ACTION_HELP;
	char more[64];
	snprintf(more, sizeof more, " %s", _("more"));
	int reserve = has_help ? text_width("?") + text_width(more) + 2 : 0;
	for (const enum ko_action *k = o->keys; k && *k != ACTION_NONE; k++) {
		if (*k == ACTION_HELP)
			continue;
		char key[32];
		const char *all = action_keys(*k);
		snprintf(key, sizeof key, "%.*s", (int)strcspn(all, ","), all);
		int nx = footer_key(y, x, COLS - reserve, key, footer_label(o, *k));
		/* The second key of the action (Enter's e) under a label of its own. */
		const char *second = strstr(all, ", ");
		if (nx >= 0 && *k == ACTION_EDIT && o->e_label && second) {
			int ex = footer_key(y, nx, COLS - reserve, second + 2, _(o->e_label));
			nx = ex >= 0 ? ex : nx;
		}
		if (nx < 0) {
			cut = true;
			continue;
		}
		x = nx;
	}
	if (has_help) {
		int nx = footer_key(y, x, COLS, "?", cut ? _("more") : action_label(ACTION_HELP));
		if (nx >= 0)
			x = nx;
	}
	if (x < COLS)
		ui_blank(y, x, COLS - x, A_NORMAL);

	y = LINES - 1;
	char right[320];
	if (a->others[0])
		snprintf(right, sizeof right, "%s: %s  %s", _("also here"), a->others, a->saved);
	else
		snprintf(right, sizeof right, "%s", a->saved);
	int rw = text_width(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
	enum ui_style st = a->msg_kind == MSG_ERROR ? ST_ERROR
	                 : a->msg_kind == MSG_WARN ? ST_WARN
	                 : a->msg_kind == MSG_OK ? ST_DONE : ST_NORMAL;
	int used = ui_text(y, 0, COLS - rw - 1, a->msg, ui_attr(st));
	(void)used;
	ui_blank(y, COLS - rw - 1, 1, A_NORMAL);
	ui_text_right(y, COLS - rw, rw, right, ui_attr(ST_DIM));
}

static int list_width;

void ui_set_list_width(int width)
{
	list_width = width;
}

int ui_list_width(void)
{
	return list_width > 0 && list_width < COLS ? list_width : COLS;
}

void ui_cells(int y, int x, int width, const struct cell *c, int n)
{
	int fixed = n > 0 ? n - 1 : 0, shares = 0;
	for (int i = 0; i < n; i++) {
		if (c[i].w > 0)
			fixed += c[i].w;
		else
			shares += -c[i].w;
	}
	int flex = width - fixed, given = 0, seen = 0;
	int end = x + width < COLS ? x + width : COLS;
	if (flex < 0)
		flex = 0;
	for (int i = 0; i < n && x < end; i++) {
		int w = c[i].w;
		if (w <= 0) {
			seen += -w;
			/* Shares rounded so that they add up to flex exactly. */
			int upto = shares ? flex * seen / shares : 0;
			w = upto - given;
			given = upto;
		}
		if (x + w > end)
			w = end - x;
		if (c[i].right)
			ui_text_right(y, x, w, c[i].text, c[i].attr);
		else
			ui_text(y, x, w, c[i].text, c[i].attr);
		x += w;
		if (i < n - 1 && x < end)
			ui_blank(y, x++, 1, A_NORMAL);
	}
}
