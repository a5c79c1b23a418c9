/* test_store.c - the SQLite store: every entity's add, list, get, update
 * and delete; the schema's constraints; cascades; rollback of failed
 * writes; the version check; idempotent ticks; renumbering; the change
 * log the triggers write. */
#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/datetime.h"
#include "kickoff/store.h"
#include "testutil.h"

static char path[64];
static struct store *st;
static sqlite3 *raw;

static void setup(void)
{
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);
	temp_path(path, sizeof path);
	struct ko_error e = { 0 };
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, &e), KO_OK);
	store_set_user(st, "tester");
	raw = raw_open(path);
}

static void teardown(void)
{
	store_close(st);
	st = NULL;
	sqlite3_close(raw);
	raw = NULL;
	temp_remove(path);
}

#define COUNT(sql) raw_int(raw, "SELECT count(*) FROM " sql)
#define ERRMSG (store_error(st)->msg)

/* A text of n bytes of c. */
static char *filled(size_t n, char c)
{
	char *s = malloc(n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static int64_t add_project(const char *name)
{
	int64_t id = 0;
	ck_assert_int_eq(store_project_add(st, name, "ACME", "A-1", "en", NULL, &id), KO_OK);
	ck_assert_int_gt(id, 0);
	return id;
}

static int64_t add_meeting(int64_t project, enum meeting_kind kind)
{
	int64_t id = 0;
	bool warn = false;
	ck_assert_int_eq(store_meeting_add(st, project, kind, "2026-12-01 10:00", "Ana", &id, &warn),
	                 KO_OK);
	return id;
}

static long long last_change(void)
{
	return raw_int(raw, "SELECT coalesce(max(id), 0) FROM change");
}

/* The newest change is the one after `before`, by tester, and wrote a
 * change_row for tbl with op. */
static void expect_logged(long long before, const char *tbl, const char *op)
{
	ck_assert_int_eq(last_change(), before + 1);
	char sql[512];
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM change_row WHERE change_id = %lld AND tbl = '%s' AND op = '%s'",
	         before + 1, tbl, op);
	ck_assert_msg(raw_int(raw, sql) >= 1, "no %s %s row in change %lld", op, tbl, before + 1);
	snprintf(sql, sizeof sql, "SELECT who FROM change WHERE id = %lld", before + 1);
	char *who = raw_text(raw, sql);
	ck_assert_str_eq(who, "tester");
	free(who);
	snprintf(sql, sizeof sql, "SELECT at FROM change WHERE id = %lld", before + 1);
	char *at = raw_text(raw, sql);
	ck_assert_str_eq(at, "2026-11-26T09:00:00Z");
	free(at);
	/* before and after images as the op says */
	snprintf(sql, sizeof sql,
	         "SELECT count(*) FROM change_row WHERE change_id = %lld AND ("
	         " (op = 'insert' AND (before IS NOT NULL OR NOT json_valid(after))) OR"
	         " (op = 'update' AND (NOT json_valid(before) OR NOT json_valid(after))) OR"
	         " (op = 'delete' AND (NOT json_valid(before) OR after IS NOT NULL)))",
	         before + 1);
	ck_assert_int_eq(raw_int(raw, sql), 0);
}

/* A failed write left no change and touched nothing. */
static void expect_nothing_logged(long long before, long long rows_before)
{
	ck_assert_int_eq(last_change(), before);
	ck_assert_int_eq(COUNT("change_row"), rows_before);
}

/* ---- projects ---- */

START_TEST(project_crud)
{
	long long c0 = last_change();
	int64_t id = add_project("Apollo");
	expect_logged(c0, "project", "insert");
	char *name = raw_text(raw, "SELECT json_extract(after, '$.name') FROM change_row"
	                           " WHERE tbl = 'project' AND op = 'insert'");
	ck_assert_str_eq(name, "Apollo");
	free(name);

	struct project p;
	ck_assert_int_eq(store_project_get(st, id, &p), KO_OK);
	ck_assert_str_eq(p.name, "Apollo");
	ck_assert_str_eq(p.customer, "ACME");
	ck_assert_str_eq(p.code, "A-1");
	ck_assert_str_eq(p.lang, "en");
	ck_assert_str_eq(p.template_name, "standard");
	ck_assert_str_eq(p.created_at, "2026-11-26T09:00:00Z");
	ck_assert_int_eq(p.version, 1);

	struct project q;
	ck_assert_int_eq(store_project_find(st, "Apollo", &q), KO_OK);
	ck_assert_int_eq(q.id, id);
	project_free(&q);
	char idtext[24];
	snprintf(idtext, sizeof idtext, "%lld", (long long)id);
	ck_assert_int_eq(store_project_find(st, idtext, &q), KO_OK);
	ck_assert_str_eq(q.name, "Apollo");
	project_free(&q);
	ck_assert_int_eq(store_project_find(st, "Nope", &q), KO_NOTFOUND);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "Nope"));
	ck_assert_int_eq(store_project_find(st, "99", &q), KO_NOTFOUND);

	/* A project may be named like a number; the name wins. */
	int64_t b = add_project("Borealis");
	int64_t n = add_project(idtext[0] == '1' ? "2" : "1");
	ck_assert_int_eq(store_project_find(st, idtext[0] == '1' ? "2" : "1", &q), KO_OK);
	ck_assert_int_eq(q.id, n);
	project_free(&q);

	vec_project v;
	ck_assert_int_eq(store_project_list(st, NULL, 0, 0, &v), KO_OK);
	ck_assert_uint_eq(v.n, 3);
	ck_assert_str_eq(v.v[1].name, "Apollo");      /* by name */
	ck_assert_str_eq(v.v[2].name, "Borealis");
	ck_assert_int_eq(v.v[1].ko_items, -1);
	ck_assert_int_eq(v.v[1].ko_status, -1);
	vec_project_free(&v);
	ck_assert_int_eq(store_project_list(st, "bore", 0, 0, &v), KO_OK);
	ck_assert_uint_eq(v.n, 1);
	ck_assert_int_eq(v.v[0].id, b);
	vec_project_free(&v);
	ck_assert_int_eq(store_project_list(st, NULL, 1, 1, &v), KO_OK);
	ck_assert_uint_eq(v.n, 1);
	ck_assert_str_eq(v.v[0].name, "Apollo");
	vec_project_free(&v);
	int count = 0;
	ck_assert_int_eq(store_project_count(st, NULL, &count), KO_OK);
	ck_assert_int_eq(count, 3);
	ck_assert_int_eq(store_project_count(st, "acme", &count), KO_OK);
	ck_assert_int_eq(count, 3);
	ck_assert_int_eq(store_project_count(st, "zzz", &count), KO_OK);
	ck_assert_int_eq(count, 0);

	/* update, then a stale update */
	c0 = last_change();
	struct project upd = p;
	upd.name = "Apollo 2";
	upd.customer = "Globex";
	ck_assert_int_eq(store_project_update(st, &upd), KO_OK);
	expect_logged(c0, "project", "update");
	ck_assert_int_eq(raw_int(raw, "SELECT json_extract(before, '$.version') FROM change_row"
	                              " WHERE op = 'update' AND tbl = 'project'"), 1);
	ck_assert_int_eq(raw_int(raw, "SELECT json_extract(after, '$.version') FROM change_row"
	                              " WHERE op = 'update' AND tbl = 'project'"), 2);
	c0 = last_change();
	long long r0 = COUNT("change_row");
	upd.customer = "Initech";
	ck_assert_int_eq(store_project_update(st, &upd), KO_CONFLICT);
	expect_nothing_logged(c0, r0);
	project_free(&p);
	ck_assert_int_eq(store_project_get(st, id, &p), KO_OK);
	ck_assert_str_eq(p.name, "Apollo 2");
	ck_assert_str_eq(p.customer, "Globex");
	ck_assert_int_eq(p.version, 2);

	/* delete */
	c0 = last_change();
	ck_assert_int_eq(store_project_delete(st, id), KO_OK);
	expect_logged(c0, "project", "delete");
	project_free(&p);
	ck_assert_int_eq(store_project_get(st, id, &p), KO_NOTFOUND);
	c0 = last_change();
	r0 = COUNT("change_row");
	ck_assert_int_eq(store_project_delete(st, id), KO_NOTFOUND);
	expect_nothing_logged(c0, r0);
	/* updating a deleted project is a conflict, not a silent no-op */
	struct project gone = { .id = id, .name = "Apollo 2", .customer = "", .code = "",
	                        .version = 2 };
	ck_assert_int_eq(store_project_update(st, &gone), KO_CONFLICT);
}
END_TEST

START_TEST(project_constraints)
{
	int64_t id = add_project("Apollo");
	long long c0 = last_change(), r0 = COUNT("change_row");
	int64_t other = 0;

	ck_assert_int_eq(store_project_add(st, "Apollo", "", "", "en", NULL, &other), KO_EXISTS);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "Apollo"));
	ck_assert_int_eq(store_project_add(st, "", "", "", "en", NULL, &other), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "empty"));
	ck_assert_int_eq(store_project_add(st, NULL, "", "", "en", NULL, &other), KO_INVALID);
	ck_assert_int_eq(store_project_add(st, "a/b", "", "", "en", NULL, &other), KO_INVALID);
	ck_assert_int_eq(store_project_add(st, "bad\xff", "", "", "en", NULL, &other), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "UTF-8"));
	ck_assert_int_eq(store_project_add(st, "ok", "bad\xc0\x80", "", "en", NULL, &other), KO_INVALID);
	ck_assert_int_eq(store_project_add(st, "ok", "", "\xed\xa0\x80", "en", NULL, &other), KO_INVALID);
	ck_assert_int_eq(store_project_add(st, "ok", "", "", "fr", NULL, &other), KO_INVALID);
	ck_assert_int_eq(store_project_add(st, "ok", "", "", "en", "no-such", &other), KO_NOTFOUND);

	char *longname = filled(NAME_MAX_BYTES + 1, 'n');
	ck_assert_int_eq(store_project_add(st, longname, "", "", "en", NULL, &other), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "too long"));
	ck_assert_int_eq(store_project_add(st, "ok", longname, "", "en", NULL, &other), KO_INVALID);
	ck_assert_int_eq(store_project_add(st, "ok", "", longname, "en", NULL, &other), KO_INVALID);
	expect_nothing_logged(c0, r0);
	ck_assert_int_eq(COUNT("project"), 1);

	/* exactly at the limit: kept whole, never cut */
	longname[NAME_MAX_BYTES] = '\0';
	ck_assert_int_eq(store_project_add(st, longname, "", "", "en", NULL, &other), KO_OK);
	ck_assert_int_eq(raw_int(raw, "SELECT max(length(name)) FROM project"), NAME_MAX_BYTES);
	free(longname);
	/* 200 bytes of three-byte characters is 66 of them and 2 bytes over
	 * is refused whole */
	char cjk[3 * 67 + 1] = "";
	for (int i = 0; i < 67; i++)
		strcat(cjk, "\xe4\xb8\xad");
	ck_assert_int_eq(store_project_add(st, cjk, "", "", "en", NULL, &other), KO_INVALID);
	cjk[3 * 66] = '\0';
	ck_assert_int_eq(store_project_add(st, cjk, "", "", "zh", NULL, &other), KO_OK);

	/* renaming onto another project's name */
	struct project p;
	ck_assert_int_eq(store_project_get(st, id, &p), KO_OK);
	struct project upd = p;
	upd.name = cjk;
	c0 = last_change();
	r0 = COUNT("change_row");
	ck_assert_int_eq(store_project_update(st, &upd), KO_EXISTS);
	expect_nothing_logged(c0, r0);
	upd.name = "";
	ck_assert_int_eq(store_project_update(st, &upd), KO_INVALID);
	upd.name = "x/y";
	ck_assert_int_eq(store_project_update(st, &upd), KO_INVALID);
	expect_nothing_logged(c0, r0);
	project_free(&p);
	ck_assert_int_eq(store_project_get(st, id, &p), KO_OK);
	ck_assert_str_eq(p.name, "Apollo");
	ck_assert_int_eq(p.version, 1);
	project_free(&p);
}
END_TEST

