/* backup.c - online backup of a database and the health report behind
 * `kickoff doctor`.  Both open the file with SQLite directly, without
 * store_open, so neither creates nor migrates what it looks at. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"
#include "kickoff/i18n.h"

/* Pages copied per step: small, so the source's lock is held briefly. */
#define BACKUP_STEP_PAGES 64
/* After this many restarts (another session wrote between steps) the
 * rest is copied in one step; under WAL that still lets writers go on. */
#define BACKUP_MAX_RESTARTS 20

static int64_t file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (int64_t)sb.st_size : -1;
}

static enum ko_err rc_code(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY: case SQLITE_LOCKED: return KO_BUSY;
	case SQLITE_READONLY: return KO_READONLY;
	case SQLITE_CORRUPT: case SQLITE_NOTADB: return KO_CORRUPT;
	case SQLITE_FULL: return KO_FULL;
	case SQLITE_NOMEM: return KO_NOMEM;
	case SQLITE_CANTOPEN: case SQLITE_IOERR: case SQLITE_PERM: return KO_IO;
	default: return KO_STORE;
	}
}

/* Opens an existing database without creating it. */
static enum ko_err open_existing(const char *path, int flags, sqlite3 **db,
                                 struct ko_error *e)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT)
			return ko_fail(e, KO_NOTFOUND, _("database '%s' does not exist"), path);
		return ko_fail(e, KO_IO, _("cannot open database '%s': %s"), path, strerror(errno));
	}
	if (S_ISDIR(sb.st_mode))
		return ko_fail(e, KO_IO, _("database path '%s' is a folder"), path);
	sqlite_setup();
	int rc = sqlite3_open_v2(path, db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		enum ko_err code = ko_fail(e, rc_code(rc), _("cannot open database '%s': %s"), path,
		                           *db ? sqlite3_errmsg(*db) : sqlite3_errstr(rc));
		sqlite3_close(*db);
		*db = NULL;
		return code;
	}
	sqlite3_busy_timeout(*db, 15000);
	return KO_OK;
}

/* The first row of PRAGMA integrity_check ("ok"), or up to a few lines
 * of what is wrong; NULL when the check itself cannot run. */
static char *integrity(sqlite3 *db, int *rc_out)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(8)", -1, &s, NULL);
	char *out = NULL;
	size_t len = 0;
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		if ((rc = sqlite3_step(s)) != SQLITE_ROW)
			break;
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (!t)
			continue;
		size_t n = strlen(t);
		char *grown = realloc(out, len + n + 2);
		if (!grown)
			break;
		out = grown;
		if (len)
			out[len++] = '\n';
		memcpy(out + len, t, n + 1);
		len += n;
	}
	sqlite3_finalize(s);
	*rc_out = rc == SQLITE_DONE ? SQLITE_OK : rc;
	if (*rc_out != SQLITE_OK && out) {
		free(out);
		out = NULL;
	}
	return out;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

