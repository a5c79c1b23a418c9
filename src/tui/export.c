/* export.c - the x key: the open meeting's minutes into a file, in a
 * format asked for in the status line (md, json, csv or ics; md when
 * nothing is typed), written by the same code as `kickoff export`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/export.h"
#include "ui.h"

static int64_t export_meeting;

static int export_done(struct app *a, void *ctx, const char *text)
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
	const char *dir = getenv("KICKOFF_EXPORT_DIR");
	if (!dir || !*dir)
		dir = ".";
	char *path = NULL;
	struct ko_error e = { 0 };
	if (export_meeting_file(a->st, export_meeting, f, dir, &path, &e) != KO_OK) {
		app_msg(a, MSG_ERROR, "%s: %s", _(ko_err_str(e.code)), e.msg);
		return SCR_HANDLED;
	}
	app_msg(a, MSG_OK, _("exported to %s"), path);
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
	ask_open(a, _("Export format (md, json, csv, ics):"), "md", export_done, NULL);
}
