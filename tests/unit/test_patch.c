/* test_patch.c - partial edits (store_patch): only the fields given are
 * written, over the row as it is inside the write; a field someone else
 * changed since the editor's base clashes, one they changed that the edit
 * leaves alone is kept; every entity's fields land in their own column. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/store.h"
#include "testutil.h"

static char path[64];
static struct store *st, *other;
static sqlite3 *raw;
static int64_t project, meeting;

static void setup(void)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	temp_path(path, sizeof path);
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_OK);
	ck_assert_int_eq(store_open(path, 0, &other, &e), KO_OK);
	store_set_user(st, "ana");
	store_set_user(other, "bo");
	raw = raw_open(path);
	ck_assert_int_eq(store_project_add(st, "Apollo", "ACME", "A-1", "en", NULL, &project), KO_OK);
	bool warn;
	ck_assert_int_eq(store_meeting_add(st, project, KIND_KO, NULL, "", &meeting, &warn), KO_OK);
}

static void teardown(void)
{
	store_close(st);
	store_close(other);
	st = other = NULL;
	sqlite3_close(raw);
	raw = NULL;
	temp_remove(path);
}

/* The rows of the SELECT fmt (a literal with one %lld for id), as lines. */
#define EXPECT_ROW(fmt, id, want) do { \
	char sql_[512]; \
	snprintf(sql_, sizeof sql_, fmt, (long long)(id)); \
	char *got_ = raw_dump(raw, sql_); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

#define MEETING_ROW "SELECT title, coalesce(starts_at, 'NULL'), place, host, purpose, status" \
	" FROM meeting WHERE id = %lld"

START_TEST(writes_only_the_fields_given)
{
	/* Both sessions read the meeting, then each sets one field: neither
	 * write carries the other's stale value. */
	struct store_patch a = { 0 }, b = { 0 };
	store_patch_set(&a, FIELD_MEETING_PLACE, "Room 4");
	store_patch_set(&b, FIELD_MEETING_HOST, "Bo");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &a), KO_OK);
	ck_assert_int_eq(store_patch(other, STORE_MEETING, meeting, &b), KO_OK);
	EXPECT_ROW(MEETING_ROW, meeting, "Kick-off|NULL|Room 4|Bo||planned\n");
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM change WHERE summary = 'edit meeting'"), 2);
	ck_assert_int_eq(raw_int(raw, "SELECT version FROM meeting"), 3);
}
END_TEST

START_TEST(empty_patch_logs_nothing)
{
	long long before = raw_int(raw, "SELECT count(*) FROM change");
	struct store_patch p = { 0 };
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &p), KO_OK);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM change"), before);
	ck_assert_int_eq(raw_int(raw, "SELECT version FROM meeting"), 1);
}
END_TEST

