/*
 * Unit tests for common/json: RFC 8259 validation with error offsets,
 * string decoding and encoding, and the member-wise rewriter that must
 * keep every member it does not own byte for byte (DESIGN.md).
 */
#include <stdio.h>
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"
#include "json.h"

#define U(s)	((const unsigned char *)(s))

static int
parse(struct json_object *o, const char *line, struct json_error *err)
{
	return json_parse_object(o, U(line), strlen(line), err);
}

static void
expect_ok(const char *line)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err = { 0, NULL };
	int			 rc;

	rc = parse(&o, line, &err);
	cr_expect_eq(rc, 0, "rejected %s: %s at %zu", line,
	    err.msg ? err.msg : "?", err.offset);
	json_object_free(&o);
}

static void
expect_error(const char *line, size_t offset, const char *msg)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err = { 0, NULL };
	int			 rc;

	rc = parse(&o, line, &err);
	cr_expect_eq(rc, -1, "accepted %s", line);
	if (rc == -1) {
		cr_expect_str_eq(err.msg, msg, "for %s", line);
		cr_expect_eq(err.offset, offset, "for %s: offset %zu, not %zu",
		    line, err.offset, offset);
	}
	json_object_free(&o);
}

/* The raw bytes of member i's key or value, as a NUL-terminated copy. */
static char *
span(const char *line, size_t start, size_t end)
{
	static char	 s[256];

	cr_assert_lt(end - start, sizeof(s));
	memcpy(s, line + start, end - start);
	s[end - start] = '\0';
	return s;
}

static void
expect_decode(const char *raw, const char *want, size_t want_len,
    size_t want_bad)
{
	struct buf	 out = BUF_INIT;
	size_t		 nbad = 0;

	cr_assert_eq(json_string_decode(U(raw), strlen(raw), &out, &nbad), 0);
	cr_expect_eq(out.len, want_len, "%s: %zu bytes, not %zu", raw,
	    out.len, want_len);
	if (out.len == want_len && want_len > 0)
		cr_expect_eq(memcmp(out.p, want, want_len), 0, "%s", raw);
	cr_expect_eq(nbad, want_bad, "%s: %zu bad, not %zu", raw, nbad,
	    want_bad);
	buf_free(&out);
}

static void
expect_encode(const char *s, size_t n, const char *want)
{
	struct buf	 out = BUF_INIT;

	cr_assert_eq(json_string_encode(&out, U(s), n), 0);
	cr_expect_eq(out.len, strlen(want));
	if (out.len == strlen(want))
		cr_expect_eq(memcmp(out.p, want, out.len), 0,
		    "got %.*s, want %s", (int)out.len, (char *)out.p, want);
	buf_free(&out);
}

static void
expect_write(const char *line, const struct json_edit *edits, size_t nedits,
    const char *want)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;
	struct buf		 out = BUF_INIT;

	cr_assert_eq(parse(&o, line, &err), 0, "%s: %s", line, err.msg);
	cr_assert_eq(json_object_write(&out, U(line), &o, edits, nedits), 0);
	cr_expect_eq(out.len, strlen(want), "got %.*s, want %s",
	    (int)out.len, (char *)out.p, want);
	if (out.len == strlen(want))
		cr_expect_eq(memcmp(out.p, want, out.len), 0,
		    "got %.*s, want %s", (int)out.len, (char *)out.p, want);
	/* Whatever the edits, the result is itself a valid record. */
	cr_expect_eq(json_parse_object(&o, out.p, out.len, &err), 0);
	buf_free(&out);
	json_object_free(&o);
}

/* A line of an object holding depth - 1 nested arrays. */
static char *
nested(int depth)
{
	static char	 s[2 * JSON_MAX_DEPTH + 32];
	size_t		 n = 0;
	int		 i;

	n += (size_t)snprintf(s, sizeof(s), "{\"a\":");
	for (i = 1; i < depth; i++)
		s[n++] = '[';
	for (i = 1; i < depth; i++)
		s[n++] = ']';
	s[n++] = '}';
	s[n] = '\0';
	return s;
}

