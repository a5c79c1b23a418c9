/* term.c - the one terminal mode the screens set that curses does not
 * know: bracketed paste (the terminal marks the start and the end of a
 * paste, so that input.c takes it as text, never as keys).
 *
 * Left on, the mode would hand the next program (the shell) marked
 * pastes it may not expect, so it is turned off on every way out: the
 * end of the screens, a suspend (Ctrl-Z: off while stopped, on again
 * after fg), a fatal signal (before the signal does what it did before:
 * a core dump, or a sanitizer's report) and exit().  A fatal signal
 * also puts back the terminal's own modes and leaves the full screen,
 * as curses would have on a normal end, so the shell after it echoes
 * and reads lines again. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>
#include "ui.h"

#define PASTE_ON "\033[?2004h"
#define PASTE_OFF "\033[?2004l"

static volatile sig_atomic_t paste_on;
static bool installed;
static struct sigaction old_tstp;
static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT };
#define NFATAL (sizeof fatal / sizeof fatal[0])
static struct sigaction old_fatal[NFATAL];
static struct termios shell_modes;
static bool have_shell_modes;
/* What ends curses' full screen on this terminal, worked out in advance:
 * a signal handler cannot ask terminfo. */
static char leave_seq[256];
static size_t leave_len;

/* write(2) only: this runs in signal handlers too. */
static void put(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void mode_off(void)
{
	if (paste_on) {
		put(PASTE_OFF, sizeof PASTE_OFF - 1);
		paste_on = 0;
	}
}

static void mode_on(void)
{
	put(PASTE_ON, sizeof PASTE_ON - 1);
	paste_on = 1;
}

static int collect(int c)
{
	if (leave_len < sizeof leave_seq)
		leave_seq[leave_len++] = (char)c;
	return c;
}

static void add_cap(const char *name)
{
	char *s = tigetstr(name);
	if (s && s != (char *)-1)
		tputs(s, 1, collect);
}

void term_save(void)
{
	have_shell_modes = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &shell_modes) == 0;
}

static void on_fatal(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	mode_off();
	put(leave_seq, leave_len);
	if (have_shell_modes)
		tcsetattr(STDIN_FILENO, TCSADRAIN, &shell_modes);
	for (size_t i = 0; i < NFATAL; i++)
		if (fatal[i] == sig)
			sigaction(sig, &old_fatal[i], NULL);
	/* A fault comes back by itself when the instruction runs again,
	 * now under the handler from before; a signal that was sent (kill,
	 * abort, Ctrl-\) is sent again. */
	if (si->si_code <= 0 || sig == SIGQUIT || sig == SIGABRT)
		raise(sig);
}

static void on_tstp(int sig)
{
	bool was = paste_on;
	mode_off();
	if (!(old_tstp.sa_flags & SA_SIGINFO) && old_tstp.sa_handler != SIG_DFL &&
	    old_tstp.sa_handler != SIG_IGN) {
		/* curses' own: it leaves the screen, stops, and on fg puts the
		 * terminal back and redraws. */
		old_tstp.sa_handler(sig);
	} else {
		struct sigaction dfl = { .sa_handler = SIG_DFL }, ours;
		sigemptyset(&dfl.sa_mask);
		sigaction(SIGTSTP, &dfl, &ours);
		sigset_t m;
		sigemptyset(&m);
		sigaddset(&m, SIGTSTP);
		raise(SIGTSTP);
		sigprocmask(SIG_UNBLOCK, &m, NULL);     /* stops here until fg */
		sigaction(SIGTSTP, &ours, NULL);
	}
	if (was)
		mode_on();
}

static void at_exit(void)
{
	mode_off();
}

void term_paste_mode(bool on)
{
	if (!on) {
		mode_off();
		return;
	}
	if (!installed) {
		installed = true;
		atexit(at_exit);
		leave_len = 0;
		add_cap("sgr0");
		add_cap("cnorm");
		add_cap("rmkx");
		add_cap("rmcup");
		struct sigaction sa = { .sa_sigaction = on_fatal, .sa_flags = SA_SIGINFO };
		sigemptyset(&sa.sa_mask);
		for (size_t i = 0; i < NFATAL; i++)
			sigaction(fatal[i], &sa, &old_fatal[i]);
		/* After newterm: curses has put its suspend handler in place,
		 * and ours goes around it. */
		struct sigaction st = { .sa_handler = on_tstp };
		sigemptyset(&st.sa_mask);
		if (sigaction(SIGTSTP, NULL, &old_tstp) == 0 && old_tstp.sa_handler != SIG_IGN)
			sigaction(SIGTSTP, &st, NULL);
	}
	mode_on();
}
