/*
 * tagger: an averaged-perceptron sequence tagger over hashed features
 * (Collins 2002), with the previous two classes as features, decoded left
 * to right greedily or with a beam (beam.h; Collins and Roark 2004), used
 * for parts of speech (UPOS) and for named entities (BIO over PER, ORG,
 * LOC, MISC).
 *
 * A model is a table of weights: each feature string is hashed (FNV-1a,
 * 64 bits) and the model keeps a row of per-class weights for each feature
 * seen in training and not pruned.  The model file format is documented in
 * tagger.c; a corrupt or truncated file is an error with a message.
 */
#ifndef QUIRE_TAGGER_H
#define QUIRE_TAGGER_H

#include <stddef.h>
#include <stdint.h>

/* What the features of one kind of model look at. */
enum tag_task {
	TAG_TASK_POS = 1,	/* UPOS from words */
	TAG_TASK_NER = 2	/* BIO entity tags from words (and UPOS) */
};

/* A sentence to tag: its words, as byte strings (valid UTF-8). */
struct tag_sentence {
	const unsigned char *const *words;
	const size_t	*lens;
	size_t		 n;
	const int	*pos;		/* NER: UPOS class per word, or NULL */
	unsigned	 flags;		/* TAG_SENT_* */
};

/* The sentence begins a document or paragraph (first word's capital is
 * positional). */
#define TAG_SENT_DOC_START	0x01
/* The sentence begins a paragraph of running text: for rules only (the
 * features read TAG_SENT_DOC_START, as the training data sets it). */
#define TAG_SENT_PARA_START	0x02

struct tag_model;
struct clusters;

/*
 * Loads a model from memory (the weights are copied into a lookup table:
 * the bytes may go once it returns) or from a file.  Returns 0 and stores
 * the model, or -1 with a message in err (errlen bytes, "truncated model",
 * "not a quire model", "checksum mismatch", ...), or -2 if out of memory.
 * A model whose features read word clusters (clusters.h) gets the built-in
 * table (models.h); it is an error ("model was trained with other word
 * clusters") if that is not the table it was trained with.
 */
int	tag_model_load_mem(struct tag_model **, const unsigned char *p,
	    size_t n, char *err, size_t errlen);
int	tag_model_load_file(struct tag_model **, const char *path, char *err,
	    size_t errlen);

/*
 * The same, with the cluster table cl instead of the built-in one (NULL:
 * the built-in one); cl must outlive the model.  For tools that train
 * models with a new table before it is built in.
 */
int	tag_model_load_mem_with(struct tag_model **, const unsigned char *p,
	    size_t n, const struct clusters *cl, char *err, size_t errlen);

/*
 * The same for a model linked into the program (models.h), without the
 * checksum: checking the UPOS model's 7 MB took a quarter of `tag --pos`'s
 * start-up, and the built-in models' checksums are checked by the unit
 * tests instead (test_tagger.c), once, when the program is built.
 */
int	tag_model_load_builtin(struct tag_model **, const unsigned char *p,
	    size_t n, const struct clusters *cl, char *err, size_t errlen);
int	tag_model_load_file_with(struct tag_model **, const char *path,
	    const struct clusters *cl, char *err, size_t errlen);
void	tag_model_free(struct tag_model *);

/*
 * Sets the width of the beam tag_predict decodes with (common/beam.h;
 * 1..16, 1 greedy), which should be the one the model was trained with.
 */
void	tag_model_set_beam(struct tag_model *, size_t k);

enum tag_task tag_model_task(const struct tag_model *);
size_t	tag_model_nclasses(const struct tag_model *);
/* The name of class i ("NOUN", "B-PER", "O"). */
const char *tag_model_class(const struct tag_model *, size_t i);
/* The class index of name, or -1. */
int	tag_model_class_index(const struct tag_model *, const char *name);

/*
 * Tags a sentence: stores a class index per word in out[0..s->n).  Scratch
 * memory is reused through *work (NULL at first; free with tag_work_free).
 * Returns 0, or -1 if out of memory.
 */
struct tag_work;
int	tag_predict(const struct tag_model *, const struct tag_sentence *s,
	    int *out, struct tag_work **work);
void	tag_work_free(struct tag_work *);

/*
 * Tells tag_predict that the n sentences sents[] make the next document,
 * which it will then be given in order.  NER models use the whole
 * document's case evidence and their own earlier predictions in it
 * ("Huang" after "Jensen Huang").  Without a call, or after tag_doc_end,
 * each sentence is a document of its own (NER F1 on CoNLL-2003 dev: 88.6
 * with documents, 86.1 without).  Use one work area per model.  A
 * two-stage model (feat.h) tags the whole document with its first stage
 * when given its first sentence: sents[] must stay valid until the last
 * is tagged, and be given as &sents[0], &sents[1], ... (a sentence given
 * otherwise is tagged on its own).  Returns 0, or -1 if out of memory.
 */
int	tag_doc_begin(struct tag_work **work, const struct tag_sentence *sents,
	    size_t n);
void	tag_doc_end(struct tag_work *work);

#endif /* QUIRE_TAGGER_H */
