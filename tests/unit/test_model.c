/* test_model.c - built-in templates and templates from JSON, the
 * TKO-after-KO rule, overdue actions, state names, error codes, the
 * user's identity and default database. */
#include <stdio.h>
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/error.h"
#include "kickoff/i18n.h"
#include "kickoff/identity.h"
#include "kickoff/model.h"
#include "kickoff/template.h"

/* The titles of seed/checklists.md, in its order. */
static const char *const ko_items_en[] = {
	"Project background", "Customer needs analysis", "Project objectives",
	"Scope confirmation", "Organisation structure", "Roles and responsibilities",
	"Communication plan", "Schedule and milestones", "Risk identification",
	"Acceptance criteria", "Delivery standards", "Quality management requirements",
	"Change management process",
};
static const char *const ko_items_zh[] = {
	"项目背景介绍", "客户需求分析", "项目目标明确", "项目范围确认", "项目组织结构介绍",
	"职责分工", "沟通计划", "进度计划/主要里程碑", "风险识别", "项目验收标准", "交付标准",
	"质量管理要求", "变更管理流程",
};
static const char *const tko_items_en[] = {
	"Technical architecture design", "Technology selection", "Development process",
	"Interface definitions", "Data interaction and storage standards",
	"Environment setup requirements", "Technical difficulties", "Performance targets",
	"Technical risk analysis", "Technical delivery standards",
};
static const char *const tko_items_zh[] = {
	"技术架构设计方案", "技术选型", "开发流程确认", "接口定义", "数据交互与存储标准",
	"环境搭建要求", "技术实现难点", "性能指标确认", "技术风险分析", "技术交付标准明确",
};
static const char *const ko_outputs_en[] = {
	"Project charter", "Project management plan", "Objectives statement", "Scope statement",
	"Roles and responsibilities matrix", "Communication plan", "Risk management plan",
	"Schedule",
};
static const char *const ko_outputs_zh[] = {
	"项目章程", "项目管理计划", "项目目标说明书", "项目范围说明书", "项目角色职责矩阵",
	"沟通计划", "风险管理计划", "进度计划",
};
static const char *const tko_outputs_en[] = {
	"Technical design document", "Architecture design document",
	"Interface definition document", "Data flow design", "Development standards",
	"Test plan", "Technical delivery standards", "Environment setup guide",
	"Technical risk management plan",
};
static const char *const tko_outputs_zh[] = {
	"技术方案设计文档", "架构设计文档", "接口定义文档", "数据流转设计", "开发规范",
	"测试方案", "技术交付标准", "环境搭建说明书", "技术风险管理方案",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void expect_list(char **got, size_t n_got, const char *const *want, size_t n_want)
{
	ck_assert_uint_eq(n_got, n_want);
	for (size_t i = 0; i < n_want; i++)
		ck_assert_str_eq(got[i], want[i]);
}

START_TEST(builtin_templates)
{
	struct agenda a;
	ck_assert_int_eq(template_builtin(KIND_KO, "en", &a), KO_OK);
	ck_assert_uint_eq(a.n_items, 13);
	ck_assert_uint_eq(a.n_outputs, 8);
	expect_list(a.items, a.n_items, ko_items_en, N(ko_items_en));
	expect_list(a.outputs, a.n_outputs, ko_outputs_en, N(ko_outputs_en));
	agenda_free(&a);
	ck_assert_uint_eq(a.n_items, 0);
	ck_assert_ptr_null(a.items);

	ck_assert_int_eq(template_builtin(KIND_KO, "zh", &a), KO_OK);
	expect_list(a.items, a.n_items, ko_items_zh, N(ko_items_zh));
	expect_list(a.outputs, a.n_outputs, ko_outputs_zh, N(ko_outputs_zh));
	agenda_free(&a);

	ck_assert_int_eq(template_builtin(KIND_TKO, "en", &a), KO_OK);
	ck_assert_uint_eq(a.n_items, 10);
	ck_assert_uint_eq(a.n_outputs, 9);
	expect_list(a.items, a.n_items, tko_items_en, N(tko_items_en));
	expect_list(a.outputs, a.n_outputs, tko_outputs_en, N(tko_outputs_en));
	agenda_free(&a);

	ck_assert_int_eq(template_builtin(KIND_TKO, "zh", &a), KO_OK);
	expect_list(a.items, a.n_items, tko_items_zh, N(tko_items_zh));
	expect_list(a.outputs, a.n_outputs, tko_outputs_zh, N(tko_outputs_zh));
	agenda_free(&a);

	/* any other language, or none, is English */
	ck_assert_int_eq(template_builtin(KIND_TKO, NULL, &a), KO_OK);
	ck_assert_str_eq(a.items[0], "Technical architecture design");
	agenda_free(&a);
	ck_assert_int_eq(template_builtin(KIND_KO, "fr", &a), KO_OK);
	ck_assert_str_eq(a.items[0], "Project background");
	agenda_free(&a);
}
END_TEST

static const char good_body[] =
	"{ \"format\": \"kickoff-template/1\", \"name\": \"lean\","
	"  \"ko\": { \"en\": { \"items\": [\"Why\", \"What\", \"Who\"], \"outputs\": [\"Charter\"] },"
	"           \"zh\": { \"items\": [\"为什么\"], \"outputs\": [] } },"
	"  \"tko\": { \"zh\": { \"items\": [\"架构\", \"接口\"] } } }";

START_TEST(json_templates_good)
{
	struct agenda a;
	struct ko_error e = { 0 };
	ck_assert_int_eq(template_from_json(good_body, KIND_KO, "en", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_items, 3);
	ck_assert_str_eq(a.items[2], "Who");
	ck_assert_uint_eq(a.n_outputs, 1);
	ck_assert_str_eq(a.outputs[0], "Charter");
	agenda_free(&a);
	ck_assert_int_eq(template_from_json(good_body, KIND_KO, "zh", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_items, 1);
	ck_assert_str_eq(a.items[0], "为什么");
	ck_assert_uint_eq(a.n_outputs, 0);
	agenda_free(&a);
	/* the missing language falls back to the other */
	ck_assert_int_eq(template_from_json(good_body, KIND_TKO, "en", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_items, 2);
	ck_assert_str_eq(a.items[1], "接口");
	ck_assert_uint_eq(a.n_outputs, 0);      /* outputs may be left out */
	agenda_free(&a);
	/* a missing kind is the built-in one */
	ck_assert_int_eq(template_from_json("{\"ko\": {\"en\": {\"items\": [\"a\"]}}}", KIND_TKO,
	                                    "zh", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_items, 10);
	ck_assert_str_eq(a.items[0], "技术架构设计方案");
	agenda_free(&a);
	ck_assert_int_eq(template_from_json("{}", KIND_KO, "en", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_items, 13);
	agenda_free(&a);
}
END_TEST

START_TEST(json_templates_bad)
{
	static const char *const bad[] = {
		"",
		"{",
		"not json",
		"[]",
		"42",
		"\"ko\"",
		"null",
		"{\"ko\": 5}",
		"{\"ko\": {}}",
		"{\"ko\": {\"en\": []}}",
		"{\"ko\": {\"en\": {}}}",
		"{\"ko\": {\"en\": {\"items\": \"Why\"}}}",
		"{\"ko\": {\"en\": {\"items\": [\"Why\", \"\"]}}}",
		"{\"ko\": {\"en\": {\"items\": [\"Why\", 3]}}}",
		"{\"ko\": {\"en\": {\"items\": [null]}}}",
		"{\"ko\": {\"en\": {\"items\": [\"Why\"], \"outputs\": {}}}}",
		"{\"ko\": {\"en\": {\"items\": [\"Why\"], \"outputs\": [\"\"]}}}",
	};
	for (size_t i = 0; i < N(bad); i++) {
		struct agenda a = { 0 };
		struct ko_error e = { 0 };
		enum ko_err rc = template_from_json(bad[i], KIND_KO, "en", &a, &e);
		ck_assert_msg(rc == KO_INVALID, "body %zu '%s' gave %d", i, bad[i], rc);
		ck_assert_msg(e.code == KO_INVALID && strncmp(e.msg, "template", 8) == 0,
		              "body %zu: message '%s'", i, e.msg);
		ck_assert_ptr_null(a.items);
		ck_assert_uint_eq(a.n_items, 0);
	}
	/* a NULL error is allowed */
	struct agenda a = { 0 };
	ck_assert_int_eq(template_from_json("{", KIND_KO, "en", &a, NULL), KO_INVALID);
}
END_TEST

START_TEST(tko_after_ko)
{
	ck_assert(tko_needs_warning(-1));
	ck_assert(tko_needs_warning(MSTATUS_PLANNED));
	ck_assert(!tko_needs_warning(MSTATUS_HELD));
	ck_assert(!tko_needs_warning(MSTATUS_CLOSED));
}
END_TEST

START_TEST(overdue)
{
	struct action a = { .status = ASTATUS_OPEN, .due = "2026-11-25" };
	ck_assert(action_is_overdue(&a, "2026-11-26"));
	a.due = "2026-11-26";
	ck_assert(!action_is_overdue(&a, "2026-11-26"));     /* due today is not late */
	a.due = "2026-11-27";
	ck_assert(!action_is_overdue(&a, "2026-11-26"));
	a.due = "2025-12-31";
	ck_assert(action_is_overdue(&a, "2026-01-01"));
	a.due = "";
	ck_assert(!action_is_overdue(&a, "2026-11-26"));
	a.due = NULL;
	ck_assert(!action_is_overdue(&a, "2026-11-26"));
	a.due = "2026-01-01";
	a.status = ASTATUS_DONE;
	ck_assert(!action_is_overdue(&a, "2026-11-26"));
	a.status = ASTATUS_DROPPED;
	ck_assert(!action_is_overdue(&a, "2026-11-26"));
}
END_TEST

#define WRAP(fn, type) static const char *w_##fn(int v) { return fn((type)v); }
WRAP(kind_name, enum meeting_kind)
WRAP(meeting_status_name, enum meeting_status)
WRAP(level_name, enum level)
WRAP(risk_status_name, enum risk_status)
WRAP(output_status_name, enum output_status)
WRAP(action_status_name, enum action_status)

START_TEST(state_names)
{
	static const char *const kinds[] = { "ko", "tko" };
	static const char *const mst[] = { "planned", "held", "closed" };
	static const char *const lv[] = { "low", "medium", "high" };
	static const char *const rst[] = { "open", "mitigated", "closed" };
	static const char *const ost[] = { "todo", "drafting", "done" };
	static const char *const ast[] = { "open", "done", "dropped" };
	struct { const char *(*name)(int); int (*parse)(const char *); const char *const *names; int n; } t[] = {
		{ w_kind_name, kind_parse, kinds, 2 },
		{ w_meeting_status_name, meeting_status_parse, mst, 3 },
		{ w_level_name, level_parse, lv, 3 },
		{ w_risk_status_name, risk_status_parse, rst, 3 },
		{ w_output_status_name, output_status_parse, ost, 3 },
		{ w_action_status_name, action_status_parse, ast, 3 },
	};
	for (size_t k = 0; k < N(t); k++) {
		for (int i = 0; i < t[k].n; i++) {
			ck_assert_str_eq(t[k].name(i), t[k].names[i]);
			ck_assert_int_eq(t[k].parse(t[k].names[i]), i);
		}
		ck_assert_str_eq(t[k].name(t[k].n), "?");
		ck_assert_str_eq(t[k].name(-1), "?");
		ck_assert_int_eq(t[k].parse("bogus"), -1);
		ck_assert_int_eq(t[k].parse(""), -1);
		ck_assert_int_eq(t[k].parse(NULL), -1);
	}
	ck_assert_int_eq(kind_parse("KO"), -1);      /* exact, as typed */
}
END_TEST

/* A plain addr-spec: dot-atoms either side of one '@'. */
START_TEST(email_addresses)
{
	const char *good[] = { "ann@example.com", "a.b-c+tag@mail.example.co.uk", "x@y",
	                       "o'neil@example.ie", "ann_lee{1}@example.com" };
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ck_assert_msg(email_valid(good[i]), "%s refused", good[i]);
	const char *bad[] = { "", "ann", "@example.com", "ann@", "a@b@c", ".ann@example.com",
	                      "ann.@example.com", "a..b@example.com", "ann@example..com",
	                      "ann@.example.com", "ann lee@example.com", "\"ann\"@example.com",
	                      "ann@[192.0.2.1]", "Ann <ann@example.com>", "ann@example.com ",
	                      "ann@exa\nmple.com", "王@example.com" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ck_assert_msg(!email_valid(bad[i]), "%s accepted", bad[i]);
	char local[66], long_addr[300];
	memset(local, 'a', 65);
	local[65] = '\0';
	snprintf(long_addr, sizeof long_addr, "%s@example.com", local);
	ck_assert(!email_valid(long_addr));     /* a local part of 65 octets */
	local[64] = '\0';
	snprintf(long_addr, sizeof long_addr, "%s@example.com", local);
	ck_assert(email_valid(long_addr));
	ck_assert_str_eq(attendee_status_name(PSTATUS_REGRETS), "regrets");
	ck_assert_int_eq(attendee_status_parse("present"), PSTATUS_PRESENT);
	ck_assert_int_eq(attendee_status_parse("absent"), -1);
}
END_TEST

START_TEST(error_codes)
{
	ck_assert_int_eq(ko_err_exit(KO_OK), 0);
	ck_assert_int_eq(ko_err_exit(KO_USAGE), 1);
	enum ko_err data[] = { KO_NOTFOUND, KO_INVALID, KO_EXISTS, KO_CONFLICT };
	for (size_t i = 0; i < N(data); i++)
		ck_assert_int_eq(ko_err_exit(data[i]), 2);
	enum ko_err store[] = { KO_STORE, KO_BUSY, KO_READONLY, KO_CORRUPT, KO_NEWER, KO_FULL,
	                        KO_IO, KO_NOMEM };
	for (size_t i = 0; i < N(store); i++)
		ck_assert_int_eq(ko_err_exit(store[i]), 3);
	ck_assert_int_eq(ko_err_exit(KO_ERR_COUNT), 3);
	ck_assert_int_eq(ko_err_exit((enum ko_err)-1), 3);
	ck_assert_str_eq(ko_err_str(KO_CONFLICT), "changed by someone else");
	ck_assert_str_eq(ko_err_str(KO_ERR_COUNT), "unknown error");
	struct ko_error e = { 0 };
	ck_assert_int_eq(ko_fail(&e, KO_EXISTS, "project '%s' exists", "A"), KO_EXISTS);
	ck_assert_int_eq(e.code, KO_EXISTS);
	ck_assert_str_eq(e.msg, "project 'A' exists");
	ck_assert_int_eq(ko_fail(NULL, KO_IO, "x"), KO_IO);
}
END_TEST

START_TEST(vectors)
{
	vec_item v = { 0 };
	for (int i = 0; i < 100; i++) {
		struct item *it = VEC_PUSH(&v);
		ck_assert_ptr_nonnull(it);
		ck_assert_int_eq(it->position, 0);      /* zeroed */
		it->position = i + 1;
		it->title = strdup("t");
	}
	ck_assert_uint_eq(v.n, 100);
	ck_assert_int_eq(v.v[99].position, 100);
	vec_item_free(&v);
	ck_assert_uint_eq(v.n, 0);
	ck_assert_ptr_null(v.v);
}
END_TEST

START_TEST(identity)
{
	char buf[64];
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("KICKOFF_USER", "ana", 1);
	unsetenv("SSH_CLIENT");
	identity_user(buf, sizeof buf);
	ck_assert_str_eq(buf, "ana");
	setenv("SSH_CLIENT", "10.0.0.7 51234 22", 1);
	identity_user(buf, sizeof buf);
	ck_assert_str_eq(buf, "ana@10.0.0.7");
	unsetenv("SSH_CLIENT");
	unsetenv("KICKOFF_USER");
	identity_user(buf, sizeof buf);
	ck_assert(buf[0] != '\0');

	int dflt = -1;
	setenv("KICKOFF_DB", "/srv/k.db", 1);
	char *p = identity_default_db(&dflt);
	ck_assert_str_eq(p, "/srv/k.db");
	ck_assert_int_eq(dflt, 0);
	free(p);
	unsetenv("KICKOFF_DB");
	setenv("XDG_DATA_HOME", "/data/x", 1);
	p = identity_default_db(&dflt);
	ck_assert_str_eq(p, "/data/x/kickoff/kickoff.db");
	ck_assert_int_eq(dflt, 1);
	free(p);
	/* a relative XDG_DATA_HOME is ignored, as the spec says */
	setenv("XDG_DATA_HOME", "rel", 1);
	setenv("HOME", "/home/ana", 1);
	p = identity_default_db(&dflt);
	ck_assert_str_eq(p, "/home/ana/.local/share/kickoff/kickoff.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = identity_default_db(&dflt);
	ck_assert_str_eq(p, "/home/ana/.local/share/kickoff/kickoff.db");
	ck_assert_int_eq(dflt, 1);
	free(p);
	if (home)
		setenv("HOME", home, 1);
	free(home);
}
END_TEST

START_TEST(user_language)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "zh_CN.UTF-8", 1);
	ck_assert_str_eq(i18n_user_lang(), "zh");
	setenv("LC_MESSAGES", "en_GB.UTF-8", 1);
	ck_assert_str_eq(i18n_user_lang(), "en");
	setenv("LC_ALL", "zh_TW.UTF-8", 1);
	ck_assert_str_eq(i18n_user_lang(), "zh");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	ck_assert_str_eq(i18n_user_lang(), "en");
	setenv("LANG", "C.UTF-8", 1);
	ck_assert_str_eq(i18n_user_lang(), "en");
}
END_TEST

START_TEST(ids)
{
	int64_t id = 0;
	ck_assert_int_eq(id_parse("1", &id), 1);
	ck_assert_int_eq(id, 1);
	ck_assert_int_eq(id_parse("9223372036854775807", &id), 1);
	ck_assert(id == INT64_MAX);
	ck_assert_int_eq(id_parse("9223372036854775808", &id), -1);
	ck_assert_int_eq(id_parse("12345678901234567890", &id), -1);
	ck_assert_int_eq(id_parse("0", &id), 1);
	ck_assert_int_eq(id, 0);
	static const char *const bad[] = { "", " 1", "1 ", "+1", "-1", "0x1", "1e3", "1.0",
	                                   "\xef\xbc\x91" /* FULLWIDTH DIGIT ONE */ };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(id_parse(bad[i], &id) == 0, "took '%s'", bad[i]);
	ck_assert_int_eq(id_parse(NULL, &id), 0);
}
END_TEST

Suite *suite_model(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, builtin_templates);
	tcase_add_test(tc, ids);
	tcase_add_test(tc, json_templates_good);
	tcase_add_test(tc, json_templates_bad);
	tcase_add_test(tc, tko_after_ko);
	tcase_add_test(tc, overdue);
	tcase_add_test(tc, state_names);
	tcase_add_test(tc, email_addresses);
	tcase_add_test(tc, error_codes);
	tcase_add_test(tc, vectors);
	tcase_add_test(tc, identity);
	tcase_add_test(tc, user_language);
	suite_add_tcase(s, tc);
	return s;
}
