/* fuzz_text.c - the UTF-8 helpers of text.h and their invariants:
 * sanitised text is valid UTF-8 with no control byte but kept newlines;
 * text_fit never splits a character nor passes its columns; widths add
 * up; decode agrees with utf8_valid. */
#include <locale.h>
#include <string.h>
#include "fuzz.h"
#include "kickoff/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return 0;
}

static void check_sanitized(const char *in, bool keep_newlines)
{
	char *out = text_sanitize(in, keep_newlines);
	FUZZ_ASSERT(out, "text_sanitize returned NULL");
	size_t n = strlen(out);
	FUZZ_ASSERT(n <= strlen(in) * 3, "output grew more than 3x");
	FUZZ_ASSERT(utf8_valid(out, n), "sanitised output is not valid UTF-8");
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = utf8_decode(out + i, n - i, &cp);
		FUZZ_ASSERT(len > 0, "undecodable at %zu", i);
		bool control = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
		FUZZ_ASSERT(!control || (keep_newlines && cp == '\n'),
		            "control U+%04X left at byte %zu", cp, i);
		i += len;
	}
	/* Sanitising twice changes nothing more. */
	char *again = text_sanitize(out, keep_newlines);
	FUZZ_ASSERT(again && strcmp(again, out) == 0, "sanitise is not idempotent");
	FUZZ_ASSERT(text_width(out) == text_width(in),
	            "width changed by sanitising");
	free(again);
	free(out);
}

static void check_fit(const char *s, int cols)
{
	int used = -1;
	size_t at = text_fit(s, cols, &used);
	size_t n = strlen(s);
	FUZZ_ASSERT(at <= n, "fit past the end");
	FUZZ_ASSERT(used >= 0 && used <= (cols > 0 ? cols : 0), "used %d of %d columns", used, cols);
	/* Never splits a character: the rest starts where a character starts. */
	if (at > 0 && at < n && utf8_valid(s, n))
		FUZZ_ASSERT(((unsigned char)s[at] & 0xC0) != 0x80, "split a character at %zu", at);
	/* The prefix is as wide as it says. */
	char *prefix = strndup(s, at);
	FUZZ_ASSERT(prefix && text_width(prefix) == used, "prefix width %d, used %d",
	            prefix ? text_width(prefix) : -1, used);
	free(prefix);
	/* And it is the longest such prefix: the next character would not fit. */
	if (at < n) {
		unsigned cp;
		size_t len = utf8_decode(s + at, n - at, &cp);
		int cw = len ? cp_width(cp) : 1;
		FUZZ_ASSERT(used + cw > cols, "stopped early at %zu", at);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	size_t n = strlen(s);   /* up to the first NUL, as C strings go */

	bool valid = utf8_valid(s, n);
	size_t at = 0;
	bool all = true;
	int width = 0;
	while (at < n) {
		unsigned cp;
		size_t len = utf8_decode(s + at, n - at, &cp);
		FUZZ_ASSERT(len <= 4 && len <= n - at, "decode length %zu", len);
		if (len == 0) {
			FUZZ_ASSERT(cp == 0xFFFD, "failed decode gave U+%04X", cp);
			all = false;
			len = 1;
		} else {
			FUZZ_ASSERT(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF), "bad cp U+%X", cp);
		}
		int w = cp_width(cp);
		FUZZ_ASSERT(w >= 0 && w <= 2, "width %d", w);
		width += w;
		FUZZ_ASSERT(utf8_next(s, n, at) == at + len, "utf8_next disagrees at %zu", at);
		at += len;
	}
	FUZZ_ASSERT(valid == all, "utf8_valid says %d, decoding says %d", valid, all);
	FUZZ_ASSERT(text_width(s) == width, "text_width %d, sum %d", text_width(s), width);
	if (valid)
		for (size_t i = n; i > 0;) {
			size_t p = utf8_prev(s, i);
			FUZZ_ASSERT(p < i && utf8_next(s, n, p) == i, "utf8_prev from %zu gave %zu", i, p);
			i = p;
		}

	check_sanitized(s, false);
	check_sanitized(s, true);
	int cols = size ? data[0] % 90 - 5 : 0;
	check_fit(s, cols);
	check_fit(s, width);
	check_fit(s, width > 0 ? width - 1 : 0);
	free(s);
	return 0;
}
