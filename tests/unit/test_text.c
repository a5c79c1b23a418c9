/* test_text.c - UTF-8 validation and decoding, terminal widths, cutting
 * text to fit, and sanitising stored text before it is drawn. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"

static bool valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

START_TEST(utf8_validity)
{
	static const char *const good[] = {
		"", "plain ASCII", "中文", "Grüße", "\xf0\x9f\x98\x80" /* U+1F600 */,
		"\xc2\x80" /* U+0080 */, "\xdf\xbf" /* U+07FF */, "\xe0\xa0\x80" /* U+0800 */,
		"\xed\x9f\xbf" /* U+D7FF */, "\xee\x80\x80" /* U+E000 */, "\xef\xbf\xbf" /* U+FFFF */,
		"\xf0\x90\x80\x80" /* U+10000 */, "\xf4\x8f\xbf\xbf" /* U+10FFFF */, "\x7f",
		"e\xcc\x81" /* e + combining acute */,
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(valid(good[i]), "refused good %zu", i);

	static const char *const bad[] = {
		"\xff", "\xfe", "abc\xff", "\x80", "\xbf",          /* stray bytes */
		"\xc0\x80", "\xc1\xbf",                              /* overlong 2-byte */
		"\xe0\x80\x80", "\xe0\x9f\xbf",                      /* overlong 3-byte */
		"\xf0\x80\x80\x80", "\xf0\x8f\xbf\xbf",              /* overlong 4-byte */
		"\xed\xa0\x80", "\xed\xbf\xbf", "\xed\xb0\x80",      /* surrogates */
		"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf7\xbf\xbf\xbf", /* past U+10FFFF */
		"\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80", /* 5 and 6 byte forms */
		"\xe4\xb8", "\xe4", "\xf0\x9f\x98",                  /* cut short */
		"\xe4\x41\xad", "\xc3\x28",                          /* bad continuation */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!valid(bad[i]), "accepted bad %zu", i);
	/* length counts, not the NUL: a cut inside a character is invalid */
	ck_assert(!utf8_valid("中", 2));
	ck_assert(utf8_valid("中", 3));
	ck_assert(utf8_valid("a\0b", 3));
}
END_TEST

