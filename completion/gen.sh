#!/bin/sh
# gen.sh - makes a shell's completion from the binary's own verb tables,
# as docs/man-keys.sh makes the manual's command list, so that neither
# can fall behind the program:
#   sh completion/gen.sh bash|zsh|fish build/kickoff completion/kickoff.bash.in
# The template's @SPEC@ line becomes the commands, their arguments, options
# and values (completion/spec.awk reads them from the usage lines), in the
# shell's own syntax.
set -eu
shell=$1 bin=$2 template=$3
tmp=${TMPDIR:-/tmp}/kickoff-comp.$$
trap 'rm -f "$tmp.spec" "$tmp.out"' EXIT
here=$(dirname "$0")

ko() {
	LC_ALL=C LANG=C LANGUAGE= KICKOFF_LOCALEDIR=/nonexistent KICKOFF_DB=/nonexistent/kickoff.db \
		"$bin" "$@"
}
entities=$(ko __complete entities | paste -sd, -)
ko __complete verb-table | awk -v entities="$entities" -f "$here/spec.awk" > "$tmp.spec"
if ! grep -q '^V' "$tmp.spec"; then
	echo "gen.sh: $bin listed no verbs" >&2
	exit 1
fi

# Each shell's spec: the same facts, quoted for that shell (a help text in
# single quotes, ' written as '\'').
case $shell in
bash)
	awk -F '\t' '
	BEGIN { print "declare -gA _kickoff_verbs=() _kickoff_args=() _kickoff_opts=()" }
	$1 == "V" {
		if (!($2 in seen)) { seen[$2] = 1; groups = groups (groups == "" ? "" : " ") $2; verbs[$2] = "" }
		if ($3 != "") verbs[$2] = verbs[$2] (verbs[$2] == "" ? "" : " ") $3
	}
	$1 == "P" { args[$2 "/" $3] = $4; keys[++nk] = $2 "/" $3 }
	$1 == "O" { k = ($2 == "" ? "" : $2 "/" $3); opts[k] = opts[k] (opts[k] == "" ? "" : " ") $4 "=" $5 }
	END {
		printf "_kickoff_groups='\''%s'\''\n", groups
		n = split(groups, g, " ")
		for (i = 1; i <= n; i++) printf "_kickoff_verbs[%s]='\''%s'\''\n", g[i], verbs[g[i]]
		for (i = 1; i <= nk; i++) printf "_kickoff_args[%s]='\''%s'\''\n", keys[i], args[keys[i]]
		for (i = 1; i <= nk; i++) printf "_kickoff_opts[%s]='\''%s'\''\n", keys[i], opts[keys[i]]
		printf "_kickoff_opts[/]='\''%s'\''\n", opts[""]
	}' "$tmp.spec" > "$tmp.out" ;;
zsh)
	awk -F '\t' '
	function q(s) { gsub(/'\''/, "'\''\\'\'''\''", s); return "'\''" s "'\''" }
	function first(s) { sub(/\. .*/, ".", s); return s }
	function colon(s) { gsub(/:/, "\\:", s); return s }
	BEGIN { print "typeset -gA _kickoff_verbs _kickoff_args _kickoff_opts"; print "typeset -ga _kickoff_groups" }
	$1 == "V" {
		if (!($2 in seen)) { seen[$2] = 1; groups[++ng] = $2; verbs[$2] = "" }
		if ($3 != "") { verbs[$2] = verbs[$2] (verbs[$2] == "" ? "" : " ") $3; vhelp[$2 "/" $3] = first($4) }
		else ghelp[$2] = first($4)
	}
	$1 == "P" { args[$2 "/" $3] = $4; keys[++nk] = $2 "/" $3 }
	$1 == "O" { k = ($2 == "" ? "" : $2 "/" $3); opts[k] = opts[k] (opts[k] == "" ? "" : " ") $4 "=" $5 }
	END {
		printf "_kickoff_groups=("
		for (i = 1; i <= ng; i++) {
			h = ghelp[groups[i]]
			if (h == "") h = verbs[groups[i]]
			printf " %s", q(colon(groups[i]) ":" h)
		}
		print " )"
		for (i = 1; i <= ng; i++) {
			g = groups[i]
			if (verbs[g] == "") { printf "_kickoff_verbs[%s]=\"\"\n", g; continue }
			n = split(verbs[g], v, " ")
			s = ""
			for (j = 1; j <= n; j++) s = s (j > 1 ? "\n" : "") v[j] ":" vhelp[g "/" v[j]]
			printf "_kickoff_verbs[%s]=%s\n", g, q(s)
		}
		for (i = 1; i <= nk; i++) printf "_kickoff_args[%s]=%s\n", keys[i], q(args[keys[i]])
		for (i = 1; i <= nk; i++) printf "_kickoff_opts[%s]=%s\n", keys[i], q(opts[keys[i]])
		printf "_kickoff_opts[/]=%s\n", q(opts[""])
	}' "$tmp.spec" > "$tmp.out" ;;
