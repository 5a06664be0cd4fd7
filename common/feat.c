/*
 * feat: the tagger's feature templates (see feat.h).
 *
 * The templates follow the greedy taggers of Ratnaparkhi (1996), Collins
 * (2002) and Honnibal's averaged perceptron, with the orthographic and
 * context features Ratinov and Roth (2009) list for NER:
 *
 *   b                 bias
 *   w= l= sh=         the word as written, lower case with digits folded
 *                     to 0 ("1996-08-22" -> "0000-00-00"), collapsed shape
 *                     ("Apple" -> "Xx", "U.S." -> "X.X.", "3.5" -> "d.d")
 *   p1= p2= p12=      the classes predicted for the two previous words
 *   p1l= p1sh=        previous class with the word, with its shape
 *   l-2= l-1= l+1= l+2=, l-1l= ll+1=   neighbours and word bigrams
 *   sh-1= sh+1= sh-1sh= shsh+1=        neighbours' shapes
 *   pre1..4= suf1..4= prefixes and suffixes of 1 to 4 code points, of the
 *                     lower-case form, for words longer than that
 *   s3-1= s3+1=       the neighbours' last three code points
 *   d h C c .         has a digit, has a hyphen, all capitals, initial
 *                     capital, has a period
 *   i0sh= i0l=        first word of the sentence, with shape and word
 *   hl hlsh=          the sentence is a headline in capitals (CoNLL-2003
 *                     has many: "SOCCER - JAPAN GET LUCKY WIN")
 *   d0sh=             first word of a document or paragraph
 *   NER only:
 *   sh-2= sh+2= sh3=  shapes two words away, and of the three words
 *   u= u-1= u+1= u-1u= uu+1= p1u= ul=   the UPOS of the word and its
 *                     neighbours (tag_sentence.pos)
 *   dc= dcsh=         where the word's case says nothing (first word,
 *                     headline, capitals): how the document writes it
 *                     elsewhere: "C" capitalized, "l" lower case, "Cl"
 *                     both, "-" neither (feat_doc)
 *   ph=               capitalized words: the type last predicted for the
 *                     same word earlier in the document, or "-"
 *   ttl ttl-1 ttl+1   the word, the previous or the next word is a title
 *                     before names (data/tagger/titles.txt)
 *   nm=B-T nm=I-T     the word begins (continues) a name of type T in the
 *                     built-in list (data/tagger/names.txt, names.h)
 *   nm-1=T nm+1=T     the previous (next) word is part of such a name
 *   With a cluster table (clusters.h), both tasks, for each level L:
 *   cL= cL-1= cL+1=   the class of the word and of its neighbours ("?":
 *                     not in the table)
 *   p1cF= cM-1c= ccM+1=   the previous class with the word's finest
 *                     cluster F; cluster bigrams at the middle level M
 *   POS, with a tag dictionary (tagdict.h, feat_lookup_dict), for each
 *   of its sources S (a digit):
 *   tS= tS-1= tS+1= tS+2=   the class set of the word and its neighbours
 *                     ("NOUN|VERB"; "-": not in the source)
 *   tS-10= tS0+1=     the sets of the word and the one before, after it
 *   Stage 2 of a two-stage model (feat_stage): all of the above, hashed
 *   apart, and, q being the stage-1 class:
 *   q0= q-1= q+1= q+2= qq+1= q+12=   of the word and its neighbours
 *   p1q+1= lq+1=      the previous class, the word, with q+1
 *   ag= agm=          NER, capitalized words: each entity type, and the
 *                     commonest type, of the word's other occurrences in
 *                     the document ("-": none; Ratinov and Roth 2009)
 *
 * Outside the sentence, words and shapes read "<s>" (left) and "</s>"
 * (right), classes "<s>", UPOS "<s>"/"</s>" and an unknown UPOS "?".
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "feat.h"
#include "names.h"
#include "tagdict.h"
#include "utf8.h"

#include "titles_data.inc"

const char *const feat_upos[FEAT_NUPOS] = {
	"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
	"PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"
};

/* feat_word.flags */
#define FW_DIGIT	0x01
#define FW_HYPHEN	0x02
#define FW_UPPER	0x04	/* has an uppercase letter */
#define FW_LOWER	0x08	/* has a lowercase letter */
#define FW_INITCAP	0x10	/* the first character is uppercase */
#define FW_PERIOD	0x20
#define FW_ALPHA	0x40	/* has a letter */
#define FW_TITLE	0x80	/* capitalised, in data/tagger/titles.txt */

#define SHAPE_MAX	16

/* One prepared word; forms are offsets into feat_work.pool. */
struct feat_word {
	const unsigned char *w;		/* as given, cut at FEAT_WORD_MAX */
	size_t		 len;
	size_t		 norm, normlen;	/* lower case, digits as 0 */
	size_t		 shape, shapelen;
	size_t		 s3;		/* offset in norm of the last 3 cps */
	/* Bytes in norm of the first (last) k+1 code points, or 0 when the
	   word is not longer than that: its affixes are itself. */
	unsigned char	 pre[4];
	unsigned char	 suf[4];
	unsigned	 flags;
	int		 pos;
	unsigned char	 names;		/* NAME_ types of its name, if any */
	unsigned char	 name_start;	/* the name begins here */
	uint64_t	 key;		/* feat_hash of norm */
	uint16_t	 cid[CLUSTERS_LEVELS_MAX];	/* or CLUSTERS_NONE */
	/* feat_lookup_dict: the class set in each source, and its names
	   joined by '|' (add_dset), at an offset in the pool. */
	uint64_t	 dset[TAGDICT_SOURCES_MAX];
	size_t		 dstr[TAGDICT_SOURCES_MAX], dlen[TAGDICT_SOURCES_MAX];
};

struct feat_work {
	struct feat_word *v;
	size_t		 n, cap;
	struct buf	 pool;
	unsigned	 sflags;	/* tag_sentence.flags */
	int		 headline;
	size_t		 nlevels;	/* of the clusters; 0: none */
	int		 stage;		/* 1 or 2 (feat_stage) */
	const int	*pass1;		/* stage 2: the stage-1 classes */
	const struct tagdict *dict;	/* NULL: no dictionary features */
};

int
feat_upos_index(const char *s, size_t n)
{
	int	 i;

	for (i = 0; i < FEAT_NUPOS; i++)
		if (strlen(feat_upos[i]) == n && memcmp(feat_upos[i], s, n) == 0)
			return i;
	return -1;
}

uint64_t
feat_hash(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 14695981039346656037ULL;

	while (n-- > 0)
		h = (h ^ *p++) * 1099511628211ULL;
	return h;
}

