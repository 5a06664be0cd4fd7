/*
 * Unit tests for keypoints (graph centrality, MMR, the stemmer, scoring and
 * picking) and for stopwords, the engine's stop-word list (kept here with
 * its one user).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "boiler.h"
#include "keypoints.h"
#include "models.h"
#include "stopwords.h"
#include "tagger.h"

/* --- stopwords */

static int
stop(const struct stopwords *sw, const char *w)
{
	return stop_find(sw, (const unsigned char *)w, strlen(w));
}

Test(stopwords, builtin_has_function_words_not_content_words)
{
	struct stopwords *sw = stop_new();
	struct lex_error err;

	cr_assert_not_null(sw);
	cr_assert_eq(stop_load_builtin(sw, &err), 0, "%zu:%zu: %s", err.line,
	    err.column, err.msg);
	cr_assert(stop(sw, "the"));
	cr_assert(stop(sw, "said"));
	cr_assert(stop(sw, "'s"));
	cr_assert(stop(sw, "n't"));
	cr_assert(!stop(sw, "council"));
	cr_assert(!stop(sw, "The"), "lookups take lower-case words");
	cr_assert_gt(stop_count(sw), 100);
	stop_free(sw);
}

Test(stopwords, user_words_are_folded_and_merged)
{
	static const char yaml[] = "- Riverton\n- ÉTÉ\n- the\n";
	struct stopwords *sw = stop_new();
	struct lex_error err;
	size_t	 n;

	cr_assert_eq(stop_load_builtin(sw, &err), 0);
	n = stop_count(sw);
	cr_assert_eq(stop_load_mem(sw, (const unsigned char *)yaml,
	    strlen(yaml), &err), 0);
	cr_assert(stop(sw, "riverton"));
	cr_assert(stop(sw, "été"));
	cr_assert_eq(stop_count(sw), n + 2, "\"the\" is there once");
	stop_free(sw);
}

Test(stopwords, map_keys_count_as_words)
{
	static const char yaml[] = "alpha: x\nbeta: y\n";
	struct stopwords *sw = stop_new();
	struct lex_error err;

	cr_assert_eq(stop_load_mem(sw, (const unsigned char *)yaml,
	    strlen(yaml), &err), 0);
	cr_assert(stop(sw, "alpha"));
	cr_assert(stop(sw, "beta"));
	cr_assert(!stop(sw, "x"));
	stop_free(sw);
}

Test(stopwords, bad_yaml_gives_line_and_column)
{
	static const char yaml[] = "- a\n- [b\n";
	struct stopwords *sw = stop_new();
	struct lex_error err;

	cr_assert_eq(stop_load_mem(sw, (const unsigned char *)yaml,
	    strlen(yaml), &err), -1);
	cr_assert_eq(err.line, 2);
	cr_assert_gt(err.column, 0);
	stop_free(sw);
}

Test(stopwords, missing_file_is_an_io_error)
{
	struct stopwords *sw = stop_new();
	struct lex_error err;

	cr_assert_eq(stop_load_file(sw, "/nonexistent/stop.yaml", &err), -1);
	cr_assert_eq(err.line, 0);
	stop_free(sw);
}

/* --- the stemmer */

static void
check_stem(const char *in, const char *want)
{
	unsigned char w[64];
	size_t	 n = strlen(in);

	memcpy(w, in, n);
	kp_stem(w, &n);
	cr_assert_eq(n, strlen(want), "%s -> %.*s, not %s", in, (int)n, w,
	    want);
	cr_assert(memcmp(w, want, n) == 0, "%s -> %.*s", in, (int)n, w);
}

Test(keypoints, stem_folds_plurals_only)
{
	check_stem("prices", "price");
	check_stem("policies", "policy");
	check_stem("boxes", "box");
	check_stem("churches", "church");
	check_stem("glasses", "glass");
	check_stem("glass", "glass");
	check_stem("bus", "bus");
	check_stem("analysis", "analysis");
	check_stem("gas", "gas");
	check_stem("voted", "voted");
}

/* --- graph centrality */

