# A dropped SSH connection: SIGHUP to the screens while a decision is half
# typed.  The database stays consistent, the half-typed text is kept as a
# draft, and the next start offers it back; y puts it into the form again.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
. "$KICKOFF_TESTS/reliability/tmux-lib.sh"
check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00'
check "a decision already made" ko decision add Apollo/ko "Decided before"

start 100 30
wait_for "project list" "Apollo"
keys Enter
wait_for "overview" "Apollo"
keys Enter
wait_for "KO open" "Apollo › KO"
keys 4
wait_for "decisions" "› 4 Decisions"
keys a
text "Half-typed 决定: use PostgreSQL fo"
wait_for "typing shown" "Half-typed 决定: use PostgreSQL fo"
before=$(db_state)
kill -HUP "$KO_PID"
wait_for "the program ended on the hang-up" "^exit=0"
expect_eq "no decision half-written" "$(db_sql "SELECT count(*) FROM decision")" 1
integrity_ok "integrity after the hang-up"
expect_match "the draft is kept" "$(db_sql "SELECT who, meeting_id, what, text FROM draft")" \
	'^tester\|1\|[^|]+\|\{"phase":4,.*"fields":\["Half-typed 决定: use PostgreSQL fo"'
stop

# The next start offers it back.
start 100 30
wait_for "the draft is offered" "cut off while typing in .*Half-typed 决定: use PostgreSQL fo"
expect_eq "taken from the store once offered" "$(db_sql "SELECT count(*) FROM draft")" 0
keys y
wait_for "back in the decision form" "Half-typed 决定: use PostgreSQL fo"
wait_for "restored message" "draft restored"
text "r the ledger"
keys Enter
# The header's "saved HH:MM", not the text: that is on screen in the form
# before the save.
wait_for "saved" "saved [0-9]{2}:[0-9]{2}"
expect_eq "the finished decision is stored" \
	"$(db_sql "SELECT count(*) FROM decision WHERE text = 'Half-typed 决定: use PostgreSQL for the ledger'")" 1
keys q q q q
stop

# Cut off while editing a stored decision: the draft comes back in that
# decision's edit form, and saving it changes the decision, not a new one.
start 100 30
wait_for "project list (edit)" "Apollo"
keys Enter; wait_for "overview (edit)" "Apollo"
keys Enter; wait_for "KO (edit)" "Apollo › KO"
keys 4; wait_for "decisions (edit)" "› 4 Decisions"
keys Enter
wait_for "the edit form" "Edit decision"
text " and kept"
wait_for "edit typed" "Decided before and kept"
kill -HUP "$KO_PID"
wait_for "ended on the hang-up (edit)" "^exit=0"
expect_match "the edit draft names its row" "$(db_sql "SELECT text FROM draft")" '"edit":true,"row":1,"version":1,'
stop
# Meanwhile another session changes who decided it.
db_sql "UPDATE decision SET decided_by = 'Bob', version = version + 1 WHERE id = 1"
start 100 30
wait_for "the edit draft is offered" "cut off while typing in .*Decided before and kept"
keys y
wait_for "back in the edit form" "Edit decision"
wait_for "with the typed text" "Decided before and kept"
keys Enter
wait_for "edit saved" "saved [0-9]{2}:[0-9]{2}"
expect_eq "the decision was edited" "$(db_sql "SELECT text FROM decision WHERE id = 1")" "Decided before and kept"
expect_eq "the other session's change is kept (merged, not overwritten)" \
	"$(db_sql "SELECT decided_by FROM decision WHERE id = 1")" "Bob"
expect_eq "no new decision" "$(db_sql "SELECT count(*) FROM decision")" 2
keys q q q q
stop

# A real dropped session: the tmux server goes away (the pane's terminal
# hangs up, the kernel sends SIGHUP).
start 100 30
wait_for "project list again" "Apollo"
keys Enter; wait_for "overview again" "Apollo"
keys Enter; wait_for "KO again" "Apollo › KO"
keys 7 a
text "Chase the vendor"
wait_for "action typed" "Chase the vendor"
tm kill-server
for _ in $(seq 1 50); do kill -0 "$KO_PID" 2>/dev/null || break; sleep 0.1; done
expect_eq "the program ended with its terminal" "$(kill -0 "$KO_PID" 2>/dev/null && echo running || echo gone)" gone
expect_match "the action draft is kept" "$(db_sql "SELECT text FROM draft")" '"phase":7,.*"Chase the vendor"'
integrity_ok "integrity after the terminal went away"
figure "hangup: SIGHUP with a half-typed decision and a closed terminal with a half-typed action: both kept as drafts and the first offered back and saved"
