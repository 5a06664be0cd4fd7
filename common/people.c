/*
 * people: the people a document has named, so that a later mention of one
 * by the surname alone is a person too (see entity.h, ent_people_apply).
 *
 * News names a person in full once and then by the surname: "Eddie
 * Jordan ... Jordan said".  The model tags the short mention from its own
 * few words, and a surname that is also a place ("Jordan", "Washington",
 * "Holland") can come out as one although the document has said who it
 * is.  Ratinov and Roth (2009) feed such evidence to the model; this is
 * the rule-based form of it that Mikheev, Moens and Grover (1999) apply
 * after tagging.  On CoNLL-2003 dev it makes 18 places and 6 missed
 * words the people they are, and no right tag wrong.
 *
 * The model's mistakes must not spread, so the rule stays narrow.  Only
 * the last word of a person's name of two words or more is learned, not
 * the first ("Energy" of a wrong "Energy Subroto"), and not a word the
 * document has already used alone as a place, an organization or another
 * name ("Brazil" before a wrong "Funaro Brazil"), nor one news writes in
 * lower case ("The" of a wrong "The Beatles").  Organizations keep their
 * type (a company is often named after a person: "Williams", "Shearson"),
 * and nothing after an article changes ("the North sea" after "Oliver
 * North").
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entity.h"
#include "feat.h"		/* feat_hash: the word as written */
#include "sentence.h"	/* sent_common_word */

/* Words kept per document, a bound on memory for a document of many
   thousand names; past it, no more are learned. */
#define PEOPLE_MAX	4096

enum { PART = 1, OTHER = 2 };	/* a person's name; alone as another type */

/* The slot of key in the open-addressing table (at most half full): the
   key's, or the empty one where it would go. */
static size_t
people_slot(const uint64_t *keys, size_t cap, uint64_t key)
{
	size_t	 i;

	for (i = key & (cap - 1); keys[i] != 0 && keys[i] != key;
	    i = (i + 1) & (cap - 1))
		;
	return i;
}

/* The key of word w[0..n): its hash, never 0 (an empty slot). */
static uint64_t
people_key(const unsigned char *w, size_t n)
{
	return feat_hash(w, n) | 1;
}

/* PART, OTHER, or 0 if the word of key is not known. */
static int
people_kind(const struct ent_people *p, uint64_t key)
{
	size_t	 i;

	if (p->cap == 0)
		return 0;
	i = people_slot(p->keys, p->cap, key);
	return p->keys[i] == key ? p->kind[i] : 0;
}

/* Records the word of key as kind, unless it is known already. */
static int
people_learn(struct ent_people *p, uint64_t key, int kind)
{
	uint64_t	*keys;
	unsigned char	*kinds;
	size_t		 cap, i, j;

	if (p->n == PEOPLE_MAX || people_kind(p, key) != 0)
		return 0;
	if (2 * (p->n + 1) > p->cap) {
		cap = p->cap ? p->cap * 2 : 64;
		keys = calloc(cap, sizeof(*keys));
		kinds = calloc(cap, sizeof(*kinds));
		if (keys == NULL || kinds == NULL) {
			free(keys);
			free(kinds);
			return -1;
		}
		for (i = 0; i < p->cap; i++)
			if (p->keys[i] != 0) {
				j = people_slot(keys, cap, p->keys[i]);
				keys[j] = p->keys[i];
				kinds[j] = p->kind[i];
			}
		free(p->keys);
		free(p->kind);
		p->keys = keys;
		p->kind = kinds;
		p->cap = cap;
	}
	i = people_slot(p->keys, p->cap, key);
	p->keys[i] = key;
	p->kind[i] = (unsigned char)kind;
	p->n++;
	return 0;
}

/* Does w start with an uppercase ASCII letter or a non-ASCII byte (the
   model has judged the word a name already)? */
static int
capital_first(const unsigned char *w)
{
	return (w[0] >= 'A' && w[0] <= 'Z') || w[0] >= 0x80;
}

/* Is w[0..n) capitalized and not a word news writes in lower case? */
static int
name_like(const unsigned char *w, size_t n)
{
	return n > 0 && capital_first(w) && !sent_common_word(w, n);
}

/*
 * May word j of w[0..nw), in no span, be a person on its own?  It must be
 * name-like, of two letters or more, end in a letter ("Jr." and initials
 * do not) and not be followed by a number ("Jan 19").
 */
static int
alone(const unsigned char *const *w, const size_t *n, size_t nw, size_t j)
{
	unsigned char	 c = w[j][n[j] - 1];

	if (n[j] < 2 || !name_like(w[j], n[j]) || c == '.' || c == '\'' ||
	    (c >= '0' && c <= '9'))
		return 0;
	return j + 1 == nw || !(w[j + 1][0] >= '0' && w[j + 1][0] <= '9');
}

/* Does an article come before word j ("the North sea")? */
static int
after_article(const unsigned char *const *w, const size_t *n, size_t j)
{
	const unsigned char *a;

	if (j == 0)
		return 0;
	a = w[j - 1];
	switch (n[j - 1]) {
	case 1:
		return a[0] == 'a' || a[0] == 'A';
	case 2:
		return (a[0] == 'a' || a[0] == 'A') && a[1] == 'n';
	case 3:
		return (a[0] == 't' || a[0] == 'T') && a[1] == 'h' &&
		    a[2] == 'e';
	}
	return 0;
}

int
ent_people_apply(struct ent_people *p, const unsigned char *const *w,
    const size_t *n, size_t nw, struct ent_vec *spans)
{
	struct ent_span	*s;
	uint64_t	 key;
	size_t		 i, j, n0 = spans->n;

	/* In order, so that one sweep finds the words in none. */
	if (n0 > 1)
		qsort(spans->v, n0, sizeof(*spans->v), ent_span_cmp);
	for (i = 0; i < n0; i++) {
		s = &spans->v[i];
		if (s->last != s->first + 1 || (s->type != ENT_ORG &&
		    s->type != ENT_LOC && s->type != ENT_MISC))
			continue;
		key = people_key(w[s->first], n[s->first]);
		if (s->type != ENT_ORG && !after_article(w, n, s->first) &&
		    people_kind(p, key) == PART)
			s->type = ENT_PER;
		else if (people_learn(p, key, OTHER) == -1)
			return -1;
	}
	/* A word of a person's name that the model left out. */
	for (i = j = 0; p->n > 0 && j < nw; j++) {
		while (i < n0 && spans->v[i].last <= j)
			i++;
		if (i < n0 && spans->v[i].first <= j)
			continue;
		/* The capital first: most words have none. */
		if (!capital_first(w[j]))
			continue;
		if (people_kind(p, people_key(w[j], n[j])) == PART &&
		    alone(w, n, nw, j) &&
		    !after_article(w, n, j) &&
		    ent_vec_push(spans, j, j + 1, ENT_PER) == -1)
			return -1;
	}
	for (i = 0; i < n0; i++) {
		s = &spans->v[i];
		if (s->type != ENT_PER || s->last - s->first < 2)
			continue;
		if (name_like(w[s->last - 1], n[s->last - 1]) && people_learn(p,
		    people_key(w[s->last - 1], n[s->last - 1]), PART) == -1)
			return -1;
	}
	return 0;
}

void
ent_people_clear(struct ent_people *p)
{
	if (p->n > 0)
		memset(p->keys, 0, p->cap * sizeof(*p->keys));
	p->n = 0;
}

void
ent_people_free(struct ent_people *p)
{
	free(p->keys);
	free(p->kind);
	p->keys = NULL;
	p->kind = NULL;
	p->n = p->cap = 0;
}
