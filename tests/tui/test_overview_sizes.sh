# The project overview shows all seven phases of both meetings at 80x24
# and, without its blank rows, at 60x15; shorter still, it says that
# phases are left out rather than cutting them without a sign.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo --customer ACME >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' --host Ana >/dev/null
ko meeting add Apollo tko --at '2026-12-08 10:00' --host Bo >/dev/null

for size in "24 80" "15 60"; do
	set -- $size
	screen_run "$1" "$2" <<S
<Enter> <Save overview-$2x$1>
S
	golden "overview-$2x$1"
	for p in "1 Prepare" "2 Attendees" "3 Agenda" "4 Decisions" "5 Risks" "6 Outputs" "7 Actions"; do
		screen_has "overview-$2x$1" "^ +$p .* $p "
	done
	screen_has "overview-$2x$1" "KO is not held yet"
done
screen_has overview-60x15 "2026-12-01 10:00 · planned"
screen_has overview-80x24 "Host +Ana"

# 60x12: too short for all seven; the last row says more are left out.
screen_run 12 60 <<'S'
<Enter> <Save overview-60x12>
S
screen_has overview-60x12 "↓ more below"
screen_has overview-60x12 "^ +1 Prepare .* 1 Prepare "
