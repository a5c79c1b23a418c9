# The seed's people and follow-ups on the screens: the Attendees phase
# names the expected roles nobody present holds (a KO without the
# customer's representative says so), the attendee form offers the roles
# with Ctrl-N and Ctrl-P (free text still taken), and s on the Actions
# phase lists the suggested actions: Enter accepts one with an owner, d
# and y drop one, u undoes.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko Ana --role "Project manager" --present >/dev/null
ko attendee add Apollo/ko Carla --role "Sponsor (CFO)" --present >/dev/null
ko attendee add Apollo/ko Dan --role "Customer representative" >/dev/null

screen_run 24 200 <<'S'
<Enter> <Enter> 2 <Save att-missing>
a Bea <Tab> <C-n> <C-n> <Save att-form-role> <Enter> <Save att-added>
a Eve <Tab> <C-p> <Save att-form-last> <C-u> Quality<Space>lead <Enter> <Save att-free>
S
screen_has att-missing "missing: Customer representative, Business owner, Key stakeholder, Team member( +│)?$"
if grep -q "missing:.*Sponsor" "$T_TMP/att-missing"; then fail "a role held by someone present" "listed as missing"
else ok "a role held by someone present is not missing"; fi
if grep -q "missing:.*Project manager" "$T_TMP/att-missing"; then fail "Project manager held" "listed"
else ok "Project manager held"; fi
screen_has att-form-role "Role +▸ Customer representative"
screen_has att-form-role "Ctrl-N, Ctrl-P: the expected ones"
screen_has att-form-last "Role +▸ Team member"
expect_eq "the offered role is saved" "$(db_sql "SELECT role FROM attendee WHERE name = 'Bea'")" \
	"Customer representative"
expect_eq "free text still taken" "$(db_sql "SELECT role FROM attendee WHERE name = 'Eve'")" "Quality lead"
# Bea is invited, not present: the role is still missing.
screen_has att-added "missing: Customer representative"

ko attendee present Apollo/ko Bea >/dev/null
screen_run 24 200 <<'S'
<Enter> <Enter> 2 <Save att-present>
7 <Save act-phase> s <Save sug-list>
j <Enter> Ana <Tab> 2026-12-10 <Save sug-form> <Enter> <Save sug-accepted>
g d <Save sug-drop-ask> y <Save sug-dropped>
u <Save sug-undone>
q <Save act-after>
S
if grep -q "missing:.*Customer representative" "$T_TMP/att-present"; then
	fail "present: no longer missing" "still listed"; else ok "present: no longer missing"; fi
screen_has act-phase "s: 4 suggested"
screen_has sug-list "Apollo › KO › Suggested actions"
screen_has sug-list "1 Detailed project management plan: tasks and schedule"
screen_has sug-list "4 Communication plan"
screen_has sug-form "Accept the suggested action"
screen_has sug-accepted "accepted: it is an action now"
screen_has sug-accepted "2 Risk measures"
if grep -q "Resource allocation" "$T_TMP/sug-accepted"; then fail "accepted one leaves the list" "still there"
else ok "accepted one leaves the list"; fi
screen_has sug-drop-ask "Drop the suggested action 'Detailed project management plan"
screen_has sug-dropped "dropped \(u undoes\)"
screen_has sug-dropped "1 Risk measures"
screen_has sug-undone "1 Detailed project management plan"
screen_has act-after "Resource allocation +Ana +2026-12-10 +open"
screen_has act-after "s: 3 suggested"
expect_eq "the store: one accepted, the drop undone" \
	"$(db_sql "SELECT group_concat(text || '|' || owner || '|' || status, ';') FROM action")" \
	"Resource allocation|Ana|open"
