/* migrate.c - schema versions: create, upgrade forward, refuse newer.
 *
 * PRAGMA user_version holds the schema version.  A new database gets
 * schema.sql whole.  An older one runs the steps from its version up, each
 * in the same transaction as the version bump, so a crash leaves either
 * the old schema or the new one.  tests/unit/test_migrate.c builds a
 * database at every earlier version and checks the result equals a fresh
 * one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "internal.h"
#include "kickoff/i18n.h"

/* steps[i] upgrades version i+1 to i+2.  Version 1 is the first schema;
 * append a step (and keep a copy of the old schema as a test fixture)
 * whenever schema.sql changes. */
static const char *const steps[] = {
	/* 1 -> 2: the project count kept by triggers (tally). */
	"CREATE TABLE tally (\n"
	"  name        TEXT PRIMARY KEY,\n"
	"  n           INTEGER NOT NULL CHECK (n >= 0)\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO tally(name, n) SELECT 'project', count(*) FROM project;\n"
	"CREATE TRIGGER project_tally_insert AFTER INSERT ON project BEGIN\n"
	"  UPDATE tally SET n = n + 1 WHERE name = 'project';\n"
	"END;\n"
	"CREATE TRIGGER project_tally_delete AFTER DELETE ON project BEGIN\n"
	"  UPDATE tally SET n = n - 1 WHERE name = 'project';\n"
	"END;\n",
	/* 2 -> 3: the change log is recorded by the store's pre-update hook
	 * (changelog.c); its triggers were parsed at every start. */
	"DROP TRIGGER project_log_insert; DROP TRIGGER project_log_update; DROP TRIGGER project_log_delete;\n"
	"DROP TRIGGER meeting_log_insert; DROP TRIGGER meeting_log_update; DROP TRIGGER meeting_log_delete;\n"
	"DROP TRIGGER attendee_log_insert; DROP TRIGGER attendee_log_update; DROP TRIGGER attendee_log_delete;\n"
	"DROP TRIGGER item_log_insert; DROP TRIGGER item_log_update; DROP TRIGGER item_log_delete;\n"
	"DROP TRIGGER decision_log_insert; DROP TRIGGER decision_log_update; DROP TRIGGER decision_log_delete;\n"
	"DROP TRIGGER risk_log_insert; DROP TRIGGER risk_log_update; DROP TRIGGER risk_log_delete;\n"
	"DROP TRIGGER output_log_insert; DROP TRIGGER output_log_update; DROP TRIGGER output_log_delete;\n"
	"DROP TRIGGER action_log_insert; DROP TRIGGER action_log_update; DROP TRIGGER action_log_delete;\n",
	/* 3 -> 4: the database's identity token (meta), which a restore
	 * renews so that open sessions notice the replacement. */
	"CREATE TABLE meta (\n"
	"  id          INTEGER PRIMARY KEY CHECK (id = 1),\n"
	"  token       TEXT NOT NULL CHECK (length(token) = 32)\n"
	");\n"
	"INSERT INTO meta(id, token) VALUES (1, lower(hex(randomblob(16))));\n",
	/* 4 -> 5: a due date on outputs. */
	"ALTER TABLE output ADD COLUMN due TEXT CHECK (due IS NULL OR due GLOB"
	" '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');\n",
	/* 5 -> 6: the agenda keeps time: planned minutes, presenter and the
	 * clock of each item. */
	"ALTER TABLE item ADD COLUMN planned_minutes INTEGER NOT NULL DEFAULT 0"
	" CHECK (planned_minutes BETWEEN 0 AND 1440);\n"
	"ALTER TABLE item ADD COLUMN presenter TEXT NOT NULL DEFAULT '';\n"
	"ALTER TABLE item ADD COLUMN clock_started_at TEXT CHECK (clock_started_at IS NULL OR"
	" clock_started_at GLOB"
	" '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z');\n"
	"ALTER TABLE item ADD COLUMN clock_seconds INTEGER NOT NULL DEFAULT 0"
	" CHECK (clock_seconds >= 0);\n",
	/* 6 -> 7: the RACI matrix of a meeting's outputs (raci) and the
	 * questions left open in the room (question). */
	"-- Who is Responsible, Accountable, Consulted or Informed for each output\n"
	"-- of a meeting (its RACI matrix): one row per filled cell.  The output\n"
	"-- and the attendee are the meeting's own: each is named with the meeting\n"
	"-- by a foreign key (hence the two unique indexes it points at), so a\n"
	"-- cell can never join two meetings' rows, and goes with either of them.\n"
	"CREATE UNIQUE INDEX output_of_meeting ON output(id, meeting_id);\n"
	"CREATE UNIQUE INDEX attendee_of_meeting ON attendee(id, meeting_id);\n"
	"CREATE TABLE raci (\n"
	"  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  meeting_id  INTEGER NOT NULL,\n"
	"  output_id   INTEGER NOT NULL,\n"
	"  attendee_id INTEGER NOT NULL,\n"
	"  role        TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),\n"
	"  version     INTEGER NOT NULL DEFAULT 1,\n"
	"  UNIQUE (output_id, attendee_id),\n"
	"  FOREIGN KEY (output_id, meeting_id) REFERENCES output(id, meeting_id) ON DELETE CASCADE,\n"
	"  FOREIGN KEY (attendee_id, meeting_id) REFERENCES attendee(id, meeting_id) ON DELETE CASCADE\n"
	");\n"
	"CREATE INDEX raci_by_output ON raci(output_id, meeting_id);\n"
	"CREATE INDEX raci_by_attendee ON raci(attendee_id, meeting_id);\n"
	"CREATE INDEX raci_by_meeting ON raci(meeting_id, id);\n"
	"\n"
	"-- Questions raised that the room could not settle (the parking lot).\n"
	"-- One moved on to the project's other meeting stays here as 'moved';\n"
	"-- the new one there names it in moved_from.\n"
	"CREATE TABLE question (\n"
	"  id          INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  text        TEXT NOT NULL CHECK (length(text) > 0),\n"
	"  raised_by   TEXT NOT NULL DEFAULT '',\n"
	"  owner       TEXT NOT NULL DEFAULT '',\n"
	"  status      TEXT NOT NULL DEFAULT 'open'\n"
	"                CHECK (status IN ('open', 'answered', 'moved')),\n"
	"  answer      TEXT NOT NULL DEFAULT '',\n"
	"  moved_from  INTEGER REFERENCES question(id) ON DELETE SET NULL,\n"
	"  version     INTEGER NOT NULL DEFAULT 1,\n"
	"  CHECK (status <> 'answered' OR length(answer) > 0)\n"
	");\n"
	"CREATE INDEX question_by_meeting ON question(meeting_id, id);\n"
	"CREATE INDEX question_by_origin ON question(moved_from);\n",
	/* 7 -> 8: people: an attendee's e-mail address and status (invited,
	 * present, sent regrets) in place of the invited and present flags,
	 * and the host among the attendees.  A meeting whose host is not yet
	 * an attendee by that name gets one with the role "host" (主持人 in
	 * a Chinese project: host_role in model.c). */
	"ALTER TABLE attendee ADD COLUMN email TEXT CHECK (email IS NULL OR (length(email) BETWEEN 3"
	" AND 254 AND email GLOB '?*@?*'));\n"
	"ALTER TABLE attendee ADD COLUMN status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN"
	" ('invited', 'present', 'regrets'));\n"
	"UPDATE attendee SET status = 'present' WHERE present;\n"
	"ALTER TABLE attendee DROP COLUMN invited;\n"
	"ALTER TABLE attendee DROP COLUMN present;\n"
	"INSERT INTO attendee(meeting_id, name, role) SELECT m.id, m.host,"
	" CASE WHEN p.lang = 'zh' THEN '主持人' ELSE 'host' END FROM meeting m"
	" JOIN project p ON p.id = m.project_id"
	" WHERE m.host <> '' AND NOT EXISTS (SELECT 1 FROM attendee a"
	" WHERE a.meeting_id = m.id AND a.name = m.host) ORDER BY m.id;\n",
	/* 8 -> 9: a decision's state (proposed, agreed, rejected) and when it
	 * was agreed, and the KO risk a TKO risk was carried from.  The
	 * decisions already recorded were taken as agreed when they were
	 * recorded, so they become agreed at that time.  An agreed decision
	 * may not know when (a row written without the time). */
	"ALTER TABLE decision ADD COLUMN agreed_at TEXT;\n"
	"UPDATE decision SET agreed_at = decided_at;\n"
	"ALTER TABLE decision ADD COLUMN state TEXT NOT NULL DEFAULT 'agreed'"
	" CHECK (state IN ('proposed', 'agreed', 'rejected')"
	" AND (state = 'agreed' OR agreed_at IS NULL));\n"
	"ALTER TABLE risk ADD COLUMN carried_from INTEGER REFERENCES risk(id) ON DELETE SET NULL;\n"
	"CREATE UNIQUE INDEX risk_by_carried_from ON risk(carried_from);\n",
	NULL,   /* sentinel */
};
#define NSTEPS ((int)(sizeof steps / sizeof steps[0]) - 1)
#define SCHEMA_VERSION (1 + NSTEPS)

