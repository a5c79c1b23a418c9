/* undo.c - the change log read back: history, undo and redo.
 *
 * The change-log hook (changelog.c) records every row a change touches,
 * before and after, as JSON.  Undo plays a change's rows backwards as a new change
 * of kind 'undo'; redo plays an undo backwards as a change of kind
 * 'redo'.  Both are ordinary changes, so they are logged, shown in
 * history and survive a restart.
 *
 * The SQL that puts a row back is made from the table's own columns
 * (PRAGMA table_info), so it follows schema.sql without a second list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"

static const char *const logged_tables[] = {
	"project", "meeting", "attendee", "item", "decision", "risk", "output", "action",
};
#define NLOGGED ((int)(sizeof logged_tables / sizeof logged_tables[0]))

/* Per table: INSERT of a whole row image (?1) and UPDATE back to one
 * (?1, row id ?2).  Built once per store from the table's columns. */
struct restore_sql {
	char *insert, *update, *del;
};

static struct restore_sql restore[NLOGGED];
static bool restore_built;

static int table_index(const char *name)
{
	for (int i = 0; i < NLOGGED; i++)
		if (strcmp(logged_tables[i], name) == 0)
			return i;
	return -1;
}

/* Appends to a growing string; returns false when out of memory. */
static bool append(char **buf, size_t *len, const char *s)
{
	size_t n = strlen(s);
	char *nb = realloc(*buf, *len + n + 1);
	if (!nb)
		return false;
	memcpy(nb + *len, s, n + 1);
	*buf = nb;
	*len += n;
	return true;
}

static enum ko_err build_restore(struct store *st)
{
	if (restore_built)
		return KO_OK;
	for (int t = 0; t < NLOGGED; t++) {
		static const char sql[] = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";
		sqlite3_stmt *s = stmt(st, sql);
		if (!s)
			return st->err.code;
		bind_text(s, 1, logged_tables[t]);
		char *cols = NULL, *vals = NULL, *sets = NULL;
		size_t cl = 0, vl = 0, sl = 0;
		bool okay = append(&cols, &cl, "") && append(&vals, &vl, "") && append(&sets, &sl, "");
		int first = 1;
		while (okay && sqlite3_step(s) == SQLITE_ROW) {
			const char *c = (const char *)sqlite3_column_text(s, 0);
			char val[128];
			if (strcmp(c, "version") == 0)
				snprintf(val, sizeof val, "json_extract(?1, '$.version') + 1");
			else
				snprintf(val, sizeof val, "json_extract(?1, '$.%s')", c);
			okay = (first || (append(&cols, &cl, ", ") && append(&vals, &vl, ", "))) &&
			       append(&cols, &cl, c) && append(&vals, &vl, val);
			if (okay && strcmp(c, "id") != 0) {
				char set[192];
				if (strcmp(c, "version") == 0)
					snprintf(set, sizeof set, "version = version + 1");
				else
					snprintf(set, sizeof set, "%s = %s", c, val);
				okay = (sl == 0 || append(&sets, &sl, ", ")) && append(&sets, &sl, set);
			}
			first = 0;
		}
		sqlite3_reset(s);
		char *ins = NULL, *upd = NULL, *del = NULL;
		if (okay) {
			okay = asprintf(&ins, "INSERT INTO %s(%s) VALUES (%s)", logged_tables[t], cols, vals) > 0 &&
			       asprintf(&upd, "UPDATE %s SET %s WHERE id = ?2", logged_tables[t], sets) > 0 &&
			       asprintf(&del, "DELETE FROM %s WHERE id = ?2", logged_tables[t]) > 0;
		}
		free(cols);
		free(vals);
		free(sets);
		if (!okay) {
			free(ins);
			free(upd);
			free(del);
			return store_fail(st, KO_NOMEM, _("out of memory"));
		}
		restore[t] = (struct restore_sql){ ins, upd, del };
	}
	restore_built = true;
	return KO_OK;
}

/* Runs generated SQL (made from the fixed table list and the schema's
 * column names, never from input); not cached, as undo is rare. */
static enum ko_err run_restore(struct store *st, const char *sql, const char *image, int64_t row_id)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("undo"));
	if (image)
		sqlite3_bind_text(s, 1, image, -1, SQLITE_TRANSIENT);
	if (strstr(sql, "?2"))
		sqlite3_bind_int64(s, 2, row_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return KO_OK;
	enum ko_err e = sql_fail(st, sqlite3_extended_errcode(st->db), N_("undo"));
	if (e == KO_EXISTS)
		return store_fail(st, KO_CONFLICT, _("undo: the row to restore exists again"));
	return e;
}

