/* gen.c - builds a realistic kickoff database of about N rows for the
 * benchmarks (bench/gen is the entry point; bench/run the user).
 *
 * The schema comes from the store itself (store_open creates it), so the
 * result is exactly what the program makes.  The rows are then written
 * with SQLite directly, in one transaction, with the journal off: the
 * store's one-transaction-per-change API would take hours at a million
 * rows.  The change log is still written the way the program writes it:
 * each user-visible change inserts its `change` row first and the
 * store's change-log hook (src/store/sqlite/changelog.h) adds the before/after
 * images, so history and undo see
 * the same shape as in real use (a meeting added with its agenda, ticks
 * as updates, actions added and later marked done).
 *
 * Every count in the total is a row of a table: projects, meetings,
 * attendees, items, decisions, risks, outputs, actions, change and
 * change_row.  Dates are spread from six years before today to half a
 * year after; about one project in three is in Chinese.  The random
 * numbers are seeded, so one N always gives the same database (today's
 * date aside). */
#include <getopt.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "../src/store/sqlite/changelog.h"
#include "kickoff/store.h"
#include "kickoff/template.h"

static sqlite3 *db;
static long long rows;            /* rows written so far, change log included */
static int64_t today_day;         /* days since 1970-01-01 */

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 11);
}
static int between(int lo, int hi) { return lo + (int)(rnd() % (uint32_t)(hi - lo + 1)); }
static bool chance(int percent) { return (int)(rnd() % 100) < percent; }
#define PICK(a) ((a)[rnd() % (sizeof (a) / sizeof (a)[0])])

static void die(const char *what)
{
	fprintf(stderr, "bench/gen: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
	exit(2);
}

static void exec(const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(sql);
}

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		die(sql);
	return s;
}

