# The seed's KO and then its TKO, by command line alone, with every
# --json output read back by jq.  The clock is fixed at 2026-11-26 09:00.

# ---- KO ----
expect_exit 0 "project add" ko project add Apollo --customer ACME --code AP-1 --lang en
expect_match "project add says so" "$OUT" "^added project Apollo \(id 1\)$"
expect_exit 0 "meeting add ko" ko meeting add Apollo ko --at '2026-12-01 10:00' --host 'Ana Lima'
expect_match "meeting add says so" "$OUT" "^added KO meeting Apollo/ko \(id 1\)$"
expect_eq "KO: no warning" "$ERR" ""

expect_exit 0 "item list --json" ko item list Apollo/ko --json
items=$OUT
json_eq "13 agenda items" "$items" 'length' 13
json_eq "positions 1..13" "$items" '[.[].position] == [range(1;14)]' true
json_eq "none ticked yet" "$items" '[.[] | select(.checked_at != null)] | length' 0
json_eq "checked_at null" "$items" '[.[].checked_at] | unique | map(tostring) | join(",")' null
want_titles='Project background|Customer needs analysis|Project objectives|Scope confirmation|Organisation structure|Roles and responsibilities|Communication plan|Schedule and milestones|Risk identification|Acceptance criteria|Delivery standards|Quality management requirements|Change management process'
json_eq "the seed's KO titles, in order" "$items" '[.[].title] | join("|")' "$want_titles"
expect_exit 0 "item list (text)" ko item list Apollo/ko
expect_eq "item list shows 13 rows" "$(printf '%s\n' "$OUT" | grep -c '\[ \]')" 13
expect_match "item list shows the first title" "$OUT" " 1  \[ \]  Project background"

for n in $(seq 1 13); do
	check "tick $n" ko item check Apollo/ko "$n"
done
expect_exit 0 "tick 5 again" ko item check Apollo/ko 5
expect_exit 0 "item list --json after ticks" ko item list Apollo/ko --json
json_eq "all 13 ticked" "$OUT" '[.[] | select(.checked_at != null)] | length' 13
json_eq "ticked by tester" "$OUT" '[.[].checked_by] | unique | join(",")' tester
json_eq "ticked at the fixed clock" "$OUT" '[.[].checked_at] | unique | join(",")' 2026-11-26T09:00:00Z
expect_eq "one tick is one change per item" \
	"$(db_sql "SELECT count(*) FROM change WHERE summary = 'tick item'")" 14
expect_exit 0 "item list (text) after ticks" ko item list Apollo/ko
expect_eq "item list shows 13 ticks" "$(printf '%s\n' "$OUT" | grep -c '\[x\]')" 13
expect_match "item list shows tick time" "$OUT" '\[x\]  Project background +0/5m +2026-11-26 09:00'

# untick and tick again
expect_exit 0 "untick 13" ko item check Apollo/ko 13 --undo
expect_eq "13 unticked" "$(db_sql "SELECT checked_at IS NULL FROM item WHERE position = 13 AND meeting_id = 1")" 1
expect_exit 0 "tick 13 again" ko item check Apollo/ko 13

expect_exit 0 "note on item 3" ko item note Apollo/ko 3 "Objectives: launch in Q2; 中文 ok"
expect_exit 0 "item list after note" ko item list Apollo/ko --json
json_eq "note stored" "$OUT" '.[2].note' "Objectives: launch in Q2; 中文 ok"
json_eq "note kept the tick" "$OUT" '.[2].checked_at != null' true

