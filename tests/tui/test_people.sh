# The Attendees screen: the status column, Space moving it on (invited,
# present, sent regrets, invited), the form's e-mail field refusing what
# is not an address, and the host among the attendees.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko --host Ann >/dev/null
ko attendee add Apollo/ko Bob --email bob@example.com >/dev/null
screen_run <<'S'
<Enter> <Enter> 2 G <Space> <Save people-present>
S
screen_has people-present "present +Bob +bob@example.com"
screen_has people-present "invited +Ann +host"
expect_eq "Space: present" "$(db_sql "SELECT status FROM attendee WHERE name = 'Bob'")" present
screen_run <<'S'
<Enter> <Enter> 2 G <Space>
S
expect_eq "Space again: sent regrets" "$(db_sql "SELECT status FROM attendee WHERE name = 'Bob'")" regrets
screen_run <<'S'
<Enter> <Enter> 2 G <Space>
S
expect_eq "and again: invited" "$(db_sql "SELECT status FROM attendee WHERE name = 'Bob'")" invited

# The form's address: a bad one is refused in the form, a good one saved.
before=$(db_state)
screen_run <<'S'
<Enter> <Enter> 2 a Cy <Tab> <Tab> <Tab> cy<Space>at<Space>example <Enter> <Save people-bad-email>
S
screen_has people-bad-email "invalid e-mail address 'cy at example'"
screen_has people-bad-email "E-mail +▸ cy at example"   # the form stays open
expect_eq "a bad address writes nothing" "$(db_state)" "$before"
screen_run <<'S'
<Enter> <Enter> 2 a Cy <Tab> <Tab> <Tab> cy@example.com <Enter>
S
expect_eq "a good one is saved" "$(db_sql "SELECT email, status FROM attendee WHERE name = 'Cy'")" "cy@example.com|invited"