int
feat_bio_allowed(const char *prev, const char *cur)
{
	if (cur[0] != 'I' || cur[1] != '-')
		return 1;
	if (prev == NULL || (prev[0] != 'B' && prev[0] != 'I') ||
	    prev[1] != '-')
		return 0;
	return strcmp(prev + 2, cur + 2) == 0;
}

/* The shape class of code point cp: X x d, or cp itself if ASCII. */
static unsigned char
shape_class(int32_t cp)
{
	if (cp < 0x80) {
		if (cp >= 'A' && cp <= 'Z')
			return 'X';
		if (cp >= 'a' && cp <= 'z')
			return 'x';
		if (cp >= '0' && cp <= '9')
			return 'd';
		return (unsigned char)cp;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 'X';
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 'x';
	case UTF8PROC_CATEGORY_ND:
		return 'd';
	case UTF8PROC_CATEGORY_PD:
		return '-';
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
		return '\'';
	default:
		return 'o';
	}
}

/*
 * Whether norm[0..n), a word in lower case, is a title before names
 * (person_titles), a final period aside ("dr." as "dr").
 */
static int
is_title(const unsigned char *norm, size_t n)
{
	if (n > 1 && norm[n - 1] == '.')
		n--;
	return buf_in_list(norm, n, person_titles, sizeof(person_titles) /
	    sizeof(person_titles[0]));
}

/* Prepares one word; returns 0 or -1 if out of memory. */
static int
prepare_word(struct feat_work *w, struct feat_word *fw,
    const unsigned char *s, size_t len)
{
	struct buf	*pool = &w->pool;
	unsigned char	 enc[4], sh[SHAPE_MAX], cls;
	unsigned char	 starts[FEAT_WORD_MAX + 1];	/* cp offsets in norm */
	size_t		 i, cut, m, ncp = 0, shlen = 0;
	int32_t		 cp;
	int		 r;

	/* Cut long words after a whole code point. */
	cut = len;
	if (cut > FEAT_WORD_MAX) {
		cut = FEAT_WORD_MAX;
		while (cut > 0 && (s[cut] & 0xC0) == 0x80)
			cut--;
	}
	fw->w = s;
	fw->len = cut;
	fw->flags = 0;
	fw->names = 0;		/* mark_names sets them */
	fw->name_start = 0;
	fw->norm = pool->len;
	for (i = 0; i < cut; i += (size_t)r) {
		if (s[i] < 0x80) {
			cp = s[i];
			r = 1;
		} else if ((r = utf8_decode(s + i, cut - i, &cp)) <= 0) {
			/* Not valid UTF-8 after all: take the byte. */
			cp = UTF8_REPLACEMENT;
			r = 1;
		}
		cls = shape_class(cp);
		if (i == 0 && cls == 'X')
			fw->flags |= FW_INITCAP;
		switch (cls) {
		case 'X':
			fw->flags |= FW_UPPER | FW_ALPHA;
			break;
		case 'x':
			fw->flags |= FW_LOWER | FW_ALPHA;
			break;
		case 'd':
			fw->flags |= FW_DIGIT;
			break;
		case '-':
			fw->flags |= FW_HYPHEN;
			break;
		case '.':
			fw->flags |= FW_PERIOD;
			break;
		}
		if (shlen < SHAPE_MAX && (shlen == 0 || sh[shlen - 1] != cls))
			sh[shlen++] = cls;
		if (cls == 'd')
			cp = '0';
		else if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0x80)
			cp = utf8proc_tolower(cp);
		/* At most FEAT_WORD_MAX code points of at most 4 bytes: the
		   offsets fit in a byte but for the last, which is not kept. */
		starts[ncp++] = (unsigned char)(pool->len - fw->norm);
		if (buf_append(pool, enc, (size_t)utf8_encode(cp, enc)) == -1)
			return -1;
	}
	fw->normlen = pool->len - fw->norm;
	for (m = 1; m <= 4; m++) {
		fw->pre[m - 1] = ncp > m ? starts[m] : 0;
		fw->suf[m - 1] = ncp > m ?
		    (unsigned char)(fw->normlen - starts[ncp - m]) : 0;
	}
	fw->s3 = ncp > 3 ? starts[ncp - 3] : 0;
	fw->key = feat_hash(pool->p + fw->norm, fw->normlen);
	if ((fw->flags & FW_INITCAP) && is_title(pool->p + fw->norm,
	    fw->normlen))
		fw->flags |= FW_TITLE;
	fw->shape = pool->len;
	fw->shapelen = shlen;
	return buf_append(pool, sh, shlen);
}

/* Whether the words from i on are written as name e wants (names.h). */
static int
name_case_fits(const struct feat_work *w, size_t i, size_t k,
    const struct name_entry *e)
{
	size_t	 t;

	for (t = 0; t < k; t++) {
		unsigned flags = w->v[i + t].flags;

		if ((e->upper >> t & 1) && !(flags & FW_UPPER))
			return 0;
		if ((e->caps >> t & 1) && (flags & FW_LOWER))
			return 0;
	}
	return 1;
}

/*
 * The length in words of the longest name in the built-in list that
 * starts at word i, or 0; *ep is its entry.  The words are taken one more
 * at a time while they are the first words of some name (names.h), so
 * most capitalised words cost one lookup.
 */
static size_t
longest_name(const struct feat_work *w, size_t i,
    const struct name_entry **ep)
{
	const struct name_entry *e;
	char	 key[160];
	size_t	 len = 0, k, best = 0;

	for (k = 0; k < NAME_MAX_TOKENS && i + k < w->n; k++) {
		const struct feat_word *fw = &w->v[i + k];

		if (len + (k > 0) + fw->normlen > sizeof(key))
			break;
		if (k > 0)
			key[len++] = ' ';
		memcpy(key + len, w->pool.p + fw->norm, fw->normlen);
		len += fw->normlen;
		if ((e = names_find(key, len)) == NULL)
			break;
		if (e->types != 0 && name_case_fits(w, i, k + 1, e)) {
			*ep = e;
			best = k + 1;
		}
	}
	return best;
}

/*
 * Marks the words that are part of a name in the built-in list, taking
 * the longest name from left to right ("New York Stock Exchange", not "New
 * York").  A name starts with a word that has a capital letter.
 */
static void
mark_names(struct feat_work *w)
{
	const struct name_entry *e;
	size_t	 i = 0, k;

	while (i < w->n) {
		k = w->v[i].flags & FW_UPPER ? longest_name(w, i, &e) : 0;
		if (k == 0) {
			i++;
			continue;
		}
		w->v[i].name_start = 1;
		while (k-- > 0)
			w->v[i++].names = e->types;
	}
}

