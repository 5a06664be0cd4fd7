/*
 * train: the averaged-perceptron trainer of tagger models (see train.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beam.h"
#include "buf.h"
#include "feat.h"
#include "otab.h"
#include "tagdict.h"
#include "tagger.h"
#include "train.h"

/* A map from feature hash to a row index, open addressing. */
struct ftab {
	uint64_t	*keys;
	uint32_t	*vals;		/* row + 1; 0 is an empty slot */
	size_t		 cap;		/* a power of two */
	size_t		 n;
};

static size_t
ftab_slot(const struct ftab *t, uint64_t h)
{
	/* Fibonacci hashing spreads FNV's weak low bits. */
	return (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 32) & (t->cap - 1);
}

/* The row of h, or -1. */
static long
ftab_find(const struct ftab *t, uint64_t h)
{
	size_t	 i;

	for (i = ftab_slot(t, h); t->vals[i] != 0; i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == h)
			return (long)t->vals[i] - 1;
	return -1;
}

static int
ftab_grow(struct ftab *t)
{
	struct ftab	 old = *t;
	size_t		 i, j;

	t->cap = old.cap ? old.cap * 2 : 1 << 16;
	t->keys = malloc(t->cap * sizeof(*t->keys));
	t->vals = calloc(t->cap, sizeof(*t->vals));
	if (t->keys == NULL || t->vals == NULL) {
		free(t->keys);
		free(t->vals);
		*t = old;
		return -1;
	}
	for (i = 0; i < old.cap; i++) {
		if (old.vals[i] == 0)
			continue;
		for (j = ftab_slot(t, old.keys[i]); t->vals[j] != 0;
		    j = (j + 1) & (t->cap - 1))
			;
		t->keys[j] = old.keys[i];
		t->vals[j] = old.vals[i];
	}
	free(old.keys);
	free(old.vals);
	return 0;
}

/* The row of h, added as row t->n if new; -1 if out of memory. */
static long
ftab_add(struct ftab *t, uint64_t h, int *added)
{
	size_t	 i;

	*added = 0;
	if ((t->n + 1) * 2 > t->cap && ftab_grow(t) == -1)
		return -1;
	for (i = ftab_slot(t, h); t->vals[i] != 0; i = (i + 1) & (t->cap - 1))
		if (t->keys[i] == h)
			return (long)t->vals[i] - 1;
	if (t->n >= UINT32_MAX - 1)
		return -1;
	t->keys[i] = h;
	t->vals[i] = (uint32_t)++t->n;
	*added = 1;
	return (long)t->n - 1;
}

static void
ftab_free(struct ftab *t)
{
	free(t->keys);
	free(t->vals);
	memset(t, 0, sizeof(*t));
}

/* xorshift64* (Vigna 2016): small, fast, the same on every machine. */
static uint64_t
rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

void
train_config_init(struct train_config *cfg, enum tag_task task,
    const char *const *classes, size_t nclasses)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->task = task;
	cfg->classes = classes;
	cfg->nclasses = nclasses;
	cfg->epochs = 12;
	cfg->seed = 1;
	cfg->min_count = 1;
	cfg->min_weight = 0.3;
	cfg->stages = 1;
	cfg->folds = 10;
	cfg->runs = 1;
	cfg->beam = 1;
}

/* A kept row, for pruning and sorting. */
struct krow {
	uint64_t	 hash;		/* first: sorted by otab_cmp_hashes */
	double		 maxabs;
	size_t		 row;
	int		 stage;		/* 0: stage 1, 1: stage 2 */
};

