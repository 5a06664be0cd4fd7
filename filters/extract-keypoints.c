/*
 * extract-keypoints: the few sentences that carry a news article's key
 * points, picked from the article itself, or with --phrases its key phrases
 * (issue 5).  The scoring lives in common/keypoints.c and
 * common/keyphrases.c; this file reads options, holds one document at a
 * time and writes the picks.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "keyphrases.h"
#include "keypoints.h"
#include "models.h"
#include "opts.h"
#include "output.h"
#include "record.h"
#include "stopwords.h"
#include "tagger.h"
#include "utf8.h"

#define PROG "extract-keypoints"

enum {
	OPT_ABBREV = OPT_FIRST_PRIVATE,
	OPT_BULLETS,
	OPT_CANDIDATES,
	OPT_ENTITIES,
	OPT_EXPLAIN,
	OPT_ORDER,
	OPT_PHRASES,
	OPT_RATIO,
	OPT_SCORES,
	OPT_STOPWORDS,
	OPT_TITLE
};

static const char usage_text[] =
"usage: extract-keypoints [-qz] [-n count] [--abbrev file] [--bullets]\n"
"                         [--candidates=lexicon|nouns|names]\n"
"                         [--entities] [--explain] [--field name] [--json]\n"
"                         [--line-buffered] [--order=doc|score]\n"
"                         [--phrases] [--ratio ratio] [--scores]\n"
"                         [--stopwords file] [--strict] [--title]\n"
"                         [file ...]\n"
"Pick the sentences that carry the key points of each document.\n"
"\n"
"      --abbrev=FILE    add the abbreviations in a YAML file\n"
"      --bullets        prefix each key point with a bullet\n"
"      --candidates=C   with --phrases: lexicon (default): content words\n"
"                       and noun phrases, parts of speech from a lexicon;\n"
"                       nouns: the same by the part-of-speech tagger\n"
"                       (slower); names: words and capitalized names\n"
"      --entities       density counts the names the entity model finds,\n"
"                       not capitalized words (slower)\n"
"      --explain        every sentence with its rank, score and features,\n"
"                       or every candidate phrase with its rank, score,\n"
"                       count and features\n"
"  -n, --count=N        pick N sentences (default 3), or N phrases\n"
"                       (default 10)\n"
"      --order=ORDER    doc (default): in document order; score: best first\n"
"      --phrases        list key phrases, best first, instead of sentences\n"
"      --ratio=R        pick this fraction of the sentences (0 < R <= 1)\n"
"      --scores         prefix each key point with its score and a tab\n"
"      --stopwords=FILE add the stop words in a YAML file\n"
"      --title          the first line of a document is its title\n"
OPTS_COMMON_HELP
"\n"
"With no file, or when file is -, read standard input.  With --json the\n"
"member \"title\", when a string, is the title.\n"
"See extract-keypoints(1) and quire(7).\n";

/* --candidates: where the parts of speech of phrase candidates come from. */
enum candidates { CAND_LEXICON, CAND_NOUNS, CAND_NAMES };

struct options {
	struct opts_common common;
	struct kp_config kp;
	struct kph_config kph;
	int		 bullets;
	int		 entities;
	int		 phrases;
	enum candidates	 candidates;
	int		 candidates_set;
	int		 order_set;
	int		 explain;
	int		 by_score;
	int		 scores;
	int		 title;
};

static void
check(int rc)
{
	if (rc == -1)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
}

/* Writes text on one line: line breaks inside become spaces. */
static void
write_flat(const unsigned char *p, size_t n)
{
	size_t	 i, run = 0;

	for (i = 0; i < n; i++) {
		if (p[i] == '\n' || p[i] == '\r' || p[i] == '\v' ||
		    p[i] == '\f') {
			out_write(p + run, i - run);
			out_putc(' ');
			if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
				i++;
			run = i + 1;
		} else if (p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
			out_write(p + run, i - run);
			out_putc(' ');
			i += 2;
			run = i + 1;
		} else if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0x85) {
			out_write(p + run, i - run);
			out_putc(' ');
			i++;
			run = i + 1;
		}
	}
	out_write(p + run, n - run);
}

