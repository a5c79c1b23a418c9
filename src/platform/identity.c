/* identity.c - the user's name and default database path, from the
 * environment. */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kickoff/identity.h"

void identity_user(char *buf, unsigned n)
{
	const char *who = getenv("KICKOFF_USER");
	if (!who || !*who) {
		struct passwd *pw = getpwuid(getuid());
		who = pw ? pw->pw_name : getenv("USER");
	}
	if (!who || !*who)
		who = "unknown";
	const char *ssh = getenv("SSH_CLIENT");
	if (ssh && *ssh) {
		size_t addr = strcspn(ssh, " ");
		snprintf(buf, n, "%s@%.*s", who, (int)addr, ssh);
	} else {
		snprintf(buf, n, "%s", who);
	}
}

char *identity_default_db(int *is_default)
{
	const char *env = getenv("KICKOFF_DB");
	char *path = NULL;
	*is_default = 0;
	if (env && *env)
		return strdup(env);
	*is_default = 1;
	const char *xdg = getenv("XDG_DATA_HOME");
	if (xdg && *xdg && xdg[0] == '/') {
		if (asprintf(&path, "%s/kickoff/kickoff.db", xdg) < 0)
			return NULL;
		return path;
	}
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : "/tmp";
	}
	if (asprintf(&path, "%s/.local/share/kickoff/kickoff.db", home) < 0)
		return NULL;
	return path;
}
