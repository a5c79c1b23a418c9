/* store.h - the store: the only code that talks to the database, and
 * the contract every backend keeps (SQLite today, src/store/sqlite/).
 *
 * Every function that changes data is one transaction, committed before
 * it returns, so whatever the caller shows afterwards is stored.  Each
 * write also records a change (who, when, the rows before and after) for
 * history and undo.
 *
 * Functions return KO_OK or an error code; the one-line detail is in
 * store_error(st)->msg.  Out-parameters are filled only on KO_OK, and the
 * caller frees them with the model's *_free. */
#ifndef KICKOFF_STORE_H
#define KICKOFF_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include "kickoff/error.h"
#include "kickoff/model.h"

struct store;

enum store_flags {
	STORE_CREATE = 1 << 0,     /* create the database when missing */
	STORE_READONLY = 1 << 1,   /* open for reading only */
	STORE_COMMAND = 1 << 2,    /* a short-lived command: a write never
	                              does the store's upkeep (store_idle_work),
	                              closing does it */
};

/* Opens (and creates or migrates) the database named by target: a file
 * path (SQLite).  A URL of another backend ("postgresql://...") is
 * refused (KO_INVALID) while this build has none.  Refuses what is not
 * a kickoff database, a corrupt one and one of a newer schema. */
enum ko_err store_open(const char *target, unsigned flags, struct store **out,
                       struct ko_error *e);
/* Closes the database, leaving it whole for a plain copy when no other
 * session has it open.  (SQLite: the last connection to close folds the
 * WAL back into the file and deletes it; the cost, about a millisecond
 * a command, is in docs/performance.md.) */
void store_close(struct store *st);
const struct ko_error *store_error(const struct store *st);

/* Who the change log names for this session's writes. */
void store_set_user(struct store *st, const char *who);
const char *store_user(const struct store *st);

/* Called while a write waits for another session's lock, about every
 * 100 ms, with the milliseconds waited so far; lets a screen say so. */
typedef void (*store_wait_fn)(void *ctx, int waited_ms);
void store_set_wait_callback(struct store *st, store_wait_fn fn, void *ctx);

/* For a long-lived session (the screens): the store's upkeep that can
 * wait (SQLite: copying the WAL into the file, a checkpoint: fsyncs,
 * tens of milliseconds on a busy disk) leaves the writes, so no tick
 * pays for it; store_idle_work does it when the caller is idle.  Upkeep
 * put off too long is still done by the write that finds it so (SQLite:
 * a WAL of 1000 pages). */
void store_defer_idle_work(struct store *st);
/* When deferred: does the upkeep that is due, never waiting for another
 * session (SQLite: a PASSIVE checkpoint once the WAL holds 100 pages);
 * otherwise does nothing.  Cheap enough to call on every idle wake. */
enum ko_err store_idle_work(struct store *st);

/* A change token: a number that changes whenever another session
 * commits, for a screen to poll and reload (SQLite: PRAGMA
 * data_version).  Only equality means anything. */
enum ko_err store_change_token(struct store *st, int64_t *out);

struct progress;

/* Where the meeting's content stands: the newest change and the newest
 * row of the change log.  Every change a user makes moves it (its log
 * rows are written in the change's own transaction); a presence beat or
 * a draft does not.  A screen reads it when the change token moves and
 * reloads only when it moved too. */
struct store_mark {
	int64_t change, row;
};
enum ko_err store_content_mark(struct store *st, struct store_mark *out);

/* One row that a change wrote: its table ("decision") and id. */
struct store_changed {
	char table[16];
	int64_t row_id;
};
/* The rows the change log holds after log row `since` up to `upto`
 * (store_mark.row), each once, into out (at most max); *n is how many,
 * max + 1 when there were more (the caller then reads everything).
 * When progress is given, the counts of meeting_id in it are moved by
 * what those rows changed, from each row's images before and after, as
 * store_meeting_progress would count them now. */
enum ko_err store_changed_rows(struct store *st, int64_t since, int64_t upto,
                               struct store_changed *out, int max, int *n,
                               int64_t meeting_id, struct progress *progress);

