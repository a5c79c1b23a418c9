# A room on one meeting: another screen's presence beats make a screen
# read nothing; another session's changes are read row by row and the
# screen shows exactly what a fresh one shows; a scrolling j sends the
# incoming row and little else.  The real binary in tmux; each screen
# writes its KICKOFF_TRACE marks ("reload": a screen read anew, "patch":
# rows of another session's change read into a list).
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-room-$$"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
pane() { tm capture-pane -p -t "$1" 2>/dev/null; }
# wait_on SESSION NAME REGEX: polls the screen for up to 10 s.
wait_on() {
	local i
	for i in $(seq 1 100); do
		if pane "$1" | grep -Eq -- "$3"; then ok "$2"; return 0; fi
		sleep 0.1
	done
	fail "$2" "no /$3/ on $1's screen:
$(pane "$1")"
	return 1
}
# tstart SESSION USER COLS LINES [TRACE]
tstart() {
	tm new-session -d -s "$1" -x "$3" -y "$4" \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
		 KICKOFF_USER='$2' KICKOFF_NOW='$KICKOFF_NOW' KICKOFF_TRACE='${5:-}' '$KICKOFF'"
	tm set-option -t "$1" window-size manual >/dev/null 2>&1 || true
}
k() { local s=$1; shift; tm send-keys -t "$s" "$@"; }
marks() { grep -c " $2\$" "$1" 2>/dev/null; }

KICKOFF_USER=setup ko project add Apollo >/dev/null
KICKOFF_USER=setup ko meeting add Apollo ko >/dev/null
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
	KICKOFF_USER=setup ko action add Apollo/ko "Act $i" --owner Ana --due "2027-01-$i" >/dev/null
done
aid() { db_sql "SELECT id FROM action WHERE text = '$1'"; }

# ---- presence beats: no reading ----
trace=$T_TMP/a.trace
tstart a ana 100 30 "$trace"
wait_on a "A started" "Apollo"
k a Enter; sleep 0.3; k a Enter; sleep 0.3; k a 7
wait_on a "A on the actions" "Act 12"
tstart b bo 100 30
wait_on b "B started" "Apollo"
k b Enter; sleep 0.3; k b Enter; sleep 0.3; k b 7
wait_on b "B on the actions" "Act 12"
wait_on a "A sees B in the meeting" "bo"
seen0=$(db_sql "SELECT seen_at FROM presence WHERE who = 'bo'")
sleep 1
r0=$(marks "$trace" reload) p0=$(marks "$trace" patch)
sleep 3.5
seen1=$(db_sql "SELECT seen_at FROM presence WHERE who = 'bo'")
check "B beat meanwhile" test "$seen1" -gt "$seen0"
expect_eq "no reading over 3.5 s of B's beats" "$(marks "$trace" reload)/$(marks "$trace" patch)" "$r0/$p0"
# The same counters do move on a change of content (so the two above
# count what they say): an action marked done, read as one row.
KICKOFF_USER=cy ko action done "$(aid 'Act 12')" >/dev/null
for i in $(seq 1 50); do [ "$(marks "$trace" patch)" -gt "$p0" ] && break; sleep 0.1; done
expect_eq "a change is read: one row, no screen anew" \
	"$(marks "$trace" reload)/$(marks "$trace" patch)" "$r0/$((p0 + 1))"
KICKOFF_USER=cy ko action reopen "$(aid 'Act 12')" >/dev/null
sleep 0.5

# ---- another session's changes, row by row ----
# A's cursor on Act 05 (the fifth row); B deletes that row, the command
# line adds one in the middle of the order and marks one done.
k a j j j j
wait_on a "A on Act 05" "^▸ .*Act 05"
k b j j j j
wait_on b "B on Act 05" "^▸ .*Act 05"
r0=$(marks "$trace" reload) p0=$(marks "$trace" patch)
k b d; sleep 0.3; k b y
wait_on a "A: the row under the cursor deleted, the next under it" "^▸ .*Act 06"
KICKOFF_USER=cy ko action add Apollo/ko "Act middle" --owner Cy --due 2027-01-08 >/dev/null
wait_on a "A: a row added in the middle" "Act middle"
KICKOFF_USER=cy ko action done "$(aid 'Act 03')" >/dev/null
sleep 1
check "A read rows, never everything" test "$(marks "$trace" patch)" -gt "$p0"
expect_eq "A read no screen anew" "$(marks "$trace" reload)" "$r0"
# What A shows is what a screen opened now shows.
tstart c cy 100 30
wait_on c "C started" "Apollo"
k c Enter; sleep 0.3; k c Enter; sleep 0.3; k c 7
wait_on c "C on the actions" "Act 12"
sleep 0.5
rows() { pane "$1" | sed -n '4,20p' | sed 's/^▸/ /'; }
expect_eq "A's list is a fresh screen's" "$(rows a)" "$(rows c)"
expect_match "Act 03 done on A" "$(pane a | grep 'Act 03')" "done|✓|\[x\]"
expect_eq "the middle row between Act 08 and Act 09" \
	"$(pane a | grep -oE 'Act (08|middle|09)' | paste -sd,)" "Act 08,Act middle,Act 09"