/* Parsing */

Test(json, records_top_level_members_with_raw_spans)
{
	const char		*line =
	    " { \"a\" : 1.0e3 ,\"b\":[1, {\"c\":2}],"
	    "\"t\":\"x\\u00e9\", \"n\":null,\"y\":true,\"f\":false,"
	    "\"o\":{\"p\":{}} }\r\n";
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;
	static const struct {
		const char	*key, *val;
		enum json_type	 type;
	} want[] = {
		{ "\"a\"", "1.0e3", JSON_NUMBER },
		{ "\"b\"", "[1, {\"c\":2}]", JSON_ARRAY },
		{ "\"t\"", "\"x\\u00e9\"", JSON_STRING },
		{ "\"n\"", "null", JSON_NULL },
		{ "\"y\"", "true", JSON_TRUE },
		{ "\"f\"", "false", JSON_FALSE },
		{ "\"o\"", "{\"p\":{}}", JSON_OBJECT },
	};
	size_t			 i;

	cr_assert_eq(parse(&o, line, &err), 0, "%s at %zu", err.msg,
	    err.offset);
	cr_assert_eq(o.n, sizeof(want) / sizeof(want[0]));
	for (i = 0; i < o.n; i++) {
		cr_expect_str_eq(span(line, o.m[i].key_start, o.m[i].key_end),
		    want[i].key);
		cr_expect_str_eq(span(line, o.m[i].val_start, o.m[i].val_end),
		    want[i].val);
		cr_expect_eq(o.m[i].val_type, want[i].type, "member %zu", i);
	}
	json_object_free(&o);
}

Test(json, accepts_empty_object)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;

	cr_assert_eq(parse(&o, "{}", &err), 0);
	cr_expect_eq(o.n, 0);
	cr_assert_eq(parse(&o, "\t{ }\n", &err), 0);
	cr_expect_eq(o.n, 0);
	json_object_free(&o);
}

Test(json, replaces_members_of_previous_parse)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;
	char			 line[1024];
	size_t			 n = 0;
	int			 i;

	line[n++] = '{';
	for (i = 0; i < 64; i++)
		n += (size_t)snprintf(line + n, sizeof(line) - n,
		    "%s\"k%d\":%d", i ? "," : "", i, i);
	line[n++] = '}';
	line[n] = '\0';
	cr_assert_eq(parse(&o, line, &err), 0);
	cr_expect_eq(o.n, 64);
	cr_assert_eq(parse(&o, "{\"x\":1}", &err), 0);
	cr_expect_eq(o.n, 1);
	json_object_free(&o);
}

Test(json, accepts_every_number_form_rfc8259_allows)
{
	expect_ok("{\"a\":0}");
	expect_ok("{\"a\":-0}");
	expect_ok("{\"a\":-0.0e+10}");
	expect_ok("{\"a\":1.0e3}");
	expect_ok("{\"a\":1E-2}");
	expect_ok("{\"a\":12.5e07}");
	expect_ok("{\"a\":123456789012345678901234567890}");
	expect_ok("{\"a\":[0,-1,2.25,3e9]}");
}

Test(json, accepts_lone_surrogate_escapes_as_grammatical)
{
	expect_ok("{\"a\":\"\\ud800\"}");
	expect_ok("{\"a\":\"\\udfff x\"}");
}

Test(json, treats_high_bytes_in_strings_as_opaque)
{
	expect_ok("{\"a\":\"\xff\xfe \xc3\xa9\"}");
	expect_ok("{\"\xed\xa0\x80\":1}");
}

Test(json, accepts_nesting_at_the_limit)
{
	expect_ok(nested(JSON_MAX_DEPTH));
}

Test(json, rejects_nesting_too_deep)
{
	/* The '[' that opens level JSON_MAX_DEPTH + 1 is the culprit. */
	expect_error(nested(JSON_MAX_DEPTH + 1), 5 + JSON_MAX_DEPTH - 1,
	    "nesting too deep");
}

