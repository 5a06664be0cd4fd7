/*
 * entity: entity spans over the words of a sentence, and the two rule-based
 * sources besides the statistical model: numeric expressions (numeric.c)
 * and user gazetteers (gazetteer.c).
 */
#ifndef QUIRE_ENTITY_H
#define QUIRE_ENTITY_H

#include <stddef.h>
#include <stdint.h>

/* Entity types: CoNLL-2003's names and OntoNotes' numeric types. */
enum ent_type {
	ENT_NONE = 0,
	ENT_PER, ENT_ORG, ENT_LOC, ENT_MISC,
	ENT_MONEY, ENT_PERCENT, ENT_DATE, ENT_TIME, ENT_QUANTITY,
	ENT_ORDINAL, ENT_CARDINAL,
	ENT_NTYPES
};

/* "PER", "MONEY", ...; NULL for ENT_NONE. */
const char *ent_type_name(enum ent_type);
/* The type named name, or ENT_NONE. */
enum ent_type ent_type_parse(const char *name, size_t len);

/* An entity: words [first, last) of a sentence. */
struct ent_span {
	size_t		 first, last;
	enum ent_type	 type;
};

struct ent_vec {
	struct ent_span	*v;
	size_t		 n, cap;
};

/* Appends a span; 0, or -1 if out of memory. */
int	ent_vec_push(struct ent_vec *, size_t first, size_t last,
	    enum ent_type);
void	ent_vec_free(struct ent_vec *);
/* A qsort(3) comparator of spans, by first word. */
int	ent_span_cmp(const void *, const void *);

/*
 * Numeric expressions by rules over the words w[i] (lengths n[i]) of one
 * sentence: MONEY ($2.5 billion, 300 euros), PERCENT (8%, 8 percent),
 * DATE (July 16, 2025; last week; the previous quarter; 1990s), TIME
 * (10:30 a.m., noon), QUANTITY (5 km, 3 tons), ORDINAL (third, 21st),
 * CARDINAL (1.5 million, 42, two).  Appends non-overlapping spans in
 * order.  Returns 0, or -1 if out of memory.
 */
int	num_find(const unsigned char *const *w, const size_t *n, size_t nw,
	    struct ent_vec *out);

/*
 * The place of a dateline that opens the sentence w[0..nw) (dateline.c):
 * "RIVERTON - The ...", "WASHINGTON (Reuters) - ...": the number of its
 * words, which are LOC, or 0.  Only a sentence that opens a paragraph
 * has one.
 */
size_t	ent_dateline(const unsigned char *const *w, const size_t *n,
	    size_t nw);

/*
 * The people a document has named (people.c): the last word of each PER
 * span of two words or more.  ent_people_apply takes the spans of the
 * sentence w[0..nw) (word lengths n), sorts them, makes PER each span of
 * one word typed LOC or MISC whose word (as written) is such a surname,
 * gives such a capitalized word in no span a PER span of its own
 * (appended), then learns the surnames of the sentence.  Call it on each
 * sentence in order, and ent_people_clear at each document's start.
 * Returns 0, or -1 if out of memory.
 */
struct ent_people {
	uint64_t	*keys;
	unsigned char	*kind;
	size_t		 n, cap;
};

int	ent_people_apply(struct ent_people *, const unsigned char *const *w,
	    const size_t *n, size_t nw, struct ent_vec *spans);
void	ent_people_clear(struct ent_people *);
void	ent_people_free(struct ent_people *);

#endif /* QUIRE_ENTITY_H */
