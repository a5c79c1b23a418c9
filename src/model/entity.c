/* entity.c - the field tables of entity.h, one per entity, in the order
 * people read them: the main text first, the bookkeeping last. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "kickoff/entity.h"
#include "kickoff/i18n.h"

/* Choices and flags are read as int. */
_Static_assert(sizeof(enum level) == sizeof(int), "enums are read as int");
_Static_assert(sizeof(enum action_status) == sizeof(int), "enums are read as int");
_Static_assert(sizeof(enum attendee_status) == sizeof(int), "enums are read as int");
_Static_assert(sizeof(enum decision_state) == sizeof(int), "enums are read as int");

#define N(x) (sizeof(x) / sizeof((x)[0]))
/* Designated, so that a member the macro does not name is zero. */
#define FIELD(st, fld, nm, lbl, k) \
	.name = nm, .label = lbl, .kind = k, .offset = offsetof(struct st, fld)
#define TEXT(st, fld, nm, lbl, k, max, fl) \
	{ FIELD(st, fld, nm, lbl, k), .max_bytes = max, .flags = fl }
#define INT(st, fld, nm, lbl, k, ch, fl) \
	{ FIELD(st, fld, nm, lbl, k), .choices = ch, .flags = fl }
#define LINK(st, fld, nm, lbl, k, to, col) \
	{ FIELD(st, fld, nm, lbl, k), .link = &to, .column = col }
#define CHECKED(st, fld, nm, lbl, k, max, fl, rule) \
	{ FIELD(st, fld, nm, lbl, k), .max_bytes = max, .flags = fl, .check = rule }
/* Fields added after files were written: a file without them is read. */
#define COUNT(st, fld, nm, lbl, max, fl) \
	{ FIELD(st, fld, nm, lbl, FK_COUNT), .max_count = max, .flags = fl, .optional = true }
#define LATER(st, fld, nm, lbl, k, max, fl) \
	{ FIELD(st, fld, nm, lbl, k), .max_bytes = max, .flags = fl, .optional = true }

/* A stamp is "YYYY-MM-DDTHH:MM:SSZ". */
#define STAMP_BYTES 20

/* A project's name is a path's first part ("Apollo/ko"). */
static const char *name_rule(const char *s)
{
	return strchr(s, '/') ? "must not contain '/'" : NULL;
}

static const char *lang_rule(const char *s)
{
	return strcmp(s, "en") != 0 && strcmp(s, "zh") != 0 ? "must be one of en, zh" : NULL;
}

static const char *email_rule(const char *s)
{
	return *s && !email_valid(s) ? "must be an e-mail address such as ann@example.com" : NULL;
}

static const char *const meeting_states[] = { N_("planned"), N_("held"), N_("closed"), NULL };
static const char *const levels[] = { N_("low"), N_("medium"), N_("high"), NULL };
static const char *const risk_states[] = { N_("open"), N_("mitigated"), N_("closed"), NULL };
static const char *const output_states[] = { N_("todo"), N_("drafting"), N_("done"), NULL };
static const char *const action_states[] = { N_("open"), N_("done"), N_("dropped"), NULL };
static const char *const attendee_states[] = { N_("invited"), N_("present"), N_("regrets"), NULL };
static const char *const decision_states[] = { N_("proposed"), N_("agreed"), N_("rejected"), NULL };

