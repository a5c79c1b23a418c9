/* import.c - writing a parsed export (kickoff import) as one transaction.
 *
 * The ids of the file are kept when none of them is taken in this
 * database, so that an export imported into an empty database exports to
 * the same bytes; otherwise every row gets a new id and the links
 * (decision -> item, risk -> item, action -> decision, a RACI cell ->
 * output and attendee, a moved question -> the one of the earlier
 * meeting it came from, a TKO risk -> the KO risk it was carried from) follow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/entity.h"
#include "kickoff/i18n.h"
#include "sqlite/internal.h"

static enum ko_err id_taken(struct store *st, const char *sql, int64_t id, bool *taken)
{
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		*taken = true;
	else if (rc != SQLITE_DONE)
		return sql_fail(st, rc, N_("import"));
	return KO_OK;
}

/* One table's statements, made once from its description (entity.h) and
 * kept for the life of the program: the statement cache knows a
 * statement by the address of its text. */
struct table_sql {
	const struct entity_desc *entity;
	const char *parent;             /* "project_id", "meeting_id" or NULL */
	char insert[1024];
	char taken[64];
};

#define MAX_PARTS 10
static struct table_sql tables[2 + MAX_PARTS];   /* project, meeting, the minutes' parts */

static const char *column_of(const struct field_desc *f)
{
	return f->column ? f->column : f->name;
}

/* Appends words to a fixed buffer; a text that does not fit is cut, which
 * the prepare then refuses (the buffers fit the tables many times over). */
static void append(char *buf, size_t size, const char *a, const char *b)
{
	size_t n = strlen(buf);
	snprintf(buf + n, size - n, "%s%s", a, b ? b : "");
}

/* "INSERT INTO risk(id, meeting_id, item_id, text, ..., version) VALUES
 * (?1, ?2, ...)": the id, the parent's id, a meeting's kind, the fields in
 * the description's order, the version; bound in that order. */
static void make_sql(struct table_sql *t)
{
	const struct entity_desc *e = t->entity;
	char cols[768] = "id";
	if (t->parent)
		append(cols, sizeof cols, ", ", t->parent);
	if (e == &entity_meeting)
		append(cols, sizeof cols, ", kind", NULL);
	for (size_t i = 0; i < e->nfields; i++)
		append(cols, sizeof cols, ", ", column_of(&e->fields[i]));
	append(cols, sizeof cols, ", version", NULL);
	int params = 2 + (t->parent != NULL) + (e == &entity_meeting) + (int)e->nfields;
	snprintf(t->insert, sizeof t->insert, "INSERT INTO %s(%s) VALUES (?1", e->name, cols);
	for (int i = 2; i <= params; i++) {
		char p[16];
		snprintf(p, sizeof p, "%d", i);
		append(t->insert, sizeof t->insert, ", ?", p);
	}
	append(t->insert, sizeof t->insert, ")", NULL);
	snprintf(t->taken, sizeof t->taken, "SELECT 1 FROM %s WHERE id = ?1", e->name);
}

static const struct table_sql *table_of(const struct entity_desc *e)
{
	if (!tables[0].entity) {
		_Static_assert(MAX_PARTS >= 8, "the minutes' parts");
		tables[0] = (struct table_sql){ .entity = &entity_project };
		tables[1] = (struct table_sql){ .entity = &entity_meeting, .parent = "project_id" };
		for (size_t p = 0; p < minutes_nparts && p < MAX_PARTS; p++)
			tables[p + 2] = (struct table_sql){ .entity = minutes_parts[p].entity,
			                                    .parent = "meeting_id" };
		for (size_t i = 0; i < sizeof tables / sizeof *tables && tables[i].entity; i++)
			make_sql(&tables[i]);
	}
	for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
		if (tables[i].entity == e)
			return &tables[i];
	return NULL;
}

static enum ko_err any_taken(struct store *st, const struct project *p,
                             const struct minutes *ms, size_t n, bool *taken)
{
	*taken = false;
	const struct table_sql *q = table_of(&entity_project);
	enum ko_err rc = id_taken(st, q->taken, p->id, taken);
	for (size_t m = 0; m < n && rc == KO_OK && !*taken; m++) {
		q = table_of(&entity_meeting);
		rc = id_taken(st, q->taken, ms[m].meeting.id, taken);
		for (size_t k = 0; k < minutes_nparts && rc == KO_OK && !*taken; k++) {
			const struct entity_desc *e = minutes_parts[k].entity;
			size_t nrows;
			const void *rows = minutes_rows(&ms[m], &minutes_parts[k], &nrows);
			q = table_of(e);
			for (size_t i = 0; i < nrows && rc == KO_OK && !*taken; i++)
				rc = id_taken(st, q->taken, entity_id(entity_row(e, rows, i)), taken);
		}
	}
	return rc;
}

