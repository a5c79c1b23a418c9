# The screens name a project's name 名称 and a person's 姓名.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko 'Ana Lima' >/dev/null
LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 screen_run <<'S'
a <Save zh-project-form> <Esc> <Enter> <Enter> 2 v <Save zh-attendee-reading>
S
screen_has zh-project-form '名称'
if grep -q '姓名' "$T_TMP/zh-project-form"; then fail "no 姓名 in the project form" "$(cat "$T_TMP/zh-project-form")"
else ok "no 姓名 in the project form"; fi
screen_has zh-attendee-reading '^  姓名'
screen_run <<'S'
a <Save project-form>
S
screen_has project-form ' Name '
