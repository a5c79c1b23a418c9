# What a person cannot see is not a difference: typed text is saved
# without the blank around it and blank alone is refused; names that look
# the same (a trailing space, NO-BREAK SPACE, ZERO WIDTH SPACE, é typed
# two ways) are one name.  Ids are digits only; imported times are real
# ones; every message says what is true.

nbsp=$(printf '\302\240')
zwsp=$(printf '\342\200\213')
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null

# ---- blank alone is refused (exit 2), nothing logged ----
refused 2 "blank project name" "project name is empty" ko project add '   '
refused 2 "NBSP-only project name" "project name is empty" ko project add "$nbsp$nbsp"
refused 2 "blank decision" "decision text is empty" ko decision add Apollo/ko "$(printf ' \t\n ')"
refused 2 "zero-width-only decision" "decision text is empty" ko decision add Apollo/ko "$zwsp"
refused 2 "blank risk" "risk text is empty" ko risk add Apollo/ko '  '
refused 2 "blank action" "action text is empty" ko action add Apollo/ko ' ' --owner Ana
refused 2 "blank owner" "owner is empty" ko action add Apollo/ko 'Draft it' --owner '  '
refused 2 "blank attendee" "attendee name is empty" ko attendee add Apollo/ko "$nbsp"

# ---- saved trimmed ----
expect_exit 0 "padded project" ko project add "  Beta $nbsp"
expect_eq "the message names it as saved" "$OUT" "added project Beta (id 2)"
expect_eq "stored trimmed" "$(db_sql "SELECT hex(name) FROM project WHERE id = 2")" "$(printf Beta | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
ko decision add Apollo/ko "$(printf '\n  Budget approved  \n')" --by ' Bob ' >/dev/null
expect_eq "decision trimmed" "$(db_sql "SELECT text || '|' || decided_by FROM decision")" "Budget approved|Bob"
ko action add Apollo/ko ' Draft ' --owner " Ana$nbsp" >/dev/null
expect_eq "action and owner trimmed" "$(db_sql "SELECT text || '|' || owner FROM action")" "Draft|Ana"
expect_eq "owner finds the trimmed one" "$(ko action list --owner Ana | grep -c Draft)" 1
ko meeting set Apollo/ko --place '  Room 1  ' --host ' Ann' >/dev/null
expect_eq "meeting fields trimmed" "$(db_sql "SELECT place || '|' || host FROM meeting")" "Room 1|Ann"
expect_exit 0 "padded attendee" ko attendee add Apollo/ko "  Cleo $zwsp$nbsp"
expect_match "the attendee message names them as saved" "$OUT" '^added attendee Cleo \(id [0-9]+\)$'
# inside the text nothing changes
ko risk add Apollo/ko "Two  spaces${nbsp}inside" >/dev/null
expect_eq "inner blanks kept" "$(db_sql "SELECT text FROM risk")" "Two  spaces${nbsp}inside"
# a variation selector ending an emoji is part of it
ko decision add Apollo/ko "$(printf 'Agreed \342\234\224\357\270\217')" >/dev/null
expect_eq "emoji kept whole" "$(db_sql "SELECT hex(text) FROM decision WHERE id = 2")" "41677265656420E29C94EFB88F"

# ---- look-alike project names are one name ----
for alike in "Apollo " " Apollo" "Apollo$nbsp" "Apo${zwsp}llo" "$(printf 'Apollo\342\200\215')" \
	"$(printf 'Apollo\342\200\256')"; do
	refused 2 "look-alike '$alike'" "a project named 'Apollo' already exists" ko project add "$alike"
done
ko project add "$(printf 'Caf\303\251')" >/dev/null
refused 2 "e + combining acute is é" "already exists \(the two names look the same\)" \
	ko project add "$(printf 'Cafe\314\201')"
ko project add "Apollo One" >/dev/null
refused 2 "NBSP for a space inside" "a project named 'Apollo One' already exists" \
	ko project add "Apollo${nbsp}One"
refused 2 "a run of spaces is one" "a project named 'Apollo One' already exists" \
	ko project add "Apollo  ${zwsp} One"
expect_exit 0 "a different name is still fine" ko project add "Apollo Two"
expect_exit 0 "case still tells names apart" ko project add "apollo"
expect_eq "projects" "$(db_sql "SELECT count(*) FROM project")" 6
# import: the same rule; the file's bytes are kept otherwise
ko export Apollo --format json > apollo.json
jq --arg n "Apollo$nbsp" '.project.name = $n' apollo.json > alike.json
refused 2 "import of a look-alike" "already exists" ko import alike.json
# a name typed with a space more still finds the project
expect_exit 0 "found by the name as it reads" ko meeting show "Apollo$nbsp/ko"
expect_match "the right one" "$OUT" 'Apollo/ko \(id 1\)'
# templates
jq -n '{ format: "kickoff-template/1", name: "lean",
	ko: { en: { items: ["Goals"], outputs: ["Charter"] }, zh: { items: ["目标"], outputs: ["章程"] } } }' > lean.json
