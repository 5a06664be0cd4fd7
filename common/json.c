/*
 * json: a validating reader and a member-wise rewriter for JSON Lines
 * records (RFC 8259; see json.h for why we keep raw spans).
 *
 * The grammar checked here is RFC 8259's, section 2 onwards:
 *
 *   value  = object / array / string / number / true / false / null
 *   number = [ "-" ] ( "0" / 1-9 *DIGIT ) [ "." 1*DIGIT ]
 *            [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
 *   string = '"' *( unescaped / "\" ( '"' / "\" / "/" / "b" / "f" / "n"
 *            / "r" / "t" / "u" 4HEXDIG ) ) '"'     unescaped >= 0x20
 *   ws     = *( SP / HTAB / LF / CR )
 *
 * The parser is recursive descent, bounded by JSON_MAX_DEPTH.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "utf8.h"

struct parser {
	const unsigned char	*s;
	size_t			 len;
	size_t			 pos;
	struct json_error	*err;
};

static int	parse_value(struct parser *, int, enum json_type *);

static int
fail(struct parser *p, size_t at, const char *msg)
{
	p->err->offset = at;
	p->err->msg = msg;
	return -1;
}

/* Where a line simply stops, say so rather than what was expected. */
static int
fail_here(struct parser *p, const char *msg)
{
	if (p->pos == p->len)
		msg = "unexpected end of line";
	return fail(p, p->pos, msg);
}

static int
fail_eol(struct parser *p)
{
	return fail(p, p->pos, "unexpected end of line");
}

