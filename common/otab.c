/*
 * otab: the ordered hash table of fixed-size rows (see otab.h).
 *
 * The build sorts the rows by key with a counting sort on their homes,
 * then an insertion sort of the few rows that share one, and places them
 * in that order: O(nrows), a few milliseconds for the tagger's models.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "otab.h"

#define LINE	64

static uint64_t
le64(const unsigned char *p)
{
	uint64_t v = 0;
	int	 i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static size_t
home(const struct otab *t, uint64_t g)
{
	return (size_t)((g >> 32) * t->nslots >> 32);
}

int
otab_build(struct otab *t, const unsigned char *rows, size_t nrows,
    size_t rowsize, size_t slotsize,
    void (*fill)(unsigned char *, const unsigned char *, void *), void *arg)
{
	unsigned char	*slot;
	size_t		 i, j, c, pos, len, size;
	uint64_t	 h, prev = 0, *keys = NULL;
	uint32_t	*start = NULL, *order = NULL, o;
	int		 rc = -2;

	memset(t, 0, sizeof(*t));
	t->slotsize = slotsize;
	/* 2/3 full: a row lies one slot from its home on average. */
	t->nslots = nrows + nrows / 2 + 1;
	if (nrows >= UINT32_MAX / 2 ||
	    (keys = malloc((nrows + 1) * sizeof(*keys))) == NULL ||
	    (order = malloc((nrows + 1) * sizeof(*order))) == NULL ||
	    (start = calloc(t->nslots + 1, sizeof(*start))) == NULL)
		goto out;
	for (i = 0; i < nrows; i++) {
		h = le64(rows + i * rowsize);
		if (i > 0 && h <= prev) {
			rc = -1;
			goto out;
		}
		prev = h;
		keys[i] = otab_key(h);
		if (keys[i] == OTAB_EMPTY)
			t->has_empty_key = 1;
		start[home(t, keys[i]) + 1]++;
	}
	for (j = 0; j < t->nslots; j++)
		start[j + 1] += start[j];
	for (i = 0; i < nrows; i++)
		order[start[home(t, keys[i])]++] = (uint32_t)i;
	/* start[j] is now the end of home j's rows: sort each home's. */
	for (j = 0, i = 0; j < t->nslots; i = start[j++])
		for (c = i + 1; c < start[j]; c++)
			for (pos = c; pos > i && keys[order[pos - 1]] >
			    keys[order[pos]]; pos--) {
				o = order[pos];
				order[pos] = order[pos - 1];
				order[pos - 1] = o;
			}
	/* Where the last row goes gives the length, and one empty slot
	   ends the table. */
	for (i = 0, pos = 0; i < nrows; i++) {
		j = home(t, keys[order[i]]);
		pos = i == 0 || j > pos ? j : pos + 1;
	}
	len = (nrows > 0 && pos + 1 > t->nslots ? pos + 1 : t->nslots) + 1;
	if (len > (SIZE_MAX - LINE) / slotsize)
		goto out;
	size = (len * slotsize + LINE - 1) / LINE * LINE;
	if ((t->slots = aligned_alloc(LINE, size)) == NULL)
		goto out;
	memset(t->slots, 0, size);
	for (i = 0; i < len; i++)
		*(uint64_t *)(void *)(t->slots + i * slotsize) = OTAB_EMPTY;
	for (i = 0, pos = 0; i < nrows; i++) {
		j = home(t, keys[order[i]]);
		pos = i == 0 || j > pos ? j : pos + 1;
		slot = t->slots + pos * slotsize;
		*(uint64_t *)(void *)slot = keys[order[i]];
		fill(slot + 8, rows + (size_t)order[i] * rowsize + 8, arg);
	}
	rc = 0;
out:
	free(keys);
	free(order);
	free(start);
	if (rc != 0)
		otab_free(t);
	return rc;
}

void
otab_free(struct otab *t)
{
	free(t->slots);
	memset(t, 0, sizeof(*t));
}
