# Every list longer than the screen says so: "↓ more below" at its top,
# both marks in the middle, "↑ more above" at its end; 60 rows at 80x24
# on the project list, a phase's list and the history.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
for i in $(seq -w 1 60); do
	ko project add "P$i" >/dev/null
	ko decision add Apollo/ko "Decision $i" >/dev/null
done
J=$(printf 'j%.0s' $(seq 1 30))

screen_run <<S
<Save projects-top> $J <Save projects-mid> G <Save projects-end>
g <Enter> <Enter> 4 <Save decisions-top> $J <Save decisions-mid> G <Save decisions-end>
h <Save history-top> $J <Save history-mid> G <Save history-end>
S
# marks NAME WANT: the mark row (above the key bar) says WANT, and only that.
marks() {
	local row
	row=$(sed -n 22p "$T_TMP/$1")
	case $2 in
	below) expect_match "$1: only more below" "$row" '^ *↓ more below$' ;;
	both) expect_match "$1: more above and below" "$row" '^ *↑↓ more above and below$' ;;
	above) expect_match "$1: only more above" "$row" '^ *↑ more above$' ;;
	esac
}
for l in projects decisions history; do
	marks "$l-top" below
	marks "$l-mid" both
	marks "$l-end" above
done
screen_has decisions-end "Decision 60"
screen_has projects-end "P60"
golden projects-mid
golden decisions-mid

# A list that fits shows no mark.
ko project add Short >/dev/null
ko meeting add Short ko >/dev/null
ko decision add Short/ko "Only one" >/dev/null
screen_run <<'S'
/Short <Enter> <Enter> <Enter> 4 <Save decisions-short>
S
screen_has decisions-short "Only one"
if grep -q "more above\|more below" "$T_TMP/decisions-short"; then
	fail "a short list: no mark" "$(cat "$T_TMP/decisions-short")"
else ok "a short list: no mark"; fi
