/* raci.c - kickoff raci set|show, question add|answer|move|list */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/cli.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

/* The attendee PERSON names: by name, else by id; a name two attendees
 * share is refused (the id tells them apart). */
static int find_person(struct cli *c, const vec_attendee *att, const char *person, int64_t *id)
{
	int found = 0;
	for (size_t i = 0; i < att->n; i++)
		if (strcmp(att->v[i].name, person) == 0) {
			*id = att->v[i].id;
			found++;
		}
	if (found == 1)
		return -1;
	if (found > 1)
		return cli_fail(c, KO_INVALID, _("%d attendees are named '%s': give the attendee's id"),
		                found, person);
	int64_t n;
	for (size_t i = 0; id_parse(person, &n) == 1 && i < att->n; i++)
		if (att->v[i].id == n) {
			*id = n;
			return -1;
		}
	return cli_fail(c, KO_NOTFOUND, _("no attendee '%s' in this meeting"), person);
}

static int raci_set(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 4)
		return cli_usage_fail(c, argc - optind < 4 ? _("missing meeting, output, person or letter")
		                                           : _("too many arguments"));
	const char *letter = argv[optind + 3];
	int role = strcmp(letter, "-") == 0 ? -1 : raci_role_parse(letter);
	if (role < 0 && strcmp(letter, "-") != 0)
		return cli_usage_fail(c, _("unknown RACI letter '%s' (R, A, C, I or - to empty)"), letter);
	long long pos;
	int status;
	if (!cli_number(c, N_("OUTPUT_N"), argv[optind + 1], &pos, &status))
		return status;
	int64_t mid;
	if ((status = cli_meeting_id(c, argv[optind], &mid)) >= 0)
		return status;
	vec_attendee att;
	if (store_attendees(c->st, mid, &att) != KO_OK)
		return cli_store_fail(c);
	int64_t person = 0;
	status = find_person(c, &att, argv[optind + 2], &person);
	vec_attendee_free(&att);
	if (status >= 0)
		return status;
	if (store_raci_set(c->st, mid, (int)pos, person, role) != KO_OK)
		return cli_store_fail(c);
	return 0;
}

static const char *output_name(const vec_output *outs, int position)
{
	for (size_t i = 0; i < outs->n; i++)
		if (outs->v[i].position == position)
			return outs->v[i].name;
	return "";
}

static const char *attendee_name(const vec_attendee *att, int64_t id)
{
	for (size_t i = 0; i < att->n; i++)
		if (att->v[i].id == id)
			return att->v[i].name;
	return "";
}

/* {"format": "kickoff-list/1", "raci": [cells], "rules": [per output]}. */
static int raci_json(const vec_output *outs, const vec_attendee *att, const vec_raci *cells)
{
	json_t *rows = cli_json_rows(&entity_raci, cells->v, cells->n);
	for (size_t i = 0; rows && i < cells->n; i++) {
		json_t *row = json_array_get(rows, i);
		cli_json_add(row, "output_name",
		             json_string(output_name(outs, cells->v[i].output_position)));
		cli_json_add(row, "person", json_string(attendee_name(att, cells->v[i].attendee_id)));
	}
	json_t *rules = json_array();
	for (size_t i = 0; rules && i < outs->n; i++) {
		vec_output one = { &outs->v[i], 1, 1 };
		struct raci_check chk;
		bool bad = raci_problems(&one, cells, &chk, 1) > 0;
		if (!bad) {
			chk.a = 1;
			chk.r = 0;
			for (size_t k = 0; k < cells->n; k++)
				chk.r += cells->v[k].output_id == outs->v[i].id && cells->v[k].role == RACI_R;
		}
		json_t *o = json_object();
		o = cli_json_set(o, "output", json_integer(outs->v[i].position));
		o = cli_json_set(o, "name", json_string(outs->v[i].name));
		o = cli_json_set(o, "a", json_integer(chk.a));
		o = cli_json_set(o, "r", json_integer(chk.r));
		o = cli_json_set(o, "ok", json_boolean(!bad));
		if (!o || json_array_append_new(rules, o) != 0) {
			json_decref(rules);
			rules = NULL;
		}
	}
	json_t *top = json_object();
	top = cli_json_set(top, "format", json_string(EXPORT_LIST_FORMAT));
	top = cli_json_set(top, entity_raci.list, rows);
	top = cli_json_set(top, "rules", rules);
	return cli_print_json(top);
}

/* People down, outputs across by number, the outputs named below, then
 * what breaks the rule. */
