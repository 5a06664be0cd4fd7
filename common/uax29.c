/*
 * uax29: grapheme, word and sentence boundaries by the default rules of
 * UAX #29 (Unicode 15.0), sections 3.1.1, 4.1.1 and 5.1.1.  See uax29.h
 * for the contracts.
 *
 * Both rule sets begin with a rule that makes some characters invisible:
 * WB4 "X (Extend | Format | ZWJ)* -> X" and SB5 "X (Extend | Format)* ->
 * X", except after sot and after line or paragraph separators.  The later
 * rules then see a shorter sequence of effective characters.  Rather than
 * build that sequence, each pass below keeps the last one or two effective
 * properties (and for sentences, where in a "SATerm Close* Sp*" run it is)
 * as it goes, and looks ahead past ignored characters only where a rule
 * needs the next effective one.  Every rule is cited by its number.
 */
#include <stddef.h>
#include <stdint.h>

#include <utf8proc.h>

#include "uax29.h"

#include "uax29_data.inc"

#define WB_MASK		0x1F	/* enum uax29_wb in a table byte */
#define WB_EXTPICT	0x80	/* Extended_Pictographic in a table byte */

#define BIT(p)		(1u << (p))

/* Word_Break classes the rules name. */
#define WBM_NEWLINE	(BIT(WB_CR) | BIT(WB_LF) | BIT(WB_NEWLINE))
#define WBM_IGNORE	(BIT(WB_EXTEND) | BIT(WB_FORMAT) | BIT(WB_ZWJ))
#define WBM_AHLETTER	(BIT(WB_ALETTER) | BIT(WB_HEBREW_LETTER))
#define WBM_MIDNUMLETQ	(BIT(WB_MIDNUMLET) | BIT(WB_SINGLE_QUOTE))
#define WBM_MIDLETQ	(BIT(WB_MIDLETTER) | WBM_MIDNUMLETQ)
#define WBM_MIDNUMQ	(BIT(WB_MIDNUM) | WBM_MIDNUMLETQ)

/* Sentence_Break classes the rules name. */
#define SBM_PARASEP	(BIT(SB_SEP) | BIT(SB_CR) | BIT(SB_LF))
#define SBM_IGNORE	(BIT(SB_EXTEND) | BIT(SB_FORMAT))
#define SBM_SATERM	(BIT(SB_STERM) | BIT(SB_ATERM))
/* What SB8's look-ahead stops at: OLetter, Upper, Lower, ParaSep, SATerm. */
#define SBM_SB8STOP	(BIT(SB_OLETTER) | BIT(SB_UPPER) | BIT(SB_LOWER) | \
			    SBM_PARASEP | SBM_SATERM)
#define SBM_LETTER	(BIT(SB_OLETTER) | BIT(SB_UPPER) | BIT(SB_LOWER))

static inline unsigned
wb_byte(int32_t cp)
{
	uint32_t	 u = (uint32_t)cp;

	if (u >= 0x110000)
		return WB_OTHER;
	return uax29_wb_stage2[(size_t)uax29_wb_stage1[u >> 8] * 256 +
	    (u & 0xFF)];
}

static inline unsigned
sb_prop(int32_t cp)
{
	uint32_t	 u = (uint32_t)cp;

	if (u >= 0x110000)
		return SB_OTHER;
	return uax29_sb_stage2[(size_t)uax29_sb_stage1[u >> 8] * 256 +
	    (u & 0xFF)];
}

enum uax29_wb
uax29_wb(int32_t cp)
{
	return (enum uax29_wb)(wb_byte(cp) & WB_MASK);
}

enum uax29_sb
uax29_sb(int32_t cp)
{
	return (enum uax29_sb)sb_prop(cp);
}

int
uax29_extpict(int32_t cp)
{
	return (wb_byte(cp) & WB_EXTPICT) != 0;
}

