/*
 * fit_kph_trees: gradient-boosted regression trees that rank the key
 * phrase candidates of extract-keypoints --phrases (issue 5).  A linear
 * ranker cannot say "a rare word counts only if it is also early" or "a
 * capitalized phrase needs a second occurrence"; small trees can (J. H.
 * Friedman, "Greedy function approximation: a gradient boosting machine",
 * Annals of Statistics 29, 2001).  Each tree takes a Newton step on the
 * logistic loss of "this candidate is a reference key phrase", with leaf
 * values -G / (H + lambda) and split gains as in T. Chen and C. Guestrin,
 * "XGBoost: a scalable tree boosting system", KDD 2016; features are cut
 * into at most -b bins at quantiles of the training values, as LightGBM
 * and XGBoost's "hist" method do.
 *
 * usage: fit_kph_trees [-n trees] [-d depth] [-r rate] [-m min_hessian]
 *            [-l lambda] [-b bins] [-k folds -t fold] < examples
 *
 * Defaults: 300 trees of depth 4, learning rate 0.03, min_hessian 1,
 * lambda 1, 32 bins, 5 folds: the best of a small grid by 5-fold
 * cross-validation on KPCrowd train (tests/eval/keyphrases_cv.py).
 *
 * Input: a line "# name name ..." naming the features, then one line per
 * candidate: document number, label (0 or 1), then the features, TAB
 * separated (tests/eval/keyphrases_cv.py and tools/fit_keyphrases.py
 * write it).  With -t, trains on the documents whose number modulo -k is
 * not t and prints the score of every candidate of the others, one a line
 * in input order, for cross-validation; without it, trains on all and
 * prints the trees (print_trees, data/keyphrases/trees.txt).  No
 * randomness, ties to the lower feature and threshold, sums in input
 * order: the same input gives the same bytes.
 */
#include <sys/types.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qmath.h"

#define MAXF	64
#define MAXB	255

struct node {
	int	 f;		/* feature, or -1 for a leaf */
	double	 thr;		/* x <= thr goes left */
	size_t	 left, right;
	double	 v;		/* a leaf's value */
};

static size_t	 n, nf, nb[MAXF];
static double	*x, *y, *marg, *g, *h, thr[MAXF][MAXB];
static long	*doc;
static unsigned char *bin;
static size_t	*idx, *tmpidx;
static char	*names[MAXF];
static struct node *nodes;
static size_t	 nnodes, capnodes;
static size_t	 ntrees = 300, depth = 4, nbins = 32;
static double	 rate = 0.03, minh = 1, lambda = 1;

static void
die(const char *msg)
{
	fprintf(stderr, "fit_kph_trees: %s\n", msg);
	exit(1);
}

static void *
xgrow(void *p, size_t *cap, size_t need, size_t sz)
{
	if (qmath_grow(&p, cap, need, sz) == -1)
		die("out of memory");
	return p;
}

/* Reads the header and the examples from stdin. */
static void
read_input(void)
{
	char	*line = NULL, *p, *e, *tok;
	size_t	 lcap = 0, cap = 0, capx = 0, capd = 0, j;
	ssize_t	 len;

	if ((len = getline(&line, &lcap, stdin)) < 1 || line[0] != '#')
		die("no '# names' line");
	for (tok = strtok(line + 1, " \t\n"); tok != NULL;
	    tok = strtok(NULL, " \t\n")) {
		if (nf == MAXF)
			die("too many features");
		if ((names[nf++] = strdup(tok)) == NULL)
			die("out of memory");
	}
	while ((len = getline(&line, &lcap, stdin)) > 0) {
		doc = xgrow(doc, &capd, n + 1, sizeof(*doc));
		y = xgrow(y, &cap, n + 1, sizeof(*y));
		x = xgrow(x, &capx, (n + 1) * nf, sizeof(*x));
		doc[n] = strtol(line, &e, 10);
		p = e;
		y[n] = strtod(p, &e);
		for (j = 0; j < nf; j++) {
			p = e;
			x[n * nf + j] = strtod(p, &e);
			if (e == p)
				die("short line");
		}
		n++;
	}
	free(line);
}

static int
cmp_double(const void *a, const void *b)
{
	double	 u = *(const double *)a, v = *(const double *)b;

	return (u > v) - (u < v);
}

/*
 * The thresholds of feature j over the training rows: midpoints between
 * distinct values at the bin quantiles, so that a value read back with
 * more or fewer digits than --explain prints falls on the same side.
 */
