/* template.c - the built-in agenda and outputs of KO and TKO, from the
 * seed's checklists (English and Chinese side by side). */
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

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void agenda_free(struct agenda *a)
{
	for (size_t i = 0; i < a->n_items; i++)
		free(a->items[i]);
	for (size_t i = 0; i < a->n_outputs; i++)
		free(a->outputs[i]);
	free(a->items);
	free(a->item_minutes);
	free(a->outputs);
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
	if (!out->items || !out->outputs || !out->item_minutes) {
		agenda_free(out);
		return KO_NOMEM;
	}
	return KO_OK;
}