static void
skip_ws(struct parser *p)
{
	while (p->pos < p->len && (p->s[p->pos] == ' ' ||
	    p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
	    p->s[p->pos] == '\r'))
		p->pos++;
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
hex_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The value of the four hex digits at s, or -1 if they are not. */
static int32_t
hex4(const unsigned char *s)
{
	int32_t	 v = 0;
	int	 d, k;

	for (k = 0; k < 4; k++) {
		if ((d = hex_value(s[k])) < 0)
			return -1;
		v = (v << 4) | d;
	}
	return v;
}

static int
scan_string(struct parser *p)
{
	size_t		 start = p->pos;
	unsigned char	 c;

	for (p->pos++; p->pos < p->len; p->pos++) {
		c = p->s[p->pos];
		if (c == '"') {
			p->pos++;
			return 0;
		}
		if (c < 0x20)
			return fail(p, p->pos, "control character in string");
		if (c != '\\')
			continue;
		if (p->pos + 1 == p->len)
			break;
		switch (p->s[p->pos + 1]) {
		case '"':
		case '\\':
		case '/':
		case 'b':
		case 'f':
		case 'n':
		case 'r':
		case 't':
			p->pos++;
			break;
		case 'u':
			if (p->len - p->pos < 6 || hex4(p->s + p->pos + 2) < 0)
				return fail(p, p->pos, "invalid \\u escape");
			p->pos += 5;
			break;
		default:
			return fail(p, p->pos, "invalid escape");
		}
	}
	return fail(p, start, "unterminated string");
}

static int
scan_number(struct parser *p)
{
	const unsigned char	*s = p->s;

	if (s[p->pos] == '-')
		p->pos++;
	if (p->pos == p->len || !is_digit(s[p->pos]))
		return fail(p, p->pos, "expected digit after '-'");
	if (s[p->pos] == '0') {
		if (p->pos + 1 < p->len && is_digit(s[p->pos + 1]))
			return fail(p, p->pos, "leading zero in number");
		p->pos++;
	} else
		while (p->pos < p->len && is_digit(s[p->pos]))
			p->pos++;
	if (p->pos < p->len && s[p->pos] == '.') {
		p->pos++;
		if (p->pos == p->len || !is_digit(s[p->pos]))
			return fail(p, p->pos, "expected digit after '.'");
		while (p->pos < p->len && is_digit(s[p->pos]))
			p->pos++;
	}
	if (p->pos < p->len && (s[p->pos] == 'e' || s[p->pos] == 'E')) {
		p->pos++;
		if (p->pos < p->len && (s[p->pos] == '+' || s[p->pos] == '-'))
			p->pos++;
		if (p->pos == p->len || !is_digit(s[p->pos]))
			return fail(p, p->pos, "expected digit in exponent");
		while (p->pos < p->len && is_digit(s[p->pos]))
			p->pos++;
	}
	return 0;
}

/* A bare word: the whole run of ASCII letters and digits must be one of
 * the three literals, so that "truex" reads as one bad word. */
static int
scan_literal(struct parser *p, enum json_type *type)
{
	size_t		 start = p->pos, n;
	unsigned char	 c;

	while (p->pos < p->len) {
		c = p->s[p->pos];
		if (!is_digit(c) && !(c >= 'a' && c <= 'z') &&
		    !(c >= 'A' && c <= 'Z'))
			break;
		p->pos++;
	}
	n = p->pos - start;
	if (n == 4 && memcmp(p->s + start, "true", 4) == 0)
		*type = JSON_TRUE;
	else if (n == 5 && memcmp(p->s + start, "false", 5) == 0)
		*type = JSON_FALSE;
	else if (n == 4 && memcmp(p->s + start, "null", 4) == 0)
		*type = JSON_NULL;
	else
		return fail(p, start, "invalid literal");
	return 0;
}

static int
add_member(struct json_object *o, const struct json_member *m)
{
	struct json_member	*nm;
	size_t			 ncap;

	if (o->n == o->cap) {
		ncap = o->cap ? o->cap : 16;
		if (o->cap != 0) {
			if (ncap > SIZE_MAX / 2 / sizeof(*nm))
				return -1;
			ncap *= 2;
		}
		if ((nm = realloc(o->m, ncap * sizeof(*nm))) == NULL)
			return -1;
		o->m = nm;
		o->cap = ncap;
	}
	o->m[o->n++] = *m;
	return 0;
}

/* Parses the object at p->pos; records its members in top unless NULL. */
static int
parse_object(struct parser *p, int depth, struct json_object *top)
{
	struct json_member	 m;
	size_t			 comma;
	int			 rc;

	if (depth > JSON_MAX_DEPTH)
		return fail(p, p->pos, "nesting too deep");
	p->pos++;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == '}') {
		p->pos++;
		return 0;
	}
	for (;;) {
		if (p->pos == p->len || p->s[p->pos] != '"')
			return fail_here(p, "expected string for object key");
		m.key_start = p->pos;
		if ((rc = scan_string(p)) != 0)
			return rc;
		m.key_end = p->pos;
		skip_ws(p);
		if (p->pos == p->len || p->s[p->pos] != ':')
			return fail_here(p, "expected ':' after object key");
		p->pos++;
		skip_ws(p);
		m.val_start = p->pos;
		if ((rc = parse_value(p, depth, &m.val_type)) != 0)
			return rc;
		m.val_end = p->pos;
		if (top != NULL && add_member(top, &m) == -1) {
			fail(p, m.key_start, "out of memory");
			return -2;
		}
		skip_ws(p);
		if (p->pos == p->len)
			return fail_eol(p);
		if (p->s[p->pos] == '}') {
			p->pos++;
			return 0;
		}
		if (p->s[p->pos] != ',')
			return fail(p, p->pos,
			    "expected ',' or '}' after object member");
		comma = p->pos++;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == '}')
			return fail(p, comma, "trailing comma in object");
	}
}

static int
parse_array(struct parser *p, int depth)
{
	enum json_type	 type;
	size_t		 comma;
	int		 rc;

	if (depth > JSON_MAX_DEPTH)
		return fail(p, p->pos, "nesting too deep");
	p->pos++;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == ']') {
		p->pos++;
		return 0;
	}
	for (;;) {
		if ((rc = parse_value(p, depth, &type)) != 0)
			return rc;
		skip_ws(p);
		if (p->pos == p->len)
			return fail_eol(p);
		if (p->s[p->pos] == ']') {
			p->pos++;
			return 0;
		}
		if (p->s[p->pos] != ',')
			return fail(p, p->pos,
			    "expected ',' or ']' after array element");
		comma = p->pos++;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ']')
			return fail(p, comma, "trailing comma in array");
	}
}

