/* trace.c - $KICKOFF_TRACE timing marks (see trace.h). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "kickoff/trace.h"

/* -2: not looked at yet; -1: off; else the open file. */
static int trace_fd = -2;

static void trace_open(void)
{
	const char *path = getenv("KICKOFF_TRACE");
	trace_fd = -1;
	if (path && *path)
		trace_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (trace_fd < 0)
		trace_fd = -1;
}

bool trace_on(void)
{
	if (trace_fd == -2)
		trace_open();
	return trace_fd >= 0;
}

void trace_mark(const char *what)
{
	if (trace_fd == -1)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	if (trace_fd == -2) {
		trace_open();
		if (trace_fd < 0)
			return;
	}
	char line[96];
	int n = snprintf(line, sizeof line, "%lld %s\n",
	                 (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec, what);
	if (n > 0 && n < (int)sizeof line) {
		/* One write with O_APPEND: lines from two processes never mix. */
		ssize_t w = write(trace_fd, line, (size_t)n);
		(void)w;
	}
}