/* The schema refuses what the store should never write, whoever writes. */
START_TEST(schema_checks)
{
	int64_t pid = add_project("Apollo");
	int64_t mid = add_meeting(pid, KIND_KO);
	char sql[512];
	const char *bad[] = {
		"INSERT INTO project(name, created_at) VALUES ('', 'x')",
		"INSERT INTO project(name, created_at) VALUES (NULL, 'x')",
		"INSERT INTO project(name, created_at) VALUES ('Apollo', 'x')",
		"INSERT INTO project(name, lang, created_at) VALUES ('Q', 'fr', 'x')",
		"INSERT INTO project(name) VALUES ('Q')",
		"INSERT INTO meeting(project_id, kind) VALUES ((SELECT max(id) FROM project), 'ko')",
		"INSERT INTO meeting(project_id, kind) VALUES ((SELECT max(id) FROM project), 'xo')",
		"INSERT INTO meeting(project_id, kind) VALUES (9999, 'tko')",
		"INSERT INTO meeting(project_id, kind, starts_at) VALUES ((SELECT max(id) FROM project), 'tko', '2026-12-01')",
		"INSERT INTO meeting(project_id, kind, status) VALUES ((SELECT max(id) FROM project), 'tko', 'done')",
		"INSERT INTO attendee(meeting_id, name) VALUES ((SELECT max(id) FROM meeting), '')",
		"INSERT INTO attendee(meeting_id, name, status) VALUES ((SELECT max(id) FROM meeting), 'a', 'away')",
		"INSERT INTO attendee(meeting_id, name, email) VALUES ((SELECT max(id) FROM meeting), 'a', 'nomail')",
		"INSERT INTO attendee(meeting_id, name, email) VALUES ((SELECT max(id) FROM meeting), 'a', '')",
		"INSERT INTO item(meeting_id, position, title) VALUES ((SELECT max(id) FROM meeting), 1, 'dup')",
		"INSERT INTO item(meeting_id, position, title) VALUES ((SELECT max(id) FROM meeting), 0, 'zero')",
		"INSERT INTO item(meeting_id, position, title) VALUES ((SELECT max(id) FROM meeting), 99, '')",
		"INSERT INTO item(meeting_id, position, title, checked_at) VALUES ((SELECT max(id) FROM meeting), 99, 't', 'x')",
		"INSERT INTO decision(meeting_id, text, decided_at) VALUES ((SELECT max(id) FROM meeting), '', 'x')",
		"INSERT INTO decision(meeting_id, text) VALUES ((SELECT max(id) FROM meeting), 't')",
		"INSERT INTO risk(meeting_id, text, impact) VALUES ((SELECT max(id) FROM meeting), 't', 'huge')",
		"INSERT INTO risk(meeting_id, text, likelihood) VALUES ((SELECT max(id) FROM meeting), 't', 'never')",
		"INSERT INTO risk(meeting_id, text, status) VALUES ((SELECT max(id) FROM meeting), 't', 'gone')",
		"INSERT INTO output(meeting_id, position, name, status) VALUES ((SELECT max(id) FROM meeting), 99, 'n', 'late')",
		"INSERT INTO output(meeting_id, position, name) VALUES ((SELECT max(id) FROM meeting), 1, 'dup')",
		"INSERT INTO action(meeting_id, text, owner, created_at) VALUES ((SELECT max(id) FROM meeting), 't', '', 'x')",
		"INSERT INTO action(meeting_id, text, owner, created_at) VALUES ((SELECT max(id) FROM meeting), '', 'o', 'x')",
		"INSERT INTO action(meeting_id, text, owner, due, created_at) VALUES ((SELECT max(id) FROM meeting), 't', 'o', '26-1-1', 'x')",
		"INSERT INTO action(meeting_id, text, owner, status, created_at) VALUES ((SELECT max(id) FROM meeting), 't', 'o', 'done', 'x')",
		"INSERT INTO action(meeting_id, text, owner, status, created_at) VALUES ((SELECT max(id) FROM meeting), 't', 'o', 'later', 'x')",
		"INSERT INTO action(meeting_id, text, owner, done_at, created_at) VALUES ((SELECT max(id) FROM meeting), 't', 'o', 'x', 'x')",
		"INSERT INTO template(name, body, created_at) VALUES ('t', '{oops', 'x')",
	};
	raw_exec(raw, "PRAGMA foreign_keys=ON");
	(void)mid;
	long long before = COUNT("change_row");
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(sql, sizeof sql, "%s", bad[i]);
		int rc = sqlite3_exec(raw, sql, NULL, NULL, NULL);
		ck_assert_msg((rc & 0xff) == SQLITE_CONSTRAINT, "accepted: %s", sql);
	}
	ck_assert_int_eq(COUNT("change_row"), before);
	ck_assert_int_eq(COUNT("project"), 1);
	ck_assert_int_eq(COUNT("meeting"), 1);
}
END_TEST

/* ---- meetings ---- */

START_TEST(meeting_crud)
{
	int64_t pid = add_project("Apollo");
	long long c0 = last_change();
	int64_t ko = 0;
	bool warn = true;
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, "2026-12-01 10:00", "Ana", &ko, &warn),
	                 KO_OK);
	ck_assert(!warn);
	expect_logged(c0, "meeting", "insert");
	/* one change for the meeting with its agenda and its host among the
	 * attendees: 1 + 13 + 8 + 1 rows */
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM change_row WHERE change_id ="
	                              " (SELECT max(id) FROM change)"), 1 + 13 + 8 + 1);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM attendee WHERE name = 'Ana'"
	                              " AND role = 'host' AND status = 'invited' AND email IS NULL"), 1);
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), ko);

	struct meeting m;
	ck_assert_int_eq(store_meeting_get(st, ko, &m), KO_OK);
	ck_assert_int_eq(m.project_id, pid);
	ck_assert_int_eq(m.kind, KIND_KO);
	ck_assert_str_eq(m.title, "Kick-off");
	ck_assert_str_eq(m.starts_at, "2026-12-01 10:00");
	ck_assert_str_eq(m.host, "Ana");
	ck_assert_str_eq(m.place, "");
	ck_assert_int_eq(m.status, MSTATUS_PLANNED);
	ck_assert_str_eq(m.project_name, "Apollo");
	ck_assert_str_eq(m.lang, "en");
	ck_assert_int_eq(m.version, 1);

	struct meeting f;
	ck_assert_int_eq(store_meeting_find(st, "Apollo/ko", &f), KO_OK);
	ck_assert_int_eq(f.id, ko);
	meeting_free(&f);
	char spec[24];
	snprintf(spec, sizeof spec, "%lld", (long long)ko);
	ck_assert_int_eq(store_meeting_find(st, spec, &f), KO_OK);
	ck_assert_int_eq(f.id, ko);
	meeting_free(&f);
	const char *missing[] = { "Apollo/tko", "Nope/ko", "Apollo/xx", "Apollo", "0", "-1",
	                          "999", "", "Apollo/", "/ko", "12abc" };
	for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++)
		ck_assert_msg(store_meeting_find(st, missing[i], &f) == KO_NOTFOUND,
		              "found '%s'", missing[i]);

	/* the second KO of a project is refused and leaves nothing behind */
	c0 = last_change();
	long long r0 = COUNT("change_row"), items = COUNT("item"), outputs = COUNT("output");
	int64_t dup = 0;
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, NULL, NULL, &dup, &warn), KO_EXISTS);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "already has a KO"));
	expect_nothing_logged(c0, r0);
	ck_assert_int_eq(COUNT("item"), items);
	ck_assert_int_eq(COUNT("output"), outputs);
	ck_assert_int_eq(COUNT("meeting"), 1);

	/* bad values */
	const char *bad_times[] = { "2026-02-30 10:00", "2026-11-26 24:00", "2026-13-01 10:00",
	                            "2026-12-01", "tomorrow" };
	for (size_t i = 0; i < sizeof bad_times / sizeof bad_times[0]; i++)
		ck_assert_int_eq(store_meeting_add(st, pid, KIND_TKO, bad_times[i], NULL, &dup, &warn),
		                 KO_INVALID);
	ck_assert_int_eq(store_meeting_add(st, 9999, KIND_TKO, NULL, NULL, &dup, &warn), KO_NOTFOUND);
	char *longhost = filled(NAME_MAX_BYTES + 1, 'h');
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_TKO, NULL, longhost, &dup, &warn), KO_INVALID);
	expect_nothing_logged(c0, r0);

	/* update and the version check */
	struct meeting upd = m;
	upd.title = "KO of Apollo";
	upd.place = "Room 1";
	upd.purpose = "Align";
	upd.starts_at = "2026-12-02 14:30";
	upd.status = MSTATUS_HELD;
	c0 = last_change();
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_OK);
	expect_logged(c0, "meeting", "update");
	c0 = last_change();
	r0 = COUNT("change_row");
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_CONFLICT);
	upd.version = 2;
	upd.starts_at = "2026-02-30 10:00";
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_INVALID);
	upd.starts_at = "";
	upd.host = longhost;
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_INVALID);
	upd.host = "Ana";
	upd.title = "bad\xff";
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_INVALID);
	upd.title = "t";
	upd.status = (enum meeting_status)7;
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_INVALID);
	expect_nothing_logged(c0, r0);
	free(longhost);
	meeting_free(&m);
	ck_assert_int_eq(store_meeting_get(st, ko, &m), KO_OK);
	ck_assert_str_eq(m.title, "KO of Apollo");
	ck_assert_str_eq(m.place, "Room 1");
	ck_assert_str_eq(m.purpose, "Align");
	ck_assert_str_eq(m.starts_at, "2026-12-02 14:30");
	ck_assert_int_eq(m.status, MSTATUS_HELD);
	ck_assert_int_eq(m.version, 2);
	/* an empty time clears it */
	upd = m;
	upd.starts_at = "";
	ck_assert_int_eq(store_meeting_update(st, &upd), KO_OK);
	ck_assert_int_eq(raw_int(raw, "SELECT starts_at IS NULL FROM meeting"), 1);
	meeting_free(&m);

	/* meetings_of: KO first, whatever the order of creation */
	int64_t p2 = add_project("Borealis");
	int64_t t2 = add_meeting(p2, KIND_TKO);
	int64_t k2 = add_meeting(p2, KIND_KO);
	vec_meeting vm;
	ck_assert_int_eq(store_meetings_of(st, p2, &vm), KO_OK);
	ck_assert_uint_eq(vm.n, 2);
	ck_assert_int_eq(vm.v[0].id, k2);
	ck_assert_int_eq(vm.v[1].id, t2);
	vec_meeting_free(&vm);

	/* delete takes the agenda with it */
	c0 = last_change();
	ck_assert_int_eq(store_meeting_delete(st, t2), KO_OK);
	expect_logged(c0, "meeting", "delete");
	expect_logged(c0, "item", "delete");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), t2);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM item WHERE meeting_id = %lld", (long long)t2);
	ck_assert_int_eq(raw_int(raw, sql), 0);
	ck_assert_int_eq(store_meeting_get(st, t2, &m), KO_NOTFOUND);
	ck_assert_int_eq(store_meeting_delete(st, t2), KO_NOTFOUND);
}
END_TEST

