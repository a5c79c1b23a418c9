# An output's due date from the command line: set, kept, listed, cleared,
# carried by the JSON export and import, and a bad date refused.

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null

expect_exit 0 "output set --due alone" ko output set Apollo/ko 2 --due 2026-12-24
expect_match "says the date" "$OUT" "output 2 is due 2026-12-24"
expect_eq "stored, status kept" \
	"$(db_sql "SELECT due || '|' || status FROM output WHERE position = 2")" "2026-12-24|todo"
expect_exit 0 "output set --status keeps the due date" ko output set Apollo/ko 2 --status drafting
expect_eq "due kept" "$(db_sql "SELECT due || '|' || status FROM output WHERE position = 2")" \
	"2026-12-24|drafting"
expect_exit 0 "output list --json" ko output list Apollo/ko --json
json_eq "due listed" "$OUT" '[.[] | .due // "-"] | .[0:3] | join(",")' "-,2026-12-24,-"

expect_exit 0 "export with a due date" ko export Apollo/ko --format json -o "$T_TMP/ko.json"
expect_match "the file has it" "$(cat "$T_TMP/ko.json")" '"due": "2026-12-24"'
ko project delete Apollo >/dev/null
expect_eq "gone" "$(db_sql "SELECT count(*) FROM output")" 0
expect_exit 0 "import it" ko import "$T_TMP/ko.json"
expect_eq "imported with its due date" \
	"$(db_sql "SELECT position || '|' || due FROM output WHERE due IS NOT NULL")" "2|2026-12-24"

refused 2 "bad due date" "invalid due date '2026-02-30'" ko output set Apollo/ko 2 --due 2026-02-30
refused 1 "neither --status nor --due" "--status is required" ko output set Apollo/ko 2 --owner Ana

expect_exit 0 "--due '' clears it" ko output set Apollo/ko 2 --due ''
expect_match "says so" "$OUT" "output 2 has no due date"
expect_eq "cleared" "$(db_sql "SELECT count(*) FROM output WHERE due IS NOT NULL")" 0
