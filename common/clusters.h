/*
 * clusters: word clusters for the tagger's features (Ratinov and Roth 2009;
 * Turian, Ratinov and Bengio 2010), learned from unlabeled news by
 * tools/learn_clusters with the exchange algorithm (Kneser and Ney 1993;
 * Martin, Liermann and Ney 1998) at a few granularities, so that each word
 * has one class id per level, coarse to fine.
 *
 * A word is known by clusters_key: the 64-bit FNV-1a hash (feat_hash) of
 * the word as written, with each ASCII digit read as '0' ("1996" and
 * "2024" are one word, "Apple" and "apple" two).  The table file format is
 * documented in clusters.c; a corrupt or truncated table is an error with
 * a message, never a crash.
 */
#ifndef QUIRE_CLUSTERS_H
#define QUIRE_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The most levels a table may have. */
#define CLUSTERS_LEVELS_MAX	4
/* The id clusters_lookup stores for an unknown word. */
#define CLUSTERS_NONE		0xFFFF

struct clusters;

/* The key of word s[0..n) (see above). */
uint64_t clusters_key(const void *s, size_t n);

/*
 * Loads a table from memory (the rows are copied into a lookup table: the
 * bytes may go once it returns) or from a file.  Returns 0 and stores the
 * table, or -1 with a message in err (errlen bytes: "truncated cluster
 * table", "checksum mismatch", ...), or -2 if out of memory.
 */
int	clusters_load_mem(struct clusters **, const unsigned char *p, size_t n,
	    char *err, size_t errlen);
int	clusters_load_file(struct clusters **, const char *path, char *err,
	    size_t errlen);
void	clusters_free(struct clusters *);

/* The number of levels, 1..CLUSTERS_LEVELS_MAX, and of words. */
size_t	clusters_levels(const struct clusters *);
size_t	clusters_words(const struct clusters *);

/* The table's identity: the CRC-32 its file ends with.  Models record it,
   so that a model is never used with other clusters than it learned. */
uint32_t clusters_id(const struct clusters *);

/*
 * Stores the class ids of the word of key in ids[0..clusters_levels())
 * and returns 1, or stores CLUSTERS_NONE and returns 0 if the word is not
 * in the table.
 */
int	clusters_lookup(const struct clusters *, uint64_t key, uint16_t *ids);

/*
 * The writer: appends to out a table of nlevels levels of nclasses[l]
 * classes each (2..65535) and nwords words: keys[i] (strictly increasing)
 * with ids[i * nlevels + l] < nclasses[l].  Returns 0, -1 if the arguments
 * break those rules, or -2 if out of memory.
 */
int	clusters_encode(struct buf *out, size_t nlevels,
	    const uint32_t *nclasses, size_t nwords, const uint64_t *keys,
	    const uint16_t *ids);

#endif /* QUIRE_CLUSTERS_H */
