# The Actions screen: sorted by due date (undated last, then in the order
# added), and its filter finds an action by owner and status as well as text.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' >/dev/null 2>&1
ko action add Apollo/ko 'No date yet' --owner Ana >/dev/null
ko action add Apollo/ko 'Due last' --owner Wei --due 2026-12-20 >/dev/null
ko action add Apollo/ko 'Due first' --owner Ana --due 2026-11-30 >/dev/null
ko action add Apollo/ko 'Also undated' --owner Bo >/dev/null
ko action add Apollo/ko 'Due between' --owner Bo --due 2026-12-05 >/dev/null
ko action done 5 >/dev/null

screen_run <<'S'
<Enter> <Enter> 7 <Save actions-sorted>
/ Wei <Enter> <Save actions-by-owner>
/ <C-u> done <Enter> <Save actions-by-status>
/ <C-u> <Enter> G <Space> <Save actions-last-ticked>
S
order=$(grep -oE 'No date yet|Due last|Due first|Also undated|Due between' "$T_TMP/actions-sorted" | tr '\n' ',')
expect_eq "sorted by due, undated last in the order added" "$order" "Due first,Due between,Due last,No date yet,Also undated,"
screen_has actions-by-owner "Due last"
if grep -qE "Due first|No date yet|Due between" "$T_TMP/actions-by-owner"; then fail "owner filter" "other owners shown"; else ok "owner filter"; fi
screen_has actions-by-status "Due between"
if grep -qE "Due first|Due last|No date yet|Also undated" "$T_TMP/actions-by-status"; then fail "status filter" "open actions shown"; else ok "status filter"; fi
# Space acts on the row shown under the cursor, not the one at that place in the store.
expect_eq "Space on the last row shown" "$(db_sql "SELECT text FROM action WHERE status='done' AND text<>'Due between'")" "Also undated"
