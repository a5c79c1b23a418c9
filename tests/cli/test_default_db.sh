# Where the database is when --db is not given: $KICKOFF_DB, else
# $XDG_DATA_HOME/kickoff/kickoff.db, else ~/.local/share/kickoff/kickoff.db.
# The default folder is created (private), the file is made with mode 0600.

mode_of() { stat -c %a "$1" 2>/dev/null || echo missing; }

# $KICKOFF_DB
expect_exit 0 "KICKOFF_DB is used" ko project add FromEnv
expect_eq "KICKOFF_DB file made" "$(mode_of "$KICKOFF_DB")" 600
expect_eq "KICKOFF_DB holds the project" "$(db_sql 'SELECT name FROM project')" FromEnv
expect_eq "nothing under HOME" "$(ls -A "$HOME/.local" 2>/dev/null)" ""

# --db wins over KICKOFF_DB
expect_exit 0 "--db wins" ko --db "$T_TMP/explicit.db" project add Explicit
expect_eq "--db file made private" "$(mode_of "$T_TMP/explicit.db")" 600
expect_eq "KICKOFF_DB untouched by --db" "$(db_sql 'SELECT count(*) FROM project')" 1

# KICKOFF_DB names a file in a folder that is not there: not created
# (only the default folders are), exit 3.
expect_exit 3 "KICKOFF_DB in a missing folder" env KICKOFF_DB="$T_TMP/nope/k.db" "$KICKOFF" project list
expect_match "missing folder named" "$ERR" "nope/k.db.*(folder does not exist|No such)"
expect_eq "missing folder not made" "$(mode_of "$T_TMP/nope")" missing

# $XDG_DATA_HOME, with the folder made on the way
xdg="$T_TMP/xdg/data"
(
	unset KICKOFF_DB
	export XDG_DATA_HOME="$xdg"
	"$KICKOFF" project add FromXdg >"$T_TMP/out" 2>"$T_TMP/err"
	echo $? >"$T_TMP/rc"
)
expect_eq "XDG: exit 0" "$(cat "$T_TMP/rc")" 0
expect_eq "XDG: no error" "$(cat "$T_TMP/err")" ""
expect_eq "XDG: file mode 0600" "$(mode_of "$xdg/kickoff/kickoff.db")" 600
expect_eq "XDG: folder mode 0700" "$(mode_of "$xdg/kickoff")" 700
expect_eq "XDG: project stored there" \
	"$(sqlite3 "$xdg/kickoff/kickoff.db" 'SELECT name FROM project')" FromXdg
( unset KICKOFF_DB; XDG_DATA_HOME="$xdg" "$KICKOFF" project list --json >"$T_TMP/out" )
expect_eq "XDG: read back" "$(jq -r '.projects[].name' "$T_TMP/out")" FromXdg

# ~/.local/share/kickoff when XDG_DATA_HOME is empty or not absolute
home="$T_TMP/home"
mkdir -p "$home"
for xdg_value in "" "relative/path"; do
	rm -rf "$home/.local"
	(
		unset KICKOFF_DB
		export HOME="$home" XDG_DATA_HOME="$xdg_value"
		"$KICKOFF" project add FromHome >"$T_TMP/out" 2>"$T_TMP/err"
		echo $? >"$T_TMP/rc"
	)
	expect_eq "HOME [$xdg_value]: exit 0" "$(cat "$T_TMP/rc")" 0
	expect_eq "HOME [$xdg_value]: file mode 0600" "$(mode_of "$home/.local/share/kickoff/kickoff.db")" 600
	expect_eq "HOME [$xdg_value]: folder mode 0700" "$(mode_of "$home/.local/share/kickoff")" 700
	expect_eq "HOME [$xdg_value]: project stored" \
		"$(sqlite3 "$home/.local/share/kickoff/kickoff.db" 'SELECT name FROM project')" FromHome
done
expect_eq "relative XDG folder not made" "$(mode_of "$T_TMP/relative")" missing

# A permissive umask does not open the file up.
rm -rf "$home/.local"
( unset KICKOFF_DB; umask 000; HOME="$home" XDG_DATA_HOME= "$KICKOFF" project list >/dev/null 2>&1 )
expect_eq "umask 000: still 0600" "$(mode_of "$home/.local/share/kickoff/kickoff.db")" 600

# The default folder cannot be made (HOME is a file): exit 3, one line.
: >"$T_TMP/afile"
( unset KICKOFF_DB; HOME="$T_TMP/afile" XDG_DATA_HOME= "$KICKOFF" project list >/dev/null 2>"$T_TMP/err"; echo $? >"$T_TMP/rc" )
expect_eq "default folder impossible: exit 3" "$(cat "$T_TMP/rc")" 3
expect_match "default folder impossible: named" "$(cat "$T_TMP/err")" "^kickoff: .*afile"
expect_eq "default folder impossible: one line" "$(wc -l <"$T_TMP/err")" 1