fish)
	awk -F '\t' '
	function q(s) { gsub(/\\/, "\\\\", s); gsub(/'\''/, "\\'\''", s); return "'\''" s "'\''" }
	function first(s) { sub(/\. .*/, ".", s); return s }
	function cond(g, v) { return "__kickoff_at " (g == "" ? "\"\"" : g) " " (v == "" ? "\"\"" : v) }
	$1 == "V" {
		if (!($2 in seen)) { seen[$2] = 1; groups[++ng] = $2; verbs[$2] = "" }
		if ($3 != "") { verbs[$2] = verbs[$2] (verbs[$2] == "" ? "" : " ") $3; vhelp[$2 "/" $3] = first($4) }
		else ghelp[$2] = first($4)
	}
	$1 == "P" { args[$2 "/" $3] = $4; pg[++np] = $2; pv[np] = $3 }
	$1 == "O" { og[++no] = $2; ov[no] = $3; oname[no] = $4; okind[no] = $5
		if ($5 != "-") takes = takes " " ($2 == "" ? "" : $2 "/" $3) "/" $4 }
	END {
		printf "set -g __kickoff_takes %s\n", substr(takes, 2)
		printf "set -g __kickoff_groups"
		for (i = 1; i <= ng; i++) printf " %s", groups[i]
		printf "\nset -g __kickoff_grouponly"
		for (i = 1; i <= ng; i++) if (verbs[groups[i]] == "") printf " %s", groups[i]
		print ""
		for (i = 1; i <= ng; i++) {
			g = groups[i]
			h = ghelp[g]; if (h == "") h = verbs[g]
			printf "complete -c kickoff -n %s -a %s -d %s\n", q("__kickoff_at \"\" \"\""), g, q(h)
			if (verbs[g] == "") continue
			n = split(verbs[g], v, " ")
			for (j = 1; j <= n; j++)
				printf "complete -c kickoff -n %s -a %s -d %s\n", q(cond(g, "-")), v[j], q(vhelp[g "/" v[j]])
		}
		for (i = 1; i <= no; i++) {
			o = oname[i]
			flag = (o ~ /^--/) ? "-l " substr(o, 3) : "-s " substr(o, 2)
			k = okind[i]
			if (k == "-") val = ""
			else if (k == "files") val = " -r -F"
			else if (k == "text") val = " -x"
			else if (k ~ /^words:/) { w = substr(k, 7); gsub(/,/, " ", w); val = " -x -a " q(w) }
			else if (k == "targets") val = " -x -a " q("(__kickoff_names meetings projects)")
			else val = " -x -a " q("(__kickoff_names " k ")")
			printf "complete -c kickoff -n %s %s%s\n", q(cond(og[i], ov[i])), flag, val
		}
		for (i = 1; i <= np; i++) {
			n = split(args[pg[i] "/" pv[i]], a, " ")
			for (j = 1; j <= n; j++) {
				k = a[j]
				c = "__kickoff_arg " pg[i] " " (pv[i] == "" ? "\"\"" : pv[i]) " " j
				if (k == "files") val = "-F"
				else if (k == "text") continue
				else if (k ~ /^words:/) { w = substr(k, 7); gsub(/,/, " ", w); val = "-a " q(w) }
				else if (k == "targets") val = "-a " q("(__kickoff_names meetings projects)")
				else val = "-a " q("(__kickoff_names " k ")")
				printf "complete -c kickoff -n %s %s\n", q(c), val
			}
		}
	}' "$tmp.spec" > "$tmp.out" ;;
*)
	echo "gen.sh: no such shell: $shell (bash, zsh or fish)" >&2
	exit 1 ;;
esac

awk -v spec="$tmp.out" '
	/^@SPEC@$/ { while ((getline l < spec) > 0) print l; next }
	{ print }' "$template"
