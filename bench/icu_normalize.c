/*
 * icu_normalize: the ICU library's normalizer as a filter, for
 * bench/normalize.sh only (not built by `make all`, not installed).
 *
 * It does what a program built on ICU's C API would do with UTF-8 text:
 * read the whole input, convert it to UTF-16 once (invalid UTF-8 becomes
 * U+FFFD, as quire's policy says), call unorm2_normalize() with the NFC
 * instance (NFKC with -k), convert back to UTF-8 and write it to stdout.
 * The script times the whole process, as it times normalize and uconv.
 * So that the comparison is fair both ways, this program also reports on
 * stderr the time spent in unorm2_normalize() alone (CLOCK_MONOTONIC), with
 * the two conversions timed separately:
 *
 *	icu_normalize: NFC utf8-to-utf16 S s, normalize S s, utf16-to-utf8 S s
 *
 * ICU's string functions take int32_t lengths, so input is limited to
 * INT32_MAX bytes; that is enough for the 64 MiB corpora.
 *
 * Build: cc -O2 bench/icu_normalize.c $(pkg-config --cflags --libs icu-uc)
 * Usage: icu_normalize [-k] [file]
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

static const char *progname = "icu_normalize";

static void
die(const char *msg)
{
	fprintf(stderr, "%s: %s\n", progname, msg);
	exit(1);
}

static void
die_icu(const char *what, UErrorCode ec)
{
	fprintf(stderr, "%s: %s: %s\n", progname, what, u_errorName(ec));
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		die("out of memory");
	return p;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read all of fp into a malloc'd buffer; its length goes to *lenp. */
static char *
slurp(FILE *fp, const char *name, size_t *lenp)
{
	char *buf, *nbuf;
	size_t cap = 1 << 20, len = 0, n;

	buf = xmalloc(cap);
	for (;;) {
		if (len == cap) {
			if (cap > SIZE_MAX / 2)
				die("input too large");
			cap *= 2;
			if ((nbuf = realloc(buf, cap)) == NULL)
				die("out of memory");
			buf = nbuf;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0) {
			if (ferror(fp)) {
				fprintf(stderr, "%s: %s: %s\n", progname, name,
				    strerror(errno));
				exit(1);
			}
			break;
		}
	}
	*lenp = len;
	return buf;
}

int
main(int argc, char *argv[])
{
	const UNormalizer2 *norm;
	UErrorCode ec = U_ZERO_ERROR;
	UChar *u16, *n16;
	char *in, *out;
	const char *name = "<stdin>", *form = "NFC";
	FILE *fp = stdin;
	size_t inlen;
	int32_t len16, cap, nlen, outlen;
	double t0, t1, t2, t3, t4;
	int c, compat = 0;

	while ((c = getopt(argc, argv, "k")) != -1) {
		switch (c) {
		case 'k':
			compat = 1;
			form = "NFKC";
			break;
		default:
			fprintf(stderr, "usage: %s [-k] [file]\n", progname);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1) {
		fprintf(stderr, "usage: %s [-k] [file]\n", progname);
		return 2;
	}
	if (argc == 1 && strcmp(argv[0], "-") != 0) {
		name = argv[0];
		if ((fp = fopen(name, "rb")) == NULL) {
			fprintf(stderr, "%s: %s: %s\n", progname, name,
			    strerror(errno));
			return 1;
		}
	}

	norm = compat ? unorm2_getNFKCInstance(&ec) :
	    unorm2_getNFCInstance(&ec);
	if (U_FAILURE(ec))
		die_icu("unorm2_get instance", ec);

	in = slurp(fp, name, &inlen);
	if (fp != stdin)
		fclose(fp);
	if (inlen > INT32_MAX)
		die("input too large for ICU's int32_t lengths");

	/* A code point never takes more UTF-16 units than UTF-8 bytes. */
	t0 = now();
	u16 = xmalloc((inlen + 1) * sizeof(UChar));
	u_strFromUTF8WithSub(u16, (int32_t)inlen + 1, &len16, in,
	    (int32_t)inlen, 0xFFFD, NULL, &ec);
	if (U_FAILURE(ec))
		die_icu("u_strFromUTF8WithSub", ec);
	free(in);

	/*
	 * NFC and NFKC can lengthen text (NFKC of U+FDFA is 18 units); size
	 * for the common case and retry once with the length ICU asks for.
	 */
	t1 = now();
	cap = len16 < INT32_MAX - len16 / 8 - 64 ? len16 + len16 / 8 + 64 :
	    INT32_MAX;
	n16 = xmalloc((size_t)cap * sizeof(UChar));
	nlen = unorm2_normalize(norm, u16, len16, n16, cap, &ec);
	if (ec == U_BUFFER_OVERFLOW_ERROR) {
		free(n16);
		ec = U_ZERO_ERROR;
		cap = nlen;
		n16 = xmalloc((size_t)cap * sizeof(UChar));
		nlen = unorm2_normalize(norm, u16, len16, n16, cap, &ec);
	}
	if (U_FAILURE(ec))
		die_icu("unorm2_normalize", ec);
	t2 = now();
	free(u16);

	/* Each UTF-16 unit becomes at most 3 UTF-8 bytes. */
	if ((size_t)nlen > (SIZE_MAX - 1) / 3 || (size_t)nlen * 3 > INT32_MAX)
		die("output too large for ICU's int32_t lengths");
	out = xmalloc((size_t)nlen * 3 + 1);
	u_strToUTF8(out, nlen * 3 + 1, &outlen, n16, nlen, &ec);
	if (U_FAILURE(ec))
		die_icu("u_strToUTF8", ec);
	t3 = now();
	free(n16);

	if (fwrite(out, 1, (size_t)outlen, stdout) != (size_t)outlen ||
	    fflush(stdout) == EOF) {
		fprintf(stderr, "%s: write error: %s\n", progname,
		    strerror(errno));
		return 1;
	}
	t4 = now();
	free(out);

	fprintf(stderr, "%s: %s utf8-to-utf16 %.6f s, normalize %.6f s, "
	    "utf16-to-utf8 %.6f s, write %.6f s\n", progname, form,
	    t1 - t0, t2 - t1, t3 - t2, t4 - t3);
	return 0;
}