static void
write_score(double score)
{
	char	 tmp[64];
	int	 n;

	n = snprintf(tmp, sizeof(tmp), "%.4f\t", score);
	out_write(tmp, (size_t)n);
}

/* The picks in output order, into order[] (room for every pick). */
static size_t
picks_in_order(const struct options *o, const struct kp *k, size_t *order)
{
	const struct kp_sent *s;
	const size_t	*p;
	size_t		 np, ns, i, n = 0;

	p = kp_picks(k, &np);
	if (o->by_score) {
		memcpy(order, p, np * sizeof(*p));
		return np;
	}
	s = kp_sentences(k, &ns);
	for (i = 0; i < ns; i++)
		if (s[i].rank != 0)
			order[n++] = i;
	return n;
}

static void
write_explain(const struct kp *k, const unsigned char *text)
{
	const struct kp_sent *s;
	size_t		 ns, i;
	int		 f, n;
	char		 tmp[64];

	s = kp_sentences(k, &ns);
	for (i = 0; i < ns; i++) {
		if (s[i].rank != 0)
			n = snprintf(tmp, sizeof(tmp), "%zu\t", s[i].rank);
		else
			n = snprintf(tmp, sizeof(tmp), "-\t");
		out_write(tmp, (size_t)n);
		write_score(s[i].score);
		for (f = 0; f < KP_NFEATURES; f++) {
			out_puts(kp_feature_name((enum kp_feature)f));
			n = snprintf(tmp, sizeof(tmp), "=%.4f\t", s[i].f[f]);
			out_write(tmp, (size_t)n);
		}
		write_flat(text + s[i].start, s[i].end - s[i].start);
		out_putc('\n');
	}
}

static void
write_text(const struct options *o, const struct kp *k,
    const unsigned char *text, size_t *order)
{
	const struct kp_sent *s;
	size_t		 ns, n, i;

	if (o->explain) {
		write_explain(k, text);
		return;
	}
	s = kp_sentences(k, &ns);
	n = picks_in_order(o, k, order);
	for (i = 0; i < n; i++) {
		if (o->scores)
			write_score(s[order[i]].score);
		if (o->bullets)
			out_puts("\xe2\x80\xa2 ");
		write_flat(text + s[order[i]].start,
		    s[order[i]].end - s[order[i]].start);
		out_putc('\n');
	}
}

/* Phrase scores are small and lower is better: four significant digits. */
static void
write_phrase_score(double score)
{
	char	 tmp[64];
	int	 n;

	n = snprintf(tmp, sizeof(tmp), "%.4g\t", score);
	out_write(tmp, (size_t)n);
}

static void
write_phrases(const struct options *o, const struct kph *ph)
{
	const struct kph_phrase *c;
	const size_t	*r;
	size_t		 nc, nr, i;
	int		 n, f;
	char		 tmp[64];

	c = kph_candidates(ph, &nc);
	if (o->explain) {
		for (i = 0; i < nc; i++) {
			if (c[i].rank != 0)
				n = snprintf(tmp, sizeof(tmp), "%zu\t",
				    c[i].rank);
			else
				n = snprintf(tmp, sizeof(tmp), "-\t");
			out_write(tmp, (size_t)n);
			write_phrase_score(c[i].score);
			n = snprintf(tmp, sizeof(tmp), "count=%zu\t",
			    c[i].count);
			out_write(tmp, (size_t)n);
			for (f = 0; f < KPH_NFEATURES; f++) {
				out_puts(kph_feature_name(
				    (enum kph_feature)f));
				n = snprintf(tmp, sizeof(tmp), "=%.4g\t",
				    c[i].f[f]);
				out_write(tmp, (size_t)n);
			}
			write_flat(c[i].text, c[i].len);
			out_putc('\n');
		}
		return;
	}
	r = kph_ranked(ph, &nr);
	for (i = 0; i < nr; i++) {
		if (o->scores)
			write_phrase_score(c[r[i]].score);
		if (o->bullets)
			out_puts("\xe2\x80\xa2 ");
		write_flat(c[r[i]].text, c[r[i]].len);
		out_putc('\n');
	}
}

