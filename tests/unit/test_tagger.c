/*
 * Unit tests for the tagger: feature templates (feat.h), training a toy
 * model (train.h) and tagging with it (tagger.h), the model file format:
 * round trip, determinism, and errors on every truncation, a wrong magic
 * and a flipped byte; the word-cluster table (clusters.h) the same way,
 * its features, and the determinism of tools/learn_clusters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <criterion/criterion.h>

#include "beam.h"
#include "buf.h"
#include "clusters.h"
#include "feat.h"
#include "models.h"
#include "names.h"
#include "otab.h"
#include "tagger.h"
#include "train.h"

#include "feat_text.h"

/* A sentence of space-separated words, split in place. */
struct tsent {
	char		 text[256];
	const unsigned char *words[32];
	size_t		 lens[32];
	int		 gold[32];
	struct tag_sentence s;
};

/* Splits "w/TAG w/TAG ..." (or plain words when names is NULL). */
static void
tsent_init(struct tsent *t, const char *src, const char *const *names,
    size_t nnames)
{
	char	*p, *tok, *slash;
	size_t	 n = 0, k;

	memset(t, 0, sizeof(*t));
	cr_assert_lt(strlen(src), sizeof(t->text));
	strcpy(t->text, src);
	for (p = t->text; (tok = strtok(p, " ")) != NULL; p = NULL) {
		cr_assert_lt(n, 32);
		t->gold[n] = -1;
		if (names != NULL && (slash = strrchr(tok, '/')) != NULL) {
			*slash = '\0';
			for (k = 0; k < nnames; k++)
				if (strcmp(names[k], slash + 1) == 0)
					t->gold[n] = (int)k;
			cr_assert_geq(t->gold[n], 0, "unknown tag %s", slash + 1);
		}
		t->words[n] = (const unsigned char *)tok;
		t->lens[n] = strlen(tok);
		n++;
	}
	t->s.words = t->words;
	t->s.lens = t->lens;
	t->s.n = n;
}

/* Entity classes for the feature tests: the classes are only names there. */
static const char *const ner_per[] = { "O", "B-PER", "I-PER" };
static const size_t ner_per_lens[] = { 1, 5, 5 };

static const char *const pos_names[] = { "DET", "NOUN", "VERB", "ADJ" };
static const size_t pos_lens[] = { 3, 4, 4, 3 };

Test(feat, hash_and_crc_match_published_values)
{
	/* FNV-1a 64 test vectors (Fowler, Noll, Vo); CRC-32 check value. */
	cr_assert_eq(feat_hash("", 0), 0xcbf29ce484222325ULL);
	cr_assert_eq(feat_hash("a", 1), 0xaf63dc4c8601ec8cULL);
	cr_assert_eq(feat_hash("foobar", 6), 0x85944171f73967e8ULL);
	cr_assert_eq(feat_crc32(0, (const unsigned char *)"123456789", 9),
	    0xCBF43926u);
	cr_assert_eq(feat_crc32(feat_crc32(0, (const unsigned char *)"1234",
	    4), (const unsigned char *)"56789", 5), 0xCBF43926u);
}

Test(feat, extracts_the_documented_templates)
{
	struct feat_classes cls = { pos_names, pos_lens, 4 };
	struct feat_work *w = NULL;
	struct buf	 text = BUF_INIT;
	struct tsent	 t;
	uint64_t	 h[FEAT_MAX];
	size_t		 n, i;
	static const char *const want[] = {
		"b", "w=Apple", "l=apple", "sh=Xx", "p1=<s>", "p2=<s>",
		"p12=<s>|<s>", "p1l=<s>|apple", "l-1=<s>", "l-2=<s>",
		"l+1=bought", "l+2=u.s.", "ll+1=apple|bought", "sh+1=x",
		"pre1=a", "pre4=appl", "suf1=e", "suf3=ple", "suf4=pple",
		"s3+1=ght", "c", "i0sh=Xx", "i0l=apple"
	};

	tsent_init(&t, "Apple bought U.S. start-ups in 1996 .", NULL, 0);
	cr_assert_eq(feat_prepare(&w, &t.s, NULL), 0);
	n = feat_extract(w, TAG_TASK_POS, 0, -1, -1, &cls, NULL, h, &text);
	cr_assert_gt(n, 20);
	cr_assert_leq(n, FEAT_MAX);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		cr_assert(has_feature(&text, want[i]), "missing %s in:\n%.*s",
		    want[i], (int)text.len, text.p);
	/* The hashes are those of the strings. */
	cr_assert_eq(h[0], feat_hash("b", 1));
	cr_assert_eq(h[1], feat_hash("w=Apple", 7));
	cr_assert(!has_feature(&text, "u=PROPN"), "POS has no UPOS features");

	/* U.S., with history. */
	buf_clear(&text);
	n = feat_extract(w, TAG_TASK_POS, 2, 2, 1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "sh=X.X."));
	cr_assert(has_feature(&text, "p1=VERB"));
	cr_assert(has_feature(&text, "p12=VERB|NOUN"));
	cr_assert(has_feature(&text, "C"));
	cr_assert(has_feature(&text, "."));
	cr_assert(has_feature(&text, "l-2=apple"));

	/* start-ups; 1996 folds its digits; the last word sees </s>. */
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 3, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "h"));
	cr_assert(has_feature(&text, "sh=x-x"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 5, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "l=0000"));
	cr_assert(has_feature(&text, "w=1996"));
	cr_assert(has_feature(&text, "sh=d"));
	cr_assert(has_feature(&text, "d"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 6, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "l+1=</s>"));
	cr_assert(has_feature(&text, "l+2=</s>"));
	buf_free(&text);
	feat_work_free(w);
}

Test(feat, ner_adds_upos_and_document_features)
{
	struct feat_classes cls = { ner_per, ner_per_lens, 3 };
	struct feat_work *w = NULL;
	struct feat_doc	*d = NULL;
	struct buf	 text = BUF_INIT;
	struct tsent	 t[2];
	struct tag_sentence s[2];
	uint64_t	 h[FEAT_MAX];
	int		 pos[32] = { 11, 11, 15 }, out[2] = { 1, 2 };

	tsent_init(&t[0], "Jensen Huang spoke", NULL, 0);
	tsent_init(&t[1], "HUANG SAID", NULL, 0);
	t[0].s.pos = pos;
	s[0] = t[0].s;
	s[1] = t[1].s;
	cr_assert_eq(feat_doc_begin(&d, &w, s, 2), 0);
	cr_assert_eq(feat_prepare(&w, &s[0], NULL), 0);
	(void)feat_extract(w, TAG_TASK_NER, 1, 1, -1, &cls, d, h, &text);
	cr_assert(has_feature(&text, "u=PROPN"));
	cr_assert(has_feature(&text, "u+1=VERB"));
	cr_assert(has_feature(&text, "u-1u=PROPN|PROPN"));
	cr_assert(has_feature(&text, "ph=-"));
	cr_assert_eq(feat_doc_record(d, w, out), 0);

	/* In a capitals headline, Huang's case says nothing by itself. */
	buf_clear(&text);
	cr_assert_eq(feat_prepare(&w, &s[1], NULL), 0);
	(void)feat_extract(w, TAG_TASK_NER, 0, -1, -1, &cls, d, h, &text);
	cr_assert(has_feature(&text, "dc=C"), "%.*s", (int)text.len, text.p);
	cr_assert(has_feature(&text, "ph=PER"));
	cr_assert(has_feature(&text, "hl"));
	cr_assert(has_feature(&text, "u=?"));
	buf_free(&text);
	feat_doc_free(d);
	feat_work_free(w);
}

/* Titles before names (data/tagger/titles.txt) mark their neighbours too;
   only a capitalised title counts, a final period aside. */
