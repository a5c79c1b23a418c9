/* sendmail.c - a message handed to the system's mail transfer agent.
 *
 * `sendmail -t -i` is the interface every MTA on Debian provides (exim,
 * postfix, msmtp-mta, nullmailer): -t takes the recipients from the
 * message's headers, -i keeps a line holding a lone dot from ending it.
 * $KICKOFF_SENDMAIL names another program, for the tests. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kickoff/file.h"
#include "kickoff/i18n.h"

#define SENDMAIL "/usr/sbin/sendmail"

/* All n bytes to fd, through interrupted and short writes. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

enum ko_err sendmail_message(const char *bytes, size_t len, struct ko_error *e)
{
	const char *prog = getenv("KICKOFF_SENDMAIL");
	if (!prog || !*prog)
		prog = SENDMAIL;
	int fds[2];
	if (pipe(fds) != 0)
		return ko_fail(e, KO_IO, _("cannot run '%s': %s"), prog, strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		int err = errno;
		close(fds[0]);
		close(fds[1]);
		return ko_fail(e, KO_IO, _("cannot run '%s': %s"), prog, strerror(err));
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		/* What it says goes to the user, not into the minutes. */
		dup2(STDERR_FILENO, STDOUT_FILENO);
		execl(prog, prog, "-t", "-i", (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	/* A program that exits before reading it all must fail the send,
	 * not kill kickoff with SIGPIPE. */
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	int wrote = write_all(fds[1], bytes, len);
	int werr = errno;
	close(fds[1]);
	sigaction(SIGPIPE, &old, NULL);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return ko_fail(e, KO_IO, _("cannot run '%s': %s"), prog, strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return ko_fail(e, KO_IO, _("cannot run '%s'"), prog);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return ko_fail(e, KO_IO, _("'%s' failed (status %d): the message was not sent"), prog,
		               WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
	if (wrote != 0)
		return ko_fail(e, KO_IO, _("cannot hand the message to '%s': %s"), prog,
		               strerror(werr));
	return KO_OK;
}
