/* app.h - the use cases both front ends call (app/): the minutes exported
 * to bytes or to a file or by e-mail, and a JSON export imported.  cli/ and tui/ read
 * what the user asked and show the outcome; the store, the writers and
 * the files are driven from here, once. */
#ifndef KICKOFF_APP_H
#define KICKOFF_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "kickoff/error.h"
#include "kickoff/export.h"
#include "kickoff/store.h"

/* ---- export ---- */
/* The minutes of project_id's meetings, or of meeting_id alone when it is
 * not 0, in o's format and stamped now, appended to out.  A store error
 * carries the store's code and message. */
enum ko_err app_export(struct store *st, int64_t project_id, int64_t meeting_id,
                       struct export_opts *o, struct kbuf *out, struct ko_error *e);

/* The file name an export of one meeting in format f gets by default:
 * "PROJECT-ko.md" and the like, with what a folder cannot hold as '_'. */
enum ko_err app_export_name(struct store *st, int64_t meeting_id, int format, char *buf,
                            size_t size, struct ko_error *e);

/* Writes the minutes of one meeting in format f (md, json, csv (actions)
 * or ics) to path, atomically (file_write_atomic: never through a
 * symbolic link; an existing file only with force, else KO_EXISTS).  CSV
 * is written for a person's spreadsheet (a byte order mark, formulas
 * guarded: export --spreadsheet), as the screens want it. */
enum ko_err app_export_file(struct store *st, int64_t meeting_id, int format,
                            const char *path, bool force, struct ko_error *e);

/* ---- the minutes by e-mail ---- */
struct app_mail {
	/* The sender's address; NULL: the host's (the attendee named as the
	 * meeting's host), else user's when it is an address. */
	const char *from;
	const char *user;
	/* Addresses, and "attendees" for every attendee with one; none
	 * given (nto 0): the attendees. */
	const char *const *to;
	size_t nto;
	bool send;                  /* to sendmail_message, as well as into out */
};
/* The message (export_mail) of meeting_id's minutes appended to out, and
 * handed to the mail system when o->send; *nto (may be NULL) gets the
 * number of recipients.  KO_INVALID when there is no sender or nobody
 * to send to, or an address is not one; KO_IO when sending fails. */
enum ko_err app_mail(struct store *st, int64_t meeting_id, const struct app_mail *o,
                     struct kbuf *out, size_t *nto, struct ko_error *e);

/* ---- import ---- */
/* A JSON export read and parsed, not yet stored: reading comes first so
 * that a bad file is named before any database is opened. */
struct app_import {
	const char *path;
	char *bytes;
	size_t len;
	struct import_doc doc;
};

/* Reads path ("-": standard input, at most 64 MiB) and parses it; the
 * message names the file. */
enum ko_err app_import_read(const char *path, struct app_import *im, struct ko_error *e);
/* Stores what was read, all or nothing; a project of the same name is
 * KO_EXISTS with the line of "project.name" in the file. */
enum ko_err app_import_store(struct store *st, const struct app_import *im,
                             struct ko_error *e);
void app_import_free(struct app_import *im);

/* ---- the follow-up board ---- */
/* Which actions the board shows: by status ("open", the default, also
 * "overdue", "done", "dropped" or "all"), owner and project (NULL: any). */
struct board_filter {
	const char *status;
	const char *owner;          /* exactly as the action names its owner */
	const char *project;        /* the project's name */
	const char *group;          /* "owner" or "project": sorted by it
	                               first, each group overdue first */
};
/* The status names board_filter takes, NULL-terminated. */
extern const char *const board_statuses[];
/* True when s is one of board_statuses. */
bool board_status_valid(const char *s);
/* True when s is NULL, "owner" or "project". */
bool board_group_valid(const char *s);
/* The actions of every meeting and project that pass f, overdue first,
 * then by due date (undated last), then in the order they were added;
 * today ("YYYY-MM-DD") decides what is overdue. */
enum ko_err app_board(struct store *st, const struct board_filter *f, const char *today,
                      vec_action *out);
/* Who "mine" means: $KICKOFF_USER, else the user's name. */
void app_board_me(char *buf, size_t n);

/* ---- the follow-ups a template suggests ---- */
/* The suggested actions of a meeting's template that it has no action of
 * the same text yet, numbered 1..n in this order. */
struct suggestions {
	char **text;
	size_t n;
};
enum ko_err app_suggestions(struct store *st, int64_t meeting_id, struct suggestions *out,
                            struct ko_error *e);
void app_suggestions_free(struct suggestions *s);
/* Suggestion n becomes an open action with this owner and due date
 * ("YYYY-MM-DD", NULL or "" for none). */
enum ko_err app_suggestion_accept(struct store *st, int64_t meeting_id, int n, const char *owner,
                                  const char *due, int64_t *id, struct ko_error *e);
/* Suggestion n is dropped: recorded as a dropped action owned by who. */
enum ko_err app_suggestion_drop(struct store *st, int64_t meeting_id, int n, const char *who,
                                int64_t *id, struct ko_error *e);

/* ---- history ---- */
/* A change in the user's language, from the kind the log stores and the
 * row it touched: "set action status: «Write the plan» open → done".
 * The log keeps stable English kinds, so a change made under one
 * language reads in another's.  Long values are cut with "…". */
void app_change_text(const struct change_info *c, char *buf, size_t n);
/* What the last store_undo or store_redo of st was about, told as
 * app_change_text tells it: the change undone or made again, as it was
 * first made; the kind in summary alone when the log cannot say more. */
void app_undo_text(struct store *st, const char *summary, char *buf, size_t n);
/* The kind alone in the user's language ("undo: add decision"). */
void app_change_kind(const char *summary, char *buf, size_t n);
/* ---- the RACI matrix ---- */
/* What is wrong with one output's column (raci_problems, model.h) in the
 * user's language: "Plan: no A", "Plan: two A's". */
void app_raci_problem(const struct raci_check *c, const char *output_name, char *buf, size_t n);

#endif
