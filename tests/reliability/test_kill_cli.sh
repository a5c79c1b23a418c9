# kill -9 at random moments while command-line writes run, four at a time
# on one database.  Every command that printed its success line must have
# its row (with its change-log entry) in the database, and the database
# must pass PRAGMA integrity_check.  200 kills here, 1,000 under make
# stress (KICKOFF_STRESS=1); KICKOFF_KILLS overrides.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"

want=${KICKOFF_KILLS:-200}
[ -n "${KICKOFF_STRESS:-}" ] && want=${KICKOFF_KILLS:-1000}
# The database is busy with four writers: give each the full wait.
unset KICKOFF_BUSY_TIMEOUT_MS

check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00'
mkdir -p "$T_TMP/out"

# One write, by number: four kinds of row, each with a unique text.
write() {
	case $(($1 % 4)) in
	0) exec "$KICKOFF" decision add Apollo/ko "kill-$1" --by Ann ;;
	1) exec "$KICKOFF" risk add Apollo/ko "kill-$1" --impact high ;;
	2) exec "$KICKOFF" action add Apollo/ko "kill-$1" --owner Ann --due 2026-12-24 ;;
	3) exec "$KICKOFF" attendee add Apollo/ko "kill-$1" --role dev ;;
	esac
}

kills=0 finished=0 other=0 n=0 rounds=0
while [ "$kills" -lt "$want" ]; do
	pids=()
	for _ in 1 2 3 4; do
		n=$((n + 1))
		(write $n) >"$T_TMP/out/$n" 2>"$T_TMP/out/$n.err" &
		pids+=("$!")
	done
	# 0 to 79 ms: before the open, inside the transaction, at the commit,
	# while printing, after.
	sleep "0.0$((RANDOM % 8))$((RANDOM % 10))"
	kill -9 "${pids[@]}" 2>/dev/null
	for p in "${pids[@]}"; do
		wait "$p"
		case $? in
		137) kills=$((kills + 1)) ;;
		0) finished=$((finished + 1)) ;;
		*) other=$((other + 1)) ;;
		esac
	done
	rounds=$((rounds + 1))
	# Now and then the file must be whole between kills too.
	[ $((rounds % 50)) = 0 ] && [ "$(db_sql 'PRAGMA quick_check')" != ok ] &&
		fail "quick_check after round $rounds" "$(db_sql 'PRAGMA quick_check' 2>&1)"
done

# Every success line printed names a row that is there: one SQL script.
sql="$T_TMP/verify.sql"
: > "$sql"
shown=0
for ((i = 1; i <= n; i++)); do
	line=$(head -n 1 "$T_TMP/out/$i")
	case $line in
	"added decision "*) tbl=decision id=${line#added decision } col=text ;;
	"added risk "*) tbl=risk id=${line#added risk } col=text ;;
	"added action "*) tbl=action id=${line#added action } col=text ;;
	"added attendee "*) tbl=attendee id=${line##*(id } id=${id%)} col=name ;;
	"") continue ;;
	*) fail "output of write $i" "$line"; continue ;;
	esac
	shown=$((shown + 1))
	echo "SELECT 'lost: write $i ($tbl $id)' WHERE NOT EXISTS (SELECT 1 FROM $tbl WHERE id = $id AND $col = 'kill-$i') OR NOT EXISTS (SELECT 1 FROM change_row WHERE tbl = '$tbl' AND row_id = $id AND op = 'insert');" >> "$sql"
done
lost=$(db_sql < "$sql")
expect_eq "every shown change is stored" "$lost" ""
# A failure other than the kill must be a clean, named error (a lock held
# past the limit would be one); none is expected here.
expect_eq "no command failed but by the kill" "$other" 0
[ "$other" != 0 ] && cat "$T_TMP"/out/*.err | sort | uniq -c | head >&2
integrity_ok "integrity after $kills kills"
stored=$(db_sql "SELECT (SELECT count(*) FROM decision) + (SELECT count(*) FROM risk) + (SELECT count(*) FROM action) + (SELECT count(*) FROM attendee)")
# Each change row belongs to a change; no change without its rows.
expect_eq "no change without rows" \
	"$(db_sql "SELECT count(*) FROM change c WHERE NOT EXISTS (SELECT 1 FROM change_row r WHERE r.change_id = c.id)")" 0
check "the database still opens and lists" ko decision list Apollo/ko
figure "kill-cli: $kills kills survived; $n writes started, $finished finished, $shown shown as done, all $shown stored; $stored rows stored in all (the rest committed before their kill); integrity ok"
