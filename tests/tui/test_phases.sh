# The overview and the seven phase screens of a meeting: each drawn at
# 80x24 against its golden file, and the keys that change things.
. "$KICKOFF_TESTS/tui/screen_lib.sh"

ko project add Apollo --customer ACME >/dev/null

# Overview without meetings; a creates the KO and opens Prepare; the TKO
# warns while the KO is not held.
screen_run <<'S'
<Enter> <Save overview-empty>
a 2026-12-01<Space>10:00 <Tab> Ana <Save meeting-form> <Enter>
<Save prepare-ko>
q j a <Enter> <Enter> <Save prepare-tko-warning>
q <Save overview-both>
S
golden overview-empty
golden meeting-form
golden prepare-ko
golden prepare-tko-warning
golden overview-both
screen_has prepare-tko-warning "KO is not held yet"
expect_eq "KO and TKO created" "$(db_sql "SELECT group_concat(kind) FROM (SELECT kind FROM meeting ORDER BY kind)")" "ko,tko"
expect_eq "KO host" "$(db_sql "SELECT host||'|'||starts_at FROM meeting WHERE kind='ko'")" "Ana|2026-12-01 10:00"

# Prepare: Space on Status cycles it; once held, the TKO warning goes.
screen_run <<'S'
<Enter> <Enter> G <Space> <Save prepare-held>
q j <Enter> <Save prepare-tko-ok>
S
expect_eq "status held" "$(db_sql "SELECT status FROM meeting WHERE kind='ko'")" held
screen_has prepare-held "Status +held"
if grep -q "not held yet" "$T_TMP/prepare-tko-ok"; then fail "warning gone" "still shown"; else ok "warning gone"; fi

# Space on any row of Prepare does what the footer says (status), not the form.
screen_run <<'S'
<Enter> <Enter> <Space> <Save prepare-space-title> j j <Space> <Space>
S
screen_has prepare-space-title "Status +closed"
screen_has prepare-space-title "Space status"
if grep -q "Esc cancel" "$T_TMP/prepare-space-title"; then fail "Space opens no form" "form shown"; else ok "Space opens no form"; fi
expect_eq "Space on Place cycles it back" "$(db_sql "SELECT status FROM meeting WHERE kind='ko'")" held

# Phase keys: Tab, Shift-Tab and 1-7; each phase at 80x24.
ko attendee add Apollo/ko 'Ana Lima' --role PM >/dev/null
ko attendee add Apollo/ko '王伟' --role 'Tech lead' >/dev/null
ko decision add Apollo/ko 'Weekly status on Mondays' --by Ana --item 7 >/dev/null
ko risk add Apollo/ko 'Vendor API late' --impact high --owner Wei >/dev/null
ko action add Apollo/ko 'Send the charter' --owner Ana --due 2026-11-20 >/dev/null
ko action add Apollo/ko 'Book the TKO room' --owner Wei --due 2026-12-10 >/dev/null
screen_run <<'S'
<Enter> <Enter>
<Tab> <Save phase-attendees>
<Tab> <Save phase-agenda>
<Tab> <Save phase-decisions>
<Tab> <Save phase-risks>
<Tab> <Save phase-outputs>
<Tab> <Save phase-actions>
<Tab> <Save phase-prepare>
<S-Tab> <Save phase-back-to-actions>
3 <Save phase-jump-3>
?  <Save help-agenda> q
<Save help-closed>
S
for p in attendees agenda decisions risks outputs actions prepare; do golden phase-$p; done
golden help-agenda
screen_has phase-back-to-actions "› 7 Actions"
screen_has phase-jump-3 "› 3 Agenda"
screen_has phase-actions '^▸ ! Send the charter'
screen_has help-closed "› 3 Agenda"
expect_eq "? closed without ticking" "$(db_sql "SELECT count(checked_at) FROM item i JOIN meeting m ON m.id=i.meeting_id WHERE m.kind='ko'")" 0

