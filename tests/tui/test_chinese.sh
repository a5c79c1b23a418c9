# The Chinese interface at 80x24: every screen label in Chinese, the
# Chinese agenda, and columns that line up when the text is two columns
# wide per character.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

# zh_CN.UTF-8 when the machine has it; else the program's own fallback
# (C.UTF-8 with LANGUAGE=zh_CN), which tests/cli/test_i18n.sh covers.
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
else
	export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=zh_CN
fi

ko project add 北京地铁 --customer 北京市交通委 >/dev/null
ko meeting add 北京地铁 ko --at '2026-12-01 10:00' --host 王伟 >/dev/null
ko attendee add 北京地铁/ko 王伟 --role 项目经理 --present >/dev/null
ko attendee add 北京地铁/ko 'Ana Lima' --role 架构师 >/dev/null
ko item check 北京地铁/ko 2 >/dev/null
ko item note 北京地铁/ko 2 '需求清单第三版' >/dev/null
ko action add 北京地铁/ko '起草项目章程' --owner 王伟 --due 2026-12-08 >/dev/null

screen_run <<'S'
<Save zh-projects>
<Enter> <Save zh-overview>
<Enter> 3 <Save zh-agenda>
2 <Save zh-attendees>
7 <Save zh-actions>
S
for s in zh-projects zh-overview zh-agenda zh-attendees zh-actions; do golden $s; done
screen_has zh-agenda "› 3 会议内容"
screen_has zh-agenda "项目背景介绍"
screen_has zh-agenda "客户需求分析 +需求清单第三版"
screen_has zh-attendees "王伟 +项目经理"

# Tabs are whole words, never half of one ("会" would name two phases).
screen_has zh-agenda " 1 准备 2 人员 [0-9/]+ 3 内容"
screen_has zh-agenda " 6 成果 "

# No English left on the screens the meeting uses: names typed by the
# user, the user's login, KO/TKO and the names printed on the keys
# (Enter, Space, Tab, Ctrl, Esc) aside.
for s in zh-projects zh-overview zh-agenda zh-attendees zh-actions; do
	words=$(sed -e 's/Ana Lima//g' -e 's/kickoff//g' -e 's/tester//g' -e 's/T\?KO//g' \
		-e 's/\b\(Enter\|Space\|Tab\|Ctrl\|Esc\)\b//g' "$T_TMP/$s" |
		grep -oE '[A-Za-z]{3,}' | sort -u | tr '\n' ' ')
	expect_eq "no English word on $s" "$words" ""
done

# Columns line up: on the agenda, the tick time column starts at the same
# terminal column on every ticked row, whatever the width of the title.
ko item check 北京地铁/ko 8 >/dev/null
ko item check 北京地铁/ko 11 >/dev/null
screen_run <<'S'
<Enter> <Enter> 3 <Save zh-agenda-ticks>
S
expect_eq "three ticked rows" "$(grep -c '\[x\]' "$T_TMP/zh-agenda-ticks")" 3
cols=$(grep -E '\[x\]' "$T_TMP/zh-agenda-ticks" | while IFS= read -r line; do
	pre=${line%%11-26 *}
	printf '%s' "$pre" | python3 -c 'import sys,unicodedata as u; s=sys.stdin.read(); print(sum(2 if u.east_asian_width(c) in "WF" else 1 for c in s))'
done | sort -u | wc -l)
expect_eq "tick times in one column" "$cols" 1