START_TEST(base_clash_and_kept)
{
	/* The editor started from the stored row; then bo changes the title
	 * and the place. */
	const char *base[] = { "Kick-off", "", "", "", "", "planned" };
	struct store_patch b = { 0 };
	store_patch_set(&b, FIELD_MEETING_TITLE, "KO (bo)");
	store_patch_set(&b, FIELD_MEETING_PLACE, "Room 9");
	ck_assert_int_eq(store_patch(other, STORE_MEETING, meeting, &b), KO_OK);

	/* An edit of the host alone goes through, keeping bo's fields, and
	 * says which of them it kept. */
	struct store_patch p = { 0 };
	memcpy(p.base, base, sizeof base);
	store_patch_set(&p, FIELD_MEETING_HOST, "Ana");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &p), KO_OK);
	ck_assert_uint_eq(p.clash, 0);
	ck_assert_uint_eq(p.kept, 1u << FIELD_MEETING_TITLE | 1u << FIELD_MEETING_PLACE);
	EXPECT_ROW(MEETING_ROW, meeting, "KO (bo)|NULL|Room 9|Ana||planned\n");

	/* An edit of the title from the old base clashes: nothing written. */
	long long changes = raw_int(raw, "SELECT count(*) FROM change");
	struct store_patch c = { 0 };
	memcpy(c.base, base, sizeof base);
	store_patch_set(&c, FIELD_MEETING_TITLE, "KO (ana)");
	store_patch_set(&c, FIELD_MEETING_PURPOSE, "Start");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &c), KO_CONFLICT);
	ck_assert_uint_eq(c.clash, 1u << FIELD_MEETING_TITLE);
	ck_assert_ptr_nonnull(strstr(store_error(st)->msg, "title"));
	EXPECT_ROW(MEETING_ROW, meeting, "KO (bo)|NULL|Room 9|Ana||planned\n");
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM change"), changes);

	/* The same change made on both sides is no clash. */
	struct store_patch d = { 0 };
	memcpy(d.base, base, sizeof base);
	store_patch_set(&d, FIELD_MEETING_TITLE, "KO (bo)");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &d), KO_OK);

	/* From the stored value as base, the title is ours to set. */
	c.base[FIELD_MEETING_TITLE] = "KO (bo)";
	c.base[FIELD_MEETING_PLACE] = "Room 9";
	c.base[FIELD_MEETING_HOST] = "Ana";
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &c), KO_OK);
	EXPECT_ROW(MEETING_ROW, meeting, "KO (ana)|NULL|Room 9|Ana|Start|planned\n");
}
END_TEST

START_TEST(refused_values_write_nothing)
{
	struct store_patch p = { 0 };
	store_patch_set(&p, FIELD_MEETING_STATUS, "finished");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &p), KO_INVALID);
	struct store_patch q = { 0 };
	store_patch_set(&q, FIELD_MEETING_AT, "2026-13-01 10:00");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &q), KO_INVALID);
	struct store_patch r = { 0 };
	store_patch_set(&r, FIELD_PROJECT_NAME, "");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, project, &r), KO_INVALID);
	store_patch_set(&r, FIELD_PROJECT_NAME, "A/B");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, project, &r), KO_INVALID);
	int64_t p2;
	ck_assert_int_eq(store_project_add(st, "Gemini", "", "", "en", NULL, &p2), KO_OK);
	store_patch_set(&r, FIELD_PROJECT_NAME, "Apollo");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, p2, &r), KO_EXISTS);
	ck_assert_str_eq(store_error(st)->msg, "a project named 'Apollo' already exists");
	/* A look-alike (a no-break space, a zero-width space) is the same name. */
	store_patch_set(&r, FIELD_PROJECT_NAME, "Apo\xe2\x80\x8bllo");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, p2, &r), KO_EXISTS);
	store_patch_set(&r, FIELD_PROJECT_NAME, " Apollo\xc2\xa0");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, p2, &r), KO_EXISTS);
	/* Its own name, retyped with a blank at the end, is no clash. */
	store_patch_set(&r, FIELD_PROJECT_NAME, "Gemini ");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, p2, &r), KO_OK);
	ck_assert_int_eq(raw_int(raw, "SELECT name = 'Gemini' FROM project WHERE id = 2"), 1);
	struct store_patch gone = { 0 };
	store_patch_set(&gone, FIELD_RISK_TEXT, "x");
	ck_assert_int_eq(store_patch(st, STORE_RISK, 999, &gone), KO_NOTFOUND);
	ck_assert_str_eq(store_error(st)->msg, "no risk with id 999");
	EXPECT_ROW(MEETING_ROW, meeting, "Kick-off|NULL||||planned\n");
	ck_assert_int_eq(raw_int(raw, "SELECT version FROM project WHERE id = 1"), 1);
}
END_TEST

/* Each field of each entity set to its own value lands in its own
 * column: a table entry that pointed a field at another column fails. */
