/* app.c - the one input loop and the stack of screens.
 *
 * Screens receive actions (raw keys only while a text field is open) and
 * answer with flags; the loop reacts: reload after a write, pop, quit.
 * Input waits at most a quarter second, so another session's commits
 * (PRAGMA data_version) show without a keypress.  KEY_RESIZE comes in
 * through the same loop.  The signal handler of our own for SIGHUP (a
 * dropped SSH connection), SIGTERM and SIGINT (Ctrl-C) only sets a flag;
 * the loop then keeps a half-typed form as a draft and ends, and the next
 * start offers the draft back. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kickoff/datetime.h"
#include "kickoff/identity.h"
#include "kickoff/text.h"
#include "kickoff/trace.h"
#include "kickoff/tui.h"
#include "draft.h"
#include "kickoff/app.h"
#include "ui.h"

/* How often the loop looks for other sessions' writes while no key comes:
 * PRAGMA data_version is a counter read, so polling is nearly free, and
 * 100 ms keeps another session's tick under a tenth of a second away.
 * Each wake still costs a screen some 60 us, so after LIVE_MS without a
 * key or another session's change it looks four times a second: a room
 * of idle screens then costs next to nothing, and the first change after
 * the quiet shows within a quarter second, the next ones within 100 ms. */
#define POLL_MS 100
#define QUIET_POLL_MS 250
#define LIVE_MS 10000
#define BEAT_MS 2000
/* Rows of other sessions' changes a screen reads one by one; a change
 * of more (a meeting deleted with its rows) reads the screens anew. */
#define PATCH_MAX 256

/* The signal that ends the screens (0: none yet). */
static volatile sig_atomic_t hangup;

