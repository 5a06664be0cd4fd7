/*
 * keyphrases: candidate phrases and their YAKE scores (see keyphrases.h
 * for the method and its source).
 *
 * Per document: the splitter gives tokens and sentences; each word or
 * number token becomes a term (lower case, plural folded), interned in a
 * table keyed by its bytes; left-right neighbours within a chunk are
 * counted in a table keyed by the pair of term ids (YAKE's co-occurrence
 * graph, window 1); candidates are interned in a table keyed by their term
 * ids.  The three tables are open addressing over indices into arrays
 * filled in order of first appearance, so nothing depends on the hash.
 * All buffers belong to the engine and are reused from one document to the
 * next.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "boiler.h"
#include "buf.h"
#include "keyphrases.h"
#include "keypoints.h"
#include "qmath.h"
#include "sentence.h"
#include "stem.h"
#include "stopwords.h"
#include "tagger.h"
#include "token.h"
#include "utf8.h"

/* An open-addressing table of indices into some array: slot i holds the
 * index + 1 of an item (0: empty); hash[] keeps each item's hash so the
 * table can grow without the items. */
/* ln of whole numbers below this come from a table (kph_lni): past the
 * number of documents behind the idf table, so that idf never needs
 * qmath_ln. */
#define KPH_NLN	16384

/* kph_rerank's pool, in multiples of the phrases asked for. */
#define KPH_POOL	3

struct kph_tab {
	size_t		*slots;
	size_t		 nslots;
	uint32_t	*hash;
	size_t		 n, hcap;
};

struct kph_term {
	size_t		 off, len;	/* in the key pool */
	size_t		 tf, tf_upper, tf_acro;
	size_t		 nsent, last;	/* distinct sentences; last + 1 */
	size_t		 dl, wl, dr, wr; /* distinct and all neighbours */
	int		 stop;
	double		 h;
	double		 idf;
};

struct kph_edge {
	size_t		 a, b;		/* a just left of b */
	size_t		 count;
};

/* The parts of speech candidates care about (kph->posmap). */
enum kph_pos {
	KPH_POS_OTHER,
	KPH_POS_NOUN,
	KPH_POS_PROPN,
	KPH_POS_ADJ,
	KPH_POS_VERB,
	KPH_POS_ADV,
	KPH_POS_NUM,
	KPH_NPOS
};

/* One lower-cased word form and its most frequent part of speech
 * (poslex_data.inc, from tools/learn_poslex.sh). */
struct kph_lex {
	const char	*word;
	size_t		 len;
	int		 pos;
};

#include "poslex_data.inc"

struct kph_cand {
	size_t		 ids[KPH_MAX_WORDS];
	size_t		 nids;
	size_t		 toff, tlen;	/* its text in k->text */
	size_t		 last;		/* token index of the last one */
	size_t		 fsent;		/* sentence of the first one */
	size_t		 nsent, lastsent; /* distinct sentences; last + 1 */
	size_t		 caps;		/* capitalized, not sentence-first */
	size_t		 pos[KPH_NPOS];	/* occurrences by the last word's */
	int		 subsumed;	/* never outside a longer one */
	int		 hyphen;	/* its text holds a '-' */
	size_t		 supers;	/* distinct longer ones holding it */
};

/* One word or number token in the document: its term and sentence. */
struct kph_occ {
	size_t		 term, sent;
};

struct kph {
	struct kph_config cfg;
	struct tok_vec	 toks, ttoks;
	struct sent_vec	 sents;
	struct buf	 word, keys, text;
	struct kph_term	*terms;
	size_t		 tcap;
	struct kph_tab	 ttab;
	struct kph_edge	*edges;
	size_t		 ecap;
	struct kph_tab	 etab;
	struct kph_cand	*cands;
	struct kph_phrase *ph;
	size_t		 ccap, phcap;
	struct kph_tab	 ctab;
	struct kph_occ	*occ, *socc;	/* in text order; by term */
	size_t		 nocc, ocap, socap;
	size_t		*ooff, oocap;	/* kph_occ_sort's offsets */
	size_t		*ranked, nranked, rcap;
	double		*tmp;
	size_t		 tmpcap;
	size_t		 nsent;		/* sentences read, title included */
	size_t		 ntok;		/* tokens read, for kph_phrase.first */
	/* the chunk being read: term ids, token starts and ends, kinds */
	size_t		 chunk[KPH_MAX_WORDS];
	size_t		 cstart[KPH_MAX_WORDS], cend[KPH_MAX_WORDS];
	size_t		 ctok[KPH_MAX_WORDS];
	int		 cnum[KPH_MAX_WORDS], cupper[KPH_MAX_WORDS];
	int		 cpos[KPH_MAX_WORDS], cinit[KPH_MAX_WORDS];
	size_t		 clen;
	/* the tagger's input and output for one sentence */
	const unsigned char **words;
	size_t		*lens;
	int		*classes;
	size_t		 wcap;
	struct tag_work	*tw;
	int		*posmap;	/* model class -> enum kph_pos */
	double		*ln;		/* ln[i] = ln i, 0 < i < KPH_NLN */
	const unsigned char *src;	/* the text the tokens point into */
	int		 lexpos;	/* kph_lex_pos of the last term read */
	int		 trees;		/* kph_rerank the best */
	uint32_t	*lexslots;	/* kph_lex_index */
	size_t		 nlexslots;
};

void
kph_config_init(struct kph_config *c)
{
	memset(c, 0, sizeof(*c));
	c->n = 10;
	c->max_words = 4;
	c->min_chars = 3;
	c->inner_stop = 0;
	c->drop_contained = 0;
	c->names_only = 1;
	c->tf_power = 3;
	c->method = KPH_FITTED;
}

/* The built-in weights of KPH_FITTED: bias, then one per feature, in the
 * order of enum kph_feature, fitted by tools/fit_keyphrases.py on the
 * candidates of the tagger (kph_nouns_w; --candidates=nouns), of the
 * part-of-speech lexicon (kph_lex_w; --candidates=lexicon) or of the
 * capitalization rule (kph_names_w; --candidates=names).  The lexicon's
 * best are then ranked again by boosted trees (kph_rerank). */