tm kill-session -t c

# An agenda item renumbered: the decisions that show its number follow.
KICKOFF_USER=setup ko decision add Apollo/ko "On item four" --item 4 >/dev/null
k a 4
wait_on a "A on the decisions" "On item four"
k b 3; sleep 0.3
k b j j; sleep 0.2; k b d; sleep 0.3; k b y
wait_on a "A: the decision shows item 3 now" "On item four .*#3"
tm kill-server

# ---- a scrolling j: the incoming row and little else ----
for i in $(seq -w 1 80); do
	KICKOFF_USER=setup ko decision add Apollo/ko "Room decision $i" --by Pat >/dev/null
done
for i in $(seq -w 1 70); do
	KICKOFF_USER=setup ko project add "Room project $i" --customer ACME >/dev/null
done
# scroll_excess COLS LINES [projects]: bytes of one j that scrolls the list by a
# row, beyond the text of the row that comes in (as the screen shows it,
# blanks inside included: the terminal may be sent a cursor move in
# their place) and the cursor mark with its colours; into REPLY.
scroll_excess() {
	local cols=$1 lines=$2 screen=${3:-decisions} out=$T_TMP/pipe.out i
	tstart s ana "$cols" "$lines"
	wait_on s "started at ${cols}x$lines" "Apollo" >/dev/null
	if [ "$screen" = decisions ]; then
		k s Enter; sleep 0.3; k s Enter; sleep 0.3; k s 4
		# Wide: the list alone (P), as a viewer who wants every column
		# sees it; the pane beside it changes with the row and is no
		# scroll.
		[ "$cols" -lt 120 ] || { sleep 0.3; k s P; }
		wait_on s "decisions at ${cols}x$lines" "Room decision" >/dev/null
	fi
	PATTERN=$([ "$screen" = decisions ] && echo 'Room decision' || echo 'Room project')
	# Past the first screenful: every j now scrolls.
	for ((i = 0; i < lines + 4; i++)); do k s j; done
	sleep 1
	: >"$out"
	tm pipe-pane -t s "cat >> '$out'"
	sleep 0.5
	k s j
	sleep 1
	tm pipe-pane -t s
	local row total text mark
	row=$(pane s | grep '^▸' | sed 's/^▸//; s/ *$//')
	total=$(wc -c <"$out")
	text=$(printf '%s' "$row" | wc -c)
	# The mark and the colour changes right around it.
	mark=$(LC_ALL=C grep -aoE $'(\e\\[[0-9;]*m)*▸(\e\\[[0-9;]*m|\x0f)*' "$out" | tr -d '\n' | wc -c)
	SENT=$(grep -ac "$PATTERN" "$out")
	# Colour changes for blanks, besides the mark's: none (the empty item
	# column is blank, and a blank needs no colour; a coloured word such
	# as the state's "agreed" has its colour).
	COLOURS=$(LC_ALL=C sed -E $'s/(\e\\[[0-9;]*m)*\xe2\x96\xb8(\e\\[[0-9;]*m|\x0f|\e\\(B)*//g' "$out" |
		LC_ALL=C grep -aoE $'\e\\[[0-9;]*m(\e\\(B|\e\\[[0-9;]*m)* ' | wc -l)
	tm kill-session -t s
	REPLY=$((total - text - mark))
	echo "  scroll on $screen at ${cols}x$lines: $total bytes, $text of the row, $mark of the mark: $REPLY beyond" >&2
}
for screen in decisions projects; do
	for geo in 80x24 200x60; do
		scroll_excess "${geo%x*}" "${geo#*x}" "$screen"
		check "a scrolling j on $screen at $geo: at most 40 bytes beyond the row and the mark ($REPLY)" test "$REPLY" -le 40
		check "a scrolling j on $screen at $geo sent a row" test "$SENT" -ge 1
		expect_eq "a scrolling j on $screen at $geo: no colour change for blanks" "$COLOURS" 0
	done
done
tm kill-server 2>/dev/null || true
