/* test_memory.c - the allocator SQLite uses (src/store/sqlite/memory.c): sizes,
 * alignment, realloc across the small/large boundary, no overlap between
 * live blocks, and the store working on top of it. */
#include <check.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kickoff/store.h"
#include "testutil.h"

static char path[64];
static struct store *st;

/* Opening a store sets SQLite up; each test runs in a fresh process. */
static void setup(void)
{
	temp_path(path, sizeof path);
	ck_assert_int_eq(store_open(path, STORE_CREATE, &st, NULL), KO_OK);
}

static void teardown(void)
{
	store_close(st);
	temp_remove(path);
}

static void fill(unsigned char *p, int n, unsigned char v)
{
	memset(p, v, (size_t)n);
}

static int all_are(const unsigned char *p, int n, unsigned char v)
{
	for (int i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

START_TEST(sizes_and_alignment)
{
	static const int sizes[] = { 1, 7, 8, 15, 16, 17, 100, 511, 1023, 1024, 1025, 4096, 70000 };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		int n = sizes[i];
		unsigned char *p = sqlite3_malloc(n);
		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq((uintptr_t)p % 8, 0);
		ck_assert_int_ge(sqlite3_msize(p), n);
		fill(p, (int)sqlite3_msize(p), 0xA5);
		ck_assert(all_are(p, n, 0xA5));
		sqlite3_free(p);
	}
#if !defined(__SANITIZE_ADDRESS__) && !defined(KICKOFF_SYSTEM_MALLOC)
	/* The pool is in use: a small block is a 16-byte class, a large one
	 * exactly what was asked (glibc would say 24 and 70008). */
	void *small = sqlite3_malloc(1), *large = sqlite3_malloc(70000);
	ck_assert_int_eq(sqlite3_msize(small), 16);
	ck_assert_int_eq(sqlite3_msize(large), 70000);
	sqlite3_free(small);
	sqlite3_free(large);
#endif
}
END_TEST

START_TEST(realloc_keeps_the_bytes)
{
	/* Grow and shrink through every kind of move: small to small,
	 * small to large, large to large, large back to small. */
	static const int steps[] = { 10, 40, 600, 1024, 1500, 9000, 3000, 700, 20, 5, 2048, 1 };
	unsigned char *p = sqlite3_malloc(3);
	for (int j = 0; j < 3; j++)
		p[j] = (unsigned char)j;
	int have = 3;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		int n = steps[i];
		unsigned char *q = sqlite3_realloc(p, n);
		ck_assert_ptr_nonnull(q);
		int kept = have < n ? have : n;
		for (int j = 0; j < kept; j++)
			ck_assert_msg(q[j] == (unsigned char)(j % 251), "byte %d lost going from %d to %d",
			              j, have, n);
		for (int j = 0; j < n; j++)
			q[j] = (unsigned char)(j % 251);
		p = q;
		have = n;
	}
	sqlite3_free(p);
}
END_TEST

START_TEST(live_blocks_never_overlap)
{
	enum { N = 4000 };
	static unsigned char *blocks[N], value[N];
	static int sizes[N];
	srand(7);
	for (int round = 0; round < 4; round++) {
		/* Fill the free slots: blocks freed in the last round come
		 * back, and must not reach into the blocks kept. */
		for (int i = 0; i < N; i++) {
			if (blocks[i])
				continue;
			sizes[i] = 1 + rand() % (i % 10 == 0 ? 3000 : 300);
			blocks[i] = sqlite3_malloc(sizes[i]);
			ck_assert_ptr_nonnull(blocks[i]);
			value[i] = (unsigned char)(i * 31 + round);
			fill(blocks[i], sizes[i], value[i]);
		}
		for (int i = 0; i < N; i++)
			ck_assert_msg(all_are(blocks[i], sizes[i], value[i]), "round %d: block %d overwritten",
			              round, i);
		for (int i = round % 3; i < N; i += 3) {
			sqlite3_free(blocks[i]);
			blocks[i] = NULL;
		}
	}
	for (int i = 0; i < N; i++)
		sqlite3_free(blocks[i]);
}
END_TEST

START_TEST(store_works_on_it)
{
	/* A schema read, writes with triggers, and reads: the whole of SQLite
	 * on the pool, checked by SQLite itself. */
	int64_t pid, mid, id;
	char name[32];
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof name, "Project %d", i);
		ck_assert_int_eq(store_project_add(st, name, "", "", i % 2 ? "zh" : "en", NULL, &pid), KO_OK);
	}
	ck_assert_int_eq(store_meeting_add(st, pid, KIND_KO, NULL, "", &mid, NULL), KO_OK);
	for (int i = 0; i < 200; i++)
		ck_assert_int_eq(store_action_add(st, &(struct action){ .meeting_id = mid, .text = "Send the minutes 发送会议纪要", .owner = "Ana", .due = "2027-01-31" }, &id),
		                 KO_OK);
	store_close(st);
	ck_assert_int_eq(store_open(path, 0, &st, NULL), KO_OK);
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM action),"
	                                    " (SELECT count(*) FROM change_row), (SELECT integrity_check FROM pragma_integrity_check)",
	                                    -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 200);
	ck_assert_int_ge(sqlite3_column_int(s, 1), 251);
	ck_assert_str_eq((const char *)sqlite3_column_text(s, 2), "ok");
	sqlite3_finalize(s);
	sqlite3_close(db);
}
END_TEST

Suite *suite_memory(void)
{
	Suite *s = suite_create("memory");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, sizes_and_alignment);
	tcase_add_test(tc, realloc_keeps_the_bytes);
	tcase_add_test(tc, live_blocks_never_overlap);
	tcase_add_test(tc, store_works_on_it);
	suite_add_tcase(s, tc);
	return s;
}
