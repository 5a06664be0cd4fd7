/*
 * stopwords: the stop-word list (see stopwords.h).
 *
 * The words live in one array of owned strings, lower-cased, sorted in byte
 * order and unique; lookups are binary searches.  Loading parses the YAML
 * with yamlcfg, folds each key and merges it in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "buf.h"
#include "stopwords.h"
#include "utf8.h"
#include "yamlcfg.h"

#include "stopwords_data.inc"

struct stop_word {
	char		*w;		/* owned, NUL-terminated */
	size_t		 len;
};

struct stopwords {
	struct stop_word *v;		/* sorted, unique */
	size_t		 n, cap;
};

struct stopwords *
stop_new(void)
{
	return calloc(1, sizeof(struct stopwords));
}

int
stop_lower(const unsigned char *s, size_t n, struct buf *out)
{
	size_t	 i = 0;
	int32_t	 cp;
	int	 k;

	if (buf_reserve(out, n) == -1)
		return -1;
	while (i < n) {
		if (s[i] < 0x80) {
			out->p[out->len++] = s[i] >= 'A' && s[i] <= 'Z' ?
			    s[i] - 'A' + 'a' : s[i];
			i++;
			continue;
		}
		if ((k = utf8_decode(s + i, n - i, &cp)) <= 0)
			k = k < 0 ? -k : (int)(n - i);
		else
			cp = utf8proc_tolower(cp);
		if (buf_put_utf8(out, cp) == -1)
			return -1;
		i += (size_t)k;
	}
	return 0;
}

static int
stop_cmp(const unsigned char *a, size_t alen, const unsigned char *b,
    size_t blen)
{
	size_t	 n = alen < blen ? alen : blen;
	int	 c;

	if (n > 0 && (c = memcmp(a, b, n)) != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* Where w is or would go: sets *found. */
static size_t
stop_search(const struct stopwords *sw, const unsigned char *w, size_t len,
    int *found)
{
	size_t	 lo = 0, hi = sw->n, mid;
	int	 c;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = stop_cmp((const unsigned char *)sw->v[mid].w,
		    sw->v[mid].len, w, len);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
stop_add(struct stopwords *sw, const unsigned char *w, size_t len)
{
	struct stop_word *v;
	size_t	 at, cap;
	int	 found;
	char	*copy;

	at = stop_search(sw, w, len, &found);
	if (found)
		return 0;
	if (sw->n == sw->cap) {
		cap = sw->cap ? sw->cap * 2 : 256;
		if (cap > SIZE_MAX / sizeof(*v) ||
		    (v = realloc(sw->v, cap * sizeof(*v))) == NULL)
			return -1;
		sw->v = v;
		sw->cap = cap;
	}
	if ((copy = malloc(len + 1)) == NULL)
		return -1;
	memcpy(copy, w, len);
	copy[len] = '\0';
	memmove(sw->v + at + 1, sw->v + at, (sw->n - at) * sizeof(*sw->v));
	sw->v[at].w = copy;
	sw->v[at].len = len;
	sw->n++;
	return 0;
}

/* Folds and merges the entries of lex; LEX_OK or LEX_NOMEM. */
static int
stop_merge(struct stopwords *sw, const struct lex *lex,
    struct lex_error *err)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	int		 rc = LEX_OK;

	for (i = 0; i < lex->n; i++) {
		buf_clear(&b);
		if (stop_lower((const unsigned char *)lex->e[i].key,
		    lex->e[i].key_len, &b) == -1 ||
		    stop_add(sw, b.p, b.len) == -1) {
			rc = LEX_NOMEM;
			if (err != NULL) {
				err->line = err->column = 0;
				strcpy(err->msg, "out of memory");
			}
			break;
		}
	}
	buf_free(&b);
	return rc;
}

int
stop_load_mem(struct stopwords *sw, const unsigned char *s, size_t n,
    struct lex_error *err)
{
	struct lex	 lex = LEX_INIT;
	int		 rc;

	if ((rc = lex_load_mem(&lex, s, n, err)) == LEX_OK)
		rc = stop_merge(sw, &lex, err);
	lex_free(&lex);
	return rc;
}

int
stop_load_builtin(struct stopwords *sw, struct lex_error *err)
{
	return stop_load_mem(sw, stopwords_en_yaml, stopwords_en_yaml_len,
	    err);
}

int
stop_load_file(struct stopwords *sw, const char *path, struct lex_error *err)
{
	struct lex	 lex = LEX_INIT;
	int		 rc;

	if ((rc = lex_load_file(&lex, path, err)) == LEX_OK)
		rc = stop_merge(sw, &lex, err);
	lex_free(&lex);
	return rc;
}

int
stop_find(const struct stopwords *sw, const unsigned char *w, size_t len)
{
	int	 found;

	if (sw == NULL || sw->n == 0)
		return 0;
	(void)stop_search(sw, w, len, &found);
	return found;
}

size_t
stop_count(const struct stopwords *sw)
{
	return sw->n;
}

void
stop_free(struct stopwords *sw)
{
	size_t	 i;

	if (sw == NULL)
		return;
	for (i = 0; i < sw->n; i++)
		free(sw->v[i].w);
	free(sw->v);
	free(sw);
}
