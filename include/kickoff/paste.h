/* paste.h - what a paste may put into a text field.
 *
 * A paste is text, whatever bytes it carries: the screens feed it through
 * here before it reaches a field, so no control character it holds is
 * ever stored or read as a key. */
#ifndef KICKOFF_PASTE_H
#define KICKOFF_PASTE_H

#include <stdbool.h>
#include <stddef.h>

/* The n bytes at s as field text: a line break (CR, LF or CR LF) stays a
 * newline when multiline, else becomes a space; a tab becomes a space;
 * every other control character (C0, DEL, C1, so ESC too) and every
 * invalid UTF-8 byte is dropped.  malloc'd; NULL only when out of
 * memory. */
char *paste_clean(const char *s, size_t n, bool multiline);

#endif
