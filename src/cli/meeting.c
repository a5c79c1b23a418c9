/* meeting.c - kickoff meeting add|show|set */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/agenda.h"
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

/* A warning, not a refusal: dates are often set before they are sure. */
static void warn_tko_before_ko(struct store *st, int64_t project_id, const char *project)
{
	vec_meeting both = { 0 };
	if (store_meetings_of(st, project_id, &both) != KO_OK)
		return;
	const char *ko = NULL, *tko = NULL;
	for (size_t i = 0; i < both.n; i++)
		*(both.v[i].kind == KIND_KO ? &ko : &tko) = both.v[i].starts_at;
	if (tko_before_ko(tko, ko)) {
		char *name = text_sanitize(project, false);
		fprintf(stderr, _("kickoff: warning: %s's TKO (%s) is dated before its KO (%s)\n"),
		        name ? name : "", tko, ko);
		free(name);
	}
	vec_meeting_free(&both);
}

/* The KO attendees a TKO made from it invites: those named in names
 * ("Ann,Bob"), or without names the technical ones.  Their ids into
 * *ids (n of them); an unknown name is an error, nothing chosen. */
static int choose_invited(struct cli *c, struct store *st, int64_t project_id, const char *names,
                          int64_t **ids, size_t *n, char **who)
{
	*ids = NULL;
	*n = 0;
	*who = NULL;
	vec_meeting both = { 0 };
	if (store_meetings_of(st, project_id, &both) != KO_OK)
		return cli_store_fail(c);
	int64_t ko = 0;
	for (size_t i = 0; i < both.n; i++)
		if (both.v[i].kind == KIND_KO)
			ko = both.v[i].id;
	vec_meeting_free(&both);
	if (!ko)
		return cli_fail(c, KO_NOTFOUND, "%s", _("the project has no KO to invite from"));
	vec_attendee v = { 0 };
	if (store_attendees(st, ko, &v) != KO_OK)
		return cli_store_fail(c);
	int status = 0;
	*ids = calloc(v.n + 1, sizeof **ids);
	*who = calloc(1, v.n * (NAME_MAX_BYTES + 2) + 1);
	char *list = names ? strdup(names) : NULL;
	if (!*ids || !*who || (names && !list)) {
		status = cli_fail(c, KO_NOMEM, "%s", _("out of memory"));
	} else if (list) {
		char *save = NULL;
		for (char *name = strtok_r(list, ",", &save); name && !status;
		     name = strtok_r(NULL, ",", &save)) {
			char *t = name + strspn(name, " ");
			for (size_t e = strlen(t); e > 0 && t[e - 1] == ' '; e--)
				t[e - 1] = '\0';
			size_t k = 0;
			while (k < v.n && strcmp(v.v[k].name, t) != 0)
				k++;
			if (k == v.n)
				status = cli_fail(c, KO_NOTFOUND, _("the KO has no attendee named '%s'"), t);
			bool twice = false;
			for (size_t j = 0; !status && j < *n; j++)
				twice = twice || (*ids)[j] == v.v[k].id;
			if (!status && !twice)
				(*ids)[(*n)++] = v.v[k].id;
		}
	} else {
		for (size_t k = 0; k < v.n; k++)
			if (role_is_technical(v.v[k].role))
				(*ids)[(*n)++] = v.v[k].id;
	}
	for (size_t i = 0; !status && i < *n; i++)
		for (size_t k = 0; k < v.n; k++)
			if (v.v[k].id == (*ids)[i]) {
				if (i)
					strcat(*who, ", ");
				strcat(*who, v.v[k].name);
			}
	free(list);
	vec_attendee_free(&v);
	if (status) {
		free(*ids);
		free(*who);
		*ids = NULL;
		*who = NULL;
	}
	return status;
}

