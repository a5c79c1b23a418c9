# SIGTERM and SIGINT (kill -INT, and Ctrl-C typed in the terminal) while a
# decision is half typed: as for a hang-up (test_hangup.sh) the text is
# kept as a draft and the next start offers it back; the program then
# ends with the signal, as the one who sent it expects.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
. "$KICKOFF_TESTS/reliability/tmux-lib.sh"
check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko --at '2026-12-01 10:00'

# half_typed NAME TEXT: a decision form open with TEXT typed.
half_typed() {
	start 100 30
	wait_for "$1: project list" "Apollo"
	keys Enter; wait_for "$1: overview" "Apollo"
	keys Enter; wait_for "$1: KO open" "Apollo › KO"
	keys 4; wait_for "$1: decisions" "› 4 Decisions"
	keys a
	text "$2"
	wait_for "$1: typing shown" "$2"
}
# offered NAME TEXT: the next start offers the draft; y puts it back.
offered() {
	start 100 30
	wait_for "$1: the draft is offered" "cut off while typing in .*$2"
	expect_eq "$1: taken from the store once offered" "$(db_sql "SELECT count(*) FROM draft")" 0
	keys y
	wait_for "$1: back in the form" "New decision"
	wait_for "$1: with the text" "$2"
	# Esc on the restored text asks; y drops it.
	keys Escape
	wait_for "$1: Esc asks" "Discard your changes\? \(y/n\)"
	keys y
	wait_for "$1: dropped" "your changes were dropped"
	keys q q q
	stop
}

for how in TERM INT C-c; do
	case $how in
	TERM) code=143 ;;
	INT) code=130 ;;
	*) code= ;;
	esac
	half_typed "$how" "Typed before $how 决定"
	if [ "$how" = C-c ]; then
		# The shell of the pane gets the Ctrl-C too, and ends with it.
		keys C-c
		for _ in $(seq 1 100); do kill -0 "$KO_PID" 2>/dev/null || break; sleep 0.1; done
		expect_eq "$how: the program ended" "$(kill -0 "$KO_PID" 2>/dev/null && echo running || echo gone)" gone
	else
		kill -"$how" "$KO_PID"
		wait_for "$how: the program ended with the signal" "^exit=$code"
	fi
	expect_eq "$how: no decision half-written" "$(db_sql "SELECT count(*) FROM decision")" 0
	integrity_ok "$how: integrity"
	expect_match "$how: the draft is kept" "$(db_sql "SELECT who, meeting_id, text FROM draft")" \
		"^tester\|1\|\{\"phase\":4,.*\"fields\":\[\"Typed before $how 决定\""
	stop
	offered "$how" "Typed before $how 决定"
done

# Cut off while the discard question is open: the text is still kept.
half_typed "asking" "Nearly dropped"
keys Escape
wait_for "asking: Esc asks" "Discard your changes"
kill -TERM "$KO_PID"
wait_for "asking: ended" "^exit=143"
expect_match "asking: the draft is kept" "$(db_sql "SELECT text FROM draft")" '"fields":\["Nearly dropped"'
stop
# Ended by SIGTERM while the offer is still asked: the draft, taken from
# the store to be offered, is put back.
start 100 30
wait_for "offer: the draft is offered" "cut off while typing in .*Nearly dropped"
kill -TERM "$KO_PID"
wait_for "offer: ended" "^exit=143"
expect_match "offer: the draft is kept" "$(db_sql "SELECT count(*) || text FROM draft")" '^1.*"fields":\["Nearly dropped"'
stop
# Any answer but y drops the offered draft, and the message says so (not
# "nothing was changed").
start 100 30
wait_for "asking: the draft is offered" "cut off while typing in .*Nearly dropped"
keys n
wait_for "asking: n says the draft was dropped" "the draft was dropped"
expect_eq "asking: no draft left" "$(db_sql "SELECT count(*) FROM draft")" 0
keys q
stop
figure "signals: SIGTERM, SIGINT and Ctrl-C with a half-typed decision (and with its discard question open): kept as drafts and offered back"
