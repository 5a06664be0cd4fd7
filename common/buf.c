/*
 * buf: a growable byte buffer (see buf.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

int
buf_reserve(struct buf *b, size_t more)
{
	size_t	 need, cap;
	unsigned char *p;

	if (more > SIZE_MAX - b->len)
		return -1;
	need = b->len + more;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need) {
		if (cap > SIZE_MAX / 2) {
			cap = need;
			break;
		}
		cap *= 2;
	}
	if ((p = realloc(b->p, cap)) == NULL)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

int
buf_append(struct buf *b, const void *s, size_t n)
{
	if (n == 0)
		return 0;
	if (buf_reserve(b, n) == -1)
		return -1;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	return 0;
}

int
buf_putc(struct buf *b, unsigned char c)
{
	if (b->len == b->cap && buf_reserve(b, 1) == -1)
		return -1;
	b->p[b->len++] = c;
	return 0;
}

int
buf_put_utf8(struct buf *b, int32_t cp)
{
	if (buf_reserve(b, 4) == -1)
		return -1;
	b->len += utf8_encode(cp, b->p + b->len);
	return 0;
}

int
buf_read_file(struct buf *b, const char *path)
{
	FILE	*fp;
	size_t	 got;
	int	 saved;

	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	for (;;) {
		if (b->cap - b->len < 8192 && buf_reserve(b, b->cap + 8192) ==
		    -1) {
			fclose(fp);
			return -2;
		}
		if ((got = fread(b->p + b->len, 1, b->cap - b->len, fp)) == 0)
			break;
		b->len += got;
	}
	if (ferror(fp)) {
		saved = errno;
		fclose(fp);
		errno = saved;
		return -1;
	}
	fclose(fp);
	return 0;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

int
buf_cmp_bytes(const void *p, size_t n, const void *q, size_t m)
{
	int	 r;

	r = memcmp(p, q, n < m ? n : m);
	if (r != 0)
		return r;
	return n < m ? -1 : n > m;
}

int
buf_cmp_str(const void *p, size_t n, const char *s)
{
	return buf_cmp_bytes(p, n, s, strlen(s));
}

struct list_key {
	const void	*p;
	size_t		 n;
};

static int
cmp_list_key(const void *key, const void *elem)
{
	const struct list_key *k = key;

	return buf_cmp_str(k->p, k->n, *(const char *const *)elem);
}

int
buf_in_list(const void *p, size_t n, const char *const *list, size_t nlist)
{
	struct list_key k = { p, n };

	return bsearch(&k, list, nlist, sizeof(*list), cmp_list_key) != NULL;
}
