# kickoff template list|show|import, and a project made with a template.
expect_exit 0 "list" ko template list
expect_match "list has standard" "$OUT" 'standard +\(built in\)'
expect_exit 0 "show standard" ko template show standard
printf '%s\n' "$OUT" > standard.json
expect_eq "standard format" "$(jq -r .format standard.json)" kickoff-template/1
expect_eq "standard ko items" "$(jq '.ko.en.items | length' standard.json)" 13
expect_eq "standard tko outputs" "$(jq '.tko.zh.outputs | length' standard.json)" 9
expect_eq "standard zh item" "$(jq -r '.ko.zh.items[7]' standard.json)" '进度计划/主要里程碑'

# What show prints, import reads (under another name).
jq '.name = "copy"' standard.json > copy.json
expect_exit 0 "import the shown one" ko template import copy.json
expect_exit 0 "show copy" ko template show copy
expect_eq "copy shown back" "$(printf '%s\n' "$OUT" | jq -c 'del(.name)')" "$(jq -c 'del(.name)' standard.json)"

cat > lean.json <<'JSON'
{
  "format": "kickoff-template/1",
  "name": "lean",
  "ko": {
    "en": { "items": ["Goals", "Scope", "Who does what"], "outputs": ["One-page charter"] },
    "zh": { "items": ["目标", "范围", "分工"], "outputs": ["一页章程"] }
  }
}
JSON
expect_exit 0 "import lean" ko template import lean.json
expect_match "import says" "$OUT" "imported template 'lean'"
expect_exit 0 "list json" ko template list --json
expect_eq "list names" "$(printf '%s' "$OUT" | jq -r '[.templates[].name] | join(",")')" standard,copy,lean
expect_exit 0 "project with lean" ko project add Small --template lean --lang zh
expect_exit 0 "its KO" ko meeting add Small ko
expect_eq "lean items" "$(ko item list Small/ko --json | jq -r '[.items[].title] | join(",")')" 目标,范围,分工
expect_exit 0 "its TKO (built-in, no tko part)" ko meeting add Small tko
expect_eq "tko from standard" "$(ko item list Small/tko --json | jq '.items | length')" 10

before=$(db_state)
expect_exit 2 "import twice" ko template import lean.json
expect_match "twice message" "$ERR" "a template named 'lean' already exists"
jq '.name = "standard"' lean.json > std.json
expect_exit 2 "built-in name" ko template import std.json
jq '.format = "other/1" | .name = "x"' lean.json > fmt.json
expect_exit 2 "bad format" ko template import fmt.json
expect_match "bad format message" "$ERR" 'format must be "kickoff-template/1"'
jq '.name = "x" | .ko.en.items = []' lean.json > empty.json
expect_exit 2 "empty items" ko template import empty.json
jq '.name = "x" | .ko.en.items[1] = 3' lean.json > typed.json
expect_exit 2 "item not a text" ko template import typed.json
expect_match "item message" "$ERR" 'ko.items\[1\] must be a non-empty text'
jq '.name = "x" | .ko.fr = .ko.en' lean.json > lang.json
expect_exit 2 "unknown language" ko template import lang.json
printf '{"format": "kickoff-template/1",\n' > broken.json
expect_exit 2 "broken JSON" ko template import broken.json
expect_match "broken names line" "$ERR" 'line 2'
expect_eq "failed imports wrote nothing" "$(db_state)" "$before"
expect_exit 2 "show unknown" ko template show nope
expect_exit 2 "project with unknown template" ko project add P --template nope

# Planned minutes per item: the built-in ones shown, a team's own read
# (one per item, 0 for none) into every new meeting's agenda; a list of
# the wrong length or a number out of range refused, nothing stored.
expect_eq "standard ko minutes" "$(jq -c '.ko.en.minutes[:3]' standard.json)" "[5,10,10]"
expect_eq "one minute figure per item" "$(jq '.ko.en.minutes | length' standard.json)" 13
cat > timed.json <<'JSON'
{ "format": "kickoff-template/1", "name": "timed",
  "ko": { "en": { "items": ["Goals", "Scope", "Close"], "minutes": [15, 0, 5] } } }
JSON
expect_exit 0 "import timed" ko template import timed.json
expect_exit 0 "project with timed" ko project add Timed --template timed
expect_exit 0 "its KO" ko meeting add Timed ko --at '2026-12-01 10:00'
expect_eq "items' planned minutes from the template" \
	"$(ko item list Timed/ko --json | jq -c '[.items[].planned_minutes]')" "[15,0,5]"
expect_match "the meeting ends as planned" "$(ko meeting show Timed/ko --json | jq -r .meeting.timing.planned_end)" "2026-12-01 10:20"
expect_exit 0 "shown back" ko template show timed
expect_eq "timed shown with its minutes" "$(printf '%s' "$OUT" | jq -c '.ko.en.minutes')" "[15,0,5]"
before=$(db_state)
jq '.name = "short" | .ko.en.minutes = [15, 5]' timed.json > short.json
expect_exit 2 "minutes of the wrong length" ko template import short.json
expect_match "wrong length message" "$ERR" "ko.minutes must be a list of 3 numbers, one per item"
jq '.name = "long" | .ko.en.minutes = [15, 1441, 5]' timed.json > long.json
expect_exit 2 "minutes out of range" ko template import long.json
expect_match "out of range message" "$ERR" "ko.minutes\[1\] must be minutes from 0 to 1440"
jq '.name = "text" | .ko.en.minutes = [15, "ten", 5]' timed.json > text.json
expect_exit 2 "minutes not a number" ko template import text.json
expect_eq "nothing stored by the refused ones" "$(db_state)" "$before"
