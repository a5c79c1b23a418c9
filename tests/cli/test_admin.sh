# kickoff backup, doctor and __complete.

expect_exit 0 "project add" ko project add Apollo --customer ACME
expect_exit 0 "ko" ko meeting add Apollo ko
expect_exit 0 "tko" ko meeting add Apollo tko
expect_exit 0 "second project" ko project add 'Bei Jing 北京'
expect_exit 0 "its ko" ko meeting add 'Bei Jing 北京' ko
expect_exit 0 "action" ko action add Apollo/ko 'Write the charter' --owner ann

# Enough rows that a backup takes many small steps.
db_sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)
        INSERT INTO decision(meeting_id, text, decided_at)
        SELECT 1, 'decision ' || i || ' ' || hex(randomblob(60)), '2026-11-26T09:00:00Z' FROM n"

# ---- backup ----
expect_exit 0 "backup" ko backup "$T_TMP/copy.db"
expect_match "backup says so" "$OUT" "copy.db"
expect_eq "copy passes integrity_check" "$(sqlite3 "$T_TMP/copy.db" 'PRAGMA integrity_check')" ok
expect_eq "copy has the rows" "$(sqlite3 "$T_TMP/copy.db" 'SELECT count(*) FROM decision')" 4000
expect_eq "copy is one file (no WAL)" "$(sqlite3 "$T_TMP/copy.db" 'PRAGMA journal_mode')" delete
expect_eq "copy is private" "$(stat -c %a "$T_TMP/copy.db")" 600

before=$(md5sum < "$T_TMP/copy.db")
expect_exit 2 "backup refuses to overwrite" ko backup "$T_TMP/copy.db"
expect_match "names --force" "$ERR" "--force"
expect_eq "refused backup left the file alone" "$(md5sum < "$T_TMP/copy.db")" "$before"
expect_exit 0 "backup --force overwrites" ko backup --force "$T_TMP/copy.db"
expect_exit 1 "backup without a file" ko backup
expect_exit 1 "backup with two files" ko backup a.db b.db
expect_exit 2 "backup onto the database itself" ko backup --force "$KICKOFF_DB"
expect_exit 2 "backup of a missing database" ko --db "$T_TMP/none.db" backup "$T_TMP/x.db"
check "a missing database is not created by backup" test ! -e "$T_TMP/none.db"
expect_eq "no temporary files left" "$(ls "$T_TMP" | grep -c tmp-)" 0

# While another session writes in a loop, backups still finish whole.
(
	end=$((SECONDS + 4))
	i=0
	while [ $SECONDS -lt $end ]; do
		i=$((i + 1))
		"$KICKOFF" decision add Apollo/ko "written during backup $i" >/dev/null 2>&1 || echo "writer failed at $i" >&2
	done
) 2>"$T_TMP/writer.err" &
writer=$!
sleep 0.3
good=0
for n in 1 2 3 4 5; do
	if "$KICKOFF" backup --force "$T_TMP/live$n.db" >/dev/null 2>"$T_TMP/backup.err" &&
	   [ "$(sqlite3 "$T_TMP/live$n.db" 'PRAGMA integrity_check')" = ok ] &&
	   [ "$(sqlite3 "$T_TMP/live$n.db" 'SELECT count(*) >= 4000 FROM decision')" = 1 ]; then
		good=$((good + 1))
	else
		fail "backup $n during writes" "$(cat "$T_TMP/backup.err")"
	fi
done
wait "$writer"
expect_eq "every backup during writes opens and passes integrity_check" "$good" 5
expect_eq "the writer was never refused" "$(cat "$T_TMP/writer.err")" ""
written=$(db_sql "SELECT count(*) FROM decision WHERE text LIKE 'written during backup%'")
expect_match "the writer wrote while backups ran" "$written" '^[1-9][0-9]*$'

