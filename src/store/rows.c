/* rows.c - reading and writing rows through the driver (driver.h), the
 * same for every backend: one write, a list, one row by id, and the
 * delete of any entity's row. */
#include <stdio.h>
#include <string.h>
#include "driver.h"
#include "rules.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

void sql_typed(struct store_stmt *s, int i, const char *text)
{
	if (!text) {
		s->drv->bind_text(s, i, NULL, 0);
		return;
	}
	size_t start, n = text_trim(text, strlen(text), &start);
	s->drv->bind_text(s, i, text + start, (int)n);
}

enum ko_err sql_write(struct store *st, int64_t meeting_id, const char *summary,
                      struct store_stmt *s, enum ko_err none_code, const char *none_msg)
{
	const struct store_driver *drv = store_driver(st);
	enum ko_err rc = drv->begin(st, meeting_id, summary);
	if (rc != KO_OK)
		return rc;
	enum store_step r = drv->step(st, s, summary);
	if (r == STEP_ROW)
		drv->reset(s);
	if (r == STEP_ERROR)
		rc = store_error(st)->code;
	else if (none_code != KO_OK && drv->changes(st) == 0)
		rc = store_fail(st, none_code, "%s", none_msg);
	return drv->end(st, rc);
}

enum ko_err sql_insert(struct store *st, int64_t meeting_id, const char *summary,
                       struct store_stmt *s, int64_t *id_out)
{
	enum ko_err rc = sql_write(st, meeting_id, summary, s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = store_driver(st)->last_id(st);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err sql_rows(struct store *st, struct store_stmt *s, void *vec, size_t elem_size,
                     store_read_fn read_row, void (*free_vec)(void *), const char *what)
{
	memset(vec, 0, sizeof(VEC_OF(char)));
	enum store_step r;
	while ((r = s->drv->step(st, s, what)) == STEP_ROW) {
		void *e = vec_push_(vec, elem_size);
		if (!e) {
			s->drv->reset(s);
			free_vec(vec);
			return store_fail(st, KO_NOMEM, _("out of memory"));
		}
		read_row(s, e);
	}
	if (r == STEP_DONE)
		return KO_OK;
	free_vec(vec);
	return store_error(st)->code;
}

enum ko_err sql_list(struct store *st, enum store_sql id, int64_t key, void *vec,
                     size_t elem_size, store_read_fn read_row,
                     void (*free_vec)(void *), const char *what)
{
	struct store_stmt *s = sql_prepare(st, id);
	if (!s) {
		memset(vec, 0, sizeof(VEC_OF(char)));
		return store_error(st)->code;
	}
	sql_int(s, 1, key);
	return sql_rows(st, s, vec, elem_size, read_row, free_vec, what);
}

enum ko_err sql_get(struct store *st, enum store_sql id, int64_t key, void *out,
                    store_read_fn read_row, const char *none_msg)
{
	struct store_stmt *s = sql_prepare(st, id);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, key);
	enum store_step r = s->drv->step(st, s, N_("read"));
	if (r == STEP_ROW) {
		read_row(s, out);
		s->drv->reset(s);
		return KO_OK;
	}
	if (r == STEP_DONE)
		return store_fail(st, KO_NOTFOUND, "%s", none_msg);
	return store_error(st)->code;
}

enum ko_err sql_exists(struct store *st, enum store_sql id, int64_t a, int64_t b,
                       bool *found)
{
	struct store_stmt *s = sql_prepare(st, id);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, a);
	sql_int(s, 2, b);
	enum store_step r = s->drv->step(st, s, N_("find linked row"));
	if (r == STEP_ROW)
		s->drv->reset(s);
	*found = r == STEP_ROW;
	return r == STEP_ERROR ? store_error(st)->code : KO_OK;
}

/* ---- deletes ---- */

/* How each entity's row is deleted: its statement, the summary the
 * history shows, and for a numbered list the statements that renumber
 * the rows after it. */
