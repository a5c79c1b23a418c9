/* template_json.c - reading a team's own template from its JSON body.
 *
 *   { "format": "kickoff-template/1", "name": "lean",
 *     "ko":  { "en": { "items": [...], "minutes": [...], "outputs": [...],
 *                      "roles": [...], "actions": [...] }, "zh": {...} },
 *     "tko": { ... } }
 *
 * A kind may be missing (the built-in one is used); a language may be
 * missing (the other one is used); roles and actions may be missing (a
 * file written before them): the built-in ones are used.  "minutes", the
 * planned minutes of each item in the same order (0: none), may be
 * missing too: then no item has any. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"
#include "kickoff/template.h"

static enum ko_err take_list(json_t *arr, const char *where, char ***out,
                             size_t *n, struct ko_error *e)
{
	if (!json_is_array(arr))
		return ko_fail(e, KO_INVALID, _("template: %s must be a list of texts"), where);
	size_t len = json_array_size(arr);
	char **v = calloc(len ? len : 1, sizeof *v);
	if (!v)
		return KO_NOMEM;
	for (size_t i = 0; i < len; i++) {
		const char *s = json_string_value(json_array_get(arr, i));
		if (!s || !*s) {
			for (size_t j = 0; j < i; j++)
				free(v[j]);
			free(v);
			return ko_fail(e, KO_INVALID, _("template: %s[%zu] must be a non-empty text"),
			               where, i);
		}
		v[i] = strdup(s);
	}
	*out = v;
	*n = len;
	return KO_OK;
}

/* The planned minutes, one whole number 0..1440 per item. */
static enum ko_err take_minutes(json_t *arr, const char *where, size_t n_items, int **out,
                                struct ko_error *e)
{
	if (!json_is_array(arr) || json_array_size(arr) != n_items)
		return ko_fail(e, KO_INVALID, _("template: %s must be a list of %zu numbers, one per item"),
		               where, n_items);
	int *v = calloc(n_items ? n_items : 1, sizeof *v);
	if (!v)
		return KO_NOMEM;
	for (size_t i = 0; i < n_items; i++) {
		json_t *m = json_array_get(arr, i);
		json_int_t x = json_is_integer(m) ? json_integer_value(m) : -1;
		if (x < 0 || x > 1440) {
			free(v);
			return ko_fail(e, KO_INVALID, _("template: %s[%zu] must be minutes from 0 to 1440"),
			               where, i);
		}
		v[i] = (int)x;
	}
	*out = v;
	return KO_OK;
}

enum ko_err template_from_json(const char *body, enum meeting_kind kind,
                               const char *lang, struct agenda *out,
                               struct ko_error *e)
{
	json_error_t jerr;
	json_t *root = json_loads(body, 0, &jerr);
	if (!root)
		return ko_fail(e, KO_INVALID, _("template: line %d: %s"), jerr.line, jerr.text);
	memset(out, 0, sizeof *out);
	if (!json_is_object(root)) {
		json_decref(root);
		return ko_fail(e, KO_INVALID, _("template: the body must be a JSON object"));
	}
	enum ko_err rc = KO_OK;
	json_t *part = json_object_get(root, kind_name(kind));
	if (!part) {
		json_decref(root);
		return template_builtin(kind, lang, out);
	}
	const char *other = lang && strcmp(lang, "zh") == 0 ? "en" : "zh";
	json_t *l = json_object_get(part, lang ? lang : "en");
	if (!l)
		l = json_object_get(part, other);
	if (!json_is_object(l)) {
		rc = ko_fail(e, KO_INVALID, _("template: %s has no language part"), kind_name(kind));
		goto done;
	}
	char where[32];
	snprintf(where, sizeof where, "%s.items", kind_name(kind));
	rc = take_list(json_object_get(l, "items"), where, &out->items, &out->n_items, e);
	json_t *mins = json_object_get(l, "minutes");
	if (rc == KO_OK && mins) {
		snprintf(where, sizeof where, "%s.minutes", kind_name(kind));
		rc = take_minutes(mins, where, out->n_items, &out->item_minutes, e);
	}
	if (rc == KO_OK) {
		snprintf(where, sizeof where, "%s.outputs", kind_name(kind));
		json_t *o = json_object_get(l, "outputs");
		if (o)
			rc = take_list(o, where, &out->outputs, &out->n_outputs, e);
	}
	json_t *r = json_object_get(l, "roles");
	if (rc == KO_OK && r) {
		snprintf(where, sizeof where, "%s.roles", kind_name(kind));
		rc = take_list(r, where, &out->roles, &out->n_roles, e);
	}
	json_t *ac = json_object_get(l, "actions");
	if (rc == KO_OK && ac) {
		snprintf(where, sizeof where, "%s.actions", kind_name(kind));
		rc = take_list(ac, where, &out->actions, &out->n_actions, e);
	}
	if (rc == KO_OK && template_builtin_people(kind, lang, out) != KO_OK)
		rc = KO_NOMEM;
	if (rc != KO_OK)
		agenda_free(out);
done:
	json_decref(root);
	return rc;
}

/* ---- checking a body, and the built-in one as JSON ---- */

