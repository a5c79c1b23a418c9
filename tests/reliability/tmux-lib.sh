# tmux-lib.sh - the real binary in a real terminal (tmux) for the
# reliability tests: start, keys, screen text, waits.
SOCK="kickoff-rel-$$"
tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t ko 2>/dev/null; }
keys() { tm send-keys -t ko "$@"; }
text() { tm send-keys -t ko -l "$1"; }
# wait_for NAME REGEX [TENTHS]: polls the screen (10 s by default).
wait_for() {
	local i
	for i in $(seq 1 "${3:-100}"); do
		if screen | grep -Eq -- "$2"; then ok "$1"; return 0; fi
		sleep 0.1
	done
	fail "$1" "no /$2/ on screen:
$(screen)"
	return 1
}
# settled NAME [STEADY] [TENTHS]: waits until the program has drawn for
# the pane's size and stopped drawing: tmux has given the terminal the
# pane's size, the keys line is on the pane's last but one row, and the
# screen stayed the same for STEADY polls 0.1 s apart (10 by default).
# tmux hands a pane its new size up to a quarter second after
# resize-window (twice, that much apart, when the size ends where it
# started), and a redraw of a large screen takes a moment more under
# load, so a fixed sleep can read a screen half redrawn.
settled() {
	local i prev="" cur same=0 size tty
	for i in $(seq 1 "${3:-150}"); do
		cur=$(screen)
		size=$(tm display -p -t ko '#{pane_height} #{pane_width}' 2>/dev/null)
		tty=$(tm display -p -t ko '#{pane_tty}' 2>/dev/null)
		if [ "$cur" = "$prev" ] && [ -n "$tty" ] && [ "$(stty -F "$tty" size 2>/dev/null)" = "$size" ] &&
			[ -n "$(printf '%s\n' "$cur" | sed -n "$((${size% *} - 1))p" | tr -d ' ')" ]; then
			same=$((same + 1))
			if [ "$same" -ge "${2:-10}" ]; then ok "$1"; return 0; fi
		else
			same=0
		fi
		prev=$cur
		sleep 0.1
	done
	fail "$1" "the screen did not settle at $size:
$cur"
	return 1
}
# start COLS LINES: kickoff in session "ko"; its pid in $KO_PID.  Each
# start gets a server of its own, so a server still going away is no
# matter.
TM_N=0
start() {
	TM_N=$((TM_N + 1))
	SOCK="kickoff-rel-$$-$TM_N"
	tm new-session -d -s ko -x "$1" -y "$2" \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
		 KICKOFF_USER=tester KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'; echo exit=\$?; sleep 30"
	tm set-option -t ko window-size manual >/dev/null 2>&1 || true
	KO_PID=
	local i
	for i in $(seq 1 50); do
		KO_PID=$(pgrep -n -f "^$KICKOFF\$" -P "$(tm display -p -t ko '#{pane_pid}' 2>/dev/null)" 2>/dev/null) &&
			[ -n "$KO_PID" ] && return 0
		sleep 0.1
	done
	fail "start" "no kickoff process in the tmux pane"
}
# stop: ends the session and waits until the program has exited (it
# checkpoints the database on its way out).
stop() {
	tm kill-server 2>/dev/null
	local i
	for i in $(seq 1 100); do
		[ -n "${KO_PID:-}" ] && kill -0 "$KO_PID" 2>/dev/null || return 0
		sleep 0.05
	done
	fail "stop" "kickoff $KO_PID did not exit"
}
tm_cleanup() { tm kill-server 2>/dev/null; }
trap tm_cleanup EXIT
