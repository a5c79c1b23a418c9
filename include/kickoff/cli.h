/* cli.h - the command line: one verb group per file in src/cli/, each a
 * table of verbs.  Prints text, or JSON with --json; exit status from the
 * error list (0 ok, 1 usage, 2 data, 3 store). */
#ifndef KICKOFF_CLI_H
#define KICKOFF_CLI_H

#include <stdbool.h>
#include <jansson.h>
#include "kickoff/error.h"
#include "kickoff/export_json.h"
#include "kickoff/store.h"

struct cli {
	const char *db_path;
	struct store *st;           /* opened on first use */
	const char *cmd;            /* "project add", for messages */
};

struct cli_verb {
	const char *group;          /* "project" */
	const char *verb;           /* "add" */
	const char *usage;          /* "NAME [--customer C] [--code X]" */
	const char *help;           /* one line, untranslated (N_) */
	int (*run)(struct cli *c, int argc, char **argv);
};

/* Runs argv (argv[0] is the group); returns the exit status. */
int cli_main(const char *db_path, int argc, char **argv);
/* Prints the verbs to f. */
void cli_usage(FILE *f);

/* ---- for the verb files ---- */

/* Opens the store (creating it) on first use; NULL after printing the
 * error. */
struct store *cli_store(struct cli *c);
/* Prints "kickoff: CMD: message" on stderr; returns the exit status. */
int cli_fail(struct cli *c, enum ko_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The store's last error, printed; returns the exit status. */
int cli_store_fail(struct cli *c);
/* A usage error naming what was wrong, plus the verb's usage line. */
int cli_usage_fail(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* getopt_long over argv with the verb's options; returns the option, -1
 * at the end, '?' after printing a usage error for an unknown option or a
 * missing argument.  `--help` is handled by the caller via 'h'. */
struct option;
int cli_getopt(struct cli *c, int argc, char **argv, const struct option *opts);

/* Opens the store and finds MEETING (PROJECT/ko, PROJECT/tko or an id):
 * -1 when found, else the exit status after printing the error. */
int cli_meeting_id(struct cli *c, const char *spec, int64_t *meeting_id);
/* For `GROUP list MEETING [--json]`: parses the arguments, then as
 * cli_meeting_id. */
int cli_list_args(struct cli *c, int argc, char **argv, bool *json, int64_t *meeting_id);

/* Checks a command-line text argument is valid UTF-8 and fits max bytes. */
bool cli_text_ok(struct cli *c, const char *what, const char *s, size_t max, int *status);
/* Parses a positive whole number; when it is not, prints an invalid-value
 * error (exit 2, like a bad date) and sets *status. */
bool cli_number(struct cli *c, const char *what, const char *s, long long *out, int *status);

/* printf to stdout with the result sanitised (newlines kept): for any
 * line that holds stored or typed text. */
int cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fprintf to stderr with the result sanitised always: a message that
 * quotes an argument or a stored name.  A newline ending it stays one;
 * any other is shown as a symbol. */
void cli_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same to stdout: a line that says what was done ("added project
 * NAME"), with names shown by the lists' rule (a newline as a symbol). */
int cli_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes bytes meant for a program (an export, JSON, a template): as
 * they are to a file or a pipe, made visible when standard output is a
 * terminal (newlines and tabs kept). */
int cli_write_data(const char *s, size_t n);
/* Whether standard output is a terminal. */
bool cli_stdout_tty(void);

/* Prints JSON (UTF-8, keys in insertion order, indented) and a newline,
 * as cli_write_data; takes the reference. */
int cli_print_json(json_t *j);
/* A JSON string, or null for "" or NULL. */
json_t *json_text_or_null(const char *s);
/* A list or show verb's --json: {"format": "kickoff-list/1", name: value}
 * (docs/formats.md), printed and released as cli_print_json does; a NULL
 * value is out of memory. */
int cli_print_json_list(const char *name, json_t *value);
/* The n rows of entity e as the export writes them; NULL when one could
 * not be made. */
json_t *cli_json_rows(const struct entity_desc *e, const void *rows, size_t n);
/* Sets key to value on o, or drops o (NULL) when either is missing, so
 * that a row is never printed with a key left out. */
json_t *cli_json_set(json_t *o, const char *key, json_t *value);
/* Adds an extra key to a row that a list owns; false when it could not
 * (the row is left to its list). */
bool cli_json_add(json_t *row, const char *key, json_t *value);
/* A meeting as the command line names it, "PROJECT/ko": the same string
 * in every verb's --json, and one that MEETING arguments accept. */
json_t *cli_json_meeting_spec(const char *project, enum meeting_kind kind);

/* Prints cells padded to their columns' widths, counted in terminal
 * columns (CJK is two). ncols cells per row, rows back to back. */
void cli_print_table(const char *const *cells, int ncols, int nrows);

/* Prints actions as `action list` does: a table (meeting, due date,
 * status or OVERDUE, owner, text) or, with json, the kickoff-list/1
 * object with the rows under "actions"; returns the exit status. */
int cli_print_actions(const vec_action *v, const char *today, bool json);

/* The verb tables, one per file. */
extern const struct cli_verb cli_project_verbs[], cli_meeting_verbs[],
	cli_attendee_verbs[], cli_item_verbs[], cli_decision_verbs[],
	cli_risk_verbs[], cli_output_verbs[], cli_action_verbs[],
	cli_log_verbs[], cli_undo_verbs[], cli_redo_verbs[],
	cli_export_verbs[], cli_import_verbs[], cli_mail_verbs[], cli_template_verbs[],
	cli_backup_verbs[], cli_restore_verbs[], cli_doctor_verbs[], cli_complete_verbs[],
	cli_board_verbs[], cli_status_verbs[],
	cli_raci_verbs[], cli_question_verbs[];
/* Every group's table in the order --help lists them, NULL at the end;
 * groups whose name starts with '_' are hidden from --help. */
extern const struct cli_verb *const cli_groups[];

#endif
