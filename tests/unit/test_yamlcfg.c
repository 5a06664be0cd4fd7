/*
 * Unit tests for yamlcfg: the three lexicon shapes, error positions and
 * messages, accumulation, sorting and lookup.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "yamlcfg.h"

/* Loads a NUL-terminated YAML text; returns lex_load_mem's code. */
static int
load(struct lex *lex, const char *s, struct lex_error *err)
{
	return lex_load_mem(lex, (const unsigned char *)s, strlen(s), err);
}

/* Loads text that must fail, and checks where and why. */
static void
expect_error(const char *s, size_t line, size_t column, const char *msg)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, s, &err), LEX_ERR, "loaded: %s", s);
	cr_expect_eq(err.line, line, "line %zu, want %zu (%s)", err.line,
	    line, err.msg);
	cr_expect_eq(err.column, column, "column %zu, want %zu (%s)",
	    err.column, column, err.msg);
	cr_expect(strstr(err.msg, msg) != NULL, "message \"%s\" lacks \"%s\"",
	    err.msg, msg);
	cr_expect_eq(lex.n, 0);
	lex_free(&lex);
}

/* Writes s to a fresh temporary file and returns its name (static). */
static const char *
tmpfile_with(const char *s)
{
	static char	 path[64];
	int		 fd;
	size_t		 n = strlen(s);

	strcpy(path, "/tmp/test_yamlcfg.XXXXXX");
	fd = mkstemp(path);
	cr_assert_neq(fd, -1);
	cr_assert_eq(write(fd, s, n), (ssize_t)n);
	close(fd);
	return path;
}

Test(yamlcfg, reads_a_list_as_keys_without_values)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "# abbreviations\n- Dr.\n- Prof.\n- \"U.S.\"\n",
	    &err), LEX_OK, "%s", err.msg);
	cr_assert_eq(lex.n, 3);
	cr_expect_str_eq(lex.e[0].key, "Dr.");
	cr_expect_eq(lex.e[0].key_len, 3);
	cr_expect_null(lex.e[0].value);
	cr_expect_eq(lex.e[0].value_len, 0);
	cr_expect_eq(lex.e[0].line, 2);
	cr_expect_str_eq(lex.e[1].key, "Prof.");
	cr_expect_str_eq(lex.e[2].key, "U.S.");
	cr_expect_eq(lex.e[2].line, 4);
	lex_free(&lex);
}

Test(yamlcfg, reads_a_map_of_scalars)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "Apple Inc.: ORG\nParis: LOC\n'a: b': \"\"\n",
	    &err), LEX_OK, "%s", err.msg);
	cr_assert_eq(lex.n, 3);
	cr_expect_str_eq(lex.e[0].key, "Apple Inc.");
	cr_expect_str_eq(lex.e[0].value, "ORG");
	cr_expect_eq(lex.e[0].value_len, 3);
	cr_expect_eq(lex.e[0].line, 1);
	cr_expect_str_eq(lex.e[1].key, "Paris");
	cr_expect_str_eq(lex.e[1].value, "LOC");
	cr_expect_eq(lex.e[1].line, 2);
	/* A quoted empty string is a value; only a missing one is an error. */
	cr_expect_str_eq(lex.e[2].key, "a: b");
	cr_expect_not_null(lex.e[2].value);
	cr_expect_eq(lex.e[2].value_len, 0);
	lex_free(&lex);
}

Test(yamlcfg, maps_each_item_of_a_list_value_to_its_key)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "ORG: [Apple Inc., Nvidia]\nLOC:\n"
	    "  - Paris\n  - London\nMISC: []\n", &err), LEX_OK, "%s", err.msg);
	cr_assert_eq(lex.n, 4);
	cr_expect_str_eq(lex.e[0].key, "Apple Inc.");
	cr_expect_str_eq(lex.e[0].value, "ORG");
	cr_expect_eq(lex.e[0].line, 1);
	cr_expect_str_eq(lex.e[1].key, "Nvidia");
	cr_expect_str_eq(lex.e[1].value, "ORG");
	cr_expect_str_eq(lex.e[2].key, "Paris");
	cr_expect_str_eq(lex.e[2].value, "LOC");
	cr_expect_eq(lex.e[2].line, 3);
	cr_expect_str_eq(lex.e[3].key, "London");
	cr_expect_eq(lex.e[3].line, 4);
	lex_free(&lex);
}