expect_exit 0 "attendee Ana" ko attendee add Apollo/ko 'Ana Lima' --role PM --org ACME --present
expect_exit 0 "attendee Bo" ko attendee add Apollo/ko 'Bo Chen' --role Sponsor --org ACME
expect_exit 0 "attendee Cy" ko attendee add Apollo/ko '王芳' --role 'Tech lead'
expect_exit 0 "Bo present" ko attendee present Apollo/ko 'Bo Chen'
expect_exit 0 "Cy present" ko attendee present Apollo/ko '王芳'
expect_exit 0 "Cy present twice" ko attendee present Apollo/ko '王芳'
expect_exit 0 "attendee list --json" ko attendee list Apollo/ko --json
att=$OUT
json_eq "three attendees" "$att" 'length' 3
json_eq "all present" "$att" '[.[] | select(.status == "present")] | length' 3
json_eq "no addresses yet" "$att" '[.[] | select(.email != null)] | length' 0
json_eq "names" "$att" '[.[].name] | join(",")' 'Ana Lima,Bo Chen,王芳'
json_eq "roles" "$att" '[.[].role] | join(",")' 'PM,Sponsor,Tech lead'
json_eq "organisation" "$att" '.[0].organisation' ACME
expect_exit 0 "attendee list (text)" ko attendee list Apollo/ko
expect_match "text list aligns CJK" "$OUT" '王芳 +Tech lead'
expect_exit 0 "Bo absent" ko attendee present Apollo/ko 'Bo Chen' --undo
expect_exit 0 "attendee list --json after absent" ko attendee list Apollo/ko --json
json_eq "Bo absent" "$OUT" '.[1].status' invited
expect_exit 0 "Bo present again" ko attendee present Apollo/ko 'Bo Chen'

expect_exit 0 "decision 1" ko decision add Apollo/ko 'Weekly status meeting on Mondays' --by 'Ana Lima' --item 7
expect_match "decision 1 id" "$OUT" '^added decision 1$'
expect_exit 0 "decision 2" ko decision add Apollo/ko 'Scope excludes the mobile app'
expect_exit 0 "decision list --json" ko decision list Apollo/ko --json
dec=$OUT
json_eq "two decisions" "$dec" 'length' 2
json_eq "decision 1 text" "$dec" '.[0].text' 'Weekly status meeting on Mondays'
json_eq "decision 1 by" "$dec" '.[0].decided_by' 'Ana Lima'
json_eq "decision 1 on item 7" "$dec" '.[0].item' 7
json_eq "decision 1 at" "$dec" '.[0].decided_at' 2026-11-26T09:00:00Z
json_eq "decision 2 unlinked" "$dec" '.[1].item' null
json_eq "decision 2 by nobody" "$dec" '.[1].decided_by' ''
expect_exit 0 "decision list (text)" ko decision list Apollo/ko
expect_match "decision text line" "$OUT" '^1  Weekly status meeting on Mondays  \(Ana Lima\)  \[item 7\]  2026-11-26 09:00  agreed 2026-11-26 09:00$'

expect_exit 0 "action 1" ko action add Apollo/ko 'Draft the project charter' --owner 'Ana Lima' --due 2026-11-20 --decision 1
expect_exit 0 "action 2" ko action add Apollo/ko 'Book the TKO room' --owner 'Bo Chen' --due 2026-11-26
expect_exit 0 "action 3" ko action add Apollo/ko 'Send the schedule' --owner '王芳' --due 2026-12-15
expect_exit 0 "action list --json" ko action list --json
acts=$OUT
json_eq "three actions" "$acts" 'length' 3
json_eq "by due date" "$acts" '[.[].id] | join(",")' 1,2,3
json_eq "owners" "$acts" '[.[].owner] | join(",")' 'Ana Lima,Bo Chen,王芳'
json_eq "due dates" "$acts" '[.[].due] | join(",")' 2026-11-20,2026-11-26,2026-12-15
json_eq "meeting" "$acts" '[.[].meeting] | unique | join(",")' Apollo/ko
json_eq "project" "$acts" '.[0].project' Apollo
json_eq "all open" "$acts" '[.[].status] | unique | join(",")' open
json_eq "overdue flags" "$acts" '[.[].overdue] | map(tostring) | join(",")' true,false,false
json_eq "decision link" "$acts" '[.[].decision] | map(tostring) | join(",")' 1,null,null
json_eq "created_at" "$acts" '.[0].created_at' 2026-11-26T09:00:00Z
json_eq "done_at null" "$acts" '.[0].done_at' null

