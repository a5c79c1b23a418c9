/* history.c - kickoff log|undo|redo */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

static int log_run(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'n' },
		{ 0 },
	};
	bool json = false;
	long long limit = 0;
	int ch, status;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'j': json = true; break;
		case 'n':
			if (!cli_number(c, "--limit", optarg, &limit, &status))
				return status;
			break;
		default: return 1;
		}
	}
	if (argc - optind > 1)
		return cli_usage_fail(c, _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	int64_t meeting_id = 0;
	if (argc - optind == 1) {
		struct meeting m;
		if (store_meeting_find(st, argv[optind], &m) != KO_OK)
			return cli_store_fail(c);
		meeting_id = m.id;
		meeting_free(&m);
	}
	vec_change v;
	if (store_log(st, meeting_id, 0, (int)limit, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		json_t *arr = json_array();
		struct meeting seen = { 0 };
		int64_t seen_id = 0;
		bool found = false;
		for (size_t i = 0; i < v.n && arr; i++) {
			const struct change_info *ci = &v.v[i];
			/* The log runs newest first, so a meeting's changes come
			 * together: one look-up for each run of them.  A meeting
			 * deleted since has no name left to give. */
			if (ci->meeting_id && ci->meeting_id != seen_id) {
				meeting_free(&seen);
				seen_id = ci->meeting_id;
				found = store_meeting_get(st, seen_id, &seen) == KO_OK;
			}
			json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:b, s:b}",
				"id", (json_int_t)ci->id, "at", ci->at, "who", ci->who,
				"summary", ci->summary, "undone", ci->undone, "skipped", ci->skipped);
			char text[600];
			app_change_text(ci, text, sizeof text);
			o = cli_json_set(o, "text", json_string(text));
			o = cli_json_set(o, "row", ci->tbl ? json_pack("{s:s, s:I, s:s, s:s}",
				"table", ci->tbl, "id", (json_int_t)ci->row_id, "op", ci->op,
				"name", ci->row_name) : json_null());
			json_t *fields = json_array();
			for (size_t k = 0; fields && k < ci->nfields; k++)
				json_array_append_new(fields, json_pack("{s:s, s:s, s:s}",
					"field", ci->fields[k].column, "before", ci->fields[k].before,
					"after", ci->fields[k].after));
			o = cli_json_set(o, "fields", fields);
			o = cli_json_set(o, "meeting_id",
			                 ci->meeting_id ? json_integer(ci->meeting_id) : json_null());
			o = cli_json_set(o, "meeting", ci->meeting_id && found
				? cli_json_meeting_spec(seen.project_name, seen.kind) : json_null());
			if (json_array_append_new(arr, o) != 0) {
				json_decref(arr);
				arr = NULL;
			}
		}
		meeting_free(&seen);
		status = cli_print_json_list("changes", arr);
	} else {
		for (size_t i = 0; i < v.n; i++) {
			const struct change_info *ci = &v.v[i];
			char local[17], text[600];
			stamp_to_local(ci->at, local);
			/* One line per change, as in the other lists: a newline
			 * in a user's name is shown as ⏎, not a forged line. */
			char *who = text_sanitize(ci->who, false);
			app_change_text(ci, text, sizeof text);
			char *what = text_sanitize(text, false);
			cli_printf("%6lld  %s  %-12s %s%s\n", (long long)ci->id, local, who ? who : "",
			       what ? what : "",
			       ci->undone ? _("  (undone)") : ci->skipped ? _("  (skipped)") : "");
			free(what);
			free(who);
		}
	}
	vec_change_free(&v);
	return status;
}

/* undo and redo: one line saying what was done, or what would go. */
static int undo_or_redo_run(struct cli *c, int argc, char **argv, bool redo)
{
	static const struct option opts[] = { { "force", no_argument, NULL, 'f' }, { 0 } };
	bool force = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'f')
			return 1;
		force = true;
	}
	if (optind != argc)
		return cli_usage_fail(c, _("too many arguments"));
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	char *summary = NULL, *other = NULL;
	enum ko_err rc = redo ? store_redo(st, force, &summary, &other)
	                      : store_undo(st, force, &summary, &other);
	char text[600];
	app_undo_text(st, summary, text, sizeof text);
	int status = 0;
	if (rc == KO_CONFLICT && other) {
		status = cli_fail(c, rc, redo ? _("\"%s\": %s; redo anyway with --force")
		                              : _("\"%s\": %s; undo anyway with --force"),
		                  text, other);
	} else if (rc != KO_OK) {
		status = cli_store_fail(c);
	} else {
		cli_say(redo ? _("redone: %s\n") : _("undone: %s\n"), text);
	}
	free(summary);
	free(other);
	return status;
}

static int undo_run(struct cli *c, int argc, char **argv)
{
	return undo_or_redo_run(c, argc, argv, false);
}

static int redo_run(struct cli *c, int argc, char **argv)
{
	return undo_or_redo_run(c, argc, argv, true);
}

const struct cli_verb cli_log_verbs[] = {
	{ "log", "", N_("[MEETING] [--limit N] [--json]"),
	  N_("Show who changed what and when, newest first."), log_run },
	{ 0 },
};

const struct cli_verb cli_undo_verbs[] = {
	{ "undo", "", N_("[--force]"),
	  N_("Undo your last change (asks for --force when it would take what others wrote)."), undo_run },
	{ 0 },
};

const struct cli_verb cli_redo_verbs[] = {
	{ "redo", "", N_("[--force]"),
	  N_("Redo the change you last undid (asks for --force when its rows changed since)."), redo_run },
	{ 0 },
};
