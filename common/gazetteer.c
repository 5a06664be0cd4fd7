/*
 * gazetteer: users' names for the tagger (see gazetteer.h), read with
 * libyaml's event API (a gazetteer may be large) and matched through a
 * hash table keyed by each name's first word.
 *
 * Names are stored as words in one byte pool.  A period the tokenizer
 * split from the word before it ("Inc" ".") is joined back ("Inc."), so
 * that every name has one canonical form; at match time a text word
 * "Inc" followed by a word "." matches it as well as "Inc." does.
 *
 * A load appends names unlinked, and links them into the table only once
 * the whole text has parsed, after the table has room: so a failed load
 * truncates the arrays and leaves the gazetteer as it was.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "entity.h"
#include "gazetteer.h"
#include "token.h"
#include "yamlcfg.h"

#define GAZ_NONE	SIZE_MAX	/* end of a chain */

struct gaz_word {
	size_t	 off, len;	/* in the pool */
};

struct gaz_name {
	size_t		 word;		/* first word in words[] */
	size_t		 nword;
	uint64_t	 hash;		/* of the first word */
	size_t		 next;		/* in its chain, or GAZ_NONE */
	enum ent_type	 type;
};

struct gaz {
	unsigned char	*pool;
	size_t		 npool, cappool;
	struct gaz_word	*words;
	size_t		 nwords, capwords;
	struct gaz_name	*names;
	size_t		 nnames, capnames;
	size_t		*heads;		/* chain heads; nheads a power of 2 */
	size_t		 nheads;
	size_t		 linked;	/* names [0, linked) are in chains */
};

struct gaz_loader {
	yaml_parser_t	 parser;
	struct gaz	*g;
	struct lex_error *err;
	const unsigned char *s;		/* the whole input, for positions */
	size_t		 n;
	struct tok_vec	 toks;		/* scratch for splitting names */
};

/* FNV-1a, 64 bits: deterministic whatever the platform. */
#define GAZ_FNV_BASIS	0xcbf29ce484222325ULL
#define GAZ_FNV_PRIME	0x100000001b3ULL

static uint64_t
gaz_hash(uint64_t h, const unsigned char *p, size_t len)
{
	while (len-- > 0) {
		h ^= *p++;
		h *= GAZ_FNV_PRIME;
	}
	return h;
}

/*
 * Returns array p grown geometrically to hold need elements of size bytes
 * (*cap updated), or NULL if out of memory, p then unchanged.
 */
static void *
gaz_grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t	 c = *cap;

	if (need <= c)
		return p;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			return NULL;
		c = c ? c * 2 : 64;
	}
	if (c > SIZE_MAX / size || (p = realloc(p, c * size)) == NULL)
		return NULL;
	*cap = c;
	return p;
}

static int
gaz_next(struct gaz_loader *ld, yaml_event_t *ev)
{
	if (yaml_parser_parse(&ld->parser, ev) == 0)
		return lex_parser_error(ld->err, &ld->parser, ld->s, ld->n);
	return LEX_OK;
}

static const char *
gaz_event_name(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		return "a sequence";
	case YAML_MAPPING_START_EVENT:
		return "a mapping";
	case YAML_ALIAS_EVENT:
		return "an alias";
	default:
		return "a scalar";
	}
}

/* A plain scalar with nothing in it: "key:" with no value. */
static int
gaz_missing(const yaml_event_t *ev)
{
	return ev->type == YAML_SCALAR_EVENT && ev->data.scalar.length == 0 &&
	    ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
}

static int
gaz_alias_fail(struct gaz_loader *ld, const yaml_event_t *ev)
{
	return lex_fail_at(ld->err, &ev->start_mark,
	    "aliases (*%s) are not supported in gazetteers",
	    (const char *)ev->data.alias.anchor);
}

/*
 * Splits the name in scalar event ev into words and appends it, unlinked,
 * with its type.
 */