/* The older names of the three above, for their callers. */
static inline void store_defer_checkpoints(struct store *st) { store_defer_idle_work(st); }
static inline enum ko_err store_checkpoint(struct store *st) { return store_idle_work(st); }
static inline enum ko_err store_data_version(struct store *st, int64_t *out)
{
	return store_change_token(st, out);
}
/* Whether the database was replaced (`kickoff restore`) since this
 * session opened it, or since it last accepted a replacement.  Its ids
 * then name other rows: every write is refused with KO_REPLACED until
 * the session has dropped what it read and calls
 * store_accept_replacement. */
enum ko_err store_replaced(struct store *st, bool *replaced);
enum ko_err store_accept_replacement(struct store *st);
int store_schema_version(void);

/* ---- projects ---- */
enum ko_err store_project_add(struct store *st, const char *name,
                              const char *customer, const char *code,
                              const char *lang, const char *template_name,
                              int64_t *id_out);
/* Projects whose name, customer or code contains filter (NULL: all),
 * ordered by name, with progress; at most limit rows (0: all) from
 * offset. */
enum ko_err store_project_list(struct store *st, const char *filter,
                               int offset, int limit, vec_project *out);
enum ko_err store_project_count(struct store *st, const char *filter,
                                int *out);
/* The place (0-based) of project id in store_project_list's order with
 * the same filter; KO_NOTFOUND when it is gone or filtered out.  Reads
 * the name index up to that place, not the progress of every row. */
enum ko_err store_project_position(struct store *st, const char *filter,
                                   int64_t id, int *out);
enum ko_err store_project_get(struct store *st, int64_t id, struct project *out);
/* By exact name, else by numeric id. */
enum ko_err store_project_find(struct store *st, const char *name_or_id,
                               struct project *out);
/* Saves name, customer and code; KO_CONFLICT when p->version is stale. */
enum ko_err store_project_update(struct store *st, const struct project *p);
enum ko_err store_project_delete(struct store *st, int64_t id);

/* ---- meetings ---- */
/* Creates the meeting with its template's agenda items and outputs in the
 * project's language.  *warn is set when it is a TKO and the project's
 * KO is not held yet (the write still happens). */
enum ko_err store_meeting_add(struct store *st, int64_t project_id,
                              enum meeting_kind kind, const char *starts_at,
                              const char *host, int64_t *id_out, bool *warn);
/* store_meeting_add in the same transaction as inviting the project's KO
 * attendees whose ids are listed (their name, role and organisation;
 * invited, not present): a TKO made from its KO. */
enum ko_err store_meeting_add_invited(struct store *st, int64_t project_id,
                                      enum meeting_kind kind, const char *starts_at,
                                      const char *host, const int64_t *invite, size_t n_invite,
                                      int64_t *id_out, bool *warn);
/* "PROJECT/ko", "PROJECT/tko" or a numeric id. */
enum ko_err store_meeting_find(struct store *st, const char *spec,
                               struct meeting *out);
enum ko_err store_meeting_get(struct store *st, int64_t id, struct meeting *out);
/* A project's meetings, KO first. */
enum ko_err store_meetings_of(struct store *st, int64_t project_id,
                              vec_meeting *out);
/* Saves title, starts_at, place, host, purpose and status. */
enum ko_err store_meeting_update(struct store *st, const struct meeting *m);
enum ko_err store_meeting_delete(struct store *st, int64_t id);
/* The template's lists for this meeting (its project's template, in the
 * project's language, for its kind): the roles expected and the actions
 * suggested; agenda_free releases them. */
struct agenda;
enum ko_err store_meeting_template(struct store *st, int64_t meeting_id, struct agenda *out);
/* The status of project's KO (enum meeting_status), -1 when it has none. */
enum ko_err store_ko_status(struct store *st, int64_t project_id, int *out);

