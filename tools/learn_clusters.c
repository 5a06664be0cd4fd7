/*
 * learn_clusters: learns the word clusters of the tagger's features
 * (common/clusters.h) from unlabeled text, with the exchange algorithm
 * over bigram statistics (Kneser and Ney 1993; Martin, Liermann and Ney
 * 1998, "Algorithms for bigram and trigram word clustering"): each word
 * moves in turn to the class that most raises the likelihood of the
 * class bigram model,
 *
 *   F = sum over classes c, d of N(c,d) log N(c,d) - 2 sum over c of
 *       N(c) log N(c),
 *
 * N(c,d) the count of bigrams from class c to class d and N(c) the count
 * of class c.  One run per granularity (64, 256 and 1024 classes by
 * default) gives flat classes that the features use coarse to fine, as
 * Brown-cluster prefixes are used (Ratinov and Roth 2009).
 *
 * usage: learn_clusters [-o OUT] [-k N,N,...] [-i ITER] [-m MIN]
 *            [-c CONLL2003] ... FILE.jsonl ...
 *
 * The "text" member of each JSON Lines record is split by the tokenizer
 * (token.h); -c adds a CoNLL-2003 file, a token a line (first column).
 * Words are kept as written, ASCII digits read as 0; words seen fewer than
 * MIN times (3) share one "rare" symbol, and a line break is a boundary
 * symbol: both take part in the bigrams but are not written out.
 *
 * The result is the same bytes on every run: words start in class
 * (frequency rank mod k), are visited in frequency order (ties by bytes),
 * for a fixed number of iterations (-i, 15), and ties between classes go
 * to the current one, then the lowest.  Each granularity runs in its own
 * thread, on its own data, so threads change the time only.
 *
 * Exit status: 0, 1 for a data or I/O error, 2 for a usage error.
 */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "clusters.h"
#include "feat.h"
#include "json.h"
#include "token.h"

#define PROG		"learn_clusters"
#define SYM_BOUNDARY	0
#define SYM_RARE	1
#define NSYM		2
#define FTAB_SIZE	(1 << 18)

struct vword {
	char		*s;
	size_t		 len;
	uint64_t	 count;
	uint32_t	 id;		/* after ranking */
};

/* The vocabulary: an open hash table of words. */
static struct vword *voc;
static size_t nvoc, capvoc;

/* The text as temporary word ids (index in voc + NSYM) or symbols. */
static uint32_t *seq;
static size_t nseq, capseq;

/* After ranking: word id w (>= NSYM) is ranked[w - NSYM]; counts by id. */
static struct vword **ranked;
static size_t nwords;		/* ids 0 .. nwords - 1, symbols included */
static uint64_t *wcount;

/* Bigrams by id: right neighbours of w in rnb[roff[w] .. roff[w + 1]),
   left ones in lnb[loff[w] ..), with counts. */
struct nb {
	uint32_t	 w;
	uint32_t	 n;
};
static struct nb *rnb, *lnb;
static size_t *roff, *loff;

static double flogtab[FTAB_SIZE];

static void
die(const char *msg)
{
	fprintf(stderr, PROG ": %s\n", msg);
	exit(1);
}

static void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n ? n : 1, size)) == NULL)
		die("out of memory");
	return p;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
seq_push(uint32_t id)
{
	if (nseq == capseq) {
		capseq = capseq ? capseq * 2 : 1 << 20;
		if ((seq = realloc(seq, capseq * sizeof(*seq))) == NULL)
			die("out of memory");
	}
	seq[nseq++] = id;
}

static void
voc_grow(void)
{
	struct vword	*old = voc;
	size_t		 oldcap = capvoc, i, j;

	capvoc = capvoc ? capvoc * 2 : 1 << 16;
	voc = xcalloc(capvoc, sizeof(*voc));
	for (i = 0; i < oldcap; i++) {
		if (old[i].s == NULL)
			continue;
		for (j = (size_t)clusters_key(old[i].s, old[i].len) &
		    (capvoc - 1); voc[j].s != NULL; j = (j + 1) & (capvoc - 1))
			;
		voc[j] = old[i];
	}
	free(old);
}

/* Counts word s[0..n), digits read as 0, and appends it to the text.
   Temporary ids are slot numbers, which change as the table grows; the
   text keeps pointers' worth of identity through the id field instead. */