static int
gaz_add(struct gaz_loader *ld, const yaml_event_t *ev, enum ent_type type)
{
	struct gaz	*g = ld->g;
	const unsigned char *s = ev->data.scalar.value;
	size_t		 len = ev->data.scalar.length, i, nw = 0, first;
	struct tok	*t;
	struct gaz_name	*nm;
	void		*p;
	enum tok_kind	 prev = TOK_OTHER;

	if (len == 0)
		return lex_fail_at(ld->err, &ev->start_mark, "empty name");
	ld->toks.n = 0;
	if (tok_split(s, len, NULL, NULL, &ld->toks) == -1)
		return lex_nomem(ld->err);
	if (ld->toks.n == 0)
		return lex_fail_at(ld->err, &ev->start_mark, "name has no words");
	if ((p = gaz_grow(g->words, &g->capwords, g->nwords + ld->toks.n,
	    sizeof(*g->words))) == NULL)
		return lex_nomem(ld->err);
	g->words = p;
	if ((p = gaz_grow(g->pool, &g->cappool, g->npool + len, 1)) == NULL)
		return lex_nomem(ld->err);
	g->pool = p;
	if ((p = gaz_grow(g->names, &g->capnames, g->nnames + 1,
	    sizeof(*g->names))) == NULL)
		return lex_nomem(ld->err);
	g->names = p;
	first = g->nwords;
	for (i = 0; i < ld->toks.n; i++) {
		t = &ld->toks.v[i];
		/* Join a period split from its word: "Inc" "." is "Inc.". */
		if (prev == TOK_WORD && t->end - t->start == 1 &&
		    s[t->start] == '.' && (t->flags & TOK_SPACE_BEFORE) == 0 &&
		    s[t->start - 1] != '.') {
			g->words[g->nwords - 1].len++;
			g->pool[g->npool++] = '.';
			prev = TOK_PUNCT;
			continue;
		}
		prev = t->kind;
		g->words[g->nwords].off = g->npool;
		g->words[g->nwords].len = t->end - t->start;
		memcpy(g->pool + g->npool, s + t->start, t->end - t->start);
		g->npool += t->end - t->start;
		g->nwords++;
		nw++;
	}
	nm = &g->names[g->nnames++];
	nm->word = first;
	nm->nword = nw;
	nm->hash = gaz_hash(GAZ_FNV_BASIS, g->pool + g->words[first].off,
	    g->words[first].len);
	nm->next = GAZ_NONE;
	nm->type = type;
	return LEX_OK;
}