expect_exit 0 "action list --overdue --json" ko action list --overdue --json
json_eq "one overdue" "$OUT" 'length' 1
json_eq "the overdue one" "$OUT" '.[0].text' 'Draft the project charter'
json_eq "it is flagged" "$OUT" '.[0].overdue' true
# a day later, the one due today is late too
expect_exit 0 "overdue tomorrow" env KICKOFF_NOW='2026-11-27 08:00' "$KICKOFF" action list --overdue --json
json_eq "two overdue tomorrow" "$OUT" '[.[].id] | join(",")' 1,2
expect_exit 0 "action list --owner" ko action list --owner '王芳' --json
json_eq "owner filter" "$OUT" '[.[].id] | join(",")' 3
expect_exit 0 "action list --meeting" ko action list --meeting Apollo/ko --open --json
json_eq "meeting filter" "$OUT" 'length' 3
expect_exit 0 "action list (text)" ko action list
expect_match "text shows OVERDUE" "$OUT" '1 +Apollo/ko +2026-11-20 +OVERDUE +Ana Lima +Draft the project charter'

expect_exit 0 "action done 1" ko action done 1
expect_match "action done says so" "$OUT" '^action 1 is done$'
expect_exit 0 "action done 1 twice" ko action done 1
expect_exit 0 "action list --overdue after done" ko action list --overdue --json
json_eq "none overdue" "$OUT" 'length' 0
expect_exit 0 "action list --open" ko action list --open --json
json_eq "two open" "$OUT" '[.[].id] | join(",")' 2,3
expect_exit 0 "action list all" ko action list --json
json_eq "done_at recorded" "$OUT" '.[0].done_at' 2026-11-26T09:00:00Z
json_eq "status done" "$OUT" '.[0].status' done
json_eq "done is not overdue" "$OUT" '.[0].overdue' false

expect_exit 0 "KO show --json" ko meeting show Apollo/ko --json
show=$OUT
json_eq "show: kind" "$show" '.kind' ko
json_eq "show: project" "$show" '.project' Apollo
json_eq "show: at" "$show" '.starts_at' '2026-12-01 10:00'
json_eq "show: host" "$show" '.host' 'Ana Lima'
json_eq "show: status" "$show" '.status' planned
json_eq "show: progress" "$show" '.progress | [.attendees, .present, .items, .checked, .decisions, .outputs, .outputs_done, .actions, .actions_done, .actions_overdue] | map(tostring) | join(",")' 3,3,13,13,2,8,0,3,1,0

# ---- the TKO rule ----
expect_exit 0 "project without KO" ko project add NoKo
expect_exit 0 "TKO before any KO" ko meeting add NoKo tko
expect_match "TKO before any KO warns" "$ERR" "^kickoff: warning: NoKo's KO has not been held"
expect_eq "warning is one line" "$(printf '%s' "$ERR" | awk 'END { print NR }')" 1
expect_eq "TKO before KO still added" "$(db_sql "SELECT count(*) FROM meeting m JOIN project p ON p.id = m.project_id WHERE p.name = 'NoKo'")" 1
expect_exit 0 "TKO while Apollo's KO is planned" ko meeting add Apollo tko --at '2026-12-03 14:00' --host 'Wang Fang'
expect_match "TKO while planned warns" "$ERR" "warning: Apollo's KO has not been held"
expect_exit 0 "project Closed" ko project add Closed
expect_exit 0 "Closed KO" ko meeting add Closed ko
expect_exit 0 "Closed KO closed" ko meeting set Closed/ko --status closed
expect_exit 0 "TKO after a closed KO" ko meeting add Closed tko
expect_eq "no warning after a closed KO" "$ERR" ""

