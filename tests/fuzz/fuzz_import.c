/* fuzz_import.c - libFuzzer entry for the import reader (no database).
 *
 *   clang -std=c11 -D_GNU_SOURCE -g -fsanitize=fuzzer,address,undefined
 *     -Iinclude tests/fuzz/fuzz_import.c src/export/ *.c src/model/ *.c
 *     $(pkg-config --cflags --libs jansson) -o fuzz-import
 *   (one command; the globs without the space)
 *   ./fuzz-import corpus/      (seed it with `kickoff export P --format json`)
 *
 * A parse that succeeds is written back and parsed again: the writer's
 * output must always be accepted. */
#include <stdint.h>
#include <stdlib.h>
#include "kickoff/export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_doc doc;
	struct ko_error e;
	if (import_parse((const char *)data, size, &doc, &e) != KO_OK)
		return 0;
	struct export_set set = { &doc.project, doc.meetings, doc.n };
	struct kbuf out = { 0 };
	if (export_json(&set, &out) == KO_OK) {
		struct import_doc again;
		if (import_parse(out.p, out.n, &again, &e) != KO_OK)
			abort();
		import_doc_free(&again);
	}
	kbuf_free(&out);
	import_doc_free(&doc);
	return 0;
}
