/* edit.c - the one text field every form and prompt uses: draws a
 * lineedit in a box of cells and feeds it editing keys. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/paste.h"
#include "kickoff/text.h"
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

/* A field of several lines wraps at its width, as the reading view does:
 * the rows from le->top, each drawn whole. */
static void draw_wrapped(struct lineedit *le, int y, int x, int width, int height)
{
	le->wrap = width;
	le_scroll_to(le, width, height);
	attr_t attr = ui_attr(ST_FIELD);
	for (int r = 0; r < height; r++) {
		size_t s, e;
		if (le_wrap_range(le, le->top + r, &s, &e))
			ui_text_from(y + r, x, width, le->buf + s, e - s, 0, attr);
		else
			ui_blank(y + r, x, width, attr);
	}
}

void edit_cursor(const struct lineedit *le, int *dy, int *dx)
{
	if (le->multiline && le->wrap > 0) {
		le_wrap_pos(le, dy, dx);
		*dy -= le->top;
		return;
	}
	*dy = le_line(le) - le->top;
	*dx = le_col(le) - le->scroll;
}

void edit_draw(struct lineedit *le, int y, int x, int width, int height, bool focused)
{
	if (width < 1 || height < 1)
		return;
	if (le->multiline) {
		draw_wrapped(le, y, x, width, height);
		if (focused) {
			int dy, dx;
			edit_cursor(le, &dy, &dx);
			move(y + dy, x + dx);
		}
		return;
	}
	le_scroll_to(le, width, height);
	attr_t attr = ui_attr(ST_FIELD);
	int cur_line = le_line(le);
	for (int r = 0; r < height; r++) {
		size_t s, e;
		int line = le->top + r;
		if (!le_line_range(le, line, &s, &e)) {
			ui_blank(y + r, x, width, attr);
			continue;
		}
		/* Only the cursor's line scrolls sideways. */
		int from = line == cur_line ? le->scroll : 0;
		ui_text_from(y + r, x, width, le->buf + s, e - s, from, attr);
	}
	if (focused)
		move(y + cur_line - le->top, x + le_col(le) - le->scroll);
}

int edit_key(struct lineedit *le, bool is_key, wint_t ch)
{
	if (is_key) {
		switch (ch) {
		case KEY_LEFT: le_left(le); return 1;
		case KEY_RIGHT: le_right(le); return 1;
		case KEY_HOME: le_home(le); return 1;
		case KEY_END: le_end(le); return 1;
		case KEY_BACKSPACE: le_backspace(le); return 1;
		case KEY_DC: le_delete(le); return 1;
		case KEY_UP: return le->multiline && le_up(le);
		case KEY_DOWN: return le->multiline && le_down(le);
		default: return 0;
		}
	}
	switch (ch) {
	case CTRL('a'): le_home(le); return 1;
	case CTRL('e'): le_end(le); return 1;
	case CTRL('u'): le_kill_to_start(le); return 1;
	case CTRL('w'): le_kill_word(le); return 1;
	case CTRL('b'): le_left(le); return 1;
	case CTRL('f'): le_right(le); return 1;
	case CTRL('d'): le_delete(le); return 1;
	case CTRL('h'): case 0x7f: le_backspace(le); return 1;
	case CTRL('j'):
		if (!le->multiline)
			return 0;
		le_insert(le, "\n", 1);
		return 1;
	default:
		break;
	}
	if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0))
		return 0;
	char buf[MB_LEN_MAX];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = wcrtomb(buf, (wchar_t)ch, &ps);
	if (n == (size_t)-1)
		return 1;
	le_insert(le, buf, n);
	return 1;
}

void edit_paste(struct app *a, struct lineedit *le, const char *text, size_t n)
{
	char *t = paste_clean(text, n, le->multiline);
	if (!t) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return;
	}
	if (*t)
		le_insert(le, t, strlen(t));
	else
		app_msg(a, MSG_INFO, "%s", _("the paste held no text"));
	free(t);
}
