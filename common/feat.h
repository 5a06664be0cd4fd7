/*
 * feat: the feature templates of the tagger (tagger.h), and the model
 * writer, shared by prediction (tagger.c) and training (train.c) so that
 * the two can never differ.
 *
 * A feature is a short string such as "w=Apple", "suf3=ple", "sh=Xx" or
 * "p1=PROPN" (the class predicted for the previous word); the model knows
 * it by its 64-bit FNV-1a hash (Fowler, Noll and Vo; the FNV-1a variant of
 * draft-eastlake-fnv).  The strings are only ever built in a stack buffer
 * and hashed: nothing is allocated per word.
 *
 * Words are prepared once per sentence (feat_prepare: lower case, a form
 * with digits folded to 0, the collapsed word shape, prefix and suffix
 * lengths), then feat_extract gives the hashes for one position, given the
 * two classes already predicted to its left.
 */
#ifndef QUIRE_FEAT_H
#define QUIRE_FEAT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "clusters.h"
#include "tagger.h"

/* The most features one word can have; size feat_extract's output so. */
#define FEAT_MAX	112

/*
 * The revision of the templates below.  Models record it; a model trained
 * on other templates is refused at load, since its weights would be
 * silently wrong.  Change it whenever feat_extract changes what it hashes.
 */
#define FEAT_VERSION	6

/*
 * The 17 Universal Dependencies UPOS tags in alphabetical order.  For NER,
 * tag_sentence.pos holds indices into this list (or -1: unknown).  POS
 * models written by train_tagger list their classes in this order, so the
 * classes tag_predict returns for a POS model can be passed on as they are.
 */
#define FEAT_NUPOS	17
extern const char *const feat_upos[FEAT_NUPOS];

/* The index of UPOS tag s[0..n) in feat_upos, or -1. */
int	feat_upos_index(const char *s, size_t n);

/* FNV-1a, 64 bits, of s[0..n). */
uint64_t feat_hash(const void *s, size_t n);

/* Per-sentence scratch memory, reused from one sentence to the next. */
struct feat_work;

/*
 * Prepares the words of s for feat_extract.  *w is NULL at first and is
 * reused afterwards; free it with feat_work_free.  Words longer than
 * FEAT_WORD_MAX bytes are cut there (after a whole code point) for the
 * features.  cl is the word-cluster table of the model, or NULL for a
 * model without cluster features; each word is looked up as written, then
 * in lower case.  Returns 0, or -1 if out of memory.
 */
#define FEAT_WORD_MAX	64
int	feat_prepare(struct feat_work **w, const struct tag_sentence *s,
	    const struct clusters *cl);
void	feat_work_free(struct feat_work *);


/*
 * Word i of the sentence last given to feat_prepare: its bytes, cut at
 * FEAT_WORD_MAX, with their number in *len, and its UPOS class in *pos
 * (-1: none).  The bytes are the sentence's own.
 */
const unsigned char *feat_word(const struct feat_work *w, size_t i,
	    size_t *len, int *pos);

/*
 * The keys of word i of the sentence last given to feat_prepare, as a
 * tag dictionary knows it (tagdict.h): the FNV-1a hash of the word as
 * written (cut at FEAT_WORD_MAX), and of its lower case with digits as 0.
 */
void	feat_word_keys(const struct feat_work *w, size_t i, uint64_t *written,
	    uint64_t *lower);

/*
 * Looks the words of the sentence last given to feat_prepare up in the
 * tag dictionary d, for POS features of their class sets (feat.c); d must
 * outlive the sentence's features.  d NULL, or no call after
 * feat_prepare: no dictionary features.  Returns 0, or -1 if out of
 * memory (then no dictionary features).
 */
struct tagdict;
int	feat_lookup_dict(struct feat_work *w, const struct tagdict *d);

/*
 * Class names for the history features of feat_extract: names[i] is a
 * NUL-terminated string of lens[i] bytes.
 */
