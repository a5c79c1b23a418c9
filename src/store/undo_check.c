/* undo_check.c - what undoing a change would take from others, and why a
 * change cannot be undone any more, each said in one line with names.
 *
 * Both read the change log only.  The revert has been played and its
 * rows recorded as the newest change (X); the target's rows are those of
 * the change it reverts (C).  A row of X that C never touched went with
 * it by a cascade: its maker "added rows under it" (or, for a link set to
 * NULL, "linked rows to it").  A row both touched whose content before X
 * differs from what C left (versions aside) was changed since: whoever
 * wrote it after C "changed it since".  Comparing content, not the list
 * of later changes, lets a change and its undo cancel out. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "undo.h"
#include "kickoff/i18n.h"

enum loss_kind { LOSS_ADDED, LOSS_LINKED, LOSS_CHANGED, NLOSS };

struct loss {
	char *who;
	enum loss_kind kind;
	int table;
	char *label;                /* "project Apollo"; NULL: counted by table */
	int64_t creator;            /* the change that made the row, 0 unknown */
};

struct losses {
	struct loss *v;
	size_t n, cap;
	bool nomem;
};

static int table_of(const char *name)
{
	for (int t = 0; *undo_table_name(t); t++)
		if (strcmp(undo_table_name(t), name) == 0)
			return t;
	return -1;
}

/* The name a person reads for a row: projects and meetings by name, the
 * rest counted ("1 decision"), so NULL. */
static char *row_label(struct store *st, int t, const char *image)
{
	const char *table = undo_table_name(t);
	if (strcmp(table, "project") != 0 && strcmp(table, "meeting") != 0)
		return NULL;
	json_t *j = image ? json_loads(image, 0, NULL) : NULL;
	char *label = NULL;
	if (strcmp(table, "project") == 0) {
		const char *name = json_string_value(json_object_get(j, "name"));
		if (asprintf(&label, _("project %s"), name ? name : "?") < 0)
			label = NULL;
	} else {
		static const char sql[] =
			"SELECT coalesce((SELECT name FROM project WHERE id = ?1),"
			" (SELECT json_extract(r.before, '$.name') FROM change_row r"
			"  WHERE r.tbl = 'project' AND r.row_id = ?1 AND r.before IS NOT NULL"
			"  ORDER BY r.id DESC LIMIT 1))";
		sqlite3_stmt *s = stmt(st, sql);
		char *project = NULL;
		if (s) {
			sqlite3_bind_int64(s, 1, json_integer_value(json_object_get(j, "project_id")));
			if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
				project = col_text(s, 0);
			sqlite3_reset(s);
		}
		const char *kind = json_string_value(json_object_get(j, "kind"));
		if (asprintf(&label, _("meeting %s/%s"), project ? project : "?", kind ? kind : "?") < 0)
			label = NULL;
		free(project);
	}
	json_decref(j);
	return label;
}

static void add_loss(struct losses *l, const char *who, enum loss_kind kind, int t,
                     const char *label, int64_t creator)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct loss *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->nomem = true;
			return;
		}
		l->v = v;
		l->cap = cap;
	}
	struct loss *x = &l->v[l->n];
	*x = (struct loss){ .who = strdup(who), .kind = kind, .table = t,
	                    .label = label ? strdup(label) : NULL, .creator = creator };
	if (!x->who || (label && !x->label)) {
		free(x->who);
		free(x->label);
		l->nomem = true;
		return;
	}
	l->n++;
}

static void free_losses(struct losses *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].who);
		free(l->v[i].label);
	}
	free(l->v);
}

/* Who made row row_id of table (the change that inserted it), or, when
 * the log has no insert for it, who wrote it last. */
