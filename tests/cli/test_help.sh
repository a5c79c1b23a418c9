# Help and version, every verb's own help, and the usage errors of the
# command line itself (exit 1, one line on stderr).

expect_exit 0 "--help" ko --help
help=$OUT
expect_match "--help names the program" "$help" '^kickoff - '
expect_match "--help shows the global option" "$help" 'kickoff \[--db PATH\]'
expect_eq "--help writes nothing on stderr" "$ERR" ""
expect_exit 0 "-h" ko -h
expect_eq "-h is --help" "$OUT" "$help"

# Every verb the help lists answers its own --help with its usage line.
verbs=$(printf '%s\n' "$help" | sed -n 's/^  kickoff \([a-z]*\)\( [a-z]*\)\{0,1\}\( .*\)\{0,1\}$/\1\2/p' |
	grep -v "^\[" | sed "s/ *$//" | sort -u)
nverbs=$(printf '%s\n' "$verbs" | grep -c .)
[ "$nverbs" -ge 24 ] && ok "help lists the verbs ($nverbs)" || fail "help lists the verbs" "$nverbs: $verbs"
for want in "project add" "project list" "project delete" "meeting add" "meeting show" \
	"meeting set" "attendee add" "attendee list" "attendee present" "item list" \
	"item check" "item note" "decision add" "decision list" "risk add" "risk list" \
	"output set" "output list" "action add" "action done" "action reopen" "action drop" \
	"action list"; do
	printf '%s\n' "$verbs" | grep -qx "$want" && ok "help lists $want" || fail "help lists $want" "$verbs"
done
while IFS= read -r v; do
	[ -n "$v" ] || continue
	# shellcheck disable=SC2086
	expect_exit 0 "$v --help" ko $v --help
	expect_match "$v --help shows its usage" "$OUT" "^Usage: kickoff $v( |\$)"
	expect_eq "$v --help: nothing on stderr" "$ERR" ""
	usage_line=$(printf '%s\n' "$help" | grep -E "^  kickoff $v( |\$)" | head -n 1 | sed 's/^  //; s/ *$//')
	first=$(printf '%s\n' "$OUT" | head -n 1 | sed 's/^Usage: //; s/ *$//')
	expect_eq "$v --help matches the overview" "$first" "$usage_line"
	# and -h, after the arguments too
	# shellcheck disable=SC2086
	expect_exit 0 "$v -h" ko $v -h
	# shellcheck disable=SC2086
	expect_exit 0 "$v ARG --help" ko $v X Y --help
	lines=$(printf '%s\n' "$OUT" | grep -c .)
	[ "$lines" -ge 2 ] && ok "$v --help has a sentence" || fail "$v --help has a sentence" "$OUT"
done <<EOV
$verbs
EOV

# A group's --help lists all of its verbs.
expect_exit 0 "project --help" ko project --help
expect_eq "project --help: three verbs" "$(printf '%s\n' "$OUT" | grep -c '^Usage: kickoff project ')" 3
expect_exit 0 "action --help" ko action --help
expect_eq "action --help: eight verbs" "$(printf '%s\n' "$OUT" | grep -c '^Usage: kickoff action ')" 8

# No line of the overview ends in a space.
expect_eq "no trailing spaces in --help" "$(printf '%s\n' "$help" | grep -c ' $')" 0

expect_exit 0 "--version" ko --version
expect_match "--version" "$OUT" '^kickoff [0-9]+\.[0-9]+\.[0-9]+$'
expect_eq "--version one line" "$(printf '%s\n' "$OUT" | wc -l)" 1

# Help and version neither need nor make a database.
expect_eq "help made no database" "$(ls "$KICKOFF_DB" 2>/dev/null)" ""

# Usage errors of the command line itself: exit 1, one line.
one_line() { expect_eq "$1: one line on stderr" "$(printf '%s' "$ERR" | awk 'END { print NR }')" 1; }
expect_exit 1 "unknown command" ko frobnicate
expect_match "unknown command named" "$ERR" "^kickoff: unknown command 'frobnicate'"
one_line "unknown command"
expect_exit 1 "unknown verb" ko project frob
expect_match "unknown verb named" "$ERR" "unknown verb 'frob'.*add.*list.*delete"
one_line "unknown verb"
expect_exit 1 "missing verb" ko project
expect_match "missing verb lists the verbs" "$ERR" "^kickoff: project: .*add"
one_line "missing verb"
expect_exit 1 "unknown global option" ko --frob project list
expect_match "unknown global option named" "$ERR" "unknown option '--frob'"
one_line "unknown global option"
expect_exit 1 "--db without a path" ko --db
expect_match "--db without a path named" "$ERR" "--db needs a path"
one_line "--db without a path"
expect_exit 1 "--db= empty" ko --db= project list
expect_match "--db= empty named" "$ERR" "--db needs a path"
expect_exit 1 "unknown verb option" ko project list --frob
expect_match "unknown verb option named" "$ERR" "unknown option '--frob'"
one_line "unknown verb option"
expect_exit 1 "unknown short option" ko project list -z
expect_match "unknown short option named" "$ERR" "unknown option '-z'"
one_line "unknown short option"
expect_exit 1 "option missing its value" ko project add X --customer
expect_match "option missing its value named" "$ERR" "'--customer' needs a value"
one_line "option missing its value"
expect_eq "usage errors made no database" "$(ls "$KICKOFF_DB" 2>/dev/null)" ""

# --db and --db=PATH choose the database, before the verb.
expect_exit 0 "--db PATH" ko --db "$T_TMP/other.db" project add Other
expect_exit 0 "--db=PATH" ko --db="$T_TMP/other.db" project list --json
expect_eq "--db=PATH reads it" "$(printf '%s' "$OUT" | jq -r '.projects[0].name')" Other
expect_eq "--db did not touch KICKOFF_DB" "$(ls "$KICKOFF_DB" 2>/dev/null)" ""

# The manual's key tables are the screens' help: every key of every
# screen kind the manual names (the list of every screen, the form, the
# conflict, the question, the filter and the reading view) is in it with
# its help, the keys the screens read themselves (Ctrl-J, m/t/e, y)
# included.
man_page=$(dirname "$KICKOFF")/kickoff.1
check "manual built" test -s "$man_page"
expect_exit 0 "__keys" env LC_ALL=C KICKOFF_LOCALEDIR=/nonexistent "$KICKOFF" __keys
keys=$OUT
man_text=$(sed 's/\\-/-/g; s/\\e/\\/g' "$man_page")
for want in 'Ctrl-J	new line in a long text' 'm	save yours over theirs' 'y	yes (but not inside a paste)' \
	'e	merge: their text, then yours, to edit' '?, F1	help for this screen'; do
	printf '%s\n' "$keys" | grep -qF -- "$want" && ok "__keys lists $want" || fail "__keys lists $want" "$keys"
done
missing=$(printf '%s\n' "$keys" | awk -F '\t' '$1 == "*" || $1 == "Form" || $1 == "Changed meanwhile" ||
	$1 == "Confirm" || $1 == "Filter" || $1 == "Reading" { print $2 "\t" $3 }' |
	while IFS="$(printf '\t')" read -r k h; do
		printf '%s\n' "$man_text" | awk -v k=".B $k" -v h="$h" '
			prev == k && $0 == h { found = 1 } { prev = $0 } END { exit !found }' ||
			printf '%s\n' "$k  $h"
	done)
expect_eq "the manual has every key of the screens it names" "$missing" ""
