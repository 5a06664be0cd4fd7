/*
 * Unit tests for abbrev: the built-in lexicon, classes, the case rule,
 * users' files (additions, overrides, errors with line and column).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "abbrev.h"

static struct abbrev *ab;

static void
setup(void)
{
	struct lex_error err;

	ab = abbrev_new();
	cr_assert_not_null(ab);
	cr_assert_eq(abbrev_load_builtin(ab, &err), 0, "built-in: %zu:%zu: %s",
	    err.line, err.column, err.msg);
}

static void
teardown(void)
{
	abbrev_free(ab);
	ab = NULL;
}

TestSuite(abbrev, .init = setup, .fini = teardown);

static enum abbrev_class
find(const char *w)
{
	return abbrev_find(ab, (const unsigned char *)w, strlen(w));
}

/* Writes s to a fresh temporary file; path needs room for 32 bytes. */
static void
tmpfile_with(char *path, const char *s)
{
	int		 fd;
	size_t		 n = strlen(s);

	strcpy(path, "/tmp/quire-test-abbrev-XXXXXX");
	cr_assert_neq(fd = mkstemp(path), -1);
	cr_assert_eq(write(fd, s, n), (ssize_t)n);
	close(fd);
}

/* Loads s as a user's file; returns abbrev_load_file's code. */
static int
load_text(const char *s, struct lex_error *err)
{
	char		 path[32];
	int		 rc;

	tmpfile_with(path, s);
	rc = abbrev_load_file(ab, path, err);
	unlink(path);
	return rc;
}

/* Loads s, which must fail, and checks where and why. */
static void
expect_error(const char *s, size_t line, size_t column, const char *msg)
{
	struct lex_error err;

	memset(&err, 0, sizeof(err));
	cr_assert_eq(load_text(s, &err), -1, "loaded: %s", s);
	cr_expect_eq(err.line, line, "line %zu, want %zu (%s)", err.line,
	    line, err.msg);
	cr_expect_eq(err.column, column, "column %zu, want %zu (%s)",
	    err.column, column, err.msg);
	cr_expect(strstr(err.msg, msg) != NULL, "message \"%s\" lacks \"%s\"",
	    err.msg, msg);
}

Test(abbrev, builtin_has_each_class)
{
	cr_expect_eq(find("Mr"), ABBR_TITLE);
	cr_expect_eq(find("Dr"), ABBR_TITLE);
	cr_expect_eq(find("Sen"), ABBR_TITLE);
	cr_expect_eq(find("Gen"), ABBR_TITLE);
	cr_expect_eq(find("Jan"), ABBR_MONTH);
	cr_expect_eq(find("Sept"), ABBR_MONTH);
	cr_expect_eq(find("No"), ABBR_NUMBER);
	cr_expect_eq(find("Vol"), ABBR_NUMBER);
	cr_expect_eq(find("pp"), ABBR_NUMBER);
	cr_expect_eq(find("Inc"), ABBR_CORP);
	cr_expect_eq(find("Corp"), ABBR_CORP);
	cr_expect_eq(find("Ltd"), ABBR_CORP);
	cr_expect_eq(find("Bros"), ABBR_CORP);
	cr_expect_eq(find("U.S"), ABBR_OTHER);
	cr_expect_eq(find("U.K"), ABBR_OTHER);
	cr_expect_eq(find("e.g"), ABBR_OTHER);
	cr_expect_eq(find("i.e"), ABBR_OTHER);
	cr_expect_eq(find("etc"), ABBR_OTHER);
	cr_expect_eq(find("a.m"), ABBR_OTHER);
	cr_expect_eq(find("p.m"), ABBR_OTHER);
	cr_expect_eq(find("Jr"), ABBR_OTHER);
	cr_expect_eq(find("St"), ABBR_OTHER);
	cr_expect_eq(find("Calif"), ABBR_OTHER);
	cr_expect_eq(find("Ph.D"), ABBR_OTHER);
}