Test(feat, ner_marks_titles_before_names)
{
	struct feat_classes cls = { ner_per, ner_per_lens, 3 };
	struct feat_work *w = NULL;
	struct buf	 text = BUF_INIT;
	struct tsent	 t;
	uint64_t	 h[FEAT_MAX];

	tsent_init(&t, "said Councillor Novak and Dr. Lee , the mayor", NULL,
	    0);
	cr_assert_eq(feat_prepare(&w, &t.s, NULL), 0);
	(void)feat_extract(w, TAG_TASK_NER, 1, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "ttl"));
	cr_assert(has_feature(&text, "ttl+1") == 0);
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 2, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "ttl-1"));
	cr_assert(!has_feature(&text, "ttl"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 4, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "ttl"), "Dr.");
	cr_assert(has_feature(&text, "ttl-1") == 0);
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 5, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "ttl-1"), "Lee after Dr.");
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 8, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "ttl"), "mayor in lower case");
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 1, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "ttl"), "POS reads no titles");
	buf_free(&text);
	feat_work_free(w);
}

/* The built-in names (data/tagger/names.txt): longest first, in the case
   the list writes them, for NER only. */
Test(feat, ner_marks_built_in_names)
{
	struct feat_classes cls = { ner_per, ner_per_lens, 3 };
	struct feat_work *w = NULL;
	struct buf	 text = BUF_INIT;
	struct tsent	 t;
	uint64_t	 h[FEAT_MAX];

	tsent_init(&t, "Who said the WHO met in New York Stock Exchange "
	    "offices , not in new york", NULL, 0);
	cr_assert_eq(feat_prepare(&w, &t.s, NULL), 0);
	(void)feat_extract(w, TAG_TASK_NER, 0, -1, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "nm=B-ORG"), "Who is not WHO");
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 3, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "nm=B-ORG"), "WHO");
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 6, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "nm=B-ORG"), "New York Stock Exchange");
	cr_assert(!has_feature(&text, "nm=B-LOC"), "not New York");
	cr_assert(!has_feature(&text, "nm-1=LOC"), "after in");
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 9, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "nm=I-ORG"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 10, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "nm-1=ORG"));
	cr_assert(!has_feature(&text, "nm=I-ORG"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 5, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "nm+1=ORG"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 14, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "nm=B-LOC"), "new york in lower case");
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 3, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "nm=B-ORG"), "POS reads no names");
	buf_free(&text);
	feat_work_free(w);
}

/* Keys fold case and digits as the features do; masks say how a name
   must be written. */
Test(names, finds_names_by_their_folded_tokens)
{
	const struct name_entry *e;

	cr_assert_not_null(e = names_find("u.s.", 4));
	cr_assert(e->types & NAME_LOC);
	cr_assert_eq(e->caps & 1, 1, "U.S. is in capitals");
	cr_assert_not_null(e = names_find("0m", 2), "3M, digits as 0");
	cr_assert(e->types & NAME_ORG);
	cr_assert_not_null(e = names_find("bank of america", 15));
	cr_assert_eq(e->upper, 5, "Bank and America capitalised, not of");
	cr_assert_not_null(e = names_find("jean", 4));
	cr_assert(e->types & NAME_GIV);
	cr_assert_null(names_find("new yor", 7));
	cr_assert_null(names_find("new york ", 9));
	cr_assert_str_eq(names_type(0), "LOC");
	cr_assert_str_eq(names_type(NAME_NTYPES - 1), "GIV");
	cr_assert_str_eq(names_type(NAME_NTYPES), "");
}

/* bsearch needs the keys in strcmp order, "new york" before "new york
   times"; every first run of a name's words is an entry. */
Test(names, table_is_in_key_order_with_every_prefix)
{
	const struct name_entry *t;
	size_t	 n, i, j;

	t = names_table(&n);
	cr_assert_gt(n, 1000);
	for (i = 1; i < n; i++)
		cr_assert_lt(strcmp(t[i - 1].key, t[i].key), 0, "%s, %s",
		    t[i - 1].key, t[i].key);
	for (i = 0; i < n; i++) {
		cr_assert_eq(t[i].len, strlen(t[i].key), "%s", t[i].key);
		cr_assert_eq(names_find(t[i].key, strlen(t[i].key)), &t[i]);
		for (j = 0; t[i].key[j] != '\0'; j++)
			if (t[i].key[j] == ' ')
				cr_assert_not_null(names_find(t[i].key, j),
				    "%.*s", (int)j, t[i].key);
	}
}

Test(feat, stage_two_sees_stage_one_classes_and_the_document)
{
	static const char *const ner[] = { "O", "B-PER", "I-PER", "B-ORG",
	    "I-ORG" };
	static const size_t nerlen[] = { 1, 5, 5, 5, 5 };
	struct feat_classes cls = { ner, nerlen, 5 };
	struct feat_work *w = NULL;
	struct feat_doc	*d = NULL;
	struct buf	 text = BUF_INIT, one = BUF_INIT;
	struct tsent	 t[2];
	struct tag_sentence s[2];
	uint64_t	 h[FEAT_MAX], h1[FEAT_MAX];
	size_t		 n, n1, i, j;
	int		 q0[3] = { 1, 2, 0 }, q1[2] = { 3, 0 };

	tsent_init(&t[0], "Jensen Huang spoke", NULL, 0);
	tsent_init(&t[1], "Huang said", NULL, 0);
	s[0] = t[0].s;
	s[1] = t[1].s;
	cr_assert_eq(feat_doc_begin(&d, &w, s, 2), 0);
	/* Stage 1 said PER in the first sentence, ORG in the second. */
	cr_assert_eq(feat_prepare(&w, &s[0], NULL), 0);
	cr_assert_eq(feat_doc_aggregate(d, w, q0), 0);
	cr_assert_eq(feat_prepare(&w, &s[1], NULL), 0);
	cr_assert_eq(feat_doc_aggregate(d, w, q1), 0);
	feat_doc_restart(d);

	cr_assert_eq(feat_prepare(&w, &s[0], NULL), 0);
	n1 = feat_extract(w, TAG_TASK_NER, 1, 1, -1, &cls, d, h1, &one);
	cr_assert(!has_feature(&one, "2:b"));
	feat_stage(w, 2, q0);
	n = feat_extract(w, TAG_TASK_NER, 1, 1, -1, &cls, d, h, &text);
	cr_assert_gt(n, n1);
	/* Stage 1's features again, hashed apart. */
	cr_assert(has_feature(&text, "2:b"));
	cr_assert(has_feature(&text, "2:w=Huang"));
	for (i = 0; i < n1; i++)
		for (j = 0; j < n; j++)
			cr_assert_neq(h1[i], h[j]);
	cr_assert(has_feature(&text, "2:q0=I-PER"), "%.*s", (int)text.len,
	    text.p);
	cr_assert(has_feature(&text, "2:q-1=B-PER"));
	cr_assert(has_feature(&text, "2:q+1=O"));
	cr_assert(has_feature(&text, "2:q+2=</s>"));
	cr_assert(has_feature(&text, "2:p1q+1=B-PER|O"));
	/* The other Huang was an ORG: its own class does not count. */
	cr_assert(has_feature(&text, "2:ag=ORG"));
	cr_assert(!has_feature(&text, "2:ag=PER"));
	cr_assert(has_feature(&text, "2:agm=ORG"));

	/* Jensen occurs once: nothing elsewhere. */
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 0, -1, -1, &cls, d, h, &text);
	cr_assert(has_feature(&text, "2:agm=-"));
	cr_assert(has_feature(&text, "2:q-1=<s>"));

	/* feat_prepare goes back to stage 1. */
	cr_assert_eq(feat_prepare(&w, &s[0], NULL), 0);
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 1, 1, -1, &cls, d, h, &text);
	cr_assert(!has_feature(&text, "2:b"));
	buf_free(&text);
	buf_free(&one);
	feat_doc_free(d);
	feat_work_free(w);
}

/* The features a word has of itself or of a neighbour alone are the
   same wherever it stands (the tagger keeps their scores by word), and
   with those of its context they make its static features. */
