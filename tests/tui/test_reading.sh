# The reading view (v): the whole row under the cursor, every field,
# long text wrapped at words (Chinese between characters), scrolled with
# PgDn/Space, j/k to the next row; and the help overlay scrolled to its end.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

long=$(/usr/bin/python3 -c "
words = 'The budget of one hundred thousand euros is approved for the first phase, with a review by the sponsor at each milestone and a report to the steering committee.'.split()
out = []
i = 0
while len(' '.join(out)) < 600:
    out.append(words[i % len(words)]); i += 1
print(' '.join(out).rstrip('.,') + '.')")
expect_eq "the decision has 600 characters or more" "$([ "${#long}" -ge 600 ] && echo yes)" yes
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko decision add Apollo/ko "$long" --by 'Ana Lima' --item 3 >/dev/null
ko decision add Apollo/ko 'Weekly status on Mondays' --by Bob >/dev/null
ko risk add Apollo/ko 'Customer test data not ready before the integration test starts' \
	--likelihood high --impact medium --owner Wei \
	--mitigation 'Ask the customer for an anonymised extract by the end of the month; build synthetic data meanwhile' >/dev/null

screen_run <<'S'
<Enter> 4 v <Save reading-80x24>
<Space> <Save reading-80x24-end>
j <Save reading-next>
q <Save reading-back>
5 v <Save reading-risk>
<Enter> <Save reading-edit> <Esc>
S
golden reading-80x24
golden reading-80x24-end
screen_has reading-80x24 '↓ more below'
# The end of the row: its last fields, the state and when it was agreed.
screen_has reading-80x24-end 'Agreed'
screen_has reading-80x24-end 'Ana Lima'
screen_has reading-next 'Decision 2/2'
screen_has reading-next 'Weekly status on Mondays'
screen_has reading-back '^▸ Weekly status on Mondays'
screen_has reading-risk 'Mitigation'
screen_has reading-risk 'synthetic data meanwhile'
screen_has reading-risk 'Likelihood'
screen_has reading-risk '^    high'
screen_has reading-edit 'Edit risk'
# Every word of the decision is on the two screens, none cut off.
words_seen=$(cat "$T_TMP/reading-80x24" "$T_TMP/reading-80x24-end" | tr -s ' \n' '\n\n' | sort -u)
missing=$(printf '%s\n' $long | tr -d '.,' | sort -u | while read -r w; do
	printf '%s\n' "$words_seen" | tr -d '.,' | grep -qx -- "$w" || echo "$w"; done)
expect_eq "every word of the decision is shown whole" "$missing" ""

screen_run 15 60 <<'S'
<Enter> 4 v <Save reading-60x15>
<PgDn> <PgDn> <PgDn> <Save reading-60x15-end>
S
golden reading-60x15
golden reading-60x15-end

# Chinese: wrapped between characters, never before a comma.
ko project add 天河 --lang zh >/dev/null
ko meeting add 天河 tko 2>/dev/null >/dev/null
ko decision add 天河/tko '采用微服务架构，接口使用REST风格，所有服务部署在容器平台上，由运维团队统一管理；数据库按业务领域拆分，每个服务只访问自己的数据，跨服务的数据通过接口或消息获取。' --by 王伟 >/dev/null
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run <<'S'
j <Enter> <Tab> <Enter> 4 v <Save zh-reading-80x24>
S
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run 15 60 <<'S'
j <Enter> <Tab> <Enter> 4 v <Save zh-reading-60x15>
S
golden zh-reading-80x24
golden zh-reading-60x15
if grep -q '^ *[，。；]' "$T_TMP/zh-reading-80x24" "$T_TMP/zh-reading-60x15"; then
	fail "no line starts with a comma" "$(grep '^ *[，。；]' "$T_TMP/zh-reading-60x15")"
else ok "no line starts with a comma"; fi

# ? at 80x24 on the agenda lists more keys than fit: it says so and
# scrolls to its end, where export is.
screen_run <<'S'
<Enter> 3 ? <Save help-top> G <Save help-end>
S
screen_has help-top '↓ more'
golden help-end
screen_has help-end 'x +export the minutes'
