# Undo and redo with two and three people on one database: nothing
# someone else wrote goes without their name being said and --force; what
# --force reports as undone is undone; a change that cannot be undone any
# more is skipped with a message and older ones stay reachable; redo
# survives unrelated changes.
as() { local who=$1; shift; KICKOFF_USER=$who "$KICKOFF" "$@"; }
counts() { db_sql "SELECT (SELECT count(*) FROM project) || '/' || (SELECT count(*) FROM meeting) || '/' || (SELECT count(*) FROM decision) || '/' || (SELECT count(*) FROM item)"; }

# ---- the reproduction: Ann's project, Bob's meeting and decision ----
as ann project add Apollo >/dev/null
as bob meeting add Apollo ko >/dev/null
as bob decision add Apollo/ko 'Budget 100k' >/dev/null
refused 2 "undo under bob's rows" 'undo: "add project: «Apollo»": bob added rows under it: meeting Apollo/ko, 1 decision; undo anyway with --force$' \
	env KICKOFF_USER=ann "$KICKOFF" undo
expect_eq "everything still there" "$(counts)" 1/1/1/13
KICKOFF_USER=ann expect_exit 0 "undo --force" ko undo --force
expect_eq "forced undo says what it undid" "$OUT" "undone: add project: «Apollo»"
expect_eq "everything named went" "$(counts)" 0/0/0/0

# Bob's own undo: nothing of his is left to restore, so never "undone".
KICKOFF_USER=bob expect_exit 2 "bob's undo --force cannot undo a removed decision" ko undo --force
expect_eq "nothing on stdout" "$OUT" ""
expect_eq "says why and that it skipped" "$ERR" \
	'kickoff: undo: cannot undo "add decision" any more: ann removed its rows since; skipped it, so the next undo reaches older changes'
expect_eq "nothing restored" "$(counts)" 0/0/0/0
KICKOFF_USER=bob expect_exit 2 "the next undo reaches bob's older change" ko undo
expect_match "and skips it too" "$ERR" 'cannot undo "add KO meeting" any more'
KICKOFF_USER=bob expect_exit 2 "then nothing is left" ko undo
expect_match "says so" "$ERR" "nothing of yours to undo"
expect_exit 0 "log" ko log
expect_match "log marks the skipped change" "$OUT" "bob +add decision: «Budget 100k»  \(skipped\)"
expect_match "log shows the skip" "$OUT" "bob +undo skipped: add decision: «Budget 100k»"
expect_exit 0 "log --json" ko log --json
json_eq "json: skipped" "$OUT" '[.[] | select(.summary == "add decision")][0].skipped' true
json_eq "json: not undone" "$OUT" '[.[] | select(.summary == "add decision")][0].undone' false

# ---- redo after an unrelated change by the same user ----
export KICKOFF_DB="$T_TMP/redo.db"
as ann project add Hermes >/dev/null
as ann meeting add Hermes ko >/dev/null
as ann item check Hermes/ko 1 >/dev/null
KICKOFF_USER=ann expect_exit 0 "undo the tick" ko undo
as ann item check Hermes/ko 2 >/dev/null
KICKOFF_USER=ann expect_exit 0 "redo after ticking another item" ko redo
expect_eq "redo says what" "$OUT" "redone: tick item: «Project background»"
expect_eq "both ticked" "$(db_sql "SELECT count(*) FROM item WHERE checked_at IS NOT NULL")" 2
# A later change to the same row blocks redo, naming who made it.
KICKOFF_USER=ann expect_exit 0 "undo the redone tick" ko undo
expect_eq "item 1 unticked again" "$(db_sql "SELECT checked_at IS NULL FROM item WHERE position = 1")" 1
as bob item check Hermes/ko 1 >/dev/null
refused 2 "redo over bob's tick" 'redo: "tick item: «Project background»": bob changed it since: 1 agenda item; redo anyway with --force$' \
	env KICKOFF_USER=ann "$KICKOFF" redo
KICKOFF_USER=ann expect_exit 0 "redo --force" ko redo --force
expect_eq "ann's tick again" "$(db_sql "SELECT checked_by FROM item WHERE position = 1")" ann

# ---- undo that would remove someone else's later edit; three people ----
export KICKOFF_DB="$T_TMP/edit.db"
as ann project add Zeus >/dev/null
as ann meeting add Zeus tko >/dev/null 2>&1
as ann action add Zeus/tko 'Write plan' --owner Li >/dev/null
as bob action done 1 >/dev/null
as cy meeting set Zeus/tko --place 'Room 1' >/dev/null
refused 2 "undo over bob's edit" '"add action: «Write plan»": bob changed it since: 1 action; undo anyway' \
	env KICKOFF_USER=ann "$KICKOFF" undo
KICKOFF_USER=bob expect_exit 0 "bob undoes his own edit" ko undo
KICKOFF_USER=ann expect_exit 0 "then ann's undo asks nothing" ko undo
expect_eq "the action went" "$(db_sql "SELECT count(*) FROM action")" 0
refused 2 "undo of the meeting names cy" '"add TKO meeting: «Technical Kick-off»": cy changed it since: meeting Zeus/tko; undo anyway' \
	env KICKOFF_USER=ann "$KICKOFF" undo
as dee decision add Zeus/tko 'Go' >/dev/null
refused 2 "two people named" 'dee added rows under it: 1 decision; cy changed it since: meeting Zeus/tko;' \
	env KICKOFF_USER=ann "$KICKOFF" undo

# ---- the stuck case: same name, then the older change is reachable ----
export KICKOFF_DB="$T_TMP/name.db"
as ann project add Old >/dev/null
as ann project add Apollo >/dev/null
as ann project delete Apollo >/dev/null
as bob project add Apollo --customer Acme >/dev/null
KICKOFF_USER=ann expect_exit 2 "undo of the delete cannot be done" ko undo
expect_eq "names bob's project" "$ERR" \
	"kickoff: undo: cannot undo \"delete project\" any more: bob's project Apollo is in the way; skipped it, so the next undo reaches older changes"
KICKOFF_USER=ann expect_exit 2 "--force cannot either" ko undo --force
expect_match "adding Apollo: its rows are gone" "$ERR" 'cannot undo "add project" any more: ann removed its rows since'
KICKOFF_USER=ann expect_exit 0 "the next undo reaches the oldest change" ko undo
expect_eq "it undid Old" "$(db_sql "SELECT group_concat(name || ':' || customer) FROM project")" "Apollo:Acme"

# ---- a column name that is SQL is never run ----
export KICKOFF_DB="$T_TMP/hostile.db"
as ann project add Apollo >/dev/null
as ann meeting add Apollo ko >/dev/null
as ann action add Apollo/ko 'Write plan' --owner Li >/dev/null
as ann action done 1 >/dev/null
db_sql 'ALTER TABLE action ADD COLUMN "text = upper(text), due"'
KICKOFF_USER=ann ko undo >/dev/null 2>&1
expect_eq "the column's SQL did not run" "$(db_sql "SELECT text FROM action")" "Write plan"
