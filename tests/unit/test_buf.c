/*
 * Unit tests for common/buf: the growable byte buffer every engine builds
 * its output in.  NUL is data, growth keeps the bytes, UTF-8 comes out in
 * its 1- to 4-byte forms (RFC 3629, section 3), and a size that cannot be
 * had gives -1 with the buffer left as it was.
 */
#include <stdint.h>
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"

/*
 * AddressSanitizer aborts on an impossible malloc by default; the contract
 * under test is that buf_reserve returns -1 then, so let malloc return NULL
 * as libc does.
 */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(TEST_ASAN)
const char *__asan_default_options(void);

const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}
#endif

static void
expect_utf8(int32_t cp, const char *want)
{
	struct buf	 b = BUF_INIT;
	size_t		 n = strlen(want);

	/* NUL has a one-byte form that strlen cannot see. */
	if (cp == 0)
		n = 1;
	cr_assert_eq(buf_put_utf8(&b, cp), 0, "U+%04X", (unsigned)cp);
	cr_expect_eq(b.len, n, "U+%04X: %zu bytes, not %zu", (unsigned)cp,
	    b.len, n);
	cr_expect_arr_eq(b.p, want, n, "U+%04X: wrong bytes", (unsigned)cp);
	buf_free(&b);
}

Test(buf, starts_empty_and_unallocated)
{
	struct buf	 b = BUF_INIT;

	cr_expect_null(b.p);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, 0);
}

Test(buf, appends_bytes_in_order)
{
	struct buf	 b = BUF_INIT;

	cr_assert_eq(buf_append(&b, "abc", 3), 0);
	cr_assert_eq(buf_append(&b, "de", 2), 0);
	cr_expect_eq(b.len, 5);
	cr_expect_geq(b.cap, b.len);
	cr_expect_arr_eq(b.p, "abcde", 5);
	buf_free(&b);
}

Test(buf, grows_past_its_capacity_and_keeps_bytes)
{
	struct buf	 b = BUF_INIT;
	unsigned char	 want[10000];
	size_t		 i, cap0;

	for (i = 0; i < sizeof(want); i++)
		want[i] = (unsigned char)(i * 7 + i / 256);
	cr_assert_eq(buf_append(&b, want, 1), 0);
	cap0 = b.cap;
	/* Odd-sized pieces so that no append lands on a capacity boundary. */
	for (i = 1; i < sizeof(want); i += 7) {
		size_t	 n = sizeof(want) - i < 7 ? sizeof(want) - i : 7;

		cr_assert_eq(buf_append(&b, want + i, n), 0, "at %zu", i);
	}
	cr_expect_gt(b.cap, cap0, "never grew past %zu", cap0);
	cr_assert_eq(b.len, sizeof(want));
	cr_expect_arr_eq(b.p, want, sizeof(want));
	buf_free(&b);
}

Test(buf, keeps_nul_bytes_as_data)
{
	struct buf	 b = BUF_INIT;

	cr_assert_eq(buf_append(&b, "a\0b", 3), 0);
	cr_assert_eq(buf_putc(&b, '\0'), 0);
	cr_assert_eq(buf_put_utf8(&b, 0), 0);
	cr_expect_eq(b.len, 5);
	cr_expect_arr_eq(b.p, "a\0b\0\0", 5);
	buf_free(&b);
}

Test(buf, appending_nothing_allocates_nothing)
{
	struct buf	 b = BUF_INIT;

	cr_expect_eq(buf_append(&b, "", 0), 0);
	cr_expect_null(b.p);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, 0);
}

Test(buf, putc_grows_one_byte_at_a_time)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < 1000; i++)
		cr_assert_eq(buf_putc(&b, (unsigned char)i), 0, "at %zu", i);
	cr_assert_eq(b.len, 1000);
	cr_expect_geq(b.cap, 1000);
	for (i = 0; i < 1000; i++)
		cr_assert_eq(b.p[i], (unsigned char)i, "at %zu", i);
	buf_free(&b);
}

Test(buf, puts_one_byte_utf8_for_ascii)
{
	expect_utf8(0x0000, "");
	expect_utf8(0x0041, "A");
	expect_utf8(0x007F, "\x7F");
}

Test(buf, puts_two_byte_utf8_from_u0080_to_u07ff)
{
	expect_utf8(0x0080, "\xC2\x80");
	expect_utf8(0x00E9, "\xC3\xA9");
	expect_utf8(0x07FF, "\xDF\xBF");
}

Test(buf, puts_three_byte_utf8_from_u0800_to_uffff)
{
	expect_utf8(0x0800, "\xE0\xA0\x80");
	expect_utf8(0x20AC, "\xE2\x82\xAC");
	expect_utf8(0xD7FF, "\xED\x9F\xBF");
	expect_utf8(0xE000, "\xEE\x80\x80");
	expect_utf8(0xFFFD, "\xEF\xBF\xBD");
	expect_utf8(0xFFFF, "\xEF\xBF\xBF");
}

Test(buf, puts_four_byte_utf8_up_to_u10ffff)
{
	expect_utf8(0x10000, "\xF0\x90\x80\x80");
	expect_utf8(0x1F600, "\xF0\x9F\x98\x80");
	expect_utf8(0x10FFFF, "\xF4\x8F\xBF\xBF");
}

