/*
 * keypoints: the engine of extract-keypoints.  Picks the sentences of a
 * news article that carry its key points (extractive summarization).
 *
 * A document is split into sentences by the news splitter (sentence.h);
 * a line of page furniture (a byline, a caption: boiler.h) that the
 * splitter ran into the sentence below it is cut off, and furniture is
 * never picked.
 * Each sentence becomes a TF-IDF vector over its lower-cased, lightly
 * stemmed words, stop words left out (stopwords.h); document frequencies
 * count the document's own sentences, as LexRank does without a corpus
 * (Erkan and Radev, 2004).  Each sentence gets five features, each in
 * [0, 1]:
 *
 *   position     the lead prior of news, learned: for the i-th of the n
 *                content sentences (counted from 0; page furniture,
 *                boiler.h, is not counted), pos_abs[bucket of i] +
 *                pos_rel[quarter of i / n]; the buckets are sentences 0,
 *                1, 2, 3, 4-5, 6-9 and 10 on, the quarters of the
 *                article [0, 1/4), [1/4, 1/2), [1/2, 3/4), [3/4, 1);
 *                at most 1.  Learned on the train split; the first
 *                sentence has 1 and the lowest quarter 0, which fixes the
 *                scale and the offset
 *   centrality   TextRank (Mihalcea and Tarau, 2004) over the graph whose
 *                edges are the cosine similarities, by power iteration;
 *                divided by the largest, so the most central sentence has 1
 *   title        the share of the title's content words the sentence holds
 *                (0 without a title)
 *   length       min(words, 20) / 20, falling to 0 from 60 words to 120:
 *                short lines (datelines, bylines) and run-ons lose
 *   density      numbers and capitalized words after the first, per word:
 *                the names and figures a key point tends to carry; with
 *                an entity model (kp_config.ner), numbers and the words
 *                the model puts in a named entity, per word
 *
 * A sentence's score is the weighted sum of its features.  The key points
 * are then chosen by maximal marginal relevance (Carbonell and Goldstein,
 * 1998): each next pick maximizes lambda * score / max score - (1 -
 * lambda) * (its largest similarity to a sentence already picked), so two
 * key points do not say the same thing.
 *
 * Everything is deterministic: ties go to the earlier sentence, and no
 * result depends on hashing order.  Nothing here prints or exits.
 */
#ifndef QUIRE_KEYPOINTS_H
#define QUIRE_KEYPOINTS_H

#include <stddef.h>

#include "abbrev.h"
#include "stopwords.h"
#include "tagger.h"

enum kp_feature {
	KP_POSITION,
	KP_CENTRALITY,
	KP_TITLE,
	KP_LENGTH,
	KP_DENSITY,
	KP_NFEATURES
};

/* The position prior's buckets: by index, and by quarter of the text. */
#define KP_POS_BUCKETS		7
#define KP_POS_QUARTERS		4

/* Sentences past this many get no edges in the graph (centrality 0, no
 * similarity for MMR), so a huge document costs O(n) past it, not O(n^2). */
#define KP_GRAPH_MAX		2000

struct kp_config {
	const struct abbrev	*abbrev;	/* for the splitter; may be NULL */
	const struct stopwords	*stop;		/* may be NULL: no stop words */
	const struct tag_model	*ner;		/* entity model (tagger.h) for
						   density; NULL: capitals */
	size_t			 n;		/* key points to choose */
	double			 ratio;		/* > 0: ceil(ratio * sentences),
						   at least 1; overrides n */
	double			 lambda;	/* MMR, in [0, 1]; 1: no penalty */
	double			 damping;	/* TextRank's d, in (0, 1) */
	double			 w[KP_NFEATURES]; /* feature weights */
	double			 pos_abs[KP_POS_BUCKETS]; /* position prior */
	double			 pos_rel[KP_POS_QUARTERS];
};

