/* schema_check.c - is a file's schema exactly kickoff's?
 *
 * A trigger, view, index, column or CHECK that kickoff did not create
 * would run inside every write as if it were kickoff's own (an extra
 * `AFTER INSERT ON decision ... DELETE FROM decision` deletes what people
 * record, and integrity_check finds nothing wrong).  So every open, every
 * restore and `kickoff doctor` compare the rows of sqlite_schema with the
 * ones schema.sql makes, compiled in at build time (tools/schema_rows.c):
 * SQLite keeps each CREATE statement's text as written, so equal texts
 * are equal definitions.  Reading some forty rows already in the page
 * cache costs little next to the open that just parsed them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

extern const char *const kickoff_schema_rows[][4];   /* type, name, tbl_name, sql */
extern const int kickoff_schema_nrows;

/* The row of that type and name (the table is sorted by both), or -1. */
static int find_row(const char *type, const char *name)
{
	int lo = 0, hi = kickoff_schema_nrows - 1;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		int c = strcmp(type, kickoff_schema_rows[mid][0]);
		if (c == 0)
			c = strcmp(name, kickoff_schema_rows[mid][1]);
		if (c == 0)
			return mid;
		if (c < 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return -1;
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static const char *type_word(const char *type)
{
	if (strcmp(type, "table") == 0)
		return _("table");
	if (strcmp(type, "index") == 0)
		return _("index");
	if (strcmp(type, "trigger") == 0)
		return _("trigger");
	if (strcmp(type, "view") == 0)
		return _("view");
	return type;
}

/* ANALYZE's statistics tables are SQLite's own and change no result. */
static bool sqlite_statistics(const char *type, const char *name)
{
	return strcmp(type, "table") == 0 &&
	       (strcmp(name, "sqlite_stat1") == 0 || strcmp(name, "sqlite_stat4") == 0);
}

/* A name from the file made visible: it is the file's text, so no
 * control character may reach the terminal, and the message stays one
 * line.  Never NULL. */
static char *visible(const char *name)
{
	char *v = text_sanitize(name ? name : "", false);
	return v ? v : strdup("?");
}

/* Fills e with the difference between row (type, name, table) of the
 * file and kickoff's schema. */
static enum ko_err differ(struct ko_error *e, const char *path, int kind,
                          const char *type, const char *name, const char *table)
{
	char *n = visible(name), *t = visible(table);
	const char *w = type_word(type);
	char what[400];
	if (kind == 'x' && table && name && strcmp(table, name) != 0)
		snprintf(what, sizeof what, _("an extra %s '%s' on table '%s'"), w, n, t);
	else if (kind == 'x')
		snprintf(what, sizeof what, _("an extra %s '%s'"), w, n);
	else if (kind == '2')
		snprintf(what, sizeof what, _("%s '%s' is there twice"), w, n);
	else if (kind == 'm')
		snprintf(what, sizeof what, _("%s '%s' is missing"), w, n);
	else
		snprintf(what, sizeof what, _("%s '%s' is not defined as kickoff defines it"), w, n);
	free(n);
	free(t);
	char *p = visible(path);
	enum ko_err rc = ko_fail(e, KO_CORRUPT, _("'%s' does not have kickoff's schema: %s"), p, what);
	free(p);
	return rc;
}

enum ko_err schema_check(sqlite3 *db, const char *path, struct ko_error *e)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema",
	                            -1, &s, NULL);
	if (rc != SQLITE_OK)
		return ko_fail(e, KO_CORRUPT, _("'%s' is not a kickoff database (or it is corrupt)"), path);
	bool *seen = calloc((size_t)kickoff_schema_nrows, sizeof *seen);
	if (!seen) {
		sqlite3_finalize(s);
		return ko_fail(e, KO_NOMEM, _("out of memory"));
	}
	enum ko_err out = KO_OK;
	while (out == KO_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(s, 0);
		const char *name = (const char *)sqlite3_column_text(s, 1);
		const char *table = (const char *)sqlite3_column_text(s, 2);
		const char *sql = (const char *)sqlite3_column_text(s, 3);
		if (!type || !name)
			type = "?";
		if (sqlite_statistics(type, name ? name : ""))
			continue;
		int i = find_row(type, name ? name : "");
		if (i < 0)
			out = differ(e, path, 'x', type, name, table);
		else if (seen[i])
			out = differ(e, path, '2', type, name, table);
		else if (!same_text(table, kickoff_schema_rows[i][2]) ||
		         !same_text(sql, kickoff_schema_rows[i][3]))
			out = differ(e, path, 'd', type, name, table);
		if (i >= 0)
			seen[i] = true;
	}
	sqlite3_finalize(s);
	if (out == KO_OK && rc != SQLITE_DONE)
		out = ko_fail(e, KO_CORRUPT, _("'%s' is not a kickoff database (or it is corrupt)"), path);
	for (int i = 0; out == KO_OK && i < kickoff_schema_nrows; i++)
		if (!seen[i])
			out = differ(e, path, 'm', kickoff_schema_rows[i][0],
			             kickoff_schema_rows[i][1], kickoff_schema_rows[i][2]);
	free(seen);
	return out;
}

const char *schema_table(const char *name)
{
	int i = find_row("table", name);
	return i < 0 ? NULL : kickoff_schema_rows[i][1];
}
