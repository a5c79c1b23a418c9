# A form saved while another session writes other fields of the same row
# keeps both: the screens write only the fields changed in the form, over
# the row as it is inside the write.  The command line writes in a loop
# while a headless screen edits the same meeting and agenda item.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null

# The screen: 40 edits of the meeting's title and of item 1's title, the
# screen saved after each.
{
	echo "<Enter> <Enter>"
	for i in $(seq 1 40); do
		echo "1 g e <End> <C-u> title$i <Enter> <Save m$i>"
		echo "3 g <Enter> <S-Tab> <End> <C-u> item$i <Enter> <Save i$i>"
	done
} > "$T_TMP/edits"

# The command line: the meeting's place, item 1's note and tick.
: >"$T_TMP/cli.err"
( for i in $(seq 1 150); do
	KICKOFF_USER=cy "$KICKOFF" meeting set Apollo/ko --place "place$i" >/dev/null 2>>"$T_TMP/cli.err" ||
		echo "place $i failed" >>"$T_TMP/cli.err"
	KICKOFF_USER=cy "$KICKOFF" item note Apollo/ko 1 "note$i" >/dev/null 2>>"$T_TMP/cli.err" ||
		echo "note $i failed" >>"$T_TMP/cli.err"
	if [ $((i % 2)) = 1 ]; then u=; else u=--undo; fi
	KICKOFF_USER=cy "$KICKOFF" item check Apollo/ko 1 $u >/dev/null 2>>"$T_TMP/cli.err" ||
		echo "tick $i failed" >>"$T_TMP/cli.err"
  done ) &
loop=$!
sleep 0.2
screen_run < "$T_TMP/edits"
wait "$loop"

expect_eq "command line: no failure" "$(head -n 5 "$T_TMP/cli.err")" ""
bad=$(cat "$T_TMP"/m* "$T_TMP"/i* 2>/dev/null | grep -E "[Ee]rror|conflict|Changed meanwhile|keep mine|changed by" | head -n 3)
expect_eq "screen: no error or conflict shown" "$bad" ""
expect_eq "screen: every save closed its form" \
	"$(cat "$T_TMP"/m* "$T_TMP"/i* | grep -c "Enter save")" 0
expect_eq "meeting: the screen's title and the command line's place" \
	"$(db_sql "SELECT title || '|' || place FROM meeting")" "title40|place150"
expect_eq "item: the screen's title, the command line's note and tick" \
	"$(db_sql "SELECT title || '|' || note || '|' || (checked_at IS NULL) FROM item WHERE position = 1")" \
	"item40|note150|1"
expect_eq "one change per save" \
	"$(db_sql "SELECT count(*) FROM change WHERE who = 'tester' AND summary IN ('edit meeting', 'edit item')")" 80
