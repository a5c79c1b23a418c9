/* export_json.h - one row as the JSON export writes it, for the command
 * line's --json, so that a list and the export cannot disagree on a key.
 * Kept apart from export.h, which does not speak jansson. */
#ifndef KICKOFF_EXPORT_JSON_H
#define KICKOFF_EXPORT_JSON_H

#include <jansson.h>
#include "kickoff/entity.h"

/* The format key of every list and show verb's --json. */
#define EXPORT_LIST_FORMAT "kickoff-list/1"

/* Row of entity e as the export has it: id (a meeting's kind next), its
 * links, its fields in the description's order, its version.  NULL when
 * out of memory or a text is not UTF-8. */
json_t *export_row_json(const struct entity_desc *e, const void *row);

#endif
