/*
 * abbrev: the abbreviation lexicon (see abbrev.h).
 *
 * A lexicon file is a yamlcfg map of lists, class name to abbreviations
 * (data/abbreviations/en.yaml, whose header documents the format and the
 * classes).  Two more shapes that yamlcfg reads are accepted, since they
 * are what a user is likely to write: a map of scalars, abbreviation to
 * class ("Gov-Gen: title"), and a plain list, whose entries are of class
 * other.  A key written with its final period ("Mr.") loses it, so that
 * users may write abbreviations as they appear in text; a key that is
 * only a period stays as it is and never matches.
 *
 * The entries live in one array sorted by key in byte order, one entry a
 * key (the one read last wins), with a second index over the entries that
 * are lower-case ASCII for the case-insensitive lookup.  Both lookups are
 * binary searches, so the answer never depends on hashing or load order
 * beyond "last wins".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "abbrev.h"
#include "yamlcfg.h"

#include "abbrev_data.inc"

struct abbrev_entry {
	char		*key;		/* owned, NUL-terminated */
	size_t		 len;
	enum abbrev_class cls;
	size_t		 seq;		/* load order: the later entry wins */
};

struct abbrev {
	struct abbrev_entry *e;		/* sorted by key, unique keys */
	size_t		 n;
	size_t		 cap;
	size_t		*lower;		/* indices into e: lower-case keys */
	size_t		 nlower;
	size_t		 seq;		/* next load-order number */
};

/* The anchors on scalars of one YAML document, for the class check. */
struct abbrev_anchors {
	struct {
		char	*name;
		char	*value;
		size_t	 len;
	}		*v;
	size_t		 n;
	size_t		 cap;
};

static const struct {
	const char	*name;
	enum abbrev_class cls;
} abbrev_classes[] = {
	{ "title", ABBR_TITLE },
	{ "month", ABBR_MONTH },
	{ "number", ABBR_NUMBER },
	{ "corp", ABBR_CORP },
	{ "other", ABBR_OTHER },
};

static int
abbrev_nomem(struct lex_error *err)
{
	lex_error_set(err, 0, 0, "out of memory");
	return LEX_NOMEM;
}

/* Maps a class name to its class; ABBR_NONE if there is no such class. */
static enum abbrev_class
abbrev_class_named(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < sizeof(abbrev_classes) / sizeof(abbrev_classes[0]);
	    i++)
		if (strlen(abbrev_classes[i].name) == len &&
		    memcmp(abbrev_classes[i].name, s, len) == 0)
			return abbrev_classes[i].cls;
	return ABBR_NONE;
}

static unsigned char
abbrev_ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/*
 * Does the key qualify for the case-insensitive match?  Only if it is
 * ASCII with no capital: the match folds ASCII only, and a key with a
 * non-ASCII capital ("Éd") is not "written in lower case".
 */
static int
abbrev_is_lower(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0x80)
			return 0;
		if (s[i] >= 'A' && s[i] <= 'Z')
			return 0;
	}
	return 1;
}

