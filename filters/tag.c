/*
 * tag: named entities (PER ORG LOC MISC from a trained model; MONEY PERCENT
 * DATE TIME QUANTITY ORDINAL CARDINAL by rules; user gazetteers over both)
 * and, with --pos, Universal Dependencies parts of speech.  Sentences and
 * tokens come from the segment engine (common/seg.c), so `tag` sees the
 * text exactly as `segment -u word` cuts it.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abbrev.h"
#include "buf.h"
#include "clusters.h"
#include "diag.h"
#include "entity.h"
#include "gazetteer.h"
#include "json.h"
#include "models.h"
#include "opts.h"
#include "output.h"
#include "record.h"
#include "seg.h"
#include "tagger.h"
#include "utf8.h"

#define PROG "tag"

/* The default --window: document evidence over at most 1 MiB of text. */
#define WINDOW_DEFAULT	1048576

enum {
	OPT_ACCURATE = OPT_FIRST_PRIVATE,
	OPT_GAZETTEER,
	OPT_MODEL_NER,
	OPT_MODEL_POS,
	OPT_OFFSETS,
	OPT_POS,
	OPT_SUMMARY,
	OPT_WINDOW
};

static const char usage_text[] =
"usage: tag [-qz] [-f format] [-i input] [--accurate] [--field name]\n"
"           [--gazetteer file] [--json] [--line-buffered] [--model-ner file]\n"
"           [--model-pos file] [--offsets[=chars|bytes]] [--pos] [--strict]\n"
"           [--summary] [--window bytes] [file ...]\n"
"Mark named entities and numeric expressions, and parts of speech.\n"
"\n"
"      --accurate       the two-stage entity model (half as fast)\n"
"  -f, --format=FMT     inline (default), spans or conll\n"
"      --gazetteer=FILE add the names in a YAML gazetteer\n"
"  -i, --input=KIND     text (default); tokens: a sentence a line, tokens\n"
"                       apart by spaces; vertical: a token a line\n"
"      --model-ner=FILE use this entity model, not the built-in one\n"
"      --model-pos=FILE use this part-of-speech model\n"
"      --offsets[=UNIT] spans and JSON offsets in chars (default) or bytes\n"
"      --pos            tag parts of speech (UPOS) too\n"
"      --summary        per document, each entity and its count\n"
"      --window=BYTES   read document evidence over at most BYTES of\n"
"                       text, cut at a paragraph (1048576; 0: no limit)\n"
OPTS_COMMON_HELP
"\n"
"With no file, or when file is -, read standard input.\n"
"See tag(1) and quire(7).\n";

enum input { IN_TEXT, IN_TOKENS, IN_VERTICAL };
enum format { FMT_INLINE, FMT_SPANS, FMT_CONLL };

struct options {
	struct opts_common common;
	enum input	 input;
	enum format	 format;
	int		 pos;
	int		 summary;
	int		 bytes;		/* --offsets=bytes */
	size_t		 window;	/* --window; 0: none */
};

/* One entity seen in a document, for --summary. */
struct seen {
	char		*text;
	size_t		 len;
	enum ent_type	 type;
	size_t		 count, first;
};

/*
 * One window of a document: the NER model reads evidence from all of it
 * (the same name written elsewhere in the article).  A document longer
 * than --window bytes is tagged a window at a time (see window_cut), so
 * that memory stays bounded; text holds the window and what has been read
 * after it.  Tokens are byte offsets into text; sentences are runs of
 * tokens.
 */
struct doc {
	struct buf	 text;
	size_t		*tstart, *tend;
	size_t		 ntok, captok;
	size_t		*sfirst, *sn;
	unsigned char	*spara;		/* the sentence begins a paragraph */
	size_t		 nsent, capsent;
	int		 next_para;	/* the next sentence does */
	size_t		*dbreak;	/* -DOCSTART-: sentences that begin */
	size_t		 ndbreak, capdbreak;	/*   a new document */
	/* Filled by tag_doc. */
	const unsigned char **words;
	size_t		*lens;
	int		*posc, *nerc;
	struct tag_sentence *sents;
	size_t		 capw, caps;
};

struct tagger_state {
	const struct options *o;
	struct tag_model *pos, *ner;
	struct gaz	*gaz;
	struct tag_work	*wpos, *wner;
	struct doc	 d;
	struct ent_vec	 ents, extra;
	struct ent_people people;	/* of the document so far */
	size_t		 cur_byte, cur_char;	/* byte -> char cursor */
	size_t		 base_byte, base_char;	/* the window in the record */
	int		 continued;	/* the window goes on a record */
	size_t		 written;	/* document bytes written (inline) */
	struct buf	 json_ents, json_pos;
	size_t		 nents, npos;
	struct seen	*seen;
	size_t		 nseen, capseen, order;
};

