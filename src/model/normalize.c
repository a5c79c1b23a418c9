/* normalize.c - what counts as the same text to a person: the ends that
 * cannot be seen, and names that look alike.
 *
 * "Apollo ", "Apollo" + NO-BREAK SPACE and "Apo" + ZERO WIDTH SPACE +
 * "llo" all read as "Apollo" on a screen; two projects so named could not
 * be told apart.  The Unicode tables (categories, default-ignorable code
 * points, composition) are utf8proc's. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "kickoff/text.h"

/* Blank to a reader: ASCII white space and the Unicode separators
 * (NO-BREAK SPACE, EM SPACE, IDEOGRAPHIC SPACE, LINE SEPARATOR, ...). */
static bool space_like(utf8proc_int32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r')
		return true;
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP;
}

/* Zero-width characters that only ever stand for a space or nothing at
 * the ends of a text.  Not every default-ignorable one: a variation
 * selector ending an emoji changes how it looks. */
static bool blank_format(utf8proc_int32_t cp)
{
	return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E;
}

/* The code point at s (n > 0 bytes), its length in *len; -1 when the
 * bytes are not UTF-8 (then *len is 1). */
static utf8proc_int32_t next_cp(const char *s, size_t n, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      n > 4 ? 4 : (utf8proc_ssize_t)n, &cp);
	if (l <= 0) {
		*len = 1;
		return -1;
	}
	*len = (size_t)l;
	return cp;
}

size_t text_trim(const char *s, size_t n, size_t *start)
{
	size_t at = 0, end = 0;
	bool seen = false;
	while (at < n) {
		size_t len;
		utf8proc_int32_t cp = next_cp(s + at, n - at, &len);
		bool blank = cp >= 0 && (space_like(cp) || blank_format(cp));
		if (!blank) {
			if (!seen)
				*start = at;
			seen = true;
			end = at + len;
		}
		at += len;
	}
	if (!seen) {
		*start = n;
		return 0;
	}
	return end - *start;
}

bool text_blank(const char *s)
{
	size_t start;
	return text_trim(s, strlen(s), &start) == 0;
}

/* Printable ASCII with single spaces between words is its own key: the
 * common case skips utf8proc (a project add compares every name). */
static bool plain(const char *s)
{
	if (*s == ' ')
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c > 0x7E || (c == ' ' && (p[1] == ' ' || p[1] == '\0')))
			return false;
	}
	return true;
}

char *text_name_key(const char *s)
{
	if (plain(s))
		return strdup(s);
	size_t n = strlen(s);
	/* Every code point is copied, dropped or becomes one space: never
	 * longer than s. */
	char *flat = malloc(n + 1), *o = flat;
	if (!flat)
		return NULL;
	bool space = false;
	for (size_t at = 0, len; at < n; at += len) {
		utf8proc_int32_t cp = next_cp(s + at, n - at, &len);
		if (cp >= 0 && space_like(cp)) {
			space = o > flat;
			continue;
		}
		if (cp >= 0 && utf8proc_get_property(cp)->ignorable)
			continue;
		if (space)
			*o++ = ' ';
		space = false;
		memcpy(o, s + at, len);
		o += len;
	}
	*o = '\0';
	/* é typed as one code point or as e + COMBINING ACUTE is one name. */
	char *key = (char *)utf8proc_NFC((const utf8proc_uint8_t *)flat);
	if (!key)
		return flat;    /* not UTF-8 (a foreign row): compared as it is */
	free(flat);
	return key;
}

bool text_same_name(const char *a, const char *b)
{
	char *ka = text_name_key(a), *kb = text_name_key(b);
	bool same = ka && kb ? strcmp(ka, kb) == 0 : strcmp(a, b) == 0;
	free(ka);
	free(kb);
	return same;
}
