/* paste.c - a paste made fit for a text field (see paste.h). */
#include <stdlib.h>
#include <string.h>
#include "kickoff/paste.h"
#include "kickoff/text.h"

char *paste_clean(const char *s, size_t n, bool multiline)
{
	/* Nothing grows: a kept character is copied, a replaced one is one
	 * byte for one or more. */
	char *out = malloc(n + 1);
	if (!out)
		return NULL;
	size_t j = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t l = utf8_decode(s + i, n - i, &cp);
		if (l == 0) {
			i++;
			continue;
		}
		if (cp == '\r' && i + 1 < n && s[i + 1] == '\n') {
			i++;                        /* CR LF is one line break */
			continue;
		}
		if (cp == '\r' || cp == '\n')
			out[j++] = multiline ? '\n' : ' ';
		else if (cp == '\t')
			out[j++] = ' ';
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			;                           /* dropped */
		else {
			memcpy(out + j, s + i, l);
			j += l;
		}
		i += l;
	}
	out[j] = '\0';
	return out;
}
