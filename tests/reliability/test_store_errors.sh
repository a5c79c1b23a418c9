# The database file in trouble: a full disk, a read-only file or folder,
# a truncated or overwritten file, a newer schema, not a kickoff file.
# Each gives exit 3 and one line naming the problem, and changes nothing.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
cases=0
refused_like() {       # EXIT REGEX CMD...
	local want=$1 re=$2
	shift 2
	cases=$((cases + 1))
	expect_exit "$want" "$*" "$@"
	expect_match "message of: $*" "$ERR" "$re"
}

# ---- a full disk: a 1 MiB tmpfs (SQLITE_FULL from the kernel's ENOSPC) ----
full="$T_TMP/full"
mkdir -p "$full"
if mount -t tmpfs -o size=1m,mode=0755 tmpfs "$full" 2>/dev/null; then
	trap 'umount "$full" 2>/dev/null' EXIT
	fdb="$full/k.db"
	check "project on the small disk" ko --db "$fdb" project add Apollo
	check "meeting on the small disk" ko --db "$fdb" meeting add Apollo ko
	big=$(head -c 60000 /dev/zero | tr '\0' f)
	added=0 status=0
	for i in $(seq 1 40); do
		ko --db "$fdb" decision add Apollo/ko "$i $big" >/dev/null 2>"$T_TMP/err" || { status=$?; break; }
		added=$((added + 1))
	done
	cases=$((cases + 1))
	expect_eq "the disk filled: exit 3" "$status" 3
	expect_eq "disk-full message" "$(cat "$T_TMP/err")" \
		"kickoff: decision add: commit: disk full; nothing was changed"
	KICKOFF_DB=$fdb
	expect_eq "every decision before it is there, the refused one is not" \
		"$(db_sql 'SELECT count(*) FROM decision')" "$added"
	integrity_ok "integrity on the full disk"
	# The program keeps running: reads work, and a small write is refused
	# cleanly again until there is room.
	check "reads on the full disk" ko --db "$fdb" decision list Apollo/ko
	refused_like 3 '^kickoff: item check: commit: disk full; nothing was changed$' ko --db "$fdb" item check Apollo/ko 1
	expect_eq "the refused tick is not stored" "$(db_sql 'SELECT count(*) FROM item WHERE checked_at IS NOT NULL')" 0
	mount -o remount,size=4m "$full"
	check "a write once there is room" ko --db "$fdb" item check Apollo/ko 1
	expect_eq "the tick is stored" "$(db_sql 'SELECT count(*) FROM item WHERE checked_at IS NOT NULL')" 1
	integrity_ok "integrity after the disk had room again"
	figure "disk-full: tmpfs of 1 MiB filled after $added decisions; refused with exit 3, nothing half-written"
	KICKOFF_DB=$T_TMP/test.db
	umount "$full"
	trap - EXIT
else
	fail "disk full" "cannot mount a tmpfs here (not root?); see docs/reliability.md"
fi

# ---- read-only: run as nobody, as root writes anything ----
# nobody runs a copy of the program: the checkout may be private.
user_bin=$(copy_for_user)
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
for d in rofile rodir; do
	mkdir "$T_TMP/$d"
	check "$d: project" ko --db "$T_TMP/$d/k.db" project add Apollo
	check "$d: meeting" ko --db "$T_TMP/$d/k.db" meeting add Apollo ko
	# The last connection to close folds the WAL into the database file.
	check "$d: doctor" ko --db "$T_TMP/$d/k.db" doctor
	expect_eq "$d: no -wal file left" "$(ls "$T_TMP/$d")" "k.db"
done
chmod 0755 "$T_TMP"
chown -R nobody:nogroup "$T_TMP/rofile" "$T_TMP/rodir"
chmod 0400 "$T_TMP/rofile/k.db"
chmod 0500 "$T_TMP/rodir"
refused_like 3 "^kickoff: decision add: record change: database '$T_TMP/rofile/k.db' is read-only$" \
	as_nobody env KICKOFF_DB="$T_TMP/rofile/k.db" "$user_bin/kickoff" decision add Apollo/ko x
