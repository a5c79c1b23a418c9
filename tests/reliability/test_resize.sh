# Resize storms: 100 random sizes between 10x4 and 300x100 while keys are
# typed, headless (<Resize> in a key script) and in tmux (resize-window).
# No crash, and the last screen equals a clean start at the last size
# given the same keys.  Below 40x10 the screens show "Terminal too small"
# and drop the keys typed meanwhile (by design: nothing acts unseen), so
# the clean start gets only the keys typed at a usable size.  Where a
# list is scrolled depends on the sizes it went through (as in less or
# htop), so both runs end with g (first row) before the screens are
# compared: what differs then is drawing, not state.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
check "project" ko project add Apollo --customer ACME
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00' --host Ann
for i in $(seq 1 25); do ko decision add Apollo/ko "Decision $i: 决定 $i" --by Ann >/dev/null; done
for i in 1 3 5; do ko item check Apollo/ko $i >/dev/null; done
seed=${KICKOFF_SEED:-$RANDOM}
RANDOM=$seed
storms=${KICKOFF_STORMS:-3}
[ -n "${KICKOFF_STRESS:-}" ] && storms=${KICKOFF_STORMS:-20}

# The keys, in order; a resize goes between any two.
keyseq=(Enter Enter 4 j j j G k k 3 j Space j 5 4 g j j j j j j j j j j j k 7 6 4 G k)
resizes=0
run_script() {   # LINES COLS SCRIPT OUT
	KICKOFF_SCRIPT="$3" KICKOFF_SCREEN_OUT="$4" LINES=$1 COLUMNS=$2 "$KICKOFF" 2>"$T_TMP/err"
}
token() { case $1 in ?) echo "$1" ;; *) echo "<$1>" ;; esac; }
usable() { [ "$1" -ge 40 ] && [ "$2" -ge 10 ]; }
for storm in $(seq 1 "$storms"); do
	: > storm.script
	: > clean.script
	for k in "${keyseq[@]}"; do
		for r in 1 2 3 4; do
			w=$((10 + RANDOM % 291)) h=$((4 + RANDOM % 97))
			echo "<Resize ${w}x${h}>" >> storm.script
			resizes=$((resizes + 1))
			# A key now and then at a size too small: it must be dropped.
			[ "$r" = 2 ] && ! usable "$w" "$h" && echo x >> storm.script
		done
		# The key itself at a usable size, so both runs walk the same
		# screens (a form's text scrolls by the widths it went through).
		w=$((40 + RANDOM % 261)) h=$((10 + RANDOM % 91))
		echo "<Resize ${w}x${h}>" >> storm.script
		resizes=$((resizes + 1))
		token "$k" >> storm.script
		token "$k" >> clean.script
	done
	w=$((40 + RANDOM % 261)) h=$((10 + RANDOM % 91))
	echo "<Resize ${w}x${h}>" >> storm.script
	resizes=$((resizes + 1))
	echo g >> storm.script
	echo g >> clean.script
	ko backup --force before.db >/dev/null
	expect_exit 0 "storm $storm (seed $seed) runs to its end" run_script 24 80 storm.script storm.txt
	cp before.db "$KICKOFF_DB"
	rm -f "$KICKOFF_DB-wal" "$KICKOFF_DB-shm"
	expect_exit 0 "clean start at ${w}x${h}" run_script "$h" "$w" clean.script clean.txt
	cp before.db "$KICKOFF_DB"
	rm -f "$KICKOFF_DB-wal" "$KICKOFF_DB-shm"
	if cmp -s storm.txt clean.txt; then ok "storm $storm: last screen equals a clean start at ${w}x${h}"
	else fail "storm $storm: last screen differs from a clean start at ${w}x${h} (seed $seed)" \
		"$(diff clean.txt storm.txt | head -n 20)"; fi
done
integrity_ok "integrity after the storms"
figure "resize (headless): $storms storms, $resizes resizes between 10x4 and 300x100, seed $seed"
cp before.db "$KICKOFF_DB"; rm -f "$KICKOFF_DB-wal" "$KICKOFF_DB-shm"

