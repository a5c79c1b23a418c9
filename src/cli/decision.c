/* decision.c - kickoff decision add|list|state, risk add|list|carry */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kickoff/cli.h"
#include "kickoff/datetime.h"
#include "kickoff/i18n.h"
#include "kickoff/text.h"

static int decision_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "item", required_argument, NULL, 'i' },
		{ "state", required_argument, NULL, 's' },
		{ 0 },
	};
	const char *by = "", *item = NULL, *state_s = "agreed";
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'i': item = optarg; break;
		case 's': state_s = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or text") : _("too many arguments"));
	int state = decision_state_parse(state_s);
	if (state < 0)
		return cli_usage_fail(c, _("--state must be proposed, agreed or rejected, not '%s'"),
		                      state_s);
	long long pos = 0;
	int status;
	if (item && !cli_number(c, N_("--item"), item, &pos, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	int64_t id;
	enum ko_err rc = store_decision_add(st, &(struct decision){ .meeting_id = m.id,
		.text = argv[optind + 1], .decided_by = (char *)by, .item_position = (int)pos,
		.state = (enum decision_state)state }, &id);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	printf(_("added decision %lld\n"), (long long)id);
	return 0;
}

static int decision_list(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_decision v;
	if (store_decisions(c->st, mid, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		status = cli_print_json_list(entity_decision.list, cli_json_rows(&entity_decision, v.v, v.n));
	} else {
		for (size_t i = 0; i < v.n; i++) {
			const struct decision *d = &v.v[i];
			char local[17];
			stamp_to_local(d->decided_at, local);
			/* One line per decision: a newline in it is shown as ⏎. */
			char *text = text_sanitize(d->text, false);
			char *by = text_sanitize(d->decided_by, false);
			cli_printf("%lld  %s", (long long)d->id, text ? text : "");
			if (d->decided_by[0])
				cli_printf("  (%s)", by ? by : "");
			free(text);
			free(by);
			if (d->item_position)
				printf(_("  [item %d]"), d->item_position);
			cli_printf("  %s", local);
			/* The state last, and when it was agreed. */
			if (*d->agreed_at) {
				char agreed[17];
				stamp_to_local(d->agreed_at, agreed);
				printf(_("  agreed %s"), agreed);
			} else {
				printf("  %s", _(decision_state_name(d->state)));
			}
			cli_printf("\n");
		}
	}
	vec_decision_free(&v);
	return status;
}

static int decision_state(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing decision id or state")
		                                           : _("too many arguments"));
	long long id;
	int status;
	if (!cli_number(c, N_("decision id"), argv[optind], &id, &status))
		return status;
	int state = decision_state_parse(argv[optind + 1]);
	if (state < 0)
		return cli_usage_fail(c, _("state must be proposed, agreed or rejected, not '%s'"),
		                      argv[optind + 1]);
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct store_patch p = { 0 };
	store_patch_set(&p, FIELD_DECISION_STATE, decision_state_name(state));
	if (store_patch(st, STORE_DECISION, id, &p) != KO_OK)
		return cli_store_fail(c);
	printf(_("decision %lld is %s\n"), id, _(decision_state_name(state)));
	return 0;
}

static int risk_add(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "impact", required_argument, NULL, 'I' },
		{ "likelihood", required_argument, NULL, 'L' },
		{ "owner", required_argument, NULL, 'o' },
		{ "mitigation", required_argument, NULL, 'm' },
		{ "item", required_argument, NULL, 'i' },
		{ 0 },
	};
	const char *impact = "medium", *likelihood = "medium", *owner = "", *mitigation = "";
	const char *item = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'I': impact = optarg; break;
		case 'L': likelihood = optarg; break;
		case 'o': owner = optarg; break;
		case 'm': mitigation = optarg; break;
		case 'i': item = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or text") : _("too many arguments"));
	int imp = level_parse(impact), lik = level_parse(likelihood);
	if (imp < 0)
		return cli_usage_fail(c, _("--impact must be low, medium or high, not '%s'"), impact);
	if (lik < 0)
		return cli_usage_fail(c, _("--likelihood must be low, medium or high, not '%s'"), likelihood);
	long long pos = 0;
	int status;
	if (item && !cli_number(c, N_("--item"), item, &pos, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	struct meeting m;
	if (store_meeting_find(st, argv[optind], &m) != KO_OK)
		return cli_store_fail(c);
	int64_t id;
	enum ko_err rc = store_risk_add(st, &(struct risk){ .meeting_id = m.id, .text = argv[optind + 1],
		.likelihood = (enum level)lik, .impact = (enum level)imp,
		.mitigation = (char *)mitigation, .owner = (char *)owner, .item_position = (int)pos },
		&id);
	meeting_free(&m);
	if (rc != KO_OK)
		return cli_store_fail(c);
	printf(_("added risk %lld\n"), (long long)id);
	return 0;
}

static int risk_list(struct cli *c, int argc, char **argv)
{
	bool json;
	int64_t mid;
	int status = cli_list_args(c, argc, argv, &json, &mid);
	if (status >= 0)
		return status;
	vec_risk v;
	if (store_risks(c->st, mid, &v) != KO_OK)
		return cli_store_fail(c);
	status = 0;
	if (json) {
		status = cli_print_json_list(entity_risk.list, cli_json_rows(&entity_risk, v.v, v.n));
	} else {
		for (size_t i = 0; i < v.n; i++) {
			const struct risk *r = &v.v[i];
			char *text = text_sanitize(r->text, false);
			char *owner = text_sanitize(r->owner, false);
			cli_printf("%lld  %s  [%s/%s, %s]%s%s\n", (long long)r->id, text ? text : "",
			       _(level_name(r->likelihood)), _(level_name(r->impact)),
			       _(risk_status_name(r->status)), r->owner[0] ? "  " : "",
			       owner ? owner : "");
			free(text);
			free(owner);
		}
	}
	vec_risk_free(&v);
	return status;
}

static int risk_carry(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { { 0 } };
	if (cli_getopt(c, argc, argv, opts) != -1)
		return 1;
	if (argc - optind != 1)
		return cli_usage_fail(c, argc - optind < 1 ? _("missing risk id") : _("too many arguments"));
	long long id;
	int status;
	if (!cli_number(c, N_("risk id"), argv[optind], &id, &status))
		return status;
	struct store *st = cli_store(c);
	if (!st)
		return 3;
	int64_t copy = 0;
	if (store_risk_carry(st, id, &copy) != KO_OK)
		return cli_store_fail(c);
	printf(_("carried risk %lld into the TKO as risk %lld\n"), id, (long long)copy);
	return 0;
}

const struct cli_verb cli_decision_verbs[] = {
	{ "decision", "add", N_("MEETING TEXT [--by NAME] [--item N] [--state proposed|agreed|rejected]"),
	  N_("Record a decision (agreed unless --state says otherwise), optionally on agenda item N."),
	  decision_add },
	{ "decision", "state", N_("DECISION_ID proposed|agreed|rejected"),
	  N_("Set a decision's state; agreed records when."), decision_state },
	{ "decision", "list", N_("MEETING [--json]"), N_("List a meeting's decisions."), decision_list },
	{ 0 },
};

const struct cli_verb cli_risk_verbs[] = {
	{ "risk", "add", N_("MEETING TEXT [--impact low|medium|high] [--likelihood low|medium|high] "
	  "[--owner NAME] [--mitigation TEXT] [--item N]"),
	  N_("Record a risk."), risk_add },
	{ "risk", "list", N_("MEETING [--json]"), N_("List a meeting's risks."), risk_list },
	{ "risk", "carry", N_("RISK_ID"),
	  N_("Carry a KO risk into the project's TKO, linked to where it came from."), risk_carry },
	{ 0 },
};
