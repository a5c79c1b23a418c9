# The Makefile as a packager runs it: dpkg-buildflags' hardening in the
# compile and link commands of make V=1 and in the binary, -Werror only
# where the code is worked on, shared linking by default (STATIC=1
# static), one clear line for a missing library, and dependency lists
# that name only what their targets use.
src=${KICKOFF_SRC:?}
# Run from make check, MAKEFLAGS carries its WERROR=1 into every make
# below; a packager's make starts without it.
unset MAKEFLAGS MFLAGS MAKELEVEL WERROR
mk() { make --no-print-directory -C "$src" "$@"; }

# ---- the distribution's flags reach every command ----
b=$T_TMP/flags
(
	eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
	mk V=1 WERROR=0 O="$b" "$b/kickoff"
) > "$T_TMP/v1.log" 2>&1
check "built with dpkg-buildflags" test -x "$b/kickoff"
compiles=$(grep -E '^(cc|gcc)[^ ]* .* -c -o ' "$T_TMP/v1.log")
links=$(grep -E '^(cc|gcc)[^ ]* .* -o [^ ]*/kickoff ' "$T_TMP/v1.log")
check "make V=1 shows the compile commands" test -n "$compiles"
check "make V=1 shows the link command" test -n "$links"
for f in -D_FORTIFY_SOURCE=2 -fstack-protector-strong -Wdate-time -Werror=format-security; do
	expect_eq "every compile has $f" "$(printf '%s\n' "$compiles" | grep -cv -- " $f")" 0
done
for f in -Wl,-z,relro -Wl,-z,now; do
	expect_match "the link has $f" "$links" " $f( |$)"
done
expect_match "the binary has a read-only relocation segment" "$(readelf -lW "$b/kickoff")" GNU_RELRO
expect_match "the binary binds now" "$(readelf -dW "$b/kickoff")" 'BIND_NOW|FLAGS_1.*NOW'
expect_match "the binary calls the fortified functions" "$(readelf -sW --dyn-syms "$b/kickoff")" '__[a-z]*_chk'

# ---- shared by default, static on request ----
ldd_out=$(ldd "$b/kickoff")
for l in libsqlite3 libncursesw libjansson; do
	expect_match "shared by default: $l" "$ldd_out" "$l\\.so"
done
mk WERROR=0 O="$b" STATIC=1 "$b/kickoff" > "$T_TMP/static.log" 2>&1
check "STATIC=1 links again" grep -q 'LINK.*kickoff' "$T_TMP/static.log"
ldd_out=$(ldd "$b/kickoff")
for l in libsqlite3 libncursesw libjansson; do
	printf '%s' "$ldd_out" | grep -q "$l\\.so" && fail "STATIC=1: $l linked statically" "$ldd_out" || ok "STATIC=1: $l linked statically"
done

# ---- -Werror: in a git work tree and make check, not in a tarball ----
dry() { make -n --no-print-directory V=1 -B "$@" 2>/dev/null | grep -m1 -- ' -c -o .*main\.o'; }
if [ -e "$src/.git" ]; then
	expect_match "a git work tree builds with -Werror" "$(dry -C "$src" O="$T_TMP/dry" "$T_TMP/dry/src/main.o")" ' -Werror( |$)'
fi
cmd=$(dry -C "$src" O="$T_TMP/dry" WERROR=0 "$T_TMP/dry/src/main.o")
check "WERROR=0 shows a compile" test -n "$cmd"
expect_eq "WERROR=0 builds without -Werror" "$(printf '%s' "$cmd" | grep -c -- ' -Werror ')" 0
# A source tree without git (a release tarball, a package build).
tree=$T_TMP/tarball
mkdir -p "$tree"
(cd "$src" && tar -cf - --exclude=./build --exclude=./.git .) | tar -xf - -C "$tree"
cmd=$(dry -C "$tree" O="$T_TMP/dry" "$T_TMP/dry/src/main.o")
check "a tarball shows a compile" test -n "$cmd"
expect_eq "a tarball builds without -Werror" "$(printf '%s' "$cmd" | grep -c -- ' -Werror ')" 0
expect_match "make check turns -Werror on" "$(sed -n '/^check:/,/^$/p' "$src/Makefile")" 'WERROR=1 check-run'

# ---- a missing library is named in one line, with its package ----
mkdir -p "$T_TMP/no-pc"
PKG_CONFIG_LIBDIR=$T_TMP/no-pc PKG_CONFIG_PATH= make --no-print-directory -C "$tree" O="$T_TMP/nolib" all \
	> "$T_TMP/nolib.out" 2> "$T_TMP/nolib.err"
expect_eq "the build stops" "$?" 2
err=$(grep -v '^make' "$T_TMP/nolib.err")
expect_eq "one line per missing library, nothing else" "$err" \
"kickoff: missing libncurses-dev (pkg-config ncursesw); run make deps
kickoff: missing libsqlite3-dev (pkg-config sqlite3); run make deps
kickoff: missing libjansson-dev (pkg-config jansson); run make deps
kickoff: missing libutf8proc-dev (pkg-config libutf8proc); run make deps
kickoff: missing libgmime-3.0-dev (pkg-config gmime-3.0); run make deps"
check "nothing was compiled" test ! -e "$T_TMP/nolib/src/main.o"

# ---- the dependency lists ----
list() { mk -s "print-$1"; }
build=$(list DEB_BUILD | tr '\n' ' ') tests=$(list DEB_TEST | tr '\n' ' ')
case " $build " in *" libical-dev "*) fail "libical-dev is a build dependency" "$build" ;; *) ok "libical-dev is not a build dependency" ;; esac
case " $tests " in *" libical-dev "*) ok "libical-dev is a test dependency" ;; *) fail "libical-dev is a test dependency" "$tests" ;; esac
check "libical is used by the unit tests" grep -q 'libical/ical.h' "$src"/tests/unit/*.c
for p in clang libclang-rt-14-dev valgrind; do
	case " $tests " in *" $p "*) fail "$p is not a make check dependency" "$tests" ;; *) ok "$p is not a make check dependency" ;; esac
done
expect_match "make fuzz installs clang" "$(list DEB_FUZZ | tr '\n' ' ')" 'clang libclang-rt-14-dev'
expect_match "make valgrind installs valgrind" "$(list DEB_VALGRIND)" '^valgrind$'
# No script make check runs calls valgrind or clang (this one names them).
users=$(grep -lE '^[^#]*(^|[;&|(` ])(valgrind|clang)( |$)' "$src"/tests/cli/*.sh "$src"/tests/tui/*.sh \
	"$src"/tests/reliability/*.sh "$src"/tests/*.sh 2>/dev/null)
expect_eq "make check's scripts use neither valgrind nor clang" "$users" ""
