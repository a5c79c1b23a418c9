# kickoff import: export -> import -> export gives the same bytes; a bad
# file changes nothing and names the line and field.
. "$KICKOFF_TESTS/cli/seed_minutes.sh"
seed_en
seed_zh
ko export Apollo --format json > apollo.json
ko export 天河 --format json > tianhe.json

# ---- round trip into an empty database ----
export KICKOFF_DB="$T_TMP/fresh.db"
expect_exit 0 "import en" ko import apollo.json
expect_match "import says" "$OUT" "imported project 'Apollo' \(2 meetings\)"
expect_exit 0 "import zh" ko import tianhe.json
ko export Apollo --format json > apollo2.json
ko export 天河 --format json > tianhe2.json
expect_eq "json round trip en" "$(cmp apollo.json apollo2.json && echo same)" same
expect_eq "json round trip zh" "$(cmp tianhe.json tianhe2.json && echo same)" same
for f in md csv ics; do
	KICKOFF_DB="$T_TMP/test.db" ko export Apollo --format $f > a.$f
	ko export Apollo --format $f > b.$f
	expect_eq "$f round trip" "$(cmp a.$f b.$f && echo same)" same
done
# The imported meetings work as any other: an action can be closed.
expect_exit 0 "imported action done" ko action done 2
expect_eq "imported tick kept" "$(db_sql "SELECT checked_by FROM item WHERE id = 1")" tester

# ---- into a database whose ids are taken: new ids, same content ----
export KICKOFF_DB="$T_TMP/other.db"
ko project add Zeus >/dev/null && ko meeting add Zeus ko >/dev/null
ko decision add Zeus/ko 'Something' >/dev/null
ko action add Zeus/ko 'Else' --owner X >/dev/null
expect_exit 0 "import renumbered" ko import apollo.json
ko export Apollo --format json > apollo3.json
strip() { jq 'walk(if type == "object" then del(.id, .decision) else . end)' "$1"; }
expect_eq "renumbered content" "$(strip apollo3.json | md5sum)" "$(strip apollo.json | md5sum)"
expect_eq "renumbered action link" \
	"$(jq '.project.meetings[0].actions[0].decision == .project.meetings[0].decisions[0].id' apollo3.json)" true
expect_eq "renumbered decision item" "$(jq '.project.meetings[0].decisions[0].item' apollo3.json)" 3

# ---- bad files: exit 2, one line naming where, nothing written ----
export KICKOFF_DB="$T_TMP/fresh.db"
before=$(db_state)
bad() {   # NAME REGEX FILE
	expect_exit 2 "bad: $1" ko import "$3"
	expect_match "bad: $1 message" "$ERR" "$2"
	expect_eq "bad: $1 one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
	expect_eq "bad: $1 nothing written" "$(db_state)" "$before"
}
# Same name as a project that is there: the clash names project.name.
bad "name clash" "apollo.json: line 5: project.name: a project named 'Apollo' already exists" apollo.json
printf '{"format": "kickoff/1",\n "project": {\n' > broken.json
bad "broken JSON" 'broken.json: line 3, column 0: ' broken.json
jq '.format = "kickoff/2"' apollo.json > fmt.json
bad "unknown format" 'line 2: format: unknown format "kickoff/2"' fmt.json
jq '.project.name = "Apollo 2" | del(.project.meetings[0].actions[1].owner)' apollo.json > missing.json
line=$(grep -n '"text": "Book the needs workshops' missing.json | cut -d: -f1)
bad "missing field" "line $((line - 3)): project.meetings\[0\].actions\[1\].owner: missing" missing.json
jq '.project.name = "Apollo 2" | .project.meetings[1].items[0].checked_at = 7' apollo.json > typed.json
line=$(jq -r '.project.meetings[1].items[0].checked_at' typed.json >/dev/null; grep -n '"checked_at": 7' typed.json | cut -d: -f1)
bad "ill-typed field" "line $line: project.meetings\[1\].items\[0\].checked_at: must be a text or null" typed.json
jq '.project.name = "Apollo 2" | .project.meetings[0].actions[0].status = "finished"' apollo.json > enum.json
bad "bad status" 'project.meetings\[0\].actions\[0\].status: must be one of open, done, dropped' enum.json
jq '.project.name = "Apollo 2" | .project.meetings[0].actions[1].due = "2026-02-30"' apollo.json > date.json
bad "bad date" "project.meetings\[0\].actions\[1\].due: must be 'YYYY-MM-DD' or null" date.json
jq '.project.name = "Apollo 2" | .project.meetings[0].actions[1].decision = 99' apollo.json > link.json
bad "bad link" 'actions\[1\].decision: no decision 99 in this meeting' link.json
jq '.project.name = "Apollo 2" | .project.meetings[1].kind = "ko"' apollo.json > twice.json
bad "two KOs" 'project.meetings\[1\].kind: a project has one ko meeting' twice.json
jq '.project.name = "Apollo 2" | .project.meetings[0].items[3].position = 7' apollo.json > pos.json
bad "item numbering" 'items\[3\].position: must be 4' pos.json
jq '.project.name = "Apollo 2" | .project.meetings[0].extra = 1' apollo.json > extra.json
bad "unknown field" 'project.meetings\[0\].extra: unknown field' extra.json
jq '.project.name = "A/B"' apollo.json > slash.json
bad "slash in name" "project.name: must not contain '/'" slash.json
printf '[1, 2]\n' > array.json
bad "not an object" 'line 1: \(top\): must be an object' array.json
printf '\xff\xfe{}' > binary.json
bad "not UTF-8" 'not UTF-8' binary.json
bad "missing file" "cannot read 'nothing.json'" nothing.json
expect_exit 1 "no file argument" ko import
expect_eq "usage: nothing written" "$(db_state)" "$before"

# ---- one change: undo takes the whole import back ----
export KICKOFF_DB="$T_TMP/undo.db"
ko project add Solo >/dev/null
ko export Solo --format json > solo.json
expect_exit 0 "import into undo.db" ko import apollo.json
expect_exit 0 "undo the import" ko undo
expect_eq "import undone" "$(db_sql "SELECT count(*) FROM project WHERE name = 'Apollo'")/$(db_sql 'SELECT count(*) FROM item')" 0/0
# A project without meetings goes round too.
export KICKOFF_DB="$T_TMP/solo.db"
expect_exit 0 "import no meetings" ko import solo.json
expect_eq "no meetings round trip" "$(ko export Solo --format json | cmp - solo.json && echo same)" same
