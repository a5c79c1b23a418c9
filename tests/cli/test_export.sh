# kickoff export: golden Markdown and CSV of the seed's KO and TKO in
# English and Chinese, and every format read back by a real parser.
# KICKOFF_UPDATE_GOLDEN=1 rewrites the golden files instead of comparing.
. "$KICKOFF_TESTS/cli/seed_minutes.sh"
seed_en
seed_zh
golden="$KICKOFF_TESTS/golden"

compare_golden() {   # NAME FILE
	if [ -n "${KICKOFF_UPDATE_GOLDEN:-}" ]; then
		cp "$2" "$golden/$1"
		ok "golden $1 (written)"
	elif cmp -s "$2" "$golden/$1"; then
		ok "golden $1"
	else
		fail "golden $1" "$(diff "$golden/$1" "$2" | head -20)"
	fi
}

for m in Apollo/ko:en-ko Apollo/tko:en-tko 天河/ko:zh-ko 天河/tko:zh-tko; do
	spec=${m%%:*} name=${m##*:}
	expect_exit 0 "md $spec" ko export "$spec" --format md -o "$name.md"
	compare_golden "$name.md" "$name.md"
	expect_exit 0 "csv $spec" ko export "$spec" --format csv -o "$name.csv"
	compare_golden "$name.csv" "$name.csv"
	expect_exit 0 "csv risks $spec" ko export "$spec" --format csv --entity risks -o "$name-risks.csv"
	compare_golden "$name-risks.csv" "$name-risks.csv"
done

# stdout and -o give the same bytes.
ko export Apollo/ko --format md > stdout.md
expect_eq "stdout = file" "$(cmp stdout.md en-ko.md && echo same)" same
# A numeric meeting id names the same meeting.
ko export 1 --format md > byid.md
expect_eq "meeting by id" "$(cmp byid.md en-ko.md && echo same)" same
# A project exports both its meetings.
ko export Apollo --format md > apollo.md
expect_match "project md has both" "$(grep -c '^# ' apollo.md)" '^2$'

# ---- Markdown renders: headings and tables ----
if command -v cmark-gfm >/dev/null; then
	html=$(cmark-gfm -e table apollo.md)
	expect_match "md h1" "$html" '<h1>Kick-off — Apollo</h1>'
	expect_match "md h2" "$html" '<h2>Actions</h2>'
	expect_match "md table" "$html" '<table>'
	expect_eq "md tables" "$(printf '%s' "$html" | grep -c '<table>')" 10
	expect_match "md pipe kept in cell" "$html" 'Room 3 \| East wing'
	expect_match "md emphasis escaped" "$html" 'Needs \*two\* workshops; see \[notes\]'
	expect_match "md quoted name in cell" "$html" '<td>Bob &quot;the builder&quot; Stone</td>'
	zhhtml=$(ko export 天河/ko --format md | cmark-gfm -e table)
	expect_match "md zh heading" "$zhhtml" '<h2>后续行动</h2>'
	expect_match "md zh bold label" "$zhhtml" '<strong>项目</strong>：天河'
else
	fail "cmark-gfm" "not installed (make deps-test)"
fi
html=$(cmark apollo.md)
expect_match "cmark headings" "$html" '<h2>Decisions</h2>'
expect_match "cmark list" "$html" '<li>\[x\] 1. Project background'

# The agenda is a task list whose numbers are text, in CommonMark, GFM
# (cmark-gfm's tasklist) and pandoc's two readers: never a checkbox
# followed by an ordered list of one item.
html=$(cmark-gfm -e tasklist apollo.md)
expect_match "gfm task item" "$html" '<li><input type="checkbox" checked="" disabled="" /> 1. Project background'
expect_eq "gfm no ordered list" "$(printf '%s' "$html" | grep -c '<ol')" 0
for reader in gfm markdown; do
	html=$(pandoc -f $reader -t html apollo.md)
	expect_match "pandoc $reader task list" "$html" '<ul class="task-list">'
	expect_eq "pandoc $reader agenda item text" \
		"$(printf '%s\n' "$html" | grep -A1 'checkbox' | grep -c '^1\. Project background')" 1
	expect_eq "pandoc $reader no ordered list" "$(printf '%s' "$html" | grep -c '<ol')" 0
	expect_eq "pandoc $reader unticked items" "$(printf '%s' "$html" | grep -c '<input type="checkbox" disabled="" />')" \
		"$(grep -c '^- \[ \] [0-9]*\\\. ' apollo.md)"
done

# ---- JSON: jq reads it back ----
ko export Apollo --format json > apollo.json
expect_eq "json format" "$(jq -r .format apollo.json)" kickoff/1
expect_eq "json meetings" "$(jq '.project.meetings | length' apollo.json)" 2
expect_eq "json items" "$(jq '.project.meetings[0].items | length' apollo.json)" 13
expect_eq "json ticked" "$(jq '[.project.meetings[0].items[] | select(.checked_at)] | length' apollo.json)" 4
expect_eq "json tick who" "$(jq -r '.project.meetings[0].items[0].checked_by' apollo.json)" tester
expect_eq "json decision item" "$(jq '.project.meetings[0].decisions[0].item' apollo.json)" 3
expect_eq "json action done_at" "$(jq -r '.project.meetings[0].actions[0].done_at' apollo.json)" 2026-11-26T09:00:00Z
expect_eq "json action due null" "$(jq '.project.meetings[0].actions[2].due' apollo.json)" null
expect_eq "json note" "$(jq -r '.project.meetings[0].items[1].note' apollo.json | head -1)" 'Needs *two* workshops; see [notes]'
expect_eq "json key order" "$(jq -r '.project.meetings[0].actions[0] | keys_unsorted | join(",")' apollo.json)" \
	id,decision,text,owner,due,status,created_at,done_at,version
ko export 天河 --format json > zh.json
expect_match "json utf-8 unescaped" "$(cat zh.json)" '"name": "天河"'
expect_eq "json zh" "$(jq -r .project.meetings[1].decisions[0].text zh.json)" '采用微服务架构，接口使用REST'
check "json.tool reads it" /usr/bin/python3 -m json.tool zh.json

# ---- CSV: Python's csv module reads it back ----
ko export Apollo --format csv > actions.csv
got=$(/usr/bin/python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[2]["text"], rows[0]["status"], rows[3]["meeting"], rows[2]["due"] or "-", sep="|")
' actions.csv)
expect_eq "csv actions" "$got" '4|Collect "acceptance" criteria|done|tko|-'
expect_eq "csv CRLF" "$(head -1 actions.csv | tail -c 2 | od -An -tx1 | tr -d ' ')" 0d0a
ko export Apollo/ko --format csv --entity items > items.csv
got=$(/usr/bin/python3 -c '
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(len(rows), rows[1]["note"].count("\n"), rows[1]["checked"], rows[5]["checked"], sep="|")
' items.csv)
expect_eq "csv items (note with newlines)" "$got" '13|2|yes|no'
for e in decisions risks attendees outputs; do
	expect_exit 0 "csv $e" ko export 天河 --format csv --entity $e -o "zh-$e.csv"
done
got=$(/usr/bin/python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
print(len(rows) - 1, rows[0][6], rows[0][7], rows[1][3], rows[1][6], rows[1][7], rows[3][7], sep="|")
' zh-attendees.csv)
expect_eq "csv zh attendees" "$got" '5|email|status|王经理|wang@xingchen.example|present|regrets'
expect_exit 0 "csv bom" ko export 天河 --format csv --bom -o bom.csv
expect_eq "csv bom bytes" "$(head -c 3 bom.csv | od -An -tx1 | tr -d ' ')" efbbbf
got=$(/usr/bin/python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")))
print(list(rows[0].keys())[0], rows[0]["owner"], sep="|")
' bom.csv)
expect_eq "csv bom read" "$got" 'project|王经理'

# --spreadsheet: a byte order mark, and a field a spreadsheet would run as
# a formula (CSV injection) starts with a ' ; without it, values as stored.
ko project add Sheet >/dev/null && ko meeting add Sheet ko >/dev/null
ko action add Sheet/ko '=HYPERLINK("http://x.invalid","open me")' --owner '@evil' >/dev/null
ko action add --owner Ana --due 2027-01-02 Sheet/ko -- '-2+3 days' >/dev/null
ko action add Sheet/ko 'Plain, with a comma' --owner '+86 Li' >/dev/null
expect_exit 0 "csv --spreadsheet" ko export Sheet/ko --format csv --spreadsheet -o sheet.csv
expect_eq "csv --spreadsheet has the bom" "$(head -c 3 sheet.csv | od -An -tx1 | tr -d ' ')" efbbbf
got=$(/usr/bin/python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8-sig")):
    print(r["text"], r["owner"], r["due"], sep="|")
' sheet.csv)
expect_eq "csv --spreadsheet guards formulas only" "$got" "$(printf '%s\n' \
	"'=HYPERLINK(\"http://x.invalid\",\"open me\")|'@evil|" "'-2+3 days|Ana|2027-01-02" "Plain, with a comma|'+86 Li|")"
got=$(ko export Sheet/ko --format csv | /usr/bin/python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["text"], r["owner"], sep="|")
')
expect_eq "csv without --spreadsheet: values as stored" "$got" "$(printf '%s\n' \
	'=HYPERLINK("http://x.invalid","open me")|@evil' '-2+3 days|Ana' 'Plain, with a comma|+86 Li')"
expect_exit 1 "--spreadsheet is for csv" ko export Sheet/ko --format md --spreadsheet
expect_match "--spreadsheet is for csv: says so" "$ERR" "^kickoff: export: --spreadsheet is for --format csv"

# ---- iCalendar: python3-icalendar reads it back ----
ko export 天河 --format ics > zh.ics
ko export Apollo --format ics > en.ics
got=$(/usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
todos = cal.walk("VTODO"); events = cal.walk("VEVENT")
print(len(events), len(todos), sep="|")
print(*[str(t.get("DUE").dt) for t in todos], sep=",")
print(str(todos[0]["SUMMARY"]))
print(len(events[0].get("ATTENDEE")), str(events[0]["DTSTART"].dt))
print(str(todos[0]["STATUS"]), str(todos[0]["ATTENDEE"].params["CN"]), sep="|")
print(str(events[0]["ORGANIZER"]), str(events[0]["ORGANIZER"].params["CN"]), sep="|")
for a in events[0].get("ATTENDEE"):
    print(str(a), a.params["CN"], a.params["PARTSTAT"], a.params["ROLE"], sep="|")
print(str(todos[0]["ATTENDEE"]))
' zh.ics)
expect_eq "ics zh" "$got" "2|3
2026-12-09,2026-12-12,2026-12-20
完成项目章程并提交给客户审批，包括范围说明书、目标说明书和进度计划，确保所有干系人签字确认
3 2026-12-02 09:30:00
NEEDS-ACTION|王经理
mailto:wang@xingchen.example|王经理
mailto:wang@xingchen.example|王经理|ACCEPTED|CHAIR
mailto:li@kehu.example|李总|ACCEPTED|REQ-PARTICIPANT
mailto:zhang@xingchen.example|张工|DECLINED|REQ-PARTICIPANT
mailto:wang@xingchen.example"
expect_eq "ics: never a made-up address" "$(grep -c 'invalid:' zh.ics en.ics | cut -d: -f2 | tr '\n' ' ')" "0 0 "
# The English seed's people have no address: no ORGANIZER, no ATTENDEE.
expect_eq "ics: nobody without an address" "$(grep -cE '^(ORGANIZER|ATTENDEE)' en.ics)" 0
expect_match "ics folded" "$(cat zh.ics)" '^ 、目标说明书'
longest=$(LC_ALL=C awk '{ if (length($0) > m) m = length($0) } END { print m }' zh.ics en.ics)
expect_eq "ics lines at most 75 octets + CR" "$longest" 76
expect_eq "ics CRLF everywhere" "$(LC_ALL=C grep -vc $'\r$' en.ics)" 0
got=$(/usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
todos = cal.walk("VTODO")
print(len(todos), str(todos[1]["SUMMARY"]), str(todos[0]["STATUS"]), todos[2].get("DUE"), sep="|")
print(str(cal.walk("VEVENT")[0]["DESCRIPTION"]))
' en.ics)
expect_eq "ics en" "$got" "4|Book the needs workshops, two rooms|COMPLETED|None
Align all parties on goals, scope, schedule and budget"
expect_match "ics escaped comma" "$(cat en.ics)" 'SUMMARY:Book the needs workshops\\, two rooms'
# Stable: the same bytes again, and the UIDs name the project and row.
ko export Apollo --format ics > en2.ics
expect_eq "ics stable" "$(cmp en.ics en2.ics && echo same)" same
expect_match "ics uid" "$(cat en.ics)" 'UID:20261126T090000Z-1-action-2@kickoff'
# A meeting without a date has no event, its actions still todos.
ko project add Solo >/dev/null && ko meeting add Solo ko >/dev/null
ko action add Solo/ko 'Pick a date' --owner Ana >/dev/null
got=$(ko export Solo --format ics | /usr/bin/python3 -c '
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
print(len(cal.walk("VEVENT")), len(cal.walk("VTODO")))')
expect_eq "ics no date" "$got" "0 1"

# ---- usage and lookup errors ----
expect_exit 1 "no format" ko export Apollo
expect_exit 1 "bad format" ko export Apollo --format pdf
expect_exit 1 "entity without csv" ko export Apollo --format md --entity risks
expect_exit 1 "bad entity" ko export Apollo --format csv --entity people
expect_exit 2 "unknown project" ko export Nobody --format md
expect_match "unknown named" "$ERR" "no project or meeting named 'Nobody'"
expect_exit 2 "unknown meeting" ko export Apollo/xko --format md
expect_exit 2 "unknown id" ko export 999 --format md