static void run(sqlite3_stmt *s, const char *what)
{
	if (sqlite3_step(s) != SQLITE_DONE)
		die(what);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

static void day_text(int64_t day, char out[11])
{
	time_t t = (time_t)(day * 86400);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void stamp_text(int64_t day, int minute, char out[21])
{
	time_t t = (time_t)(day * 86400 + minute * 60);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static const char *const en_people[] = {
	"Alice Martin", "Bob Chen", "Carol Diaz", "David Smith", "Eve Novak",
	"Frank Müller", "Grace Lee", "Hiro Tanaka", "Ivan Petrov", "Julia Rossi",
	"Kofi Mensah", "Laura Schmidt", "Mohammed Ali", "Nina Berg", "Oscar Silva",
};
static const char *const zh_people[] = {
	"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰",
	"吴婷", "徐刚", "孙丽", "马超", "朱琳", "胡斌",
};
static const char *const en_roles[] = {
	"Project manager", "Tech lead", "Customer sponsor", "Architect",
	"QA lead", "Developer", "Business analyst", "Operations",
};
static const char *const zh_roles[] = {
	"项目经理", "技术负责人", "客户代表", "架构师", "测试负责人", "开发工程师",
	"业务分析师", "运维",
};
static const char *const orgs[] = {
	"ACME Corp", "Globex", "Initech", "华为技术", "阿里云", "Umbrella", "中国银行",
	"Stark Industries", "腾讯", "Wayne Enterprises",
};
static const char *const en_words[] = {
	"billing", "migration", "portal", "gateway", "warehouse", "mobile app",
	"data lake", "CRM", "payments", "search", "reporting", "identity",
};
static const char *const zh_words[] = {
	"计费系统", "数据迁移", "门户网站", "接口网关", "数据仓库", "移动应用",
	"数据湖", "客户管理", "支付平台", "搜索服务", "报表中心", "统一认证",
};
static const char *const en_decisions[] = {
	"Use PostgreSQL 16 for the main store", "Weekly status call on Mondays at 10:00",
	"Release every two weeks from the main branch", "Customer signs off each milestone in writing",
	"Freeze scope for phase one at the end of the month", "Host in the customer's data centre",
	"All interfaces are REST with JSON and OpenAPI descriptions",
};
static const char *const zh_decisions[] = {
	"主数据库采用 PostgreSQL 16", "每周一上午十点例会", "每两周从主分支发布一次",
	"每个里程碑由客户书面确认", "一期范围在月底冻结", "部署在客户自有机房",
	"所有接口采用 REST + JSON，并提供 OpenAPI 描述",
};
static const char *const en_risks[] = {
	"Key people unavailable during the holidays", "Legacy data quality is unknown",
	"Third-party API rate limits", "Late delivery of test environments",
	"Unclear acceptance criteria for reports",
};
static const char *const zh_risks[] = {
	"节假日期间关键人员不在岗", "历史数据质量未知", "第三方接口限流",
	"测试环境交付延迟", "报表验收标准不明确",
};
static const char *const en_actions[] = {
	"Send the signed charter to the sponsor", "Set up the CI pipeline",
	"Book the test environment", "Draft the interface specification",
	"Collect sample data from the customer", "Write the risk register",
	"Schedule the architecture review", "Share the meeting minutes",
};
static const char *const zh_actions[] = {
	"将签字版章程发送给发起人", "搭建持续集成流水线", "预约测试环境", "起草接口规范",
	"向客户收集样例数据", "编写风险登记册", "安排架构评审", "分发会议纪要",
};

static sqlite3_stmt *s_change, *s_project, *s_meeting, *s_attendee, *s_item,
	*s_output, *s_decision, *s_risk, *s_action, *s_tick, *s_done, *s_held;

static const char *const levels[] = { "low", "medium", "high" };

static struct changelog *log_hook;

/* Writes the images of the rows the last change touched. */
static void flush_log(void)
{
	if (changelog_flush(log_hook) != SQLITE_OK)
		die("change log");
}

/* One user-visible change: its log row, then the rows it writes (each
 * of which the change-log hook records too). */
static void change(int64_t meeting_id, const char *who, int64_t day, int minute,
                   const char *summary)
{
	flush_log();
	char at[21];
	stamp_text(day, minute, at);
	sqlite3_bind_text(s_change, 1, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s_change, 2, who, -1, SQLITE_STATIC);
	if (meeting_id)
		sqlite3_bind_int64(s_change, 3, meeting_id);
	sqlite3_bind_text(s_change, 4, summary, -1, SQLITE_STATIC);
	run(s_change, "change");
	changelog_begin(log_hook);
	rows++;
}

/* A row written inside a change: itself and its change_row. */
static void logged(sqlite3_stmt *s, const char *what)
{
	run(s, what);
	rows += 2;
}

/* An update inside a change: only its change_row is a new row. */
static void logged_update(sqlite3_stmt *s, const char *what)
{
	run(s, what);
	rows += 1;
}

static void text(sqlite3_stmt *s, int i, const char *t)
{
	sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT);
}

static void make_meeting(int64_t project_id, enum meeting_kind kind, bool zh,
                         int64_t day, const char *host)
{
	bool past = day < today_day;
	char at[17], d[11];
	day_text(day, d);
	snprintf(at, sizeof at, "%s %02d:%02d", d, between(9, 16), chance(50) ? 0 : 30);

	change(0, host, day - 14, 600, "add meeting");
	int64_t change_id = sqlite3_last_insert_rowid(db);
	sqlite3_bind_int64(s_meeting, 1, project_id);
	text(s_meeting, 2, kind == KIND_KO ? "ko" : "tko");
	text(s_meeting, 3, kind == KIND_KO ? (zh ? "项目启动会" : "Project kick-off")
	                                   : (zh ? "技术启动会" : "Technical kick-off"));
	text(s_meeting, 4, at);
	text(s_meeting, 5, zh ? "三号会议室" : "Room 3 / video call");
	text(s_meeting, 6, host);
	text(s_meeting, 7, zh ? "明确目标、范围与分工，对齐各方预期。"
	                      : "Agree goals, scope and roles; align expectations.");
	logged(s_meeting, "meeting");
	int64_t mid = sqlite3_last_insert_rowid(db);
	{
		/* The store tags a change with its meeting at commit. */
		char sql[96];
		snprintf(sql, sizeof sql, "UPDATE change SET meeting_id = %lld WHERE id = %lld",
		         (long long)mid, (long long)change_id);
		exec(sql);
	}

	struct agenda a;
	if (template_builtin(kind, zh ? "zh" : "en", &a) != KO_OK)
		die("template");
	for (size_t i = 0; i < a.n_items; i++) {
		sqlite3_bind_int64(s_item, 1, mid);
		sqlite3_bind_int(s_item, 2, (int)i + 1);
		text(s_item, 3, a.items[i]);
		logged(s_item, "item");
	}
	for (size_t i = 0; i < a.n_outputs; i++) {
		sqlite3_bind_int64(s_output, 1, mid);
		sqlite3_bind_int(s_output, 2, (int)i + 1);
		text(s_output, 3, a.outputs[i]);
		text(s_output, 4, past ? (chance(70) ? "done" : "drafting") : "todo");
		text(s_output, 5, zh ? PICK(zh_people) : PICK(en_people));
		logged(s_output, "output");
	}
	agenda_free(&a);

	int nattend = between(5, 12);
	for (int i = 0; i < nattend; i++) {
		change(mid, host, day - 7, 600 + i, "add attendee");
		sqlite3_bind_int64(s_attendee, 1, mid);
		text(s_attendee, 2, zh ? zh_people[(i * 7 + project_id) % 15] : en_people[(i * 7 + project_id) % 15]);
		text(s_attendee, 3, zh ? PICK(zh_roles) : PICK(en_roles));
		text(s_attendee, 4, PICK(orgs));
		sqlite3_bind_int(s_attendee, 5, past && chance(90));
		logged(s_attendee, "attendee");
	}
	if (!past)
		return;

	/* The meeting itself: ticks, decisions, risks, actions. */
	int nitems = kind == KIND_KO ? 13 : 10;
	for (int p = 1; p <= nitems; p++) {
		if (!chance(92))
			continue;
		change(mid, host, day, 600 + p * 4, "tick item");
		char stamp[21];
		stamp_text(day, 600 + p * 4, stamp);
		text(s_tick, 1, stamp);
		text(s_tick, 2, host);
		sqlite3_bind_int64(s_tick, 3, mid);
		sqlite3_bind_int(s_tick, 4, p);
		logged_update(s_tick, "tick");
	}
	int ndec = between(2, 6);
	int64_t decisions[6];
	for (int i = 0; i < ndec; i++) {
		change(mid, host, day, 700 + i, "add decision");
		char stamp[21];
		stamp_text(day, 700 + i, stamp);
		sqlite3_bind_int64(s_decision, 1, mid);
		text(s_decision, 2, zh ? PICK(zh_decisions) : PICK(en_decisions));
		text(s_decision, 3, host);
		text(s_decision, 4, stamp);
		logged(s_decision, "decision");
		decisions[i] = sqlite3_last_insert_rowid(db);
	}
	int nrisk = between(1, 5);
	for (int i = 0; i < nrisk; i++) {
		change(mid, host, day, 720 + i, "add risk");
		sqlite3_bind_int64(s_risk, 1, mid);
		text(s_risk, 2, zh ? PICK(zh_risks) : PICK(en_risks));
		text(s_risk, 3, PICK(levels));
		text(s_risk, 4, PICK(levels));
		text(s_risk, 5, zh ? "提前沟通并准备备选方案" : "Raise early; keep a fallback ready");
		text(s_risk, 6, zh ? PICK(zh_people) : PICK(en_people));
		text(s_risk, 7, day + 60 < today_day ? (chance(50) ? "closed" : "mitigated") : "open");
		logged(s_risk, "risk");
	}
	int nact = between(3, 10);
	for (int i = 0; i < nact; i++) {
		change(mid, host, day, 740 + i, "add action");
		int64_t due = day + between(7, 90);
		char dd[11], created[21];
		day_text(due, dd);
		stamp_text(day, 740 + i, created);
		sqlite3_bind_int64(s_action, 1, mid);
		if (chance(50))
			sqlite3_bind_int64(s_action, 2, decisions[rnd() % (unsigned)ndec]);
		text(s_action, 3, zh ? PICK(zh_actions) : PICK(en_actions));
		text(s_action, 4, zh ? PICK(zh_people) : PICK(en_people));
		if (!chance(5))
			text(s_action, 5, dd);
		text(s_action, 6, created);
		logged(s_action, "action");
		int64_t aid = sqlite3_last_insert_rowid(db);
		/* Most actions whose date is well past were done; a few stay
		 * open (overdue) or were dropped. */
		if (due + 14 < today_day && !chance(4)) {
			int64_t when = due - between(0, 10);
			bool drop = chance(3);
			change(mid, host, when, 900, drop ? "drop action" : "set action status");
			char ds[21];
			stamp_text(when, 900, ds);
			text(s_done, 1, drop ? "dropped" : "done");
			if (!drop)
				text(s_done, 2, ds);
			sqlite3_bind_int64(s_done, 3, aid);
			logged_update(s_done, "action done");
		}
	}
	change(mid, host, day, 1000, "edit meeting");
	text(s_held, 1, day + 30 < today_day ? "closed" : "held");
	sqlite3_bind_int64(s_held, 2, mid);
	logged_update(s_held, "meeting held");
}

static void usage(void)
{
	fprintf(stderr, "usage: bench/gen --rows N --db PATH [--seed S]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	long long want = 0;
	const char *path = NULL;
	static const struct option opts[] = {
		{ "rows", required_argument, NULL, 'r' },
		{ "db", required_argument, NULL, 'd' },
		{ "seed", required_argument, NULL, 's' },
		{ 0 },
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "r:d:s:", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': want = strtoll(optarg, NULL, 10); break;
		case 'd': path = optarg; break;
		case 's': rng ^= (uint64_t)strtoull(optarg, NULL, 10) * 0x2545F4914F6CDD1DULL; break;
		default: usage();
		}
	}
	if (want <= 0 || !path || optind != argc)
		usage();

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	today_day = (int64_t)(time(NULL) / 86400);

	/* The schema as the program creates it. */
	unlink(path);
	char side[4096];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	struct store *st;
	struct ko_error e = { 0 };
	if (store_open(path, STORE_CREATE, &st, &e) != KO_OK) {
		fprintf(stderr, "bench/gen: %s\n", e.msg);
		return 2;
	}
	store_close(st);

	if (sqlite3_open(path, &db) != SQLITE_OK)
		die("open");
	if (!(log_hook = changelog_attach(db)))
		die("change log");
	exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
	     " PRAGMA foreign_keys=OFF; PRAGMA temp_store=MEMORY");
	exec("BEGIN");
	s_change = prep("INSERT INTO change(at, who, meeting_id, summary) VALUES (?1, ?2, ?3, ?4)");
	s_project = prep("INSERT INTO project(name, customer, code, lang, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
	s_meeting = prep("INSERT INTO meeting(project_id, kind, title, starts_at, place, host, purpose)"
	                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	s_attendee = prep("INSERT INTO attendee(meeting_id, name, role, organisation, present)"
	                  " VALUES (?1, ?2, ?3, ?4, ?5)");
	s_item = prep("INSERT INTO item(meeting_id, position, title) VALUES (?1, ?2, ?3)");
	s_output = prep("INSERT INTO output(meeting_id, position, name, status, owner) VALUES (?1, ?2, ?3, ?4, ?5)");
	s_decision = prep("INSERT INTO decision(meeting_id, text, decided_by, decided_at) VALUES (?1, ?2, ?3, ?4)");
	s_risk = prep("INSERT INTO risk(meeting_id, text, likelihood, impact, mitigation, owner, status)"
	              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	s_action = prep("INSERT INTO action(meeting_id, decision_id, text, owner, due, created_at)"
	                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	s_tick = prep("UPDATE item SET checked_at = ?1, checked_by = ?2, version = version + 1"
	              " WHERE meeting_id = ?3 AND position = ?4");
	s_done = prep("UPDATE action SET status = ?1, done_at = ?2, version = version + 1 WHERE id = ?3");
	s_held = prep("UPDATE meeting SET status = ?1, version = version + 1 WHERE id = ?2");

	/* About 330 rows a project with its log: estimate how many projects
	 * to spread over the years, then write until the count is reached. */
	long long nproj_est = want / 330 + 1;
	int64_t span = 6 * 365 + 182;
	for (long long p = 0; rows < want; p++) {
		bool zh = chance(33);
		int64_t day = today_day - 6 * 365 + (int64_t)((p * span) / nproj_est) % span;
		const char *host = zh ? PICK(zh_people) : PICK(en_people);
		char name[128], code[32], created[21];
		if (zh)
			snprintf(name, sizeof name, "%s%s二期-%05lld", PICK(zh_words), PICK(zh_words), p + 1);
		else
			snprintf(name, sizeof name, "%s %s %05lld", PICK(en_words), PICK(en_words), p + 1);
		snprintf(code, sizeof code, "PRJ-%05lld", p + 1);
		stamp_text(day - 21, 540, created);
		change(0, host, day - 21, 540, "add project");
		text(s_project, 1, name);
		text(s_project, 2, PICK(orgs));
		text(s_project, 3, code);
		text(s_project, 4, zh ? "zh" : "en");
		text(s_project, 5, created);
		logged(s_project, "project");
		int64_t pid = sqlite3_last_insert_rowid(db);
		make_meeting(pid, KIND_KO, zh, day, host);
		/* Most projects go on to a TKO a week or three later. */
		if (chance(85))
			make_meeting(pid, KIND_TKO, zh, day + between(7, 21),
			             zh ? PICK(zh_people) : PICK(en_people));
	}
	flush_log();
	sqlite3_stmt *all[] = { s_change, s_project, s_meeting, s_attendee, s_item, s_output,
	                        s_decision, s_risk, s_action, s_tick, s_done, s_held };
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		sqlite3_finalize(all[i]);
	exec("COMMIT");
	/* Back to what the program runs with. */
	exec("PRAGMA journal_mode=WAL");
	changelog_detach(log_hook);
	sqlite3_close(db);

	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%lld rows in %.2f s: %s\n", rows, secs, path);
	return 0;
}
