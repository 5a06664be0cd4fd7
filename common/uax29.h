/*
 * uax29: Unicode text segmentation, UAX #29 (revision 41, Unicode 15.0):
 * grapheme clusters (section 3), words (section 4) and sentences (section
 * 5), by the default rules of sections 3.1.1, 4.1.1 and 5.1.1 and nothing
 * else: no tailoring for abbreviations ("Mr. Smith" has a sentence boundary
 * after "Mr. ", as the standard says).  The English-aware splitter is
 * sentence.h; this module is the standard it starts from.
 *
 * Word and sentence properties come from the UCD files (WordBreakProperty,
 * SentenceBreakProperty, emoji-data for Extended_Pictographic), compiled
 * into tables by tools/gen_breakprops; grapheme clusters come from
 * utf8proc, whose tables are of the same Unicode version.
 *
 * Text is an array of code points.  A break array brk for n code points has
 * n + 1 entries: brk[i] is 1 iff there is a boundary before cp[i], so brk[0]
 * and brk[n] are 1 (rules GB1/GB2, WB1/WB2, SB1/SB2) and the segments are
 * the runs between consecutive 1s.  The functions never allocate, print or
 * fail, and run in time linear in n.  A value that is not a Unicode scalar
 * value (negative, a surrogate, past U+10FFFF) has the property Other.
 *
 * Streaming: the rules look ahead (WB6, WB7b, WB12 one character past
 * ignorables; SB8 without bound) and behind (WB7, WB7c, WB11; the
 * regional-indicator pairs of WB15/WB16; SB6 to SB11 past a terminator).
 * The *_safe_cut functions find where a caller holding only the start of a
 * stream can cut it: see their contracts below.
 */
#ifndef QUIRE_UAX29_H
#define QUIRE_UAX29_H

#include <stddef.h>
#include <stdint.h>

/* Word_Break property values (UAX #29, table 3). */
enum uax29_wb {
	WB_OTHER,
	WB_CR,
	WB_LF,
	WB_NEWLINE,
	WB_EXTEND,
	WB_ZWJ,
	WB_REGIONAL_INDICATOR,
	WB_FORMAT,
	WB_KATAKANA,
	WB_HEBREW_LETTER,
	WB_ALETTER,
	WB_SINGLE_QUOTE,
	WB_DOUBLE_QUOTE,
	WB_MIDNUMLET,
	WB_MIDLETTER,
	WB_MIDNUM,
	WB_NUMERIC,
	WB_EXTENDNUMLET,
	WB_WSEGSPACE
};

/* Sentence_Break property values (UAX #29, table 4). */
enum uax29_sb {
	SB_OTHER,
	SB_CR,
	SB_LF,
	SB_EXTEND,
	SB_SEP,
	SB_FORMAT,
	SB_SP,
	SB_LOWER,
	SB_UPPER,
	SB_OLETTER,
	SB_NUMERIC,
	SB_ATERM,
	SB_SCONTINUE,
	SB_STERM,
	SB_CLOSE
};

/* Returns the Word_Break property of cp, in constant time. */
enum uax29_wb	uax29_wb(int32_t cp);

/* Returns the Sentence_Break property of cp, in constant time. */
enum uax29_sb	uax29_sb(int32_t cp);

/* Returns 1 if cp is Extended_Pictographic (UTS #51), else 0; constant
 * time. */
int	uax29_extpict(int32_t cp);

/*
 * Each of these fills brk[0..n] (n + 1 entries, owned by the caller) with
 * the boundaries of cp[0..n), treated as a whole text: brk[i] = 1 iff there
 * is a boundary before cp[i]; brk[0] = brk[n] = 1.  With n == 0 only brk[0]
 * is written (1).  cp and brk must not overlap.
 */

/* Extended grapheme cluster boundaries (UAX #29 section 3.1.1), as
 * utf8proc_grapheme_break_stateful gives them. */
void	uax29_grapheme_breaks(const int32_t *cp, size_t n, unsigned char *brk);

/* Word boundaries (UAX #29 section 4.1.1, WB1 to WB999). */
void	uax29_word_breaks(const int32_t *cp, size_t n, unsigned char *brk);

/* Sentence boundaries (UAX #29 section 5.1.1, SB1 to SB998). */
void	uax29_sentence_breaks(const int32_t *cp, size_t n, unsigned char *brk);

/*
 * Safe cuts, for callers that see a stream a window at a time.  Suppose
 * cp[0..n) is the start of a longer text T.  A cut at i, 0 < i < n, is safe
 * when, whatever follows cp[n - 1] in T (even nothing):
 *
 *  (a) the boundaries of T at 0..i are those computed on cp[0..n) alone,
 *      brk[i] included; and
 *  (b) the boundaries of T after i are those computed on T[i..) alone,
 *      ignoring only the artificial brk[0] of that computation.
 *
 * So a streaming caller computes the breaks of its window, keeps brk[0..i],
 * drops cp[0..i), appends more text and repeats; at the end of the text it
 * keeps all the breaks of what is left.  The result equals the breaks of the
 * whole text.  Note that brk[i] may be 0: the cut need not fall on a
 * boundary.
 *
 * Each returns the largest safe cut it recognizes (the rules are in
 * uax29.c, with proofs), or 0 if none; it looks only at cp[0..n) and, in
 * ordinary text, only at its last few characters.  It does not find every
 * safe cut.  Text with none that it recognizes gives 0: for words, runs of
 * combining marks (Extend, Format, ZWJ) or of regional indicators; for
 * sentences, text with no letter and no paragraph separator (a table of
 * figures).  The caller must then hold more text or cut anyway.
 */
size_t	uax29_word_safe_cut(const int32_t *cp, size_t n);
size_t	uax29_sentence_safe_cut(const int32_t *cp, size_t n);

#endif /* QUIRE_UAX29_H */
