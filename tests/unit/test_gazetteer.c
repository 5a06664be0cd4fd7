/*
 * Unit tests for gazetteer: the YAML format and its variants, error
 * positions and messages, accumulation over loads and files, and matching
 * over tokenized sentences (longest match, case, periods, overrides).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "entity.h"
#include "gazetteer.h"
#include "token.h"

#define MAXW	256

/* Loads a NUL-terminated YAML text into g; returns gaz_load_mem's code. */
static int
load(struct gaz *g, const char *s, struct lex_error *err)
{
	return gaz_load_mem(g, (const unsigned char *)s, strlen(s), err);
}

/* A gazetteer loaded from s, which must load. */
static struct gaz *
loaded(const char *s)
{
	struct gaz	*g;
	struct lex_error err;

	cr_assert_not_null(g = gaz_new());
	cr_assert_eq(load(g, s, &err), 0, "load failed at %zu:%zu: %s",
	    err.line, err.column, err.msg);
	return g;
}

/* "Inc" keeps its period when the text is tokenized with this. */
static int
known_inc(const unsigned char *w, size_t len, void *arg)
{
	(void)arg;
	return len == 3 && memcmp(w, "Inc", 3) == 0;
}

/*
 * Tokenizes text (with the Inc abbreviation if abbrev), matches it, and
 * renders the spans as "TYPE[w w] TYPE[w]" into a static buffer.
 */
static const char *
match(const struct gaz *g, const char *text, int abbrev)
{
	static char	 out[2048];
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct ent_vec	 ents = { NULL, 0, 0 };
	const unsigned char *w[MAXW];
	size_t		 n[MAXW], i, k, len = 0;
	int		 r;

	cr_assert_eq(tok_split((const unsigned char *)text, strlen(text),
	    abbrev ? known_inc : NULL, NULL, &toks), 0);
	cr_assert_lt(toks.n, MAXW);
	for (i = 0; i < toks.n; i++) {
		w[i] = (const unsigned char *)text + toks.v[i].start;
		n[i] = toks.v[i].end - toks.v[i].start;
	}
	cr_assert_eq(gaz_match(g, w, n, toks.n, &ents), 0);
	out[0] = '\0';
	for (k = 0; k < ents.n && len < sizeof(out); k++) {
		if (k > 0)
			cr_expect_leq(ents.v[k - 1].last, ents.v[k].first,
			    "spans overlap or are out of order");
		r = snprintf(out + len, sizeof(out) - len, "%s%s[",
		    k > 0 ? " " : "", ent_type_name(ents.v[k].type));
		len += r > 0 ? (size_t)r : 0;
		for (i = ents.v[k].first; i < ents.v[k].last &&
		    len < sizeof(out); i++) {
			r = snprintf(out + len, sizeof(out) - len, "%s%.*s",
			    i > ents.v[k].first ? " " : "", (int)n[i],
			    (const char *)w[i]);
			len += r > 0 ? (size_t)r : 0;
		}
		if (len < sizeof(out) - 1) {
			out[len++] = ']';
			out[len] = '\0';
		}
	}
	tok_vec_free(&toks);
	ent_vec_free(&ents);
	return out;
}

/* Loads text that must fail, and checks where and why. */
static void
expect_error(const char *s, size_t line, size_t column, const char *msg)
{
	struct gaz	*g;
	struct lex_error err;

	cr_assert_not_null(g = gaz_new());
	cr_assert_eq(load(g, s, &err), -1, "loaded: %s", s);
	cr_expect_eq(err.line, line, "line %zu, want %zu (%s)", err.line,
	    line, err.msg);
	cr_expect_eq(err.column, column, "column %zu, want %zu (%s)",
	    err.column, column, err.msg);
	cr_expect(strstr(err.msg, msg) != NULL, "message \"%s\" lacks \"%s\"",
	    err.msg, msg);
	cr_expect_eq(gaz_size(g), 0);
	gaz_free(g);
}

