/*
 * segment: sentences, words, graphemes or paragraphs, one a line.  English
 * news rules by default, Unicode's UAX #29 rules with --scheme=uax29.  The
 * work is done by common/seg.c; this file reads options and writes units.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "opts.h"
#include "output.h"
#include "record.h"
#include "seg.h"
#include "utf8.h"

#define PROG "segment"

/* The smallest text window, in bytes (see seg.h). */
#define SEG_MIN_WINDOW	4096

enum {
	OPT_ABBREV = OPT_FIRST_PRIVATE,
	OPT_OFFSETS,
	OPT_PARAGRAPHS,
	OPT_SCHEME
};

static const char usage_text[] =
"usage: segment [-qz] [-f format] [-u unit] [--abbrev file] [--field name]\n"
"               [--json] [--line-buffered] [--offsets[=chars|bytes]]\n"
"               [--paragraphs=blank|newline] [--scheme=news|uax29]\n"
"               [--strict] [file ...]\n"
"Cut text into sentences (default), words, graphemes or paragraphs.\n"
"\n"
"      --abbrev=FILE    add the abbreviations in a YAML file\n"
"  -f, --format=FMT     lines (default) or vertical: a token a line\n"
"      --offsets[=UNIT] prefix start and end, in chars (default) or bytes\n"
"      --paragraphs=HOW blank (default): an empty line ends a paragraph;\n"
"                       newline: every line break does\n"
"      --scheme=NAME    news (default) or uax29: Unicode's rules\n"
"  -u, --unit=UNIT      sentence (default), word, grapheme or paragraph\n"
OPTS_COMMON_HELP
"\n"
"With no file, or when file is -, read standard input.\n"
"See segment(1) and quire(7).\n";

enum offsets {
	OFFSETS_NONE,
	OFFSETS_CHARS,
	OFFSETS_BYTES
};

struct options {
	struct opts_common common;
	struct seg_config seg;
	int		 vertical;
	enum offsets	 offsets;
};

/* The state of one output record. */
struct writer {
	const struct options *o;
	size_t		 units;		/* units written in this record */
	size_t		 cur_byte;	/* a known byte/char pair, to turn */
	size_t		 cur_char;	/*   byte offsets into code points */
	struct buf	 json;		/* JSON: the members being built */
	struct buf	 toks;
	size_t		 ntoks;
};

/* Converts document byte offset b (in the item's window) to code points. */
static size_t
to_chars(struct writer *w, const struct seg_item *it, size_t b)
{
	if (w->cur_byte < it->off || w->cur_byte > b) {
		w->cur_byte = it->off;
		w->cur_char = it->off_chars;
	}
	w->cur_char += utf8_count(it->win + (w->cur_byte - it->off),
	    b - w->cur_byte);
	w->cur_byte = b;
	return w->cur_char;
}

static void
offsets_of(struct writer *w, const struct seg_item *it, size_t start,
    size_t end, size_t *s, size_t *e)
{
	if (w->o->offsets == OFFSETS_BYTES) {
		*s = it->off + start;
		*e = it->off + end;
		return;
	}
	*s = to_chars(w, it, it->off + start);
	*e = to_chars(w, it, it->off + end);
}

static void
write_prefix(struct writer *w, const struct seg_item *it, size_t start,
    size_t end)
{
	size_t	 s, e;
	char	 tmp[64];
	int	 n;

	if (w->o->offsets == OFFSETS_NONE)
		return;
	offsets_of(w, it, start, end, &s, &e);
	n = snprintf(tmp, sizeof(tmp), "%zu\t%zu\t", s, e);
	out_write(tmp, (size_t)n);
}

static int
emit_text(void *arg, const struct seg_item *it)
{
	struct writer	*w = arg;
	size_t		 i;

	if (it->para_start && w->units > 0 && !w->o->vertical)
		out_putc('\n');
	w->units++;
	if (w->o->vertical) {
		for (i = 0; i < it->ntoks; i++) {
			write_prefix(w, it, it->toks[i].start, it->toks[i].end);
			out_write_flat(it->win + it->toks[i].start,
			    it->toks[i].end - it->toks[i].start);
			out_putc('\n');
		}
		out_putc('\n');
		return 0;
	}
	write_prefix(w, it, it->start, it->end);
	if (w->o->seg.unit == SEG_WORD) {
		for (i = 0; i < it->ntoks; i++) {
			if (i > 0)
				out_putc(' ');
			out_write_flat(it->win + it->toks[i].start,
			    it->toks[i].end - it->toks[i].start);
		}
	} else
		out_write_flat(it->win + it->start, it->end - it->start);
	out_putc('\n');
	return 0;
}

