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
 * strings.  roles: who is expected in the room (a role's other names
 * after its first, split by '/': "Project manager/PM"); actions: the
 * follow-ups the template suggests, without owner. */
struct agenda {
	char **items;
	size_t n_items;
	int *item_minutes;          /* planned minutes per item; NULL: none */
	char **outputs;
	size_t n_outputs;
	char **roles;
	size_t n_roles;
	char **actions;
	size_t n_actions;
};

void agenda_free(struct agenda *a);

/* Fills out with the built-in agenda for kind in lang ("en"/"zh"). */
enum ko_err template_builtin(enum meeting_kind kind, const char *lang,
                             struct agenda *out);

/* Fills the roles and actions of out that are still NULL with the
 * built-in ones (a template file older than them gets the seed's). */
enum ko_err template_builtin_people(enum meeting_kind kind, const char *lang,
                                    struct agenda *out);

/* True when an attendee's role names the expected role: one of its
 * names, found in the role without regard to ASCII case ("Sponsor (CFO)"
 * holds "Sponsor/Decision maker"). */
bool template_role_held(const char *expected, const char *role);
/* The expected role's first name (what a form offers and the Attendees
 * phase says is missing) into buf; returns its length in bytes. */
size_t template_role_name(const char *expected, char *buf, size_t n);

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
