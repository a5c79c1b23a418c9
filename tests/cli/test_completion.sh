# Shell completion, by calling each shell's own completion: bash's
# _kickoff with bash-completion's helpers and COMP_WORDS split as bash
# splits them, zsh's through compinit in a pseudo-terminal (zpty), fish's
# with `complete -C`.  The three files are made from the binary's verb
# tables; they must be current and name every command.
bindir=$(cd "$(dirname "$KICKOFF")" && pwd)
src=$(cd "$KICKOFF_TESTS/.." && pwd)
comp=$bindir/completion
# The completion runs `kickoff` as the user typed it: the binary under test.
mkdir -p "$T_TMP/bin"
ln -s "$KICKOFF" "$T_TMP/bin/kickoff"
export PATH="$T_TMP/bin:$PATH"

ko project add Apollo >/dev/null && ko meeting add Apollo ko >/dev/null
ko project add 'Proj: A' >/dev/null && ko meeting add 'Proj: A' ko >/dev/null
ko project add "Bei Jing's" >/dev/null && ko meeting add "Bei Jing's" ko >/dev/null
ko action add Apollo/ko 'Send the charter' --owner Ann >/dev/null
ko template show standard | sed 's/"name": "standard"/"name": "Team one"/' > "$T_TMP/team.json"
expect_exit 0 "a template imported" ko template import "$T_TMP/team.json"
other=$T_TMP/other.db
ko --db "$other" project add Zephyr >/dev/null && ko --db "$other" meeting add Zephyr tko >/dev/null 2>&1

# ---- the generated files ----
for f in kickoff.bash _kickoff kickoff.fish; do
	check "$f built" test -s "$comp/$f"
done
for sh in bash zsh fish; do
	case $sh in bash) f=kickoff.bash t=kickoff.bash.in ;; zsh) f=_kickoff t=_kickoff.in ;; fish) f=kickoff.fish t=kickoff.fish.in ;; esac
	sh "$src/completion/gen.sh" $sh "$KICKOFF" "$src/completion/$t" > "$T_TMP/fresh.$sh" 2>"$T_TMP/gen.err"
	expect_eq "$sh: generator runs cleanly" "$(cat "$T_TMP/gen.err")" ""
	check "$sh: built file is the generator's output" cmp -s "$T_TMP/fresh.$sh" "$comp/$f"
done
# Every command of the verb table is in each file.
LC_ALL=C "$KICKOFF" __complete verb-table | cut -f1,2 > "$T_TMP/verbs"
check "verb table lists commands" test -s "$T_TMP/verbs"
missing=
while IFS=$'\t' read -r g v; do
	grep -q "_kickoff_verbs\[$g\]=.*$v" "$comp/kickoff.bash" || missing="$missing bash:$g/$v"
	grep -q "'$g:" "$comp/_kickoff" || missing="$missing zsh:$g"
	[ -z "$v" ] || grep -Eq "(^|')$v:" "$comp/_kickoff" || missing="$missing zsh:$g/$v"
	grep -q -- "-a $g -d" "$comp/kickoff.fish" || missing="$missing fish:$g"
	[ -z "$v" ] || grep -q -- "__kickoff_at $g -' -a $v -d" "$comp/kickoff.fish" || missing="$missing fish:$g/$v"
done < "$T_TMP/verbs"
expect_eq "every command in every shell's file" "$missing" ""

# ---- bash ----
check "bash-completion is installed" test -r /usr/share/bash-completion/bash_completion
# bash_complete LINE: COMPREPLY for the end of LINE, one a line.  bash
# splits COMP_WORDS at blanks and makes each character of COMP_WORDBREAKS
# (= and : among them) a word of its own, outside quotes and escapes;
# readline then replaces only the text after the last = or :.
cat > "$T_TMP/bcomp.bash" <<'EOF'
. /usr/share/bash-completion/bash_completion
. "$1"
line=$2 w= q= esc=
COMP_WORDS=()
for ((i = 0; i < ${#line}; i++)); do
	c=${line:i:1}
	if [[ -n $esc ]]; then w+=$c esc=; continue; fi
	if [[ -n $q ]]; then w+=$c; [[ $c == "$q" ]] && q=; continue; fi
	case $c in
	\\) w+=$c esc=1 ;;
	[\"\']) w+=$c q=$c ;;
	" ") [[ -n $w ]] && COMP_WORDS+=("$w"); w= ;;
	[=:]) [[ -n $w ]] && COMP_WORDS+=("$w"); COMP_WORDS+=("$c"); w= ;;
	*) w+=$c ;;
	esac
