# The RACI matrix in a real terminal (tmux): M on Outputs opens it, one
# key per cell, the rule under the grid changing as cells are set, each
# cell stored as it is shown, u undoing the last; another session's
# cell shows without a key.  Then the open questions: Q on Decisions,
# a question added and moved on to the TKO with T.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-raci-$$"
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
gone() {
	local i
	for i in $(seq 1 100); do
		if ! screen | grep -Eq -- "$2"; then ok "$1"; return 0; fi
		sleep 0.1
	done
	fail "$1" "still /$2/ on screen:
$(screen)"
	return 1
}
keys() { tm send-keys -t ko "$@"; }
text() { tm send-keys -t ko -l "$1"; }

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko meeting add Apollo tko >/dev/null 2>&1
ko attendee add Apollo/ko Ana >/dev/null
ko attendee add Apollo/ko Bob >/dev/null

tm new-session -d -s ko -x 80 -y 24 \
	"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
	 KICKOFF_USER=tester KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'"
wait_for "project list" "Apollo"
keys Enter
wait_for "overview" "Apollo"
keys Enter
wait_for "KO open" "Apollo › KO › 1 Prepare"
keys 6
wait_for "outputs" "› 6 Outputs"
wait_for "M is listed" "M RACI"
keys M
wait_for "the matrix" "› RACI matrix"
wait_for "charter has neither" "^  Project charter: no A, no R"
keys a
wait_for "an A: only the R missing" "^  Project charter: no R$"
expect_eq "stored before shown" "$(db_sql "SELECT role FROM raci")" A
keys j a
wait_for "two A's" "^  Project charter: two A's, no R$"
keys r
wait_for "Bob R: the rule holds for the charter" "^  Project management plan: no A, no R"
gone "charter no longer named" "Project charter:"
expect_eq "cells" "$(db_sql "SELECT group_concat(role, '') FROM (SELECT role FROM raci ORDER BY id)")" AR
# l moves to the next output; the cursor's output is named in full.
keys l
wait_for "next output" "^  2\. Project management plan"
keys c
expect_eq "C stored" "$(db_sql "SELECT count(*) FROM raci WHERE role = 'C'")" 1
keys -
gone "emptied" "▸ Bob +R +C"
keys u
wait_for "undone" "undone: set RACI"
expect_eq "C back" "$(db_sql "SELECT count(*) FROM raci WHERE role = 'C'")" 1
# Another session's cell shows here without a key.
ko raci set Apollo/ko 2 Ana A >/dev/null
wait_for "live" "▸ Bob +R +C"
wait_for "other session's A shown" "Ana +A +A"
keys q
wait_for "back on outputs" "M RACI"

# Open questions: Q on Decisions, a, then T moves it on to the TKO.
keys 4
wait_for "decisions" "Q questions"
keys Q
wait_for "questions" "› Open questions"
keys a; text "Which cloud?"; keys Tab; text "Ana"; keys Enter
wait_for "added" "Which cloud\? +Ana +open"
keys T
wait_for "moved" "moved to the TKO as question"
wait_for "status moved" "Which cloud\? +Ana +moved"
expect_eq "the TKO has it" "$(db_sql "SELECT q.status FROM question q JOIN meeting m ON m.id = q.meeting_id
	WHERE m.kind = 'tko'")" open
keys u
wait_for "move undone" "Which cloud\? +Ana +open"
expect_eq "no copy left" "$(db_sql "SELECT count(*) FROM question")" 1
keys q q q q q
tm kill-server 2>/dev/null
true
