# Options the seed run does not reach: --template, meeting set of each
# field, log/undo/redo from the command line, and no verb at all.

# --template: a team's own template (stored in the template table)
ko project add Base >/dev/null
db_sql "INSERT INTO template(name, body, created_at) VALUES ('lean', '{\"format\": \"kickoff-template/1\", \"ko\": {\"en\": {\"items\": [\"Why\", \"What\", \"Who\"], \"outputs\": [\"Charter\"]}}}', '2026-11-26T09:00:00Z')"
expect_exit 0 "project add --template" ko project add Lean --template lean
expect_exit 0 "project list shows the template" ko project list --json
json_eq "template stored" "$OUT" '[.[] | "\(.name):\(.template)"] | join(",")' Base:standard,Lean:lean
expect_exit 0 "meeting from the template" ko meeting add Lean ko
expect_exit 0 "its items" ko item list Lean/ko --json
json_eq "template items" "$OUT" '[.[].title] | join(",")' Why,What,Who
expect_exit 0 "its outputs" ko output list Lean/ko --json
json_eq "template outputs" "$OUT" '[.[].name] | join(",")' Charter
expect_exit 0 "kind missing from the template: built-in" ko meeting add Lean tko
expect_exit 0 "built-in TKO items" ko item list Lean/tko --json
json_eq "built-in TKO count" "$OUT" 'length' 10
refused 2 "unknown template" "no template named 'nope'" ko project add Other --template nope

# (No verb at all opens the screens: tests/tui, not here.)

# meeting set: every field, and clearing the time
ko meeting add Base ko --at '2026-12-01 10:00' >/dev/null
expect_exit 0 "meeting set all" ko meeting set Base/ko --at '2028-02-29 23:59' --host 'Ana Lima' \
	--place 'Room 1' --title 'Base KO' --purpose 'Agree the scope' --status held
expect_exit 0 "meeting show" ko meeting show Base/ko --json
json_eq "all fields set" "$OUT" '[.starts_at, .host, .place, .title, .purpose, .status] | join("|")' \
	'2028-02-29 23:59|Ana Lima|Room 1|Base KO|Agree the scope|held'
expect_exit 0 "meeting set one field" ko meeting set Base/ko --place 'Room 2'
expect_exit 0 "meeting show after one" ko meeting show Base/ko --json
json_eq "other fields kept" "$OUT" '[.starts_at, .host, .place, .status] | join("|")' '2028-02-29 23:59|Ana Lima|Room 2|held'
expect_exit 0 "meeting set --at ''" ko meeting set Base/ko --at ''
expect_exit 0 "meeting show after clear" ko meeting show Base/ko --json
json_eq "time cleared" "$OUT" '.starts_at' null
expect_exit 0 "meeting show (text)" ko meeting show Base/ko
expect_match "text show" "$OUT" 'Base/ko \(id [0-9]+\)'
expect_match "text show place" "$OUT" 'Room 2'
expect_eq "version counts the edits" "$(db_sql "SELECT version FROM meeting WHERE title = 'Base KO'")" 4

# log, undo and redo
expect_exit 0 "log --json" ko log --json --limit 3
json_eq "log limit" "$OUT" 'length' 3
json_eq "newest first" "$OUT" '.[0].summary' 'edit meeting'
json_eq "who" "$OUT" '.[0].who' tester
json_eq "at" "$OUT" '.[0].at' 2026-11-26T09:00:00Z
expect_exit 0 "log of a meeting" ko log Base/ko --json
json_eq "meeting log: only Base/ko" "$OUT" '[.[].meeting] | unique | length' 1
expect_exit 0 "undo" ko undo
expect_match "undo says what" "$OUT" 'edit meeting'
expect_exit 0 "undone time back" ko meeting show Base/ko --json
json_eq "time back" "$OUT" '.starts_at' '2028-02-29 23:59'
expect_exit 0 "redo" ko redo
expect_exit 0 "redone" ko meeting show Base/ko --json
json_eq "time cleared again" "$OUT" '.starts_at' null
refused 2 "nothing to redo" "nothing to redo" ko redo
refused 2 "undo as someone with no changes" "nothing of yours to undo" env KICKOFF_USER=nobody-else "$KICKOFF" undo
refused 1 "undo extra argument" "too many arguments|unknown" ko undo now
refused 2 "log --limit abc" "--limit must be a whole number" ko log --limit abc
refused 2 "log of unknown meeting" "no project named 'Nope'" ko log Nope/ko
