/* schema_rows.c - the rows of sqlite_schema that schema.sql makes, as C.
 *
 *   schema-rows schema.sql > schema_rows.c
 *
 * Runs schema.sql in an in-memory database and prints what SQLite then
 * holds in sqlite_schema (type, name, tbl_name, sql; sorted by type and
 * name) as a C table, so that the store can compare a file's schema with
 * kickoff's own at every open without building it again (see
 * src/store/sqlite/schema_check.c).  SQLite keeps each CREATE statement's text
 * as it was written, so the comparison is exact. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0, got;
	char *s = malloc(cap);
	while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap) {
			char *t = realloc(s, cap *= 2);
			if (!t)
				free(s);
			s = t;
		}
	}
	fclose(f);
	if (s)
		s[n] = '\0';
	return s;
}

static void c_string(const char *s)
{
	if (!s) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n\"\n\t\t\"", stdout);
		else if (*p < 0x20 || *p >= 0x7f)
			printf("\\%03o", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: schema-rows schema.sql\n");
		return 2;
	}
	char *sql = read_all(argv[1]);
	if (!sql) {
		perror(argv[1]);
		return 1;
	}
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	char *err = NULL;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, sql FROM sqlite_schema"
	                           " ORDER BY type, name", -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "schema-rows: %s\n", err ? err : sqlite3_errmsg(db));
		return 1;
	}
	printf("/* generated from schema.sql by tools/schema_rows.c */\n"
	       "#include <stddef.h>\n"
	       "const char *const kickoff_schema_rows[][4] = {\n");
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		printf("\t{ ");
		for (int i = 0; i < 4; i++) {
			c_string((const char *)sqlite3_column_text(s, i));
			fputs(i < 3 ? ", " : " },\n", stdout);
		}
		n++;
	}
	printf("};\nconst int kickoff_schema_nrows = %d;\n", n);
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(sql);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
