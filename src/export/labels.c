/* labels.c - the words of exported minutes, English and Chinese. */
#include <string.h>
#include "kickoff/i18n.h"
#include "export_labels.h"

static const struct labels en = {
	.s = {
		[LB_PROJECT] = N_("Project"), [LB_CUSTOMER] = N_("Customer"),
		[LB_CODE] = N_("Code"), [LB_MEETING] = N_("Meeting"), [LB_DATE] = N_("Date"),
		[LB_PLACE] = N_("Place"), [LB_HOST] = N_("Host"), [LB_PURPOSE] = N_("Purpose"),
		[LB_STATUS] = N_("Status"), [LB_ATTENDEES] = N_("Attendees"),
		[LB_NAME] = N_("Name"), [LB_ROLE] = N_("Role"),
		[LB_ORGANISATION] = N_("Organisation"), [LB_INVITED] = N_("Invited"),
		[LB_PRESENT] = N_("Present"), [LB_AGENDA] = N_("Agenda"),
		[LB_TICKED] = N_("Ticked"), [LB_NOTE] = N_("Note"),
		[LB_DECISIONS] = N_("Decisions"), [LB_DECISION] = N_("Decision"),
		[LB_BY] = N_("By"), [LB_WHEN] = N_("When"), [LB_ITEM] = N_("Agenda item"),
		[LB_RISKS] = N_("Risks"), [LB_RISK] = N_("Risk"),
		[LB_LIKELIHOOD] = N_("Likelihood"), [LB_IMPACT] = N_("Impact"),
		[LB_MITIGATION] = N_("Mitigation"), [LB_OWNER] = N_("Owner"),
		[LB_OUTPUTS] = N_("Outputs"), [LB_OUTPUT] = N_("Output"), [LB_LINK] = N_("Link"),
		[LB_ACTIONS] = N_("Actions"), [LB_ACTION] = N_("Action"), [LB_DUE] = N_("Due"),
		[LB_DONE_AT] = N_("Done"), [LB_NONE] = N_("None."), [LB_YES] = N_("yes"),
		[LB_NO] = N_("no"), [LB_NOT_SET] = N_("not set"),
		[LB_NO_MEETINGS] = N_("No meetings yet."), [LB_OF] = N_("of"),
		[LB_STATE] = N_("State"), [LB_AGREED_AT] = N_("Agreed"),
		[LB_CARRIED_FROM] = N_("Carried from"),
	},
	.colon = ": ",
	.meeting_status = { N_("planned"), N_("held"), N_("closed") },
	.level = { N_("low"), N_("medium"), N_("high") },
	.risk_status = { N_("open"), N_("mitigated"), N_("closed") },
	.output_status = { N_("todo"), N_("drafting"), N_("done") },
	.action_status = { N_("open"), N_("done"), N_("dropped") },
	.decision_state = { N_("proposed"), N_("agreed"), N_("rejected") },
};

static const struct labels zh = {
	.s = {
		[LB_PROJECT] = "项目", [LB_CUSTOMER] = "客户", [LB_CODE] = "编号",
		[LB_MEETING] = "会议", [LB_DATE] = "时间", [LB_PLACE] = "地点",
		[LB_HOST] = "主持人", [LB_PURPOSE] = "目的", [LB_STATUS] = "状态",
		[LB_ATTENDEES] = "参与人员", [LB_NAME] = "姓名", [LB_ROLE] = "角色",
		[LB_ORGANISATION] = "单位", [LB_INVITED] = "受邀", [LB_PRESENT] = "出席",
		[LB_AGENDA] = "会议内容", [LB_TICKED] = "已完成", [LB_NOTE] = "备注",
		[LB_DECISIONS] = "决策", [LB_DECISION] = "决策", [LB_BY] = "决策人",
		[LB_WHEN] = "时间", [LB_ITEM] = "议程项", [LB_RISKS] = "风险",
		[LB_RISK] = "风险", [LB_LIKELIHOOD] = "可能性", [LB_IMPACT] = "影响",
		[LB_MITIGATION] = "应对措施", [LB_OWNER] = "负责人",
		[LB_OUTPUTS] = "会议成果", [LB_OUTPUT] = "成果", [LB_LINK] = "链接",
		[LB_ACTIONS] = "后续行动", [LB_ACTION] = "行动", [LB_DUE] = "截止日期",
		[LB_DONE_AT] = "完成时间", [LB_NONE] = "无。", [LB_YES] = "是", [LB_NO] = "否",
		[LB_NOT_SET] = "未定", [LB_NO_MEETINGS] = "尚无会议。", [LB_OF] = "/",
		[LB_STATE] = "决策状态", [LB_AGREED_AT] = "通过时间", [LB_CARRIED_FROM] = "来自启动会风险",
	},
	.colon = "：",
	.meeting_status = { "计划中", "已召开", "已结束" },
	.level = { "低", "中", "高" },
	.risk_status = { "未解决", "已缓解", "已关闭" },
	.output_status = { "待办", "起草中", "已完成" },
	.action_status = { "进行中", "已完成", "已取消" },
	.decision_state = { "待定", "已通过", "已否决" },
};

const struct labels *labels_for(const char *lang)
{
	return lang && strcmp(lang, "zh") == 0 ? &zh : &en;
}

const char *labels_word(const struct labels *L, const char *english)
{
	for (size_t i = 0; i < LB_COUNT; i++)
		if (strcmp(en.s[i], english) == 0)
			return L->s[i];
	return english;
}
