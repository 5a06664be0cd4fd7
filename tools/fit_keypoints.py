"""fit_keypoints.py: fits the position prior and the weights of
extract-keypoints (issue 5).

Usage: python3 tools/fit_keypoints.py [DATA [OPTION ...]]
    DATA: ../shared/data; OPTIONs go to extract-keypoints (--entities: fit
    the weights for the entity model's density)

Reads the train splits news_keypoints/cnn_dailymail.train.jsonl and
bbc_news_summary.train.jsonl, and has filters/extract-keypoints score every
sentence (--json --ratio 1 --explain: every content sentence is a key
point, in document order, with its features; page furniture is left out,
as the program never picks it).

1. The position prior, learned from labels.  A sentence is a key point if
   it is one of the reference's sentences (BBC, whose summaries are
   extracts), or one of the greedy oracle's picks (CNN, whose highlights
   are written anew): up to 3 sentences, each the one that most raises the
   mean of ROUGE-1 and ROUGE-2 F1 of the picks against the highlights,
   until none raises it (the labels of Nallapati et al., SummaRuNNer, AAAI
   2017).  For the i-th of an article's n content sentences the prior is
   pos_abs[bucket of i] + pos_rel[quarter of i / n] (buckets: sentences 0,
   1, 2, 3, 4-5, 6-9, 10 on; quarters of the article), fitted to the 0/1
   labels by least squares (backfitting: each table in turn set to the
   mean residual of its cells, 100 rounds), for each set apart; each set's
   tables are then shifted so that the last quarter is 0 and scaled so that
   bucket 0 is 1, and the two sets' tables averaged; last, the smallest
   quarter is shifted to 0 and all scaled so that the first sentence's
   prior is 1 (the feature stays in [0, 1]).

2. The weights of the other features, by coordinate ascent over a fixed
   grid (0, 0.1, ..., 5) with the position weight held at 1, from the
   built-in weights, until a whole pass changes nothing; ties keep the
   earlier value.  The objective: the top-k sentences by score (k = 3 for
   CNN, the reference's sentence count for BBC) must maximize the smaller
   of two margins, in the mean of ROUGE-1 and ROUGE-2 F1
   (tests/eval/keypoints_eval.py's scorer): over LEAD-3 on CNN and over
   plain TextRank (keypoints_eval.textrank) on BBC, the baselines issue 5
   asks us to beat, plus a hundredth of their sum to break near-ties.  (A
   plain mean lets the BBC set, whose figures are three times CNN's, buy a
   little of its gain with CNN's lead.)  MMR is left out (lambda = 1).

(Searching the 10 free cells of the prior by the same coordinate ascent
fits the 384 CNN train articles too closely: train up 0.4, dev down 1.0.)
No randomness: the same data gives the same parameters.  Prints the C
initializers of kp_default_w, kp_default_pos_abs and kp_default_pos_rel
in common/keypoints.c, to be pasted there.
"""

import heapq
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
from keypoints_eval import rouge_n, sentences, textrank, tokens  # noqa

FEATURES = ["centrality", "title", "length", "density"]
NBUCKETS, NQUARTERS = 7, 4
W_GRID = [i * 0.1 for i in range(51)]


def bucket(i):
    if i < 4:
        return i
    if i < 6:
        return 4
    return 5 if i < 10 else 6


def r12(ref, cand):
    return (rouge_n(ref, cand, 1) + rouge_n(ref, cand, 2)) / 2


def oracle(toks, ref, k):
    """The greedy oracle's picks (a set of sentence indices)."""
    picked, best = [], 0.0
    while len(picked) < k:
        bi, bv = None, best
        for i in range(len(toks)):
            if i in picked:
                continue
            cand = [t for j in sorted(picked + [i]) for t in toks[j]]
            v = r12(ref, cand)
            if v > bv + 1e-12:
                bi, bv = i, v
        if bi is None:
            break
        picked.append(bi)
        best = bv
    return set(picked)


