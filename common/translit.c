/*
 * translit: lookup in the --ascii transliteration table (see translit.h).
 * The table itself is generated: translit_data.inc comes from
 * data/translit/ascii.yaml through tools/gen_translit.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "translit.h"

#include "translit_data.inc"

#define TRANSLIT_N	(sizeof(translit_tab) / sizeof(translit_tab[0]))

const char *
translit_ascii(int32_t cp, size_t *len)
{
	size_t	 lo = 0, hi = TRANSLIT_N, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (translit_tab[mid].cp < cp)
			lo = mid + 1;
		else if (translit_tab[mid].cp > cp)
			hi = mid;
		else {
			if (len != NULL)
				*len = strlen(translit_tab[mid].ascii);
			return translit_tab[mid].ascii;
		}
	}
	if (len != NULL)
		*len = 0;
	return NULL;
}

const struct translit_entry *
translit_table(size_t *n)
{
	*n = TRANSLIT_N;
	return translit_tab;
}