/* Progress per phase, for tabs and the overview. */
struct progress {
	int attendees, present;
	int items, checked;
	int decisions;
	int risks, risks_open;
	int outputs, outputs_done;
	int actions, actions_done, actions_overdue;
};
enum ko_err store_meeting_progress(struct store *st, int64_t meeting_id,
                                   struct progress *out);

/* ---- attendees ---- */
/* Adds a to its meeting.  When a names the meeting's host and the host's
 * row (role host_role) is there, fills that in instead: the role,
 * organisation and address given, and the status unless it is invited;
 * *id_out is then the host's row. */
enum ko_err store_attendee_add(struct store *st, const struct attendee *a, int64_t *id_out);
enum ko_err store_attendees(struct store *st, int64_t meeting_id,
                            vec_attendee *out);
enum ko_err store_attendee_get(struct store *st, int64_t id, struct attendee *out);
/* Sets (does not flip) the status: the same call twice is one state. */
enum ko_err store_attendee_set_status(struct store *st, int64_t id, enum attendee_status status);
/* store_attendee_set_status: present, or invited when not. */
enum ko_err store_attendee_set_present(struct store *st, int64_t id, bool present);
/* KO_INVALID, with the store's error saying so, unless email (blank at
 * its ends aside) is empty or a plain address (email_valid). */
enum ko_err store_check_email(struct store *st, const char *email);
enum ko_err store_attendee_update(struct store *st, const struct attendee *a);
enum ko_err store_attendee_delete(struct store *st, int64_t id);

/* ---- agenda items ---- */
enum ko_err store_items(struct store *st, int64_t meeting_id, vec_item *out);
enum ko_err store_item_get(struct store *st, int64_t id, struct item *out);
/* Ticks (checked) or unticks item number `position` of the meeting; the
 * tick records who and when.  Idempotent. */
enum ko_err store_item_check(struct store *st, int64_t meeting_id,
                             int position, bool checked);
enum ko_err store_item_set_checked(struct store *st, int64_t id, bool checked);
/* Appends an item at the end, with its title and note. */
enum ko_err store_item_add(struct store *st, const struct item *it, int64_t *id_out);
/* Saves title and note. */
enum ko_err store_item_update(struct store *st, const struct item *it);
/* Moves item number `from` to number `to` (both 1..n), the items
 * between shifting by one, in one change (undo puts them back). */
enum ko_err store_item_move(struct store *st, int64_t meeting_id, int from, int to);
/* Starts (stopping any other item of the meeting that runs) or stops
 * the clock of item number `position`; the time is kept in the item, so
 * a kill loses none.  Starting a running clock, or stopping a stopped
 * one, changes nothing. */
enum ko_err store_item_clock(struct store *st, int64_t meeting_id, int position, bool start);
/* Deletes and renumbers the items after it. */
enum ko_err store_item_delete(struct store *st, int64_t id);

/* ---- decisions ---- */
/* The add functions read the row's own fields from the struct (ids,
 * positions, stamps and versions are the store's).  item_position 0:
 * not linked to an agenda item. */
enum ko_err store_decision_add(struct store *st, const struct decision *d, int64_t *id_out);
enum ko_err store_decisions(struct store *st, int64_t meeting_id,
                            vec_decision *out);
enum ko_err store_decision_get(struct store *st, int64_t id, struct decision *out);
/* Saves text, decided_by, item_id and state (agreed_at follows it). */
enum ko_err store_decision_update(struct store *st, const struct decision *d);
enum ko_err store_decision_delete(struct store *st, int64_t id);

/* ---- risks ---- */
enum ko_err store_risk_add(struct store *st, const struct risk *r, int64_t *id_out);
enum ko_err store_risks(struct store *st, int64_t meeting_id, vec_risk *out);
enum ko_err store_risk_get(struct store *st, int64_t id, struct risk *out);
/* Saves every field but ids and carried_from. */
enum ko_err store_risk_update(struct store *st, const struct risk *r);
/* Copies KO risk risk_id into its project's TKO (text, levels,
 * mitigation, owner, status; not its agenda item), the copy naming it in
 * carried_from; *id_out the copy.  KO_NOTFOUND when the project has no
 * TKO, KO_INVALID for a risk not of a KO, KO_EXISTS when it was carried
 * already (*id_out then the copy made before). */