Test(json, rejects_trailing_comma)
{
	expect_error("{\"a\":1,}", 6, "trailing comma in object");
	expect_error("{\"a\":[1,2, ]}", 9, "trailing comma in array");
}

Test(json, rejects_single_quotes)
{
	expect_error("{'a':1}", 1, "expected string for object key");
	expect_error("{\"a\":'x'}", 5, "expected a value");
}

Test(json, rejects_bare_words)
{
	expect_error("{\"a\":hello}", 5, "invalid literal");
	expect_error("{\"a\":True}", 5, "invalid literal");
	expect_error("{\"a\":truex}", 5, "invalid literal");
	expect_error("{\"a\":nul}", 5, "invalid literal");
	expect_error("{a:1}", 1, "expected string for object key");
}

Test(json, rejects_unterminated_string_at_its_opening_quote)
{
	expect_error("{\"a\":\"abc}", 5, "unterminated string");
	expect_error("{\"a\":\"abc\\\"}", 5, "unterminated string");
	expect_error("{\"a", 1, "unterminated string");
	expect_error("{\"a\":\"x\\", 5, "unterminated string");
}

Test(json, rejects_raw_control_characters_in_strings)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;
	static const unsigned char nul[] = "{\"a\":\"x\0y\"}";

	expect_error("{\"a\":\"x\ty\"}", 7, "control character in string");
	expect_error("{\"a\":\"x\ny\"}", 7, "control character in string");
	expect_error("{\"a\x1f\":1}", 3, "control character in string");
	cr_assert_eq(json_parse_object(&o, nul, sizeof(nul) - 1, &err), -1);
	cr_expect_str_eq(err.msg, "control character in string");
	cr_expect_eq(err.offset, 7);
	json_object_free(&o);
}

Test(json, rejects_invalid_escapes)
{
	expect_error("{\"a\":\"\\x\"}", 6, "invalid escape");
	expect_error("{\"a\":\"\\U0041\"}", 6, "invalid escape");
	expect_error("{\"a\":\"\\'\"}", 6, "invalid escape");
	expect_error("{\"a\":\"\\u12G4\"}", 6, "invalid \\u escape");
	expect_error("{\"a\":\"\\u12\"}", 6, "invalid \\u escape");
	expect_error("{\"a\":\"\\u12", 6, "invalid \\u escape");
}

Test(json, rejects_leading_zeros)
{
	expect_error("{\"a\":01}", 5, "leading zero in number");
	expect_error("{\"a\":-00.5}", 6, "leading zero in number");
}

Test(json, rejects_malformed_numbers)
{
	expect_error("{\"a\":1.}", 7, "expected digit after '.'");
	expect_error("{\"a\":1.e5}", 7, "expected digit after '.'");
	expect_error("{\"a\":-}", 6, "expected digit after '-'");
	expect_error("{\"a\":-x}", 6, "expected digit after '-'");
	expect_error("{\"a\":.5}", 5, "expected a value");
	expect_error("{\"a\":+1}", 5, "expected a value");
	expect_error("{\"a\":1e}", 7, "expected digit in exponent");
	expect_error("{\"a\":1e+}", 8, "expected digit in exponent");
	expect_error("{\"a\":0x10}", 6,
	    "expected ',' or '}' after object member");
}

Test(json, rejects_missing_punctuation)
{
	expect_error("{\"a\" 1}", 5, "expected ':' after object key");
	expect_error("{\"a\":1 \"b\":2}", 7,
	    "expected ',' or '}' after object member");
	expect_error("{\"a\":[1 2]}", 8,
	    "expected ',' or ']' after array element");
	expect_error("{\"a\":}", 5, "expected a value");
	expect_error("{,}", 1, "expected string for object key");
	expect_error("{\"a\":[,]}", 6, "expected a value");
}

Test(json, rejects_truncated_lines_at_their_end)
{
	expect_error("{", 1, "unexpected end of line");
	expect_error("{\"a\"", 4, "unexpected end of line");
	expect_error("{\"a\":", 5, "unexpected end of line");
	expect_error("{\"a\":1", 6, "unexpected end of line");
	expect_error("{\"a\":1, ", 8, "unexpected end of line");
	expect_error("{\"a\":[1", 7, "unexpected end of line");
}

