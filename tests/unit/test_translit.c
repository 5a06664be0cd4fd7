/*
 * Unit tests for translit: lookups, and properties of the whole generated
 * table (sorted, unique, printable ASCII, covering its scripts).
 */
#include <stdint.h>
#include <string.h>

#include <criterion/criterion.h>
#include <utf8proc.h>

#include "translit.h"

static void
expect_tr(int32_t cp, const char *want)
{
	const char	*got;
	size_t		 len = 99;

	got = translit_ascii(cp, &len);
	cr_assert_not_null(got, "U+%04X has no entry", (unsigned)cp);
	cr_expect_str_eq(got, want, "U+%04X gives \"%s\", want \"%s\"",
	    (unsigned)cp, got, want);
	cr_expect_eq(len, strlen(want), "U+%04X: length %zu", (unsigned)cp,
	    len);
}

static void
expect_none(int32_t cp)
{
	size_t	 len = 99;

	cr_expect_null(translit_ascii(cp, &len), "U+%04X has an entry",
	    (unsigned)cp);
	cr_expect_eq(len, 0);
}

/* Does cp decompose canonically, so that decomposition can handle it? */
static int
decomposes(int32_t cp)
{
	utf8proc_int32_t d[8];
	utf8proc_ssize_t n;

	n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
	return n != 1 || d[0] != cp;
}

Test(translit, maps_sharp_s_and_euro)
{
	expect_tr(0x00DF, "ss");
	expect_tr(0x20AC, "EUR");
	cr_expect_not_null(translit_ascii(0x00DF, NULL));
}

Test(translit, finds_nothing_for_what_it_does_not_cover)
{
	expect_none('A');
	expect_none(0);
	expect_none(0x7F);
	expect_none(0x00E9);	/* é, ﬁ, Ａ: decomposition's job */
	expect_none(0xFB01);
	expect_none(0xFF21);
	expect_none(0x4E00);	/* CJK */
	expect_none(0x1F600);	/* emoji */
	expect_none(0x00A7);	/* §: left out on purpose */
	expect_none(-1);
	expect_none(0x110000);
	expect_none(INT32_MAX);
	expect_none(INT32_MIN);
}

Test(translit, maps_latin_letters_without_decompositions)
{
	expect_tr(0x00C6, "AE");
	expect_tr(0x00E6, "ae");
	expect_tr(0x00D8, "O");
	expect_tr(0x00F8, "o");
	expect_tr(0x0110, "D");
	expect_tr(0x0111, "d");
	expect_tr(0x0141, "L");
	expect_tr(0x0142, "l");
	expect_tr(0x0152, "OE");
	expect_tr(0x0153, "oe");
	expect_tr(0x00DE, "Th");
	expect_tr(0x00FE, "th");
	expect_tr(0x00F0, "d");
	expect_tr(0x0131, "i");
	expect_tr(0x014B, "ng");
	expect_tr(0x1E9E, "SS");
}

Test(translit, maps_punctuation_to_its_ascii_forms)
{
	static const int32_t single[] = { 0x2018, 0x2019, 0x201A, 0x201B,
	    0x2032, 0x02BC };
	static const int32_t dbl[] = { 0x201C, 0x201D, 0x201E, 0x201F,
	    0x00AB, 0x00BB, 0x2033 };
	static const int32_t dash[] = { 0x2010, 0x2011, 0x2012, 0x2013,
	    0x2014, 0x2015, 0x2212 };

	for (size_t i = 0; i < sizeof(single) / sizeof(single[0]); i++)
		expect_tr(single[i], "'");
	for (size_t i = 0; i < sizeof(dbl) / sizeof(dbl[0]); i++)
		expect_tr(dbl[i], "\"");
	for (size_t i = 0; i < sizeof(dash) / sizeof(dash[0]); i++)
		expect_tr(dash[i], "-");
	expect_tr(0x2026, "...");
	expect_tr(0x2022, "*");
	expect_tr(0x00B7, ".");
	expect_tr(0x203D, "?!");	/* "\?" in C: no trigraph */
}