int store_schema_version(void)
{
	return SCHEMA_VERSION;
}

static int pragma_int(struct store *st, const char *sql, int *out)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

static enum ko_err exec(struct store *st, const char *sql, const char *what)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? KO_OK : sql_fail(st, sqlite3_extended_errcode(st->db), what);
}

static enum ko_err set_versions(struct store *st, int version)
{
	/* PRAGMA takes no bound parameters; the value is our own integer. */
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
	         STORE_APP_ID, version);
	return exec(st, sql, N_("set schema version"));
}

/* The three numbers that say what the file is, read by one statement so
 * they come from one snapshot: read apart, another session creating the
 * schema at the same moment could commit between them, and a new kickoff
 * database would look like another program's (tables, no application id). */
static int read_header(struct store *st, int *version, int *app, int *tables)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db,
		"SELECT (SELECT user_version FROM pragma_user_version),"
		" (SELECT application_id FROM pragma_application_id),"
		" (SELECT count(*) FROM sqlite_schema)", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int(s, 0);
		*app = sqlite3_column_int(s, 1);
		*tables = sqlite3_column_int(s, 2);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

/* Switching a new file to WAL needs the only lock on it.  When another
 * session is creating the schema at that moment SQLite answers BUSY at
 * once, without the busy handler (waiting could deadlock), so wait here,
 * as long as a write would. */
