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
 * (C0, DEL, C1) become their visible symbols (U+2400 block, ESC as ␛),
 * newlines become ⏎ when keep_newlines is false, invalid bytes become
 * U+FFFD.  The result is malloc'd; NULL only when out of memory. */
char *text_sanitize(const char *s, bool keep_newlines);

/* Byte offset of the start of the character before byte offset `at`. */
size_t utf8_prev(const char *s, size_t at);
/* Byte offset just past the character at byte offset `at`. */
size_t utf8_next(const char *s, size_t len, size_t at);

#endif