START_TEST(meeting_tko_warning)
{
	int64_t pid = add_project("Apollo");
	int64_t id;
	bool warn = false;
	/* no KO at all */
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_TKO, NULL, NULL, &id, &warn), KO_OK);
	ck_assert(warn);
	ck_assert_int_eq(store_meeting_delete(st, id), KO_OK);
	/* a planned KO */
	int64_t ko = add_meeting(pid, KIND_KO);
	warn = false;
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_TKO, NULL, NULL, &id, &warn), KO_OK);
	ck_assert(warn);
	ck_assert_int_eq(COUNT("meeting"), 2);   /* warned, still written */
	ck_assert_int_eq(store_meeting_delete(st, id), KO_OK);
	int status = -5;
	ck_assert_int_eq(store_ko_status(st, pid, &status), KO_OK);
	ck_assert_int_eq(status, MSTATUS_PLANNED);
	/* held, then closed: no warning */
	enum meeting_status ok[] = { MSTATUS_HELD, MSTATUS_CLOSED };
	for (int i = 0; i < 2; i++) {
		struct meeting m;
		ck_assert_int_eq(store_meeting_get(st, ko, &m), KO_OK);
		m.status = ok[i];
		ck_assert_int_eq(store_meeting_update(st, &m), KO_OK);
		meeting_free(&m);
		ck_assert_int_eq(store_ko_status(st, pid, &status), KO_OK);
		ck_assert_int_eq(status, ok[i]);
		warn = true;
		ck_assert_int_eq(store_meeting_add(st, pid, KIND_TKO, NULL, NULL, &id, &warn), KO_OK);
		ck_assert(!warn);
		ck_assert_int_eq(store_meeting_delete(st, id), KO_OK);
	}
	int64_t p2 = add_project("Empty");
	ck_assert_int_eq(store_ko_status(st, p2, &status), KO_OK);
	ck_assert_int_eq(status, -1);
}
END_TEST

START_TEST(meeting_chinese)
{
	int64_t pid;
	ck_assert_int_eq(store_project_add(st, "阿波罗", "", "", "zh", NULL, &pid), KO_OK);
	int64_t ko = add_meeting(pid, KIND_KO), tko = add_meeting(pid, KIND_TKO);
	struct meeting m;
	ck_assert_int_eq(store_meeting_find(st, "阿波罗/tko", &m), KO_OK);
	ck_assert_int_eq(m.id, tko);
	ck_assert_str_eq(m.title, "技术启动会");
	ck_assert_str_eq(m.lang, "zh");
	meeting_free(&m);
	vec_item items;
	ck_assert_int_eq(store_items(st, ko, &items), KO_OK);
	ck_assert_uint_eq(items.n, 13);
	ck_assert_str_eq(items.v[0].title, "项目背景介绍");
	ck_assert_str_eq(items.v[12].title, "变更管理流程");
	vec_item_free(&items);
	vec_output outs;
	ck_assert_int_eq(store_outputs(st, tko, &outs), KO_OK);
	ck_assert_uint_eq(outs.n, 9);
	ck_assert_str_eq(outs.v[8].name, "技术风险管理方案");
	vec_output_free(&outs);
}
END_TEST

/* A project whose own template (from the template table) gives the agenda. */
START_TEST(meeting_custom_template)
{
	raw_exec(raw, "INSERT INTO template(name, body, created_at) VALUES ('lean',"
	              " '{\"ko\": {\"en\": {\"items\": [\"Why\", \"What\"], \"outputs\": [\"Charter\"]}}}',"
	              " '2026-11-26T09:00:00Z')");
	int64_t pid;
	ck_assert_int_eq(store_project_add(st, "Lean", "", "", "en", "lean", &pid), KO_OK);
	int64_t ko = add_meeting(pid, KIND_KO), tko = add_meeting(pid, KIND_TKO);
	vec_item items;
	ck_assert_int_eq(store_items(st, ko, &items), KO_OK);
	ck_assert_uint_eq(items.n, 2);
	ck_assert_str_eq(items.v[1].title, "What");
	vec_item_free(&items);
	ck_assert_int_eq(store_items(st, tko, &items), KO_OK);
	ck_assert_uint_eq(items.n, 10);          /* no tko part: the built-in */
	vec_item_free(&items);
	/* a broken template body is refused without a meeting left behind */
	raw_exec(raw, "UPDATE template SET body = '{\"ko\": {\"en\": {\"items\": [\"\"]}}}'");
	ck_assert_int_eq(store_meeting_delete(st, ko), KO_OK);
	long long c0 = last_change(), r0 = COUNT("change_row");
	int64_t id;
	bool warn;
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, NULL, NULL, &id, &warn), KO_INVALID);
	expect_nothing_logged(c0, r0);
	ck_assert_int_eq(COUNT("meeting"), 1);
}
END_TEST

/* ---- attendees ---- */

START_TEST(attendee_crud)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	/* Without the host the meeting came with, the list is this test's. */
	raw_exec(raw, "DELETE FROM attendee");
	long long c0 = last_change();
	int64_t a = 0, b = 0;
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "Ana", .role = "PM", .organisation = "ACME", .email = " ana@acme.example ", .status = PSTATUS_PRESENT }, &a), KO_OK);
	expect_logged(c0, "attendee", "insert");
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "Bo" }, &b), KO_OK);
	vec_attendee v;
	ck_assert_int_eq(store_attendees(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 2);
	ck_assert_int_eq(v.v[0].id, a);
	ck_assert_str_eq(v.v[0].name, "Ana");
	ck_assert_str_eq(v.v[0].role, "PM");
	ck_assert_str_eq(v.v[0].organisation, "ACME");
	ck_assert_int_eq(v.v[0].status, PSTATUS_PRESENT);
	ck_assert_str_eq(v.v[0].email, "ana@acme.example");
	ck_assert_str_eq(v.v[1].role, "");
	ck_assert_int_eq(v.v[1].status, PSTATUS_INVITED);
	ck_assert_str_eq(v.v[1].email, "");
	char nsql[96];
	snprintf(nsql, sizeof nsql, "SELECT email IS NULL FROM attendee WHERE id = %lld", (long long)b);
	ck_assert_int_eq(raw_int(raw, nsql), 1);

	/* presence is set, not flipped */
	for (int i = 0; i < 2; i++) {
		c0 = last_change();
		ck_assert_int_eq(store_attendee_set_present(st, b, true), KO_OK);
		expect_logged(c0, "attendee", "update");
		ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), mid);
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT status = 'present' FROM attendee WHERE id = %lld", (long long)b);
		ck_assert_int_eq(raw_int(raw, sql), 1);
	}
	ck_assert_int_eq(store_attendee_set_status(st, b, PSTATUS_REGRETS), KO_OK);
	{
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT status = 'regrets' FROM attendee WHERE id = %lld", (long long)b);
		ck_assert_int_eq(raw_int(raw, sql), 1);
	}
	ck_assert_int_eq(store_attendee_set_present(st, b, false), KO_OK);
	ck_assert_int_eq(store_attendee_set_present(st, 999, true), KO_NOTFOUND);

	/* update with the version read; a stale one is refused */
	struct attendee upd = v.v[0];
	upd.role = "Sponsor";
	upd.status = PSTATUS_INVITED;
	c0 = last_change();
	ck_assert_int_eq(store_attendee_update(st, &upd), KO_OK);
	expect_logged(c0, "attendee", "update");
	c0 = last_change();
	long long r0 = COUNT("change_row");
	ck_assert_int_eq(store_attendee_update(st, &upd), KO_CONFLICT);
	upd.version++;
	upd.name = "";
	ck_assert_int_eq(store_attendee_update(st, &upd), KO_INVALID);
	char *big = filled(NAME_MAX_BYTES + 1, 'r');
	upd.name = "Ana";
	upd.role = big;
	ck_assert_int_eq(store_attendee_update(st, &upd), KO_INVALID);
	upd.role = "";
	upd.organisation = "\xc3";
	ck_assert_int_eq(store_attendee_update(st, &upd), KO_INVALID);
	upd.organisation = "";
	upd.email = "ana at acme";
	ck_assert_int_eq(store_attendee_update(st, &upd), KO_INVALID);
	ck_assert_str_eq(store_error(st)->msg,
	                 "invalid e-mail address 'ana at acme' (want one like ann@example.com)");
	upd.email = "ana@acme.example";
	expect_nothing_logged(c0, r0);
	vec_attendee_free(&v);
	ck_assert_int_eq(store_attendees(st, mid, &v), KO_OK);
	ck_assert_str_eq(v.v[0].role, "Sponsor");
	ck_assert_int_eq(v.v[0].status, PSTATUS_INVITED);
	vec_attendee_free(&v);

	/* bad adds change nothing */
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "", .role = "", .organisation = "" }, &a), KO_INVALID);
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "x\xff", .role = "", .organisation = "" }, &a), KO_INVALID);
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = big, .role = "", .organisation = "" }, &a), KO_INVALID);
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "Cy", .role = big, .organisation = "" }, &a), KO_INVALID);
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = 999, .name = "Cy", .role = "", .organisation = "" }, &a), KO_NOTFOUND);
	free(big);
	expect_nothing_logged(c0, r0);
	ck_assert_int_eq(COUNT("attendee"), 2);

	c0 = last_change();
	ck_assert_int_eq(store_attendee_delete(st, b), KO_OK);
	expect_logged(c0, "attendee", "delete");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), mid);
	ck_assert_int_eq(store_attendee_delete(st, b), KO_NOTFOUND);
	ck_assert_int_eq(COUNT("attendee"), 1);
}
END_TEST