static int
cmp_maxabs(const void *a, const void *b)
{
	const struct krow *x = a, *y = b;

	if (x->maxabs != y->maxabs)
		return x->maxabs > y->maxabs ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

struct trainer {
	const struct train_config *cfg;
	struct feat_classes classes;
	const char	*names[TAG_CLASSES_MAX];
	size_t		 lens[TAG_CLASSES_MAX];
	unsigned char	 allowed[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	struct ftab	 tab;
	int32_t		*w;		/* rows * nclasses */
	int64_t		*u;
	struct feat_work *fw;
	struct feat_doc	*doc;		/* NER: document memory */
	int		 use_doc;
	int		 stage;		/* 1 or 2 */
	const int *const *pass1;	/* stage 2: stage-1 classes */
	const struct tagdict *const *sdict;	/* each sentence's, or NULL */
	int		*pred;
	size_t		 maxn;
	int64_t		 tick;		/* words seen, from 1 */
	size_t		*docs;		/* first sentence of each document */
	size_t		 ndocs;		/* docs[ndocs] is nsents */
	/* Beam training: the beams, their sizes, the gold prefix scores,
	   and the rows of each word's history-free features. */
	struct beam_hyp	*hyps;
	size_t		*nh;
	int64_t		*gscore;
	long		*srows;		/* maxn * FEAT_MAX */
	size_t		*nsrows;
};

/* The averaged weights of the rows a stage kept. */
struct wrows {
	uint64_t	*hash;
	double		*w;		/* n * nclasses */
	double		*maxabs;
	size_t		 n;
	size_t		 features;	/* features given weights */
};

static void
wrows_free(struct wrows *r)
{
	free(r->hash);
	free(r->w);
	free(r->maxabs);
	memset(r, 0, sizeof(*r));
}

/*
 * Starts the document of sentences [k0, k1): its case evidence, and in
 * stage 2 the counts of its stage-1 classes.  Returns 0 or -1.
 */
static int
doc_start(struct trainer *t, const struct tag_sentence *sents, size_t k0,
    size_t k1)
{
	size_t	 k;

	if (feat_doc_begin(&t->doc, &t->fw, sents + k0, k1 - k0) == -1)
		return -1;
	if (t->stage == 2)
		for (k = k0; k < k1; k++)
			if (feat_prepare(&t->fw, &sents[k], NULL) == -1 ||
			    feat_doc_aggregate(t->doc, t->fw, t->pass1[k]) ==
			    -1)
				return -1;
	return 0;
}

/* Prepares sentence k for feat_extract, at the trainer's stage. */
static int
prepare(struct trainer *t, const struct tag_sentence *sents, size_t k)
{
	if (feat_prepare(&t->fw, &sents[k], t->cfg->clusters) == -1)
		return -1;
	if (feat_lookup_dict(t->fw, t->sdict != NULL ? t->sdict[k] : NULL) ==
	    -1)
		return -1;
	if (t->stage == 2)
		feat_stage(t->fw, 2, t->pass1[k]);
	return 0;
}

/* Adds one to the count of feature h; -1 if out of memory. */
static int
count(struct ftab *counts, uint32_t **cnt, size_t *ccap, uint64_t h)
{
	uint32_t *ncnt;
	long	 r;
	int	 added;

	if ((r = ftab_add(counts, h, &added)) < 0)
		return -1;
	if ((size_t)r >= *ccap) {
		*ccap = *ccap ? *ccap * 2 : 1 << 16;
		if ((ncnt = realloc(*cnt, *ccap * sizeof(**cnt))) == NULL)
			return -1;
		*cnt = ncnt;
	}
	if (added)
		(*cnt)[r] = 0;
	(*cnt)[r]++;
	return 0;
}

/* Counts features with gold history; keeps those seen min_count times. */
static int
collect(struct trainer *t, const struct tag_sentence *sents,
    const int *const *gold, size_t nsents)
{
	struct ftab	 counts = { NULL, NULL, 0, 0 };
	uint32_t	*cnt = NULL;
	size_t		 ccap = 0, k, i, j, nf, d;
	uint64_t	 h[FEAT_MAX], *order = NULL;
	int		 added;

	for (d = 0; d < t->ndocs; d++) {
		if (t->use_doc && doc_start(t, sents, t->docs[d],
		    t->docs[d + 1]) == -1)
			goto oom;
		for (k = t->docs[d]; k < t->docs[d + 1]; k++) {
			if (prepare(t, sents, k) == -1)
				goto oom;
			for (i = 0; i < sents[k].n; i++) {
				nf = feat_extract(t->fw, t->cfg->task, i,
				    i > 0 ? gold[k][i - 1] : -1,
				    i > 1 ? gold[k][i - 2] : -1, &t->classes,
				    t->use_doc ? t->doc : NULL, h, NULL);
				for (j = 0; j < nf; j++) {
					if (count(&counts, &cnt, &ccap, h[j]) ==
					    -1)
						goto oom;
				}
			}
			if (t->use_doc && feat_doc_record(t->doc, t->fw,
			    gold[k]) == -1)
				goto oom;
		}
	}
	(void)nsents;
	/* Rows in first-seen order, which depends on the data only. */
	if ((order = malloc((counts.n + 1) * sizeof(*order))) == NULL)
		goto oom;
	for (i = 0; i < counts.cap; i++)
		if (counts.vals[i] != 0)
			order[counts.vals[i] - 1] = counts.keys[i];
	for (i = 0; i < counts.n; i++)
		if (cnt[i] >= t->cfg->min_count &&
		    ftab_add(&t->tab, order[i], &added) < 0)
			goto oom;
	free(order);
	ftab_free(&counts);
	free(cnt);
	return 0;
oom:
	free(order);
	ftab_free(&counts);
	free(cnt);
	return -2;
}

/* Adds the weights of the nf rows fr[] (-1: none) to sc[]. */
static void
add_rows(const struct trainer *t, const long *fr, size_t nf, int64_t *sc)
{
	size_t		 j, c, nc = t->cfg->nclasses;
	const int32_t	*wr;

	for (j = 0; j < nf; j++) {
		if (fr[j] < 0)
			continue;
		wr = t->w + (size_t)fr[j] * nc;
		for (c = 0; c < nc; c++)
			sc[c] += wr[c];
	}
}

/* Moves the weights of class c of the nf rows fr[] by d. */
static void
update_rows(struct trainer *t, const long *fr, size_t nf, int c, int d)
{
	size_t	 j, o;

	for (j = 0; j < nf; j++) {
		if (fr[j] < 0)
			continue;
		o = (size_t)fr[j] * t->cfg->nclasses + (size_t)c;
		t->w[o] += d;
		t->u[o] += (int64_t)d * t->tick;
	}
}

/* The rows of the history features of word i after p1, p2, in fr[]. */
static size_t
hist_rows(const struct trainer *t, size_t i, int p1, int p2, long *fr)
{
	uint64_t h[FEAT_MAX];
	size_t	 j, nf;

	nf = feat_extract_hist(t->fw, t->cfg->task, i, p1, p2, &t->classes,
	    h, NULL);
	for (j = 0; j < nf; j++)
		fr[j] = ftab_find(&t->tab, h[j]);
	return nf;
}

/* beam_ops for training; arg is the trainer. */
static int
train_statics(void *arg, size_t i, int64_t *sc)
{
	struct trainer	*t = arg;
	uint64_t	 h[FEAT_MAX];
	long		*fr = t->srows + i * FEAT_MAX;
	size_t		 j, nf;

	nf = feat_extract_static(t->fw, t->cfg->task, i, &t->classes,
	    t->use_doc ? t->doc : NULL, h, NULL);
	for (j = 0; j < nf; j++)
		fr[j] = ftab_find(&t->tab, h[j]);
	t->nsrows[i] = nf;
	add_rows(t, fr, nf, sc);
	return 0;
}

static int
train_history(void *arg, size_t i, int p1, int p2, int64_t *sc)
{
	struct trainer	*t = arg;
	long		 fr[FEAT_MAX];

	add_rows(t, fr, hist_rows(t, i, p1, p2, fr), sc);
	return 0;
}

/*
 * The perceptron update of a beam search that lost the gold path, at the
 * prefix where the best hypothesis beat the gold one by the most (the
 * "max-violation" update of Huang, Fayong and Guo 2012, which converges
 * faster than Collins and Roark's early update): the features of the gold
 * prefix up, those of the best down, word by word where they differ.
 */
static void
max_violation(struct trainer *t, size_t n, size_t k, const int *gs)
{
	const struct beam_hyp *b;
	long		 gr[FEAT_MAX], pr[FEAT_MAX];
	size_t		 i, j, best = 0, ng, np;
	int64_t		 v, vmax = INT64_MIN;
	int		*p = t->pred;

	for (i = 0; i < n; i++) {
		b = &t->hyps[i * k];
		if (b->gold)
			continue;
		v = b->score - t->gscore[i];
		if (v > vmax) {
			vmax = v;
			best = i;
		}
	}
	beam_path(t->hyps, k, best, 0, p);
	for (j = 0; j <= best; j++) {
		int	 g1 = j > 0 ? gs[j - 1] : -1, g2 = j > 1 ? gs[j - 2] : -1;
		int	 p1 = j > 0 ? p[j - 1] : -1, p2 = j > 1 ? p[j - 2] : -1;

		if (p[j] == gs[j] && p1 == g1 && p2 == g2)
			continue;
		if (p[j] != gs[j]) {
			update_rows(t, t->srows + j * FEAT_MAX, t->nsrows[j],
			    gs[j], 1);
			update_rows(t, t->srows + j * FEAT_MAX, t->nsrows[j],
			    p[j], -1);
		}
		ng = hist_rows(t, j, g1, g2, gr);
		update_rows(t, gr, ng, gs[j], 1);
		np = hist_rows(t, j, p1, p2, pr);
		update_rows(t, pr, np, p[j], -1);
	}
}

/*
 * Tags sentence k with the current weights as tag_predict would, with a
 * beam of cfg->beam, and if the best path is not the gold one gs[], moves
 * the weights toward it (max_violation).  Adds the words tagged right to
 * *correct.  Returns 0, or -1 if out of memory.
 *
 * A beam of one is greedy decoding, but learns by the sentence rather
 * than at every wrong word, as this trainer did before: measured on the
 * dev sets, CoNLL-2003 F1 91.50 against 90.39 (mean of seeds 1-3), UD
 * EWT UPOS 95.33 against 95.19 (seed 1).
 */
static int
learn(struct trainer *t, const struct tag_sentence *sents, size_t k,
    const int *gs, size_t *correct)
{
	const struct tag_sentence *s = &sents[k];
	struct beam_ops	 ops;
	size_t		 i, n = s->n, bk = t->cfg->beam;

	if (n == 0)
		return 0;
	if (prepare(t, sents, k) == -1)
		return -1;
	ops.statics = train_statics;
	ops.history = train_history;
	ops.arg = t;
	if (beam_search(&ops, n, bk, t->cfg->nclasses, t->allowed, t->hyps,
	    t->nh, gs, t->gscore) == -1)
		return -1;
	if (!t->hyps[(n - 1) * bk].gold)
		max_violation(t, n, bk, gs);
	beam_path(t->hyps, bk, n - 1, 0, t->pred);
	for (i = 0; i < n; i++)
		*correct += t->pred[i] == gs[i];
	t->tick += (int64_t)n;
	if (t->use_doc && feat_doc_record(t->doc, t->fw, t->pred) == -1)
		return -1;
	return 0;
}

/* The epochs of one run; -1 if out of memory. */
static int
epochs(struct trainer *t, const struct train_config *cfg,
    const struct tag_sentence *sents, const int *const *gold, size_t *order,
    uint64_t *rng, int64_t *ticks0)
{
	size_t		 k, i, correct, total;
	int		 epoch;

	for (epoch = 1; epoch <= cfg->epochs; epoch++) {
		correct = total = 0;
		/* Fisher-Yates; the modulo bias does not matter here. */
		for (k = t->ndocs; k > 1; k--) {
			size_t	 r = (size_t)(rng_next(rng) % k), tmp;

			tmp = order[k - 1];
			order[k - 1] = order[r];
			order[r] = tmp;
		}
		for (k = 0; k < t->ndocs; k++) {
			size_t	 d0 = t->docs[order[k]];
			size_t	 d1 = t->docs[order[k] + 1];

			if (t->use_doc && doc_start(t, sents, d0, d1) == -1)
				return -1;
			for (i = d0; i < d1; i++)
				if (learn(t, sents, i, gold[i], &correct) ==
				    -1)
					return -1;
		}
		total = t->tick - *ticks0;
		*ticks0 = t->tick;
		if (cfg->progress != NULL)
			cfg->progress(cfg->arg, epoch, correct, total);
	}

	return 0;
}

/*
 * Trains one stage (stage 2 reads the stage-1 classes pass1[k] of each
 * sentence) and stores its averaged weights, rows whose largest is below
 * min_weight left out, in *res.  Returns 0 or -2 if out of memory.
 */
static int
run_stage(const struct train_config *cfg, int stage,
    const struct tag_sentence *sents, const int *const *gold,
    const int *const *pass1, const struct tagdict *const *sdict,
    size_t nsents, struct wrows *res)
{
	struct trainer	 t;
	size_t		*order = NULL, nc = cfg->nclasses, k, i, j, c, rows;
	uint64_t	 rng;
	int64_t		 ticks0, tick;
	double		 avg, m, *acc = NULL;
	int		 run, runs = cfg->runs > 0 ? cfg->runs : 1;
	int		 ret = -2;

	memset(&t, 0, sizeof(t));
	memset(res, 0, sizeof(*res));
	t.cfg = cfg;
	t.stage = stage;
	t.pass1 = pass1;
	t.sdict = sdict;
	for (c = 0; c < nc; c++) {
		t.names[c] = cfg->classes[c];
		t.lens[c] = strlen(cfg->classes[c]);
	}
	t.classes.names = t.names;
	t.classes.lens = t.lens;
	t.classes.n = nc;
	for (j = 0; j < nc; j++) {
		t.allowed[j] = (unsigned char)feat_bio_allowed(NULL, t.names[j]);
		for (i = 0; i < nc; i++)
			t.allowed[(i + 1) * TAG_CLASSES_MAX + j] =
			    (unsigned char)feat_bio_allowed(t.names[i],
			    t.names[j]);
	}
	for (k = 0; k < nsents; k++)
		if (sents[k].n > t.maxn)
			t.maxn = sents[k].n;

	/* NER learns from whole documents, in order within each, for the
	   document features; POS from sentences. */
	t.use_doc = cfg->task == TAG_TASK_NER;
	if ((t.docs = malloc((nsents + 1) * sizeof(*t.docs))) == NULL)
		goto done;
	for (k = 0; k < nsents; k++)
		if (k == 0 || !t.use_doc ||
		    (sents[k].flags & TAG_SENT_DOC_START))
			t.docs[t.ndocs++] = k;
	t.docs[t.ndocs] = nsents;

	if (collect(&t, sents, gold, nsents) != 0)
		goto done;
	rows = t.tab.n;
	if (rows > SIZE_MAX / sizeof(*t.u) / TAG_CLASSES_MAX)
		goto done;
	if ((t.w = calloc(rows ? rows * nc : 1, sizeof(*t.w))) == NULL ||
	    (t.u = calloc(rows ? rows * nc : 1, sizeof(*t.u))) == NULL ||
	    (t.pred = malloc((t.maxn + 1) * sizeof(*t.pred))) == NULL ||
	    (order = malloc((t.ndocs + 1) * sizeof(*order))) == NULL)
		goto done;
	if ((acc = calloc(rows ? rows * nc : 1, sizeof(*acc))) == NULL)
		goto done;
	if ((t.hyps = malloc((t.maxn + 1) * BEAM_MAX * sizeof(*t.hyps))) ==
	    NULL || (t.nh = malloc((t.maxn + 1) * sizeof(*t.nh))) == NULL ||
	    (t.gscore = malloc((t.maxn + 1) * sizeof(*t.gscore))) == NULL ||
	    (t.nsrows = malloc((t.maxn + 1) * sizeof(*t.nsrows))) == NULL ||
	    (t.srows = malloc((t.maxn + 1) * FEAT_MAX * sizeof(*t.srows))) ==
	    NULL)
		goto done;
	/*
	 * Each run trains from zero with its own shuffling; the model is the
	 * mean of the runs' averaged weights, which evens out how much the
	 * order of the data sways the perceptron.
	 */
	for (run = 0; run < runs; run++) {
		rng = (cfg->seed ? cfg->seed : 1) + (uint64_t)run *
		    0x9E3779B97F4A7C15ULL;
		if (rng == 0)
			rng = 1;
		memset(t.w, 0, (rows ? rows * nc : 1) * sizeof(*t.w));
		memset(t.u, 0, (rows ? rows * nc : 1) * sizeof(*t.u));
		for (k = 0; k < t.ndocs; k++)
			order[k] = k;
		t.tick = ticks0 = 1;
		if (epochs(&t, cfg, sents, gold, order, &rng, &ticks0) == -1)
			goto done;
		tick = t.tick;
		for (k = 0; k < rows * nc; k++)
			acc[k] += ((double)t.w[k] - (double)t.u[k] /
			    (double)tick) / runs;
	}

	/* Leave out the weak rows. */
	if ((res->hash = malloc((rows + 1) * sizeof(*res->hash))) == NULL ||
	    (res->maxabs = malloc((rows + 1) * sizeof(*res->maxabs))) ==
	    NULL ||
	    (res->w = malloc((rows * nc + 1) * sizeof(*res->w))) == NULL)
		goto done;
	res->features = rows;
	for (k = 0; k < t.tab.cap; k++) {
		size_t	 r;
		double	*out = res->w + res->n * nc;

		if (t.tab.vals[k] == 0)
			continue;
		r = t.tab.vals[k] - 1;
		m = 0;
		for (c = 0; c < nc; c++) {
			avg = acc[r * nc + c];
			out[c] = avg;
			if (avg < 0)
				avg = -avg;
			if (avg > m)
				m = avg;
		}
		if (m < cfg->min_weight || m == 0)
			continue;
		res->hash[res->n] = t.tab.keys[k];
		res->maxabs[res->n] = m;
		res->n++;
	}
	ret = 0;
done:
	if (ret != 0)
		wrows_free(res);
	free(acc);
	free(order);
	free(t.w);
	free(t.u);
	free(t.pred);
	free(t.hyps);
	free(t.nh);
	free(t.gscore);
	free(t.srows);
	free(t.nsrows);
	feat_work_free(t.fw);
	feat_doc_free(t.doc);
	free(t.docs);
	ftab_free(&t.tab);
	return ret;
}

/*
 * The stage-1 classes of every sentence as a model would give them that
 * was not trained on it: the documents (NER) or sentences (POS) are cut
 * in cfg->folds folds, and each is tagged by a stage-1 model trained on
 * the others (Wolpert 1992's stacking; jackknifing, as taggers that feed
 * on predicted tags do).  Stores into q[0..total words), with pq[k] the
 * classes of sentence k.  Returns 0, -1 with a message in err, or -2.
 */
static int
jackknife(const struct train_config *cfg, const struct tag_sentence *sents,
    const int *const *gold, size_t nsents, int *q, const int **pq,
    char *err, size_t errlen)
{
	struct train_config fc = *cfg;
	struct tag_sentence *ss = NULL;
	const int	**sg = NULL;
	size_t		*unit = NULL, nunits = 0, k, f, n, *off = NULL;
	struct buf	 b = BUF_INIT;
	struct tag_model *m = NULL;
	struct tag_work	*w = NULL;
	int		 r = -2, doc = cfg->task == TAG_TASK_NER;

	fc.stages = 1;
	fc.progress = NULL;
	/* The folds of the dictionary number the whole data's sentences:
	   the subsets learn with the dictionary of all of it. */
	fc.dict_fold = NULL;
	if ((ss = malloc((nsents + 1) * sizeof(*ss))) == NULL ||
	    (sg = malloc((nsents + 1) * sizeof(*sg))) == NULL ||
	    (unit = malloc((nsents + 1) * sizeof(*unit))) == NULL ||
	    (off = malloc((nsents + 1) * sizeof(*off))) == NULL)
		goto done;
	for (k = 0, n = 0; k < nsents; n += sents[k].n, k++) {
		off[k] = n;
		pq[k] = q + n;
		if (k == 0 || !doc || (sents[k].flags & TAG_SENT_DOC_START))
			unit[nunits++] = k;
	}
	unit[nunits] = nsents;
	for (f = 0; f < (size_t)cfg->folds; f++) {
		size_t	 u, ns = 0;

		for (u = 0; u < nunits; u++)
			if (u % (size_t)cfg->folds != f)
				for (k = unit[u]; k < unit[u + 1]; k++) {
					ss[ns] = sents[k];
					sg[ns++] = gold[k];
				}
		buf_clear(&b);
		if ((r = train_model(&fc, ss, sg, ns, &b, NULL, err, errlen)) !=
		    0)
			goto done;
		if ((r = tag_model_load_mem_with(&m, b.p, b.len,
		    cfg->clusters, err, errlen)) != 0)
			goto done;
		tag_model_set_beam(m, (size_t)cfg->beam);
		r = -2;
		for (u = f; u < nunits; u += (size_t)cfg->folds) {
			if (doc && tag_doc_begin(&w, sents + unit[u],
			    unit[u + 1] - unit[u]) == -1)
				goto done;
			for (k = unit[u]; k < unit[u + 1]; k++)
				if (tag_predict(m, &sents[k], q + off[k], &w) ==
				    -1)
					goto done;
			if (doc)
				tag_doc_end(w);
		}
		tag_model_free(m);
		m = NULL;
	}
	r = 0;
done:
	tag_work_free(w);
	tag_model_free(m);
	buf_free(&b);
	free(ss);
	free(sg);
	free(unit);
	free(off);
	return r;
}

/*
 * The tag dictionaries of training (train.h): the model's, as bytes and
 * loaded, and the one that leaves out each fold; sdict[k] is sentence
 * k's.
 */
struct dicts {
	struct buf	 bytes;
	struct tagdict	*all;
	struct tagdict	**fold;
	int		 nfolds;
	const struct tagdict **sdict;
};

static void
dicts_free(struct dicts *d)
{
	int	 f;

	buf_free(&d->bytes);
	tagdict_free(d->all);
	for (f = 0; f < d->nfolds; f++)
		tagdict_free(d->fold[f]);
	free(d->fold);
	free(d->sdict);
	memset(d, 0, sizeof(*d));
}

/* Encodes and loads the dictionary leaving out fold f into *out. */
static int
dict_load(const struct tagdict_builder *b, int f, struct buf *bytes,
    struct tagdict **out, char *err, size_t errlen)
{
	buf_clear(bytes);
	if (tagdict_encode(b, f, bytes) != 0)
		return -2;
	return tagdict_load_mem(out, bytes->p, bytes->len, err, errlen);
}

/* Builds d from cfg->dict for nsents sentences; 0, -1 or -2. */
static int
dicts_build(struct dicts *d, const struct train_config *cfg, size_t nsents,
    char *err, size_t errlen)
{
	struct buf	 tmp = BUF_INIT;
	size_t		 k;
	int		 f, r, nf = tagdict_builder_folds(cfg->dict);

	memset(d, 0, sizeof(*d));
	if ((d->fold = calloc((size_t)nf + 1, sizeof(*d->fold))) == NULL ||
	    (d->sdict = malloc((nsents + 1) * sizeof(*d->sdict))) == NULL)
		return -2;
	if ((r = dict_load(cfg->dict, -1, &d->bytes, &d->all, err, errlen)) !=
	    0)
		return r;
	for (f = 0; f < nf; f++, d->nfolds++)
		if ((r = dict_load(cfg->dict, f, &tmp, &d->fold[f], err,
		    errlen)) != 0) {
			buf_free(&tmp);
			return r;
		}
	buf_free(&tmp);
	for (k = 0; k < nsents; k++) {
		f = cfg->dict_fold != NULL ? cfg->dict_fold[k] : -1;
		d->sdict[k] = f >= 0 && f < nf ? d->fold[f] : d->all;
	}
	return 0;
}

int
train_model(const struct train_config *cfg, const struct tag_sentence *sents,
    const int *const *gold, size_t nsents, struct buf *out,
    struct train_stats *stats, char *err, size_t errlen)
{
	struct wrows	 st[2];
	struct dicts	 dd;
	struct krow	*kr = NULL;
	size_t		 nc = cfg->nclasses, k, i, j, c, nkept, ntok;
	uint64_t	*hashes = NULL;
	int16_t		*qw = NULL;
	int		*q = NULL;
	const int	**pq = NULL;
	double		 gmax, avg, scale;
	int		 s, nst = cfg->stages == 2 ? 2 : 1, ret = -2;

	memset(st, 0, sizeof(st));
	memset(&dd, 0, sizeof(dd));
	if (nc < 2 || nc > TAG_CLASSES_MAX) {
		snprintf(err, errlen, "bad number of classes: %zu", nc);
		return -1;
	}
	for (k = 0, ntok = 0; k < nsents; k++) {
		ntok += sents[k].n;
		for (i = 0; i < sents[k].n; i++)
			if (gold[k][i] < 0 || (size_t)gold[k][i] >= nc) {
				snprintf(err, errlen, "sentence %zu, word %zu: "
				    "class %d out of range", k + 1, i + 1,
				    gold[k][i]);
				return -1;
			}
	}
	if (cfg->beam < 1 || cfg->beam > BEAM_MAX) {
		snprintf(err, errlen, "beam width out of range: %zu",
		    cfg->beam);
		return -1;
	}
	if (nst == 2 && cfg->folds < 2) {
		snprintf(err, errlen, "two stages need 2 folds or more");
		return -1;
	}

	if (cfg->dict != NULL && (ret = dicts_build(&dd, cfg, nsents, err,
	    errlen)) != 0)
		goto done;
	if ((ret = run_stage(cfg, 1, sents, gold, NULL, dd.sdict, nsents,
	    &st[0])) != 0)
		goto done;
	if (nst == 2) {
		ret = -2;
		if ((q = malloc((ntok + 1) * sizeof(*q))) == NULL ||
		    (pq = malloc((nsents + 1) * sizeof(*pq))) == NULL)
			goto done;
		if ((ret = jackknife(cfg, sents, gold, nsents, q, pq, err,
		    errlen)) != 0 || (ret = run_stage(cfg, 2, sents, gold,
		    pq, dd.sdict, nsents, &st[1])) != 0)
			goto done;
	}

	/* Keep the strongest rows, round to 16 bits with one scale.  The
	   stages' rows have distinct hashes (feat.c salts stage 2's). */
	ret = -2;
	if ((kr = malloc((st[0].n + st[1].n + 1) * sizeof(*kr))) == NULL)
		goto done;
	nkept = 0;
	gmax = 0;
	for (s = 0; s < nst; s++)
		for (k = 0; k < st[s].n; k++) {
			kr[nkept].hash = st[s].hash[k];
			kr[nkept].maxabs = st[s].maxabs[k];
			kr[nkept].row = k;
			kr[nkept].stage = s;
			if (st[s].maxabs[k] > gmax)
				gmax = st[s].maxabs[k];
			nkept++;
		}
	if (cfg->max_rows > 0 && nkept > cfg->max_rows) {
		qsort(kr, nkept, sizeof(*kr), cmp_maxabs);
		nkept = cfg->max_rows;
	}
	qsort(kr, nkept, sizeof(*kr), otab_cmp_hashes);
	scale = gmax > 0 ? gmax / 32767 : 1;
	if ((hashes = malloc((nkept + 1) * sizeof(*hashes))) == NULL ||
	    (qw = malloc((nkept * nc + 1) * sizeof(*qw))) == NULL)
		goto done;
	j = 0;
	for (k = 0; k < nkept; k++) {
		const double *wr = st[kr[k].stage].w + kr[k].row * nc;
		int	 nonzero = 0;

		for (c = 0; c < nc; c++) {
			long	 qv;

			/* Round half away from zero, without libm. */
			avg = wr[c] / scale;
			qv = (long)(avg < 0 ? avg - 0.5 : avg + 0.5);
			if (qv > 32767)
				qv = 32767;
			if (qv < -32767)
				qv = -32767;
			qw[j * nc + c] = (int16_t)qv;
			nonzero |= qv != 0;
		}
		if (nonzero)
			hashes[j++] = kr[k].hash;
	}
	if (stats != NULL) {
		stats->features = st[0].features + st[1].features;
		stats->rows = j;
		stats->scale = (float)scale;
	}
	ret = tag_model_encode_dict(out, cfg->task, nc, cfg->classes, j,
	    hashes, qw, (float)scale, cfg->clusters != NULL ?
	    clusters_id(cfg->clusters) : 0, nst, cfg->beam, dd.bytes.p,
	    dd.bytes.len);
	if (ret == -1)
		snprintf(err, errlen, "bad class names");
done:
	free(hashes);
	free(qw);
	free(kr);
	free(q);
	free(pq);
	wrows_free(&st[0]);
	wrows_free(&st[1]);
	dicts_free(&dd);
	return ret;
}
