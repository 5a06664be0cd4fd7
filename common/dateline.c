/*
 * dateline: the place that opens a news story's first paragraph, written
 * in capitals before a dash (entity.h): "RIVERTON - The city council ...",
 * "WASHINGTON (Reuters) - ...", "SAN FRANCISCO, Calif. -- ...".  Wire
 * services and newspapers have written datelines so for a century (the
 * AP Stylebook's "datelines" entry); the entity model, trained on Reuters
 * text of 1996 whose datelines carry a date instead of a dash, often takes
 * a town it has never seen for an organisation.
 *
 * The rule, over the words of a sentence that opens a paragraph:
 *
 *   PLACE [, Word{1,3}] [( Word{1,4} )] DASH
 *
 * PLACE is one to four words in capitals (two letters or more, no digit),
 * none of them a section label ("UPDATE", "SOCCER"), and not together the
 * name of an organisation in the tagger's list of names (names.h: "NASA -
 * The agency ..."); the Words after the comma are capitalised ("Calif.",
 * "N.Y."); DASH is -, --, an en dash, an em dash or a horizontal bar; and
 * one of the five words after the dash is in lower case, running text,
 * so that neither a headline in capitals ("SOCCER - JAPAN GET LUCKY WIN")
 * nor a wire slug ("PRESS DIGEST - Romania - Aug 22", "IPO FILING -
 * Northeast Pennsylvania Financial", both in CoNLL-2003) is a dateline.
 * PLACE is LOC.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "entity.h"
#include "names.h"
#include "utf8.h"

/* The most words of each part of the rule. */
#define PLACE_MAX	4
#define REGION_MAX	3
#define SOURCE_MAX	4
#define TEXT_WITHIN	5	/* a word in lower case after the dash */

/* Section labels and wire slugs that open a story as a dateline would,
   in C-locale order. */
static const char *const labels[] = {
	"ADVISORY", "ANALYSIS", "BASEBALL", "BASKETBALL", "BOXING",
	"BREAKING", "BRIEF", "BRIEFS", "BUSINESS", "COMMENT", "CORRECTED",
	"CORRECTION", "CRICKET", "CYCLING", "DIGEST", "EDITORIAL",
	"ENTERTAINMENT", "EXCLUSIVE", "FACTBOX", "FEATURE", "FILING",
	"FOCUS", "FOOTBALL", "GOLF", "HEALTH", "HIGHLIGHTS", "HOCKEY",
	"INSIGHT", "INTERVIEW", "LIVE", "MARKETS", "NEWS", "OBITUARY",
	"OPINION", "PHOTOS", "POLITICS", "POLL", "PRESALE", "PREVIEW",
	"REFILE", "REVIEW", "RPT", "RUGBY", "SCIENCE", "SOCCER", "SPORT",
	"SPORTS", "TABLE", "TECH", "TENNIS", "UPDATE", "UPDATED", "VIDEO",
	"WATCH", "WORLD", "WRAPUP"
};

static int
is_label(const unsigned char *w, size_t n)
{
	return buf_in_list(w, n, labels, sizeof(labels) / sizeof(labels[0]));
}

/*
 * Letters of w[0..n): *upper and *lower count the cased ones; returns 0 if
 * w holds a digit or anything but letters, marks and . - ' (or is not
 * UTF-8), else 1.
 */
static int
letters(const unsigned char *w, size_t n, size_t *upper, size_t *lower)
{
	size_t	 i;
	int32_t	 cp;
	int	 r, only = 1;

	*upper = *lower = 0;
	for (i = 0; i < n; i += (size_t)r) {
		if ((r = utf8_decode(w + i, n - i, &cp)) <= 0)
			return 0;
		if (utf8proc_isupper(cp))
			(*upper)++;
		else if (utf8proc_islower(cp))
			(*lower)++;
		else if (cp != '.' && cp != '-' && cp != '\'' &&
		    cp != 0x2019 && utf8proc_category(cp) !=
		    UTF8PROC_CATEGORY_LO && utf8proc_category(cp) !=
		    UTF8PROC_CATEGORY_MN)
			only = 0;
	}
	return only;
}

