/* mail.c - the minutes of a meeting as an e-mail message.
 *
 * Built with GMime rather than by hand: the encoded words of a Chinese
 * subject or name (RFC 2047), the parameters of a file name (RFC 2231),
 * the choice of a transfer encoding and the folding of long headers are
 * what hand-written MIME gets wrong.
 *
 * The calendar goes as it is exported (ics.c), without a METHOD: with
 * one it would be an iTIP message (RFC 5546), whose PUBLISH forbids the
 * ATTENDEE lines the minutes carry and whose REQUEST asks every attendee
 * to answer for every component.  So the attachment's Content-Type has
 * no method parameter either (RFC 6047 asks the two to agree): a mail
 * program offers it as a calendar to import. */
#include <string.h>
#include <gmime/gmime.h>
#include "kickoff/export.h"
#include "export_labels.h"

void export_mail_subject(const struct project *p, const struct minutes *mi, const char *stamp,
                         struct kbuf *out)
{
	const struct labels *L = labels_for(p->lang);
	const struct meeting *mt = &mi->meeting;
	const char *date = mt->starts_at && *mt->starts_at ? mt->starts_at : stamp ? stamp : "";
	kbuf_printf(out, "%s%s%s %s %.10s", L->s[LB_MINUTES], L->colon, p->name,
	            L->s[mt->kind == KIND_TKO ? LB_TKO : LB_KO], date);
}

static void init_once(void)
{
	static bool done;
	if (!done) {
		g_mime_init();
		done = true;
	}
}

/* "YYYY-MM-DDTHH:MM:SSZ" as a UTC time; the epoch when it is not one. */
static GDateTime *utc_of(const char *stamp)
{
	int y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0;
	if (stamp && sscanf(stamp, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &s) != 6)
		y = 1970, mo = 1, d = 1, h = mi = s = 0;
	return g_date_time_new_utc(y, mo, d, h, mi, s);
}

static void add_person(InternetAddressList *list, const struct mail_person *who)
{
	InternetAddress *a = internet_address_mailbox_new(who->name ? who->name : "", who->addr);
	internet_address_list_add(list, a);
	g_object_unref(a);
}

/* A leaf part of type/subtype holding bytes, in the transfer encoding
 * that keeps them intact through 7-bit mail. */
static GMimePart *leaf(const char *type, const char *subtype, const char *bytes, size_t n)
{
	GMimePart *part = g_mime_part_new_with_type(type, subtype);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(bytes, n);
	GMimeDataWrapper *content =
		g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(part, content);
	g_object_unref(content);
	g_object_unref(stream);
	g_mime_part_set_content_encoding(
		part, g_mime_part_get_best_content_encoding(part, GMIME_ENCODING_CONSTRAINT_7BIT));
	return part;
}

enum ko_err export_mail(const struct export_set *set, const struct mail_opts *o,
                        struct kbuf *out, struct ko_error *e)
{
	if (set->n != 1 || !o->nto)
		return ko_fail(e, KO_INVALID, "a message carries the minutes of one meeting, to someone");
	const struct minutes *mi = &set->meetings[0];
	struct kbuf subject = { 0 }, text = { 0 }, ics = { 0 };
	export_mail_subject(set->project, mi, o->stamp, &subject);
	enum ko_err rc = subject.oom ? KO_NOMEM : KO_OK;
	if (rc == KO_OK)
		rc = export_markdown(set, &text);
	if (rc == KO_OK)
		rc = export_ics(set, o->stamp, &ics);
	if (rc != KO_OK) {
		kbuf_free(&subject);
		kbuf_free(&text);
		kbuf_free(&ics);
		return ko_fail(e, rc, "out of memory");
	}

	init_once();
	GMimeMessage *msg = g_mime_message_new(TRUE);
	add_person(g_mime_message_get_from(msg), &o->from);
	InternetAddressList *to = g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO);
	for (size_t i = 0; i < o->nto; i++)
		add_person(to, &o->to[i]);
	g_mime_message_set_subject(msg, subject.p, "utf-8");
	GDateTime *date = utc_of(o->stamp);
	g_mime_message_set_date(msg, date);
	g_date_time_unref(date);
	if (o->message_id)
		g_mime_message_set_message_id(msg, o->message_id);

	GMimeMultipart *mixed = g_mime_multipart_new_with_subtype("mixed");
	GMimePart *body = leaf("text", "plain", text.p, text.n);
	g_mime_multipart_add(mixed, GMIME_OBJECT(body));
	g_object_unref(body);
	GMimePart *cal = leaf("text", "calendar", ics.p, ics.n);
	g_mime_part_set_filename(cal, o->ics_name ? o->ics_name : "minutes.ics");
	g_mime_multipart_add(mixed, GMIME_OBJECT(cal));
	g_object_unref(cal);
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
	g_object_unref(mixed);

	char *bytes = g_mime_object_to_string(GMIME_OBJECT(msg), NULL);
	if (bytes) {
		kbuf_puts(out, bytes);
		g_free(bytes);
	}
	g_object_unref(msg);
	kbuf_free(&subject);
	kbuf_free(&text);
	kbuf_free(&ics);
	if (!bytes || out->oom)
		return ko_fail(e, KO_NOMEM, "out of memory");
	return KO_OK;
}
