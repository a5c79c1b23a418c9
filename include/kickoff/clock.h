/* clock.h - what time it is (platform/).  Reads $KICKOFF_NOW
 * ("YYYY-MM-DD HH:MM[:SS]", local) when set, so tests and demos can fix
 * "now"; the first line of the file $KICKOFF_NOW_FILE names, when there
 * is one, comes first, so that a test can step the clock of a running
 * program.  The model never asks the time itself, it is handed it. */
#ifndef KICKOFF_CLOCK_H
#define KICKOFF_CLOCK_H

#include <time.h>

/* Now, honouring $KICKOFF_NOW.  Returns (time_t)-1 when the variable is
 * set but malformed. */
time_t clock_now(void);
/* Local date of now: "YYYY-MM-DD" into buf[11]. */
void clock_today(char buf[11]);
/* UTC timestamp of now: "YYYY-MM-DDTHH:MM:SSZ" into buf[21]. */
void clock_stamp(char buf[21]);

#endif