check "a read-only file can still be read" as_nobody env KICKOFF_DB="$T_TMP/rofile/k.db" "$user_bin/kickoff" decision list Apollo/ko
refused_like 3 "^kickoff: decision add: open: folder '$T_TMP/rodir' of database '$T_TMP/rodir/k.db' is read-only \(the database needs its -wal and -shm files there\)$" \
	as_nobody env KICKOFF_DB="$T_TMP/rodir/k.db" "$user_bin/kickoff" decision add Apollo/ko x
chmod 0700 "$T_TMP/rodir"
rm -rf "$user_bin"
KICKOFF_DB=$T_TMP/rofile/k.db
expect_eq "nothing written to the read-only file" "$(db_sql 'SELECT count(*) FROM decision')" 0
KICKOFF_DB=$T_TMP/test.db

# ---- damaged files ----
check "project" ko project add Apollo
check "meeting" ko meeting add Apollo ko
for i in $(seq 1 30); do ko decision add Apollo/ko "decision $i $(head -c 3000 /dev/zero | tr '\0' d)" >/dev/null; done
db_sql 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp test.db good.db
size=$(stat -c %s good.db)
cp good.db half.db && truncate -s $((size / 2)) half.db
refused_like 3 "^kickoff: decision list: ('$T_TMP/half.db' is not a kickoff database \(or it is corrupt\)|.*database '$T_TMP/half.db' is corrupt \(.*\))$" \
	ko --db "$T_TMP/half.db" decision list Apollo/ko
refused_like 3 "^kickoff: decision add: " ko --db "$T_TMP/half.db" decision add Apollo/ko x
# A page in the middle overwritten with garbage (fixed, so the run repeats).
cp good.db garbage.db
python3 -c "
import random, sys
r = random.Random(6)
with open(sys.argv[1], 'r+b') as f:
    f.seek(4096 * 5); f.write(bytes(r.randrange(256) for _ in range(4096)))" garbage.db
refused_like 3 "^kickoff: decision list: .*database '$T_TMP/garbage.db' is corrupt \(database disk image is malformed\)$" \
	ko --db "$T_TMP/garbage.db" decision list Apollo/ko
refused_like 3 "^kickoff: decision add: .*corrupt" ko --db "$T_TMP/garbage.db" decision add Apollo/ko x
cp good.db header.db
printf 'this is not SQLite at all, nor a kickoff database, just garbage...' | dd of=header.db conv=notrunc status=none
refused_like 3 "^kickoff: project list: '$T_TMP/header.db' is not a kickoff database \(or it is corrupt\)$" ko --db "$T_TMP/header.db" project list
echo "hello" > text.db
refused_like 3 "^kickoff: project list: '$T_TMP/text.db' is not a kickoff database \(or it is corrupt\)$" ko --db "$T_TMP/text.db" project list
sqlite3 other.db 'CREATE TABLE x(a)'
refused_like 3 "^kickoff: project list: '$T_TMP/other.db' is an SQLite database but not a kickoff one$" ko --db "$T_TMP/other.db" project list
cp good.db newer.db && sqlite3 newer.db 'PRAGMA user_version = 99'
refused_like 3 "^kickoff: project list: '$T_TMP/newer.db' has schema version 99; this kickoff knows up to [0-9]+: upgrade kickoff$" ko --db "$T_TMP/newer.db" project list
expect_eq "the newer file is left as it was" "$(sqlite3 newer.db 'PRAGMA user_version')" 99
# None of this touched the good copy.
expect_eq "good copy intact" "$(sqlite3 good.db 'PRAGMA integrity_check')" ok
figure "store-errors: $cases cases tried (full disk, read-only file and folder, truncated, garbage page, header, text, foreign, newer schema)"