enum ko_err store_backup(const char *src_path, const char *dest_path, bool force,
                         int64_t *pages_out, struct ko_error *e)
{
	if (!dest_path || !*dest_path)
		return ko_fail(e, KO_USAGE, _("missing backup file"));
	struct stat sb;
	if (stat(dest_path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return ko_fail(e, KO_INVALID, _("'%s' is a folder; name the backup file"),
			               dest_path);
		if (same_file(src_path, dest_path))
			return ko_fail(e, KO_INVALID, _("'%s' is the database itself"), dest_path);
		if (!force)
			return ko_fail(e, KO_EXISTS,
			               _("'%s' already exists; add --force to overwrite it"), dest_path);
	}

	sqlite3 *src = NULL;
	enum ko_err rc = open_existing(src_path, SQLITE_OPEN_READWRITE, &src, e);
	if (rc == KO_READONLY || rc == KO_IO)
		rc = open_existing(src_path, SQLITE_OPEN_READONLY, &src, e);
	if (rc != KO_OK)
		return rc;

	/* The copy goes to a private temporary file beside dest, renamed into
	 * place only once it is whole and checked; what killed runs left
	 * there goes first. */
	temp_sweep(dest_path);
	char tmp[PATH_MAX];
	int fd = temp_beside(dest_path, tmp, sizeof tmp);
	if (fd < 0) {
		int err = errno;
		sqlite3_close(src);
		if (err == ENAMETOOLONG)
			return ko_fail(e, KO_INVALID, _("backup path is too long"));
		return ko_fail(e, KO_IO, _("cannot write '%s': %s"), dest_path, strerror(err));
	}
	close(fd);

	sqlite3 *dst = NULL;
	int src_rc = SQLITE_OK;
	int drc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	sqlite3_backup *b = drc == SQLITE_OK ? sqlite3_backup_init(dst, "main", src, "main") : NULL;
	if (!b) {
		rc = ko_fail(e, KO_IO, _("cannot write '%s': %s"), dest_path,
		             dst ? sqlite3_errmsg(dst) : sqlite3_errstr(drc));
		goto fail;
	}
	int restarts = 0, last_remaining = -1, step = BACKUP_STEP_PAGES;
	for (;;) {
		src_rc = sqlite3_backup_step(b, step);
		if (src_rc == SQLITE_DONE)
			break;
		if (src_rc == SQLITE_OK || src_rc == SQLITE_BUSY || src_rc == SQLITE_LOCKED) {
			int remaining = sqlite3_backup_remaining(b);
			if (last_remaining >= 0 && remaining > last_remaining && ++restarts >= BACKUP_MAX_RESTARTS)
				step = -1;
			last_remaining = remaining;
			/* Leave the other sessions room to write between steps. */
			sqlite3_sleep(src_rc == SQLITE_OK ? 1 : 10);
			continue;
		}
		break;
	}
	int64_t pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (src_rc != SQLITE_DONE) {
		rc = ko_fail(e, rc_code(src_rc), _("backup of '%s' failed: %s"), src_path,
		             sqlite3_errstr(src_rc));
		goto fail;
	}
	/* One self-contained file: no WAL beside it. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		rc = ko_fail(e, KO_IO, _("cannot write '%s': %s"), dest_path, sqlite3_errmsg(dst));
		goto fail;
	}
	int irc;
	char *ok = integrity(dst, &irc);
	bool good = ok && strcmp(ok, "ok") == 0;
	free(ok);
	if (!good) {
		rc = ko_fail(e, KO_CORRUPT, _("the copy in '%s' failed its integrity check"), tmp);
		goto fail;
	}
	sqlite3_close(dst);
	dst = NULL;
	sqlite3_close(src);
	src = NULL;
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	if (rename(tmp, dest_path) != 0) {
		rc = ko_fail(e, KO_IO, _("cannot write '%s': %s"), dest_path, strerror(errno));
		temp_remove(tmp);
		return rc;
	}
	if (pages_out)
		*pages_out = pages;
	return KO_OK;
fail:
	sqlite3_close(dst);
	sqlite3_close(src);
	temp_remove(tmp);
	return rc;
}

static int64_t pragma_int64(sqlite3 *db, const char *sql);

/* Copies the whole database at from (a file no one writes) into the
 * file at to, in one step. */
static int copy_whole(sqlite3 *from, const char *to, int64_t *pages)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(to, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", from, "main") : NULL;
	if (b) {
		rc = sqlite3_backup_step(b, -1);
		*pages = sqlite3_backup_pagecount(b);
		sqlite3_backup_finish(b);
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	} else if (rc == SQLITE_OK) {
		rc = sqlite3_errcode(dst);
	}
	sqlite3_close(dst);
	return rc;
}

/* Makes the copy of a backup at tmp what the live database will be: a
 * kickoff database of this version (upgraded when older), with exactly
 * kickoff's schema, and an identity of its own, so that every session
 * that has the database open notices the restore before its next write
 * (ids now name other rows).  Messages name the backup, from_path. */
static enum ko_err prepare_copy(const char *tmp, const char *from_path, struct ko_error *e)
{
	struct store *st = NULL;
	enum ko_err rc = store_open_named(tmp, from_path, 0, &st, e);
	if (rc != KO_OK)
		return rc;
	if (sqlite3_exec(st->db, "UPDATE meta SET token = lower(hex(randomblob(16))) WHERE id = 1",
	                 NULL, NULL, NULL) != SQLITE_OK || sqlite3_changes(st->db) != 1)
		rc = ko_fail(e, KO_IO, _("restore from '%s' failed: %s"), from_path,
		             sqlite3_errmsg(st->db));
	/* A file of its own again (the WAL folded in), so that reading it
	 * for the restore leaves nothing beside it. */
	if (rc == KO_OK && sqlite3_exec(st->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = ko_fail(e, KO_IO, _("restore from '%s' failed: %s"), from_path,
		             sqlite3_errmsg(st->db));
	store_close(st);
	return rc;
}

enum ko_err store_restore(const char *db_path, const char *from_path, bool force,
                          char **kept_path, int64_t *pages_out, struct ko_error *e)
{
	*kept_path = NULL;
	struct stat sb;
	if (stat(from_path, &sb) != 0)
		return ko_fail(e, KO_NOTFOUND, _("backup '%s' does not exist"), from_path);
	if (S_ISDIR(sb.st_mode))
		return ko_fail(e, KO_INVALID, _("'%s' is a folder; name the backup file"), from_path);
	if (same_file(db_path, from_path))
		return ko_fail(e, KO_INVALID, _("'%s' is the database itself"), from_path);

	/* The backup must be a whole kickoff database this kickoff can read. */
	sqlite3 *src = NULL;
	enum ko_err rc = open_existing(from_path, SQLITE_OPEN_READONLY, &src, e);
	if (rc != KO_OK)
		return rc;
	int irc;
	char *ok = integrity(src, &irc);
	bool good = ok && strcmp(ok, "ok") == 0;
	free(ok);
	if (!good || pragma_int64(src, "PRAGMA application_id") != STORE_APP_ID) {
		sqlite3_close(src);
		return ko_fail(e, KO_CORRUPT, _("'%s' is not a kickoff database (or it is corrupt)"),
		               from_path);
	}
	int64_t version = pragma_int64(src, "PRAGMA user_version");
	if (version > store_schema_version()) {
		sqlite3_close(src);
		return ko_fail(e, KO_NEWER,
		               _("'%s' has schema version %lld; this kickoff knows up to %d: upgrade kickoff"),
		               from_path, (long long)version, store_schema_version());
	}

	/* The backup is made right in a copy beside the database (what
	 * killed restores left there goes first), and the live database is
	 * touched only once that copy is: a refused backup changes nothing. */
	temp_sweep(db_path);
	char tmp[PATH_MAX];
	int fd = temp_beside(db_path, tmp, sizeof tmp);
	if (fd < 0) {
		int err = errno;
		sqlite3_close(src);
		return ko_fail(e, KO_IO, _("cannot write beside '%s': %s"), db_path, strerror(err));
	}
	close(fd);
	int64_t pages = 0;
	int crc = copy_whole(src, tmp, &pages);
	sqlite3_close(src);
	if (crc != SQLITE_OK)
		rc = ko_fail(e, rc_code(crc), _("restore from '%s' failed: %s"), from_path,
		             sqlite3_errstr(crc));
	else
		rc = prepare_copy(tmp, from_path, e);
	if (rc != KO_OK)
		goto done;

	/* Keep the database as it is now, unless it cannot be read (a
	 * damaged database is what a restore is often for: --force). */
	if (stat(db_path, &sb) == 0) {
		size_t n = strlen(db_path) + sizeof ".before-restore";
		char *kept = malloc(n);
		if (!kept) {
			rc = ko_fail(e, KO_NOMEM, _("out of memory"));
			goto done;
		}
		snprintf(kept, n, "%s.before-restore", db_path);
		struct ko_error be = { 0 };
		if (store_backup(db_path, kept, true, NULL, &be) == KO_OK) {
			*kept_path = kept;
		} else {
			free(kept);
			if (!force) {
				rc = ko_fail(e, be.code,
				             _("cannot keep a copy of the database before restoring (%s); "
				               "add --force to restore over it anyway"), be.msg);
				goto done;
			}
		}
	} else if ((rc = store_create_private(db_path, e)) != KO_OK) {
		goto done;
	}

	/* The backup API writes into the live database as one transaction
	 * of its own (through its WAL, under the busy timeout): sessions
	 * that have it open see the restored data, and a WAL left beside it
	 * is never replayed over a copied-in file. */
	sqlite3 *from = NULL, *dst = NULL;
	if ((rc = open_existing(tmp, SQLITE_OPEN_READONLY, &from, e)) != KO_OK)
		goto done;
	rc = open_existing(db_path, SQLITE_OPEN_READWRITE, &dst, e);
	if (rc != KO_OK) {
		sqlite3_close(from);
		goto done;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", from, "main");
	int brc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(dst);
	if (b) {
		pages = sqlite3_backup_pagecount(b);
		sqlite3_backup_finish(b);
	}
	sqlite3_close(from);
	if (brc != SQLITE_DONE) {
		rc = ko_fail(e, rc_code(brc), _("restore into '%s' failed: %s"), db_path,
		             b ? sqlite3_errstr(brc) : sqlite3_errmsg(dst));
		sqlite3_close(dst);
		goto done;
	}
	ok = integrity(dst, &irc);
	good = ok && strcmp(ok, "ok") == 0;
	free(ok);
	/* Into the file itself when no one else has it open. */
	sqlite3_wal_checkpoint_v2(dst, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sqlite3_close(dst);
	if (!good)
		rc = ko_fail(e, KO_CORRUPT, _("'%s' failed its integrity check after the restore"),
		             db_path);
	else if (pages_out)
		*pages_out = pages;
done:
	temp_remove(tmp);
	return rc;
}

static int64_t pragma_int64(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void count_rows(sqlite3 *db, struct store_health *h)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(db,
	                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
	                       " AND substr(name, 1, 7) <> 'sqlite_' ORDER BY rowid",
	                       -1, &s, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(s) == SQLITE_ROW) {
		/* A table name cannot be a bound parameter, and no SQL is made
		 * of the file's text: only kickoff's own tables are counted,
		 * by the names compiled in. */
		const char *name = schema_table((const char *)sqlite3_column_text(s, 0));
		if (!name || strncmp(name, "sqlite_", 7) == 0)
			continue;
		char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", name);
		int64_t n = sql ? pragma_int64(db, sql) : -1;
		sqlite3_free(sql);
		struct store_table_rows *grown =
			realloc(h->tables, (size_t)(h->ntables + 1) * sizeof *grown);
		if (!grown)
			break;
		h->tables = grown;
		h->tables[h->ntables].table = strdup(name);
		h->tables[h->ntables].rows = n;
		h->ntables++;
	}
	sqlite3_finalize(s);
}

static void add_fact(struct store_health *h, const char *label, char *value)
{
	struct store_fact *grown = value ? realloc(h->facts, (size_t)(h->nfacts + 1) * sizeof *grown)
	                                 : NULL;
	if (!grown) {
		free(value);
		return;
	}
	h->facts = grown;
	h->facts[h->nfacts].label = label;
	h->facts[h->nfacts].value = value;
	h->nfacts++;
}

static char *size_text(int64_t bytes)
{
	char buf[96];
	if (bytes < 0)
		snprintf(buf, sizeof buf, "%s", _("none"));
	else if (bytes >= 10 * 1024)
		snprintf(buf, sizeof buf, "%lld KiB (%lld %s)", (long long)(bytes / 1024),
		         (long long)bytes, _("bytes"));
	else
		snprintf(buf, sizeof buf, "%lld %s", (long long)bytes, _("bytes"));
	return strdup(buf);
}

/* The figures of the file and its pages as label/value pairs. */
static void storage_facts(struct store_health *h)
{
	add_fact(h, N_("file"), size_text(h->file_bytes));
	add_fact(h, N_("WAL"), size_text(h->wal_bytes));
	add_fact(h, N_("shared mem"), size_text(h->shm_bytes));
	if (h->page_count >= 0) {
		char buf[160];
		snprintf(buf, sizeof buf, _("%lld pages of %lld bytes, %lld free"),
		         (long long)h->page_count, (long long)h->page_size,
		         (long long)h->freelist_pages);
		add_fact(h, N_("pages"), strdup(buf));
	}
}

enum ko_err store_health_check(const char *path, struct store_health *out,
                               struct ko_error *e)
{
	struct store_health h = { .schema_version = -1, .page_size = -1, .page_count = -1,
	                          .freelist_pages = -1 };
	char side[PATH_MAX];
	h.file_bytes = file_size(path);
	snprintf(side, sizeof side, "%s-wal", path);
	h.wal_bytes = file_size(side);
	snprintf(side, sizeof side, "%s-shm", path);
	h.shm_bytes = file_size(side);

	if (file_size(path) >= 0)
		h.temps_removed = temp_sweep(path);
	sqlite3 *db = NULL;
	/* Read-write (never create) so a WAL left by a crash is replayed for
	 * the check; read-only when the file does not allow more. */
	enum ko_err rc = open_existing(path, SQLITE_OPEN_READWRITE, &db, e);
	if (rc == KO_READONLY || rc == KO_IO)
		rc = open_existing(path, SQLITE_OPEN_READONLY, &db, e);
	if (rc != KO_OK) {
		storage_facts(&h);
		*out = h;
		return rc;
	}
	int irc;
	h.integrity = integrity(db, &irc);
	if (!h.integrity) {
		h.integrity = strdup(sqlite3_errstr(irc));
		rc = ko_fail(e, KO_CORRUPT, _("'%s' is not a database or is corrupt: %s"), path,
		             sqlite3_errstr(irc));
	} else {
		h.integrity_ok = strcmp(h.integrity, "ok") == 0;
		if (!h.integrity_ok)
			rc = ko_fail(e, KO_CORRUPT, _("'%s' failed its integrity check"), path);
	}
	h.schema_version = (int)pragma_int64(db, "PRAGMA user_version");
	h.is_kickoff = pragma_int64(db, "PRAGMA application_id") == STORE_APP_ID;
	if (rc == KO_OK && h.is_kickoff) {
		struct ko_error se = { 0 };
		enum ko_err src = schema_check_upgraded(db, path, &se);
		h.schema_ok = src == KO_OK;
		h.schema = strdup(src == KO_OK ? "ok" : se.msg);
		if (src == KO_CORRUPT)
			rc = ko_fail(e, KO_CORRUPT, "%s", se.msg);
		else if (src != KO_OK) {
			free(h.schema);
			h.schema = NULL;
		}
	}
	h.page_size = pragma_int64(db, "PRAGMA page_size");
	h.page_count = pragma_int64(db, "PRAGMA page_count");
	h.freelist_pages = pragma_int64(db, "PRAGMA freelist_count");
	if (h.integrity_ok)
		count_rows(db, &h);
	sqlite3_close(db);
	storage_facts(&h);
	*out = h;
	return rc;
}

void store_health_free(struct store_health *h)
{
	for (int i = 0; i < h->ntables; i++)
		free(h->tables[i].table);
	free(h->tables);
	for (int i = 0; i < h->nfacts; i++)
		free(h->facts[i].value);
	free(h->facts);
	h->facts = NULL;
	h->nfacts = 0;
	free(h->integrity);
	free(h->schema);
	h->tables = NULL;
	h->integrity = NULL;
	h->schema = NULL;
	h->ntables = 0;
}
