# The seed's people and follow-ups in the templates: template show lists
# each kind's expected roles and suggested actions in both languages; a
# template file without them (written before them) still loads and gets
# the seed's; action suggest lists what the meeting has not taken up,
# action accept makes one an action with an owner, action dismiss drops
# one (kept as a dropped action), and undo brings a suggestion back.

expect_exit 0 "show standard" ko template show standard
printf '%s\n' "$OUT" > standard.json
expect_eq "KO roles in English" "$(jq -r '.ko.en.roles | join(",")' standard.json)" \
	"Sponsor/Decision maker,Customer representative,Project manager/PM,Business owner,Key stakeholder,Team member"
expect_eq "KO roles in Chinese" "$(jq -r '.ko.zh.roles | join(",")' standard.json)" \
	"发起人/决策者,客户代表,项目经理/PM,业务负责人,关键干系人,团队成员"
expect_eq "TKO roles" "$(jq -r '.tko.en.roles | join(",")' standard.json)" \
	"Tech lead/Technical lead,Architect,Developer,Tester/QA,Operations/Ops"
expect_eq "TKO roles in Chinese" "$(jq '.tko.zh.roles | length' standard.json)" 5
expect_eq "KO follow-ups" "$(jq -r '.ko.en.actions | join(",")' standard.json)" \
	"Detailed project management plan: tasks and schedule,Resource allocation,Risk measures,Communication plan"
expect_eq "TKO follow-ups in Chinese" "$(jq -r '.tko.zh.actions | join(",")' standard.json)" \
	"开发计划：具体步骤与任务,测试计划：具体步骤与任务,环境计划：具体步骤与任务"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
expect_exit 0 "suggest" ko action suggest Apollo/ko
expect_eq "numbered" "$(printf '%s\n' "$OUT" | head -n 2)" "1  Detailed project management plan: tasks and schedule
2  Resource allocation"
expect_exit 0 "suggest --json" ko action suggest Apollo/ko --json
expect_eq "json shape" "$(printf '%s' "$OUT" | jq -c '{format, first: .suggestions[0]}')" \
	'{"format":"kickoff-list/1","first":{"n":1,"text":"Detailed project management plan: tasks and schedule"}}'

expect_exit 0 "accept 2" ko action accept Apollo/ko 2 --owner Ann --due 2026-12-10
expect_match "says" "$OUT" "added action 1"
expect_eq "stored as an open action with its owner" \
	"$(db_sql "SELECT text || '|' || owner || '|' || due || '|' || status FROM action")" \
	"Resource allocation|Ann|2026-12-10|open"
expect_exit 0 "suggest after" ko action suggest Apollo/ko --json
expect_eq "accepted one left the list, the others renumbered" \
	"$(printf '%s' "$OUT" | jq -r '.suggestions | map("\(.n) \(.text)") | join(",")')" \
	"1 Detailed project management plan: tasks and schedule,2 Risk measures,3 Communication plan"
expect_exit 0 "on the board" ko board --json
json_eq "the accepted one is on the board" "$OUT" 'map(.text) | join(",")' "Resource allocation"

expect_exit 0 "dismiss 1" ko action dismiss Apollo/ko 1
expect_match "says" "$OUT" "kept as dropped action 2"
expect_eq "kept dropped" "$(db_sql "SELECT status || '|' || owner FROM action WHERE id = 2")" "dropped|tester"
expect_exit 0 "suggest" ko action suggest Apollo/ko
expect_eq "two left" "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 2
expect_exit 0 "undo the drop" ko undo
expect_exit 0 "suggest" ko action suggest Apollo/ko
expect_match "back after undo" "$(printf '%s\n' "$OUT" | head -n 1)" "^1  Detailed project management plan"

before=$(db_state)
refused 1 "accept without owner" "--owner is required" ko action accept Apollo/ko 1
refused 2 "a number past the list" "no suggested action 9 .there are 3." ko action accept Apollo/ko 9 --owner Ann
refused 2 "not a number" "must be a whole number" ko action accept Apollo/ko two --owner Ann
refused 2 "a bad due date" "invalid due date" ko action accept Apollo/ko 1 --owner Ann --due 2026-02-30
refused 1 "missing number" "missing meeting or number" ko action dismiss Apollo/ko
refused 2 "unknown meeting" "" ko action suggest Nope/ko
expect_eq "nothing written by the refusals" "$(db_state)" "$before"

# Chinese project: the Chinese suggestions.
ko project add 阿波罗 --lang zh >/dev/null
ko meeting add 阿波罗 tko >/dev/null 2>&1
expect_exit 0 "zh suggest" ko action suggest 阿波罗/tko
expect_match "Chinese follow-ups" "$OUT" "^1  开发计划：具体步骤与任务"

# A team's template with its own roles and follow-ups, and one written
# before them: it still loads, with the seed's.
cat > own.json <<'JSON'
{ "format": "kickoff-template/1", "name": "own",
  "ko": { "en": { "items": ["Goals"], "roles": ["Data owner"], "actions": ["Book the kickoff lunch"] } } }
JSON
cat > old.json <<'JSON'
{ "format": "kickoff-template/1", "name": "old",
  "ko": { "en": { "items": ["Goals", "Scope"], "outputs": ["Charter"] } } }
JSON
expect_exit 0 "import own" ko template import own.json
expect_exit 0 "import old" ko template import old.json
ko project add Own --template own --lang en >/dev/null
ko project add Old --template old --lang en >/dev/null
ko meeting add Own ko >/dev/null
ko meeting add Old ko >/dev/null
expect_exit 0 "own suggest" ko action suggest Own/ko
expect_eq "the template's own" "$OUT" "1  Book the kickoff lunch"
expect_exit 0 "old suggest" ko action suggest Old/ko --json
json_eq "an old file gets the seed's" "$OUT" 'length' 4
expect_exit 0 "show old" ko template show old
expect_eq "shown as it was imported" "$(printf '%s' "$OUT" | jq -c '.ko.en | keys')" '["items","outputs"]'
cat > badroles.json <<'JSON'
{ "format": "kickoff-template/1", "name": "bad", "ko": { "en": { "items": ["a"], "roles": "PM" } } }
JSON
refused 2 "roles not a list" "ko.roles must be a list of texts" ko template import badroles.json
