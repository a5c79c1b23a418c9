/* agenda.h - the agenda's clock as arithmetic (model/agenda.c): what an
 * item has run, whether it is over its plan, when the meeting should end
 * and whether it has.  Pure: "now" (unix seconds) is handed in, by the
 * callers that ask the platform's clock (clock.h). */
#ifndef KICKOFF_AGENDA_H
#define KICKOFF_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kickoff/model.h"

/* The member of an item in JSON (exports, `item list --json`) that gives
 * the minutes run, rounded: derived, never read back. */
#define ITEM_ACTUAL_KEY "actual_minutes"

/* Unix seconds of a UTC stamp "YYYY-MM-DDTHH:MM:SSZ"; -1 when s is none. */
int64_t stamp_seconds(const char *s);
/* Whether the item's clock runs now. */
bool item_running(const struct item *it);
/* Seconds the item has run by now: what was stored plus the run under
 * way (a clock that reads before its start counts nothing). */
int64_t item_elapsed(const struct item *it, int64_t now);
/* Whole minutes of seconds, to the nearest (30 s rounds up). */
int minutes_of(int64_t seconds);
/* Planned, and run for longer than planned. */
bool item_over(const struct item *it, int64_t now);

/* The whole agenda: the sum of the planned minutes, the seconds run, the
 * index of the item whose clock runs (-1: none). */
int agenda_planned(const struct item *v, size_t n);
int64_t agenda_elapsed(const struct item *v, size_t n, int64_t now);
int agenda_running(const struct item *v, size_t n);
/* The meeting has ended (its summary can be shown): no clock runs, some
 * item was timed, and every item is ticked or the last one was timed. */
bool agenda_ended(const struct item *v, size_t n);
/* The planned end of a meeting that starts at "YYYY-MM-DD HH:MM" and
 * lasts minutes, in the same form, into out[17]; false when starts_at is
 * not a date and time. */
bool agenda_end(const char *starts_at, int minutes, char out[17]);

/* "7:05" (minutes:seconds), "1:02:05" past an hour; a negative count
 * reads as 0:00. */
void clock_text(int64_t seconds, char *buf, size_t n);
/* A bar of width cells of seconds used against planned minutes: full
 * cells "█", empty "░"; past the plan every cell is "▓" so that over
 * time reads without colour.  Empty when nothing is planned. */
void agenda_bar(int64_t seconds, int planned_minutes, int width, char *buf, size_t n);

#endif
