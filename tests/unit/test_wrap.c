/* test_wrap.c - breaking text into lines: words, Chinese, punctuation
 * rules, newlines, words longer than the line, widths. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"
#include "kickoff/wrap.h"

/* The lines of s at width, joined with '|'. */
static char *wrapped(const char *s, int width)
{
	struct wrap_line l[64];
	size_t n = text_wrap(s, width, l, 64);
	ck_assert_uint_le(n, 64);
	static char buf[4096];
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf[at++] = '|';
		memcpy(buf + at, s + l[i].start, l[i].len);
		at += l[i].len;
		/* At most width, but one character always goes on a line. */
		ck_assert(l[i].cols <= width || utf8_next(s, strlen(s), l[i].start) == l[i].start + l[i].len);
		/* cols is the drawn width of the line */
		char one[512];
		memcpy(one, s + l[i].start, l[i].len);
		one[l[i].len] = '\0';
		ck_assert_int_eq(l[i].cols, text_width(one));
	}
	buf[at] = '\0';
	return buf;
}

START_TEST(words)
{
	ck_assert_str_eq(wrapped("Weekly status on Mondays", 10), "Weekly|status on|Mondays");
	ck_assert_str_eq(wrapped("Weekly status on Mondays", 24), "Weekly status on Mondays");
	ck_assert_str_eq(wrapped("Weekly status on Mondays", 23), "Weekly status on|Mondays");
	ck_assert_str_eq(wrapped("hello world", 5), "hello|world");
	ck_assert_str_eq(wrapped("a  b", 1), "a|b");
	ck_assert_str_eq(wrapped("hello   ", 5), "hello");
	ck_assert_str_eq(wrapped("", 10), "");
	ck_assert_uint_eq(text_wrap("", 10, NULL, 0), 1);
}
END_TEST

START_TEST(long_words_are_cut)
{
	ck_assert_str_eq(wrapped("abcdefghij", 4), "abcd|efgh|ij");
	ck_assert_str_eq(wrapped("see https://example.org/a/b/c", 10), "see|https://ex|ample.org/|a/b/c");
	/* width below one is taken as one */
	ck_assert_str_eq(wrapped("ab", 0), "a|b");
}
END_TEST

START_TEST(newlines_kept)
{
	ck_assert_str_eq(wrapped("one\ntwo three", 20), "one|two three");
	ck_assert_str_eq(wrapped("one\r\ntwo", 20), "one|two");
	ck_assert_str_eq(wrapped("one\n\nthree", 20), "one||three");
	ck_assert_str_eq(wrapped("trailing\n", 20), "trailing|");
	ck_assert_str_eq(wrapped("  indented", 20), "  indented");
}
END_TEST

START_TEST(chinese)
{
	/* Six wide characters in 8 columns: four fit. */
	ck_assert_str_eq(wrapped("采用微服务架", 8), "采用微服|务架");
	/* A comma never starts a line: the character before it moves down. */
	ck_assert_str_eq(wrapped("采用微服，务", 8), "采用微|服，务");
	/* An opening bracket never ends one. */
	ck_assert_str_eq(wrapped("采用微「服务」", 8), "采用微|「服务」");
	/* Mixed: Latin words stay whole, breaks fall beside Chinese. */
	ck_assert_str_eq(wrapped("接口使用REST风格", 10), "接口使用|REST风格");
	/* A wide character never straddles the edge: odd widths. */
	ck_assert_str_eq(wrapped("项目背景介绍", 5), "项目|背景|介绍");
	/* Narrower than one wide character: one per line, never lost. */
	ck_assert_str_eq(wrapped("项目", 1), "项|目");
}
END_TEST

START_TEST(counts_past_max)
{
	struct wrap_line l[2];
	size_t n = text_wrap("a b c d e", 1, l, 2);
	ck_assert_uint_eq(n, 5);
	ck_assert_uint_eq(l[0].start, 0);
	ck_assert_uint_eq(l[1].start, 2);
	/* Invalid bytes count one column each and are kept in the lines. */
	ck_assert_str_eq(wrapped("ab\xff\xfe" "cd", 3), "ab\xff|\xfe" "cd");
}
END_TEST

Suite *suite_wrap(void)
{
	Suite *s = suite_create("wrap");
	TCase *tc = tcase_create("wrap");
	tcase_add_test(tc, words);
	tcase_add_test(tc, long_words_are_cut);
	tcase_add_test(tc, newlines_kept);
	tcase_add_test(tc, chinese);
	tcase_add_test(tc, counts_past_max);
	suite_add_tcase(s, tc);
	return s;
}
