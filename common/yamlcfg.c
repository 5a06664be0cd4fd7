/*
 * yamlcfg: YAML lexicons through libyaml's event API (see yamlcfg.h).
 *
 * The event API streams, so a large gazetteer costs its entries and not a
 * document tree besides.  The price is that aliases are ours to resolve:
 * each document keeps a table of its anchors, with a copy of the text for
 * those on scalars.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "yamlcfg.h"

enum lex_kind {
	LEX_UNKNOWN,		/* a mapping before its first value */
	LEX_SCALAR,
	LEX_SEQUENCE,
	LEX_MAPPING
};

struct lex_anchor {
	char		*name;
	enum lex_kind	 kind;
	char		*value;		/* LEX_SCALAR only */
	size_t		 len;
	int		 missing;	/* an empty plain scalar */
};

/* A scalar as the loader sees it, whether written out or aliased. */
struct lex_scalar {
	const char	*p;		/* borrowed: event or anchor text */
	size_t		 len;
	int		 missing;
	yaml_mark_t	 mark;
};

struct lex_loader {
	yaml_parser_t	 parser;
	struct lex	*lex;
	struct lex_error *err;
	const unsigned char *s;		/* the whole input, for positions */
	size_t		 n;
	struct lex_anchor *anchors;
	size_t		 nanchors;
	size_t		 capanchors;
};


void
lex_error_set(struct lex_error *err, size_t line, size_t column,
    const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL)
		return;
	err->line = line;
	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

/* See yamlcfg.h. */
int
lex_fail_at(struct lex_error *err, const yaml_mark_t *mark, const char *fmt,
    ...)
{
	va_list	 ap;

	if (err == NULL)
		return LEX_ERR;
	err->line = mark->line + 1;
	err->column = mark->column + 1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return LEX_ERR;
}

/* See yamlcfg.h. */
int
lex_nomem(struct lex_error *err)
{
	lex_error_set(err, 0, 0, "out of memory");
	return LEX_NOMEM;
}

/* See yamlcfg.h. */
void
lex_offset_pos(const unsigned char *s, size_t n, size_t off, size_t *line,
    size_t *col)
{
	size_t	 i = 0;

	*line = *col = 0;
	if (off > n)
		off = n;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = 3;
	while (i < off) {
		if (s[i] == '\r' || s[i] == '\n') {
			i += (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ?
			    2 : 1;
			(*line)++;
			*col = 0;
		} else if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0x85) {
			i += 2;
			(*line)++;
			*col = 0;
		} else if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
			i += 3;
			(*line)++;
			*col = 0;
		} else {
			if ((s[i] & 0xC0) != 0x80)
				(*col)++;
			i++;
		}
	}
}

/*
 * Is mark where s[0..n) ends?  At the end of a stream without a final
 * line break, libyaml's scanner moves its mark to the start of a line past
 * the last, so both places count.
 */
static int
lex_at_end(const unsigned char *s, size_t n, const yaml_mark_t *mark)
{
	size_t	 line, col;

	lex_offset_pos(s, n, n, &line, &col);
	if (mark->line == line && mark->column == col)
		return 1;
	return col != 0 && mark->line == line + 1 && mark->column == 0;
}

static int
lex_mark_error(struct lex_error *err, const yaml_mark_t *mark,
    const char *problem, const char *context)
{
	if (context == NULL)
		lex_error_set(err, mark->line + 1, mark->column + 1, "%s",
		    problem);
	else
		lex_error_set(err, mark->line + 1, mark->column + 1, "%s %s",
		    problem, context);
	return LEX_ERR;
}

