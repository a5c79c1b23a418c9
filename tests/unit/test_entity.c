/* test_entity.c - the field tables read the field they name: a row with
 * a distinct value in every field gives each back under its own name, so
 * two swapped offsets or a wrong kind fail here. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/entity.h"
#include "kickoff/store.h"

static const char *value_of(const struct entity_desc *e, const void *row, const char *name)
{
	static char buf[64];
	for (size_t i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return field_value(&e->fields[i], row, buf, sizeof buf);
	ck_abort_msg("%s has no field %s", e->name, name);
	return NULL;
}

START_TEST(risk_fields_read_their_own_value)
{
	struct risk r = {
		.id = 9, .text = "the risk", .likelihood = LEVEL_LOW, .impact = LEVEL_HIGH,
		.mitigation = "the mitigation", .owner = "the owner", .status = RSTATUS_MITIGATED,
		.item_position = 4,
	};
	ck_assert_str_eq(value_of(&entity_risk, &r, "text"), "the risk");
	ck_assert_str_eq(value_of(&entity_risk, &r, "likelihood"), "low");
	ck_assert_str_eq(value_of(&entity_risk, &r, "impact"), "high");
	ck_assert_str_eq(value_of(&entity_risk, &r, "mitigation"), "the mitigation");
	ck_assert_str_eq(value_of(&entity_risk, &r, "owner"), "the owner");
	ck_assert_str_eq(value_of(&entity_risk, &r, "status"), "mitigated");
	ck_assert_str_eq(value_of(&entity_risk, &r, "item"), "4");
}
END_TEST

START_TEST(every_entity_reads_its_fields)
{
	struct action a = { .text = "t", .owner = "o", .due = "2026-12-08", .status = ASTATUS_DROPPED,
	                    .decision_id = 12, .created_at = "c", .done_at = "" };
	ck_assert_str_eq(value_of(&entity_action, &a, "owner"), "o");
	ck_assert_str_eq(value_of(&entity_action, &a, "due"), "2026-12-08");
	ck_assert_str_eq(value_of(&entity_action, &a, "status"), "dropped");
	ck_assert_str_eq(value_of(&entity_action, &a, "decision"), "#12");
	ck_assert_str_eq(value_of(&entity_action, &a, "done_at"), "");
	struct attendee at = { .name = "n", .role = "r", .organisation = "g", .email = "n@example.com",
	                       .status = PSTATUS_REGRETS };
	ck_assert_str_eq(value_of(&entity_attendee, &at, "role"), "r");
	ck_assert_str_eq(value_of(&entity_attendee, &at, "organisation"), "g");
	ck_assert_str_eq(value_of(&entity_attendee, &at, "email"), "n@example.com");
	ck_assert_str_eq(value_of(&entity_attendee, &at, "status"), "regrets");
	struct meeting m = { .title = "T", .starts_at = "2026-12-01 10:00", .place = "P", .host = "H",
	                     .purpose = "U", .status = MSTATUS_CLOSED };
	ck_assert_str_eq(value_of(&entity_meeting, &m, "place"), "P");
	ck_assert_str_eq(value_of(&entity_meeting, &m, "host"), "H");
	ck_assert_str_eq(value_of(&entity_meeting, &m, "purpose"), "U");
	ck_assert_str_eq(value_of(&entity_meeting, &m, "status"), "closed");
	struct output o = { .position = 2, .name = "N", .owner = "O", .status = OSTATUS_DONE, .link = "L" };
	ck_assert_str_eq(value_of(&entity_output, &o, "link"), "L");
	ck_assert_str_eq(value_of(&entity_output, &o, "owner"), "O");
	ck_assert_str_eq(value_of(&entity_output, &o, "status"), "done");
	struct item it = { .position = 3, .title = "I", .note = "N", .checked_at = "", .checked_by = "" };
	ck_assert_str_eq(value_of(&entity_item, &it, "note"), "N");
	ck_assert_str_eq(value_of(&entity_item, &it, "position"), "3");
	struct decision d = { .text = "D", .decided_by = "B", .decided_at = "A", .item_position = 0 };
	ck_assert_str_eq(value_of(&entity_decision, &d, "decided_by"), "B");
	ck_assert_str_eq(value_of(&entity_decision, &d, "item"), "");
	struct project p = { .name = "P", .customer = "C", .code = "X", .lang = "en",
	                     .template_name = "standard", .created_at = "Z" };
	ck_assert_str_eq(value_of(&entity_project, &p, "customer"), "C");
	ck_assert_str_eq(value_of(&entity_project, &p, "code"), "X");
}
END_TEST

/* Names are unique within an entity and every text kind has a limit. */
START_TEST(tables_are_well_formed)
{
	const struct entity_desc *all[] = {
		&entity_project, &entity_meeting, &entity_attendee, &entity_item,
		&entity_decision, &entity_risk, &entity_output, &entity_action,
	};
	for (size_t e = 0; e < sizeof all / sizeof all[0]; e++) {
		ck_assert_uint_gt(all[e]->nfields, 0);
		for (size_t i = 0; i < all[e]->nfields; i++) {
			const struct field_desc *f = &all[e]->fields[i];
			ck_assert_msg(!field_is_text(f) || f->max_bytes > 0, "%s.%s", all[e]->name, f->name);
			ck_assert_msg(f->kind != FK_CHOICE || f->choices, "%s.%s", all[e]->name, f->name);
			for (size_t j = i + 1; j < all[e]->nfields; j++)
				ck_assert_str_ne(f->name, all[e]->fields[j].name);
		}
	}
}
END_TEST

