/*
 * Unit tests for the tag dictionary (tagdict.h): the builder's class sets,
 * shares and folds, the encoded bytes (round trip, determinism, every
 * truncation and damage an error), the POS features that read it
 * (feat.h), and a model that carries one (train.h, tagger.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <criterion/criterion.h>

#include "buf.h"
#include "feat.h"
#include "tagdict.h"
#include "tagger.h"
#include "train.h"

#include "feat_text.h"

static const char *const upos4[] = { "DET", "NOUN", "VERB", "ADJ" };

static uint64_t
key(const char *w)
{
	return feat_hash(w, strlen(w));
}

/* A builder of one source over upos4, with share. */
static struct tagdict_builder *
builder(double share)
{
	struct tagdict_builder *b;

	cr_assert_eq(tagdict_builder_new(&b), 0);
	cr_assert_eq(tagdict_builder_source(b, upos4, 4, TAGDICT_WRITTEN,
	    share), 0);
	return b;
}

static void
add(struct tagdict_builder *b, const char *w, size_t c, int fold, int times)
{
	while (times-- > 0)
		cr_assert_eq(tagdict_builder_add(b, 0, key(w), c, fold), 0);
}

/* The dictionary b encodes leaving out fold f. */
static struct tagdict *
load(const struct tagdict_builder *b, int f)
{
	struct buf	 out = BUF_INIT;
	struct tagdict	*d;
	char		 err[128];

	cr_assert_eq(tagdict_encode(b, f, &out), 0);
	cr_assert_eq(tagdict_load_mem(&d, out.p, out.len, err, sizeof(err)),
	    0, "%s", err);
	buf_free(&out);
	return d;
}

/* The class set of w in the dictionary b encodes leaving out fold f. */
static uint64_t
set_of(const struct tagdict_builder *b, int f, const char *w)
{
	struct tagdict	*d = load(b, f);
	uint64_t	 set = tagdict_lookup(d, 0, key(w));

	tagdict_free(d);
	return set;
}

Test(tagdict, sets_hold_the_classes_seen)
{
	struct tagdict_builder *b = builder(0);
	struct tagdict	*d;
	size_t		 len;

	add(b, "the", 0, 0, 3);
	add(b, "run", 1, 0, 1);
	add(b, "run", 2, 1, 2);
	d = load(b, -1);
	cr_assert_eq(tagdict_sources(d), 1);
	cr_assert_eq(tagdict_form(d, 0), TAGDICT_WRITTEN);
	cr_assert_eq(tagdict_lookup(d, 0, key("the")), 0x1);
	cr_assert_eq(tagdict_lookup(d, 0, key("run")), 0x6);
	cr_assert_eq(tagdict_lookup(d, 0, key("walk")), 0);
	cr_assert_str_eq(tagdict_class(d, 0, 2, &len), "VERB");
	cr_assert_eq(len, 4);
	cr_assert_null(tagdict_class(d, 0, 4, &len));
	tagdict_free(d);
	tagdict_builder_free(b);
}

Test(tagdict, leaving_out_a_fold_forgets_only_its_words)
{
	struct tagdict_builder *b = builder(0);

	add(b, "run", 1, 0, 1);
	add(b, "run", 2, 1, 1);
	add(b, "the", 0, -1, 1);
	cr_assert_eq(tagdict_builder_folds(b), 2);
	cr_assert_eq(set_of(b, 1, "run"), 0x2);
	cr_assert_eq(set_of(b, 1, "the"), 0x1, "fold -1 is never left out");
	cr_assert_eq(set_of(b, 0, "run"), 0x4);
	cr_assert_eq(set_of(b, -1, "run"), 0x6);
	tagdict_builder_free(b);
}

Test(tagdict, a_share_drops_rare_classes_but_never_the_commonest)
{
	struct tagdict_builder *b = builder(0.1);

	add(b, "report", 1, 0, 19);
	add(b, "report", 2, 0, 1);
	add(b, "tie", 1, 0, 1);
	add(b, "tie", 2, 0, 1);
	cr_assert_eq(set_of(b, -1, "report"), 0x2);
	cr_assert_eq(set_of(b, -1, "tie"), 0x6);
	tagdict_builder_free(b);

	b = builder(1);
	add(b, "tie", 2, 0, 1);
	add(b, "tie", 1, 0, 1);
	cr_assert_eq(set_of(b, -1, "tie"), 0x2, "ties go to the first class");
	tagdict_builder_free(b);
}

Test(tagdict, the_same_observations_give_the_same_bytes)
{
	struct tagdict_builder *b1 = builder(0), *b2 = builder(0);
	struct buf	 o1 = BUF_INIT, o2 = BUF_INIT;
	char		 w[16];
	int		 i;

	for (i = 0; i < 300; i++) {
		snprintf(w, sizeof(w), "w%d", i);
		add(b1, w, (size_t)i % 4, i % 3, 1);
		snprintf(w, sizeof(w), "w%d", 299 - i);
		add(b2, w, (size_t)(299 - i) % 4, (299 - i) % 3, 1);
	}
	cr_assert_eq(tagdict_encode(b1, 2, &o1), 0);
	cr_assert_eq(tagdict_encode(b2, 2, &o2), 0);
	cr_assert_eq(o1.len, o2.len);
	cr_assert_eq(memcmp(o1.p, o2.p, o1.len), 0);
	buf_free(&o1);
	buf_free(&o2);
	tagdict_builder_free(b1);
	tagdict_builder_free(b2);
}

