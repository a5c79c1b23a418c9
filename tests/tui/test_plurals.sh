# Counts read right for 0, 1 and 2 (ngettext), in English and Chinese.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
for n in 0 1 2; do
	[ "$n" -gt 0 ] && ko decision add Apollo/ko "Decision $n" >/dev/null && ko risk add Apollo/ko "Risk $n" >/dev/null \
		&& ko action add Apollo/ko "Action $n" --owner Ann >/dev/null
	screen_run <<S
<Enter> <Enter> 4 <Save en-dec-$n> 5 <Save en-risk-$n> 7 <Save en-act-$n>
S
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run <<S
<Enter> <Enter> 4 <Save zh-dec-$n>
S
done
screen_has en-dec-0 '^  0 decisions · 0 agreed · Space changes the state$'
screen_has en-dec-1 '^  1 decision · 1 agreed · Space changes the state$'
screen_has en-dec-2 '^  2 decisions · 2 agreed · Space changes the state$'
screen_has en-risk-0 '^  0 risks · 0 open'
screen_has en-risk-1 '^  1 risk · 1 open'
screen_has en-risk-2 '^  2 risks · 2 open'
screen_has en-act-1 '^  1 action · 0 done'
screen_has en-act-2 '^  2 actions · 0 done'
screen_has zh-dec-1 '^  1 项决策 · 1 项已通过 · Space 更改状态$'
screen_has zh-dec-2 '^  2 项决策 · 2 项已通过 · Space 更改状态$'

# The command line's import message.
ko export Apollo --format json -o apollo.json
ko project delete Apollo >/dev/null
expect_match "one meeting imported" "$(ko import apollo.json)" "\(1 meeting\)$"
