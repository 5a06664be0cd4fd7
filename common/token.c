/*
 * token: the news tokenizer (see token.h).  Penn Treebank conventions as
 * the CoNLL-2003 and UD English corpora apply them: clitics apart ('s n't
 * 'll 're 've 'm 'd), punctuation apart, currency signs apart from the
 * amount; dotted initialisms, numbers with inner separators, hyphenated
 * words, URLs, e-mail addresses, file names, @handles and #tags whole.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "token.h"
#include "utf8.h"

/* Character classes the tokenizer cares about. */
enum cc {
	CC_SPACE,
	CC_NEWLINE,
	CC_LETTER,	/* L* and M* (marks attach to what they follow) */
	CC_DIGIT,
	CC_APOS,	/* ' and U+2019 */
	CC_PERIOD,
	CC_HYPHEN,
	CC_PUNCT,
	CC_SYMBOL,
	CC_OTHER
};

static const unsigned char ascii_cc[128] = {
	['\t'] = CC_SPACE, ['\n'] = CC_NEWLINE, ['\v'] = CC_NEWLINE,
	['\f'] = CC_NEWLINE, ['\r'] = CC_NEWLINE, [' '] = CC_SPACE,
	['!'] = CC_PUNCT, ['"'] = CC_PUNCT, ['#'] = CC_SYMBOL,
	['$'] = CC_SYMBOL, ['%'] = CC_SYMBOL, ['&'] = CC_SYMBOL,
	['\''] = CC_APOS, ['('] = CC_PUNCT, [')'] = CC_PUNCT,
	['*'] = CC_PUNCT, ['+'] = CC_SYMBOL, [','] = CC_PUNCT,
	['-'] = CC_HYPHEN, ['.'] = CC_PERIOD, ['/'] = CC_PUNCT,
	['0'] = CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT,
	CC_DIGIT, CC_DIGIT, CC_DIGIT, CC_DIGIT,
	[':'] = CC_PUNCT, [';'] = CC_PUNCT, ['<'] = CC_SYMBOL,
	['='] = CC_SYMBOL, ['>'] = CC_SYMBOL, ['?'] = CC_PUNCT,
	['@'] = CC_SYMBOL,
	['A'] = CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER,
	['['] = CC_PUNCT, ['\\'] = CC_SYMBOL, [']'] = CC_PUNCT,
	['^'] = CC_SYMBOL, ['_'] = CC_LETTER, ['`'] = CC_PUNCT,
	['a'] = CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER, CC_LETTER,
	CC_LETTER, CC_LETTER, CC_LETTER,
	['{'] = CC_PUNCT, ['|'] = CC_SYMBOL, ['}'] = CC_PUNCT,
	['~'] = CC_SYMBOL,
};

static enum cc
classify(int32_t cp)
{
	if (cp < 0x80)
		return cp < 0x20 && ascii_cc[cp] == 0 ? CC_OTHER :
		    (enum cc)ascii_cc[cp];
	switch (cp) {
	case 0x85: case 0x2028: case 0x2029:
		return CC_NEWLINE;
	case 0x2019:
		return CC_APOS;
	case 0x2010: case 0x2011:
		return CC_HYPHEN;
	case 0x200B: case 0xFEFF:
	case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C:
	case 0x202D: case 0x202E: case 0x2066: case 0x2067: case 0x2068:
	case 0x2069:
		/* A zero-width space separates words; a byte-order mark
		 * begins a file, not its first word ("\uFEFFBarack" was no
		 * name to the entity model), and the marks, embeddings and
		 * isolates of bidirectional text that pages copied from the
		 * web leave beside words belong to none. */
		return CC_SPACE;
	default:
		break;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return CC_LETTER;
	case UTF8PROC_CATEGORY_ND:
		return CC_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
		return CC_SPACE;
	case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
		return CC_NEWLINE;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return CC_PUNCT;
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return CC_SYMBOL;
	case UTF8PROC_CATEGORY_CF:
		/* ZWJ and variation selectors glue emoji; others are ignored
		 * as if they were letters of the word they sit in. */
		return CC_LETTER;
	default:
		return CC_OTHER;
	}
}

/* A decoder over the text, one code point of look-ahead at a time. */
struct scan {
	const unsigned char *s;
	size_t		 n;
};

static inline int32_t
cp_at(const struct scan *sc, size_t i, size_t *len)
{
	int32_t	 cp;
	int	 r;

	if (i >= sc->n) {
		*len = 0;
		return -1;
	}
	if (sc->s[i] < 0x80) {
		*len = 1;
		return sc->s[i];
	}
	r = utf8_decode(sc->s + i, sc->n - i, &cp);
	if (r <= 0) {
		*len = r < 0 ? (size_t)-r : sc->n - i;
		return UTF8_REPLACEMENT;
	}
	*len = (size_t)r;
	return cp;
}

