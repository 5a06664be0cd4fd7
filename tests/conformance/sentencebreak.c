/*
 * sentencebreak: runs Unicode's SentenceBreakTest.txt (UAX #29, section 5,
 * and the file's own header) through uax29_sentence_breaks.  Each line is a
 * string of hexadecimal code points with a mark before, between and after them:
 * U+00F7 DIVISION SIGN for a boundary, U+00D7 MULTIPLICATION SIGN for none.
 * Failures are reported by line number, as utf8proc's test/normtest.c does.
 *
 * Then the streaming check: all the test strings, concatenated, are fed a
 * window at a time; each window is cut at uax29_sentence_safe_cut and its
 * boundaries up to the cut kept (uax29.h).  The result must equal the
 * boundaries of the whole concatenation, for every window size tried.
 *
 * usage: sentencebreak UCD_DIR
 *	(reads UCD_DIR/auxiliary/SentenceBreakTest.txt)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uax29.h"

#define NAME	"sentencebreak"
#define TESTFILE	"auxiliary/SentenceBreakTest.txt"
#define MAXCP	128

static unsigned long failures, sfailures;	/* lines, stream runs */

static void
breaks(const int32_t *cp, size_t n, unsigned char *brk)
{
	uax29_sentence_breaks(cp, n, brk);
}

static size_t
safe_cut(const int32_t *cp, size_t n)
{
	return uax29_sentence_safe_cut(cp, n);
}

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n)) == NULL) {
		perror(NAME);
		exit(1);
	}
	return p;
}

/* Parses "÷ 0041 × 0308 ÷" into cp[] and want[]; returns n or -1. */
static int
parse(const char *p, int32_t *cp, unsigned char *want)
{
	char		*end;
	long		 v;
	int		 n = 0;
	unsigned char	 c0, c1;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		/* U+00F7 and U+00D7 in UTF-8 */
		c0 = (unsigned char)p[0];
		c1 = (unsigned char)p[1];
		if (c0 != 0xC3 || (c1 != 0xB7 && c1 != 0x97))
			return -1;
		want[n] = c1 == 0xB7;
		p += 2;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#' || *p == '\n')
			return n > 0 ? n : -1;
		v = strtol(p, &end, 16);
		if (end == p || v < 0 || v > 0x10FFFF || n == MAXCP)
			return -1;
		cp[n++] = (int32_t)v;
		p = end;
	}
}

static void
show(FILE *fp, const int32_t *cp, const unsigned char *brk, size_t n)
{
	size_t	 i;

	for (i = 0; i <= n; i++) {
		fputs(brk[i] ? "\xC3\xB7" : "\xC3\x97", fp);
		if (i < n)
			fprintf(fp, " %04X ", (unsigned)cp[i]);
	}
}

/*
 * Feeds cp[0..n) a window of `chunk` more code points at a time, cutting
 * each window at its safe cut; returns the number of cuts.  Counts a
 * failure for each boundary that differs from whole[].
 */
static size_t
stream(const int32_t *cp, size_t n, const unsigned char *whole, size_t chunk)
{
	unsigned char	*got, *win;
	size_t		 start = 0, end = 0, i, k, ncut = 0, bad = 0;

	got = xrealloc(NULL, n + 1);
	win = xrealloc(NULL, n + 1);
	while (end < n) {
		end += chunk < n - end ? chunk : n - end;
		breaks(cp + start, end - start, win);
		if ((i = safe_cut(cp + start, end - start)) == 0)
			continue;
		/* Keep win[1..i]; win[0] is the previous cut's (kept
		 * then) unless this is the start of the text. */
		for (k = start == 0 ? 0 : 1; k <= i; k++)
			got[start + k] = win[k];
		start += i;
		ncut++;
	}
	breaks(cp + start, n - start, win);
	for (k = start == 0 ? 0 : 1; k <= n - start; k++)
		got[start + k] = win[k];
	for (k = 0; k <= n; k++)
		if (got[k] != whole[k] && bad++ < 5)
			fprintf(stderr, NAME ": streaming in windows of %zu: "
			    "boundary before code point %zu is %d, whole text "
			    "gives %d\n", chunk, k, got[k], whole[k]);
	sfailures += bad != 0;
	free(got);
	free(win);
	return ncut;
}

int
main(int argc, char *argv[])
{
	static const size_t chunks[] = { 1, 2, 3, 5, 7, 16, 61, 256, 4096 };
	int32_t		 cp[MAXCP], *all = NULL;
	unsigned char	 want[MAXCP + 1], got[MAXCP + 1], *whole;
	char		 path[4096], *line = NULL;
	size_t		 cap = 0, nall = 0, capall = 0, ncut, i;
	unsigned long	 lineno = 0, ntest = 0;
	int		 n;
	FILE		*fp;

	if (argc != 2) {
		fprintf(stderr, "usage: " NAME " UCD_DIR\n");
		return 2;
	}
	snprintf(path, sizeof(path), "%s/" TESTFILE, argv[1]);
	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return 1;
	}
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if ((n = parse(line, cp, want)) == -1) {
			fprintf(stderr, NAME ": %s:%lu: cannot parse\n", path,
			    lineno);
			return 1;
		}
		ntest++;
		breaks(cp, (size_t)n, got);
		if (memcmp(got, want, (size_t)n + 1) != 0 && failures++ < 20) {
			fprintf(stderr, NAME ": line %lu: want ", lineno);
			show(stderr, cp, want, (size_t)n);
			fputs(", got ", stderr);
			show(stderr, cp, got, (size_t)n);
			fputc('\n', stderr);
		}
		if (nall + (size_t)n > capall) {
			capall = capall * 2 + MAXCP;
			all = xrealloc(all, capall * sizeof(*all));
		}
		memcpy(all + nall, cp, (size_t)n * sizeof(*cp));
		nall += (size_t)n;
	}
	if (ferror(fp) || fclose(fp) != 0) {
		fprintf(stderr, NAME ": cannot read %s\n", path);
		return 1;
	}
	printf(NAME ": %lu lines, %lu failed\n", ntest, failures);

	whole = xrealloc(NULL, nall + 1);
	breaks(all, nall, whole);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		ncut = stream(all, nall, whole, chunks[i]);
		if (chunks[i] == 1)
			printf(NAME ": streaming: %zu code points, %zu safe "
			    "cuts a code point at a time\n", nall, ncut);
	}
	printf(NAME ": streaming: windows of %zu sizes, %lu failed\n",
	    sizeof(chunks) / sizeof(chunks[0]), sfailures);
	free(whole);
	free(all);
	free(line);
	return failures != 0 || sfailures != 0;
}
