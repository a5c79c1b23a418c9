# Another process holds the write lock (sqlite3 with BEGIN IMMEDIATE and a
# sleep).  A write waits for it and succeeds when it is let go within the
# limit; past the limit it fails with exit 3 and a "locked" message,
# having changed nothing.  The limit is KICKOFF_BUSY_TIMEOUT_MS (15000 by
# default).  Here: a 2 s hold under a 6 s limit and a 4 s hold over a 1 s
# limit; under make stress the issue's figures: a 10 s hold under the
# default 15 s, and a 20 s hold past it.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
unset KICKOFF_BUSY_TIMEOUT_MS
check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko

# hold SECONDS: holds the write lock from the background; returns once it
# is taken.  The holder's pid is in $holder.
hold() {
	rm -f "$T_TMP/held"
	{ echo 'BEGIN IMMEDIATE;'; echo "INSERT INTO draft(who, what, text, saved_at) VALUES ('holder', 'x', 'y', 'z');"
	  echo ".shell touch $T_TMP/held"; sleep "$1"; echo 'ROLLBACK;'; } |
		sqlite3 -batch "$KICKOFF_DB" >/dev/null 2>&1 &
	holder=$!
	for _ in $(seq 100); do [ -e "$T_TMP/held" ] && return 0; sleep 0.05; done
	fail "lock holder" "did not take the lock"
}

# lock_case HOLD LIMIT-MS WANT-EXIT
lock_case() {
	local hold_s=$1 limit=$2 want=$3 before t0 t1
	before=$(db_state)
	hold "$hold_s"
	t0=$(date +%s.%N)
	if [ "$limit" = default ]; then
		expect_exit "$want" "write under a ${hold_s}s lock, default limit" \
			ko decision add Apollo/ko "after ${hold_s}s"
	else
		expect_exit "$want" "write under a ${hold_s}s lock, limit ${limit} ms" \
			env KICKOFF_BUSY_TIMEOUT_MS="$limit" "$KICKOFF" decision add Apollo/ko "after ${hold_s}s"
	fi
	t1=$(date +%s.%N)
	wait "$holder"
	local took
	took=$(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }")
	if [ "$want" = 0 ]; then
		expect_match "it waited for the lock" "$took" '^([1-9]|[1-9][0-9])\.'
		expect_eq "the decision is stored" \
			"$(db_sql "SELECT count(*) FROM decision WHERE text = 'after ${hold_s}s'")" 1
		figure "lock: held ${hold_s} s, limit $limit: the write waited ${took} s and succeeded"
	else
		expect_match "locked message" "$ERR" \
			'^kickoff: decision add: begin: database locked by another session for [0-9.]+ s; try again$'
		expect_eq "nothing changed" "$(db_state)" "$before"
		figure "lock: held ${hold_s} s, limit $limit: the write gave up after ${took} s, exit 3"
	fi
}

if [ -n "${KICKOFF_STRESS:-}" ]; then
	lock_case 10 default 0
	lock_case 20 default 3
else
	lock_case 2 6000 0
	lock_case 2.5 1000 3
fi
# A bad value of the variable is ignored (the default applies).
hold 1
expect_exit 0 "KICKOFF_BUSY_TIMEOUT_MS=junk keeps the default" \
	env KICKOFF_BUSY_TIMEOUT_MS=junk "$KICKOFF" decision add Apollo/ko junk-limit
wait "$holder"
# Reads never wait for a writer (WAL).
hold 3
t0=$(date +%s%N)
expect_exit 0 "a read during the lock" env KICKOFF_BUSY_TIMEOUT_MS=100 "$KICKOFF" decision list Apollo/ko
t1=$(date +%s%N)
expect_eq "the read did not wait" "$(( (t1 - t0) / 1000000 < 1000 ))" 1
wait "$holder"
integrity_ok "integrity after the locks"
