/* fuzz_datetime.c - date_valid, datetime_valid, the $KICKOFF_NOW clock
 * and stamp_to_local on any bytes.  Invariants: what is accepted has the
 * exact shape and a real calendar day, and prints back as itself. */
#include <string.h>
#include <time.h>
#include "fuzz.h"
#include "kickoff/datetime.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "UTC", 1);
	tzset();
	return 0;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* An independent check of the calendar, by sscanf. */
static bool real_date(const char *s)
{
	int y, m, d, k = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) != 3 || k != 10)
		return false;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	return d <= days[m - 1] + (m == 2 && leap(y));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	size_t n = strlen(s);

	bool dv = date_valid(s);
	FUZZ_ASSERT(dv == (n == 10 && real_date(s)), "date_valid('%s') = %d", s, dv);

	bool tv = datetime_valid(s);
	if (tv) {
		FUZZ_ASSERT(n == 16 && s[10] == ' ' && s[13] == ':', "datetime shape '%s'", s);
		char d[11];
		memcpy(d, s, 10);
		d[10] = '\0';
		FUZZ_ASSERT(date_valid(d), "datetime with a bad date '%s'", s);
		int hh = (s[11] - '0') * 10 + (s[12] - '0'), mm = (s[14] - '0') * 10 + (s[15] - '0');
		FUZZ_ASSERT(hh >= 0 && hh < 24 && mm >= 0 && mm < 60, "time out of range '%s'", s);
	}

	/* The clock: a malformed $KICKOFF_NOW gives -1, a good one a time
	 * that prints back as what was set. */
	setenv("KICKOFF_NOW", s, 1);
	time_t t = clock_now();
	if (n == 16 && tv && t != (time_t)-1) {
		struct tm tm;
		char back[32];
		FUZZ_ASSERT(gmtime_r(&t, &tm), "gmtime");
		strftime(back, sizeof back, "%Y-%m-%d %H:%M", &tm);
		/* Years before 1000 print with fewer digits: compare those by value. */
		if (s[0] != '0')
			FUZZ_ASSERT(strcmp(back, s) == 0, "clock '%s' read back as '%s'", s, back);
	}
	if (n != 0 && n != 16 && n != 19)
		FUZZ_ASSERT(t == (time_t)-1, "odd-length KICKOFF_NOW '%s' accepted", s);
	char today[11], stamp[21], local[17];
	clock_today(today);
	clock_stamp(stamp);
	FUZZ_ASSERT(strlen(today) <= 10 && strlen(stamp) <= 20, "clock buffers");
	stamp_to_local(s, local);
	FUZZ_ASSERT(strlen(local) <= 16, "stamp_to_local overflow");
	unsetenv("KICKOFF_NOW");
	free(s);
	return 0;
}
