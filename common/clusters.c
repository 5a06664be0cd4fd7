/*
 * clusters: the word-cluster table (see clusters.h) and its file format.
 *
 * Cluster table format, version 1.  Integers are little-endian and of
 * fixed width; nothing is aligned and the reader never assumes it is.
 *
 *   offset  size  field
 *        0     4  magic "QCLU"
 *        4     2  format version: 1
 *        6     2  nlevels, 1..4
 *        8     4  nwords
 *       12    16  nclasses of each level, 4 times 4 bytes (2..65535 for
 *                 the levels present, 0 for the others)
 *       28        words, nwords times: 8 bytes key (clusters_key), then
 *                 nlevels times 2 bytes class id (< nclasses of the
 *                 level); keys strictly increasing
 *    E - 4     4  CRC-32 (ISO-HDLC, feat_crc32) of bytes [0, E - 4)
 *
 * E, the size, is exactly what the header implies.  As for the model rows
 * (tagger.c), the rows are copied at load into an ordered hash table
 * (otab.h) of 16-byte slots, four to a cache line: a lookup touches one.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "clusters.h"
#include "feat.h"
#include "le.h"
#include "otab.h"

#define CL_MAGIC	"QCLU"
#define CL_VERSION	1
#define CL_HEADER	28

struct clusters {
	struct otab	 table;		/* the rows, ids as uint16_t */
	size_t		 nwords, nlevels;
	uint32_t	 nclasses[CLUSTERS_LEVELS_MAX];
	uint32_t	 id;
};

/* otab_build's fill: a row's ids (*arg levels), as uint16_t. */
static void
fill_ids(unsigned char *slot, const unsigned char *row, void *arg)
{
	uint16_t *ids = (uint16_t *)(void *)slot;
	size_t	 l, nlev = *(const size_t *)arg;

	for (l = 0; l < nlev; l++)
		ids[l] = (uint16_t)(row[2 * l] | row[2 * l + 1] << 8);
}

uint64_t
clusters_key(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 14695981039346656037ULL;
	unsigned char c;

	/* feat_hash, with digits folded as it goes. */
	while (n-- > 0) {
		c = *p++;
		if (c >= '0' && c <= '9')
			c = '0';
		h = (h ^ c) * 1099511628211ULL;
	}
	return h;
}

int
clusters_load_mem(struct clusters **cp, const unsigned char *p, size_t n,
    char *err, size_t errlen)
{
	struct clusters	*c;
	size_t		 nlev, nw, rowsize, i, l;
	uint32_t	 nc[CLUSTERS_LEVELS_MAX];
	uint64_t	 h, prev = 0;
	int		 r;

	*cp = NULL;
	if (n < 4)
		return feat_fail(err, errlen, n == 0 ||
		    memcmp(p, CL_MAGIC, n) == 0 ?
		    "truncated cluster table" : "not a quire cluster table");
	if (memcmp(p, CL_MAGIC, 4) != 0)
		return feat_fail(err, errlen, "not a quire cluster table");
	if (n < CL_HEADER + 4)
		return feat_fail(err, errlen, "truncated cluster table");
	if ((p[4] | p[5] << 8) != CL_VERSION)
		return feat_fail(err, errlen,
		    "unsupported cluster table version");
	nlev = (size_t)(p[6] | p[7] << 8);
	nw = le32(p + 8);
	if (nlev < 1 || nlev > CLUSTERS_LEVELS_MAX)
		return feat_fail(err, errlen, "bad number of cluster levels");
	rowsize = 8 + 2 * nlev;
	if (nw > (n - CL_HEADER - 4) / rowsize)
		return feat_fail(err, errlen, "truncated cluster table");
	if (CL_HEADER + nw * rowsize + 4 != n)
		return feat_fail(err, errlen,
		    "cluster table size does not match its header");
	if (feat_crc32(0, p, n - 4) != le32(p + n - 4))
		return feat_fail(err, errlen, "checksum mismatch");
	for (l = 0; l < CLUSTERS_LEVELS_MAX; l++) {
		nc[l] = le32(p + 12 + 4 * l);
		if (l < nlev ? nc[l] < 2 || nc[l] > 65535 : nc[l] != 0)
			return feat_fail(err, errlen,
			    "bad number of classes in cluster table");
	}
	for (i = 0; i < nw; i++) {
		const unsigned char *row = p + CL_HEADER + i * rowsize;

		h = le64(row);
		if (i > 0 && h <= prev)
			return feat_fail(err, errlen,
			    "cluster table words out of order");
		prev = h;
		for (l = 0; l < nlev; l++)
			if ((uint32_t)(row[8 + 2 * l] | row[9 + 2 * l] << 8) >=
			    nc[l])
				return feat_fail(err, errlen,
				    "bad class id in cluster table");
	}
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return -2;
	c->nwords = nw;
	c->nlevels = nlev;
	memcpy(c->nclasses, nc, sizeof(nc));
	c->id = le32(p + n - 4);
	/* Slots of 16 bytes: the key and up to 4 ids. */
	if ((r = otab_build(&c->table, p + CL_HEADER, nw, rowsize, 16,
	    fill_ids, &nlev)) != 0) {
		free(c);
		return -2;
	}
	*cp = c;
	return 0;
}

