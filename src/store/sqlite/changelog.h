/* changelog.h - the rows of the change log, recorded by SQLite's
 * pre-update hook (src/store/sqlite/changelog.c).
 *
 * Every change the user makes is a `change` row followed by the rows it
 * writes.  While recording, each insert, update and delete of a logged
 * table (project, meeting, attendee, item, decision, risk, output,
 * action), foreign-key cascades included, is kept with its values before
 * and after; a flush writes them as `change_row` rows of the newest
 * change, the images as JSON objects keyed by column name.  Being a hook
 * on the connection, no write path can forget it, as triggers could not;
 * unlike triggers, it costs nothing to read at each start.
 *
 * For the store (tx_begin/tx_end) and bench/gen, which writes with
 * SQLite directly. */
#ifndef KICKOFF_CHANGELOG_H
#define KICKOFF_CHANGELOG_H

#include <sqlite3.h>
#include <stdbool.h>

struct changelog;

/* Installs the hook on db; NULL when out of memory. */
struct changelog *changelog_attach(sqlite3 *db);
/* Removes the hook and frees what it holds. */
void changelog_detach(struct changelog *cl);

/* Starts recording: the change's own row has just been written. */
void changelog_begin(struct changelog *cl);
/* Writes what was recorded as change_row rows of the newest change and
 * stops recording.  Returns an SQLite result code. */
int changelog_flush(struct changelog *cl);
/* Forgets what was recorded (the transaction is rolled back) and stops
 * recording. */
void changelog_discard(struct changelog *cl);

/* Rows recorded since changelog_begin, and whether one of them is row
 * row_id of table: undo asks both while it plays a change backwards (a
 * row a cascade already removed is not "gone since"). */
int changelog_pending(const struct changelog *cl);
bool changelog_touched(const struct changelog *cl, const char *table, sqlite3_int64 row_id);

#endif
