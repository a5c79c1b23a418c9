# A database whose schema is not kickoff's is refused: an extra trigger
# (one that deletes every decision as it is added), an extra column, an
# extra index, a changed CHECK, an extra view, a missing index.  Opened
# with --db, given to restore or looked at by doctor: exit 3, one line
# naming the difference, nothing changed (the hostile file and the live
# database alike).  kickoff's own databases, and those of every earlier
# version (tests/unit/test_migrate.c builds them), still open.

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko decision add Apollo/ko "Kept" >/dev/null
expect_exit 0 "a backup of the database" ko backup "$T_TMP/good.db"
expect_exit 0 "kickoff's own database opens" ko --db "$T_TMP/good.db" decision list Apollo/ko
expect_exit 0 "doctor: ok" ko doctor
expect_match "doctor shows the schema check" "$OUT" "schema check +ok"
json_eq "doctor --json: schema_ok" "$(ko doctor --json)" .schema_ok true

# hostile NAME SQL REGEX: a backup changed by SQL is refused everywhere.
hostile() {
	local name=$1 sql=$2 pat=$3 f="$T_TMP/$1.db" sum0 sum1
	cp "$T_TMP/good.db" "$f"
	sqlite3 "$f" "$sql" || fail "$name: fixture" "sqlite3 failed"
	sum0=$(sha256sum <"$f")
	expect_exit 3 "$name: open refused" ko --db "$f" decision add Apollo/ko "Lost?"
	expect_match "$name: open names it" "$ERR" "^kickoff: decision add: '.*$name.db' does not have kickoff's schema: ($pat)$"
	expect_eq "$name: open: one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
	expect_exit 3 "$name: read refused" ko --db "$f" project list
	sum1=$(sha256sum <"$f")
	expect_eq "$name: the file is untouched" "$sum1" "$sum0"
	expect_eq "$name: no side files made" "$(ls "$T_TMP" | grep -c "^$name\.db-")" 0
	# restore: refused, the live database as it was
	local before
	before=$(db_state)
	expect_exit 3 "$name: restore refused" ko restore "$f"
	expect_match "$name: restore names it" "$ERR" "^kickoff: restore: '.*$name.db' does not have kickoff's schema: ($pat)$"
	expect_eq "$name: restore: one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
	expect_eq "$name: the live database is unchanged" "$(db_state)" "$before"
	expect_eq "$name: no copy kept (nothing was restored)" "$(ls "$T_TMP" | grep -c 'before-restore\|kickoff-tmp')" 0
	expect_eq "$name: the backup is untouched" "$(sha256sum <"$f")" "$sum0"
	# doctor: reports it, exit 3
	expect_exit 3 "$name: doctor exits 3" ko --db "$f" doctor
	expect_match "$name: doctor reports it" "$OUT" "schema check +'.*$name.db' does not have kickoff's schema: ($pat)"
	expect_match "$name: and says so on stderr" "$ERR" "^kickoff: doctor: '.*$name.db' does not have kickoff's schema"
	json_eq "$name: doctor --json: schema_ok false" "$(ko --db "$f" doctor --json 2>/dev/null)" .schema_ok false
}

hostile trigger \
	"CREATE TRIGGER decision_cleanup AFTER INSERT ON decision BEGIN DELETE FROM decision; END;" \
	"an extra trigger 'decision_cleanup' on table 'decision'"
hostile column "ALTER TABLE decision ADD COLUMN note TEXT" \
	"table 'decision' is not defined as kickoff defines it"
hostile index "CREATE INDEX decision_by_text ON decision(text)" \
	"an extra index 'decision_by_text' on table 'decision'"
hostile view "CREATE VIEW everything AS SELECT * FROM decision" \
	"an extra view 'everything'"
hostile missing "DROP INDEX action_by_owner" \
	"index 'action_by_owner' is missing"
# A CHECK loosened: the same table with `length(text) >= 0` (empty
# decisions allowed), swapped in through writable_schema.
hostile check "PRAGMA writable_schema=ON;
	UPDATE sqlite_schema SET sql = replace(sql, 'CHECK (length(text) > 0)', 'CHECK (length(text) >= 0)') WHERE name = 'decision';" \
	"table 'decision' is not defined as kickoff defines it"
expect_eq "the CHECK fixture does differ" \
	"$(sqlite3 "$T_TMP/check.db" "SELECT instr(sql, 'length(text) >= 0') > 0 FROM sqlite_schema WHERE name = 'decision'")" 1
# A name with control characters is shown, not sent to the terminal.
hostile escape "CREATE TRIGGER \"x$(printf '\033')]2;owned$(printf '\007')\" AFTER INSERT ON risk BEGIN SELECT 1; END;" \
	"an extra trigger 'x.*owned.*' on table 'risk'"
if printf '%s' "$ERR" | grep -q "$(printf '\033')"; then fail "no ESC in the message" "$ERR"; else ok "no ESC in the message"; fi

# The trigger's own harm, shown by SQLite alone: what kickoff refuses.
sqlite3 "$T_TMP/trigger.db" "INSERT INTO decision(meeting_id, text, decided_at) VALUES (1, 'x', 'now')"
expect_eq "the hostile trigger would delete every decision" "$(sqlite3 "$T_TMP/trigger.db" 'SELECT count(*) FROM decision')" 0

# SQLite's own statistics (ANALYZE) are not a foreign schema.
cp "$T_TMP/good.db" "$T_TMP/analyzed.db"
sqlite3 "$T_TMP/analyzed.db" "ANALYZE"
expect_exit 0 "a database after ANALYZE opens" ko --db "$T_TMP/analyzed.db" decision list Apollo/ko
expect_exit 0 "and restores" ko restore "$T_TMP/analyzed.db"
expect_eq "restored: the decision is there" "$(db_sql "SELECT text FROM decision")" "Kept"
expect_exit 0 "doctor after the restore: ok" ko doctor
