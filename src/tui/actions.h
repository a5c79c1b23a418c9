/* actions.h - every action a key can trigger, defined once.
 *
 * X(NAME, KEYS, HELP): the enum, the `?` help screen and the manual's key
 * table (docs/kickoff.1, generated at build time) all come from this
 * list.  KEYS is how the keys are written for people; the bindings
 * themselves live in keymap.c.  Screens receive actions, never raw keys
 * (text input fields aside). */
#ifndef KICKOFF_TUI_ACTIONS_H
#define KICKOFF_TUI_ACTIONS_H

#define KO_ACTIONS(X) \
	X(MOVE_DOWN,    "j, Down",        N_("move down")) \
	X(MOVE_UP,      "k, Up",          N_("move up")) \
	X(MOVE_FIRST,   "g, Home",        N_("first row")) \
	X(MOVE_LAST,    "G, End",         N_("last row")) \
	X(PAGE_DOWN,    "PgDn",           N_("next page")) \
	X(PAGE_UP,      "PgUp",           N_("previous page")) \
	X(PHASE_NEXT,   "Tab",            N_("next phase")) \
	X(PHASE_PREV,   "Shift-Tab",      N_("previous phase")) \
	X(PHASE_JUMP,   "1-7",            N_("jump to phase 1 to 7")) \
	X(TOGGLE,       "Space",          N_("tick, toggle or cycle the status")) \
	X(ADD,          "a",              N_("add")) \
	X(EDIT,         "Enter, e",       N_("edit or open")) \
	X(VIEW,         "v",              N_("read the whole row, wrapped")) \
	X(DELETE,       "d",              N_("delete (asks y to confirm)")) \
	X(ADD_DECISION, "D",              N_("add a decision on this agenda item")) \
	X(ADD_RISK,     "R",              N_("add a risk on this agenda item")) \
	X(UNDO,         "u",              N_("undo your last change")) \
	X(REDO,         "Ctrl-R",         N_("redo what you undid")) \
	X(FILTER,       "/",              N_("filter the list")) \
	X(EXPORT,       "x",              N_("export the minutes to a file")) \
	X(HISTORY,      "h",              N_("history of this meeting")) \
	X(HELP,         "?",              N_("help for this screen")) \
	X(BACK,         "q",              N_("back (quit on the project list)")) \
	X(REDRAW,       "Ctrl-L",         N_("redraw the screen"))

enum ko_action {
	ACTION_NONE,
#define KO_ACTION_ENUM(name, keys, help) ACTION_##name,
	KO_ACTIONS(KO_ACTION_ENUM)
#undef KO_ACTION_ENUM
	ACTION_COUNT
};

#endif
