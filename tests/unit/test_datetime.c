/* test_datetime.c - date and time validation, the injectable clock. */
#include <check.h>
#include <stdlib.h>
#include "kickoff/datetime.h"

START_TEST(dates)
{
	ck_assert(date_valid("2026-11-26"));
	ck_assert(date_valid("2028-02-29"));
	ck_assert(!date_valid("2026-02-29"));
	ck_assert(!date_valid("2026-02-30"));
	ck_assert(!date_valid("2026-13-01"));
	ck_assert(!date_valid("2026-00-10"));
	ck_assert(!date_valid("2026-1-01"));
	ck_assert(!date_valid("2026-01-01x"));
	ck_assert(!date_valid(""));
	ck_assert(date_valid("2000-02-29"));
	ck_assert(!date_valid("1900-02-29"));
}
END_TEST

START_TEST(times)
{
	ck_assert(datetime_valid("2026-11-26 09:30"));
	ck_assert(datetime_valid("2026-11-26 23:59"));
	ck_assert(!datetime_valid("2026-11-26 24:00"));
	ck_assert(!datetime_valid("2026-11-26 12:60"));
	ck_assert(!datetime_valid("2026-02-30 10:00"));
	ck_assert(!datetime_valid("2026-11-26T09:30"));
	ck_assert(!datetime_valid("2026-11-26 9:30"));
}
END_TEST

START_TEST(fixed_clock)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	char today[11], stamp[21], local[17];
	clock_today(today);
	ck_assert_str_eq(today, "2026-11-26");
	clock_stamp(stamp);
	ck_assert_str_eq(stamp, "2026-11-26T09:00:00Z");
	stamp_to_local(stamp, local);
	ck_assert_str_eq(local, "2026-11-26 09:00");
	setenv("KICKOFF_NOW", "2026-11-26 25:00", 1);
	ck_assert(clock_now() == (time_t)-1);
	unsetenv("KICKOFF_NOW");
}
END_TEST

Suite *suite_datetime(void)
{
	Suite *s = suite_create("datetime");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, dates);
	tcase_add_test(tc, times);
	tcase_add_test(tc, fixed_clock);
	suite_add_tcase(s, tc);
	return s;
}
