# The screens' u follows the command line's rules: an undo that would
# take what someone else wrote asks first, naming them and what would go
# (wrapped on a narrow screen); n changes nothing, y undoes it anyway.
. "$KICKOFF_TESTS/tui/screen_lib.sh"
ko project add Apollo >/dev/null
KICKOFF_USER=bob ko meeting add Apollo ko >/dev/null
KICKOFF_USER=bob ko decision add Apollo/ko 'Budget 100k' >/dev/null
before=$(db_state)

screen_run <<'S'
u <Save undo-ask> n <Save undo-no>
S
screen_has undo-ask '^Undo add project: «Apollo»\? bob added rows under it: meeting Apollo/ko, 1$'
screen_has undo-ask '^decision \(y/n\)'
screen_has undo-no 'cancelled; nothing was changed'
expect_eq "n changed nothing" "$(db_state)" "$before"

# 50 columns: the question wraps rather than losing the names.
screen_run 24 50 <<'S'
u <Save undo-ask-narrow> <Esc>
S
screen_has undo-ask-narrow '^Undo add project: «Apollo»\? bob added rows under$'
screen_has undo-ask-narrow '^it: meeting Apollo/ko, 1 decision \(y/n\)'
expect_eq "Esc changed nothing" "$(db_state)" "$before"

screen_run <<'S'
u y <Save undo-yes>
S
screen_has undo-yes 'undone: add project'
expect_eq "y undid it with what was under it" \
	"$(db_sql "SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM meeting) + (SELECT count(*) FROM decision)")" 0

# Bob's u then says his change cannot be undone any more, and does nothing.
KICKOFF_USER=bob screen_run <<'S'
u <Save undo-skip>
S
screen_has undo-skip 'cannot undo "add decision" any more'
expect_eq "nothing restored" "$(db_sql "SELECT count(*) FROM decision")" 0
