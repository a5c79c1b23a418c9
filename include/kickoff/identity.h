/* identity.h - who is at the keyboard, for the change log and presence,
 * and where their database is by default (platform/). */
#ifndef KICKOFF_IDENTITY_H
#define KICKOFF_IDENTITY_H

/* $KICKOFF_USER, else the login name; with the SSH client's address
 * appended ("ana@10.0.0.7") when the session came in over SSH.  Written
 * into buf (size n). */
void identity_user(char *buf, unsigned n);

/* The default database path: $KICKOFF_DB, else
 * $XDG_DATA_HOME/kickoff/kickoff.db, else ~/.local/share/kickoff/kickoff.db.
 * *is_default is set when it is one of the last two (whose folder may be
 * created).  Returns a malloc'd string. */
char *identity_default_db(int *is_default);

#endif
