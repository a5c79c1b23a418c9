# Output that cannot be written is an error: every verb that prints,
# with standard output on a full disk (/dev/full), exits non-zero with
# one line on standard error, never 0 as if the list had been shown.

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko Ana >/dev/null
ko decision add Apollo/ko 'Weekly status' >/dev/null
ko risk add Apollo/ko 'Late data' >/dev/null
ko action add Apollo/ko 'Draft the charter' --owner Ana --due 2026-12-01 >/dev/null
# Enough rows that a list is more than one stdio buffer (4 KiB) as well.
for i in $(seq 1 60); do ko action add Apollo/ko "Action number $i, with a longer text" --owner Bob >/dev/null; done

# full NAME CMD...  CMD with stdout on /dev/full: exit 3, one line.
full() {
	local name=$1; shift
	"$@" >/dev/full 2>"$T_TMP/err"
	local rc=$? lines
	lines=$(grep -c '' "$T_TMP/err")
	if [ "$rc" = 3 ] && [ "$lines" = 1 ] && grep -q '^kickoff: .*\(cannot write\|No space\)' "$T_TMP/err"; then
		ok "$name >/dev/full: exit 3, one line"
	else
		fail "$name >/dev/full" "exit $rc, $lines lines: $(head -c 300 "$T_TMP/err")"
	fi
}

for cmd in "project list" "meeting show Apollo/ko" "attendee list Apollo/ko" \
	"item list Apollo/ko" "decision list Apollo/ko" "risk list Apollo/ko" \
	"output list Apollo/ko" "action list" "log" "log Apollo/ko" "template show standard" \
	"template list" "doctor" "export Apollo/ko --format md" "export Apollo --format json" \
	"export Apollo/ko --format csv" "--help" "--version" "project --help" \
	"action list --help" "__complete groups" "__complete projects"; do
	# shellcheck disable=SC2086
	full "$cmd" ko $cmd
	case $cmd in
	--help|--version|"project --help"|"action list --help"|__complete*|"template show standard"|export*|log*) ;;
	*) # shellcheck disable=SC2086
	   full "$cmd --json" ko $cmd --json ;;
	esac
done
full "log --json" ko log --json
# What a change says it did: the change is made, the exit status says
# the message was lost.
full "project add" ko project add Beta
expect_eq "the change itself is made" "$(db_sql "SELECT count(*) FROM project WHERE name = 'Beta'")" 1

# -o /dev/full: not a regular file, refused before writing anything.
expect_exit 2 "export -o /dev/full" ko export Apollo/ko --format md -o /dev/full
expect_eq "export -o /dev/full: one line" "$(printf '%s\n' "$ERR" | grep -c '')" 1
expect_exit 2 "export -o /dev/full --force" ko export Apollo/ko --format md -o /dev/full --force

# A closed standard output is a failed write too.
ko project list >&- 2>"$T_TMP/err"
expect_eq "closed stdout: exit 3" "$?" 3
expect_match "closed stdout: says so" "$(cat "$T_TMP/err")" '^kickoff: cannot write the output'

# Standard error on a full disk: nothing can say so, the status does.
ko meeting add Apollo tko 2>/dev/full >/dev/null
expect_eq "a warning lost on stderr: exit 3" "$?" 3

# Output that fits is still exit 0.
expect_exit 0 "project list to a file" ko project list
expect_exit 0 "--help to a file" ko --help
