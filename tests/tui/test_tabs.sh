# Tabs are the screen names, shortened the same way for every tab at a
# width: the label of a phase does not change as the cursor moves.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko Ann --present >/dev/null
ko decision add Apollo/ko 'Weekly status' >/dev/null

for size in 40x120 24x80 15x60; do
	lines=${size%x*} cols=${size#*x}
	screen_run "$lines" "$cols" <<S
<Enter> <Enter> <Save tabs-$cols-1> <Tab> <Save tabs-$cols-2> <Tab> <Save tabs-$cols-3>
<Tab> <Save tabs-$cols-4> <Tab> <Save tabs-$cols-5> <Tab> <Save tabs-$cols-6> <Tab> <Save tabs-$cols-7>
S
	first=$(sed -n 2p "$T_TMP/tabs-$cols-1")
	same=yes
	for p in 2 3 4 5 6 7; do
		[ "$(sed -n 2p "$T_TMP/tabs-$cols-$p")" = "$first" ] || same="no: phase $p reads [$(sed -n 2p "$T_TMP/tabs-$cols-$p")]"
	done
	expect_eq "tabs at $cols columns read the same on every phase" "$same" yes
	golden tabs-$cols-3
done
screen_has tabs-120-3 ' 2 Attendees 1/1 '
screen_has tabs-80-3 ' 2 Att\. 1/1 3 Agenda 0/13 4 Dec\. 1 '
# Chinese: the short form is the last word of the name.
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run 24 76 <<'S'
<Enter> <Enter> <Tab> <Tab> <Save zh-tabs-60>
S
screen_has zh-tabs-60 ' 2 人员 1/1 3 内容 0/13 '
