# Every y/n question of the screens (undo over another's change, an
# export over an existing file, dropping a form's changes, delete) shows
# its answers on the key bar and its question alone on the lines below;
# once answered, the key bar is the screen's again and the last line
# holds the outcome only, with nothing of the question left over.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko decision add Apollo/ko "Weekly status" >/dev/null
KICKOFF_USER=bob ko decision add Apollo/ko "Cloud hosting" >/dev/null
mkdir -p "$T_TMP/exports"
: > "$T_TMP/exports/Apollo-ko.md"

# asked NAME QUESTION-REGEX: the saved screen shows the question.
asked() {
	expect_eq "$1: the key bar gives the answers" "$(sed -n 23p "$T_TMP/$1")" "y yes  any other key: no"
	expect_match "$1: the question, alone on its line" "$(sed -n 24p "$T_TMP/$1")" "^$2$"
}
# answered NAME KEYS-REGEX OUTCOME-REGEX: the screen after the answer.
answered() {
	expect_match "$1: the screen's keys are back" "$(sed -n 23p "$T_TMP/$1")" "$2"
	expect_match "$1: the outcome alone on the last line" "$(sed -n 24p "$T_TMP/$1")" "$3"
	if grep -q '(y/n)\|any other key' "$T_TMP/$1"; then
		fail "$1: nothing of the question left" "$(tail -n 3 "$T_TMP/$1")"
	else ok "$1: nothing of the question left"; fi
}

# u over bob's decision asks; n keeps it; the history's u too.
KICKOFF_USER=tester ko decision add Apollo/ko "Mine" >/dev/null
KICKOFF_USER=bob ko decision add Apollo/ko "Bob's" >/dev/null
KICKOFF_EXPORT_DIR="$T_TMP/exports" screen_run <<'S'
<Enter> <Enter> 4 x <Enter> <Enter> <Save export-ask> n <Save export-no>
x <Enter> <Enter> y <Save export-yes>
a Draft <Esc> <Save discard-ask> n <Save discard-no> <Esc> y <Save discard-yes>
G d <Save delete-ask> n <Save delete-no>
S
asked export-ask "'.*/Apollo-ko.md' exists; overwrite it\\? \\(y/n\\)"
answered export-no "^a add .*Enter edit" "not exported; the file is as it was *$"
answered export-yes "^a add .*Enter edit" "exported to .*Apollo-ko.md *$"
check "the export replaced the file after y" test -s "$T_TMP/exports/Apollo-ko.md"
asked discard-ask "Discard your changes\\? \\(y/n\\)"
answered discard-yes "^a add .*Enter edit" "^ *(saved [0-9:]+)? *$|cancelled|dropped|discarded"
asked delete-ask "Delete 'Bob's'\\? \\(y/n\\)"
answered delete-no "^a add .*Enter edit" "cancelled; nothing was changed"
expect_eq "nothing deleted" "$(db_sql "SELECT count(*) FROM decision")" 4

# u over bob's change asks, naming him; n and y both leave a clean screen.
ko action add Apollo/ko "Charter" --owner Ana >/dev/null
KICKOFF_USER=bob ko action done "$(db_sql "SELECT max(id) FROM action")" >/dev/null
screen_run <<'S'
<Enter> <Enter> 7 u <Save undo-ask> n <Save undo-no> u y <Save undo-yes>
S
asked undo-ask "Undo add action: «Charter»\\? bob changed it since: 1 action \\(y/n\\)"
answered undo-no "^a add " "cancelled; nothing was changed *$"
answered undo-yes "^a add " "^undone: add action: «Charter» +saved [0-9:]+$"
expect_eq "y undid it" "$(db_sql "SELECT count(*) FROM action")" 0
