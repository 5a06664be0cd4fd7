/*
 * Unit tests for sentence: the splitter on news-like text of our own,
 * covering the usual traps (abbreviations, initials, numbers, quotes and
 * brackets after a full stop, ellipses, URLs, lists, headlines, blank
 * lines) with the built-in abbreviations.  Each case gives the text and
 * the sentences it must yield, exactly as sliced by [start, end).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "abbrev.h"
#include "sentence.h"
#include "token.h"

static struct abbrev *ab;

static void
setup(void)
{
	struct lex_error err;

	ab = abbrev_new();
	cr_assert_not_null(ab);
	cr_assert_eq(abbrev_load_builtin(ab, &err), 0, "built-in: %s",
	    err.msg);
}

static void
teardown(void)
{
	abbrev_free(ab);
	ab = NULL;
}

TestSuite(sentence, .init = setup, .fini = teardown);

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* Renders the sentences as "[a] [b] ..." for failure messages. */
static const char *
show(const char *text, const struct sent_vec *out)
{
	static char	 buf[4096];
	size_t		 i, len = 0;
	int		 k;

	buf[0] = '\0';
	for (i = 0; i < out->n && len < sizeof(buf); i++) {
		k = snprintf(buf + len, sizeof(buf) - len, "%s[%.*s]",
		    i > 0 ? " " : "", (int)(out->v[i].end - out->v[i].start),
		    text + out->v[i].start);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return buf;
}

/*
 * Splits text and compares the sentences with the expected ones, a
 * NULL-terminated list.  Also checks what every result must hold: spans
 * in order, not overlapping, with no outer white space, each covering
 * whole tokens as tok_start and tok_end say.  Failures are expectations,
 * not assertions, so that the vectors are freed and a failing case does
 * not also show up as a leak under the sanitizers.
 */
static void
vexpect(int newline_paragraphs, const char *text, va_list ap)
{
	struct sent_config cfg;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct sent_vec	 out = { NULL, 0, 0 };
	const struct sent_span *sp;
	const char	*want;
	size_t		 i, n = strlen(text), prev = 0;

	memset(&cfg, 0, sizeof(cfg));
	cfg.abbrev = ab;
	cfg.newline_paragraphs = newline_paragraphs;
	cr_assert_eq(sent_split(&cfg, (const unsigned char *)text, n, &toks,
	    &out), 0, "sent_split failed on \"%s\"", text);
	for (i = 0; (want = va_arg(ap, const char *)) != NULL; i++) {
		if (i >= out.n) {
			cr_expect_fail("\"%s\": no sentence %zu [%s]; all: %s",
			    text, i, want, show(text, &out));
			continue;
		}
		sp = &out.v[i];
		cr_expect(sp->end - sp->start == strlen(want) &&
		    memcmp(text + sp->start, want, strlen(want)) == 0,
		    "\"%s\": sentence %zu is [%.*s], want [%s]; all: %s", text,
		    i, (int)(sp->end - sp->start), text + sp->start, want,
		    show(text, &out));
	}
	cr_expect_eq(out.n, i, "\"%s\": %zu sentences, want %zu: %s", text,
	    out.n, i, show(text, &out));
	for (i = 0; i < out.n; i++) {
		sp = &out.v[i];
		if (sp->start >= sp->end || sp->end > n ||
		    sp->tok_start >= sp->tok_end || sp->tok_end > toks.n) {
			cr_expect_fail("\"%s\": sentence %zu is out of range: "
			    "[%zu, %zu), tokens [%zu, %zu) of %zu", text, i,
			    sp->start, sp->end, sp->tok_start, sp->tok_end,
			    toks.n);
			break;
		}
		cr_expect_leq(prev, sp->start, "sentence %zu overlaps", i);
		cr_expect(!is_space(text[sp->start]) &&
		    !is_space(text[sp->end - 1]),
		    "sentence %zu has outer space: [%.*s]", i,
		    (int)(sp->end - sp->start), text + sp->start);
		cr_expect_eq(toks.v[sp->tok_start].start, sp->start,
		    "sentence %zu starts inside a token", i);
		cr_expect_eq(toks.v[sp->tok_end - 1].end, sp->end,
		    "sentence %zu ends inside a token", i);
		if (i > 0)
			cr_expect_eq(out.v[i - 1].tok_end, sp->tok_start,
			    "tokens between sentences %zu and %zu", i - 1, i);
		prev = sp->end;
	}
	if (out.n > 0)
		cr_expect(out.v[0].para_start, "first sentence starts no "
		    "paragraph");
	sent_vec_free(&out);
	tok_vec_free(&toks);
}

/* expect(text, sentence, ..., NULL): the default mode. */
static void
expect(const char *text, ...)
{
	va_list	 ap;

	va_start(ap, text);
	vexpect(0, text, ap);
	va_end(ap);
}

/* As expect, with --paragraphs=newline: every line break ends one. */
static void
expect_lines(const char *text, ...)
{
	va_list	 ap;

	va_start(ap, text);
	vexpect(1, text, ap);
	va_end(ap);
}

/* Basics. */

Test(sentence, splits_at_full_stops)
{
	expect("The bill passed on Tuesday. The governor signed it.",
	    "The bill passed on Tuesday.", "The governor signed it.", NULL);
}

Test(sentence, splits_at_question_and_exclamation_marks)
{
	expect("Will rates rise? Economists think so! The central bank meets "
	    "next week.",
	    "Will rates rise?", "Economists think so!",
	    "The central bank meets next week.", NULL);
}

Test(sentence, keeps_text_without_final_punctuation)
{
	expect("Markets were closed on Monday",
	    "Markets were closed on Monday", NULL);
}

Test(sentence, empty_input_has_no_sentences)
{
	expect("", NULL);
}

Test(sentence, blank_input_has_no_sentences)
{
	expect("  \n\t \n\n ", NULL);
}

Test(sentence, excludes_outer_white_space)
{
	expect("  \n The vote passed.  \n\n",
	    "The vote passed.", NULL);
	expect("Prices rose.   Wages did not.\t",
	    "Prices rose.", "Wages did not.", NULL);
}

Test(sentence, splits_at_crlf_line_ends_like_spaces)
{
	expect("Prices rose.\r\nWages did not.\r\n",
	    "Prices rose.", "Wages did not.", NULL);
}

/* Titles and other abbreviations. */

Test(sentence, title_before_surname_does_not_end)
{
	expect("Mr. Smith arrived late. He apologized to the committee.",
	    "Mr. Smith arrived late.", "He apologized to the committee.",
	    NULL);
}

Test(sentence, title_before_full_name_does_not_end)
{
	expect("Dr. Jane Doe led the study. It took a year.",
	    "Dr. Jane Doe led the study.", "It took a year.", NULL);
}

Test(sentence, political_title_does_not_end)
{
	expect("Sen. Warren spoke first. Others followed.",
	    "Sen. Warren spoke first.", "Others followed.", NULL);
}

Test(sentence, stacked_titles_do_not_end)
{
	expect("Lt. Gen. Mark Hale took command on Monday. Gov. Ana Ruiz "
	    "attended.",
	    "Lt. Gen. Mark Hale took command on Monday.",
	    "Gov. Ana Ruiz attended.", NULL);
}

Test(sentence, title_at_line_end_does_not_end)
{
	expect("The bill was signed by Gov.\nAna Ruiz on Friday.",
	    "The bill was signed by Gov.\nAna Ruiz on Friday.", NULL);
}

Test(sentence, country_abbreviation_ends_before_pronoun)
{
	expect("The plant is the largest in the U.S. He said it would open "
	    "in May.",
	    "The plant is the largest in the U.S.",
	    "He said it would open in May.", NULL);
}

Test(sentence, country_abbreviation_inside_sentence)
{
	expect("U.S. officials said the talks had stalled. The U.S. economy "
	    "grew anyway.",
	    "U.S. officials said the talks had stalled.",
	    "The U.S. economy grew anyway.", NULL);
}

Test(sentence, country_abbreviation_ends_the_text)
{
	expect("The company is based in the U.S.",
	    "The company is based in the U.S.", NULL);
}

Test(sentence, country_abbreviation_before_capitalized_noun)
{
	expect("The U.S. Senate voted on Thursday. The U.K. Treasury "
	    "objected.",
	    "The U.S. Senate voted on Thursday.",
	    "The U.K. Treasury objected.", NULL);
}

Test(sentence, city_abbreviation_ends_before_starter)
{
	expect("He moved to Washington, D.C. Then he ran for office.",
	    "He moved to Washington, D.C.", "Then he ran for office.", NULL);
}

Test(sentence, street_abbreviation_ends)
{
	expect("They live on Main St. The house is old.",
	    "They live on Main St.", "The house is old.", NULL);
}

Test(sentence, versus_does_not_end)
{
	expect("Roe v. Wade was decided in 1973. It stood for decades.",
	    "Roe v. Wade was decided in 1973.", "It stood for decades.",
	    NULL);
}

Test(sentence, parenthesized_abbreviation)
{
	expect("Exports to the United States (U.S.) rose sharply. Imports "
	    "fell.",
	    "Exports to the United States (U.S.) rose sharply.",
	    "Imports fell.", NULL);
}

Test(sentence, company_suffix_ends_before_the)
{
	expect("The deal was signed by Acme Inc. The company declined to "
	    "comment.",
	    "The deal was signed by Acme Inc.",
	    "The company declined to comment.", NULL);
}

Test(sentence, company_suffix_inside_sentence)
{
	expect("Acme Inc. said on Tuesday that profit rose. Shares gained.",
	    "Acme Inc. said on Tuesday that profit rose.", "Shares gained.",
	    NULL);
}

Test(sentence, company_suffix_inside_brackets)
{
	expect("The firm (Acme Corp.) fell 4%. Rivals gained.",
	    "The firm (Acme Corp.) fell 4%.", "Rivals gained.", NULL);
}

Test(sentence, saint_before_city_does_not_end)
{
	expect("She moved to St. Louis in 2010. She still lives there.",
	    "She moved to St. Louis in 2010.", "She still lives there.",
	    NULL);
}

Test(sentence, mount_before_name_does_not_end)
{
	expect("She climbed Mt. Everest in 2019. It took two months.",
	    "She climbed Mt. Everest in 2019.", "It took two months.", NULL);
}

Test(sentence, junior_inside_sentence)
{
	expect("Sammy Davis Jr. sang at the gala. Tickets sold out.",
	    "Sammy Davis Jr. sang at the gala.", "Tickets sold out.", NULL);
}

Test(sentence, junior_ends_before_pronoun)
{
	expect("The speech was given by Martin Luther King Jr. He spoke for "
	    "17 minutes.",
	    "The speech was given by Martin Luther King Jr.",
	    "He spoke for 17 minutes.", NULL);
}

Test(sentence, degree_before_lowercase_does_not_end)
{
	expect("She earned a Ph.D. in physics. Then she taught.",
	    "She earned a Ph.D. in physics.", "Then she taught.", NULL);
}

Test(sentence, eg_inside_sentence)
{
	expect("Some fruits, e.g. apples and pears, keep well. Others spoil "
	    "quickly.",
	    "Some fruits, e.g. apples and pears, keep well.",
	    "Others spoil quickly.", NULL);
}

Test(sentence, ie_before_capitalized_name)
{
	expect("The largest city, i.e. Lagos, grew fastest. Others lagged.",
	    "The largest city, i.e. Lagos, grew fastest.", "Others lagged.",
	    NULL);
}

Test(sentence, etc_ends_before_sentence_starter)
{
	expect("They sold chairs, tables, lamps, etc. The store closed in "
	    "June.",
	    "They sold chairs, tables, lamps, etc.",
	    "The store closed in June.", NULL);
}

Test(sentence, etc_inside_sentence)
{
	expect("Chairs, tables, etc. were on sale.",
	    "Chairs, tables, etc. were on sale.", NULL);
}

/* Times and dates. */

Test(sentence, am_ends_before_capital)
{
	expect("The meeting starts at 9 a.m. Reporters must arrive early.",
	    "The meeting starts at 9 a.m.", "Reporters must arrive early.",
	    NULL);
}

Test(sentence, am_before_lowercase_does_not_end)
{
	expect("The train left at 6 a.m. and arrived at noon.",
	    "The train left at 6 a.m. and arrived at noon.", NULL);
}

Test(sentence, pm_before_preposition_and_at_end)
{
	expect("The vote is set for 3 p.m. on Friday. Polls close at 8 p.m.",
	    "The vote is set for 3 p.m. on Friday.", "Polls close at 8 p.m.",
	    NULL);
}

Test(sentence, month_before_day_does_not_end)
{
	expect("The law takes effect Jan. 5 in most states. Some opted out.",
	    "The law takes effect Jan. 5 in most states.", "Some opted out.",
	    NULL);
}

Test(sentence, date_ends_then_new_sentence)
{
	expect("The trial was moved to Sept. 14. Jurors were told on Monday.",
	    "The trial was moved to Sept. 14.", "Jurors were told on Monday.",
	    NULL);
}

/* Initials. */

Test(sentence, spaced_initials_do_not_end)
{
	expect("J. R. R. Tolkien wrote the book in the 1930s. It became a "
	    "classic.",
	    "J. R. R. Tolkien wrote the book in the 1930s.",
	    "It became a classic.", NULL);
}

Test(sentence, middle_initial_does_not_end)
{
	expect("George W. Bush said the plan would work. Critics disagreed.",
	    "George W. Bush said the plan would work.", "Critics disagreed.",
	    NULL);
}

Test(sentence, joined_initials_do_not_end)
{
	expect("J.K. Rowling published a new novel. Fans lined up.",
	    "J.K. Rowling published a new novel.", "Fans lined up.", NULL);
}

/* Numbers and money. */

Test(sentence, decimal_point_does_not_end)
{
	expect("Shares fell after the $2.5 billion deal. Analysts were "
	    "surprised.",
	    "Shares fell after the $2.5 billion deal.",
	    "Analysts were surprised.", NULL);
	expect("The index rose 3.14 points. Traders cheered.",
	    "The index rose 3.14 points.", "Traders cheered.", NULL);
}

Test(sentence, decimal_before_million_does_not_end)
{
	expect("About 1.5 million people voted. Turnout was high.",
	    "About 1.5 million people voted.", "Turnout was high.", NULL);
}

Test(sentence, number_sign_does_not_end)
{
	expect("The team ranks No. 5 in the league. Its coach is pleased.",
	    "The team ranks No. 5 in the league.", "Its coach is pleased.",
	    NULL);
}

Test(sentence, volume_and_pages_do_not_end)
{
	expect("She read Vol. 2 of the memoir. Details are on pp. 10-12 of "
	    "the filing.",
	    "She read Vol. 2 of the memoir.",
	    "Details are on pp. 10-12 of the filing.", NULL);
}

Test(sentence, phone_extension_does_not_end)
{
	expect("Call 555-0134 ext. 204 for tickets.",
	    "Call 555-0134 ext. 204 for tickets.", NULL);
}

Test(sentence, percent_ends_sentence)
{
	expect("Sales rose 5%. The company raised its forecast.",
	    "Sales rose 5%.", "The company raised its forecast.", NULL);
}

Test(sentence, year_ends_before_number)
{
	expect("The mine flooded in 2009. 12 workers were trapped.",
	    "The mine flooded in 2009.", "12 workers were trapped.", NULL);
}

/* Ellipses and runs of marks. */

Test(sentence, ellipsis_before_lowercase_does_not_end)
{
	expect("He paused... and then he spoke.",
	    "He paused... and then he spoke.", NULL);
}

Test(sentence, ellipsis_before_capital_ends)
{
	expect("The crowd waited and waited... Nothing happened.",
	    "The crowd waited and waited...", "Nothing happened.", NULL);
}

Test(sentence, unicode_ellipsis_ends)
{
	expect("Wait for it\xE2\x80\xA6 The results are in\xE2\x80\xA6",
	    "Wait for it\xE2\x80\xA6", "The results are in\xE2\x80\xA6",
	    NULL);
}

Test(sentence, mixed_run_of_marks_ends_once)
{
	expect("Can you believe it?! The vote passed!! Nobody expected it.",
	    "Can you believe it?!", "The vote passed!!",
	    "Nobody expected it.", NULL);
}

Test(sentence, exclamation_in_company_name_does_not_end)
{
	expect("Yahoo! shares rose 3% on Monday. The stock fell later.",
	    "Yahoo! shares rose 3% on Monday.", "The stock fell later.",
	    NULL);
}

Test(sentence, quoted_question_then_lowercase_goes_on)
{
	expect("\"Is it over?\" not yet, officials said.",
	    "\"Is it over?\" not yet, officials said.", NULL);
}

/* Informal text drops capitals: after a common word, a full stop or a
 * question mark still ends the sentence before a lower-case word. */
Test(sentence, lowercase_start_after_common_word_ends)
{
	expect("We met at the office. then we left. Is it over? not yet.",
	    "We met at the office.", "then we left.", "Is it over?",
	    "not yet.", NULL);
}

Test(sentence, lowercase_after_unknown_abbreviation_does_not_end)
{
	expect("It weighs approx. five tons and shares of Yahoo! rose.",
	    "It weighs approx. five tons and shares of Yahoo! rose.", NULL);
}

/* Quotes and brackets after the mark. */

Test(sentence, closing_quote_stays_with_its_sentence)
{
	expect("\"Stop.\" Then the officer walked away.",
	    "\"Stop.\"", "Then the officer walked away.", NULL);
}

Test(sentence, closing_curly_quote_stays_with_its_sentence)
{
	expect("\xE2\x80\x9CStop.\xE2\x80\x9D Then the officer walked away.",
	    "\xE2\x80\x9CStop.\xE2\x80\x9D", "Then the officer walked away.",
	    NULL);
}

Test(sentence, closing_bracket_stays_with_its_sentence)
{
	expect("(See the chart below.) Next, the data.",
	    "(See the chart below.)", "Next, the data.", NULL);
}

Test(sentence, quote_inside_bracket_closes_with_it)
{
	expect("(He said \"no.\") The talks ended.",
	    "(He said \"no.\")", "The talks ended.", NULL);
}

Test(sentence, quoted_question_before_lowercase_does_not_end)
{
	expect("\"Why?\" she asked. Nobody answered.",
	    "\"Why?\" she asked.", "Nobody answered.", NULL);
}

Test(sentence, quoted_exclamation_before_lowercase_does_not_end)
{
	expect("\"Run!\" he shouted.", "\"Run!\" he shouted.", NULL);
}

Test(sentence, quote_after_comma_does_not_end)
{
	expect("\"We will win,\" she said. \"Nobody doubts it.\"",
	    "\"We will win,\" she said.", "\"Nobody doubts it.\"", NULL);
}

Test(sentence, quoted_question_before_capital_ends)
{
	expect("She asked, \"Who approved this?\" The room went quiet.",
	    "She asked, \"Who approved this?\"", "The room went quiet.", NULL);
}

/* URLs, addresses, file names. */

Test(sentence, domain_then_period_ends)
{
	expect("Visit example.com. Then sign up.",
	    "Visit example.com.", "Then sign up.", NULL);
}

Test(sentence, url_inside_sentence_does_not_end)
{
	expect("Details are at https://example.org/news/story.html today. "
	    "Read them.",
	    "Details are at https://example.org/news/story.html today.",
	    "Read them.", NULL);
}

Test(sentence, email_address_does_not_end)
{
	expect("Please write to a.b@c.org for details. We reply fast.",
	    "Please write to a.b@c.org for details.", "We reply fast.", NULL);
}

Test(sentence, file_name_does_not_end)
{
	expect("The report.pdf file was leaked. It ran to 40 pages.",
	    "The report.pdf file was leaked.", "It ran to 40 pages.", NULL);
}

Test(sentence, lost_space_after_period_ends)
{
	expect("Exports faced new restrictions.Nvidia said it would comply.",
	    "Exports faced new restrictions.", "Nvidia said it would comply.",
	    NULL);
}

/* Line structure. */

Test(sentence, blank_line_always_ends)
{
	expect("The first paragraph has no final stop\n\nthe second one "
	    "starts in lower case.",
	    "The first paragraph has no final stop",
	    "the second one starts in lower case.", NULL);
	expect("Call us after 5 p.m.\n\nthanks for reading.",
	    "Call us after 5 p.m.", "thanks for reading.", NULL);
}

Test(sentence, blank_line_ends_even_after_title)
{
	expect("A letter from Mr.\n\nSmith follows.",
	    "A letter from Mr.", "Smith follows.", NULL);
}

Test(sentence, wrapped_line_does_not_end)
{
	expect("The council voted on Tuesday to approve the\nbudget after a "
	    "long debate. It takes effect in July.",
	    "The council voted on Tuesday to approve the\nbudget after a long "
	    "debate.", "It takes effect in July.", NULL);
}

Test(sentence, short_wrapped_line_before_lowercase_does_not_end)
{
	expect("Officials said the\nplan was dead.",
	    "Officials said the\nplan was dead.", NULL);
}

Test(sentence, headline_ends_at_its_line_break)
{
	expect("Storm Hits Coast\nHeavy rain fell on Tuesday. Roads closed.",
	    "Storm Hits Coast", "Heavy rain fell on Tuesday.", "Roads closed.",
	    NULL);
}

Test(sentence, headline_before_dateline)
{
	expect("Senate Passes Budget\nWASHINGTON (AP) \xE2\x80\x94 The Senate "
	    "passed the budget on Friday. It now goes to the House.",
	    "Senate Passes Budget",
	    "WASHINGTON (AP) \xE2\x80\x94 The Senate passed the budget on "
	    "Friday.", "It now goes to the House.", NULL);
}

Test(sentence, sentence_case_headline_before_a_name)
{
	expect("Floods hit Texas\nAustin residents fled. Rain goes on.",
	    "Floods hit Texas", "Austin residents fled.", "Rain goes on.", NULL);
}

Test(sentence, name_wrapped_at_a_line_break_is_not_a_headline)
{
	expect("The president met with Jensen\nHuang on Tuesday. Both spoke.",
	    "The president met with Jensen\nHuang on Tuesday.", "Both spoke.",
	    NULL);
}

Test(sentence, line_ending_in_an_article_is_wrapped)
{
	expect("He spoke of the\nBank of England on Monday.",
	    "He spoke of the\nBank of England on Monday.", NULL);
	expect("SHARES OF\nApple rose.", "SHARES OF\nApple rose.", NULL);
}

Test(sentence, bullet_lines_are_sentences)
{
	expect("Key points:\n\xE2\x80\xA2 Sales rose\n"
	    "\xE2\x80\xA2 Costs fell\n",
	    "Key points:", "\xE2\x80\xA2 Sales rose", "\xE2\x80\xA2 Costs fell",
	    NULL);
}

Test(sentence, bullet_lines_with_stops_are_sentences)
{
	expect("\xE2\x80\xA2 Sales rose 5%.\n\xE2\x80\xA2 Costs fell.",
	    "\xE2\x80\xA2 Sales rose 5%.", "\xE2\x80\xA2 Costs fell.", NULL);
}

Test(sentence, dash_and_star_items_are_sentences)
{
	expect("- First item\n- Second item",
	    "- First item", "- Second item", NULL);
	expect("* Alpha\n* Beta", "* Alpha", "* Beta", NULL);
}

Test(sentence, numbered_items_are_sentences)
{
	expect("1. Open the box.\n2. Remove the cover.\n3. Plug it in.",
	    "1. Open the box.", "2. Remove the cover.", "3. Plug it in.",
	    NULL);
	expect("Steps:\n1. Open the box\n2. Remove the cover",
	    "Steps:", "1. Open the box", "2. Remove the cover", NULL);
}

Test(sentence, newline_mode_ends_at_every_line)
{
	expect_lines("One line\nanother line\nA third.",
	    "One line", "another line", "A third.", NULL);
	expect_lines("A letter from Mr.\nSmith follows.",
	    "A letter from Mr.", "Smith follows.", NULL);
}

Test(sentence, newline_mode_still_splits_inside_lines)
{
	expect_lines("Prices rose. Wages did not.\nRents fell\n\nThe end.",
	    "Prices rose.", "Wages did not.", "Rents fell", "The end.", NULL);
}

/* What else the result carries. */

Test(sentence, marks_paragraph_starts)
{
	const char	*text = "First one. Second one.\n\nThird one.";
	struct sent_config cfg;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct sent_vec	 out = { NULL, 0, 0 };

	memset(&cfg, 0, sizeof(cfg));
	cfg.abbrev = ab;
	cr_assert_eq(sent_split(&cfg, (const unsigned char *)text,
	    strlen(text), &toks, &out), 0);
	cr_expect_eq(out.n, 3, "%s", show(text, &out));
	if (out.n == 3) {
		cr_expect(out.v[0].para_start);
		cr_expect(!out.v[1].para_start);
		cr_expect(out.v[2].para_start);
	}
	sent_vec_free(&out);
	tok_vec_free(&toks);
}

Test(sentence, clears_its_outputs_first)
{
	const char	*a = "One. Two. Three.", *b = "Four.";
	struct sent_config cfg;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct sent_vec	 out = { NULL, 0, 0 };

	memset(&cfg, 0, sizeof(cfg));
	cfg.abbrev = ab;
	cr_assert_eq(sent_split(&cfg, (const unsigned char *)a, strlen(a),
	    &toks, &out), 0);
	cr_assert_eq(sent_split(&cfg, (const unsigned char *)b, strlen(b),
	    &toks, &out), 0);
	cr_expect_eq(toks.n, 2);
	cr_expect_eq(out.n, 1, "%s", show(b, &out));
	if (out.n == 1) {
		cr_expect_eq(out.v[0].start, 0);
		cr_expect_eq(out.v[0].end, 5);
	}
	sent_vec_free(&out);
	tok_vec_free(&toks);
}

Test(sentence, works_without_abbreviations)
{
	const char	*text = "The vote passed. It is law.";
	struct sent_config cfg;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct sent_vec	 out = { NULL, 0, 0 };

	memset(&cfg, 0, sizeof(cfg));
	cr_assert_eq(sent_split(&cfg, (const unsigned char *)text,
	    strlen(text), &toks, &out), 0);
	cr_expect_eq(out.n, 2, "%s", show(text, &out));
	sent_vec_free(&out);
	tok_vec_free(&toks);
}
