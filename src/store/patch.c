/* patch.c - partial edits: the fields a person changed, written over the
 * row as it is inside the write transaction.
 *
 * Reading a row, changing some fields and writing it all back loses what
 * another session wrote in between, or, with a version check, refuses
 * an edit that never touched the fields the other one changed.  Here the
 * row is read after BEGIN IMMEDIATE, so nobody can write between the read
 * and the write, and only the fields given are set: edits of different
 * fields never meet.  One table per entity says how to read and write
 * its fields; the code is the same for all of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/datetime.h"
#include "kickoff/entity.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

enum patch_kind {
	PK_TEXT,        /* stored as given */
	PK_DATETIME,    /* "YYYY-MM-DD HH:MM", "" stored as NULL */
	PK_DATE,        /* "YYYY-MM-DD", "" stored as NULL */
	PK_CHOICE,      /* one of the names parse accepts */
	PK_ITEM,        /* an agenda item's number in the row's meeting, "" none */
	PK_DECISION,    /* a decision's id in the row's meeting, "" none */
	PK_COUNT,       /* digits up to the description's max_count, "" for 0 */
};

/* How the store reads and writes one field; its maximum length and
 * whether it is required are the entity description's (entity.h), found
 * by the field's name. */
struct patch_field {
	const char *name;           /* the description's field */
	const char *label;          /* N_(): names the field in errors */
	enum patch_kind kind;
	int (*parse)(const char *); /* PK_CHOICE: the value's number, or -1 */
};

struct patch_entity {
	const struct entity_desc *desc;
	/* ?1 the id; the row's meeting (0 for none), then each field as
	 * text in field order. */
	const char *read_sql;
	/* ?1 the mask of fields to write, ?2 the id, ?3 the time now;
	 * field i is ?(4 + i), each written only when its bit is set. */
	const char *write_sql;
	const char *summary;        /* N_(): the change log's line */
	const char *noun;           /* N_(): what the row is, for "no such row" */
	/* Rules beyond one field's kind (may be NULL). */
	enum ko_err (*check)(struct store *st, const struct store_patch *p);
	/* The message for a UNIQUE field taken by another row (may be NULL). */
	enum ko_err (*taken)(struct store *st, const struct store_patch *p);
	int nfields;
	struct patch_field f[STORE_PATCH_FIELDS];
	/* Inside the write transaction, before the write: rules that read
	 * other rows (a project name that reads as another's). */
	enum ko_err (*before_write)(struct store *st, int64_t id, const struct store_patch *p);
	/* Inside the write transaction, after the write: what follows from
	 * it in other rows. */
	enum ko_err (*after_write)(struct store *st, int64_t id, const struct store_patch *p);
};

/* The schema holds an answered question to having an answer; say so in
 * words when the edit itself leaves it without one. */
static enum ko_err question_check(struct store *st, const struct store_patch *p)
{
	const char *status = p->value[FIELD_QUESTION_STATUS], *answer = p->value[FIELD_QUESTION_ANSWER];
	if ((p->mask & 1u << FIELD_QUESTION_STATUS) && status && strcmp(status, "answered") == 0 &&
	    (p->mask & 1u << FIELD_QUESTION_ANSWER) && (!answer || !*answer))
		return store_fail(st, KO_INVALID, "%s", _("an answered question needs its answer"));
	if ((p->mask & 1u << FIELD_QUESTION_STATUS) && status && strcmp(status, "moved") == 0)
		return store_fail(st, KO_INVALID, "%s", _("a question is moved with its move (question "
		                                          "move, or T on the screen), which makes the "
		                                          "TKO's copy"));
	return KO_OK;
}

#define SET(col, bit, param) col " = CASE WHEN ?1 & " #bit " THEN ?" #param " ELSE " col " END, "

/* "P/ko" names a meeting on the command line, so a name with '/' could
 * never be addressed. */
