# The Agenda keeps time (headless): t starts the clock on the item under
# the cursor and stops the other, the clock line shows the item's and
# the meeting's time against the plan and says "over", each item's time
# column shows a bar; J and K move an item, undo puts it back, J on the
# last item changes nothing.  The clock is stepped with <Now ...>.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-11-26 09:00' >/dev/null
ko item plan Apollo/ko 1 --minutes 3 --presenter 'Ana Lima' >/dev/null
ko item plan Apollo/ko 2 --presenter 'Wei Wang' >/dev/null
ko item note Apollo/ko 2 'Needs list v3' >/dev/null

# Item 1 ran 4:10 of its 3 minutes; item 2 runs, 2:20 of 10.
screen_run <<'S'
<Enter> <Enter> 3 t <Save clock-started>
<Now 2026-11-26 09:04:10> j t
<Now 2026-11-26 09:06:30> <Save agenda-clock-80x24>
<Now 2026-11-26 09:17:00> <Save agenda-clock-over>
S
screen_has clock-started '▶ item 1 0:00 / 3:00  meeting 0:00 / 1:48:00  planned 09:00–10:48'
screen_has clock-started '^ *clock started on item 1'
golden agenda-clock-80x24
screen_has agenda-clock-80x24 '▶ item 2 2:20 / 10:00  meeting 6:30 / 1:48:00'
screen_has agenda-clock-80x24 '^  \[ \]  1 Project background .* ▓▓▓▓▓ 4/3m'
screen_has agenda-clock-80x24 '^▸ \[ \]  2 Customer needs analysis +Needs list v3 +▶█░░░░ 2/10m'
screen_has agenda-clock-80x24 'clock started on item 2'
# Past item 2's plan: the clock line says so in words, not colour only.
screen_has agenda-clock-over '▶ item 2 12:50 / 10:00 over  meeting 17:00 / 1:48:00'
screen_has agenda-clock-over '▶▓▓▓▓▓ 13/10m'
expect_eq "one clock runs, on item 2" \
	"$(db_sql "SELECT group_concat(position) FROM item WHERE clock_started_at IS NOT NULL")" 2
expect_eq "item 1 kept its 4:10" "$(db_sql "SELECT clock_seconds FROM item WHERE position = 1")" 250

# The same at 60x15: the bars go, the titles stay whole.
screen_run 15 60 <<'S'
<Enter> <Enter> 3 <Now 2026-11-26 09:06:30> <Save agenda-clock-60x15>
S
golden agenda-clock-60x15
screen_has agenda-clock-60x15 '^. \[ \]  1 Project background +4/3m$'
screen_has agenda-clock-60x15 '^  \[ \]  2 Customer needs analysis +▶2/10m$'
screen_has agenda-clock-60x15 '▶ item 2 2:20 / 10:00'

# Chinese, at both sizes.
ko project add 北京地铁 --lang zh >/dev/null
ko meeting add 北京地铁 ko --at '2026-11-26 09:00' >/dev/null
ko item plan 北京地铁/ko 1 --minutes 3 --presenter 王伟 >/dev/null
KICKOFF_NOW='2026-11-26 09:00' ko item start 北京地铁/ko 1 >/dev/null
KICKOFF_NOW='2026-11-26 09:04:10' ko item start 北京地铁/ko 2 >/dev/null
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run <<'S'
j <Enter> <Enter> 3 <Now 2026-11-26 09:06:30> <Save zh-agenda-clock-80x24>
S
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run 15 60 <<'S'
j <Enter> <Enter> 3 <Now 2026-11-26 09:06:30> <Save zh-agenda-clock-60x15>
S
golden zh-agenda-clock-80x24
golden zh-agenda-clock-60x15
screen_has zh-agenda-clock-80x24 '▶ 第 2 项 2:20 / 10:00  会议 6:30 / 1:48:00  计划 09:00–10:48'
screen_has zh-agenda-clock-80x24 '项目背景介绍 .*▓▓▓▓▓ 4/3m'

# J and K move the item under the cursor (and the cursor with it); undo
# restores the order; J on the last item and K on the first do nothing.
order() { db_sql "SELECT group_concat(id) FROM (SELECT i.id FROM item i JOIN meeting m ON m.id = i.meeting_id JOIN project p ON p.id = m.project_id WHERE p.name = 'Apollo' ORDER BY i.position)"; }
before=$(order)
screen_run <<'S'
<Enter> <Enter> 3 J J <Save moved-down>
K <Save moved-up>
u <Save undone-once> u u <Save undone>
G J <Save last-j> g K <Save first-k>
S
screen_has moved-down '^▸ \[ \]  3 Project background'
screen_has moved-down 'item 2 is now item 3 \(u undoes\)'
screen_has moved-up '^▸ \[ \]  2 Project background'
screen_has undone '^▸ \[ \]  1 Project background'
expect_eq "undo restores the order" "$(order)" "$before"
screen_has last-j 'already the last item'
screen_has last-j '^▸ \[ \] 13 Change management process'
screen_has first-k 'already the first item'
expect_eq "J on the last item, K on the first: the order kept" "$(order)" "$before"
expect_eq "no move logged by them" \
	"$(db_sql "SELECT count(*) FROM change WHERE summary = 'move item' AND kind = 'do'")" 3

# The form edits the plan.
screen_run <<'S'
<Enter> <Enter> 3 j j <Enter> <Tab> <C-u> 25 <Tab> Carla <Enter> <Save planned>
S
expect_eq "the form saves minutes and presenter" \
	"$(db_sql "SELECT planned_minutes || '|' || presenter FROM item i JOIN meeting m ON m.id = i.meeting_id WHERE m.project_id = 1 AND position = 3")" \
	"25|Carla"
screen_run <<'S'
<Enter> <Enter> 3 j j <Enter> <Tab> <C-u> 2000 <Enter> <Save planned-bad> <Esc>
S
screen_has planned-bad 'invalid value: Planned minutes .2000. is not a number from 0 to 1440'
