/*
 * numeric: numeric expressions by rules over the words of one sentence, as
 * the news tokenizer splits them (token.h: "$" "2.5" "billion", "8" "%",
 * "July" "16" "," "2025"; "1,000" "9/11" "10:30" "2024-01-05" "21st"
 * "1990s" "a.m." "U.S." whole).  Types and extents follow the OntoNotes 5
 * guidelines (BBN types as OntoNotes names them), with the choices below.
 *
 *   type      rule (N: a number, below)                 examples
 *   --------  ----------------------------------------  --------------------
 *   MONEY     [US|HK|C|...] $ N                         $ 2.5 billion, US $ 5
 *             € £ ¥ ₹ ... N;  USD|EUR|Rs ... N           € 40, £ 1.2 bn, Rs 500
 *             N [Capital [Capital]] currency-word        300 euros, 50 cents,
 *               (also Reuters' dlrs, cts, stg)           300 mln dlrs,
 *                                                        5 million U.S. dollars
 *             pounds, won, real only after million...    200 million pounds
 *             then optionally "a share" / "per share"    26 cents a share
 *   PERCENT   N % | percent | per cent | pct             8 %, 8.5 per cent
 *             N percentage point(s)                      two percentage points
 *   QUANTITY  N [-] [square|cubic|nautical] unit         5 km, 3.5 - mile,
 *             [per|a day|hour|year...]                   100 barrels a day
 *             N ° [C|F];  N degrees [Celsius]            40 degrees Celsius
 *             one word: 5km 10kg 60mph 100MW             two-mile
 *   TIME      H:MM [a.m.|pm...] [GMT|ET|...]             10:30 a.m. ET, 10:30
 *             HHMM GMT|ET|... (a zone is required)       1330 GMT
 *             1-12 a.m.|p.m.|am|pm;  10pm;  ten o'clock  10 a.m., 9pm
 *             noon, midnight, midday, tonight
 *             this|last|yesterday|tomorrow|Weekday       this morning,
 *               morning|afternoon|evening|night          Monday night
 *             N [-] hour(s)|minute(s)|second(s) [ago]    90 minutes, 24 - hour
 *   DATE      Month D [[,] YYYY];  D Month [YYYY]        July 16 , 2025,
 *             Month YYYY;  16th of July                  16 July 2025, Jan. 5
 *             Month alone (not May, and not before a     in March
 *               capitalised word: "June Carter")
 *             May alone after in|since|by|until|...      in May
 *             Weekday [, Month D [, YYYY]]               Monday
 *             YYYY-MM-DD;  DD/MM/YYYY;  2019-20          2024-01-05
 *             decades                                    1990s, 90s, mid-1990s
 *             yesterday, today, tomorrow
 *             YYYY (1800-2099) after in|since|by|of|     in 2025, since 1999,
 *               until|from|during|before|after|...       from 2019 to 2024
 *               or after a DATE and to|and|or|-
 *             YYYY (1900-2099) after the or 's           the 2024 election
 *               (neither before a plural noun: by 2000 votes)
 *             fiscal [year] YYYY;  early|late|mid X      fiscal 2024,
 *                                                        early July
 *             Season [of] YYYY;  Q1-Q4 [YYYY]            summer of 2024,
 *                                                        Q3 2024
 *             [the] last|next|this|previous|past|        last week, this year,
 *               coming|following|prior|same|current      the previous quarter,
 *               [N|few|several] unit|Weekday|Month       the past two years
 *             N [-] day(s)|week(s)|month(s)|year(s)|     five years, 10 - year,
 *               decade(s)|quarter(s) [ago|earlier|       a year ago,
 *               later] [old];  a|several U ago           30 - year-old,
 *                                                        57 years old
 *             [the] ordinal [N] quarter|half|day|week|   the third quarter,
 *               month|year(s) [of YYYY]                  the first nine months
 *             [the] ordinal century;  first-quarter      the 21st century
 *   ORDINAL   first ... ninetieth, twenty-first, 21st    third, 2nd
 *   CARDINAL  any other N                                1.5 million, 42, two
 *
 * N is a number: digits (300, 1,000, 2.5, 5-10) with an optional fraction
 * (3 1/2, 3 ½); digits with bn mn tn attached (2bn); number words (two,
 * twenty-five, one hundred and fifty, a dozen), each followed by any scale
 * words (hundred thousand million billion trillion dozen crore lakh bn mn
 * mln tn trn).  After a currency sign, also m b k (£ 5m, $ 300k, $ 5 m).
 *
 * Choices where OntoNotes leaves room or where rules must be careful:
 * - Longest match at each word, left to right, no overlaps.  Ties go to
 *   the type listed first above (MONEY before ... before CARDINAL), so a
 *   year in context is a DATE, not a CARDINAL.
 * - The determiner belongs to relative dates and ordinal periods ("the
 *   previous quarter", "the third quarter", "the 21st century"), as
 *   OntoNotes annotates them: without it the span reads as a fragment.  It
 *   does not belong to decades ("the 1990s" gives "1990s") or to anything
 *   else.  Hedges (about, nearly, more than), which OntoNotes includes, are
 *   left out: users want the value.
 * - "one" alone is not a number: "one of the firms", "no one", "the one",
 *   "one another" are pronouns.  It counts inside a larger number (one
 *   million, twenty one) or before a unit (one percent, one year).
 * - A capitalised number or ordinal word inside a sentence is part of a
 *   name (Formula One, the Third Way, the First Amendment); a capitalised
 *   ordinal that starts a sentence is too when a capitalised word follows
 *   (First Republic).
 * - Month names count only capitalised; "May" needs a day, a year or one of
 *   the prepositions above ("May I", "Theresa May" are not dates).
 *   Abbreviations (Jan, Sept) need a day or a year, with their period
 *   attached ("Jan.") or apart ("Jan" "."), since both tokenizations occur.
 * - "pounds" is money only with a large scale (200 million pounds);
 *   otherwise weight (20 pounds is a QUANTITY).
 * - Ages and spans of time are DATE, as in OntoNotes: "five years", "30 -
 *   year-old"; hours, minutes and seconds are TIME.
 * Matching is ASCII case-insensitive for words unless said otherwise, and
 * looks only at the words: no locale, no table built at run time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"

#define NUM_WMAX	32	/* longer words are in no list */
#define NUM_MEMO	8	/* num_parse results remembered */

/* What num_parse found. */
struct num {
	size_t	 end;		/* one past its last word */
	long	 value;		/* one plain integer word (16, ten), else -1 */
	int	 digits;	/* value was written in digits */
	int	 bare_one;	/* the word "one" alone */
	int	 big;		/* scaled by a million or more */
};

/* A num_parse result: each match rule reads the number at its start. */
struct num_memo {
	size_t		 i;		/* word; SIZE_MAX: none */
	int		 money;
	int		 found;
	struct num	 nm;
};

