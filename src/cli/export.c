/* export.c - kickoff export PROJECT|MEETING --format F, kickoff import FILE
 * (the work itself is app/'s). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/cli.h"
#include "kickoff/clock.h"
#include "kickoff/file.h"
#include "kickoff/i18n.h"

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

static int do_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "entity", required_argument, NULL, 'e' },
		{ "bom", no_argument, NULL, 'B' },
		{ "spreadsheet", no_argument, NULL, 'S' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'F' },
		{ 0 },
	};
	const char *format = NULL, *entity = NULL, *output = NULL;
	bool bom = false, force = false, spreadsheet = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'f': format = optarg; break;
		case 'e': entity = optarg; break;
		case 'B': bom = true; break;
		case 'S': spreadsheet = true; break;
		case 'o': output = optarg; break;
		case 'F': force = true; break;
		default: return 1;
		}
	}
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing project or meeting") : _("too many arguments"));
	if (!format)
		return cli_usage_fail(c, _("--format is required (md, json, csv or ics)"));
	struct export_opts o = { 0 };
	int f = export_format_parse(format);
	if (f < 0)
		return cli_usage_fail(c, _("unknown format '%s' (md, json, csv or ics)"), format);
	o.format = (enum export_format)f;
	if ((entity || bom || spreadsheet) && o.format != EXPORT_CSV)
		return cli_usage_fail(c, _("%s is for --format csv"),
		                      entity ? "--entity" : bom ? "--bom" : "--spreadsheet");
	if (entity) {
		int en = export_entity_parse(entity);
		if (en < 0)
			return cli_usage_fail(c, _("unknown entity '%s' (actions, decisions, risks, "
			                      "attendees, items, outputs, questions or raci)"), entity);
		o.entity = (enum export_entity)en;
	}
	/* For a spreadsheet: the byte order mark it wants, and no field it
	 * would run as a formula. */
	o.bom = bom || spreadsheet;
	o.spreadsheet = spreadsheet;
	if (force && !output)
		return cli_usage_fail(c, _("--force is for -o FILE"));
	/* "-o -" is standard output, as "import -" reads standard input. */
	if (output && strcmp(output, "-") == 0)
		output = NULL;
	if (clock_now() == (time_t)-1)
		return cli_fail(c, KO_INVALID, _("KICKOFF_NOW must be 'YYYY-MM-DD HH:MM[:SS]'"));

	struct store *st = cli_store(c);
	if (!st)
		return 3;
	/* PROJECT/ko and PROJECT/tko name a meeting; otherwise a project of
	 * that exact name, else a meeting id. */
	const char *spec = argv[optind];
	int64_t project_id = 0, meeting_id = 0;
	struct project p;
	if (!strchr(spec, '/') && store_project_find(st, spec, &p) == KO_OK) {
		if (strcmp(p.name, spec) == 0 || !all_digits(spec))
			project_id = p.id;
		project_free(&p);
	}
	if (!project_id) {
		struct meeting m;
		if (store_meeting_find(st, spec, &m) != KO_OK) {
			if (!strchr(spec, '/') && !all_digits(spec))
				return cli_fail(c, KO_NOTFOUND, _("no project or meeting named '%s'"), spec);
			return cli_store_fail(c);
		}
		project_id = m.project_id;
		meeting_id = m.id;
		meeting_free(&m);
	}
	struct kbuf out = { 0 };
	struct ko_error e = { 0 };
	int status = 0;
	if (app_export(st, project_id, meeting_id, &o, &out, &e) != KO_OK) {
		status = cli_fail(c, e.code, "%s", e.msg);
	} else if (output) {
		if (file_write_atomic(output, out.p ? out.p : "", out.n, force, &e) != KO_OK)
			status = cli_fail(c, e.code, "%s", e.msg);
	} else {
		if (out.n)
			cli_write_data(out.p, out.n);
		if (fflush(stdout) != 0 || ferror(stdout))
			status = cli_fail(c, KO_IO, _("cannot write to standard output: %s"), strerror(errno));
	}
	kbuf_free(&out);
	return status;
}

static int do_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing file") : _("too many arguments"));
	struct app_import im;
	struct ko_error e = { 0 };
	if (app_import_read(argv[optind], &im, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	int status = 0;
	struct store *st = cli_store(c);
	if (!st)
		status = 3;
	else if (app_import_store(st, &im, &e) != KO_OK)
		status = cli_fail(c, e.code, "%s", e.msg);
	else
		cli_say(ngettext("imported project '%s' (%zu meeting)\n",
		                    "imported project '%s' (%zu meetings)\n", im.doc.n),
		           im.doc.project.name, im.doc.n);
	app_import_free(&im);
	return status;
}

const struct cli_verb cli_export_verbs[] = {
	{ "export", "", N_("PROJECT|MEETING --format md|json|csv|ics [--entity E] [--bom] [--spreadsheet] [-o FILE|- [--force]]"),
	  N_("Write the minutes (a project: both meetings) as Markdown, JSON, CSV or iCalendar. "
	     "--spreadsheet makes the CSV for a spreadsheet: a byte order mark, and a ' before "
	     "any field it would run as a formula."),
	  do_export },
	{ 0 },
};

const struct cli_verb cli_import_verbs[] = {
	{ "import", "", N_("FILE.json"),
	  N_("Read a project back from a JSON export, all or nothing."), do_import },
	{ 0 },
};
