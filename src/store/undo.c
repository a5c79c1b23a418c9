/* undo.c - the change log read back: history, undo and redo.
 *
 * The change-log hook (changelog.c) records every row a change touches,
 * before and after, as JSON.  Undo plays a change's rows backwards as a new change
 * of kind 'undo'; redo plays an undo backwards as a change of kind
 * 'redo'.  Both are ordinary changes, so they are logged, shown in
 * history and survive a restart.
 *
 * Nobody's work goes without their name being said: the revert is played
 * inside the write transaction, and the rows the hook recorded for it are
 * then compared with the rows of the change it reverts (undo_check.c).  A
 * row the change never touched (a cascade), or one someone changed since,
 * refuses the undo (KO_CONFLICT, naming them) unless forced.  A change
 * whose rows are gone, or whose rows would collide with rows made since,
 * cannot be played back at all: it is skipped, recorded as a change of
 * its own (kind 'undo' or 'redo', summary "skip undo: ...", born undone,
 * its target marked undone) so that the next undo reaches older ones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "undo.h"
#include "kickoff/i18n.h"

static const char *const logged_tables[] = {
	"project", "meeting", "attendee", "item", "decision", "risk", "output", "action",
	"raci", "question",
};
#define NLOGGED ((int)(sizeof logged_tables / sizeof logged_tables[0]))

/* Per table: INSERT of a whole row image (?1) and UPDATE back to one
 * (?1, row id ?2).  Built once per process from the compiled schema. */
struct restore_sql {
	char *insert, *update, *del;
};

static struct restore_sql restore[NLOGGED];
static bool restore_built;

const char *undo_table_name(int t)
{
	return t >= 0 && t < NLOGGED ? logged_tables[t] : "";
}

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

/* The restore statements of table t from its columns as schema.sql (compiled
 * in) defines them, read from `schema`, a private in-memory database. */
