/* content.c - what moved since a screen last read: the content mark and
 * the rows the change log names, so that another session's presence
 * beat costs a screen one read and a tick costs it the rows ticked. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "kickoff/clock.h"
#include "kickoff/i18n.h"

enum ko_err store_content_mark(struct store *st, struct store_mark *out)
{
	/* Two lookups at the end of a rowid b-tree: the same cost at ten
	 * rows as at a million. */
	static const char sql[] =
		"SELECT (SELECT max(id) FROM change), (SELECT max(id) FROM change_row)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->change = sqlite3_column_int64(s, 0);
		out->row = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? KO_OK : sql_fail(st, rc, N_("read changes"));
}

/* What one image of a row (before or after a change) counts for in its
 * meeting's progress, added with sign +1 or taken with -1. */
static void count_image(struct progress *p, const char *table, sqlite3_stmt *s, int at,
                        const char *today, int sign)
{
	const char *status = (const char *)sqlite3_column_text(s, at + 2);
	const char *due = (const char *)sqlite3_column_text(s, at + 3);
	bool done = status && strcmp(status, "done") == 0;
	bool open = status && strcmp(status, "open") == 0;
	if (strcmp(table, "attendee") == 0) {
		p->attendees += sign;
		p->present += status && strcmp(status, "present") == 0 ? sign : 0;
	} else if (strcmp(table, "item") == 0) {
		p->items += sign;
		p->checked += sqlite3_column_type(s, at + 4) != SQLITE_NULL ? sign : 0;
	} else if (strcmp(table, "decision") == 0) {
		p->decisions += sign;
	} else if (strcmp(table, "risk") == 0) {
		p->risks += sign;
		p->risks_open += open ? sign : 0;
	} else if (strcmp(table, "output") == 0) {
		p->outputs += sign;
		p->outputs_done += done ? sign : 0;
	} else if (strcmp(table, "action") == 0) {
		p->actions += sign;
		p->actions_done += done ? sign : 0;
		p->actions_overdue += open && due && strcmp(due, today) < 0 ? sign : 0;
	}
}

enum ko_err store_changed_rows(struct store *st, int64_t since, int64_t upto,
                               struct store_changed *out, int max, int *n,
                               int64_t meeting_id, struct progress *progress)
{
	/* The rowid range only: change_row's own b-tree, read from `since`
	 * on, max + 1 rows at most.  Per image: its meeting, then the fields
	 * the progress counts: a free slot (NULL), status (an attendee is
	 * present, a risk open, an action done), due, checked_at. */
#define IMAGE(x) "json_extract(" x ", '$.meeting_id'), NULL," \
	" json_extract(" x ", '$.status'), json_extract(" x ", '$.due')," \
	" json_extract(" x ", '$.checked_at')"
	static const char sql[] =
		"SELECT tbl, row_id, before IS NOT NULL, " IMAGE("before") ","
		" after IS NOT NULL, " IMAGE("after")
		" FROM change_row WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT ?3";
#undef IMAGE
	*n = 0;
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	char today[11];
	clock_today(today);
	sqlite3_bind_int64(s, 1, since);
	sqlite3_bind_int64(s, 2, upto);
	sqlite3_bind_int(s, 3, max + 1);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == max) {
			(*n)++;
			continue;
		}
		const char *t = (const char *)sqlite3_column_text(s, 0);
		t = t ? t : "";
		int64_t id = sqlite3_column_int64(s, 1);
		/* Each step of the log in turn: the sum is what changed. */
		if (progress && sqlite3_column_int(s, 2) && sqlite3_column_int64(s, 3) == meeting_id)
			count_image(progress, t, s, 3, today, -1);
		if (progress && sqlite3_column_int(s, 8) && sqlite3_column_int64(s, 9) == meeting_id)
			count_image(progress, t, s, 9, today, +1);
		bool seen = false;
		for (int i = 0; i < *n && !seen; i++)
			seen = out[i].row_id == id && strcmp(out[i].table, t) == 0;
		if (seen)
			continue;
		snprintf(out[*n].table, sizeof out[*n].table, "%s", t);
		out[*n].row_id = id;
		(*n)++;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("read changes"));
}
