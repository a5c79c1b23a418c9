# The last connection to close folds the WAL into the database file and
# deletes it, a command's as well: with no other session open, the .db
# file alone is the whole database after every command, so a plain copy
# of it (a nightly cp or rsync, a file-sync tool) is a whole backup.  With
# another session open the WAL stays until the last one closes (a screen:
# tests/tui/test_restore.sh).
no_wal() { [ ! -e "$KICKOFF_DB-wal" ]; }

# A new database: its schema and first row are in the file itself.
expect_exit 0 "first command creates the database" ko project add Apollo
cp "$KICKOFF_DB" "$T_TMP/plain-copy.db"
version=$(ko doctor --json | jq -r .doctor.schema_version_supported)
expect_eq "a plain copy after creation has the schema and the row" \
	"$(sqlite3 "$T_TMP/plain-copy.db" 'PRAGMA user_version; SELECT name FROM project')" "$(printf '%s\nApollo' "$version")"
expect_exit 0 "meeting" ko meeting add Apollo ko

# Many writes: after each, no WAL, and a copy of the file alone has it.
left=0 missing=0
for i in $(seq 1 30); do
	ko action add Apollo/ko "Action $i" --owner Ana >/dev/null || fail "action add $i" "exit $?"
	no_wal || left=$((left + 1))
	cp "$KICKOFF_DB" "$T_TMP/each.db"
	[ "$(sqlite3 "$T_TMP/each.db" "SELECT count(*) FROM action WHERE text = 'Action $i'")" = 1 ] ||
		missing=$((missing + 1))
done
expect_eq "no command left a -wal file behind" "$left" 0
expect_eq "a plain copy after each command had its action" "$missing" 0
expect_eq "every action is read back" "$(ko action list --meeting Apollo/ko --json | jq '.actions | length')" 30

# Another connection open: a command is not the last to close, its pages
# wait in the WAL (every reader sees them); when the other one closes,
# the file alone has them.
python3 - "$KICKOFF_DB" "$T_TMP/open" "$T_TMP/close" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("SELECT count(*) FROM action").fetchone()
open(sys.argv[2], "w").close()
for _ in range(600):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.05)
c.close()
PY
holder=$!
for _ in $(seq 1 100); do [ -e "$T_TMP/open" ] && break; sleep 0.05; done
for i in $(seq 31 40); do ko action add Apollo/ko "Action $i" --owner Ana >/dev/null; done
if no_wal; then fail "with another session open the WAL stays" "no -wal file"
else ok "with another session open the WAL stays"; fi
expect_eq "another reader sees every action" "$(db_sql 'SELECT count(*) FROM action')" 40
touch "$T_TMP/close"
wait "$holder"
if no_wal; then ok "the last to close, the other session, removed the WAL"
else fail "the last to close, the other session, removed the WAL" "$(ls -l "$KICKOFF_DB-wal")"; fi
cp "$KICKOFF_DB" "$T_TMP/plain-copy2.db"
expect_eq "a plain copy then has every action" \
	"$(sqlite3 "$T_TMP/plain-copy2.db" 'SELECT count(*) FROM action')" 40
for i in $(seq 41 60); do ko action add Apollo/ko "Action $i" --owner Ana >/dev/null; done

# kickoff backup: a whole, single file, whatever the WAL holds.
expect_exit 0 "backup" ko backup "$T_TMP/b.db"
expect_eq "the backup has every action" "$(sqlite3 "$T_TMP/b.db" 'SELECT count(*) FROM action')" 60
expect_eq "the backup is one file" "$(ls "$T_TMP" | grep -c '^b\.db-')" 0

# doctor leaves no WAL either.
expect_exit 0 "doctor" ko doctor
expect_eq "no -wal file after doctor" "$(ls "$T_TMP" | grep -c "$(basename "$KICKOFF_DB")-wal")" 0
expect_eq "integrity" "$(db_sql 'PRAGMA integrity_check')" ok