static const double kph_nouns_w[KPH_NLINEAR + 1] = {
	-5.353290,	/* bias */
	0.205051,	/* lntf */
	-0.374200,	/* tf1 */
	-0.146430,	/* tf2 */
	0.594394,	/* first */
	-0.476596,	/* lnsent */
	-0.368025,	/* sent0 */
	-0.061751,	/* sent1 */
	-0.154177,	/* spread */
	1.204973,	/* sents */
	-0.036373,	/* caps */
	2.854463,	/* words1 */
	0.969157,	/* words2 */
	3.478009,	/* chars */
	0.164631,	/* noun */
	-0.071426,	/* propn */
	0.130074,	/* adj */
	-0.009161,	/* verb */
	-1.031767,	/* adv */
	-0.925829,	/* num */
	0.044891,	/* idf */
	0.020569,	/* tfidf */
	-0.473995,	/* subsumed */
	0.937197,	/* cohesion */
	0.056715,	/* yake */
	-0.733805,	/* hyphen */
	-0.392685,	/* supers */
	0.166304	/* supers1 */
};

static const double kph_names_w[KPH_NLINEAR + 1] = {
	-5.773669,	/* bias */
	0.172207,	/* lntf */
	-0.437889,	/* tf1 */
	-0.156851,	/* tf2 */
	0.605572,	/* first */
	-0.461886,	/* lnsent */
	-0.373748,	/* sent0 */
	-0.103700,	/* sent1 */
	-0.149944,	/* spread */
	1.316255,	/* sents */
	0.088217,	/* caps */
	2.955614,	/* words1 */
	1.131912,	/* words2 */
	4.429532,	/* chars */
	0.000000,	/* noun */
	0.000000,	/* propn */
	0.000000,	/* adj */
	0.000000,	/* verb */
	0.000000,	/* adv */
	0.000000,	/* num */
	0.040502,	/* idf */
	0.017117,	/* tfidf */
	-0.788462,	/* subsumed */
	0.797340,	/* cohesion */
	0.067333,	/* yake */
	-1.002722,	/* hyphen */
	-0.522240,	/* supers */
	0.272644	/* supers1 */
};

static const double kph_lex_w[KPH_NLINEAR + 1] = {
	-5.244152,	/* bias */
	0.217618,	/* lntf */
	-0.375671,	/* tf1 */
	-0.144513,	/* tf2 */
	0.614291,	/* first */
	-0.483976,	/* lnsent */
	-0.319984,	/* sent0 */
	-0.065095,	/* sent1 */
	-0.157865,	/* spread */
	1.153786,	/* sents */
	-0.066997,	/* caps */
	2.900207,	/* words1 */
	0.980074,	/* words2 */
	3.318796,	/* chars */
	0.199667,	/* noun */
	0.022810,	/* propn */
	-0.035111,	/* adj */
	-0.139371,	/* verb */
	-1.043853,	/* adv */
	-0.963673,	/* num */
	0.033398,	/* idf */
	0.022446,	/* tfidf */
	-0.468255,	/* subsumed */
	0.928237,	/* cohesion */
	0.047008,	/* yake */
	-0.648939,	/* hyphen */
	-0.381539,	/* supers */
	0.151245	/* supers1 */
};

/* A split of the boosted trees that rank the lexicon's best candidates
 * again (kph_trees_data.inc, fitted by tools/fit_kph_trees): feature f
 * <= thr goes left.  Each tree is complete, its splits in heap order. */
struct kph_split {
	int		 f;
	double		 thr;
};

#include "kph_trees_data.inc"

/*
 * The leaf of tree t that features f reach.  The comparison picks the
 * child arithmetically (2i + 1 or 2i + 2), not by a branch: half of them
 * would be mispredicted, and they were most of the cost.
 */
static double
kph_tree_leaf(size_t t, const double *f)
{
	const struct kph_split *s = kph_tree_splits +
	    t * (((size_t)1 << KPH_TREE_DEPTH) - 1);
	size_t		 i = 0, d;

	for (d = 0; d < KPH_TREE_DEPTH; d++)
		i = 2 * i + 1 + (f[s[i].f] > s[i].thr);
	return kph_tree_leaves[(t << KPH_TREE_DEPTH) + i -
	    (((size_t)1 << KPH_TREE_DEPTH) - 1)];
}

/* Maps the tagger's classes to the parts of speech we look at. */
static int
kph_posmap(struct kph *k)
{
	static const char *const names[KPH_NPOS] = {
		"", "NOUN", "PROPN", "ADJ", "VERB", "ADV", "NUM"
	};
	size_t	 n = tag_model_nclasses(k->cfg.tagger), i;
	int	 p;

	if ((k->posmap = calloc(n + 1, sizeof(*k->posmap))) == NULL)
		return -1;
	for (p = 1; p < KPH_NPOS; p++) {
		i = (size_t)tag_model_class_index(k->cfg.tagger, names[p]);
		if (i < n)
			k->posmap[i] = p;
	}
	return 0;
}

static int	kph_lex_index(struct kph *);

struct kph *
kph_new(const struct kph_config *c)
{
	struct kph	*k;
	size_t		 i;

	if ((k = calloc(1, sizeof(*k))) == NULL)
		return NULL;
	k->cfg = *c;
	if (k->cfg.max_words < 1)
		k->cfg.max_words = 1;
	if (k->cfg.max_words > KPH_MAX_WORDS)
		k->cfg.max_words = KPH_MAX_WORDS;
	if ((k->ln = calloc(KPH_NLN, sizeof(*k->ln))) == NULL) {
		free(k);
		return NULL;
	}
	for (i = 1; i < KPH_NLN; i++)
		k->ln[i] = qmath_ln((double)i);
	/* The trees were fitted on the lexicon's candidates only. */
	k->trees = k->cfg.weights == NULL && k->cfg.tagger == NULL &&
	    k->cfg.lexicon;
	if (k->cfg.weights == NULL)
		k->cfg.weights = k->cfg.tagger != NULL ? kph_nouns_w :
		    k->cfg.lexicon ? kph_lex_w : kph_names_w;
	if ((k->cfg.tagger != NULL && kph_posmap(k) == -1) ||
	    (k->cfg.tagger == NULL && k->cfg.lexicon &&
	    kph_lex_index(k) == -1)) {
		free(k->posmap);
		free(k->ln);
		free(k);
		return NULL;
	}
	return k;
}

static uint32_t
kph_hash(uint32_t h, const void *pv, size_t n)
{
	const unsigned char *p = pv;
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 16777619u;
	}
	return h;
}

static int
kph_tab_rehash(struct kph_tab *t, size_t nslots)
{
	size_t	*s, i, j;

	if ((s = calloc(nslots, sizeof(*s))) == NULL)
		return -1;
	for (i = 0; i < t->n; i++) {
		j = t->hash[i] & (nslots - 1);
		while (s[j] != 0)
			j = (j + 1) & (nslots - 1);
		s[j] = i + 1;
	}
	free(t->slots);
	t->slots = s;
	t->nslots = nslots;
	return 0;
}