# A TKO dated before its KO: added or moved there, it warns on one line
# and is saved; dated after, it says nothing.
expect_exit 0 "project Early" ko project add Early
expect_exit 0 "Early KO" ko meeting add Early ko --at '2026-12-10 10:00'
expect_exit 0 "Early KO held" ko meeting set Early/ko --status held
expect_exit 0 "TKO dated before the KO" ko meeting add Early tko --at '2026-12-01 10:00'
expect_eq "TKO before its KO warns" "$ERR" "kickoff: warning: Early's TKO (2026-12-01 10:00) is dated before its KO (2026-12-10 10:00)"
expect_eq "TKO before its KO saved" "$(db_sql "SELECT starts_at FROM meeting m JOIN project p ON p.id = m.project_id WHERE p.name = 'Early' AND kind = 'tko'")" "2026-12-01 10:00"
expect_exit 0 "TKO moved after the KO" ko meeting set Early/tko --at '2026-12-11 09:00'
expect_eq "no warning after the KO" "$ERR" ""
expect_exit 0 "TKO moved before the KO" ko meeting set Early/tko --at '2026-12-09 09:00'
expect_eq "set before its KO warns" "$ERR" "kickoff: warning: Early's TKO (2026-12-09 09:00) is dated before its KO (2026-12-10 10:00)"
expect_exit 0 "KO moved, TKO still before" ko meeting set Early/ko --place 'Room 1'
expect_eq "no date given, no warning" "$ERR" ""
expect_exit 0 "project Early deleted" ko project delete Early

# Apollo: hold the KO, then the TKO is built on it (a new one, no warning)
expect_exit 0 "project Zeus" ko project add Zeus
expect_exit 0 "Zeus KO" ko meeting add Zeus ko
expect_exit 0 "Zeus KO held" ko meeting set Zeus/ko --status held --place 'Room 4' --purpose 'Align' --title 'Zeus KO'
expect_match "meeting set says so" "$OUT" '^updated meeting Zeus/ko$'
expect_exit 0 "Zeus TKO" ko meeting add Zeus tko
expect_eq "no warning once held" "$ERR" ""
expect_exit 0 "Zeus KO show" ko meeting show Zeus/ko --json
json_eq "set: status" "$OUT" '.status' held
json_eq "set: place" "$OUT" '.place' 'Room 4'
json_eq "set: purpose" "$OUT" '.purpose' Align
json_eq "set: title" "$OUT" '.title' 'Zeus KO'
json_eq "set: time unset" "$OUT" '.starts_at' null

expect_exit 0 "Apollo KO held" ko meeting set Apollo/ko --status held
expect_exit 0 "project list --json" ko project list --json
pl=$OUT
json_eq "projects by name" "$pl" '[.[].name] | join(",")' Apollo,Closed,NoKo,Zeus
json_eq "Apollo KO summary" "$pl" '.[0].ko | [.status, .items, .checked] | map(tostring) | join(",")' held,13,13
json_eq "Apollo TKO summary" "$pl" '.[0].tko | [.status, .items, .checked] | map(tostring) | join(",")' planned,10,0
json_eq "NoKo has no KO" "$pl" '.[2].ko' null
json_eq "Apollo customer" "$pl" '.[0].customer' ACME
json_eq "Apollo code" "$pl" '.[0].code' AP-1
json_eq "Apollo actions" "$pl" '.[0] | [.actions_open, .actions_overdue] | map(tostring) | join(",")' 2,0

# ---- TKO ----
expect_exit 0 "TKO item list" ko item list Apollo/tko --json
json_eq "10 TKO items" "$OUT" 'length' 10
want_tko='Technical architecture design|Technology selection|Development process|Interface definitions|Data interaction and storage standards|Environment setup requirements|Technical difficulties|Performance targets|Technical risk analysis|Technical delivery standards'
json_eq "the seed's TKO titles" "$OUT" '[.[].title] | join("|")' "$want_tko"
for n in $(seq 1 10); do
	check "TKO tick $n" ko item check Apollo/tko "$n"
