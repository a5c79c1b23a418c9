# tests/tui/screen_lib.sh - headless screen tests: run the program with a
# key script and compare the saved screens with tests/screens/NAME.txt.
#
#   screen_run [LINES COLUMNS] <<'EOF' ... EOF
#        runs $KICKOFF with the script on stdin (see src/tui/script.c for
#        its tokens); <Save NAME> writes $T_TMP/NAME; exit status in $RC
#   golden NAME
#        compares $T_TMP/NAME.txt with tests/screens/NAME.txt;
#        KICKOFF_UPDATE_GOLDEN=1 writes the golden file instead
#   screen_has NAME REGEX   the saved screen matches REGEX
RC=0
screen_run() {
	local lines=${1:-24} cols=${2:-80}
	cat > "$T_TMP/script"
	KICKOFF_SCRIPT="$T_TMP/script" KICKOFF_SCREEN_DIR="$T_TMP" LINES=$lines COLUMNS=$cols \
		"$KICKOFF" 2>"$T_TMP/screen.err"
	RC=$?
	if [ "$RC" != 0 ]; then fail "screen run" "exit $RC: $(head -c 300 "$T_TMP/screen.err")"; fi
}

golden() {
	local got="$T_TMP/$1" want="$KICKOFF_TESTS/screens/$1.txt"
	if [ ! -f "$got" ]; then fail "screen $1" "not saved"; return; fi
	if [ -n "${KICKOFF_UPDATE_GOLDEN:-}" ]; then
		cp "$got" "$want"; ok "screen $1 (golden written)"; return
	fi
	if [ ! -f "$want" ]; then fail "screen $1" "no golden file $want (KICKOFF_UPDATE_GOLDEN=1 writes it)"; return; fi
	if diff -u "$want" "$got" > "$T_TMP/diff"; then ok "screen $1"
	else fail "screen $1" "differs from tests/screens/$1.txt:
$(head -n 40 "$T_TMP/diff")"; fi
}

screen_has() {
	if [ -f "$T_TMP/$1" ] && grep -Eq -- "$2" "$T_TMP/$1"; then ok "screen $1 has /$2/"
	else fail "screen $1 has /$2/" "$(head -n 30 "$T_TMP/$1" 2>/dev/null)"; fi
}
