/* cli.c - dispatch of command-line verbs and what they share. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kickoff/cli.h"
#include "kickoff/i18n.h"
#include "kickoff/identity.h"
#include "kickoff/text.h"

const struct cli_verb *const cli_groups[] = {
	cli_project_verbs, cli_meeting_verbs, cli_attendee_verbs, cli_item_verbs,
	cli_decision_verbs, cli_risk_verbs, cli_output_verbs, cli_action_verbs,
	cli_board_verbs, cli_status_verbs,
	cli_raci_verbs, cli_question_verbs, cli_log_verbs, cli_undo_verbs, cli_redo_verbs,
	cli_export_verbs, cli_import_verbs, cli_mail_verbs, cli_template_verbs,
	cli_backup_verbs, cli_restore_verbs, cli_doctor_verbs, cli_complete_verbs,
	NULL,
};
#define groups cli_groups
#define NGROUPS (sizeof groups / sizeof groups[0] - 1)

static const struct cli_verb *current;

/* A usage line or help text in the user's language ("" stays "": gettext
 * would answer it with the catalogue's header). */
static const char *tr(const char *s)
{
	return s && *s ? i18n_ctx(s) : "";
}

void cli_usage(FILE *f)
{
	fprintf(f, "%s\n  kickoff %s\n", _("Usage:"), _("[--db PATH]"));
	for (size_t g = 0; g < NGROUPS; g++)
		for (const struct cli_verb *v = groups[g]; v->group; v++)
			if (v->group[0] != '_')
				fprintf(f, "  kickoff %s%s%s%s%s\n", v->group, v->verb[0] ? " " : "",
				        v->verb, v->usage[0] ? " " : "", tr(v->usage));
	fprintf(f, "\n%s\n", _("Run 'kickoff VERB --help' for one verb; 'man kickoff' for all."));
}

static void verb_help(const struct cli_verb *v)
{
	printf("%s kickoff %s%s%s%s%s\n\n%s\n", _("Usage:"), v->group, v->verb[0] ? " " : "",
	       v->verb, v->usage[0] ? " " : "", tr(v->usage), tr(v->help));
}

int cli_fail(struct cli *c, enum ko_err code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* The message may quote what the user typed: draw it inert. */
	char *safe = text_sanitize(msg, false);
	fprintf(stderr, "kickoff: %s: %s\n", c->cmd, safe ? safe : "");
	free(safe);
	return ko_err_exit(code);
}

int cli_store_fail(struct cli *c)
{
	const struct ko_error *e = store_error(c->st);
	return cli_fail(c, e->code, "%s", e->msg);
}

int cli_usage_fail(struct cli *c, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char *safe = text_sanitize(msg, false);
	const char *usage = current ? tr(current->usage) : "";
	fprintf(stderr, _("kickoff: %s: %s (usage: kickoff %s%s%s)\n"), c->cmd, safe ? safe : "",
	        c->cmd, usage[0] ? " " : "", usage);
	free(safe);
	return ko_err_exit(KO_USAGE);
}

struct store *cli_store(struct cli *c)
{
	if (c->st)
		return c->st;
	struct ko_error e = { 0 };
	if (store_open(c->db_path, STORE_CREATE | STORE_COMMAND, &c->st, &e) != KO_OK) {
		cli_fail(c, e.code, "%s", e.msg);
		return NULL;
	}
	char who[256];
	identity_user(who, sizeof who);
	store_set_user(c->st, who);
	return c->st;
}

int cli_getopt(struct cli *c, int argc, char **argv, const struct option *opts)
{
	/* Our own short-option string: each long option maps to its val. */
	char shorts[64] = ":";
	size_t n = 1;
	for (const struct option *o = opts; o->name && n + 3 < sizeof shorts; o++) {
		if (o->val > 0 && o->val < 128 && !o->flag) {
			shorts[n++] = (char)o->val;
			if (o->has_arg == required_argument)
				shorts[n++] = ':';
		}
	}
	shorts[n] = '\0';
	opterr = 0;
	int idx = 0;
	int ch = getopt_long(argc, argv, shorts, opts, &idx);
	if (ch == '?') {
		const char *bad = argv[optind - 1];
		if (optopt)
			cli_usage_fail(c, _("unknown option '-%c'"), optopt);
		else
			cli_usage_fail(c, _("unknown option '%s'"), bad);
		return '?';
	}
	if (ch == ':') {
		cli_usage_fail(c, _("option '%s' needs a value"), argv[optind - 1]);
		return '?';
	}
	return ch;
}

int cli_meeting_id(struct cli *c, const char *spec, int64_t *meeting_id)
{
	struct store *st = cli_store(c);
	if (!st)
		return ko_err_exit(KO_STORE);
	struct meeting m;
	if (store_meeting_find(st, spec, &m) != KO_OK)
		return cli_store_fail(c);
	*meeting_id = m.id;
	meeting_free(&m);
	return -1;
}

