/*
 * fix: repair of mojibake, HTML character references and scraping debris
 * (see fix.h for the fixes, issue 6 for why).
 *
 * The engine keeps one buffer, hold: some already-written context, then the
 * bytes not yet decided.  A position is decided only when FIX_LOOKAHEAD
 * bytes follow it (or the document has ended), and every rule looks at
 * most FIX_LOOKAHEAD bytes ahead and LOOKBACK bytes back, so the output is
 * the same however the input was cut.  Plain ASCII that cannot start a fix
 * is copied by a table-driven scan, which is what keeps clean text fast.
 *
 * Mojibake (the "encoding" fix).  UTF-8 read as Windows-1252 turns each
 * byte of a multi-byte sequence into a character of U+0080..U+00FF or one
 * of Windows-1252's 27 extra characters (U+2019 becomes U+00E2 U+20AC
 * U+2122).  Latin-1 readers give C1 controls instead of those 27.  The
 * engine takes a maximal run of such characters, writes it back as the
 * bytes they stood for and reads those bytes as UTF-8 where they form a
 * valid sequence.  It keeps the result only where it is more plausible:
 * the decoded character must be assigned, not a control, not private use;
 * a lone decoded character past U+027F (Greek, Cyrillic, Arabic, ...) is
 * refused, since "Strau\u00df" and a quote form such a pair in real text;
 * and the run must have fewer "mojibake pairs" (a UTF-8 lead byte's
 * character followed by a continuation byte's) after than before.  Real
 * Latin text ("S\u00e3o Paulo") never forms a valid sequence, since an
 * accented letter is followed by ASCII.  Doubly broken text is fixed by
 * running the same step again, up to three times.  A byte lost or replaced
 * after the mojibake was made (collect_run) is put back only where the
 * text is otherwise clearly mojibake, since "IRM\u00c3 " and a U+FFFD are
 * real text too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "fix.h"
#include "utf8.h"

/* Context kept before the first undecided byte, and the most any rule
 * looks back (LOOKBACK + 4 <= CONTEXT, so a rule never runs off it). */
#define CONTEXT		64
#define LOOKBACK	40

/* The longest run of mojibake considered at once, in bytes of input. */
#define RUN_MAX		240
#define RUN_CHARS	(RUN_MAX / 2 + 1)

/* A byte that mojibake lost or replaced, put back as this code point
 * plus the byte: outside Unicode, so a round of unbreak that leaves one
 * undecoded is seen and refused. */
#define SUB_BASE	0x110000

/* The longest word the space and hyphens fixes consider. */
#define WORD_MAX	32

/*
 * The hyphens fix also joins a word seen unbroken earlier in the document
 * (issue 6: "known to the lexicon or the document").  The words of
 * WORDS_MIN letters or more are kept
 * as 64-bit hashes of their lowercase letters in an open-addressed
 * table; the first WORDS_CAP different words of a document are kept, the
 * rest ignored, so memory stays bounded and the set depends only on the
 * text.  Entries carry the number of the document they belong to, so a
 * new document starts empty without clearing the table.
 */
#define WORDS_SLOTS	4096
#define WORDS_CAP	2048
#define WORDS_MIN	4		/* shorter words are not kept */
#define FNV_OFFSET	UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME	UINT64_C(0x100000001b3)

struct words {
	uint64_t	 hash[WORDS_SLOTS];
	uint32_t	 doc[WORDS_SLOTS];
	uint32_t	 cur;		/* the document's number, from 1 */
	size_t		 n;
	unsigned char	 buf[WORD_MAX];	/* a word cut by a piece */
	size_t		 len;
	int		 bad;		/* touches a digit, non-ASCII */
	int		 prev_bad;
};

struct fix_entity {
	const char	*name;
	int32_t		 cp1, cp2;
};

#include "fix_entities.inc"
#include "commonwords_data.inc"

/* A change a stage made, in document offsets of its input and output. */
struct change {
	uint64_t	 in0, in1, out0, out1;
};

/*
 * The fixes run in three stages, each over the output of the one before,
 * so that one fix sees what another repaired: ANSI escapes and character
 * references first (a reference may spell mojibake, an escape may sit
 * between two glued sentences), then the encoding fixes, then the space
 * and hyphens fixes, which look at words.
 */
#define NSTAGES	3

struct stage {
	struct fix	*top;
	int		 index;
	unsigned	 flags;
	struct buf	 hold;
	size_t		 start;		/* first undecided byte in hold */
	uint64_t	 base;		/* document offset of hold.p[0] */
	int		 at_doc_start;	/* hold.p[0] begins the document */
	uint64_t	 out_off;	/* document offset of the next output */
	unsigned char	 trigger[256];	/* bytes that may start a fix */
	uint64_t	 doc_moji;	/* encoding fixes so far in the document */
	struct words	*words;		/* hyphens: the document's words */
	struct buf	 tmp;
	/* For --explain: recent changes, to map offsets in the output back
	 * to the input; before the first one, anchor_in - anchor_out. */
	struct change	*chg;
	size_t		 nchg, capchg;
	uint64_t	 anchor_in, anchor_out;
};

/* A change waiting to be explained; its text is in fix.pool. */
struct pending {
	uint64_t	 offset;
	size_t		 seq;
	size_t		 old_at, old_len, new_at, new_len;
	const char	*fix;
};

struct fix {
	unsigned	 flags;
	fix_explain_fn	*explain;
	void		*arg;
	uint64_t	 count;
	/* Changes of one feed, explained in offset order at its end. */
	struct pending	*pend;
	size_t		 npend, cappend;
	struct buf	 pool;
	struct stage	 st[NSTAGES];
	struct buf	 mid[NSTAGES - 1];	/* between the stages */
};

