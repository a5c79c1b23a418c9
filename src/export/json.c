/* json.c - the complete minutes as JSON ("format": "kickoff/1"), and the
 * same form read back for `kickoff import`.
 *
 * Writer and reader live together so that they cannot drift apart, and so
 * that the reader (the part that takes untrusted bytes) can be fuzzed
 * through import_parse alone.  Keys are written in a fixed order, UTF-8 is
 * written as is, and the reader accepts exactly what the writer writes:
 * every field present and of its type. */
#include <inttypes.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"
#include "kickoff/datetime.h"
#include "kickoff/export.h"
#include "kickoff/text.h"

/* ---------------------------------------------------------------- write */

static json_t *text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *int_or_null(int64_t v)
{
	return v ? json_integer(v) : json_null();
}

static json_t *meeting_json(const struct minutes *mi)
{
	const struct meeting *m = &mi->meeting;
	json_t *attendees = json_array(), *items = json_array(), *decisions = json_array(),
	       *risks = json_array(), *outputs = json_array(), *actions = json_array();
	for (size_t i = 0; i < mi->attendees.n; i++) {
		const struct attendee *a = &mi->attendees.v[i];
		json_array_append_new(attendees, json_pack(
			"{s:I, s:s, s:s, s:s, s:b, s:b, s:I}",
			"id", (json_int_t)a->id, "name", a->name, "role", a->role,
			"organisation", a->organisation, "invited", a->invited,
			"present", a->present, "version", (json_int_t)a->version));
	}
	for (size_t i = 0; i < mi->items.n; i++) {
		const struct item *it = &mi->items.v[i];
		json_array_append_new(items, json_pack(
			"{s:I, s:i, s:s, s:s, s:o, s:o, s:I}",
			"id", (json_int_t)it->id, "position", it->position, "title", it->title,
			"note", it->note, "checked_at", text_or_null(it->checked_at),
			"checked_by", text_or_null(it->checked_by),
			"version", (json_int_t)it->version));
	}
	for (size_t i = 0; i < mi->decisions.n; i++) {
		const struct decision *d = &mi->decisions.v[i];
		json_array_append_new(decisions, json_pack(
			"{s:I, s:o, s:s, s:s, s:s, s:I}",
			"id", (json_int_t)d->id, "item", int_or_null(d->item_position),
			"text", d->text, "decided_by", d->decided_by,
			"decided_at", d->decided_at, "version", (json_int_t)d->version));
	}
	for (size_t i = 0; i < mi->risks.n; i++) {
		const struct risk *r = &mi->risks.v[i];
		json_array_append_new(risks, json_pack(
			"{s:I, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:I}",
			"id", (json_int_t)r->id, "item", int_or_null(r->item_position),
			"text", r->text, "likelihood", level_name(r->likelihood),
			"impact", level_name(r->impact), "mitigation", r->mitigation,
			"owner", r->owner, "status", risk_status_name(r->status),
			"version", (json_int_t)r->version));
	}
	for (size_t i = 0; i < mi->outputs.n; i++) {
		const struct output *o = &mi->outputs.v[i];
		json_array_append_new(outputs, json_pack(
			"{s:I, s:i, s:s, s:s, s:s, s:s, s:I, s:o}",
			"id", (json_int_t)o->id, "position", o->position, "name", o->name,
			"owner", o->owner, "status", output_status_name(o->status),
			"link", o->link, "version", (json_int_t)o->version, "due", text_or_null(o->due)));
	}
	for (size_t i = 0; i < mi->actions.n; i++) {
		const struct action *a = &mi->actions.v[i];
		json_array_append_new(actions, json_pack(
			"{s:I, s:o, s:s, s:s, s:o, s:s, s:s, s:o, s:I}",
			"id", (json_int_t)a->id, "decision", int_or_null(a->decision_id),
			"text", a->text, "owner", a->owner, "due", text_or_null(a->due),
			"status", action_status_name(a->status), "created_at", a->created_at,
			"done_at", text_or_null(a->done_at), "version", (json_int_t)a->version));
	}
	return json_pack("{s:I, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:I,"
	                 " s:o, s:o, s:o, s:o, s:o, s:o}",
		"id", (json_int_t)m->id, "kind", kind_name(m->kind), "title", m->title,
		"starts_at", text_or_null(m->starts_at), "place", m->place, "host", m->host,
		"purpose", m->purpose, "status", meeting_status_name(m->status),
		"version", (json_int_t)m->version,
		"attendees", attendees, "items", items, "decisions", decisions,
		"risks", risks, "outputs", outputs, "actions", actions);
}