Test(yamlcfg, keeps_every_scalar_as_text)
{
	struct lex	 lex = LEX_INIT;

	cr_assert_eq(load(&lex, "- no\n- null\n- ~\n- 1.0\n- !!int 7\n",
	    NULL), LEX_OK);
	cr_assert_eq(lex.n, 5);
	cr_expect_str_eq(lex.e[0].key, "no");
	cr_expect_str_eq(lex.e[1].key, "null");
	cr_expect_str_eq(lex.e[2].key, "~");
	cr_expect_str_eq(lex.e[3].key, "1.0");
	cr_expect_str_eq(lex.e[4].key, "7");
	lex_free(&lex);
}

Test(yamlcfg, keeps_nul_inside_a_scalar)
{
	struct lex	 lex = LEX_INIT;

	cr_assert_eq(load(&lex, "\"a\\0b\": \"c\\0\"\n", NULL), LEX_OK);
	cr_assert_eq(lex.n, 1);
	cr_expect_eq(lex.e[0].key_len, 3);
	cr_expect_eq(memcmp(lex.e[0].key, "a\0b", 4), 0);
	cr_expect_eq(lex.e[0].value_len, 2);
	cr_expect_eq(memcmp(lex.e[0].value, "c\0", 3), 0);
	lex_free(&lex);
}

Test(yamlcfg, reads_utf8_keys_and_escapes)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "Zürich: LOC\n東京: LOC\n\"\\u00DF\": ss\n"
	    "\"\\U0001F600\": smile\n", &err), LEX_OK, "%s", err.msg);
	cr_assert_eq(lex.n, 4);
	cr_expect_str_eq(lex.e[0].key, "Z\xC3\xBCrich");
	cr_expect_eq(lex.e[0].key_len, 7);
	cr_expect_str_eq(lex.e[1].key, "\xE6\x9D\xB1\xE4\xBA\xAC");
	cr_expect_str_eq(lex.e[2].key, "\xC3\x9F");
	cr_expect_str_eq(lex.e[2].value, "ss");
	cr_expect_str_eq(lex.e[3].key, "\xF0\x9F\x98\x80");
	lex_free(&lex);
}

Test(yamlcfg, counts_columns_in_code_points)
{
	/* é and € are one column each, though 2 and 3 bytes. */
	expect_error("é€: [x, [y]]\n", 1, 9, "found a sequence");
	/* A reader error, known by byte offset only, counts the same way. */
	expect_error("- é€\n- a\xFF\n", 2, 4, "invalid leading UTF-8 octet");
}

Test(yamlcfg, loads_an_aliased_scalar)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "Apple: &org ORG\nNvidia: *org\n", &err),
	    LEX_OK, "%s", err.msg);
	cr_assert_eq(lex.n, 2);
	cr_expect_str_eq(lex.e[1].key, "Nvidia");
	cr_expect_str_eq(lex.e[1].value, "ORG");
	lex_free(&lex);
}

Test(yamlcfg, reads_every_document_of_a_stream)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "- a\n---\nx: y\n...\n---\n", &err), LEX_OK,
	    "%s", err.msg);
	cr_assert_eq(lex.n, 2);
	cr_expect_str_eq(lex.e[0].key, "a");
	cr_expect_str_eq(lex.e[1].key, "x");
	cr_expect_eq(lex.e[1].line, 3);
	lex_free(&lex);
}

Test(yamlcfg, gives_no_entries_for_empty_input)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_expect_eq(lex_load_mem(&lex, NULL, 0, &err), LEX_OK);
	cr_expect_eq(load(&lex, "", &err), LEX_OK);
	cr_expect_eq(load(&lex, "# only a comment\n\n", &err), LEX_OK);
	cr_expect_eq(load(&lex, "---\n", &err), LEX_OK);
	cr_expect_eq(load(&lex, "\xEF\xBB\xBF", &err), LEX_OK);
	cr_expect_eq(lex.n, 0);
	lex_free(&lex);
}

Test(yamlcfg, reports_an_unclosed_quote_where_it_opens)
{
	/* libyaml notices at the end of input; the fix is on line 3. */
	expect_error("- a\n- b\n- \"c\n- d\n", 3, 3,
	    "found unexpected end of stream while scanning a quoted scalar");
	expect_error("- a\n- b\n- \"c\n- d", 3, 3, "quoted scalar");
	expect_error("ORG: [a, b\n", 1, 6, "did not find expected ',' or ']' "
	    "while parsing a flow sequence");
}

