/*
 * sentence: English sentence boundaries for news text (see sentence.h).
 *
 * The rules follow the classic decision-list design of rule-based
 * splitters (Grefenstette and Tapanainen 1994; Mikheev 2002, "Periods,
 * capitalized words, etc."): a period ends a sentence unless the word before
 * it is an abbreviation or an initial, and an abbreviation ends one only
 * when the next word is capitalized and usually starts sentences.  Lines
 * matter in scraped news: list items and headlines are sentences of their
 * own.
 */
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "buf.h"
#include "sentence.h"
#include "token.h"

#include "commonwords_data.inc"

/* A headline has at most this many tokens on its line. */
#define HEADLINE_MAX	12

/*
 * Words that begin sentences far more often than they follow an
 * abbreviation inside one: after "U.S." or "Inc." they tip the balance to a
 * boundary.  Capitalized words not here ("U.S. Senate", "Acme Inc. Chief")
 * keep the sentence going.  Sorted for bsearch.
 */
static const char *const starters[] = {
	"A", "After", "Also", "Although", "An", "And", "Another", "Any", "As",
	"At", "Because", "Before", "Both", "But", "By", "Despite", "During",
	"Each", "Earlier", "Even", "Every", "For", "From", "Further", "He",
	"Her", "Here", "His", "How", "However", "I", "If", "In", "Instead",
	"It", "Its", "Last", "Later", "Many", "Meanwhile", "More", "Most",
	"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "My", "New", "No", "Not",
	"Now", "On", "One", "Only", "Or", "Our", "Over", "Several", "She",
	"Since", "So", "Some", "Such", "That", "The", "Their", "Then", "There",
	"These", "They", "This", "Those", "Thus", "To", "Two", "Under", "Unlike",
	"Until", "We", "What", "When", "Where", "Whether", "Which", "While",
	"Who", "Why", "With", "Yet", "You",
};

static int
is_starter(const unsigned char *p, size_t n)
{
	return buf_in_list(p, n, starters, sizeof(starters) /
	    sizeof(starters[0]));
}

