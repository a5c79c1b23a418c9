/* datetime.h - dates and times as the user types them, and the clock.
 *
 * Dates are "YYYY-MM-DD", meeting times "YYYY-MM-DD HH:MM" (local time,
 * 00:00..23:59).  The clock reads $KICKOFF_NOW ("YYYY-MM-DD HH:MM[:SS]",
 * local) when set, so tests and demos can fix "now". */
#ifndef KICKOFF_DATETIME_H
#define KICKOFF_DATETIME_H

#include <stdbool.h>
#include <time.h>

/* True when s is a real calendar date (leap years included). */
bool date_valid(const char *s);
/* True when s is "YYYY-MM-DD HH:MM" with a valid date and time. */
bool datetime_valid(const char *s);

/* True when s is a UTC stamp "YYYY-MM-DDTHH:MM:SSZ" of a real date and
 * time (as clock_stamp writes). */
bool stamp_valid(const char *s);

/* Now, honouring $KICKOFF_NOW.  Returns (time_t)-1 when the variable is
 * set but malformed. */
time_t clock_now(void);
/* Local date of now: "YYYY-MM-DD" into buf[11]. */
void clock_today(char buf[11]);
/* UTC timestamp of now: "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
void clock_stamp(char buf[21]);
/* A UTC stamp as local "YYYY-MM-DD HH:MM" into buf[17]; copies s as it
 * is when it is not a stamp. */
void stamp_to_local(const char *stamp, char buf[17]);

#endif
