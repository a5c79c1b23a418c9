#!/usr/bin/env bash
# capture.sh - refreshes the screen captures in docs/guide.md and
# README.md from the headless mode (KICKOFF_SCRIPT), so the pictures
# always show the program as it is.  Run by `make docs`.
#
# A capture is a block in the Markdown between two markers:
#
#   <!-- capture: NAME -->
#   ```text
#   ...the screen, 80x24, replaced on every run...
#   ```
#   <!-- /capture -->
#
# and a key script docs/captures/NAME.keys that drives the screens to the
# moment to show (the headless mode's script format: one key or action a
# line, ending with the save-screen action).  The captures run on a
# demonstration database made here by the command line, with a fixed
# clock, user, size and language, so two runs give the same text.
#   KICKOFF=build/kickoff bash docs/capture.sh [NAME...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
: "${KICKOFF:=$root/build/kickoff}"
: "${KICKOFF_LOCALEDIR:=$root/build/locale}"
export KICKOFF_LOCALEDIR
work=$(mktemp -d "${TMPDIR:-/tmp}/kickoff-capture.XXXXXX")
trap 'rm -rf "$work"' EXIT

export KICKOFF_DB=$work/demo.db KICKOFF_USER=ann KICKOFF_NOW='2026-12-01 10:30' TZ=UTC
export LC_ALL= LANGUAGE= LANG=C.UTF-8 LINES=24 COLUMNS=80 NO_COLOR=1

# The demonstration: the project of the guide, its KO half-way through;
# in English, and in Chinese (made under a Chinese locale, so with the
# Chinese template) for the captures whose name ends in -zh.
demo() {
	local k=$KICKOFF p=Apollo
	if [ "$1" = zh ]; then p=阿波罗; fi
	$k project add $p --customer ACME --code APL-7 >/dev/null
	$k meeting add $p ko --at '2026-12-01 10:00' --host Ann >/dev/null
	if [ "$1" = zh ]; then
		$k attendee add $p/ko 张三 --role 项目经理 --present >/dev/null
		$k attendee add $p/ko 李四 --role 客户代表 --org ACME --present >/dev/null
		$k attendee add $p/ko 王五 --role 技术负责人 >/dev/null
	else
		$k attendee add $p/ko Ann --role 'project manager' --email ann@apollo.example --present >/dev/null
		$k attendee add $p/ko Bob --role sponsor --org ACME --present >/dev/null
		$k attendee add $p/ko Chen --role 'tech lead' --present >/dev/null
		$k attendee add $p/ko Dana --role 'customer representative' --org ACME --status regrets >/dev/null
	fi
	for n in 1 2 3 4; do $k item check $p/ko $n >/dev/null; done
	if [ "$1" = zh ]; then
		$k item note $p/ko 2 '以需求清单第三版为基线' >/dev/null
		$k decision add $p/ko '每周一上午十点召开项目例会' --by 李四 --item 7 >/dev/null
		$k risk add $p/ko '迁移前客户数据未准备好' --impact high --likelihood medium --owner 李四 >/dev/null
		$k action add $p/ko '起草项目章程' --owner 张三 --due 2026-12-08 >/dev/null
	else
		$k item note $p/ko 2 'Needs list v3 from ACME is the baseline' >/dev/null
		$k decision add $p/ko 'Weekly status meeting on Mondays at 10:00' --by Bob --item 7 >/dev/null
		$k risk add $p/ko 'Customer data not ready before the migration' --impact high \
			--likelihood medium --owner Bob --mitigation 'Start with a sample export' >/dev/null
		$k output set $p/ko 1 --status drafting --owner Ann >/dev/null
		$k action add $p/ko 'Draft the project charter' --owner Ann --due 2026-12-08 >/dev/null
		$k action add $p/ko 'Send the scope statement for sign-off' --owner Ann --due 2026-11-28 >/dev/null
	fi
}
demo en
KICKOFF_DB=$work/demo-zh.db LANG=zh_CN.UTF-8 demo zh

# Replaces the block of capture NAME in FILE with TEXT.
put_capture() {
	local file=$1 name=$2 text=$3
	python3 - "$file" "$name" "$text" <<'EOF'
import re, sys
path, name, text = sys.argv[1:4]
src = open(path, encoding="utf-8").read()
pat = re.compile(r"(<!-- capture: %s -->\n)(.*?)(<!-- /capture -->)" % re.escape(name), re.S)
new, n = pat.subn(lambda m: m.group(1) + "```text\n" + text.rstrip("\n") + "\n```\n" + m.group(3), src)
if n:
    open(path, "w", encoding="utf-8").write(new)
print("%s: %s %s" % (path, name, "updated" if n else "has no place"), file=sys.stderr)
EOF
}

captures=("$@")
if [ ${#captures[@]} -eq 0 ]; then
	captures=()
	for f in "$here"/captures/*.keys; do
		[ -e "$f" ] && captures+=("$(basename "$f" .keys)")
	done
fi
if [ ${#captures[@]} -eq 0 ]; then
	echo "capture.sh: no key scripts in docs/captures/ yet; the captures wait for the screens" >&2
	exit 0
fi
for name in "${captures[@]}"; do
	keys=$here/captures/$name.keys
	out=$work/$name.txt
	lang=C.UTF-8 db=$work/demo.db
	case $name in *-zh) lang=zh_CN.UTF-8 db=$work/demo-zh.db ;; esac
	# The headless mode writes the saved screen to KICKOFF_SCREEN_OUT.
	if ! KICKOFF_DB=$db LANG=$lang KICKOFF_SCRIPT=$keys KICKOFF_SCREEN_OUT=$out "$KICKOFF" </dev/null >/dev/null 2>"$work/err"; then
		echo "capture.sh: $name failed: $(head -c 300 "$work/err")" >&2
		exit 1
	fi
	if [ ! -s "$out" ]; then
		echo "capture.sh: $name saved no screen" >&2
		exit 1
	fi
	for doc in "$root/docs/guide.md" "$root/README.md"; do
		if grep -q "<!-- capture: $name -->" "$doc"; then put_capture "$doc" "$name" "$(cat "$out")"; fi
	done
done