/* Parses the value at p->pos, inside containers nested depth deep. */
static int
parse_value(struct parser *p, int depth, enum json_type *type)
{
	unsigned char	 c;

	if (p->pos == p->len)
		return fail_eol(p);
	c = p->s[p->pos];
	if (c == '{') {
		*type = JSON_OBJECT;
		return parse_object(p, depth + 1, NULL);
	}
	if (c == '[') {
		*type = JSON_ARRAY;
		return parse_array(p, depth + 1);
	}
	if (c == '"') {
		*type = JSON_STRING;
		return scan_string(p);
	}
	if (c == '-' || is_digit(c)) {
		*type = JSON_NUMBER;
		return scan_number(p);
	}
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return scan_literal(p, type);
	return fail(p, p->pos, "expected a value");
}

int
json_parse_object(struct json_object *o, const unsigned char *line,
    size_t len, struct json_error *err)
{
	struct json_error	 dummy;
	struct parser		 p;
	int			 rc;

	p.s = line;
	p.len = len;
	p.pos = 0;
	p.err = err != NULL ? err : &dummy;
	o->n = 0;
	skip_ws(&p);
	if (p.pos == p.len)
		return fail(&p, p.pos, "empty line");
	if (line[p.pos] != '{')
		return fail(&p, p.pos, "not a JSON object");
	if ((rc = parse_object(&p, 1, o)) != 0)
		return rc;
	skip_ws(&p);
	if (p.pos != p.len)
		return fail(&p, p.pos, "trailing data after object");
	return 0;
}

void
json_object_free(struct json_object *o)
{
	free(o->m);
	o->m = NULL;
	o->n = o->cap = 0;
}

/*
 * Decodes the escape starting at the backslash s[*i], inside a string
 * whose content ends at s[end], and moves *i past it.  Sets *bad for a \u
 * escape naming a lone surrogate, which becomes U+FFFD (Unicode 15.0,
 * section 3.9: a surrogate code point is not a scalar value and has no
 * UTF-8 form).  Input the parser would reject cannot reach here through
 * the API's contract; it is read leniently, never past end.
 */
static int32_t
unescape(const unsigned char *s, size_t *i, size_t end, int *bad)
{
	size_t	 j = *i + 1;
	int32_t	 u, lo;

	*bad = 0;
	if (j >= end) {
		*i = end;
		return '\\';
	}
	*i = j + 1;
	switch (s[j]) {
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'u':
		break;
	default:
		return s[j];
	}
	if (end - j < 5 || (u = hex4(s + j + 1)) < 0)
		return 'u';
	*i = j + 5;
	if (u >= 0xDC00 && u <= 0xDFFF) {
		*bad = 1;
		return UTF8_REPLACEMENT;
	}
	if (u < 0xD800 || u > 0xDBFF)
		return u;
	/* A high surrogate counts only when a low one follows at once. */
	if (end - *i >= 6 && s[*i] == '\\' && s[*i + 1] == 'u' &&
	    (lo = hex4(s + *i + 2)) >= 0xDC00 && lo <= 0xDFFF) {
		*i += 6;
		return 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
	}
	*bad = 1;
	return UTF8_REPLACEMENT;
}

int
json_string_decode(const unsigned char *s, size_t len, struct buf *out,
    size_t *nbad)
{
	size_t	 save = out->len, i, start, end;
	int32_t	 cp;
	int	 bad;

	if (len < 2)
		return 0;
	end = len - 1;
	/* No escape decodes to more bytes than it spells. */
	if (buf_reserve(out, end - 1) == -1)
		return -1;
	i = 1;
	while (i < end) {
		start = i;
		while (i < end && s[i] != '\\')
			i++;
		if (buf_append(out, s + start, i - start) == -1)
			goto oom;
		if (i == end)
			break;
		cp = unescape(s, &i, end, &bad);
		if (buf_put_utf8(out, cp) == -1)
			goto oom;
		if (bad)
			(*nbad)++;
	}
	return 0;
oom:
	out->len = save;
	return -1;
}

/* Does the raw key s[0..len), quotes included, decode to name[0..nlen)? */
static int
key_equals(const unsigned char *s, size_t len, const unsigned char *name,
    size_t nlen)
{
	unsigned char	 u8[4];
	size_t		 i = 1, k = 0, end = len - 1, n;
	int32_t		 cp;
	int		 bad;

	while (i < end) {
		if (s[i] != '\\') {
			if (k == nlen || s[i] != name[k])
				return 0;
			i++;
			k++;
			continue;
		}
		cp = unescape(s, &i, end, &bad);
		n = (size_t)utf8_encode(cp, u8);
		if (nlen - k < n || memcmp(u8, name + k, n) != 0)
			return 0;
		k += n;
	}
	return k == nlen;
}

