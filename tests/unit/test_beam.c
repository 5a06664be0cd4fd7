/*
 * Unit tests for common/beam.c: the beam search of the tagger, against
 * exhaustive search over small made-up scores.
 */
#include <stdint.h>
#include <string.h>

#include <criterion/criterion.h>

#include "beam.h"
#include "feat.h"

#define NW	3		/* words */
#define NC	3		/* classes */

/* Made-up scores: st[i][c] for word i alone, hs[p1 + 1][p2 + 1][c] for
   class c after p1 and p2. */
struct toy {
	int64_t		 st[NW][NC];
	int64_t		 hs[NC + 1][NC + 1][NC];
	int		 calls;		/* history calls */
};

static int
toy_statics(void *arg, size_t i, int64_t *sc)
{
	struct toy	*t = arg;
	size_t		 c;

	for (c = 0; c < NC; c++)
		sc[c] += t->st[i][c];
	return 0;
}

static int
toy_history(void *arg, size_t i, int p1, int p2, int64_t *sc)
{
	struct toy	*t = arg;
	size_t		 c;

	(void)i;
	t->calls++;
	for (c = 0; c < NC; c++)
		sc[c] += t->hs[p1 + 1][p2 + 1][c];
	return 0;
}

/* The score of path y[0..NW), as the search adds it up. */
static int64_t
path_score(const struct toy *t, const int *y, size_t n)
{
	int64_t	 s = 0;
	size_t	 i;

	for (i = 0; i < n; i++)
		s += t->st[i][y[i]] + t->hs[i > 0 ? y[i - 1] + 1 : 0]
		    [i > 1 ? y[i - 2] + 1 : 0][y[i]];
	return s;
}

