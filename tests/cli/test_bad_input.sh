# Bad input: each is refused with one line on stderr naming the problem,
# the documented exit status (1 usage, 2 data), and the database exactly
# as it was.  `refused` (tests/lib.sh) checks all of that.

ko project add Apollo --customer ACME >/dev/null
ko meeting add Apollo ko >/dev/null
ko decision add Apollo/ko 'Budget approved' >/dev/null
ko action add Apollo/ko 'Draft charter' --owner Ana --due 2026-12-01 >/dev/null

# ---- unknown projects and meetings (2) ----
refused 2 "meeting add to unknown project" "no project named 'Nope'" ko meeting add Nope ko
refused 2 "delete unknown project" "no project named 'Nope'" ko project delete Nope
refused 2 "unknown project in meeting" "no project named 'Nope'" ko item list Nope/ko
refused 2 "meeting not held by project" "has no TKO meeting" ko item list Apollo/tko
refused 2 "unknown meeting kind" "kind must be ko or tko" ko item list Apollo/xo
refused 2 "meeting id not found" "no meeting with id 999" ko item list 999
refused 2 "meeting that is neither" "no meeting 'Apollo'" ko decision add Apollo 'text'
refused 2 "meeting id zero" "no meeting '0'" ko attendee list 0
refused 2 "tick in unknown meeting" "no project named 'Nope'" ko item check Nope/ko 1
refused 2 "attendee to unknown meeting" "has no TKO" ko attendee add Apollo/tko Ana
refused 2 "present: unknown attendee" "no attendee named 'Zed'" ko attendee present Apollo/ko Zed
refused 2 "action list of unknown meeting" "no project named 'Nope'" ko action list --meeting Nope/ko
refused 2 "meeting set unknown" "has no TKO" ko meeting set Apollo/tko --status held
refused 2 "meeting show unknown" "no project named 'Nope'" ko meeting show Nope/ko --json
expect_eq "nothing printed on stdout for an error" "$OUT" ""

# ---- duplicates (2) ----
refused 2 "duplicate project name" "project named 'Apollo' already exists" ko project add Apollo
refused 2 "second KO" "already has a KO meeting" ko meeting add Apollo ko

# ---- invalid dates and times (2) ----
for bad in '2026-02-30 10:00' '2026-11-26 24:00' '2026-13-01 10:00' '2026-12-01' '2026-12-01 9:00' 'tomorrow'; do
	refused 2 "meeting add --at '$bad'" "invalid date and time '$bad'" ko meeting add Apollo tko --at "$bad"
	refused 2 "meeting set --at '$bad'" "invalid date and time '$bad'" ko meeting set Apollo/ko --at "$bad"
done
for bad in 2026-02-30 2026-13-01 2026-11-31 2026-1-01 '2026-12-01 10:00' 01.12.2026; do
	refused 2 "action add --due $bad" "invalid due date '$bad'" ko action add Apollo/ko 'x' --owner Ana --due "$bad"
done

# ---- empty texts (2) ----
refused 2 "empty project name" "project name is empty" ko project add ''
refused 2 "empty attendee" "attendee name is empty" ko attendee add Apollo/ko ''
refused 2 "empty decision" "decision text is empty" ko decision add Apollo/ko ''
refused 2 "empty risk" "risk text is empty" ko risk add Apollo/ko ''
refused 2 "empty action" "action text is empty" ko action add Apollo/ko '' --owner Ana
refused 2 "empty action owner" "owner is empty" ko action add Apollo/ko 'x' --owner ''
refused 2 "project name with /" "contains '/'" ko project add 'a/b'