done
expect_exit 0 "TKO items ticked" ko item list Apollo/tko --json
json_eq "all 10 ticked" "$OUT" '[.[] | select(.checked_at != null)] | length' 10

expect_exit 0 "TKO output list" ko output list Apollo/tko --json
outs=$OUT
json_eq "9 outputs" "$outs" 'length' 9
want_out='Technical design document|Architecture design document|Interface definition document|Data flow design|Development standards|Test plan|Technical delivery standards|Environment setup guide|Technical risk management plan'
json_eq "the seed's TKO outputs" "$outs" '[.[].name] | join("|")' "$want_out"
json_eq "all todo" "$outs" '[.[].status] | unique | join(",")' todo
expect_exit 0 "output 1 drafting" ko output set Apollo/tko 1 --status drafting --owner '王芳'
expect_match "output set says so" "$OUT" '^output 1 is drafting$'
for n in $(seq 1 9); do
	check "output $n done" ko output set Apollo/tko "$n" --status done
done
expect_exit 0 "output 2 owner" ko output set Apollo/tko 2 --status done --owner 'Bo Chen'
expect_exit 0 "TKO outputs done" ko output list Apollo/tko --json
json_eq "all 9 done" "$OUT" '[.[] | select(.status == "done")] | length' 9
json_eq "owner kept without --owner" "$OUT" '.[0].owner' '王芳'
json_eq "owner set" "$OUT" '.[1].owner' 'Bo Chen'
json_eq "positions" "$OUT" '[.[].position] == [range(1;10)]' true
json_eq "link empty" "$OUT" '.[0].link' ''
expect_exit 0 "output list (text)" ko output list Apollo/tko
expect_match "output list text" "$OUT" ' 1  Technical design document +- +done +王芳'

expect_exit 0 "TKO attendee" ko attendee add Apollo/tko 'Wang Fang' --role Architect --present
expect_exit 0 "TKO risk" ko risk add Apollo/tko 'Vendor API not ready' --impact high --likelihood low --owner 'Wang Fang' --mitigation 'Mock it' --item 4
expect_exit 0 "TKO risk 2" ko risk add Apollo/tko 'Load unknown'
expect_exit 0 "risk list --json" ko risk list Apollo/tko --json
json_eq "two risks" "$OUT" 'length' 2
json_eq "risk 1" "$OUT" '.[0] | [.text, .likelihood, .impact, .mitigation, .owner, .status, (.item|tostring)] | join("|")' 'Vendor API not ready|low|high|Mock it|Wang Fang|open|4'
json_eq "risk 2 defaults" "$OUT" '.[1] | [.likelihood, .impact, .owner, (.item|tostring)] | join("|")' 'medium|medium||null'
expect_exit 0 "risk list (text)" ko risk list Apollo/tko
expect_match "risk text" "$OUT" '^1  Vendor API not ready  \[low/high, open\]  Wang Fang$'
expect_exit 0 "TKO decision" ko decision add Apollo/tko 'PostgreSQL for storage' --item 2 --by 'Wang Fang'
expect_exit 0 "TKO action" ko action add Apollo/tko 'Set up CI' --owner 'Wang Fang' --due 2026-12-10 --decision 3
expect_exit 0 "TKO show" ko meeting show Apollo/tko --json
json_eq "TKO show: kind" "$OUT" '.kind' tko
json_eq "TKO show: title" "$OUT" '.title' 'Technical Kick-off'
json_eq "TKO progress" "$OUT" '.progress | [.attendees, .present, .items, .checked, .decisions, .risks, .outputs, .outputs_done, .actions] | map(tostring) | join(",")' 1,1,10,10,1,2,9,9,1
expect_exit 0 "TKO show (text)" ko meeting show Apollo/tko
expect_match "show text progress" "$OUT" 'agenda 10/10, decisions 1, risks 2, outputs 9/9'
expect_exit 0 "action list by meeting" ko action list --meeting Apollo/tko --json
json_eq "TKO action" "$OUT" '.[0] | [.meeting, .owner, .due, (.decision|tostring)] | join("|")' 'Apollo/tko|Wang Fang|2026-12-10|3'