enum ko_err store_risk_carry(struct store *st, int64_t risk_id, int64_t *id_out);
enum ko_err store_risk_delete(struct store *st, int64_t id);

/* ---- outputs ---- */
enum ko_err store_outputs(struct store *st, int64_t meeting_id, vec_output *out);
enum ko_err store_output_get(struct store *st, int64_t id, struct output *out);
/* Sets the status (an enum output_status; < 0 keeps it), the owner and
 * the due date ("YYYY-MM-DD", "" for none) of output number position;
 * a NULL owner or due keeps it. */
enum ko_err store_output_set(struct store *st, int64_t meeting_id,
                             int position, int status,
                             const char *owner, const char *due);
enum ko_err store_output_add(struct store *st, const struct output *o, int64_t *id_out);
/* Saves name, owner, status, link and due. */
enum ko_err store_output_update(struct store *st, const struct output *o);
enum ko_err store_output_delete(struct store *st, int64_t id);

/* ---- actions ---- */
/* due: "YYYY-MM-DD", "" or NULL for none; decision_id 0: not linked;
 * status as given (open when zeroed). */
enum ko_err store_action_add(struct store *st, const struct action *a, int64_t *id_out);
enum ko_err store_actions(struct store *st, int64_t meeting_id, vec_action *out);
enum ko_err store_action_get(struct store *st, int64_t id, struct action *out);
/* Sets the status (idempotent); done records when. */
enum ko_err store_action_set_status(struct store *st, int64_t id,
                                    enum action_status status);
/* Saves text, owner, due, status and decision_id. */
enum ko_err store_action_update(struct store *st, const struct action *a);
enum ko_err store_action_delete(struct store *st, int64_t id);

/* ---- the RACI matrix (src/store/raci.c) ---- */
/* The meeting's filled cells, by output number, then attendee id. */
enum ko_err store_raci(struct store *st, int64_t meeting_id, vec_raci *out);
/* Sets the cell of output number `position` and attendee attendee_id
 * (both of the meeting) to role, an enum raci_role, or empties it (role
 * < 0).  Setting what the cell holds writes and logs nothing. */
enum ko_err store_raci_set(struct store *st, int64_t meeting_id, int position,
                           int64_t attendee_id, int role);

/* ---- open questions (src/store/question.c) ---- */
/* Adds an open question with its text, raised_by and owner. */
enum ko_err store_question_add(struct store *st, const struct question *q, int64_t *id_out);
enum ko_err store_questions(struct store *st, int64_t meeting_id, vec_question *out);
enum ko_err store_question_get(struct store *st, int64_t id, struct question *out);
/* Records the answer; the question becomes answered.  A moved one is
 * refused: its copy in the TKO is the one to answer. */
enum ko_err store_question_answer(struct store *st, int64_t id, const char *answer);
/* Moves an open question of a KO on to the project's TKO, in one
 * change: "moved" here, a new open question there (its id in *new_id)
 * whose moved_from names this one. */
enum ko_err store_question_move(struct store *st, int64_t id, int64_t *new_id);
enum ko_err store_question_delete(struct store *st, int64_t id);

/* Actions across all meetings, ordered by due date (none last), then id. */
struct action_query {
	bool open_only;
	bool overdue_only;          /* open and due before `today` */
	const char *owner;          /* NULL: anyone */
	const char *today;          /* "YYYY-MM-DD", for overdue */
	int64_t meeting_id;         /* 0: every meeting */
	int offset, limit;          /* limit 0: all */
};
enum ko_err store_action_query(struct store *st, const struct action_query *q,
                               vec_action *out);

/* ---- partial edits (src/store/patch.c) ---- */
/* The rows an edit can change, and the fields of each, numbered in the
 * order its form shows them. */
