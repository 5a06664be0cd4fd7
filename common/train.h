/*
 * train: trains a tagger model (tagger.h) with the structured averaged
 * perceptron (Collins 2002): each sentence is decoded exactly as
 * tag_predict will decode it, left to right with the previous predicted
 * classes as features and a beam of cfg->beam (beam.h), and if the best
 * path is wrong the weights move at its prefix of maximum violation
 * (Huang, Fayong and Guo 2012).  The averaging uses Daume's trick (the
 * average of all weight vectors is w - u/c, with u the updates weighted by
 * the time they happened), so no weight is touched twice.
 *
 * Only features seen at least min_count times in the training data (with
 * the gold classes as history) get weights; after training, rows whose
 * largest averaged weight is small are dropped, at most max_rows kept,
 * and the weights are rounded to 16 bits with one scale (tagger.c).
 *
 * Training is deterministic: the sentences are shuffled between epochs by
 * a fixed-seed xorshift64*, the arithmetic is integer until the final
 * averaging, and rows are written sorted by hash, so the same data and
 * configuration give the same model bytes on every machine.
 */
#ifndef QUIRE_TRAIN_H
#define QUIRE_TRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "clusters.h"
#include "tagdict.h"
#include "tagger.h"

struct train_config {
	enum tag_task	 task;
	const char *const *classes;	/* class names, see tag_model_encode */
	size_t		 nclasses;
	int		 epochs;
	uint64_t	 seed;		/* nonzero */
	unsigned	 min_count;	/* 0 or 1: every feature */
	double		 min_weight;	/* drop rows with max |w| below */
	size_t		 max_rows;	/* 0: no limit */
	/* 1, or 2 for a two-stage model (feat.h), whose stage 2 learns
	   from stage-1 classes jackknifed over folds (>= 2) of the data. */
	int		 stages;
	int		 folds;
	/* Runs from zero, each with its own shuffling, whose averaged
	   weights are averaged (1: one run). */
	int		 runs;
	/* The width of the beam (beam.h) training decodes with, which the
	   model records and tag_predict decodes with: 1..BEAM_MAX, 1 is
	   greedy. */
	size_t		 beam;
	/* Word clusters for the features (clusters.h), or NULL: none.  The
	   model records the table, and loads only with it. */
	const struct clusters *clusters;
	/*
	 * A tag dictionary for POS features (tagdict.h), or NULL: none.  The
	 * model carries the dictionary of all its observations.  Sentence k
	 * learns with the one that leaves out fold dict_fold[k] (-1: none
	 * left out; dict_fold NULL: -1 for all), so that words seen only in
	 * its own part of the data look as they will in new text.
	 */
	const struct tagdict_builder *dict;
	const int	*dict_fold;
	/* Called after each epoch with the words tagged right (during the
	   epoch, before averaging) and in all; may be NULL. */
	void		(*progress)(void *arg, int epoch, size_t correct,
			    size_t total);
	void		*arg;
};

/* The defaults: 12 epochs, seed 1, min_count 1, min_weight 0.3, no row
   limit, one stage, 10 folds, one run, a beam of 1 (the choices measured
   best on the dev sets, but for the beam; see train_tagger.c). */
void	train_config_init(struct train_config *, enum tag_task,
	    const char *const *classes, size_t nclasses);

/*
 * Trains on the nsents sentences sents[], whose gold classes are
 * gold[k][0..sents[k].n), indices into cfg->classes, and appends the
 * model file (tagger.c) to out.  Statistics go in *stats if not NULL.
 * Returns 0; -1 with a message in err (a gold class out of range, bad
 * class names); -2 if out of memory.
 */
struct train_stats {
	size_t		 features;	/* features given weights */
	size_t		 rows;		/* rows written */
	float		 scale;
};
int	train_model(const struct train_config *cfg,
	    const struct tag_sentence *sents, const int *const *gold,
	    size_t nsents, struct buf *out, struct train_stats *stats,
	    char *err, size_t errlen);

#endif /* QUIRE_TRAIN_H */
