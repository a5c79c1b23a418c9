/* test_migrate.c - opening databases: creating the schema, upgrading
 * from every earlier version, refusing newer, foreign and broken files.
 *
 * Every earlier schema version N has a fixture tests/unit/fixtures/
 * schema-vN.sql (the schema.sql of that version, kept when the schema
 * changes).  Each is applied to an empty file stamped as version N, then
 * opened; the result must equal a fresh database.  Version 0 is the empty
 * file. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "kickoff/store.h"
#include "testutil.h"

#define APP_ID 0x4b4b4f46

static char path[64];

static void setup(void)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	temp_path(path, sizeof path);
}

static void teardown(void)
{
	temp_remove(path);
}

static const char schema_sql[] =
	"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name";

/* The schema of a database created fresh by the store. */
static char *fresh_schema(void)
{
	char p[64];
	temp_path(p, sizeof p);
	unlink(p);
	struct store *st;
	ck_assert_int_eq(store_open(p, STORE_CREATE, &st, NULL), KO_OK);
	store_close(st);
	sqlite3 *db = raw_open(p);
	char *s = raw_dump(db, schema_sql);
	sqlite3_close(db);
	temp_remove(p);
	return s;
}

static char *fixtures_dir(void)
{
	const char *d = getenv("KICKOFF_FIXTURES");
	return strdup(d && *d ? d : "tests/unit/fixtures");
}

static char *read_file(const char *p)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	size_t got = fread(s, 1, (size_t)n, f);
	s[got] = '\0';
	fclose(f);
	return s;
}

START_TEST(create_from_empty_file)
{
	/* version 0: an empty file (mkstemp made it) */
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_size, 0);
	struct store *st;
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_OK);
	store_close(st);
	sqlite3 *db = raw_open(path);
	ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), store_schema_version());
	ck_assert_int_eq(raw_int(db, "PRAGMA application_id"), APP_ID);
	char *mode = raw_text(db, "PRAGMA journal_mode");
	ck_assert_str_eq(mode, "wal");
	free(mode);
	const char *tables[] = { "project", "meeting", "attendee", "item", "decision", "risk",
	                         "output", "action", "template", "change", "change_row",
	                         "presence", "draft" };
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		char sql[128];
		snprintf(sql, sizeof sql,
		         "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
		         tables[i]);
		ck_assert_msg(raw_int(db, sql) == 1, "no table %s", tables[i]);
	}
	/* the change log is the store's hook, not triggers (read at every
	 * start): the only triggers are the project tally's two */
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), 2);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM sqlite_schema"
	                             " WHERE type = 'trigger' AND name LIKE 'project\\_tally\\_%' ESCAPE '\\'"),
	                 2);
	char *got = raw_dump(db, schema_sql);
	sqlite3_close(db);
	char *want = fresh_schema();
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	/* opening it again changes nothing */
	db = raw_open(path);
	char *before = raw_dump(db, schema_sql);
	sqlite3_close(db);
	ck_assert_int_eq(store_open(path, 0, &st, &e), KO_OK);
	store_close(st);
	db = raw_open(path);
	char *after = raw_dump(db, schema_sql);
	ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), store_schema_version());
	sqlite3_close(db);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
}
END_TEST

START_TEST(create_missing_file_private)
{
	unlink(path);
	struct store *st = NULL;
	struct ko_error e = { 0 };
	/* without STORE_CREATE a missing file is not made */
	ck_assert_int_eq(store_open(path, 0, &st, &e), KO_NOTFOUND);
	ck_assert_ptr_nonnull(strstr(e.msg, "does not exist"));
	ck_assert_int_eq(access(path, F_OK), -1);
	mode_t old = umask(0);   /* even with a permissive umask */
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_OK);
	umask(old);
	store_close(st);
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
}
END_TEST

/* Builds a database of schema version v from its schema text, with a
 * row of data, opens it with the store and checks the result equals a
 * fresh database and kept the data. */