Test(feat, word_features_are_the_same_wherever_the_word_stands)
{
	static const int order[5] = { 0, -2, -1, 1, 2 };
	struct feat_classes cls = { ner_per, ner_per_lens, 3 };
	struct feat_work *w1 = NULL, *w2 = NULL;
	struct clusters	*cl;
	struct tsent	 t1, t2;
	const unsigned char *p;
	uint64_t	 a[FEAT_MAX], b[FEAT_MAX], st[FEAT_MAX];
	int		 pos1[32] = { 11, 15, 11, 7 }, pos2[32] = { 10, 15, 11 };
	size_t		 n, na, nb, k, i, nst, r;
	char		 err[128];
	int		 d;

	p = models_clusters(&n);
	cr_assert_eq(clusters_load_mem(&cl, p, n, err, sizeof(err)), 0, "%s",
	    err);
	tsent_init(&t1, "Apple bought U.S. start-ups", NULL, 0);
	tsent_init(&t2, "They said U.S. Dr. officials", NULL, 0);
	t1.s.pos = pos1;
	t2.s.pos = pos2;
	cr_assert_eq(feat_prepare(&w1, &t1.s, cl), 0);
	cr_assert_eq(feat_prepare(&w2, &t2.s, cl), 0);
	/* "U.S." is word 2 of both, with the same UPOS; in stage 1, so are
	   its features with a previous class. */
	for (d = -2; d <= 3; d++) {
		if (d <= 2) {
			na = feat_extract_word(w1, TAG_TASK_NER, 2, d, a, NULL);
			nb = feat_extract_word(w2, TAG_TASK_NER, 2, d, b, NULL);
		} else {
			na = feat_extract_hist_word(w1, TAG_TASK_NER, 2, 1,
			    &cls, a, NULL);
			nb = feat_extract_hist_word(w2, TAG_TASK_NER, 2, 1,
			    &cls, b, NULL);
		}
		cr_assert_gt(na, 0, "d %d", d);
		cr_assert_eq(na, nb, "d %d", d);
		for (k = 0; k < na; k++)
			cr_assert_eq(a[k], b[k], "d %d, feature %zu", d, k);
	}
	/* Word 0 of t1, the sentence's edge on its left: its own, then its
	   neighbours' from the left. */
	nst = feat_extract_static(w1, TAG_TASK_NER, 0, &cls, NULL, st, NULL);
	for (r = 0, i = 0; r < 5; r++) {
		na = feat_extract_word(w1, TAG_TASK_NER, order[r], order[r], a,
		    NULL);
		for (k = 0; k < na; k++)
			cr_assert_eq(st[i + k], a[k], "d %d", order[r]);
		i += na;
	}
	na = feat_extract_context(w1, TAG_TASK_NER, 0, &cls, NULL, a, NULL);
	cr_assert_eq(i + na, nst);
	for (k = 0; k < na; k++)
		cr_assert_eq(st[i + k], a[k]);
	feat_work_free(w1);
	feat_work_free(w2);
	clusters_free(cl);
}

Test(feat, bio_transitions)
{
	cr_assert(feat_bio_allowed(NULL, "B-PER"));
	cr_assert(feat_bio_allowed(NULL, "O"));
	cr_assert(!feat_bio_allowed(NULL, "I-PER"));
	cr_assert(!feat_bio_allowed("O", "I-PER"));
	cr_assert(feat_bio_allowed("B-PER", "I-PER"));
	cr_assert(feat_bio_allowed("I-PER", "I-PER"));
	cr_assert(!feat_bio_allowed("I-ORG", "I-PER"));
	cr_assert(feat_bio_allowed("NOUN", "VERB"));
}

/* A toy POS corpus. */
static const char *const toy_pos[] = {
	"the/DET dog/NOUN runs/VERB",
	"a/DET cat/NOUN sleeps/VERB",
	"the/DET big/ADJ cat/NOUN runs/VERB",
	"a/DET small/ADJ dog/NOUN sleeps/VERB",
	"the/DET cat/NOUN sees/VERB a/DET dog/NOUN",
	"a/DET big/ADJ dog/NOUN sees/VERB the/DET small/ADJ cat/NOUN",
};
#define NTOY	(sizeof(toy_pos) / sizeof(toy_pos[0]))

static struct tsent toy[NTOY];
static struct tag_sentence toys[NTOY];
static const int *toyg[NTOY];

/* Trains the toy POS model, with a beam of width beam, into out. */
static void
train_toy_beam(struct buf *out, size_t beam)
{
	struct train_config cfg;
	struct train_stats st;
	char	 err[128];
	size_t	 k;

	for (k = 0; k < NTOY; k++) {
		tsent_init(&toy[k], toy_pos[k], pos_names, 4);
		toys[k] = toy[k].s;
		toyg[k] = toy[k].gold;
	}
	train_config_init(&cfg, TAG_TASK_POS, pos_names, 4);
	cfg.min_count = 1;
	cfg.epochs = 10;
	cfg.beam = beam;
	cr_assert_eq(train_model(&cfg, toys, toyg, NTOY, out, &st, err,
	    sizeof(err)), 0, "%s", err);
	cr_assert_gt(st.rows, 0);
	cr_assert_leq(st.rows, st.features);
}

/* The toy model, greedy. */
static void
train_toy(struct buf *out)
{
	train_toy_beam(out, 1);
}

/* The toy model m tags the toy corpus as it is. */
static void
expect_toys(const struct tag_model *m, struct tag_work **w)
{
	int	 out[32];
	size_t	 k, i;

	for (k = 0; k < NTOY; k++) {
		cr_assert_eq(tag_predict(m, &toys[k], out, w), 0);
		for (i = 0; i < toys[k].n; i++)
			cr_assert_eq(out[i], toyg[k][i], "%s: word %zu",
			    toy_pos[k], i);
	}
}

Test(tagger, a_beam_model_records_its_width_and_tags_with_it)
{
	int		 out[32], greedy[32];
	struct buf	 b = BUF_INIT;
	struct tsent	 t;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	char		 err[128];
	size_t		 i;

	train_toy_beam(&b, 4);
	cr_assert_eq(b.p[28], 4, "the header's beam width");
	cr_assert_eq(b.p[29] | b.p[30] | b.p[31], 0);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0,
	    "%s", err);
	expect_toys(m, &w);
	/* The beam and greedy decoding of the same weights agree where the
	   model is sure. */
	tsent_init(&t, "the small dog sees a big cat", NULL, 0);
	cr_assert_eq(tag_predict(m, &t.s, out, &w), 0);
	tag_model_set_beam(m, 1);
	cr_assert_eq(tag_predict(m, &t.s, greedy, &w), 0);
	for (i = 0; i < t.s.n; i++)
		cr_assert_eq(out[i], greedy[i], "word %zu", i);
	cr_assert_str_eq(tag_model_class(m, (size_t)out[3]), "VERB");
	tag_work_free(w);
	tag_model_free(m);
	buf_free(&b);
}

/* Trains the toy model with a beam of 4 and the given shuffling seed. */
static struct tag_model *
toy_beam_model(uint64_t seed)
{
	struct train_config cfg;
	struct tag_model *m;
	struct buf	 b = BUF_INIT;
	char		 err[128];

	train_toy(&b);
	buf_clear(&b);
	train_config_init(&cfg, TAG_TASK_POS, pos_names, 4);
	cfg.epochs = 2;
	cfg.beam = 4;
	cfg.seed = seed;
	cr_assert_eq(train_model(&cfg, toys, toyg, NTOY, &b, NULL, err,
	    sizeof(err)), 0, "%s", err);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0,
	    "%s", err);
	buf_free(&b);
	return m;
}

Test(tagger, a_work_area_outlives_its_beam_models)
{
	struct tag_model *m;
	struct tag_work	*w = NULL, *fresh = NULL;
	struct tsent	 t;
	int		 out[32], want[32];
	uint64_t	 seed;
	size_t		 i;

	/* Models freed and loaded again, often at the same address: the
	   work area must not carry one's scores over to the next. */
	tsent_init(&t, "a small cat sees the big dog the cat runs", NULL, 0);
	for (seed = 1; seed <= 6; seed++) {
		m = toy_beam_model(seed);
		cr_assert_eq(tag_predict(m, &t.s, out, &w), 0);
		cr_assert_eq(tag_predict(m, &t.s, want, &fresh), 0);
		for (i = 0; i < t.s.n; i++)
			cr_assert_eq(out[i], want[i], "seed %llu, word %zu",
			    (unsigned long long)seed, i);
		tag_work_free(fresh);
		fresh = NULL;
		tag_model_free(m);
	}
	tag_work_free(w);
}

