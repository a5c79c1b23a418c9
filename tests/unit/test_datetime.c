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
	ck_assert(date_valid("2026-01-31"));
	ck_assert(!date_valid("2026-04-31"));
	ck_assert(!date_valid("2026-06-31"));
	ck_assert(!date_valid("2026-12-32"));
	ck_assert(!date_valid("2026-12-00"));
	ck_assert(date_valid("2026-12-31"));
	ck_assert(!date_valid("0000-01-01"));
	ck_assert(!date_valid("2026/11/26"));
	ck_assert(!date_valid("2026-11-2a"));
	ck_assert(!date_valid(" 2026-11-26"));
	ck_assert(!date_valid("+026-11-26"));
	ck_assert(!date_valid("2026-11-26 09:00"));
	ck_assert(!date_valid(NULL));
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
	ck_assert(datetime_valid("2028-02-29 00:00"));
	ck_assert(!datetime_valid("2026-02-29 00:00"));
	ck_assert(!datetime_valid("2026-13-01 10:00"));
	ck_assert(!datetime_valid("2026-11-26 24:30"));
	ck_assert(!datetime_valid("2026-11-26 -1:00"));
	ck_assert(!datetime_valid("2026-11-26 09:00:00"));
	ck_assert(!datetime_valid("2026-11-26 09:0"));
	ck_assert(!datetime_valid("2026-11-26 09-00"));
	ck_assert(!datetime_valid("2026-11-26"));
	ck_assert(!datetime_valid(""));
	ck_assert(!datetime_valid(NULL));
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
	const char *bad[] = { "2026-02-30 09:00", "2026-11-26", "2026-11-26 09:00:60",
	                      "2026-11-26 09:00:5", "2026-11-26T09:00", "soon",
	                      "2027-02-29 09:00", "2026-13-01 09:00", "0000-01-01 09:00",
	                      "2026-04-31 09:00", "2026-11-00 09:00", "2026-11-26 09:00 " };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		setenv("KICKOFF_NOW", bad[i], 1);
		ck_assert_msg(clock_now() == (time_t)-1, "accepted KICKOFF_NOW '%s'", bad[i]);
	}
	/* seconds, and a leap day */
	setenv("KICKOFF_NOW", "2028-02-29 23:59:58", 1);
	clock_stamp(stamp);
	ck_assert_str_eq(stamp, "2028-02-29T23:59:58Z");
	clock_today(today);
	ck_assert_str_eq(today, "2028-02-29");
	/* a malformed clock reads as the epoch rather than garbage */
	setenv("KICKOFF_NOW", "garbage", 1);
	clock_today(today);
	ck_assert_str_eq(today, "1970-01-01");
	/* what is not a stamp is copied as it is */
	stamp_to_local("2026-11-26 09:00", local);
	ck_assert_str_eq(local, "2026-11-26 09:00");
	stamp_to_local("", local);
	ck_assert_str_eq(local, "");
	stamp_to_local(NULL, local);
	ck_assert_str_eq(local, "");
	unsetenv("KICKOFF_NOW");
	/* the real clock without the variable */
	time_t before = time(NULL);
	time_t now = clock_now();
	ck_assert(now >= before && now <= before + 5);
}
END_TEST

/* KICKOFF_NOW and due dates are local time; stamps are UTC. */
START_TEST(local_time_zone)
{
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	setenv("KICKOFF_NOW", "2026-11-26 01:30", 1);
	char today[11], stamp[21], local[17];
	clock_today(today);
	ck_assert_str_eq(today, "2026-11-26");
	clock_stamp(stamp);
	ck_assert_str_eq(stamp, "2026-11-25T17:30:00Z");
	stamp_to_local(stamp, local);
	ck_assert_str_eq(local, "2026-11-26 01:30");
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("KICKOFF_NOW");
}
END_TEST

START_TEST(stamps)
{
	ck_assert(stamp_valid("2026-11-26T09:00:00Z"));
	ck_assert(stamp_valid("2024-02-29T23:59:59Z"));
	ck_assert(!stamp_valid("2026-02-30T10:00:00Z"));
	ck_assert(!stamp_valid("2025-02-29T10:00:00Z"));
	ck_assert(!stamp_valid("2026-11-26T24:00:00Z"));
	ck_assert(!stamp_valid("2026-11-26T10:60:00Z"));
	ck_assert(!stamp_valid("2026-11-26T10:00:60Z"));
	ck_assert(!stamp_valid("2026-11-26T10:00:00"));
	ck_assert(!stamp_valid("2026-11-26T10:00:00+"));
	ck_assert(!stamp_valid("2026-11-26 10:00:00Z"));
	ck_assert(!stamp_valid("2026-11-26T10-00:00Z"));
	ck_assert(!stamp_valid("2026-11-26T1a:00:00Z"));
	ck_assert(!stamp_valid(""));
	ck_assert(!stamp_valid(NULL));
	char now[21];
	clock_stamp(now);
	ck_assert(stamp_valid(now));
}
END_TEST

Suite *suite_datetime(void)
{
	Suite *s = suite_create("datetime");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, dates);
	tcase_add_test(tc, times);
	tcase_add_test(tc, stamps);
	tcase_add_test(tc, fixed_clock);
	tcase_add_test(tc, local_time_zone);
	suite_add_tcase(s, tc);
	return s;
}