/* Binds the file's id, or NULL for a new one. */
static void bind_id(sqlite3_stmt *s, int i, bool keep, int64_t id)
{
	if (keep)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

static enum ko_err insert(struct store *st, sqlite3_stmt *s, int64_t *new_id)
{
	enum ko_err rc = step_done(st, s, N_("import"));
	if (rc == KO_OK && new_id)
		*new_id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

/* The new ids of one meeting's rows, part by part, in the file's order. */
struct new_ids {
	int64_t *of[MAX_PARTS];
};

/* The new id of the row a link names, by position or by the file's id;
 * 0 when it names none.  A link to another meeting's row looks in the
 * meetings written before this one (earlier[0..nearlier-1], their ids
 * in earlier_ids). */
static int64_t linked_id(const struct minutes *mi, const struct new_ids *ids,
                         const struct field_desc *f, const void *row,
                         const struct minutes *earlier, const struct new_ids *earlier_ids,
                         size_t nearlier)
{
	int64_t v = field_int(f, row);
	if (f->flags & FIELD_OTHER_MEETING) {
		int64_t found = 0;
		for (size_t m = 0; m < nearlier && !found; m++)
			found = linked_id(&earlier[m], &earlier_ids[m], &(struct field_desc){
				.kind = f->kind, .offset = f->offset, .link = f->link }, row, NULL, NULL, 0);
		return found;
	}
	for (size_t k = 0; k < minutes_nparts && v > 0 && mi && ids; k++) {
		if (minutes_parts[k].entity != f->link || !ids->of[k])
			continue;
		size_t n;
		const void *rows = minutes_rows(mi, &minutes_parts[k], &n);
		if (f->kind == FK_NUMBER)
			return v <= (int64_t)n ? ids->of[k][v - 1] : 0;
		for (size_t i = 0; i < n; i++)
			if (entity_id(entity_row(f->link, rows, i)) == v)
				return ids->of[k][i];
	}
	return 0;
}

/* One row as its table has it; its new id into *new_id. */
static enum ko_err insert_row(struct store *st, const struct entity_desc *e, const void *row,
                              bool keep, int64_t parent, const struct minutes *mi,
                              const struct new_ids *ids, const struct minutes *earlier,
                              const struct new_ids *earlier_ids, size_t nearlier,
                              int64_t *new_id)
{
	const struct table_sql *q = table_of(e);
	sqlite3_stmt *s = stmt(st, q->insert);
	if (!s)
		return st->err.code;
	int i = 1;
	bind_id(s, i++, keep, entity_id(row));
	if (q->parent)
		sqlite3_bind_int64(s, i++, parent);
	if (e == &entity_meeting)
		bind_text(s, i++, kind_name(((const struct meeting *)row)->kind));
	for (size_t k = 0; k < e->nfields; k++, i++) {
		const struct field_desc *f = &e->fields[k];
		int64_t link = f->link ? linked_id(mi, ids, f, row, earlier, earlier_ids, nearlier) : 0;
		if (field_is_text(f) && (f->flags & FIELD_NULL))
			bind_text_or_null(s, i, field_str(f, row));
		else if (field_is_text(f))
			bind_text(s, i, field_str(f, row));
		else if (f->kind == FK_CHOICE)
			bind_text(s, i, f->choices[field_int(f, row)]);
		else if (f->kind == FK_FLAG)
			sqlite3_bind_int(s, i, field_int(f, row) != 0);
		else if (!f->link)
			sqlite3_bind_int64(s, i, field_int(f, row));
		else if (link)
			sqlite3_bind_int64(s, i, link);
	}
	sqlite3_bind_int64(s, i, entity_version(e, row));
	return insert(st, s, new_id);
}

/* One meeting and its rows; their new ids into *ids, which the caller
 * frees.  earlier: the meetings written before it. */
static enum ko_err import_meeting(struct store *st, int64_t project_id, bool keep,
                                  const struct minutes *mi, struct new_ids *ids,
                                  const struct minutes *earlier,
                                  const struct new_ids *earlier_ids, size_t nearlier)
{
	int64_t meeting_id = 0;
	enum ko_err rc = insert_row(st, &entity_meeting, &mi->meeting, keep, project_id, mi,
	                            NULL, NULL, NULL, 0, &meeting_id);
	for (size_t k = 0; k < minutes_nparts && k < MAX_PARTS && rc == KO_OK; k++) {
		const struct entity_desc *e = minutes_parts[k].entity;
		size_t n;
		const void *rows = minutes_rows(mi, &minutes_parts[k], &n);
		if (!(ids->of[k] = calloc(n + 1, sizeof *ids->of[k])))
			rc = store_fail(st, KO_NOMEM, _("out of memory"));
		for (size_t i = 0; i < n && rc == KO_OK; i++)
			rc = insert_row(st, e, entity_row(e, rows, i), keep, meeting_id, mi, ids,
			                earlier, earlier_ids, nearlier, &ids->of[k][i]);
	}
	return rc;
}

enum ko_err store_import(struct store *st, const struct project *p,
                         const struct minutes *meetings, size_t n, int64_t *project_id)
{
	enum ko_err rc = tx_begin(st, 0, N_("import project"));
	if (rc != KO_OK)
		return rc;
	bool taken;
	rc = any_taken(st, p, meetings, n, &taken);
	if (rc != KO_OK)
		return tx_end(st, rc);
	bool keep = !taken;

	/* The name as the file has it (a round trip keeps every byte), but
	 * not one that reads as another project's. */
	rc = project_name_free(st, p->name, 0);
	if (rc != KO_OK)
		return tx_end(st, rc);
	int64_t pid = 0;
	rc = insert_row(st, &entity_project, p, keep, 0, NULL, NULL, NULL, NULL, 0, &pid);
	if (rc == KO_EXISTS)
		rc = store_fail(st, KO_EXISTS, _("a project named '%s' already exists"), p->name);
	struct new_ids *ids = calloc(n ? n : 1, sizeof *ids);
	if (!ids && rc == KO_OK)
		rc = store_fail(st, KO_NOMEM, _("out of memory"));
	for (size_t m = 0; m < n && rc == KO_OK; m++)
		rc = import_meeting(st, pid, keep, &meetings[m], &ids[m], meetings, ids, m);
	for (size_t m = 0; ids && m < n; m++)
		for (size_t k = 0; k < MAX_PARTS; k++)
			free(ids[m].of[k]);
	free(ids);
	rc = tx_end(st, rc);
	if (rc == KO_OK && project_id)
		*project_id = pid;
	return rc;
}
