/* mail.c - kickoff mail MEETING [--to attendees|ADDR]... [--from ADDR] [--send] */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/app.h"
#include "kickoff/cli.h"
#include "kickoff/i18n.h"
#include "kickoff/identity.h"

static int do_mail(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "to", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' },
		{ "send", no_argument, NULL, 's' },
		{ 0 },
	};
	const char **to = calloc((size_t)argc + 1, sizeof *to);
	if (!to)
		return cli_fail(c, KO_NOMEM, "%s", _("out of memory"));
	struct app_mail o = { .to = to };
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 't': to[o.nto++] = optarg; break;
		case 'f': o.from = optarg; break;
		case 's': o.send = true; break;
		default: free(to); return 1;
		}
	}
	if (argc - optind != 1) {
		free(to);
		return cli_usage_fail(c, argc == optind ? _("missing meeting") : _("too many arguments"));
	}
	int64_t mid;
	int status = cli_meeting_id(c, argv[optind], &mid);
	if (status >= 0) {
		free(to);
		return status;
	}
	char user[256];
	identity_user(user, sizeof user);
	o.user = user;
	struct kbuf out = { 0 };
	struct ko_error e = { 0 };
	size_t n = 0;
	status = 0;
	if (app_mail(c->st, mid, &o, &out, &n, &e) != KO_OK)
		status = cli_fail(c, e.code, "%s", e.msg);
	else if (o.send)
		cli_printf(ngettext("sent the minutes of %s to %zu address\n",
		                    "sent the minutes of %s to %zu addresses\n", n), argv[optind], n);
	else if (out.n && (cli_write_data(out.p, out.n), fflush(stdout) != 0 || ferror(stdout)))
		status = cli_fail(c, KO_IO, _("cannot write to standard output: %s"), strerror(errno));
	kbuf_free(&out);
	free(to);
	return status;
}

const struct cli_verb cli_mail_verbs[] = {
	{ "mail", "", N_("MEETING [--to attendees|ADDR]... [--from ADDR] [--send]"),
	  N_("Write the minutes as an e-mail message (text, and the calendar of the meeting "
	     "and its actions attached) to the attendees with an address, or to each --to; "
	     "--send hands it to sendmail -t instead of printing it."),
	  do_mail },
	{ 0 },
};