static void check_upgrade(const char *sql, int v, const char *want)
{
	char p[64];
	temp_path(p, sizeof p);
	sqlite3 *db = raw_open(p);
	raw_exec(db, sql);
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=%d",
	         APP_ID, v);
	raw_exec(db, pragma);
	raw_exec(db, "INSERT INTO project(name, created_at) VALUES ('Old', '2026-01-01T00:00:00Z')");
	sqlite3_close(db);

	struct store *st;
	struct ko_error e = { 0 };
	ck_assert_msg(store_open(p, 0, &st, &e) == KO_OK, "v%d: %s", v, e.msg);
	struct project pr;
	ck_assert_int_eq(store_project_find(st, "Old", &pr), KO_OK);
	project_free(&pr);
	store_close(st);
	db = raw_open(p);
	ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), store_schema_version());
	char *got = raw_dump(db, schema_sql);
	sqlite3_close(db);
	ck_assert_msg(strcmp(got, want) == 0, "v%d upgraded differs from a fresh database:\n%s",
	              v, got);
	free(got);
	temp_remove(p);
}

/* Every earlier version, from 0 (the empty file, above) up. */
START_TEST(migrate_every_earlier_version)
{
	char *want = fresh_schema();
	char *dir = fixtures_dir();
	int found = 0;
	for (int v = 1; v < store_schema_version(); v++) {
		char fx[512];
		snprintf(fx, sizeof fx, "%s/schema-v%d.sql", dir, v);
		char *sql = read_file(fx);
		ck_assert_msg(sql != NULL, "schema version %d has no fixture %s: keep the old "
		              "schema.sql there when the schema changes", v, fx);
		found++;
		check_upgrade(sql, v, want);
		free(sql);
	}
	ck_assert_int_eq(found, store_schema_version() - 1);
	/* no fixture for the current version or later: those are not earlier */
	for (int v = store_schema_version(); v < store_schema_version() + 3; v++) {
		char fx[512];
		snprintf(fx, sizeof fx, "%s/schema-v%d.sql", dir, v);
		ck_assert_msg(access(fx, F_OK) != 0, "%s is not an earlier version", fx);
	}
	/* the current schema text, stamped current, opens as it is */
	extern const char kickoff_schema_sql[];
	check_upgrade(kickoff_schema_sql, store_schema_version(), want);
	free(dir);
	free(want);
}
END_TEST

/* The decisions recorded before decisions had a state were what the
 * meeting agreed: the upgrade makes them agreed, at the time they were
 * recorded; a risk carried from nowhere. */
START_TEST(decisions_become_agreed)
{
	/* The newest schema before the decision's state, whatever its number. */
	char *dir = fixtures_dir(), *sql = NULL;
	int v = store_schema_version() - 1;
	for (; v >= 1; v--) {
		char fx[512];
		snprintf(fx, sizeof fx, "%s/schema-v%d.sql", dir, v);
		free(sql);
		sql = read_file(fx);
		ck_assert_ptr_nonnull(sql);
		if (!strstr(sql, "agreed_at"))
			break;
	}
	ck_assert_int_ge(v, 1);
	char p[64];
	temp_path(p, sizeof p);
	sqlite3 *db = raw_open(p);
	raw_exec(db, sql);
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=%d", APP_ID, v);
	raw_exec(db, pragma);
	raw_exec(db, "INSERT INTO project(id, name, created_at) VALUES (1, 'Old', '2026-01-01T00:00:00Z');"
	             "INSERT INTO meeting(id, project_id, kind) VALUES (1, 1, 'ko');"
	             "INSERT INTO decision(id, meeting_id, text, decided_at)"
	             " VALUES (1, 1, 'Microservices', '2026-01-02T10:00:00Z');"
	             "INSERT INTO risk(id, meeting_id, text) VALUES (1, 1, 'Late');");
	sqlite3_close(db);
	struct store *st;
	struct ko_error e = { 0 };
	ck_assert_msg(store_open(p, 0, &st, &e) == KO_OK, "%s", e.msg);
	struct decision d;
	ck_assert_int_eq(store_decision_get(st, 1, &d), KO_OK);
	ck_assert_int_eq(d.state, DSTATE_AGREED);
	ck_assert_str_eq(d.agreed_at, "2026-01-02T10:00:00Z");
	decision_free(&d);
	struct risk r;
	ck_assert_int_eq(store_risk_get(st, 1, &r), KO_OK);
	ck_assert_int_eq(r.carried_from, 0);
	risk_free(&r);
	store_close(st);
	temp_remove(p);
	free(sql);
	free(dir);
}
END_TEST

/* Version 5's attendees had the flags invited and present; upgraded,
 * present becomes the status, nobody has an address yet, and a meeting's
 * host who was not among its attendees is one now, with the role host. */