Test(keypoints, textrank_ranks_the_hub_first)
{
	/* A star: node 0 linked to 1, 2 and 3, which are not linked. */
	static const double sim[16] = {
		1, 1, 1, 1,
		1, 1, 0, 0,
		1, 0, 1, 0,
		1, 0, 0, 1,
	};
	double	 r[4], sum = 0;
	size_t	 i;

	cr_assert_eq(kp_textrank(sim, 4, 0.85, r), 0);
	for (i = 0; i < 4; i++)
		sum += r[i];
	cr_assert_float_eq(sum, 1.0, 1e-4);
	cr_assert_gt(r[0], r[1]);
	cr_assert_float_eq(r[1], r[2], 1e-9);
	cr_assert_float_eq(r[2], r[3], 1e-9);
}

Test(keypoints, textrank_isolated_node_keeps_the_teleport_share)
{
	static const double sim[9] = {
		1, 0.5, 0,
		0.5, 1, 0,
		0, 0, 1,
	};
	double	 r[3];

	cr_assert_eq(kp_textrank(sim, 3, 0.85, r), 0);
	cr_assert_float_eq(r[2], 0.15 / 3, 1e-9);
	cr_assert_float_eq(r[0], r[1], 1e-9);
}

Test(keypoints, textrank_of_nothing_is_nothing)
{
	cr_assert_eq(kp_textrank(NULL, 0, 0.85, NULL), 0);
}

/* --- MMR */

Test(keypoints, mmr_without_penalty_is_top_k)
{
	static const double score[4] = { 0.2, 0.9, 0.5, 0.9 };
	size_t	 out[4];

	cr_assert_eq(kp_mmr(score, NULL, NULL, 4, 3, 1.0, out), 3);
	cr_assert_eq(out[0], 1, "ties go to the earlier item");
	cr_assert_eq(out[1], 3);
	cr_assert_eq(out[2], 2);
}

Test(keypoints, mmr_skips_a_near_duplicate)
{
	/* 0 and 1 say the same thing; 2 is different and a bit weaker. */
	static const double score[3] = { 1.0, 0.95, 0.8 };
	static const double sim[9] = {
		1, 0.95, 0.1,
		0.95, 1, 0.1,
		0.1, 0.1, 1,
	};
	size_t	 out[3];

	cr_assert_eq(kp_mmr(score, sim, NULL, 3, 2, 0.7, out), 2);
	cr_assert_eq(out[0], 0);
	cr_assert_eq(out[1], 2);
	cr_assert_eq(kp_mmr(score, sim, NULL, 3, 2, 1.0, out), 2);
	cr_assert_eq(out[1], 1, "lambda 1 is plain top-k");
}

Test(keypoints, mmr_never_picks_ineligible_items)
{
	static const double score[3] = { 1.0, 0.5, 0.2 };
	static const unsigned char ok[3] = { 0, 1, 0 };
	size_t	 out[3];

	cr_assert_eq(kp_mmr(score, NULL, ok, 3, 3, 0.7, out), 1);
	cr_assert_eq(out[0], 1);
}

/* --- the whole engine */

static const char article[] =
    "The Riverton council approved a new park on Thursday.\n"
    "The park will cost $48 million and open in 2028.\n"
    "It was sunny.\n"
    "Council members said the park plan would bring visitors to Riverton.\n"
    "Critics of the park plan said the council ignored parking.\n";

static struct kp *
engine(struct stopwords **sw, size_t n, double lambda)
{
	struct kp_config c;
	struct lex_error err;
	struct kp	*k;

	*sw = stop_new();
	cr_assert_eq(stop_load_builtin(*sw, &err), 0);
	kp_config_init(&c);
	c.stop = *sw;
	c.n = n;
	c.lambda = lambda;
	k = kp_new(&c);
	cr_assert_not_null(k);
	return k;
}

