/*
 * seg: the streaming segmenter behind segment(1) (see seg.h for how the
 * window is cut).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "seg.h"
#include "sentence.h"
#include "token.h"
#include "uax29.h"
#include "utf8.h"

/* News sentences are emitted only when this many tokens follow their end:
 * no rule looks further ahead (closers, the next word, a list marker). */
#define SEG_LOOKAHEAD	8

struct seg {
	struct seg_config cfg;
	struct buf	 win;
	size_t		 off;		/* document offset of win.p[0] */
	size_t		 off_chars;	/* the same in code points */
	int		 continued;	/* win starts mid-document */
	int		 para_next;	/* the next unit starts a paragraph */
	size_t		 newlines;	/* line breaks since the last unit */
	struct tok_vec	 toks;
	struct sent_vec	 sents;
	/* UAX #29: the window as code points, with byte offsets. */
	int32_t		*cps;
	size_t		*cpoff;		/* ncp + 1 entries */
	unsigned char	*brk, *wbrk;
	size_t		 ncp, cpcap;
};

int
seg_unit_parse(const char *name, enum seg_unit *u)
{
	if (strcmp(name, "sentence") == 0)
		*u = SEG_SENTENCE;
	else if (strcmp(name, "word") == 0)
		*u = SEG_WORD;
	else if (strcmp(name, "grapheme") == 0)
		*u = SEG_GRAPHEME;
	else if (strcmp(name, "paragraph") == 0)
		*u = SEG_PARAGRAPH;
	else
		return -1;
	return 0;
}

int
seg_scheme_parse(const char *name, enum seg_scheme *sc)
{
	if (strcmp(name, "news") == 0)
		*sc = SEG_NEWS;
	else if (strcmp(name, "uax29") == 0)
		*sc = SEG_UAX29;
	else
		return -1;
	return 0;
}

struct seg *
seg_new(const struct seg_config *cfg)
{
	struct seg	*g;

	if ((g = calloc(1, sizeof(*g))) == NULL)
		return NULL;
	g->cfg = *cfg;
	if (g->cfg.window == 0)
		g->cfg.window = 1 << 20;
	g->para_next = 1;
	return g;
}

void
seg_free(struct seg *g)
{
	if (g == NULL)
		return;
	buf_free(&g->win);
	tok_vec_free(&g->toks);
	sent_vec_free(&g->sents);
	free(g->cps);
	free(g->cpoff);
	free(g->brk);
	free(g->wbrk);
	free(g);
}

/* Drops win[0..k) once its units are out. */
static void
consume(struct seg *g, size_t k)
{
	g->off_chars += utf8_count(g->win.p, k);
	memmove(g->win.p, g->win.p + k, g->win.len - k);
	g->win.len -= k;
	g->off += k;
	g->continued = 1;
}

static int
emit_span(struct seg *g, size_t start, size_t end, int para,
    const struct tok *toks, size_t ntoks, seg_emit_fn emit, void *arg)
{
	struct seg_item	 it;

	it.win = g->win.p;
	it.off = g->off;
	it.off_chars = g->off_chars;
	it.start = start;
	it.end = end;
	it.para_start = para;
	it.toks = toks;
	it.ntoks = ntoks;
	return emit(arg, &it);
}

