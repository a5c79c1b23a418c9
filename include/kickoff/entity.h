/* entity.h - each entity's fields described once, as data.
 *
 * A field has a name (its column, and its key in JSON), a label for
 * people, a kind, and where its value sits in the entity's struct
 * (model.h).  Code that shows or moves every field of a row - the reading
 * view, the detail pane - walks this table instead of naming the fields
 * again, so a new field shows up wherever the table is read. */
#ifndef KICKOFF_ENTITY_H
#define KICKOFF_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kickoff/model.h"

enum fkind {
	FK_TEXT,        /* char *: one line */
	FK_LONG,        /* char *: may have several lines */
	FK_DATE,        /* char *: "YYYY-MM-DD" or "" */
	FK_DATETIME,    /* char *: "YYYY-MM-DD HH:MM" or "" */
	FK_STAMP,       /* char *: UTC "YYYY-MM-DDTHH:MM:SSZ" or "", set by the store */
	FK_CHOICE,      /* an enum (int): one of `choices` */
	FK_FLAG,        /* int: 0 or 1 */
	FK_NUMBER,      /* int: a position, 0 for none */
	FK_REF,         /* int64_t: the id of another row, 0 for none */
};

enum {
	FIELD_REQUIRED = 1 << 0,    /* refused when empty */
	FIELD_BY_STORE = 1 << 1,    /* set by the store (stamps, who ticked): shown, not typed */
};

struct field_desc {
	const char *name;           /* column and JSON key */
	const char *label;          /* N_(): translate where shown */
	enum fkind kind;
	size_t offset;              /* of the value in the entity's struct */
	const char *const *choices; /* FK_CHOICE: stored names in enum order,
	                               NULL-terminated; each is also its N_() label */
	size_t max_bytes;           /* text kinds: longest accepted value */
	unsigned flags;
};

struct entity_desc {
	const char *name;           /* "risk": the table */
	const char *label;          /* N_("Risk") */
	const struct field_desc *fields;
	size_t nfields;
};

extern const struct entity_desc entity_project, entity_meeting, entity_attendee,
	entity_item, entity_decision, entity_risk, entity_output, entity_action;

/* The value of text field f of row ("" for none); NULL when f is not a
 * text kind. */
const char *field_str(const struct field_desc *f, const void *row);
/* The value of an integer field (choice index, flag, number, ref). */
int64_t field_int(const struct field_desc *f, const void *row);
bool field_is_text(const struct field_desc *f);
/* The field of e with this name, or NULL. */
const struct field_desc *entity_field(const struct entity_desc *e, const char *name);
/* The value for people, untranslated: a text as it is, a choice's name,
 * "yes"/"no" (N_) for a flag, a number or "#id" written into buf; ""
 * when empty.  Callers translate choices and flags with _(). */
const char *field_value(const struct field_desc *f, const void *row, char *buf, size_t n);

#endif