static const struct deletion {
	enum store_sql sql;
	const char *summary;
	bool numbered;
	enum store_sql lift, lower;
} deletions[] = {
	[STORE_PROJECT] = { SQL_DELETE_PROJECT, N_("delete project"), false, 0, 0 },
	[STORE_MEETING] = { SQL_DELETE_MEETING, N_("delete meeting"), false, 0, 0 },
	[STORE_ATTENDEE] = { SQL_DELETE_ATTENDEE, N_("delete attendee"), false, 0, 0 },
	[STORE_ITEM] = { SQL_DELETE_ITEM, N_("delete"), true, SQL_LIFT_ITEMS, SQL_LOWER_ITEMS },
	[STORE_DECISION] = { SQL_DELETE_DECISION, N_("delete decision"), false, 0, 0 },
	[STORE_RISK] = { SQL_DELETE_RISK, N_("delete risk"), false, 0, 0 },
	[STORE_OUTPUT] = { SQL_DELETE_OUTPUT, N_("delete"), true, SQL_LIFT_OUTPUTS, SQL_LOWER_OUTPUTS },
	[STORE_ACTION] = { SQL_DELETE_ACTION, N_("delete action"), false, 0, 0 },
	[STORE_QUESTION] = { SQL_DELETE_QUESTION, N_("delete question"), false, 0, 0 },
};

static enum ko_err not_found(struct store *st, enum store_entity entity, int64_t id)
{
	long long n = (long long)id;
	switch (entity) {
	case STORE_PROJECT: return store_fail(st, KO_NOTFOUND, _("no project with id %lld"), n);
	case STORE_MEETING: return store_fail(st, KO_NOTFOUND, _("no meeting with id %lld"), n);
	case STORE_ATTENDEE: return store_fail(st, KO_NOTFOUND, _("no attendee with id %lld"), n);
	case STORE_ITEM:
		return store_fail(st, KO_NOTFOUND, _("no %s with id %lld"), _("agenda item"), n);
	case STORE_DECISION: return store_fail(st, KO_NOTFOUND, _("no decision with id %lld"), n);
	case STORE_RISK: return store_fail(st, KO_NOTFOUND, _("no risk with id %lld"), n);
	case STORE_OUTPUT: return store_fail(st, KO_NOTFOUND, _("no %s with id %lld"), _("output"), n);
	case STORE_ACTION: return store_fail(st, KO_NOTFOUND, _("no action with id %lld"), n);
	case STORE_QUESTION: return store_fail(st, KO_NOTFOUND, _("no question with id %lld"), n);
	}
	return store_fail(st, KO_INVALID, "entity %d", (int)entity);
}

/* The numbered row's delete returns its meeting and place; the rows
 * after it move up one. */
static enum ko_err renumber_after(struct store *st, const struct deletion *d,
                                  struct store_stmt *s)
{
	const struct store_driver *drv = store_driver(st);
	int64_t meeting_id = col_int(s, 0), position = col_int(s, 1);
	if (drv->step(st, s, N_("delete")) == STEP_ERROR)
		return store_error(st)->code;
	enum store_sql shift[] = { d->lift, d->lower };
	for (int i = 0; i < 2; i++) {
		struct store_stmt *u = sql_prepare(st, shift[i]);
		if (!u)
			return store_error(st)->code;
		sql_int(u, 1, meeting_id);
		if (i == 0)
			sql_int(u, 2, position);
		if (drv->step(st, u, N_("renumber")) == STEP_ERROR)
			return store_error(st)->code;
	}
	return KO_OK;
}

enum ko_err store_delete(struct store *st, enum store_entity entity, int64_t id)
{
	if ((unsigned)entity >= sizeof deletions / sizeof *deletions)
		return store_fail(st, KO_INVALID, "entity %d", (int)entity);
	const struct deletion *d = &deletions[entity];
	const struct store_driver *drv = store_driver(st);
	/* A meeting's change names the meeting; the others are named after
	 * the first row they touch. */
	enum ko_err rc = drv->begin(st, entity == STORE_MEETING ? id : 0, d->summary);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, d->sql);
	if (!s)
		return drv->end(st, store_error(st)->code);
	sql_int(s, 1, id);
	enum store_step r = drv->step(st, s, d->summary);
	if (r == STEP_ERROR)
		rc = store_error(st)->code;
	else if (d->numbered)
		rc = r == STEP_ROW ? renumber_after(st, d, s) : not_found(st, entity, id);
	else if (drv->changes(st) == 0)
		rc = not_found(st, entity, id);
	return drv->end(st, rc);
}

/* The per-entity names of store_delete, for their many callers. */
#define DELETE_AS(name, entity) \
	enum ko_err store_##name##_delete(struct store *st, int64_t id) \
	{ \
		return store_delete(st, entity, id); \
	}
DELETE_AS(project, STORE_PROJECT)
DELETE_AS(meeting, STORE_MEETING)
DELETE_AS(attendee, STORE_ATTENDEE)
DELETE_AS(item, STORE_ITEM)
DELETE_AS(decision, STORE_DECISION)
DELETE_AS(risk, STORE_RISK)
DELETE_AS(output, STORE_OUTPUT)
DELETE_AS(action, STORE_ACTION)
