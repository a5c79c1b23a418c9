/* db.c - opening the database, statements, transactions, errors. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"
#include "kickoff/text.h"
#include "kickoff/trace.h"

/* A session that defers checkpoints to its idle time (the screens)
 * checkpoints once the WAL holds this many pages, and inside a write at
 * the maximum, which is SQLite's own automatic checkpoint.  The last
 * connection to close checkpoints and deletes the WAL (SQLite's default,
 * kept for commands too), so that the database file alone holds every
 * commit once no session is open: a plain copy of it is whole, and a
 * read-only folder can be read. */
#define CHECKPOINT_PAGES 100
#define CHECKPOINT_PAGES_MAX 1000

/* How long a write waits for another session's lock before giving up;
 * $KICKOFF_BUSY_TIMEOUT_MS (milliseconds, 0..600000) changes it. */
#define BUSY_LIMIT_MS 15000

static int busy_limit_ms(void)
{
	const char *env = getenv("KICKOFF_BUSY_TIMEOUT_MS");
	if (!env || !*env)
		return BUSY_LIMIT_MS;
	char *end;
	errno = 0;
	long v = strtol(env, &end, 10);
	if (*end || errno || v < 0 || v > 600000)
		return BUSY_LIMIT_MS;
	return (int)v;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits in short steps so a screen can say "waiting for another session"
 * and the wait ends as soon as the lock is free. */
static int busy_handler(void *ctx, int count)
{
	struct store *st = ctx;
	if (count == 0)
		st->wait_start_ms = now_ms();
	long long waited = now_ms() - st->wait_start_ms;
	if (waited >= st->busy_limit_ms || st->no_wait)
		return 0;
	if (st->wait_fn && count % 20 == 19)
		st->wait_fn(st->wait_ctx, (int)waited);
	struct timespec ts = { 0, (count < 10 ? 1 : 5) * 1000000L };
	nanosleep(&ts, NULL);
	return 1;
}

enum ko_err store_fail(struct store *st, enum ko_err code, const char *fmt, ...)
{
	va_list ap;
	st->err.code = code;
	va_start(ap, fmt);
	vsnprintf(st->err.msg, sizeof st->err.msg, fmt, ap);
	va_end(ap);
	return code;
}

static enum ko_err map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return KO_OK;
	case SQLITE_BUSY: case SQLITE_LOCKED: return KO_BUSY;
	case SQLITE_READONLY: return KO_READONLY;
	case SQLITE_CORRUPT: case SQLITE_NOTADB: return KO_CORRUPT;
	case SQLITE_FULL: return KO_FULL;
	case SQLITE_IOERR: case SQLITE_CANTOPEN: case SQLITE_PERM: return KO_IO;
	case SQLITE_NOMEM: return KO_NOMEM;
	case SQLITE_TOOBIG: return KO_INVALID;
	case SQLITE_CONSTRAINT:
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
			return KO_EXISTS;
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			return KO_NOTFOUND;
		return KO_INVALID;
	default: return KO_STORE;
	}
}

enum ko_err sql_fail(struct store *st, int rc, const char *what)
{
	enum ko_err code = map_rc(rc);
	const char *detail = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	if (code == KO_BUSY)
		return store_fail(st, code, _("%s: database locked by another session for %.1f s; try again"),
		                  i18n_ctx(what), st->busy_limit_ms / 1000.0);
	if (code == KO_FULL)
		return store_fail(st, code, _("%s: disk full; nothing was changed"), i18n_ctx(what));
	if (code == KO_CORRUPT)
		return store_fail(st, code, _("%s: database '%s' is corrupt (%s)"), i18n_ctx(what), st->path, detail);
	if (code == KO_READONLY) {
		/* WAL needs PATH-wal and PATH-shm beside the file: a writable
		 * file in a read-only folder fails as read-only too. */
		char *dir = strdup(st->path), *slash = dir ? strrchr(dir, '/') : NULL;
		const char *folder = !dir ? NULL : !slash ? "." : slash == dir ? "/" : dir;
		if (slash > dir)
			*slash = '\0';
		if (folder && access(folder, W_OK) != 0) {
			store_fail(st, code, _("%s: folder '%s' of database '%s' is read-only "
			             "(the database needs its -wal and -shm files there)"),
			           i18n_ctx(what), folder, st->path);
			free(dir);
			return code;
		}
		free(dir);
		return store_fail(st, code, _("%s: database '%s' is read-only"), i18n_ctx(what), st->path);
	}
	return store_fail(st, code, "%s: %s", i18n_ctx(what), detail);
}

