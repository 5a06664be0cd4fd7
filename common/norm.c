/*
 * norm: the normalize engine (see norm.h for the stages and why a boundary
 * before an inert character is safe).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "norm.h"
#include "translit.h"
#include "utf8.h"

/* Held-back text longer than this is cut at the last starter even without a
 * safe boundary: only a run of thousands of combining marks gets here. */
#define PEND_LIMIT	(32 * 1024)

/* Held spaces after a bullet beyond this are written out (NORM_BULLETS). */
#define HELD_LIMIT	4096

/*
 * Stage B remembers the normal form of short held-back runs: text with
 * decomposed accents repeats the same few ("e" + U+0301) again and again,
 * and utf8proc's decompose-and-compose is the costly step.  A direct-mapped
 * cache: a run of at most SEG_BYTES bytes whose form has at most SEG_CPS
 * code points, keyed by its bytes (the options are fixed per norm).
 */
#define SEG_SLOTS	1024
#define SEG_BYTES	16
#define SEG_CPS		8

struct seg_memo {
	unsigned char	 len;		/* bytes of key; 0: empty slot */
	unsigned char	 ncp;
	unsigned char	 key[SEG_BYTES];
	int32_t		 cp[SEG_CPS];
};

#define ZWNJ	0x200C
#define ZWJ	0x200D

struct norm {
	struct norm_opts opts;
	utf8proc_option_t uopts;	/* for whole pieces */
	utf8proc_option_t copts;	/* for single characters */
	int		 identity;	/* the form changes nothing */

	/* Inertness of BMP characters, computed a block of 256 at a time. */
	unsigned char	 block_known[256];
	unsigned char	 inert_bits[65536 / 8];
	/* Characters that follow the first in some canonical decomposition:
	 * candidates for the second of a composition pair. */
	int		 seconds_ready;
	unsigned char	 second_bits[65536 / 8];
	int32_t		*second_astral;
	size_t		 nsecond_astral;

	/* Stage A, clean-up. */
	unsigned char	 cf_known[256];	/* format characters of the BMP, */
	unsigned char	 cf_bits[65536 / 8];	/* a block at a time */
	int		 skip_lf;	/* last was CR: drop a following LF */
	int32_t		 prev;		/* last character passed on */
	int32_t		 held_joiner;	/* ZWJ/ZWNJ waiting for the next */

	/* Stage B, normalization. */
	struct buf	 pend;		/* held back, UTF-8 */
	utf8proc_int32_t *u32;
	size_t		 u32cap;
	struct seg_memo	*memo;		/* SEG_SLOTS, allocated on first use */

	/* Stage C, rewrites. */
	struct buf	 held;		/* spaces held after a bullet */
	int		 space_held;	/* NORM_SQUEEZE: a run is pending */
	int		 after_bullet;

	struct norm_stats stats;
};

int
norm_form_parse(const char *name, enum norm_form *f)
{
	static const struct {
		const char	*name;
		enum norm_form	 form;
	} forms[] = {
		{ "nfc", NORM_NFC }, { "nfd", NORM_NFD },
		{ "nfkc", NORM_NFKC }, { "nfkd", NORM_NFKD },
		{ "none", NORM_NONE },
	};
	size_t	 i;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
		if (strcmp(name, forms[i].name) == 0) {
			*f = forms[i].form;
			return 0;
		}
	return -1;
}

int
norm_profile(const char *name, struct norm_opts *o)
{
	const unsigned	 nlp = NORM_SQUEEZE | NORM_QUOTES | NORM_DASHES |
	    NORM_ELLIPSIS | NORM_BULLETS;

	if (strcmp(name, "safe") == 0) {
		o->form = NORM_NFC;
		o->flags = 0;
	} else if (strcmp(name, "nlp") == 0) {
		o->form = NORM_NFKC;
		o->flags = nlp;
	} else if (strcmp(name, "search") == 0) {
		o->form = NORM_NFKC;
		o->flags = NORM_CASEFOLD | NORM_STRIP_MARKS | NORM_SQUEEZE |
		    NORM_QUOTES | NORM_DASHES | NORM_ELLIPSIS;
	} else if (strcmp(name, "ascii") == 0) {
		o->form = NORM_NFKC;
		o->flags = nlp | NORM_ASCII;
	} else
		return -1;
	return 0;
}

