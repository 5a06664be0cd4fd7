/*
 * norm: the normalize engine.  Unicode normalization forms (UAX #15) through
 * utf8proc, the always-on clean-up of DESIGN.md (line ends, invisible and
 * control characters), and the optional lossy rewrites of normalize(1).
 *
 * Text is fed in pieces of valid UTF-8 and comes out in pieces; memory stays
 * bounded whatever the length of a line, because the engine only holds back
 * what normalization might still join to the next piece.  A boundary is safe
 * before an "inert" character: one that maps to itself under the chosen form
 * and options, has canonical combining class 0, and is never the second
 * character of a canonical composition (ICU calls this "has a boundary
 * before"; it is NFC_Quick_Check=Yes for a starter).  Everything before it
 * can be normalized on its own and written out.
 *
 * The stages, in order: clean-up (unless NORM_RAW); the normalization form
 * with NORM_CASEFOLD and NORM_STRIP_MARKS; then NORM_QUOTES, NORM_DASHES,
 * NORM_ELLIPSIS, NORM_ASCII; then NORM_BULLETS and NORM_SQUEEZE.
 */
#ifndef QUIRE_NORM_H
#define QUIRE_NORM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum norm_form {
	NORM_NONE,
	NORM_NFC,
	NORM_NFD,
	NORM_NFKC,
	NORM_NFKD
};

#define NORM_CASEFOLD		0x001	/* full case folding */
#define NORM_STRIP_MARKS	0x002	/* drop combining marks (Mn Mc Me) */
#define NORM_QUOTES		0x004	/* curly quotes to ' and " */
#define NORM_DASHES		0x008	/* dashes and minus to - */
#define NORM_ELLIPSIS		0x010	/* U+2026 to ... */
#define NORM_BULLETS		0x020	/* runs of bullets to one */
#define NORM_ASCII		0x040	/* transliterate to ASCII */
#define NORM_SQUEEZE		0x080	/* runs of spaces to one, no trailing */
#define NORM_RAW		0x100	/* no clean-up stage */

struct norm_opts {
	enum norm_form	form;
	unsigned	flags;
};

/* What the engine could not do as asked, for the filter to report. */
struct norm_stats {
	uint64_t	no_ascii;	/* NORM_ASCII: characters kept as is */
	uint64_t	forced_cuts;	/* pieces cut without a safe boundary */
};

struct norm;

/*
 * Looks up a form by name ("nfc", "nfd", "nfkc", "nfkd", "none"); returns 0
 * and stores it, or -1 if the name is unknown.
 */
int	norm_form_parse(const char *name, enum norm_form *);

/*
 * Sets *o to the preset named name: "safe" (NFC and the clean-up), "nlp",
 * "search" or "ascii" (see normalize(1)).  Returns 0, or -1 if unknown.
 */
int	norm_profile(const char *name, struct norm_opts *o);

/*
 * Checks a combination of options; returns NULL if it is usable, else a
 * static message (NORM_STRIP_MARKS needs a form other than NORM_NONE).
 */
const char *norm_opts_check(const struct norm_opts *);

/* Makes an engine for o (checked with norm_opts_check); NULL if out of
 * memory.  Free it with norm_free. */
struct norm *norm_new(const struct norm_opts *o);

/*
 * Normalizes the next piece s[0..n) of a document, which must be valid UTF-8
 * (record.h guarantees it) and may end anywhere between two code points.
 * Appends what is final to out.  Returns 0, or -1 if out of memory.
 */
int	norm_feed(struct norm *, const unsigned char *s, size_t n,
	    struct buf *out);

/*
 * Ends the document: appends what was held back to out and resets the
 * state for the next document.  Returns 0 or -1 as norm_feed.
 */
int	norm_finish(struct norm *, struct buf *out);

/* Counts since norm_new or the last norm_stats_take, then zeroes them. */
struct norm_stats norm_stats_take(struct norm *);

void	norm_free(struct norm *);

#endif /* QUIRE_NORM_H */