/* Writes s to a fresh temporary file and returns its name (static). */
static const char *
tmpfile_with(const char *s, int which)
{
	static char	 paths[2][64];
	char		*path = paths[which];
	int		 fd;
	size_t		 n = strlen(s);

	strcpy(path, "/tmp/test_gazetteer.XXXXXX");
	fd = mkstemp(path);
	cr_assert_neq(fd, -1);
	cr_assert_eq(write(fd, s, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Format variants */

Test(gazetteer, reads_the_documented_example)
{
	struct gaz *g = loaded(
	    "ORG:\n"
	    "  - Nvidia\n"
	    "  - name: Alphabet Inc.\n"
	    "    aliases: [Google, Alphabet]\n"
	    "PER: [Jensen Huang]\n"
	    "LOC: New York City   # one name may stand alone\n");

	cr_expect_eq(gaz_size(g), 6);
	cr_expect_str_eq(match(g, "Jensen Huang of Nvidia met Google in New "
	    "York City.", 0), "PER[Jensen Huang] ORG[Nvidia] ORG[Google] "
	    "LOC[New York City]");
	gaz_free(g);
}

Test(gazetteer, reads_block_lists_and_flow_mappings)
{
	struct gaz *g = loaded(
	    "MISC:\n"
	    "  - {name: Premier League, aliases: [EPL]}\n"
	    "  - name: World Cup\n"
	    "    aliases:\n"
	    "      - Mundial\n"
	    "PER: {name: Lionel Messi, aliases: Messi}\n");

	cr_expect_eq(gaz_size(g), 6);
	cr_expect_str_eq(match(g, "Messi left the EPL for the Mundial and the "
	    "World Cup.", 0), "PER[Messi] MISC[EPL] MISC[Mundial] "
	    "MISC[World Cup]");
	gaz_free(g);
}

Test(gazetteer, aliases_before_the_name_and_empty_aliases)
{
	struct gaz *g = loaded(
	    "ORG:\n"
	    "  - aliases: [IBM]\n"
	    "    name: International Business Machines\n"
	    "  - name: Intel\n"
	    "    aliases:\n");

	cr_expect_eq(gaz_size(g), 3);
	cr_expect_str_eq(match(g, "IBM and Intel", 0), "ORG[IBM] ORG[Intel]");
	gaz_free(g);
}

Test(gazetteer, numeric_types_are_allowed)
{
	struct gaz *g = loaded("DATE: [Black Friday]\nMONEY: [a king's "
	    "ransom]\n");

	cr_expect_str_eq(match(g, "Sales on Black Friday cost a king's ransom.",
	    0), "DATE[Black Friday] MONEY[a king 's ransom]");
	gaz_free(g);
}

Test(gazetteer, scalars_are_text_not_numbers_or_booleans)
{
	struct gaz *g = loaded("MISC: [1999, no, ~, 'Yes']\n");

	cr_expect_eq(gaz_size(g), 4);
	cr_expect_str_eq(match(g, "no 1999 ~ Yes", 0),
	    "MISC[no] MISC[1999] MISC[~] MISC[Yes]");
	gaz_free(g);
}

Test(gazetteer, documents_and_empty_input)
{
	struct gaz	*g;
	struct lex_error err;

	g = loaded("");
	cr_expect_eq(gaz_size(g), 0);
	cr_expect_eq(load(g, "# only a comment\n", &err), 0);
	cr_expect_eq(load(g, "---\n", &err), 0);
	cr_expect_eq(load(g, "PER: [Ada]\n---\nORG: [Acme]\n---\n", &err), 0);
	cr_expect_eq(gaz_size(g), 2);
	cr_expect_str_eq(match(g, "Ada runs Acme", 0), "PER[Ada] ORG[Acme]");
	gaz_free(g);
}

/* Matching */

Test(gazetteer, longest_match_wins)
{
	struct gaz *g = loaded("LOC: [America]\nORG: [Bank of America]\n");

	cr_expect_str_eq(match(g, "Bank of America left America.", 0),
	    "ORG[Bank of America] LOC[America]");
	gaz_free(g);
}

Test(gazetteer, left_to_right_without_overlaps)
{
	struct gaz *g = loaded("LOC: [New York]\nORG: [York University]\n");

	cr_expect_str_eq(match(g, "New York University", 0), "LOC[New York]");
	cr_expect_str_eq(match(g, "at York University", 0),
	    "ORG[York University]");
	gaz_free(g);
}

Test(gazetteer, names_sharing_a_first_word)
{
	struct gaz *g = loaded("LOC: [New York, New Jersey, New York City, "
	    "New]\n");

	cr_expect_str_eq(match(g, "New Jersey, New York City and New York "
	    "State", 0), "LOC[New Jersey] LOC[New York City] LOC[New York]");
	gaz_free(g);
}

Test(gazetteer, matching_is_case_sensitive)
{
	struct gaz *g = loaded("ORG: [Apple]\n");

	cr_expect_str_eq(match(g, "an apple from APPLE", 0), "");
	cr_expect_str_eq(match(g, "an Apple phone", 0), "ORG[Apple]");
	gaz_free(g);
}

Test(gazetteer, a_name_is_tokenized_like_the_text)
{
	struct gaz *g = loaded("ORG: [\"AT&T\", Nvidia]\nPER: [\"O'Neil\"]\n");

	cr_expect_str_eq(match(g, "AT&T's and Nvidia's deal with O'Neil", 0),
	    "ORG[AT&T] ORG[Nvidia] PER[O'Neil]");
	gaz_free(g);
}

Test(gazetteer, a_final_period_matches_attached_or_split)
{
	struct gaz *g = loaded("ORG: [Alphabet Inc., U.S. Steel]\n");

	/* Without the abbreviation, "Inc." is two words. */
	cr_expect_str_eq(match(g, "Alphabet Inc. rose.", 0),
	    "ORG[Alphabet Inc .]");
	cr_expect_str_eq(match(g, "Alphabet Inc. rose.", 1),
	    "ORG[Alphabet Inc.]");
	cr_expect_str_eq(match(g, "Alphabet Inc rose.", 0), "");
	cr_expect_str_eq(match(g, "U.S. Steel fell.", 0), "ORG[U.S. Steel]");
	gaz_free(g);
}

Test(gazetteer, a_name_starting_with_an_abbreviation)
{
	struct gaz *g = loaded("LOC: [St. Louis]\n");

	cr_expect_str_eq(match(g, "in St. Louis today", 0),
	    "LOC[St . Louis]");
	gaz_free(g);
}

Test(gazetteer, later_names_override_earlier_ones)
{
	struct gaz	*g = loaded("LOC: [Jordan]\nPER: [Jordan]\n");
	struct lex_error err;

	cr_expect_str_eq(match(g, "Jordan", 0), "PER[Jordan]");
	cr_assert_eq(load(g, "ORG: [Jordan]\n", &err), 0);
	cr_expect_str_eq(match(g, "Jordan", 0), "ORG[Jordan]");
	gaz_free(g);
}

Test(gazetteer, files_accumulate)
{
	const char	*a = tmpfile_with("PER: [Jensen Huang]\n", 0);
	const char	*b = tmpfile_with("ORG: [Nvidia]\nPER: [Huang]\n", 1);
	struct gaz	*g;
	struct lex_error err;

	cr_assert_not_null(g = gaz_new());
	cr_assert_eq(gaz_load_file(g, a, &err), 0);
	cr_assert_eq(gaz_load_file(g, b, &err), 0);
	unlink(a);
	unlink(b);
	cr_expect_eq(gaz_size(g), 3);
	cr_expect_str_eq(match(g, "Jensen Huang runs Nvidia; Huang said so.",
	    0), "PER[Jensen Huang] ORG[Nvidia] PER[Huang]");
	gaz_free(g);
}

Test(gazetteer, many_names_grow_the_table)
{
	struct gaz	*g;
	struct lex_error err;
	char		*yaml, text[64], want[64];
	size_t		 i, len = 0, cap = 6000 * 24;

	cr_assert_not_null(yaml = malloc(cap));
	len += (size_t)snprintf(yaml + len, cap - len, "ORG:\n");
	for (i = 0; i < 5000; i++)
		len += (size_t)snprintf(yaml + len, cap - len,
		    "  - Firm%zu Group\n", i);
	cr_assert_not_null(g = gaz_new());
	cr_assert_eq(gaz_load_mem(g, (unsigned char *)yaml, len, &err), 0);
	free(yaml);
	cr_expect_eq(gaz_size(g), 5000);
	for (i = 0; i < 5000; i += 7) {
		snprintf(text, sizeof(text), "at Firm%zu Group now", i);
		snprintf(want, sizeof(want), "ORG[Firm%zu Group]", i);
		cr_expect_str_eq(match(g, text, 0), want);
	}
	cr_expect_str_eq(match(g, "at Firm4999 Group", 0),
	    "ORG[Firm4999 Group]");
	cr_expect_str_eq(match(g, "at Firm5000 Group", 0), "");
	gaz_free(g);
}

Test(gazetteer, appends_after_existing_spans)
{
	struct gaz	*g = loaded("ORG: [Acme]\n");
	struct ent_vec	 out = { NULL, 0, 0 };
	const unsigned char *w[] = {
		(const unsigned char *)"Acme", (const unsigned char *)"Acme"
	};
	size_t		 n[] = { 4, 4 };

	cr_assert_eq(ent_vec_push(&out, 0, 1, ENT_DATE), 0);
	cr_assert_eq(gaz_match(g, w, n, 2, &out), 0);
	cr_assert_eq(out.n, 3);
	cr_expect_eq(out.v[1].first, 0);
	cr_expect_eq(out.v[2].first, 1);
	cr_expect_eq(out.v[2].last, 2);
	cr_expect_eq(out.v[2].type, ENT_ORG);
	ent_vec_free(&out);
	gaz_free(g);
}

Test(gazetteer, an_empty_gazetteer_matches_nothing)
{
	struct gaz	*g;
	struct ent_vec	 out = { NULL, 0, 0 };
	const unsigned char *w[] = { (const unsigned char *)"Acme" };
	size_t		 n[] = { 4 };

	cr_assert_not_null(g = gaz_new());
	cr_expect_eq(gaz_match(g, w, n, 1, &out), 0);
	cr_expect_eq(gaz_match(g, NULL, NULL, 0, &out), 0);
	cr_expect_eq(out.n, 0);
	gaz_free(g);
	gaz_free(NULL);
}

/* Errors */

Test(gazetteer, unknown_type_is_an_error_at_its_position)
{
	expect_error("ORG: [Acme]\nPERSON: [Ada]\n", 2, 1,
	    "unknown entity type \"PERSON\"");
	expect_error("ORG: [Acme]\n  \nper: [Ada]\n", 3, 1,
	    "unknown entity type \"per\"");
}

Test(gazetteer, unknown_key_in_a_name_mapping)
{
	expect_error("ORG:\n  - name: Acme\n    alias: [ACME]\n", 3, 5,
	    "unknown key \"alias\" (expected name or aliases)");
}

Test(gazetteer, mapping_without_a_name)
{
	expect_error("ORG:\n  - aliases: [ACME]\n", 2, 5, "missing name");
	expect_error("ORG:\n  - name:\n", 2, 10, "missing name");
}

Test(gazetteer, name_given_twice)
{
	expect_error("ORG: [{name: A, name: B}]\n", 1, 17, "name given twice");
}

Test(gazetteer, type_without_names)
{
	/* The position is where the value should be. */
	expect_error("ORG:\nPER: [Ada]\n", 1, 5, "missing names for ORG");
}

Test(gazetteer, wrong_shapes)
{
	expect_error("- Nvidia\n", 1, 1, "expected a mapping from entity "
	    "types to names, found a sequence");
	expect_error("Nvidia\n", 1, 1, "found a scalar");
	expect_error("ORG:\n  - [Nvidia, Intel]\n", 2, 5, "a name must be a "
	    "string or a mapping with name and aliases, found a sequence");
	expect_error("ORG: [{name: [A, B]}]\n", 1, 14,
	    "a name must be a string, found a sequence");
	expect_error("ORG: [{name: A, aliases: {x: y}}]\n", 1, 26,
	    "aliases must be a list of names, found a mapping");
	expect_error("ORG: [{name: A, aliases: [[x]]}]\n", 1, 27,
	    "an alias must be a string, found a sequence");
	expect_error("[ORG]: [Acme]\n", 1, 1,
	    "entity types must be scalars, found a sequence");
}

Test(gazetteer, empty_names_and_names_without_words)
{
	expect_error("ORG: [Acme, \"\"]\n", 1, 13, "empty name");
	expect_error("ORG: [\"   \"]\n", 1, 7, "name has no words");
}

Test(gazetteer, yaml_anchors_are_refused)
{
	expect_error("ORG: [&a Acme]\nLOC: [*a]\n", 2, 7,
	    "aliases (*a) are not supported");
}

Test(gazetteer, syntax_errors_carry_line_and_column)
{
	expect_error("ORG:\n  - Acme\n  - \"Nvidia\n", 3, 5,
	    "found unexpected end of stream");
	expect_error("ORG: [Acme\nPER: [Ada]\n", 2, 4,
	    "while parsing a flow sequence started at line 1, column 6");
	expect_error("ORG:\n  - Acme\n - Intel\n", 3, 2, "");
}

Test(gazetteer, columns_count_code_points)
{
	expect_error("ORG: [Café]\nPÉR: [Ada]\n", 2, 1, "\"PÉR\"");
	expect_error("ORG: [Café, {nom: x}]\n", 1, 14, "unknown key \"nom\"");
}

Test(gazetteer, utf16_is_refused)
{
	struct gaz	*g;
	struct lex_error err;
	const unsigned char s[] = { 0xFF, 0xFE, 'O', 0 };

	cr_assert_not_null(g = gaz_new());
	cr_expect_eq(gaz_load_mem(g, s, sizeof(s), &err), -1);
	cr_expect_eq(err.line, 1);
	cr_expect(strstr(err.msg, "UTF-8") != NULL);
	gaz_free(g);
}

Test(gazetteer, invalid_utf8_is_an_error_with_its_position)
{
	struct gaz	*g;
	struct lex_error err;
	const char	*s = "ORG: [Acme]\nPER: [A\xff]\n";

	cr_assert_not_null(g = gaz_new());
	cr_expect_eq(load(g, s, &err), -1);
	cr_expect_eq(err.line, 2);
	cr_expect_eq(err.column, 8);
	/* The same message as the other lexicons give, with the byte. */
	cr_expect_str_eq(err.msg, "invalid leading UTF-8 octet (0xFF)");
	cr_expect_eq(gaz_size(g), 0);
	gaz_free(g);
}

Test(gazetteer, a_failed_load_leaves_the_gazetteer_as_it_was)
{
	struct gaz	*g = loaded("ORG: [Acme, Bank of America]\n");
	struct lex_error err;

	cr_expect_eq(load(g, "LOC: [America, Boston]\nPER: Ada\nBAD: [x]\n",
	    &err), -1);
	cr_expect_eq(err.line, 3);
	cr_expect_eq(gaz_size(g), 2);
	cr_expect_str_eq(match(g, "Acme in Boston, America and Bank of "
	    "America", 0), "ORG[Acme] ORG[Bank of America]");
	cr_expect_eq(load(g, "LOC: [Boston]\n", &err), 0);
	cr_expect_str_eq(match(g, "Acme in Boston", 0),
	    "ORG[Acme] LOC[Boston]");
	gaz_free(g);
}

Test(gazetteer, missing_file_is_an_error_without_position)
{
	struct gaz	*g;
	struct lex_error err;

	cr_assert_not_null(g = gaz_new());
	cr_expect_eq(gaz_load_file(g, "/nonexistent/quire/gaz.yaml", &err),
	    -1);
	cr_expect_eq(err.line, 0);
	cr_expect_eq(err.column, 0);
	cr_expect_str_eq(err.msg, strerror(ENOENT));
	gaz_free(g);
}

Test(gazetteer, error_struct_may_be_null)
{
	struct gaz	*g;

	cr_assert_not_null(g = gaz_new());
	cr_expect_eq(load(g, "BAD: [x]\n", NULL), -1);
	cr_expect_eq(gaz_load_file(g, "/nonexistent/quire/gaz.yaml", NULL),
	    -1);
	cr_expect_eq(load(g, "ORG: [x]\n", NULL), 0);
	gaz_free(g);
}