void
uax29_grapheme_breaks(const int32_t *cp, size_t n, unsigned char *brk)
{
	utf8proc_int32_t state = 0;
	size_t		 i;

	/* GB1 */
	brk[0] = 1;
	if (n == 0)
		return;
	/* GB3 to GB999; the state carries GB11's emoji sequence and the
	 * regional-indicator pairs of GB12/GB13 from call to call. */
	for (i = 1; i < n; i++)
		brk[i] = utf8proc_grapheme_break_stateful(cp[i - 1], cp[i],
		    &state) ? 1 : 0;
	/* GB2 */
	brk[n] = 1;
}

/*
 * Returns the Word_Break property of the first effective character after
 * cp[i], or WB_OTHER at eot (which no rule that asks can tell from Other).
 * cp[i] is no line break, so all the Extend, Format and ZWJ that follow it
 * are ignored (WB4).
 */
static inline unsigned
wb_next(const int32_t *cp, size_t n, size_t i)
{
	unsigned	 p;

	for (i++; i < n; i++)
		if (!(BIT(p = wb_byte(cp[i]) & WB_MASK) & WBM_IGNORE))
			return p;
	return WB_OTHER;
}

/*
 * The word rule at the boundary before cp[i], 0 < i < n.  prev is the
 * property of cp[i - 1], cur the table byte of cp[i]; p1 and p2 are the
 * last and the last but one effective properties before cp[i] (WB_OTHER
 * before sot), nri the length of the run of effective Regional_Indicators
 * that ends with p1.
 */
static inline unsigned char
wb_rule(const int32_t *cp, size_t n, size_t i, unsigned prev, unsigned cur,
    unsigned p1, unsigned p2, size_t nri)
{
	unsigned	 c = cur & WB_MASK, n1;

	/* WB3: CR x LF */
	if (prev == WB_CR && c == WB_LF)
		return 0;
	/* WB3a: (Newline | CR | LF) / ; WB3b: / (Newline | CR | LF) */
	if ((BIT(prev) | BIT(c)) & WBM_NEWLINE)
		return 1;
	/* WB3c: ZWJ x \p{Extended_Pictographic} */
	if (prev == WB_ZWJ && (cur & WB_EXTPICT))
		return 0;
	/* WB3d: WSegSpace x WSegSpace */
	if (prev == WB_WSEGSPACE && c == WB_WSEGSPACE)
		return 0;
	/* WB4: X (Extend | Format | ZWJ)* -> X; prev is no line break. */
	if (BIT(c) & WBM_IGNORE)
		return 0;

	switch (c) {
	case WB_ALETTER:
	case WB_HEBREW_LETTER:
		/* WB5: AHLetter x AHLetter */
		if (BIT(p1) & WBM_AHLETTER)
			return 0;
		/* WB7: AHLetter (MidLetter | MidNumLetQ) x AHLetter */
		if ((BIT(p1) & WBM_MIDLETQ) && (BIT(p2) & WBM_AHLETTER))
			return 0;
		/* WB7c: Hebrew_Letter Double_Quote x Hebrew_Letter */
		if (c == WB_HEBREW_LETTER && p1 == WB_DOUBLE_QUOTE &&
		    p2 == WB_HEBREW_LETTER)
			return 0;
		/* WB10: Numeric x AHLetter */
		if (p1 == WB_NUMERIC)
			return 0;
		/* WB13b: ExtendNumLet x (AHLetter | Numeric | Katakana) */
		return p1 != WB_EXTENDNUMLET;
	case WB_SINGLE_QUOTE:
		/* WB7a: Hebrew_Letter x Single_Quote */
		if (p1 == WB_HEBREW_LETTER)
			return 0;
		/* FALLTHROUGH */
	case WB_MIDLETTER:
	case WB_MIDNUMLET:
	case WB_MIDNUM:
		if (!(BIT(p1) & (WBM_AHLETTER | BIT(WB_NUMERIC))))
			return 1;
		n1 = wb_next(cp, n, i);
		/* WB6: AHLetter x (MidLetter | MidNumLetQ) AHLetter */
		if ((BIT(p1) & WBM_AHLETTER) && (BIT(c) & WBM_MIDLETQ) &&
		    (BIT(n1) & WBM_AHLETTER))
			return 0;
		/* WB12: Numeric x (MidNum | MidNumLetQ) Numeric */
		if (p1 == WB_NUMERIC && (BIT(c) & WBM_MIDNUMQ) &&
		    n1 == WB_NUMERIC)
			return 0;
		return 1;
	case WB_DOUBLE_QUOTE:
		/* WB7b: Hebrew_Letter x Double_Quote Hebrew_Letter */
		if (p1 == WB_HEBREW_LETTER &&
		    wb_next(cp, n, i) == WB_HEBREW_LETTER)
			return 0;
		return 1;
	case WB_NUMERIC:
		/* WB8: Numeric x Numeric; WB9: AHLetter x Numeric */
		if (BIT(p1) & (BIT(WB_NUMERIC) | WBM_AHLETTER))
			return 0;
		/* WB11: Numeric (MidNum | MidNumLetQ) x Numeric */
		if ((BIT(p1) & WBM_MIDNUMQ) && p2 == WB_NUMERIC)
			return 0;
		/* WB13b */
		return p1 != WB_EXTENDNUMLET;
	case WB_KATAKANA:
		/* WB13: Katakana x Katakana; WB13b */
		return p1 != WB_KATAKANA && p1 != WB_EXTENDNUMLET;
	case WB_EXTENDNUMLET:
		/* WB13a: (AHLetter | Numeric | Katakana | ExtendNumLet) x
		 * ExtendNumLet */
		return !(BIT(p1) & (WBM_AHLETTER | BIT(WB_NUMERIC) |
		    BIT(WB_KATAKANA) | BIT(WB_EXTENDNUMLET)));
	case WB_REGIONAL_INDICATOR:
		/* WB15: sot (RI RI)* RI x RI; WB16: [^RI] (RI RI)* RI x RI */
		return p1 != WB_REGIONAL_INDICATOR || nri % 2 == 0;
	default:
		/* WB999: Any / Any */
		return 1;
	}
}

