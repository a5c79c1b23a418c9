/* input.c - keys and pastes from the terminal.
 *
 * curses decodes the keys $TERM knows; what it hands back as a bare ESC
 * followed by more bytes is looked at here: the start of a bracketed
 * paste (ESC [ 200 ~) is read up to its end (ESC [ 201 ~) as one piece of
 * text, any other sequence is dropped whole, so that it neither cancels a
 * form, as Esc would, nor types its bytes.  The screens turn the mode on
 * in term.c. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "ui.h"

#define ESC 27
/* Inside a paste the terminal sends on without pause; this much quiet
 * means its end marker is not coming (a terminal bug, a cut line). */
#define PASTE_WAIT_MS 500
/* More than a field takes (TEXT_MAX_BYTES); the rest is read and dropped. */
#define PASTE_MAX (1 << 20)
/* A person cannot press a second key this soon after Enter or Esc. */
#define PENDING_MS 10

static char *paste;
static size_t paste_len, paste_cap;
static bool paste_cut;

enum seq { SEQ_NONE, SEQ_DROPPED, SEQ_PASTE };

/* The rest of an escape sequence ncurses did not know (a key of a
 * terminal that does not match $TERM): ESC '[' or ESC 'O', parameter and
 * intermediate bytes (0x20-0x3f), a final byte (0x40-0x7e).  Only bytes
 * already waiting count (a person cannot type Esc and '[' in the same
 * instant); a key ncurses decoded, or a byte that cannot belong to the
 * sequence, is handed back. */
static enum seq swallow_unknown_sequence(void)
{
	wint_t c;
	timeout(0);
	int rc = get_wch(&c);
	if (rc != OK || (c != '[' && c != 'O')) {
		if (rc == KEY_CODE_YES)
			ungetch((int)c);
		else if (rc == OK)
			unget_wch((wchar_t)c);
		return SEQ_NONE;
	}
	char seq[8];
	size_t n = 0;
	seq[n++] = (char)c;
	/* Bounded against a stream of garbage. */
	for (int i = 0; i < 32; i++) {
		rc = get_wch(&c);
		if (rc == ERR)
			break;
		if (rc == KEY_CODE_YES) {
			ungetch((int)c);
			break;
		}
		if (c < 0x20 || c > 0x7e) {
			unget_wch((wchar_t)c);
			break;
		}
		if (n < sizeof seq - 1)
			seq[n++] = (char)c;
		if (c >= 0x40)
			break;
	}
	seq[n] = '\0';
	return strcmp(seq, "[200~") == 0 ? SEQ_PASTE : SEQ_DROPPED;
}

static void paste_add(const char *s, size_t n)
{
	if (paste_len + n > PASTE_MAX) {
		paste_cut = true;
		return;
	}
	if (paste_len + n + 1 > paste_cap) {
		size_t cap = paste_cap ? paste_cap : 4096;
		while (cap < paste_len + n + 1)
			cap *= 2;
		char *p = realloc(paste, cap);
		if (!p) {
			paste_cut = true;
			return;
		}
		paste = p;
		paste_cap = cap;
	}
	memcpy(paste + paste_len, s, n);
	paste_len += n;
	paste[paste_len] = '\0';
}

static void paste_add_wc(wint_t c)
{
	char b[MB_LEN_MAX];
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = wcrtomb(b, (wchar_t)c, &ps);
	if (n != (size_t)-1)
		paste_add(b, n);
}

static long long clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* After ESC [ 200 ~: everything up to ESC [ 201 ~ is the paste, as the
 * bytes came (paste_clean makes it field text).  A key curses decoded
 * inside it (its bytes looked like one) is not text and is left out.
 * curses also answers ERR at once for bytes that are not UTF-8 (and drops
 * some of what follows): only PASTE_WAIT_MS without a character ends the
 * paste, or the rest of it would be read as keys. */
static void read_paste(void)
{
	static const wint_t end[] = { ESC, '[', '2', '0', '1', '~' };
	const size_t n_end = sizeof end / sizeof end[0];
	size_t m = 0;                   /* bytes of the end marker seen */
	bool resized = false;
	paste_len = 0;
	paste_cut = false;
	paste_add("", 0);
	timeout(PASTE_WAIT_MS);
	long long last = clock_ms();
	for (;;) {
		wint_t c;
		int rc = get_wch(&c);
		if (rc == ERR) {
			long long left = PASTE_WAIT_MS - (clock_ms() - last);
			if (left <= 0)
				break;
			timeout((int)left);
			continue;
		}
		last = clock_ms();
		timeout(PASTE_WAIT_MS);
		if (rc == KEY_CODE_YES) {
			resized |= c == KEY_RESIZE;
			for (size_t k = 0; k < m; k++)
				paste_add_wc(end[k]);
			m = 0;
			continue;
		}
		if (c == end[m]) {
			if (++m < n_end)
				continue;
			/* An end marker with more right behind it came inside
			 * the pasted text (tmux passes one on): the paste goes
			 * on, the marker left out, or the rest would be keys. */
			long long at = clock_ms();
			timeout(PENDING_MS);
			wint_t next;
			int r = get_wch(&next);
			timeout(PASTE_WAIT_MS);
			if (r == ERR && clock_ms() - at >= PENDING_MS)
				break;
			if (r == KEY_CODE_YES)
				ungetch((int)next);
			else if (r == OK)
				unget_wch((wchar_t)next);
			m = 0;
			last = clock_ms();
			continue;
		}
		/* Not the end after all: what looked like its start is text
		 * (ESC only ever starts the marker, so no other overlap). */
		for (size_t k = 0; k < m; k++)
			paste_add_wc(end[k]);
		m = 0;
		if (c == end[0])
			m = 1;
		else
			paste_add_wc(c);
	}
	if (resized)
		ungetch(KEY_RESIZE);
}

int input_read(wint_t *ch, int wait_ms)
{
	timeout(wait_ms);
	int rc = get_wch(ch);
	if (rc == OK && *ch == ESC) {
		switch (swallow_unknown_sequence()) {
		case SEQ_NONE:
			break;
		case SEQ_DROPPED:
			return ERR;
		case SEQ_PASTE:
			read_paste();
			return INPUT_PASTE;
		}
	}
	return rc;
}

const char *input_paste(size_t *n, bool *cut)
{
	*n = paste_len;
	if (cut)
		*cut = paste_cut;
	return paste ? paste : "";
}

bool input_pending(struct app *a)
{
	if (a->script)
		return false;
	wint_t c;
	timeout(PENDING_MS);
	int rc = get_wch(&c);
	if (rc == KEY_CODE_YES)
		ungetch((int)c);
	else if (rc == OK)
		unget_wch((wchar_t)c);
	return rc != ERR;
}

void input_free(void)
{
	free(paste);
	paste = NULL;
	paste_len = paste_cap = 0;
}
