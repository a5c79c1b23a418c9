/* i18n.c - text domain and the user's language. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

void i18n_init(void)
{
	/* A build tree runs with its own catalogue before it is installed. */
	const char *dir = getenv("KICKOFF_LOCALEDIR");
	bindtextdomain("kickoff", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("kickoff", "UTF-8");
	textdomain("kickoff");
}

const char *i18n_user_lang(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "zh", 2) == 0 ? "zh" : "en";
	}
	return "en";
}