enum ko_err export_json(const struct export_set *set, struct kbuf *out)
{
	const struct project *p = set->project;
	json_t *meetings = json_array();
	for (size_t i = 0; i < set->n; i++)
		json_array_append_new(meetings, meeting_json(&set->meetings[i]));
	json_t *root = json_pack("{s:s, s:{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:o}}",
		"format", EXPORT_JSON_FORMAT, "project",
		"id", (json_int_t)p->id, "name", p->name, "customer", p->customer,
		"code", p->code, "lang", p->lang, "template", p->template_name,
		"created_at", p->created_at, "version", (json_int_t)p->version,
		"meetings", meetings);
	if (!root)
		return KO_NOMEM;
	char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	if (!s)
		return KO_NOMEM;
	kbuf_puts(out, s);
	kbuf_putc(out, '\n');
	free(s);
	return out->oom ? KO_NOMEM : KO_OK;
}

/* ------------------------------------------------------- locate a path */

/* A small walker over JSON text that jansson has already accepted: it
 * only follows the structure to tell on which line a value starts, which
 * jansson does not record. */
struct walk {
	const char *s;
	size_t n, i;
	int line;
	const char *want;
	int found;
	char path[512];
	size_t plen;
	int depth;
};

static void ws(struct walk *w)
{
	while (w->i < w->n) {
		char c = w->s[w->i];
		if (c == '\n')
			w->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			break;
		w->i++;
	}
}

/* Skips a string at w->i (on its opening quote); returns its raw body. */
static void string_span(struct walk *w, size_t *start, size_t *len)
{
	w->i++;
	*start = w->i;
	while (w->i < w->n && w->s[w->i] != '"') {
		if (w->s[w->i] == '\\')
			w->i++;
		w->i++;
	}
	*len = (w->i < w->n ? w->i : w->n) - *start;
	w->i++;
}

static void value(struct walk *w);

static void value_at(struct walk *w, size_t plen)
{
	size_t keep = w->plen;
	w->plen = plen < sizeof w->path ? plen : sizeof w->path - 1;
	w->path[w->plen] = '\0';
	if (!w->found && strcmp(w->path, w->want) == 0)
		w->found = w->line;
	value(w);
	w->plen = keep;
	w->path[w->plen] = '\0';
}

static void value(struct walk *w)
{
	ws(w);
	if (w->i >= w->n || w->found || w->depth > 64)
		return;
	char c = w->s[w->i];
	if (c == '{' || c == '[') {
		w->depth++;
		w->i++;
		long index = 0;
		for (;;) {
			ws(w);
			if (w->i >= w->n || w->found)
				break;
			if (w->s[w->i] == '}' || w->s[w->i] == ']') {
				w->i++;
				break;
			}
			if (w->s[w->i] == ',') {
				w->i++;
				continue;
			}
			size_t base = w->plen;
			int k;
			if (c == '{') {
				size_t ks, kl;
				string_span(w, &ks, &kl);
				ws(w);
				if (w->i < w->n && w->s[w->i] == ':')
					w->i++;
				k = snprintf(w->path + base, sizeof w->path - base, "%s%.*s",
				             base ? "." : "", (int)kl, w->s + ks);
			} else {
				k = snprintf(w->path + base, sizeof w->path - base, "[%ld]", index++);
			}
			ws(w);
			size_t at = w->i;
			value_at(w, base + (k > 0 ? (size_t)k : 0));
			/* A byte no value starts with (a NUL), or nesting past the
			 * limit, is stepped over: the walk always moves on. */
			if (w->i == at && !w->found)
				w->i++;
		}
		w->depth--;
		return;
	}
	if (c == '"') {
		size_t st, len;
		string_span(w, &st, &len);
		return;
	}
	while (w->i < w->n && !strchr(",]} \t\r\n", w->s[w->i]))
		w->i++;
}