Test(tagdict, the_builder_refuses_bad_arguments)
{
	static const char *const bad[] = { "A B" };
	static const char *const longname[] = { "ABCDEFGHIJKLMNOP" };
	struct tagdict_builder *b = builder(0);
	int	 s;

	cr_assert_eq(tagdict_builder_source(b, bad, 1, TAGDICT_LOWER, 0), -1);
	cr_assert_eq(tagdict_builder_source(b, longname, 1, TAGDICT_LOWER,
	    0), -1);
	cr_assert_eq(tagdict_builder_source(b, upos4, 4, TAGDICT_LOWER, 2),
	    -1);
	cr_assert_eq(tagdict_builder_add(b, 0, 1, 4, 0), -1);
	cr_assert_eq(tagdict_builder_add(b, 1, 1, 0, 0), -1);
	cr_assert_eq(tagdict_builder_add(b, 0, 1, 0, -2), -1);
	for (s = 1; s < TAGDICT_SOURCES_MAX; s++)
		cr_assert_eq(tagdict_builder_source(b, upos4, 4,
		    TAGDICT_LOWER, 0), s);
	cr_assert_eq(tagdict_builder_source(b, upos4, 4, TAGDICT_LOWER, 0),
	    -1);
	tagdict_builder_free(b);
}

Test(tagdict, every_truncation_and_damage_is_an_error)
{
	struct tagdict_builder *b = builder(0);
	struct tagdict	*d;
	struct buf	 out = BUF_INIT;
	char		 err[128];
	size_t		 n;
	unsigned char	*p;

	add(b, "the", 0, 0, 1);
	add(b, "run", 2, 0, 1);
	cr_assert_eq(tagdict_encode(b, -1, &out), 0);
	for (n = 0; n < out.len; n++) {
		cr_assert_eq(tagdict_load_mem(&d, out.p, n, err, sizeof(err)),
		    -1, "%zu of %zu bytes loaded", n, out.len);
		cr_assert_null(d);
	}
	p = malloc(out.len + 1);
	memcpy(p, out.p, out.len);
	p[out.len] = 0;
	cr_assert_eq(tagdict_load_mem(&d, p, out.len + 1, err, sizeof(err)),
	    -1, "trailing bytes");
	/* The last entry's class set: a class past the source's four. */
	p[out.len - 8] = 0x10;
	cr_assert_eq(tagdict_load_mem(&d, p, out.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "bad class set in tag dictionary");
	p[out.len - 8] = 0;
	cr_assert_eq(tagdict_load_mem(&d, p, out.len, err, sizeof(err)), -1);
	/* The two entries swapped: out of order. */
	memcpy(p, out.p, out.len);
	memcpy(p + out.len - 32, out.p + out.len - 16, 16);
	memcpy(p + out.len - 16, out.p + out.len - 32, 16);
	cr_assert_eq(tagdict_load_mem(&d, p, out.len, err, sizeof(err)), -1);
	cr_assert_str_eq(err, "tag dictionary out of order");
	/* Too many sources; a form that is neither. */
	memcpy(p, out.p, out.len);
	p[0] = TAGDICT_SOURCES_MAX + 1;
	cr_assert_eq(tagdict_load_mem(&d, p, out.len, err, sizeof(err)), -1);
	p[0] = 1;
	p[1] = 2;
	cr_assert_eq(tagdict_load_mem(&d, p, out.len, err, sizeof(err)), -1);
	free(p);
	buf_free(&out);
	tagdict_builder_free(b);
}

/* A sentence of the space-separated words of text (at most 16), split
   into words[] in place. */
static struct tag_sentence
sentence(char *text, const unsigned char **words, size_t *lens)
{
	struct tag_sentence s;
	char	*p, *tok;

	memset(&s, 0, sizeof(s));
	for (p = text; (tok = strtok(p, " ")) != NULL; p = NULL) {
		cr_assert_lt(s.n, 16);
		words[s.n] = (const unsigned char *)tok;
		lens[s.n++] = strlen(tok);
	}
	s.words = words;
	s.lens = lens;
	return s;
}

Test(tagdict, pos_features_read_the_sets_of_the_word_and_its_neighbours)
{
	static const size_t lens4[] = { 3, 4, 4, 3 };
	struct feat_classes cls = { upos4, lens4, 4 };
	struct tagdict_builder *b;
	struct tagdict	*d;
	struct feat_work *w = NULL;
	struct buf	 text = BUF_INIT;
	const unsigned char *words[16];
	size_t		 lens[16];
	uint64_t	 h[FEAT_MAX];
	char		 s1[] = "The dog runs";
	struct tag_sentence s = sentence(s1, words, lens);

	cr_assert_eq(tagdict_builder_new(&b), 0);
	cr_assert_eq(tagdict_builder_source(b, upos4, 4, TAGDICT_LOWER, 0),
	    0);
	cr_assert_eq(tagdict_builder_add(b, 0, key("the"), 0, 0), 0);
	cr_assert_eq(tagdict_builder_add(b, 0, key("dog"), 1, 0), 0);
	cr_assert_eq(tagdict_builder_add(b, 0, key("dog"), 2, 0), 0);
	d = load(b, -1);
	cr_assert_eq(feat_prepare(&w, &s, NULL), 0);

	/* Without the dictionary, no such features. */
	(void)feat_extract(w, TAG_TASK_POS, 1, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "t0=NOUN|VERB"));
	cr_assert_eq(feat_lookup_dict(w, d), 0);
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 1, 0, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "t0=NOUN|VERB"), "%.*s", (int)text.len, text.p);
	cr_assert(has_feature(&text, "t0-1=DET"), "lower case: The as the");
	cr_assert(has_feature(&text, "t0+1=-"), "runs is not in the dictionary");
	cr_assert(has_feature(&text, "t0+2=</s>"));
	cr_assert(has_feature(&text, "t0-10=DET|NOUN|VERB"));
	cr_assert(has_feature(&text, "t00+1=NOUN|VERB|-"));
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 0, -1, -1, &cls, NULL, h, &text);
	cr_assert(has_feature(&text, "t0-1=<s>"));
	/* NER models never read it. */
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_NER, 1, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "t0=NOUN|VERB"));
	/* feat_prepare forgets it. */
	cr_assert_eq(feat_prepare(&w, &s, NULL), 0);
	buf_clear(&text);
	(void)feat_extract(w, TAG_TASK_POS, 1, 0, -1, &cls, NULL, h, &text);
	cr_assert(!has_feature(&text, "t0=NOUN|VERB"));
	buf_free(&text);
	feat_work_free(w);
	tagdict_free(d);
	tagdict_builder_free(b);
}

