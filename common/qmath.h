/*
 * qmath: the few math functions the scoring engines need (keypoints.c,
 * keyphrases.c), written here rather than taken from libm: the Makefile
 * links no -lm, and our own give the same results on every machine, which
 * keeps printed scores deterministic.
 */
#ifndef QUIRE_QMATH_H
#define QUIRE_QMATH_H

#include <stddef.h>

/* |x|. */
double	qmath_fabs(double x);

/* Natural log of x; 0 for x <= 0. */
double	qmath_ln(double x);

/* e to the x; 0 below -700, e^700 above 700. */
double	qmath_exp(double x);

/* Square root of x; 0 for x <= 0. */
double	qmath_sqrt(double x);

/* The smallest whole number >= x, for x >= 0 and not huge. */
size_t	qmath_ceil(double x);

/*
 * Grows the array *pp (elements of sz bytes, capacity *cap) to hold at
 * least n, doubling.  Returns 0, or -1 on overflow or out of memory with
 * the array unchanged.
 */
int	qmath_grow(void *pp, size_t *cap, size_t n, size_t sz);

#endif /* QUIRE_QMATH_H */
