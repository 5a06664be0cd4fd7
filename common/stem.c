/*
 * stem: Porter's algorithm (see stem.h), written from the paper.
 *
 * The paper's notation: a consonant is a letter other than a e i o u, and
 * other than y after a consonant; [C](VC)^m[V] is any word, m its measure.
 * *v* means the stem holds a vowel, *d that it ends in a double
 * consonant, *o that it ends consonant-vowel-consonant with the last not
 * w, x or y.  In each step of rules, the longest suffix that matches is
 * the one tried: if its condition fails, the step does nothing.
 */
#include <string.h>

#include "stem.h"

struct stem_rule {
	const char	*suf;
	const char	*rep;
};

/* Is w[i] a consonant? */
static int
stem_cons(const unsigned char *w, size_t i)
{
	switch (w[i]) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
		return 0;
	case 'y':
		return i == 0 || !stem_cons(w, i - 1);
	default:
		return 1;
	}
}

/* The measure m of w[0..n). */
static size_t
stem_m(const unsigned char *w, size_t n)
{
	size_t	 i = 0, m = 0;

	while (i < n && stem_cons(w, i))
		i++;
	for (;;) {
		while (i < n && !stem_cons(w, i))
			i++;
		if (i >= n)
			return m;
		while (i < n && stem_cons(w, i))
			i++;
		m++;
	}
}

/* *v*: does w[0..n) hold a vowel? */
static int
stem_vowel(const unsigned char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!stem_cons(w, i))
			return 1;
	return 0;
}

/* *d: does w[0..n) end in a double consonant? */
static int
stem_double(const unsigned char *w, size_t n)
{
	return n >= 2 && w[n - 1] == w[n - 2] && stem_cons(w, n - 1);
}

/* *o: does w[0..n) end cvc, the last c not w, x or y? */
static int
stem_cvc(const unsigned char *w, size_t n)
{
	return n >= 3 && stem_cons(w, n - 3) && !stem_cons(w, n - 2) &&
	    stem_cons(w, n - 1) && w[n - 1] != 'w' && w[n - 1] != 'x' &&
	    w[n - 1] != 'y';
}

static int
stem_ends(const unsigned char *w, size_t n, const char *suf)
{
	size_t	 k = strlen(suf);

	return k <= n && memcmp(w + n - k, suf, k) == 0;
}

/* Replaces the last k bytes of w[0..n) by rep; returns the new length. */
static size_t
stem_set(unsigned char *w, size_t n, size_t k, const char *rep)
{
	size_t	 r = strlen(rep);

	memcpy(w + n - k, rep, r);
	return n - k + r;
}

/*
 * Steps 2 and 3: the longest suffix of rules[] that w ends with is
 * replaced if the stem before it has a measure above min_m.
 */
static size_t
stem_step(unsigned char *w, size_t n, const struct stem_rule *rules,
    size_t nrules, size_t min_m)
{
	const struct stem_rule *best = NULL;
	size_t	 i, k, bk = 0;

	for (i = 0; i < nrules; i++) {
		k = strlen(rules[i].suf);
		if (k > bk && stem_ends(w, n, rules[i].suf)) {
			best = &rules[i];
			bk = k;
		}
	}
	if (best == NULL || stem_m(w, n - bk) <= min_m)
		return n;
	return stem_set(w, n, bk, best->rep);
}

static const struct stem_rule stem_step2[] = {
	{ "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" },
	{ "anci", "ance" }, { "izer", "ize" }, { "abli", "able" },
	{ "alli", "al" }, { "entli", "ent" }, { "eli", "e" },
	{ "ousli", "ous" }, { "ization", "ize" }, { "ation", "ate" },
	{ "ator", "ate" }, { "alism", "al" }, { "iveness", "ive" },
	{ "fulness", "ful" }, { "ousness", "ous" }, { "aliti", "al" },
	{ "iviti", "ive" }, { "biliti", "ble" }
};

static const struct stem_rule stem_step3[] = {
	{ "icate", "ic" }, { "ative", "" }, { "alize", "al" },
	{ "iciti", "ic" }, { "ical", "ic" }, { "ful", "" }, { "ness", "" }
};

/* Step 4 removes these when the measure before them is above 1; "ion"
 * only after s or t. */
static const struct stem_rule stem_step4[] = {
	{ "al", "" }, { "ance", "" }, { "ence", "" }, { "er", "" },
	{ "ic", "" }, { "able", "" }, { "ible", "" }, { "ant", "" },
	{ "ement", "" }, { "ment", "" }, { "ent", "" }, { "ion", "" },
	{ "ou", "" }, { "ism", "" }, { "ate", "" }, { "iti", "" },
	{ "ous", "" }, { "ive", "" }, { "ize", "" }
};

#define STEM_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static size_t
stem_step1(unsigned char *w, size_t n)
{
	int	 more = 0;

	/* 1a */
	if (stem_ends(w, n, "sses") || stem_ends(w, n, "ies"))
		n -= 2;
	else if (!stem_ends(w, n, "ss") && stem_ends(w, n, "s"))
		n--;
	/* 1b: "eed" is decided on its own, even when m is 0 */
	if (stem_ends(w, n, "eed")) {
		if (stem_m(w, n - 3) > 0)
			n--;
	} else if (stem_ends(w, n, "ed") && stem_vowel(w, n - 2)) {
		n -= 2;
		more = 1;
	} else if (stem_ends(w, n, "ing") && stem_vowel(w, n - 3)) {
		n -= 3;
		more = 1;
	}
	if (more) {
		/* Room for the e: the word was at least 2 bytes longer. */
		if (stem_ends(w, n, "at") || stem_ends(w, n, "bl") ||
		    stem_ends(w, n, "iz"))
			w[n++] = 'e';
		else if (stem_double(w, n) && w[n - 1] != 'l' &&
		    w[n - 1] != 's' && w[n - 1] != 'z')
			n--;
		else if (stem_m(w, n) == 1 && stem_cvc(w, n))
			w[n++] = 'e';
	}
	/* 1c */
	if (stem_ends(w, n, "y") && stem_vowel(w, n - 1))
		w[n - 1] = 'i';
	return n;
}

static size_t
stem_step4_5(unsigned char *w, size_t n)
{
	size_t	 i, k, bk = 0;

	for (i = 0; i < STEM_NELEM(stem_step4); i++) {
		k = strlen(stem_step4[i].suf);
		if (k > bk && stem_ends(w, n, stem_step4[i].suf))
			bk = k;
	}
	if (bk > 0 && stem_m(w, n - bk) > 1 &&
	    (bk != 3 || !stem_ends(w, n, "ion") ||
	    (n > 3 && (w[n - 4] == 's' || w[n - 4] == 't'))))
		n -= bk;
	/* 5a */
	if (stem_ends(w, n, "e")) {
		k = stem_m(w, n - 1);
		if (k > 1 || (k == 1 && !stem_cvc(w, n - 1)))
			n--;
	}
	/* 5b */
	if (stem_m(w, n) > 1 && stem_double(w, n) && w[n - 1] == 'l')
		n--;
	return n;
}

size_t
stem_porter(unsigned char *w, size_t n)
{
	size_t	 i;

	if (n <= 2)
		return n;
	for (i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return n;
	n = stem_step1(w, n);
	n = stem_step(w, n, stem_step2, STEM_NELEM(stem_step2), 0);
	n = stem_step(w, n, stem_step3, STEM_NELEM(stem_step3), 0);
	return stem_step4_5(w, n);
}
