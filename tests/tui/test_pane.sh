# The detail pane: at 120 columns and wider, every list phase shows the
# row under the cursor beside the list, every field, wrapped as the
# reading view draws it, following the cursor; narrower, no pane.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

long=$(/usr/bin/python3 -c "
words = 'The budget of one hundred thousand euros is approved for the first phase, with a review by the sponsor at each milestone and a report to the steering committee.'.split()
out = []
i = 0
while len(' '.join(out)) < 600:
    out.append(words[i % len(words)]); i += 1
print(' '.join(out).rstrip('.,') + '.')")
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko 'Ana Lima' --role Sponsor >/dev/null
ko decision add Apollo/ko "$long" --by 'Ana Lima' --item 3 >/dev/null
ko decision add Apollo/ko 'Weekly status on Mondays' --by Bob >/dev/null
ko risk add Apollo/ko 'Customer test data not ready before the integration test starts' \
	--likelihood high --impact medium --owner Wei \
	--mitigation 'Ask the customer for an anonymised extract by the end of the month' >/dev/null
ko action add Apollo/ko 'Write the project plan' --owner Wei --due 2026-12-01 >/dev/null

screen_run 40 140 <<'S'
<Enter> 4 <Save pane-decisions> j <Save pane-next>
2 <Save pane-attendees> 3 <Save pane-agenda> 5 <Save pane-risks>
6 <Save pane-outputs> 7 <Save pane-actions>
S
golden pane-decisions
screen_has pane-decisions '│ Decision 1/2'
screen_has pane-decisions 'Decided by'
screen_has pane-decisions '^.{84}│ +Ana Lima'
# Every word of the decision is in the pane, none cut off.
words_seen=$(cut -c 86- "$T_TMP/pane-decisions" | tr -s ' \n' '\n\n' | sort -u)
missing=$(printf '%s\n' $long | tr -d '.,' | sort -u | while read -r w; do
	printf '%s\n' "$words_seen" | tr -d '.,' | grep -qx -- "$w" || echo "$w"; done)
expect_eq "every word of the decision is in the pane" "$missing" ""
screen_has pane-next '│ Decision 2/2'
screen_has pane-next '│ +Weekly status on Mondays'
if grep -q 'committee' "$T_TMP/pane-next"; then fail "the pane follows the cursor" "$(cat "$T_TMP/pane-next")"
else ok "the pane follows the cursor"; fi
screen_has pane-attendees '│ Attendee 1/1'
screen_has pane-attendees '│ +Sponsor'
screen_has pane-agenda '│ Agenda item 1/'
screen_has pane-risks '│ Risk 1/1'
screen_has pane-risks '│ +Mitigation'
screen_has pane-risks 'anonymised extract by the'
screen_has pane-outputs '│ Output 1/'
screen_has pane-actions '│ Action 1/1'
screen_has pane-actions '│ +Due'
screen_has pane-actions '2026-12-01'

# 119 columns: the list has the whole width; 120: the pane is there.
screen_run 40 119 <<'S'
<Enter> 4 <Save pane-119>
S
screen_run 40 120 <<'S'
<Enter> 4 <Save pane-120>
S
if grep -q '│ Decision 1/2' "$T_TMP/pane-119"; then fail "no pane at 119 columns" "$(cat "$T_TMP/pane-119")"
else ok "no pane at 119 columns"; fi
screen_has pane-120 '^.{72}│ Decision 1/2'

# P hides the pane for the session (the list takes the whole width, on the
# next phase too) and shows it again.
screen_run 40 140 <<'S'
<Enter> 4 P <Save pane-hidden> <Tab> <Save pane-hidden-next> P <Save pane-again>
S
if grep -q '│ Decision 1/2' "$T_TMP/pane-hidden"; then fail "P hides the pane" "$(cat "$T_TMP/pane-hidden")"
else ok "P hides the pane"; fi
if grep -q '│ ' "$T_TMP/pane-hidden-next"; then fail "still hidden on the next phase" "$(cat "$T_TMP/pane-hidden-next")"
else ok "still hidden on the next phase"; fi
screen_has pane-again '│ '

# Chinese: the labels translated, the text wrapped between characters.
ko project add 天河 --lang zh >/dev/null
ko meeting add 天河 ko >/dev/null
zh=$(/usr/bin/python3 -c "
s = '采用微服务架构，接口使用REST风格，所有服务部署在容器平台上，由运维团队统一管理；数据库按业务领域拆分，每个服务只访问自己的数据，跨服务的数据通过接口或消息获取。'
print((s * 6)[:600])")
ko decision add 天河/ko "$zh" --by 王伟 >/dev/null
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run 40 140 <<'S'
j <Enter> 4 <Save zh-pane-decisions> 5 <Save zh-pane-risks>
S
golden zh-pane-decisions
# The item column is headed 议程项 in full, on Decisions and on Risks.
screen_has zh-pane-decisions '决策人 +决策状态 +议程项 │'
screen_has zh-pane-risks ' 议程项 │'
screen_has zh-pane-decisions '│ 决策 1/1'
screen_has zh-pane-decisions '王伟'
if cut -c 86- "$T_TMP/zh-pane-decisions" | grep -q '^ *[，。；]'; then
	fail "no pane line starts with a comma" "$(cat "$T_TMP/zh-pane-decisions")"
else ok "no pane line starts with a comma"; fi
