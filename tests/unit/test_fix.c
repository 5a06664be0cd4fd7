/*
 * Unit tests for common/fix.c: each fix, text that must stay as it is,
 * --explain's reports, and the same output whatever the pieces the text
 * arrives in.  The measured runs over news text are in tests/fix/run.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"
#include "fix.h"
#include "utf8.h"

static struct buf explained;

static void
record_change(void *arg, const struct fix_change *ch)
{
	char	 line[256];
	int	 n;

	(void)arg;
	n = snprintf(line, sizeof(line), "%llu:%.*s>%.*s:%s;",
	    (unsigned long long)ch->offset, (int)ch->old_len,
	    (const char *)ch->old, (int)ch->new_len, (const char *)ch->new,
	    ch->fix);
	buf_append(&explained, line, (size_t)n);
}

/* Fixes s with flags, fed in pieces of `chunk` bytes never splitting a
 * UTF-8 sequence, and returns a NUL-terminated copy (static). */
static const char *
fix(unsigned flags, const char *s, size_t chunk)
{
	static struct buf out;
	struct fix	*f = fix_new(flags, record_change, NULL);
	size_t		 i = 0, k, len = strlen(s);

	cr_assert_not_null(f);
	buf_clear(&out);
	buf_clear(&explained);
	while (i < len) {
		k = len - i < chunk ? len - i : chunk;
		while (i + k < len && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		cr_assert_eq(fix_feed(f, (const unsigned char *)s + i, k,
		    &out), 0);
		i += k;
	}
	cr_assert_eq(fix_finish(f, &out), 0);
	buf_putc(&out, '\0');
	buf_putc(&explained, '\0');
	fix_free(f);
	return (const char *)out.p;
}

/* Checks want for every chunk size from 1 to 9 and one large. */
static void
expect(unsigned flags, const char *in, const char *want)
{
	size_t	 chunk;

	for (chunk = 1; chunk <= 10; chunk++)
		cr_assert_str_eq(fix(flags, in, chunk == 10 ? 1 << 20 : chunk),
		    want, "chunk %zu", chunk);
}

/* The same text, long enough to cross FIX_LOOKAHEAD and the context. */
static void
expect_long(unsigned flags, const char *in, const char *want)
{
	char	 a[4096], b[4096];
	size_t	 k;

	strcpy(a, "");
	strcpy(b, "");
	for (k = 0; k < 8; k++) {
		strcat(a, "Some plain words to fill the window, then ");
		strcat(a, in);
		strcat(a, " and more. ");
		strcat(b, "Some plain words to fill the window, then ");
		strcat(b, want);
		strcat(b, " and more. ");
	}
	expect(flags, a, b);
}

Test(fix, undoes_utf8_read_as_windows_1252)
{
	expect(FIX_ALL, "Huang\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9",
	    "Huang\xE2\x80\x99s caf\xC3\xA9");
	expect_long(FIX_ENCODING, "Huang\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s",
	    "Huang\xE2\x80\x99s");
}

Test(fix, undoes_mojibake_twice_over)
{
	/* U+2019 through Windows-1252 twice. */
	expect(FIX_ENCODING, "it\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC"
	    "\xC3\xA2\xE2\x80\x9E\xC2\xA2s", "it\xE2\x80\x99s");
	/* U+201D: its 0x9D byte is undefined in Windows-1252, so it went
	 * through U+009D. */
	expect(FIX_ENCODING, "x\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC"
	    "\xC3\x82\xC2\x9D y", "x\xE2\x80\x9D y");
}

Test(fix, undoes_utf8_read_as_latin1)
{
	expect(FIX_ENCODING, "it\xC3\xA2\xC2\x80\xC2\x99s",
	    "it\xE2\x80\x99s");
}

Test(fix, leaves_real_latin_text_alone)
{
	static const char *const same[] = {
		"S\xC3\xA3o Paulo", "\xC3\x85ngstr\xC3\xB6m", "na\xC3\xAFve",
		"\xE2\x82\xAC" "5", "S\xC3\x83O PAULO", "Strau\xC3\x9F\xE2\x80\x99s",
		"\xE2\x80\x9C" "caf\xC3\xA9\xE2\x80\x9D", "\xC2\xA3" "5 \xC2\xB0" "C",
		"\xC3\x89" "cole", "\xC2\xAB" "Bonjour\xC2\xBB",
	};
	size_t	 i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		expect(FIX_ALL, same[i], same[i]);
}

/* Mojibake pieces: U+201C and U+2019 broken, U+201D broken without its
 * last byte, U+FFFD, U+201C and U+201D, U+2019. */
#define M_LDQ	"\xC3\xA2\xE2\x82\xAC\xC5\x93"
#define M_RSQ	"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2"
#define M_RDQ_	"\xC3\xA2\xE2\x82\xAC"
#define FFFD	"\xEF\xBF\xBD"
#define LDQ	"\xE2\x80\x9C"
#define RDQ	"\xE2\x80\x9D"
#define RSQ	"\xE2\x80\x99"

Test(fix, puts_back_a_non_breaking_space_that_became_a_space)
{
	/* U+00E0 is C3 A0: "\u00c3" and U+00A0, then scraping made a space. */
	expect(FIX_ENCODING, "caf\xC3\x83\xC2\xA9 \xC3\x83  la carte",
	    "caf\xC3\xA9 \xC3\xA0 la carte");
	expect(FIX_ENCODING, "voil\xC3\x83  tout, it" M_RSQ "s",
	    "voil\xC3\xA0 tout, it" RSQ "s");
	expect_long(FIX_ENCODING, "it" M_RSQ "s voil\xC3\x83  tout",
	    "it" RSQ "s voil\xC3\xA0 tout");
}

Test(fix, leaves_a_capital_a_tilde_before_a_space_alone)
{
	static const char *const same[] = {
		"o \xC3\x83 final, \xC3\x83 ",
		"S\xC3\x83O PAULO, A IRM\xC3\x83 \xC3\x89 "
		    "\xC3\x8D" "ND\xC3\x8D" "A.",
	};
	size_t	 i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		expect(FIX_ALL, same[i], same[i]);
	/* A capital word, even beside mojibake. */
	expect(FIX_ENCODING, "IRM\xC3\x83 e caf\xC3\x83\xC2\xA9",
	    "IRM\xC3\x83 e caf\xC3\xA9");
}

Test(fix, puts_back_an_undefined_byte_replaced_or_dropped)
{
	expect(FIX_ENCODING, M_LDQ "hi" M_RDQ_ FFFD " x", LDQ "hi" RDQ " x");
	expect(FIX_ENCODING, M_LDQ "hi" M_RDQ_ " x", LDQ "hi" RDQ " x");
	expect(FIX_ENCODING, M_LDQ "hi," M_RDQ_, LDQ "hi," RDQ);
	expect(FIX_ENCODING, "\xC3\x83" FFFD "lvaro caf\xC3\x83\xC2\xA9",
	    "\xC3\x81lvaro caf\xC3\xA9");
	/* Not where nothing else is mojibake. */
	expect(FIX_ALL, "a " FFFD " b \xC3\x83" FFFD,
	    "a " FFFD " b \xC3\x83" FFFD);
	expect_long(FIX_ENCODING, M_LDQ "hi" M_RDQ_ FFFD, LDQ "hi" RDQ);
}

Test(fix, decodes_character_references)
{
	expect(FIX_ENTITIES, "&amp; &rsquo;&#8217;&#x2019;&#X2019; &nbsp;"
	    "&hellip;&apos;&mdash;&ldquo;&eacute;",
	    "& \xE2\x80\x99\xE2\x80\x99\xE2\x80\x99\xE2\x80\x99 \xC2\xA0"
	    "\xE2\x80\xA6'\xE2\x80\x94\xE2\x80\x9C\xC3\xA9");
	/* HTML reads &#150; as a Windows-1252 byte. */
	expect(FIX_ENTITIES, "a&#150;b", "a\xE2\x80\x93" "b");
	expect_long(FIX_ENTITIES, "&ldquo;x&rdquo;",
	    "\xE2\x80\x9Cx\xE2\x80\x9D");
}

Test(fix, leaves_what_is_not_a_reference)
{
	expect(FIX_ENTITIES, "AT&T R&D &amp &bogus; &#; &#xZZ; &#0; "
	    "&#xD800; &#x110000; & ;",
	    "AT&T R&D &amp &bogus; &#; &#xZZ; &#0; &#xD800; &#x110000; & ;");
}

Test(fix, knows_html4_and_html5_names)
{
	int32_t	 cp[2];

	cr_assert_eq(fix_entity_decode((const unsigned char *)"thetasym", 8,
	    cp), 1);
	cr_assert_eq(cp[0], 0x3D1);
	cr_assert_eq(fix_entity_decode((const unsigned char *)"fjlig", 5, cp),
	    2);
	cr_assert_eq(cp[1], 'j');
	cr_assert_eq(fix_entity_decode((const unsigned char *)"Amp", 3, cp),
	    0);
}

Test(fix, removes_ansi_escapes)
{
	expect(FIX_ANSI, "\x1B[1;31mred\x1B[0m \x1B[K.", "red .");
	expect(FIX_ANSI, "\x1B" "x \x1B[", "\x1B" "x \x1B[");
}

Test(fix, maps_c1_controls_to_windows_1252)
{
	expect(FIX_C1, "\xC2\x93hi\xC2\x94 \xC2\x96 \xC2\x81",
	    "\xE2\x80\x9Chi\xE2\x80\x9D \xE2\x80\x93 \xC2\x81");
}

Test(fix, puts_back_a_lost_space_between_sentences)
{
	expect(FIX_SPACE, "restrictions.Nvidia said", "restrictions. Nvidia said");
	expect_long(FIX_SPACE, "tsunami.Steve", "tsunami. Steve");
}

Test(fix, leaves_names_and_abbreviations_alone)
{
	static const char *const same[] = {
		"see google.Com now", "U.S.The", "e.g.The", "<smbs.St>",
		"file.Txt", "www.bbc.Co.Uk", "obj.Method()", "in.A", "no.I",
		"Mr.Smith", "said.THE", "fo.Bar",
	};
	size_t	 i;

	for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
		expect(FIX_SPACE, same[i], same[i]);
}

Test(fix, joins_common_words_hyphenated_at_a_line_end)
{
	expect(FIX_HYPHENS, "an impor-\ntant step", "an important\nstep");
	expect(FIX_HYPHENS, "it is impor-\ntant.\nNext", "it is important.\nNext");
	expect(FIX_HYPHENS, "well-\nknown x-\nray", "well-\nknown x-\nray");
	cr_assert(fix_common_word("important", 9));
	cr_assert(!fix_common_word("wellknown", 9));
}

#define FILL	"Some plain words to fill the window, then some more of " \
		"them, and again: plain words to fill the window, then " \
		"some more of them, and again and again and again.  "

Test(fix, joins_words_the_document_used_unbroken)
{
	expect(FIX_HYPHENS, "Kleptocrats met; the klepto-\ncrats left",
	    "Kleptocrats met; the kleptocrats\nleft");
	/* Only words before the break count, and only in this document. */
	expect(FIX_HYPHENS, "the klepto-\ncrats met kleptocrats",
	    "the klepto-\ncrats met kleptocrats");
	expect(FIX_HYPHENS, "x2kleptocrats or kleptocrats9 the klepto-\ncrats",
	    "x2kleptocrats or kleptocrats9 the klepto-\ncrats");
	/* Far before the break, beyond the look-ahead and the context. */
	expect(FIX_HYPHENS, "zorbstem " FILL FILL " zorbs-\ntem x",
	    "zorbstem " FILL FILL " zorbstem\nx");
}

Test(fix, forgets_the_words_of_the_previous_document)
{
	struct fix	*f = fix_new(FIX_HYPHENS, NULL, NULL);
	struct buf	 out = { 0 };
	static const char a[] = "kleptocrats ", b[] = "the klepto-\ncrats x";

	cr_assert_not_null(f);
	cr_assert_eq(fix_feed(f, (const unsigned char *)a, strlen(a), &out), 0);
	cr_assert_eq(fix_finish(f, &out), 0);
	buf_clear(&out);
	cr_assert_eq(fix_feed(f, (const unsigned char *)b, strlen(b), &out), 0);
	cr_assert_eq(fix_finish(f, &out), 0);
	cr_assert_eq(out.len, strlen(b));
	cr_assert(memcmp(out.p, b, out.len) == 0);
	buf_free(&out);
	fix_free(f);
}

Test(fix, keeps_a_bounded_number_of_document_words)
{
	static struct buf in;
	struct fix	*f = fix_new(FIX_HYPHENS, NULL, NULL);
	struct buf	 out = { 0 };
	char		 w[16];
	size_t		 k;
	static const char tail[] = " zzzz the zz-\nzz and ab-\nab.";

	cr_assert_not_null(f);
	buf_clear(&in);
	/* 10000 different words, then "zzzz" (already too late) and
	 * "abab" (seen first). */
	buf_append(&in, "abab ", 5);
	for (k = 0; k < 10000; k++) {
		w[0] = (char)('a' + k % 26);
		w[1] = (char)('a' + k / 26 % 26);
		w[2] = (char)('a' + k / 676 % 26);
		w[3] = 'q';
		w[4] = ' ';
		buf_append(&in, w, 5);
	}
	buf_append(&in, tail, strlen(tail));
	cr_assert_eq(fix_feed(f, in.p, in.len, &out), 0);
	cr_assert_eq(fix_finish(f, &out), 0);
	buf_putc(&out, '\0');
	cr_assert(strstr((const char *)out.p, "zz-\nzz and abab.") != NULL,
	    "%s", (const char *)out.p + out.len - 40);
	buf_free(&out);
	buf_free(&in);
	fix_free(f);
}

Test(fix, parses_lists_of_names)
{
	unsigned	 flags = 0;
	const char	*bad = NULL;

	cr_assert_eq(fix_parse("encoding,c1", &flags, &bad), 0);
	cr_assert_eq(flags, FIX_ENCODING | FIX_C1);
	cr_assert_eq(fix_parse("ansi,nope", &flags, &bad), -1);
	cr_assert_str_eq(bad, "nope");
	cr_assert_eq(fix_parse("", &flags, &bad), -1);
}

Test(fix, explains_each_change)
{
	fix(FIX_ALL, "a &amp; caf\xC3\x83\xC2\xA9", 3);
	cr_assert_str_eq((const char *)explained.p,
	    "2:&amp;>&:entities;11:\xC3\x83\xC2\xA9>\xC3\xA9:encoding;");
}

Test(fix, passes_clean_text_unchanged)
{
	static const char text[] = "The company said on Monday it would buy "
	    "\xE2\x80\x9C" "Acme\xE2\x80\x9D for \xC2\xA3" "5m \xE2\x80\x93 its "
	    "biggest deal. Shares rose 3.5% to 120p.\nS\xC3\xA3o Paulo-based "
	    "well-\nknown firms (R&D) at www.acme.com.";

	struct fix	*f = fix_new(0, NULL, NULL);

	expect(FIX_ALL, text, text);
	cr_assert_eq(fix_count(f), 0);
	fix_free(f);
}

/* normalize --invalid=cp1252 lives in the reader's repairer (utf8.c). */
static const char *
repair_cp1252(const char *s, size_t chunk)
{
	static struct buf out;
	struct utf8_fixer f;
	size_t		 i, k, len = strlen(s);

	utf8_fixer_init(&f);
	f.cp1252 = 1;
	buf_clear(&out);
	for (i = 0; i < len; i += k) {
		k = len - i < chunk ? len - i : chunk;
		cr_assert_eq(utf8_fixer_feed(&f, (const unsigned char *)s + i,
		    k, &out, 0), 0);
	}
	cr_assert_eq(utf8_fixer_finish(&f, &out, 0), 0);
	buf_putc(&out, '\0');
	return (const char *)out.p;
}

Test(fix, reads_invalid_bytes_as_windows_1252_when_asked)
{
	size_t	 chunk;

	for (chunk = 1; chunk <= 4; chunk++) {
		cr_assert_str_eq(repair_cp1252("caf\xE9 \x93hi\x94 \x81 "
		    "na\xC3\xAFve \xE2\x82", chunk),
		    "caf\xC3\xA9 \xE2\x80\x9Chi\xE2\x80\x9D \xEF\xBF\xBD "
		    "na\xC3\xAFve \xC3\xA2\xE2\x80\x9A", "chunk %zu", chunk);
	}
}

Test(fix, undoes_mojibake_of_other_scripts)
{
	/* "и" alone is a Cyrillic word; an emoji went through twice. */
	expect(FIX_ENCODING, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
	    "\xC3\x90\xC2\xB8 x", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2"
	    "\xD0\xB0 \xD0\xB8 x");
	expect(FIX_ENCODING, "\xC3\x90\xC5\x93\xC3\x90\xC2\xBE\xC3\x91\xC2\x81 "
	    "\xC3\x90\xC2\xB8 x", "\xD0\x9C\xD0\xBE\xD1\x81 \xD0\xB8 x");
	expect(FIX_ENCODING, "ok \xC3\x83\xC2\xB0\xC3\x85\xC2\xB8\xC3\x8B\xC5\x93"
	    "\xC3\xA2\xE2\x80\x9A\xC2\xAC!", "ok \xF0\x9F\x98\x80!");
	expect(FIX_ENCODING, "\xC3\xA5\xC5\x92\xE2\x80\x94\xC3\xA4\xC2\xBA"
	    "\xC2\xAC", "\xE5\x8C\x97\xE4\xBA\xAC");
}