void
uax29_word_breaks(const int32_t *cp, size_t n, unsigned char *brk)
{
	unsigned	 prev, cur, c, p1, p2;
	size_t		 i, nri;

	/* WB1: sot / Any */
	brk[0] = 1;
	if (n == 0)
		return;
	/* After sot a character is never ignored (WB4's exception). */
	cur = wb_byte(cp[0]);
	p1 = cur & WB_MASK;
	p2 = WB_OTHER;
	nri = p1 == WB_REGIONAL_INDICATOR;
	for (i = 1; i < n; i++) {
		prev = cur & WB_MASK;
		cur = wb_byte(cp[i]);
		c = cur & WB_MASK;
		brk[i] = wb_rule(cp, n, i, prev, cur, p1, p2, nri);
		/* WB4 hides Extend, Format and ZWJ from the later rules,
		 * except after a line break. */
		if ((BIT(c) & WBM_IGNORE) && !(BIT(prev) & WBM_NEWLINE))
			continue;
		p2 = p1;
		p1 = c;
		nri = c == WB_REGIONAL_INDICATOR ? nri + 1 : 0;
	}
	/* WB2: Any / eot */
	brk[n] = 1;
}

/*
 * SB8's look-ahead: ATerm Close* Sp* x ( !(OLetter | Upper | Lower |
 * ParaSep | SATerm) )* Lower.  Returns 1 if the first character at or after
 * cp[i] that is OLetter, Upper, Lower, ParaSep or SATerm is Lower.  Ignored
 * characters (SB5) are in none of those classes, so the scan passes them as
 * the rule's own star does.
 *
 * The answer for i holds for every start in [i, stop], so it is kept in
 * *from and *stop; the next terminator is at or after stop (SATerm stops
 * the scan), so each character is scanned at most once and the pass stays
 * linear however long the run.
 */