Test(json, rejects_what_is_not_an_object)
{
	expect_error("[1,2]", 0, "not a JSON object");
	expect_error("  \"text\"", 2, "not a JSON object");
	expect_error("42", 0, "not a JSON object");
	expect_error("null", 0, "not a JSON object");
	expect_error("\xef\xbb\xbf{}", 0, "not a JSON object");
	expect_error("", 0, "empty line");
	expect_error(" \t\r\n", 4, "empty line");
}

Test(json, rejects_trailing_data_after_object)
{
	expect_error("{} {}", 3, "trailing data after object");
	expect_error("{\"a\":1}x", 7, "trailing data after object");
	expect_error("{\"a\":1}\n,", 8, "trailing data after object");
	expect_error("{\"a\":1}}", 7, "trailing data after object");
}

Test(json, rejects_high_bytes_outside_strings)
{
	expect_error("{\"a\":\xc3\xa9}", 5, "expected a value");
	expect_error("{\xc2\xa0\"a\":1}", 1, "expected string for object key");
}

/* Lookup */

Test(json, finds_members_by_decoded_key)
{
	const char		*line = "{\"id\":1,\"\\u0074ext\":\"x\","
	    "\"caf\\u00e9\":2,\"\\ud83d\\ude00\":3,\"a\\u0000b\":4}";
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;

	cr_assert_eq(parse(&o, line, &err), 0);
	cr_expect_eq(json_object_find(&o, U(line), "id", 2), 0);
	cr_expect_eq(json_object_find(&o, U(line), "text", 4), 1);
	cr_expect_eq(json_object_find(&o, U(line), "caf\xc3\xa9", 5), 2);
	cr_expect_eq(json_object_find(&o, U(line), "\xf0\x9f\x98\x80", 4), 3);
	cr_expect_eq(json_object_find(&o, U(line), "a\0b", 3), 4);
	cr_expect_eq(json_object_find(&o, U(line), "a", 1), -1);
	cr_expect_eq(json_object_find(&o, U(line), "tex", 3), -1);
	cr_expect_eq(json_object_find(&o, U(line), "texts", 5), -1);
	cr_expect_eq(json_object_find(&o, U(line), "", 0), -1);
	json_object_free(&o);
}

Test(json, finds_the_last_of_duplicate_keys)
{
	const char		*line =
	    "{\"text\":\"a\",\"x\":0,\"te\\u0078t\":\"b\"}";
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;

	cr_assert_eq(parse(&o, line, &err), 0);
	cr_expect_eq(json_object_find(&o, U(line), "text", 4), 2);
	json_object_free(&o);
}

Test(json, finds_the_empty_key)
{
	const char		*line = "{\"\":1}";
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;

	cr_assert_eq(parse(&o, line, &err), 0);
	cr_expect_eq(json_object_find(&o, U(line), "", 0), 0);
	json_object_free(&o);
}

/* Decoding */

Test(json, decodes_every_escape)
{
	static const char want[] =
	    "\" \\ / \b \f \n \r \t A \xc3\xa9 \xe2\x82\xac";

	expect_decode("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00E9 "
	    "\\u20ac\"", want, sizeof(want) - 1, 0);
}

Test(json, decodes_surrogate_pair_to_one_code_point)
{
	expect_decode("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80", 4, 0);
	expect_decode("\"\\uD83D\\uDE00!\"", "\xf0\x9f\x98\x80!", 5, 0);
	expect_decode("\"\\udbff\\udfff\"", "\xf4\x8f\xbf\xbf", 4, 0);
}

