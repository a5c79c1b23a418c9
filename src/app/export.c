/* export.c - the minutes of a project or a meeting as bytes or a file,
 * for the export verb and the screens' export key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/clock.h"
#include "kickoff/file.h"

/* What an export covers: a project and some of its meetings. */
struct target {
	struct project project;
	struct minutes *meetings;
	size_t n;
};

static void target_free(struct target *t)
{
	project_free(&t->project);
	for (size_t i = 0; i < t->n; i++)
		minutes_free(&t->meetings[i]);
	free(t->meetings);
	memset(t, 0, sizeof *t);
}

/* Fills t with project_id's meetings, or only meeting_id when not 0. */
static enum ko_err load(struct store *st, int64_t project_id, int64_t meeting_id,
                        struct target *t)
{
	memset(t, 0, sizeof *t);
	enum ko_err rc = store_project_get(st, project_id, &t->project);
	if (rc != KO_OK)
		return rc;
	vec_meeting ms = { 0 };
	if (meeting_id) {
		struct meeting *m = VEC_PUSH(&ms);
		if (!m)
			rc = KO_NOMEM;
		else
			m->id = meeting_id;
	} else {
		rc = store_meetings_of(st, project_id, &ms);
	}
	if (rc == KO_OK && ms.n) {
		t->meetings = calloc(ms.n, sizeof *t->meetings);
		if (!t->meetings)
			rc = KO_NOMEM;
	}
	for (size_t i = 0; i < ms.n && rc == KO_OK; i++) {
		rc = store_minutes(st, ms.v[i].id, &t->meetings[i]);
		if (rc == KO_OK)
			t->n = i + 1;
	}
	vec_meeting_free(&ms);
	if (rc != KO_OK)
		target_free(t);
	return rc;
}

static enum ko_err render(const struct target *t, struct export_opts *o, struct kbuf *out,
                          struct ko_error *e)
{
	char now[21];
	clock_stamp(now);
	o->stamp = now;
	struct export_set set = { &t->project, t->meetings, t->n };
	enum ko_err rc = export_write(&set, o, out, e);
	o->stamp = NULL;
	return rc;
}

/* A file name from a project name: what a folder cannot hold becomes '_'. */
static void file_name(char *buf, size_t size, const char *project, const char *kind,
                      const char *ext)
{
	snprintf(buf, size, "%s-%s.%s", project, kind, ext);
	for (char *p = buf; *p; p++)
		if (*p == '/' || *p == '\\' || (unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '_';
	if (buf[0] == '.')
		buf[0] = '_';
}

enum ko_err app_export_name(struct store *st, int64_t meeting_id, int format, char *buf,
                            size_t size, struct ko_error *e)
{
	struct meeting m;
	enum ko_err rc = store_meeting_get(st, meeting_id, &m);
	if (rc != KO_OK)
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	file_name(buf, size, m.project_name, kind_name(m.kind),
	          export_format_name((enum export_format)format));
	meeting_free(&m);
	return KO_OK;
}

enum ko_err app_export_file(struct store *st, int64_t meeting_id, int format,
                            const char *path, bool force, struct ko_error *e)
{
	struct meeting m;
	enum ko_err rc = store_meeting_get(st, meeting_id, &m);
	if (rc != KO_OK)
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	struct target t;
	rc = load(st, m.project_id, meeting_id, &t);
	if (rc != KO_OK) {
		meeting_free(&m);
		return ko_fail(e, rc, "%s", store_error(st)->msg);
	}
	/* From the screens the file is for a person, who opens a CSV in a
	 * spreadsheet: its form for one (export --spreadsheet). */
	struct export_opts o = { .format = (enum export_format)format, .entity = ENTITY_ACTIONS,
	                         .bom = true, .spreadsheet = true };
	struct kbuf out = { 0 };
	rc = render(&t, &o, &out, e);
	if (rc == KO_OK)
		rc = file_write_atomic(path, out.p ? out.p : "", out.n, force, e);
	kbuf_free(&out);
	target_free(&t);
	meeting_free(&m);
	return rc;
}

enum ko_err app_export(struct store *st, int64_t project_id, int64_t meeting_id,
                       struct export_opts *o, struct kbuf *out, struct ko_error *e)
{
	struct target t;
	if (load(st, project_id, meeting_id, &t) != KO_OK) {
		const struct ko_error *se = store_error(st);
		return ko_fail(e, se->code, "%s", se->msg);
	}
	enum ko_err rc = render(&t, o, out, e);
	target_free(&t);
	return rc;
}
