# Bad input, each case with the exact error (one line on stderr) and exit
# status it must give, and nothing changed by a refused command.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
check "project" ko project add Apollo --customer ACME
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00'
cases=0

# refused EXIT 'EXACT STDERR' CMD...: exits EXIT with that one line on
# stderr, and the database is as it was.
refused() {
	local want=$1 msg=$2 before
	shift 2
	cases=$((cases + 1))
	before=$(db_state)
	expect_exit "$want" "$*" "$@"
	expect_eq "message of: $*" "$ERR" "$msg"
	expect_eq "unchanged by: $*" "$(db_state)" "$before"
}

# ---- invalid UTF-8 in arguments: each text field ----
bad=$(printf 'bad \xff\xfe byte')
refused 2 "kickoff: decision add: decision text is not valid UTF-8" ko decision add Apollo/ko "$bad"
refused 2 "kickoff: decision add: decided by is not valid UTF-8" ko decision add Apollo/ko ok --by "$bad"
refused 2 "kickoff: project add: project name is not valid UTF-8" ko project add "$bad"
refused 2 "kickoff: project add: customer is not valid UTF-8" ko project add Gemini --customer "$bad"
refused 2 "kickoff: attendee add: attendee name is not valid UTF-8" ko attendee add Apollo/ko "$bad"
refused 2 "kickoff: risk add: risk text is not valid UTF-8" ko risk add Apollo/ko "$bad"
refused 2 "kickoff: risk add: owner is not valid UTF-8" ko risk add Apollo/ko ok --owner "$bad"
refused 2 "kickoff: action add: action text is not valid UTF-8" ko action add Apollo/ko "$bad" --owner Ann
refused 2 "kickoff: action add: owner is not valid UTF-8" ko action add Apollo/ko ok --owner "$bad"
# Overlong and surrogate encodings are invalid too.
refused 2 "kickoff: decision add: decision text is not valid UTF-8" ko decision add Apollo/ko "$(printf '\xc0\xaf')"
refused 2 "kickoff: decision add: decision text is not valid UTF-8" ko decision add Apollo/ko "$(printf '\xed\xa0\x80')"
# An invalid byte in a name that is looked up is shown as U+FFFD.
refused 2 "kickoff: decision list: no project named 'Apo�llo'" ko decision list "$(printf 'Apo\xffllo/ko')"

# ---- control characters: stored as given, drawn inert, JSON escaped ----
ctl=$(printf 'esc \033[31m red \033]0;title\a bell \x7f del \x01 soh')
check "decision with controls" ko decision add Apollo/ko "$ctl" --by "$(printf 'A\033nn')"
check "risk with controls" ko risk add Apollo/ko "$ctl" --owner "$(printf 'B\x08ob')"
check "attendee with controls" ko attendee add Apollo/ko "$(printf 'Zh\033ang')" --role "$(printf 'r\tole')"
check "action with controls" ko action add Apollo/ko "$ctl" --owner Ann
check "project with controls" ko project add "$(printf 'Ge\033mini')" --customer "$(printf 'C\rD')"
expect_eq "decision stored byte for byte" "$(db_sql "SELECT hex(text) FROM decision")" \
	"$(printf %s "$ctl" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
expect_eq "project name stored byte for byte" "$(db_sql "SELECT hex(name) FROM project WHERE id = 2")" \
	"47651B6D696E69"
out=$(ko decision list Apollo/ko; ko risk list Apollo/ko; ko attendee list Apollo/ko; ko action list;
      ko project list; ko log; ko meeting show Apollo/ko; ko item list Apollo/ko)
expect_eq "no control byte reaches the terminal" "$(printf %s "$out" | tr -d '\n' | LC_ALL=C grep -c '[[:cntrl:]]')" 0
expect_match "ESC drawn as ␛" "$(ko decision list Apollo/ko)" '^1  esc ␛\[31m red ␛\]0;title␇ bell ␡ del ␁ soh  \(A␛nn\)'
# (DEL is not a control character to JSON: it stays a byte.)
expect_match "JSON escapes controls" "$(ko decision list Apollo/ko --json)" '"text": "esc \\u001[bB]\[31m red \\u001[bB]\]0;title\\u0007 bell '$'\x7f'' del \\u0001 soh"'
expect_eq "JSON reads back to the stored bytes" \
	"$(ko decision list Apollo/ko --json | jq -j '.decisions[0].text' | od -An -tx1 | tr -d ' \n')" \
	"$(printf %s "$ctl" | od -An -tx1 | tr -d ' \n')"