/* Plays change `id` backwards inside the current transaction. */
static enum ko_err revert(struct store *st, int64_t id)
{
	enum ko_err rc = build_restore(st);
	if (rc != KO_OK)
		return rc;
	/* Rows come back in any order within the transaction; foreign keys
	 * are checked at its end. */
	if (sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("undo"));
	static const char sql[] =
		"SELECT tbl, row_id, op, before FROM change_row WHERE change_id = ?1 ORDER BY id DESC";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	/* Collect first: the restores write change_row rows of their own. */
	struct row { int t; int64_t row_id; char op; char *before; } *rows = NULL;
	size_t n = 0, cap = 0;
	int r;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		int t = table_index((const char *)sqlite3_column_text(s, 0));
		if (t < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			void *nr = realloc(rows, cap * sizeof *rows);
			if (!nr) {
				r = SQLITE_NOMEM;
				break;
			}
			rows = nr;
		}
		rows[n].t = t;
		rows[n].row_id = sqlite3_column_int64(s, 1);
		rows[n].op = ((const char *)sqlite3_column_text(s, 2))[0];
		rows[n].before = col_text(s, 3);
		n++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		rc = sql_fail(st, r, N_("undo"));
	for (size_t i = 0; i < n && rc == KO_OK; i++) {
		const struct restore_sql *q = &restore[rows[i].t];
		switch (rows[i].op) {
		case 'i': rc = run_restore(st, q->del, NULL, rows[i].row_id); break;
		case 'u': rc = run_restore(st, q->update, rows[i].before, rows[i].row_id); break;
		case 'd': rc = run_restore(st, q->insert, rows[i].before, rows[i].row_id); break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(rows[i].before);
	free(rows);
	return rc;
}

/* Who other than us changed, after change `id`, a row that `id` touched. */
static enum ko_err later_others(struct store *st, int64_t id, char **out)
{
	static const char sql[] =
		"SELECT group_concat(DISTINCT c.who) FROM change_row mine"
		" JOIN change_row later ON later.tbl = mine.tbl AND later.row_id = mine.row_id"
		"  AND later.change_id > mine.change_id"
		" JOIN change c ON c.id = later.change_id"
		" WHERE mine.change_id = ?1 AND c.who <> ?2";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, st->who);
	int rc = sqlite3_step(s);
	*out = rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL ? col_text(s, 0) : NULL;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? KO_OK : sql_fail(st, rc, N_("undo"));
}

/* Finds the change to undo (kind 'do' or 'redo', not undone) or to redo
 * (the newest live 'undo' with no new 'do' of ours after it).  The
 * newest change is the one this undo is recording, never a target. */
static enum ko_err find_target(struct store *st, bool redo, int64_t *id, int64_t *meeting,
                               char **summary)
{
	static const char undo_sql[] =
		"SELECT id, meeting_id, summary FROM change"
		" WHERE who = ?1 AND kind IN ('do', 'redo') AND undone = 0"
		" AND id < (SELECT max(id) FROM change) ORDER BY id DESC LIMIT 1";
	static const char redo_sql[] =
		"SELECT u.id, u.meeting_id, u.summary FROM change u"
		" WHERE u.who = ?1 AND u.kind = 'undo' AND u.undone = 0"
		" AND NOT EXISTS (SELECT 1 FROM change d WHERE d.who = ?1 AND d.kind = 'do'"
		"  AND d.id > u.id AND d.id < (SELECT max(id) FROM change))"
		" ORDER BY u.id DESC LIMIT 1";
	sqlite3_stmt *s = stmt(st, redo ? redo_sql : undo_sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, st->who);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*meeting = sqlite3_column_int64(s, 1);
		*summary = col_text(s, 2);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return KO_OK;
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, redo ? _("nothing to redo") : _("nothing of yours to undo"));
	return sql_fail(st, rc, redo ? N_("redo") : N_("undo"));
}

static enum ko_err mark(struct store *st, int64_t target, const char *kind)
{
	static const char new_sql[] =
		"UPDATE change SET kind = ?1, undo_of = ?2 WHERE id = (SELECT max(id) FROM change)";
	static const char old_sql[] = "UPDATE change SET undone = 1 WHERE id = ?1";
	sqlite3_stmt *s = stmt(st, new_sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, kind);
	sqlite3_bind_int64(s, 2, target);
	enum ko_err rc = step_done(st, s, kind);
	if (rc != KO_OK)
		return rc;
	if (!(s = stmt(st, old_sql)))
		return st->err.code;
	sqlite3_bind_int64(s, 1, target);
	return step_done(st, s, kind);
}

