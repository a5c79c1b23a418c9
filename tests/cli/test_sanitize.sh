# Text in the database may hold control characters (stored as typed);
# what the command line prints for a terminal never sends them: ESC is
# shown as ␛, a newline inside a text as ⏎.  --json keeps the text exact.

evil=$(printf 'A\033[2J\033]0;pwned\007B\r\nC\302\233D')
ko project add "P$evil" >/dev/null 2>&1
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko "Ana$evil" --role "r$evil" --org "o$evil" >"$T_TMP/out_add_attendee"
ko attendee present Apollo/ko "Ana$evil" >"$T_TMP/out_present"
ko item note Apollo/ko 1 "note$evil" >/dev/null
ko decision add Apollo/ko "D$evil" --by "by$evil" --item 1 >/dev/null
ko risk add Apollo/ko "R$evil" --owner "o$evil" --mitigation "m$evil" >/dev/null
ko output set Apollo/ko 1 --status done --owner "own$evil" >/dev/null
ko action add Apollo/ko "Act$evil" --owner "who$evil" --due 2026-12-01 >/dev/null
ko meeting set Apollo/ko --place "pl$evil" --purpose "pu$evil" --title "t$evil" --host "h$evil" >"$T_TMP/out_set"
expect_eq "hostile texts stored as typed" \
	"$(db_sql "SELECT count(*) FROM decision WHERE instr(text, char(27)) AND instr(text, char(10))")" 1

# no C0 control but the line ends, no DEL, no C1 (U+0080..U+009F)
clean() {
	local name=$1 file=$2
	if LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$file" ||
		grep -qP '[\x{80}-\x{9f}]' "$file"; then
		fail "$name sends control characters" "$(od -c "$file" | head -n 5)"
	else
		ok "$name sends no control characters"
	fi
}
for cmd in "project list" "meeting show Apollo/ko" "attendee list Apollo/ko" "item list Apollo/ko" \
	"decision list Apollo/ko" "risk list Apollo/ko" "output list Apollo/ko" "action list"; do
	# shellcheck disable=SC2086
	ko $cmd >"$T_TMP/out" 2>"$T_TMP/err"
	clean "$cmd" "$T_TMP/out"
	clean "$cmd (stderr)" "$T_TMP/err"
done
expect_match "decision list shows ESC as a symbol" "$(ko decision list Apollo/ko)" 'DA␛\[2J'
expect_eq "decision list: one line per decision" "$(ko decision list Apollo/ko | wc -l)" 1
expect_eq "risk list: one line per risk" "$(ko risk list Apollo/ko | wc -l)" 1
clean "attendee add message" "$T_TMP/out_add_attendee"
clean "attendee present message" "$T_TMP/out_present"
clean "meeting set message" "$T_TMP/out_set"
ko project add "Q$evil" >"$T_TMP/out" 2>&1
clean "project add message" "$T_TMP/out"
ko project delete "Q$evil" >"$T_TMP/out" 2>&1
clean "project delete message" "$T_TMP/out"
ko meeting add "P$evil" ko >"$T_TMP/out" 2>&1
clean "meeting add message" "$T_TMP/out"
ko meeting add "P$evil" tko >"$T_TMP/out" 2>&1
clean "meeting add warning" "$T_TMP/out"
ko attendee present Apollo/ko "Zed$evil" >"$T_TMP/out" 2>&1
clean "error naming a hostile text" "$T_TMP/out"

# --json keeps the text exactly
expect_exit 0 "decision list --json" ko decision list Apollo/ko --json
expect_eq "json keeps the text" "$(printf '%s' "$OUT" | jq -r '.decisions[0].text')" "D$evil"
expect_exit 0 "attendee list --json" ko attendee list Apollo/ko --json
expect_eq "json keeps the name" "$(printf '%s' "$OUT" | jq -r '.attendees[0].name')" "Ana$evil"

# Invalid UTF-8 written by another program (or an old one) is read as
# U+FFFD: listed, in text and in --json, never silently left out.
db_sql "INSERT INTO project(name, created_at) VALUES (CAST(X'42FF43' AS TEXT), '2026-01-01T00:00:00Z');
        UPDATE item SET title = CAST(X'54FF' AS TEXT) WHERE position = 2 AND meeting_id = 1;
        INSERT INTO decision(meeting_id, text, decided_at) VALUES (1, CAST(X'44FF' AS TEXT), 'x');"
expect_exit 0 "project list --json with a foreign name" ko project list --json
json_eq "every project listed" "$OUT" "[.[].name] | map(select(. == \"B\uFFFDC\")) | length" 1
expect_exit 0 "item list --json with a foreign title" ko item list Apollo/ko --json
json_eq "every item listed" "$OUT" 'length' 13
json_eq "the foreign title" "$OUT" '.[1].title' "T$(printf '\357\277\275')"
expect_exit 0 "decision list --json with a foreign text" ko decision list Apollo/ko --json
json_eq "every decision listed" "$OUT" 'length' 2
expect_exit 0 "log --json by a user with a broken name" env KICKOFF_USER="$(printf 'u\377')" "$KICKOFF" item check Apollo/ko 3
expect_exit 0 "log --json" ko log --json
json_eq "the change is logged and listed" "$OUT" "[.[].who] | map(select(startswith(\"u\"))) | length" 1

# The log is one line per change whoever made it: a newline in a user's
# name is shown as ⏎ (it would forge a line of the log).
expect_exit 0 "a change by a user with a newline in the name" \
	env KICKOFF_USER="$(printf 'eve\n    99  2026-01-01 00:00  boss')" "$KICKOFF" item check Apollo/ko 4
expect_exit 0 "log" ko log --limit 1
expect_eq "log: the change on one line" "$(printf '%s\n' "$OUT" | wc -l)" 1
expect_match "log: the newline shown as a symbol" "$OUT" 'eve⏎ +99'
