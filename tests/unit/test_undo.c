/* test_undo.c - the change log, undo and redo, presence and drafts. */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kickoff/store.h"

static char path[64];
static struct store *st;

static void setup(void)
{
	snprintf(path, sizeof path, "/tmp/kickoff-undo-%d.db", (int)getpid());
	unlink(path);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
	store_set_user(st, "ana");
}

static void teardown(void)
{
	store_close(st);
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int64_t new_meeting(const char *name)
{
	int64_t pid, mid;
	ck_assert_int_eq(store_project_add(st, name, "", "", "en", NULL, &pid), KO_OK);
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, NULL, "", &mid, NULL), KO_OK);
	return mid;
}

static int count_rows(int64_t meeting_id, const char *which)
{
	struct progress p;
	ck_assert_int_eq(store_meeting_progress(st, meeting_id, &p), KO_OK);
	if (!strcmp(which, "checked")) return p.checked;
	if (!strcmp(which, "items")) return p.items;
	if (!strcmp(which, "decisions")) return p.decisions;
	if (!strcmp(which, "actions")) return p.actions;
	if (!strcmp(which, "present")) return p.present;
	return -1;
}

static void undo_ok(void)
{
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_OK);
	ck_assert_ptr_null(other);
	free(sum);
}

START_TEST(every_write_is_logged)
{
	int64_t m = new_meeting("P");
	int64_t aid, did, rid, xid;
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = m, .name = "Li", .role = "PM", .organisation = "" }, &aid), KO_OK);
	ck_assert_int_eq(store_attendee_set_present(st, aid, true), KO_OK);
	ck_assert_int_eq(store_item_check(st, m, 1, true), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Use C", .decided_by = "Li", .item_position = 1 }, &did), KO_OK);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = m, .text = "Late", .likelihood = LEVEL_HIGH, .impact = LEVEL_LOW, .mitigation = "", .owner = "Li" }, &rid), KO_OK);
	ck_assert_int_eq(store_output_set(st, m, 1, OSTATUS_DONE, "Li", NULL), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m, .text = "Write", .owner = "Li", .due = "2026-12-01", .decision_id = did }, &xid), KO_OK);
	ck_assert_int_eq(store_action_set_status(st, xid, ASTATUS_DONE), KO_OK);
	vec_change log;
	ck_assert_int_eq(store_log(st, m, 0, 0, &log), KO_OK);
	/* 8 writes on the meeting plus its creation. */
	ck_assert_uint_eq(log.n, 9);
	ck_assert_str_eq(log.v[0].summary, "set action status");
	ck_assert_str_eq(log.v[0].who, "ana");
	ck_assert_str_eq(log.v[8].summary, "add KO meeting");
	for (size_t i = 0; i < log.n; i++)
		ck_assert_int_eq(log.v[i].meeting_id, m);
	vec_change_free(&log);
}
END_TEST

START_TEST(undo_each_kind_of_write)
{
	int64_t m = new_meeting("P");
	int64_t aid, did, xid;
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = m, .name = "Li", .role = "", .organisation = "" }, &aid), KO_OK);
	ck_assert_int_eq(store_attendee_set_present(st, aid, true), KO_OK);
	ck_assert_int_eq(store_item_check(st, m, 3, true), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Use C", .decided_by = "Li", .item_position = 3 }, &did), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m, .text = "Write", .owner = "Li", .decision_id = did }, &xid), KO_OK);

	undo_ok();  /* action */
	ck_assert_int_eq(count_rows(m, "actions"), 0);
	undo_ok();  /* decision */
	ck_assert_int_eq(count_rows(m, "decisions"), 0);
	undo_ok();  /* tick */
	ck_assert_int_eq(count_rows(m, "checked"), 0);
	undo_ok();  /* present */
	ck_assert_int_eq(count_rows(m, "present"), 0);

	char *sum = NULL;
	ck_assert_int_eq(store_redo(st, false, &sum, NULL), KO_OK);
	ck_assert_str_eq(sum, "mark present");
	free(sum);
	ck_assert_int_eq(count_rows(m, "present"), 1);
	ck_assert_int_eq(store_redo(st, false, &sum, NULL), KO_OK);
	free(sum);
	ck_assert_int_eq(count_rows(m, "checked"), 1);
}
END_TEST