/* Byte order; a proper prefix sorts first.  Optionally folds b. */
static int
abbrev_cmp(const char *a, size_t alen, const unsigned char *b, size_t blen,
    int fold)
{
	size_t	 i, n = alen < blen ? alen : blen;
	unsigned char ca, cb;

	for (i = 0; i < n; i++) {
		ca = (unsigned char)a[i];
		cb = fold ? abbrev_ascii_lower(b[i]) : b[i];
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
	return (alen > blen) - (alen < blen);
}

/* qsort order: by key, then by load order, a total order. */
static int
abbrev_entry_cmp(const void *pa, const void *pb)
{
	const struct abbrev_entry *a = pa, *b = pb;
	int	 c;

	c = abbrev_cmp(a->key, a->len, (const unsigned char *)b->key, b->len,
	    0);
	if (c != 0)
		return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static void
abbrev_anchors_clear(struct abbrev_anchors *an)
{
	size_t	 i;

	for (i = 0; i < an->n; i++) {
		free(an->v[i].name);
		free(an->v[i].value);
	}
	an->n = 0;
}

/* Records anchor name on the scalar text[0..len); LEX_OK or LEX_NOMEM. */
static int
abbrev_anchors_add(struct abbrev_anchors *an, const char *name,
    const char *text, size_t len)
{
	void	*v;
	size_t	 cap;

	if (an->n == an->cap) {
		cap = an->cap ? an->cap * 2 : 8;
		if (cap > SIZE_MAX / sizeof(*an->v) ||
		    (v = realloc(an->v, cap * sizeof(*an->v))) == NULL)
			return LEX_NOMEM;
		an->v = v;
		an->cap = cap;
	}
	if ((an->v[an->n].name = strdup(name)) == NULL)
		return LEX_NOMEM;
	if ((an->v[an->n].value = malloc(len + 1)) == NULL) {
		free(an->v[an->n].name);
		return LEX_NOMEM;
	}
	memcpy(an->v[an->n].value, text, len);
	an->v[an->n].value[len] = '\0';
	an->v[an->n].len = len;
	an->n++;
	return LEX_OK;
}

/*
 * The text an alias stands for, or NULL if it names no scalar (yamlcfg
 * has refused that already).  The newest anchor of a name wins.
 */
static const char *
abbrev_anchors_find(const struct abbrev_anchors *an, const char *name,
    size_t *len)
{
	size_t	 i;

	for (i = an->n; i > 0; i--)
		if (strcmp(an->v[i - 1].name, name) == 0) {
			*len = an->v[i - 1].len;
			return an->v[i - 1].value;
		}
	return NULL;
}

/* Reports a class name that is not one of ours, at mark. */
static int
abbrev_bad_class(struct lex_error *err, const yaml_mark_t *mark,
    const char *name, size_t len)
{
	char	 msg[sizeof(err->msg)];

	snprintf(msg, sizeof(msg), "unknown class '%.*s'; expected title, "
	    "month, number, corp or other", len > 40 ? 40 : (int)len, name);
	lex_error_set(err, mark->line + 1, mark->column + 1, "%s", msg);
	return LEX_ERR;
}

/* Where the class check is in the event stream. */
struct abbrev_check {
	size_t		 depth;		/* of collections open */
	int		 root_map;	/* the document is a mapping */
	int		 want_key;	/* the next root scalar is a key */
	char		*key;		/* the last root key, owned */
	size_t		 klen;
	yaml_mark_t	 kmark;
};

/*
 * Takes a scalar (or an alias, resolved) at depth 1 of a root mapping: a
 * key is kept until its value shows whether it names a class; a value is
 * a class name.  *text is left pointing at a class name to check, or set
 * to NULL.  Returns LEX_OK or LEX_NOMEM.
 */
static int
abbrev_check_scalar(struct abbrev_check *st, const yaml_mark_t *mark,
    const char **text, size_t len, struct lex_error *err)
{
	if (st->depth != 1 || !st->root_map) {
		*text = NULL;	/* a list item, or no mapping at all */
		return LEX_OK;
	}
	if (!st->want_key) {
		st->want_key = 1;	/* a class, in a map of scalars */
		return LEX_OK;
	}
	free(st->key);
	st->key = NULL;
	st->klen = 0;
	st->kmark = *mark;
	st->want_key = 0;
	if (*text != NULL) {
		if ((st->key = malloc(len + 1)) == NULL)
			return abbrev_nomem(err);
		memcpy(st->key, *text, len);
		st->key[len] = '\0';
		st->klen = len;
	}
	*text = NULL;
	return LEX_OK;
}

/*
 * The class-name check.  Reads the YAML text s[0..n), which lex_load_mem
 * has already accepted, and reports the first class name that is not one
 * of ours at its line and column (yamlcfg's entries carry a line but no
 * column, and an empty list carries no entry at all, though "foo: []" is
 * a typo too).  Class names are the keys of a map of lists and the values
 * of a map of scalars; the items of a plain list have none.  Anchors are
 * tracked so that an aliased name is checked as the text it stands for.
 * Returns LEX_OK, LEX_ERR or LEX_NOMEM.
 */
static int
abbrev_check_classes(const unsigned char *s, size_t n, struct lex_error *err)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	struct abbrev_anchors anchors = { NULL, 0, 0 };
	struct abbrev_check st;
	yaml_mark_t	 mark;
	size_t		 len;
	const char	*text;
	int		 rc = LEX_OK, done = 0;

	memset(&st, 0, sizeof(st));
	if (yaml_parser_initialize(&parser) == 0)
		return abbrev_nomem(err);
	yaml_parser_set_input_string(&parser, s, n);
	while (!done && rc == LEX_OK) {
		if (yaml_parser_parse(&parser, &ev) == 0) {
			/* lex_load_mem read the same text: memory, surely. */
			if (parser.error == YAML_MEMORY_ERROR)
				rc = abbrev_nomem(err);
			else {
				lex_error_set(err, parser.problem_mark.line + 1,
				    parser.problem_mark.column + 1, "%s",
				    parser.problem != NULL ? parser.problem :
				    "unknown error");
				rc = LEX_ERR;
			}
			break;
		}
		text = NULL;	/* set to a class name to check */
		len = 0;
		mark = ev.start_mark;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			abbrev_anchors_clear(&anchors);
			st.depth = 0;
			st.root_map = 0;
			break;
		case YAML_MAPPING_START_EVENT:
			if (st.depth++ == 0)
				st.root_map = st.want_key = 1;
			break;
		case YAML_SEQUENCE_START_EVENT:
			/* A list under a key: the key was a class name. */
			if (st.depth == 1 && st.root_map && !st.want_key) {
				text = st.key;
				len = st.klen;
				mark = st.kmark;
				st.want_key = 1;
			}
			st.depth++;
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			st.depth--;
			break;
		case YAML_SCALAR_EVENT:
			text = (const char *)ev.data.scalar.value;
			len = ev.data.scalar.length;
			if (ev.data.scalar.anchor != NULL &&
			    abbrev_anchors_add(&anchors,
			    (const char *)ev.data.scalar.anchor, text, len) !=
			    LEX_OK)
				rc = abbrev_nomem(err);
			else
				rc = abbrev_check_scalar(&st, &mark, &text, len,
				    err);
			break;
		case YAML_ALIAS_EVENT:
			text = abbrev_anchors_find(&anchors,
			    (const char *)ev.data.alias.anchor, &len);
			rc = abbrev_check_scalar(&st, &mark, &text, len, err);
			break;
		default:
			break;
		}
		if (rc == LEX_OK && text != NULL &&
		    abbrev_class_named(text, len) == ABBR_NONE)
			rc = abbrev_bad_class(err, &mark, text, len);
		yaml_event_delete(&ev);
	}
	free(st.key);
	abbrev_anchors_clear(&anchors);
	free(anchors.v);
	yaml_parser_delete(&parser);
	return rc;
}

