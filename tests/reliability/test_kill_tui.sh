# kill -9 at random moments while the screens add decisions and tick the
# agenda, headless (a key script whose <Save> after every change records
# what the screen showed) and in tmux (the screen captured just before
# the kill).  Everything a saved or captured screen showed must be in the
# database, and the file must pass PRAGMA integrity_check.
# 100 headless kills and 10 in tmux here; 1,000 and 50 under make stress.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
want=${KICKOFF_KILLS:-100}
tmux_want=10
if [ -n "${KICKOFF_STRESS:-}" ]; then want=${KICKOFF_KILLS:-1000}; tmux_want=50; fi
check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00'
mkdir -p shown

kills=0 finished=0 other=0 round=0
while [ "$kills" -lt "$want" ]; do
	round=$((round + 1))
	{
		echo "<Enter> <Enter> 4"
		for i in $(seq 1 25); do
			echo "a"; echo "k$round-$i"; echo "<Enter> <Save shown/r$round-$i>"
		done
	} > kill.script
	KICKOFF_SCRIPT=kill.script LINES=40 COLUMNS=100 "$KICKOFF" >/dev/null 2>"kill.err" &
	pid=$!
	sleep "0.$((RANDOM % 3))$((RANDOM % 10))"
	kill -9 "$pid" 2>/dev/null
	wait "$pid"
	case $? in
	137) kills=$((kills + 1)) ;;
	0) finished=$((finished + 1)) ;;
	*) other=$((other + 1)); fail "round $round" "$(head -c 300 kill.err)" ;;
	esac
done
# Every decision on a saved screen: one SQL check for all of them.
sed -n 's/^[ ▸] *\(k[0-9]*-[0-9]*\) .*$/\1/p; s/^[ ▸] *\(k[0-9]*-[0-9]*\)$/\1/p' shown/* 2>/dev/null | sort -u > shown.txt
nshown=$(wc -l < shown.txt)
db_sql "SELECT text FROM decision" | sort -u > stored.txt
expect_eq "every decision a screen showed is stored" "$(comm -23 shown.txt stored.txt | head -n 5)" ""
expect_match "screens were saved" "$nshown" '^[1-9]'
integrity_ok "integrity after $kills kills of the screens"
expect_eq "no decision without its change log" \
	"$(db_sql "SELECT count(*) FROM decision d WHERE NOT EXISTS (SELECT 1 FROM change_row r WHERE r.tbl = 'decision' AND r.row_id = d.id)")" 0
figure "kill-tui (headless): $kills kills survived in $round runs ($finished ran to their end); $nshown decisions shown, all stored; $(wc -l < stored.txt) stored"

# ---- in a real terminal: ticks and adds, the screen captured, then kill -9 ----
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
. "$KICKOFF_TESTS/reliability/tmux-lib.sh"
tkills=0 tshown=0
for r in $(seq 1 "$tmux_want"); do
	# Each round ticks from none, so a tick shown stays ticked.
	db_sql "UPDATE item SET checked_at = NULL, checked_by = NULL"
	start 100 40
	wait_for "tmux $r: started" "Apollo" >/dev/null
	keys Enter; sleep 0.1; keys Enter; sleep 0.1
	# Agenda: tick items going down; decisions: add.
	keys 3 g
	n=$((RANDOM % 13 + 1))
	for i in $(seq 1 "$n"); do keys Space j; done
	keys 4
	# A pause after Enter: a key right behind it would make the Enter
	# part of a paste (input.c), not a save.
	for i in $(seq 1 $((RANDOM % 4))); do keys a; text "t$r-$i"; keys Enter; sleep 0.05; done
	sleep "0.$((RANDOM % 5))"
	# The screen as shown, then the kill at once.
	tm capture-pane -p -t ko > "shown/tmux-$r"
	kill -9 "$KO_PID" 2>/dev/null && tkills=$((tkills + 1))
	stop
	# Rows of the list only: a form still open shows text not yet saved.
	for d in $(sed -nE 's/^[ ▸] (t[0-9]+-[0-9]+)( .*)?$/\1/p' "shown/tmux-$r"); do
		tshown=$((tshown + 1))
		[ "$(db_sql "SELECT count(*) FROM decision WHERE text = '$d'")" = 1 ] ||
			fail "tmux $r: decision $d shown, not stored"
	done
	# The tab bar shows the agenda count: it must be the stored one.
	ticked=$(sed -n 's/.*3 Agenda \([0-9]*\)\/13.*/\1/p' "shown/tmux-$r" | head -n 1)
	if [ -n "$ticked" ]; then
		stored=$(db_sql "SELECT count(*) FROM item i JOIN meeting m ON m.id = i.meeting_id WHERE i.checked_at IS NOT NULL")
		# Keys after the capture may have ticked more, never fewer.
		[ "$stored" -ge "$ticked" ] && ok "tmux $r: $ticked ticks shown, $stored stored" ||
			fail "tmux $r: ticks" "shown $ticked, stored $stored"
		tshown=$((tshown + ticked))
	fi
	integrity_ok "tmux $r: integrity" >/dev/null
done
figure "kill-tui (tmux): $tkills kills survived; $tshown ticks and decisions shown before a kill, all stored; integrity ok"