struct nf {
	const unsigned char *const *w;
	const size_t	*n;
	size_t		 nw;
	const struct ent_vec *out;
	size_t		 base;		/* out's spans from this call */
	struct num_memo	*memo;		/* NUM_MEMO entries, by word */
};

static int
num_isdigit(unsigned c)
{
	return c >= '0' && c <= '9';
}

static int
num_isupper(unsigned c)
{
	return c >= 'A' && c <= 'Z';
}

static unsigned
num_lower(unsigned c)
{
	return num_isupper(c) ? c + ('a' - 'A') : c;
}

/* Is s (lower case) the bytes p[0..len), ignoring ASCII case? */
static int
num_streq(const unsigned char *p, size_t len, const char *s)
{
	size_t	 k;

	for (k = 0; k < len; k++)
		if (s[k] == '\0' || num_lower(p[k]) != (unsigned char)s[k])
			return 0;
	return s[k] == '\0';
}

/* Is p[0..len) in list, ignoring ASCII case?  The first letter is
   compared before the call: it rules out nearly every entry. */
static int
num_strin(const unsigned char *p, size_t len, const char *const *list)
{
	unsigned c;

	if (len == 0) {
		for (; *list != NULL; list++)
			if (**list == '\0')
				return 1;
		return 0;
	}
	c = num_lower(p[0]);
	for (; *list != NULL; list++)
		if ((unsigned char)**list == c && num_streq(p, len, *list))
			return 1;
	return 0;
}

/* Word i, ignoring ASCII case (s in lower case). */
static int
nf_eq(const struct nf *f, size_t i, const char *s)
{
	return i < f->nw && num_streq(f->w[i], f->n[i], s);
}

/* Word i, exactly. */
static int
nf_is(const struct nf *f, size_t i, const char *s)
{
	size_t	 len;

	if (i >= f->nw)
		return 0;
	if (f->n[i] == 0)
		return *s == '\0';
	if (f->w[i][0] != (unsigned char)*s)
		return 0;
	len = strlen(s);
	return f->n[i] == len && memcmp(f->w[i], s, len) == 0;
}

static int
nf_in(const struct nf *f, size_t i, const char *const *list)
{
	return i < f->nw && num_strin(f->w[i], f->n[i], list);
}

static int
nf_in_cs(const struct nf *f, size_t i, const char *const *list)
{
	for (; *list != NULL; list++)
		if (nf_is(f, i, *list))
			return 1;
	return 0;
}

static int
nf_cap(const struct nf *f, size_t i)
{
	return i < f->nw && f->n[i] > 0 && num_isupper(f->w[i][0]);
}

/*
 * Is word i capitalised where a sentence does not start?  The word before
 * it starts with an ASCII letter or digit, so it is not a quote or a dash
 * that opens a new clause.
 */
static int
nf_cap_inside(const struct nf *f, size_t i)
{
	unsigned c;

	if (!nf_cap(f, i) || i == 0 || f->n[i - 1] == 0)
		return 0;
	c = f->w[i - 1][0];
	return num_isdigit(c) || num_isupper(c) || (c >= 'a' && c <= 'z');
}

/*
 * Word lists.  Lower-case lists match ignoring ASCII case; the others
 * (signs, codes, time zones) match exactly.
 */
static const char *const num_units[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", NULL
};
static const char *const num_tens[] = {
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety", NULL
};
/* Scale words after a number; the first five also after "a". */
static const char *const num_scales[] = {
	"hundred", "thousand", "million", "billion", "trillion", "dozen",
	"crore", "lakh", "bn", "mn", "mln", "tn", "trn", NULL
};
static const char *const num_big[] = {
	"million", "billion", "trillion", "crore", "bn", "mn", "mln", "tn",
	"trn", "m", "b", NULL
};
/* Attached to digits: 2bn.  With money also m b k: £5m, $300k. */
static const char *const num_scale_suffixes[] = {
	"bn", "mn", "mln", "tn", "trn", NULL
};
static const char *const num_money_scales[] = { "m", "b", "k", NULL };
static const char *const num_ordinals[] = {
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
	"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
	"fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
	"nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth",
	"sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth",
	"thousandth", "millionth", "billionth", NULL
};

/* Currency signs and codes before the amount. */
static const char *const num_cur_signs[] = {
	"$", "\xe2\x82\xac" /* € */, "\xc2\xa3" /* £ */, "\xc2\xa5" /* ¥ */,
	"\xe2\x82\xb9" /* ₹ */, "\xe2\x82\xa9" /* ₩ */, "\xe2\x82\xbd" /* ₽ */,
	"\xe2\x82\xba" /* ₺ */, "\xe2\x82\xaa" /* ₪ */, "\xe2\x82\xa6" /* ₦ */,
	"\xe2\x82\xb1" /* ₱ */, "\xe0\xb8\xbf" /* ฿ */, "\xe2\x82\xab" /* ₫ */,
	"US$", "C$", "A$", "HK$", "NZ$", "S$", "R$", NULL
};
/* Before a separate "$": US $ 5.  Not "A": "A $5 fee" is an article. */
static const char *const num_cur_prefixes[] = {
	"US", "U.S.", "HK", "NZ", "C", "S", "R", "NT", "AU", "AUS", NULL
};
static const char *const num_cur_codes[] = {
	"AED", "AUD", "BRL", "CAD", "CHF", "CNY", "DKK", "EUR", "GBP", "HKD",
	"INR", "JPY", "KRW", "MXN", "NOK", "NZD", "RMB", "RUB", "Rs", "Rs.",
	"SAR", "SEK", "SGD", "TWD", "USD", "ZAR", NULL
};
/* Currency names after the amount. */
static const char *const num_cur_words[] = {
	"dollar", "dollars", "euro", "euros", "cent", "cents", "pence",
	"penny", "pennies", "yen", "yuan", "renminbi", "rupee", "rupees",
	"peso", "pesos", "franc", "francs", "ruble", "rubles", "rouble",
	"roubles", "reais", "lira", "liras", "lire", "krona", "kronor",
	"krone", "kroner", "rand", "ringgit", "baht", "dinar", "dinars",
	"dirham", "dirhams", "riyal", "riyals", "shekel", "shekels", "naira",
	"zloty", "zlotys", "rupiah", "bucks",
	"dlr", "dlrs", "cts", "stg",	/* Reuters' house style */
	NULL
};
/* Also weights, verbs or adjectives: money only after a million or more. */
static const char *const num_cur_words_big[] = {
	"pound", "pounds", "sterling", "won", "real", NULL
};

