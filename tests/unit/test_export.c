/* test_export.c - the pure writers: CSV quoting, iCalendar folding and
 * escaping, Markdown escaping, JSON written and read back, without a
 * database. */
#include <check.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/export.h"
#include "kickoff/text.h"

static char *csv1(const char *s)
{
	struct kbuf b = { 0 };
	csv_field(&b, s, false);
	kbuf_add(&b, "", 0);
	return b.p;
}

START_TEST(csv_quoting)
{
	struct { const char *in, *out; } cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "a,b", "\"a,b\"" },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "two\nlines", "\"two\nlines\"" },
		{ "cr\rhere", "\"cr\rhere\"" },
		{ "中文,逗号", "\"中文,逗号\"" },
		{ " spaced ", " spaced " },
		{ "semi;colon", "semi;colon" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = csv1(cases[i].in);
		ck_assert_str_eq(got, cases[i].out);
		free(got);
	}
}
END_TEST

START_TEST(csv_formula_guard)
{
	struct { const char *in, *out; } cases[] = {
		{ "=1+1", "'=1+1" },
		{ "+86 10", "'+86 10" },
		{ "-x", "'-x" },
		{ "@sum", "'@sum" },
		{ "\tx", "'\tx" },
		{ "\rx", "\"'\rx\"" },
		{ "=a,b", "\"'=a,b\"" },
		{ "a=b", "a=b" },
		{ "2026-12-01", "2026-12-01" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct kbuf b = { 0 };
		csv_field(&b, cases[i].in, true);
		kbuf_add(&b, "", 0);
		ck_assert_str_eq(b.p, cases[i].out);
		free(b.p);
	}
}
END_TEST

static char *fold(const char *line)
{
	struct kbuf b = { 0 };
	ics_fold(&b, line, strlen(line));
	return b.p;
}

/* Every physical line: at most 75 octets before CRLF, valid UTF-8 on its
 * own; unfolding gives the line back. */
static void check_folded(const char *line, const char *folded)
{
	struct kbuf un = { 0 };
	const char *p = folded;
	bool first = true;
	while (*p) {
		const char *end = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(end);
		size_t n = (size_t)(end - p);
		ck_assert_uint_le(n, 75);
		ck_assert(utf8_valid(p, n));
		if (!first) {
			ck_assert_int_eq(p[0], ' ');
			kbuf_add(&un, p + 1, n - 1);
		} else {
			kbuf_add(&un, p, n);
		}
		first = false;
		p = end + 2;
	}
	kbuf_add(&un, "", 0);
	ck_assert_str_eq(un.p, line);
	kbuf_free(&un);
}

START_TEST(ics_fold_ascii)
{
	char line[201];
	memset(line, 'a', 200);
	line[200] = '\0';
	char *f = fold(line);
	check_folded(line, f);
	/* 75, then 1 + 74, then 1 + 51 */
	ck_assert_int_eq(strstr(f, "\r\n") - f, 75);
	ck_assert_int_eq(strstr(f + 77, "\r\n") - (f + 77), 75);
	free(f);
	f = fold("SHORT:x");
	ck_assert_str_eq(f, "SHORT:x\r\n");
	free(f);
	/* Exactly 75 octets: no fold. */
	memset(line, 'b', 75);
	line[75] = '\0';
	f = fold(line);
	ck_assert_uint_eq(strlen(f), 77);
	free(f);
}
END_TEST

START_TEST(ics_fold_multibyte)
{
	/* "SUMMARY:" and 30 three-octet characters: the 23rd would end at
	 * octet 77, so the first line stops at 74 octets. */
	struct kbuf b = { 0 };
	kbuf_puts(&b, "SUMMARY:");
	for (int i = 0; i < 30; i++)
		kbuf_puts(&b, "中");
	char *f = fold(b.p);
	check_folded(b.p, f);
	ck_assert_int_eq(strstr(f, "\r\n") - f, 74);
	free(f);
	/* Four-octet characters at every offset. */
	for (int pad = 0; pad < 4; pad++) {
		b.n = 0;
		for (int i = 0; i < pad; i++)
			kbuf_putc(&b, 'x');
		for (int i = 0; i < 50; i++)
			kbuf_puts(&b, "\xF0\x9F\x98\x80");    /* U+1F600 */
		f = fold(b.p);
		check_folded(b.p, f);
		free(f);
	}
	/* Two-octet characters with an odd start. */
	b.n = 0;
	kbuf_puts(&b, "DESCRIPTION:");
	for (int i = 0; i < 100; i++)
		kbuf_puts(&b, "é");
	f = fold(b.p);
	check_folded(b.p, f);
	free(f);
	kbuf_free(&b);
}
END_TEST

START_TEST(ics_text_escaping)
{
	struct kbuf b = { 0 };
	ics_text(&b, "a,b;c\\d\ne\r\nf\x01g\tz");
	ck_assert_str_eq(b.p, "a\\,b\\;c\\\\d\\ne\\nfg\tz");
	kbuf_free(&b);
	ics_text(&b, "中文，逗号");
	ck_assert_str_eq(b.p, "中文，逗号");
	kbuf_free(&b);
}
END_TEST

static char *md(const char *s, const char *indent)
{
	struct kbuf b = { 0 };
	md_text(&b, s, indent);
	kbuf_add(&b, "", 0);
	return b.p;
}

START_TEST(md_escaping)
{
	char *s = md("*bold* _it_ `code` [link](x) <b> a|b ~s~ #1 &amp; !x", NULL);
	ck_assert_str_eq(s, "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> a\\|b \\~s\\~ \\#1 \\&amp; \\!x");
	free(s);
	s = md("one\ntwo", NULL);
	ck_assert_str_eq(s, "one two");
	free(s);
	/* Newlines become hard breaks; what would open a block is escaped. */
	s = md("intro\n- item\n1. first\n# head\n+ plus", "  ");
	ck_assert_str_eq(s, "intro\\\n  \\- item\\\n  1\\. first\\\n  \\# head\\\n  \\+ plus");
	free(s);
	s = md("中文 a\\b", NULL);
	ck_assert_str_eq(s, "中文 a\\\\b");
	free(s);
}
END_TEST

/* ---- a meeting built in memory ---- */

static char *S(const char *s) { return strdup(s); }

static void fixture(struct project *p, struct minutes *mi)
{
	memset(p, 0, sizeof *p);
	memset(mi, 0, sizeof *mi);
	p->id = 7; p->name = S("天河"); p->customer = S("ACME, Inc."); p->code = S("");
	p->lang = S("zh"); p->template_name = S("standard");
	p->created_at = S("2026-11-26T09:00:00Z"); p->version = 1;
	struct meeting *m = &mi->meeting;
	m->id = 3; m->project_id = 7; m->kind = KIND_KO; m->title = S("启动会");
	m->starts_at = S("2026-12-02 09:30"); m->place = S("三楼; room \"A\"");
	m->host = S("王经理"); m->purpose = S(""); m->status = MSTATUS_HELD; m->version = 2;
	m->project_name = S("天河"); m->lang = S("zh");
	struct attendee *a = VEC_PUSH(&mi->attendees);
	a->id = 1; a->meeting_id = 3; a->name = S("李, 总"); a->role = S(""); a->organisation = S("");
	a->email = S("li@example.com"); a->status = PSTATUS_PRESENT; a->version = 1;
	for (int i = 1; i <= 2; i++) {
		struct item *it = VEC_PUSH(&mi->items);
		it->id = 10 + i; it->meeting_id = 3; it->position = i;
		it->title = S(i == 1 ? "项目背景介绍" : "Scope | *all*");
		it->note = S(i == 1 ? "line one\nline two" : "");
		it->checked_at = S(i == 1 ? "2026-11-26T09:00:00Z" : "");
		it->checked_by = S(i == 1 ? "tester" : "");
		it->version = 1;
		/* Item 1 timed and over its plan, item 2 running. */
		it->planned_minutes = i == 1 ? 5 : 10;
		it->presenter = S(i == 1 ? "王伟" : "");
		it->clock_started_at = S(i == 1 ? "" : "2026-11-26T09:07:00Z");
		it->clock_seconds = i == 1 ? 420 : 0;
		it->read_seconds = i == 1 ? 420 : 90;
	}
	struct decision *d = VEC_PUSH(&mi->decisions);
	d->id = 4; d->meeting_id = 3; d->item_id = 11; d->item_position = 1;
	d->text = S("三月上线"); d->decided_by = S("李总"); d->decided_at = S("2026-11-26T09:00:00Z");
	d->version = 1;
	struct risk *r = VEC_PUSH(&mi->risks);
	r->id = 5; r->meeting_id = 3; r->text = S("risk"); r->likelihood = LEVEL_HIGH;
	r->impact = LEVEL_LOW; r->mitigation = S(""); r->owner = S(""); r->status = RSTATUS_OPEN;
	r->version = 1;
	struct output *o = VEC_PUSH(&mi->outputs);
	o->id = 6; o->meeting_id = 3; o->position = 1; o->name = S("项目章程"); o->owner = S("");
	o->status = OSTATUS_DRAFTING; o->link = S("https://wiki/x?a=1,b=2"); o->version = 3;
	struct action *ac = VEC_PUSH(&mi->actions);
	ac->id = 8; ac->meeting_id = 3; ac->decision_id = 4;
	ac->text = S("完成项目章程并提交给客户审批，包括范围说明书、目标说明书和进度计划，确保所有干系人签字确认");
	ac->owner = S("王经理"); ac->due = S("2026-12-09"); ac->status = ASTATUS_OPEN;
	ac->created_at = S("2026-11-26T09:00:00Z"); ac->done_at = S(""); ac->version = 1;
	ac->project_name = S(""); 
	ac = VEC_PUSH(&mi->actions);
	ac->id = 9; ac->meeting_id = 3; ac->text = S("done, really"); ac->owner = S("x");
	ac->due = S(""); ac->status = ASTATUS_DONE; ac->created_at = S("2026-11-26T09:00:00Z");
	ac->done_at = S("2026-11-27T10:00:00Z"); ac->version = 2; ac->project_name = S("");
}

START_TEST(json_round_trip)
{
	struct project p;
	struct minutes mi;
	fixture(&p, &mi);
	struct export_set set = { &p, &mi, 1 };
	struct kbuf a = { 0 }, b = { 0 };
	ck_assert_int_eq(export_json(&set, &a), KO_OK);
	ck_assert_ptr_nonnull(strstr(a.p, "\"name\": \"天河\""));   /* not \u escaped */
	struct import_doc doc;
	struct ko_error e = { 0 };
	ck_assert_int_eq(import_parse(a.p, a.n, &doc, &e), KO_OK);
	ck_assert_uint_eq(doc.n, 1);
	struct export_set set2 = { &doc.project, doc.meetings, doc.n };
	ck_assert_int_eq(export_json(&set2, &b), KO_OK);
	ck_assert_str_eq(a.p, b.p);
	/* The other writers agree on both. */
	for (int f = EXPORT_MD; f <= EXPORT_ICS; f++) {
		struct kbuf x = { 0 }, y = { 0 };
		struct export_opts o = { .format = f, .stamp = "2026-11-26T09:00:00Z" };
		ck_assert_int_eq(export_write(&set, &o, &x, &e), KO_OK);
		ck_assert_int_eq(export_write(&set2, &o, &y, &e), KO_OK);
		ck_assert_str_eq(x.p, y.p);
		kbuf_free(&x);
		kbuf_free(&y);
	}
	import_doc_free(&doc);
	kbuf_free(&a);
	kbuf_free(&b);
	minutes_free(&mi);
	project_free(&p);
}
END_TEST

START_TEST(import_errors)
{
	struct import_doc doc;
	struct ko_error e = { 0 };
	const char *bad = "{\n  \"format\": \"kickoff/1\",\n  \"project\": {\n    \"id\": \"x\"\n  }\n}\n";
	ck_assert_int_eq(import_parse(bad, strlen(bad), &doc, &e), KO_INVALID);
	ck_assert_str_eq(e.msg, "line 4: project.id: must be a whole number");
	const char *missing = "{\n  \"format\": \"kickoff/1\",\n  \"project\": {\n    \"id\": 1\n  }\n}\n";
	ck_assert_int_eq(import_parse(missing, strlen(missing), &doc, &e), KO_INVALID);
	ck_assert_str_eq(e.msg, "line 3: project.name: missing");
	const char *fmt = "{\"format\": 1}";
	ck_assert_int_eq(import_parse(fmt, strlen(fmt), &doc, &e), KO_INVALID);
	ck_assert_str_eq(e.msg, "line 1: format: unknown format (want \"kickoff/1\")");
	const char *dup = "{\"format\": \"kickoff/1\", \"format\": \"kickoff/1\"}";
	ck_assert_int_eq(import_parse(dup, strlen(dup), &doc, &e), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "duplicate"));
	/* Not NUL-terminated, and cut anywhere: an error, never a crash. */
	const char *good = "{\"format\": \"kickoff/1\", \"project\": {}}";
	for (size_t n = 0; n < strlen(good); n++) {
		char *cut = malloc(n ? n : 1);
		memcpy(cut, good, n);
		ck_assert_int_eq(import_parse(cut, n, &doc, &e), KO_INVALID);
		free(cut);
	}
}
END_TEST