/* One sentence of the document and why it scored as it did. */
struct kp_sent {
	size_t		 start, end;	/* [start, end) bytes of the text */
	size_t		 words;		/* word and number tokens */
	double		 f[KP_NFEATURES];
	double		 score;		/* sum of w[i] * f[i] */
	size_t		 rank;		/* 1 for the first pick; 0: not picked */
	int		 boiler;	/* enum boiler_kind: BOILER_CONTENT, or
					   furniture never picked */
};

struct kp;

/* Sets c to the defaults: 3 key points, no ratio, the built-in weights
 * and position prior,
 * lambda 0.95 (chosen on the train split, tests/eval/keypoints_eval.py
 * run on it with the fitted weights: of 0.7, 0.8, 0.85, 0.9, 0.95 and 1,
 * the smallest, so the most diverse, whose six figures are all within
 * 0.1 of the best; 1, no penalty, is best by a hair), damping 0.85, no
 * abbreviations or stop words. */
void	kp_config_init(struct kp_config *c);

/* The name of feature f ("position", "centrality", ...), for --explain. */
const char *kp_feature_name(enum kp_feature f);

/* A new engine holding a copy of c (the lexicons by pointer: they must
 * outlive it); NULL if out of memory. */
struct kp *kp_new(const struct kp_config *c);

/*
 * Scores the sentences of the valid UTF-8 text s[0..n) and picks the key
 * points.  title[0..tlen) (may be NULL with tlen 0) is the article's title,
 * not part of s.  Returns 0, or -1 if out of memory.  The results, read
 * with kp_sentences and kp_picks, live until the next kp_run or kp_free.
 */
int	kp_run(struct kp *, const unsigned char *s, size_t n,
	    const unsigned char *title, size_t tlen);

/* The sentences of the last run, in document order; *n gets their count. */
const struct kp_sent *kp_sentences(const struct kp *, size_t *n);

/* The indices of the picked sentences, in the order picked (best first);
 * *n gets their count. */
const size_t *kp_picks(const struct kp *, size_t *n);

void	kp_free(struct kp *);

/*
 * The building blocks, exposed for the unit tests.
 *
 * kp_textrank: PageRank over the weighted undirected graph whose n x n
 * similarity matrix sim (row-major, diagonal ignored) gives the edges:
 * r = (1 - d) / n + d * sum_j sim[i][j] / deg(j) * r[j], iterated from
 * r = 1/n until the L1 change is below 1e-6 or 100 rounds; a node with no
 * edges keeps (1 - d) / n.  Writes the n ranks to out (they sum to about
 * 1).  Returns 0, or -1 if out of memory.
 */
int	kp_textrank(const double *sim, size_t n, double d, double *out);

/*
 * kp_position: the position feature of content sentence i of n under c's
 * prior (see the top of this file); 0 if i >= n.  kp_position_bucket:
 * the index bucket of sentence i (0 to KP_POS_BUCKETS - 1).
 */
double	kp_position(const struct kp_config *c, size_t i, size_t n);
size_t	kp_position_bucket(size_t i);

/*
 * kp_mmr: maximal marginal relevance.  Picks up to k of the n items whose
 * relevance is score[] (any scale: divided by the largest positive) and
 * whose pairwise similarity is sim (row-major n x n, or NULL: none);
 * items with eligible[i] == 0 (eligible may be NULL: all) are never
 * picked.  Writes the picks, in order, to out and returns their number.
 * Returns -1 if out of memory.
 */
long	kp_mmr(const double *score, const double *sim, const unsigned char
	    *eligible, size_t n, size_t k, double lambda, size_t *out);

/*
 * kp_stem: a light English suffix stripper for matching word forms:
 * "prices" -> "price", "policies" -> "policy", "boxes" -> "box"; words of
 * 3 bytes or fewer and ones ending in "ss", "us" or "is" are kept.  Works
 * in place on w[0..*len) (lower case) and updates *len.  Not Porter's
 * algorithm: only plurals are folded, which is what similarity needs.
 */
void	kp_stem(unsigned char *w, size_t *len);

#endif /* QUIRE_KEYPOINTS_H */