int import_line_of(const char *bytes, size_t len, const char *path)
{
	struct walk w = { .s = bytes, .n = len, .line = 1, .want = path };
	ws(&w);
	value_at(&w, 0);
	return w.found;
}

/* ---------------------------------------------------------------- read */

struct reader {
	const char *src;
	size_t len;
	struct ko_error *e;
	char path[256];
};

static enum ko_err failf(struct reader *r, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum ko_err failf(struct reader *r, const char *path, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	/* A missing field is reported on the line of its object. */
	char at[256];
	snprintf(at, sizeof at, "%s", path);
	int line = 0;
	while (!(line = import_line_of(r->src, r->len, at)) && *at) {
		char *cut = strrchr(at, '.');
		char *br = strrchr(at, '[');
		if (br && (!cut || br > cut))
			cut = br;
		if (!cut)
			at[0] = '\0';
		else
			*cut = '\0';
	}
	if (!line)
		line = 1;
	return ko_fail(r->e, KO_INVALID, "line %d: %s: %s", line, path[0] ? path : "(top)", what);
}

/* The path of member key of the object at base. */
static const char *sub(char *buf, size_t size, const char *base, const char *key)
{
	if (snprintf(buf, size, "%s%s%s", base, *base ? "." : "", key) >= (int)size)
		buf[size - 1] = '\0';     /* a path that long is cut; it only names a place */
	return buf;
}

static enum ko_err get(struct reader *r, json_t *obj, const char *base, const char *key,
                       json_t **out)
{
	char p[256];
	*out = json_object_get(obj, key);
	if (!*out)
		return failf(r, sub(p, sizeof p, base, key), "missing");
	return KO_OK;
}

static enum ko_err check_keys(struct reader *r, json_t *obj, const char *base,
                              const char *const *keys)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		bool known = false;
		for (const char *const *q = keys; *q && !known; q++)
			known = strcmp(*q, k) == 0;
		if (!known) {
			char p[256];
			return failf(r, sub(p, sizeof p, base, k), "unknown field");
		}
	}
	return KO_OK;
}

/* A text: required (non-empty) or not, at most max bytes; NULL accepted
 * when nullable (then ""). */
static enum ko_err get_text(struct reader *r, json_t *obj, const char *base, const char *key,
                            size_t max, bool required, bool nullable, char **out)
{
	json_t *v;
	enum ko_err rc = get(r, obj, base, key, &v);
	if (rc != KO_OK)
		return rc;
	char p[256];
	sub(p, sizeof p, base, key);
	const char *s;
	if (json_is_null(v) && nullable)
		s = "";
	else if (json_is_string(v))
		s = json_string_value(v);
	else
		return failf(r, p, nullable ? "must be a text or null" : "must be a text");
	size_t n = json_is_string(v) ? json_string_length(v) : 0;
	if (strlen(s) != n)
		return failf(r, p, "must not contain NUL");
	if ((required && text_blank(s)) || (nullable && json_is_string(v) && n == 0))
		return failf(r, p, "must not be empty");
	if (n > max)
		return failf(r, p, "is too long (%zu bytes; at most %zu)", n, max);
	*out = strdup(s);
	return *out ? KO_OK : KO_NOMEM;
}

static enum ko_err get_int(struct reader *r, json_t *obj, const char *base, const char *key,
                           int64_t min, int64_t max, bool nullable, int64_t *out)
{
	json_t *v;
	enum ko_err rc = get(r, obj, base, key, &v);
	if (rc != KO_OK)
		return rc;
	char p[256];
	sub(p, sizeof p, base, key);
	if (nullable && json_is_null(v)) {
		*out = 0;
		return KO_OK;
	}
	if (!json_is_integer(v))
		return failf(r, p, nullable ? "must be a whole number or null" : "must be a whole number");
	json_int_t x = json_integer_value(v);
	if (x < min || x > max)
		return failf(r, p, "must be from %" PRId64 " to %" PRId64, min, max);
	*out = x;
	return KO_OK;
}

