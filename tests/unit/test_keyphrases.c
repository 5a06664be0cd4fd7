/*
 * Unit tests for keyphrases: candidate extraction, the YAKE-style scores'
 * order on small texts, and deduplication; noun-phrase candidates from the
 * built-in tagger, the fitted scores and their features.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "keyphrases.h"
#include "models.h"
#include "qmath.h"
#include "stopwords.h"
#include "tagger.h"

static struct stopwords *sw;
static struct tag_model *pos;

static const char glenmoor[] = "Glenmoor plant to close. The Glenmoor "
    "plant made chips. Workers at the plant were told on Monday. Glenmoor "
    "lost jobs before, said a baker.";

static void
setup(void)
{
	struct lex_error err;

	const unsigned char *p;
	char		 msg[200];
	size_t		 n;

	sw = stop_new();
	cr_assert_not_null(sw);
	cr_assert_eq(stop_load_builtin(sw, &err), 0);
	p = models_pos(&n);
	cr_assert_eq(tag_model_load_mem(&pos, p, n, msg, sizeof(msg)), 0);
}

static void
teardown(void)
{
	stop_free(sw);
	tag_model_free(pos);
}

static struct kph *
start(const struct kph_config *c)
{
	struct kph	*k = kph_new(c);

	cr_assert_not_null(k);
	return k;
}

/* The YAKE scores over the candidates of the capitalization rule. */
static struct kph *
engine(size_t n, int names_only, int drop_contained)
{
	struct kph_config c;

	kph_config_init(&c);
	c.stop = sw;
	c.n = n;
	c.names_only = names_only;
	c.drop_contained = drop_contained;
	c.method = KPH_YAKE;
	return start(&c);
}

/* The default engine: fitted scores, candidates from the tagger. */
static struct kph *
fitted(size_t n)
{
	struct kph_config c;

	kph_config_init(&c);
	c.stop = sw;
	c.n = n;
	c.tagger = pos;
	return start(&c);
}

static void
run(struct kph *k, const char *text, const char *title)
{
	cr_assert_eq(kph_run(k, (const unsigned char *)text, strlen(text),
	    (const unsigned char *)title, title ? strlen(title) : 0), 0);
}

/* The index of the candidate whose text is s, or -1. */
static long
find(const struct kph *k, const char *s)
{
	const struct kph_phrase *c;
	size_t	 n, i;

	c = kph_candidates(k, &n);
	for (i = 0; i < n; i++)
		if (c[i].len == strlen(s) && memcmp(c[i].text, s, c[i].len)
		    == 0)
			return (long)i;
	return -1;
}

/* The text of the i-th ranked phrase, NUL-terminated in a static buffer. */
static const char *
ranked(const struct kph *k, size_t i)
{
	static char	 tmp[256];
	const struct kph_phrase *c;
	const size_t	*r;
	size_t		 nc, nr;

	c = kph_candidates(k, &nc);
	r = kph_ranked(k, &nr);
	if (i >= nr)
		return "";
	snprintf(tmp, sizeof(tmp), "%.*s", (int)c[r[i]].len,
	    (const char *)c[r[i]].text);
	return tmp;
}

TestSuite(keyphrases, .init = setup, .fini = teardown);

Test(keyphrases, candidates_are_runs_without_stop_words_or_punctuation)
{
	struct kph	*k = engine(10, 0, 0);

	run(k, "The city council voted, and the mayor resigned.", NULL);
	cr_assert_geq(find(k, "city council voted"), 0);
	cr_assert_geq(find(k, "city council"), 0);
	cr_assert_geq(find(k, "council"), 0);
	cr_assert_geq(find(k, "mayor resigned"), 0);
	cr_assert_eq(find(k, "voted mayor"), -1, "the comma cuts runs");
	cr_assert_eq(find(k, "The city"), -1, "no stop word at the start");
	cr_assert_eq(find(k, "the mayor"), -1);
	cr_assert_eq(find(k, "The"), -1);
	kph_free(k);
}

Test(keyphrases, candidates_are_at_most_four_words)
{
	struct kph	*k = engine(10, 0, 0);

	run(k, "Alpha Bravo Charlie Delta Echo.", NULL);
	cr_assert_geq(find(k, "Alpha Bravo Charlie Delta"), 0);
	cr_assert_geq(find(k, "Bravo Charlie Delta Echo"), 0);
	cr_assert_eq(find(k, "Alpha Bravo Charlie Delta Echo"), -1);
	kph_free(k);
}

