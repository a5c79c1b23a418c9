/* memory.c - the allocator SQLite uses in this program.
 *
 * Debian's SQLite is built without its lookaside allocator, so every
 * small object it makes goes to malloc(), and reading the schema at each
 * start made and freed some ten thousand of them (parse trees copied into
 * triggers, then dropped): a third of a command's instructions were in
 * glibc's malloc and free.  Parsing a statement still makes hundreds.  Small blocks here come from per-size free
 * lists refilled from 64 KiB slabs, a push or a pop each; larger blocks
 * go to malloc() as before.  Slabs are never given back: the small-block
 * high-water mark of a session is a few hundred KiB (docs/performance.md,
 * peak RSS).
 *
 * The program is single-threaded and SQLite runs without memory
 * statistics, so SQLite takes no mutex around these calls and none is
 * needed.  Under AddressSanitizer, and in `make valgrind`'s build
 * (KICKOFF_SYSTEM_MALLOC), the system allocator stays, so that they still
 * see every block. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

#if defined(__SANITIZE_ADDRESS__) || defined(KICKOFF_SYSTEM_MALLOC)
#define USE_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define USE_POOL 0
#endif
#endif
#ifndef USE_POOL
#define USE_POOL 1
#endif

#if USE_POOL

/* A block is an 8-byte header holding its usable size, then the bytes
 * SQLite sees, 8-byte aligned as SQLite requires. */
#define HEADER 8
#define GRAIN 16                    /* size classes are multiples of this */
#define SMALL_MAX 1024              /* larger requests go to malloc */
#define NCLASS (SMALL_MAX / GRAIN)
#define SLAB (64 * 1024)

struct free_block { struct free_block *next; };

static struct free_block *free_list[NCLASS];
static char *slab_next, *slab_end;

static int class_of(int n)
{
	return (n + GRAIN - 1) / GRAIN - 1;
}

static void *pool_malloc(int n)
{
	if (n <= 0)
		n = 1;
	if (n > SMALL_MAX) {
		char *p = malloc((size_t)n + HEADER);
		if (!p)
			return NULL;
		*(int64_t *)p = n;
		return p + HEADER;
	}
	int c = class_of(n);
	struct free_block *b = free_list[c];
	if (b) {
		free_list[c] = b->next;
		return b;
	}
	size_t need = (size_t)(c + 1) * GRAIN + HEADER;
	if (!slab_next || (size_t)(slab_end - slab_next) < need) {
		/* The rest of the old slab is left unused: at most one
		 * largest block's worth per 64 KiB. */
		slab_next = malloc(SLAB);
		if (!slab_next) {
			slab_end = NULL;
			return NULL;
		}
		slab_end = slab_next + SLAB;
	}
	char *p = slab_next;
	slab_next += need;
	*(int64_t *)p = (int64_t)(c + 1) * GRAIN;
	return p + HEADER;
}

static int pool_size(void *p)
{
	return p ? (int)*(int64_t *)((char *)p - HEADER) : 0;
}

static void pool_free(void *p)
{
	if (!p)
		return;
	int n = pool_size(p);
	if (n > SMALL_MAX) {
		free((char *)p - HEADER);
		return;
	}
	struct free_block *b = p;
	int c = class_of(n);
	b->next = free_list[c];
	free_list[c] = b;
}

static void *pool_realloc(void *p, int n)
{
	int have = pool_size(p);
	if (n <= have && (have <= SMALL_MAX || n > SMALL_MAX / 2))
		return p;
	if (have > SMALL_MAX && n > SMALL_MAX) {
		char *q = realloc((char *)p - HEADER, (size_t)n + HEADER);
		if (!q)
			return NULL;
		*(int64_t *)q = n;
		return q + HEADER;
	}
	void *q = pool_malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, (size_t)(have < n ? have : n));
	pool_free(p);
	return q;
}

static int pool_roundup(int n)
{
	if (n > SMALL_MAX)
		return (n + 7) & ~7;
	return (class_of(n) + 1) * GRAIN;
}

static int pool_init(void *unused)
{
	(void)unused;
	return SQLITE_OK;
}

static void pool_shutdown(void *unused)
{
	(void)unused;
}

static const sqlite3_mem_methods pool_methods = {
	.xMalloc = pool_malloc,
	.xFree = pool_free,
	.xRealloc = pool_realloc,
	.xSize = pool_size,
	.xRoundup = pool_roundup,
	.xInit = pool_init,
	.xShutdown = pool_shutdown,
	.pAppData = NULL,
};

void memory_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MALLOC, &pool_methods);
}

#else

void memory_setup(void)
{
}

#endif