Test(json, replaces_lone_surrogates_and_counts_them)
{
	expect_decode("\"\\ud83d\"", "\xef\xbf\xbd", 3, 1);
	expect_decode("\"\\ude00\"", "\xef\xbf\xbd", 3, 1);
	expect_decode("\"a\\ud83dz\"", "a\xef\xbf\xbdz", 5, 1);
	/* A high surrogate then a non-surrogate escape: the second stays. */
	expect_decode("\"\\ud83d\\u0041\"", "\xef\xbf\xbd" "A", 4, 1);
	/* Low before high is two lone surrogates. */
	expect_decode("\"\\ude00\\ud83d\"", "\xef\xbf\xbd\xef\xbf\xbd", 6, 2);
	/* Two highs, then a low: the second high pairs. */
	expect_decode("\"\\ud83d\\ud83d\\ude00\"",
	    "\xef\xbf\xbd\xf0\x9f\x98\x80", 7, 1);
}

Test(json, decodes_nul_escape_to_a_nul_byte)
{
	expect_decode("\"a\\u0000b\"", "a\0b", 3, 0);
	expect_decode("\"\\u0000\"", "\0", 1, 0);
}

Test(json, decodes_raw_bytes_unchanged)
{
	expect_decode("\"caf\xc3\xa9 \xf0\x9f\x98\x80\"",
	    "caf\xc3\xa9 \xf0\x9f\x98\x80", 10, 0);
	expect_decode("\"\"", "", 0, 0);
}

Test(json, decode_appends_and_adds_to_the_count)
{
	struct buf	 out = BUF_INIT;
	size_t		 nbad = 5;

	cr_assert_eq(buf_append(&out, "x", 1), 0);
	cr_assert_eq(json_string_decode(U("\"\\udc00y\""), 9, &out, &nbad), 0);
	cr_expect_eq(out.len, 5);
	cr_expect_eq(memcmp(out.p, "x\xef\xbf\xbdy", 5), 0);
	cr_expect_eq(nbad, 6);
	buf_free(&out);
}

/* Encoding */

Test(json, encodes_quotes_backslashes_and_controls)
{
	expect_encode("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	expect_encode("\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\"");
	expect_encode("\x01\x1f\x1b", 3, "\"\\u0001\\u001f\\u001b\"");
	expect_encode("a\0b", 3, "\"a\\u0000b\"");
	expect_encode("", 0, "\"\"");
}

Test(json, encodes_del_slash_and_non_ascii_raw)
{
	expect_encode("\x7f/caf\xc3\xa9 \xf0\x9f\x98\x80", 12,
	    "\"\x7f/caf\xc3\xa9 \xf0\x9f\x98\x80\"");
}

Test(json, encode_then_decode_round_trips)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;
	struct buf		 line = BUF_INIT, back = BUF_INIT;
	unsigned char		 s[128 + 9];
	size_t			 n = 0, nbad = 0;
	int			 c;

	/* Every ASCII byte, NUL included, then multibyte UTF-8. */
	for (c = 0; c < 128; c++)
		s[n++] = (unsigned char)c;
	memcpy(s + n, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9);
	n += 9;
	cr_assert_eq(buf_append(&line, "{\"t\":", 5), 0);
	cr_assert_eq(json_string_encode(&line, s, n), 0);
	cr_assert_eq(buf_putc(&line, '}'), 0);
	cr_assert_eq(json_parse_object(&o, line.p, line.len, &err), 0,
	    "%s at %zu", err.msg, err.offset);
	cr_assert_eq(o.n, 1);
	cr_assert_eq(o.m[0].val_type, JSON_STRING);
	cr_assert_eq(json_string_decode(line.p + o.m[0].val_start,
	    o.m[0].val_end - o.m[0].val_start, &back, &nbad), 0);
	cr_expect_eq(back.len, n);
	cr_expect_eq(memcmp(back.p, s, n), 0);
	cr_expect_eq(nbad, 0);
	buf_free(&line);
	buf_free(&back);
	json_object_free(&o);
}

/* Rewriting */

Test(json, keeps_unknown_members_byte_exact)
{
	static const struct json_edit ed[] = {
		{ "text", 4, U("\"new\""), 5 },
	};

	expect_write("{ \"id\" : 1.0e3, \"big\":123456789012345678901234567890,"
	    "\"caf\\u00e9\":\"\\u00e9\\/\",\"text\":\"old\","
	    "\"meta\":{ \"a\" : [ 1 , -0.0E+10 ] },\"z\":null }", ed, 1,
	    "{\"id\":1.0e3,\"big\":123456789012345678901234567890,"
	    "\"caf\\u00e9\":\"\\u00e9\\/\",\"text\":\"new\","
	    "\"meta\":{ \"a\" : [ 1 , -0.0E+10 ] },\"z\":null}");
}

