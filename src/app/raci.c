/* raci.c - the RACI rule's findings in words, the same on the screen
 * and on the command line. */
#include <stdio.h>
#include "kickoff/app.h"
#include "kickoff/i18n.h"

void app_raci_problem(const struct raci_check *c, const char *output_name, char *buf, size_t n)
{
	char what[128] = "", a[32] = "";
	if (c->a == 0)
		snprintf(a, sizeof a, "%s", _("no A"));
	else if (c->a == 2)
		snprintf(a, sizeof a, "%s", _("two A's"));
	else if (c->a > 2)
		snprintf(a, sizeof a, _("%d A's"), c->a);
	if (*a && c->r == 0)
		snprintf(what, sizeof what, _("%s, %s"), a, _("no R"));
	else
		snprintf(what, sizeof what, "%s", *a ? a : _("no R"));
	snprintf(buf, n, _("%s: %s"), output_name, what);
}
