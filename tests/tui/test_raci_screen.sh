# The RACI matrix drawn at 80x24: the outputs that do not fit scrolled
# into view as the cursor moves right, each name on two lines, and the
# rule's findings under the grid, the cursor's output first; in Chinese
# too.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
for who in Ana Bob "Chen Wei"; do ko attendee add Apollo/ko "$who" >/dev/null; done
ko raci set Apollo/ko 1 Ana A >/dev/null
ko raci set Apollo/ko 1 Bob R >/dev/null

screen_run <<'S'
<Enter> <Enter> 6 M <Save raci-first> j j a <Right> <Right> <Right> <Right> <Right> <Right> <Right> c <Save raci-scrolled>
S
golden raci-first
golden raci-scrolled
screen_has raci-first "^  1\. Project charter"
screen_has raci-scrolled "^  8\. Schedule"
screen_has raci-scrolled "^  Project charter: two A's$"
screen_has raci-scrolled "^  Schedule: no A, no R$"
expect_eq "the keys' cells stored" "$(db_sql "SELECT group_concat(o.position || r.role, ',') FROM raci r
	JOIN output o ON o.id = r.output_id ORDER BY r.id")" "1A,1R,1A,8C"

ko project add 天河 --lang zh >/dev/null
ko meeting add 天河 ko >/dev/null
ko attendee add 天河/ko 张三 >/dev/null
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8
else
	export LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=zh_CN
fi
screen_run <<'S'
j <Enter> <Enter> 6 M a <Save raci-zh>
S
golden raci-zh
screen_has raci-zh "RACI 职责矩阵"
screen_has raci-zh "2\\. 项目管理计 +3"
screen_has raci-zh "^  项目章程：无 R$"
