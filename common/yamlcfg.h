/*
 * yamlcfg: lexicons (abbreviations, stop words, gazetteers, transliteration
 * tables) loaded from YAML files through libyaml's event API.
 *
 * A lexicon file holds one of three shapes (YAML 1.1 as libyaml reads it):
 *
 *   - Dr.                 a sequence of scalars: a list.  Each item is an
 *   - Prof.               entry with a key and no value (value NULL).
 *
 *   Apple Inc.: ORG       a mapping of scalars to scalars: a map.  Each pair
 *   Paris: LOC            is an entry, key to value.
 *
 *   ORG: [Apple Inc.,     a mapping of scalars to sequences of scalars: a map
 *         Nvidia]         of lists, short for a map.  Each item is an entry
 *   LOC: [Paris]          whose key is the item and whose value is the label
 *                         above it: Nvidia -> ORG, Paris -> LOC.
 *
 * One mapping may not mix scalar and sequence values: a gazetteer that does
 * is more likely a typo than a plan.  Several documents ("---") in a stream
 * are read one after the other, each with its own shape.  A document or
 * stream with no content (an empty file, comments only, a bare "---") gives
 * no entries.
 *
 * Every scalar is text exactly as written: there is no implicit typing, so
 * `no`, `null`, `~` and `1.0` are those words, not a boolean, a null or a
 * number, and tags are ignored.  Only a plain scalar with nothing in it
 * (`key:` with no value) counts as missing, which is an error; `""` is the
 * empty string, allowed as a map value but not as a key or a list item.
 * Aliases may stand for scalars only.
 *
 * Input is UTF-8 (a leading byte order mark is skipped); libyaml rejects
 * ill-formed UTF-8 and control characters.  Scalars may hold NUL through
 * the "\0" escape, so keys and values carry their lengths; they are also
 * NUL-terminated for convenience.
 *
 * Errors carry 1-based line and column (libyaml's marks count from 0), the
 * column in code points, as editors count.  When the input ends inside a
 * construct (an unclosed quote or bracket), the position is where that
 * construct starts, since that is what needs fixing.
 */
#ifndef QUIRE_YAMLCFG_H
#define QUIRE_YAMLCFG_H

#include <stddef.h>

struct lex_error {
	size_t	 line;		/* 1-based; 0 for an I/O or memory error */
	size_t	 column;	/* 1-based, in code points; 0 with line 0 */
	char	 msg[200];	/* lower case, no final period */
};

struct lex_entry {
	char	*key;		/* NUL-terminated; owned by the lex */
	size_t	 key_len;	/* bytes, not counting the NUL */
	char	*value;		/* NULL for a list item */
	size_t	 value_len;	/* 0 for a list item */
	size_t	 line;		/* 1-based line of the key or item */
};

struct lex {
	struct lex_entry *e;	/* entries in load order, or sorted */
	size_t		 n;
	size_t		 cap;
};

/* A zeroed struct lex is an empty lexicon; LEX_INIT spells that. */
#define LEX_INIT { NULL, 0, 0 }

/* Return codes of the loaders and of lex_sort. */
#define LEX_OK		0
#define LEX_ERR		(-1)	/* bad input or I/O error: see the lex_error */
#define LEX_NOMEM	(-2)	/* out of memory */

/*
 * Appends the entries of the YAML text s[0..n) to lex, so that several
 * sources accumulate; s may be NULL if n is 0.  Returns LEX_OK;
 * LEX_ERR if the text is not well-formed YAML or not one of the shapes
 * above, with err's line, column and msg naming the offending node; or
 * LEX_NOMEM, with line 0 and msg "out of memory".  On failure lex is left
 * as it was before the call.  err may be NULL.  A loaded lex is unsorted.
 */
int	lex_load_mem(struct lex *, const unsigned char *s, size_t n,
	    struct lex_error *err);

/*
 * lex_load_mem on the contents of the file at path.  If the file cannot be
 * opened or read, returns LEX_ERR with line 0 and msg strerror(errno)
 * (the caller names the file).
 */
int	lex_load_file(struct lex *, const char *path, struct lex_error *err);

/*
 * Sorts the entries by key in byte order (a key that is a prefix of another
 * comes first).  The sort is stable: entries with equal keys stay in load
 * order, so the result does not depend on the platform's qsort.  Returns
 * LEX_OK, or LEX_NOMEM with the entries unchanged.
 */
int	lex_sort(struct lex *);

/*
 * Finds the entry whose key is the len bytes at key, by binary search: the
 * lex must be sorted by lex_sort and not appended to since.  Among equal
 * keys it returns the one loaded last, so a user's file loaded after the
 * built-in one overrides it.  Returns NULL if there is none.  The entry
 * lives until the next load, sort or lex_free.
 */
const struct lex_entry *lex_find(const struct lex *, const char *key,
	    size_t len);

/* Frees every entry; the lex is empty and reusable afterwards. */
void	lex_free(struct lex *);

/*
 * Helpers for the other YAML loaders (abbrev.c, gazetteer.c), so that all
 * report errors alike.
 */

/* Fills *err (if not NULL) with line, column and a formatted message. */
void	lex_error_set(struct lex_error *err, size_t line, size_t column,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/*
 * Stores the 0-based line and column of byte offset off in s[0..n),
 * counted as libyaml's scanner counts: CR LF, CR, LF, NEL, LS and PS end a
 * line, columns count code points, a leading byte order mark is no column.
 * libyaml's reader errors come with a byte offset only.
 */
void	lex_offset_pos(const unsigned char *s, size_t n, size_t off,
	    size_t *line, size_t *col);

/*
 * Sets *err (if not NULL) for the YAML node at mark, whose line and column
 * count from 0 as libyaml's do (err's from 1), and returns LEX_ERR.
 */
struct yaml_mark_s;
int	lex_fail_at(struct lex_error *err, const struct yaml_mark_s *mark,
	    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Sets *err to "out of memory" and returns LEX_NOMEM. */
int	lex_nomem(struct lex_error *err);

/*
 * Turns the error of libyaml parser p, which was reading s[0..n), into
 * *err: the line and column to fix (where an unclosed construct starts,
 * not where the input ends), and for reader errors the offending byte or
 * character.  Returns LEX_ERR, or LEX_NOMEM for libyaml's memory error.
 */
struct yaml_parser_s;
int	lex_parser_error(struct lex_error *err, const struct yaml_parser_s *p,
	    const unsigned char *s, size_t n);

/*
 * Reads the whole file path into *s (new memory, the caller frees it) and
 * its size into *n.  Returns LEX_OK, LEX_ERR with strerror in err (line 0),
 * or LEX_NOMEM.
 */
int	lex_read_file(const char *path, unsigned char **s, size_t *n,
	    struct lex_error *err);

#endif /* QUIRE_YAMLCFG_H */