Test(keypoints, scores_each_sentence_with_features_in_range)
{
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 3, 0.9);
	const struct kp_sent *s;
	size_t		 n, i, f;

	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), NULL, 0), 0);
	s = kp_sentences(k, &n);
	cr_assert_eq(n, 5);
	cr_assert_float_eq(s[0].f[KP_POSITION], 1.0, 1e-9);
	cr_assert_gt(s[0].f[KP_POSITION], s[1].f[KP_POSITION]);
	for (i = 0; i < n; i++)
		for (f = 0; f < KP_NFEATURES; f++) {
			cr_assert_geq(s[i].f[f], 0);
			cr_assert_leq(s[i].f[f], 1);
		}
	cr_assert_float_eq(s[1].f[KP_TITLE], 0, 1e-12, "no title given");
	cr_assert_lt(s[2].f[KP_LENGTH], s[3].f[KP_LENGTH],
	    "a three-word line is short");
	cr_assert_gt(s[1].f[KP_DENSITY], s[2].f[KP_DENSITY],
	    "figures make density");
	/* "It was sunny." shares no word with the rest. */
	cr_assert_lt(s[2].f[KP_CENTRALITY], s[3].f[KP_CENTRALITY]);
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, score_is_the_weighted_sum)
{
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 3, 0.9);
	struct kp_config c;
	const struct kp_sent *s;
	size_t		 n, i, f;
	double		 want;

	kp_config_init(&c);
	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), NULL, 0), 0);
	s = kp_sentences(k, &n);
	for (i = 0; i < n; i++) {
		want = 0;
		for (f = 0; f < KP_NFEATURES; f++)
			want += c.w[f] * s[i].f[f];
		cr_assert_float_eq(s[i].score, want, 1e-12);
	}
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, title_overlap_counts_title_words)
{
	static const char title[] = "Riverton approves park";
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 2, 0.9);
	const struct kp_sent *s;
	size_t		 n;

	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), (const unsigned char *)title, strlen(title)), 0);
	s = kp_sentences(k, &n);
	/* riverton, approve(s), park: sentence 0 has riverton and park. */
	cr_assert_float_eq(s[0].f[KP_TITLE], 2.0 / 3, 1e-9);
	cr_assert_float_eq(s[2].f[KP_TITLE], 0, 1e-12);
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, picks_n_best_first_and_ranks_them)
{
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 2, 0.9);
	const struct kp_sent *s;
	const size_t	*p;
	size_t		 n, np, i, ranked = 0;

	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), NULL, 0), 0);
	s = kp_sentences(k, &n);
	p = kp_picks(k, &np);
	cr_assert_eq(np, 2);
	cr_assert_eq(s[p[0]].rank, 1);
	cr_assert_eq(s[p[1]].rank, 2);
	for (i = 0; i < n; i++)
		ranked += s[i].rank != 0;
	cr_assert_eq(ranked, 2);
	cr_assert_neq(p[0], 2, "the short unrelated line is not a key point");
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, ratio_overrides_n)
{
	struct stopwords *sw;
	struct kp_config c;
	struct lex_error err;
	struct kp	*k;
	size_t		 np;

	sw = stop_new();
	cr_assert_eq(stop_load_builtin(sw, &err), 0);
	kp_config_init(&c);
	c.stop = sw;
	c.n = 1;
	c.ratio = 0.5;
	k = kp_new(&c);
	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), NULL, 0), 0);
	(void)kp_picks(k, &np);
	cr_assert_eq(np, 3, "ceil(0.5 * 5)");
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, empty_and_wordless_documents_pick_nothing)
{
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 3, 0.9);
	size_t		 n, np;

	cr_assert_eq(kp_run(k, (const unsigned char *)"", 0, NULL, 0), 0);
	(void)kp_sentences(k, &n);
	(void)kp_picks(k, &np);
	cr_assert_eq(n, 0);
	cr_assert_eq(np, 0);
	cr_assert_eq(kp_run(k, (const unsigned char *)"... !!!", 7, NULL, 0),
	    0);
	(void)kp_picks(k, &np);
	cr_assert_eq(np, 0);
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, same_input_same_result_after_reuse)
{
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 3, 0.9);
	const struct kp_sent *s;
	double		 first[8];
	size_t		 n, i;

	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), NULL, 0), 0);
	s = kp_sentences(k, &n);
	for (i = 0; i < n; i++)
		first[i] = s[i].score;
	cr_assert_eq(kp_run(k, (const unsigned char *)"Other text here.", 16,
	    NULL, 0), 0);
	cr_assert_eq(kp_run(k, (const unsigned char *)article,
	    strlen(article), NULL, 0), 0);
	s = kp_sentences(k, &n);
	for (i = 0; i < n; i++)
		cr_assert_eq(s[i].score, first[i]);
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, position_buckets)
{
	static const size_t want[] = { 0, 1, 2, 3, 4, 4, 5, 5, 5, 5, 6, 6 };
	size_t	 i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		cr_expect_eq(kp_position_bucket(i), want[i], "sentence %zu", i);
	cr_expect_eq(kp_position_bucket(1000), 6);
}