static enum ko_err get_bool(struct reader *r, json_t *obj, const char *base, const char *key,
                            int *out)
{
	json_t *v;
	enum ko_err rc = get(r, obj, base, key, &v);
	if (rc != KO_OK)
		return rc;
	if (!json_is_boolean(v)) {
		char p[256];
		return failf(r, sub(p, sizeof p, base, key), "must be true or false");
	}
	*out = json_is_true(v);
	return KO_OK;
}

/* One of the names parse() knows. */
static enum ko_err get_enum(struct reader *r, json_t *obj, const char *base, const char *key,
                            int (*parse)(const char *), const char *choices, int *out)
{
	json_t *v;
	enum ko_err rc = get(r, obj, base, key, &v);
	if (rc != KO_OK)
		return rc;
	int x = json_is_string(v) ? parse(json_string_value(v)) : -1;
	if (x < 0) {
		char p[256];
		return failf(r, sub(p, sizeof p, base, key), "must be one of %s", choices);
	}
	*out = x;
	return KO_OK;
}

/* A list under key; its path into lp. */
static enum ko_err get_list(struct reader *r, json_t *obj, const char *base, const char *key,
                            json_t **out, char *lp, size_t size)
{
	enum ko_err rc = get(r, obj, base, key, out);
	if (rc != KO_OK)
		return rc;
	sub(lp, size, base, key);
	if (!json_is_array(*out))
		return failf(r, lp, "must be a list");
	return KO_OK;
}

static enum ko_err element(struct reader *r, json_t *list, size_t i, const char *lp,
                           json_t **out, char *ep, size_t size)
{
	if (snprintf(ep, size, "%s[%zu]", lp, i) >= (int)size)
		ep[size - 1] = '\0';
	*out = json_array_get(list, i);
	if (!json_is_object(*out))
		return failf(r, ep, "must be an object");
	return KO_OK;
}

static enum ko_err need_stamp(struct reader *r, const char *base, const char *key,
                              const char *s, bool optional)
{
	if ((optional && !*s) || stamp_valid(s))
		return KO_OK;
	char p[256];
	return failf(r, sub(p, sizeof p, base, key), "must be a time 'YYYY-MM-DDTHH:MM:SSZ'");
}

#define TRY(x) do { if ((rc = (x)) != KO_OK) return rc; } while (0)
#define ID_MAX INT64_C(999999999999999999)

static enum ko_err read_meeting(struct reader *r, json_t *o, const char *mp,
                                struct minutes *mi)
{
	static const char *const keys[] = {
		"id", "kind", "title", "starts_at", "place", "host", "purpose", "status",
		"version", "attendees", "items", "decisions", "risks", "outputs",
		"actions", NULL,
	};
	enum ko_err rc;
	struct meeting *m = &mi->meeting;
	int x;
	char lp[256], ep[256];
	json_t *list, *e;
	TRY(check_keys(r, o, mp, keys));
	TRY(get_int(r, o, mp, "id", 1, ID_MAX, false, &m->id));
	TRY(get_enum(r, o, mp, "kind", kind_parse, "ko, tko", &x));
	m->kind = (enum meeting_kind)x;
	TRY(get_text(r, o, mp, "title", NAME_MAX_BYTES, false, false, &m->title));
	TRY(get_text(r, o, mp, "starts_at", 16, false, true, &m->starts_at));
	if (*m->starts_at && !datetime_valid(m->starts_at))
		return failf(r, sub(lp, sizeof lp, mp, "starts_at"), "must be 'YYYY-MM-DD HH:MM' or null");
	TRY(get_text(r, o, mp, "place", NAME_MAX_BYTES, false, false, &m->place));
	TRY(get_text(r, o, mp, "host", NAME_MAX_BYTES, false, false, &m->host));
	TRY(get_text(r, o, mp, "purpose", TEXT_MAX_BYTES, false, false, &m->purpose));
	TRY(get_enum(r, o, mp, "status", meeting_status_parse, "planned, held, closed", &x));
	m->status = (enum meeting_status)x;
	TRY(get_int(r, o, mp, "version", 1, ID_MAX, false, &m->version));

