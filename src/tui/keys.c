/* keys.c - every screen's keys as text, for the manual (kickoff __keys):
 * the same rows as the `?` overlay, from the same bindings and tables,
 * so the manual cannot drift from the keys the screens read. */
#include <stdio.h>
#include "kickoff/tui.h"
#include "ui.h"

static void print_row(void *ctx, const char *keys, const char *help)
{
	printf("%s\t%s\t%s\n", (const char *)ctx, keys, help);
}

int tui_keys(void)
{
	/* "*": every action, the table of keys that work on every screen. */
	for (int act = ACTION_NONE + 1; act < ACTION_COUNT; act++)
		print_row("*", action_keys((enum ko_action)act), action_help((enum ko_action)act));
	const struct screen_ops *screens[PHASE_COUNT + 16];
	size_t n = 0;
	screens[n++] = &screen_projects;
	screens[n++] = &screen_overview;
	screens[n++] = &screen_board;
	for (int p = 1; p <= PHASE_COUNT; p++)
		screens[n++] = &phases[p].screen;
	const struct screen_ops *more[] = {
		&screen_suggest, &screen_history, &screen_reading, &screen_form, &screen_conflict, &screen_confirm,
		&screen_filter, &screen_ask, &screen_raci, &screen_questions, &screen_invite,
	};
	for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
		screens[n++] = more[i];
	for (size_t i = 0; i < n; i++)
		help_rows_of(screens[i], print_row, (void *)screens[i]->name);
	return fflush(stdout) == 0 ? 0 : 3;
}