/*
 * The scores a work area keeps of the words it has seen (tagger.c) change
 * no tag: a sentence tags the same after thousands of others, the cache
 * emptied on the way, as with a new work area.
 */
Test(tagger, words_seen_before_tag_as_new_ones)
{
	static const char *const vocab[] = { "the", "President", "of",
	    "Acme", "Corp.", "said", "in", "Paris", "on", "Monday", "IBM",
	    "and", "New", "York", "bank", "shares", "rose", "3.5", "%" };
	struct tag_model *m;
	struct tag_work	*w = NULL, *fresh = NULL;
	struct tag_sentence s;
	const unsigned char *words[24];
	size_t		 lens[24], n, i, k, nv = sizeof(vocab) /
			    sizeof(vocab[0]);
	char		 uniq[24][16], err[128];
	const unsigned char *p;
	int		 out[24], want[24];

	p = models_ner(&n);
	cr_assert_eq(tag_model_load_builtin(&m, p, n, NULL, err,
	    sizeof(err)), 0, "%s", err);
	memset(&s, 0, sizeof(s));
	s.words = words;
	s.lens = lens;
	s.n = 24;
	/* 5,000 sentences of 24 words, 8 new a sentence: 40,000 words of
	   their own, more than the cache keeps, and the 19 of vocab again
	   and again. */
	for (k = 0; k < 5000; k++) {
		for (i = 0; i < 24; i++) {
			if (i % 3 == 1) {
				snprintf(uniq[i], sizeof(uniq[i]), "%sW%zu",
				    k % 2 ? "" : "x", k * 24 + i);
				words[i] = (const unsigned char *)uniq[i];
			} else
				words[i] = (const unsigned char *)
				    vocab[(k * 7 + i) % nv];
			lens[i] = strlen((const char *)words[i]);
		}
		cr_assert_eq(tag_predict(m, &s, out, &w), 0);
		if (k % 100 != 0 && k < 4990)
			continue;
		cr_assert_eq(tag_predict(m, &s, want, &fresh), 0);
		tag_work_free(fresh);
		fresh = NULL;
		for (i = 0; i < 24; i++)
			cr_assert_eq(out[i], want[i], "sentence %zu, word %zu",
			    k, i);
	}
	tag_work_free(w);
	tag_model_free(m);
}

Test(tagger, training_refuses_a_beam_out_of_range)
{
	struct train_config cfg;
	struct buf	 b = BUF_INIT;
	char		 err[128];
	struct tsent	 t;
	const int	*g[1];

	tsent_init(&t, "the/DET dog/NOUN", pos_names, 4);
	g[0] = t.gold;
	train_config_init(&cfg, TAG_TASK_POS, pos_names, 4);
	cfg.beam = 0;
	cr_assert_eq(train_model(&cfg, &t.s, g, 1, &b, NULL, err,
	    sizeof(err)), -1);
	cr_assert_str_eq(err, "beam width out of range: 0");
	cfg.beam = BEAM_MAX + 1;
	cr_assert_eq(train_model(&cfg, &t.s, g, 1, &b, NULL, err,
	    sizeof(err)), -1);
	cfg.beam = BEAM_MAX;
	cr_assert_eq(train_model(&cfg, &t.s, g, 1, &b, NULL, err,
	    sizeof(err)), 0, "%s", err);
	buf_free(&b);
}

Test(tagger, learns_a_toy_corpus_and_tags_it_back)
{
	struct buf	 b = BUF_INIT;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	struct tsent	 t;
	char		 err[128];
	int		 out[32];

	train_toy(&b);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0,
	    "%s", err);
	cr_assert_eq(tag_model_task(m), TAG_TASK_POS);
	cr_assert_eq(tag_model_nclasses(m), 4);
	cr_assert_str_eq(tag_model_class(m, 1), "NOUN");
	cr_assert_null(tag_model_class(m, 4));
	cr_assert_eq(tag_model_class_index(m, "ADJ"), 3);
	cr_assert_eq(tag_model_class_index(m, "PROPN"), -1);
	expect_toys(m, &w);
	/* A new sentence of known words, and an empty one. */
	tsent_init(&t, "the small dog sees a big cat", NULL, 0);
	cr_assert_eq(tag_predict(m, &t.s, out, &w), 0);
	cr_assert_str_eq(tag_model_class(m, (size_t)out[0]), "DET");
	cr_assert_str_eq(tag_model_class(m, (size_t)out[2]), "NOUN");
	cr_assert_str_eq(tag_model_class(m, (size_t)out[3]), "VERB");
	t.s.n = 0;
	cr_assert_eq(tag_predict(m, &t.s, out, &w), 0);
	tag_work_free(w);
	tag_model_free(m);
	buf_free(&b);
}

/* Reads the n sentences src[] of "word/CLASS" over the NER classes ner[]
   (5 of them) into t[], s[] and g[]. */
static void
ner_corpus(const char *const *src, size_t n, const char *const *ner,
    struct tsent *t, struct tag_sentence *s, const int **g)
{
	size_t	 k;

	for (k = 0; k < n; k++) {
		tsent_init(&t[k], src[k], ner, 5);
		s[k] = t[k].s;
		g[k] = t[k].gold;
	}
}

Test(tagger, ner_never_puts_inside_after_outside)
{
	static const char *const ner[] = { "O", "B-PER", "I-PER", "B-ORG",
	    "I-ORG" };
	static const char *const src[] = {
		"Jensen/B-PER Huang/I-PER runs/O Nvidia/B-ORG ./O",
		"Lisa/B-PER Su/I-PER runs/O AMD/B-ORG ./O",
		"he/O said/O Huang/B-PER spoke/O",
	};
	struct tsent	 t[3], q;
	struct tag_sentence s[3];
	const int	*g[3];
	struct train_config cfg;
	struct buf	 b = BUF_INIT;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	char		 err[128];
	int		 out[32];
	size_t		 k, i;

	ner_corpus(src, 3, ner, t, s, g);
	s[0].flags = TAG_SENT_DOC_START;
	train_config_init(&cfg, TAG_TASK_NER, ner, 5);
	cfg.min_count = 1;
	cr_assert_eq(train_model(&cfg, s, g, 3, &b, NULL, err, sizeof(err)),
	    0, "%s", err);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0,
	    "%s", err);
	cr_assert_eq(tag_doc_begin(&w, s, 3), 0);
	for (k = 0; k < 3; k++) {
		cr_assert_eq(tag_predict(m, &s[k], out, &w), 0);
		for (i = 0; i < s[k].n; i++)
			cr_assert_eq(out[i], g[k][i]);
	}
	tag_doc_end(w);
	tsent_init(&q, "runs Su Huang Nvidia . AMD Huang", NULL, 0);
	cr_assert_eq(tag_predict(m, &q.s, out, &w), 0);
	for (i = 0; i < q.s.n; i++) {
		const char *prev = i > 0 ? ner[out[i - 1]] : NULL;

		cr_assert(feat_bio_allowed(prev, ner[out[i]]), "word %zu: %s "
		    "after %s", i, ner[out[i]], prev ? prev : "start");
	}
	tag_work_free(w);
	tag_model_free(m);
	buf_free(&b);
}

