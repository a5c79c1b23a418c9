# Every key a screen reads is in its help: for each screen the `?` (or
# F1) overlay shows, whole, every row `kickoff __keys` gives for that
# screen (the rows the manual is made from), and the keys the screens
# read themselves (form, question, filter) are among them.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko decision add Apollo/ko 'Weekly status on Mondays' --by Bob >/dev/null

LC_ALL=C KICKOFF_LOCALEDIR=/nonexistent "$KICKOFF" __keys > "$T_TMP/keys"
expect_eq "__keys exit status" "$?" 0

# The help of each screen, on a terminal tall and wide enough for all of it.
screen_run 60 100 <<'S'
? <Save help-Projects> q
<Enter> ? <Save help-Project> q
<Enter> ? <Save help-Prepare> q
2 ? <Save help-Attendees> q
3 ? <Save help-Agenda> q
4 ? <Save help-Decisions> q
5 ? <Save help-Risks> q
6 ? <Save help-Outputs> q
7 ? <Save help-Actions> q
4 v ? <Save help-Reading> q q
a <F1> <Save help-Form> q <Esc>
d <F1> <Save help-Confirm> q n
/ <F1> <Save help-Filter> q <Esc>
h ? <Save help-History> q q
S

for screen in Projects Project Prepare Attendees Agenda Decisions Risks Outputs Actions \
	Reading Form Confirm Filter History; do
	rows=$(awk -F '\t' -v s="$screen" '$1 == s' "$T_TMP/keys" | wc -l)
	[ "$rows" -ge 3 ] && ok "$screen: __keys lists its keys ($rows)" ||
		fail "$screen: __keys lists its keys" "$(cat "$T_TMP/keys")"
	missing=$(awk -F '\t' -v s="$screen" '$1 == s { print $2 "\t" $3 }' "$T_TMP/keys" |
		while IFS="$(printf '\t')" read -r keys help; do
			grep -F -- "│ $keys" "$T_TMP/help-$screen" | grep -qF -- "$help │" ||
			grep -F -- "│ $keys" "$T_TMP/help-$screen" | grep -qF -- "$help " ||
				printf '%s\n' "$keys  $help"
		done)
	expect_eq "$screen: ? shows every key of the screen, whole" "$missing" ""
done
screen_has help-Form 'Keys: Form'
screen_has help-Form 'Ctrl-J +new line in a long text'
screen_has help-Form 'Esc +cancel'
screen_has help-Form 'paste +text for this field, never keys'
screen_has help-Confirm 'y +yes'
screen_has help-Filter 'Esc +put back the filter there was'
# F1 left the screens under it as they were: the form is still open after
# the help closed, and nothing was deleted.
expect_eq "the decision is still there" "$(db_sql "select count(*) from decision")" 1

# The phase-number key is written from the phase count.
expect_match "phase keys from PHASE_COUNT" "$(grep '^\*' "$T_TMP/keys")" "$(printf '\\*\t1-7\t')"

# The other way round, independent of how the help is made: on each
# screen of actions, a key of the keymap that its help does not list does nothing
# there (the screen stays as it was), so no key works unlisted.
token() {
	case $1 in
	Down|Up|Home|End|PgDn|PgUp|Tab|Space|Enter|Esc|F1) printf '<%s>' "$1" ;;
	Shift-Tab) printf '<S-Tab>' ;;
	Ctrl-?) printf '<C-%s>' "$(printf '%s' "${1#Ctrl-}" | tr 'A-Z' 'a-z')" ;;
	1-*) printf '1' ;;
	*) printf '%s' "$1" ;;
	esac
}
for entry in 'Projects:' 'Project:<Enter>' 'Prepare:<Enter> <Enter> 1' 'Attendees:<Enter> <Enter> 2' \
	'Agenda:<Enter> <Enter> 3' 'Decisions:<Enter> <Enter> 4' 'Risks:<Enter> <Enter> 5' \
	'Outputs:<Enter> <Enter> 6' 'Actions:<Enter> <Enter> 7' 'History:<Enter> <Enter> h' \
	'Reading:<Enter> <Enter> 4 v'; do
	screen=${entry%%:*} open=${entry#*:}
	awk -F '\t' -v s="$screen" '$1 == s { print $2 }' "$T_TMP/keys" > "$T_TMP/listed"
	unlisted=$(awk -F '\t' '$1 == "*" { print $2 }' "$T_TMP/keys" | grep -vxF -f "$T_TMP/listed")
	[ -n "$unlisted" ] || continue
	bound=
	while IFS= read -r keys; do
		printf '%s\n' "$keys" | tr ',' '\n' | sed 's/^ *//' > "$T_TMP/names"
		while IFS= read -r name; do
			screen_run <<S
$open <Save before> $(token "$name") <Save after>
S
			cmp -s "$T_TMP/before" "$T_TMP/after" || bound="$bound [$name]"
		done < "$T_TMP/names"
	done <<EOK
$unlisted
EOK
	expect_eq "$screen: no key works there that its help leaves out" "$bound" ""
done