/* ---- agenda items ---- */

START_TEST(item_crud)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	vec_item v;
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 13);
	for (size_t i = 0; i < v.n; i++) {
		ck_assert_int_eq(v.v[i].position, (int)i + 1);
		ck_assert_str_eq(v.v[i].checked_at, "");
		ck_assert_str_eq(v.v[i].checked_by, "");
	}

	/* add appends */
	long long c0 = last_change();
	int64_t extra;
	ck_assert_int_eq(store_item_add(st, &(struct item){ .meeting_id = mid, .title = "Any other business" }, &extra), KO_OK);
	expect_logged(c0, "item", "insert");
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT position FROM item WHERE id = %lld", (long long)extra);
	ck_assert_int_eq(raw_int(raw, sql), 14);
	ck_assert_int_eq(store_item_add(st, &(struct item){ .meeting_id = mid, .title = "" }, &extra), KO_INVALID);
	ck_assert_int_eq(store_item_add(st, &(struct item){ .meeting_id = 999, .title = "x" }, &extra), KO_NOTFOUND);

	/* update title and note; stale refused; limits */
	struct item upd = v.v[1];
	upd.note = "Needs a second look";
	c0 = last_change();
	ck_assert_int_eq(store_item_update(st, &upd), KO_OK);
	expect_logged(c0, "item", "update");
	long long r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_item_update(st, &upd), KO_CONFLICT);
	upd.version++;
	char *big = filled(TEXT_MAX_BYTES + 1, 'n');
	upd.note = big;
	ck_assert_int_eq(store_item_update(st, &upd), KO_INVALID);
	big[TEXT_MAX_BYTES] = '\0';
	upd.title = "";
	ck_assert_int_eq(store_item_update(st, &upd), KO_INVALID);
	expect_nothing_logged(c0, r0);
	upd.title = "Customer needs";
	ck_assert_int_eq(store_item_update(st, &upd), KO_OK);   /* the limit itself is fine */
	snprintf(sql, sizeof sql, "SELECT length(note) FROM item WHERE id = %lld", (long long)upd.id);
	ck_assert_int_eq(raw_int(raw, sql), TEXT_MAX_BYTES);
	free(big);
	vec_item_free(&v);

	/* delete renumbers what follows, and the agenda stays 1..n */
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	int64_t third = v.v[2].id;
	char *fourth = strdup(v.v[3].title);
	vec_item_free(&v);
	c0 = last_change();
	ck_assert_int_eq(store_item_delete(st, third), KO_OK);
	expect_logged(c0, "item", "delete");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), mid);
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 13);
	for (size_t i = 0; i < v.n; i++)
		ck_assert_int_eq(v.v[i].position, (int)i + 1);
	ck_assert_str_eq(v.v[2].title, fourth);
	ck_assert_str_eq(v.v[12].title, "Any other business");
	free(fourth);
	/* the first and the last, too */
	ck_assert_int_eq(store_item_delete(st, v.v[0].id), KO_OK);
	ck_assert_int_eq(store_item_delete(st, v.v[12].id), KO_OK);
	vec_item_free(&v);
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 11);
	for (size_t i = 0; i < v.n; i++)
		ck_assert_int_eq(v.v[i].position, (int)i + 1);
	vec_item_free(&v);
	c0 = last_change();
	r0 = COUNT("change_row");
	ck_assert_int_eq(store_item_delete(st, third), KO_NOTFOUND);
	expect_nothing_logged(c0, r0);
	/* a new item after deletes still goes last */
	ck_assert_int_eq(store_item_add(st, &(struct item){ .meeting_id = mid, .title = "Last" }, &extra), KO_OK);
	snprintf(sql, sizeof sql, "SELECT position FROM item WHERE id = %lld", (long long)extra);
	ck_assert_int_eq(raw_int(raw, sql), 12);
}
END_TEST

START_TEST(item_ticks_idempotent)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	long long c0 = last_change();
	ck_assert_int_eq(store_item_check(st, mid, 2, true), KO_OK);
	expect_logged(c0, "item", "update");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), mid);
	/* a second tick later, by someone else, keeps the first */
	setenv("KICKOFF_NOW", "2026-11-26 09:30", 1);
	store_set_user(st, "other");
	ck_assert_int_eq(store_item_check(st, mid, 2, true), KO_OK);
	vec_item v;
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_str_eq(v.v[1].checked_at, "2026-11-26T09:00:00Z");
	ck_assert_str_eq(v.v[1].checked_by, "tester");
	ck_assert_int_eq(v.v[1].version, 2);    /* the no-op tick did not bump it */
	int64_t id = v.v[1].id;
	vec_item_free(&v);
	/* by id, the same */
	ck_assert_int_eq(store_item_set_checked(st, id, true), KO_OK);
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_str_eq(v.v[1].checked_by, "tester");
	vec_item_free(&v);
	/* untick twice: unticked, and a fresh tick records the new time */
	ck_assert_int_eq(store_item_check(st, mid, 2, false), KO_OK);
	ck_assert_int_eq(store_item_check(st, mid, 2, false), KO_OK);
	ck_assert_int_eq(raw_int(raw, "SELECT count(checked_at) + count(checked_by) FROM item"), 0);
	ck_assert_int_eq(store_item_set_checked(st, id, true), KO_OK);
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_str_eq(v.v[1].checked_at, "2026-11-26T09:30:00Z");
	ck_assert_str_eq(v.v[1].checked_by, "other");
	ck_assert_int_eq(v.v[1].version, 4);
	vec_item_free(&v);
	long long r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_item_check(st, mid, 99, true), KO_NOTFOUND);
	ck_assert_int_eq(store_item_check(st, mid, 0, true), KO_NOTFOUND);
	ck_assert_int_eq(store_item_check(st, 999, 1, true), KO_NOTFOUND);
	ck_assert_int_eq(store_item_set_checked(st, 9999, true), KO_NOTFOUND);
	expect_nothing_logged(c0, r0);
	struct progress pr;
	ck_assert_int_eq(store_meeting_progress(st, mid, &pr), KO_OK);
	ck_assert_int_eq(pr.items, 13);
	ck_assert_int_eq(pr.checked, 1);
}
END_TEST

/* ---- decisions and risks ---- */

START_TEST(decision_crud)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	long long c0 = last_change();
	int64_t d1, d2;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "Weekly status on Mondays", .decided_by = "Ana", .item_position = 7 }, &d1), KO_OK);
	expect_logged(c0, "decision", "insert");
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "Budget approved" }, &d2), KO_OK);
	vec_decision v;
	ck_assert_int_eq(store_decisions(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 2);
	ck_assert_str_eq(v.v[0].text, "Weekly status on Mondays");
	ck_assert_str_eq(v.v[0].decided_by, "Ana");
	ck_assert_str_eq(v.v[0].decided_at, "2026-11-26T09:00:00Z");
	ck_assert_int_eq(v.v[0].item_position, 7);
	ck_assert_int_gt(v.v[0].item_id, 0);
	ck_assert_int_eq(v.v[1].item_position, 0);
	ck_assert_int_eq(v.v[1].item_id, 0);
	ck_assert_str_eq(v.v[1].decided_by, "");

	struct decision upd = v.v[1];
	upd.text = "Budget approved with 10% reserve";
	upd.item_id = v.v[0].item_id;
	c0 = last_change();
	ck_assert_int_eq(store_decision_update(st, &upd), KO_OK);
	expect_logged(c0, "decision", "update");
	long long r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_decision_update(st, &upd), KO_CONFLICT);
	upd.version++;
	upd.text = "";
	ck_assert_int_eq(store_decision_update(st, &upd), KO_INVALID);
	upd.text = "x";
	upd.item_id = 99999;       /* no such item: the foreign key */
	ck_assert_int_eq(store_decision_update(st, &upd), KO_NOTFOUND);
	vec_decision_free(&v);

	int64_t id;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "On nothing", .decided_by = "", .item_position = 99 }, &id), KO_NOTFOUND);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "", .decided_by = "" }, &id), KO_INVALID);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "\xe2\x82", .decided_by = "" }, &id), KO_INVALID);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = 999, .text = "x", .decided_by = "" }, &id), KO_NOTFOUND);
	/* the limits: a 64 KiB text is kept whole, one byte more or 1 MiB is
	 * refused, never cut */
	char *big = filled(1024 * 1024, 'd');
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = big, .decided_by = "" }, &id), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "too long"));
	big[TEXT_MAX_BYTES + 1] = '\0';
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = big, .decided_by = "" }, &id), KO_INVALID);
	big[NAME_MAX_BYTES + 1] = '\0';
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "x", .decided_by = big }, &id), KO_INVALID);
	expect_nothing_logged(c0, r0);
	memset(big, 'd', TEXT_MAX_BYTES);
	big[TEXT_MAX_BYTES] = '\0';
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = big, .decided_by = "" }, &id), KO_OK);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT length(text) FROM decision WHERE id = %lld", (long long)id);
	ck_assert_int_eq(raw_int(raw, sql), TEXT_MAX_BYTES);
	free(big);

	c0 = last_change();
	ck_assert_int_eq(store_decision_delete(st, d1), KO_OK);
	expect_logged(c0, "decision", "delete");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), mid);
	ck_assert_int_eq(store_decision_delete(st, d1), KO_NOTFOUND);
	ck_assert_int_eq(COUNT("decision"), 2);
}
END_TEST

