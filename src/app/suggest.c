/* suggest.c - the follow-up actions a meeting's template suggests: listed
 * until the host accepts one (an open action with an owner) or drops it
 * (kept as a dropped action, so that it is not suggested again and undo
 * brings it back).  A suggestion is taken care of when the meeting has an
 * action of the same text. */
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/i18n.h"
#include "kickoff/template.h"

void app_suggestions_free(struct suggestions *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->text[i]);
	free(s->text);
	memset(s, 0, sizeof *s);
}

static bool has_action(const vec_action *v, const char *text)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->v[i].text, text) == 0)
			return true;
	return false;
}

enum ko_err app_suggestions(struct store *st, int64_t meeting_id, struct suggestions *out,
                            struct ko_error *e)
{
	memset(out, 0, sizeof *out);
	struct agenda a;
	enum ko_err rc = store_meeting_template(st, meeting_id, &a);
	if (rc != KO_OK)
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	vec_action v;
	rc = store_actions(st, meeting_id, &v);
	if (rc != KO_OK) {
		agenda_free(&a);
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	}
	out->text = calloc(a.n_actions + 1, sizeof *out->text);
	for (size_t i = 0; out->text && i < a.n_actions; i++) {
		if (has_action(&v, a.actions[i]))
			continue;
		/* Taken from the agenda: it is freed below without them. */
		out->text[out->n++] = a.actions[i];
		a.actions[i] = NULL;
	}
	if (!out->text)
		rc = ko_fail(e, KO_NOMEM, "%s", _("out of memory"));
	vec_action_free(&v);
	agenda_free(&a);
	return rc;
}

static enum ko_err add(struct store *st, int64_t meeting_id, int n, const char *owner,
                       const char *due, enum action_status status, int64_t *id,
                       struct ko_error *e)
{
	struct suggestions s;
	enum ko_err rc = app_suggestions(st, meeting_id, &s, e);
	if (rc != KO_OK)
		return rc;
	if (n < 1 || (size_t)n > s.n) {
		rc = s.n ? ko_fail(e, KO_NOTFOUND, _("no suggested action %d (there are %zu)"), n, s.n)
		         : ko_fail(e, KO_NOTFOUND, "%s", _("no suggested actions are left"));
	} else {
		struct action ac = { .meeting_id = meeting_id, .text = s.text[n - 1],
		                     .owner = (char *)owner, .due = (char *)due, .status = status };
		rc = store_action_add(st, &ac, id);
		if (rc != KO_OK)
			rc = ko_fail(e, rc, "%s", store_error(st)->msg);
	}
	app_suggestions_free(&s);
	return rc;
}

enum ko_err app_suggestion_accept(struct store *st, int64_t meeting_id, int n, const char *owner,
                                  const char *due, int64_t *id, struct ko_error *e)
{
	return add(st, meeting_id, n, owner, due, ASTATUS_OPEN, id, e);
}

enum ko_err app_suggestion_drop(struct store *st, int64_t meeting_id, int n, const char *who,
                                int64_t *id, struct ko_error *e)
{
	return add(st, meeting_id, n, who, NULL, ASTATUS_DROPPED, id, e);
}
