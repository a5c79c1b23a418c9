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
#include "kickoff/agenda.h"
#include "kickoff/datetime.h"
#include "kickoff/entity.h"
#include "kickoff/export.h"
#include "kickoff/export_json.h"
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

/* One field as JSON: texts as strings (null when empty for FIELD_NULL),
 * choices by name, flags as booleans, a link as a number or null. */
static json_t *field_json(const struct field_desc *f, const void *row)
{
	int64_t v = field_int(f, row);
	switch (f->kind) {
	case FK_CHOICE: return json_string(f->choices[v]);
	case FK_FLAG: return json_boolean(v);
	case FK_NUMBER:
	case FK_REF: return f->link ? int_or_null(v) : json_integer(v);
	case FK_COUNT: return json_integer(v);
	default: break;
	}
	const char *s = field_str(f, row);
	return f->flags & FIELD_NULL ? text_or_null(s) : json_string(s);
}

/* *ok turns false when a value could not be made (out of memory, or text
 * that is not UTF-8), so that a file is never written with a member left
 * out. */
static void put(json_t *o, const char *key, json_t *v, bool *ok)
{
	if (!v || json_object_set_new(o, key, v) != 0)
		*ok = false;
}

/* A row as the file has it: its id, what it links to (what it hangs on
 * reads first), its other fields in the description's order, then its
 * version.  A meeting's kind follows its id. */
static json_t *row_json(const struct entity_desc *e, const void *row, const char *kind,
                        bool *ok)
{
	json_t *o = json_object();
	if (!o) {
		*ok = false;
		return NULL;
	}
	put(o, "id", json_integer(entity_id(row)), ok);
	if (kind)
		put(o, "kind", json_string(kind), ok);
	for (int links = 1; links >= 0; links--)
		for (size_t i = 0; i < e->nfields; i++)
			if (!e->fields[i].link == !links)
				put(o, e->fields[i].name, field_json(&e->fields[i], row), ok);
	/* What the clock says, for people and scripts; the import reads the
	 * clock's own fields instead. */
	if (e == &entity_item)
		put(o, ITEM_ACTUAL_KEY,
		    json_integer(minutes_of(((const struct item *)row)->read_seconds)), ok);
	put(o, "version", json_integer(entity_version(e, row)), ok);
	return o;
}

