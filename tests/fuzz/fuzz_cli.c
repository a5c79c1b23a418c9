/* fuzz_cli.c - the command line on any argv.  The input is split at NUL
 * bytes into up to 24 arguments and handed to cli_main with a database in
 * a private temporary folder, which is also the working directory.
 *
 * Nothing can be written outside that folder: cli_main takes no --db (the
 * harness gives the path), and an argument that could name a file
 * elsewhere (starting with '/' or '~', "=/" as in --output=/x, or any "..")
 * makes the input skipped.  The program's own output goes to /dev/null;
 * sanitizer reports still reach fd 2. */
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include "fuzz.h"
#include "kickoff/cli.h"

#define MAX_ARGS 24

static char dir[256], db[300];
static unsigned long runs;

static void fresh_db(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char p[320];
		snprintf(p, sizeof p, "%s%s", db, suffix[i]);
		unlink(p);
	}
}

static void cleanup(void)
{
	fresh_db();
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	const char *base = getenv("TMPDIR");
	if (!base || !*base)
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(dir, sizeof dir, "%s/kickoff-fuzz-cli.XXXXXX", base);
	if (!mkdtemp(dir) || chdir(dir) != 0) {
		perror("fuzz_cli: temporary folder");
		exit(2);
	}
	snprintf(db, sizeof db, "%s/fuzz.db", dir);
	setenv("KICKOFF_USER", "fuzzer", 1);
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	setenv("TZ", "UTC", 1);
	setenv("KICKOFF_BUSY_TIMEOUT_MS", "100", 1);
	setenv("HOME", dir, 1);
	setenv("XDG_DATA_HOME", dir, 1);
	unsetenv("EDITOR");
	unsetenv("VISUAL");
	stdout = fopen("/dev/null", "w");
	stderr = fopen("/dev/null", "w");
	if (!stdout || !stderr)
		exit(2);
	atexit(cleanup);
	return 0;
}

static bool escapes(const char *a)
{
	return a[0] == '/' || a[0] == '~' || strstr(a, "..") || strstr(a, "=/");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 1 << 20)
		return 0;
	char *buf = fuzz_cstr(data, size);
	char *argv[MAX_ARGS + 1];
	int argc = 0;
	for (size_t at = 0; at <= size && argc < MAX_ARGS;) {
		argv[argc++] = buf + at;
		at += strlen(buf + at) + 1;
	}
	argv[argc] = NULL;
	for (int i = 0; i < argc; i++)
		if (escapes(argv[i])) {
			free(buf);
			return 0;
		}
	/* A fresh database now and then keeps each run quick. */
	if (runs++ % 256 == 0)
		fresh_db();
	/* Twice, from fresh copies: state one run leaves behind (getopt's)
	 * must not reach into the next, whose argv is elsewhere. */
	for (int round = 0; round < 2; round++) {
		char *again = fuzz_cstr(data, size), *v[MAX_ARGS + 1];
		for (int i = 0; i <= argc; i++)
			v[i] = argv[i] ? again + (argv[i] - buf) : NULL;
		cli_main(db, argc, v);
		fflush(stdout);
		/* Stale pointers into this copy then read "nnn...": an option
		 * of `log` that takes a value, which ASan sees read once freed. */
		memset(again, 'n', size);
		free(again);
	}
	free(buf);
	return 0;
}