const char *
norm_opts_check(const struct norm_opts *o)
{
	/* utf8proc strips marks only while it decomposes. */
	if ((o->flags & NORM_STRIP_MARKS) && o->form == NORM_NONE)
		return "--strip-marks needs a normalization form other than none";
	return NULL;
}

struct norm *
norm_new(const struct norm_opts *o)
{
	struct norm	*n;
	utf8proc_option_t u = 0;

	if ((n = calloc(1, sizeof(*n))) == NULL)
		return NULL;
	n->opts = *o;
	switch (o->form) {
	case NORM_NFC:
		u = UTF8PROC_COMPOSE;
		break;
	case NORM_NFD:
		u = UTF8PROC_DECOMPOSE;
		break;
	case NORM_NFKC:
		u = UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
		break;
	case NORM_NFKD:
		u = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
		break;
	case NORM_NONE:
		break;
	}
	if (o->flags & NORM_CASEFOLD)
		u |= UTF8PROC_CASEFOLD;
	if (o->flags & NORM_STRIP_MARKS)
		u |= UTF8PROC_STRIPMARK;
	if (u != 0)
		u |= UTF8PROC_STABLE;
	n->uopts = u;
	/* utf8proc_decompose_char knows DECOMPOSE, not COMPOSE. */
	n->copts = u & ~(utf8proc_option_t)UTF8PROC_COMPOSE;
	if (u & UTF8PROC_COMPOSE)
		n->copts |= UTF8PROC_DECOMPOSE;
	n->identity = u == 0;
	return n;
}

void
norm_free(struct norm *n)
{
	if (n == NULL)
		return;
	buf_free(&n->pend);
	buf_free(&n->held);
	free(n->u32);
	free(n->memo);
	free(n->second_astral);
	free(n);
}

struct norm_stats
norm_stats_take(struct norm *n)
{
	struct norm_stats s = n->stats;

	memset(&n->stats, 0, sizeof(n->stats));
	return s;
}

/*
 * Marks every character that comes after the first in a full canonical
 * decomposition.  The second of each composition pair is among them, so
 * treating all of them as non-inert is safe (and a few more is only slower).
 * The ranges skip blocks with no canonical decompositions; Hangul syllables
 * compose algorithmically and their jamo are handled in is_inert.
 */
static int
find_seconds(struct norm *n)
{
	static const int32_t ranges[][2] = {
		{ 0x00C0, 0x33FF }, { 0xF900, 0xFFFF },
		{ 0x10000, 0x1D2FF }, { 0x2F800, 0x2FA1F },
	};
	utf8proc_int32_t tmp[8];
	utf8proc_ssize_t r, k;
	size_t		 i, cap = 0;
	int32_t		 cp, *p;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		for (cp = ranges[i][0]; cp <= ranges[i][1]; cp++) {
			r = utf8proc_decompose_char(cp, tmp, 8,
			    UTF8PROC_DECOMPOSE, NULL);
			for (k = 1; k < r && k < 8; k++) {
				if (tmp[k] < 0x10000) {
					n->second_bits[tmp[k] >> 3] |=
					    (unsigned char)(1u << (tmp[k] & 7));
					continue;
				}
				if (n->nsecond_astral == cap) {
					cap = cap ? cap * 2 : 16;
					p = realloc(n->second_astral,
					    cap * sizeof(*p));
					if (p == NULL)
						return -1;
					n->second_astral = p;
				}
				n->second_astral[n->nsecond_astral++] = tmp[k];
			}
		}
	}
	n->seconds_ready = 1;
	return 0;
}

static int
is_second(const struct norm *n, int32_t cp)
{
	size_t	 i;

	if (cp < 0x10000)
		return (n->second_bits[cp >> 3] >> (cp & 7)) & 1;
	for (i = 0; i < n->nsecond_astral; i++)
		if (n->second_astral[i] == cp)
			return 1;
	return 0;
}

static int
is_jamo(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3);
}

