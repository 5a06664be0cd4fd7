/*
 * Unit tests for dateline: the place of a dateline that opens a news
 * story, over sentences as the news tokenizer splits them.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "entity.h"
#include "token.h"

#define MAXW	64

/* ent_dateline over the tokens of text. */
static size_t
place_words(const char *text)
{
	struct tok_vec	 toks = { 0 };
	const unsigned char *w[MAXW];
	size_t		 n[MAXW], i, r;

	cr_assert_eq(tok_split((const unsigned char *)text, strlen(text), NULL,
	    NULL, &toks), 0);
	cr_assert_lt(toks.n, MAXW);
	for (i = 0; i < toks.n; i++) {
		w[i] = (const unsigned char *)text + toks.v[i].start;
		n[i] = toks.v[i].end - toks.v[i].start;
	}
	r = ent_dateline(w, n, toks.n);
	tok_vec_free(&toks);
	return r;
}

Test(dateline, finds_the_place_before_the_dash)
{
	cr_assert_eq(place_words("RIVERTON - The council voted."), 1);
	cr_assert_eq(place_words("SAN FRANCISCO, Calif. -- Apple said."), 2);
	cr_assert_eq(place_words("WASHINGTON (Reuters) - The U.S. Senate "
	    "voted."), 1);
	cr_assert_eq(place_words("NEW YORK, N.Y. (AP) \xe2\x80\x94 Stocks "
	    "fell."), 2);
	cr_assert_eq(place_words("BEIRUT \xe2\x80\x93 A judge ruled."), 1);
	cr_assert_eq(place_words("S\xc3\x83O PAULO - Brazil's central bank "
	    "cut rates."), 2, "capitals beyond ASCII");
}

Test(dateline, is_not_a_headline_a_label_or_a_company)
{
	cr_assert_eq(place_words("SOCCER - JAPAN GET LUCKY WIN"), 0,
	    "a headline in capitals after the dash");
	cr_assert_eq(place_words("SOCCER - Japan won."), 0, "a section label");
	cr_assert_eq(place_words("PRESS DIGEST - Romania - Aug 22"), 0,
	    "a wire slug: no running text after the dash");
	cr_assert_eq(place_words("IPO FILING - Northeast Pennsylvania "
	    "Financial"), 0);
	cr_assert_eq(place_words("UPDATE 2-Oil rises"), 0);
	cr_assert_eq(place_words("ADVISORY - The story was moved."), 0);
	cr_assert_eq(place_words("WRAPUP - Stocks fell on the day."), 0);
	cr_assert_eq(place_words("PRESS DIGEST - Indonesian newspapers say "
	    "this."), 0, "a slug word");
	cr_assert_eq(place_words("NASA - The agency said."), 0,
	    "an organisation in the list of names");
	cr_assert_eq(place_words("In RIVERTON - the council voted."), 0);
	cr_assert_eq(place_words("RIVERTON said the council voted."), 0,
	    "no dash");
	cr_assert_eq(place_words("A B C D E - The end."), 0,
	    "single letters are no capitals");
	cr_assert_eq(place_words("ONE TWO THREE FOUR FIVE - Too long."), 0);
	cr_assert_eq(place_words("RIVERTON -"), 0, "nothing after the dash");
	cr_assert_eq(place_words("COVID19 - The virus spread."), 0,
	    "a digit");
}
