/* raci.c - the RACI matrix and the open questions as values: their
 * names, freeing them, and the matrix's rule. */
#include <stdlib.h>
#include <string.h>
#include "kickoff/i18n.h"
#include "kickoff/model.h"

static const char *const roles[] = { "R", "A", "C", "I" };
static const char *const qstatuses[] = { N_("open"), N_("answered"), N_("moved") };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

void raci_free(struct raci *r)
{
	memset(r, 0, sizeof *r);
}

void question_free(struct question *q)
{
	free(q->text); free(q->raised_by); free(q->owner); free(q->answer);
	memset(q, 0, sizeof *q);
}

void vec_raci_free(vec_raci *v)
{
	free(v->v);
	memset(v, 0, sizeof *v);
}

void vec_question_free(vec_question *v)
{
	for (size_t i = 0; i < v->n; i++)
		question_free(&v->v[i]);
	free(v->v);
	memset(v, 0, sizeof *v);
}

const char *raci_role_name(enum raci_role r)
{
	return (unsigned)r < COUNT(roles) ? roles[r] : "?";
}

int raci_role_parse(const char *s)
{
	/* One letter either way: the screen's keys are lower case. */
	for (size_t i = 0; s && s[0] && !s[1] && i < COUNT(roles); i++)
		if ((s[0] | 0x20) == (roles[i][0] | 0x20))
			return (int)i;
	return -1;
}

const char *question_status_name(enum question_status s)
{
	return (unsigned)s < COUNT(qstatuses) ? qstatuses[s] : "?";
}

int question_status_parse(const char *s)
{
	for (size_t i = 0; s && i < COUNT(qstatuses); i++)
		if (strcmp(qstatuses[i], s) == 0)
			return (int)i;
	return -1;
}

size_t raci_problems(const vec_output *outputs, const vec_raci *cells,
                     struct raci_check *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < outputs->n; i++) {
		struct raci_check c = { outputs->v[i].position, 0, 0 };
		for (size_t k = 0; k < cells->n; k++) {
			if (cells->v[k].output_position != outputs->v[i].position)
				continue;
			c.a += cells->v[k].role == RACI_A;
			c.r += cells->v[k].role == RACI_R;
		}
		if (c.a == 1 && c.r >= 1)
			continue;
		if (n < max)
			out[n] = c;
		n++;
	}
	return n;
}
