/* invite.c - which of the KO's attendees a new TKO invites: a checklist
 * over the KO's people, the technical ones ticked to begin with (the
 * seed's TKO audience, role_is_technical), Space changing one, Enter
 * going on with those ticked, q giving up the new TKO. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/model.h"
#include "ui.h"

struct invite {
	vec_attendee people;
	bool *ticked;
	struct list l;
	invite_fn done;
	void *ctx;
};

static const enum ko_action invite_keys[] = {
	ACTION_TOGGLE, ACTION_EDIT, ACTION_MOVE_DOWN, ACTION_MOVE_UP, ACTION_HELP, ACTION_BACK,
	ACTION_NONE,
};

static void invite_draw(struct app *a, struct screen *s)
{
	struct invite *iv = s->data;
	int w = COLS - 4 > 72 ? 72 : COLS - 4;
	int rows = (int)iv->people.n;
	int h = rows + 5 > LINES - 3 ? LINES - 3 : rows + 5;
	int y = (LINES - h) / 2, x = (COLS - w) / 2;
	ui_box(y, x, h, w, _("Invite the KO's attendees to the TKO"));
	iv->l.height = h - 5 > 1 ? h - 5 : 1;
	list_fix(&iv->l);
	int n = 0;
	for (size_t i = 0; i < iv->people.n; i++)
		n += iv->ticked[i];
	char head[128];
	snprintf(head, sizeof head, _("%d of %d ticked · technical roles ticked first"), n, rows);
	ui_text(y + 1, x + 2, w - 4, head, ui_attr(ST_DIM));
	for (int r = 0; r < iv->l.height && iv->l.top + r < rows; r++) {
		int i = iv->l.top + r;
		const struct attendee *at = &iv->people.v[i];
		bool sel = i == iv->l.cur;
		attr_t attr = sel ? ui_attr(ST_CURSOR) : A_NORMAL;
		char line[2 * NAME_MAX_BYTES + 16];
		snprintf(line, sizeof line, "%s %s", iv->ticked[i] ? "[x]" : "[ ]", at->name);
		ui_text(y + 2 + r, x + 2, 1, sel ? "▸" : " ", attr);
		ui_text(y + 2 + r, x + 4, (w - 6) / 2, line, attr);
		ui_text(y + 2 + r, x + 4 + (w - 6) / 2, w - 6 - (w - 6) / 2, at->role, ui_attr(ST_DIM));
	}
	ui_text(y + h - 2, x + 2, w - 4, _("Space ticks · Enter goes on with those ticked · q cancels"),
	        ui_attr(ST_DIM));
	ui_footer(a, s->ops);
}

static int invite_action(struct app *a, struct screen *s, enum ko_action act, int arg)
{
	(void)arg;
	struct invite *iv = s->data;
	if (list_move(&iv->l, act))
		return SCR_HANDLED;
	switch (act) {
	case ACTION_TOGGLE:
		if (iv->l.cur < (int)iv->people.n)
			iv->ticked[iv->l.cur] = !iv->ticked[iv->l.cur];
		return SCR_HANDLED;
	case ACTION_EDIT: {
		int64_t *ids = calloc(iv->people.n + 1, sizeof *ids);
		size_t n = 0;
		for (size_t i = 0; ids && i < iv->people.n; i++)
			if (iv->ticked[i])
				ids[n++] = iv->people.v[i].id;
		/* What comes next opens over the dialog, which then closes. */
		if (ids)
			iv->done(a, iv->ctx, ids, n);
		free(ids);
		return SCR_POP;
	}
	case ACTION_BACK:
		app_msg(a, MSG_INFO, "%s", _("cancelled; nothing was changed"));
		return SCR_POP;
	default:
		return SCR_IGNORED;
	}
}

static void invite_leave(struct app *a, struct screen *s)
{
	(void)a;
	struct invite *iv = s->data;
	vec_attendee_free(&iv->people);
	free(iv->ticked);
	free(iv);
}

const struct screen_ops screen_invite = {
	.name = N_("Invite"),
	.overlay = true,
	.keys = invite_keys,
	.toggle_label = N_("invite"),
	.edit_label = N_("go on"),
	.back_label = N_("cancel"),
	.draw = invite_draw,
	.action = invite_action,
	.leave = invite_leave,
};

bool invite_open(struct app *a, int64_t ko_id, invite_fn done, void *ctx)
{
	vec_attendee people = { 0 };
	if (store_attendees(a->st, ko_id, &people) != KO_OK) {
		app_store_error(a);
		return false;
	}
	struct invite *iv = calloc(1, sizeof *iv);
	bool *ticked = calloc(people.n + 1, sizeof *ticked);
	if (!people.n || !iv || !ticked) {
		vec_attendee_free(&people);
		free(iv);
		free(ticked);
		return false;
	}
	for (size_t i = 0; i < people.n; i++)
		ticked[i] = role_is_technical(people.v[i].role);
	iv->people = people;
	iv->ticked = ticked;
	iv->l.n = (int)people.n;
	iv->done = done;
	iv->ctx = ctx;
	return app_push(a, &screen_invite, iv);
}
