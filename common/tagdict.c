/*
 * tagdict: the tag dictionary (see tagdict.h), its builder and its bytes.
 *
 * Encoded dictionary.  Integers are little-endian and of fixed width;
 * nothing is aligned and the reader never assumes it is.  The bytes live
 * inside a model file (tagger.c), whose CRC covers them.
 *
 *   size  field
 *      1  nsources, 0..4
 *         then for each source:
 *      1  form: 0 words as written, 1 lower case with digits as 0
 *      1  nclasses, 1..64
 *         class names, nclasses times: 1 byte length (1..15), then the
 *         name (printable ASCII, no space)
 *      4  nentries
 *         then for each source, its entries, nentries times:
 *      8  key: FNV-1a 64 of the word's form (feat_word_keys, feat.h)
 *      8  class set: bit c for class c; nonzero, no bit at nclasses or
 *         above; the keys in strictly increasing order of otab_key
 *
 * The entries of each source are copied at load into an ordered hash
 * table (otab.h) of 16-byte slots, as the word clusters are
 * (clusters.c): a lookup touches one cache line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feat.h"
#include "le.h"
#include "otab.h"
#include "tagdict.h"

#define ENTRY_SIZE	16

struct source {
	enum tagdict_form form;
	size_t		 nclasses;
	char		 names[TAGDICT_CLASSES_MAX][TAGDICT_NAME_MAX + 1];
	size_t		 lens[TAGDICT_CLASSES_MAX];
	double		 share;		/* builder only */
};

struct tagdict {
	struct source	 src[TAGDICT_SOURCES_MAX];
	struct otab	 table[TAGDICT_SOURCES_MAX];
	size_t		 nsources;
};

/* One observation: the word of key seen with class cls in fold. */
struct obs {
	uint64_t	 key;
	unsigned char	 src, cls;
	int		 fold;
};

struct tagdict_builder {
	struct source	 src[TAGDICT_SOURCES_MAX];
	size_t		 nsources;
	struct obs	*obs;
	size_t		 n, cap;
	int		 folds;
};

/* otab_build's fill: the class set, as a native uint64_t. */
static void
fill_set(unsigned char *slot, const unsigned char *row, void *arg)
{
	uint64_t v = le64(row);

	(void)arg;
	memcpy(slot, &v, sizeof(v));
}

/* The mask of the classes of a source of nc classes. */
static uint64_t
all_classes(size_t nc)
{
	return nc >= 64 ? UINT64_MAX : ((uint64_t)1 << nc) - 1;
}

/*
 * Reads the header of source s at p[*off..n) into d; returns its number
 * of entries, or -1 if the bytes are not a header.
 */
static long
read_source(struct tagdict *d, size_t s, const unsigned char *p, size_t n,
    size_t *off)
{
	struct source	*src = &d->src[s];
	size_t		 c, len;

	if (n - *off < 2 || p[*off] > TAGDICT_LOWER || p[*off + 1] == 0 ||
	    p[*off + 1] > TAGDICT_CLASSES_MAX)
		return -1;
	src->form = (enum tagdict_form)p[*off];
	src->nclasses = p[*off + 1];
	*off += 2;
	for (c = 0; c < src->nclasses; c++) {
		if (*off >= n || (len = p[*off]) > n - *off - 1 ||
		    !feat_name_ok(p + *off + 1, len, TAGDICT_NAME_MAX))
			return -1;
		memcpy(src->names[c], p + *off + 1, len);
		src->names[c][len] = '\0';
		src->lens[c] = len;
		*off += 1 + len;
	}
	if (n - *off < 4)
		return -1;
	*off += 4;
	return (long)le32(p + *off - 4);
}

