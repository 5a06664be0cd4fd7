"""fit_keyphrases.py: fits the weights of extract-keypoints --phrases.

Usage: python3 tools/fit_keyphrases.py [--candidates=C] [DATA]
       python3 tools/fit_keyphrases.py --trees [DATA]
       (DATA: ../shared/data)

Reads the train split of 500N-KPCrowd (keyphrases_500n_kpcrowd/
500n_kpcrowd.train.jsonl; never the dev split), has filters/extract-keypoints
list every candidate phrase of each story with its features
(--phrases --explain -z, as tests/eval/keyphrases_eval.py runs it), labels a
candidate 1 if its stemmed form (the evaluation's) is that of one of the
story's reference key phrases, and fits a logistic regression, as KEA
(Witten et al. 1999) fits naive Bayes and Hulth (2003) rule induction over
such features.

The fit: features standardized (mean 0, standard deviation 1 over the
candidates), L2 penalty 1e-3, full-batch gradient descent with step 0.5 for
400 rounds from zero weights, in a fixed order: no randomness, so the same
data gives the same weights.  The weights are then taken back to the raw
features.  Prints them as the C initializer of the weights of the
candidates (C: lexicon, the default, nouns or names) in
common/keyphrases.c, kph_lex_w, kph_nouns_w or kph_names_w (bias first,
then one per feature in the order --explain lists them, up to the ones
in STACKED, which the regression's own scores make), to be pasted there.

With --trees, writes the same examples (story, label, features, STACKED
ones included) for tools/fit_kph_trees, which fits on them the boosted
trees that score the best candidates of the lexicon again, and prints its
model, the text of data/keyphrases/trees.txt (`make models` runs it).  The
STACKED features come from the regression built into the engine, so build
it again after pasting new weights, before fitting the trees.

Standard library only.
"""

import json
import math
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROG = os.environ.get("KEYPOINTS",
                      os.path.join(ROOT, "filters", "extract-keypoints"))
FITTER = os.path.join(ROOT, "tools", "fit_kph_trees")
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
from keyphrases_eval import norm  # noqa: E402  the evaluation's match

L2 = 1e-3
STEP = 0.5
ROUNDS = 400
# Features made from the regression's own scores, read by the trees only
# (KPH_F_LINEAR and after in common/keyphrases.h).
STACKED = ("linear", "bestpart")


def candidates(prog, docs, extra):
    """The feature names, and per story the (rank or None, features,
    text) of each candidate in order of first occurrence, as
    extract-keypoints --phrases --explain -z lists them."""
    inp = b"".join(d["text"].replace("\0", " ").encode() + b"\0"
                   for d in docs)
    out = subprocess.run([prog, "--phrases", "--explain", "-z"] + extra,
                         input=inp, stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    recs = out.split("\0")[:len(docs)]
    names, res = None, []
    for rec in recs:
        cands = []
        for line in rec.split("\n"):
            if not line:
                continue
            f = line.split("\t")
            feats = [x.split("=", 1) for x in f[3:-1]]
            if names is None:
                names = [k for k, _ in feats]
            cands.append((None if f[0] == "-" else int(f[0]),
                          [float(v) for _, v in feats], f[-1]))
        res.append(cands)
    return names, res


def load_train(data):
    path = os.path.join(data, "keyphrases_500n_kpcrowd",
                        "500n_kpcrowd.train.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def labels(doc, cands):
    """1 for each candidate whose stemmed form is a reference's."""
    gold = set(norm(p) for p in doc["keyphrases"]) - {""}
    return [1 if norm(text) in gold else 0 for _, _, text in cands]


def write_examples(path, names, docs, cands):
    """The input of tools/fit_kph_trees: a line naming the features, then
    story number, label and features of each candidate."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("# " + " ".join(names) + "\n")
        for i, (d, cs) in enumerate(zip(docs, cands)):
            for y, (_, x, _) in zip(labels(d, cs), cs):
                f.write("%d\t%d\t%s\n" % (i, y,
                                            "\t".join(repr(v) for v in x)))


def linear_part(names):
    """How many features, from the first, the regression reads."""
    return next((j for j, n in enumerate(names) if n in STACKED),
                len(names))


def examples(data, extra):
    docs = load_train(data)
    names, cands = candidates(PROG, docs, extra)
    nlin = linear_part(names)
    xs, ys = [], []
    for d, cs in zip(docs, cands):
        xs.extend(x[:nlin] for _, x, _ in cs)
        ys.extend(float(y) for y in labels(d, cs))
    return names[:nlin], xs, ys


def trees(data, extra):
    """Fits the trees on all of train; returns them as text."""
    docs = load_train(data)
    names, cands = candidates(PROG, docs, extra)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "examples.tsv")
        write_examples(path, names, docs, cands)
        with open(path, "rb") as f:
            return subprocess.run([FITTER], stdin=f, stdout=subprocess.PIPE,
                                  check=True).stdout.decode()


def fit(xs, ys):
    nf, n = len(xs[0]), len(xs)
    mu = [sum(x[j] for x in xs) / n for j in range(nf)]
    sd = [math.sqrt(sum((x[j] - mu[j]) ** 2 for x in xs) / n)
          for j in range(nf)]
    sd = [s if s > 1e-12 else 1.0 for s in sd]
    zs = [[(x[j] - mu[j]) / sd[j] for j in range(nf)] for x in xs]
    b, w = 0.0, [0.0] * nf
    for _ in range(ROUNDS):
        gb, g = 0.0, [0.0] * nf
        for z, y in zip(zs, ys):
            s = b + sum(wj * zj for wj, zj in zip(w, z))
            s = max(-30.0, min(30.0, s))
            e = 1 / (1 + math.exp(-s)) - y
            gb += e
            for j in range(nf):
                g[j] += e * z[j]
        b -= STEP * gb / n
        w = [w[j] - STEP * (g[j] / n + L2 * w[j]) for j in range(nf)]
    raw = [w[j] / sd[j] for j in range(nf)]
    bias = b - sum(raw[j] * mu[j] for j in range(nf))
    return bias, raw


def main():
    args = sys.argv[1:]
    if args[:1] == ["--trees"]:
        data = args[1] if len(args) > 1 else \
            os.path.join(ROOT, "..", "shared", "data")
        sys.stdout.write(trees(data, ["--candidates=lexicon"]))
        return 0
    extra = [a for a in args if a.startswith("--candidates=")]
    args = [a for a in args if a not in extra]
    data = args[0] if args else os.path.join(ROOT, "..", "shared", "data")
    extra = extra[-1:] or ["--candidates=lexicon"]
    arrays = {"--candidates=lexicon": "kph_lex_w",
              "--candidates=nouns": "kph_nouns_w",
              "--candidates=names": "kph_names_w"}
    if extra[0] not in arrays:
        sys.exit("fit_keyphrases: unknown %s" % extra[0])
    array = arrays[extra[0]]
    names, xs, ys = examples(data, extra)
    bias, w = fit(xs, ys)
    print("/* tools/fit_keyphrases.py: %d candidates, %d positive */" %
          (len(xs), int(sum(ys))))
    print("static const double %s[KPH_NLINEAR + 1] = {" % array)
    print("\t%.6f,\t/* bias */" % bias)
    for i, (name, v) in enumerate(zip(names, w)):
        print("\t%.6f%s\t/* %s */" % (v, "," if i + 1 < len(w) else "",
                                       name))
    print("};")
    return 0


if __name__ == "__main__":
    sys.exit(main())