struct feat_classes {
	const char *const *names;
	const size_t	*lens;
	size_t		 n;
};

/*
 * Document memory, for NER's document-level features (Ratinov and Roth
 * 2009, "non-local features"): how each word is written where its case
 * means something (mid-sentence, outside headlines), over the whole
 * document, and the class last predicted for each capitalized word
 * earlier in the document ("Huang" after "Jensen Huang").
 *
 * feat_doc_begin forgets the previous document and reads the case
 * evidence of the n sentences of the next one; *d and *w are NULL at
 * first (w is scratch, as for feat_prepare).  feat_doc_record remembers
 * the classes just predicted for the sentence last given to feat_prepare.
 * Returns 0, or -1 if out of memory.
 */
struct feat_doc;
int	feat_doc_begin(struct feat_doc **d, struct feat_work **w,
	    const struct tag_sentence *sents, size_t n);
int	feat_doc_record(struct feat_doc *d, const struct feat_work *w,
	    const int *classes);
void	feat_doc_free(struct feat_doc *);

/*
 * Two-stage models (stacking: Cohen and Carvalho 2005; for NER, Ratinov
 * and Roth 2009's "two-stage prediction aggregation"; for POS, the right
 * context tags of Toutanova et al. 2003, predicted rather than decoded
 * jointly).  Stage 1 tags as above.  Stage 2 sees every stage-1 feature
 * again, hashed apart (so both stages share one table of rows), and
 * features of the stage-1 classes: of the word and its neighbours on both
 * sides, and for NER their counts over the other occurrences of the word
 * in the document.
 *
 * feat_stage sets the stage of the features feat_extract gives for the
 * sentence last given to feat_prepare (which resets it to 1); for stage 2,
 * pass1[0..n) are the stage-1 classes of its words, read until the next
 * feat_prepare.  feat_doc_aggregate adds the stage-1 classes of that
 * sentence to the document's counts (feat_doc_begin clears them);
 * feat_doc_restart forgets the classes feat_doc_record remembered, before
 * stage 2 goes over the document again.
 */
#define FEAT_AGG_CLASSES	16
void	feat_stage(struct feat_work *w, int stage, const int *pass1);
int	feat_doc_aggregate(struct feat_doc *d, const struct feat_work *w,
	    const int *classes);
void	feat_doc_restart(struct feat_doc *d);

/*
 * Stores the hashes of the features of word i (of the sentence last given
 * to feat_prepare) in out[0..FEAT_MAX) and returns their number.  p1 and p2
 * are the classes of words i-1 and i-2, or -1 before the sentence start.
 * doc is the document memory, or NULL (no document features).
 * If text is not NULL, each feature string is also appended to it followed
 * by '\n' (for tests and debugging; if it cannot grow, strings are
 * missing, the hashes are not).
 */
size_t	feat_extract(const struct feat_work *w, enum tag_task task, size_t i,
	    int p1, int p2, const struct feat_classes *classes,
	    const struct feat_doc *doc, uint64_t *out, struct buf *text);

/*
 * The same features in two parts, for decoders that keep several
 * histories (tagger.c's beam): feat_extract_static gives those that do
 * not depend on p1 and p2, feat_extract_hist those that do.  feat_extract
 * is the one, then the other, in one array.
 */
size_t	feat_extract_static(const struct feat_work *w, enum tag_task task,
	    size_t i, const struct feat_classes *classes,
	    const struct feat_doc *doc, uint64_t *out, struct buf *text);
size_t	feat_extract_hist(const struct feat_work *w, enum tag_task task,
	    size_t i, int p1, int p2, const struct feat_classes *classes,
	    uint64_t *out, struct buf *text);

