# The follow-up board in a real terminal (tmux): b from the project list,
# the open actions of three projects overdue first, m for the user's own,
# Space ticks one done (it leaves the board, and the store has it done),
# o and w change the owner and the due date in place, u undoes, and a
# change made by another session shows without a key.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-board-$$"
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
text() { tm send-keys -t ko -l "$1"; }
# The board's rows, top to bottom, as their action texts.
rows() { screen | grep ' · KO ' | grep -Eo '(Late|Soon|Later|Undated) [A-Za-z]+' | paste -sd, ; }
wait_rows() {
	local i got
	for i in $(seq 1 100); do
		got=$(rows)
		if [ "$got" = "$2" ]; then ok "$1"; return 0; fi
		sleep 0.1
	done
	fail "$1" "rows [$got], want [$2]:
$(screen)"
}

for p in Alpha Beta Gamma; do ko project add "$p" >/dev/null; ko meeting add "$p" ko >/dev/null; done
ko meeting set Beta/ko --status held >/dev/null
ko meeting set Gamma/ko --at '2026-12-02 10:00' >/dev/null
ko action add Alpha/ko "Undated alpha" --owner tester >/dev/null                  # 1
ko action add Beta/ko "Late beta" --owner bob --due 2026-11-20 >/dev/null         # 2
ko action add Gamma/ko "Soon gamma" --owner tester --due 2026-11-30 >/dev/null    # 3
ko action add Beta/ko "Later beta" --owner bob --due 2026-12-09 >/dev/null        # 4
ko action add Gamma/ko "Late gamma" --owner tester --due 2026-11-24 >/dev/null    # 5

tm new-session -d -s ko -x 110 -y 24 \
	"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
	 KICKOFF_USER=tester KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'"
tm set-option -t ko window-size manual >/dev/null 2>&1 || true
wait_for "project list" "▸ Alpha"
wait_for "portfolio: a KO planned undated" "Alpha +planned 0/[0-9]+ +— +1 +0"
wait_for "portfolio: a KO held" "Beta +held 0/[0-9]+ +— +2 +1"
wait_for "portfolio: a KO planned for a day" "Gamma +12-02 0/[0-9]+ +— +2 +1"
keys b
wait_for "the board opens on b" "kickoff › Follow-up board"
wait_rows "overdue first, then by due date, undated last" \
	"Late beta,Late gamma,Soon gamma,Later beta,Undated alpha"
wait_for "an overdue row says so" "! 2026-11-20 Late beta +bob +Beta · KO +overdue"
wait_for "the counts" "5 open actions · 2 overdue"

keys m
wait_for "m: mine" "Follow-up board  \[mine: tester\]"
wait_rows "only tester's" "Late gamma,Soon gamma,Undated alpha"
keys z
wait_for "z: grouped by owner" "Follow-up board  \[mine: tester\]  \[by owner\]"
keys z
wait_for "z again: by project" "\[by project\]"
wait_rows "tester's by project" "Undated alpha,Late gamma,Soon gamma"
keys z
keys m
wait_rows "m again: everyone's" "Late beta,Late gamma,Soon gamma,Later beta,Undated alpha"

# Space on the first row: Late beta is done.
keys g Space
wait_for "ticked" "done: Late beta"
wait_rows "it leaves the board" "Late gamma,Soon gamma,Later beta,Undated alpha"
expect_eq "the store has it done" "$(db_sql "SELECT status FROM action WHERE id = 2")" "done"
expect_exit 0 "action list" ko action list --json
json_eq "action list shows it done" "$OUT" 'map(select(.id == 2)) | .[0].status' "done"

keys u
wait_rows "u brings it back" "Late beta,Late gamma,Soon gamma,Later beta,Undated alpha"
expect_eq "undone in the store" "$(db_sql "SELECT status FROM action WHERE id = 2")" "open"

# o on Late gamma (the second row): a new owner, typed in place.
keys g j o C-u; text "carol"; keys Enter
wait_for "owner changed on the board" "Late gamma +carol"
expect_eq "owner stored" "$(db_sql "SELECT owner FROM action WHERE id = 5")" "carol"
# w: a later due date moves it down.
keys w C-u; text "2026-12-20"; keys Enter
wait_rows "the new due date reorders" "Late beta,Soon gamma,Later beta,Late gamma,Undated alpha"
expect_eq "due stored" "$(db_sql "SELECT due FROM action WHERE id = 5")" "2026-12-20"
expect_match "in the change log" "$(ko log 2>&1)" "edit action|action"
keys w C-u; text "2026-13-01"; keys Enter
wait_for "a bad date is refused" "invalid due date '2026-13-01'"
keys Escape
expect_eq "nothing written" "$(db_sql "SELECT due FROM action WHERE id = 5")" "2026-12-20"

# Another session ticks one: the board follows without a key.
ko action done 3 >/dev/null
wait_rows "another session's change shows" "Late beta,Later beta,Late gamma,Undated alpha"

# Enter opens the action's meeting on its Actions phase.
keys g Enter
wait_for "Enter opens the meeting's actions" "Beta › KO › 7 Actions"
keys q
wait_for "q: back to the board" "kickoff › Follow-up board"
keys q
wait_for "q: back to the project list" "kickoff › Projects"
keys Enter
wait_for "overview" "kickoff › Alpha"
keys b
wait_for "b from the overview" "kickoff › Follow-up board"
keys q q q
for i in $(seq 1 50); do tm has-session -t ko 2>/dev/null || break; sleep 0.1; done
if tm has-session -t ko 2>/dev/null; then fail "q three times quits" "still running"; else ok "q three times quits"; fi
tm kill-server 2>/dev/null || true
