# The history screen and u's message name the row and its values in the
# reader's language, whatever language the change was made in.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko action add Apollo/ko 'Write the plan' --owner Wei >/dev/null
ko action done 1 >/dev/null

LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run 24 110 <<'S'
<Enter> <Enter> 7 h <Save zh-history> q u <Save zh-undone>
S
screen_has zh-history '设置后续行动状态：《Write the plan》 待处理 → 已完成'
screen_has zh-history '添加后续行动：《Write the plan》'
if grep -Eq '(add|set) [a-z]' "$T_TMP/zh-history"; then fail "no English kind on the Chinese screen" "$(cat "$T_TMP/zh-history")"
else ok "no English kind on the Chinese screen"; fi
screen_has zh-undone '已撤销：设置后续行动状态：《Write the plan》'
expect_eq "u undid it" "$(db_sql "SELECT status FROM action")" open

screen_run <<'S'
<Enter> <Enter> 7 u <Save undone>
S
screen_has undone 'undone: add action: «Write the plan»'
