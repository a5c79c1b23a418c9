# Esc in a form: with nothing changed it closes at once; with changes it
# asks "Discard your changes? (y/n)": n goes on typing with the text
# kept, y drops it.  Headless, so each step is one saved screen.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
ko project add Apollo --customer ACME >/dev/null

screen_run <<'S'
a <Esc> <Save untouched>
a Zeus <Esc> <Save asks>
n <Save kept>
<Space> Two <Enter> <Save saved>
a Hera <Esc> y <Save dropped>
e <Esc> <Save edit-untouched>
e X <BS> <Esc> <Save edit-typed-back>
e <Tab> X <Esc> <Save edit-asks>
<Esc> <Save edit-other-key>
<Esc> y
S
screen_has untouched "cancelled; nothing was changed"
if grep -q "Discard" "$T_TMP/untouched"; then fail "nothing typed: no question" "$(cat "$T_TMP/untouched")"
else ok "nothing typed: no question"; fi
screen_has asks "Discard your changes\? \(y/n\)"
screen_has kept "still editing; nothing was dropped"
screen_has kept "New project"
screen_has kept "▸ Zeus"
screen_has saved "Zeus Two"
screen_has dropped "cancelled; your changes were dropped"
if grep -q "New project" "$T_TMP/dropped"; then fail "y closes the form" "$(cat "$T_TMP/dropped")"
else ok "y closes the form"; fi
screen_has edit-untouched "cancelled; nothing was changed"
screen_has edit-typed-back "cancelled; nothing was changed"
screen_has edit-asks "Discard your changes"
# Any key but y answers no, Esc too.
screen_has edit-other-key "still editing"
screen_has edit-other-key "Edit project"
expect_eq "only Zeus Two was saved" "$(db_sql "SELECT name||'|'||coalesce(customer, '') FROM project ORDER BY id")" \
	"$(printf 'Apollo|ACME\nZeus Two|')"
