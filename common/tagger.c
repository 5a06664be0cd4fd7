/*
 * tagger: averaged-perceptron tagging over hashed features, greedy or with
 * a beam (see tagger.h), and the model file format.
 *
 * Model file format, version 6 (5 had no tag dictionary, 4 no beam
 * width).  All integers are little-endian and of fixed width, so the same
 * bytes load on every machine; nothing is aligned and the reader never
 * assumes it is.
 *
 *   offset  size  field
 *        0     4  magic "QTAG"
 *        4     2  format version: 6
 *        6     1  task: 1 POS, 2 NER (enum tag_task)
 *        7     1  stages: 1, or 2 for a two-stage model (feat.h), whose
 *                 rows hold the weights of both stages
 *        8     4  feature templates revision (FEAT_VERSION in feat.h)
 *       12     4  nclasses, 2..64
 *       16     4  nrows
 *       20     4  scale: IEEE 754 binary32, finite and > 0
 *       24     4  word clusters: the clusters_id (clusters.h) of the
 *                 table the features read, or 0 for none
 *       28     4  beam: the width of the beam search the model was
 *                 trained with and is decoded with (beam.h), 1..16;
 *                 1 is greedy
 *       32     4  D, the size of the tag dictionary, or 0 for none
 *       36        class names, nclasses times: 1 byte length (1..31),
 *                 then the name (printable ASCII, no space; distinct)
 *                 the tag dictionary, D bytes (tagdict.c): the class
 *                 sets of the words the training data had, whose POS
 *                 features (feat.c) read them
 *        R        rows, nrows times: 8 bytes feature hash (FNV-1a 64 of
 *                 the feature string, feat.h), then nclasses times 2 bytes
 *                 weight (two's complement); in strictly increasing
 *                 order of otab_key(hash) (otab.h), the table's order
 *    E - 4     4  CRC-32 (ISO-HDLC, as zlib's crc32) of bytes [0, E - 4)
 *
 * E, the file size, is exactly what the header implies: neither truncated
 * nor with trailing bytes.  The score of class c for a word is scale times
 * the sum of weight c over the rows of the word's features (a feature
 * without a row weighs 0); the decoder compares the integer sums, so
 * scale only tells what the weights mean.
 *
 * A model that read clusters is loaded with the same table (by default
 * the built-in one, models.h), never another: its cluster ids would mean
 * other words.
 *
 * At load the rows are copied into a table built for lookup (otab.h), so
 * the file's bytes are not needed afterwards: an ordered hash table filed
 * by a mix of the hashes, where a lookup touches one cache line, now and
 * then two.  The file keeps its rows in the table's order, so that the
 * copy reads and writes memory in order, with no sort.  (The sorted rows of the file and a directory of buckets by
 * the hashes' top bits took two dependent misses, and the buckets were
 * crowded; see otab_key.)  A slot holds the hash and the weights as
 * native 16-bit integers, zero-padded to the slot's end.  A slot of at
 * most 64 bytes is sized to a power of two when that costs a quarter more
 * space at most (NER: 26 bytes of row in 32), so that no row straddles
 * two cache lines, and the padding lanes let the compiler add the weights
 * with vector instructions.
 */
#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "beam.h"
#include "buf.h"
#include "clusters.h"
#include "feat.h"
#include "le.h"
#include "models.h"
#include "otab.h"
#include "tagdict.h"
#include "tagger.h"

#define MODEL_MAGIC	"QTAG"
#define MODEL_VERSION	6
#define HEADER_SIZE	36

/* The weights a slot can hold: 64 classes, padded to a multiple of 4. */
#define SLOT_LANES_MAX	(TAG_CLASSES_MAX + 4)
#define LINE		64

