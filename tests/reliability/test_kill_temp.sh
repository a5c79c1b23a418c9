# kill -9 of backup and restore at random moments: the temporary copies
# they write (as big as the database, with SQLite's -journal beside them)
# never outlive the next backup, restore or doctor in that folder.  Each
# is killed 10 times (KICKOFF_KILLS overrides) on a database big enough
# that the copy takes a while; the files left are counted before and
# after one more run.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
want=${KICKOFF_KILLS:-10}

check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko
# Some 24 MB of drafts, written straight into the file.
sqlite3 "$KICKOFF_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 24000)
	INSERT INTO draft(who, meeting_id, what, text, saved_at)
	SELECT 'filler', NULL, 'filler', hex(randomblob(500)), '2026-01-01T00:00:00Z' FROM n"
check "the big database is still kickoff's" ko doctor
drafts=$(db_sql 'SELECT count(*) FROM draft')
mkdir -p "$T_TMP/bk"
# temps DIR: files in DIR that are neither a database, a backup nor a
# file of the test itself: what a killed run left (whatever its name).
temps() {
	ls -a "$1" | grep -Evc '^(\.|\.\.|test\.db|test\.db-wal|test\.db-shm|test\.db\.before-restore|bk|stderr|full\.db|out\.db|copy\.db|live\.db|live\.out|notes\..*)$'
}
ms() { date +%s%3N; }

# How long one run takes, to kill inside it.
t0=$(ms); check "a backup" ko backup "$T_TMP/bk/full.db"; t1=$(ms)
backup_ms=$((t1 - t0 > 20 ? t1 - t0 : 20))
t0=$(ms); check "a restore" ko restore "$T_TMP/bk/full.db"; t1=$(ms)
restore_ms=$((t1 - t0 > 20 ? t1 - t0 : 20))
figure "kill-temp: one backup of $(($(stat -c %s "$KICKOFF_DB") / 1048576)) MiB takes ${backup_ms} ms, a restore ${restore_ms} ms"

# kill_at MS CMD...: starts CMD and kills it with SIGKILL after 0..MS ms.
kill_at() {
	local span=$1; shift
	"$@" >/dev/null 2>&1 &
	local pid=$!
	sleep "$(awk -v r="$RANDOM" -v s="$span" 'BEGIN { printf "%.3f", r % s / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

# ---- backup ----
for i in $(seq 1 "$want"); do kill_at "$backup_ms" "$KICKOFF" backup --force "$T_TMP/bk/out.db"; done
left=$(temps "$T_TMP/bk")
figure "kill-temp: $want killed backups left $left temporary files"
check "one more backup" ko backup --force "$T_TMP/bk/out.db"
expect_eq "no temporary file left after it" "$(temps "$T_TMP/bk")" 0
expect_eq "only the backups themselves are there" "$(ls -a "$T_TMP/bk" | grep -v '^\.\.\?$' | sort | tr '\n' ' ')" "full.db out.db "
expect_eq "the backup is whole" "$(sqlite3 "$T_TMP/bk/out.db" 'PRAGMA integrity_check; SELECT count(*) FROM draft')" "$(printf 'ok\n%s' "$drafts")"

# ---- restore ----
for i in $(seq 1 "$want"); do kill_at "$restore_ms" "$KICKOFF" restore "$T_TMP/bk/full.db"; done
left=$(temps "$T_TMP")
figure "kill-temp: $want killed restores left $left temporary files"
integrity_ok "after the killed restores the database is sound"
check "one more restore" ko restore "$T_TMP/bk/full.db"
expect_eq "no temporary file left beside the database" "$(temps "$T_TMP")" 0
expect_eq "restored whole" "$(db_sql 'SELECT count(*) FROM draft')" "$drafts"
integrity_ok "integrity after the restore"

# ---- doctor sweeps too ----
for i in $(seq 1 3); do kill_at "$backup_ms" "$KICKOFF" backup --force "$T_TMP/copy.db"; done
left=$(temps "$T_TMP")
expect_exit 0 "doctor" ko doctor
expect_eq "doctor left no temporary file" "$(temps "$T_TMP")" 0
if [ "$left" -gt 0 ]; then
	expect_match "doctor says what it removed" "$OUT" "$left temporary files of killed backups or restores removed"
else
	ok "doctor says what it removed (the kills left nothing)"
fi

# ---- what is not stale stays ----
# A backup running now: its copy is not swept by a doctor meanwhile.
"$KICKOFF" backup --force "$T_TMP/live.db" >"$T_TMP/live.out" 2>&1 &
runner=$!
for _ in $(seq 1 200); do [ "$(temps "$T_TMP")" -gt 0 ] && break; sleep 0.005; done
seen=$(temps "$T_TMP")
ko doctor >/dev/null
wait "$runner"; rc=$?
if [ "$seen" -gt 0 ]; then ok "the running backup's copy was there during the doctor"
else ok "the running backup finished before its copy was seen (nothing to check)"; fi
expect_eq "the backup running during the doctor succeeded" "$rc" 0
expect_eq "and is whole" "$(sqlite3 "$T_TMP/live.db" 'PRAGMA integrity_check')" ok
# A name of ours for a process that started after the file was written
# (its number was reused): stale.  A live process older than the file,
# another user's file name pattern, a look-alike: kept.
old="$T_TMP/x.db.kickoff-tmp-$$-abcdef"
touch -d '2001-01-01' "$old" "$old-journal"
young="$T_TMP/x.db.kickoff-tmp-1-ghijkl"
touch "$young"
touch "$T_TMP/notes.kickoff-tmp-$$-ab" "$T_TMP/notes.kickoff-tmp-x-abcdef"
ko doctor >/dev/null
expect_eq "a reused process number's files are removed" "$(ls "$old" "$old-journal" 2>/dev/null | wc -l)" 0
expect_eq "a file of a live process older than it is kept" "$(ls "$young" 2>/dev/null | wc -l)" 1
expect_eq "names not made by kickoff are kept" "$(ls "$T_TMP"/notes.kickoff-tmp-* | wc -l)" 2
