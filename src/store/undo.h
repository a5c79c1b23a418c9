/* undo.h - what undo.c and undo_check.c share: why a change could not be
 * played backwards, and the one-line accounts of what an undo would take
 * from others.  Not for other layers. */
#ifndef KICKOFF_STORE_UNDO_H
#define KICKOFF_STORE_UNDO_H

#include <stdint.h>
#include "sqlite/internal.h"

enum revert_stop {
	REVERT_DONE,     /* every row went back */
	REVERT_GONE,     /* a row it changed is gone, or none of its rows is left */
	REVERT_IN_WAY,   /* a row made since holds its place (same name, same number) */
	REVERT_ORPHAN,   /* what its rows belong to is gone */
};

struct revert_result {
	enum revert_stop stop;
	int table;                  /* the row that stopped it: undo_table_name() */
	int64_t row_id;
	char *image;                /* the image it would have restored, malloc'd */
};

/* Name of logged table t (its index in the change log's list). */
const char *undo_table_name(int t);

/* Called with the revert of `target` played and its rows flushed as the
 * newest change's: *text (malloc'd) names who would lose what ("bob added
 * rows under it: meeting Apollo/ko, 1 decision"), or is NULL when the
 * revert takes nothing from anyone.  For a redo, the user's own later
 * changes of the same rows count too. */
enum ko_err undo_losses(struct store *st, int64_t target, bool redo, char **text);

/* Why the change cannot be undone any more, naming who when known
 * ("bob's project Apollo is in the way"); *text malloc'd. */
enum ko_err undo_why_not(struct store *st, const struct revert_result *r, char **text);

#endif