Test(yamlcfg, reports_a_syntax_error_where_it_is)
{
	expect_error("a: b\nc: d\n e: f\n", 3, 3,
	    "mapping values are not allowed in this context");
	expect_error("a: b\n- c\n", 2, 1, "did not find expected key "
	    "while parsing a block mapping started at line 1, column 1");
	expect_error("- a\n- &\n", 2, 4, "did not find expected alphabetic "
	    "or numeric character while scanning an anchor started at line 2, "
	    "column 3");
}

Test(yamlcfg, reports_bytes_that_are_not_yaml_text)
{
	expect_error("a: b\nc\x01: d\n", 2, 2,
	    "control characters are not allowed (U+0001)");
	expect_error("a: b\nc\xFF: d\n", 2, 2,
	    "invalid leading UTF-8 octet (0xFF)");
	/* A byte order mark is no column, though it is 3 bytes. */
	expect_error("\xEF\xBB\xBF" "a: b\nc\x01: d\n", 2, 2, "control");
	/* NEL (U+0085) ends a line for libyaml, so it does here too. */
	expect_error("- a\n- \xC2\x85\xC2\x80\n", 3, 1, "(U+0080)");
	expect_error("- a\xF0\x9F\n", 1, 4, "incomplete UTF-8");
	expect_error("\xEF\xBB\xBF" "- [b]\n", 1, 3, "found a sequence");
	expect_error("\xFF\xFE" "a\0:\0 \0b\0", 1, 1, "must be UTF-8");
}

Test(yamlcfg, reports_a_wrong_shape_at_the_offending_node)
{
	expect_error("- a\n- [b, c]\n", 2, 3,
	    "list items must be scalars, found a sequence");
	expect_error("- a\n- b: c\n", 2, 3,
	    "list items must be scalars, found a mapping");
	expect_error("a: b\nc:\n  d: e\n", 3, 3,
	    "values must be scalars or lists of scalars, found a mapping");
	expect_error("ORG: [a, [b]]\n", 1, 10,
	    "list items must be scalars, found a sequence");
	expect_error("a: b\nc: [d]\n", 2, 4,
	    "list value in a mapping of scalars (the first value, on line 1");
	expect_error("a: [b]\nc: d\n", 2, 4,
	    "scalar value in a mapping of lists (the first value, on line 1");
	expect_error("? [a]\n: b\n", 1, 3,
	    "keys must be scalars, found a sequence");
	expect_error("just words\n", 1, 1,
	    "expected a list or a mapping, found a scalar");
	expect_error("- a\n---\nword\n", 3, 1, "found a scalar");
}

Test(yamlcfg, reports_empty_keys_items_and_values)
{
	expect_error("a: b\n\"\": c\n", 2, 1, "empty key");
	expect_error("x: 1\n?\n: c\n", 2, 2, "empty key");
	expect_error("- a\n- ''\n", 2, 3, "empty list item");
	expect_error("- a\n-\n- b\n", 2, 2, "empty list item");
	expect_error("a:\nb: c\n", 1, 3, "missing value");
}

Test(yamlcfg, refuses_aliases_to_collections)
{
	expect_error("ORG: &o [a]\nCOMPANY: *o\n", 2, 10,
	    "alias *o refers to a sequence; only scalars may be aliased");
	expect_error("- *nowhere\n", 1, 3, "undefined alias *nowhere");
	expect_error("base: &b {x: y}\n", 1, 7, "found a mapping");
	/* Anchors belong to their document. */
	expect_error("- &x a\n---\n- *x\n", 3, 3, "undefined alias *x");
}

Test(yamlcfg, leaves_the_lex_unchanged_after_a_failed_load)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(load(&lex, "- a\n- b\n", &err), LEX_OK);
	cr_assert_eq(load(&lex, "- c\n- d\n- [e]\n", &err), LEX_ERR);
	cr_assert_eq(lex.n, 2);
	cr_expect_str_eq(lex.e[1].key, "b");
	cr_expect_eq(load(&lex, "- [e]\n", NULL), LEX_ERR);
	cr_assert_eq(lex.n, 2);
	lex_free(&lex);
}

Test(yamlcfg, accumulates_several_loads)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;
	const char	*path;

	cr_assert_eq(load(&lex, "Apple Inc.: ORG\n", &err), LEX_OK);
	path = tmpfile_with("LOC: [Paris, London]\n");
	cr_assert_eq(lex_load_file(&lex, path, &err), LEX_OK, "%s", err.msg);
	unlink(path);
	cr_assert_eq(lex.n, 3);
	cr_expect_str_eq(lex.e[0].key, "Apple Inc.");
	cr_expect_str_eq(lex.e[2].key, "London");
	cr_expect_str_eq(lex.e[2].value, "LOC");
	lex_free(&lex);
	cr_expect_eq(lex.n, 0);
	cr_expect_null(lex.e);
}

