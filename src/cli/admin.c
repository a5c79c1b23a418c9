/* admin.c - kickoff backup FILE, restore FILE, doctor, and the hidden
 * kickoff __complete that feeds shell completion with names from the
 * database and options from the verb tables. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/export.h"
#include "kickoff/i18n.h"
#include "kickoff/template.h"
#include "kickoff/text.h"

/* backup and restore: one backup FILE and --force.  The file, or NULL
 * with *status set to the exit status. */
static const char *file_and_force(struct cli *c, int argc, char **argv, bool *force,
                                  int *status)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ 0 },
	};
	*force = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'f') {
			*status = 1;
			return NULL;
		}
		*force = true;
	}
	if (argc - optind != 1) {
		*status = cli_usage_fail(c, argc == optind ? _("missing backup file")
		                                           : _("too many arguments"));
		return NULL;
	}
	return argv[optind];
}

static int backup(struct cli *c, int argc, char **argv)
{
	bool force;
	int status;
	const char *file = file_and_force(c, argc, argv, &force, &status);
	if (!file)
		return status;
	struct ko_error e = { 0 };
	int64_t pages = 0;
	if (store_backup(c->db_path, file, force, &pages, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	cli_say(_("backed up %s to %s (%lld pages, integrity ok)\n"), c->db_path, file,
	       (long long)pages);
	return 0;
}

static int restore(struct cli *c, int argc, char **argv)
{
	bool force;
	int status;
	const char *file = file_and_force(c, argc, argv, &force, &status);
	if (!file)
		return status;
	struct ko_error e = { 0 };
	int64_t pages = 0;
	char *kept = NULL;
	if (store_restore(c->db_path, file, force, &kept, &pages, &e) != KO_OK)
		return cli_fail(c, e.code, "%s", e.msg);
	cli_say(_("restored %s from %s (%lld pages, integrity ok)\n"), c->db_path, file,
	       (long long)pages);
	if (kept)
		cli_say(_("the database as it was is in %s\n"), kept);
	free(kept);
	return 0;
}

/* A label padded to 12 columns (Chinese labels are two columns a
 * character, so printf's %-12s would not line them up). */
static void label(const char *text)
{
	int w = text_width(text);
	cli_printf("%s%*s ", text, w < 12 ? 12 - w : 0, "");
}

static const char *table_label(const char *table);

static json_t *size_or_null(int64_t v)
{
	return v < 0 ? json_null() : json_integer(v);
}

static int doctor(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ 0 },
	};
	bool json = false;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'j': json = true; break;
		default: return 1;
		}
	}
	if (argc != optind)
		return cli_usage_fail(c, _("too many arguments"));
	struct store_health h;
	struct ko_error e = { 0 };
	enum ko_err rc = store_health_check(c->db_path, &h, &e);
	if (rc == KO_NOTFOUND || rc == KO_IO || rc == KO_NOMEM) {
		store_health_free(&h);
		return cli_fail(c, rc, "%s", e.msg);
	}
	if (json) {
		json_t *rows = json_object();
		for (int i = 0; i < h.ntables; i++)
			json_object_set_new(rows, h.tables[i].table, json_integer(h.tables[i].rows));
		json_t *j = json_pack("{s:s, s:i, s:i, s:b, s:b, s:s, s:b, s:o, s:i, s:o, s:o, s:o, s:I, s:I, s:I, s:o}",
			"database", c->db_path, "schema_version", h.schema_version,
			"schema_version_supported", store_schema_version(),
			"kickoff_database", h.is_kickoff, "integrity_ok", h.integrity_ok,
			"integrity", h.integrity ? h.integrity : "",
			"schema_ok", h.schema_ok, "schema", h.schema ? json_string(h.schema) : json_null(),
			"temporary_files_removed", h.temps_removed,
			"file_bytes", size_or_null(h.file_bytes), "wal_bytes", size_or_null(h.wal_bytes),
			"shm_bytes", size_or_null(h.shm_bytes), "page_size", (json_int_t)h.page_size,
			"page_count", (json_int_t)h.page_count, "freelist_pages", (json_int_t)h.freelist_pages,
			"rows", rows);
		cli_print_json_list("doctor", j);
	} else {
		label(_("database"));
		cli_printf("%s\n", c->db_path);
		label(_("schema"));
		if (h.is_kickoff || h.schema_version == 0)
			printf(_("version %d (this kickoff knows up to %d)\n"), h.schema_version,
			       store_schema_version());
		else
			printf("%s\n", _("not a kickoff database"));
		label(_("integrity"));
		cli_printf("%s\n", h.integrity_ok ? _("ok") : h.integrity ? h.integrity : _("not checked"));
		if (h.is_kickoff) {
			label(_("schema check"));
			cli_printf("%s\n", h.schema_ok ? _("ok") : h.schema ? h.schema : _("not checked"));
		}
		if (h.temps_removed > 0) {
			label(_("cleaned up"));
			cli_printf(ngettext("%d temporary file of a killed backup or restore removed\n",
			                    "%d temporary files of killed backups or restores removed\n",
			                    h.temps_removed),
			       h.temps_removed);
		}
		for (int i = 0; i < h.nfacts; i++) {
			label(_(h.facts[i].label));
			cli_printf("%s\n", h.facts[i].value);
		}
		if (h.ntables) {
			printf("%s\n", _("rows"));
			for (int i = 0; i < h.ntables; i++) {
				printf("  ");
				label(table_label(h.tables[i].table));
				printf("%lld\n", (long long)h.tables[i].rows);
			}
		}
	}
	store_health_free(&h);
	if (rc != KO_OK) {
		cli_eprintf("kickoff: doctor: %s\n", e.msg);
		return ko_err_exit(rc);
	}
	return 0;
}

