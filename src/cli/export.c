/* export.c - kickoff export PROJECT|MEETING --format F, kickoff import FILE,
 * and the export the screens call. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/export.h"
#include "kickoff/i18n.h"

/* What an export covers: a project and some of its meetings. */
struct target {
	struct project project;
	struct minutes *meetings;
	size_t n;
};

static void target_free(struct target *t)
{
	project_free(&t->project);
	for (size_t i = 0; i < t->n; i++)
		minutes_free(&t->meetings[i]);
	free(t->meetings);
	memset(t, 0, sizeof *t);
}

/* Fills t with project_id's meetings, or only meeting_id when not 0. */
static enum ko_err load(struct store *st, int64_t project_id, int64_t meeting_id,
                        struct target *t)
{
	memset(t, 0, sizeof *t);
	enum ko_err rc = store_project_get(st, project_id, &t->project);
	if (rc != KO_OK)
		return rc;
	vec_meeting ms = { 0 };
	if (meeting_id) {
		struct meeting *m = VEC_PUSH(&ms);
		if (!m)
			rc = KO_NOMEM;
		else
			m->id = meeting_id;
	} else {
		rc = store_meetings_of(st, project_id, &ms);
	}
	if (rc == KO_OK && ms.n) {
		t->meetings = calloc(ms.n, sizeof *t->meetings);
		if (!t->meetings)
			rc = KO_NOMEM;
	}
	for (size_t i = 0; i < ms.n && rc == KO_OK; i++) {
		rc = store_minutes(st, ms.v[i].id, &t->meetings[i]);
		if (rc == KO_OK)
			t->n = i + 1;
	}
	vec_meeting_free(&ms);
	if (rc != KO_OK)
		target_free(t);
	return rc;
}

static enum ko_err render(const struct target *t, struct export_opts *o, struct kbuf *out,
                          struct ko_error *e)
{
	char now[21];
	clock_stamp(now);
	o->stamp = now;
	struct export_set set = { &t->project, t->meetings, t->n };
	enum ko_err rc = export_write(&set, o, out, e);
	o->stamp = NULL;
	return rc;
}

/* A file name from a project name: what a folder cannot hold becomes '_'. */
static void file_name(char *buf, size_t size, const char *project, const char *kind,
                      const char *ext)
{
	snprintf(buf, size, "%s-%s.%s", project, kind, ext);
	for (char *p = buf; *p; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '_';
	if (buf[0] == '.')
		buf[0] = '_';
}

enum ko_err export_meeting_name(struct store *st, int64_t meeting_id, int format,
                                char *buf, size_t size, struct ko_error *e)
{
	struct meeting m;
	enum ko_err rc = store_meeting_get(st, meeting_id, &m);
	if (rc != KO_OK)
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	file_name(buf, size, m.project_name, kind_name(m.kind),
	          export_format_name((enum export_format)format));
	meeting_free(&m);
	return KO_OK;
}

enum ko_err export_meeting_file(struct store *st, int64_t meeting_id, int format,
                                const char *path, bool force, struct ko_error *e)
{
	struct meeting m;
	enum ko_err rc = store_meeting_get(st, meeting_id, &m);
	if (rc != KO_OK)
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	struct target t;
	rc = load(st, m.project_id, meeting_id, &t);
	if (rc != KO_OK) {
		meeting_free(&m);
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	}
	/* From the screens the file is for a person, who opens a CSV in a
	 * spreadsheet: its form for one (export --spreadsheet). */
	struct export_opts o = { .format = (enum export_format)format, .entity = ENTITY_ACTIONS,
	                         .bom = true, .spreadsheet = true };
	struct kbuf out = { 0 };
	rc = render(&t, &o, &out, e);
	if (rc == KO_OK)
		rc = export_file_write(path, out.p ? out.p : "", out.n, force, e);
	kbuf_free(&out);
	target_free(&t);
	meeting_free(&m);
	return rc;
}

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
			                      "attendees, items or outputs)"), entity);
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
	struct target t;
	if (load(st, project_id, meeting_id, &t) != KO_OK)
		return cli_store_fail(c);
	struct kbuf out = { 0 };
	struct ko_error e = { 0 };
	enum ko_err rc = render(&t, &o, &out, &e);
	target_free(&t);
	int status = 0;
	if (rc != KO_OK) {
		status = cli_fail(c, rc, "%s", e.msg);
	} else if (output) {
		if (export_file_write(output, out.p ? out.p : "", out.n, force, &e) != KO_OK)
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

enum ko_err cli_read_file(const char *path, size_t max, char **out, size_t *len,
                         struct ko_error *e)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return ko_fail(e, errno == ENOENT ? KO_NOTFOUND : KO_IO, _("cannot read '%s': %s"),
		               path, strerror(errno));
	struct kbuf b = { 0 };
	char chunk[65536];
	size_t n;
	enum ko_err rc = KO_OK;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		kbuf_add(&b, chunk, n);
		if (b.n > max) {
			/* Templates may be 256 KiB: "0 MiB" would not be true. */
			if (max >= (size_t)1 << 20)
				rc = ko_fail(e, KO_INVALID, _("'%s' is too large (more than %zu MiB)"), path,
				             max >> 20);
			else
				rc = ko_fail(e, KO_INVALID, _("'%s' is too large (more than %zu KiB)"), path,
				             max >> 10);
			break;
		}
	}
	if (rc == KO_OK && ferror(f))
		rc = ko_fail(e, KO_IO, _("cannot read '%s': %s"), path, strerror(errno));
	if (rc == KO_OK && b.oom)
		rc = ko_fail(e, KO_NOMEM, _("out of memory reading '%s'"), path);
	if (f != stdin)
		fclose(f);
	if (rc != KO_OK) {
		kbuf_free(&b);
		return rc;
	}
	if (!b.p)
		kbuf_add(&b, "", 0);
	*out = b.p;
	*len = b.n;
	return b.p ? KO_OK : ko_fail(e, KO_NOMEM, _("out of memory"));
}

static int do_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing file") : _("too many arguments"));
	const char *path = argv[optind];
	char *bytes;
	size_t len;
	struct ko_error e = { 0 };
	if (cli_read_file(path, (size_t)64 << 20, &bytes, &len, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	struct import_doc doc;
	if (import_parse(bytes, len, &doc, &e) != KO_OK) {
		free(bytes);
		return cli_fail(c, e.code, "%s: %s", path, e.msg);
	}
	int status = 0;
	struct store *st = cli_store(c);
	if (!st) {
		status = 3;
	} else if (store_import(st, &doc.project, doc.meetings, doc.n, NULL) != KO_OK) {
		const struct ko_error *se = store_error(st);
		if (se->code == KO_EXISTS)
			status = cli_fail(c, se->code, "%s: line %d: project.name: %s", path,
			                  import_line_of(bytes, len, "project.name"), se->msg);
		else
			status = cli_fail(c, se->code, "%s: %s", path, se->msg);
	} else {
		cli_printf(ngettext("imported project '%s' (%zu meeting)\n",
		                    "imported project '%s' (%zu meetings)\n", doc.n), doc.project.name, doc.n);
	}
	import_doc_free(&doc);
	free(bytes);
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