# Space on each list: present, tick, risk status, output status, action done.
screen_run <<'S'
<Enter> <Enter>
2 j j <Space> <Save attendee-present>
3 j <Space> j <Space> k <Space> <Save agenda-ticks>
5 <Space>
6 <Space> <Space>
7 <Space>
S
golden attendee-present
golden agenda-ticks
expect_eq "Space sets present" "$(db_sql "SELECT name FROM attendee WHERE status='present'")" "王伟"
expect_eq "Space ticks and unticks" "$(db_sql "SELECT group_concat(position) FROM item i JOIN meeting m ON m.id=i.meeting_id WHERE m.kind='ko' AND checked_at IS NOT NULL")" 3
expect_eq "ticked by" "$(db_sql "SELECT checked_by||' '||checked_at FROM item WHERE position=3 AND checked_at IS NOT NULL")" "tester 2026-11-26T09:00:00Z"
expect_eq "risk status cycles" "$(db_sql "SELECT status FROM risk")" mitigated
expect_eq "output status cycles" "$(db_sql "SELECT o.status FROM output o JOIN meeting m ON m.id=o.meeting_id WHERE m.kind='ko' AND position=1")" done
expect_eq "action done" "$(db_sql "SELECT status FROM action WHERE text='Send the charter'")" done

# D and R on the Agenda link a decision and a risk to the item under the
# cursor; Enter on an item edits its note.
screen_run <<'S'
<Enter> <Enter> 3 j j j
D 范围已确认 <Tab> Ana <Save decision-form-item> <Enter>
<Save agenda-after-decision>
R Scope<Space>creep <Enter>
<Enter> Agreed<Space>with<Space>ACME <Enter>
<Save agenda-note>
4 <Save decisions-linked>
S
golden decision-form-item
golden decisions-linked
screen_has agenda-after-decision "decision recorded on item 4"
expect_eq "decision linked to item 4" "$(db_sql "SELECT i.position FROM decision d JOIN item i ON i.id=d.item_id WHERE d.text='范围已确认'")" 4
expect_eq "risk linked to item 4" "$(db_sql "SELECT i.position FROM risk r JOIN item i ON i.id=r.item_id WHERE r.text='Scope creep'")" 4
expect_eq "note saved" "$(db_sql "SELECT note FROM item i JOIN meeting m ON m.id=i.meeting_id WHERE m.kind='ko' AND position=4")" "Agreed with ACME"
screen_has agenda-note "Agreed with A…"

# A failed write keeps the form open with what was typed.
screen_run <<'S'
<Enter> <Enter> 7 a Draft<Space>plan <Tab> Ana <Tab> 2026-13-45 <Enter>
<Save action-bad-date>
<C-u> 2026-12-15 <Enter>
<Save action-saved>
S
golden action-bad-date
screen_has action-bad-date "invalid due date '2026-13-45'"
screen_has action-bad-date "Draft plan"
expect_eq "action saved after the fix" "$(db_sql "SELECT owner||' '||due FROM action WHERE text='Draft plan'")" "Ana 2026-12-15"

# d asks; y deletes; u undoes; Ctrl-R redoes; h shows the history.
screen_run <<'S'
<Enter> <Enter> 4 G d <Save decision-delete-ask> y
<Save decision-deleted>
u <Save decision-undone>
h <Save history>
S
screen_has decision-delete-ask "Delete '.*'\? \(y/n\)"
screen_has decision-deleted "deleted \(u undoes\)"
screen_has decision-undone "undone"
golden history
expect_eq "undo restored the decision" "$(db_sql "SELECT count(*) FROM decision")" 2

# A question clears its whole line (the "saved" time stays no debris at
# the end of it), says its answers where the key bar was, and the key bar
# comes back after it.
screen_run <<'S'
<Enter> <Enter> 2 <Space> 4 d <Save ask-after-save> n <Save ask-answered> 2 <Space>
S
screen_has ask-after-save "^Delete '.*'\? \(y/n\)$"
screen_has ask-after-save "^y yes  any other key: no$"
screen_has ask-answered "^a add  Enter edit  Space state  d delete"
screen_has ask-answered "cancelled; nothing was changed +saved 09:00$"

# Filter a phase list with /.
screen_run <<'S'
<Enter> <Enter> 3 / scope <Enter> <Save agenda-filtered>
S
golden agenda-filtered
