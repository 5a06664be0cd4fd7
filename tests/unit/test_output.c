/*
 * Unit tests for common/output: every write to stdout is checked where it
 * happens, a failure prints "PROG: write error: REASON" and exits 1, and
 * EPIPE (a reader that went away, with SIGPIPE ignored by the parent) exits
 * 1 without a word (STYLE.md, "I/O and memory"; coreutils
 * tests/misc/write-errors.sh).
 *
 * A test that exits cannot check stderr after the call, so it registers the
 * check with atexit(); it uses cr_expect there, since cr_assert would jump
 * out of exit().
 */
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "diag.h"
#include "output.h"

/* More than a pipe holds (64 KiB on Linux) and than stdio buffers. */
#define BIG	(1024 * 1024)

static char	 want_err[512];
static char	 out_path[64];

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

/* Expects "prog: write error: " and the text for errnum at exit. */
static void
expect_write_error_at_exit(int errnum)
{
	snprintf(want_err, sizeof(want_err), "prog: write error: %s\n",
	    strerror(errnum));
	cr_assert_eq(atexit(check_stderr), 0);
}

/* Sends stdout to a fresh temporary file, named in out_path. */
static void
stdout_to_file(void)
{
	int	 fd;

	snprintf(out_path, sizeof(out_path), "/tmp/quire-test-out-XXXXXX");
	cr_assert_neq(fd = mkstemp(out_path), -1);
	close(fd);
	cr_assert_not_null(freopen(out_path, "w", stdout));
}

/* Compares the file behind out_path with n bytes of want, then removes it. */
static void
expect_file(const void *want, size_t n)
{
	char	 got[256];
	FILE	*fp;
	size_t	 len;

	cr_assert_not_null(fp = fopen(out_path, "rb"));
	len = fread(got, 1, sizeof(got), fp);
	fclose(fp);
	unlink(out_path);
	cr_assert_eq(len, n, "%zu bytes written, not %zu", len, n);
	cr_expect_arr_eq(got, want, n);
}

static long long
stdout_size(void)
{
	struct stat	 st;

	cr_assert_eq(fstat(fileno(stdout), &st), 0);
	return (long long)st.st_size;
}

static void
stdout_to_full_device(void)
{
	cr_assert_not_null(freopen("/dev/full", "w", stdout));
}

/* Makes stdout a pipe nobody reads, as after `| head` has exited. */
static void
stdout_to_dead_pipe(void)
{
	int	 fds[2];

	cr_assert_eq(pipe(fds), 0);
	close(fds[0]);
	cr_assert_neq(dup2(fds[1], STDOUT_FILENO), -1);
	close(fds[1]);
	/* As a parent that ignores SIGPIPE leaves it for us. */
	cr_assert_neq(signal(SIGPIPE, SIG_IGN), SIG_ERR);
}

static void
write_big(void)
{
	static char	 big[BIG];

	memset(big, 'x', sizeof(big));
	out_write(big, sizeof(big));
}

Test(output, writes_every_byte_in_order_and_nul_too, .init = setup)
{
	stdout_to_file();
	out_write("ab\0c", 4);
	out_putc('\0');
	out_putc('d');
	out_puts("efg");
	out_write("", 0);
	out_puts("");
	cr_expect_eq(out_close(0), 0);
	expect_file("ab\0c\0defg", 9);
	cr_assert_stderr_eq_str("");
}

Test(output, close_returns_the_status_it_was_given, .init = setup)
{
	stdout_to_file();
	out_puts("data\n");
	cr_expect_eq(out_close(DIAG_EXIT_DATA), DIAG_EXIT_DATA);
	expect_file("data\n", 5);
	cr_assert_stderr_eq_str("");
}

Test(output, close_of_an_empty_output_returns_the_status, .init = setup)
{
	stdout_to_file();
	cr_expect_eq(out_close(0), 0);
	expect_file("", 0);
	cr_assert_stderr_eq_str("");
}

