/* app.c - placeholder until the screens land: lists the projects. */
#include <stdio.h>
#include "kickoff/cli.h"
#include "kickoff/tui.h"

int tui_main(const char *db_path)
{
	char *argv[] = { "project", "list", NULL };
	int status = cli_main(db_path, 2, argv);
	fprintf(stderr, "kickoff: the meeting screens are coming; the command line works today.\n");
	return status;
}
