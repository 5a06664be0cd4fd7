/*
 * normalize: canonical, clean text (Unicode normalization forms, UAX #15,
 * and the clean-up and rewrites of normalize(1)).  The work is done by
 * common/norm.c; this file reads options and wires records to it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fix.h"
#include "json.h"
#include "norm.h"
#include "opts.h"
#include "output.h"
#include "record.h"

#define PROG "normalize"

enum {
	OPT_ASCII = OPT_FIRST_PRIVATE,
	OPT_BULLETS,
	OPT_DASHES,
	OPT_ELLIPSIS,
	OPT_EXPLAIN,
	OPT_FIX,
	OPT_INVALID,
	OPT_QUOTES,
	OPT_RAW,
	OPT_STRIP_MARKS
};

static const char usage_text[] =
"usage: normalize [-cqsz] [-f form] [-p profile] [--ascii] [--bullets]\n"
"                 [--dashes] [--ellipsis] [--explain] [--field name]\n"
"                 [--fix[=list]] [--invalid=mode] [--json]\n"
"                 [--line-buffered] [--quotes] [--raw] [--strict]\n"
"                 [--strip-marks] [file ...]\n"
"Make text canonical and clean: Unicode normalization and clean-up.\n"
"\n"
"      --ascii          transliterate to ASCII\n"
"      --bullets        make runs of bullets one bullet\n"
"  -c, --casefold       fold case (for matching, not display)\n"
"      --dashes         make dashes and minus signs '-'\n"
"      --ellipsis       make '\xe2\x80\xa6' '...'\n"
"      --explain        with --fix, report each change on standard error\n"
"      --fix[=LIST]     repair broken text: all fixes, or those in LIST of\n"
"                       encoding, entities, ansi, c1, bullets, space, hyphens\n"
"  -f, --form=FORM      nfc (default), nfd, nfkc, nfkd or none\n"
"      --invalid=MODE   invalid UTF-8 bytes: replace (U+FFFD, default) or\n"
"                       cp1252 (read them as Windows-1252)\n"
"  -p, --profile=NAME   safe (default), nlp, search or ascii\n"
"      --quotes         make curly quotes and guillemets straight\n"
"      --raw            no clean-up: keep controls, format characters, CR\n"
"  -s, --squeeze        runs of spaces to one space, no trailing spaces\n"
"      --strip-marks    remove combining marks (accents)\n"
OPTS_COMMON_HELP
"\n"
"With no file, or when file is -, read standard input.\n"
"See normalize(1) and quire(7).\n";

struct options {
	struct opts_common common;
	struct norm_opts norm;
	unsigned	 fix;
	int		 explain;
	int		 invalid_cp1252;
};

/* The fields whose offsets no longer hold once the text has changed. */
static const char *const stale[] = {
	"sentences", "tokens", "graphemes", "paragraphs", "entities",
	"keypoints", "keyphrases", "pos"
};

struct run {
	struct norm	*norm;
	struct fix	*fix;		/* NULL without --fix */
	struct buf	 fixed;		/* fix's output, norm's input */
	struct buf	 out;
	char		 where[4096];	/* --explain: "FILE" or "FILE:LINE" */
	const char	*name;		/* operand of the counts below */
	struct norm_stats stats;
	int		 warned_stale;
};

static void
report_stats(struct run *run)
{
	struct norm_stats s = norm_stats_take(run->norm);

	run->stats.no_ascii += s.no_ascii;
	run->stats.forced_cuts += s.forced_cuts;
}

/* One warning per operand, with counts, never one per character. */
static void
flush_warnings(struct run *run)
{
	report_stats(run);
	if (run->stats.no_ascii > 0)
		diag_warn("%s: %llu character%s ha%s no ASCII form, kept as "
		    "%s", run->name, (unsigned long long)run->stats.no_ascii,
		    run->stats.no_ascii == 1 ? "" : "s",
		    run->stats.no_ascii == 1 ? "s" : "ve",
		    run->stats.no_ascii == 1 ? "it is" : "they are");
	if (run->stats.forced_cuts > 0)
		diag_warn("%s: %llu run%s of combining marks over 32 KiB cut "
		    "without a safe boundary", run->name,
		    (unsigned long long)run->stats.forced_cuts,
		    run->stats.forced_cuts == 1 ? "" : "s");
	memset(&run->stats, 0, sizeof(run->stats));
}

static void
note_operand(struct run *run, const char *name)
{
	if (run->name != NULL && strcmp(run->name, name) != 0)
		flush_warnings(run);
	run->name = name;
}

static void
check(int rc)
{
	if (rc == -1)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
}

