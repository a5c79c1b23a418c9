# The agenda keeps time on the command line: item plan, move, start and
# stop; the times in item list --json, meeting show, the minutes (a
# table of planned against actual), CSV and JSON; the calendar event as
# long as planned.  The clock is stepped with KICKOFF_NOW.
ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-11-26 09:00' >/dev/null
at() { KICKOFF_NOW="2026-11-26 $1" "$KICKOFF" "${@:2}"; }

# ---- the template's minutes, and the plan ----
expect_eq "the KO template plans every item" \
	"$(ko item list Apollo/ko --json | jq '[.items[] | select(.planned_minutes > 0)] | length')" 13
expect_eq "the KO template plans 110 minutes" \
	"$(ko item list Apollo/ko --json | jq '[.items[].planned_minutes] | add')" 110
expect_exit 0 "item plan" ko item plan Apollo/ko 1 --minutes 3 --presenter 'Ana Lima'
expect_eq "item plan says so" "$OUT" "item 1 planned"
expect_eq "planned minutes and presenter stored" \
	"$(db_sql "SELECT planned_minutes || '|' || presenter FROM item WHERE position = 1")" "3|Ana Lima"
expect_exit 0 "item plan, the presenter only" ko item plan Apollo/ko 2 --presenter 'Wei Wang'
expect_eq "the minutes kept" "$(db_sql "SELECT planned_minutes FROM item WHERE position = 2")" 10
refused 1 "item plan with nothing to plan" "nothing to plan" ko item plan Apollo/ko 1
refused 2 "item plan, minutes past a day" "from 0 to 1440" ko item plan Apollo/ko 1 --minutes 1441
expect_match "the bad minutes named" "$ERR" "minutes must be a whole number from 0 to 1440, not '1441'"
refused 2 "item plan, minutes not a number" "not .ten." ko item plan Apollo/ko 1 --minutes ten
refused 2 "item plan, negative minutes" "not .-5." ko item plan Apollo/ko 1 --minutes -5
refused 2 "item plan of no such item" "no agenda item 99" ko item plan Apollo/ko 99 --minutes 5
refused 1 "item plan without an item" "missing meeting or item number" ko item plan Apollo/ko --minutes 5

# ---- meeting show: planned start and end ----
expect_exit 0 "meeting show" ko meeting show Apollo/ko
expect_match "meeting show: planned end" "$OUT" 'Planned +2026-11-26 09:00 to 10:48 \(108 min\)'
expect_eq "meeting show --json: planned end" \
	"$(ko meeting show Apollo/ko --json | jq -c '.meeting.timing')" \
	'{"planned_minutes":108,"planned_end":"2026-11-26 10:48","actual_minutes":0,"running_item":null,"ended":false}'

# ---- the ICS event lasts as planned ----
ics=$(ko export Apollo/ko --format ics)
expect_match "ICS: DTSTART" "$ics" 'DTSTART:20261126T090000'
expect_match "ICS: DTEND is the start plus the planned minutes" "$ics" 'DTEND:20261126T104800'
ko project add Hermes >/dev/null
ko meeting add Hermes ko --at '2026-11-27 14:00' >/dev/null
for n in $(seq 1 13); do ko item plan Hermes/ko "$n" --minutes 0 >/dev/null; done
expect_match "ICS: an hour when no item has minutes" \
	"$(ko export Hermes/ko --format ics)" 'DTEND:20261127T150000'

# ---- start, stop: one clock per meeting, kept in the database ----
expect_exit 0 "item start" at 09:00 item start Apollo/ko 1
expect_eq "item start says so" "$OUT" "clock started on item 1"
expect_eq "the start is stored" "$(db_sql "SELECT clock_started_at FROM item WHERE position = 1")" \
	"2026-11-26T09:00:00Z"
expect_eq "item list --json: running" \
	"$(at 09:04:10 item list Apollo/ko --json | jq -c '.items[0] | [.clock_started_at, .clock_seconds, .actual_minutes]')" \
	'["2026-11-26T09:00:00Z",0,4]'
expect_exit 0 "starting item 2 stops item 1" at 09:05:30 item start Apollo/ko 2
expect_eq "item 1 keeps its time" \
	"$(db_sql "SELECT coalesce(clock_started_at, 'stopped') || ' ' || clock_seconds FROM item WHERE meeting_id = 1 AND position = 1")" \
	"stopped 330"
expect_eq "one clock runs" "$(db_sql "SELECT count(*) FROM item WHERE clock_started_at IS NOT NULL")" 1
changes=$(db_sql "SELECT count(*) FROM change")
expect_exit 0 "start what runs" at 09:06 item start Apollo/ko 2
expect_exit 0 "stop what is stopped" at 09:06 item stop Apollo/ko 3
expect_eq "neither is a change" "$(db_sql "SELECT count(*) FROM change")" "$changes"
expect_exit 0 "item list at 09:17 (text)" at 09:17 item list Apollo/ko
expect_match "item list: item 1 over its 3 minutes" "$OUT" 'Project background +6/3m +Ana Lima'
expect_match "item list: item 2 running" "$OUT" 'Customer needs analysis +▶ 12/10m +Wei Wang'
expect_eq "meeting show --json while it runs" \
	"$(at 09:17 meeting show Apollo/ko --json | jq -c '.meeting.timing | [.actual_minutes, .running_item, .ended]')" \
	'[17,2,false]'