Test(translit, maps_currency_and_symbols)
{
	expect_tr(0x00A3, "GBP");
	expect_tr(0x00A5, "JPY");
	expect_tr(0x20B9, "INR");
	expect_tr(0x00A2, "c");
	expect_tr(0x00A9, "(c)");
	expect_tr(0x00AE, "(R)");
	expect_tr(0x2122, "(TM)");
	expect_tr(0x00B0, "deg");
	expect_tr(0x00D7, "x");
	expect_tr(0x00F7, "/");
	expect_tr(0x00B1, "+/-");
	expect_tr(0x2030, "o/oo");
	expect_tr(0x00B5, "u");
}

Test(translit, overrides_what_decomposition_gets_wrong)
{
	expect_tr(0x2260, "!=");	/* = and a combining slash */
	expect_tr(0x0140, "l");		/* l and a middle dot */
	expect_tr(0x2122, "(TM)");
	expect_tr(0x2116, "No.");
	expect_tr(0x2033, "\"");	/* two primes */
	expect_tr(0x00B4, "'");		/* a space and a combining acute */
}

Test(translit, spaces_a_fraction_off_the_number_before_it)
{
	expect_tr(0x00BD, " 1/2");
	expect_tr(0x00BC, " 1/4");
	expect_tr(0x00BE, " 3/4");
}

Test(translit, maps_greek_and_cyrillic_letters)
{
	expect_tr(0x03B1, "a");
	expect_tr(0x03B2, "b");
	expect_tr(0x03C2, "s");
	expect_tr(0x03A8, "Ps");
	expect_tr(0x0416, "Zh");
	expect_tr(0x0436, "zh");
	expect_tr(0x0429, "Shch");
	expect_tr(0x0449, "shch");
	expect_tr(0x044F, "ya");
	expect_tr(0x0402, "Dj");
	/* The soft sign is dropped: an entry, but empty. */
	expect_tr(0x044C, "");
}

Test(translit, covers_every_basic_greek_and_cyrillic_letter)
{
	for (int32_t cp = 0x0391; cp <= 0x03C9; cp++)
		if (utf8proc_category(cp) != UTF8PROC_CATEGORY_CN &&
		    !decomposes(cp))
			cr_expect_not_null(translit_ascii(cp, NULL),
			    "U+%04X has no entry", (unsigned)cp);
	for (int32_t cp = 0x0400; cp <= 0x045F; cp++)
		if (!decomposes(cp))
			cr_expect_not_null(translit_ascii(cp, NULL),
			    "U+%04X has no entry", (unsigned)cp);
}

Test(translit, turns_every_space_separator_into_a_space)
{
	for (int32_t cp = 0x80; cp <= 0x10FFFF; cp++)
		if (utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS)
			expect_tr(cp, " ");
}

Test(translit, keeps_its_table_sorted_unique_and_ascii)
{
	const struct translit_entry *t;
	size_t		 n;

	t = translit_table(&n);
	cr_assert_gt(n, 400);
	for (size_t i = 0; i < n; i++) {
		cr_assert_geq(t[i].cp, 0x80, "entry %zu is ASCII", i);
		cr_assert_leq(t[i].cp, 0x10FFFF);
		if (i > 0)
			cr_assert_lt(t[i - 1].cp, t[i].cp,
			    "U+%04X after U+%04X", (unsigned)t[i].cp,
			    (unsigned)t[i - 1].cp);
		for (const char *p = t[i].ascii; *p != '\0'; p++)
			cr_assert(*p >= 0x20 && *p <= 0x7E,
			    "U+%04X: byte 0x%02X", (unsigned)t[i].cp,
			    (unsigned char)*p);
		cr_expect_eq(translit_ascii(t[i].cp, NULL), t[i].ascii);
	}
}
