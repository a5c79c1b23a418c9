/* template.c - kickoff template list|show|import */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/file.h"
#include "kickoff/i18n.h"
#include "kickoff/template.h"

static int template_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ 0 },
	};
	bool json = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'j')
			return 1;
		json = true;
	}
	if (optind != argc)
		return cli_usage_fail(c, _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	vec_template v;
	if (store_template_list(st, &v) != KO_OK)
		return cli_store_fail(c);
	int status = 0;
	if (json) {
		json_t *arr = json_array();
		json_array_append_new(arr, json_pack("{s:s, s:b, s:n}", "name", TEMPLATE_BUILTIN,
		                                     "builtin", 1, "created_at"));
		for (size_t i = 0; i < v.n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:b, s:s}", "name", v.v[i].name,
			                                     "builtin", 0, "created_at",
			                                     v.v[i].created_at));
		status = cli_print_json_list("templates", arr);
	} else {
		size_t rows = v.n + 2;
		const char **cells = calloc(rows * 2, sizeof *cells);
		if (!cells) {
			vec_template_free(&v);
			return cli_fail(c, KO_NOMEM, _("out of memory"));
		}
		cells[0] = C_("thing", "NAME");
		cells[1] = _("IMPORTED");
		cells[2] = TEMPLATE_BUILTIN;
		cells[3] = _("(built in)");
		for (size_t i = 0; i < v.n; i++) {
			cells[(i + 2) * 2] = v.v[i].name;
			cells[(i + 2) * 2 + 1] = v.v[i].created_at;
		}
		cli_print_table(cells, 2, (int)rows);
		free(cells);
	}
	vec_template_free(&v);
	return status;
}

static int template_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing template name") : _("too many arguments"));
	const char *name = argv[optind];
	char *body;
	if (strcmp(name, TEMPLATE_BUILTIN) == 0) {
		body = template_builtin_json();
		if (!body)
			return cli_fail(c, KO_NOMEM, _("out of memory"));
		cli_write_data(body, strlen(body));
		fputc('\n', stdout);
		free(body);
		return 0;
	}
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	if (store_template_get(st, name, &body) != KO_OK)
		return cli_store_fail(c);
	/* Shown re-indented, in the order it was written. */
	json_t *j = json_loads(body, 0, NULL);
	free(body);
	if (!j)
		return cli_fail(c, KO_CORRUPT, _("template '%s' is not valid JSON"), name);
	return cli_print_json(j);
}

static int template_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing file") : _("too many arguments"));
	const char *path = argv[optind];
	char *body, *name = NULL;
	size_t len;
	struct ko_error e = { 0 };
	if (file_read_all(path, TEXT_MAX_BYTES * 4, &body, &len, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	if (strlen(body) != len) {
		free(body);
		return cli_fail(c, KO_INVALID, _("%s: holds a NUL byte"), path);
	}
	if (template_check_json(body, &name, &e) != KO_OK) {
		free(body);
		return cli_fail(c, e.code, "%s: %s", path, e.msg);
	}
	int status = 0;
	struct store *st = cli_store(c);
	if (!st)
		status = 3;
	else if (store_template_add(st, name, body) != KO_OK)
		status = cli_store_fail(c);
	else
		cli_say(_("imported template '%s'\n"), name);
	free(name);
	free(body);
	return status;
}

const struct cli_verb cli_template_verbs[] = {
	{ "template", "list", N_("[--json]"),
	  N_("List the templates: the built-in one and those imported."), template_list },
	{ "template", "show", NC_("thing", "NAME"),
	  N_("Print a template as JSON, in the form 'template import' reads."), template_show },
	{ "template", "import", N_("FILE"),
	  N_("Add a template (agenda items and outputs of KO and TKO) from a JSON file."),
	  template_import },
	{ 0 },
};
