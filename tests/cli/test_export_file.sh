# kickoff export -o FILE: --force to replace, never through a symbolic
# link, never a partial file.
ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' >/dev/null

expect_exit 0 "write new" ko export Apollo --format md -o out.md
expect_match "written" "$(head -1 out.md)" '^# Kick-off — Apollo$'
echo old > out.md
expect_exit 2 "exists without --force" ko export Apollo --format md -o out.md
expect_match "exists message" "$ERR" "'out.md' exists \(use --force to replace it\)"
expect_eq "old kept" "$(cat out.md)" old
chmod 640 out.md
expect_exit 0 "replace with --force" ko export Apollo --format md -o out.md --force
expect_match "replaced" "$(head -1 out.md)" '^# Kick-off'
expect_eq "mode kept" "$(stat -c %a out.md)" 640

echo precious > target.txt
ln -s target.txt link.md
expect_exit 2 "symlink refused" ko export Apollo --format md -o link.md --force
expect_match "symlink message" "$ERR" 'symbolic link'
expect_eq "link target untouched" "$(cat target.txt)" precious
expect_eq "link still a link" "$(test -L link.md && echo link)" link
ln -s nowhere dangling.md
expect_exit 2 "dangling symlink refused" ko export Apollo --format md -o dangling.md
expect_eq "nothing created through it" "$(test -e nowhere && echo yes || echo no)" no
mkdir adir
expect_exit 2 "directory refused" ko export Apollo --format md -o adir --force

expect_exit 3 "missing folder" ko export Apollo --format md -o no/such/dir/out.md
expect_eq "no temporary files left" "$(ls -A | grep -c '^\.')" 0

# A full disk: the write fails and leaves no partial file (Linux /dev/full
# cannot hold a folder, so a tiny tmpfs is not available; use a read-only
# folder for the failed write instead).
mkdir ro && chmod 555 ro
if [ "$(id -u)" != 0 ]; then
	expect_exit 3 "read-only folder" ko export Apollo --format md -o ro/out.md
	expect_eq "nothing in read-only folder" "$(ls -A ro | wc -l)" 0
fi
chmod 755 ro

# stdout: a closed or full standard output is an error, not silence.
if [ -w /dev/full ]; then
	( ko export Apollo --format json > /dev/full ) 2>err.txt; rc=$?
	expect_eq "stdout full exit" "$rc" 3
fi

# "-o -" is standard output (as "import -" reads standard input), never a
# file named "-".
expect_exit 0 "-o - writes to standard output" ko export Apollo --format md -o -
ko export Apollo --format md -o - > dash.md
ko export Apollo --format md > plain.md
check "-o - gives the same bytes" cmp dash.md plain.md
expect_eq "no file named -" "$(test -e ./- && echo yes || echo no)" no
expect_exit 0 "--output - too" ko export Apollo --format json --output -
expect_match "json on standard output" "$OUT" '"format": "kickoff/1"'
