/*
 * normtest: runs Unicode's NormalizationTest.txt (UAX #15, section 16 and the
 * file's own header) through the norm engine, whole and one code point at a
 * time, so the streaming boundaries are tested too.  Failures are reported
 * by line number, as utf8proc's test/normtest.c does.
 *
 * usage: normtest UCD_DIR   (reads NormalizationTest.txt or its .bz2)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "norm.h"
#include "utf8.h"

#define MAXCP	64

struct seq {
	int32_t	 cp[MAXCP];
	size_t	 n;
};

static struct norm *engines[5];	/* by enum norm_form */
static struct buf in, out;
static unsigned char listed[0x110000 / 8];
static unsigned long failures, checks;

static void
encode(const struct seq *s, struct buf *b)
{
	size_t	 i;

	buf_clear(b);
	for (i = 0; i < s->n; i++)
		if (buf_put_utf8(b, s->cp[i]) == -1)
			abort();
}

/* Normalizes in[] with form f, in one piece or a code point at a time. */
static void
run(enum norm_form f, int piecewise)
{
	size_t	 i, len;

	buf_clear(&out);
	if (!piecewise) {
		if (norm_feed(engines[f], in.p, in.len, &out) == -1)
			abort();
	} else {
		for (i = 0; i < in.len; i += len) {
			len = 1;
			while (i + len < in.len && (in.p[i + len] & 0xC0) == 0x80)
				len++;
			if (norm_feed(engines[f], in.p + i, len, &out) == -1)
				abort();
		}
	}
	if (norm_finish(engines[f], &out) == -1)
		abort();
}

static const char *const form_name[] = { "none", "NFC", "NFD", "NFKC", "NFKD" };

static void
expect(unsigned long line, int col, enum norm_form f, const struct seq *src,
    const struct seq *want)
{
	struct buf	 w = BUF_INIT;
	int		 piecewise;

	encode(want, &w);
	encode(src, &in);
	for (piecewise = 0; piecewise < 2; piecewise++) {
		run(f, piecewise);
		checks++;
		if (out.len != w.len || memcmp(out.p, w.p, w.len) != 0) {
			if (failures++ < 20)
				fprintf(stderr, "normtest: line %lu: %s(c%d)%s "
				    "is wrong\n", line, form_name[f], col,
				    piecewise ? " fed a code point at a time" :
				    "");
		}
	}
	buf_free(&w);
}

static int
parse_field(const char **p, struct seq *s)
{
	char	*end;
	long	 v;

	s->n = 0;
	for (;;) {
		while (**p == ' ')
			(*p)++;
		if (**p == ';') {
			(*p)++;
			return 0;
		}
		v = strtol(*p, &end, 16);
		if (end == *p || s->n == MAXCP)
			return -1;
		s->cp[s->n++] = (int32_t)v;
		*p = end;
	}
}

int
main(int argc, char *argv[])
{
	struct norm_opts o = { NORM_NONE, NORM_RAW };
	struct seq	 c[6], one;
	char		 path[4096], cmd[4200], *line = NULL;
	const char	*p;
	size_t		 cap = 0;
	unsigned long	 lineno = 0;
	int		 f, i, part1 = 0, piped = 0;
	int32_t		 cp;
	FILE		*fp;

	if (argc != 2) {
		fprintf(stderr, "usage: normtest UCD_DIR\n");
		return 2;
	}
	for (f = NORM_NFC; f <= NORM_NFKD; f++) {
		o.form = (enum norm_form)f;
		if ((engines[f] = norm_new(&o)) == NULL)
			abort();
	}
	snprintf(path, sizeof(path), "%s/NormalizationTest.txt", argv[1]);
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(cmd, sizeof(cmd), "bzcat '%s.bz2'", path);
		if ((fp = popen(cmd, "r")) == NULL) {
			perror(cmd);
			return 1;
		}
		piped = 1;
	}
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (line[0] == '@') {
			part1 = strncmp(line, "@Part1", 6) == 0;
			continue;
		}
		p = line;
		for (i = 1; i <= 5; i++)
			if (parse_field(&p, &c[i]) == -1) {
				fprintf(stderr, "normtest: line %lu: cannot "
				    "parse\n", lineno);
				return 1;
			}
		if (part1 && c[1].n == 1)
			listed[c[1].cp[0] >> 3] |= (unsigned char)(1u << (c[1].cp[0] & 7));
		/* c2 == NFC(c1) == NFC(c2) == NFC(c3), c4 == NFC(c4) == NFC(c5) */
		for (i = 1; i <= 3; i++) {
			expect(lineno, i, NORM_NFC, &c[i], &c[2]);
			expect(lineno, i, NORM_NFD, &c[i], &c[3]);
		}
		for (i = 4; i <= 5; i++) {
			expect(lineno, i, NORM_NFC, &c[i], &c[4]);
			expect(lineno, i, NORM_NFD, &c[i], &c[5]);
		}
		for (i = 1; i <= 5; i++) {
			expect(lineno, i, NORM_NFKC, &c[i], &c[4]);
			expect(lineno, i, NORM_NFKD, &c[i], &c[5]);
		}
	}
	if (piped ? pclose(fp) != 0 : fclose(fp) != 0) {
		fprintf(stderr, "normtest: cannot read %s\n", path);
		return 1;
	}
	/* Every code point not in part 1 is its own normal form. */
	one.n = 1;
	for (cp = 0; cp < 0x110000; cp++) {
		if ((cp >= 0xD800 && cp <= 0xDFFF) ||
		    (listed[cp >> 3] >> (cp & 7) & 1))
			continue;
		one.cp[0] = cp;
		for (f = NORM_NFC; f <= NORM_NFKD; f++) {
			encode(&one, &in);
			run((enum norm_form)f, 0);
			checks++;
			if (out.len != in.len || memcmp(out.p, in.p, in.len)) {
				if (failures++ < 20)
					fprintf(stderr, "normtest: U+%04X: %s "
					    "changes a character not in part 1"
					    "\n", (unsigned)cp, form_name[f]);
			}
		}
	}
	printf("normtest: %lu lines, %lu checks, %lu failed\n", lineno, checks,
	    failures);
	for (f = NORM_NFC; f <= NORM_NFKD; f++)
		norm_free(engines[f]);
	buf_free(&in);
	buf_free(&out);
	free(line);
	return failures != 0;
}
