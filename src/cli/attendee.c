/* attendee.c - kickoff attendee add|list|set|present */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/i18n.h"

static int status_fail(struct cli *c, const char *s)
{
	return cli_usage_fail(c, _("--status must be invited, present or regrets, not '%s'"), s);
}

/* The attendee of meeting m named who: its id (0 when none) and role. */
static enum ko_err find_attendee(struct store *st, int64_t meeting_id, const char *who,
                                 int64_t *id, char **role)
{
	vec_attendee v;
	enum ko_err rc = store_attendees(st, meeting_id, &v);
	if (rc != KO_OK)
		return rc;
	*id = 0;
	for (size_t i = 0; i < v.n && !*id; i++)
		if (strcmp(v.v[i].name, who) == 0) {
			*id = v.v[i].id;
			if (role && !(*role = strdup(v.v[i].role)))
				rc = KO_NOMEM;
		}
	vec_attendee_free(&v);
	return rc;
}

/* The fields given on the command line, written over attendee id. */
static enum ko_err patch_attendee(struct store *st, int64_t id, const char *name,
                                  const char *role, const char *org, const char *email,
                                  const char *status)
{
	struct store_patch p = { 0 };
	if (name)
		store_patch_set(&p, FIELD_ATTENDEE_NAME, name);
	if (role)
		store_patch_set(&p, FIELD_ATTENDEE_ROLE, role);
	if (org)
		store_patch_set(&p, FIELD_ATTENDEE_ORGANISATION, org);
	if (email)
		store_patch_set(&p, FIELD_ATTENDEE_EMAIL, email);
	if (status)
		store_patch_set(&p, FIELD_ATTENDEE_STATUS, status);
	return store_patch(st, STORE_ATTENDEE, id, &p);
}

static int attendee_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "email", required_argument, NULL, 'e' },
		{ "status", required_argument, NULL, 's' },
		{ "present", no_argument, NULL, 'p' },
		{ 0 },
	};
	const char *role = NULL, *org = NULL, *email = NULL, *status_s = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 's': status_s = optarg; break;
		case 'p': status_s = "present"; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or name") : _("too many arguments"));
	int status = status_s ? attendee_status_parse(status_s) : PSTATUS_INVITED;
	if (status < 0)
		return status_fail(c, status_s);
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	/* The store fills in the host's row when NAME is the host's: say so. */
	int64_t id = 0, host_id = 0;
	char *was = NULL;
	enum ko_err rc = find_attendee(st, m.id, argv[optind + 1], &host_id, &was);
	bool host_row = rc == KO_OK && host_id && strcmp(argv[optind + 1], m.host) == 0 &&
	                is_host_role(was);
	free(was);
	if (rc == KO_OK)
		rc = store_attendee_add(st, &(struct attendee){ .meeting_id = m.id,
			.name = argv[optind + 1], .role = (char *)(role ? role : ""),
			.organisation = (char *)(org ? org : ""), .email = (char *)email,
			.status = (enum attendee_status)status }, &id);
	if (rc == KO_OK) {
		/* The name as saved (blanks around it and invisible characters
		 * gone), not as given. */
		const char *name = argv[optind + 1];
		vec_attendee v;
		bool listed = store_attendees(st, m.id, &v) == KO_OK;
		for (size_t i = 0; listed && i < v.n; i++)
			if (v.v[i].id == id)
				name = v.v[i].name;
		cli_say(host_row ? _("updated attendee %s (id %lld), the host\n")
		                    : _("added attendee %s (id %lld)\n"), name, (long long)id);
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
		enum { COLS = 6 };
		const char **cells = calloc((v.n + 1) * COLS, sizeof *cells);
		char (*ids)[24] = calloc(v.n + 1, sizeof *ids);
		if (cells && ids) {
			const char *head[COLS] = { _("ID"), _("NAME"), _("ROLE"), _("ORGANISATION"),
			                           _("E-MAIL"), _("STATUS") };
			memcpy(cells, head, sizeof head);
			for (size_t i = 0; i < v.n; i++) {
				snprintf(ids[i], sizeof ids[i], "%lld", (long long)v.v[i].id);
				const char **row = cells + (i + 1) * COLS;
				row[0] = ids[i];
				row[1] = v.v[i].name;
				row[2] = v.v[i].role;
				row[3] = v.v[i].organisation;
				row[4] = v.v[i].email;
				row[5] = _(attendee_status_name(v.v[i].status));
			}
			cli_print_table(cells, COLS, (int)v.n + 1);
		}
		free(cells);
		free(ids);
	}
	vec_attendee_free(&v);
	return status;
}

/* The attendee named argv[optind + 1] in meeting argv[optind]; 0 and the
 * failure's exit status in *fail when there is none. */
static int64_t named_attendee(struct cli *c, struct store *st, char **argv, int *fail)
{
	struct meeting m;
	*fail = 0;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK) {
		*fail = cli_store_fail(c);
		return 0;
	}
	int64_t id = 0;
	enum ko_err rc = find_attendee(st, m.id, argv[optind + 1], &id, NULL);
	meeting_free(&m);
	if (rc != KO_OK)
		*fail = cli_store_fail(c);
	else if (!id)
		*fail = cli_fail(c, KO_NOTFOUND, _("no attendee named '%s' in %s"), argv[optind + 1],
		                 argv[optind]);
	return id;
}

static int attendee_set(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "role", required_argument, NULL, 'r' },
		{ "org", required_argument, NULL, 'o' },
		{ "email", required_argument, NULL, 'e' },
		{ "status", required_argument, NULL, 's' },
		{ 0 },
	};
	const char *name = NULL, *role = NULL, *org = NULL, *email = NULL, *status_s = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'n': name = optarg; break;
		case 'r': role = optarg; break;
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 's': status_s = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or name") : _("too many arguments"));
	if (!name && !role && !org && !email && !status_s)
		return cli_usage_fail(c, _("nothing to change: give --name, --role, --org, --email or "
		                           "--status"));
	if (status_s && attendee_status_parse(status_s) < 0)
		return status_fail(c, status_s);
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	int fail;
	int64_t id = named_attendee(c, st, argv, &fail);
	if (!id)
		return fail;
	if (patch_attendee(st, id, name, role, org, email, status_s) != KO_OK)
		return cli_store_fail(c);
	cli_printf(_("attendee %s saved\n"), name ? name : argv[optind + 1]);
	return 0;
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
	int fail;
	int64_t id = named_attendee(c, st, argv, &fail);
	if (!id)
		return fail;
	if (store_attendee_set_present(st, id, !undo) != KO_OK)
		return cli_store_fail(c);
	const char *who = argv[optind + 1];
	cli_say(undo ? _("%s marked absent\n") : _("%s marked present\n"), who);
	return 0;
}

const struct cli_verb cli_attendee_verbs[] = {
	{ "attendee", "add", N_("MEETING NAME [--role R] [--org O] [--email ADDR] "
	                        "[--status invited|present|regrets] [--present]"),
	  N_("Invite someone to a meeting (the host's row, when NAME is the host)."), attendee_add },
	{ "attendee", "list", N_("MEETING [--json]"), N_("List a meeting's attendees."), attendee_list },
	{ "attendee", "set", N_("MEETING NAME [--name N] [--role R] [--org O] [--email ADDR] "
	                        "[--status invited|present|regrets]"),
	  N_("Change an attendee's fields (--email \"\" clears the address)."), attendee_set },
	{ "attendee", "present", N_("MEETING NAME [--undo]"),
	  N_("Mark an attendee present (or back to invited with --undo)."), attendee_present },
	{ 0 },
};