int
feat_prepare(struct feat_work **wp, const struct tag_sentence *s,
    const struct clusters *cl)
{
	struct feat_work *w = *wp;
	size_t		 i, alpha = 0, caps = 0;

	if (w == NULL) {
		if ((w = calloc(1, sizeof(*w))) == NULL)
			return -1;
		*wp = w;
	}
	if (s->n > w->cap) {
		struct feat_word *v;
		size_t	 cap = w->cap ? w->cap : 64;

		while (cap < s->n)
			cap *= 2;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(w->v, cap * sizeof(*v))) == NULL)
			return -1;
		w->v = v;
		w->cap = cap;
	}
	buf_clear(&w->pool);
	w->dict = NULL;
	w->stage = 1;
	w->pass1 = NULL;
	w->n = s->n;
	w->sflags = s->flags;
	w->nlevels = cl != NULL ? clusters_levels(cl) : 0;
	for (i = 0; i < s->n; i++) {
		struct feat_word *fw = &w->v[i];

		if (prepare_word(w, fw, s->words[i], s->lens[i]) == -1)
			return -1;
		/* Headlines in capitals and sentence-initial words are
		   often missing as written: then their lower case. */
		if (cl != NULL && !clusters_lookup(cl,
		    clusters_key(fw->w, fw->len), fw->cid))
			(void)clusters_lookup(cl, clusters_key(w->pool.p +
			    fw->norm, fw->normlen), fw->cid);
		fw->pos = s->pos != NULL && s->pos[i] >= 0 &&
		    s->pos[i] < FEAT_NUPOS ? s->pos[i] : -1;
		if (fw->flags & FW_ALPHA) {
			alpha++;
			if (!(fw->flags & FW_LOWER) && fw->normlen > 1)
				caps++;
		}
	}
	/* A headline in capitals: most of its words are. */
	w->headline = alpha >= 2 && caps * 4 >= alpha * 3;
	mark_names(w);
	return 0;
}

const unsigned char *
feat_word(const struct feat_work *w, size_t i, size_t *len, int *pos)
{
	*len = w->v[i].len;
	*pos = w->v[i].pos;
	return w->v[i].w;
}

void
feat_word_keys(const struct feat_work *w, size_t i, uint64_t *written,
    uint64_t *lower)
{
	const struct feat_word *fw = &w->v[i];

	*written = feat_hash(fw->w, fw->len);
	*lower = fw->key;
}

/*
 * Appends to the pool the names of the classes of set in source s of d,
 * joined by '|'; 0 or -1 if out of memory.  Written once a word, they
 * are read by the eight or so features of the word and its neighbours.
 */
static int
put_dset(struct buf *pool, const struct tagdict *d, size_t s, uint64_t set)
{
	const char *name;
	size_t	 c, len;
	int	 first = 1;

	for (c = 0; set != 0; c++, set >>= 1) {
		if (!(set & 1) || (name = tagdict_class(d, s, c, &len)) == NULL)
			continue;
		if ((!first && buf_putc(pool, '|') == -1) ||
		    buf_append(pool, name, len) == -1)
			return -1;
		first = 0;
	}
	return 0;
}

int
feat_lookup_dict(struct feat_work *w, const struct tagdict *d)
{
	struct feat_word *fw;
	size_t	 i, s, ns;
	uint64_t wk, lk;

	w->dict = d;
	if (d == NULL)
		return 0;
	ns = tagdict_sources(d);
	for (i = 0; i < w->n; i++) {
		fw = &w->v[i];
		feat_word_keys(w, i, &wk, &lk);
		for (s = 0; s < ns; s++) {
			fw->dset[s] = tagdict_lookup(d, s,
			    tagdict_form(d, s) == TAGDICT_LOWER ? lk : wk);
			fw->dstr[s] = w->pool.len;
			if (put_dset(&w->pool, d, s, fw->dset[s]) == -1) {
				w->dict = NULL;
				return -1;
			}
			fw->dlen[s] = w->pool.len - fw->dstr[s];
		}
	}
	return 0;
}

void
feat_work_free(struct feat_work *w)
{
	if (w == NULL)
		return;
	buf_free(&w->pool);
	free(w->v);
	free(w);
}

/* feat_doc.ev: how a word is written where case tells something. */
#define DOC_CAP		0x01
#define DOC_LOW		0x02

struct feat_doc {
	uint64_t	*keys;
	unsigned char	*ev;		/* DOC_*; 0: empty slot */
	signed char	*last;		/* class last predicted, or -1 */
	uint16_t	*agg;		/* FEAT_AGG_CLASSES counts a slot */
	size_t		 cap, n;	/* cap: a power of two */
};

static size_t
doc_slot(const struct feat_doc *d, uint64_t key)
{
	size_t	 i;

	for (i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 40) & (d->cap - 1);
	    d->ev[i] != 0 && d->keys[i] != key; i = (i + 1) & (d->cap - 1))
		;
	return i;
}

/* The slot of key, added if new; -1 if out of memory. */
static long
doc_add(struct feat_doc *d, uint64_t key)
{
	struct feat_doc	 old = *d;
	size_t		 i, j;

	if ((d->n + 1) * 2 > d->cap) {
		d->cap = old.cap ? old.cap * 2 : 1024;
		d->keys = malloc(d->cap * sizeof(*d->keys));
		d->ev = calloc(d->cap, 1);
		d->last = malloc(d->cap);
		d->agg = malloc(d->cap * FEAT_AGG_CLASSES * sizeof(*d->agg));
		if (d->keys == NULL || d->ev == NULL || d->last == NULL ||
		    d->agg == NULL) {
			free(d->keys);
			free(d->ev);
			free(d->last);
			free(d->agg);
			*d = old;
			return -1;
		}
		for (i = 0; i < old.cap; i++) {
			if (old.ev[i] == 0)
				continue;
			j = doc_slot(d, old.keys[i]);
			d->keys[j] = old.keys[i];
			d->ev[j] = old.ev[i];
			d->last[j] = old.last[i];
			memcpy(d->agg + j * FEAT_AGG_CLASSES, old.agg + i *
			    FEAT_AGG_CLASSES, FEAT_AGG_CLASSES *
			    sizeof(*d->agg));
		}
		free(old.keys);
		free(old.ev);
		free(old.last);
		free(old.agg);
	}
	i = doc_slot(d, key);
	if (d->ev[i] == 0) {
		/* 0x80 marks the slot used before any evidence. */
		d->keys[i] = key;
		d->ev[i] = 0x80;
		d->last[i] = -1;
		memset(d->agg + i * FEAT_AGG_CLASSES, 0, FEAT_AGG_CLASSES *
		    sizeof(*d->agg));
		d->n++;
	}
	return (long)i;
}

