/*
 * Unit tests for common/opts: the options every filter shares (DESIGN.md,
 * "Conventions").  Defaults, QUIRE_CHUNK_SIZE, each shared option, the
 * usage errors (exit 2 with "Try 'PROG --help'.") and --version/--help
 * (exit 0, or 1 if stdout cannot be written).
 *
 * A test that exits cannot check its output after the call, so it registers
 * the check with atexit(); it uses cr_expect there, since cr_assert would
 * jump out of exit().
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "diag.h"
#include "opts.h"
#include "output.h"

/* The Makefile passes the same QUIRE_VERSION to opts.c and to this file. */
#ifndef QUIRE_VERSION
#define QUIRE_VERSION "0.0.0"
#endif

#define TRY_HELP	"Try 'prog --help'.\n"
#define CHUNK_USAGE	\
	"prog: QUIRE_CHUNK_SIZE: not a size from 1 to 67108864: "

static char	 want_err[512];
static char	 want_out[512];

static void
setup(void)
{
	diag_init("prog");
	cr_redirect_stderr();
	cr_assert_eq(unsetenv("QUIRE_CHUNK_SIZE"), 0);
}

static void
setup_stdout(void)
{
	setup();
	cr_redirect_stdout();
}

static void
check_stderr(void)
{
	cr_expect_stderr_eq_str(want_err, "stderr is not \"%s\"", want_err);
}

static void
check_stdout(void)
{
	cr_expect_stdout_eq_str(want_out, "stdout is not \"%s\"", want_out);
}

/* Checks, once the test exits, that stderr holds exactly s. */
static void
expect_stderr_at_exit(const char *s)
{
	snprintf(want_err, sizeof(want_err), "%s", s);
	cr_assert_eq(atexit(check_stderr), 0);
}

/* Checks, once the test exits, that stdout holds exactly s. */
static void
expect_stdout_at_exit(const char *s)
{
	snprintf(want_out, sizeof(want_out), "%s", s);
	cr_assert_eq(atexit(check_stdout), 0);
}

/* Expects opts_common_init to refuse QUIRE_CHUNK_SIZE=value. */
static void
init_with_bad_chunk_size(const char *value)
{
	struct opts_common	 o;
	char			 want[256];

	snprintf(want, sizeof(want), "%s%s\n%s", CHUNK_USAGE, value, TRY_HELP);
	expect_stderr_at_exit(want);
	cr_assert_eq(setenv("QUIRE_CHUNK_SIZE", value, 1), 0);
	opts_common_init(&o);
	cr_assert_fail("accepted QUIRE_CHUNK_SIZE=%s as %zu", value,
	    o.rec.chunk_size);
}

static size_t
chunk_size_for(const char *value)
{
	struct opts_common	 o;

	cr_assert_eq(setenv("QUIRE_CHUNK_SIZE", value, 1), 0);
	opts_common_init(&o);
	return o.rec.chunk_size;
}

Test(opts, init_sets_text_records_field_text_and_64k_chunks, .init = setup)
{
	struct opts_common	 o;

	memset(&o, 0xA5, sizeof(o));
	opts_common_init(&o);
	cr_expect_eq(o.rec.mode, REC_TEXT);
	cr_expect_eq(o.rec.mode_set, 0);
	cr_expect_str_eq(o.rec.field, "text");
	cr_expect_eq(o.rec.strict, 0);
	cr_expect_eq(o.rec.chunk_size, 65536);
	cr_expect_eq(o.quiet, 0);
	cr_expect_eq(o.line_buffered, 0);
	cr_assert_stderr_eq_str("");
}

Test(opts, init_takes_the_chunk_size_from_the_environment, .init = setup)
{
	cr_expect_eq(chunk_size_for("7"), 7);
	cr_expect_eq(chunk_size_for("1"), 1);
	cr_expect_eq(chunk_size_for("67108864"), 64 * 1024 * 1024);
	cr_assert_stderr_eq_str("");
}

Test(opts, init_ignores_an_empty_chunk_size, .init = setup)
{
	cr_expect_eq(chunk_size_for(""), 65536);
	cr_assert_stderr_eq_str("");
}

Test(opts, init_refuses_a_chunk_size_of_zero, .init = setup,
    .exit_code = 2)
{
	init_with_bad_chunk_size("0");
}

Test(opts, init_refuses_a_chunk_size_that_is_no_number, .init = setup,
    .exit_code = 2)
{
	init_with_bad_chunk_size("abc");
}

Test(opts, init_refuses_a_chunk_size_with_trailing_junk, .init = setup,
    .exit_code = 2)
{
	init_with_bad_chunk_size("7k");
}

Test(opts, init_refuses_a_negative_chunk_size, .init = setup,
    .exit_code = 2)
{
	init_with_bad_chunk_size("-1");
}

Test(opts, init_refuses_a_chunk_size_over_64_mib, .init = setup,
    .exit_code = 2)
{
	init_with_bad_chunk_size("67108865");
}