/* What the tables hold, for people; an unknown table shows its name. */
static const char *table_label(const char *table)
{
	static const char *const names[][2] = {
		{ "project", N_("projects") }, { "meeting", N_("meetings") },
		{ "attendee", N_("attendees") }, { "item", N_("agenda items") },
		{ "decision", N_("decisions") }, { "risk", N_("risks") },
		{ "output", N_("outputs") }, { "action", N_("actions") },
		{ "template", N_("templates") }, { "change", N_("changes") },
		{ "change_row", N_("changed rows") }, { "presence", N_("open sessions") },
		{ "draft", N_("drafts") }, { "tally", N_("counters") }, { "meta", N_("identity") },
		{ "raci", N_("RACI cells") }, { "question", N_("open questions") },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i][0], table) == 0)
			return _(names[i][1]);
	return table;
}

/* ---- completion ---- */

static void complete_projects(struct store *st, bool meetings)
{
	vec_project v;
	if (store_project_list(st, NULL, 0, 0, &v) != KO_OK)
		return;
	/* The shell shows the candidates on the terminal: made visible. */
	for (size_t i = 0; i < v.n; i++) {
		if (!meetings) {
			cli_printf("%s\n", v.v[i].name);
			continue;
		}
		if (v.v[i].ko_status >= 0)
			cli_printf("%s/ko\n", v.v[i].name);
		if (v.v[i].tko_status >= 0)
			cli_printf("%s/tko\n", v.v[i].name);
	}
	vec_project_free(&v);
}

static void complete_actions(struct store *st)
{
	vec_action v;
	struct action_query q = { .open_only = true };
	if (store_action_query(st, &q, &v) != KO_OK)
		return;
	for (size_t i = 0; i < v.n; i++)
		printf("%lld\n", (long long)v.v[i].id);
	vec_action_free(&v);
}

static void complete_templates(struct store *st)
{
	vec_template v;
	if (store_template_list(st, &v) != KO_OK)
		return;
	for (size_t i = 0; i < v.n; i++)
		printf("%s\n", v.v[i].name);
	vec_template_free(&v);
}

/* The --options in a verb's usage line, plus --help. */
static void complete_options(const struct cli_verb *v)
{
	const char *p = v->usage;
	while ((p = strstr(p, "--")) != NULL) {
		size_t n = 2 + strspn(p + 2, "abcdefghijklmnopqrstuvwxyz-");
		if (n > 2)
			printf("%.*s\n", (int)n, p);
		p += n;
	}
	printf("--help\n");
}

/* Every visible verb as GROUP<TAB>VERB<TAB>USAGE<TAB>HELP, in the
 * locale's language: the manual's command list is made from it. */