ko template import lean.json >/dev/null
jq '.name = "lean "' lean.json > lean2.json
refused 2 "look-alike template" "a template named 'lean' already exists" ko template import lean2.json
jq '.name = " standard"' lean.json > std.json
refused 2 "the built-in name padded" "built-in template's name" ko template import std.json

# ---- ids: digits only, none too large ----
for bad in ' 1' '1 ' '+1' '0x1' '1e3' '１'; do
	refused 2 "meeting id '$bad'" "no meeting '.*' \(want PROJECT/ko, PROJECT/tko or an id\)" ko meeting show "$bad"
done
refused 2 "20-digit meeting id" "invalid meeting id '12345678901234567890' \(too large\)" \
	ko meeting show 12345678901234567890
refused 2 "19 nines" "invalid meeting id '9999999999999999999' \(too large\)" \
	ko meeting show 9999999999999999999
refused 2 "INT64_MAX is an id, not there" "no meeting with id 9223372036854775807" \
	ko meeting show 9223372036854775807
expect_exit 0 "meeting 1" ko meeting show 1
refused 2 "20-digit action id" "action id must be a whole number from 1" ko action done 12345678901234567890
refused 2 "20-digit item number" "item number must be a whole number from 1" ko item check Apollo/ko 12345678901234567890
refused 2 "project id ' 1'" "no project named ' 1'" ko meeting add ' 1' tko
refused 2 "project id '+1'" "no project named '\+1'" ko meeting add '+1' tko

# ---- meeting set with nothing to change ----
refused 1 "meeting set alone" "nothing to change" ko meeting set Apollo/ko
# The value a field has already is no change: nothing logged, and the
# undo of whoever set it is not stood in the way of.
KICKOFF_USER=ann ko meeting set Apollo/ko --host Hanna >/dev/null
changes=$(db_sql "SELECT count(*) FROM change")
expect_exit 0 "meeting set to the values it has" env KICKOFF_USER=bob "$KICKOFF" meeting set Apollo/ko --host Hanna
expect_eq "nothing logged for it" "$(db_sql "SELECT count(*) FROM change")" "$changes"
expect_exit 0 "the undo of who set it" env KICKOFF_USER=ann "$KICKOFF" undo
expect_eq "the host undone" "$(db_sql "SELECT host FROM meeting WHERE id = 1")" "Ann"

# ---- import checks times as the command line does ----
for bad in 2026-02-30T10:00:00Z 2026-11-26T24:00:00Z 2026-11-26T10:60:00Z 2026-11-26T10:00:60Z \
	2026-13-01T10:00:00Z 2026-11-26T10:00:00X 2026-11-26 10:00:00Z; do
	jq --arg t "$bad" '.project.name = "Imported" | .project.created_at = $t' apollo.json > bad.json
	refused 2 "project.created_at $bad" "created_at: must be a time" ko import bad.json
done
jq '.project.name = "Imported" | .project.meetings[0].decisions[0].decided_at = "2025-02-29T00:00:00Z"' \
	apollo.json > bad.json
if jq -e '.project.meetings[0].decisions | length > 0' bad.json >/dev/null; then
	refused 2 "decided_at on 29 February of a common year" "decided_at: must be a time" ko import bad.json
fi
jq --arg n "$nbsp " '.project.name = $n' apollo.json > bad.json
refused 2 "blank project name in a file" "project.name: must not be empty" ko import bad.json
jq '.project.name = "Imported" | .project.created_at = "2024-02-29T23:59:59Z"' apollo.json > good.json
expect_exit 0 "a real leap day imports" ko import good.json

# ---- the size limit of a template says what it is ----
head -c 300000 /dev/zero | tr '\0' ' ' > big.json
refused 2 "template too large" "too large \(more than 256 KiB\)" ko template import big.json

# ---- the screens: a blank name is refused, the form stays with the error ----
before=$(db_sql "SELECT count(*) FROM project")
cat > "$T_TMP/script" <<'S'
a <Space> <Space> <Enter>
<Save blank-form>
S
KICKOFF_SCRIPT="$T_TMP/script" KICKOFF_SCREEN_DIR="$T_TMP" LINES=24 COLUMNS=80 "$KICKOFF" \
	2>"$T_TMP/screen.err" || fail "screen run" "$(head -c 300 "$T_TMP/screen.err")"
expect_match "the screen says why" "$(cat "$T_TMP/blank-form")" "project name is empty"
expect_match "the form is still open" "$(cat "$T_TMP/blank-form")" "New project"
expect_eq "nothing saved from the screen" "$(db_sql "SELECT count(*) FROM project")" "$before"
