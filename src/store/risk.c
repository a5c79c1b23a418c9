/* risk.c - risks raised in the meeting: likelihood, impact, mitigation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite/internal.h"
#include "kickoff/i18n.h"

/* A level as stored, dflt for one this version does not know. */
static enum level level_or(char *s, enum level dflt)
{
	int v = level_parse(s);
	free(s);
	return v < 0 ? dflt : (enum level)v;
}

/* Columns: id, meeting_id, item_id, the item's position, text,
 * likelihood, impact, mitigation, owner, status, version, carried_from. */
static void read_risk(struct store_stmt *s, void *out)
{
	struct risk *r = out;
	memset(r, 0, sizeof *r);
	r->id = col_int(s, 0);
	r->meeting_id = col_int(s, 1);
	r->item_id = col_int(s, 2);
	r->item_position = (int)col_int(s, 3);
	r->text = col_str(s, 4);
	r->likelihood = level_or(col_str(s, 5), LEVEL_MEDIUM);
	r->impact = level_or(col_str(s, 6), LEVEL_MEDIUM);
	r->mitigation = col_str(s, 7);
	r->owner = col_str(s, 8);
	char *status = col_str(s, 9);
	int st = risk_status_parse(status);
	free(status);
	r->status = st < 0 ? RSTATUS_OPEN : (enum risk_status)st;
	r->version = col_int(s, 10);
	r->carried_from = col_int(s, 11);
}

static void free_risks(void *v) { vec_risk_free(v); }

static enum ko_err check_risk(struct store *st, const char *text,
                              const char *mitigation, const char *owner)
{
	enum ko_err rc = check_text(st, N_("risk text"), text, TEXT_MAX_BYTES, true);
	if (rc == KO_OK)
		rc = check_text(st, N_("mitigation"), mitigation, TEXT_MAX_BYTES, false);
	if (rc == KO_OK)
		rc = check_text(st, N_("owner"), owner, NAME_MAX_BYTES, false);
	return rc;
}

enum ko_err store_risk_add(struct store *st, const struct risk *r, int64_t *id_out)
{
	int64_t meeting_id = r->meeting_id;
	const char *text = r->text, *mitigation = r->mitigation, *owner = r->owner;
	enum level likelihood = r->likelihood, impact = r->impact;
	int item_position = r->item_position;
	enum ko_err rc = check_risk(st, text, mitigation, owner);
	int64_t item_id = 0;
	if (rc == KO_OK)
		rc = item_id_at(st, meeting_id, item_position, &item_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO risk(meeting_id, item_id, text, likelihood, impact, mitigation, owner,"
		" status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	if (item_id)
		sqlite3_bind_int64(s, 2, item_id);
	bind_typed(s, 3, text);
	bind_text(s, 4, level_name(likelihood));
	bind_text(s, 5, level_name(impact));
	bind_typed(s, 6, mitigation ? mitigation : "");
	bind_typed(s, 7, owner ? owner : "");
	bind_text(s, 8, risk_status_name(r->status));
	rc = write_one(st, meeting_id, N_("add risk"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_risks(struct store *st, int64_t meeting_id, vec_risk *out)
{
	return sql_list(st, SQL_RISK_LIST, meeting_id, out, sizeof *out->v, read_risk, free_risks,
	                N_("list risks"));
}

enum ko_err store_risk_get(struct store *st, int64_t id, struct risk *out)
{
	char msg[64];
	snprintf(msg, sizeof msg, _("no risk with id %lld"), (long long)id);
	return sql_get(st, SQL_RISK_GET, id, out, read_risk, msg);
}

enum ko_err store_risk_update(struct store *st, const struct risk *r)
{
	enum ko_err rc = check_risk(st, r->text, r->mitigation, r->owner);
	if (rc == KO_OK)
		rc = item_in_meeting(st, r->meeting_id, r->item_id);
	if (rc != KO_OK)
		return rc;
	struct store_stmt *s = sql_prepare(st, SQL_RISK_UPDATE);
	if (!s)
		return store_error(st)->code;
	sql_typed(s, 1, r->text);
	sql_text(s, 2, level_name(r->likelihood));
	sql_text(s, 3, level_name(r->impact));
	sql_typed(s, 4, r->mitigation ? r->mitigation : "");
	sql_typed(s, 5, r->owner ? r->owner : "");
	sql_text(s, 6, risk_status_name(r->status));
	if (r->item_id)
		sql_int(s, 7, r->item_id);
	sql_int(s, 8, r->id);
	sql_int(s, 9, r->version);
	return sql_write(st, r->meeting_id, N_("edit risk"), s, KO_CONFLICT,
	                 _("the risk was changed or deleted by someone else"));
}

/* The risk carried from KO risk id, 0 when none. */
static enum ko_err carried_as(struct store *st, int64_t id, int64_t *out)
{
	*out = 0;
	struct store_stmt *s = sql_prepare(st, SQL_RISK_CARRIED_AS);
	if (!s)
		return store_error(st)->code;
	sql_int(s, 1, id);
	enum store_step r = s->drv->step(st, s, N_("find carried risk"));
	if (r == STEP_ERROR)
		return store_error(st)->code;
	if (r == STEP_ROW) {
		*out = col_int(s, 0);
		s->drv->reset(s);
	}
	return KO_OK;
}

enum ko_err store_risk_carry(struct store *st, int64_t risk_id, int64_t *id_out)
{
	struct risk r;
	enum ko_err rc = store_risk_get(st, risk_id, &r);
	if (rc != KO_OK)
		return rc;
	struct meeting ko;
	rc = store_meeting_get(st, r.meeting_id, &ko);
	risk_free(&r);
	if (rc != KO_OK)
		return rc;
	vec_meeting both = { 0 };
	if (ko.kind != KIND_KO)
		rc = store_fail(st, KO_INVALID, _("risk %lld is a TKO risk: only the KO's risks are "
		                                  "carried into the TKO"), (long long)risk_id);
	else
		rc = store_meetings_of(st, ko.project_id, &both);
	int64_t tko = 0;
	for (size_t i = 0; rc == KO_OK && i < both.n; i++)
		if (both.v[i].kind == KIND_TKO)
			tko = both.v[i].id;
	if (rc == KO_OK && !tko)
		rc = store_fail(st, KO_NOTFOUND, _("project '%s' has no TKO to carry the risk into: "
		                                   "add it first (kickoff meeting add '%s' tko)"),
		                ko.project_name, ko.project_name);
	int64_t before = 0;
	if (rc == KO_OK)
		rc = carried_as(st, risk_id, &before);
	if (rc == KO_OK && before)
		rc = store_fail(st, KO_EXISTS, _("risk %lld is already carried into the TKO as risk %lld"),
		                (long long)risk_id, (long long)before);
	if (before && id_out)
		*id_out = before;
	struct store_stmt *s = rc == KO_OK ? sql_prepare(st, SQL_RISK_CARRY) : NULL;
	if (rc == KO_OK && !s)
		rc = store_error(st)->code;
	if (s) {
		sql_int(s, 1, risk_id);
		sql_int(s, 2, tko);
		rc = sql_insert(st, tko, N_("carry risk into the TKO"), s, id_out);
		/* Another session carried it meanwhile: the unique index says so. */
		if (rc == KO_EXISTS && carried_as(st, risk_id, &before) == KO_OK && before) {
			rc = store_fail(st, KO_EXISTS, _("risk %lld is already carried into the TKO as "
			                                 "risk %lld"), (long long)risk_id, (long long)before);
			if (id_out)
				*id_out = before;
		}
	}
	vec_meeting_free(&both);
	meeting_free(&ko);
	return rc;
}
