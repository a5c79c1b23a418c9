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
