# From the KO into the TKO: --from-ko and --invite, risk carry (once),
# decision states with agreed_at, overdue outputs, exports and re-import.
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko Ann --role 'Project manager' >/dev/null
ko attendee add Apollo/ko Wei --role 'Tech lead' >/dev/null
ko attendee add Apollo/ko Cai --role '测试工程师' >/dev/null
expect_exit 0 "KO risk" ko risk add Apollo/ko 'Vendor late' --impact high
expect_exit 2 "no TKO to carry into" ko risk carry 1
expect_match "no TKO message" "$ERR" "has no TKO to carry the risk into"
expect_exit 2 "unknown invitee" ko meeting add Apollo tko --invite Zed
expect_eq "nothing made" "$(db_sql "SELECT count(*) FROM meeting WHERE kind='tko'")" 0
expect_exit 0 "TKO from the KO" ko meeting add Apollo tko --from-ko
expect_eq "technical ones invited" "$(db_sql "SELECT group_concat(a.name) FROM attendee a JOIN meeting m ON m.id=a.meeting_id WHERE m.kind='tko' ORDER BY a.id")" "Wei,Cai"
expect_exit 0 "carry" ko risk carry 1
expect_eq "carried_from" "$(db_sql "SELECT carried_from FROM risk WHERE meeting_id=2")" 1
expect_exit 2 "carry twice" ko risk carry 1
expect_match "twice message" "$ERR" "already carried into the TKO as risk 2"
expect_eq "no duplicate" "$(db_sql "SELECT count(*) FROM risk")" 2
expect_exit 0 "proposed" ko decision add Apollo/ko 'Budget' --state proposed
expect_eq "proposed has no agreed_at" "$(db_sql "SELECT state||'|'||coalesce(agreed_at,'-') FROM decision")" "proposed|-"
KICKOFF_NOW='2026-11-27 10:00' expect_exit 0 "agree" ko decision state 1 agreed
expect_eq "agreed_at now" "$(db_sql "SELECT state||'|'||agreed_at FROM decision")" "agreed|2026-11-27T10:00:00Z"
expect_exit 0 "reject" ko decision state 1 rejected
expect_eq "agreed_at cleared" "$(db_sql "SELECT state||'|'||coalesce(agreed_at,'-') FROM decision")" "rejected|-"
expect_exit 1 "bad state" ko decision state 1 maybe
ko output set Apollo/ko 1 --due 2026-11-01 >/dev/null
expect_exit 0 "output list" ko output list Apollo/ko
expect_match "overdue output" "$OUT" ' 1  .* +2026-11-01 +OVERDUE'
ko export Apollo --format json -o a.json
expect_match "json state" "$(cat a.json)" '"state": "rejected"'
expect_match "csv carried_from" "$(ko export Apollo --format csv --entity risks)" 'carried_from'
jq '.project.name = "Apollo 2"' a.json > b.json
expect_exit 0 "re-import with new ids" ko import b.json
expect_eq "carried link follows" "$(db_sql "SELECT r.carried_from = k.id FROM risk r JOIN meeting m ON m.id=r.meeting_id JOIN project p ON p.id=m.project_id JOIN risk k ON k.text=r.text AND k.meeting_id<>r.meeting_id JOIN meeting km ON km.id=k.meeting_id AND km.project_id=p.id WHERE p.name='Apollo 2' AND m.kind='tko'")" 1
