/*
 * otab: a read-only hash table of fixed-size rows keyed by 64-bit hashes,
 * built once from the sorted rows of a file (the tagger's weights, the
 * word clusters) and laid out for lookup: an ordered linear-probing table
 * (Amble and Knuth 1974, "Ordered hash tables").
 *
 * A row is filed under its key, otab_key of its hash, at the first free
 * slot from its home, the key's place in [0, nslots) by its top bits.  The
 * rows go in in increasing key order, and since homes grow with keys, so
 * do the slots.  A lookup starts at the home and steps over the slots with
 * smaller keys, one on average (the table is 2/3 full), and stops at the
 * first key not smaller.  Empty slots hold the key OTAB_EMPTY and zero
 * bytes, and one such slot ends the table, so that a scan needs no bound
 * check; an empty slot may end it since no row lies beyond a gap from its
 * home.  A slot is its key (a native uint64_t) and the payload after it;
 * the table is aligned to 64 bytes, so that slots of 16, 32 or 64 bytes
 * never straddle two cache lines.
 */
#ifndef QUIRE_OTAB_H
#define QUIRE_OTAB_H

#include <stddef.h>
#include <stdint.h>

#define OTAB_EMPTY	UINT64_MAX

struct otab {
	unsigned char	*slots;		/* 64-byte aligned; NULL: none */
	size_t		 nslots;	/* home slots, < 2^32 */
	size_t		 slotsize;	/* bytes, a multiple of 8 */
	int		 has_empty_key;	/* a row's key is OTAB_EMPTY */
};

/*
 * Builds t from nrows rows of rowsize bytes at rows, each an 8-byte
 * little-endian hash, strictly increasing, then a payload.  Each slot is
 * slotsize bytes (a multiple of 8, at least 8); fill(slot + 8, row + 8,
 * arg) writes a row's payload into a slot of zero bytes.  Returns 0, -1 if
 * the hashes are out of order, or -2 if out of memory (t is then empty).
 */
int	otab_build(struct otab *t, const unsigned char *rows, size_t nrows,
	    size_t rowsize, size_t slotsize,
	    void (*fill)(unsigned char *, const unsigned char *, void *),
	    void *arg);

/*
 * The same from rows already in increasing order of their keys
 * (otab_key of the hash, each still stored as the hash): one pass that
 * reads the rows and writes the table in order, with no sort.  Returns
 * 0, -1 if the keys are out of order, or -2 if out of memory.
 */
int	otab_build_ordered(struct otab *t, const unsigned char *rows,
	    size_t nrows, size_t rowsize, size_t slotsize,
	    void (*fill)(unsigned char *, const unsigned char *, void *),
	    void *arg);
void	otab_free(struct otab *t);

/*
 * A qsort(3) comparator of the uint64_t hashes a and b point to (or of
 * structures whose first member is the hash), by otab_key: the order
 * otab_build_ordered takes its rows in.
 */
int	otab_cmp_hashes(const void *a, const void *b);

/*
 * The key a row is filed under: its hash times an odd constant, a
 * bijection, so that keys are equal when hashes are.  FNV-1a hashes of
 * strings that differ in their last byte differ little in their top bits
 * (the prime is 2^40 + 435), so filed by those bits "suf1=a" and "suf1=b"
 * would crowd the same slots; the product spreads them (Knuth's
 * multiplicative hashing, TAOCP vol. 3, 6.4, with the golden ratio).
 */
static inline uint64_t
otab_key(uint64_t h)
{
	return h * 0x9E3779B97F4A7C15ULL;
}

/* The home slot of key g, where its lookup starts; fetch it early. */
static inline const unsigned char *
otab_home(const struct otab *t, uint64_t g)
{
	return t->slots + (size_t)((g >> 32) * t->nslots >> 32) * t->slotsize;
}

/* The slot of key g from its home p, or NULL if no row has that key. */
static inline const unsigned char *
otab_scan(const struct otab *t, const unsigned char *p, uint64_t g)
{
	uint64_t key;

	while ((key = *(const uint64_t *)(const void *)p) < g)
		p += t->slotsize;
	return key == g && (g != OTAB_EMPTY || t->has_empty_key) ? p : NULL;
}

#endif /* QUIRE_OTAB_H */
