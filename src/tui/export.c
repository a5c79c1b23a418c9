/* export.c - the x key: the open meeting's minutes into a file.  Two
 * questions in the status line: the format (md, json, csv or ics; md
 * when nothing is typed), then the file, its full path filled in (the
 * current folder, or $KICKOFF_EXPORT_DIR when set) to take with Enter or
 * change.  A file that is there already is replaced only after a y; the
 * writing is app/'s, shared with the command line (a temporary file
 * renamed into place). */
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kickoff/app.h"
#include "kickoff/export.h"
#include "ui.h"

static int64_t export_meeting;
static int export_format;
static char *export_path;       /* the file asked about, until answered */

/* s with dir in front, as a new string. */
static char *joined(const char *dir, const char *s)
{
	size_t n = strlen(dir) + strlen(s) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", s);
	return p;
}

/* The full path of what was typed: ~/ is the home folder, a relative
 * path is from the current folder, and the folder is named as it really
 * is (links resolved), so the message says where the file is. */
static char *full_path(const char *typed)
{
	char *in = NULL;
	const char *home = getenv("HOME");
	if (strncmp(typed, "~/", 2) == 0 && home && *home)
		in = joined(home, typed + 2);
	else
		in = strdup(typed);
	char *d = in ? strdup(in) : NULL, *b = in ? strdup(in) : NULL;
	char *out = NULL;
	if (d && b) {
		char *real = realpath(dirname(d), NULL);
		if (real) {
			out = joined(real, basename(b));
			free(real);
		} else if (in[0] == '/') {
			out = strdup(in);
		} else {
			char cwd[PATH_MAX];
			out = getcwd(cwd, sizeof cwd) ? joined(cwd, in) : strdup(in);
		}
	}
	free(d);
	free(b);
	free(in);
	return out;
}

static int write_export(struct app *a, bool force);

static int overwrite_yes(struct app *a, void *ctx)
{
	(void)ctx;
	return write_export(a, true);
}

static void ask_overwrite(struct app *a)
{
	char q[512];
	snprintf(q, sizeof q, _("'%s' exists; overwrite it? (y/n)"), export_path);
	confirm_ask(a, q, overwrite_yes, NULL, _("not exported; the file is as it was"));
}

static int write_export(struct app *a, bool force)
{
	struct ko_error e = { 0 };
	enum ko_err rc = app_export_file(a->st, export_meeting, export_format, export_path,
	                                 force, &e);
	if (rc == KO_EXISTS && !force)
		/* It appeared since the name was asked for. */
		ask_overwrite(a);
	else if (rc != KO_OK)
		app_msg(a, MSG_ERROR, "%s: %s", _(ko_err_str(e.code)), e.msg);
	else
		app_msg(a, MSG_OK, _("exported to %s"), export_path);
	return SCR_HANDLED;
}

static int path_done(struct app *a, void *ctx, const char *text)
{
	(void)ctx;
	while (*text == ' ')
		text++;
	size_t n = strlen(text);
	while (n > 0 && text[n - 1] == ' ')
		n--;
	char *typed = strndup(text, n);
	if (!typed) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return SCR_HANDLED;
	}
	if (!*typed || typed[n - 1] == '/') {
		app_msg(a, MSG_ERROR, "%s", _("not exported: give the file a name"));
		free(typed);
		return SCR_HANDLED;
	}
	free(export_path);
	export_path = full_path(typed);
	free(typed);
	if (!export_path) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return SCR_HANDLED;
	}
	struct stat sb;
	if (lstat(export_path, &sb) == 0 && S_ISREG(sb.st_mode)) {
		ask_overwrite(a);
		return SCR_HANDLED;
	}
	return write_export(a, false);
}

static int format_done(struct app *a, void *ctx, const char *text)
{
	(void)ctx;
	while (*text == ' ')
		text++;
	char fmt[16];
	snprintf(fmt, sizeof fmt, "%s", *text ? text : "md");
	fmt[strcspn(fmt, " ")] = '\0';
	int f = export_format_parse(fmt);
	if (f < 0) {
		app_msg(a, MSG_ERROR, _("invalid value: the format is md, json, csv or ics, not '%s'"), fmt);
		return SCR_HANDLED;
	}
	export_format = f;
	char name[512];
	struct ko_error e = { 0 };
	if (app_export_name(a->st, export_meeting, f, name, sizeof name, &e) != KO_OK) {
		app_msg(a, MSG_ERROR, "%s: %s", _(ko_err_str(e.code)), e.msg);
		return SCR_HANDLED;
	}
	const char *dir = getenv("KICKOFF_EXPORT_DIR");
	char *in_dir = joined(dir && *dir ? dir : ".", name);
	char *path = in_dir ? full_path(in_dir) : NULL;
	free(in_dir);
	if (!path) {
		app_msg(a, MSG_ERROR, "%s", _("out of memory"));
		return SCR_HANDLED;
	}
	ask_open(a, _("Export to:"), path, path_done, NULL);
	free(path);
	return SCR_HANDLED;
}

void export_open(struct app *a, int64_t meeting_id)
{
	if (!meeting_id) {
		app_msg(a, MSG_INFO, "%s", _("nothing to export yet: create the meeting first"));
		return;
	}
	export_meeting = meeting_id;
	ask_open(a, _("Export format (md, json, csv, ics):"), "md", format_done, NULL);
}
