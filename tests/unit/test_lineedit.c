/* test_lineedit.c - the text fields' editing and column logic. */
#include <check.h>
#include <string.h>
#include "kickoff/lineedit.h"
#include "kickoff/text.h"

START_TEST(insert_and_columns)
{
	struct lineedit le;
	ck_assert(le_init(&le, "", false));
	ck_assert(le_insert(&le, "ab", 2));
	ck_assert(le_insert(&le, "决策", strlen("决策")));
	ck_assert_str_eq(le.buf, "ab决策");
	ck_assert_int_eq(le_col(&le), 6);
	le_left(&le);
	ck_assert_int_eq(le_col(&le), 4);
	le_left(&le);
	le_left(&le);
	ck_assert_int_eq(le_col(&le), 1);
	ck_assert(le_insert(&le, "中", 3));
	ck_assert_str_eq(le.buf, "a中b决策");
	ck_assert_int_eq(le_col(&le), 3);
	le_backspace(&le);
	ck_assert_str_eq(le.buf, "ab决策");
	le_end(&le);
	le_backspace(&le);
	ck_assert_str_eq(le.buf, "ab决");
	le_home(&le);
	ck_assert_int_eq(le_col(&le), 0);
	le_delete(&le);
	ck_assert_str_eq(le.buf, "b决");
	le_free(&le);
}
END_TEST

START_TEST(newline_and_invalid_dropped_in_one_line)
{
	struct lineedit le;
	ck_assert(le_init(&le, "x\ny", false));
	ck_assert_str_eq(le.buf, "xy");
	ck_assert(le_insert(&le, "\xff" "z", 2));
	ck_assert_str_eq(le.buf, "xyz");
	ck_assert(utf8_valid(le.buf, le.len));
	le_free(&le);
}
END_TEST

START_TEST(kill_keys)
{
	struct lineedit le;
	ck_assert(le_init(&le, "scope 范围 confirmed", false));
	le_kill_word(&le);
	ck_assert_str_eq(le.buf, "scope 范围 ");
	le_kill_word(&le);
	ck_assert_str_eq(le.buf, "scope ");
	le_kill_to_start(&le);
	ck_assert_str_eq(le.buf, "");
	ck_assert_int_eq(le.cur, 0);
	le_free(&le);
}
END_TEST

START_TEST(horizontal_scroll)
{
	struct lineedit le;
	/* 10 wide characters: 20 columns in a field of 7. */
	ck_assert(le_init(&le, "一二三四五六七八九十", false));
	le_scroll_to(&le, 7, 1);
	/* Cursor at the end (column 20) needs its cell: 20 + 1 - 7. */
	ck_assert_int_eq(le.scroll, 14);
	ck_assert_int_eq(le_col(&le) - le.scroll, 6);
	le_home(&le);
	le_scroll_to(&le, 7, 1);
	ck_assert_int_eq(le.scroll, 0);
	/* Move onto the 4th character (column 6): a wide cell needs 6..7. */
	for (int i = 0; i < 3; i++)
		le_right(&le);
	le_scroll_to(&le, 7, 1);
	ck_assert_int_eq(le.scroll, 1);
	int pad;
	size_t at = text_skip_cols(le.buf, le.len, le.scroll, &pad);
	ck_assert_int_eq(pad, 1);                  /* 一 is cut by the edge */
	ck_assert_int_eq(at, 3);                   /* drawing starts at 二 */
	le_free(&le);
}
END_TEST

START_TEST(several_lines)
{
	struct lineedit le;
	ck_assert(le_init(&le, "第一行\nab\nlonger line", true));
	ck_assert_int_eq(le_line_count(&le), 3);
	ck_assert_int_eq(le_line(&le), 2);
	ck_assert(le_up(&le));
	ck_assert_int_eq(le_line(&le), 1);
	ck_assert_int_eq(le_col(&le), 2);          /* short line: its end */
	ck_assert(le_up(&le));
	/* Wanted column 11 is past 第一行 (6 columns): its end. */
	ck_assert_int_eq(le_col(&le), 6);
	ck_assert(!le_up(&le));
	le_home(&le);
	le_right(&le);                             /* column 2 */
	ck_assert(le_down(&le));
	ck_assert_int_eq(le_col(&le), 2);
	ck_assert(le_insert(&le, "\n", 1));
	ck_assert_str_eq(le.buf, "第一行\nab\n\nlonger line");
	size_t s, e;
	ck_assert(le_line_range(&le, 3, &s, &e));
	ck_assert_int_eq(e - s, 11);
	ck_assert(!le_line_range(&le, 4, &s, &e));
	le_scroll_to(&le, 20, 2);
	ck_assert_int_eq(le.top, 1);
	le_free(&le);
}
END_TEST

START_TEST(wide_column_moves)
{
	struct lineedit le;
	ck_assert(le_init(&le, "ab\n中文", true));
	le_up(&le);
	le_end(&le);                                /* column 2 */
	ck_assert(le_down(&le));
	ck_assert_int_eq(le_col(&le), 2);           /* after 中 */
	le_up(&le);
	le_home(&le);
	le_right(&le);                              /* column 1 */
	ck_assert(le_down(&le));
	ck_assert_int_eq(le_col(&le), 0);           /* 中 covers column 1 */
	le_free(&le);
}
END_TEST

Suite *suite_lineedit(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("edit");
	tcase_add_test(tc, insert_and_columns);
	tcase_add_test(tc, newline_and_invalid_dropped_in_one_line);
	tcase_add_test(tc, kill_keys);
	tcase_add_test(tc, horizontal_scroll);
	tcase_add_test(tc, several_lines);
	tcase_add_test(tc, wide_column_moves);
	suite_add_tcase(s, tc);
	return s;
}
