# tests/lib.sh - what the shell test files share.  Each test file is run
# by tests/run-suite.sh in a fresh temporary folder with $KICKOFF (the
# binary), $KICKOFF_DB (a new database there), a fixed clock and user.
#
#   ok NAME                   count a pass
#   fail NAME DETAIL          count a failure (the file goes on)
#   check NAME CMD...         pass when CMD exits 0
#   expect_exit N NAME CMD... pass when CMD exits N; stderr kept in $ERR
#   expect_eq NAME GOT WANT
#   expect_match NAME TEXT REGEX
#   db_sql SQL                run SQL on $KICKOFF_DB (sqlite3 CLI)
set -u

ok()   { T_PASS=$((T_PASS + 1)); [ -n "${T_VERBOSE:-}" ] && echo "  ok   $1"; return 0; }
fail() { T_FAIL=$((T_FAIL + 1)); echo "  FAIL $1: ${2:-}" >&2; return 0; }

check() {
	local name=$1; shift
	if "$@" >/dev/null 2>"$T_TMP/stderr"; then ok "$name"
	else fail "$name" "exit $? from: $* : $(head -c 300 "$T_TMP/stderr")"; fi
}

ERR=
OUT=
expect_exit() {
	local want=$1 name=$2; shift 2
	OUT=$("$@" 2>"$T_TMP/stderr"); local got=$?
	ERR=$(cat "$T_TMP/stderr")
	if [ "$got" = "$want" ]; then ok "$name"
	else fail "$name" "exit $got, want $want: $* : $(printf %s "$ERR" | head -c 300)"; fi
}

expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"
	else fail "$1" "got [$2] want [$3]"; fi
}

expect_match() {
	if printf '%s' "$2" | grep -Eq -- "$3"; then ok "$1"
	else fail "$1" "[$(printf %s "$2" | head -c 300)] does not match /$3/"; fi
}

db_sql() { sqlite3 -batch -noheader "$KICKOFF_DB" "$@"; }

# Row counts of every table, a hash of all their content and the
# integrity check, in one sqlite3 run, to show a failed command changed
# nothing (not even a value in place).
db_state() {
	local t sql="SELECT ''"
	for t in project meeting attendee item decision risk output action change change_row template; do
		sql="$sql || ' $t=' || (SELECT count(*) FROM $t)"
	done
	sqlite3 -batch -noheader "$KICKOFF_DB" "$sql" .sha3sum 'PRAGMA integrity_check' 2>/dev/null |
		tr '\n' ' ' | sed 's/ $//'
	echo
}

ko() { "$KICKOFF" "$@"; }

# copy_for_user: prints a new folder (mode 0755) holding a copy of
# $KICKOFF as kickoff, and of $KICKOFF_LOCALEDIR as locale when set, for
# a test that runs the program as another user (setpriv nobody): that
# user may not reach the checkout it was built in (a clone in root's
# 0700 home).  The caller removes the folder when done.
copy_for_user() {
	local d
	d=$(mktemp -d "${TMPDIR:-/tmp}/kickoff-user.XXXXXX") || return 1
	cp "$KICKOFF" "$d/kickoff" && chmod 0755 "$d" "$d/kickoff" || return 1
	if [ -n "${KICKOFF_LOCALEDIR:-}" ] && [ -d "$KICKOFF_LOCALEDIR" ]; then
		cp -R "$KICKOFF_LOCALEDIR" "$d/locale" && chmod -R a+rX "$d/locale" || return 1
	fi
	printf '%s\n' "$d"
}

# refused N NAME REGEX CMD...  the command exits N with exactly one line
# on stderr, "kickoff: ..." matching REGEX, and leaves the database as it
# was (row counts and integrity check).  The database must exist.
refused() {
	local want=$1 name=$2 pat=$3; shift 3
	local before after lines
	before=$(db_state)
	expect_exit "$want" "$name: exit $want" "$@"
	lines=$(printf '%s' "$ERR" | awk 'END { print NR }')
	expect_eq "$name: one line on stderr" "$lines" 1
	expect_match "$name: names the problem" "$ERR" "^kickoff: .*($pat)"
	after=$(db_state)
	expect_eq "$name: database unchanged" "$after" "$before"
	expect_match "$name: integrity" "$after" ' ok$'
}

# The value a list or show verb's --json carries: it prints
# {"format": "kickoff-list/1", NAME: value} (docs/formats.md), anything
# else is passed as it is.  tests/cli/test_json_lists.sh checks the wrapper.
LIST_VALUE='if type == "object" and .format == "kickoff-list/1" and length == 2
	then del(.format) | to_entries[0].value else . end'

# json_eq NAME JSON JQ-FILTER WANT  the filter's raw output equals WANT;
# the filter reads a list verb's rows (LIST_VALUE).
json_eq() {
	local got
	if ! got=$(printf '%s' "$2" | jq -r "$LIST_VALUE | $3" 2>&1); then
		fail "$1" "jq '$3' failed: $got on [$(printf %s "$2" | head -c 200)]"
		return 0
	fi
	expect_eq "$1" "$got" "$4"
}