/* The slot of key, or -1. */
static long
doc_find(const struct feat_doc *d, uint64_t key)
{
	size_t	 i;

	if (d->cap == 0)
		return -1;
	i = doc_slot(d, key);
	return d->ev[i] != 0 ? (long)i : -1;
}

/* Whether the case of word i says nothing: it starts a sentence, it is in
   a headline in capitals, or it is written in capitals itself. */
static int
case_uninformative(const struct feat_work *w, size_t i)
{
	return i == 0 || w->headline ||
	    (w->v[i].flags & (FW_UPPER | FW_LOWER)) == FW_UPPER;
}

int
feat_doc_begin(struct feat_doc **dp, struct feat_work **wp,
    const struct tag_sentence *sents, size_t n)
{
	struct feat_doc	*d = *dp;
	size_t		 k, i;
	long		 slot;

	if (d == NULL) {
		if ((d = calloc(1, sizeof(*d))) == NULL)
			return -1;
		*dp = d;
	}
	if (d->cap > 0)
		memset(d->ev, 0, d->cap);
	d->n = 0;
	for (k = 0; k < n; k++) {
		if (feat_prepare(wp, &sents[k], NULL) == -1)
			return -1;
		for (i = 0; i < (*wp)->n; i++) {
			const struct feat_word *fw = &(*wp)->v[i];
			unsigned char ev;

			if (!(fw->flags & FW_ALPHA))
				continue;
			if (!(fw->flags & FW_INITCAP) && (fw->flags & FW_LOWER))
				ev = DOC_LOW;
			else if ((fw->flags & FW_INITCAP) &&
			    !case_uninformative(*wp, i))
				ev = DOC_CAP;
			else
				continue;
			if ((slot = doc_add(d, fw->key)) < 0)
				return -1;
			d->ev[slot] |= ev;
		}
	}
	return 0;
}

int
feat_doc_record(struct feat_doc *d, const struct feat_work *w,
    const int *classes)
{
	size_t	 i;
	long	 slot;

	for (i = 0; i < w->n; i++) {
		if (!(w->v[i].flags & FW_INITCAP))
			continue;
		if ((slot = doc_add(d, w->v[i].key)) < 0)
			return -1;
		d->last[slot] = (signed char)classes[i];
	}
	return 0;
}

int
feat_doc_aggregate(struct feat_doc *d, const struct feat_work *w,
    const int *classes)
{
	size_t	 i;
	long	 slot;
	uint16_t *a;

	for (i = 0; i < w->n; i++) {
		if (!(w->v[i].flags & FW_INITCAP) || classes[i] < 0 ||
		    classes[i] >= FEAT_AGG_CLASSES)
			continue;
		if ((slot = doc_add(d, w->v[i].key)) < 0)
			return -1;
		a = d->agg + (size_t)slot * FEAT_AGG_CLASSES + classes[i];
		if (*a < UINT16_MAX)
			(*a)++;
	}
	return 0;
}

void
feat_doc_restart(struct feat_doc *d)
{
	size_t	 i;

	for (i = 0; i < d->cap; i++)
		d->last[i] = -1;
}

void
feat_stage(struct feat_work *w, int stage, const int *pass1)
{
	w->stage = stage;
	w->pass1 = stage == 2 ? pass1 : NULL;
}

void
feat_doc_free(struct feat_doc *d)
{
	if (d == NULL)
		return;
	free(d->keys);
	free(d->ev);
	free(d->last);
	free(d->agg);
	free(d);
}

/*
 * A feature string under construction, in a stack buffer: it is cut at
 * FSTR_MAX bytes, which no template reaches for words cut at FEAT_WORD_MAX
 * (4 bytes a code point, 3 words at most, and a short prefix).
 */
#define FSTR_MAX	(4 * FEAT_WORD_MAX * 3 + 64)

struct fstr {
	size_t		 n;
	char		 s[FSTR_MAX];
};

/* A literal's bytes and length. */
#define LIT(s)	(s), (sizeof(s) - 1)

struct fsink {
	uint64_t	*out;
	size_t		 n;
	struct buf	*text;
	uint64_t	 salt;		/* stage 2: hashed apart */
};

/* Stage 2's features are stage 1's hashes exclusive-ored with this
   (the first 64 bits of the fractional part of pi). */
#define STAGE2_SALT	0x243F6A8885A308D3ULL

static inline void
fs_add(struct fstr *f, const void *p, size_t n)
{
	if (n > FSTR_MAX - f->n)
		n = FSTR_MAX - f->n;
	memcpy(f->s + f->n, p, n);
	f->n += n;
}

static inline void
fs_set(struct fstr *f, const char *lit, size_t n)
{
	f->n = 0;
	fs_add(f, lit, n);
}

static inline void
emit(struct fsink *k, const struct fstr *f)
{
	if (k->n >= FEAT_MAX)
		return;
	k->out[k->n++] = feat_hash(f->s, f->n) ^ k->salt;
	if (k->text != NULL && (k->salt == 0 ||
	    buf_append(k->text, LIT("2:")) == 0) &&
	    buf_append(k->text, f->s, f->n) == 0)
		(void)buf_putc(k->text, '\n');
}

/* Words and shapes of position j, which may be outside the sentence. */
static void
add_norm(struct fstr *f, const struct feat_work *w, long j)
{
	if (j < 0)
		fs_add(f, LIT("<s>"));
	else if ((size_t)j >= w->n)
		fs_add(f, LIT("</s>"));
	else
		fs_add(f, w->pool.p + w->v[j].norm, w->v[j].normlen);
}

static void
add_shape(struct fstr *f, const struct feat_work *w, long j)
{
	if (j < 0)
		fs_add(f, LIT("<s>"));
	else if ((size_t)j >= w->n)
		fs_add(f, LIT("</s>"));
	else
		fs_add(f, w->pool.p + w->v[j].shape, w->v[j].shapelen);
}

static void
add_s3(struct fstr *f, const struct feat_work *w, long j)
{
	const struct feat_word *fw;

	if (j < 0)
		fs_add(f, LIT("<s>"));
	else if ((size_t)j >= w->n)
		fs_add(f, LIT("</s>"));
	else {
		fw = &w->v[j];
		fs_add(f, w->pool.p + fw->norm + fw->s3, fw->normlen - fw->s3);
	}
}

static void
add_upos(struct fstr *f, const struct feat_work *w, long j)
{
	const char *u;

	if (j < 0)
		u = "<s>";
	else if ((size_t)j >= w->n)
		u = "</s>";
	else if (w->v[j].pos < 0)
		u = "?";
	else
		u = feat_upos[w->v[j].pos];
	fs_add(f, u, strlen(u));
}

