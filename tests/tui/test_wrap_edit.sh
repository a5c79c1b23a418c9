# A field of several lines wraps while typing, in a real terminal: at
# 80x24 every word typed into a decision's text is shown whole, the
# cursor's row stays in the field as the text grows past it and as the
# cursor moves up and down, and the form opens again at the text's start.
command -v tmux >/dev/null || { fail "tmux" "not installed"; return 0; }
. "$KICKOFF_TESTS/reliability/tmux-lib.sh"
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null

first='The budget of one hundred thousand euros is approved for the first phase, with a review by the sponsor at each milestone and a report'
more=' to the steering committee every month until the pilot ends in spring, when the board reviews the results with the customer and plans the second phase'
# The words on the screen, each whole: the field's rows between the box.
shown_words() { screen | sed 's/[│▸]/ /g' | tr -s ' ' '\n' | tr -d '.,' | sort -u; }
missing_words() {
	local seen; seen=$(shown_words)
	printf '%s\n' $1 | tr -d '.,' | sort -u | while read -r w; do
		printf '%s\n' "$seen" | grep -qx -- "$w" || echo "$w"; done
}
cursor_line() { screen | sed -n "$(($(tm display -p -t ko '#{cursor_y}') + 1))p"; }
# The text of the field's row the cursor is on, without the box and label.
cursor_row_text() { cursor_line | sed 's/│//g; s/▸//; s/^ *Decision *//; s/^ *//; s/ *$//'; }
# Whether the cursor's row is a piece of the decision's text as typed.
on_text_row() {
	local row; row=$(cursor_row_text)
	case "$first$more" in *"$row"*) [ -n "$row" ] && ok "$1" ;; *) fail "$1" "[$row] is not a row of the text:
$(screen)" ;; esac
}

start 80 24
wait_for "projects" "Apollo"
keys Enter; wait_for "overview" "Apollo"
keys Enter; wait_for "the KO" "Apollo › KO"
keys 4; wait_for "decisions" "› 4 Decisions"
keys a; wait_for "the form" "New decision"
text "$first"
wait_for "the end of the text is shown" "milestone and a report"
expect_eq "every word typed is on the screen, whole" "$(missing_words "$first")" ""
expect_match "the cursor is on the row being typed" "$(cursor_line)" "a report"
if screen | grep -q -- '…'; then fail "no text cut in the field" "$(screen)"; else ok "no text cut in the field"; fi

# Past the field's rows: the view follows the cursor down.
text "$more"
wait_for "the newest words are shown" "the second phase"
expect_match "the cursor's row is shown as it grows" "$(cursor_line)" "second phase"
expect_eq "the words of the rows shown are whole" \
	"$(missing_words "the customer and plans the second phase")" ""
if screen | grep -q 'The budget of one'; then fail "the view left the first row behind" "$(screen)"
else ok "the view left the first row behind"; fi
# Up through the wrapped rows and back down: the cursor's row stays shown.
for i in 1 2 3 4 5; do keys Up; done
sleep 0.3
on_text_row "Up moves through the wrapped rows, each shown"
wait_for "Up scrolled back to the first rows" "hundred thousand euros"
for i in 1 2 3 4 5; do keys Down; done
sleep 0.3
on_text_row "Down comes back, shown"
expect_match "on the last row" "$(cursor_line)" "second phase"
keys Enter
wait_for "saved" "saved"
expect_eq "stored whole" "$(db_sql "SELECT text FROM decision")" "$first$more"

# Opened again: the start of the text, the cursor on its first row.
keys Enter; wait_for "the edit form" "Edit decision"
wait_for "the start of the text is shown" "The budget of one hundred"
expect_match "the cursor at the start" "$(cursor_line)" "The budget"
if screen | grep -q 'the second phase'; then fail "not the end of the text" "$(screen)"
else ok "not the end of the text"; fi
keys Escape
stop
