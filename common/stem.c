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
	size_t		 len;		/* of suf */
	const char	*rep;
};

/* A rule: a suffix with its length, and what replaces it. */
#define STEM_R(suf, rep)	{ suf, sizeof(suf) - 1, rep }

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
stem_ends(const unsigned char *w, size_t n, const char *suf, size_t k)
{
	return k <= n && memcmp(w + n - k, suf, k) == 0;
}

/* Does w[0..n) end with the string literal lit? */
#define STEM_ENDS(w, n, lit)	stem_ends(w, n, lit, sizeof(lit) - 1)

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
		k = rules[i].len;
		if (k > bk && stem_ends(w, n, rules[i].suf, k)) {
			best = &rules[i];
			bk = k;
		}
	}
	if (best == NULL || stem_m(w, n - bk) <= min_m)
		return n;
	return stem_set(w, n, bk, best->rep);
}

static const struct stem_rule stem_step2[] = {
	STEM_R("ational", "ate"), STEM_R("tional", "tion"), STEM_R("enci", "ence"),
	STEM_R("anci", "ance"), STEM_R("izer", "ize"), STEM_R("abli", "able"),
	STEM_R("alli", "al"), STEM_R("entli", "ent"), STEM_R("eli", "e"),
	STEM_R("ousli", "ous"), STEM_R("ization", "ize"), STEM_R("ation", "ate"),
	STEM_R("ator", "ate"), STEM_R("alism", "al"), STEM_R("iveness", "ive"),
	STEM_R("fulness", "ful"), STEM_R("ousness", "ous"), STEM_R("aliti", "al"),
	STEM_R("iviti", "ive"), STEM_R("biliti", "ble")
};

static const struct stem_rule stem_step3[] = {
	STEM_R("icate", "ic"), STEM_R("ative", ""), STEM_R("alize", "al"),
	STEM_R("iciti", "ic"), STEM_R("ical", "ic"), STEM_R("ful", ""), STEM_R("ness", "")
};

/* Step 4 removes these when the measure before them is above 1; "ion"
 * only after s or t. */
static const struct stem_rule stem_step4[] = {
	STEM_R("al", ""), STEM_R("ance", ""), STEM_R("ence", ""), STEM_R("er", ""),
	STEM_R("ic", ""), STEM_R("able", ""), STEM_R("ible", ""), STEM_R("ant", ""),
	STEM_R("ement", ""), STEM_R("ment", ""), STEM_R("ent", ""), STEM_R("ion", ""),
	STEM_R("ou", ""), STEM_R("ism", ""), STEM_R("ate", ""), STEM_R("iti", ""),
	STEM_R("ous", ""), STEM_R("ive", ""), STEM_R("ize", "")
};

#define STEM_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static size_t
stem_step1(unsigned char *w, size_t n)
{
	int	 more = 0;

	/* 1a */
	if (STEM_ENDS(w, n, "sses") || STEM_ENDS(w, n, "ies"))
		n -= 2;
	else if (!STEM_ENDS(w, n, "ss") && STEM_ENDS(w, n, "s"))
		n--;
	/* 1b: "eed" is decided on its own, even when m is 0 */
	if (STEM_ENDS(w, n, "eed")) {
		if (stem_m(w, n - 3) > 0)
			n--;
	} else if (STEM_ENDS(w, n, "ed") && stem_vowel(w, n - 2)) {
		n -= 2;
		more = 1;
	} else if (STEM_ENDS(w, n, "ing") && stem_vowel(w, n - 3)) {
		n -= 3;
		more = 1;
	}
	if (more) {
		/* Room for the e: the word was at least 2 bytes longer. */
		if (STEM_ENDS(w, n, "at") || STEM_ENDS(w, n, "bl") ||
		    STEM_ENDS(w, n, "iz"))
			w[n++] = 'e';
		else if (stem_double(w, n) && w[n - 1] != 'l' &&
		    w[n - 1] != 's' && w[n - 1] != 'z')
			n--;
		else if (stem_m(w, n) == 1 && stem_cvc(w, n))
			w[n++] = 'e';
	}
	/* 1c */
	if (STEM_ENDS(w, n, "y") && stem_vowel(w, n - 1))
		w[n - 1] = 'i';
	return n;
}

static size_t
stem_step4_5(unsigned char *w, size_t n)
{
	size_t	 i, k, bk = 0;

	for (i = 0; i < STEM_NELEM(stem_step4); i++) {
		k = stem_step4[i].len;
		if (k > bk && stem_ends(w, n, stem_step4[i].suf, k))
			bk = k;
	}
	if (bk > 0 && stem_m(w, n - bk) > 1 &&
	    (bk != 3 || !STEM_ENDS(w, n, "ion") ||
	    (n > 3 && (w[n - 4] == 's' || w[n - 4] == 't'))))
		n -= bk;
	/* 5a */
	if (STEM_ENDS(w, n, "e")) {
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
