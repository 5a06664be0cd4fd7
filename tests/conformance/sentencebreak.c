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

#include "breaktest.inc"