struct tag_model {
	enum tag_task	 task;
	int		 stages;	/* 1 or 2 */
	size_t		 nclasses;
	char		 names[TAG_CLASSES_MAX][TAG_NAME_MAX + 1];
	const char	*nameptr[TAG_CLASSES_MAX];
	size_t		 lens[TAG_CLASSES_MAX];
	struct feat_classes classes;
	/* allowed[(prev + 1) * TAG_CLASSES_MAX + cur]: BIO transitions */
	unsigned char	 allowed[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	struct otab	 table;		/* the rows */
	size_t		 nrows;
	size_t		 lanes;		/* weights a slot holds, >= nclasses */
	float		 scale;
	size_t		 beam;		/* 1: greedy */
	const struct clusters *cl;	/* NULL: no cluster features */
	struct clusters	*ownedcl;	/* the built-in table, if loaded */
	struct tagdict	*dict;		/* NULL: no dictionary features */
	unsigned long	 serial;	/* this load's, for struct wcache */
};

/*
 * The scores of the features each word has of itself and of its
 * neighbours alone (feat_extract_word), and in stage 1 of each previous
 * class with it (feat_extract_hist_word), kept across sentences and
 * documents for each word as written: news repeats its words, and a word
 * seen before costs sums of vectors instead of some forty feature strings
 * hashed and looked up.  (tag on bench/tag.sh's 20 MB of news, one run
 * each: 8.24 s before, 5.53 s with it, peak RSS 30 MiB before, 40 with
 * it; the tags are the same, since a score is a sum of integers in any
 * order.)  Filled for one model and stage (a two-stage model has a cache
 * per stage), as many words as WC_BYTES of scores hold (NER 15,500, UPOS
 * 5,300); emptied when full.
 */
#define WC_ROLES	5		/* d = -2..2 (feat.h), role d + 2 */
#define WC_WORDS_MAX	16384
#define WC_BYTES	(8u << 20)	/* of scores, at most */

struct wc_word {
	uint64_t	 key;		/* wc_key */
	unsigned char	 len;
	signed char	 pos;
	unsigned char	 w[FEAT_WORD_MAX];
};

struct wcache {
	unsigned long	 model;		/* its serial; 0: none yet */
	size_t		 nc;		/* the model's classes */
	size_t		 cap;		/* words it can hold */
	size_t		 nslots;	/* a power of two, >= 2 * cap */
	uint32_t	*slots;		/* word index + 1; 0: empty */
	struct wc_word	*words;
	int32_t		*vec;		/* WC_ROLES * nc a word */
	/* Stage 1: of each class p1 with the word, (nc + 1) * nc a word,
	   for p1 = -1..nc - 1, filled as needed (bit p1 + 1 of hvalid). */
	int32_t		*hvec;
	uint64_t	*hvalid;
	size_t		 n;		/* words */
	/* Those of the sentence's edges: roles 0, 1 of the words before
	   it ("<s>"), 3, 4 of those after it ("</s>"). */
	int32_t		 edge[WC_ROLES * TAG_CLASSES_MAX];
};

struct tag_work {
	struct feat_work *fw;
	struct feat_doc	*doc;
	int		 in_doc;	/* tag_doc_begin was called */
	/* Two-stage NER: the document's sentences, the next one (dk), and
	   the stage-1 classes of their words (q; qoff: the next one's). */
	const struct tag_sentence *dsents;
	size_t		 dn, dk, qoff, qcap;
	int		*q;
	int		 pass1_done;
	int32_t		 scores[SLOT_LANES_MAX];
	uint64_t	 h[FEAT_MAX];
	uint64_t	 g[FEAT_MAX];	/* otab_key of each */
	const unsigned char *slot[FEAT_MAX];
	/* Beam search: the model, the beams, their sizes (n each). */
	const struct tag_model *m;
	struct beam_hyp	*hyps;
	size_t		*nh, bcap;
	/* Its memos of history scores (beam_history): by (p1, p2), of the
	   features of the two classes alone, for one model (its serial,
	   cmodel) and stage (cstage), kept across sentences; by p1, of
	   those of p1 with the word, valid while wstamp[p1 + 1] is stamp
	   (the word's), when the word cache does not keep them. */
	int32_t		*cmemo;
	unsigned char	*cvalid;
	unsigned long	 cmodel;
	int		 cstage;
	int32_t		 wmemo[(TAG_CLASSES_MAX + 1) * TAG_CLASSES_MAX];
	uint64_t	 wstamp[TAG_CLASSES_MAX + 1], stamp;
	/* The word caches of stages 1 and 2, the one of the sentence
	   being decoded, and its words' places in it. */
	struct wcache	 wc[2], *cur;
	uint32_t	*wix;
	size_t		 wixcap, wn;
};

/* otab_build's fill: a row's nclasses weights (*arg), as int16_t. */
static void
fill_weights(unsigned char *slot, const unsigned char *row, void *arg)
{
	int16_t	*w = (int16_t *)(void *)slot;
	size_t	 c, nc = *(const size_t *)arg;

	for (c = 0; c < nc; c++)
		w[c] = (int16_t)les16(row + 2 * c);
}

/*
 * Builds m->table from the nrows rows of the file at rows; m->nclasses is
 * set.  Returns 0, -1 with a message in err, or -2 if out of memory.
 */
static int
build_table(struct tag_model *m, const unsigned char *rows, size_t nrows,
    char *err, size_t errlen)
{
	size_t		 nc = m->nclasses, raw, p2, slotsize;
	int		 r;

	raw = (8 + 2 * nc + 7) & ~(size_t)7;
	for (p2 = 8; p2 < raw; p2 *= 2)
		;
	slotsize = p2 <= LINE && p2 * 4 <= raw * 5 ? p2 : raw;
	m->lanes = (slotsize - 8) / 2;
	r = otab_build_ordered(&m->table, rows, nrows, 8 + 2 * nc, slotsize,
	    fill_weights, &nc);
	if (r == -1)
		return feat_fail(err, errlen, "model rows out of order");
	return r;
}

static int	load(struct tag_model **, const unsigned char *, size_t,
		    const struct clusters *, int, char *, size_t);

/* The serial of the last model loaded: a word cache never takes one
   model for another, even one loaded where a freed one was. */
static atomic_ulong model_serial;

int
tag_model_load_mem(struct tag_model **mp, const unsigned char *p, size_t n,
    char *err, size_t errlen)
{
	return tag_model_load_mem_with(mp, p, n, NULL, err, errlen);
}

int
tag_model_load_mem_with(struct tag_model **mp, const unsigned char *p,
    size_t n, const struct clusters *cl, char *err, size_t errlen)
{
	return load(mp, p, n, cl, 1, err, errlen);
}

int
tag_model_load_builtin(struct tag_model **mp, const unsigned char *p,
    size_t n, const struct clusters *cl, char *err, size_t errlen)
{
	return load(mp, p, n, cl, 0, err, errlen);
}

/* The loaders above; checksum: whether to check the file's CRC. */
static int
load(struct tag_model **mp, const unsigned char *p, size_t n,
    const struct clusters *cl, int checksum, char *err, size_t errlen)
{
	struct tag_model *m;
	struct clusters	*ownedcl = NULL;
	const unsigned char *cp;
	size_t		 off, nc, nrows, rowsize, i, j, cn;
	uint32_t	 u, version, task, stages, fver, clid, beam, dsize;
	int		 r;
	float		 scale;

	*mp = NULL;
	if (n < 4)
		return feat_fail(err, errlen, n == 0 ||
		    memcmp(p, MODEL_MAGIC, n) == 0 ? "truncated model" :
		    "not a quire model");
	if (memcmp(p, MODEL_MAGIC, 4) != 0)
		return feat_fail(err, errlen, "not a quire model");
	if (n < HEADER_SIZE + 4)
		return feat_fail(err, errlen, "truncated model");
	version = le16(p + 4);
	if (version != MODEL_VERSION) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "unsupported model version %u",
			    (unsigned)version);
		return -1;
	}
	task = p[6];
	stages = p[7];
	fver = le32(p + 8);
	nc = le32(p + 12);
	nrows = le32(p + 16);
	u = le32(p + 20);
	memcpy(&scale, &u, sizeof(scale));
	beam = le32(p + 28);
	dsize = le32(p + 32);
	if (task != TAG_TASK_POS && task != TAG_TASK_NER)
		return feat_fail(err, errlen, "unknown model task");
	if (stages != 1 && stages != 2)
		return feat_fail(err, errlen, "bad number of stages in model");
	if (nc < 2 || nc > TAG_CLASSES_MAX)
		return feat_fail(err, errlen, "bad number of classes in model");
	/* Class names: each is a length byte and the bytes. */
	off = HEADER_SIZE;
	for (i = 0; i < nc; i++) {
		if (off >= n - 4 || p[off] > n - 4 - off - 1)
			return feat_fail(err, errlen, "truncated model");
		off += 1 + p[off];
	}
	if (dsize > n - 4 - off)
		return feat_fail(err, errlen, "truncated model");
	off += dsize;
	rowsize = 8 + 2 * nc;
	if (nrows > (n - 4 - off) / rowsize)
		return feat_fail(err, errlen, "truncated model");
	if (off + nrows * rowsize != n - 4)
		return feat_fail(err, errlen,
		    "model size does not match its header");
	if (checksum && feat_crc32(0, p, n - 4) != le32(p + n - 4))
		return feat_fail(err, errlen, "checksum mismatch");
	if (fver != FEAT_VERSION)
		return feat_fail(err, errlen,
		    "model was trained with other features");
	if (!(scale > 0) || !isfinite(scale))
		return feat_fail(err, errlen, "bad weight scale in model");
	if (beam < 1 || beam > BEAM_MAX)
		return feat_fail(err, errlen, "bad beam width in model");
	clid = le32(p + 24);
	if (clid == 0)
		cl = NULL;
	else if (cl == NULL) {
		cp = models_clusters(&cn);
		if ((r = clusters_load_mem(&ownedcl, cp, cn, err, errlen)) !=
		    0)
			return r;
		cl = ownedcl;
	}
	if (cl != NULL && clusters_id(cl) != clid) {
		clusters_free(ownedcl);
		return feat_fail(err, errlen,
		    "model was trained with other word clusters");
	}

	if ((m = calloc(1, sizeof(*m))) == NULL) {
		clusters_free(ownedcl);
		return -2;
	}
	m->serial = atomic_fetch_add(&model_serial, 1) + 1;
	m->cl = cl;
	m->ownedcl = ownedcl;
	m->task = (enum tag_task)task;
	m->stages = (int)stages;
	m->nclasses = nc;
	m->scale = scale;
	m->beam = beam;
	off = HEADER_SIZE;
	for (i = 0; i < nc; i++) {
		size_t	 len = p[off];

		if (!feat_name_ok(p + off + 1, len, TAG_NAME_MAX)) {
			tag_model_free(m);
			return feat_fail(err, errlen,
			    "bad class name in model");
		}
		memcpy(m->names[i], p + off + 1, len);
		m->names[i][len] = '\0';
		m->lens[i] = len;
		m->nameptr[i] = m->names[i];
		for (j = 0; j < i; j++)
			if (strcmp(m->names[j], m->names[i]) == 0) {
				tag_model_free(m);
				return feat_fail(err, errlen,
				    "duplicate class name in model");
			}
		off += 1 + len;
	}
	if (dsize > 0 && (r = tagdict_load_mem(&m->dict, p + off, dsize, err,
	    errlen)) != 0) {
		tag_model_free(m);
		return r;
	}
	off += dsize;
	m->classes.names = m->nameptr;
	m->classes.lens = m->lens;
	m->classes.n = nc;
	for (j = 0; j < nc; j++) {
		m->allowed[j] = (unsigned char)feat_bio_allowed(NULL,
		    m->names[j]);
		for (i = 0; i < nc; i++)
			m->allowed[(i + 1) * TAG_CLASSES_MAX + j] =
			    (unsigned char)feat_bio_allowed(m->names[i],
			    m->names[j]);
	}
	m->nrows = nrows;
	if ((r = build_table(m, p + off, nrows, err, errlen)) != 0) {
		tag_model_free(m);
		return r;
	}
	*mp = m;
	return 0;
}

