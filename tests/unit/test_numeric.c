/*
 * Unit tests for numeric: the rules of numeric.c over news sentences as
 * the news tokenizer splits them, each case checking the exact spans and
 * types, and sentences where a number word is no number at all.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "entity.h"
#include "token.h"

#define MAXW	256

struct sent {
	const char	*text;
	struct tok_vec	 toks;
	const unsigned char *w[MAXW];
	size_t		 n[MAXW];
	struct ent_vec	 ents;
};

/* Tokenizes text with the default tokenizer and runs num_find. */
static void
run(struct sent *s, const char *text)
{
	size_t	 i;

	memset(s, 0, sizeof(*s));
	s->text = text;
	cr_assert_eq(tok_split((const unsigned char *)text, strlen(text), NULL,
	    NULL, &s->toks), 0);
	cr_assert_lt(s->toks.n, MAXW);
	for (i = 0; i < s->toks.n; i++) {
		s->w[i] = (const unsigned char *)text + s->toks.v[i].start;
		s->n[i] = s->toks.v[i].end - s->toks.v[i].start;
	}
	cr_assert_eq(num_find(s->w, s->n, s->toks.n, &s->ents), 0);
}

static void
done(struct sent *s)
{
	tok_vec_free(&s->toks);
	ent_vec_free(&s->ents);
}

