/* meeting.c - KO and TKO meetings, their creation from a template, and
 * progress per phase. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"
#include "kickoff/template.h"

/* Columns: id, project_id, kind, title, starts_at, place, host,
 * purpose, status, version, the project's name and language. */
static void read_meeting(struct store_stmt *s, void *out)
{
	struct meeting *m = out;
	memset(m, 0, sizeof *m);
	m->id = col_int(s, 0);
	m->project_id = col_int(s, 1);
	char *kind = col_str(s, 2);
	m->kind = kind_parse(kind) == KIND_TKO ? KIND_TKO : KIND_KO;
	free(kind);
	m->title = col_str(s, 3);
	m->starts_at = col_str(s, 4);
	m->place = col_str(s, 5);
	m->host = col_str(s, 6);
	m->purpose = col_str(s, 7);
	char *status_name = col_str(s, 8);
	int status = meeting_status_parse(status_name);
	free(status_name);
	m->status = status < 0 ? MSTATUS_PLANNED : (enum meeting_status)status;
	m->version = col_int(s, 9);
	m->project_name = col_str(s, 10);
	m->lang = col_str(s, 11);
}

static void free_meetings(void *v) { vec_meeting_free(v); }

static const char *default_title(enum meeting_kind kind, const char *lang)
{
	bool zh = strcmp(lang, "zh") == 0;
	if (kind == KIND_KO)
		return zh ? "启动会" : "Kick-off";
	return zh ? "技术启动会" : "Technical Kick-off";
}

/* The agenda a new meeting of this project gets. */
static enum ko_err project_agenda(struct store *st, const struct project *p,
                                  enum meeting_kind kind, struct agenda *a)
{
	if (strcmp(p->template_name, TEMPLATE_BUILTIN) == 0)
		return template_builtin(kind, p->lang, a);
	static const char sql[] = "SELECT body FROM template WHERE name = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_text(s, 1, p->template_name);
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return rc == SQLITE_DONE
			? store_fail(st, KO_NOTFOUND, _("template '%s' of project '%s' is gone"),
			             p->template_name, p->name)
			: sql_fail(st, rc, N_("read template"));
	}
	char *body = col_text(s, 0);
	sqlite3_reset(s);
	enum ko_err e = template_from_json(body, kind, p->lang, a, &st->err);
	free(body);
	return e;
}

enum ko_err store_meeting_template(struct store *st, int64_t meeting_id, struct agenda *out)
{
	memset(out, 0, sizeof *out);
	struct meeting m;
	enum ko_err rc = store_meeting_get(st, meeting_id, &m);
	if (rc != KO_OK)
		return rc;
	struct project p;
	rc = store_project_get(st, m.project_id, &p);
	if (rc == KO_OK) {
		rc = project_agenda(st, &p, m.kind, out);
		project_free(&p);
	}
	meeting_free(&m);
	return rc;
}

static enum ko_err insert_agenda(struct store *st, int64_t meeting_id,
                                 const struct agenda *a)
{
	static const char item_sql[] =
		"INSERT INTO item(meeting_id, position, title, planned_minutes) VALUES (?1, ?2, ?3, ?4)";
	static const char output_sql[] =
		"INSERT INTO output(meeting_id, position, name) VALUES (?1, ?2, ?3)";
	for (size_t i = 0; i < a->n_items + a->n_outputs; i++) {
		bool is_item = i < a->n_items;
		sqlite3_stmt *s = stmt(st, is_item ? item_sql : output_sql);
		if (!s)
			return st->err.code;
		size_t pos = is_item ? i : i - a->n_items;
		sqlite3_bind_int64(s, 1, meeting_id);
		sqlite3_bind_int(s, 2, (int)pos + 1);
		bind_text(s, 3, is_item ? a->items[pos] : a->outputs[pos]);
		if (is_item)
			sqlite3_bind_int(s, 4, a->item_minutes ? a->item_minutes[pos] : 0);
		enum ko_err rc = step_done(st, s, N_("add agenda"));
		if (rc != KO_OK)
			return rc;
	}
	return KO_OK;
}

enum ko_err store_ko_status(struct store *st, int64_t project_id, int *out)
{
	struct store_stmt *s = sql_prepare(st, SQL_KO_STATUS);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, project_id);
	enum store_step r = s->drv->step(st, s, N_("read KO status"));
	if (r == STEP_ERROR)
		return store_error(st)->code;
	*out = -1;
	if (r == STEP_ROW) {
		char *status = col_str(s, 0);
		*out = meeting_status_parse(status);
		free(status);
		s->drv->reset(s);
	}
	return KO_OK;
}