sqlite3_stmt *stmt(struct store *st, const char *sql)
{
	for (int i = 0; i < st->ncache; i++) {
		if (st->cache[i].sql == sql) {
			sqlite3_stmt *s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	}
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
	if (rc != SQLITE_OK) {
		sql_fail(st, rc, N_("prepare"));
		return NULL;
	}
	if (st->ncache == st->cache_cap) {
		int cap = st->cache_cap ? st->cache_cap * 2 : 64;
		struct stmt_slot *nc = realloc(st->cache, (size_t)cap * sizeof *nc);
		if (!nc) {
			sqlite3_finalize(s);
			store_fail(st, KO_NOMEM, _("out of memory"));
			return NULL;
		}
		st->cache = nc;
		st->cache_cap = cap;
	}
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = s;
	st->ncache++;
	return s;
}

enum ko_err step_done(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return KO_OK;
	return sql_fail(st, sqlite3_extended_errcode(st->db), what);
}

char *col_text(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	if (!t)
		return strdup("");
	size_t n = strlen(t);
	if (utf8_valid(t, n))
		return strdup(t);
	/* Written by another program: the model promises UTF-8, so each
	 * invalid byte reads as U+FFFD rather than reaching (and breaking)
	 * the JSON writers and the screens. */
	char *out = malloc(n * 3 + 1), *o = out;
	if (!out)
		return NULL;
	while (n > 0) {
		unsigned cp;
		size_t len = utf8_decode(t, n, &cp);
		if (len == 0) {
			memcpy(o, "\xef\xbf\xbd", 3);
			o += 3;
			len = 1;
		} else {
			memcpy(o, t, len);
			o += len;
		}
		t += len;
		n -= len;
	}
	*o = '\0';
	return out;
}

int bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (!text)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

int bind_text_or_null(sqlite3_stmt *s, int i, const char *text)
{
	return bind_text(s, i, text && *text ? text : NULL);
}

int bind_typed(sqlite3_stmt *s, int i, const char *text)
{
	if (!text)
		return sqlite3_bind_null(s, i);
	size_t start, n = text_trim(text, strlen(text), &start);
	return sqlite3_bind_text(s, i, text + start, (int)n, SQLITE_TRANSIENT);
}

/* The identity token of the database as it is now, into out[33]. */
static enum ko_err read_token(struct store *st, char out[33])
{
	static const char sql[] = "SELECT token FROM meta WHERE id = 1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	int rc = sqlite3_step(s);
	const char *t = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
	snprintf(out, 33, "%s", t ? t : "");
	sqlite3_reset(s);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return KO_OK;
	return sql_fail(st, rc, N_("read"));
}

enum ko_err identity_holds(struct store *st)
{
	char now[33];
	enum ko_err rc = read_token(st, now);
	if (rc != KO_OK)
		return rc;
	if (strcmp(now, st->token) != 0)
		return store_fail(st, KO_REPLACED,
		                  _("nothing was saved: the database was restored (replaced) after "
		                    "this session read it"));
	return KO_OK;
}

enum ko_err store_replaced(struct store *st, bool *replaced)
{
	char now[33];
	enum ko_err rc = read_token(st, now);
	if (rc == KO_OK)
		*replaced = strcmp(now, st->token) != 0;
	return rc;
}

enum ko_err store_accept_replacement(struct store *st)
{
	return read_token(st, st->token);
}

enum ko_err tx_begin(struct store *st, int64_t meeting_id, const char *summary)
{
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("begin"));
	/* Inside the write lock: a restore cannot come between the check
	 * and the write. */
	if (identity_holds(st) != KO_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return st->err.code;
	}
	static const char sql[] =
		"INSERT INTO change(at, who, meeting_id, summary) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return st->err.code;
	}
	char now[21];
	clock_stamp(now);
	bind_text(s, 1, now);
	bind_text(s, 2, st->who);
	if (meeting_id > 0)
		sqlite3_bind_int64(s, 3, meeting_id);
	bind_text(s, 4, summary);
	enum ko_err e = step_done(st, s, N_("record change"));
	if (e != KO_OK)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	else
		changelog_begin(st->log);
	return e;
}