static void
kph_tab_clear(struct kph_tab *t)
{
	t->n = 0;
	if (t->slots != NULL)
		memset(t->slots, 0, t->nslots * sizeof(*t->slots));
}

static void
kph_tab_free(struct kph_tab *t)
{
	free(t->slots);
	free(t->hash);
}

/*
 * Looks up an item of hash h for which eq(k, index, key) holds.  Returns
 * its index; if absent, claims the next index (t->n before the call),
 * sets *added and returns it: the caller must then fill the item.  Returns
 * (size_t)-1 if out of memory.
 */
static size_t
kph_tab_get(struct kph *k, struct kph_tab *t, uint32_t h,
    int (*eq)(const struct kph *, size_t, const void *), const void *key,
    int *added)
{
	size_t	 j, id;

	*added = 0;
	if (t->nslots == 0 && kph_tab_rehash(t, 256) == -1)
		return (size_t)-1;
	j = h & (t->nslots - 1);
	while ((id = t->slots[j]) != 0) {
		if (t->hash[id - 1] == h && eq(k, id - 1, key))
			return id - 1;
		j = (j + 1) & (t->nslots - 1);
	}
	if (qmath_grow(&t->hash, &t->hcap, t->n + 1, sizeof(*t->hash)) == -1)
		return (size_t)-1;
	t->hash[t->n] = h;
	t->slots[j] = ++t->n;
	*added = 1;
	if (t->n * 2 > t->nslots && kph_tab_rehash(t, t->nslots * 2) == -1)
		return (size_t)-1;
	return t->n - 1;
}

static int
kph_term_eq(const struct kph *k, size_t i, const void *key)
{
	const struct buf *w = key;

	return k->terms[i].len == w->len &&
	    memcmp(k->keys.p + k->terms[i].off, w->p, w->len) == 0;
}

static int
kph_edge_eq(const struct kph *k, size_t i, const void *key)
{
	const size_t	*ab = key;

	return k->edges[i].a == ab[0] && k->edges[i].b == ab[1];
}

static int
kph_cand_eq(const struct kph *k, size_t i, const void *key)
{
	const struct kph_cand *c = key;

	return k->cands[i].nids == c->nids &&
	    memcmp(k->cands[i].ids, c->ids, c->nids * sizeof(*c->ids)) == 0;
}

/* Is every letter of s[0..n) a capital, with at least two letters? */
static int
kph_acronym(const unsigned char *s, size_t n)
{
	size_t	 i, letters = 0;

	for (i = 0; i < n; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		if (s[i] >= 'A' && s[i] <= 'Z')
			letters++;
		else if (s[i] >= 0x80)
			return 0;
	}
	return letters >= 2;
}

/* One stem's document frequency (df_data.inc, from tools/learn_df). */
struct kph_df {
	const char	*stem;
	size_t		 len;
	unsigned	 df;
};

#include "df_data.inc"

/* ln n for a whole n: from the table for small ones (qmath_ln is slow,
 * and counts, sentence indices and document frequencies are whole). */
static double
kph_lni(const struct kph *k, size_t n)
{
	return n < KPH_NLN ? k->ln[n] : qmath_ln((double)n);
}

/* ln((N + 1) / (df + 1)) of the stem w[0..n), df 0 if it is not listed. */
static double
kph_idf(const struct kph *k, const unsigned char *w, size_t n)
{
	size_t	 lo = 0, hi = sizeof(kph_df) / sizeof(kph_df[0]), mid, m;
	int	 r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = kph_df[mid].len;
		r = memcmp(w, kph_df[mid].stem, n < m ? n : m);
		if (r == 0)
			r = (n > m) - (n < m);
		if (r == 0)
			return kph_lni(k, KPH_DF_DOCS + 1) -
			    kph_lni(k, kph_df[mid].df + 1);
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return kph_lni(k, KPH_DF_DOCS + 1);
}

/* Fills k->lexslots, an open-addressing table of the indices + 1 of
 * kph_lex[], keyed by kph_hash of the word: one probe or two per word
 * instead of a binary search. */
static int
kph_lex_index(struct kph *k)
{
	size_t	 i, j, n = sizeof(kph_lex) / sizeof(kph_lex[0]);

	for (k->nlexslots = 1; k->nlexslots < 2 * n; k->nlexslots *= 2)
		;
	if ((k->lexslots = calloc(k->nlexslots, sizeof(*k->lexslots))) ==
	    NULL)
		return -1;
	for (i = 0; i < n; i++) {
		j = kph_hash(2166136261u, kph_lex[i].word, kph_lex[i].len) &
		    (k->nlexslots - 1);
		while (k->lexslots[j] != 0)
			j = (j + 1) & (k->nlexslots - 1);
		k->lexslots[j] = (uint32_t)i + 1;
	}
	return 0;
}

/*
 * The part of speech of word token t at sentence position pos without a
 * tagger: the lexicon's for its lower-cased form k->word; a capitalized
 * word not first in its sentence that the lexicon calls a noun or an
 * adjective, or does not know, is a proper noun; an unknown word is an
 * adverb if it ends in "ly", else a noun (capitalized: a proper noun).
 */
static int
kph_lex_pos(const struct kph *k, const struct tok *t, size_t pos)
{
	const unsigned char *w = k->word.p;
	size_t	 n = k->word.len, j, id;
	int	 p = -1, cap = (t->flags & TOK_UPPER_INITIAL) != 0;

	if (t->kind == TOK_NUMBER)
		return KPH_POS_NUM;
	j = kph_hash(2166136261u, w, n) & (k->nlexslots - 1);
	while ((id = k->lexslots[j]) != 0) {
		if (kph_lex[id - 1].len == n &&
		    memcmp(kph_lex[id - 1].word, w, n) == 0) {
			p = kph_lex[id - 1].pos;
			break;
		}
		j = (j + 1) & (k->nlexslots - 1);
	}
	if (cap && (p == -1 || (pos > 0 && (p == KPH_POS_NOUN ||
	    p == KPH_POS_ADJ))))
		return KPH_POS_PROPN;
	if (p != -1)
		return p;
	return n > 2 && w[n - 2] == 'l' && w[n - 1] == 'y' ? KPH_POS_ADV :
	    KPH_POS_NOUN;
}

/*
 * Drops from b, past its first from bytes (at most b->len), the
 * default-ignorable code points (a byte-order mark before the first word,
 * soft hyphens, zero-width spaces): unseen, they would make a phrase that
 * neither reads nor greps as what it shows ("under<U+00AD>estimated"),
 * and a term of its own (kph_term).
 */