Test(yamlcfg, reports_a_file_that_cannot_be_read)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;

	cr_assert_eq(lex_load_file(&lex, "/nonexistent/quire/lexicon.yaml",
	    &err), LEX_ERR);
	cr_expect_eq(err.line, 0);
	cr_expect_eq(err.column, 0);
	cr_expect_str_eq(err.msg, strerror(ENOENT));
	cr_assert_eq(lex_load_file(&lex, "/", &err), LEX_ERR);
	cr_expect_eq(err.line, 0);
	cr_expect_str_eq(err.msg, strerror(EISDIR));
	cr_expect_eq(lex.n, 0);
	lex_free(&lex);
}

Test(yamlcfg, reports_errors_in_a_file_with_positions)
{
	struct lex	 lex = LEX_INIT;
	struct lex_error err;
	const char	*path;

	path = tmpfile_with("# stop words\n- a\n- 'an\n- the\n");
	cr_assert_eq(lex_load_file(&lex, path, &err), LEX_ERR);
	unlink(path);
	cr_expect_eq(err.line, 3);
	cr_expect_eq(err.column, 3);
	cr_expect_eq(lex.n, 0);
	lex_free(&lex);
}

Test(yamlcfg, sorts_keys_in_byte_order_and_stably)
{
	struct lex	 lex = LEX_INIT;
	static const char *want[] = { "Z", "a", "a", "ab", "b", "\xC3\x9F" };

	cr_assert_eq(load(&lex, "b: 1\nab: 2\na: 3\nZ: 4\nß: 5\na: 6\n", NULL),
	    LEX_OK);
	cr_assert_eq(lex_sort(&lex), LEX_OK);
	cr_assert_eq(lex.n, 6);
	for (size_t i = 0; i < lex.n; i++)
		cr_expect_str_eq(lex.e[i].key, want[i]);
	/* Equal keys keep load order. */
	cr_expect_str_eq(lex.e[1].value, "3");
	cr_expect_str_eq(lex.e[2].value, "6");
	lex_free(&lex);
}

Test(yamlcfg, sorts_many_entries_stably)
{
	struct lex	 lex = LEX_INIT;
	char		 text[16 * 1000], *p = text;

	/* 1000 items over 7 keys, in an order that is far from sorted. */
	for (int i = 0; i < 1000; i++)
		p += sprintf(p, "k%d: v%04d\n", (i * 5) % 7, i);
	cr_assert_eq(load(&lex, text, NULL), LEX_OK);
	cr_assert_eq(lex_sort(&lex), LEX_OK);
	cr_assert_eq(lex.n, 1000);
	for (size_t i = 1; i < lex.n; i++) {
		int	 c = strcmp(lex.e[i - 1].key, lex.e[i].key);

		cr_assert(c < 0 || (c == 0 &&
		    strcmp(lex.e[i - 1].value, lex.e[i].value) < 0),
		    "entry %zu out of order", i);
	}
	lex_free(&lex);
}

Test(yamlcfg, finds_the_entry_loaded_last)
{
	struct lex	 lex = LEX_INIT;
	const struct lex_entry *e;

	cr_assert_eq(load(&lex, "Apple: ORG\nParis: LOC\nApp: MISC\n", NULL),
	    LEX_OK);
	cr_assert_eq(load(&lex, "PER: [Paris]\n", NULL), LEX_OK);
	cr_assert_eq(lex_sort(&lex), LEX_OK);
	e = lex_find(&lex, "Paris", 5);
	cr_assert_not_null(e);
	cr_expect_str_eq(e->value, "PER");
	e = lex_find(&lex, "Apple pie", 5);
	cr_assert_not_null(e);
	cr_expect_str_eq(e->value, "ORG");
	e = lex_find(&lex, "App", 3);
	cr_assert_not_null(e);
	cr_expect_str_eq(e->value, "MISC");
	cr_expect_null(lex_find(&lex, "Ap", 2));
	cr_expect_null(lex_find(&lex, "Apples", 6));
	cr_expect_null(lex_find(&lex, "", 0));
	cr_expect_null(lex_find(&lex, "Zurich", 6));
	lex_free(&lex);
	cr_expect_null(lex_find(&lex, "Paris", 5));
}