int
tagdict_load_mem(struct tagdict **dp, const unsigned char *p, size_t n,
    char *err, size_t errlen)
{
	struct tagdict	*d;
	size_t		 s, k, off = 1, count[TAGDICT_SOURCES_MAX];
	long		 m;
	int		 r;

	*dp = NULL;
	if (n < 1 || p[0] > TAGDICT_SOURCES_MAX)
		return feat_fail(err, errlen, "bad tag dictionary");
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return -2;
	d->nsources = p[0];
	for (s = 0; s < d->nsources; s++) {
		if ((m = read_source(d, s, p, n, &off)) < 0) {
			tagdict_free(d);
			return feat_fail(err, errlen, "bad tag dictionary");
		}
		count[s] = (size_t)m;
	}
	for (s = 0; s < d->nsources; s++) {
		if (count[s] > (n - off) / ENTRY_SIZE) {
			tagdict_free(d);
			return feat_fail(err, errlen,
			    "truncated tag dictionary");
		}
		for (k = 0; k < count[s]; k++) {
			uint64_t set = le64(p + off + k * ENTRY_SIZE + 8);

			if (set == 0 ||
			    (set & ~all_classes(d->src[s].nclasses)) != 0) {
				tagdict_free(d);
				return feat_fail(err, errlen,
				    "bad class set in tag dictionary");
			}
		}
		r = otab_build_ordered(&d->table[s], p + off, count[s],
		    ENTRY_SIZE, ENTRY_SIZE, fill_set, NULL);
		if (r != 0) {
			tagdict_free(d);
			return r == -2 ? -2 : feat_fail(err, errlen,
			    "tag dictionary out of order");
		}
		off += count[s] * ENTRY_SIZE;
	}
	if (off != n) {
		tagdict_free(d);
		return feat_fail(err, errlen,
		    "tag dictionary size does not match");
	}
	*dp = d;
	return 0;
}

void
tagdict_free(struct tagdict *d)
{
	size_t	 s;

	if (d == NULL)
		return;
	for (s = 0; s < TAGDICT_SOURCES_MAX; s++)
		otab_free(&d->table[s]);
	free(d);
}

size_t
tagdict_sources(const struct tagdict *d)
{
	return d->nsources;
}

enum tagdict_form
tagdict_form(const struct tagdict *d, size_t s)
{
	return d->src[s].form;
}

const char *
tagdict_class(const struct tagdict *d, size_t s, size_t c, size_t *len)
{
	if (s >= d->nsources || c >= d->src[s].nclasses)
		return NULL;
	*len = d->src[s].lens[c];
	return d->src[s].names[c];
}

uint64_t
tagdict_lookup(const struct tagdict *d, size_t s, uint64_t key)
{
	const struct otab *t = &d->table[s];
	const unsigned char *p;
	uint64_t	 g = otab_key(key), set;

	if (t->slots == NULL)
		return 0;
	if ((p = otab_scan(t, otab_home(t, g), g)) == NULL)
		return 0;
	memcpy(&set, p + 8, sizeof(set));
	return set;
}

int
tagdict_builder_new(struct tagdict_builder **bp)
{
	if ((*bp = calloc(1, sizeof(**bp))) == NULL)
		return -2;
	return 0;
}

int
tagdict_builder_source(struct tagdict_builder *b, const char *const *names,
    size_t nclasses, enum tagdict_form form, double share)
{
	struct source	*src;
	size_t		 c, len;

	if (b->nsources >= TAGDICT_SOURCES_MAX || nclasses == 0 ||
	    nclasses > TAGDICT_CLASSES_MAX ||
	    (form != TAGDICT_WRITTEN && form != TAGDICT_LOWER) ||
	    !(share >= 0 && share <= 1))
		return -1;
	src = &b->src[b->nsources];
	for (c = 0; c < nclasses; c++) {
		len = strlen(names[c]);
		if (!feat_name_ok((const unsigned char *)names[c], len,
		    TAGDICT_NAME_MAX))
			return -1;
		memcpy(src->names[c], names[c], len + 1);
		src->lens[c] = len;
	}
	src->nclasses = nclasses;
	src->form = form;
	src->share = share;
	return (int)b->nsources++;
}

int
tagdict_builder_add(struct tagdict_builder *b, size_t s, uint64_t key,
    size_t c, int fold)
{
	struct obs	*o;

	if (s >= b->nsources || c >= b->src[s].nclasses || fold < -1)
		return -1;
	if (b->n == b->cap) {
		size_t	 cap = b->cap ? b->cap * 2 : 4096;

		if (cap > SIZE_MAX / sizeof(*o) ||
		    (o = realloc(b->obs, cap * sizeof(*o))) == NULL)
			return -2;
		b->obs = o;
		b->cap = cap;
	}
	o = &b->obs[b->n++];
	o->key = key;
	o->src = (unsigned char)s;
	o->cls = (unsigned char)c;
	o->fold = fold;
	if (fold >= b->folds)
		b->folds = fold + 1;
	return 0;
}