static const struct {
	const char	*name;
	unsigned	 flag;
} fix_names[] = {
	{ "encoding", FIX_ENCODING }, { "entities", FIX_ENTITIES },
	{ "ansi", FIX_ANSI }, { "c1", FIX_C1 }, { "bullets", FIX_BULLETS },
	{ "space", FIX_SPACE }, { "hyphens", FIX_HYPHENS },
};

/* Windows-1252 bytes 0x80..0x9F; 0 where the byte is undefined. */
static const int32_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

int
fix_parse(const char *list, unsigned *flags, const char **bad)
{
	const char	*p = list, *e;
	size_t		 i, len;

	for (;;) {
		e = strchr(p, ',');
		len = e != NULL ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < sizeof(fix_names) / sizeof(fix_names[0]); i++)
			if (strlen(fix_names[i].name) == len &&
			    strncmp(fix_names[i].name, p, len) == 0)
				break;
		if (i == sizeof(fix_names) / sizeof(fix_names[0])) {
			*bad = p;
			return -1;
		}
		*flags |= fix_names[i].flag;
		if (e == NULL)
			return 0;
		p = e + 1;
	}
}

const char *
fix_name(unsigned f)
{
	size_t	 i;

	for (i = 0; i < sizeof(fix_names) / sizeof(fix_names[0]); i++)
		if (fix_names[i].flag == f)
			return fix_names[i].name;
	return NULL;
}

struct fix *
fix_new(unsigned flags, fix_explain_fn *explain, void *arg)
{
	static const unsigned stage_flags[NSTAGES] = {
		FIX_ANSI | FIX_ENTITIES, FIX_ENCODING | FIX_C1,
		FIX_SPACE | FIX_HYPHENS
	};
	struct fix	*f;
	struct stage	*st;
	int		 c, k;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return NULL;
	f->flags = flags;
	f->explain = explain;
	f->arg = arg;
	for (k = 0; k < NSTAGES; k++) {
		st = &f->st[k];
		st->top = f;
		st->index = k;
		st->flags = flags & stage_flags[k];
		st->at_doc_start = 1;
	}
	st = f->st;
	if (flags & FIX_ENTITIES)
		st[0].trigger['&'] = 1;
	if (flags & FIX_ANSI)
		st[0].trigger[0x1B] = 1;
	if (flags & (FIX_ENCODING | FIX_C1))
		for (c = 0x80; c < 0x100; c++)
			st[1].trigger[c] = 1;
	if (flags & FIX_SPACE)
		st[2].trigger['.'] = 1;
	if (flags & FIX_HYPHENS) {
		st[2].trigger['-'] = 1;
		if ((st[2].words = calloc(1, sizeof(*st[2].words))) == NULL) {
			free(f);
			return NULL;
		}
		st[2].words->cur = 1;
	}
	return f;
}

void
fix_free(struct fix *f)
{
	int	 k;

	if (f == NULL)
		return;
	for (k = 0; k < NSTAGES; k++) {
		buf_free(&f->st[k].hold);
		buf_free(&f->st[k].tmp);
		free(f->st[k].chg);
		free(f->st[k].words);
	}
	for (k = 0; k < NSTAGES - 1; k++)
		buf_free(&f->mid[k]);
	free(f->pend);
	buf_free(&f->pool);
	free(f);
}

uint64_t
fix_count(const struct fix *f)
{
	return f->count;
}

/* The Windows-1252 byte for cp, C1 controls standing for themselves (as
 * Latin-1 and browsers' Windows-1252 decode them); -1 if none. */
static int
cp1252_byte(int32_t cp)
{
	int	 k;

	if (cp >= 0x80 && cp <= 0xFF)
		return (int)cp;
	if (cp >= SUB_BASE && cp < SUB_BASE + 0x100)
		return (int)(cp - SUB_BASE);
	if (cp < 0x152 || cp > 0x2122)
		return -1;
	for (k = 0; k < 32; k++)
		if (cp1252_hi[k] == cp)
			return 0x80 + k;
	return -1;
}

static int
is_ascii_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_ascii_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_ascii_alnum(int c)
{
	return is_ascii_lower(c) || is_ascii_upper(c) || (c >= '0' && c <= '9');
}

