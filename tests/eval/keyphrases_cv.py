"""Key phrases: 5-fold cross-validation of the ranker on 500N-KPCrowd train.

Usage: python3 tests/eval/keyphrases_cv.py [--ranker=R]
           [--extra OPTIONS] [--trees OPTIONS] [--drop NAMES]
           [--group-copies]

What the choices of extract-keypoints --phrases (features, the ranker and
its settings) are made on, so that the dev split is read once, at the end
(tests/eval/keyphrases_eval.py).  The engine lists every candidate of each
train story with its features (--phrases --explain -z, --extra adding
options); story i goes to fold i mod 5; for each fold the ranker is fitted
on the other four and ranks the fold's candidates.  --drop leaves out the
features named (comma separated, as --explain names them), so that a
feature is judged by an ablation without building the engine again.
--group-copies puts each story in the fold of its copies (group_copies):
cascade 23.03 / strict 22.39 as story i mod 5, 22.77 / 22.13 grouped, so
the copies lift the plain folds by about 0.26, far less than the gap to
dev (19.56 / 18.59).  The figures elsewhere use the plain folds.
The stacked features (fit_keyphrases.STACKED: the linear model's score
and the best of the shorter candidates a candidate holds), which the
engine makes with its built-in regression, are made again in each fold
by that fold's regression, fitted without the fold, so the trees ranker
fits it too (slow).
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
from fit_keyphrases import linear_part, load_train  # noqa: E402
from fit_keyphrases import write_examples  # noqa: E402

FOLDS = 5
POOL = 3    # KPH_POOL
K = 10


def parts(cs):
    """Per candidate, the shorter candidates it holds, by their stemmed
    tokens (the engine goes by its own terms; nearly always the same)."""
    toks = [tuple(norm(t).split()) for _, _, t in cs]
    at = {}
    for i, t in enumerate(toks):
        at.setdefault(t, i)
    res = []
    for i, t in enumerate(toks):
        held = set(at.get(t[a:a + n]) for n in range(1, len(t))
                   for a in range(len(t) - n + 1))
        res.append(sorted(held - {None, i}))
    return res


def restack(names, cands, held, model):
    """The candidates with the stacked features (linear, bestpart) made
    again by a linear model (bias, weights), as the engine makes them with
    its own: fold k's trees must not read a model fitted on fold k."""
    nlin, (bias, w) = linear_part(names), model
    res = []
    for cs, ps in zip(cands, held):
        z = [bias + sum(a * b for a, b in zip(w, x[:nlin])) for _, x, _ in cs]
        new = {"linear": z,
               "bestpart": [max((z[j] for j in p), default=-10.0)
                            for p in ps]}
        res.append([(r, [new[n][i] if n in new else v
                         for n, v in zip(names, x)], t)
                    for i, (r, x, t) in enumerate(cs)])
    return res


def cv_trees(names, docs, cands, opts, models):
    """Held-out scores of every candidate, fold by fold; with models (one
    linear model a fold), the stacked features made again by each."""
    fitter = os.path.join(ROOT, "tools", "fit_kph_trees")
    scores = [None] * len(docs)
    held = [parts(cs) for cs in cands] if models else None
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ex.tsv")
        for k in range(FOLDS):
            if k == 0 or models:
                write_examples(path, names, docs, restack(
                    names, cands, held, models[k]) if models else cands)
            with open(path, "rb") as f:
                out = subprocess.run([fitter, "-k", str(FOLDS), "-t", str(k)]
                                     + opts, stdin=f, stdout=subprocess.PIPE,
                                     check=True).stdout.decode().split()
            it = iter(float(v) for v in out)
            for i in range(k, len(docs), FOLDS):
                scores[i] = [next(it) for _ in cands[i]]
    return scores