static void
check(int rc)
{
	if (rc == -1)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
}

static void
add_token(struct doc *d, size_t start, size_t end)
{
	if (d->ntok == d->captok) {
		d->captok = d->captok ? d->captok * 2 : 1024;
		d->tstart = xreallocarray(d->tstart, d->captok,
		    sizeof(*d->tstart));
		d->tend = xreallocarray(d->tend, d->captok, sizeof(*d->tend));
	}
	d->tstart[d->ntok] = start;
	d->tend[d->ntok] = end;
	d->ntok++;
}

/* Ends a sentence at the current token count, if it has tokens. */
static void
end_sentence(struct doc *d)
{
	size_t	 first = d->nsent > 0 ? d->sfirst[d->nsent - 1] +
	    d->sn[d->nsent - 1] : 0;

	if (d->ntok == first)
		return;
	if (d->nsent == d->capsent) {
		d->capsent = d->capsent ? d->capsent * 2 : 128;
		d->sfirst = xreallocarray(d->sfirst, d->capsent,
		    sizeof(*d->sfirst));
		d->sn = xreallocarray(d->sn, d->capsent, sizeof(*d->sn));
		d->spara = xreallocarray(d->spara, d->capsent,
		    sizeof(*d->spara));
	}
	d->sfirst[d->nsent] = first;
	d->sn[d->nsent] = d->ntok - first;
	d->spara[d->nsent] = (unsigned char)d->next_para;
	d->next_para = 0;
	d->nsent++;
}

/* The next sentence begins a new document (-DOCSTART-). */
static void
doc_break(struct doc *d)
{
	if (d->ndbreak == d->capdbreak) {
		d->capdbreak = d->capdbreak ? d->capdbreak * 2 : 16;
		d->dbreak = xreallocarray(d->dbreak, d->capdbreak,
		    sizeof(*d->dbreak));
	}
	d->dbreak[d->ndbreak++] = d->nsent;
}

static void
doc_clear(struct doc *d)
{
	buf_clear(&d->text);
	d->ntok = d->nsent = d->ndbreak = 0;
}

static void
doc_free(struct doc *d)
{
	buf_free(&d->text);
	free(d->tstart);
	free(d->tend);
	free(d->sfirst);
	free(d->sn);
	free(d->spara);
	free(d->dbreak);
	free(d->words);
	free(d->lens);
	free(d->posc);
	free(d->nerc);
	free(d->sents);
}

/* Entity spans from BIO classes of words [0, n) of a sentence. */
static void
bio_spans(struct tagger_state *t, const int *nerc, size_t n)
{
	const char	*c;
	enum ent_type	 type, cur = ENT_NONE;
	size_t		 i, first = 0;

	t->ents.n = 0;
	for (i = 0; i <= n; i++) {
		type = ENT_NONE;
		c = i < n ? tag_model_class(t->ner, (size_t)nerc[i]) : "O";
		if ((c[0] == 'B' || c[0] == 'I') && c[1] == '-')
			type = ent_type_parse(c + 2, strlen(c + 2));
		if (cur != ENT_NONE && (type != cur || c[0] == 'B')) {
			check(ent_vec_push(&t->ents, first, i, cur));
			cur = ENT_NONE;
		}
		if (type != ENT_NONE && cur == ENT_NONE) {
			cur = type;
			first = i;
		}
	}
}

static int
overlaps_span(const struct ent_span *a, const struct ent_span *b)
{
	return a->first < b->last && b->first < a->last;
}

static int
overlaps(const struct ent_vec *v, const struct ent_span *s)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		if (overlaps_span(&v->v[i], s))
			return 1;
	return 0;
}

/* The spans over[0..n) into ents, in place of those they overlap. */
static void
override(struct ent_vec *ents, const struct ent_span *over, size_t n)
{
	size_t	 i, j, k;

	for (i = k = 0; i < ents->n; i++) {
		for (j = 0; j < n && !overlaps_span(&ents->v[i], &over[j]); j++)
			;
		if (j == n)
			ents->v[k++] = ents->v[i];
	}
	ents->n = k;
	for (j = 0; j < n; j++)
		check(ent_vec_push(ents, over[j].first, over[j].last,
		    over[j].type));
}

/* The place of a dateline that opens a paragraph (ent_dateline) over
 * what the model made of it. */
static void
dateline(struct tagger_state *t, const struct tag_sentence *s)
{
	struct ent_span	 place;

	if (!(s->flags & (TAG_SENT_DOC_START | TAG_SENT_PARA_START)) ||
	    (place.last = ent_dateline(s->words, s->lens, s->n)) == 0)
		return;
	place.first = 0;
	place.type = ENT_LOC;
	override(&t->ents, &place, 1);
}

