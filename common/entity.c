/*
 * entity: entity type names and span vectors (see entity.h).  The type
 * names are CoNLL-2003's for names (PER ORG LOC MISC) and OntoNotes 5's for
 * numeric expressions (MONEY ... CARDINAL), as users of either corpus
 * spell them.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"

static const char *const ent_names[ENT_NTYPES] = {
	[ENT_NONE] = NULL,
	[ENT_PER] = "PER",
	[ENT_ORG] = "ORG",
	[ENT_LOC] = "LOC",
	[ENT_MISC] = "MISC",
	[ENT_MONEY] = "MONEY",
	[ENT_PERCENT] = "PERCENT",
	[ENT_DATE] = "DATE",
	[ENT_TIME] = "TIME",
	[ENT_QUANTITY] = "QUANTITY",
	[ENT_ORDINAL] = "ORDINAL",
	[ENT_CARDINAL] = "CARDINAL"
};

const char *
ent_type_name(enum ent_type type)
{
	if ((int)type <= ENT_NONE || (int)type >= ENT_NTYPES)
		return NULL;
	return ent_names[type];
}

/* Exact and case-sensitive: "per" is a word, "PER" the type. */
enum ent_type
ent_type_parse(const char *name, size_t len)
{
	int	 t;

	if (name == NULL)
		return ENT_NONE;
	for (t = ENT_NONE + 1; t < ENT_NTYPES; t++)
		if (strlen(ent_names[t]) == len &&
		    memcmp(ent_names[t], name, len) == 0)
			return (enum ent_type)t;
	return ENT_NONE;
}

int
ent_vec_push(struct ent_vec *vec, size_t first, size_t last,
    enum ent_type type)
{
	struct ent_span	*v;
	size_t		 cap;

	if (vec->n == vec->cap) {
		cap = vec->cap ? vec->cap * 2 : 16;
		if (cap < vec->cap || cap > SIZE_MAX / sizeof(*v))
			return -1;
		if ((v = realloc(vec->v, cap * sizeof(*v))) == NULL)
			return -1;
		vec->v = v;
		vec->cap = cap;
	}
	vec->v[vec->n].first = first;
	vec->v[vec->n].last = last;
	vec->v[vec->n].type = type;
	vec->n++;
	return 0;
}

int
ent_span_cmp(const void *a, const void *b)
{
	const struct ent_span *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

void
ent_vec_free(struct ent_vec *vec)
{
	free(vec->v);
	vec->v = NULL;
	vec->n = vec->cap = 0;
}
