/*
 * output: checked writes to stdout (see output.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "output.h"

static int out_line_buffered;

void
out_set_line_buffered(int line_buffered)
{
	out_line_buffered = line_buffered;
}

static void
out_fail(void)
{
	/* A reader that went away is no error worth a message (DESIGN.md). */
	if (errno == EPIPE)
		exit(DIAG_EXIT_DATA);
	diag_fatal(DIAG_EXIT_DATA, "write error:");
}

void
out_write(const void *s, size_t n)
{
	if (n > 0 && fwrite(s, 1, n, stdout) != n)
		out_fail();
}

void
out_putc(int c)
{
	if (putchar(c) == EOF)
		out_fail();
}

void
out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void
out_write_flat(const unsigned char *p, size_t n)
{
	size_t	 i, run = 0, skip;

	for (i = 0; i < n; i++) {
		/* Fast past what is surely not a line break. */
		if (p[i] > '\r' && p[i] != 0xE2 && p[i] != 0xC2)
			continue;
		skip = 0;
		if (p[i] == '\n' || p[i] == '\v' || p[i] == '\f')
			skip = 1;
		else if (p[i] == '\r')
			skip = i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
		else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
			skip = 3;
		else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0x85)
			skip = 2;
		if (skip == 0)
			continue;
		out_write(p + run, i - run);
		out_putc(' ');
		i += skip - 1;
		run = i + 1;
	}
	out_write(p + run, n - run);
}

void
out_end_record(void)
{
	if (out_line_buffered && fflush(stdout) == EOF)
		out_fail();
}

int
out_close(int status)
{
	if (fflush(stdout) == EOF)
		out_fail();
	/* An unchecked write (printf in --version) failed earlier: its errno
	 * is gone, so say no reason rather than a wrong one. */
	if (ferror(stdout))
		diag_fatal(DIAG_EXIT_DATA, "write error");
	if (fclose(stdout) == EOF) {
		/* Not through diag: it flushes stdout, which is gone now. */
		if (errno != EPIPE)
			fprintf(stderr, "%s: write error: %s\n", diag_prog(),
			    strerror(errno));
		exit(DIAG_EXIT_DATA);
	}
	return status;
}
