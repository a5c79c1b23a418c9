# People: an attendee's e-mail address and status from the command line,
# the host among the attendees, and undo of both.
ko project add Apollo >/dev/null
expect_exit 0 "meeting add with a host" ko meeting add Apollo ko --host Ann
expect_exit 0 "attendee list --json" ko attendee list Apollo/ko --json
json_eq "the host is an attendee" "$OUT" '[.[] | .name + "/" + .role + "/" + .status] | join(",")' "Ann/host/invited"
json_eq "with no address: null" "$OUT" '.[0].email' null

expect_exit 0 "adding the host by name fills in the host's row" \
	ko attendee add Apollo/ko Ann --role PM --email ann@example.com --status present
expect_match "says so" "$OUT" '^updated attendee Ann \(id 1\), the host$'
expect_exit 0 "add with an address" ko attendee add Apollo/ko Bob --email ' bob@example.com ' --status regrets
expect_exit 0 "add without" ko attendee add Apollo/ko Cy
expect_exit 0 "attendee list --json" ko attendee list Apollo/ko --json
json_eq "one row each" "$OUT" '[.[] | .name + "/" + .role + "/" + (.email // "-") + "/" + .status] | join(",")' \
	"Ann/PM/ann@example.com/present,Bob//bob@example.com/regrets,Cy//-/invited"
expect_exit 0 "attendee list (text)" ko attendee list Apollo/ko
expect_match "text list has the columns" "$OUT" 'E-MAIL +STATUS'
expect_match "text list has the address and status" "$OUT" 'Bob +bob@example.com +regrets'
expect_eq "stored NULL when empty" "$(db_sql "SELECT count(*) FROM attendee WHERE email IS NULL")" 1

refused 2 "a bad address" "invalid e-mail address 'bob at example' \(want one like ann@example.com\)" \
	ko attendee add Apollo/ko Dee --email 'bob at example'
refused 2 "two @" "invalid e-mail address" ko attendee add Apollo/ko Dee --email 'a@b@c'
refused 2 "a dot at the end" "invalid e-mail address" ko attendee add Apollo/ko Dee --email 'dee.@example.com'
refused 1 "a bad status" "--status must be invited, present or regrets, not 'away'" \
	ko attendee add Apollo/ko Dee --status away

# attendee set changes what is given, nothing else.
expect_exit 0 "attendee set --status" ko attendee set Apollo/ko Cy --status present --email cy@example.com
expect_match "says so" "$OUT" '^attendee Cy saved$'
expect_eq "set wrote both" "$(db_sql "SELECT email, status, role FROM attendee WHERE name = 'Cy'")" "cy@example.com|present|"
expect_exit 0 "attendee set --email ''" ko attendee set Apollo/ko Cy --email ''
expect_eq "cleared to NULL" "$(db_sql "SELECT email IS NULL, status FROM attendee WHERE name = 'Cy'")" "1|present"
expect_exit 0 "undo" ko undo
expect_eq "undo brings the address back" "$(db_sql "SELECT email FROM attendee WHERE name = 'Cy'")" "cy@example.com"
refused 2 "set a bad address" "invalid e-mail address 'cy@'" ko attendee set Apollo/ko Cy --email 'cy@'
refused 1 "set nothing" "nothing to change" ko attendee set Apollo/ko Cy
refused 2 "set nobody" "no attendee named 'Zoe'" ko attendee set Apollo/ko Zoe --status present
expect_exit 0 "attendee present --undo" ko attendee present Apollo/ko Bob --undo
expect_eq "back to invited" "$(db_sql "SELECT status FROM attendee WHERE name = 'Bob'")" invited
expect_exit 0 "meeting show counts the present" ko meeting show Apollo/ko --json
json_eq "present 2 of 3" "$OUT" '.progress | "\(.present)/\(.attendees)"' "2/3"

# A new host joins the attendees, in the same change as the edit.
expect_exit 0 "meeting set --host" ko meeting set Apollo/ko --host Zed
expect_eq "Zed is an attendee, the host" "$(db_sql "SELECT role, status FROM attendee WHERE name = 'Zed'")" "host|invited"
expect_exit 0 "undo the host" ko undo
expect_eq "undo takes the host row away with it" "$(db_sql "SELECT count(*) FROM attendee WHERE name = 'Zed'")" 0
expect_exit 0 "a host already an attendee" ko meeting set Apollo/ko --host Bob
expect_eq "is not added twice" "$(db_sql "SELECT count(*) FROM attendee WHERE name = 'Bob'")" 1

# A Chinese project's host has the role in Chinese.
ko project add 天河 --lang zh >/dev/null
ko meeting add 天河 ko --host 王经理 >/dev/null
expect_eq "主持人" "$(db_sql "SELECT role FROM attendee WHERE name = '王经理'")" "主持人"
expect_exit 0 "the zh host by name" ko attendee add 天河/ko 王经理 --email wang@example.com
expect_eq "fills in the host's row" "$(db_sql "SELECT count(*), max(email) FROM attendee WHERE name = '王经理'")" "1|wang@example.com"