int cli_list_args(struct cli *c, int argc, char **argv, bool *json, int64_t *meeting_id)
{
	static const struct option opts[] = { { "json", no_argument, NULL, 'j' }, { 0 } };
	int ch;
	*json = false;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		if (ch != 'j')
			return ko_err_exit(KO_USAGE);
		*json = true;
	}
	if (argc - optind != 1)
		return cli_usage_fail(c, argc == optind ? _("missing meeting") : _("too many arguments"));
	return cli_meeting_id(c, argv[optind], meeting_id);
}

bool cli_text_ok(struct cli *c, const char *what, const char *s, size_t max, int *status)
{
	size_t n = strlen(s);
	if (!utf8_valid(s, n)) {
		*status = cli_fail(c, KO_INVALID, _("%s is not valid UTF-8"), _(what));
		return false;
	}
	if (n > max) {
		*status = cli_fail(c, KO_INVALID, _("%s is too long (%zu bytes; at most %zu)"), _(what), n, max);
		return false;
	}
	return true;
}

bool cli_number(struct cli *c, const char *what, const char *s, long long *out, int *status)
{
	char *end;
	errno = 0;
	/* strtoll would take " 1" and "+1": only digits are a number here. */
	long long v = *s >= '0' && *s <= '9' ? strtoll(s, &end, 10) : 0;
	/* Only digits, but more than any row's number can be: the same
	 * refusal, saying where numbers end rather than that it is none. */
	if (*s && s[strspn(s, "0123456789")] == '\0' && v != 0 && (errno || v > INT_MAX)) {
		*status = cli_fail(c, KO_INVALID, _("%s must be a whole number from 1 to %d, not '%s'"),
		                   _(what), INT_MAX, s);
		return false;
	}
	if (!*s || v == 0 || *end || errno || v > INT_MAX) {
		*status = cli_fail(c, KO_INVALID, _("%s must be a whole number from 1, not '%s'"), _(what), s);
		return false;
	}
	*out = v;
	return true;
}

/* vsnprintf into buf, or into a malloc'd string when buf is too small;
 * NULL when out of memory. */
static char *format(char *buf, size_t size, int *len, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(buf, size, fmt, ap);
	char *msg = buf;
	if (n >= 0 && (size_t)n >= size) {
		msg = malloc((size_t)n + 1);
		if (msg)
			vsnprintf(msg, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	*len = n;
	return n < 0 ? NULL : msg;
}

/* Writes n bytes made visible (newlines kept when flags say so) to f. */
static int put_visible(FILE *f, const char *s, size_t n, unsigned flags)
{
	char *safe = text_visible(s, n, flags);
	if (!safe)
		return -1;
	int rc = fputs(safe, f);
	free(safe);
	return rc;
}

int cli_printf(const char *fmt, ...)
{
	char buf[4096];
	int n;
	va_list ap;
	va_start(ap, fmt);
	char *msg = format(buf, sizeof buf, &n, fmt, ap);
	va_end(ap);
	if (!msg)
		return -1;
	/* Stored text may hold ESC and other controls: shown, never sent. */
	int rc = put_visible(stdout, msg, (size_t)n, TEXT_KEEP_NEWLINES);
	if (msg != buf)
		free(msg);
	return rc;
}

/* A message of one line to f.  A newline inside what the user typed
 * would start a line that looks like a message of ours: only the one
 * that ends the message stays, any other is shown as a symbol. */
static int put_line(FILE *f, const char *fmt, va_list ap)
{
	char buf[1024];
	int n;
	char *msg = format(buf, sizeof buf, &n, fmt, ap);
	if (!msg)
		return -1;
	bool eol = n > 0 && msg[n - 1] == '\n';
	int rc = put_visible(f, msg, (size_t)n - eol, 0);
	if (eol && rc >= 0)
		rc = fputc('\n', f) == EOF ? -1 : rc;
	if (msg != buf)
		free(msg);
	return rc;
}

void cli_eprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	put_line(stderr, fmt, ap);
	va_end(ap);
}

int cli_say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = put_line(stdout, fmt, ap);
	va_end(ap);
	return rc;
}

bool cli_stdout_tty(void)
{
	static int tty = -1;
	if (tty < 0)
		tty = isatty(STDOUT_FILENO);
	return tty == 1;
}

int cli_write_data(const char *s, size_t n)
{
	/* Round trips through a file or a pipe keep every byte; a terminal
	 * would act on the controls among them instead of showing them. */
	if (cli_stdout_tty())
		return put_visible(stdout, s, n, TEXT_KEEP_NEWLINES | TEXT_KEEP_CRLF | TEXT_KEEP_TABS);
	return fwrite(s, 1, n, stdout) == n ? 0 : -1;
}