/* The value of `aliases`: a list of names, or one. */
static int
gaz_aliases(struct gaz_loader *ld, enum ent_type type)
{
	yaml_event_t	 ev;
	int		 rc;

	if ((rc = gaz_next(ld, &ev)) != LEX_OK)
		return rc;
	if (gaz_missing(&ev))
		rc = LEX_OK;		/* "aliases:" with none */
	else if (ev.type == YAML_SCALAR_EVENT)
		rc = gaz_add(ld, &ev, type);
	else if (ev.type == YAML_ALIAS_EVENT)
		rc = gaz_alias_fail(ld, &ev);
	else if (ev.type == YAML_MAPPING_START_EVENT)
		rc = lex_fail_at(ld->err, &ev.start_mark,
		    "aliases must be a list of names, found a mapping");
	else {
		for (;;) {
			yaml_event_delete(&ev);
			if ((rc = gaz_next(ld, &ev)) != LEX_OK)
				return rc;
			if (ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if (ev.type == YAML_SCALAR_EVENT)
				rc = gaz_add(ld, &ev, type);
			else if (ev.type == YAML_ALIAS_EVENT)
				rc = gaz_alias_fail(ld, &ev);
			else
				rc = lex_fail_at(ld->err, &ev.start_mark, "an alias "
				    "must be a string, found %s",
				    gaz_event_name(&ev));
			if (rc != LEX_OK)
				break;
		}
	}
	yaml_event_delete(&ev);
	return rc;
}

/* Is scalar event ev the key s (NUL inside would not be)? */
static int
gaz_key_is(const yaml_event_t *ev, const char *s)
{
	return ev->data.scalar.length == strlen(s) &&
	    memcmp(ev->data.scalar.value, s, ev->data.scalar.length) == 0;
}

/*
 * A name written as a mapping, whose start (at mark) has been consumed:
 * {name: Alphabet Inc., aliases: [Google]}.
 */
static int
gaz_entry(struct gaz_loader *ld, enum ent_type type, const yaml_mark_t *mark)
{
	yaml_event_t	 ev, val;
	yaml_mark_t	 at = *mark;
	int		 rc, named = 0;

	for (;;) {
		if ((rc = gaz_next(ld, &ev)) != LEX_OK)
			return rc;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			if (!named)
				return lex_fail_at(ld->err, &at, "missing name (a "
				    "mapping here needs `name:`)");
			return LEX_OK;
		}
		if (ev.type == YAML_ALIAS_EVENT)
			rc = gaz_alias_fail(ld, &ev);
		else if (ev.type != YAML_SCALAR_EVENT)
			rc = lex_fail_at(ld->err, &ev.start_mark, "keys must be "
			    "scalars, found %s", gaz_event_name(&ev));
		else if (gaz_key_is(&ev, "aliases"))
			rc = gaz_aliases(ld, type);
		else if (!gaz_key_is(&ev, "name"))
			rc = lex_fail_at(ld->err, &ev.start_mark,
			    "unknown key \"%.40s\" (expected name or aliases)",
			    (const char *)ev.data.scalar.value);
		else if (named)
			rc = lex_fail_at(ld->err, &ev.start_mark, "name given twice");
		else if ((rc = gaz_next(ld, &val)) == LEX_OK) {
			if (val.type == YAML_SCALAR_EVENT && !gaz_missing(&val))
				rc = gaz_add(ld, &val, type);
			else if (val.type == YAML_ALIAS_EVENT)
				rc = gaz_alias_fail(ld, &val);
			else if (gaz_missing(&val))
				rc = lex_fail_at(ld->err, &val.start_mark,
				    "missing name");
			else
				rc = lex_fail_at(ld->err, &val.start_mark, "a name "
				    "must be a string, found %s",
				    gaz_event_name(&val));
			yaml_event_delete(&val);
			named = 1;
		}
		yaml_event_delete(&ev);
		if (rc != LEX_OK)
			return rc;
	}
}

/* One item of a type's list: a string, or a mapping with aliases. */
static int
gaz_item(struct gaz_loader *ld, const yaml_event_t *ev, enum ent_type type)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return gaz_add(ld, ev, type);
	case YAML_MAPPING_START_EVENT:
		return gaz_entry(ld, type, &ev->start_mark);
	case YAML_ALIAS_EVENT:
		return gaz_alias_fail(ld, ev);
	default:
		return lex_fail_at(ld->err, &ev->start_mark, "a name must be a string "
		    "or a mapping with name and aliases, found %s",
		    gaz_event_name(ev));
	}
}

/* The value of a type key: a list of items, or one item. */
static int
gaz_names(struct gaz_loader *ld, enum ent_type type, const char *tname)
{
	yaml_event_t	 ev;
	int		 rc;

	if ((rc = gaz_next(ld, &ev)) != LEX_OK)
		return rc;
	if (gaz_missing(&ev))
		rc = lex_fail_at(ld->err, &ev.start_mark, "missing names for %s",
		    tname);
	else if (ev.type != YAML_SEQUENCE_START_EVENT)
		rc = gaz_item(ld, &ev, type);
	else {
		for (;;) {
			yaml_event_delete(&ev);
			if ((rc = gaz_next(ld, &ev)) != LEX_OK)
				return rc;
			if (ev.type == YAML_SEQUENCE_END_EVENT)
				break;
			if ((rc = gaz_item(ld, &ev, type)) != LEX_OK)
				break;
		}
	}
	yaml_event_delete(&ev);
	return rc;
}

