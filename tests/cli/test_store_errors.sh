# Databases that cannot be used: exit 3, one line on stderr naming the
# file and the problem, and the file left as it was.

store_refused() {
	local name=$1 pat=$2; shift 2
	expect_exit 3 "$name: exit 3" "$@"
	expect_eq "$name: one line on stderr" "$(printf '%s' "$ERR" | awk 'END { print NR }')" 1
	expect_match "$name: names the problem" "$ERR" "^kickoff: .*($pat)"
	expect_eq "$name: nothing on stdout" "$OUT" ""
}
sum() { md5sum <"$1" | cut -d' ' -f1; }

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null

# A path in a folder that does not exist: not created.
store_refused "missing folder" "cannot create database '$T_TMP/no/such/k.db': folder does not exist" \
	ko --db "$T_TMP/no/such/k.db" project list
expect_eq "missing folder not made" "$(ls -d "$T_TMP/no" 2>/dev/null)" ""
store_refused "missing folder, write" "folder does not exist" ko --db "$T_TMP/no/k.db" project add X

# A path that is a folder.
mkdir "$T_TMP/adir"
store_refused "folder" "'$T_TMP/adir' is a folder" ko --db "$T_TMP/adir" project list
store_refused "folder, write" "is a folder" ko --db "$T_TMP/adir" project add X
expect_eq "folder left empty" "$(ls -A "$T_TMP/adir")" ""

# Files that are not databases.
printf 'Meeting notes\nnot a database at all\n' >"$T_TMP/notes.txt"
s0=$(sum "$T_TMP/notes.txt")
store_refused "text file" "not a kickoff database" ko --db "$T_TMP/notes.txt" project list
store_refused "text file, write" "not a kickoff database" ko --db "$T_TMP/notes.txt" project add X
expect_eq "text file untouched" "$(sum "$T_TMP/notes.txt")" "$s0"
expect_eq "text file: no side files" "$(ls "$T_TMP" | grep -c 'notes.txt-')" 0
head -c 65536 /dev/urandom >"$T_TMP/random.bin"
s0=$(sum "$T_TMP/random.bin")
store_refused "random bytes" "not a kickoff database" ko --db "$T_TMP/random.bin" project list
expect_eq "random bytes untouched" "$(sum "$T_TMP/random.bin")" "$s0"
# a database file cut short (copied from a whole backup).
ko backup "$T_TMP/whole.db" >/dev/null
head -c 1000 "$T_TMP/whole.db" >"$T_TMP/cut.db"
store_refused "truncated database" "not a kickoff database|corrupt|malformed" ko --db "$T_TMP/cut.db" project list
# SQLite, but another program's
sqlite3 "$T_TMP/other.db" 'CREATE TABLE invoice(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice(total) VALUES (1.5);'
s0=$(sqlite3 "$T_TMP/other.db" 'SELECT sql FROM sqlite_schema')
store_refused "another program's database" "SQLite database but not a kickoff one" ko --db "$T_TMP/other.db" project add X
expect_eq "another program's database untouched" "$(sqlite3 "$T_TMP/other.db" 'SELECT sql FROM sqlite_schema')" "$s0"

# A database written by a newer kickoff.
ko backup "$T_TMP/newer.db" >/dev/null
sqlite3 "$T_TMP/newer.db" 'PRAGMA user_version=99'
store_refused "newer schema" "schema version 99.*upgrade kickoff" ko --db "$T_TMP/newer.db" project list
store_refused "newer schema, write" "schema version 99" ko --db "$T_TMP/newer.db" project add X
expect_eq "newer: version kept" "$(sqlite3 "$T_TMP/newer.db" 'PRAGMA user_version')" 99
expect_eq "newer: nothing added" "$(sqlite3 "$T_TMP/newer.db" 'SELECT count(*) FROM project')" 1

# A read-only database: reads work, a write fails with exit 3 and changes
# nothing.  Tests run as root, who writes through file modes, so the file
# is made immutable (chattr +i); where that is not possible, the commands
# run as nobody on a 0444 file.  One of the two must work here.
ro="$T_TMP/ro/k.db"
mkdir -p "$T_TMP/ro"
ko backup "$ro" >/dev/null
run_ro=
if chattr +i "$ro" 2>/dev/null && ! ( : >>"$ro" ) 2>/dev/null; then
	run_ro() { "$@"; }
	how="chattr +i"
