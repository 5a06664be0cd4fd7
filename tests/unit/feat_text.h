/*
 * feat_text: for the unit tests of the tagger's features, which ask
 * feat_extract for the feature strings, a line each, in a buffer.
 */
#ifndef QUIRE_TEST_FEAT_TEXT_H
#define QUIRE_TEST_FEAT_TEXT_H

#include <string.h>

#include "buf.h"

/* Whether the feature string f is among the lines of text. */
static inline int
has_feature(const struct buf *text, const char *f)
{
	size_t	 n = strlen(f), i = 0, e;

	while (i < text->len) {
		for (e = i; e < text->len && text->p[e] != '\n'; e++)
			;
		if (e - i == n && memcmp(text->p + i, f, n) == 0)
			return 1;
		i = e + 1;
	}
	return 0;
}

#endif /* QUIRE_TEST_FEAT_TEXT_H */
