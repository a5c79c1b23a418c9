/* testutil.h - what the store and migration suites share: a store on a
 * temporary file, and a second, raw connection to look at its rows. */
#ifndef KICKOFF_TESTUTIL_H
#define KICKOFF_TESTUTIL_H

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kickoff/store.h"

/* A fresh, empty temporary file; path is at least 64 bytes. */
static inline void temp_path(char *path, size_t n)
{
	snprintf(path, n, "/tmp/kickoff-unit-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_msg(fd >= 0, "mkstemp failed");
	close(fd);
}

static inline void temp_remove(const char *path)
{
	char p[128];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-journal", path);
	unlink(p);
}

static inline sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	return db;
}

/* The first column of the first row of sql, as a whole number (-1 when
 * there is no row, -2 for NULL). */
static inline long long raw_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	long long v = -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_type(s, 0) == SQLITE_NULL ? -2 : sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The same as text: a malloc'd string, "(none)" without a row, "(null)"
 * for NULL. */
static inline char *raw_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	char *v;
	if (sqlite3_step(s) == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(s, 0);
		v = strdup(t ? (const char *)t : "(null)");
	} else {
		v = strdup("(none)");
	}
	sqlite3_finalize(s);
	return v;
}

static inline void raw_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, err ? err : "?");
}

/* Every row of sql joined as "a|b\n" lines: compares whole results. */
static inline char *raw_dump(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
	ck_assert_msg(rc == SQLITE_OK, "%s: %s", sql, sqlite3_errmsg(db));
	size_t cap = 4096, len = 0;
	char *out = malloc(cap);
	out[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int i = 0; i < sqlite3_column_count(s); i++) {
			const unsigned char *t = sqlite3_column_text(s, i);
			const char *v = t ? (const char *)t : "NULL";
			size_t need = len + strlen(v) + 3;
			if (need > cap) {
				cap = need * 2;
				out = realloc(out, cap);
			}
			len += (size_t)sprintf(out + len, "%s%s", i ? "|" : "", v);
		}
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(s);
	return out;
}

#endif
