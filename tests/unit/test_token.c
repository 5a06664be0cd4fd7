/*
 * Unit tests for token: the news tokenizer's Penn Treebank conventions
 * (clitics and currency apart, punctuation apart) and what it keeps whole
 * (abbreviations, numbers, hyphenated words, URLs, e-mail addresses, file
 * names), token kinds and flags.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "abbrev.h"
#include "token.h"

/* Renders the tokens as "[a] [b] ..." for failure messages. */
static const char *
show(const char *text, const struct tok_vec *toks)
{
	static char	 out[2048];
	size_t		 i, len = 0;
	int		 k;

	out[0] = '\0';
	for (i = 0; i < toks->n && len < sizeof(out); i++) {
		k = snprintf(out + len, sizeof(out) - len, "%s[%.*s]",
		    i > 0 ? " " : "", (int)(toks->v[i].end - toks->v[i].start),
		    text + toks->v[i].start);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return out;
}

/*
 * Tokenizes text and compares the tokens' text with the expected strings,
 * a NULL-terminated list.  Also checks what every token vector must hold:
 * offsets in order, in range, non-empty, with no white space inside.
 * Failures are expectations, so the vector is always freed.
 */
static void
vexpect(int (*known)(const unsigned char *, size_t, void *), void *arg,
    const char *text, va_list ap)
{
	struct tok_vec	 toks = { NULL, 0, 0 };
	const char	*want;
	size_t		 i, n = strlen(text), prev = 0, j;

	cr_assert_eq(tok_split((const unsigned char *)text, n, known, arg,
	    &toks), 0, "tok_split failed on \"%s\"", text);
	for (i = 0; (want = va_arg(ap, const char *)) != NULL; i++) {
		if (i >= toks.n) {
			cr_expect_fail("\"%s\": no token %zu [%s]; all: %s",
			    text, i, want, show(text, &toks));
			continue;
		}
		cr_expect(toks.v[i].end - toks.v[i].start == strlen(want) &&
		    memcmp(text + toks.v[i].start, want, strlen(want)) == 0,
		    "\"%s\": token %zu is [%.*s], want [%s]; all: %s", text, i,
		    (int)(toks.v[i].end - toks.v[i].start),
		    text + toks.v[i].start, want, show(text, &toks));
	}
	cr_expect_eq(toks.n, i, "\"%s\": %zu tokens, want %zu: %s", text,
	    toks.n, i, show(text, &toks));
	for (i = 0; i < toks.n; i++) {
		if (toks.v[i].start >= toks.v[i].end || toks.v[i].end > n ||
		    toks.v[i].start < prev) {
			cr_expect_fail("\"%s\": token %zu at [%zu, %zu) is "
			    "empty, out of order or out of range", text, i,
			    toks.v[i].start, toks.v[i].end);
			break;
		}
		for (j = toks.v[i].start; j < toks.v[i].end; j++)
			cr_expect(text[j] != ' ' && text[j] != '\n' &&
			    text[j] != '\t', "\"%s\": space in token %zu",
			    text, i);
		prev = toks.v[i].end;
	}
	tok_vec_free(&toks);
}

/* expect(text, token, ..., NULL) with the tokenizer's own default. */
static void
expect(const char *text, ...)
{
	va_list	 ap;

	va_start(ap, text);
	vexpect(NULL, NULL, text, ap);
	va_end(ap);
}

static int
known_builtin(const unsigned char *w, size_t len, void *arg)
{
	return abbrev_find(arg, w, len) != ABBR_NONE;
}

/* As expect, with the built-in abbreviations deciding on periods. */
static void
expect_abbrev(const char *text, ...)
{
	struct abbrev	*ab;
	struct lex_error err;
	va_list		 ap;

	cr_assert_not_null(ab = abbrev_new());
	cr_assert_eq(abbrev_load_builtin(ab, &err), 0, "%s", err.msg);
	va_start(ap, text);
	vexpect(known_builtin, ab, text, ap);
	va_end(ap);
	abbrev_free(ab);
}

/* The single token of text, which must be one. */
static struct tok
only(const char *text)
{
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct tok	 t;

	cr_assert_eq(tok_split((const unsigned char *)text, strlen(text),
	    NULL, NULL, &toks), 0);
	cr_expect_eq(toks.n, 1, "\"%s\": %zu tokens: %s", text, toks.n,
	    show(text, &toks));
	memset(&t, 0, sizeof(t));
	if (toks.n > 0)
		t = toks.v[0];
	tok_vec_free(&toks);
	return t;
}

Test(token, splits_possessive_s)
{
	expect("Nvidia's chips sold out.",
	    "Nvidia", "'s", "chips", "sold", "out", ".", NULL);
}

Test(token, splits_possessive_with_curly_apostrophe)
{
	expect("Nvidia\xE2\x80\x99s chips",
	    "Nvidia", "\xE2\x80\x99s", "chips", NULL);
}

Test(token, splits_nt_off_the_verb)
{
	expect("We don't know.", "We", "do", "n't", "know", ".", NULL);
	expect("They didn\xE2\x80\x99t say", "They", "did", "n\xE2\x80\x99t",
	    "say", NULL);
}

Test(token, splits_cant_as_ca_nt)
{
	expect("I can't go", "I", "ca", "n't", "go", NULL);
}

Test(token, splits_other_clitics)
{
	expect("I'm here", "I", "'m", "here", NULL);
	expect("they'll come", "they", "'ll", "come", NULL);
	expect("we've won", "we", "'ve", "won", NULL);
	expect("she'd said", "she", "'d", "said", NULL);
	expect("you're late", "you", "'re", "late", NULL);
}

Test(token, splits_currency_from_amount)
{
	expect("It cost $2.5 billion.",
	    "It", "cost", "$", "2.5", "billion", ".", NULL);
	expect("\xE2\x82\xAC" "40 a month", "\xE2\x82\xAC", "40", "a", "month",
	    NULL);
}

Test(token, keeps_dotted_initialism_whole)
{
	expect("The U.S. economy grew", "The", "U.S.", "economy", "grew",
	    NULL);
}

Test(token, keeps_initialism_period_at_sentence_end)
{
	/* The period ends the sentence too; PTB keeps it on "U.S.". */
	expect("It grew in the U.S.", "It", "grew", "in", "the", "U.S.", NULL);
}

Test(token, keeps_single_letter_initial_with_period)
{
	expect("George W. Bush", "George", "W.", "Bush", NULL);
}

Test(token, splits_period_from_plain_word)
{
	expect("The vote passed.", "The", "vote", "passed", ".", NULL);
}

Test(token, unknown_abbreviation_loses_period_without_lexicon)
{
	expect("Acme Inc. said", "Acme", "Inc", ".", "said", NULL);
}

Test(token, known_abbreviation_keeps_period)
{
	expect_abbrev("Acme Inc. said", "Acme", "Inc.", "said", NULL);
	expect_abbrev("Mr. Smith and Dr. Doe", "Mr.", "Smith", "and", "Dr.",
	    "Doe", NULL);
	expect_abbrev("at 9 a.m. sharp", "at", "9", "a.m.", "sharp", NULL);
	expect_abbrev("chairs, etc.", "chairs", ",", "etc.", NULL);
}

Test(token, keeps_decimal_number_whole)
{
	expect("Pi is 3.14 or so", "Pi", "is", "3.14", "or", "so", NULL);
}

Test(token, keeps_grouped_number_whole)
{
	expect("1,000 people", "1,000", "people", NULL);
	expect("about 2,500,000 votes", "about", "2,500,000", "votes", NULL);
}

Test(token, keeps_date_number_whole)
{
	expect("after 9/11 the", "after", "9/11", "the", NULL);
}

Test(token, splits_percent_sign)
{
	expect("rose 5%.", "rose", "5", "%", ".", NULL);
}

Test(token, keeps_hyphenated_word_whole)
{
	expect("Send an e-mail now", "Send", "an", "e-mail", "now", NULL);
	expect("a well-known firm", "a", "well-known", "firm", NULL);
}

Test(token, keeps_url_whole)
{
	expect("See https://example.com/a?b=c now",
	    "See", "https://example.com/a?b=c", "now", NULL);
}

Test(token, leaves_period_after_url)
{
	expect("Visit example.com.", "Visit", "example.com", ".", NULL);
}

Test(token, keeps_email_address_whole)
{
	expect("Write a.b@c.org today", "Write", "a.b@c.org", "today", NULL);
}

Test(token, keeps_file_name_whole)
{
	expect("Open report.pdf now", "Open", "report.pdf", "now", NULL);
}

Test(token, splits_quotes_and_commas)
{
	expect("\"Hi,\" he said.",
	    "\"", "Hi", ",", "\"", "he", "said", ".", NULL);
	expect("\xE2\x80\x9CHi,\xE2\x80\x9D he said.", "\xE2\x80\x9C", "Hi",
	    ",", "\xE2\x80\x9D", "he", "said", ".", NULL);
}

Test(token, splits_brackets)
{
	expect("(AP)", "(", "AP", ")", NULL);
	expect("[sic]", "[", "sic", "]", NULL);
}

Test(token, keeps_ellipsis_as_one_token)
{
	expect("Wait... what", "Wait", "...", "what", NULL);
	expect("Wait\xE2\x80\xA6 what", "Wait", "\xE2\x80\xA6", "what", NULL);
}

Test(token, keeps_double_hyphen_as_one_token)
{
	expect("yes -- no", "yes", "--", "no", NULL);
	expect("yes--no", "yes", "--", "no", NULL);
}

Test(token, keeps_run_of_end_marks_as_one_token)
{
	expect("Really?! Yes", "Really", "?!", "Yes", NULL);
	expect("Wow!!!", "Wow", "!!!", NULL);
}

Test(token, empty_and_blank_input_give_no_tokens)
{
	expect("", NULL);
	expect(" \n\t \n", NULL);
}

Test(token, appends_to_the_vector)
{
	struct tok_vec	 toks = { NULL, 0, 0 };
	const unsigned char *s = (const unsigned char *)"one two";

	cr_assert_eq(tok_split(s, 3, NULL, NULL, &toks), 0);
	cr_assert_eq(tok_split(s + 4, 3, NULL, NULL, &toks), 0);
	cr_expect_eq(toks.n, 2);
	/* Offsets count from the s given to each call. */
	if (toks.n == 2) {
		cr_expect_eq(toks.v[0].start, 0);
		cr_expect_eq(toks.v[1].start, 0);
		cr_expect_eq(toks.v[1].end, 3);
	}
	tok_vec_free(&toks);
}

Test(token, reads_nul_as_data_not_the_end)
{
	struct tok_vec	 toks = { NULL, 0, 0 };

	cr_assert_eq(tok_split((const unsigned char *)"a\0b c", 5, NULL, NULL,
	    &toks), 0);
	cr_expect_geq(toks.n, 2);
	if (toks.n > 0)
		cr_expect_eq(toks.v[toks.n - 1].start, 4);
	tok_vec_free(&toks);
}

Test(token, gives_kinds)
{
	cr_expect_eq(only("Nvidia").kind, TOK_WORD);
	cr_expect_eq(only("U.S.").kind, TOK_WORD);
	cr_expect_eq(only("e-mail").kind, TOK_WORD);
	cr_expect_eq(only("3.14").kind, TOK_NUMBER);
	cr_expect_eq(only("1,000").kind, TOK_NUMBER);
	cr_expect_eq(only("9/11").kind, TOK_NUMBER);
	cr_expect_eq(only(",").kind, TOK_PUNCT);
	cr_expect_eq(only("...").kind, TOK_PUNCT);
	cr_expect_eq(only("https://example.com/a?b=c").kind, TOK_URL);
	cr_expect_eq(only("a.b@c.org").kind, TOK_URL);
	cr_expect_eq(only("report.pdf").kind, TOK_URL);
	cr_expect_eq(only("$").kind, TOK_SYMBOL);
	cr_expect_eq(only("%").kind, TOK_SYMBOL);
}

Test(token, gives_flags)
{
	const char	*text = "Hello world.\nnext  line\n\nU.S. end";
	struct tok_vec	 toks = { NULL, 0, 0 };

	cr_assert_eq(tok_split((const unsigned char *)text, strlen(text),
	    NULL, NULL, &toks), 0);
	if (toks.n != 7) {
		cr_expect_fail("%zu tokens, want 7: %s", toks.n,
		    show(text, &toks));
		tok_vec_free(&toks);
		return;
	}
	/* Hello */
	cr_expect_eq(toks.v[0].flags & (TOK_SPACE_BEFORE | TOK_NEWLINE_BEFORE),
	    0);
	cr_expect(toks.v[0].flags & TOK_UPPER_INITIAL);
	/* world */
	cr_expect(toks.v[1].flags & TOK_SPACE_BEFORE);
	cr_expect(toks.v[1].flags & TOK_LOWER_INITIAL);
	cr_expect_eq(toks.v[1].flags & TOK_UPPER_INITIAL, 0);
	/* . */
	cr_expect_eq(toks.v[2].flags & TOK_SPACE_BEFORE, 0);
	/* next */
	cr_expect(toks.v[3].flags & TOK_NEWLINE_BEFORE);
	cr_expect_eq(toks.v[3].flags & TOK_BLANK_LINE_BEFORE, 0);
	/* line */
	cr_expect(toks.v[4].flags & TOK_SPACE_BEFORE);
	cr_expect_eq(toks.v[4].flags & TOK_NEWLINE_BEFORE, 0);
	/* U.S. */
	cr_expect(toks.v[5].flags & TOK_BLANK_LINE_BEFORE);
	cr_expect(toks.v[5].flags & TOK_NEWLINE_BEFORE);
	cr_expect(toks.v[5].flags & TOK_ENDS_WITH_PERIOD);
	cr_expect(toks.v[5].flags & TOK_UPPER_INITIAL);
	/* end */
	cr_expect_eq(toks.v[6].flags & TOK_ENDS_WITH_PERIOD, 0);
	tok_vec_free(&toks);
}

/* A byte-order mark is no part of the first word, a zero-width space
 * separates words; a soft hyphen and a joiner stay inside theirs. */
Test(token, byte_order_mark_and_zero_width_space_separate_words)
{
	expect("\xef\xbb\xbf" "Barack Obama", "Barack", "Obama", NULL);
	expect("costs\xe2\x80\x8b" "rose", "costs", "rose", NULL);
	expect("under\xc2\xad" "estimated", "under\xc2\xad" "estimated",
	    NULL);
	expect("a\xe2\x81\xa0" "b", "a\xe2\x81\xa0" "b", NULL);
}

/* The marks of bidirectional text (LRM, RLM, isolates) belong to no word. */
Test(token, bidirectional_marks_are_no_part_of_words)
{
	expect("Obama\xe2\x80\x8e visited \xe2\x80\x8f" "Paris\xe2\x81\xa9.",
	    "Obama", "visited", "Paris", ".", NULL);
}

/* Capitals joined by an ampersand are one token, as in the Penn Treebank
 * and CoNLL-2003; longer or lower-case words keep it apart. */
Test(token, keeps_capitals_joined_by_ampersand)
{
	expect("S&P 500 and AT&T's R&D.", "S&P", "500", "and", "AT&T", "'s",
	    "R&D", ".", NULL);
	expect("Johnson&Johnson, rock&roll, ABCD&E", "Johnson", "&",
	    "Johnson", ",", "rock", "&", "roll", ",", "ABCD", "&", "E", NULL);
}

/* The Penn Treebank's two-word spellings, and runs of one symbol. */
Test(token, splits_cannot_gonna_and_keeps_symbol_runs_whole)
{
	expect("I cannot go, Gonna wait, gotta see.", "I", "can", "not", "go",
	    ",", "Gon", "na", "wait", ",", "got", "ta", "see", ".", NULL);
	expect("wanna gimme lemme", "wan", "na", "gim", "me", "lem", "me",
	    NULL);
	expect("*** ==== << $$$ a*b", "***", "====", "<<", "$$$", "a", "*",
	    "b", NULL);
}