START_TEST(risk_crud)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_TKO);
	long long c0 = last_change();
	int64_t r1;
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "Vendor API late", .likelihood = LEVEL_HIGH, .impact = LEVEL_LOW, .mitigation = "Mock it", .owner = "Bo", .item_position = 4 }, &r1), KO_OK);
	expect_logged(c0, "risk", "insert");
	vec_risk v;
	ck_assert_int_eq(store_risks(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 1);
	ck_assert_str_eq(v.v[0].text, "Vendor API late");
	ck_assert_int_eq(v.v[0].likelihood, LEVEL_HIGH);
	ck_assert_int_eq(v.v[0].impact, LEVEL_LOW);
	ck_assert_str_eq(v.v[0].mitigation, "Mock it");
	ck_assert_str_eq(v.v[0].owner, "Bo");
	ck_assert_int_eq(v.v[0].status, RSTATUS_OPEN);
	ck_assert_int_eq(v.v[0].item_position, 4);

	struct risk upd = v.v[0];
	upd.status = RSTATUS_MITIGATED;
	upd.impact = LEVEL_MEDIUM;
	upd.item_id = 0;
	c0 = last_change();
	ck_assert_int_eq(store_risk_update(st, &upd), KO_OK);
	expect_logged(c0, "risk", "update");
	long long r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_risk_update(st, &upd), KO_CONFLICT);
	upd.version++;
	/* values the schema's CHECKs refuse: rolled back whole */
	upd.status = (enum risk_status)9;
	ck_assert_int_eq(store_risk_update(st, &upd), KO_INVALID);
	upd.status = RSTATUS_CLOSED;
	upd.likelihood = (enum level)5;
	ck_assert_int_eq(store_risk_update(st, &upd), KO_INVALID);
	upd.likelihood = LEVEL_LOW;
	upd.text = "";
	ck_assert_int_eq(store_risk_update(st, &upd), KO_INVALID);
	vec_risk_free(&v);
	int64_t id;
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "x", .likelihood = (enum level)3, .impact = LEVEL_LOW, .mitigation = "", .owner = "" }, &id),
	                 KO_INVALID);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "x", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "", .item_position = 11 }, &id),
	                 KO_NOTFOUND);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "" }, &id),
	                 KO_INVALID);
	char *big = filled(TEXT_MAX_BYTES + 1, 'm');
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "x", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = big, .owner = "" }, &id),
	                 KO_INVALID);
	free(big);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = 999, .text = "x", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "" }, &id),
	                 KO_NOTFOUND);
	expect_nothing_logged(c0, r0);
	ck_assert_int_eq(store_risks(st, mid, &v), KO_OK);
	ck_assert_int_eq(v.v[0].status, RSTATUS_MITIGATED);
	ck_assert_int_eq(v.v[0].impact, LEVEL_MEDIUM);
	ck_assert_int_eq(v.v[0].item_position, 0);
	vec_risk_free(&v);

	c0 = last_change();
	ck_assert_int_eq(store_risk_delete(st, r1), KO_OK);
	expect_logged(c0, "risk", "delete");
	ck_assert_int_eq(store_risk_delete(st, r1), KO_NOTFOUND);
	ck_assert_int_eq(COUNT("risk"), 0);
}
END_TEST

/* Deleting an agenda item keeps its decisions and risks, unlinked. */
START_TEST(item_delete_unlinks)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	int64_t d, r;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "D", .decided_by = "", .item_position = 5 }, &d), KO_OK);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "R", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "", .item_position = 5 }, &r), KO_OK);
	vec_item v;
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	int64_t five = v.v[4].id;
	vec_item_free(&v);
	long long c0 = last_change();
	ck_assert_int_eq(store_item_delete(st, five), KO_OK);
	/* the unlinking is part of the same change */
	ck_assert_int_eq(last_change(), c0 + 1);
	expect_logged(c0, "decision", "update");
	expect_logged(c0, "risk", "update");
	ck_assert_int_eq(COUNT("decision WHERE item_id IS NULL"), 1);
	ck_assert_int_eq(COUNT("risk WHERE item_id IS NULL"), 1);
	vec_decision dv;
	ck_assert_int_eq(store_decisions(st, mid, &dv), KO_OK);
	ck_assert_uint_eq(dv.n, 1);
	ck_assert_int_eq(dv.v[0].item_position, 0);
	vec_decision_free(&dv);
}
END_TEST

/* ---- outputs ---- */

/* One text from the test's own connection; the last one is kept until
 * the next call. */
static const char *db_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static const char *db_text(const char *fmt, ...)
{
	static char *last;
	char sql[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	free(last);
	last = raw_text(raw, sql);
	return last ? last : "(null)";
}

/* An output's due date: added, listed, set, kept, cleared, edited, and a
 * bad one refused with nothing written. */
START_TEST(output_due)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	int64_t id;
	ck_assert_int_eq(store_output_add(st, &(struct output){ .meeting_id = mid, .name = "Plan",
	                 .owner = "Ana", .status = OSTATUS_DRAFTING, .link = "L",
	                 .due = "2026-12-24" }, &id), KO_OK);
	vec_output v;
	ck_assert_int_eq(store_outputs(st, mid, &v), KO_OK);
	const struct output *o = &v.v[v.n - 1];
	ck_assert_int_eq(o->id, id);
	ck_assert_str_eq(o->due, "2026-12-24");
	ck_assert_str_eq(o->owner, "Ana");
	ck_assert_str_eq(o->link, "L");
	ck_assert_int_eq(o->status, OSTATUS_DRAFTING);
	int pos = o->position;
	ck_assert_str_eq(v.v[0].due, "");            /* the template's have none */
	vec_output_free(&v);

	ck_assert_int_eq(store_output_set(st, mid, pos, -1, NULL, "2027-01-05"), KO_OK);
	ck_assert_int_eq(store_output_set(st, mid, pos, OSTATUS_DONE, NULL, NULL), KO_OK);
	ck_assert_str_eq(db_text("SELECT due || '|' || status FROM output WHERE id = %lld", (long long)id),
	                 "2027-01-05|done");
	long long r0 = COUNT("change_row"), c0 = last_change();
	ck_assert_int_eq(store_output_set(st, mid, pos, -1, NULL, "2027-13-45"), KO_INVALID);
	ck_assert_int_eq(store_output_add(st, &(struct output){ .meeting_id = mid, .name = "X",
	                 .due = "soon" }, &id), KO_INVALID);
	struct store_patch p = { 0 };
	store_patch_set(&p, FIELD_OUTPUT_DUE, "31/12/2026");
	ck_assert_int_eq(store_patch(st, STORE_OUTPUT, id, &p), KO_INVALID);
	expect_nothing_logged(c0, r0);

	memset(&p, 0, sizeof p);
	store_patch_set(&p, FIELD_OUTPUT_DUE, "2027-02-01");
	ck_assert_int_eq(store_patch(st, STORE_OUTPUT, id, &p), KO_OK);
	ck_assert_str_eq(db_text("SELECT due FROM output WHERE id = %lld", (long long)id), "2027-02-01");
	ck_assert_int_eq(store_output_set(st, mid, pos, -1, NULL, ""), KO_OK);
	ck_assert_int_eq(COUNT("output WHERE due IS NOT NULL"), 0);
}
END_TEST

/* add takes the row: every field it carries is written, in one change. */
START_TEST(add_writes_every_field)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	int64_t id;
	long long c0 = last_change();
	ck_assert_int_eq(store_item_add(st, &(struct item){ .meeting_id = mid, .title = "T",
	                 .note = "the note" }, &id), KO_OK);
	ck_assert_int_eq(last_change(), c0 + 1);
	ck_assert_str_eq(db_text("SELECT title || '|' || note FROM item WHERE id = %lld", (long long)id),
	                 "T|the note");
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "R",
	                 .likelihood = LEVEL_HIGH, .impact = LEVEL_LOW, .mitigation = "M",
	                 .owner = "O", .status = RSTATUS_MITIGATED }, &id), KO_OK);
	ck_assert_str_eq(db_text("SELECT likelihood || impact || mitigation || owner || status"
	                         " FROM risk WHERE id = %lld", (long long)id), "highlowMOmitigated");
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "A",
	                 .owner = "Ana", .due = "" }, &id), KO_OK);
	ck_assert_int_eq(COUNT("action WHERE due IS NULL"), 1);
}
END_TEST