static const struct field_desc *field_of(const struct entity_desc *e, const char *name)
{
	for (size_t i = 0; i < e->nfields; i++)
		if (strcmp(e->fields[i].name, name) == 0)
			return &e->fields[i];
	ck_abort_msg("%s has no field %s", e->name, name);
	return NULL;
}

/* The files and the store write a choice by the model's name for it. */
START_TEST(choices_are_the_model_names)
{
	for (int v = 0; v < 3; v++) {
		ck_assert_str_eq(field_of(&entity_meeting, "status")->choices[v],
		                 meeting_status_name((enum meeting_status)v));
		ck_assert_str_eq(field_of(&entity_risk, "likelihood")->choices[v], level_name((enum level)v));
		ck_assert_str_eq(field_of(&entity_risk, "impact")->choices[v], level_name((enum level)v));
		ck_assert_str_eq(field_of(&entity_risk, "status")->choices[v],
		                 risk_status_name((enum risk_status)v));
		ck_assert_str_eq(field_of(&entity_output, "status")->choices[v],
		                 output_status_name((enum output_status)v));
		ck_assert_str_eq(field_of(&entity_action, "status")->choices[v],
		                 action_status_name((enum action_status)v));
		ck_assert_str_eq(field_of(&entity_decision, "state")->choices[v],
		                 decision_state_name((enum decision_state)v));
	}
	ck_assert_int_eq(field_choice(field_of(&entity_risk, "status"), "mitigated"), RSTATUS_MITIGATED);
	ck_assert_int_eq(field_choice(field_of(&entity_risk, "status"), "done"), -1);
}
END_TEST

/* The import maps a link to a row it has already written, so a link
 * names a part listed before its own, through a column of the store; a
 * link to another meeting's row (a TKO risk's KO risk) may name its own
 * part, written with the earlier meeting. */
START_TEST(links_name_earlier_parts)
{
	for (size_t p = 0; p < minutes_nparts; p++) {
		const struct entity_desc *e = minutes_parts[p].entity;
		for (size_t i = 0; i < e->nfields; i++) {
			const struct field_desc *f = &e->fields[i];
			ck_assert_msg(!f->link || f->kind == FK_NUMBER || f->kind == FK_REF, "%s.%s", e->name, f->name);
			ck_assert_msg(!f->link == !f->column, "%s.%s: a link has its column", e->name, f->name);
			ck_assert_msg(!(f->flags & FIELD_NULL) || field_is_text(f), "%s.%s", e->name, f->name);
			if (!f->link)
				continue;
			/* A link to the other meeting names a row of its own part
			 * there, in a meeting the file lists first. */
			if (f->flags & FIELD_OTHER_MEETING) {
				ck_assert_msg(f->link == e && f->kind == FK_REF, "%s.%s", e->name, f->name);
				continue;
			}
			size_t k = 0;
			while (k < p && minutes_parts[k].entity != f->link)
				k++;
			bool other = f->flags & FIELD_OTHER_MEETING;
			ck_assert_msg(k < p || (other && f->link == e), "%s.%s links a later part",
			              e->name, f->name);
		}
	}
}
END_TEST

/* The generic reader and writer reach the same memory as the structs. */
START_TEST(rows_are_reached_through_the_description)
{
	struct minutes mi = { .project = { .id = 0 } };
	const struct minutes_part *risks = NULL;
	for (size_t p = 0; p < minutes_nparts; p++)
		if (minutes_parts[p].entity == &entity_risk)
			risks = &minutes_parts[p];
	ck_assert_ptr_nonnull(risks);
	struct risk *r = minutes_push(&mi, risks);
	ck_assert_ptr_nonnull(r);
	r->id = 41;
	r->version = 7;
	field_set_int(field_of(&entity_risk, "impact"), r, LEVEL_HIGH);
	field_set_int(field_of(&entity_risk, "item"), r, 3);
	*field_text_at(field_of(&entity_risk, "owner"), r) = strdup("Ana");
	size_t n;
	const void *rows = minutes_rows(&mi, risks, &n);
	ck_assert_uint_eq(n, 1);
	ck_assert_ptr_eq(rows, mi.risks.v);
	ck_assert_int_eq(entity_id(entity_row(&entity_risk, rows, 0)), 41);
	ck_assert_int_eq(entity_version(&entity_risk, r), 7);
	ck_assert_int_eq(mi.risks.v[0].impact, LEVEL_HIGH);
	ck_assert_int_eq(mi.risks.v[0].item_position, 3);
	ck_assert_str_eq(mi.risks.v[0].owner, "Ana");
	ck_assert_ptr_null(field_text_at(field_of(&entity_risk, "impact"), r));
	minutes_free(&mi);
}
END_TEST

