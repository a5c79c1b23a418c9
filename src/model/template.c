/* template.c - the built-in agenda, outputs, expected roles and
 * suggested follow-up actions of KO and TKO, from the seed's checklists
 * (English and Chinese side by side). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/template.h"

/* An item's minutes are the time a first KO or TKO usually gives it:
 * a default to plan from, changed per meeting (`item plan`). */
struct pair { const char *en, *zh; int minutes; };

static const struct pair ko_items[] = {
	{ "Project background", "项目背景介绍", 5 },
	{ "Customer needs analysis", "客户需求分析", 10 },
	{ "Project objectives", "项目目标明确", 10 },
	{ "Scope confirmation", "项目范围确认", 15 },
	{ "Organisation structure", "项目组织结构介绍", 5 },
	{ "Roles and responsibilities", "职责分工", 10 },
	{ "Communication plan", "沟通计划", 5 },
	{ "Schedule and milestones", "进度计划/主要里程碑", 15 },
	{ "Risk identification", "风险识别", 10 },
	{ "Acceptance criteria", "项目验收标准", 10 },
	{ "Delivery standards", "交付标准", 5 },
	{ "Quality management requirements", "质量管理要求", 5 },
	{ "Change management process", "变更管理流程", 5 },
};

static const struct pair tko_items[] = {
	{ "Technical architecture design", "技术架构设计方案", 20 },
	{ "Technology selection", "技术选型", 10 },
	{ "Development process", "开发流程确认", 10 },
	{ "Interface definitions", "接口定义", 15 },
	{ "Data interaction and storage standards", "数据交互与存储标准", 10 },
	{ "Environment setup requirements", "环境搭建要求", 5 },
	{ "Technical difficulties", "技术实现难点", 10 },
	{ "Performance targets", "性能指标确认", 10 },
	{ "Technical risk analysis", "技术风险分析", 10 },
	{ "Technical delivery standards", "技术交付标准明确", 5 },
};

static const struct pair ko_outputs[] = {
	{ "Project charter", "项目章程", 0 },
	{ "Project management plan", "项目管理计划", 0 },
	{ "Objectives statement", "项目目标说明书", 0 },
	{ "Scope statement", "项目范围说明书", 0 },
	{ "Roles and responsibilities matrix", "项目角色职责矩阵", 0 },
	{ "Communication plan", "沟通计划", 0 },
	{ "Risk management plan", "风险管理计划", 0 },
	{ "Schedule", "进度计划", 0 },
};

static const struct pair tko_outputs[] = {
	{ "Technical design document", "技术方案设计文档", 0 },
	{ "Architecture design document", "架构设计文档", 0 },
	{ "Interface definition document", "接口定义文档", 0 },
	{ "Data flow design", "数据流转设计", 0 },
	{ "Development standards", "开发规范", 0 },
	{ "Test plan", "测试方案", 0 },
	{ "Technical delivery standards", "技术交付标准", 0 },
	{ "Environment setup guide", "环境搭建说明书", 0 },
	{ "Technical risk management plan", "技术风险管理方案", 0 },
};

/* Who the seed says comes.  A role may be written several ways: the
 * names after the first, split by '/', are other words for it. */
static const struct pair ko_roles[] = {
	{ "Sponsor/Decision maker", "发起人/决策者", 0 },
	{ "Customer representative", "客户代表", 0 },
	{ "Project manager/PM", "项目经理/PM", 0 },
	{ "Business owner", "业务负责人", 0 },
	{ "Key stakeholder", "关键干系人", 0 },
	{ "Team member", "团队成员", 0 },
};

static const struct pair tko_roles[] = {
	{ "Tech lead/Technical lead", "技术负责人", 0 },
	{ "Architect", "架构师", 0 },
	{ "Developer", "开发人员/开发", 0 },
	{ "Tester/QA", "测试人员/测试", 0 },
	{ "Operations/Ops", "运维人员/运维", 0 },
};

/* What the seed says follows each meeting: suggested actions, without an
 * owner until the host gives them one. */
static const struct pair ko_actions[] = {
	{ "Detailed project management plan: tasks and schedule", "细化项目管理计划：任务与进度", 0 },
	{ "Resource allocation", "资源分配", 0 },
	{ "Risk measures", "风险应对措施", 0 },
	{ "Communication plan", "沟通计划", 0 },
};