/* Appends s[0..n) quoted, with controls and backslashes escaped. */
static int
put_quoted(struct buf *b, const unsigned char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 e[6];
	size_t		 i;
	int		 rc = buf_putc(b, '"');

	for (i = 0; i < n && rc == 0; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			e[0] = '\\';
			e[1] = s[i];
			rc = buf_append(b, e, 2);
		} else if (s[i] == '\n')
			rc = buf_append(b, "\\n", 2);
		else if (s[i] < 0x20 || s[i] == 0x7F) {
			e[0] = '\\';
			e[1] = 'x';
			e[2] = (unsigned char)hex[s[i] >> 4];
			e[3] = (unsigned char)hex[s[i] & 15];
			rc = buf_append(b, e, 4);
		} else if (s[i] == 0xC2 && i + 1 < n && s[i + 1] < 0xA0) {
			/* A C1 control, as \u0080..\u009f. */
			memcpy(e, "\\u00", 4);
			e[4] = (unsigned char)hex[s[i + 1] >> 4];
			e[5] = (unsigned char)hex[s[i + 1] & 15];
			rc = buf_append(b, e, 6);
			i++;
		} else
			rc = buf_putc(b, s[i]);
	}
	return rc == 0 ? buf_putc(b, '"') : rc;
}

/* --explain: 'normalize: FILE: offset N: "old" -> "new" (fix)'. */
static void
explain(void *arg, const struct fix_change *ch)
{
	struct run	*run = arg;
	struct buf	 line = BUF_INIT;

	check(put_quoted(&line, ch->old, ch->old_len));
	check(buf_append(&line, " -> ", 4));
	check(put_quoted(&line, ch->new, ch->new_len));
	fprintf(stderr, "%s: %s: offset %llu: %.*s (%s)\n", PROG, run->where,
	    (unsigned long long)ch->offset, (int)line.len,
	    (const char *)line.p, ch->fix);
	buf_free(&line);
}

/* Feeds s[0..n) through the fixes (if any) and the normalizer. */
static void
feed(struct run *run, const unsigned char *s, size_t n, int end,
    struct buf *out)
{
	if (run->fix != NULL) {
		buf_clear(&run->fixed);
		check(fix_feed(run->fix, s, n, &run->fixed));
		if (end)
			check(fix_finish(run->fix, &run->fixed));
		s = run->fixed.p;
		n = run->fixed.len;
	}
	if (n > 0)
		check(norm_feed(run->norm, s, n, out));
	if (end)
		check(norm_finish(run->norm, out));
}

static void
run_pieces(struct run *run, struct rec_reader *r, int nul)
{
	struct rec_piece pc;

	while (rec_next_piece(r, &pc)) {
		note_operand(run, rec_name(r));
		buf_clear(&run->out);
		snprintf(run->where, sizeof(run->where), "%s", rec_name(r));
		feed(run, pc.p, pc.len, pc.end, &run->out);
		out_write(run->out.p, run->out.len);
		if (pc.end) {
			if (nul)
				out_putc('\0');
			out_end_record();
		}
	}
}