START_TEST(utf8_decoding)
{
	unsigned cp;
	ck_assert_uint_eq(utf8_decode("A", 1, &cp), 1);
	ck_assert_uint_eq(cp, 'A');
	ck_assert_uint_eq(utf8_decode("\xc3\xa9", 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_uint_eq(utf8_decode("中", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x4E2D);
	ck_assert_uint_eq(utf8_decode("\xf4\x8f\xbf\xbf", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x10FFFF);
	ck_assert_uint_eq(utf8_decode("\xed\xa0\x80", 3, &cp), 0);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(utf8_decode("\xc0\x80", 2, &cp), 0);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(utf8_decode("中", 2, &cp), 0);
	ck_assert_uint_eq(utf8_decode("", 0, &cp), 0);

	const char *s = "a中\xf0\x9f\x98\x80" "b";
	size_t len = strlen(s);
	ck_assert_uint_eq(utf8_next(s, len, 0), 1);
	ck_assert_uint_eq(utf8_next(s, len, 1), 4);
	ck_assert_uint_eq(utf8_next(s, len, 4), 8);
	ck_assert_uint_eq(utf8_next(s, len, 8), 9);
	ck_assert_uint_eq(utf8_next(s, len, 9), 9);
	ck_assert_uint_eq(utf8_prev(s, 9), 8);
	ck_assert_uint_eq(utf8_prev(s, 8), 4);
	ck_assert_uint_eq(utf8_prev(s, 4), 1);
	ck_assert_uint_eq(utf8_prev(s, 1), 0);
	ck_assert_uint_eq(utf8_prev(s, 0), 0);
	/* an invalid byte is stepped over one at a time */
	ck_assert_uint_eq(utf8_next("\xff\xff", 2, 0), 1);
}
END_TEST

START_TEST(widths)
{
	ck_assert_int_eq(cp_width('a'), 1);
	ck_assert_int_eq(cp_width(' '), 1);
	ck_assert_int_eq(cp_width(0x4E2D), 2);      /* 中 */
	ck_assert_int_eq(cp_width(0x3000), 2);      /* ideographic space */
	ck_assert_int_eq(cp_width(0xFF21), 2);      /* fullwidth A */
	ck_assert_int_eq(cp_width(0xAC00), 2);      /* 가 */
	ck_assert_int_eq(cp_width(0x1F600), 2);     /* 😀 */
	ck_assert_int_eq(cp_width(0x0301), 0);      /* combining acute */
	ck_assert_int_eq(cp_width(0x200B), 0);      /* zero width space */
	ck_assert_int_eq(cp_width(0x1B), 1);        /* ESC, drawn as ␛ */
	ck_assert_int_eq(cp_width('\t'), 1);
	ck_assert_int_eq(cp_width('\n'), 1);
	ck_assert_int_eq(cp_width(0x7F), 1);
	ck_assert_int_eq(cp_width(0x85), 1);        /* C1 */
	ck_assert_int_eq(cp_width(0xE9), 1);

	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("中文"), 4);
	ck_assert_int_eq(text_width("项目背景介绍"), 12);
	ck_assert_int_eq(text_width("e\xcc\x81"), 1);
	ck_assert_int_eq(text_width("a\x1b[31mb"), 7);
	ck_assert_int_eq(text_width("\xff"), 1);
	ck_assert_int_eq(text_width("a中b"), 4);
	/* the width is the width of the sanitised text */
	const char *samples[] = { "a\x1b[0m中", "x\xffy\xc0\x80", "tab\there", "e\xcc\x81中" };
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		char *safe = text_sanitize(samples[i], false);
		ck_assert_int_eq(text_width(samples[i]), text_width(safe));
		free(safe);
	}
}
END_TEST

START_TEST(fitting)
{
	int used = -1;
	ck_assert_uint_eq(text_fit("abcdef", 3, &used), 3);
	ck_assert_int_eq(used, 3);
	ck_assert_uint_eq(text_fit("abc", 10, &used), 3);
	ck_assert_int_eq(used, 3);
	ck_assert_uint_eq(text_fit("abc", 0, &used), 0);
	ck_assert_int_eq(used, 0);
	/* a wide character never straddles the edge */
	ck_assert_uint_eq(text_fit("中文字", 3, &used), 3);
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(text_fit("中文字", 4, &used), 6);
	ck_assert_int_eq(used, 4);
	ck_assert_uint_eq(text_fit("中文字", 1, &used), 0);
	ck_assert_int_eq(used, 0);
	ck_assert_uint_eq(text_fit("a中", 2, &used), 1);
	ck_assert_int_eq(used, 1);
	/* a combining mark stays with its base */
	ck_assert_uint_eq(text_fit("e\xcc\x81x", 1, &used), 3);
	ck_assert_int_eq(used, 1);
	ck_assert_uint_eq(text_fit("x", 1, NULL), 1);
	/* invalid bytes take one column each, as drawn */
	ck_assert_uint_eq(text_fit("\xff\xffz", 2, &used), 2);

	/* at every width, the cut is at a character boundary and fits */
	const char *s = "Ab中\xf0\x9f\x98\x80" "e\xcc\x81" "文\x1b" "z";
	for (int cols = 0; cols <= text_width(s) + 1; cols++) {
		size_t at = text_fit(s, cols, &used);
		ck_assert_msg(utf8_valid(s, at), "cut inside a character at %d columns", cols);
		ck_assert_int_le(used, cols);
		char *head = strndup(s, at);
		ck_assert_int_eq(text_width(head), used);
		free(head);
		/* and nothing more fits: the next character would not */
		if (at < strlen(s)) {
			size_t next = utf8_next(s, strlen(s), at);
			char *more = strndup(s, next);
			ck_assert_int_gt(text_width(more), cols);
			free(more);
		}
	}
}
END_TEST

START_TEST(sanitizing)
{
	char *s = text_sanitize("a\x1b[31mred\x1b[0m", false);
	ck_assert_str_eq(s, "a\xe2\x90\x9b[31mred\xe2\x90\x9b[0m");   /* ␛ */
	ck_assert_ptr_null(strchr(s, 0x1b));
	free(s);
	s = text_sanitize("bad\xff\xfe" "end", false);
	ck_assert_str_eq(s, "bad\xef\xbf\xbd\xef\xbf\xbd" "end");      /* U+FFFD each */
	free(s);
	s = text_sanitize("\xc0\x80", false);                          /* overlong NUL */
	ck_assert_str_eq(s, "\xef\xbf\xbd\xef\xbf\xbd");
	free(s);
	s = text_sanitize("\xed\xa0\x80", false);                      /* surrogate */
	ck_assert(valid(s));
	ck_assert_ptr_null(strstr(s, "\xed\xa0\x80"));
	free(s);
	s = text_sanitize("one\ntwo", false);
	ck_assert_str_eq(s, "one\xe2\x8f\x8etwo");                     /* ⏎ */
	free(s);
	s = text_sanitize("one\ntwo", true);
	ck_assert_str_eq(s, "one\ntwo");
	free(s);
	s = text_sanitize("\t\r\x07\x7f", false);
	ck_assert_str_eq(s, "\xe2\x90\x89\xe2\x90\x8d\xe2\x90\x87\xe2\x90\xa1");  /* ␉␍␇␡ */
	free(s);
	s = text_sanitize("C1:\xc2\x9b" "x", false);                  /* CSI as a C1 control */
	ck_assert_ptr_null(strstr(s, "\xc2\x9b"));
	ck_assert(valid(s));
	free(s);
	s = text_sanitize("中文 ok é", false);
	ck_assert_str_eq(s, "中文 ok é");
	free(s);
	s = text_sanitize("", false);
	ck_assert_str_eq(s, "");
	free(s);
	/* the worst case grows every byte to three */
	char worst[256];
	memset(worst, 0x1b, sizeof worst - 1);
	worst[sizeof worst - 1] = '\0';
	s = text_sanitize(worst, false);
	ck_assert_uint_eq(strlen(s), 3 * (sizeof worst - 1));
	free(s);
	memset(worst, 0xff, sizeof worst - 1);
	s = text_sanitize(worst, false);
	ck_assert_uint_eq(strlen(s), 3 * (sizeof worst - 1));
	ck_assert(valid(s));
	free(s);
}
END_TEST

START_TEST(bidi_and_kept_controls)
{
	/* U+202A..U+202E and U+2066..U+2069 are shown, never sent */
	static const char *const bidi[] = {
		"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad", "\xe2\x80\xae",
		"\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8", "\xe2\x81\xa9",
	};
	for (size_t i = 0; i < sizeof bidi / sizeof bidi[0]; i++) {
		char in[16];
		snprintf(in, sizeof in, "a%sb", bidi[i]);
		char *s = text_sanitize(in, false);
		ck_assert_str_eq(s, "a\xef\xbf\xbd" "b");
		free(s);
		ck_assert_int_eq(text_width(in), 3);     /* as drawn: one symbol */
	}
	/* marks that only hint the direction are text */
	char *s = text_sanitize("a\xe2\x80\x8f" "b", false);    /* RIGHT-TO-LEFT MARK */
	ck_assert_str_eq(s, "a\xe2\x80\x8f" "b");
	free(s);

	/* text_visible: a length, NULs inside, what the flags keep */
	s = text_visible("a\0b", 3, 0);
	ck_assert_str_eq(s, "a\xe2\x90\x80" "b");               /* ␀ */
	free(s);
	s = text_visible("x\ty\r\nz\r", 7, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS | TEXT_KEEP_CRLF);
	ck_assert_str_eq(s, "x\ty\r\nz\xe2\x90\x8d");          /* a lone CR is ␍ */
	free(s);
	s = text_visible("x\ty\r\nz", 6, TEXT_KEEP_NEWLINES);
	ck_assert_str_eq(s, "x\xe2\x90\x89y\xe2\x90\x8d\nz");
	free(s);
	s = text_visible("\x1b]52;c;aGk=\x07", 12, TEXT_KEEP_NEWLINES | TEXT_KEEP_TABS | TEXT_KEEP_CRLF);
	ck_assert_ptr_null(strchr(s, 0x1b));
	ck_assert_ptr_null(strchr(s, 0x07));
	free(s);
}
END_TEST

static char *key(const char *s)
{
	char *k = text_name_key(s);
	ck_assert_ptr_nonnull(k);
	return k;
}

START_TEST(trimming_and_name_keys)
{
	size_t start, n;
	n = text_trim("  a b \t\n", 8, &start);
	ck_assert_uint_eq(start, 2);
	ck_assert_uint_eq(n, 3);
	/* NBSP, IDEOGRAPHIC SPACE, ZERO WIDTH SPACE, BOM at the ends */
	const char *u = "\xc2\xa0\xe3\x80\x80x\xe2\x80\x8b\xef\xbb\xbf";
	n = text_trim(u, strlen(u), &start);
	ck_assert_uint_eq(n, 1);
	ck_assert_int_eq(u[start], 'x');
	/* a variation selector ending an emoji stays */
	const char *emoji = "ok \xe2\x9c\x94\xef\xb8\x8f";
	ck_assert_uint_eq(text_trim(emoji, strlen(emoji), &start), strlen(emoji));
	ck_assert(text_blank(""));
	ck_assert(text_blank(" \t\n\xc2\xa0\xe2\x80\x8b"));
	ck_assert(!text_blank(" . "));

	char *a = key("Apollo");
	static const char *const alike[] = {
		"Apollo ", " Apollo", "Apollo\xc2\xa0", "Apo\xe2\x80\x8bllo", "Apollo\xe2\x80\x8d",
		"Ap\xc2\xadollo" /* SOFT HYPHEN */, "Apollo\xe2\x80\xae", "\xef\xbb\xbf" "Apollo",
	};
	for (size_t i = 0; i < sizeof alike / sizeof alike[0]; i++) {
		char *k = key(alike[i]);
		ck_assert_msg(strcmp(k, a) == 0, "look-alike %zu has key '%s'", i, k);
		free(k);
		ck_assert(text_same_name(alike[i], "Apollo"));
	}
	free(a);
	ck_assert(text_same_name("Apollo One", "Apollo\xc2\xa0\xe2\x80\x83 One"));
	ck_assert(text_same_name("Caf\xc3\xa9", "Cafe\xcc\x81"));            /* NFC */
	ck_assert(!text_same_name("Apollo", "apollo"));
	ck_assert(!text_same_name("Apollo One", "ApolloOne"));
	ck_assert(!text_same_name("\xe4\xb8\xad", "\xe4\xb8\x8d"));
	/* a name that is not UTF-8 is compared as its bytes */
	ck_assert(text_same_name("a\xff", "a\xff"));
	ck_assert(!text_same_name("a\xff", "a\xfe"));
}
END_TEST

Suite *suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, utf8_validity);
	tcase_add_test(tc, utf8_decoding);
	tcase_add_test(tc, widths);
	tcase_add_test(tc, fitting);
	tcase_add_test(tc, sanitizing);
	tcase_add_test(tc, bidi_and_kept_controls);
	tcase_add_test(tc, trimming_and_name_keys);
	suite_add_tcase(s, tc);
	return s;
}
