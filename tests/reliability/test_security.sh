# No SQL from user text; private files; no write through a symlink; the
# warning flags stay on.
. "$KICKOFF_TESTS/reliability/kill-lib.sh"
src=${KICKOFF_SRC:-$KICKOFF_TESTS/..}

# ---- SQL only from literals (sql_literals.py lists the exceptions) ----
expect_exit 0 "every SQL argument in src/ is a literal or a documented case" \
	python3 "$KICKOFF_TESTS/reliability/sql_literals.py" "$src/src"
[ -n "$ERR" ] && echo "$ERR" >&2
expect_match "calls were found and checked" "$OUT" '^[1-9][0-9]+ SQL calls checked'
# The checker itself catches SQL built at run time.
mkdir -p planted/src/store
cp "$src"/src/store/*.c planted/src/store/
cat >> planted/src/store/project.c <<'C'
static void planted(struct store *st, const char *name)
{
	char *q = sqlite3_mprintf("SELECT * FROM project WHERE name = '%s'", name);
	sqlite3_exec(st->db, q, NULL, NULL, NULL);
	sqlite3_stmt *s = stmt(st, q);
}
C
expect_exit 1 "a planted sqlite3_exec of built SQL is caught" python3 "$KICKOFF_TESTS/reliability/sql_literals.py" planted/src
expect_match "it names the call" "$OUT" "FAIL src/store/project.c:[0-9]+: sqlite3_exec\(\) in planted\(\) gets SQL 'q'"
expect_match "and the stmt() call" "$OUT" "FAIL src/store/project.c:[0-9]+: stmt\(\) in planted\(\) gets SQL 'q'"

# ---- -Wformat=2 -Werror stay on ----
mk="$src/Makefile"
expect_match "WARN has -Wformat=2 and -Werror" "$(grep -E '^WARN[[:space:]]*:?=' "$mk")" '-Wformat=2.*-Werror|-Werror.*-Wformat=2'
expect_match "every compile uses WARN" "$(grep -E '^ALL_CFLAGS' -A2 "$mk" | tr -d '\n')" '\$\(WARN\)'
expect_eq "no rule drops -Werror" "$(grep -c -- '-Wno-error' "$mk")" 0

# ---- file modes: the database, its -wal and -shm, whatever the umask ----
( umask 000; ko project add Apollo >/dev/null; ko meeting add Apollo ko >/dev/null )
expect_eq "database is 0600 under umask 000" "$(stat -c %a test.db)" 600
# Keep a reader open so the -wal and -shm files exist while we look.
{ echo 'BEGIN; SELECT count(*) FROM project;'; sleep 2; echo 'COMMIT;'; } | sqlite3 test.db >/dev/null &
reader=$!
sleep 0.3
( umask 000; ko decision add Apollo/ko "draft-era" >/dev/null )
expect_eq "-wal is 0600" "$(stat -c %a test.db-wal 2>&1)" 600
expect_eq "-shm is 0600" "$(stat -c %a test.db-shm 2>&1)" 600
wait $reader
# Drafts live in the database (table draft), so they share its 0600.
expect_eq "drafts are in the database" "$(db_sql "SELECT count(*) FROM sqlite_schema WHERE name = 'draft'")" 1
# The default database's folder is made private.
( umask 000; unset KICKOFF_DB; XDG_DATA_HOME="$T_TMP/xdg" "$KICKOFF" project list >/dev/null )
expect_eq "default folder is 0700" "$(stat -c %a "$T_TMP/xdg/kickoff")" 700
expect_eq "default database is 0600" "$(stat -c %a "$T_TMP/xdg/kickoff/kickoff.db")" 600

# ---- exports never write through a symbolic link ----
echo secret > target
ln -s target link.md
ln -s nowhere dangling.md
for force in "" --force; do
	expect_exit 2 "export onto a symlink $force" ko export Apollo --format md -o link.md $force
	expect_eq "message $force" "$ERR" "kickoff: export: 'link.md' is a symbolic link; not writing through it"
	expect_eq "the link's target is untouched $force" "$(cat target)" secret
done
expect_exit 2 "export onto a dangling symlink" ko export Apollo --format md -o dangling.md
expect_eq "nothing created at the dangling link's target" "$(ls nowhere 2>&1 | grep -c 'No such')" 1
expect_exit 2 "export onto an existing file without --force" ko export Apollo --format md -o target
expect_eq "existing file kept" "$(cat target)" secret