Test(tagger, two_stage_and_multi_run_models_learn_and_repeat)
{
	static const char *const ner[] = { "O", "B-PER", "I-PER", "B-ORG",
	    "I-ORG" };
	static const char *const src[] = {
		"Jensen/B-PER Huang/I-PER runs/O Nvidia/B-ORG ./O",
		"Huang/B-PER said/O Nvidia/B-ORG grew/O",
		"Lisa/B-PER Su/I-PER runs/O AMD/B-ORG ./O",
		"Su/B-PER said/O AMD/B-ORG grew/O",
		"he/O said/O Huang/B-PER spoke/O",
		"Nvidia/B-ORG and/O AMD/B-ORG grew/O",
	};
	struct tsent	 t[6];
	struct tag_sentence s[6];
	const int	*g[6];
	struct train_config cfg;
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	char		 err[128];
	int		 out[32];
	size_t		 k, i;

	ner_corpus(src, 6, ner, t, s, g);
	/* Three documents of two sentences. */
	s[0].flags = s[2].flags = s[4].flags = TAG_SENT_DOC_START;
	train_config_init(&cfg, TAG_TASK_NER, ner, 5);
	cfg.stages = 2;
	cfg.folds = 3;
	cfg.runs = 2;
	cr_assert_eq(train_model(&cfg, s, g, 6, &a, NULL, err, sizeof(err)),
	    0, "%s", err);
	cr_assert_eq(train_model(&cfg, s, g, 6, &b, NULL, err, sizeof(err)),
	    0, "%s", err);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.p, b.p, a.len), 0, "not deterministic");
	cr_assert_eq(a.p[7], 2, "stages byte");
	cr_assert_eq(tag_model_load_mem(&m, a.p, a.len, err, sizeof(err)), 0,
	    "%s", err);
	for (k = 0; k < 6; k += 2) {
		cr_assert_eq(tag_doc_begin(&w, s + k, 2), 0);
		for (i = k; i < k + 2; i++) {
			size_t	 j;

			cr_assert_eq(tag_predict(m, &s[i], out, &w), 0);
			for (j = 0; j < s[i].n; j++)
				cr_assert_eq(out[j], g[i][j], "%s: word %zu",
				    src[i], j);
		}
	}
	/* Out of its document's order, and outside any document, a
	   sentence is still tagged. */
	cr_assert_eq(tag_doc_begin(&w, s, 2), 0);
	cr_assert_eq(tag_predict(m, &s[1], out, &w), 0);
	cr_assert_str_eq(ner[out[0]], "B-PER");
	tag_doc_end(w);
	cr_assert_eq(tag_predict(m, &s[0], out, &w), 0);
	for (i = 0; i < s[0].n; i++)
		cr_assert_eq(out[i], g[0][i]);
	/* Two stages need two folds. */
	cfg.folds = 1;
	buf_clear(&b);
	cr_assert_eq(train_model(&cfg, s, g, 6, &b, NULL, err, sizeof(err)),
	    -1);
	tag_work_free(w);
	tag_model_free(m);
	buf_free(&a);
	buf_free(&b);
}

Test(tagger, training_is_deterministic)
{
	struct buf	 a = BUF_INIT, b = BUF_INIT;

	train_toy(&a);
	train_toy(&b);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.p, b.p, a.len), 0);
	buf_free(&a);
	buf_free(&b);
}

Test(tagger, model_round_trips_through_a_file)
{
	struct buf	 b = BUF_INIT, again = BUF_INIT;
	struct tag_model *m, *f;
	struct tag_work	*w = NULL;
	char		 path[] = "/tmp/quire-test-tagger-XXXXXX", err[128];
	int		 fd, o1[32], o2[32];
	size_t		 k, i;
	const unsigned char *row;
	uint64_t	*hashes;
	int16_t		*wt;
	size_t		 nrows, nc = 4, hdr;
	float		 scale;
	uint32_t	 u;

	train_toy(&b);
	cr_assert_neq(fd = mkstemp(path), -1);
	cr_assert_eq(write(fd, b.p, b.len), (ssize_t)b.len);
	close(fd);
	cr_assert_eq(tag_model_load_file(&f, path, err, sizeof(err)), 0, "%s",
	    err);
	unlink(path);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0);
	for (k = 0; k < NTOY; k++) {
		cr_assert_eq(tag_predict(m, &toys[k], o1, &w), 0);
		cr_assert_eq(tag_predict(f, &toys[k], o2, &w), 0);
		for (i = 0; i < toys[k].n; i++)
			cr_assert_eq(o1[i], o2[i]);
	}

	/* Decoding the rows by the documented layout and encoding them
	   again gives the same bytes. */
	nrows = (size_t)b.p[16] | (size_t)b.p[17] << 8 |
	    (size_t)b.p[18] << 16 | (size_t)b.p[19] << 24;
	u = (uint32_t)b.p[20] | (uint32_t)b.p[21] << 8 |
	    (uint32_t)b.p[22] << 16 | (uint32_t)b.p[23] << 24;
	memcpy(&scale, &u, sizeof(scale));
	hdr = 36;
	cr_assert_eq(b.p[32] | b.p[33] | b.p[34] | b.p[35], 0,
	    "no tag dictionary");
	for (k = 0; k < nc; k++)
		hdr += 1 + b.p[hdr];
	cr_assert_eq(hdr + nrows * (8 + 2 * nc) + 4, b.len);
	hashes = calloc(nrows + 1, sizeof(*hashes));
	wt = calloc(nrows * nc + 1, sizeof(*wt));
	for (k = 0; k < nrows; k++) {
		row = b.p + hdr + k * (8 + 2 * nc);
		for (i = 0; i < 8; i++)
			hashes[k] |= (uint64_t)row[i] << (8 * i);
		for (i = 0; i < nc; i++)
			wt[k * nc + i] = (int16_t)(row[8 + 2 * i] |
			    row[9 + 2 * i] << 8);
	}
	cr_assert_eq(tag_model_encode(&again, TAG_TASK_POS, nc, pos_names,
	    nrows, hashes, wt, scale, 0, 1, 1), 0);
	cr_assert_eq(again.len, b.len);
	cr_assert_eq(memcmp(again.p, b.p, b.len), 0);
	free(hashes);
	free(wt);
	tag_work_free(w);
	tag_model_free(m);
	tag_model_free(f);
	buf_free(&b);
	buf_free(&again);
}

Test(tagger, every_truncation_is_an_error)
{
	struct buf	 b = BUF_INIT;
	struct tag_model *m;
	unsigned char	*p;
	char		 err[128];
	size_t		 n;

	train_toy(&b);
	for (n = 0; n < b.len; n++) {
		/* A copy of exactly n bytes, so ASan sees any overread. */
		p = malloc(n ? n : 1);
		memcpy(p, b.p, n);
		err[0] = '\0';
		cr_assert_eq(tag_model_load_mem(&m, p, n, err, sizeof(err)), -1,
		    "length %zu", n);
		cr_assert_null(m);
		cr_assert_neq(err[0], '\0', "length %zu: no message", n);
		free(p);
	}
	/* One byte too many. */
	cr_assert_eq(buf_putc(&b, 0), 0);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "model size does not match its header");
	buf_free(&b);
}

Test(tagger, bad_magic_version_and_checksum_are_errors)
{
	struct buf	 b = BUF_INIT;
	struct tag_model *m;
	char		 err[128];
	size_t		 i;
	unsigned char	 version;

	train_toy(&b);
	b.p[0] = 'X';
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "not a quire model");
	b.p[0] = 'Q';
	version = b.p[4];
	b.p[4] = 9;
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "unsupported model version 9");
	/* Version 4 had no beam width in its header. */
	b.p[4] = 4;
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "unsupported model version 4");
	b.p[4] = version;
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0);
	tag_model_free(m);
	/* A flipped bit in a weight, in a hash, in the checksum itself. */
	for (i = b.len - 40; i < b.len; i += 13) {
		b.p[i] ^= 0x10;
		cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err,
		    sizeof(err)), -1, "byte %zu", i);
		cr_assert_str_eq(err, "checksum mismatch");
		b.p[i] ^= 0x10;
	}
	/* Errors fit a small buffer, and a NULL one. */
	b.p[0] = 'X';
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, 4), -1);
	cr_assert_str_eq(err, "not");
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, NULL, 0), -1);
	buf_free(&b);
}

Test(tagger, missing_file_is_an_error)
{
	struct tag_model *m;
	char		 err[128];

	cr_assert_eq(tag_model_load_file(&m, "/nonexistent/quire.model", err,
	    sizeof(err)), -1);
	cr_assert_null(m);
	cr_assert_str_eq(err, strerror(ENOENT));
}