# ---- the same in a real terminal ----
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
. "$KICKOFF_TESTS/reliability/tmux-lib.sh"
ko backup --force before.db >/dev/null
start 100 30
wait_for "tmux: project list" "Apollo"
tresizes=0
accepted=()
for k in "${keyseq[@]}"; do
	for r in 1 2 3; do
		w=$((10 + RANDOM % 291)) h=$((4 + RANDOM % 97))
		# The last before a key is usable: in a real terminal whether a key
		# lands before or after the resize is a race.
		[ "$r" = 3 ] && w=$((40 + RANDOM % 261)) h=$((10 + RANDOM % 91))
		tm resize-window -t ko -x "$w" -y "$h" 2>/dev/null
		tresizes=$((tresizes + 1))
		sleep 0.01
	done
	# Wait until the program has drawn at the usable size: a key it
	# reads while it still has a size too small is dropped.
	settled "tmux: drawn before key $((${#accepted[@]} + 1))" 4 >/dev/null
	keys "$k"
	accepted+=("$k")
	sleep 0.03
done
w=$((40 + RANDOM % 261)) h=$((12 + RANDOM % 89))
tm resize-window -t ko -x "$w" -y "$h"
tresizes=$((tresizes + 1))
settled "tmux: drawn at the last size"
keys g
settled "tmux: drawn after the last key"
expect_eq "tmux: still running after $tresizes resizes" "$(kill -0 "$KO_PID" 2>/dev/null && echo running)" running
screen > tmux-storm.txt
stop
cp before.db "$KICKOFF_DB"
rm -f "$KICKOFF_DB-wal" "$KICKOFF_DB-shm"
start "$w" "$h"
# The name may be cut short at a narrow size; the header is always there.
wait_for "tmux: clean start" "kickoff › Projects"
for k in "${accepted[@]}" g; do keys "$k"; sleep 0.05; done
settled "tmux: clean start drawn"
screen > tmux-clean.txt
stop
# The clock in the header may tick between the two; compare without it.
if diff <(sed 's/[0-9][0-9]:[0-9][0-9]//g' tmux-clean.txt) <(sed 's/[0-9][0-9]:[0-9][0-9]//g' tmux-storm.txt) > tmux.diff; then
	ok "tmux: last screen equals a clean start at ${w}x${h}"
else
	fail "tmux: last screen differs from a clean start at ${w}x${h}" "$(head -n 20 tmux.diff)"
fi
figure "resize (tmux): $tresizes resize-window calls while ${#keyseq[@]} keys were typed, last size ${w}x${h}"

# ---- a resize that ends at the size it started from ----
# The terminal was made smaller and back before the program read its
# size (a busy machine): the lines cut off are gone from the terminal, so
# the program must draw the whole screen again, although the size it
# reads has not changed.  A SIGWINCH at an unchanged size is that case:
# the screen's text must be sent again.
cp before.db "$KICKOFF_DB"; rm -f "$KICKOFF_DB-wal" "$KICKOFF_DB-shm"
repaint=$(python3 - "$KICKOFF" <<'PY'
import fcntl, os, pty, select, signal, struct, sys, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm-256color"
    os.execv(sys.argv[1], [sys.argv[1]])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
os.kill(pid, signal.SIGWINCH)
def drain(quiet):
    out, last = b"", time.time()
    while time.time() - last < quiet and time.time() - last < 10:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            out += chunk
            last = time.time()
    return out
first = drain(0.7)
os.kill(pid, signal.SIGWINCH)
again = drain(0.7)
os.write(fd, b"q")
drain(0.3)
os.waitpid(pid, 0)
print("first:%s again:%s" % (b"Projects" in first, b"Projects" in again))
PY
)
expect_eq "a SIGWINCH at the same size draws the whole screen again" "$repaint" "first:True again:True"