def cv_lr(names, docs, cands):
    """The linear model of each fold, and the held-out scores."""
    nlin = linear_part(names)
    scores, models = [None] * len(docs), []
    for k in range(FOLDS):
        xs, ys = [], []
        for i, (d, cs) in enumerate(zip(docs, cands)):
            if i % FOLDS != k:
                xs.extend(x[:nlin] for _, x, _ in cs)
                ys.extend(float(y) for y in labels(d, cs))
        bias, w = fit(xs, ys)
        models.append((bias, w))
        for i in range(k, len(docs), FOLDS):
            scores[i] = [bias + sum(a * b for a, b in zip(w, x[:nlin]))
                         for _, x, _ in cands[i]]
    return scores, models


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


def group_copies(docs):
    """The stories in an order where each story shares its fold (index
    mod FOLDS) with its copies ("same_story_as"): 18 train stories have
    a copy with its own reference list, and a fold that holds one while
    another fold trains on its twin scores higher than new text would.
    Groups go, largest first, to the fold with the most room left; each
    fold keeps its stories in their file order."""
    at = {d["id"]: i for i, d in enumerate(docs)}
    root = list(range(len(docs)))

    def find(i):
        while root[i] != i:
            i = root[i]
        return i
    for i, d in enumerate(docs):
        for other in d.get("same_story_as") or []:
            if other in at:
                a, b = sorted((find(i), find(at[other])))
                root[b] = a
    groups = {}
    for i in range(len(docs)):
        groups.setdefault(find(i), []).append(i)
    room = [len(range(k, len(docs), FOLDS)) for k in range(FOLDS)]
    members = [[] for _ in range(FOLDS)]
    for g in sorted(groups.values(), key=lambda g: (-len(g), g[0])):
        k = max(range(FOLDS), key=lambda k: (room[k] >= len(g), room[k], -k))
        if room[k] < len(g):
            sys.exit("keyphrases_cv: no fold has room for a group")
        room[k] -= len(g)
        members[k].extend(g)
    order = [None] * len(docs)
    for k in range(FOLDS):
        for pos, i in zip(range(k, len(docs), FOLDS), sorted(members[k])):
            order[pos] = docs[i]
    return order


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
    ap.add_argument("--group-copies", action="store_true")
    args = ap.parse_args()
    data, prog = data_and_prog()
    docs = load_train(data)
    if args.group_copies:
        docs = group_copies(docs)
    names, cands = candidates(prog, docs, args.extra.split())
    drop = [n for n in args.drop.split(",") if n]
    if drop:
        names, cands = drop_features(names, cands, drop)
    stacked = linear_part(names) < len(names)
    if args.ranker in ("trees", "cascade"):
        lr, models = cv_lr(names, docs, cands) if stacked or \
            args.ranker == "cascade" else (None, None)
        scores = cv_trees(names, docs, cands, args.trees.split(),
                          models if stacked else None)
        if args.ranker == "cascade":
            scores = cascade(lr, scores)
    elif args.ranker == "lr":
        scores = cv_lr(names, docs, cands)[0]
    else:
        scores = [[-(r if r else 1e9) for r, _, _ in cs] for cs in cands]
    f1 = [0.0, 0.0]
    for d, cs, sc in zip(docs, cands, scores):
        order = sorted(range(len(cs)), key=lambda i: (-sc[i], i))
        phrases = [cs[i][2] for i in order]
        for j, nm in enumerate((norm, norm_strict)):
            f1[j] += prf(top(phrases, norm=nm), d["keyphrases"], norm=nm)[2]
    how = "".join([" " + args.trees if args.trees else "",
                   " without " + ",".join(drop) if drop else "",
                   ", copies in one fold" if args.group_copies else ""])
    print("%d-fold CV on 500N-KPCrowd train (%d stories), ranker %s%s: "
          "F1@10 %.2f, strict %.2f" %
          (FOLDS, len(docs), args.ranker, how, f1[0] / len(docs) * 100,
           f1[1] / len(docs) * 100))
    return 0


if __name__ == "__main__":
    sys.exit(main())