START_TEST(undo_delete_restores_cascade)
{
	int64_t m = new_meeting("P");
	int64_t did;
	ck_assert_int_eq(store_item_check(st, m, 2, true), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Use C", .decided_by = "Li", .item_position = 2 }, &did), KO_OK);
	struct meeting mt;
	ck_assert_int_eq(store_meeting_get(st, m, &mt), KO_OK);
	ck_assert_int_eq(store_project_delete(st, mt.project_id), KO_OK);
	ck_assert_int_eq(store_meeting_get(st, m, &mt), KO_NOTFOUND);
	undo_ok();
	struct meeting back;
	ck_assert_int_eq(store_meeting_get(st, m, &back), KO_OK);
	ck_assert_int_eq(count_rows(m, "items"), 13);
	ck_assert_int_eq(count_rows(m, "checked"), 1);
	vec_decision d;
	ck_assert_int_eq(store_decisions(st, m, &d), KO_OK);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_int_eq(d.v[0].item_position, 2);
	vec_decision_free(&d);
	meeting_free(&back);
	meeting_free(&mt);
}
END_TEST

START_TEST(undo_item_delete_renumbers_back)
{
	int64_t m = new_meeting("P");
	vec_item v;
	ck_assert_int_eq(store_items(st, m, &v), KO_OK);
	char *third = strdup(v.v[2].title);
	ck_assert_int_eq(store_item_delete(st, v.v[2].id), KO_OK);
	vec_item_free(&v);
	ck_assert_int_eq(store_items(st, m, &v), KO_OK);
	ck_assert_uint_eq(v.n, 12);
	ck_assert_int_eq(v.v[11].position, 12);
	vec_item_free(&v);
	undo_ok();
	ck_assert_int_eq(store_items(st, m, &v), KO_OK);
	ck_assert_uint_eq(v.n, 13);
	ck_assert_str_eq(v.v[2].title, third);
	for (size_t i = 0; i < v.n; i++)
		ck_assert_int_eq(v.v[i].position, (int)i + 1);
	vec_item_free(&v);
	free(third);
}
END_TEST

START_TEST(undo_survives_restart)
{
	int64_t m = new_meeting("P");
	ck_assert_int_eq(store_item_check(st, m, 1, true), KO_OK);
	store_close(st);
	ck_assert_int_eq(store_open(path, 0, &st, NULL), KO_OK);
	store_set_user(st, "ana");
	undo_ok();
	ck_assert_int_eq(count_rows(m, "checked"), 0);
}
END_TEST

START_TEST(undo_after_another_user_asks)
{
	int64_t m = new_meeting("P");
	int64_t did;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Use C", .decided_by = "Li" }, &did), KO_OK);
	store_set_user(st, "bo");
	vec_decision d;
	ck_assert_int_eq(store_decisions(st, m, &d), KO_OK);
	free(d.v[0].text);
	d.v[0].text = strdup("Use C11");
	ck_assert_int_eq(store_decision_update(st, &d.v[0]), KO_OK);
	vec_decision_free(&d);
	store_set_user(st, "ana");
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_CONFLICT);
	ck_assert_str_eq(other, "bo changed it since: 1 decision");
	ck_assert_str_eq(sum, "add decision");
	free(sum);
	free(other);
	ck_assert_int_eq(count_rows(m, "decisions"), 1);
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_OK);
	free(sum);
	ck_assert_int_eq(count_rows(m, "decisions"), 0);
}
END_TEST

START_TEST(undo_is_per_user)
{
	int64_t m = new_meeting("P");
	store_set_user(st, "bo");
	int64_t q = new_meeting("Q");
	ck_assert_int_eq(store_item_check(st, q, 5, true), KO_OK);
	store_set_user(st, "ana");
	undo_ok();  /* ana's newest: her meeting, not bo's tick */
	ck_assert_int_eq(count_rows(q, "checked"), 1);
	struct meeting mt;
	ck_assert_int_eq(store_meeting_get(st, m, &mt), KO_NOTFOUND);
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_OK);  /* the project */
	free(sum);
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_NOTFOUND);
}
END_TEST

START_TEST(redo_after_unrelated_change)
{
	int64_t m = new_meeting("P");
	ck_assert_int_eq(store_item_check(st, m, 1, true), KO_OK);
	undo_ok();
	/* Another row: the undone tick can still come back. */
	ck_assert_int_eq(store_item_check(st, m, 2, true), KO_OK);
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_redo(st, false, &sum, &other), KO_OK);
	ck_assert_str_eq(sum, "tick item");
	free(sum);
	ck_assert_int_eq(count_rows(m, "checked"), 2);
}
END_TEST

/* A later change to the same row blocks redo, whoever made it, and names
 * them; --force redoes. */
