/*
 * keypoints: sentence scoring and selection for extract-keypoints (see
 * keypoints.h for the method and its sources).
 *
 * Per document: the splitter gives tokens and sentences; each word or
 * number token is lower-cased, stemmed and interned in a term table (open
 * addressing, ids in order of first appearance, so nothing depends on the
 * hash); each sentence keeps its sorted (term, count) list; document
 * frequencies come from those lists; cosine similarities fill an m x m
 * matrix (m = sentences, at most KP_GRAPH_MAX) that both TextRank and MMR
 * use.  All buffers belong to the engine and are reused from one document
 * to the next.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "boiler.h"
#include "buf.h"
#include "keypoints.h"
#include "qmath.h"
#include "sentence.h"
#include "stopwords.h"
#include "token.h"

#define KP_TERM_TITLE	0x02

struct kp_term {
	size_t		 off, len;	/* in the pool */
	uint32_t	 hash;
	unsigned	 flags;
	size_t		 df;		/* sentences holding it */
	size_t		 last;		/* last sentence counted in df, + 1 */
	double		 idf;
};

/* A (term, count) pair of a sentence's vector. */
struct kp_tf {
	size_t		 id;
	double		 w;		/* count, then tf-idf weight */
};

struct kp {
	struct kp_config cfg;
	struct tok_vec	 toks;
	struct sent_vec	 sents;
	struct sent_vec	 cut;		/* scratch for kp_cut_furniture */
	struct tok_vec	 ttoks;		/* the title's tokens */
	struct kp_sent	*s;
	size_t		 ns, scap;
	size_t		*picks;
	size_t		 npicks, pcap;
	/* terms */
	struct kp_term	*terms;
	size_t		 nterms, tcap;
	size_t		*slots;		/* hash table: id + 1, 0 empty */
	size_t		 nslots;
	struct buf	 pool;
	struct buf	 word;		/* scratch for one folded word */
	/* vectors: sentence i is vec[vstart[i] .. vstart[i + 1]) */
	struct kp_tf	*vec;
	size_t		 nvec, vcap;
	size_t		*vstart;
	double		*norm;
	size_t		 vscap, ncap;
	size_t		*ids;		/* scratch: one sentence's term ids */
	size_t		 icap;
	double		*sim;		/* m x m */
	size_t		 simcap;
	double		*rank, *score;
	unsigned char	*eligible;
	size_t		 rcap, sccap, ecap;
	/* the entity model's input and output, with cfg.ner */
	const unsigned char **words;
	size_t		*lens;
	int		*classes;
	size_t		 wcap, lcap, ccap;
	struct tag_sentence *tsents;
	size_t		 tscap;
	struct tag_work	*work;
};

static const char *const kp_feature_names[KP_NFEATURES] = {
	[KP_POSITION] = "position",
	[KP_CENTRALITY] = "centrality",
	[KP_TITLE] = "title",
	[KP_LENGTH] = "length",
	[KP_DENSITY] = "density",
};

/*
 * Fitted on the train split by tools/fit_keypoints.py: the position prior
 * from the labels of the train articles, then these weights, from hand-set
 * ones, for the best smallest margin over LEAD-3 on CNN and TextRank on
 * BBC.  On train, (R-1 + R-2) / 2 F1: CNN 20.45 (LEAD-3 19.94), BBC 72.66
 * (TextRank 70.60).  MMR's lambda (0.95, kp_config_init) was chosen after,
 * on train too.
 */
static const double kp_default_w[KP_NFEATURES] = {
	[KP_POSITION] = 1.00,
	[KP_CENTRALITY] = 0.60,
	[KP_TITLE] = 0.80,
	[KP_LENGTH] = 0.20,
	[KP_DENSITY] = 0.50,
};

/* The position prior (keypoints.h), learned by tools/fit_keypoints.py:
 * the mean of the CNN and BBC tables, CNN's falling faster (its
 * highlights come from the lead), BBC's flatter (its summaries take about
 * 45% of the sentences). */
