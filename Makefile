# quire — one Makefile, no recursion (STYLE.md, "Makefile").
.POSIX:
.SUFFIXES:

VERSION = 0.1.0

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/quire
DESTDIR =

CC = cc
CFLAGS = -O2 -g
LDFLAGS =
PKG_CONFIG = pkg-config
AR = ar

# Project flags live apart from CFLAGS, so `make CFLAGS=-O0` keeps them.
WFLAGS = -std=c17 -Wall -Wextra -pedantic -Wmissing-prototypes \
	-Wstrict-prototypes -Wwrite-strings -Wshadow
WERROR = -Werror
QCPPFLAGS = -D_POSIX_C_SOURCE=200809L -DQUIRE_VERSION=\"$(VERSION)\" -Icommon

DEP_CFLAGS != $(PKG_CONFIG) --cflags libutf8proc yaml-0.1
DEP_LIBS != $(PKG_CONFIG) --libs libutf8proc yaml-0.1
TEST_CFLAGS != $(PKG_CONFIG) --cflags criterion 2>/dev/null || true
TEST_LIBS != $(PKG_CONFIG) --libs criterion 2>/dev/null || echo -lcriterion

ALL_CFLAGS = $(WFLAGS) $(WERROR) $(QCPPFLAGS) $(DEP_CFLAGS) $(CFLAGS)