refused 2 "item start of no such item" "no agenda item 14" ko item start Apollo/ko 14
refused 1 "item stop without an item" "missing meeting or item number" ko item stop Apollo/ko

# ---- move ----
expect_exit 0 "item move" ko item move Apollo/ko 1 --to 3
expect_eq "item move says so" "$OUT" "item 1 is now item 3"
expect_eq "the order after the move" \
	"$(db_sql "SELECT group_concat(title, '|') FROM (SELECT i.title FROM item i JOIN meeting m ON m.id = i.meeting_id JOIN project p ON p.id = m.project_id WHERE p.name = 'Apollo' AND i.position <= 3 ORDER BY i.position)")" \
	"Customer needs analysis|Project objectives|Project background"
expect_eq "the clock moves with its item" \
	"$(ko item list Apollo/ko --json | jq -c '[.items[0].title, .items[0].clock_started_at != null]')" \
	'["Customer needs analysis",true]'
expect_exit 0 "undo the move" ko undo
expect_eq "undo restores the order" \
	"$(ko item list Apollo/ko --json | jq -r '[.items[0:3][].title] | join("|")')" \
	"Project background|Customer needs analysis|Project objectives"
refused 2 "item move past the end" "no agenda item 14" ko item move Apollo/ko 13 --to 14
refused 2 "item move of no such item" "whole number from 1" ko item move Apollo/ko 0 --to 1
refused 1 "item move without --to" "missing --to" ko item move Apollo/ko 1
refused 2 "item move --to a word" "whole number from 1, not .last." ko item move Apollo/ko 1 --to last

# ---- the end, and the summary in the minutes ----
expect_exit 0 "item stop" at 09:20 item stop Apollo/ko 2
for n in $(seq 1 13); do ko item check Apollo/ko "$n" >/dev/null; done
expect_eq "meeting show --json once ended" \
	"$(at 09:30 meeting show Apollo/ko --json | jq -c '.meeting.timing')" \
	'{"planned_minutes":108,"planned_end":"2026-11-26 10:48","actual_minutes":20,"running_item":null,"ended":true}'
expect_match "meeting show says it ended" "$(ko meeting show Apollo/ko)" 'Timed +20 of 108 min, ended'
md=$(ko export Apollo/ko --format md)
expect_match "minutes: the plan on the agenda" "$md" 'Project background \(3 min\) · Presenter: Ana Lima'
expect_match "minutes: a timing table" "$md" '## Timing'
expect_match "minutes: item 1 planned 3, took 6, over" "$md" '\| 1 \| Project background \| Ana Lima \| 3 \| 6 \| over \|'
expect_match "minutes: item 2 planned 10, took 15, over" "$md" '\| 2 \| Customer needs analysis \| Wei Wang \| 10 \| 15 \| over \|'
expect_match "minutes: item 3 not timed" "$md" '\| 3 \| Project objectives \|  \| 10 \| 0 \|  \|'
expect_match "minutes: the total" "$md" '\| \| \*\*Total\*\* \| \| \*\*108\*\* \| \*\*20\*\* \|  \|'
json=$(ko export Apollo/ko --format json)
expect_eq "JSON export: planned, presenter, actual" \
	"$(printf %s "$json" | jq -c '.project.meetings[0].items[0] | [.planned_minutes, .presenter, .actual_minutes, .clock_seconds]')" \
	'[3,"Ana Lima",6,330]'
csv=$(ko export Apollo/ko --format csv --entity items)
expect_match "CSV: the columns" "$csv" 'note,planned_minutes,presenter,actual_minutes,clock_started_at,clock_seconds'
expect_match "CSV: item 2" "$csv" 'Customer needs analysis,yes,.*,10,Wei Wang,15,,870'

# ---- round trip: an import keeps the plan and the clock ----
printf %s "$json" | jq '.project.name = "Apollo 2"' > copy.json
expect_exit 0 "import the export" ko import copy.json
expect_eq "the imported items have the plan and the time" \
	"$(ko item list 'Apollo 2/ko' --json | jq -c '[.items[0:2][] | [.planned_minutes, .presenter, .clock_seconds, .actual_minutes]]')" \
	'[[3,"Ana Lima",330,6],[10,"Wei Wang",870,15]]'
# A file written before items had a clock still imports.
printf %s "$json" | jq '.project.name = "Apollo 3" | del(.project.meetings[].items[].planned_minutes, .project.meetings[].items[].presenter, .project.meetings[].items[].clock_started_at, .project.meetings[].items[].clock_seconds, .project.meetings[].items[].actual_minutes)' > old.json
expect_exit 0 "import a file from before the clock" ko import old.json
expect_eq "its items are unplanned" \
	"$(ko item list 'Apollo 3/ko' --json | jq -c '[.items[0] | .planned_minutes, .presenter, .clock_seconds]')" '[0,"",0]'
