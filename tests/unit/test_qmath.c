/*
 * Unit tests for common/qmath.c: the libm-free functions against known
 * values, to 12 significant digits.
 */
#include <stdint.h>
#include <stdlib.h>

#include <criterion/criterion.h>

#include "qmath.h"

static int
close_to(double got, double want)
{
	return qmath_fabs(got - want) <= 1e-12 * (qmath_fabs(want) + 1);
}

Test(qmath, takes_natural_logs)
{
	cr_assert(close_to(qmath_ln(1), 0));
	cr_assert(close_to(qmath_ln(2.718281828459045), 1));
	cr_assert(close_to(qmath_ln(1e-9), -20.72326583694641));
	cr_assert(close_to(qmath_ln(123456.789), 11.723646487185881));
	cr_assert_eq(qmath_ln(0), 0);
	cr_assert_eq(qmath_ln(-3), 0);
}

Test(qmath, raises_e)
{
	cr_assert(close_to(qmath_exp(0), 1));
	cr_assert(close_to(qmath_exp(1), 2.718281828459045));
	cr_assert(close_to(qmath_exp(-2.5), 0.0820849986238988));
	cr_assert(close_to(qmath_exp(qmath_ln(42)), 42));
	cr_assert_eq(qmath_exp(-800), 0);
}

Test(qmath, takes_square_roots)
{
	cr_assert(close_to(qmath_sqrt(2), 1.4142135623730951));
	cr_assert(close_to(qmath_sqrt(1e6), 1000));
	cr_assert(close_to(qmath_sqrt(0.25), 0.5));
	cr_assert_eq(qmath_sqrt(0), 0);
}

Test(qmath, rounds_up_and_takes_absolute_values)
{
	cr_assert_eq(qmath_ceil(0), 0);
	cr_assert_eq(qmath_ceil(2), 2);
	cr_assert_eq(qmath_ceil(2.01), 3);
	cr_assert_eq(qmath_fabs(-1.5), 1.5);
}

Test(qmath, grows_arrays_and_refuses_overflow)
{
	int	*a = NULL;
	size_t	 cap = 0;

	cr_assert_eq(qmath_grow(&a, &cap, 100, sizeof(*a)), 0);
	cr_assert_geq(cap, 100);
	a[99] = 7;
	cr_assert_eq(qmath_grow(&a, &cap, 10, sizeof(*a)), 0);
	cr_assert_eq(a[99], 7);
	cr_assert_eq(qmath_grow(&a, &cap, SIZE_MAX / 2, sizeof(*a)), -1);
	cr_assert_eq(a[99], 7);
	free(a);
}