static void row_maker(struct store *st, const char *table, int64_t row_id, int64_t *change,
                      char **who)
{
	static const char made_sql[] =
		"SELECT r.change_id, c.who FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2 AND r.op = 'insert'"
		" AND r.change_id < (SELECT max(id) FROM change) ORDER BY r.id DESC LIMIT 1";
	static const char last_sql[] =
		"SELECT 0, c.who FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2"
		" AND r.change_id < (SELECT max(id) FROM change) ORDER BY r.id DESC LIMIT 1";
	*change = 0;
	*who = NULL;
	for (int i = 0; i < 2 && !*who; i++) {
		sqlite3_stmt *s = stmt(st, i ? last_sql : made_sql);
		if (!s)
			return;
		bind_text(s, 1, table);
		sqlite3_bind_int64(s, 2, row_id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			*change = sqlite3_column_int64(s, 0);
			*who = col_text(s, 1);
		}
		sqlite3_reset(s);
	}
}

/* Adds a loss of `kind` for each person (but `skip`, and but the user
 * when mine_too is false) who wrote the row after change `after`. */
static enum ko_err later_writers(struct store *st, struct losses *l, enum loss_kind kind, int t,
                                 int64_t row_id, int64_t after, const char *skip, bool mine_too,
                                 const char *label)
{
	static const char sql[] =
		"SELECT DISTINCT c.who FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2 AND r.change_id > ?3"
		" AND r.change_id < (SELECT max(id) FROM change)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, undo_table_name(t));
	sqlite3_bind_int64(s, 2, row_id);
	sqlite3_bind_int64(s, 3, after);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *who = (const char *)sqlite3_column_text(s, 0);
		if (!who || (skip && strcmp(who, skip) == 0) || (!mine_too && strcmp(who, st->who) == 0))
			continue;
		add_loss(l, who, kind, t, label, 0);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("undo"));
}

/* Rows of the revert the target never touched: cascades. */
static enum ko_err extras(struct store *st, int64_t target, struct losses *l)
{
	static const char sql[] =
		"SELECT x.tbl, x.row_id, max(x.op = 'delete'),"
		" (SELECT x2.before FROM change_row x2 WHERE x2.tbl = x.tbl AND x2.row_id = x.row_id"
		"  AND +x2.change_id = x.change_id ORDER BY x2.id LIMIT 1)"
		" FROM change_row x WHERE x.change_id = (SELECT max(id) FROM change)"
		" AND NOT EXISTS (SELECT 1 FROM change_row c WHERE c.tbl = x.tbl AND c.row_id = x.row_id"
		"  AND +c.change_id = ?1)"
		" GROUP BY x.tbl, x.row_id ORDER BY min(x.id)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, target);
	/* Collect first: the questions below use the statement cache too. */
	struct extra { int t; int64_t row_id; bool deleted; char *image; } *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int t = table_of((const char *)sqlite3_column_text(s, 0));
		if (t < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			void *nv = realloc(v, cap * sizeof *v);
			if (!nv) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = nv;
		}
		v[n++] = (struct extra){ t, sqlite3_column_int64(s, 1), sqlite3_column_int(s, 2) != 0,
		                         sqlite3_column_type(s, 3) == SQLITE_NULL ? NULL : col_text(s, 3) };
	}
	sqlite3_reset(s);
	enum ko_err e = rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("undo"));
	for (size_t i = 0; i < n && e == KO_OK; i++) {
		int64_t made;
		char *maker;
		row_maker(st, undo_table_name(v[i].t), v[i].row_id, &made, &maker);
		char *label = row_label(st, v[i].t, v[i].image);
		add_loss(l, maker ? maker : _("someone"), v[i].deleted ? LOSS_ADDED : LOSS_LINKED, v[i].t, label, made);
		e = later_writers(st, l, LOSS_CHANGED, v[i].t, v[i].row_id, target, maker, true, label);
		free(maker);
		free(label);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].image);
	free(v);
	return e;
}