static void
make_bins(size_t j, const int *train, double *v)
{
	size_t	 i, m = 0, q, a;

	for (i = 0; i < n; i++)
		if (train[i])
			v[m++] = x[i * nf + j];
	qsort(v, m, sizeof(*v), cmp_double);
	nb[j] = 0;
	for (q = 1; q < nbins && m > 0; q++) {
		a = q * m / nbins;
		while (a + 1 < m && v[a + 1] == v[a])
			a++;
		if (a + 1 >= m)
			break;
		if (nb[j] > 0 && thr[j][nb[j] - 1] >= v[a])
			continue;
		thr[j][nb[j]++] = (v[a] + v[a + 1]) / 2;
	}
	for (i = 0; i < n; i++) {
		for (a = 0; a < nb[j] && x[i * nf + j] > thr[j][a]; a++)
			;
		bin[i * nf + j] = (unsigned char)a;
	}
}

static size_t
new_node(void)
{
	nodes = xgrow(nodes, &capnodes, nnodes + 1, sizeof(*nodes));
	memset(&nodes[nnodes], 0, sizeof(*nodes));
	nodes[nnodes].f = -1;
	return nnodes++;
}

/* The best split of rows idx[lo..hi): feature *bf, bin *bb; 0 if none. */
static int
best_split(size_t lo, size_t hi, double gs, double hs, size_t *bf,
    size_t *bb)
{
	double	 G[MAXB + 1], H[MAXB + 1], gl, hl, gain, best = 1e-9;
	size_t	 i, j, b, r;
	int	 found = 0;

	for (j = 0; j < nf; j++) {
		memset(G, 0, sizeof(G));
		memset(H, 0, sizeof(H));
		for (i = lo; i < hi; i++) {
			r = idx[i];
			G[bin[r * nf + j]] += g[r];
			H[bin[r * nf + j]] += h[r];
		}
		gl = hl = 0;
		for (b = 0; b < nb[j]; b++) {
			gl += G[b];
			hl += H[b];
			if (hl < minh || hs - hl < minh)
				continue;
			gain = gl * gl / (hl + lambda) + (gs - gl) * (gs - gl) /
			    (hs - hl + lambda) - gs * gs / (hs + lambda);
			if (gain > best) {
				best = gain;
				*bf = j;
				*bb = b;
				found = 1;
			}
		}
	}
	return found;
}

/* Grows the subtree over rows idx[lo..hi) at depth d; returns its node. */
static size_t
grow(size_t lo, size_t hi, size_t d)
{
	double	 gs = 0, hs = 0;
	size_t	 i, id = new_node(), f = 0, b = 0, nl = 0, nr = 0, l, r;

	for (i = lo; i < hi; i++) {
		gs += g[idx[i]];
		hs += h[idx[i]];
	}
	if (d == depth || !best_split(lo, hi, gs, hs, &f, &b)) {
		nodes[id].v = -rate * gs / (hs + lambda);
		for (i = lo; i < hi; i++)
			marg[idx[i]] += nodes[id].v;
		return id;
	}
	/* A stable partition: rows keep their order on each side. */
	for (i = lo; i < hi; i++)
		if (bin[idx[i] * nf + f] <= b)
			tmpidx[lo + nl++] = idx[i];
	for (i = lo; i < hi; i++)
		if (bin[idx[i] * nf + f] > b)
			tmpidx[lo + nl + nr++] = idx[i];
	memcpy(idx + lo, tmpidx + lo, (hi - lo) * sizeof(*idx));
	l = grow(lo, lo + nl, d + 1);
	r = grow(lo + nl, hi, d + 1);
	nodes[id].f = (int)f;
	nodes[id].thr = thr[f][b];
	nodes[id].left = l;
	nodes[id].right = r;
	return id;
}

static double
sigmoid(double z)
{
	if (z > 30)
		z = 30;
	if (z < -30)
		z = -30;
	return 1 / (1 + qmath_exp(-z));
}

/* The score of row i: the sum of the leaves it reaches from roots[]. */
static double
score(const size_t *roots, size_t nr, double base, size_t i)
{
	double	 s = base;
	size_t	 t, k;

	for (t = 0; t < nr; t++) {
		k = roots[t];
		while (nodes[k].f >= 0)
			k = x[i * nf + (size_t)nodes[k].f] <= nodes[k].thr ?
			    nodes[k].left : nodes[k].right;
		s += nodes[k].v;
	}
	return s;
}

/*
 * Prints the subtree of node k as heap position hp at depth d of a
 * complete tree of depth -d: the splits in heap order (children of i at
 * 2i + 1 and 2i + 2), then the leaves.  A leaf above the last level
 * becomes a split no value passes (threshold 1e308) over two copies of
 * itself, so that the engine walks every tree in -d steps without a
 * branch to mispredict.
 */
