/* project.c - kickoff project add|list|delete */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"

static int project_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "customer", required_argument, NULL, 'c' },
		{ "code", required_argument, NULL, 'x' },
		{ "lang", required_argument, NULL, 'l' },
		{ "template", required_argument, NULL, 't' },
		{ 0 },
	};
	const char *customer = "", *code = "", *lang = NULL, *tmpl = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'c': customer = optarg; break;
		case 'x': code = optarg; break;
		case 'l': lang = optarg; break;
		case 't': tmpl = optarg; break;
		default: return 1;
		}
	}
	if (optind != argc - 1)
		return cli_usage_fail(c, optind >= argc ? _("missing project name") : _("too many arguments"));
	if (lang && strcmp(lang, "en") != 0 && strcmp(lang, "zh") != 0)
		return cli_usage_fail(c, _("--lang must be en or zh, not '%s'"), lang);
	const char *name = argv[optind];
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	int64_t id;
	if (store_project_add(st, name, customer, code, lang ? lang : i18n_user_lang(), tmpl, &id) != KO_OK)
		return cli_store_fail(c);
	/* As saved: trimmed of the blank around it. */
	struct project p;
	if (store_project_get(st, id, &p) == KO_OK) {
		cli_say(_("added project %s (id %lld)\n"), p.name, (long long)id);
		project_free(&p);
	} else {
		cli_say(_("added project %s (id %lld)\n"), name, (long long)id);
	}
	return 0;
}

static json_t *meeting_summary(int status, int items, int checked, const char *at)
{
	if (status < 0)
		return json_null();
	return json_pack("{s:s, s:o, s:i, s:i}", "status", meeting_status_name(status),
	                 "starts_at", json_text_or_null(at), "items", items, "checked", checked);
}

static int project_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "filter", required_argument, NULL, 'f' },
		{ 0 },
	};
	bool json = false;
	const char *filter = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'j': json = true; break;
		case 'f': filter = optarg; break;
		default: return 1;
		}
	}
	if (optind != argc)
		return cli_usage_fail(c, _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	vec_project v;
	if (store_project_list(st, filter, 0, 0, &v) != KO_OK)
		return cli_store_fail(c);
	if (json) {
		json_t *arr = cli_json_rows(&entity_project, v.v, v.n);
		for (size_t i = 0; i < v.n && arr; i++) {
			const struct project *p = &v.v[i];
			json_t *o = json_array_get(arr, i);
			if (!cli_json_add(o, "ko", meeting_summary(p->ko_status, p->ko_items, p->ko_checked, p->ko_at))
			    || !cli_json_add(o, "tko", meeting_summary(p->tko_status, p->tko_items, p->tko_checked, p->tko_at))
			    || !cli_json_add(o, "actions_open", json_integer(p->actions_open))
			    || !cli_json_add(o, "actions_overdue", json_integer(p->actions_overdue))) {
				json_decref(arr);
				arr = NULL;
			}
		}
		vec_project_free(&v);
		return cli_print_json_list(entity_project.list, arr);
	}
	if (v.n == 0) {
		printf("%s\n", _("No projects yet. Add one: kickoff project add NAME"));
		vec_project_free(&v);
		return 0;
	}
	size_t rows = v.n + 1;
	const char **cells = calloc(rows * 6, sizeof *cells);
	char (*nums)[3][32] = calloc(v.n, sizeof *nums);
	if (!cells || !nums) {
		free(cells);
		free(nums);
		vec_project_free(&v);
		return cli_fail(c, KO_NOMEM, _("out of memory"));
	}
	const char *head[] = { _("ID"), _("PROJECT"), _("CUSTOMER"), _("KO"), _("TKO"), _("ACTIONS") };
	memcpy(cells, head, sizeof head);
	for (size_t i = 0; i < v.n; i++) {
		const struct project *p = &v.v[i];
		const char **row = cells + (i + 1) * 6;
		snprintf(nums[i][0], 32, "%lld", (long long)p->id);
		if (p->ko_status >= 0)
			snprintf(nums[i][1], 32, "%d/%d %s", p->ko_checked, p->ko_items,
			         _(meeting_status_name(p->ko_status)));
		else
			snprintf(nums[i][1], 32, "-");
		if (p->tko_status >= 0)
			snprintf(nums[i][2], 32, "%d/%d %s", p->tko_checked, p->tko_items,
			         _(meeting_status_name(p->tko_status)));
		else
			snprintf(nums[i][2], 32, "-");
		row[0] = nums[i][0];
		row[1] = p->name;
		row[2] = p->customer;
		row[3] = nums[i][1];
		row[4] = nums[i][2];
		row[5] = NULL;
	}
	/* The actions column: open (overdue). */
	char (*act)[64] = calloc(v.n, sizeof *act);
	for (size_t i = 0; act && i < v.n; i++) {
		snprintf(act[i], 64, _("%d open, %d overdue"), v.v[i].actions_open, v.v[i].actions_overdue);
		cells[(i + 1) * 6 + 5] = act[i];
	}
	cli_print_table(cells, 6, (int)rows);
	free(act);
	free(nums);
	free(cells);
	vec_project_free(&v);
	return 0;
}

