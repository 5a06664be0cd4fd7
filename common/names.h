/*
 * names: the built-in list of names the entity tagger uses as features
 * (data/tagger/names.txt, compiled in): places, organisations, people,
 * other names and given names, each a run of tokens.
 */
#ifndef QUIRE_NAMES_H
#define QUIRE_NAMES_H

#include <stddef.h>

/* The types of a name (name_entry.types); a name may have several. */
#define NAME_LOC	0x01
#define NAME_ORG	0x02
#define NAME_PER	0x04
#define NAME_MISC	0x08
#define NAME_GIV	0x10	/* a given name: "Jean", "Hiroshi" */
#define NAME_NTYPES	5

/* The longest name, in tokens. */
#define NAME_MAX_TOKENS	6

struct name_entry {
	/* The tokens in lower case with digits as 0, one space apart. */
	const char	*key;
	unsigned char	 len;		/* of key, in bytes */
	/* 0: not a name, only the first words of longer ones. */
	unsigned char	 types;
	/* Bit i: token i must be capitalised (upper), or in capitals
	   (caps: "WHO", "U.S."), to match. */
	unsigned char	 upper, caps;
};

/* The entry of key[0..n), or NULL: key is neither a name nor the first
   words of one. */
const struct name_entry *names_find(const char *key, size_t n);

/* The whole table, in strcmp order of the keys (for tests). */
const struct name_entry *names_table(size_t *n);

/* The short name of type bit i (0 to NAME_NTYPES - 1): "LOC" ... "GIV". */
const char *names_type(int i);

#endif