static enum ko_err check_part(json_t *part, const char *kind, struct ko_error *e)
{
	if (!json_is_object(part) || json_object_size(part) == 0)
		return ko_fail(e, KO_INVALID, _("template: %s must be an object with \"en\" and/or \"zh\""),
		               kind);
	const char *lang;
	json_t *l;
	json_object_foreach(part, lang, l) {
		if (strcmp(lang, "en") != 0 && strcmp(lang, "zh") != 0)
			return ko_fail(e, KO_INVALID, _("template: %s.%s: unknown language (en or zh)"),
			               kind, lang);
		if (!json_is_object(l))
			return ko_fail(e, KO_INVALID, _("template: %s.%s must be an object"), kind, lang);
		const char *key;
		json_t *v;
		json_object_foreach(l, key, v) {
			if (strcmp(key, "items") != 0 && strcmp(key, "minutes") != 0 &&
			    strcmp(key, "outputs") != 0 &&
			    strcmp(key, "roles") != 0 && strcmp(key, "actions") != 0)
				return ko_fail(e, KO_INVALID, _("template: %s.%s.%s: unknown field"), kind,
				               lang, key);
		}
		json_t *items = json_object_get(l, "items");
		if (!json_is_array(items) || json_array_size(items) == 0)
			return ko_fail(e, KO_INVALID, _("template: %s.%s.items must be a list of one or more texts"),
			               kind, lang);
	}
	return KO_OK;
}

enum ko_err template_check_json(const char *body, char **name, struct ko_error *e)
{
	json_error_t jerr;
	json_t *root = json_loads(body, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return ko_fail(e, KO_INVALID, _("template: line %d, column %d: %s"), jerr.line,
		               jerr.column, jerr.text);
	enum ko_err rc = KO_OK;
	const char *key;
	json_t *v;
	if (!json_is_object(root)) {
		rc = ko_fail(e, KO_INVALID, _("template: must be a JSON object"));
		goto done;
	}
	json_object_foreach(root, key, v) {
		if (strcmp(key, "format") && strcmp(key, "name") && strcmp(key, "ko") &&
		    strcmp(key, "tko")) {
			rc = ko_fail(e, KO_INVALID, _("template: %s: unknown field"), key);
			goto done;
		}
	}
	const char *format = json_string_value(json_object_get(root, "format"));
	if (!format || strcmp(format, TEMPLATE_FORMAT) != 0) {
		rc = ko_fail(e, KO_INVALID, _("template: format must be \"%s\""), TEMPLATE_FORMAT);
		goto done;
	}
	const char *n = json_string_value(json_object_get(root, "name"));
	if (!n || !*n || strlen(n) > NAME_MAX_BYTES) {
		rc = ko_fail(e, KO_INVALID, _("template: name must be a text of 1 to %d bytes"),
		             NAME_MAX_BYTES);
		goto done;
	}
	if (!json_object_get(root, "ko") && !json_object_get(root, "tko")) {
		rc = ko_fail(e, KO_INVALID, _("template: has neither \"ko\" nor \"tko\""));
		goto done;
	}
	for (int k = KIND_KO; k <= KIND_TKO && rc == KO_OK; k++) {
		json_t *part = json_object_get(root, kind_name((enum meeting_kind)k));
		if (!part)
			continue;
		rc = check_part(part, kind_name((enum meeting_kind)k), e);
		/* What a new meeting would get, in each language given. */
		for (int zh = 0; zh < 2 && rc == KO_OK; zh++) {
			if (!json_object_get(part, zh ? "zh" : "en"))
				continue;
			struct agenda a;
			rc = template_from_json(body, (enum meeting_kind)k, zh ? "zh" : "en", &a, e);
			if (rc == KO_OK)
				agenda_free(&a);
		}
	}
	if (rc == KO_OK && name) {
		*name = strdup(n);
		if (!*name)
			rc = KO_NOMEM;
	}
done:
	json_decref(root);
	return rc;
}

static json_t *minutes_json(const int *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_integer(v ? v[i] : 0));
	return a;
}

static json_t *list_json(char **v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

char *template_builtin_json(void)
{
	json_t *root = json_pack("{s:s, s:s}", "format", TEMPLATE_FORMAT, "name", TEMPLATE_BUILTIN);
	for (int k = KIND_KO; root && k <= KIND_TKO; k++) {
		json_t *part = json_object();
		for (int zh = 0; zh < 2; zh++) {
			struct agenda a;
			if (template_builtin((enum meeting_kind)k, zh ? "zh" : "en", &a) != KO_OK) {
				json_decref(part);
				json_decref(root);
				return NULL;
			}
			json_object_set_new(part, zh ? "zh" : "en", json_pack("{s:o, s:o, s:o, s:o, s:o}",
				"items", list_json(a.items, a.n_items),
				"minutes", minutes_json(a.item_minutes, a.n_items),
				"outputs", list_json(a.outputs, a.n_outputs),
				"roles", list_json(a.roles, a.n_roles),
				"actions", list_json(a.actions, a.n_actions)));
			agenda_free(&a);
		}
		json_object_set_new(root, kind_name((enum meeting_kind)k), part);
	}
	char *s = root ? json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(root);
	return s;
}