Test(keyphrases, numbers_only_inside_and_short_words_are_stop_words)
{
	struct kph	*k = engine(10, 0, 0);

	run(k, "Storm cut power to 40,000 homes in the UK.", NULL);
	cr_assert_geq(find(k, "40,000 homes"), 0);
	cr_assert_eq(find(k, "40,000"), -1, "not all numbers");
	cr_assert_eq(find(k, "UK"), -1, "shorter than min_chars");
	kph_free(k);
}

Test(keyphrases, names_only_keeps_capitalized_runs_longer_than_a_word)
{
	struct kph	*k = engine(10, 1, 0);

	run(k, "Chloe Moretz joined the cast of Dark Shadows last week.", NULL);
	cr_assert_geq(find(k, "Chloe Moretz"), 0);
	cr_assert_geq(find(k, "Dark Shadows"), 0);
	cr_assert_geq(find(k, "cast"), 0);
	cr_assert_eq(find(k, "Moretz joined"), -1);
	cr_assert_eq(find(k, "last week"), -1, "not a name");
	kph_free(k);
}

Test(keyphrases, word_forms_fold_to_one_candidate_shown_as_first_seen)
{
	struct kph	*k = engine(10, 0, 0);
	const struct kph_phrase *c;
	size_t		 n;
	long		 i;

	run(k, "Fuel prices rose. The price of bread fell.", NULL);
	c = kph_candidates(k, &n);
	cr_assert_geq(i = find(k, "prices"), 0);
	cr_assert_eq(c[i].count, 2);
	cr_assert_eq(find(k, "price"), -1);
	kph_free(k);
}

/* A byte-order mark, soft hyphen or zero-width space is neither shown in a
 * phrase nor makes a word of its own. */
Test(keyphrases, invisible_characters_are_not_part_of_words)
{
	struct kph	*k = engine(10, 0, 0);
	const struct kph_phrase *c;
	size_t		 n;
	long		 i;

	run(k, "\xef\xbb\xbf" "Budget costs\xe2\x80\x8b rose. The board "
	    "under\xc2\xad" "estimated costs. Others underestimated budget "
	    "costs.", NULL);
	c = kph_candidates(k, &n);
	cr_assert_geq(i = find(k, "costs"), 0);
	cr_assert_eq(c[i].count, 3);
	cr_assert_geq(i = find(k, "underestimated"), 0);
	cr_assert_eq(c[i].count, 2);
	cr_assert_geq(i = find(k, "Budget costs"), 0);
	cr_assert_eq(c[i].count, 2);
	kph_free(k);
}

/* Advertisement markers, share buttons and link headings give no phrases,
 * alone or on lines run into the sentence below them. */
Test(keyphrases, page_machinery_gives_no_phrases)
{
	struct kph	*k = engine(10, 0, 0);

	run(k, "Advertisement\nStorm Elena cut power to homes.\n\n"
	    "Share this with Facebook Share this with Twitter\n\n"
	    "Crews restored power to most homes.\n\nRelated Topics\n\n"
	    "Weather", NULL);
	cr_expect_eq(find(k, "Advertisement"), -1);
	cr_expect_eq(find(k, "Facebook"), -1);
	cr_expect_eq(find(k, "Topics"), -1);
	cr_expect_geq(find(k, "Storm Elena"), 0);
	cr_expect_geq(find(k, "Weather"), 0);
	kph_free(k);
}

Test(keyphrases, candidates_come_in_order_of_first_occurrence_title_first)
{
	struct kph	*k = engine(10, 1, 0);
	const struct kph_phrase *c;
	size_t		 n, i;

	run(k, "Rain fell on Leeds.", "Leeds floods");
	c = kph_candidates(k, &n);
	cr_assert_geq(n, 3);
	cr_assert_eq(find(k, "Leeds"), 0);
	cr_assert_eq(find(k, "floods"), 1);
	for (i = 1; i < n; i++)
		cr_assert_gt(c[i].first, c[i - 1].first);
	kph_free(k);
}

