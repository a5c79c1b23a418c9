/* rules.c - what every backend checks before it writes: text a person
 * gives is valid UTF-8, within its length, and there when required. */
#include <string.h>
#include "rules.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

enum ko_err check_text(struct store *st, const char *what, const char *s,
                       size_t max, bool required)
{
	if (!s)
		s = "";
	size_t n = strlen(s);
	/* Saved trimmed (sql_typed, bind_typed): blank alone is nothing. */
	if (required && text_blank(s))
		return store_fail(st, KO_INVALID, _("%s is empty"), _(what));
	if (n > max)
		return store_fail(st, KO_INVALID, _("%s is too long (%zu bytes; at most %zu)"),
		                  _(what), n, max);
	if (!utf8_valid(s, n))
		return store_fail(st, KO_INVALID, _("%s is not valid UTF-8"), _(what));
	return KO_OK;
}