START_TEST(output_crud)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_TKO);
	vec_output v;
	ck_assert_int_eq(store_outputs(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 9);
	ck_assert_int_eq(v.v[0].status, OSTATUS_TODO);
	ck_assert_str_eq(v.v[0].owner, "");
	vec_output_free(&v);

	long long c0 = last_change();
	ck_assert_int_eq(store_output_set(st, mid, 3, OSTATUS_DRAFTING, "Cy", NULL), KO_OK);
	expect_logged(c0, "output", "update");
	ck_assert_int_eq(store_output_set(st, mid, 3, OSTATUS_DONE, NULL, NULL), KO_OK);
	ck_assert_int_eq(store_outputs(st, mid, &v), KO_OK);
	ck_assert_int_eq(v.v[2].status, OSTATUS_DONE);
	ck_assert_str_eq(v.v[2].owner, "Cy");       /* NULL owner keeps it */
	long long r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_output_set(st, mid, 10, OSTATUS_DONE, NULL, NULL), KO_NOTFOUND);
	ck_assert_int_eq(store_output_set(st, mid, 1, OSTATUS_DONE, "\xff", NULL), KO_INVALID);
	ck_assert_int_eq(store_output_set(st, mid, 1, (enum output_status)4, NULL, NULL), KO_INVALID);
	expect_nothing_logged(c0, r0);

	struct output upd = v.v[0];
	upd.link = "https://example.org/design";
	upd.owner = "Ana";
	c0 = last_change();
	ck_assert_int_eq(store_output_update(st, &upd), KO_OK);
	expect_logged(c0, "output", "update");
	r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_output_update(st, &upd), KO_CONFLICT);
	upd.version++;
	upd.name = "";
	ck_assert_int_eq(store_output_update(st, &upd), KO_INVALID);
	expect_nothing_logged(c0, r0);
	vec_output_free(&v);

	int64_t extra;
	ck_assert_int_eq(store_output_add(st, &(struct output){ .meeting_id = mid, .name = "Runbook" }, &extra), KO_OK);
	ck_assert_int_eq(store_output_add(st, &(struct output){ .meeting_id = mid, .name = "" }, &extra), KO_INVALID);
	ck_assert_int_eq(store_outputs(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 10);
	ck_assert_str_eq(v.v[9].name, "Runbook");
	ck_assert_str_eq(v.v[0].link, "https://example.org/design");
	char *second = strdup(v.v[1].name);
	int64_t first = v.v[0].id;
	vec_output_free(&v);

	c0 = last_change();
	ck_assert_int_eq(store_output_delete(st, first), KO_OK);
	expect_logged(c0, "output", "delete");
	ck_assert_int_eq(store_outputs(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 9);
	for (size_t i = 0; i < v.n; i++)
		ck_assert_int_eq(v.v[i].position, (int)i + 1);
	ck_assert_str_eq(v.v[0].name, second);
	ck_assert_int_eq(v.v[1].status, OSTATUS_DONE);   /* was 3, now 2 */
	vec_output_free(&v);
	free(second);
	ck_assert_int_eq(store_output_delete(st, first), KO_NOTFOUND);
	struct progress pr;
	ck_assert_int_eq(store_meeting_progress(st, mid, &pr), KO_OK);
	ck_assert_int_eq(pr.outputs, 9);
	ck_assert_int_eq(pr.outputs_done, 1);
}
END_TEST

/* ---- actions ---- */

START_TEST(action_crud)
{
	int64_t pid = add_project("Apollo");
	int64_t mid = add_meeting(pid, KIND_KO);
	int64_t other = add_meeting(pid, KIND_TKO);
	int64_t dec, dec_other;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "Plan", .decided_by = "" }, &dec), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = other, .text = "Tech", .decided_by = "" }, &dec_other), KO_OK);

	long long c0 = last_change();
	int64_t a1, a2, a3;
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "Write the plan", .owner = "Ana", .due = "2026-11-20", .decision_id = dec }, &a1),
	                 KO_OK);
	expect_logged(c0, "action", "insert");
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "Book rooms", .owner = "Bo", .due = "2026-12-10" }, &a2), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = other, .text = "Set up CI", .owner = "Ana" }, &a3), KO_OK);

	struct action a;
	ck_assert_int_eq(store_action_get(st, a1, &a), KO_OK);
	ck_assert_str_eq(a.text, "Write the plan");
	ck_assert_str_eq(a.owner, "Ana");
	ck_assert_str_eq(a.due, "2026-11-20");
	ck_assert_int_eq(a.decision_id, dec);
	ck_assert_int_eq(a.status, ASTATUS_OPEN);
	ck_assert_str_eq(a.done_at, "");
	ck_assert_str_eq(a.created_at, "2026-11-26T09:00:00Z");
	ck_assert_str_eq(a.project_name, "Apollo");
	ck_assert_int_eq(a.kind, KIND_KO);
	/* out-parameters are filled only on success: a miss leaves a alone */
	struct action keep = a;
	ck_assert_int_eq(store_action_get(st, 999, &a), KO_NOTFOUND);
	ck_assert(memcmp(&keep, &a, sizeof a) == 0);

	/* refused */
	long long r0 = COUNT("change_row");
	c0 = last_change();
	int64_t id;
	const char *bad_due[] = { "2026-02-30", "2026-13-01", "2026-11-26 09:00", "26-11-01" };
	for (size_t i = 0; i < sizeof bad_due / sizeof bad_due[0]; i++)
		ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "x", .owner = "Ana", .due = (char *)bad_due[i] }, &id), KO_INVALID);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "x", .owner = "" }, &id), KO_INVALID);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "x" }, &id), KO_INVALID);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "", .owner = "Ana" }, &id), KO_INVALID);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "x", .owner = "Ana", .decision_id = dec_other }, &id), KO_NOTFOUND);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = 999, .text = "x", .owner = "Ana" }, &id), KO_NOTFOUND);
	expect_nothing_logged(c0, r0);

	/* status: done records when, twice keeps the first time */
	c0 = last_change();
	ck_assert_int_eq(store_action_set_status(st, a2, ASTATUS_DONE), KO_OK);
	expect_logged(c0, "action", "update");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), mid);
	setenv("KICKOFF_NOW", "2026-11-27 10:00", 1);
	ck_assert_int_eq(store_action_set_status(st, a2, ASTATUS_DONE), KO_OK);
	struct action b;
	ck_assert_int_eq(store_action_get(st, a2, &b), KO_OK);
	ck_assert_int_eq(b.status, ASTATUS_DONE);
	ck_assert_str_eq(b.done_at, "2026-11-26T09:00:00Z");
	ck_assert_int_eq(b.version, 2);
	action_free(&b);
	ck_assert_int_eq(store_action_set_status(st, a2, ASTATUS_OPEN), KO_OK);
	ck_assert_int_eq(store_action_get(st, a2, &b), KO_OK);
	ck_assert_int_eq(b.status, ASTATUS_OPEN);
	ck_assert_str_eq(b.done_at, "");
	action_free(&b);
	ck_assert_int_eq(store_action_set_status(st, a2, ASTATUS_DROPPED), KO_OK);
	ck_assert_int_eq(store_action_set_status(st, 999, ASTATUS_DONE), KO_NOTFOUND);
	ck_assert_int_eq(store_action_set_status(st, a2, (enum action_status)8), KO_INVALID);
	setenv("KICKOFF_NOW", "2026-11-26 09:00", 1);

	/* update and the version check */
	struct action upd = a;
	upd.due = "2026-11-30";
	upd.status = ASTATUS_DONE;
	upd.decision_id = 0;
	c0 = last_change();
	ck_assert_int_eq(store_action_update(st, &upd), KO_OK);
	expect_logged(c0, "action", "update");
	r0 = COUNT("change_row");
	c0 = last_change();
	ck_assert_int_eq(store_action_update(st, &upd), KO_CONFLICT);
	upd.version++;
	upd.due = "2026-02-30";
	ck_assert_int_eq(store_action_update(st, &upd), KO_INVALID);
	upd.due = "";
	upd.decision_id = dec_other;
	ck_assert_int_eq(store_action_update(st, &upd), KO_NOTFOUND);
	expect_nothing_logged(c0, r0);
	action_free(&a);
	ck_assert_int_eq(store_action_get(st, a1, &a), KO_OK);
	ck_assert_int_eq(a.status, ASTATUS_DONE);
	ck_assert_str_eq(a.done_at, "2026-11-26T09:00:00Z");
	ck_assert_str_eq(a.due, "2026-11-30");
	ck_assert_int_eq(a.decision_id, 0);
	action_free(&a);

	vec_action v;
	ck_assert_int_eq(store_actions(st, mid, &v), KO_OK);
	ck_assert_uint_eq(v.n, 2);
	vec_action_free(&v);
	/* deleting the decision unlinks its actions */
	int64_t a4;
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "Follow the plan", .owner = "Cy", .decision_id = dec }, &a4), KO_OK);
	ck_assert_int_eq(store_decision_delete(st, dec), KO_OK);
	ck_assert_int_eq(store_action_get(st, a4, &a), KO_OK);
	ck_assert_int_eq(a.decision_id, 0);
	action_free(&a);

	c0 = last_change();
	ck_assert_int_eq(store_action_delete(st, a3), KO_OK);
	expect_logged(c0, "action", "delete");
	ck_assert_int_eq(raw_int(raw, "SELECT meeting_id FROM change ORDER BY id DESC"), other);
	ck_assert_int_eq(store_action_delete(st, a3), KO_NOTFOUND);
}
END_TEST

START_TEST(action_query)
{
	int64_t p1 = add_project("Apollo"), p2 = add_project("Borealis");
	int64_t m1 = add_meeting(p1, KIND_KO), m2 = add_meeting(p2, KIND_KO);
	int64_t ids[6];
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m1, .text = "late", .owner = "Ana", .due = "2026-11-20" }, &ids[0]), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m1, .text = "today", .owner = "Bo", .due = "2026-11-26" }, &ids[1]), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m2, .text = "later", .owner = "Ana", .due = "2026-12-01" }, &ids[2]), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m2, .text = "undated", .owner = "Ana" }, &ids[3]), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m2, .text = "late, done", .owner = "Bo", .due = "2026-11-01" }, &ids[4]), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m1, .text = "late, dropped", .owner = "Cy", .due = "2026-10-01" }, &ids[5]), KO_OK);
	ck_assert_int_eq(store_action_set_status(st, ids[4], ASTATUS_DONE), KO_OK);
	ck_assert_int_eq(store_action_set_status(st, ids[5], ASTATUS_DROPPED), KO_OK);

	vec_action v;
	struct action_query q = { .today = "2026-11-26" };
	ck_assert_int_eq(store_action_query(st, &q, &v), KO_OK);
	ck_assert_uint_eq(v.n, 6);
	/* by due date, undated last */
	int64_t order[] = { ids[5], ids[4], ids[0], ids[1], ids[2], ids[3] };
	for (size_t i = 0; i < 6; i++)
		ck_assert_int_eq(v.v[i].id, order[i]);
	ck_assert_str_eq(v.v[2].project_name, "Apollo");
	ck_assert_str_eq(v.v[4].project_name, "Borealis");
	vec_action_free(&v);

	q.open_only = true;
	ck_assert_int_eq(store_action_query(st, &q, &v), KO_OK);
	ck_assert_uint_eq(v.n, 4);
	vec_action_free(&v);
	q.open_only = false;
	q.overdue_only = true;
	ck_assert_int_eq(store_action_query(st, &q, &v), KO_OK);
	ck_assert_uint_eq(v.n, 1);
	ck_assert_int_eq(v.v[0].id, ids[0]);
	ck_assert(action_is_overdue(&v.v[0], "2026-11-26"));
	vec_action_free(&v);
	q.overdue_only = false;
	q.owner = "Ana";
	ck_assert_int_eq(store_action_query(st, &q, &v), KO_OK);
	ck_assert_uint_eq(v.n, 3);
	vec_action_free(&v);
	q.owner = NULL;
	q.meeting_id = m2;
	ck_assert_int_eq(store_action_query(st, &q, &v), KO_OK);
	ck_assert_uint_eq(v.n, 3);
	vec_action_free(&v);
	q.meeting_id = 0;
	q.offset = 1;
	q.limit = 2;
	ck_assert_int_eq(store_action_query(st, &q, &v), KO_OK);
	ck_assert_uint_eq(v.n, 2);
	ck_assert_int_eq(v.v[0].id, ids[4]);
	vec_action_free(&v);
	/* today from the clock when the query names none */
	struct action_query q2 = { .overdue_only = true };
	setenv("KICKOFF_NOW", "2026-12-05 09:00", 1);
	ck_assert_int_eq(store_action_query(st, &q2, &v), KO_OK);
	ck_assert_uint_eq(v.n, 3);
	vec_action_free(&v);

	vec_project pv;
	ck_assert_int_eq(store_project_list(st, NULL, 0, 0, &pv), KO_OK);
	ck_assert_int_eq(pv.v[0].actions_open, 2);
	ck_assert_int_eq(pv.v[0].actions_overdue, 2);
	ck_assert_int_eq(pv.v[0].ko_items, 13);
	ck_assert_int_eq(pv.v[0].ko_status, MSTATUS_PLANNED);
	ck_assert_int_eq(pv.v[0].tko_items, -1);
	ck_assert_int_eq(pv.v[1].actions_open, 2);
	ck_assert_int_eq(pv.v[1].actions_overdue, 1);
	vec_project_free(&pv);
}
END_TEST

