/*
 * seg: the streaming segmenter behind segment(1).  Takes a document in
 * pieces of valid UTF-8 and hands out its units in order: sentences (with
 * their tokens), graphemes or paragraphs, by the news rules (sentence.h,
 * token.h) or by Unicode's (UAX #29, uax29.h).
 *
 * Memory stays bounded: the text is held in a window of at most about
 * `window` bytes.  When it fills, the window is cut where the units before
 * the cut cannot depend on what follows: at a safe cut (UAX #29), before the
 * last grapheme, or, for news sentences, before the last sentences that
 * still have fewer than SEG_LOOKAHEAD tokens after their start.  A sentence
 * longer than the window with no boundary in it is cut where the window
 * ends.  Paragraph units are held whole.
 */
#ifndef QUIRE_SEG_H
#define QUIRE_SEG_H

#include <stddef.h>
#include <stdint.h>

#include "abbrev.h"
#include "buf.h"
#include "sentence.h"
#include "token.h"

enum seg_unit {
	SEG_SENTENCE,
	SEG_WORD,		/* sentences, with their tokens */
	SEG_GRAPHEME,
	SEG_PARAGRAPH
};

enum seg_scheme {
	SEG_NEWS,
	SEG_UAX29
};

struct seg_config {
	enum seg_unit	 unit;
	enum seg_scheme	 scheme;
	int		 newline_paragraphs;	/* every line break ends one */
	const struct abbrev *abbrev;		/* news scheme; may be NULL */
	size_t		 window;		/* bytes; 0 means 1 MiB */
};

/*
 * One unit handed to the caller.  Offsets are bytes into win, the text
 * window the segmenter holds; add off for offsets into the document.
 */
struct seg_item {
	const unsigned char *win;
	size_t		 off;		/* document offset of win[0] */
	size_t		 off_chars;	/* the same in code points */
	size_t		 start, end;	/* the unit: [start, end) in win */
	int		 para_start;	/* first unit of a paragraph */
	const struct tok *toks;		/* SEG_WORD: the sentence's tokens, */
	size_t		 ntoks;		/*   offsets in win too */
};

/* Called for each unit in order; return 0, or -1 to stop with an error. */
typedef int	(*seg_emit_fn)(void *arg, const struct seg_item *);

struct seg;

/* Parses a unit or scheme name; 0, or -1 if unknown. */
int	seg_unit_parse(const char *, enum seg_unit *);
int	seg_scheme_parse(const char *, enum seg_scheme *);

/* A new segmenter; NULL if out of memory. */
struct seg *seg_new(const struct seg_config *);

/* Feeds the next piece of the document; returns 0, or -1 if out of memory
 * or if emit failed. */
int	seg_feed(struct seg *, const unsigned char *s, size_t n,
	    seg_emit_fn emit, void *arg);

/* Ends the document: emits what is left and resets for the next. */
int	seg_finish(struct seg *, seg_emit_fn emit, void *arg);

void	seg_free(struct seg *);

#endif /* QUIRE_SEG_H */