int
tagdict_builder_folds(const struct tagdict_builder *b)
{
	return b->folds;
}

void
tagdict_builder_free(struct tagdict_builder *b)
{
	if (b == NULL)
		return;
	free(b->obs);
	free(b);
}

/* Observations by source, then key, then class. */
static int
cmp_obs(const void *a, const void *b)
{
	const struct obs *x = a, *y = b;

	if (x->src != y->src)
		return x->src < y->src ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->cls > y->cls) - (x->cls < y->cls);
}

/* An entry being written: first the key, for otab_cmp_hashes. */
struct entry {
	uint64_t	 key;
	uint64_t	 set;
};

/*
 * The entries of the sorted observations o[0..n) of one source: the
 * classes that make at least share of each word's observations.
 * Returns their number in e[].
 */
static size_t
entries(const struct obs *o, size_t n, double share, struct entry *e)
{
	size_t	 i = 0, j, ne = 0, cnt[TAGDICT_CLASSES_MAX], c, best;
	uint64_t set;

	while (i < n) {
		memset(cnt, 0, sizeof(cnt));
		for (j = i; j < n && o[j].key == o[i].key; j++)
			cnt[o[j].cls]++;
		/* The commonest class passes whatever share, so that no
		   word seen is left with an empty set. */
		best = 0;
		for (c = 1; c < TAGDICT_CLASSES_MAX; c++)
			if (cnt[c] > cnt[best])
				best = c;
		set = (uint64_t)1 << best;
		for (c = 0; c < TAGDICT_CLASSES_MAX; c++)
			if (cnt[c] > 0 && (double)cnt[c] >= share *
			    (double)(j - i))
				set |= (uint64_t)1 << c;
		e[ne].key = o[i].key;
		e[ne].set = set;
		ne++;
		i = j;
	}
	qsort(e, ne, sizeof(*e), otab_cmp_hashes);
	return ne;
}

/* Appends the header of source s with nent entries. */
static int
put_source(struct buf *out, const struct source *src, size_t nent)
{
	unsigned char	 b[4];
	size_t		 c;

	b[0] = (unsigned char)src->form;
	b[1] = (unsigned char)src->nclasses;
	if (buf_append(out, b, 2) == -1)
		return -2;
	for (c = 0; c < src->nclasses; c++) {
		b[0] = (unsigned char)src->lens[c];
		if (buf_append(out, b, 1) == -1 ||
		    buf_append(out, src->names[c], src->lens[c]) == -1)
			return -2;
	}
	put32(b, (uint32_t)nent);
	return buf_append(out, b, 4) == -1 ? -2 : 0;
}

int
tagdict_encode(const struct tagdict_builder *b, int leave_out,
    struct buf *out)
{
	struct obs	*o;
	struct entry	*e;
	unsigned char	 row[ENTRY_SIZE], ns = (unsigned char)b->nsources;
	size_t		 i, n = 0, s, k, first;
	size_t		 ne[TAGDICT_SOURCES_MAX], eoff[TAGDICT_SOURCES_MAX];
	int		 r = -2;

	if ((o = malloc((b->n + 1) * sizeof(*o))) == NULL)
		return -2;
	if ((e = malloc((b->n + 1) * sizeof(*e))) == NULL) {
		free(o);
		return -2;
	}
	for (i = 0; i < b->n; i++)
		if (b->obs[i].fold < 0 || b->obs[i].fold != leave_out)
			o[n++] = b->obs[i];
	qsort(o, n, sizeof(*o), cmp_obs);
	for (s = 0, i = 0, k = 0; s < b->nsources; s++) {
		for (first = i; i < n && o[i].src == s; i++)
			;
		eoff[s] = k;
		ne[s] = entries(o + first, i - first, b->src[s].share, e + k);
		k += ne[s];
	}
	if (buf_append(out, &ns, 1) == -1)
		goto done;
	for (s = 0; s < b->nsources; s++)
		if (put_source(out, &b->src[s], ne[s]) != 0)
			goto done;
	for (s = 0; s < b->nsources; s++)
		for (k = 0; k < ne[s]; k++) {
			put64(row, e[eoff[s] + k].key);
			put64(row + 8, e[eoff[s] + k].set);
			if (buf_append(out, row, sizeof(row)) == -1)
				goto done;
		}
	r = 0;
done:
	free(o);
	free(e);
	return r;
}
