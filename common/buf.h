/*
 * buf: a growable byte buffer.
 *
 * Text travels as a pointer plus a length (NUL is data), so every engine
 * that builds output builds it in a struct buf.  The functions here never
 * print or exit: on allocation failure they return -1 and leave the buffer
 * as it was, so engines can pass the error up (STYLE.md, "What common/ is").
 */
#ifndef QUIRE_BUF_H
#define QUIRE_BUF_H

#include <stddef.h>
#include <stdint.h>

struct buf {
	unsigned char	*p;	/* owned; NULL while cap is 0 */
	size_t		 len;
	size_t		 cap;
};

/* A zeroed struct buf is an empty buffer; BUF_INIT spells that. */
#define BUF_INIT { NULL, 0, 0 }

/*
 * Makes room for at least `more` bytes past len, growing geometrically.
 * Returns 0, or -1 if the size overflows or memory runs out.
 */
int	buf_reserve(struct buf *, size_t more);

/* Appends n bytes from s; returns 0 or -1 as buf_reserve. */
int	buf_append(struct buf *, const void *s, size_t n);

/* Appends one byte; returns 0 or -1 as buf_reserve. */
int	buf_putc(struct buf *, unsigned char c);

/* Appends the UTF-8 form of code point cp (must be a scalar value). */
int	buf_put_utf8(struct buf *, int32_t cp);

/*
 * Appends the whole file path to the buffer.  Returns 0; -1 if the file
 * cannot be opened or read (errno says why; the buffer may have grown);
 * -2 if out of memory.
 */
int	buf_read_file(struct buf *, const char *path);

/* Empties the buffer and keeps its memory for reuse. */
static inline void
buf_clear(struct buf *b)
{
	b->len = 0;
}

/* Frees the memory; the buffer is empty and reusable afterwards. */
void	buf_free(struct buf *);

/* Compares the bytes p[0..n) with the string s as strcmp would compare a
   NUL-terminated copy of them: for bsearch in sorted word lists. */
int	buf_cmp_str(const void *p, size_t n, const char *s);
/* The same with q[0..m) for s. */
int	buf_cmp_bytes(const void *p, size_t n, const void *q, size_t m);

/* Whether p[0..n) is one of the nlist strings of list, which are in
   strcmp order. */
int	buf_in_list(const void *p, size_t n, const char *const *list,
	    size_t nlist);

#endif /* QUIRE_BUF_H */