static int meeting_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ "host", required_argument, NULL, 'H' },
		{ "from-ko", no_argument, NULL, 'K' },
		{ "invite", required_argument, NULL, 'I' },
		{ 0 },
	};
	const char *at = NULL, *host = "", *invite = NULL;
	bool from_ko = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'a': at = optarg; break;
		case 'H': host = optarg; break;
		case 'K': from_ko = true; break;
		case 'I': invite = optarg; from_ko = true; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing project or kind") : _("too many arguments"));
	int kind = kind_parse(argv[optind + 1]);
	if (kind < 0)
		return cli_usage_fail(c, _("kind must be ko or tko, not '%s'"), argv[optind + 1]);
	if (from_ko && kind != KIND_TKO)
		return cli_usage_fail(c, "%s", _("--from-ko and --invite are for a TKO"));
	if (at && !datetime_valid(at))
		return cli_fail(c, KO_INVALID, _("invalid date and time '%s' (want YYYY-MM-DD HH:MM)"), at);
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct project p;
	if (store_project_find(st, argv[optind], &p) != KO_OK)
		return cli_store_fail(c);
	int64_t *ids = NULL;
	size_t n_ids = 0;
	char *who = NULL;
	if (from_ko) {
		int status = choose_invited(c, st, p.id, invite, &ids, &n_ids, &who);
		if (status) {
			project_free(&p);
			return status;
		}
	}
	int64_t id;
	bool warn = false;
	enum ko_err rc = store_meeting_add_invited(st, p.id, (enum meeting_kind)kind, at, host, ids,
	                                           n_ids, &id, &warn);
	if (rc == KO_OK) {
		cli_say(_("added %s meeting %s/%s (id %lld)\n"), kind == KIND_KO ? "KO" : "TKO",
		       p.name, kind_name(kind), (long long)id);
		if (from_ko)
			cli_printf(ngettext("invited %zu of the KO's attendees: %s\n",
			                    "invited %zu of the KO's attendees: %s\n", n_ids),
			           n_ids, n_ids ? who : "-");
		if (warn) {
			char *name = text_sanitize(p.name, false);
			fprintf(stderr, _("kickoff: warning: %s's KO has not been held yet; "
			                  "a TKO builds on a held KO\n"), name ? name : "");
			free(name);
		}
		warn_tko_before_ko(st, p.id, p.name);
	}
	free(ids);
	free(who);
	project_free(&p);
	return rc == KO_OK ? 0 : cli_store_fail(c);
}

/* The export's meeting row, then what a reader of one meeting wants
 * besides: its project, its name on the command line, its progress. */
/* The agenda's clock in a meeting: planned against run. */
struct timing {
	int planned, actual;        /* minutes */
	int running;                /* the item number whose clock runs, 0: none */
	bool ended;
	char end[17];               /* planned end, "" when the start is not set */
};

static void timing_of(const struct meeting *m, const vec_item *v, struct timing *t)
{
	*t = (struct timing){ .planned = agenda_planned(v->v, v->n) };
	int64_t s = 0;
	for (size_t i = 0; i < v->n; i++)
		s += v->v[i].read_seconds;
	t->actual = minutes_of(s);
	int r = agenda_running(v->v, v->n);
	t->running = r >= 0 ? v->v[r].position : 0;
	t->ended = agenda_ended(v->v, v->n);
	if (!agenda_end(m->starts_at, t->planned, t->end))
		t->end[0] = '\0';
}

static json_t *timing_json(const struct timing *t)
{
	return json_pack("{s:i, s:o, s:i, s:o, s:b}", "planned_minutes", t->planned,
	                 "planned_end", *t->end ? json_string(t->end) : json_null(),
	                 "actual_minutes", t->actual,
	                 "running_item", t->running ? json_integer(t->running) : json_null(),
	                 "ended", t->ended);
}

static json_t *meeting_json(const struct meeting *m, const struct progress *pr,
                            const struct timing *t)
{
	json_t *o = export_row_json(&entity_meeting, m);
	if (!cli_json_add(o, "timing", timing_json(t))) {
		json_decref(o);
		return NULL;
	}
	if (!cli_json_add(o, "project", json_string(m->project_name))
	    || !cli_json_add(o, "meeting", cli_json_meeting_spec(m->project_name, m->kind))
	    || !cli_json_add(o, "progress", json_pack(
		"{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:i}",
		"attendees", pr->attendees, "present", pr->present,
		"items", pr->items, "checked", pr->checked, "decisions", pr->decisions,
		"risks", pr->risks, "outputs", pr->outputs, "outputs_done", pr->outputs_done,
		"actions", pr->actions, "actions_done", pr->actions_done,
		"actions_overdue", pr->actions_overdue))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int meeting_show(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' }, { 0 } };
	bool json = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'j')
			return 1;
		json = true;
	}
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing meeting") : _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	struct progress pr;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	vec_item items;
	if (store_meeting_progress(st, m.id, &pr) != KO_OK || store_items(st, m.id, &items) != KO_OK) {
		meeting_free(&m);
		return cli_store_fail(c);
	}
	struct timing t;
	timing_of(&m, &items, &t);
	vec_item_free(&items);
	int status = 0;
	if (json) {
		status = cli_print_json_list("meeting", meeting_json(&m, &pr, &t));
	} else {
		char plan[128], run[128];
		if (*t.end)
			snprintf(plan, sizeof plan, _("%s to %s (%d min)"), m.starts_at, t.end + 11,
			         t.planned);
		else
			snprintf(plan, sizeof plan, _("%d min"), t.planned);
		if (t.running)
			snprintf(run, sizeof run, _("%d of %d min, clock on item %d"), t.actual, t.planned,
			         t.running);
		else if (t.ended)
			snprintf(run, sizeof run, _("%d of %d min, ended"), t.actual, t.planned);
		else
			snprintf(run, sizeof run, _("%d of %d min"), t.actual, t.planned);
		const char *cells[] = {
			_("Meeting"), NULL, _("Title"), m.title, _("When"), m.starts_at,
			_("Planned"), plan, _("Timed"), run,
			_("Place"), m.place, _("Host"), m.host, _("Status"), _(meeting_status_name(m.status)),
			_("Purpose"), m.purpose,
		};
		char name[256];
		snprintf(name, sizeof name, _("%s/%s (id %lld)"), m.project_name, kind_name(m.kind),
		         (long long)m.id);
		cells[1] = name;
		cli_print_table(cells, 2, 9);
		printf(_("Present %d/%d, agenda %d/%d, decisions %d, risks %d, outputs %d/%d, "
		         "actions %d/%d done (%d overdue)\n"),
		       pr.present, pr.attendees, pr.checked, pr.items, pr.decisions, pr.risks,
		       pr.outputs_done, pr.outputs, pr.actions_done, pr.actions, pr.actions_overdue);
	}
	meeting_free(&m);
	return status;
}

