# The source tree keeps its layers (docs/hacking.md): model/ asks the
# system nothing, platform/ calls nothing above it, the screens reach the
# use cases through app/ and not through the command line, curses and
# SQLite stay in their folders; and one test file or one unit suite runs
# alone with make test T=... and make unit SUITE=....
src=${KICKOFF_SRC:?}
cd "$src" || exit 1

# ---- layers ----
calls=$(grep -nE '\b(getenv|setenv|unsetenv|setlocale|getpwuid|getuid|fopen|open|write|clock_gettime|time)[[:space:]]*\(' \
	src/model/*.c | grep -v '^[^:]*:[0-9]*:[[:space:]]*/\?\*')
expect_eq "src/model/ asks the system nothing (environment, clock, files, locale, users)" "$calls" ""
up=$(grep -n '#include "kickoff/' src/platform/*.c |
	grep -vE 'kickoff/(clock|identity|i18n|trace|file|error)\.h"')
expect_eq "src/platform/ includes only platform headers" "$up" ""
expect_eq "the screens call no command-line code" "$(grep -ln 'kickoff/cli.h' src/tui/*.c src/tui/*.h src/app/*.c)" ""
expect_eq "curses only in src/tui/" \
	"$(grep -rlE '#include[[:space:]]*<n?cursesw?(/curses)?\.h>' src include | grep -v '^src/tui/')" ""
expect_eq "sqlite3.h only in src/store/ (and the store's private change log)" \
	"$(grep -rl '#include <sqlite3.h>' src include | grep -vE '^src/store/|^include/kickoff/changelog.h$')" ""

# ---- one test at a time ----
# The build the suites were given, so that nothing is rebuilt.
o=$(dirname "${KICKOFF:?}")
expect_exit 0 "make test T=tests/cli/test_smoke.sh passes" make --no-print-directory -s O="$o" test T=tests/cli/test_smoke.sh
out=$OUT
expect_match "it runs that file" "$out" 'test_smoke\.sh: [1-9][0-9]* passed, 0 failed'
expect_eq "and that file alone" "$(printf '%s\n' "$out" | grep -c '^  test_.*: .* passed')" 1
expect_exit 2 "make test T=a missing file fails" make --no-print-directory -s O="$o" test T=tests/cli/test_none.sh
expect_match "naming it" "$ERR" "no test 'tests/cli/test_none.sh'"

out=$(make --no-print-directory -s O="$o" unit SUITE=datetime 2>&1)
expect_match "make unit SUITE=datetime runs that suite" "$out" 'Running suite\(s\): datetime'
expect_match "and passes" "$out" '100%: Checks: [1-9]'
expect_eq "and no other" "$(printf '%s\n' "$out" | grep -c 'Running suite')" 1
expect_exit 2 "make unit SUITE=an unknown suite fails" make --no-print-directory -s O="$o" unit SUITE=nosuch
expect_match "naming the suites there are" "$ERR" "no unit suite 'nosuch'; there are: .*datetime.*store"
out=$(make --no-print-directory -s O="$o" unit SUITE=datetime CASE=core 2>&1)
expect_match "make unit SUITE=datetime CASE=core runs that case" "$out" '100%: Checks: [1-9]'
expect_exit 2 "make unit CASE=an unknown case fails" make --no-print-directory -s O="$o" unit SUITE=datetime CASE=nosuch
expect_match "naming it" "$ERR" "no unit test case 'nosuch'"