/* Rows of the target whose content moved on since it was written. */
static enum ko_err changed_since(struct store *st, int64_t target, bool redo, struct losses *l)
{
	static const char sql[] =
		"SELECT x.tbl, x.row_id, x.before FROM change_row x"
		" WHERE x.change_id = (SELECT max(id) FROM change) AND x.before IS NOT NULL"
		" AND x.id = (SELECT min(x2.id) FROM change_row x2 WHERE x2.tbl = x.tbl"
		"  AND x2.row_id = x.row_id AND +x2.change_id = x.change_id)"
		" AND EXISTS (SELECT 1 FROM change_row c WHERE c.tbl = x.tbl AND c.row_id = x.row_id"
		"  AND +c.change_id = ?1)"
		" AND json_remove(x.before, '$.version') IS NOT"
		"  (SELECT json_remove(c.after, '$.version') FROM change_row c WHERE c.tbl = x.tbl"
		"   AND c.row_id = x.row_id AND +c.change_id = ?1 ORDER BY c.id DESC LIMIT 1)"
		" ORDER BY x.id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, target);
	struct moved { int t; int64_t row_id; char *image; } *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int t = table_of((const char *)sqlite3_column_text(s, 0));
		if (t < 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			void *nv = realloc(v, cap * sizeof *v);
			if (!nv) {
				rc = SQLITE_NOMEM;
				break;
			}
			v = nv;
		}
		v[n++] = (struct moved){ t, sqlite3_column_int64(s, 1), col_text(s, 2) };
	}
	sqlite3_reset(s);
	enum ko_err e = rc == SQLITE_DONE ? KO_OK : sql_fail(st, rc, N_("undo"));
	for (size_t i = 0; i < n && e == KO_OK; i++) {
		char *label = row_label(st, v[i].t, v[i].image);
		/* Undo passes over the user's own later edits (they are undone
		 * first, newest first); redo would overwrite them. */
		e = later_writers(st, l, LOSS_CHANGED, v[i].t, v[i].row_id, target, NULL, redo, label);
		free(label);
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].image);
	free(v);
	return e;
}

/* Appends s to the growing *buf (NULL when out of memory). */
static void put(char **buf, size_t *len, const char *s)
{
	if (!*buf)
		return;
	size_t n = strlen(s);
	char *nb = realloc(*buf, *len + n + 1);
	if (!nb) {
		free(*buf);
		*buf = NULL;
		return;
	}
	memcpy(nb + *len, s, n + 1);
	*buf = nb;
	*len += n;
}

/* Whether loss i is part of a row already named by its label: the agenda
 * and outputs a meeting was made with go with "meeting Apollo/ko". */
static bool folded(const struct losses *l, size_t i)
{
	const struct loss *x = &l->v[i];
	if (x->label || !x->creator)
		return false;
	for (size_t j = 0; j < l->n; j++)
		if (l->v[j].label && l->v[j].creator == x->creator && l->v[j].kind == x->kind &&
		    strcmp(l->v[j].who, x->who) == 0)
			return true;
	return false;
}

static const char *count_text(int t, int n, char *buf, size_t size)
{
	const char *table = undo_table_name(t);
	snprintf(buf, size,
		!strcmp(table, "attendee") ? ngettext("%d attendee", "%d attendees", n) :
		!strcmp(table, "item") ? ngettext("%d agenda item", "%d agenda items", n) :
		!strcmp(table, "decision") ? ngettext("%d decision", "%d decisions", n) :
		!strcmp(table, "risk") ? ngettext("%d risk", "%d risks", n) :
		!strcmp(table, "output") ? ngettext("%d output", "%d outputs", n) :
		!strcmp(table, "action") ? ngettext("%d action", "%d actions", n) :
		!strcmp(table, "raci") ? ngettext("%d RACI cell", "%d RACI cells", n) :
		!strcmp(table, "question") ? ngettext("%d question", "%d questions", n) :
		!strcmp(table, "meeting") ? ngettext("%d meeting", "%d meetings", n) :
		ngettext("%d project", "%d projects", n), n);
	return buf;
}