# ---- invalid UTF-8 (2) ----
bad=$(printf 'bad\377')
refused 2 "invalid UTF-8 project" "not valid UTF-8" ko project add "$bad"
refused 2 "invalid UTF-8 customer" "not valid UTF-8" ko project add Ok --customer "$bad"
refused 2 "invalid UTF-8 code" "not valid UTF-8" ko project add Ok --code "$(printf '\300\200')"
refused 2 "invalid UTF-8 attendee" "not valid UTF-8" ko attendee add Apollo/ko "$bad"
refused 2 "invalid UTF-8 role" "not valid UTF-8" ko attendee add Apollo/ko Ana --role "$bad"
refused 2 "invalid UTF-8 decision" "not valid UTF-8" ko decision add Apollo/ko "$(printf '\355\240\200')"
refused 2 "invalid UTF-8 decided by" "not valid UTF-8" ko decision add Apollo/ko ok --by "$bad"
refused 2 "invalid UTF-8 risk" "not valid UTF-8" ko risk add Apollo/ko "$bad"
refused 2 "invalid UTF-8 mitigation" "not valid UTF-8" ko risk add Apollo/ko ok --mitigation "$bad"
refused 2 "invalid UTF-8 action" "not valid UTF-8" ko action add Apollo/ko "$bad" --owner Ana
refused 2 "invalid UTF-8 owner" "not valid UTF-8" ko action add Apollo/ko ok --owner "$bad"
refused 2 "invalid UTF-8 note" "not valid UTF-8" ko item note Apollo/ko 1 "$bad"
refused 2 "invalid UTF-8 title" "not valid UTF-8" ko meeting set Apollo/ko --title "$bad"
refused 2 "invalid UTF-8 output owner" "not valid UTF-8" ko output set Apollo/ko 1 --status done --owner "$bad"
refused 2 "invalid UTF-8 host" "not valid UTF-8" ko meeting add Apollo tko --host "$bad"
# the message quotes nothing raw: no invalid byte reaches the terminal
refused 2 "invalid UTF-8 in a quoted name" "no project named" ko item list "$bad/ko"
expect_eq "error text is valid UTF-8" "$(printf '%s' "$ERR" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo valid)" valid
esc=$(printf 'x\033[31my')
refused 2 "escape in a quoted name" "no project named 'x.\[31my'" ko project delete "$esc"
expect_eq "no ESC on stderr" "$(printf '%s' "$ERR" | tr -d -c '\033' | wc -c)" 0

# ---- texts over the limits (2), never cut ----
name201=$(head -c 201 /dev/zero | tr '\0' n)
refused 2 "201-byte project name" "too long \(201 bytes; at most 200\)" ko project add "$name201"
refused 2 "201-byte owner" "too long" ko action add Apollo/ko ok --owner "$name201"
refused 2 "201-byte attendee" "too long" ko attendee add Apollo/ko "$name201"
text_over=$(head -c 65537 /dev/zero | tr '\0' t)
refused 2 "64 KiB + 1 decision" "too long \(65537 bytes; at most 65536\)" ko decision add Apollo/ko "$text_over"
refused 2 "64 KiB + 1 note" "too long" ko item note Apollo/ko 2 "$text_over"
refused 2 "64 KiB + 1 purpose" "too long" ko meeting set Apollo/ko --purpose "$text_over"
# Linux passes at most 128 KiB - 1 in one argument, so that is the
# biggest a command line can carry (1 MiB is refused by the store in
# tests/unit/test_store.c); it is refused by the limit, not cut.
biggest=$(head -c 131071 /dev/zero | tr '\0' b)
refused 2 "128 KiB decision" "too long \(131071 bytes; at most 65536\)" ko decision add Apollo/ko "$biggest"
refused 2 "128 KiB risk" "too long" ko risk add Apollo/ko "$biggest"
refused 2 "128 KiB action" "too long" ko action add Apollo/ko "$biggest" --owner Ana
expect_eq "the 1 MiB argument is beyond the kernel, not us" \
	"$(big=$(head -c 1048576 /dev/zero | tr '\0' m); "$KICKOFF" decision add Apollo/ko "$big" 2>/dev/null; echo $?)" 126
# exactly at the limits: stored whole
text_max=$(head -c 65536 /dev/zero | tr '\0' t)
expect_exit 0 "64 KiB decision accepted" ko decision add Apollo/ko "$text_max"
expect_eq "64 KiB decision stored whole" "$(db_sql 'SELECT max(length(text)) FROM decision')" 65536
name200=$(head -c 200 /dev/zero | tr '\0' n)
expect_exit 0 "200-byte project accepted" ko project add "$name200"
expect_eq "200-byte name stored whole" "$(db_sql 'SELECT max(length(name)) FROM project')" 200
cjk=$(for i in $(seq 1 66); do printf '中'; done)
expect_exit 0 "198-byte CJK name accepted" ko project add "$cjk"
refused 2 "201-byte CJK name" "too long \(201 bytes" ko project add "${cjk}中"