/* ---- cascades ---- */

static void fill_meeting(int64_t mid)
{
	int64_t id;
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "Ana", .role = "", .organisation = "", .status = PSTATUS_PRESENT }, &id), KO_OK);
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "D", .decided_by = "", .item_position = 1 }, &id), KO_OK);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "R", .likelihood = LEVEL_LOW, .impact = LEVEL_HIGH, .mitigation = "", .owner = "", .item_position = 1 }, &id), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "A", .owner = "Ana", .due = "2026-12-01", .decision_id = id > 0 ? 0 : 0 }, &id), KO_OK);
	ck_assert_int_eq(store_item_check(st, mid, 1, true), KO_OK);
}

static const char *const tables[] = { "attendee", "item", "decision", "risk", "output", "action" };

static long long rows_of_project(const char *tbl, int64_t pid)
{
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s t JOIN meeting m ON m.id = t.meeting_id"
	         " WHERE m.project_id = %lld", tbl, (long long)pid);
	return raw_int(raw, sql);
}

START_TEST(cascade_delete_project)
{
	int64_t p1 = add_project("Apollo"), p2 = add_project("Borealis");
	int64_t ko1 = add_meeting(p1, KIND_KO), tko1 = add_meeting(p1, KIND_TKO);
	int64_t ko2 = add_meeting(p2, KIND_KO);
	fill_meeting(ko1);
	fill_meeting(tko1);
	fill_meeting(ko2);
	for (size_t i = 0; i < 6; i++)
		ck_assert_int_gt(rows_of_project(tables[i], p1), 0);
	long long keep[6];
	for (size_t i = 0; i < 6; i++)
		keep[i] = rows_of_project(tables[i], p2);
	long long total = COUNT("attendee") + COUNT("item") + COUNT("decision") + COUNT("risk") +
	                  COUNT("output") + COUNT("action");

	long long c0 = last_change();
	ck_assert_int_eq(store_project_delete(st, p1), KO_OK);
	ck_assert_int_eq(last_change(), c0 + 1);
	ck_assert_int_eq(COUNT("meeting"), 1);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM meeting WHERE project_id = %lld", (long long)p1);
	ck_assert_int_eq(raw_int(raw, sql), 0);
	long long left = 0;
	for (size_t i = 0; i < 6; i++) {
		ck_assert_int_eq(rows_of_project(tables[i], p2), keep[i]);
		left += keep[i];
	}
	ck_assert_int_eq(COUNT("attendee") + COUNT("item") + COUNT("decision") + COUNT("risk") +
	                 COUNT("output") + COUNT("action"), left);
	ck_assert_int_lt(left, total);
	/* every cascaded row is in the change, so undo can bring it back */
	snprintf(sql, sizeof sql, "SELECT count(*) FROM change_row WHERE change_id = %lld"
	         " AND op = 'delete'", c0 + 1);
	ck_assert_int_eq(raw_int(raw, sql), 1 + 2 + (total - left));
	ck_assert_int_eq(raw_int(raw, "PRAGMA foreign_key_check"), -1);
	struct meeting m;
	ck_assert_int_eq(store_meeting_get(st, ko1, &m), KO_NOTFOUND);
	ck_assert_int_eq(store_meeting_find(st, "Apollo/ko", &m), KO_NOTFOUND);
}
END_TEST

START_TEST(cascade_delete_meeting)
{
	int64_t p = add_project("Apollo");
	int64_t ko = add_meeting(p, KIND_KO), tko = add_meeting(p, KIND_TKO);
	fill_meeting(ko);
	fill_meeting(tko);
	ck_assert_int_eq(store_meeting_delete(st, ko), KO_OK);
	for (size_t i = 0; i < 6; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE meeting_id = %lld", tables[i],
		         (long long)ko);
		ck_assert_int_eq(raw_int(raw, sql), 0);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE meeting_id = %lld", tables[i],
		         (long long)tko);
		ck_assert_int_gt(raw_int(raw, sql), 0);
	}
	struct project pr;
	ck_assert_int_eq(store_project_get(st, p, &pr), KO_OK);
	project_free(&pr);
}
END_TEST

/* ---- rollback ---- */

/* A write that fails half-way through (a trigger refuses its last row)
 * leaves neither a change nor any of the rows written before. */
START_TEST(rollback_meeting_add)
{
	int64_t p = add_project("Apollo");
	raw_exec(raw, "CREATE TRIGGER boom BEFORE INSERT ON output WHEN NEW.position = 8"
	              " BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
	long long c0 = last_change(), r0 = COUNT("change_row");
	int64_t id;
	bool warn;
	ck_assert_int_ne(store_meeting_add(st, p, KIND_KO, NULL, NULL, &id, &warn), KO_OK);
	ck_assert_ptr_nonnull(strstr(ERRMSG, "disk says no"));
	expect_nothing_logged(c0, r0);
	ck_assert_int_eq(COUNT("meeting"), 0);
	ck_assert_int_eq(COUNT("item"), 0);
	ck_assert_int_eq(COUNT("output"), 0);
	/* the store still works afterwards */
	raw_exec(raw, "DROP TRIGGER boom");
	ck_assert_int_eq(store_meeting_add(st, p, KIND_KO, NULL, NULL, &id, &warn), KO_OK);
	ck_assert_int_eq(COUNT("output"), 8);
}
END_TEST

START_TEST(rollback_renumber)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	char *before = raw_dump(raw, "SELECT id, position, title FROM item ORDER BY id");
	raw_exec(raw, "CREATE TRIGGER boom BEFORE UPDATE OF position ON item WHEN NEW.position < 1000000"
	              " BEGIN SELECT RAISE(ABORT, 'no renumbering'); END");
	vec_item v;
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	long long c0 = last_change(), r0 = COUNT("change_row");
	ck_assert_int_ne(store_item_delete(st, v.v[4].id), KO_OK);
	expect_nothing_logged(c0, r0);
	char *after = raw_dump(raw, "SELECT id, position, title FROM item ORDER BY id");
	ck_assert_str_eq(after, before);
	vec_item_free(&v);
	free(before);
	free(after);
}
END_TEST

START_TEST(rollback_every_write)
{
	/* With the change log's own insert refused, every write fails and
	 * leaves nothing: the change row comes first in each transaction. */
	int64_t p = add_project("Apollo");
	int64_t mid = add_meeting(p, KIND_KO);
	int64_t dec, act, att, risk;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "D", .decided_by = "" }, &dec), KO_OK);
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "A", .owner = "Ana" }, &act), KO_OK);
	ck_assert_int_eq(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "Ana", .role = "", .organisation = "" }, &att), KO_OK);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "R", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "" }, &risk), KO_OK);
	const char *dump_sql =
		"SELECT (SELECT group_concat(id || name || version) FROM project),"
		" (SELECT group_concat(id || status || version) FROM meeting),"
		" (SELECT group_concat(id || position || coalesce(checked_at, '-') || version) FROM item),"
		" (SELECT group_concat(id || status || version) FROM attendee),"
		" (SELECT group_concat(id || text || version) FROM decision),"
		" (SELECT group_concat(id || text || version) FROM risk),"
		" (SELECT group_concat(id || position || status || version) FROM output),"
		" (SELECT group_concat(id || status || version) FROM action),"
		" (SELECT count(*) FROM change), (SELECT count(*) FROM change_row)";
	char *before = raw_dump(raw, dump_sql);
	raw_exec(raw, "CREATE TRIGGER boom BEFORE INSERT ON change"
	              " BEGIN SELECT RAISE(ABORT, 'log refused'); END");
	int64_t id;
	bool warn;
	vec_item items;
	ck_assert_int_eq(store_items(st, mid, &items), KO_OK);
	ck_assert_int_ne(store_project_add(st, "B", "", "", "en", NULL, &id), KO_OK);
	ck_assert_int_ne(store_project_delete(st, p), KO_OK);
	ck_assert_int_ne(store_meeting_add(st, p, KIND_TKO, NULL, NULL, &id, &warn), KO_OK);
	ck_assert_int_ne(store_meeting_delete(st, mid), KO_OK);
	ck_assert_int_ne(store_attendee_add(st, &(struct attendee){ .meeting_id = mid, .name = "Bo", .role = "", .organisation = "" }, &id), KO_OK);
	ck_assert_int_ne(store_attendee_set_present(st, att, true), KO_OK);
	ck_assert_int_ne(store_attendee_delete(st, att), KO_OK);
	ck_assert_int_ne(store_item_check(st, mid, 1, true), KO_OK);
	ck_assert_int_ne(store_item_set_checked(st, items.v[0].id, true), KO_OK);
	ck_assert_int_ne(store_item_add(st, &(struct item){ .meeting_id = mid, .title = "x" }, &id), KO_OK);
	ck_assert_int_ne(store_item_update(st, &items.v[0]), KO_OK);
	ck_assert_int_ne(store_item_delete(st, items.v[0].id), KO_OK);
	ck_assert_int_ne(store_decision_add(st, &(struct decision){ .meeting_id = mid, .text = "x", .decided_by = "" }, &id), KO_OK);
	ck_assert_int_ne(store_decision_delete(st, dec), KO_OK);
	ck_assert_int_ne(store_risk_add(st, &(struct risk){ .meeting_id = mid, .text = "x", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "" }, &id), KO_OK);
	ck_assert_int_ne(store_risk_delete(st, risk), KO_OK);
	ck_assert_int_ne(store_output_set(st, mid, 1, OSTATUS_DONE, NULL, NULL), KO_OK);
	ck_assert_int_ne(store_output_add(st, &(struct output){ .meeting_id = mid, .name = "x" }, &id), KO_OK);
	ck_assert_int_ne(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "x", .owner = "Ana" }, &id), KO_OK);
	ck_assert_int_ne(store_action_set_status(st, act, ASTATUS_DONE), KO_OK);
	ck_assert_int_ne(store_action_delete(st, act), KO_OK);
	vec_item_free(&items);
	char *after = raw_dump(raw, dump_sql);
	ck_assert_str_eq(after, before);
	free(before);
	free(after);
	/* and the connection is not left inside a transaction */
	raw_exec(raw, "DROP TRIGGER boom");
	ck_assert_int_eq(store_project_add(st, "B", "", "", "en", NULL, &id), KO_OK);
}
END_TEST