static enum ko_err project_check(struct store *st, const struct store_patch *p)
{
	const char *name = p->value[FIELD_PROJECT_NAME];
	if ((p->mask & 1u << FIELD_PROJECT_NAME) && strchr(name, '/'))
		return store_fail(st, KO_INVALID, _("project name '%s' contains '/'"), name);
	return KO_OK;
}

static enum ko_err project_name_unique(struct store *st, int64_t id, const struct store_patch *p)
{
	if (!(p->mask & 1u << FIELD_PROJECT_NAME))
		return KO_OK;
	return project_name_free(st, p->value[FIELD_PROJECT_NAME], id);
}

static enum ko_err project_taken(struct store *st, const struct store_patch *p)
{
	return store_fail(st, KO_EXISTS, _("a project named '%s' already exists"),
	                  p->value[FIELD_PROJECT_NAME]);
}

static enum ko_err attendee_check(struct store *st, const struct store_patch *p)
{
	if (p->mask & 1u << FIELD_ATTENDEE_EMAIL)
		return store_check_email(st, p->value[FIELD_ATTENDEE_EMAIL]);
	return KO_OK;
}

/* A new host joins the attendees, as the host of a new meeting does. */
static enum ko_err meeting_host_joins(struct store *st, int64_t id, const struct store_patch *p)
{
	if (!(p->mask & 1u << FIELD_MEETING_HOST))
		return KO_OK;
	return meeting_host_attendee(st, id);
}

