/*
 * beam: left-to-right beam search over the classes of a sentence's words
 * (Collins and Roark 2004; Huang, Fayong and Guo 2012 for the training
 * side), shared by tag_predict (tagger.c) and the trainer (train.c), so
 * that a model is decoded the way it was trained.
 *
 * The score of a word's class is the sum of two parts: the features that
 * do not depend on the classes before it, scored once per word, and those
 * of the two previous classes (feat_extract_hist), scored once for each
 * history the beam keeps.  A beam of one is greedy decoding.
 */
#ifndef QUIRE_BEAM_H
#define QUIRE_BEAM_H

#include <stddef.h>
#include <stdint.h>

#define BEAM_MAX	16

/* One partial tagging: the class of word i and its path back. */
struct beam_hyp {
	int64_t		 score;		/* of the whole prefix */
	int		 cls;
	int		 prev;		/* class of word i - 1; -1 at start */
	int		 back;		/* its hypothesis at i - 1; -1 */
	int		 gold;		/* training: the prefix is the gold one */
};

/*
 * The scorer: statics adds to sc[0..nclasses) the scores of word i's
 * history-free features, history those of its features for previous
 * classes p1 and p2 (-1 before the sentence).  Each returns 0, or -1 if
 * out of memory.
 */
struct beam_ops {
	int		(*statics)(void *arg, size_t i, int64_t *sc);
	int		(*history)(void *arg, size_t i, int p1, int p2,
			    int64_t *sc);
	void		*arg;
};

/*
 * Searches the n words with a beam of width k (1..BEAM_MAX) over nclasses
 * classes, class c allowed after p only if allowed[(p + 1) *
 * TAG_CLASSES_MAX + c] (feat.h).  hyps[i * k ..] receive the beam after
 * word i, best first, and nh[i] its size.  If gold is not NULL (training),
 * gscore[i] receives the score of the gold prefix up to word i and each
 * hypothesis says whether it is that prefix.  Ties go to the hypothesis
 * found first, then to the lower class, so that a beam of one decodes as
 * the greedy tagger.  Returns 0, or -1 if out of memory.
 */
int	beam_search(const struct beam_ops *ops, size_t n, size_t k,
	    size_t nclasses, const unsigned char *allowed,
	    struct beam_hyp *hyps, size_t *nh, const int *gold,
	    int64_t *gscore);

/* Stores in out[0..i] the classes of the path of hypothesis h at i. */
void	beam_path(const struct beam_hyp *hyps, size_t k, size_t i, int h,
	    int *out);

#endif /* QUIRE_BEAM_H */