/* See yamlcfg.h. */
int
lex_parser_error(struct lex_error *err, const yaml_parser_t *p,
    const unsigned char *s, size_t n)
{
	const char	*problem;
	size_t		 line, col;

	problem = p->problem != NULL ? p->problem : "unknown error";
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		return lex_nomem(err);
	case YAML_READER_ERROR:
		lex_offset_pos(s, n, p->problem_offset, &line, &col);
		/* The value is a byte for UTF-8 problems, else a character. */
		if (p->problem_value == -1)
			lex_error_set(err, line + 1, col + 1, "%s", problem);
		else if (strstr(problem, "UTF-8") != NULL)
			lex_error_set(err, line + 1, col + 1, "%s (0x%02X)",
			    problem, (unsigned)p->problem_value);
		else
			lex_error_set(err, line + 1, col + 1, "%s (U+%04X)",
			    problem, (unsigned)p->problem_value);
		return LEX_ERR;
	default:
		break;
	}
	if (p->context == NULL)
		return lex_mark_error(err, &p->problem_mark, problem, NULL);
	/*
	 * A construct that runs to the end of the input (an unclosed quote
	 * or bracket) is to be fixed where it starts, not at the end.
	 */
	if (lex_at_end(s, n, &p->problem_mark))
		return lex_mark_error(err, &p->context_mark, problem,
		    p->context);
	if (p->context_mark.line == p->problem_mark.line &&
	    p->context_mark.column == p->problem_mark.column)
		return lex_mark_error(err, &p->problem_mark, problem,
		    p->context);
	lex_error_set(err, p->problem_mark.line + 1, p->problem_mark.column + 1,
	    "%s %s started at line %zu, column %zu", problem, p->context,
	    p->context_mark.line + 1, p->context_mark.column + 1);
	return LEX_ERR;
}

static int
lex_next(struct lex_loader *ld, yaml_event_t *ev)
{
	if (yaml_parser_parse(&ld->parser, ev) == 0)
		return lex_parser_error(ld->err, &ld->parser, ld->s, ld->n);
	return LEX_OK;
}

static void
lex_anchors_clear(struct lex_loader *ld)
{
	for (size_t i = 0; i < ld->nanchors; i++) {
		free(ld->anchors[i].name);
		free(ld->anchors[i].value);
	}
	ld->nanchors = 0;
}

/*
 * Records an anchor.  A name used twice is not replaced but shadowed (the
 * lookup runs from the newest), so text borrowed from the older one stays
 * valid until the document ends.
 */
static int
lex_anchor_add(struct lex_loader *ld, const yaml_char_t *name,
    enum lex_kind kind, const yaml_char_t *value, size_t len, int missing)
{
	struct lex_anchor *a;
	size_t	 cap;

	if (name == NULL)
		return LEX_OK;
	if (ld->nanchors == ld->capanchors) {
		cap = ld->capanchors ? ld->capanchors * 2 : 8;
		if (cap > SIZE_MAX / sizeof(*a))
			return lex_nomem(ld->err);
		if ((a = realloc(ld->anchors, cap * sizeof(*a))) == NULL)
			return lex_nomem(ld->err);
		ld->anchors = a;
		ld->capanchors = cap;
	}
	a = &ld->anchors[ld->nanchors];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	a->missing = missing;
	if ((a->name = strdup((const char *)name)) == NULL)
		return lex_nomem(ld->err);
	if (kind == LEX_SCALAR) {
		if ((a->value = malloc(len + 1)) == NULL) {
			free(a->name);
			return lex_nomem(ld->err);
		}
		memcpy(a->value, value, len);
		a->value[len] = '\0';
		a->len = len;
	}
	ld->nanchors++;
	return LEX_OK;
}

static const char *
lex_kind_name(enum lex_kind kind)
{
	switch (kind) {
	case LEX_SEQUENCE:
		return "a sequence";
	case LEX_MAPPING:
		return "a mapping";
	default:
		return "a scalar";
	}
}

/*
 * Reads a scalar or an alias to one into sc (text borrowed from ev or from
 * the anchor table).  Any other event is the caller's business.
 */
static int
lex_get_scalar(struct lex_loader *ld, const yaml_event_t *ev,
    struct lex_scalar *sc)
{
	const char	*name;
	size_t		 i;

	sc->mark = ev->start_mark;
	if (ev->type == YAML_SCALAR_EVENT) {
		sc->p = (const char *)ev->data.scalar.value;
		sc->len = ev->data.scalar.length;
		sc->missing = sc->len == 0 &&
		    ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return lex_anchor_add(ld, ev->data.scalar.anchor, LEX_SCALAR,
		    ev->data.scalar.value, sc->len, sc->missing);
	}
	name = (const char *)ev->data.alias.anchor;
	for (i = ld->nanchors; i > 0; i--)
		if (strcmp(ld->anchors[i - 1].name, name) == 0)
			break;
	if (i == 0)
		return lex_fail_at(ld->err, &ev->start_mark, "undefined alias *%s",
		    name);
	if (ld->anchors[i - 1].kind != LEX_SCALAR)
		return lex_fail_at(ld->err, &ev->start_mark,
		    "alias *%s refers to %s; only scalars may be aliased",
		    name, lex_kind_name(ld->anchors[i - 1].kind));
	sc->p = ld->anchors[i - 1].value;
	sc->len = ld->anchors[i - 1].len;
	sc->missing = ld->anchors[i - 1].missing;
	return LEX_OK;
}

