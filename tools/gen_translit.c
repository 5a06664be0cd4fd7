/*
 * gen_translit: turns data/translit/ascii.yaml, the table of `normalize
 * --ascii`, into C source: an array of { code point, ASCII text } sorted by
 * code point, for common/translit.c to include and search.
 *
 *	gen_translit data/translit/ascii.yaml > common/translit_data.inc
 *
 * The YAML is one mapping from single characters to printable ASCII (see
 * the header of ascii.yaml).  Each key must be exactly one code point, not
 * ASCII, and appear once; each value must be printable ASCII,
 * U+0020..U+007E, possibly empty.  A violation is reported as
 * "gen_translit: FILE:LINE:COLUMN: message" and exits 1, leaving stdout
 * incomplete (make writes to a temporary file and renames on success).
 *
 * This tool stands alone: it links libyaml and utf8proc, not libquire, so
 * that the library can depend on what it generates.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <yaml.h>

struct entry {
	int32_t	 cp;
	char	*ascii;		/* NUL-terminated printable ASCII */
	size_t	 line;		/* 1-based position of the key */
	size_t	 column;
};

static const char *path;
static unsigned char *text;	/* the whole file, for reader error positions */
static size_t	 textlen;
static struct entry *tab;
static size_t	 ntab, captab;

static void	 fail(const yaml_mark_t *, const char *, ...)
		    __attribute__((format(printf, 2, 3), noreturn));
static void	 failat(size_t, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4), noreturn));

static void
failat(size_t line, size_t column, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "gen_translit: %s:%zu:%zu: ", path, line, column);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* libyaml's marks count from 0. */
static void
fail(const yaml_mark_t *mark, const char *fmt, ...)
{
	va_list	 ap;

	fprintf(stderr, "gen_translit: %s:%zu:%zu: ", path, mark->line + 1,
	    mark->column + 1);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void
nomem(void)
{
	fprintf(stderr, "gen_translit: out of memory\n");
	exit(1);
}

static void
readfile(void)
{
	FILE	*fp;
	size_t	 cap = 0, got;
	unsigned char *p;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "gen_translit: %s: %s\n", path,
		    strerror(errno));
		exit(1);
	}
	do {
		if (cap - textlen < 8192) {
			if (cap > SIZE_MAX / 2 - 8192)
				nomem();
			cap = cap * 2 + 8192;
			if ((p = realloc(text, cap)) == NULL)
				nomem();
			text = p;
		}
		got = fread(text + textlen, 1, cap - textlen, fp);
		textlen += got;
	} while (got > 0);
	if (ferror(fp)) {
		fprintf(stderr, "gen_translit: %s: %s\n", path,
		    strerror(errno));
		exit(1);
	}
	fclose(fp);
}

/*
 * The 1-based line and column of byte offset off, counting as libyaml
 * does (CR LF, CR and LF end lines; columns are code points; a leading
 * byte order mark takes none).  Reader errors give only an offset.
 */
static void
position(size_t off, size_t *line, size_t *column)
{
	size_t	 i = 0;

	*line = *column = 1;
	if (textlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < off && i < textlen; i++) {
		if (text[i] == '\n' || (text[i] == '\r' &&
		    (i + 1 == textlen || text[i + 1] != '\n'))) {
			(*line)++;
			*column = 1;
		} else if ((text[i] & 0xC0) != 0x80 && text[i] != '\r')
			(*column)++;
	}
}

static void
parse(yaml_parser_t *parser, yaml_event_t *ev)
{
	size_t	 line, column;

	if (yaml_parser_parse(parser, ev))
		return;
	if (parser->error == YAML_MEMORY_ERROR)
		nomem();
	if (parser->error == YAML_READER_ERROR) {
		position(parser->problem_offset, &line, &column);
		failat(line, column, "%s", parser->problem);
	}
	if (parser->context == NULL)
		fail(&parser->problem_mark, "%s", parser->problem);
	/*
	 * A construct that runs to the end of the input (an unclosed quote)
	 * is to be fixed where it starts.  At the end of input without a
	 * final newline, libyaml's mark moves to the start of a line past it.
	 */
	position(textlen, &line, &column);
	if ((parser->problem_mark.line + 1 == line &&
	    parser->problem_mark.column + 1 == column) ||
	    (column > 1 && parser->problem_mark.line == line &&
	    parser->problem_mark.column == 0))
		fail(&parser->context_mark, "%s %s", parser->problem,
		    parser->context);
	fail(&parser->problem_mark, "%s %s started at line %zu, column %zu",
	    parser->problem, parser->context, parser->context_mark.line + 1,
	    parser->context_mark.column + 1);
}

static const char *
what(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return "a scalar";
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_ALIAS_EVENT:
		return "an alias";
	default:
		return "the end of the document";
	}
}

/* Checks a key and returns its code point. */
static int32_t
key(const yaml_event_t *ev)
{
	const utf8proc_uint8_t *s = ev->data.scalar.value;
	size_t		 len = ev->data.scalar.length;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;

	if (len == 0)
		fail(&ev->start_mark, "empty key");
	n = utf8proc_iterate(s, (utf8proc_ssize_t)len, &cp);
	if (n < 0)
		fail(&ev->start_mark, "key is not valid UTF-8");
	if ((size_t)n != len)
		fail(&ev->start_mark, "key \"%s\" is more than one code point",
		    (const char *)s);
	if (cp < 0x80)
		fail(&ev->start_mark, "key U+%04X is ASCII already",
		    (unsigned)cp);
	return cp;
}

