/* import.c - writing a parsed export (kickoff import) as one transaction.
 *
 * The ids of the file are kept when none of them is taken in this
 * database, so that an export imported into an empty database exports to
 * the same bytes; otherwise every row gets a new id and the links
 * (decision -> item, risk -> item, action -> decision) follow. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static const char project_id_sql[] = "SELECT 1 FROM project WHERE id = ?1";
static const char meeting_id_sql[] = "SELECT 1 FROM meeting WHERE id = ?1";
static const char attendee_id_sql[] = "SELECT 1 FROM attendee WHERE id = ?1";
static const char item_id_sql[] = "SELECT 1 FROM item WHERE id = ?1";
static const char decision_id_sql[] = "SELECT 1 FROM decision WHERE id = ?1";
static const char risk_id_sql[] = "SELECT 1 FROM risk WHERE id = ?1";
static const char output_id_sql[] = "SELECT 1 FROM output WHERE id = ?1";
static const char action_id_sql[] = "SELECT 1 FROM action WHERE id = ?1";

static enum ko_err any_taken(struct store *st, const struct project *p,
                             const struct minutes *ms, size_t n, bool *taken)
{
	*taken = false;
	enum ko_err rc = id_taken(st, project_id_sql, p->id, taken);
	for (size_t m = 0; m < n && rc == KO_OK && !*taken; m++) {
		const struct minutes *mi = &ms[m];
		rc = id_taken(st, meeting_id_sql, mi->meeting.id, taken);
#define EACH(vec, sql) \
		for (size_t i = 0; i < mi->vec.n && rc == KO_OK && !*taken; i++) \
			rc = id_taken(st, sql, mi->vec.v[i].id, taken);
		EACH(attendees, attendee_id_sql)
		EACH(items, item_id_sql)
		EACH(decisions, decision_id_sql)
		EACH(risks, risk_id_sql)
		EACH(outputs, output_id_sql)
		EACH(actions, action_id_sql)
#undef EACH
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

static enum ko_err import_meeting(struct store *st, int64_t project_id, bool keep,
                                  const struct minutes *mi)
{
	static const char meeting_sql[] =
		"INSERT INTO meeting(id, project_id, kind, title, starts_at, place, host, purpose,"
		" status, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	static const char attendee_sql[] =
		"INSERT INTO attendee(id, meeting_id, name, role, organisation, invited, present,"
		" version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char item_sql[] =
		"INSERT INTO item(id, meeting_id, position, title, note, checked_at, checked_by,"
		" version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char decision_sql[] =
		"INSERT INTO decision(id, meeting_id, item_id, text, decided_by, decided_at, version)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	static const char risk_sql[] =
		"INSERT INTO risk(id, meeting_id, item_id, text, likelihood, impact, mitigation,"
		" owner, status, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	static const char output_sql[] =
		"INSERT INTO output(id, meeting_id, position, name, owner, status, link, version)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	static const char action_sql[] =
		"INSERT INTO action(id, meeting_id, decision_id, text, owner, due, status,"
		" created_at, done_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

	const struct meeting *m = &mi->meeting;
	sqlite3_stmt *s = stmt(st, meeting_sql);
	if (!s)
		return st->err.code;
	bind_id(s, 1, keep, m->id);
	sqlite3_bind_int64(s, 2, project_id);
	bind_text(s, 3, kind_name(m->kind));
	bind_text(s, 4, m->title);
	bind_text_or_null(s, 5, m->starts_at);
	bind_text(s, 6, m->place);
	bind_text(s, 7, m->host);
	bind_text(s, 8, m->purpose);
	bind_text(s, 9, meeting_status_name(m->status));
	sqlite3_bind_int64(s, 10, m->version);
	int64_t meeting_id = 0;
	enum ko_err rc = insert(st, s, &meeting_id);

	for (size_t i = 0; i < mi->attendees.n && rc == KO_OK; i++) {
		const struct attendee *a = &mi->attendees.v[i];
		if (!(s = stmt(st, attendee_sql)))
			return st->err.code;
		bind_id(s, 1, keep, a->id);
		sqlite3_bind_int64(s, 2, meeting_id);
		bind_text(s, 3, a->name);
		bind_text(s, 4, a->role);
		bind_text(s, 5, a->organisation);
		sqlite3_bind_int(s, 6, a->invited != 0);
		sqlite3_bind_int(s, 7, a->present != 0);
		sqlite3_bind_int64(s, 8, a->version);
		rc = insert(st, s, NULL);
	}

	/* New ids of the items, by position - 1. */
	int64_t *item_ids = calloc(mi->items.n + 1, sizeof *item_ids);
	int64_t *decision_ids = calloc(mi->decisions.n + 1, sizeof *decision_ids);
	if (!item_ids || !decision_ids)
		rc = store_fail(st, KO_NOMEM, _("out of memory"));
	for (size_t i = 0; i < mi->items.n && rc == KO_OK; i++) {
		const struct item *it = &mi->items.v[i];
		if (!(s = stmt(st, item_sql))) {
			rc = st->err.code;
			break;
		}
		bind_id(s, 1, keep, it->id);
		sqlite3_bind_int64(s, 2, meeting_id);
		sqlite3_bind_int(s, 3, it->position);
		bind_text(s, 4, it->title);
		bind_text(s, 5, it->note);
		bind_text_or_null(s, 6, it->checked_at);
		bind_text_or_null(s, 7, it->checked_by);
		sqlite3_bind_int64(s, 8, it->version);
		rc = insert(st, s, &item_ids[i]);
	}