def articles(data, fname, extractive, extra):
    """Per article: its sentences' rows (what each parameter multiplies:
    the features, then a 1 in its bucket's and its quarter's cell), their
    tokens, the reference's tokens, k, a cache of scored picks, and the
    sentences' 0/1 labels."""
    prog = os.path.join(ROOT, "filters", "extract-keypoints")
    with open(os.path.join(data, "news_keypoints", fname),
              encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    inp = "".join(json.dumps({"title": d.get("title"), "text": d["text"]})
                  + "\n" for d in docs)
    out = subprocess.run([prog, "--json", "--ratio", "1", "--explain"] +
                         extra,
                         input=inp.encode(), stdout=subprocess.PIPE,
                         check=True).stdout.decode().splitlines()
    res = []
    for d, line in zip(docs, out):
        kps = json.loads(line)["keypoints"]
        n = len(kps)
        xs = []
        for i, kp in enumerate(kps):
            x = [0.0] * (len(FEATURES) + NBUCKETS + NQUARTERS)
            for j, f in enumerate(FEATURES):
                x[j] = kp["features"][f]
            x[len(FEATURES) + bucket(i)] = 1.0
            x[len(FEATURES) + NBUCKETS + i * NQUARTERS // n] = 1.0
            xs.append(x)
        toks = [tokens(kp["text"]) for kp in kps]
        ref = [t for h in d["highlights"] for t in tokens(h)]
        k = len(d["highlights"]) if extractive else 3
        if extractive:
            hl = set(h.strip() for h in d["highlights"])
            labels = [1.0 if kp["text"].strip() in hl else 0.0
                      for kp in kps]
        else:
            o = oracle(toks, ref, k)
            labels = [1.0 if i in o else 0.0 for i in range(n)]
        res.append((xs, toks, ref, k, {}, labels))
    return res


def prior(arts):
    """pos_abs and pos_rel fitted to arts' labels, scaled (see the top)."""
    cells = []
    for a in arts:
        n = len(a[5])
        cells += [(bucket(i), i * NQUARTERS // n, y)
                  for i, y in enumerate(a[5])]
    pa, pr = [0.0] * NBUCKETS, [0.0] * NQUARTERS
    for _ in range(100):
        for tab, other, mine in ((pa, pr, 0), (pr, pa, 1)):
            tot = [0.0] * len(tab)
            cnt = [0] * len(tab)
            for c in cells:
                tot[c[mine]] += c[2] - other[c[1 - mine]]
                cnt[c[mine]] += 1
            for j in range(len(tab)):
                tab[j] = tot[j] / cnt[j] if cnt[j] else 0.0
    shift = pr[-1]
    pa = [v + shift for v in pa]
    pr = [v - shift for v in pr]
    return [v / pa[0] for v in pa], [v / pa[0] for v in pr]


def pick_value(art, sc):
    toks, ref, k, cache = art[1:5]
    top = heapq.nsmallest(k, range(len(sc)), key=lambda i: (-sc[i], i))
    pick = tuple(sorted(top))
    v = cache.get(pick)
    if v is None:
        v = cache[pick] = r12(ref, [t for i in pick for t in toks[i]])
    return v


def scores(art, p):
    return [sum(a * b for a, b in zip(p, x)) for x in art[0]]


def objective(arts, p):
    return sum(pick_value(a, scores(a, p)) for a in arts) / len(arts)


def textrank_baseline(data):
    with open(os.path.join(data, "news_keypoints",
                           "bbc_news_summary.train.jsonl"),
              encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    sents = sentences(os.path.join(ROOT, "filters", "segment"), docs)
    s = 0.0
    for d, ss in zip(docs, sents):
        ref = [t for h in d["highlights"] for t in tokens(h)]
        cand = [t for x in textrank(ss, len(d["highlights"]))
                for t in tokens(x)]
        s += r12(ref, cand)
    return s / len(docs)


def lead3(arts):
    s = 0.0
    for a in arts:
        toks, ref, k = a[1:4]
        s += r12(ref, [t for i in range(min(k, len(toks))) for t in toks[i]])
    return s / len(arts)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "data")
    extra = sys.argv[2:]
    sets = [articles(data, "cnn_dailymail.train.jsonl", False, extra),
            articles(data, "bbc_news_summary.train.jsonl", True, extra)]
    base = [lead3(sets[0]), textrank_baseline(data)]
    nf = len(FEATURES)
    tabs = [prior(a) for a in sets]
    pa = [(x + y) / 2 for x, y in zip(tabs[0][0], tabs[1][0])]
    pr = [(x + y) / 2 for x, y in zip(tabs[0][1], tabs[1][1])]
    # The smallest quarter to 0, and the first sentence's prior to 1.
    low = min(pr)
    pr = [v - low for v in pr]
    top = pa[0] + pr[0]
    pa = [v / top for v in pa]
    pr = [v / top for v in pr]
    for name, t in zip(("CNN", "BBC"), tabs):
        print("prior %s: %s | %s" % (name, " ".join("%.2f" % v for v in t[0]),
              " ".join("%.2f" % v for v in t[1])), file=sys.stderr)
    # The built-in weights, then the prior, rounded as printed.
    p = [0.70, 0.60, 0.30, 0.60] + [round(v, 2) for v in pa + pr]

    def margin_of(m):
        # The smallest margin first; the sum breaks near-ties, so that a
        # weight that helps one set at no cost to the other still moves.
        return min(m) + 1e-2 * sum(m)

    best = margin_of([objective(a, p) - b for a, b in zip(sets, base)])
    changed = True
    while changed:
        changed = False
        for j in range(nf):
            # The score without weight j, and what j multiplies.
            rest = [[[s - p[j] * x[j] for s, x in zip(scores(a, p), a[0])]
                     for a in arts] for arts in sets]
            for v in W_GRID:
                m = []
                for arts, r, b in zip(sets, rest, base):
                    tot = 0.0
                    for a, ra in zip(arts, r):
                        tot += pick_value(a, [s + v * x[j] for s, x in
                                              zip(ra, a[0])])
                    m.append(tot / len(arts) - b)
                o = margin_of(m)
                if o > best + 1e-12:
                    best, changed = o, True
                    p = list(p)
                    p[j] = v
        print("pass: %s -> %.4f" % (["%.2f" % x for x in p[:nf]],
                                     100 * best), file=sys.stderr)
    print("/* tools/fit_keypoints.py: (R-1 + R-2) / 2 F1 on train: CNN "
          "%.2f (LEAD-3 %.2f), BBC %.2f (TextRank %.2f) */" % (
              100 * objective(sets[0], p), 100 * base[0],
              100 * objective(sets[1], p), 100 * base[1]))
    print("\t[KP_POSITION] = 1.00,")
    for name, v in zip(FEATURES, p):
        print("\t[KP_%s] = %.2f," % (name.upper(), v))
    print("kp_default_pos_abs:\t%s" % ", ".join(
        "%.2f" % v for v in p[nf:nf + NBUCKETS]))
    print("kp_default_pos_rel:\t%s" % ", ".join(
        "%.2f" % (v + 0.0) for v in p[nf + NBUCKETS:]))


if __name__ == "__main__":
    main()
