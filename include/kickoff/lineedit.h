/* lineedit.h - the text being typed into a field: a UTF-8 buffer, a
 * cursor on a character boundary, and which part of it a field of a given
 * size shows (horizontal scroll, and for several lines the first line).
 *
 * No curses here: the screens draw what this says, so the column logic
 * is tested without a terminal.  Columns come from text.h. */
#ifndef KICKOFF_LINEEDIT_H
#define KICKOFF_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

struct lineedit {
	char *buf;              /* NUL-terminated UTF-8 */
	size_t len, cap;
	size_t cur;             /* byte offset of the cursor */
	int scroll;             /* first column shown of the cursor's line */
	int top;                /* first line shown (several lines) */
	int want_col;           /* column kept while moving up and down */
	bool multiline;         /* '\n' allowed; otherwise it is dropped */
	int wrap;               /* several lines: the columns they soft-wrap at,
	                           as wrap.h breaks them (0: no wrapping); then
	                           top counts wrapped rows, up and down move by
	                           them, and nothing scrolls sideways */
};

/* Starts editing a copy of text (NULL: empty) with the cursor at its end.
 * Returns false when out of memory. */
bool le_init(struct lineedit *le, const char *text, bool multiline);
void le_free(struct lineedit *le);
/* Replaces the text, cursor at the end. */
bool le_set(struct lineedit *le, const char *text);

/* Inserts n bytes of UTF-8 at the cursor (invalid bytes and, in a single
 * line, newlines are dropped). */
bool le_insert(struct lineedit *le, const char *s, size_t n);

void le_left(struct lineedit *le);
void le_right(struct lineedit *le);
void le_home(struct lineedit *le);          /* start of the line (Ctrl-A) */
void le_end(struct lineedit *le);           /* end of the line (Ctrl-E) */
/* Up and down a line keeping the column; false when there is none. */
bool le_up(struct lineedit *le);
bool le_down(struct lineedit *le);
void le_backspace(struct lineedit *le);
void le_delete(struct lineedit *le);
void le_kill_to_start(struct lineedit *le); /* Ctrl-U: line start to cursor */
void le_kill_word(struct lineedit *le);     /* Ctrl-W: the word before the cursor */

/* Where the cursor is: its line (0-based) and the column in that line. */
int le_line(const struct lineedit *le);
int le_col(const struct lineedit *le);
int le_line_count(const struct lineedit *le);
/* Byte range [*start, *end) of line number `line`; false past the last. */
bool le_line_range(const struct lineedit *le, int line, size_t *start, size_t *end);

/* Wrapped (le->wrap > 0): the rows the text takes, the byte range
 * [*start, *end) of row `row` (false past the last), and where the
 * cursor is: its row and the column in it.  A cursor after a row that
 * fills the width (typing at the end of a long text) is at the start of
 * the next row, which counts in le_wrap_rows even when it holds nothing
 * yet. */
int le_wrap_rows(const struct lineedit *le);
bool le_wrap_range(const struct lineedit *le, int row, size_t *start, size_t *end);
void le_wrap_pos(const struct lineedit *le, int *row, int *col);
/* The cursor to the start of the text (a long text opens at its start). */
void le_to_start(struct lineedit *le);

/* Moves the view so the cursor is inside a field `width` columns wide and
 * `height` lines high (the cursor's cell included, also when it is on a
 * wide character). */
void le_scroll_to(struct lineedit *le, int width, int height);

/* For drawing n bytes of one line from column `from`: the byte offset of
 * the first character that starts at or after `from`; *pad gets the
 * blank columns to draw first, for a wide character cut by the left edge. */
size_t text_skip_cols(const char *s, size_t n, int from, int *pad);

#endif
