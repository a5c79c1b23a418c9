/* file.c - reading a whole file, and writing one without ever leaving half
 * of it.
 *
 * The bytes go to a temporary file in the target's folder, are flushed to
 * disk, and only then take the target's name: a crash, a full disk or a
 * killed process leaves the old file or none, never a partial one.
 * Without force the name is taken with link(2), which fails when the
 * name exists even if it appeared a moment ago; rename(2) replaces a name
 * but never writes through a symbolic link. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kickoff/file.h"
#include "kickoff/i18n.h"

static enum ko_err fail_errno(struct ko_error *e, const char *what, const char *path, int err)
{
	enum ko_err code = err == ENOSPC || err == EDQUOT ? KO_FULL : KO_IO;
	return ko_fail(e, code, "cannot %s '%s': %s", what, path, strerror(err));
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

enum ko_err file_write_atomic(const char *path, const char *bytes, size_t len, bool force,
                               struct ko_error *e)
{
	struct stat sb;
	bool exists = lstat(path, &sb) == 0;
	if (exists && S_ISLNK(sb.st_mode))
		return ko_fail(e, KO_INVALID, _("'%s' is a symbolic link; not writing through it"), path);
	if (exists && !S_ISREG(sb.st_mode))
		return ko_fail(e, KO_INVALID, _("'%s' exists and is not a regular file"), path);
	if (exists && !force)
		return ko_fail(e, KO_EXISTS, _("'%s' exists (use --force to replace it)"), path);
	if (!exists && errno != ENOENT)
		return fail_errno(e, "write", path, errno);

	char *dcopy = strdup(path), *bcopy = strdup(path);
	if (!dcopy || !bcopy) {
		free(dcopy);
		free(bcopy);
		return ko_fail(e, KO_NOMEM, _("out of memory"));
	}
	const char *dir = dirname(dcopy);
	size_t tlen = strlen(dir) + strlen(basename(bcopy)) + 16;
	char *tmp = malloc(tlen);
	if (!tmp) {
		free(dcopy);
		free(bcopy);
		return ko_fail(e, KO_NOMEM, _("out of memory"));
	}
	snprintf(tmp, tlen, "%s/.%s.XXXXXX", dir, basename(bcopy));
	enum ko_err rc = KO_OK;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		rc = fail_errno(e, "write", path, errno);
		goto out;
	}
	/* The mode a new file would get; an old one keeps its own. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, exists ? (sb.st_mode & 07777) : (0666 & ~mask));
	for (size_t done = 0; done < len;) {
		ssize_t w = write(fd, bytes + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			rc = fail_errno(e, "write", path, errno);
			break;
		}
		done += (size_t)w;
	}
	if (rc == KO_OK && fsync(fd) != 0)
		rc = fail_errno(e, "write", path, errno);
	if (close(fd) != 0 && rc == KO_OK)
		rc = fail_errno(e, "write", path, errno);
	if (rc == KO_OK) {
		if (!force) {
			if (link(tmp, path) != 0) {
				int err = errno;
				if (err == EEXIST)
					rc = ko_fail(e, KO_EXISTS, _("'%s' exists (use --force to replace it)"), path);
				else if (err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == EXDEV)
					/* No hard links here: check again, then move. */
					rc = lstat(path, &sb) == 0
						? ko_fail(e, KO_EXISTS, _("'%s' exists (use --force to replace it)"), path)
						: rename(tmp, path) == 0 ? KO_OK : fail_errno(e, "write", path, errno);
				else
					rc = fail_errno(e, "write", path, err);
			}
		} else {
			/* Refuse a link that appeared since the check. */
			if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode))
				rc = ko_fail(e, KO_INVALID, _("'%s' is a symbolic link; not writing through it"), path);
			else if (rename(tmp, path) != 0)
				rc = fail_errno(e, "write", path, errno);
		}
	}
	unlink(tmp);            /* after link(): the other name stays */
	if (rc == KO_OK)
		sync_dir(dir);
out:
	free(tmp);
	free(dcopy);
	free(bcopy);
	return rc;
}

enum ko_err file_read_all(const char *path, size_t max, char **out, size_t *len,
                          struct ko_error *e)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f)
		return ko_fail(e, errno == ENOENT ? KO_NOTFOUND : KO_IO, _("cannot read '%s': %s"),
		               path, strerror(errno));
	char *b = NULL;
	size_t n = 0, cap = 0;
	char chunk[65536];
	size_t got;
	enum ko_err rc = KO_OK;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (n + got + 1 > cap) {
			size_t want = cap ? cap * 2 : sizeof chunk + 1;
			while (want < n + got + 1)
				want *= 2;
			char *nb = realloc(b, want);
			if (!nb) {
				rc = ko_fail(e, KO_NOMEM, _("out of memory reading '%s'"), path);
				break;
			}
			b = nb;
			cap = want;
		}
		memcpy(b + n, chunk, got);
		n += got;
		b[n] = '\0';
		if (n > max) {
			/* Templates may be 256 KiB: "0 MiB" would not be true. */
			if (max >= (size_t)1 << 20)
				rc = ko_fail(e, KO_INVALID, _("'%s' is too large (more than %zu MiB)"), path,
				             max >> 20);
			else
				rc = ko_fail(e, KO_INVALID, _("'%s' is too large (more than %zu KiB)"), path,
				             max >> 10);
			break;
		}
	}
	if (rc == KO_OK && ferror(f))
		rc = ko_fail(e, KO_IO, _("cannot read '%s': %s"), path, strerror(errno));
	if (f != stdin)
		fclose(f);
	if (rc == KO_OK && !b && !(b = calloc(1, 1)))
		rc = ko_fail(e, KO_NOMEM, _("out of memory"));
	if (rc != KO_OK) {
		free(b);
		return rc;
	}
	*out = b;
	*len = n;
	return KO_OK;
}
