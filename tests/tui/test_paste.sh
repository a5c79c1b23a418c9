# A paste is text for the field under the cursor, never keys: in tmux,
# with bracketed paste (paste-buffer -p) and without, into a field of
# several lines (the decision) and one of one line (decided by), with
# newlines, ESC, control bytes and the letters of list commands (d, y, u,
# a, q).  The stored row is checked exactly, the other rows not touched.
# Outside a field a paste changes nothing.  The mode is off again once
# the program has ended, however it ended, and while it is suspended.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
. "$KICKOFF_TESTS/reliability/tmux-lib.sh"
check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00'
check "decision 1" ko decision add Apollo/ko "Keep me" --by Ann
check "decision 2" ko decision add Apollo/ko "Keep me too" --by Bob
first=$(db_sql "SELECT min(id) FROM decision")
others() { db_sql "SELECT id||'|'||text||'|'||coalesce(decided_by, '') FROM decision WHERE id <= $first + 1 ORDER BY id"; }
others_before=$(others)
newest() { db_sql "SELECT $1 FROM decision ORDER BY id DESC LIMIT 1"; }

# paste NAME TEXT [-p]: TEXT into the pane through a tmux buffer.
paste() {
	tm set-buffer -b p -- "$2"
	tm paste-buffer -b p -t ko ${3:-}
}
# The pane has bracketed paste off when a marked paste is echoed by the
# terminal as plain text (with the mode on tmux would wrap it in
# ESC [200~ ... ESC [201~, echoed as ^[[200~).
mode_off() {
	paste p "ZZ$1" -p
	wait_for "$1: the pasted text is echoed" "ZZ$1"
	if screen | grep -q '200~'; then fail "$1: bracketed paste is off" "$(screen)"
	else ok "$1: bracketed paste is off"; fi
}
open_decisions() {
	start 100 30
	wait_for "$1: project list" "Apollo"
	keys Enter; wait_for "$1: overview" "Apollo"
	keys Enter; wait_for "$1: KO open" "Apollo › KO"
	keys 4; wait_for "$1: decisions" "› 4 Decisions"
}

nl=$'\n' esc=$'\033'
# ---- bracketed ----
open_decisions bracketed
keys a; wait_for "bracketed: the form" "New decision"
paste p "Budget approved${nl}Andy owns it${esc} dyuaq"$'\001\002\x7f\t'"end" -p
wait_for "bracketed: the second line is in the field" "│ +Andy owns it dyuaq end"
keys Tab
paste p "Ann${nl}d${nl}y${esc}[A u"$'\t\x1b'"a${nl}q" -p
# (ESC [ A is no key of this terminal: its ESC goes, the rest is text.)
wait_for "bracketed: the one-line field has it" "Decided by +▸ Ann d y\\[A u a q"
keys Enter
wait_for "bracketed: saved" "4 Decisions 3 "
expect_eq "bracketed: the decision's text, newline kept, controls gone" \
	"$(newest text)" "Budget approved${nl}Andy owns it dyuaq end"
expect_eq "bracketed: decided by, newlines as spaces" \
	"$(newest decided_by)" "Ann d y[A u a q"
expect_eq "bracketed: three decisions" "$(db_sql "SELECT count(*) FROM decision")" 3
expect_eq "bracketed: the others untouched" "$(others)" "$others_before"

# Outside a field: ignored, with a message; the list is still there.
before=$(db_state)
keys g
paste p "dy${nl}a${nl}q${nl}uq" -p
wait_for "a paste on a list is ignored, and said so" "paste ignored"
sleep 0.3
expect_eq "a paste on a list changed nothing" "$(db_state)" "$before"
wait_for "still on the decisions" "› 4 Decisions"
# Nor does one answer a question: d asks, the paste is not a y.
keys d; wait_for "delete asks" "\(y/n\)"
paste p "y" -p
sleep 0.3
keys n
wait_for "the question is answered by the key, not the paste" "cancelled"
expect_eq "nothing deleted by a pasted y" "$(db_state)" "$before"
# Bytes that are not UTF-8: curses answers them at once with an error
# (and drops some of what follows); the rest of the paste, a long way
# behind, is still no keys (an 'a' here would open a form and type).
# (Rows and changes compared: the session's heartbeat may change the file.)
rows() { db_sql "SELECT (SELECT count(*) FROM decision) || '|' || (SELECT count(*) FROM change)"; }
rows_before=$(rows)
printf 'ab\377%5000sa Injected\rq' '' >"$T_TMP/not-utf8"
tm load-buffer -b p "$T_TMP/not-utf8"
tm paste-buffer -b p -t ko -p
wait_for "a paste with bytes not UTF-8 is ignored on a list" "paste ignored"
sleep 0.8
if screen | grep -q "New decision"; then fail "no form opened by the paste's rest" "$(screen)"
else ok "no form opened by the paste's rest"; fi
expect_eq "a paste with bytes not UTF-8 changed nothing" "$(rows)|$(others)" "$rows_before|$others_before"
# An end marker inside the pasted text (tmux passes it on): what follows
# it is still the paste, not keys.
paste p "abc${esc}[201~a Injected${nl}q" -p
wait_for "a paste with an end marker inside is ignored on a list" "paste ignored"
sleep 0.8
if screen | grep -q "New decision"; then fail "no form opened after the inner end marker" "$(screen)"
else ok "no form opened after the inner end marker"; fi
expect_eq "a paste with an end marker inside changed nothing" "$(rows)|$(others)" "$rows_before|$others_before"
keys q q q
wait_for "bracketed: the program ended" "^exit=0"
mode_off "after q"
stop

