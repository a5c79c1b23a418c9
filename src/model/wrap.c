/* wrap.c - text broken into lines that fit a width (see wrap.h).
 *
 * One pass over each paragraph, remembering the last place a line may
 * end: a space (the line ends before it, the next starts after the run
 * of spaces) or the seam between two characters where one is wide (CJK
 * is written without spaces).  Closing punctuation never starts a line
 * and opening punctuation never ends one, as Chinese typesetting wants. */
#include <string.h>
#include "kickoff/text.h"
#include "kickoff/wrap.h"

#define NONE ((size_t)-1)

/* Characters a line must not start with: closing marks of Chinese and
 * Western text. */
static bool no_line_start(unsigned cp)
{
	static const unsigned marks[] = {
		',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01,   /* 、。，．；：？！ */
		0xFF09, 0x300D, 0x300F, 0x300B, 0x3009, 0x3011, 0x3015, 0xFF3D,   /* ）」』》〉】〕］ */
		0x201D, 0x2019, 0x2026, 0x00B7, 0x30FB, 0xFF5E,                   /* ”’…·・～ */
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] == cp)
			return true;
	return false;
}

/* Characters a line must not end with: opening marks. */
static bool no_line_end(unsigned cp)
{
	static const unsigned marks[] = {
		'(', '[', '{',
		0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010, 0x3014, 0xFF3B,   /* （「『《〈【〔［ */
		0x201C, 0x2018,                                                   /* “‘ */
	};
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
		if (marks[i] == cp)
			return true;
	return false;
}

/* The next character at s[at] (up to end): its code point, bytes and
 * columns, an invalid byte counting as one column (drawn as U+FFFD). */
static size_t next_char(const char *s, size_t at, size_t end, unsigned *cp, int *cols)
{
	size_t len = utf8_decode(s + at, end - at, cp);
	if (len == 0) {
		*cp = 0xFFFD;
		len = 1;
	}
	*cols = cp_width(*cp);
	return len;
}

static int width_of(const char *s, size_t from, size_t to)
{
	int w = 0, cw;
	unsigned cp;
	while (from < to) {
		from += next_char(s, from, to, &cp, &cw);
		w += cw;
	}
	return w;
}

struct out {
	struct wrap_line *lines;
	size_t max, count;
};

static void emit(struct out *o, size_t start, size_t len, int cols)
{
	if (o->count < o->max)
		o->lines[o->count] = (struct wrap_line){ start, len, cols };
	o->count++;
}

/* Wraps the paragraph s[pos..end) (no newline inside). */
static void wrap_paragraph(struct out *o, const char *s, size_t pos, size_t end, int width)
{
	size_t start = pos, at = pos;
	size_t brk_end = NONE, brk_next = NONE;   /* the last place a line may end */
	int w = 0, brk_cols = 0;
	unsigned prev = 0;
	int prev_cols = 0;
	while (at < end) {
		unsigned cp;
		int cw;
		size_t len = next_char(s, at, end, &cp, &cw);
		if (cp == ' ') {
			size_t after = at;
			while (after < end && s[after] == ' ')
				after++;
			if (w > 0) {
				brk_end = at;
				brk_next = after;
				brk_cols = w;
			}
			if (w + cw > width) {
				/* The line is full at a space: it ends here. */
				emit(o, start, at - start, w);
				start = at = after;
				w = 0;
				brk_end = brk_next = NONE;
				prev = 0;
				continue;
			}
			w += cw;
			prev = cp;
			prev_cols = cw;
			at += len;
			continue;
		}
		if (at > start && prev != ' ' && (prev_cols == 2 || cw == 2) &&
		    !no_line_start(cp) && !no_line_end(prev)) {
			brk_end = brk_next = at;
			brk_cols = w;
		}
		if (w + cw > width && at > start) {
			if (brk_end != NONE && brk_end > start) {
				emit(o, start, brk_end - start, brk_cols);
				start = brk_next;
			} else {
				emit(o, start, at - start, w);
				start = at;
			}
			w = width_of(s, start, at);
			brk_end = brk_next = NONE;
			continue;   /* the same character, on the new line */
		}
		w += cw;
		prev = cp;
		prev_cols = cw;
		at += len;
	}
	/* Spaces that ended the last line leave nothing to show after it. */
	if (start < end || start == pos)
		emit(o, start, end - start, w);
}

size_t text_wrap(const char *s, int width, struct wrap_line *lines, size_t max)
{
	struct out o = { lines, lines ? max : 0, 0 };
	if (width < 1)
		width = 1;
	size_t n = strlen(s), pos = 0;
	for (;;) {
		size_t end = pos + strcspn(s + pos, "\n");
		size_t text_end = end > pos && s[end - 1] == '\r' ? end - 1 : end;
		wrap_paragraph(&o, s, pos, text_end, width);
		if (end >= n)
			break;
		pos = end + 1;
	}
	return o.count;
}
