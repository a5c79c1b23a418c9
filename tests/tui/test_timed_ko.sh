# A whole timed KO in a real terminal (tmux), by keys only: the clock
# started on the first item, time passing with no key pressed (the clock
# file is stepped as a wall clock would move), the next item, one over
# time, the program killed with the clock running and started again,
# the clock stopped on the last item, and the summary on the screen and
# in the minutes.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-clock-$$"
tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t ko 2>/dev/null; }
wait_for() {
	local i
	for i in $(seq 1 100); do
		if screen | grep -Eq -- "$2"; then ok "$1"; return 0; fi
		sleep 0.1
	done
	fail "$1" "no /$2/ on screen:
$(screen)"
	return 1
}
keys() { tm send-keys -t ko "$@"; }
NOW="$T_TMP/now"
now() { printf '2026-11-26 %s\n' "$1" > "$NOW"; }
start() {
	tm new-session -d -s ko -x 80 -y 24 \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
		 KICKOFF_USER=tester KICKOFF_NOW_FILE='$NOW' '$KICKOFF'"
	tm set-option -t ko window-size manual >/dev/null 2>&1 || true
}
trap 'tm kill-server 2>/dev/null' EXIT

ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-11-26 09:00' >/dev/null
ko item plan Apollo/ko 1 --presenter 'Ana Lima' >/dev/null
# Three items, for a meeting short enough to run whole.
for n in $(seq 13 -1 4); do ko item check Apollo/ko "$n" >/dev/null; done
now 09:00:00
start
wait_for "project list" "Apollo"
keys Enter; wait_for "overview" "KO"; keys Enter
wait_for "the KO" "Apollo › KO › 1 Prepare"
keys 3
wait_for "agenda with its plan" "clock stopped \(t starts it\)  meeting 0:00 / 1:50:00  planned 09:00–10:50"

# Item 1: started, and the clock moves with no key pressed.
keys t
wait_for "clock on item 1" "▶ item 1 0:00 / 5:00"
now 09:03:30
wait_for "the clock moved by itself" "▶ item 1 3:30 / 5:00  meeting 3:30 / 1:50:00"
expect_eq "the start is in the database" \
	"$(db_sql "SELECT clock_started_at FROM item WHERE position = 1")" "2026-11-26T09:00:00Z"

# Item 2: tick item 1, start item 2 (which stops item 1).
keys Space j t
wait_for "clock on item 2" "▶ item 2 0:00 / 10:00"
wait_for "item 1 ticked, 3:30 of 5 minutes" "^  \[x\]  1 Project background .*███░░ 4/5m"
now 09:15:00
wait_for "item 2 over its plan" "▶ item 2 11:30 / 10:00 over"
wait_for "item 2's bar over" "▶▓▓▓▓▓ 12/10m"

# Killed with the clock running: nothing is lost, and the clock has run on.
tm kill-server 2>/dev/null
sleep 0.3
expect_eq "the running clock survives the kill" \
	"$(db_sql "SELECT clock_started_at FROM item WHERE position = 2")" "2026-11-26T09:03:30Z"
now 09:16:00
start
wait_for "project list again" "Apollo"
keys Enter; wait_for "overview again" "KO"; keys Enter; wait_for "the KO again" "1 Prepare"; keys 3
wait_for "the clock ran on while it was down" "▶ item 2 12:30 / 10:00 over"

# Item 3, the last: started (the cursor starts on item 1 again), ticked,
# stopped: the meeting has ended.
keys j Space j t
wait_for "clock on item 3" "▶ item 3 0:00 / 10:00"
now 09:24:30
wait_for "item 3 at 8:30" "▶ item 3 8:30 / 10:00"
keys Space t
wait_for "the meeting ended" "■ meeting ended  meeting 24:30 / 1:50:00"
wait_for "the summary line" "Meeting ended: 25 of 110 min planned, 1 item over"
expect_eq "no clock runs" "$(db_sql "SELECT count(*) FROM item WHERE clock_started_at IS NOT NULL")" 0
keys q q q
sleep 0.3

md=$(ko export Apollo/ko --format md)
expect_match "minutes: the timing table" "$md" '## Timing'
expect_match "minutes: item 1" "$md" '\| 1 \| Project background \| Ana Lima \| 5 \| 4 \|  \|'
expect_match "minutes: item 2 over" "$md" '\| 2 \| Customer needs analysis \|  \| 10 \| 13 \| over \|'
expect_match "minutes: item 3" "$md" '\| 3 \| Project objectives \|  \| 10 \| 9 \|  \|'
tm kill-server 2>/dev/null
true