/* The JSON array of key phrases, best first. */
static void
build_phrases_json(const struct options *o, const struct kph *ph,
    struct buf *out)
{
	const struct kph_phrase *c;
	const size_t	*r;
	size_t		 nc, nr, i;
	char		 tmp[64];
	int		 n;

	c = kph_candidates(ph, &nc);
	r = kph_ranked(ph, &nr);
	check(buf_putc(out, '['));
	for (i = 0; i < nr; i++) {
		if (i > 0)
			check(buf_putc(out, ','));
		check(buf_append(out, "{\"text\":", 8));
		check(json_string_encode(out, c[r[i]].text, c[r[i]].len));
		n = snprintf(tmp, sizeof(tmp), ",\"score\":%.4g",
		    c[r[i]].score);
		check(buf_append(out, tmp, (size_t)n));
		if (o->explain) {
			n = snprintf(tmp, sizeof(tmp), ",\"count\":%zu",
			    c[r[i]].count);
			check(buf_append(out, tmp, (size_t)n));
		}
		check(buf_putc(out, '}'));
	}
	check(buf_putc(out, ']'));
}

/* Splits off the first line as the title (--title in text modes). */
static void
split_title(const unsigned char *p, size_t n, size_t *tlen, size_t *body)
{
	const unsigned char *nl;

	if ((nl = memchr(p, '\n', n)) == NULL) {
		*tlen = n;
		*body = n;
		return;
	}
	*body = (size_t)(nl - p) + 1;
	*tlen = *body - 1;
	if (*tlen > 0 && p[*tlen - 1] == '\r')
		(*tlen)--;
}

/* head(1)'s name for standard input. */
static const char *
header_name(const char *name)
{
	return strcmp(name, "<stdin>") == 0 ? "standard input" : name;
}

/*
 * Warns, once an operand, of a document too long for the similarity graph
 * (KP_GRAPH_MAX): most often several articles read as one.
 */
static void
warn_long(const struct rec_reader *r, size_t ns)
{
	static char	*warned;
	const char	*name = rec_name(r);

	if (ns <= KP_GRAPH_MAX || (warned != NULL && strcmp(warned, name) ==
	    0))
		return;
	free(warned);
	warned = xstrdup(name);
	diag_warn("%s: a document of %zu sentences: past the first %d, the "
	    "similarity graph leaves them out (several articles? see -z and "
	    "--json)", name, ns, KP_GRAPH_MAX);
}

static void
run_pieces(struct options *o, struct kp *k, struct kph *ph,
    struct rec_reader *r, int headers)
{
	struct rec_piece pc;
	struct buf	 doc = BUF_INIT;
	size_t		*order = NULL, ocap = 0, tlen = 0, body = 0, ns;
	char		*name = NULL;
	int		 nul = o->common.rec.mode == REC_NUL, docs = 0;

