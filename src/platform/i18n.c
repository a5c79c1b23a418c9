/* i18n.c - text domain and the user's language. */
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

const char *i18n_ctx(const char *ctx_and_msgid)
{
	const char *t = gettext(ctx_and_msgid);
	if (t != ctx_and_msgid)
		return t;
	const char *msgid = strchr(ctx_and_msgid, '\004');
	return msgid ? msgid + 1 : ctx_and_msgid;
}

/* The locale the user asked messages in: LC_ALL, LC_MESSAGES or LANG. */
static const char *wanted_messages(void)
{
	const char *vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

/* LANG=zh_CN.UTF-8 on a machine where that locale was never generated
 * (a fresh Debian has only C.UTF-8): setlocale() fell back to "C" and
 * gettext would answer in English.  C.UTF-8 for messages, with LANGUAGE
 * naming the language, still finds the catalogue. */
static void messages_fallback(void)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (!cur || (strcmp(cur, "C") != 0 && strcmp(cur, "POSIX") != 0))
		return;
	const char *want = wanted_messages();
	const char *language = getenv("LANGUAGE");
	if (!want || strcmp(want, "C") == 0 || strcmp(want, "POSIX") == 0 ||
	    strncmp(want, "C.", 2) == 0 || (language && *language))
		return;
	char lang[32];
	size_t n = strcspn(want, ".@");
	if (n == 0 || n >= sizeof lang)
		return;
	memcpy(lang, want, n);
	lang[n] = '\0';
	if (setlocale(LC_MESSAGES, "C.UTF-8"))
		setenv("LANGUAGE", lang, 1);
}

void i18n_init(void)
{
	messages_fallback();
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

/* glibc's counter of catalogue changes: bumping it makes gettext look
 * again after LANGUAGE changed (documented in GNU gettext's manual). */
extern int _nl_msg_cat_cntr;

void i18n_set_lang(const char *lang)
{
	static bool saved;
	static char *old_language, *old_messages;
	if (!saved) {
		const char *l = getenv("LANGUAGE");
		const char *m = setlocale(LC_MESSAGES, NULL);
		old_language = l ? strdup(l) : NULL;
		old_messages = m ? strdup(m) : NULL;
		saved = true;
	}
	if (!lang) {
		if (old_language)
			setenv("LANGUAGE", old_language, 1);
		else
			unsetenv("LANGUAGE");
		if (old_messages)
			setlocale(LC_MESSAGES, old_messages);
	} else {
		/* LANGUAGE is ignored under the "C" locale: C.UTF-8 is not "C". */
		const char *m = setlocale(LC_MESSAGES, NULL);
		if (m && (strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0))
			setlocale(LC_MESSAGES, "C.UTF-8");
		setenv("LANGUAGE", strcmp(lang, "zh") == 0 ? "zh_CN" : "en", 1);
	}
	++_nl_msg_cat_cntr;
}
