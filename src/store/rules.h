/* rules.h - the rules every backend's writes follow, checked before a
 * statement runs (src/store/rules.c), and the store's error.  Not for
 * other layers. */
#ifndef KICKOFF_STORE_RULES_H
#define KICKOFF_STORE_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kickoff/error.h"
#include "kickoff/store.h"

/* Fills the store's error; returns code. */
enum ko_err store_fail(struct store *st, enum ko_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Checks text a user gives: valid UTF-8, at most max bytes, and not empty
 * (nor blank alone) when required.  `what` names the field in the error. */
enum ko_err check_text(struct store *st, const char *what, const char *s,
                       size_t max, bool required);

/* The id of agenda item number `position` of a meeting (0 for 0). */
enum ko_err item_id_at(struct store *st, int64_t meeting_id, int position, int64_t *out);
/* KO_OK when item_id is 0 or an agenda item of the meeting. */
enum ko_err item_in_meeting(struct store *st, int64_t meeting_id, int64_t item_id);

#endif