	while (rec_next_piece(r, &pc)) {
		if (headers && name == NULL)
			name = xstrdup(header_name(rec_name(r)));
		check(buf_append(&doc, pc.p, pc.len));
		if (!pc.end)
			continue;
		if (o->title)
			split_title(doc.p, doc.len, &tlen, &body);
		if (ph != NULL)
			check(kph_run(ph, doc.p + body, doc.len - body, doc.p,
			    tlen));
		else {
			check(kp_run(k, doc.p + body, doc.len - body, doc.p,
			    tlen));
			(void)kp_sentences(k, &ns);
			warn_long(r, ns);
			if (ns > ocap) {
				order = xreallocarray(order, ns,
				    sizeof(*order));
				ocap = ns;
			}
		}
		if (headers) {
			if (docs++ > 0)
				out_putc('\n');
			out_puts("==> ");
			out_puts(name);
			out_puts(" <==\n");
			free(name);
			name = NULL;
		}
		if (ph != NULL)
			write_phrases(o, ph);
		else
			write_text(o, k, doc.p + body, order);
		if (nul)
			out_putc('\0');
		out_end_record();
		buf_clear(&doc);
		tlen = body = 0;
	}
	free(name);
	free(order);
	buf_free(&doc);
}

static int
put_num(struct buf *b, const char *fmt, double v)
{
	char	 tmp[64];
	int	 n;

	n = snprintf(tmp, sizeof(tmp), fmt, v);
	return buf_append(b, tmp, (size_t)n);
}

static int
put_offsets(struct buf *b, size_t s, size_t e)
{
	char	 tmp[80];
	int	 n;

	n = snprintf(tmp, sizeof(tmp), "{\"start\":%zu,\"end\":%zu,", s, e);
	return buf_append(b, tmp, (size_t)n);
}

/* The JSON array of key points, offsets in code points. */
static void
build_json(const struct options *o, const struct kp *k,
    const unsigned char *text, size_t *order, struct buf *out)
{
	const struct kp_sent *s, *p;
	size_t		 ns, n, i, cs, ce;
	int		 f;

	s = kp_sentences(k, &ns);
	n = picks_in_order(o, k, order);
	check(buf_putc(out, '['));
	for (i = 0; i < n; i++) {
		p = &s[order[i]];
		if (i > 0)
			check(buf_putc(out, ','));
		cs = utf8_count(text, p->start);
		ce = cs + utf8_count(text + p->start, p->end - p->start);
		check(put_offsets(out, cs, ce));
		check(put_num(out, "\"score\":%.4f,", p->score));
		check(buf_append(out, "\"text\":", 7));
		check(json_string_encode(out, text + p->start,
		    p->end - p->start));
		if (o->explain) {
			check(buf_append(out, ",\"features\":{", 13));
			for (f = 0; f < KP_NFEATURES; f++) {
				check(put_num(out, f == 0 ? "\"" : ",\"", 0));
				check(buf_append(out,
				    kp_feature_name((enum kp_feature)f),
				    strlen(kp_feature_name(
				    (enum kp_feature)f))));
				check(put_num(out, "\":%.4f", p->f[f]));
			}
			check(buf_putc(out, '}'));
		}
		check(buf_putc(out, '}'));
	}
	check(buf_putc(out, ']'));
}

static void
run_json(struct options *o, struct kp *k, struct kph *ph,
    struct rec_reader *r)
{
	struct rec_json	 rec;
	struct buf	 line = BUF_INIT, val = BUF_INIT, title = BUF_INIT;
	struct json_edit edit;
	const struct json_member *m;
	size_t		*order = NULL, ocap = 0, ns, nbad;
	long		 ti;

	while (rec_next_json(r, &rec)) {
		buf_clear(&title);
		ti = json_object_find(rec.obj, rec.line, "title", 5);
		if (ti >= 0 && rec.obj->m[ti].val_type == JSON_STRING) {
			m = &rec.obj->m[ti];
			nbad = 0;
			check(json_string_decode(rec.line + m->val_start,
			    m->val_end - m->val_start, &title, &nbad));
		}
		buf_clear(&val);
		if (ph != NULL) {
			check(kph_run(ph, rec.text, rec.text_len, title.p,
			    title.len));
			build_phrases_json(o, ph, &val);
			edit.name = "keyphrases";
		} else {
			check(kp_run(k, rec.text, rec.text_len, title.p,
			    title.len));
			(void)kp_sentences(k, &ns);
			warn_long(r, ns);
			if (ns > ocap) {
				order = xreallocarray(order, ns,
				    sizeof(*order));
				ocap = ns;
			}
			build_json(o, k, rec.text, order, &val);
			edit.name = "keypoints";
		}
		edit.name_len = strlen(edit.name);
		edit.value = val.p;
		edit.value_len = val.len;
		buf_clear(&line);
		check(json_object_write(&line, rec.line, rec.obj, &edit, 1));
		check(buf_putc(&line, '\n'));
		out_write(line.p, line.len);
		out_end_record();
	}
	free(order);
	buf_free(&line);
	buf_free(&val);
	buf_free(&title);
}

