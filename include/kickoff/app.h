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

#endif