START_TEST(redo_blocked_by_change_of_same_row)
{
	int64_t m = new_meeting("P");
	ck_assert_int_eq(store_item_check(st, m, 1, true), KO_OK);
	undo_ok();
	store_set_user(st, "bo");
	ck_assert_int_eq(store_item_check(st, m, 1, true), KO_OK);
	store_set_user(st, "ana");
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_redo(st, false, &sum, &other), KO_CONFLICT);
	ck_assert_str_eq(other, "bo changed it since: 1 agenda item");
	free(other);
	free(sum);
	ck_assert_int_eq(store_redo(st, true, &sum, &other), KO_OK);
	free(sum);
}
END_TEST

static int db_int(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	int n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static char *db_text(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	char *t = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	sqlite3_close(db);
	return t;
}

/* Ann's project, Bob's meeting and decision under it: Ann's undo refuses,
 * naming Bob and what would go, and changes nothing; forced, it takes
 * exactly that; Bob's own undo then says it cannot, never "undone". */
START_TEST(undo_refuses_taking_rows_of_others)
{
	int64_t pid, mid, did;
	store_set_user(st, "ann");
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &pid), KO_OK);
	store_set_user(st, "bob");
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, NULL, "", &mid, NULL), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "Budget 100k", .decided_by = "" }, &did), KO_OK);
	int changes = db_int("SELECT count(*) FROM change");
	store_set_user(st, "ann");
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_CONFLICT);
	ck_assert_str_eq(other, "bob added rows under it: meeting Apollo/ko, 1 decision");
	ck_assert_str_eq(sum, "add project");
	free(other);
	free(sum);
	ck_assert_int_eq(db_int("SELECT count(*) FROM change"), changes);
	ck_assert_int_eq(count_rows(mid, "decisions"), 1);
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_OK);
	ck_assert_ptr_null(other);
	free(sum);
	ck_assert_int_eq(db_int("SELECT count(*) FROM project") + db_int("SELECT count(*) FROM meeting") +
	                 db_int("SELECT count(*) FROM decision") + db_int("SELECT count(*) FROM item"), 0);

	store_set_user(st, "bob");
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_NOTFOUND);
	ck_assert_str_eq(sum, "add decision");
	free(sum);
	ck_assert_str_eq(store_error(st)->msg, "cannot undo \"add decision\" any more: ann removed its rows"
	                 " since; skipped it, so the next undo reaches older changes");
	ck_assert_int_eq(db_int("SELECT count(*) FROM decision"), 0);
	/* Skipped, not stuck: the next undo reaches Bob's older change. */
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_NOTFOUND);
	ck_assert_str_eq(sum, "add KO meeting");
	free(sum);
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_NOTFOUND);
	ck_assert_ptr_null(sum);
	ck_assert_str_eq(store_error(st)->msg, "nothing of yours to undo");
	vec_change log;
	ck_assert_int_eq(store_log(st, 0, 0, 0, &log), KO_OK);
	ck_assert_str_eq(log.v[0].summary, "skip undo: add KO meeting");
	ck_assert(!log.v[0].undone && !log.v[0].skipped);
	ck_assert_str_eq(log.v[3].summary, "add decision");
	ck_assert(log.v[3].skipped && !log.v[3].undone);
	vec_change_free(&log);
}
END_TEST

/* Three people: each is named with what of theirs would go. */
START_TEST(undo_names_each_person)
{
	int64_t pid, mid, did;
	store_set_user(st, "ann");
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &pid), KO_OK);
	store_set_user(st, "bob");
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_TKO, NULL, "", &mid, NULL), KO_OK);
	store_set_user(st, "cy");
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "Use C", .decided_by = "" }, &did), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "Use SQLite", .decided_by = "" }, &did), KO_OK);
	ck_assert_int_eq(store_item_check(st, mid, 1, true), KO_OK);
	store_set_user(st, "ann");
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_CONFLICT);
	ck_assert_str_eq(other, "bob added rows under it: meeting Apollo/tko; "
	                 "cy added rows under it: 2 decisions; cy changed it since: 1 agenda item");
	free(other);
	free(sum);
}
END_TEST

/* A change and its undo by someone else cancel out: nothing of theirs is
 * left to lose, so nothing is asked. */
START_TEST(undone_edit_of_another_does_not_block)
{
	int64_t m = new_meeting("P");
	int64_t did;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Use C", .decided_by = "" }, &did), KO_OK);
	store_set_user(st, "bo");
	vec_decision d;
	ck_assert_int_eq(store_decisions(st, m, &d), KO_OK);
	free(d.v[0].text);
	d.v[0].text = strdup("Use C11");
	ck_assert_int_eq(store_decision_update(st, &d.v[0]), KO_OK);
	vec_decision_free(&d);
	undo_ok();
	store_set_user(st, "ana");
	undo_ok();
	ck_assert_int_eq(count_rows(m, "decisions"), 0);
}
END_TEST

