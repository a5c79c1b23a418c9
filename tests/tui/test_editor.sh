# The one line editor every form uses: UTF-8 and Chinese by columns, the
# cursor on the right cell, sideways scrolling, the Ctrl keys, Esc.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

# Chinese text: Left moves by a character (two columns), typing inserts
# there; Ctrl-A, Ctrl-E, Backspace, Ctrl-W, Ctrl-U.
screen_run <<'S'
a 项目启动 <Save edit-cjk-end>
<Left> <Left> 会议 <Save edit-cjk-insert>
<C-a> <Save edit-cjk-home>
<C-e> <BS> <Save edit-cjk-bs>
<Space> alpha <Space> beta <C-w> <Save edit-ctrl-w>
<C-u> <Save edit-ctrl-u>
新项目 <Enter>
S
golden edit-cjk-end
golden edit-cjk-insert
screen_has edit-cjk-insert '项目会议启动'
screen_has edit-cjk-end 'cursor at line 10, column 24'
screen_has edit-cjk-insert 'cursor at line 10, column 24'
screen_has edit-cjk-home 'cursor at line 10, column 16'
screen_has edit-cjk-bs '项目会议启 *│'
screen_has edit-ctrl-w '项目会议启 alpha  *│'
screen_has edit-ctrl-u 'cursor at line 10, column 16'
expect_eq "typed name saved" "$(db_sql "SELECT name FROM project")" "新项目"

# A long text scrolls sideways to keep the cursor in the field; Home
# brings the start back.
screen_run <<'S'
e 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十
<Save edit-scrolled>
<Home> <Save edit-scrolled-home>
<End> <Esc> y
<Save edit-cancelled>
S
golden edit-scrolled
golden edit-scrolled-home
screen_has edit-cancelled "cancelled; your changes were dropped"
expect_eq "Esc wrote nothing" "$(db_sql "SELECT name FROM project")" "新项目"
