/* item.c - kickoff item list|check|note|plan|move|start|stop */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/agenda.h"
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
		const char **cells = calloc(v.n * 6, sizeof *cells);
		char (*num)[3][32] = calloc(v.n + 1, sizeof *num);
		for (size_t i = 0; cells && num && i < v.n; i++) {
			const struct item *it = &v.v[i];
			snprintf(num[i][0], 32, "%2d", it->position);
			if (it->checked_at[0]) {
				char local[17];
				stamp_to_local(it->checked_at, local);
				snprintf(num[i][1], 32, "%s", local);
			}
			/* Minutes run of minutes planned, "▶" while the clock runs. */
			int used = minutes_of(it->read_seconds);
			if (it->planned_minutes || used)
				snprintf(num[i][2], 32, "%s%d/%dm", item_running(it) ? "▶ " : "", used,
				         it->planned_minutes);
			const char **row = cells + i * 6;
			row[0] = num[i][0];
			row[1] = it->checked_at[0] ? "[x]" : "[ ]";
			row[2] = it->title;
			row[3] = num[i][2];
			row[4] = it->presenter;
			row[5] = it->checked_at[0] ? num[i][1] : "";
		}
		if (cells && num)
			cli_print_table(cells, 6, (int)v.n);
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

/* MEETING N as the verbs below take them: the meeting's id and N. */
static int meeting_and_number(struct cli *c, int argc, char **argv, int64_t *mid, long long *n)
{
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or item number")
		                                          : _("too many arguments"));
	int status;
	if (!cli_number(c, N_("item number"), argv[optind + 1], n, &status))
		return status;
	return cli_meeting_id(c, argv[optind], mid);
}

/* The id of item number n of the meeting; 0 after printing the error. */
static int64_t item_id_of(struct cli *c, int64_t mid, long long n, int *status)
{
	vec_item v;
	if (store_items(c->st, mid, &v) != KO_OK) {
		*status = cli_store_fail(c);
		return 0;
	}
	int64_t id = 0;
	for (size_t i = 0; i < v.n; i++)
		if (v.v[i].position == n)
			id = v.v[i].id;
	vec_item_free(&v);
	if (!id)
		*status = cli_fail(c, KO_NOTFOUND, _("the meeting has no agenda item %lld"), n);
	return id;
}

static int item_plan(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "minutes", required_argument, NULL, 'm' },
		{ "presenter", required_argument, NULL, 'p' },
		{ 0 },
	};
	const char *minutes = NULL, *presenter = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch == 'm')
			minutes = optarg;
		else if (ch == 'p')
			presenter = optarg;
		else
			return 1;
	}
	if (!minutes && !presenter && argc - optind == 2)
		return cli_usage_fail(c, "%s", _("nothing to plan: give --minutes or --presenter"));
	int status;
	if (minutes && (!*minutes || minutes[strspn(minutes, "0123456789")] != '\0' ||
	                strlen(minutes) > 4 || atoi(minutes) > ITEM_MINUTES_MAX))
		return cli_fail(c, KO_INVALID, _("minutes must be a whole number from 0 to %d, not '%s'"),
		                ITEM_MINUTES_MAX, minutes);
	if (presenter && !cli_text_ok(c, N_("presenter"), presenter, NAME_MAX_BYTES, &status))
		return status;
	int64_t mid;
	long long n;
	status = meeting_and_number(c, argc, argv, &mid, &n);
	if (status >= 0)
		return status;
	int64_t id = item_id_of(c, mid, n, &status);
	if (!id)
		return status;
	/* The plan alone, so that a note or a tick written meanwhile stays. */
	struct store_patch p = { 0 };
	char num[16];
	if (minutes) {
		snprintf(num, sizeof num, "%d", atoi(minutes));
		store_patch_set(&p, FIELD_ITEM_MINUTES, num);
	}
	if (presenter)
		store_patch_set(&p, FIELD_ITEM_PRESENTER, presenter);
	if (store_patch(c->st, STORE_ITEM, id, &p) != KO_OK)
		return cli_store_fail(c);
	printf(_("item %lld planned\n"), n);
	return 0;
}

static int item_move(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { "to", required_argument, NULL, 't' }, { 0 } };
	const char *to = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 't')
			return 1;
		to = optarg;
	}
	if (!to && argc - optind == 2)
		return cli_usage_fail(c, "%s", _("missing --to M"));
	long long m;
	int status;
	if (to && !cli_number(c, N_("item number"), to, &m, &status))
		return status;
	int64_t mid;
	long long n;
	status = meeting_and_number(c, argc, argv, &mid, &n);
	if (status >= 0)
		return status;
	if (store_item_move(c->st, mid, (int)n, (int)m) != KO_OK)
		return cli_store_fail(c);
	printf(_("item %lld is now item %lld\n"), n, m);
	return 0;
}

static int item_clock(struct cli *c, int argc, char **argv, bool start)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	int64_t mid;
	long long n;
	int status = meeting_and_number(c, argc, argv, &mid, &n);
	if (status >= 0)
		return status;
	if (store_item_clock(c->st, mid, (int)n, start) != KO_OK)
		return cli_store_fail(c);
	printf(start ? _("clock started on item %lld\n") : _("clock stopped on item %lld\n"), n);
	return 0;
}

static int item_start(struct cli *c, int argc, char **argv)
{
	return item_clock(c, argc, argv, true);
}

static int item_stop(struct cli *c, int argc, char **argv)
{
	return item_clock(c, argc, argv, false);
}

const struct cli_verb cli_item_verbs[] = {
	{ "item", "list", N_("MEETING [--json]"), N_("List the agenda with ticks."), item_list },
	{ "item", "check", N_("MEETING N [--undo]"),
	  N_("Tick agenda item N (untick with --undo); ticking twice is one tick."), item_check },
	{ "item", "note", N_("MEETING N TEXT"), N_("Set the note of agenda item N."), item_note },
	{ "item", "plan", N_("MEETING N [--minutes M] [--presenter NAME]"),
	  N_("Set the planned minutes and the presenter of agenda item N."), item_plan },
	{ "item", "move", N_("MEETING N --to M"),
	  N_("Move agenda item N to number M; the items between shift by one."), item_move },
	{ "item", "start", N_("MEETING N"),
	  N_("Start the clock on agenda item N (stopping any other that runs)."), item_start },
	{ "item", "stop", N_("MEETING N"), N_("Stop the clock on agenda item N."), item_stop },
	{ 0 },
};