Test(keypoints, position_prior_is_learned_table_in_range)
{
	struct kp_config c;
	size_t	 i;

	kp_config_init(&c);
	cr_assert_float_eq(kp_position(&c, 0, 20), 1.0, 1e-9,
	    "the first sentence has 1");
	for (i = 1; i < 20; i++) {
		cr_expect_leq(kp_position(&c, i, 20), kp_position(&c, i - 1, 20),
		    "the built-in prior falls: %zu", i);
		cr_expect_geq(kp_position(&c, i, 20), 0);
	}
	cr_expect_float_eq(kp_position(&c, 20, 20), 0, 1e-12);
	/* A table of our own: bucket plus quarter, clamped to [0, 1]. */
	memset(c.pos_abs, 0, sizeof(c.pos_abs));
	memset(c.pos_rel, 0, sizeof(c.pos_rel));
	c.pos_abs[4] = 0.5;
	c.pos_rel[2] = 0.25;
	c.pos_rel[3] = 0.75;
	cr_expect_float_eq(kp_position(&c, 4, 8), 0.75, 1e-12, "4/8: half");
	cr_expect_float_eq(kp_position(&c, 5, 6), 1.0, 1e-12, "clamped");
	cr_expect_float_eq(kp_position(&c, 1, 8), 0, 1e-12);
}

Test(keypoints, furniture_is_never_picked_nor_counted)
{
	static const char text[] =
	    "By Jane Roe, Staff Reporter\n"
	    "Updated 10:03 GMT\n"
	    "The Riverton council approved a new park on Thursday.\n\n"
	    "Read more: Riverton parks in pictures\n\n"
	    "The park will cost $48 million and open in 2028.\n";
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 5, 0.9);
	const struct kp_sent *s;
	size_t		 n, np;

	cr_assert_eq(kp_run(k, (const unsigned char *)text, strlen(text),
	    NULL, 0), 0);
	s = kp_sentences(k, &n);
	cr_assert_eq(n, 5, "the byline and time stamp lines are cut off");
	cr_expect_eq(s[0].boiler, BOILER_BYLINE);
	cr_expect_eq(s[1].boiler, BOILER_TIMESTAMP);
	cr_expect_eq(s[2].boiler, BOILER_CONTENT);
	cr_expect_eq(s[3].boiler, BOILER_LINK);
	(void)kp_picks(k, &np);
	cr_expect_eq(np, 2, "only the two content sentences");
	cr_expect_eq(s[0].rank, 0);
	cr_expect_eq(s[3].rank, 0);
	cr_expect_float_eq(s[2].f[KP_POSITION], 1.0, 1e-9,
	    "the lead is the first content sentence");
	kp_free(k);
	stop_free(sw);
}

Test(keypoints, entity_density_counts_the_model_names)
{
	static const char text[] =
	    "Tim Cook said Apple would grow in China.\n"
	    "It would grow.\n";
	struct stopwords *sw;
	struct kp	*k = engine(&sw, 1, 0.9);
	struct kp_config c;
	struct tag_model *m;
	const unsigned char *p;
	const struct kp_sent *s;
	char		 err[200];
	size_t		 n, len;

	p = models_ner(&len);
	cr_assert_eq(tag_model_load_mem(&m, p, len, err, sizeof(err)), 0,
	    "%s", err);
	kp_config_init(&c);
	c.stop = sw;
	c.ner = m;
	kp_free(k);
	k = kp_new(&c);
	cr_assert_eq(kp_run(k, (const unsigned char *)text, strlen(text),
	    NULL, 0), 0);
	s = kp_sentences(k, &n);
	cr_assert_eq(n, 2);
	/* Tim Cook, Apple, China: 4 of 8 words. */
	cr_expect_float_eq(s[0].f[KP_DENSITY], 0.5, 1e-9, "%f",
	    s[0].f[KP_DENSITY]);
	cr_expect_float_eq(s[1].f[KP_DENSITY], 0, 1e-12);
	kp_free(k);
	tag_model_free(m);
	stop_free(sw);
}