static inline int
sb8_lower(const int32_t *cp, size_t n, size_t i, size_t *from, size_t *stop)
{
	size_t	 k;

	if (i < *from || i > *stop) {
		for (k = i; k < n; k++)
			if (BIT(sb_prop(cp[k])) & SBM_SB8STOP)
				break;
		*from = i;
		*stop = k;
	}
	return *stop < n && sb_prop(cp[*stop]) == SB_LOWER;
}

/* Where the effective characters so far stand in "SATerm Close* Sp*". */
enum sb_run {
	SB_RUN_NONE,	/* not in such a run */
	SB_RUN_TERM,	/* just after SATerm */
	SB_RUN_CLOSE,	/* in Close* */
	SB_RUN_SP	/* in Sp* */
};

struct sb_state {
	enum sb_run	 run;
	int		 aterm;	/* the run's terminator is ATerm */
	int		 cased;	/* and it follows Upper or Lower (SB7) */
	unsigned	 p1;	/* the last effective property */
};

/* Moves the state past effective character c. */
static inline void
sb_advance(struct sb_state *st, unsigned c)
{
	switch (c) {
	case SB_ATERM:
	case SB_STERM:
		st->run = SB_RUN_TERM;
		st->aterm = c == SB_ATERM;
		st->cased = st->p1 == SB_UPPER || st->p1 == SB_LOWER;
		break;
	case SB_CLOSE:
		if (st->run == SB_RUN_TERM || st->run == SB_RUN_CLOSE)
			st->run = SB_RUN_CLOSE;
		else
			st->run = SB_RUN_NONE;
		break;
	case SB_SP:
		if (st->run != SB_RUN_NONE)
			st->run = SB_RUN_SP;
		break;
	default:
		st->run = SB_RUN_NONE;
		break;
	}
	st->p1 = c;
}

void
uax29_sentence_breaks(const int32_t *cp, size_t n, unsigned char *brk)
{
	struct sb_state	 st = { SB_RUN_NONE, 0, 0, SB_OTHER };
	unsigned	 prev, c;
	size_t		 i, la_from = 1, la_stop = 0;

	/* SB1: sot / Any */
	brk[0] = 1;
	if (n == 0)
		return;
	/* After sot a character is never ignored (SB5's exception). */
	c = sb_prop(cp[0]);
	sb_advance(&st, c);
	for (i = 1; i < n; i++) {
		prev = c;
		c = sb_prop(cp[i]);
		if (prev == SB_CR && c == SB_LF) {
			/* SB3: CR x LF */
			brk[i] = 0;
		} else if (BIT(prev) & SBM_PARASEP) {
			/* SB4: ParaSep / */
			brk[i] = 1;
		} else if (BIT(c) & SBM_IGNORE) {
			/* SB5: X (Extend | Format)* -> X; the state stays
			 * that of X. */
			brk[i] = 0;
			continue;
		} else if (st.run == SB_RUN_NONE) {
			/* SB998: Any x Any (SB6 to SB11 need a run) */
			brk[i] = 0;
		} else if (st.aterm && st.run == SB_RUN_TERM &&
		    c == SB_NUMERIC) {
			/* SB6: ATerm x Numeric */
			brk[i] = 0;
		} else if (st.aterm && st.run == SB_RUN_TERM && st.cased &&
		    c == SB_UPPER) {
			/* SB7: (Upper | Lower) ATerm x Upper */
			brk[i] = 0;
		} else if (st.aterm &&
		    sb8_lower(cp, n, i, &la_from, &la_stop)) {
			/* SB8: ATerm Close* Sp* x ( !(OLetter | Upper |
			 * Lower | ParaSep | SATerm) )* Lower */
			brk[i] = 0;
		} else if (c == SB_SCONTINUE || (BIT(c) & SBM_SATERM)) {
			/* SB8a: SATerm Close* Sp* x (SContinue | SATerm) */
			brk[i] = 0;
		} else if (st.run != SB_RUN_SP && (c == SB_CLOSE ||
		    c == SB_SP || (BIT(c) & SBM_PARASEP))) {
			/* SB9: SATerm Close* x (Close | Sp | ParaSep) */
			brk[i] = 0;
		} else if (c == SB_SP || (BIT(c) & SBM_PARASEP)) {
			/* SB10: SATerm Close* Sp* x (Sp | ParaSep) */
			brk[i] = 0;
		} else {
			/* SB11: SATerm Close* Sp* ParaSep? / (the ParaSep
			 * case is SB4's) */
			brk[i] = 1;
		}
		sb_advance(&st, c);
	}
	/* SB2: Any / eot */
	brk[n] = 1;
}

