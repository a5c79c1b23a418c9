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

struct attendee {
	int64_t id, meeting_id;
	char *name, *role, *organisation;
	int invited, present;
	int64_t version;
};

struct item {
	int64_t id, meeting_id;
	int position;
	char *title, *note;
	char *checked_at, *checked_by;   /* "" when not ticked */
	int64_t version;
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
};

void project_free(struct project *p);
void meeting_free(struct meeting *m);
void attendee_free(struct attendee *a);
void item_free(struct item *it);
void decision_free(struct decision *d);
void risk_free(struct risk *r);
void output_free(struct output *o);
void action_free(struct action *a);
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
const char *decision_state_name(enum decision_state s);
/* Parse those names; return -1 when s is none of them. */
int kind_parse(const char *s);
int meeting_status_parse(const char *s);
int level_parse(const char *s);
int risk_status_parse(const char *s);
int output_status_parse(const char *s);
int action_status_parse(const char *s);
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

#endif