/* Is c white space that separates units? */
static int
is_space_cp(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (c == 0x85 || c == 0x2028 || c == 0x2029)
		return 1;
	return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

static int
is_break_cp(int32_t c)
{
	return c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
	    c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* News sentences and words. */
static int
run_news(struct seg *g, int final, seg_emit_fn emit, void *arg)
{
	struct sent_config sc;
	size_t		 limit = g->win.len, k, i, keep;
	const struct sent_span *sp;

	if (!final) {
		/* Never cut a token: stop after the last white space. */
		while (limit > 0 && !is_space_cp(g->win.p[limit - 1]))
			limit--;
		if (limit == 0) {
			if (g->win.len < 2 * g->cfg.window)
				return 0;
			limit = g->win.len;	/* no space at all: cut */
		}
	}
	sc.abbrev = g->cfg.abbrev;
	sc.newline_paragraphs = g->cfg.newline_paragraphs;
	sc.continued = g->continued;
	if (sent_split(&sc, g->win.p, limit, &g->toks, &g->sents) == -1)
		return -1;
	k = g->sents.n;
	if (!final) {
		/* Keep the last sentences until enough tokens follow. */
		while (k > 0 && g->toks.n - g->sents.v[k - 1].tok_start <
		    SEG_LOOKAHEAD)
			k--;
		if (k > 0)
			k--;	/* the last one may still grow */
		if (k == 0 && g->win.len >= 2 * g->cfg.window)
			k = g->sents.n > 1 ? g->sents.n - 1 : g->sents.n;
		if (k == 0)
			return 0;
	}
	for (i = 0; i < k; i++) {
		sp = &g->sents.v[i];
		if (emit_span(g, sp->start, sp->end, sp->para_start,
		    g->toks.v + sp->tok_start, sp->tok_end - sp->tok_start,
		    emit, arg) == -1)
			return -1;
	}
	if (final)
		return 0;
	/* Keep the white space before the next sentence: its line breaks
	 * tell whether a paragraph starts. */
	keep = k < g->sents.n ? g->sents.v[k - 1].end : limit;
	consume(g, keep);
	return 0;
}

/* Decodes win[0..n) into code points. */
static int
decode(struct seg *g, size_t n)
{
	size_t	 i = 0, cap;
	int32_t	 cp;
	int	 r;
	void	*p;

	g->ncp = 0;
	for (;;) {
		/* Room for one more code point and the end entries. */
		if (g->ncp + 2 >= g->cpcap) {
			cap = g->cpcap ? g->cpcap * 2 : 4096;
			if ((p = realloc(g->cps, cap * sizeof(*g->cps))) == NULL)
				return -1;
			g->cps = p;
			if ((p = realloc(g->cpoff, cap * sizeof(*g->cpoff))) ==
			    NULL)
				return -1;
			g->cpoff = p;
			if ((p = realloc(g->brk, cap)) == NULL)
				return -1;
			g->brk = p;
			if ((p = realloc(g->wbrk, cap)) == NULL)
				return -1;
			g->wbrk = p;
			g->cpcap = cap;
		}
		if (i >= n)
			break;
		r = utf8_decode(g->win.p + i, n - i, &cp);
		if (r <= 0) {
			cp = UTF8_REPLACEMENT;
			r = r < 0 ? -r : (int)(n - i);
		}
		g->cpoff[g->ncp] = i;
		g->cps[g->ncp++] = cp;
		i += (size_t)r;
	}
	g->cpoff[g->ncp] = n;
	return 0;
}

/* Counts line breaks in cps[a..b), CR LF as one. */
static size_t
count_breaks(const struct seg *g, size_t a, size_t b)
{
	size_t	 i, n = 0;

	for (i = a; i < b; i++)
		if (is_break_cp(g->cps[i]) && !(g->cps[i] == '\n' && i > 0 &&
		    g->cps[i - 1] == '\r'))
			n++;
	return n;
}

/* Is a paragraph break due, given the line breaks before a unit? */
static int
para_due(struct seg *g)
{
	int	 p = g->para_next || g->newlines >= 2 ||
	    (g->cfg.newline_paragraphs && g->newlines >= 1);

	g->para_next = 0;
	g->newlines = 0;
	return p;
}

/* Adds a token to toks (UAX #29 words). */
static int
push_tok(struct tok_vec *v, size_t start, size_t end)
{
	struct tok	*p;
	size_t		 cap;

	if (v->n == v->cap) {
		cap = v->cap ? v->cap * 2 : 256;
		if ((p = realloc(v->v, cap * sizeof(*p))) == NULL)
			return -1;
		v->v = p;
		v->cap = cap;
	}
	memset(&v->v[v->n], 0, sizeof(*p));
	v->v[v->n].start = start;
	v->v[v->n].end = end;
	v->v[v->n].kind = TOK_OTHER;
	v->n++;
	return 0;
}

/*
 * UAX #29 sentences (and words), and graphemes: segments of the code
 * points cps[0..cut), white space trimmed, white-space-only ones skipped.
 */
static int
emit_uax29(struct seg *g, size_t cut, seg_emit_fn emit, void *arg)
{
	size_t	 a, b, s, e, w, we, t0;
	int	 grapheme = g->cfg.unit == SEG_GRAPHEME;

	for (a = 0; a < cut; a = b) {
		for (b = a + 1; b < cut && !g->brk[b]; b++)
			;
		s = a;
		e = b;
		if (!grapheme) {
			while (s < e && is_space_cp(g->cps[s]))
				s++;
			while (e > s && is_space_cp(g->cps[e - 1]))
				e--;
		}
		g->newlines += count_breaks(g, a, s);
		if (s == e || (grapheme && is_break_cp(g->cps[s]))) {
			g->newlines += count_breaks(g, s, b);
			continue;
		}
		g->toks.n = 0;
		if (g->cfg.unit == SEG_WORD) {
			for (w = s; w < e; w = we) {
				for (we = w + 1; we < e && !g->wbrk[we]; we++)
					;
				for (t0 = w; t0 < we &&
				    is_space_cp(g->cps[t0]); t0++)
					;
				if (t0 < we && push_tok(&g->toks, g->cpoff[w],
				    g->cpoff[we]) == -1)
					return -1;
			}
		}
		if (emit_span(g, g->cpoff[s], g->cpoff[e], para_due(g),
		    g->toks.v, g->toks.n, emit, arg) == -1)
			return -1;
		g->newlines += count_breaks(g, e, b);
	}
	return 0;
}

static int
run_uax29(struct seg *g, int final, seg_emit_fn emit, void *arg)
{
	size_t	 cut, i;

	if (decode(g, g->win.len) == -1)
		return -1;
	switch (g->cfg.unit) {
	case SEG_GRAPHEME:
		uax29_grapheme_breaks(g->cps, g->ncp, g->brk);
		break;
	case SEG_WORD:
		uax29_word_breaks(g->cps, g->ncp, g->wbrk);
		/* FALLTHROUGH */
	default:
		uax29_sentence_breaks(g->cps, g->ncp, g->brk);
		break;
	}
	cut = g->ncp;
	if (!final) {
		/* Graphemes: all but the last.  Sentences and words: up to
		 * the last line break, where no rule looks across. */
		if (g->cfg.unit == SEG_GRAPHEME) {
			for (cut = g->ncp; cut > 0 && !g->brk[cut - 1]; cut--)
				;
			cut = cut > 0 ? cut - 1 : 0;
		} else {
			for (i = g->ncp; i > 0 && !is_break_cp(g->cps[i - 1]);
			    i--)
				;
			cut = i;
			if (cut == 0 && g->win.len >= 2 * g->cfg.window)
				cut = g->cfg.unit == SEG_WORD ?
				    uax29_word_safe_cut(g->cps, g->ncp) :
				    uax29_sentence_safe_cut(g->cps, g->ncp);
		}
		if (cut == 0) {
			if (g->win.len < 2 * g->cfg.window)
				return 0;
			cut = g->ncp;	/* nothing safe: cut it */
		}
	}
	if (emit_uax29(g, cut, emit, arg) == -1)
		return -1;
	if (!final)
		consume(g, g->cpoff[cut]);
	return 0;
}

/* Paragraphs: text between empty lines (or between any line breaks). */
static int
run_paragraphs(struct seg *g, int final, seg_emit_fn emit, void *arg)
{
	const unsigned char *p = g->win.p;
	size_t	 n = g->win.len, i = 0, start, end, ls, done = 0;
	int	 blank;

	for (;;) {
		/* Skip white space and empty lines to the paragraph. */
		while (i < n && is_space_cp(p[i]))
			i++;
		if (i == n)
			break;
		start = i;
		end = i;
		/* Take lines until an empty one (or one line). */
		for (;;) {
			while (i < n && p[i] != '\n' && p[i] != '\r')
				i++;
			if (i < n || final)
				end = i;
			if (i == n)
				break;
			if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
				i++;
			i++;
			if (g->cfg.newline_paragraphs)
				break;
			ls = i;
			blank = 1;
			while (i < n && p[i] != '\n' && p[i] != '\r') {
				if (!is_space_cp(p[i]))
					blank = 0;
				i++;
			}
			if (i == n && !final)
				blank = 0;	/* not known yet */
			if (blank && i < n)
				break;
			if (blank && final)
				break;
			i = ls;
			if (i == n)
				break;
		}
		if (i == n && !final)
			break;	/* the paragraph may go on */
		while (end > start && is_space_cp(p[end - 1]))
			end--;
		if (emit_span(g, start, end, 1, NULL, 0, emit, arg) == -1)
			return -1;
		done = i;
	}
	if (!final && done > 0)
		consume(g, done);
	return 0;
}

static int
run(struct seg *g, int final, seg_emit_fn emit, void *arg)
{
	if (g->cfg.unit == SEG_PARAGRAPH)
		return run_paragraphs(g, final, emit, arg);
	if (g->cfg.scheme == SEG_UAX29 || g->cfg.unit == SEG_GRAPHEME)
		return run_uax29(g, final, emit, arg);
	return run_news(g, final, emit, arg);
}

int
seg_feed(struct seg *g, const unsigned char *s, size_t n, seg_emit_fn emit,
    void *arg)
{
	if (buf_append(&g->win, s, n) == -1)
		return -1;
	if (g->win.len < g->cfg.window)
		return 0;
	return run(g, 0, emit, arg);
}

int
seg_finish(struct seg *g, seg_emit_fn emit, void *arg)
{
	int	 rc;

	rc = run(g, 1, emit, arg);
	buf_clear(&g->win);
	g->off = 0;
	g->off_chars = 0;
	g->continued = 0;
	g->para_next = 1;
	g->newlines = 0;
	return rc;
}
