/*
 * sentence: English sentence boundaries for news text, on top of the news
 * tokenizer (token.h).  A candidate boundary follows . ? ! and ellipses,
 * with any closing quotes and brackets; it is kept or dropped by rules for
 * abbreviations (abbrev.h), initials, numbers, the case of the next word and
 * known sentence starters.  Line structure counts too: an empty line always
 * ends a sentence, list items and bullet lines are sentences of their own,
 * and a short line with no final punctuation (a headline) ends at its line
 * break.  With newline_paragraphs, every line break ends a sentence.
 */
#ifndef QUIRE_SENTENCE_H
#define QUIRE_SENTENCE_H

#include <stddef.h>

#include "abbrev.h"
#include "token.h"

struct sent_config {
	const struct abbrev *abbrev;	/* NULL: no abbreviations known */
	int		 newline_paragraphs;
	int		 continued;	/* the text goes on from earlier text,
					   right after a sentence ended: the
					   first token's flags say whether a
					   paragraph or a line starts */
};

struct sent_span {
	size_t		 start, end;	/* [start, end) bytes, no outer space */
	size_t		 tok_start, tok_end;	/* [first, last) token index */
	int		 para_start;	/* first sentence of a paragraph */
};

struct sent_vec {
	struct sent_span *v;
	size_t		 n, cap;
};

/*
 * Splits the valid UTF-8 text s[0..n) into sentences.  The tokens are
 * stored in toks (cleared first) and the sentences in out (cleared first);
 * each sentence covers whole tokens.  Returns 0, or -1 if out of memory.
 */
int	sent_split(const struct sent_config *, const unsigned char *s, size_t n,
	    struct tok_vec *toks, struct sent_vec *out);

void	sent_vec_free(struct sent_vec *);

/*
 * Is token t of text s a bullet that can mark a list item ("\u2022", "*",
 * "-", an en or em dash, "\u25AA", ...)?  The splitter starts a sentence
 * at one that begins a line and is followed by a space.
 */
int	sent_is_bullet(const unsigned char *s, const struct tok *t);

/*
 * Is the capitalized word p[0..n) one that news usually writes in lower
 * case (data/sentence/common-words.txt, learned by tools/learn_case)?  An
 * ALL-CAPS word never is: it is an acronym or a shout.
 */
int	sent_common_word(const unsigned char *p, size_t n);

#endif /* QUIRE_SENTENCE_H */