static void on_hangup(int sig)
{
	hangup = sig;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct screen *app_top(struct app *a)
{
	return a->depth > 0 ? &a->stack[a->depth - 1] : NULL;
}

struct screen *app_below(struct app *a, struct screen *s)
{
	return s > a->stack ? s - 1 : NULL;
}

static bool enter_screen(struct app *a, struct screen *s)
{
	s->stale = false;
	return !s->ops->enter || s->ops->enter(a, s);
}

static void leave_screen(struct app *a, struct screen *s)
{
	if (s->ops->leave)
		s->ops->leave(a, s);
	else
		free(s->data);
	s->data = NULL;
}

bool app_push(struct app *a, const struct screen_ops *ops, void *data)
{
	if (a->depth == STACK_MAX) {
		free(data);
		app_msg(a, MSG_ERROR, "%s", _("too many screens open"));
		return false;
	}
	struct screen *s = &a->stack[a->depth++];
	*s = (struct screen){ .ops = ops, .data = data };
	if (!enter_screen(a, s)) {
		leave_screen(a, s);
		a->depth--;
		return false;
	}
	return true;
}

bool app_replace(struct app *a, const struct screen_ops *ops, void *data)
{
	struct screen *s = app_top(a);
	leave_screen(a, s);
	a->depth--;
	return app_push(a, ops, data);
}

static void app_pop(struct app *a)
{
	if (a->depth == 0)
		return;
	leave_screen(a, app_top(a));
	a->depth--;
}

void app_msg(struct app *a, enum msg_kind kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_kind = kind;
}

void app_store_error(struct app *a)
{
	const struct ko_error *e = store_error(a->st);
	app_msg(a, MSG_ERROR, "%s: %s", _(ko_err_str(e->code)), e->msg);
}

static void all_stale(struct app *a)
{
	for (int i = 0; i < a->depth; i++)
		a->stack[i].stale = true;
}

void app_saved(struct app *a)
{
	char stamp[21], local[17];
	clock_stamp(stamp);
	stamp_to_local(stamp, local);
	snprintf(a->saved, sizeof a->saved, "%s %s", _("saved"), local + 11);
	all_stale(a);
	store_data_version(a->st, &a->data_version);
	store_content_mark(a->st, &a->mark);
}

bool app_load_meeting(struct app *a, int64_t id)
{
	struct meeting m;
	if (store_meeting_get(a->st, id, &m) != KO_OK) {
		app_store_error(a);
		return false;
	}
	if (a->meeting_id)
		meeting_free(&a->meeting);
	a->meeting = m;
	a->meeting_id = id;
	if (store_meeting_progress(a->st, id, &a->progress) != KO_OK)
		memset(&a->progress, 0, sizeof a->progress);
	if (store_ko_status(a->st, m.project_id, &a->ko_status) != KO_OK)
		a->ko_status = -1;
	a->ko_at[0] = '\0';
	vec_meeting both = { 0 };
	if (m.kind == KIND_TKO && store_meetings_of(a->st, m.project_id, &both) == KO_OK)
		for (size_t i = 0; i < both.n; i++)
			if (both.v[i].kind == KIND_KO && both.v[i].starts_at)
				snprintf(a->ko_at, sizeof a->ko_at, "%s", both.v[i].starts_at);
	vec_meeting_free(&both);
	/* Without its template (gone, unreadable) the meeting still opens,
	 * with no roles expected and no actions suggested. */
	agenda_free(&a->tmpl);
	if (store_meeting_template(a->st, id, &a->tmpl) != KO_OK)
		agenda_free(&a->tmpl);
	return true;
}

static void close_meeting(struct app *a)
{
	agenda_free(&a->tmpl);
	if (a->meeting_id)
		meeting_free(&a->meeting);
	a->meeting_id = 0;
}

void app_open_phase(struct app *a, int n, bool replace)
{
	if (n < 1 || n > PHASE_COUNT || !a->meeting_id)
		return;
	struct screen *top = app_top(a);
	if (replace && top && top->ops->phase)
		app_replace(a, &phases[n].screen, NULL);
	else
		app_push(a, &phases[n].screen, NULL);
}

/* ---- undo and redo ---- */

static int undo_anyway(struct app *a, void *ctx);
static int redo_anyway(struct app *a, void *ctx);

/* The same rules as the command line: when the undo (redo) would take what
 * someone wrote, ask, naming them and what would go; y does it anyway. */
static int undo_or_redo(struct app *a, bool redo, bool force)
{
	char *summary = NULL, *other = NULL;
	enum ko_err rc = redo ? store_redo(a->st, force, &summary, &other)
	                      : store_undo(a->st, force, &summary, &other);
	/* Named as history names it: the row and the values it moved. */
	char what[600];
	app_undo_text(a->st, summary, what, sizeof what);
	if (rc == KO_OK) {
		app_saved(a);
		app_msg(a, MSG_OK, _("%s: %s"), redo ? _("redone") : _("undone"), what);
	} else if (rc == KO_CONFLICT && other && !force) {
		char q[1024];
		snprintf(q, sizeof q, redo ? _("Redo %s? %s (y/n)") : _("Undo %s? %s (y/n)"),
		         what, other);
		confirm_open(a, q, redo ? redo_anyway : undo_anyway, NULL);
	} else {
		app_store_error(a);
	}
	free(summary);
	free(other);
	/* A skip is a change of its own (history shows it). */
	return SCR_HANDLED | (rc == KO_OK || rc == KO_NOTFOUND ? SCR_CHANGED : 0);
}

static int undo_anyway(struct app *a, void *ctx)
{
	(void)ctx;
	return undo_or_redo(a, false, true);
}

static int redo_anyway(struct app *a, void *ctx)
{
	(void)ctx;
	return undo_or_redo(a, true, true);
}

int app_undo(struct app *a)
{
	return undo_or_redo(a, false, false);
}

int app_redo(struct app *a)
{
	return undo_or_redo(a, true, false);
}

/* ---- drawing ---- */

static void draw_too_small(void)
{
	const char *l1 = _("Terminal too small");
	char l2[64];
	snprintf(l2, sizeof l2, _("need %dx%d, have %dx%d"), MIN_COLS, MIN_LINES, COLS, LINES);
	int y = LINES / 2 - 1;
	if (y < 0)
		y = 0;
	ui_text(y, 0, COLS, l1, A_BOLD);
	if (y + 1 < LINES)
		ui_text(y + 1, 0, COLS, l2, A_NORMAL);
}

/* A key was read and its screen not yet drawn (KICKOFF_TRACE marks);
 * true at start so the first screen is marked. */
static bool trace_key_pending = true;

static void draw(struct app *a)
{
	a->clock_shown = 0;
	erase();
	curs_set(0);
	leaveok(stdscr, TRUE);
	if (a->too_small) {
		draw_too_small();
	} else {
		/* Draw from the last full screen up through its overlays. */
		int base = a->depth - 1;
		while (base > 0 && a->stack[base].ops->overlay)
			base--;
		for (int i = base; i < a->depth; i++) {
			struct screen *s = &a->stack[i];
			if (s->stale && s->ops->reload) {
				s->stale = false;
				trace_mark("reload");
				s->ops->reload(a, s);
			}
			s->ops->draw(a, s);
		}
		struct screen *top = app_top(a);
		if (top && top->ops->cursor) {
			leaveok(stdscr, FALSE);
			curs_set(1);
		}
	}
	if (a->repaint) {
		clearok(curscr, TRUE);
		a->repaint = false;
	}
	refresh();
	/* For bench/run: the first screen, and the screen after each key. */
	if (trace_key_pending) {
		trace_mark("drawn");
		trace_key_pending = false;
	}
}

/* A write waiting for another session's lock says so at once. */
static void on_wait(void *ctx, int waited_ms)
{
	struct app *a = ctx;
	if (waited_ms < 2000 || a->too_small)
		return;
	char m[128];
	snprintf(m, sizeof m, _("waiting for another session (%d s)..."), waited_ms / 1000);
	ui_text(LINES - 1, 0, COLS, m, ui_attr(ST_WARN));
	refresh();
	a->waiting_ms = waited_ms;
}

/* ---- live refresh and presence ---- */

/* A form, a question or a line being typed is on the stack. */
static bool typing(struct app *a)
{
	for (int i = 0; i < a->depth; i++)
		if (a->stack[i].ops->raw)
			return true;
	return false;
}

/* After a restore by another session, every id this session holds may
 * name another row (the restored file numbers its own), so nothing read
 * before is kept: the screens start again from the project list, and go
 * back into the meeting that was open when the restored database has
 * one of the same project and kind.  Only then are writes allowed again
 * (store_accept_replacement). */
static void start_again(struct app *a)
{
	char *project = a->meeting_id && a->meeting.project_name ? strdup(a->meeting.project_name) : NULL;
	enum meeting_kind kind = a->meeting.kind;
	int phase = 0;
	for (int i = a->depth - 1; i >= 0 && !phase; i--)
		phase = a->stack[i].ops->phase;
	while (a->depth > 0)
		app_pop(a);
	close_meeting(a);
	a->replaced = false;
	if (store_accept_replacement(a->st) != KO_OK)
		a->replaced = true;          /* tried again at the next poll */
	store_data_version(a->st, &a->data_version);
	store_content_mark(a->st, &a->mark);
	app_push(a, &screen_projects, NULL);
	bool back = false;
	struct project p;
	if (project && store_project_find(a->st, project, &p) == KO_OK) {
		vec_meeting ms;
		if (strcmp(p.name, project) == 0) {
			overview_open(a, p.id);
			if (phase && store_meetings_of(a->st, p.id, &ms) == KO_OK) {
				for (size_t i = 0; i < ms.n && !back; i++)
					if (ms.v[i].kind == kind && app_load_meeting(a, ms.v[i].id)) {
						app_open_phase(a, phase, false);
						back = true;
					}
				vec_meeting_free(&ms);
			}
		}
		project_free(&p);
	}
	free(project);
	/* "saved 09:12" was about the database before. */
	a->saved[0] = '\0';
	app_msg(a, MSG_WARN, "%s", back ? _("database restored by another session: this meeting as restored")
	                                : _("database restored by another session: showing what it holds now"));
}

/* Another session committed.  A presence beat or a draft leaves the
 * content mark where it was: nothing to read.  Otherwise the screens
 * that can take the rows the change log names do, the others read
 * again, and the meeting's counts move by what those rows changed. */
static void content_moved(struct app *a)
{
	struct store_mark m;
	if (store_content_mark(a->st, &m) != KO_OK) {
		all_stale(a);
		a->dirty = true;
		return;
	}
	if (m.change == a->mark.change && m.row == a->mark.row)
		return;
	a->live_until_ms = now_ms() + LIVE_MS;
	static struct store_changed rows[PATCH_MAX + 1];
	int n = 0;
	struct progress pr = a->progress;
	bool rowwise = m.row >= a->mark.row && m.change >= a->mark.change &&
	               store_changed_rows(a->st, a->mark.row, m.row, rows, PATCH_MAX, &n,
	                                  a->meeting_id, a->meeting_id ? &pr : NULL) == KO_OK &&
	               n <= PATCH_MAX;
	a->mark = m;
	bool meeting_rows = !rowwise;
	for (int i = 0; i < n && rowwise; i++)
		if (strcmp(rows[i].table, "meeting") == 0 || strcmp(rows[i].table, "project") == 0)
			meeting_rows = true;
	for (int i = 0; i < a->depth; i++) {
		struct screen *s = &a->stack[i];
		if (!(rowwise && s->ops->patch && !s->stale && s->ops->patch(a, s, rows, n)))
			s->stale = true;
	}
	if (meeting_rows) {
		if (a->meeting_id && !app_load_meeting(a, a->meeting_id))
			a->msg_kind = MSG_WARN;
	} else {
		a->progress = pr;
	}
	a->dirty = true;
}

static void poll_changes(struct app *a)
{
	int64_t v;
	if (store_data_version(a->st, &v) == KO_OK && v != a->data_version) {
		a->data_version = v;
		bool replaced = false;
		if (!a->replaced && store_replaced(a->st, &replaced) == KO_OK && replaced) {
			a->replaced = true;
			if (typing(a))
				app_msg(a, MSG_WARN, "%s",
				        _("database restored by another session: this form can no longer be "
				          "saved; Esc closes it"));
		}
		if (a->replaced)
			a->dirty = true;
		else
			content_moved(a);
	}
	/* Not under a form: its text stays on the screen, to be copied. */
	if (a->replaced && !typing(a)) {
		start_again(a);
		a->dirty = true;
	}
}

/* The meeting this session has open: one of its screens is on the stack. */
static int64_t open_meeting(struct app *a)
{
	for (int i = 0; i < a->depth; i++)
		if (a->stack[i].ops->phase || a->stack[i].ops == &screen_history)
			return a->meeting_id;
	return 0;
}

static void beat(struct app *a)
{
	long long t = now_ms();
	int64_t m = open_meeting(a);
	if (t - a->last_beat_ms < BEAT_MS && a->beat_meeting == m)
		return;
	a->last_beat_ms = t;
	a->beat_meeting = m;
	if (store_presence_beat(a->st, a->session, m) != KO_OK)
		return;
	char *others = NULL, was[sizeof a->others];
	snprintf(was, sizeof was, "%s", a->others);
	a->others[0] = '\0';
	if (m && store_presence_others(a->st, a->session, m, &others) == KO_OK && others)
		snprintf(a->others, sizeof a->others, "%s", others);
	free(others);
	if (strcmp(was, a->others) != 0)
		a->dirty = true;
}

/* ---- input ---- */

static int global_action(struct app *a, enum ko_action act)
{
	struct screen *top = app_top(a);
	switch (act) {
	case ACTION_REDRAW:
		a->repaint = true;
		return SCR_HANDLED;
	case ACTION_HELP:
		help_open(a, top->ops);
		return SCR_HANDLED;
	case ACTION_UNDO:
		return app_undo(a);
	case ACTION_REDO:
		return app_redo(a);
	default:
		return SCR_IGNORED;
	}
}

/* What the loop does with a screen's answer. */
static void react(struct app *a, struct screen *top, int r)
{
	if (r & SCR_CHANGED) {
		all_stale(a);
		/* This session's own rows are read with the screens now, not
		 * again as another's. */
		store_content_mark(a->st, &a->mark);
	}
	if (r & SCR_QUIT) {
		a->quit = true;
	} else if (r & SCR_POP) {
		/* Close the screen that asked, also when it opened another on
		 * top of itself first (that one stays). */
		int i = (int)(top - a->stack);
		int n = (r & SCR_POP_UNDER) && i > 0 ? 2 : 1;
		for (int k = 0; k < n; k++)
			leave_screen(a, &a->stack[i - k]);
		i -= n - 1;
		memmove(&a->stack[i], &a->stack[i + n], (size_t)(a->depth - i - n) * sizeof *top);
		a->depth -= n;
	}
}

static void dispatch(struct app *a, bool is_key, wint_t ch)
{
	struct screen *top = app_top(a);
	int r;
	if (top->ops->raw && is_key && ch == KEY_F(1) && top->ops->own_keys) {
		/* F1 is help on the screens that take `?` as text. */
		help_open(a, top->ops);
		r = SCR_HANDLED;
	} else if (top->ops->raw) {
		r = top->ops->key(a, top, is_key, ch);
	} else {
		int arg;
		enum ko_action act = keymap_action(is_key, ch, &arg);
		if (act == ACTION_NONE)
			return;
		/* A message stays until the next action. */
		if (act != ACTION_REDRAW) {
			a->msg[0] = '\0';
			a->msg_kind = MSG_INFO;
		}
		r = top->ops->action(a, top, act, arg);
		if (r == SCR_IGNORED)
			r = global_action(a, act);
	}
	react(a, top, r);
}

/* A bracketed paste: text for the field on top, never keys. */
static void dispatch_paste(struct app *a)
{
	struct screen *top = app_top(a);
	size_t n;
	bool cut;
	const char *text = input_paste(&n, &cut);
	if (!top->ops->paste) {
		app_msg(a, MSG_WARN, "%s", _("paste ignored: it goes into a text field (a adds, Enter edits)"));
		return;
	}
	if (cut)
		app_msg(a, MSG_WARN, "%s", _("the paste was too long; only its start was kept"));
	react(a, top, top->ops->paste(a, top, text, n));
}

static int read_key(struct app *a, wint_t *ch)
{
	if (a->script)
		return script_next(a, ch);
	return input_read(ch, now_ms() < a->live_until_ms ? POLL_MS : QUIET_POLL_MS);
}

static bool start_terminal(void)
{
	term_save();
	if (!newterm(NULL, stdout, stdin))
		return false;
	return true;
}

static void setup_curses(void)
{
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	leaveok(stdscr, TRUE);
}

int tui_main(const char *db_path)
{
	const char *script = getenv("KICKOFF_SCRIPT");
	bool headless = script && *script;
	if (!headless) {
		const char *term = getenv("TERM");
		if (!term || !*term || strcmp(term, "dumb") == 0) {
			fprintf(stderr, "kickoff: %s\n",
			        _("the screens need a terminal that can move the cursor "
			          "(TERM is unset or 'dumb'); the command line works: kickoff --help"));
			return 1;
		}
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "kickoff: %s\n",
			        _("the screens need a terminal; the command line works: kickoff --help"));
			return 1;
		}
	}

	static struct app app;
	struct app *a = &app;
	memset(a, 0, sizeof *a);
	struct ko_error e = { 0 };
	if (store_open(db_path, STORE_CREATE, &a->st, &e) != KO_OK) {
		/* The message names the --db path as typed. */
		char *msg = text_sanitize(e.msg, false);
		fprintf(stderr, "kickoff: %s\n", msg ? msg : "");
		free(msg);
		return ko_err_exit(e.code);
	}
	identity_user(a->user, sizeof a->user);
	store_set_user(a->st, a->user);
	snprintf(a->session, sizeof a->session, "%.100s#%ld", a->user, (long)getpid());
	store_set_wait_callback(a->st, on_wait, a);
	/* Checkpoints wait for idle time, not inside a tick. */
	store_defer_checkpoints(a->st);
	store_data_version(a->st, &a->data_version);
	store_content_mark(a->st, &a->mark);
	clock_today(a->today);
	a->ko_status = -1;

	if (headless) {
		if (!script_start(script)) {
			store_close(a->st);
			return 1;
		}
		a->script = true;
	} else if (!start_terminal()) {
		fprintf(stderr, "kickoff: %s\n", _("cannot start the screen on this terminal"));
		store_close(a->st);
		return 1;
	}
	setup_curses();
	if (!headless)
		term_paste_mode(true);
	ui_colors_init(a);
	a->too_small = LINES < MIN_LINES || COLS < MIN_COLS;
	app_push(a, &screen_projects, NULL);
	draft_offer(a);
	/* No SA_RESTART: the wait for a key ends at once. */
	struct sigaction sa = { .sa_handler = on_hangup };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	a->dirty = true;
	while (!a->quit && a->depth > 0) {
		if (hangup)
			break;
		/* Idle, nothing changed: the screen as it is, no work at all. */
		if (a->dirty || a->script)
			draw(a);
		a->dirty = false;
		wint_t ch;
		int rc = read_key(a, &ch);
		if (hangup)
			break;
		if (rc != ERR) {
			a->dirty = true;
			a->live_until_ms = now_ms() + LIVE_MS;
		}
		if (rc == ERR) {
			if (a->script && a->quit)
				break;
			if (a->clock_shown) {
				time_t t = clock_now();
				if (t != (time_t)-1 && (int64_t)t != a->clock_shown)
					a->dirty = true;
			}
			poll_changes(a);
			beat(a);
			store_checkpoint(a->st);
			continue;
		}
		if (!a->script) {
			trace_mark("key");
			trace_key_pending = true;
		}
		if (a->waiting_ms) {
			a->waiting_ms = 0;
		}
		bool is_key = rc == KEY_CODE_YES;
		if (is_key && ch == KEY_RESIZE) {
			a->too_small = LINES < MIN_LINES || COLS < MIN_COLS;
			/* The whole screen again, not the difference: ncurses
			 * repaints by itself only when the size it reads has
			 * changed, but a terminal resized and back before it
			 * read has cut the lines off all the same. */
			a->repaint = true;
			continue;
		}
		if (rc == INPUT_PASTE) {
			if (a->too_small)
				continue;
			dispatch_paste(a);
			if (!a->script)
				beat(a);
			continue;
		}
		if (a->too_small) {
			/* Only a redraw; everything else waits for room. */
			if (!is_key && ch == ('l' & 0x1f))
				a->repaint = true;
			continue;
		}
		dispatch(a, is_key, ch);
		draft_answered(a);
		if (!a->script)
			beat(a);
	}

	if (a->script) {
		const char *out = getenv("KICKOFF_SCREEN_OUT");
		if (out && *out) {
			draw(a);
			screen_dump(out);
		}
	}
	if (hangup)
		draft_save(a);
	draft_forget();
	while (a->depth > 0)
		app_pop(a);
	close_meeting(a);
	store_presence_leave(a->st, a->session);
	endwin();
	term_paste_mode(false);
	input_free();
	if (a->script)
		script_end();
	store_close(a->st);
	/* Ended by kill or Ctrl-C: the one who sent it sees that, now that
	 * the draft is kept and the terminal put back.  A hang-up has
	 * nobody to tell. */
	if (hangup == SIGTERM || hangup == SIGINT) {
		signal(hangup, SIG_DFL);
		raise(hangup);
	}
	return 0;
}