/* Undo twice, redo twice: the first redo's rows are the second's too, and
 * they are the user's own stack, not a change made since. */
START_TEST(redo_stack_of_one_row)
{
	int64_t m = new_meeting("P");
	int64_t did;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "A", .decided_by = "" }, &did), KO_OK);
	static const char *const texts[] = { "B", "C" };
	for (int i = 0; i < 2; i++) {
		vec_decision d;
		ck_assert_int_eq(store_decisions(st, m, &d), KO_OK);
		free(d.v[0].text);
		d.v[0].text = strdup(texts[i]);
		ck_assert_int_eq(store_decision_update(st, &d.v[0]), KO_OK);
		vec_decision_free(&d);
	}
	undo_ok();
	undo_ok();
	char *text = db_text("SELECT text FROM decision");
	ck_assert_str_eq(text, "A");
	free(text);
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_redo(st, false, &sum, &other), KO_OK);
	free(sum);
	ck_assert_int_eq(store_redo(st, false, &sum, &other), KO_OK);
	free(sum);
	text = db_text("SELECT text FROM decision");
	ck_assert_str_eq(text, "C");
	free(text);
}
END_TEST

/* Ann deletes a project and Bob adds one of the same name: her undo
 * cannot put hers back; it says whose is in the way, and her older
 * changes stay reachable. */
START_TEST(skip_when_a_row_is_in_the_way)
{
	int64_t old, pid, bobs;
	store_set_user(st, "ann");
	ck_assert_int_eq(store_project_add(st, "Old", "", "", "en", NULL, &old), KO_OK);
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &pid), KO_OK);
	ck_assert_int_eq(store_project_delete(st, pid), KO_OK);
	store_set_user(st, "bob");
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &bobs), KO_OK);
	store_set_user(st, "ann");
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_NOTFOUND);
	ck_assert_str_eq(sum, "delete project");
	free(sum);
	ck_assert_str_eq(store_error(st)->msg, "cannot undo \"delete project\" any more: bob's project"
	                 " Apollo is in the way; skipped it, so the next undo reaches older changes");
	ck_assert_int_eq(db_int("SELECT count(*) FROM project"), 2);
	/* Adding Apollo has nothing left to take back: skipped too. */
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_NOTFOUND);
	ck_assert_str_eq(sum, "add project");
	free(sum);
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_OK);
	ck_assert_str_eq(sum, "add project");
	free(sum);
	ck_assert_int_eq(db_int("SELECT count(*) FROM project WHERE name = 'Old'"), 0);
	ck_assert_int_eq(db_int("SELECT count(*) FROM project WHERE name = 'Apollo'"), 1);
}
END_TEST

/* Bo deleted a decision, then ana the meeting it was in: bo's undo has
 * nowhere to put it back, says so, and changes nothing but the record. */
START_TEST(skip_when_what_it_belongs_to_is_gone)
{
	int64_t m = new_meeting("P");
	int64_t did;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Use C", .decided_by = "" }, &did), KO_OK);
	store_set_user(st, "bo");
	ck_assert_int_eq(store_decision_delete(st, did), KO_OK);
	store_set_user(st, "ana");
	ck_assert_int_eq(store_meeting_delete(st, m), KO_OK);
	store_set_user(st, "bo");
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, true, &sum, &other), KO_NOTFOUND);
	ck_assert_str_eq(sum, "delete decision");
	free(sum);
	ck_assert_str_eq(store_error(st)->msg, "cannot undo \"delete decision\" any more: what it belongs"
	                 " to is gone; skipped it, so the next undo reaches older changes");
	ck_assert_int_eq(db_int("SELECT count(*) FROM decision"), 0);
	ck_assert_int_eq(db_int("SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* Ana's undo of the meeting's delete still works, without the decision. */
	store_set_user(st, "ana");
	undo_ok();
	ck_assert_int_eq(count_rows(m, "items"), 13);
	ck_assert_int_eq(count_rows(m, "decisions"), 0);
}
END_TEST

/* A table with a column whose name is SQL: undo's statements use the
 * columns compiled into the program, so the name is never run (it would
 * upper-case the text on the way back). */
START_TEST(column_names_of_the_file_are_not_sql)
{
	int64_t m = new_meeting("P");
	int64_t did;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Budget 100k", .decided_by = "" }, &did), KO_OK);
	vec_decision d;
	ck_assert_int_eq(store_decisions(st, m, &d), KO_OK);
	free(d.v[0].text);
	d.v[0].text = strdup("Budget 200k");
	ck_assert_int_eq(store_decision_update(st, &d.v[0]), KO_OK);
	vec_decision_free(&d);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "ALTER TABLE decision ADD COLUMN \"text = upper(text), item_id\"",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	undo_ok();
	char *text = db_text("SELECT text FROM decision");
	ck_assert_str_eq(text, "Budget 100k");
	free(text);
	undo_ok();
	ck_assert_int_eq(db_int("SELECT count(*) FROM decision"), 0);
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_redo(st, false, &sum, &other), KO_OK);
	free(sum);
	text = db_text("SELECT text FROM decision");
	ck_assert_str_eq(text, "Budget 100k");
	free(text);
}
END_TEST

