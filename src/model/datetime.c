/* datetime.c - validation of typed dates and times, and a stamp shown in
 * local time.  The clock that says "now" is in src/platform/clock.c. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/datetime.h"

static bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Checks the first 10 bytes are a date; the caller checks what follows. */
static bool date_prefix(const char *s)
{
	if (!digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
	    !digits(s + 8, 2))
		return false;
	int y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
	return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool date_valid(const char *s)
{
	return s && strlen(s) == 10 && date_prefix(s);
}

static bool time_valid(const char *s)
{
	return digits(s, 2) && s[2] == ':' && digits(s + 3, 2) &&
	       num(s, 2) < 24 && num(s + 3, 2) < 60;
}

bool datetime_valid(const char *s)
{
	return s && strlen(s) == 16 && date_prefix(s) && s[10] == ' ' &&
	       time_valid(s + 11);
}

bool stamp_valid(const char *s)
{
	return s && strlen(s) == 20 && date_prefix(s) && s[10] == 'T' && time_valid(s + 11) &&
	       s[16] == ':' && digits(s + 17, 2) && num(s + 17, 2) < 60 && s[19] == 'Z';
}

void stamp_to_local(const char *stamp, char buf[17])
{
	if (!stamp || strlen(stamp) != 20 || !date_prefix(stamp) ||
	    stamp[10] != 'T' || stamp[19] != 'Z' || !time_valid(stamp + 11)) {
		snprintf(buf, 17, "%s", stamp ? stamp : "");
		return;
	}
	struct tm tm = {
		.tm_year = num(stamp, 4) - 1900, .tm_mon = num(stamp + 5, 2) - 1,
		.tm_mday = num(stamp + 8, 2), .tm_hour = num(stamp + 11, 2),
		.tm_min = num(stamp + 14, 2), .tm_sec = num(stamp + 17, 2),
	};
	time_t t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(buf, 17, "%Y-%m-%d %H:%M", &tm);
}
