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

#define N(x) (sizeof(x) / sizeof((x)[0]))
#define TEXT(st, fld, nm, lbl, k, max, fl) \
	{ nm, lbl, k, offsetof(struct st, fld), NULL, max, fl }
#define INT(st, fld, nm, lbl, k, ch, fl) \
	{ nm, lbl, k, offsetof(struct st, fld), ch, 0, fl }

static const char *const meeting_states[] = { N_("planned"), N_("held"), N_("closed"), NULL };
static const char *const levels[] = { N_("low"), N_("medium"), N_("high"), NULL };
static const char *const risk_states[] = { N_("open"), N_("mitigated"), N_("closed"), NULL };
static const char *const output_states[] = { N_("todo"), N_("drafting"), N_("done"), NULL };
static const char *const action_states[] = { N_("open"), N_("done"), N_("dropped"), NULL };

static const struct field_desc project_fields[] = {
	TEXT(project, name, "name", N_("Name"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(project, customer, "customer", N_("Customer"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(project, code, "code", N_("Code"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(project, lang, "lang", N_("Language"), FK_TEXT, 8, FIELD_BY_STORE),
	TEXT(project, template_name, "template", N_("Template"), FK_TEXT, NAME_MAX_BYTES, FIELD_BY_STORE),
	TEXT(project, created_at, "created_at", N_("Created"), FK_STAMP, 32, FIELD_BY_STORE),
};

static const struct field_desc meeting_fields[] = {
	TEXT(meeting, title, "title", N_("Title"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(meeting, starts_at, "starts_at", N_("Date and time"), FK_DATETIME, 16, 0),
	TEXT(meeting, place, "place", N_("Place"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(meeting, host, "host", N_("Host"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(meeting, purpose, "purpose", N_("Purpose"), FK_LONG, TEXT_MAX_BYTES, 0),
	INT(meeting, status, "status", N_("Status"), FK_CHOICE, meeting_states, 0),
};

static const struct field_desc attendee_fields[] = {
	TEXT(attendee, name, "name", N_("Name"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(attendee, role, "role", N_("Role"), FK_TEXT, NAME_MAX_BYTES, 0),
	TEXT(attendee, organisation, "organisation", N_("Organisation"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(attendee, invited, "invited", N_("Invited"), FK_FLAG, NULL, 0),
	INT(attendee, present, "present", N_("Present"), FK_FLAG, NULL, 0),
};

static const struct field_desc item_fields[] = {
	INT(item, position, "position", N_("Number"), FK_NUMBER, NULL, FIELD_BY_STORE),
	TEXT(item, title, "title", N_("Title"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(item, note, "note", N_("Note"), FK_LONG, TEXT_MAX_BYTES, 0),
	TEXT(item, checked_at, "checked_at", N_("Ticked"), FK_STAMP, 32, FIELD_BY_STORE),
	TEXT(item, checked_by, "checked_by", N_("Ticked by"), FK_TEXT, NAME_MAX_BYTES, FIELD_BY_STORE),
};

static const struct field_desc decision_fields[] = {
	TEXT(decision, text, "text", N_("Decision"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(decision, decided_by, "decided_by", N_("Decided by"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(decision, item_position, "item", N_("Agenda item"), FK_NUMBER, NULL, 0),
	TEXT(decision, decided_at, "decided_at", N_("Recorded"), FK_STAMP, 32, FIELD_BY_STORE),
};

static const struct field_desc risk_fields[] = {
	TEXT(risk, text, "text", N_("Risk"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	INT(risk, likelihood, "likelihood", N_("Likelihood"), FK_CHOICE, levels, 0),
	INT(risk, impact, "impact", N_("Impact"), FK_CHOICE, levels, 0),
	TEXT(risk, mitigation, "mitigation", N_("Mitigation"), FK_LONG, TEXT_MAX_BYTES, 0),
	TEXT(risk, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(risk, status, "status", N_("Status"), FK_CHOICE, risk_states, 0),
	INT(risk, item_position, "item", N_("Agenda item"), FK_NUMBER, NULL, 0),
};

static const struct field_desc output_fields[] = {
	INT(output, position, "position", N_("Number"), FK_NUMBER, NULL, FIELD_BY_STORE),
	TEXT(output, name, "name", N_("Output"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(output, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, 0),
	INT(output, status, "status", N_("Status"), FK_CHOICE, output_states, 0),
	TEXT(output, link, "link", N_("Link"), FK_TEXT, TEXT_MAX_BYTES, 0),
	TEXT(output, due, "due", N_("Due date"), FK_DATE, 10, 0),
};

static const struct field_desc action_fields[] = {
	TEXT(action, text, "text", N_("Action"), FK_LONG, TEXT_MAX_BYTES, FIELD_REQUIRED),
	TEXT(action, owner, "owner", N_("Owner"), FK_TEXT, NAME_MAX_BYTES, FIELD_REQUIRED),
	TEXT(action, due, "due", N_("Due date"), FK_DATE, 10, 0),
	INT(action, status, "status", N_("Status"), FK_CHOICE, action_states, 0),
	INT(action, decision_id, "decision", N_("Decision"), FK_REF, NULL, 0),
	TEXT(action, created_at, "created_at", N_("Created"), FK_STAMP, 32, FIELD_BY_STORE),
	TEXT(action, done_at, "done_at", N_("Done"), FK_STAMP, 32, FIELD_BY_STORE),
};

#define ENTITY(var, nm, lbl, f) const struct entity_desc var = { nm, lbl, f, N(f) }
ENTITY(entity_project, "project", N_("Project"), project_fields);
ENTITY(entity_meeting, "meeting", N_("Meeting"), meeting_fields);
ENTITY(entity_attendee, "attendee", N_("Attendee"), attendee_fields);
ENTITY(entity_item, "item", N_("Agenda item"), item_fields);
ENTITY(entity_decision, "decision", N_("Decision"), decision_fields);
ENTITY(entity_risk, "risk", N_("Risk"), risk_fields);
ENTITY(entity_output, "output", N_("Output"), output_fields);
ENTITY(entity_action, "action", N_("Action"), action_fields);

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
