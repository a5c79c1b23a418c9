# What the command line prints to a terminal never drives it: stored or
# typed ESC, OSC 52 (set the clipboard), OSC 2 (retitle the window), C1
# controls, DEL, the bidirectional overrides and isolates and invalid
# UTF-8 reach a terminal only as visible symbols; an export to a file or
# a pipe keeps every byte.  Each command runs under a pseudo-terminal
# (script -qc) for standard output and error alike.

# ESC [31m, OSC 52 with BEL, OSC 2 with ST, C1 CSI, DEL, U+202E, U+2066.
evil=$(printf 'X\033[31m\033]52;c;aGk=\007\033]2;T\033\\\302\233\177\342\200\256\342\201\246Y')
export EVIL=$evil

# tty_run NAME CMD...  runs CMD under a pseudo-terminal into $T_TMP/tty.
tty_run() {
	local name=$1; shift
	printf '%q ' "$@" > "$T_TMP/tty_cmd"
	script -qec "bash $T_TMP/tty_cmd" /dev/null > "$T_TMP/tty" 2>&1 < /dev/null
	TTY_RC=$?
	tty_clean "$name"
}

# Nothing but text and line ends: UTF-8, no C0 control but tab and LF
# (and CRs before a LF: the terminal puts one before each LF, and CSV and
# iCalendar end lines with CR LF), no DEL, no C1, no bidirectional
# control.
tty_clean() {
	local why
	if why=$(python3 - "$T_TMP/tty" <<'EOF'
import re, sys
b = re.sub(rb'\r+\n', b'\n', open(sys.argv[1], 'rb').read())
try:
    s = b.decode('utf-8')
except UnicodeDecodeError as e:
    print('invalid UTF-8 at byte %d' % e.start); sys.exit(1)
for i, ch in enumerate(s):
    c = ord(ch)
    bad = (c < 0x20 and ch not in '\t\n\r') or c == 0x7f or 0x80 <= c <= 0x9f \
        or 0x202a <= c <= 0x202e or 0x2066 <= c <= 0x2069
    if bad:
        print('U+%04X at %d: %r' % (c, i, s[max(0, i - 20):i + 20])); sys.exit(1)
if len(s) == 0:
    print('nothing printed'); sys.exit(1)
EOF
	); then ok "$1: nothing raw on the terminal"
	else fail "$1: reaches the terminal raw" "$why"; fi
}

ko project add "P$evil" --customer "c$evil" --code "k$evil" >/dev/null
ko meeting add "P$evil" ko --at '2026-12-01 10:00' --host "h$evil" >/dev/null
M="P$evil/ko"
ko meeting set "$M" --place "pl$evil" --title "t$evil" --purpose "pu$evil" >/dev/null
ko attendee add "$M" "Ana$evil" --role "r$evil" --org "o$evil" >/dev/null
ko item note "$M" 1 "note$evil" >/dev/null
ko decision add "$M" "D$evil" --by "by$evil" --item 1 >/dev/null
ko risk add "$M" "R$evil" --owner "o$evil" --mitigation "m$evil" >/dev/null
ko output set "$M" 1 --status done --owner "own$evil" >/dev/null
ko action add "$M" "Act$evil" --owner "who$evil" --due 2026-12-01 >/dev/null
expect_eq "stored as typed" "$(db_sql "SELECT count(*) FROM decision WHERE text = 'D' || CAST(X'$(printf %s "$evil" | od -An -tx1 | tr -d ' \n')' AS TEXT)")" 1
# Invalid UTF-8 another program wrote.
db_sql "INSERT INTO decision(meeting_id, text, decided_at) VALUES (1, CAST(X'42FF43' AS TEXT), '2026-01-01T00:00:00Z')"
jq -n --arg e "$evil" '{ format: "kickoff-template/1", name: ("T" + $e),
	ko: { en: { items: ["I" + $e], outputs: ["O" + $e] }, zh: { items: ["I"], outputs: ["O"] } } }' \
	> "$T_TMP/tmpl.json"
# Written through the store, not the command: what import prints is
# checked below.
KICKOFF_USER="u$evil" "$KICKOFF" template import "$T_TMP/tmpl.json" >/dev/null

for cmd in "project list" "project list --json" "meeting show M" "meeting show M --json" \
	"attendee list M" "attendee list M --json" "item list M" "item list M --json" \
	"decision list M" "decision list M --json" "risk list M" "risk list M --json" \
	"output list M" "output list M --json" "action list" "action list --json" \
	"action list --owner who$evil" "log" "log --json" "log M" \
	"template list" "template list --json" "template show T$evil" \
	"export M --format md" "export M --format json" "export M --format ics" \
	"export M --format csv" "export M --format csv --entity decisions" \
	"export M --format csv --entity risks" "export M --format csv --entity attendees" \
	"export M --format csv --entity items" "export M --format csv --entity outputs" \
	"export P$evil --format md" "export M --format csv --spreadsheet" \
	"__complete projects" "__complete meetings"; do
	# shellcheck disable=SC2086
	set -- $cmd
	args=()
	for a in "$@"; do [ "$a" = M ] && a=$M; args+=("$a"); done
	tty_run "$cmd" "$KICKOFF" "${args[@]}"
	[ "$TTY_RC" = 0 ] || fail "$cmd: exit $TTY_RC" "$(head -c 300 "$T_TMP/tty")"