static inline enum cc
cc_at(const struct scan *sc, size_t i)
{
	size_t	 len;
	int32_t	 cp;

	if (i < sc->n && sc->s[i] < 0x80 && sc->s[i] >= 0x20)
		return (enum cc)ascii_cc[sc->s[i]];
	cp = cp_at(sc, i, &len);

	return cp < 0 ? CC_SPACE : classify(cp);
}

static int
is_alnum_cc(enum cc c)
{
	return c == CC_LETTER || c == CC_DIGIT;
}

static int
push(struct tok_vec *out, size_t start, size_t end, enum tok_kind kind,
    unsigned flags)
{
	struct tok	*v;
	size_t		 cap;

	if (out->n == out->cap) {
		cap = out->cap ? out->cap * 2 : 256;
		if (cap > SIZE_MAX / sizeof(*v))
			return -1;
		if ((v = realloc(out->v, cap * sizeof(*v))) == NULL)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n].start = start;
	out->v[out->n].end = end;
	out->v[out->n].kind = kind;
	out->v[out->n].flags = flags;
	out->n++;
	return 0;
}

/* Case of the code point at i, as token flags. */
static unsigned
case_flags(const struct scan *sc, size_t i)
{
	size_t	 len;
	int32_t	 cp = cp_at(sc, i, &len);

	if (cp >= 'A' && cp <= 'Z')
		return TOK_UPPER_INITIAL;
	if (cp >= 'a' && cp <= 'z')
		return TOK_LOWER_INITIAL;
	if (cp < 0x80)
		return 0;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT:
		return TOK_UPPER_INITIAL;
	case UTF8PROC_CATEGORY_LL:
		return TOK_LOWER_INITIAL;
	default:
		return 0;
	}
}

static int
ascii_ieq(const unsigned char *a, size_t n, const char *b)
{
	size_t	 i;
	unsigned char c;

	if (strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++) {
		c = a[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char)b[i])
			return 0;
	}
	return 1;
}

/* Top-level domains and file extensions that make "x.y" one token. */
static int
known_suffix(const unsigned char *w, size_t n)
{
	static const char *const suffixes[] = {
		"com", "org", "net", "edu", "gov", "mil", "int", "io", "co",
		"uk", "us", "ca", "de", "fr", "jp", "cn", "au", "in", "ru",
		"info", "biz", "ly", "me", "tv", "eu", "ai",
		"pdf", "doc", "docx", "txt", "csv", "xls", "xlsx", "ppt",
		"pptx", "jpg", "jpeg", "png", "gif", "svg", "mp3", "mp4",
		"zip", "gz", "tar", "html", "htm", "xml", "json", "exe",
		"py", "sh", "md", "yaml", "yml",
	};
	size_t	 i;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
		if (ascii_ieq(w, n, suffixes[i]))
			return 1;
	return 0;
}

/* End of the run of non-space characters from i. */
static size_t
chunk_end(const struct scan *sc, size_t i)
{
	size_t	 len;
	enum cc	 c;

	while (i < sc->n) {
		c = cc_at(sc, i);
		if (c == CC_SPACE || c == CC_NEWLINE)
			break;
		cp_at(sc, i, &len);
		i += len;
	}
	return i;
}

/* Strips trailing punctuation that belongs to the sentence, not the URL. */
static size_t
url_trim(const struct scan *sc, size_t start, size_t end)
{
	unsigned char c;
	int	 open = 0;
	size_t	 i;

	for (i = start; i < end; i++)
		open += sc->s[i] == '(' ? 1 : sc->s[i] == ')' ? -1 : 0;
	while (end > start) {
		c = sc->s[end - 1];
		if (c == ')' && open < 0) {
			open++;
			end--;
		} else if (c == '.' || c == ',' || c == ';' || c == ':' ||
		    c == '!' || c == '?' || c == '"' || c == '\'' || c == ']')
			end--;
		else if (end - start >= 3 && sc->s[end - 3] == 0xE2 &&
		    sc->s[end - 2] == 0x80 && (sc->s[end - 1] == 0x9D ||
		    sc->s[end - 1] == 0x99))
			end -= 3;	/* closing curly quotes */
		else
			break;
	}
	return end;
}

/*
 * Returns the end of a URL, e-mail address, file name, @handle or #tag
 * starting at i, or 0 if there is none.
 */