static const double kp_default_pos_abs[KP_POS_BUCKETS] = {
	0.94, 0.70, 0.59, 0.43, 0.42, 0.35, 0.28
};
static const double kp_default_pos_rel[KP_POS_QUARTERS] = {
	0.06, 0.05, 0.05, 0.00
};

void
kp_config_init(struct kp_config *c)
{
	memset(c, 0, sizeof(*c));
	c->n = 3;
	c->lambda = 0.95;
	c->damping = 0.85;
	memcpy(c->w, kp_default_w, sizeof(c->w));
	memcpy(c->pos_abs, kp_default_pos_abs, sizeof(c->pos_abs));
	memcpy(c->pos_rel, kp_default_pos_rel, sizeof(c->pos_rel));
}

size_t
kp_position_bucket(size_t i)
{
	if (i < 4)
		return i;
	if (i < 6)
		return 4;
	return i < 10 ? 5 : 6;
}

double
kp_position(const struct kp_config *c, size_t i, size_t n)
{
	size_t	 q;
	double	 v;

	if (i >= n)
		return 0;
	q = i * KP_POS_QUARTERS / n;
	v = c->pos_abs[kp_position_bucket(i)] + c->pos_rel[q];
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

const char *
kp_feature_name(enum kp_feature f)
{
	return (unsigned)f < KP_NFEATURES ? kp_feature_names[f] : "?";
}

struct kp *
kp_new(const struct kp_config *c)
{
	struct kp	*k;

	if ((k = calloc(1, sizeof(*k))) == NULL)
		return NULL;
	k->cfg = *c;
	return k;
}

void
kp_stem(unsigned char *w, size_t *len)
{
	size_t	 n = *len;

	if (n <= 3 || w[n - 1] != 's')
		return;
	if (w[n - 2] == 's' || w[n - 2] == 'u' || w[n - 2] == 'i' ||
	    w[n - 2] == '\'')
		return;
	if (n > 4 && w[n - 2] == 'e' && w[n - 3] == 'i') {
		w[n - 3] = 'y';
		*len = n - 2;
		return;
	}
	if (n > 4 && w[n - 2] == 'e' && (w[n - 3] == 'x' || w[n - 3] == 'z' ||
	    (w[n - 3] == 'h' && (w[n - 4] == 'c' || w[n - 4] == 's')) ||
	    (w[n - 3] == 's' && w[n - 4] == 's'))) {
		*len = n - 2;
		return;
	}
	*len = n - 1;
}

static uint32_t
kp_hash(const unsigned char *p, size_t n)
{
	uint32_t h = 2166136261u;
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static int
kp_rehash(struct kp *k, size_t nslots)
{
	size_t	*s, i, j;

	if ((s = calloc(nslots, sizeof(*s))) == NULL)
		return -1;
	for (i = 0; i < k->nterms; i++) {
		j = k->terms[i].hash & (nslots - 1);
		while (s[j] != 0)
			j = (j + 1) & (nslots - 1);
		s[j] = i + 1;
	}
	free(k->slots);
	k->slots = s;
	k->nslots = nslots;
	return 0;
}

/*
 * The id of the folded word w[0..n), interned if add is set; returns
 * (size_t)-1 if absent (add unset) and (size_t)-2 if out of memory.
 */
static size_t
kp_intern(struct kp *k, const unsigned char *w, size_t n, int add)
{
	struct kp_term	*t;
	uint32_t	 h = kp_hash(w, n);
	size_t		 j, id;

	if (k->nslots == 0 && kp_rehash(k, 1024) == -1)
		return (size_t)-2;
	j = h & (k->nslots - 1);
	while ((id = k->slots[j]) != 0) {
		t = &k->terms[id - 1];
		if (t->hash == h && t->len == n &&
		    memcmp(k->pool.p + t->off, w, n) == 0)
			return id - 1;
		j = (j + 1) & (k->nslots - 1);
	}
	if (!add)
		return (size_t)-1;
	if (qmath_grow(&k->terms, &k->tcap, k->nterms + 1, sizeof(*k->terms))
	    == -1)
		return (size_t)-2;
	t = &k->terms[k->nterms];
	t->off = k->pool.len;
	t->len = n;
	t->hash = h;
	t->df = 0;
	t->last = 0;
	t->idf = 0;
	t->flags = 0;
	if (buf_append(&k->pool, w, n) == -1)
		return (size_t)-2;
	k->slots[j] = ++k->nterms;
	if (k->nterms * 2 > k->nslots &&
	    kp_rehash(k, k->nslots * 2) == -1)
		return (size_t)-2;
	return k->nterms - 1;
}

/* Folds token t of text s into k->word: lower case, then stemmed. */
static int
kp_fold(struct kp *k, const unsigned char *s, const struct tok *t)
{
	buf_clear(&k->word);
	if (stop_lower(s + t->start, t->end - t->start, &k->word) == -1)
		return -1;
	return 0;
}

/*
 * The term id of token t, or (size_t)-1 for a token that is no content
 * word (punctuation, a stop word), (size_t)-2 if out of memory.  The stop
 * list is asked about the unstemmed word, then the stem is interned.
 */
static size_t
kp_term_of(struct kp *k, const unsigned char *s, const struct tok *t,
    int add)
{
	size_t	 len;

	if (t->kind != TOK_WORD && t->kind != TOK_NUMBER)
		return (size_t)-1;
	if (kp_fold(k, s, t) == -1)
		return (size_t)-2;
	if (stop_find(k->cfg.stop, k->word.p, k->word.len))
		return (size_t)-1;
	len = k->word.len;
	if (t->kind == TOK_WORD)
		kp_stem(k->word.p, &len);
	return kp_intern(k, k->word.p, len, add);
}

static int
kp_id_cmp(const void *a, const void *b)
{
	size_t	 x = *(const size_t *)a, y = *(const size_t *)b;

	return (x > y) - (x < y);
}

/* Builds sentence i's (term, count) list from its tokens; 0 or -1. */
static int
kp_sentence_terms(struct kp *k, const unsigned char *s, size_t i)
{
	const struct sent_span *sp = &k->sents.v[i];
	struct kp_sent	*ks = &k->s[i];
	const struct tok *t;
	size_t		 j, m = 0, id, caps = 0, nums = 0;

	if (qmath_grow(&k->ids, &k->icap, sp->tok_end - sp->tok_start + 1,
	    sizeof(*k->ids)) == -1)
		return -1;
	ks->words = 0;
	for (j = sp->tok_start; j < sp->tok_end; j++) {
		t = &k->toks.v[j];
		if (t->kind == TOK_NUMBER)
			nums++;
		else if (t->kind == TOK_WORD && j > sp->tok_start &&
		    (t->flags & TOK_UPPER_INITIAL))
			caps++;
		if (t->kind == TOK_WORD || t->kind == TOK_NUMBER)
			ks->words++;
		id = kp_term_of(k, s, t, 1);
		if (id == (size_t)-2)
			return -1;
		if (id != (size_t)-1)
			k->ids[m++] = id;
	}
	ks->boiler = boiler_kind(s, k->toks.v + sp->tok_start,
	    sp->tok_end - sp->tok_start);
	ks->f[KP_DENSITY] = ks->words > 0 ?
	    (double)(caps + nums) / (double)ks->words : 0;
	if (ks->f[KP_DENSITY] > 1)
		ks->f[KP_DENSITY] = 1;
	if (m > 1)
		qsort(k->ids, m, sizeof(*k->ids), kp_id_cmp);
	if (qmath_grow(&k->vec, &k->vcap, k->nvec + m, sizeof(*k->vec)) == -1)
		return -1;
	k->vstart[i] = k->nvec;
	for (j = 0; j < m; j++) {
		if (j > 0 && k->ids[j] == k->ids[j - 1]) {
			k->vec[k->nvec - 1].w += 1;
			continue;
		}
		k->vec[k->nvec].id = k->ids[j];
		k->vec[k->nvec].w = 1;
		k->nvec++;
		if (k->terms[k->ids[j]].last != i + 1) {
			k->terms[k->ids[j]].last = i + 1;
			k->terms[k->ids[j]].df++;
		}
	}
	k->vstart[i + 1] = k->nvec;
	return 0;
}

static double
kp_dot(const struct kp *k, size_t a, size_t b)
{
	size_t	 i = k->vstart[a], ie = k->vstart[a + 1];
	size_t	 j = k->vstart[b], je = k->vstart[b + 1];
	double	 d = 0;

	while (i < ie && j < je) {
		if (k->vec[i].id < k->vec[j].id)
			i++;
		else if (k->vec[i].id > k->vec[j].id)
			j++;
		else
			d += k->vec[i++].w * k->vec[j++].w;
	}
	return d;
}

int
kp_textrank(const double *sim, size_t n, double d, double *out)
{
	double	*deg, *next, delta, sum;
	size_t	 i, j, it;

	if (n == 0)
		return 0;
	if ((deg = calloc(n, sizeof(*deg))) == NULL)
		return -1;
	if ((next = calloc(n, sizeof(*next))) == NULL) {
		free(deg);
		return -1;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++)
			if (j != i)
				deg[i] += sim[i * n + j];
		out[i] = 1.0 / (double)n;
	}
	for (it = 0; it < 100; it++) {
		delta = 0;
		for (i = 0; i < n; i++) {
			sum = 0;
			for (j = 0; j < n; j++)
				if (j != i && sim[i * n + j] > 0)
					sum += sim[i * n + j] / deg[j] * out[j];
			next[i] = (1 - d) / (double)n + d * sum;
			delta += qmath_fabs(next[i] - out[i]);
		}
		memcpy(out, next, n * sizeof(*out));
		if (delta < 1e-6)
			break;
	}
	free(deg);
	free(next);
	return 0;
}

long
kp_mmr(const double *score, const double *sim, const unsigned char *eligible,
    size_t n, size_t k, double lambda, size_t *out)
{
	double	*maxsim, best, v, top = 0;
	unsigned char *taken;
	size_t	 i, p, npick = 0, bi;

	if (n == 0 || k == 0)
		return 0;
	if ((maxsim = calloc(n, sizeof(*maxsim))) == NULL)
		return -1;
	if ((taken = calloc(n, 1)) == NULL) {
		free(maxsim);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (score[i] > top)
			top = score[i];
	if (top <= 0)
		top = 1;
	while (npick < k) {
		bi = n;
		best = 0;
		for (i = 0; i < n; i++) {
			if (taken[i] || (eligible != NULL && !eligible[i]))
				continue;
			v = lambda * score[i] / top - (1 - lambda) * maxsim[i];
			/* Strictly greater: ties go to the earlier item. */
			if (bi == n || v > best) {
				bi = i;
				best = v;
			}
		}
		if (bi == n)
			break;
		taken[bi] = 1;
		out[npick++] = bi;
		if (sim == NULL)
			continue;
		for (p = 0; p < n; p++)
			if (sim[bi * n + p] > maxsim[p])
				maxsim[p] = sim[bi * n + p];
	}
	free(maxsim);
	free(taken);
	return (long)npick;
}

/* Marks the title's content terms; returns how many distinct, or -1. */
static long
kp_title_terms(struct kp *k, const unsigned char *title, size_t tlen)
{
	size_t	 i, id;
	long	 nt = 0;

	if (tlen == 0)
		return 0;
	/* tok_split appends. */
	k->ttoks.n = 0;
	if (tok_split(title, tlen, NULL, NULL, &k->ttoks) == -1)
		return -1;
	for (i = 0; i < k->ttoks.n; i++) {
		id = kp_term_of(k, title, &k->ttoks.v[i], 1);
		if (id == (size_t)-2)
			return -1;
		if (id == (size_t)-1 || (k->terms[id].flags & KP_TERM_TITLE))
			continue;
		k->terms[id].flags |= KP_TERM_TITLE;
		nt++;
	}
	return nt;
}

static double
kp_length_feature(size_t w)
{
	if (w >= 120)
		return 0;
	if (w > 60)
		return (120.0 - (double)w) / 60.0;
	return (w < 20 ? (double)w : 20.0) / 20.0;
}

static int
kp_push_span(struct sent_vec *v, const struct tok *t, size_t a, size_t b,
    size_t end, int para)
{
	if (qmath_grow(&v->v, &v->cap, v->n + 1, sizeof(*v->v)) == -1)
		return -1;
	v->v[v->n].start = t[a].start;
	v->v[v->n].end = end;
	v->v[v->n].tok_start = a;
	v->v[v->n].tok_end = b;
	v->v[v->n].para_start = para;
	v->n++;
	return 0;
}

/*
 * The splitter runs lines without a blank between them together, so a
 * byline or a caption on its own line would join the sentence below it
 * ("By Jane Roe\nPhoto: AP\nThe council voted ...").  Cuts each sentence
 * after any run of its first lines that is page furniture (boiler.h).
 * Returns 0, or -1 if out of memory.
 */
static int
kp_cut_furniture(struct kp *k, const unsigned char *s)
{
	const struct tok *t = k->toks.v;
	const struct sent_span *sp;
	struct sent_vec	 tmp;
	size_t		 i, j, a;
	int		 cut = 0;

	k->cut.n = 0;
	for (i = 0; i < k->sents.n; i++) {
		sp = &k->sents.v[i];
		a = sp->tok_start;
		for (j = a + 1; j < sp->tok_end; j++) {
			if (!(t[j].flags & TOK_NEWLINE_BEFORE) ||
			    boiler_kind(s, t + a, j - a) == BOILER_CONTENT)
				continue;
			if (kp_push_span(&k->cut, t, a, j, t[j - 1].end,
			    a == sp->tok_start && sp->para_start) == -1)
				return -1;
			a = j;
			cut = 1;
		}
		if (kp_push_span(&k->cut, t, a, sp->tok_end, sp->end,
		    a == sp->tok_start && sp->para_start) == -1)
			return -1;
	}
	if (cut) {
		tmp = k->sents;
		k->sents = k->cut;
		k->cut = tmp;
	}
	return 0;
}

/*
 * Density by the entity model: per sentence, numbers and the words of
 * named entities (any class but "O") over the words, the whole document
 * tagged in order (tag_doc_begin) as tag(1) does.  0, or -1 if out of
 * memory.
 */
static int
kp_entity_density(struct kp *k, const unsigned char *s)
{
	const struct sent_span *sp;
	const struct tok *t;
	struct kp_sent	*ks;
	size_t		 i, j, nt = k->toks.n, ns = k->sents.n, hits;
	int		 o;

	if (ns == 0)
		return 0;
	if (qmath_grow(&k->words, &k->wcap, nt + 1, sizeof(*k->words)) == -1 ||
	    qmath_grow(&k->lens, &k->lcap, nt + 1, sizeof(*k->lens)) == -1 ||
	    qmath_grow(&k->classes, &k->ccap, nt + 1, sizeof(*k->classes)) ==
	    -1 || qmath_grow(&k->tsents, &k->tscap, ns, sizeof(*k->tsents)) ==
	    -1)
		return -1;
	for (i = 0; i < nt; i++) {
		k->words[i] = s + k->toks.v[i].start;
		k->lens[i] = k->toks.v[i].end - k->toks.v[i].start;
	}
	for (i = 0; i < ns; i++) {
		sp = &k->sents.v[i];
		k->tsents[i].words = k->words + sp->tok_start;
		k->tsents[i].lens = k->lens + sp->tok_start;
		k->tsents[i].n = sp->tok_end - sp->tok_start;
		k->tsents[i].pos = NULL;
		k->tsents[i].flags = i == 0 ? TAG_SENT_DOC_START : 0;
	}
	o = tag_model_class_index(k->cfg.ner, "O");
	if (tag_doc_begin(&k->work, k->tsents, ns) == -1)
		return -1;
	for (i = 0; i < ns; i++) {
		sp = &k->sents.v[i];
		ks = &k->s[i];
		if (tag_predict(k->cfg.ner, &k->tsents[i], k->classes +
		    sp->tok_start, &k->work) == -1) {
			tag_doc_end(k->work);
			return -1;
		}
		hits = 0;
		for (j = sp->tok_start; j < sp->tok_end; j++) {
			t = &k->toks.v[j];
			if (t->kind == TOK_NUMBER || (t->kind == TOK_WORD &&
			    k->classes[j] != o))
				hits++;
		}
		ks->f[KP_DENSITY] = ks->words > 0 ?
		    (double)hits / (double)ks->words : 0;
		if (ks->f[KP_DENSITY] > 1)
			ks->f[KP_DENSITY] = 1;
	}
	tag_doc_end(k->work);
	return 0;
}

/* Resets the per-document state, keeping the memory. */
static void
kp_reset(struct kp *k)
{
	k->ns = 0;
	k->npicks = 0;
	k->nterms = 0;
	k->nvec = 0;
	buf_clear(&k->pool);
	if (k->slots != NULL)
		memset(k->slots, 0, k->nslots * sizeof(*k->slots));
}

/*
 * A list item keeps its bullet in the text ("\u2022 Two members said...");
 * a key point is the sentence after it, so that --bullets never writes two
 * and offsets cover the words only.  Returns where sentence sp starts
 * without a leading bullet (sentence.h) and the blanks after it.
 */
static size_t
kp_skip_bullet(const struct kp *k, const unsigned char *s,
    const struct sent_span *sp)
{
	const struct tok *t = k->toks.v + sp->tok_start;

	if (sp->tok_end - sp->tok_start >= 2 && sent_is_bullet(s, t) &&
	    (t[1].flags & TOK_SPACE_BEFORE))
		return t[1].start;
	return sp->start;
}

int
kp_run(struct kp *k, const unsigned char *s, size_t n,
    const unsigned char *title, size_t tlen)
{
	struct sent_config sc;
	struct kp_sent	*ks;
	const struct kp_tf *v;
	size_t		 i, j, m, ns, nc, ic, want;
	long		 ntitle, got;
	double		 top, d, hit;

	kp_reset(k);
	memset(&sc, 0, sizeof(sc));
	sc.abbrev = k->cfg.abbrev;
	if (sent_split(&sc, s, n, &k->toks, &k->sents) == -1 ||
	    kp_cut_furniture(k, s) == -1)
		return -1;
	ns = k->sents.n;
	if (qmath_grow(&k->s, &k->scap, ns + 1, sizeof(*k->s)) == -1 ||
	    qmath_grow(&k->vstart, &k->vscap, ns + 1, sizeof(*k->vstart)) == -1 ||
	    qmath_grow(&k->norm, &k->ncap, ns + 1, sizeof(*k->norm)) == -1)
		return -1;
	if ((ntitle = kp_title_terms(k, title, tlen)) == -1)
		return -1;
	k->ns = ns;
	for (i = 0; i < ns; i++) {
		ks = &k->s[i];
		memset(ks, 0, sizeof(*ks));
		ks->start = kp_skip_bullet(k, s, &k->sents.v[i]);
		ks->end = k->sents.v[i].end;
		if (kp_sentence_terms(k, s, i) == -1)
			return -1;
	}
	if (k->cfg.ner != NULL && kp_entity_density(k, s) == -1)
		return -1;
	for (i = 0; i < k->nterms; i++)
		k->terms[i].idf = k->terms[i].df > 0 ?
		    qmath_ln((double)(ns + 1) / (double)k->terms[i].df) : 0;
	for (i = 0; i < ns; i++) {
		ks = &k->s[i];
		d = 0;
		hit = 0;
		for (j = k->vstart[i]; j < k->vstart[i + 1]; j++) {
			v = &k->vec[j];
			if (k->terms[v->id].flags & KP_TERM_TITLE)
				hit++;
			k->vec[j].w = (1 + qmath_ln(v->w)) * k->terms[v->id].idf;
			d += k->vec[j].w * k->vec[j].w;
		}
		k->norm[i] = qmath_sqrt(d);
		ks->f[KP_TITLE] = ntitle > 0 ? hit / (double)ntitle : 0;
		ks->f[KP_LENGTH] = kp_length_feature(ks->words);
	}
	m = ns < KP_GRAPH_MAX ? ns : KP_GRAPH_MAX;
	if (qmath_grow(&k->sim, &k->simcap, m * m + 1, sizeof(*k->sim)) == -1 ||
	    qmath_grow(&k->rank, &k->rcap, ns + 1, sizeof(*k->rank)) == -1 ||
	    qmath_grow(&k->score, &k->sccap, ns + 1, sizeof(*k->score)) == -1 ||
	    qmath_grow(&k->eligible, &k->ecap, ns + 1, 1) == -1 ||
	    qmath_grow(&k->picks, &k->pcap, ns + 1, sizeof(*k->picks)) == -1)
		return -1;
	for (i = 0; i < m; i++) {
		k->sim[i * m + i] = 1;
		for (j = i + 1; j < m; j++) {
			d = 0;
			if (k->norm[i] > 0 && k->norm[j] > 0)
				d = kp_dot(k, i, j) / (k->norm[i] * k->norm[j]);
			k->sim[i * m + j] = k->sim[j * m + i] = d;
		}
	}
	if (kp_textrank(k->sim, m, k->cfg.damping, k->rank) == -1)
		return -1;
	top = 0;
	for (i = 0; i < m; i++)
		if (k->rank[i] > top)
			top = k->rank[i];
	for (i = 0, nc = 0; i < ns; i++)
		if (k->s[i].words > 0 && k->s[i].boiler == BOILER_CONTENT)
			nc++;
	for (i = 0, ic = 0; i < ns; i++) {
		ks = &k->s[i];
		k->eligible[i] = ks->words > 0 && ks->boiler == BOILER_CONTENT;
		if (k->eligible[i])
			ks->f[KP_POSITION] = kp_position(&k->cfg, ic++, nc);
		ks->f[KP_CENTRALITY] = i < m && top > 0 ? k->rank[i] / top : 0;
		ks->score = 0;
		for (j = 0; j < KP_NFEATURES; j++)
			ks->score += k->cfg.w[j] * ks->f[j];
		k->score[i] = ks->score;
	}
	want = k->cfg.n;
	if (k->cfg.ratio > 0) {
		want = qmath_ceil(k->cfg.ratio * (double)ns);
		if (want < 1)
			want = 1;
	}
	/* Past the graph there are no similarities: MMR picks among the
	 * first m sentences, and if that is too few, the rest go by score. */
	got = kp_mmr(k->score, k->sim, k->eligible, m, want, k->cfg.lambda,
	    k->picks);
	if (got == -1)
		return -1;
	k->npicks = (size_t)got;
	for (i = 0; i < k->npicks; i++)
		k->s[k->picks[i]].rank = i + 1;
	while (k->npicks < want && ns > m) {
		size_t	 bi = ns;

		for (i = m; i < ns; i++)
			if (k->eligible[i] && k->s[i].rank == 0 &&
			    (bi == ns || k->score[i] > k->score[bi]))
				bi = i;
		if (bi == ns)
			break;
		k->picks[k->npicks++] = bi;
		k->s[bi].rank = k->npicks;
	}
	return 0;
}

const struct kp_sent *
kp_sentences(const struct kp *k, size_t *n)
{
	*n = k->ns;
	return k->s;
}

const size_t *
kp_picks(const struct kp *k, size_t *n)
{
	*n = k->npicks;
	return k->picks;
}

void
kp_free(struct kp *k)
{
	if (k == NULL)
		return;
	tok_vec_free(&k->toks);
	sent_vec_free(&k->sents);
	sent_vec_free(&k->cut);
	tok_vec_free(&k->ttoks);
	free(k->s);
	free(k->picks);
	free(k->terms);
	free(k->slots);
	buf_free(&k->pool);
	buf_free(&k->word);
	free(k->vec);
	free(k->vstart);
	free(k->norm);
	free(k->ids);
	free(k->sim);
	free(k->rank);
	free(k->score);
	free(k->eligible);
	free(k->words);
	free(k->lens);
	free(k->classes);
	free(k->tsents);
	tag_work_free(k->work);
	free(k);
}