Test(keyphrases, frequent_early_words_score_best)
{
	struct kph	*k = engine(3, 1, 1);
	const struct kph_phrase *c;
	const size_t	*r;
	size_t		 nc, nr, i;

	run(k, glenmoor, NULL);
	cr_assert_str_eq(ranked(k, 0), "Glenmoor");
	cr_assert_str_eq(ranked(k, 1), "plant");
	c = kph_candidates(k, &nc);
	r = kph_ranked(k, &nr);
	cr_assert_eq(nr, 3);
	for (i = 1; i < nr; i++)
		cr_assert_leq(c[r[i - 1]].score, c[r[i]].score,
		    "lower is better");
	cr_assert_eq(c[r[0]].rank, 1);
	cr_assert_eq(c[find(k, "baker")].rank, 0);
	kph_free(k);
}

Test(keyphrases, contained_phrases_are_dropped_after_a_better_one)
{
	struct kph	*k;
	const struct kph_phrase *c;
	size_t		 nc, nr;
	const char	*text = "Hugo Cabret opens. Hugo Cabret is long. "
	    "Critics liked Hugo Cabret.";

	k = engine(10, 1, 0);
	run(k, text, NULL);
	c = kph_candidates(k, &nc);
	(void)kph_ranked(k, &nr);
	cr_assert_eq(nr, nc, "without dedup every candidate is kept");
	cr_assert_eq(c[find(k, "Cabret")].count, 3);
	kph_free(k);

	k = engine(10, 1, 1);
	run(k, text, NULL);
	cr_assert_str_eq(ranked(k, 0), "Hugo Cabret");
	c = kph_candidates(k, &nc);
	cr_assert_eq(c[find(k, "Hugo")].rank, 0, "never outside the name");
	cr_assert_eq(c[find(k, "Cabret")].rank, 0);
	cr_assert_neq(c[find(k, "Critics")].rank, 0);
	kph_free(k);

	/* A part that also occurs alone stays, unless ranked below. */
	k = engine(10, 1, 1);
	run(k, "Hugo Cabret opens. Cabret is long. Cabret won.", NULL);
	cr_assert_str_eq(ranked(k, 0), "Cabret");
	c = kph_candidates(k, &nc);
	cr_assert_neq(c[find(k, "Hugo Cabret")].rank, 0);
	kph_free(k);
}

Test(keyphrases, runs_are_independent_and_empty_text_has_none)
{
	struct kph	*k = engine(5, 1, 1);
	char		 first[256];
	size_t		 n;

	run(k, "Tokyo Gas raised prices. Tokyo Gas said costs rose.", NULL);
	snprintf(first, sizeof(first), "%s", ranked(k, 0));
	run(k, "", NULL);
	(void)kph_candidates(k, &n);
	cr_assert_eq(n, 0);
	(void)kph_ranked(k, &n);
	cr_assert_eq(n, 0);
	run(k, "Tokyo Gas raised prices. Tokyo Gas said costs rose.", NULL);
	cr_assert_str_eq(ranked(k, 0), first);
	kph_free(k);
}

/* Runs k on a sentence with noun phrases and checks its candidates. */
static void
noun_phrases(struct kph *k, const char *more)
{
	char	 text[512];

	snprintf(text, sizeof(text), "The new riverside park was approved by "
	    "the city council on Thursday.%s", more);
	run(k, text, NULL);
	cr_assert_geq(find(k, "riverside park"), 0);
	cr_assert_geq(find(k, "new riverside park"), 0);
	cr_assert_geq(find(k, "city council"), 0);
	cr_assert_geq(find(k, "council"), 0);
	cr_assert_geq(find(k, "approved"), 0, "a verb alone");
	cr_assert_eq(find(k, "park approved"), -1, "not a noun phrase");
	cr_assert_eq(find(k, "council Thursday"), -1);
}

Test(keyphrases, tagged_candidates_are_content_words_and_noun_phrases)
{
	struct kph	*k = fitted(10);

	noun_phrases(k, "");
	kph_free(k);
}

Test(keyphrases, lexicon_candidates_are_content_words_and_noun_phrases)
{
	struct kph_config c;
	struct kph	*k;
	const struct kph_phrase *p;
	size_t		 n;
	long		 i;

	kph_config_init(&c);
	c.stop = sw;
	c.lexicon = 1;
	k = start(&c);
	noun_phrases(k, " Officials quickly praised Glenmoor Park.");
	cr_assert_eq(find(k, "Officials quickly"), -1, "ends in an adverb");
	cr_assert_eq(find(k, "quickly praised"), -1);
	cr_assert_geq(find(k, "Glenmoor Park"), 0, "an unknown name");
	p = kph_candidates(k, &n);
	i = find(k, "quickly");
	cr_assert_geq(i, 0);
	cr_assert_float_eq(p[i].f[KPH_F_ADV], 1, 1e-9);
	i = find(k, "Glenmoor Park");
	cr_assert_float_eq(p[i].f[KPH_F_PROPN], 1, 1e-9);
	kph_free(k);
}