#define ITEM_ID(pos) ((pos) > 0 && (size_t)(pos) <= mi->items.n ? item_ids[(pos) - 1] : 0)
	for (size_t i = 0; i < mi->decisions.n && rc == KO_OK; i++) {
		const struct decision *d = &mi->decisions.v[i];
		if (!(s = stmt(st, decision_sql))) {
			rc = st->err.code;
			break;
		}
		bind_id(s, 1, keep, d->id);
		sqlite3_bind_int64(s, 2, meeting_id);
		if (ITEM_ID(d->item_position))
			sqlite3_bind_int64(s, 3, ITEM_ID(d->item_position));
		bind_text(s, 4, d->text);
		bind_text(s, 5, d->decided_by);
		bind_text(s, 6, d->decided_at);
		sqlite3_bind_int64(s, 7, d->version);
		rc = insert(st, s, &decision_ids[i]);
	}
	for (size_t i = 0; i < mi->risks.n && rc == KO_OK; i++) {
		const struct risk *r = &mi->risks.v[i];
		if (!(s = stmt(st, risk_sql))) {
			rc = st->err.code;
			break;
		}
		bind_id(s, 1, keep, r->id);
		sqlite3_bind_int64(s, 2, meeting_id);
		if (ITEM_ID(r->item_position))
			sqlite3_bind_int64(s, 3, ITEM_ID(r->item_position));
		bind_text(s, 4, r->text);
		bind_text(s, 5, level_name(r->likelihood));
		bind_text(s, 6, level_name(r->impact));
		bind_text(s, 7, r->mitigation);
		bind_text(s, 8, r->owner);
		bind_text(s, 9, risk_status_name(r->status));
		sqlite3_bind_int64(s, 10, r->version);
		rc = insert(st, s, NULL);
	}
#undef ITEM_ID
	for (size_t i = 0; i < mi->outputs.n && rc == KO_OK; i++) {
		const struct output *o = &mi->outputs.v[i];
		if (!(s = stmt(st, output_sql))) {
			rc = st->err.code;
			break;
		}
		bind_id(s, 1, keep, o->id);
		sqlite3_bind_int64(s, 2, meeting_id);
		sqlite3_bind_int(s, 3, o->position);
		bind_text(s, 4, o->name);
		bind_text(s, 5, o->owner);
		bind_text(s, 6, output_status_name(o->status));
		bind_text(s, 7, o->link);
		sqlite3_bind_int64(s, 8, o->version);
		rc = insert(st, s, NULL);
	}
	for (size_t i = 0; i < mi->actions.n && rc == KO_OK; i++) {
		const struct action *a = &mi->actions.v[i];
		if (!(s = stmt(st, action_sql))) {
			rc = st->err.code;
			break;
		}
		int64_t dec = 0;
		for (size_t k = 0; k < mi->decisions.n && a->decision_id; k++)
			if (mi->decisions.v[k].id == a->decision_id)
				dec = decision_ids[k];
		bind_id(s, 1, keep, a->id);
		sqlite3_bind_int64(s, 2, meeting_id);
		if (dec)
			sqlite3_bind_int64(s, 3, dec);
		bind_text(s, 4, a->text);
		bind_text(s, 5, a->owner);
		bind_text_or_null(s, 6, a->due);
		bind_text(s, 7, action_status_name(a->status));
		bind_text(s, 8, a->created_at);
		bind_text_or_null(s, 9, a->done_at);
		sqlite3_bind_int64(s, 10, a->version);
		rc = insert(st, s, NULL);
	}
	free(item_ids);
	free(decision_ids);
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
	static const char sql[] =
		"INSERT INTO project(id, name, customer, code, lang, template, created_at, version)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return tx_end(st, st->err.code);
	bind_id(s, 1, keep, p->id);
	bind_text(s, 2, p->name);
	bind_text(s, 3, p->customer);
	bind_text(s, 4, p->code);
	bind_text(s, 5, p->lang);
	bind_text(s, 6, p->template_name);
	bind_text(s, 7, p->created_at);
	sqlite3_bind_int64(s, 8, p->version);
	int64_t pid = 0;
	rc = insert(st, s, &pid);
	if (rc == KO_EXISTS)
		rc = store_fail(st, KO_EXISTS, _("a project named '%s' already exists"), p->name);
	for (size_t m = 0; m < n && rc == KO_OK; m++)
		rc = import_meeting(st, pid, keep, &meetings[m]);
	rc = tx_end(st, rc);
	if (rc == KO_OK && project_id)
		*project_id = pid;
	return rc;
}