START_TEST(migrate_attendee_status_and_host)
{
	char *dir = fixtures_dir();
	char fx[512];
	snprintf(fx, sizeof fx, "%s/schema-v5.sql", dir);
	free(dir);
	char *sql = read_file(fx);
	ck_assert_ptr_nonnull(sql);
	char p[64];
	temp_path(p, sizeof p);
	sqlite3 *db = raw_open(p);
	raw_exec(db, sql);
	free(sql);
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=5", APP_ID);
	raw_exec(db, pragma);
	raw_exec(db, "INSERT INTO project(id, name, created_at) VALUES (1, 'Old', '2026-01-01T00:00:00Z');"
	             "INSERT INTO meeting(id, project_id, kind, host) VALUES (1, 1, 'ko', 'Ann');"
	             "INSERT INTO meeting(id, project_id, kind, host) VALUES (2, 1, 'tko', 'Cy');"
	             "INSERT INTO attendee(meeting_id, name, present) VALUES (1, 'Ann', 1);"
	             "INSERT INTO attendee(meeting_id, name, present) VALUES (1, 'Bob', 0);"
	             "INSERT INTO attendee(meeting_id, name, present) VALUES (2, 'Dee', 1);");
	sqlite3_close(db);
	struct store *st;
	struct ko_error e = { 0 };
	ck_assert_msg(store_open(p, 0, &st, &e) == KO_OK, "%s", e.msg);
	store_close(st);
	db = raw_open(p);
	char *got = raw_dump(db, "SELECT meeting_id, name, role, status, coalesce(email, '-')"
	                         " FROM attendee ORDER BY id");
	sqlite3_close(db);
	ck_assert_str_eq(got, "1|Ann||present|-\n1|Bob||invited|-\n2|Dee||present|-\n"
	                      "2|Cy|host|invited|-\n");
	free(got);
	temp_remove(p);
}
END_TEST

START_TEST(refuse_newer)
{
	struct store *st;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
	int64_t id;
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &id), KO_OK);
	store_close(st);
	sqlite3 *db = raw_open(path);
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", store_schema_version() + 1);
	raw_exec(db, pragma);
	sqlite3_close(db);
	struct ko_error e = { 0 };
	st = NULL;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_NEWER);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(e.code, KO_NEWER);
	ck_assert_ptr_nonnull(strstr(e.msg, "newer") ? strstr(e.msg, "newer") : strstr(e.msg, "upgrade"));
	ck_assert_int_eq(ko_err_exit(e.code), 3);
	/* refused, not touched */
	db = raw_open(path);
	ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), store_schema_version() + 1);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM project"), 1);
	sqlite3_close(db);
}
END_TEST

START_TEST(refuse_not_sqlite)
{
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 4096; i++)
		fputs("this is not a database\n", f);
	fclose(f);
	struct stat before, after;
	ck_assert_int_eq(stat(path, &before), 0);
	struct store *st = NULL;
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_CORRUPT);
	ck_assert_ptr_null(st);
	ck_assert_ptr_nonnull(strstr(e.msg, path));
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert_int_eq(after.st_size, before.st_size);
	/* a short file of a few bytes, too */
	f = fopen(path, "w");
	fputs("hello\n", f);
	fclose(f);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_CORRUPT);
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert_int_eq(after.st_size, 6);
}
END_TEST

START_TEST(refuse_foreign_sqlite)
{
	sqlite3 *db = raw_open(path);
	raw_exec(db, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL);"
	             " INSERT INTO invoices(total) VALUES (12.5)");
	char *before = raw_dump(db, schema_sql);
	sqlite3_close(db);
	struct store *st = NULL;
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_CORRUPT);
	ck_assert_ptr_null(st);
	ck_assert_ptr_nonnull(strstr(e.msg, "not a kickoff"));
	db = raw_open(path);
	char *after = raw_dump(db, schema_sql);
	ck_assert_int_eq(raw_int(db, "PRAGMA application_id"), 0);
	sqlite3_close(db);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	/* a foreign database that only set user_version */
	temp_remove(path);
	db = raw_open(path);
	raw_exec(db, "PRAGMA user_version=1");
	sqlite3_close(db);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_CORRUPT);
	/* another application's id on an otherwise empty file */
	temp_remove(path);
	db = raw_open(path);
	raw_exec(db, "PRAGMA application_id=1234; CREATE TABLE t(a)");
	sqlite3_close(db);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_CORRUPT);
}
END_TEST

