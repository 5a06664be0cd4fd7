/*
 * json: a validating reader and a member-wise rewriter for JSON Lines
 * records (RFC 8259; JSON Lines is one JSON text a line).
 *
 * Why our own and not jansson: DESIGN.md ("Input records") asks that every
 * member a filter does not own pass through unchanged, in its order.  A
 * library that builds a tree and dumps it again respells what it did not
 * need to touch: 1.0e3 becomes 1000.0, an integer past 2^63 becomes a
 * double or an error, "\u00e9" becomes a raw é, key order may change and
 * duplicate keys collapse.  So the parser here validates the whole line
 * but keeps, for each top-level member, only the byte spans of its raw key
 * and raw value; the rewriter copies those spans byte for byte and writes
 * new bytes only for the members a filter owns.
 *
 * "Unchanged" therefore means each member's key and value bytes.  The
 * whitespace between members is not kept: a rewritten record is compact,
 * {"key":value,"key":value}, whatever the spacing of the input line.
 *
 * Offsets are byte offsets from the start of the line, counting from 0.
 * Nothing here prints or exits; errors come back as codes, the details in
 * a struct json_error.
 */
#ifndef QUIRE_JSON_H
#define QUIRE_JSON_H

#include <stddef.h>

#include "buf.h"

/* Containers nested deeper than this (the top-level object is depth 1)
 * are refused, so a hostile line cannot exhaust the stack. */
#define JSON_MAX_DEPTH	512

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

/*
 * Where a line stopped being JSON: msg is a static, lower-case string
 * without a final period ("expected ':' after object key"); offset is the
 * byte it is about.  For an unterminated string that is the opening quote.
 */
struct json_error {
	size_t		 offset;
	const char	*msg;
};

/*
 * One top-level member, as spans of the line: [key_start, key_end) is the
 * raw key string including its quotes, [val_start, val_end) the raw value.
 */
struct json_member {
	size_t		 key_start, key_end;
	size_t		 val_start, val_end;
	enum json_type	 val_type;
};

/* The members of one parsed object, in input order.  A zeroed struct (or
 * JSON_OBJECT_INIT) is empty; m is owned and reused across parses. */
struct json_object {
	struct json_member	*m;
	size_t			 n, cap;
};

#define JSON_OBJECT_INIT { NULL, 0, 0 }

/*
 * Parses line[0..len), which must hold exactly one JSON object, optionally
 * surrounded by whitespace (space, tab, CR, LF).  Every nested value is
 * validated in full by RFC 8259's grammar; raw control characters (below
 * 0x20) inside strings are errors.  \u escapes naming lone surrogates are
 * grammatical (RFC 8259, section 8.2) and accepted; json_string_decode
 * replaces them.  Bytes 0x80 and above inside strings are opaque content:
 * the caller repairs invalid UTF-8 before, if it wants valid output.
 *
 * Records the top-level members in o (earlier contents are replaced; o's
 * memory is reused).  Returns 0 on success; -1 on a syntax error, with err
 * filled in; -2 if memory runs out (err->msg is "out of memory").  After a
 * failure o holds an unspecified prefix of the members.
 */
int	json_parse_object(struct json_object *o, const unsigned char *line,
	    size_t len, struct json_error *err);

/*
 * Returns the index in o of the last member whose decoded key equals
 * name[0..name_len) (UTF-8), or -1 if there is none.  Keys are compared
 * after decoding, so "\u0074ext" matches "text"; the last duplicate wins,
 * as in most JSON readers.  line is the one o was parsed from.
 */
long	json_object_find(const struct json_object *o,
	    const unsigned char *line, const char *name, size_t name_len);

/* Frees o's memory; o is empty and reusable afterwards. */
void	json_object_free(struct json_object *o);

/*
 * Appends to out the decoded form of the raw JSON string s[0..len), quotes
 * included, as json_parse_object validated it: every escape is resolved,
 * a surrogate pair becomes one code point and \u0000 a NUL byte (out->len
 * counts it).  Each \u escape naming a lone surrogate becomes U+FFFD and
 * adds 1 to *nbad, so that the caller can warn: nothing is replaced
 * silently.  Other bytes are copied as they are.  Returns 0, or -1 if out
 * cannot grow, in which case out is left as it was.
 */
int	json_string_decode(const unsigned char *s, size_t len, struct buf *out,
	    size_t *nbad);

/*
 * Appends s[0..n) (UTF-8, NUL allowed) to out as a JSON string with its
 * quotes.  Escapes " and \ as \" and \\, the controls with short escapes
 * as \b \f \n \r \t, and other bytes below 0x20 as \u00XX (lower-case hex);
 * everything else, DEL and non-ASCII included, is copied as it is.
 * Returns 0, or -1 if out cannot grow, in which case out is left as it was.
 */
int	json_string_encode(struct buf *out, const unsigned char *s, size_t n);

/*
 * A change to one member of a record, by name (UTF-8, not JSON-escaped).
 * value[0..value_len) is the member's new value as JSON text, already
 * encoded (for instance by json_string_encode); a NULL value drops the
 * member.
 */
struct json_edit {
	const char		*name;
	size_t			 name_len;
	const unsigned char	*value;
	size_t			 value_len;
};

/*
 * Appends to out the object o parsed from line, with edits[0..nedits)
 * applied, in compact form: '{', then each member as its raw key, ':' and
 * its raw value, separated by ',', then '}'; no newline.
 *
 * Members no edit names are copied byte for byte, in order.  A replaced
 * member keeps the position of its last occurrence; earlier duplicates of
 * an edited name are dropped, so the output holds it once.  An edit that
 * sets a name not present appends the member at the end, in the order of
 * edits; dropping a name not present does nothing.  Names in edits should
 * be distinct (the first edit for a name applies).  Returns 0, or -1 if
 * out cannot grow, in which case out is left as it was.
 */
int	json_object_write(struct buf *out, const unsigned char *line,
	    const struct json_object *o, const struct json_edit *edits,
	    size_t nedits);

#endif /* QUIRE_JSON_H */