int
tag_model_load_file(struct tag_model **mp, const char *path, char *err,
    size_t errlen)
{
	return tag_model_load_file_with(mp, path, NULL, err, errlen);
}

int
tag_model_load_file_with(struct tag_model **mp, const char *path,
    const struct clusters *cl, char *err, size_t errlen)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	*mp = NULL;
	/* The message leaves the path to the caller, as for bad bytes. */
	if ((r = buf_read_file(&b, path)) != 0) {
		buf_free(&b);
		return r == -2 ? -2 : feat_fail(err, errlen, strerror(errno));
	}
	if ((r = tag_model_load_mem_with(mp, b.p, b.len, cl, err, errlen)) !=
	    0) {
		buf_free(&b);
		return r;
	}
	/* The model keeps a table of its own. */
	buf_free(&b);
	return 0;
}

void
tag_model_free(struct tag_model *m)
{
	if (m == NULL)
		return;
	otab_free(&m->table);
	clusters_free(m->ownedcl);
	tagdict_free(m->dict);
	free(m);
}

enum tag_task
tag_model_task(const struct tag_model *m)
{
	return m->task;
}

size_t
tag_model_nclasses(const struct tag_model *m)
{
	return m->nclasses;
}

const char *
tag_model_class(const struct tag_model *m, size_t i)
{
	return i < m->nclasses ? m->names[i] : NULL;
}

