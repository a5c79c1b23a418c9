#!/usr/bin/env bash
# Runs every test_*.sh in the given folder, each in a fresh temporary
# folder, and prints one closing line: "N passed, N failed".
#   KICKOFF=path/to/binary bash tests/run-suite.sh tests/cli [NAME-FILTER]
set -u
dir=$(cd "$1" && pwd)
filter=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
: "${KICKOFF:?set KICKOFF to the binary}"
pass=0 failed=0 files=0

# A program a test started (in tmux, in the background) that still runs
# after the test: given time to end, then killed, so that nothing from
# one test writes into the next one's folder or outlives the run.  It
# counts as a failure (a screen that does not end on a hang-up is a
# defect), except under ASan, whose leak check at exit can stall on the
# ptrace it needs when the terminal is already gone.
leftover() {
	local tmp=$1 pids='' p i
	for p in /proc/[0-9]*; do
		[ "${p#/proc/}" = "$$" ] && continue
		grep -qsaF "KICKOFF_DB=$tmp/" "$p/environ" && pids="$pids ${p#/proc/}"
	done
	[ -n "$pids" ] || return 0
	for i in $(seq 1 100); do
		local alive=''
		for p in $pids; do [ -d "/proc/$p" ] && alive="$alive $p"; done
		pids=$alive
		[ -n "$pids" ] || return 0
		sleep 0.2
	done
	for p in $pids; do
		echo "  FAIL $(basename "$t"): still running 20 s after the test: $(tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null)" >&2
		kill -9 "$p" 2>/dev/null
	done
	[ -n "${ASAN_OPTIONS:-}" ]
}
for t in "$dir"/test_*.sh; do
	[ -e "$t" ] || continue
	case "$t" in *"$filter"*) ;; *) continue ;; esac
	files=$((files + 1))
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/kickoff-test.XXXXXX")
	result=$(
		cd "$tmp" && export T_TMP="$tmp" KICKOFF_DB="$tmp/test.db" \
			KICKOFF_USER=tester KICKOFF_NOW='2026-11-26 09:00' TZ=UTC LANG=C.UTF-8 \
			LC_ALL=C.UTF-8 KICKOFF_TESTS="$here" HOME="$tmp" XDG_DATA_HOME= &&
		T_PASS=0 T_FAIL=0 &&
		. "$here/lib.sh" && . "$t" &&
		echo "RESULT $T_PASS $T_FAIL"
	)
	line=$(printf '%s\n' "$result" | grep '^RESULT ' | tail -n 1)
	printf '%s\n' "$result" | grep -v '^RESULT ' || true
	if [ -z "$line" ]; then
		echo "  FAIL $(basename "$t"): stopped before its end" >&2
		failed=$((failed + 1))
	else
		set -- $line
		pass=$((pass + $2)); failed=$((failed + $3))
		echo "  $(basename "$t"): $2 passed, $3 failed"
	fi
	leftover "$tmp" || failed=$((failed + 1))
	rm -rf "$tmp"
done
echo "$(basename "$dir"): $pass passed, $failed failed"
[ "$files" -gt 0 ] && [ "$failed" = 0 ]
