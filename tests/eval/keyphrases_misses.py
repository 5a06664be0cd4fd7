"""Key phrases: the reference phrases that are in the text but are no
candidate of extract-keypoints --phrases, by kind (issue 5).

Usage: python3 tests/eval/keyphrases_misses.py [--examples N]

Reads the train split of 500N-KPCrowd only (what choices are made on).
A reference phrase is in the text if its stemmed tokens (the evaluation's
match, keyphrases_eval.py; else the strict one, which keeps "Zimbabwe's"
apart) follow one another in the text as filters/tag --pos cuts it; the
parts of speech of that first occurrence, from the tagger, name its kind,
tested in this order: across sentences, longer than KPH_MAX_WORDS tokens,
punctuation inside, a possessive inside, a stop word first or last, "of"
or another stop word inside, a word shorter than three letters (stop
words to the engine), a number alone, then by the part of speech of the
last word.  Prints the share of the references that are candidates, then
a line per kind with its count, the commonest tag patterns, and with
--examples N the first N phrases of each kind.

Standard library only.
"""

import argparse
import collections
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, "tools"))

from keyphrases_eval import JOINERS, norm, norm_strict, tokens  # noqa: E402
from keypoints_eval import data_and_prog  # noqa: E402
from fit_keyphrases import candidates, load_train  # noqa: E402

MAX_WORDS = 4   # KPH_MAX_WORDS


def tagged(prog, docs):
    """Per story, its sentences as lists of (token, UPOS)."""
    inp = b"".join(d["text"].replace("\0", " ").encode() + b"\0"
                   for d in docs)
    out = subprocess.run([prog, "--pos", "-f", "conll", "-z"], input=inp,
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    res = []
    for rec in out.split("\0")[:len(docs)]:
        sents, cur = [], []
        for line in rec.split("\n"):
            if line:
                f = line.split("\t")
                cur.append((f[0], f[1]))
            elif cur:
                sents.append(cur)
                cur = []
        if cur:
            sents.append(cur)
        res.append(sents)
    return res


def find(sents, phrase, strict):
    """The tokens (sentence break: None) of the first occurrence of the
    stemmed phrase, or None."""
    toks = [t for s in sents for t in s + [None]]
    pieces, at = [], []
    for i, t in enumerate(toks):
        for p in (tokens(t[0] if strict else JOINERS.sub("", t[0]))
                  if t else []):
            pieces.append(p)
            at.append(i)
    want = phrase.split()
    for s in range(len(pieces) - len(want) + 1):
        if pieces[s:s + len(want)] == want:
            return toks[at[s]:at[s + len(want) - 1] + 1]
    return None


def kind(span, stop):
    if any(t is None for t in span):
        return "across sentences"
    words = [w.lower() for w, _ in span]
    tags = [p for _, p in span]
    if len(span) > MAX_WORDS:
        return "longer than %d tokens" % MAX_WORDS
    if any(p in ("PUNCT", "SYM") for p in tags):
        return "punctuation inside"
    if any(w in ("'s", "\u2019s") for w in words):
        return "possessive inside"
    if words[0] in stop or words[-1] in stop:
        return "stop word first or last"
    if "of" in words:
        return "\"of\" inside"
    if any(w in stop for w in words):
        return "other stop word inside"
    if any(len(w) < 3 and not w.isdigit() for w in words):
        return "a word shorter than 3 letters"
    if len(span) == 1:
        return "one word, " + tags[0]
    if tags[-1] in ("NOUN", "PROPN"):
        return "ends in a noun, " + ("verb inside" if "VERB" in tags
                                     else "other")
    return "ends in " + tags[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=0,
                    help="show the first N phrases of each kind")
    args = ap.parse_args()
    data, prog = data_and_prog()
    docs = load_train(data)
    _, cands = candidates(prog, docs, [])
    with open(os.path.join(ROOT, "data/stopwords/en.yaml"),
              encoding="utf-8") as f:
        stop = set(x[2:].strip() for x in f if x.startswith("- "))
    kinds = collections.Counter()
    pats = collections.Counter()
    ex = collections.defaultdict(list)
    ngold = ncand = 0
    for d, cs, sents in zip(docs, cands,
                            tagged(os.path.join(ROOT, "filters/tag"), docs)):
        have = set(norm(c[2]) for c in cs)
        for g in sorted(set(d["keyphrases"])):
            if not norm(g):
                continue
            ngold += 1
            if norm(g) in have:
                ncand += 1
                continue
            span = find(sents, norm(g), False) or \
                find(sents, norm_strict(g), True)
            k = kind(span, stop) if span else "not in the text"
            kinds[k] += 1
            if span and None not in span:
                pats[" ".join(p for _, p in span)] += 1
            if len(ex[k]) < args.examples:
                ex[k].append(g)
    print("500N-KPCrowd train: %d reference phrases, %d (%.1f%%) "
          "candidates" % (ngold, ncand, 100 * ncand / ngold))
    for k, v in kinds.most_common():
        print("%6d %5.1f%%  %s" % (v, 100 * v / ngold, k))
    print("commonest tag patterns of those in the text:")
    for p, v in pats.most_common(15):
        print("%6d  %s" % (v, p))
    for k, _ in kinds.most_common():
        if ex[k]:
            print("%s: %s" % (k, " | ".join(ex[k])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