Test(buf, puts_utf8_across_a_capacity_boundary)
{
	struct buf	 b = BUF_INIT;
	size_t		 cap;

	cr_assert_eq(buf_putc(&b, 'x'), 0);
	cap = b.cap;
	while (b.len < cap - 1)
		cr_assert_eq(buf_putc(&b, 'x'), 0);
	cr_assert_eq(b.cap, cap, "grew before the boundary");
	cr_assert_eq(buf_put_utf8(&b, 0x10FFFF), 0);
	cr_expect_gt(b.cap, cap);
	cr_assert_eq(b.len, cap + 3);
	cr_expect_arr_eq(b.p + cap - 1, "\xF4\x8F\xBF\xBF", 4);
	cr_expect_eq(b.p[cap - 2], 'x');
	buf_free(&b);
}

Test(buf, reserve_makes_room_without_changing_the_length)
{
	struct buf	 b = BUF_INIT;

	cr_assert_eq(buf_append(&b, "ab", 2), 0);
	cr_assert_eq(buf_reserve(&b, 1000), 0);
	cr_expect_geq(b.cap, 1002);
	cr_expect_eq(b.len, 2);
	cr_expect_arr_eq(b.p, "ab", 2);
	buf_free(&b);
}

Test(buf, reserve_refuses_a_size_that_overflows)
{
	struct buf	 b = BUF_INIT;
	unsigned char	*p;
	size_t		 cap;

	cr_assert_eq(buf_append(&b, "abc", 3), 0);
	p = b.p;
	cap = b.cap;
	cr_expect_eq(buf_reserve(&b, SIZE_MAX), -1);
	cr_expect_eq(buf_reserve(&b, SIZE_MAX - 2), -1);
	cr_expect_eq(buf_append(&b, "x", SIZE_MAX), -1);
	cr_expect_eq(b.p, p, "buffer moved");
	cr_expect_eq(b.cap, cap);
	cr_expect_eq(b.len, 3);
	cr_expect_arr_eq(b.p, "abc", 3);
	buf_free(&b);
}

Test(buf, reserve_reports_memory_it_cannot_get)
{
	struct buf	 b = BUF_INIT;

	/* No overflow in len + more: only malloc can say no. */
	cr_expect_eq(buf_reserve(&b, SIZE_MAX), -1);
	cr_expect_null(b.p);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, 0);
	cr_assert_eq(buf_append(&b, "ok", 2), 0, "unusable after a failure");
	cr_expect_arr_eq(b.p, "ok", 2);
	buf_free(&b);
}

Test(buf, clear_empties_but_keeps_capacity)
{
	struct buf	 b = BUF_INIT;
	unsigned char	*p;
	size_t		 cap;

	cr_assert_eq(buf_append(&b, "0123456789", 10), 0);
	p = b.p;
	cap = b.cap;
	buf_clear(&b);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, cap);
	cr_expect_eq(b.p, p);
	/* Refilling up to the old capacity reuses the same memory. */
	while (b.len < cap)
		cr_assert_eq(buf_putc(&b, 'y'), 0);
	cr_expect_eq(b.p, p, "reallocated below the old capacity");
	cr_expect_eq(b.cap, cap);
	buf_free(&b);
}

Test(buf, free_resets_to_empty_and_reusable)
{
	struct buf	 b = BUF_INIT;

	cr_assert_eq(buf_append(&b, "abc", 3), 0);
	buf_free(&b);
	cr_expect_null(b.p);
	cr_expect_eq(b.len, 0);
	cr_expect_eq(b.cap, 0);
	cr_assert_eq(buf_append(&b, "xy", 2), 0);
	cr_expect_eq(b.len, 2);
	cr_expect_arr_eq(b.p, "xy", 2);
	buf_free(&b);
	buf_free(&b);
	cr_expect_null(b.p);
}

/* Bytes against a string, ordered as strcmp orders the strings. */
Test(buf, compares_bytes_with_a_string_as_strcmp)
{
	cr_assert_eq(buf_cmp_str("new york", 8, "new york"), 0);
	cr_assert_lt(buf_cmp_str("new", 3, "new york"), 0, "a prefix first");
	cr_assert_gt(buf_cmp_str("new york", 8, "new"), 0);
	cr_assert_gt(buf_cmp_str("new yorkx", 8, "new yor"), 0,
	    "only n bytes count");
	cr_assert_lt(buf_cmp_str("abc", 3, "abd"), 0);
	cr_assert_gt(buf_cmp_str("\xc3\xa9", 2, "z"), 0, "bytes unsigned");
	cr_assert_eq(buf_cmp_str("", 0, ""), 0);
}

Test(buf, finds_bytes_in_a_sorted_list)
{
	static const char *const list[] = { "Mr", "Mrs", "Ms", "St" };

	cr_assert(buf_in_list("Mrs.", 3, list, 4));
	cr_assert(buf_in_list("St", 2, list, 4));
	cr_assert(!buf_in_list("M", 1, list, 4));
	cr_assert(!buf_in_list("St", 2, list, 3), "only nlist entries");
	cr_assert(!buf_in_list("", 0, list, 4));
}
