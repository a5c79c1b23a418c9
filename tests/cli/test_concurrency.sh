# Two writers on one database: neither sees "database is locked", no
# change is lost, and undo/redo work from the command line.
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null

# Writer A: 250 decisions; writer B: ticks and unticks items, 250 times.
( for i in $(seq 1 250); do
	KICKOFF_USER=ana "$KICKOFF" decision add Apollo/ko "decision $i" >/dev/null 2>>"$T_TMP/a.err" || echo "a$i" >>"$T_TMP/a.fail"
  done ) &
pa=$!
( for i in $(seq 1 250); do
	n=$(( (i % 13) + 1 ))
	if [ $((i % 2)) = 0 ]; then u=--undo; else u=; fi
	KICKOFF_USER=bo "$KICKOFF" item check Apollo/ko "$n" $u >/dev/null 2>>"$T_TMP/b.err" || echo "b$i" >>"$T_TMP/b.fail"
  done ) &
pb=$!
wait $pa $pb
expect_eq "writer A saw no error" "$(cat "$T_TMP/a.err" "$T_TMP/a.fail" 2>/dev/null)" ""
expect_eq "writer B saw no error" "$(cat "$T_TMP/b.err" "$T_TMP/b.fail" 2>/dev/null)" ""
expect_eq "every decision stored" "$(db_sql "SELECT count(DISTINCT text) FROM decision")" 250
expect_eq "one change per write" "$(db_sql "SELECT count(*) FROM change WHERE who IN ('ana','bo')")" 500
expect_eq "integrity" "$(db_sql "PRAGMA integrity_check")" ok

# The last state of each item is what B set last: i=237..249 touch items
# 3..13 and 1..2 once more; an odd i ticks, an even i unticks.
want=""
for n in $(seq 1 13); do
	last=0
	for i in $(seq 1 250); do [ $(( (i % 13) + 1 )) = "$n" ] && last=$i; done
	want="$want$((last % 2))"
done
got=$(db_sql "SELECT group_concat(checked_at IS NOT NULL, '') FROM (SELECT checked_at FROM item i JOIN meeting m ON m.id = i.meeting_id WHERE m.kind = 'ko' ORDER BY position)")
expect_eq "ticks end as the last writer set them" "$got" "$want"

# Undo and redo by the command line, per user.
KICKOFF_USER=ana expect_exit 0 "undo ana's last decision" ko undo
expect_match "undo names it" "$OUT" "add decision"
expect_eq "decision gone" "$(db_sql "SELECT count(*) FROM decision")" 249
KICKOFF_USER=ana expect_exit 0 "redo it" ko redo
expect_eq "decision back" "$(db_sql "SELECT count(*) FROM decision WHERE text = 'decision 250'")" 1
KICKOFF_USER=cy expect_exit 2 "nothing to undo for a new user" ko undo
expect_match "says so" "$ERR" "nothing of yours to undo"

# Undo after someone else built on it asks for --force.
KICKOFF_USER=ana ko action add Apollo/ko "Write charter" --owner Ana >/dev/null
aid=$(db_sql "SELECT max(id) FROM action")
KICKOFF_USER=bo ko action done "$aid" >/dev/null
KICKOFF_USER=ana expect_exit 2 "undo over another's change refused" ko undo
expect_match "names the other user" "$ERR" "bo changed it since: 1 action; undo anyway with --force"
expect_eq "action still there" "$(db_sql "SELECT count(*) FROM action")" 1
KICKOFF_USER=ana expect_exit 0 "undo --force" ko undo --force
expect_eq "action gone" "$(db_sql "SELECT count(*) FROM action")" 0

# History.
expect_exit 0 "log --json" ko log Apollo/ko --json --limit 3
expect_eq "log is newest first" "$(printf '%s' "$OUT" | jq -r '.[0].summary')" "undo: add action"
expect_eq "log names who" "$(printf '%s' "$OUT" | jq -r '.[0].who')" "ana"
expect_eq "log limit" "$(printf '%s' "$OUT" | jq 'length')" 3