static void
allow_all(unsigned char *allowed)
{
	memset(allowed, 0, (TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX);
	for (size_t p = 0; p <= NC; p++)
		memset(allowed + p * TAG_CLASSES_MAX, 1, NC);
}

/* xorshift, for reproducible made-up scores. */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void
search(struct toy *t, size_t k, const unsigned char *allowed, int *out,
    const int *gold, int64_t *gscore, struct beam_hyp *hyps)
{
	struct beam_ops	 ops = { toy_statics, toy_history, t };
	size_t		 nh[NW];

	cr_assert_eq(beam_search(&ops, NW, k, NC, allowed, hyps, nh, gold,
	    gscore), 0);
	cr_assert_geq(nh[NW - 1], 1);
	cr_assert_leq(nh[NW - 1], k);
	beam_path(hyps, k, NW - 1, 0, out);
}

static void
expect_path(const int *out, int a, int b, int c)
{
	cr_assert(out[0] == a && out[1] == b && out[2] == c,
	    "path %d %d %d, not %d %d %d", out[0], out[1], out[2], a, b, c);
}

Test(beam, a_beam_wide_enough_finds_the_best_path)
{
	unsigned char	 allowed[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	struct beam_hyp	 hyps[NW * BEAM_MAX];
	struct toy	 t;
	uint64_t	 seed = 88172645463325252ULL;
	int		 y[NW], best[NW], out[NW], trial;
	int64_t		 bs, s;
	size_t		 i, c, a, b;

	allow_all(allowed);
	for (trial = 0; trial < 200; trial++) {
		for (i = 0; i < NW; i++)
			for (c = 0; c < NC; c++)
				t.st[i][c] = (int64_t)(next(&seed) % 1000);
		for (a = 0; a <= NC; a++)
			for (b = 0; b <= NC; b++)
				for (c = 0; c < NC; c++)
					t.hs[a][b][c] =
					    (int64_t)(next(&seed) % 1000);
		/* Every path of NW words, by brute force. */
		bs = INT64_MIN;
		for (y[0] = 0; y[0] < NC; y[0]++)
			for (y[1] = 0; y[1] < NC; y[1]++)
				for (y[2] = 0; y[2] < NC; y[2]++)
					if ((s = path_score(&t, y, NW)) > bs) {
						bs = s;
						memcpy(best, y, sizeof(y));
					}
		/* NC * NC prefixes of two words: a beam of 9 keeps all. */
		search(&t, NC * NC, allowed, out, NULL, NULL, hyps);
		cr_assert_eq(path_score(&t, out, NW), bs, "trial %d", trial);
		cr_assert_eq(hyps[(NW - 1) * NC * NC].score, bs);
		cr_assert_eq(memcmp(out, best, sizeof(out)), 0);
	}
}

Test(beam, a_beam_of_one_is_greedy_and_a_wider_one_sees_further)
{
	unsigned char	 allowed[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	struct beam_hyp	 hyps[NW * BEAM_MAX];
	struct toy	 t;
	int		 out[NW];

	allow_all(allowed);
	memset(&t, 0, sizeof(t));
	/* Word 0 leans to class 0, but after class 0 word 1 pays. */
	t.st[0][0] = 10;
	t.st[0][1] = 9;
	t.hs[1][0][0] = -100;
	t.hs[1][0][1] = -100;
	t.hs[1][0][2] = -100;
	search(&t, 1, allowed, out, NULL, NULL, hyps);
	cr_assert_eq(out[0], 0, "greedy takes the best first word");
	search(&t, 2, allowed, out, NULL, NULL, hyps);
	cr_assert_eq(out[0], 1, "the beam keeps the runner-up");
	/* Ties go to the lower class, as in the greedy tagger. */
	memset(&t, 0, sizeof(t));
	search(&t, 4, allowed, out, NULL, NULL, hyps);
	expect_path(out, 0, 0, 0);
}

Test(beam, forbidden_transitions_never_appear)
{
	unsigned char	 allowed[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	struct beam_hyp	 hyps[NW * BEAM_MAX];
	struct toy	 t;
	int		 out[NW];
	size_t		 i;

	allow_all(allowed);
	/* Class 2 only after class 1 or 2, as I-X after B-X or I-X: not
	   first, nor after class 0. */
	allowed[0 * TAG_CLASSES_MAX + 2] = 0;
	allowed[1 * TAG_CLASSES_MAX + 2] = 0;
	memset(&t, 0, sizeof(t));
	for (i = 0; i < NW; i++)
		t.st[i][2] = 1000;
	search(&t, 4, allowed, out, NULL, NULL, hyps);
	expect_path(out, 1, 2, 2);
}

Test(beam, training_follows_the_gold_prefix)
{
	static const int gold[NW] = { 2, 0, 1 };
	unsigned char	 allowed[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	struct beam_hyp	 hyps[NW * BEAM_MAX];
	struct toy	 t;
	int64_t		 gs[NW];
	int		 out[NW];
	size_t		 i, c, j, ngold;

	allow_all(allowed);
	memset(&t, 0, sizeof(t));
	for (i = 0; i < NW; i++)
		for (c = 0; c < NC; c++)
			t.st[i][c] = (int64_t)(10 * i + c);
	t.hs[0][0][2] = 7;
	t.hs[3][0][0] = -3;
	search(&t, 2, allowed, out, gold, gs, hyps);
	for (i = 0; i < NW; i++)
		cr_assert_eq(gs[i], path_score(&t, gold, i + 1), "word %zu", i);
	/* At most one hypothesis is the gold prefix, and it has its score. */
	for (i = 0; i < NW; i++) {
		ngold = 0;
		for (j = 0; j < 2; j++)
			if (hyps[i * 2 + j].gold) {
				ngold++;
				cr_assert_eq(hyps[i * 2 + j].score, gs[i]);
			}
		cr_assert_leq(ngold, 1);
	}
	/* Class 2 wins every word alone: the gold path falls out. */
	cr_assert_eq(out[2], 2);
	cr_assert_not(hyps[(NW - 1) * 2].gold);
}