static void verb_table(void)
{
	for (size_t i = 0; cli_groups[i]; i++)
		for (const struct cli_verb *v = cli_groups[i]; v->group; v++)
			if (v->group[0] != '_')
				printf("%s\t%s\t%s\t%s\n", v->group, v->verb,
				       v->usage[0] ? i18n_ctx(v->usage) : "", v->help[0] ? _(v->help) : "");
}

/* kickoff __complete groups | verbs GROUP | options GROUP [VERB]
 *                  | projects | meetings | actions | templates | entities
 *                  | verb-table
 * One candidate a line; nothing (and status 0) when there is none, so a
 * shell never shows an error while the user types. */
static int complete(struct cli *c, int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "";
	if (strcmp(what, "verb-table") == 0) {
		verb_table();
		return 0;
	}
	if (strcmp(what, "groups") == 0 || strcmp(what, "verbs") == 0 ||
	    strcmp(what, "options") == 0) {
		const char *group = argc > 2 ? argv[2] : NULL;
		const char *verb = argc > 3 ? argv[3] : "";
		const char *last = NULL;
		for (size_t i = 0; cli_groups[i]; i++) {
			for (const struct cli_verb *v = cli_groups[i]; v->group; v++) {
				if (v->group[0] == '_')
					continue;
				if (what[0] == 'g') {
					if (!last || strcmp(last, v->group) != 0)
						printf("%s\n", v->group);
					last = v->group;
				} else if (group && strcmp(group, v->group) == 0) {
					if (what[0] == 'v' && v->verb[0])
						printf("%s\n", v->verb);
					else if (what[0] == 'o' && strcmp(verb, v->verb) == 0)
						complete_options(v);
				}
			}
		}
		if (what[0] == 'g')
			printf("--db\n--help\n--version\n");
		return 0;
	}
	if (strcmp(what, "entities") == 0) {
		for (int i = 0; export_entity_name(i); i++)
			printf("%s\n", export_entity_name(i));
		return 0;
	}
	bool projects = strcmp(what, "projects") == 0;
	bool meetings = strcmp(what, "meetings") == 0;
	bool actions = strcmp(what, "actions") == 0;
	bool templates = strcmp(what, "templates") == 0;
	if (!projects && !meetings && !actions && !templates)
		return 0;
	/* The built-in template needs no database. */
	if (templates)
		printf("%s\n", TEMPLATE_BUILTIN);
	/* Never create a database just to complete a word. */
	struct store *st = NULL;
	struct ko_error e = { 0 };
	if (store_open(c->db_path, 0, &st, &e) != KO_OK)
		return 0;
	if (actions)
		complete_actions(st);
	else if (templates)
		complete_templates(st);
	else
		complete_projects(st, meetings);
	store_close(st);
	return 0;
}

const struct cli_verb cli_backup_verbs[] = {
	{ "backup", "", N_("FILE [--force]"),
	  N_("Copy the database to FILE while others may go on writing; the copy is checked. "
	     "An existing FILE is kept unless --force."),
	  backup },
	{ 0 },
};

const struct cli_verb cli_restore_verbs[] = {
	{ "restore", "", N_("FILE [--force]"),
	  N_("Put a backup back as the database, even while sessions have it open (they notice it, "
	     "save nothing they read before it and show the restored data); the database as it was "
	     "is kept in DATABASE.before-restore. A backup whose schema is not kickoff's is refused. "
	     "Never copy a backup over the file while a session is open: the WAL beside it would "
	     "be replayed over the copy."),
	  restore },
	{ 0 },
};

const struct cli_verb cli_doctor_verbs[] = {
	{ "doctor", "", N_("[--json]"),
	  N_("Show the database path, schema version, integrity and schema checks, sizes and "
	     "row counts; remove what killed backups and restores left; exit 3 when the "
	     "database is damaged or its schema is not kickoff's."),
	  doctor },
	{ 0 },
};

const struct cli_verb cli_complete_verbs[] = {
	{ "__complete", "", "groups|verbs GROUP|options GROUP VERB|projects|meetings|actions|templates|entities|verb-table",
	  N_("Print completion candidates, one a line (for the shell's completion)."),
	  complete },
	{ 0 },
};