static void
run_json(struct run *run, struct rec_reader *r, const char *field)
{
	struct rec_json	 rec;
	struct buf	 text = BUF_INIT, line = BUF_INIT;
	struct json_edit edits[1 + sizeof(stale) / sizeof(stale[0])];
	size_t		 i, nedits;

	while (rec_next_json(r, &rec)) {
		note_operand(run, rec.name);
		buf_clear(&text);
		snprintf(run->where, sizeof(run->where), "%s:%llu", rec.name,
		    (unsigned long long)rec.lineno);
		feed(run, rec.text, rec.text_len, 1, &text);
		buf_clear(&run->out);
		check(json_string_encode(&run->out, text.p, text.len));
		edits[0].name = field;
		edits[0].name_len = strlen(field);
		edits[0].value = run->out.p;
		edits[0].value_len = run->out.len;
		nedits = 1;
		for (i = 0; i < sizeof(stale) / sizeof(stale[0]); i++) {
			if (json_object_find(rec.obj, rec.line, stale[i],
			    strlen(stale[i])) < 0 || strcmp(stale[i], field) == 0)
				continue;
			if (!run->warned_stale++)
				diag_warn("%s:%llu: dropping \"%s\": its "
				    "offsets do not hold in the new text",
				    rec.name, (unsigned long long)rec.lineno,
				    stale[i]);
			edits[nedits].name = stale[i];
			edits[nedits].name_len = strlen(stale[i]);
			edits[nedits].value = NULL;
			edits[nedits].value_len = 0;
			nedits++;
		}
		buf_clear(&line);
		check(json_object_write(&line, rec.line, rec.obj, edits,
		    nedits));
		check(buf_putc(&line, '\n'));
		out_write(line.p, line.len);
		out_end_record();
	}
	buf_free(&text);
	buf_free(&line);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		OPTS_COMMON_LONG,
		{ "ascii",	no_argument,		NULL,	OPT_ASCII },
		{ "bullets",	no_argument,		NULL,	OPT_BULLETS },
		{ "casefold",	no_argument,		NULL,	'c' },
		{ "dashes",	no_argument,		NULL,	OPT_DASHES },
		{ "ellipsis",	no_argument,		NULL,	OPT_ELLIPSIS },
		{ "explain",	no_argument,		NULL,	OPT_EXPLAIN },
		{ "fix",	optional_argument,	NULL,	OPT_FIX },
		{ "invalid",	required_argument,	NULL,	OPT_INVALID },
		{ "form",	required_argument,	NULL,	'f' },
		{ "profile",	required_argument,	NULL,	'p' },
		{ "quotes",	no_argument,		NULL,	OPT_QUOTES },
		{ "raw",	no_argument,		NULL,	OPT_RAW },
		{ "squeeze",	no_argument,		NULL,	's' },
		{ "strip-marks", no_argument,		NULL,	OPT_STRIP_MARKS },
		{ NULL, 0, NULL, 0 }
	};
	struct options	 o;
	struct rec_reader r;
	struct run	 run;
	const char	*msg, *bad, *form = NULL;
	unsigned	 flags = 0;
	int		 c, status;

	diag_init(PROG);
	opts_common_init(&o.common);
	o.fix = 0;
	o.explain = 0;
	o.invalid_cp1252 = 0;
	norm_profile("safe", &o.norm);
	/* Options after a profile add to it, whatever their order. */
	opterr = 0;
	while ((c = getopt_long(argc, argv, OPTS_COMMON_SHORT "cf:p:s",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			opts_help(usage_text);
		case 'c':
			flags |= NORM_CASEFOLD;
			break;
		case 'f':
			form = optarg;
			break;
		case 'p':
			if (norm_profile(optarg, &o.norm) == -1)
				diag_usage("unknown profile: %s", optarg);
			break;
		case 's':
			flags |= NORM_SQUEEZE;
			break;
		case OPT_ASCII:
			flags |= NORM_ASCII;
			break;
		case OPT_BULLETS:
			flags |= NORM_BULLETS;
			break;
		case OPT_DASHES:
			flags |= NORM_DASHES;
			break;
		case OPT_ELLIPSIS:
			flags |= NORM_ELLIPSIS;
			break;
		case OPT_EXPLAIN:
			o.explain = 1;
			break;
		case OPT_FIX:
			if (optarg == NULL)
				o.fix = FIX_ALL;
			else if (fix_parse(optarg, &o.fix, &bad) == -1)
				diag_usage("unknown fix: %.*s",
				    (int)strcspn(bad, ","), bad);
			break;
		case OPT_INVALID:
			if (strcmp(optarg, "cp1252") == 0)
				o.invalid_cp1252 = 1;
			else if (strcmp(optarg, "replace") == 0)
				o.invalid_cp1252 = 0;
			else
				diag_usage("unknown --invalid mode: %s", optarg);
			break;
		case OPT_QUOTES:
			flags |= NORM_QUOTES;
			break;
		case OPT_RAW:
			flags |= NORM_RAW;
			break;
		case OPT_STRIP_MARKS:
			flags |= NORM_STRIP_MARKS;
			break;
		default:
			if (!opts_common(&o.common, c, optarg))
				opts_bad(c, argv);
		}
	}
	argc -= optind;
	argv += optind;
	o.norm.flags |= flags;
	if (o.fix & FIX_BULLETS)
		o.norm.flags |= NORM_BULLETS;
	if (o.explain && o.fix == 0)
		diag_usage("--explain needs --fix");
	if (form != NULL && norm_form_parse(form, &o.norm.form) == -1)
		diag_usage("unknown form: %s", form);
	if ((msg = norm_opts_check(&o.norm)) != NULL)
		diag_usage("%s", msg);
	opts_common_apply(&o.common);

	memset(&run, 0, sizeof(run));
	if ((run.norm = norm_new(&o.norm)) == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if ((o.fix & ~(unsigned)FIX_BULLETS) != 0 && (run.fix = fix_new(o.fix,
	    o.explain ? explain : NULL, &run)) == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	rec_reader_init(&r, &o.common.rec, argv, argc);
	if (o.invalid_cp1252)
		rec_reader_invalid_cp1252(&r);
	if (o.common.rec.mode == REC_JSON)
		run_json(&run, &r, o.common.rec.field);
	else
		run_pieces(&run, &r, o.common.rec.mode == REC_NUL);
	if (run.name != NULL)
		flush_warnings(&run);
	status = rec_reader_free(&r);
	norm_free(run.norm);
	fix_free(run.fix);
	buf_free(&run.fixed);
	buf_free(&run.out);
	return out_close(status);
}