/* The level-l cluster of position j, in decimal. */
static void
add_cluster(struct fstr *f, const struct feat_work *w, long j, size_t l)
{
	char	 d[8];
	size_t	 n = sizeof(d);
	unsigned v;

	if (j < 0)
		fs_add(f, LIT("<s>"));
	else if ((size_t)j >= w->n)
		fs_add(f, LIT("</s>"));
	else if ((v = w->v[j].cid[l]) == CLUSTERS_NONE)
		fs_add(f, LIT("?"));
	else {
		do
			d[--n] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		fs_add(f, d + n, sizeof(d) - n);
	}
}

/*
 * The class set of position j in source s of the dictionary: its class
 * names joined by '|', "-" for a word the source has not seen.
 */
static void
add_dset(struct fstr *f, const struct feat_work *w, long j, size_t s)
{
	if (j < 0)
		fs_add(f, LIT("<s>"));
	else if ((size_t)j >= w->n)
		fs_add(f, LIT("</s>"));
	else if (w->v[j].dset[s] == 0)
		fs_add(f, LIT("-"));
	else
		fs_add(f, w->pool.p + w->v[j].dstr[s], w->v[j].dlen[s]);
}

/*
 * One dictionary feature: "t", the source's digit, name, then the class
 * set of position j1 and, unless j2 is LONG_MIN, '|' and that of j2.
 */
static void
dict_one(struct fsink *k, const struct feat_work *w, size_t s,
    const char *name, long j1, long j2)
{
	struct fstr	 f;
	char		 d = (char)('0' + s);

	fs_set(&f, LIT("t"));
	fs_add(&f, &d, 1);
	fs_add(&f, name, strlen(name));
	add_dset(&f, w, j1, s);
	if (j2 != LONG_MIN) {
		fs_add(&f, LIT("|"));
		add_dset(&f, w, j2, s);
	}
	emit(k, &f);
}

/*
 * The dictionary features (tagdict.h): for each source, the class sets of
 * the word and of its neighbours, and the pairs of the word with each
 * next to it.  Measured by 5-fold cross-validation on UD EWT train (by
 * documents, one run, beam 4): UPOS 95.79 without a dictionary; 96.04
 * with these; 96.00 without the pairs; the sets of words i-2 or i+3, the
 * pair of i+1 and i+2, the word with the set of i+1, the previous class
 * with the set of i, or suffixes and shape apart for words the
 * dictionary lacks all within 0.02 of 96.04 (not kept).
 *
 * dict_set gives those that read the set of word j alone, as the word at
 * j - d sees it ("tS=" for d = 0, "tS-1=", "tS+1=", "tS+2="): they are
 * among the word's features of itself and its neighbours (word_self,
 * word_seen), whose scores a decoder keeps by word.  dict_pairs gives
 * the pairs of word i, its context.
 */
static void
dict_set(struct fsink *k, const struct feat_work *w, enum tag_task task,
    long j, const char *name)
{
	size_t	 s;

	if (task != TAG_TASK_POS || w->dict == NULL || name == NULL)
		return;
	for (s = 0; s < tagdict_sources(w->dict); s++)
		dict_one(k, w, s, name, j, LONG_MIN);
}

static void
dict_pairs(struct fsink *k, const struct feat_work *w, size_t i)
{
	long	 j = (long)i;
	size_t	 s, ns = tagdict_sources(w->dict);

	for (s = 0; s < ns; s++) {
		dict_one(k, w, s, "-10=", j - 1, j);
		dict_one(k, w, s, "0+1=", j, j + 1);
	}
}

static void
add_class(struct fstr *f, const struct feat_classes *c, int k)
{
	if (k < 0 || (size_t)k >= c->n)
		fs_add(f, LIT("<s>"));
	else
		fs_add(f, c->names[k], c->lens[k]);
}

/* The stage-1 class of position j, or "<s>"/"</s>" outside. */
static void
add_pass1(struct fstr *f, const struct feat_work *w,
    const struct feat_classes *c, long j)
{
	if (j >= 0 && (size_t)j >= w->n)
		fs_add(f, LIT("</s>"));
	else
		add_class(f, c, j < 0 ? -1 : w->pass1[j]);
}

/* The entity type of class k: its name without "B-" or "I-". */
static void
add_type(struct fstr *f, const struct feat_classes *c, int k)
{
	const char *name = c->names[k];
	size_t	 len = c->lens[k];

	if (len > 2 && name[1] == '-') {
		name += 2;
		len -= 2;
	}
	fs_add(f, name, len);
}

/* The types of the name word j is part of, one feature each. */
static void
add_name_types(struct fsink *k, const char *lit, size_t litlen,
    const struct feat_work *w, long j)
{
	struct fstr	 f;
	int		 t;

	if (j < 0 || (size_t)j >= w->n || w->v[j].names == 0)
		return;
	for (t = 0; t < NAME_NTYPES; t++) {
		const char *type = names_type(t);

		if (!(w->v[j].names >> t & 1))
			continue;
		fs_set(&f, lit, litlen);
		fs_add(&f, type, strlen(type));
		emit(k, &f);
	}
}

/*
 * NER: the built-in names (names.h) the word and its neighbours are part
 * of: "nm=B-LOC" for the first word of a place name, "nm=I-LOC" for the
 * others, "nm-1=ORG" after an organisation's name.
 */
static void
name_features(struct fsink *k, const struct feat_work *w, long j)
{
	if (w->v[j].name_start)
		add_name_types(k, LIT("nm=B-"), w, j);
	else
		add_name_types(k, LIT("nm=I-"), w, j);
	add_name_types(k, LIT("nm-1="), w, j - 1);
	add_name_types(k, LIT("nm+1="), w, j + 1);
}

/*
 * The features stage 2 adds (feat.h): the stage-1 classes q of the word
 * and its neighbours, and for NER, of the other occurrences of a
 * capitalized word in the document: "ag=T" for each entity type T among
 * them, "agm=" the commonest type ("O" included; "-": none).
 */