/*
 * Safe word cuts.  Claim: a cut at i (0 < i < n) is safe (uax29.h, (a) and
 * (b)) if, with a = Word_Break(cp[i - 1]) and b = Word_Break(cp[i]),
 *
 *   (W1) a is CR, LF or Newline; or
 *   (W2) neither a nor b is Extend, Format or ZWJ; not both are
 *        Regional_Indicator; and if a is AHLetter or Numeric, b is not
 *        MidLetter, MidNumLet, Single_Quote, MidNum or Double_Quote.
 *
 * Proof.  In both cases cp[i] is effective (not hidden by WB4) in T as well
 * as in T[i..): in W1 because WB4 does not apply after a line break or
 * after sot, in W2 because b is not Extend, Format or ZWJ.  So is cp[i - 1]
 * in T: a line break, or (W2) not Extend, Format or ZWJ.
 *
 * (a) The rules at a boundary j look at cp[j - 1], cp[j], what precedes,
 * and, for WB6, WB7b and WB12 only, at the first effective character after
 * cp[j].  For j < i that character is at index i at most, since cp[i - 1]
 * and cp[i] are effective: inside cp[0..n).  For j = i, W1 settles the
 * boundary by WB3 or WB3a before any look-ahead; under W2 the look-ahead
 * rules need the effective character before cp[i], which is cp[i - 1], to
 * be AHLetter or Numeric and cp[i] to be MidLetter, MidNumLet,
 * Single_Quote, MidNum or Double_Quote, which W2 excludes.  So no boundary
 * at or before i sees past cp[i].
 *
 * (b) For j > i, the rules look at cp[j - 1] and cp[j] (both at or after
 * i), at effective characters after j, and behind: at p1 and p2, the last
 * two effective characters before j, and at the parity of the run of
 * Regional_Indicators ending with p1 (WB15, WB16).  As cp[i] is effective,
 * p1 is at or after i in both computations.  p2 differs only when p1 is
 * cp[i]: it is then cp[i - 1] in T and nothing (sot) in T[i..).  The rules
 * consult p2 only when p1 is MidLetter, MidNumLet, Single_Quote, MidNum or
 * Double_Quote (WB7, WB7c, WB11), and then ask whether it is AHLetter,
 * Hebrew_Letter or Numeric; under W1 cp[i - 1] is a line break, under W2
 * it cannot be one of those when cp[i] is one of these, so the answer is
 * no in both.  A run of Regional_Indicators ending with p1 never reaches
 * back past cp[i] in T: under W1 and W2 cp[i - 1] and cp[i] are not both
 * RI.  Last, WB4's exception for sot in T[i..) concerns cp[i] only, which
 * is effective in T too.  So every boundary after i gets the same answer.
 */
