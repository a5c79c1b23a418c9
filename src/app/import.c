/* import.c - a project read back from a JSON export, all or nothing. */
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/file.h"

enum ko_err app_import_read(const char *path, struct app_import *im, struct ko_error *e)
{
	memset(im, 0, sizeof *im);
	im->path = path;
	enum ko_err rc = file_read_all(path, (size_t)64 << 20, &im->bytes, &im->len, e);
	if (rc != KO_OK)
		return rc;
	struct ko_error pe = { 0 };
	rc = import_parse(im->bytes, im->len, &im->doc, &pe);
	if (rc != KO_OK) {
		free(im->bytes);
		im->bytes = NULL;
		return ko_fail(e, pe.code, "%s: %s", path, pe.msg);
	}
	return KO_OK;
}

enum ko_err app_import_store(struct store *st, const struct app_import *im,
                             struct ko_error *e)
{
	const struct import_doc *d = &im->doc;
	if (store_import(st, &d->project, d->meetings, d->n, NULL) == KO_OK)
		return KO_OK;
	const struct ko_error *se = store_error(st);
	if (se->code == KO_EXISTS)
		return ko_fail(e, se->code, "%s: line %d: project.name: %s", im->path,
		               import_line_of(im->bytes, im->len, "project.name"), se->msg);
	return ko_fail(e, se->code, "%s: %s", im->path, se->msg);
}

void app_import_free(struct app_import *im)
{
	if (im->bytes)
		import_doc_free(&im->doc);
	free(im->bytes);
	memset(im, 0, sizeof *im);
}