static size_t
url_at(const struct scan *sc, size_t i, size_t *plain_until)
{
	size_t	 end, j, dot = 0, at = 0, last_dot = 0, n;
	const unsigned char *s = sc->s;
	int	 maybe = 0;

	/* Most tokens are plain words: look at the ASCII run first and give
	 * up unless it has what URLs, addresses and file names need.  Later
	 * tokens of the same run need not look again. */
	if (s[i] != '@' && s[i] != '#') {
		if (i < *plain_until)
			return 0;
		for (j = i; j < sc->n && s[j] > ' ' && s[j] < 0x7F; j++)
			if (j + 1 < sc->n && ((s[j] == '.' && s[j + 1] < 0x80 &&
			    ascii_cc[s[j + 1]] >= CC_LETTER &&
			    ascii_cc[s[j + 1]] <= CC_DIGIT) ||
			    s[j] == '@' || (s[j] == ':' && s[j + 1] == '/')))
				maybe = 1;
		if (!maybe || (j < sc->n && s[j] >= 0x80)) {
			*plain_until = j;
			return 0;
		}
	}
	end = chunk_end(sc, i);
	n = end - i;

	if (n >= 7 && (memcmp(s + i, "http://", 7) == 0 ||
	    (n >= 8 && memcmp(s + i, "https://", 8) == 0) ||
	    memcmp(s + i, "ftp://", 6) == 0 || memcmp(s + i, "www.", 4) == 0))
		return url_trim(sc, i, end);
	if ((s[i] == '@' || s[i] == '#') && i + 1 < sc->n &&
	    cc_at(sc, i + 1) == CC_LETTER) {
		for (j = i + 1; j < end && (is_alnum_cc(cc_at(sc, j)) ||
		    s[j] == '_'); j++)
			if (s[j] >= 0x80)
				break;
		return j;
	}
	end = url_trim(sc, i, end);
	for (j = i; j < end; j++) {
		if (s[j] == '@' && at == 0 && j > i)
			at = j;
		else if (s[j] == '.') {
			if (dot == 0)
				dot = j;
			last_dot = j;
		} else if (s[j] >= 0x80 || !(is_alnum_cc(cc_at(sc, j)) ||
		    s[j] == '-' || s[j] == '_' || s[j] == '/' || s[j] == '+' ||
		    s[j] == '%' || s[j] == '=' || s[j] == '&' || s[j] == '~' ||
		    s[j] == '?'))
			return 0;
	}
	if (dot == 0 || last_dot + 1 >= end || !is_alnum_cc(cc_at(sc, i)))
		return 0;
	/* name@domain.tld */
	if (at != 0 && at < last_dot && is_alnum_cc(cc_at(sc, at + 1)))
		return end;
	/* domain.tld/path or name.ext: the part after the last dot (or the
	 * first dot before a '/') is a known suffix */
	for (j = dot + 1; j < end && s[j] != '/' && s[j] != '.'; j++)
		;
	if (at == 0 && s[dot + 1] != '/' && (known_suffix(s + last_dot + 1,
	    end - last_dot - 1) || known_suffix(s + dot + 1, j - dot - 1)) &&
	    !(s[dot - 1] >= '0' && s[dot - 1] <= '9'))
		return end;
	return 0;
}

/* Length of a clitic ending the word s[start..end), or 0. */
static size_t
clitic(const unsigned char *s, size_t start, size_t end)
{
	static const char *const tails[] = { "s", "m", "d", "re", "ve", "ll" };
	size_t	 k, t, alen, a;

	/* Clitics need an apostrophe among the last five bytes. */
	for (a = end; a > start && a + 5 > end; a--)
		if (s[a - 1] == '\'' || s[a - 1] == 0x99)
			break;
	if (a == start || a + 5 <= end)
		return 0;
	for (k = 0; k < sizeof(tails) / sizeof(tails[0]); k++) {
		t = strlen(tails[k]);
		if (end - start <= t + 1)
			continue;
		if (!ascii_ieq(s + end - t, t, tails[k]))
			continue;
		if (s[end - t - 1] == '\'')
			alen = 1;
		else if (end - start > t + 3 && s[end - t - 3] == 0xE2 &&
		    s[end - t - 2] == 0x80 && s[end - t - 1] == 0x99)
			alen = 3;
		else
			continue;
		if (end - t - alen > start)
			return t + alen;
	}
	/* n't, with either apostrophe: do|n't, ca|n't */
	if (end - start > 3 && ascii_ieq(s + end - 1, 1, "t")) {
		if (s[end - 2] == '\'' && (s[end - 3] | 0x20) == 'n' &&
		    end - 3 > start)
			return 3;
		if (end - start > 5 && s[end - 4] == 0xE2 &&
		    s[end - 3] == 0x80 && s[end - 2] == 0x99 &&
		    (s[end - 5] | 0x20) == 'n' && end - 5 > start)
			return 5;
	}
	return 0;
}