enum store_entity {
	STORE_PROJECT, STORE_MEETING, STORE_ATTENDEE, STORE_ITEM,
	STORE_DECISION, STORE_RISK, STORE_OUTPUT, STORE_ACTION, STORE_QUESTION,
};
enum { FIELD_PROJECT_NAME, FIELD_PROJECT_CUSTOMER, FIELD_PROJECT_CODE };
enum {
	FIELD_MEETING_TITLE, FIELD_MEETING_AT, FIELD_MEETING_PLACE, FIELD_MEETING_HOST,
	FIELD_MEETING_PURPOSE, FIELD_MEETING_STATUS,
};
enum {
	FIELD_ATTENDEE_NAME, FIELD_ATTENDEE_ROLE, FIELD_ATTENDEE_ORGANISATION, FIELD_ATTENDEE_EMAIL,
	FIELD_ATTENDEE_STATUS,
};
enum { FIELD_ITEM_TITLE, FIELD_ITEM_NOTE, FIELD_ITEM_MINUTES, FIELD_ITEM_PRESENTER };
enum { FIELD_DECISION_TEXT, FIELD_DECISION_BY, FIELD_DECISION_ITEM, FIELD_DECISION_STATE };
enum {
	FIELD_RISK_TEXT, FIELD_RISK_LIKELIHOOD, FIELD_RISK_IMPACT, FIELD_RISK_MITIGATION,
	FIELD_RISK_OWNER, FIELD_RISK_STATUS, FIELD_RISK_ITEM,
};
enum {
	FIELD_OUTPUT_NAME, FIELD_OUTPUT_OWNER, FIELD_OUTPUT_STATUS, FIELD_OUTPUT_LINK,
	FIELD_OUTPUT_DUE,
};
enum {
	FIELD_ACTION_TEXT, FIELD_ACTION_OWNER, FIELD_ACTION_DUE, FIELD_ACTION_STATUS,
	FIELD_ACTION_DECISION,
};
enum {
	FIELD_QUESTION_TEXT, FIELD_QUESTION_RAISED_BY, FIELD_QUESTION_OWNER,
	FIELD_QUESTION_STATUS, FIELD_QUESTION_ANSWER,
};
#define STORE_PATCH_FIELDS 8

/* Deletes row id of the entity with what the schema cascades from it
 * (a meeting's items, a project's meetings); the store_*_delete
 * functions above are this.  A numbered list (items, outputs) is
 * renumbered 1..n after it.  KO_NOTFOUND when there is no such row. */
enum ko_err store_delete(struct store *st, enum store_entity entity, int64_t id);

/* Some fields of one row, as text: a status or level by its name
 * ("held", "high"), an agenda item by its number and an action's
 * decision by its id ("" for none), an empty date or time for none. */
struct store_patch {
	unsigned mask;                         /* bit i: field i is written */
	const char *value[STORE_PATCH_FIELDS];
	/* What the person editing started from (NULL: not known).  A field
	 * written whose stored value someone else has changed meanwhile to
	 * another value is a clash. */
	const char *base[STORE_PATCH_FIELDS];
	unsigned clash;                        /* out: the fields that clashed */
	unsigned kept;                         /* out: fields not written that
	                                          someone else changed */
};
/* Sets field i of the patch to value. */
static inline void store_patch_set(struct store_patch *p, int i, const char *value)
{
	p->mask |= 1u << i;
	p->value[i] = value;
}
/* Writes the fields in p->mask of row id and nothing else, reading the
 * row inside the same write transaction: a concurrent edit of other
 * fields is never lost nor refused.  A field with a base that someone
 * else changed meanwhile (to other than p's value) makes it KO_CONFLICT
 * with nothing written and the fields in p->clash; without a base the
 * later write wins.  An empty mask writes (and logs) nothing; a field
 * given the value it has (blank ends aside, as text is stored without
 * them) is taken out of p->mask, so an empty mask after a KO_OK says
 * nothing changed. */
enum ko_err store_patch(struct store *st, enum store_entity entity, int64_t id,
                        struct store_patch *p);
/* The number in a patch of entity's field with this name (its name in
 * entity.h), or -1 when an edit cannot change it. */