static const char *const num_units_qty[] = {
	"km", "kms", "kilometer", "kilometers", "kilometre", "kilometres",
	"meter", "meters", "metre", "metres", "cm", "centimeter",
	"centimeters", "centimetre", "centimetres", "mm", "millimeter",
	"millimeters", "millimetre", "millimetres", "mile", "miles", "foot",
	"feet", "ft", "inch", "inches", "yard", "yards", "acre", "acres",
	"hectare", "hectares", "kg", "kgs", "kilogram", "kilograms", "kilo",
	"kilos", "gram", "grams", "mg", "milligram", "milligrams", "tonne",
	"tonnes", "ton", "tons", "lb", "lbs", "pound", "pounds", "ounce",
	"ounces", "oz", "carat", "carats", "liter", "liters", "litre",
	"litres", "ml", "gallon", "gallons", "barrel", "barrels", "bbl",
	"mph", "kph", "knots", "mw", "megawatt", "megawatts", "gw",
	"gigawatt", "gigawatts", "kw", "kilowatt", "kilowatts", "kwh", "mwh",
	"gwh", "twh", "watt", "watts", "volt", "volts", "gb", "tb", "mb",
	"gigabyte", "gigabytes", "terabyte", "terabytes", "megabyte",
	"megabytes", "calorie", "calories", NULL
};
/* Attached to digits: 5km, 60mph.  Not m or g: £5m is money. */
static const char *const num_unit_suffixes[] = {
	"km", "kg", "mg", "cm", "mm", "ft", "mph", "kph", "lb", "lbs", "oz",
	"mw", "gw", "kw", "kwh", "mwh", "gwh", "twh", "gb", "tb", "mb", "ml",
	NULL
};
/* Hyphenated after a number word: two-mile, five-acre. */
static const char *const num_units_compound[] = {
	"mile", "kilometer", "kilometre", "km", "meter", "metre", "foot",
	"inch", "yard", "acre", "hectare", "ton", "tonne", "pound", "ounce",
	"gallon", "liter", "litre", "barrel", "degree", "megawatt",
	"gigawatt", NULL
};
static const char *const num_unit_prefixes[] = {
	"square", "sq", "sq.", "cubic", "nautical", "metric", NULL
};
static const char *const num_temp_scales[] = {
	"c", "f", "c.", "f.", "celsius", "fahrenheit", "centigrade", NULL
};
static const char *const num_rate_units[] = {
	"day", "hour", "year", "week", "month", "second", "minute", NULL
};

static const char *const num_ampm[] = {
	"a.m.", "p.m.", "a.m", "p.m", "am", "pm", NULL
};
static const char *const num_zones[] = {
	"GMT", "UTC", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST",
	"MDT", "PT", "PST", "PDT", "BST", "CET", "CEST", "IST", "JST", "HKT",
	"SGT", "KST", "AEST", "AEDT", NULL
};
static const char *const num_day_parts[] = {
	"morning", "afternoon", "evening", "night", NULL
};
static const char *const num_time_units[] = {
	"hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
	"second", "seconds", "sec", "secs", NULL
};
static const char *const num_date_units[] = {
	"day", "days", "week", "weeks", "month", "months", "year", "years",
	"decade", "decades", "century", "centuries", "quarter", "quarters",
	NULL
};
static const char *const num_age_units[] = {
	"year-old", "years-old", "month-old", "months-old", "week-old",
	"weeks-old", "day-old", "days-old", NULL
};
/* What a relative date counts: the past two years, last week, this fall. */
static const char *const num_rel_units[] = {
	"day", "days", "week", "weeks", "weekend", "weekends", "month",
	"months", "quarter", "quarters", "year", "years", "decade", "decades",
	"century", "centuries", "season", "seasons", "spring", "summer",
	"autumn", "fall", "winter", NULL
};
static const char *const num_rel_bare[] = { "last", "next", "this", NULL };
static const char *const num_rel_the[] = {
	"last", "next", "previous", "past", "coming", "following", "current",
	"prior", "same", NULL
};
static const char *const num_seasons[] = {
	"spring", "summer", "autumn", "fall", "winter", NULL
};
static const char *const num_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", NULL
};
static const char *const num_month_abbrs[] = {
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", NULL
};
static const char *const num_weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL
};
/* Before a bare year (in 2025), and before a bare "May" (in May). */
static const char *const num_year_preps[] = {
	"in", "since", "by", "of", "until", "till", "from", "during",
	"before", "after", "through", "throughout", "between", "year",
	"circa", NULL
};
static const char *const num_may_preps[] = {
	"in", "since", "by", "of", "until", "till", "from", "during",
	"before", "after", "through", "early", "late", "mid", NULL
};
/* Between two dates: from 2019 to 2024. */
static const char *const num_date_links[] = {
	"to", "and", "or", "through", "until", "till", "-",
	"\xe2\x80\x93" /* – */, NULL
};

/*
 * The lower-case words that can start a match, sorted in byte order for
 * bsearch: most words start none, and this keeps them cheap.  Words that
 * start with a digit or a non-ASCII byte (currency signs) are always
 * tried.
 */
static const char *const num_starters[] = {
	"a", "aed", "an", "apr", "april", "au", "aud", "aug", "august",
	"aus", "autumn", "billionth", "brl", "c", "cad", "centuries",
	"century", "chf", "cny", "day", "days", "dec", "decade",
	"decades", "december", "dkk", "early", "eight", "eighteen",
	"eighteenth", "eighth", "eightieth", "eighty", "eleven",
	"eleventh", "eur", "fall", "feb", "february", "few", "fifteen",
	"fifteenth", "fifth", "fiftieth", "fifty", "first", "fiscal",
	"five", "fortieth", "forty", "four", "fourteen", "fourteenth",
	"fourth", "friday", "gbp", "hk", "hkd", "hour", "hours",
	"hundredth", "inr", "jan", "january", "jpy", "jul", "july",
	"jun", "june", "krw", "last", "late", "mar", "march", "may",
	"mid", "midday", "midnight", "millionth", "minute", "minutes",
	"monday", "month", "months", "mxn", "next", "nine", "nineteen",
	"nineteenth", "ninetieth", "ninety", "ninth", "nok", "noon",
	"nov", "november", "nt", "nz", "nzd", "oct", "october", "one",
	"q1", "q2", "q3", "q4", "r", "rmb", "rs", "rub", "s", "sar",
	"saturday", "second", "seconds", "sek", "sep", "sept",
	"september", "seven", "seventeen", "seventeenth", "seventh",
	"seventieth", "seventy", "several", "sgd", "six", "sixteen",
	"sixteenth", "sixth", "sixtieth", "sixty", "spring", "summer",
	"sunday", "ten", "tenth", "the", "third", "thirteen",
	"thirteenth", "thirtieth", "thirty", "this", "thousandth",
	"three", "thursday", "today", "tomorrow", "tonight", "tuesday",
	"twd", "twelfth", "twelve", "twentieth", "twenty", "two",
	"u.s", "us", "usd", "wednesday", "week", "weeks", "winter",
	"year", "years", "yesterday", "zar", "zero"
};

static int
num_starter_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/*
 * Can a match start at word i?  Letters are lowered, one final period
 * dropped (Jan., U.S.), and a hyphenated word looked up by its first part
 * (twenty-five, mid-2025, first-quarter).
 */