PROGS != ls filters/*.c | sed 's,^filters/,,; s,\.c$$,,'
BINS != ls filters/*.c | sed 's,\.c$$,,'
BINSRC != ls filters/*.c
LIBSRC != ls common/*.c
LIBOBJ != ls common/*.c | sed 's,\.c$$,.o,'
HDR != ls common/*.h
TESTSRC != ls tests/unit/test_*.c 2>/dev/null || true
TESTBIN != ls tests/unit/test_*.c 2>/dev/null | sed 's,\.c$$,,' || true
CONFBIN != ls tests/conformance/*.c 2>/dev/null | sed 's,\.c$$,,' || true
CONFSRC != ls tests/conformance/*.c 2>/dev/null || true
MANPAGES != ls man/*.[17] 2>/dev/null || true
GENSRC = common/fix_entities.inc common/stopwords_data.inc tools/train_tagger tools/learn_clusters common/translit_data.inc tools/gen_translit common/abbrev_data.inc common/uax29_data.inc tools/gen_breakprops common/commonwords_data.inc tools/learn_case

all: $(BINS)

# Crude and correct, as sbase does: every object depends on every header.
.SUFFIXES: .c .o
.c.o:
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBOBJ): $(HDR)

libquire.a: $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BINS): libquire.a $(HDR) $(BINSRC)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $@.c libquire.a $(DEP_LIBS)

$(TESTBIN): libquire.a $(HDR) $(TESTSRC) tests/unit/feat_text.h
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) $(LDFLAGS) -o $@ $@.c libquire.a \
	    $(TEST_LIBS) $(DEP_LIBS)

$(CONFBIN): libquire.a $(HDR) $(CONFSRC) tests/conformance/breaktest.inc
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $@.c libquire.a $(DEP_LIBS)

# Each header must compile on its own (STYLE.md, "Headers").
check-headers: $(HDR)
	@for h in $(HDR); do \
	    printf '#include "%s"\n' "$${h#common/}" | \
	    $(CC) $(ALL_CFLAGS) -x c -fsyntax-only - || exit 1; \
	done; echo "headers: each compiles alone"

check-man: $(BINS)
	mandoc -Tlint -Wwarning $(MANPAGES) 2>&1 | \
	    grep -v 'referenced manual not found' | \
	    { if read -r l; then echo "$$l"; cat; exit 1; fi; }
	@echo "man: lint clean"
	@sh tests/man/run

check-unit: $(TESTBIN) tools/learn_clusters
	@for t in $(TESTBIN); do ./$$t --jobs 1 || exit 1; done

check-cli: $(BINS)
	sh tests/cli/run

check-conformance: $(BINS) $(CONFBIN)
	sh tests/conformance/run

check-props: $(BINS)
	sh tests/props/run

check-fix: $(BINS)
	sh tests/fix/run

check-readme: $(BINS)
	sh tests/readme/run

check-data: $(BINS)
	sh tests/data/run

# check and demo pull in deps, then build in a fresh make that sees them.
check: deps
	@$(MAKE) check-all

check-all: all check-headers check-man check-unit check-conformance \
	check-props check-fix check-readme check-data check-cli

sanitize:
	$(MAKE) clean
	$(MAKE) CFLAGS='-fsanitize=address,undefined -fno-omit-frame-pointer -O1 -g' \
	    LDFLAGS='-fsanitize=address,undefined' SANITIZED=1 check

bench: $(BINS)
	sh bench/normalize.sh
	sh bench/segment.sh
	sh bench/tag.sh
	sh bench/keypoints.sh
	sh bench/fix.sh

eval: $(BINS)
	sh tests/eval/run

demo: deps
	@$(MAKE) all
	./filters/normalize --fix --profile=nlp data/demo/article.txt | \
	    ./filters/segment | head -n 8
	./filters/normalize --fix --profile=nlp data/demo/article.txt | \
	    ./filters/extract-keypoints --title -n 3 --bullets
	./filters/normalize --fix --profile=nlp data/demo/article.txt | \
	    ./filters/tag --summary

deps:
	@sh tools/deps.sh

install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do \
	    cp filters/$$p $(DESTDIR)$(BINDIR)/$$p && \
	    chmod 755 $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	for m in $(MANPAGES); do \
	    s=$${m##*.}; cp $$m $(DESTDIR)$(MANDIR)/man$$s/ && \
	    chmod 644 $(DESTDIR)$(MANDIR)/man$$s/$${m#man/} || exit 1; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANPAGES); do \
	    s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m#man/}; done

clean:
	rm -f $(BINS) $(LIBOBJ) libquire.a $(TESTBIN) $(CONFBIN) $(GENSRC)

.PHONY: models all check check-headers check-man check-unit check-cli \
	check-conformance check-props check-fix check-readme check-all sanitize bench eval demo \
	deps install \
	uninstall clean

# The --ascii transliteration table is compiled in from its YAML source.
tools/gen_translit: tools/gen_translit.c
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/gen_translit.c $(DEP_LIBS)

common/translit_data.inc: tools/gen_translit data/translit/ascii.yaml
	./tools/gen_translit data/translit/ascii.yaml > $@.tmp && mv $@.tmp $@

common/translit.o: common/translit_data.inc

# The built-in abbreviations are compiled in from their YAML source.
common/abbrev_data.inc: tools/embed.sh data/abbreviations/en.yaml
	sh tools/embed.sh data/abbreviations/en.yaml abbrev_en_yaml > $@.tmp && \
	    mv $@.tmp $@

common/abbrev.o: common/abbrev_data.inc

# The built-in stop words are compiled in from their YAML source.
common/stopwords_data.inc: tools/embed.sh data/stopwords/en.yaml
	sh tools/embed.sh data/stopwords/en.yaml stopwords_en_yaml > $@.tmp && \
	    mv $@.tmp $@

common/stopwords.o: common/stopwords_data.inc

# Word and sentence break properties, generated from the UCD (UAX #29).
UCD = /usr/share/unicode
tools/gen_breakprops: tools/gen_breakprops.c
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/gen_breakprops.c

common/uax29_data.inc: tools/gen_breakprops
	./tools/gen_breakprops $(UCD) > $@.tmp && mv $@.tmp $@

common/uax29.o: common/uax29_data.inc

# Words usually written in lower case, learned from unlabeled news by
# tools/learn_case (`make models` learns them again from $(QUIRE_DATA)).
common/commonwords_data.inc: tools/embed_words.sh data/sentence/common-words.txt
	sh tools/embed_words.sh data/sentence/common-words.txt common_words \
	    > $@.tmp && mv $@.tmp $@

common/sentence.o: common/commonwords_data.inc

# Titles before names, read by the tagger's entity features.
GENSRC += common/titles_data.inc
common/titles_data.inc: tools/embed_words.sh data/tagger/titles.txt
	sh tools/embed_words.sh data/tagger/titles.txt person_titles \
	    > $@.tmp && mv $@.tmp $@

common/feat.o: common/titles_data.inc

# The tagger's built-in name list (data/tagger/names.txt, our own).
GENSRC += common/names_data.inc
common/names_data.inc: tools/embed_names.sh data/tagger/names.txt
	sh tools/embed_names.sh data/tagger/names.txt > $@.tmp && \
	    mv $@.tmp $@
common/names.o: common/names_data.inc

# Document frequencies of word stems for extract-keypoints --phrases,
# learned by tools/learn_df (`make models` learns them again).
GENSRC += common/df_data.inc tools/learn_df
common/df_data.inc: tools/embed_df.sh data/keyphrases/df.txt
	sh tools/embed_df.sh data/keyphrases/df.txt > $@.tmp && mv $@.tmp $@

# The part-of-speech lexicon of --candidates=lexicon, learned from UD
# English-EWT train by tools/learn_poslex.sh.
GENSRC += common/poslex_data.inc
common/poslex_data.inc: tools/embed_poslex.sh data/keyphrases/poslex.txt
	sh tools/embed_poslex.sh data/keyphrases/poslex.txt > $@.tmp && \
	    mv $@.tmp $@

# The boosted trees that rank the lexicon's candidates, fitted on
# 500N-KPCrowd train by tools/fit_kph_trees (`make models` fits them again,
# last, on the features of a program built with the tables it learned).
GENSRC += common/kph_trees_data.inc tools/fit_kph_trees
common/kph_trees_data.inc: tools/embed_trees.sh data/keyphrases/trees.txt
	sh tools/embed_trees.sh data/keyphrases/trees.txt > $@.tmp && \
	    mv $@.tmp $@

common/keyphrases.o: common/df_data.inc common/poslex_data.inc \
	    common/kph_trees_data.inc

# normalize --fix joins hyphenated words found in the common-word list and
# decodes the HTML5 entities (table generated from data/html/entities.txt).
common/fix.o: common/commonwords_data.inc common/fix_entities.inc

common/fix_entities.inc: tools/gen_entities.sh data/html/entities.txt
	sh tools/gen_entities.sh data/html/entities.txt > $@.tmp && mv $@.tmp $@

QUIRE_DATA = ../shared/data
# Princeton WordNet 3.0, for the UPOS model's tag dictionary (make models
# only; Debian: apt-get install wordnet-base).
WORDNET = /usr/share/wordnet
tools/learn_case: tools/learn_case.c libquire.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/learn_case.c libquire.a \
	    $(DEP_LIBS)

tools/learn_df: tools/learn_df.c libquire.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/learn_df.c libquire.a \
	    $(DEP_LIBS)

tools/fit_kph_trees: tools/fit_kph_trees.c libquire.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/fit_kph_trees.c libquire.a \
	    $(DEP_LIBS)

tools/train_tagger: tools/train_tagger.c libquire.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tools/train_tagger.c libquire.a \
	    $(DEP_LIBS)

# The trained models are linked in whole (common/models.c, .incbin).
common/models.o: data/models/pos.model data/models/ner.model \
	    data/models/ner-accurate.model \
	    data/models/clusters.bin

tools/learn_clusters: tools/learn_clusters.c libquire.a
	$(CC) $(ALL_CFLAGS) -pthread $(LDFLAGS) -o $@ tools/learn_clusters.c \
	    libquire.a $(DEP_LIBS) -lm

models: tools/learn_case tools/learn_clusters tools/train_tagger tools/learn_df \
	    tools/fit_kph_trees
	./tools/learn_clusters -q -o data/models/clusters.bin \
	    -c $(QUIRE_DATA)/conll2003/eng.train \
	    $(QUIRE_DATA)/unlabeled_news/reuters21578.jsonl \
	    $(QUIRE_DATA)/news_keypoints/cnn_dailymail.train.jsonl \
	    $(QUIRE_DATA)/news_keypoints/bbc_news_summary.train.jsonl
	sh tools/wordnet_words.sh $(WORDNET) > wordnet-words.tmp
	./tools/train_tagger -q --task pos --clusters data/models/clusters.bin \
	    --runs 3 --max-rows 120000 --beam 4 \
	    --dict lower --dict-share 0.05 \
	    --dict-conll2003 lower:$(QUIRE_DATA)/conll2003/eng.train \
	    --dict-words lower:wordnet-words.tmp \
	    --conllu $(QUIRE_DATA)/ud_en_ewt/en_ewt-ud-train.conllu \
	    --out data/models/pos.model
	rm -f wordnet-words.tmp
	./tools/train_tagger -q --task ner --clusters data/models/clusters.bin \
	    --beam 4 --epochs 16 \
	    --conll2003 $(QUIRE_DATA)/conll2003/eng.train \
	    --out data/models/ner.model
	./tools/train_tagger -q --task ner --clusters data/models/clusters.bin \
	    --stages 2 --beam 4 --epochs 16 \
	    --conll2003 $(QUIRE_DATA)/conll2003/eng.train \
	    --out data/models/ner-accurate.model
	./tools/learn_case $(QUIRE_DATA)/unlabeled_news/reuters21578.jsonl \
	    $(QUIRE_DATA)/news_keypoints/cnn_dailymail.train.jsonl \
	    $(QUIRE_DATA)/news_keypoints/bbc_news_summary.train.jsonl \
	    > data/sentence/common-words.txt.tmp && \
	    mv data/sentence/common-words.txt.tmp data/sentence/common-words.txt
	./tools/learn_df $(QUIRE_DATA)/unlabeled_news/reuters21578.jsonl \
	    $(QUIRE_DATA)/news_keypoints/cnn_dailymail.train.jsonl \
	    $(QUIRE_DATA)/news_keypoints/bbc_news_summary.train.jsonl \
	    > data/keyphrases/df.txt.tmp && \
	    mv data/keyphrases/df.txt.tmp data/keyphrases/df.txt
	sh tools/learn_poslex.sh $(QUIRE_DATA)/ud_en_ewt/en_ewt-ud-train.conllu \
	    > data/keyphrases/poslex.txt.tmp && \
	    mv data/keyphrases/poslex.txt.tmp data/keyphrases/poslex.txt
	$(MAKE) filters/extract-keypoints
	python3 tools/fit_keyphrases.py --trees $(QUIRE_DATA) \
	    > data/keyphrases/trees.txt.tmp && \
	    mv data/keyphrases/trees.txt.tmp data/keyphrases/trees.txt
