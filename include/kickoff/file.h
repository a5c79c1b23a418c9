/* file.h - whole files in and out (platform/): what the command line reads,
 * what an export writes, and a message given to the mail system. */
#ifndef KICKOFF_FILE_H
#define KICKOFF_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include "kickoff/error.h"

/* Writes the bytes to path through a temporary file in the same folder
 * (written, fsync'd, then moved into place), so a partial file is never
 * left.  An existing path is replaced only with force, and a symbolic link
 * never (KO_EXISTS / KO_INVALID / KO_IO). */
enum ko_err file_write_atomic(const char *path, const char *bytes, size_t len, bool force,
                              struct ko_error *e);

/* Reads all of path ("-": standard input), at most max bytes, into a
 * malloc'd, NUL-terminated *out of *len bytes (KO_NOTFOUND, KO_IO,
 * KO_INVALID when larger, KO_NOMEM). */
enum ko_err file_read_all(const char *path, size_t max, char **out, size_t *len,
                          struct ko_error *e);

/* Hands a whole message (RFC 5322) to `sendmail -t -i` ($KICKOFF_SENDMAIL
 * when set, else /usr/sbin/sendmail) on its standard input; KO_IO when
 * it cannot be run or does not exit 0. */
enum ko_err sendmail_message(const char *bytes, size_t len, struct ko_error *e);

#endif
