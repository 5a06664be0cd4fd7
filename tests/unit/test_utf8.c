/*
 * Unit tests for common/utf8.c: decoding, encoding and the streaming
 * repairer, with each kind of ill-formed input fed whole and byte by byte.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"
#include "utf8.h"

#define FFFD "\xEF\xBF\xBD"

/* Repairs s in chunks of `chunk` bytes; returns the fixer for its counts. */
static struct utf8_fixer
fix(const char *s, size_t n, size_t chunk, struct buf *out)
{
	struct utf8_fixer f;
	size_t	 i, k;

	utf8_fixer_init(&f);
	buf_clear(out);
	for (i = 0; i < n; i += k) {
		k = n - i < chunk ? n - i : chunk;
		cr_assert_eq(utf8_fixer_feed(&f, (const unsigned char *)s + i,
		    k, out, 0), 0);
	}
	cr_assert_eq(utf8_fixer_finish(&f, out, 0), 0);
	return f;
}

static void
expect_fix(const char *in, size_t n, const char *want, uint64_t nbad,
    uint64_t first)
{
	static const size_t chunks[] = { 1, 2, 3, 7, 4096 };
	struct buf	 out = BUF_INIT;
	struct utf8_fixer f;
	size_t		 i;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		f = fix(in, n, chunks[i], &out);
		cr_assert_eq(out.len, strlen(want), "chunk %zu: length",
		    chunks[i]);
		cr_assert(memcmp(out.p, want, out.len) == 0,
		    "chunk %zu: bytes", chunks[i]);
		cr_assert_eq(f.nbad, nbad, "chunk %zu: count", chunks[i]);
		if (nbad > 0)
			cr_assert_eq(f.first_bad, first, "chunk %zu: offset",
			    chunks[i]);
	}
	buf_free(&out);
}

Test(utf8, decodes_every_length_and_the_extremes)
{
	int32_t	 cp;

	cr_assert_eq(utf8_decode((const unsigned char *)"A", 1, &cp), 1);
	cr_assert_eq(cp, 'A');
	cr_assert_eq(utf8_decode((const unsigned char *)"\xC2\x80", 2, &cp), 2);
	cr_assert_eq(cp, 0x80);
	cr_assert_eq(utf8_decode((const unsigned char *)"\xEF\xBF\xBF", 3,
	    &cp), 3);
	cr_assert_eq(cp, 0xFFFF);
	cr_assert_eq(utf8_decode((const unsigned char *)"\xF4\x8F\xBF\xBF", 4,
	    &cp), 4);
	cr_assert_eq(cp, 0x10FFFF);
}

Test(utf8, asks_for_more_input_inside_a_sequence)
{
	int32_t	 cp;

	cr_assert_eq(utf8_decode((const unsigned char *)"\xF0\x9F\x98", 3,
	    &cp), 0);
}

Test(utf8, encodes_what_it_decodes)
{
	static const int32_t cps[] = { 0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF,
	    0xE000, 0xFFFD, 0x10000, 0x10FFFF };
	unsigned char	 b[4];
	size_t		 i;
	int32_t		 cp;
	int		 n;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = utf8_encode(cps[i], b);
		cr_assert_eq(utf8_decode(b, (size_t)n, &cp), n);
		cr_assert_eq(cp, cps[i]);
	}
}

Test(utf8, keeps_valid_text_byte_for_byte)
{
	const char *s = "na\xC3\xAFve \xE2\x80\x9Cquote\xE2\x80\x9D "
	    "\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF end";

	expect_fix(s, strlen(s), s, 0, 0);
}

Test(utf8, replaces_a_stray_continuation_byte)
{
	expect_fix("a\x80z", 3, "a" FFFD "z", 1, 1);
}

Test(utf8, replaces_a_truncated_sequence_at_end_of_input)
{
	expect_fix("ab\xE2\x82", 4, "ab" FFFD, 1, 2);
}

Test(utf8, replaces_a_truncated_sequence_before_ascii_as_one)
{
	expect_fix("\xF0\x9F\x98" "x", 4, FFFD "x", 1, 0);
}

Test(utf8, replaces_each_byte_of_an_overlong_form)
{
	/* C0 and C1 never start a sequence; E0 80 is no maximal subpart. */
	expect_fix("\xC0\xAF", 2, FFFD FFFD, 2, 0);
	expect_fix("\xE0\x80\xAF", 3, FFFD FFFD FFFD, 3, 0);
}

Test(utf8, replaces_each_byte_of_a_surrogate)
{
	expect_fix("\xED\xA0\x80", 3, FFFD FFFD FFFD, 3, 0);
}

Test(utf8, replaces_code_points_past_the_last)
{
	expect_fix("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4, 0);
	expect_fix("\xF5", 1, FFFD, 1, 0);
}

Test(utf8, counts_bad_sequences_and_names_the_first)
{
	expect_fix("ok\xFF ok \xFE", 8, "ok" FFFD " ok " FFFD, 2, 2);
}

Test(utf8, stops_at_the_first_bad_byte_when_asked)
{
	struct utf8_fixer f;
	struct buf	 out = BUF_INIT;

	utf8_fixer_init(&f);
	cr_assert_eq(utf8_fixer_feed(&f, (const unsigned char *)"abc\x80",
	    4, &out, 1), 1);
	cr_assert_eq(f.first_bad, 3);
	cr_assert_eq(out.len, 3);
	buf_free(&out);
}

Test(utf8, keeps_nul_as_data)
{
	struct buf	 out = BUF_INIT;
	struct utf8_fixer f = fix("a\0b", 3, 1, &out);

	cr_assert_eq(f.nbad, 0);
	cr_assert_eq(out.len, 3);
	cr_assert(memcmp(out.p, "a\0b", 3) == 0);
	buf_free(&out);
}

Test(utf8, counts_code_points)
{
	cr_assert_eq(utf8_count((const unsigned char *)"a\xC3\xA9\xF0\x9F\x98\x80",
	    7), 3);
}
