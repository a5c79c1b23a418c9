/* decision.c - kickoff decision add|list, risk add|list */
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
		{ 0 },
	};
	const char *by = "", *item = NULL;
	int ch;
	while ((ch = cli_getopt(c, argc, argv, opts)) != -1) {
		switch (ch) {
		case 'b': by = optarg; break;
		case 'i': item = optarg; break;
		default: return 1;
		}
	}
	if (argc - optind != 2)
		return cli_usage_fail(c, argc - optind < 2 ? _("missing meeting or text") : _("too many arguments"));
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
		.text = argv[optind + 1], .decided_by = (char *)by, .item_position = (int)pos }, &id);
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
			cli_printf("  %s\n", local);
		}
	}
	vec_decision_free(&v);
	return status;
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

const struct cli_verb cli_decision_verbs[] = {
	{ "decision", "add", N_("MEETING TEXT [--by NAME] [--item N]"),
	  N_("Record a decision, optionally on agenda item N."), decision_add },
	{ "decision", "list", N_("MEETING [--json]"), N_("List a meeting's decisions."), decision_list },
	{ 0 },
};

const struct cli_verb cli_risk_verbs[] = {
	{ "risk", "add", N_("MEETING TEXT [--impact low|medium|high] [--likelihood low|medium|high] "
	  "[--owner NAME] [--mitigation TEXT] [--item N]"),
	  N_("Record a risk."), risk_add },
	{ "risk", "list", N_("MEETING [--json]"), N_("List a meeting's risks."), risk_list },
	{ 0 },
};