int
tag_model_class_index(const struct tag_model *m, const char *name)
{
	size_t	 i;

	for (i = 0; i < m->nclasses; i++)
		if (strcmp(m->names[i], name) == 0)
			return (int)i;
	return -1;
}

/* A hint to start loading *p; nothing if the compiler has no way. */
#if defined(__GNUC__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

/* sc[0..lanes) += w[0..lanes); inlined with constant lanes, this is a
   few vector instructions. */
static inline void
add_row(int32_t *restrict sc, const int16_t *restrict w, size_t lanes)
{
	size_t	 c;

	for (c = 0; c < lanes; c++)
		sc[c] += w[c];
}

/*
 * Adds to sc[0..m->lanes) the weights of the rows of the nf hashes h[].
 * The home slot of feature k + AHEAD is fetched while feature k is looked
 * up, so that the cache misses of several features overlap instead of
 * queueing one behind the other; AHEAD is about the misses a core keeps
 * in flight (a dozen or so L1 fill buffers).
 */
#define AHEAD	16

static void
score(const struct tag_model *m, const uint64_t *h, size_t nf,
    uint64_t *g, const unsigned char **slot, int32_t *sc)
{
	const unsigned char *p;
	const int16_t	*w;
	size_t		 k;

	for (k = 0; k < nf && k < AHEAD; k++) {
		g[k] = otab_key(h[k]);
		slot[k] = otab_home(&m->table, g[k]);
		PREFETCH(slot[k]);
	}
	for (k = 0; k < nf; k++) {
		if (k + AHEAD < nf) {
			g[k + AHEAD] = otab_key(h[k + AHEAD]);
			slot[k + AHEAD] = otab_home(&m->table, g[k + AHEAD]);
			PREFETCH(slot[k + AHEAD]);
		}
		if ((p = otab_scan(&m->table, slot[k], g[k])) == NULL)
			continue;
		w = (const int16_t *)(const void *)(p + 8);
		switch (m->lanes) {
		case 12:
			add_row(sc, w, 12);
			break;
		case 20:
			add_row(sc, w, 20);
			break;
		default:
			add_row(sc, w, m->lanes);
			break;
		}
	}
}

/* Prepares sentence s for the features of model m; -1 if out of memory. */
static int
prepare(const struct tag_model *m, struct tag_work *w,
    const struct tag_sentence *s)
{
	if (feat_prepare(&w->fw, s, m->cl) == -1)
		return -1;
	return feat_lookup_dict(w->fw, m->dict);
}

/* Tags the sentence last given to feat_prepare, greedily, into out[]. */
static void
greedy(const struct tag_model *m, struct tag_work *w, size_t n, int *out)
{
	const unsigned char *allowed;
	size_t		 i, c, nf, nc = m->nclasses;
	int32_t		*sc = w->scores;
	int		 p1, p2, best;

	for (i = 0; i < n; i++) {
		p1 = i > 0 ? out[i - 1] : -1;
		p2 = i > 1 ? out[i - 2] : -1;
		nf = feat_extract(w->fw, m->task, i, p1, p2, &m->classes,
		    w->doc, w->h, NULL);
		memset(sc, 0, m->lanes * sizeof(*sc));
		score(m, w->h, nf, w->g, w->slot, sc);
		allowed = m->allowed + (size_t)(p1 + 1) * TAG_CLASSES_MAX;
		best = -1;
		for (c = 0; c < nc; c++)
			if (allowed[c] && (best < 0 || sc[c] > sc[best]))
				best = (int)c;
		out[i] = best;
	}
}

