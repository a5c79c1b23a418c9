# Every form of every phase, saved with a distinct value in each field,
# on add and on edit, and the stored row checked column by column: a
# field saved into another column (likelihood as impact, the owner as the
# mitigation) fails here.  Headless: keys from a script.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

# clear: the keys that empty the focused one-line field.
C='<End> <C-u>'

# ---- the project form ----
screen_run <<S
a pName <Tab> pCustomer <Tab> pCode <Enter>
e $C pName2 <Tab> $C pCustomer2 <Tab> $C pCode2 <Save rt-project-edit> <Enter>
S
expect_eq "project edit: every field" \
	"$(db_sql "SELECT name||'|'||customer||'|'||code FROM project")" "pName2|pCustomer2|pCode2"
screen_run <<S
a qName <Tab> qCustomer <Tab> qCode <Enter>
S
expect_eq "project add: every field" \
	"$(db_sql "SELECT name||'|'||customer||'|'||code FROM project WHERE name = 'qName'")" \
	"qName|qCustomer|qCode"
ko project delete qName >/dev/null

# ---- Prepare: the meeting's add form, then its edit form ----
M="(SELECT id FROM meeting WHERE kind = 'ko')"
screen_run <<S
<Enter> a $C 2026-12-03<Space>09:15 <Tab> mHost <Enter>
S
expect_eq "meeting add: every field" \
	"$(db_sql "SELECT kind||'|'||starts_at||'|'||host FROM meeting")" "ko|2026-12-03 09:15|mHost"
screen_run <<S
<Enter> <Enter> e
$C mTitle <Tab> $C 2026-12-04<Space>16:45 <Tab> $C mPlace <Tab> $C mHost2 <Tab>
$C mPurpose <Tab> <Space> <Save rt-prepare-edit> <Enter>
S
expect_eq "meeting edit: every field" \
	"$(db_sql "SELECT title||'|'||starts_at||'|'||place||'|'||host||'|'||purpose||'|'||status FROM meeting WHERE id = $M")" \
	"mTitle|2026-12-04 16:45|mPlace|mHost2|mPurpose|held"
screen_run <<S
<Enter> <Enter> e <Tab> <Tab> <Tab> <Tab> <Tab> <Space> <Enter>
S
expect_eq "meeting edit: the status alone" \
	"$(db_sql "SELECT title||'|'||place||'|'||status FROM meeting WHERE id = $M")" "mTitle|mPlace|closed"

# ---- 2 Attendees ----
# The hosts (mHost, then mHost2) joined the attendees as the meeting got
# them; the form's row is the last.
expect_eq "the hosts are attendees" \
	"$(db_sql "SELECT group_concat(name || '/' || role) FROM attendee WHERE meeting_id = $M")" \
	"mHost/host,mHost2/host"
A="FROM attendee WHERE meeting_id = $M AND role <> 'host'"
screen_run <<S
<Enter> <Enter> 2 a aName <Tab> aRole <Tab> aOrg <Tab> a@x.example <Enter>
S
expect_eq "attendee add: every field" "$(db_sql "SELECT name||'|'||role||'|'||organisation||'|'||email||'|'||status $A")" \
	"aName|aRole|aOrg|a@x.example|invited"
ko attendee present "pName2/ko" aName >/dev/null
screen_run <<S
<Enter> <Enter> 2 G e $C aName2 <Tab> $C aRole2 <Tab> $C aOrg2 <Tab> $C <Enter>
S
expect_eq "attendee edit: every field, the status kept, the address cleared" \
	"$(db_sql "SELECT name||'|'||role||'|'||organisation||'|'||coalesce(email, 'NULL')||'|'||status $A")" \
	"aName2|aRole2|aOrg2|NULL|present"

# ---- 3 Agenda items ----
I="FROM item WHERE meeting_id = $M AND position = (SELECT max(position) FROM item WHERE meeting_id = $M)"
screen_run <<S
<Enter> <Enter> 3 a iTitle <Tab> iNote <Enter>
S
expect_eq "item add: every field" "$(db_sql "SELECT title||'|'||note $I")" "iTitle|iNote"
screen_run <<S
<Enter> <Enter> 3 G e $C iNote2 <S-Tab> $C iTitle2 <Enter>
S
expect_eq "item edit: every field" "$(db_sql "SELECT title||'|'||note $I")" "iTitle2|iNote2"

