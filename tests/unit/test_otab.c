/*
 * Unit tests for common/otab: the ordered hash table of fixed-size rows.
 * Every row is found with its payload, and no other key is: among rows
 * crowded around each other, at the extreme keys 0 and 2^64 - 1 (the key
 * of empty slots), and in an empty table; rows out of order are refused.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "otab.h"

#define ROWSIZE	12	/* 8 bytes of hash, 4 of payload */

static void
put_row(unsigned char *p, uint64_t h, uint32_t v)
{
	int	 i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(h >> (8 * i));
	memcpy(p + 8, &v, sizeof(v));
}

static void
fill(unsigned char *slot, const unsigned char *row, void *arg)
{
	(void)arg;
	memcpy(slot, row, 4);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The hash whose key is g: otab_key's constant is odd, so invertible
   modulo 2^64 (Newton's iteration doubles the good bits each step). */
static uint64_t
hash_of_key(uint64_t g)
{
	uint64_t c = otab_key(1), x = c;
	int	 i;

	for (i = 0; i < 6; i++)
		x *= 2 - c * x;
	return g * x;
}

/* The payload found for hash h, or -1. */
static long
find(const struct otab *t, uint64_t h)
{
	const unsigned char *p;
	uint64_t g = otab_key(h);
	uint32_t v;

	if ((p = otab_scan(t, otab_home(t, g), g)) == NULL)
		return -1;
	memcpy(&v, p + 8, sizeof(v));
	return (long)v;
}

/*
 * Builds a table of the n distinct hashes h[] (sorted here), payload i+1
 * for the i-th in order.  The same rows in key order, built without the
 * sort, must give the same slots, byte for byte.
 */
static void
build(struct otab *t, uint64_t *h, size_t n)
{
	unsigned char	*rows = malloc(n * ROWSIZE + 1);
	uint64_t	*byk = malloc(n * sizeof(*byk) + 1);
	struct otab	 o;
	size_t		 i, k, len;

	cr_assert_not_null(rows);
	cr_assert_not_null(byk);
	qsort(h, n, sizeof(*h), cmp_u64);
	for (i = 0; i < n; i++)
		put_row(rows + i * ROWSIZE, h[i], (uint32_t)i + 1);
	cr_assert_eq(otab_build(t, rows, n, ROWSIZE, 16, fill, NULL), 0);

	memcpy(byk, h, n * sizeof(*byk));
	qsort(byk, n, sizeof(*byk), otab_cmp_hashes);
	for (k = 0; k < n; k++) {
		for (i = 0; h[i] != byk[k]; i++)
			;
		put_row(rows + k * ROWSIZE, byk[k], (uint32_t)i + 1);
	}
	cr_assert_eq(otab_build_ordered(&o, rows, n, ROWSIZE, 16, fill, NULL),
	    0);
	cr_assert_eq(o.nslots, t->nslots);
	cr_assert_eq(o.has_empty_key, t->has_empty_key);
	/* Both end at the first empty slot past the last home. */
	for (len = t->nslots; *(uint64_t *)(void *)(t->slots + len * 16) !=
	    OTAB_EMPTY; len++)
		;
	cr_assert_eq(memcmp(o.slots, t->slots, (len + 1) * 16), 0);
	otab_free(&o);
	free(byk);
	free(rows);
}

Test(otab, finds_every_row_and_nothing_else)
{
	static uint64_t	 h[4000];
	struct otab	 t;
	uint64_t	 x = 88172645463325252ULL;
	size_t		 n = 0, i;

	/* Runs of consecutive hashes, hashes that differ in their top
	   bits only, and the extremes. */
	for (i = 0; i < 1000; i++)
		h[n++] = 0x123456789ULL + i;
	for (i = 0; i < 1000; i++)
		h[n++] = (uint64_t)i << 54 | 0xABCDEF;
	while (n < 3998) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		h[n++] = x;
	}
	h[n++] = 0;
	h[n++] = UINT64_MAX;
	build(&t, h, n);
	for (i = 0; i < n; i++)
		cr_assert_eq(find(&t, h[i]), (long)i + 1, "row %zu", i);
	cr_expect_eq(find(&t, 0x123456789ULL + 1000), -1);
	cr_expect_eq(find(&t, 0x123456789ULL - 1), -1);
	cr_expect_eq(find(&t, (uint64_t)1000 << 54 | 0xABCDEF), -1);
	cr_expect_eq(find(&t, hash_of_key(OTAB_EMPTY)), -1);
	otab_free(&t);
}

Test(otab, a_row_keyed_as_empty_slots_is_found)
{
	uint64_t	 h[3];
	struct otab	 t;
	size_t		 i;

	h[0] = hash_of_key(OTAB_EMPTY);
	h[1] = hash_of_key(OTAB_EMPTY - 1);
	h[2] = 42;
	cr_assert_eq(otab_key(h[0]), OTAB_EMPTY);
	build(&t, h, 3);
	for (i = 0; i < 3; i++)
		cr_expect_eq(find(&t, h[i]), (long)i + 1, "row %zu", i);
	cr_expect_eq(find(&t, 43), -1);
	otab_free(&t);
}

Test(otab, an_empty_table_finds_nothing)
{
	struct otab	 t;

	cr_assert_eq(otab_build(&t, NULL, 0, ROWSIZE, 16, fill, NULL), 0);
	cr_expect_eq(find(&t, 0), -1);
	cr_expect_eq(find(&t, UINT64_MAX), -1);
	cr_expect_eq(find(&t, hash_of_key(OTAB_EMPTY)), -1);
	otab_free(&t);
}

Test(otab, rows_out_of_order_are_refused)
{
	unsigned char	 rows[2 * ROWSIZE];
	struct otab	 t;

	put_row(rows, 7, 1);
	put_row(rows + ROWSIZE, 7, 2);
	cr_expect_eq(otab_build(&t, rows, 2, ROWSIZE, 16, fill, NULL), -1);
	cr_expect_null(t.slots);
	put_row(rows + ROWSIZE, 6, 2);
	cr_expect_eq(otab_build(&t, rows, 2, ROWSIZE, 16, fill, NULL), -1);
	cr_expect_null(t.slots);
}

Test(otab, rows_out_of_key_order_are_refused_unsorted)
{
	unsigned char	 rows[2 * ROWSIZE];
	struct otab	 t;
	uint64_t	 a = 7, b = 8;

	if (otab_key(a) < otab_key(b)) {
		a = 8;
		b = 7;
	}
	put_row(rows, a, 1);
	put_row(rows + ROWSIZE, b, 2);
	cr_expect_eq(otab_build_ordered(&t, rows, 2, ROWSIZE, 16, fill, NULL),
	    -1);
	cr_expect_null(t.slots);
	put_row(rows + ROWSIZE, a, 2);
	cr_expect_eq(otab_build_ordered(&t, rows, 2, ROWSIZE, 16, fill, NULL),
	    -1, "equal keys");
	put_row(rows, b, 1);
	put_row(rows + ROWSIZE, a, 2);
	cr_expect_eq(otab_build_ordered(&t, rows, 2, ROWSIZE, 16, fill, NULL),
	    0);
	otab_free(&t);
}