/* Names the meeting of a change made through a row id (a tick, a delete)
 * from the first row it touched that belongs to a meeting, so history
 * per meeting finds it.  (A project's delete logs the project first, its
 * meetings' rows after it.) */
static enum ko_err tag_meeting(struct store *st)
{
	static const char sql[] =
		"UPDATE change SET meeting_id = ("
		"  SELECT m FROM (SELECT r.id AS rid,"
		"    coalesce(json_extract(coalesce(r.after, r.before), '$.meeting_id'),"
		"             CASE WHEN r.tbl = 'meeting' THEN r.row_id END) AS m"
		"    FROM change_row r WHERE r.change_id = change.id)"
		"  WHERE m IS NOT NULL ORDER BY rid LIMIT 1)"
		" WHERE id = (SELECT max(id) FROM change) AND meeting_id IS NULL";
	sqlite3_stmt *s = stmt(st, sql);
	return s ? step_done(st, s, N_("record change")) : st->err.code;
}

enum ko_err tx_end(struct store *st, enum ko_err rc)
{
	if (rc == KO_OK) {
		int r = changelog_flush(st->log);
		if (r != SQLITE_OK)
			rc = sql_fail(st, r, N_("record change"));
	} else {
		changelog_discard(st->log);
	}
	if (rc == KO_OK)
		rc = tag_meeting(st);
	if (rc == KO_OK) {
		int r = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		if (r == SQLITE_OK) {
			trace_mark("committed");
			return KO_OK;
		}
		rc = sql_fail(st, sqlite3_extended_errcode(st->db), N_("commit"));
	}
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

enum ko_err store_create_private(const char *path, struct ko_error *e)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		close(fd);
		return KO_OK;
	}
	if (errno == EEXIST)
		return KO_OK;
	if (errno == ENOENT)
		return ko_fail(e, KO_IO, _("cannot create database '%s': folder does not exist"), path);
	return ko_fail(e, KO_IO, _("cannot create database '%s': %s"), path, strerror(errno));
}

void sqlite_setup(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	/* Memory statistics take a global mutex around every allocation,
	 * a sixth of the cost of reading the schema at each start; nothing
	 * here reads them.  Refused (harmlessly) once SQLite is in use. */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	memory_setup();
}

/* A target naming a server rather than a file.  Only the scheme is ever
 * shown: the rest may hold a password. */
static bool is_server_url(const char *target)
{
	return strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0;
}

enum ko_err store_open(const char *target, unsigned flags, struct store **out,
                       struct ko_error *e)
{
	if (is_server_url(target))
		return ko_fail(e, KO_STORE, _("this kickoff has no PostgreSQL backend: "
		                              "give the database as a file path"));
	return store_open_named(target, target, flags, out, e);
}

enum ko_err store_open_named(const char *path, const char *name, unsigned flags,
                             struct store **out, struct ko_error *e)
{
	struct stat sb;
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return ko_fail(e, KO_IO, _("database path '%s' is a folder"), path);
		/* An empty file (made by touch, or a mktemp) becomes a new
		 * database: private, as one this creates.  A populated one keeps
		 * the modes its owner gave it (a team may share it by group). */
		if (S_ISREG(sb.st_mode) && sb.st_size == 0 && !(flags & STORE_READONLY) &&
		    sb.st_uid == geteuid() && (sb.st_mode & 07777) != 0600 && chmod(path, 0600) != 0)
			return ko_fail(e, KO_IO, _("cannot make database '%s' private: %s"), path,
			               strerror(errno));
	} else if (errno == ENOENT && (flags & STORE_CREATE) && !(flags & STORE_READONLY)) {
		enum ko_err rc = store_create_private(path, e);
		if (rc != KO_OK)
			return rc;
	} else if (errno == ENOENT) {
		return ko_fail(e, KO_NOTFOUND, _("database '%s' does not exist"), path);
	} else {
		return ko_fail(e, KO_IO, _("cannot open database '%s': %s"), path, strerror(errno));
	}

	struct store *st = calloc(1, sizeof *st);
	if (!st)
		return ko_fail(e, KO_NOMEM, _("out of memory"));
	st->path = strdup(name);
	st->who = strdup("unknown");
	st->busy_limit_ms = busy_limit_ms();
	st->drv = sqlite_driver_get();
	int oflags = (flags & STORE_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	sqlite_setup();
	int rc = sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		ko_fail(e, map_rc(rc), _("cannot open database '%s': %s"), path,
		        st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(st);
		return e ? e->code : KO_IO;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, busy_handler, st);
	st->log = changelog_attach(st->db);
	if (!st->log) {
		store_close(st);
		return ko_fail(e, KO_NOMEM, _("out of memory"));
	}
	if (flags & STORE_COMMAND)
		store_defer_idle_work(st);

	enum ko_err err = store_migrate(st);
	if (err == KO_OK)
		err = store_accept_replacement(st);
	if (err != KO_OK) {
		if (e)
			*e = st->err;
		store_close(st);
		return err;
	}
	*out = st;
	return KO_OK;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	free(st->cache);
	sqlite_driver_close(st);
	changelog_detach(st->log);
	sqlite3_close(st->db);
	free(st->path);
	free(st->who);
	free(st);
}

