/* clock.c - "now", from the system clock or $KICKOFF_NOW (see clock.h). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/clock.h"

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* s has pat's shape: a digit where pat has 'd', else pat's character. */
static bool shaped(const char *s, const char *pat)
{
	for (; *pat; s++, pat++)
		if (*pat == 'd' ? *s < '0' || *s > '9' : *s != *pat)
			return false;
	return *s == '\0';
}

/* $KICKOFF_NOW's time, or (time_t)-1.  The platform is below the model,
 * so the calendar is checked here by a round trip through timegm (UTC: no
 * daylight saving gap) rather than with the model's date rules. */
static time_t parse_now(const char *env)
{
	bool secs = shaped(env, "dddd-dd-dd dd:dd:dd");
	if (!secs && !shaped(env, "dddd-dd-dd dd:dd"))
		return (time_t)-1;
	struct tm tm = {
		.tm_year = num(env, 4) - 1900, .tm_mon = num(env + 5, 2) - 1,
		.tm_mday = num(env + 8, 2), .tm_hour = num(env + 11, 2),
		.tm_min = num(env + 14, 2), .tm_sec = secs ? num(env + 17, 2) : 0,
		.tm_isdst = -1,
	};
	if (num(env, 4) < 1 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 59)
		return (time_t)-1;
	struct tm utc = tm, back;
	time_t t = timegm(&utc);
	if (!gmtime_r(&t, &back) || back.tm_mday != tm.tm_mday || back.tm_mon != tm.tm_mon)
		return (time_t)-1;
	return mktime(&tm);
}

/* The first line of $KICKOFF_NOW_FILE: a clock a test steps by writing
 * the file while the program runs (in tmux); "" when there is none. */
static const char *now_from_file(char *buf, size_t n)
{
	const char *path = getenv("KICKOFF_NOW_FILE");
	FILE *f = path && *path ? fopen(path, "r") : NULL;
	buf[0] = '\0';
	if (!f)
		return buf;
	if (!fgets(buf, (int)n, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

time_t clock_now(void)
{
	char line[64];
	const char *env = now_from_file(line, sizeof line);
	if (!*env)
		env = getenv("KICKOFF_NOW");
	if (!env || !*env)
		return time(NULL);
	return parse_now(env);
}

static time_t now_or_epoch(void)
{
	time_t t = clock_now();
	return t == (time_t)-1 ? 0 : t;
}

void clock_today(char buf[11])
{
	time_t t = now_or_epoch();
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

void clock_stamp(char buf[21])
{
	time_t t = now_or_epoch();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