static int
compute_inert(const struct norm *n, int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	utf8proc_int32_t tmp[32];
	utf8proc_ssize_t r;

	if (n->identity)
		return 1;
	if (p->combining_class != 0 || is_second(n, cp) || is_jamo(cp))
		return 0;
	if ((n->opts.flags & NORM_STRIP_MARKS) &&
	    (p->category == UTF8PROC_CATEGORY_MN ||
	    p->category == UTF8PROC_CATEGORY_MC ||
	    p->category == UTF8PROC_CATEGORY_ME))
		return 0;
	r = utf8proc_decompose_char(cp, tmp, 32, n->copts, NULL);
	if (r < 1 || r > 32)
		return 0;
	if (n->uopts & UTF8PROC_COMPOSE)
		r = utf8proc_normalize_utf32(tmp, r, n->uopts);
	return r == 1 && tmp[0] == cp;
}

/* Returns 1 if cp is inert, 0 if not, -1 if out of memory. */
static int
is_inert(struct norm *n, int32_t cp)
{
	int32_t	 b, c;

	if (cp < 0x80 && !(n->opts.flags & NORM_CASEFOLD))
		return 1;
	if (!n->seconds_ready && find_seconds(n) == -1)
		return -1;
	if (cp >= 0x10000)
		return compute_inert(n, cp);
	b = cp >> 8;
	if (!n->block_known[b]) {
		for (c = b << 8; c < ((b + 1) << 8); c++)
			if (compute_inert(n, c))
				n->inert_bits[c >> 3] |=
				    (unsigned char)(1u << (c & 7));
		n->block_known[b] = 1;
	}
	return (n->inert_bits[cp >> 3] >> (cp & 7)) & 1;
}

/* Stage C: bullets and spaces. */

static int
is_bullet(int32_t cp)
{
	switch (cp) {
	case 0x2022: case 0x2023: case 0x2043: case 0x2219: case 0x25A0:
	case 0x25A1: case 0x25AA: case 0x25AB: case 0x25CB: case 0x25CF:
	case 0x25E6:
		return 1;
	default:
		return 0;
	}
}

