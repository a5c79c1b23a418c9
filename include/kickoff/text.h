/* text.h - the one place that knows how wide UTF-8 text is on a terminal.
 *
 * Nothing else counts columns: screens ask here how wide a string is,
 * where to cut it to fit, and how to make stored text safe to draw
 * (control characters and ESC become visible symbols, never sent). */
#ifndef KICKOFF_TEXT_H
#define KICKOFF_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when the n bytes at s are valid UTF-8 (no overlongs, no
 * surrogates, nothing past U+10FFFF). */
bool utf8_valid(const char *s, size_t n);

/* Decodes one code point at s (n bytes available); returns its length in
 * bytes, or 0 when s is not valid UTF-8 there (then *cp is U+FFFD and the
 * caller should skip one byte). */
size_t utf8_decode(const char *s, size_t n, unsigned *cp);

/* Columns code point cp takes on a terminal: 0, 1 or 2.  Control
 * characters count as the width of their visible replacement (1). */
int cp_width(unsigned cp);

/* Columns the UTF-8 string s takes when drawn sanitised. */
int text_width(const char *s);

/* Bytes of s that fit in `cols` columns without splitting a character
 * (a wide character that would straddle the edge is left out); the
 * columns used go to *used when not NULL. */
size_t text_fit(const char *s, int cols, int *used);

/* Copies s into a new string that is safe to draw: control characters
 * (C0, DEL, C1, and the bidirectional controls U+202A-U+202E and
 * U+2066-U+2069) become visible symbols (U+2400 block, ESC as ␛, C1 and
 * bidirectional ones as U+FFFD), newlines become ⏎ when keep_newlines is
 * false, invalid bytes become U+FFFD.  The result is malloc'd; NULL only
 * when out of memory. */
char *text_sanitize(const char *s, bool keep_newlines);

/* As text_sanitize for the n bytes at s (a NUL among them is shown as
 * ␀), keeping what flags name: TEXT_KEEP_NEWLINES keeps LF, TEXT_KEEP_CRLF
 * a CR before a LF, TEXT_KEEP_TABS tabs.  Everything the command line
 * prints for a person passes through here. */
enum { TEXT_KEEP_NEWLINES = 1, TEXT_KEEP_TABS = 2, TEXT_KEEP_CRLF = 4 };
char *text_visible(const char *s, size_t n, unsigned flags);

/* ---- what a person cannot tell apart (src/model/normalize.c) ---- */

/* The n bytes at s without the blank at both ends (white space, the
 * Unicode space separators, zero-width spaces): returns the length left
 * and sets *start to where it begins. */
size_t text_trim(const char *s, size_t n, size_t *start);
/* True when s holds nothing but blank. */
bool text_blank(const char *s);
/* The form names are compared in: zero-width and other invisible
 * characters dropped, every run of space-like ones (NO-BREAK SPACE, EM
 * SPACE, ...) one space, none at the ends, then Unicode NFC.  malloc'd;
 * NULL when out of memory. */
char *text_name_key(const char *s);
/* True when names a and b have the same key. */
bool text_same_name(const char *a, const char *b);

/* Byte offset of the start of the character before byte offset `at`. */
size_t utf8_prev(const char *s, size_t at);
/* Byte offset just past the character at byte offset `at`. */
size_t utf8_next(const char *s, size_t len, size_t at);

#endif
