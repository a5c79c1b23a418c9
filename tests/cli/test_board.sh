# The follow-up board (kickoff board): the open actions of three
# projects in one list, overdue first, then by due date, undated last;
# filtered by owner, "mine", project and status; --json as kickoff-list/1
# with the rows under "actions".  KICKOFF_NOW is 2026-11-26.

for p in Alpha Beta Gamma; do ko project add "$p" >/dev/null; ko meeting add "$p" ko >/dev/null; done
ko meeting add Beta tko >/dev/null 2>&1
ko action add Alpha/ko "Alpha undated" --owner tester >/dev/null          # 1
ko action add Beta/ko "Beta late" --owner bob --due 2026-11-20 >/dev/null # 2
ko action add Gamma/ko "Gamma soon" --owner tester --due 2026-11-30 >/dev/null # 3
ko action add Beta/tko "Beta TKO later" --owner bob --due 2026-12-09 >/dev/null # 4
ko action add Gamma/ko "Gamma later late" --owner tester --due 2026-11-25 >/dev/null # 5
ko action add Alpha/ko "Alpha done" --owner bob --due 2026-11-01 >/dev/null # 6
ko action done 6 >/dev/null
ko action add Alpha/ko "Alpha dropped" --owner bob >/dev/null # 7
ko action drop 7 >/dev/null

ids() { printf '%s' "$1" | jq -r "$LIST_VALUE"' | map(.id) | map(tostring) | join(",")'; }

expect_exit 0 "board" ko board
expect_match "header" "$OUT" "ID +MEETING +DUE +STATUS +OWNER +ACTION"
expect_eq "text order: overdue first, then by due date, undated last" \
	"$(printf '%s\n' "$OUT" | awk 'NR > 1 { print $1 }' | paste -sd,)" "2,5,3,4,1"
expect_match "overdue marked" "$(printf '%s\n' "$OUT" | sed -n 2p)" "Beta/ko +2026-11-20 +OVERDUE +bob +Beta late"

expect_exit 0 "board --json" ko board --json
expect_eq "the format" "$(printf '%s' "$OUT" | jq -r '.format')" "kickoff-list/1"
expect_eq "rows under actions" "$(printf '%s' "$OUT" | jq -r 'keys | join(",")')" "actions,format"
expect_eq "json order" "$(ids "$OUT")" "2,5,3,4,1"
json_eq "a row as action list has it" "$OUT" \
	'.[0] | [.text, .owner, .due, .status, .project, .meeting, (.overdue | tostring)] | join("|")' \
	"Beta late|bob|2026-11-20|open|Beta|Beta/ko|true"
json_eq "no due date is null" "$OUT" '.[4].due | tostring' "null"
expect_exit 0 "action list --json" ko action list --open --json
expect_eq "the same rows as action list --open" \
	"$(printf '%s' "$OUT" | jq -c "$LIST_VALUE"' | sort_by(.id)')" \
	"$(ko board --json | jq -c "$LIST_VALUE"' | sort_by(.id)')"

expect_exit 0 "--owner" ko board --owner bob --json
expect_eq "bob's" "$(ids "$OUT")" "2,4"
expect_exit 0 "--mine is \$KICKOFF_USER's" ko board --mine --json
expect_eq "tester's" "$(ids "$OUT")" "5,3,1"
expect_exit 0 "--mine follows KICKOFF_USER" env KICKOFF_USER=bob "$KICKOFF" board --mine --json
expect_eq "bob's by --mine" "$(ids "$OUT")" "2,4"
expect_exit 0 "--project" ko board --project Beta --json
expect_eq "Beta's, KO and TKO" "$(ids "$OUT")" "2,4"
expect_exit 0 "--project with --owner" ko board --project Gamma --owner tester --json
expect_eq "Gamma's of tester" "$(ids "$OUT")" "5,3"
expect_exit 0 "--status overdue" ko board --status overdue --json
expect_eq "overdue only" "$(ids "$OUT")" "2,5"
expect_exit 0 "--status done" ko board --status done --json
expect_eq "done only" "$(ids "$OUT")" "6"
expect_exit 0 "--status dropped" ko board --status dropped --json
expect_eq "dropped only" "$(ids "$OUT")" "7"
expect_exit 0 "--status all" ko board --status all --json
expect_eq "every action: the open overdue ones first" "$(ids "$OUT")" "2,5,6,3,4,1,7"

ko action done 2 >/dev/null
expect_exit 0 "after a tick" ko board --json
expect_eq "a done action leaves the board" "$(ids "$OUT")" "5,3,4,1"
expect_exit 0 "a later day" env KICKOFF_NOW='2026-12-10 08:00' "$KICKOFF" board --json
json_eq "what is overdue follows KICKOFF_NOW" "$OUT" 'map(select(.overdue)) | map(.id) | map(tostring) | join(",")' "5,3,4"

expect_exit 0 "nothing of carol's" ko board --owner carol
expect_match "says so" "$OUT" "No actions."
refused 1 "bad status" "--status must be open, overdue, done, dropped or all" ko board --status late
refused 1 "--mine and --owner" "cannot be given together" ko board --mine --owner bob
refused 2 "unknown project" "no project" ko board --project Nope
refused 1 "an argument" "too many arguments" ko board Alpha
refused 1 "bad KICKOFF_NOW" "KICKOFF_NOW is not a date" env KICKOFF_NOW=soon "$KICKOFF" board

# --group: by owner or project first, each group overdue first.
expect_exit 0 "--group owner" ko board --group owner --json
expect_eq "bob's, then tester's" "$(ids "$OUT")" "4,5,3,1"
expect_exit 0 "--group project" ko board --group project --json
expect_eq "Alpha, Beta, Gamma" "$(ids "$OUT")" "1,4,5,3"
refused 1 "bad group" "--group must be owner or project" ko board --group status
