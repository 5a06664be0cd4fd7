/*
 * learn_df: document frequencies of word stems in unlabeled news, for the
 * idf feature of extract-keypoints --phrases (issue 5; K. Sparck Jones,
 * "A statistical interpretation of term specificity", 1972).
 *
 * usage: learn_df FILE.jsonl ...   (the "text" member of each line)
 *
 * A stem is a word token (token.h), lower-cased (stopwords.h, as the
 * engine folds it) and stemmed by Porter's algorithm (stem.h): the key
 * common/keyphrases.c looks up.  Prints "# docs N" and then, sorted by
 * stem in byte order, "stem df" for each stem in at least MIN_DF
 * documents.  Sorting, not hashing, counts: the output depends only on the
 * input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "opts.h"
#include "record.h"
#include "stem.h"
#include "stopwords.h"
#include "token.h"

#define MIN_DF	3

static char	**all;		/* each document's distinct stems */
static size_t	 nall, capall;

static void
die(void)
{
	perror("learn_df");
	exit(1);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the distinct stems of the text s[0..n) to all[]. */
static void
add_doc(const unsigned char *s, size_t n, struct tok_vec *toks,
    struct buf *w)
{
	size_t	 i, first = nall, len, k;
	const struct tok *t;

	toks->n = 0;
	if (tok_split(s, n, NULL, NULL, toks) == -1)
		die();
	for (i = 0; i < toks->n; i++) {
		t = &toks->v[i];
		if (t->kind != TOK_WORD)
			continue;
		buf_clear(w);
		if (stop_lower(s + t->start, t->end - t->start, w) == -1)
			die();
		len = stem_porter(w->p, w->len);
		/* Stems with white space or NUL inside would break the
		 * file's format: none come from word tokens, but be sure. */
		if (memchr(w->p, ' ', len) != NULL ||
		    memchr(w->p, '\0', len) != NULL)
			continue;
		if (nall == capall) {
			capall = capall ? capall * 2 : 1 << 16;
			if ((all = realloc(all, capall * sizeof(*all))) == NULL)
				die();
		}
		if ((all[nall] = malloc(len + 1)) == NULL)
			die();
		memcpy(all[nall], w->p, len);
		all[nall++][len] = '\0';
	}
	qsort(all + first, nall - first, sizeof(*all), cmp_str);
	for (i = k = first; i < nall; i++)
		if (k == first || strcmp(all[i], all[k - 1]) != 0)
			all[k++] = all[i];
		else
			free(all[i]);
	nall = k;
}

int
main(int argc, char *argv[])
{
	struct opts_common o;
	struct rec_reader r;
	struct rec_json	 rec;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct buf	 w = BUF_INIT;
	size_t		 i, j, docs = 0;
	int		 status;

	diag_init("learn_df");
	if (argc < 2) {
		fprintf(stderr, "usage: learn_df FILE.jsonl ...\n");
		return 2;
	}
	opts_common_init(&o);
	o.rec.mode = REC_JSON;
	o.quiet = 1;
	opts_common_apply(&o);
	rec_reader_init(&r, &o.rec, argv + 1, argc - 1);
	while (rec_next_json(&r, &rec)) {
		add_doc(rec.text, rec.text_len, &toks, &w);
		docs++;
	}
	if ((status = rec_reader_free(&r)) != 0)
		return status;
	qsort(all, nall, sizeof(*all), cmp_str);
	printf("# Document frequencies of word stems, learned by tools/learn_df"
	    "\n# from unlabeled news; do not edit by hand.\n# docs %zu\n",
	    docs);
	for (i = 0; i < nall; i = j) {
		for (j = i + 1; j < nall && strcmp(all[j], all[i]) == 0; j++)
			;
		if (j - i >= MIN_DF)
			printf("%s %zu\n", all[i], j - i);
	}
	return ferror(stdout) || fclose(stdout) != 0;
}
