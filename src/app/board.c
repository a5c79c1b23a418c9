/* board.c - the follow-up board: the actions of every meeting of every
 * project, filtered and in the order both front ends show them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/identity.h"

const char *const board_statuses[] = { "open", "overdue", "done", "dropped", "all", NULL };

bool board_status_valid(const char *s)
{
	for (int i = 0; s && board_statuses[i]; i++)
		if (strcmp(s, board_statuses[i]) == 0)
			return true;
	return false;
}

bool board_group_valid(const char *s)
{
	return !s || strcmp(s, "owner") == 0 || strcmp(s, "project") == 0;
}

/* today and the grouping for the comparison: qsort has no context. */
static const char *sort_today;
static int sort_group;          /* 0 none, 1 owner, 2 project */

/* What is late comes first: it is what the follow-up is for. */
static int by_urgency(const void *x, const void *y)
{
	const struct action *l = x, *r = y;
	if (sort_group) {
		int g = sort_group == 1 ? strcmp(l->owner, r->owner)
		                        : strcmp(l->project_name, r->project_name);
		if (g)
			return g;
	}
	int lo = action_is_overdue(l, sort_today), ro = action_is_overdue(r, sort_today);
	if (lo != ro)
		return lo ? -1 : 1;
	if (!*l->due != !*r->due)
		return *l->due ? -1 : 1;
	int c = strcmp(l->due, r->due);
	if (c)
		return c;
	return (l->id > r->id) - (l->id < r->id);
}

static bool passes(const struct action *a, const struct board_filter *f, const char *today)
{
	const char *st = f->status ? f->status : "open";
	if (strcmp(st, "overdue") == 0 && !action_is_overdue(a, today))
		return false;
	if (strcmp(st, "done") == 0 && a->status != ASTATUS_DONE)
		return false;
	if (strcmp(st, "dropped") == 0 && a->status != ASTATUS_DROPPED)
		return false;
	return !f->project || strcmp(a->project_name, f->project) == 0;
}

enum ko_err app_board(struct store *st, const struct board_filter *f, const char *today,
                      vec_action *out)
{
	const char *status = f->status ? f->status : "open";
	struct action_query q = {
		.open_only = strcmp(status, "open") == 0,
		.overdue_only = strcmp(status, "overdue") == 0,
		.owner = f->owner, .today = today,
	};
	vec_action all;
	enum ko_err rc = store_action_query(st, &q, &all);
	if (rc != KO_OK)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < all.n; i++) {
		if (passes(&all.v[i], f, today))
			all.v[k++] = all.v[i];
		else
			action_free(&all.v[i]);
	}
	all.n = k;
	sort_today = today;
	sort_group = !f->group ? 0 : strcmp(f->group, "owner") == 0 ? 1 : 2;
	if (all.n > 1)
		qsort(all.v, all.n, sizeof *all.v, by_urgency);
	*out = all;
	return KO_OK;
}

void app_board_me(char *buf, size_t n)
{
	const char *u = getenv("KICKOFF_USER");
	if (u && *u) {
		snprintf(buf, n, "%s", u);
		return;
	}
	identity_user(buf, (unsigned)n);
}
