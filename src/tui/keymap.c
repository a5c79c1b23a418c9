/* keymap.c - which key triggers which action: bindings are data.  The
 * actions themselves (and how their keys are written for people) come
 * from the one list in actions.h. */
#include <string.h>
#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

struct binding {
	bool is_key;       /* a KEY_* code rather than a character */
	wint_t ch;
	enum ko_action act;
};

static const struct binding bindings[] = {
	{ false, 'j', ACTION_MOVE_DOWN },     { true, KEY_DOWN, ACTION_MOVE_DOWN },
	{ false, 'k', ACTION_MOVE_UP },       { true, KEY_UP, ACTION_MOVE_UP },
	{ false, 'g', ACTION_MOVE_FIRST },    { true, KEY_HOME, ACTION_MOVE_FIRST },
	{ false, 'G', ACTION_MOVE_LAST },     { true, KEY_END, ACTION_MOVE_LAST },
	{ true, KEY_NPAGE, ACTION_PAGE_DOWN },{ true, KEY_PPAGE, ACTION_PAGE_UP },
	{ false, '\t', ACTION_PHASE_NEXT },   { true, KEY_BTAB, ACTION_PHASE_PREV },
	{ false, ' ', ACTION_TOGGLE },
	{ false, 'a', ACTION_ADD },
	{ false, '\r', ACTION_EDIT },         { false, '\n', ACTION_EDIT },
	{ true, KEY_ENTER, ACTION_EDIT },     { false, 'e', ACTION_EDIT },
	{ false, 'v', ACTION_VIEW },
	{ false, 'd', ACTION_DELETE },
	{ false, 'D', ACTION_ADD_DECISION },
	{ false, 'R', ACTION_ADD_RISK },
	{ false, 'u', ACTION_UNDO },
	{ false, CTRL('r'), ACTION_REDO },
	{ false, '/', ACTION_FILTER },
	{ false, 'x', ACTION_EXPORT },
	{ false, 'h', ACTION_HISTORY },
	{ false, '?', ACTION_HELP },
	{ false, 'q', ACTION_BACK },
	{ false, CTRL('l'), ACTION_REDRAW },
};

enum ko_action keymap_action(bool is_key, wint_t ch, int *arg)
{
	*arg = 0;
	if (!is_key && ch >= '1' && ch <= '7') {
		*arg = (int)(ch - '0');
		return ACTION_PHASE_JUMP;
	}
	if (!is_key && ch == 'e')
		*arg = 1;
	for (size_t i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].is_key == is_key && bindings[i].ch == ch)
			return bindings[i].act;
	return ACTION_NONE;
}

static const char *const keys[] = {
	NULL,
#define KO_ACTION_KEYS(name, k, help) k,
	KO_ACTIONS(KO_ACTION_KEYS)
#undef KO_ACTION_KEYS
};

static const char *const helps[] = {
	NULL,
#define KO_ACTION_HELP(name, k, help) help,
	KO_ACTIONS(KO_ACTION_HELP)
#undef KO_ACTION_HELP
};

const char *action_keys(enum ko_action act)
{
	return act > ACTION_NONE && act < ACTION_COUNT ? keys[act] : "";
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
	case ACTION_UNDO: return _("undo");
	case ACTION_REDO: return _("redo");
	case ACTION_FILTER: return _("filter");
	case ACTION_EXPORT: return _("export");
	case ACTION_HISTORY: return _("history");
	case ACTION_HELP: return _("help");
	case ACTION_BACK: return _("back");
	case ACTION_PHASE_NEXT: return _("next phase");
	case ACTION_PHASE_JUMP: return _("phase");
	default: return action_help(act);
	}
}
