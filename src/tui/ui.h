/* ui.h - what the screens share: the app (store, screen stack, status
 * line, current meeting), the screen operations table, the keymap, the
 * drawing helpers and the widgets (list, form, text field, prompt).
 * Internal to src/tui/. */
#ifndef KICKOFF_TUI_UI_H
#define KICKOFF_TUI_UI_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>
#include "kickoff/entity.h"
#include "kickoff/i18n.h"
#include "kickoff/lineedit.h"
#include "kickoff/store.h"
#include "kickoff/template.h"
#include "actions.h"

/* Smallest terminal the screens are drawn on. */
#define MIN_COLS 40
#define MIN_LINES 10
#define STACK_MAX 16
/* The phases of a meeting, numbered 1..PHASE_COUNT. */
#define PHASE_COUNT 7

struct app;
struct screen;

/* A key a raw screen reads itself (keys as written for people, N_()
 * help), for `?`/F1 and the manual; a table of them ends with { NULL }.
 * Each raw screen writes its table as an X(KEYS, HELP) list beside the
 * handler that reads those keys. */
struct raw_key {
	const char *keys;
	const char *help;
};
#define RAW_KEY_ROW(keys, help) { keys, help },

/* The keys of every text field (edit.c's edit_key). */
#define TEXT_FIELD_KEYS(X) \
	X("Left, Right, Ctrl-B, Ctrl-F", N_("move by a character")) \
	X("Home, End, Ctrl-A, Ctrl-E",   N_("start or end of the line")) \
	X("Backspace, Del, Ctrl-D",      N_("erase before or under the cursor")) \
	X("Ctrl-U",                      N_("erase to the start")) \
	X("Ctrl-W",                      N_("erase a word")) \
	X("paste",                       N_("text for this field, never keys"))

/* What an action or key did; the loop reacts to these. */
enum {
	SCR_IGNORED = 0,
	SCR_HANDLED = 1 << 0,
	SCR_CHANGED = 1 << 1,   /* data was written: every screen reloads */
	SCR_POP     = 1 << 2,   /* close this screen */
	SCR_QUIT    = 1 << 3,
	SCR_POP_UNDER = 1 << 4, /* with SCR_POP: the screen under it closes too */
};

struct screen_ops {
	const char *name;              /* N_() title, shown in the header */
	bool overlay;                  /* drawn over the screen below it */
	bool raw;                      /* gets keys, not actions (text input) */
	bool cursor;                   /* shows the terminal cursor (a field) */
	const enum ko_action *keys;       /* the actions that matter here, for
	                                  the status line and `?`; ends with
	                                  ACTION_NONE */
	const char *toggle_label;      /* N_() word for Space here ("present") */
	const char *edit_label;        /* N_() word for Enter here ("open") */
	const char *e_label;           /* N_() word for e when it differs from Enter */
	const char *add_label;         /* N_() help for a where it does not add */
	const char *tab_label;         /* N_() word for Tab here */
	const char *back_label;        /* N_() word for q here ("quit") */
	const struct raw_key *own_keys;  /* raw screens: the keys they read */
	int phase;                     /* 1..PHASE_COUNT for a phase screen, else 0 */
	const void *data;              /* what a shared implementation needs */
	/* Loads what the screen shows; false when it cannot be opened. */
	bool (*enter)(struct app *, struct screen *);
	/* Re-reads what is visible (another session or this one wrote). */
	void (*reload)(struct app *, struct screen *);
	/* Optional: takes another session's change of these rows (n of
	 * them) instead of reloading; false when it cannot, and the screen
	 * is reloaded.  Returns true also when none of them is its own. */
	bool (*patch)(struct app *, struct screen *, const struct store_changed *rows, int n);
	void (*draw)(struct app *, struct screen *);
	int (*action)(struct app *, struct screen *, enum ko_action, int arg);
	/* For raw screens: is_key set for a KEY_* code, else ch is text. */
	int (*key)(struct app *, struct screen *, bool is_key, wint_t ch);
	void (*leave)(struct app *, struct screen *);
	/* A paste (n bytes as the terminal sent them): text for the field
	 * that has the cursor.  NULL: the screen has none, the paste is
	 * ignored with a message. */
	int (*paste)(struct app *, struct screen *, const char *text, size_t n);
};

struct screen {
	const struct screen_ops *ops;
	void *data;                    /* owned; freed by leave */
	bool stale;                    /* reload before it is drawn again */
};