static int
nf_starter(const struct nf *f, size_t i)
{
	const unsigned char *p = f->w[i];
	char	 key[NUM_WMAX];
	size_t	 len = f->n[i], k;

	if (len == 0)
		return 0;
	if (num_isdigit(p[0]) || p[0] >= 0x80 || p[0] == '$' ||
	    p[len - 1] == '$')
		return 1;
	if (len > 1 && p[len - 1] == '.')
		len--;
	for (k = 1; k < len; k++)
		if (p[k] == '-') {
			len = k;
			break;
		}
	if (len >= sizeof(key))
		return 0;
	for (k = 0; k < len; k++) {
		if (p[k] == '\0')
			return 0;
		key[k] = (char)num_lower(p[k]);
	}
	key[len] = '\0';
	return bsearch(key, num_starters, sizeof(num_starters) /
	    sizeof(num_starters[0]), sizeof(num_starters[0]),
	    num_starter_cmp) != NULL;
}

/* Digits with inner . , : / - between digits: 300 1,000 2.5 9/11 5-10. */
static int
num_digits_word(const unsigned char *p, size_t len)
{
	size_t	 k;

	if (len == 0 || !num_isdigit(p[0]) || !num_isdigit(p[len - 1]))
		return 0;
	for (k = 1; k < len; k++) {
		if (num_isdigit(p[k]))
			continue;
		if (p[k] == '\0' || strchr(".,:/-", p[k]) == NULL ||
		    !num_isdigit(p[k - 1]))
			return 0;
	}
	return 1;
}

/*
 * The letters after a word's leading number (the "s" of "1990s", the "bn"
 * of "2.5bn"), or NULL if the word does not start with digits or does not
 * go on with ASCII letters only.  *numlen gets the number's length.
 */
static const unsigned char *
num_suffix(const unsigned char *p, size_t len, size_t *slen, size_t *numlen)
{
	size_t	 k = 0, s;

	while (k < len && (num_isdigit(p[k]) || ((p[k] == '.' ||
	    p[k] == ',') && k > 0 && k + 1 < len && num_isdigit(p[k + 1]))))
		k++;
	if (k == 0 || k == len)
		return NULL;
	for (s = k; s < len; s++)
		if (!((p[s] >= 'a' && p[s] <= 'z') || num_isupper(p[s])))
			return NULL;
	*slen = len - k;
	if (numlen != NULL)
		*numlen = k;
	return p + k;
}

/* A plain integer of at most 9 digits, or -1. */
static long
num_int(const unsigned char *p, size_t len)
{
	long	 v = 0;
	size_t	 k;

	if (len == 0 || len > 9)
		return -1;
	for (k = 0; k < len; k++) {
		if (!num_isdigit(p[k]))
			return -1;
		v = v * 10 + (p[k] - '0');
	}
	return v;
}

/* Word i is a year: four digits from lo to hi. */
static int
nf_year(const struct nf *f, size_t i, long lo, long hi)
{
	long	 v;

	if (i >= f->nw || f->n[i] != 4)
		return 0;
	v = num_int(f->w[i], 4);
	return v >= lo && v <= hi;
}

/* 1/2, 3/4, ½ and friends, after a whole number: 3 1/2. */
static int
num_fraction(const unsigned char *p, size_t len)
{
	static const char *const vulgar[] = {
		"\xc2\xbd", "\xc2\xbc", "\xc2\xbe", "\xe2\x85\x93",
		"\xe2\x85\x94", "\xe2\x85\x9b", NULL
	};
	const char *const *v;

	if (len == 3 && num_isdigit(p[0]) && p[1] == '/' &&
	    num_isdigit(p[2]))
		return 1;
	for (v = vulgar; *v != NULL; v++)
		if (strlen(*v) == len && memcmp(*v, p, len) == 0)
			return 1;
	return 0;
}

/* A digit ordinal: 1st 2nd 23rd 21st 100th. */
static int
num_digit_ordinal(const unsigned char *p, size_t len)
{
	static const char *const sfx[] = { "st", "nd", "rd", "th", NULL };
	const unsigned char *s;
	size_t	 sl, nl;

	return (s = num_suffix(p, len, &sl, &nl)) != NULL &&
	    num_int(p, nl) >= 0 && num_strin(s, sl, sfx);
}

/* The value of a digit ordinal, or -1. */
static long
num_ordinal_value(const unsigned char *p, size_t len)
{
	size_t	 sl, nl;

	if (!num_digit_ordinal(p, len))
		return -1;
	(void)num_suffix(p, len, &sl, &nl);
	return num_int(p, nl);
}

/* A spelled ordinal: third, twenty-first. */
static int
num_word_ordinal(const unsigned char *p, size_t len)
{
	size_t	 k;

	if (num_strin(p, len, num_ordinals))
		return 1;
	for (k = 1; k < len; k++)
		if (p[k] == '-')
			return num_strin(p, k, num_tens) &&
			    num_strin(p + k + 1, len - k - 1, num_ordinals) &&
			    !num_strin(p + k + 1, len - k - 1,
			    num_ordinals + 9);	/* first .. ninth only */
	return 0;
}

enum num_wc {
	NUM_WC_NONE,
	NUM_WC_UNIT,	/* zero .. nineteen, or a whole twenty-five */
	NUM_WC_TENS,	/* twenty .. ninety */
	NUM_WC_SCALE	/* hundred, million, ... */
};

/* Classifies a number word; *val gets its value for units and tens. */
static enum num_wc
num_word_class(const unsigned char *p, size_t len, long *val)
{
	size_t	 k;
	long	 t;
	unsigned c = len > 0 ? num_lower(p[0]) : 0;

	/* The first letter first, as in num_strin. */
	for (k = 0; num_units[k] != NULL; k++)
		if ((unsigned char)num_units[k][0] == c &&
		    num_streq(p, len, num_units[k])) {
			*val = (long)k;
			return NUM_WC_UNIT;
		}
	for (k = 0; num_tens[k] != NULL; k++)
		if ((unsigned char)num_tens[k][0] == c &&
		    num_streq(p, len, num_tens[k])) {
			*val = 20 + 10 * (long)k;
			return NUM_WC_TENS;
		}
	if (num_strin(p, len, num_scales))
		return NUM_WC_SCALE;
	for (k = 1; k + 1 < len; k++)
		if (p[k] == '-') {
			if (num_word_class(p, k, &t) != NUM_WC_TENS ||
			    num_word_class(p + k + 1, len - k - 1, val) !=
			    NUM_WC_UNIT || *val < 1 || *val > 9)
				return NUM_WC_NONE;
			*val += t;
			return NUM_WC_UNIT;
		}
	return NUM_WC_NONE;
}

static enum num_wc
nf_word_class(const struct nf *f, size_t i, long *val)
{
	if (i >= f->nw)
		return NUM_WC_NONE;
	return num_word_class(f->w[i], f->n[i], val);
}

/*
 * Number words from word i: two, twenty five, one hundred and fifty, a
 * dozen, a million.  Returns the end, or i if there are none.
 */