/*
 * feat_extract_static in parts, for decoders that keep the scores of a
 * word's features across its occurrences (tagger.c).  feat_extract_word
 * gives the features the word at j - d has of word j alone (d: -2..2; 0,
 * the word's own): for one model and stage, the same wherever word j
 * stands, if written the same and of the same UPOS (tag_sentence.pos).
 * j may be outside the sentence (-2, -1, n, n + 1): then those of its
 * edge.  feat_extract_context gives the others of word i: of it with its
 * neighbours, of its place in the sentence and document, and of stage 1.
 * feat_extract_static gives the words' and the context's in one array.
 */
size_t	feat_extract_word(const struct feat_work *w, enum tag_task task,
	    long j, int d, uint64_t *out, struct buf *text);
size_t	feat_extract_context(const struct feat_work *w, enum tag_task task,
	    size_t i, const struct feat_classes *classes,
	    const struct feat_doc *doc, uint64_t *out, struct buf *text);

/*
 * feat_extract_hist in its two parts: the features of p1 and p2 alone,
 * which are the same at every word (but differ between the stages of a
 * two-stage model), and those of p1 with the word, which in stage 1 read
 * that word alone, as feat_extract_word does (stage 2 adds its right
 * neighbour's stage-1 class).
 */
size_t	feat_extract_hist_classes(const struct feat_work *w, int p1, int p2,
	    const struct feat_classes *classes, uint64_t *out,
	    struct buf *text);
size_t	feat_extract_hist_word(const struct feat_work *w, enum tag_task task,
	    size_t i, int p1, const struct feat_classes *classes,
	    uint64_t *out, struct buf *text);

/*
 * Whether class cur may follow class prev (-1: sentence start) in BIO
 * encoding: "I-X" only after "B-X" or "I-X"; anything else always.  Both
 * prediction and training decode under this rule.
 */
int	feat_bio_allowed(const char *prev, const char *cur);

/*
 * The model writer; the format is documented in tagger.c, beside the
 * reader.  Appends to out a model of nclasses classes named names[] (each
 * 1..TAG_NAME_MAX bytes of printable ASCII, distinct) and nrows rows:
 * hashes[r] with weights[r * nclasses + c], the rows in strictly
 * increasing order of otab_key(hashes[r]) (otab.h), so that
 * the score of class c is scale times the sum of its weights.  clusters
 * is the clusters_id of the word clusters the features used, or 0 if
 * none; stages is 1, or 2 for a two-stage model; beam the width of the
 * beam search it was trained with (1..BEAM_MAX, beam.h).  Returns 0,
 * -1 if the arguments break those rules, or -2 if out of memory.
 */
#define TAG_NAME_MAX	31
#define TAG_CLASSES_MAX	64
int	tag_model_encode(struct buf *out, enum tag_task task, size_t nclasses,
	    const char *const *names, size_t nrows, const uint64_t *hashes,
	    const int16_t *weights, float scale, uint32_t clusters, int stages,
	    size_t beam);

/*
 * The same with a tag dictionary (tagdict.h): the dictlen bytes at dict,
 * as tagdict_encode gives them, which the model's POS features read
 * (dictlen 0: none).
 */
int	tag_model_encode_dict(struct buf *out, enum tag_task task,
	    size_t nclasses, const char *const *names, size_t nrows,
	    const uint64_t *hashes, const int16_t *weights, float scale,
	    uint32_t clusters, int stages, size_t beam,
	    const unsigned char *dict, size_t dictlen);

/* Whether s[0..n) is a class name of 1..max bytes of printable ASCII,
   no space (models and tag dictionaries name their classes so). */
int	feat_name_ok(const unsigned char *s, size_t n, size_t max);

/* Stores msg in err (errlen bytes, if any) and returns -1: the error of
   the loaders of models, cluster tables and tag dictionaries. */
int	feat_fail(char *err, size_t errlen, const char *msg);

/* CRC-32 (ISO-HDLC, as zlib's crc32) of p[0..n), continuing from crc. */
uint32_t feat_crc32(uint32_t crc, const unsigned char *p, size_t n);

#endif /* QUIRE_FEAT_H */
