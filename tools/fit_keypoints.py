"""fit_keypoints.py: fits the feature weights of extract-keypoints (issue 5).

Usage: python3 tools/fit_keypoints.py [DATA]    (DATA: ../shared/data)

Reads the train splits news_keypoints/cnn_dailymail.train.jsonl and
bbc_news_summary.train.jsonl, has filters/extract-keypoints score every
sentence (--json --ratio 1 --explain: every sentence is a key point, with
its features), and searches the weights of the top-k sentences by score
(k = 3 for CNN, the reference's sentence count for BBC) that maximize
the smaller of two margins, in the mean of ROUGE-1 and ROUGE-2 F1
(tests/eval/keypoints_eval.py's scorer): over LEAD-3 on CNN and over plain
TextRank (keypoints_eval.textrank) on BBC, the baselines issue 5 asks us
to beat, plus a hundredth of their sum to break near-ties.  (A plain mean lets the BBC set, whose figures are three times
CNN's, buy a little of its gain with CNN's lead.)  The search is coordinate ascent over a fixed grid
(0, 0.1, ..., 5) with the position weight held at 1 (the choice is
invariant to scale), from the built-in weights, until a whole pass changes
nothing; ties keep the earlier value.  No randomness: the same data gives
the same weights.  MMR is left out of the fit (lambda = 1).

Prints the weights as the C initializer of kp_default_w in
common/keypoints.c, to be pasted there.
"""

import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
from keypoints_eval import rouge_n, sentences, textrank, tokens  # noqa

FEATURES = ["position", "centrality", "title", "length", "density"]
GRID = [i * 0.1 for i in range(51)]


def articles(data, fname, k_from_ref):
    prog = os.path.join(ROOT, "filters", "extract-keypoints")
    with open(os.path.join(data, "news_keypoints", fname),
              encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    inp = "".join(json.dumps({"title": d.get("title"), "text": d["text"]})
                  + "\n" for d in docs)
    out = subprocess.run([prog, "--json", "--ratio", "1", "--explain"],
                         input=inp.encode(), stdout=subprocess.PIPE,
                         check=True).stdout.decode().splitlines()
    res = []
    for d, line in zip(docs, out):
        kps = json.loads(line)["keypoints"]
        feats = [[kp["features"][f] for f in FEATURES] for kp in kps]
        toks = [tokens(kp["text"]) for kp in kps]
        ref = [t for h in d["highlights"] for t in tokens(h)]
        k = len(d["highlights"]) if k_from_ref else 3
        res.append((feats, toks, ref, k, {}))
    return res


def objective(sets, w):
    total = 0.0
    for arts in sets:
        s = 0.0
        for feats, toks, ref, k, cache in arts:
            sc = [sum(a * b for a, b in zip(w, f)) for f in feats]
            pick = tuple(sorted(sorted(range(len(sc)),
                                       key=lambda i: (-sc[i], i))[:k]))
            v = cache.get(pick)
            if v is None:
                cand = [t for i in pick for t in toks[i]]
                v = cache[pick] = (rouge_n(ref, cand, 1) +
                                   rouge_n(ref, cand, 2)) / 2
            s += v
        total += s / len(arts) / len(sets)
    return total


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
        s += (rouge_n(ref, cand, 1) + rouge_n(ref, cand, 2)) / 2
    return s / len(docs)


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "data")
    sets = [articles(data, "cnn_dailymail.train.jsonl", False),
            articles(data, "bbc_news_summary.train.jsonl", True)]
    base = [objective([sets[0]], [1.0, 0, 0, 0, 0]), textrank_baseline(data)]

    def margin(w):
        m = [objective([a], w) - b for a, b in zip(sets, base)]
        # The smallest margin first; the sum breaks near-ties, so that a
        # weight that helps one set at no cost to the other still moves.
        return min(m) + 1e-2 * sum(m)

    w = [1.0, 0.6, 0.5, 0.3, 0.2]
    best = margin(w)
    changed = True
    while changed:
        changed = False
        for j in range(1, len(w)):
            for v in GRID:
                t = list(w)
                t[j] = v
                o = margin(t)
                if o > best + 1e-12:
                    best, w, changed = o, t, True
        print("pass: %s -> %.4f" % (w, 100 * best), file=sys.stderr)
    print("/* tools/fit_keypoints.py: (R-1 + R-2) / 2 F1 on train: CNN "
          "%.2f (LEAD-3 %.2f), BBC %.2f (TextRank %.2f) */" % (
              100 * objective([sets[0]], w), 100 * base[0],
              100 * objective([sets[1]], w), 100 * base[1]))
    for name, v in zip(FEATURES, w):
        print("\t[KP_%s] = %.2f," % (name.upper(), v))


if __name__ == "__main__":
    main()