/* Whether the capitals of 1..3 letters on both sides of the '&' at j make
 * one token, as the Penn Treebank and CoNLL-2003 write them: "S&P",
 * "AT&T", "R&D", "Q&A" (seg: the letters before it). */
static int
capitals_and(const struct scan *sc, size_t j, size_t seg)
{
	size_t	 k, m;

	if (seg < 1 || seg > 3)
		return 0;
	for (k = j - seg; k < j; k++)
		if (sc->s[k] < 'A' || sc->s[k] > 'Z')
			return 0;
	for (m = 0, k = j + 1; k < sc->n && sc->s[k] >= 'A' &&
	    sc->s[k] <= 'Z'; k++)
		m++;
	return m >= 1 && m <= 3 && !is_alnum_cc(cc_at(sc, k));
}

/*
 * Scans a word from i: letters and digits, with inner hyphens and
 * apostrophes, and inner periods when it is a dotted initialism (U.S.,
 * e.g., Ph.D.).  Stores the kind; returns the end.
 */
static size_t
word_at(const struct scan *sc, size_t i, int *initialism, int *all_digits)
{
	size_t	 j = i, len, seg = 0, nseg = 1, maxseg = 0;
	enum cc	 c, next;

	*all_digits = 1;
	*initialism = 0;
	while (j < sc->n) {
		/* ASCII letters and digits, the bulk of news text. */
		while (j < sc->n && sc->s[j] < 0x80 &&
		    (ascii_cc[sc->s[j]] == CC_LETTER ||
		    ascii_cc[sc->s[j]] == CC_DIGIT)) {
			if (ascii_cc[sc->s[j]] == CC_LETTER)
				*all_digits = 0;
			j++;
			seg++;
		}
		if (j >= sc->n)
			break;
		c = cc_at(sc, j);
		cp_at(sc, j, &len);
		if (is_alnum_cc(c)) {
			if (c != CC_DIGIT)
				*all_digits = 0;
			j += len;
			seg++;
			continue;
		}
		next = cc_at(sc, j + len);
		if ((c == CC_HYPHEN || c == CC_APOS) && is_alnum_cc(next) &&
		    !*all_digits) {
			j += len;
			continue;
		}
		if (sc->s[j] == '&' && capitals_and(sc, j, seg)) {
			j++;
			continue;
		}
		if (c == CC_PERIOD && next == CC_LETTER && !*all_digits &&
		    seg <= 3) {
			/* U.S, e.g, Ph.D: short segments joined by periods */
			if (seg > maxseg)
				maxseg = seg;
			seg = 0;
			nseg++;
			j += len;
			continue;
		}
		break;
	}
	if (nseg > 1) {
		if (seg > maxseg)
			maxseg = seg;
		if (maxseg > 3 || seg > 3) {
			/* Not an initialism after all ("restrictions.Nvidia"):
			 * end at the first period. */
			for (j = i; sc->s[j] != '.'; j++)
				;
			return j;
		}
		*initialism = 1;
	}
	return j;
}

/* Number from i: digits with inner . , : / - between digits. */
static size_t
number_at(const struct scan *sc, size_t i)
{
	size_t	 j = i;
	unsigned char c;

	while (j < sc->n) {
		if (sc->s[j] >= '0' && sc->s[j] <= '9') {
			j++;
			continue;
		}
		c = sc->s[j];
		if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-') &&
		    j + 1 < sc->n && sc->s[j + 1] >= '0' && sc->s[j + 1] <= '9') {
			j++;
			continue;
		}
		break;
	}
	return j;
}

/*
 * The words the Penn Treebank writes as two (its tokenizer's list, as EWT
 * tags them): "cannot" -> "can not", "gonna" -> "gon na", "gotta",
 * "wanna", "gimme", "lemme"; each first part has three letters.  Returns
 * the length of the second part if s[i..j) is one (as clitic does), else 0.
 */
