# End to end: the real binary in a real terminal (tmux), driven by keys
# only, checked on the screen and in the database afterwards.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-test-$$"
tm() { tmux -L "$SOCK" "$@"; }
screen() { tm capture-pane -p -t ko 2>/dev/null; }
# wait_for NAME REGEX: polls the screen for up to 10 s.
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
text() { tm send-keys -t ko -l "$1"; }
start() {
	local cols=$1 lines=$2
	tm new-session -d -s ko -x "$cols" -y "$lines" \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
		 KICKOFF_USER=tester KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'"
	tm set-option -t ko window-size manual >/dev/null 2>&1 || true
}
stopped() {
	local i
	for i in $(seq 1 50); do
		tm has-session -t ko 2>/dev/null || { ok "$1"; return 0; }
		sleep 0.1
	done
	fail "$1" "still running"; tm kill-server 2>/dev/null
}

# ---- the seed's KO, by keys only ----
start 100 30
wait_for "project list shown" "No projects yet"
keys a; text Apollo; keys Tab; text ACME; keys Enter
wait_for "project added" "▸ Apollo +ACME"
keys Enter
wait_for "overview" "No KO yet"
keys a; text "2026-12-01 10:00"; keys Tab; text "Ana Lima"; keys Enter
wait_for "KO created and opened" "Apollo › KO › 1 Prepare"
keys 2
wait_for "attendees" "› 2 Attendees"
for who in "Ana Lima:PM" "Wei Wang:Tech lead" "Carla Diaz:Sponsor"; do
	keys a; text "${who%%:*}"; keys Tab; text "${who#*:}"; keys Enter
	# Name and role on one line: the list's row, not the form (the next
	# key must come after the save: one right behind Enter would make it
	# part of a paste).
	wait_for "attendee ${who%%:*} added" "${who%%:*} +${who#*:}"
done
keys g Space j Space j Space
wait_for "three present" "invited 3 · present 3"
keys 3
wait_for "agenda" "0 of 13 ticked"
for i in $(seq 1 13); do keys Space j; done
wait_for "all 13 ticked" "13 of 13 ticked"
keys 4 a; text "范围已确认，按季度交付"; keys Tab; text "Ana"; keys Enter
wait_for "Chinese decision shown" "范围已确认，按季度交付 +Ana"
keys 7 a; text "Send the project charter"; keys Tab; text "Ana"; keys Tab; text "2026-12-05"; keys Enter
wait_for "action shown" "Send the project charter +Ana +2026-12-05 open"
# A key whose escape sequence the terminfo entry does not know (a
# terminal that does not match $TERM) neither closes the form, as Esc
# would, nor types its bytes into it (a CSI sequence, and ESC O 2 P).
keys a; text "Chase"; tm send-keys -t ko -H 1b 5b 39 39 7e; tm send-keys -t ko -H 1b 4f 32 50; text " the vendor"
wait_for "the form is still open after an unknown key" "Chase the vendor"
keys Tab; text "Li"; keys Enter
wait_for "action saved after an unknown key" "Chase the vendor +Li"

# ---- the TKO warns while the KO is not held ----
keys q
wait_for "back to the overview" "13 of 13 ticked"
keys j a
# A new TKO offers the KO's attendees first, the tech lead ticked.
wait_for "invite dialog" "Invite the KO's attendees"
wait_for "tech lead ticked" "\\[x\\] Wei Wang"
keys Enter
wait_for "TKO form" "New TKO"
keys Enter
wait_for "TKO warning" "KO is not held yet"
wait_for "the KO's decision on the TKO's Prepare" "范围已确认，按季度交付"

# ---- 30x8 and back: no crash, the same place ----
before=$(screen)
tm resize-window -t ko -x 30 -y 8
wait_for "too small notice" "Terminal too small"
tm resize-window -t ko -x 100 -y 30
wait_for "grown back" "Apollo › TKO › 1 Prepare"
sleep 0.3
expect_eq "same screen after growing back" "$(screen)" "$before"
keys q q q
stopped "q quits from the top"

expect_eq "project" "$(db_sql "SELECT name||'|'||customer FROM project")" "Apollo|ACME"
expect_eq "KO" "$(db_sql "SELECT starts_at||'|'||host FROM meeting WHERE kind='ko'")" "2026-12-01 10:00|Ana Lima"
expect_eq "three present" "$(db_sql "SELECT count(*) FROM attendee a JOIN meeting m ON m.id=a.meeting_id WHERE m.kind='ko' AND a.status='present'")" 3
expect_eq "13 ticked" "$(db_sql "SELECT count(checked_at) FROM item i JOIN meeting m ON m.id=i.meeting_id WHERE m.kind='ko'")" 13
expect_eq "decision in Chinese" "$(db_sql "SELECT text||'|'||decided_by FROM decision")" "范围已确认，按季度交付|Ana"
expect_eq "action" "$(db_sql "SELECT text||'|'||owner||'|'||coalesce(due, '-')||'|'||status FROM action ORDER BY id")" \
	"$(printf 'Send the project charter|Ana|2026-12-05|open\nChase the vendor|Li|-|open')"
expect_eq "TKO exists" "$(db_sql "SELECT count(*) FROM meeting WHERE kind='tko'")" 1

# ---- bytes sent for one cursor move in the agenda at 80x24 ----
start 80 24
wait_for "list at 80x24" "Apollo"
keys Enter; wait_for "overview again" "KO · Kick-off" && keys k Enter 3
wait_for "agenda at 80x24" "› 3 Agenda"
keys g; sleep 0.3
out="$T_TMP/pipe"
: > "$out"
tm pipe-pane -t ko -o "cat >> '$out'"
sleep 0.3
n0=$(wc -c < "$out")
keys j
wait_for "moved" "^▸ \[x\]  2 "
sleep 0.5
n1=$(wc -c < "$out")
bytes=$((n1 - n0))
echo "  bytes sent for one cursor move (j) in the agenda at 80x24: $bytes"
if [ "$bytes" -gt 0 ] && [ "$bytes" -le 64 ]; then ok "cursor move costs at most 64 bytes"
else fail "cursor move costs at most 64 bytes" "$bytes bytes"; fi
tm pipe-pane -t ko

# ---- another session's write shows without a key; the cursor stays ----
"$KICKOFF" item check Apollo/ko 1 --undo >/dev/null
wait_for "live refresh" "12 of 13 ticked"
wait_for "cursor kept on its row" "^▸ \[x\]  2 "

# ---- presence: a second session on the same KO is named ----
tm new-session -d -s ko2 -x 80 -y 24 \
	"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
	 KICKOFF_USER=wei KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'"
for i in $(seq 1 50); do tm capture-pane -p -t ko2 | grep -q Apollo && break; sleep 0.1; done
tm send-keys -t ko2 Enter; sleep 0.3; tm send-keys -t ko2 k Enter
wait_for "presence of the other session" "also here: wei"
tm send-keys -t ko2 q q q
keys q q q
stopped "quits again"
tm kill-server 2>/dev/null
true
