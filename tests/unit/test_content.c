/* test_content.c - the content mark and the rows the change log names
 * (store_content_mark, store_changed_rows): presence and drafts leave
 * the mark, every change moves it, and the counts moved row by row end
 * where a fresh count does. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/store.h"
#include "testutil.h"

static char path[64];
static struct store *st;

static void setup(void)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	temp_path(path, sizeof path);
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_OK);
	store_set_user(st, "tester");
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	temp_remove(path);
}

static int64_t new_meeting(void)
{
	int64_t pid = 0, ko = 0;
	bool warn = false;
	ck_assert_int_eq(store_project_add(st, "Apollo", "ACME", "A-1", "en", NULL, &pid), KO_OK);
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, "2026-12-01 10:00", "Ana", &ko, &warn),
	                 KO_OK);
	return ko;
}

static bool same_mark(struct store_mark a, struct store_mark b)
{
	return a.change == b.change && a.row == b.row;
}

START_TEST(presence_leaves_the_mark)
{
	int64_t ko = new_meeting();
	struct store_mark m0, m1, m2;
	ck_assert_int_eq(store_content_mark(st, &m0), KO_OK);
	ck_assert_int_eq(store_presence_beat(st, "tester#1", ko), KO_OK);
	ck_assert_int_eq(store_draft_save(st, ko, "decision", "half typed"), KO_OK);
	ck_assert_int_eq(store_content_mark(st, &m1), KO_OK);
	ck_assert(same_mark(m0, m1));
	struct decision d = { .meeting_id = ko, .text = "Go", .decided_by = "Ana" };
	int64_t id = 0;
	ck_assert_int_eq(store_decision_add(st, &d, &id), KO_OK);
	ck_assert_int_eq(store_content_mark(st, &m2), KO_OK);
	ck_assert_int_gt(m2.change, m1.change);
	ck_assert_int_gt(m2.row, m1.row);
	struct store_changed rows[8];
	int n = 0;
	ck_assert_int_eq(store_changed_rows(st, m1.row, m2.row, rows, 8, &n, 0, NULL), KO_OK);
	ck_assert_int_eq(n, 1);
	ck_assert_str_eq(rows[0].table, "decision");
	ck_assert_int_eq(rows[0].row_id, id);
}
END_TEST

static void expect_counts(const struct progress *got, const struct progress *want)
{
	ck_assert_int_eq(got->attendees, want->attendees);
	ck_assert_int_eq(got->present, want->present);
	ck_assert_int_eq(got->items, want->items);
	ck_assert_int_eq(got->checked, want->checked);
	ck_assert_int_eq(got->decisions, want->decisions);
	ck_assert_int_eq(got->risks, want->risks);
	ck_assert_int_eq(got->risks_open, want->risks_open);
	ck_assert_int_eq(got->outputs, want->outputs);
	ck_assert_int_eq(got->outputs_done, want->outputs_done);
	ck_assert_int_eq(got->actions, want->actions);
	ck_assert_int_eq(got->actions_done, want->actions_done);
	ck_assert_int_eq(got->actions_overdue, want->actions_overdue);
}

START_TEST(counts_move_row_by_row)
{
	int64_t ko = new_meeting();
	struct progress p, fresh;
	struct store_mark m0, m1;
	ck_assert_int_eq(store_meeting_progress(st, ko, &p), KO_OK);
	ck_assert_int_eq(store_content_mark(st, &m0), KO_OK);

	struct attendee at = { .meeting_id = ko, .name = "Ana", .role = "", .organisation = "",
	                       .status = PSTATUS_PRESENT };
	struct decision d = { .meeting_id = ko, .text = "Go", .decided_by = "Ana",
	                      .item_position = 4 };
	struct risk r = { .meeting_id = ko, .text = "Late", .mitigation = "", .owner = "" };
	struct action late = { .meeting_id = ko, .text = "Send", .owner = "Bo", .due = "2026-01-05" };
	struct action later = { .meeting_id = ko, .text = "Sign", .owner = "Bo", .due = "2027-01-05" };
	int64_t id = 0, did = 0, aid = 0;
	ck_assert_int_eq(store_attendee_add(st, &at, &id), KO_OK);
	ck_assert_int_eq(store_item_check(st, ko, 2, true), KO_OK);
	ck_assert_int_eq(store_item_check(st, ko, 3, true), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &d, &did), KO_OK);
	ck_assert_int_eq(store_risk_add(st, &r, &id), KO_OK);
	ck_assert_int_eq(store_action_add(st, &late, &aid), KO_OK);
	ck_assert_int_eq(store_action_add(st, &later, &id), KO_OK);
	ck_assert_int_eq(store_action_set_status(st, id, ASTATUS_DONE), KO_OK);
	ck_assert_int_eq(store_output_set(st, ko, 1, OSTATUS_DONE, NULL, NULL), KO_OK);
	/* Item 3 (ticked) goes; those after it are renumbered. */
	vec_item items = { 0 };
	ck_assert_int_eq(store_items(st, ko, &items), KO_OK);
	ck_assert_int_eq(store_item_delete(st, items.v[2].id), KO_OK);
	vec_item_free(&items);
	char *summary = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &summary, &other), KO_OK);   /* the item back */
	free(summary);
	free(other);
	ck_assert_int_eq(store_decision_delete(st, did), KO_OK);
	/* Another meeting's rows count for nothing here. */
	int64_t pid = 0, other_ko = 0;
	bool warn = false;
	ck_assert_int_eq(store_project_add(st, "Gemini", "", "", "en", NULL, &pid), KO_OK);
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, "2026-12-02 10:00", "Bo", &other_ko,
	                                   &warn), KO_OK);
	ck_assert_int_eq(store_item_check(st, other_ko, 1, true), KO_OK);

	ck_assert_int_eq(store_content_mark(st, &m1), KO_OK);
	static struct store_changed rows[512];
	int n = 0;
	ck_assert_int_eq(store_changed_rows(st, m0.row, m1.row, rows, 512, &n, ko, &p), KO_OK);
	ck_assert_int_le(n, 512);
	ck_assert_int_eq(store_meeting_progress(st, ko, &fresh), KO_OK);
	ck_assert_int_eq(fresh.checked, 2);
	ck_assert_int_eq(fresh.actions_overdue, 1);
	expect_counts(&p, &fresh);
	/* Each row once, however often it changed. */
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			ck_assert(rows[i].row_id != rows[j].row_id || strcmp(rows[i].table, rows[j].table));
	/* More rows than asked for: told so. */
	ck_assert_int_eq(store_changed_rows(st, m0.row, m1.row, rows, 3, &n, 0, NULL), KO_OK);
	ck_assert_int_eq(n, 4);
}
END_TEST

Suite *suite_content(void)
{
	Suite *s = suite_create("content");
	TCase *tc = tcase_create("mark");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, presence_leaves_the_mark);
	tcase_add_test(tc, counts_move_row_by_row);
	suite_add_tcase(s, tc);
	return s;
}