static int
is_space(int32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || cp == '\t';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static int
c_emit(struct norm *n, int32_t cp, struct buf *out)
{
	unsigned	 f = n->opts.flags;

	if (is_space(cp) && ((f & NORM_SQUEEZE) || n->after_bullet)) {
		if (f & NORM_SQUEEZE) {
			n->space_held = 1;
			return 0;
		}
		if (buf_put_utf8(&n->held, cp) == -1)
			return -1;
		if (n->held.len > HELD_LIMIT) {
			if (buf_append(out, n->held.p, n->held.len) == -1)
				return -1;
			buf_clear(&n->held);
			n->after_bullet = 0;
		}
		return 0;
	}
	if (cp == '\n') {
		/* Spaces before a line end are trailing: squeezed away. */
		n->space_held = 0;
		n->after_bullet = 0;
	}
	if (n->space_held && buf_putc(out, ' ') == -1)
		return -1;
	n->space_held = 0;
	if (n->held.len > 0) {
		if (buf_append(out, n->held.p, n->held.len) == -1)
			return -1;
		buf_clear(&n->held);
	}
	n->after_bullet = 0;
	if (cp < 0x80)
		return buf_putc(out, (unsigned char)cp);
	return buf_put_utf8(out, cp);
}

static int
c_emit_ascii(struct norm *n, const char *s, size_t len, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (c_emit(n, (unsigned char)s[i], out) == -1)
			return -1;
	return 0;
}

/* --ascii: the table first, then the compatibility decomposition without
 * marks; a character with neither is kept and counted, never a silent '?'. */
static int
c_ascii(struct norm *n, int32_t cp, struct buf *out)
{
	utf8proc_int32_t tmp[32];
	utf8proc_ssize_t r, i;
	const char	*t;
	size_t		 len;

	if ((t = translit_ascii(cp, &len)) != NULL)
		return c_emit_ascii(n, t, len, out);
	r = utf8proc_decompose_char(cp, tmp, 32, UTF8PROC_DECOMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_STRIPMARK, NULL);
	if (r >= 0 && r <= 32) {
		for (i = 0; i < r; i++)
			if (tmp[i] >= 0x80 &&
			    translit_ascii(tmp[i], &len) == NULL)
				break;
		if (i == r) {
			for (i = 0; i < r; i++) {
				if (tmp[i] < 0x80) {
					if (c_emit(n, tmp[i], out) == -1)
						return -1;
					continue;
				}
				t = translit_ascii(tmp[i], &len);
				if (c_emit_ascii(n, t, len, out) == -1)
					return -1;
			}
			return 0;
		}
	}
	n->stats.no_ascii++;
	return c_emit(n, cp, out);
}

static int
c_put(struct norm *n, int32_t cp, struct buf *out)
{
	unsigned	 f = n->opts.flags;

	if (cp < 0x80)
		return c_emit(n, cp, out);
	if (f & NORM_QUOTES) {
		switch (cp) {
		case 0x2018: case 0x2019: case 0x201A: case 0x201B:
		case 0x2032: case 0x2035: case 0x2039: case 0x203A:
			return c_emit(n, '\'', out);
		case 0x201C: case 0x201D: case 0x201E: case 0x201F:
		case 0x2033: case 0x2036: case 0x00AB: case 0x00BB:
			return c_emit(n, '"', out);
		default:
			break;
		}
	}
	if ((f & NORM_DASHES) && ((cp >= 0x2010 && cp <= 0x2015) ||
	    cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D))
		return c_emit(n, '-', out);
	if ((f & NORM_ELLIPSIS) && cp == 0x2026)
		return c_emit_ascii(n, "...", 3, out);
	if ((f & NORM_BULLETS) && is_bullet(cp)) {
		/* A bullet after a bullet, with only spaces between, goes
		 * with those spaces. */
		if (n->after_bullet) {
			buf_clear(&n->held);
			return 0;
		}
		if (((f & NORM_ASCII) ? c_ascii(n, cp, out) :
		    c_emit(n, cp, out)) == -1)
			return -1;
		n->after_bullet = 1;
		return 0;
	}
	if (f & NORM_ASCII)
		return c_ascii(n, cp, out);
	return c_emit(n, cp, out);
}

/* Is stage C in a state where ASCII text passes through unchanged? */
static int
c_plain(const struct norm *n)
{
	return !(n->opts.flags & NORM_SQUEEZE) && !n->after_bullet &&
	    n->held.len == 0 && !n->space_held;
}

/* Stage B: normalization of held-back text. */

/*
 * Stores in n->u32 the normal form of s[0..len) and returns its length in
 * code points, or -1 if out of memory.
 */
static utf8proc_ssize_t
b_normalize(struct norm *n, const unsigned char *s, size_t len)
{
	utf8proc_ssize_t r;
	utf8proc_int32_t *p;

	for (;;) {
		r = utf8proc_decompose(s, (utf8proc_ssize_t)len, n->u32,
		    (utf8proc_ssize_t)n->u32cap, n->copts);
		if (r < 0)
			return -1;
		if ((size_t)r <= n->u32cap)
			break;
		p = realloc(n->u32, (size_t)r * 2 * sizeof(*p));
		if (p == NULL)
			return -1;
		n->u32 = p;
		n->u32cap = (size_t)r * 2;
	}
	if (n->uopts & UTF8PROC_COMPOSE)
		r = utf8proc_normalize_utf32(n->u32, r, n->uopts);
	return r;
}

/*
 * The memo slot for run s[0..len), filled if it was empty or held another
 * run; NULL if the run is too long to keep or out of memory (the caller
 * then normalizes without the memo).
 */
static const struct seg_memo *
b_memo(struct norm *n, const unsigned char *s, size_t len)
{
	struct seg_memo	*m;
	utf8proc_ssize_t r;
	uint32_t	 h = 2166136261u;	/* FNV-1a, 32 bits */
	size_t		 i;

	if (len > SEG_BYTES)
		return NULL;
	if (n->memo == NULL &&
	    (n->memo = calloc(SEG_SLOTS, sizeof(*n->memo))) == NULL)
		return NULL;
	for (i = 0; i < len; i++)
		h = (h ^ s[i]) * 16777619u;
	m = &n->memo[h % SEG_SLOTS];
	if (m->len == len && memcmp(m->key, s, len) == 0)
		return m;
	if ((r = b_normalize(n, s, len)) < 0 || r > SEG_CPS)
		return NULL;
	m->len = (unsigned char)len;
	m->ncp = (unsigned char)r;
	memcpy(m->key, s, len);
	memcpy(m->cp, n->u32, (size_t)r * sizeof(m->cp[0]));
	return m;
}

/* Normalizes pend[0..upto) and passes it to stage C. */
static int
b_flush(struct norm *n, size_t upto, struct buf *out)
{
	const struct seg_memo *m;
	utf8proc_ssize_t r, i;
	int32_t		 cp;
	int		 len;

	if (upto == 0)
		return 0;
	len = utf8_decode(n->pend.p, upto, &cp);
	if (n->identity || (len > 0 && (size_t)len == upto &&
	    is_inert(n, cp) == 1)) {
		/* Nothing to normalize: one inert character, or no form. */
		for (i = 0; (size_t)i < upto; i += len) {
			len = utf8_decode(n->pend.p + i, upto - (size_t)i, &cp);
			if (len <= 0)
				len = 1;
			if (c_put(n, cp, out) == -1)
				return -1;
		}
	} else if ((m = b_memo(n, n->pend.p, upto)) != NULL) {
		for (i = 0; i < m->ncp; i++)
			if (c_put(n, m->cp[i], out) == -1)
				return -1;
	} else {
		if ((r = b_normalize(n, n->pend.p, upto)) < 0)
			return -1;
		for (i = 0; i < r; i++)
			if (c_put(n, n->u32[i], out) == -1)
				return -1;
	}
	memmove(n->pend.p, n->pend.p + upto, n->pend.len - upto);
	n->pend.len -= upto;
	return 0;
}

/* Cuts an over-long run at its last starter; see PEND_LIMIT. */
static int
b_force_cut(struct norm *n, struct buf *out)
{
	size_t	 i, last = 0;
	int32_t	 cp;
	int	 len;

	for (i = 0; i < n->pend.len; i += (size_t)len) {
		len = utf8_decode(n->pend.p + i, n->pend.len - i, &cp);
		if (len <= 0)
			len = 1;
		if (i > 0 && utf8proc_get_property(cp)->combining_class == 0)
			last = i;
	}
	n->stats.forced_cuts++;
	return b_flush(n, last > 0 ? last : n->pend.len, out);
}

static int
b_put(struct norm *n, int32_t cp, struct buf *out)
{
	int	 inert;

	if ((inert = is_inert(n, cp)) == -1)
		return -1;
	/* A boundary before an inert character: all before it is final. */
	if (inert && b_flush(n, n->pend.len, out) == -1)
		return -1;
	if (buf_put_utf8(&n->pend, cp) == -1)
		return -1;
	if (n->pend.len > PEND_LIMIT)
		return b_force_cut(n, out);
	return 0;
}

/* Stage A: clean-up. */

static int
joinable(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_SK:
		return 1;
	default:
		return 0;
	}
}

