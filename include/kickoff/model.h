/* model.h - the entities of a kickoff store as plain C values.
 *
 * A struct here owns its strings (malloc'd, NUL-terminated UTF-8, never
 * NULL once filled: an absent text is ""); the matching *_free releases
 * them.  Optional links (item_id, decision_id) are 0 when absent.  No I/O
 * here: the store fills these, the screens and exporters read them. */
#ifndef KICKOFF_MODEL_H
#define KICKOFF_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum meeting_kind { KIND_KO, KIND_TKO };

struct project {
	int64_t id;
	char *name, *customer, *code;
	char *lang;                 /* "en" or "zh" */
	char *template_name;
	char *created_at;
	int64_t version;
	/* filled by store_project_list only */
	int ko_items, ko_checked;   /* -1/-1 when the project has no KO */
	int tko_items, tko_checked;
	int ko_status, tko_status;  /* enum meeting_status, -1 when none */
	int actions_open, actions_overdue;
	char ko_at[20], tko_at[20];  /* their "YYYY-MM-DD HH:MM", "" undated */
};

enum meeting_status { MSTATUS_PLANNED, MSTATUS_HELD, MSTATUS_CLOSED };

struct meeting {
	int64_t id, project_id;
	enum meeting_kind kind;
	char *title;
	char *starts_at;            /* "YYYY-MM-DD HH:MM" or "" */
	char *place, *host, *purpose;
	enum meeting_status status;
	int64_t version;
	char *project_name;         /* filled on read, for headers */
	char *lang;                 /* the project's language */
	char *modified_at;          /* last change logged, by store_minutes */
};

/* Where an attendee stands: asked to come, came, or sent regrets. */
enum attendee_status { PSTATUS_INVITED, PSTATUS_PRESENT, PSTATUS_REGRETS };

struct attendee {
	int64_t id, meeting_id;
	char *name, *role, *organisation;
	int64_t version;
	char *email;                /* an addr-spec ("ann@example.com") or "" */
	enum attendee_status status;
};

struct item {
	int64_t id, meeting_id;
	int position;
	char *title, *note;
	char *checked_at, *checked_by;   /* "" when not ticked */
	int64_t version;
	/* The agenda's clock (agenda.h): planned, then measured. */
	int planned_minutes;             /* 0: not planned */
	char *presenter;
	char *clock_started_at;          /* UTC stamp while the clock runs, else "" */
	int clock_seconds;               /* run before clock_started_at */
	/* filled on read: the seconds run as of the read (the running clock
	 * included), what the minutes and lists report */
	int64_t read_seconds;
};

enum level { LEVEL_LOW, LEVEL_MEDIUM, LEVEL_HIGH };

enum decision_state { DSTATE_PROPOSED, DSTATE_AGREED, DSTATE_REJECTED };

struct decision {
	int64_t id, meeting_id, item_id;
	int item_position;          /* 0 when not linked */
	char *text, *decided_by, *decided_at;
	int64_t version;
	enum decision_state state;
	char *agreed_at;            /* when it became agreed; "" unless agreed */
};

enum risk_status { RSTATUS_OPEN, RSTATUS_MITIGATED, RSTATUS_CLOSED };

struct risk {
	int64_t id, meeting_id, item_id;
	int item_position;
	char *text;
	enum level likelihood, impact;
	char *mitigation, *owner;
	enum risk_status status;
	int64_t version;
	int64_t carried_from;       /* the KO risk this TKO risk was carried from, 0 none */
};

enum output_status { OSTATUS_TODO, OSTATUS_DRAFTING, OSTATUS_DONE };

struct output {
	int64_t id, meeting_id;
	int position;
	char *name, *owner;
	enum output_status status;
	char *link;
	int64_t version;
	char *due;                  /* "YYYY-MM-DD" or "" */
};

enum action_status { ASTATUS_OPEN, ASTATUS_DONE, ASTATUS_DROPPED };

struct action {
	int64_t id, meeting_id, decision_id;
	char *text, *owner;
	char *due;                  /* "YYYY-MM-DD" or "" */
	enum action_status status;
	char *created_at, *done_at;
	int64_t version;
	char *modified_at;          /* last change logged, by store_minutes */
	/* filled on read, for lists across meetings */
	char *project_name;
	enum meeting_kind kind;
};

/* One cell of a meeting's RACI matrix: what attendee_id is for output
 * output_id.  An empty cell has no row. */
enum raci_role { RACI_R, RACI_A, RACI_C, RACI_I };

struct raci {
	int64_t id;
	int64_t output_id, attendee_id;
	int output_position;        /* the output's number, as files name it */
	enum raci_role role;
	int64_t version;
};

/* An open question (the parking lot).  One moved to the project's other
 * meeting is "moved" here and has a new open copy there whose
 * moved_from is this one's id. */
enum question_status { QSTATUS_OPEN, QSTATUS_ANSWERED, QSTATUS_MOVED };

struct question {
	int64_t id, meeting_id;
	char *text, *raised_by, *owner;
	enum question_status status;
	char *answer;
	int64_t moved_from;         /* 0 when raised here */
	int64_t version;
};

