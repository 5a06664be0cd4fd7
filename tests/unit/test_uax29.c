/*
 * Unit tests for common/uax29: the property tables, the default word,
 * sentence and grapheme rules of UAX #29 on news-like text, linear time on
 * inputs built to defeat a naive SB8, and the safe-cut contract of
 * uax29.h checked on pseudo-random strings over every property value.
 * Unicode's own *BreakTest.txt files run in tests/conformance/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"
#include "uax29.h"
#include "utf8.h"

#define MAXCP	256

typedef void	breaks_fn(const int32_t *, size_t, unsigned char *);
typedef size_t	cut_fn(const int32_t *, size_t);

/* Decodes the valid UTF-8 string s into cp[]; returns the count. */
static size_t
decode(const char *s, int32_t *cp)
{
	size_t	 i = 0, n = 0, len = strlen(s);
	int	 k;

	while (i < len) {
		cr_assert(n < MAXCP);
		k = utf8_decode((const unsigned char *)s + i, len - i,
		    &cp[n++]);
		cr_assert_gt(k, 0, "bad UTF-8 in test string");
		i += (size_t)k;
	}
	return n;
}

/*
 * Returns s (static copy) with a '|' at each boundary that breaks finds
 * inside it, after checking brk[0] and brk[n].
 */
static const char *
segments(breaks_fn *breaks, const char *s)
{
	static struct buf out;
	int32_t		 cp[MAXCP];
	unsigned char	 brk[MAXCP + 1];
	size_t		 i, n;

	n = decode(s, cp);
	memset(brk, 2, sizeof(brk));
	breaks(cp, n, brk);
	cr_assert_eq(brk[0], 1);
	if (n > 0)
		cr_assert_eq(brk[n], 1);
	buf_clear(&out);
	for (i = 0; i < n; i++) {
		cr_assert(brk[i] == 0 || brk[i] == 1);
		if (i > 0 && brk[i])
			cr_assert_eq(buf_putc(&out, '|'), 0);
		cr_assert_eq(buf_put_utf8(&out, cp[i]), 0);
	}
	cr_assert_eq(buf_putc(&out, '\0'), 0);
	return (const char *)out.p;
}

#define WORDS(s, want) \
	cr_expect_str_eq(segments(uax29_word_breaks, s), want)
#define SENTENCES(s, want) \
	cr_expect_str_eq(segments(uax29_sentence_breaks, s), want)
#define GRAPHEMES(s, want) \
	cr_expect_str_eq(segments(uax29_grapheme_breaks, s), want)

/* Properties. */