size_t
uax29_word_safe_cut(const int32_t *cp, size_t n)
{
	const unsigned	 ahnum = WBM_AHLETTER | BIT(WB_NUMERIC);
	const unsigned	 mid = WBM_MIDLETQ | BIT(WB_MIDNUM) |
	    BIT(WB_DOUBLE_QUOTE);
	unsigned	 a, b;
	size_t		 i;

	if (n < 2)
		return 0;
	b = uax29_wb(cp[n - 1]);
	for (i = n - 1; i > 0; i--, b = a) {
		a = uax29_wb(cp[i - 1]);
		/* W1 */
		if (BIT(a) & WBM_NEWLINE)
			return i;
		/* W2 */
		if (!((BIT(a) | BIT(b)) & WBM_IGNORE) &&
		    !(a == WB_REGIONAL_INDICATOR &&
		    b == WB_REGIONAL_INDICATOR) &&
		    !((BIT(a) & ahnum) && (BIT(b) & mid)))
			return i;
	}
	return 0;
}

/*
 * Safe sentence cuts.  Claim: a cut at i (0 < i < n) is safe if
 *
 *   (S1) cp[i - 1] is ParaSep (Sep, CR or LF); or
 *   (S2) cp[i] is Lower, Upper or OLetter; or
 *   (S3) cp[i - 1] is Lower, Upper or OLetter and cp[i] is not Extend,
 *        Format or ATerm.
 *
 * Proof.  The rules at a boundary j look at cp[j - 1] and cp[j] (SB3, SB4,
 * SB5), at the state of the effective characters before j (whether they
 * end in "SATerm Close* Sp*", which terminator, and for SB7 the character
 * before it) and, for SB8 only, ahead: SB8 scans from cp[j] for the first
 * OLetter, Upper, Lower, ParaSep or SATerm and asks whether it is Lower.
 *
 * (a) For j <= i an SB8 scan stops at cp[i - 1] at the latest under S1, at
 * cp[i] under S2.  Under S3 it stops at cp[i - 1] for j < i; at j = i the
 * effective character before cp[i] is the letter cp[i - 1], which ends any
 * "SATerm Close* Sp*" run, so SB6 to SB11 do not apply there and SB998
 * settles it.  Nothing else looks ahead, so the boundaries up to and
 * including i do not depend on what follows.
 *
 * (b) cp[i] is effective in T and in T[i..): under S1 because SB5 does not
 * apply after ParaSep nor after sot, under S2 and S3 because cp[i] is not
 * Extend or Format.  After cp[i] the state is the same in both.  Under S2, a
 * letter ends any "SATerm Close* Sp*" run, so the state is "no run" in
 * both.  Under S1 and S3 the state before cp[i] is "no run" in T (ParaSep
 * and letters end runs) as in T[i..) at sot, so cp[i] moves both the same
 * way; the one thing that could differ is SB7's "(Upper | Lower) ATerm",
 * which asks about the character before an ATerm: under S1 that is ParaSep
 * in T and nothing in T[i..), no Upper or Lower in either, and S3 excludes
 * an ATerm.  From there the two computations see the same characters, so
 * for j > i (where SB3, SB4 and SB5 look no further back than cp[i], and
 * SB5's exception for sot concerns cp[i] only) every boundary gets the
 * same answer.
 *
 * S2 and S3 make cuts frequent in prose: any letter will do, which is why
 * the scan below starts at the end.
 */
size_t
uax29_sentence_safe_cut(const int32_t *cp, size_t n)
{
	unsigned	 a, b;
	size_t		 i;

	if (n < 2)
		return 0;
	b = sb_prop(cp[n - 1]);
	for (i = n - 1; i > 0; i--, b = a) {
		a = sb_prop(cp[i - 1]);
		/* S1, S2 */
		if ((BIT(a) & SBM_PARASEP) || (BIT(b) & SBM_LETTER))
			return i;
		/* S3 */
		if ((BIT(a) & SBM_LETTER) &&
		    !(BIT(b) & (SBM_IGNORE | BIT(SB_ATERM))))
			return i;
	}
	return 0;
}