/* The spans of sentence s into t->ents: the model's names, a dateline's
 * place over them, a person the document has named before where one word
 * of the name is taken for something else (ent_people_apply), numbers by
 * rules where they found none, and the user's gazetteer over all. */
static void
sentence_entities(struct tagger_state *t, const struct tag_sentence *s,
    const int *nerc)
{
	size_t	 i;

	bio_spans(t, nerc, s->n);
	dateline(t, s);
	check(ent_people_apply(&t->people, s->words, s->lens, s->n,
	    &t->ents));
	t->extra.n = 0;
	check(num_find(s->words, s->lens, s->n, &t->extra));
	for (i = 0; i < t->extra.n; i++)
		if (!overlaps(&t->ents, &t->extra.v[i]))
			check(ent_vec_push(&t->ents, t->extra.v[i].first,
			    t->extra.v[i].last, t->extra.v[i].type));
	if (t->gaz != NULL) {
		t->extra.n = 0;
		check(gaz_match(t->gaz, s->words, s->lens, s->n, &t->extra));
		override(&t->ents, t->extra.v, t->extra.n);
	}
	if (t->ents.n > 1)
		qsort(t->ents.v, t->ents.n, sizeof(*t->ents.v), ent_span_cmp);
}

/* Window byte offset -> record offset in code points (or bytes), moving a
   cursor forward. */
static size_t
to_chars(struct tagger_state *t, size_t b)
{
	if (t->o->bytes)
		return t->base_byte + b;
	if (t->cur_byte > b) {
		t->cur_byte = 0;
		t->cur_char = 0;
	}
	t->cur_char += utf8_count(t->d.text.p + t->cur_byte, b - t->cur_byte);
	t->cur_byte = b;
	return t->base_char + t->cur_char;
}

static void
remember(struct tagger_state *t, const unsigned char *p, size_t len,
    enum ent_type type)
{
	size_t	 i;

	for (i = 0; i < t->nseen; i++)
		if (t->seen[i].type == type && t->seen[i].len == len &&
		    memcmp(t->seen[i].text, p, len) == 0) {
			t->seen[i].count++;
			return;
		}
	if (t->nseen == t->capseen) {
		t->capseen = t->capseen ? t->capseen * 2 : 32;
		t->seen = xreallocarray(t->seen, t->capseen, sizeof(*t->seen));
	}
	t->seen[t->nseen].text = xmalloc(len + 1);
	memcpy(t->seen[t->nseen].text, p, len);
	t->seen[t->nseen].len = len;
	t->seen[t->nseen].type = type;
	t->seen[t->nseen].count = 1;
	t->seen[t->nseen].first = t->order++;
	t->nseen++;
}