int
clusters_load_file(struct clusters **cp, const char *path, char *err,
    size_t errlen)
{
	struct buf	 b = BUF_INIT;
	int		 r;

	*cp = NULL;
	if ((r = buf_read_file(&b, path)) != 0) {
		buf_free(&b);
		return r == -2 ? -2 : feat_fail(err, errlen, strerror(errno));
	}
	if ((r = clusters_load_mem(cp, b.p, b.len, err, errlen)) != 0) {
		buf_free(&b);
		return r;
	}
	/* The table keeps the rows of its own. */
	buf_free(&b);
	return 0;
}

void
clusters_free(struct clusters *c)
{
	if (c == NULL)
		return;
	otab_free(&c->table);
	free(c);
}

size_t
clusters_levels(const struct clusters *c)
{
	return c->nlevels;
}

size_t
clusters_words(const struct clusters *c)
{
	return c->nwords;
}

uint32_t
clusters_id(const struct clusters *c)
{
	return c->id;
}

int
clusters_lookup(const struct clusters *c, uint64_t key, uint16_t *ids)
{
	const unsigned char *p;
	const uint16_t	*v;
	size_t		 l;
	uint64_t	 g = otab_key(key);

	if ((p = otab_scan(&c->table, otab_home(&c->table, g), g)) == NULL) {
		for (l = 0; l < c->nlevels; l++)
			ids[l] = CLUSTERS_NONE;
		return 0;
	}
	v = (const uint16_t *)(const void *)(p + 8);
	for (l = 0; l < c->nlevels; l++)
		ids[l] = v[l];
	return 1;
}

int
clusters_encode(struct buf *out, size_t nlevels, const uint32_t *nclasses,
    size_t nwords, const uint64_t *keys, const uint16_t *ids)
{
	unsigned char	*p;
	size_t		 start = out->len, size, rowsize, i, l;

	if (nlevels < 1 || nlevels > CLUSTERS_LEVELS_MAX || nwords > UINT32_MAX)
		return -1;
	for (l = 0; l < nlevels; l++)
		if (nclasses[l] < 2 || nclasses[l] > 65535)
			return -1;
	for (i = 0; i < nwords; i++) {
		if (i > 0 && keys[i] <= keys[i - 1])
			return -1;
		for (l = 0; l < nlevels; l++)
			if (ids[i * nlevels + l] >= nclasses[l])
				return -1;
	}
	rowsize = 8 + 2 * nlevels;
	if (nwords > (SIZE_MAX - CL_HEADER - 4) / rowsize)
		return -2;
	size = CL_HEADER + nwords * rowsize + 4;
	if (buf_reserve(out, size) == -1)
		return -2;
	p = out->p + start;
	memset(p, 0, CL_HEADER);
	memcpy(p, CL_MAGIC, 4);
	p[4] = CL_VERSION;
	p[6] = (unsigned char)nlevels;
	put32(p + 8, (uint32_t)nwords);
	for (l = 0; l < nlevels; l++)
		put32(p + 12 + 4 * l, nclasses[l]);
	p += CL_HEADER;
	for (i = 0; i < nwords; i++) {
		put32(p, (uint32_t)(keys[i] & 0xFFFFFFFFu));
		put32(p + 4, (uint32_t)(keys[i] >> 32));
		p += 8;
		for (l = 0; l < nlevels; l++) {
			p[0] = ids[i * nlevels + l] & 0xFF;
			p[1] = (unsigned char)(ids[i * nlevels + l] >> 8);
			p += 2;
		}
	}
	put32(p, feat_crc32(0, out->p + start, size - 4));
	out->len = start + size;
	return 0;
}