Test(tagger, encoder_refuses_bad_input)
{
	static const char *const dup[] = { "A", "A" };
	static const char *const spc[] = { "A", "B C" };
	struct buf	 b = BUF_INIT;
	uint64_t	 h[2] = { 5, 5 };
	int16_t		 wt[4] = { 0 };

	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, dup, 0, h, wt, 1, 0,
	    1, 1), -1);
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, spc, 0, h, wt, 1, 0,
	    1, 1), -1);
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, pos_names, 2, h,
	    wt, 1, 0, 1, 1), -1, "hashes must increase");
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, pos_names, 1, h,
	    wt, 0, 0, 1, 1), -1, "scale must be positive");
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, pos_names, 1, h,
	    wt, 1, 0, 3, 1), -1, "one or two stages");
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, pos_names, 1, h,
	    wt, 1, 0, 1, 0), -1, "a beam of one or more");
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, 2, pos_names, 1, h,
	    wt, 1, 0, 1, BEAM_MAX + 1), -1, "a beam of at most BEAM_MAX");
	cr_assert_eq(b.len, 0);
	buf_free(&b);
}

/* Rewrites the checksum after a deliberate change. */
static void
fix_crc(struct buf *b)
{
	uint32_t crc = feat_crc32(0, b->p, b->len - 4);

	b->p[b->len - 4] = crc & 0xFF;
	b->p[b->len - 3] = (crc >> 8) & 0xFF;
	b->p[b->len - 2] = (crc >> 16) & 0xFF;
	b->p[b->len - 1] = crc >> 24;
}

/* Loads a copy of good with n bytes at i replaced by v (checksum fixed);
   expects the error msg. */
static void
expect_error_at(const struct buf *good, size_t i, const void *v, size_t n,
    const char *msg)
{
	struct buf	 b = BUF_INIT;
	struct tag_model *m;
	char		 err[128];

	cr_assert_eq(buf_append(&b, good->p, good->len), 0);
	memcpy(b.p + i, v, n);
	fix_crc(&b);
	m = NULL;
	err[0] = '\0';
	if (tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)) == 0)
		tag_model_free(m);
	cr_assert_null(m, "byte %zu loaded", i);
	cr_assert_str_eq(err, msg, "byte %zu", i);
	buf_free(&b);
}

static void
expect_error(const struct buf *good, size_t i, unsigned char v,
    const char *msg)
{
	expect_error_at(good, i, &v, 1, msg);
}

/*
 * Random damage with the checksum made right again, as a crafted file
 * would have: every such model loads or is refused with a message, and
 * one that loads tags without harm (make sanitize runs this under
 * AddressSanitizer).  The generator is fixed, so a failure repeats.
 */
Test(tagger, damaged_models_with_good_checksums_never_crash)
{
	struct buf	 good = BUF_INIT, b = BUF_INIT;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	char		 err[128];
	uint64_t	 x = 0x9E3779B97F4A7C15ULL;
	size_t		 trial, k, i, nhits, loaded = 0;
	int		 out[64], rc;

	train_toy(&good);
	for (trial = 0; trial < 3000; trial++) {
		buf_clear(&b);
		cr_assert_eq(buf_append(&b, good.p, good.len), 0);
		nhits = 1 + trial % 4;
		for (k = 0; k < nhits; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* Most hits in the header and names, where the
			   checks are. */
			i = (size_t)(x >> 8) % (trial % 2 ? b.len - 4 : 64);
			b.p[i] = (unsigned char)x;
		}
		fix_crc(&b);
		err[0] = '\0';
		rc = tag_model_load_mem(&m, b.p, b.len, err, sizeof(err));
		cr_assert(rc == 0 || rc == -1, "trial %zu: %d", trial, rc);
		if (rc == -1) {
			cr_assert_neq(err[0], '\0', "trial %zu", trial);
			continue;
		}
		loaded++;
		for (k = 0; k < NTOY; k++)
			cr_assert_eq(tag_predict(m, &toys[k], out, &w), 0);
		tag_work_free(w);
		w = NULL;
		tag_model_free(m);
	}
	cr_expect_gt(loaded, 0, "no damaged model loaded: the test tests "
	    "only the refusals");
	buf_free(&b);
	buf_free(&good);
}

Test(tagger, header_and_rows_are_validated_past_the_checksum)
{
	struct buf	 b = BUF_INIT;
	size_t		 names = 36, rows;

	train_toy(&b);
	/* Names: 3 DET, 4 NOUN, 4 VERB, 3 ADJ; then 16-byte rows. */
	rows = names + 1 + 3 + 1 + 4 + 1 + 4 + 1 + 3;
	expect_error(&b, 6, 3, "unknown model task");
	expect_error(&b, 7, 0, "bad number of stages in model");
	expect_error(&b, 7, 3, "bad number of stages in model");
	expect_error(&b, 8, FEAT_VERSION + 1,
	    "model was trained with other features");
	expect_error(&b, 12, 1, "bad number of classes in model");
	expect_error(&b, 12, 65, "bad number of classes in model");
	expect_error(&b, 12, 5, "truncated model");
	expect_error(&b, 16, b.p[16] + 1, "truncated model");
	expect_error(&b, 16, b.p[16] - 1,
	    "model size does not match its header");
	expect_error(&b, 23, 0xFF, "bad weight scale in model");	/* NaN */
	expect_error(&b, 23, 0x80, "bad weight scale in model");	/* < 0 */
	expect_error(&b, 28, 0, "bad beam width in model");
	expect_error(&b, 28, BEAM_MAX + 1, "bad beam width in model");
	expect_error(&b, 31, 1, "bad beam width in model");
	/* A tag dictionary that eats into the rows, or past the end. */
	expect_error(&b, 32, 16, "truncated model");
	expect_error(&b, 35, 1, "truncated model");
	expect_error(&b, names + 1, ' ', "bad class name in model");
	expect_error(&b, names + 5, 0, "bad class name in model");
	expect_error_at(&b, rows - 3, "DET", 3,
	    "duplicate class name in model");
	/* The second row's hash equal to the first's. */
	expect_error_at(&b, rows + 16, b.p + rows, 8,
	    "model rows out of order");
	buf_free(&b);
}

Test(tagger, odd_words_tag_without_harm)
{
	static const unsigned char nul[] = { 'a', 0, 'b' };
	static const unsigned char bad[] = { 0xC3, 'x', 0xFF, 0xE2, 0x82 };
	static const unsigned char cap[] = "\xC3\x89mile";	/* Émile */
	unsigned char	 longw[300];
	const unsigned char *words[5];
	size_t		 lens[5], i;
	struct tag_sentence s = { words, lens, 5, NULL, 0 };
	struct buf	 b = BUF_INIT, text = BUF_INIT;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	struct feat_work *fw = NULL;
	struct feat_classes cls = { pos_names, pos_lens, 4 };
	uint64_t	 h[FEAT_MAX];
	char		 err[128];
	int		 out[5];

	/* A long word of two-byte letters, cut inside a character. */
	for (i = 0; i + 1 < sizeof(longw); i += 2) {
		longw[i] = 0xC3;
		longw[i + 1] = 0xA9;
	}
	words[0] = (const unsigned char *)"";
	lens[0] = 0;
	words[1] = nul;
	lens[1] = sizeof(nul);
	words[2] = bad;
	lens[2] = sizeof(bad);
	words[3] = longw;
	lens[3] = sizeof(longw);
	words[4] = cap;
	lens[4] = sizeof(cap) - 1;
	train_toy(&b);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0);
	cr_assert_eq(tag_predict(m, &s, out, &w), 0);
	for (i = 0; i < 5; i++)
		cr_assert(out[i] >= 0 && out[i] < 4);
	cr_assert_eq(feat_prepare(&fw, &s, NULL), 0);
	(void)feat_extract(fw, TAG_TASK_POS, 4, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "l=\xC3\xA9mile"), "%.*s",
	    (int)text.len, text.p);
	cr_assert(has_feature(&text, "sh=Xx"));
	cr_assert(has_feature(&text, "c"));
	buf_clear(&text);
	(void)feat_extract(fw, TAG_TASK_POS, 3, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "sh=x"));
	feat_work_free(fw);
	buf_free(&text);
	tag_work_free(w);
	tag_model_free(m);
	buf_free(&b);
}

