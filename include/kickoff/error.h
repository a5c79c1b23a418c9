/* error.h - the error codes every layer returns, and what each means to
 * the user.  One list: the enum, the messages and the exit statuses all
 * come from it. */
#ifndef KICKOFF_ERROR_H
#define KICKOFF_ERROR_H

/* name, exit status (0 ok, 1 usage, 2 data, 3 store), message */
#define KO_ERRORS(X) \
	X(OK,        0, "ok") \
	X(USAGE,     1, "usage error") \
	X(NOTFOUND,  2, "not found") \
	X(INVALID,   2, "invalid value") \
	X(EXISTS,    2, "already exists") \
	X(CONFLICT,  2, "changed by someone else") \
	X(REPLACED,  2, "database restored meanwhile") \
	X(STORE,     3, "database error") \
	X(BUSY,      3, "database locked by another session") \
	X(READONLY,  3, "database is read-only") \
	X(CORRUPT,   3, "not a kickoff database or corrupt") \
	X(NEWER,     3, "database was written by a newer kickoff") \
	X(FULL,      3, "disk full") \
	X(IO,        3, "input/output error") \
	X(NOMEM,     3, "out of memory")

enum ko_err {
#define KO_ERR_ENUM(name, exit, msg) KO_##name,
	KO_ERRORS(KO_ERR_ENUM)
#undef KO_ERR_ENUM
	KO_ERR_COUNT
};

/* The untranslated message for a code (pass through _() to show it). */
const char *ko_err_str(enum ko_err e);
/* The process exit status the command line uses for a code. */
int ko_err_exit(enum ko_err e);

/* Detail of the last error: a code plus one line naming what was wrong.
 * Each store owns one; functions that fail fill it. */
struct ko_error {
	enum ko_err code;
	char msg[512];
};

/* Sets e (when not NULL) and returns code, so callers can write
 * `return ko_fail(e, KO_INVALID, "bad date '%s'", s);`. */
enum ko_err ko_fail(struct ko_error *e, enum ko_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