Test(abbrev, builtin_leaves_out_words_and_single_letters)
{
	cr_expect_eq(find("May"), ABBR_NONE);
	cr_expect_eq(find("Sun"), ABBR_NONE);
	cr_expect_eq(find("Mon"), ABBR_NONE);
	cr_expect_eq(find("in"), ABBR_NONE);
	cr_expect_eq(find("no"), ABBR_NONE);
	cr_expect_eq(find("the"), ABBR_NONE);
	cr_expect_eq(find("W"), ABBR_NONE);
	cr_expect_eq(find("v"), ABBR_NONE);
	cr_expect_eq(find("p"), ABBR_NONE);
	cr_expect_eq(find("LLC"), ABBR_NONE);
}

Test(abbrev, builtin_keys_have_no_final_period)
{
	cr_expect_eq(find("Mr."), ABBR_NONE);
	cr_expect_eq(find("U.S."), ABBR_NONE);
	cr_expect_eq(find("etc."), ABBR_NONE);
}

Test(abbrev, matches_whole_words_only)
{
	cr_expect_eq(find("M"), ABBR_NONE);
	cr_expect_eq(find("Mrs"), ABBR_TITLE);
	cr_expect_eq(find("Mrx"), ABBR_NONE);
	cr_expect_eq(find("U"), ABBR_NONE);
	cr_expect_eq(find("U.S.A"), ABBR_OTHER);
	cr_expect_eq(find("U.S.A.B"), ABBR_NONE);
	cr_expect_eq(find("Incorporated"), ABBR_NONE);
	cr_expect_eq(find(""), ABBR_NONE);
}

Test(abbrev, reads_the_length_not_a_terminator)
{
	const unsigned char *s = (const unsigned char *)"Mr. Smith, U.S.A.";

	cr_expect_eq(abbrev_find(ab, s, 2), ABBR_TITLE);
	cr_expect_eq(abbrev_find(ab, s + 11, 3), ABBR_OTHER);	/* U.S */
	cr_expect_eq(abbrev_find(ab, s + 11, 5), ABBR_OTHER);	/* U.S.A */
	cr_expect_eq(abbrev_find(ab, s, 1), ABBR_NONE);
}

Test(abbrev, capitalized_entries_match_exactly)
{
	cr_expect_eq(find("Mr"), ABBR_TITLE);
	cr_expect_eq(find("MR"), ABBR_NONE);
	cr_expect_eq(find("mr"), ABBR_NONE);
	cr_expect_eq(find("jan"), ABBR_NONE);
	cr_expect_eq(find("JAN"), ABBR_NONE);
	cr_expect_eq(find("u.s"), ABBR_NONE);
}

Test(abbrev, lowercase_entries_match_any_case)
{
	cr_expect_eq(find("etc"), ABBR_OTHER);
	cr_expect_eq(find("Etc"), ABBR_OTHER);
	cr_expect_eq(find("ETC"), ABBR_OTHER);
	cr_expect_eq(find("eTc"), ABBR_OTHER);
	cr_expect_eq(find("A.M"), ABBR_OTHER);
	cr_expect_eq(find("P.m"), ABBR_OTHER);
	cr_expect_eq(find("INC"), ABBR_CORP);
	cr_expect_eq(find("inc"), ABBR_CORP);
	cr_expect_eq(find("PH.D"), ABBR_OTHER);
}

Test(abbrev, exact_match_comes_before_the_folded_one)
{
	cr_expect_eq(find("Ft"), ABBR_TITLE);	/* Fort */
	cr_expect_eq(find("ft"), ABBR_OTHER);	/* feet */
	cr_expect_eq(find("FT"), ABBR_OTHER);
}

Test(abbrev, empty_lexicon_knows_nothing)
{
	struct abbrev	*empty;

	cr_assert_not_null(empty = abbrev_new());
	cr_expect_eq(abbrev_find(empty, (const unsigned char *)"Mr", 2),
	    ABBR_NONE);
	abbrev_free(empty);
	abbrev_free(NULL);
}

