/*
 * Unit tests for common/record.c: the three record modes over files, with
 * read chunks small enough to split every sequence and separator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>
#include <criterion/redirect.h>

#include "buf.h"
#include "diag.h"
#include "record.h"

static char dir[] = "/tmp/quire-test-record-XXXXXX";
static char *paths[8];		/* made by path_of, freed by teardown */
static size_t npaths;

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir));
	diag_init("test");
}

static void
teardown(void)
{
	char	 cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
	while (npaths > 0)
		free(paths[--npaths]);
}

/* Returns dir/name, valid until teardown. */
static char *
path_of(const char *name)
{
	size_t	 n = strlen(dir) + strlen(name) + 2;
	char	*path = malloc(n);

	cr_assert_not_null(path);
	cr_assert_lt(npaths, sizeof(paths) / sizeof(paths[0]));
	paths[npaths++] = path;
	snprintf(path, n, "%s/%s", dir, name);
	return path;
}

/* Writes n bytes to a file in the test directory; returns its path. */
static char *
file(const char *name, const char *s, size_t n)
{
	char	*path = path_of(name);
	FILE	*fp;

	cr_assert_not_null(fp = fopen(path, "wb"));
	cr_assert_eq(fwrite(s, 1, n, fp), n);
	cr_assert_eq(fclose(fp), 0);
	return path;
}

/* Reads all records in pieces; returns them joined with '|' after each. */
static int
read_all(enum rec_mode mode, int strict, size_t chunk, char **files, int n,
    struct buf *got)
{
	struct rec_config cfg = { mode, 0, "text", strict, chunk };
	struct rec_reader r;
	struct rec_piece pc;

	buf_clear(got);
	rec_reader_init(&r, &cfg, files, n);
	while (rec_next_piece(&r, &pc)) {
		buf_append(got, pc.p, pc.len);
		if (pc.end)
			buf_putc(got, '|');
	}
	buf_putc(got, '\0');
	return rec_reader_free(&r);
}

TestSuite(record, .init = setup, .fini = teardown);

Test(record, gives_one_text_record_per_file_whatever_the_chunk)
{
	char		*files[3];
	struct buf	 got = BUF_INIT;
	size_t		 chunk;

	files[0] = file("a", "caf\xC3\xA9\n", 6);
	files[1] = file("b", "", 0);
	files[2] = file("c", "\xF0\x9F\x98\x80", 4);
	for (chunk = 1; chunk <= 8; chunk++) {
		cr_assert_eq(read_all(REC_TEXT, 0, chunk, files, 3, &got), 0);
		cr_assert_str_eq((char *)got.p,
		    "caf\xC3\xA9\n||\xF0\x9F\x98\x80|", "chunk %zu", chunk);
	}
	buf_free(&got);
}

Test(record, splits_nul_records_across_chunks_and_files)
{
	char		*files[2];
	struct buf	 got = BUF_INIT;
	size_t		 chunk;

	files[0] = file("a", "one\0two\0\0thr", 12);
	files[1] = file("b", "ee", 2);
	for (chunk = 1; chunk <= 13; chunk++) {
		cr_assert_eq(read_all(REC_NUL, 0, chunk, files, 2, &got), 0);
		cr_assert_str_eq((char *)got.p, "one|two||thr|ee|",
		    "chunk %zu", chunk);
	}
	buf_free(&got);
}

Test(record, gives_no_nul_record_for_empty_input)
{
	char		*files[1];
	struct buf	 got = BUF_INIT;

	files[0] = file("a", "", 0);
	cr_assert_eq(read_all(REC_NUL, 0, 4, files, 1, &got), 0);
	cr_assert_str_eq((char *)got.p, "");
	buf_free(&got);
}

Test(record, reports_a_missing_file_and_goes_on)
{
	char		*files[3];
	struct buf	 got = BUF_INIT;

	cr_redirect_stderr();
	files[0] = file("a", "A", 1);
	files[1] = path_of("missing");
	files[2] = file("c", "C", 1);
	cr_assert_eq(read_all(REC_TEXT, 0, 64, files, 3, &got), 1);
	cr_assert_str_eq((char *)got.p, "A|C|");
	fflush(stderr);
	buf_free(&got);
}

Test(record, repairs_bad_utf8_split_across_chunks_and_warns_once)
{
	char		*files[1];
	struct buf	 got = BUF_INIT;
	char		 want[256];

	cr_redirect_stderr();
	files[0] = file("a", "ab\xE2\x82" "cd\xFF", 7);
	cr_assert_eq(read_all(REC_TEXT, 0, 3, files, 1, &got), 0);
	cr_assert_str_eq((char *)got.p, "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD|");
	fflush(stderr);
	snprintf(want, sizeof(want), "test: warning: %s: 2 invalid UTF-8 "
	    "sequences replaced, the first at byte 2\n", files[0]);
	cr_assert_stderr_eq_str(want);
	buf_free(&got);
}

Test(record, stops_the_file_at_bad_utf8_when_strict)
{
	char		*files[2];
	struct buf	 got = BUF_INIT;

	cr_redirect_stderr();
	files[0] = file("a", "ok\x80rest", 7);
	files[1] = file("b", "next", 4);
	cr_assert_eq(read_all(REC_TEXT, 1, 2, files, 2, &got), 1);
	cr_assert_str_eq((char *)got.p, "ok|next|");
	buf_free(&got);
}

Test(record, reads_json_lines_and_skips_bad_ones)
{
	static const char lines[] =
	    "{\"id\":1,\"text\":\"caf\\u00e9\"}\n"
	    "\n"
	    "{\"id\":2,\"text\":\n"
	    "{\"id\":3}\n"
	    "{\"id\":4,\"text\":5}\n"
	    "  {\"text\":\"last\"}";
	char		*files[1];
	struct rec_config cfg = { REC_JSON, 0, "text", 0, 64 };
	struct rec_reader r;
	struct rec_json	 rec;

	cr_redirect_stderr();
	files[0] = file("a.jsonl", lines, sizeof(lines) - 1);
	rec_reader_init(&r, &cfg, files, 1);
	cr_assert_eq(rec_next_json(&r, &rec), 1);
	cr_assert_eq(rec.lineno, 1);
	cr_assert_eq(rec.text_len, 5);
	cr_assert(memcmp(rec.text, "caf\xC3\xA9", 5) == 0);
	cr_assert_eq(rec_next_json(&r, &rec), 1);
	cr_assert_eq(rec.lineno, 6);
	cr_assert_eq(rec.text_len, 4);
	cr_assert_eq(rec_next_json(&r, &rec), 0);
	cr_assert_eq(rec_reader_free(&r), 1);
}
