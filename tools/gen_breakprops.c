/*
 * gen_breakprops: turns the UCD's word and sentence break properties (UAX
 * #29, sections 4.1 and 5.1) and Extended_Pictographic (UTS #51, needed by
 * rule WB3c) into C source for common/uax29.c to include.
 *
 *	gen_breakprops UCD_DIR > common/uax29_data.inc
 *
 * It reads UCD_DIR/auxiliary/WordBreakProperty.txt,
 * UCD_DIR/auxiliary/SentenceBreakProperty.txt and
 * UCD_DIR/emoji/emoji-data.txt.  Each data line is
 *
 *	XXXX[..YYYY] ; Value [# comment]
 *
 * Code points not listed have the value Other (word and sentence) and
 * Extended_Pictographic=No.
 *
 * The output is two two-stage tables of bytes, one for each property:
 * stage 1, indexed by cp >> 8, gives a block number; stage 2 holds the
 * distinct 256-entry blocks, so cp's value is
 * stage2[stage1[cp >> 8] * 256 + (cp & 0xFF)].  Word break bytes are an
 * enum uax29_wb value in bits 0-4 with Extended_Pictographic in bit 7;
 * sentence break bytes are an enum uax29_sb value.  The value names below
 * are listed in the order of those enums in common/uax29.h.
 *
 * A missing file or a line that cannot be parsed is reported as
 * "gen_breakprops: FILE:LINE: message" and exits 1, leaving stdout
 * incomplete (make writes to a temporary file and renames on success).
 *
 * This tool stands alone (no libquire), so that the library can depend on
 * what it generates.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NCP		0x110000
#define BLOCK		256
#define NBLOCK		(NCP / BLOCK)
#define EXTPICT_BIT	0x80

/* In the order of enum uax29_wb (common/uax29.h). */
static const char *const wb_names[] = {
	"Other", "CR", "LF", "Newline", "Extend", "ZWJ",
	"Regional_Indicator", "Format", "Katakana", "Hebrew_Letter",
	"ALetter", "Single_Quote", "Double_Quote", "MidNumLet", "MidLetter",
	"MidNum", "Numeric", "ExtendNumLet", "WSegSpace", NULL
};

/* In the order of enum uax29_sb (common/uax29.h). */
static const char *const sb_names[] = {
	"Other", "CR", "LF", "Extend", "Sep", "Format", "Sp", "Lower",
	"Upper", "OLetter", "Numeric", "ATerm", "SContinue", "STerm", "Close",
	NULL
};

static unsigned char wb[NCP], sb[NCP];

/* Stage 2 being built: the distinct blocks found so far. */
static unsigned char blocks[NBLOCK][BLOCK];
static unsigned	 stage1[NBLOCK];

static void	 fail(const char *, unsigned long, const char *, ...)
		    __attribute__((format(printf, 3, 4), noreturn));

static void
fail(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list	 ap;

	if (line > 0)
		fprintf(stderr, "gen_breakprops: %s:%lu: ", file, line);
	else
		fprintf(stderr, "gen_breakprops: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
parse_hex(char **pp, unsigned long *v)
{
	char		*p = *pp;
	unsigned long	 x = 0;
	int		 d, nd = 0;

	for (;; p++, nd++) {
		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else
			break;
		if (nd >= 6)
			return -1;
		x = x * 16 + (unsigned long)d;
	}
	if (nd < 4)
		return -1;
	*v = x;
	*pp = p;
	return 0;
}

/*
 * Reads one property file, calling set(lo, hi, value) for each data line.
 * A line that does not parse is fatal.  With names, the value must be one
 * of them and set gets its index; without, set gets the value text.
 */
static void
read_file(const char *dir, const char *rel, const char *const *names,
    void (*set)(unsigned long, unsigned long, int, const char *))
{
	char		 path[4096], *line = NULL, *p, *q, *hash, *cp;
	size_t		 cap = 0;
	unsigned long	 lineno = 0, lo, hi;
	ssize_t		 len;
	FILE		*fp;
	int		 v, ndata = 0;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, rel) >=
	    sizeof(path))
		fail(rel, 0, "path too long");
	if ((fp = fopen(path, "r")) == NULL)
		fail(path, 0, "%s", strerror(errno));
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if ((size_t)len != strlen(line))
			fail(path, lineno, "NUL byte in line");
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		p = line;
		while (is_space(*p))
			p++;
		if (*p == '\0')
			continue;
		cp = p;
		if (parse_hex(&cp, &lo) == -1)
			fail(path, lineno, "expected a code point");
		hi = lo;
		if (cp[0] == '.' && cp[1] == '.') {
			cp += 2;
			if (parse_hex(&cp, &hi) == -1)
				fail(path, lineno, "expected a code point "
				    "after ..");
		}
		if (lo > hi || hi >= NCP)
			fail(path, lineno, "bad code point range");
		while (is_space(*cp))
			cp++;
		if (*cp != ';')
			fail(path, lineno, "expected ';'");
		cp++;
		while (is_space(*cp))
			cp++;
		p = q = cp;
		while (*q != '\0' && !is_space(*q))
			q++;
		if (q == p)
			fail(path, lineno, "expected a property value");
		if (*q != '\0') {
			*q++ = '\0';
			while (is_space(*q))
				q++;
			if (*q != '\0')
				fail(path, lineno, "junk after the value");
		}
		v = -1;
		if (names != NULL) {
			for (v = 0; names[v] != NULL; v++)
				if (strcmp(names[v], p) == 0)
					break;
			if (names[v] == NULL)
				fail(path, lineno, "unknown value '%s'", p);
		}
		set(lo, hi, v, p);
		ndata++;
	}
	if (ferror(fp))
		fail(path, lineno, "%s", strerror(errno));
	free(line);
	fclose(fp);
	if (ndata == 0)
		fail(path, 0, "no data lines");
}

