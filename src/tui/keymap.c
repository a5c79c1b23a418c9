/* keymap.c - which key triggers which action: bindings are data, and
 * they also name the keys for people (help, status line, manual).  The
 * actions themselves come from the one list in actions.h. */
#include <string.h>
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)
#define STR_(x) #x
#define STR(x) STR_(x)

/* One key, or a range of characters (ch..last), and the action it
 * triggers with its argument.  name is how the key is written for people
 * (the help, the status line, the manual); NULL for a second code of a
 * key already named (Enter sends \r, \n or KEY_ENTER). */
struct binding {
	bool is_key;       /* a KEY_* code rather than a character */
	wint_t ch, last;
	enum ko_action act;
	int arg;
	const char *name;
};

/* The phase keys are the digits 1..PHASE_COUNT. */
_Static_assert(PHASE_COUNT >= 1 && PHASE_COUNT <= 9, "a phase is one digit's key");

#define KB(is_key, ch, act, name) { is_key, ch, 0, ACTION_##act, 0, name }

static const struct binding bindings[] = {
	KB(false, 'j', MOVE_DOWN, "j"),      KB(true, KEY_DOWN, MOVE_DOWN, "Down"),
	KB(false, 'k', MOVE_UP, "k"),        KB(true, KEY_UP, MOVE_UP, "Up"),
	KB(false, 'g', MOVE_FIRST, "g"),     KB(true, KEY_HOME, MOVE_FIRST, "Home"),
	KB(false, 'G', MOVE_LAST, "G"),      KB(true, KEY_END, MOVE_LAST, "End"),
	KB(true, KEY_NPAGE, PAGE_DOWN, "PgDn"),
	KB(true, KEY_PPAGE, PAGE_UP, "PgUp"),
	KB(false, '\t', PHASE_NEXT, "Tab"),  KB(true, KEY_BTAB, PHASE_PREV, "Shift-Tab"),
	/* The argument is the phase's number: the key's digit. */
	{ false, '1', '0' + PHASE_COUNT, ACTION_PHASE_JUMP, 0, "1-" STR(PHASE_COUNT) },
	KB(false, ' ', TOGGLE, "Space"),
	KB(false, 'a', ADD, "a"),
	KB(false, '\r', EDIT, "Enter"),      KB(false, '\n', EDIT, NULL),
	KB(true, KEY_ENTER, EDIT, NULL),
	/* e says "edit" where Enter opens (1: the form, not the row's screen). */
	{ false, 'e', 0, ACTION_EDIT, 1, "e" },
	KB(false, 'v', VIEW, "v"),
	KB(false, 'd', DELETE, "d"),
	KB(false, 'D', ADD_DECISION, "D"),
	KB(false, 'R', ADD_RISK, "R"),
	KB(false, 't', CLOCK, "t"),
	KB(false, 'J', ITEM_DOWN, "J"),
	KB(false, 'K', ITEM_UP, "K"),
	KB(false, 'M', RACI, "M"),
	KB(false, 'Q', QUESTIONS, "Q"),
	KB(false, 'T', MOVE_TO_TKO, "T"),
	KB(false, 'c', CARRY, "c"),
	KB(false, 'u', UNDO, "u"),
	KB(false, CTRL('r'), REDO, "Ctrl-R"),
	KB(false, '/', FILTER, "/"),
	KB(false, 'x', EXPORT, "x"),
	KB(false, 'h', HISTORY, "h"),
	KB(false, 'P', PANE, "P"),
	KB(false, 'b', BOARD, "b"),
	KB(false, 'm', MINE, "m"),
	KB(false, 'o', SET_OWNER, "o"),
	KB(false, 'w', SET_DUE, "w"),
	KB(false, 'z', GROUP, "z"),
	KB(false, 's', SUGGEST, "s"),
	KB(false, '?', HELP, "?"),           KB(true, KEY_F(1), HELP, "F1"),
	KB(false, 'q', BACK, "q"),
	KB(false, CTRL('l'), REDRAW, "Ctrl-L"),
};

enum ko_action keymap_action(bool is_key, wint_t ch, int *arg)
{
	*arg = 0;
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++) {
		const struct binding *b = &bindings[i];
		if (b->is_key != is_key || ch < b->ch || ch > (b->last ? b->last : b->ch))
			continue;
		*arg = b->last ? (int)(ch - '0') : b->arg;
		return b->act;
	}
	return ACTION_NONE;
}

static const char *const helps[] = {
	NULL,
#define KO_ACTION_HELP(name, help) help,
	KO_ACTIONS(KO_ACTION_HELP)
#undef KO_ACTION_HELP
};

/* The names of an action's keys from the bindings, "j, Down". */
const char *action_keys(enum ko_action act)
{
	static char names[ACTION_COUNT][48];
	if (act <= ACTION_NONE || act >= ACTION_COUNT)
		return "";
	char *out = names[act];
	if (!*out) {
		size_t n = 0;
		for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
			if (bindings[i].act == act && bindings[i].name)
				n += (size_t)snprintf(out + n, n < sizeof names[act] ? sizeof names[act] - n : 0,
				                      "%s%s", n ? ", " : "", bindings[i].name);
	}
	return out;
}

const char *action_help(enum ko_action act)
{
	return act > ACTION_NONE && act < ACTION_COUNT ? _(helps[act]) : "";
}

/* The status line has room for a word per key, not the help sentence. */
const char *action_label(enum ko_action act)
{
	switch (act) {
	case ACTION_TOGGLE: return _("tick");
	case ACTION_ADD: return _("add");
	case ACTION_EDIT: return _("edit");
	case ACTION_VIEW: return C_("key", "read");
	case ACTION_MOVE_DOWN: return _("next");
	case ACTION_MOVE_UP: return _("previous");
	case ACTION_DELETE: return _("delete");
	case ACTION_ADD_DECISION: return _("decision");
	case ACTION_ADD_RISK: return _("risk");
	case ACTION_CLOCK: return _("clock");
	case ACTION_ITEM_DOWN: return _("item down");
	case ACTION_ITEM_UP: return _("item up");
	case ACTION_RACI: return _("RACI");
	case ACTION_QUESTIONS: return _("questions");
	case ACTION_MOVE_TO_TKO: return _("to TKO");
	case ACTION_CARRY: return _("carry");
	case ACTION_UNDO: return _("undo");
	case ACTION_REDO: return _("redo");
	case ACTION_FILTER: return _("filter");
	case ACTION_EXPORT: return _("export");
	case ACTION_HISTORY: return _("history");
	case ACTION_PANE: return _("pane");
	case ACTION_BOARD: return _("board");
	case ACTION_MINE: return _("mine");
	case ACTION_SET_OWNER: return _("owner");
	case ACTION_SET_DUE: return _("due");
	case ACTION_GROUP: return _("group");
	case ACTION_SUGGEST: return _("suggested");
	case ACTION_HELP: return _("help");
	case ACTION_BACK: return _("back");
	case ACTION_PHASE_NEXT: return _("next phase");
	case ACTION_PHASE_JUMP: return _("phase");
	default: return action_help(act);
	}
}
