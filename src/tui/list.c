/* list.c - a cursor over rows, and the rows in view. */
#include "ui.h"

void list_fix(struct list *l)
{
	if (l->height < 1)
		l->height = 1;
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (l->top > l->cur)
		l->top = l->cur;
	if (l->cur >= l->top + l->height)
		l->top = l->cur - l->height + 1;
	if (l->top > l->n - l->height)
		l->top = l->n - l->height;
	if (l->top < 0)
		l->top = 0;
}

bool list_move(struct list *l, enum ko_action act)
{
	switch (act) {
	case ACTION_MOVE_DOWN: l->cur++; break;
	case ACTION_MOVE_UP: l->cur--; break;
	case ACTION_MOVE_FIRST: l->cur = 0; break;
	case ACTION_MOVE_LAST: l->cur = l->n - 1; break;
	case ACTION_PAGE_DOWN:
		l->cur += l->height;
		l->top += l->height;
		break;
	case ACTION_PAGE_UP:
		l->cur -= l->height;
		l->top -= l->height;
		break;
	default:
		return false;
	}
	list_fix(l);
	return true;
}

/* Says on row y, at the right, that rows are out of view above or below:
 * a list longer than the screen never just stops. */
void list_marks(const struct list *l, int y)
{
	bool above = l->top > 0, below = l->top + l->height < l->n;
	const char *m = above && below ? _("↑↓ more above and below")
	              : above ? _("↑ more above") : below ? _("↓ more below") : NULL;
	if (m)
		ui_text_right(y, 0, ui_list_width() - 1, m, ui_attr(ST_DIM));
}
