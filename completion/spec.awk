# spec.awk - reads `kickoff __complete verb-table` (GROUP, VERB, USAGE,
# HELP, tab-separated, in English) and writes what completion needs to
# know of each command, one fact a line, tab-separated:
#   V GROUP VERB HELP          a command (VERB empty for a one-word one)
#   P GROUP VERB KIND...       its arguments in order, one kind each
#   O GROUP VERB --OPT KIND    an option and what follows it
# GROUP and VERB are empty for the options before any command.  A KIND
# is `-` (a flag: nothing follows), text (nothing to offer), files,
# projects, meetings, targets (a project or a meeting), actions,
# templates, or words:A,B,C.  Values come from the usage line
# (`--status todo|drafting|done`); -v entities=A,B,C gives --entity's.
BEGIN { FS = "\t" }

function alternatives(w) {
	# a|b|c of lower-case words: the only values allowed.
	if (w ~ /^[a-z][a-z0-9_-]*(\|[a-z][a-z0-9_-]*)+$/) {
		gsub(/\|/, ",", w)
		return "words:" w
	}
	return ""
}
function optkind(opt, val,    k) {
	if (opt == "--meeting") return "meetings"
	if (opt == "--template") return "templates"
	if ((k = alternatives(val)) != "") return k
	if (opt == "--entity" && entities != "") return "words:" entities
	if (val ~ /FILE|PATH|DIR/) return "files"
	return "text"
}
function argkind(group, w,    k) {
	if (w == "PROJECT|MEETING") return "targets"
	if (w == "PROJECT") return "projects"
	if (w == "MEETING") return "meetings"
	if (w == "ACTION_ID") return "actions"
	if (w ~ /^FILE/) return "files"
	if (group == "template" && w == "NAME") return "templates"
	if ((k = alternatives(w)) != "") return k
	return "text"
}
function bare(w) {
	gsub(/^\[+/, "", w)
	gsub(/\]+$/, "", w)
	return w
}

{
	group = $1; verb = $2; usage = $3; help = $4
	printf "V\t%s\t%s\t%s\n", group, verb, help
	# Words of the usage; a quoted value ('YYYY-MM-DD HH:MM') is one.
	n = 0
	m = split(usage, raw, " ")
	for (i = 1; i <= m; i++) {
		w = raw[i]
		if (substr(bare(w), 1, 1) == "'")
			while (bare(w) !~ /'$/ && i < m)
				w = w " " raw[++i]
		tok[++n] = bare(w)
	}
	args = ""
	for (i = 1; i <= n; i++) {
		w = tok[i]
		if (w ~ /^-/) {
			if (i < n && tok[i + 1] !~ /^-/)
				printf "O\t%s\t%s\t%s\t%s\n", group, verb, w, optkind(w, tok[++i])
			else
				printf "O\t%s\t%s\t%s\t-\n", group, verb, w
		} else {
			args = args (args == "" ? "" : " ") argkind(group, w)
		}
	}
	printf "O\t%s\t%s\t--help\t-\n", group, verb
	printf "P\t%s\t%s\t%s\n", group, verb, args
}
END {
	printf "O\t\t\t--db\tfiles\nO\t\t\t--help\t-\nO\t\t\t--version\t-\n"
}
