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
expect_eq "log is newest first" "$(printf '%s' "$OUT" | jq -r '.changes[0].summary')" "undo: add action"
expect_eq "log names who" "$(printf '%s' "$OUT" | jq -r '.changes[0].who')" "ana"
expect_eq "log limit" "$(printf '%s' "$OUT" | jq '.changes | length')" 3

# Edits of different fields of one row never get in each other's way: the
# row is read inside the write transaction and only the fields given are
# written.  Three sessions set a different field of one meeting 200
# times each, all at once.
ko project add Gemini >/dev/null
ko meeting add Gemini ko >/dev/null
set_loop() {   # NAME VERB... : runs VERB... "NAME N" for N = 1..200
	local name=$1 i
	shift
	for i in $(seq 1 200); do
		KICKOFF_USER=$name "$KICKOFF" "$@" "$name $i" >/dev/null 2>>"$T_TMP/$name.err" ||
			echo "$name $i" >>"$T_TMP/$name.err"
	done
}
: >"$T_TMP/ti.err"; : >"$T_TMP/pl.err"; : >"$T_TMP/ho.err"
set_loop ti meeting set Gemini/ko --title & p1=$!
set_loop pl meeting set Gemini/ko --place & p2=$!
set_loop ho meeting set Gemini/ko --host & p3=$!
wait $p1 $p2 $p3
expect_eq "meeting set on three fields: no failure" \
	"$(cat "$T_TMP/ti.err" "$T_TMP/pl.err" "$T_TMP/ho.err" | head -n 5)" ""
expect_eq "each field ends as its session set it last" \
	"$(db_sql "SELECT title || '|' || place || '|' || host FROM meeting m JOIN project p ON p.id = m.project_id WHERE p.name = 'Gemini'")" \
	"ti 200|pl 200|ho 200"
expect_eq "one change per meeting set" \
	"$(db_sql "SELECT count(*) FROM change WHERE who IN ('ti','pl','ho') AND summary = 'edit meeting'")" 600

# Two sessions on the same field: the later write wins, neither fails and
# none says a conflict that was not one.
: >"$T_TMP/pa.err"; : >"$T_TMP/pb.err"
set_loop pa meeting set Gemini/ko --purpose & p1=$!
set_loop pb meeting set Gemini/ko --purpose & p2=$!
wait $p1 $p2
expect_eq "meeting set on one field: no failure" \
	"$(cat "$T_TMP/pa.err" "$T_TMP/pb.err" | head -n 5)" ""
expect_match "the purpose is one of the last two" \
	"$(db_sql "SELECT purpose FROM meeting m JOIN project p ON p.id = m.project_id WHERE p.name = 'Gemini'")" \
	'^(pa|pb) 200$'
expect_eq "the other fields untouched" \
	"$(db_sql "SELECT title || '|' || place || '|' || host FROM meeting m JOIN project p ON p.id = m.project_id WHERE p.name = 'Gemini'")" \
	"ti 200|pl 200|ho 200"

# Another row kind: an agenda item's note set while another session ticks
# and unticks the same item, and a second session setting its note too.
tick_loop() {
	local i u
	for i in $(seq 1 200); do
		if [ $((i % 2)) = 0 ]; then u=--undo; else u=; fi
		KICKOFF_USER=tk "$KICKOFF" item check Gemini/ko 1 $u >/dev/null 2>>"$T_TMP/tk.err" ||
			echo "tk $i" >>"$T_TMP/tk.err"
	done
}
: >"$T_TMP/na.err"; : >"$T_TMP/nb.err"; : >"$T_TMP/tk.err"
set_loop na item note Gemini/ko 1 & p1=$!
set_loop nb item note Gemini/ko 1 & p2=$!
tick_loop & p3=$!
wait $p1 $p2 $p3
expect_eq "item note and item check on one item: no failure" \
	"$(cat "$T_TMP/na.err" "$T_TMP/nb.err" "$T_TMP/tk.err" | head -n 5)" ""
gem_item1="FROM item i JOIN meeting m ON m.id = i.meeting_id JOIN project p ON p.id = m.project_id WHERE p.name = 'Gemini' AND i.position = 1"
expect_match "the note is one of the last two" "$(db_sql "SELECT note $gem_item1")" '^(na|nb) 200$'
expect_eq "the tick is the last one set (unticked)" "$(db_sql "SELECT checked_at IS NULL $gem_item1")" 1
expect_eq "integrity after the edits" "$(db_sql "PRAGMA integrity_check")" ok