Test(keyphrases, html_entity_names_are_not_words)
{
	struct kph	*k = fitted(10);

	run(k, "&lsquo;Miral&rsquo; wins &amp; loses; lsquo &#039;x&#039;",
	    NULL);
	cr_assert_geq(find(k, "Miral"), 0);
	cr_assert_geq(find(k, "wins"), 0);
	cr_assert_eq(find(k, "Miral rsquo"), -1);
	cr_assert_eq(find(k, "amp"), -1);
	cr_assert_eq(find(k, "rsquo"), -1);
	cr_assert_geq(find(k, "lsquo"), 0, "a word where no entity is");
	kph_free(k);
}

Test(keyphrases, porter_stems_merge_word_forms)
{
	struct kph	*k = fitted(10);
	const struct kph_phrase *c;
	size_t		 n;
	long		 i;

	run(k, "Voters connected early. Connecting took hours, and each "
	    "connection failed.", NULL);
	c = kph_candidates(k, &n);
	cr_assert_geq(i = find(k, "connected"), 0);
	cr_assert_eq(c[i].count, 3);
	kph_free(k);
}

Test(keyphrases, fitted_scores_are_probabilities_best_first)
{
	const struct kph_phrase *c;
	const size_t	*r;
	size_t		 nc, nr, i;
	struct kph	*k = fitted(5);

	run(k, glenmoor, NULL);
	c = kph_candidates(k, &nc);
	r = kph_ranked(k, &nr);
	cr_assert_eq(nr, 5);
	for (i = 0; i < nr; i++) {
		cr_assert(c[r[i]].score > 0 && c[r[i]].score < 1);
		if (i > 0)
			cr_assert_geq(c[r[i - 1]].score, c[r[i]].score,
			    "higher is better");
	}
	kph_free(k);
}

/* The default candidates: the linear model's best 3n are scored again by
 * the trees, whose score does not depend on n. */
static double
lexicon_score(size_t n, const char *phrase, size_t *rank)
{
	struct kph_config c;
	struct kph	*k;
	const struct kph_phrase *p;
	size_t		 nc;
	long		 i;
	double		 s;

	kph_config_init(&c);
	c.stop = sw;
	c.lexicon = 1;
	c.n = n;
	k = start(&c);
	run(k, glenmoor, NULL);
	p = kph_candidates(k, &nc);
	cr_assert_geq(i = find(k, phrase), 0);
	s = p[i].score;
	*rank = p[i].rank;
	kph_free(k);
	return s;
}

Test(keyphrases, lexicon_best_are_scored_again_by_trees)
{
	struct kph_config c;
	struct kph	*k;
	const struct kph_phrase *p;
	const size_t	*r;
	size_t		 nc, nr, i, rank, rank2;
	char		 best[256];

	kph_config_init(&c);
	c.stop = sw;
	c.lexicon = 1;
	c.n = 1000;
	k = start(&c);
	run(k, glenmoor, NULL);
	p = kph_candidates(k, &nc);
	r = kph_ranked(k, &nr);
	cr_assert_eq(nr, nc, "all in the pool, all ranked");
	for (i = 1; i < nr; i++)
		cr_assert_geq(p[r[i - 1]].score, p[r[i]].score);
	snprintf(best, sizeof(best), "%s", ranked(k, 0));
	kph_free(k);
	/* Asked for one, the pool is the linear model's best three; the
	 * trees' best must have been among them here, with the same score. */
	cr_assert_float_eq(lexicon_score(1, best, &rank),
	    lexicon_score(1000, best, &rank2), 1e-12);
	cr_assert_eq(rank, 1);
	cr_assert_eq(rank2, 1);
}

