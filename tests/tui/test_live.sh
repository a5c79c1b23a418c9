# Two people, one meeting: live refresh within a second, an edit that
# meets another session's change (keep mine, take theirs, merge), undo
# and redo in the screens, a write that waits for another session's lock,
# the x export, and 500 command-line changes while a screen ticks and
# edits.  The real binary in tmux, plus headless runs for what needs no
# timing.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-live-$$"
tm() { tmux -L "$SOCK" "$@"; }
pane() { tm capture-pane -p -t "$1" 2>/dev/null; }
# wait_on SESSION NAME REGEX [TENTHS]: polls the screen, 10 s by default.
wait_on() {
	local s=$1 name=$2 re=$3 n=${4:-100} i
	for i in $(seq 1 "$n"); do
		if pane "$s" | grep -Eq -- "$re"; then ok "$name"; return 0; fi
		sleep 0.1
	done
	fail "$name" "no /$re/ on $s's screen:
$(pane "$s")"
	return 1
}
# tstart SESSION USER [COLS LINES]
tstart() {
	tm new-session -d -s "$1" -x "${3:-100}" -y "${4:-30}" \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
		 KICKOFF_USER='$2' KICKOFF_NOW='$KICKOFF_NOW' KICKOFF_EXPORT_DIR='$T_TMP/exports' '$KICKOFF'"
	tm set-option -t "$1" window-size manual >/dev/null 2>&1 || true
	wait_on "$1" "$1 started" "Apollo" >/dev/null
}
k() { local s=$1; shift; tm send-keys -t "$s" "$@"; }
typed() { tm send-keys -t "$1" -l "$2"; }
now_ms() { date +%s%3N; }
mkdir -p "$T_TMP/exports"

KICKOFF_USER=setup ko project add Apollo >/dev/null
KICKOFF_USER=setup ko meeting add Apollo ko >/dev/null
for d in "Weekly status" "Cloud hosting" "Two releases"; do
	KICKOFF_USER=setup ko decision add Apollo/ko "$d" --by Ana >/dev/null
done

# ---- undo and redo in the screens (headless) ----
screen_run <<'S'
<Enter> <Enter> 3 <Space> <Save undo-ticked> u <Save undo-tick> <C-r> <Save redo-tick>
4 G d y <Save undo-deleted> u <Save undo-delete>
S
screen_has undo-ticked '^▸ \[x\]  1 '
screen_has undo-tick '^▸ \[ \]  1 .*$'
screen_has undo-tick 'undone: tick item'
screen_has redo-tick '^▸ \[x\]  1 .* tester'
screen_has redo-tick 'redone: tick item'
screen_has undo-delete "^  Two releases"
screen_has undo-delete 'undone: delete decision'
expect_eq "decision back after undo" "$(db_sql "SELECT count(*) FROM decision WHERE text='Two releases'")" 1

# A deleted KO comes back with everything that went with it.
KICKOFF_USER=setup ko item check Apollo/ko 2 >/dev/null
before=$(db_sql "SELECT count(*) FROM item")/$(db_sql "SELECT count(*) FROM decision")/$(db_sql "SELECT count(*) FROM output")
screen_run <<'S'
<Enter> d y <Save undo-ko-deleted> u <Save undo-ko-back> <Enter> 3 <Save undo-ko-agenda>
S
screen_has undo-ko-deleted 'No KO yet'
screen_has undo-ko-back 'undone: delete meeting'
screen_has undo-ko-agenda '^  \[x\]  2 Customer needs'
after=$(db_sql "SELECT count(*) FROM item")/$(db_sql "SELECT count(*) FROM decision")/$(db_sql "SELECT count(*) FROM output")
expect_eq "items, decisions and outputs of the KO back" "$after" "$before"