static void
stage2(struct fsink *k, const struct feat_work *w, enum tag_task task,
    size_t i, const struct feat_classes *classes,
    const struct feat_doc *doc)
{
	struct fstr	 f;
	const struct feat_word *fw = &w->v[i];
	long		 j = (long)i, slot;
	int		 cnt[FEAT_AGG_CLASSES], q0 = w->pass1[i], c, c2, best;
	size_t		 nc = classes->n < FEAT_AGG_CLASSES ? classes->n :
			    FEAT_AGG_CLASSES;

	fs_set(&f, LIT("q0="));
	add_pass1(&f, w, classes, j);
	emit(k, &f);
	fs_set(&f, LIT("q-1="));
	add_pass1(&f, w, classes, j - 1);
	emit(k, &f);
	fs_set(&f, LIT("q+1="));
	add_pass1(&f, w, classes, j + 1);
	emit(k, &f);
	fs_set(&f, LIT("q+2="));
	add_pass1(&f, w, classes, j + 2);
	emit(k, &f);
	fs_set(&f, LIT("qq+1="));
	add_pass1(&f, w, classes, j);
	fs_add(&f, LIT("|"));
	add_pass1(&f, w, classes, j + 1);
	emit(k, &f);
	fs_set(&f, LIT("q+12="));
	add_pass1(&f, w, classes, j + 1);
	fs_add(&f, LIT("|"));
	add_pass1(&f, w, classes, j + 2);
	emit(k, &f);
	fs_set(&f, LIT("lq+1="));
	add_norm(&f, w, j);
	fs_add(&f, LIT("|"));
	add_pass1(&f, w, classes, j + 1);
	emit(k, &f);

	if (task != TAG_TASK_NER || doc == NULL ||
	    !(fw->flags & FW_INITCAP) || (slot = doc_find(doc, fw->key)) < 0)
		return;
	/* The counts of the other occurrences: without this one. */
	for (c = 0; c < (int)nc; c++)
		cnt[c] = doc->agg[(size_t)slot * FEAT_AGG_CLASSES +
		    (size_t)c] - (c == q0);
	/* Fold B- and I- of a type into the first class of the type. */
	for (c = 0; c < (int)nc; c++)
		for (c2 = c + 1; c2 < (int)nc; c2++) {
			if (cnt[c2] == 0 || classes->lens[c] < 3 ||
			    classes->lens[c] != classes->lens[c2] ||
			    strcmp(classes->names[c] + 1,
			    classes->names[c2] + 1) != 0)
				continue;
			cnt[c] += cnt[c2];
			cnt[c2] = 0;
		}
	best = -1;
	for (c = 0; c < (int)nc; c++) {
		if (cnt[c] <= 0)
			continue;
		if (best < 0 || cnt[c] > cnt[best])
			best = c;
		if (classes->lens[c] > 2 && classes->names[c][1] == '-') {
			fs_set(&f, LIT("ag="));
			add_type(&f, classes, c);
			emit(k, &f);
		}
	}
	fs_set(&f, LIT("agm="));
	if (best < 0)
		fs_add(&f, LIT("-"));
	else
		add_type(&f, classes, best);
	emit(k, &f);
}

/*
 * The features of the previous classes p1 and p2 alone (the same for
 * every word), and those of p1 with word i: the only ones a decoder must
 * compute again for each history it keeps (feat_extract_hist).
 */
static void
hist_classes(struct fsink *k, int p1, int p2,
    const struct feat_classes *classes)
{
	struct fstr	 f;

	fs_set(&f, LIT("p1="));
	add_class(&f, classes, p1);
	emit(k, &f);
	fs_set(&f, LIT("p2="));
	add_class(&f, classes, p2);
	emit(k, &f);
	fs_set(&f, LIT("p12="));
	add_class(&f, classes, p1);
	fs_add(&f, LIT("|"));
	add_class(&f, classes, p2);
	emit(k, &f);
}

static void
hist_word(struct fsink *k, const struct feat_work *w, enum tag_task task,
    size_t i, int p1, const struct feat_classes *classes)
{
	struct fstr	 f;
	const struct feat_word *fw = &w->v[i];
	long		 j = (long)i;

	fs_set(&f, LIT("p1l="));
	add_class(&f, classes, p1);
	fs_add(&f, LIT("|"));
	fs_add(&f, w->pool.p + fw->norm, fw->normlen);
	emit(k, &f);
	fs_set(&f, LIT("p1sh="));
	add_class(&f, classes, p1);
	fs_add(&f, LIT("|"));
	add_shape(&f, w, j);
	emit(k, &f);
	if (w->nlevels > 0) {
		fs_set(&f, LIT("p1cF="));
		add_class(&f, classes, p1);
		fs_add(&f, LIT("|"));
		add_cluster(&f, w, j, w->nlevels - 1);
		emit(k, &f);
	}
	if (task == TAG_TASK_NER) {
		fs_set(&f, LIT("p1u="));
		add_class(&f, classes, p1);
		fs_add(&f, LIT("|"));
		add_upos(&f, w, j);
		emit(k, &f);
	}
	if (w->stage == 2) {
		fs_set(&f, LIT("p1q+1="));
		add_class(&f, classes, p1);
		fs_add(&f, LIT("|"));
		add_pass1(&f, w, classes, j + 1);
		emit(k, &f);
	}
}

static void
hist(struct fsink *k, const struct feat_work *w, enum tag_task task,
    size_t i, int p1, int p2, const struct feat_classes *classes)
{
	hist_classes(k, p1, p2, classes);
	hist_word(k, w, task, i, p1, classes);
}

static void
sink_init(struct fsink *k, const struct feat_work *w, uint64_t *out,
    struct buf *text)
{
	k->out = out;
	k->n = 0;
	k->text = text;
	k->salt = w->stage == 2 ? STAGE2_SALT : 0;
}

size_t
feat_extract_hist(const struct feat_work *w, enum tag_task task, size_t i,
    int p1, int p2, const struct feat_classes *classes, uint64_t *out,
    struct buf *text)
{
	struct fsink	 k;

	sink_init(&k, w, out, text);
	hist(&k, w, task, i, p1, p2, classes);
	return k.n;
}

size_t
feat_extract_hist_classes(const struct feat_work *w, int p1, int p2,
    const struct feat_classes *classes, uint64_t *out, struct buf *text)
{
	struct fsink	 k;

	sink_init(&k, w, out, text);
	hist_classes(&k, p1, p2, classes);
	return k.n;
}

size_t
feat_extract_hist_word(const struct feat_work *w, enum tag_task task,
    size_t i, int p1, const struct feat_classes *classes, uint64_t *out,
    struct buf *text)
{
	struct fsink	 k;

	sink_init(&k, w, out, text);
	hist_word(&k, w, task, i, p1, classes);
	return k.n;
}

size_t
feat_extract(const struct feat_work *w, enum tag_task task, size_t i,
    int p1, int p2, const struct feat_classes *classes,
    const struct feat_doc *doc, uint64_t *out, struct buf *text)
{
	struct fsink	 k;
	size_t		 n;

	n = feat_extract_static(w, task, i, classes, doc, out, text);
	sink_init(&k, w, out, text);
	k.n = n;
	hist(&k, w, task, i, p1, p2, classes);
	return k.n;
}

/* Emits name, what a says of position ja, '|' and what b says of jb. */
static void
emit_pair(struct fsink *k, const char *name, const struct feat_work *w,
    void (*a)(struct fstr *, const struct feat_work *, long), long ja,
    void (*b)(struct fstr *, const struct feat_work *, long), long jb)
{
	struct fstr	 f;

	fs_set(&f, name, strlen(name));
	a(&f, w, ja);
	fs_add(&f, LIT("|"));
	b(&f, w, jb);
	emit(k, &f);
}

