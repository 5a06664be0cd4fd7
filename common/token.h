/*
 * token: the news tokenizer.  Splits text into tokens the way English NER and
 * POS corpora are tokenized (Penn Treebank conventions, as CoNLL-2003 and the
 * UD English treebanks use): "Nvidia's" -> "Nvidia" "'s", "don't" -> "do"
 * "n't", "$2.5" -> "$" "2.5", punctuation apart; but "U.S.", "3.14",
 * "e-mail", URLs, e-mail addresses and file names kept whole.
 *
 * Offsets are bytes into the text given; tokens never include white space.
 */
#ifndef QUIRE_TOKEN_H
#define QUIRE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

/* What a token looks like, for the sentence splitter and the tagger. */
enum tok_kind {
	TOK_WORD = 1,	/* letters, maybe with inner ' - . (e-mail, U.S.) */
	TOK_NUMBER,	/* digits with inner . , : / (3.14, 1,000, 9/11) */
	TOK_PUNCT,	/* one mark, or a run of the same (..., ?!, --) */
	TOK_URL,	/* URL, e-mail address, file name, @handle, #tag */
	TOK_SYMBOL,	/* $ % & and other symbols; emoji */
	TOK_OTHER
};

struct tok {
	size_t		start, end;	/* [start, end) in bytes */
	enum tok_kind	kind;
	unsigned	flags;
};

/* tok.flags */
#define TOK_SPACE_BEFORE	0x01	/* white space precedes the token */
#define TOK_NEWLINE_BEFORE	0x02	/* a line break precedes it */
#define TOK_BLANK_LINE_BEFORE	0x04	/* an empty line precedes it */
#define TOK_UPPER_INITIAL	0x08	/* starts with an uppercase letter */
#define TOK_LOWER_INITIAL	0x10	/* starts with a lowercase letter */
#define TOK_ENDS_WITH_PERIOD	0x20	/* a word whose last char is '.' */

struct tok_vec {
	struct tok	*v;
	size_t		 n, cap;
};

/*
 * Appends the tokens of the valid UTF-8 text s[0..n) to out, offsets
 * counted from s.  `known_abbrev` decides whether a word followed by '.'
 * keeps the period ("Inc." one token) or not ("end" "."): it is called with
 * the word without its period and returns nonzero to keep it; NULL keeps
 * the period only on single letters and dotted initialisms (U.S.).
 * Returns 0, or -1 if out of memory.
 */
int	tok_split(const unsigned char *s, size_t n,
	    int (*known_abbrev)(const unsigned char *w, size_t len, void *arg),
	    void *arg, struct tok_vec *out);

void	tok_vec_free(struct tok_vec *);

#endif /* QUIRE_TOKEN_H */