# Undo over another user's change asks, naming them; only y undoes.
screen_run <<'S'
<Enter> <Enter> 7 a Charter <Tab> Ana <Enter>
S
aid=$(db_sql "SELECT max(id) FROM action")
KICKOFF_USER=bo ko action done "$aid" >/dev/null
screen_run <<'S'
<Enter> <Enter> 7 u <Save undo-asks> n <Save undo-no>
u y <Save undo-yes>
S
screen_has undo-asks '^Undo add action: «Charter»\? bo changed it since: 1 action \(y/n\)'
screen_has undo-no 'cancelled'
screen_has undo-yes 'undone: add action'
expect_eq "only y undid it" "$(db_sql "SELECT count(*) FROM action")" 0

# ---- x exports the meeting (headless) ----
KICKOFF_EXPORT_DIR="$T_TMP/exports" screen_run <<'S'
<Enter> <Enter> 4 x <Save export-ask> <Enter> <Enter> <Save export-md>
q x <C-u> json <Enter> <Enter> <Save export-json>
x <C-u> csv <Enter> <Enter> <Save export-csv>
x <C-u> pdf <Enter> <Save export-bad>
S
screen_has export-ask 'Export format \(md, json, csv, ics\): md'
screen_has export-md "exported to $T_TMP/exports/Apollo-ko.md"
screen_has export-json "exported to $T_TMP/exports/Apollo-ko.json"
screen_has export-bad "not 'pdf'"
check "markdown written" grep -q "Weekly status" "$T_TMP/exports/Apollo-ko.md"
check "json written" jq -e '.meetings // .' "$T_TMP/exports/Apollo-ko.json"
screen_has export-csv "exported to $T_TMP/exports/Apollo-ko.csv"
expect_eq "the screens' CSV is for a spreadsheet: a byte order mark" \
	"$(head -c 3 "$T_TMP/exports/Apollo-ko.csv" | od -An -tx1 | tr -d ' ')" efbbbf

# ---- live: a tick in one session shows in the other within a second ----
tstart A ana
tstart B wei
k A Enter Enter 3; wait_on A "A on the agenda" "› 3 Agenda"
k B Enter Enter 3; wait_on B "B on the agenda" "› 3 Agenda"
k A G Space
t0=$(now_ms)
wait_on B "B shows A's tick within 1 s, no key sent" '^  \[x\] 13 .* ana' 10
t1=$(now_ms)
echo "  A's tick seen in B after $((t1 - t0)) ms"
wait_on A "presence names the other" "also here: wei"
k B q q

# ---- a write that waits for another session's lock ----
(printf '.timeout 5000\nBEGIN IMMEDIATE;\nUPDATE project SET code = code;\n.shell touch %s\n.shell sleep 3\nCOMMIT;\n' \
	"$T_TMP/locked" | sqlite3 "$KICKOFF_DB" >/dev/null 2>"$T_TMP/lock.err") &
lock=$!
for _ in $(seq 1 50); do [ -e "$T_TMP/locked" ] && break; sleep 0.1; done
k A k Space
wait_on A "says it waits for another session" "waiting for another session" 40
wait_on A "the tick lands once the lock is free" '^▸ \[x\] 12 .* ana' 40
wait $lock
expect_eq "held the lock cleanly" "$(cat "$T_TMP/lock.err")" ""
if pane A | grep -qi "locked"; then fail "no 'locked' shown" "$(pane A)"; else ok "no 'locked' shown"; fi
expect_eq "item 12 ticked by ana" "$(db_sql "SELECT checked_by FROM item WHERE position=12 AND checked_at IS NOT NULL")" ana

