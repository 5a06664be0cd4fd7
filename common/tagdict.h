/*
 * tagdict: a tag dictionary, the set of classes each word was seen with
 * in tagged text, for the tagger's features: its "ambiguity class"
 * (Gimenez and Marquez 2004, SVMTool; Toutanova et al. 2003).  A word's
 * class set, and those of the words to its right, tell a left-to-right
 * decoder what its own features of the right context cannot: "that" is
 * DET, PRON or SCONJ, "up" ADP or ADV, "Polish" ADJ or PROPN.
 *
 * A dictionary has up to TAGDICT_SOURCES_MAX sources, each with its own
 * class names (UPOS from one corpus, Penn Treebank tags from another)
 * and keyed either by the word as written or by its lower-case form with
 * digits as 0 (feat_word_keys, feat.h).  A word is known by the 64-bit
 * FNV-1a hash of that form.
 *
 * A builder collects observations (source, key, class, fold) and encodes
 * a dictionary of all of them, or of all but one fold: the trainer builds
 * one for each tenth of its data from the other nine tenths, so that rare
 * words look in training as they will in new text, absent from it
 * (jackknifing).  The encoded bytes are documented in tagdict.c and
 * travel inside the model file (tagger.c).
 */
#ifndef QUIRE_TAGDICT_H
#define QUIRE_TAGDICT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define TAGDICT_SOURCES_MAX	4
#define TAGDICT_CLASSES_MAX	64
#define TAGDICT_NAME_MAX	15

/* How a source knows its words. */
enum tagdict_form {
	TAGDICT_WRITTEN = 0,	/* as written */
	TAGDICT_LOWER = 1	/* lower case, digits as 0 */
};

struct tagdict;

/*
 * Loads the dictionary of the n bytes at p (they may go once it returns).
 * Returns 0 and stores it, or -1 with a message in err (errlen bytes:
 * "truncated tag dictionary", ...), or -2 if out of memory.
 */
int	tagdict_load_mem(struct tagdict **, const unsigned char *p, size_t n,
	    char *err, size_t errlen);
void	tagdict_free(struct tagdict *);

/* The number of sources, 0..TAGDICT_SOURCES_MAX. */
size_t	tagdict_sources(const struct tagdict *);

/* How source s knows its words. */
enum tagdict_form tagdict_form(const struct tagdict *, size_t s);

/* The name of class c of source s (NUL-terminated), or NULL; its length
   in *len. */
const char *tagdict_class(const struct tagdict *, size_t s, size_t c,
	    size_t *len);

/* The class set of the word of key in source s: bit c for class c; 0 if
   the source has not seen the word. */
uint64_t tagdict_lookup(const struct tagdict *, size_t s, uint64_t key);

/*
 * The builder.  tagdict_builder_source adds a source of nclasses classes
 * named names[] (each 1..TAGDICT_NAME_MAX bytes of printable ASCII) and
 * returns its index, or -1 (too many sources, bad names).  A class goes
 * into a word's set if it is at least share (0..1) of the word's
 * observations, so that the odd annotation slip does not make a word look
 * ambiguous.  tagdict_builder_add records that the word of key was seen
 * with class c in fold fold (-1: in no fold, never left out).  Each
 * returns 0, -1 for arguments out of range, or -2 if out of memory.
 */
struct tagdict_builder;
int	tagdict_builder_new(struct tagdict_builder **);
int	tagdict_builder_source(struct tagdict_builder *,
	    const char *const *names, size_t nclasses, enum tagdict_form,
	    double share);
int	tagdict_builder_add(struct tagdict_builder *, size_t s, uint64_t key,
	    size_t c, int fold);
/* The number of folds: one more than the largest fold added. */
int	tagdict_builder_folds(const struct tagdict_builder *);
void	tagdict_builder_free(struct tagdict_builder *);

/*
 * Appends to out the dictionary of every observation but those of fold
 * leave_out (-1: of all).  The same observations give the same bytes.
 * Returns 0, or -2 if out of memory.
 */
int	tagdict_encode(const struct tagdict_builder *, int leave_out,
	    struct buf *out);

#endif /* QUIRE_TAGDICT_H */