/* The words of span k as one string, words apart by single spaces. */
static const char *
span_text(const struct sent *s, size_t first, size_t last)
{
	static char	 buf[512];
	size_t		 len = 0, i;
	int		 k;

	buf[0] = '\0';
	for (i = first; i < last && i < s->toks.n && len < sizeof(buf); i++) {
		k = snprintf(buf + len, sizeof(buf) - len, "%s%.*s",
		    i > first ? " " : "", (int)s->n[i], (const char *)s->w[i]);
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return buf;
}

/* All spans as "TYPE[words] ..." for failure messages. */
static const char *
show(const struct sent *s)
{
	static char	 buf[2048];
	size_t		 len = 0, k;
	int		 r;

	buf[0] = '\0';
	for (k = 0; k < s->ents.n && len < sizeof(buf); k++) {
		r = snprintf(buf + len, sizeof(buf) - len, "%s%s[%s]",
		    k > 0 ? " " : "", ent_type_name(s->ents.v[k].type),
		    span_text(s, s->ents.v[k].first, s->ents.v[k].last));
		if (r < 0)
			break;
		len += (size_t)r;
	}
	return len > 0 ? buf : "(none)";
}

/*
 * Checks that text gives exactly the spans listed: pairs of a type and the
 * span's words joined by single spaces, ended by ENT_NONE.
 */
static void
expect(const char *text, ...)
{
	struct sent	 s;
	va_list		 ap;
	enum ent_type	 type;
	const char	*want, *got;
	size_t		 k = 0;

	run(&s, text);
	va_start(ap, text);
	while ((type = (enum ent_type)va_arg(ap, int)) != ENT_NONE) {
		want = va_arg(ap, const char *);
		if (k >= s.ents.n) {
			cr_expect_fail("\"%s\": no span %zu, want %s[%s]; got "
			    "%s", text, k, ent_type_name(type), want, show(&s));
			k++;
			continue;
		}
		got = span_text(&s, s.ents.v[k].first, s.ents.v[k].last);
		cr_expect(s.ents.v[k].type == type && strcmp(got, want) == 0,
		    "\"%s\": span %zu is %s[%s], want %s[%s]; all: %s", text,
		    k, ent_type_name(s.ents.v[k].type), got,
		    ent_type_name(type), want, show(&s));
		k++;
	}
	va_end(ap);
	cr_expect_eq(s.ents.n, k, "\"%s\": %zu spans, want %zu: %s", text,
	    s.ents.n, k, show(&s));
	for (k = 1; k < s.ents.n; k++)
		cr_expect_leq(s.ents.v[k - 1].last, s.ents.v[k].first,
		    "\"%s\": spans overlap or are out of order", text);
	done(&s);
}

#define NONE	ENT_NONE
#define MONEY	ENT_MONEY
#define PCT	ENT_PERCENT
#define DATE	ENT_DATE
#define TIME	ENT_TIME
#define QTY	ENT_QUANTITY
#define ORD	ENT_ORDINAL
#define CARD	ENT_CARDINAL

/* MONEY */

Test(numeric, money_after_a_dollar_sign_takes_the_scale_word)
{
	expect("Nvidia reported revenue of $2.5 billion for the period.",
	    MONEY, "$ 2.5 billion", NONE);
}

Test(numeric, money_with_a_country_prefix_before_the_sign)
{
	expect("The fund raised US$5 million and HK$300 from investors.",
	    MONEY, "US $ 5 million", MONEY, "HK $ 300", NONE);
}

Test(numeric, money_in_euros_pounds_and_yen_signs)
{
	expect("Tickets cost €40, or £1.2 bn in total, and ¥300 each.",
	    MONEY, "€ 40", MONEY, "£ 1.2 bn", MONEY, "¥ 300", NONE);
}

Test(numeric, money_with_currency_words_after_the_amount)
{
	expect("He paid 300 euros, then 5 million dollars, then 2.5 billion "
	    "yen.", MONEY, "300 euros", MONEY, "5 million dollars", MONEY,
	    "2.5 billion yen", NONE);
}

Test(numeric, money_per_share_and_cents)
{
	expect("The bank earned 50 cents a share, up from $1.10 per share.",
	    MONEY, "50 cents a share", MONEY, "$ 1.10 per share", NONE);
}

Test(numeric, money_with_a_nationality_before_the_currency)
{
	expect("Ottawa spent 5 million Canadian dollars on the bridge.",
	    MONEY, "5 million Canadian dollars", NONE);
}

Test(numeric, money_codes_and_rupees)
{
	expect("The deal is worth USD 5 million, or Rs 500 crore.",
	    MONEY, "USD 5 million", MONEY, "Rs 500 crore", NONE);
}

Test(numeric, money_short_scales_only_after_a_sign)
{
	expect("The club paid £5m for him; 300k people watched.",
	    MONEY, "£ 5m", NONE);
}

Test(numeric, pounds_are_money_with_a_large_scale_and_weight_without)
{
	expect("The firm lost 200 million pounds while he lost 20 pounds.",
	    MONEY, "200 million pounds", QTY, "20 pounds", NONE);
}

Test(numeric, money_in_reuters_house_style)
{
	expect("It sold 300 mln dlrs of bonds, or 29 cts a share, and 5 mln "
	    "stg of bills.", MONEY, "300 mln dlrs", MONEY, "29 cts a share",
	    MONEY, "5 mln stg", NONE);
}

/* PERCENT */

Test(numeric, percent_sign_and_words)
{
	expect("Sales rose 8% in Europe and 8.5 percent in Asia.",
	    PCT, "8 %", PCT, "8.5 percent", NONE);
}

Test(numeric, percent_british_spelling_and_points)
{
	expect("Inflation fell 0.5 per cent, or two percentage points.",
	    PCT, "0.5 per cent", PCT, "two percentage points", NONE);
}

Test(numeric, one_percent_is_a_number)
{
	expect("Unemployment was one percent higher.", PCT, "one percent",
	    NONE);
}

/* DATE */

Test(numeric, date_month_day_comma_year)
{
	expect("The law took effect on July 16, 2025, officials said.",
	    DATE, "July 16 , 2025", NONE);
}

Test(numeric, date_day_month_year_and_month_year)
{
	expect("It opened on 16 July 2025 after delays since March 2024.",
	    DATE, "16 July 2025", DATE, "March 2024", NONE);
}

Test(numeric, date_abbreviated_month_with_period_apart)
{
	expect("The trial starts Jan. 5 in Boston.", DATE, "Jan . 5", NONE);
}

Test(numeric, date_weekday_with_full_date)
{
	expect("Voting ends Monday, Nov. 3, 2025 at the latest.",
	    DATE, "Monday , Nov . 3 , 2025", NONE);
}

Test(numeric, date_month_alone_and_ordinal_day)
{
	expect("Parliament meets in March and again on July 4th.",
	    DATE, "March", DATE, "July 4th", NONE);
}

Test(numeric, date_relative_includes_the_determiner)
{
	expect("Profit doubled from the previous quarter and last year.",
	    DATE, "the previous quarter", DATE, "last year", NONE);
}

Test(numeric, date_relative_with_a_count)
{
	expect("Prices climbed over the past two years and will over the next "
	    "few months.", DATE, "the past two years", DATE,
	    "the next few months", NONE);
}

Test(numeric, date_this_and_next)
{
	expect("The plant closes this week and reopens next month.",
	    DATE, "this week", DATE, "next month", NONE);
}

Test(numeric, date_decades_leave_the_determiner_out)
{
	expect("Growth slowed in the 1990s and again in the late 2000s.",
	    DATE, "1990s", DATE, "late 2000s", NONE);
}

Test(numeric, date_years_by_context)
{
	expect("Revenue has tripled since 2019, from 2019 to 2024 in fact.",
	    DATE, "2019", DATE, "2019", DATE, "2024", NONE);
}

Test(numeric, date_year_before_a_noun_after_the)
{
	expect("He lost the 2024 election by 2000 votes.", DATE, "2024",
	    CARD, "2000", NONE);
}

Test(numeric, date_numeric_forms)
{
	expect("Filings dated 2024-01-05 and 05/01/2024 were late.",
	    DATE, "2024-01-05", DATE, "05/01/2024", NONE);
}

Test(numeric, date_yesterday_today_tomorrow_and_weekdays)
{
	expect("Talks failed yesterday, resume today and end on Friday.",
	    DATE, "yesterday", DATE, "today", DATE, "Friday", NONE);
}

Test(numeric, date_quarters_and_fiscal_years)
{
	expect("Results for the third quarter of 2024 beat Q3 2023 and "
	    "fiscal 2022.", DATE, "the third quarter of 2024", DATE,
	    "Q3 2023", DATE, "fiscal 2022", NONE);
}

Test(numeric, date_spans_of_time_and_ages)
{
	expect("The 30-year-old signed a two-year deal five years ago.",
	    DATE, "30 - year-old", DATE, "two-year", DATE, "five years ago",
	    NONE);
}

Test(numeric, date_century_and_early_month)
{
	expect("It is the 21st century's biggest merger, due in early July.",
	    DATE, "the 21st century", DATE, "early July", NONE);
}

Test(numeric, date_season_of_a_year)
{
	expect("The summer of 2024 was the hottest.", DATE, "summer of 2024",
	    NONE);
}

Test(numeric, date_ordinal_periods_with_a_count)
{
	expect("Net profit rose in the first nine months of 1987.",
	    DATE, "the first nine months of 1987", NONE);
}

/* TIME */

Test(numeric, time_clock_with_am_and_zone)
{
	expect("The market opened at 10:30 a.m. ET and closed at 4 p.m.",
	    TIME, "10:30 a.m. ET", TIME, "4 p.m.", NONE);
}

Test(numeric, time_named_and_parts_of_days)
{
	expect("Troops left at noon; the blast came last night, and talks "
	    "resume this morning.", TIME, "noon", TIME, "last night", TIME,
	    "this morning", NONE);
}

Test(numeric, time_weekday_evening_beats_the_bare_weekday)
{
	expect("He spoke on Monday evening at 9pm GMT.", TIME,
	    "Monday evening", TIME, "9pm GMT", NONE);
}

Test(numeric, time_durations_in_hours_and_minutes)
{
	expect("The 24-hour strike lasted 90 minutes longer than planned.",
	    TIME, "24 - hour", TIME, "90 minutes", NONE);
}

Test(numeric, time_four_digits_need_a_zone)
{
	expect("Talks resume at 1330 GMT after a break at 1100.",
	    TIME, "1330 GMT", CARD, "1100", NONE);
}

/* QUANTITY */

Test(numeric, quantity_distances_and_weights)
{
	expect("The storm moved 5 km inland and dumped 3 tons of debris.",
	    QTY, "5 km", QTY, "3 tons", NONE);
}

Test(numeric, quantity_degrees_with_a_scale)
{
	expect("Temperatures hit 40 degrees Celsius in Seville.",
	    QTY, "40 degrees Celsius", NONE);
}

Test(numeric, quantity_rates_and_hyphens)
{
	expect("The field pumps 100 barrels a day along a 3.5-mile pipe.",
	    QTY, "100 barrels a day", QTY, "3.5 - mile", NONE);
}

Test(numeric, quantity_units_attached_to_digits)
{
	expect("She ran 10km at 60mph winds.", QTY, "10km", QTY, "60mph",
	    NONE);
}

/* ORDINAL */

Test(numeric, ordinals_in_words_and_digits)
{
	expect("She finished third, after a 2nd place and a twenty-first "
	    "birthday.", ORD, "third", ORD, "2nd", ORD, "twenty-first", NONE);
}

Test(numeric, ordinal_starting_a_sentence_before_a_comma)
{
	expect("First, the company will cut 2,000 jobs.", ORD, "First",
	    CARD, "2,000", NONE);
}

/* CARDINAL */

Test(numeric, cardinals_in_digits_and_scales)
{
	expect("About 1.5 million people voted, and 42 seats changed hands.",
	    CARD, "1.5 million", CARD, "42", NONE);
}

Test(numeric, cardinals_in_words)
{
	expect("Two soldiers and one hundred and fifty civilians joined "
	    "twenty-five doctors and a dozen nurses.", CARD, "Two", CARD,
	    "one hundred and fifty", CARD, "twenty-five", CARD, "a dozen",
	    NONE);
}

Test(numeric, cardinals_with_fractions)
{
	expect("Add 3 1/2 cups of flour.", CARD, "3 1/2", NONE);
}

/* Not numbers */

Test(numeric, one_as_a_pronoun_is_no_number)
{
	expect("One of the firms said no one would be the one to pay.", NONE);
}

Test(numeric, may_as_a_verb_or_a_name_is_no_date)
{
	expect("May I ask what Theresa May said?", NONE);
}

Test(numeric, may_after_in_is_a_date)
{
	expect("Theresa May resigned in May.", DATE, "May", NONE);
}

Test(numeric, capitalised_ordinals_in_names_are_no_ordinals)
{
	expect("He backed the Third Way and the First Amendment.", NONE);
}

Test(numeric, capitalised_ordinal_before_a_name_is_no_ordinal)
{
	expect("First Republic Bank failed.", NONE);
}

Test(numeric, capitalised_number_words_in_names_are_no_numbers)
{
	expect("Formula One and Capital One sponsor Channel Four.", NONE);
}

Test(numeric, month_names_as_first_names_are_no_dates)
{
	expect("June Carter met April Ryan.", NONE);
}

Test(numeric, words_with_digits_inside_are_no_numbers)
{
	expect("COVID-19 slowed F-16 deliveries and 4G rollouts.", NONE);
}

Test(numeric, relative_words_without_a_unit_are_no_dates)
{
	expect("This was the last time the next leader spoke.", NONE);
}

/* Mechanics */

Test(numeric, empty_sentence_gives_nothing)
{
	struct ent_vec	 out = { NULL, 0, 0 };

	cr_assert_eq(num_find(NULL, NULL, 0, &out), 0);
	cr_expect_eq(out.n, 0);
	ent_vec_free(&out);
}

Test(numeric, appends_after_spans_already_in_the_vector)
{
	struct ent_vec	 out = { NULL, 0, 0 };
	const unsigned char *w[] = {
		(const unsigned char *)"in", (const unsigned char *)"2025"
	};
	size_t		 n[] = { 2, 4 };

	cr_assert_eq(ent_vec_push(&out, 0, 1, ENT_PER), 0);
	cr_assert_eq(num_find(w, n, 2, &out), 0);
	cr_assert_eq(out.n, 2);
	cr_expect_eq(out.v[0].type, ENT_PER);
	cr_expect_eq(out.v[1].first, 1);
	cr_expect_eq(out.v[1].last, 2);
	cr_expect_eq(out.v[1].type, ENT_DATE);
	ent_vec_free(&out);
}

Test(numeric, a_date_before_a_link_from_an_earlier_call_does_not_count)
{
	struct ent_vec	 out = { NULL, 0, 0 };
	const unsigned char *w[] = {
		(const unsigned char *)"to", (const unsigned char *)"2024"
	};
	size_t		 n[] = { 2, 4 };

	/* A DATE ending at word 0 of some other sentence. */
	cr_assert_eq(ent_vec_push(&out, 0, 0, ENT_DATE), 0);
	cr_assert_eq(num_find(w, n, 2, &out), 0);
	cr_assert_eq(out.n, 2);
	cr_expect_eq(out.v[1].type, ENT_CARDINAL);
	ent_vec_free(&out);
}

/* entity.c */

Test(entity, type_names_round_trip)
{
	int	 t;

	cr_expect_null(ent_type_name(ENT_NONE));
	cr_expect_null(ent_type_name(ENT_NTYPES));
	for (t = ENT_NONE + 1; t < ENT_NTYPES; t++)
		cr_expect_eq(ent_type_parse(ent_type_name((enum ent_type)t),
		    strlen(ent_type_name((enum ent_type)t))), (enum ent_type)t);
	cr_expect_str_eq(ent_type_name(ENT_QUANTITY), "QUANTITY");
}

Test(entity, type_parse_is_exact)
{
	cr_expect_eq(ent_type_parse("per", 3), ENT_NONE);
	cr_expect_eq(ent_type_parse("PERSON", 6), ENT_NONE);
	cr_expect_eq(ent_type_parse("PERSON", 3), ENT_PER);
	cr_expect_eq(ent_type_parse("", 0), ENT_NONE);
	cr_expect_eq(ent_type_parse(NULL, 0), ENT_NONE);
}

Test(entity, vec_grows_and_frees)
{
	struct ent_vec	 v = { NULL, 0, 0 };
	size_t		 i;

	for (i = 0; i < 1000; i++)
		cr_assert_eq(ent_vec_push(&v, i, i + 1, ENT_ORG), 0);
	cr_expect_eq(v.n, 1000);
	cr_expect_eq(v.v[999].first, 999);
	ent_vec_free(&v);
	cr_expect_null(v.v);
	cr_expect_eq(v.n, 0);
}