/* Appends an entry; key and value share one allocation, key first. */
static int
lex_add(struct lex_loader *ld, const struct lex_scalar *key,
    const struct lex_scalar *value)
{
	struct lex	*lex = ld->lex;
	struct lex_entry *e;
	size_t		 cap, size;
	char		*p;

	if (lex->n == lex->cap) {
		cap = lex->cap ? lex->cap * 2 : 64;
		if (cap < lex->cap || cap > SIZE_MAX / sizeof(*e))
			return lex_nomem(ld->err);
		if ((e = realloc(lex->e, cap * sizeof(*e))) == NULL)
			return lex_nomem(ld->err);
		lex->e = e;
		lex->cap = cap;
	}
	if (key->len > SIZE_MAX - 2 ||
	    (value != NULL && value->len > SIZE_MAX - 2 - key->len))
		return lex_nomem(ld->err);
	size = key->len + 1 + (value != NULL ? value->len + 1 : 0);
	if ((p = malloc(size)) == NULL)
		return lex_nomem(ld->err);
	e = &lex->e[lex->n++];
	e->key = p;
	e->key_len = key->len;
	memcpy(p, key->p, key->len);
	p[key->len] = '\0';
	e->line = key->mark.line + 1;
	if (value == NULL) {
		e->value = NULL;
		e->value_len = 0;
	} else {
		e->value = p + key->len + 1;
		e->value_len = value->len;
		memcpy(e->value, value->p, value->len);
		e->value[value->len] = '\0';
	}
	return LEX_OK;
}

/* Notes the anchor of a collection, so that an alias to it can be refused. */
static int
lex_collection_anchor(struct lex_loader *ld, const yaml_event_t *ev)
{
	if (ev->type == YAML_SEQUENCE_START_EVENT)
		return lex_anchor_add(ld, ev->data.sequence_start.anchor,
		    LEX_SEQUENCE, NULL, 0, 0);
	return lex_anchor_add(ld, ev->data.mapping_start.anchor, LEX_MAPPING,
	    NULL, 0, 0);
}

/*
 * Reads the items of a sequence whose start has been consumed, up to its
 * end.  Each item is an entry keyed by the item, with label as its value
 * (NULL in a plain list).
 */
static int
lex_list(struct lex_loader *ld, const struct lex_scalar *label)
{
	yaml_event_t	 ev;
	struct lex_scalar item;
	int		 rc;

	for (;;) {
		if ((rc = lex_next(ld, &ev)) != LEX_OK)
			return rc;
		switch (ev.type) {
		case YAML_SEQUENCE_END_EVENT:
			yaml_event_delete(&ev);
			return LEX_OK;
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if ((rc = lex_get_scalar(ld, &ev, &item)) != LEX_OK)
				break;
			if (item.len == 0)
				rc = lex_fail_at(ld->err, &ev.start_mark,
				    "empty list item");
			else
				rc = lex_add(ld, &item, label);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = lex_fail_at(ld->err, &ev.start_mark,
			    "list items must be scalars, found a sequence");
			break;
		default:
			rc = lex_fail_at(ld->err, &ev.start_mark,
			    "list items must be scalars, found a mapping");
			break;
		}
		yaml_event_delete(&ev);
		if (rc != LEX_OK)
			return rc;
	}
}

/*
 * Reads the value for key in a mapping.  kind and first track whether the
 * mapping's values are scalars or sequences, and the line of the first.
 */
static int
lex_map_value(struct lex_loader *ld, const struct lex_scalar *key,
    enum lex_kind *kind, size_t *first)
{
	yaml_event_t	 ev;
	struct lex_scalar value;
	int		 rc;