static void
drop_invisible(struct buf *b, size_t from)
{
	unsigned char	*p = b->p;
	size_t		 i = from, o;
	int32_t		 cp;
	int		 l;

	while (i < b->len && p[i] < 0x80)
		i++;
	for (o = i; i < b->len; i += (size_t)l) {
		l = 1;
		if (p[i] >= 0x80) {
			if ((l = utf8_decode(p + i, b->len - i, &cp)) <= 0)
				l = 1;
			else if (utf8proc_get_property(cp)->ignorable)
				continue;
		}
		memmove(p + o, p + i, (size_t)l);
		o += (size_t)l;
	}
	b->len = o;
}

/* The term id of word token t at sentence position pos, counted; or
 * (size_t)-1 if out of memory. */
static size_t
kph_term(struct kph *k, const struct tok *t, size_t pos)
{
	const unsigned char *s = k->src + t->start;
	struct kph_term	*tm;
	size_t		 n = t->end - t->start, len, id, chars;
	int		 added;

	buf_clear(&k->word);
	if (stop_lower(s, n, &k->word) == -1)
		return (size_t)-1;
	drop_invisible(&k->word, 0);
	if (k->cfg.tagger == NULL && k->cfg.lexicon)
		k->lexpos = kph_lex_pos(k, t, pos);
	len = k->word.len;
	if (t->kind == TOK_WORD)
		len = stem_porter(k->word.p, len);
	k->word.len = len;
	id = kph_tab_get(k, &k->ttab, kph_hash(2166136261u, k->word.p, len),
	    kph_term_eq, &k->word, &added);
	if (id == (size_t)-1)
		return id;
	if (added) {
		if (qmath_grow(&k->terms, &k->tcap, id + 1,
		    sizeof(*k->terms)) == -1)
			return (size_t)-1;
		tm = &k->terms[id];
		memset(tm, 0, sizeof(*tm));
		tm->off = k->keys.len;
		tm->len = len;
		/* Stop words are in no candidate: no idf needed. */
		tm->idf = 0;
		if (buf_append(&k->keys, k->word.p, len) == -1)
			return (size_t)-1;
		/* The list is asked about the unstemmed word. */
		buf_clear(&k->word);
		if (stop_lower(s, n, &k->word) == -1)
			return (size_t)-1;
		drop_invisible(&k->word, 0);
		chars = utf8_count(k->word.p, k->word.len);
		tm->stop = t->kind == TOK_WORD && (chars < k->cfg.min_chars ||
		    stop_find(k->cfg.stop, k->word.p, k->word.len));
		if (!tm->stop)
			tm->idf = kph_idf(k, k->keys.p + tm->off, len);
	}
	tm = &k->terms[id];
	tm->tf++;
	if (kph_acronym(s, n))
		tm->tf_acro++;
	else if (pos > 0 && (t->flags & TOK_UPPER_INITIAL))
		tm->tf_upper++;
	if (tm->last != k->nsent + 1) {
		tm->last = k->nsent + 1;
		tm->nsent++;
	}
	return id;
}

static int
kph_cooccur(struct kph *k, size_t a, size_t b)
{
	size_t	 ab[2] = { a, b }, id;
	int	 added;

	id = kph_tab_get(k, &k->etab, kph_hash(2166136261u, ab, sizeof(ab)),
	    kph_edge_eq, ab, &added);
	if (id == (size_t)-1)
		return -1;
	if (added) {
		if (qmath_grow(&k->edges, &k->ecap, id + 1,
		    sizeof(*k->edges)) == -1)
			return -1;
		k->edges[id].a = a;
		k->edges[id].b = b;
		k->edges[id].count = 0;
		k->terms[a].dr++;
		k->terms[b].dl++;
	}
	k->edges[id].count++;
	k->terms[a].wr++;
	k->terms[b].wl++;
	return 0;
}

static size_t
kph_edge_count(struct kph *k, size_t a, size_t b)
{
	size_t	 ab[2] = { a, b }, j, id;
	uint32_t h = kph_hash(2166136261u, ab, sizeof(ab));

	if (k->etab.nslots == 0)
		return 0;
	j = h & (k->etab.nslots - 1);
	while ((id = k->etab.slots[j]) != 0) {
		if (k->etab.hash[id - 1] == h && kph_edge_eq(k, id - 1, ab))
			return k->edges[id - 1].count;
		j = (j + 1) & (k->etab.nslots - 1);
	}
	return 0;
}

/*
 * With a tagger, the chunk's tokens from first on make a candidate if
 * they are one content word (noun, proper noun, adjective, verb, adverb,
 * number word), or a noun phrase: nouns, proper nouns and adjectives
 * ending in a noun or proper noun, (ADJ|NOUN|PROPN)* (NOUN|PROPN), as
 * Hulth (2003) and most keyphrase extractors since take them.
 */
static int
kph_pos_ok(const struct kph *k, size_t first)
{
	size_t	 i;
	int	 p;

	if (first + 1 == k->clen)
		return k->cpos[first] != KPH_POS_OTHER;
	p = k->cpos[k->clen - 1];
	if (p != KPH_POS_NOUN && p != KPH_POS_PROPN)
		return 0;
	for (i = first; i + 1 < k->clen; i++) {
		p = k->cpos[i];
		if (p != KPH_POS_NOUN && p != KPH_POS_PROPN &&
		    p != KPH_POS_ADJ)
			return 0;
	}
	return 1;
}

