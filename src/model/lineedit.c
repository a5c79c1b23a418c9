/* lineedit.c - editing UTF-8 text by characters and measuring it in
 * terminal columns, for the screens' text fields. */
#include <stdlib.h>
#include <string.h>
#include "kickoff/lineedit.h"
#include "kickoff/text.h"
#include "kickoff/wrap.h"

static bool grow(struct lineedit *le, size_t need)
{
	if (need + 1 <= le->cap)
		return true;
	size_t cap = le->cap ? le->cap : 32;
	while (cap < need + 1)
		cap *= 2;
	char *b = realloc(le->buf, cap);
	if (!b)
		return false;
	le->buf = b;
	le->cap = cap;
	return true;
}

bool le_init(struct lineedit *le, const char *text, bool multiline)
{
	memset(le, 0, sizeof *le);
	le->multiline = multiline;
	if (!grow(le, 0))
		return false;
	le->buf[0] = '\0';
	return le_set(le, text);
}

void le_free(struct lineedit *le)
{
	free(le->buf);
	memset(le, 0, sizeof *le);
}

bool le_set(struct lineedit *le, const char *text)
{
	le->len = le->cur = 0;
	le->buf[0] = '\0';
	le->scroll = le->top = 0;
	bool ok = text ? le_insert(le, text, strlen(text)) : true;
	le->want_col = le_col(le);
	return ok;
}

bool le_insert(struct lineedit *le, const char *s, size_t n)
{
	if (!grow(le, le->len + n))
		return false;
	/* Copy in valid characters only, so the buffer stays valid UTF-8. */
	char *tmp = malloc(n + 1);
	if (!tmp)
		return false;
	size_t m = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (l == 0) {
			i++;
			continue;
		}
		if (cp == '\r' || (cp == '\n' && !le->multiline) || cp == 0) {
			i += l;
			continue;
		}
		memcpy(tmp + m, s + i, l);
		m += l;
		i += l;
	}
	memmove(le->buf + le->cur + m, le->buf + le->cur, le->len - le->cur + 1);
	memcpy(le->buf + le->cur, tmp, m);
	free(tmp);
	le->len += m;
	le->cur += m;
	le->want_col = le_col(le);
	return true;
}

static size_t line_start(const struct lineedit *le, size_t at)
{
	while (at > 0 && le->buf[at - 1] != '\n')
		at--;
	return at;
}

static size_t line_end(const struct lineedit *le, size_t at)
{
	while (at < le->len && le->buf[at] != '\n')
		at++;
	return at;
}

/* Columns of buf[from, to). */
static int cols_between(const char *buf, size_t from, size_t to)
{
	int cols = 0;
	while (from < to) {
		unsigned cp;
		size_t l = utf8_decode(buf + from, to - from, &cp);
		cols += l ? cp_width(cp) : 1;
		from += l ? l : 1;
	}
	return cols;
}

void le_left(struct lineedit *le)
{
	le->cur = utf8_prev(le->buf, le->cur);
	le->want_col = le_col(le);
}

void le_right(struct lineedit *le)
{
	le->cur = utf8_next(le->buf, le->len, le->cur);
	le->want_col = le_col(le);
}

void le_home(struct lineedit *le)
{
	le->cur = line_start(le, le->cur);
	le->want_col = 0;
}

void le_end(struct lineedit *le)
{
	le->cur = line_end(le, le->cur);
	le->want_col = le_col(le);
}

/* The cursor to the character of line [start, end) at column want (or
 * the one before it when a wide character covers that column). */
static void to_col(struct lineedit *le, size_t start, size_t end, int want)
{
	size_t at = start;
	int col = 0;
	while (at < end) {
		unsigned cp;
		size_t l = utf8_decode(le->buf + at, end - at, &cp);
		int w = l ? cp_width(cp) : 1;
		if (col + w > want)
			break;
		col += w;
		at += l ? l : 1;
	}
	le->cur = at;
}

/* ---- soft-wrapped rows ---- */

/* The text's wrapped rows (malloc'd, *n of them; NULL when out of memory,
 * or for an empty text, which is one empty row at 0). */
static struct wrap_line *wrap_rows(const struct lineedit *le, size_t *n)
{
	*n = text_wrap(le->buf, le->wrap, NULL, 0);
	struct wrap_line *w = *n ? malloc(*n * sizeof *w) : NULL;
	if (w)
		text_wrap(le->buf, le->wrap, w, *n);
	return w;
}

/* Row and column of byte offset `at` among rows w[0..n). */
static void wrap_pos_of(const struct lineedit *le, const struct wrap_line *w, size_t n,
                        size_t at, int *row, int *col)
{
	size_t r = 0;
	while (r + 1 < n && w[r + 1].start <= at)
		r++;
	*row = (int)r;
	*col = n ? cols_between(le->buf, w[r].start, at) : 0;
	/* Past a row that fills the width, on the space it broke at or
	 * after its last character: where the next character will go. */
	if (*col >= le->wrap) {
		(*row)++;
		*col = 0;
	}
}

int le_wrap_rows(const struct lineedit *le)
{
	size_t n;
	struct wrap_line *w = wrap_rows(le, &n);
	int row = 0, col = 0;
	if (w)
		wrap_pos_of(le, w, n, le->cur, &row, &col);
	free(w);
	return row + 1 > (int)n ? row + 1 : (int)n;
}

