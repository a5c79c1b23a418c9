# Small rules of the command line: a success line shows a name with a
# newline as the lists do (one line, ⏎ for the newline); a note set to the
# text it has is no change (nothing logged, nothing to undo); a number too
# large for any row is refused like any other bad number; dates left blank
# are stored as NULL on every path in, and the export says null.

# ---- success lines: one line each, the newline shown as ⏎ ----
expect_exit 0 "project add with a newline" ko project add $'New\nline'
expect_eq "added project: one line, newline shown" "$OUT" "added project New⏎line (id 1)"
expect_exit 0 "meeting add with a newline in the project" ko meeting add $'New\nline' ko
expect_eq "added meeting: one line" "$OUT" "added KO meeting New⏎line/ko (id 1)"
expect_exit 0 "attendee add with a newline" ko attendee add $'New\nline/ko' $'Ana\nLima'
expect_eq "added attendee: one line" "$OUT" "added attendee Ana⏎Lima (id 1)"
expect_exit 0 "attendee present with a newline" ko attendee present $'New\nline/ko' $'Ana\nLima'
expect_eq "marked present: one line" "$OUT" "Ana⏎Lima marked present"
expect_exit 0 "meeting set" ko meeting set $'New\nline/ko' --host Bo
expect_eq "updated meeting: one line" "$OUT" "updated meeting New⏎line/ko"
expect_exit 0 "undo" ko undo
expect_eq "undone: one line" "$(printf '%s\n' "$OUT" | wc -l)" 1
expect_exit 0 "project delete with a newline" ko project delete $'New\nline'
expect_eq "deleted project: one line" "$OUT" "deleted project New⏎line and its meetings"

# ---- a note set to what it is already ----
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko item note Apollo/ko 1 "Slides ready" >/dev/null
changes=$(db_sql "SELECT count(*) FROM change")
for same in "Slides ready" "Slides ready " "  Slides ready"; do
	expect_exit 0 "note '$same' again" ko item note Apollo/ko 1 "$same"
	expect_eq "note '$same' again: says nothing changed" "$OUT" "item 1 already has that note; nothing changed"
done
expect_eq "the same note: no change logged" "$(db_sql "SELECT count(*) FROM change")" "$changes"
expect_exit 0 "undo after the same note" ko undo
expect_eq "undo takes back the first note, not a no-op edit" "$(db_sql "SELECT quote(note) FROM item WHERE position = 1")" "''"
expect_exit 0 "a different note" ko item note Apollo/ko 1 "Slides v2"
expect_eq "a different note is saved" "$OUT" "note saved on item 1"

# ---- numbers beyond any row's ----
for big in 2147483648 4294967297 9223372036854775807 9223372036854775808 99999999999999999999; do
	refused 2 "action done $big" "action id must be a whole number from 1 to 2147483647, not '$big'" \
		ko action done "$big"
	refused 2 "item check $big" "item number must be a whole number from 1 to 2147483647, not '$big'" \
		ko item check Apollo/ko "$big"
	refused 2 "output set $big" "output number must be a whole number from 1 to 2147483647" \
		ko output set Apollo/ko "$big" --status done
	refused 2 "decision add --item $big" "--item must be a whole number from 1 to 2147483647" \
		ko decision add Apollo/ko Text --item "$big"
	refused 2 "action add --decision $big" "--decision must be a whole number from 1 to 2147483647" \
		ko action add Apollo/ko Text --owner Bo --decision "$big"
done
refused 2 "the largest id: no such action" "no action with id 2147483647" ko action done 2147483647
refused 2 "not a number: as before" "action id must be a whole number from 1, not '12abc'" ko action done 12abc

# ---- blank dates are NULL, from every path ----
ko action add Apollo/ko "No due date" --owner Bo >/dev/null
ko output set Apollo/ko 1 --due 2026-12-01 >/dev/null
ko output set Apollo/ko 1 --due "" >/dev/null
ko meeting set Apollo/ko --at "2026-12-01 10:00" >/dev/null
ko meeting set Apollo/ko --at "" >/dev/null
expect_eq "blank dates stored as NULL" \
	"$(db_sql "SELECT (SELECT quote(due) FROM action) || (SELECT quote(due) FROM output WHERE position = 1) || (SELECT quote(starts_at) FROM meeting)")" \
	"NULLNULLNULL"
ko export Apollo --format json -o "$T_TMP/a.json" >/dev/null
expect_eq "the export says null" \
	"$(jq -c '.project.meetings[0] | [.starts_at, .actions[0].text, .actions[0].due, .outputs[0].due]' "$T_TMP/a.json")" \
	'[null,"No due date",null,null]'
KICKOFF_DB="$T_TMP/b.db" ko import "$T_TMP/a.json" >/dev/null
expect_eq "imported blank dates are NULL" \
	"$(KICKOFF_DB="$T_TMP/b.db" db_sql "SELECT (SELECT quote(due) FROM action) || (SELECT quote(due) FROM output WHERE position = 1) || (SELECT quote(starts_at) FROM meeting)")" \
	"NULLNULLNULL"
KICKOFF_DB="$T_TMP/b.db" ko export Apollo --format json -o "$T_TMP/b.json" >/dev/null
expect_eq "export after import is the same" "$(jq -S 'del(.exported_at, .generated_at)' "$T_TMP/b.json" | sha1sum)" \
	"$(jq -S 'del(.exported_at, .generated_at)' "$T_TMP/a.json" | sha1sum)"

# ---- action list: by due date, and by owner, status and text ----
ko meeting add Apollo tko >/dev/null 2>&1
for a in "Undated A|Ana|" "Due last|Wei|2026-12-20" "Due first|Ana|2026-11-30" "Undated B|Bo|" "Due between|Bo|2026-12-05"; do
	IFS='|' read -r text owner due <<<"$a"
	ko action add Apollo/tko "$text" --owner "$owner" ${due:+--due "$due"} >/dev/null
done
ko action done "$(db_sql "SELECT id FROM action WHERE text = 'Due between'")" >/dev/null
ko action drop "$(db_sql "SELECT id FROM action WHERE text = 'Undated B'")" >/dev/null
lst() { ko action list --meeting Apollo/tko --json "$@" | jq -r "$LIST_VALUE | map(.text) | join(\",\")"; }
expect_eq "action list: by due date, undated last in the order added" "$(lst)" \
	"Due first,Due between,Due last,Undated A,Undated B"
expect_eq "action list --owner" "$(lst --owner Ana)" "Due first,Undated A"
expect_eq "action list --status done" "$(lst --status done)" "Due between"
expect_eq "action list --status dropped" "$(lst --status dropped)" "Undated B"
expect_eq "action list --text, any case" "$(lst --text DUE)" "Due first,Due between,Due last"
expect_eq "action list --owner --status --text together" "$(lst --owner Bo --status open --text due)" ""
expect_eq "action list --open --text" "$(lst --open --text undated)" "Undated A"
refused 1 "action list --status bad" "--status must be open, done or dropped, not 'late'" ko action list --status late