cases=$((cases + 5))
# Exports: JSON escapes; Markdown and iCalendar (RFC 5545 allows no
# control character in TEXT) leave controls out; CSV is data and keeps
# the bytes as stored (RFC 4180 needs no escape for them).
ko export Apollo --format json -o apollo.json
expect_match "JSON export escapes ESC" "$(grep -ci 'u001b' apollo.json)" '^[1-9]'
ko export Apollo --format csv -o apollo.csv
expect_eq "CSV keeps the action text as stored" "$(grep -cF -- "$ctl" apollo.csv)" 1
for f in md ics; do
	ko export Apollo --format $f -o "apollo.$f" 2>/dev/null
	expect_eq "no ESC in the $f export" "$(LC_ALL=C grep -c $'\033' "apollo.$f")" 0
	cases=$((cases + 1))
done

# ---- sizes ----
long=$(head -c 102400 /dev/zero | tr '\0' x)
refused 2 "kickoff: decision add: decision text is too long (102400 bytes; at most 65536)" ko decision add Apollo/ko "$long"
refused 2 "kickoff: project add: project name is too long (201 bytes; at most 200)" ko project add "$(head -c 201 /dev/zero | tr '\0' n)"
check "a 64 KiB decision is taken" ko decision add Apollo/ko "$(head -c 65536 /dev/zero | tr '\0' y)"
# 1 MiB does not fit in one argument (the kernel's limit is 128 KiB, the
# shell reports E2BIG before kickoff runs); it comes by import.
python3 - "$T_TMP/apollo.json" "$T_TMP/big.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["project"]["name"] = "Big"
d["project"]["meetings"][0]["decisions"][0]["text"] = "x" * (1 << 20)
json.dump(d, open(sys.argv[2], "w"))
PY
refused 2 "kickoff: import: big.json: line 1: project.meetings[0].decisions[0].text: is too long (1048576 bytes; at most 65536)" ko import big.json

# ---- imports: invalid UTF-8, NUL, controls, truncated ----
sed 's/"ACME"/"AC\xffME"/' apollo.json > badutf.json
at=$(python3 -c 'import sys; print(open(sys.argv[1], "rb").read().index(b"\xff") + 1)' badutf.json)
refused 2 "kickoff: import: badutf.json: line 6: not UTF-8 text (byte $at)" ko import badutf.json
sed 's/"name": "Apollo"/"name": "Nul\\u0000Project"/' apollo.json > nul.json
refused 2 "kickoff: import: nul.json: line 5, column 30: a NUL character (\\u0000) in a text; kickoff does not store NUL" ko import nul.json
head -n 60 apollo.json > trunc.json   # cut between two lines
expect_exit 2 "truncated import" ko import trunc.json
expect_match "truncated import message" "$ERR" "^kickoff: import: trunc.json: line [0-9]+, column [0-9]+: .* near end of file$"
cases=$((cases + 1))
# Crafted files the fuzzer found hanging the import: refused at once.
for f in hang-nul-in-array hang-deep-nesting; do
	expect_exit 2 "import of $f ends" timeout 10 "$KICKOFF" import "$KICKOFF_TESTS/fuzz/corpus/import/$f"
	expect_match "import of $f names the line" "$ERR" "^kickoff: import: .*$f: line 1: "
	cases=$((cases + 1))
done
sed 's/"name": "Apollo"/"name": "Imported\\u001b[1m"/' apollo.json > esc.json
check "import with ESC" ko import esc.json
expect_eq "imported ESC stored as given" "$(db_sql "SELECT hex(name) FROM project WHERE name LIKE 'Imported%'")" "496D706F727465641B5B316D"
cases=$((cases + 1))