# ---- the same decision edited in two sessions ----
# conflict N KEY: A opens decision N and appends " (ana)", B (a headless
# session of wei) appends " (wei)" and saves, then A saves and answers KEY.
did() { db_sql "SELECT id FROM decision ORDER BY id LIMIT 1 OFFSET $(($1 - 1))"; }
conflict() {
	local n=$1 key=$2 text moves=""
	text=$(db_sql "SELECT text FROM decision WHERE id=$(did "$n")")
	k A 4 g
	for _ in $(seq 2 "$n"); do k A j; moves="$moves j"; done
	k A Enter; wait_on A "conflict $key: A's form open" "Edit decision"
	typed A " (ana)"
	wait_on A "conflict $key: A typed" "$text \\(ana\\)" >/dev/null
	KICKOFF_USER=wei screen_run <<S
<Enter> <Enter> 4 $moves <Enter> <End> <Space>(wei) <Enter>
S
	expect_eq "conflict $key: B saved" "$(db_sql "SELECT text FROM decision WHERE id=$(did "$n")")" "$text (wei)"
	k A Enter
	wait_on A "conflict $key: shown with who" "wei changed this at"
	wait_on A "conflict $key: their text" "wei: +$text \\(wei\\)"
	wait_on A "conflict $key: my text" "yours: +$text \\(ana\\)"
	pane A > "$T_TMP/conflict-$key.txt"
	[ -n "${KICKOFF_SHOW:-}" ] && cat "$T_TMP/conflict-$key.txt"
	k A "$key"
}
conflict 1 m
wait_on A "keep mine: said" "saved yours over wei's"
expect_eq "keep mine: mine stored" "$(db_sql "SELECT text FROM decision WHERE id=$(did 1)")" "Weekly status (ana)"
expect_eq "keep mine: theirs in the change log" \
	"$(db_sql "SELECT count(*) FROM change_row r JOIN change c ON c.id=r.change_id WHERE r.tbl='decision' AND r.row_id=$(did 1) AND c.who='wei' AND json_extract(r.after,'\$.text')='Weekly status (wei)'")" 1
expect_eq "keep mine: both edits logged, wei's first" \
	"$(db_sql "SELECT group_concat(who) FROM (SELECT c.who FROM change_row r JOIN change c ON c.id=r.change_id WHERE r.tbl='decision' AND r.row_id=$(did 1) AND r.op='update' ORDER BY r.id)")" "wei,ana"

conflict 2 t
wait_on A "take theirs: said" "kept wei's version"
expect_eq "take theirs: theirs stored" "$(db_sql "SELECT text FROM decision WHERE id=$(did 2)")" "Cloud hosting (wei)"

conflict 3 e
wait_on A "merge: the form again" "Edit decision"
wait_on A "merge: their text first" "Decision +▸ Two releases \\(wei\\)"
k A Enter
wait_on A "merge: saved" "saved [0-9]"
for _ in $(seq 1 50); do pane A | grep -q "─ Edit decision" || break; sleep 0.1; done
expect_eq "merge: both texts stored" "$(db_sql "SELECT text FROM decision WHERE id=$(did 3)")" "Two releases (wei)
Two releases (ana)"

# A change to another field merges by itself: A edits who decided, B the text.
k A 4 g Enter; wait_on A "A's form open again" "Edit decision"
k A Tab C-u; typed A "Wei"
KICKOFF_USER=wei screen_run <<'S'
<Enter> <Enter> 4 <Enter> <C-u> Weekly<Space>sync <Enter>
S
k A Enter
wait_on A "different fields: saved without asking" "is kept too"
expect_eq "different fields: both kept" "$(db_sql "SELECT text||'|'||decided_by FROM decision WHERE id=$(did 1)")" "Weekly sync|Wei"

# An agenda item's note, the other writer being the command line; a tick
# meanwhile is no conflict at all.
k A 3 g j j j j Enter; wait_on A "note form open" "Agenda item"
typed A "Slides from ana"
KICKOFF_USER=cy ko item note Apollo/ko 5 "Org chart from cy" >/dev/null
KICKOFF_USER=cy ko item check Apollo/ko 5 >/dev/null
k A Enter
wait_on A "note conflict names the command line's user" "cy changed this at"
wait_on A "note conflict: theirs" "cy: +Org chart from cy"
k A e
wait_on A "note merge: the form again" "Agenda item"
k A Enter
wait_on A "note merge: saved" "saved [0-9]"
# "saved" is there since an earlier save: wait for the form to close.
for _ in $(seq 1 50); do pane A | grep -q "─ Agenda item" || break; sleep 0.1; done
expect_eq "note merge: both notes, the tick kept" \
	"$(db_sql "SELECT note || '|' || checked_by FROM item WHERE position=5 AND meeting_id=(SELECT id FROM meeting WHERE kind='ko')")" \
	"Org chart from cy
