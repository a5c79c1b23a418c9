# The RACI matrix and the open questions from the command line: the
# rule (one A, at least one R) as show says it, --json, every export,
# the JSON import back, bad input refused, undo; a KO question moved to
# the TKO.

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko meeting add Apollo tko >/dev/null 2>&1
ko attendee add Apollo/ko Ana >/dev/null
ko attendee add Apollo/ko Bob >/dev/null
ko attendee add Apollo/ko "Chen Wei" >/dev/null

# No A, then two A's, then right.
expect_exit 0 "raci set R" ko raci set Apollo/ko 1 Bob R
expect_exit 0 "raci show" ko raci show Apollo/ko
expect_match "no A said" "$OUT" "^Project charter: no A$"
expect_exit 0 "raci set A" ko raci set Apollo/ko 1 Ana A
expect_exit 0 "a second A" ko raci set Apollo/ko 1 "Chen Wei" a
expect_exit 0 "raci show" ko raci show Apollo/ko
expect_match "two A's said" "$OUT" "^Project charter: two A's$"
expect_match "an untouched output has neither" "$OUT" "^Schedule: no A, no R$"
expect_exit 0 "Chen consulted" ko raci set Apollo/ko 1 "Chen Wei" C
expect_exit 0 "raci show" ko raci show Apollo/ko
if printf '%s' "$OUT" | grep -q "^Project charter:"; then fail "charter is right" "$OUT"
else ok "charter is right"; fi
expect_match "the grid" "$OUT" "Ana +A"
expect_eq "cells stored" "$(db_sql "SELECT group_concat(a.name || '=' || r.role, ',') FROM raci r
	JOIN attendee a ON a.id = r.attendee_id ORDER BY r.id")" "Bob=R,Ana=A,Chen Wei=C"
# Output 2: the rule met by Ana (A) and Bob (R), then an A too many.
ko raci set Apollo/ko 2 Ana A >/dev/null
ko raci set Apollo/ko 2 Bob R >/dev/null
expect_exit 0 "set what is there" ko raci set Apollo/ko 2 Bob R
expect_eq "nothing logged for it" "$(db_sql "SELECT count(*) FROM change WHERE summary = 'set RACI'")" 6

expect_exit 0 "raci show --json" ko raci show Apollo/ko --json
json_eq "format" "$OUT" '.format' "kickoff-list/1"
json_eq "cells" "$OUT" '[.raci[] | "\(.output):\(.person):\(.role)"] | join(",")' \
	"1:Ana:A,1:Bob:R,1:Chen Wei:C,2:Ana:A,2:Bob:R"
json_eq "a cell's keys" "$OUT" '.raci[0] | keys_unsorted | join(",")' \
	"id,output,attendee,role,version,output_name,person"
json_eq "rules" "$OUT" '[.rules[] | "\(.output):\(.a):\(.r):\(.ok)"] | .[0:3] | join(",")' \
	"1:1:1:true,2:1:1:true,3:0:0:false"

# Bad input: refused, nothing written.
refused 1 "a letter that is none" "unknown RACI letter 'X'" ko raci set Apollo/ko 1 Ana X
refused 2 "no such output" "the meeting has no output 99" ko raci set Apollo/ko 99 Ana A
refused 2 "no such person" "no attendee 'Zed'" ko raci set Apollo/ko 1 Zed A
refused 1 "missing the letter" "missing meeting, output, person or letter" ko raci set Apollo/ko 1 Ana
refused 2 "output 0" "OUTPUT_N must be a whole number" ko raci set Apollo/ko 0 Ana A

# Emptied with -, and undone.
expect_exit 0 "empty a cell" ko raci set Apollo/ko 1 "Chen Wei" -
expect_eq "row gone" "$(db_sql "SELECT count(*) FROM raci")" 4
expect_exit 0 "undo" ko undo
expect_eq "back" "$(db_sql "SELECT count(*) FROM raci WHERE role = 'C'")" 1