/*
 * Adds the entries of a loaded, checked lex.  All allocation happens
 * before the lexicon changes, so on failure it is as it was.
 */
static int
abbrev_add_lex(struct abbrev *ab, const struct lex *lex,
    struct lex_error *err)
{
	struct abbrev_entry *e, *ne;
	size_t		 need, i, j, len, *lower;

	if (lex->n == 0)
		return LEX_OK;
	/* abbrev_check_classes has run, so this is only a safeguard. */
	for (i = 0; i < lex->n; i++)
		if (lex->e[i].value != NULL &&
		    abbrev_class_named(lex->e[i].value, lex->e[i].value_len) ==
		    ABBR_NONE) {
			lex_error_set(err, lex->e[i].line, 1, "unknown class");
			return LEX_ERR;
		}
	if (lex->n > SIZE_MAX / sizeof(*e) - ab->n)
		return abbrev_nomem(err);
	need = ab->n + lex->n;
	if (need > ab->cap) {
		/* The index first: it must never be shorter than e. */
		if ((lower = realloc(ab->lower, need * sizeof(*lower))) ==
		    NULL)
			return abbrev_nomem(err);
		ab->lower = lower;
		if ((e = realloc(ab->e, need * sizeof(*e))) == NULL)
			return abbrev_nomem(err);
		ab->e = e;
		ab->cap = need;
	}
	ne = ab->e + ab->n;
	for (i = 0; i < lex->n; i++) {
		len = lex->e[i].key_len;
		if (len > 1 && lex->e[i].key[len - 1] == '.')
			len--;
		if ((ne[i].key = malloc(len + 1)) == NULL) {
			while (i > 0)
				free(ne[--i].key);
			return abbrev_nomem(err);
		}
		memcpy(ne[i].key, lex->e[i].key, len);
		ne[i].key[len] = '\0';
		ne[i].len = len;
		/* A plain list has no classes: its entries are other. */
		ne[i].cls = lex->e[i].value == NULL ? ABBR_OTHER :
		    abbrev_class_named(lex->e[i].value, lex->e[i].value_len);
		ne[i].seq = ab->seq++;
	}
	ab->n = need;
	qsort(ab->e, ab->n, sizeof(*ab->e), abbrev_entry_cmp);