enum msg_kind { MSG_INFO, MSG_OK, MSG_WARN, MSG_ERROR };

/* Colour pairs (and their monochrome attributes). */
enum ui_style {
	ST_NORMAL, ST_HEADER, ST_TAB, ST_TAB_CUR, ST_CURSOR, ST_DIM, ST_DONE,
	ST_OVERDUE, ST_WARN, ST_ERROR, ST_KEY, ST_FIELD, ST_TITLE, ST_COUNT
};

struct app {
	struct store *st;
	struct screen stack[STACK_MAX];
	int depth;
	bool quit;
	bool script;                   /* headless: keys from KICKOFF_SCRIPT */
	bool color;
	bool too_small;
	bool pane_hidden;       /* P: the list phases without the detail pane */
	bool repaint;                  /* Ctrl-L: clearok before the next refresh */
	char msg[512];
	enum msg_kind msg_kind;
	char saved[32];                /* "saved 09:12" after the last write */
	int64_t data_version;
	struct store_mark mark;        /* the content as last read */
	bool dirty;                    /* something to draw: no redraw while idle */
	bool replaced;                 /* the database was restored under us:
	                                  nothing read before can be saved */
	char today[11];
	char user[128];
	char session[192];
	char others[256];              /* who else has this meeting open */
	int64_t beat_meeting;          /* last meeting named in a presence beat */
	long long last_beat_ms;
	long long live_until_ms;       /* polls fast until then (keys, changes) */
	/* A running clock on screen: the second it shows, drawn again when
	 * the clock reaches the next (0: none shown, idle stays free). */
	int64_t clock_shown;
	int waiting_ms;                /* a write is waiting for a lock */
	/* The meeting the phase screens are about (0: none open). */
	int64_t meeting_id;
	struct meeting meeting;
	struct progress progress;
	int ko_status;                 /* of the meeting's project; -1: none */
	struct agenda tmpl;            /* its template's lists: the roles it
	                                  expects, the actions it suggests */
	char ko_at[32];                /* its KO's date and time; "": none */
};