static void
set_wb(unsigned long lo, unsigned long hi, int v, const char *name)
{
	(void)name;
	for (; lo <= hi; lo++)
		wb[lo] = (unsigned char)((wb[lo] & EXTPICT_BIT) | v);
}

static void
set_sb(unsigned long lo, unsigned long hi, int v, const char *name)
{
	(void)name;
	for (; lo <= hi; lo++)
		sb[lo] = (unsigned char)v;
}

static int	 nextpict;

static void
set_extpict(unsigned long lo, unsigned long hi, int v, const char *name)
{
	(void)v;
	if (strcmp(name, "Extended_Pictographic") != 0)
		return;
	nextpict++;
	for (; lo <= hi; lo++)
		wb[lo] |= EXTPICT_BIT;
}

static void
out(const char *fmt, ...)
{
	va_list	 ap;
	int	 r;

	va_start(ap, fmt);
	r = vprintf(fmt, ap);
	va_end(ap);
	if (r < 0)
		fail("<stdout>", 0, "write error: %s", strerror(errno));
}

static void
out_bytes(const unsigned char *v, size_t n, int width)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		out("%s%*u,", i == 0 ? "\t" : " ", width, v[i]);
}

static void
emit(const char *name, const char *what, const unsigned char *tab)
{
	unsigned	 nb = 0, b, k;
	size_t		 i;

	for (b = 0; b < NBLOCK; b++) {
		for (k = 0; k < nb; k++)
			if (memcmp(blocks[k], tab + (size_t)b * BLOCK,
			    BLOCK) == 0)
				break;
		if (k == nb)
			memcpy(blocks[nb++], tab + (size_t)b * BLOCK, BLOCK);
		stage1[b] = k;
	}
	out("\n/* %s, stage 1: the block of each cp >> 8. */\n", what);
	out("static const %s %s_stage1[%d] = {\n",
	    nb <= 256 ? "uint8_t" : "uint16_t", name, NBLOCK);
	for (b = 0; b < NBLOCK; b++)
		out("%s%3u,%s", b % 16 == 0 ? "\t" : " ", stage1[b],
		    b % 16 == 15 ? "\n" : "");
	out("};\n\n/* %s, stage 2: %u distinct blocks of %d. */\n", what, nb,
	    BLOCK);
	out("static const uint8_t %s_stage2[%u] = {\n", name, nb * BLOCK);
	for (k = 0; k < nb; k++)
		for (i = 0; i < BLOCK; i += 16) {
			out_bytes(blocks[k] + i, 16, 3);
			out("\n");
		}
	out("};\n");
}

int
main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen_breakprops UCD_DIR\n");
		return 2;
	}
	read_file(argv[1], "auxiliary/WordBreakProperty.txt", wb_names,
	    set_wb);
	read_file(argv[1], "auxiliary/SentenceBreakProperty.txt", sb_names,
	    set_sb);
	read_file(argv[1], "emoji/emoji-data.txt", NULL, set_extpict);
	if (nextpict == 0)
		fail("emoji/emoji-data.txt", 0, "no Extended_Pictographic");

	out("/*\n * Generated by tools/gen_breakprops from the UCD's\n"
	    " * auxiliary/WordBreakProperty.txt, "
	    "auxiliary/SentenceBreakProperty.txt\n"
	    " * and emoji/emoji-data.txt.  Do not edit.\n"
	    " *\n * Two-stage tables of 256-entry blocks: the value of cp is\n"
	    " * stage2[stage1[cp >> 8] * 256 + (cp & 0xFF)].  Word break "
	    "bytes hold an\n * enum uax29_wb in bits 0-4 and "
	    "Extended_Pictographic in bit 7; sentence\n"
	    " * break bytes hold an enum uax29_sb.\n */\n");
	emit("uax29_wb", "Word_Break", wb);
	emit("uax29_sb", "Sentence_Break", sb);
	if (fflush(stdout) == EOF || ferror(stdout))
		fail("<stdout>", 0, "write error: %s", strerror(errno));
	return 0;
}