static const struct patch_entity entities[] = {
	[STORE_PROJECT] = {
		.desc = &entity_project,
		"SELECT 0, name, customer, code FROM project WHERE id = ?1",
		"UPDATE project SET " SET("name", 1, 4) SET("customer", 2, 5) SET("code", 4, 6)
		" version = version + 1 WHERE id = ?2",
		N_("edit project"), N_("project"), project_check, project_taken,
		3, {
			{ "name", N_("project name"), PK_TEXT, NULL },
			{ "customer", N_("customer"), PK_TEXT, NULL },
			{ "code", N_("project code"), PK_TEXT, NULL },
		},
		.before_write = project_name_unique,
	},
	[STORE_MEETING] = {
		.desc = &entity_meeting,
		"SELECT id, title, coalesce(starts_at, ''), place, host, purpose, status"
		" FROM meeting WHERE id = ?1",
		"UPDATE meeting SET " SET("title", 1, 4) SET("starts_at", 2, 5) SET("place", 4, 6)
		SET("host", 8, 7) SET("purpose", 16, 8) SET("status", 32, 9)
		" version = version + 1 WHERE id = ?2",
		N_("edit meeting"), N_("meeting"), NULL, NULL,
		6, {
			{ "title", N_("title"), PK_TEXT, NULL },
			{ "starts_at", N_("date and time"), PK_DATETIME, NULL },
			{ "place", N_("place"), PK_TEXT, NULL },
			{ "host", N_("host"), PK_TEXT, NULL },
			{ "purpose", N_("purpose"), PK_TEXT, NULL },
			{ "status", N_("status"), PK_CHOICE, meeting_status_parse },
		},
		.after_write = meeting_host_joins,
	},
	[STORE_ATTENDEE] = {
		.desc = &entity_attendee,
		"SELECT meeting_id, name, role, organisation, coalesce(email, ''), status FROM attendee"
		" WHERE id = ?1",
		/* No address is NULL. */
		"UPDATE attendee SET " SET("name", 1, 4) SET("role", 2, 5) SET("organisation", 4, 6)
		" email = CASE WHEN ?1 & 8 THEN nullif(?7, '') ELSE email END, "
		SET("status", 16, 8) " version = version + 1 WHERE id = ?2",
		N_("edit attendee"), N_("attendee"), attendee_check, NULL,
		5, {
			{ "name", N_("attendee name"), PK_TEXT, NULL },
			{ "role", N_("role"), PK_TEXT, NULL },
			{ "organisation", N_("organisation"), PK_TEXT, NULL },
			{ "email", N_("e-mail address"), PK_TEXT, NULL },
			{ "status", N_("status"), PK_CHOICE, attendee_status_parse },
		},
	},
	[STORE_ITEM] = {
		.desc = &entity_item,
		"SELECT meeting_id, title, note, planned_minutes, presenter FROM item WHERE id = ?1",
		"UPDATE item SET " SET("title", 1, 4) SET("note", 2, 5) SET("planned_minutes", 4, 6)
		SET("presenter", 8, 7) " version = version + 1 WHERE id = ?2",
		N_("edit item"), N_("agenda item"), NULL, NULL,
		4, {
			{ "title", N_("item title"), PK_TEXT, NULL },
			{ "note", N_("note"), PK_TEXT, NULL },
			{ "planned_minutes", N_("planned minutes"), PK_COUNT, NULL },
			{ "presenter", N_("presenter"), PK_TEXT, NULL },
		},
	},
	[STORE_DECISION] = {
		.desc = &entity_decision,
		"SELECT d.meeting_id, d.text, d.decided_by, coalesce(i.position, ''), d.state"
		" FROM decision d LEFT JOIN item i ON i.id = d.item_id WHERE d.id = ?1",
		/* agreed_at follows the state: set when it becomes agreed, kept
		 * while it stays agreed, cleared otherwise. */
		"UPDATE decision SET " SET("text", 1, 4) SET("decided_by", 2, 5) SET("item_id", 4, 6)
		" agreed_at = CASE WHEN ?1 & 8 THEN CASE WHEN ?7 = 'agreed' THEN coalesce(agreed_at, ?3)"
		" END ELSE agreed_at END, "
		SET("state", 8, 7) " version = version + 1 WHERE id = ?2",
		N_("edit decision"), N_("decision"), NULL, NULL,
		4, {
			{ "text", N_("decision text"), PK_TEXT, NULL },
			{ "decided_by", N_("decided by"), PK_TEXT, NULL },
			{ "item", N_("agenda item"), PK_ITEM, NULL },
			{ "state", N_("state"), PK_CHOICE, decision_state_parse },
		},
	},
	[STORE_RISK] = {
		.desc = &entity_risk,
		"SELECT r.meeting_id, r.text, r.likelihood, r.impact, r.mitigation, r.owner, r.status,"
		" coalesce(i.position, '') FROM risk r LEFT JOIN item i ON i.id = r.item_id"
		" WHERE r.id = ?1",
		"UPDATE risk SET " SET("text", 1, 4) SET("likelihood", 2, 5) SET("impact", 4, 6)
		SET("mitigation", 8, 7) SET("owner", 16, 8) SET("status", 32, 9) SET("item_id", 64, 10)
		" version = version + 1 WHERE id = ?2",
		N_("edit risk"), N_("risk"), NULL, NULL,
		7, {
			{ "text", N_("risk text"), PK_TEXT, NULL },
			{ "likelihood", N_("likelihood"), PK_CHOICE, level_parse },
			{ "impact", N_("impact"), PK_CHOICE, level_parse },
			{ "mitigation", N_("mitigation"), PK_TEXT, NULL },
			{ "owner", N_("owner"), PK_TEXT, NULL },
			{ "status", N_("status"), PK_CHOICE, risk_status_parse },
			{ "item", N_("agenda item"), PK_ITEM, NULL },
		},
	},
	[STORE_OUTPUT] = {
		.desc = &entity_output,
		"SELECT meeting_id, name, owner, status, link, coalesce(due, '') FROM output"
		" WHERE id = ?1",
		"UPDATE output SET " SET("name", 1, 4) SET("owner", 2, 5) SET("status", 4, 6)
		SET("link", 8, 7) SET("due", 16, 8) " version = version + 1 WHERE id = ?2",
		N_("edit output"), N_("output"), NULL, NULL,
		5, {
			{ "name", N_("output name"), PK_TEXT, NULL },
			{ "owner", N_("owner"), PK_TEXT, NULL },
			{ "status", N_("status"), PK_CHOICE, output_status_parse },
			{ "link", N_("link"), PK_TEXT, NULL },
			{ "due", N_("due date"), PK_DATE, NULL },
		},
	},
	[STORE_ACTION] = {
		.desc = &entity_action,
		"SELECT meeting_id, text, owner, coalesce(due, ''), status, coalesce(decision_id, '')"
		" FROM action WHERE id = ?1",
		/* done_at follows the status: set when it becomes done, kept
		 * while it stays done, cleared otherwise. */
		"UPDATE action SET " SET("text", 1, 4) SET("owner", 2, 5) SET("due", 4, 6)
		" done_at = CASE WHEN ?1 & 8 THEN CASE WHEN ?7 = 'done' THEN coalesce(done_at, ?3) END"
		" ELSE done_at END, "
		SET("status", 8, 7) SET("decision_id", 16, 8) " version = version + 1 WHERE id = ?2",
		N_("edit action"), N_("action"), NULL, NULL,
		5, {
			{ "text", N_("action text"), PK_TEXT, NULL },
			{ "owner", N_("owner"), PK_TEXT, NULL },
			{ "due", N_("due date"), PK_DATE, NULL },
			{ "status", N_("status"), PK_CHOICE, action_status_parse },
			{ "decision", N_("decision"), PK_DECISION, NULL },
		},
	},
	[STORE_QUESTION] = {
		.desc = &entity_question,
		"SELECT meeting_id, text, raised_by, owner, status, answer FROM question WHERE id = ?1",
		"UPDATE question SET " SET("text", 1, 4) SET("raised_by", 2, 5) SET("owner", 4, 6)
		SET("status", 8, 7) SET("answer", 16, 8) " version = version + 1 WHERE id = ?2",
		N_("edit question"), N_("question"), question_check, NULL,
		5, {
			{ "text", N_("question text"), PK_TEXT, NULL },
			{ "raised_by", N_("raised by"), PK_TEXT, NULL },
			{ "owner", N_("owner"), PK_TEXT, NULL },
			{ "status", N_("status"), PK_CHOICE, question_status_parse },
			{ "answer", N_("answer"), PK_TEXT, NULL },
		},
	},
};

