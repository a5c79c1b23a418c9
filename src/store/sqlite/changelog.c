/* changelog.c - the change log's rows, from SQLite's pre-update hook.
 *
 * The hook sees every row an insert, update or delete touches, foreign-
 * key cascades included, with its values before and after; it may not
 * use the connection itself, so it only keeps copies of the values.  The
 * flush, at the end of the change's transaction, turns them into
 * change_row rows with JSON images keyed by column name (the names read
 * once per table from pragma_table_info, the JSON made by SQLite's
 * json_object as the triggers did), in the order the rows were touched,
 * which undo plays backwards.
 *
 * This replaced one trigger per logged table and operation: SQLite parses
 * every trigger of the schema each time a process opens the database, and
 * those 24 were half of what a one-shot command such as `action add` cost
 * (docs/performance.md). */
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "changelog.h"

/* The tables whose rows the log keeps, as in the change_row.tbl column. */
static const char *const logged[] = {
	"project", "meeting", "attendee", "item", "decision", "risk", "output", "action",
	"raci", "question",
};
#define NLOGGED ((int)(sizeof logged / sizeof logged[0]))

struct entry {
	int table;                  /* index in logged[] */
	int op;                     /* SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE */
	int64_t row_id;
	int ncol;
	sqlite3_value **old, **new; /* ncol copies each, or NULL */
};

struct changelog {
	sqlite3 *db;
	bool recording;
	int err;                    /* an allocation failed while recording */
	struct entry *e;
	int n, cap;
	char **names[NLOGGED];      /* column names per table, once read */
	int ncols[NLOGGED];
	sqlite3_stmt *image[NLOGGED];  /* SELECT json_object(name, ?, ...) */
	sqlite3_stmt *insert, *columns;
};

static int table_index(const char *name)
{
	for (int i = 0; i < NLOGGED; i++)
		if (strcmp(name, logged[i]) == 0)
			return i;
	return -1;
}

static void free_values(sqlite3_value **v, int n)
{
	if (!v)
		return;
	for (int i = 0; i < n; i++)
		sqlite3_value_free(v[i]);
	free(v);
}

/* Copies of the n values of the row before (old) or after the change. */
static sqlite3_value **copy_values(sqlite3 *db, int n, bool old)
{
	sqlite3_value **v = calloc((size_t)n, sizeof *v);
	if (!v)
		return NULL;
	for (int i = 0; i < n; i++) {
		sqlite3_value *x = NULL;
		int rc = old ? sqlite3_preupdate_old(db, i, &x) : sqlite3_preupdate_new(db, i, &x);
		if (rc != SQLITE_OK || !x || !(v[i] = sqlite3_value_dup(x))) {
			free_values(v, n);
			return NULL;
		}
	}
	return v;
}

static void hook(void *ctx, sqlite3 *db, int op, const char *schema, const char *table,
                 sqlite3_int64 key1, sqlite3_int64 key2)
{
	struct changelog *cl = ctx;
	if (!cl->recording || cl->err || strcmp(schema, "main") != 0)
		return;
	int t = table_index(table);
	if (t < 0)
		return;
	if (cl->n == cl->cap) {
		int cap = cl->cap ? cl->cap * 2 : 16;
		struct entry *e = realloc(cl->e, (size_t)cap * sizeof *e);
		if (!e) {
			cl->err = SQLITE_NOMEM;
			return;
		}
		cl->e = e;
		cl->cap = cap;
	}
	struct entry *e = &cl->e[cl->n];
	*e = (struct entry){ .table = t, .op = op, .ncol = sqlite3_preupdate_count(db),
	                     .row_id = op == SQLITE_DELETE ? key1 : key2 };
	if (op != SQLITE_INSERT && !(e->old = copy_values(db, e->ncol, true)))
		cl->err = SQLITE_NOMEM;
	if (op != SQLITE_DELETE && !(e->new = copy_values(db, e->ncol, false)))
		cl->err = SQLITE_NOMEM;
	if (cl->err) {
		free_values(e->old, e->ncol);
		free_values(e->new, e->ncol);
		return;
	}
	cl->n++;
}

struct changelog *changelog_attach(sqlite3 *db)
{
	struct changelog *cl = calloc(1, sizeof *cl);
	if (!cl)
		return NULL;
	cl->db = db;
	sqlite3_preupdate_hook(db, hook, cl);
	return cl;
}

static void clear(struct changelog *cl)
{
	for (int i = 0; i < cl->n; i++) {
		free_values(cl->e[i].old, cl->e[i].ncol);
		free_values(cl->e[i].new, cl->e[i].ncol);
	}
	cl->n = 0;
	cl->err = 0;
	cl->recording = false;
}

void changelog_detach(struct changelog *cl)
{
	if (!cl)
		return;
	sqlite3_preupdate_hook(cl->db, NULL, NULL);
	clear(cl);
	free(cl->e);
	for (int t = 0; t < NLOGGED; t++) {
		for (int i = 0; cl->names[t] && i < cl->ncols[t]; i++)
			free(cl->names[t][i]);
		free(cl->names[t]);
	}
	for (int t = 0; t < NLOGGED; t++)
		sqlite3_finalize(cl->image[t]);
	sqlite3_finalize(cl->insert);
	sqlite3_finalize(cl->columns);
	free(cl);
}

void changelog_begin(struct changelog *cl)
{
	clear(cl);
	cl->recording = true;
}

void changelog_discard(struct changelog *cl)
{
	clear(cl);
}

int changelog_pending(const struct changelog *cl)
{
	return cl->n;
}

