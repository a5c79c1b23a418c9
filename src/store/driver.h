/* driver.h - what a backend gives the store's shared code.
 *
 * The entity files (attendee.c, decision.c, ...) and the shared rules
 * speak to the database only through this: a statement named by its id
 * (each backend holds its own text for every id, in its own dialect),
 * values bound by number, a step, columns read by number, a write as
 * one transaction, the id a write made.  SQLite's implementation is
 * src/store/sqlite/driver.c; a second backend fills the same table and
 * the same statement ids, and the entity files stay as they are.
 *
 * Not for other layers. */
#ifndef KICKOFF_STORE_DRIVER_H
#define KICKOFF_STORE_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kickoff/error.h"
#include "kickoff/store.h"

/* Every statement the shared code runs.  A statement that reads rows
 * returns the columns its entity's read function expects, in that order
 * (the column list beside the reader names them). */
enum store_sql {
	SQL_ATTENDEE_ADD,          /* ?1 meeting, ?2 name, ?3 role, ?4 organisation, ?5 email, ?6 status */
	SQL_ATTENDEE_LIST,         /* ?1 meeting: attendee columns, by id */
	SQL_ATTENDEE_GET,          /* ?1 id: attendee columns */
	SQL_ATTENDEE_PRESENT,      /* ?1 status, ?2 id */
	SQL_ATTENDEE_UPDATE,       /* ?1 name .. ?4 email, ?5 status, ?6 id, ?7 version */
	SQL_ATTENDEE_FILL_HOST,    /* ?1 meeting, ?2 name, ?3 role .. ?6 status, ?7 ?8 the host's
	                              roles: fills in the host's row, RETURNING its id */
	SQL_DECISION_ADD,          /* ?1 meeting, ?2 item, ?3 text, ?4 by, ?5 at, ?6 state */
	SQL_DECISION_LIST,         /* ?1 meeting: decision columns, by id */
	SQL_DECISION_GET,          /* ?1 id: decision columns */
	SQL_DECISION_UPDATE,       /* ?1 text, ?2 by, ?3 item, ?4 id, ?5 version, ?6 state,
	                              ?7 now */
	SQL_MEETING_GET,           /* ?1 id: meeting columns */
	SQL_MEETING_OF_KIND,       /* ?1 project, ?2 kind: meeting columns */
	SQL_MEETINGS_OF,           /* ?1 project: meeting columns, KO first */
	SQL_MEETING_UPDATE,        /* ?1 title .. ?6 status, ?7 id, ?8 version */
	SQL_MEETING_PROGRESS,      /* ?1 meeting, ?2 today: the counts of struct progress */
	SQL_KO_STATUS,             /* ?1 project: its KO's status */
	SQL_ITEM_LIST,             /* ?1 meeting: item columns, by position */
	SQL_ITEM_GET,              /* ?1 id: item columns */
	SQL_RISK_LIST,             /* ?1 meeting: risk columns, by id */
	SQL_RISK_GET,              /* ?1 id: risk columns */
	SQL_OUTPUT_LIST,           /* ?1 meeting: output columns, by position */
	SQL_OUTPUT_GET,            /* ?1 id: output columns */
	SQL_ITEM_CHECK,            /* ?1 checked, ?2 now, ?3 who, ?4 meeting, ?5 position */
	SQL_ITEM_SET_CHECKED,      /* ?1 checked, ?2 now, ?3 who, ?4 id */
	SQL_ITEM_UPDATE,           /* ?1 title, ?2 note, ?3 id, ?4 version */
	SQL_RISK_UPDATE,           /* ?1 text .. ?6 status, ?7 item, ?8 id, ?9 version */
	SQL_OUTPUT_SET,            /* ?1 status or NULL, ?2 owner or NULL, ?3 meeting,
	                              ?4 position, ?5 due (NULL keeps, '' clears) */
	SQL_OUTPUT_UPDATE,         /* ?1 name, ?2 owner, ?3 status, ?4 link, ?5 id,
	                              ?6 version, ?7 due or NULL */
	SQL_MODIFIED_AT,           /* ?1 table, ?2 row id: when the change log last touched it */
	SQL_ACTION_LIST,           /* ?1 meeting: action columns, by id */
	SQL_ACTION_GET,            /* ?1 id: action columns */
	SQL_ACTION_SET_STATUS,     /* ?1 status, ?2 now, ?3 id */
	SQL_ACTION_UPDATE,         /* ?1 text .. ?4 status, ?5 now, ?6 decision, ?7 id, ?8 version */
	SQL_DECISION_IN_MEETING,   /* ?1 id, ?2 meeting: a row when it is the meeting's */
	/* Actions across meetings (store_action_query), one statement per
	 * combination of filters so that each has the plan its filters
	 * allow: SQL_ACTION_QUERY + status * 4 + owner * 2 + meeting, where
	 * status is 0 any, 1 open, 2 overdue (?2 today), owner 1 with ?3,
	 * meeting 1 with ?4; ?5 limit (-1: all), ?6 offset.  Action columns,
	 * by due date (none last), then id. */
	SQL_ACTION_QUERY,
	SQL_ACTION_QUERY_LAST = SQL_ACTION_QUERY + 11,
	SQL_ITEM_AT,               /* ?1 meeting, ?2 position: id */
	SQL_ITEM_IN_MEETING,       /* ?1 id, ?2 meeting: a row when it is the meeting's */
	/* Deletes of one row by id (?1); their cascades are the schema's. */
	SQL_DELETE_PROJECT, SQL_DELETE_MEETING, SQL_DELETE_ATTENDEE,
	SQL_DELETE_DECISION, SQL_DELETE_RISK, SQL_DELETE_ACTION, SQL_DELETE_QUESTION,
	/* Numbered lists: the delete returns (meeting, position); LIFT (?1
	 * meeting, ?2 position) moves the rows after it out of the way and
	 * LOWER (?1 meeting) brings them back one lower, so that a unique
	 * (meeting, position) never sees two rows at once. */
	SQL_DELETE_ITEM, SQL_LIFT_ITEMS, SQL_LOWER_ITEMS,
	SQL_DELETE_OUTPUT, SQL_LIFT_OUTPUTS, SQL_LOWER_OUTPUTS,
	SQL_RISK_CARRY,            /* ?1 KO risk, ?2 TKO meeting: the copy inserted */
	SQL_RISK_CARRIED_AS,       /* ?1 KO risk: the id of the risk carried from it */
	SQL_COUNT
};

