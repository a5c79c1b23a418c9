/* action.c - kickoff action add|done|list|set */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"

static int action_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "owner", required_argument, NULL, 'o' },
		{ "due", required_argument, NULL, 'd' },
		{ "decision", required_argument, NULL, 'D' },
		{ 0 },
	};
	const char *owner = NULL, *due = NULL, *decision = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'o': owner = optarg; break;
		case 'd': due = optarg; break;
		case 'D': decision = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or text") : _("too many arguments"));
	if (!owner)
		return cli_usage_fail(c, _("--owner is required"));
	if (due && !date_valid(due))
		return cli_fail(c, KO_INVALID, _("invalid due date '%s' (want YYYY-MM-DD)"), due);
	long long dec = 0;
	int status;
	if (decision && !cli_number(c, N_("--decision"), decision, &dec, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	int64_t id;
	enum ko_err rc = store_action_add(st, &(struct action){ .meeting_id = m.id, .text = argv[optind + 1],
		.owner = (char *)owner, .due = (char *)due, .decision_id = dec }, &id);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	printf(_("added action %lld\n"), (long long)id);
	return 0;
}

static int set_status(struct cli *c, int argc, char **argv, enum action_status to)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing action id") : _("too many arguments"));
	long long id;
	int status;
	if (!cli_number(c, N_("action id"), argv[optind], &id, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	if (store_action_set_status(st, id, to) != KO_OK)
		return cli_store_fail(c);
	printf(_("action %lld is %s\n"), id, _(action_status_name(to)));
	return 0;
}

static int action_done(struct cli *c, int argc, char **argv)
{
	return set_status(c, argc, argv, ASTATUS_DONE);
}

static int action_reopen(struct cli *c, int argc, char **argv)
{
	return set_status(c, argc, argv, ASTATUS_OPEN);
}

static int action_drop(struct cli *c, int argc, char **argv)
{
	return set_status(c, argc, argv, ASTATUS_DROPPED);
}

int cli_print_actions(const vec_action *list, const char *today, bool json)
{
	const vec_action v = *list;
	int status = 0;
	if (json) {
		json_t *arr = cli_json_rows(&entity_action, v.v, v.n);
		for (size_t i = 0; i < v.n && arr; i++) {
			const struct action *a = &v.v[i];
			json_t *o = json_array_get(arr, i);
			if (!cli_json_add(o, "project", json_string(a->project_name))
			    || !cli_json_add(o, "meeting", cli_json_meeting_spec(a->project_name, a->kind))
			    || !cli_json_add(o, "meeting_id", json_integer(a->meeting_id))
			    || !cli_json_add(o, "overdue", json_boolean(action_is_overdue(a, today)))) {
				json_decref(arr);
				arr = NULL;
			}
		}
		status = cli_print_json_list(entity_action.list, arr);
	} else if (v.n == 0) {
		printf("%s\n", _("No actions."));
	} else {
		const char **cells = calloc((v.n + 1) * 6, sizeof *cells);
		char (*buf)[2][300] = calloc(v.n + 1, sizeof *buf);
		if (cells && buf) {
			const char *head[] = { _("ID"), _("MEETING"), _("DUE"), _("STATUS"), _("OWNER"), _("ACTION") };
			memcpy(cells, head, sizeof head);
			for (size_t i = 0; i < v.n; i++) {
				const struct action *a = &v.v[i];
				snprintf(buf[i][0], 300, "%lld", (long long)a->id);
				snprintf(buf[i][1], 300, "%s/%s", a->project_name, kind_name(a->kind));
				const char **row = cells + (i + 1) * 6;
				row[0] = buf[i][0];
				row[1] = buf[i][1];
				row[2] = a->due[0] ? a->due : "-";
				row[3] = action_is_overdue(a, today) ? _("OVERDUE") : _(action_status_name(a->status));
				row[4] = a->owner;
				row[5] = a->text;
			}
			cli_print_table(cells, 6, (int)v.n + 1);
		}
		free(cells);
		free(buf);
	}
	return status;
}

static int action_list(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "open", no_argument, NULL, 'O' },
		{ "overdue", no_argument, NULL, 'V' },
		{ "owner", required_argument, NULL, 'o' },
		{ "meeting", required_argument, NULL, 'm' },
		{ "status", required_argument, NULL, 's' },
		{ "text", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ 0 },
	};
	struct action_query q = { 0 };
	const char *meeting = NULL, *text = NULL;
	int want = -1;
	bool json = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'O': q.open_only = true; break;
		case 'V': q.overdue_only = true; break;
		case 'o': q.owner = optarg; break;
		case 'm': meeting = optarg; break;
		case 's':
			if ((want = action_status_parse(optarg)) < 0)
				return cli_usage_fail(c, _("--status must be open, done or dropped, not '%s'"), optarg);
			break;
		case 't': text = optarg; break;
		case 'j': json = true; break;
		default: return 1;
		}
	}
	if (optind != argc)
		return cli_usage_fail(c, _("too many arguments"));
	if (clock_now() == (time_t)-1)
		return cli_fail(c, KO_INVALID, _("KICKOFF_NOW must be 'YYYY-MM-DD HH:MM[:SS]'"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	if (meeting) {
		struct meeting m;
		if (store_meeting_find(st, meeting, &m) != KO_OK)
			return cli_store_fail(c);
		q.meeting_id = m.id;
		meeting_free(&m);
	}
	char today[11];
	clock_today(today);
	q.today = today;
	vec_action v;
	if (store_action_query(st, &q, &v) != KO_OK)
		return cli_store_fail(c);
	/* The status and the text are sifted here, in the store's order (by
	 * due date); the text as the screen's filter finds it, by any case. */
	size_t kept = 0;
	for (size_t i = 0; i < v.n; i++) {
		struct action *a = &v.v[i];
		if ((want < 0 || (int)a->status == want) && (!text || strcasestr(a->text, text)))
			v.v[kept++] = *a;
		else
			action_free(a);
	}
	v.n = kept;
	int status = cli_print_actions(&v, today, json);
	vec_action_free(&v);
	return status;
}

static int action_suggest(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t meeting_id;
	int status = cli_list_args(c, argc, argv, &json, &meeting_id);
	if (status >= 0)
		return status;
	struct suggestions sg;
	struct ko_error e = { 0 };
	if (app_suggestions(c->st, meeting_id, &sg, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	if (json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < sg.n && arr; i++)
			if (json_array_append_new(arr, json_pack("{s:i, s:s}", "n", (int)(i + 1),
			                                         "text", sg.text[i])) != 0) {
				json_decref(arr);
				arr = NULL;
			}
		status = cli_print_json_list("suggestions", arr);
	} else if (sg.n == 0) {
		printf("%s\n", _("No suggested actions left."));
		status = 0;
	} else {
		for (size_t i = 0; i < sg.n; i++)
			cli_printf("%zu  %s\n", i + 1, sg.text[i]);
		status = 0;
	}
	app_suggestions_free(&sg);
	return status;
}

/* MEETING N: the suggestion's number, parsed; -1 when fine. */
static int suggestion_args(struct cli *c, int argc, char **argv, int64_t *meeting_id, int *n)
{
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or number")
		                                           : _("too many arguments"));
	long long v;
	int status;
	if (!cli_number(c, N_("suggestion number"), argv[optind + 1], &v, &status))
		return status;
	*n = (int)v;
	return cli_meeting_id(c, argv[optind], meeting_id);
}

static int action_accept(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "owner", required_argument, NULL, 'o' },
		{ "due", required_argument, NULL, 'd' },
		{ 0 },
	};
	const char *owner = NULL, *due = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'o': owner = optarg; break;
		case 'd': due = optarg; break;
		default: return 1;
		}
	}
	if (!owner && argc - optind == 2)
		return cli_usage_fail(c, _("--owner is required"));
	if (due && !date_valid(due))
		return cli_fail(c, KO_INVALID, _("invalid due date '%s' (want YYYY-MM-DD)"), due);
	int64_t meeting_id;
	int n;
	int status = suggestion_args(c, argc, argv, &meeting_id, &n);
	if (status >= 0)
		return status;
	int64_t id;
	struct ko_error e = { 0 };
	if (app_suggestion_accept(c->st, meeting_id, n, owner, due, &id, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	printf(_("added action %lld\n"), (long long)id);
	return 0;
}

static int action_dismiss(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	int64_t meeting_id;
	int n;
	int status = suggestion_args(c, argc, argv, &meeting_id, &n);
	if (status >= 0)
		return status;
	char who[256];
	app_board_me(who, sizeof who);
	int64_t id;
	struct ko_error e = { 0 };
	if (app_suggestion_drop(c->st, meeting_id, n, who, &id, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	printf(_("dropped the suggestion (kept as dropped action %lld)\n"), (long long)id);
	return 0;
}

const struct cli_verb cli_action_verbs[] = {
	{ "action", "add", N_("MEETING TEXT --owner NAME [--due YYYY-MM-DD] [--decision ID]"),
	  N_("Add a follow-up action with its owner and due date."), action_add },
	{ "action", "done", N_("ACTION_ID"), N_("Mark an action done."), action_done },
	{ "action", "reopen", N_("ACTION_ID"), N_("Open a done or dropped action again."), action_reopen },
	{ "action", "drop", N_("ACTION_ID"), N_("Drop an action that will not be done."), action_drop },
	{ "action", "list", N_("[--open] [--overdue] [--owner NAME] [--status open|done|dropped] [--text WORD] [--meeting M] [--json]"),
	  N_("List actions across all meetings, by due date."), action_list },
	{ "action", "suggest", N_("MEETING [--json]"),
	  N_("List the follow-up actions the meeting's template suggests and it has not taken up."),
	  action_suggest },
	{ "action", "accept", N_("MEETING N --owner NAME [--due YYYY-MM-DD]"),
	  N_("Add suggested action N as an action with its owner."), action_accept },
	{ "action", "dismiss", N_("MEETING N"),
	  N_("Drop suggested action N (kept as a dropped action; undo brings it back)."),
	  action_dismiss },
	{ 0 },
};
