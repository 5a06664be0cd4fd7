/*
 * stopwords: the stop-word list of extract-keypoints: words too common to
 * tell one sentence's subject from another's.  The built-in list
 * (data/stopwords/en.yaml, compiled in) and users' additions (--stopwords
 * FILE) are YAML lists (yamlcfg.h); a map's keys count as words too.
 * Words are kept in lower case (full Unicode case folding, utf8proc), so a
 * lookup of a lower-cased word matches whatever case the list used.
 */
#ifndef QUIRE_STOPWORDS_H
#define QUIRE_STOPWORDS_H

#include <stddef.h>

#include "buf.h"
#include "yamlcfg.h"

struct stopwords;

/* Makes an empty list; NULL if out of memory. */
struct stopwords *stop_new(void);

/* Adds the built-in words.  Returns 0; -1 with err filled if the built-in
 * YAML is broken (a bug); -2 if out of memory. */
int	stop_load_builtin(struct stopwords *, struct lex_error *err);

/* Adds the words of a user's YAML file.  Returns 0; -1 with err filled
 * (line and column from 1; line 0 for an I/O error, msg then being
 * strerror's); -2 if out of memory. */
int	stop_load_file(struct stopwords *, const char *path,
	    struct lex_error *err);

/* Adds the words of YAML text s[0..n); returns as stop_load_file. */
int	stop_load_mem(struct stopwords *, const unsigned char *s, size_t n,
	    struct lex_error *err);

/*
 * Is w[0..len), valid UTF-8 already in lower case, a stop word?  Returns 1
 * or 0.  A binary search over the sorted words: no hashing, so the answer
 * cannot depend on load order.
 */
int	stop_find(const struct stopwords *, const unsigned char *w,
	    size_t len);

/* The number of distinct words held. */
size_t	stop_count(const struct stopwords *);

/*
 * Appends the lower-case form of the valid UTF-8 text s[0..n) to out
 * (ASCII directly, other letters by utf8proc_tolower).  Returns 0, or -1 if
 * out cannot grow.  Shared by the lookup's callers, so that the words of
 * the list and of the text fold the same way.
 */
int	stop_lower(const unsigned char *s, size_t n, struct buf *out);

void	stop_free(struct stopwords *);

#endif /* QUIRE_STOPWORDS_H */
