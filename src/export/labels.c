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
		[LB_PLANNED_MINUTES] = N_("Planned minutes"), [LB_PRESENTER] = N_("Presenter"),
		[LB_CLOCK_STARTED] = N_("Clock started"), [LB_SECONDS_TIMED] = N_("Seconds timed"),
		[LB_TIMING] = N_("Timing"), [LB_PLANNED] = N_("Planned"), [LB_ACTUAL] = N_("Actual"),
		[LB_MIN] = N_("min"), [LB_TOTAL] = N_("Total"), [LB_OVER] = N_("over"),
		[LB_RUNNING] = N_("clock running"), [LB_ENDS] = N_("Planned end"),
		[LB_PAREN] = " (", [LB_UNPAREN] = ")",
		[LB_QUESTIONS] = N_("Open questions"), [LB_QUESTION] = N_("Question"),
		[LB_RAISED_BY] = N_("Raised by"), [LB_ANSWER] = N_("Answer"),
		[LB_MOVED_FROM] = N_("Moved from"), [LB_RACI] = N_("RACI matrix"),
		[LB_PERSON] = N_("Person"), [LB_RACI_NO_A] = N_("no A"), [LB_RACI_NO_R] = N_("no R"),
		[LB_EMAIL] = N_("E-mail"), [LB_REGRETS] = N_("Sent regrets"),
		[LB_MINUTES] = N_("Minutes"), [LB_KO] = "KO", [LB_TKO] = "TKO",
		[LB_STATE] = N_("State"), [LB_AGREED_AT] = N_("Agreed"),
		[LB_CARRIED_FROM] = N_("Carried from"),
	},
	.colon = ": ",
	.meeting_status = { N_("planned"), N_("held"), N_("closed") },
	.level = { N_("low"), N_("medium"), N_("high") },
	.risk_status = { N_("open"), N_("mitigated"), N_("closed") },
	.output_status = { N_("todo"), N_("drafting"), N_("done") },
	.action_status = { N_("open"), N_("done"), N_("dropped") },
	.question_status = { N_("open"), N_("answered"), N_("moved") },
	.attendee_status = { N_("invited"), N_("present"), N_("sent regrets") },
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
		[LB_PLANNED_MINUTES] = "计划分钟", [LB_PRESENTER] = "报告人",
		[LB_CLOCK_STARTED] = "计时开始", [LB_SECONDS_TIMED] = "已计时秒数",
		[LB_TIMING] = "用时", [LB_PLANNED] = "计划", [LB_ACTUAL] = "实际",
		[LB_MIN] = "分钟", [LB_TOTAL] = "合计", [LB_OVER] = "超时",
		[LB_RUNNING] = "计时中", [LB_ENDS] = "计划结束",
		[LB_PAREN] = "（", [LB_UNPAREN] = "）",
		[LB_QUESTIONS] = "待议问题", [LB_QUESTION] = "问题", [LB_RAISED_BY] = "提出人",
		[LB_ANSWER] = "答复", [LB_MOVED_FROM] = "转自", [LB_RACI] = "RACI 职责矩阵",
		[LB_PERSON] = "人员", [LB_RACI_NO_A] = "无 A", [LB_RACI_NO_R] = "无 R",
		[LB_EMAIL] = "电子邮箱", [LB_REGRETS] = "请假",
		[LB_MINUTES] = "会议纪要", [LB_KO] = "启动会", [LB_TKO] = "技术启动会",
		[LB_STATE] = "决策状态", [LB_AGREED_AT] = "通过时间", [LB_CARRIED_FROM] = "来自启动会风险",
	},
	.colon = "：",
	.meeting_status = { "计划中", "已召开", "已结束" },
	.level = { "低", "中", "高" },
	.risk_status = { "未解决", "已缓解", "已关闭" },
	.output_status = { "待办", "起草中", "已完成" },
	.action_status = { "进行中", "已完成", "已取消" },
	.question_status = { "待解决", "已答复", "已转入 TKO" },
	.attendee_status = { "已邀请", "出席", "请假" },
	.decision_state = { "待定", "已通过", "已否决" },
};

const struct labels *labels_for(const char *lang)
{
	return lang && strcmp(lang, "zh") == 0 ? &zh : &en;
}

const char *labels_word(const struct labels *L, const char *english)
{
	/* A field's label may carry a context (NC_): the word is after it. */
	const char *ctx_end = strchr(english, '\004');
	if (ctx_end)
		english = ctx_end + 1;
	for (size_t i = 0; i < LB_COUNT; i++)
		if (strcmp(en.s[i], english) == 0)
			return L->s[i];
	return english;
}