/* Maps offset x in stage st's output back to its input. */
static uint64_t
map_back(const struct stage *st, uint64_t x)
{
	size_t	 lo = 0, hi = st->nchg, mid;
	const struct change *c;

	/* The last change that starts at or before x. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (st->chg[mid].out0 <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return x - st->anchor_out + st->anchor_in;
	c = &st->chg[lo - 1];
	if (x < c->out1)
		return c->in0;
	return c->in1 + (x - c->out1);
}

/* Records a change at hold offset at of stage f, for --explain. */
static int
report(struct stage *f, size_t at, const unsigned char *old, size_t old_len,
    const unsigned char *new, size_t new_len, unsigned which)
{
	struct fix	*top = f->top;
	struct pending	*pd;
	uint64_t	 x = f->base + at;
	size_t		 cap;
	int		 k;

	top->count++;
	if (top->explain == NULL)
		return 0;
	for (k = f->index - 1; k >= 0; k--)
		x = map_back(&top->st[k], x);
	if (top->npend == top->cappend) {
		cap = top->cappend ? top->cappend * 2 : 16;
		if ((pd = realloc(top->pend, cap * sizeof(*pd))) == NULL)
			return -1;
		top->pend = pd;
		top->cappend = cap;
	}
	pd = &top->pend[top->npend];
	pd->offset = x;
	pd->seq = top->npend;
	pd->old_at = top->pool.len;
	pd->old_len = old_len;
	if (buf_append(&top->pool, old, old_len) == -1)
		return -1;
	pd->new_at = top->pool.len;
	pd->new_len = new_len;
	if (buf_append(&top->pool, new, new_len) == -1)
		return -1;
	pd->fix = fix_name(which);
	top->npend++;
	return 0;
}

static int
pending_cmp(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Explains the changes of one feed in the order of their offsets. */
static void
explain_pending(struct fix *f)
{
	struct fix_change ch;
	size_t		 k;

	if (f->npend == 0)
		return;
	qsort(f->pend, f->npend, sizeof(*f->pend), pending_cmp);
	for (k = 0; k < f->npend; k++) {
		ch.offset = f->pend[k].offset;
		ch.old = f->pool.p + f->pend[k].old_at;
		ch.old_len = f->pend[k].old_len;
		ch.new = f->pool.p + f->pend[k].new_at;
		ch.new_len = f->pend[k].new_len;
		ch.fix = f->pend[k].fix;
		f->explain(f->arg, &ch);
	}
	f->npend = 0;
	buf_clear(&f->pool);
}

/* Entities. */

struct entity_key {
	const unsigned char *p;
	size_t		 len;
};

static int
entity_cmp(const void *key, const void *elt)
{
	const struct entity_key *k = key;
	const struct fix_entity *e = elt;
	size_t	 n = strlen(e->name);
	int	 r;

	r = memcmp(k->p, e->name, k->len < n ? k->len : n);
	if (r != 0)
		return r;
	return k->len < n ? -1 : k->len > n;
}

static int
scalar_ok(int32_t cp)
{
	return cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
}

int
fix_entity_decode(const unsigned char *s, size_t n, int32_t cp[2])
{
	const struct fix_entity *e;
	struct entity_key key;
	int32_t		 v = 0;
	size_t		 i = 1;
	int		 hex;

	if (n == 0)
		return 0;
	if (s[0] == '#') {
		hex = n > 1 && (s[1] == 'x' || s[1] == 'X');
		i = hex ? 2 : 1;
		if (i == n || n - i > 8)
			return 0;
		for (; i < n; i++) {
			if (s[i] >= '0' && s[i] <= '9')
				v = v * (hex ? 16 : 10) + (s[i] - '0');
			else if (hex && (s[i] | 0x20) >= 'a' &&
			    (s[i] | 0x20) <= 'f')
				v = v * 16 + ((s[i] | 0x20) - 'a' + 10);
			else
				return 0;
			if (v > 0x10FFFF)
				return 0;
		}
		/* HTML reads &#128;..&#159; as Windows-1252 bytes. */
		if (v >= 0x80 && v <= 0x9F && cp1252_hi[v - 0x80] != 0)
			v = cp1252_hi[v - 0x80];
		if (!scalar_ok(v))
			return 0;
		cp[0] = v;
		return 1;
	}
	key.p = s;
	key.len = n;
	e = bsearch(&key, fix_entities, sizeof(fix_entities) /
	    sizeof(fix_entities[0]), sizeof(fix_entities[0]), entity_cmp);
	if (e == NULL)
		return 0;
	cp[0] = e->cp1;
	cp[1] = e->cp2;
	return e->cp2 != 0 ? 2 : 1;
}

/* "&name;", "&#N;" or "&#xH;" at p[i]; returns bytes used or 0. */
static size_t
try_entity(struct stage *f, size_t i, size_t end, struct buf *out)
{
	const unsigned char *p = f->hold.p;
	int32_t		 cp[2];
	size_t		 j, k;
	int		 n;
	unsigned char	 enc[8];
	size_t		 elen = 0;

	for (j = i + 1; j < end && j - i <= 34; j++)
		if (!is_ascii_alnum(p[j]) && p[j] != '#')
			break;
	if (j >= end || p[j] != ';' || j == i + 1)
		return 0;
	if ((n = fix_entity_decode(p + i + 1, j - i - 1, cp)) == 0)
		return 0;
	for (k = 0; k < (size_t)n; k++)
		elen += (size_t)utf8_encode(cp[k], enc + elen);
	if (buf_append(out, enc, elen) == -1)
		return (size_t)-1;
	if (report(f, i, p + i, j + 1 - i, enc, elen, FIX_ENTITIES) == -1)
		return (size_t)-1;
	return j + 1 - i;
}

/* ANSI: ESC [ parameters (0x30..0x3F) intermediates (0x20..0x2F) final
 * (0x40..0x7E), ECMA-48 section 5.4. */
static size_t
try_ansi(struct stage *f, size_t i, size_t end)
{
	const unsigned char *p = f->hold.p;
	size_t	 j = i + 1;

	if (j >= end || p[j] != '[')
		return 0;
	for (j++; j < end && j - i < 32 && p[j] >= 0x30 && p[j] <= 0x3F; j++)
		;
	for (; j < end && j - i < 32 && p[j] >= 0x20 && p[j] <= 0x2F; j++)
		;
	if (j >= end || j - i >= 32 || p[j] < 0x40 || p[j] > 0x7E)
		return 0;
	if (report(f, i, p + i, j + 1 - i, (const unsigned char *)"", 0,
	    FIX_ANSI) == -1)
		return (size_t)-1;
	return j + 1 - i;
}

/* Endings that make "word.Word" a host or file name, not two sentences. */
static int
is_name_ending(const unsigned char *s, size_t n)
{
	static const char *const ends[] = {
		"ai", "asp", "aspx", "au", "biz", "ca", "cn", "com", "csv",
		"de", "doc", "docx", "edu", "eu", "exe", "fr", "gif", "gov",
		"htm", "html", "info", "io", "jp", "jpeg", "jpg", "js", "json",
		"jsp", "mil", "mp3", "mp4", "net", "org", "pdf", "php", "png",
		"ppt", "py", "rb", "ru", "sh", "svg", "tv", "txt", "uk", "xls",
		"xlsx", "xml", "zip",
	};
	size_t	 i, k;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		if (strlen(ends[i]) != n)
			continue;
		for (k = 0; k < n; k++)
			if ((s[k] | 0x20) != ends[i][k])
				break;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Is s[0..n) a right single or double quotation mark (U+2019, U+201D)? */
static int
closing_quote(const unsigned char *s, size_t n)
{
	return n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
	    (s[2] == 0x99 || s[2] == 0x9D);
}

/* Space: "restrictions.Nvidia" at the '.' p[i]. */
static size_t
try_space(struct stage *f, size_t i, size_t end, int eod, struct buf *out)
{
	const unsigned char *p = f->hold.p;
	size_t	 b = i, j;

	while (b > 0 && i - b <= WORD_MAX && is_ascii_lower(p[b - 1]))
		b--;
	if (i - b < 3 || i - b > WORD_MAX)
		return 0;
	/* Before the word: the document's start or a plain separator. */
	if (b > 0 && (p[b - 1] >= 0x80 || is_ascii_alnum(p[b - 1]) ||
	    strchr("./@_-:\\#&=%+~", p[b - 1]) != NULL))
		return 0;
	if (b == 0 && !f->at_doc_start)
		return 0;
	j = i + 1;
	if (j >= end || !is_ascii_upper(p[j]))
		return 0;
	for (j++; j < end && j - i <= WORD_MAX + 1 && is_ascii_lower(p[j]); j++)
		;
	if (j - i - 1 < 2 || j - i > WORD_MAX + 1)
		return 0;
	if (j >= end && !eod)
		return 0;
	if (j < end && ((p[j] >= 0x80 && !closing_quote(p + j, end - j)) ||
	    is_ascii_alnum(p[j]) ||
	    strchr("./@_-(:\\#&=%+~[<>", p[j]) != NULL))
		return 0;
	if (is_name_ending(p + i + 1, j - i - 1))
		return 0;
	if (buf_append(out, ". ", 2) == -1)
		return (size_t)-1;
	/* Explained with the two words, for a reader to judge. */
	buf_clear(&f->tmp);
	if (buf_append(&f->tmp, p + b, i - b) == -1 ||
	    buf_append(&f->tmp, ". ", 2) == -1 ||
	    buf_append(&f->tmp, p + i + 1, j - i - 1) == -1)
		return (size_t)-1;
	if (report(f, b, p + b, j - b, f->tmp.p, f->tmp.len, FIX_SPACE) == -1)
		return (size_t)-1;
	return 1;
}

int
fix_common_word(const char *s, size_t n)
{
	size_t	 lo = 0, hi = sizeof(common_words) / sizeof(common_words[0]);
	size_t	 mid, m;
	int	 r;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = strlen(common_words[mid]);
		r = strncmp(s, common_words[mid], n < m ? n : m);
		if (r == 0)
			r = n < m ? -1 : n > m;
		if (r == 0)
			return 1;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int
words_has(const struct words *w, uint64_t h)
{
	size_t	 k = (size_t)(h & (WORDS_SLOTS - 1));

	while (w->doc[k] == w->cur) {
		if (w->hash[k] == h)
			return 1;
		k = (k + 1) & (WORDS_SLOTS - 1);
	}
	return 0;
}

static void
words_add(struct words *w, uint64_t h)
{
	size_t	 k = (size_t)(h & (WORDS_SLOTS - 1));

	if (w->n == WORDS_CAP)
		return;
	while (w->doc[k] == w->cur) {
		if (w->hash[k] == h)
			return;
		k = (k + 1) & (WORDS_SLOTS - 1);
	}
	w->doc[k] = w->cur;
	w->hash[k] = h;
	w->n++;
}

/* The hash of the ASCII word s[0..n), lowercased: FNV-1a over its 8-byte
 * pieces, little-endian, the last one zero-padded, which keeps clean text
 * fast. */
static uint64_t
word_hash(const unsigned char *s, size_t n)
{
	uint64_t	 h = FNV_OFFSET, x = 0;
	size_t		 k;

	for (k = 0; k < n; k++) {
		x |= (uint64_t)(s[k] | 0x20) << (8 * (k & 7));
		if ((k & 7) == 7) {
			h = (h ^ x) * FNV_PRIME;
			h ^= h >> 29;
			x = 0;
		}
	}
	if (n & 7) {
		h = (h ^ x) * FNV_PRIME;
		h ^= h >> 29;
	}
	return (h ^ n) * FNV_PRIME;
}

static int
word_letter(unsigned char c)
{
	return (unsigned char)((c | 0x20) - 'a') < 26;
}

static int
word_spoiler(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9');
}

/*
 * Reads s[0..n), the next bytes of the document, for its words: runs of
 * WORDS_MIN to WORD_MAX ASCII letters touching no digit and no non-ASCII.  The
 * state lives in locals inside, since this runs over every byte.
 */
static void
words_scan(struct words *w, const unsigned char *s, size_t n)
{
	const unsigned char *e = s + n, *a, *word;
	size_t		 len = w->len, k, m;
	int		 bad = w->bad, prev_bad = w->prev_bad;

	/* Full: nothing more to learn in this document. */
	if (w->n == WORDS_CAP)
		return;
	while (s < e) {
		for (a = s; s < e && word_letter(*s); s++)
			;
		m = (size_t)(s - a);
		word = a;
		if (m > 0 && len == 0)
			bad = prev_bad;
		if (len > 0 || s == e) {
			/* A word cut by a piece's end is kept in buf. */
			for (k = 0; k < m && len + k < WORD_MAX; k++)
				w->buf[len + k] = a[k];
			word = w->buf;
		}
		len += m;
		if (s == e)
			break;
		prev_bad = word_spoiler(*s);
		if (len >= WORDS_MIN && len <= WORD_MAX && !bad && !prev_bad &&
		    w->n < WORDS_CAP)
			words_add(w, word_hash(word, len));
		len = 0;
		for (a = ++s; s < e && !word_letter(*s); s++)
			;
		if (s > a)
			prev_bad = word_spoiler(s[-1]);
	}
	w->len = len;
	w->bad = bad;
	w->prev_bad = prev_bad;
}

/* Ends the document for the word set. */
static void
words_reset(struct words *w)
{
	if (++w->cur == 0) {
		memset(w->doc, 0, sizeof(w->doc));
		w->cur = 1;
	}
	w->n = 0;
	w->len = 0;
	w->bad = w->prev_bad = 0;
}

/* Was word[0..n) seen unbroken earlier in the document? */
static int
words_seen(const struct words *w, const char *word, size_t n)
{
	if (w == NULL || n < WORDS_MIN || n > WORD_MAX)
		return 0;
	return words_has(w, word_hash((const unsigned char *)word, n));
}

/*
 * Hyphens: "impor-\ntant is" at the '-' p[i] becomes "important\nis": the
 * word is joined and the line break moves to the first space after it
 * (after any closing punctuation); with no such space the break goes.
 */
static size_t
try_hyphen(struct stage *f, size_t i, size_t end, int eod, struct buf *out)
{
	const unsigned char *p = f->hold.p;
	char	 word[2 * WORD_MAX + 1];
	size_t	 b = i, j, w, k, n = 0, used;

	if (i + 1 >= end || p[i + 1] != '\n')
		return 0;
	while (b > 0 && i - b <= WORD_MAX && (is_ascii_lower(p[b - 1]) ||
	    is_ascii_upper(p[b - 1])))
		b--;
	if (i == b || i - b > WORD_MAX)
		return 0;
	if (b > 0 && (p[b - 1] >= 0x80 || is_ascii_alnum(p[b - 1]) ||
	    p[b - 1] == '-'))
		return 0;
	if (b == 0 && !f->at_doc_start)
		return 0;
	for (k = b; k < i; k++) {
		if (k > b && is_ascii_upper(p[k]))
			return 0;
		word[n++] = (char)(p[k] | 0x20);
	}
	w = i + 2;
	for (j = w; j < end && j - w <= WORD_MAX && is_ascii_lower(p[j]); j++)
		word[n++] = (char)p[j];
	if (j == w || j - w > WORD_MAX || (j >= end && !eod))
		return 0;
	if (j < end && (p[j] >= 0x80 || is_ascii_alnum(p[j]) || p[j] == '-'))
		return 0;
	if (!fix_common_word(word, n) && !words_seen(f->words, word, n))
		return 0;
	buf_clear(&f->tmp);
	if (buf_append(&f->tmp, p + w, j - w) == -1)
		return (size_t)-1;
	for (k = 0; j < end && k < 8 && strchr(".,;:!?'\")]", p[j]) != NULL &&
	    p[j] != '\0'; j++, k++)
		if (buf_putc(&f->tmp, p[j]) == -1)
			return (size_t)-1;
	used = j - i;
	if (j < end && (p[j] == ' ' || p[j] == '\t')) {
		if (buf_putc(&f->tmp, '\n') == -1)
			return (size_t)-1;
		used++;
	}
	if (buf_append(out, f->tmp.p, f->tmp.len) == -1)
		return (size_t)-1;
	if (report(f, i, p + i, used, f->tmp.p, f->tmp.len, FIX_HYPHENS) == -1)
		return (size_t)-1;
	return used;
}

/* Encoding. */

/* Counts pairs that look like UTF-8 read as Windows-1252: a lead byte's
 * character, then a continuation byte's. */
static size_t
badness(const int32_t *s, size_t n)
{
	size_t	 i, bad = 0;
	int	 b0, b1;

	for (i = 0; i + 1 < n; i++) {
		b0 = cp1252_byte(s[i]);
		b1 = cp1252_byte(s[i + 1]);
		if (b0 >= 0xC2 && b0 <= 0xF4 && b1 >= 0x80 && b1 <= 0xBF)
			bad++;
	}
	return bad;
}

/* C1 controls pass here: a doubly broken U+201D goes through U+009D,
 * which the next round reads as a byte; unbreak refuses a result with more
 * of them than it began with. */
static int
decoded_ok(int32_t cp)
{
	int	 cat;

	if (cp >= 0x80 && cp < 0xA0)
		return 1;
	cat = utf8proc_category(cp);
	return cat != UTF8PROC_CATEGORY_CN && cat != UTF8PROC_CATEGORY_CO &&
	    cat != UTF8PROC_CATEGORY_CS;
}

/*
 * One round: reads the run in[0..n) back as Windows-1252 bytes and decodes
 * the valid UTF-8 sequences in it into out (room for n).  Returns how many
 * sequences were decoded; *nout gets out's length.
 */
/*
 * A "far" character is one a two-byte sequence decodes to beyond the Latin
 * blocks (U+0280 and up) that is not itself a Windows-1252 character (as
 * U+02C6 and U+02DC are, on the way through double mojibake).  One alone
 * in a run is refused, unless it is a Greek or Cyrillic letter standing as
 * a word of its own (Cyrillic has one-letter words): "Strau\u00df" and a
 * quotation mark must stay.
 */
static int
is_far(int32_t cp)
{
	return cp >= 0x280 && cp1252_byte(cp) < 0;
}

static size_t
unbreak_round(const int32_t *in, size_t n, int32_t *out, size_t *nout,
    int allow_far, size_t *nfar)
{
	unsigned char	 bytes[4];
	size_t		 i = 0, k, need, o = 0, fixed = 0;
	int32_t		 cp;
	int		 b, r;

	*nfar = 0;
	while (i < n) {
		b = cp1252_byte(in[i]);
		need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ?
		    2 : b >= 0xC2 && b <= 0xDF ? 1 : 0;
		if (need == 0 || i + need >= n)
			goto keep;
		bytes[0] = (unsigned char)b;
		for (k = 1; k <= need; k++) {
			if ((b = cp1252_byte(in[i + k])) < 0)
				goto keep;
			bytes[k] = (unsigned char)b;
		}
		r = utf8_decode(bytes, need + 1, &cp);
		if (r != (int)need + 1 || !decoded_ok(cp))
			goto keep;
		if (need == 1 && is_far(cp)) {
			(*nfar)++;
			if (!allow_far)
				goto keep;
		}
		out[o++] = cp;
		i += need + 1;
		fixed++;
		continue;
keep:
		out[o++] = in[i++];
	}
	*nout = o;
	return fixed;
}

static size_t
count_c1(const int32_t *s, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		c += s[i] >= 0x80 && s[i] < 0xA0;
	return c;
}

static size_t
unbreak(int32_t *run, size_t n, size_t *nout, int after_letter)
{
	int32_t		 tmp[RUN_CHARS];
	size_t		 round, fixed, total = 0, m, far, far2;
	size_t		 c1 = count_c1(run, n);

	for (round = 0; round < 3; round++) {
		fixed = unbreak_round(run, n, tmp, &m, 1, &far);
		/* A lone far character is more likely real text. */
		if (far == 1 && (after_letter || m != 1 || tmp[0] < 0x370 ||
		    tmp[0] > 0x52F))
			fixed = unbreak_round(run, n, tmp, &m, 0, &far2);
		if (fixed == 0 || badness(tmp, m) >= badness(run, n))
			break;
		memcpy(run, tmp, m * sizeof(*run));
		n = m;
		total += fixed;
	}
	*nout = n;
	return count_c1(run, n) > c1 ? 0 : total;
}

/* Does a letter end p[0..i)?  (ASCII, or a letter of U+0080..U+07FF.) */
static int
after_letter(const unsigned char *p, size_t i)
{
	int32_t	 cp;
	int	 cat;

	if (p[i - 1] < 0x80)
		return is_ascii_lower(p[i - 1]) || is_ascii_upper(p[i - 1]);
	if (i < 2 || utf8_decode(p + i - 2, 2, &cp) != 2)
		return 0;
	cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL;
}

/*
 * Mojibake pairs (a UTF-8 lead byte's character, then a continuation
 * byte's) in p[lo..hi), which starts at a code point.
 */
static size_t
pairs_in(const unsigned char *p, size_t lo, size_t hi)
{
	int32_t	 cp;
	size_t	 n = 0;
	int	 r, b, prev = -1;

	while (lo < hi) {
		r = utf8_decode(p + lo, hi - lo, &cp);
		if (r <= 0)
			break;
		b = r > 1 ? cp1252_byte(cp) : -1;
		if (prev >= 0xC2 && prev <= 0xF4 && b >= 0x80 && b <= 0xBF)
			n++;
		prev = b;
		lo += (size_t)r;
	}
	return n;
}

/* Mojibake pairs in run[0..n) none of whose sequence was put back. */
static size_t
plain_pairs(const int32_t *run, size_t n)
{
	size_t	 k, m, bad = 0, need;
	int	 b0, b1, sub;

	for (k = 0; k + 1 < n; k++) {
		b0 = cp1252_byte(run[k]);
		b1 = cp1252_byte(run[k + 1]);
		if (b0 < 0xC2 || b0 > 0xF4 || b1 < 0x80 || b1 > 0xBF)
			continue;
		need = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
		sub = 0;
		for (m = k + 1; m <= k + need && m < n; m++)
			if (run[m] >= SUB_BASE)
				sub = 1;
		/* A sequence cut short at the run's end lost its last byte. */
		if (k + need >= n)
			sub = 1;
		bad += !sub;
	}
	return bad;
}

/* Do cp's Windows-1252 byte and byte b form a valid UTF-8 sequence? */
static int
two_bytes_ok(int32_t cp, unsigned char b)
{
	unsigned char	 q[2];
	int32_t		 d;

	q[0] = (unsigned char)cp1252_byte(cp);
	q[1] = b;
	return utf8_decode(q, 2, &d) == 2;
}

/*
 * Collects the run of mojibake characters at p[i] into run (room for
 * RUN_CHARS); returns its length, *jp its end.  With lost, a byte lost or
 * replaced inside a sequence is put back (issue 6): a space where a
 * continuation byte is due stands for U+00A0 (a non-breaking space that
 * scraping made a space, as in "\u00c3 " for U+00E0), a U+FFFD there for
 * one of the five bytes Windows-1252 leaves undefined, and a run ending
 * in "\u00e2\u20ac" lost the 0x9D of U+201D.  *nsub counts them.
 */
static size_t
collect_run(const unsigned char *p, size_t i, size_t end, int eod, int lost,
    int32_t *run, size_t *jp, size_t *nsub)
{
	static const unsigned char undef[] = { 0x81, 0x8D, 0x8F, 0x90, 0x9D };
	size_t	 j = i, n = 0, want = 0, k;
	int32_t	 cp, sub;
	int	 r, b;

	*nsub = 0;
	while (j < end && j - i < RUN_MAX && n < RUN_CHARS - 1) {
		r = utf8_decode(p + j, end - j, &cp);
		if (r <= 0)
			break;
		b = r > 1 ? cp1252_byte(cp) : -1;
		sub = -1;
		if (b < 0 && lost && want > 0 && (cp == ' ' || cp == 0xFFFD)) {
			if (cp == ' ') {
				/* "\u00e2\u20ac " is far more often U+201D that
				 * lost its byte than a dagger (U+2020);
				 * "IRM\u00c3 " is a capital Portuguese word. */
				if (n >= 2 && cp1252_byte(run[n - 2]) == 0xE2 &&
				    cp1252_byte(run[n - 1]) == 0x80)
					break;
				if (n == 1 && i > 0 && is_ascii_upper(p[i - 1]))
					break;
				sub = 0xA0;
			} else if (n >= 2 && cp1252_byte(run[n - 2]) == 0xE2 &&
			    cp1252_byte(run[n - 1]) == 0x80)
				sub = 0x9D;	/* U+201D, most common */
			else {
				/* The first undefined byte that ends a valid
				 * two-byte sequence (U+00C1 for "\u00c3"). */
				for (k = 0; k < sizeof(undef); k++)
					if (want > 1 || n == 0 ||
					    two_bytes_ok(run[n - 1], undef[k]))
						break;
				if (k < sizeof(undef))
					sub = undef[k];
			}
		}
		if (b < 0 && sub < 0)
			break;
		if (j + (size_t)r - i > RUN_MAX)
			break;
		if (sub >= 0) {
			run[n++] = SUB_BASE + sub;
			(*nsub)++;
			b = sub;
		} else
			run[n++] = cp;
		j += (size_t)r;
		want = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ?
		    2 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0x80 && b <= 0xBF &&
		    want > 0 ? want - 1 : 0;
	}
	/* "\u00e2\u20ac" then something else: the third byte was dropped. */
	if (lost && want == 1 && n >= 2 && (j < end || eod) &&
	    j - i < RUN_MAX - 3 && cp1252_byte(run[n - 2]) == 0xE2 &&
	    cp1252_byte(run[n - 1]) == 0x80) {
		run[n++] = SUB_BASE + 0x9D;
		(*nsub)++;
	}
	*jp = j;
	return n;
}

static size_t
try_encoding(struct stage *f, size_t i, size_t end, int eod, struct buf *out)
{
	const unsigned char *p = f->hold.p;
	int32_t		 run[RUN_CHARS];
	unsigned char	 enc[4];
	size_t		 j = i, n = 0, m, k, nsub = 0, lo, hi;
	int		 nonascii_lead = 0, lost;

	for (lost = 1; lost >= 0; lost--) {
		n = collect_run(p, i, end, eod, lost, run, &j, &nsub);
		if (lost && nsub == 0)
			continue;
		if (lost) {
			if (j - i + 3 >= RUN_MAX && j < end)
				continue;
			/* Only where the text is clearly mojibake otherwise:
			 * a pair in the run, within LOOKBACK before it or in
			 * the look-ahead after it, or mojibake repaired
			 * earlier in the document.  Each is the same however
			 * the text was cut. */
			lo = i > LOOKBACK ? i - LOOKBACK : 0;
			while (lo < i && (p[lo] & 0xC0) == 0x80)
				lo++;
			hi = end;
			while (hi > j && hi < f->hold.len &&
			    (p[hi] & 0xC0) == 0x80)
				hi--;
			if (f->doc_moji == 0 && plain_pairs(run, n) +
			    pairs_in(p, lo, i) + pairs_in(p, j, hi) == 0)
				continue;
		}
		/* A run cut short by RUN_MAX ends before its last lead
		 * character, whose sequence may go on: the next run starts
		 * there. */
		if (j - i + 3 >= RUN_MAX && j < end) {
			for (k = n; k > 0 && cp1252_byte(run[k - 1]) < 0xC2;
			    k--)
				;
			if (k > 2) {
				while (n >= k) {
					n--;
					j -= (size_t)utf8_encode(run[n], enc);
				}
			}
		}
		nonascii_lead = 0;
		for (k = 0; k < n; k++)
			if (cp1252_byte(run[k]) >= 0xC2)
				nonascii_lead = 1;
		if (n < 2 || !nonascii_lead)
			continue;
		if (unbreak(run, n, &m, i > 0 && after_letter(p, i)) == 0)
			continue;
		for (k = 0; k < m; k++)
			if (run[k] >= SUB_BASE)
				break;
		if (k < m)
			continue;
		buf_clear(&f->tmp);
		for (k = 0; k < m; k++)
			if (buf_put_utf8(&f->tmp, run[k]) == -1)
				return (size_t)-1;
		if (buf_append(out, f->tmp.p, f->tmp.len) == -1)
			return (size_t)-1;
		if (report(f, i, p + i, j - i, f->tmp.p, f->tmp.len,
		    FIX_ENCODING) == -1)
			return (size_t)-1;
		f->doc_moji++;
		return j - i;
	}
	return 0;
}

/* C1: a control U+0080..U+009F that stood for a Windows-1252 byte. */
static size_t
try_c1(struct stage *f, size_t i, struct buf *out)
{
	const unsigned char *p = f->hold.p;
	int32_t		 cp;
	unsigned char	 enc[4];
	int		 len;

	if (p[i] != 0xC2 || p[i + 1] < 0x80 || p[i + 1] > 0x9F)
		return 0;
	if ((cp = cp1252_hi[p[i + 1] - 0x80]) == 0)
		return 0;
	len = utf8_encode(cp, enc);
	if (buf_append(out, enc, (size_t)len) == -1)
		return (size_t)-1;
	if (report(f, i, p + i, 2, enc, (size_t)len, FIX_C1) == -1)
		return (size_t)-1;
	return 2;
}

static size_t
seq_len(unsigned char c)
{
	return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/*
 * Decides the bytes of hold from start; with final, all of them, else those
 * with FIX_LOOKAHEAD bytes after them.
 */
/* Notes a change for map_back (only when explaining). */
static int
note_change(struct stage *f, uint64_t in0, uint64_t in1, uint64_t out0,
    uint64_t out1)
{
	struct change	*c;
	size_t		 cap;

	if (f->top->explain == NULL || f->index == NSTAGES - 1)
		return 0;
	if (f->nchg == f->capchg) {
		cap = f->capchg ? f->capchg * 2 : 16;
		if ((c = realloc(f->chg, cap * sizeof(*c))) == NULL)
			return -1;
		f->chg = c;
		f->capchg = cap;
	}
	c = &f->chg[f->nchg++];
	c->in0 = in0;
	c->in1 = in1;
	c->out0 = out0;
	c->out1 = out1;
	return 0;
}

/*
 * Forgets changes the next stage can no longer ask about: those that end
 * well before its held text (with room for a change it made long after
 * reading it).
 */
static void
prune_changes(struct stage *f, uint64_t keep_from)
{
	size_t	 k = 0;

	keep_from = keep_from > 4096 ? keep_from - 4096 : 0;
	while (k < f->nchg && f->chg[k].out1 <= keep_from)
		k++;
	if (k == 0)
		return;
	f->anchor_in = f->chg[k - 1].in1;
	f->anchor_out = f->chg[k - 1].out1;
	memmove(f->chg, f->chg + k, (f->nchg - k) * sizeof(*f->chg));
	f->nchg -= k;
}

static int
process(struct stage *f, int final, struct buf *out)
{
	const unsigned char *p;
	size_t		 i = f->start, j, len = f->hold.len, limit, end, r;
	size_t		 out0 = out->len, before;
	int		 eod;

	if (final)
		limit = len;
	else if (len < FIX_LOOKAHEAD)
		return 0;
	else
		limit = len - FIX_LOOKAHEAD;
	p = f->hold.p;
	/* Output ends between two code points, as the next stage needs. */
	while (limit < len && limit > i && (p[limit] & 0xC0) == 0x80)
		limit--;
	while (i < limit) {
		for (j = i; j < limit && !f->trigger[p[j]]; j++)
			;
		if (j > i && buf_append(out, p + i, j - i) == -1)
			return -1;
		if (f->words != NULL)
			words_scan(f->words, p + i, j - i);
		if ((i = j) >= limit)
			break;
		if (len - i <= FIX_LOOKAHEAD) {
			end = len;
			eod = final;
		} else {
			end = i + FIX_LOOKAHEAD;
			eod = 0;
		}
		r = 0;
		before = out->len;
		switch (p[i]) {
		case '&':
			r = try_entity(f, i, end, out);
			break;
		case 0x1B:
			r = try_ansi(f, i, end);
			break;
		case '.':
			r = try_space(f, i, end, eod, out);
			break;
		case '-':
			r = try_hyphen(f, i, end, eod, out);
			break;
		default:
			if (p[i] < 0x80)
				break;
			if (f->flags & FIX_ENCODING)
				r = try_encoding(f, i, end, eod, out);
			if (r == 0 && (f->flags & FIX_C1))
				r = try_c1(f, i, out);
			break;
		}
		if (r == (size_t)-1)
			return -1;
		if (r == 0) {
			r = seq_len(p[i]);
			if (buf_append(out, p + i, r) == -1)
				return -1;
		} else if (note_change(f, f->base + i, f->base + i + r,
		    f->out_off + (before - out0),
		    f->out_off + (out->len - out0)) == -1)
			return -1;
		if (f->words != NULL)
			words_scan(f->words, p + i, r);
		i += r;
	}
	f->start = i;
	f->out_off += out->len - out0;
	return 0;
}

/* Feeds s[0..n) to one stage; appends what is decided to out. */
static int
stage_feed(struct stage *f, const unsigned char *s, size_t n,
    struct buf *out)
{
	size_t	 cut;

	if (f->flags == 0) {
		f->out_off += n;
		f->base += n;
		return n > 0 ? buf_append(out, s, n) : 0;
	}
	if (n > 0 && buf_append(&f->hold, s, n) == -1)
		return -1;
	if (process(f, 0, out) == -1)
		return -1;
	/* Keep CONTEXT bytes of what was decided, from a code point on. */
	if (f->start > CONTEXT) {
		cut = f->start - CONTEXT;
		while (cut < f->start && (f->hold.p[cut] & 0xC0) == 0x80)
			cut++;
		memmove(f->hold.p, f->hold.p + cut, f->hold.len - cut);
		f->hold.len -= cut;
		f->start -= cut;
		f->base += cut;
		f->at_doc_start = 0;
	}
	return 0;
}

static int
stage_finish(struct stage *f, struct buf *out)
{
	int	 rc = 0;

	if (f->flags != 0)
		rc = process(f, 1, out);
	buf_clear(&f->hold);
	f->start = 0;
	f->base = 0;
	f->out_off = 0;
	f->at_doc_start = 1;
	f->doc_moji = 0;
	if (f->words != NULL)
		words_reset(f->words);
	return rc;
}

/* Runs s[0..n) through the stages; with end, finishes the document. */
static int
run_stages(struct fix *f, const unsigned char *s, size_t n, int end,
    struct buf *out)
{
	struct buf	*dst;
	int		 k;

	for (k = 0; k < NSTAGES; k++) {
		dst = k == NSTAGES - 1 ? out : &f->mid[k];
		if (k < NSTAGES - 1)
			buf_clear(dst);
		if (stage_feed(&f->st[k], s, n, dst) == -1)
			return -1;
		if (end && stage_finish(&f->st[k], dst) == -1)
			return -1;
		s = dst->p;
		n = dst->len;
	}
	if (f->explain != NULL)
		explain_pending(f);
	/* Later stages ask about offsets at most a little before their held
	 * text; the margin in prune_changes covers the lag between stages. */
	for (k = 0; !end && k < NSTAGES - 1; k++)
		prune_changes(&f->st[k], f->st[k + 1].base);
	/* The next stages needed the changes until now. */
	for (k = 0; end && k < NSTAGES; k++) {
		f->st[k].nchg = 0;
		f->st[k].anchor_in = f->st[k].anchor_out = 0;
	}
	return 0;
}

int
fix_feed(struct fix *f, const unsigned char *s, size_t n, struct buf *out)
{
	if ((f->flags & ~(unsigned)FIX_BULLETS) == 0)
		return buf_append(out, s, n);
	return run_stages(f, s, n, 0, out);
}

int
fix_finish(struct fix *f, struct buf *out)
{
	if ((f->flags & ~(unsigned)FIX_BULLETS) == 0)
		return 0;
	return run_stages(f, NULL, 0, 1, out);
}
