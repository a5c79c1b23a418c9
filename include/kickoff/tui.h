/* tui.h - the screens: one per phase of a meeting, over a project list
 * and a project overview. */
#ifndef KICKOFF_TUI_H
#define KICKOFF_TUI_H

/* Opens the store at db_path and runs the screens until the user quits;
 * returns the exit status. */
int tui_main(const char *db_path);
/* Prints every screen's keys, one "SCREEN\tKEYS\tHELP" line each (SCREEN
 * "*": the keys of every screen), as the `?` help shows them; for the
 * manual.  Returns the exit status. */
int tui_keys(void);

#endif
