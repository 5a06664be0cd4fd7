/*
 * train: the averaged-perceptron trainer of tagger models (see train.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feat.h"
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
}

/* A kept row, for pruning and sorting. */
struct krow {
	uint64_t	 hash;
	double		 maxabs;
	size_t		 row;
};

static int
cmp_maxabs(const void *a, const void *b)
{
	const struct krow *x = a, *y = b;

	if (x->maxabs != y->maxabs)
		return x->maxabs > y->maxabs ? -1 : 1;
	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

static int
cmp_hash(const void *a, const void *b)
{
	const struct krow *x = a, *y = b;

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
	int		*pred;
	size_t		 maxn;
	int64_t		 tick;		/* words seen, from 1 */
	size_t		*docs;		/* first sentence of each document */
	size_t		 ndocs;		/* docs[ndocs] is nsents */
};

/* Counts features with gold history; keeps those seen min_count times. */
static int
collect(struct trainer *t, const struct tag_sentence *sents,
    const int *const *gold, size_t nsents)
{
	struct ftab	 counts = { NULL, NULL, 0, 0 };
	uint32_t	*cnt = NULL, *ncnt;
	size_t		 ccap = 0, k, i, j, nf;
	uint64_t	 h[FEAT_MAX], *order = NULL;
	long		 r;
	int		 added;

	for (k = 0; k < nsents; k++) {
		if (t->use_doc && (k == 0 ||
		    (sents[k].flags & TAG_SENT_DOC_START))) {
			size_t	 e;

			for (e = k + 1; e < nsents &&
			    !(sents[e].flags & TAG_SENT_DOC_START); e++)
				;
			if (feat_doc_begin(&t->doc, &t->fw, sents + k, e - k) ==
			    -1)
				goto oom;
		}
		if (feat_prepare(&t->fw, &sents[k], t->cfg->clusters) == -1)
			goto oom;
		for (i = 0; i < sents[k].n; i++) {
			nf = feat_extract(t->fw, t->cfg->task, i,
			    i > 0 ? gold[k][i - 1] : -1,
			    i > 1 ? gold[k][i - 2] : -1, &t->classes,
			    t->use_doc ? t->doc : NULL, h, NULL);
			for (j = 0; j < nf; j++) {
				if ((r = ftab_add(&counts, h[j], &added)) < 0)
					goto oom;
				if ((size_t)r >= ccap) {
					ccap = ccap ? ccap * 2 : 1 << 16;
					if ((ncnt = realloc(cnt, ccap *
					    sizeof(*cnt))) == NULL)
						goto oom;
					cnt = ncnt;
				}
				if (added)
					cnt[r] = 0;
				cnt[r]++;
			}
		}
		if (t->use_doc && feat_doc_record(t->doc, t->fw, gold[k]) == -1)
			goto oom;
	}
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

/*
 * Tags sentence s greedily with the current weights and, at each word
 * tagged wrong, moves the weights of its features toward the gold class
 * gs[i] and away from the predicted one.  Adds the words tagged right to
 * *correct.  Returns 0, or -1 if out of memory.
 */
static int
learn(struct trainer *t, const struct tag_sentence *s, const int *gs,
    size_t *correct)
{
	const unsigned char *allowed;
	size_t		 nc = t->cfg->nclasses, i, j, c, nf, o;
	uint64_t	 h[FEAT_MAX];
	int64_t		 sc[TAG_CLASSES_MAX];
	long		 fr[FEAT_MAX];
	int32_t		*wr;
	int		 p1, p2, best, g;

	if (s->n == 0)
		return 0;
	if (feat_prepare(&t->fw, s, t->cfg->clusters) == -1)
		return -1;
	for (i = 0; i < s->n; i++) {
		p1 = i > 0 ? t->pred[i - 1] : -1;
		p2 = i > 1 ? t->pred[i - 2] : -1;
		nf = feat_extract(t->fw, t->cfg->task, i, p1, p2, &t->classes,
		    t->use_doc ? t->doc : NULL, h, NULL);
		memset(sc, 0, sizeof(sc));
		for (j = 0; j < nf; j++) {
			if ((fr[j] = ftab_find(&t->tab, h[j])) < 0)
				continue;
			wr = t->w + (size_t)fr[j] * nc;
			for (c = 0; c < nc; c++)
				sc[c] += wr[c];
		}
		/* The decoder's rule: ties go to the lower class. */
		allowed = t->allowed + (size_t)(p1 + 1) * TAG_CLASSES_MAX;
		best = -1;
		for (c = 0; c < nc; c++)
			if (allowed[c] && (best < 0 || sc[c] > sc[best]))
				best = (int)c;
		g = gs[i];
		if (best != g) {
			for (j = 0; j < nf; j++) {
				if (fr[j] < 0)
					continue;
				o = (size_t)fr[j] * nc;
				t->w[o + (size_t)g]++;
				t->u[o + (size_t)g] += t->tick;
				t->w[o + (size_t)best]--;
				t->u[o + (size_t)best] -= t->tick;
			}
		} else
			(*correct)++;
		t->pred[i] = best;
		t->tick++;
	}
	if (t->use_doc && feat_doc_record(t->doc, t->fw, t->pred) == -1)
		return -1;
	return 0;
}

int
train_model(const struct train_config *cfg, const struct tag_sentence *sents,
    const int *const *gold, size_t nsents, struct buf *out,
    struct train_stats *stats, char *err, size_t errlen)
{
	struct trainer	 t;
	struct krow	*kr = NULL;
	size_t		*order = NULL, nc = cfg->nclasses, k, i, j, c, nkept;
	size_t		 correct, total, rows;
	uint64_t	 rng = cfg->seed ? cfg->seed : 1, *hashes = NULL;
	int64_t		 ticks0, tick;
	int16_t		*qw = NULL;
	double		 gmax, avg, scale;
	int		 epoch, ret = -2;

	memset(&t, 0, sizeof(t));
	t.cfg = cfg;
	if (nc < 2 || nc > TAG_CLASSES_MAX) {
		snprintf(err, errlen, "bad number of classes: %zu", nc);
		return -1;
	}
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
	for (k = 0; k < nsents; k++) {
		if (sents[k].n > t.maxn)
			t.maxn = sents[k].n;
		for (i = 0; i < sents[k].n; i++)
			if (gold[k][i] < 0 || (size_t)gold[k][i] >= nc) {
				snprintf(err, errlen, "sentence %zu, word %zu: "
				    "class %d out of range", k + 1, i + 1,
				    gold[k][i]);
				return -1;
			}
	}

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
	for (k = 0; k < t.ndocs; k++)
		order[k] = k;
	t.tick = ticks0 = 1;

	for (epoch = 1; epoch <= cfg->epochs; epoch++) {
		correct = total = 0;
		/* Fisher-Yates; the modulo bias does not matter here. */
		for (k = t.ndocs; k > 1; k--) {
			size_t	 r = (size_t)(rng_next(&rng) % k), tmp;

			tmp = order[k - 1];
			order[k - 1] = order[r];
			order[r] = tmp;
		}
		for (k = 0; k < t.ndocs; k++) {
			size_t	 d0 = t.docs[order[k]], d1 = t.docs[order[k] + 1];

			if (t.use_doc && feat_doc_begin(&t.doc, &t.fw, sents + d0,
			    d1 - d0) == -1)
				goto done;
			for (i = d0; i < d1; i++)
				if (learn(&t, &sents[i], gold[i], &correct) ==
				    -1)
					goto done;
		}
		total = t.tick - ticks0;
		ticks0 = t.tick;
		if (cfg->progress != NULL)
			cfg->progress(cfg->arg, epoch, correct, total);
	}

	/* Average, prune, keep the strongest rows, round to 16 bits. */
	tick = t.tick;
	if ((kr = malloc((rows + 1) * sizeof(*kr))) == NULL)
		goto done;
	nkept = 0;
	gmax = 0;
	for (k = 0; k < t.tab.cap; k++) {
		size_t	 r;
		double	 m = 0;

		if (t.tab.vals[k] == 0)
			continue;
		r = t.tab.vals[k] - 1;
		for (c = 0; c < nc; c++) {
			avg = t.w[r * nc + c] - (double)t.u[r * nc + c] /
			    (double)tick;
			if (avg < 0)
				avg = -avg;
			if (avg > m)
				m = avg;
		}
		if (m < cfg->min_weight || m == 0)
			continue;
		kr[nkept].hash = t.tab.keys[k];
		kr[nkept].maxabs = m;
		kr[nkept].row = r;
		nkept++;
		if (m > gmax)
			gmax = m;
	}
	if (cfg->max_rows > 0 && nkept > cfg->max_rows) {
		qsort(kr, nkept, sizeof(*kr), cmp_maxabs);
		nkept = cfg->max_rows;
	}
	qsort(kr, nkept, sizeof(*kr), cmp_hash);
	scale = gmax > 0 ? gmax / 32767 : 1;
	if ((hashes = malloc((nkept + 1) * sizeof(*hashes))) == NULL ||
	    (qw = malloc((nkept * nc + 1) * sizeof(*qw))) == NULL)
		goto done;
	j = 0;
	for (k = 0; k < nkept; k++) {
		size_t	 r = kr[k].row;
		int	 nonzero = 0;

		for (c = 0; c < nc; c++) {
			long	 q;

			avg = t.w[r * nc + c] - (double)t.u[r * nc + c] /
			    (double)tick;
			/* Round half away from zero, without libm. */
			avg /= scale;
			q = (long)(avg < 0 ? avg - 0.5 : avg + 0.5);
			if (q > 32767)
				q = 32767;
			if (q < -32767)
				q = -32767;
			qw[j * nc + c] = (int16_t)q;
			nonzero |= q != 0;
		}
		if (nonzero)
			hashes[j++] = kr[k].hash;
	}
	if (stats != NULL) {
		stats->features = rows;
		stats->rows = j;
		stats->scale = (float)scale;
	}
	ret = tag_model_encode(out, cfg->task, nc, cfg->classes, j, hashes,
	    qw, (float)scale, cfg->clusters != NULL ?
	    clusters_id(cfg->clusters) : 0);
	if (ret == -1)
		snprintf(err, errlen, "bad class names");
done:
	free(hashes);
	free(qw);
	free(kr);
	free(order);
	free(t.w);
	free(t.u);
	free(t.pred);
	feat_work_free(t.fw);
	feat_doc_free(t.doc);
	free(t.docs);
	ftab_free(&t.tab);
	return ret;
}