static bool build_table(sqlite3 *schema, int t)
{
	static const char sql[] = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(schema, sql, -1, &s, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_text(s, 1, logged_tables[t], -1, SQLITE_STATIC);
	char *cols = NULL, *vals = NULL, *sets = NULL;
	size_t cl = 0, vl = 0, sl = 0;
	bool okay = append(&cols, &cl, "") && append(&vals, &vl, "") && append(&sets, &sl, "");
	int first = 1, rc;
	while (okay && (rc = sqlite3_step(s)) == SQLITE_ROW) {
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
	sqlite3_finalize(s);
	okay = okay && !first;
	char *ins = NULL, *upd = NULL, *del = NULL;
	if (okay)
		okay = asprintf(&ins, "INSERT INTO %s(%s) VALUES (%s)", logged_tables[t], cols, vals) > 0 &&
		       asprintf(&upd, "UPDATE %s SET %s WHERE id = ?2", logged_tables[t], sets) > 0 &&
		       asprintf(&del, "DELETE FROM %s WHERE id = ?2", logged_tables[t]) > 0;
	free(cols);
	free(vals);
	free(sets);
	if (!okay) {
		free(ins);
		free(upd);
		free(del);
		return false;
	}
	restore[t] = (struct restore_sql){ ins, upd, del };
	return true;
}

/* The column names are the binary's own: a name read from the open file
 * would be SQL text that whoever made the file chose. */
static enum ko_err build_restore(struct store *st)
{
	if (restore_built)
		return KO_OK;
	sqlite3 *schema = NULL;
	bool okay = sqlite3_open_v2(":memory:", &schema, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	            sqlite3_exec(schema, kickoff_schema_sql, NULL, NULL, NULL) == SQLITE_OK;
	for (int t = 0; okay && t < NLOGGED; t++)
		okay = build_table(schema, t);
	sqlite3_close(schema);
	if (!okay)
		return store_fail(st, KO_NOMEM, _("out of memory"));
	restore_built = true;
	return KO_OK;
}

/* Runs generated SQL (made from the fixed table list and the compiled
 * schema's column names, never from input); not cached, as undo is rare.
 * *changed: whether it touched its row. */
static enum ko_err run_restore(struct store *st, const char *sql, const char *image, int64_t row_id,
                               bool *changed)
{
	sqlite3_stmt *s;
	*changed = false;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return sql_fail(st, sqlite3_extended_errcode(st->db), N_("undo"));
	if (image)
		sqlite3_bind_text(s, 1, image, -1, SQLITE_TRANSIENT);
	if (strstr(sql, "?2"))
		sqlite3_bind_int64(s, 2, row_id);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE) {
		*changed = sqlite3_changes(st->db) > 0;
		return KO_OK;
	}
	return sql_fail(st, sqlite3_extended_errcode(st->db), N_("undo"));
}

static bool in_the_way(int rc)
{
	return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY;
}

/* Plays change `id` backwards inside the current transaction.  KO_OK with
 * out->stop REVERT_DONE when every row went back; another stop says why
 * it cannot (the caller rolls the attempt back). */
static enum ko_err revert(struct store *st, int64_t id, struct revert_result *out)
{
	*out = (struct revert_result){ .stop = REVERT_DONE, .table = -1 };
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
	for (size_t i = 0; i < n && rc == KO_OK && out->stop == REVERT_DONE; i++) {
		const struct restore_sql *q = &restore[rows[i].t];
		const char *table = logged_tables[rows[i].t];
		bool changed = false;
		switch (rows[i].op) {
		case 'i':
			/* Already gone is what undo wants (a cascade of this revert,
			 * or someone deleted it since). */
			rc = run_restore(st, q->del, NULL, rows[i].row_id, &changed);
			break;
		case 'u':
			rc = run_restore(st, q->update, rows[i].before, rows[i].row_id, &changed);
			if (rc == KO_OK && !changed && !changelog_touched(st->log, table, rows[i].row_id))
				out->stop = REVERT_GONE;
			break;
		case 'd':
			rc = run_restore(st, q->insert, rows[i].before, rows[i].row_id, &changed);
			break;
		}
		if (rc != KO_OK && in_the_way(sqlite3_extended_errcode(st->db))) {
			rc = KO_OK;
			out->stop = REVERT_IN_WAY;
		}
		if (out->stop != REVERT_DONE) {
			out->table = rows[i].t;
			out->row_id = rows[i].row_id;
			out->image = rows[i].before;
			rows[i].before = NULL;
		}
	}
	if (rc == KO_OK && out->stop == REVERT_DONE) {
		int fks = 0, high = 0;
		sqlite3_db_status(st->db, SQLITE_DBSTATUS_DEFERRED_FKS, &fks, &high, 0);
		if (changelog_pending(st->log) == 0 && n > 0) {
			/* Nothing was there to put back: never report that as undone. */
			out->stop = REVERT_GONE;
			out->table = rows[n - 1].t;
			out->row_id = rows[n - 1].row_id;
		} else if (fks > 0) {
			out->stop = REVERT_ORPHAN;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(rows[i].before);
	free(rows);
	return rc;
}

/* Finds the change to undo (kind 'do' or 'redo', not undone) or to redo
 * (the newest live 'undo').  The newest change is the one this undo is
 * recording, never a target; a skip is born undone, so never one either. */
static enum ko_err find_target(struct store *st, bool redo, int64_t *id, int64_t *meeting,
                               char **summary)
{
	static const char undo_sql[] =
		"SELECT id, meeting_id, summary FROM change"
		" WHERE who = ?1 AND kind IN ('do', 'redo') AND undone = 0"
		" AND id < (SELECT max(id) FROM change) ORDER BY id DESC LIMIT 1";
	static const char redo_sql[] =
		"SELECT id, meeting_id, summary FROM change"
		" WHERE who = ?1 AND kind = 'undo' AND undone = 0"
		" AND id < (SELECT max(id) FROM change) ORDER BY id DESC LIMIT 1";
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

/* Records the change being written as the undo (redo) of target, or as
 * its skip, and names it after what it reverses, for history. */
static enum ko_err mark(struct store *st, int64_t target, const char *kind, bool skip,
                        const char *what, int64_t meeting)
{
	static const char new_sql[] =
		"UPDATE change SET kind = ?1, undo_of = ?2, undone = ?3, summary = ?4,"
		" meeting_id = coalesce(?5, meeting_id) WHERE id = (SELECT max(id) FROM change)";
	static const char old_sql[] = "UPDATE change SET undone = 1 WHERE id = ?1";
	sqlite3_stmt *s = stmt(st, new_sql);
	if (!s)
		return st->err.code;
	char text[300];
	snprintf(text, sizeof text, "%s%s: %s", skip ? "skip " : "", kind, what ? what : "");
	bind_text(s, 1, kind);
	sqlite3_bind_int64(s, 2, target);
	sqlite3_bind_int(s, 3, skip);
	bind_text(s, 4, text);
	if (meeting)
		sqlite3_bind_int64(s, 5, meeting);
	enum ko_err rc = step_done(st, s, kind);
	if (rc != KO_OK)
		return rc;
	if (!(s = stmt(st, old_sql)))
		return st->err.code;
	sqlite3_bind_int64(s, 1, target);
	return step_done(st, s, kind);
}

/* Turns an sqlite3_exec result into ours. */
static enum ko_err exec_rc(struct store *st, int rc, const char *what)
{
	return rc == SQLITE_OK ? KO_OK : sql_fail(st, sqlite3_extended_errcode(st->db), what);
}

static enum ko_err undo_or_redo(struct store *st, bool redo, bool force, char **summary,
                                char **other)
{
	if (summary)
		*summary = NULL;
	if (other)
		*other = NULL;
	int64_t id = 0, meeting = 0;
	char *what = NULL, *loss = NULL, *why = NULL;
	struct revert_result res = { .stop = REVERT_DONE, .table = -1 };
	/* The target is chosen inside the write transaction so two sessions
	 * of one user cannot undo the same change twice. */
	const char *label = redo ? N_("redo") : N_("undo");
	enum ko_err rc = tx_begin(st, 0, label);
	if (rc != KO_OK)
		return rc;
	rc = find_target(st, redo, &id, &meeting, &what);
	/* "undo: redo: undo: add decision" says no more than "add decision". */
	while (rc == KO_OK && what &&
	       (strncmp(what, "undo: ", 6) == 0 || strncmp(what, "redo: ", 6) == 0))
		memmove(what, what + 6, strlen(what + 6) + 1);
	if (rc == KO_OK)
		rc = exec_rc(st, sqlite3_exec(st->db, "SAVEPOINT revert", NULL, NULL, NULL), label);
	if (rc == KO_OK)
		rc = revert(st, id, &res);
	if (rc == KO_OK && res.stop != REVERT_DONE) {
		/* The attempt goes; what stays is the record that it was skipped. */
		changelog_discard(st->log);
		rc = exec_rc(st, sqlite3_exec(st->db, "ROLLBACK TO revert", NULL, NULL, NULL), label);
		if (rc == KO_OK)
			rc = undo_why_not(st, &res, &why);
		if (rc == KO_OK)
			rc = mark(st, id, label, true, what, meeting);
	} else if (rc == KO_OK) {
		/* The hook's rows of this revert become change_row rows now, to
		 * be compared with the target's. */
		int r = changelog_flush(st->log);
		if (r != SQLITE_OK)
			rc = sql_fail(st, r, label);
		if (rc == KO_OK && !force)
			rc = undo_losses(st, id, redo, &loss);
		if (rc == KO_OK && loss)
			rc = store_fail(st, KO_CONFLICT, "%s", loss);
		if (rc == KO_OK)
			rc = mark(st, id, label, false, what, meeting);
	}
	rc = tx_end(st, rc);
	if (rc == KO_OK && res.stop != REVERT_DONE) {
		if (redo)
			rc = store_fail(st, KO_NOTFOUND,
			                _("cannot redo \"%s\" any more: %s; skipped it, so the next redo reaches older undos"),
			                _(what), why);
		else
			rc = store_fail(st, KO_NOTFOUND,
			                _("cannot undo \"%s\" any more: %s; skipped it, so the next undo reaches older changes"),
			                _(what), why);
	}
	free(why);
	free(res.image);
	if (other && rc == KO_CONFLICT) {
		*other = loss;
		loss = NULL;
	}
	free(loss);
	st->undo_target = id;
	if (summary && (rc == KO_OK || rc == KO_CONFLICT || res.stop != REVERT_DONE))
		*summary = what;
	else
		free(what);
	return rc;
}

enum ko_err store_undo(struct store *st, bool force, char **summary, char **other)
{
	return undo_or_redo(st, false, force, summary, other);
}

enum ko_err store_redo(struct store *st, bool force, char **summary, char **other)
{
	return undo_or_redo(st, true, force, summary, other);
}

void change_info_free(struct change_info *c)
{
	free(c->at);
	free(c->who);
	free(c->summary);
	free(c->tbl);
	free(c->op);
	free(c->row_name);
	for (size_t k = 0; k < c->nfields; k++) {
		free(c->fields[k].column);
		free(c->fields[k].before);
		free(c->fields[k].after);
	}
	free(c->fields);
	memset(c, 0, sizeof *c);
}

void vec_change_free(vec_change *v)
{
	for (size_t i = 0; i < v->n; i++)
		change_info_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof *v);
}

int64_t store_undo_target(const struct store *st)
{
	return st->undo_target;
}

/* What change c did: the original change it goes back to through undo_of
 * (each undo or redo on the way turns the direction round), its first
 * row, that row's name, and the columns an update moved. */
static enum ko_err read_detail(struct store *st, struct change_info *c)
{
	static const char row_sql[] =
		"WITH RECURSIVE chain(id, target, hops) AS ("
		"  SELECT id, undo_of, 0 FROM change WHERE id = ?1"
		"  UNION ALL SELECT k.id, k.undo_of, hops + 1 FROM change k JOIN chain ON k.id = chain.target"
		"  WHERE hops < 1000),"
		" origin AS (SELECT id, hops % 2 AS back FROM chain WHERE target IS NULL LIMIT 1),"
		" r AS (SELECT r.id, r.tbl, r.row_id,"
		"   CASE WHEN o.back = 0 THEN r.op WHEN r.op = 'insert' THEN 'delete'"
		"        WHEN r.op = 'delete' THEN 'insert' ELSE 'update' END AS op,"
		"   CASE o.back WHEN 0 THEN r.before ELSE r.after END AS b,"
		"   CASE o.back WHEN 0 THEN r.after ELSE r.before END AS a"
		"  FROM origin o JOIN change_row r ON r.change_id = o.id ORDER BY r.id LIMIT 1)"
		" SELECT r.id, r.tbl, r.row_id, r.op,"
		"  json_extract(coalesce(r.a, r.b), '$.' || CASE r.tbl"
		"   WHEN 'project' THEN 'name' WHEN 'attendee' THEN 'name' WHEN 'output' THEN 'name'"
		"   WHEN 'meeting' THEN 'title' WHEN 'item' THEN 'title' ELSE 'text' END),"
		"  upper(json_extract(coalesce(r.a, r.b), '$.kind')),"
		"  (SELECT json_group_array(json_array(x.key, x.value, y.value))"
		"   FROM json_each(r.b) x JOIN json_each(r.a) y ON x.key = y.key"
		"   WHERE r.op = 'update' AND x.key <> 'version' AND x.value IS NOT y.value)"
		" FROM r";
	static const char field_sql[] =
		"SELECT coalesce(json_extract(value, '$[0]'), ''), coalesce(json_extract(value, '$[1]'), ''),"
		" coalesce(json_extract(value, '$[2]'), '') FROM json_each(?1)";
	sqlite3_stmt *s = stmt(st, row_sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, c->id);
	int rc = sqlite3_step(s);
	char *changed = NULL;
	bool found = rc == SQLITE_ROW;
	if (found) {
		c->tbl = col_text(s, 1);
		c->row_id = sqlite3_column_int64(s, 2);
		c->op = col_text(s, 3);
		c->row_name = col_text(s, 4);
		/* A meeting without a title is called by its kind. */
		if (c->row_name && !*c->row_name && strcmp(c->tbl, "meeting") == 0) {
			free(c->row_name);
			c->row_name = col_text(s, 5);
		}
		if (strncmp(c->summary, "skip ", 5) != 0)
			changed = col_text(s, 6);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(changed);
		return sql_fail(st, rc, N_("read history"));
	}
	if (found && (!c->tbl || !c->op || !c->row_name)) {
		free(changed);
		return store_fail(st, KO_NOMEM, "%s", _("out of memory"));
	}
	if (!changed || !*changed) {
		free(changed);
		return KO_OK;
	}
	if (!(s = stmt(st, field_sql))) {
		free(changed);
		return st->err.code;
	}
	bind_text(s, 1, changed);
	size_t cap = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (c->nfields == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			struct change_field *f = realloc(c->fields, ncap * sizeof *f);
			if (!f)
				break;
			c->fields = f;
			cap = ncap;
		}
		struct change_field *f = &c->fields[c->nfields++];
		f->column = col_text(s, 0);
		f->before = col_text(s, 1);
		f->after = col_text(s, 2);
	}
	sqlite3_reset(s);
	free(changed);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? store_fail(st, KO_NOMEM, "%s", _("out of memory"))
		                        : sql_fail(st, rc, N_("read history"));
	return KO_OK;
}

static enum ko_err read_details(struct store *st, vec_change *v)
{
	for (size_t i = 0; i < v->n; i++) {
		enum ko_err rc = read_detail(st, &v->v[i]);
		if (rc != KO_OK) {
			vec_change_free(v);
			return rc;
		}
	}
	return KO_OK;
}

static void read_change(sqlite3_stmt *s, void *out)
{
	struct change_info *c = out;
	c->id = sqlite3_column_int64(s, 0);
	c->meeting_id = sqlite3_column_int64(s, 1);
	c->at = col_text(s, 2);
	c->who = col_text(s, 3);
	c->summary = col_text(s, 4);
	c->undo_of = sqlite3_column_int64(s, 6);
	/* A skip is born undone so that nothing targets it; it did not
	 * undo anything, and what it passed over was not undone either. */
	c->skipped = sqlite3_column_int(s, 7) != 0;
	c->undone = sqlite3_column_int(s, 5) != 0 && !c->skipped &&
	            strncmp(c->summary, "skip ", 5) != 0;
}

static void free_changes(void *v) { vec_change_free(v); }

enum ko_err store_log(struct store *st, int64_t meeting_id, int offset, int limit,
                      vec_change *out)
{
	/* skipped: the change that first named this one as its target is a
	 * skip (every undone change has one, found by walking forward). */
#define CHANGE_COLS \
	"SELECT id, meeting_id, at, who, summary, undone, undo_of," \
	" undone AND coalesce((SELECT k.summary LIKE 'skip %' FROM change k" \
	"  WHERE k.id > change.id AND k.undo_of = change.id ORDER BY k.id LIMIT 1), 0)" \
	" FROM change"
	static const char all_sql[] = CHANGE_COLS " ORDER BY id DESC LIMIT ?2 OFFSET ?3";
	static const char one_sql[] =
		CHANGE_COLS " WHERE meeting_id = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3";
	sqlite3_stmt *s = stmt(st, meeting_id ? one_sql : all_sql);
	if (!s)
		return st->err.code;
	if (meeting_id)
		sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int(s, 2, limit > 0 ? limit : -1);
	sqlite3_bind_int(s, 3, offset > 0 ? offset : 0);
	memset(out, 0, sizeof *out);
	enum ko_err rc = read_rows(st, s, out, sizeof *out->v, read_change, free_changes,
	                           N_("read history"));
	return rc == KO_OK ? read_details(st, out) : rc;
}

enum ko_err store_change_get(struct store *st, int64_t id, struct change_info *out)
{
	static const char sql[] = CHANGE_COLS " WHERE id = ?1";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	enum ko_err rc = read_one(st, s, out, read_change, _("no such change"));
	if (rc == KO_OK && (rc = read_detail(st, out)) != KO_OK)
		change_info_free(out);
	return rc;
}

enum ko_err store_last_change(struct store *st, const char *table, int64_t row_id,
                              struct change_info *out)
{
	static const char sql[] =
		"SELECT c.id, c.meeting_id, c.at, c.who, c.summary, c.undone, c.undo_of, 0"
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