long
json_object_find(const struct json_object *o, const unsigned char *line,
    const char *name, size_t name_len)
{
	const struct json_member	*m;
	size_t				 i;

	for (i = o->n; i-- > 0; ) {
		m = &o->m[i];
		if (key_equals(line + m->key_start, m->key_end - m->key_start,
		    (const unsigned char *)name, name_len))
			return (long)i;
	}
	return -1;
}

int
json_string_encode(struct buf *out, const unsigned char *s, size_t n)
{
	static const char	 hex[] = "0123456789abcdef";
	unsigned char		 esc[6] = { '\\', 'u', '0', '0', 0, 0 };
	size_t			 save = out->len, i = 0, start, elen;
	unsigned char		 c;

	if (n > SIZE_MAX - 2 || buf_reserve(out, n + 2) == -1)
		return -1;
	out->p[out->len++] = '"';
	while (i < n) {
		start = i;
		while (i < n && s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
			i++;
		if (buf_append(out, s + start, i - start) == -1)
			goto oom;
		if (i == n)
			break;
		c = s[i++];
		elen = 2;
		switch (c) {
		case '"':
		case '\\':
			esc[1] = c;
			break;
		case '\b':
			esc[1] = 'b';
			break;
		case '\f':
			esc[1] = 'f';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 0xF];
			elen = 6;
			break;
		}
		if (buf_append(out, esc, elen) == -1)
			goto oom;
	}
	if (buf_putc(out, '"') == -1)
		goto oom;
	return 0;
oom:
	out->len = save;
	return -1;
}

/* The index of the first edit naming member m, or -1. */
static long
edit_for(const unsigned char *line, const struct json_member *m,
    const struct json_edit *edits, size_t nedits)
{
	size_t	 e;

	for (e = 0; e < nedits; e++)
		if (key_equals(line + m->key_start, m->key_end - m->key_start,
		    (const unsigned char *)edits[e].name, edits[e].name_len))
			return (long)e;
	return -1;
}

static int
put_member(struct buf *out, int *first, const unsigned char *key,
    size_t klen, const unsigned char *val, size_t vlen)
{
	if (!*first && buf_putc(out, ',') == -1)
		return -1;
	*first = 0;
	if (buf_append(out, key, klen) == -1 || buf_putc(out, ':') == -1 ||
	    buf_append(out, val, vlen) == -1)
		return -1;
	return 0;
}

int
json_object_write(struct buf *out, const unsigned char *line,
    const struct json_object *o, const struct json_edit *edits,
    size_t nedits)
{
	const struct json_member	*m;
	const struct json_edit		*ed;
	size_t				 save = out->len, i, e, j;
	long				 k;
	int				 first = 1;

	if (buf_putc(out, '{') == -1)
		return -1;
	for (i = 0; i < o->n; i++) {
		m = &o->m[i];
		if ((k = edit_for(line, m, edits, nedits)) == -1) {
			if (put_member(out, &first, line + m->key_start,
			    m->key_end - m->key_start, line + m->val_start,
			    m->val_end - m->val_start) == -1)
				goto oom;
			continue;
		}
		ed = &edits[k];
		if (ed->value == NULL || json_object_find(o, line, ed->name,
		    ed->name_len) != (long)i)
			continue;
		if (put_member(out, &first, line + m->key_start,
		    m->key_end - m->key_start, ed->value, ed->value_len) == -1)
			goto oom;
	}
	for (e = 0; e < nedits; e++) {
		ed = &edits[e];
		if (ed->value == NULL ||
		    json_object_find(o, line, ed->name, ed->name_len) != -1)
			continue;
		for (j = 0; j < e; j++)
			if (edits[j].name_len == ed->name_len &&
			    memcmp(edits[j].name, ed->name, ed->name_len) == 0)
				break;
		if (j < e)
			continue;
		if (!first && buf_putc(out, ',') == -1)
			goto oom;
		first = 0;
		if (json_string_encode(out, (const unsigned char *)ed->name,
		    ed->name_len) == -1 || buf_putc(out, ':') == -1 ||
		    buf_append(out, ed->value, ed->value_len) == -1)
			goto oom;
	}
	if (buf_putc(out, '}') == -1)
		goto oom;
	return 0;
oom:
	out->len = save;
	return -1;
}
