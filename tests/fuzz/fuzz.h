/* fuzz.h - what the harnesses share.  Each harness defines
 * LLVMFuzzerTestOneInput; libFuzzer (clang, make fuzz) or replay.c
 * (any compiler, make check) calls it. */
#ifndef KICKOFF_FUZZ_H
#define KICKOFF_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant broken: report on fd 2 (a harness may point the stderr
 * FILE elsewhere) and abort, so both runners count a crash. */
#define FUZZ_ASSERT(cond, ...) do { \
	if (!(cond)) { \
		dprintf(2, "invariant broken at %s:%d: %s: ", __FILE__, __LINE__, #cond); \
		dprintf(2, __VA_ARGS__); \
		dprintf(2, "\n"); \
		abort(); \
	} \
} while (0)

/* A NUL-terminated copy of the input (the functions take C strings). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	for (size_t i = 0; i < size; i++)
		s[i] = (char)data[i];
	s[size] = '\0';
	return s;
}

#endif