Test(tagdict, a_model_carries_its_dictionary)
{
	static const char *const corpus[] = {
		"the dog runs", "a cat runs", "the cat sleeps", "a dog sleeps",
		"the old dog runs", "a big cat sleeps"
	};
	static const int gold[][4] = {
		{ 0, 1, 2 }, { 0, 1, 2 }, { 0, 1, 2 }, { 0, 1, 2 },
		{ 0, 3, 1, 2 }, { 0, 3, 1, 2 }
	};
	enum { NS = sizeof(corpus) / sizeof(corpus[0]) };
	struct train_config cfg;
	struct tagdict_builder *b;
	struct tag_sentence s[NS];
	const int	*g[NS];
	int		 fold[NS], out[4];
	char		 text[NS][32], err[128], probe[] = "a old cat";
	const unsigned char *words[NS][16], *pw[16];
	size_t		 lens[NS][16], pl[16], k, i, n;
	struct buf	 model = BUF_INIT;
	struct tag_model *m;
	struct tag_work	*w = NULL;
	struct feat_work *fw = NULL;
	uint64_t	 wk, lk;
	struct tag_sentence ps;

	cr_assert_eq(tagdict_builder_new(&b), 0);
	cr_assert_eq(tagdict_builder_source(b, upos4, 4, TAGDICT_LOWER, 0),
	    0);
	for (k = 0; k < NS; k++) {
		strcpy(text[k], corpus[k]);
		s[k] = sentence(text[k], words[k], lens[k]);
		g[k] = gold[k];
		fold[k] = (int)k % 2;
		cr_assert_eq(feat_prepare(&fw, &s[k], NULL), 0);
		for (i = 0; i < s[k].n; i++) {
			feat_word_keys(fw, i, &wk, &lk);
			cr_assert_eq(tagdict_builder_add(b, 0, lk,
			    (size_t)g[k][i], fold[k]), 0);
		}
	}
	train_config_init(&cfg, TAG_TASK_POS, upos4, 4);
	cfg.dict = b;
	cfg.dict_fold = fold;
	cr_assert_eq(train_model(&cfg, s, g, NS, &model, NULL, err,
	    sizeof(err)), 0, "%s", err);
	cr_assert_eq(tag_model_load_mem(&m, model.p, model.len, err,
	    sizeof(err)), 0, "%s", err);
	ps = sentence(probe, pw, pl);
	cr_assert_eq(tag_predict(m, &ps, out, &w), 0);
	cr_assert_eq(out[0], 0);
	cr_assert_eq(out[1], 3);
	cr_assert_eq(out[2], 1);
	tag_model_free(m);
	/* The dictionary sits inside the checksummed bytes: any cut is
	   refused. */
	for (n = 0; n < model.len; n += 7) {
		cr_assert_neq(tag_model_load_mem(&m, model.p, n, err,
		    sizeof(err)), 0, "%zu of %zu bytes loaded", n, model.len);
	}
	tag_work_free(w);
	feat_work_free(fw);
	buf_free(&model);
	tagdict_builder_free(b);
}