/* What one person loses of one kind: the named rows, then counts. */
static char *what_goes(const struct losses *l, const char *who, enum loss_kind kind)
{
	char *buf = strdup("");
	size_t len = 0;
	bool any = false;
	for (size_t i = 0; i < l->n; i++) {
		const struct loss *x = &l->v[i];
		if (x->kind != kind || strcmp(x->who, who) != 0 || !x->label)
			continue;
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = l->v[j].kind == kind && l->v[j].label && !strcmp(l->v[j].who, who) &&
			       !strcmp(l->v[j].label, x->label);
		if (seen)
			continue;
		put(&buf, &len, any ? ", " : "");
		put(&buf, &len, x->label);
		any = true;
	}
	for (int t = 0; *undo_table_name(t); t++) {
		int n = 0;
		for (size_t i = 0; i < l->n; i++)
			n += l->v[i].kind == kind && l->v[i].table == t && !l->v[i].label &&
			     !strcmp(l->v[i].who, who) && !folded(l, i);
		if (!n)
			continue;
		char c[64];
		put(&buf, &len, any ? ", " : "");
		put(&buf, &len, count_text(t, n, c, sizeof c));
		any = true;
	}
	if (buf && !any) {
		free(buf);
		return strdup("");
	}
	return buf;
}

static char *describe(const struct losses *l)
{
	char *buf = strdup("");
	size_t len = 0;
	for (size_t i = 0; i < l->n && buf; i++) {
		bool seen = false;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(l->v[j].who, l->v[i].who);
		if (seen)
			continue;
		for (int k = 0; k < NLOSS && buf; k++) {
			char *what = what_goes(l, l->v[i].who, (enum loss_kind)k);
			if (what && *what) {
				char *one = NULL;
				if (asprintf(&one, k == LOSS_ADDED ? _("%s added rows under it: %s") :
				                   k == LOSS_LINKED ? _("%s linked rows to it: %s") :
				                   _("%s changed it since: %s"), l->v[i].who, what) < 0)
					one = NULL;
				if (one) {
					put(&buf, &len, len ? "; " : "");
					put(&buf, &len, one);
				} else {
					free(buf);
					buf = NULL;
				}
				free(one);
			}
			free(what);
		}
	}
	return buf;
}

enum ko_err undo_losses(struct store *st, int64_t target, bool redo, char **text)
{
	*text = NULL;
	struct losses l = { 0 };
	enum ko_err rc = extras(st, target, &l);
	if (rc == KO_OK)
		rc = changed_since(st, target, redo, &l);
	if (rc == KO_OK && l.nomem)
		rc = store_fail(st, KO_NOMEM, _("out of memory"));
	if (rc == KO_OK && l.n) {
		*text = describe(&l);
		if (!*text)
			rc = store_fail(st, KO_NOMEM, _("out of memory"));
	}
	free_losses(&l);
	return rc;
}

/* The row a restore collided with: same id, or the same name or number
 * where the schema makes those unique.  One statement per table, in the
 * change log's order of tables. */
static const char *const in_way_sql[] = {
	"SELECT id FROM project WHERE name = json_extract(?1, '$.name')"
	" UNION ALL SELECT id FROM project WHERE id = json_extract(?1, '$.id') LIMIT 1",
	"SELECT id FROM meeting WHERE project_id = json_extract(?1, '$.project_id')"
	" AND kind = json_extract(?1, '$.kind')"
	" UNION ALL SELECT id FROM meeting WHERE id = json_extract(?1, '$.id') LIMIT 1",
	"SELECT id FROM attendee WHERE id = json_extract(?1, '$.id')",
	"SELECT id FROM item WHERE meeting_id = json_extract(?1, '$.meeting_id')"
	" AND position = json_extract(?1, '$.position')"
	" UNION ALL SELECT id FROM item WHERE id = json_extract(?1, '$.id') LIMIT 1",
	"SELECT id FROM decision WHERE id = json_extract(?1, '$.id')",
	"SELECT id FROM risk WHERE id = json_extract(?1, '$.id')",
	"SELECT id FROM output WHERE meeting_id = json_extract(?1, '$.meeting_id')"
	" AND position = json_extract(?1, '$.position')"
	" UNION ALL SELECT id FROM output WHERE id = json_extract(?1, '$.id') LIMIT 1",
	"SELECT id FROM action WHERE id = json_extract(?1, '$.id')",
	"SELECT id FROM raci WHERE output_id = json_extract(?1, '$.output_id')"
	" AND attendee_id = json_extract(?1, '$.attendee_id')"
	" UNION ALL SELECT id FROM raci WHERE id = json_extract(?1, '$.id') LIMIT 1",
	"SELECT id FROM question WHERE id = json_extract(?1, '$.id')",
};

