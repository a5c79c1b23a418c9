/* export.h - the minutes as bytes (Markdown, JSON, CSV, iCalendar) and the
 * JSON form read back (import).
 *
 * Pure: model in, bytes out.  No database and no terminal here, so every
 * writer is tested on values built in memory, and the import parser can be
 * fuzzed on its own; files are written by platform/ (file.h).  The
 * formats are described in docs/formats.md. */
#ifndef KICKOFF_EXPORT_H
#define KICKOFF_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include "kickoff/error.h"
#include "kickoff/model.h"

/* ---- a growable byte buffer ---- */
struct kbuf {
	char *p;                    /* NUL-terminated when not NULL */
	size_t n, cap;
	bool oom;                   /* an append failed: the bytes are incomplete */
};
void kbuf_free(struct kbuf *b);
void kbuf_add(struct kbuf *b, const char *s, size_t n);
void kbuf_puts(struct kbuf *b, const char *s);
void kbuf_putc(struct kbuf *b, char c);
void kbuf_printf(struct kbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- what and how ---- */
enum export_format { EXPORT_MD, EXPORT_JSON, EXPORT_CSV, EXPORT_ICS };
enum export_entity {
	ENTITY_ACTIONS, ENTITY_DECISIONS, ENTITY_RISKS, ENTITY_ATTENDEES,
	ENTITY_ITEMS, ENTITY_OUTPUTS, ENTITY_QUESTIONS, ENTITY_RACI,
};

/* "md", "json", "csv", "ics" (-1 for anything else); the name is also the
 * file extension. */
int export_format_parse(const char *s);
const char *export_format_name(enum export_format f);
/* "actions", "decisions", "risks", "attendees", "items", "outputs",
 * "questions", "raci". */
int export_entity_parse(const char *s);
/* The name of entity i (0, 1, ...), NULL past the last (for completion). */
const char *export_entity_name(int i);

struct export_opts {
	enum export_format format;
	enum export_entity entity;  /* csv: which table */
	bool bom;                   /* csv: start with a UTF-8 byte order mark */
	bool spreadsheet;           /* csv: guard fields a spreadsheet would run */
	const char *stamp;          /* ics: DTSTAMP, "YYYY-MM-DDTHH:MM:SSZ" */
};

/* A project and the meetings exported with it (both for a project, one for
 * a meeting, none for a project without meetings).  The minutes' own
 * `project` member is not read. */
struct export_set {
	const struct project *project;
	const struct minutes *meetings;
	size_t n;
};

/* Appends the export to out.  KO_NOMEM when memory ran out. */
enum ko_err export_write(const struct export_set *set, const struct export_opts *o,
                         struct kbuf *out, struct ko_error *e);
enum ko_err export_markdown(const struct export_set *set, struct kbuf *out);
enum ko_err export_json(const struct export_set *set, struct kbuf *out);
/* spreadsheet: a field that starts with = + - @, a tab or a CR gets a
 * leading ' so that a spreadsheet shows it instead of running it as a
 * formula (CSV injection); the file is then for people, not scripts. */
enum ko_err export_csv(const struct export_set *set, enum export_entity entity,
                       bool bom, bool spreadsheet, struct kbuf *out);
enum ko_err export_ics(const struct export_set *set, const char *stamp,
                       struct kbuf *out);

/* ---- the minutes by e-mail (mail.c) ---- */
struct mail_person {
	const char *name;           /* may be "" */
	const char *addr;           /* a plain addr-spec (email_valid) */
};
struct mail_opts {
	struct mail_person from;
	const struct mail_person *to;
	size_t nto;                 /* at least 1 */
	const char *stamp;          /* the Date and the calendar's DTSTAMP, "YYYY-MM-DDTHH:MM:SSZ" */
	const char *message_id;     /* without the angle brackets */
	const char *ics_name;       /* the attachment's file name */
};
/* The minutes of the one meeting of set as an RFC 5322 message, MIME
 * (RFC 2045) multipart/mixed: the Markdown minutes as text/plain in the
 * project's language, the calendar of the meeting and its actions as a
 * text/calendar attachment; headers in UTF-8 are encoded (RFC 2047).
 * Appended to out. */
enum ko_err export_mail(const struct export_set *set, const struct mail_opts *o,
                        struct kbuf *out, struct ko_error *e);
/* Its subject, in the project's language: "Minutes: Apollo KO 2026-12-01"
 * (the meeting's date, or the stamp's when it has none). */
void export_mail_subject(const struct project *p, const struct minutes *mi, const char *stamp,
                         struct kbuf *out);

/* ---- the pieces, for their unit tests ---- */
/* One CSV field, quoted (RFC 4180) when it holds '"', ',', CR or LF;
 * guarded as export_csv's spreadsheet says when guard is set. */
void csv_field(struct kbuf *b, const char *s, bool guard);
/* An iCalendar TEXT value: '\\', ';', ',' and newlines escaped, other
 * control characters left out. */
void ics_text(struct kbuf *b, const char *s);
/* One content line (without its end) folded at 75 octets, never inside a
 * UTF-8 character, each physical line ended by CRLF. */
void ics_fold(struct kbuf *out, const char *line, size_t n);
/* Markdown inline text with every character CommonMark would read as
 * markup escaped; a newline becomes a hard break followed by `indent`
 * (a table cell passes NULL: newlines become spaces). */
void md_text(struct kbuf *b, const char *s, const char *indent);

/* ---- the JSON form read back ---- */
#define EXPORT_JSON_FORMAT "kickoff/1"

/* A parsed export: one project and its meetings, with the ids and links
 * of the file (decisions and risks link items by position, actions link
 * decisions by the file's decision id). */
struct import_doc {
	struct project project;
	struct minutes *meetings;
	size_t n;
};
void import_doc_free(struct import_doc *d);

/* Parses and checks a whole export (bytes need not be NUL-terminated).
 * On error e->msg is one line naming the place: "line 12:
 * project.meetings[0].actions[2].owner: missing". */
enum ko_err import_parse(const char *bytes, size_t len, struct import_doc *out,
                         struct ko_error *e);
/* The line where the value at path ("project.name",
 * "project.meetings[1].items[0]") starts in the JSON text; 0 when it is
 * not there. */
int import_line_of(const char *bytes, size_t len, const char *path);

#endif