/* Counts the candidate made of the last m tokens of the chunk. */
static int
kph_candidate(struct kph *k, size_t m)
{
	struct kph_cand	 c;
	struct kph_phrase *p;
	size_t		 i, first = k->clen - m, id, nnum = 0;
	int		 added;

	if (k->terms[k->chunk[first]].stop ||
	    k->terms[k->chunk[k->clen - 1]].stop)
		return 0;
	for (i = first; i < k->clen; i++) {
		if (k->cnum[i])
			nnum++;
		if (!k->cfg.inner_stop && k->terms[k->chunk[i]].stop)
			return 0;
	}
	if (nnum == m)
		return 0;
	if (k->cfg.tagger != NULL || k->cfg.lexicon) {
		if (!kph_pos_ok(k, first))
			return 0;
	} else if (m > 1 && k->cfg.names_only)
		for (i = first; i < k->clen; i++)
			if (!k->cupper[i])
				return 0;
	c.nids = m;
	memcpy(c.ids, k->chunk + first, m * sizeof(*c.ids));
	id = kph_tab_get(k, &k->ctab, kph_hash(2166136261u, c.ids,
	    m * sizeof(*c.ids)), kph_cand_eq, &c, &added);
	if (id == (size_t)-1)
		return -1;
	if (added) {
		if (qmath_grow(&k->cands, &k->ccap, id + 1,
		    sizeof(*k->cands)) == -1 ||
		    qmath_grow(&k->ph, &k->phcap, id + 1, sizeof(*k->ph)) == -1)
			return -1;
		p = &k->ph[id];
		memset(p, 0, sizeof(*p));
		p->words = m;
		p->first = k->ctok[first];
		/* An offset until the pool stops moving (kph_run). */
		c.toff = k->text.len;
		for (i = first; i < k->clen; i++) {
			if (i > first && k->cstart[i] > k->cend[i - 1] &&
			    buf_putc(&k->text, ' ') == -1)
				return -1;
			if (buf_append(&k->text, k->src + k->cstart[i],
			    k->cend[i] - k->cstart[i]) == -1)
				return -1;
			drop_invisible(&k->text, k->text.len - (k->cend[i] -
			    k->cstart[i]));
		}
		c.tlen = k->text.len - c.toff;
		c.hyphen = memchr(k->text.p + c.toff, '-', c.tlen) != NULL;
		c.supers = 0;
		c.fsent = k->nsent;
		c.nsent = c.lastsent = c.caps = 0;
		c.subsumed = 0;
		memset(c.pos, 0, sizeof(c.pos));
		k->cands[id] = c;
	}
	k->ph[id].count++;
	k->cands[id].last = k->ctok[first];
	if (k->cands[id].lastsent != k->nsent + 1) {
		k->cands[id].lastsent = k->nsent + 1;
		k->cands[id].nsent++;
	}
	if (!k->cinit[first] && k->cupper[first] && !k->cnum[first])
		k->cands[id].caps++;
	k->cands[id].pos[k->cpos[k->clen - 1]]++;
	return 0;
}

/* Tags the sentence of tokens v[0..n) of text src into k->classes. */
static int
kph_tag(struct kph *k, const unsigned char *src, const struct tok *v,
    size_t n)
{
	struct tag_sentence ts;
	size_t	 i;

	if (n > k->wcap) {
		free(k->words);
		free(k->lens);
		free(k->classes);
		k->words = calloc(n, sizeof(*k->words));
		k->lens = calloc(n, sizeof(*k->lens));
		k->classes = calloc(n, sizeof(*k->classes));
		if (k->words == NULL || k->lens == NULL || k->classes == NULL) {
			k->wcap = 0;
			return -1;
		}
		k->wcap = n;
	}
	for (i = 0; i < n; i++) {
		k->words[i] = src + v[i].start;
		k->lens[i] = v[i].end - v[i].start;
	}
	memset(&ts, 0, sizeof(ts));
	ts.words = k->words;
	ts.lens = k->lens;
	ts.n = n;
	ts.flags = k->nsent == 0 ? TAG_SENT_DOC_START : 0;
	return n == 0 ? 0 : tag_predict(k->cfg.tagger, &ts, k->classes,
	    &k->tw);
}

/*
 * Is token i of v[0..n) the name of an HTML character reference left in
 * the text, "lsquo" in "&lsquo;" or "039" in "&#039;"?  Scraped news
 * keeps some (17 of the 290 KPCrowd train stories), and such a name is
 * rare in news, so it ranked as a key phrase.  Running normalize --fix
 * first decodes them.
 */
static int
kph_entity_name(const unsigned char *src, const struct tok *v, size_t n,
    size_t i)
{
	size_t	 s = v[i].start;

	if (i + 1 >= n || v[i + 1].start != v[i].end || src[v[i].end] != ';')
		return 0;
	return (s >= 1 && src[s - 1] == '&') ||
	    (s >= 2 && src[s - 1] == '#' && src[s - 2] == '&');
}

/* Reads the sentence of tokens v[0..n) of text src. */
static int
kph_sentence(struct kph *k, const unsigned char *src, const struct tok *v,
    size_t n)
{
	size_t	 i, m, id, pos = 0, prev = (size_t)-1;

	k->src = src;
	k->clen = 0;
	if (k->cfg.tagger != NULL && kph_tag(k, src, v, n) == -1)
		return -1;
	for (i = 0; i < n; i++, k->ntok++) {
		if ((v[i].kind != TOK_WORD && v[i].kind != TOK_NUMBER) ||
		    kph_entity_name(src, v, n, i)) {
			k->clen = 0;
			prev = (size_t)-1;
			continue;
		}
		if ((id = kph_term(k, &v[i], pos++)) == (size_t)-1)
			return -1;
		if (qmath_grow(&k->occ, &k->ocap, k->nocc + 1,
		    sizeof(*k->occ)) == -1)
			return -1;
		k->occ[k->nocc].term = id;
		k->occ[k->nocc++].sent = k->nsent;
		/* YAKE leaves numbers out of the graph. */
		if (prev != (size_t)-1 && v[i].kind == TOK_WORD &&
		    kph_cooccur(k, prev, id) == -1)
			return -1;
		prev = v[i].kind == TOK_WORD ? id : (size_t)-1;
		if (k->clen == k->cfg.max_words) {
			memmove(k->chunk, k->chunk + 1,
			    (k->clen - 1) * sizeof(*k->chunk));
			memmove(k->cstart, k->cstart + 1,
			    (k->clen - 1) * sizeof(*k->cstart));
			memmove(k->cend, k->cend + 1,
			    (k->clen - 1) * sizeof(*k->cend));
			memmove(k->cnum, k->cnum + 1,
			    (k->clen - 1) * sizeof(*k->cnum));
			memmove(k->cupper, k->cupper + 1,
			    (k->clen - 1) * sizeof(*k->cupper));
			memmove(k->ctok, k->ctok + 1,
			    (k->clen - 1) * sizeof(*k->ctok));
			memmove(k->cpos, k->cpos + 1,
			    (k->clen - 1) * sizeof(*k->cpos));
			memmove(k->cinit, k->cinit + 1,
			    (k->clen - 1) * sizeof(*k->cinit));
			k->clen--;
		}
		k->chunk[k->clen] = id;
		k->cstart[k->clen] = v[i].start;
		k->cend[k->clen] = v[i].end;
		k->cnum[k->clen] = v[i].kind == TOK_NUMBER;
		k->cupper[k->clen] = v[i].kind == TOK_NUMBER ||
		    (v[i].flags & TOK_UPPER_INITIAL) != 0;
		k->ctok[k->clen] = k->ntok;
		k->cpos[k->clen] = k->cfg.tagger != NULL ?
		    k->posmap[k->classes[i]] : k->cfg.lexicon ? k->lexpos :
		    KPH_POS_OTHER;
		k->cinit[k->clen] = pos == 1;
		k->clen++;
		for (m = k->clen; m >= 1; m--)
			if (kph_candidate(k, m) == -1)
				return -1;
	}
	k->nsent++;
	return 0;
}