/* Stores in sc[0..nclasses) the scores of the nf features of w->h. */
static void
score_into(const struct tag_model *m, struct tag_work *w, size_t nf,
    int32_t *sc)
{
	memset(w->scores, 0, m->lanes * sizeof(*w->scores));
	score(m, w->h, nf, w->g, w->slot, w->scores);
	memcpy(sc, w->scores, m->nclasses * sizeof(*sc));
}

/* The key of a word of the word cache: as written, and its UPOS. */
static uint64_t
wc_key(const unsigned char *p, size_t len, int pos)
{
	return feat_hash(p, len) ^ otab_key((uint64_t)(pos + 1));
}

/* Frees the memory of c, which is then empty. */
static void
wc_free(struct wcache *c)
{
	free(c->slots);
	free(c->words);
	free(c->vec);
	free(c->hvec);
	free(c->hvalid);
	memset(c, 0, sizeof(*c));
}

/*
 * Makes c a cache of as many words of a model of nc classes as WC_BYTES
 * of scores hold, with their history scores if hist: 0, or -1 if out of
 * memory.  (hvalid has a bit for each p1 of fewer than 64 classes.)
 */
static int
wc_alloc(struct wcache *c, size_t nc, int hist)
{
	size_t	 per;

	wc_free(c);
	hist = hist && nc < 64;
	per = (WC_ROLES + (hist ? nc + 1 : 0)) * nc * sizeof(*c->vec);
	c->cap = WC_BYTES / per < WC_WORDS_MAX ? WC_BYTES / per :
	    WC_WORDS_MAX;
	for (c->nslots = 1; c->nslots < 2 * c->cap; c->nslots *= 2)
		;
	c->nc = nc;
	if ((c->slots = malloc(c->nslots * sizeof(*c->slots))) == NULL ||
	    (c->words = malloc(c->cap * sizeof(*c->words))) == NULL ||
	    (c->vec = malloc(c->cap * WC_ROLES * nc * sizeof(*c->vec))) ==
	    NULL || (c->hvalid = malloc(c->cap * sizeof(*c->hvalid))) ==
	    NULL || (hist && (c->hvec = malloc(c->cap * (nc + 1) * nc *
	    sizeof(*c->hvec))) == NULL)) {
		wc_free(c);
		return -1;
	}
	return 0;
}

/*
 * Empties c and makes it model m's, for the features of the sentence of n
 * words last given to feat_prepare, whose stage it keeps.
 */
static void
wc_reset(const struct tag_model *m, struct tag_work *w, struct wcache *c,
    size_t n)
{
	size_t	 nc = m->nclasses;
	int	 d;

	memset(c->slots, 0, c->nslots * sizeof(*c->slots));
	c->n = 0;
	c->model = m->serial;
	/* The edges: any place before (after) the sentence reads the same
	   "<s>" ("</s>"). */
	for (d = -2; d <= 2; d++)
		if (d != 0)
			score_into(m, w, feat_extract_word(w->fw, m->task,
			    d < 0 ? -1 : (long)n, d, w->h, NULL),
			    c->edge + (size_t)(d + 2) * nc);
}

/*
 * The index in c of word i of the sentence, added with its scores if new;
 * c has room for it.
 */
static uint32_t
wc_find(const struct tag_model *m, struct tag_work *w, struct wcache *c,
    size_t i)
{
	const unsigned char *p;
	struct wc_word	*e;
	size_t		 len, s;
	uint64_t	 key;
	uint32_t	 k;
	int		 pos, d;

	p = feat_word(w->fw, i, &len, &pos);
	key = wc_key(p, len, pos);
	for (s = (size_t)(otab_key(key) >> 32) & (c->nslots - 1);
	    (k = c->slots[s]) != 0; s = (s + 1) & (c->nslots - 1)) {
		e = &c->words[k - 1];
		if (e->key == key && e->len == len && e->pos == pos &&
		    memcmp(e->w, p, len) == 0)
			return k - 1;
	}
	k = (uint32_t)c->n++;
	c->slots[s] = k + 1;
	e = &c->words[k];
	e->key = key;
	e->len = (unsigned char)len;
	e->pos = (signed char)pos;
	memcpy(e->w, p, len);
	c->hvalid[k] = 0;
	for (d = -2; d <= 2; d++)
		score_into(m, w, feat_extract_word(w->fw, m->task, (long)i, d,
		    w->h, NULL), c->vec + ((size_t)k * WC_ROLES +
		    (size_t)(d + 2)) * c->nc);
	return k;
}

/*
 * Finds the n words of the sentence last given to feat_prepare in the word
 * cache of the stage its features are of (1 or 2), for beam_statics: 0,
 * or -1 if out of memory.  A sentence longer than the cache goes without.
 */