START_TEST(refuse_folder_and_missing_folder)
{
	struct store *st = NULL;
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open("/tmp", STORE_CREATE, &st, &e), KO_IO);
	ck_assert_ptr_nonnull(strstr(e.msg, "folder"));
	ck_assert_int_eq(store_open("/nonexistent-kickoff-dir/x.db", STORE_CREATE, &st, &e), KO_IO);
	ck_assert_ptr_nonnull(strstr(e.msg, "does not exist"));
	ck_assert_int_eq(ko_err_exit(e.code), 3);
}
END_TEST

START_TEST(read_only_open)
{
	/* an empty file opened read-only cannot be given a schema */
	struct store *st = NULL;
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_READONLY, &st, &e), KO_READONLY);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_OK);
	int64_t id;
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &id), KO_OK);
	store_close(st);
	/* read-only: reads work, writes are refused and change nothing */
	ck_assert_int_eq(store_open(path, STORE_READONLY, &st, &e), KO_OK);
	vec_project v;
	ck_assert_int_eq(store_project_list(st, NULL, 0, 0, &v), KO_OK);
	ck_assert_uint_eq(v.n, 1);
	vec_project_free(&v);
	ck_assert_int_eq(store_project_add(st, "Borealis", "", "", "en", NULL, &id), KO_READONLY);
	ck_assert_int_eq(ko_err_exit(store_error(st)->code), 3);
	store_close(st);
	sqlite3 *db = raw_open(path);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM project"), 1);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM change"), 1);
	sqlite3_close(db);
}
END_TEST

/* Two connections: one session's commit is seen by the other, and the
 * second opener of a new file does not create the schema twice. */
START_TEST(two_sessions)
{
	unlink(path);
	struct store *a, *b;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &a, NULL), KO_OK);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &b, NULL), KO_OK);
	int64_t dv0, dv1, id;
	ck_assert_int_eq(store_data_version(b, &dv0), KO_OK);
	ck_assert_int_eq(store_project_add(a, "Apollo", "", "", "en", NULL, &id), KO_OK);
	ck_assert_int_eq(store_data_version(b, &dv1), KO_OK);
	ck_assert_int_ne(dv0, dv1);
	struct project p;
	ck_assert_int_eq(store_project_get(b, id, &p), KO_OK);
	/* b edits, then a's copy is stale */
	struct project pa;
	ck_assert_int_eq(store_project_get(a, id, &pa), KO_OK);
	struct project upd = p;
	upd.customer = "ACME";
	ck_assert_int_eq(store_project_update(b, &upd), KO_OK);
	upd = pa;
	upd.customer = "Globex";
	ck_assert_int_eq(store_project_update(a, &upd), KO_CONFLICT);
	project_free(&p);
	project_free(&pa);
	store_close(a);
	store_close(b);
}
END_TEST

/* An older version with a trigger of its own: the upgrade runs, the
 * result is compared with kickoff's schema, and the whole upgrade is
 * rolled back, so the refused file is as it was. */
START_TEST(refuse_foreign_schema_of_older_version)
{
	char *dir = fixtures_dir();
	char fx[512];
	snprintf(fx, sizeof fx, "%s/schema-v2.sql", dir);
	char *sql = read_file(fx);
	ck_assert_ptr_nonnull(sql);
	sqlite3 *db = raw_open(path);
	raw_exec(db, sql);
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=2", APP_ID);
	raw_exec(db, pragma);
	raw_exec(db, "CREATE TRIGGER wipe AFTER INSERT ON decision BEGIN DELETE FROM decision; END;");
	char *before = raw_dump(db, schema_sql);
	sqlite3_close(db);
	struct store *st = NULL;
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, 0, &st, &e), KO_CORRUPT);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(ko_err_exit(e.code), 3);
	ck_assert_msg(strstr(e.msg, "does not have kickoff's schema: an extra trigger 'wipe' on table 'decision'"),
	              "%s", e.msg);
	db = raw_open(path);
	char *after = raw_dump(db, schema_sql);
	ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), 2);
	sqlite3_close(db);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	free(sql);
	free(dir);
}
END_TEST