# ---- dates ----
refused 2 "kickoff: meeting add: invalid date and time '2026-13-01 10:00' (want YYYY-MM-DD HH:MM)" ko meeting add Apollo tko --at '2026-13-01 10:00'
refused 2 "kickoff: meeting add: invalid date and time '2026-02-29 10:00' (want YYYY-MM-DD HH:MM)" ko meeting add Apollo tko --at '2026-02-29 10:00'
refused 2 "kickoff: meeting add: invalid date and time '2026-12-01 24:00' (want YYYY-MM-DD HH:MM)" ko meeting add Apollo tko --at '2026-12-01 24:00'
refused 2 "kickoff: meeting add: invalid date and time '2026-12-01' (want YYYY-MM-DD HH:MM)" ko meeting add Apollo tko --at '2026-12-01'
refused 2 "kickoff: meeting add: invalid date and time 'tomorrow' (want YYYY-MM-DD HH:MM)" ko meeting add Apollo tko --at tomorrow
refused 2 "kickoff: meeting add: invalid date and time '' (want YYYY-MM-DD HH:MM)" ko meeting add Apollo tko --at ''
refused 2 "kickoff: action add: invalid due date '2026-12-32' (want YYYY-MM-DD)" ko action add Apollo/ko t --owner Ann --due 2026-12-32
refused 2 "kickoff: action add: invalid due date '2100-02-29' (want YYYY-MM-DD)" ko action add Apollo/ko t --owner Ann --due 2100-02-29
refused 2 "kickoff: action add: invalid due date '26-12-01' (want YYYY-MM-DD)" ko action add Apollo/ko t --owner Ann --due 26-12-01
check "2024-02-29 is a date" ko action add Apollo/ko leap --owner Ann --due 2024-02-29
refused 1 "kickoff: KICKOFF_NOW is not a date and time (want YYYY-MM-DD HH:MM[:SS])" env KICKOFF_NOW=garbage "$KICKOFF" decision add Apollo/ko x
refused 1 "kickoff: KICKOFF_NOW is not a date and time (want YYYY-MM-DD HH:MM[:SS])" env KICKOFF_NOW='2026-02-30 10:00' "$KICKOFF" project list

# ---- ids ----
refused 2 "kickoff: action done: action id must be a whole number from 1, not '0'" ko action done 0
refused 2 "kickoff: action done: action id must be a whole number from 1, not '1.5'" ko action done 1.5
refused 2 "kickoff: action done: action id must be a whole number from 1 to 2147483647, not '99999999999999999999'" ko action done 99999999999999999999
refused 2 "kickoff: action done: action id must be a whole number from 1, not '12abc'" ko action done 12abc
refused 2 "kickoff: action done: no action with id 999" ko action done 999
refused 2 "kickoff: item check: the meeting has no agenda item 500" ko item check Apollo/ko 500
refused 2 "kickoff: item check: item number must be a whole number from 1, not '-1'" ko item check Apollo/ko -- -1
refused 2 "kickoff: decision add: the meeting has no agenda item 99" ko decision add Apollo/ko x --item 99
refused 2 "kickoff: decision list: no meeting with id 424242" ko decision list 424242
refused 2 "kickoff: decision list: project 'Apollo' has no TKO meeting" ko decision list Apollo/tko

# ---- unknown flags, commands, verbs ----
refused 1 "kickoff: project add: unknown option '--frob' (usage: kickoff project add NAME [--customer C] [--code X] [--lang en|zh] [--template T])" ko project add X --frob
refused 1 "kickoff: unknown option '--frob' (see kickoff --help)" ko --frob project list
refused 1 "kickoff: unknown command 'frob' (see kickoff --help)" ko frob
refused 1 "kickoff: --db needs a path" ko --db
refused 1 "kickoff: --db needs a path" ko --db= project list
expect_exit 1 "unknown verb" ko project frob
expect_match "unknown verb message" "$ERR" "^kickoff: project: unknown verb 'frob'; one of: add list"
expect_exit 1 "missing value" ko action add Apollo/ko t --owner
expect_match "missing value message" "$ERR" "^kickoff: action add: option '--owner' needs a value"
cases=$((cases + 2))

# ---- the database path ----
mkdir folder
refused 3 "kickoff: project list: database path '$T_TMP/folder' is a folder" ko --db "$T_TMP/folder" project list
refused 3 "kickoff: project list: cannot create database '$T_TMP/nowhere/k.db': folder does not exist" ko --db "$T_TMP/nowhere/k.db" project list

figure "bad-input: $cases cases tried, each with its exact message"