/* The pairs of the top mapping, type to names, up to its end. */
static int
gaz_types(struct gaz_loader *ld)
{
	yaml_event_t	 ev;
	enum ent_type	 type;
	const char	*key;
	int		 rc;

	for (;;) {
		if ((rc = gaz_next(ld, &ev)) != LEX_OK)
			return rc;
		if (ev.type == YAML_MAPPING_END_EVENT) {
			yaml_event_delete(&ev);
			return LEX_OK;
		}
		if (ev.type == YAML_ALIAS_EVENT)
			rc = gaz_alias_fail(ld, &ev);
		else if (ev.type != YAML_SCALAR_EVENT)
			rc = lex_fail_at(ld->err, &ev.start_mark, "entity types must "
			    "be scalars, found %s", gaz_event_name(&ev));
		else if ((type = ent_type_parse(key =
		    (const char *)ev.data.scalar.value,
		    ev.data.scalar.length)) == ENT_NONE)
			rc = lex_fail_at(ld->err, &ev.start_mark, "unknown entity type "
			    "\"%.40s\" (expected PER, ORG, LOC, MISC, MONEY, "
			    "PERCENT, DATE, TIME, QUANTITY, ORDINAL or "
			    "CARDINAL)", key);
		else
			rc = gaz_names(ld, type, key);
		yaml_event_delete(&ev);
		if (rc != LEX_OK)
			return rc;
	}
}

/* One document whose start has been consumed, up to its end. */
static int
gaz_document(struct gaz_loader *ld)
{
	yaml_event_t	 ev;
	int		 rc;

	if ((rc = gaz_next(ld, &ev)) != LEX_OK)
		return rc;
	if (ev.type == YAML_MAPPING_START_EVENT)
		rc = gaz_types(ld);
	else if (!gaz_missing(&ev))	/* a bare "---" holds nothing */
		rc = lex_fail_at(ld->err, &ev.start_mark, "expected a mapping from "
		    "entity types to names, found %s", gaz_event_name(&ev));
	yaml_event_delete(&ev);
	if (rc != LEX_OK)
		return rc;
	if ((rc = gaz_next(ld, &ev)) != LEX_OK)	/* the document's end */
		return rc;
	yaml_event_delete(&ev);
	return LEX_OK;
}

static int
gaz_stream(struct gaz_loader *ld)
{
	yaml_event_t	 ev;
	yaml_event_type_t type;
	int		 rc;

	for (;;) {
		if ((rc = gaz_next(ld, &ev)) != LEX_OK)
			return rc;
		type = ev.type;
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT)
			return LEX_OK;
		if (type == YAML_DOCUMENT_START_EVENT &&
		    (rc = gaz_document(ld)) != LEX_OK)
			return rc;
	}
}

/*
 * Links names [linked, nnames) into their chains, first growing the table
 * to a bucket per name.  Returns 0, or -1 (nothing linked) if out of memory.
 */
static int
gaz_link(struct gaz *g)
{
	size_t	*heads, nheads, i, b;

	if (g->nnames > g->nheads) {
		for (nheads = g->nheads ? g->nheads : 64; nheads < g->nnames;
		    nheads *= 2)
			if (nheads > SIZE_MAX / 2 / sizeof(*heads))
				return -1;
		if ((heads = malloc(nheads * sizeof(*heads))) == NULL)
			return -1;
		free(g->heads);
		g->heads = heads;
		g->nheads = nheads;
		for (b = 0; b < nheads; b++)
			heads[b] = GAZ_NONE;
		g->linked = 0;
	}
	for (i = g->linked; i < g->nnames; i++) {
		b = (size_t)(g->names[i].hash & (g->nheads - 1));
		g->names[i].next = g->heads[b];
		g->heads[b] = i;
	}
	g->linked = g->nnames;
	return 0;
}

struct gaz *
gaz_new(void)
{
	return calloc(1, sizeof(struct gaz));
}

int
gaz_load_mem(struct gaz *g, const unsigned char *s, size_t n,
    struct lex_error *err)
{
	static const unsigned char empty[1];
	struct gaz_loader ld;
	size_t		 npool = g->npool, nwords = g->nwords;
	size_t		 nnames = g->nnames;
	int		 rc;