Test(output, end_record_flushes_when_line_buffered, .init = setup)
{
	stdout_to_file();
	out_set_line_buffered(1);
	out_puts("one\n");
	out_end_record();
	cr_expect_eq(stdout_size(), 4);
	out_puts("two");
	out_putc('\0');
	out_end_record();
	cr_expect_eq(stdout_size(), 8);
	cr_expect_eq(out_close(0), 0);
	expect_file("one\ntwo\0", 8);
	cr_assert_stderr_eq_str("");
}

Test(output, end_record_leaves_output_buffered_by_default, .init = setup)
{
	stdout_to_file();
	out_puts("one\n");
	out_end_record();
	cr_expect_eq(stdout_size(), 0, "flushed without --line-buffered");
	cr_expect_eq(out_close(0), 0);
	expect_file("one\n", 4);
}

Test(output, full_device_fails_at_close_with_write_error, .init = setup,
    .exit_code = 1)
{
	expect_write_error_at_exit(ENOSPC);
	stdout_to_full_device();
	out_puts("short\n");
	(void)out_close(0);
	cr_assert_fail("out_close returned after a failed flush");
}

Test(output, full_device_stops_a_big_write_at_once, .init = setup,
    .exit_code = 1)
{
	expect_write_error_at_exit(ENOSPC);
	stdout_to_full_device();
	write_big();
	cr_assert_fail("out_write returned after a failed write");
}

Test(output, full_device_stops_putc_within_a_buffer, .init = setup,
    .exit_code = 1)
{
	size_t	 i;

	expect_write_error_at_exit(ENOSPC);
	stdout_to_full_device();
	for (i = 0; i < BIG; i++)
		out_putc('x');
	cr_assert_fail("out_putc never reported the failure");
}

Test(output, full_device_fails_at_a_line_buffered_record_end,
    .init = setup, .exit_code = 1)
{
	expect_write_error_at_exit(ENOSPC);
	stdout_to_full_device();
	out_set_line_buffered(1);
	out_puts("record\n");
	out_end_record();
	cr_assert_fail("out_end_record returned after a failed flush");
}

Test(output, closed_stdout_fails_with_write_error, .init = setup,
    .exit_code = 1)
{
	expect_write_error_at_exit(EBADF);
	cr_assert_eq(close(STDOUT_FILENO), 0);
	out_puts("lost\n");
	(void)out_close(0);
	cr_assert_fail("out_close returned after a failed flush");
}

Test(output, dead_pipe_ends_a_big_write_quietly, .init = setup,
    .exit_code = 1)
{
	expect_stderr_at_exit("");
	stdout_to_dead_pipe();
	write_big();
	cr_assert_fail("out_write returned after EPIPE");
}

Test(output, dead_pipe_ends_the_final_flush_quietly, .init = setup,
    .exit_code = 1)
{
	expect_stderr_at_exit("");
	stdout_to_dead_pipe();
	out_puts("short\n");
	(void)out_close(0);
	cr_assert_fail("out_close returned after EPIPE");
}

Test(output, close_catches_an_error_from_an_unchecked_write, .init = setup,
    .exit_code = 1)
{
	static char	 big[BIG];

	stdout_to_full_device();
	/* A write that bypassed output.c failed and left the error flag. */
	cr_assert_neq(fwrite(big, 1, sizeof(big), stdout), sizeof(big));
	cr_assert(ferror(stdout));
	(void)out_close(0);
	cr_assert_fail("out_close missed the error flag");
}

/*
 * Disabled until out_close is fixed: when only the error flag tells of a
 * failed write, errno belongs to whatever ran since (here, a failed open of
 * the next operand), so the reason printed is wrong.  Enable with the fix.
 */
Test(output, close_gives_no_stale_reason_for_an_old_error, .init = setup,
    .exit_code = 1)
{
	static char	 big[BIG];

	expect_stderr_at_exit("prog: write error\n");
	stdout_to_full_device();
	cr_assert_neq(fwrite(big, 1, sizeof(big), stdout), sizeof(big));
	errno = ENOENT;
	(void)out_close(0);
	cr_assert_fail("out_close missed the error flag");
}