# ---- 4 Decisions ----
D="FROM decision d LEFT JOIN item i ON i.id = d.item_id WHERE d.meeting_id = $M"
screen_run <<S
<Enter> <Enter> 4 a dText <Tab> dBy <Tab> 2 <Enter>
S
expect_eq "decision add: every field" "$(db_sql "SELECT d.text||'|'||d.decided_by||'|'||i.position $D")" \
	"dText|dBy|2"
screen_run <<S
<Enter> <Enter> 4 e $C dText2 <Tab> $C dBy2 <Tab> $C 5 <Enter>
S
expect_eq "decision edit: every field" "$(db_sql "SELECT d.text||'|'||d.decided_by||'|'||i.position $D")" \
	"dText2|dBy2|5"

# ---- 5 Risks: likelihood and impact each away from the other and from
# the default (medium), the status away from open ----
R="FROM risk r LEFT JOIN item i ON i.id = r.item_id WHERE r.meeting_id = $M"
RCOLS="r.text||'|'||r.likelihood||'|'||r.impact||'|'||r.mitigation||'|'||r.owner||'|'||r.status||'|'||i.position"
screen_run <<S
<Enter> <Enter> 5 a rText <Tab> <Left> <Tab> <Right> <Tab> rMitigation <Tab> rOwner <Tab>
<Space> <Tab> 3 <Enter>
S
expect_eq "risk add: every field" "$(db_sql "SELECT $RCOLS $R")" "rText|low|high|rMitigation|rOwner|mitigated|3"
screen_run <<S
<Enter> <Enter> 5 e $C rText2 <Tab> <Space> <Space> <Tab> <Space> <Tab> $C rMitigation2
<Tab> $C rOwner2 <Tab> <Space> <Tab> $C 4 <Enter>
S
expect_eq "risk edit: every field" "$(db_sql "SELECT $RCOLS $R")" "rText2|high|low|rMitigation2|rOwner2|closed|4"

# ---- 6 Outputs ----
O="FROM output WHERE meeting_id = $M AND position = (SELECT max(position) FROM output WHERE meeting_id = $M)"
screen_run <<S
<Enter> <Enter> 6 a oName <Tab> oOwner <Tab> <Space> <Tab> oLink <Tab> 2026-12-22 <Enter>
S
OCOLS="name||'|'||owner||'|'||status||'|'||link||'|'||coalesce(due, '-')"
expect_eq "output add: every field" "$(db_sql "SELECT $OCOLS $O")" \
	"oName|oOwner|drafting|oLink|2026-12-22"
screen_run <<S
<Enter> <Enter> 6 G e $C oName2 <Tab> $C oOwner2 <Tab> <Space> <Tab> $C oLink2 <Tab> $C 2026-12-23 <Enter>
S
expect_eq "output edit: every field" "$(db_sql "SELECT $OCOLS $O")" \
	"oName2|oOwner2|done|oLink2|2026-12-23"
screen_run <<S
<Enter> <Enter> 6 G e <Tab> <Tab> <Tab> <Tab> $C <Enter>
S
expect_eq "output edit: the due date cleared" "$(db_sql "SELECT $OCOLS $O")" \
	"oName2|oOwner2|done|oLink2|-"

# ---- 7 Actions ----
X="FROM action WHERE meeting_id = $M"
screen_run <<S
<Enter> <Enter> 7 a xText <Tab> xOwner <Tab> 2026-12-20 <Enter>
S
expect_eq "action add: every field" "$(db_sql "SELECT text||'|'||owner||'|'||due||'|'||status $X")" \
	"xText|xOwner|2026-12-20|open"
screen_run <<S
<Enter> <Enter> 7 e $C xText2 <Tab> $C xOwner2 <Tab> $C 2026-12-21 <Tab> <Space> <Enter>
S
expect_eq "action edit: every field" \
	"$(db_sql "SELECT text||'|'||owner||'|'||due||'|'||status||'|'||coalesce(done_at, '-') $X")" \
	"xText2|xOwner2|2026-12-21|done|2026-11-26T09:00:00Z"

expect_eq "no error shown" "$(cat "$T_TMP/screen.err")" ""
expect_eq "integrity" "$(db_sql "PRAGMA integrity_check")" ok
