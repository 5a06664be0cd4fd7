/*
 * Unit tests for common/norm.c: the clean-up, each option, and the same
 * output whatever the pieces the text arrives in.  Unicode's own
 * NormalizationTest.txt runs in tests/conformance/normtest.c.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"
#include "norm.h"

/* Normalizes s with o, fed in pieces of `chunk` bytes never splitting a
 * UTF-8 sequence, and returns a NUL-terminated copy (static). */
static const char *
normalize(const struct norm_opts *o, const char *s, size_t chunk)
{
	static struct buf out;
	struct norm	*n = norm_new(o);
	size_t		 i = 0, k, len = strlen(s);

	cr_assert_not_null(n);
	buf_clear(&out);
	while (i < len) {
		k = len - i < chunk ? len - i : chunk;
		while (i + k < len && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		cr_assert_eq(norm_feed(n, (const unsigned char *)s + i, k,
		    &out), 0);
		i += k;
	}
	cr_assert_eq(norm_finish(n, &out), 0);
	buf_putc(&out, '\0');
	norm_free(n);
	return (const char *)out.p;
}

/* Checks want for every chunk size from 1 to 9 and one large. */
static void
expect(enum norm_form form, unsigned flags, const char *in, const char *want)
{
	struct norm_opts o = { form, flags };
	size_t		 chunk;

	for (chunk = 1; chunk <= 10; chunk++)
		cr_assert_str_eq(normalize(&o, in, chunk == 10 ? 1 << 20 :
		    chunk), want, "chunk %zu", chunk);
}

Test(norm, composes_to_nfc_by_default)
{
	expect(NORM_NFC, 0, "Cafe\xCC\x81 e\xCC\x81\xCC\xA3",
	    "Caf\xC3\xA9 \xE1\xBA\xB9\xCC\x81");
}

Test(norm, decomposes_to_nfd)
{
	expect(NORM_NFD, 0, "Caf\xC3\xA9", "Cafe\xCC\x81");
}

Test(norm, folds_compatibility_forms_in_nfkc)
{
	expect(NORM_NFKC, 0, "\xEF\xAC\x81nance x\xC2\xB2 \xEF\xBC\xA6",
	    "finance x2 F");
}

Test(norm, composes_hangul_jamo)
{
	expect(NORM_NFC, 0, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB",
	    "\xED\x95\x9C");
}

Test(norm, turns_every_line_end_into_lf)
{
	expect(NORM_NFC, 0, "a\r\nb\rc\xC2\x85" "d\xE2\x80\xA8" "e\r\n\r\n",
	    "a\nb\nc\nd\ne\n\n");
}

Test(norm, removes_bom_controls_and_invisible_format_characters)
{
	expect(NORM_NFC, 0, "\xEF\xBB\xBF" "a\x01\x7F" "b\xC2\xAD" "c\xE2\x80\x8B"
	    "d\xE2\x80\x8E" "e\tf", "abcde\tf");
}

Test(norm, keeps_zwj_between_emoji_and_drops_it_elsewhere)
{
	/* man ZWJ woman; then ZWJ after a space and at the end */
	expect(NORM_NFC, 0, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9",
	    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9");
	expect(NORM_NFC, 0, "a \xE2\x80\x8D" "b c\xE2\x80\x8C", "a b c");
}

Test(norm, keeps_controls_with_raw)
{
	expect(NORM_NFC, NORM_RAW, "a\r\n\x01\xEF\xBB\xBF",
	    "a\r\n\x01\xEF\xBB\xBF");
}

Test(norm, folds_case_fully)
{
	expect(NORM_NFC, NORM_CASEFOLD, "Stra\xC3\x9F" "E \xC3\x89T\xC3\x89",
	    "strasse \xC3\xA9t\xC3\xA9");
}

Test(norm, strips_marks)
{
	expect(NORM_NFC, NORM_STRIP_MARKS, "na\xC3\xAFve Zu\xCC\x88rich",
	    "naive Zurich");
}

Test(norm, straightens_quotes)
{
	expect(NORM_NFC, NORM_QUOTES,
	    "\xE2\x80\x9CIt\xE2\x80\x99s\xE2\x80\x9D \xC2\xABok\xC2\xBB",
	    "\"It's\" \"ok\"");
}

Test(norm, makes_dashes_hyphens)
{
	expect(NORM_NFC, NORM_DASHES, "1\xE2\x80\x93" "2 \xE2\x80\x94 \xE2\x88\x92" "3",
	    "1-2 - -3");
}

Test(norm, spells_out_the_ellipsis)
{
	expect(NORM_NFC, NORM_ELLIPSIS, "wait\xE2\x80\xA6", "wait...");
}

Test(norm, squeezes_spaces_and_drops_trailing_ones)
{
	expect(NORM_NFC, NORM_SQUEEZE, "a  \t\xC2\xA0 b   \n  c  ",
	    "a b\n c");
}

Test(norm, collapses_runs_of_bullets)
{
	expect(NORM_NFC, NORM_BULLETS,
	    "\xE2\x80\xA2 \xE2\x80\xA2 one\n\xE2\x97\x8F\xE2\x97\x8F two\n",
	    "\xE2\x80\xA2 one\n\xE2\x97\x8F two\n");
}

Test(norm, transliterates_to_ascii_from_table_and_decomposition)
{
	expect(NORM_NFC, NORM_ASCII, "Stra\xC3\x9F" "e caf\xC3\xA9 5\xE2\x82\xAC",
	    "Strasse cafe 5EUR");
}

Test(norm, keeps_and_counts_what_has_no_ascii_form)
{
	struct norm_opts o = { NORM_NFC, NORM_ASCII };
	struct norm	*n = norm_new(&o);
	struct buf	 out = BUF_INIT;
	struct norm_stats s;

	cr_assert_eq(norm_feed(n, (const unsigned char *)"x\xE4\xB8\xAD", 4,
	    &out), 0);
	cr_assert_eq(norm_finish(n, &out), 0);
	cr_assert_eq(out.len, 4);
	s = norm_stats_take(n);
	cr_assert_eq(s.no_ascii, 1);
	cr_assert_eq(norm_stats_take(n).no_ascii, 0);
	buf_free(&out);
	norm_free(n);
}

Test(norm, resets_between_documents)
{
	struct norm_opts o = { NORM_NFC, NORM_SQUEEZE };
	struct norm	*n = norm_new(&o);
	struct buf	 out = BUF_INIT;

	cr_assert_eq(norm_feed(n, (const unsigned char *)"a \r", 3, &out), 0);
	cr_assert_eq(norm_finish(n, &out), 0);
	cr_assert_eq(norm_feed(n, (const unsigned char *)"\nb", 2, &out), 0);
	cr_assert_eq(norm_finish(n, &out), 0);
	cr_assert_eq(out.len, 4);
	cr_assert(memcmp(out.p, "a\n\nb", 4) == 0);
	buf_free(&out);
	norm_free(n);
}

Test(norm, holds_back_little_on_a_long_line)
{
	struct norm_opts o = { NORM_NFC, 0 };
	struct norm	*n = norm_new(&o);
	struct buf	 out = BUF_INIT;
	size_t		 i;

	/* After each piece, all but the last character is out. */
	for (i = 0; i < 1000; i++) {
		buf_clear(&out);
		cr_assert_eq(norm_feed(n, (const unsigned char *)
		    "caf\xC3\xA9 ", 6, &out), 0);
		cr_assert_geq(out.len, 5);
	}
	buf_free(&out);
	norm_free(n);
}

Test(norm, cuts_an_endless_run_of_marks_and_says_so)
{
	struct norm_opts o = { NORM_NFC, 0 };
	struct norm	*n = norm_new(&o);
	struct buf	 out = BUF_INIT;
	size_t		 i, total = 0;

	for (i = 0; i < 40000; i++) {
		buf_clear(&out);
		cr_assert_eq(norm_feed(n, (const unsigned char *)"\xCC\x81",
		    2, &out), 0);
		total += out.len;
	}
	buf_clear(&out);
	cr_assert_eq(norm_finish(n, &out), 0);
	total += out.len;
	cr_assert_eq(total, 80000);
	cr_assert_geq(norm_stats_take(n).forced_cuts, 1);
	buf_free(&out);
	norm_free(n);
}

Test(norm, knows_its_forms_and_profiles)
{
	struct norm_opts o;
	enum norm_form	 f;

	cr_assert_eq(norm_form_parse("nfkd", &f), 0);
	cr_assert_eq(f, NORM_NFKD);
	cr_assert_eq(norm_form_parse("NFC", &f), -1);
	cr_assert_eq(norm_profile("search", &o), 0);
	cr_assert(o.flags & NORM_CASEFOLD);
	cr_assert_eq(norm_profile("bogus", &o), -1);
	o.form = NORM_NONE;
	o.flags = NORM_STRIP_MARKS;
	cr_assert_not_null(norm_opts_check(&o));
}

/*
 * Stage B keeps the forms of short runs in a small cache: thousands of
 * distinct runs, twice over in one stream, evict and collide there, and
 * every one must still come out as it does alone.
 */
Test(norm, many_distinct_runs_come_out_as_each_does_alone)
{
	static const char *const marks[] = {
		"\xCC\x81", "\xCC\x80", "\xCC\x88", "\xCC\xA3", "\xCC\x82",
		"\xCC\xA7", "\xCC\x83", "\xCC\x8A",
	};
	struct norm_opts o = { NORM_NFC, 0 };
	struct buf	 in = { 0 }, want = { 0 };
	const char	*alone;
	char		 run[16];
	int		 pass, base, a, b;

	for (pass = 0; pass < 2; pass++)
		for (base = 'A'; base <= 'z'; base++)
			for (a = 0; a < 8; a++)
				for (b = 0; b < 8; b++) {
					snprintf(run, sizeof(run), "%c%s%s",
					    base, marks[a], marks[b]);
					alone = normalize(&o, run, 1 << 20);
					cr_assert_eq(buf_append(&want, alone,
					    strlen(alone)), 0);
					cr_assert_eq(buf_putc(&want, ' '), 0);
					cr_assert_eq(buf_append(&in, run,
					    strlen(run)), 0);
					cr_assert_eq(buf_putc(&in, ' '), 0);
				}
	cr_assert_eq(buf_putc(&in, '\0'), 0);
	cr_assert_eq(buf_putc(&want, '\0'), 0);
	cr_assert_str_eq(normalize(&o, (const char *)in.p, 1 << 20),
	    (const char *)want.p);
	buf_free(&in);
	buf_free(&want);
}
