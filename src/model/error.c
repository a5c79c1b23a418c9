/* error.c - messages and exit statuses of the error codes. */
#include <stdarg.h>
#include <stdio.h>
#include "kickoff/error.h"

static const struct {
	int exit;
	const char *msg;
} errors[] = {
#define KO_ERR_ROW(name, ex, m) { ex, m },
	KO_ERRORS(KO_ERR_ROW)
#undef KO_ERR_ROW
};

const char *ko_err_str(enum ko_err e)
{
	return (unsigned)e < KO_ERR_COUNT ? errors[e].msg : "unknown error";
}

int ko_err_exit(enum ko_err e)
{
	return (unsigned)e < KO_ERR_COUNT ? errors[e].exit : 3;
}

enum ko_err ko_fail(struct ko_error *e, enum ko_err code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		e->code = code;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return code;
}
