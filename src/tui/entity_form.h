/* entity_form.h - a phase's form and list columns as data, read through
 * the entity's description (kickoff/entity.h): a field is named once per
 * place it shows, and its label, kind, choices, value and the partial
 * edit's field all come from the description. */
#ifndef KICKOFF_TUI_ENTITY_FORM_H
#define KICKOFF_TUI_ENTITY_FORM_H

#include "phase.h"

enum {
	EF_ONE_LINE = 1 << 0,       /* a long text typed on one line */
	EF_EDIT_ONLY = 1 << 1,      /* not asked when adding */
	EF_ROLES = 1 << 2,          /* offers the roles the meeting expects */
};

/* One field of a form: the description's field, its label when the
 * form words it otherwise, and a choice's value for a new row. */
struct form_spec_field {
	const char *name;
	const char *label;          /* N_(), NULL: the description's */
	unsigned flags;
	int choice;
};

struct form_spec {
	const struct phase_def *def;
	enum store_entity entity;
	const char *table;          /* for who changed it last */
	const char *title_new, *title_edit;     /* N_() */
	const struct form_spec_field *fields;
	size_t nfields;
	int focus_edit;             /* the field Enter on a row focuses */
	size_t version_at;          /* offsetof the row's version */
	/* Adds the row built from the form; the add functions of store.h. */
	enum ko_err (*add)(struct store *, const void *row, int64_t *id);
	/* After a row added from another phase's screen (may be NULL). */
	void (*added_elsewhere)(struct app *, int item);
};

/* Opens the add form (row NULL) or the edit form of row; item: the
 * agenda item number a new row starts with. */
void entity_form_open(struct app *a, struct plist *p, const struct form_spec *spec,
                      const void *row, int item, int focus);

/* ---- list columns ---- */
enum {
	COL_RIGHT = 1 << 0,
	COL_DIM = 1 << 1,           /* drawn dim */
	COL_HASH = 1 << 2,          /* a number shown as "#3" */
	COL_TICK = 1 << 3,          /* a box: ticked when the field is set */
	COL_FROM_MONTH = 1 << 4,    /* a stamp shown local, from the month on */
};

struct column {
	const char *field;          /* the description's field; NULL: the cursor mark */
	const char *title;          /* N_(), NULL: the description's label, "" none */
	int width;                  /* as ui_cells: < 0 a share of what is left */
	unsigned flags;
	const char *tick;           /* COL_TICK: the ticked box */
};

struct columns {
	const struct entity_desc *entity;
	const struct column *c;
	size_t n;
	/* The attribute of a cell (0: as the column says), and its text when
	 * it is not the field's value (NULL: the value); both may be NULL. */
	attr_t (*style)(struct app *, const void *row, const struct column *c);
	const char *(*text)(struct app *, const void *row, const struct column *c);
};

void columns_head(const struct columns *cs, int y);
void columns_row(struct app *a, const struct columns *cs, const struct plist *p, int i,
                 int y, bool selected);

#endif
