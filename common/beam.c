/*
 * beam: beam search over a sentence's classes (see beam.h).
 */
#include <stdint.h>
#include <string.h>

#include "beam.h"
#include "feat.h"

/*
 * Whether the beam top[0..n), at most k long, refuses a candidate of
 * score: it is full and the candidate no better than its worst (a
 * candidate only displaces a strictly worse one, so earlier candidates
 * win ties).
 */
static int
refuses(const struct beam_hyp *top, size_t n, size_t k, int64_t score)
{
	return n == k && score <= top[k - 1].score;
}

/*
 * Adds candidate c, which the beam top[0..*n) does not refuse, to it,
 * kept sorted best first and at most k long.
 */
static void
offer(struct beam_hyp *top, size_t *n, size_t k, const struct beam_hyp *c)
{
	size_t	 j;

	j = *n < k ? (*n)++ : k - 1;
	for (; j > 0 && top[j - 1].score < c->score; j--)
		top[j] = top[j - 1];
	top[j] = *c;
}

int
beam_search(const struct beam_ops *ops, size_t n, size_t k,
    size_t nclasses, const unsigned char *allowed, struct beam_hyp *hyps,
    size_t *nh, const int *gold, int64_t *gscore)
{
	static const struct beam_hyp start = { 0, -1, -1, -1, 1 };
	const struct beam_hyp *prev, *h;
	struct beam_hyp	*top, cand;
	int64_t		 st[TAG_CLASSES_MAX], sc[TAG_CLASSES_MAX];
	const unsigned char *al;
	size_t		 i, j, c, np;
	int		 gp1, gp2;

	for (i = 0; i < n; i++) {
		memset(st, 0, nclasses * sizeof(*st));
		if (ops->statics(ops->arg, i, st) == -1)
			return -1;
		prev = i > 0 ? hyps + (i - 1) * k : &start;
		np = i > 0 ? nh[i - 1] : 1;
		top = hyps + i * k;
		nh[i] = 0;
		for (j = 0; j < np; j++) {
			h = &prev[j];
			memcpy(sc, st, nclasses * sizeof(*sc));
			if (ops->history(ops->arg, i, h->cls, h->prev, sc) ==
			    -1)
				return -1;
			al = allowed + (size_t)(h->cls + 1) * TAG_CLASSES_MAX;
			for (c = 0; c < nclasses; c++) {
				if (!al[c])
					continue;
				cand.score = h->score + sc[c];
				/* Most candidates, once the beam is full: left
				   unbuilt (8% of tag --pos was this loop). */
				if (refuses(top, nh[i], k, cand.score))
					continue;
				cand.cls = (int)c;
				cand.prev = h->cls;
				cand.back = i > 0 ? (int)j : -1;
				cand.gold = gold != NULL && h->gold &&
				    gold[i] == (int)c;
				offer(top, &nh[i], k, &cand);
			}
		}
		if (gold == NULL)
			continue;
		/* The gold prefix, in the beam or not. */
		gp1 = i > 0 ? gold[i - 1] : -1;
		gp2 = i > 1 ? gold[i - 2] : -1;
		memcpy(sc, st, nclasses * sizeof(*sc));
		if (ops->history(ops->arg, i, gp1, gp2, sc) == -1)
			return -1;
		gscore[i] = (i > 0 ? gscore[i - 1] : 0) + sc[gold[i]];
	}
	return 0;
}

void
beam_path(const struct beam_hyp *hyps, size_t k, size_t i, int h,
    int *out)
{
	const struct beam_hyp *p;

	for (;;) {
		p = &hyps[i * k + (size_t)h];
		out[i] = p->cls;
		if (i == 0)
			break;
		h = p->back;
		i--;
	}
}