static int project_delete(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (optind != argc - 1)
		return cli_usage_fail(c, optind >= argc ? _("missing project") : _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct project p;
	if (store_project_find(st, argv[optind], &p) != KO_OK)
		return cli_store_fail(c);
	enum ko_err rc = store_project_delete(st, p.id);
	if (rc == KO_OK)
		cli_say(_("deleted project %s and its meetings\n"), p.name);
	project_free(&p);
	return rc == KO_OK ? 0 : cli_store_fail(c);
}

/* A meeting's state in the portfolio: not planned (no such meeting),
 * planned (for a date when it has one), held or closed. */
static const char *state_name(int status)
{
	return status < 0 ? N_("not planned") : meeting_status_name(status);
}

static void state_text(int status, const char *at, char *buf, size_t n)
{
	if (status == MSTATUS_PLANNED && *at)
		snprintf(buf, n, _("planned for %s"), at);
	else
		snprintf(buf, n, "%s", _(state_name(status)));
}

static json_t *state_json(int status, const char *at, int items, int checked)
{
	return json_pack("{s:s, s:o, s:o, s:o}", "state", state_name(status),
	                 "starts_at", status < 0 ? json_null() : json_text_or_null(at),
	                 "items", status < 0 ? json_null() : json_integer(items),
	                 "checked", status < 0 ? json_null() : json_integer(checked));
}

static int project_status(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' }, { 0 } };
	bool json = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'j')
			return 1;
		json = true;
	}
	if (optind != argc)
		return cli_usage_fail(c, _("too many arguments"));
	if (clock_now() == (time_t)-1)
		return cli_fail(c, KO_INVALID, _("KICKOFF_NOW must be 'YYYY-MM-DD HH:MM[:SS]'"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	vec_project v;
	if (store_project_list(st, NULL, 0, 0, &v) != KO_OK)
		return cli_store_fail(c);
	int status = 0;
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < v.n && arr; i++) {
			const struct project *p = &v.v[i];
			json_t *o = json_object();
			o = cli_json_set(o, "id", json_integer(p->id));
			o = cli_json_set(o, "project", json_string(p->name));
			o = cli_json_set(o, "customer", json_text_or_null(p->customer));
			o = cli_json_set(o, "ko", state_json(p->ko_status, p->ko_at, p->ko_items,
			                                     p->ko_checked));
			o = cli_json_set(o, "tko", state_json(p->tko_status, p->tko_at, p->tko_items,
			                                      p->tko_checked));
			o = cli_json_set(o, "actions_open", json_integer(p->actions_open));
			o = cli_json_set(o, "actions_overdue", json_integer(p->actions_overdue));
			if (!o || json_array_append_new(arr, o) != 0) {
				json_decref(arr);
				arr = NULL;
			}
		}
		status = cli_print_json_list("projects", arr);
	} else if (v.n == 0) {
		printf("%s\n", _("No projects yet. Add one: kickoff project add NAME"));
	} else {
		enum { NCOL = 7 };
		const char **cells = calloc((v.n + 1) * NCOL, sizeof *cells);
		char (*buf)[6][160] = calloc(v.n, sizeof *buf);
		if (!cells || !buf) {
			status = cli_fail(c, KO_NOMEM, _("out of memory"));
		} else {
			const char *head[NCOL] = { _("PROJECT"), _("KO"), _("AGENDA"), _("TKO"),
			                           _("AGENDA"), _("OPEN"), _("OVERDUE") };
			memcpy(cells, head, sizeof head);
			for (size_t i = 0; i < v.n; i++) {
				const struct project *p = &v.v[i];
				const char **row = cells + (i + 1) * NCOL;
				state_text(p->ko_status, p->ko_at, buf[i][0], sizeof buf[i][0]);
				state_text(p->tko_status, p->tko_at, buf[i][2], sizeof buf[i][2]);
				snprintf(buf[i][1], sizeof buf[i][1], p->ko_status < 0 ? "-" : "%d/%d",
				         p->ko_checked, p->ko_items);
				snprintf(buf[i][3], sizeof buf[i][3], p->tko_status < 0 ? "-" : "%d/%d",
				         p->tko_checked, p->tko_items);
				snprintf(buf[i][4], sizeof buf[i][4], "%d", p->actions_open);
				snprintf(buf[i][5], sizeof buf[i][5], "%d", p->actions_overdue);
				row[0] = p->name;
				for (int k = 0; k < 6; k++)
					row[k + 1] = buf[i][k];
			}
			cli_print_table(cells, NCOL, (int)v.n + 1);
		}
		free(cells);
		free(buf);
	}
	vec_project_free(&v);
	return status;
}

const struct cli_verb cli_status_verbs[] = {
	{ "status", "", N_("[--json]"),
	  N_("Every project's KO and TKO: not planned, planned for a date or held; agenda "
	     "progress; open and overdue actions."), project_status },
	{ 0 },
};

const struct cli_verb cli_project_verbs[] = {
	{ "project", "add", N_("NAME [--customer C] [--code X] [--lang en|zh] [--template T]"),
	  N_("Add a project. Its meetings get the template's agenda in its language."),
	  project_add },
	{ "project", "list", N_("[--filter TEXT] [--json]"),
	  N_("List projects with KO and TKO progress and open and overdue actions."),
	  project_list },
	{ "project", "delete", N_("PROJECT"),
	  N_("Delete a project with its meetings (undo restores it)."), project_delete },
	{ 0 },
};
