# kickoff status: the portfolio, one line per project: its KO and TKO not
# planned, planned (for a date when there is one) or held, their agenda
# progress, its open and overdue actions; --json the same as data.

ko project add Alpha >/dev/null
ko project add Beta >/dev/null
ko project add Gamma >/dev/null
ko meeting add Alpha ko --at '2026-11-20 09:00' >/dev/null
ko meeting set Alpha/ko --status held >/dev/null
ko item check Alpha/ko 1 >/dev/null
ko item check Alpha/ko 2 >/dev/null
ko meeting add Alpha tko --at '2026-12-03 14:00' >/dev/null
ko meeting add Beta ko >/dev/null
ko action add Alpha/ko "late" --owner Ana --due 2026-11-21 >/dev/null
ko action add Alpha/tko "later" --owner Ana --due 2026-12-21 >/dev/null
ko action add Beta/ko "undated" --owner Bo >/dev/null
count_items() {
	db_sql "SELECT count(*) FROM item i JOIN meeting m ON m.id = i.meeting_id
		JOIN project p ON p.id = m.project_id WHERE p.name = 'Alpha' AND m.kind = '$1'"
}
items=$(count_items ko)
titems=$(count_items tko)

expect_exit 0 "status" ko status
expect_match "header" "$OUT" "PROJECT +KO +AGENDA +TKO +AGENDA +OPEN +OVERDUE"
expect_match "Alpha: KO held, TKO planned for its date" "$(printf '%s\n' "$OUT" | grep '^Alpha')" \
	"^Alpha +held +2/$items +planned for 2026-12-03 14:00 +0/$titems +2 +1$"
expect_match "Beta: KO planned undated, no TKO" "$(printf '%s\n' "$OUT" | grep '^Beta')" \
	"^Beta +planned +0/$items +not planned +- +1 +0$"
expect_match "Gamma: nothing planned" "$(printf '%s\n' "$OUT" | grep '^Gamma')" \
	"^Gamma +not planned +- +not planned +- +0 +0$"

expect_exit 0 "status --json" ko status --json
expect_eq "format" "$(printf '%s' "$OUT" | jq -r '.format + " " + (keys | join(","))')" \
	"kickoff-list/1 format,projects"
json_eq "Alpha's KO" "$OUT" '.[0].ko | [.state, .starts_at, .items, .checked] | map(tostring) | join("|")' \
	"held|2026-11-20 09:00|$items|2"
json_eq "Alpha's TKO" "$OUT" '.[0].tko | [.state, .starts_at] | join("|")' "planned|2026-12-03 14:00"
json_eq "Alpha's actions" "$OUT" '.[0] | [.project, .actions_open, .actions_overdue] | map(tostring) | join("|")' "Alpha|2|1"
json_eq "Beta's KO undated" "$OUT" '.[1].ko | [.state, (.starts_at | tostring)] | join("|")' "planned|null"
json_eq "Gamma not planned" "$OUT" '.[2] | [.ko.state, .tko.state, (.ko.items | tostring)] | join("|")' \
	"not planned|not planned|null"
expect_exit 0 "project list --json has the date too" ko project list --json
json_eq "starts_at in project list" "$OUT" '.[0].tko.starts_at' "2026-12-03 14:00"

expect_exit 0 "zh" env LC_ALL= LC_MESSAGES= LANGUAGE= LANG=zh_CN.UTF-8 "$KICKOFF" status
expect_match "in Chinese" "$OUT" "项目 +KO +议程"
expect_match "states in Chinese" "$OUT" "Gamma +未计划 +- +未计划"
refused 1 "an argument" "too many arguments" ko status Alpha