# reopen and drop
expect_exit 0 "action reopen 1" ko action reopen 1
expect_exit 0 "action drop 3" ko action drop 3
expect_exit 0 "action list after reopen/drop" ko action list --json
json_eq "statuses" "$OUT" '[.[] | "\(.id):\(.status)"] | join(",")' 1:open,2:open,4:open,3:dropped
expect_exit 0 "reopened is overdue again" ko action list --overdue --json
json_eq "overdue again" "$OUT" '[.[].id] | join(",")' 1

# Chinese project: Chinese templates
expect_exit 0 "zh project" ko project add 阿波罗 --lang zh
expect_exit 0 "zh KO" ko meeting add 阿波罗 ko
expect_exit 0 "zh items" ko item list 阿波罗/ko --json
json_eq "zh first item" "$OUT" '.[0].title' 项目背景介绍
json_eq "zh item 8" "$OUT" '.[7].title' '进度计划/主要里程碑'
expect_exit 0 "zh outputs" ko output list 阿波罗/ko --json
json_eq "zh outputs" "$OUT" '[.[].name] | join(",")' 项目章程,项目管理计划,项目目标说明书,项目范围说明书,项目角色职责矩阵,沟通计划,风险管理计划,进度计划
expect_exit 0 "zh show" ko meeting show 阿波罗/ko --json
json_eq "zh title" "$OUT" '.title' 启动会
# without --lang, the user's language decides
expect_exit 0 "zh by locale" env LANG=zh_CN.UTF-8 LC_ALL= "$KICKOFF" project add 北极星
expect_eq "zh by locale stored" "$(db_sql "SELECT lang FROM project WHERE name = '北极星'")" zh

# meeting by numeric id, and project list filter, and delete
apollo_ko=$(db_sql "SELECT m.id FROM meeting m JOIN project p ON p.id = m.project_id WHERE p.name = 'Apollo' AND m.kind = 'ko'")
expect_exit 0 "meeting by id" ko meeting show "$apollo_ko" --json
json_eq "meeting by id is Apollo/ko" "$OUT" '"\(.project)/\(.kind)"' Apollo/ko
expect_exit 0 "project list --filter" ko project list --filter acme --json
json_eq "filter by customer" "$OUT" '[.[].name] | join(",")' Apollo
expect_exit 0 "project list (text)" ko project list
expect_match "text list Apollo row" "$OUT" '1 +Apollo +ACME +13/13 held +10/10 planned +3 open, 1 overdue'
expect_exit 0 "project delete" ko project delete NoKo
expect_match "project delete says so" "$OUT" '^deleted project NoKo and its meetings$'
expect_eq "NoKo gone with its meeting" "$(db_sql "SELECT count(*) FROM meeting WHERE project_id NOT IN (SELECT id FROM project)")" 0
expect_eq "integrity" "$(db_sql 'PRAGMA integrity_check')" ok
expect_eq "foreign keys" "$(db_sql 'PRAGMA foreign_key_check')" ""
expect_exit 0 "empty project list" ko --db "$T_TMP/empty.db" project list
expect_match "empty list hint" "$OUT" 'No projects yet'
expect_exit 0 "empty project list --json" ko --db "$T_TMP/empty.db" project list --json
json_eq "empty json list" "$OUT" 'length' 0
expect_exit 0 "empty action list" ko --db "$T_TMP/empty.db" action list
expect_match "empty action list" "$OUT" '^No actions\.$'
