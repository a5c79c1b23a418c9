/* spawn.c - the wall time of one command, from its start to its exit.
 *
 *   bench-spawn OUT COMMAND [ARG...]
 *
 * Starts COMMAND with posix_spawnp (its output goes where ours goes),
 * waits for it and writes the microseconds between the two to the file
 * OUT, then exits with the command's status.  bench/run times each
 * per-call figure with it, for kickoff and the peers alike: timing from
 * bash instead adds the fork of the shell itself (a copy of a large
 * process, some 0.5 ms on a virtual machine) to every call. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static long long now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench-spawn OUT COMMAND [ARG...]\n");
		return 2;
	}
	pid_t pid;
	long long t0 = now_us();
	int rc = posix_spawnp(&pid, argv[2], NULL, NULL, argv + 2, environ);
	if (rc != 0) {
		fprintf(stderr, "bench-spawn: %s: %s\n", argv[2], strerror(rc));
		return 127;
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			perror("bench-spawn: waitpid");
			return 2;
		}
	long long t1 = now_us();
	FILE *f = fopen(argv[1], "w");
	if (!f || fprintf(f, "%lld\n", t1 - t0) < 0 || fclose(f) != 0) {
		perror("bench-spawn: OUT");
		return 2;
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
