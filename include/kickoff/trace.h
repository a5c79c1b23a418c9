/* trace.h - timing marks for the benchmarks (bench/run; platform/).
 *
 * When $KICKOFF_TRACE names a file, trace_mark("key"), "committed" and
 * "drawn" each append one line "<monotonic ns> <what>\n" to it, so a
 * script can measure key -> committed row -> redrawn screen from outside
 * without a clock of its own in the program.  When the variable is unset
 * a mark costs one predictable branch: no system call, no allocation. */
#ifndef KICKOFF_TRACE_H
#define KICKOFF_TRACE_H

#include <stdbool.h>

/* Appends "<CLOCK_MONOTONIC ns> <what>" to $KICKOFF_TRACE, if set.  what
 * is a short word without spaces. */
void trace_mark(const char *what);

/* True when marks are being written; lets a caller skip work done only
 * for a mark. */
bool trace_on(void);

#endif