/* Each kind of difference, on a database of this version, is named. */
START_TEST(refuse_foreign_schema_named)
{
	static const char *const cases[][2] = {
		{ "CREATE TRIGGER t1 AFTER INSERT ON risk BEGIN SELECT 1; END",
		  "an extra trigger 't1' on table 'risk'" },
		{ "ALTER TABLE action ADD COLUMN extra INTEGER", "table 'action' is not defined as kickoff defines it" },
		{ "CREATE INDEX i1 ON risk(owner)", "an extra index 'i1' on table 'risk'" },
		{ "CREATE TABLE notes(x)", "an extra table 'notes'" },
		{ "CREATE VIEW v1 AS SELECT 1", "an extra view 'v1'" },
		{ "DROP TRIGGER project_tally_delete", "trigger 'project_tally_delete' is missing" },
		{ "DROP INDEX change_by_who", "index 'change_by_who' is missing" },
		{ "DROP TABLE meta", "table 'meta' is missing" },
		{ "DROP INDEX risk_by_item; CREATE INDEX risk_by_item ON risk(item_id, id)",
		  "index 'risk_by_item' is not defined as kickoff defines it" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		temp_remove(path);
		struct store *st;
		ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
		store_close(st);
		sqlite3 *db = raw_open(path);
		raw_exec(db, cases[i][0]);
		sqlite3_close(db);
		struct ko_error e = { 0 };
		st = NULL;
		ck_assert_int_eq(store_open(path, 0, &st, &e), KO_CORRUPT);
		ck_assert_ptr_null(st);
		ck_assert_msg(strstr(e.msg, cases[i][1]) && !strchr(e.msg, '\n'), "%s: %s", cases[i][0], e.msg);
		ck_assert_int_eq(store_open(path, STORE_READONLY, &st, &e), KO_CORRUPT);
	}
}
END_TEST

/* The identity token: made with the database, the same for every
 * session, and a write of a session that opened it before it changed
 * (a restore) is refused, inside the write's transaction, until the
 * session accepts the new database. */
START_TEST(identity_refuses_writes_after_replacement)
{
	struct store *a, *b;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &a, NULL), KO_OK);
	ck_assert_int_eq(store_open(path, 0, &b, NULL), KO_OK);
	sqlite3 *db = raw_open(path);
	char *token = raw_text(db, "SELECT token FROM meta");
	ck_assert_int_eq(strlen(token), 32);
	ck_assert_int_eq(strspn(token, "0123456789abcdef"), 32);
	int64_t id;
	ck_assert_int_eq(store_project_add(a, "Apollo", "", "", "en", NULL, &id), KO_OK);
	bool replaced = true;
	ck_assert_int_eq(store_replaced(b, &replaced), KO_OK);
	ck_assert(!replaced);
	raw_exec(db, "UPDATE meta SET token = lower(hex(randomblob(16)))");
	ck_assert_int_eq(store_replaced(b, &replaced), KO_OK);
	ck_assert(replaced);
	long long changes = raw_int(db, "SELECT count(*) FROM change");
	ck_assert_int_eq(store_project_add(b, "Borealis", "", "", "en", NULL, &id), KO_REPLACED);
	ck_assert_ptr_nonnull(strstr(store_error(b)->msg, "restored"));
	ck_assert_int_eq(ko_err_exit(store_error(b)->code), 2);
	ck_assert_int_eq(store_draft_save(b, 1, "Decision", "half typed"), KO_REPLACED);
	ck_assert_int_eq(store_project_delete(a, 1), KO_REPLACED);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM change"), changes);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM project"), 1);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM draft"), 0);
	ck_assert_int_eq(store_accept_replacement(b), KO_OK);
	ck_assert_int_eq(store_replaced(b, &replaced), KO_OK);
	ck_assert(!replaced);
	ck_assert_int_eq(store_project_add(b, "Borealis", "", "", "en", NULL, &id), KO_OK);
	/* a session opened now has the new token */
	struct store *c;
	ck_assert_int_eq(store_open(path, 0, &c, NULL), KO_OK);
	ck_assert_int_eq(store_project_add(c, "Ceres", "", "", "en", NULL, &id), KO_OK);
	store_close(c);
	store_close(a);
	store_close(b);
	/* two databases never share a token */
	char p2[64];
	temp_path(p2, sizeof p2);
	ck_assert_int_eq(store_open(p2, STORE_CREATE, &c, NULL), KO_OK);
	store_close(c);
	sqlite3 *db2 = raw_open(p2);
	char *t1 = raw_text(db, "SELECT token FROM meta"), *t2 = raw_text(db2, "SELECT token FROM meta");
	ck_assert_str_ne(t1, t2);
	sqlite3_close(db2);
	temp_remove(p2);
	free(t1);
	free(t2);
	free(token);
	sqlite3_close(db);
}
END_TEST