static void
add_word(const unsigned char *s, size_t n)
{
	size_t	 i, k;
	char	*w;

	if (n == 0 || n > FEAT_WORD_MAX) {
		seq_push(SYM_RARE);
		return;
	}
	if ((nvoc + 1) * 2 > capvoc)
		voc_grow();
	for (i = (size_t)clusters_key(s, n) & (capvoc - 1); voc[i].s != NULL;
	    i = (i + 1) & (capvoc - 1)) {
		if (voc[i].len != n)
			continue;
		for (k = 0; k < n; k++)
			if (voc[i].s[k] != ((s[k] >= '0' && s[k] <= '9') ? '0' :
			    (char)s[k]))
				break;
		if (k == n) {
			voc[i].count++;
			seq_push(voc[i].id);
			return;
		}
	}
	if ((w = malloc(n + 1)) == NULL)
		die("out of memory");
	for (k = 0; k < n; k++)
		w[k] = (s[k] >= '0' && s[k] <= '9') ? '0' : (char)s[k];
	w[n] = '\0';
	voc[i].s = w;
	voc[i].len = n;
	voc[i].count = 1;
	voc[i].id = (uint32_t)(NSYM + nvoc);
	nvoc++;
	seq_push(voc[i].id);
}

static void
read_jsonl(const char *path)
{
	struct json_object obj = JSON_OBJECT_INIT;
	struct tok_vec	 toks = { NULL, 0, 0 };
	struct buf	 text = BUF_INIT;
	char		*line = NULL;
	size_t		 cap = 0, i, nbad;
	ssize_t		 got;
	long		 f;
	FILE		*fp;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
		exit(1);
	}
	while ((got = getline(&line, &cap, fp)) > 0) {
		if (json_parse_object(&obj, (unsigned char *)line, (size_t)got,
		    NULL) != 0)
			continue;
		f = json_object_find(&obj, (unsigned char *)line, "text", 4);
		if (f < 0 || obj.m[f].val_type != JSON_STRING)
			continue;
		buf_clear(&text);
		if (json_string_decode((unsigned char *)line +
		    obj.m[f].val_start, obj.m[f].val_end - obj.m[f].val_start,
		    &text, &nbad) == -1)
			die("out of memory");
		toks.n = 0;
		if (tok_split(text.p, text.len, NULL, NULL, &toks) == -1)
			die("out of memory");
		seq_push(SYM_BOUNDARY);
		for (i = 0; i < toks.n; i++) {
			if (toks.v[i].flags & TOK_NEWLINE_BEFORE)
				seq_push(SYM_BOUNDARY);
			add_word(text.p + toks.v[i].start,
			    toks.v[i].end - toks.v[i].start);
		}
	}
	if (ferror(fp))
		die("read error");
	fclose(fp);
	free(line);
	buf_free(&text);
	tok_vec_free(&toks);
	json_object_free(&obj);
}

static void
read_conll(const char *path)
{
	char	*line = NULL;
	size_t	 cap = 0, n;
	ssize_t	 got;
	FILE	*fp;

	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, PROG ": %s: %s\n", path, strerror(errno));
		exit(1);
	}
	while ((got = getline(&line, &cap, fp)) > 0) {
		for (n = 0; n < (size_t)got && line[n] != ' ' &&
		    line[n] != '\t' && line[n] != '\n' && line[n] != '\r'; n++)
			;
		if (n == 0)
			seq_push(SYM_BOUNDARY);
		else if (strncmp(line, "-DOCSTART-", n) != 0 || n != 10)
			add_word((unsigned char *)line, n);
	}
	if (ferror(fp))
		die("read error");
	fclose(fp);
	free(line);
}