START_TEST(line_of)
{
	const char *j = "{\n \"a\": [\n  {\"b\": 1},\n  {\"b\":\n   2}\n ],\n \"c\": {\"d\": null}\n}";
	size_t n = strlen(j);
	ck_assert_int_eq(import_line_of(j, n, ""), 1);
	ck_assert_int_eq(import_line_of(j, n, "a"), 2);
	ck_assert_int_eq(import_line_of(j, n, "a[0].b"), 3);
	ck_assert_int_eq(import_line_of(j, n, "a[1].b"), 5);
	ck_assert_int_eq(import_line_of(j, n, "c.d"), 7);
	ck_assert_int_eq(import_line_of(j, n, "a[2]"), 0);
	ck_assert_int_eq(import_line_of(j, n, "e"), 0);
}
END_TEST

/* libical's own parser reads the calendar: the escaping and folding are
 * what a calendar library expects. */
START_TEST(ics_read_by_libical)
{
	struct project p;
	struct minutes mi;
	fixture(&p, &mi);
	struct export_set set = { &p, &mi, 1 };
	struct kbuf b = { 0 };
	ck_assert_int_eq(export_ics(&set, "2026-11-26T09:00:00Z", &b), KO_OK);
	icalcomponent *cal = icalparser_parse_string(b.p);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VTODO_COMPONENT), 2);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 1);
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	ck_assert_str_eq(icalcomponent_get_location(ev), "三楼; room \"A\"");
	ck_assert_int_eq(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 1);
	icalproperty *att = icalcomponent_get_first_property(ev, ICAL_ATTENDEE_PROPERTY);
	ck_assert_str_eq(icalproperty_get_attendee(att), "mailto:li@example.com");
	ck_assert_str_eq(icalproperty_get_parameter_as_string(att, "PARTSTAT"), "ACCEPTED");
	ck_assert_str_eq(icalproperty_get_parameter_as_string(att, "CN"), "李, 总");
	/* the host, 王经理, is no attendee with an address: no ORGANIZER */
	ck_assert_int_eq(icalcomponent_count_properties(ev, ICAL_ORGANIZER_PROPERTY), 0);
	ck_assert_ptr_null(strstr(b.p, "invalid:"));
	icalcomponent *todo = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	ck_assert_str_eq(icalcomponent_get_summary(todo), mi.actions.v[0].text);
	struct icaltimetype due = icalcomponent_get_due(todo);
	ck_assert_int_eq(due.year, 2026);
	ck_assert_int_eq(due.month, 12);
	ck_assert_int_eq(due.day, 9);
	ck_assert_int_eq(icalcomponent_get_status(todo), ICAL_STATUS_NEEDSACTION);
	todo = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT);
	ck_assert_str_eq(icalcomponent_get_summary(todo), "done, really");
	ck_assert_int_eq(icalcomponent_get_status(todo), ICAL_STATUS_COMPLETED);
	/* SEQUENCE follows the row's version (2: saved twice). */
	ck_assert_int_eq(icalcomponent_get_sequence(todo), 1);
	ck_assert_int_eq(icalcomponent_get_sequence(ev), 1);
	icalcomponent_free(cal);
	kbuf_free(&b);
	minutes_free(&mi);
	project_free(&p);
}
END_TEST