done
tty_run "decision list shows ESC as a symbol" "$KICKOFF" decision list "$M"
expect_match "ESC as ␛, U+202E as U+FFFD" "$(cat "$T_TMP/tty")" 'DX␛\[31m␛\]52;c;aGk=␇␛\]2;T␛\\�␡��Y'
tty_run "export csv to a terminal" "$KICKOFF" export "$M" --format csv --entity decisions
expect_match "the CSV is there, visible" "$(cat "$T_TMP/tty")" 'DX␛\[31m'
tty_run "doctor on a hostile path" "$KICKOFF" --db "$T_TMP/d$evil.db" doctor

# Messages: what a command says it did, and errors naming an argument.
tty_run "project add message" "$KICKOFF" project add "Q$evil"
tty_run "meeting add message" "$KICKOFF" meeting add "Q$evil" tko
tty_run "decision add message" "$KICKOFF" decision add "Q$evil/tko" "x$evil"
tty_run "meeting set message" "$KICKOFF" meeting set "Q$evil/tko" --host "$evil"
tty_run "project delete message" "$KICKOFF" project delete "Q$evil"
ko export "$M" --format json > "$T_TMP/m.json"
tty_run "import message" "$KICKOFF" --db "$T_TMP/other.db" import "$T_TMP/m.json"
jq '.name = "U" + .name' "$T_TMP/tmpl.json" > "$T_TMP/tmpl2.json"
tty_run "template import message" "$KICKOFF" template import "$T_TMP/tmpl2.json"
expect_match "template import names it" "$(cat "$T_TMP/tty")" "imported template 'UTX␛"
tty_run "backup message" "$KICKOFF" backup "$T_TMP/b$evil.db"
tty_run "restore message" "$KICKOFF" --db "$T_TMP/r.db" restore "$T_TMP/b$evil.db"
tty_run "unknown command" "$KICKOFF" "c$evil"
tty_run "unknown verb" "$KICKOFF" project "v$evil"
tty_run "unknown global option" "$KICKOFF" "--o$evil"
tty_run "unknown option" "$KICKOFF" project list "--o$evil"
tty_run "no such project" "$KICKOFF" meeting show "N$evil/ko"
tty_run "no such template" "$KICKOFF" template show "N$evil"
tty_run "bad value" "$KICKOFF" output set "$M" 1 --status "s$evil"
tty_run "bad date" "$KICKOFF" action add "$M" a --owner b --due "d$evil"
tty_run "unreadable file" "$KICKOFF" import "$T_TMP/none$evil.json"
tty_run "a newline in an argument stays on the message's line" "$KICKOFF" "a"$'\n'"kickoff: fake"
expect_eq "one line" "$(grep -c '' "$T_TMP/tty")" 1

# To a file or a pipe the bytes are the stored ones: an export round trip
# stays byte-identical, and stdout equals -o FILE.
for f in md json csv ics; do
	opts=(--format "$f")
	[ "$f" = csv ] && opts+=(--entity decisions)
	ko export "$M" "${opts[@]}" > "$T_TMP/pipe.$f"
	ko export "$M" "${opts[@]}" -o "$T_TMP/file.$f"
	check "export $f: a pipe gets what -o writes" cmp "$T_TMP/pipe.$f" "$T_TMP/file.$f"
	# (each format writes ESC its own way: CSV as it is, JSON as \u001B;
	# iCalendar has no place for a control character)
	[ "$f" = ics ] && continue
	if grep -q "$(printf '\302\233\177\342\200\256\342\201\246')" "$T_TMP/pipe.$f"; then
		ok "export $f: a pipe keeps the stored C1, DEL and bidirectional controls"
	else fail "export $f: a pipe keeps the stored controls" "$(head -c 200 "$T_TMP/pipe.$f" | od -c | head)"; fi
done
ko --db "$T_TMP/round.db" import "$T_TMP/pipe.json" >/dev/null
ko --db "$T_TMP/round.db" export "$M" --format json > "$T_TMP/round.json"
check "json round trip through a pipe is byte-identical" cmp "$T_TMP/pipe.json" "$T_TMP/round.json"
ko template show "T$evil" > "$T_TMP/shown.json"
expect_eq "template show to a pipe keeps the name" "$(jq -r .name "$T_TMP/shown.json")" "T$evil"
ko decision list "$M" --json > "$T_TMP/list.json"
expect_eq "--json to a pipe keeps the text" "$(jq -r '.decisions[0].text' "$T_TMP/list.json")" "D$evil"

# The screens draw through the same routine: the bidirectional controls
# of a stored name are symbols there too.
printf '<Save screen-bidi>\n' > "$T_TMP/script"
KICKOFF_SCRIPT="$T_TMP/script" KICKOFF_SCREEN_DIR="$T_TMP" LINES=24 COLUMNS=100 "$KICKOFF" \
	2>"$T_TMP/screen.err" || fail "screen run" "$(head -c 300 "$T_TMP/screen.err")"
expect_match "the screen shows the project" "$(cat "$T_TMP/screen-bidi")" 'PX␛\[31m'
if grep -qP '[\x{202a}-\x{202e}\x{2066}-\x{2069}\x{80}-\x{9f}\x{1b}]' "$T_TMP/screen-bidi"; then
	fail "no bidirectional control on the screen" "$(grep -P '[\x{202a}-\x{202e}\x{2066}-\x{2069}]' "$T_TMP/screen-bidi")"
else ok "no bidirectional control on the screen"; fi
