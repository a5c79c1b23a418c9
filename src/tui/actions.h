/* actions.h - every action a key can trigger, defined once.
 *
 * X(NAME, HELP): the enum, the `?` help screen and the manual's key
 * table (docs/kickoff.1, generated at build time from the binary's
 * `kickoff __keys`) all come from this list.  The keys themselves, and
 * how they are written for people, are the bindings in keymap.c.
 * Screens receive actions, never raw keys (text input fields aside: they
 * list the keys they read themselves in a table of struct raw_key). */
#ifndef KICKOFF_TUI_ACTIONS_H
#define KICKOFF_TUI_ACTIONS_H

#define KO_ACTIONS(X) \
	X(MOVE_DOWN,    N_("move down")) \
	X(MOVE_UP,      N_("move up")) \
	X(MOVE_FIRST,   N_("first row")) \
	X(MOVE_LAST,    N_("last row")) \
	X(PAGE_DOWN,    N_("next page")) \
	X(PAGE_UP,      N_("previous page")) \
	X(PHASE_NEXT,   N_("next phase")) \
	X(PHASE_PREV,   N_("previous phase")) \
	X(PHASE_JUMP,   N_("jump to the phase of that number")) \
	X(TOGGLE,       N_("tick, toggle or cycle the status")) \
	X(ADD,          N_("add")) \
	X(EDIT,         N_("edit or open")) \
	X(VIEW,         N_("read the whole row, wrapped")) \
	X(DELETE,       N_("delete (asks y to confirm)")) \
	X(ADD_DECISION, N_("add a decision on this agenda item")) \
	X(ADD_RISK,     N_("add a risk on this agenda item")) \
	X(CLOCK,        N_("start or stop the clock on this agenda item")) \
	X(ITEM_DOWN,    N_("move this agenda item down one")) \
	X(ITEM_UP,      N_("move this agenda item up one")) \
	X(RACI,         N_("the RACI matrix: who is R, A, C, I for each output")) \
	X(QUESTIONS,    N_("the open questions (parking lot)")) \
	X(MOVE_TO_TKO,  N_("move the open question on to the TKO")) \
	X(CARRY,        N_("carry the KO's risk into the TKO")) \
	X(UNDO,         N_("undo your last change")) \
	X(REDO,         N_("redo what you undid")) \
	X(FILTER,       N_("filter the list")) \
	X(EXPORT,       N_("export the minutes to a file")) \
	X(HISTORY,      N_("history of this meeting")) \
	X(PANE,         N_("show or hide the detail pane (120 columns and wider)")) \
	X(BOARD,        N_("the follow-up board: open actions of every project")) \
	X(MINE,         N_("only my actions ($KICKOFF_USER), or everyone's again")) \
	X(SET_OWNER,    N_("change the owner")) \
	X(SET_DUE,      N_("change the due date")) \
	X(GROUP,        N_("group by owner, then by project, then not")) \
	X(SUGGEST,      N_("the actions the template suggests: accept or drop them")) \
	X(HELP,         N_("help for this screen")) \
	X(BACK,         N_("back (quit on the project list)")) \
	X(REDRAW,       N_("redraw the screen"))

enum ko_action {
	ACTION_NONE,
#define KO_ACTION_ENUM(name, help) ACTION_##name,
	KO_ACTIONS(KO_ACTION_ENUM)
#undef KO_ACTION_ENUM
	ACTION_COUNT
};

#endif