static int
cmp_str(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* (sentence.h) Such a word capitalized owes its capital to its place:
   it starts a sentence. */
int
sent_common_word(const unsigned char *p, size_t n)
{
	char	 w[64];
	size_t	 i;

	if (n == 0 || n >= sizeof(w))
		return 0;
	for (i = 0; i < n; i++) {
		if (p[i] >= 'A' && p[i] <= 'Z')
			w[i] = (char)(p[i] + ('a' - 'A'));
		else if (p[i] >= 'a' && p[i] <= 'z')
			w[i] = (char)p[i];
		else
			return 0;
	}
	/* An ALL-CAPS word is an acronym or a shout, not a common word. */
	if (n > 1 && p[1] >= 'A' && p[1] <= 'Z')
		return 0;
	w[n] = '\0';
	return bsearch(w, common_words, sizeof(common_words) /
	    sizeof(common_words[0]), sizeof(common_words[0]), cmp_str) != NULL;
}

/*
 * Words after which no sentence ends: articles, coordinating conjunctions,
 * "of" and possessive determiners.  A line that ends in one is wrapped.
 */
static const char *const never_final[] = {
	"a", "an", "and", "but", "her", "his", "its", "my", "nor", "of", "or",
	"our", "the", "their", "whose", "your",
};

/* Is word p[0..n), in any case, one of never_final? */
static int
is_never_final(const unsigned char *p, size_t n)
{
	char	 w[8];
	size_t	 i;

	if (n >= sizeof(w))
		return 0;
	for (i = 0; i < n; i++)
		w[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + ('a' - 'A') :
		    p[i]);
	w[n] = '\0';
	return bsearch(w, never_final, sizeof(never_final) /
	    sizeof(never_final[0]), sizeof(never_final[0]), cmp_str) != NULL;
}

static int
known_abbrev(const unsigned char *w, size_t len, void *arg)
{
	const struct abbrev *a = arg;

	return a != NULL && abbrev_find(a, w, len) != ABBR_NONE;
}

/* Text of token t. */
#define TOK_P(s, t)	((s) + (t)->start)
#define TOK_N(t)	((t)->end - (t)->start)

static int
tok_is(const unsigned char *s, const struct tok *t, const char *str)
{
	size_t	 n = strlen(str);

	return TOK_N(t) == n && memcmp(TOK_P(s, t), str, n) == 0;
}

/* Closing quotes and brackets that stay with the sentence they end. */
static int
is_closer(const unsigned char *s, const struct tok *t)
{
	if (t->kind != TOK_PUNCT || (t->flags & TOK_SPACE_BEFORE))
		return 0;
	return tok_is(s, t, "\"") || tok_is(s, t, "'") || tok_is(s, t, ")") ||
	    tok_is(s, t, "]") || tok_is(s, t, "}") ||
	    tok_is(s, t, "\xE2\x80\x9D") || tok_is(s, t, "\xE2\x80\x99") ||
	    tok_is(s, t, "\xC2\xBB") || tok_is(s, t, "\xE2\x80\xBA");
}

/* Opening quotes and brackets, which may start a sentence. */
static int
is_opener(const unsigned char *s, const struct tok *t)
{
	return t->kind == TOK_PUNCT && (tok_is(s, t, "\"") ||
	    tok_is(s, t, "'") || tok_is(s, t, "(") || tok_is(s, t, "[") ||
	    tok_is(s, t, "\xE2\x80\x9C") || tok_is(s, t, "\xE2\x80\x98") ||
	    tok_is(s, t, "\xC2\xAB"));
}

/* See sentence.h. */
int
sent_is_bullet(const unsigned char *s, const struct tok *t)
{
	return (t->kind == TOK_SYMBOL || t->kind == TOK_PUNCT) &&
	    (tok_is(s, t, "\xE2\x80\xA2") || tok_is(s, t, "*") ||
	    tok_is(s, t, "-") || tok_is(s, t, "\xE2\x80\x93") ||
	    tok_is(s, t, "\xE2\x80\x94") || tok_is(s, t, "\xE2\x96\xAA") ||
	    tok_is(s, t, "\xE2\x97\x8F") || tok_is(s, t, "\xE2\x97\xA6") ||
	    tok_is(s, t, "\xE2\x80\xA3") || tok_is(s, t, "\xE2\x81\x83") ||
	    tok_is(s, t, "\xC2\xB7"));
}

/* Does a list item start at token i: a bullet, a dash, or "1." / "a)"? */
static int
list_marker(const unsigned char *s, const struct tok *v, size_t n, size_t i)
{
	const struct tok *t = &v[i];

	if (t->kind == TOK_SYMBOL || t->kind == TOK_PUNCT)
		return sent_is_bullet(s, t) && i + 1 < n &&
		    (v[i + 1].flags & TOK_SPACE_BEFORE);
	/* 1. 2) a) (the tokenizer keeps "a." as an initial) */
	if (i + 1 < n && (t->kind == TOK_NUMBER || (t->kind == TOK_WORD &&
	    TOK_N(t) == 1)) && !(v[i + 1].flags & TOK_SPACE_BEFORE) &&
	    (tok_is(s, &v[i + 1], ".") || tok_is(s, &v[i + 1], ")")))
		return i + 2 < n && (v[i + 2].flags & TOK_SPACE_BEFORE);
	if (t->kind == TOK_WORD && TOK_N(t) == 2 && TOK_P(s, t)[1] == '.')
		return i + 1 < n && (v[i + 1].flags & TOK_SPACE_BEFORE);
	return 0;
}

/* Is token t a sentence terminal: . ? ! runs, or an ellipsis? */
static int
terminal(const unsigned char *s, const struct tok *t)
{
	if (t->kind != TOK_PUNCT)
		return 0;
	return TOK_P(s, t)[0] == '.' || TOK_P(s, t)[0] == '?' ||
	    TOK_P(s, t)[0] == '!' || tok_is(s, t, "\xE2\x80\xA6");
}

static int
ellipsis(const unsigned char *s, const struct tok *t)
{
	return tok_is(s, t, "\xE2\x80\xA6") || (TOK_N(t) >= 2 &&
	    memcmp(TOK_P(s, t), "..", 2) == 0);
}

/* Is t a quotation mark (not a bracket)? */
static int
is_quote(const unsigned char *s, const struct tok *t)
{
	return t->kind == TOK_PUNCT && (tok_is(s, t, "\"") ||
	    tok_is(s, t, "'") || tok_is(s, t, "\xE2\x80\x9C") ||
	    tok_is(s, t, "\xE2\x80\x98") || tok_is(s, t, "\xC2\xAB"));
}

/*
 * Decides whether a sentence ends after the terminal v[ti], given the first
 * token after it and its closers, v[ni].
 */
static int
ends_after(const struct sent_config *cfg, const unsigned char *s,
    const struct tok *v, size_t ti, size_t ni)
{
	const struct tok *t = &v[ti], *next = &v[ni];
	enum abbrev_class ac = ABBR_NONE;
	int	 upper = (next->flags & TOK_UPPER_INITIAL) != 0;
	int	 lower = (next->flags & TOK_LOWER_INITIAL) != 0;
	int	 starter = upper && (is_starter(TOK_P(s, next), TOK_N(next)) ||
	    sent_common_word(TOK_P(s, next), TOK_N(next)));
	int	 closed = ni > ti + 1;

	/* A comma, semicolon or the like after the mark: the sentence goes
	 * on ("Yahoo!, the portal", "Why?; because"). */
	if (next->kind == TOK_PUNCT && !is_opener(s, next) &&
	    !terminal(s, next) && !tok_is(s, next, "-") &&
	    !tok_is(s, next, "--"))
		return 0;
	if (t->kind == TOK_PUNCT) {
		if (ellipsis(s, t))
			return upper || is_opener(s, next);
		/*
		 * A lower-case word after a full stop, or after ? and ! with
		 * no quote closing, starts a sentence when the word before
		 * the mark is a common word: informal text drops capitals
		 * ("they left. max stayed").  After a name or an unknown
		 * abbreviation ("approx. five", "Yahoo! shares") it does not
		 * (the orthographic evidence of Kiss and Strunk 2006).
		 */
		if (lower)
			return !closed && (next->flags & TOK_SPACE_BEFORE) &&
			    ti > 0 && v[ti - 1].kind == TOK_WORD &&
			    (v[ti - 1].flags & TOK_LOWER_INITIAL) &&
			    sent_common_word(TOK_P(s, &v[ti - 1]),
			    TOK_N(&v[ti - 1]));
		return 1;
	}
	if (lower)
		return 0;
	/* A word that kept its period: an abbreviation, an initial or a
	 * dotted initialism. */
	if (cfg->abbrev != NULL)
		ac = abbrev_find(cfg->abbrev, TOK_P(s, t), TOK_N(t) - 1);
	switch (ac) {
	case ABBR_TITLE:
		return 0;
	case ABBR_NUMBER:
	case ABBR_MONTH:
		if (next->kind == TOK_NUMBER)
			return 0;
		return upper;
	case ABBR_CORP:
	case ABBR_OTHER:
		/* "Inc. (NYSE: ACME)" goes on; a quotation starts anew. */
		return starter || is_quote(s, next);
	case ABBR_NONE:
		break;
	}
	/* An initial (J. R. R. Tolkien) goes on to the name. */
	if (TOK_N(t) == 2)
		return 0;
	/* A dotted initialism not in the lexicon (N.A.S.A.) */
	return starter || is_quote(s, next);
}

/*
 * Is the break before line token v[j] inside a sentence, although the line
 * v[line_start..j) has no final punctuation and is short enough for a
 * headline?  Yes if the line ends in a word no sentence ends with ("met
 * with the"), or if a name seems cut in two ("met with Jensen" / "Huang
 * said"): both words capitalized, neither a common word nor a sentence
 * starter, and the line written in running text (three lower-case words
 * or more), which a headline in title case or capitals is not.
 */
static int
wrapped_line(const unsigned char *s, const struct tok *v, size_t line_start,
    size_t j)
{
	const struct tok *last = &v[j - 1], *next = &v[j];
	size_t		 k, lower = 0;

	if (last->kind == TOK_WORD && is_never_final(TOK_P(s, last),
	    TOK_N(last)))
		return 1;
	if (last->kind != TOK_WORD || next->kind != TOK_WORD ||
	    !(last->flags & TOK_UPPER_INITIAL) ||
	    !(next->flags & TOK_UPPER_INITIAL) ||
	    sent_common_word(TOK_P(s, last), TOK_N(last)) ||
	    sent_common_word(TOK_P(s, next), TOK_N(next)) ||
	    is_starter(TOK_P(s, next), TOK_N(next)))
		return 0;
	for (k = line_start; k + 1 < j; k++)
		if (v[k].flags & TOK_LOWER_INITIAL)
			lower++;
	return lower >= 3;
}

/*
 * Footnote marks after a full stop stay with the sentence: "[17]", "[a]",
 * "[...]".  Returns the index after the mark, or i if there is none.
 */
static size_t
footnote_end(const unsigned char *s, const struct tok *v, size_t n, size_t i)
{
	size_t	 j;

	if (i >= n || !tok_is(s, &v[i], "["))
		return i;
	for (j = i + 1; j < n && j < i + 4; j++)
		if (tok_is(s, &v[j], "]"))
			break;
	if (j == n || j == i + 4 || j == i + 1 || (v[j].flags &
	    TOK_SPACE_BEFORE))
		return i;
	if (j == i + 2 && (v[i + 1].kind == TOK_NUMBER ||
	    (v[i + 1].kind == TOK_WORD && TOK_N(&v[i + 1]) <= 2) ||
	    ellipsis(s, &v[i + 1])))
		return j + 1;
	return i;
}

static int
push(struct sent_vec *out, const struct tok *v, size_t first, size_t last,
    int para)
{
	struct sent_span *p;
	size_t		 cap;

	if (out->n == out->cap) {
		cap = out->cap ? out->cap * 2 : 64;
		if ((p = realloc(out->v, cap * sizeof(*p))) == NULL)
			return -1;
		out->v = p;
		out->cap = cap;
	}
	p = &out->v[out->n++];
	p->start = v[first].start;
	p->end = v[last - 1].end;
	p->tok_start = first;
	p->tok_end = last;
	p->para_start = para;
	return 0;
}

int
sent_split(const struct sent_config *cfg, const unsigned char *s, size_t n,
    struct tok_vec *toks, struct sent_vec *out)
{
	const struct tok *v;
	size_t		 i, j, term, first = 0, nt, line_start = 0;
	int		 para = 1, brk, line_has_terminal = 0;

	toks->n = 0;
	out->n = 0;
	if (tok_split(s, n, known_abbrev, (void *)cfg->abbrev, toks) == -1)
		return -1;
	v = toks->v;
	nt = toks->n;
	if (cfg->continued && nt > 0) {
		para = (v[0].flags & TOK_BLANK_LINE_BEFORE) ||
		    (cfg->newline_paragraphs &&
		    (v[0].flags & TOK_NEWLINE_BEFORE));
		/* Mid-line: no headline rule for this sentence. */
		if (!(v[0].flags & TOK_NEWLINE_BEFORE))
			line_has_terminal = 1;
	}
	for (i = 0; i < nt; i++) {
		if (v[i].flags & TOK_NEWLINE_BEFORE) {
			line_start = i;
			line_has_terminal = 0;
		}
		if (i + 1 == nt)
			break;
		brk = 0;
		j = i + 1;
		/* The period of a list marker ("1." "a.") ends nothing. */
		if (i <= line_start + 1 && line_start == first &&
		    list_marker(s, v, nt, line_start) &&
		    !(v[j].flags & TOK_NEWLINE_BEFORE))
			continue;
		if (v[j].flags & TOK_BLANK_LINE_BEFORE)
			brk = 2;
		else if (v[j].flags & TOK_NEWLINE_BEFORE) {
			if (cfg->newline_paragraphs)
				brk = 2;
			else if (list_marker(s, v, nt, j))
				brk = 1;
			else if ((terminal(s, &v[i]) || (v[i].flags &
			    TOK_ENDS_WITH_PERIOD)) && ends_after(cfg, s, v, i,
			    j))
				brk = 1;
			else if (!terminal(s, &v[i]) && !line_has_terminal &&
			    i + 1 - line_start <= HEADLINE_MAX &&
			    line_start == first && !(v[j].flags &
			    TOK_LOWER_INITIAL) && v[i].kind != TOK_PUNCT &&
			    !(v[i].flags & TOK_ENDS_WITH_PERIOD) &&
			    !wrapped_line(s, v, line_start, j))
				/* A headline or a line with no final
				 * punctuation, before a line that starts a
				 * new thought. */
				brk = 1;
		} else if (terminal(s, &v[i]) ||
		    (v[i].flags & TOK_ENDS_WITH_PERIOD)) {
			/* Closers stay with the sentence they end. */
			term = i;
			/* A spaced ellipsis ". . ." is one mark. */
			if (tok_is(s, &v[i], ".") && tok_is(s, &v[j], ".") &&
			    !(v[j].flags & TOK_NEWLINE_BEFORE))
				continue;
			while (j < nt && is_closer(s, &v[j]) &&
			    !(v[j].flags & TOK_NEWLINE_BEFORE))
				j++;
			if (j < nt && !(v[j].flags & TOK_NEWLINE_BEFORE))
				j = footnote_end(s, v, nt, j);
			if (j == nt)
				break;
			if (v[j].flags & TOK_NEWLINE_BEFORE)
				brk = (v[j].flags & TOK_BLANK_LINE_BEFORE) ||
				    cfg->newline_paragraphs ? 2 :
				    list_marker(s, v, nt, j) ||
				    ends_after(cfg, s, v, term, j);
			else
				brk = ends_after(cfg, s, v, term, j);
			if (terminal(s, &v[term]))
				line_has_terminal = 1;
			if (brk)
				i = j - 1;
		}
		if (terminal(s, &v[i]))
			line_has_terminal = 1;
		if (brk) {
			if (push(out, v, first, i + 1, para) == -1)
				return -1;
			para = brk == 2;
			first = i + 1;
			/* A sentence that starts mid-line follows a terminal
			 * on its line. */
			line_has_terminal = !(v[first].flags &
			    TOK_NEWLINE_BEFORE);
		}
	}
	if (first < nt && push(out, v, first, nt, para) == -1)
		return -1;
	return 0;
}

void
sent_vec_free(struct sent_vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}
