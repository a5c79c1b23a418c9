/* test_agenda.c - the agenda's clock: the arithmetic of agenda.h, and the
 * store's clock and moves (one clock per meeting, time kept over a
 * restart, moves undone). */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/agenda.h"
#include "testutil.h"

/* An item of the arithmetic's tests: planned minutes, the seconds run
 * before, and the start of the run under way ("" when stopped). */
static struct item mk(int planned, int seconds, const char *started, const char *checked)
{
	return (struct item){ .planned_minutes = planned, .clock_seconds = seconds,
	                      .clock_started_at = (char *)started, .checked_at = (char *)checked };
}

START_TEST(stamps_and_elapsed)
{
	ck_assert_int_eq(stamp_seconds("1970-01-01T00:01:05Z"), 65);
	ck_assert_int_eq(stamp_seconds("2026-11-26T09:00:00Z"), 1795683600);
	ck_assert_int_eq(stamp_seconds("2026-11-26 09:00"), -1);
	ck_assert_int_eq(stamp_seconds("2026-13-26T09:00:00Z"), -1);
	ck_assert_int_eq(stamp_seconds(""), -1);
	int64_t t0 = stamp_seconds("2026-11-26T09:00:00Z");
	struct item stopped = mk(10, 125, "", "");
	ck_assert(!item_running(&stopped));
	ck_assert_int_eq(item_elapsed(&stopped, t0 + 999), 125);
	struct item running = mk(10, 125, "2026-11-26T09:00:00Z", "");
	ck_assert(item_running(&running));
	ck_assert_int_eq(item_elapsed(&running, t0 + 60), 185);
	/* A clock set back before the start takes nothing off. */
	ck_assert_int_eq(item_elapsed(&running, t0 - 3600), 125);
	/* Over only past the plan, and never without one. */
	ck_assert(!item_over(&running, t0 + 475));
	ck_assert(item_over(&running, t0 + 476));
	struct item unplanned = mk(0, 9999, "", "");
	ck_assert(!item_over(&unplanned, t0));
	ck_assert_int_eq(minutes_of(0), 0);
	ck_assert_int_eq(minutes_of(29), 0);
	ck_assert_int_eq(minutes_of(30), 1);
	ck_assert_int_eq(minutes_of(89), 1);
	ck_assert_int_eq(minutes_of(90), 2);
	ck_assert_int_eq(minutes_of(-5), 0);
}
END_TEST

START_TEST(texts_and_bars)
{
	char buf[64];
	clock_text(0, buf, sizeof buf);
	ck_assert_str_eq(buf, "0:00");
	clock_text(425, buf, sizeof buf);
	ck_assert_str_eq(buf, "7:05");
	clock_text(3725, buf, sizeof buf);
	ck_assert_str_eq(buf, "1:02:05");
	clock_text(-3, buf, sizeof buf);
	ck_assert_str_eq(buf, "0:00");
	agenda_bar(0, 10, 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "░░░░░");
	agenda_bar(6 * 60, 10, 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "███░░");
	agenda_bar(10 * 60, 10, 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "█████");
	/* Past the plan: another glyph in every cell, readable without colour. */
	agenda_bar(10 * 60 + 1, 10, 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "▓▓▓▓▓");
	agenda_bar(100, 0, 5, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	/* A buffer too small is cut at a whole glyph, never mid-character. */
	char small[8];
	agenda_bar(0, 10, 5, small, sizeof small);
	ck_assert_str_eq(small, "░░");
}
END_TEST

START_TEST(meeting_totals_and_end)
{
	int64_t t0 = stamp_seconds("2026-11-26T09:00:00Z");
	struct item v[3] = { mk(5, 420, "", "2026-11-26T09:07:00Z"),
	                     mk(10, 60, "2026-11-26T09:00:00Z", ""), mk(15, 0, "", "") };
	ck_assert_int_eq(agenda_planned(v, 3), 30);
	ck_assert_int_eq(agenda_elapsed(v, 3, t0 + 30), 420 + 60 + 30);
	ck_assert_int_eq(agenda_running(v, 3), 1);
	ck_assert(!agenda_ended(v, 3));           /* a clock runs */
	v[1].clock_started_at = "";
	ck_assert_int_eq(agenda_running(v, 3), -1);
	ck_assert(!agenda_ended(v, 3));           /* the last item not timed, not all ticked */
	v[2].clock_seconds = 700;
	ck_assert(agenda_ended(v, 3));            /* the clock stopped on the last item */
	v[2].clock_seconds = 0;
	v[1].checked_at = "x";
	v[2].checked_at = "x";
	ck_assert(agenda_ended(v, 3));            /* every item ticked */
	struct item none[2] = { mk(5, 0, "", "x"), mk(5, 0, "", "x") };
	ck_assert(!agenda_ended(none, 2));        /* ticked but never timed */
	ck_assert(!agenda_ended(none, 0));
	char end[17];
	ck_assert(agenda_end("2026-11-26 09:00", 110, end));
	ck_assert_str_eq(end, "2026-11-26 10:50");
	ck_assert(agenda_end("2026-12-31 23:30", 45, end));
	ck_assert_str_eq(end, "2027-01-01 00:15");
	ck_assert(agenda_end("2026-11-26 09:00", 0, end));
	ck_assert_str_eq(end, "2026-11-26 09:00");
	ck_assert(!agenda_end("", 10, end));
	ck_assert(!agenda_end("2026-11-26", 10, end));
}
END_TEST

/* ---- the store ---- */

static char path[64];
static struct store *st;
static int64_t meeting;

static void setup(void)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	setenv("TZ", "UTC", 1);
	unsetenv("KICKOFF_NOW_FILE");
	temp_path(path, sizeof path);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
	store_set_user(st, "tester");
	int64_t pid;
	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &pid), KO_OK);
	bool warn;
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, "2026-11-26 09:00", "", &meeting, &warn),
	                 KO_OK);
}

