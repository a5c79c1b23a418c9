# The terminal: sizes, the too-small notice and the way back, Ctrl-L,
# TERM=dumb refused, NO_COLOR.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo --customer ACME >/dev/null
ko meeting add Apollo ko --at '2026-12-01 10:00' --host Ana >/dev/null

screen_run <<'S'
<Enter> <Enter> 3 j j j <Space>
<Save before-resize>
<Resize 30x8> <Save too-small>
j j <Space>
<Resize 80x24> <Save after-resize>
<Resize 39x24> <Save narrow-39>
<Resize 40x10> <Save small-40x10>
<Resize 80x24> <C-l> <Save after-redraw>
S
golden too-small
golden small-40x10
if diff -q "$T_TMP/before-resize" "$T_TMP/after-resize" >/dev/null; then ok "same place after growing back"
else fail "same place after growing back" "$(diff "$T_TMP/before-resize" "$T_TMP/after-resize" | head -20)"; fi
screen_has narrow-39 "Terminal too small"
expect_eq "keys wait while too small" "$(db_sql "SELECT count(checked_at) FROM item")" 1
if diff -q "$T_TMP/before-resize" "$T_TMP/after-redraw" >/dev/null; then ok "Ctrl-L redraws the same"
else fail "Ctrl-L redraws the same" "differs"; fi

# 200x60: the wide layout.
screen_run 60 200 <<'S'
<Save wide-projects> <Enter> <Enter> 3 <Save wide-agenda>
S
golden wide-agenda
screen_has wide-projects 'Apollo +ACME'

# NO_COLOR: same text, drawn without colour.
NO_COLOR=1 screen_run <<'S'
<Enter> <Enter> 3 <Save nocolor-agenda>
S
screen_has nocolor-agenda '› 3 Agenda'

# TERM=dumb and no terminal are refused with a clear message.
expect_exit 1 "TERM=dumb refused" env TERM=dumb "$KICKOFF"
expect_match "says why" "$ERR" "TERM is unset or 'dumb'"
expect_exit 1 "no terminal refused" env TERM=xterm "$KICKOFF"
expect_match "says why" "$ERR" "need a terminal"