/* Checks a value and returns a copy. */
static char *
value(const yaml_event_t *ev, int32_t cp)
{
	const unsigned char *s = ev->data.scalar.value;
	size_t		 len = ev->data.scalar.length;
	char		*p;

	if (len == 0 && ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		fail(&ev->start_mark, "missing value for U+%04X (write \"\" "
		    "to drop the character)", (unsigned)cp);
	for (size_t i = 0; i < len; i++)
		if (s[i] < 0x20 || s[i] > 0x7E)
			fail(&ev->start_mark, "value for U+%04X is not "
			    "printable ASCII (byte %zu is 0x%02X)",
			    (unsigned)cp, i + 1, s[i]);
	if ((p = malloc(len + 1)) == NULL)
		nomem();
	memcpy(p, s, len + 1);
	return p;
}

static void
add(int32_t cp, char *ascii, const yaml_mark_t *mark)
{
	struct entry *t;

	if (ntab == captab) {
		captab = captab ? captab * 2 : 512;
		if ((t = realloc(tab, captab * sizeof(*t))) == NULL)
			nomem();
		tab = t;
	}
	tab[ntab].cp = cp;
	tab[ntab].ascii = ascii;
	tab[ntab].line = mark->line + 1;
	tab[ntab].column = mark->column + 1;
	ntab++;
}

/* By code point, then by line: duplicates are reported in file order. */
static int
cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->cp != y->cp)
		return x->cp < y->cp ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static void
load(void)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev, kev;
	int32_t		 cp;

	if (yaml_parser_initialize(&parser) == 0)
		nomem();
	yaml_parser_set_input_string(&parser, text, textlen);
	parse(&parser, &ev);			/* stream start */
	yaml_event_delete(&ev);
	parse(&parser, &ev);
	if (ev.type != YAML_DOCUMENT_START_EVENT)
		fail(&ev.start_mark, "empty file: expected a mapping of "
		    "characters to ASCII");
	yaml_event_delete(&ev);
	parse(&parser, &ev);
	if (ev.type != YAML_MAPPING_START_EVENT)
		fail(&ev.start_mark, "expected a mapping of characters to "
		    "ASCII, found %s", what(&ev));
	yaml_event_delete(&ev);
	for (;;) {
		parse(&parser, &kev);
		if (kev.type == YAML_MAPPING_END_EVENT)
			break;
		if (kev.type != YAML_SCALAR_EVENT)
			fail(&kev.start_mark, "expected a character as key, "
			    "found %s", what(&kev));
		cp = key(&kev);
		parse(&parser, &ev);
		if (ev.type != YAML_SCALAR_EVENT)
			fail(&ev.start_mark, "expected ASCII text as value, "
			    "found %s", what(&ev));
		add(cp, value(&ev, cp), &kev.start_mark);
		yaml_event_delete(&ev);
		yaml_event_delete(&kev);
	}
	yaml_event_delete(&kev);
	parse(&parser, &ev);			/* document end */
	yaml_event_delete(&ev);
	parse(&parser, &ev);
	if (ev.type != YAML_STREAM_END_EVENT)
		fail(&ev.start_mark, "more than one document");
	yaml_event_delete(&ev);
	yaml_parser_delete(&parser);
	if (ntab == 0)
		failat(1, 1, "no entries");
}

/* A C string literal; "?" is escaped so that no "??x" forms a trigraph. */
static void
literal(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\' || *s == '?')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

int
main(int argc, char *argv[])
{
	int	 dup = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_translit FILE\n");
		return 2;
	}
	path = argv[1];
	readfile();
	load();
	qsort(tab, ntab, sizeof(*tab), cmp);
	for (size_t i = 1; i < ntab; i++)
		if (tab[i].cp == tab[i - 1].cp) {
			fprintf(stderr, "gen_translit: %s:%zu:%zu: duplicate "
			    "key U+%04X (first on line %zu)\n", path,
			    tab[i].line, tab[i].column, (unsigned)tab[i].cp,
			    tab[i - 1].line);
			dup = 1;
		}
	if (dup)
		return 1;

	printf("/*\n * Generated by tools/gen_translit from %s:\n"
	    " * do not edit; edit the YAML and run make.\n"
	    " * %zu entries, sorted by code point.\n */\n", path, ntab);
	printf("static const struct translit_entry translit_tab[] = {\n");
	for (size_t i = 0; i < ntab; i++) {
		printf("\t{ 0x%04X, ", (unsigned)tab[i].cp);
		literal(tab[i].ascii);
		printf(" },\n");
	}
	printf("};\n");
	if (fflush(stdout) == EOF || ferror(stdout)) {
		fprintf(stderr, "gen_translit: write error: %s\n",
		    strerror(errno));
		return 1;
	}
	for (size_t i = 0; i < ntab; i++)
		free(tab[i].ascii);
	free(tab);
	free(text);
	return 0;
}
