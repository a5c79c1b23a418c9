# make install / uninstall with PREFIX and DESTDIR; the manual (no groff
# warning, every verb of --help, every bound key, every
# environment variable); bash completion.
src=$(cd "$KICKOFF_TESTS/.." && pwd)
bindir=$(cd "$(dirname "$KICKOFF")" && pwd)
man_page=$bindir/kickoff.1
# The build directory the binary came from (build, or build/asan).
mk() { make -s --no-print-directory -C "$src" O="$bindir" "$@"; }

# ---- install staging ----
stage=$T_TMP/stage
expect_exit 0 "make install DESTDIR" mk install DESTDIR="$stage"
staged=$(cd "$stage" && find . -type f | LC_ALL=C sort | tr '\n' ' ')
expect_eq "staged files" "$staged" \
	"./usr/local/bin/kickoff ./usr/local/share/bash-completion/completions/kickoff ./usr/local/share/doc/kickoff/formats.md ./usr/local/share/doc/kickoff/guide.md ./usr/local/share/fish/vendor_completions.d/kickoff.fish ./usr/local/share/locale/zh_CN/LC_MESSAGES/kickoff.mo ./usr/local/share/man/man1/kickoff.1 ./usr/local/share/zsh/vendor-completions/_kickoff "
check "staged binary is executable" test -x "$stage/usr/local/bin/kickoff"
expect_eq "binary mode" "$(stat -c %a "$stage/usr/local/bin/kickoff")" 755
expect_eq "man page mode" "$(stat -c %a "$stage/usr/local/share/man/man1/kickoff.1")" 644
out=$(LC_ALL= LANGUAGE= LANG=zh_CN.UTF-8 KICKOFF_LOCALEDIR="$stage/usr/local/share/locale" \
	"$stage/usr/local/bin/kickoff" --help)
expect_match "staged catalogue speaks Chinese" "$out" '用法'
check "staged catalogue is a catalogue" msgunfmt -o /dev/null "$stage/usr/local/share/locale/zh_CN/LC_MESSAGES/kickoff.mo"
expect_match "staged completion defines _kickoff" "$(cat "$stage/usr/local/share/bash-completion/completions/kickoff")" 'complete -F _kickoff kickoff'
# The manual's SEE ALSO names the guide and the formats page where they
# are installed.
for f in $(sed -n 's|^\.I[R]* \(/[^ ,]*\.md\).*|\1|p' "$stage/usr/local/share/man/man1/kickoff.1"); do
	check "SEE ALSO $f is installed" test -f "$stage$f"
done
expect_eq "SEE ALSO names two installed pages" \
	"$(grep -c '^\.I[R]* /usr/local/share/doc/kickoff/' "$stage/usr/local/share/man/man1/kickoff.1")" 2
expect_exit 0 "make uninstall DESTDIR" mk uninstall DESTDIR="$stage"
expect_eq "uninstall removes every file" "$(cd "$stage" && find . -type f | wc -l)" 0

# Another PREFIX, built in a build folder of its own: the binary looks for
# its catalogue there and the manual names it.
expect_exit 0 "make install PREFIX=/opt/ko" \
	make -s --no-print-directory -j4 -C "$src" O="$T_TMP/build" PREFIX=/opt/ko DESTDIR="$stage" install
check "PREFIX honoured" test -x "$stage/opt/ko/bin/kickoff"
check "man under PREFIX" test -f "$stage/opt/ko/share/man/man1/kickoff.1"
check "catalogue under PREFIX" test -f "$stage/opt/ko/share/locale/zh_CN/LC_MESSAGES/kickoff.mo"
check "binary built for PREFIX's catalogue" grep -qa /opt/ko/share/locale "$stage/opt/ko/bin/kickoff"
check "manual names PREFIX's catalogue" grep -q /opt/ko/share/locale/zh_CN "$stage/opt/ko/share/man/man1/kickoff.1"
expect_exit 0 "make uninstall PREFIX=/opt/ko" \
	make -s --no-print-directory -C "$src" O="$T_TMP/build" PREFIX=/opt/ko DESTDIR="$stage" uninstall
expect_eq "PREFIX uninstalled" "$(cd "$stage" && find . -type f | wc -l)" 0