Test(keyphrases, features_count_place_and_rarity)
{
	struct kph	*k = fitted(10);
	const struct kph_phrase *c;
	size_t		 n;
	long		 g, p;

	run(k, "Glenmoor plant to close. The Glenmoor plant made chips. "
	    "Workers at the plant were told on Monday.", NULL);
	c = kph_candidates(k, &n);
	cr_assert_geq(g = find(k, "Glenmoor"), 0);
	cr_assert_geq(p = find(k, "plant"), 0);
	cr_assert_eq(c[p].count, 3);
	cr_assert_float_eq(c[p].f[KPH_F_SENTS], 1.0, 1e-9);
	cr_assert_float_eq(c[g].f[KPH_F_SENTS], 2.0 / 3, 1e-9);
	cr_assert_eq(c[g].f[KPH_F_SENT0], 1);
	cr_assert_eq(c[g].f[KPH_F_FIRST], 0);
	cr_assert_gt(c[g].f[KPH_F_IDF], c[p].f[KPH_F_IDF],
	    "a place name is rarer in news than \"plant\"");
	cr_assert_eq(c[p].f[KPH_F_NOUN], 1);
	cr_assert_str_eq(kph_feature_name(KPH_F_IDF), "idf");
	kph_free(k);
}

Test(keyphrases, features_of_parts_wholes_and_hyphens)
{
	struct kph	*k = fitted(10);
	const struct kph_phrase *c;
	size_t		 n;
	long		 whole, part, alone;

	run(k, "San Francisco voted. San Francisco won. Voters in "
	    "Francisco Bay cheered. The bay was calm. A cross-bay ferry "
	    "sailed.", NULL);
	c = kph_candidates(k, &n);
	cr_assert_geq(whole = find(k, "San Francisco"), 0);
	cr_assert_geq(part = find(k, "San"), 0);
	cr_assert_geq(alone = find(k, "Francisco"), 0);
	cr_assert_eq(c[part].f[KPH_F_SUBSUMED], 1, "only ever in the name");
	cr_assert_eq(c[alone].f[KPH_F_SUBSUMED], 0, "also in another");
	cr_assert_eq(c[whole].f[KPH_F_SUBSUMED], 0);
	cr_assert_float_eq(c[whole].f[KPH_F_COHESION], 2.0 / 3, 1e-9,
	    "2 of the 3 times Francisco occurs");
	cr_assert_eq(c[part].f[KPH_F_COHESION], 1);
	cr_assert_float_eq(c[alone].f[KPH_F_SUPERS], log(3), 1e-9,
	    "in \"San Francisco\" and \"Francisco Bay\"");
	cr_assert_float_eq(c[part].f[KPH_F_SUPERS], log(2), 1e-9);
	cr_assert_eq(c[part].f[KPH_F_SUPERS1], c[part].f[KPH_F_SUPERS]);
	cr_assert_eq(c[whole].f[KPH_F_SUPERS], 0);
	cr_assert_eq(c[whole].f[KPH_F_SUPERS1], 0, "more than one word");
	cr_assert_geq(part = find(k, "cross-bay"), 0);
	cr_assert_eq(c[part].f[KPH_F_HYPHEN], 1);
	cr_assert_eq(c[whole].f[KPH_F_HYPHEN], 0);
	kph_free(k);
}

Test(keyphrases, stacked_features_read_the_linear_scores)
{
	struct kph	*k = fitted(1);
	const struct kph_phrase *c;
	size_t		 n, i;
	long		 whole, san, fr;
	double		 best;

	run(k, "San Francisco voted. San Francisco won. Voters in "
	    "Francisco Bay cheered.", NULL);
	c = kph_candidates(k, &n);
	cr_assert_geq(whole = find(k, "San Francisco"), 0);
	cr_assert_geq(san = find(k, "San"), 0);
	cr_assert_geq(fr = find(k, "Francisco"), 0);
	for (i = 0; i < n; i++)
		if (c[i].rank == 0)
			cr_assert_float_eq(c[i].score,
			    1 / (1 + qmath_exp(-c[i].f[KPH_F_LINEAR])), 1e-12,
			    "outside the pool, the linear model's probability");
	best = c[san].f[KPH_F_LINEAR] > c[fr].f[KPH_F_LINEAR] ?
	    c[san].f[KPH_F_LINEAR] : c[fr].f[KPH_F_LINEAR];
	cr_assert_eq(c[whole].f[KPH_F_BESTPART], best);
	cr_assert_eq(c[san].f[KPH_F_BESTPART], -10, "a word holds none");
	cr_assert_str_eq(kph_feature_name(KPH_F_BESTPART), "bestpart");
	kph_free(k);
}
