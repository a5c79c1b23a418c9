/* test_store_seam.c - what store.h promises whatever the backend: one
 * row of each entity by id, one delete for every entity (renumbering a
 * numbered list, naming the meeting in the history), the change token,
 * and a target naming a server this build has no backend for. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "kickoff/store.h"
#include "testutil.h"

static char path[64];
static struct store *st;
static sqlite3 *raw;
static int64_t mid;

static void setup(void)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	temp_path(path, sizeof path);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
	store_set_user(st, "tester");
	raw = raw_open(path);
	int64_t pid = 0;
	bool warn = false;
	ck_assert_int_eq(store_project_add(st, "Apollo", "ACME", "A-1", "en", NULL, &pid), KO_OK);
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, "2026-12-01 10:00", "Ana", &mid, &warn),
	                 KO_OK);
	/* Written past the store, so these tests need no add of its own. */
	char sql[512];
	snprintf(sql, sizeof sql,
	         "INSERT INTO attendee(id, meeting_id, name, role, status) VALUES (70, %lld, 'Bo', 'PM', 'present');"
	         "INSERT INTO decision(id, meeting_id, item_id, text, decided_by, decided_at)"
	         " SELECT 71, %lld, id, 'Go', 'Ana', '2026-11-26T09:00:00Z' FROM item"
	         "  WHERE meeting_id = %lld AND position = 2;"
	         "INSERT INTO risk(id, meeting_id, text, likelihood, impact, owner)"
	         " VALUES (72, %lld, 'Late', 'high', 'low', 'Cy');",
	         (long long)mid, (long long)mid, (long long)mid, (long long)mid);
	raw_exec(raw, sql);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	sqlite3_close(raw);
	raw = NULL;
	temp_remove(path);
}

#define ERRMSG (store_error(st)->msg)

static int64_t item_id(int position)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT id FROM item WHERE meeting_id = %lld AND position = %d",
	         (long long)mid, position);
	return raw_int(raw, sql);
}