static size_t
num_words(const struct nf *f, size_t i, struct num *nm)
{
	enum { S_START, S_ART, S_UNIT, S_TENS, S_SCALE, S_AND } st = S_START;
	enum num_wc c;
	size_t	 j = i;
	long	 v = -1, v2;

	if (nf_cap_inside(f, i))
		return i;
	/* a hundred, a million; not "a bn" */
	if (nf_eq(f, i, "a") && nf_word_class(f, i + 1, &v) == NUM_WC_SCALE &&
	    f->n[i + 1] > 3) {
		st = S_ART;
		j++;
	}
	for (; j < f->nw; j++) {
		c = nf_word_class(f, j, &v2);
		if (c == NUM_WC_UNIT && (st == S_START || st == S_SCALE ||
		    st == S_AND || (st == S_TENS && v2 >= 1 && v2 <= 9)))
			st = S_UNIT;
		else if (c == NUM_WC_TENS && (st == S_START || st == S_SCALE ||
		    st == S_AND))
			st = S_TENS;
		else if (c == NUM_WC_SCALE && st != S_START && st != S_AND) {
			st = S_SCALE;
			if (nf_in(f, j, num_big))
				nm->big = 1;
		} else if (st == S_SCALE && nf_eq(f, j, "and") &&
		    ((c = nf_word_class(f, j + 1, &v2)) == NUM_WC_UNIT ||
		    c == NUM_WC_TENS))
			st = S_AND;
		else
			break;
		if (j == i)
			v = v2;
	}
	if (j == i)
		return i;
	if (j == i + 1) {
		nm->value = v;
		nm->bare_one = v == 1 && nf_eq(f, i, "one");
	}
	return j;
}

/*
 * Reads a number N (see the table) at word i; money allows the scales m b
 * k after the digits.  Returns 1 and fills nm, or 0.
 */
static int
num_parse_at(const struct nf *f, size_t i, int money, struct num *nm)
{
	const unsigned char *p, *s;
	size_t	 len, sl, j;

	memset(nm, 0, sizeof(*nm));
	nm->value = -1;
	if (i >= f->nw)
		return 0;
	p = f->w[i];
	len = f->n[i];
	if (num_digits_word(p, len)) {
		nm->value = num_int(p, len);
		nm->digits = 1;
		j = i + 1;
		if (nm->value >= 0 && j < f->nw &&
		    num_fraction(f->w[j], f->n[j])) {
			nm->value = -1;
			j++;
		}
	} else if ((s = num_suffix(p, len, &sl, NULL)) != NULL &&
	    (num_strin(s, sl, num_scale_suffixes) ||
	    (money && num_strin(s, sl, num_money_scales)))) {
		nm->big = num_strin(s, sl, num_big);
		j = i + 1;
	} else if ((j = num_words(f, i, nm)) == i)
		return 0;
	while (j < f->nw && (nf_in(f, j, num_scales) ||
	    (money && nf_in(f, j, num_money_scales)))) {
		if (nf_in(f, j, num_big))
			nm->big = 1;
		nm->value = -1;
		nm->bare_one = 0;
		j++;
	}
	nm->end = j;
	return 1;
}

/* num_parse_at, remembered: most rules begin by reading the number at the
   word they start from, and the result depends on the words alone. */
static int
num_parse(const struct nf *f, size_t i, int money, struct num *nm)
{
	struct num_memo	*e = &f->memo[i % NUM_MEMO];

	if (e->i != i || e->money != money) {
		e->i = i;
		e->money = money;
		e->found = num_parse_at(f, i, money, &e->nm);
	}
	*nm = e->nm;
	return e->found;
}

/* "a share" or "per share" after an amount: 26 cents a share. */
static size_t
num_per_share(const struct nf *f, size_t j)
{
	static const char *const per[] = { "a", "per", NULL };

	if (nf_in(f, j, per) && nf_eq(f, j + 1, "share"))
		return j + 2;
	return j;
}

static size_t
m_money(const struct nf *f, size_t i)
{
	struct num nm;
	size_t	 j = i, k, c;

	if (nf_in_cs(f, j, num_cur_prefixes) && nf_is(f, j + 1, "$"))
		j++;
	if (nf_in_cs(f, j, num_cur_signs) || nf_in_cs(f, j, num_cur_codes)) {
		if (nf_is(f, j, "Rs") && nf_is(f, j + 1, "."))
			j++;
		if (!num_parse(f, j + 1, 1, &nm))
			return 0;
		return num_per_share(f, nm.end);
	}
	if (j != i || !num_parse(f, i, 0, &nm))
		return 0;
	k = nm.end;
	if (nf_in_cs(f, k, num_cur_codes))
		return k + 1;
	/* 5 million Canadian dollars, 3 billion Hong Kong dollars */
	for (c = 0; c < 3; c++) {
		if (nf_in(f, k + c, num_cur_words) ||
		    (nm.big && nf_in(f, k + c, num_cur_words_big)))
			return num_per_share(f, k + c + 1);
		if (!nf_cap(f, k + c))
			break;
	}
	return 0;
}

static size_t
m_percent(const struct nf *f, size_t i)
{
	static const char *const pct[] = { "percent", "pct", NULL };
	static const char *const points[] = { "point", "points", NULL };
	struct num nm;
	size_t	 k;

	if (!num_parse(f, i, 0, &nm))
		return 0;
	k = nm.end;
	if (nf_is(f, k, "%") || nf_in(f, k, pct))
		return k + 1;
	if (nf_eq(f, k, "per") && nf_eq(f, k + 1, "cent"))
		return k + 2;
	if (nf_eq(f, k, "percentage") && nf_in(f, k + 1, points))
		return k + 2;
	return 0;
}

/* A rate after a quantity: 100 barrels a day, 5 tons per year. */
static size_t
num_rate(const struct nf *f, size_t k)
{
	static const char *const per[] = { "a", "per", NULL };

	if (nf_in(f, k, per) && nf_in(f, k + 1, num_rate_units))
		return k + 2;
	return k;
}

static size_t
m_quantity(const struct nf *f, size_t i)
{
	static const char *const degrees[] = { "degree", "degrees", NULL };
	static const char *const per_hour[] = { "h", "hr", NULL };
	const unsigned char *s;
	struct num nm;
	size_t	 k, sl;

	if ((s = num_suffix(f->w[i], f->n[i], &sl, NULL)) != NULL &&
	    num_strin(s, sl, num_unit_suffixes))
		return num_rate(f, i + 1);
	if (!num_parse(f, i, 0, &nm))
		return 0;
	k = nm.end;
	if (nf_is(f, k, "\xc2\xb0") /* ° */) {
		if (nf_in(f, k + 1, num_temp_scales))
			return k + 2;
		return k + 1;
	}
	if (nf_is(f, k, "-"))
		k++;
	if (nf_in(f, k, num_unit_prefixes))
		k++;
	if (nf_in(f, k, degrees)) {
		if (nf_in(f, k + 1, num_temp_scales))
			return k + 2;
		return k + 1;
	}
	if (!nf_in(f, k, num_units_qty))
		return 0;
	if (nf_eq(f, k, "km") && nf_is(f, k + 1, "/") &&
	    nf_in(f, k + 2, per_hour))
		return k + 3;
	return num_rate(f, k + 1);
}

