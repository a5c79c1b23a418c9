# The Debian package: dpkg-buildpackage -us -uc -b in a copy of the tree
# (the .deb lands beside it, in this test's folder), lintian without an
# error or a warning, the files and dependencies the package has, and
# debian/ in step with the Makefile.
src=${KICKOFF_SRC:?}
mk() { make -s --no-print-directory -C "$src" "$@"; }
version=$(sed -n 's/^VERSION *:= *//p' "$src/Makefile")
check "the Makefile has a version" test -n "$version"
expect_eq "debian/changelog's version is the Makefile's" \
	"$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)" "$version"

# Every library the program links is a build dependency.
deps=$(sed -n '/^Build-Depends:/,/^[A-Z]/p' "$src/debian/control")
missing=
for p in $(mk print-LIBS); do
	grep -qw -- "${p#*:}" <<<"$deps" || missing="$missing ${p#*:}"
done
expect_eq "debian/control builds with every library of LIBS" "$missing" ""

# The tree as it would be released: the files git knows, or all of it.
tree=$T_TMP/kickoff-$version
mkdir -p "$tree"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$src" && git ls-files -co --exclude-standard -z | tar -cf - --null -T -) | tar -xf - -C "$tree"
else
	(cd "$src" && tar -cf - --exclude=./build --exclude=./.git .) | tar -xf - -C "$tree"
fi
(cd "$tree" && dpkg-buildpackage -us -uc -b) > "$T_TMP/build.log" 2>&1
st=$?
expect_eq "dpkg-buildpackage -us -uc -b" "$st" 0
[ "$st" = 0 ] || tail -n 30 "$T_TMP/build.log" >&2
deb=$T_TMP/kickoff_${version}_$(dpkg --print-architecture).deb
check "the .deb is built beside the tree" test -s "$deb"
changes=$T_TMP/kickoff_${version}_$(dpkg --print-architecture).changes

lint=$(lintian --no-tag-display-limit "$changes" 2>&1 | grep -v 'running with root privileges')
expect_eq "lintian: no error or warning" "$(printf '%s\n' "$lint" | grep -E '^[EW]: ')" ""

files=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for f in ./usr/bin/kickoff ./usr/share/man/man1/kickoff.1.gz \
	./usr/share/locale/zh_CN/LC_MESSAGES/kickoff.mo \
	./usr/share/bash-completion/completions/kickoff \
	./usr/share/zsh/vendor-completions/_kickoff \
	./usr/share/fish/vendor_completions.d/kickoff.fish \
	./usr/share/doc/kickoff/copyright; do
	printf '%s\n' "$files" | grep -qxF -- "$f" && ok "package holds $f" || fail "package holds $f" "not in the .deb"
done
depends=$(dpkg-deb -f "$deb" Depends)
for l in libsqlite3 libncursesw6 libjansson4; do
	expect_match "the package depends on $l (linked shared)" "$depends" "$l"
done
# The build took dpkg-buildflags' flags and no -Werror.
expect_match "the package build compiles with the hardening flags" \
	"$(grep -m1 -- ' -c -o build/src/main.o' "$T_TMP/build.log")" '-D_FORTIFY_SOURCE=2 .*-fstack-protector-strong'
expect_eq "the package build has no -Werror" "$(grep -- ' -c -o ' "$T_TMP/build.log" | grep -c -- ' -Werror ')" 0
mkdir -p "$T_TMP/unpacked"
dpkg-deb -x "$deb" "$T_TMP/unpacked"
expect_match "the packaged binary binds now" "$(readelf -dW "$T_TMP/unpacked/usr/bin/kickoff")" 'BIND_NOW|FLAGS_1.*NOW'
expect_match "the packaged binary runs" "$("$T_TMP/unpacked/usr/bin/kickoff" --version)" "$version"
