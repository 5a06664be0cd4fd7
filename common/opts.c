/*
 * opts: the options every filter shares (see opts.h).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "diag.h"
#include "opts.h"
#include "output.h"
#include "record.h"
#include "yamlcfg.h"

#ifndef QUIRE_VERSION
#define QUIRE_VERSION "0.0.0"
#endif

#define CHUNK_DEFAULT	65536
#define CHUNK_MAX	(64 * 1024 * 1024)

void
opts_common_init(struct opts_common *o)
{
	const char	*env;
	char		*end;
	unsigned long	 v;

	memset(o, 0, sizeof(*o));
	o->rec.mode = REC_TEXT;
	o->rec.field = "text";
	o->rec.chunk_size = CHUNK_DEFAULT;
	if ((env = getenv("QUIRE_CHUNK_SIZE")) != NULL && *env != '\0') {
		errno = 0;
		v = strtoul(env, &end, 10);
		/* strtoul takes blanks and signs: digits only here. */
		if (*env < '0' || *env > '9' ||
		    errno != 0 || *end != '\0' || v == 0 || v > CHUNK_MAX)
			diag_usage("QUIRE_CHUNK_SIZE: not a size from 1 to %d: "
			    "%s", CHUNK_MAX, env);
		o->rec.chunk_size = v;
	}
}

int
opts_common(struct opts_common *o, int c, const char *arg)
{
	switch (c) {
	case 'q':
		o->quiet = 1;
		return 1;
	case 'z':
		o->rec.mode = REC_NUL;
		break;
	case OPT_JSON:
		o->rec.mode = REC_JSON;
		break;
	case OPT_FIELD:
		if (*arg == '\0')
			diag_usage("--field: empty name");
		o->rec.field = arg;
		return 1;
	case OPT_STRICT:
		o->rec.strict = 1;
		return 1;
	case OPT_LINE_BUFFERED:
		o->line_buffered = 1;
		return 1;
	case OPT_VERSION:
		printf("%s (quire) %s\n", diag_prog(), QUIRE_VERSION);
		exit(out_close(0));
	default:
		return 0;
	}
	/* -z and --json both name the record format: the last one wins would
	 * hide a mistake, so refuse the mix. */
	if (o->rec.mode_set && o->rec.mode_set != (int)o->rec.mode)
		diag_usage("-z and --json cannot be used together");
	o->rec.mode_set = (int)o->rec.mode;
	return 1;
}

void
opts_bad(int c, char *const argv[])
{
	const char	*arg = argv[optind - 1];

	if (c == ':') {
		if (optopt != 0 && arg[0] == '-' && arg[1] != '-')
			diag_usage("option requires an argument: -%c", optopt);
		diag_usage("option requires an argument: %s", arg);
	}
	if (optopt != 0)
		diag_usage("unknown option: -%c", optopt);
	diag_usage("unknown option: %s", arg);
}

void
opts_common_apply(const struct opts_common *o)
{
	diag_set_quiet(o->quiet);
	out_set_line_buffered(o->line_buffered);
}

void
opts_lex_fatal(const char *what, const char *file, int rc,
    const struct lex_error *err)
{
	if (rc == LEX_NOMEM)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if (file == NULL)
		diag_fatal(DIAG_EXIT_DATA, "built-in %s: %zu:%zu: %s", what,
		    err->line, err->column, err->msg);
	if (err->line == 0)
		diag_fatal(DIAG_EXIT_DATA, "%s: %s", file, err->msg);
	diag_fatal(DIAG_EXIT_DATA, "%s:%zu:%zu: %s", file, err->line,
	    err->column, err->msg);
}

struct abbrev *
opts_load_abbrev(char *const *files, size_t n)
{
	struct abbrev	*a;
	struct lex_error err;
	size_t		 i;
	int		 rc;

	if ((a = abbrev_new()) == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if ((rc = abbrev_load_builtin(a, &err)) != 0)
		opts_lex_fatal("abbreviations", NULL, rc, &err);
	for (i = 0; i < n; i++)
		if ((rc = abbrev_load_file(a, files[i], &err)) != 0)
			opts_lex_fatal("abbreviations", files[i], rc, &err);
	return a;
}

size_t
opts_size(const char *what, const char *s, size_t min, size_t max)
{
	unsigned long long v;
	char		*end;

	errno = 0;
	/* strtoull takes blanks and signs: digits only here. */
	if (*s < '0' || *s > '9')
		diag_usage("invalid %s: %s", what, s);
	v = strtoull(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < min || v > max)
		diag_usage("invalid %s: %s", what, s);
	return (size_t)v;
}

void
opts_help(const char *text)
{
	out_puts(text);
	exit(out_close(0));
}
