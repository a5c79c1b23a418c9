# History and undo name the row a change touched and the values it moved,
# in the reader's language: the log keeps stable English kinds, so a
# change made under LANG=C reads in Chinese under zh_CN, and the other
# way round.
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko action add Apollo/ko 'Write the plan' --owner Wei >/dev/null
ko action done 1 >/dev/null
ko decision add Apollo/ko 'Weekly status on Mondays' --by Ana >/dev/null

expect_exit 0 "log" ko log
expect_match "a status change names the row and its old and new status" "$OUT" \
	'tester +set action status: «Write the plan» open → done$'
expect_match "an add names the row" "$OUT" 'add decision: «Weekly status on Mondays»$'
expect_match "a meeting is named by its title" "$OUT" 'add KO meeting: «Kick-off»$'

zh() { LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$@"; }
zh expect_exit 0 "log in Chinese" ko log
expect_match "a change made in English reads in Chinese" "$OUT" \
	'设置后续行动状态：《Write the plan》 待处理 → 已完成$'
expect_match "its kind translated" "$OUT" '添加决策：《Weekly status on Mondays》$'
expect_match "the meeting's kind translated" "$OUT" '添加 KO 会议：'
if printf '%s\n' "$OUT" | grep -Eq '(add|set|edit) [a-z]'; then
	fail "no English kind left in the Chinese log" "$OUT"
else ok "no English kind left in the Chinese log"; fi

# Undo and redo say which row and what went back, in either language.
expect_exit 0 "undo" ko undo
expect_eq "undo names the row" "$OUT" 'undone: add decision: «Weekly status on Mondays»'
zh expect_exit 0 "undo in Chinese" ko undo
expect_eq "undo in Chinese names the row and the values" "$OUT" \
	'已撤销：设置后续行动状态：《Write the plan》 待处理 → 已完成'
expect_eq "the status went back" "$(db_sql "SELECT status FROM action")" open
expect_exit 0 "redo" ko redo
expect_eq "redo names what it made again" "$OUT" \
	'redone: set action status: «Write the plan» open → done'
expect_exit 0 "log after undo" ko log --limit 3
expect_match "the undo is named by what it did" "$OUT" \
	'redo: set action status: «Write the plan» open → done$'
expect_match "an undo of a status change turns the values round" "$OUT" \
	'undo: set action status: «Write the plan» done → open  \(undone\)$'

# An edit of several fields names each with its label; long text is cut.
expect_exit 0 "edit a meeting" ko meeting set Apollo/ko --place 'Room 4' --host Ana
expect_exit 0 "log after the edit" ko log --limit 1
expect_match "an edit names each field, old and new" "$OUT" \
	'edit meeting: «Kick-off» Place: — → Room 4; Host: — → Ana$'
zh expect_exit 0 "the edit in Chinese" ko log --limit 1
expect_match "field labels translated, full-width separators" "$OUT" \
	'：《Kick-off》 地点：— → Room 4；主持人：— → Ana$'

# --json: the stable keys as they were, and what the change did beside.
expect_exit 0 "log --json" ko log --json
json_eq "json: summary is the stable kind" "$OUT" '[.[] | select(.id == 4)][0].summary' 'set action status'
json_eq "json: the row" "$OUT" '[.[] | select(.id == 4)][0].row | "\(.table) \(.id) \(.op) \(.name)"' \
	'action 1 update Write the plan'
json_eq "json: the fields moved" "$OUT" \
	'[.[] | select(.id == 4)][0].fields | map(select(.field == "status"))[0] | "\(.before) \(.after)"' 'open done'
json_eq "json: the text for people" "$OUT" '[.[] | select(.id == 4)][0].text' \
	'set action status: «Write the plan» open → done'
zh expect_exit 0 "log --json in Chinese" ko log --json
json_eq "json in Chinese: summary stays English" "$OUT" '[.[] | select(.id == 4)][0].summary' 'set action status'
json_eq "json in Chinese: text translated" "$OUT" '[.[] | select(.id == 4)][0].text' \
	'设置后续行动状态：《Write the plan》 待处理 → 已完成'

# A change made in Chinese reads in English.
zh ko risk add Apollo/ko '数据迁移延期' --owner 王伟 >/dev/null
expect_exit 0 "log" ko log --limit 1
expect_match "a change made in Chinese reads in English" "$OUT" 'tester +add risk: «数据迁移延期»$'

# A change that touched no logged row (a template) is its kind alone.
jq -n '{ format: "kickoff-template/1", name: "Small",
	ko: { en: { items: ["Intro"], outputs: ["Plan"] }, zh: { items: ["介绍"], outputs: ["计划"] } } }' \
	> "$T_TMP/small.json"
ko template import "$T_TMP/small.json" >/dev/null
expect_exit 0 "log after a template import" ko log --limit 1
expect_match "the import is its kind alone" "$OUT" 'tester +import template$'
expect_exit 0 "log --json after a template import" ko log --json --limit 1
json_eq "json: no row" "$OUT" '.[0].row' null
