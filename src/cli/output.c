/* output.c - kickoff output set|list */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/clock.h"
#include "kickoff/i18n.h"

static int output_set(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "owner", required_argument, NULL, 'o' },
		{ "due", required_argument, NULL, 'd' },
		{ 0 },
	};
	const char *status_s = NULL, *owner = NULL, *due = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 's': status_s = optarg; break;
		case 'o': owner = optarg; break;
		case 'd': due = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or output number") : _("too many arguments"));
	if (!status_s && !due)
		return cli_usage_fail(c, _("--status is required"));
	int status = status_s ? output_status_parse(status_s) : -1;
	if (status_s && status < 0)
		return cli_usage_fail(c, _("--status must be todo, drafting or done, not '%s'"), status_s);
	long long n;
	int rcode;
	if (!cli_number(c, N_("output number"), argv[optind + 1], &n, &rcode))
		return rcode;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	enum ko_err rc = store_output_set(st, m.id, (int)n, status, owner, due);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	if (status >= 0)
		printf(_("output %lld is %s\n"), n, _(output_status_name(status)));
	if (due && *due)
		printf(_("output %lld is due %s\n"), n, due);
	else if (due)
		printf(_("output %lld has no due date\n"), n);
	return 0;
}

static int output_list(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_output v;
	if (store_outputs(c->st, mid, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		status = cli_print_json_list(entity_output.list, cli_json_rows(&entity_output, v.v, v.n));
	} else {
		/* An output past its due date and not done says OVERDUE where
		 * its status would be, as action list does. */
		char today[11];
		clock_today(today);
		const char **cells = calloc(v.n * 5, sizeof *cells);
		char (*num)[16] = calloc(v.n + 1, sizeof *num);
		for (size_t i = 0; cells && num && i < v.n; i++) {
			const struct output *o = &v.v[i];
			snprintf(num[i], sizeof num[i], "%2d", o->position);
			const char **row = cells + i * 5;
			row[0] = num[i];
			row[1] = o->name;
			row[2] = *o->due ? o->due : "-";
			row[3] = output_is_overdue(o, today) ? _("OVERDUE") : _(output_status_name(o->status));
			row[4] = o->owner;
		}
		if (cells && num)
			cli_print_table(cells, 5, (int)v.n);
		free(cells);
		free(num);
	}
	vec_output_free(&v);
	return status;
}

const struct cli_verb cli_output_verbs[] = {
	{ "output", "set", N_("MEETING N --status todo|drafting|done [--owner NAME] [--due YYYY-MM-DD]"),
	  N_("Set the status (and owner, and due date: \"\" for none) of output N; --due alone "
	     "keeps the status."), output_set },
	{ "output", "list", N_("MEETING [--json]"), N_("List the documents the meeting must produce."),
	  output_list },
	{ 0 },
};
