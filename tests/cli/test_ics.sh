# iCalendar as calendars read it: one-line SUMMARY, SEQUENCE and
# LAST-MODIFIED that move with each change, and libical's RFC 5546
# restriction check (in the unit suite); here python3-icalendar reads it.
ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' --host Ann >/dev/null
ko attendee add Apollo/ko Bob --present >/dev/null
ko action add Apollo/ko "$(printf 'Draft the charter\nwith the sponsor')" --owner Ann --due 2026-12-08 >/dev/null

read_ics() {
	/usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for c in cal.walk():
    if c.name in ("VEVENT", "VTODO"):
        print(c.name, c.get("SEQUENCE"), c.get("LAST-MODIFIED").dt.isoformat() if c.get("LAST-MODIFIED") else "-",
              repr(str(c.get("SUMMARY"))), repr(str(c.get("DESCRIPTION", ""))), sep="|")
print("METHOD", cal.get("METHOD"), sep="|")
' "$1"
}

ko export Apollo/ko --format ics -o one.ics
got=$(read_ics one.ics)
expect_match "todo summary is the first line" "$got" "VTODO\|0\|[^|]*\|'Draft the charter'\|'with the sponsor"
expect_match "event has a sequence" "$got" 'VEVENT\|0\|2026-11-26T09:00:00\+00:00\|'
expect_match "no METHOD" "$got" 'METHOD\|None'
expect_eq "no line break in any SUMMARY" "$(grep -c '^SUMMARY:.*\\n' one.ics)" 0

# A change later: the same UID with a higher SEQUENCE and a newer
# LAST-MODIFIED, so a calendar updates the entry instead of adding one.
KICKOFF_NOW='2026-11-27 15:30' ko meeting set Apollo/ko --place 'Room 3' >/dev/null
KICKOFF_NOW='2026-11-27 15:31' ko action done 1 >/dev/null
ko export Apollo/ko --format ics -o two.ics
got=$(read_ics two.ics)
expect_match "event sequence moved on" "$got" 'VEVENT\|1\|2026-11-27T15:30:00\+00:00\|'
expect_match "todo sequence moved on" "$got" 'VTODO\|1\|2026-11-27T15:31:00\+00:00\|'
expect_eq "same UIDs" "$(grep '^UID' one.ics | sort)" "$(grep '^UID' two.ics | sort)"

# khal (a vdir calendar client) takes the second export as an update of
# the first: one event, with the new place.
mkdir -p khal/cal
cat > khal/config <<KHAL
[calendars]
[[work]]
path = $T_TMP/khal/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
KHAL
check "khal imports the export" khal -c khal/config import --batch -a work one.ics
check "khal imports the updated export" khal -c khal/config import --batch -a work two.ics
expect_eq "khal holds one event, not two" "$(ls khal/cal | wc -l)" 1
expect_eq "khal has the update" "$(cat khal/cal/*.ics | grep -c 'LOCATION:Room 3')" 1
expect_match "khal lists it once" "$(khal -c khal/config list 2026-12-01 1d)" '10:00-11:50 Kick-off — Apollo'
