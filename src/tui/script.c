/* script.c - headless test mode: with KICKOFF_SCRIPT=file the screen is
 * created with newterm writing to /dev/null (no tty needed) and the keys
 * come from the file; <Save NAME> writes the screen text to a file for
 * a diff against the expected one.
 *
 * The script is a list of tokens separated by blanks and newlines:
 *   <Enter> <Esc> <Tab> <S-Tab> <Space> <BS> <Del> <Up> <Down> <Left>
 *   <Right> <Home> <End> <PgUp> <PgDn> <F1> <C-x> (a control key) <lt> (a '<')
 *   <Resize COLSxLINES>   the terminal changes size
 *   <Save NAME>           the screen as text into NAME (relative to
 *                         $KICKOFF_SCREEN_DIR when set)
 *   <Now YYYY-MM-DD HH:MM[:SS]>  the clock steps to that time ($KICKOFF_NOW),
 *                         as if the time had passed; the screen redraws
 * anything else is typed one character at a time (UTF-8).  A line that
 * starts with '#' is a comment.  The program ends when the script does;
 * $KICKOFF_SCREEN_OUT, when set, gets the last screen. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/text.h"
#include "ui.h"

static char *text;              /* the whole script */
static size_t len, pos;
static SCREEN *scr;
static FILE *out_null, *in_null;

bool script_start(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "kickoff: cannot read script '%s': %s\n", path, strerror(errno));
		return false;
	}
	size_t cap = 4096;
	text = malloc(cap);
	len = 0;
	size_t got;
	while (text && (got = fread(text + len, 1, cap - len - 1, f)) > 0) {
		len += got;
		if (len + 1 == cap) {
			char *t = realloc(text, cap *= 2);
			if (!t) {
				free(text);
				text = NULL;
			}
			text = t;
		}
	}
	fclose(f);
	if (!text) {
		fprintf(stderr, "kickoff: out of memory\n");
		return false;
	}
	text[len] = '\0';
	pos = 0;
	/* The terminal type is fixed so that the screens drawn do not depend
	 * on the TERM of whoever runs the tests. */
	out_null = fopen("/dev/null", "w");
	in_null = fopen("/dev/null", "r");
	scr = out_null && in_null ? newterm("xterm-256color", out_null, in_null) : NULL;
	if (!scr) {
		fprintf(stderr, "kickoff: cannot start a headless screen (terminfo xterm-256color)\n");
		return false;
	}
	set_term(scr);
	return true;
}

void script_end(void)
{
	if (scr)
		delscreen(scr);
	scr = NULL;
	if (out_null)
		fclose(out_null);
	if (in_null)
		fclose(in_null);
	out_null = in_null = NULL;
	free(text);
	text = NULL;
}

/* One line of the screen as UTF-8, trailing blanks dropped. */
static void dump_line(FILE *f, int y)
{
	char line[4096];
	size_t n = 0;
	for (int x = 0; x < COLS && n + 16 < sizeof line; x++) {
		cchar_t cc;
		wchar_t wc[CCHARW_MAX + 1] = { 0 };
		attr_t attrs;
		short pair;
		if (mvin_wch(y, x, &cc) == ERR)
			break;
		if (getcchar(&cc, wc, &attrs, &pair, NULL) == ERR)
			continue;
		/* The second cell of a wide character holds no character of
		 * its own. */
		if (wc[0] == 0)
			continue;
		int w = wcwidth(wc[0]);
		for (int i = 0; wc[i]; i++) {
			mbstate_t ps;
			memset(&ps, 0, sizeof ps);
			size_t k = wcrtomb(line + n, wc[i], &ps);
			if (k != (size_t)-1)
				n += k;
		}
		if (w == 2)
			x++;
	}
	while (n > 0 && line[n - 1] == ' ')
		n--;
	fwrite(line, 1, n, f);
	fputc('\n', f);
}

bool screen_dump(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return false;
	int cy, cx;
	getyx(stdscr, cy, cx);
	bool leave = is_leaveok(stdscr);
	for (int y = 0; y < LINES; y++)
		dump_line(f, y);
	if (!leave)
		fprintf(f, "-- cursor at line %d, column %d\n", cy + 1, cx + 1);
	move(cy, cx);
	return fclose(f) == 0;
}

struct key_name {
	const char *name;
	bool is_key;
	wint_t ch;
};

static const struct key_name names[] = {
	{ "Enter", false, '\r' }, { "Esc", false, 27 }, { "Tab", false, '\t' },
	{ "S-Tab", true, KEY_BTAB }, { "Space", false, ' ' }, { "BS", true, KEY_BACKSPACE },
	{ "Del", true, KEY_DC }, { "Up", true, KEY_UP }, { "Down", true, KEY_DOWN },
	{ "Left", true, KEY_LEFT }, { "Right", true, KEY_RIGHT }, { "Home", true, KEY_HOME },
	{ "End", true, KEY_END }, { "PgUp", true, KEY_PPAGE }, { "PgDn", true, KEY_NPAGE },
	{ "lt", false, '<' }, { "gt", false, '>' },
	{ "F1", true, KEY_F(1) },
};

static void skip_blanks(void)
{
	for (;;) {
		while (pos < len && strchr(" \t\r\n", text[pos]))
			pos++;
		/* A comment runs from '#' at the start of a line to its end. */
		if (pos < len && text[pos] == '#' && (pos == 0 || text[pos - 1] == '\n')) {
			while (pos < len && text[pos] != '\n')
				pos++;
			continue;
		}
		return;
	}
}

static void save_screen(const char *name)
{
	char path[4096];
	const char *dir = getenv("KICKOFF_SCREEN_DIR");
	if (dir && *dir && name[0] != '/')
		snprintf(path, sizeof path, "%s/%s", dir, name);
	else
		snprintf(path, sizeof path, "%s", name);
	if (!screen_dump(path))
		fprintf(stderr, "kickoff: cannot write screen to '%s': %s\n", path, strerror(errno));
}

int script_next(struct app *a, wint_t *ch)
{
	for (;;) {
		skip_blanks();
		if (pos >= len) {
			a->quit = true;
			return ERR;
		}
		if (text[pos] == '<') {
			const char *end = memchr(text + pos, '>', len - pos);
			if (end) {
				size_t n = (size_t)(end - (text + pos)) - 1;
				char name[256];
				if (n < sizeof name) {
					memcpy(name, text + pos + 1, n);
					name[n] = '\0';
					for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
						if (strcmp(name, names[i].name) == 0) {
							pos += n + 2;
							*ch = names[i].ch;
							return names[i].is_key ? KEY_CODE_YES : OK;
						}
					}
					if (n == 3 && name[0] == 'C' && name[1] == '-') {
						pos += n + 2;
						*ch = (wint_t)(name[2] & 0x1f);
						return OK;
					}
					if (strncmp(name, "Now ", 4) == 0) {
						pos += n + 2;
						setenv("KICKOFF_NOW", name + 4, 1);
						/* A tick of the loop: drawn, as time passing is. */
						return ERR;
					}
					if (strncmp(name, "Save ", 5) == 0) {
						pos += n + 2;
						save_screen(name + 5);
						continue;
					}
					int w, h;
					if (sscanf(name, "Resize %dx%d", &w, &h) == 2) {
						pos += n + 2;
						resizeterm(h, w);
						*ch = KEY_RESIZE;
						return KEY_CODE_YES;
					}
				}
			}
		}
		unsigned cp;
		size_t l = utf8_decode(text + pos, len - pos, &cp);
		pos += l ? l : 1;
		*ch = (wint_t)cp;
		return OK;
	}
}