static int
wc_sentence(const struct tag_model *m, struct tag_work *w, size_t n,
    int stage)
{
	struct wcache	*c = &w->wc[stage - 1];
	size_t		 i;

	w->cur = NULL;
	if ((c->vec == NULL || c->nc != m->nclasses) && wc_alloc(c,
	    m->nclasses, stage == 1) == -1)
		return -1;
	if (n > c->cap)
		return 0;
	if (n > w->wixcap) {
		uint32_t *wix;

		if ((wix = realloc(w->wix, n * sizeof(*wix))) == NULL)
			return -1;
		w->wix = wix;
		w->wixcap = n;
	}
	if (c->model != m->serial || c->n + n > c->cap)
		wc_reset(m, w, c, n);
	for (i = 0; i < n; i++)
		w->wix[i] = wc_find(m, w, c, i);
	w->cur = c;
	w->wn = n;
	return 0;
}

/* The scores of the features of word i + d of the sentence read by word
   i, from the word cache (role d, -2..2). */
static const int32_t *
wc_role(const struct tag_work *w, size_t i, int d)
{
	const struct wcache *c = w->cur;
	long		 j = (long)i + d;
	size_t		 r = (size_t)(d + 2);

	if (j < 0 || (size_t)j >= w->wn)
		return c->edge + r * c->nc;
	return c->vec + ((size_t)w->wix[j] * WC_ROLES + r) * c->nc;
}

/*
 * The scores of the features of class p1 with word i
 * (feat_extract_hist_word), nclasses of them: from the word cache when
 * it keeps them (in stage 1 they read the word alone), else from w's
 * memo of the word.
 */
static const int32_t *
hist_word_scores(const struct tag_model *m, struct tag_work *w, size_t i,
    int p1)
{
	struct wcache	*c = w->cur;
	int32_t		*v;
	uint32_t	 k;
	uint64_t	 bit = (uint64_t)1 << (p1 + 1);

	if (c == NULL || c->hvec == NULL) {
		v = w->wmemo + (size_t)(p1 + 1) * TAG_CLASSES_MAX;
		if (w->wstamp[p1 + 1] != w->stamp) {
			score_into(m, w, feat_extract_hist_word(w->fw, m->task,
			    i, p1, &m->classes, w->h, NULL), v);
			w->wstamp[p1 + 1] = w->stamp;
		}
		return v;
	}
	k = w->wix[i];
	v = c->hvec + ((size_t)k * (c->nc + 1) + (size_t)(p1 + 1)) * c->nc;
	if (!(c->hvalid[k] & bit)) {
		score_into(m, w, feat_extract_hist_word(w->fw, m->task, i, p1,
		    &m->classes, w->h, NULL), v);
		c->hvalid[k] |= bit;
	}
	return v;
}

/* beam_ops for tag_predict: arg is the work area. */
static int
beam_statics(void *arg, size_t i, int64_t *sc)
{
	struct tag_work	*w = arg;
	const struct tag_model *m = w->m;
	const int32_t	*v[WC_ROLES];
	size_t		 c, r;
	int32_t		 t;

	memset(w->scores, 0, m->lanes * sizeof(*w->scores));
	w->stamp++;
	if (w->cur == NULL) {
		score(m, w->h, feat_extract_static(w->fw, m->task, i,
		    &m->classes, w->doc, w->h, NULL), w->g, w->slot,
		    w->scores);
		for (c = 0; c < m->nclasses; c++)
			sc[c] += w->scores[c];
		return 0;
	}
	score(m, w->h, feat_extract_context(w->fw, m->task, i, &m->classes,
	    w->doc, w->h, NULL), w->g, w->slot, w->scores);
	for (r = 0; r < WC_ROLES; r++)
		v[r] = wc_role(w, i, (int)r - 2);
	for (c = 0; c < m->nclasses; c++) {
		t = w->scores[c];
		for (r = 0; r < WC_ROLES; r++)
			t += v[r][c];
		sc[c] += t;
	}
	return 0;
}

/*
 * The history features of a beam's hypotheses repeat: those of the two
 * classes alone at every word, those of p1 with the word in every
 * hypothesis that ends in p1.  Each is looked up once (with a beam of 4,
 * tag over the news of bench/tag.sh took 6.6 s instead of 8.1).
 */
static int
beam_history(void *arg, size_t i, int p1, int p2, int64_t *sc)
{
	struct tag_work	*w = arg;
	const struct tag_model *m = w->m;
	size_t		 c, nc = m->nclasses;
	size_t		 ck = (size_t)(p1 + 1) * (nc + 1) + (size_t)(p2 + 1);
	int32_t		*cs = w->cmemo + ck * nc;
	const int32_t	*ws;

	if (!w->cvalid[ck]) {
		score_into(m, w, feat_extract_hist_classes(w->fw, p1, p2,
		    &m->classes, w->h, NULL), cs);
		w->cvalid[ck] = 1;
	}
	ws = hist_word_scores(m, w, i, p1);
	for (c = 0; c < nc; c++)
		sc[c] += cs[c] + ws[c];
	return 0;
}

/*
 * Makes room in w for a beam search over n words of model m in stage
 * stage.  The memo of the scores of the classes alone is emptied only for
 * another model or stage than the one it holds: the same serial is the
 * same model, even where a freed one was.  (Emptied for each sentence, it
 * cost 3% of tag --pos on news2.txt, in 18 x 18 pairs of UPOS classes
 * looked up again.)  Returns 0, or -1 if out of memory.
 */