int store_patch_field(enum store_entity entity, const char *name);

/* ---- the whole meeting ---- */
enum ko_err store_minutes(struct store *st, int64_t meeting_id,
                          struct minutes *out);

/* ---- history, undo, presence, drafts ---- */

/* One entry of the change log. */
struct change_info {
	int64_t id, meeting_id;
	char *at, *who, *summary;
	bool undone;                /* this change has been undone */
	bool skipped;               /* it could not be undone (redone) and was passed over */
	int64_t undo_of;            /* this change undid (or redid) that one */
	/* What the change did, for people (store_log and store_change_get
	 * fill these; a change with no row logged has tbl NULL): the row it
	 * is about (the first one the original change touched, an undo
	 * taken back to the change it undid), that row's name as it stood
	 * after this change (before it, for a delete), and for an update the
	 * columns it changed with their stored values as this change moved
	 * them ("" for NULL).  A skip changed nothing: no columns. */
	char *tbl, *op, *row_name;
	int64_t row_id;
	struct change_field {
		char *column, *before, *after;
	} *fields;
	size_t nfields;
};
typedef VEC_OF(struct change_info) vec_change;
void vec_change_free(vec_change *v);
void change_info_free(struct change_info *c);

/* The change with this id, with what it did; KO_NOTFOUND when none. */
enum ko_err store_change_get(struct store *st, int64_t id, struct change_info *out);
/* The change the last store_undo or store_redo of this store undid,
 * redid, skipped or refused (0: none yet), for store_change_get. */
int64_t store_undo_target(const struct store *st);

/* The newest changes first; meeting_id 0: every change. */
enum ko_err store_log(struct store *st, int64_t meeting_id, int offset, int limit,
                      vec_change *out);

/* The newest change to row `row_id` of `table` ("decision", ...): who
 * made it, when and what; KO_NOTFOUND when the log has none. */
enum ko_err store_last_change(struct store *st, const char *table, int64_t row_id,
                              struct change_info *out);

/* Undoes the session user's newest change that is not undone, restoring
 * deleted rows with what was cascaded.  When the undo would take what
 * someone wrote (rows made under it since, or rows changed since by
 * another user), nothing is done unless force: the result is KO_CONFLICT
 * and *other (malloc'd) says in one line who would lose what ("bob added
 * rows under it: meeting Apollo/ko, 1 decision").  A change that cannot
 * be undone any more (its rows are gone, or a row made since holds their
 * place) is skipped: KO_NOTFOUND with the reason in the store's error,
 * and a record of the skip, so the next undo reaches older changes.
 * *summary (malloc'd, may be NULL) names the change undone, refused or
 * skipped. */
enum ko_err store_undo(struct store *st, bool force, char **summary, char **other);
/* Redoes the user's newest undo that is not redone, by the same rules:
 * a later change to the same rows, the user's own included, or rows
 * made under them, refuses it unless force. */
enum ko_err store_redo(struct store *st, bool force, char **summary, char **other);

/* Presence: `session` is a per-process id.  A beat records that this
 * session has meeting_id (0: none) open now; entries older than ten
 * seconds are others' ghosts and are ignored (and swept). */
enum ko_err store_presence_beat(struct store *st, const char *session, int64_t meeting_id);
enum ko_err store_presence_leave(struct store *st, const char *session);
/* The other users (not `session`) with meeting_id open; a malloc'd,
 * comma-separated list ("" when none). */
enum ko_err store_presence_others(struct store *st, const char *session,
                                  int64_t meeting_id, char **out);

/* Drafts: text half typed when the session was cut off. */
enum ko_err store_draft_save(struct store *st, int64_t meeting_id, const char *what,
                             const char *text);
/* Takes (returns and deletes) this user's newest draft; *text NULL when
 * there is none. */
enum ko_err store_draft_take(struct store *st, int64_t *meeting_id, char **what, char **text);

/* ---- templates and import (export branch) ---- */
/* A template a team imported; the built-in "standard" is not listed. */
struct template_info {
	char *name, *created_at;
};
typedef VEC_OF(struct template_info) vec_template;
void vec_template_free(vec_template *v);