static void teardown(void)
{
	store_close(st);
	temp_remove(path);
}

/* The ids of the meeting's items in their order, as "id,id,...". */
static void order(char *buf, size_t n, vec_item *keep)
{
	vec_item v;
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	size_t at = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < v.n; i++) {
		ck_assert_int_eq(v.v[i].position, (int)i + 1);
		at += (size_t)snprintf(buf + at, n - at, "%s%lld", i ? "," : "", (long long)v.v[i].id);
	}
	if (keep)
		*keep = v;
	else
		vec_item_free(&v);
}

START_TEST(template_minutes)
{
	vec_item v;
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	ck_assert_uint_eq(v.n, 13);
	for (size_t i = 0; i < v.n; i++) {
		ck_assert_int_gt(v.v[i].planned_minutes, 0);
		ck_assert_str_eq(v.v[i].presenter, "");
		ck_assert_str_eq(v.v[i].clock_started_at, "");
	}
	ck_assert_int_eq(agenda_planned(v.v, v.n), 110);
	vec_item_free(&v);
}
END_TEST

START_TEST(store_clock)
{
	ck_assert_int_eq(store_item_clock(st, meeting, 1, true), KO_OK);
	setenv("KICKOFF_NOW", "2026-11-26 09:07:05", 1);
	/* Starting item 2 stops item 1, with its time kept. */
	ck_assert_int_eq(store_item_clock(st, meeting, 2, true), KO_OK);
	setenv("KICKOFF_NOW", "2026-11-26 09:10:00", 1);
	vec_item v;
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	ck_assert_int_eq(v.v[0].clock_seconds, 425);
	ck_assert_str_eq(v.v[0].clock_started_at, "");
	ck_assert_str_eq(v.v[1].clock_started_at, "2026-11-26T09:07:05Z");
	ck_assert_int_eq(v.v[1].read_seconds, 175);
	ck_assert_int_eq(agenda_running(v.v, v.n), 1);
	vec_item_free(&v);
	/* Another session (a restart after a kill) sees the clock running. */
	struct store *other;
	ck_assert_int_eq(store_open(path, 0, &other, NULL), KO_OK);
	ck_assert_int_eq(store_items(other, meeting, &v), KO_OK);
	ck_assert_int_eq(item_elapsed(&v.v[1], stamp_seconds("2026-11-26T09:12:05Z")), 300);
	vec_item_free(&v);
	store_close(other);
	/* Starting what runs, or stopping what does not, writes nothing. */
	sqlite3 *db = raw_open(path);
	long long changes = raw_int(db, "SELECT count(*) FROM change");
	ck_assert_int_eq(store_item_clock(st, meeting, 2, true), KO_OK);
	ck_assert_int_eq(store_item_clock(st, meeting, 3, false), KO_OK);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM change"), changes);
	ck_assert_int_eq(store_item_clock(st, meeting, 2, false), KO_OK);
	ck_assert_int_eq(raw_int(db, "SELECT clock_seconds FROM item WHERE position = 2"), 175);
	ck_assert_int_eq(raw_int(db, "SELECT count(*) FROM item WHERE clock_started_at IS NOT NULL"), 0);
	sqlite3_close(db);
	ck_assert_int_eq(store_item_clock(st, meeting, 14, true), KO_NOTFOUND);
	ck_assert_int_eq(store_item_clock(st, meeting, 0, true), KO_NOTFOUND);
	/* Undo of the stop: the clock runs again from where it started. */
	char *summary = NULL, *other_msg = NULL;
	ck_assert_int_eq(store_undo(st, false, &summary, &other_msg), KO_OK);
	ck_assert_str_eq(summary, "stop clock");
	free(summary);
	free(other_msg);
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	ck_assert_int_eq(agenda_running(v.v, v.n), 1);
	vec_item_free(&v);
}
END_TEST

