/*
 * fix: repair of broken news text for normalize --fix (issue 6), in the
 * manner of Python's ftfy.  Each repair is a named fix:
 *
 *   encoding   mojibake: UTF-8 read as Windows-1252 or Latin-1 and written
 *              out again, once or twice (U+2019 as "a-circumflex, euro, TM"),
 *              also where a byte was then lost or replaced (U+00A0 made a
 *              space, an undefined byte made U+FFFD or dropped)
 *   entities   HTML character references: named (the HTML5 list), decimal
 *              and hexadecimal, always with their ';'
 *   ansi       ANSI terminal escapes (ECMA-48 CSI: ESC [ ... final byte)
 *   c1         C1 controls U+0080..U+009F that were Windows-1252 bytes
 *   space      a lost space between sentences ("restrictions.Nvidia")
 *   hyphens    a word hyphenated at a line end, when the joined word is a
 *              common word or was used unbroken earlier in the document
 *   bullets    runs of bullets (done by norm.c's NORM_BULLETS; listed here
 *              so that one option names every fix)
 *
 * The engine runs before norm.c: text goes in as pieces of valid UTF-8
 * (record.h) and comes out as valid UTF-8.  Inside, three stages run one
 * over the output of the other: ansi and entities, then encoding and c1,
 * then space and hyphens, so that a reference spelling mojibake or an
 * escape between glued sentences is repaired too.  Memory stays bounded:
 * each stage holds back FIX_LOOKAHEAD bytes and keeps a little decided
 * text as context, whatever the length of a line.  Every decision looks
 * only at a fixed window around its position and at what the document
 * held before it (whether mojibake was repaired; a bounded set of its
 * words), so the output does not depend on how the input was cut into
 * pieces.
 */
#ifndef QUIRE_FIX_H
#define QUIRE_FIX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define FIX_ENCODING	0x01
#define FIX_ENTITIES	0x02
#define FIX_ANSI	0x04
#define FIX_C1		0x08
#define FIX_BULLETS	0x10
#define FIX_SPACE	0x20
#define FIX_HYPHENS	0x40
#define FIX_ALL		0x7f

/* Bytes held back for look-ahead while a document is not finished. */
#define FIX_LOOKAHEAD	256

/* One change, for --explain. */
struct fix_change {
	uint64_t	 offset;	/* byte offset in the document fed */
	const unsigned char *old;	/* what was there, UTF-8 */
	size_t		 old_len;
	const unsigned char *new;	/* what it became, UTF-8 */
	size_t		 new_len;
	const char	*fix;		/* the fix's name: "encoding", ... */
};

/* Called for each change, at the end of the fix_feed or fix_finish call
 * that made it, in the order of offsets within that call; the memory is
 * the engine's and valid only during the call. */
typedef void	fix_explain_fn(void *arg, const struct fix_change *);

struct fix;

/*
 * Parses a comma-separated list of fix names ("encoding,entities") into
 * *flags (ORed in).  Returns 0, or -1 if a name is unknown or empty; then
 * *bad points at the offending name in list.
 */
int	fix_parse(const char *list, unsigned *flags, const char **bad);

/* The name of the single fix flag f ("encoding", ...), or NULL. */
const char *fix_name(unsigned f);

/*
 * Makes an engine for the fixes in flags (FIX_BULLETS is ignored here).
 * explain, if not NULL, is called with arg for each change.  Returns NULL
 * if out of memory; free it with fix_free.
 */
struct fix *fix_new(unsigned flags, fix_explain_fn *explain, void *arg);

/*
 * Repairs the next piece s[0..n) of a document, valid UTF-8 that may end
 * anywhere between two code points, and appends what is final to out
 * (valid UTF-8).  Returns 0, or -1 if out of memory.
 */
int	fix_feed(struct fix *, const unsigned char *s, size_t n,
	    struct buf *out);

/*
 * Ends the document: appends the rest to out and resets the engine for
 * the next document.  Returns 0 or -1 as fix_feed.
 */
int	fix_finish(struct fix *, struct buf *out);

/* Changes made since fix_new (all documents). */
uint64_t fix_count(const struct fix *);

void	fix_free(struct fix *);

/*
 * Decodes s[0..n), the text between '&' and ';' of a character reference
 * ("amp", "#8217", "#x2019"), into one or two code points cp[0..2).
 * Returns how many (1 or 2), or 0 if it is not a reference we decode.
 */
int	fix_entity_decode(const unsigned char *s, size_t n, int32_t cp[2]);

/* Is the ASCII lowercase word s[0..n) in the built-in common-word list? */
int	fix_common_word(const char *s, size_t n);

#endif /* QUIRE_FIX_H */
