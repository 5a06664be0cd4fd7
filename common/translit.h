/*
 * translit: the table behind `normalize --ascii`, mapping single code
 * points to ASCII replacements (ß -> ss, € -> EUR, – -> -, Ж -> Zh).
 *
 * It is meant to be consulted first, with Unicode decomposition as the
 * fallback: a character not in the table is decomposed (NFKD), its marks
 * are dropped, and the pieces that are still not ASCII are looked up
 * again (é -> e, ﬁ -> fi).  So the table holds what decomposition cannot
 * reach (ß, ł, Greek, Cyrillic, punctuation, currency, symbols) and the
 * few characters it gets wrong (½ -> " 1/2", not a "1/2" glued to the
 * number before it; µ -> u, not Greek m; ≠ -> !=, not =).
 *
 * The table is compiled in from data/translit/ascii.yaml by
 * tools/gen_translit, which checks that every key is one non-ASCII code
 * point, that no key repeats, and that every value is printable ASCII; the
 * choices (Greek, Cyrillic, currency codes, fractions) are explained in
 * comments there.
 */
#ifndef QUIRE_TRANSLIT_H
#define QUIRE_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>

struct translit_entry {
	int32_t		 cp;
	const char	*ascii;	/* NUL-terminated printable ASCII */
};

/*
 * Returns the ASCII replacement for code point cp, or NULL if the table
 * has none (ASCII itself, what decomposition handles, scripts it does not
 * cover, values that are not code points).  The replacement is static
 * printable ASCII (U+0020..U+007E), NUL-terminated; it may be empty, which
 * means "drop the character" (zero-width and direction marks, soft hyphen,
 * Cyrillic hard and soft signs).  If len is not NULL it receives the
 * length in bytes, or 0 when NULL is returned.  Binary search: O(log n).
 */
const char *translit_ascii(int32_t cp, size_t *len);

/*
 * Returns the whole table, sorted by code point with no repeats, and
 * stores its length in *n.  The entries are static.
 */
const struct translit_entry *translit_table(size_t *n);

#endif /* QUIRE_TRANSLIT_H */