# ---- doctor ----
expect_exit 0 "doctor" ko doctor
expect_match "doctor: path" "$OUT" "$KICKOFF_DB"
expect_match "doctor: integrity" "$OUT" "integrity +ok"
expect_match "doctor: schema" "$OUT" "schema +version [0-9]+"
expect_match "doctor: file size" "$OUT" "file +[0-9]+"
expect_match "doctor: WAL" "$OUT" "WAL "
expect_match "doctor: row counts" "$OUT" "decisions +[0-9]{4}"
expect_exit 0 "doctor --json" ko doctor --json
expect_eq "doctor json integrity" "$(printf %s "$OUT" | jq -r .doctor.integrity_ok)" true
expect_eq "doctor json rows" "$(printf %s "$OUT" | jq -r .doctor.rows.project)" 2
expect_eq "doctor json schema" "$(printf %s "$OUT" | jq -r '.doctor | .schema_version == .schema_version_supported')" true
expect_exit 2 "doctor on a missing database" ko --db "$T_TMP/none.db" doctor
check "doctor does not create it" test ! -e "$T_TMP/none.db"
expect_exit 1 "doctor with an argument" ko doctor extra

# A damaged copy: doctor says so and exits 3.
cp "$T_TMP/copy.db" "$T_TMP/broken.db"
pages=$(sqlite3 "$T_TMP/broken.db" 'PRAGMA page_count')
dd if=/dev/urandom of="$T_TMP/broken.db" bs=4096 seek=$((pages / 2)) count=3 conv=notrunc 2>/dev/null
expect_exit 3 "doctor on a corrupt database exits 3" ko --db "$T_TMP/broken.db" doctor
expect_match "doctor names the failed check" "$OUT$ERR" "integrity"
printf 'not a database at all, just some text that is long enough to look like a header......' > "$T_TMP/text.db"
expect_exit 3 "doctor on a file that is not a database" ko --db "$T_TMP/text.db" doctor

# ---- __complete ----
expect_exit 0 "complete groups" ko __complete groups
expect_match "groups include project" "$OUT" "^project$|
project
"
for g in project meeting attendee item decision risk output action backup doctor; do
	printf '%s\n' "$OUT" | grep -qx "$g" && ok "group $g" || fail "group $g" "not in: $OUT"
done
printf '%s\n' "$OUT" | grep -q '^__' && fail "hidden verb offered" "$OUT" || ok "hidden verb not offered"
expect_exit 0 "complete verbs" ko __complete verbs project
expect_eq "project verbs" "$(printf '%s\n' "$OUT" | sort | tr '\n' ' ')" "add delete list "
expect_exit 0 "complete options" ko __complete options project add
expect_match "options of project add" "$(printf '%s' "$OUT" | tr '\n' ' ')" "--customer --code"
expect_exit 0 "complete projects" ko __complete projects
expect_eq "project names" "$OUT" "Apollo
Bei Jing 北京"
expect_exit 0 "complete meetings" ko __complete meetings
expect_eq "meeting names" "$OUT" "Apollo/ko
Apollo/tko
Bei Jing 北京/ko"
expect_exit 0 "complete actions" ko __complete actions
expect_eq "open action ids" "$OUT" "1"
# The bash completion itself: a name with spaces comes back quoted for
# the shell, whether the word so far is bare, escaped or opened by a quote.
complete_words() {
	( . "$(dirname "$KICKOFF")/completion/kickoff.bash"
	  COMP_WORDS=("$KICKOFF" "$@"); COMP_CWORD=$(($# ))
	  _kickoff; printf '%s\n' "${COMPREPLY[@]}" )
}
expect_eq "completion quotes a meeting name with spaces" "$(complete_words item check Bei)" 'Bei\ Jing\ 北京/ko'
expect_eq "completion after an escaped space" "$(complete_words item check 'Bei\ J')" 'Bei\ Jing\ 北京/ko'
# After an opening quote the name comes as it is: the shell puts it inside
# the quotes and closes them (a backslash there would be kept).
expect_eq "completion after an opening quote" "$(complete_words item check '"Bei')" 'Bei Jing 北京/ko'
expect_eq "completion of a project name" "$(complete_words meeting add B)" 'Bei\ Jing\ 北京'
expect_eq "completion offers every meeting of a prefix" "$(complete_words item check A)" "$(printf 'Apollo/ko\nApollo/tko')"
expect_exit 0 "complete on a missing database says nothing" ko --db "$T_TMP/none.db" __complete projects
expect_eq "nothing" "$OUT" ""
check "and creates nothing" test ! -e "$T_TMP/none.db"
expect_exit 0 "help does not list __complete" ko --help
printf '%s' "$OUT" | grep -q __complete && fail "__complete in --help" "" || ok "__complete hidden"