static const struct field_desc project_fields[] = {
	CHECKED(project, name, "name", NC_("thing", "Name"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED, name_rule),
	TEXT(project, customer, "customer", N_("Customer"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(project, code, "code", N_("Code"), FK_TEXT, NAME_MAX_BYTES, 0),
	CHECKED(project, lang, "lang", N_("Language"), FK_TEXT, 2, FIELD_REQUIRED | FIELD_BY_STORE,
	        lang_rule),
	TEXT(project, template_name, "template", N_("Template"), FK_TEXT, NAME_MAX_BYTES,
	     FIELD_REQUIRED | FIELD_BY_STORE),
	TEXT(project, created_at, "created_at", N_("Created"), FK_STAMP, STAMP_BYTES,
	     FIELD_REQUIRED | FIELD_BY_STORE),
};

static const struct field_desc meeting_fields[] = {
	TEXT(meeting, title, "title", N_("Title"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(meeting, starts_at, "starts_at", N_("Date and time"), FK_DATETIME, 16, FIELD_NULL),
	TEXT(meeting, place, "place", N_("Place"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(meeting, host, "host", N_("Host"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(meeting, purpose, "purpose", N_("Purpose"), FK_LONG, TEXT_MAX_BYTES, 0),
	INT(meeting, status, "status", N_("Status"), FK_CHOICE, meeting_states, 0),
};

static const struct field_desc attendee_fields[] = {
	TEXT(attendee, name, "name", N_("Name"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(attendee, role, "role", N_("Role"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(attendee, organisation, "organisation", N_("Organisation"), FK_TEXT, NAME_MAX_BYTES, 0),
	CHECKED(attendee, email, "email", N_("E-mail"), FK_TEXT, 254, FIELD_NULL, email_rule),
	INT(attendee, status, "status", N_("Status"), FK_CHOICE, attendee_states, 0),
};

static const struct field_desc item_fields[] = {
	INT(item, position, "position", N_("Number"), FK_NUMBER, NULL, FIELD_BY_STORE),
	/* A template's titles are not held to a typed name's limit. */
	TEXT(item, title, "title", N_("Title"), FK_TEXT, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(item, note, "note", N_("Note"), FK_LONG, TEXT_MAX_BYTES, 0),
	TEXT(item, checked_at, "checked_at", N_("Ticked"), FK_STAMP, STAMP_BYTES,
	     FIELD_BY_STORE | FIELD_NULL),
	TEXT(item, checked_by, "checked_by", N_("Ticked by"), FK_TEXT, NAME_MAX_BYTES,
	     FIELD_BY_STORE | FIELD_NULL),
	COUNT(item, planned_minutes, "planned_minutes", N_("Planned minutes"), ITEM_MINUTES_MAX, 0),
	LATER(item, presenter, "presenter", N_("Presenter"), FK_TEXT, NAME_MAX_BYTES, 0),
	LATER(item, clock_started_at, "clock_started_at", N_("Clock started"), FK_STAMP, STAMP_BYTES,
	      FIELD_BY_STORE | FIELD_NULL),
	COUNT(item, clock_seconds, "clock_seconds", N_("Seconds timed"), INT32_MAX, FIELD_BY_STORE),
};

static const struct field_desc decision_fields[] = {
	TEXT(decision, text, "text", N_("Decision"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(decision, decided_by, "decided_by", N_("Decided by"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(decision, state, "state", N_("State"), FK_CHOICE, decision_states, 0),
	LINK(decision, item_position, "item", N_("Agenda item"), FK_NUMBER, entity_item, "item_id"),
	TEXT(decision, decided_at, "decided_at", N_("Recorded"), FK_STAMP, STAMP_BYTES,
	     FIELD_REQUIRED | FIELD_BY_STORE),
	TEXT(decision, agreed_at, "agreed_at", N_("Agreed"), FK_STAMP, STAMP_BYTES,
	     FIELD_BY_STORE | FIELD_NULL),
};

static const struct field_desc risk_fields[] = {
	TEXT(risk, text, "text", N_("Risk"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	INT(risk, likelihood, "likelihood", N_("Likelihood"), FK_CHOICE, levels, 0),
	INT(risk, impact, "impact", N_("Impact"), FK_CHOICE, levels, 0),
	TEXT(risk, mitigation, "mitigation", N_("Mitigation"), FK_LONG, TEXT_MAX_BYTES, 0),
	TEXT(risk, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(risk, status, "status", N_("Status"), FK_CHOICE, risk_states, 0),
	LINK(risk, item_position, "item", N_("Agenda item"), FK_NUMBER, entity_item, "item_id"),
	/* A risk of the project's other meeting (the KO), set by carrying it. */
	{ FIELD(risk, carried_from, "carried_from", N_("Carried from"), FK_REF), .link = &entity_risk,
	  .column = "carried_from", .flags = FIELD_BY_STORE | FIELD_OTHER_MEETING },
};

static const struct field_desc output_fields[] = {
	INT(output, position, "position", N_("Number"), FK_NUMBER, NULL, FIELD_BY_STORE),
	/* A template's names are not held to a typed name's limit. */
	TEXT(output, name, "name", N_("Output"), FK_TEXT, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(output, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(output, status, "status", N_("Status"), FK_CHOICE, output_states, 0),
	TEXT(output, link, "link", N_("Link"), FK_TEXT, TEXT_MAX_BYTES, 0),
	TEXT(output, due, "due", N_("Due date"), FK_DATE, 10, FIELD_NULL),
};

static const struct field_desc action_fields[] = {
	TEXT(action, text, "text", N_("Action"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(action, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(action, due, "due", N_("Due date"), FK_DATE, 10, FIELD_NULL),
	INT(action, status, "status", N_("Status"), FK_CHOICE, action_states, 0),
	LINK(action, decision_id, "decision", N_("Decision"), FK_REF, entity_decision, "decision_id"),
	TEXT(action, created_at, "created_at", N_("Created"), FK_STAMP, STAMP_BYTES,
	     FIELD_REQUIRED | FIELD_BY_STORE),
	TEXT(action, done_at, "done_at", N_("Done"), FK_STAMP, STAMP_BYTES,
	     FIELD_BY_STORE | FIELD_NULL),
};

static const char *const question_states[] = { N_("open"), N_("answered"), N_("moved"), NULL };
/* The letters read the same in every language. */
static const char *const raci_roles[] = { "R", "A", "C", "I", NULL };

static const struct field_desc question_fields[] = {
	TEXT(question, text, "text", N_("Question"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(question, raised_by, "raised_by", N_("Raised by"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(question, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(question, status, "status", N_("Status"), FK_CHOICE, question_states, 0),
	TEXT(question, answer, "answer", N_("Answer"), FK_LONG, TEXT_MAX_BYTES, 0),
	{ FIELD(question, moved_from, "moved_from", N_("Moved from"), FK_REF),
	  .link = &entity_question, .column = "moved_from", .flags = FIELD_OTHER_MEETING },
};

static const struct field_desc raci_fields[] = {
	{ FIELD(raci, output_position, "output", N_("Output"), FK_NUMBER),
	  .link = &entity_output, .column = "output_id", .flags = FIELD_REQUIRED },
	{ FIELD(raci, attendee_id, "attendee", N_("Attendee"), FK_REF),
	  .link = &entity_attendee, .column = "attendee_id", .flags = FIELD_REQUIRED },
	INT(raci, role, "role", N_("RACI"), FK_CHOICE, raci_roles, FIELD_REQUIRED),
};

static const char *question_rule(const void *row, const char **field)
{
	const struct question *q = row;
	*field = "answer";
	return q->status == QSTATUS_ANSWERED && !*q->answer
		? "must not be empty when status is answered" : NULL;
}

static const char *item_rule(const void *row, const char **field)
{
	const struct item *it = row;
	*field = "checked_by";
	return !*it->checked_at != !*it->checked_by ? "must be set exactly when checked_at is" : NULL;
}

/* An agreed decision may not know when (one recorded before decisions
 * had a state and written without it). */
static const char *decision_rule(const void *row, const char **field)
{
	const struct decision *d = row;
	*field = "agreed_at";
	return d->state != DSTATE_AGREED && *d->agreed_at ? "must be null unless state is agreed"
	                                                  : NULL;
}

static const char *action_rule(const void *row, const char **field)
{
	const struct action *a = row;
	*field = "done_at";
	return (a->status == ASTATUS_DONE) != (*a->done_at != '\0')
		? "must be set exactly when status is done" : NULL;
}

#define ENTITY(var, st, nm, ls, lbl, f, rule) \
	_Static_assert(offsetof(struct st, id) == 0, "a row starts with its id"); \
	const struct entity_desc var = { .name = nm, .label = lbl, .fields = f, .nfields = N(f), \
		.list = ls, .size = sizeof(struct st), .version_at = offsetof(struct st, version), \
		.check = rule }
ENTITY(entity_project, project, "project", "projects", N_("Project"), project_fields, NULL);
ENTITY(entity_meeting, meeting, "meeting", "meetings", N_("Meeting"), meeting_fields, NULL);
ENTITY(entity_attendee, attendee, "attendee", "attendees", N_("Attendee"), attendee_fields, NULL);
ENTITY(entity_item, item, "item", "items", N_("Agenda item"), item_fields, item_rule);
ENTITY(entity_decision, decision, "decision", "decisions", N_("Decision"), decision_fields,
       decision_rule);
ENTITY(entity_risk, risk, "risk", "risks", N_("Risk"), risk_fields, NULL);
ENTITY(entity_output, output, "output", "outputs", N_("Output"), output_fields, NULL);
ENTITY(entity_action, action, "action", "actions", N_("Action"), action_fields, action_rule);
ENTITY(entity_question, question, "question", "questions", N_("Open question"), question_fields,
       question_rule);
ENTITY(entity_raci, raci, "raci", "raci", N_("RACI"), raci_fields, NULL);

const struct minutes_part minutes_parts[] = {
	{ &entity_attendee, offsetof(struct minutes, attendees) },
	{ &entity_item, offsetof(struct minutes, items) },
	{ &entity_decision, offsetof(struct minutes, decisions) },
	{ &entity_risk, offsetof(struct minutes, risks) },
	{ &entity_output, offsetof(struct minutes, outputs) },
	{ &entity_action, offsetof(struct minutes, actions) },
	{ &entity_question, offsetof(struct minutes, questions) },
	{ &entity_raci, offsetof(struct minutes, raci) },
};
const size_t minutes_nparts = N(minutes_parts);

/* Every vec_<entity> has this layout (VEC_OF in model.h). */
struct vec_any { char *v; size_t n, cap; };

const void *minutes_rows(const struct minutes *mi, const struct minutes_part *p, size_t *n)
{
	const struct vec_any *va = (const void *)((const char *)mi + p->at);
	*n = va->n;
	return va->v;
}

void *minutes_push(struct minutes *mi, const struct minutes_part *p)
{
	return vec_push_((char *)mi + p->at, p->entity->size);
}

const void *entity_row(const struct entity_desc *e, const void *rows, size_t i)
{
	return (const char *)rows + i * e->size;
}

int64_t entity_id(const void *row)
{
	return *(const int64_t *)row;
}

int64_t entity_version(const struct entity_desc *e, const void *row)
{
	return *(const int64_t *)(const void *)((const char *)row + e->version_at);
}

char **field_text_at(const struct field_desc *f, void *row)
{
	return field_is_text(f) ? (char **)(void *)((char *)row + f->offset) : NULL;
}

void field_set_int(const struct field_desc *f, void *row, int64_t v)
{
	char *p = (char *)row + f->offset;
	if (f->kind == FK_REF)
		*(int64_t *)(void *)p = v;
	else if (!field_is_text(f))
		*(int *)(void *)p = (int)v;
}

int field_choice(const struct field_desc *f, const char *name)
{
	for (int i = 0; f->choices && f->choices[i]; i++)
		if (strcmp(f->choices[i], name) == 0)
			return i;
	return -1;
}

const struct field_desc *entity_field(const struct entity_desc *e, const char *name)
{
	for (size_t i = 0; e && name && i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return &e->fields[i];
	return NULL;
}

bool field_is_text(const struct field_desc *f)
{
	return f->kind <= FK_STAMP;
}

const char *field_str(const struct field_desc *f, const void *row)
{
	if (!field_is_text(f))
		return NULL;
	const char *s = *(char *const *)((const char *)row + f->offset);
	return s ? s : "";
}

int64_t field_int(const struct field_desc *f, const void *row)
{
	const char *p = (const char *)row + f->offset;
	switch (f->kind) {
	case FK_REF: return *(const int64_t *)(const void *)p;
	case FK_CHOICE:
	case FK_FLAG:
	case FK_COUNT:
	case FK_NUMBER: return *(const int *)(const void *)p;
	default: return 0;
	}
}

const char *field_value(const struct field_desc *f, const void *row, char *buf, size_t n)
{
	if (field_is_text(f))
		return field_str(f, row);
	int64_t v = field_int(f, row);
	switch (f->kind) {
	case FK_CHOICE: {
		size_t count = 0;
		while (f->choices[count])
			count++;
		return v >= 0 && (size_t)v < count ? f->choices[v] : "";
	}
	case FK_FLAG:
		return v ? N_("yes") : N_("no");
	case FK_NUMBER:
	case FK_COUNT:
		if (!v)
			return "";
		snprintf(buf, n, "%" PRId64, v);
		return buf;
	case FK_REF:
		if (!v)
			return "";
		snprintf(buf, n, "#%" PRId64, v);
		return buf;
	default:
		return "";
	}
}
