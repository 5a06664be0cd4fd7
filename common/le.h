/*
 * le: fixed-width little-endian integers in byte buffers, for the model
 * and cluster file formats (tagger.c, clusters.c) and the tables built
 * from them (otab.c).  Reads take any alignment; on little-endian hosts
 * the wide ones are a single load.
 */
#ifndef QUIRE_LE_H
#define QUIRE_LE_H

#include <stdint.h>
#include <string.h>

static inline uint16_t
le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | (unsigned)p[1] << 8);
}

/* A two's complement 16-bit value, without implementation-defined
   conversions. */
static inline int32_t
les16(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	int16_t	 v;

	memcpy(&v, p, sizeof(v));
	return v;
#else
	int32_t	 v = le16(p);

	return v >= 0x8000 ? v - 0x10000 : v;
#endif
}

static inline uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static inline uint64_t
le64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
#else
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
#endif
}

static inline void
put16(unsigned char *p, uint16_t v)
{
	p[0] = v & 0xFF;
	p[1] = v >> 8;
}

static inline void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

static inline void
put64(unsigned char *p, uint64_t v)
{
	put32(p, v & 0xFFFFFFFFu);
	put32(p + 4, v >> 32);
}

#endif /* QUIRE_LE_H */
