/* model.c - freeing entities, the names of their states, phase rules. */
#include <stdbool.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"
#include "kickoff/model.h"

void project_free(struct project *p)
{
	free(p->name); free(p->customer); free(p->code); free(p->lang);
	free(p->template_name); free(p->created_at);
	memset(p, 0, sizeof *p);
}

void meeting_free(struct meeting *m)
{
	free(m->title); free(m->starts_at); free(m->place); free(m->host);
	free(m->purpose); free(m->project_name); free(m->lang); free(m->modified_at);
	memset(m, 0, sizeof *m);
}

void attendee_free(struct attendee *a)
{
	free(a->name); free(a->role); free(a->organisation); free(a->email);
	memset(a, 0, sizeof *a);
}

void item_free(struct item *it)
{
	free(it->title); free(it->note); free(it->checked_at); free(it->checked_by);
	free(it->presenter); free(it->clock_started_at);
	memset(it, 0, sizeof *it);
}

void decision_free(struct decision *d)
{
	free(d->text); free(d->decided_by); free(d->decided_at); free(d->agreed_at);
	memset(d, 0, sizeof *d);
}

void risk_free(struct risk *r)
{
	free(r->text); free(r->mitigation); free(r->owner);
	memset(r, 0, sizeof *r);
}

void output_free(struct output *o)
{
	free(o->name); free(o->owner); free(o->link); free(o->due);
	memset(o, 0, sizeof *o);
}

void action_free(struct action *a)
{
	free(a->text); free(a->owner); free(a->due); free(a->created_at);
	free(a->done_at); free(a->project_name); free(a->modified_at);
	memset(a, 0, sizeof *a);
}

#define VEC_FREE(T) \
	void vec_##T##_free(vec_##T *v) \
	{ \
		for (size_t i = 0; i < v->n; i++) \
			T##_free(&v->v[i]); \
		free(v->v); \
		v->v = NULL; \
		v->n = v->cap = 0; \
	}
VEC_FREE(project)
VEC_FREE(meeting)
VEC_FREE(attendee)
VEC_FREE(item)
VEC_FREE(decision)
VEC_FREE(risk)
VEC_FREE(output)
VEC_FREE(action)

void minutes_free(struct minutes *mi)
{
	project_free(&mi->project);
	meeting_free(&mi->meeting);
	vec_attendee_free(&mi->attendees);
	vec_item_free(&mi->items);
	vec_decision_free(&mi->decisions);
	vec_risk_free(&mi->risks);
	vec_output_free(&mi->outputs);
	vec_action_free(&mi->actions);
	vec_question_free(&mi->questions);
	vec_raci_free(&mi->raci);
}

/* All VEC_OF types share this layout, so one grow function serves them. */
struct vec_any { char *v; size_t n, cap; };

void *vec_push_(void *vec, size_t elem_size)
{
	struct vec_any *va = vec;
	if (va->n == va->cap) {
		size_t cap = va->cap ? va->cap * 2 : 8;
		char *nv = realloc(va->v, cap * elem_size);
		if (!nv)
			return NULL;
		va->v = nv;
		va->cap = cap;
	}
	char *e = va->v + va->n++ * elem_size;
	memset(e, 0, elem_size);
	return e;
}

static const char *const kinds[] = { "ko", "tko" };
/* The names are the stored and typed values; N_ puts them in the
 * catalogue so a table in text can show _(name). */
static const char *const mstatuses[] = { N_("planned"), N_("held"), N_("closed") };
static const char *const levels[] = { N_("low"), N_("medium"), N_("high") };
static const char *const rstatuses[] = { N_("open"), N_("mitigated"), N_("closed") };
static const char *const ostatuses[] = { N_("todo"), N_("drafting"), N_("done") };
static const char *const astatuses[] = { N_("open"), N_("done"), N_("dropped") };
static const char *const pstatuses[] = { N_("invited"), N_("present"), N_("regrets") };
static const char *const dstates[] = { N_("proposed"), N_("agreed"), N_("rejected") };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *name_of(const char *const *names, size_t n, int v)
{
	return v >= 0 && (size_t)v < n ? names[v] : "?";
}

