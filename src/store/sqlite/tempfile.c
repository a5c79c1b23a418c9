/* tempfile.c - the temporary copies backup and restore write, and the
 * sweep that removes those a killed command left behind.
 *
 * A copy is as big as the database, and SQLite adds its -journal (or
 * -wal and -shm) beside it; a command killed in the middle leaves them
 * all.  So each has a name that says whose it is: TARGET.kickoff-tmp-
 * PID-XXXXXX (mkstemp's six characters), and the next backup, restore or
 * doctor working in that folder removes every such file of ours whose
 * process is gone.  A live process of that number that started after
 * the file was last written is another program that got the number
 * again: the file is stale too. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

#define TEMP_MARK ".kickoff-tmp-"

int temp_beside(const char *target, char *out, size_t n)
{
	if (snprintf(out, n, "%s" TEMP_MARK "%ld-XXXXXX", target, (long)getpid()) >= (int)n) {
		errno = ENAMETOOLONG;
		return -1;
	}
	int fd = mkstemp(out);
	if (fd >= 0)
		fchmod(fd, 0600);
	return fd;
}

void temp_remove(const char *tmp)
{
	static const char *const suffixes[] = { "-journal", "-wal", "-shm" };
	char side[PATH_MAX];
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (snprintf(side, sizeof side, "%s%s", tmp, suffixes[i]) < (int)sizeof side)
			unlink(side);
	unlink(tmp);
}

/* The PID in a temporary file's name, or 0 when the name is not one of
 * ours: TEMP_MARK, digits, '-', six characters of mkstemp, then nothing
 * or one of SQLite's suffixes. */
static long temp_owner(const char *name)
{
	const char *m = strstr(name, TEMP_MARK);
	if (!m || m == name)
		return 0;
	while (strstr(m + 1, TEMP_MARK))
		m = strstr(m + 1, TEMP_MARK);
	const char *p = m + strlen(TEMP_MARK);
	char *end;
	errno = 0;
	long pid = strtol(p, &end, 10);
	if (end == p || *end != '-' || errno || pid <= 0)
		return 0;
	p = end + 1;
	for (int i = 0; i < 6; i++, p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return 0;
	static const char *const suffixes[] = { "", "-journal", "-wal", "-shm" };
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
		if (strcmp(p, suffixes[i]) == 0)
			return pid;
	return 0;
}

/* When process pid started (seconds since the epoch), from /proc; -1
 * when that cannot be read. */
static long long started_at(long pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t got = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[got] = '\0';
	/* The command name (field 2) may hold blanks and ')': the fields
	 * that follow start after the last ')'.  Start time is field 22. */
	char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	unsigned long long ticks = 0;
	int field = 2;
	for (p++; *p && field < 22; p++)
		if (*p == ' ')
			field++;
	if (field != 22 || sscanf(p, "%llu", &ticks) != 1)
		return -1;
	f = fopen("/proc/stat", "r");
	if (!f)
		return -1;
	long long boot = -1;
	char line[256];
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "btime %lld", &boot) == 1)
			break;
	fclose(f);
	long hz = sysconf(_SC_CLK_TCK);
	return boot < 0 || hz <= 0 ? -1 : boot + (long long)(ticks / (unsigned long long)hz);
}

/* Whether the process that wrote a file last modified at mtime is gone. */
static bool writer_gone(long pid, time_t mtime)
{
	if (kill((pid_t)pid, 0) != 0 && errno == ESRCH)
		return true;
	long long start = started_at(pid);
	/* A second of slack: the start time is in whole clock ticks. */
	return start >= 0 && start > (long long)mtime + 1;
}

int temp_sweep(const char *target)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(target, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == target)
		snprintf(dir, sizeof dir, "/");
	else if (snprintf(dir, sizeof dir, "%.*s", (int)(slash - target), target) >= (int)sizeof dir)
		return 0;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int removed = 0;
	long self = (long)getpid();
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		long pid = temp_owner(de->d_name);
		if (pid == 0 || pid == self)
			continue;
		char path[PATH_MAX];
		if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path)
			continue;
		struct stat sb;
		/* Only plain files of this user: never follow a link, never
		 * remove what someone else owns. */
		if (lstat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_uid != geteuid())
			continue;
		if (writer_gone(pid, sb.st_mtime) && unlink(path) == 0)
			removed++;
	}
	closedir(d);
	return removed;
}
