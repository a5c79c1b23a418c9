# --json of the list and show verbs: {"format": "kickoff-list/1", LIST: rows},
# each row the export's own row for it (docs/formats.md), the extra
# context a list across meetings needs after the export's keys.
. "$KICKOFF_TESTS/cli/seed_minutes.sh"
seed_en
ko export Apollo --format json -o "$T_TMP/apollo.json" >/dev/null
exported() { jq -S "$1" "$T_TMP/apollo.json"; }   # FILTER, keys sorted
listed() {   # FILTER VERB...: the verb's --json through FILTER, keys sorted
	local f=$1; shift
	ko "$@" --json | jq -S "$f"
}

for kind in ko tko; do
	m=".project.meetings[] | select(.kind == \"$kind\")"
	for list in attendees items decisions risks outputs; do
		verb=${list%s}
		expect_eq "$verb list Apollo/$kind: the format" \
			"$(ko "$verb" list "Apollo/$kind" --json | jq -r '.format')" kickoff-list/1
		expect_eq "$verb list Apollo/$kind: only the format and $list" \
			"$(ko "$verb" list "Apollo/$kind" --json | jq -c 'keys_unsorted')" "[\"format\",\"$list\"]"
		want=$(exported "$m | .$list")
		expect_match "$verb list Apollo/$kind: the export has rows" "$(printf %s "$want" | jq length)" '^[1-9]'
		expect_eq "$verb list Apollo/$kind: the export's rows" \
			"$(listed ".$list" "$verb" list "Apollo/$kind")" "$want"
	done

	# action list spans meetings: the export's keys, then the context.
	rows=$(ko action list --meeting "Apollo/$kind" --json)
	expect_eq "action list Apollo/$kind: the format" "$(printf %s "$rows" | jq -r .format)" kickoff-list/1
	expect_eq "action list Apollo/$kind: the export's keys first, then the context" \
		"$(printf %s "$rows" | jq -c '[.actions[0] | keys_unsorted[]]')" \
		"$(jq -c "[$m | .actions[0] | keys_unsorted[]] + [\"project\", \"meeting\", \"meeting_id\", \"overdue\"]" "$T_TMP/apollo.json")"
	expect_eq "action list Apollo/$kind: the export's values" \
		"$(printf %s "$rows" | jq -S '[.actions[] | del(.project, .meeting, .meeting_id, .overdue)]')" \
		"$(exported "[$m | .actions[]]")"
	expect_eq "action list Apollo/$kind: the meeting's spec and id" \
		"$(printf %s "$rows" | jq -r '[.actions[] | "\(.project) \(.meeting) \(.meeting_id)"] | unique | join(",")')" \
		"Apollo Apollo/$kind $(jq -r "$m | .id" "$T_TMP/apollo.json")"

	# meeting show: the export's meeting row without its lists.
	show=$(ko meeting show "Apollo/$kind" --json)
	expect_eq "meeting show Apollo/$kind: format and meeting" "$(printf %s "$show" | jq -c keys_unsorted)" '["format","meeting"]'
	expect_eq "meeting show Apollo/$kind: the export's meeting row" \
		"$(printf %s "$show" | jq -S '.meeting | del(.project, .meeting, .progress, .timing)')" \
		"$(exported "$m | del(.attendees, .items, .decisions, .risks, .outputs, .actions, .questions, .raci)")"
	expect_eq "meeting show Apollo/$kind: starts_at as the export has it" \
		"$(printf %s "$show" | jq -r .meeting.starts_at)" "$(jq -r "$m | .starts_at" "$T_TMP/apollo.json")"
	expect_eq "meeting show Apollo/$kind: its spec" "$(printf %s "$show" | jq -r .meeting.meeting)" "Apollo/$kind"

	# log names a meeting the way action list does.
	log=$(ko log "Apollo/$kind" --json)
	expect_eq "log Apollo/$kind: the format" "$(printf %s "$log" | jq -r .format)" kickoff-list/1
	expect_eq "log Apollo/$kind: the same spec and id as action list" \
		"$(printf %s "$log" | jq -r '[.changes[] | "\(.meeting) \(.meeting_id)"] | unique | join(",")')" \
		"$(printf %s "$rows" | jq -r '[.actions[] | "\(.meeting) \(.meeting_id)"] | unique | join(",")')"
done

# project list: the export's project row without its meetings, then progress.
pl=$(ko project list --json)
expect_eq "project list: format and projects" "$(printf %s "$pl" | jq -c keys_unsorted)" '["format","projects"]'
expect_eq "project list: the export's project row" \
	"$(printf %s "$pl" | jq -S '.projects[0] | del(.ko, .tko, .actions_open, .actions_overdue)')" \
	"$(exported '.project | del(.meetings)')"
expect_eq "project list: its progress after the export's keys" \
	"$(printf %s "$pl" | jq -c '.projects[0] | keys_unsorted[-4:]')" '["ko","tko","actions_open","actions_overdue"]'

# The rest of the list and show verbs carry the same format key.
for verb in "log" "template list" "doctor" "action list"; do
	# shellcheck disable=SC2086
	expect_eq "$verb --json: the format" "$(ko $verb --json | jq -r .format)" kickoff-list/1
done