static int parse_of(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; s && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *kind_name(enum meeting_kind k) { return name_of(kinds, COUNT(kinds), k); }
const char *meeting_status_name(enum meeting_status s) { return name_of(mstatuses, COUNT(mstatuses), s); }
const char *level_name(enum level l) { return name_of(levels, COUNT(levels), l); }
const char *risk_status_name(enum risk_status s) { return name_of(rstatuses, COUNT(rstatuses), s); }
const char *output_status_name(enum output_status s) { return name_of(ostatuses, COUNT(ostatuses), s); }
const char *action_status_name(enum action_status s) { return name_of(astatuses, COUNT(astatuses), s); }
int kind_parse(const char *s) { return parse_of(kinds, COUNT(kinds), s); }
int meeting_status_parse(const char *s) { return parse_of(mstatuses, COUNT(mstatuses), s); }
int level_parse(const char *s) { return parse_of(levels, COUNT(levels), s); }
int risk_status_parse(const char *s) { return parse_of(rstatuses, COUNT(rstatuses), s); }
int output_status_parse(const char *s) { return parse_of(ostatuses, COUNT(ostatuses), s); }
int action_status_parse(const char *s) { return parse_of(astatuses, COUNT(astatuses), s); }
const char *attendee_status_name(enum attendee_status s) { return name_of(pstatuses, COUNT(pstatuses), s); }
int attendee_status_parse(const char *s) { return parse_of(pstatuses, COUNT(pstatuses), s); }
const char *decision_state_name(enum decision_state s) { return name_of(dstates, COUNT(dstates), s); }
int decision_state_parse(const char *s) { return parse_of(dstates, COUNT(dstates), s); }

int tko_before_ko(const char *tko_at, const char *ko_at)
{
	/* The one format sorts as text. */
	return tko_at && ko_at && *tko_at && *ko_at && strcmp(tko_at, ko_at) < 0;
}

int tko_needs_warning(int ko_status)
{
	/* The seed: a TKO builds on a KO that has been held. */
	return ko_status != MSTATUS_HELD && ko_status != MSTATUS_CLOSED;
}

int action_is_overdue(const struct action *a, const char *today)
{
	return a->status == ASTATUS_OPEN && a->due && a->due[0] &&
	       strcmp(a->due, today) < 0;
}

int id_parse(const char *s, int64_t *id)
{
	if (!s || !*s)
		return 0;
	int64_t v = 0;
	bool big = false;
	for (const char *c = s; *c; c++) {
		if (*c < '0' || *c > '9')
			return 0;
		if (v > (INT64_MAX - (*c - '0')) / 10)
			big = true;
		else
			v = v * 10 + (*c - '0');
	}
	if (big)
		return -1;
	*id = v;
	return 1;
}

const char *host_role(const char *lang)
{
	return lang && strcmp(lang, "zh") == 0 ? "主持人" : "host";
}

int is_host_role(const char *role)
{
	return role && (strcmp(role, host_role("en")) == 0 || strcmp(role, host_role("zh")) == 0);
}

/* Whether any of words occurs in s, ASCII letters in any case. */
static int mentions(const char *s, const char *const *words)
{
	for (const char *p = s ? s : ""; *p; p++)
		for (const char *const *w = words; *w; w++) {
			size_t i = 0;
			while ((*w)[i] && p[i] && tolower((unsigned char)p[i]) == (unsigned char)(*w)[i])
				i++;
			if (!(*w)[i])
				return 1;
		}
	return 0;
}

int role_is_technical(const char *role)
{
	static const char *const words[] = {
		"tech", "architect", "develop", "engineer", "programmer", "test", "qa", "quality assurance",
		"operation", "ops", "dba", "sre", "技术", "架构", "开发", "测试", "运维", "工程师", NULL,
	};
	return mentions(role, words);
}

int item_is_scope_or_objectives(const char *title)
{
	static const char *const words[] = { "objective", "scope", "goal", "目标", "范围", NULL };
	return mentions(title, words);
}

int output_is_overdue(const struct output *o, const char *today)
{
	return o->status != OSTATUS_DONE && o->due && *o->due && today && strcmp(o->due, today) < 0;
}
