/*
 * stem: Porter's suffix-stripping algorithm for English (M. F. Porter,
 * "An algorithm for suffix stripping", Program 14(3), 130-137, 1980), the
 * original five steps as the paper gives them, so that "connected",
 * "connecting" and "connection" all become "connect".  Used to merge the
 * forms of a word among key-phrase candidates (keyphrases.h).
 *
 * A word is a lower-case ASCII string; anything else (digits, capitals,
 * hyphens, bytes past 0x7F) is left as it is, as are words of one or two
 * letters, which the paper leaves alone too.
 */
#ifndef QUIRE_STEM_H
#define QUIRE_STEM_H

#include <stddef.h>

/*
 * Stems w[0..n) in place and returns the stem's length (at most n; the
 * stem is w[0..returned)).  A word with a byte outside 'a'..'z', or of 2
 * bytes or fewer, comes back unchanged.  Never fails.
 */
size_t	stem_porter(unsigned char *w, size_t n);

#endif /* QUIRE_STEM_H */