/* The rules of the description, as the reader of a file applies them. */
START_TEST(rules_refuse_what_the_store_would)
{
	const struct field_desc *name = field_of(&entity_project, "name");
	const struct field_desc *lang = field_of(&entity_project, "lang");
	ck_assert_ptr_null(name->check("Apollo"));
	ck_assert_ptr_nonnull(name->check("A/B"));
	ck_assert_ptr_null(lang->check("zh"));
	ck_assert_ptr_nonnull(lang->check("fr"));
	const char *field = NULL;
	struct item it = { .checked_at = "2026-11-26T09:00:00Z", .checked_by = "" };
	ck_assert_ptr_nonnull(entity_item.check(&it, &field));
	ck_assert_str_eq(field, "checked_by");
	it.checked_by = "tester";
	ck_assert_ptr_null(entity_item.check(&it, &field));
	struct action a = { .status = ASTATUS_DONE, .done_at = "" };
	ck_assert_ptr_nonnull(entity_action.check(&a, &field));
	ck_assert_str_eq(field, "done_at");
	a.status = ASTATUS_OPEN;
	ck_assert_ptr_null(entity_action.check(&a, &field));
}
END_TEST

/* The partial edit finds a field by the description's name: every field
 * a person types has a number in the patch, and that number is the one
 * store.h names. */
START_TEST(patch_fields_are_the_descriptions)
{
	static const struct { enum store_entity e; const struct entity_desc *d; } all[] = {
		{ STORE_PROJECT, &entity_project }, { STORE_MEETING, &entity_meeting },
		{ STORE_ATTENDEE, &entity_attendee }, { STORE_ITEM, &entity_item },
		{ STORE_DECISION, &entity_decision }, { STORE_RISK, &entity_risk },
		{ STORE_OUTPUT, &entity_output }, { STORE_ACTION, &entity_action },
	};
	for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
		for (size_t i = 0; i < all[k].d->nfields; i++) {
			const struct field_desc *f = &all[k].d->fields[i];
			/* Set by the store, ticked with Space or numbered by position:
			 * not in an edit. */
			bool typed = !(f->flags & FIELD_BY_STORE) && f->kind != FK_FLAG &&
			             strcmp(f->name, "lang") != 0;
			if (typed)
				ck_assert_msg(store_patch_field(all[k].e, f->name) >= 0, "%s.%s",
				              all[k].d->name, f->name);
		}
		ck_assert_int_eq(store_patch_field(all[k].e, "no such field"), -1);
	}
	ck_assert_int_eq(store_patch_field(STORE_OUTPUT, "due"), FIELD_OUTPUT_DUE);
	ck_assert_int_eq(store_patch_field(STORE_RISK, "item"), FIELD_RISK_ITEM);
	ck_assert_int_eq(store_patch_field(STORE_ACTION, "decision"), FIELD_ACTION_DECISION);
	ck_assert_int_eq(store_patch_field(STORE_MEETING, "starts_at"), FIELD_MEETING_AT);
	ck_assert_int_eq(store_patch_field((enum store_entity)99, "name"), -1);
	ck_assert_ptr_eq(entity_field(&entity_output, "due"), &entity_output.fields[5]);
	ck_assert_ptr_null(entity_field(&entity_output, "nope"));
}
END_TEST

Suite *suite_entity(void)
{
	Suite *s = suite_create("entity");
	TCase *tc = tcase_create("fields");
	tcase_add_test(tc, risk_fields_read_their_own_value);
	tcase_add_test(tc, every_entity_reads_its_fields);
	tcase_add_test(tc, tables_are_well_formed);
	tcase_add_test(tc, choices_are_the_model_names);
	tcase_add_test(tc, links_name_earlier_parts);
	tcase_add_test(tc, rows_are_reached_through_the_description);
	tcase_add_test(tc, rules_refuse_what_the_store_would);
	tcase_add_test(tc, patch_fields_are_the_descriptions);
	suite_add_tcase(s, tc);
	return s;
}