# ---- usage errors (1) ----
refused 1 "unknown option" "unknown option '--colour'" ko project add X --colour red
refused 1 "unknown option on list" "unknown option '--yaml'" ko action list --yaml
refused 1 "unknown short option" "unknown option '-q'" ko item check Apollo/ko 1 -q
refused 1 "missing --owner" "--owner is required" ko action add Apollo/ko 'x'
refused 1 "missing --status" "--status is required" ko output set Apollo/ko 1
refused 1 "option without value" "'--due' needs a value" ko action add Apollo/ko x --owner Ana --due
refused 1 "missing project name" "missing project name" ko project add
refused 1 "missing kind" "missing project or kind" ko meeting add Apollo
refused 1 "bad kind" "kind must be ko or tko" ko meeting add Apollo xo
refused 1 "missing meeting" "missing meeting" ko item list
refused 1 "missing item number" "missing meeting or item number" ko item check Apollo/ko
refused 1 "missing note" "missing meeting, item number or note" ko item note Apollo/ko 1
refused 1 "too many arguments" "too many arguments" ko project add A B
refused 1 "too many for list" "too many arguments" ko project list extra
refused 1 "too many for done" "too many arguments" ko action done 1 2
refused 1 "bad --status" "--status must be todo, drafting or done" ko output set Apollo/ko 1 --status finished
refused 1 "bad meeting --status" "--status must be planned, held or closed" ko meeting set Apollo/ko --status over
refused 1 "bad --impact" "--impact must be low, medium or high" ko risk add Apollo/ko r --impact huge
refused 1 "bad --likelihood" "--likelihood must be low, medium or high" ko risk add Apollo/ko r --likelihood never
refused 1 "bad --lang" "--lang must be en or zh" ko project add X --lang fr
refused 1 "missing action id" "missing action id" ko action done

# ---- numbers and ids (2) ----
for bad in abc 0 1.5 1x 99999999999 2147483648 0x10 ''; do
	refused 2 "action done '$bad'" "action id must be a whole number from 1" ko action done "$bad"
	refused 2 "item check '$bad'" "item number must be a whole number from 1" ko item check Apollo/ko "$bad"
done
# a negative number reads as an option
refused 1 "action done -1" "unknown option '-1'" ko action done -1
refused 1 "item check -1" "unknown option '-1'" ko item check Apollo/ko -1
refused 2 "action reopen abc" "whole number" ko action reopen abc
refused 2 "action drop 0" "whole number" ko action drop 0
refused 2 "action done 999" "no action with id 999" ko action done 999
refused 2 "item check 14 of 13" "no agenda item 14" ko item check Apollo/ko 14
refused 2 "item note 99" "no agenda item 99" ko item note Apollo/ko 99 'x'
refused 2 "output 9 of 8" "no output 9" ko output set Apollo/ko 9 --status done
refused 2 "output number abc" "output number must be a whole number" ko output set Apollo/ko abc --status done
refused 2 "decision --item 99" "no agenda item 99" ko decision add Apollo/ko d --item 99
refused 2 "decision --item abc" "--item must be a whole number" ko decision add Apollo/ko d --item abc
refused 2 "risk --item 0" "--item must be a whole number" ko risk add Apollo/ko r --item 0
refused 2 "action --decision 999" "no decision with id 999" ko action add Apollo/ko a --owner Ana --decision 999
refused 2 "action --decision x" "--decision must be a whole number" ko action add Apollo/ko a --owner Ana --decision x

# ---- the clock ----
refused 1 "bad KICKOFF_NOW" "KICKOFF_NOW is not a date and time" env KICKOFF_NOW='2026-02-30 09:00' "$KICKOFF" action list --overdue
# a write with a broken clock would stamp 1970: refused instead
refused 1 "bad KICKOFF_NOW, tick" "KICKOFF_NOW is not a date and time" env KICKOFF_NOW='soon' "$KICKOFF" item check Apollo/ko 1
refused 1 "bad KICKOFF_NOW, add" "KICKOFF_NOW is not a date and time" env KICKOFF_NOW='2026-11-26' "$KICKOFF" project add Later
expect_eq "no 1970 stamps" "$(db_sql "SELECT count(*) FROM change WHERE at LIKE '1970%'")" 0

expect_eq "integrity at the end" "$(db_sql 'PRAGMA integrity_check')" ok