static int
cmp_rank(const void *a, const void *b)
{
	const struct vword *x = *(struct vword *const *)a;
	const struct vword *y = *(struct vword *const *)b;
	int	 r;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	r = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
	if (r != 0)
		return r;
	return x->len < y->len ? -1 : x->len > y->len;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Ranks the words, renames the text and builds the neighbour lists. */
static void
build(unsigned mincount)
{
	uint32_t	*map;
	uint64_t	*pairs;
	size_t		 i, j, k, np;

	ranked = xcalloc(nvoc, sizeof(*ranked));
	for (i = j = 0; i < capvoc; i++)
		if (voc[i].s != NULL)
			ranked[j++] = &voc[i];
	qsort(ranked, nvoc, sizeof(*ranked), cmp_rank);
	map = xcalloc(nvoc + NSYM, sizeof(*map));
	map[SYM_BOUNDARY] = SYM_BOUNDARY;
	map[SYM_RARE] = SYM_RARE;
	nwords = NSYM;
	for (i = 0; i < nvoc; i++) {
		if (ranked[i]->count < mincount) {
			map[ranked[i]->id] = SYM_RARE;
			continue;
		}
		map[ranked[i]->id] = (uint32_t)nwords;
		ranked[nwords - NSYM] = ranked[i];
		nwords++;
	}
	for (i = 0; i < nseq; i++)
		seq[i] = map[seq[i]];
	free(map);
	wcount = xcalloc(nwords, sizeof(*wcount));
	for (i = 0; i < nseq; i++)
		wcount[seq[i]]++;

	/* Bigram counts: sort the pairs, count the runs. */
	np = nseq > 0 ? nseq - 1 : 0;
	pairs = xcalloc(np, sizeof(*pairs));
	for (i = 0; i < np; i++)
		pairs[i] = (uint64_t)seq[i] << 32 | seq[i + 1];
	qsort(pairs, np, sizeof(*pairs), cmp_u64);
	roff = xcalloc(nwords + 1, sizeof(*roff));
	loff = xcalloc(nwords + 1, sizeof(*loff));
	for (i = 0; i < np; i = j) {
		for (j = i + 1; j < np && pairs[j] == pairs[i]; j++)
			;
		roff[(pairs[i] >> 32) + 1]++;
		loff[(pairs[i] & 0xFFFFFFFFu) + 1]++;
	}
	for (i = 0; i < nwords; i++) {
		roff[i + 1] += roff[i];
		loff[i + 1] += loff[i];
	}
	rnb = xcalloc(roff[nwords], sizeof(*rnb));
	lnb = xcalloc(loff[nwords], sizeof(*lnb));
	{
		size_t	*rfill = xcalloc(nwords, sizeof(*rfill));
		size_t	*lfill = xcalloc(nwords, sizeof(*lfill));

		for (i = 0; i < np; i = j) {
			uint32_t a = (uint32_t)(pairs[i] >> 32);
			uint32_t b = (uint32_t)(pairs[i] & 0xFFFFFFFFu);

			for (j = i + 1; j < np && pairs[j] == pairs[i]; j++)
				;
			k = roff[a] + rfill[a]++;
			rnb[k].w = b;
			rnb[k].n = (uint32_t)(j - i);
			k = loff[b] + lfill[b]++;
			lnb[k].w = a;
			lnb[k].n = (uint32_t)(j - i);
		}
		free(rfill);
		free(lfill);
	}
	free(pairs);
}

static inline double
flog(int64_t x)
{
	return x < FTAB_SIZE ? flogtab[x] : (double)x * log((double)x);
}

struct run {
	uint32_t	 k;		/* classes */
	int		 iters;
	uint16_t	*cls;		/* by word id */
	int		 quiet;
};

/* The exchange algorithm for one granularity; see the top comment. */
static void *
exchange(void *arg)
{
	struct run	*run = arg;
	size_t		 C = run->k, w, i, c, d, nl, nr, moved;
	uint16_t	*cls;
	int32_t		*n2, *n2t;	/* n2[c * C + d], n2t[d * C + c] */
	int64_t		*n1, *lc, *rc;
	uint32_t	*lt, *rt;
	double		 t0 = now();
	int		 it;

	cls = run->cls = xcalloc(nwords, sizeof(*cls));
	n2 = xcalloc(C * C, sizeof(*n2));
	n2t = xcalloc(C * C, sizeof(*n2t));
	n1 = xcalloc(C, sizeof(*n1));
	lc = xcalloc(C, sizeof(*lc));
	rc = xcalloc(C, sizeof(*rc));
	lt = xcalloc(C, sizeof(*lt));
	rt = xcalloc(C, sizeof(*rt));
	for (w = 0; w < nwords; w++)
		cls[w] = (uint16_t)(w % C);
	for (w = 0; w < nwords; w++) {
		n1[cls[w]] += (int64_t)wcount[w];
		for (i = roff[w]; i < roff[w + 1]; i++) {
			n2[cls[w] * C + cls[rnb[i].w]] += (int32_t)rnb[i].n;
			n2t[cls[rnb[i].w] * C + cls[w]] += (int32_t)rnb[i].n;
		}
	}
	for (it = 1; it <= run->iters; it++) {
		moved = 0;
		for (w = 0; w < nwords; w++) {
			size_t	 a = cls[w], best;
			int64_t	 nw = (int64_t)wcount[w], s = 0;
			double	 bestd = 0;

			/* Class counts of w's neighbours, w itself apart. */
			nl = nr = 0;
			for (i = loff[w]; i < loff[w + 1]; i++) {
				if (lnb[i].w == w) {
					s = lnb[i].n;
					continue;
				}
				c = cls[lnb[i].w];
				if (lc[c] == 0)
					lt[nl++] = (uint32_t)c;
				lc[c] += lnb[i].n;
			}
			for (i = roff[w]; i < roff[w + 1]; i++) {
				if (rnb[i].w == w)
					continue;
				c = cls[rnb[i].w];
				if (rc[c] == 0)
					rt[nr++] = (uint32_t)c;
				rc[c] += rnb[i].n;
			}
			/* Take w out of its class. */
			for (i = 0; i < nl; i++) {
				n2[lt[i] * C + a] -= (int32_t)lc[lt[i]];
				n2t[a * C + lt[i]] -= (int32_t)lc[lt[i]];
			}
			for (i = 0; i < nr; i++) {
				n2[a * C + rt[i]] -= (int32_t)rc[rt[i]];
				n2t[rt[i] * C + a] -= (int32_t)rc[rt[i]];
			}
			n2[a * C + a] -= (int32_t)s;
			n2t[a * C + a] -= (int32_t)s;
			n1[a] -= nw;

			best = a;
			for (d = 0; d < C; d++) {
				/* The current class first, so ties keep it. */
				size_t	 cc = d == 0 ? a : d <= a ? d - 1 : d;
				const int32_t *row = n2 + cc * C;
				const int32_t *col = n2t + cc * C;
				int64_t	 x;
				double	 delta = 0;

				for (i = 0; i < nl; i++) {
					x = col[lt[i]];
					delta += flog(x + lc[lt[i]]) - flog(x);
				}
				for (i = 0; i < nr; i++) {
					x = row[rt[i]];
					delta += flog(x + rc[rt[i]]) - flog(x);
				}
				/* The cell (cc, cc) counted twice above. */
				x = row[cc];
				delta -= flog(x + lc[cc]) + flog(x + rc[cc]) -
				    2 * flog(x);
				delta += flog(x + lc[cc] + rc[cc] + s) - flog(x);
				delta -= 2 * (flog(n1[cc] + nw) - flog(n1[cc]));
				if (d == 0 || delta > bestd) {
					bestd = delta;
					best = cc;
				}
			}
			if (best != a)
				moved++;
			for (i = 0; i < nl; i++) {
				n2[lt[i] * C + best] += (int32_t)lc[lt[i]];
				n2t[best * C + lt[i]] += (int32_t)lc[lt[i]];
				lc[lt[i]] = 0;
			}
			for (i = 0; i < nr; i++) {
				n2[best * C + rt[i]] += (int32_t)rc[rt[i]];
				n2t[rt[i] * C + best] += (int32_t)rc[rt[i]];
				rc[rt[i]] = 0;
			}
			n2[best * C + best] += (int32_t)s;
			n2t[best * C + best] += (int32_t)s;
			n1[best] += nw;
			cls[w] = (uint16_t)best;
		}
		if (!run->quiet)
			fprintf(stderr, PROG ": %zu classes, iteration %d: "
			    "%zu words moved, %.1f s\n", C, it, moved,
			    now() - t0);
	}
	free(n2);
	free(n2t);
	free(n1);
	free(lc);
	free(rc);
	free(lt);
	free(rt);
	return NULL;
}

/* Runs runs[from..to) one after the other. */
struct group {
	struct run	*runs;
	size_t		 from, to;
};

static void *
run_group(void *arg)
{
	struct group	*g = arg;
	size_t		 i;

	for (i = g->from; i < g->to; i++)
		exchange(&g->runs[i]);
	return NULL;
}

struct outrow {
	uint64_t	 key;
	uint32_t	 id;
};

static int
cmp_outrow(const void *a, const void *b)
{
	const struct outrow *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
usage(void)
{
	fprintf(stderr, "usage: " PROG " [-q] [-o OUT] [-k N,N,...] [-i ITER] "
	    "[-m MIN] [-c CONLL2003] ... FILE.jsonl ...\n");
	exit(2);
}

static unsigned long
number(const char *s, unsigned long lo, unsigned long hi)
{
	char		*end;
	unsigned long	 v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		usage();
	return v;
}

int
main(int argc, char *argv[])
{
	struct run	 runs[CLUSTERS_LEVELS_MAX];
	struct group	 g[2];
	pthread_t	 th;
	struct outrow	*rows;
	struct buf	 out = BUF_INIT;
	uint32_t	 nclasses[CLUSTERS_LEVELS_MAX];
	uint64_t	*keys;
	uint16_t	*ids;
	const char	*outpath = "clusters.bin";
	char		 tmp[4096], *ks = NULL, *p, *conll[16];
	size_t		 nlev = 0, nconll = 0, i, j, l, n;
	unsigned long	 mincount = 3, iters = 15;
	double		 t0 = now();
	int		 ch, quiet = 0, a;
	FILE		*fp;

	while ((ch = getopt(argc, argv, "c:i:k:m:o:q")) != -1) {
		switch (ch) {
		case 'c':
			if (nconll == sizeof(conll) / sizeof(conll[0]))
				usage();
			conll[nconll++] = optarg;
			break;
		case 'i':
			iters = number(optarg, 0, 1000);
			break;
		case 'k':
			ks = optarg;
			break;
		case 'm':
			mincount = number(optarg, 1, 1000000);
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (optind == argc && nconll == 0)
		usage();
	if (ks == NULL)
		ks = (char *)"64,256,1024";
	for (p = ks; *p != '\0'; p++) {
		char	 num[16];

		for (n = 0; p[n] != '\0' && p[n] != ','; n++)
			;
		if (n == 0 || n >= sizeof(num) || nlev == CLUSTERS_LEVELS_MAX)
			usage();
		memcpy(num, p, n);
		num[n] = '\0';
		nclasses[nlev++] = (uint32_t)number(num, 2, 65535);
		p += n;
		if (*p == '\0')
			break;
	}
	for (i = 0; i < FTAB_SIZE; i++)
		flogtab[i] = i == 0 ? 0 : (double)i * log((double)i);

	for (a = optind; a < argc; a++)
		read_jsonl(argv[a]);
	for (i = 0; i < nconll; i++)
		read_conll(conll[i]);
	seq_push(SYM_BOUNDARY);
	build((unsigned)mincount);
	if (!quiet)
		fprintf(stderr, PROG ": %zu tokens, %zu word types, %zu kept, "
		    "%zu bigram types, %.1f s\n", nseq, nvoc, nwords - NSYM,
		    roff[nwords], now() - t0);
	if (nwords - NSYM < 1)
		die("no words");

	/* The largest granularity on a thread of its own, the others here,
	   so that two cores finish together. */
	for (l = 0; l < nlev; l++) {
		runs[l].k = nclasses[l];
		runs[l].iters = (int)iters;
		runs[l].quiet = quiet;
		runs[l].cls = NULL;
	}
	j = 0;
	for (l = 1; l < nlev; l++)
		if (nclasses[l] > nclasses[j])
			j = l;
	g[0].runs = runs;
	g[0].from = j;
	g[0].to = j + 1;
	if (pthread_create(&th, NULL, run_group, &g[0]) != 0)
		die("cannot start a thread");
	for (l = 0; l < nlev; l++)
		if (l != j)
			exchange(&runs[l]);
	pthread_join(th, NULL);

	/* The table, sorted by key; a key two words share (never seen with
	   64 bits, but possible) keeps the more frequent word. */
	n = nwords - NSYM;
	rows = xcalloc(n, sizeof(*rows));
	for (i = 0; i < n; i++) {
		rows[i].key = clusters_key(ranked[i]->s, ranked[i]->len);
		rows[i].id = (uint32_t)(i + NSYM);
	}
	qsort(rows, n, sizeof(*rows), cmp_outrow);
	keys = xcalloc(n, sizeof(*keys));
	ids = xcalloc(n * nlev, sizeof(*ids));
	for (i = j = 0; i < n; i++) {
		if (j > 0 && keys[j - 1] == rows[i].key)
			continue;
		keys[j] = rows[i].key;
		for (l = 0; l < nlev; l++)
			ids[j * nlev + l] = runs[l].cls[rows[i].id];
		j++;
	}
	if (clusters_encode(&out, nlev, nclasses, j, keys, ids) != 0)
		die("cannot encode the table");
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", outpath) >= (int)sizeof(tmp))
		die("output path too long");
	if ((fp = fopen(tmp, "wb")) == NULL ||
	    fwrite(out.p, 1, out.len, fp) != out.len || fclose(fp) != 0 ||
	    rename(tmp, outpath) != 0) {
		fprintf(stderr, PROG ": %s: %s\n", outpath, strerror(errno));
		return 1;
	}
	if (!quiet)
		fprintf(stderr, PROG ": %zu words, %zu bytes, %.1f s\n", j,
		    out.len, now() - t0);
	/* Free what the table was made of, so leak checkers stay quiet. */
	for (l = 0; l < nlev; l++)
		free(runs[l].cls);
	free(rows);
	free(keys);
	free(ids);
	buf_free(&out);
	return 0;
}
