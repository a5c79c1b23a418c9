/* draft.h - a half-typed form kept when the session is cut off, and
 * offered back at the next start.  The loop (app.c) calls these;
 * what a draft holds is draft.c's. */
#ifndef KICKOFF_TUI_DRAFT_H
#define KICKOFF_TUI_DRAFT_H

struct app;

/* Keeps the open form, if any and if anything was typed, as the store's
 * draft for this user; while the last session's draft is still being
 * offered (taken from the store, not yet answered), puts that back. */
void draft_save(struct app *a);
/* Takes the last session's draft, if any, and asks whether to open it
 * again; a yes opens its phase and puts the text back in its form. */
void draft_offer(struct app *a);
/* After each key: notes that the offer's question was answered. */
void draft_answered(struct app *a);
/* Drops the draft being offered (at the end of the loop). */
void draft_forget(void);

#endif
