/*
 * gazetteer: users' lists of names (`tag --gazetteer FILE.yaml`), matched
 * over the words of a sentence.  A gazetteer file maps entity types to
 * names; a name is a string, or a mapping with the name and its aliases:
 *
 *   ORG:
 *     - Nvidia
 *     - name: Alphabet Inc.
 *       aliases: [Google, Alphabet]
 *   PER: [Jensen Huang]
 *   LOC: New York City          # one name may stand alone
 *
 * The types are entity.h's names, exactly (PER ORG LOC MISC MONEY PERCENT
 * DATE TIME QUANTITY ORDINAL CARDINAL); any other key is an error at its
 * position.  In a name's mapping, `name` is required and `aliases` is a
 * list of strings or one string; other keys are errors.  Scalars are text
 * as written (no implicit typing: `1999` and `no` are names).  Several
 * documents ("---") in a file, and several files, accumulate; an empty
 * file or document holds nothing.  Aliases of YAML anchors (*x) are not
 * supported.  Errors carry 1-based line and column (column in code
 * points), as yamlcfg's do.
 *
 * Names are split into words by the news tokenizer (token.h) when loaded,
 * and match a sentence's words exactly and case-sensitively: "Apple" does
 * not match "apple", which is as often fruit as company.  A period the
 * tokenizer may or may not split off, depending on the abbreviation list
 * the text was tokenized with ("Inc." or "Inc" "."), matches either way.
 * At each word, the longest name that starts there wins ("Bank of America"
 * over "America"), left to right, without overlaps.  When the same words
 * are listed twice, the name loaded last gives the type: a later file, or
 * later in a file, overrides an earlier one.
 */
#ifndef QUIRE_GAZETTEER_H
#define QUIRE_GAZETTEER_H

#include <stddef.h>

#include "entity.h"
#include "yamlcfg.h"

struct gaz;

/* Makes an empty gazetteer; NULL if out of memory. */
struct gaz *gaz_new(void);

/*
 * Adds the names in the YAML text s[0..n) (s may be NULL if n is 0).
 * Returns 0 (LEX_OK); -1 (LEX_ERR) if the text is not well-formed YAML or
 * not in the format above, with err's line, column and msg naming the
 * offending node ("unknown entity type \"PERSON\" (...)"); or -2
 * (LEX_NOMEM) with line 0 and msg "out of memory".  On failure the
 * gazetteer is left as it was before the call.  err may be NULL.
 */
int	gaz_load_mem(struct gaz *, const unsigned char *s, size_t n,
	    struct lex_error *err);

/*
 * gaz_load_mem on the contents of the file at path.  If the file cannot be
 * opened or read, returns -1 with line 0 and msg strerror(errno) (the
 * caller names the file).
 */
int	gaz_load_file(struct gaz *, const char *path, struct lex_error *err);

/* How many names (aliases included) have been loaded. */
size_t	gaz_size(const struct gaz *);

/*
 * Appends to out a span for each name found in the words w[i] (lengths
 * n[i]) of one sentence, in order, without overlaps (see above).  Returns
 * 0, or -1 if out of memory.
 */
int	gaz_match(const struct gaz *, const unsigned char *const *w,
	    const size_t *n, size_t nw, struct ent_vec *out);

/* Frees the gazetteer and all it holds; NULL is allowed. */
void	gaz_free(struct gaz *);

#endif /* QUIRE_GAZETTEER_H */
