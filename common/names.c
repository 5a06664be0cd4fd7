/*
 * names: lookup in the built-in name list (names.h).
 */
#include <stdlib.h>

#include "buf.h"
#include "names.h"

#include "names_data.inc"

struct name_key {
	const char	*s;
	size_t		 n;
};

static int
cmp_entry(const void *key, const void *elem)
{
	const struct name_key *k = key;
	const struct name_entry *e = elem;

	return buf_cmp_bytes(k->s, k->n, e->key, e->len);
}

const struct name_entry *
names_find(const char *key, size_t n)
{
	struct name_key k = { key, n };

	return bsearch(&k, builtin_names, sizeof(builtin_names) /
	    sizeof(builtin_names[0]), sizeof(builtin_names[0]), cmp_entry);
}

const struct name_entry *
names_table(size_t *n)
{
	*n = sizeof(builtin_names) / sizeof(builtin_names[0]);
	return builtin_names;
}

const char *
names_type(int i)
{
	static const char *const types[NAME_NTYPES] = {
		"LOC", "ORG", "PER", "MISC", "GIV"
	};

	return i >= 0 && i < NAME_NTYPES ? types[i] : "";
}