Slides from ana|cy"

# ---- 500 command-line changes while a screen ticks and edits ----
# The command line (user cli) ticks and unticks items 1-10 and adds
# decisions and actions; the screen (ana) ticks items 11-13 and edits
# its own decision.
KICKOFF_USER=ana ko decision add Apollo/ko "Screen edit 0" >/dev/null
mine=$(db_sql "SELECT max(id) FROM decision")
: > "$T_TMP/cli.err"
( for i in $(seq 1 500); do
	n=$(( (i % 10) + 1 ))
	case $((i % 4)) in
	0) KICKOFF_USER=cli "$KICKOFF" item check Apollo/ko "$n" ;;
	1) KICKOFF_USER=cli "$KICKOFF" item check Apollo/ko "$n" --undo ;;
	2) KICKOFF_USER=cli "$KICKOFF" decision add Apollo/ko "cli decision $i" ;;
	3) KICKOFF_USER=cli "$KICKOFF" action add Apollo/ko "cli action $i" --owner Bo ;;
	esac >/dev/null 2>>"$T_TMP/cli.err" || echo "change $i failed" >>"$T_TMP/cli.err"
  done ) &
loop=$!
: > "$T_TMP/screens"
round=0
while kill -0 "$loop" 2>/dev/null; do
	round=$((round + 1))
	k A 3 G Space k Space k Space
	pane A >> "$T_TMP/screens"
	k A 4 g j j j Enter C-u; typed A "Screen edit $round"; k A Enter
	sleep 0.2
	pane A >> "$T_TMP/screens"
done
wait "$loop"
echo "  screen rounds during the 500 changes: $round"
expect_eq "command line: no error" "$(cat "$T_TMP/cli.err")" ""
if grep -Eqi "locked|error|conflict|changed meanwhile" "$T_TMP/screens"; then
	fail "screen: no error shown" "$(grep -Ei "locked|error|conflict|changed meanwhile" "$T_TMP/screens" | head -3)"
else ok "screen: no error shown"; fi
expect_eq "every command-line change logged" "$(db_sql "SELECT count(*) FROM change WHERE who='cli'")" 500
expect_eq "every command-line decision" "$(db_sql "SELECT count(*) FROM decision WHERE text LIKE 'cli decision %'")" 125
expect_eq "every command-line action" "$(db_sql "SELECT count(*) FROM action WHERE text LIKE 'cli action %'")" 125
wait_on A "the screen's last edit saved" "saved [0-9]" >/dev/null
sleep 0.5
expect_eq "the screen's last edit stored" "$(db_sql "SELECT text FROM decision WHERE id=$mine")" "Screen edit $round"
# Items 11-13 were flipped once a round by the screen alone.
k A 3
sleep 0.5
k A C-l
wait_on A "agenda again" "› 3 Agenda" >/dev/null
sleep 0.5
shown=$(pane A | sed -n 's/^[▸ ] \[\(.\)\] *\([0-9][0-9]*\) .*/\2 \1/p' | sort -n | tr '\n' ' ')
stored=$(db_sql "SELECT position || ' ' || CASE WHEN checked_at IS NULL THEN ' ' ELSE 'x' END FROM item i JOIN meeting m ON m.id=i.meeting_id WHERE m.kind='ko' ORDER BY position" | tr '\n' ' ')
expect_eq "the agenda on screen is the database's" "$shown" "$stored"
expect_eq "items 11-13 as the screen left them" \
	"$(db_sql "SELECT group_concat(checked_at IS NOT NULL, '') FROM (SELECT checked_at FROM item i JOIN meeting m ON m.id=i.meeting_id WHERE m.kind='ko' AND position > 10 ORDER BY position)")" \
	"$((round % 2))$(( (1 + round) % 2 ))$(( (1 + round) % 2 ))"
expect_eq "integrity" "$(db_sql "PRAGMA integrity_check")" ok

k A q q q
tm kill-server 2>/dev/null
true