/*
 * Tags one word with a model of nc classes whose rows are half of the
 * word's features, among rows crowded around every feature's hash (the
 * hash plus and minus small numbers, and with low bits flipped), and the
 * hashes 0 and 2^64 - 1.  The decoder must add exactly the rows of the
 * features it finds, so the class is the one a plain sum gives.
 */
static void
lookup_among_crowded_rows(size_t nc)
{
	static const unsigned char word[] = "Apple";
	const unsigned char *words[1] = { word };
	size_t		 lens[1] = { sizeof(word) - 1 }, nf, n = 0, i, k, c;
	struct tag_sentence s = { words, lens, 1, NULL, 0 };
	struct feat_work *fw = NULL;
	struct tag_work	*w = NULL;
	struct tag_model *m;
	struct feat_classes cls;
	struct buf	 b = BUF_INIT;
	char		 names[64][24];
	const char	*np[64];
	size_t		 nl[64];
	uint64_t	 h[FEAT_MAX], *rows;
	int16_t		*wt;
	int32_t		 sc[64];
	char		 err[128];
	int		 out[1], best = 0;

	for (c = 0; c < nc; c++) {
		snprintf(names[c], sizeof(names[c]), "C%zu", c);
		np[c] = names[c];
		nl[c] = strlen(names[c]);
	}
	cls.names = np;
	cls.lens = nl;
	cls.n = nc;
	cr_assert_eq(feat_prepare(&fw, &s, NULL), 0);
	nf = feat_extract(fw, TAG_TASK_POS, 0, -1, -1, &cls, NULL, h, NULL);
	cr_assert_gt(nf, 10);
	rows = calloc(nf * 25 + 2, sizeof(*rows));
	cr_assert_not_null(rows);
	for (k = 0; k < nf; k++) {
		if (k % 2 == 0)
			rows[n++] = h[k];
		for (i = 1; i <= 4; i++) {
			rows[n++] = h[k] + i;
			rows[n++] = h[k] - i;
		}
		for (i = 0; i < 8; i++)
			rows[n++] = h[k] ^ (uint64_t)1 << i;
		for (i = 40; i < 48; i++)
			rows[n++] = h[k] ^ (uint64_t)1 << i;
	}
	rows[n++] = 0;
	rows[n++] = UINT64_MAX;
	qsort(rows, n, sizeof(*rows), otab_cmp_hashes);
	for (i = 1, k = 1; i < n; i++)
		if (rows[i] != rows[k - 1])
			rows[k++] = rows[i];
	n = k;
	wt = calloc(n * nc, sizeof(*wt));
	cr_assert_not_null(wt);
	/* Filler rows weigh much, so that a false match shows. */
	for (i = 0; i < n; i++)
		for (c = 0; c < nc; c++)
			wt[i * nc + c] = (int16_t)((i * 7 + c * 13) % 11 - 5);
	for (i = 0; i < n; i++) {
		for (k = 0; k < nf && h[k] != rows[i]; k++)
			;
		if (k == nf || k % 2 != 0)
			wt[i * nc + i % nc] = 1000;
	}
	memset(sc, 0, sizeof(sc));
	for (k = 0; k < nf; k++)
		for (i = 0; i < n; i++)
			if (rows[i] == h[k] && k % 2 == 0)
				for (c = 0; c < nc; c++)
					sc[c] += wt[i * nc + c];
	for (c = 1; c < nc; c++)
		if (sc[c] > sc[best])
			best = (int)c;
	cr_assert_eq(tag_model_encode(&b, TAG_TASK_POS, nc, np, n, rows, wt,
	    1, 0, 1, 1), 0);
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)), 0,
	    "%s", err);
	cr_assert_eq(tag_predict(m, &s, out, &w), 0);
	cr_assert_eq(out[0], best, "%zu classes: %d, not %d", nc, out[0],
	    best);
	tag_model_free(m);
	tag_work_free(w);
	feat_work_free(fw);
	buf_free(&b);
	free(rows);
	free(wt);
}

Test(tagger, lookups_find_exactly_their_rows_among_crowded_ones)
{
	lookup_among_crowded_rows(2);
	lookup_among_crowded_rows(4);
	lookup_among_crowded_rows(9);
	lookup_among_crowded_rows(17);
	lookup_among_crowded_rows(28);
	lookup_among_crowded_rows(64);
}

/* A table of three words over two levels: "Apple" 1/5, "apple" 0/2,
   "0000" (any four digits) 1/7. */
static void
make_clusters(struct buf *b)
{
	static const char *const w[] = { "Apple", "apple", "1996" };
	static const uint16_t id[3][2] = { { 1, 5 }, { 0, 2 }, { 1, 7 } };
	uint32_t nc[2] = { 2, 8 };
	uint64_t keys[3], t;
	uint16_t ids[6], tid[2];
	size_t	 i, j;

	for (i = 0; i < 3; i++) {
		keys[i] = clusters_key(w[i], strlen(w[i]));
		ids[2 * i] = id[i][0];
		ids[2 * i + 1] = id[i][1];
	}
	/* Sort by key, as the format asks. */
	for (i = 0; i < 3; i++)
		for (j = i + 1; j < 3; j++)
			if (keys[j] < keys[i]) {
				t = keys[i];
				keys[i] = keys[j];
				keys[j] = t;
				memcpy(tid, ids + 2 * i, sizeof(tid));
				memcpy(ids + 2 * i, ids + 2 * j, sizeof(tid));
				memcpy(ids + 2 * j, tid, sizeof(tid));
			}
	cr_assert_eq(clusters_encode(b, 2, nc, 3, keys, ids), 0);
}

Test(clusters, round_trip_and_lookup)
{
	struct buf	 b = BUF_INIT;
	struct clusters	*c;
	char		 err[128];
	uint16_t	 ids[CLUSTERS_LEVELS_MAX];

	make_clusters(&b);
	cr_assert_eq(clusters_load_mem(&c, b.p, b.len, err, sizeof(err)), 0,
	    "%s", err);
	cr_assert_eq(clusters_levels(c), 2);
	cr_assert_eq(clusters_words(c), 3);
	cr_assert_neq(clusters_id(c), 0);
	cr_assert_eq(clusters_lookup(c, clusters_key("Apple", 5), ids), 1);
	cr_assert(ids[0] == 1 && ids[1] == 5);
	cr_assert_eq(clusters_lookup(c, clusters_key("apple", 5), ids), 1);
	cr_assert(ids[0] == 0 && ids[1] == 2);
	/* Digits are folded: 2024 is 1996. */
	cr_assert_eq(clusters_key("2024", 4), clusters_key("0000", 4));
	cr_assert_eq(clusters_lookup(c, clusters_key("2024", 4), ids), 1);
	cr_assert(ids[0] == 1 && ids[1] == 7);
	cr_assert_eq(clusters_lookup(c, clusters_key("pear", 4), ids), 0);
	cr_assert(ids[0] == CLUSTERS_NONE && ids[1] == CLUSTERS_NONE);
	clusters_free(c);
	buf_free(&b);
}

