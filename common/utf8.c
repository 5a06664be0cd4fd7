/*
 * utf8: decoding, encoding and repair of UTF-8 (see utf8.h for the table
 * of well-formed sequences this follows).
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

int
utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned char	 c = s[0], lo = 0x80, hi = 0xBF;
	int		 len, i;
	int32_t		 v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4) {
		*cp = UTF8_REPLACEMENT;
		return -1;
	}
	if (c < 0xE0) {
		len = 2;
		v = c & 0x1F;
	} else if (c < 0xF0) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;	/* overlong */
		else if (c == 0xED)
			hi = 0x9F;	/* surrogates */
	} else {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;	/* overlong */
		else if (c == 0xF4)
			hi = 0x8F;	/* past U+10FFFF */
	}
	/* Only the second byte has a narrowed range. */
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return 0;
		if (s[i] < lo || s[i] > hi) {
			*cp = UTF8_REPLACEMENT;
			return -i;
		}
		v = (v << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return len;
}

int
utf8_encode(int32_t cp, unsigned char *out)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_count(const unsigned char *s, size_t n)
{
	size_t	 i, count = 0;

	/* Every byte that is not a continuation byte starts a code point. */
	for (i = 0; i < n; i++)
		count += (s[i] & 0xC0) != 0x80;
	return count;
}

void
utf8_fixer_init(struct utf8_fixer *f)
{
	memset(f, 0, sizeof(*f));
}

/* Windows-1252 bytes 0x80..0x9F; U+FFFD where the byte is undefined. */
static const int32_t cp1252_hi[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* The ill-formed bytes bad[0..nbad) at offset at: U+FFFD, or with cp1252
 * each byte as its Windows-1252 character. */
static int
fixer_bad(struct utf8_fixer *f, uint64_t at, const unsigned char *bad,
    size_t nbad, struct buf *out, int stop_at_bad)
{
	static const unsigned char fffd[] = { 0xEF, 0xBF, 0xBD };
	size_t	 i;

	if (f->nbad++ == 0)
		f->first_bad = at;
	if (stop_at_bad)
		return 1;
	if (!f->cp1252)
		return buf_append(out, fffd, sizeof(fffd));
	for (i = 0; i < nbad; i++)
		if (buf_put_utf8(out, bad[i] < 0x80 ? bad[i] : bad[i] < 0xA0 ?
		    cp1252_hi[bad[i] - 0x80] : bad[i]) == -1)
			return -1;
	return 0;
}

/* Is the run s[0..n) plain ASCII?  Checked a word at a time. */
static size_t
ascii_prefix(const unsigned char *s, size_t n)
{
	size_t	 i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (w & UINT64_C(0x8080808080808080))
			break;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

int
utf8_fixer_feed(struct utf8_fixer *f, const unsigned char *s, size_t n,
    struct buf *out, int stop_at_bad)
{
	size_t	 i = 0, run;
	int32_t	 cp;
	int	 r, rc;

	/* Complete a sequence left over from the last chunk byte by byte. */
	while (f->ntail > 0 && i < n) {
		f->tail[f->ntail++] = s[i++];
		r = utf8_decode(f->tail, f->ntail, &cp);
		if (r == 0)
			continue;
		if (r > 0) {
			if (buf_append(out, f->tail, (size_t)r) == -1)
				return -1;
		} else {
			if ((rc = fixer_bad(f, f->offset, f->tail,
			    (size_t)-r, out, stop_at_bad)))
				return rc;
			r = -r;
		}
		/* Bytes of the tail not used go back to the input. */
		i -= f->ntail - (size_t)r;
		f->offset += (uint64_t)r;
		f->ntail = 0;
	}
	/* Valid text is appended in runs, not a sequence at a time. */
	if (buf_reserve(out, n - i) == -1)
		return -1;
	run = i;
	while (i < n) {
		i += ascii_prefix(s + i, n - i);
		if (i >= n)
			break;
		/* Two-byte sequences (Latin letters, combining marks) are
		 * most of the rest of news text: checked here inline. */
		if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n &&
		    (s[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		r = utf8_decode(s + i, n - i, &cp);
		if (r > 0) {
			i += (size_t)r;
			continue;
		}
		if (buf_append(out, s + run, i - run) == -1)
			return -1;
		f->offset += i - run;
		if (r == 0) {
			memcpy(f->tail, s + i, n - i);
			f->ntail = n - i;
			return 0;
		}
		if ((rc = fixer_bad(f, f->offset, s + i, (size_t)-r, out,
		    stop_at_bad)))
			return rc;
		i += (size_t)-r;
		f->offset += (uint64_t)-r;
		run = i;
	}
	if (buf_append(out, s + run, n - run) == -1)
		return -1;
	f->offset += n - run;
	return 0;
}

int
utf8_fixer_finish(struct utf8_fixer *f, struct buf *out, int stop_at_bad)
{
	int	 rc;

	/* A truncated sequence at the end is one maximal subpart. */
	if (f->ntail > 0) {
		if ((rc = fixer_bad(f, f->offset, f->tail, f->ntail, out,
		    stop_at_bad)))
			return rc;
		f->offset += f->ntail;
		f->ntail = 0;
	}
	return 0;
}