START_TEST(last_change_names_who)
{
	int64_t m = new_meeting("Apollo"), id;
	struct change_info c;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = m, .text = "Weekly status", .decided_by = "" }, &id), KO_OK);
	store_set_user(st, "bo");
	vec_decision v = { 0 };
	ck_assert_int_eq(store_decisions(st, m, &v), KO_OK);
	free(v.v[0].text);
	v.v[0].text = strdup("Weekly status on Mondays");
	ck_assert_int_eq(store_decision_update(st, &v.v[0]), KO_OK);
	/* The same version again: the row moved on. */
	ck_assert_int_eq(store_decision_update(st, &v.v[0]), KO_CONFLICT);
	vec_decision_free(&v);
	ck_assert_int_eq(store_last_change(st, "decision", id, &c), KO_OK);
	ck_assert_str_eq(c.who, "bo");
	ck_assert_str_eq(c.summary, "edit decision");
	ck_assert_int_eq(c.meeting_id, m);
	free(c.at);
	free(c.who);
	free(c.summary);
	ck_assert_int_eq(store_last_change(st, "decision", id + 1000, &c), KO_NOTFOUND);
}
END_TEST

START_TEST(presence_and_drafts)
{
	int64_t m = new_meeting("P");
	char *others = NULL;
	ck_assert_int_eq(store_presence_beat(st, "s1", m), KO_OK);
	store_set_user(st, "bo");
	ck_assert_int_eq(store_presence_beat(st, "s2", m), KO_OK);
	ck_assert_int_eq(store_presence_others(st, "s2", m, &others), KO_OK);
	ck_assert_str_eq(others, "ana");
	free(others);
	ck_assert_int_eq(store_presence_leave(st, "s1"), KO_OK);
	ck_assert_int_eq(store_presence_others(st, "s2", m, &others), KO_OK);
	ck_assert_str_eq(others, "");
	free(others);

	ck_assert_int_eq(store_draft_save(st, m, "decision", "半句话"), KO_OK);
	int64_t dm;
	char *what, *text;
	store_set_user(st, "ana");
	ck_assert_int_eq(store_draft_take(st, &dm, &what, &text), KO_OK);
	ck_assert_ptr_null(text);  /* bo's draft is not ana's */
	store_set_user(st, "bo");
	ck_assert_int_eq(store_draft_take(st, &dm, &what, &text), KO_OK);
	ck_assert_str_eq(text, "半句话");
	ck_assert_str_eq(what, "decision");
	ck_assert_int_eq(dm, m);
	free(what);
	free(text);
	ck_assert_int_eq(store_draft_take(st, &dm, &what, &text), KO_OK);
	ck_assert_ptr_null(text);
}
END_TEST

Suite *suite_undo(void)
{
	Suite *s = suite_create("undo");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, every_write_is_logged);
	tcase_add_test(tc, undo_each_kind_of_write);
	tcase_add_test(tc, undo_delete_restores_cascade);
	tcase_add_test(tc, undo_item_delete_renumbers_back);
	tcase_add_test(tc, undo_survives_restart);
	tcase_add_test(tc, undo_after_another_user_asks);
	tcase_add_test(tc, undo_is_per_user);
	tcase_add_test(tc, redo_after_unrelated_change);
	tcase_add_test(tc, redo_blocked_by_change_of_same_row);
	tcase_add_test(tc, undo_refuses_taking_rows_of_others);
	tcase_add_test(tc, undo_names_each_person);
	tcase_add_test(tc, undone_edit_of_another_does_not_block);
	tcase_add_test(tc, redo_stack_of_one_row);
	tcase_add_test(tc, skip_when_a_row_is_in_the_way);
	tcase_add_test(tc, skip_when_what_it_belongs_to_is_gone);
	tcase_add_test(tc, column_names_of_the_file_are_not_sql);
	tcase_add_test(tc, last_change_names_who);
	tcase_add_test(tc, presence_and_drafts);
	suite_add_tcase(s, tc);
	return s;
}