elif command -v setpriv >/dev/null && chmod 0444 "$ro" && chmod 0777 "$T_TMP/ro" &&
	setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	chmod 0755 "$T_TMP" 2>/dev/null
	# nobody runs a copy of the program: the checkout may be private.
	user_bin=$(copy_for_user)
	run_ro() {
		local cmd=$1
		shift
		[ "$cmd" = "$KICKOFF" ] && cmd=$user_bin/kickoff
		setpriv --reuid=65534 --regid=65534 --clear-groups env \
			KICKOFF_LOCALEDIR="$user_bin/locale" "$cmd" "$@"
	}
	how="setpriv nobody"
else
	how=
fi
if [ -z "$how" ]; then
	fail "read-only database" "neither chattr +i nor setpriv works here"
else
	ok "read-only database made with $how"
	before=$(sqlite3 -readonly "$ro" 'SELECT count(*) FROM project; SELECT count(*) FROM change; SELECT count(*) FROM change_row')
	expect_exit 0 "read-only: reading works" run_ro "$KICKOFF" --db "$ro" project list --json
	expect_eq "read-only: read the project" "$(printf '%s' "$OUT" | jq -r '.projects[0].name')" Apollo
	store_refused "read-only: project add" "read-only" run_ro "$KICKOFF" --db "$ro" project add X
	store_refused "read-only: tick" "read-only" run_ro "$KICKOFF" --db "$ro" item check Apollo/ko 1
	store_refused "read-only: action add" "read-only" run_ro "$KICKOFF" --db "$ro" action add Apollo/ko a --owner Ana
	expect_match "read-only: names the file" "$ERR" "k\.db"
	after=$(sqlite3 -readonly "$ro" 'SELECT count(*) FROM project; SELECT count(*) FROM change; SELECT count(*) FROM change_row')
	expect_eq "read-only: unchanged" "$after" "$before"
	expect_eq "read-only: integrity" "$(sqlite3 -readonly "$ro" 'PRAGMA integrity_check')" ok
	chattr -i "$ro" 2>/dev/null
fi
chmod -R u+w "$T_TMP/ro" 2>/dev/null
[ -n "${user_bin:-}" ] && rm -rf "$user_bin"

# Another session holding the write lock for a moment: the write waits
# for it and succeeds, rather than failing with "database is locked".
python3 - "$KICKOFF_DB" "$T_TMP/locked" <<'PY' &
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE project SET code = 'held' WHERE name = 'Apollo'")
open(sys.argv[2], "w").close()
time.sleep(1.5)
c.execute("COMMIT")
PY
holder=$!
for _ in $(seq 1 100); do [ -e "$T_TMP/locked" ] && break; sleep 0.05; done
t0=$(date +%s%N)
expect_exit 0 "a write waits for another session's lock" ko item check Apollo/ko 2
t1=$(date +%s%N)
wait "$holder"
waited=$(( (t1 - t0) / 1000000 ))
[ "$waited" -ge 800 ] && ok "it did wait ($waited ms)" || fail "it did wait" "$waited ms"
expect_eq "both writes kept" "$(db_sql "SELECT code FROM project WHERE name = 'Apollo'"),$(db_sql "SELECT count(checked_at) FROM item WHERE position = 2")" held,1

# Twelve sessions creating the same new database at once, five times
# over: one creates the schema, every write lands, nobody sees an error
# (neither "not a kickoff database" nor "locked").
race_errors=0 race_missing=0
for round in 1 2 3 4 5; do
	rm -f "$T_TMP"/race.db*
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
		( "$KICKOFF" --db "$T_TMP/race.db" project add "P$i" >/dev/null 2>>"$T_TMP/race.err" ||
			echo "round $round: P$i failed" >>"$T_TMP/race.err" ) &
	done
	wait
	n=$(sqlite3 "$T_TMP/race.db" 'SELECT count(*) FROM project')
	[ "$n" = 12 ] || race_missing=$((race_missing + 1))
done
expect_eq "racing creators: no errors" "$(sort -u "$T_TMP/race.err" 2>/dev/null | head -n 3)" ""
expect_eq "racing creators: every round has twelve projects" "$race_missing" 0
expect_eq "racing creators: schema once" "$(sqlite3 "$T_TMP/race.db" "SELECT count(*) FROM sqlite_schema WHERE name = 'project'")" 1

expect_eq "the test database is fine" "$(db_sql 'PRAGMA integrity_check')" ok
