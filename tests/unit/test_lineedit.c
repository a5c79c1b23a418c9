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

/* Soft wrapping: rows break at spaces, the cursor's row and column
 * follow them, and up/down move by rows. */
START_TEST(wrap_rows_and_cursor)
{
	struct lineedit le;
	ck_assert(le_init(&le, "the budget is approved for the first phase", true));
	le.wrap = 12;
	/* "the budget" | "is approved" | "for the" | "first phase" */
	ck_assert_int_eq(le_wrap_rows(&le), 4);
	size_t s, e;
	ck_assert(le_wrap_range(&le, 1, &s, &e));
	ck_assert_int_eq((int)s, 11);
	ck_assert_int_eq((int)(e - s), 11);
	ck_assert(!le_wrap_range(&le, 4, &s, &e));
	int row, col;
	le_wrap_pos(&le, &row, &col);               /* at the end */
	ck_assert_int_eq(row, 3);
	ck_assert_int_eq(col, 11);
	le_to_start(&le);
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 0);
	ck_assert_int_eq(col, 0);
	for (int i = 0; i < 4; i++)
		le_right(&le);                          /* "the |budget" */
	ck_assert(le_down(&le));
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 4);
	ck_assert_int_eq((int)le.cur, 15);          /* "is a|pproved" */
	ck_assert(le_down(&le));
	ck_assert(le_down(&le));
	ck_assert(!le_down(&le));                   /* no row below the last */
	ck_assert(le_up(&le));
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert(le_up(&le) && le_up(&le));
	ck_assert(!le_up(&le));                     /* none above the first */
	le_free(&le);
}
END_TEST

/* Typing at the end of a row that fills the width: the cursor goes to
 * the next row, which counts as shown, so the view scrolls to it. */
START_TEST(wrap_typing_at_the_end)
{
	struct lineedit le;
	ck_assert(le_init(&le, "", true));
	le.wrap = 10;
	ck_assert(le_insert(&le, "abcde fghi", 10));
	int row, col;
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 1);                   /* past a full row */
	ck_assert_int_eq(col, 0);
	ck_assert_int_eq(le_wrap_rows(&le), 2);
	ck_assert(le_insert(&le, " j", 2));
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 1);
	/* A view one row high follows the cursor down, and back up. */
	le_scroll_to(&le, 10, 1);
	ck_assert_int_eq(le.top, 1);
	ck_assert_int_eq(le.scroll, 0);             /* wrapping never scrolls sideways */
	le_to_start(&le);
	le_scroll_to(&le, 10, 1);
	ck_assert_int_eq(le.top, 0);
	le_free(&le);
}
END_TEST

/* Chinese wraps between characters; moving down a row that runs
 * straight into the next stays on the row below. */
START_TEST(wrap_chinese)
{
	struct lineedit le;
	ck_assert(le_init(&le, "采用微服务架构接口", true));   /* 9 wide characters */
	le.wrap = 8;                                           /* four a row */
	ck_assert_int_eq(le_wrap_rows(&le), 3);
	size_t s, e;
	ck_assert(le_wrap_range(&le, 1, &s, &e));
	ck_assert_int_eq((int)s, 12);
	ck_assert_int_eq((int)(e - s), 12);
	le_to_start(&le);
	le_right(&le);
	ck_assert(le_down(&le));
	int row, col;
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 2);
	le_end(&le);
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 2);
	ck_assert(le_up(&le));
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 1);                   /* not past its end onto row 2 */
	le_free(&le);
}
END_TEST

/* A newline starts a row of its own; an empty last line has one. */
START_TEST(wrap_newlines)
{
	struct lineedit le;
	ck_assert(le_init(&le, "one two three\n", true));
	le.wrap = 8;
	/* "one two" | "three" | "" */
	ck_assert_int_eq(le_wrap_rows(&le), 3);
	int row, col;
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 2);
	ck_assert_int_eq(col, 0);
	ck_assert(le_up(&le));
	le_wrap_pos(&le, &row, &col);
	ck_assert_int_eq(row, 1);
	ck_assert_int_eq(col, 0);
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
	TCase *wrap = tcase_create("wrap");
	tcase_add_test(wrap, wrap_rows_and_cursor);
	tcase_add_test(wrap, wrap_typing_at_the_end);
	tcase_add_test(wrap, wrap_chinese);
	tcase_add_test(wrap, wrap_newlines);
	suite_add_tcase(s, wrap);
	return s;
}
