/* phase.h - what the six list phases (attendees to actions) share: a
 * list of one meeting's rows, each phase described by a table of
 * callbacks (struct phase_def); the screen code is the same for all. */
#ifndef KICKOFF_TUI_PHASE_H
#define KICKOFF_TUI_PHASE_H

#include "kickoff/entity.h"
#include "ui.h"

struct plist;

struct phase_def {
	/* What a row is: its fields for the reading view, and the size of
	 * one in p->v's array. */
	const struct entity_desc *entity;
	size_t row_size;
	/* Reads the meeting's rows into p->v and sets p->n. */
	enum ko_err (*load)(struct app *, struct plist *);
	void (*free_rows)(struct plist *);
	int64_t (*row_id)(const struct plist *, int i);
	/* The row's main text: for the filter and the delete question. */
	const char *(*row_text)(const struct plist *, int i);
	/* Optional: whether row i matches the filter, when more than its
	 * main text should (an action's owner and status). */
	bool (*matches)(const struct plist *, int i, const char *filter);
	/* Optional: puts the rows just loaded in the order the screen shows. */
	void (*order)(struct plist *);
	/* The column titles, then one row (i: index into p->v). */
	void (*columns)(struct app *, int y);
	void (*row)(struct app *, const struct plist *, int i, int y, bool selected);
	/* Space on row i; returns SCR_* flags. */
	int (*toggle)(struct app *, struct plist *, int i);
	/* Opens the add (i < 0) or edit form; item: agenda item number the
	 * new row belongs to (0: none). */
	void (*form)(struct app *, struct plist *, int i, int item, int focus);
	enum ko_err (*del)(struct store *, int64_t id);
	/* One line under the list: counts ("invited 5 · present 3"). */
	void (*summary)(struct app *, const struct plist *, char *buf, size_t n);
};

struct plist {
	const struct phase_def *def;
	union {
		vec_attendee att;
		vec_item it;
		vec_decision dec;
		vec_risk risk;
		vec_output out;
		vec_action act;
	} v;
	int n;                       /* rows in v */
	int *vis;                    /* indices into v that pass the filter */
	struct list l;               /* over vis */
	char *filter;
	int64_t keep_id;             /* the row to keep the cursor on */
	int64_t pending_id;          /* waiting for the delete confirmation */
};

extern const struct phase_def phase_attendees, phase_agenda, phase_decisions,
	phase_risks, phase_outputs, phase_actions;

/* A new decision or risk on agenda item `item` from the Agenda screen. */
void decision_form_for_item(struct app *a, struct plist *p, int item);
void risk_form_for_item(struct app *a, struct plist *p, int item);
/* c on the KO's risk i: a copy in the TKO, linked to it. */
int risk_carry_row(struct app *a, struct plist *p, int i);

#endif