START_TEST(every_field_in_its_column)
{
	struct store_patch p = { 0 };
	store_patch_set(&p, FIELD_PROJECT_NAME, "Apollo 2");
	store_patch_set(&p, FIELD_PROJECT_CUSTOMER, "Initech");
	store_patch_set(&p, FIELD_PROJECT_CODE, "I-9");
	ck_assert_int_eq(store_patch(st, STORE_PROJECT, project, &p), KO_OK);
	EXPECT_ROW("SELECT name, customer, code FROM project WHERE id = %lld", project,
	           "Apollo 2|Initech|I-9\n");

	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_MEETING_TITLE, "T1");
	store_patch_set(&p, FIELD_MEETING_AT, "2026-12-02 14:30");
	store_patch_set(&p, FIELD_MEETING_PLACE, "P1");
	store_patch_set(&p, FIELD_MEETING_HOST, "H1");
	store_patch_set(&p, FIELD_MEETING_PURPOSE, "U1");
	store_patch_set(&p, FIELD_MEETING_STATUS, "held");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &p), KO_OK);
	EXPECT_ROW(MEETING_ROW, meeting, "T1|2026-12-02 14:30|P1|H1|U1|held\n");
	store_patch_set(&p, FIELD_MEETING_AT, "");
	ck_assert_int_eq(store_patch(st, STORE_MEETING, meeting, &p), KO_OK);
	EXPECT_ROW(MEETING_ROW, meeting, "T1|NULL|P1|H1|U1|held\n");

	int64_t att;
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = meeting, .name = "N", .role = "", .organisation = "", .status = PSTATUS_PRESENT }, &att), KO_OK);
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_ATTENDEE_NAME, "N1");
	store_patch_set(&p, FIELD_ATTENDEE_ROLE, "R1");
	store_patch_set(&p, FIELD_ATTENDEE_ORGANISATION, "O1");
	store_patch_set(&p, FIELD_ATTENDEE_EMAIL, " n1@example.com ");
	store_patch_set(&p, FIELD_ATTENDEE_STATUS, "regrets");
	ck_assert_int_eq(store_patch(st, STORE_ATTENDEE, att, &p), KO_OK);
	EXPECT_ROW("SELECT name, role, organisation, email, status FROM attendee WHERE id = %lld", att,
	           "N1|R1|O1|n1@example.com|regrets\n");
	/* an address that is not one is refused; none is NULL */
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_ATTENDEE_EMAIL, "n1@");
	ck_assert_int_eq(store_patch(st, STORE_ATTENDEE, att, &p), KO_INVALID);
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_ATTENDEE_STATUS, "away");
	ck_assert_int_eq(store_patch(st, STORE_ATTENDEE, att, &p), KO_INVALID);
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_ATTENDEE_EMAIL, "");
	ck_assert_int_eq(store_patch(st, STORE_ATTENDEE, att, &p), KO_OK);
	EXPECT_ROW("SELECT email IS NULL, status FROM attendee WHERE id = %lld", att, "1|regrets\n");

	int64_t item = raw_int(raw, "SELECT id FROM item WHERE position = 1");
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_ITEM_TITLE, "I1");
	store_patch_set(&p, FIELD_ITEM_NOTE, "I-note");
	ck_assert_int_eq(store_patch(st, STORE_ITEM, item, &p), KO_OK);
	EXPECT_ROW("SELECT title, note FROM item WHERE id = %lld", item, "I1|I-note\n");

	int64_t dec;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = meeting, .text = "D", .decided_by = "" }, &dec), KO_OK);
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_DECISION_TEXT, "D1");
	store_patch_set(&p, FIELD_DECISION_BY, "B1");
	store_patch_set(&p, FIELD_DECISION_ITEM, "3");
	ck_assert_int_eq(store_patch(st, STORE_DECISION, dec, &p), KO_OK);
	EXPECT_ROW("SELECT d.text, d.decided_by, i.position FROM decision d JOIN item i"
	           " ON i.id = d.item_id WHERE d.id = %lld", dec, "D1|B1|3\n");
	store_patch_set(&p, FIELD_DECISION_ITEM, "99");
	ck_assert_int_eq(store_patch(st, STORE_DECISION, dec, &p), KO_NOTFOUND);
	store_patch_set(&p, FIELD_DECISION_ITEM, "");
	ck_assert_int_eq(store_patch(st, STORE_DECISION, dec, &p), KO_OK);
	EXPECT_ROW("SELECT coalesce(item_id, 'NULL') FROM decision WHERE id = %lld", dec, "NULL\n");

	int64_t risk;
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = meeting, .text = "R", .likelihood = LEVEL_MEDIUM, .impact = LEVEL_MEDIUM, .mitigation = "", .owner = "" }, &risk), KO_OK);
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_RISK_TEXT, "R1");
	store_patch_set(&p, FIELD_RISK_LIKELIHOOD, "low");
	store_patch_set(&p, FIELD_RISK_IMPACT, "high");
	store_patch_set(&p, FIELD_RISK_MITIGATION, "M1");
	store_patch_set(&p, FIELD_RISK_OWNER, "W1");
	store_patch_set(&p, FIELD_RISK_STATUS, "mitigated");
	store_patch_set(&p, FIELD_RISK_ITEM, "2");
	ck_assert_int_eq(store_patch(st, STORE_RISK, risk, &p), KO_OK);
	EXPECT_ROW("SELECT r.text, r.likelihood, r.impact, r.mitigation, r.owner, r.status,"
	           " i.position FROM risk r JOIN item i ON i.id = r.item_id WHERE r.id = %lld",
	           risk, "R1|low|high|M1|W1|mitigated|2\n");

	int64_t out = raw_int(raw, "SELECT id FROM output WHERE position = 1");
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_OUTPUT_NAME, "O1");
	store_patch_set(&p, FIELD_OUTPUT_OWNER, "W2");
	store_patch_set(&p, FIELD_OUTPUT_STATUS, "drafting");
	store_patch_set(&p, FIELD_OUTPUT_LINK, "L1");
	ck_assert_int_eq(store_patch(st, STORE_OUTPUT, out, &p), KO_OK);
	EXPECT_ROW("SELECT name, owner, status, link FROM output WHERE id = %lld", out,
	           "O1|W2|drafting|L1\n");

	int64_t act;
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = meeting, .text = "A", .owner = "W" }, &act), KO_OK);
	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_ACTION_TEXT, "A1");
	store_patch_set(&p, FIELD_ACTION_OWNER, "W3");
	store_patch_set(&p, FIELD_ACTION_DUE, "2026-12-24");
	store_patch_set(&p, FIELD_ACTION_STATUS, "done");
	char dec_id[24];
	snprintf(dec_id, sizeof dec_id, "%lld", (long long)dec);
	store_patch_set(&p, FIELD_ACTION_DECISION, dec_id);
	ck_assert_int_eq(store_patch(st, STORE_ACTION, act, &p), KO_OK);
	char want[128];
	snprintf(want, sizeof want, "A1|W3|2026-12-24|done|%lld|2026-11-26T09:00:00Z\n",
	         (long long)dec);
	EXPECT_ROW("SELECT text, owner, due, status, decision_id, done_at FROM action"
	           " WHERE id = %lld", act, want);
	/* Open again: the done time goes with the status. */
	struct store_patch q = { 0 };
	store_patch_set(&q, FIELD_ACTION_STATUS, "open");
	ck_assert_int_eq(store_patch(st, STORE_ACTION, act, &q), KO_OK);
	EXPECT_ROW("SELECT status, coalesce(done_at, 'NULL') FROM action WHERE id = %lld", act,
	           "open|NULL\n");
}
END_TEST

Suite *suite_store_patch(void)
{
	Suite *s = suite_create("store patch");
	TCase *tc = tcase_create("patch");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, writes_only_the_fields_given);
	tcase_add_test(tc, empty_patch_logs_nothing);
	tcase_add_test(tc, base_clash_and_kept);
	tcase_add_test(tc, refused_values_write_nothing);
	tcase_add_test(tc, every_field_in_its_column);
	suite_add_tcase(s, tc);
	return s;
}
