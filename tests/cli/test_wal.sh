# A command leaves its last changes in the -wal file beside the database
# instead of folding them into the file at every call (two fsyncs, more
# than the command itself); the WAL stays small, every reader sees it,
# and a new schema, doctor and `kickoff backup` always give a whole file.
wal_bytes() { stat -c %s "$KICKOFF_DB-wal" 2>/dev/null || echo 0; }

# A new database: its schema and first row are in the file itself.
expect_exit 0 "first command creates the database" ko project add Apollo
cp "$KICKOFF_DB" "$T_TMP/plain-copy.db"
version=$(ko doctor --json | jq -r .schema_version_supported)
expect_eq "a plain copy after creation has the schema and the row" \
	"$(sqlite3 "$T_TMP/plain-copy.db" 'PRAGMA user_version; SELECT name FROM project')" "$(printf '%s\nApollo' "$version")"
expect_exit 0 "meeting" ko meeting add Apollo ko

# Many writes: the WAL never holds more than the fold limit (100 pages)
# plus one command's pages, and every write is there for the next reader.
max=0
for i in $(seq 1 60); do
	ko action add Apollo/ko "Action $i" --owner Ana >/dev/null || fail "action add $i" "exit $?"
	b=$(wal_bytes)
	[ "$b" -gt "$max" ] && max=$b
done
page=$(db_sql 'PRAGMA page_size')
limit=$(( (100 + 40) * (page + 24) + 32 ))
if [ "$max" -gt 0 ] && [ "$max" -le "$limit" ]; then ok "WAL stays small: at most $max bytes (limit $limit)"
else fail "WAL stays small" "largest WAL $max bytes, limit $limit"; fi
expect_eq "every action is read back" "$(ko action list --meeting Apollo/ko --json | jq length)" 60
expect_eq "another reader sees them" "$(db_sql 'SELECT count(*) FROM action')" 60

# kickoff backup: a whole, single file, whatever the WAL holds.
expect_exit 0 "backup" ko backup "$T_TMP/b.db"
expect_eq "the backup has every action" "$(sqlite3 "$T_TMP/b.db" 'SELECT count(*) FROM action')" 60
expect_eq "the backup is one file" "$(ls "$T_TMP" | grep -c '^b\.db-')" 0

# doctor folds the WAL into the file when no other session is open.
expect_exit 0 "doctor" ko doctor
expect_eq "no -wal file after doctor" "$(ls "$T_TMP" | grep -c "$(basename "$KICKOFF_DB")-wal")" 0
cp "$KICKOFF_DB" "$T_TMP/plain-copy2.db"
expect_eq "a plain copy after doctor has every action" \
	"$(sqlite3 "$T_TMP/plain-copy2.db" 'SELECT count(*) FROM action')" 60
expect_eq "integrity" "$(db_sql 'PRAGMA integrity_check')" ok

# ---- restore ----
# A command leaves a WAL beside the database, so a backup copied over the
# file would have that WAL replayed over it; kickoff restore writes the
# backup in through the live database instead.
ko backup --force "$T_TMP/early.db" >/dev/null
for i in $(seq 1 40); do ko decision add Apollo/ko "Decision $i" >/dev/null; done
ko doctor >/dev/null                        # folds the WAL
for i in 1 2 3 4; do ko action add Apollo/ko "Late $i" --owner Li >/dev/null; done
expect_exit 0 "restore" ko restore "$T_TMP/early.db"
expect_match "restore says what it kept" "$OUT" "the database as it was is in $KICKOFF_DB.before-restore"
expect_eq "restored: integrity" "$(ko doctor --json | jq -r .integrity)" ok
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
