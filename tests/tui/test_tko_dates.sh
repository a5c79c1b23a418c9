# Prepare of a TKO dated before its KO warns, as it does while the KO is
# not held; the warning goes once the TKO is dated after the KO.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-10 10:00' >/dev/null
ko meeting set Apollo/ko --status held >/dev/null
ko meeting add Apollo tko --at '2026-12-01 10:00' >/dev/null 2>&1

screen_run <<'S'
<Enter> j <Enter> <Save tko-before-ko>
q k <Enter> <Save ko-prepare> q
S
screen_has tko-before-ko "⚠ The TKO is dated before the KO \(2026-12-10 10:00\)\."
if grep -q "dated before" "$T_TMP/ko-prepare"; then fail "the KO's own Prepare says nothing" "warned"; else ok "the KO's own Prepare says nothing"; fi

ko meeting set Apollo/tko --at '2026-12-11 10:00' >/dev/null
screen_run <<'S'
<Enter> j <Enter> <Save tko-after-ko>
S
screen_has tko-after-ko "Date and time +2026-12-11 10:00"
if grep -q "dated before" "$T_TMP/tko-after-ko"; then fail "no warning after the KO" "still shown"; else ok "no warning after the KO"; fi
