/* test_paste.c - a paste made fit for a field: line breaks by the kind
 * of field, tabs as spaces, every control character and bad byte gone. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/paste.h"

static void expect(const char *in, size_t n, bool multiline, const char *want)
{
	char *got = paste_clean(in, n, multiline);
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

#define EXPECT(in, multiline, want) expect(in, sizeof in - 1, multiline, want)

START_TEST(line_breaks)
{
	EXPECT("Budget approved\rAndy owns it", true, "Budget approved\nAndy owns it");
	EXPECT("Budget approved\rAndy owns it", false, "Budget approved Andy owns it");
	EXPECT("a\r\nb\nc\r", true, "a\nb\nc\n");
	EXPECT("a\r\nb\nc\r", false, "a b c ");
	EXPECT("\r\r\n\n", true, "\n\n\n");
	EXPECT("a\tb", true, "a b");
}
END_TEST

START_TEST(controls_dropped)
{
	/* ESC, the rest of its sequence kept as the text it is */
	EXPECT("x\x1b[31my\x1b", false, "x[31my");
	EXPECT("\x01\x02\x03\x04\x07\x08\x0b\x0c\x0e\x1a\x1c\x1f\x7f", true, "");
	/* C1 controls U+0080-U+009F (CSI, OSC, ST as two-byte UTF-8) */
	EXPECT("a\xc2\x9b" "b\xc2\x9d" "c\xc2\x9c" "d\xc2\x85", false, "abcd");
	/* U+00A0 and up are text */
	EXPECT("\xc2\xa0\xe5\x86\xb3\xe5\xae\x9a", false, "\xc2\xa0\xe5\x86\xb3\xe5\xae\x9a");
	/* a NUL inside the bytes is dropped, what follows it is kept */
	EXPECT("a\0b", false, "ab");
	/* invalid UTF-8 bytes are dropped one by one */
	EXPECT("a\xff\xfe" "b\xe5\x86" "c", false, "abc");
	EXPECT("", false, "");
}
END_TEST

Suite *suite_paste(void)
{
	Suite *s = suite_create("paste");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, line_breaks);
	tcase_add_test(tc, controls_dropped);
	suite_add_tcase(s, tc);
	return s;
}
