/* main.c - parse the global options, pick the database, hand over to the
 * command line (a verb was given) or the screens (none was). */
#include <errno.h>
#include <stdbool.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"
#include "kickoff/identity.h"
#include "kickoff/tui.h"

/* Widths and the screens need a UTF-8 LC_CTYPE whatever the user's
 * locale says; text in the store is always UTF-8.  Only the character
 * type and the messages follow the user's locale: nothing here formats
 * numbers, dates or money by locale (dates are ISO, JSON numbers need a
 * '.'), and each further category is files to open at every start. */
static void setup_locale(void)
{
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	const char *cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0)
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "en_US.UTF-8");
	i18n_init();
}

/* mkdir -p for the default database's folder, private to the user. */
static int make_parent(const char *path)
{
	char *dir = strdup(path);
	if (!dir)
		return -1;
	char *slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; *p; p++) {
			if (*p != '/')
				continue;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				free(dir);
				return -1;
			}
			*p = '/';
		}
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			free(dir);
			return -1;
		}
	}
	free(dir);
	return 0;
}

/* What was printed must have reached its file: a full disk or a closed
 * descriptor is an error like any other, never a silent success.  Most
 * output sits in stdio's buffer until here, so this is the one place that
 * sees every failed write (as gnulib's close_stdout does). */
static int close_output(int status)
{
	errno = 0;
	bool failed = fflush(stdout) != 0;
	int err = errno;
	failed |= ferror(stdout) != 0;
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		err = errno;
	}
	if (failed && status == 0) {
		if (err)
			fprintf(stderr, _("kickoff: cannot write the output: %s\n"), strerror(err));
		else
			fprintf(stderr, _("kickoff: cannot write the output\n"));
		status = ko_err_exit(KO_IO);
	}
	/* A message that could not be written cannot be reported either;
	 * the exit status still says so. */
	if ((fflush(stderr) != 0 || ferror(stderr)) && status == 0)
		status = ko_err_exit(KO_IO);
	return status;
}

static void usage(FILE *f)
{
	fprintf(f, "%s\n\n", _("kickoff - run a project's Kick-off and Technical Kick-off meetings"));
	cli_usage(f);
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	setup_locale();
	return close_output(run(argc, argv));
}

static int run(int argc, char **argv)
{
	const char *db = NULL;
	/* The manual's key tables, as the screens have them; no database. */
	if (argc == 2 && strcmp(argv[1], "__keys") == 0)
		return tui_keys();
	/* Global options come before the verb. */
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			if (++i == argc) {
				fprintf(stderr, _("kickoff: --db needs a path\n"));
				return 1;
			}
			db = argv[i];
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("kickoff %s\n", KICKOFF_VERSION);
			return 0;
		} else {
			cli_eprintf(_("kickoff: unknown option '%s' (see kickoff --help)\n"), argv[i]);
			return 1;
		}
	}
	/* A malformed clock would stamp every change 1970-01-01: refuse it. */
	const char *now = getenv("KICKOFF_NOW");
	if (now && *now && clock_now() == (time_t)-1) {
		fprintf(stderr, _("kickoff: KICKOFF_NOW is not a date and time (want YYYY-MM-DD HH:MM[:SS])\n"));
		return 1;
	}
	if (db && !*db) {
		fprintf(stderr, _("kickoff: --db needs a path\n"));
		return 1;
	}
	char *dflt = NULL;
	if (!db) {
		int is_default;
		dflt = identity_default_db(&is_default);
		if (!dflt) {
			fprintf(stderr, _("kickoff: out of memory\n"));
			return 3;
		}
		if (is_default && make_parent(dflt) != 0) {
			cli_eprintf(_("kickoff: cannot create the folder of '%s': %s\n"), dflt,
			            strerror(errno));
			free(dflt);
			return 3;
		}
		db = dflt;
	}
	int status = i < argc ? cli_main(db, argc - i, argv + i) : tui_main(db);
	free(dflt);
	return status;
}