	static const char *const akeys[] = {
		"id", "name", "role", "organisation", "invited", "present", "version", NULL,
	};
	TRY(get_list(r, o, mp, "attendees", &list, lp, sizeof lp));
	for (size_t i = 0; i < json_array_size(list); i++) {
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		struct attendee *a = VEC_PUSH(&mi->attendees);
		if (!a)
			return KO_NOMEM;
		TRY(check_keys(r, e, ep, akeys));
		TRY(get_int(r, e, ep, "id", 1, ID_MAX, false, &a->id));
		TRY(get_text(r, e, ep, "name", NAME_MAX_BYTES, true, false, &a->name));
		TRY(get_text(r, e, ep, "role", NAME_MAX_BYTES, false, false, &a->role));
		TRY(get_text(r, e, ep, "organisation", NAME_MAX_BYTES, false, false, &a->organisation));
		TRY(get_bool(r, e, ep, "invited", &a->invited));
		TRY(get_bool(r, e, ep, "present", &a->present));
		TRY(get_int(r, e, ep, "version", 1, ID_MAX, false, &a->version));
	}

	static const char *const ikeys[] = {
		"id", "position", "title", "note", "checked_at", "checked_by", "version", NULL,
	};
	TRY(get_list(r, o, mp, "items", &list, lp, sizeof lp));
	for (size_t i = 0; i < json_array_size(list); i++) {
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		struct item *it = VEC_PUSH(&mi->items);
		if (!it)
			return KO_NOMEM;
		int64_t pos;
		TRY(check_keys(r, e, ep, ikeys));
		TRY(get_int(r, e, ep, "id", 1, ID_MAX, false, &it->id));
		TRY(get_int(r, e, ep, "position", 1, 1000000, false, &pos));
		it->position = (int)pos;
		if (pos != (int64_t)i + 1)
			return failf(r, sub(lp, sizeof lp, ep, "position"), "must be %zu (items are numbered 1, 2, ...)", i + 1);
		TRY(get_text(r, e, ep, "title", TEXT_MAX_BYTES, true, false, &it->title));
		TRY(get_text(r, e, ep, "note", TEXT_MAX_BYTES, false, false, &it->note));
		TRY(get_text(r, e, ep, "checked_at", 20, false, true, &it->checked_at));
		TRY(need_stamp(r, ep, "checked_at", it->checked_at, true));
		TRY(get_text(r, e, ep, "checked_by", NAME_MAX_BYTES, false, true, &it->checked_by));
		if (!*it->checked_at != !*it->checked_by)
			return failf(r, sub(lp, sizeof lp, ep, "checked_by"), "must be set exactly when checked_at is");
		TRY(get_int(r, e, ep, "version", 1, ID_MAX, false, &it->version));
	}
	size_t n_items = mi->items.n;

	static const char *const dkeys[] = {
		"id", "item", "text", "decided_by", "decided_at", "version", NULL,
	};
	TRY(get_list(r, o, mp, "decisions", &list, lp, sizeof lp));
	for (size_t i = 0; i < json_array_size(list); i++) {
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		struct decision *d = VEC_PUSH(&mi->decisions);
		if (!d)
			return KO_NOMEM;
		int64_t pos;
		TRY(check_keys(r, e, ep, dkeys));
		TRY(get_int(r, e, ep, "id", 1, ID_MAX, false, &d->id));
		TRY(get_int(r, e, ep, "item", 1, (int64_t)n_items, true, &pos));
		d->item_position = (int)pos;
		TRY(get_text(r, e, ep, "text", TEXT_MAX_BYTES, true, false, &d->text));
		TRY(get_text(r, e, ep, "decided_by", NAME_MAX_BYTES, false, false, &d->decided_by));
		TRY(get_text(r, e, ep, "decided_at", 20, true, false, &d->decided_at));
		TRY(need_stamp(r, ep, "decided_at", d->decided_at, false));
		TRY(get_int(r, e, ep, "version", 1, ID_MAX, false, &d->version));
	}