	if ((rc = lex_next(ld, &ev)) != LEX_OK)
		return rc;
	switch (ev.type) {
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
		/* Resolve first: an alias to a list is wrong in any mapping. */
		if ((rc = lex_get_scalar(ld, &ev, &value)) != LEX_OK)
			break;
		if (*kind == LEX_SEQUENCE) {
			rc = lex_fail_at(ld->err, &ev.start_mark, "scalar value in a "
			    "mapping of lists (the first value, on line %zu, "
			    "is a list)", *first);
			break;
		}
		if (*kind == LEX_UNKNOWN) {
			*kind = LEX_SCALAR;
			*first = ev.start_mark.line + 1;
		}
		if (value.missing)
			rc = lex_fail_at(ld->err, &ev.start_mark, "missing value");
		else
			rc = lex_add(ld, key, &value);
		break;
	case YAML_SEQUENCE_START_EVENT:
		if (*kind == LEX_SCALAR) {
			rc = lex_fail_at(ld->err, &ev.start_mark, "list value in a "
			    "mapping of scalars (the first value, on line %zu, "
			    "is a scalar)", *first);
			break;
		}
		if (*kind == LEX_UNKNOWN) {
			*kind = LEX_SEQUENCE;
			*first = ev.start_mark.line + 1;
		}
		if ((rc = lex_collection_anchor(ld, &ev)) == LEX_OK)
			rc = lex_list(ld, key);
		break;
	default:
		rc = lex_fail_at(ld->err, &ev.start_mark, "values must be scalars or "
		    "lists of scalars, found a mapping");
		break;
	}
	yaml_event_delete(&ev);
	return rc;
}

/* Reads the pairs of a mapping whose start has been consumed. */
static int
lex_map(struct lex_loader *ld)
{
	yaml_event_t	 ev;
	struct lex_scalar key;
	enum lex_kind	 kind = LEX_UNKNOWN;
	size_t		 first = 0;
	int		 rc;

	for (;;) {
		if ((rc = lex_next(ld, &ev)) != LEX_OK)
			return rc;
		switch (ev.type) {
		case YAML_MAPPING_END_EVENT:
			yaml_event_delete(&ev);
			return LEX_OK;
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			if ((rc = lex_get_scalar(ld, &ev, &key)) != LEX_OK)
				break;
			if (key.len == 0)
				rc = lex_fail_at(ld->err, &ev.start_mark, "empty key");
			else
				rc = lex_map_value(ld, &key, &kind, &first);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = lex_fail_at(ld->err, &ev.start_mark,
			    "keys must be scalars, found a sequence");
			break;
		default:
			rc = lex_fail_at(ld->err, &ev.start_mark,
			    "keys must be scalars, found a mapping");
			break;
		}
		/* The key's text lives in ev until the value is read. */
		yaml_event_delete(&ev);
		if (rc != LEX_OK)
			return rc;
	}
}

/* Reads one document whose start has been consumed, up to its end. */
static int
lex_document(struct lex_loader *ld)
{
	yaml_event_t	 ev;
	int		 rc;

	lex_anchors_clear(ld);	/* anchors do not cross documents */
	if ((rc = lex_next(ld, &ev)) != LEX_OK)
		return rc;
	switch (ev.type) {
	case YAML_SCALAR_EVENT:
		/* A bare "---", or a document of comments, holds nothing. */
		if (ev.data.scalar.length == 0 &&
		    ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
			rc = LEX_OK;
		else
			rc = lex_fail_at(ld->err, &ev.start_mark, "expected a list or "
			    "a mapping, found a scalar");
		break;
	case YAML_SEQUENCE_START_EVENT:
		if ((rc = lex_collection_anchor(ld, &ev)) == LEX_OK)
			rc = lex_list(ld, NULL);
		break;
	case YAML_MAPPING_START_EVENT:
		if ((rc = lex_collection_anchor(ld, &ev)) == LEX_OK)
			rc = lex_map(ld);
		break;
	default:
		rc = lex_fail_at(ld->err, &ev.start_mark, "expected a list or a "
		    "mapping, found an alias");
		break;
	}
	yaml_event_delete(&ev);
	if (rc != LEX_OK)
		return rc;
	if ((rc = lex_next(ld, &ev)) != LEX_OK)
		return rc;
	/* The parser allows nothing else after the root node. */
	yaml_event_delete(&ev);
	return LEX_OK;
}

static int
lex_stream(struct lex_loader *ld)
{
	yaml_event_t	 ev;
	yaml_event_type_t type;
	int		 rc;

	for (;;) {
		if ((rc = lex_next(ld, &ev)) != LEX_OK)
			return rc;
		type = ev.type;
		yaml_event_delete(&ev);
		switch (type) {
		case YAML_STREAM_END_EVENT:
			return LEX_OK;
		case YAML_DOCUMENT_START_EVENT:
			if ((rc = lex_document(ld)) != LEX_OK)
				return rc;
			break;
		default:	/* YAML_STREAM_START_EVENT */
			break;
		}
	}
}

int
lex_load_mem(struct lex *lex, const unsigned char *s, size_t n,
    struct lex_error *err)
{
	static const unsigned char empty[1];
	struct lex_loader ld;
	size_t		 n0 = lex->n;
	int		 rc;

	if (s == NULL)
		s = empty;
	/*
	 * libyaml would read UTF-16 after a byte order mark; we do not, so
	 * that reader offsets are UTF-8 offsets and lexicons are what
	 * DESIGN.md says input is.
	 */
	if (n >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) ||
	    (s[0] == 0xFF && s[1] == 0xFE))) {
		lex_error_set(err, 1, 1, "lexicons must be UTF-8, not UTF-16");
		return LEX_ERR;
	}
	memset(&ld, 0, sizeof(ld));
	if (yaml_parser_initialize(&ld.parser) == 0)
		return lex_nomem(err);
	yaml_parser_set_input_string(&ld.parser, s, n);
	ld.lex = lex;
	ld.err = err;
	ld.s = s;
	ld.n = n;
	rc = lex_stream(&ld);
	lex_anchors_clear(&ld);
	free(ld.anchors);
	yaml_parser_delete(&ld.parser);
	if (rc != LEX_OK) {
		while (lex->n > n0)
			free(lex->e[--lex->n].key);
	}
	return rc;
}