/*
 * Sorts k->occ by term into k->socc, keeping sentence order within a
 * term: a counting sort, the counts being the terms' tf (every word or
 * number token is one occurrence).
 */
static int
kph_occ_sort(struct kph *k)
{
	size_t	 i, sum = 0;

	if (qmath_grow(&k->socc, &k->socap, k->nocc + 1,
	    sizeof(*k->socc)) == -1 ||
	    qmath_grow(&k->ooff, &k->oocap, k->ttab.n + 1,
	    sizeof(*k->ooff)) == -1)
		return -1;
	for (i = 0; i < k->ttab.n; i++) {
		k->ooff[i] = sum;
		sum += k->terms[i].tf;
	}
	for (i = 0; i < k->nocc; i++)
		k->socc[k->ooff[k->occ[i].term]++] = k->occ[i];
	return 0;
}

/* The term weights H (keyphrases.h). */
static int
kph_term_scores(struct kph *k)
{
	struct kph_term	*t;
	size_t		 i, j, e, nvalid = 0, maxtf = 0, nd;
	double		 sum = 0, sq = 0, mean, sd, med, pos, rel, cas, fr, sp;

	for (i = 0; i < k->ttab.n; i++) {
		t = &k->terms[i];
		if (t->tf > maxtf)
			maxtf = t->tf;
		if (t->stop)
			continue;
		nvalid++;
		sum += (double)t->tf;
		sq += (double)t->tf * (double)t->tf;
	}
	mean = nvalid > 0 ? sum / (double)nvalid : 0;
	sd = nvalid > 0 ? qmath_sqrt(sq / (double)nvalid - mean * mean) : 0;
	if (qmath_grow(&k->tmp, &k->tmpcap, k->nocc + 1, sizeof(*k->tmp)) == -1)
		return -1;
	if (kph_occ_sort(k) == -1)
		return -1;
	for (i = 0; i < k->nocc; i = e) {
		t = &k->terms[k->socc[i].term];
		/* The distinct sentences of the term, for the median. */
		nd = 0;
		for (e = i; e < k->nocc && k->socc[e].term ==
		    k->socc[i].term; e++)
			if (e == i || k->socc[e].sent != k->socc[e - 1].sent)
				k->tmp[nd++] = (double)k->socc[e].sent;
		j = nd / 2;
		med = nd % 2 ? k->tmp[j] : (k->tmp[j - 1] + k->tmp[j]) / 2;
		pos = qmath_ln(qmath_ln(3 + med));
		rel = 1 + ((t->wl > 0 ? (double)t->dl / (double)t->wl : 0) +
		    (t->wr > 0 ? (double)t->dr / (double)t->wr : 0)) *
		    (double)t->tf / (double)maxtf;
		cas = (double)(t->tf_upper > t->tf_acro ? t->tf_upper :
		    t->tf_acro) / (1 + kph_lni(k, t->tf));
		fr = mean + sd > 0 ? (double)t->tf / (mean + sd) : 0;
		sp = k->nsent > 0 ? (double)t->nsent / (double)k->nsent : 0;
		t->h = pos * rel / (cas + fr / rel + sp / rel);
	}
	return 0;
}

static void
kph_cand_score(struct kph *k, size_t c)
{
	const struct kph_cand *cd = &k->cands[c];
	const struct kph_term *t, *l, *r;
	size_t		 i;
	double		 prod = 1, sum = 0, p;

	for (i = 0; i < cd->nids; i++) {
		t = &k->terms[cd->ids[i]];
		if (!t->stop) {
			prod *= t->h;
			sum += t->h;
			continue;
		}
		/* A stop word inside: its bigrams' probability (YAKE "bi");
		 * it is never first or last, so both neighbours exist. */
		l = &k->terms[cd->ids[i - 1]];
		r = &k->terms[cd->ids[i + 1]];
		p = (double)kph_edge_count(k, cd->ids[i - 1], cd->ids[i]) /
		    (double)l->tf * (double)kph_edge_count(k, cd->ids[i],
		    cd->ids[i + 1]) / (double)r->tf;
		prod *= 2 - p;
		sum -= 1 - p;
	}
	/* The fitted score reads the log; only YAKE's own needs exp. */
	k->ph[c].score = qmath_ln(prod) / (double)cd->nids -
	    qmath_ln(1 + sum / (double)cd->nids) -
	    k->cfg.tf_power * kph_lni(k, k->ph[c].count);
	if (k->cfg.method == KPH_YAKE)
		k->ph[c].score = qmath_exp(k->ph[c].score);
}

/* The features of candidate c (keyphrases.h) and its KPH_FITTED score. */
static void
kph_fit_score(struct kph *k, size_t c)
{
	const struct kph_cand *cd = &k->cands[c];
	struct kph_phrase *p = &k->ph[c];
	double		*f = p->f, tf = (double)p->count, ntok, z, idf;
	const double	*w = k->cfg.weights;
	size_t		 i, mtf;

	ntok = k->ntok > 0 ? (double)k->ntok : 1;
	f[KPH_F_LNTF] = kph_lni(k, p->count);
	f[KPH_F_TF1] = p->count == 1;
	f[KPH_F_TF2] = p->count == 2;
	f[KPH_F_FIRST] = (double)p->first / ntok;
	f[KPH_F_LNSENT] = kph_lni(k, 1 + cd->fsent);
	f[KPH_F_SENT0] = cd->fsent == 0;
	f[KPH_F_SENT1] = cd->fsent == 1;
	f[KPH_F_SPREAD] = (double)(cd->last - p->first) / ntok;
	f[KPH_F_SENTS] = k->nsent > 0 ? (double)cd->nsent /
	    (double)k->nsent : 0;
	f[KPH_F_CAPS] = (double)cd->caps / tf;
	f[KPH_F_WORDS1] = cd->nids == 1;
	f[KPH_F_WORDS2] = cd->nids == 2;
	f[KPH_F_CHARS] = (double)(cd->tlen < 20 ? cd->tlen : 20) / 20;
	for (i = KPH_POS_NOUN; i < KPH_NPOS; i++)
		f[KPH_F_NOUN + i - KPH_POS_NOUN] = (double)cd->pos[i] / tf;
	idf = 0;
	for (i = 0; i < cd->nids; i++)
		idf += k->terms[cd->ids[i]].idf;
	f[KPH_F_IDF] = idf / (double)cd->nids;
	f[KPH_F_TFIDF] = f[KPH_F_LNTF] * f[KPH_F_IDF];
	f[KPH_F_SUBSUMED] = cd->subsumed;
	mtf = 0;
	for (i = 0; i < cd->nids; i++)
		if (k->terms[cd->ids[i]].tf > mtf)
			mtf = k->terms[cd->ids[i]].tf;
	f[KPH_F_COHESION] = tf / (double)mtf;
	f[KPH_F_YAKE] = k->cfg.method == KPH_YAKE ? (p->score > 0 ?
	    -qmath_ln(p->score) : 0) : -p->score;
	f[KPH_F_HYPHEN] = cd->hyphen;
	f[KPH_F_SUPERS] = kph_lni(k, 1 + cd->supers);
	f[KPH_F_SUPERS1] = cd->nids == 1 ? f[KPH_F_SUPERS] : 0;
	z = w[0];
	for (i = 0; i < KPH_NLINEAR; i++)
		z += w[i + 1] * f[i];
	f[KPH_F_LINEAR] = z;
	if (k->cfg.method == KPH_FITTED)
		p->score = 1 / (1 + qmath_exp(-z));
}