# ---- the manual ----
check "man page built" test -s "$man_page"
warn=$(groff -man -ww -z "$man_page" 2>&1)
expect_eq "groff -man -ww: no warning" "$warn" ""
warn=$(mandoc -Tlint "$man_page" 2>&1)
expect_eq "mandoc -Tlint: nothing to say, style included" "$warn" ""
expect_match "the page has a date" "$(grep '^\.TH' "$man_page")" '^\.TH KICKOFF 1 "[0-9]{4}-[0-9]{2}-[0-9]{2}" '
# Every option of every usage line is described in OPTIONS or beside its verb.
opts=$(LC_ALL=C "$KICKOFF" --help | grep -o -- '--[a-z][a-z-]*' | LC_ALL=C sort -u)
missing=$(for o in $opts; do
	grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$man_page" || echo "$o"; done)
expect_eq "every option is in the manual" "$missing" ""
# The manual tells to restore with kickoff restore, never by copying.
expect_eq "no restore by copying (only a warning against it)" \
	"$(grep -i 'copy.*backup.*over\|cp .*backup' "$man_page" | grep -vic 'never')" 0
expect_match "restore is kickoff restore" "$(cat "$man_page")" '^\.B kickoff restore'
warn=$(MANWIDTH=80 man -l "$man_page" 2>&1 >/dev/null)
expect_eq "man -l: no warning" "$warn" ""
page=$(MANWIDTH=200 MAN_KEEP_FORMATTING= man -l "$man_page" 2>/dev/null | col -b 2>/dev/null || MANWIDTH=200 man -l "$man_page" 2>/dev/null)
for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS KEYS "EXIT STATUS" ENVIRONMENT FILES BACKUP EXAMPLES; do
	expect_match "man section $s" "$page" "^$s"
done

# Every command of --help is in the manual, and the manual has no other.
LC_ALL=C "$KICKOFF" --help | sed -n 's/^  kickoff \([a-z_]*\)\( [a-z]*\)\{0,1\}.*/\1\2/p' |
	grep -v '^\[' | sed 's/ $//' | grep -v '^$' | LC_ALL=C sort -u > "$T_TMP/help.verbs"
# A group of one bare verb (backup FILE) prints "backup" alone in --help's
# first word; FILE in upper case was not matched above.
printf '%s\n' "$page" | sed -n 's/^ *kickoff \([a-z_]*\)\( [a-z]*\)\{0,1\}.*/\1\2/p' |
	sed 's/ $//' | grep -v '^$' | LC_ALL=C sort -u > "$T_TMP/man.verbs.all"
# The manual's examples also start with "kickoff": keep only the verb lines.
grep -Fxf "$T_TMP/help.verbs" "$T_TMP/man.verbs.all" > "$T_TMP/man.verbs"
check "help lists verbs" test -s "$T_TMP/help.verbs"
expect_eq "every verb of --help is in the manual" \
	"$(comm -23 "$T_TMP/help.verbs" "$T_TMP/man.verbs" | tr '\n' ' ')" ""
# And every command line the manual describes (a .TP heading) exists.
sed -n 's/^\\fBkickoff \([a-z_]*\)\( [a-z]*\)\{0,1\}\\fR.*/\1\2/p' "$man_page" | sed 's/ $//' |
	LC_ALL=C sort -u > "$T_TMP/man.headings"
expect_eq "the manual describes no verb --help lacks" \
	"$(comm -13 "$T_TMP/help.verbs" "$T_TMP/man.headings" | tr '\n' ' ')" ""
expect_eq "verb counts agree" "$(wc -l < "$T_TMP/man.headings")" "$(wc -l < "$T_TMP/help.verbs")"

# Every key of the bindings (the help screen's, from kickoff __keys) is
# in the key table.
LC_ALL=C KICKOFF_LOCALEDIR=/nonexistent "$KICKOFF" __keys > "$T_TMP/keys"
keys=$(awk -F '\t' '$1 == "*" { print $2 }' "$T_TMP/keys")
check "the bindings have keys" test -n "$keys"
missing=
while IFS= read -r k; do
	printf '%s\n' "$page" | grep -qF -- "$k" || missing="$missing [$k]"
done <<EOF
$keys
EOF
expect_eq "every bound key is in the manual" "$missing" ""
helps=$(awk -F '\t' '$1 == "*" { print $3 }' "$T_TMP/keys" | head -3)
while IFS= read -r h; do
	printf '%s\n' "$page" | grep -qF -- "$h" && ok "key help: $h" || fail "key help: $h" "not in the manual"
done <<EOF
$helps
EOF

for v in KICKOFF_DB XDG_DATA_HOME KICKOFF_USER KICKOFF_NOW KICKOFF_LOCALEDIR NO_COLOR LANG KICKOFF_SCRIPT; do
	expect_match "environment: $v" "$page" "^ +$v"
done
for code in 0 1 2 3; do
	expect_match "exit status $code" "$page" "^ +$code( |$)"
done

# The generated page is current with its sources.
sh "$src/docs/man-keys.sh" "$src/docs/kickoff.1.in" "$KICKOFF" x > "$T_TMP/fresh.1" 2>"$T_TMP/gen.err"
expect_eq "generator runs cleanly" "$(cat "$T_TMP/gen.err")" ""
expect_eq "built page matches the generator's output" \
	"$(grep -v '^\.TH\|share/' "$man_page")" "$(grep -v '^\.TH\|share/' "$T_TMP/fresh.1")"

# ---- bash completion ----
complete_words() {
	# complete_words WORD... : COMPREPLY for the last word, one a line
	bash -c '
		complete() { :; }
		. "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_kickoff
		printf "%s\n" "${COMPREPLY[@]}"' _ "$bindir/completion/kickoff.bash" "$@"
}
PATH=$bindir:$PATH
expect_exit 0 "project add" ko project add Apollo
expect_exit 0 "meeting add" ko meeting add Apollo ko
expect_exit 0 "second project" ko project add Artemis
expect_eq "complete groups" "$(complete_words kickoff pro)" project
expect_eq "complete verbs" "$(complete_words kickoff project "" | tr '\n' ' ')" "add list delete "
expect_eq "complete options" "$(complete_words kickoff project add X --cu)" --customer
expect_eq "complete meetings" "$(complete_words kickoff item list Ap)" Apollo/ko
expect_eq "complete projects" "$(complete_words kickoff meeting add A | tr '\n' ' ')" "Apollo Artemis "
expect_eq "complete kind" "$(complete_words kickoff meeting add Apollo t)" tko
expect_eq "complete status values" "$(complete_words kickoff output set Apollo/ko 1 --status d | tr '\n' ' ')" "drafting done "
expect_eq "complete --db" "$(cd "$T_TMP" && complete_words kickoff --db "$T_TMP/other.db" project delete A)" ""
expect_eq "complete backup options" "$(complete_words kickoff backup --f)" --force
expect_eq "complete doctor options" "$(complete_words kickoff doctor --j)" --json