enum ko_err meeting_host_attendee(struct store *st, int64_t meeting_id)
{
	/* The same words as the migration that gave older meetings theirs;
	 * the role in the project's language (host_role). */
	static const char sql[] =
		"INSERT INTO attendee(meeting_id, name, role) SELECT m.id, m.host,"
		" CASE WHEN p.lang = 'zh' THEN ?2 ELSE ?3 END FROM meeting m"
		" JOIN project p ON p.id = m.project_id"
		" WHERE m.id = ?1 AND m.host <> '' AND NOT EXISTS (SELECT 1 FROM attendee a"
		" WHERE a.meeting_id = m.id AND a.name = m.host)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	bind_text(s, 2, host_role("zh"));
	bind_text(s, 3, host_role("en"));
	return step_done(st, s, N_("add host"));
}

/* The KO's attendees named by id, invited to the new meeting: who they
 * are, not whether they came. */
static enum ko_err invite_from_ko(struct store *st, int64_t project_id, int64_t meeting_id,
                                  const int64_t *ids, size_t n)
{
	static const char sql[] =
		"INSERT INTO attendee(meeting_id, name, role, organisation, email)"
		" SELECT ?1, name, role, organisation, email FROM attendee WHERE id = ?2"
		" AND meeting_id = (SELECT id FROM meeting WHERE project_id = ?3 AND kind = 'ko')";
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = stmt(st, sql);
		if (!s)
			return st->err.code;
		sqlite3_bind_int64(s, 1, meeting_id);
		sqlite3_bind_int64(s, 2, ids[i]);
		sqlite3_bind_int64(s, 3, project_id);
		enum ko_err rc = step_done(st, s, N_("invite attendee"));
		if (rc != KO_OK)
			return rc;
		if (sqlite3_changes(st->db) == 0)
			return store_fail(st, KO_NOTFOUND, _("the project's KO has no attendee with id %lld"),
			                  (long long)ids[i]);
	}
	return KO_OK;
}

enum ko_err store_meeting_add(struct store *st, int64_t project_id,
                              enum meeting_kind kind, const char *starts_at,
                              const char *host, int64_t *id_out, bool *warn)
{
	return store_meeting_add_invited(st, project_id, kind, starts_at, host, NULL, 0, id_out,
	                                 warn);
}

enum ko_err store_meeting_add_invited(struct store *st, int64_t project_id,
                                      enum meeting_kind kind, const char *starts_at,
                                      const char *host, const int64_t *invite, size_t n_invite,
                                      int64_t *id_out, bool *warn)
{
	if (starts_at && *starts_at && !datetime_valid(starts_at))
		return store_fail(st, KO_INVALID,
		                  _("invalid date and time '%s' (want YYYY-MM-DD HH:MM)"), starts_at);
	enum ko_err rc = check_text(st, N_("host"), host, NAME_MAX_BYTES, false);
	if (rc != KO_OK)
		return rc;
	struct project p;
	rc = store_project_get(st, project_id, &p);
	if (rc != KO_OK)
		return rc;
	struct agenda a;
	rc = project_agenda(st, &p, kind, &a);
	if (rc != KO_OK) {
		project_free(&p);
		return rc;
	}

	rc = tx_begin(st, 0, kind == KIND_KO ? N_("add KO meeting") : N_("add TKO meeting"));
	if (rc != KO_OK)
		goto out;
	static const char sql[] =
		"INSERT INTO meeting(project_id, kind, title, starts_at, host) VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s) {
		rc = tx_end(st, st->err.code);
		goto out;
	}
	sqlite3_bind_int64(s, 1, project_id);
	bind_text(s, 2, kind_name(kind));
	bind_text(s, 3, default_title(kind, p.lang));
	bind_text_or_null(s, 4, starts_at);
	bind_typed(s, 5, host ? host : "");
	rc = step_done(st, s, N_("add meeting"));
	if (rc == KO_EXISTS)
		rc = store_fail(st, KO_EXISTS, _("project '%s' already has a %s meeting"),
		                p.name, kind == KIND_KO ? "KO" : "TKO");
	int64_t id = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_OK)
		rc = insert_agenda(st, id, &a);
	/* The invited first: a host among them keeps the row they bring. */
	if (rc == KO_OK)
		rc = invite_from_ko(st, project_id, id, invite, n_invite);
	if (rc == KO_OK)
		rc = meeting_host_attendee(st, id);
	int ko = -1;
	if (rc == KO_OK && kind == KIND_TKO)
		rc = store_ko_status(st, project_id, &ko);
	rc = tx_end(st, rc);
	if (rc == KO_OK) {
		if (id_out)
			*id_out = id;
		if (warn)
			*warn = kind == KIND_TKO && tko_needs_warning(ko);
	}
