# The x key asks for the file after the format: the full path is filled
# in ($KICKOFF_EXPORT_DIR when set, else the current folder), an existing
# file is replaced only after a y, and the message names the full path
# of what was written.  Headless.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
ko project add Apollo >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' >/dev/null
ko decision add Apollo/ko "Weekly status on Fridays" >/dev/null
mkdir -p "$T_TMP/exports" "$T_TMP/here/sub"

# $KICKOFF_EXPORT_DIR: the default is there, named in full.
KICKOFF_EXPORT_DIR="$T_TMP/exports" screen_run 24 200 <<'S'
<Enter> <Enter> x <Enter> <Save path-asked> <Enter> <Save written>
S
screen_has path-asked "Export to: $T_TMP/exports/Apollo-ko.md"
screen_has written "exported to $T_TMP/exports/Apollo-ko.md"
check "the minutes are in the file" grep -q "Weekly status on Fridays" "$T_TMP/exports/Apollo-ko.md"

# An existing file: n (or any key but y) keeps it, y replaces it.
printf 'keep me\n' > "$T_TMP/exports/Apollo-ko.md"
KICKOFF_EXPORT_DIR="$T_TMP/exports" screen_run 24 200 <<'S'
<Enter> <Enter> x <Enter> <Enter> <Save overwrite-asked> n <Save overwrite-no>
x <Enter> <Enter> q <Save overwrite-other-key>
S
screen_has overwrite-asked "'$T_TMP/exports/Apollo-ko.md' exists; overwrite it\? \(y/n\)"
screen_has overwrite-no "not exported; the file is as it was"
screen_has overwrite-other-key "not exported; the file is as it was"
expect_eq "n left the file as it was" "$(cat "$T_TMP/exports/Apollo-ko.md")" "keep me"
KICKOFF_EXPORT_DIR="$T_TMP/exports" screen_run 24 200 <<'S'
<Enter> <Enter> x <Enter> <Enter> y <Save overwrite-yes>
S
screen_has overwrite-yes "exported to $T_TMP/exports/Apollo-ko.md"
check "y replaced it" grep -q "Weekly status on Fridays" "$T_TMP/exports/Apollo-ko.md"
expect_eq "no temporary file left" "$(ls -A "$T_TMP/exports")" "Apollo-ko.md"

# Without $KICKOFF_EXPORT_DIR: the current folder, as a full path; a
# relative path typed is from there, and shown in full.
(cd "$T_TMP/here" && KICKOFF_EXPORT_DIR= screen_run 24 200 <<'S'
<Enter> <Enter> x <C-u> json <Enter> <Save here-asked> <Enter> <Save here-written>
x <Enter> <C-u> sub/../sub/minutes.md <Enter> <Save relative-written>
x <Enter> <C-u> nowhere/minutes.md <Enter> <Save no-folder>
x <Enter> <C-u> sub/ <Enter> <Save no-name>
S
)
screen_has here-asked "Export to: $T_TMP/here/Apollo-ko.json"
screen_has here-written "exported to $T_TMP/here/Apollo-ko.json"
check "json written in the current folder" jq -e . "$T_TMP/here/Apollo-ko.json"
screen_has relative-written "exported to $T_TMP/here/sub/minutes.md"
check "written where the relative path says" grep -q "Weekly status" "$T_TMP/here/sub/minutes.md"
screen_has no-folder "cannot write '$T_TMP/here/nowhere/minutes.md'"
screen_has no-name "give the file a name"
