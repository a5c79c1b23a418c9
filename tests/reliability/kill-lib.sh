# kill-lib.sh - what the kill tests share: the checks that every change
# shown as done is in the database, and a figures line.

# Prints one "  figure: NAME: TEXT" line; docs/reliability.md quotes them.
figure() { echo "  figure: $*"; }

# integrity_ok NAME: PRAGMA integrity_check says ok and foreign keys hold.
integrity_ok() {
	local ic fk
	ic=$(db_sql 'PRAGMA integrity_check' 2>&1)
	fk=$(db_sql 'PRAGMA foreign_key_check' 2>&1)
	if [ "$ic" = ok ] && [ -z "$fk" ]; then ok "$1"
	else fail "$1" "integrity_check [$ic] foreign_key_check [$fk]"; fi
}

# shown_is_stored FILE TABLE ID TEXT-COLUMN TEXT: the row the program said
# it added is there with that text, and the change log has it.
shown_is_stored() {
	local got logged
	got=$(db_sql "SELECT $4 FROM $2 WHERE id = $3")
	logged=$(db_sql "SELECT count(*) FROM change_row WHERE tbl = '$2' AND row_id = $3 AND op = 'insert'")
	[ "$got" = "$5" ] && [ "$logged" -ge 1 ]
}
