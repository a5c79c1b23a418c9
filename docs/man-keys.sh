#!/bin/sh
# man-keys.sh - makes the manual from docs/kickoff.1.in:
#   @KEYS@     the keys of every screen, and
#   @KEYS NAME@  the keys of screen NAME (Form, Confirm, ...): both from
#              the binary's kickoff __keys, the rows the `?` help shows,
#              made from the live bindings (src/tui/keymap.c) and the
#              raw screens' own key tables
#   @VERBS@    the commands, from the binary's verb tables
#              (kickoff __complete verb-table, in English)
#   @VERSION@  the version
#   @DATE@     the page's date (MAN_DATE), @DOCDIR@ where guide.md is
#   @LOCALEDIR@, @BASHCOMPDIR@, @ZSHCOMPDIR@, @FISHCOMPDIR@  from the
#              environment (the Makefile's)
# so neither keys nor verbs are typed twice.
#   sh docs/man-keys.sh docs/kickoff.1.in build/kickoff 0.1.0
set -eu
in=$1 bin=$2 version=$3
tmp=${TMPDIR:-/tmp}/kickoff-man.$$
trap 'rm -f "$tmp.keys" "$tmp.verbs"' EXIT

# Quote text for roff: backslashes, and a leading dot or quote.
roff_text='s/\\/\\e/g; s/^\([.'"'"']\)/\\\&\1/'

# SCREEN<TAB>KEYS<TAB>HELP, in English.
LC_ALL=C LANG=C LANGUAGE= KICKOFF_LOCALEDIR=/nonexistent KICKOFF_DB=/nonexistent/kickoff.db \
	"$bin" __keys | sed "$roff_text" |
	awk -F '\t' '{ keys = $2; gsub(/-/, "\\-", keys); printf "%s\t.TP 14\n%s\t.B %s\n%s\t%s\n", $1, $1, keys, $1, $3 }' > "$tmp.keys"
if ! grep -q '^\*	' "$tmp.keys"; then
	echo "man-keys.sh: $bin listed no keys" >&2
	exit 1
fi

LC_ALL=C LANG=C LANGUAGE= KICKOFF_LOCALEDIR=/nonexistent KICKOFF_DB=/nonexistent/kickoff.db \
	"$bin" __complete verb-table | sed "$roff_text" |
	awk -F '\t' '
	function usage(s,    out, n, i, w, words) {
		# Upper-case words are what the user fills in: italics.
		n = split(s, words, " ")
		out = ""
		for (i = 1; i <= n; i++) {
			w = words[i]
			gsub(/-/, "\\-", w)
			if (w ~ /^[[]?[A-Z][A-Z_]*[]]?$/ || w ~ /^[[]?[A-Z][A-Z_]*-[A-Z]/) {
				pre = ""; post = ""
				if (substr(w, 1, 1) == "[") { pre = "["; w = substr(w, 2) }
				if (substr(w, length(w), 1) == "]") { post = "]"; w = substr(w, 1, length(w) - 1) }
				w = pre "\\fI" w "\\fR" post
			}
			out = out (i > 1 ? " " : "") w
		}
		return out
	}
	{
		if ($1 != group) { printf ".SS %s\n", $1; group = $1 }
		printf ".TP\n\\fBkickoff %s%s%s\\fR %s\n", $1, ($2 == "" ? "" : " "), $2, usage($3)
		help = $4; gsub(/--/, "\\-\\-", help)
		printf "%s\n", help
	}' > "$tmp.verbs"
if [ ! -s "$tmp.verbs" ]; then
	echo "man-keys.sh: $bin listed no verbs" >&2
	exit 1
fi

awk -v keys="$tmp.keys" -v verbs="$tmp.verbs" -v version="$version" \
    -v localedir="${LOCALEDIR:-/usr/local/share/locale}" \
    -v compdir="${BASHCOMPDIR:-/usr/local/share/bash-completion/completions}" \
    -v zshdir="${ZSHCOMPDIR:-/usr/local/share/zsh/vendor-completions}" \
    -v fishdir="${FISHCOMPDIR:-/usr/local/share/fish/vendor_completions.d}" \
    -v docdir="${DOCDIR:-/usr/local/share/doc/kickoff}" -v mandate="${MAN_DATE:-}" '
	/^@KEYS( .*)?@$/ {
		want = $0; sub(/^@KEYS ?/, "", want); sub(/@$/, "", want)
		if (want == "") want = "*"
		found = 0
		while ((getline l < keys) > 0) {
			t = index(l, "\t")
			if (substr(l, 1, t - 1) == want) { print substr(l, t + 1); found = 1 }
		}
		close(keys)
		if (!found) { print "man-keys.sh: no keys for screen " want > "/dev/stderr"; exit 1 }
		next
	}
	# Text lines folded at 78 columns (at spaces; a piece that would
	# start with a control character gets \& before it), but for the
	# tag line after .TP, which must stay one line.
	function fold(l,   out, w, n, i, words) {
		tag = prev == ".TP"; prev = l
		if (tag || l ~ /^[.\x27]/ || length(l) <= 78) { print l; return }
		n = split(l, words, " "); out = ""
		for (i = 1; i <= n; i++) {
			w = words[i]
			if (out != "" && length(out) + 1 + length(w) > 78) { print out; out = "" }
			if (out == "") out = (w ~ /^[.\x27]/ ? "\\&" w : w)
			else out = out " " w
		}
		if (out != "") print out
	}
	/^@VERBS@$/ { while ((getline l < verbs) > 0) fold(l); next }
	{ gsub(/@VERSION@/, version); gsub(/@LOCALEDIR@/, localedir);
	  gsub(/@BASHCOMPDIR@/, compdir); gsub(/@ZSHCOMPDIR@/, zshdir);
	  gsub(/@FISHCOMPDIR@/, fishdir); gsub(/@DOCDIR@/, docdir);
	  gsub(/@DATE@/, mandate); print }' "$in"