static int
cmp_seen(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static void
write_inline(struct tagger_state *t, size_t si)
{
	const struct doc *d = &t->d;
	size_t	 f = d->sfirst[si], n = d->sn[si], i, e = 0;
	const char *name;

	for (i = 0; i < n; i++) {
		/* The text between words and sentences, as it was. */
		if (t->o->input == IN_TEXT) {
			out_write(d->text.p + t->written,
			    d->tstart[f + i] - t->written);
			/* word/TAG pairs need a space between them. */
			if (t->o->pos && i > 0 &&
			    d->tstart[f + i] == t->written)
				out_putc(' ');
		} else if (i > 0)
			out_putc(' ');
		if (e < t->ents.n && t->ents.v[e].first == i) {
			name = ent_type_name(t->ents.v[e].type);
			out_putc('<');
			out_puts(name);
			out_putc('>');
		}
		out_write(d->words[f + i], d->lens[f + i]);
		t->written = d->tend[f + i];
		if (t->o->pos) {
			out_putc('/');
			out_puts(tag_model_class(t->pos,
			    (size_t)d->posc[f + i]));
		}
		if (e < t->ents.n && t->ents.v[e].last == i + 1) {
			name = ent_type_name(t->ents.v[e].type);
			out_puts("</");
			out_puts(name);
			out_putc('>');
			e++;
		}
	}
	if (t->o->input != IN_TEXT)
		out_putc('\n');
}

static void
write_conll(struct tagger_state *t, size_t si)
{
	const struct doc *d = &t->d;
	size_t	 f = d->sfirst[si], n = d->sn[si], i, e = 0;

	for (i = 0; i < n; i++) {
		while (e < t->ents.n && t->ents.v[e].last <= i)
			e++;
		out_write(d->words[f + i], d->lens[f + i]);
		if (t->o->pos) {
			out_putc('\t');
			out_puts(tag_model_class(t->pos,
			    (size_t)d->posc[f + i]));
		}
		out_putc('\t');
		if (e < t->ents.n && t->ents.v[e].first <= i) {
			out_puts(t->ents.v[e].first == i ? "B-" : "I-");
			out_puts(ent_type_name(t->ents.v[e].type));
		} else
			out_putc('O');
		out_putc('\n');
	}
	out_putc('\n');
}

static void
write_spans(struct tagger_state *t, size_t si)
{
	const struct doc *d = &t->d;
	size_t	 f = d->sfirst[si], e, a, b, s, en;
	char	 tmp[64];
	int	 k;

	for (e = 0; e < t->ents.n; e++) {
		a = d->tstart[f + t->ents.v[e].first];
		b = d->tend[f + t->ents.v[e].last - 1];
		s = to_chars(t, a);
		en = to_chars(t, b);
		k = snprintf(tmp, sizeof(tmp), "%zu\t%zu\t", s, en);
		out_write(tmp, (size_t)k);
		out_puts(ent_type_name(t->ents.v[e].type));
		out_putc('\t');
		out_write_flat(d->text.p + a, b - a);
		out_putc('\n');
	}
}

static void
add_json(struct tagger_state *t, size_t si)
{
	const struct doc *d = &t->d;
	size_t	 f = d->sfirst[si], e, i, a, b, s, en;
	char	 tmp[96];
	int	 k;

	for (e = 0; e < t->ents.n; e++) {
		a = d->tstart[f + t->ents.v[e].first];
		b = d->tend[f + t->ents.v[e].last - 1];
		s = to_chars(t, a);
		en = to_chars(t, b);
		k = snprintf(tmp, sizeof(tmp), "%s{\"start\":%zu,\"end\":%zu,"
		    "\"type\":\"%s\",\"text\":", t->nents++ ? "," : "", s, en,
		    ent_type_name(t->ents.v[e].type));
		check(buf_append(&t->json_ents, tmp, (size_t)k));
		check(json_string_encode(&t->json_ents, d->text.p + a, b - a));
		check(buf_putc(&t->json_ents, '}'));
	}
	if (!t->o->pos)
		return;
	for (i = 0; i < d->sn[si]; i++) {
		s = to_chars(t, d->tstart[f + i]);
		en = to_chars(t, d->tend[f + i]);
		k = snprintf(tmp, sizeof(tmp), "%s{\"start\":%zu,\"end\":%zu,"
		    "\"tag\":\"%s\"}", t->npos++ ? "," : "", s, en,
		    tag_model_class(t->pos, (size_t)d->posc[f + i]));
		check(buf_append(&t->json_pos, tmp, (size_t)k));
	}
}

static void
write_summary(struct tagger_state *t)
{
	size_t	 i;
	char	 tmp[32];
	int	 k;

	if (t->nseen > 1)
		qsort(t->seen, t->nseen, sizeof(*t->seen), cmp_seen);
	for (i = 0; i < t->nseen; i++) {
		k = snprintf(tmp, sizeof(tmp), "%zu\t", t->seen[i].count);
		out_write(tmp, (size_t)k);
		out_puts(ent_type_name(t->seen[i].type));
		out_putc('\t');
		out_write_flat((const unsigned char *)t->seen[i].text,
		    t->seen[i].len);
		out_putc('\n');
	}
}

/*
 * Tags the document in t->d: parts of speech for every sentence, then the
 * entity model over the document in order, then writes each sentence.
 */
static void
tag_doc(struct tagger_state *t)
{
	struct doc	*d = &t->d;
	size_t		 i, k, e, a, b;

	if (d->ntok > d->capw) {
		d->capw = d->ntok;
		d->words = xreallocarray(d->words, d->capw, sizeof(*d->words));
		d->lens = xreallocarray(d->lens, d->capw, sizeof(*d->lens));
		d->posc = xreallocarray(d->posc, d->capw, sizeof(*d->posc));
		d->nerc = xreallocarray(d->nerc, d->capw, sizeof(*d->nerc));
	}
	if (d->nsent > d->caps) {
		d->caps = d->nsent;
		d->sents = xreallocarray(d->sents, d->caps, sizeof(*d->sents));
	}
	for (i = 0; i < d->ntok; i++) {
		d->words[i] = d->text.p + d->tstart[i];
		d->lens[i] = d->tend[i] - d->tstart[i];
	}
	for (i = 0, k = 0; i < d->nsent; i++) {
		d->sents[i].words = d->words + d->sfirst[i];
		d->sents[i].lens = d->lens + d->sfirst[i];
		d->sents[i].n = d->sn[i];
		d->sents[i].pos = NULL;
		d->sents[i].flags = d->spara[i] ? TAG_SENT_PARA_START : 0;
		/* A window that goes on a document starts none. */
		if ((i == 0 && !t->continued) ||
		    (k < d->ndbreak && d->dbreak[k] == i)) {
			d->sents[i].flags |= TAG_SENT_DOC_START;
			while (k < d->ndbreak && d->dbreak[k] <= i)
				k++;
		}
		/* Parts of speech for the output only: the entity model
		 * reads none (see tools/train_tagger.c). */
		if (t->pos != NULL)
			check(tag_predict(t->pos, &d->sents[i],
			    d->posc + d->sfirst[i], &t->wpos));
	}
	for (i = 0; i < d->nsent; i++) {
		/* Each document of the window is read whole first. */
		if (i == 0 || (d->sents[i].flags & TAG_SENT_DOC_START)) {
			for (k = i + 1; k < d->nsent &&
			    !(d->sents[k].flags & TAG_SENT_DOC_START); k++)
				;
			check(tag_doc_begin(&t->wner, d->sents + i, k - i));
			/* Evidence stays within a window too. */
			ent_people_clear(&t->people);
		}
		check(tag_predict(t->ner, &d->sents[i], d->nerc + d->sfirst[i],
		    &t->wner));
		sentence_entities(t, &d->sents[i], d->nerc + d->sfirst[i]);
		if (t->o->summary)
			for (e = 0; e < t->ents.n; e++) {
				a = d->tstart[d->sfirst[i] + t->ents.v[e].first];
				b = d->tend[d->sfirst[i] + t->ents.v[e].last -
				    1];
				remember(t, d->text.p + a, b - a,
				    t->ents.v[e].type);
			}
		if (t->o->common.rec.mode == REC_JSON)
			add_json(t, i);
		else if (t->o->summary)
			continue;
		else if (t->o->format == FMT_CONLL)
			write_conll(t, i);
		else if (t->o->format == FMT_SPANS)
			write_spans(t, i);
		else
			write_inline(t, i);
	}
	tag_doc_end(t->wner);
	/* Inline text keeps what follows the last word too. */
	if (t->o->common.rec.mode != REC_JSON && !t->o->summary &&
	    t->o->format == FMT_INLINE && t->o->input == IN_TEXT)
		out_write(d->text.p + t->written, d->text.len - t->written);
}

static void
reset_record(struct tagger_state *t)
{
	size_t	 i;

	for (i = 0; i < t->nseen; i++)
		free(t->seen[i].text);
	t->nseen = 0;
	t->order = 0;
	t->cur_byte = t->cur_char = 0;
	t->base_byte = t->base_char = 0;
	t->continued = 0;
	t->written = 0;
	t->nents = t->npos = 0;
	buf_clear(&t->json_ents);
	buf_clear(&t->json_pos);
	doc_clear(&t->d);
}

static int
collect_sentence(void *arg, const struct seg_item *it)
{
	struct doc	*d = arg;
	size_t		 i;

	for (i = 0; i < it->ntoks; i++)
		add_token(d, it->off + it->toks[i].start,
		    it->off + it->toks[i].end);
	d->next_para = it->para_start;
	end_sentence(d);
	return 0;
}

/* Cuts t->d.text into sentences and tokens by the input kind. */
static void
split_doc(struct tagger_state *t, struct seg *g)
{
	struct doc	*d = &t->d;
	const unsigned char *p = d->text.p;
	size_t		 n = d->text.len, ls, le, i;

	if (t->o->input == IN_TEXT) {
		check(seg_feed(g, p, n, collect_sentence, d));
		check(seg_finish(g, collect_sentence, d));
		return;
	}
	for (ls = 0; ls < n; ls = le + 1) {
		for (le = ls; le < n && p[le] != '\n'; le++)
			;
		if (le - ls >= 10 && memcmp(p + ls, "-DOCSTART-", 10) == 0) {
			end_sentence(d);
			doc_break(d);
			continue;
		}
		for (i = ls; i < le; ) {
			while (i < le && (p[i] == ' ' || p[i] == '\t' ||
			    p[i] == '\r'))
				i++;
			if (i == le)
				break;
			ls = i;
			while (i < le && p[i] != ' ' && p[i] != '\t' &&
			    p[i] != '\r')
				i++;
			add_token(d, ls, i);
			/* vertical: the first column only */
			if (t->o->input == IN_VERTICAL)
				break;
		}
		/* A sentence a line, or an empty line after a sentence. */
		if (t->o->input == IN_TOKENS || i == ls || ls == le)
			end_sentence(d);
		else if (t->o->input == IN_VERTICAL) {
			for (i = ls; i < le && (p[i] == ' ' || p[i] == '\t' ||
			    p[i] == '\r'); i++)
				;
		}
	}
	end_sentence(d);
}

#define DOCSTART_LEN	10	/* strlen("-DOCSTART-") */

/* Does a line that starts with -DOCSTART- begin at p[i]? */
static int
docstart_at(const unsigned char *p, size_t n, size_t i)
{
	return (i == 0 || p[i - 1] == '\n') && n - i >= DOCSTART_LEN &&
	    memcmp(p + i, "-DOCSTART-", DOCSTART_LEN) == 0;
}

/*
 * Where to end the window that starts t->d.text, which holds more than
 * max bytes: the longest prefix of at most max bytes that ends at the
 * best boundary there is.  In order: before a -DOCSTART- line (-i tokens
 * and vertical), after an empty line (a paragraph, or a sentence of -i
 * vertical), after a line break (a sentence of -i tokens), after a space
 * or a TAB; else at max, on a character boundary.  Sentences never span
 * an empty line, so the first two cuts keep every sentence and token.
 */
static size_t
window_cut(const struct tagger_state *t, size_t max)
{
	const unsigned char *p = t->d.text.p;
	size_t		 n = t->d.text.len, i, j, nl = 0, sp = 0;

	if (t->o->input != IN_TEXT)
		for (i = max; i > 0; i--)
			if (docstart_at(p, n, i))
				return i;
	for (i = max; i > 0; i--) {
		if (p[i - 1] == ' ' || p[i - 1] == '\t') {
			if (sp == 0)
				sp = i;
			continue;
		}
		if (p[i - 1] != '\n')
			continue;
		if (t->o->input == IN_TOKENS)
			return i;
		if (nl == 0)
			nl = i;
		/* An empty line: white space back to a line break. */
		for (j = i - 1; j > 0 && (p[j - 1] == ' ' ||
		    p[j - 1] == '\t' || p[j - 1] == '\r'); j--)
			;
		if (j > 0 && p[j - 1] == '\n')
			return i;
	}
	if (nl > 0)
		return nl;
	if (sp > 0)
		return sp;
	for (i = max; i > 0 && (p[i] & 0xC0) == 0x80; i--)
		;
	if (i == 0)
		for (i = max; i < n && (p[i] & 0xC0) == 0x80; i++)
			;
	return i;
}

/* Tags and writes t->d.text[0..cut), the next window of the record, and
   keeps the rest of the text for the next. */
static void
tag_window(struct tagger_state *t, struct seg *g, size_t cut)
{
	struct doc	*d = &t->d;
	size_t		 len = d->text.len;

	d->text.len = cut;
	split_doc(t, g);
	tag_doc(t);
	if (!t->o->bytes)
		t->base_char += utf8_count(d->text.p, cut);
	t->base_byte += cut;
	t->cur_byte = t->cur_char = 0;
	t->written = 0;
	t->continued = 1;
	if (len > cut)
		memmove(d->text.p, d->text.p + cut, len - cut);
	d->text.len = len - cut;
	d->ntok = d->nsent = d->ndbreak = 0;
}

static void
run_records(struct tagger_state *t, struct seg *g, struct rec_reader *r,
    int nul)
{
	struct rec_piece pc;
	size_t		 w = t->o->window;

	while (rec_next_piece(r, &pc)) {
		check(buf_append(&t->d.text, pc.p, pc.len));
		/* window_cut reads a -DOCSTART- line that begins in the
		   window to its end: with those bytes at hand, the cuts do
		   not depend on the size of the pieces. */
		while (w > 0 && t->d.text.len > w &&
		    (t->d.text.len - w >= DOCSTART_LEN || pc.end))
			tag_window(t, g, window_cut(t, w));
		if (!pc.end)
			continue;
		tag_window(t, g, t->d.text.len);
		if (t->o->summary)
			write_summary(t);
		if (nul)
			out_putc('\0');
		out_end_record();
		reset_record(t);
	}
}

static void
run_json(struct tagger_state *t, struct seg *g, struct rec_reader *r)
{
	struct rec_json	 rec;
	struct buf	 line = BUF_INIT, ents = BUF_INIT, pos = BUF_INIT;
	struct buf	 sum = BUF_INIT;
	struct json_edit edits[3];
	size_t		 ne, i;
	char		 tmp[64];
	int		 k;

	while (rec_next_json(r, &rec)) {
		reset_record(t);
		check(buf_append(&t->d.text, rec.text, rec.text_len));
		split_doc(t, g);
		tag_doc(t);
		buf_clear(&ents);
		check(buf_putc(&ents, '['));
		check(buf_append(&ents, t->json_ents.p, t->json_ents.len));
		check(buf_putc(&ents, ']'));
		edits[0].name = "entities";
		edits[0].name_len = 8;
		edits[0].value = ents.p;
		edits[0].value_len = ents.len;
		ne = 1;
		if (t->o->pos) {
			buf_clear(&pos);
			check(buf_putc(&pos, '['));
			check(buf_append(&pos, t->json_pos.p, t->json_pos.len));
			check(buf_putc(&pos, ']'));
			edits[ne].name = "pos";
			edits[ne].name_len = 3;
			edits[ne].value = pos.p;
			edits[ne].value_len = pos.len;
			ne++;
		}
		if (t->o->summary) {
			if (t->nseen > 1)
				qsort(t->seen, t->nseen, sizeof(*t->seen),
				    cmp_seen);
			buf_clear(&sum);
			check(buf_putc(&sum, '['));
			for (i = 0; i < t->nseen; i++) {
				check(buf_append(&sum, ",{\"text\":" + (i == 0),
				    i == 0 ? 8 : 9));
				check(json_string_encode(&sum,
				    (const unsigned char *)t->seen[i].text,
				    t->seen[i].len));
				k = snprintf(tmp, sizeof(tmp), ",\"type\":\"%s\","
				    "\"count\":%zu}",
				    ent_type_name(t->seen[i].type),
				    t->seen[i].count);
				check(buf_append(&sum, tmp, (size_t)k));
			}
			check(buf_putc(&sum, ']'));
			edits[ne].name = "summary";
			edits[ne].name_len = 7;
			edits[ne].value = sum.p;
			edits[ne].value_len = sum.len;
			ne++;
		}
		buf_clear(&line);
		check(json_object_write(&line, rec.line, rec.obj, edits, ne));
		check(buf_putc(&line, '\n'));
		out_write(line.p, line.len);
		out_end_record();
	}
	reset_record(t);
	buf_free(&line);
	buf_free(&ents);
	buf_free(&pos);
	buf_free(&sum);
}

/* The built-in word clusters, loaded once for both models. */
static struct clusters *
load_clusters(void)
{
	struct clusters	*cl;
	const unsigned char *p;
	char		 err[200];
	size_t		 n;
	int		 rc;

	p = models_clusters(&n);
	if ((rc = clusters_load_mem(&cl, p, n, err, sizeof(err))) == -2)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if (rc != 0)
		diag_fatal(DIAG_EXIT_DATA, "built-in word clusters: %s", err);
	return cl;
}

static struct tag_model *
load_model(const char *path, const unsigned char *(*builtin)(size_t *),
    const char *what, enum tag_task task, const struct clusters *cl)
{
	struct tag_model *m;
	const unsigned char *p;
	char		 err[200];
	size_t		 n;
	int		 rc;

	if (path != NULL)
		rc = tag_model_load_file_with(&m, path, cl, err, sizeof(err));
	else {
		p = builtin(&n);
		rc = tag_model_load_builtin(&m, p, n, cl, err, sizeof(err));
	}
	if (rc == -2)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");
	if (rc != 0)
		diag_fatal(DIAG_EXIT_DATA, "%s: %s", path != NULL ? path :
		    what, err);
	if (tag_model_task(m) != task)
		diag_fatal(DIAG_EXIT_DATA, "%s: not %s model", path != NULL ?
		    path : what, task == TAG_TASK_NER ? "an entity" :
		    "a part-of-speech");
	return m;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		OPTS_COMMON_LONG,
		{ "format",	required_argument,	NULL,	'f' },
		{ "gazetteer",	required_argument,	NULL,	OPT_GAZETTEER },
		{ "input",	required_argument,	NULL,	'i' },
		{ "accurate",	no_argument,		NULL,	OPT_ACCURATE },
		{ "model-ner",	required_argument,	NULL,	OPT_MODEL_NER },
		{ "model-pos",	required_argument,	NULL,	OPT_MODEL_POS },
		{ "offsets",	optional_argument,	NULL,	OPT_OFFSETS },
		{ "pos",	no_argument,		NULL,	OPT_POS },
		{ "summary",	no_argument,		NULL,	OPT_SUMMARY },
		{ "window",	required_argument,	NULL,	OPT_WINDOW },
		{ NULL, 0, NULL, 0 }
	};
	struct options	 o;
	struct tagger_state t;
	struct rec_reader r;
	struct seg_config sc;
	struct abbrev	*abbrev;
	struct clusters	*cl;
	struct lex_error err;
	struct seg	*g;
	char		**gaz_files;
	const char	*ner_path = NULL, *pos_path = NULL;
	int		 accurate = 0;
	size_t		 ngaz = 0, i;
	int		 c, status, rc;

	diag_init(PROG);
	memset(&o, 0, sizeof(o));
	opts_common_init(&o.common);
	o.window = WINDOW_DEFAULT;
	gaz_files = xreallocarray(NULL, (size_t)argc + 1, sizeof(*gaz_files));
	opterr = 0;
	while ((c = getopt_long(argc, argv, OPTS_COMMON_SHORT "f:i:",
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			opts_help(usage_text);
		case 'f':
			if (strcmp(optarg, "inline") == 0)
				o.format = FMT_INLINE;
			else if (strcmp(optarg, "spans") == 0)
				o.format = FMT_SPANS;
			else if (strcmp(optarg, "conll") == 0)
				o.format = FMT_CONLL;
			else
				diag_usage("unknown format: %s", optarg);
			break;
		case 'i':
			if (strcmp(optarg, "text") == 0)
				o.input = IN_TEXT;
			else if (strcmp(optarg, "tokens") == 0)
				o.input = IN_TOKENS;
			else if (strcmp(optarg, "vertical") == 0)
				o.input = IN_VERTICAL;
			else
				diag_usage("unknown input: %s", optarg);
			break;
		case OPT_GAZETTEER:
			gaz_files[ngaz++] = optarg;
			break;
		case OPT_ACCURATE:
			accurate = 1;
			break;
		case OPT_MODEL_NER:
			ner_path = optarg;
			break;
		case OPT_MODEL_POS:
			pos_path = optarg;
			break;
		case OPT_OFFSETS:
			if (optarg == NULL || strcmp(optarg, "chars") == 0)
				o.bytes = 0;
			else if (strcmp(optarg, "bytes") == 0)
				o.bytes = 1;
			else
				diag_usage("unknown offsets: %s", optarg);
			break;
		case OPT_POS:
			o.pos = 1;
			break;
		case OPT_SUMMARY:
			o.summary = 1;
			break;
		case OPT_WINDOW:
			o.window = opts_size("window", optarg, 0,
			    SIZE_MAX / 4);
			break;
		default:
			if (!opts_common(&o.common, c, optarg))
				opts_bad(c, argv);
		}
	}
	argc -= optind;
	argv += optind;
	if (o.common.rec.mode == REC_JSON && o.input != IN_TEXT)
		diag_usage("--json reads raw text: -i tokens and -i vertical "
		    "are for text mode");
	opts_common_apply(&o.common);

	memset(&t, 0, sizeof(t));
	t.o = &o;
	cl = load_clusters();
	if (accurate && ner_path != NULL)
		diag_usage("--accurate chooses a built-in model: not with "
		    "--model-ner");
	t.ner = accurate ? load_model(NULL, models_ner_accurate,
	    "built-in accurate entity model", TAG_TASK_NER, cl) :
	    load_model(ner_path, models_ner, "built-in entity model",
	    TAG_TASK_NER, cl);
	/* The entity model reads no parts of speech (word clusters do
	 * better), so the part-of-speech model runs only for --pos. */
	if (o.pos)
		t.pos = load_model(pos_path, models_pos,
		    "built-in part-of-speech model", TAG_TASK_POS, cl);
	if (ngaz > 0) {
		if ((t.gaz = gaz_new()) == NULL)
			diag_fatal(DIAG_EXIT_DATA, "out of memory");
		for (i = 0; i < ngaz; i++)
			if ((rc = gaz_load_file(t.gaz, gaz_files[i], &err)) !=
			    0)
				opts_lex_fatal("gazetteer", gaz_files[i], rc,
				    &err);
	}
	abbrev = opts_load_abbrev(NULL, 0);
	memset(&sc, 0, sizeof(sc));
	sc.unit = SEG_WORD;
	sc.scheme = SEG_NEWS;
	sc.abbrev = abbrev;
	/* The segmenter gets a window whole (see struct doc). */
	sc.window = SIZE_MAX / 4;
	if ((g = seg_new(&sc)) == NULL)
		diag_fatal(DIAG_EXIT_DATA, "out of memory");

	rec_reader_init(&r, &o.common.rec, argv, argc);
	if (o.common.rec.mode == REC_JSON)
		run_json(&t, g, &r);
	else
		run_records(&t, g, &r, o.common.rec.mode == REC_NUL);
	status = rec_reader_free(&r);
	seg_free(g);
	abbrev_free(abbrev);
	gaz_free(t.gaz);
	tag_model_free(t.ner);
	tag_model_free(t.pos);
	clusters_free(cl);
	tag_work_free(t.wpos);
	tag_work_free(t.wner);
	ent_vec_free(&t.ents);
	ent_vec_free(&t.extra);
	ent_people_free(&t.people);
	buf_free(&t.json_ents);
	buf_free(&t.json_pos);
	doc_free(&t.d);
	free(t.seen);
	free(gaz_files);
	return out_close(status);
}