static int meeting_set(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ "host", required_argument, NULL, 'H' },
		{ "place", required_argument, NULL, 'p' },
		{ "title", required_argument, NULL, 't' },
		{ "purpose", required_argument, NULL, 'P' },
		{ "status", required_argument, NULL, 's' },
		{ 0 },
	};
	const char *val[128] = { 0 };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch == '?' || ch < 0 || ch >= 128)
			return 1;
		val[ch] = optarg;
	}
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing meeting") : _("too many arguments"));
	/* An edit that changes nothing would still be logged as a change. */
	if (!val['a'] && !val['H'] && !val['p'] && !val['t'] && !val['P'] && !val['s'])
		return cli_usage_fail(c, _("nothing to change: give --at, --host, --place, --title, "
		                         "--purpose or --status"));
	int status = -1;
	if (val['s'] && (status = meeting_status_parse(val['s'])) < 0)
		return cli_usage_fail(c, _("--status must be planned, held or closed, not '%s'"), val['s']);
	if (val['a'] && *val['a'] && !datetime_valid(val['a']))
		return cli_fail(c, KO_INVALID, _("invalid date and time '%s' (want YYYY-MM-DD HH:MM)"),
		                val['a']);
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	/* Only the options given are written, over the row as it is when
	 * the write begins: another session's change to the other fields
	 * stays, and of two changes to the same field the later wins. */
	struct store_patch p = { 0 };
	static const struct { int opt, field; } given[] = {
		{ 't', FIELD_MEETING_TITLE }, { 'a', FIELD_MEETING_AT }, { 'p', FIELD_MEETING_PLACE },
		{ 'H', FIELD_MEETING_HOST }, { 'P', FIELD_MEETING_PURPOSE },
	};
	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++)
		if (val[given[i].opt])
			store_patch_set(&p, given[i].field, val[given[i].opt]);
	if (status >= 0)
		store_patch_set(&p, FIELD_MEETING_STATUS, meeting_status_name(status));
	enum ko_err rc = store_patch(st, STORE_MEETING, m.id, &p);
	if (rc == KO_OK) {
		cli_say(_("updated meeting %s/%s\n"), m.project_name, kind_name(m.kind));
		if (val['a'])
			warn_tko_before_ko(st, m.project_id, m.project_name);
	}
	meeting_free(&m);
	return rc == KO_OK ? 0 : cli_store_fail(c);
}

const struct cli_verb cli_meeting_verbs[] = {
	{ "meeting", "add", N_("PROJECT ko|tko [--at 'YYYY-MM-DD HH:MM'] [--host NAME] [--from-ko] "
	  "[--invite NAME,...]"),
	  N_("Add the project's KO or TKO with its template's agenda and outputs; a TKO --from-ko "
	     "invites the KO's technical attendees, or those --invite names."),
	  meeting_add },
	{ "meeting", "show", N_("MEETING [--json]"),
	  N_("Show a meeting and its progress per phase."), meeting_show },
	{ "meeting", "set", N_("MEETING [--at T] [--host H] [--place P] [--title T] "
	  "[--purpose P] [--status planned|held|closed]"),
	  N_("Change a meeting's details or status."), meeting_set },
	{ 0 },
};