/* A link's number: 0 for none ("" or "0"), -1 when not digits. */
static int64_t link_number(const char *s)
{
	if (!s || !*s)
		return 0;
	if (strlen(s) > 18 || s[strspn(s, "0123456789")] != '\0')
		return -1;
	return strtoll(s, NULL, 10);
}

static bool is_link(enum patch_kind k)
{
	return k == PK_ITEM || k == PK_DECISION;
}

/* Text is stored without its blank ends (bind_typed), so "note " is the
 * note "note" already there: no change to write or log. */
static bool same_value(const struct patch_field *f, const char *a, const char *b)
{
	if (is_link(f->kind) || f->kind == PK_COUNT)
		return link_number(a) == link_number(b);
	a = a ? a : "";
	b = b ? b : "";
	if (f->kind != PK_TEXT)
		return strcmp(a, b) == 0;
	size_t as, bs, an = text_trim(a, strlen(a), &as), bn = text_trim(b, strlen(b), &bs);
	return an == bn && memcmp(a + as, b + bs, an) == 0;
}

static enum ko_err check_value(struct store *st, const struct patch_entity *en,
                               const struct patch_field *f, const char *v)
{
	const struct field_desc *d = entity_field(en->desc, f->name);
	switch (f->kind) {
	case PK_TEXT:
		return check_text(st, f->label, v, d ? d->max_bytes : TEXT_MAX_BYTES,
		                  d && (d->flags & FIELD_REQUIRED));
	case PK_DATETIME:
		if (*v && !datetime_valid(v))
			return store_fail(st, KO_INVALID,
			                  _("invalid date and time '%s' (want YYYY-MM-DD HH:MM)"), v);
		return KO_OK;
	case PK_DATE:
		if (*v && !date_valid(v))
			return store_fail(st, KO_INVALID, _("invalid due date '%s' (want YYYY-MM-DD)"), v);
		return KO_OK;
	case PK_CHOICE:
		if (f->parse(v) < 0)
			return store_fail(st, KO_INVALID, _("invalid %s '%s'"), _(f->label), v);
		return KO_OK;
	case PK_COUNT:
		if (link_number(v) < 0 || (d && link_number(v) > d->max_count))
			return store_fail(st, KO_INVALID, _("invalid %s '%s' (want a number from 0 to %lld)"),
			                  _(f->label), v, (long long)(d ? d->max_count : 0));
		return KO_OK;
	case PK_ITEM: case PK_DECISION:
		if (link_number(v) < 0)
			return store_fail(st, KO_INVALID, _("invalid %s '%s' (want a number)"),
			                  _(f->label), v);
		return KO_OK;
	}
	return KO_OK;
}

