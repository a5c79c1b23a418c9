/* entity.h - each entity's fields described once, as data.
 *
 * A field has a name (its column, and its key in JSON), a label for
 * people, a kind, and where its value sits in the entity's struct
 * (model.h).  Code that shows or moves every field of a row - the reading
 * view, the detail pane, the JSON writer and reader, CSV, Markdown and
 * import - walks this table instead of naming the fields again, so a new
 * field shows up wherever the table is read.
 *
 * Adding a field, as far as the files go: its column in schema.sql and a
 * migration, its member in model.h (and the store reading it), its line
 * in entity.c.  JSON then has it before "version", CSV and Markdown after
 * their named columns (csv.c and markdown.c name a column only to place
 * it), and the import writes it; the Chinese minutes word its label from
 * labels.c, English where labels.c has none. */
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
	FIELD_NULL = 1 << 2,        /* empty is NULL in the store and null in JSON */
	/* A link to a row of the project's other meeting, listed before this
	 * one in files (the KO's, for a TKO's row), not of the row's own. */
	FIELD_OTHER_MEETING = 1 << 3,
};

struct entity_desc;

struct field_desc {
	const char *name;           /* column and JSON key */
	const char *label;          /* N_(): translate where shown */
	enum fkind kind;
	size_t offset;              /* of the value in the entity's struct */
	const char *const *choices; /* FK_CHOICE: stored names in enum order,
	                               NULL-terminated; each is also its N_() label */
	size_t max_bytes;           /* text kinds: longest accepted value */
	unsigned flags;
	/* FK_NUMBER names a row of `link` by its position, FK_REF by its id;
	 * a FK_NUMBER without a link is the row's own position in its list. */
	const struct entity_desc *link;
	const char *column;         /* in the store, when not `name`; a link's
	                               column holds the id of the row it names */
	/* A rule beyond kind and length: why value is refused (untranslated),
	 * NULL when it is accepted. */
	const char *(*check)(const char *value);
};

struct entity_desc {
	const char *name;           /* "risk": the table */
	const char *label;          /* N_("Risk") */
	const struct field_desc *fields;
	size_t nfields;
	const char *list;           /* "risks": a list of them, in files and on the command line */
	size_t size;                /* of the struct; its first member is the int64_t id */
	size_t version_at;          /* offset of its int64_t version */
	/* A rule between fields: why the row is refused (untranslated) and
	 * the field it names, NULL when the row is accepted. */
	const char *(*check)(const void *row, const char **field);
};

extern const struct entity_desc entity_project, entity_meeting, entity_attendee,
	entity_item, entity_decision, entity_risk, entity_output, entity_action;

/* What minutes are made of besides the meeting, in the order files list
 * them: a link only names a part listed before its own. */
struct minutes_part {
	const struct entity_desc *entity;
	size_t at;                  /* offset of its vec in struct minutes */
};
extern const struct minutes_part minutes_parts[];
extern const size_t minutes_nparts;
/* The rows of part p (n of them), and a new zeroed row at its end (NULL
 * when out of memory). */
const void *minutes_rows(const struct minutes *mi, const struct minutes_part *p, size_t *n);
void *minutes_push(struct minutes *mi, const struct minutes_part *p);
/* Row i of rows, an array of e's structs. */
const void *entity_row(const struct entity_desc *e, const void *rows, size_t i);
int64_t entity_id(const void *row);
int64_t entity_version(const struct entity_desc *e, const void *row);

/* The value of text field f of row ("" for none); NULL when f is not a
 * text kind. */
const char *field_str(const struct field_desc *f, const void *row);
/* The value of an integer field (choice index, flag, number, ref). */
int64_t field_int(const struct field_desc *f, const void *row);
bool field_is_text(const struct field_desc *f);
/* Where a text field's value lives in row, to fill it. */
char **field_text_at(const struct field_desc *f, void *row);
void field_set_int(const struct field_desc *f, void *row, int64_t v);
/* The index of name among f's choices, -1 when it is none of them. */
int field_choice(const struct field_desc *f, const char *name);
/* The field of e with this name, or NULL. */
const struct field_desc *entity_field(const struct entity_desc *e, const char *name);
/* The value for people, untranslated: a text as it is, a choice's name,
 * "yes"/"no" (N_) for a flag, a number or "#id" written into buf; ""
 * when empty.  Callers translate choices and flags with _(). */
const char *field_value(const struct field_desc *f, const void *row, char *buf, size_t n);

#endif