# Every export has the matrix.
expect_exit 0 "md export" ko export Apollo/ko --format md
expect_match "md heading" "$OUT" "^## RACI matrix$"
expect_match "md header" "$OUT" "^\| Person \| 1\. Project charter \| 2\. Project management plan \|"
expect_match "md row" "$OUT" "^\| Chen Wei \| C \|  \|"
expect_match "md rule" "$OUT" "^- 3\\\\. Objectives statement: no A, no R$"
expect_exit 0 "csv export" ko export Apollo/ko --format csv --entity raci
expect_eq "csv header" "$(printf '%s' "$OUT" | head -n 1 | tr -d '\r')" \
	"project,meeting,output,output_name,attendee,person,role"
expect_match "csv row" "$OUT" "Apollo,ko,1,Project charter,3,Chen Wei,C"
expect_eq "csv rows" "$(printf '%s' "$OUT" | grep -c '')" 6

# Open questions: raised, answered, moved on to the TKO.
expect_exit 0 "question add" ko question add Apollo/ko "Which cloud?" --by Ana --owner Bob
expect_match "says its id" "$OUT" "^added question 1$"
expect_exit 0 "another" ko question add Apollo/ko "Budget ceiling?"
expect_exit 0 "answer it" ko question answer 2 "500k, says the sponsor"
expect_exit 0 "move the first" ko question move 1
expect_match "says where" "$OUT" "moved question 1 to the TKO as question 3"
expect_eq "KO's is moved" "$(db_sql "SELECT status FROM question WHERE id = 1")" moved
expect_eq "TKO's is open, linked" "$(db_sql "SELECT m.kind || '|' || q.status || '|' || q.moved_from || '|' || q.raised_by
	FROM question q JOIN meeting m ON m.id = q.meeting_id WHERE q.id = 3")" "tko|open|1|Ana"
refused 2 "moved twice" "question 1 is moved: only an open question moves" ko question move 1
refused 2 "a TKO question does not move" "only a KO's question moves" ko question move 3
refused 2 "a moved one is answered in the TKO" "answer it there" ko question answer 1 "x"
refused 2 "no such question" "no question with id 99" ko question answer 99 "x"
refused 2 "a bad id" "a question id is a number" ko question move x1
refused 2 "an empty answer" "answer" ko question answer 3 "  "
expect_exit 0 "question list --json" ko question list Apollo/tko --json
json_eq "the TKO's" "$OUT" '[.[] | "\(.id):\(.status):\(.moved_from):\(.text)"] | join(",")' \
	"3:open:1:Which cloud?"
json_eq "a question's keys" "$OUT" '.[0] | keys_unsorted | join(",")' \
	"id,moved_from,text,raised_by,owner,status,answer,version"
expect_exit 0 "question list" ko question list Apollo/ko
expect_match "answered shown" "$OUT" "500k, says the sponsor"
expect_exit 0 "undo" ko undo
expect_match "the move undone" "$OUT" "move question to the TKO"
expect_eq "open again, no copy" "$(db_sql "SELECT group_concat(id || status) FROM question")" "1open,2answered"
expect_exit 0 "redo" ko redo
expect_eq "moved again" "$(db_sql "SELECT group_concat(id || status) FROM question")" "1moved,2answered,3open"
ko project add Solo >/dev/null
ko meeting add Solo ko >/dev/null
ko question add Solo/ko "Who signs?" >/dev/null
refused 2 "no TKO to move to" "project 'Solo' has no TKO yet" ko question move 4
ko project delete Solo >/dev/null

expect_exit 0 "questions in md" ko export Apollo --format md
expect_match "md questions" "$OUT" "^\| 2 \| Budget ceiling\? \|  \|  \| answered \| 500k, says the sponsor \|  \|$"
expect_exit 0 "questions in csv" ko export Apollo --format csv --entity questions
expect_match "csv question" "$OUT" "Apollo,tko,3,Which cloud\?,Ana,Bob,open,,1"