bool changelog_touched(const struct changelog *cl, const char *table, sqlite3_int64 row_id)
{
	int t = table_index(table);
	for (int i = 0; t >= 0 && i < cl->n; i++)
		if (cl->e[i].table == t && cl->e[i].row_id == row_id)
			return true;
	return false;
}

/* The column names of logged table t, in the order of its values. */
static int load_names(struct changelog *cl, int t)
{
	if (cl->names[t])
		return SQLITE_OK;
	int rc = SQLITE_OK;
	if (!cl->columns)
		rc = sqlite3_prepare_v2(cl->db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
		                        -1, &cl->columns, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_text(cl->columns, 1, logged[t], -1, SQLITE_STATIC);
	char **names = NULL;
	int n = 0;
	while ((rc = sqlite3_step(cl->columns)) == SQLITE_ROW) {
		char **more = realloc(names, (size_t)(n + 1) * sizeof *names);
		const char *name = (const char *)sqlite3_column_text(cl->columns, 0);
		if (!more || !name || !(more[n] = strdup(name))) {
			names = more ? more : names;
			rc = SQLITE_NOMEM;
			break;
		}
		names = more;
		n++;
	}
	sqlite3_reset(cl->columns);
	if (rc != SQLITE_DONE) {
		for (int i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return rc == SQLITE_ROW ? SQLITE_ERROR : rc;
	}
	cl->names[t] = names;
	cl->ncols[t] = n;
	return SQLITE_OK;
}

/* The statement that makes table t's row image: SQLite's own
 * json_object, as the triggers used, so the images are byte for byte
 * what they were (text that is not UTF-8 included, which undo puts
 * back as it was). */
static int load_image(struct changelog *cl, int t)
{
	if (cl->image[t])
		return SQLITE_OK;
	int n = cl->ncols[t];
	size_t cap = 32 + (size_t)n * 8;
	char *sql = malloc(cap);
	if (!sql)
		return SQLITE_NOMEM;
	size_t len = (size_t)snprintf(sql, cap, "SELECT json_object(");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(sql + len, cap - len, "%s?,?", i ? "," : "");
	snprintf(sql + len, cap - len, ")");
	int rc = sqlite3_prepare_v2(cl->db, sql, -1, &cl->image[t], NULL);
	free(sql);
	return rc;
}

/* The row image as JSON text (free()); NULL with *rc set on failure. */
static char *image(struct changelog *cl, const struct entry *e, sqlite3_value **v, int *rc)
{
	int t = e->table;
	sqlite3_stmt *s = cl->image[t];
	/* A column another process added since this one read the names is
	 * left out of the image (a schema change comes with a new version,
	 * which this process refuses when it next opens). */
	int n = e->ncol < cl->ncols[t] ? e->ncol : cl->ncols[t];
	for (int i = 0; i < n; i++) {
		sqlite3_bind_text(s, 2 * i + 1, cl->names[t][i], -1, SQLITE_STATIC);
		if (sqlite3_value_type(v[i]) == SQLITE_BLOB)
			/* Only another program puts a blob in these text columns;
			 * JSON holds no blob, so its bytes go in as text. */
			sqlite3_bind_text(s, 2 * i + 2, sqlite3_value_blob(v[i]), sqlite3_value_bytes(v[i]),
			                  SQLITE_TRANSIENT);
		else
			sqlite3_bind_value(s, 2 * i + 2, v[i]);
	}
	char *text = NULL;
	*rc = sqlite3_step(s);
	if (*rc == SQLITE_ROW) {
		const char *j = (const char *)sqlite3_column_text(s, 0);
		text = j ? strdup(j) : NULL;
		*rc = text ? SQLITE_OK : SQLITE_NOMEM;
	} else {
		*rc = sqlite3_extended_errcode(cl->db);
		if (*rc == SQLITE_OK)
			*rc = SQLITE_ERROR;
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return text;
}

int changelog_flush(struct changelog *cl)
{
	static const char *const op_name[] = {
		[SQLITE_INSERT] = "insert", [SQLITE_UPDATE] = "update", [SQLITE_DELETE] = "delete",
	};
	int rc = cl->err;
	cl->recording = false;      /* change_row's own inserts are not logged */
	/* The caller may still ask for the id of the row it inserted, as it
	 * could when triggers wrote the log: keep it. */
	sqlite3_int64 last_id = sqlite3_last_insert_rowid(cl->db);
	if (!rc && cl->n && !cl->insert)
		rc = sqlite3_prepare_v2(cl->db,
		                        "INSERT INTO change_row(change_id, tbl, row_id, op, before, after)"
		                        " VALUES ((SELECT max(id) FROM change), ?1, ?2, ?3, ?4, ?5)",
		                        -1, &cl->insert, NULL);
	for (int i = 0; !rc && i < cl->n; i++) {
		const struct entry *e = &cl->e[i];
		rc = load_names(cl, e->table);
		if (!rc)
			rc = load_image(cl, e->table);
		if (rc)
			break;
		char *before = e->old ? image(cl, e, e->old, &rc) : NULL;
		char *after = !rc && e->new ? image(cl, e, e->new, &rc) : NULL;
		if (!rc) {
			sqlite3_bind_text(cl->insert, 1, logged[e->table], -1, SQLITE_STATIC);
			sqlite3_bind_int64(cl->insert, 2, e->row_id);
			sqlite3_bind_text(cl->insert, 3, op_name[e->op], -1, SQLITE_STATIC);
			sqlite3_bind_text(cl->insert, 4, before, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(cl->insert, 5, after, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(cl->insert);
			rc = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(cl->db);
			sqlite3_reset(cl->insert);
			sqlite3_clear_bindings(cl->insert);
		}
		free(before);
		free(after);
	}
	clear(cl);
	sqlite3_set_last_insert_rowid(cl->db, last_id);
	return rc;
}
