# The dialog of an edit that met another session's change, and of one
# whose row another session deleted: drawn in its own box (no edge of the
# form's box around it), its questions wrapped, its keys on rows of their
# own inside it, never in the status line beside "also here"; after a
# delete, n saves the text as a new row.  Two real sessions in tmux, at
# 80x24 and 60x15, in English and Chinese; and the draft question of a
# session cut off, at both sizes.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
SOCK="kickoff-conflict-$$"
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
k() { local s=$1; shift; tm send-keys -t "$s" "$@"; }
typed() { tm send-keys -t "$1" -l "$2"; }
if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then ZH="LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8"
else ZH="LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=zh_CN"; fi
EN="LANG=C.UTF-8 LC_ALL=C.UTF-8"
# tstart SESSION USER COLS LINES LOCALE
tstart() {
	tm new-session -d -s "$1" -x "$3" -y "$4" \
		"env TERM=xterm-256color $5 TZ=UTC KICKOFF_DB='$KICKOFF_DB' KICKOFF_LOCALEDIR='$KICKOFF_LOCALEDIR' \
		 KICKOFF_USER='$2' KICKOFF_NOW='$KICKOFF_NOW' '$KICKOFF'"
	tm set-option -t "$1" window-size manual >/dev/null 2>&1 || true
	wait_on "$1" "$1 started" "Apollo" >/dev/null
}
# The row after the box's bottom edge; what the dialog shows, box only.
box() { sed -n '/┌─/,/└/p' "$1"; }

# dialog NAME COLS LINES LOCALE HOW: lead (A) edits the decision, pm (B,
# also in tmux, so A shows "also here: pm") edits it too (HOW=change) or
# deletes it (HOW=delete), then A saves; the screen is $T_TMP/NAME.
dialog() {
	local name=$1 cols=$2 lines=$3 loc=$4 how=$5
	rm -f "$KICKOFF_DB"
	ko project add Apollo >/dev/null
	ko meeting add Apollo ko >/dev/null
	ko decision add Apollo/ko "Weekly status" --by Ana >/dev/null
	tstart A lead "$cols" "$lines" "$loc"
	tstart B pm 100 30 "$EN"
	k B Enter; k B Enter; k B 4; wait_on B "$name: B on decisions" "Weekly status" >/dev/null
	k A Enter; k A Enter; k A 4
	wait_on A "$name: A sees pm" "(: |：)pm" >/dev/null
	k A Enter; wait_on A "$name: A's form" "┌─" >/dev/null
	typed A " (lead)"
	wait_on A "$name: A typed" "Weekly status \\(lead\\)" >/dev/null
	if [ "$how" = change ]; then
		k B Enter End; typed B " (pm)"; k B Enter
		for _ in $(seq 1 50); do [ "$(db_sql "SELECT text FROM decision")" = "Weekly status (pm)" ] && break; sleep 0.1; done
	else
		k B d y
		for _ in $(seq 1 50); do [ "$(db_sql "SELECT count(*) FROM decision")" = 0 ] && break; sleep 0.1; done
	fi
	k A Enter
	wait_on A "$name: the dialog" "Esc" >/dev/null
	sleep 0.3
	pane A > "$T_TMP/$name"
	expect_eq "$name: one bottom edge (the form's box is not showing under the dialog)" \
		"$(grep -c '└' "$T_TMP/$name")" 1
	expect_eq "$name: the dialog ends with its own box's edge" \
		"$(box "$T_TMP/$name" | tail -n 1 | grep -c '^ *└─*┘ *$')" 1
	if tail -n 1 "$T_TMP/$name" | grep -Eq 'keep mine|保留我的|save it as new|另存为|Esc'; then
		fail "$name: no keys in the status line beside 'also here'" "$(tail -n 1 "$T_TMP/$name")"
	else ok "$name: no keys in the status line beside 'also here'"; fi
	# Every line inside the box ends with its right edge: nothing cut.
	local bad
	bad=$(box "$T_TMP/$name" | grep -v '^ *[┌└]' | grep -vc '│ *$')
	expect_eq "$name: every line of the dialog inside its edges" "$bad" 0
	golden "$name"
}