# The JSON export imported back: the same bytes out, in an empty
# database (ids kept) and beside the project (ids renumbered, links
# followed).
expect_exit 0 "json export" ko export Apollo --format json -o "$T_TMP/a.json"
json_eq "raci in json" "$(cat "$T_TMP/a.json")" '.project.meetings[0].raci | length' 5
json_eq "questions in json" "$(cat "$T_TMP/a.json")" '.project.meetings[1].questions[0].moved_from' 1
expect_exit 0 "import into an empty database" env KICKOFF_DB="$T_TMP/b.db" "$KICKOFF" import "$T_TMP/a.json"
expect_exit 0 "export it again" env KICKOFF_DB="$T_TMP/b.db" "$KICKOFF" export Apollo --format json -o "$T_TMP/b.json"
expect_eq "round trip" "$(cmp "$T_TMP/a.json" "$T_TMP/b.json" && echo same)" same
expect_exit 0 "raci show after import" env KICKOFF_DB="$T_TMP/b.db" "$KICKOFF" raci show Apollo/ko
expect_match "the grid came back" "$OUT" "Chen Wei +C"
sed 's/"name": "Apollo"/"name": "Apollo 2"/' "$T_TMP/a.json" > "$T_TMP/c.json"
expect_exit 0 "import beside it" ko import "$T_TMP/c.json"
expect_eq "cells renumbered to their meeting" "$(db_sql "SELECT count(*) FROM raci r JOIN attendee a
	ON a.id = r.attendee_id JOIN output o ON o.id = r.output_id JOIN meeting m ON m.id = r.meeting_id
	JOIN project p ON p.id = m.project_id
	WHERE p.name = 'Apollo 2' AND a.meeting_id = m.id AND o.meeting_id = m.id")" 5
expect_eq "moved_from follows" "$(db_sql "SELECT k.text || '|' || k.status FROM question t
	JOIN question k ON k.id = t.moved_from JOIN meeting m ON m.id = t.meeting_id
	JOIN project p ON p.id = m.project_id WHERE p.name = 'Apollo 2'")" "Which cloud?|moved"
# A file of before the matrix (no raci, no questions) still imports.
jq '.project.name = "Old" | del(.project.meetings[].raci, .project.meetings[].questions)' \
	"$T_TMP/a.json" > "$T_TMP/old.json"
expect_exit 0 "an older export imports" ko import "$T_TMP/old.json"
# A cell naming an attendee the meeting does not have is refused.
jq '.project.name = "Bad" | .project.meetings[0].raci[0].attendee = 999' \
	"$T_TMP/a.json" > "$T_TMP/bad.json"
refused 2 "a cell of no attendee" "raci\[0\].attendee: no attendee 999 in this meeting" ko import "$T_TMP/bad.json"
jq '.project.name = "Bad" | .project.meetings[1].questions[0].moved_from = 3' \
	"$T_TMP/a.json" > "$T_TMP/bad2.json"
refused 2 "moved from no earlier question" "moved_from: no question 3 in a meeting before this one" \
	ko import "$T_TMP/bad2.json"

jq '.project.name = "Bad" | .project.meetings[0].raci[1].attendee = .project.meetings[0].raci[0].attendee' \
	"$T_TMP/a.json" > "$T_TMP/bad3.json"
refused 2 "two rows for one cell" "raci\[1\]: a second cell for output 1 and attendee 1" \
	ko import "$T_TMP/bad3.json"

# A project deleted takes its cells and questions; undone, they are back.
expect_exit 0 "project delete" ko project delete "Apollo 2"
expect_eq "its cells went" "$(db_sql "SELECT count(*) FROM raci")" 5
expect_exit 0 "undo the delete" ko undo
expect_eq "its cells are back" "$(db_sql "SELECT count(*) FROM raci")" 10
expect_eq "and its questions" "$(db_sql "SELECT count(*) FROM question")" 6