START_TEST(get_each_entity)
{
	struct attendee a;
	ck_assert_int_eq(store_attendee_get(st, 70, &a), KO_OK);
	ck_assert_int_eq(a.meeting_id, mid);
	ck_assert_str_eq(a.name, "Bo");
	ck_assert_str_eq(a.role, "PM");
	ck_assert_int_eq(a.status, PSTATUS_PRESENT);
	attendee_free(&a);

	struct decision d;
	ck_assert_int_eq(store_decision_get(st, 71, &d), KO_OK);
	ck_assert_str_eq(d.text, "Go");
	ck_assert_int_eq(d.item_position, 2);
	ck_assert_int_eq(d.item_id, item_id(2));
	decision_free(&d);

	struct risk r;
	ck_assert_int_eq(store_risk_get(st, 72, &r), KO_OK);
	ck_assert_str_eq(r.text, "Late");
	ck_assert_int_eq(r.likelihood, LEVEL_HIGH);
	ck_assert_int_eq(r.impact, LEVEL_LOW);
	ck_assert_str_eq(r.owner, "Cy");
	risk_free(&r);

	struct item it;
	ck_assert_int_eq(store_item_get(st, item_id(3), &it), KO_OK);
	ck_assert_int_eq(it.position, 3);
	ck_assert_int_eq(it.meeting_id, mid);
	vec_item items;
	ck_assert_int_eq(store_items(st, mid, &items), KO_OK);
	ck_assert_str_eq(it.title, items.v[2].title);
	vec_item_free(&items);
	item_free(&it);

	vec_output outs;
	ck_assert_int_eq(store_outputs(st, mid, &outs), KO_OK);
	ck_assert_uint_gt(outs.n, 0);
	struct output o;
	ck_assert_int_eq(store_output_get(st, outs.v[0].id, &o), KO_OK);
	ck_assert_str_eq(o.name, outs.v[0].name);
	ck_assert_int_eq(o.position, 1);
	output_free(&o);
	vec_output_free(&outs);

	/* a missing row is KO_NOTFOUND, named */
	ck_assert_int_eq(store_attendee_get(st, 999, &a), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no attendee with id 999");
	ck_assert_int_eq(store_decision_get(st, 999, &d), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no decision with id 999");
	ck_assert_int_eq(store_risk_get(st, 999, &r), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no risk with id 999");
	ck_assert_int_eq(store_item_get(st, 999, &it), KO_NOTFOUND);
	ck_assert_int_eq(store_output_get(st, 999, &o), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no output with id 999");
}
END_TEST

/* The newest change's summary and meeting. */
static void expect_change(const char *summary)
{
	char *got = raw_text(raw, "SELECT summary FROM change ORDER BY id DESC LIMIT 1");
	ck_assert_str_eq(got, summary);
	free(got);
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC LIMIT 1"), mid);
}

START_TEST(delete_each_entity)
{
	ck_assert_int_eq(store_delete(st, STORE_ATTENDEE, 70), KO_OK);
	expect_change("delete attendee");
	ck_assert_int_eq(store_delete(st, STORE_ATTENDEE, 70), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no attendee with id 70");
	ck_assert_int_eq(store_delete(st, STORE_DECISION, 71), KO_OK);
	expect_change("delete decision");
	ck_assert_int_eq(store_risk_delete(st, 72), KO_OK);
	expect_change("delete risk");
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM attendee WHERE role <> 'host'"), 0);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM decision"), 0);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM risk"), 0);

	/* a numbered list closes up: 1..n-1, the same rows in order */
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM item WHERE meeting_id = %lld", (long long)mid);
	long long n = raw_int(raw, sql);
	ck_assert_int_ge(n, 3);
	int64_t third = item_id(3);
	ck_assert_int_eq(store_delete(st, STORE_ITEM, item_id(2)), KO_OK);
	expect_change("delete");
	ck_assert_int_eq(raw_int(raw, sql), n - 1);
	ck_assert_int_eq(item_id(2), third);
	ck_assert_int_eq(item_id((int)n), -1);
	ck_assert_int_eq(store_delete(st, STORE_ITEM, 9999), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no agenda item with id 9999");
	ck_assert_int_eq(store_delete(st, STORE_OUTPUT, 9999), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no output with id 9999");

	/* a meeting takes what hangs from it */
	ck_assert_int_eq(store_delete(st, STORE_MEETING, mid), KO_OK);
	expect_change("delete meeting");
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM item"), 0);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM output"), 0);
	ck_assert_int_eq(store_delete(st, STORE_MEETING, mid), KO_NOTFOUND);
	ck_assert_int_eq(store_delete(st, STORE_PROJECT, 9999), KO_NOTFOUND);
	ck_assert_str_eq(ERRMSG, "no project with id 9999");
	ck_assert_int_eq(store_delete(st, (enum store_entity)99, 1), KO_INVALID);
}
END_TEST

START_TEST(change_token_moves_on_other_commits)
{
	int64_t t0, t1, t2;
	ck_assert_int_eq(store_change_token(st, &t0), KO_OK);
	ck_assert_int_eq(store_change_token(st, &t1), KO_OK);
	ck_assert_int_eq(t0, t1);
	raw_exec(raw, "UPDATE attendee SET role = 'Sponsor' WHERE id = 70");
	ck_assert_int_eq(store_change_token(st, &t2), KO_OK);
	ck_assert_int_ne(t1, t2);
	/* the older name reads the same token */
	ck_assert_int_eq(store_data_version(st, &t1), KO_OK);
	ck_assert_int_eq(t1, t2);
	ck_assert_int_eq(store_idle_work(st), KO_OK);
}
END_TEST

START_TEST(server_url_refused)
{
	const char *targets[] = { "postgresql://bob:s3cret@db.example/ko", "postgres://bob:s3cret@db/ko" };
	for (int i = 0; i < 2; i++) {
		struct store *other = NULL;
		struct ko_error e = { 0 };
		ck_assert_int_eq(store_open(targets[i], STORE_CREATE, &other, &e), KO_STORE);
		ck_assert_ptr_null(other);
		ck_assert_ptr_nonnull(strstr(e.msg, "PostgreSQL"));
		ck_assert_ptr_null(strstr(e.msg, "s3cret"));
		struct stat sb;
		ck_assert_int_ne(stat(i == 0 ? "postgresql:" : "postgres:", &sb), 0);
	}
}
END_TEST

Suite *suite_store_seam(void)
{
	Suite *s = suite_create("store_seam");
	TCase *tc = tcase_create("contract");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, get_each_entity);
	tcase_add_test(tc, delete_each_entity);
	tcase_add_test(tc, change_token_moves_on_other_commits);
	tcase_add_test(tc, server_url_refused);
	suite_add_tcase(s, tc);
	return s;
}
