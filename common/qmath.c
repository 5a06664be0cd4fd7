/*
 * qmath: small math functions without libm (see qmath.h).
 */
#include <stdint.h>
#include <stdlib.h>

#include "qmath.h"

#define LN2	0.69314718055994530942

double
qmath_fabs(double x)
{
	return x < 0 ? -x : x;
}

/* x = m * 2^e with m in [1, 2), then ln m = 2 atanh((m - 1) / (m + 1)),
 * whose series converges fast there. */
double
qmath_ln(double x)
{
	double	 z, z2, t, sum = 0;
	int	 e = 0, i;

	if (x <= 0)
		return 0;
	while (x >= 2) {
		x /= 2;
		e++;
	}
	while (x < 1) {
		x *= 2;
		e--;
	}
	z = (x - 1) / (x + 1);
	z2 = z * z;
	t = z;
	for (i = 1; i < 60; i += 2) {
		sum += t / i;
		t *= z2;
	}
	return 2 * sum + e * LN2;
}

/* x = e * ln 2 + r with |r| <= ln 2 / 2, then Taylor's series. */
double
qmath_exp(double x)
{
	double	 r, t = 1, sum = 1, f = 1;
	int	 e, i;

	if (x < -700)
		return 0;
	if (x > 700)
		x = 700;
	e = (int)(x / LN2 + (x < 0 ? -0.5 : 0.5));
	r = x - e * LN2;
	for (i = 1; i < 30; i++) {
		t *= r / i;
		sum += t;
	}
	for (; e > 0; e--)
		f *= 2;
	for (; e < 0; e++)
		f /= 2;
	return sum * f;
}

/* Newton's method from a power-of-two guess. */
double
qmath_sqrt(double x)
{
	double	 r = 1, prev;
	int	 i;

	if (x <= 0)
		return 0;
	while (r * r < x)
		r *= 2;
	for (i = 0; i < 100; i++) {
		prev = r;
		r = (r + x / r) / 2;
		if (r >= prev)
			break;
	}
	return r;
}

size_t
qmath_ceil(double x)
{
	size_t	 n = (size_t)x;

	return (double)n < x ? n + 1 : n;
}

int
qmath_grow(void *pp, size_t *cap, size_t n, size_t sz)
{
	void	**p = pp, *q;
	size_t	 c = *cap ? *cap : 16;

	if (n <= *cap)
		return 0;
	while (c < n) {
		if (c > SIZE_MAX / 2)
			return -1;
		c *= 2;
	}
	if (c > SIZE_MAX / sz || (q = realloc(*p, c * sz)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}
