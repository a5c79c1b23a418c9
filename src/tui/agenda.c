/* agenda.c - the Agenda screen's clock: the line under the tabs with the
 * current item's and the meeting's time, the time column of each item,
 * and the keys that start and stop the clock (t) and move items (J, K).
 *
 * The clock is in the rows (started_at and the seconds before it, read
 * with the list), so the screen redraws it from memory at every tick of
 * the loop: nothing is read from the database to make it move. */
#include <stdio.h>
#include <string.h>
#include "kickoff/agenda.h"
#include "kickoff/clock.h"
#include "kickoff/text.h"
#include "phase.h"

/* Drawn on a projector and on a monochrome terminal alike: never colour
 * alone. */
#define OVER_ATTR (A_REVERSE | A_BOLD)

static int64_t now_seconds(void)
{
	time_t t = clock_now();
	return t == (time_t)-1 ? 0 : (int64_t)t;
}

/* "7:05 / 10:00", the plan left out when there is none. */
static void used_of(int64_t used, int planned_minutes, char *buf, size_t n)
{
	char u[32], p[32];
	clock_text(used, u, sizeof u);
	if (planned_minutes <= 0) {
		snprintf(buf, n, "%s", u);
		return;
	}
	clock_text((int64_t)planned_minutes * 60, p, sizeof p);
	snprintf(buf, n, "%s / %s", u, p);
}

/* Draws s at *x when it fits before COLS (with a gap before it unless
 * first); false when it does not, and then nothing is drawn. */
static bool segment(int y, int *x, const char *s, attr_t attr)
{
	int w = text_width(s), gap = *x > 0 ? 2 : 1;
	if (*x + gap + w > COLS)
		return false;
	*x += gap;
	*x += ui_text(y, *x, w, s, attr);
	return true;
}

int agenda_banner(struct app *a, const struct plist *p, int y)
{
	const struct item *v = p->v.it.v;
	size_t n = p->v.it.n;
	int64_t now = now_seconds();
	int r = agenda_running(v, n);
	if (r >= 0)
		a->clock_shown = now;
	int planned = agenda_planned(v, n);
	int64_t used = agenda_elapsed(v, n, now);
	bool ended = agenda_ended(v, n);
	char s[256], t[128];
	int x = 0;
	ui_blank(y, 0, COLS, A_NORMAL);
	/* Most needed first: the next segment is drawn only while it fits. */
	if (r >= 0) {
		const struct item *it = &v[r];
		bool over = item_over(it, now);
		used_of(item_elapsed(it, now), it->planned_minutes, t, sizeof t);
		snprintf(s, sizeof s, _("▶ item %d %s%s%s"), it->position, t, over ? " " : "",
		         over ? _("over") : "");
		segment(y, &x, s, over ? OVER_ATTR : A_BOLD);
	} else {
		segment(y, &x, ended ? _("■ meeting ended") : _("clock stopped (t starts it)"),
		        ended ? A_BOLD : ui_attr(ST_DIM));
	}
	bool over = planned > 0 && used > (int64_t)planned * 60;
	used_of(used, planned, t, sizeof t);
	snprintf(s, sizeof s, _("meeting %s%s%s"), t, over ? " " : "", over ? _("over") : "");
	if (!segment(y, &x, s, over ? OVER_ATTR : A_NORMAL))
		return 1;
	char end[17];
	const char *start = a->meeting.starts_at;
	if (start && agenda_end(start, planned, end)) {
		snprintf(s, sizeof s, _("planned %s–%s"), start + 11, end + 11);
		segment(y, &x, s, ui_attr(ST_DIM));
	}
	return 1;
}

const char *agenda_time_cell(const struct item *it, int width, bool *over, char *buf, size_t n)
{
	int64_t now = now_seconds();
	int64_t used = item_elapsed(it, now);
	*over = item_over(it, now);
	buf[0] = '\0';
	if (!it->planned_minutes && !used && !item_running(it))
		return buf;
	char bar[64] = "";
	/* The bar goes first when the column is narrow: the numbers say it. */
	if (width >= 13)
		agenda_bar(used, it->planned_minutes, 5, bar, sizeof bar);
	/* The mark's place is kept on every row, so that the bars line up. */
	snprintf(buf, n, "%s%s%s%d/%dm", item_running(it) ? "▶" : " ", bar, *bar ? " " : "",
	         minutes_of(used), it->planned_minutes);
	return buf;
}

void agenda_summary(struct app *a, const struct plist *p, char *buf, size_t n)
{
	const struct item *v = p->v.it.v;
	size_t count = p->v.it.n;
	int over = 0;
	int64_t now = now_seconds();
	for (size_t i = 0; i < count; i++)
		over += item_over(&v[i], now);
	int planned = agenda_planned(v, count);
	int used = minutes_of(agenda_elapsed(v, count, now));
	if (agenda_ended(v, count))
		snprintf(buf, n, ngettext("Meeting ended: %d of %d min planned, %d item over",
		                          "Meeting ended: %d of %d min planned, %d items over", over),
		         used, planned, over);
	else
		snprintf(buf, n, _("%d of %d ticked · Space ticks · D adds a decision, R a risk on the item"),
		         a->progress.checked, a->progress.items);
}

static int clock_toggle(struct app *a, const struct item *it)
{
	bool start = !item_running(it);
	int64_t used = item_elapsed(it, now_seconds());
	if (store_item_clock(a->st, it->meeting_id, it->position, start) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED | SCR_CHANGED;
	}
	app_saved(a);
	char t[64];
	used_of(used, it->planned_minutes, t, sizeof t);
	if (start)
		app_msg(a, MSG_OK, _("clock started on item %d"), it->position);
	else
		app_msg(a, MSG_OK, _("clock stopped on item %d at %s"), it->position, t);
	return SCR_HANDLED | SCR_CHANGED;
}

static int move_item(struct app *a, struct plist *p, const struct item *it, int by)
{
	int to = it->position + by;
	if (to < 1 || to > (int)p->v.it.n) {
		app_msg(a, MSG_INFO, "%s", by > 0 ? _("already the last item") : _("already the first item"));
		return SCR_HANDLED;
	}
	if (store_item_move(a->st, it->meeting_id, it->position, to) != KO_OK) {
		app_store_error(a);
		return SCR_HANDLED | SCR_CHANGED;
	}
	/* The cursor goes with the item. */
	p->keep_id = it->id;
	app_saved(a);
	app_msg(a, MSG_OK, _("item %d is now item %d (u undoes)"), it->position, to);
	return SCR_HANDLED | SCR_CHANGED;
}

int agenda_action(struct app *a, struct plist *p, int i, enum ko_action act)
{
	if (i < 0)
		return act == ACTION_CLOCK || act == ACTION_ITEM_DOWN || act == ACTION_ITEM_UP
			? SCR_HANDLED : SCR_IGNORED;
	const struct item *it = &p->v.it.v[i];
	switch (act) {
	case ACTION_CLOCK: return clock_toggle(a, it);
	case ACTION_ITEM_DOWN: return move_item(a, p, it, 1);
	case ACTION_ITEM_UP: return move_item(a, p, it, -1);
	default: return SCR_IGNORED;
	}
}