const struct store_driver *store_driver(const struct store *st)
{
	return st->drv;
}

const struct ko_error *store_error(const struct store *st)
{
	return &st->err;
}

void store_set_user(struct store *st, const char *who)
{
	char *w = strdup(who && *who ? who : "unknown");
	if (w) {
		free(st->who);
		st->who = w;
	}
}

const char *store_user(const struct store *st)
{
	return st->who;
}

void store_set_wait_callback(struct store *st, store_wait_fn fn, void *ctx)
{
	st->wait_fn = fn;
	st->wait_ctx = ctx;
}

static int wal_hook(void *ctx, sqlite3 *db, const char *name, int frames)
{
	struct store *st = ctx;
	st->wal_frames = frames;
	/* Never idle long enough: do not let the WAL grow without bound. */
	if (frames >= CHECKPOINT_PAGES_MAX) {
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		st->wal_frames = 0;
	}
	return SQLITE_OK;
}

void store_defer_idle_work(struct store *st)
{
	/* Replaces the automatic checkpoint, which is itself a WAL hook. */
	sqlite3_wal_hook(st->db, wal_hook, st);
}

enum ko_err store_idle_work(struct store *st)
{
	if (st->wal_frames < CHECKPOINT_PAGES)
		return KO_OK;
	int rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	st->wal_frames = 0;
	return rc == SQLITE_OK ? KO_OK : sql_fail(st, rc, N_("checkpoint"));
}

enum ko_err store_change_token(struct store *st, int64_t *out)
{
	static const char sql[] = "PRAGMA data_version";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return sql_fail(st, rc, N_("data version"));
	}
	*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return KO_OK;
}

enum ko_err write_one(struct store *st, int64_t meeting_id, const char *summary,
                      sqlite3_stmt *s, enum ko_err none_code, const char *none_msg)
{
	enum ko_err rc = tx_begin(st, meeting_id, summary);
	if (rc != KO_OK) {
		sqlite3_clear_bindings(s);
		return rc;
	}
	rc = step_done(st, s, summary);
	if (rc == KO_OK && none_code != KO_OK && sqlite3_changes(st->db) == 0)
		rc = store_fail(st, none_code, "%s", none_msg);
	return tx_end(st, rc);
}

enum ko_err read_rows(struct store *st, sqlite3_stmt *s, void *vec, size_t elem_size,
                      void (*read_row)(sqlite3_stmt *, void *),
                      void (*free_vec)(void *), const char *what)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		void *e = vec_push_(vec, elem_size);
		if (!e) {
			rc = SQLITE_NOMEM;
			break;
		}
		read_row(s, e);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return KO_OK;
	free_vec(vec);
	return sql_fail(st, rc, what);
}

enum ko_err read_one(struct store *st, sqlite3_stmt *s, void *out,
                     void (*read_row)(sqlite3_stmt *, void *), const char *none_msg)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read_row(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, "%s", none_msg);
	return sql_fail(st, rc, N_("read"));
}

enum ko_err row_in_meeting(struct store *st, const char *sql, int64_t id,
                           int64_t meeting_id, bool *found)
{
	*found = true;
	if (id == 0)
		return KO_OK;
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, meeting_id);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	*found = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return KO_OK;
	return sql_fail(st, rc, N_("find linked row"));
}
