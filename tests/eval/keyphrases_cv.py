"""Key phrases: 5-fold cross-validation of the ranker on 500N-KPCrowd train.

Usage: python3 tests/eval/keyphrases_cv.py [--ranker=R]
           [--extra OPTIONS] [--trees OPTIONS] [--drop NAMES]

What the choices of extract-keypoints --phrases (features, the ranker and
its settings) are made on, so that the dev split is read once, at the end
(tests/eval/keyphrases_eval.py).  The engine lists every candidate of each
train story with its features (--phrases --explain -z, --extra adding
options); story i goes to fold i mod 5; for each fold the ranker is fitted
on the other four and ranks the fold's candidates.  --drop leaves out the
features named (comma separated, as --explain names them), so that a
feature is judged by an ablation without building the engine again.
Rankers:
  trees   tools/fit_kph_trees (gradient-boosted trees; --trees passes it
          options such as "-n 300 -d 3 -r 0.1"), what the engine ships.
  lr      the logistic regression of tools/fit_keyphrases.py (slow: pure
          Python).
  cascade what the engine does: lr ranks, the trees rank its best
          POOL x 10 again (common/keyphrases.c, kph_rerank).
  engine  the engine's own ranking, fitted on all of train: not a
          cross-validation, an upper reference.
Prints F1@10 over all train stories, with joiners deleted and strict, as
keyphrases_eval.py scores them (ties to the earlier candidate, as the
engine breaks them).

Standard library only.
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))

from keyphrases_eval import norm_strict, prf, top  # noqa: E402
from keyphrases_eval import norm  # noqa: E402
from keypoints_eval import data_and_prog  # noqa: E402
from fit_keyphrases import candidates, fit, labels  # noqa: E402
from fit_keyphrases import load_train, write_examples  # noqa: E402

FOLDS = 5
POOL = 3    # KPH_POOL
K = 10


def cv_trees(names, docs, cands, opts):
    """Held-out scores of every candidate, fold by fold."""
    fitter = os.path.join(ROOT, "tools", "fit_kph_trees")
    scores = [None] * len(docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ex.tsv")
        write_examples(path, names, docs, cands)
        for k in range(FOLDS):
            with open(path, "rb") as f:
                out = subprocess.run([fitter, "-k", str(FOLDS), "-t", str(k)]
                                     + opts, stdin=f, stdout=subprocess.PIPE,
                                     check=True).stdout.decode().split()
            it = iter(float(v) for v in out)
            for i in range(k, len(docs), FOLDS):
                scores[i] = [next(it) for _ in cands[i]]
    return scores


def cv_lr(docs, cands):
    scores = [None] * len(docs)
    for k in range(FOLDS):
        xs, ys = [], []
        for i, (d, cs) in enumerate(zip(docs, cands)):
            if i % FOLDS != k:
                xs.extend(x for _, x, _ in cs)
                ys.extend(float(y) for y in labels(d, cs))
        bias, w = fit(xs, ys)
        for i in range(k, len(docs), FOLDS):
            scores[i] = [bias + sum(a * b for a, b in zip(w, x))
                         for _, x, _ in cands[i]]
    return scores


def cascade(first, second):
    """Scores that order each story's candidates by first, then its best
    POOL * K again by second, as kph_rerank does."""
    res = []
    for a, b in zip(first, second):
        order = sorted(range(len(a)), key=lambda i: (-a[i], i))
        pool = sorted(order[:POOL * K], key=lambda i: (-b[i], i))
        sc = [0.0] * len(a)
        for r, i in enumerate(pool + order[POOL * K:]):
            sc[i] = -float(r)
        res.append(sc)
    return res


def drop_features(names, cands, drop):
    """The feature names and candidates without the features in drop."""
    unknown = set(drop) - set(names)
    if unknown:
        sys.exit("keyphrases_cv: no feature %s" % ",".join(sorted(unknown)))
    keep = [j for j, n in enumerate(names) if n not in drop]
    return ([names[j] for j in keep],
            [[(r, [x[j] for j in keep], t) for r, x, t in cs]
             for cs in cands])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ranker", default="trees",
                    choices=["trees", "lr", "cascade", "engine"])
    ap.add_argument("--extra", default="")
    ap.add_argument("--trees", default="")
    ap.add_argument("--drop", default="")
    args = ap.parse_args()
    data, prog = data_and_prog()
    docs = load_train(data)
    names, cands = candidates(prog, docs, args.extra.split())
    drop = [n for n in args.drop.split(",") if n]
    if drop:
        names, cands = drop_features(names, cands, drop)
    if args.ranker == "trees":
        scores = cv_trees(names, docs, cands, args.trees.split())
    elif args.ranker == "lr":
        scores = cv_lr(docs, cands)
    elif args.ranker == "cascade":
        scores = cascade(cv_lr(docs, cands),
                         cv_trees(names, docs, cands, args.trees.split()))
    else:
        scores = [[-(r if r else 1e9) for r, _, _ in cs] for cs in cands]
    f1 = [0.0, 0.0]
    for d, cs, sc in zip(docs, cands, scores):
        order = sorted(range(len(cs)), key=lambda i: (-sc[i], i))
        phrases = [cs[i][2] for i in order]
        for j, nm in enumerate((norm, norm_strict)):
            f1[j] += prf(top(phrases, norm=nm), d["keyphrases"], norm=nm)[2]
    how = "".join([" " + args.trees if args.trees else "",
                   " without " + ",".join(drop) if drop else ""])
    print("%d-fold CV on 500N-KPCrowd train (%d stories), ranker %s%s: "
          "F1@10 %.2f, strict %.2f" %
          (FOLDS, len(docs), args.ranker, how, f1[0] / len(docs) * 100,
           f1[1] / len(docs) * 100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