static const struct pair tko_actions[] = {
	{ "Development plan with concrete steps and tasks", "开发计划：具体步骤与任务", 0 },
	{ "Test plan with concrete steps and tasks", "测试计划：具体步骤与任务", 0 },
	{ "Environment plan with concrete steps and tasks", "环境计划：具体步骤与任务", 0 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void free_list(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void agenda_free(struct agenda *a)
{
	free_list(a->items, a->n_items);
	free_list(a->outputs, a->n_outputs);
	free_list(a->roles, a->n_roles);
	free_list(a->actions, a->n_actions);
	free(a->item_minutes);
	memset(a, 0, sizeof *a);
}

static char **copy_list(const struct pair *p, size_t n, bool zh)
{
	char **v = calloc(n, sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		v[i] = strdup(zh ? p[i].zh : p[i].en);
		if (!v[i]) {
			while (i--)
				free(v[i]);
			free(v);
			return NULL;
		}
	}
	return v;
}

enum ko_err template_builtin(enum meeting_kind kind, const char *lang,
                             struct agenda *out)
{
	bool zh = lang && strcmp(lang, "zh") == 0;
	const struct pair *items = kind == KIND_KO ? ko_items : tko_items;
	const struct pair *outputs = kind == KIND_KO ? ko_outputs : tko_outputs;
	size_t ni = kind == KIND_KO ? COUNT(ko_items) : COUNT(tko_items);
	size_t no = kind == KIND_KO ? COUNT(ko_outputs) : COUNT(tko_outputs);

	memset(out, 0, sizeof *out);
	out->items = copy_list(items, ni, zh);
	out->n_items = out->items ? ni : 0;
	out->item_minutes = calloc(ni, sizeof *out->item_minutes);
	for (size_t i = 0; out->item_minutes && i < ni; i++)
		out->item_minutes[i] = items[i].minutes;
	out->outputs = copy_list(outputs, no, zh);
	out->n_outputs = out->outputs ? no : 0;
	if (!out->items || !out->outputs || !out->item_minutes ||
	    template_builtin_people(kind, lang, out) != KO_OK) {
		agenda_free(out);
		return KO_NOMEM;
	}
	return KO_OK;
}

enum ko_err template_builtin_people(enum meeting_kind kind, const char *lang,
                                    struct agenda *out)
{
	bool zh = lang && strcmp(lang, "zh") == 0;
	bool ko = kind == KIND_KO;
	size_t nr = ko ? COUNT(ko_roles) : COUNT(tko_roles);
	size_t na = ko ? COUNT(ko_actions) : COUNT(tko_actions);
	if (!out->roles) {
		out->roles = copy_list(ko ? ko_roles : tko_roles, nr, zh);
		out->n_roles = out->roles ? nr : 0;
	}
	if (!out->actions) {
		out->actions = copy_list(ko ? ko_actions : tko_actions, na, zh);
		out->n_actions = out->actions ? na : 0;
	}
	return out->roles && out->actions ? KO_OK : KO_NOMEM;
}

/* Case-insensitive for ASCII letters; other bytes as they are (a
 * Chinese role is matched by its characters). */
static bool contains(const char *hay, const char *needle, size_t n)
{
	if (n == 0)
		return false;
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i]) {
			unsigned char h = (unsigned char)hay[i], c = (unsigned char)needle[i];
			if (h >= 'A' && h <= 'Z')
				h = (unsigned char)(h - 'A' + 'a');
			if (c >= 'A' && c <= 'Z')
				c = (unsigned char)(c - 'A' + 'a');
			if (h != c)
				break;
			i++;
		}
		if (i == n)
			return true;
	}
	return false;
}

bool template_role_held(const char *expected, const char *role)
{
	if (!expected || !role)
		return false;
	const char *p = expected;
	while (*p) {
		size_t n = strcspn(p, "/");
		/* Blanks around a name do not count. */
		const char *q = p;
		size_t m = n;
		while (m && *q == ' ') {
			q++;
			m--;
		}
		while (m && q[m - 1] == ' ')
			m--;
		if (contains(role, q, m))
			return true;
		p += n;
		if (*p == '/')
			p++;
	}
	return false;
}

size_t template_role_name(const char *expected, char *buf, size_t n)
{
	size_t len = strcspn(expected ? expected : "", "/");
	if (n)
		snprintf(buf, n, "%.*s", (int)len, expected ? expected : "");
	return len;
}
