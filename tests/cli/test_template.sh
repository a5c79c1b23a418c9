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