dialog conflict-80x24 80 24 "$EN" change
screen_has conflict-80x24 '^ *│ m keep mine   t take theirs   e merge and edit   Esc back to my text *│'
screen_has conflict-80x24 'pm changed this at 09:00, while you were editing it\.'
k A q 2>/dev/null; tm kill-server 2>/dev/null

dialog conflict-60x15 60 15 "$EN" change
screen_has conflict-60x15 '^ *│ m keep mine   t take theirs   e merge and edit *│'
screen_has conflict-60x15 '^ *│ Esc back to my text *│'
screen_has conflict-60x15 'also here: pm'
k A m
wait_on A "keep mine at 60x15: saved" "saved yours over pm's"
expect_eq "keep mine at 60x15: stored" "$(db_sql "SELECT text FROM decision")" "Weekly status (lead)"
tm kill-server 2>/dev/null

dialog zh-conflict-80x24 80 24 "$ZH" change
screen_has zh-conflict-80x24 'm 保留我的   t 采用对方的   e 合并后编辑   Esc 回到我的文本'
tm kill-server 2>/dev/null
dialog zh-conflict-60x15 60 15 "$ZH" change
tm kill-server 2>/dev/null

# Deleted meanwhile: the question wraps, n saves the text as a new row,
# which the list shows under the cursor.
dialog deleted-80x24 80 24 "$EN" delete
screen_has deleted-80x24 'n save it as new   Esc back to my text'
screen_has deleted-80x24 'still *│$'
screen_has deleted-80x24 '^ *│ here\. *│'
k A n
wait_on A "save as new: said" "saved as a new row"
wait_on A "save as new: the new row under the cursor" "^▸ Weekly status \\(lead\\) +Ana"
expect_eq "save as new: one decision, the typed text" \
	"$(db_sql "SELECT count(*) || '|' || group_concat(text) || '|' || group_concat(decided_by) FROM decision")" \
	"1|Weekly status (lead)|Ana"
expect_eq "save as new: logged as an add by lead" \
	"$(db_sql "SELECT count(*) FROM change_row r JOIN change c ON c.id = r.change_id WHERE r.tbl = 'decision' AND r.op = 'insert' AND c.who = 'lead'")" 1
tm kill-server 2>/dev/null

dialog deleted-60x15 60 15 "$EN" delete
screen_has deleted-60x15 'Your text is still here\.'
# Esc goes back to the form with the text; Enter asks again.
k A Escape
wait_on A "deleted, Esc: back in the form" "Weekly status \\(lead\\)"
wait_on A "deleted, Esc: the text kept" "your text is still here"
k A Enter
wait_on A "deleted, Enter again: asks again" "Deleted meanwhile"
tm kill-server 2>/dev/null

dialog zh-deleted-80x24 80 24 "$ZH" delete
screen_has zh-deleted-80x24 'n 另存为新的一条'
tm kill-server 2>/dev/null
dialog zh-deleted-60x15 60 15 "$ZH" delete
tm kill-server 2>/dev/null

# The question of a session cut off while typing, with a long text: whole
# at both sizes, "Open it again? (y/n)" included.
rm -f "$KICKOFF_DB"
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
draft() {
	db_sql "INSERT INTO draft(who, meeting_id, what, text, saved_at) VALUES ('tester', 1, 'New decision',
	  '{\"phase\":4,\"title\":\"New decision\",\"edit\":false,\"row\":0,\"version\":0,\"fields\":[\"We host the customer portal on the managed cloud offering and keep the cluster for batch jobs\",\"Ana\",\"\"],\"orig\":[\"\",\"\",\"\"]}',
	  '2026-11-26T08:59:00Z')" >/dev/null
}
for size in "24 80" "15 60"; do
	set -- $size
	draft
	screen_run "$1" "$2" <<S
<Save draft-$2x$1>
S
	golden "draft-$2x$1"
	screen_has "draft-$2x$1" 'Open it( again\?|$)'
	screen_has "draft-$2x$1" '(again\? )?\(y/n\) *$'
	screen_has "draft-$2x$1" '^y yes  any other key: no'
done