static size_t
ptb_split(const unsigned char *s, size_t i, size_t j)
{
	static const char *const words[] = {
		"cannot", "gonna", "gotta", "wanna", "gimme", "lemme"
	};
	size_t	 k;

	if (j - i != 5 && j - i != 6)	/* most words: none of these */
		return 0;
	for (k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (ascii_ieq(s + i, j - i, words[k]))
			return j - i - 3;
	return 0;
}

/* Whether the ASCII mark or symbol c makes one token of a run of itself
 * ("***", "====", "<<", "$$$"), as the Penn Treebank writes them. */
static int
runs_whole(int32_t c)
{
	return c < 0x80 && c != 0 && strchr("*=+<>#~^|$", (int)c) != NULL;
}

int
tok_split(const unsigned char *s, size_t n,
    int (*known_abbrev)(const unsigned char *, size_t, void *), void *arg,
    struct tok_vec *out)
{
	struct scan	 sc = { s, n };
	size_t		 i = 0, j, len, cl, newlines = 0, plain_until = 0;
	unsigned	 flags = 0, cf;
	int		 initialism, all_digits;
	enum cc		 c;
	int32_t		 cp;

	while (i < n) {
		cp = cp_at(&sc, i, &len);
		c = classify(cp);
		if (c == CC_SPACE || c == CC_NEWLINE || c == CC_OTHER) {
			flags |= TOK_SPACE_BEFORE;
			if (c == CC_NEWLINE) {
				/* CR LF is one line break. */
				if (!(cp == '\n' && i > 0 && s[i - 1] == '\r'))
					newlines++;
			}
			i += len;
			continue;
		}
		if (newlines > 0)
			flags |= TOK_NEWLINE_BEFORE;
		if (newlines > 1)
			flags |= TOK_BLANK_LINE_BEFORE;
		cf = case_flags(&sc, i);
		if ((j = url_at(&sc, i, &plain_until)) > i) {
			if (push(out, i, j, TOK_URL, flags | cf) == -1)
				return -1;
		} else if (c == CC_DIGIT) {
			j = number_at(&sc, i);
			/* 1990s, 3rd, 10am, 1.2bn, 10:30pm: a number with
			 * letters after it is one word */
			if (j < n && cc_at(&sc, j) == CC_LETTER) {
				while (j < n && is_alnum_cc(cc_at(&sc, j))) {
					cp_at(&sc, j, &len);
					j += len;
				}
				if (push(out, i, j, TOK_WORD, flags) == -1)
					return -1;
			} else if (push(out, i, j, TOK_NUMBER, flags) == -1)
				return -1;
		} else if (c == CC_LETTER) {
			j = word_at(&sc, i, &initialism, &all_digits);
			/* A final period stays on initialisms, single
			 * letters and the abbreviations the caller knows. */
			if (j < n && s[j] == '.' && (initialism ||
			    j - i == 1 || (known_abbrev != NULL &&
			    known_abbrev(s + i, j - i, arg))))
				j++;
			else if ((cl = clitic(s, i, j)) > 0 ||
			    (cl = ptb_split(s, i, j)) > 0) {
				if (push(out, i, j - cl, TOK_WORD,
				    flags | cf) == -1)
					return -1;
				i = j - cl;
				flags = 0;
				cf = case_flags(&sc, i);
			}
			if (s[j - 1] == '.')
				cf |= TOK_ENDS_WITH_PERIOD;
			if (push(out, i, j, TOK_WORD, flags | cf) == -1)
				return -1;
		} else if (c == CC_PERIOD || (cp == '!' || cp == '?')) {
			/* ... ?! !!! : a run of terminal marks is one token */
			for (j = i; j < n && (s[j] == '.' || s[j] == '!' ||
			    s[j] == '?'); j++)
				;
			if (push(out, i, j, TOK_PUNCT, flags) == -1)
				return -1;
		} else if (c == CC_HYPHEN) {
			for (j = i; j < n && s[j] == '-'; j++)
				;
			if (j == i)
				j = i + len;
			if (push(out, i, j, TOK_PUNCT, flags) == -1)
				return -1;
		} else {
			/* One mark or symbol; a symbol takes what UAX #29
			 * glues to it (emoji modifiers, ZWJ sequences). */
			j = i + len;
			if (runs_whole(cp))
				while (j < n && s[j] == (unsigned char)cp)
					j++;
			if (c == CC_SYMBOL && j == i + len) {
				int32_t	 state = 0, prev = cp, next;
				size_t	 nl;

				while ((next = cp_at(&sc, j, &nl)) >= 0 &&
				    !utf8proc_grapheme_break_stateful(prev,
				    next, &state)) {
					prev = next;
					j += nl;
				}
			}
			if (push(out, i, j, c == CC_PUNCT || c == CC_APOS ?
			    TOK_PUNCT : c == CC_SYMBOL ? TOK_SYMBOL : TOK_OTHER,
			    flags) == -1)
				return -1;
		}
		i = j;
		flags = 0;
		newlines = 0;
	}
	return 0;
}

void
tok_vec_free(struct tok_vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}
