/*
 * graphemebreak: runs Unicode's GraphemeBreakTest.txt (UAX #29, section 3,
 * and the file's own header) through uax29_grapheme_breaks, which is
 * utf8proc's stateful grapheme break.  Each line is a string of
 * hexadecimal code points with a mark before, between and after them:
 * U+00F7 DIVISION SIGN for a boundary, U+00D7 MULTIPLICATION SIGN for none.
 * Failures are reported by line number, as utf8proc's test/normtest.c does.
 *
 * There is no streaming check: utf8proc carries its state from one pair of
 * code points to the next, so a streaming caller keeps the state rather
 * than cutting at a safe place, and there is no safe-cut helper to test.
 *
 * usage: graphemebreak UCD_DIR
 *	(reads UCD_DIR/auxiliary/GraphemeBreakTest.txt)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uax29.h"

#define NAME	"graphemebreak"
#define TESTFILE	"auxiliary/GraphemeBreakTest.txt"
#define MAXCP	128

static unsigned long failures;

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

int
main(int argc, char *argv[])
{
	int32_t		 cp[MAXCP];
	unsigned char	 want[MAXCP + 1], got[MAXCP + 1];
	char		 path[4096], *line = NULL;
	size_t		 cap = 0;
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
		uax29_grapheme_breaks(cp, (size_t)n, got);
		if (memcmp(got, want, (size_t)n + 1) != 0 && failures++ < 20) {
			fprintf(stderr, NAME ": line %lu: want ", lineno);
			show(stderr, cp, want, (size_t)n);
			fputs(", got ", stderr);
			show(stderr, cp, got, (size_t)n);
			fputc('\n', stderr);
		}
	}
	if (ferror(fp) || fclose(fp) != 0) {
		fprintf(stderr, NAME ": cannot read %s\n", path);
		return 1;
	}
	printf(NAME ": %lu lines, %lu failed\n", ntest, failures);
	free(line);
	return failures != 0;
}