done
COMP_WORDS+=("$w")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$line COMP_POINT=${#line}
_kickoff kickoff "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
EOF
bash_complete() { bash "$T_TMP/bcomp.bash" "$comp/kickoff.bash" "$1" 2>&1 | LC_ALL=C sort; }
sorted() { printf '%s\n' "$@" | LC_ALL=C sort; }

expect_eq "bash: a group" "$(bash_complete 'kickoff exp')" export
expect_eq "bash: export's options" "$(bash_complete 'kickoff export Apollo/ko --f')" "$(sorted --force --format)"
expect_eq "bash: export's formats" "$(bash_complete 'kickoff export Apollo/ko --format ')" "$(sorted csv ics json md)"
expect_eq "bash: export's entities" "$(bash_complete 'kickoff export Apollo/ko --format csv --entity ')" \
	"$(sorted actions attendees decisions items outputs questions raci risks)"
expect_eq "bash: --entity=VALUE" "$(bash_complete 'kickoff export Apollo/ko --format csv --entity=ri')" risks
expect_eq "bash: export's first argument is a meeting or a project" "$(bash_complete 'kickoff export Apo')" \
	"$(sorted Apollo Apollo/ko)"
expect_eq "bash: log's meetings" "$(bash_complete 'kickoff log A')" Apollo/ko
expect_eq "bash: log's options" "$(bash_complete 'kickoff log Apollo/ko --')" "$(sorted --help --json --limit)"
expect_eq "bash: undo's options" "$(bash_complete 'kickoff undo --')" "$(sorted --force --help)"
expect_eq "bash: import takes a file" "$(cd "$T_TMP" && bash_complete 'kickoff import tea')" team.json
expect_eq "bash: template show offers templates" "$(bash_complete 'kickoff template show ')" "$(sorted 'standard' 'Team\ one')"
expect_eq "bash: --template offers templates" "$(bash_complete 'kickoff project add X --template T')" 'Team\ one'
expect_eq "bash: meeting statuses" "$(bash_complete 'kickoff meeting set Apollo/ko --status ')" "$(sorted closed held planned)"
expect_eq "bash: --status=VALUE" "$(bash_complete 'kickoff meeting set Apollo/ko --status=h')" held
expect_eq "bash: mail's options" "$(bash_complete 'kickoff mail Apollo/ko --')" "$(sorted --from --help --send --to)"
expect_eq "bash: mail's meeting" "$(bash_complete 'kickoff mail Apol')" Apollo/ko
expect_eq "bash: attendee statuses" "$(bash_complete 'kickoff attendee set Apollo/ko Ann --status ')" \
	"$(sorted invited present regrets)"
expect_eq "bash: attendee add's options" "$(bash_complete 'kickoff attendee add Apollo/ko Ann --e')" --email
expect_eq "bash: output statuses" "$(bash_complete 'kickoff output set Apollo/ko 1 --status d')" "$(sorted done drafting)"
expect_eq "bash: --meeting offers meetings" "$(bash_complete 'kickoff action list --meeting Ap')" Apollo/ko
expect_eq "bash: open action ids" "$(bash_complete 'kickoff action done ')" 1
# An option's value is not an argument: after --host Ann the kind is next.
expect_eq "bash: option values are skipped" "$(bash_complete 'kickoff meeting add Apollo --host Ann ')" "$(sorted ko tko)"
expect_eq "bash: options once the arguments are given" "$(bash_complete "kickoff decision add Apollo/ko 'Go' --by Bob ")" \
	"$(sorted --by --help --item --state)"
expect_eq "bash: --db PATH is asked" "$(bash_complete "kickoff --db $other item check ")" Zephyr/tko
expect_eq "bash: --db=PATH is asked" "$(bash_complete "kickoff --db=$other item check ")" Zephyr/tko
expect_eq "bash: --db=PATH completes a file" "$(cd "$T_TMP" && bash_complete 'kickoff --db=oth')" other.db
# Only the text after the colon is replaced by the shell.
expect_eq "bash: a name with a colon" "$(bash_complete 'kickoff item check Proj:')" '\ A/ko'
expect_eq "bash: a name with a colon, escaped" "$(bash_complete 'kickoff item check Proj:\ ')" '\ A/ko'
expect_eq "bash: a name with a colon in quotes" "$(bash_complete 'kickoff item check "Proj: ')" 'Proj: A/ko'
expect_eq "bash: a quote in a name, bare" "$(bash_complete 'kickoff item check Bei')" "Bei\\ Jing\\'s/ko"
expect_eq "bash: a quote in a name, in single quotes" "$(bash_complete "kickoff item check 'Bei")" "Bei Jing'\\''s/ko"
expect_eq "bash: a quote in a name, in double quotes" "$(bash_complete 'kickoff item check "Bei')" "Bei Jing's/ko"
expect_eq "bash: an unknown group offers nothing" "$(bash_complete 'kickoff nosuch ')" ""

# ---- zsh ----
check "zsh is installed" command -v zsh
cat > "$T_TMP/zcomp.zsh" <<'EOF'
# zsh zcomp.zsh DIR LINE: the matches zsh's completion adds for LINE.
zmodload zsh/zpty
zpty -b z zsh -f -i
zpty -w z "PS1='' PS2=''; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D"
# Each match added is printed, marked, by a wrapper of compadd.
# (The marks are written as escapes so that the echo of this line has none.)
zpty -w z 'compadd() { local -a __m; builtin compadd -O __m "$@"; print -rl -- $'"'\\x3c\\x3c'"'${^__m}$'"'\\x3e\\x3e'"' >/dev/tty; builtin compadd "$@" }'
zpty -w z 'print -r -- READY'
zpty -r z out '*READY*'
zpty -w -n z "$2"$'\t'
sleep 1
zpty -w -n z $'\C-c'
zpty -w z 'print -r -- DONE'
zpty -r z out '*DONE*'
print -r -- "$out" | tr -d '\r' | grep -ao '<<.*>>' | sed 's/^<<//; s/>>$//' | LC_ALL=C sort -u
zpty -d z
EOF
zsh_complete() { timeout 30 zsh -f "$T_TMP/zcomp.zsh" "$comp" "$1"; }
expect_eq "zsh: a group" "$(zsh_complete 'kickoff exp')" export
expect_eq "zsh: project's verbs" "$(zsh_complete 'kickoff project ')" "$(sorted add delete list)"
expect_eq "zsh: an option" "$(zsh_complete 'kickoff project add X --cu')" --customer
expect_eq "zsh: --format=VALUE" "$(zsh_complete 'kickoff export Apollo/ko --format=c')" csv
expect_eq "zsh: entities" "$(zsh_complete 'kickoff export Apollo/ko --entity ')" \
	"$(sorted actions attendees decisions items outputs questions raci risks)"
expect_eq "zsh: template show offers templates" "$(zsh_complete 'kickoff template show ')" "$(sorted 'Team one' standard)"
expect_eq "zsh: --db=PATH is asked" "$(zsh_complete "kickoff --db=$other item check ")" Zephyr/tko
expect_eq "zsh: names with a colon and a quote" "$(zsh_complete 'kickoff item check ')" \
	"$(sorted Apollo/ko "Bei Jing's/ko" 'Proj: A/ko')"

# ---- fish ----
check "fish is installed" command -v fish
fish_complete() { fish --no-config -c "source '$comp/kickoff.fish'; complete -C \$argv[1]" "$1" | cut -f1 | LC_ALL=C sort; }
expect_eq "fish: a group" "$(fish_complete 'kickoff exp')" export
expect_eq "fish: project's verbs" "$(fish_complete 'kickoff project ')" "$(sorted add delete list)"
expect_eq "fish: an option" "$(fish_complete 'kickoff project add X --cu')" --customer
expect_eq "fish: --format=VALUE" "$(fish_complete 'kickoff export Apollo/ko --format=c')" --format=csv
expect_eq "fish: undo's options" "$(fish_complete 'kickoff undo --')" "$(sorted --force --help)"
expect_eq "fish: template show offers templates" "$(fish_complete 'kickoff template show ')" "$(sorted 'Team one' standard)"
expect_eq "fish: --db PATH is asked" "$(fish_complete "kickoff --db $other item check ")" Zephyr/tko
expect_eq "fish: --db=PATH is asked" "$(fish_complete "kickoff --db=$other item check ")" Zephyr/tko
expect_eq "fish: names with a colon and a quote" "$(fish_complete 'kickoff item check ')" \
	"$(sorted Apollo/ko "Bei Jing's/ko" 'Proj: A/ko')"
expect_eq "fish: the second argument of meeting add" "$(fish_complete 'kickoff meeting add Apollo ')" "$(sorted ko tko)"