/* H:MM or H:MM:SS, a clock reading. */
static int
num_clock(const unsigned char *p, size_t len)
{
	size_t	 h;

	for (h = 0; h < len && num_isdigit(p[h]); h++)
		continue;
	if (h < 1 || h > 2 || (len != h + 3 && len != h + 6) ||
	    p[h] != ':' || num_int(p, h) > 24 ||
	    num_int(p + h + 1, 2) < 0 || num_int(p + h + 1, 2) > 59)
		return 0;
	return len == h + 3 || (p[h + 3] == ':' &&
	    num_int(p + h + 4, 2) >= 0 && num_int(p + h + 4, 2) <= 59);
}

static size_t
num_zone(const struct nf *f, size_t k)
{
	return nf_in_cs(f, k, num_zones) ? k + 1 : k;
}

static int
nf_weekday(const struct nf *f, size_t i)
{
	return nf_cap(f, i) && nf_in(f, i, num_weekdays);
}

static size_t
m_time(const struct nf *f, size_t i)
{
	static const char *const named[] = {
		"noon", "midnight", "midday", "tonight", NULL
	};
	static const char *const lead[] = {
		"this", "last", "yesterday", "tomorrow", NULL
	};
	static const char *const oclock[] = {
		"o'clock", "o\xe2\x80\x99" "clock", NULL
	};
	const unsigned char *s;
	struct num nm;
	size_t	 k, sl, nl;

	if (num_clock(f->w[i], f->n[i])) {
		k = i + 1;
		if (nf_in(f, k, num_ampm))
			k++;
		return num_zone(f, k);
	}
	/* 10pm, 9am, 10.30pm */
	if ((s = num_suffix(f->w[i], f->n[i], &sl, &nl)) != NULL &&
	    num_strin(s, sl, num_ampm)) {
		for (k = 0; k < nl && num_isdigit(f->w[i][k]); k++)
			continue;
		if (num_int(f->w[i], k) >= 1 && num_int(f->w[i], k) <= 12)
			return num_zone(f, i + 1);
		return 0;
	}
	if (nf_in(f, i, named))
		return num_zone(f, i + 1);
	/* 1330 GMT: four digits are a time only with a zone */
	if (f->n[i] == 4 && num_int(f->w[i], 2) >= 0 &&
	    num_int(f->w[i], 2) <= 23 && num_int(f->w[i] + 2, 2) >= 0 &&
	    num_int(f->w[i] + 2, 2) <= 59 && nf_in_cs(f, i + 1, num_zones))
		return i + 2;
	/* this morning, last night, Monday evening */
	if ((nf_in(f, i, lead) || nf_weekday(f, i)) &&
	    nf_in(f, i + 1, num_day_parts))
		return i + 2;
	if (!num_parse(f, i, 0, &nm))
		return 0;
	k = nm.end;
	if (nm.value >= 1 && nm.value <= 12) {
		if (nm.digits && nf_in(f, k, num_ampm))
			return num_zone(f, k + 1);
		if (nf_in(f, k, oclock))
			return k + 1;
	}
	return 0;
}

/*
 * A span of time from word i: five years, 24 - hour, a year ago, years
 * ago, 57 years old, 30 - year-old.  DATE or TIME by the unit.
 */
static size_t
m_span(const struct nf *f, size_t i, enum ent_type *type)
{
	static const char *const rel[] = { "ago", "earlier", "later", NULL };
	static const char *const art[] = { "a", "an", NULL };
	static const char *const vague[] = { "several", "few", NULL };
	static const char *const old[] = {
		"year", "years", "month", "months", "week", "weeks", "day",
		"days", NULL
	};
	enum { C_NONE, C_VAGUE, C_NUM } count = C_NONE;
	struct num nm;
	size_t	 j = i;

	if (num_parse(f, i, 0, &nm)) {
		j = nm.end;
		count = C_NUM;
		if (nf_is(f, j, "-"))
			j++;
	} else if (nf_in(f, i, art)) {
		j = nf_eq(f, i + 1, "few") ? i + 2 : i + 1;
		count = C_VAGUE;
	} else if (nf_in(f, i, vague)) {
		j = i + 1;
		count = C_VAGUE;
	}
	if (count == C_NUM && nf_in(f, j, num_age_units)) {
		*type = ENT_DATE;
		return j + 1;
	}
	if (nf_in(f, j, num_date_units))
		*type = ENT_DATE;
	else if (nf_in(f, j, num_time_units))
		*type = ENT_TIME;
	else
		return 0;
	if (nf_in(f, j + 1, rel))
		return j + 2;
	if (count != C_NUM)
		return 0;
	if (nf_in(f, j, old) && nf_eq(f, j + 1, "old"))
		return j + 2;
	return j + 1;
}

/*
 * A hyphenated word that is a number and a unit: three-year, two-year-old
 * (DATE), two-hour (TIME), five-mile (QUANTITY), first-quarter (DATE).
 */
static size_t
m_compound(const struct nf *f, size_t i, enum ent_type *type)
{
	static const char *const dunits[] = {
		"year", "day", "week", "month", "decade", "century",
		"quarter", NULL
	};
	static const char *const tunits[] = {
		"hour", "minute", "second", NULL
	};
	static const char *const periods[] = { "quarter", "half", NULL };
	const unsigned char *p = f->w[i], *r;
	size_t	 len = f->n[i], k, rl;
	long	 v;

	for (k = 1; k < len && p[k] != '-'; k++)
		continue;
	if (k >= len - 1 || nf_cap_inside(f, i))
		return 0;
	r = p + k + 1;
	rl = len - k - 1;
	if (num_word_ordinal(p, k)) {
		if (!num_strin(r, rl, periods))
			return 0;
		*type = ENT_DATE;
		return i + 1;
	}
	if (num_word_class(p, k, &v) == NUM_WC_TENS) {
		/* twenty-five-year: the number takes two parts */
		for (k = 0; k < rl && r[k] != '-'; k++)
			continue;
		if (k < rl && num_word_class(r, k, &v) == NUM_WC_UNIT &&
		    v >= 1 && v <= 9) {
			r += k + 1;
			rl -= k + 1;
		}
	} else if (num_word_class(p, k, &v) != NUM_WC_UNIT)
		return 0;
	if (rl > 4 && num_streq(r + rl - 4, 4, "-old"))
		rl -= 4;
	if (num_strin(r, rl, dunits))
		*type = ENT_DATE;
	else if (num_strin(r, rl, tunits) && rl == len - (size_t)(r - p))
		*type = ENT_TIME;
	else if (num_strin(r, rl, num_units_compound) &&
	    rl == len - (size_t)(r - p))
		*type = ENT_QUANTITY;
	else
		return 0;
	return i + 1;
}

