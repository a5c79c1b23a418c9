/* template.h - the agenda items and outputs a new meeting starts with.
 *
 * The built-in template "standard" is the seed's KO (13 items, 8 outputs)
 * and TKO (10 items, 9 outputs) in English and Chinese.  Teams can bring
 * their own as JSON (`kickoff template import`), stored in the database. */
#ifndef KICKOFF_TEMPLATE_H
#define KICKOFF_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include "kickoff/error.h"
#include "kickoff/model.h"

#define TEMPLATE_BUILTIN "standard"

/* The lists one meeting of one kind gets, in one language; owns its
 * strings. */
struct agenda {
	char **items;
	size_t n_items;
	int *item_minutes;          /* planned minutes per item; NULL: none */
	char **outputs;
	size_t n_outputs;
};

void agenda_free(struct agenda *a);

/* Fills out with the built-in agenda for kind in lang ("en"/"zh"). */
enum ko_err template_builtin(enum meeting_kind kind, const char *lang,
                             struct agenda *out);

/* Fills out from a template's JSON body (see docs/templates.md) for kind
 * in lang, falling back to the other language when lang is missing. */
enum ko_err template_from_json(const char *body, enum meeting_kind kind,
                               const char *lang, struct agenda *out,
                               struct ko_error *e);

/* The "format" a template body names. */
#define TEMPLATE_FORMAT "kickoff-template/1"

/* Checks a whole template body (format, name, each kind and language
 * given, every list); *name (malloc'd) gets its name when not NULL. */
enum ko_err template_check_json(const char *body, char **name, struct ko_error *e);

/* The built-in template as a body that template_check_json accepts
 * (malloc'd, indented; NULL when out of memory). */
char *template_builtin_json(void);

#endif
