/* replay.c - runs a harness over saved inputs without libFuzzer, so make
 * check replays the corpus (and every crash ever found) with gcc + ASan.
 *   replay-HARNESS FILE|DIR...   prints "N inputs replayed" */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz.h"

__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static long replayed;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		dprintf(2, "%s: cannot read\n", path);
		exit(2);
	}
	size_t cap = 4096, n = 0;
	uint8_t *buf = malloc(cap);
	size_t got;
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "out of memory\n");
		exit(2);
	}
	/* An exact-size copy, so ASan sees reads past the input's end. */
	uint8_t *exact = malloc(n ? n : 1);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	replayed++;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		dprintf(2, "%s: cannot read\n", path);
		exit(2);
	}
	if (!S_ISDIR(sb.st_mode)) {
		run_file(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		dprintf(2, "%s: cannot read\n", path);
		exit(2);
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		names = realloc(names, (n + 1) * sizeof *names);
		if (asprintf(&names[n], "%s/%s", path, e->d_name) < 0)
			exit(2);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		run_path(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	/* The harness may point stdout at /dev/null: report on a copy. */
	int out = dup(1);
	/* ...and may change directory: take the paths whole first. */
	char **paths = calloc((size_t)argc, sizeof *paths);
	for (int i = 1; i < argc; i++)
		if (!paths || !(paths[i] = realpath(argv[i], NULL))) {
			perror(argv[i]);
			return 2;
		}
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		run_path(paths[i]);
		free(paths[i]);
	}
	free(paths);
	dprintf(out, "%ld inputs replayed\n", replayed);
	return 0;
}
