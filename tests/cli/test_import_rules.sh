# kickoff import: every rule the JSON reader takes from the entity
# description (src/model/entity.c) - kinds, limits, choices, links, the
# rules between fields - named with its line and path, one line, exit 2,
# nothing written; and a long template title that imports.
. "$KICKOFF_TESTS/cli/seed_minutes.sh"
seed_en
ko export Apollo --format json > apollo.json
before=$(db_state)

# NAME  JQ-EDIT  LINE  MESSAGE (exact)
while IFS='|' read -r name edit line msg; do
	[ -n "$name" ] || continue
	jq ".project.name = \"Apollo 2\" | $edit" apollo.json > case.json
	expect_exit 2 "rule: $name" ko import case.json
	expect_eq "rule: $name message" "$ERR" "kickoff: import: case.json: line $line: $msg"
	expect_eq "rule: $name nothing written" "$(db_state)" "$before"
done <<'CASES'
language|.project.lang = "fr"|8|project.lang: must be one of en, zh
language length|.project.lang = "english"|8|project.lang: is too long (7 bytes; at most 2)
template required|.project.template = ""|9|project.template: must not be empty
project stamp|.project.created_at = "x"|10|project.created_at: must be a time 'YYYY-MM-DDTHH:MM:SSZ'
meeting time|.project.meetings[0].starts_at = "2026-13-01 10:00"|17|project.meetings[0].starts_at: must be 'YYYY-MM-DD HH:MM' or null
meeting status|.project.meetings[0].status = "done"|21|project.meetings[0].status: must be one of planned, held, closed
attendee status|.project.meetings[0].attendees[0].status = "away"|30|project.meetings[0].attendees[0].status: must be one of invited, present, regrets
attendee e-mail|.project.meetings[0].attendees[0].email = "ana at acme"|29|project.meetings[0].attendees[0].email: must be an e-mail address such as ann@example.com
attendee e-mail empty|.project.meetings[0].attendees[0].email = ""|29|project.meetings[0].attendees[0].email: must not be empty
required name|.project.meetings[0].attendees[0].name = " "|26|project.meetings[0].attendees[0].name: must not be empty
same id twice|.project.meetings[0].attendees[1].id = .project.meetings[0].attendees[0].id|34|project.meetings[0].attendees[1].id: id 1 is used twice
item position|.project.meetings[0].items[1].position = 5|69|project.meetings[0].items[1].position: must be 2 (items are numbered 1, 2, ...)
ticked without who|.project.meetings[0].items[0].checked_by = null|59|project.meetings[0].items[0].checked_by: must be set exactly when checked_at is
who without tick|.project.meetings[0].items[9].checked_by = "x"|185|project.meetings[0].items[9].checked_by: must be set exactly when checked_at is
item link range|.project.meetings[0].decisions[0].item = 99|239|project.meetings[0].decisions[0].item: must be from 1 to 13
stamp length|.project.meetings[0].decisions[0].decided_at = ("x" * 25)|243|project.meetings[0].decisions[0].decided_at: is too long (25 bytes; at most 20)
level|.project.meetings[0].risks[0].likelihood = "huge"|264|project.meetings[0].risks[0].likelihood: must be one of low, medium, high
output position|.project.meetings[0].outputs[1].position = 1|285|project.meetings[0].outputs[1].position: must be 2 (outputs are numbered 1, 2, ...)
output status|.project.meetings[0].outputs[0].status = "x"|278|project.meetings[0].outputs[0].status: must be one of todo, drafting, done
done without time|.project.meetings[0].actions[0].done_at = null|363|project.meetings[0].actions[0].done_at: must be set exactly when status is done
time without done|.project.meetings[0].actions[1].done_at = "2026-11-26T09:00:00Z"|374|project.meetings[0].actions[1].done_at: must be set exactly when status is done
empty due|.project.meetings[0].actions[0].due = ""|360|project.meetings[0].actions[0].due: must not be empty
missing version|del(.project.meetings[0].actions[0].version)|355|project.meetings[0].actions[0].version: missing
missing link|del(.project.meetings[0].risks[0].item)|259|project.meetings[0].risks[0].item: missing
planned minutes|.project.meetings[0].items[2].planned_minutes = 1441|88|project.meetings[0].items[2].planned_minutes: must be from 0 to 1440
clock seconds|.project.meetings[0].items[2].clock_seconds = -1|91|project.meetings[0].items[2].clock_seconds: must be from 0 to 2147483647
clock stamp|.project.meetings[0].items[2].clock_started_at = "now"|90|project.meetings[0].items[2].clock_started_at: must be a time 'YYYY-MM-DDTHH:MM:SSZ'
decision state|.project.meetings[0].decisions[0].state = "maybe"|242|project.meetings[0].decisions[0].state: must be one of proposed, agreed, rejected
agreed time of a proposal|.project.meetings[0].decisions[0].state = "proposed"|244|project.meetings[0].decisions[0].agreed_at: must be null unless state is agreed
carried from nowhere|.project.meetings[1].risks[0].carried_from = 9999|580|project.meetings[1].risks[0].carried_from: no risk 9999 in a meeting before this one
CASES

# A template's agenda titles may be longer than a typed name: they import.
jq '.project.name = "Apollo 3" | .project.meetings[0].items[0].title = ("x" * 300)' apollo.json > long.json
expect_exit 0 "long item title imports" ko import long.json
expect_eq "long item title kept" "$(ko export 'Apollo 3' --format json | jq -r '.project.meetings[0].items[0].title | length')" 300

# A file written before attendees had an address and a status has the
# flags invited and present: present reads as the status, no address.
jq '.project.name = "Apollo old" | .project.meetings[0].attendees |= map(del(.email, .status)
	| .invited = true | .present = (.name != "Bob \"the builder\" Stone"))' apollo.json > old.json
expect_exit 0 "a file with the old attendee flags imports" ko import old.json
expect_eq "present became the status" \
	"$(db_sql "SELECT group_concat(a.status || '/' || coalesce(a.email, '-'), ',') FROM attendee a
	           JOIN meeting m ON m.id = a.meeting_id JOIN project p ON p.id = m.project_id
	           WHERE p.name = 'Apollo old' AND m.kind = 'ko'")" "present/-,invited/-,present/-"
