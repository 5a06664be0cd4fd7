/*
 * Unit tests for people (ent_people_*): a person named in full earlier in
 * a document is a person when one word of the name comes back alone.
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "entity.h"

#define MAXW	16

struct sent {
	const unsigned char *w[MAXW];
	size_t		 n[MAXW], nw;
	struct ent_vec	 spans;
};

/* Cuts the words of text at spaces. */
static void
words(struct sent *s, const char *text)
{
	const char	*p = text, *e;

	memset(s, 0, sizeof(*s));
	while (*p != '\0') {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		cr_assert_lt(s->nw, MAXW);
		s->w[s->nw] = (const unsigned char *)p;
		s->n[s->nw++] = (size_t)(e - p);
		p = *e == ' ' ? e + 1 : e;
	}
}

static void
span(struct sent *s, size_t first, size_t last, enum ent_type type)
{
	cr_assert_eq(ent_vec_push(&s->spans, first, last, type), 0);
}

/* The type of the span that starts at word first, or ENT_NONE. */
static enum ent_type
type_at(const struct sent *s, size_t first)
{
	size_t	 i;

	for (i = 0; i < s->spans.n; i++)
		if (s->spans.v[i].first == first)
			return s->spans.v[i].type;
	return ENT_NONE;
}

static void
apply(struct ent_people *p, struct sent *s)
{
	cr_assert_eq(ent_people_apply(p, s->w, s->n, s->nw, &s->spans), 0);
}

Test(people, a_surname_alone_becomes_a_person)
{
	struct ent_people p = { 0 };
	struct sent	 a, b, c;

	words(&a, "Paul Washington lost in New York");
	span(&a, 0, 2, ENT_PER);
	span(&a, 4, 6, ENT_LOC);
	apply(&p, &a);
	words(&b, "said Washington after the match");
	span(&b, 1, 2, ENT_LOC);
	apply(&p, &b);
	cr_assert_eq(type_at(&b, 1), ENT_PER);
	words(&c, "Washington came back in Washington State");
	span(&c, 4, 6, ENT_LOC);
	apply(&p, &c);
	cr_assert_eq(type_at(&c, 0), ENT_PER, "a word the model left out");
	cr_assert_eq(type_at(&c, 4), ENT_LOC, "a span of two words stays");
	ent_vec_free(&a.spans);
	ent_vec_free(&b.spans);
	ent_vec_free(&c.spans);
	ent_people_free(&p);
}

Test(people, what_the_rule_leaves_alone)
{
	struct ent_people p = { 0 };
	struct sent	 a, b;

	words(&a, "Ford met Jan Brazil , Oliver North and Ann Ford");
	span(&a, 0, 1, ENT_LOC);
	cr_assert_eq(type_at(&a, 0), ENT_LOC);
	span(&a, 2, 4, ENT_PER);
	span(&a, 5, 7, ENT_PER);
	span(&a, 8, 10, ENT_PER);
	apply(&p, &a);
	cr_assert_eq(type_at(&a, 0), ENT_LOC, "no person named yet");
	words(&b, "Jan 19 : Brazil and Ford in the North sea , Jan");
	span(&b, 3, 4, ENT_LOC);
	span(&b, 5, 6, ENT_MISC);
	apply(&p, &b);
	cr_assert_eq(type_at(&b, 0), ENT_NONE, "first names are not learned");
	cr_assert_eq(type_at(&b, 3), ENT_PER, "the last word is");
	cr_assert_eq(type_at(&b, 5), ENT_MISC, "used alone before: not learned");
	cr_assert_eq(type_at(&b, 8), ENT_NONE, "after an article");
	cr_assert_eq(type_at(&b, 11), ENT_NONE, "first names are not learned");
	ent_vec_free(&a.spans);
	ent_vec_free(&b.spans);
	ent_people_free(&p);
}

Test(people, organizations_keep_their_type)
{
	struct ent_people p = { 0 };
	struct sent	 a, b;

	words(&a, "Ronald Williams resigned");
	span(&a, 0, 2, ENT_PER);
	apply(&p, &a);
	words(&b, "Williams shares fell ; Williams said so");
	span(&b, 0, 1, ENT_ORG);
	apply(&p, &b);
	cr_assert_eq(type_at(&b, 0), ENT_ORG);
	cr_assert_eq(type_at(&b, 4), ENT_PER, "the word alone is the person");
	ent_vec_free(&a.spans);
	ent_vec_free(&b.spans);
	ent_people_free(&p);
}

Test(people, common_words_and_one_word_persons_teach_nothing)
{
	struct ent_people p = { 0 };
	struct sent	 a, b, c;

	words(&a, "Madonna sang with The Who");
	span(&a, 0, 1, ENT_PER);
	span(&a, 3, 5, ENT_PER);
	apply(&p, &a);
	words(&b, "Madonna Inn opened ; Who said so");
	span(&b, 0, 1, ENT_LOC);
	apply(&p, &b);
	cr_assert_eq(type_at(&b, 0), ENT_LOC, "a name of one word");
	cr_assert_eq(type_at(&b, 4), ENT_NONE, "a common word");
	words(&c, "Jensen Huang spoke");
	span(&c, 0, 2, ENT_PER);
	apply(&p, &c);
	ent_people_clear(&p);
	ent_vec_free(&b.spans);
	words(&b, "Huang rose");
	span(&b, 0, 1, ENT_LOC);
	apply(&p, &b);
	cr_assert_eq(type_at(&b, 0), ENT_LOC, "a new document");
	ent_vec_free(&a.spans);
	ent_vec_free(&b.spans);
	ent_vec_free(&c.spans);
	ent_people_free(&p);
}

Test(people, many_names_grow_the_set)
{
	struct ent_people p = { 0 };
	struct sent	 s;
	char		 text[64];
	int		 i;

	for (i = 0; i < 500; i++) {
		snprintf(text, sizeof(text), "Ann Lee%c%c spoke",
		    'a' + i % 26, 'a' + i / 26);
		words(&s, text);
		span(&s, 0, 2, ENT_PER);
		apply(&p, &s);
		ent_vec_free(&s.spans);
	}
	words(&s, "Leeaa and Leess left");
	apply(&p, &s);
	cr_assert_eq(type_at(&s, 0), ENT_PER);
	cr_assert_eq(type_at(&s, 2), ENT_PER);
	cr_assert_eq(p.n, 500);
	ent_vec_free(&s.spans);
	ent_people_free(&p);
}