static struct stopwords *
load_stopwords(char **files, size_t nfiles)
{
	struct stopwords *sw;
	struct lex_error err;
	size_t		 i;
	int		 rc;

	if ((sw = stop_new()) == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if ((rc = stop_load_builtin(sw, &err)) != 0)
		opts_lex_fatal("stop words", NULL, rc, &err);
	for (i = 0; i < nfiles; i++)
		if ((rc = stop_load_file(sw, files[i], &err)) != 0)
			opts_lex_fatal("stop words", files[i], rc, &err);
	return sw;
}

/* A built-in model (models.h) of the given kind, loaded or fatal. */
static struct tag_model *
load_model(const unsigned char *(*get)(size_t *), const char *kind)
{
	struct tag_model *m;
	const unsigned char *p;
	char		 err[200];
	size_t		 n;
	int		 rc;

	p = get(&n);
	if ((rc = tag_model_load_builtin(&m, p, n, NULL, err,
	    sizeof(err))) == -2)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if (rc != 0)
		diag_fatal(DIAG_EXIT_DATA, "built-in %s model: %s", kind, err);
	return m;
}

static double
parse_ratio(const char *s)
{
	double	 v;
	char	*end;

	errno = 0;
	v = strtod(s, &end);
	if (*end != '\0' || end == s || errno != 0 || !(v > 0 && v <= 1))
		diag_usage("invalid ratio: %s", s);
	return v;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		OPTS_COMMON_LONG,
		{ "abbrev",	required_argument,	NULL,	OPT_ABBREV },
		{ "bullets",	no_argument,		NULL,	OPT_BULLETS },
		{ "candidates",	required_argument,	NULL,	OPT_CANDIDATES },
		{ "entities",	no_argument,		NULL,	OPT_ENTITIES },
		{ "count",	required_argument,	NULL,	'n' },
		{ "explain",	no_argument,		NULL,	OPT_EXPLAIN },
		{ "order",	required_argument,	NULL,	OPT_ORDER },
		{ "phrases",	no_argument,		NULL,	OPT_PHRASES },
		{ "ratio",	required_argument,	NULL,	OPT_RATIO },
		{ "scores",	no_argument,		NULL,	OPT_SCORES },
		{ "stopwords",	required_argument,	NULL,	OPT_STOPWORDS },
		{ "title",	no_argument,		NULL,	OPT_TITLE },
		{ NULL, 0, NULL, 0 }
	};
	struct options	 o;
	struct rec_reader r;
	struct abbrev	*abbrev;
	struct stopwords *stop;
	struct kp	*k = NULL;
	struct kph	*ph = NULL;
	struct tag_model *pos = NULL;
	struct tag_model *ner = NULL;
	char		**abbrev_files, **stop_files;
	size_t		 nabbrev = 0, nstop = 0;
	int		 c, status;

	diag_init(PROG);
	memset(&o, 0, sizeof(o));
	o.candidates = CAND_LEXICON;
	opts_common_init(&o.common);
	kp_config_init(&o.kp);
	kph_config_init(&o.kph);
	abbrev_files = xreallocarray(NULL, (size_t)argc + 1,
	    sizeof(*abbrev_files));
	stop_files = xreallocarray(NULL, (size_t)argc + 1,
	    sizeof(*stop_files));
	opterr = 0;
	while ((c = getopt_long(argc, argv, OPTS_COMMON_SHORT "n:",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			opts_help(usage_text);
		case 'n':
			o.kp.n = o.kph.n = opts_size("count", optarg, 1,
			    SIZE_MAX / 16);
			o.kp.ratio = 0;
			break;
		case OPT_ABBREV:
			abbrev_files[nabbrev++] = optarg;
			break;
		case OPT_BULLETS:
			o.bullets = 1;
			break;
		case OPT_CANDIDATES:
			if (strcmp(optarg, "nouns") == 0)
				o.candidates = CAND_NOUNS;
			else if (strcmp(optarg, "names") == 0)
				o.candidates = CAND_NAMES;
			else if (strcmp(optarg, "lexicon") == 0)
				o.candidates = CAND_LEXICON;
			else
				diag_usage("unknown candidates: %s", optarg);
			o.candidates_set = 1;
			break;
		case OPT_ENTITIES:
			o.entities = 1;
			break;
		case OPT_EXPLAIN:
			o.explain = 1;
			break;
		case OPT_ORDER:
			if (strcmp(optarg, "doc") == 0)
				o.by_score = 0;
			else if (strcmp(optarg, "score") == 0)
				o.by_score = 1;
			else
				diag_usage("unknown order: %s", optarg);
			o.order_set = 1;
			break;
		case OPT_PHRASES:
			o.phrases = 1;
			break;
		case OPT_RATIO:
			o.kp.ratio = parse_ratio(optarg);
			break;
		case OPT_SCORES:
			o.scores = 1;
			break;
		case OPT_STOPWORDS:
			stop_files[nstop++] = optarg;
			break;
		case OPT_TITLE:
			o.title = 1;
			break;
		default:
			if (!opts_common(&o.common, c, optarg))
				opts_bad(c, argv);
		}
	}
	argc -= optind;
	argv += optind;
	/* Phrases come best first, and a ratio of sentences means nothing
	 * for them: better an error than an option silently ignored. */
	if (o.phrases && o.kp.ratio > 0)
		diag_usage("--ratio does not apply to --phrases");
	if (o.phrases && o.order_set)
		diag_usage("--order does not apply to --phrases");
	if (o.phrases && o.entities)
		diag_usage("--entities does not apply to --phrases");
	if (!o.phrases && o.candidates_set)
		diag_usage("--candidates applies to --phrases only");
	opts_common_apply(&o.common);
	abbrev = opts_load_abbrev(abbrev_files, nabbrev);
	stop = load_stopwords(stop_files, nstop);
	o.kp.abbrev = abbrev;
	o.kp.stop = stop;
	o.kph.abbrev = abbrev;
	o.kph.stop = stop;
	if (o.entities)
		o.kp.ner = ner = load_model(models_ner, "entity");
	if (o.phrases) {
		o.kph.lexicon = o.candidates == CAND_LEXICON;
		if (o.candidates == CAND_NOUNS)
			o.kph.tagger = pos = load_model(models_pos,
			    "part-of-speech");
		ph = kph_new(&o.kph);
	}
	else
		k = kp_new(&o.kp);
	if (k == NULL && ph == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	rec_reader_init(&r, &o.common.rec, argv, argc);
	if (o.common.rec.mode == REC_JSON)
		run_json(&o, k, ph, &r);
	else
		run_pieces(&o, k, ph, &r, o.common.rec.mode == REC_TEXT &&
		    argc > 1);
	status = rec_reader_free(&r);
	kp_free(k);
	kph_free(ph);
	tag_model_free(ner);
	tag_model_free(pos);
	stop_free(stop);
	abbrev_free(abbrev);
	free(abbrev_files);
	free(stop_files);
	return out_close(status);
}
