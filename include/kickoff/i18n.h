/* i18n.h - translation of what a user reads (platform/).  Every
 * user-visible string is written as _("...") (or N_("...") where it must
 * stay a constant and is translated where it is shown).  The catalogue
 * lives in po/. */
#ifndef KICKOFF_I18N_H
#define KICKOFF_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* A word that reads differently by where it is shown carries a context
 * (msgctxt in the catalogue): "open" a project is 打开, an "open" action
 * 待处理.  C_ translates at once; NC_ marks a constant that i18n_ctx
 * translates where it is shown. */
#define NC_(ctx, s) (ctx "\004" s)
#define C_(ctx, s) i18n_ctx(ctx "\004" s)

/* The translation of a string from NC_ (or of a plain one, as _ does);
 * untranslated, the message without its context. */
const char *i18n_ctx(const char *ctx_and_msgid);

/* Binds the text domain; call once at start-up after setlocale(). */
void i18n_init(void);

/* "zh" when the user's locale (LC_ALL, LC_MESSAGES, LANG) is Chinese,
 * else "en": the language new projects and their templates get. */
const char *i18n_user_lang(void);

/* Shows what follows in lang ("en" or "zh") whatever the user's locale,
 * for an export in its project's language; NULL goes back to the user's
 * own.  Call i18n_set_lang(p->lang) before writing, i18n_set_lang(NULL)
 * after. */
void i18n_set_lang(const char *lang);

#endif