/* A date in one word: 2024-01-05, 05/01/2024, 5.1.2024, 2019-20. */
static int
num_date_word(const unsigned char *p, size_t len)
{
	size_t	 part[4], plen[4], np = 0, k, s = 0;
	long	 a, b, c;

	if (!num_digits_word(p, len))
		return 0;
	for (k = 0; k <= len; k++) {
		if (k < len && num_isdigit(p[k]))
			continue;
		if (np == 3)
			return 0;
		part[np] = s;
		plen[np++] = k - s;
		if (k < len && p[k] != p[part[0] + plen[0]])
			return 0;	/* one kind of separator */
		s = k + 1;
	}
	if (np < 2 || (p[plen[0]] != '-' && p[plen[0]] != '/' &&
	    p[plen[0]] != '.'))
		return 0;
	/* 5-10-15 is a score or a code; dates with dashes have a full year */
	if (np == 3 && p[plen[0]] == '-' && plen[0] != 4 && plen[2] != 4)
		return 0;
	a = num_int(p + part[0], plen[0]);
	b = num_int(p + part[1], plen[1]);
	if (np == 2) {
		/* 2019-20, 2019-2024: a season or a range of years */
		if (plen[0] != 4 || a < 1800 || a > 2099 || p[4] == '.')
			return 0;
		if (plen[1] == 2)
			return b == (a + 1) % 100;
		return plen[1] == 4 && b > a && b <= 2099;
	}
	c = num_int(p + part[2], plen[2]);
	if (plen[0] == 4)	/* 2024-01-05 */
		return b >= 1 && b <= 12 && c >= 1 && c <= 31 && plen[2] <= 2;
	if (plen[0] > 2 || plen[1] > 2 || (plen[2] != 2 && plen[2] != 4))
		return 0;
	/* 05/01/2024 or 01/05/2024: day and month either way */
	return a >= 1 && a <= 31 && b >= 1 && b <= 31 && (a <= 12 || b <= 12);
}

/* 1990s, 90s. */
static int
num_decade(const unsigned char *p, size_t len)
{
	return (len == 3 || len == 5) && (p[len - 1] == 's') &&
	    p[len - 2] == '0' && num_int(p, len - 1) >= 0;
}

enum num_month {
	MON_NONE, MON_FULL, MON_MAY, MON_ABBR
};

/* A month name at word i; *end gets the word after it (and its period). */
static enum num_month
num_month_at(const struct nf *f, size_t i, size_t *end)
{
	size_t	 len;

	if (!nf_cap(f, i))
		return MON_NONE;
	*end = i + 1;
	if (nf_eq(f, i, "may"))
		return MON_MAY;
	if (nf_in(f, i, num_months))
		return MON_FULL;
	len = f->n[i];
	if (len > 1 && f->w[i][len - 1] == '.')
		len--;
	if (!num_strin(f->w[i], len, num_month_abbrs))
		return MON_NONE;
	if (len == f->n[i] && nf_is(f, i + 1, "."))
		*end = i + 2;
	return MON_ABBR;
}

/* A day of the month: 16, 4th. */
static int
nf_day(const struct nf *f, size_t i)
{
	long	 v;

	if (i >= f->nw)
		return 0;
	if (f->n[i] <= 2 && (v = num_int(f->w[i], f->n[i])) >= 1 && v <= 31)
		return 1;
	v = num_ordinal_value(f->w[i], f->n[i]);
	return v >= 1 && v <= 31;
}

/*
 * A date with a month name from word i: July 16 , 2025; July 16; July
 * 2025; 16 July 2025; 4th of July; July.  *day says whether it has a day.
 */
static size_t
m_month(const struct nf *f, size_t i, int *day)
{
	enum num_month m;
	size_t	 k;

	*day = 0;
	if ((m = num_month_at(f, i, &k)) != MON_NONE) {
		if (nf_day(f, k)) {
			*day = 1;
			k++;
			if (nf_is(f, k, ",") && nf_year(f, k + 1, 1000, 2999))
				return k + 2;
			if (nf_year(f, k, 1000, 2999))
				return k + 1;
			return k;
		}
		if (nf_year(f, k, 1000, 2999))
			return k + 1;
		/* June Carter, April Ryan, August Wilson: names */
		if (nf_cap(f, k) && !nf_weekday(f, k))
			return 0;
		if (m == MON_FULL ||
		    (m == MON_MAY && i > 0 && nf_in(f, i - 1, num_may_preps)))
			return k;
		return 0;
	}
	if (!nf_day(f, i))
		return 0;
	k = i + 1;
	if (num_digit_ordinal(f->w[i], f->n[i]) && nf_eq(f, k, "of"))
		k++;
	if (num_month_at(f, k, &k) == MON_NONE)
		return 0;
	*day = 1;
	return nf_year(f, k, 1000, 2999) ? k + 1 : k;
}

/* Is there a DATE from this call that ends at word k? */
static int
nf_date_before(const struct nf *f, size_t k)
{
	const struct ent_span *s;

	if (f->out->n <= f->base)
		return 0;
	s = &f->out->v[f->out->n - 1];
	return s->type == ENT_DATE && s->last == k;
}

/*
 * Does word k look like a plural noun: lower case, four letters or more,
 * ending in one s?  Then a four-digit number before it counts things:
 * "by 2000 votes", "of 1500 workers", "the 2000 employees".
 */
static int
nf_plural(const struct nf *f, size_t k)
{
	static const char *const adverbs[] = {
		"this", "thus", "plus", "hers", "unless", "whereas", "always",
		"perhaps", "afterwards", "towards", NULL
	};
	const unsigned char *p;
	size_t	 len;

	if (k >= f->nw || (len = f->n[k]) < 4)
		return 0;
	p = f->w[k];
	if (p[0] < 'a' || p[0] > 'z' || p[len - 1] != 's' ||
	    p[len - 2] == 's')
		return 0;
	return !nf_in(f, k, adverbs);
}

/* A year by its context: in 2025, the 2024 election, fiscal 2024. */
static size_t
m_year(const struct nf *f, size_t i)
{
	static const char *const the[] = {
		"the", "'s", "\xe2\x80\x99s", NULL
	};
	size_t	 j;

	if (nf_eq(f, i, "fiscal")) {
		j = nf_eq(f, i + 1, "year") ? i + 2 : i + 1;
		return nf_year(f, j, 1800, 2099) ? j + 1 : 0;
	}
	if (!nf_year(f, i, 1800, 2099) || i == 0 || nf_plural(f, i + 1))
		return 0;
	if (nf_in(f, i - 1, num_year_preps) ||
	    (nf_year(f, i, 1900, 2099) && nf_in(f, i - 1, the)) ||
	    (i >= 1 && nf_in(f, i - 1, num_date_links) &&
	    nf_date_before(f, i - 1)))
		return i + 1;
	return 0;
}