static int
put_pair(struct buf *b, size_t s, size_t e, int first)
{
	char	 tmp[64];
	int	 n;

	n = snprintf(tmp, sizeof(tmp), "%s[%zu,%zu]", first ? "" : ",", s, e);
	return buf_append(b, tmp, (size_t)n);
}

static int
emit_json(void *arg, const struct seg_item *it)
{
	struct writer	*w = arg;
	size_t		 s, e, i;

	offsets_of(w, it, it->start, it->end, &s, &e);
	if (put_pair(&w->json, s, e, w->units++ == 0) == -1)
		return -1;
	for (i = 0; i < it->ntoks; i++) {
		offsets_of(w, it, it->toks[i].start, it->toks[i].end, &s, &e);
		if (put_pair(&w->toks, s, e, w->ntoks++ == 0) == -1)
			return -1;
	}
	return 0;
}

static void
check(int rc)
{
	if (rc == -1)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
}

static void
writer_reset(struct writer *w)
{
	w->units = 0;
	w->cur_byte = 0;
	w->cur_char = 0;
	w->ntoks = 0;
	buf_clear(&w->json);
	buf_clear(&w->toks);
}

static void
run_pieces(struct options *o, struct seg *g, struct rec_reader *r)
{
	struct rec_piece pc;
	struct writer	 w;
	size_t		 docs = 0;
	int		 nul = o->common.rec.mode == REC_NUL;

	memset(&w, 0, sizeof(w));
	w.o = o;
	while (rec_next_piece(r, &pc)) {
		/* Documents in text mode are apart by an empty line. */
		if (!nul && w.units == 0 && docs > 0 && pc.len > 0)
			w.units = 1;
		check(seg_feed(g, pc.p, pc.len, emit_text, &w));
		if (!pc.end)
			continue;
		check(seg_finish(g, emit_text, &w));
		if (nul)
			out_putc('\0');
		out_end_record();
		if (w.units > 0)
			docs++;
		writer_reset(&w);
	}
	buf_free(&w.json);
	buf_free(&w.toks);
}

