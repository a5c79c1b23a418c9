/* text.c - UTF-8 decoding, terminal column widths, cutting and sanitising.
 *
 * Widths come from wcwidth(), so the process must run with a UTF-8
 * LC_CTYPE (main() makes sure of it).  Control characters are never
 * passed through: they are drawn as the symbols of the U+2400 block.
 * The bidirectional embeddings, overrides and isolates count as controls
 * too: stored text holding U+202E would otherwise show a person other
 * words than those stored (and reorder the rest of the line). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "kickoff/text.h"

size_t utf8_decode(const char *str, size_t n, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	*cp = 0xFFFD;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	unsigned c, min;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2; c = s[0] & 0x1F; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; c = s[0] & 0x0F; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	unsigned cp;
	while (n > 0) {
		size_t len = utf8_decode(s, n, &cp);
		if (len == 0)
			return false;
		s += len;
		n -= len;
	}
	return true;
}

static bool is_bidi_control(unsigned cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool is_control(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp);
}

int cp_width(unsigned cp)
{
	if (is_control(cp))
		return 1;       /* drawn as one visible symbol */
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	return 1;           /* unassigned or unknown: a replacement glyph */
}

int text_width(const char *s)
{
	size_t n = strlen(s);
	int cols = 0;
	while (n > 0) {
		unsigned cp;
		size_t len = utf8_decode(s, n, &cp);
		if (len == 0)
			len = 1;  /* shown as U+FFFD, one column */
		cols += cp_width(cp);
		s += len;
		n -= len;
	}
	return cols;
}

size_t text_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), at = 0;
	int w = 0;
	while (at < n) {
		unsigned cp;
		size_t len = utf8_decode(s + at, n - at, &cp);
		int cw = len == 0 ? 1 : cp_width(cp);
		if (len == 0)
			len = 1;
		if (w + cw > cols)
			break;
		w += cw;
		at += len;
	}
	if (used)
		*used = w;
	return at;
}

/* The visible symbol for a control character, as UTF-8. */
static const char *control_symbol(unsigned cp)
{
	static const char *const c0[32] = {
		"␀", "␁", "␂", "␃", "␄", "␅", "␆", "␇", "␈", "␉", "␊", "␋",
		"␌", "␍", "␎", "␏", "␐", "␑", "␒", "␓", "␔", "␕", "␖", "␗",
		"␘", "␙", "␚", "␛", "␜", "␝", "␞", "␟",
	};
	if (cp == '\n')
		return "⏎";
	if (cp < 0x20)
		return c0[cp];
	if (cp == 0x7F)
		return "␡";
	return "�";         /* C1 controls, bidirectional controls */
}

char *text_visible(const char *s, size_t n, unsigned flags)
{
	/* Each input byte grows to at most 3 output bytes. */
	char *out = malloc(n * 3 + 1), *o = out;
	if (!out)
		return NULL;
	while (n > 0) {
		unsigned cp;
		size_t len = utf8_decode(s, n, &cp);
		if (len == 0) {
			memcpy(o, "�", 3);
			o += 3;
			s++;
			n--;
			continue;
		}
		/* A CR alone would move the cursor back over what was printed;
		 * before a LF it only ends a line (CSV, iCalendar). */
		bool kept = (cp == '\n' && (flags & TEXT_KEEP_NEWLINES)) ||
		            (cp == '\r' && (flags & TEXT_KEEP_CRLF) && n > 1 && s[1] == '\n') ||
		            (cp == '\t' && (flags & TEXT_KEEP_TABS));
		if (is_control(cp) && !kept) {
			const char *sym = control_symbol(cp);
			size_t sl = strlen(sym);
			memcpy(o, sym, sl);
			o += sl;
		} else {
			memcpy(o, s, len);
			o += len;
		}
		s += len;
		n -= len;
	}
	*o = '\0';
	return out;
}

char *text_sanitize(const char *s, bool keep_newlines)
{
	return text_visible(s, strlen(s), keep_newlines ? TEXT_KEEP_NEWLINES : 0);
}

size_t utf8_prev(const char *s, size_t at)
{
	if (at == 0)
		return 0;
	size_t p = at - 1;
	while (p > 0 && at - p < 4 && ((unsigned char)s[p] & 0xC0) == 0x80)
		p--;
	return p;
}

size_t utf8_next(const char *s, size_t len, size_t at)
{
	if (at >= len)
		return len;
	unsigned cp;
	size_t l = utf8_decode(s + at, len - at, &cp);
	return at + (l ? l : 1);
}