/* Passes cp on to stage B, first deciding about a held ZWJ or ZWNJ: it
 * stays only between two characters it can join. */
static int
a_pass(struct norm *n, int32_t cp, struct buf *out)
{
	if (n->held_joiner != 0) {
		if (joinable(cp) && b_put(n, n->held_joiner, out) == -1)
			return -1;
		n->held_joiner = 0;
	}
	n->prev = cp;
	return b_put(n, cp, out);
}

/*
 * Is BMP character cp a format or control character (Cf, Cc), which the
 * clean-up drops?  Looked up in bits computed a block of 256 at a time.
 */
static int
is_format(struct norm *n, int32_t cp)
{
	int32_t	 b = cp >> 8, c;
	int	 cat;

	if (!n->cf_known[b]) {
		for (c = b << 8; c < ((b + 1) << 8); c++) {
			cat = utf8proc_category(c);
			if (cat == UTF8PROC_CATEGORY_CF ||
			    cat == UTF8PROC_CATEGORY_CC)
				n->cf_bits[c >> 3] |=
				    (unsigned char)(1u << (c & 7));
		}
		n->cf_known[b] = 1;
	}
	return (n->cf_bits[cp >> 3] >> (cp & 7)) & 1;
}

static int
a_put(struct norm *n, int32_t cp, struct buf *out)
{
	int	 cat;

	if (n->opts.flags & NORM_RAW)
		return b_put(n, cp, out);
	if (n->skip_lf) {
		n->skip_lf = 0;
		if (cp == '\n')
			return 0;
	}
	/* CR LF, lone CR, NEL, LS and PS all end a line. */
	if (cp == '\r') {
		n->skip_lf = 1;
		cp = '\n';
	} else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		cp = '\n';
	if (cp == '\n' || cp == '\t')
		return a_pass(n, cp, out);
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x80)
		return a_pass(n, cp, out);
	if (cp == ZWJ || cp == ZWNJ) {
		if (n->held_joiner == 0 && joinable(n->prev))
			n->held_joiner = cp;
		return 0;
	}
	if (cp < 0x10000)
		return is_format(n, cp) ? 0 : a_pass(n, cp, out);
	cat = utf8proc_category(cp);
	/* Tag characters carry emoji flag sequences (UTS #51): keep them
	 * after a symbol or another tag. */
	if (cp >= 0xE0020 && cp <= 0xE007F)
		return (n->prev >= 0xE0020 && n->prev <= 0xE007F) ||
		    utf8proc_category(n->prev) == UTF8PROC_CATEGORY_SO ?
		    a_pass(n, cp, out) : 0;
	if (cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CC)
		return 0;
	return a_pass(n, cp, out);
}