static enum ko_err set_wal(struct store *st)
{
	for (int waited = 0;; waited += 5) {
		enum ko_err e = exec(st, "PRAGMA journal_mode=WAL", N_("journal mode"));
		if (e != KO_BUSY || waited >= st->busy_limit_ms)
			return e;
		struct timespec ts = { 0, 5 * 1000000L };
		nanosleep(&ts, NULL);
	}
}

enum ko_err schema_check_upgraded(sqlite3 *db, const char *path, struct ko_error *e)
{
	sqlite3_stmt *s = NULL;
	int version = -1, tables = 0;
	if (sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version),"
	                           " (SELECT count(*) FROM sqlite_schema)", -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		version = sqlite3_column_int(s, 0);
		tables = sqlite3_column_int(s, 1);
	}
	sqlite3_finalize(s);
	if (version == 0 && tables == 0)
		return KO_OK;                  /* empty: the schema is made on open */
	if (version < 1 || version >= SCHEMA_VERSION)
		return schema_check(db, path, e);
	/* What the upgrade would leave, in a transaction never committed. */
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return ko_fail(e, KO_READONLY, _("the schema of '%s' (version %d) is checked only "
		                                 "where it can be upgraded: %s"),
		               path, version, sqlite3_errmsg(db));
	enum ko_err rc = KO_OK;
	for (int v = version; rc == KO_OK && v < SCHEMA_VERSION; v++)
		if (sqlite3_exec(db, steps[v - 1], NULL, NULL, NULL) != SQLITE_OK)
			rc = ko_fail(e, KO_CORRUPT, _("'%s' does not have kickoff's schema: "
			                              "the upgrade from version %d fails: %s"),
			             path, v, sqlite3_errmsg(db));
	if (rc == KO_OK)
		rc = schema_check(db, path, e);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum ko_err store_migrate(struct store *st)
{
	int version = 0, app = 0, tables = 0;
	int rc = read_header(st, &version, &app, &tables);
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
			return store_fail(st, KO_CORRUPT,
			                  _("'%s' is not a kickoff database (or it is corrupt)"), st->path);
		return sql_fail(st, rc, NC_("doing", "open"));
	}
	if ((version != 0 || tables != 0) && app != STORE_APP_ID)
		return store_fail(st, KO_CORRUPT, _("'%s' is an SQLite database but not a kickoff one"),
		                  st->path);
	if (version > SCHEMA_VERSION)
		return store_fail(st, KO_NEWER,
		                  _("'%s' has schema version %d; this kickoff knows up to %d: upgrade kickoff"),
		                  st->path, version, SCHEMA_VERSION);

	/* A file of this version is compared before anything is written to
	 * it (even its journal mode); an older one after its upgrade, in the
	 * upgrade's transaction, so that a refused file is left as it was. */
	if (version == SCHEMA_VERSION && schema_check(st->db, st->path, &st->err) != KO_OK)
		return st->err.code;
	bool ro = sqlite3_db_readonly(st->db, "main") == 1;
	if (!ro) {
		/* WAL lets readers and one writer work at once: the second
		 * session never waits to read. */
		enum ko_err e = set_wal(st);
		if (e != KO_OK)
			return e;
	}
	/* NORMAL sync in WAL mode: a commit is written to the WAL before the
	 * screen shows it, so it survives the program being killed (kill -9,
	 * a dropped SSH session); the WAL is fsynced at each checkpoint, so
	 * a power cut can lose the last commits before it but never corrupts
	 * the database.  FULL adds an fsync to every commit (2-3 ms on a
	 * virtual disk, more than a tick may take); KICKOFF_SYNC=full asks
	 * for it.  See docs/performance.md. */
	const char *sync = getenv("KICKOFF_SYNC");
	bool full = sync && strcmp(sync, "full") == 0;
	enum ko_err e = exec(st, full ? "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL"
	                              : "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL",
	                     N_("pragmas"));
	if (e != KO_OK)
		return e;
	if (version == SCHEMA_VERSION)
		return KO_OK;
	if (ro)
		return store_fail(st, KO_READONLY,
		                  _("database '%s' is read-only and needs its schema created or upgraded"),
		                  st->path);

	e = exec(st, "BEGIN IMMEDIATE", N_("begin upgrade"));
	if (e != KO_OK)
		return e;
	/* Another session may have upgraded it while we waited. */
	if (pragma_int(st, "PRAGMA user_version", &version) != SQLITE_OK)
		version = -1;
	if (version == 0)
		e = exec(st, kickoff_schema_sql, N_("create schema"));
	for (int v = version; e == KO_OK && v >= 1 && v < SCHEMA_VERSION; v++)
		e = exec(st, steps[v - 1], N_("upgrade schema"));
	if (e == KO_OK && version != SCHEMA_VERSION)
		e = set_versions(st, SCHEMA_VERSION);
	if (e == KO_OK)
		e = schema_check(st->db, st->path, &st->err);
	if (e == KO_OK)
		e = exec(st, "COMMIT", N_("commit upgrade"));
	if (e == KO_OK)
		return KO_OK;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return e;
}