/* ---- the whole meeting ---- */

START_TEST(minutes_snapshot)
{
	int64_t p = add_project("Apollo");
	int64_t mid = add_meeting(p, KIND_KO);
	fill_meeting(mid);
	struct minutes mi;
	ck_assert_int_eq(store_minutes(st, mid, &mi), KO_OK);
	ck_assert_str_eq(mi.project.name, "Apollo");
	ck_assert_int_eq(mi.meeting.id, mid);
	ck_assert_uint_eq(mi.attendees.n, 1);   /* Ana, the host: her row filled in */
	ck_assert_int_eq(mi.attendees.v[0].status, PSTATUS_PRESENT);
	ck_assert_str_eq(mi.attendees.v[0].role, "host");   /* an empty role keeps it */
	ck_assert_uint_eq(mi.items.n, 13);
	ck_assert_uint_eq(mi.decisions.n, 1);
	ck_assert_uint_eq(mi.risks.n, 1);
	ck_assert_uint_eq(mi.outputs.n, 8);
	ck_assert_uint_eq(mi.actions.n, 1);
	minutes_free(&mi);
	ck_assert_int_eq(store_minutes(st, 999, &mi), KO_NOTFOUND);
	/* a write still works after a failed read */
	int64_t id;
	ck_assert_int_eq(store_item_add(st, &(struct item){ .meeting_id = mid, .title = "x" }, &id), KO_OK);
	int64_t dv1, dv2;
	ck_assert_int_eq(store_data_version(st, &dv1), KO_OK);
	raw_exec(raw, "UPDATE project SET code = 'changed elsewhere'");
	ck_assert_int_eq(store_data_version(st, &dv2), KO_OK);
	ck_assert_int_ne(dv1, dv2);
}
END_TEST

/* Text another program wrote as invalid UTF-8 reads as U+FFFD: the model
 * promises UTF-8 to every reader. */
START_TEST(foreign_invalid_utf8)
{
	int64_t mid = add_meeting(add_project("Apollo"), KIND_KO);
	raw_exec(raw, "UPDATE item SET title = CAST(X'41FF42C080' AS TEXT), note = CAST(X'E4B8' AS TEXT)"
	              " WHERE position = 1");
	vec_item v;
	ck_assert_int_eq(store_items(st, mid, &v), KO_OK);
	ck_assert_str_eq(v.v[0].title, "A\xef\xbf\xbd" "B\xef\xbf\xbd\xef\xbf\xbd");
	ck_assert_str_eq(v.v[0].note, "\xef\xbf\xbd\xef\xbf\xbd");
	ck_assert_str_eq(v.v[1].title, "Customer needs analysis");
	vec_item_free(&v);
}
END_TEST

/* The change log's row images (src/store/sqlite/changelog.c): a JSON object of
 * every column by name, integers as numbers, NULL as null, text as
 * written; and a delete that cascades logs every row it takes, each with
 * its before image, the parent first. */
START_TEST(log_images_and_cascade)
{
	int64_t p = add_project("Apollo");
	int64_t m = add_meeting(p, KIND_KO);
	int64_t a;
	ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = m, .text = "Say \"hi\" 发送", .owner = "Ana" }, &a), KO_OK);
	char *after = raw_text(raw, "SELECT after FROM change_row WHERE tbl = 'action' AND op = 'insert'");
	char want[512];
	snprintf(want, sizeof want,
	         "{\"id\":%lld,\"meeting_id\":%lld,\"decision_id\":null,\"text\":\"Say \\\"hi\\\" 发送\","
	         "\"owner\":\"Ana\",\"due\":null,\"status\":\"open\",\"created_at\":\"2026-11-26T09:00:00Z\","
	         "\"done_at\":null,\"version\":1}", (long long)a, (long long)m);
	ck_assert_str_eq(after, want);
	free(after);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM change_row WHERE tbl = 'action' AND before IS NOT NULL"), 0);

	/* Text another program wrote may not be UTF-8, or be a blob: the
	 * log keeps it (JSON text), so the delete and its undo still work. */
	raw_exec(raw, "UPDATE item SET note = CAST(X'6361666580' AS TEXT) WHERE position = 1");
	raw_exec(raw, "UPDATE item SET note = X'6361666581' WHERE position = 2");
	long long rows = COUNT("project") + COUNT("meeting") + COUNT("attendee") + COUNT("item") +
	                 COUNT("decision") + COUNT("risk") + COUNT("output") + COUNT("action");
	ck_assert_int_gt(rows, 10);
	long long c0 = last_change();
	ck_assert_int_eq(store_project_delete(st, p), KO_OK);
	long long c = last_change();
	ck_assert_int_eq(c, c0 + 1);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM change_row WHERE change_id = %lld AND op = 'delete'"
	         " AND before IS NOT NULL AND after IS NULL AND json_extract(before, '$.id') = row_id", c);
	ck_assert_int_eq(raw_int(raw, sql), rows);
	snprintf(sql, sizeof sql, "SELECT tbl FROM change_row WHERE change_id = %lld ORDER BY id LIMIT 1", c);
	char *first = raw_text(raw, sql);
	ck_assert_str_eq(first, "project");
	free(first);
	/* history per meeting still finds the project's delete */
	snprintf(sql, sizeof sql, "SELECT meeting_id FROM change WHERE id = %lld", c);
	ck_assert_int_eq(raw_int(raw, sql), m);
	char *sum = NULL, *other = NULL;
	ck_assert_int_eq(store_undo(st, false, &sum, &other), KO_OK);
	free(sum);
	free(other);
	ck_assert_int_eq(COUNT("item"), 13);
	char *note = raw_text(raw, "SELECT note FROM item WHERE position = 1");
	ck_assert_str_eq(note, "cafe\xEF\xBF\xBD");
	free(note);
	/* the store still reports the ids it inserted, past the log's own rows */
	int64_t p2 = add_project("Gemini");
	ck_assert_int_eq(p2, raw_int(raw, "SELECT id FROM project WHERE name = 'Gemini'"));
}
END_TEST

Suite *suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("entities");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, project_crud);
	tcase_add_test(tc, output_due);
	tcase_add_test(tc, add_writes_every_field);
	tcase_add_test(tc, log_images_and_cascade);
	tcase_add_test(tc, project_constraints);
	tcase_add_test(tc, schema_checks);
	tcase_add_test(tc, meeting_crud);
	tcase_add_test(tc, meeting_tko_warning);
	tcase_add_test(tc, meeting_chinese);
	tcase_add_test(tc, meeting_custom_template);
	tcase_add_test(tc, attendee_crud);
	tcase_add_test(tc, item_crud);
	tcase_add_test(tc, item_ticks_idempotent);
	tcase_add_test(tc, decision_crud);
	tcase_add_test(tc, risk_crud);
	tcase_add_test(tc, item_delete_unlinks);
	tcase_add_test(tc, output_crud);
	tcase_add_test(tc, action_crud);
	tcase_add_test(tc, action_query);
	suite_add_tcase(s, tc);

	TCase *tw = tcase_create("integrity");
	tcase_add_checked_fixture(tw, setup, teardown);
	tcase_set_timeout(tw, 30);
	tcase_add_test(tw, cascade_delete_project);
	tcase_add_test(tw, cascade_delete_meeting);
	tcase_add_test(tw, rollback_meeting_add);
	tcase_add_test(tw, rollback_renumber);
	tcase_add_test(tw, rollback_every_write);
	tcase_add_test(tw, minutes_snapshot);
	tcase_add_test(tw, foreign_invalid_utf8);
	suite_add_tcase(s, tw);
	return s;
}

/* A decision or risk links only to an agenda item of its own meeting. */
START_TEST(links_stay_in_meeting)
{
	int64_t ko = add_meeting(add_project("Apollo"), KIND_KO);
	int64_t tko = add_meeting(add_project("Gemini"), KIND_KO);
	int64_t did, rid;
	ck_assert_int_eq(store_decision_add(st, &(struct decision){ .meeting_id = ko, .text = "Use C", .decided_by = "Ana" }, &did), KO_OK);
	ck_assert_int_eq(store_risk_add(st, &(struct risk){ .meeting_id = ko, .text = "Late", .likelihood = LEVEL_LOW, .impact = LEVEL_LOW, .mitigation = "", .owner = "" }, &rid), KO_OK);
	vec_item other;
	ck_assert_int_eq(store_items(st, tko, &other), KO_OK);
	vec_decision d;
	vec_risk r;
	ck_assert_int_eq(store_decisions(st, ko, &d), KO_OK);
	ck_assert_int_eq(store_risks(st, ko, &r), KO_OK);
	d.v[0].item_id = other.v[0].id;
	r.v[0].item_id = other.v[0].id;
	long long c0 = last_change();
	ck_assert_int_eq(store_decision_update(st, &d.v[0]), KO_NOTFOUND);
	ck_assert_int_eq(store_risk_update(st, &r.v[0]), KO_NOTFOUND);
	ck_assert_int_eq(last_change(), c0);
	ck_assert_int_eq(raw_int(raw, "SELECT count(*) FROM decision WHERE item_id IS NOT NULL"), 0);
	vec_item_free(&other);
	vec_decision_free(&d);
	vec_risk_free(&r);
}
END_TEST

Suite *suite_store_links(void)
{
	Suite *s = suite_create("store links");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, links_stay_in_meeting);
	suite_add_tcase(s, tc);
	return s;
}
