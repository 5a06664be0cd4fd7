/*
 * opts: the options every filter shares (DESIGN.md, "Conventions"), so that
 * their spelling and meaning cannot drift between programs.
 *
 * A filter puts OPTS_COMMON_LONG in its getopt_long table and OPTS_COMMON_SHORT
 * in its optstring, and hands each option it does not own to opts_common().
 */
#ifndef QUIRE_OPTS_H
#define QUIRE_OPTS_H

#include <getopt.h>
#include <limits.h>
#include <stddef.h>

#include "abbrev.h"
#include "record.h"
#include "yamlcfg.h"

/* Long-only options get codes above CHAR_MAX (as coreutils does). */
enum {
	OPT_JSON = CHAR_MAX + 1,
	OPT_FIELD,
	OPT_STRICT,
	OPT_LINE_BUFFERED,
	OPT_VERSION,
	OPT_FIRST_PRIVATE	/* a filter's own long-only codes start here */
};

/* The leading "+:" keeps options before operands (POSIX) and makes getopt
 * return ':' for a missing argument. */
#define OPTS_COMMON_SHORT "+:hqz"

#define OPTS_COMMON_LONG \
	{ "help",		no_argument,		NULL,	'h' }, \
	{ "quiet",		no_argument,		NULL,	'q' }, \
	{ "null",		no_argument,		NULL,	'z' }, \
	{ "json",		no_argument,		NULL,	OPT_JSON }, \
	{ "field",		required_argument,	NULL,	OPT_FIELD }, \
	{ "strict",		no_argument,		NULL,	OPT_STRICT }, \
	{ "line-buffered",	no_argument,		NULL,	OPT_LINE_BUFFERED }, \
	{ "version",		no_argument,		NULL,	OPT_VERSION }

/* The help lines for the shared options, for a filter's --help. */
#define OPTS_COMMON_HELP \
	"      --field=NAME     with --json, the member holding the text (text)\n" \
	"  -h, --help           show this help and exit\n" \
	"      --json           read and write JSON Lines\n" \
	"      --line-buffered  flush the output after each record\n" \
	"  -q, --quiet          do not print warnings\n" \
	"      --strict         make invalid UTF-8 an error\n" \
	"      --version        show the version and exit\n" \
	"  -z, --null           records are separated by NUL bytes\n"

struct opts_common {
	struct rec_config	rec;
	int			quiet;
	int			line_buffered;
};

/* Sets the defaults: text records, field "text", chunk size from the
 * environment (QUIRE_CHUNK_SIZE, for tests) or 64 KiB. */
void	opts_common_init(struct opts_common *);

/*
 * Handles option c (with optarg arg) if it is a shared one other than -h:
 * returns 1 if handled, 0 if not.  --version prints "PROG (quire) VERSION"
 * and exits; a bad value or -z with --json is a usage error (exit 2).
 */
int	opts_common(struct opts_common *, int c, const char *arg);

/*
 * Reports what getopt_long returned for a bad option ('?' or, with a leading
 * ':' in the optstring, ':' for a missing argument) as a usage error naming
 * the option, and exits 2.  Set opterr = 0 so getopt itself stays quiet: its
 * messages name argv[0], which is not the fixed program name.
 */
void	opts_bad(int c, char *const argv[]) __attribute__((noreturn));

/* Applies -q and --line-buffered to diag and output; call after parsing. */
void	opts_common_apply(const struct opts_common *);

/*
 * Reports a lexicon that failed to load and exits 1: "PROG: FILE:LINE:COL:
 * message", "PROG: FILE: message" for I/O errors (line 0), "PROG: built-in
 * WHAT: LINE:COL: message" when file is NULL, "out of memory" for rc -2.
 */
void	opts_lex_fatal(const char *what, const char *file, int rc,
	    const struct lex_error *err) __attribute__((noreturn));

/* Loads the built-in abbreviations and the user's files[0..n), or dies
 * with opts_lex_fatal. */
struct abbrev *opts_load_abbrev(char *const *files, size_t n);

/*
 * An option's number: s in decimal digits only, from min to max, or a
 * usage error "invalid WHAT: S" (exit 2).
 */
size_t	opts_size(const char *what, const char *s, size_t min, size_t max);

/* Prints help text to stdout and exits 0, or 1 if the write fails. */
void	opts_help(const char *text) __attribute__((noreturn));

#endif /* QUIRE_OPTS_H */
