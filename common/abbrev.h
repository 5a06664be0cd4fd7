/*
 * abbrev: the abbreviation lexicon for the sentence splitter and tokenizer:
 * the built-in list (data/abbreviations/en.yaml, compiled in) and users'
 * additions (--abbrev FILE), each entry with a class that says when a
 * period after it can still end a sentence.
 */
#ifndef QUIRE_ABBREV_H
#define QUIRE_ABBREV_H

#include <stddef.h>

#include "yamlcfg.h"

enum abbrev_class {
	ABBR_NONE = 0,
	ABBR_TITLE,	/* Mr. Dr. Sen. Gen.: a name follows, never ends */
	ABBR_MONTH,	/* Jan. Sept.: a date follows, rarely ends */
	ABBR_NUMBER,	/* No. Vol. pp.: an abbreviation only before a number */
	ABBR_CORP,	/* Inc. Corp. Co. Ltd.: often ends a sentence */
	ABBR_OTHER	/* U.S. e.g. etc. a.m.: may end a sentence */
};

struct abbrev;

/* Makes an empty lexicon; NULL if out of memory. */
struct abbrev *abbrev_new(void);

/* Adds the built-in entries.  Returns 0, -1 with err filled if the built-in
 * YAML is broken (a bug), -2 if out of memory. */
int	abbrev_load_builtin(struct abbrev *, struct lex_error *err);

/* Adds a user's YAML file (same format as the built-in one).  Returns 0,
 * -1 with err filled (line and column from 1), -2 if out of memory. */
int	abbrev_load_file(struct abbrev *, const char *path,
	    struct lex_error *err);

/*
 * Looks up word w[0..len), given without its final period ("Mr", "U.S",
 * "e.g").  Entries match exactly; entries written all in lower case also
 * match any case ("etc" matches "Etc").  Returns the class, or ABBR_NONE.
 */
enum abbrev_class abbrev_find(const struct abbrev *, const unsigned char *w,
	    size_t len);

void	abbrev_free(struct abbrev *);

#endif /* QUIRE_ABBREV_H */