Test(abbrev, user_file_adds_entries)
{
	struct lex_error err;

	cr_expect_eq(find("Cmdt"), ABBR_NONE);
	cr_assert_eq(load_text("# ours\ntitle: [Cmdt, Gov-Gen]\n"
	    "other:\n  - Xyz\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("Cmdt"), ABBR_TITLE);
	cr_expect_eq(find("Gov-Gen"), ABBR_TITLE);
	cr_expect_eq(find("Xyz"), ABBR_OTHER);
	cr_expect_eq(find("Mr"), ABBR_TITLE);	/* the built-ins stay */
}

Test(abbrev, user_keys_lose_their_final_period)
{
	struct lex_error err;

	cr_assert_eq(load_text("title: [Cmdt., Insp.Gen.]\n"
	    "other: [\"x.y.z.\", .]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("Cmdt"), ABBR_TITLE);
	cr_expect_eq(find("Cmdt."), ABBR_NONE);
	cr_expect_eq(find("Insp.Gen"), ABBR_TITLE);
	cr_expect_eq(find("x.y.z"), ABBR_OTHER);
	cr_expect_eq(find("X.Y.Z"), ABBR_OTHER);
	cr_expect_eq(find("."), ABBR_OTHER);	/* nothing left to strip to */
}

Test(abbrev, user_file_overrides_builtin)
{
	struct lex_error err;

	cr_expect_eq(find("St"), ABBR_OTHER);
	cr_assert_eq(load_text("title: [St]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("St"), ABBR_TITLE);
	cr_expect_eq(find("Mr"), ABBR_TITLE);
}

Test(abbrev, later_file_wins)
{
	struct lex_error err;

	cr_assert_eq(load_text("corp: [Grp]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("Grp"), ABBR_CORP);
	cr_assert_eq(load_text("other: [Grp]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("Grp"), ABBR_OTHER);
	cr_assert_eq(load_text("month: [Grp.]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("Grp"), ABBR_MONTH);
}

Test(abbrev, later_entry_in_one_file_wins)
{
	struct lex_error err;

	cr_assert_eq(load_text("title: [Qq]\nother: [Qq]\n", &err), 0, "%s",
	    err.msg);
	cr_expect_eq(find("Qq"), ABBR_OTHER);
}

Test(abbrev, override_keeps_case_rules_apart)
{
	struct lex_error err;

	/* "ETC" is a new capitalized entry; "etc" still folds. */
	cr_assert_eq(load_text("title: [ETC]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("ETC"), ABBR_TITLE);
	cr_expect_eq(find("Etc"), ABBR_OTHER);
	cr_expect_eq(find("etc"), ABBR_OTHER);
}

Test(abbrev, lowercase_user_entry_folds)
{
	struct lex_error err;

	cr_assert_eq(load_text("number: [tbl]\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("tbl"), ABBR_NUMBER);
	cr_expect_eq(find("Tbl"), ABBR_NUMBER);
	cr_expect_eq(find("TBL"), ABBR_NUMBER);
}

Test(abbrev, non_ascii_entry_matches_exactly)
{
	struct lex_error err;

	cr_assert_eq(load_text("title: [\"sr\xC3\xA9\"]\n", &err), 0, "%s",
	    err.msg);
	cr_expect_eq(find("sr\xC3\xA9"), ABBR_TITLE);
	cr_expect_eq(find("Sr\xC3\xA9"), ABBR_NONE);
}

Test(abbrev, map_of_scalars_gives_classes)
{
	struct lex_error err;

	cr_assert_eq(load_text("Cmdt: title\nGrp: corp\n", &err), 0, "%s",
	    err.msg);
	cr_expect_eq(find("Cmdt"), ABBR_TITLE);
	cr_expect_eq(find("Grp"), ABBR_CORP);
}

Test(abbrev, plain_list_is_class_other)
{
	struct lex_error err;

	cr_assert_eq(load_text("- Cmdt\n- Grp.\n", &err), 0, "%s", err.msg);
	cr_expect_eq(find("Cmdt"), ABBR_OTHER);
	cr_expect_eq(find("Grp"), ABBR_OTHER);
}

Test(abbrev, aliased_class_name_is_checked)
{
	struct lex_error err;

	cr_assert_eq(load_text("title: [&t title, Cmdt]\n*t : [Grp]\n", &err),
	    0, "%s", err.msg);
	cr_expect_eq(find("Grp"), ABBR_TITLE);
	expect_error("title: [&t Mr]\n*t : [Grp]\n", 2, 1,
	    "unknown class 'Mr'");
}

Test(abbrev, unknown_class_is_an_error_with_position)
{
	expect_error("title: [Cmdt]\nfoo: [Grp]\n", 2, 1,
	    "unknown class 'foo'; expected title, month, number, corp or "
	    "other");
	expect_error("# comment\n\n  titles:\n    - Cmdt\n", 3, 3,
	    "unknown class 'titles'");
	expect_error("{title: [Mr], tilte: [Dr]}\n", 1, 15,
	    "unknown class 'tilte'");
	expect_error("Cmdt: title\nGrp: company\n", 2, 6,
	    "unknown class 'company'");
	expect_error("Title: [Cmdt]\n", 1, 1, "unknown class 'Title'");
}

Test(abbrev, unknown_class_with_empty_list_is_an_error)
{
	expect_error("title: [Cmdt]\nmonths: []\n", 2, 1,
	    "unknown class 'months'");
}

Test(abbrev, unknown_class_in_second_document)
{
	expect_error("title: [Cmdt]\n---\nother: [Xyz]\nfoo: [Grp]\n", 4, 1,
	    "unknown class 'foo'");
}

Test(abbrev, failed_load_leaves_lexicon_as_it_was)
{
	struct lex_error err;

	cr_assert_eq(load_text("title: [Cmdt, St]\nfoo: [Grp]\n", &err), -1);
	cr_expect_eq(find("Cmdt"), ABBR_NONE);
	cr_expect_eq(find("Grp"), ABBR_NONE);
	cr_expect_eq(find("St"), ABBR_OTHER);
	cr_expect_eq(find("Mr"), ABBR_TITLE);
	cr_assert_eq(load_text("title: [Cmdt, 'St]\n", &err), -1);
	cr_expect_eq(find("Cmdt"), ABBR_NONE);
	cr_expect_eq(find("Mr"), ABBR_TITLE);
}

Test(abbrev, yaml_errors_come_from_yamlcfg)
{
	expect_error("title: [Cmdt\n", 1, 8, "");
	expect_error("title:\n", 1, 7, "missing value");
	expect_error("title: [Cmdt]\nother: Grp\n", 2, 8, "scalar value");
}

Test(abbrev, missing_file_is_an_error_at_line_zero)
{
	struct lex_error err;

	memset(&err, 0, sizeof(err));
	cr_assert_eq(abbrev_load_file(ab,
	    "/nonexistent/quire/abbreviations.yaml", &err), -1);
	cr_expect_eq(err.line, 0);
	cr_expect_eq(err.column, 0);
	cr_expect_str_eq(err.msg, strerror(ENOENT));
	cr_expect_eq(find("Mr"), ABBR_TITLE);
}

Test(abbrev, empty_file_adds_nothing)
{
	struct lex_error err;

	cr_expect_eq(load_text("", &err), 0);
	cr_expect_eq(load_text("# nothing yet\n", &err), 0);
	cr_expect_eq(find("Mr"), ABBR_TITLE);
}

Test(abbrev, builtin_loads_twice_without_change)
{
	struct lex_error err;

	cr_assert_eq(abbrev_load_builtin(ab, &err), 0);
	cr_expect_eq(find("Mr"), ABBR_TITLE);
	cr_expect_eq(find("ETC"), ABBR_OTHER);
}