Test(opts, init_refuses_a_chunk_size_beyond_unsigned_long, .init = setup,
    .exit_code = 2)
{
	init_with_bad_chunk_size("99999999999999999999999");
}

Test(opts, sets_each_flag_option, .init = setup)
{
	struct opts_common	 o;

	opts_common_init(&o);
	cr_expect_eq(opts_common(&o, 'q', NULL), 1);
	cr_expect_eq(o.quiet, 1);
	cr_expect_eq(opts_common(&o, OPT_STRICT, NULL), 1);
	cr_expect_eq(o.rec.strict, 1);
	cr_expect_eq(opts_common(&o, OPT_LINE_BUFFERED, NULL), 1);
	cr_expect_eq(o.line_buffered, 1);
	cr_expect_eq(o.rec.mode, REC_TEXT);
	cr_assert_stderr_eq_str("");
}

Test(opts, null_selects_nul_records, .init = setup)
{
	struct opts_common	 o;

	opts_common_init(&o);
	cr_expect_eq(opts_common(&o, 'z', NULL), 1);
	cr_expect_eq(o.rec.mode, REC_NUL);
	cr_expect_eq(opts_common(&o, 'z', NULL), 1, "refused -z twice");
	cr_expect_eq(o.rec.mode, REC_NUL);
	cr_assert_stderr_eq_str("");
}

Test(opts, json_selects_json_lines, .init = setup)
{
	struct opts_common	 o;

	opts_common_init(&o);
	cr_expect_eq(opts_common(&o, OPT_JSON, NULL), 1);
	cr_expect_eq(o.rec.mode, REC_JSON);
	cr_expect_eq(opts_common(&o, OPT_JSON, NULL), 1,
	    "refused --json twice");
	cr_expect_eq(o.rec.mode, REC_JSON);
	cr_assert_stderr_eq_str("");
}

Test(opts, field_names_the_member, .init = setup)
{
	struct opts_common	 o;

	opts_common_init(&o);
	cr_expect_eq(opts_common(&o, OPT_FIELD, "body"), 1);
	cr_expect_str_eq(o.rec.field, "body");
	cr_assert_stderr_eq_str("");
}

Test(opts, leaves_help_and_unknown_options_to_the_filter, .init = setup)
{
	struct opts_common	 o;

	opts_common_init(&o);
	cr_expect_eq(opts_common(&o, 'h', NULL), 0);
	cr_expect_eq(opts_common(&o, 'x', NULL), 0);
	cr_expect_eq(opts_common(&o, '?', NULL), 0);
	cr_expect_eq(opts_common(&o, OPT_FIRST_PRIVATE, "v"), 0);
	cr_assert_stderr_eq_str("");
}

Test(opts, null_then_json_is_a_usage_error, .init = setup, .exit_code = 2)
{
	struct opts_common	 o;

	expect_stderr_at_exit("prog: -z and --json cannot be used together\n"
	    TRY_HELP);
	opts_common_init(&o);
	opts_common(&o, 'z', NULL);
	opts_common(&o, OPT_JSON, NULL);
	cr_assert_fail("accepted -z --json");
}

Test(opts, json_then_null_is_a_usage_error, .init = setup, .exit_code = 2)
{
	struct opts_common	 o;

	expect_stderr_at_exit("prog: -z and --json cannot be used together\n"
	    TRY_HELP);
	opts_common_init(&o);
	opts_common(&o, OPT_JSON, NULL);
	opts_common(&o, 'z', NULL);
	cr_assert_fail("accepted --json -z");
}

Test(opts, empty_field_is_a_usage_error, .init = setup, .exit_code = 2)
{
	struct opts_common	 o;

	expect_stderr_at_exit("prog: --field: empty name\n" TRY_HELP);
	opts_common_init(&o);
	opts_common(&o, OPT_FIELD, "");
	cr_assert_fail("accepted --field ''");
}

Test(opts, version_prints_prog_quire_version_and_exits_0,
    .init = setup_stdout, .exit_code = 0)
{
	struct opts_common	 o;

	expect_stderr_at_exit("");
	expect_stdout_at_exit("prog (quire) " QUIRE_VERSION "\n");
	opts_common_init(&o);
	opts_common(&o, OPT_VERSION, NULL);
	cr_assert_fail("--version returned");
}

Test(opts, version_exits_1_when_stdout_is_full, .init = setup,
    .exit_code = 1)
{
	struct opts_common	 o;
	char			 want[256];

	snprintf(want, sizeof(want), "prog: write error: %s\n",
	    strerror(ENOSPC));
	expect_stderr_at_exit(want);
	cr_assert_not_null(freopen("/dev/full", "w", stdout));
	opts_common_init(&o);
	opts_common(&o, OPT_VERSION, NULL);
	cr_assert_fail("--version returned");
}

