/* item.c - kickoff item list|check|note */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"

static int item_list(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_item v;
	if (store_items(c->st, mid, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		status = cli_print_json_list(entity_item.list, cli_json_rows(&entity_item, v.v, v.n));
	} else {
		const char **cells = calloc(v.n * 4, sizeof *cells);
		char (*num)[2][32] = calloc(v.n + 1, sizeof *num);
		for (size_t i = 0; cells && num && i < v.n; i++) {
			const struct item *it = &v.v[i];
			snprintf(num[i][0], 32, "%2d", it->position);
			if (it->checked_at[0]) {
				char local[17];
				stamp_to_local(it->checked_at, local);
				snprintf(num[i][1], 32, "%s", local);
			}
			const char **row = cells + i * 4;
			row[0] = num[i][0];
			row[1] = it->checked_at[0] ? "[x]" : "[ ]";
			row[2] = it->title;
			row[3] = it->checked_at[0] ? num[i][1] : "";
		}
		if (cells && num)
			cli_print_table(cells, 4, (int)v.n);
		free(cells);
		free(num);
	}
	vec_item_free(&v);
	return status;
}

static int item_check(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { "undo", no_argument, NULL, 'u' }, { 0 } };
	bool undo = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'u')
			return 1;
		undo = true;
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or item number") : _("too many arguments"));
	long long n;
	int status;
	if (!cli_number(c, N_("item number"), argv[optind + 1], &n, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	enum ko_err rc = store_item_check(st, m.id, (int)n, !undo);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	printf(undo ? _("item %lld unticked\n") : _("item %lld ticked\n"), n);
	return 0;
}

static int item_note(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 3)
		return cli_usage_fail(c, argc - optind < 3 ? _("missing meeting, item number or note") : _("too many arguments"));
	long long n;
	int status;
	if (!cli_number(c, N_("item number"), argv[optind + 1], &n, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	vec_item v;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	enum ko_err rc = store_items(st, m.id, &v);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	int64_t id = 0;
	for (size_t i = 0; i < v.n; i++)
		if (v.v[i].position == n)
			id = v.v[i].id;
	vec_item_free(&v);
	if (!id)
		return cli_fail(c, KO_NOTFOUND, _("the meeting has no agenda item %lld"), n);
	/* The note alone, so that a tick or a title written meanwhile stays. */
	struct store_patch p = { 0 };
	store_patch_set(&p, FIELD_ITEM_NOTE, argv[optind + 2]);
	rc = store_patch(st, STORE_ITEM, id, &p);
	if (rc != KO_OK)
		return cli_store_fail(c);
	/* The store leaves out a field given the value it has. */
	if (!p.mask)
		printf(_("item %lld already has that note; nothing changed\n"), n);
	else
		printf(_("note saved on item %lld\n"), n);
	return 0;
}

const struct cli_verb cli_item_verbs[] = {
	{ "item", "list", N_("MEETING [--json]"), N_("List the agenda with ticks."), item_list },
	{ "item", "check", N_("MEETING N [--undo]"),
	  N_("Tick agenda item N (untick with --undo); ticking twice is one tick."), item_check },
	{ "item", "note", N_("MEETING N TEXT"), N_("Set the note of agenda item N."), item_note },
	{ 0 },
};