int
lex_read_file(const char *path, unsigned char **sp, size_t *np,
    struct lex_error *err)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	if ((r = buf_read_file(&b, path)) != 0) {
		if (r == -1)
			lex_error_set(err, 0, 0, "%s", strerror(errno));
		buf_free(&b);
		return r == -2 ? lex_nomem(err) : LEX_ERR;
	}
	*sp = b.p;
	*np = b.len;
	return LEX_OK;
}

int
lex_load_file(struct lex *lex, const char *path, struct lex_error *err)
{
	unsigned char	*s;
	size_t		 n;
	int		 rc;

	if ((rc = lex_read_file(path, &s, &n, err)) != LEX_OK)
		return rc;
	rc = lex_load_mem(lex, s, n, err);
	free(s);
	return rc;
}

/* Byte order; a proper prefix sorts first. */
static int
lex_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int	 c;

	if ((c = memcmp(a, b, alen < blen ? alen : blen)) != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/*
 * A bottom-up merge sort: stable, which qsort(3) is not, and n log n
 * whatever the input (gazetteers are often nearly sorted already).
 */
int
lex_sort(struct lex *lex)
{
	struct lex_entry *tmp, *src, *dst, *t;
	size_t		 n = lex->n, width, lo, mid, hi, i, j, k;

	if (n < 2)
		return LEX_OK;
	if (n > SIZE_MAX / sizeof(*tmp) ||
	    (tmp = malloc(n * sizeof(*tmp))) == NULL)
		return LEX_NOMEM;
	src = lex->e;
	dst = tmp;
	for (width = 1; width < n; width = width > n / 2 ? n : width * 2) {
		for (lo = 0; lo < n; lo = hi) {
			mid = n - lo > width ? lo + width : n;
			hi = n - mid > width ? mid + width : n;
			i = lo;
			j = mid;
			k = lo;
			while (i < mid && j < hi) {
				if (lex_cmp(src[j].key, src[j].key_len,
				    src[i].key, src[i].key_len) < 0)
					dst[k++] = src[j++];
				else
					dst[k++] = src[i++];
			}
			while (i < mid)
				dst[k++] = src[i++];
			while (j < hi)
				dst[k++] = src[j++];
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != lex->e)
		memcpy(lex->e, src, n * sizeof(*tmp));
	free(tmp);
	return LEX_OK;
}

const struct lex_entry *
lex_find(const struct lex *lex, const char *key, size_t len)
{
	size_t	 lo = 0, hi = lex->n, mid;

	/* Find the first entry past key; the one before it may be equal. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (lex_cmp(lex->e[mid].key, lex->e[mid].key_len, key,
		    len) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && lex_cmp(lex->e[lo - 1].key, lex->e[lo - 1].key_len,
	    key, len) == 0)
		return &lex->e[lo - 1];
	return NULL;
}

void
lex_free(struct lex *lex)
{
	for (size_t i = 0; i < lex->n; i++)
		free(lex->e[i].key);
	free(lex->e);
	lex->e = NULL;
	lex->n = lex->cap = 0;
}