/* "bob's project Apollo is in the way". */
static char *in_the_way(struct store *st, const struct revert_result *r)
{
	const char *table = undo_table_name(r->table);
	char *label = row_label(st, r->table, r->image);
	if (!label) {
		json_t *j = r->image ? json_loads(r->image, 0, NULL) : NULL;
		json_t *pos = json_object_get(j, "position");
		char c[64];
		int64_t n = pos ? json_integer_value(pos) : json_integer_value(json_object_get(j, "id"));
		snprintf(c, sizeof c, !strcmp(table, "item") ? _("agenda item %lld") :
		                      !strcmp(table, "output") ? _("output %lld") :
		                      !strcmp(table, "attendee") ? _("attendee %lld") :
		                      !strcmp(table, "decision") ? _("decision %lld") :
		                      !strcmp(table, "risk") ? _("risk %lld") :
		                      !strcmp(table, "raci") ? _("RACI cell %lld") :
		                      !strcmp(table, "question") ? _("question %lld") : _("action %lld"),
		         (long long)n);
		json_decref(j);
		label = strdup(c);
	}
	int64_t id = 0;
	sqlite3_stmt *s = r->table >= 0 && r->table < (int)(sizeof in_way_sql / sizeof in_way_sql[0])
	                  ? stmt(st, in_way_sql[r->table]) : NULL;
	if (s) {
		bind_text(s, 1, r->image);
		if (sqlite3_step(s) == SQLITE_ROW)
			id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	int64_t made = 0;
	char *who = NULL, *text = NULL;
	if (id)
		row_maker(st, table, id, &made, &who);
	if (label && who) {
		if (asprintf(&text, _("%s's %s is in the way"), who, label) < 0)
			text = NULL;
	} else if (label && asprintf(&text, _("%s is in the way"), label) < 0) {
		text = NULL;
	}
	free(who);
	free(label);
	return text;
}

enum ko_err undo_why_not(struct store *st, const struct revert_result *r, char **text)
{
	static const char gone_sql[] =
		"SELECT c.who FROM change_row r JOIN change c ON c.id = r.change_id"
		" WHERE r.tbl = ?1 AND r.row_id = ?2 AND r.op = 'delete' ORDER BY r.id DESC LIMIT 1";
	*text = NULL;
	if (r->stop == REVERT_IN_WAY) {
		*text = in_the_way(st, r);
	} else if (r->stop == REVERT_GONE) {
		char *who = NULL;
		sqlite3_stmt *s = stmt(st, gone_sql);
		if (s) {
			bind_text(s, 1, undo_table_name(r->table));
			sqlite3_bind_int64(s, 2, r->row_id);
			if (sqlite3_step(s) == SQLITE_ROW)
				who = col_text(s, 0);
			sqlite3_reset(s);
		}
		if (!who)
			*text = strdup(_("its rows are gone"));
		else if (asprintf(text, _("%s removed its rows since"), who) < 0)
			*text = NULL;
		free(who);
	} else {
		*text = strdup(_("what it belongs to is gone"));
	}
	return *text ? KO_OK : store_fail(st, KO_NOMEM, _("out of memory"));
}