/* A word in capitals: two capital letters or more, none in lower case. */
static int
is_capitals(const unsigned char *w, size_t n)
{
	size_t	 up, low;

	return letters(w, n, &up, &low) && up >= 2 && low == 0;
}

/* A word that starts with a capital ("Ohio", "Calif.", "N.Y."). */
static int
is_capitalised(const unsigned char *w, size_t n)
{
	int32_t	 cp;

	return n > 0 && utf8_decode(w, n, &cp) > 0 && utf8proc_isupper(cp);
}

/* A word in lower case: "city", "said". */
static int
is_lower_case(const unsigned char *w, size_t n)
{
	size_t	 up, low;

	(void)letters(w, n, &up, &low);
	return low > 0 && up == 0;
}

static int
is_word(const unsigned char *w, size_t n, const char *s)
{
	return n == strlen(s) && memcmp(w, s, n) == 0;
}

static int
is_dash(const unsigned char *w, size_t n)
{
	return is_word(w, n, "-") || is_word(w, n, "--") ||
	    is_word(w, n, "\xe2\x80\x93") ||	/* en dash */
	    is_word(w, n, "\xe2\x80\x94") ||	/* em dash */
	    is_word(w, n, "\xe2\x80\x95");	/* horizontal bar */
}

/*
 * Skips an optional part of the rule at *i: an opening word `open` (","
 * or "("), then 1 to max words, capitalised for a region, and for a source
 * up to the closing ")".  Returns 0 if the words at *i are not such a part,
 * leaving *i alone.
 */
static int
skip_part(const unsigned char *const *w, const size_t *n, size_t nw,
    size_t *i, const char *open, size_t max)
{
	size_t	 j = *i, k;

	if (j >= nw || !is_word(w[j], n[j], open))
		return 0;
	for (j++, k = 0; j < nw && k < max; j++, k++) {
		if (open[0] == '(' && is_word(w[j], n[j], ")"))
			break;
		/* "Calif." may come as "Calif" and "." */
		if (open[0] == ',' && !is_capitalised(w[j], n[j]) &&
		    !(k > 0 && is_word(w[j], n[j], ".")))
			break;
	}
	if (k == 0)
		return 0;
	if (open[0] == '(') {
		if (j >= nw || !is_word(w[j], n[j], ")"))
			return 0;
		j++;
	}
	*i = j;
	return 1;
}

/* Whether words [0, k) are a name in the built-in list but not a place. */
static int
is_other_name(const unsigned char *const *w, const size_t *n, size_t k)
{
	const struct name_entry *e;
	char	 key[128];
	size_t	 i, j, len = 0;

	for (i = 0; i < k; i++) {
		if (len + (i > 0) + n[i] > sizeof(key))
			return 0;
		if (i > 0)
			key[len++] = ' ';
		for (j = 0; j < n[i]; j++)
			key[len++] = (char)(w[i][j] >= 'A' && w[i][j] <= 'Z' ?
			    w[i][j] + ('a' - 'A') : w[i][j]);
	}
	e = names_find(key, len);
	return e != NULL && e->types != 0 && !(e->types & NAME_LOC);
}

size_t
ent_dateline(const unsigned char *const *w, const size_t *n, size_t nw)
{
	size_t	 i, place, k;

	for (place = 0; place < nw && place < PLACE_MAX; place++)
		if (!is_capitals(w[place], n[place]) ||
		    is_label(w[place], n[place]))
			break;
	if (place == 0 || (place < nw && is_capitals(w[place], n[place])) ||
	    is_other_name(w, n, place))
		return 0;
	i = place;
	(void)skip_part(w, n, nw, &i, ",", REGION_MAX);
	(void)skip_part(w, n, nw, &i, "(", SOURCE_MAX);
	if (i >= nw || !is_dash(w[i], n[i]))
		return 0;
	for (k = i + 1; k < nw && k <= i + TEXT_WITHIN; k++)
		if (is_lower_case(w[k], n[k]))
			return place;
	return 0;
}
