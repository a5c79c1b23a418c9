/* export_labels.h - the words of exported minutes in the meeting's
 * language.  The exports are written in the project's language (en, zh),
 * not the reader's locale, and must be the same bytes on every machine;
 * so the words live in a table here rather than in the message catalogue.
 * The English column is marked N_() so translators still see it. */
#ifndef KICKOFF_EXPORT_LABELS_H
#define KICKOFF_EXPORT_LABELS_H

#include "kickoff/model.h"

enum label {
	LB_PROJECT, LB_CUSTOMER, LB_CODE, LB_MEETING, LB_DATE, LB_PLACE, LB_HOST,
	LB_PURPOSE, LB_STATUS, LB_ATTENDEES, LB_NAME, LB_ROLE, LB_ORGANISATION,
	LB_INVITED, LB_PRESENT, LB_AGENDA, LB_TICKED, LB_NOTE, LB_DECISIONS,
	LB_DECISION, LB_BY, LB_WHEN, LB_ITEM, LB_RISKS, LB_RISK, LB_LIKELIHOOD,
	LB_IMPACT, LB_MITIGATION, LB_OWNER, LB_OUTPUTS, LB_OUTPUT, LB_LINK,
	LB_ACTIONS, LB_ACTION, LB_DUE, LB_DONE_AT, LB_NONE, LB_YES, LB_NO,
	LB_NOT_SET, LB_NO_MEETINGS, LB_OF,
	LB_PLANNED_MINUTES, LB_PRESENTER, LB_CLOCK_STARTED, LB_SECONDS_TIMED, LB_TIMING,
	LB_PLANNED, LB_ACTUAL, LB_MIN, LB_TOTAL, LB_OVER, LB_RUNNING, LB_ENDS, LB_PAREN, LB_UNPAREN,
	LB_QUESTIONS, LB_QUESTION, LB_RAISED_BY, LB_ANSWER, LB_MOVED_FROM, LB_RACI, LB_PERSON,
	LB_RACI_NO_A, LB_RACI_NO_R,
	LB_EMAIL, LB_REGRETS,
	LB_MINUTES, LB_KO, LB_TKO,
	LB_STATE, LB_AGREED_AT, LB_CARRIED_FROM,
	LB_COUNT
};

struct labels {
	const char *s[LB_COUNT];
	const char *colon;               /* after a label: ": " or "：" */
	const char *meeting_status[3];   /* enum meeting_status */
	const char *level[3];            /* enum level */
	const char *risk_status[3];      /* enum risk_status */
	const char *output_status[3];    /* enum output_status */
	const char *action_status[3];    /* enum action_status */
	const char *question_status[3];  /* enum question_status */
	const char *attendee_status[3];  /* enum attendee_status */
	const char *decision_state[3];   /* enum decision_state */
};

/* The table for lang ("zh"; anything else gives English). */
const struct labels *labels_for(const char *lang);
/* The word of L for an English label (a field's, entity.h); the English
 * itself when L has none. */
const char *labels_word(const struct labels *L, const char *english);

#endif