	static const char *const rkeys[] = {
		"id", "item", "text", "likelihood", "impact", "mitigation", "owner",
		"status", "version", NULL,
	};
	TRY(get_list(r, o, mp, "risks", &list, lp, sizeof lp));
	for (size_t i = 0; i < json_array_size(list); i++) {
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		struct risk *k = VEC_PUSH(&mi->risks);
		if (!k)
			return KO_NOMEM;
		int64_t pos;
		TRY(check_keys(r, e, ep, rkeys));
		TRY(get_int(r, e, ep, "id", 1, ID_MAX, false, &k->id));
		TRY(get_int(r, e, ep, "item", 1, (int64_t)n_items, true, &pos));
		k->item_position = (int)pos;
		TRY(get_text(r, e, ep, "text", TEXT_MAX_BYTES, true, false, &k->text));
		TRY(get_enum(r, e, ep, "likelihood", level_parse, "low, medium, high", &x));
		k->likelihood = (enum level)x;
		TRY(get_enum(r, e, ep, "impact", level_parse, "low, medium, high", &x));
		k->impact = (enum level)x;
		TRY(get_text(r, e, ep, "mitigation", TEXT_MAX_BYTES, false, false, &k->mitigation));
		TRY(get_text(r, e, ep, "owner", NAME_MAX_BYTES, false, false, &k->owner));
		TRY(get_enum(r, e, ep, "status", risk_status_parse, "open, mitigated, closed", &x));
		k->status = (enum risk_status)x;
		TRY(get_int(r, e, ep, "version", 1, ID_MAX, false, &k->version));
	}

	static const char *const okeys[] = {
		"id", "position", "name", "owner", "status", "link", "version", "due", NULL,
	};
	TRY(get_list(r, o, mp, "outputs", &list, lp, sizeof lp));
	for (size_t i = 0; i < json_array_size(list); i++) {
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		struct output *u = VEC_PUSH(&mi->outputs);
		if (!u)
			return KO_NOMEM;
		int64_t pos;
		TRY(check_keys(r, e, ep, okeys));
		TRY(get_int(r, e, ep, "id", 1, ID_MAX, false, &u->id));
		TRY(get_int(r, e, ep, "position", 1, 1000000, false, &pos));
		u->position = (int)pos;
		if (pos != (int64_t)i + 1)
			return failf(r, sub(lp, sizeof lp, ep, "position"), "must be %zu (outputs are numbered 1, 2, ...)", i + 1);
		TRY(get_text(r, e, ep, "name", TEXT_MAX_BYTES, true, false, &u->name));
		TRY(get_text(r, e, ep, "owner", NAME_MAX_BYTES, false, false, &u->owner));
		TRY(get_enum(r, e, ep, "status", output_status_parse, "todo, drafting, done", &x));
		u->status = (enum output_status)x;
		TRY(get_text(r, e, ep, "link", TEXT_MAX_BYTES, false, false, &u->link));
		TRY(get_int(r, e, ep, "version", 1, ID_MAX, false, &u->version));
		/* Files written before outputs had a due date have no "due". */
		if (json_object_get(e, "due"))
			TRY(get_text(r, e, ep, "due", 10, false, true, &u->due));
		else if (!(u->due = strdup("")))
			return KO_NOMEM;
		if (*u->due && !date_valid(u->due))
			return failf(r, sub(lp, sizeof lp, ep, "due"), "must be 'YYYY-MM-DD' or null");
	}

