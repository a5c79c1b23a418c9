# kickoff restore while a screen has the database open.  The restored
# file numbers its rows itself, so the meeting id the screen holds may
# now be another project's meeting: a form half typed before the restore
# must not be saved into it, the form stays open with its text, and the
# screens then start again from what the restored database holds.  Also:
# the last session to close, a screen, folds the WAL into the file.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-restore-$$"
tm() { tmux -L "$SOCK" "$@"; }
pane() { tm capture-pane -p -t "$1" 2>/dev/null; }
wait_on() {
	local s=$1 name=$2 re=$3 n=${4:-100} i
	for i in $(seq 1 "$n"); do
		if pane "$s" | grep -Eq -- "$re"; then ok "$name"; return 0; fi
		sleep 0.1
	done
	fail "$name" "no /$re/ on $s's screen:
$(pane "$s")"
	return 1
}
wait_off() {
	local s=$1 name=$2 re=$3 i
	for i in $(seq 1 100); do
		if ! pane "$s" | grep -Eq -- "$re"; then ok "$name"; return 0; fi
		sleep 0.1
	done
	fail "$name" "/$re/ still on $s's screen:
$(pane "$s")"
	return 1
}
tstart() {
	tm new-session -d -s "$1" -x 100 -y 30 \
		"env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC KICKOFF_DB='$KICKOFF_DB' \
		 KICKOFF_USER='$2' KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'"
	tm set-option -t "$1" window-size manual >/dev/null 2>&1 || true
}
k() { local s=$1; shift; tm send-keys -t "$s" "$@"; }
typed() { tm send-keys -t "$1" -l "$2"; }
# Esc out of a form; answers y when the form asks before dropping text.
esc_form() {
	k "$1" Escape
	sleep 0.3
	if pane "$1" | grep -q '(y/n)'; then k "$1" y; fi
}

# The live database: Alpha and its KO (meeting id 1).  The backup: a
# database whose meeting id 1 is Beta's KO.
ko project add Alpha >/dev/null
ko meeting add Alpha ko >/dev/null
ko decision add Alpha/ko "Alpha's first decision" >/dev/null
ko --db "$T_TMP/other.db" project add Beta >/dev/null
ko --db "$T_TMP/other.db" meeting add Beta ko >/dev/null
ko --db "$T_TMP/other.db" decision add Beta/ko "Beta's own decision" >/dev/null
ko --db "$T_TMP/other.db" backup "$T_TMP/beta.db" >/dev/null
expect_eq "the same meeting id names Alpha's KO here and Beta's in the backup" \
	"$(db_sql "SELECT id FROM meeting")/$(sqlite3 "$T_TMP/beta.db" "SELECT id FROM meeting")" "1/1"

# ---- a decision half typed for Alpha/ko when the restore comes ----
tstart A ana
wait_on A "screen started" "Alpha"
k A Enter; wait_on A "Alpha's overview" "KO"
k A Enter; sleep 0.3; k A 4; wait_on A "Alpha's decisions" "Alpha's first decision"
k A a; wait_on A "decision form open" "Decision"
typed A "Half typed for Alpha"
wait_on A "the text is typed" "Half typed for Alpha"
expect_exit 0 "restore while the form is open" ko restore "$T_TMP/beta.db"
wait_on A "the screen says the database was restored" "restored by another session"
wait_on A "the form is still open with its text" "Half typed for Alpha"
k A Enter
wait_on A "saving it fails with a message" "nothing was saved"
wait_on A "the text stays in the form" "Half typed for Alpha"
expect_eq "nothing landed in Beta's KO (or anywhere)" \
	"$(db_sql "SELECT count(*) FROM decision WHERE text LIKE 'Half typed%'")" 0
expect_eq "Beta's KO holds only its own decision" \
	"$(db_sql "SELECT group_concat(text) FROM decision WHERE meeting_id = 1")" "Beta's own decision"
esc_form A
wait_on A "closed, the screens start again from the restored database" "Beta"
wait_off A "Alpha is gone from the screen" "Alpha"
wait_on A "and say why" "restored by another session"
expect_eq "still nothing saved by the screen" \
	"$(db_sql "SELECT count(*) FROM decision WHERE text LIKE 'Half typed%'")" 0

# After starting again, writes go where the screen says.
k A Enter; sleep 0.3; k A Enter; sleep 0.3; k A 4
wait_on A "Beta's decisions" "Beta's own decision"
k A a; wait_on A "a new form" "Decision"
typed A "Written after the restore"; k A Enter
wait_on A "saved" "saved [0-9]"
expect_eq "into Beta's KO" \
	"$(db_sql "SELECT p.name FROM decision d JOIN meeting m ON m.id = d.meeting_id JOIN project p ON p.id = m.project_id WHERE d.text = 'Written after the restore'")" Beta

# ---- a restore while the screen shows a meeting the backup also has ----
ko backup "$T_TMP/beta2.db" >/dev/null
ko decision add Beta/ko "Made after the backup" >/dev/null
wait_on A "the later decision shows" "Made after the backup"
expect_exit 0 "restore while the decisions are shown" ko restore "$T_TMP/beta2.db"
wait_off A "the restored list: the later decision is gone" "Made after the backup"
wait_on A "back in Beta's decisions" "Written after the restore"
wait_on A "says the meeting is shown as restored" "this meeting as restored"
k A a; wait_on A "a form on the restored meeting" "Decision"
typed A "Second after the restore"; k A Enter
wait_on A "saved again" "saved [0-9]"
expect_eq "written once, into Beta's KO" \
	"$(db_sql "SELECT count(*) FROM decision d JOIN meeting m ON m.id = d.meeting_id JOIN project p ON p.id = m.project_id WHERE d.text = 'Second after the restore' AND p.name = 'Beta'")" 1

# ---- the last to close folds the WAL ----
ko action add Beta/ko "Late action" --owner Li >/dev/null
if [ -s "$KICKOFF_DB-wal" ]; then ok "with the screen open, the command's pages wait in the WAL"
else fail "with the screen open, the command's pages wait in the WAL" "no -wal file"; fi
for _ in $(seq 1 50); do
	tm has-session -t A 2>/dev/null || break
	k A q 2>/dev/null; sleep 0.2
done
if tm has-session -t A 2>/dev/null; then fail "the screen ended" "$(pane A)"; else ok "the screen ended"; fi
expect_eq "no -wal file once the screen, the last session, closed" "$(ls "$T_TMP" | grep -c 'test\.db-wal')" 0
cp "$KICKOFF_DB" "$T_TMP/plain.db"
expect_eq "a plain copy of the file has the command's action" \
	"$(sqlite3 "$T_TMP/plain.db" "SELECT count(*) FROM action WHERE text = 'Late action'")" 1
tm kill-server 2>/dev/null || true
