/*
 * models: the trained models built into the library (data/models/NAME.model,
 * made by tools/train_tagger, and data/models/clusters.bin, the word
 * clusters their features read, made by tools/learn_clusters; `make models`
 * trains them again).  They are linked in whole, so no file has to be found
 * at run time.
 */
#ifndef QUIRE_MODELS_H
#define QUIRE_MODELS_H

#include <stddef.h>

/* The bytes of the built-in UPOS model; stores its size in *n. */
const unsigned char *models_pos(size_t *n);

/* The bytes of the built-in named-entity model; stores its size in *n. */
const unsigned char *models_ner(size_t *n);

/* The same for the two-stage entity model (tag --accurate): about half a
   point of F1 better, and half as fast. */
const unsigned char *models_ner_accurate(size_t *n);

/* The bytes of the built-in word-cluster table (clusters.h,
   data/models/clusters.bin, made by tools/learn_clusters); stores its size
   in *n. */
const unsigned char *models_clusters(size_t *n);

#endif /* QUIRE_MODELS_H */