static void raci_text(const vec_output *outs, const vec_attendee *att, const vec_raci *cells)
{
	int ncols = (int)outs->n + 1, nrows = (int)att->n + 1;
	const char **grid = calloc((size_t)ncols * (size_t)nrows, sizeof *grid);
	char (*num)[12] = calloc(outs->n + 1, sizeof *num);
	char **names = calloc(att->n + 1, sizeof *names);
	if (!grid || !num || !names) {
		free(grid);
		free(num);
		free(names);
		return;
	}
	grid[0] = _("Person");
	for (size_t o = 0; o < outs->n; o++) {
		snprintf(num[o], sizeof num[o], "%d", outs->v[o].position);
		grid[o + 1] = num[o];
	}
	for (size_t p = 0; p < att->n; p++) {
		names[p] = text_sanitize(att->v[p].name, false);
		grid[(p + 1) * (size_t)ncols] = names[p] ? names[p] : "";
		for (size_t o = 0; o < outs->n; o++) {
			const char *cell = "·";
			for (size_t k = 0; k < cells->n; k++)
				if (cells->v[k].output_id == outs->v[o].id &&
				    cells->v[k].attendee_id == att->v[p].id)
					cell = raci_role_name(cells->v[k].role);
			grid[(p + 1) * (size_t)ncols + o + 1] = cell;
		}
	}
	cli_print_table(grid, ncols, nrows);
	cli_printf("\n");
	for (size_t o = 0; o < outs->n; o++) {
		char *name = text_sanitize(outs->v[o].name, false);
		cli_printf("%d. %s\n", outs->v[o].position, name ? name : "");
		free(name);
	}
	struct raci_check *bad = calloc(outs->n + 1, sizeof *bad);
	size_t nbad = bad ? raci_problems(outs, cells, bad, outs->n) : 0;
	if (nbad)
		cli_printf("\n");
	for (size_t i = 0; i < nbad; i++) {
		char line[512];
		char *name = text_sanitize(output_name(outs, bad[i].position), false);
		app_raci_problem(&bad[i], name ? name : "", line, sizeof line);
		cli_printf("%s\n", line);
		free(name);
	}
	if (outs->n && !nbad)
		cli_printf("\n%s\n", _("Every output has one A and at least one R."));
	free(bad);
	for (size_t p = 0; p < att->n; p++)
		free(names[p]);
	free(names);
	free(num);
	free(grid);
}

static int raci_show(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_output outs = { 0 };
	vec_attendee att = { 0 };
	vec_raci cells = { 0 };
	if (store_outputs(c->st, mid, &outs) != KO_OK || store_attendees(c->st, mid, &att) != KO_OK ||
	    store_raci(c->st, mid, &cells) != KO_OK)
		status = cli_store_fail(c);
	else if (json)
		status = raci_json(&outs, &att, &cells);
	else
		raci_text(&outs, &att, &cells), status = 0;
	vec_output_free(&outs);
	vec_attendee_free(&att);
	vec_raci_free(&cells);
	return status;
}

/* ---- questions ---- */

static int question_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "owner", required_argument, NULL, 'o' },
		{ 0 },
	};
	const char *by = "", *owner = "";
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'o': owner = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or text") : _("too many arguments"));
	int64_t mid;
	int status;
	if ((status = cli_meeting_id(c, argv[optind], &mid)) >= 0)
		return status;
	int64_t id;
	if (store_question_add(c->st, &(struct question){ .meeting_id = mid, .text = argv[optind + 1],
		.raised_by = (char *)by, .owner = (char *)owner }, &id) != KO_OK)
		return cli_store_fail(c);
	printf(_("added question %lld\n"), (long long)id);
	return 0;
}

/* ID as typed: digits only. */
static bool question_id(struct cli *c, const char *s, int64_t *id, int *status)
{
	if (id_parse(s, id) != 1 || *id == 0) {
		*status = cli_fail(c, KO_INVALID, _("a question id is a number, not '%s'"), s);
		return false;
	}
	return true;
}

static int question_answer(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing question id or answer")
		                                           : _("too many arguments"));
	int64_t id;
	int status;
	if (!question_id(c, argv[optind], &id, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	if (store_question_answer(st, id, argv[optind + 1]) != KO_OK)
		return cli_store_fail(c);
	return 0;
}

static int question_move(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing question id") : _("too many arguments"));
	int64_t id, new_id = 0;
	int status;
	if (!question_id(c, argv[optind], &id, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	if (store_question_move(st, id, &new_id) != KO_OK)
		return cli_store_fail(c);
	printf(_("moved question %lld to the TKO as question %lld\n"), (long long)id, (long long)new_id);
	return 0;
}

static int question_list(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_question v;
	if (store_questions(c->st, mid, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		status = cli_print_json_list(entity_question.list, cli_json_rows(&entity_question, v.v, v.n));
	} else {
		for (size_t i = 0; i < v.n; i++) {
			const struct question *q = &v.v[i];
			char *text = text_sanitize(q->text, false);
			cli_printf("%lld  [%s]  %s", (long long)q->id, _(question_status_name(q->status)),
			           text ? text : "");
			free(text);
			if (*q->raised_by) {
				char *by = text_sanitize(q->raised_by, false);
				cli_printf(_("  (raised by %s)"), by ? by : "");
				free(by);
			}
			if (*q->owner) {
				char *owner = text_sanitize(q->owner, false);
				cli_printf(_("  owner: %s"), owner ? owner : "");
				free(owner);
			}
			if (q->moved_from)
				cli_printf(_("  (from the KO's question %lld)"), (long long)q->moved_from);
			cli_printf("\n");
			if (*q->answer) {
				char *answer = text_sanitize(q->answer, false);
				cli_printf("    → %s\n", answer ? answer : "");
				free(answer);
			}
		}
	}
	vec_question_free(&v);
	return status;
}

const struct cli_verb cli_raci_verbs[] = {
	{ "raci", "set", N_("MEETING OUTPUT_N PERSON R|A|C|I|-"),
	  N_("Set one cell of the RACI matrix (- empties it)."), raci_set },
	{ "raci", "show", N_("MEETING [--json]"),
	  N_("Show the RACI matrix and the outputs that break its rule."), raci_show },
	{ NULL },
};

const struct cli_verb cli_question_verbs[] = {
	{ "question", "add", N_("MEETING TEXT [--by NAME] [--owner NAME]"),
	  N_("Park an open question."), question_add },
	{ "question", "answer", N_("ID TEXT"), N_("Record a question's answer."), question_answer },
	{ "question", "move", N_("ID"), N_("Move an open question of the KO on to the TKO."),
	  question_move },
	{ "question", "list", N_("MEETING [--json]"), N_("List a meeting's open questions."),
	  question_list },
	{ NULL },
};