/*
 * The features of word i that read only word i itself: as written, its
 * lower case and shape, its affixes, flags and clusters, for POS its
 * class sets in the tag dictionary, and for NER whether it is a title and
 * its UPOS.
 */
static void
word_self(struct fsink *k, const struct feat_work *w, enum tag_task task,
    size_t i)
{
	static const char pre[4][6] = { "pre1=", "pre2=", "pre3=", "pre4=" };
	static const char suf[4][6] = { "suf1=", "suf2=", "suf3=", "suf4=" };
	static const char cw[CLUSTERS_LEVELS_MAX][4] =
	    { "c0=", "c1=", "c2=", "c3=" };
	static const struct { unsigned flag; char name[2]; } flags[] = {
		{ FW_DIGIT, "d" }, { FW_HYPHEN, "h" }, { FW_UPPER, "C" },
		{ FW_INITCAP, "c" }, { FW_PERIOD, "." }
	};
	struct fstr	 f;
	const struct feat_word *fw = &w->v[i];
	const unsigned char *norm = w->pool.p + fw->norm;
	unsigned	 fl = fw->flags;
	size_t		 l;
	int		 m;

	fs_set(&f, LIT("b"));
	emit(k, &f);
	fs_set(&f, LIT("w="));
	fs_add(&f, fw->w, fw->len);
	emit(k, &f);
	fs_set(&f, LIT("l="));
	fs_add(&f, norm, fw->normlen);
	emit(k, &f);
	fs_set(&f, LIT("sh="));
	add_shape(&f, w, (long)i);
	emit(k, &f);
	for (m = 0; m < 4 && fw->pre[m] != 0; m++) {
		fs_set(&f, pre[m], 5);
		fs_add(&f, norm, fw->pre[m]);
		emit(k, &f);
		fs_set(&f, suf[m], 5);
		fs_add(&f, norm + fw->normlen - fw->suf[m], fw->suf[m]);
		emit(k, &f);
	}
	/* "C" is for words in capitals: an uppercase letter, no lower. */
	if (fl & FW_LOWER)
		fl &= ~(unsigned)FW_UPPER;
	for (m = 0; m < (int)(sizeof(flags) / sizeof(flags[0])); m++)
		if (fl & flags[m].flag) {
			fs_set(&f, flags[m].name, 1);
			emit(k, &f);
		}
	for (l = 0; l < w->nlevels; l++) {
		fs_set(&f, cw[l], 3);
		add_cluster(&f, w, (long)i, l);
		emit(k, &f);
	}
	dict_set(k, w, task, (long)i, "=");
	if (task != TAG_TASK_NER)
		return;
	if (fw->flags & FW_TITLE) {
		fs_set(&f, LIT("ttl"));
		emit(k, &f);
	}
	fs_set(&f, LIT("u="));
	add_upos(&f, w, (long)i);
	emit(k, &f);
}

/*
 * The features a word has of its neighbour at offset d alone (-2, -1, +1,
 * +2): their names, NULL for none.  The shapes two words away are NER's;
 * t names POS's class sets of the tag dictionary (dict_set).
 */
struct seen {
	const char	*l, *sh, *s3, *ttl, *u, *t;
	int		 sh_ner;
	const char	*c[CLUSTERS_LEVELS_MAX];
};

static const struct seen seen_as[4] = {
	{ "l-2=", "sh-2=", NULL, NULL, NULL, NULL, 1, { NULL } },
	{ "l-1=", "sh-1=", "s3-1=", "ttl-1", "u-1=", "-1=", 0,
	    { "c0-1=", "c1-1=", "c2-1=", "c3-1=" } },
	{ "l+1=", "sh+1=", "s3+1=", "ttl+1", "u+1=", "+1=", 0,
	    { "c0+1=", "c1+1=", "c2+1=", "c3+1=" } },
	{ "l+2=", "sh+2=", NULL, NULL, NULL, "+2=", 1, { NULL } }
};

/* The features of the word at j - d that read word j alone (see seen). */
static void
word_seen(struct fsink *k, const struct feat_work *w, enum tag_task task,
    long j, const struct seen *s)
{
	struct fstr	 f;
	size_t		 l;

	fs_set(&f, s->l, strlen(s->l));
	add_norm(&f, w, j);
	emit(k, &f);
	if (!s->sh_ner || task == TAG_TASK_NER) {
		fs_set(&f, s->sh, strlen(s->sh));
		add_shape(&f, w, j);
		emit(k, &f);
	}
	if (s->s3 != NULL) {
		fs_set(&f, s->s3, strlen(s->s3));
		add_s3(&f, w, j);
		emit(k, &f);
	}
	for (l = 0; s->c[0] != NULL && l < w->nlevels; l++) {
		fs_set(&f, s->c[l], strlen(s->c[l]));
		add_cluster(&f, w, j, l);
		emit(k, &f);
	}
	dict_set(k, w, task, j, s->t);
	if (task != TAG_TASK_NER || s->u == NULL)
		return;
	if (j >= 0 && (size_t)j < w->n && (w->v[j].flags & FW_TITLE)) {
		fs_set(&f, s->ttl, strlen(s->ttl));
		emit(k, &f);
	}
	fs_set(&f, s->u, strlen(s->u));
	add_upos(&f, w, j);
	emit(k, &f);
}

/* The features of the word at j - d that read word j alone. */
static void
word_feats(struct fsink *k, const struct feat_work *w, enum tag_task task,
    long j, int d)
{
	if (d == 0)
		word_self(k, w, task, (size_t)j);
	else if (d >= -2 && d <= 2)
		word_seen(k, w, task, j, &seen_as[d < 0 ? d + 2 : d + 1]);
}

size_t
feat_extract_word(const struct feat_work *w, enum tag_task task, long j,
    int d, uint64_t *out, struct buf *text)
{
	struct fsink	 k;

	sink_init(&k, w, out, text);
	word_feats(&k, w, task, j, d);
	return k.n;
}

/*
 * The NER features of the document memory (feat_doc) for word i: how the
 * document writes it where its case says nothing here, and the type last
 * predicted for it.
 */