int cli_print_json(json_t *j)
{
	char *text = j ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!text) {
		fprintf(stderr, _("kickoff: out of memory\n"));
		return ko_err_exit(KO_NOMEM);
	}
	cli_write_data(text, strlen(text));
	fputc('\n', stdout);
	free(text);
	return 0;
}

json_t *json_text_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

int cli_print_json_list(const char *name, json_t *value)
{
	json_t *o = value ? json_object() : NULL;
	o = cli_json_set(o, "format", json_string(EXPORT_LIST_FORMAT));
	o = cli_json_set(o, name, value);
	return cli_print_json(o);
}

json_t *cli_json_rows(const struct entity_desc *e, const void *rows, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n && a; i++)
		if (json_array_append_new(a, export_row_json(e, entity_row(e, rows, i))) != 0) {
			json_decref(a);
			a = NULL;
		}
	return a;
}

bool cli_json_add(json_t *row, const char *key, json_t *value)
{
	if (row && value)
		return json_object_set_new(row, key, value) == 0;
	json_decref(value);
	return false;
}

json_t *cli_json_meeting_spec(const char *project, enum meeting_kind kind)
{
	char *spec = NULL;
	if (asprintf(&spec, "%s/%s", project ? project : "", kind_name(kind)) < 0)
		return NULL;
	json_t *j = json_string(spec);
	free(spec);
	return j;
}

json_t *cli_json_set(json_t *o, const char *key, json_t *value)
{
	if (o && value && json_object_set_new(o, key, value) == 0)
		return o;
	if (!o)
		json_decref(value);
	json_decref(o);
	return NULL;
}

void cli_print_table(const char *const *cells, int ncols, int nrows)
{
	int width[16] = { 0 };
	if (ncols > 16)
		ncols = 16;
	char **safe = calloc((size_t)ncols * (size_t)nrows + 1, sizeof *safe);
	if (!safe)
		return;
	for (int r = 0; r < nrows; r++)
		for (int k = 0; k < ncols; k++) {
			char *s = text_sanitize(cells[r * ncols + k] ? cells[r * ncols + k] : "", false);
			safe[r * ncols + k] = s;
			int w = s ? text_width(s) : 0;
			if (w > width[k])
				width[k] = w;
		}
	for (int r = 0; r < nrows; r++) {
		for (int k = 0; k < ncols; k++) {
			const char *s = safe[r * ncols + k] ? safe[r * ncols + k] : "";
			fputs(s, stdout);
			if (k < ncols - 1)
				printf("%*s", width[k] - text_width(s) + 2, "");
		}
		fputc('\n', stdout);
	}
	for (int i = 0; i < ncols * nrows; i++)
		free(safe[i]);
	free(safe);
}

int cli_main(const char *db_path, int argc, char **argv)
{
	struct cli c = { .db_path = db_path, .cmd = argv[0] };
	const struct cli_verb *group = NULL;
	for (size_t g = 0; g < NGROUPS && !group; g++)
		if (strcmp(groups[g][0].group, argv[0]) == 0)
			group = groups[g];
	if (!group) {
		cli_eprintf(_("kickoff: unknown command '%s' (see kickoff --help)\n"), argv[0]);
		return ko_err_exit(KO_USAGE);
	}
	/* A group whose one verb is "" is a command of its own ("undo"). */
	bool single = group[0].verb[0] == '\0';
	const char *verb = argc > 1 && !single ? argv[1] : "";
	const struct cli_verb *v = group;
	for (; v->group; v++)
		if (strcmp(v->verb, verb) == 0)
			break;
	if (!v->group && strcmp(verb, "--help") == 0) {
		for (v = group; v->group; v++)
			verb_help(v);
		return 0;
	}
	if (!v->group) {
		char one_of[512] = "";
		size_t used = 0;
		for (v = group; v->group && used < sizeof one_of; v++)
			used += (size_t)snprintf(one_of + used, sizeof one_of - used, " %s", v->verb);
		cli_eprintf(_("kickoff: %s: unknown verb '%s'; one of:"), argv[0], verb);
		cli_eprintf("%s\n", one_of);
		return ko_err_exit(KO_USAGE);
	}
	char cmd[64];
	snprintf(cmd, sizeof cmd, "%s%s%s", v->group, single ? "" : " ", v->verb);
	c.cmd = cmd;
	current = v;
	int first = single ? 1 : 2;
	for (int i = first; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			verb_help(v);
			return 0;
		}
	}
	/* The verb sees argv from its own name, as getopt expects.  0, not 1:
	 * glibc then forgets the cluster a previous call stopped in, which
	 * still points into that call's argv. */
	optind = 0;
	int status = single ? v->run(&c, argc, argv) : v->run(&c, argc - 1, argv + 1);
	if (c.st)
		store_close(c.st);
	return status;
}
