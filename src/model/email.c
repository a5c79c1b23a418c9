/* email.c - is a text a plain e-mail address?
 *
 * The addresses people type for an attendee: RFC 5322's addr-spec with a
 * dot-atom on both sides of the '@'.  A quoted local part or a domain
 * literal is legal but never typed for a colleague, and would have to be
 * quoted again in every header and calendar line; refusing them keeps
 * what is stored usable as it is in a To: header and a mailto: URI. */
#include <string.h>
#include "kickoff/model.h"

/* RFC 5322 atext: letters, digits and these marks. */
static int atext(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL);
}

/* A dot-atom: atoms of atext joined by single dots, none empty. */
static int dot_atom(const char *s, size_t n)
{
	if (n == 0 || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (s[i + 1] == '.')
				return 0;
		} else if (!atext((unsigned char)s[i])) {
			return 0;
		}
	}
	return 1;
}

int email_valid(const char *s)
{
	if (!s)
		return 0;
	size_t n = strlen(s);
	const char *at = strrchr(s, '@');
	if (n > 254 || !at)
		return 0;
	size_t local = (size_t)(at - s), domain = n - local - 1;
	/* RFC 5321 holds a local part to 64 octets. */
	return local <= 64 && dot_atom(s, local) && dot_atom(at + 1, domain);
}