/* kickoff restore renews the identity: a session open across it cannot
 * write into the restored rows. */
START_TEST(restore_renews_identity)
{
	struct store *st;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
	int64_t id;
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &id), KO_OK);
	char bk[80];
	snprintf(bk, sizeof bk, "%s.bk", path);
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_backup(path, bk, false, NULL, &e), KO_OK);
	char *kept = NULL;
	ck_assert_msg(store_restore(path, bk, false, &kept, NULL, &e) == KO_OK, "%s", e.msg);
	ck_assert_int_eq(store_project_add(st, "Borealis", "", "", "en", NULL, &id), KO_REPLACED);
	bool replaced = false;
	ck_assert_int_eq(store_replaced(st, &replaced), KO_OK);
	ck_assert(replaced);
	store_close(st);
	ck_assert_int_eq(store_open(path, 0, &st, NULL), KO_OK);
	ck_assert_int_eq(store_project_add(st, "Borealis", "", "", "en", NULL, &id), KO_OK);
	store_close(st);
	temp_remove(bk);
	temp_remove(kept);
	free(kept);
}
END_TEST

/* An empty file someone made (touch, a mktemp with another umask) is
 * made private when it becomes the database; a populated database keeps
 * the modes its owner gave it. */
START_TEST(adopted_empty_file_private)
{
	ck_assert_int_eq(chmod(path, 0644), 0);
	struct store *st;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
	struct stat sb;
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	store_close(st);
	ck_assert_int_eq(chmod(path, 0640), 0);
	ck_assert_int_eq(store_open(path, 0, &st, NULL), KO_OK);
	store_close(st);
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0640);
}
END_TEST

/* The last connection to close folds the WAL into the file and removes
 * it, a command's (STORE_COMMAND) as well: the file alone is whole. */
START_TEST(last_close_folds_wal)
{
	char wal[96];
	snprintf(wal, sizeof wal, "%s-wal", path);
	struct store *a, *b;
	ck_assert_int_eq(store_open(path, STORE_CREATE | STORE_COMMAND, &a, NULL), KO_OK);
	int64_t id;
	ck_assert_int_eq(store_project_add(a, "Apollo", "", "", "en", NULL, &id), KO_OK);
	store_close(a);
	ck_assert_int_eq(access(wal, F_OK), -1);
	/* with another session open, the last to close folds it */
	ck_assert_int_eq(store_open(path, 0, &b, NULL), KO_OK);
	ck_assert_int_eq(store_open(path, STORE_COMMAND, &a, NULL), KO_OK);
	ck_assert_int_eq(store_project_add(a, "Borealis", "", "", "en", NULL, &id), KO_OK);
	store_close(a);
	ck_assert_int_eq(access(wal, F_OK), 0);
	store_close(b);
	ck_assert_int_eq(access(wal, F_OK), -1);
	/* the file alone has both projects: read it without its WAL */
	char copy[96];
	snprintf(copy, sizeof copy, "%s.copy", path);
	FILE *in = fopen(path, "rb"), *out = fopen(copy, "wb");
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
	sqlite3 *db = raw_open(copy);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM project"), 2);
	sqlite3_close(db);
	temp_remove(copy);
}
END_TEST

Suite *suite_migrate(void)
{
	Suite *s = suite_create("migrate");
	TCase *tc = tcase_create("open");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, create_from_empty_file);
	tcase_add_test(tc, create_missing_file_private);
	tcase_add_test(tc, migrate_every_earlier_version);
	tcase_add_test(tc, migrate_attendee_status_and_host);
	tcase_add_test(tc, decisions_become_agreed);
	tcase_add_test(tc, refuse_newer);
	tcase_add_test(tc, refuse_not_sqlite);
	tcase_add_test(tc, refuse_foreign_sqlite);
	tcase_add_test(tc, refuse_folder_and_missing_folder);
	tcase_add_test(tc, read_only_open);
	tcase_add_test(tc, two_sessions);
	tcase_add_test(tc, refuse_foreign_schema_of_older_version);
	tcase_add_test(tc, refuse_foreign_schema_named);
	tcase_add_test(tc, identity_refuses_writes_after_replacement);
	tcase_add_test(tc, restore_renews_identity);
	tcase_add_test(tc, adopted_empty_file_private);
	tcase_add_test(tc, last_close_folds_wal);
	suite_add_tcase(s, tc);
	return s;
}
