/* datetime.h - dates and times as the user types them (model/: pure).
 *
 * Dates are "YYYY-MM-DD", meeting times "YYYY-MM-DD HH:MM" (local time,
 * 00:00..23:59).  The clock is platform/'s (clock.h). */
#ifndef KICKOFF_DATETIME_H
#define KICKOFF_DATETIME_H

#include <stdbool.h>
#include <time.h>
/* Older callers reach the clock through this header; new code includes
 * clock.h itself. */
#include "kickoff/clock.h"

/* True when s is a real calendar date (leap years included). */
bool date_valid(const char *s);
/* True when s is "YYYY-MM-DD HH:MM" with a valid date and time. */
bool datetime_valid(const char *s);

/* True when s is a UTC stamp "YYYY-MM-DDTHH:MM:SSZ" of a real date and
 * time (as clock_stamp writes). */
bool stamp_valid(const char *s);

/* A UTC stamp as local "YYYY-MM-DD HH:MM" into buf[17]; copies s as it
 * is when it is not a stamp. */
void stamp_to_local(const char *stamp, char buf[17]);

#endif