Test(json, copies_everything_when_there_are_no_edits)
{
	expect_write("{\"b\":2, \"a\":1, \"b\":3}", NULL, 0,
	    "{\"b\":2,\"a\":1,\"b\":3}");
	expect_write(" {} ", NULL, 0, "{}");
}

Test(json, replaced_member_keeps_its_position_and_key_spelling)
{
	static const struct json_edit ed[] = {
		{ "text", 4, U("\"T\""), 3 },
	};

	expect_write("{\"a\":1,\"\\u0074ext\":\"t\",\"b\":2}", ed, 1,
	    "{\"a\":1,\"\\u0074ext\":\"T\",\"b\":2}");
}

Test(json, appends_members_that_are_missing_in_edit_order)
{
	static const struct json_edit ed[] = {
		{ "sentences", 9, U("[[0,3]]"), 7 },
		{ "tokens", 6, U("[]"), 2 },
	};

	expect_write("{\"text\":\"abc\"}", ed, 2,
	    "{\"text\":\"abc\",\"sentences\":[[0,3]],\"tokens\":[]}");
	expect_write("{}", ed, 1, "{\"sentences\":[[0,3]]}");
}

Test(json, encodes_the_names_it_appends)
{
	static const struct json_edit ed[] = {
		{ "a\"b\n", 4, U("1"), 1 },
	};

	expect_write("{}", ed, 1, "{\"a\\\"b\\n\":1}");
}

Test(json, drops_members_and_ignores_drops_of_missing_ones)
{
	static const struct json_edit ed[] = {
		{ "sentences", 9, NULL, 0 },
		{ "tokens", 6, NULL, 0 },
		{ "entities", 8, NULL, 0 },
	};

	expect_write("{\"sentences\":[[0,1]],\"text\":\"a\",\"tokens\":[]}",
	    ed, 3, "{\"text\":\"a\"}");
	expect_write("{\"tokens\":[],\"text\":\"a\"}", ed, 3,
	    "{\"text\":\"a\"}");
	expect_write("{\"tokens\":[]}", ed, 3, "{}");
}

Test(json, writes_an_edited_duplicate_key_once_at_its_last_position)
{
	static const struct json_edit set[] = {
		{ "text", 4, U("\"new\""), 5 },
	};
	static const struct json_edit drop[] = {
		{ "text", 4, NULL, 0 },
	};
	const char	*line =
	    "{\"text\":\"a\",\"x\":1,\"te\\u0078t\":\"b\",\"y\":2}";

	expect_write(line, set, 1,
	    "{\"x\":1,\"te\\u0078t\":\"new\",\"y\":2}");
	expect_write(line, drop, 1, "{\"x\":1,\"y\":2}");
}

Test(json, applies_the_first_of_repeated_edits)
{
	static const struct json_edit ed[] = {
		{ "k", 1, U("1"), 1 },
		{ "k", 1, U("2"), 1 },
	};

	expect_write("{\"k\":0}", ed, 2, "{\"k\":1}");
	expect_write("{}", ed, 2, "{\"k\":1}");
}

Test(json, write_appends_to_what_the_buffer_holds)
{
	struct json_object	 o = JSON_OBJECT_INIT;
	struct json_error	 err;
	struct buf		 out = BUF_INIT;
	const char		*line = "{\"a\":1}";

	cr_assert_eq(parse(&o, line, &err), 0);
	cr_assert_eq(buf_append(&out, "x", 1), 0);
	cr_assert_eq(json_object_write(&out, U(line), &o, NULL, 0), 0);
	cr_expect_eq(out.len, 8);
	cr_expect_eq(memcmp(out.p, "x{\"a\":1}", 8), 0);
	buf_free(&out);
	json_object_free(&o);
}