json_t *export_row_json(const struct entity_desc *e, const void *row)
{
	bool ok = true;
	const char *kind = e == &entity_meeting
		? kind_name(((const struct meeting *)row)->kind) : NULL;
	json_t *o = row_json(e, row, kind, &ok);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *meeting_json(const struct minutes *mi, bool *ok)
{
	json_t *o = row_json(&entity_meeting, &mi->meeting, kind_name(mi->meeting.kind), ok);
	for (size_t p = 0; p < minutes_nparts && o; p++) {
		const struct entity_desc *e = minutes_parts[p].entity;
		size_t n;
		const void *rows = minutes_rows(mi, &minutes_parts[p], &n);
		json_t *list = json_array();
		for (size_t i = 0; i < n && list; i++)
			if (json_array_append_new(list, row_json(e, entity_row(e, rows, i), NULL, ok)) != 0)
				*ok = false;
		put(o, e->list, list, ok);
	}
	return o;
}

enum ko_err export_json(const struct export_set *set, struct kbuf *out)
{
	bool ok = true;
	json_t *root = json_object();
	json_t *project = row_json(&entity_project, set->project, NULL, &ok);
	json_t *meetings = json_array();
	for (size_t i = 0; i < set->n && meetings; i++)
		if (json_array_append_new(meetings, meeting_json(&set->meetings[i], &ok)) != 0)
			ok = false;
	if (project)
		put(project, entity_meeting.list, meetings, &ok);
	else
		json_decref(meetings);
	if (root) {
		put(root, "format", json_string(EXPORT_JSON_FORMAT), &ok);
		put(root, "project", project, &ok);
	} else {
		json_decref(project);
	}
	char *s = ok && root ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
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

#define TRY(x) do { if ((rc = (x)) != KO_OK) return rc; } while (0)
#define ID_MAX INT64_C(999999999999999999)

/* Whether key is a member of e's rows in the file (e NULL: of the top
 * object); extra names the members besides the fields (NULL-terminated). */
static bool known_key(const struct entity_desc *e, const char *key, const char *const *extra)
{
	if (e && (strcmp(key, "id") == 0 || strcmp(key, "version") == 0))
		return true;
	for (size_t i = 0; e && i < e->nfields; i++)
		if (strcmp(e->fields[i].name, key) == 0)
			return true;
	for (const char *const *q = extra; q && *q; q++)
		if (strcmp(*q, key) == 0)
			return true;
	return false;
}

static enum ko_err check_keys(struct reader *r, json_t *obj, const char *base,
                              const struct entity_desc *e, const char *const *extra)
{
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		if (!known_key(e, k, extra)) {
			char p[256];
			return failf(r, sub(p, sizeof p, base, k), "unknown field");
		}
	}
	return KO_OK;
}

static enum ko_err get_choice(struct reader *r, json_t *obj, const char *base,
                              const struct field_desc *f, int *out)
{
	json_t *v;
	enum ko_err rc = get(r, obj, base, f->name, &v);
	if (rc != KO_OK)
		return rc;
	int x = json_is_string(v) ? field_choice(f, json_string_value(v)) : -1;
	if (x < 0) {
		char p[256], names[256] = "";
		size_t at = 0;
		for (size_t i = 0; f->choices[i] && at < sizeof names; i++)
			at += (size_t)snprintf(names + at, sizeof names - at, "%s%s", i ? ", " : "",
			                       f->choices[i]);
		return failf(r, sub(p, sizeof p, base, f->name), "must be one of %s", names);
	}
	*out = x;
	return KO_OK;
}

#define TRY(x) do { if ((rc = (x)) != KO_OK) return rc; } while (0)
#define ID_MAX INT64_C(999999999999999999)
#define POSITION_MAX 1000000

/* The rows of the minutes being read that e's links name. */
static const void *linked_rows(const struct minutes *mi, const struct entity_desc *e, size_t *n)
{
	for (size_t p = 0; p < minutes_nparts && mi; p++)
		if (minutes_parts[p].entity == e)
			return minutes_rows(mi, &minutes_parts[p], n);
	*n = 0;
	return NULL;
}

/* A text field, then what its kind and its rule ask of the value. */
static enum ko_err read_text(struct reader *r, json_t *o, const char *base,
                             const struct field_desc *f, void *row)
{
	enum ko_err rc;
	char **s = field_text_at(f, row);
	TRY(get_text(r, o, base, f->name, f->max_bytes, f->flags & FIELD_REQUIRED,
	             f->flags & FIELD_NULL, s));
	const char *why = NULL;
	if (f->kind == FK_DATETIME && **s && !datetime_valid(*s))
		why = "must be 'YYYY-MM-DD HH:MM' or null";
	else if (f->kind == FK_DATE && **s && !date_valid(*s))
		why = "must be 'YYYY-MM-DD' or null";
	else if (f->kind == FK_STAMP && (**s || (f->flags & FIELD_REQUIRED)) && !stamp_valid(*s))
		why = "must be a time 'YYYY-MM-DDTHH:MM:SSZ'";
	else if (f->check)
		why = f->check(*s);
	char p[256];
	return why ? failf(r, sub(p, sizeof p, base, f->name), "%s", why) : KO_OK;
}

/* A number: the row's own position (index + 1 in its list), or a link to
 * a row read before it in the same minutes. */
static enum ko_err read_number(struct reader *r, json_t *o, const char *base,
                               const struct entity_desc *e, const struct field_desc *f,
                               const struct minutes *mi, size_t index, void *row)
{
	enum ko_err rc;
	char p[256];
	int64_t v;
	size_t n;
	const void *rows = f->link ? linked_rows(mi, f->link, &n) : NULL;
	if (!f->link) {
		TRY(get_int(r, o, base, f->name, 1, POSITION_MAX, false, &v));
		if (v != (int64_t)index + 1)
			return failf(r, sub(p, sizeof p, base, f->name),
			             "must be %zu (%s are numbered 1, 2, ...)", index + 1, e->list);
	} else if (f->kind == FK_NUMBER) {
		TRY(get_int(r, o, base, f->name, 1, (int64_t)n, !(f->flags & FIELD_REQUIRED), &v));
	} else if (f->flags & FIELD_OTHER_MEETING) {
		/* The other meeting is checked once the whole file is read
		 * (check_other_meetings). */
		TRY(get_int(r, o, base, f->name, 1, ID_MAX, true, &v));
	} else {
		TRY(get_int(r, o, base, f->name, 1, ID_MAX, !(f->flags & FIELD_REQUIRED), &v));
		bool known = !v;
		for (size_t k = 0; k < n && !known; k++)
			known = entity_id(entity_row(f->link, rows, k)) == v;
		if (!known)
			return failf(r, sub(p, sizeof p, base, f->name),
			             "no %s %" PRId64 " in this meeting", f->link->name, v);
	}
	field_set_int(f, row, v);
	return KO_OK;
}

/* One row of e at path base: its id, its links, its fields, the rule
 * between them, its version: the order the writer puts them in, so the
 * first fault named is the first in the file. */
static enum ko_err read_row(struct reader *r, json_t *o, const char *base,
                            const struct entity_desc *e, const struct minutes *mi,
                            size_t index, void *row)
{
	enum ko_err rc;
	int64_t *id = row;
	TRY(get_int(r, o, base, "id", 1, ID_MAX, false, id));
	if (e == &entity_meeting) {
		int x = 0;
		TRY(get_enum(r, o, base, "kind", kind_parse, "ko, tko", &x));
		((struct meeting *)row)->kind = (enum meeting_kind)x;
	}
	for (int links = 1; links >= 0; links--)
		for (size_t i = 0; i < e->nfields; i++) {
			const struct field_desc *f = &e->fields[i];
			if (!f->link != !links)
				continue;
			if (f->optional && !json_object_get(o, f->name)) {
				/* A file from before the field: empty, as a new row. */
				char **s = field_text_at(f, row);
				if (s && !(*s = strdup("")))
					return KO_NOMEM;
				continue;
			}
			if (f->kind == FK_COUNT) {
				int64_t x = 0;
				TRY(get_int(r, o, base, f->name, 0, f->max_count, false, &x));
				field_set_int(f, row, x);
			} else if (field_is_text(f)) {
				TRY(read_text(r, o, base, f, row));
			} else if (f->kind == FK_CHOICE) {
				int x = 0;
				TRY(get_choice(r, o, base, f, &x));
				field_set_int(f, row, x);
			} else if (f->kind == FK_FLAG) {
				int x = 0;
				TRY(get_bool(r, o, base, f->name, &x));
				field_set_int(f, row, x);
			} else {
				TRY(read_number(r, o, base, e, f, mi, index, row));
			}
		}
	if (e == &entity_item) {
		/* The time run as the file saw it: exact for a stopped clock,
		 * to the minute for one that ran when the file was written. */
		struct item *it = row;
		json_t *am = json_object_get(o, ITEM_ACTUAL_KEY);
		int64_t shown = json_is_integer(am) ? (int64_t)json_integer_value(am) * 60 : 0;
		it->read_seconds = it->clock_seconds;
		if (item_running(it) && shown > it->read_seconds)
			it->read_seconds = shown;
	}
	const char *field, *why = e->check ? e->check(row, &field) : NULL;
	if (why) {
		char p[256];
		return failf(r, sub(p, sizeof p, base, field), "%s", why);
	}
	int64_t *version = (int64_t *)(void *)((char *)row + e->version_at);
	return get_int(r, o, base, "version", 1, ID_MAX, false, version);
}

/* Lists that files written before them do not have: a missing one reads
 * as empty, so those files still import. */
static bool added_later(const struct entity_desc *e)
{
	return e == &entity_question || e == &entity_raci;
}

/* Files written before attendees had an address and a status carry the
 * flags "invited" (always true) and "present" instead: read as the status
 * they stand for, with no address. */
static enum ko_err upgrade_attendee(struct reader *r, json_t *el, const char *ep)
{
	json_t *present = json_object_get(el, "present");
	if (!json_is_object(el) || !present || json_object_get(el, "status"))
		return KO_OK;
	enum ko_err rc;
	int was = 0;
	TRY(get_bool(r, el, ep, "present", &was));
	if (json_object_set_new(el, "status", json_string(was ? "present" : "invited")) != 0 ||
	    (!json_object_get(el, "email") && json_object_set_new(el, "email", json_null()) != 0))
		return KO_NOMEM;
	json_object_del(el, "present");
	json_object_del(el, "invited");
	return KO_OK;
}

static enum ko_err read_meeting(struct reader *r, json_t *o, const char *mp,
                                struct minutes *mi)
{
	const char *lists[minutes_nparts + 2];
	lists[0] = "kind";
	for (size_t p = 0; p < minutes_nparts; p++)
		lists[p + 1] = minutes_parts[p].entity->list;
	lists[minutes_nparts + 1] = NULL;
	enum ko_err rc;
	TRY(check_keys(r, o, mp, &entity_meeting, lists));
	TRY(read_row(r, o, mp, &entity_meeting, mi, 0, &mi->meeting));
	for (size_t p = 0; p < minutes_nparts; p++) {
		const struct entity_desc *e = minutes_parts[p].entity;
		char lp[256], ep[256];
		json_t *list, *el;
		if (added_later(e) && !json_object_get(o, e->list))
			continue;
		TRY(get_list(r, o, mp, e->list, &list, lp, sizeof lp));
		for (size_t i = 0; i < json_array_size(list); i++) {
			TRY(element(r, list, i, lp, &el, ep, sizeof ep));
			void *row = minutes_push(mi, &minutes_parts[p]);
			if (!row)
				return KO_NOMEM;
			if (e == &entity_attendee)
				TRY(upgrade_attendee(r, el, ep));
			static const char *const derived[] = { ITEM_ACTUAL_KEY, NULL };
			TRY(check_keys(r, el, ep, e, e == &entity_item ? derived : NULL));
			TRY(read_row(r, el, ep, e, mi, i, row));
		}
	}
	return KO_OK;
}

/* Two rows of one table with one id would make the import fail in the
 * database; say where instead. */
static enum ko_err check_part_ids(struct reader *r, const struct import_doc *d,
                                  const struct minutes_part *part)
{
	const struct entity_desc *e = part->entity;
	for (size_t m = 0; m < d->n; m++) {
		size_t n;
		const void *rows = minutes_rows(&d->meetings[m], part, &n);
		for (size_t i = 0; i < n; i++) {
			int64_t id = entity_id(entity_row(e, rows, i));
			for (size_t m2 = 0; m2 <= m; m2++) {
				size_t n2;
				const void *rows2 = minutes_rows(&d->meetings[m2], part, &n2);
				for (size_t j = 0; j < (m2 == m ? i : n2); j++)
					if (entity_id(entity_row(e, rows2, j)) == id) {
						char p[256];
						snprintf(p, sizeof p, "project.meetings[%zu].%s[%zu].id", m, e->list, i);
						return failf(r, p, "id %" PRId64 " is used twice", id);
					}
			}
		}
	}
	return KO_OK;
}

/* A link to another meeting's row names one of a meeting listed before
 * its own (the import writes them in the file's order).  A file of the
 * TKO alone has no earlier meeting: its links are read, and imported as
 * none. */
static enum ko_err check_other_meetings(struct reader *r, const struct import_doc *d,
                                        const struct minutes_part *part)
{
	const struct entity_desc *e = part->entity;
	for (size_t k = 0; k < e->nfields; k++) {
		const struct field_desc *f = &e->fields[k];
		if (!(f->flags & FIELD_OTHER_MEETING))
			continue;
		for (size_t m = 0; m < d->n; m++) {
			size_t n;
			const void *rows = minutes_rows(&d->meetings[m], part, &n);
			for (size_t i = 0; i < n; i++) {
				int64_t v = field_int(f, entity_row(e, rows, i));
				bool known = !v || (m == 0 && d->meetings[m].meeting.kind == KIND_TKO);
				for (size_t m2 = 0; m2 < m && !known; m2++) {
					size_t n2;
					const void *rows2 = linked_rows(&d->meetings[m2], f->link, &n2);
					for (size_t j = 0; j < n2 && !known; j++)
						known = entity_id(entity_row(f->link, rows2, j)) == v;
				}
				if (!known) {
					char p[256];
					snprintf(p, sizeof p, "project.meetings[%zu].%s[%zu].%s", m, e->list, i,
					         f->name);
					return failf(r, p, "no %s %" PRId64 " in a meeting before this one",
					             f->link->name, v);
				}
			}
		}
	}
	return KO_OK;
}

/* One row per cell: a second row for the same output and attendee would
 * make the import fail in the database; say where instead. */
static enum ko_err check_raci_cells(struct reader *r, const struct import_doc *d)
{
	for (size_t m = 0; m < d->n; m++) {
		const vec_raci *v = &d->meetings[m].raci;
		for (size_t i = 0; i < v->n; i++)
			for (size_t j = 0; j < i; j++)
				if (v->v[j].output_position == v->v[i].output_position &&
				    v->v[j].attendee_id == v->v[i].attendee_id) {
					char p[256];
					snprintf(p, sizeof p, "project.meetings[%zu].raci[%zu]", m, i);
					return failf(r, p, "a second cell for output %d and attendee %" PRId64,
					             v->v[i].output_position, v->v[i].attendee_id);
				}
	}
	return KO_OK;
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
	enum ko_err rc;
	for (size_t k = 0; k < minutes_nparts; k++) {
		TRY(check_part_ids(r, d, &minutes_parts[k]));
		TRY(check_other_meetings(r, d, &minutes_parts[k]));
	}
	return check_raci_cells(r, d);
}

static enum ko_err parse(struct reader *r, json_t *root, struct import_doc *d)
{
	enum ko_err rc;
	json_t *v, *po;
	if (!json_is_object(root))
		return failf(r, "", "must be an object");
	static const char *const keys[] = { "format", "project", NULL };
	TRY(check_keys(r, root, "", NULL, keys));
	TRY(get(r, root, "", "format", &v));
	if (!json_is_string(v) || strcmp(json_string_value(v), EXPORT_JSON_FORMAT) != 0)
		return failf(r, "format", "unknown format%s%s%s (want \"%s\")",
		             json_is_string(v) ? " \"" : "",
		             json_is_string(v) ? json_string_value(v) : "",
		             json_is_string(v) ? "\"" : "", EXPORT_JSON_FORMAT);
	TRY(get(r, root, "", "project", &po));
	if (!json_is_object(po))
		return failf(r, "project", "must be an object");
	static const char *const meetings_key[] = { "meetings", NULL };
	struct project *p = &d->project;
	TRY(check_keys(r, po, "project", &entity_project, meetings_key));
	TRY(read_row(r, po, "project", &entity_project, NULL, 0, p));
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
