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
	/* One row by id into row (for another session's change to it), its
	 * meeting, its end, and the order the list shows: negative when row
	 * l comes before row r, never 0 for two rows. */
	enum ko_err (*get)(struct store *, int64_t id, void *row);
	int64_t (*meeting_of)(const void *row);
	void (*free_row)(void *row);
	int (*cmp)(const void *l, const void *r);
	/* Optional: the agenda item a row shows the number of (0: none), so
	 * that a renumbered item reads the rows that show it again. */
	int64_t (*item_of)(const void *row);
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
	/* Optional: lines of the phase's own drawn above the columns at y;
	 * returns how many. */
	int (*banner)(struct app *, const struct plist *, int y);
	/* Optional: the phase's own keys on row i (-1: none); SCR_IGNORED
	 * for a key it does not take. */
	int (*act)(struct app *, struct plist *, int i, enum ko_action);
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
		vec_question q;
	} v;
	int n;                       /* rows in v */
	int *vis;                    /* indices into v that pass the filter */
	struct list l;               /* over vis */
	char *filter;
	int64_t keep_id;             /* the row to keep the cursor on */
	int64_t pending_id;          /* waiting for the delete confirmation */
};

extern const struct phase_def phase_attendees, phase_agenda, phase_decisions,
	phase_risks, phase_outputs, phase_actions, phase_questions;

/* T on an open question of the KO: moves it on to the TKO. */
int question_move_row(struct app *a, struct plist *p, int i);

/* The Agenda's clock (agenda.c): the line above the list, the time cell
 * of an item for a column `width` wide (*over: past its plan), the line
 * under the list, and the keys t, J and K. */
int agenda_banner(struct app *a, const struct plist *p, int y);
const char *agenda_time_cell(const struct item *it, int width, bool *over, char *buf, size_t n);
void agenda_summary(struct app *a, const struct plist *p, char *buf, size_t n);
int agenda_action(struct app *a, struct plist *p, int i, enum ko_action act);

/* A new decision or risk on agenda item `item` from the Agenda screen. */
void decision_form_for_item(struct app *a, struct plist *p, int item);
void risk_form_for_item(struct app *a, struct plist *p, int item);
/* c on the KO's risk i: a copy in the TKO, linked to it. */
int risk_carry_row(struct app *a, struct plist *p, int i);

#endif