Test(uax29, looks_up_every_word_break_value)
{
	static const struct {
		int32_t		 cp;
		enum uax29_wb	 wb;
	} t[] = {
		{ '%', WB_OTHER }, { '\r', WB_CR }, { '\n', WB_LF },
		{ 0x0085, WB_NEWLINE }, { 0x2028, WB_NEWLINE },
		{ 0x0308, WB_EXTEND }, { 0x1F3FD, WB_EXTEND },
		{ 0x200D, WB_ZWJ }, { 0x1F1E6, WB_REGIONAL_INDICATOR },
		{ 0x00AD, WB_FORMAT }, { 0x30A2, WB_KATAKANA },
		{ 0x05D0, WB_HEBREW_LETTER }, { 'a', WB_ALETTER },
		{ 0x00E9, WB_ALETTER }, { '\'', WB_SINGLE_QUOTE },
		{ '"', WB_DOUBLE_QUOTE }, { '.', WB_MIDNUMLET },
		{ 0x2019, WB_MIDNUMLET }, { ':', WB_MIDLETTER },
		{ ',', WB_MIDNUM }, { ';', WB_MIDNUM }, { '7', WB_NUMERIC },
		{ 0x0663, WB_NUMERIC }, { '_', WB_EXTENDNUMLET },
		{ ' ', WB_WSEGSPACE }, { 0x3000, WB_WSEGSPACE },
		{ 0x00A0, WB_OTHER }, { '-', WB_OTHER }, { '\t', WB_OTHER },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		cr_expect_eq(uax29_wb(t[i].cp), t[i].wb, "U+%04X: %d, not %d",
		    (unsigned)t[i].cp, uax29_wb(t[i].cp), t[i].wb);
}

Test(uax29, looks_up_every_sentence_break_value)
{
	static const struct {
		int32_t		 cp;
		enum uax29_sb	 sb;
	} t[] = {
		{ '%', SB_OTHER }, { '\r', SB_CR }, { '\n', SB_LF },
		{ 0x0308, SB_EXTEND }, { 0x200D, SB_EXTEND },
		{ 0x2029, SB_SEP }, { 0x0085, SB_SEP }, { 0x00AD, SB_FORMAT },
		{ ' ', SB_SP }, { '\t', SB_SP }, { 0x00A0, SB_SP },
		{ 'a', SB_LOWER }, { 0x00DF, SB_LOWER }, { 'A', SB_UPPER },
		{ 0x00C9, SB_UPPER }, { 0x05D0, SB_OLETTER },
		{ 0x4E2D, SB_OLETTER }, { '0', SB_NUMERIC }, { '.', SB_ATERM },
		{ ',', SB_SCONTINUE }, { '-', SB_SCONTINUE },
		{ ':', SB_SCONTINUE }, { '!', SB_STERM }, { '?', SB_STERM },
		{ 0x3002, SB_STERM }, { '"', SB_CLOSE }, { '(', SB_CLOSE },
		{ 0x201D, SB_CLOSE },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		cr_expect_eq(uax29_sb(t[i].cp), t[i].sb, "U+%04X: %d, not %d",
		    (unsigned)t[i].cp, uax29_sb(t[i].cp), t[i].sb);
}

Test(uax29, knows_extended_pictographic)
{
	cr_expect(uax29_extpict(0x1F600));	/* grinning face */
	cr_expect(uax29_extpict(0x00A9));	/* copyright sign */
	cr_expect(uax29_extpict(0x2764));	/* heavy black heart */
	cr_expect(uax29_extpict(0x1FFFD));	/* reserved, listed */
	cr_expect(!uax29_extpict('A'));
	cr_expect(!uax29_extpict(0x1F1E6));	/* regional indicator */
	cr_expect(!uax29_extpict(0x1F3FD));	/* skin tone: Extend */
}

Test(uax29, gives_other_to_values_that_are_not_scalar_values)
{
	static const int32_t bad[] = { -1, INT32_MIN, 0xD800, 0xDFFF,
	    0x110000, INT32_MAX };
	size_t	 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		cr_expect_eq(uax29_wb(bad[i]), WB_OTHER);
		cr_expect_eq(uax29_sb(bad[i]), SB_OTHER);
		cr_expect_eq(uax29_extpict(bad[i]), 0);
	}
}

Test(uax29, breaks_around_values_that_are_not_scalar_values)
{
	const int32_t	 cp[] = { 'a', -1, 0x110000, 'b' };
	unsigned char	 brk[5];

	uax29_word_breaks(cp, 4, brk);
	cr_expect_arr_eq(brk, ((unsigned char[]){ 1, 1, 1, 1, 1 }), 5);
	uax29_sentence_breaks(cp, 4, brk);
	cr_expect_arr_eq(brk, ((unsigned char[]){ 1, 0, 0, 0, 1 }), 5);
}

/* The array contract. */

Test(uax29, writes_only_brk0_for_empty_text)
{
	unsigned char	 brk[2];
	breaks_fn	*fns[] = { uax29_word_breaks, uax29_sentence_breaks,
	    uax29_grapheme_breaks };
	size_t		 i;

	for (i = 0; i < 3; i++) {
		brk[0] = 7;
		brk[1] = 7;
		fns[i](NULL, 0, brk);
		cr_expect_eq(brk[0], 1);
		cr_expect_eq(brk[1], 7, "wrote past brk[0]");
	}
}

Test(uax29, marks_both_ends_of_one_character)
{
	const int32_t	 cp[] = { 0x0308 };
	unsigned char	 brk[2];
	breaks_fn	*fns[] = { uax29_word_breaks, uax29_sentence_breaks,
	    uax29_grapheme_breaks };
	size_t		 i;

	for (i = 0; i < 3; i++) {
		memset(brk, 0, sizeof(brk));
		fns[i](cp, 1, brk);
		cr_expect(brk[0] == 1 && brk[1] == 1);
	}
}

/* Words (UAX #29, section 4.1.1). */

Test(uax29, keeps_inner_periods_of_u_s_but_splits_the_last_wb6_wb7)
{
	/* WB6/WB7 need a letter after the period: the last one has a
	 * space after it. */
	WORDS("the U.S. economy", "the| |U.S|.| |economy");
}

Test(uax29, keeps_decimals_and_thousands_whole_wb11_wb12)
{
	WORDS("3.14 and 1,000,000.5", "3.14| |and| |1,000,000.5");
	WORDS("$3.5bn", "$|3.5bn");
	WORDS("1,", "1|,");
}

Test(uax29, keeps_contractions_whole)
{
	WORDS("can't", "can't");
	WORDS("can\xE2\x80\x99t", "can\xE2\x80\x99t");
	WORDS("rock 'n' roll", "rock| |'|n|'| |roll");
	WORDS("Nvidia's", "Nvidia's");
}

Test(uax29, splits_hyphens_and_keeps_underscores)
{
	WORDS("e-mail", "e|-|mail");
	WORDS("snake_case_2", "snake_case_2");
	WORDS("A1 1A", "A1| |1A");
}

Test(uax29, keeps_spaces_together_wb3d)
{
	WORDS("a  b", "a|  |b");
	WORDS("a \xCC\x88 b", "a| \xCC\x88| |b");
}

Test(uax29, keeps_marks_with_their_base_wb4)
{
	WORDS("cafe\xCC\x81 no\xCC\x88l", "cafe\xCC\x81| |no\xCC\x88l");
	WORDS("U.\xCC\x88S", "U.\xCC\x88S");
}

Test(uax29, keeps_crlf_and_breaks_around_line_ends_wb3)
{
	WORDS("a\r\nb\n\nc", "a|\r\n|b|\n|\n|c");
	WORDS("\n\xCC\x88x", "\n|\xCC\x88|x");
}

Test(uax29, keeps_emoji_zwj_sequences_whole_wb3c)
{
	/* man ZWJ woman ZWJ girl; thumbs up with a skin tone */
	WORDS("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA7 \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
	    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA7| |\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
	/* Without ZWJ two emoji are two words. */
	WORDS("\xF0\x9F\x98\x80\xF0\x9F\x98\x80",
	    "\xF0\x9F\x98\x80|\xF0\x9F\x98\x80");
}

Test(uax29, pairs_flags_wb15_wb16)
{
	/* US, GB, then a lone U */
	WORDS("\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8\xF0\x9F\x87\xAC"
	    "\xF0\x9F\x87\xA7\xF0\x9F\x87\xBA",
	    "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8|\xF0\x9F\x87\xAC"
	    "\xF0\x9F\x87\xA7|\xF0\x9F\x87\xBA");
	WORDS("x\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8",
	    "x|\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8");
}

Test(uax29, keeps_katakana_and_hebrew_rules_wb7a_to_wb13)
{
	WORDS("\xE3\x82\xAB\xE3\x82\xBF\xE3\x82\xAB\xE3\x83\x8A",
	    "\xE3\x82\xAB\xE3\x82\xBF\xE3\x82\xAB\xE3\x83\x8A");
	/* alef '"' bet: WB7b/WB7c */
	WORDS("\xD7\x90\"\xD7\x91", "\xD7\x90\"\xD7\x91");
	WORDS("a\"b", "a|\"|b");
}

/* Sentences (UAX #29, section 5.1.1). */

Test(uax29, breaks_after_mr_before_a_capital_as_uax29_says_sb11)
{
	/* The default rules know no abbreviations: "Mr. " then an Upper
	 * is a boundary.  sentence.h is where English is handled. */
	SENTENCES("Mr. Smith went to Washington. He said so.",
	    "Mr. |Smith went to Washington. |He said so.");
}

Test(uax29, does_not_break_before_a_lowercase_word_sb8)
{
	SENTENCES("He left at 5 p.m. and came back.",
	    "He left at 5 p.m. and came back.");
	SENTENCES("U.S. officials (e.g. \"the Fed\") agreed.",
	    "U.S. officials (e.g. \"the Fed\") agreed.");
	SENTENCES("Wait... what? Yes.", "Wait... what? |Yes.");
	SENTENCES("Wait... What?", "Wait... |What?");
}

Test(uax29, keeps_decimals_and_initialisms_sb6_sb7)
{
	SENTENCES("It rose 3.5 pct. Oil fell.",
	    "It rose 3.5 pct. |Oil fell.");
	SENTENCES("The U.S.A. Today", "The U.S.A. |Today");
	SENTENCES("Call 1.800.", "Call 1.800.");
}

Test(uax29, keeps_closing_quotes_and_spaces_with_the_sentence_sb9_sb10)
{
	SENTENCES("He said \"Stop.\"  Then left.",
	    "He said \"Stop.\"  |Then left.");
	SENTENCES("(Really?!) Yes.", "(Really?!) |Yes.");
	SENTENCES("Done.\n\nNext", "Done.\n|\n|Next");
}

Test(uax29, continues_after_a_comma_sb8a)
{
	SENTENCES("\"Yes.\", he said.", "\"Yes.\", he said.");
	SENTENCES("Why? Because.", "Why? |Because.");
}

Test(uax29, breaks_after_paragraph_separators_sb4)
{
	SENTENCES("First line\nSecond line\r\nThird\xE2\x80\xA9" "Fourth",
	    "First line\n|Second line\r\n|Third\xE2\x80\xA9|Fourth");
}

Test(uax29, breaks_after_ideographic_full_stop)
{
	SENTENCES("\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82\xE5\x86\x8D"
	    "\xE8\xA7\x81\xE3\x80\x82",
	    "\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82|\xE5\x86\x8D"
	    "\xE8\xA7\x81\xE3\x80\x82");
}

Test(uax29, ignores_marks_and_format_after_a_terminator_sb5)
{
	SENTENCES("end.\xCC\x88\xC2\xAD Next", "end.\xCC\x88\xC2\xAD |Next");
	SENTENCES("end.\xC2\xAD next", "end.\xC2\xAD next");
}

/* Grapheme clusters (UAX #29, section 3.1.1, through utf8proc). */

Test(uax29, clusters_marks_crlf_hangul_emoji_and_flags)
{
	GRAPHEMES("e\xCC\x81x", "e\xCC\x81|x");
	GRAPHEMES("a\r\nb", "a|\r\n|b");
	GRAPHEMES("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB",
	    "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");
	GRAPHEMES("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA7!",
	    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
	    "\xF0\x9F\x91\xA7|!");
	GRAPHEMES("\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8\xF0\x9F\x87\xAC"
	    "\xF0\x9F\x87\xA7\xF0\x9F\x87\xBA",
	    "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8|\xF0\x9F\x87\xAC"
	    "\xF0\x9F\x87\xA7|\xF0\x9F\x87\xBA");
}

/* Linear time: each of these would take minutes if a look-ahead were
 * repeated at every position. */

#define LONG	(1 << 20)

Test(uax29, stays_linear_on_a_long_sb8_look_ahead, .timeout = 60)
{
	int32_t		*cp = malloc((LONG + 4) * sizeof(*cp));
	unsigned char	*brk = malloc(LONG + 5);
	size_t		 i, n = 0;

	cr_assert(cp != NULL && brk != NULL);
	/* "x." then Close and Sp runs, each position an SB8 candidate,
	 * resolved only by the final lowercase letter. */
	cp[n++] = 'x';
	cp[n++] = '.';
	for (i = 0; i < LONG / 2; i++)
		cp[n++] = ')';
	for (i = 0; i < LONG / 2; i++)
		cp[n++] = ' ';
	cp[n++] = 'y';
	uax29_sentence_breaks(cp, n, brk);
	for (i = 1; i < n; i++)
		if (brk[i] != 0)
			cr_assert_fail("boundary at %zu", i);
	free(cp);
	free(brk);
}

Test(uax29, stays_linear_on_long_runs_of_marks, .timeout = 60)
{
	int32_t		*cp = malloc((LONG + 3) * sizeof(*cp));
	unsigned char	*brk = malloc(LONG + 4);
	size_t		 i, n = 0;

	cr_assert(cp != NULL && brk != NULL);
	/* WB6 looks past every mark after the colon. */
	cp[n++] = 'a';
	cp[n++] = ':';
	for (i = 0; i < LONG; i++)
		cp[n++] = 0x0308;
	cp[n++] = 'b';
	uax29_word_breaks(cp, n, brk);
	for (i = 1; i < n; i++)
		if (brk[i] != 0)
			cr_assert_fail("boundary at %zu", i);
	uax29_sentence_breaks(cp, n, brk);
	uax29_grapheme_breaks(cp, n, brk);
	free(cp);
	free(brk);
}

/* Safe cuts. */

Test(uax29, finds_word_cuts_at_the_end)
{
	int32_t	 cp[MAXCP];
	size_t	 n;

	n = decode("hello world", cp);
	cr_expect_eq(uax29_word_safe_cut(cp, n), n - 1);
	n = decode("U.S", cp);
	cr_expect_eq(uax29_word_safe_cut(cp, n), 2, "after the period");
	n = decode("3.", cp);
	cr_expect_eq(uax29_word_safe_cut(cp, n), 0, "3 then . needs what "
	    "follows");
	n = decode("a\xCC\x88\xCC\x88", cp);
	cr_expect_eq(uax29_word_safe_cut(cp, n), 0);
	n = decode("\n\xCC\x88\xCC\x88", cp);
	cr_expect_eq(uax29_word_safe_cut(cp, n), 1);
	cr_expect_eq(uax29_word_safe_cut(cp, 1), 0);
	cr_expect_eq(uax29_word_safe_cut(cp, 0), 0);
}

Test(uax29, finds_sentence_cuts_at_letters_and_paragraphs)
{
	int32_t	 cp[MAXCP];
	size_t	 n;

	n = decode("It fell. The", cp);
	cr_expect_eq(uax29_sentence_safe_cut(cp, n), n - 1);
	n = decode("It fell 5.", cp);
	cr_expect_eq(uax29_sentence_safe_cut(cp, n), 7, "after the l");
	/* Before the ATerm SB7 would see the x; after it SB8 waits. */
	n = decode("x. 5 5", cp);
	cr_expect_eq(uax29_sentence_safe_cut(cp, n), 0);
	n = decode("1 2\n3", cp);
	cr_expect_eq(uax29_sentence_safe_cut(cp, n), 4);
	n = decode("1 2 3", cp);
	cr_expect_eq(uax29_sentence_safe_cut(cp, n), 0);
}

/*
 * A fixed-seed xorshift64* generator: the same strings on every run and
 * every machine.
 */
static uint64_t rng_state;

static uint32_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

/* Every Word_Break and Sentence_Break value, and then some. */
static const int32_t pool[] = {
	'a', 'b', 'Z', 0x05D0, 0x30A2, '0', '7', '_', ':', '.', ',', ';',
	'\'', '"', ' ', 0x3000, '\t', '\r', '\n', 0x0085, 0x2029, 0x0308,
	0x00AD, 0x200D, 0x1F1E6, 0x1F1E7, 0x1F600, 0x2764, '%', '!', '?',
	'(', ')', 0x2019, '-', 0x00A0, 0x3002, 0x4E2D,
};

static void
hex(char *out, size_t cap, const int32_t *cp, size_t n)
{
	size_t	 i, k = 0;

	out[0] = '\0';
	for (i = 0; i < n && k + 10 < cap; i++)
		k += (size_t)snprintf(out + k, cap - k, "%s%04X", i ? " " : "",
		    (unsigned)cp[i]);
}

/*
 * Checks the safe-cut contract of uax29.h on pseudo-random strings: for
 * every prefix cp[0..n) of a string s and its cut i, (a) the breaks of
 * cp[0..n) up to i equal those of s, and (b) the breaks of s[i..) after
 * its first equal those of s after i.  Each string draws from a random
 * handful of the pool, so that runs like "x. 5 5 a" come up often.
 * Returns the number of cuts checked.
 */
static size_t
check_cuts(breaks_fn *breaks, cut_fn *cut, unsigned rounds)
{
	int32_t		 s[48], sub[6];
	unsigned char	 whole[49], part[49];
	char		 buf[600];
	size_t		 len, nsub, n, i, k, ncut = 0;
	unsigned	 r;

	rng_state = 0x9E3779B97F4A7C15ULL;
	for (r = 0; r < rounds; r++) {
		nsub = 2 + rng() % 5;
		for (k = 0; k < nsub; k++)
			sub[k] = pool[rng() % (sizeof(pool) / sizeof(pool[0]))];
		len = 1 + rng() % 48;
		for (k = 0; k < len; k++)
			s[k] = sub[rng() % nsub];
		breaks(s, len, whole);
		for (n = 1; n <= len; n++) {
			if ((i = cut(s, n)) == 0)
				continue;
			ncut++;
			cr_assert_lt(i, n);
			breaks(s, n, part);
			for (k = 0; k <= i; k++)
				if (part[k] != whole[k]) {
					hex(buf, sizeof(buf), s, len);
					cr_assert_fail("(a) cut %zu of prefix "
					    "%zu, boundary %zu in [%s]", i, n,
					    k, buf);
				}
			breaks(s + i, len - i, part);
			for (k = 1; k <= len - i; k++)
				if (part[k] != whole[i + k]) {
					hex(buf, sizeof(buf), s, len);
					cr_assert_fail("(b) cut %zu of prefix "
					    "%zu, boundary %zu in [%s]", i, n,
					    i + k, buf);
				}
		}
	}
	return ncut;
}

Test(uax29, word_safe_cuts_keep_every_boundary)
{
	size_t	 ncut = check_cuts(uax29_word_breaks, uax29_word_safe_cut,
	    30000);

	cr_expect_gt(ncut, 100000, "only %zu cuts tried", ncut);
}

Test(uax29, sentence_safe_cuts_keep_every_boundary)
{
	size_t	 ncut = check_cuts(uax29_sentence_breaks,
	    uax29_sentence_safe_cut, 30000);

	cr_expect_gt(ncut, 100000, "only %zu cuts tried", ncut);
}