	static const char *const ckeys[] = {
		"id", "decision", "text", "owner", "due", "status", "created_at", "done_at",
		"version", NULL,
	};
	TRY(get_list(r, o, mp, "actions", &list, lp, sizeof lp));
	for (size_t i = 0; i < json_array_size(list); i++) {
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		struct action *a = VEC_PUSH(&mi->actions);
		if (!a)
			return KO_NOMEM;
		TRY(check_keys(r, e, ep, ckeys));
		TRY(get_int(r, e, ep, "id", 1, ID_MAX, false, &a->id));
		TRY(get_int(r, e, ep, "decision", 1, ID_MAX, true, &a->decision_id));
		if (a->decision_id) {
			bool known = false;
			for (size_t k = 0; k < mi->decisions.n && !known; k++)
				known = mi->decisions.v[k].id == a->decision_id;
			if (!known)
				return failf(r, sub(lp, sizeof lp, ep, "decision"),
				             "no decision %" PRId64 " in this meeting", a->decision_id);
		}
		TRY(get_text(r, e, ep, "text", TEXT_MAX_BYTES, true, false, &a->text));
		TRY(get_text(r, e, ep, "owner", NAME_MAX_BYTES, true, false, &a->owner));
		TRY(get_text(r, e, ep, "due", 10, false, true, &a->due));
		if (*a->due && !date_valid(a->due))
			return failf(r, sub(lp, sizeof lp, ep, "due"), "must be 'YYYY-MM-DD' or null");
		TRY(get_enum(r, e, ep, "status", action_status_parse, "open, done, dropped", &x));
		a->status = (enum action_status)x;
		TRY(get_text(r, e, ep, "created_at", 20, true, false, &a->created_at));
		TRY(need_stamp(r, ep, "created_at", a->created_at, false));
		TRY(get_text(r, e, ep, "done_at", 20, false, true, &a->done_at));
		TRY(need_stamp(r, ep, "done_at", a->done_at, true));
		if ((a->status == ASTATUS_DONE) != (*a->done_at != '\0'))
			return failf(r, sub(lp, sizeof lp, ep, "done_at"), "must be set exactly when status is done");
		TRY(get_int(r, e, ep, "version", 1, ID_MAX, false, &a->version));
	}
	return KO_OK;
}

/* Two rows of one table with one id would make the import fail in the
 * database; say where instead. */
#define DUP_CHECK(field, what) \
	for (size_t m = 0; m < d->n; m++) \
		for (size_t i = 0; i < d->meetings[m].field.n; i++) \
			for (size_t m2 = 0; m2 <= m; m2++) \
				for (size_t j = 0; j < (m2 == m ? i : d->meetings[m2].field.n); j++) \
					if (d->meetings[m2].field.v[j].id == d->meetings[m].field.v[i].id) { \
						snprintf(p, sizeof p, "project.meetings[%zu]." what "[%zu].id", m, i); \
						return failf(r, p, "id %" PRId64 " is used twice", \
						             d->meetings[m].field.v[i].id); \
					}

static enum ko_err check_ids(struct reader *r, const struct import_doc *d)
{
	char p[256];
	for (size_t m = 0; m < d->n; m++)
		for (size_t m2 = 0; m2 < m; m2++) {
			if (d->meetings[m2].meeting.id == d->meetings[m].meeting.id) {
				snprintf(p, sizeof p, "project.meetings[%zu].id", m);
				return failf(r, p, "id %" PRId64 " is used twice", d->meetings[m].meeting.id);
			}
			if (d->meetings[m2].meeting.kind == d->meetings[m].meeting.kind) {
				snprintf(p, sizeof p, "project.meetings[%zu].kind", m);
				return failf(r, p, "a project has one %s meeting",
				             kind_name(d->meetings[m].meeting.kind));
			}
		}
	DUP_CHECK(attendees, "attendees")
	DUP_CHECK(items, "items")
	DUP_CHECK(decisions, "decisions")
	DUP_CHECK(risks, "risks")
	DUP_CHECK(outputs, "outputs")
	DUP_CHECK(actions, "actions")
	return KO_OK;
}

