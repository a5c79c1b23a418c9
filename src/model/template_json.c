/* template_json.c - reading a team's own template from its JSON body.
 *
 *   { "format": "kickoff-template/1", "name": "lean",
 *     "ko":  { "en": { "items": [...], "outputs": [...] }, "zh": {...} },
 *     "tko": { ... } }
 *
 * A kind may be missing (the built-in one is used); a language may be
 * missing (the other one is used). */
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

enum ko_err template_from_json(const char *body, enum meeting_kind kind,
                               const char *lang, struct agenda *out,
                               struct ko_error *e)
{
	json_error_t jerr;
	json_t *root = json_loads(body, 0, &jerr);
	if (!root)
		return ko_fail(e, KO_INVALID, _("template: line %d: %s"), jerr.line, jerr.text);
	memset(out, 0, sizeof *out);
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
	if (rc == KO_OK) {
		snprintf(where, sizeof where, "%s.outputs", kind_name(kind));
		json_t *o = json_object_get(l, "outputs");
		if (o)
			rc = take_list(o, where, &out->outputs, &out->n_outputs, e);
	}
	if (rc != KO_OK)
		agenda_free(out);
done:
	json_decref(root);
	return rc;
}