static int
beam_room(const struct tag_model *m, struct tag_work *w, size_t n,
    int stage)
{
	size_t	 nk;

	if (n > w->bcap) {
		struct beam_hyp *hyps;
		size_t	*nh;

		if (n > SIZE_MAX / sizeof(*hyps) / BEAM_MAX)
			return -1;
		if ((hyps = realloc(w->hyps, n * BEAM_MAX *
		    sizeof(*hyps))) == NULL)
			return -1;
		w->hyps = hyps;
		if ((nh = realloc(w->nh, n * sizeof(*nh))) == NULL)
			return -1;
		w->nh = nh;
		w->bcap = n;
	}
	if (w->cvalid == NULL) {
		/* The largest model's: a work area may serve several. */
		nk = (TAG_CLASSES_MAX + 1) * (TAG_CLASSES_MAX + 1);
		if ((w->cmemo == NULL && (w->cmemo = malloc(nk *
		    TAG_CLASSES_MAX * sizeof(*w->cmemo))) == NULL) ||
		    (w->cvalid = malloc(nk)) == NULL)
			return -1;
		w->cmodel = 0;
	}
	if (w->cmodel != m->serial || w->cstage != stage) {
		nk = (m->nclasses + 1) * (m->nclasses + 1);
		memset(w->cvalid, 0, nk);
		w->cmodel = m->serial;
		w->cstage = stage;
	}
	return 0;
}

/*
 * Tags the sentence last given to feat_prepare into out[], with the
 * model's beam (beam.h); -1 if out of memory.
 */
static int
decode(const struct tag_model *m, struct tag_work *w, size_t n, int stage,
    int *out)
{
	struct beam_ops	 ops;
	size_t		 k = m->beam;

	if (k <= 1) {
		greedy(m, w, n, out);
		return 0;
	}
	if (beam_room(m, w, n, stage) == -1 || wc_sentence(m, w, n, stage) == -1)
		return -1;
	w->m = m;
	ops.statics = beam_statics;
	ops.history = beam_history;
	ops.arg = w;
	if (beam_search(&ops, n, k, m->nclasses, m->allowed, w->hyps, w->nh,
	    NULL, NULL) == -1)
		return -1;
	beam_path(w->hyps, k, n - 1, 0, out);
	return 0;
}

void
tag_model_set_beam(struct tag_model *m, size_t k)
{
	m->beam = k < 1 ? 1 : k > BEAM_MAX ? BEAM_MAX : k;
}

/* Makes room for n stage-1 classes in w->q; -1 if out of memory. */
static int
grow_q(struct tag_work *w, size_t n)
{
	int	*q;

	if (n <= w->qcap)
		return 0;
	if (n > SIZE_MAX / sizeof(*q) || (q = realloc(w->q, n *
	    sizeof(*q))) == NULL)
		return -1;
	w->q = q;
	w->qcap = n;
	return 0;
}

/*
 * Stage 1 of a two-stage NER model over the n sentences of a document:
 * their classes in w->q, in the document memory's counts; then the memory
 * forgets them as "last predicted", for stage 2.
 */
static int
doc_pass1(const struct tag_model *m, struct tag_work *w,
    const struct tag_sentence *sents, size_t n)
{
	size_t	 k, off, total = 0;

	for (k = 0; k < n; k++)
		total += sents[k].n;
	if (grow_q(w, total) == -1)
		return -1;
	for (k = 0, off = 0; k < n; off += sents[k].n, k++) {
		if (sents[k].n == 0)
			continue;
		if (prepare(m, w, &sents[k]) == -1)
			return -1;
		if (decode(m, w, sents[k].n, 1, w->q + off) == -1)
			return -1;
		if (feat_doc_record(w->doc, w->fw, w->q + off) == -1 ||
		    feat_doc_aggregate(w->doc, w->fw, w->q + off) == -1)
			return -1;
	}
	feat_doc_restart(w->doc);
	return 0;
}

int
tag_predict(const struct tag_model *m, const struct tag_sentence *s,
    int *out, struct tag_work **wp)
{
	struct tag_work	*w = *wp;
	const int	*q;

	if (w == NULL) {
		if ((w = calloc(1, sizeof(*w))) == NULL)
			return -1;
		*wp = w;
	}
	if (s->n == 0)
		return 0;
	/* Outside a document, an NER sentence is a document of its own, so
	   that the document features still say what they were trained to
	   say ("nothing known elsewhere") rather than go missing. */
	if (m->task == TAG_TASK_NER && !w->in_doc) {
		if (feat_doc_begin(&w->doc, &w->fw, s, 1) == -1)
			return -1;
		w->dsents = s;
		w->dn = 1;
		w->dk = 0;
		w->qoff = 0;
		w->pass1_done = 0;
	}
	q = NULL;
	if (m->stages == 2 && m->task == TAG_TASK_NER && w->dk < w->dn &&
	    s == &w->dsents[w->dk]) {
		/* Stage 1 goes over the whole document first. */
		if (!w->pass1_done && doc_pass1(m, w, w->dsents, w->dn) == -1)
			return -1;
		w->pass1_done = 1;
		q = w->q + w->qoff;
		w->qoff += s->n;
		w->dk++;
	} else if (m->stages == 2) {
		/* POS, or a sentence given out of its document's order. */
		w->dk = w->dn;
		if (grow_q(w, s->n) == -1 || prepare(m, w, s) == -1)
			return -1;
		if (decode(m, w, s->n, 1, w->q) == -1)
			return -1;
		q = w->q;
	}
	if (prepare(m, w, s) == -1)
		return -1;
	if (q != NULL)
		feat_stage(w->fw, 2, q);
	if (decode(m, w, s->n, q != NULL ? 2 : 1, out) == -1)
		return -1;
	/* Only NER reads the document memory: a POS model sharing the work
	   must not write its classes there. */
	if (m->task == TAG_TASK_NER && feat_doc_record(w->doc, w->fw, out) ==
	    -1)
		return -1;
	return 0;
}