static enum ko_err check_values(struct store *st, const struct patch_entity *en,
                                struct store_patch *p)
{
	for (int i = 0; i < en->nfields; i++) {
		if (!(p->mask & 1u << i))
			continue;
		if (!p->value[i])
			p->value[i] = "";
		enum ko_err rc = check_value(st, en, &en->f[i], p->value[i]);
		if (rc != KO_OK)
			return rc;
	}
	return en->check ? en->check(st, p) : KO_OK;
}

/* The row as stored now: its meeting and each field's text. */
static enum ko_err read_row(struct store *st, const struct patch_entity *en, int64_t id,
                            int64_t *meeting_id, char **cur)
{
	sqlite3_stmt *s = stmt(st, en->read_sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*meeting_id = sqlite3_column_int64(s, 0);
		for (int i = 0; i < en->nfields; i++)
			cur[i] = col_text(s, i + 1);
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return store_fail(st, KO_NOTFOUND, _("no %s with id %lld"), _(en->noun), (long long)id);
	if (rc != SQLITE_ROW)
		return sql_fail(st, rc, N_("read"));
	for (int i = 0; i < en->nfields; i++)
		if (!cur[i])
			return store_fail(st, KO_NOMEM, _("out of memory"));
	return KO_OK;
}

/* A link as the id the row stores: an item's number becomes its id. */
static enum ko_err link_id(struct store *st, const struct patch_field *f, int64_t meeting_id,
                           const char *v, int64_t *out)
{
	int64_t n = link_number(v);
	*out = 0;
	if (f->kind == PK_ITEM) {
		if (n > 100000)
			return store_fail(st, KO_NOTFOUND, _("the meeting has no agenda item %lld"),
			                  (long long)n);
		return item_id_at(st, meeting_id, (int)n, out);
	}
	static const char sql[] = "SELECT 1 FROM decision WHERE id = ?1 AND meeting_id = ?2";
	bool found;
	enum ko_err rc = row_in_meeting(st, sql, n, meeting_id, &found);
	if (rc == KO_OK && !found)
		rc = store_fail(st, KO_NOTFOUND, _("the meeting has no decision with id %lld"),
		                (long long)n);
	*out = n;
	return rc;
}

static enum ko_err write_row(struct store *st, const struct patch_entity *en, int64_t id,
                             int64_t meeting_id, const struct store_patch *p)
{
	int64_t links[STORE_PATCH_FIELDS] = { 0 };
	if (en->before_write) {
		enum ko_err rc = en->before_write(st, id, p);
		if (rc != KO_OK)
			return rc;
	}
	for (int i = 0; i < en->nfields; i++) {
		if (!(p->mask & 1u << i) || !is_link(en->f[i].kind))
			continue;
		enum ko_err rc = link_id(st, &en->f[i], meeting_id, p->value[i], &links[i]);
		if (rc != KO_OK)
			return rc;
	}
	sqlite3_stmt *s = stmt(st, en->write_sql);
	if (!s)
		return st->err.code;
	char now[21];
	clock_stamp(now);
	sqlite3_bind_int64(s, 1, p->mask);
	sqlite3_bind_int64(s, 2, id);
	bind_text(s, 3, now);
	for (int i = 0; i < en->nfields; i++) {
		if (!(p->mask & 1u << i))
			continue;
		if (is_link(en->f[i].kind)) {
			if (links[i])
				sqlite3_bind_int64(s, 4 + i, links[i]);
		} else if (en->f[i].kind == PK_COUNT) {
			sqlite3_bind_int64(s, 4 + i, link_number(p->value[i]));
		} else if (en->f[i].kind == PK_DATE || en->f[i].kind == PK_DATETIME) {
			bind_text_or_null(s, 4 + i, p->value[i]);
		} else {
			bind_typed(s, 4 + i, p->value[i]);   /* saved without blank ends */
		}
	}
	enum ko_err rc = step_done(st, s, en->summary);
	if (rc == KO_EXISTS && en->taken)
		rc = en->taken(st, p);
	if (rc == KO_OK && en->after_write)
		rc = en->after_write(st, id, p);
	return rc;
}

enum ko_err store_patch(struct store *st, enum store_entity entity, int64_t id,
                        struct store_patch *p)
{
	p->clash = p->kept = 0;
	if ((unsigned)entity >= sizeof entities / sizeof entities[0])
		return store_fail(st, KO_INVALID, "%s", _("unknown kind of row"));
	const struct patch_entity *en = &entities[entity];
	p->mask &= (1u << en->nfields) - 1;
	enum ko_err rc = check_values(st, en, p);
	/* Nothing given: nothing to write, and no empty edit in the log. */
	if (rc != KO_OK || !p->mask)
		return rc;
	rc = tx_begin(st, 0, en->summary);
	if (rc != KO_OK)
		return rc;
	char *cur[STORE_PATCH_FIELDS] = { 0 };
	int64_t meeting_id = 0;
	rc = read_row(st, en, id, &meeting_id, cur);
	int first_clash = -1;
	for (int i = 0; rc == KO_OK && i < en->nfields; i++) {
		if (!p->base[i] || same_value(&en->f[i], cur[i], p->base[i]))
			continue;
		if (!(p->mask & 1u << i))
			p->kept |= 1u << i;
		else if (!same_value(&en->f[i], cur[i], p->value[i])) {
			p->clash |= 1u << i;
			if (first_clash < 0)
				first_clash = i;
		}
	}
	if (rc == KO_OK && first_clash >= 0)
		rc = store_fail(st, KO_CONFLICT, _("the %s was changed by someone else meanwhile"),
		                _(en->f[first_clash].label));
	/* A field given the value it has is no change: an edit of nothing
	 * is neither written nor logged (in the log it would stand in the
	 * way of the undo of whoever set the value). */
	for (int i = 0; rc == KO_OK && i < en->nfields; i++)
		if ((p->mask & 1u << i) && same_value(&en->f[i], cur[i], p->value[i]))
			p->mask &= ~(1u << i);
	bool nothing = rc == KO_OK && !p->mask;
	if (rc == KO_OK && !nothing)
		rc = write_row(st, en, id, meeting_id, p);
	for (int i = 0; i < en->nfields; i++)
		free(cur[i]);
	if (rc != KO_OK)
		p->kept = 0;
	if (nothing) {
		tx_end(st, KO_NOTFOUND);    /* rolls back the change opened */
		return KO_OK;
	}
	return tx_end(st, rc);
}

int store_patch_field(enum store_entity entity, const char *name)
{
	if ((unsigned)entity >= sizeof entities / sizeof entities[0] || !name)
		return -1;
	const struct patch_entity *en = &entities[entity];
	for (int i = 0; i < en->nfields; i++)
		if (strcmp(en->f[i].name, name) == 0)
			return i;
	return -1;
}
