/*
 * models: the trained models built into the library (see models.h).
 *
 * The model files are pulled in by the assembler's .incbin (GNU as and
 * LLVM's integrated assembler both have it), which is far lighter on the
 * compiler than a C array of millions of bytes.  The paths are relative to
 * the top directory, where make runs the compiler.
 */
#include <stddef.h>

#include "models.h"

__asm__(
    ".section .rodata\n"
    ".balign 16\n"
    "quire_pos_model_start:\n"
    ".incbin \"data/models/pos.model\"\n"
    "quire_pos_model_end:\n"
    ".balign 16\n"
    "quire_ner_model_start:\n"
    ".incbin \"data/models/ner.model\"\n"
    "quire_ner_model_end:\n"
    ".balign 16\n"
    "quire_ner_accurate_model_start:\n"
    ".incbin \"data/models/ner-accurate.model\"\n"
    "quire_ner_accurate_model_end:\n"
    ".balign 16\n"
    "quire_clusters_start:\n"
    ".incbin \"data/models/clusters.bin\"\n"
    "quire_clusters_end:\n"
    ".previous\n");

extern const unsigned char quire_pos_model_start[], quire_pos_model_end[];
extern const unsigned char quire_ner_model_start[], quire_ner_model_end[];
extern const unsigned char quire_ner_accurate_model_start[],
    quire_ner_accurate_model_end[];
extern const unsigned char quire_clusters_start[], quire_clusters_end[];

const unsigned char *
models_pos(size_t *n)
{
	*n = (size_t)(quire_pos_model_end - quire_pos_model_start);
	return quire_pos_model_start;
}

const unsigned char *
models_ner(size_t *n)
{
	*n = (size_t)(quire_ner_model_end - quire_ner_model_start);
	return quire_ner_model_start;
}

const unsigned char *
models_ner_accurate(size_t *n)
{
	*n = (size_t)(quire_ner_accurate_model_end -
	    quire_ner_accurate_model_start);
	return quire_ner_accurate_model_start;
}

const unsigned char *
models_clusters(size_t *n)
{
	*n = (size_t)(quire_clusters_end - quire_clusters_start);
	return quire_clusters_start;
}