/* Bytes 0x20..0x7E, TAB and LF: text the clean-up passes unchanged. */
static const unsigned char plain_ascii[256] = {
	['\t'] = 1, ['\n'] = 1,
	[0x20] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x30] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x40] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x50] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x60] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x70] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static size_t
plain_prefix(const unsigned char *s, size_t n)
{
	size_t	 i = 0;

	while (i + 4 <= n && plain_ascii[s[i]] && plain_ascii[s[i + 1]] &&
	    plain_ascii[s[i + 2]] && plain_ascii[s[i + 3]])
		i += 4;
	while (i < n && plain_ascii[s[i]])
		i++;
	return i;
}

/* Writes a run of plain ASCII that needs no stage but C's simplest case. */
static int
emit_plain(struct norm *n, const unsigned char *s, size_t k, struct buf *out)
{
	size_t	 i;
	int	 fold = (n->opts.flags & NORM_CASEFOLD) != 0;
	unsigned char c;

	if (!c_plain(n)) {
		for (i = 0; i < k; i++) {
			c = s[i];
			if (fold && c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			if (c_put(n, c, out) == -1)
				return -1;
		}
		return 0;
	}
	if (!fold)
		return buf_append(out, s, k);
	if (buf_reserve(out, k) == -1)
		return -1;
	for (i = 0; i < k; i++)
		out->p[out->len++] = s[i] >= 'A' && s[i] <= 'Z' ?
		    (unsigned char)(s[i] + 'a' - 'A') : s[i];
	return 0;
}

int
norm_feed(struct norm *n, const unsigned char *s, size_t len,
    struct buf *out)
{
	size_t	 i = 0, k;
	int32_t	 cp;
	int	 r;

	while (i < len) {
		/* The fast path: a run of plain ASCII.  A boundary before an
		 * ASCII character is always safe, so what is held back goes
		 * first; the run's last character takes the slow path, as a
		 * combining mark may follow it. */
		if (n->held_joiner == 0 && !n->skip_lf &&
		    (k = plain_prefix(s + i, len - i)) >= 2) {
			if (b_flush(n, n->pend.len, out) == -1 ||
			    emit_plain(n, s + i, k - 1, out) == -1)
				return -1;
			n->prev = s[i + k - 2];
			i += k - 1;
		}
		r = utf8_decode(s + i, len - i, &cp);
		if (r <= 0) {
			/* Not valid UTF-8 after all: never loop, never drop. */
			cp = UTF8_REPLACEMENT;
			r = r < 0 ? -r : (int)(len - i);
		}
		if (a_put(n, cp, out) == -1)
			return -1;
		i += (size_t)r;
	}
	return 0;
}

int
norm_finish(struct norm *n, struct buf *out)
{
	if (b_flush(n, n->pend.len, out) == -1)
		return -1;
	/* Trailing spaces at the end of a document go with --squeeze; spaces
	 * held after a bullet are only waiting and go out. */
	if (n->held.len > 0 && buf_append(out, n->held.p, n->held.len) == -1)
		return -1;
	buf_clear(&n->held);
	n->space_held = 0;
	n->after_bullet = 0;
	n->skip_lf = 0;
	n->held_joiner = 0;
	n->prev = 0;
	return 0;
}
