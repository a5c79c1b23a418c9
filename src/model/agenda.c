/* agenda.c - the agenda's clock (see agenda.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "kickoff/agenda.h"

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD?HH:MM" read as calendar fields into tm; false when s is not. */
static bool fields(const char *s, char sep, struct tm *tm)
{
	if (!s || strlen(s) < 16 || s[4] != '-' || s[7] != '-' || s[10] != sep || s[13] != ':')
		return false;
	int y = digits(s, 4), mo = digits(s + 5, 2), d = digits(s + 8, 2);
	int h = digits(s + 11, 2), mi = digits(s + 14, 2);
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59)
		return false;
	*tm = (struct tm){ .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                   .tm_hour = h, .tm_min = mi };
	return true;
}

int64_t stamp_seconds(const char *s)
{
	struct tm tm;
	if (!fields(s, 'T', &tm) || strlen(s) != 20 || s[16] != ':' || s[19] != 'Z')
		return -1;
	int sec = digits(s + 17, 2);
	if (sec < 0 || sec > 59)
		return -1;
	tm.tm_sec = sec;
	return (int64_t)timegm(&tm);
}

bool item_running(const struct item *it)
{
	return it->clock_started_at && *it->clock_started_at;
}

int64_t item_elapsed(const struct item *it, int64_t now)
{
	int64_t s = it->clock_seconds > 0 ? it->clock_seconds : 0;
	if (item_running(it)) {
		int64_t from = stamp_seconds(it->clock_started_at);
		if (from >= 0 && now > from)
			s += now - from;
	}
	return s;
}

int minutes_of(int64_t seconds)
{
	return seconds > 0 ? (int)((seconds + 30) / 60) : 0;
}

bool item_over(const struct item *it, int64_t now)
{
	return it->planned_minutes > 0 && item_elapsed(it, now) > (int64_t)it->planned_minutes * 60;
}

int agenda_planned(const struct item *v, size_t n)
{
	int m = 0;
	for (size_t i = 0; i < n; i++)
		m += v[i].planned_minutes > 0 ? v[i].planned_minutes : 0;
	return m;
}

int64_t agenda_elapsed(const struct item *v, size_t n, int64_t now)
{
	int64_t s = 0;
	for (size_t i = 0; i < n; i++)
		s += item_elapsed(&v[i], now);
	return s;
}

int agenda_running(const struct item *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (item_running(&v[i]))
			return (int)i;
	return -1;
}

bool agenda_ended(const struct item *v, size_t n)
{
	if (n == 0 || agenda_running(v, n) >= 0)
		return false;
	bool timed = false, ticked = true;
	for (size_t i = 0; i < n; i++) {
		timed = timed || v[i].clock_seconds > 0;
		ticked = ticked && v[i].checked_at && *v[i].checked_at;
	}
	return timed && (ticked || v[n - 1].clock_seconds > 0);
}

bool agenda_end(const char *starts_at, int minutes, char out[17])
{
	struct tm tm;
	if (!fields(starts_at, ' ', &tm) || strlen(starts_at) != 16)
		return false;
	/* Calendar arithmetic in UTC: a wall-clock time plus minutes, with no
	 * daylight-saving jump in between to shift it. */
	time_t t = timegm(&tm) + (time_t)(minutes > 0 ? minutes : 0) * 60;
	struct tm end;
	if (!gmtime_r(&t, &end))
		return false;
	strftime(out, 17, "%Y-%m-%d %H:%M", &end);
	return true;
}

void clock_text(int64_t seconds, char *buf, size_t n)
{
	if (seconds < 0)
		seconds = 0;
	long long h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
	if (h)
		snprintf(buf, n, "%lld:%02lld:%02lld", h, m, s);
	else
		snprintf(buf, n, "%lld:%02lld", m, s);
}

void agenda_bar(int64_t seconds, int planned_minutes, int width, char *buf, size_t n)
{
	size_t at = 0;
	if (n)
		buf[0] = '\0';
	if (planned_minutes <= 0 || width <= 0)
		return;
	int64_t plan = (int64_t)planned_minutes * 60;
	bool over = seconds > plan;
	/* Rounded down, so a full bar means the plan is used up. */
	int full = over ? width : (int)(seconds * width / plan);
	for (int i = 0; i < width && at + 4 < n; i++) {
		const char *c = over ? "▓" : i < full ? "█" : "░";
		memcpy(buf + at, c, 3);
		at += 3;
	}
	if (at < n)
		buf[at] = '\0';
}
