/* write.c - the names of the formats and tables, and the one call that
 * picks a writer.  Apart from buf.c so that every writer depends on the
 * buffer and the dispatcher on the writers, never the other way round. */
#include <string.h>
#include "kickoff/i18n.h"
#include "kickoff/export.h"

static const char *const formats[] = { "md", "json", "csv", "ics" };
static const char *const entities[] = {
	"actions", "decisions", "risks", "attendees", "items", "outputs", "questions", "raci",
};

int export_format_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof formats / sizeof *formats; i++)
		if (strcmp(s, formats[i]) == 0)
			return (int)i;
	return -1;
}

const char *export_format_name(enum export_format f)
{
	return (unsigned)f < sizeof formats / sizeof *formats ? formats[f] : "?";
}

const char *export_entity_name(int i)
{
	return i >= 0 && (size_t)i < sizeof entities / sizeof *entities ? entities[i] : NULL;
}

int export_entity_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof entities / sizeof *entities; i++)
		if (strcmp(s, entities[i]) == 0)
			return (int)i;
	return -1;
}

enum ko_err export_write(const struct export_set *set, const struct export_opts *o,
                         struct kbuf *out, struct ko_error *e)
{
	enum ko_err rc;
	switch (o->format) {
	case EXPORT_MD: rc = export_markdown(set, out); break;
	case EXPORT_JSON: rc = export_json(set, out); break;
	case EXPORT_CSV: rc = export_csv(set, o->entity, o->bom, o->spreadsheet, out); break;
	case EXPORT_ICS: rc = export_ics(set, o->stamp, out); break;
	default: return ko_fail(e, KO_USAGE, _("unknown export format"));
	}
	if (rc == KO_OK && out->oom)
		rc = KO_NOMEM;
	if (rc == KO_NOMEM)
		return ko_fail(e, KO_NOMEM, _("out of memory while exporting"));
	return rc;
}