struct kph_order {
	double		 score;
	size_t		 first, idx;
};

static int
kph_order_cmp(const void *a, const void *b)
{
	const struct kph_order *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

/* Does candidate b hold a's terms, adjacent and in order? */
static int
kph_contains(const struct kph_cand *b, const struct kph_cand *a)
{
	size_t	 i;

	if (a->nids >= b->nids)
		return 0;
	for (i = 0; i + a->nids <= b->nids; i++)
		if (memcmp(b->ids + i, a->ids, a->nids * sizeof(*a->ids)) == 0)
			return 1;
	return 0;
}

/* The index of the candidate made of terms ids[0..n), or (size_t)-1. */
static size_t
kph_cand_find(const struct kph *k, const size_t *ids, size_t n)
{
	struct kph_cand	 part;
	size_t		 j, id;
	uint32_t	 h;

	part.nids = n;
	memcpy(part.ids, ids, n * sizeof(*part.ids));
	h = kph_hash(2166136261u, part.ids, n * sizeof(*part.ids));
	j = h & (k->ctab.nslots - 1);
	while ((id = k->ctab.slots[j]) != 0) {
		if (k->ctab.hash[id - 1] == h && kph_cand_eq(k, id - 1, &part))
			return id - 1;
		j = (j + 1) & (k->ctab.nslots - 1);
	}
	return (size_t)-1;
}

/* Do the len terms of c from a occur in c before a too? */
static int
kph_part_seen(const struct kph_cand *c, size_t a, size_t len)
{
	size_t	 b;

	for (b = 0; b < a; b++)
		if (memcmp(c->ids + b, c->ids + a, len * sizeof(*c->ids)) == 0)
			return 1;
	return 0;
}

/*
 * Calls fn(k, i, id) for each candidate i and each distinct shorter
 * candidate id it holds, looked up through the table, so O(candidates).
 */
static void
kph_each_part(struct kph *k, void (*fn)(struct kph *, size_t, size_t))
{
	const struct kph_cand *c;
	size_t		 i, a, len, id;

	for (i = 0; i < k->ctab.n; i++) {
		c = &k->cands[i];
		for (len = 1; len < c->nids; len++)
			for (a = 0; a + len <= c->nids; a++)
				if (!kph_part_seen(c, a, len) &&
				    (id = kph_cand_find(k, c->ids + a, len)) !=
				    (size_t)-1)
					fn(k, i, id);
	}
}

/*
 * Part id of candidate i: counts i among the longer candidates holding
 * id (a word inside many phrases the crowd tends to choose as one of
 * those phrases, not alone: checked on KPCrowd train by
 * cross-validation), and marks id if it never occurs outside a longer
 * one, having i's count ("Cabret" when every "Cabret" is in "Hugo
 * Cabret").
 */
static void
kph_mark_part(struct kph *k, size_t i, size_t id)
{
	k->cands[id].supers++;
	if (k->ph[id].count == k->ph[i].count)
		k->cands[id].subsumed = 1;
}

/* Part id of candidate i: keeps the best first-stage score of i's parts
 * (KPH_F_BESTPART). */
static void
kph_best_part(struct kph *k, size_t i, size_t id)
{
	double	*f = k->ph[i].f;

	if (k->ph[id].f[KPH_F_LINEAR] > f[KPH_F_BESTPART])
		f[KPH_F_BESTPART] = k->ph[id].f[KPH_F_LINEAR];
}

/*
 * A two-stage cascade (L. Wang, J. Lin and D. Metzler, "A cascade ranking
 * model for efficient ranked retrieval", SIGIR 2011): the logistic
 * regression has ranked all n candidates in o[]; the best KPH_POOL times
 * cfg.n of them are scored again by the boosted trees and sorted by that.
 * The trees see interactions a linear score cannot (a rare word counts if
 * it is also early), but cost about 1,200 node visits a candidate; long
 * articles have thousands of candidates, and the first stage almost never
 * leaves a reference key phrase below the pool (5-fold cross-validation
 * on KPCrowd train: F1@10 22.34 linear, 22.53 trees alone, 22.55 the
 * cascade; pools of 1.5, 2, 5 and 10 times cfg.n: 22.56, 22.53, 22.52,
 * 22.52).  Trees fitted only on the first stage's best 30, 60 or 100
 * candidates of each train story, as cascades often are, scored lower
 * (21.90, 22.39, 22.49), and so did the trees' score plus the linear one
 * times 0.25, 0.5, 1 or 2 (22.49, 22.51, 22.40, 22.35).
 */
static void
kph_rerank(struct kph *k, struct kph_order *o, size_t n)
{
	size_t		 i, t, pool;
	struct kph_phrase *p;

	pool = k->cfg.n <= n / KPH_POOL ? KPH_POOL * k->cfg.n : n;
	for (i = 0; i < pool; i++)
		o[i].score = KPH_TREES_BASE;
	/* Tree by tree, so that each tree's nodes are read in once. */
	for (t = 0; t < KPH_NTREES; t++)
		for (i = 0; i < pool; i++)
			o[i].score += kph_tree_leaf(t, k->ph[o[i].idx].f);
	for (i = 0; i < pool; i++) {
		p = &k->ph[o[i].idx];
		p->score = 1 / (1 + qmath_exp(-o[i].score));
		o[i].score = -p->score;
	}
	if (pool > 1)
		qsort(o, pool, sizeof(*o), kph_order_cmp);
}

static int
kph_rank(struct kph *k)
{
	struct kph_order *o;
	size_t		 n = k->ctab.n, i, j, c;
	int		 keep;

	if (n == 0)
		return 0;
	if ((o = calloc(n, sizeof(*o))) == NULL)
		return -1;
	if (qmath_grow(&k->ranked, &k->rcap, k->cfg.n + 1,
	    sizeof(*k->ranked)) == -1) {
		free(o);
		return -1;
	}
	for (i = 0; i < n; i++) {
		o[i].score = k->cfg.method == KPH_FITTED ? -k->ph[i].score :
		    k->ph[i].score;
		o[i].first = k->ph[i].first;
		o[i].idx = i;
	}
	if (n > 1)
		qsort(o, n, sizeof(*o), kph_order_cmp);
	if (k->trees)
		kph_rerank(k, o, n);
	for (i = 0; i < n && k->nranked < k->cfg.n; i++) {
		c = o[i].idx;
		keep = !k->cfg.drop_contained || !k->cands[c].subsumed;
		for (j = 0; keep && k->cfg.drop_contained && j < k->nranked;
		    j++)
			if (kph_contains(&k->cands[k->ranked[j]], &k->cands[c]))
				keep = 0;
		if (!keep) {
			k->ph[c].rank = 0;
			continue;
		}
		k->ranked[k->nranked++] = c;
		k->ph[c].rank = k->nranked;
	}
	free(o);
	return 0;
}

static void
kph_reset(struct kph *k)
{
	kph_tab_clear(&k->ttab);
	kph_tab_clear(&k->etab);
	kph_tab_clear(&k->ctab);
	buf_clear(&k->keys);
	buf_clear(&k->text);
	k->nocc = 0;
	k->nranked = 0;
	k->nsent = 0;
	k->ntok = 0;
}

/*
 * Whether page furniture of kind b (boiler.h) gives no phrases: the lines
 * of a page's machinery, advertisement markers, share and follow buttons,
 * links ("Advertisement" and "Facebook" were key phrases of scraped
 * stories).  Bylines, datelines, time stamps and captions still do, since
 * they name the story's people, places and dates.  (keyphrases_eval.py,
 * strict F1@10 on dev and on train, with the weights fitted before: all
 * furniture left out 18.15 and 22.65, these kinds only 18.41 and 22.68,
 * none 18.59 and 22.72; these kinds, weights and trees fitted again
 * (tools/fit_keyphrases.py, after make models), 18.50 and 22.90.)
 */
static int
kph_no_phrases(enum boiler_kind b)
{
	return b == BOILER_AD || b == BOILER_SOCIAL || b == BOILER_LINK;
}

/*
 * Reads the sentence of tokens [a, b) but the furniture kph_no_phrases
 * names, whether the whole sentence or its first lines, which the splitter
 * runs together with the sentence below them.  Returns 0, or -1 if out of
 * memory.
 */
static int
kph_content(struct kph *k, const unsigned char *s, size_t a, size_t b)
{
	const struct tok *t = k->toks.v;
	size_t		 j;

	for (j = a + 1; j < b; j++)
		if ((t[j].flags & TOK_NEWLINE_BEFORE) &&
		    kph_no_phrases(boiler_kind(s, t + a, j - a)))
			a = j;
	if (kph_no_phrases(boiler_kind(s, t + a, b - a)))
		return 0;
	return kph_sentence(k, s, t + a, b - a);
}

int
kph_run(struct kph *k, const unsigned char *s, size_t n,
    const unsigned char *title, size_t tlen)
{
	struct sent_config sc;
	const struct sent_span *sp;
	size_t		 i;

	kph_reset(k);
	if (tlen > 0) {
		k->ttoks.n = 0;
		if (tok_split(title, tlen, NULL, NULL, &k->ttoks) == -1 ||
		    kph_sentence(k, title, k->ttoks.v, k->ttoks.n) == -1)
			return -1;
	}
	memset(&sc, 0, sizeof(sc));
	sc.abbrev = k->cfg.abbrev;
	if (sent_split(&sc, s, n, &k->toks, &k->sents) == -1)
		return -1;
	for (i = 0; i < k->sents.n; i++) {
		sp = &k->sents.v[i];
		if (kph_content(k, s, sp->tok_start, sp->tok_end) == -1)
			return -1;
	}
	if (kph_term_scores(k) == -1)
		return -1;
	kph_each_part(k, kph_mark_part);
	for (i = 0; i < k->ctab.n; i++) {
		k->ph[i].text = k->text.p + k->cands[i].toff;
		k->ph[i].len = k->cands[i].tlen;
		kph_cand_score(k, i);
		kph_fit_score(k, i);
		/* No part yet: below every score the regression gives on
		 * KPCrowd train (-5.6 to 2.3), as keyphrases_cv.py assumes. */
		k->ph[i].f[KPH_F_BESTPART] = -10;
	}
	kph_each_part(k, kph_best_part);
	return kph_rank(k);
}

const struct kph_phrase *
kph_candidates(const struct kph *k, size_t *n)
{
	*n = k->ctab.n;
	return k->ph;
}

const size_t *
kph_ranked(const struct kph *k, size_t *n)
{
	*n = k->nranked;
	return k->ranked;
}

const char *
kph_feature_name(enum kph_feature f)
{
	static const char *const names[KPH_NFEATURES] = {
		"lntf", "tf1", "tf2", "first", "lnsent", "sent0", "sent1",
		"spread", "sents", "caps", "words1", "words2", "chars", "noun",
		"propn", "adj", "verb", "adv", "num", "idf", "tfidf", "subsumed",
		"cohesion", "yake", "hyphen", "supers", "supers1", "linear",
		"bestpart"
	};

	return (unsigned)f < KPH_NFEATURES ? names[f] : "";
}

void
kph_free(struct kph *k)
{
	if (k == NULL)
		return;
	tok_vec_free(&k->toks);
	tok_vec_free(&k->ttoks);
	sent_vec_free(&k->sents);
	buf_free(&k->word);
	buf_free(&k->keys);
	buf_free(&k->text);
	free(k->terms);
	kph_tab_free(&k->ttab);
	free(k->edges);
	kph_tab_free(&k->etab);
	free(k->cands);
	free(k->ph);
	kph_tab_free(&k->ctab);
	free(k->occ);
	free(k->socc);
	free(k->ooff);
	free(k->ranked);
	free(k->tmp);
	free(k->words);
	free(k->lens);
	free(k->classes);
	free(k->posmap);
	free(k->lexslots);
	free(k->ln);
	tag_work_free(k->tw);
	free(k);
}