enum store_step { STEP_ROW, STEP_DONE, STEP_ERROR };

/* A backend's prepared statement begins with this. */
struct store_stmt {
	const struct store_driver *drv;
};

struct store_driver {
	const char *name;
	/* The statement id, reset and with no value bound; NULL with the
	 * store's error filled. */
	struct store_stmt *(*prepare)(struct store *st, enum store_sql id);
	void (*bind_int)(struct store_stmt *s, int i, int64_t v);
	/* n bytes of text (n < 0: up to its NUL); NULL binds NULL. */
	void (*bind_text)(struct store_stmt *s, int i, const char *text, int n);
	/* The next row (STEP_ROW), the end (STEP_DONE, and the statement is
	 * reset), or an error in the store's error (reset too).  `what`
	 * names the action in the message. */
	enum store_step (*step)(struct store *st, struct store_stmt *s, const char *what);
	/* Ends a statement stepped before its end. */
	void (*reset)(struct store_stmt *s);
	int64_t (*column_int)(struct store_stmt *s, int i);
	/* A new UTF-8 string ("" for NULL; an invalid byte as U+FFFD). */
	char *(*column_text)(struct store_stmt *s, int i);
	/* Rows the last statement changed, and the id the last insert made. */
	int64_t (*changes)(struct store *st);
	int64_t (*last_id)(struct store *st);
	/* A write: opens it with its change-log entry (who, when, the meeting,
	 * 0: none, and the summary); end commits when rc is KO_OK, else rolls
	 * back, and returns rc or the commit's error. */
	enum ko_err (*begin)(struct store *st, int64_t meeting_id, const char *summary);
	enum ko_err (*end)(struct store *st, enum ko_err rc);
	/* A read that must see one state of the database (the minutes of a
	 * meeting while another session writes). */
	enum ko_err (*read_begin)(struct store *st);
	void (*read_end)(struct store *st);
};

/* The open store's backend. */
const struct store_driver *store_driver(const struct store *st);

static inline struct store_stmt *sql_prepare(struct store *st, enum store_sql id)
{
	return store_driver(st)->prepare(st, id);
}
static inline void sql_int(struct store_stmt *s, int i, int64_t v)
{
	s->drv->bind_int(s, i, v);
}
/* Binds text, or NULL when text is NULL. */
static inline void sql_text(struct store_stmt *s, int i, const char *text)
{
	s->drv->bind_text(s, i, text, -1);
}
/* Binds v, or NULL when v is 0 (no link). */
static inline void sql_link(struct store_stmt *s, int i, int64_t v)
{
	if (v)
		s->drv->bind_int(s, i, v);
	else
		s->drv->bind_text(s, i, NULL, 0);
}
/* Binds what a person typed: the text without the blank at its ends, or
 * NULL when text is NULL.  check_text refuses a required field that this
 * would leave empty. */
void sql_typed(struct store_stmt *s, int i, const char *text);
static inline int64_t col_int(struct store_stmt *s, int i)
{
	return s->drv->column_int(s, i);
}
static inline char *col_str(struct store_stmt *s, int i)
{
	return s->drv->column_text(s, i);
}

typedef void (*store_read_fn)(struct store_stmt *s, void *out);

/* Runs the bound statement s as one whole write naming meeting_id and
 * summary.  When it changes no row, fails with none_code and none_msg
 * (unless none_code is KO_OK): KO_NOTFOUND for a missing row,
 * KO_CONFLICT for a version that moved on. */
enum ko_err sql_write(struct store *st, int64_t meeting_id, const char *summary,
                      struct store_stmt *s, enum ko_err none_code, const char *none_msg);
/* sql_write of an insert of a row of meeting_id: *id_out (may be NULL)
 * gets the new row's id; a meeting that is not there is KO_NOTFOUND,
 * named. */
enum ko_err sql_insert(struct store *st, int64_t meeting_id, const char *summary,
                       struct store_stmt *s, int64_t *id_out);
/* Fills vec (any VEC_OF, emptied first; elem_size its element's size)
 * with the rows of statement id bound to key, each read by read_row. */
enum ko_err sql_list(struct store *st, enum store_sql id, int64_t key, void *vec,
                     size_t elem_size, store_read_fn read_row,
                     void (*free_vec)(void *), const char *what);
/* Fills vec (emptied first) with the rows of the bound statement s. */
enum ko_err sql_rows(struct store *st, struct store_stmt *s, void *vec, size_t elem_size,
                     store_read_fn read_row, void (*free_vec)(void *), const char *what);
/* Reads the row of statement id bound to key into out; KO_NOTFOUND with
 * none_msg when there is none. */
enum ko_err sql_get(struct store *st, enum store_sql id, int64_t key, void *out,
                    store_read_fn read_row, const char *none_msg);
/* Runs statement id bound to a and b: *found tells whether it gave a row. */
enum ko_err sql_exists(struct store *st, enum store_sql id, int64_t a, int64_t b,
                       bool *found);

#endif
