# The KO carried into the TKO by keys: c on the KO's Risks carries the
# risk under the cursor (once: c again says where it went), and the TKO's
# Prepare lists the KO's decisions and open risks, Enter opening the row
# in the KO.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' --host Ana >/dev/null
ko decision add Apollo/ko 'Use microservices' --by Ana >/dev/null
ko risk add Apollo/ko 'Vendor API late' --impact high --owner Bob >/dev/null
ko risk add Apollo/ko 'Test data missing' --owner Cy >/dev/null
ko meeting set Apollo/ko --status held >/dev/null
ko meeting add Apollo tko --at '2026-12-08 10:00' >/dev/null

# KO (first on the overview), Risks, the second risk carried, then again.
screen_run <<'S'
<Enter> <Enter> 5 j c <Save ko-carried> c <Save ko-carried-again> q
S
screen_has ko-carried 'carried into the TKO as risk [0-9]+'
screen_has ko-carried-again 'already carried into the TKO as risk [0-9]+'
expect_eq "the second KO risk is in the TKO, linked to it" \
	"$(db_sql "SELECT r.text || '|' || k.text FROM risk r JOIN risk k ON k.id = r.carried_from JOIN meeting m ON m.id = r.meeting_id WHERE m.kind = 'tko'")" \
	"Test data missing|Test data missing"
expect_eq "carried once" "$(db_sql "SELECT count(*) FROM risk WHERE carried_from IS NOT NULL")" 1

# The TKO's Prepare: the KO's decision and open risks, Enter on the
# decision opens it in the KO (the KO's Decisions screen).
screen_run <<'S'
<Enter> j <Enter> <Save tko-prepare>
S
screen_has tko-prepare 'From the KO'
screen_has tko-prepare 'Use microservices'
screen_has tko-prepare 'Vendor API late'
screen_has tko-prepare 'Test data missing'
# The cursor goes from the Title through Prepare's six rows to the KO's
# lines (their headings are no rows): the decision, then the open risks.
screen_run <<'S'
<Enter> j <Enter> j j j j j j <Save tko-on-decision> <Enter> <Save ko-decision-opened>
S
screen_has tko-on-decision '▸ .*Use microservices'
screen_has ko-decision-opened 'KO › 4 Decisions'
screen_has ko-decision-opened '▸ .*Use microservices'
screen_run <<'S'
<Enter> j <Enter> j j j j j j j j <Save tko-on-risk> <Enter> <Save ko-risk-opened>
S
screen_has tko-on-risk '▸ Test data missing'
screen_has ko-risk-opened 'KO › 5 Risks'
screen_has ko-risk-opened '▸ Test data missing'
