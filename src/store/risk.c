/* risk.c - risks raised in the meeting: likelihood, impact, mitigation. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "kickoff/i18n.h"

#define RISK_COLS \
	"r.id, r.meeting_id, r.item_id, i.position, r.text, r.likelihood, r.impact," \
	" r.mitigation, r.owner, r.status, r.version"


static int level_or(const unsigned char *s, int dflt)
{
	int v = level_parse((const char *)s);
	return v < 0 ? dflt : v;
}

static void read_risk(sqlite3_stmt *s, void *out)
{
	struct risk *r = out;
	r->id = sqlite3_column_int64(s, 0);
	r->meeting_id = sqlite3_column_int64(s, 1);
	r->item_id = sqlite3_column_int64(s, 2);
	r->item_position = sqlite3_column_int(s, 3);
	r->text = col_text(s, 4);
	r->likelihood = (enum level)level_or(sqlite3_column_text(s, 5), LEVEL_MEDIUM);
	r->impact = (enum level)level_or(sqlite3_column_text(s, 6), LEVEL_MEDIUM);
	r->mitigation = col_text(s, 7);
	r->owner = col_text(s, 8);
	int st = risk_status_parse((const char *)sqlite3_column_text(s, 9));
	r->status = st < 0 ? RSTATUS_OPEN : (enum risk_status)st;
	r->version = sqlite3_column_int64(s, 10);
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

enum ko_err store_risk_add(struct store *st, int64_t meeting_id,
                           const char *text, enum level likelihood,
                           enum level impact, const char *mitigation,
                           const char *owner, int item_position,
                           int64_t *id_out)
{
	enum ko_err rc = check_risk(st, text, mitigation, owner);
	int64_t item_id = 0;
	if (rc == KO_OK)
		rc = item_id_at(st, meeting_id, item_position, &item_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"INSERT INTO risk(meeting_id, item_id, text, likelihood, impact, mitigation, owner)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
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
	rc = write_one(st, meeting_id, N_("add risk"), s, KO_OK, NULL);
	if (rc == KO_OK && id_out)
		*id_out = sqlite3_last_insert_rowid(st->db);
	if (rc == KO_NOTFOUND)
		rc = store_fail(st, rc, _("no meeting with id %lld"), (long long)meeting_id);
	return rc;
}

enum ko_err store_risks(struct store *st, int64_t meeting_id, vec_risk *out)
{
	static const char sql[] = "SELECT " RISK_COLS
		" FROM risk r LEFT JOIN item i ON i.id = r.item_id"
		" WHERE r.meeting_id = ?1 ORDER BY r.id";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, meeting_id);
	memset(out, 0, sizeof *out);
	return read_rows(st, s, out, sizeof *out->v, read_risk, free_risks, N_("list risks"));
}

enum ko_err store_risk_get(struct store *st, int64_t id, struct risk *out)
{
	static const char sql[] = "SELECT " RISK_COLS
		" FROM risk r LEFT JOIN item i ON i.id = r.item_id WHERE r.id = ?1";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	sqlite3_bind_int64(s, 1, id);
	char msg[64];
	snprintf(msg, sizeof msg, _("no risk with id %lld"), (long long)id);
	return read_one(st, s, out, read_risk, msg);
}

enum ko_err store_risk_update(struct store *st, const struct risk *r)
{
	enum ko_err rc = check_risk(st, r->text, r->mitigation, r->owner);
	if (rc == KO_OK)
		rc = item_in_meeting(st, r->meeting_id, r->item_id);
	if (rc != KO_OK)
		return rc;
	static const char sql[] =
		"UPDATE risk SET text = ?1, likelihood = ?2, impact = ?3, mitigation = ?4,"
		" owner = ?5, status = ?6, item_id = ?7, version = version + 1"
		" WHERE id = ?8 AND version = ?9";
	sqlite3_stmt *s = stmt(st, sql);
	if (!s)
		return st->err.code;
	bind_typed(s, 1, r->text);
	bind_text(s, 2, level_name(r->likelihood));
	bind_text(s, 3, level_name(r->impact));
	bind_typed(s, 4, r->mitigation ? r->mitigation : "");
	bind_typed(s, 5, r->owner ? r->owner : "");
	bind_text(s, 6, risk_status_name(r->status));
	if (r->item_id)
		sqlite3_bind_int64(s, 7, r->item_id);
	sqlite3_bind_int64(s, 8, r->id);
	sqlite3_bind_int64(s, 9, r->version);
	return write_one(st, r->meeting_id, N_("edit risk"), s, KO_CONFLICT,
	                 _("the risk was changed or deleted by someone else"));
}
