/*
 * learn_case: learns which words are "common words" from unlabeled news, for
 * the sentence splitter's orthographic rule (Mikheev 2002, "Periods,
 * capitalized words, etc."; Kiss and Strunk 2006, Punkt): a capitalized
 * word after an abbreviation starts a new sentence when the same word is
 * usually written in lower case in the middle of sentences ("U.S. Reporters
 * said" ends after "U.S."), and goes on when it is a name ("U.S. Senate").
 *
 * usage: learn_case FILE.jsonl ...   (the "text" member of each line)
 *
 * Prints, sorted, one word a line: the lower-case forms seen at least
 * MIN_LOWER times in lower case mid-sentence and at least RATIO times as
 * often in lower case as capitalized there.  "Mid-sentence" means after a
 * lower-case word or a comma, where case is not forced by position.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "token.h"
#include "utf8.h"

#define MIN_LOWER	3
#define RATIO		8

struct word {
	char		*w;
	unsigned long	 lower, upper;
};

static struct word *words;
static size_t nwords, capwords;

static int
cmp_word(const void *a, const void *b)
{
	return strcmp(((const struct word *)a)->w, ((const struct word *)b)->w);
}

/* A hash table of words, open addressing; capwords is a power of two. */
static size_t
hash(const char *s)
{
	size_t	 h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct word *
lookup(const char *w)
{
	size_t	 i, old;
	struct word *prev;

	if (nwords * 2 >= capwords) {
		prev = words;
		old = capwords;
		capwords = capwords ? capwords * 2 : 1 << 16;
		if ((words = calloc(capwords, sizeof(*words))) == NULL) {
			perror("learn_case");
			exit(1);
		}
		for (i = 0; i < old; i++) {
			size_t	 j;

			if (prev[i].w == NULL)
				continue;
			for (j = hash(prev[i].w) & (capwords - 1);
			    words[j].w != NULL; j = (j + 1) & (capwords - 1))
				;
			words[j] = prev[i];
		}
		free(prev);
	}
	for (i = hash(w) & (capwords - 1); words[i].w != NULL;
	    i = (i + 1) & (capwords - 1))
		if (strcmp(words[i].w, w) == 0)
			return &words[i];
	if ((words[i].w = strdup(w)) == NULL) {
		perror("learn_case");
		exit(1);
	}
	nwords++;
	return &words[i];
}

/* Counts the case of each ASCII-letter word in mid-sentence position. */
static void
count(const unsigned char *s, size_t n, struct tok_vec *toks)
{
	char	 w[64];
	size_t	 i, k, len;
	int	 mid = 0, ok;
	const struct tok *t;

	toks->n = 0;
	if (tok_split(s, n, NULL, NULL, toks) == -1) {
		perror("learn_case");
		exit(1);
	}
	for (i = 0; i < toks->n; i++) {
		t = &toks->v[i];
		len = t->end - t->start;
		ok = t->kind == TOK_WORD && len < sizeof(w) &&
		    !(t->flags & TOK_NEWLINE_BEFORE);
		for (k = 0; ok && k < len; k++) {
			unsigned char c = s[t->start + k];

			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A';
			else if (!(c >= 'a' && c <= 'z'))
				ok = 0;
			w[k] = (char)c;
		}
		if (ok && mid) {
			w[len] = '\0';
			/* ALL-CAPS words say nothing about case. */
			if (t->flags & TOK_LOWER_INITIAL)
				lookup(w)->lower++;
			else if (len == 1 || !(s[t->start + 1] >= 'A' &&
			    s[t->start + 1] <= 'Z'))
				lookup(w)->upper++;
		}
		mid = (ok && (t->flags & TOK_LOWER_INITIAL)) ||
		    (t->end - t->start == 1 && s[t->start] == ',');
	}
}

int
main(int argc, char *argv[])
{
	struct json_object obj = JSON_OBJECT_INIT;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct buf	 text = BUF_INIT;
	char		*line = NULL;
	size_t		 cap = 0, i, nbad, out = 0;
	ssize_t		 got;
	long		 f;
	FILE		*fp;
	int		 a;

	if (argc < 2) {
		fprintf(stderr, "usage: learn_case FILE.jsonl ...\n");
		return 2;
	}
	for (a = 1; a < argc; a++) {
		if ((fp = fopen(argv[a], "r")) == NULL) {
			perror(argv[a]);
			return 1;
		}
		while ((got = getline(&line, &cap, fp)) > 0) {
			if (json_parse_object(&obj, (unsigned char *)line,
			    (size_t)got, NULL) != 0)
				continue;
			f = json_object_find(&obj, (unsigned char *)line,
			    "text", 4);
			if (f < 0 || obj.m[f].val_type != JSON_STRING)
				continue;
			buf_clear(&text);
			if (json_string_decode((unsigned char *)line +
			    obj.m[f].val_start, obj.m[f].val_end -
			    obj.m[f].val_start, &text, &nbad) == -1)
				return 1;
			count(text.p, text.len, &toks);
		}
		fclose(fp);
	}
	/* Compact and sort, so the output does not depend on hashing. */
	for (i = 0; i < capwords; i++)
		if (words[i].w != NULL && words[i].lower >= MIN_LOWER &&
		    words[i].lower >= RATIO * words[i].upper)
			words[out++] = words[i];
	qsort(words, out, sizeof(*words), cmp_word);
	printf("# Words usually written in lower case mid-sentence, learned by\n"
	    "# tools/learn_case from unlabeled news; do not edit by hand.\n");
	for (i = 0; i < out; i++)
		printf("%s\n", words[i].w);
	return ferror(stdout) || fclose(stdout) != 0;
}