# ---- restore ----
# While a session has the database open a WAL is beside it, so a backup
# copied over the file would have that WAL replayed over it; kickoff
# restore writes the backup in through the live database instead.
ko backup --force "$T_TMP/early.db" >/dev/null
for i in $(seq 1 40); do ko decision add Apollo/ko "Decision $i" >/dev/null; done
for i in 1 2 3 4; do ko action add Apollo/ko "Late $i" --owner Li >/dev/null; done
expect_exit 0 "restore" ko restore "$T_TMP/early.db"
expect_match "restore says what it kept" "$OUT" "the database as it was is in $KICKOFF_DB.before-restore"
expect_eq "restored: integrity" "$(ko doctor --json | jq -r .doctor.integrity)" ok
expect_eq "restored: still in WAL mode" "$(db_sql 'PRAGMA journal_mode')" wal
expect_eq "restored: the early rows, not the later ones" \
	"$(db_sql 'SELECT count(*) FROM decision; SELECT count(*) FROM action')" "$(printf '0\n60')"
expect_eq "the database as it was is kept" \
	"$(sqlite3 "$KICKOFF_DB.before-restore" 'SELECT count(*) FROM decision; SELECT count(*) FROM action')" \
	"$(printf '40\n64')"
expect_exit 0 "writes go on after a restore" ko action add Apollo/ko "After restore" --owner Li
expect_eq "and are there" "$(db_sql "SELECT count(*) FROM action WHERE text = 'After restore'")" 1

# While a session has the database open: it sees the restore.
python3 - "$KICKOFF_DB" "$T_TMP/ready" "$T_TMP/restored" >"$T_TMP/reader.out" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("SELECT count(*) FROM action").fetchone()
open(sys.argv[2], "w").close()
for _ in range(600):
    if os.path.exists(sys.argv[3]):
        break
    time.sleep(0.1)
print(c.execute("SELECT count(*) FROM action").fetchone()[0])
PY
reader=$!
for _ in $(seq 1 100); do [ -e "$T_TMP/ready" ] && break; sleep 0.1; done
expect_exit 0 "restore while another session reads" ko restore "$T_TMP/early.db"
touch "$T_TMP/restored"
wait "$reader"
expect_eq "the open session sees the restored rows" "$(cat "$T_TMP/reader.out")" 60

# Refused: nothing changed.
before=$(db_sql 'SELECT count(*) FROM action')
printf 'not a database\n' >"$T_TMP/notes.txt"
expect_exit 3 "restore from a text file" ko restore "$T_TMP/notes.txt"
expect_match "names the problem" "$ERR" "^kickoff: restore: '.*notes.txt' is not a kickoff database"
cp "$T_TMP/early.db" "$T_TMP/newer.db" && sqlite3 "$T_TMP/newer.db" 'PRAGMA user_version=99'
expect_exit 3 "restore from a newer kickoff's backup" ko restore "$T_TMP/newer.db"
expect_match "says upgrade" "$ERR" "schema version 99.*upgrade kickoff"
expect_exit 2 "restore from a missing file" ko restore "$T_TMP/none.db"
expect_exit 1 "restore without a file" ko restore
expect_exit 2 "restore of the database itself" ko restore "$KICKOFF_DB"
expect_eq "nothing changed by the refusals" "$(db_sql 'SELECT count(*) FROM action')" "$before"
expect_eq "integrity after the refusals" "$(db_sql 'PRAGMA integrity_check')" ok

# Into a database that does not exist yet: made private, no copy kept.
expect_exit 0 "restore into a new file" ko --db "$T_TMP/fresh.db" restore "$T_TMP/early.db"
expect_eq "the new file is private" "$(stat -c %a "$T_TMP/fresh.db")" 600
expect_eq "the new file has the rows" "$(sqlite3 "$T_TMP/fresh.db" 'SELECT count(*) FROM action')" 60