bool le_wrap_range(const struct lineedit *le, int row, size_t *start, size_t *end)
{
	size_t n;
	struct wrap_line *w = wrap_rows(le, &n);
	bool ok = w && row >= 0 && (size_t)row < n;
	if (ok) {
		*start = w[row].start;
		*end = w[row].start + w[row].len;
	}
	free(w);
	return ok;
}

void le_wrap_pos(const struct lineedit *le, int *row, int *col)
{
	size_t n;
	struct wrap_line *w = wrap_rows(le, &n);
	*row = *col = 0;
	if (w)
		wrap_pos_of(le, w, n, le->cur, row, col);
	free(w);
}

/* Up or down a wrapped row at the same column; false when there is none. */
static bool wrap_move(struct lineedit *le, int by)
{
	size_t n;
	struct wrap_line *w = wrap_rows(le, &n);
	if (!w)
		return false;
	int row, col;
	wrap_pos_of(le, w, n, le->cur, &row, &col);
	int to = row + by;
	bool ok = to >= 0 && (size_t)to < n;
	if (ok) {
		size_t s = w[to].start, e = s + w[to].len;
		to_col(le, s, e, col);
		/* A row that runs straight into the next (Chinese breaks
		 * between characters) ends before its last character, or the
		 * cursor would stand on the next row. */
		if ((size_t)to + 1 < n && le->cur == w[to + 1].start && le->cur > s)
			le->cur = utf8_prev(le->buf, le->cur);
	}
	free(w);
	return ok;
}

void le_to_start(struct lineedit *le)
{
	le->cur = 0;
	le->top = le->scroll = 0;
	le->want_col = 0;
}

bool le_up(struct lineedit *le)
{
	if (le->multiline && le->wrap > 0)
		return wrap_move(le, -1);
	size_t s = line_start(le, le->cur);
	if (s == 0)
		return false;
	size_t ps = line_start(le, s - 1);
	to_col(le, ps, s - 1, le->want_col);
	return true;
}

bool le_down(struct lineedit *le)
{
	if (le->multiline && le->wrap > 0)
		return wrap_move(le, 1);
	size_t e = line_end(le, le->cur);
	if (e == le->len)
		return false;
	to_col(le, e + 1, line_end(le, e + 1), le->want_col);
	return true;
}

static void cut(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le->cur = from;
	le->want_col = le_col(le);
}

void le_backspace(struct lineedit *le)
{
	if (le->cur > 0)
		cut(le, utf8_prev(le->buf, le->cur), le->cur);
}

void le_delete(struct lineedit *le)
{
	if (le->cur < le->len)
		cut(le, le->cur, utf8_next(le->buf, le->len, le->cur));
}

void le_kill_to_start(struct lineedit *le)
{
	cut(le, line_start(le, le->cur), le->cur);
}

void le_kill_word(struct lineedit *le)
{
	size_t s = line_start(le, le->cur), at = le->cur;
	while (at > s && le->buf[at - 1] == ' ')
		at--;
	while (at > s && le->buf[at - 1] != ' ')
		at = utf8_prev(le->buf, at);
	cut(le, at, le->cur);
}

int le_line(const struct lineedit *le)
{
	int n = 0;
	for (size_t i = 0; i < le->cur; i++)
		n += le->buf[i] == '\n';
	return n;
}

int le_col(const struct lineedit *le)
{
	return cols_between(le->buf, line_start(le, le->cur), le->cur);
}

int le_line_count(const struct lineedit *le)
{
	int n = 1;
	for (size_t i = 0; i < le->len; i++)
		n += le->buf[i] == '\n';
	return n;
}

bool le_line_range(const struct lineedit *le, int line, size_t *start, size_t *end)
{
	size_t at = 0;
	for (int i = 0; i < line; i++) {
		at = line_end(le, at);
		if (at == le->len)
			return false;
		at++;
	}
	*start = at;
	*end = line_end(le, at);
	return true;
}

void le_scroll_to(struct lineedit *le, int width, int height)
{
	if (width < 1)
		width = 1;
	if (height < 1)
		height = 1;
	if (le->multiline && le->wrap > 0) {
		int row, col;
		le_wrap_pos(le, &row, &col);
		le->scroll = 0;
		if (row < le->top)
			le->top = row;
		else if (row >= le->top + height)
			le->top = row - height + 1;
		return;
	}
	int col = le_col(le);
	int cw = 1;
	if (le->cur < le->len && le->buf[le->cur] != '\n') {
		unsigned cp;
		if (utf8_decode(le->buf + le->cur, le->len - le->cur, &cp))
			cw = cp_width(cp) ? cp_width(cp) : 1;
	}
	if (col < le->scroll)
		le->scroll = col;
	else if (col + cw > le->scroll + width)
		le->scroll = col + cw - width;
	if (le->scroll < 0)
		le->scroll = 0;
	int line = le_line(le);
	if (height < 1)
		height = 1;
	if (line < le->top)
		le->top = line;
	else if (line >= le->top + height)
		le->top = line - height + 1;
}

size_t text_skip_cols(const char *s, size_t n, int from, int *pad)
{
	size_t at = 0;
	int col = 0;
	*pad = 0;
	while (at < n && col < from) {
		unsigned cp;
		size_t l = utf8_decode(s + at, n - at, &cp);
		col += l ? cp_width(cp) : 1;
		at += l ? l : 1;
	}
	if (col > from)
		*pad = col - from;
	return at;
}