/* early 2025, late 1990s, mid July; mid-2025, mid-1990s, mid-July. */
static size_t
m_early(const struct nf *f, size_t i)
{
	static const char *const mod[] = { "early", "late", "mid", NULL };
	const unsigned char *p = f->w[i];
	size_t	 len = f->n[i], e;
	int	 day;

	if (len > 4 && num_streq(p, 4, "mid-")) {
		p += 4;
		len -= 4;
		if ((len == 4 && num_int(p, 4) >= 1000) ||
		    num_decade(p, len) ||
		    (num_isupper(p[0]) && num_strin(p, len, num_months)))
			return i + 1;
		return 0;
	}
	if (!nf_in(f, i, mod))
		return 0;
	if (nf_year(f, i + 1, 1000, 2999) ||
	    (i + 1 < f->nw && num_decade(f->w[i + 1], f->n[i + 1])))
		return i + 2;
	if ((e = m_month(f, i + 1, &day)) != 0)
		return e;
	return 0;
}

/* last week, this year, the previous quarter, the past two years. */
static size_t
m_relative(const struct nf *f, size_t i)
{
	static const char *const vague[] = { "few", "several", NULL };
	struct num nm;
	size_t	 j;
	int	 is_this = 0;

	if (nf_eq(f, i, "the")) {
		if (!nf_in(f, i + 1, num_rel_the))
			return 0;
		j = i + 2;
	} else if (nf_in(f, i, num_rel_bare)) {
		is_this = nf_eq(f, i, "this");
		j = i + 1;
		if (is_this && nf_eq(f, j, "past"))	/* this past weekend */
			j++;
	} else
		return 0;
	if (!is_this) {
		if (num_parse(f, j, 0, &nm))
			j = nm.end;
		else if (nf_in(f, j, vague))
			j++;
		else if (nf_eq(f, j, "couple") && nf_eq(f, j + 1, "of"))
			j += 2;
	}
	/* Units in lower case: "the Next Century Fund" is a name. */
	if (nf_in_cs(f, j, num_rel_units) || nf_weekday(f, j) ||
	    (nf_cap(f, j) && nf_in(f, j, num_months)))
		return j + 1;
	return 0;
}

/*
 * Q3, Q3 2024; the third quarter (of 2024); the first nine months of 1987;
 * the 21st century.
 */
static size_t
m_period(const struct nf *f, size_t i)
{
	static const char *const periods[] = {
		"quarter", "quarters", "half", "day", "days", "week", "weeks",
		"month", "months", "year", "years", NULL
	};
	const unsigned char *p = f->w[i];
	struct num nm;
	size_t	 j = i, k;

	if (f->n[i] == 2 && p[0] == 'Q' && p[1] >= '1' && p[1] <= '4')
		return nf_year(f, i + 1, 1000, 2999) ? i + 2 : i + 1;
	if (nf_eq(f, j, "the"))
		j++;
	if (j >= f->nw || nf_cap_inside(f, j) ||
	    !(num_word_ordinal(f->w[j], f->n[j]) ||
	    num_digit_ordinal(f->w[j], f->n[j])))
		return 0;
	if (nf_is(f, j + 1, "century"))
		return j + 2;
	k = j + 1;
	if (num_parse(f, k, 0, &nm))
		k = nm.end;
	if (!nf_in_cs(f, k, periods))
		return 0;
	k++;
	if (nf_eq(f, k, "of") && nf_year(f, k + 1, 1000, 2999))
		k += 2;
	return k;
}

static size_t
m_date(const struct nf *f, size_t i)
{
	static const char *const days[] = {
		"yesterday", "today", "tomorrow", NULL
	};
	const unsigned char *p = f->w[i];
	size_t	 len = f->n[i], best = 0, e, j;
	int	 day;

	if (num_date_word(p, len))
		return i + 1;
	if (num_decade(p, len) || nf_in(f, i, days))
		best = i + 1;
	if (nf_weekday(f, i)) {
		best = i + 1;
		/* Monday, July 16, 2025 */
		j = nf_is(f, i + 1, ",") ? i + 2 : i + 1;
		if ((e = m_month(f, j, &day)) != 0 && day)
			best = e;
	}
	if ((e = m_month(f, i, &day)) > best)
		best = e;
	if ((e = m_relative(f, i)) > best)
		best = e;
	if ((e = m_year(f, i)) > best)
		best = e;
	if ((e = m_early(f, i)) > best)
		best = e;
	if ((e = m_period(f, i)) > best)
		best = e;
	/* summer 2024, summer of 2024 */
	if (nf_in(f, i, num_seasons)) {
		j = nf_eq(f, i + 1, "of") ? i + 2 : i + 1;
		if (nf_year(f, j, 1000, 2999) && j + 1 > best)
			best = j + 1;
	}
	return best;
}

static size_t
m_ordinal(const struct nf *f, size_t i)
{
	if (num_digit_ordinal(f->w[i], f->n[i]))
		return i + 1;
	if (!num_word_ordinal(f->w[i], f->n[i]))
		return 0;
	/* the Third Way, First Republic: part of a name */
	if (nf_cap(f, i) && (nf_cap_inside(f, i) || nf_cap(f, i + 1)))
		return 0;
	return i + 1;
}

static size_t
m_cardinal(const struct nf *f, size_t i)
{
	struct num nm;

	if (!num_parse(f, i, 0, &nm) || nm.bare_one)
		return 0;
	return nm.end;
}

/* Keeps the longer match; on a tie, the one tried first. */
static void
num_pick(size_t end, enum ent_type type, size_t *best, enum ent_type *bt)
{
	if (end > *best) {
		*best = end;
		*bt = type;
	}
}

int
num_find(const unsigned char *const *w, const size_t *n, size_t nw,
    struct ent_vec *out)
{
	struct nf	 f;
	struct num_memo	 memo[NUM_MEMO];
	size_t		 i = 0, best, e;
	enum ent_type	 bt, t;

	f.w = w;
	f.n = n;
	f.nw = nw;
	f.out = out;
	f.base = out->n;
	f.memo = memo;
	for (e = 0; e < NUM_MEMO; e++)
		memo[e].i = SIZE_MAX;
	while (i < nw) {
		if (!nf_starter(&f, i)) {
			i++;
			continue;
		}
		best = i;
		bt = ENT_NONE;
		num_pick(m_money(&f, i), ENT_MONEY, &best, &bt);
		num_pick(m_percent(&f, i), ENT_PERCENT, &best, &bt);
		num_pick(m_quantity(&f, i), ENT_QUANTITY, &best, &bt);
		if ((e = m_compound(&f, i, &t)) != 0)
			num_pick(e, t, &best, &bt);
		num_pick(m_time(&f, i), ENT_TIME, &best, &bt);
		if ((e = m_span(&f, i, &t)) != 0)
			num_pick(e, t, &best, &bt);
		num_pick(m_date(&f, i), ENT_DATE, &best, &bt);
		num_pick(m_ordinal(&f, i), ENT_ORDINAL, &best, &bt);
		num_pick(m_cardinal(&f, i), ENT_CARDINAL, &best, &bt);
		if (bt == ENT_NONE) {
			i++;
			continue;
		}
		if (ent_vec_push(out, i, best, bt) == -1)
			return -1;
		i = best;
	}
	return 0;
}