static void
doc_features(struct fsink *k, const struct feat_work *w, size_t i,
    const struct feat_classes *classes, const struct feat_doc *doc)
{
	static const char evs[4][3] = { "-", "C", "l", "Cl" };
	struct fstr	 f;
	const struct feat_word *fw = &w->v[i];
	long		 slot = doc_find(doc, fw->key);
	unsigned	 ev = slot >= 0 ? doc->ev[slot] & 3 : 0;
	int		 last;

	if (case_uninformative(w, i)) {
		fs_set(&f, LIT("dc="));
		fs_add(&f, evs[ev], strlen(evs[ev]));
		emit(k, &f);
		fs_set(&f, LIT("dcsh="));
		fs_add(&f, evs[ev], strlen(evs[ev]));
		fs_add(&f, LIT("|"));
		add_shape(&f, w, (long)i);
		emit(k, &f);
	}
	if (!(fw->flags & FW_INITCAP))
		return;
	last = slot >= 0 ? doc->last[slot] : -1;
	fs_set(&f, LIT("ph="));
	if (last < 0 || (size_t)last >= classes->n)
		fs_add(&f, LIT("-"));
	else
		add_type(&f, classes, last);
	emit(k, &f);
}

/*
 * The NER features of word i with its neighbours: names, shapes and UPOS
 * of two or three words together.
 */
static void
ner_context(struct fsink *k, const struct feat_work *w, size_t i)
{
	struct fstr	 f;
	long		 j = (long)i;

	name_features(k, w, j);
	fs_set(&f, LIT("sh3="));
	add_shape(&f, w, j - 1);
	fs_add(&f, LIT("|"));
	add_shape(&f, w, j);
	fs_add(&f, LIT("|"));
	add_shape(&f, w, j + 1);
	emit(k, &f);
	emit_pair(k, "u-1u=", w, add_upos, j - 1, add_upos, j);
	emit_pair(k, "uu+1=", w, add_upos, j, add_upos, j + 1);
	emit_pair(k, "ul=", w, add_upos, j, add_norm, j);
}

/* The features of word i with its neighbours, of its place in the
   sentence and in the document, and of stage 1 (feat_extract_context). */
static void
context(struct fsink *k, const struct feat_work *w, enum tag_task task,
    size_t i, const struct feat_classes *classes, const struct feat_doc *doc)
{
	struct fstr	 f;
	const struct feat_word *fw = &w->v[i];
	long		 j = (long)i;
	size_t		 mid = w->nlevels / 2;

	emit_pair(k, "l-1l=", w, add_norm, j - 1, add_norm, j);
	emit_pair(k, "ll+1=", w, add_norm, j, add_norm, j + 1);
	emit_pair(k, "sh-1sh=", w, add_shape, j - 1, add_shape, j);
	emit_pair(k, "shsh+1=", w, add_shape, j, add_shape, j + 1);
	if (i == 0) {
		fs_set(&f, LIT("i0sh="));
		add_shape(&f, w, j);
		emit(k, &f);
		fs_set(&f, LIT("i0l="));
		add_norm(&f, w, j);
		emit(k, &f);
		if (w->sflags & TAG_SENT_DOC_START) {
			fs_set(&f, LIT("d0sh="));
			add_shape(&f, w, j);
			emit(k, &f);
		}
	}
	if (w->headline) {
		fs_set(&f, LIT("hl"));
		emit(k, &f);
		fs_set(&f, LIT("hlsh="));
		add_shape(&f, w, j);
		emit(k, &f);
	}
	if (w->nlevels > 0) {
		fs_set(&f, LIT("cM-1c="));
		add_cluster(&f, w, j - 1, mid);
		fs_add(&f, LIT("|"));
		add_cluster(&f, w, j, mid);
		emit(k, &f);
		fs_set(&f, LIT("ccM+1="));
		add_cluster(&f, w, j, mid);
		fs_add(&f, LIT("|"));
		add_cluster(&f, w, j + 1, mid);
		emit(k, &f);
	}
	if (task == TAG_TASK_NER)
		ner_context(k, w, i);
	if (task == TAG_TASK_NER && doc != NULL && (fw->flags & FW_ALPHA))
		doc_features(k, w, i, classes, doc);
	if (task == TAG_TASK_POS && w->dict != NULL)
		dict_pairs(k, w, i);
	if (w->stage == 2)
		stage2(k, w, task, i, classes, doc);
}

size_t
feat_extract_context(const struct feat_work *w, enum tag_task task,
    size_t i, const struct feat_classes *classes, const struct feat_doc *doc,
    uint64_t *out, struct buf *text)
{
	struct fsink	 k;

	sink_init(&k, w, out, text);
	context(&k, w, task, i, classes, doc);
	return k.n;
}

/*
 * The word's own features, those of each neighbour alone, then those of
 * its context; their order tells nothing (a word's score is their sum).
 */
size_t
feat_extract_static(const struct feat_work *w, enum tag_task task, size_t i,
    const struct feat_classes *classes, const struct feat_doc *doc,
    uint64_t *out, struct buf *text)
{
	static const int d[5] = { 0, -2, -1, 1, 2 };
	struct fsink	 k;
	size_t		 t;

	sink_init(&k, w, out, text);
	for (t = 0; t < 5; t++)
		word_feats(&k, w, task, (long)i + d[t], d[t]);
	context(&k, w, task, i, classes, doc);
	return k.n;
}

int
feat_name_ok(const unsigned char *s, size_t n, size_t max)
{
	size_t	 i;

	if (n == 0 || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] >= 0x7F)
			return 0;
	return 1;
}

int
feat_fail(char *err, size_t errlen, const char *msg)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", msg);
	return -1;
}

/*
 * CRC-32 of ISO-HDLC (zlib's), sliced by 8 for load speed.  The tables
 * are built on each call, on the stack (a few microseconds), so that no
 * static state is shared between threads.
 */
uint32_t
feat_crc32(uint32_t crc, const unsigned char *p, size_t n)
{
	uint32_t t[8][256], a, b, c;
	int	 i, j;

	for (i = 0; i < 256; i++) {
		c = (uint32_t)i;
		for (j = 0; j < 8; j++)
			c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
		t[0][i] = c;
	}
	for (i = 0; i < 256; i++)
		for (j = 1; j < 8; j++)
			t[j][i] = (t[j - 1][i] >> 8) ^ t[0][t[j - 1][i] & 0xFF];
	crc = ~crc;
	while (n >= 8) {
		a = crc ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 |
		    (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24);
		b = (uint32_t)p[4] | (uint32_t)p[5] << 8 |
		    (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
		crc = t[7][a & 0xFF] ^ t[6][(a >> 8) & 0xFF] ^
		    t[5][(a >> 16) & 0xFF] ^ t[4][a >> 24] ^
		    t[3][b & 0xFF] ^ t[2][(b >> 8) & 0xFF] ^
		    t[1][(b >> 16) & 0xFF] ^ t[0][b >> 24];
		p += 8;
		n -= 8;
	}
	while (n-- > 0)
		crc = t[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
	return ~crc;
}
