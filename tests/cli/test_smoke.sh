# The seed's first steps by command line: a project, its KO, a tick.
expect_exit 0 "project add" ko project add Apollo --customer ACME
expect_exit 0 "meeting add ko" ko meeting add Apollo ko --at '2026-12-01 10:00'
expect_exit 0 "item check" ko item check Apollo/ko 1
expect_eq "tick stored" "$(db_sql "SELECT checked_by FROM item WHERE position = 1")" tester
