/* clock.c - "now", from the system clock or $KICKOFF_NOW (see clock.h). */
#include <stdlib.h>
#include <string.h>
#include "kickoff/clock.h"
#include "kickoff/datetime.h"

static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

time_t clock_now(void)
{
	const char *env = getenv("KICKOFF_NOW");
	if (!env || !*env)
		return time(NULL);
	size_t n = strlen(env);
	if (n != 16 && n != 19)
		return (time_t)-1;
	/* The date and minute part is what a meeting's time is; the model's
	 * rule for it is the one rule. */
	char minute[17];
	memcpy(minute, env, 16);
	minute[16] = '\0';
	if (!datetime_valid(minute))
		return (time_t)-1;
	int sec = 0;
	if (n == 19) {
		if (env[16] != ':' || env[17] < '0' || env[17] > '9' || env[18] < '0' ||
		    env[18] > '9' || num(env + 17, 2) > 59)
			return (time_t)-1;
		sec = num(env + 17, 2);
	}
	struct tm tm = {
		.tm_year = num(env, 4) - 1900, .tm_mon = num(env + 5, 2) - 1,
		.tm_mday = num(env + 8, 2), .tm_hour = num(env + 11, 2),
		.tm_min = num(env + 14, 2), .tm_sec = sec, .tm_isdst = -1,
	};
	return mktime(&tm);
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