static enum ko_err undo_or_redo(struct store *st, bool redo, bool force, char **summary,
                                char **other)
{
	if (summary)
		*summary = NULL;
	if (other)
		*other = NULL;
	int64_t id = 0, meeting = 0;
	char *what = NULL;
	/* The target is chosen inside the write transaction so two sessions
	 * of one user cannot undo the same change twice. */
	char label[16];
	snprintf(label, sizeof label, "%s", redo ? N_("redo") : N_("undo"));
	enum ko_err rc = tx_begin(st, 0, label);
	if (rc != KO_OK)
		return rc;
	rc = find_target(st, redo, &id, &meeting, &what);
	/* "undo: redo: undo: add decision" says no more than "add decision". */
	while (rc == KO_OK && what &&
	       (strncmp(what, "undo: ", 6) == 0 || strncmp(what, "redo: ", 6) == 0))
		memmove(what, what + 6, strlen(what + 6) + 1);
	char *others = NULL;
	if (rc == KO_OK && !force)
		rc = later_others(st, id, &others);
	if (rc == KO_OK && others) {
		rc = store_fail(st, KO_CONFLICT, _("%s has changed these rows since; undo anyway?"), others);
		if (other) {
			*other = others;
			others = NULL;
		}
	}
	free(others);
	if (rc == KO_OK)
		rc = revert(st, id);
	if (rc == KO_OK)
		rc = mark(st, id, redo ? N_("redo") : N_("undo"));
	if (rc == KO_OK && what) {
		/* Name the change after what it reverses, for history. */
		static const char sql[] =
			"UPDATE change SET summary = ?1, meeting_id = ?2 WHERE id = (SELECT max(id) FROM change)";
		sqlite3_stmt *s = stmt(st, sql);
		char text[300];
		snprintf(text, sizeof text, "%s: %s", label, what);
		if (!s) {
			rc = st->err.code;
		} else {
			bind_text(s, 1, text);
			if (meeting)
				sqlite3_bind_int64(s, 2, meeting);
			rc = step_done(st, s, label);
		}
	}
	rc = tx_end(st, rc);
	if (rc == KO_OK && summary)
		*summary = what;
	else
		free(what);
	return rc;
}

enum ko_err store_undo(struct store *st, bool force, char **summary, char **other)
{
	return undo_or_redo(st, false, force, summary, other);
}

enum ko_err store_redo(struct store *st, char **summary)
{
	return undo_or_redo(st, true, false, summary, NULL);
}

void vec_change_free(vec_change *v)
{
	for (size_t i = 0; i < v->n; i++) {
		free(v->v[i].at);
		free(v->v[i].who);
		free(v->v[i].summary);
	}
	free(v->v);
	memset(v, 0, sizeof *v);
}

static void read_change(sqlite3_stmt *s, void *out)
{
	struct change_info *c = out;
	c->id = sqlite3_column_int64(s, 0);
	c->meeting_id = sqlite3_column_int64(s, 1);
	c->at = col_text(s, 2);
	c->who = col_text(s, 3);
	c->summary = col_text(s, 4);
	c->undone = sqlite3_column_int(s, 5) != 0;
	c->undo_of = sqlite3_column_int64(s, 6);
}

static void free_changes(void *v) { vec_change_free(v); }

enum ko_err store_log(struct store *st, int64_t meeting_id, int offset, int limit,
                      vec_change *out)
{
	static const char all_sql[] =
		"SELECT id, meeting_id, at, who, summary, undone, undo_of FROM change"
		" ORDER BY id DESC LIMIT ?2 OFFSET ?3";
	static const char one_sql[] =
		"SELECT id, meeting_id, at, who, summary, undone, undo_of FROM change"
		" WHERE meeting_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3";
	sqlite3_stmt *s = stmt(st, meeting_id ? one_sql : all_sql);
	if (!s)
		return st->err.code;
	if (meeting_id)
		sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int(s, 2, limit > 0 ? limit : -1);
	sqlite3_bind_int(s, 3, offset > 0 ? offset : 0);
	memset(out, 0, sizeof *out);
	return read_rows(st, s, out, sizeof *out->v, read_change, free_changes, N_("read history"));
}

enum ko_err store_last_change(struct store *st, const char *table, int64_t row_id,
                              struct change_info *out)
{
	static const char sql[] =
		"SELECT c.id, c.meeting_id, c.at, c.who, c.summary, c.undone, c.undo_of"
		" FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2 ORDER BY r.id DESC LIMIT 1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, table);
	sqlite3_bind_int64(s, 2, row_id);
	memset(out, 0, sizeof *out);
	return read_one(st, s, out, read_change, _("no change recorded for that row"));
}
