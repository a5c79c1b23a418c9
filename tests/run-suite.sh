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
	rm -rf "$tmp"
done
echo "$(basename "$dir"): $pass passed, $failed failed"
[ "$files" -gt 0 ] && [ "$failed" = 0 ]