/* A growable array of one entity type: `struct vec_item items;` etc. */
#define VEC_OF(T) struct { T *v; size_t n, cap; }
typedef VEC_OF(struct project) vec_project;
typedef VEC_OF(struct meeting) vec_meeting;
typedef VEC_OF(struct attendee) vec_attendee;
typedef VEC_OF(struct item) vec_item;
typedef VEC_OF(struct decision) vec_decision;
typedef VEC_OF(struct risk) vec_risk;
typedef VEC_OF(struct output) vec_output;
typedef VEC_OF(struct action) vec_action;
typedef VEC_OF(struct raci) vec_raci;
typedef VEC_OF(struct question) vec_question;

/* Everything recorded for one meeting: what the minutes are made of. */
struct minutes {
	struct project project;
	struct meeting meeting;
	vec_attendee attendees;
	vec_item items;
	vec_decision decisions;
	vec_risk risks;
	vec_output outputs;
	vec_action actions;
	vec_question questions;
	vec_raci raci;
};

void project_free(struct project *p);
void meeting_free(struct meeting *m);
void attendee_free(struct attendee *a);
void item_free(struct item *it);
void decision_free(struct decision *d);
void risk_free(struct risk *r);
void output_free(struct output *o);
void action_free(struct action *a);
void raci_free(struct raci *r);
void question_free(struct question *q);
void minutes_free(struct minutes *mi);

/* Free every element, then the array; leaves the vec empty. */
void vec_project_free(vec_project *v);
void vec_meeting_free(vec_meeting *v);
void vec_attendee_free(vec_attendee *v);
void vec_item_free(vec_item *v);
void vec_decision_free(vec_decision *v);
void vec_risk_free(vec_risk *v);
void vec_output_free(vec_output *v);
void vec_action_free(vec_action *v);
void vec_raci_free(vec_raci *v);
void vec_question_free(vec_question *v);

/* Grows v by one zeroed element and returns it (NULL when out of memory). */
void *vec_push_(void *vec, size_t elem_size);
#define VEC_PUSH(vec) vec_push_((vec), sizeof(*(vec)->v))

/* Names as stored in the database and typed on the command line. */
const char *kind_name(enum meeting_kind k);          /* "ko", "tko" */
const char *meeting_status_name(enum meeting_status s);
const char *level_name(enum level l);
const char *risk_status_name(enum risk_status s);
const char *output_status_name(enum output_status s);
const char *action_status_name(enum action_status s);
const char *raci_role_name(enum raci_role r);       /* "R", "A", "C", "I" */
const char *question_status_name(enum question_status s);
const char *attendee_status_name(enum attendee_status s);   /* "invited", "present", "regrets" */
const char *decision_state_name(enum decision_state s);
/* Parse those names; return -1 when s is none of them. */
int kind_parse(const char *s);
int meeting_status_parse(const char *s);
int level_parse(const char *s);
int risk_status_parse(const char *s);
int output_status_parse(const char *s);
int action_status_parse(const char *s);
int raci_role_parse(const char *s);                 /* also "r", "a", ... */
int question_status_parse(const char *s);

/* What the RACI rule (each output has exactly one A and at least one R)
 * finds of one output: its count of A's and of R's. */
struct raci_check {
	int position;               /* the output's number */
	int a, r;
};
/* The outputs of a meeting that break the rule, in output order, into
 * out (at most max; the count of them all is returned). */
size_t raci_problems(const vec_output *outputs, const vec_raci *cells,
                     struct raci_check *out, size_t max);
int attendee_status_parse(const char *s);

/* The role of the attendee row a meeting's host gets, in the project's
 * language ("host"; "主持人" for "zh"). */
const char *host_role(const char *lang);
/* True when role is host_role's in either language. */
int is_host_role(const char *role);

/* Whether s is a plain e-mail address (RFC 5322 addr-spec, dot-atoms
 * only: "ann.lee@example.com"; no quoted local part, no [literal], no
 * display name), at most 254 bytes. */
int email_valid(const char *s);
int decision_state_parse(const char *s);

/* A row id as typed: decimal digits only (no sign, no space).  Returns 1
 * with *id set, 0 when s is not digits, -1 when it is more than an id can
 * be (past INT64_MAX). */
int id_parse(const char *s, int64_t *id);

/* The TKO-after-KO rule of the seed: true when a TKO for a project whose
 * KO is in state ko_status (-1: no KO yet) should be warned about. */
int tko_needs_warning(int ko_status);
/* True when both are dated and the TKO's "YYYY-MM-DD HH:MM" comes before
 * the KO's: it would build on a meeting not held yet. */
int tko_before_ko(const char *tko_at, const char *ko_at);

/* The seed's TKO attendees: tech leads, architects, developers, testers,
 * operations.  True when role names one of them (in English or Chinese,
 * any case: "Tech lead", "QA engineer", "运维"), whom a TKO made from its
 * KO invites unless told otherwise. */
int role_is_technical(const char *role);
/* The KO agenda items the TKO builds on, the seed's goals and scope:
 * true when title names the objectives or the scope. */
int item_is_scope_or_objectives(const char *title);

/* An action is overdue when it is open and its due date is before today
 * (today: "YYYY-MM-DD" in local time). */
int action_is_overdue(const struct action *a, const char *today);
/* An output is overdue when it is not done and its due date is before today. */
int output_is_overdue(const struct output *o, const char *today);

/* Limits on text the user gives; longer input is refused, not cut. */
#define TEXT_MAX_BYTES (64 * 1024)   /* notes, decisions, any long text */
#define NAME_MAX_BYTES 200           /* project names, people, short fields */
#define ITEM_MINUTES_MAX 1440        /* an item planned for a day at most */

#endif