/* A multi-line action: SUMMARY is its first line (calcurse skips a
 * summary with a line break), the rest opens DESCRIPTION; and the calendar
 * passes libical's RFC 5546 restriction checker (no METHOD with ATTENDEE
 * lines that it forbids). */
START_TEST(ics_summary_one_line_and_restrictions)
{
	struct project p;
	struct minutes mi;
	fixture(&p, &mi);
	free(mi.actions.v[0].text);
	mi.actions.v[0].text = strdup("Draft the charter\nwith the sponsor\r\nby Friday");
	free(mi.meeting.title);
	mi.meeting.title = strdup("启动会\n第二行");
	/* the host with an address, someone who sent regrets, someone without one */
	struct attendee *a = VEC_PUSH(&mi.attendees);
	a->id = 2; a->meeting_id = 3; a->name = strdup("王经理"); a->role = strdup("");
	a->organisation = strdup(""); a->email = strdup("wang@example.com");
	a->status = PSTATUS_REGRETS; a->version = 1;
	a = VEC_PUSH(&mi.attendees);
	a->id = 3; a->meeting_id = 3; a->name = strdup("Cy"); a->role = strdup("");
	a->organisation = strdup(""); a->email = strdup(""); a->version = 1;
	struct export_set set = { &p, &mi, 1 };
	struct kbuf b = { 0 };
	ck_assert_int_eq(export_ics(&set, "2026-11-26T09:00:00Z", &b), KO_OK);
	ck_assert_ptr_null(strstr(b.p, "METHOD:"));
	icalcomponent *cal = icalparser_parse_string(b.p);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalrestriction_check(cal), 1);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	icalcomponent *todo = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	ck_assert_str_eq(icalcomponent_get_summary(todo), "Draft the charter");
	const char *desc = icalcomponent_get_description(todo);
	ck_assert_ptr_nonnull(desc);
	ck_assert_int_eq(strncmp(desc, "with the sponsor\nby Friday\n\n", 27), 0);
	icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	ck_assert_ptr_null(strchr(icalcomponent_get_summary(ev), '\n'));
	ck_assert_int_eq(strncmp(icalcomponent_get_summary(ev), "启动会 ", strlen("启动会 ")), 0);
	ck_assert_str_eq(icalcomponent_get_description(ev), "第二行");
	ck_assert_str_eq(icalproperty_get_organizer(icalcomponent_get_first_property(
		ev, ICAL_ORGANIZER_PROPERTY)), "mailto:wang@example.com");
	ck_assert_int_eq(icalcomponent_count_properties(ev, ICAL_ATTENDEE_PROPERTY), 2);
	ck_assert_ptr_nonnull(strstr(b.p, "ATTENDEE;CN=王经理;ROLE=CHAIR;PARTSTAT=DECLINED:mailto:wang@example.com\r\n"));
	ck_assert_ptr_null(strstr(b.p, "CN=Cy"));
	icalcomponent_free(cal);
	kbuf_free(&b);
	minutes_free(&mi);
	project_free(&p);
}
END_TEST