/* By name. */
enum ko_err store_template_list(struct store *st, vec_template *out);
/* The JSON body (malloc'd); KO_NOTFOUND when there is none by that name. */
enum ko_err store_template_get(struct store *st, const char *name, char **body);
/* Stores a body the caller has checked (template_check_json); KO_EXISTS
 * when the name is taken, "standard" included. */
enum ko_err store_template_add(struct store *st, const char *name, const char *body);

/* Writes a project and its meetings as read from an export (export.h:
 * import_parse), all in one transaction: either everything or nothing.
 * Keeps the file's ids when none is taken here, else numbers anew.
 * KO_EXISTS when a project of that name exists. */
enum ko_err store_import(struct store *st, const struct project *p,
                         const struct minutes *meetings, size_t n,
                         int64_t *project_id);

/* ---- backup and health (src/store/sqlite/backup.c) ---- */
/* Copies the database at src_path to the file dest_path while other
 * sessions go on writing, checked whole before it is renamed into
 * place, so dest is never half-written.  (SQLite: the online backup API
 * in small steps; the copy is written beside dest_path as
 * DEST.kickoff-tmp-PID-XXXXXX, those of killed runs removed first,
 * checked with PRAGMA integrity_check and made a single self-contained
 * file, no WAL.)  An existing dest is refused (KO_EXISTS) unless force.
 * *pages_out (may be NULL) gets the pages copied. */
enum ko_err store_backup(const char *src_path, const char *dest_path, bool force,
                         int64_t *pages_out, struct ko_error *e);

/* Puts the backup at from_path back as the database at db_path, so
 * that sessions that have it open see the restored data.  (SQLite: the
 * backup API inside one transaction of the live database, so a WAL
 * beside it is never replayed over the restored file, as it would be
 * over a copied one.)  The backup must be a whole kickoff database of
 * this or an older schema version with kickoff's schema; it is made
 * right (upgraded, checked, given a new identity so open sessions
 * notice: store_replaced) in a temporary copy beside the database
 * before the database is touched.  The database as it was is first
 * backed up to db_path.before-restore (*kept_path, free(); NULL when
 * there was none); when that copy cannot be made the restore is
 * refused unless force. */
enum ko_err store_restore(const char *db_path, const char *from_path, bool force,
                          char **kept_path, int64_t *pages_out, struct ko_error *e);

/* What `kickoff doctor` reports. */
struct store_table_rows {
	char *table;
	int64_t rows;
};
/* One figure of the backend's own storage, for people: a label (an
 * msgid, marked N_, for the caller to translate) and its value as text,
 * in the order to show them.  SQLite: the file, WAL and shared-memory
 * sizes and the pages. */
struct store_fact {
	const char *label;
	char *value;
};
struct store_health {
	struct store_fact *facts;
	int nfacts;
	/* SQLite's figures as numbers, for `doctor --json`; sizes are -1 for
	 * a missing file. */
	int64_t file_bytes, wal_bytes, shm_bytes;
	int64_t page_size, page_count, freelist_pages;
	int schema_version;          /* the schema version of the database */
	bool is_kickoff;             /* application_id is ours */
	bool integrity_ok;
	char *integrity;             /* "ok", or the first problems found */
	bool schema_ok;              /* exactly kickoff's schema (once upgraded) */
	char *schema;                /* "ok", or the difference; NULL: not checked */
	int temps_removed;           /* files killed backups and restores left */
	struct store_table_rows *tables;
	int ntables;
};
/* Opens path without creating or migrating it, and fills out.  A
 * corrupt file, or one whose schema is not kickoff's, still fills the
 * sizes (the result is KO_CORRUPT); a missing one is KO_NOTFOUND.  First
 * removes the temporary files that killed backups and restores left
 * beside it. */
enum ko_err store_health_check(const char *path, struct store_health *out,
                               struct ko_error *e);
void store_health_free(struct store_health *h);

#endif