/* ---- app.c: the stack and the status line ---- */
bool app_push(struct app *a, const struct screen_ops *ops, void *data);
/* Replaces the top screen (phase to phase). */
bool app_replace(struct app *a, const struct screen_ops *ops, void *data);
struct screen *app_top(struct app *a);
/* The screen under s (NULL at the bottom). */
struct screen *app_below(struct app *a, struct screen *s);
void app_msg(struct app *a, enum msg_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Shows the store's last error in the status line. */
void app_store_error(struct app *a);
/* After a successful write: "saved HH:MM" and every screen reloads. */
void app_saved(struct app *a);
/* Loads the meeting (and its progress) the phase screens show. */
bool app_load_meeting(struct app *a, int64_t id);
/* Opens the phase screen n (1..PHASE_COUNT) of the current meeting, replacing the
 * phase screen on top when there is one. */
void app_open_phase(struct app *a, int n, bool replace);
/* Undo and redo of this user's changes, with the result in the status line. */
int app_undo(struct app *a);
int app_redo(struct app *a);

/* ---- keymap.c ---- */
/* The action bound to a key (ACTION_NONE: none); *arg gets the phase
 * number for 1..PHASE_COUNT, and 1 for ACTION_EDIT from `e` (0 from
 * Enter).  F1 is help as well as `?`, and also reaches the screens that
 * take `?` as text (forms, the status-line questions, the dialogs). */
enum ko_action keymap_action(bool is_key, wint_t ch, int *arg);
const char *action_keys(enum ko_action act);
const char *action_help(enum ko_action act);   /* translated */
/* A short label for the status line ("tick", "add"). */
const char *action_label(enum ko_action act);

/* ---- draw.c ---- */
void ui_colors_init(struct app *a);
attr_t ui_attr(enum ui_style st);
/* Draws s sanitised at (y, x) in exactly width columns: cut to fit
 * (never splitting a wide character) and padded with blanks.  Returns
 * the columns the text itself took. */
int ui_text(int y, int x, int width, const char *s, attr_t attr);
/* The same, right-aligned. */
int ui_text_right(int y, int x, int width, const char *s, attr_t attr);
/* Fills width columns with blanks. */
void ui_blank(int y, int x, int width, attr_t attr);
/* Draws n bytes of s sanitised from column `from`, in width columns. */
void ui_text_from(int y, int x, int width, const char *s, size_t n, int from, attr_t attr);
/* A row of cells: w > 0 is a fixed width, w < 0 a share of what is left. */
struct cell {
	int w;
	const char *text;
	attr_t attr;
	bool right;
};
void ui_cells(int y, int x, int width, const struct cell *c, int n);
/* The columns a phase's list is drawn in: the whole width, or less while
 * the detail pane is beside it (0 sets it back to the whole width). */
void ui_set_list_width(int width);
int ui_list_width(void);
/* Draws a box with a title; returns nothing, the inside is y+1..y+h-2. */
void ui_box(int y, int x, int h, int w, const char *title);

/* The header (project › meeting › phase, then the phase tabs when a
 * meeting is open) and the two bottom lines (keys, then the message). */
void ui_header(struct app *a, const char *where, int phase);
void ui_footer(struct app *a, const struct screen_ops *o);
/* First and last row of the body between header and footer. */
int ui_body_top(struct app *a);
int ui_body_bottom(void);

/* ---- list.c: a cursor over n rows with scrolling ---- */
struct list {
	int n, cur, top, height;
};
/* Moves the cursor for a move action; true when it was one. */
bool list_move(struct list *l, enum ko_action act);
void list_fix(struct list *l);
/* "↓ more below", "↑ more above" or both, right-aligned on row y. */
void list_marks(const struct list *l, int y);

/* ---- input.c: keys and pastes ---- */
/* input_read's answer for a bracketed paste (besides OK, KEY_CODE_YES
 * and ERR as from get_wch); input_paste then has its bytes. */
#define INPUT_PASTE 0x1000
int input_read(wint_t *ch, int wait_ms);
const char *input_paste(size_t *n, bool *cut);
/* More input comes right behind the key just read (within a few ms: a
 * paste the terminal did not mark, as no person types that fast); the
 * input stays to be read.  Never in the headless script mode. */
bool input_pending(struct app *a);
void input_free(void);

/* ---- term.c ---- */
/* The terminal's modes before curses changes them (for a fatal signal
 * to put back). */
void term_save(void);
/* Bracketed paste on (and kept off while suspended, and on every way
 * out) or off. */
void term_paste_mode(bool on);

/* ---- edit.c: drawing a text field and feeding it keys ---- */
/* Draws le in the field at (y, x), width columns by height lines, and
 * puts the terminal cursor on the cursor's cell when focused. */
void edit_draw(struct lineedit *le, int y, int x, int width, int height, bool focused);
/* Where the cursor of le is in the field edit_draw drew last: lines
 * down and columns across from its top left corner. */
void edit_cursor(const struct lineedit *le, int *dy, int *dx);
/* Handles an editing key; returns 1 when it was one, 0 when not (the
 * caller handles Enter, Esc, Tab and the like). */
int edit_key(struct lineedit *le, bool is_key, wint_t ch);
/* Inserts a paste at the cursor as text (paste_clean: line breaks kept
 * in a field of several lines, else spaces; control characters left
 * out); says so in the status line when no text was left. */
void edit_paste(struct app *a, struct lineedit *le, const char *text, size_t n);

/* ---- form.c: fields edited together, as a screen on the stack ---- */
enum field_kind { F_TEXT, F_LONG, F_CHOICE, F_DATE, F_DATETIME };
struct field {
	const char *label;             /* N_() */
	enum field_kind kind;
	const char *const *choices;    /* F_CHOICE: names, NULL-terminated, N_() */
	int choice;
	bool required;
	struct lineedit le;
	char *orig;                    /* the value when the form opened, or
	                                  as re-read after a conflict */
	int orig_choice;
	bool clash;                    /* changed here and by another session */
	const struct field_desc *desc; /* the entity's field it edits (NULL: none) */
	/* A text field may offer texts to pick with Ctrl-N/Ctrl-P (the
	 * roles a meeting expects); what is typed is taken as well. */
	char **suggest;
	int n_suggest, suggest_at;
};
struct form;
/* The row a form edits as it is stored now: a copy of each field's value
 * (text[i], or choice[i] for an F_CHOICE field) and the row's version;
 * n entries, one per field of the form. */
struct form_theirs {
	char **text;
	int *choice;
	int n;
	int64_t version;
};
/* Makes room for n fields in th (zeroed); false when out of memory. */
bool form_theirs_init(struct form_theirs *th, int n);
/* Re-reads the edited row into th, and the row's values that the form
 * keeps but does not show (fm->arg, fm->id2); KO_NOTFOUND when it is
 * gone. */
typedef enum ko_err (*form_reread_fn)(struct app *, struct form *, struct form_theirs *th);
/* Saves the form; on failure the form stays open with what was typed
 * and the error in the status line.  Returns the store's result. */
typedef enum ko_err (*form_save_fn)(struct app *, struct form *);
struct form {
	const char *title;             /* translated */
	struct field *f;               /* nf of them, room for cap */
	int nf, cur;
	form_save_fn save;
	int64_t id, id2, version;      /* for the save callback */
	int arg;
	void *owner;                   /* the data of the screen that opened it */
	bool saved;
	/* An edit of a stored row: when its save meets KO_CONFLICT (a field
	 * changed here was changed by another session since the form
	 * opened), the form asks reread for the row as stored now and offers
	 * keep mine / take theirs / merge. */
	form_reread_fn reread;
	/* An edit whose row another session deleted meanwhile: adds what
	 * was typed as a new row (NULL: the form cannot add one). */
	form_save_fn save_new;
	const char *table;             /* "decision", ...: who changed it */
	int64_t row_id;
	int cap;
	bool broken;                   /* a field could not be added: never opens */
	const void *spec;              /* the description-driven form's (entity_form.c) */
	enum store_entity entity;      /* whose fields the descriptions name */
};
struct form *form_new(const char *title, form_save_fn save);
/* Adds a field with a starting value (NULL: empty); returns its index,
 * or -1 out of memory, and then the form is marked broken: form_open
 * says so and drops it instead of showing a form without the field. */
int form_field(struct form *fm, const char *label, enum field_kind kind, const char *value);
int form_choice(struct form *fm, const char *label, const char *const *choices, int choice);
const char *form_text(struct form *fm, int i);
/* Field i offers the n texts (copied) for Ctrl-N and Ctrl-P; false when
 * out of memory (the field stays free text). */
bool form_suggest(struct form *fm, int i, const char *const *texts, size_t n);
/* The form as a partial edit of its row (field i of the form is field i
 * of the row, or, for a field with a description, the row's field of
 * that name): each field's text with what it started from as its base,
 * and in the mask only the fields changed here. */
void form_patch(const struct form *fm, struct store_patch *p);
/* Writes p over row id with store_patch; when another session changed
 * fields left alone here meanwhile, the status line says theirs are
 * kept.  Returns the store's result (KO_CONFLICT: a field clashed). */
enum ko_err form_save_patch(struct app *a, enum store_entity e, int64_t id,
                            struct store_patch *p);
/* Opens the form on top of the stack with field `focus` focused. */
void form_open(struct app *a, struct form *fm, int focus);
/* The form a screen shows, or NULL when it is not a form. */
struct form *form_of(struct screen *s);

/* ---- conflict.c: an edit that met another session's change ---- */
/* After fm's save returned KO_CONFLICT (or KO_NOTFOUND): fields only the
 * other session changed take their value, and when none was changed by
 * both the form saves again at once; else a screen shows both texts and
 * asks.  When the row is gone, a screen says so and offers to save the
 * text as a new row.  Returns the flags for the form's key handler. */
int form_conflict(struct app *a, struct form *fm);
void form_theirs_free(struct form_theirs *th);

/* ---- prompt.c: a yes/no question, the filter line, the help overlay ---- */
typedef int (*confirm_fn)(struct app *, void *ctx);
/* Asks question; `y` runs yes(ctx), anything else cancels. */
void confirm_open(struct app *a, const char *question, confirm_fn yes, void *ctx);
/* The same; another answer shows `kept` (NULL: "cancelled; nothing was
 * changed"). */
void confirm_ask(struct app *a, const char *question, confirm_fn yes, void *ctx, const char *kept);
/* Edits *filter (malloc'd, may be NULL) in the status line; changed()
 * runs as it is typed; Esc puts back what was there. */
typedef void (*filter_fn)(struct app *, struct screen *owner);
void filter_open(struct app *a, struct screen *owner, char **filter, filter_fn changed);
void help_open(struct app *a, const struct screen_ops *of);
/* The help of screen `of`, one row at a time (keys, translated help):
 * what the overlay shows and `kickoff __keys` prints. */
typedef void (*help_row_fn)(void *ctx, const char *keys, const char *help);
void help_rows_of(const struct screen_ops *of, help_row_fn row, void *ctx);
/* Asks for a line of text in the status line, starting with `initial`;
 * Enter runs done(ctx, text) (its flags are returned), Esc cancels. */
typedef int (*ask_fn)(struct app *, void *ctx, const char *text);
void ask_open(struct app *a, const char *question, const char *initial, ask_fn done, void *ctx);
/* Case-insensitive (ASCII) substring test used by filters. */
bool text_matches(const char *hay, const char *needle);

/* ---- the screens ---- */
extern const struct screen_ops screen_projects, screen_overview, screen_history,
	screen_reading, screen_form, screen_conflict, screen_confirm, screen_filter, screen_ask,
	screen_board, screen_suggest, screen_raci, screen_questions, screen_invite;
/* M on Outputs: the meeting's RACI matrix (raci.c). */
void raci_open(struct app *a);
/* Q on Decisions: the meeting's open questions (phase.c). */
void questions_open(struct app *a);
/* One phase of a meeting, all its facts in one entry: its screen (the
 * phase's number, its full name as the screen's N_() name, the keys it
 * lists, its phase_def as data for the list phases), the tab's short
 * name (NC_("tab")) and its progress, short for the tab ("3/5") or in
 * words for the project overview (true: something in it is overdue). */
struct phase {
	struct screen_ops screen;
	const char *short_name;
	bool (*progress)(const struct meeting *m, const struct progress *pr, bool words,
	                 char *buf, size_t n);
};
extern const struct phase phases[PHASE_COUNT + 1];   /* [1..PHASE_COUNT] */
/* "x/y" or "n" for phase p of the current meeting's progress. */
void phase_progress(const struct app *a, int p, char *buf, size_t n);
/* On a phase's list screen, opens the edit form of the row with this id
 * (the cursor moves to it); false when the screen has no such row. */
bool phase_edit_row(struct app *a, struct screen *s, int64_t id);
/* On a phase's list screen, moves the cursor to the row with this id;
 * false when the screen has no such row. */
bool phase_select_row(struct screen *s, int64_t id);
void overview_open(struct app *a, int64_t project_id);
/* b: the follow-up board, over the screen it was opened from. */
void board_open(struct app *a);
/* s on the Actions phase: the template's suggested actions, to accept or drop. */
void suggest_open(struct app *a);
/* ---- invite.c: the KO's attendees a new TKO invites ---- */
/* Enter calls done with the ids ticked (n of them; it copies them). */
typedef void (*invite_fn)(struct app *, void *ctx, const int64_t *ids, size_t n);
/* Opens the checklist over the KO's attendees; false (nothing opened)
 * when the KO has none. */
bool invite_open(struct app *a, int64_t ko_id, invite_fn done, void *ctx);
void history_open(struct app *a);
/* x: asks for a format, then for the file (the default in the current
 * folder, or $KICKOFF_EXPORT_DIR when set), and writes the meeting's
 * minutes there; an existing file is replaced only after a y. */
void export_open(struct app *a, int64_t meeting_id);

/* ---- reading.c: every field of a row, wrapped ---- */
struct entity_desc;
/* v on a phase screen: the row under owner's cursor, in full. */
void reading_open(struct app *a, struct screen *owner);
/* Draws every field of row in the box at (y0, x0), `scroll` lines down;
 * returns the lines the whole text takes. */
int reading_draw(const struct entity_desc *e, const void *row, int y0, int x0, int height,
                 int width, int scroll);
/* The detail pane: the row under owner's cursor drawn as reading_draw
 * does, in the box at (y0, x0), from its first line. */
void reading_pane(struct app *a, struct screen *owner, int y0, int x0, int height, int width);
/* The narrowest terminal that has the detail pane beside the list. */
#define PANE_MIN_COLS 120
/* The row under the cursor of phase screen s (NULL when none), its
 * entity, id and "3/12" for people. */
const void *phase_current(struct app *a, struct screen *s, const struct entity_desc **e,
                          int64_t *id, char *pos, size_t n);

/* ---- script.c: headless test mode ---- */
/* Opens the screen for the script in KICKOFF_SCRIPT; false on error. */
bool script_start(const char *path);
/* The next key of the script: like get_wch (OK, KEY_CODE_YES or ERR at
 * the end).  Runs save-screen commands as it meets them. */
int script_next(struct app *a, wint_t *ch);
/* Writes what the screen shows now to path. */
bool screen_dump(const char *path);
void script_end(void);

#endif
