/* attendee.c - kickoff attendee add|list|present */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/i18n.h"

static int attendee_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "present", no_argument, NULL, 'p' },
		{ 0 },
	};
	const char *role = "", *org = "";
	bool present = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		case 'p': present = true; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or name") : _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	int64_t id;
	enum ko_err rc = store_attendee_add(st, &(struct attendee){ .meeting_id = m.id,
		.name = argv[optind + 1], .role = (char *)role, .organisation = (char *)org,
		.present = present }, &id);
	if (rc == KO_OK) {
		/* The name as saved (blanks around it and invisible characters
		 * gone), not as given. */
		const char *name = argv[optind + 1];
		vec_attendee v;
		bool listed = store_attendees(st, m.id, &v) == KO_OK;
		for (size_t i = 0; listed && i < v.n; i++)
			if (v.v[i].id == id)
				name = v.v[i].name;
		cli_say(_("added attendee %s (id %lld)\n"), name, (long long)id);
		if (listed)
			vec_attendee_free(&v);
	}
	meeting_free(&m);
	return rc == KO_OK ? 0 : cli_store_fail(c);
}

static int attendee_list(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_attendee v;
	if (store_attendees(c->st, mid, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		status = cli_print_json_list(entity_attendee.list, cli_json_rows(&entity_attendee, v.v, v.n));
	} else {
		const char **cells = calloc((v.n + 1) * 5, sizeof *cells);
		char (*ids)[24] = calloc(v.n + 1, sizeof *ids);
		if (cells && ids) {
			const char *head[] = { _("ID"), _("NAME"), _("ROLE"), _("ORGANISATION"), _("PRESENT") };
			memcpy(cells, head, sizeof head);
			for (size_t i = 0; i < v.n; i++) {
				snprintf(ids[i], sizeof ids[i], "%lld", (long long)v.v[i].id);
				const char **row = cells + (i + 1) * 5;
				row[0] = ids[i];
				row[1] = v.v[i].name;
				row[2] = v.v[i].role;
				row[3] = v.v[i].organisation;
				row[4] = v.v[i].present ? _("yes") : _("no");
			}
			cli_print_table(cells, 5, (int)v.n + 1);
		}
		free(cells);
		free(ids);
	}
	vec_attendee_free(&v);
	return status;
}

static int attendee_present(struct cli *c, int argc, char **argv)
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
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or name") : _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	vec_attendee v;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	enum ko_err rc = store_attendees(st, m.id, &v);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	const char *who = argv[optind + 1];
	int64_t id = 0;
	for (size_t i = 0; i < v.n && !id; i++)
		if (strcmp(v.v[i].name, who) == 0)
			id = v.v[i].id;
	vec_attendee_free(&v);
	if (!id)
		return cli_fail(c, KO_NOTFOUND, _("no attendee named '%s' in %s"), who, argv[optind]);
	if (store_attendee_set_present(st, id, !undo) != KO_OK)
		return cli_store_fail(c);
	cli_say(undo ? _("%s marked absent\n") : _("%s marked present\n"), who);
	return 0;
}

const struct cli_verb cli_attendee_verbs[] = {
	{ "attendee", "add", N_("MEETING NAME [--role R] [--org O] [--present]"),
	  N_("Invite someone to a meeting, present or not yet."), attendee_add },
	{ "attendee", "list", N_("MEETING [--json]"), N_("List a meeting's attendees."), attendee_list },
	{ "attendee", "present", N_("MEETING NAME [--undo]"),
	  N_("Mark an attendee present (or absent with --undo)."), attendee_present },
	{ 0 },
};