static enum ko_err parse(struct reader *r, json_t *root, struct import_doc *d)
{
	enum ko_err rc;
	json_t *v, *po;
	if (!json_is_object(root))
		return failf(r, "", "must be an object");
	static const char *const keys[] = { "format", "project", NULL };
	TRY(check_keys(r, root, "", keys));
	TRY(get(r, root, "", "format", &v));
	if (!json_is_string(v) || strcmp(json_string_value(v), EXPORT_JSON_FORMAT) != 0)
		return failf(r, "format", "unknown format%s%s%s (want \"%s\")",
		             json_is_string(v) ? " \"" : "",
		             json_is_string(v) ? json_string_value(v) : "",
		             json_is_string(v) ? "\"" : "", EXPORT_JSON_FORMAT);
	TRY(get(r, root, "", "project", &po));
	if (!json_is_object(po))
		return failf(r, "project", "must be an object");
	static const char *const pkeys[] = {
		"id", "name", "customer", "code", "lang", "template", "created_at",
		"version", "meetings", NULL,
	};
	struct project *p = &d->project;
	TRY(check_keys(r, po, "project", pkeys));
	TRY(get_int(r, po, "project", "id", 1, ID_MAX, false, &p->id));
	TRY(get_text(r, po, "project", "name", NAME_MAX_BYTES, true, false, &p->name));
	if (strchr(p->name, '/'))
		return failf(r, "project.name", "must not contain '/'");
	TRY(get_text(r, po, "project", "customer", NAME_MAX_BYTES, false, false, &p->customer));
	TRY(get_text(r, po, "project", "code", NAME_MAX_BYTES, false, false, &p->code));
	TRY(get_text(r, po, "project", "lang", 2, true, false, &p->lang));
	if (strcmp(p->lang, "en") != 0 && strcmp(p->lang, "zh") != 0)
		return failf(r, "project.lang", "must be one of en, zh");
	TRY(get_text(r, po, "project", "template", NAME_MAX_BYTES, true, false, &p->template_name));
	TRY(get_text(r, po, "project", "created_at", 20, true, false, &p->created_at));
	TRY(need_stamp(r, "project", "created_at", p->created_at, false));
	TRY(get_int(r, po, "project", "version", 1, ID_MAX, false, &p->version));
	json_t *list;
	char lp[256], ep[256];
	TRY(get_list(r, po, "project", "meetings", &list, lp, sizeof lp));
	size_t n = json_array_size(list);
	if (n > 2)
		return failf(r, lp, "has %zu meetings; a project has at most a KO and a TKO", n);
	d->meetings = calloc(n ? n : 1, sizeof *d->meetings);
	if (!d->meetings)
		return KO_NOMEM;
	for (size_t i = 0; i < n; i++) {
		json_t *e;
		TRY(element(r, list, i, lp, &e, ep, sizeof ep));
		d->n = i + 1;
		TRY(read_meeting(r, e, ep, &d->meetings[i]));
		struct meeting *m = &d->meetings[i].meeting;
		m->project_id = p->id;
		m->project_name = strdup(p->name);
		m->lang = strdup(p->lang);
		if (!m->project_name || !m->lang)
			return KO_NOMEM;
	}
	return check_ids(r, d);
}

void import_doc_free(struct import_doc *d)
{
	project_free(&d->project);
	for (size_t i = 0; i < d->n; i++)
		minutes_free(&d->meetings[i]);
	free(d->meetings);
	memset(d, 0, sizeof *d);
}

enum ko_err import_parse(const char *bytes, size_t len, struct import_doc *out,
                         struct ko_error *e)
{
	memset(out, 0, sizeof *out);
	if (!utf8_valid(bytes, len)) {
		/* Name the line of the first bad byte, not always line 1. */
		size_t at = 0;
		int line = 1;
		while (at < len) {
			unsigned cp;
			size_t n = utf8_decode(bytes + at, len - at, &cp);
			if (n == 0)
				break;
			if (cp == '\n')
				line++;
			at += n;
		}
		return ko_fail(e, KO_INVALID, _("line %d: not UTF-8 text (byte %zu)"), line, at + 1);
	}
	json_error_t jerr;
	json_t *root = json_loadb(bytes, len, JSON_REJECT_DUPLICATES, &jerr);
	/* Text holds no NUL: C strings end there, so it would be cut short. */
	if (!root && strstr(jerr.text, "\\u0000"))
		return ko_fail(e, KO_INVALID, _("line %d, column %d: a NUL character (\\u0000) in a text; "
		               "kickoff does not store NUL"), jerr.line, jerr.column);
	if (!root)
		return ko_fail(e, KO_INVALID, _("line %d, column %d: %s"), jerr.line, jerr.column,
		               jerr.text);
	struct reader r = { .src = bytes, .len = len, .e = e };
	enum ko_err rc = parse(&r, root, out);
	json_decref(root);
	if (rc == KO_NOMEM)
		ko_fail(e, KO_NOMEM, _("out of memory while reading"));
	if (rc != KO_OK)
		import_doc_free(out);
	return rc;
}