Test(clusters, corrupt_tables_are_errors)
{
	struct buf	 b = BUF_INIT;
	struct clusters	*c;
	unsigned char	*p;
	char		 err[128];
	size_t		 n;
	uint32_t	 nc[1] = { 2 };
	uint64_t	 keys[2] = { 2, 1 };
	uint16_t	 ids[2] = { 0, 2 };

	make_clusters(&b);
	for (n = 0; n < b.len; n++) {
		p = malloc(n ? n : 1);
		memcpy(p, b.p, n);
		err[0] = '\0';
		cr_assert_eq(clusters_load_mem(&c, p, n, err, sizeof(err)), -1,
		    "length %zu", n);
		cr_assert_null(c);
		cr_assert_neq(err[0], '\0', "length %zu: no message", n);
		free(p);
	}
	b.p[b.len - 10] ^= 1;
	cr_assert_eq(clusters_load_mem(&c, b.p, b.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "checksum mismatch");
	b.p[0] = 'X';
	cr_assert_eq(clusters_load_mem(&c, b.p, b.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "not a quire cluster table");
	buf_clear(&b);
	cr_assert_eq(clusters_encode(&b, 1, nc, 2, keys, ids), -1,
	    "keys must increase");
	keys[0] = 0;
	cr_assert_eq(clusters_encode(&b, 1, nc, 2, keys, ids), -1,
	    "ids must be below nclasses");
	cr_assert_eq(b.len, 0);
	buf_free(&b);
}

/*
 * The programs load the built-in models without their checksums
 * (tag_model_load_builtin): here, when the program is built, each must
 * pass the full check, and a model with a wrong checksum loads only that
 * way.
 */
Test(tagger, built_in_models_pass_their_checksums)
{
	const unsigned char *(*const get[])(size_t *) = { models_pos,
	    models_ner, models_ner_accurate };
	struct tag_model *m;
	struct buf	 b = BUF_INIT;
	const unsigned char *p;
	char		 err[128];
	size_t		 i, n;

	for (i = 0; i < sizeof(get) / sizeof(get[0]); i++) {
		p = get[i](&n);
		cr_assert_eq(tag_model_load_mem(&m, p, n, err, sizeof(err)),
		    0, "model %zu: %s", i, err);
		tag_model_free(m);
	}
	p = models_ner(&n);
	cr_assert_eq(buf_append(&b, p, n), 0);
	b.p[b.len - 1] ^= 1;
	cr_assert_eq(tag_model_load_mem(&m, b.p, b.len, err, sizeof(err)),
	    -1);
	cr_expect_str_eq(err, "checksum mismatch");
	cr_assert_eq(tag_model_load_builtin(&m, b.p, b.len, NULL, err,
	    sizeof(err)), 0, "%s", err);
	tag_model_free(m);
	buf_free(&b);
}

Test(clusters, built_in_table_loads)
{
	struct clusters	*c;
	const unsigned char *p;
	char		 err[128];
	size_t		 n;
	uint16_t	 ids[CLUSTERS_LEVELS_MAX];

	p = models_clusters(&n);
	cr_assert_eq(clusters_load_mem(&c, p, n, err, sizeof(err)), 0, "%s",
	    err);
	cr_assert_gt(clusters_words(c), 10000);
	cr_assert_eq(clusters_lookup(c, clusters_key("the", 3), ids), 1);
	clusters_free(c);
}

Test(clusters, features_read_the_table_and_models_record_it)
{
	static const char *const cls_names[] = { "DET", "NOUN" };
	static const size_t cls_lens[] = { 3, 4 };
	struct feat_classes cls = { cls_names, cls_lens, 2 };
	struct buf	 b = BUF_INIT, other = BUF_INIT, text = BUF_INIT;
	struct buf	 model = BUF_INIT;
	struct clusters	*c, *c2;
	struct feat_work *fw = NULL;
	struct tag_model *m;
	struct train_config cfg;
	struct tsent	 t;
	uint64_t	 h[FEAT_MAX];
	uint32_t	 nc[1] = { 4 };
	uint64_t	 k1[1] = { 1 };
	uint16_t	 i1[1] = { 3 };
	char		 err[128];
	const int	*g[1];

	make_clusters(&b);
	cr_assert_eq(clusters_load_mem(&c, b.p, b.len, err, sizeof(err)), 0);
	tsent_init(&t, "APPLE Apple pear", NULL, 0);
	cr_assert_eq(feat_prepare(&fw, &t.s, c), 0);
	(void)feat_extract(fw, TAG_TASK_POS, 1, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "c0=1"), "%.*s", (int)text.len, text.p);
	cr_assert(has_feature(&text, "c1=5"));
	/* "APPLE" is not in the table: its lower case is. */
	cr_assert(has_feature(&text, "c1-1=2"));
	cr_assert(has_feature(&text, "c1+1=?"));
	buf_clear(&text);
	cr_assert_eq(feat_prepare(&fw, &t.s, NULL), 0);
	(void)feat_extract(fw, TAG_TASK_POS, 1, -1, -1, &cls, NULL, h, &text);
	cr_assert_not(has_feature(&text, "c0=1"));

	/* A model trained with the table loads with it only. */
	tsent_init(&t, "the/DET Apple/NOUN", cls_names, 2);
	g[0] = t.gold;
	train_config_init(&cfg, TAG_TASK_POS, cls_names, 2);
	cfg.clusters = c;
	cr_assert_eq(train_model(&cfg, &t.s, g, 1, &model, NULL, err,
	    sizeof(err)), 0, "%s", err);
	cr_assert_eq(tag_model_load_mem_with(&m, model.p, model.len, c, err,
	    sizeof(err)), 0, "%s", err);
	tag_model_free(m);
	cr_assert_eq(clusters_encode(&other, 1, nc, 1, k1, i1), 0);
	cr_assert_eq(clusters_load_mem(&c2, other.p, other.len, err,
	    sizeof(err)), 0);
	cr_assert_eq(tag_model_load_mem_with(&m, model.p, model.len, c2, err,
	    sizeof(err)), -1);
	cr_assert_str_eq(err, "model was trained with other word clusters");
	cr_assert_eq(tag_model_load_mem(&m, model.p, model.len, err,
	    sizeof(err)), -1);
	cr_assert_str_eq(err, "model was trained with other word clusters");
	clusters_free(c2);
	clusters_free(c);
	feat_work_free(fw);
	buf_free(&b);
	buf_free(&other);
	buf_free(&text);
	buf_free(&model);
}

/* Runs learn_clusters on a small file; the output's bytes in out. */
static void
learn(const char *in, const char *outpath, struct buf *out)
{
	char	 cmd[512];
	FILE	*fp;
	int	 ch;

	snprintf(cmd, sizeof(cmd), "./tools/learn_clusters -q -m 1 -i 3 "
	    "-k 4,16 -c %s -o %s", in, outpath);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	cr_assert_not_null(fp = fopen(outpath, "rb"));
	while ((ch = getc(fp)) != EOF)
		cr_assert_eq(buf_putc(out, (unsigned char)ch), 0);
	fclose(fp);
}

Test(clusters, learner_is_deterministic)
{
	static const char *const words[] = {
		"the", "a", "dog", "cat", "runs", "sleeps", "big", "small",
		"Paris", "London", "in", "."
	};
	char	 in[] = "/tmp/quire-clusters-XXXXXX", o1[64], o2[64];
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct clusters *c;
	char	 err[128];
	uint64_t rng = 7;
	FILE	*fp;
	int	 fd, i;

	if (access("tools/learn_clusters", X_OK) != 0)
		cr_skip_test("tools/learn_clusters is not built");
	cr_assert_geq(fd = mkstemp(in), 0);
	cr_assert_not_null(fp = fdopen(fd, "w"));
	for (i = 0; i < 3000; i++) {
		rng ^= rng << 13;
		rng ^= rng >> 7;
		rng ^= rng << 17;
		fprintf(fp, "%s\n", words[rng % 12]);
		if (rng % 10 == 0)
			fputc('\n', fp);
	}
	fclose(fp);
	snprintf(o1, sizeof(o1), "%s.1", in);
	snprintf(o2, sizeof(o2), "%s.2", in);
	learn(in, o1, &a);
	learn(in, o2, &b);
	unlink(in);
	unlink(o1);
	unlink(o2);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.p, b.p, a.len), 0, "two runs differ");
	cr_assert_eq(clusters_load_mem(&c, a.p, a.len, err, sizeof(err)), 0,
	    "%s", err);
	cr_assert_eq(clusters_words(c), 12);
	cr_assert_eq(clusters_levels(c), 2);
	clusters_free(c);
	buf_free(&a);
	buf_free(&b);
}
