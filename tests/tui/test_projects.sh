# The project list: empty, add, edit, filter, delete with confirmation,
# undo and redo, paging over many rows, wide and hostile text.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

screen_run <<'S'
<Save projects-empty>
a <Save project-form-empty>
Apollo <Tab> ACME <Tab> AP-1
<Save project-form-filled>
<Enter>
<Save projects-one>
S
golden projects-empty
golden project-form-empty
golden project-form-filled
golden projects-one
expect_eq "project added by keys" "$(db_sql "SELECT name||'|'||customer||'|'||code FROM project")" "Apollo|ACME|AP-1"

# e edits (Ctrl-U clears the field); Esc cancels without writing (after
# a y, as something was typed).
screen_run <<'S'
e <Tab> <C-u> Globex <Enter>
e <C-u> Nothing <Esc> y
<Save projects-edited>
S
expect_eq "e edits the customer" "$(db_sql "SELECT customer FROM project")" "Globex"
expect_eq "Esc wrote nothing" "$(db_sql "SELECT name FROM project")" "Apollo"
screen_has projects-edited "cancelled; your changes were dropped"

# A Chinese name lines up with its column; an ESC in a name is drawn inert.
ko project add '阿波罗项目' --customer '中国客户' >/dev/null
db_sql "INSERT INTO project(name, customer, created_at) VALUES ('Evil' || char(27) || '[31mRed', 'x', '2026-01-01T00:00:00Z')"
screen_run <<'S'
<Save projects-wide>
S
golden projects-wide
screen_has projects-wide 'Evil␛\[31mRed'
if grep -q "$(printf '\033')" "$T_TMP/projects-wide"; then fail "no ESC on screen" "raw ESC drawn"; else ok "no ESC on screen"; fi

# Filter with /, Esc puts the old filter back.
screen_run <<'S'
/ 阿波 <Save projects-filter-typing> <Enter>
<Save projects-filtered>
/ <Esc> <Save projects-filter-kept>
/ <C-u> <Enter> <Save projects-unfiltered>
S
golden projects-filtered
screen_has projects-filter-kept '\[/阿波\]'
screen_has projects-unfiltered 'Apollo'

# Delete: d then anything but y keeps it; d y deletes; u undoes; Ctrl-R redoes.
screen_run <<'S'
g d <Save projects-delete-ask> n
<Save projects-delete-kept>
d y <Save projects-deleted>
u <Save projects-undone>
S
golden projects-delete-ask
screen_has projects-delete-kept "cancelled"
screen_has projects-deleted "deleted project 'Apollo'"
expect_eq "undo brings the project back" "$(db_sql "SELECT count(*) FROM project WHERE name='Apollo'")" 1
screen_run <<'S'
<C-r> <Save projects-redone>
S
screen_has projects-redone "redone"
expect_eq "redo deletes it again" "$(db_sql "SELECT count(*) FROM project WHERE name='Apollo'")" 0

# Many rows: only a page is read; j, k, arrows, g, G, PgDn, PgUp move.
db_sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 500)
        INSERT INTO project(name, customer, created_at) SELECT printf('P%04d', i), 'C', '2026-01-01T00:00:00Z' FROM n"
screen_run <<'S'
j j <Down> k <Save projects-jk>
G <Save projects-last>
g <PgDn> <Save projects-pgdn>
<PgUp> <Up> <Save projects-pgup>
S
golden projects-jk
golden projects-last
golden projects-pgdn
screen_has projects-pgup '^▸ Evil'