	if (s == NULL)
		s = empty;
	/* As yamlcfg: UTF-8 only, so that reader offsets are UTF-8's. */
	if (n >= 2 && ((s[0] == 0xFE && s[1] == 0xFF) ||
	    (s[0] == 0xFF && s[1] == 0xFE))) {
		lex_error_set(err, 1, 1, "gazetteers must be UTF-8, not UTF-16");
		return LEX_ERR;
	}
	memset(&ld, 0, sizeof(ld));
	if (yaml_parser_initialize(&ld.parser) == 0)
		return lex_nomem(err);
	yaml_parser_set_input_string(&ld.parser, s, n);
	ld.g = g;
	ld.err = err;
	ld.s = s;
	ld.n = n;
	rc = gaz_stream(&ld);
	yaml_parser_delete(&ld.parser);
	tok_vec_free(&ld.toks);
	if (rc == LEX_OK && gaz_link(g) == -1)
		rc = lex_nomem(err);
	if (rc != LEX_OK) {
		g->npool = npool;
		g->nwords = nwords;
		g->nnames = nnames;
	}
	return rc;
}

int
gaz_load_file(struct gaz *g, const char *path, struct lex_error *err)
{
	unsigned char	*s;
	size_t		 n;
	int		 rc;

	if ((rc = lex_read_file(path, &s, &n, err)) != LEX_OK)
		return rc;
	rc = gaz_load_mem(g, s, n, err);
	free(s);
	return rc;
}

size_t
gaz_size(const struct gaz *g)
{
	return g->nnames;
}

/*
 * Matches name nm at word i; returns the word after it, or 0.  A name's
 * "Inc." also matches the words "Inc" ".".
 */
static size_t
gaz_try(const struct gaz *g, const struct gaz_name *nm,
    const unsigned char *const *w, const size_t *n, size_t nw, size_t i)
{
	const unsigned char *p;
	size_t	 k, len;

	for (k = 0; k < nm->nword; k++) {
		if (i >= nw)
			return 0;
		p = g->pool + g->words[nm->word + k].off;
		len = g->words[nm->word + k].len;
		if (n[i] == len && memcmp(w[i], p, len) == 0)
			i++;
		else if (len > 1 && p[len - 1] == '.' && n[i] == len - 1 &&
		    memcmp(w[i], p, len - 1) == 0 && i + 1 < nw &&
		    n[i + 1] == 1 && w[i + 1][0] == '.')
			i += 2;
		else
			return 0;
	}
	return i;
}

/* The longest name at word i in the chain for hash h; ties to the later. */
static void
gaz_best(const struct gaz *g, uint64_t h, const unsigned char *const *w,
    const size_t *n, size_t nw, size_t i, size_t *end, size_t *which)
{
	size_t	 k, e;

	for (k = g->heads[h & (g->nheads - 1)]; k != GAZ_NONE;
	    k = g->names[k].next) {
		if (g->names[k].hash != h)
			continue;
		e = gaz_try(g, &g->names[k], w, n, nw, i);
		if (e > *end || (e == *end && e != 0 && k > *which)) {
			*end = e;
			*which = k;
		}
	}
}

int
gaz_match(const struct gaz *g, const unsigned char *const *w,
    const size_t *n, size_t nw, struct ent_vec *out)
{
	size_t		 i = 0, end, which;
	uint64_t	 h;

	if (g == NULL || g->linked == 0)
		return 0;
	while (i < nw) {
		end = 0;
		which = 0;
		h = gaz_hash(GAZ_FNV_BASIS, w[i], n[i]);
		gaz_best(g, h, w, n, nw, i, &end, &which);
		/* "Inc" "." may start a name stored as "Inc." */
		if (i + 1 < nw && n[i + 1] == 1 && w[i + 1][0] == '.' &&
		    n[i] > 0 && w[i][n[i] - 1] != '.')
			gaz_best(g, gaz_hash(h, (const unsigned char *)".", 1),
			    w, n, nw, i, &end, &which);
		if (end == 0) {
			i++;
			continue;
		}
		if (ent_vec_push(out, i, end, g->names[which].type) == -1)
			return -1;
		i = end;
	}
	return 0;
}

void
gaz_free(struct gaz *g)
{
	if (g == NULL)
		return;
	free(g->pool);
	free(g->words);
	free(g->names);
	free(g->heads);
	free(g);
}
