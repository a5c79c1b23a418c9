/* board.c - kickoff board: the open actions of every meeting of every
 * project, overdue first (the screens' follow-up board). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"

static int board(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mine", no_argument, NULL, 'm' },
		{ "owner", required_argument, NULL, 'o' },
		{ "project", required_argument, NULL, 'p' },
		{ "status", required_argument, NULL, 's' },
		{ "group", required_argument, NULL, 'g' },
		{ "json", no_argument, NULL, 'j' },
		{ 0 },
	};
	struct board_filter f = { 0 };
	bool json = false, mine = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'm': mine = true; break;
		case 'o': f.owner = optarg; break;
		case 'p': f.project = optarg; break;
		case 's': f.status = optarg; break;
		case 'g': f.group = optarg; break;
		case 'j': json = true; break;
		default: return 1;
		}
	}
	if (optind != argc)
		return cli_usage_fail(c, _("too many arguments"));
	if (mine && f.owner)
		return cli_usage_fail(c, _("--mine and --owner cannot be given together"));
	if (f.status && !board_status_valid(f.status))
		return cli_usage_fail(c, _("--status must be open, overdue, done, dropped or all, not '%s'"),
		                      f.status);
	if (!board_group_valid(f.group))
		return cli_usage_fail(c, _("--group must be owner or project, not '%s'"), f.group);
	char me[256];
	if (mine) {
		app_board_me(me, sizeof me);
		f.owner = me;
	}
	if (clock_now() == (time_t)-1)
		return cli_fail(c, KO_INVALID, _("KICKOFF_NOW must be 'YYYY-MM-DD HH:MM[:SS]'"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct project p = { 0 };
	if (f.project) {
		/* A project named wrongly is an error, not an empty board. */
		if (store_project_find(st, f.project, &p) != KO_OK)
			return cli_store_fail(c);
		f.project = p.name;
	}
	char today[11];
	clock_today(today);
	vec_action v;
	enum ko_err rc = app_board(st, &f, today, &v);
	if (rc != KO_OK) {
		if (f.project)
			project_free(&p);
		return cli_store_fail(c);
	}
	int status = cli_print_actions(&v, today, json);
	vec_action_free(&v);
	if (f.project)
		project_free(&p);
	return status;
}

const struct cli_verb cli_board_verbs[] = {
	{ "board", "", N_("[--mine] [--owner NAME] [--project P] [--status S] [--group owner|project] [--json]"),
	  N_("The follow-up board: open actions of every project, overdue first."), board },
	{ 0 },
};