	/* Keep the last of each run of equal keys: it was read last. */
	for (i = j = 0; i < ab->n; i++) {
		if (i + 1 < ab->n && ab->e[i].len == ab->e[i + 1].len &&
		    memcmp(ab->e[i].key, ab->e[i + 1].key, ab->e[i].len) == 0) {
			free(ab->e[i].key);
			continue;
		}
		ab->e[j++] = ab->e[i];
	}
	ab->n = j;
	ab->nlower = 0;
	for (i = 0; i < ab->n; i++)
		if (abbrev_is_lower(ab->e[i].key, ab->e[i].len))
			ab->lower[ab->nlower++] = i;
	return LEX_OK;
}

/* Loads, checks and adds the YAML text s[0..n). */
static int
abbrev_load_mem(struct abbrev *ab, const unsigned char *s, size_t n,
    struct lex_error *err)
{
	struct lex	 lex = LEX_INIT;
	int		 rc;

	if ((rc = lex_load_mem(&lex, s, n, err)) == LEX_OK &&
	    (rc = abbrev_check_classes(s, n, err)) == LEX_OK)
		rc = abbrev_add_lex(ab, &lex, err);
	lex_free(&lex);
	return rc;
}

struct abbrev *
abbrev_new(void)
{
	return calloc(1, sizeof(struct abbrev));
}

int
abbrev_load_builtin(struct abbrev *ab, struct lex_error *err)
{
	return abbrev_load_mem(ab, abbrev_en_yaml, abbrev_en_yaml_len, err);
}

/*
 * Reads the file whole and loads it from memory: the class check needs
 * the text as well as yamlcfg's entries.  Errors opening or reading are
 * reported as lex_load_file reports them: line 0, strerror(errno).
 */
int
abbrev_load_file(struct abbrev *ab, const char *path, struct lex_error *err)
{
	unsigned char	*s;
	size_t		 n;
	int		 rc;

	if ((rc = lex_read_file(path, &s, &n, err)) != LEX_OK)
		return rc;
	rc = abbrev_load_mem(ab, s, n, err);
	free(s);
	return rc;
}

/* Binary search of the entries (fold 0) or the lower-case index (1). */
static const struct abbrev_entry *
abbrev_search(const struct abbrev *ab, const unsigned char *w, size_t len,
    int fold)
{
	const struct abbrev_entry *e;
	size_t		 lo = 0, hi = fold ? ab->nlower : ab->n, mid;
	int		 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		e = fold ? &ab->e[ab->lower[mid]] : &ab->e[mid];
		c = abbrev_cmp(e->key, e->len, w, len, fold);
		if (c == 0)
			return e;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Exact match first, so that "Ft" (a title) is not shadowed by "ft";
 * then the lower-case entries, folding w.  The lower-case keys hold no
 * capitals, so their byte order is also the order of folded words.
 */
enum abbrev_class
abbrev_find(const struct abbrev *ab, const unsigned char *w, size_t len)
{
	const struct abbrev_entry *e;

	if (ab == NULL || len == 0)
		return ABBR_NONE;
	if ((e = abbrev_search(ab, w, len, 0)) != NULL ||
	    (e = abbrev_search(ab, w, len, 1)) != NULL)
		return e->cls;
	return ABBR_NONE;
}

void
abbrev_free(struct abbrev *ab)
{
	size_t	 i;

	if (ab == NULL)
		return;
	for (i = 0; i < ab->n; i++)
		free(ab->e[i].key);
	free(ab->e);
	free(ab->lower);
	free(ab);
}