Test(opts, help_prints_the_text_and_exits_0, .init = setup_stdout,
    .exit_code = 0)
{
	expect_stderr_at_exit("");
	expect_stdout_at_exit("usage: prog [FILE ...]\n" OPTS_COMMON_HELP);
	opts_help("usage: prog [FILE ...]\n" OPTS_COMMON_HELP);
}

Test(opts, help_exits_1_when_stdout_is_full, .init = setup,
    .exit_code = 1)
{
	char		 want[256];

	snprintf(want, sizeof(want), "prog: write error: %s\n",
	    strerror(ENOSPC));
	expect_stderr_at_exit(want);
	cr_assert_not_null(freopen("/dev/full", "w", stdout));
	opts_help("usage: prog [FILE ...]\n" OPTS_COMMON_HELP);
}

Test(opts, apply_makes_quiet_silence_warnings, .init = setup)
{
	struct opts_common	 o;

	opts_common_init(&o);
	opts_common(&o, 'q', NULL);
	opts_common_apply(&o);
	diag_warn("hidden");
	diag_error("shown");
	cr_assert_stderr_eq_str("prog: shown\n");
}

/* A writable copy of a NULL-terminated argument list, as main() gets. */
static char **
make_argv(const char *const *args, int *argc)
{
	static char	 bytes[16][64];
	static char	*argv[17];
	int		 i;

	for (i = 0; args[i] != NULL; i++) {
		cr_assert_lt(i, 16);
		snprintf(bytes[i], sizeof(bytes[i]), "%s", args[i]);
		argv[i] = bytes[i];
	}
	argv[i] = NULL;
	*argc = i;
	return argv;
}

/* The way a filter uses the module: its table, getopt_long, the rest. */
static char **
parse(struct opts_common *o, const char *const *args)
{
	static const struct option longopts[] = {
		OPTS_COMMON_LONG,
		{ NULL, 0, NULL, 0 }
	};
	char	**argv;
	int	 argc, c;

	argv = make_argv(args, &argc);
	opts_common_init(o);
	optind = 1;
	while ((c = getopt_long(argc, argv, OPTS_COMMON_SHORT, longopts,
	    NULL)) != -1)
		cr_assert_eq(opts_common(o, c, optarg), 1, "option %d", c);
	return argv;
}

Test(opts, parses_the_shared_long_options_with_getopt_long, .init = setup)
{
	static const char *const args[] = { "prog", "--json", "--field=body",
	    "--strict", "--line-buffered", "--quiet", "--", "-z", NULL };
	struct opts_common	 o;
	char			**argv;

	argv = parse(&o, args);
	cr_expect_eq(o.rec.mode, REC_JSON);
	cr_expect_str_eq(o.rec.field, "body");
	cr_expect_eq(o.rec.strict, 1);
	cr_expect_eq(o.line_buffered, 1);
	cr_expect_eq(o.quiet, 1);
	cr_expect_str_eq(argv[optind], "-z", "operand after -- not kept");
	cr_assert_stderr_eq_str("");
}

Test(opts, parses_null_then_json_as_a_usage_error, .init = setup,
    .exit_code = 2)
{
	static const char *const args[] = { "prog", "-qz", "--json", NULL };
	struct opts_common	 o;

	expect_stderr_at_exit("prog: -z and --json cannot be used together\n"
	    TRY_HELP);
	(void)parse(&o, args);
	cr_assert_fail("accepted -qz --json");
}

Test(opts, size_takes_decimal_digits_within_the_bounds, .init = setup)
{
	cr_expect_eq(opts_size("window", "0", 0, 100), 0);
	cr_expect_eq(opts_size("window", "100", 0, 100), 100);
	cr_expect_eq(opts_size("count", "007", 1, 10), 7);
	cr_assert_stderr_eq_str("");
}

/* Expects opts_size to refuse s as a size from min to max. */
static void
size_refuses(const char *s, size_t min, size_t max)
{
	char	 want[256];

	snprintf(want, sizeof(want), "prog: invalid window: %s\n%s", s,
	    TRY_HELP);
	expect_stderr_at_exit(want);
	(void)opts_size("window", s, min, max);
	cr_assert_fail("accepted %s", s);
}

Test(opts, size_refuses_a_suffix, .init = setup, .exit_code = 2)
{
	size_refuses("1k", 0, 100);
}

Test(opts, size_refuses_a_sign_or_a_blank, .init = setup, .exit_code = 2)
{
	size_refuses("+5", 0, 100);
}

Test(opts, size_refuses_less_than_min, .init = setup, .exit_code = 2)
{
	size_refuses("0", 1, 100);
}

Test(opts, size_refuses_more_than_max, .init = setup, .exit_code = 2)
{
	size_refuses("101", 0, 100);
}

Test(opts, size_refuses_beyond_unsigned_long_long, .init = setup,
    .exit_code = 2)
{
	size_refuses("99999999999999999999999", 0, 100);
}
