/* internal.h - what SQLite's files and the entity files not yet on the
 * driver (driver.h) share: the handle, cached statements, transactions
 * and value conversion.  Not for other layers. */
#ifndef KICKOFF_STORE_INTERNAL_H
#define KICKOFF_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include "changelog.h"
#include "kickoff/store.h"
#include "../driver.h"
#include "../rules.h"

struct sqlite_stmt;

struct store {
	sqlite3 *db;
	char *path;
	char *who;
	struct ko_error err;
	store_wait_fn wait_fn;
	void *wait_ctx;
	long long wait_start_ms;    /* when the current wait for a lock began */
	int busy_limit_ms;
	int wal_frames;             /* frames in the WAL after the last commit */
	bool no_wait;               /* give up at once when locked (presence) */
	struct changelog *log;      /* the rows each change touches */
	char token[33];             /* the database's identity (meta) as
	                               opened: a write into another one,
	                               restored since, is refused */
	struct stmt_slot {
		const char *sql;        /* compared by address: one per call site */
		sqlite3_stmt *stmt;
	} *cache;
	int ncache, cache_cap;
	const struct store_driver *drv;
	struct sqlite_stmt *prepared[SQL_COUNT];   /* by statement id */
	int64_t undo_target;        /* of the last undo or redo (history) */
};

/* SQLite's driver (sqlite/driver.c), and the end of its statements. */
const struct store_driver *sqlite_driver_get(void);
void sqlite_driver_close(struct store *st);

/* store_open of the file at path, naming it `name` in every message
 * (restore opens its temporary copy of a backup as the backup). */
enum ko_err store_open_named(const char *path, const char *name, unsigned flags,
                             struct store **out, struct ko_error *e);

/* Settings of the SQLite library itself; called before any connection
 * is opened. */
void sqlite_setup(void);
/* Creates the database file with mode 0600 when missing, before SQLite
 * does, which would use 0644: minutes are not for every user of a
 * shared server. */
enum ko_err store_create_private(const char *path, struct ko_error *e);

/* Creates a private (0600) temporary file beside target, named
 * TARGET.kickoff-tmp-PID-XXXXXX, its name in out; the open descriptor,
 * or -1 with errno set. */
int temp_beside(const char *target, char *out, size_t n);
/* Removes a temporary file of temp_beside and what SQLite made beside it. */
void temp_remove(const char *tmp);
/* Removes the temporary files (and their -journal, -wal, -shm) that a
 * killed backup or restore of this user left in target's folder: those
 * whose process is gone.  Returns how many it removed. */
int temp_sweep(const char *target);

/* Gives SQLite the allocator of memory.c (sqlite_setup calls it). */
void memory_setup(void);

/* A prepared statement for sql, reset and with bindings cleared; NULL on
 * error (st->err filled).  sql must be a string literal. */
sqlite3_stmt *stmt(struct store *st, const char *sql);

/* Turns an SQLite result code into ours, filling st->err with `what`
 * and SQLite's own message. */
enum ko_err sql_fail(struct store *st, int rc, const char *what);

/* Steps s expecting no row; resets it. */
enum ko_err step_done(struct store *st, sqlite3_stmt *s, const char *what);

/* Text of column i as a new string; "" for NULL. */
char *col_text(sqlite3_stmt *s, int i);
/* Binds s as text, or NULL when s is NULL. */
int bind_text(sqlite3_stmt *s, int i, const char *text);
/* Binds s as text, or NULL when s is NULL or "". */
int bind_text_or_null(sqlite3_stmt *s, int i, const char *text);
/* Binds what a person typed: text without the blank at its ends
 * (text_trim), or NULL when text is NULL.  check_text refuses a required
 * field that this would leave empty. */
int bind_typed(sqlite3_stmt *s, int i, const char *text);

/* Opens a write: BEGIN IMMEDIATE, then a change row naming who, when, the
 * meeting (0: none) and a summary.  Every write goes through this. */
enum ko_err tx_begin(struct store *st, int64_t meeting_id, const char *summary);
/* KO_REPLACED (st->err filled) when the database's identity token is no
 * longer the one this session opened, i.e. it was restored since; the
 * caller holds the write lock, so no restore can come between this and
 * its write. */
enum ko_err identity_holds(struct store *st);
/* Commits when rc is KO_OK, else rolls back; returns rc or the commit's
 * error. */
enum ko_err tx_end(struct store *st, enum ko_err rc);

/* Runs the prepared and bound statement s as one whole change.  A
 * statement that touches no row fails with none_code and none_msg (unless
 * none_code is KO_OK): KO_NOTFOUND for a missing row, KO_CONFLICT for a
 * version that moved on. */
enum ko_err write_one(struct store *st, int64_t meeting_id, const char *summary,
                      sqlite3_stmt *s, enum ko_err none_code, const char *none_msg);

/* Fills out with the rows of s (bound), using read_row for each; the
 * vec is any VEC_OF, elem_size its element size, free_row its *_free. */
enum ko_err read_rows(struct store *st, sqlite3_stmt *s, void *vec, size_t elem_size,
                      void (*read_row)(sqlite3_stmt *, void *),
                      void (*free_vec)(void *), const char *what);
/* Reads one row of s into out with read_row; KO_NOTFOUND with none_msg
 * when there is none. */
enum ko_err read_one(struct store *st, sqlite3_stmt *s, void *out,
                     void (*read_row)(sqlite3_stmt *, void *), const char *none_msg);


/* The rows of s (bound; columns id, name) whose name reads as name
 * does (text_name_key): how many, and the first one's id and name
 * (malloc'd; alike_free). */
struct alike {
	int count;
	int64_t id;
	char *name;
};
enum ko_err names_alike(struct store *st, sqlite3_stmt *s, const char *name,
                        struct alike *out);
void alike_free(struct alike *a);
/* KO_EXISTS when a project other than id self has a name that reads
 * as name does (self 0: any project). */
enum ko_err project_name_free(struct store *st, const char *name, int64_t self);
/* Inside a write: the meeting's host made one of its attendees (role
 * "host") unless an attendee of that name is there already. */
enum ko_err meeting_host_attendee(struct store *st, int64_t meeting_id);



/* Runs sql ("SELECT 1 FROM t WHERE id = ?1 AND meeting_id = ?2"): *found
 * tells whether row id belongs to the meeting; id 0 (no link) counts as
 * found. */
enum ko_err row_in_meeting(struct store *st, const char *sql, int64_t id,
                           int64_t meeting_id, bool *found);


/* Schema text compiled from schema.sql. */
extern const char kickoff_schema_sql[];
/* Creates, upgrades and checks the schema (schema_check) of a store
 * just opened, and reads its identity token. */
enum ko_err store_migrate(struct store *st);
/* KO_OK when the schema of db (its sqlite_schema rows) is exactly the
 * one this version of kickoff creates; else KO_CORRUPT, with e naming
 * the first difference (an extra trigger, a table defined otherwise, a
 * missing index) in one line.  path is for the message. */
enum ko_err schema_check(sqlite3 *db, const char *path, struct ko_error *e);
/* schema_check of what the database would be once upgraded to this
 * version (the upgrade is run in a transaction and rolled back);
 * KO_READONLY when an older version cannot be checked so.  An empty
 * file passes. */
enum ko_err schema_check_upgraded(sqlite3 *db, const char *path, struct ko_error *e);
/* The name of kickoff's table `name` as compiled in (not the caller's
 * text), or NULL when kickoff has no such table. */
const char *schema_table(const char *name);

#define STORE_APP_ID 0x4b4b4f46     /* "KKOF" */

#endif