int
tag_doc_begin(struct tag_work **wp, const struct tag_sentence *sents,
    size_t n)
{
	struct tag_work	*w = *wp;

	if (w == NULL) {
		if ((w = calloc(1, sizeof(*w))) == NULL)
			return -1;
		*wp = w;
	}
	w->in_doc = 0;
	if (feat_doc_begin(&w->doc, &w->fw, sents, n) == -1)
		return -1;
	w->in_doc = 1;
	w->dsents = sents;
	w->dn = n;
	w->dk = 0;
	w->qoff = 0;
	w->pass1_done = 0;
	return 0;
}

void
tag_doc_end(struct tag_work *w)
{
	if (w != NULL)
		w->in_doc = 0;
}

void
tag_work_free(struct tag_work *w)
{
	size_t	 i;

	if (w == NULL)
		return;
	feat_work_free(w->fw);
	feat_doc_free(w->doc);
	free(w->q);
	free(w->hyps);
	free(w->nh);
	free(w->cmemo);
	free(w->cvalid);
	for (i = 0; i < 2; i++)
		wc_free(&w->wc[i]);
	free(w->wix);
	free(w);
}

int
tag_model_encode(struct buf *out, enum tag_task task, size_t nc,
    const char *const *names, size_t nrows, const uint64_t *hashes,
    const int16_t *weights, float scale, uint32_t clusters, int stages,
    size_t beam)
{
	return tag_model_encode_dict(out, task, nc, names, nrows, hashes,
	    weights, scale, clusters, stages, beam, NULL, 0);
}

int
tag_model_encode_dict(struct buf *out, enum tag_task task, size_t nc,
    const char *const *names, size_t nrows, const uint64_t *hashes,
    const int16_t *weights, float scale, uint32_t clusters, int stages,
    size_t beam, const unsigned char *dict, size_t dictlen)
{
	unsigned char	 hdr[HEADER_SIZE], *p;
	size_t		 start = out->len, i, j, len, rowsize, size;
	uint32_t	 u;

	if ((task != TAG_TASK_POS && task != TAG_TASK_NER) ||
	    (stages != 1 && stages != 2) || beam < 1 || beam > BEAM_MAX ||
	    nc < 2 ||
	    nc > TAG_CLASSES_MAX || nrows > UINT32_MAX ||
	    !(scale > 0) || !isfinite(scale) || dictlen > UINT32_MAX)
		return -1;
	size = HEADER_SIZE + 4 + dictlen;
	for (i = 0; i < nc; i++) {
		len = strlen(names[i]);
		if (!feat_name_ok((const unsigned char *)names[i], len,
		    TAG_NAME_MAX))
			return -1;
		for (j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0)
				return -1;
		size += 1 + len;
	}
	for (i = 1; i < nrows; i++)
		if (otab_key(hashes[i]) <= otab_key(hashes[i - 1]))
			return -1;
	rowsize = 8 + 2 * nc;
	if (nrows > (SIZE_MAX - size) / rowsize)
		return -2;
	size += nrows * rowsize;
	if (buf_reserve(out, size) == -1)
		return -2;

	memcpy(hdr, MODEL_MAGIC, 4);
	put16(hdr + 4, MODEL_VERSION);
	hdr[6] = (unsigned char)task;
	hdr[7] = (unsigned char)stages;
	put32(hdr + 8, FEAT_VERSION);
	put32(hdr + 12, (uint32_t)nc);
	put32(hdr + 16, (uint32_t)nrows);
	memcpy(&u, &scale, sizeof(u));
	put32(hdr + 20, u);
	put32(hdr + 24, clusters);
	put32(hdr + 28, (uint32_t)beam);
	put32(hdr + 32, (uint32_t)dictlen);
	p = out->p + out->len;
	memcpy(p, hdr, HEADER_SIZE);
	p += HEADER_SIZE;
	for (i = 0; i < nc; i++) {
		len = strlen(names[i]);
		*p++ = (unsigned char)len;
		memcpy(p, names[i], len);
		p += len;
	}
	if (dictlen > 0)
		memcpy(p, dict, dictlen);
	p += dictlen;
	for (i = 0; i < nrows; i++) {
		put64(p, hashes[i]);
		p += 8;
		for (j = 0; j < nc; j++, p += 2)
			put16(p, (uint16_t)weights[i * nc + j]);
	}
	put32(p, feat_crc32(0, out->p + start, size - 4));
	out->len = start + size;
	return 0;
}
