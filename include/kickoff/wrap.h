/* wrap.h - breaking text into lines that fit a width, for the reading
 * view, multi-line fields and questions too long for one line.
 *
 * Lines break at spaces between words and between two characters of a
 * wide script (Chinese has no spaces), never before closing punctuation
 * such as "，" or ")"; newlines in the text are kept; a word wider than
 * the line is cut between characters.  Widths are text.h's. */
#ifndef KICKOFF_WRAP_H
#define KICKOFF_WRAP_H

#include <stddef.h>

/* One line: `len` bytes of the text from byte `start`, without the spaces
 * or newline it broke at; `cols` columns wide. */
struct wrap_line {
	size_t start, len;
	int cols;
};

/* Wraps s into lines of at most `width` columns (at least 1) and stores
 * the first `max` of them in lines (which may be NULL when max is 0).
 * Returns how many lines there are in all, so a caller can size an array
 * or say "more below".  An empty text is one empty line. */
size_t text_wrap(const char *s, int width, struct wrap_line *lines, size_t max);

#endif