static void
run_json(struct options *o, struct seg *g, struct rec_reader *r)
{
	static const char *const names[] = {
		[SEG_SENTENCE] = "sentences", [SEG_WORD] = "sentences",
		[SEG_GRAPHEME] = "graphemes", [SEG_PARAGRAPH] = "paragraphs",
	};
	struct rec_json	 rec;
	struct writer	 w;
	struct buf	 line = BUF_INIT;
	struct json_edit edits[2];
	size_t		 nedits;

	memset(&w, 0, sizeof(w));
	w.o = o;
	while (rec_next_json(r, &rec)) {
		writer_reset(&w);
		check(buf_putc(&w.json, '['));
		check(buf_putc(&w.toks, '['));
		check(seg_feed(g, rec.text, rec.text_len, emit_json, &w));
		check(seg_finish(g, emit_json, &w));
		check(buf_putc(&w.json, ']'));
		check(buf_putc(&w.toks, ']'));
		edits[0].name = names[o->seg.unit];
		edits[0].name_len = strlen(names[o->seg.unit]);
		edits[0].value = w.json.p;
		edits[0].value_len = w.json.len;
		nedits = 1;
		if (o->seg.unit == SEG_WORD) {
			edits[1].name = "tokens";
			edits[1].name_len = strlen("tokens");
			edits[1].value = w.toks.p;
			edits[1].value_len = w.toks.len;
			nedits = 2;
		}
		buf_clear(&line);
		check(json_object_write(&line, rec.line, rec.obj, edits,
		    nedits));
		check(buf_putc(&line, '\n'));
		out_write(line.p, line.len);
		out_end_record();
	}
	buf_free(&w.json);
	buf_free(&w.toks);
	buf_free(&line);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		OPTS_COMMON_LONG,
		{ "abbrev",	required_argument,	NULL,	OPT_ABBREV },
		{ "format",	required_argument,	NULL,	'f' },
		{ "offsets",	optional_argument,	NULL,	OPT_OFFSETS },
		{ "paragraphs",	required_argument,	NULL,	OPT_PARAGRAPHS },
		{ "scheme",	required_argument,	NULL,	OPT_SCHEME },
		{ "unit",	required_argument,	NULL,	'u' },
		{ NULL, 0, NULL, 0 }
	};
	struct options	 o;
	struct rec_reader r;
	struct abbrev	*abbrev;
	struct seg	*g;
	char		**abbrev_files;
	size_t		 nabbrev = 0;
	int		 c, status, unit_set = 0;

	diag_init(PROG);
	memset(&o, 0, sizeof(o));
	opts_common_init(&o.common);
	o.seg.unit = SEG_SENTENCE;
	o.seg.scheme = SEG_NEWS;
	abbrev_files = xreallocarray(NULL, (size_t)argc + 1,
	    sizeof(*abbrev_files));
	opterr = 0;
	while ((c = getopt_long(argc, argv, OPTS_COMMON_SHORT "f:u:",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			opts_help(usage_text);
		case 'f':
			if (strcmp(optarg, "vertical") == 0)
				o.vertical = 1;
			else if (strcmp(optarg, "lines") == 0)
				o.vertical = 0;
			else
				diag_usage("unknown format: %s", optarg);
			break;
		case 'u':
			if (seg_unit_parse(optarg, &o.seg.unit) == -1)
				diag_usage("unknown unit: %s", optarg);
			unit_set = 1;
			break;
		case OPT_ABBREV:
			abbrev_files[nabbrev++] = optarg;
			break;
		case OPT_OFFSETS:
			if (optarg == NULL || strcmp(optarg, "chars") == 0)
				o.offsets = OFFSETS_CHARS;
			else if (strcmp(optarg, "bytes") == 0)
				o.offsets = OFFSETS_BYTES;
			else
				diag_usage("unknown offsets: %s", optarg);
			break;
		case OPT_PARAGRAPHS:
			if (strcmp(optarg, "newline") == 0)
				o.seg.newline_paragraphs = 1;
			else if (strcmp(optarg, "blank") == 0)
				o.seg.newline_paragraphs = 0;
			else
				diag_usage("unknown paragraphs: %s", optarg);
			break;
		case OPT_SCHEME:
			if (seg_scheme_parse(optarg, &o.seg.scheme) == -1)
				diag_usage("unknown scheme: %s", optarg);
			break;
		default:
			if (!opts_common(&o.common, c, optarg))
				opts_bad(c, argv);
		}
	}
	argc -= optind;
	argv += optind;
	/* -f vertical is a token a line: words. */
	if (o.vertical) {
		if (unit_set && o.seg.unit != SEG_WORD)
			diag_usage("-f vertical needs -u word");
		o.seg.unit = SEG_WORD;
	}
	opts_common_apply(&o.common);
	abbrev = opts_load_abbrev(abbrev_files, nabbrev);
	o.seg.abbrev = abbrev;
	/* JSON holds a record whole; text streams in a window. */
	o.seg.window = o.common.rec.mode == REC_JSON ? SIZE_MAX / 4 :
	    16 * o.common.rec.chunk_size;
	/* Tiny reads (tests) must not make sentences too long for the
	 * window: a floor keeps the output what it would be otherwise. */
	if (o.seg.window < SEG_MIN_WINDOW)
		o.seg.window = SEG_MIN_WINDOW;
	if ((g = seg_new(&o.seg)) == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	rec_reader_init(&r, &o.common.rec, argv, argc);
	if (o.common.rec.mode == REC_JSON)
		run_json(&o, g, &r);
	else
		run_pieces(&o, g, &r);
	status = rec_reader_free(&r);
	seg_free(g);
	abbrev_free(abbrev);
	free(abbrev_files);
	return out_close(status);
}
