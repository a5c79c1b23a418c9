/* test_raci.c - the RACI matrix and open questions: the rule, the
 * upgrade of a version 5 database that has meetings, and the schema's
 * own refusals. */
#include "testutil.h"
#include "kickoff/model.h"

#define APP_ID 0x4b4b4f46

static char *read_all(const char *p)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	size_t got = fread(s, 1, (size_t)n, f);
	s[got] = '\0';
	fclose(f);
	return s;
}

START_TEST(rule_one_a_some_r)
{
	struct output o[3] = { { .id = 10, .position = 1 }, { .id = 11, .position = 2 },
	                       { .id = 12, .position = 3 } };
	vec_output outs = { o, 3, 3 };
	struct raci c[] = {
		{ .output_position = 1, .role = RACI_A }, { .output_position = 1, .role = RACI_R },
		{ .output_position = 2, .role = RACI_A }, { .output_position = 2, .role = RACI_A },
		{ .output_position = 3, .role = RACI_R }, { .output_position = 3, .role = RACI_C },
	};
	vec_raci cells = { c, 6, 6 };
	struct raci_check bad[4];
	ck_assert_int_eq(raci_problems(&outs, &cells, bad, 4), 2);
	ck_assert_int_eq(bad[0].position, 2);
	ck_assert_int_eq(bad[0].a, 2);
	ck_assert_int_eq(bad[0].r, 0);
	ck_assert_int_eq(bad[1].position, 3);
	ck_assert_int_eq(bad[1].a, 0);
	ck_assert_int_eq(bad[1].r, 1);
	/* More findings than room: counted all the same. */
	ck_assert_int_eq(raci_problems(&outs, &cells, bad, 1), 2);
	ck_assert_int_eq(raci_role_parse("a"), RACI_A);
	ck_assert_int_eq(raci_role_parse("I"), RACI_I);
	ck_assert_int_eq(raci_role_parse("X"), -1);
	ck_assert_int_eq(raci_role_parse("RA"), -1);
}
END_TEST

/* A version 5 file with a meeting upgrades; its outputs and attendees
 * take cells, its meetings questions, and the schema keeps a cell to
 * one meeting and an answered question to its answer. */
START_TEST(upgrade_from_v5_with_meetings)
{
	const char *d = getenv("KICKOFF_FIXTURES");
	char fx[512];
	snprintf(fx, sizeof fx, "%s/schema-v5.sql", d && *d ? d : "tests/unit/fixtures");
	char *sql = read_all(fx);
	ck_assert_ptr_nonnull(sql);
	char p[64];
	temp_path(p, sizeof p);
	sqlite3 *db = raw_open(p);
	raw_exec(db, sql);
	char pragma[96];
	snprintf(pragma, sizeof pragma, "PRAGMA application_id=%d; PRAGMA user_version=5", APP_ID);
	raw_exec(db, pragma);
	raw_exec(db, "INSERT INTO project(id, name, created_at) VALUES (1, 'Old', '2026-01-01T00:00:00Z');"
	             "INSERT INTO meeting(id, project_id, kind) VALUES (1, 1, 'ko'), (2, 1, 'tko');"
	             "INSERT INTO output(id, meeting_id, position, name) VALUES (1, 1, 1, 'Plan'),"
	             " (2, 2, 1, 'Design');"
	             "INSERT INTO attendee(id, meeting_id, name) VALUES (1, 1, 'Ana'), (2, 2, 'Bob');");
	sqlite3_close(db);
	free(sql);

	struct store *st;
	struct ko_error e = { 0 };
	ck_assert_msg(store_open(p, 0, &st, &e) == KO_OK, "%s", e.msg);
	store_set_user(st, "tester");
	ck_assert_int_eq(store_raci_set(st, 1, 1, 1, RACI_A), KO_OK);
	/* Bob is the TKO's: not in the KO's matrix. */
	ck_assert_int_eq(store_raci_set(st, 1, 1, 2, RACI_R), KO_NOTFOUND);
	vec_raci cells;
	ck_assert_int_eq(store_raci(st, 1, &cells), KO_OK);
	ck_assert_int_eq(cells.n, 1);
	ck_assert_int_eq(cells.v[0].output_position, 1);
	ck_assert_int_eq(cells.v[0].role, RACI_A);
	vec_raci_free(&cells);
	int64_t qid = 0, moved = 0;
	ck_assert_int_eq(store_question_add(st, &(struct question){ .meeting_id = 1, .text = "Which cloud?" },
	                                    &qid), KO_OK);
	ck_assert_int_eq(store_question_move(st, qid, &moved), KO_OK);
	struct question q;
	ck_assert_int_eq(store_question_get(st, moved, &q), KO_OK);
	ck_assert_int_eq(q.meeting_id, 2);
	ck_assert_int_eq(q.moved_from, qid);
	ck_assert_int_eq(q.status, QSTATUS_OPEN);
	question_free(&q);
	store_close(st);

	db = raw_open(p);
	raw_exec(db, "PRAGMA foreign_keys = ON");
	ck_assert_int_eq(raw_int(db, "PRAGMA user_version"), store_schema_version());
	/* The KO's output with the TKO's attendee: no such (attendee, meeting). */
	ck_assert_int_ne(sqlite3_exec(db, "INSERT INTO raci(meeting_id, output_id, attendee_id, role)"
	                                  " VALUES (1, 1, 2, 'R')", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "INSERT INTO raci(meeting_id, output_id, attendee_id, role)"
	                                  " VALUES (1, 1, 1, 'X')", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE question SET status = 'answered' WHERE meeting_id = 2",
	                              NULL, NULL, NULL), SQLITE_OK);
	/* The cell goes with its output. */
	raw_exec(db, "DELETE FROM output WHERE id = 1");
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM raci"), 0);
	sqlite3_close(db);
	temp_remove(p);
}
END_TEST

Suite *suite_raci(void)
{
	Suite *s = suite_create("raci");
	TCase *tc = tcase_create("raci");
	tcase_add_test(tc, rule_one_a_some_r);
	tcase_add_test(tc, upgrade_from_v5_with_meetings);
	suite_add_tcase(s, tc);
	return s;
}