START_TEST(store_move)
{
	char before[256], after[256], back[256];
	vec_item v;
	order(before, sizeof before, &v);
	int64_t first = v.v[0].id, second = v.v[1].id, third = v.v[2].id;
	vec_item_free(&v);
	ck_assert_int_eq(store_item_move(st, meeting, 1, 3), KO_OK);
	order(after, sizeof after, &v);
	ck_assert_int_eq(v.v[0].id, second);
	ck_assert_int_eq(v.v[1].id, third);
	ck_assert_int_eq(v.v[2].id, first);
	vec_item_free(&v);
	/* Undo puts every item back at its number. */
	char *summary = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &summary, &other), KO_OK);
	ck_assert_str_eq(summary, "move item");
	free(summary);
	free(other);
	order(back, sizeof back, NULL);
	ck_assert_str_eq(back, before);
	/* Up from the last to the first, and the redo of an undo. */
	ck_assert_int_eq(store_item_move(st, meeting, 13, 1), KO_OK);
	order(after, sizeof after, &v);
	ck_assert_int_eq(v.v[1].id, first);
	vec_item_free(&v);
	/* Past the end or to itself: refused or nothing, the order kept. */
	order(before, sizeof before, NULL);
	ck_assert_int_eq(store_item_move(st, meeting, 13, 14), KO_NOTFOUND);
	ck_assert_int_eq(store_item_move(st, meeting, 0, 1), KO_NOTFOUND);
	ck_assert_int_eq(store_item_move(st, meeting, 5, 5), KO_OK);
	order(back, sizeof back, NULL);
	ck_assert_str_eq(back, before);
}
END_TEST

START_TEST(plan_by_patch)
{
	vec_item v;
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	int64_t id = v.v[0].id;
	vec_item_free(&v);
	struct store_patch p = { 0 };
	store_patch_set(&p, FIELD_ITEM_MINUTES, "12");
	store_patch_set(&p, FIELD_ITEM_PRESENTER, "  Ana Lima ");
	ck_assert_int_eq(store_patch(st, STORE_ITEM, id, &p), KO_OK);
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	ck_assert_int_eq(v.v[0].planned_minutes, 12);
	ck_assert_str_eq(v.v[0].presenter, "Ana Lima");
	vec_item_free(&v);
	struct store_patch bad = { 0 };
	store_patch_set(&bad, FIELD_ITEM_MINUTES, "1441");
	ck_assert_int_eq(store_patch(st, STORE_ITEM, id, &bad), KO_INVALID);
	struct store_patch word = { 0 };
	store_patch_set(&word, FIELD_ITEM_MINUTES, "ten");
	ck_assert_int_eq(store_patch(st, STORE_ITEM, id, &word), KO_INVALID);
	ck_assert_int_eq(store_items(st, meeting, &v), KO_OK);
	ck_assert_int_eq(v.v[0].planned_minutes, 12);
	vec_item_free(&v);
}
END_TEST

Suite *suite_agenda(void)
{
	Suite *s = suite_create("agenda");
	TCase *c = tcase_create("clock");
	tcase_add_test(c, stamps_and_elapsed);
	tcase_add_test(c, texts_and_bars);
	tcase_add_test(c, meeting_totals_and_end);
	suite_add_tcase(s, c);
	TCase *t = tcase_create("store");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, template_minutes);
	tcase_add_test(t, store_clock);
	tcase_add_test(t, store_move);
	tcase_add_test(t, plan_by_patch);
	suite_add_tcase(s, t);
	return s;
}
