/*
 * utf8: decoding, encoding and repair of UTF-8 (RFC 3629, Unicode 15.0
 * section 3.9, table 3-7).
 *
 *   code points          byte 1    byte 2    byte 3    byte 4
 *   U+0000..U+007F       00..7F
 *   U+0080..U+07FF       C2..DF    80..BF
 *   U+0800..U+0FFF       E0        A0..BF    80..BF
 *   U+1000..U+CFFF       E1..EC    80..BF    80..BF
 *   U+D000..U+D7FF       ED        80..9F    80..BF
 *   U+E000..U+FFFF       EE..EF    80..BF    80..BF
 *   U+10000..U+3FFFF     F0        90..BF    80..BF    80..BF
 *   U+40000..U+FFFFF     F1..F3    80..BF    80..BF    80..BF
 *   U+100000..U+10FFFF   F4        80..8F    80..BF    80..BF
 *
 * Anything else is ill-formed: overlongs (C0, C1, E0 80..9F, F0 80..8F),
 * surrogates (ED A0..BF), values past U+10FFFF (F4 90.., F5..FF) and stray
 * continuation bytes.  Repair follows the "maximal subpart" practice of
 * Unicode section 3.9 (U+FFFD substitution, as W3C/WHATWG encoders do): each
 * maximal prefix of a well-formed sequence, or else each single bad byte,
 * becomes one U+FFFD.
 */
#ifndef QUIRE_UTF8_H
#define QUIRE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decodes one sequence from s[0..n), n >= 1.  On success stores the code
 * point in *cp and returns its length (1..4).  On ill-formed input returns
 * the negated length of the maximal subpart to replace (-1..-3) and stores
 * UTF8_REPLACEMENT.  If s ends inside a sequence that could still be
 * completed, returns 0 (more input needed); at the real end of input the
 * caller treats that as -n.
 */
int	utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encodes scalar value cp into out (room for 4 bytes); returns the length. */
int	utf8_encode(int32_t cp, unsigned char *out);

/* Returns the number of code points in valid UTF-8 s[0..n). */
size_t	utf8_count(const unsigned char *s, size_t n);

/*
 * A streaming repairer.  Feed it chunks of any size; it appends the valid
 * UTF-8 to an output buffer with ill-formed sequences replaced by U+FFFD,
 * carrying an incomplete sequence at the end of a chunk over to the next.
 */
struct utf8_fixer {
	unsigned char	tail[4];	/* incomplete sequence carried over */
	size_t		ntail;
	uint64_t	offset;		/* bytes consumed so far */
	uint64_t	nbad;		/* ill-formed sequences replaced */
	uint64_t	first_bad;	/* byte offset of the first, if nbad */
	int		cp1252;		/* read each ill-formed byte as
					 * Windows-1252 instead (set after
					 * utf8_fixer_init); undefined bytes
					 * still become U+FFFD */
};

/* Resets the state for a new stream. */
void	utf8_fixer_init(struct utf8_fixer *);

/*
 * Appends the repaired form of s[0..n) to out (with cp1252 set, each byte of
 * an ill-formed sequence as the Windows-1252 character; nbad still counts
 * the sequences).  If stop_at_bad is set, stops
 * at the first ill-formed sequence instead, returning 1 (first_bad names its
 * offset).  Returns 0 on success, -1 if out cannot grow.
 */
int	utf8_fixer_feed(struct utf8_fixer *, const unsigned char *s, size_t n,
	    struct buf *out, int stop_at_bad);

/* Ends the stream: a pending incomplete sequence becomes U+FFFD.  Same
 * returns as utf8_fixer_feed. */
int	utf8_fixer_finish(struct utf8_fixer *, struct buf *out, int stop_at_bad);

#endif /* QUIRE_UTF8_H */
