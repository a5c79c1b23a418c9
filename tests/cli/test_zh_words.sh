# Chinese words by what they name: the name of a thing (a project, a
# template) is 名称, a person's name 姓名 (msgctxt "thing" in the catalogue).
zh() { LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$@"; }
ko project add Apollo >/dev/null
ko meeting add Apollo ko >/dev/null
ko attendee add Apollo/ko 'Ana Lima' >/dev/null

zh expect_exit 0 "template list" ko template list
expect_match "a template's name is 名称" "$(printf '%s\n' "$OUT" | head -n 1)" '^名称'
zh expect_exit 0 "template show --help" ko template show --help
expect_match "template show's argument is 名称" "$OUT" 'kickoff template show 名称'
case $OUT in *姓名*) fail "no 姓名 for a template" "$OUT" ;; *) ok "no 姓名 for a template" ;; esac
zh expect_exit 0 "attendee list" ko attendee list Apollo/ko
expect_match "a person's name stays 姓名" "$(printf '%s\n' "$OUT" | head -n 1)" '姓名'
expect_exit 0 "template list in English" ko template list
expect_match "English keeps NAME" "$(printf '%s\n' "$OUT" | head -n 1)" '^NAME'
