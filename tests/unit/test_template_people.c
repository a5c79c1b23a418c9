/* test_template_people.c - the roles a meeting expects and the actions
 * it suggests: built in (the seed's, in both languages), from a
 * template's JSON (and from a file older than them), and matching an
 * attendee's role against an expected one. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/error.h"
#include "kickoff/template.h"

START_TEST(builtin_people)
{
	struct agenda a;
	ck_assert_int_eq(template_builtin(KIND_KO, "en", &a), KO_OK);
	ck_assert_uint_eq(a.n_roles, 6);
	ck_assert_str_eq(a.roles[0], "Sponsor/Decision maker");
	ck_assert_str_eq(a.roles[1], "Customer representative");
	ck_assert_uint_eq(a.n_actions, 4);
	ck_assert_str_eq(a.actions[1], "Resource allocation");
	agenda_free(&a);
	ck_assert_int_eq(template_builtin(KIND_KO, "zh", &a), KO_OK);
	ck_assert_uint_eq(a.n_roles, 6);
	ck_assert_str_eq(a.roles[1], "客户代表");
	ck_assert_str_eq(a.actions[3], "沟通计划");
	agenda_free(&a);
	ck_assert_int_eq(template_builtin(KIND_TKO, "en", &a), KO_OK);
	ck_assert_uint_eq(a.n_roles, 5);
	ck_assert_str_eq(a.roles[1], "Architect");
	ck_assert_uint_eq(a.n_actions, 3);
	agenda_free(&a);
	ck_assert_int_eq(template_builtin(KIND_TKO, "zh", &a), KO_OK);
	ck_assert_str_eq(a.roles[4], "运维人员/运维");
	ck_assert_str_eq(a.actions[2], "环境计划：具体步骤与任务");
	agenda_free(&a);
}
END_TEST

START_TEST(json_people)
{
	struct agenda a;
	struct ko_error e = { 0 };
	/* A file from before roles and actions gets the seed's. */
	ck_assert_int_eq(template_from_json("{\"ko\": {\"zh\": {\"items\": [\"为什么\"]}}}", KIND_KO,
	                                    "zh", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_items, 1);
	ck_assert_uint_eq(a.n_roles, 6);
	ck_assert_str_eq(a.roles[0], "发起人/决策者");
	ck_assert_uint_eq(a.n_actions, 4);
	agenda_free(&a);
	static const char body[] =
		"{\"tko\": {\"en\": {\"items\": [\"a\"], \"roles\": [\"Data engineer\"],"
		" \"actions\": [\"Load test\", \"Backup drill\"]}}}";
	ck_assert_int_eq(template_from_json(body, KIND_TKO, "en", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_roles, 1);
	ck_assert_str_eq(a.roles[0], "Data engineer");
	ck_assert_uint_eq(a.n_actions, 2);
	ck_assert_str_eq(a.actions[1], "Backup drill");
	agenda_free(&a);
	/* An empty list is none, not the built-in ones. */
	ck_assert_int_eq(template_from_json("{\"ko\": {\"en\": {\"items\": [\"a\"], \"roles\": [],"
	                                    " \"actions\": []}}}", KIND_KO, "en", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_roles, 0);
	ck_assert_uint_eq(a.n_actions, 0);
	agenda_free(&a);
	ck_assert_int_eq(template_from_json("{\"ko\": {\"en\": {\"items\": [\"a\"], \"roles\": \"PM\"}}}",
	                                    KIND_KO, "en", &a, &e), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "ko.roles"));
	ck_assert_int_eq(template_from_json("{\"ko\": {\"en\": {\"items\": [\"a\"], \"actions\": [\"\"]}}}",
	                                    KIND_KO, "en", &a, &e), KO_INVALID);
	ck_assert_ptr_nonnull(strstr(e.msg, "ko.actions[0]"));
}
END_TEST

START_TEST(check_people)
{
	struct ko_error e = { 0 };
	static const char good[] =
		"{\"format\": \"kickoff-template/1\", \"name\": \"t\", \"ko\": {\"en\": {\"items\": [\"a\"],"
		" \"roles\": [\"PM\"], \"actions\": [\"Plan\"]}}}";
	ck_assert_int_eq(template_check_json(good, NULL, &e), KO_OK);
	static const char bad[] =
		"{\"format\": \"kickoff-template/1\", \"name\": \"t\", \"ko\": {\"en\": {\"items\": [\"a\"],"
		" \"roles\": [1]}}}";
	ck_assert_int_eq(template_check_json(bad, NULL, &e), KO_INVALID);
	/* The built-in one as JSON carries them and reads back the same. */
	char *body = template_builtin_json();
	ck_assert_ptr_nonnull(body);
	ck_assert_int_eq(template_check_json(body, NULL, &e), KO_OK);
	ck_assert_ptr_nonnull(strstr(body, "\"roles\""));
	ck_assert_ptr_nonnull(strstr(body, "\"actions\""));
	struct agenda a;
	ck_assert_int_eq(template_from_json(body, KIND_TKO, "zh", &a, &e), KO_OK);
	ck_assert_uint_eq(a.n_roles, 5);
	ck_assert_str_eq(a.roles[0], "技术负责人");
	agenda_free(&a);
	free(body);
}
END_TEST

START_TEST(role_held)
{
	ck_assert(template_role_held("Sponsor/Decision maker", "sponsor"));
	ck_assert(template_role_held("Sponsor/Decision maker", "Decision Maker (CFO)"));
	ck_assert(template_role_held("Project manager/PM", "PM"));
	ck_assert(template_role_held("Customer representative", "ACME customer representative"));
	ck_assert(template_role_held("测试人员/测试", "测试工程师"));
	ck_assert(!template_role_held("Customer representative", "customer"));
	ck_assert(!template_role_held("Architect", ""));
	ck_assert(!template_role_held("Architect", NULL));
	ck_assert(!template_role_held("", "anything"));
	ck_assert(!template_role_held("Tester/QA", "developer"));
	char name[64];
	ck_assert_uint_eq(template_role_name("Project manager/PM", name, sizeof name), 15);
	ck_assert_str_eq(name, "Project manager");
	template_role_name("客户代表", name, sizeof name);
	ck_assert_str_eq(name, "客户代表");
}
END_TEST

Suite *suite_template_people(void)
{
	Suite *s = suite_create("template people");
	TCase *tc = tcase_create("template people");
	tcase_add_test(tc, builtin_people);
	tcase_add_test(tc, json_people);
	tcase_add_test(tc, check_people);
	tcase_add_test(tc, role_held);
	suite_add_tcase(s, tc);
	return s;
}
