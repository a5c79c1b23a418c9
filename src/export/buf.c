/* buf.c - the byte buffer the writers append to, and the names of the
 * formats and tables. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"
#include "kickoff/export.h"

void kbuf_free(struct kbuf *b)
{
	free(b->p);
	memset(b, 0, sizeof *b);
}

static bool grow(struct kbuf *b, size_t more)
{
	if (b->oom)
		return false;
	if (b->n + more + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->n + more + 1) {
		if (cap > SIZE_MAX / 2) {
			b->oom = true;
			return false;
		}
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->p = p;
	b->cap = cap;
	return true;
}

void kbuf_add(struct kbuf *b, const char *s, size_t n)
{
	if (!grow(b, n))
		return;
	if (n)
		memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void kbuf_puts(struct kbuf *b, const char *s)
{
	kbuf_add(b, s, strlen(s));
}

void kbuf_putc(struct kbuf *b, char c)
{
	kbuf_add(b, &c, 1);
}

void kbuf_printf(struct kbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

static const char *const formats[] = { "md", "json", "csv", "ics" };
static const char *const entities[] = {
	"actions", "decisions", "risks", "attendees", "items", "outputs",
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