out:
	agenda_free(&a);
	project_free(&p);
	return rc;
}

enum ko_err store_meeting_get(struct store *st, int64_t id, struct meeting *out)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("no meeting with id %lld"), (long long)id);
	return sql_get(st, SQL_MEETING_GET, id, out, read_meeting, msg);
}

enum ko_err store_meeting_find(struct store *st, const char *spec, struct meeting *out)
{
	const char *slash = spec ? strrchr(spec, '/') : NULL;
	if (!slash) {
		int64_t id = 0;
		int kind = id_parse(spec, &id);
		if (kind < 0)
			return store_fail(st, KO_INVALID, _("invalid meeting id '%s' (too large)"), spec);
		if (kind == 0 || id <= 0)
			return store_fail(st, KO_NOTFOUND,
			                  _("no meeting '%s' (want PROJECT/ko, PROJECT/tko or an id)"),
			                  spec ? spec : "");
		return store_meeting_get(st, id, out);
	}
	int kind = kind_parse(slash + 1);
	if (kind < 0)
		return store_fail(st, KO_NOTFOUND, _("no meeting '%s': kind must be ko or tko"), spec);
	char *name = strndup(spec, (size_t)(slash - spec));
	if (!name)
		return store_fail(st, KO_NOMEM, _("out of memory"));
	struct project p;
	enum ko_err rc = store_project_find(st, name, &p);
	free(name);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_MEETING_OF_KIND);
	if (!s) {
		project_free(&p);
		return store_error(st)->code;
	}
	sql_int(s, 1, p.id);
	sql_text(s, 2, kind_name(kind));
	enum store_step r = s->drv->step(st, s, N_("find meeting"));
	if (r == STEP_ROW) {
		read_meeting(s, out);
		s->drv->reset(s);
		rc = KO_OK;
	} else if (r == STEP_DONE) {
		rc = store_fail(st, KO_NOTFOUND, _("project '%s' has no %s meeting"), p.name,
		                kind == KIND_KO ? "KO" : "TKO");
	} else {
		rc = store_error(st)->code;
	}
	project_free(&p);
	return rc;
}

enum ko_err store_meetings_of(struct store *st, int64_t project_id, vec_meeting *out)
{
	return sql_list(st, SQL_MEETINGS_OF, project_id, out, sizeof *out->v, read_meeting,
	                free_meetings, N_("list meetings"));
}

enum ko_err store_meeting_update(struct store *st, const struct meeting *m)
{
	if (m->starts_at && *m->starts_at && !datetime_valid(m->starts_at))
		return store_fail(st, KO_INVALID,
		                  _("invalid date and time '%s' (want YYYY-MM-DD HH:MM)"), m->starts_at);
	enum ko_err rc = check_text(st, N_("title"), m->title, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("place"), m->place, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("host"), m->host, NAME_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("purpose"), m->purpose, TEXT_MAX_BYTES, false);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_MEETING_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, m->title ? m->title : "");
	sql_text(s, 2, m->starts_at && *m->starts_at ? m->starts_at : NULL);
	sql_typed(s, 3, m->place ? m->place : "");
	sql_typed(s, 4, m->host ? m->host : "");
	sql_typed(s, 5, m->purpose ? m->purpose : "");
	sql_text(s, 6, meeting_status_name(m->status));
	sql_int(s, 7, m->id);
	sql_int(s, 8, m->version);
	return sql_write(st, m->id, N_("edit meeting"), s, KO_CONFLICT,
	                 _("the meeting was changed or deleted by someone else"));
}

/* Every count starts from the meeting's rows; the unary + on the overdue
 * count keeps SQLite off action_by_status_due, through which it would
 * read every overdue action of every meeting. */
enum ko_err store_meeting_progress(struct store *st, int64_t meeting_id,
                                   struct progress *out)
{
	struct store_stmt *s = sql_prepare(st, SQL_MEETING_PROGRESS);
	if (!s)
		return store_error(st)->code;
	char today[11];
	clock_today(today);
	sql_int(s, 1, meeting_id);
	sql_text(s, 2, today);
	enum store_step r = s->drv->step(st, s, N_("read progress"));
	if (r == STEP_ERROR)
		return store_error(st)->code;
	if (r == STEP_DONE)
		return store_fail(st, KO_STORE, "%s", _("read progress"));
	int *f[] = {
		&out->attendees, &out->present, &out->items, &out->checked,
		&out->decisions, &out->risks, &out->risks_open, &out->outputs,
		&out->outputs_done, &out->actions, &out->actions_done,
		&out->actions_overdue,
	};
	for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++)
		*f[i] = (int)col_int(s, i);
	s->drv->reset(s);
	return KO_OK;
}