# ---- not marked (a terminal without bracketed paste): Enter and Esc
# with more input right behind them are inside the paste, so the rest
# goes on into the field instead of running as keys of the list ----
open_decisions unmarked
keys a; wait_for "unmarked: the form" "New decision"
paste p "Second one${nl}d${nl}y${nl}Andy owns it${esc} uaq"
wait_for "unmarked: all of it in the field" "│ +Andy owns it uaq"
keys Tab
paste p "Cleo${nl}dy${esc} q"
wait_for "unmarked: the one-line field has it" "Decided by +▸ Cleo dy q"
keys Enter
wait_for "unmarked: saved" "4 Decisions 4 "
expect_eq "unmarked: the decision's text" "$(newest text)" \
	"Second one${nl}d${nl}y${nl}Andy owns it uaq"
expect_eq "unmarked: decided by" "$(newest decided_by)" "Cleo dy q"
expect_eq "unmarked: four decisions" "$(db_sql "SELECT count(*) FROM decision")" 4
expect_eq "unmarked: the others untouched" "$(others)" "$others_before"
# A trailing newline saves, as an Enter would; nothing runs after it.
keys a; wait_for "unmarked: the form again" "New decision"
paste p "Third${nl}"
wait_for "unmarked: saved by the trailing newline" "4 Decisions 5 "
sleep 0.3
expect_eq "unmarked: five decisions" "$(db_sql "SELECT count(*) FROM decision")" 5
expect_eq "unmarked: the others still untouched" "$(others)" "$others_before"
stop

# ---- the mode is off after a kill, a fatal signal, and while suspended ----
open_decisions term
kill -TERM "$KO_PID"
wait_for "ended by SIGTERM" "^exit=143"
mode_off "after SIGTERM"
stop
open_decisions segv
kill -SEGV "$KO_PID"
# 139: killed by the signal (a sanitizer's handler, when built with one,
# reports it and exits 1).
wait_for "ended by SIGSEGV" "exit=(139|1)\$"
mode_off "after SIGSEGV"
stop

# Ctrl-Z from a shell with job control (without line editing, which
# would turn the mode on for itself): off while stopped, on after fg.
TM_N=$((TM_N + 1))
SOCK="kickoff-rel-$$-$TM_N"
tm new-session -d -s ko -x 100 -y 30 "env -u INPUTRC PS1='sh\$ ' bash --norc --noprofile --noediting -i"
tm set-option -t ko window-size manual >/dev/null 2>&1 || true
wait_for "a shell" 'sh\$'
text "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' KICKOFF_USER=tester '$KICKOFF'"
keys Enter
wait_for "suspend: project list" "Apollo"
keys Enter; wait_for "suspend: overview" "Apollo"
keys Enter; wait_for "suspend: KO open" "Apollo › KO"
keys 4 a; wait_for "suspend: the form" "New decision"
keys C-z
wait_for "suspended" "Stopped"
mode_off "while suspended"
keys C-u
text "fg"; keys Enter
wait_for "back after fg" "New decision"
paste p "After fg${nl}d y" -p
wait_for "after fg a paste is text again" "│ +d y"
keys Enter
wait_for "after fg: saved" "4 Decisions 6 "
expect_eq "after fg: stored" "$(newest text)" "After fg${nl}d y"
expect_eq "after fg: the others untouched" "$(others)" "$others_before"
keys q q q
wait_for "the shell again" '^sh\$ ?$'
mode_off "after fg and q"
stop
