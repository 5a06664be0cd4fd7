"""fit_keyphrases.py: fits the weights of extract-keypoints --phrases.

Usage: python3 tools/fit_keyphrases.py [--candidates=C] [DATA]
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
then one per feature in the order --explain lists them), to be pasted
there.

Standard library only.
"""

import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
from keyphrases_eval import norm  # noqa: E402  the evaluation's match

L2 = 1e-3
STEP = 0.5
ROUNDS = 400


def examples(data, extra):
    prog = os.environ.get("KEYPOINTS",
                          os.path.join(ROOT, "filters", "extract-keypoints"))
    path = os.path.join(data, "keyphrases_500n_kpcrowd",
                        "500n_kpcrowd.train.jsonl")
    with open(path, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    inp = b"".join(d["text"].replace("\0", " ").encode() + b"\0"
                   for d in docs)
    out = subprocess.run([prog, "--phrases", "--explain", "-z"] + extra,
                         input=inp,
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    recs = out.split("\0")[:len(docs)]
    names, xs, ys = None, [], []
    for d, rec in zip(docs, recs):
        gold = set(norm(p) for p in d["keyphrases"]) - {""}
        for line in rec.split("\n"):
            if not line:
                continue
            fields = line.split("\t")
            feats = [f.split("=", 1) for f in fields[3:-1]]
            if names is None:
                names = [k for k, _ in feats]
            xs.append([float(v) for _, v in feats])
            ys.append(1.0 if norm(fields[-1]) in gold else 0.0)
    return names, xs, ys


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
    print("static const double %s[KPH_NFEATURES + 1] = {" % array)
    print("\t%.6f,\t/* bias */" % bias)
    for i, (name, v) in enumerate(zip(names, w)):
        print("\t%.6f%s\t/* %s */" % (v, "," if i + 1 < len(w) else "",
                                       name))
    print("};")
    return 0


if __name__ == "__main__":
    sys.exit(main())
