/*
 * Unit tests for common/diag: messages in the GNU Coding Standards' format
 * ("PROG: message", "PROG: warning: message"), the sbase rule that a format
 * ending in ':' appends strerror(errno), -q silencing warnings only, and the
 * exit statuses of diag_usage (2), diag_fatal and the dying allocators.
 *
 * A test that exits cannot check stderr after the call, so it registers the
 * check with atexit(); it uses cr_expect there, since cr_assert would jump
 * out of exit().
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "diag.h"

static char	 want_err[512];

static void
setup(void)
{
	diag_init("prog");
	cr_redirect_stderr();
}

static void
check_stderr(void)
{
	cr_expect_stderr_eq_str(want_err, "stderr is not \"%s\"", want_err);
}

/* Checks, once the test exits, that stderr holds exactly s. */
static void
expect_stderr_at_exit(const char *s)
{
	snprintf(want_err, sizeof(want_err), "%s", s);
	cr_assert_eq(atexit(check_stderr), 0);
}

Test(diag, names_the_program_quire_until_told_otherwise)
{
	cr_expect_str_eq(diag_prog(), "quire");
	diag_init("segment");
	cr_expect_str_eq(diag_prog(), "segment");
}

Test(diag, prints_an_error_as_prog_colon_message, .init = setup)
{
	diag_error("%s:%d: bad %s", "<stdin>", 4, "thing");
	cr_assert_stderr_eq_str("prog: <stdin>:4: bad thing\n");
}

Test(diag, prints_a_warning_as_prog_warning_message, .init = setup)
{
	diag_warn("%d invalid sequences, first at byte %d", 3, 17);
	cr_assert_stderr_eq_str(
	    "prog: warning: 3 invalid sequences, first at byte 17\n");
}

Test(diag, quiet_silences_warnings_but_not_errors, .init = setup)
{
	diag_set_quiet(1);
	diag_warn("hidden");
	diag_error("shown");
	diag_warn("hidden too");
	cr_assert_stderr_eq_str("prog: shown\n");
}

Test(diag, warns_again_once_quiet_is_cleared, .init = setup)
{
	diag_set_quiet(1);
	diag_warn("hidden");
	diag_set_quiet(0);
	diag_warn("shown");
	cr_assert_stderr_eq_str("prog: warning: shown\n");
}

Test(diag, trailing_colon_appends_strerror_of_errno, .init = setup)
{
	char	 want[256];

	snprintf(want, sizeof(want), "prog: cannot open %s: %s\n", "a.txt",
	    strerror(ENOENT));
	errno = ENOENT;
	diag_error("cannot open %s:", "a.txt");
	cr_assert_stderr_eq_str(want);
}

Test(diag, trailing_colon_works_for_warnings_too, .init = setup)
{
	char	 want[256];

	snprintf(want, sizeof(want), "prog: warning: cannot close: %s\n",
	    strerror(EIO));
	errno = EIO;
	diag_warn("cannot close:");
	cr_assert_stderr_eq_str(want);
}

Test(diag, colon_inside_the_message_appends_nothing, .init = setup)
{
	errno = ENOENT;
	diag_error("%s: not a size", "QUIRE_CHUNK_SIZE");
	cr_assert_stderr_eq_str("prog: QUIRE_CHUNK_SIZE: not a size\n");
}

Test(diag, colon_from_an_argument_appends_nothing, .init = setup)
{
	errno = ENOENT;
	diag_error("%s", "ends in a colon:");
	cr_assert_stderr_eq_str("prog: ends in a colon:\n");
}

Test(diag, flushes_stdout_before_it_speaks, .init = setup)
{
	char		 path[] = "/tmp/quire-test-diag-XXXXXX";
	struct stat	 st;
	int		 fd;

	cr_assert_neq(fd = mkstemp(path), -1);
	close(fd);
	cr_assert_not_null(freopen(path, "w", stdout));
	unlink(path);
	fputs("out", stdout);
	diag_error("err");
	cr_assert_eq(fstat(fileno(stdout), &st), 0);
	cr_expect_eq(st.st_size, 3, "stdout not flushed: %lld bytes",
	    (long long)st.st_size);
	cr_assert_stderr_eq_str("prog: err\n");
}

Test(diag, reports_the_errno_of_the_call_not_of_its_own_flush,
    .init = setup)
{
	char	 want[256];

	/* Flushing this stdout fails with ENOSPC inside diag_error. */
	cr_assert_not_null(freopen("/dev/full", "w", stdout));
	fputs("pending", stdout);
	snprintf(want, sizeof(want), "prog: read error: %s\n",
	    strerror(EIO));
	errno = EIO;
	diag_error("read error:");
	cr_assert_stderr_eq_str(want);
}

Test(diag, usage_prints_try_help_and_exits_2, .init = setup,
    .exit_code = 2)
{
	expect_stderr_at_exit("prog: unknown option -- x\n"
	    "Try 'prog --help'.\n");
	diag_usage("unknown option -- %c", 'x');
}

Test(diag, fatal_prints_and_exits_with_the_given_status, .init = setup,
    .exit_code = 3)
{
	expect_stderr_at_exit("prog: broken model\n");
	diag_fatal(3, "broken %s", "model");
}

Test(diag, fatal_with_trailing_colon_appends_strerror, .init = setup,
    .exit_code = 1)
{
	char		 want[256];

	snprintf(want, sizeof(want), "prog: data/lex.yaml: %s\n",
	    strerror(ENOENT));
	expect_stderr_at_exit(want);
	errno = ENOENT;
	diag_fatal(DIAG_EXIT_DATA, "%s:", "data/lex.yaml");
}

Test(diag, fatal_is_not_silenced_by_quiet, .init = setup,
    .exit_code = 1)
{
	expect_stderr_at_exit("prog: still said\n");
	diag_set_quiet(1);
	diag_fatal(DIAG_EXIT_DATA, "still said");
}

Test(diag, allocators_return_usable_memory, .init = setup)
{
	unsigned char	*p, *z;
	char		*s;
	size_t		 i;

	p = xmalloc(0);
	cr_expect_not_null(p);
	free(p);
	z = xcalloc(16, 4);
	for (i = 0; i < 64; i++)
		cr_expect_eq(z[i], 0, "byte %zu not zeroed", i);
	z = xreallocarray(z, 32, 4);
	cr_expect_eq(z[63], 0, "lost contents on growth");
	free(z);
	s = xstrdup("copy me");
	cr_expect_str_eq(s, "copy me");
	free(s);
	cr_assert_stderr_eq_str("");
}

Test(diag, reallocarray_dies_on_overflow_with_out_of_memory, .init = setup,
    .exit_code = 1)
{
	expect_stderr_at_exit("prog: out of memory\n");
	(void)xreallocarray(NULL, SIZE_MAX / 2 + 1, 2);
	cr_assert_fail("xreallocarray returned");
}