static void
fill(size_t k, size_t hp, size_t d, char **split, double *leaf)
{
	size_t	 first = ((size_t)1 << depth) - 1;

	if (d == depth) {
		leaf[hp - first] = nodes[k].v;
		return;
	}
	if (nodes[k].f < 0) {
		snprintf(split[hp], 64, "split %s 1e308", names[0]);
		fill(k, 2 * hp + 1, d + 1, split, leaf);
		fill(k, 2 * hp + 2, d + 1, split, leaf);
		return;
	}
	snprintf(split[hp], 64, "split %s %.9g", names[nodes[k].f],
	    nodes[k].thr);
	fill(nodes[k].left, 2 * hp + 1, d + 1, split, leaf);
	fill(nodes[k].right, 2 * hp + 2, d + 1, split, leaf);
}

/* The model as data/keyphrases/trees.txt holds it (tools/embed_trees.sh
 * makes C of it): "base", "depth", then each tree after a "tree" line as
 * fill() lays it out, a split "split FEATURE THRESHOLD" (x <= THRESHOLD
 * goes left), a leaf "leaf VALUE". */
static void
print_trees(const size_t *roots, double base, size_t npos)
{
	size_t	 i, t, ns = ((size_t)1 << depth) - 1;
	char	**split;
	double	*leaf;

	if ((split = calloc(ns + 1, sizeof(*split))) == NULL ||
	    (leaf = calloc(ns + 1, sizeof(*leaf))) == NULL)
		die("out of memory");
	for (i = 0; i < ns; i++)
		if ((split[i] = malloc(64)) == NULL)
			die("out of memory");
	printf("# tools/fit_kph_trees -n %zu -d %zu -r %g -m %g -l %g -b %zu: "
	    "%zu candidates, %zu positive\n", ntrees, depth, rate, minh,
	    lambda, nbins, n, npos);
	printf("base %.9g\ndepth %zu\n", base, depth);
	for (t = 0; t < ntrees; t++) {
		fill(roots[t], 0, 0, split, leaf);
		printf("tree\n");
		for (i = 0; i < ns; i++)
			printf("%s\n", split[i]);
		for (i = 0; i <= ns; i++)
			printf("leaf %.9g\n", leaf[i]);
	}
}

static void
usage(void)
{
	fputs("usage: fit_kph_trees [-n trees] [-d depth] [-r rate] "
	    "[-m min_hessian] [-l lambda] [-b bins] [-k folds -t fold]\n",
	    stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	int	*train, c;
	long	 folds = 5, test = -1;
	size_t	 i, j, t, m, npos = 0, *roots;
	double	 base, p, *v;

	while ((c = getopt(argc, argv, "n:d:r:m:l:b:k:t:")) != -1) {
		switch (c) {
		case 'n': ntrees = strtoul(optarg, NULL, 10); break;
		case 'd': depth = strtoul(optarg, NULL, 10); break;
		case 'r': rate = strtod(optarg, NULL); break;
		case 'm': minh = strtod(optarg, NULL); break;
		case 'l': lambda = strtod(optarg, NULL); break;
		case 'b': nbins = strtoul(optarg, NULL, 10); break;
		case 'k': folds = strtol(optarg, NULL, 10); break;
		case 't': test = strtol(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (nbins < 2 || nbins > MAXB || folds < 2 || ntrees < 1 ||
	    depth < 1 || depth > 8)
		usage();
	read_input();
	if ((train = calloc(n + 1, sizeof(*train))) == NULL ||
	    (v = calloc(n + 1, sizeof(*v))) == NULL ||
	    (bin = calloc(n * nf + 1, 1)) == NULL ||
	    (marg = calloc(n + 1, sizeof(*marg))) == NULL ||
	    (g = calloc(n + 1, sizeof(*g))) == NULL ||
	    (h = calloc(n + 1, sizeof(*h))) == NULL ||
	    (idx = calloc(n + 1, sizeof(*idx))) == NULL ||
	    (tmpidx = calloc(n + 1, sizeof(*tmpidx))) == NULL ||
	    (roots = calloc(ntrees, sizeof(*roots))) == NULL)
		die("out of memory");
	for (i = m = 0; i < n; i++)
		if ((train[i] = test < 0 || doc[i] % folds != test)) {
			m++;
			npos += y[i] > 0.5;
		}
	if (npos == 0 || npos == m)
		die("one class only");
	for (j = 0; j < nf; j++)
		make_bins(j, train, v);
	base = qmath_ln((double)npos / (double)(m - npos));
	for (i = 0; i < n; i++)
		marg[i] = base;
	for (t = 0; t < ntrees; t++) {
		for (i = m = 0; i < n; i++) {
			if (!train[i])
				continue;
			p = sigmoid(marg[i]);
			g[i] = p - y[i];
			h[i] = p * (1 - p);
			idx[m++] = i;
		}
		roots[t] = grow(0, m, 0);
	}
	if (test < 0)
		print_trees(roots, base, npos);
	else
		for (i = 0; i < n; i++)
			if (!train[i])
				printf("%.9g\n", score(roots, ntrees, base, i));
	return 0;
}