START_TEST(csv_export)
{
	struct project p;
	struct minutes mi;
	fixture(&p, &mi);
	struct export_set set = { &p, &mi, 1 };
	struct kbuf b = { 0 };
	free(mi.outputs.v[0].due);
	mi.outputs.v[0].due = strdup("2026-12-20");
	ck_assert_int_eq(export_csv(&set, ENTITY_OUTPUTS, true, false, &b), KO_OK);
	ck_assert_str_eq(b.p, "\xEF\xBB\xBFproject,meeting,position,name,owner,due,status,link\r\n"
	                      "天河,ko,1,项目章程,,2026-12-20,drafting,\"https://wiki/x?a=1,b=2\"\r\n");
	kbuf_free(&b);
	ck_assert_int_eq(export_csv(&set, ENTITY_ITEMS, false, false, &b), KO_OK);
	/* The note, then the plan and the time run (7 min of 5), then the
	 * clock's own fields. */
	ck_assert_ptr_nonnull(strstr(b.p, ",note,planned_minutes,presenter,actual_minutes,"
	                                  "clock_started_at,clock_seconds\r\n"));
	ck_assert_ptr_nonnull(strstr(b.p, "\"line one\nline two\",5,王伟,7,,420\r\n"));
	ck_assert_ptr_nonnull(strstr(b.p, ",10,,2,2026-11-26T09:07:00Z,0\r\n"));
	kbuf_free(&b);
	minutes_free(&mi);
	project_free(&p);
}
END_TEST

Suite *suite_export(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("writers");
	tcase_add_test(tc, csv_quoting);
	tcase_add_test(tc, csv_formula_guard);
	tcase_add_test(tc, ics_fold_ascii);
	tcase_add_test(tc, ics_fold_multibyte);
	tcase_add_test(tc, ics_text_escaping);
	tcase_add_test(tc, md_escaping);
	tcase_add_test(tc, csv_export);
	tcase_add_test(tc, ics_read_by_libical);
	tcase_add_test(tc, ics_summary_one_line_and_restrictions);
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, json_round_trip);
	tcase_add_test(tc, import_errors);
	tcase_add_test(tc, line_of);
	suite_add_tcase(s, tc);
	return s;
}
