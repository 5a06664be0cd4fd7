"""Words: token precision, recall and F1 of quire segment -u word.

Sets, from $QUIRE_DATA (default ../shared/data): the dev splits of UD
English EWT (web text) and GUM (several genres), whose "# text" lines give
each sentence as written and whose word lines its words.  A multiword
token ("don't") counts as its words ("do", "n't"), as the Penn Treebank
conventions quire follows write them; empty nodes (ids with a period) are
left out.

Each sentence goes in as a record of its own (segment -u word -z), so that
sentence boundaries do not count.  A token is right when a word of the
treebank has the same characters at the same place in the sentence
(matched left to right, so spaces do not count); precision is over
quire's tokens, recall over the treebank's words.  The treebanks' own
conventions differ from the Penn Treebank's in places (EWT cuts hyphens:
"al - Sadr"; GUM and EWT keep ":)" whole): --errors N lists the N commonest
tokens on either side that did not match, to tell those from mistakes.

Rows: the default (news) tokenizer, --scheme=uax29 (Unicode's word
segments without white space) as a baseline, and the peer a Python user
would reach for, NLTK's Penn Treebank tokenizer (TreebankWordTokenizer,
python3-nltk; its `` and '' stand for the straight quotes they replace).

Standard library only.
"""

import argparse
import collections
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from keypoints_eval import nul_records  # noqa: E402

SETS = [("UD EWT dev", "ud_en_ewt/en_ewt-ud-dev.conllu"),
        ("UD GUM dev", "ud_en_gum/en_gum-ud-dev.conllu")]
SYSTEMS = [("quire segment -u word", []),
           ("quire segment -u word --scheme=uax29", ["--scheme=uax29"]),
           ("NLTK TreebankWordTokenizer", None)]
QUOTES = ("``", "''")


def read_conllu(path):
    """[(text, [word, ...]), ...] of the file's sentences."""
    sents, text, words = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = "):]
            elif line.startswith("#"):
                continue
            elif not line:
                if text is not None:
                    sents.append((text, words))
                text, words = None, []
            else:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                words.append(cols[1])
    if text is not None:
        sents.append((text, words))
    return sents


def places(tokens, text):
    """The [start, end) of each token in text, left to right, or None if
    one is not there (a treebank word spelled otherwise than written)."""
    out, pos = [], 0
    for t in tokens:
        i = text.find(t, pos)
        if t in QUOTES:
            # NLTK's quotes: the straight one they stand for, if nearer
            q = text.find('"', pos)
            if q >= 0 and (i < 0 or q < i):
                i, t = q, '"'
        if i < 0:
            return None
        out.append((i, i + len(t)))
        pos = i + len(t)
    return out


def tokenize(prog, extra, texts):
    recs = nul_records([prog, "-u", "word", "-z"] + extra, texts,
                       "tokens_eval")
    return [r.split() for r in recs]


def nltk_tokenize(texts):
    """NLTK's Penn Treebank tokens of each text, or a string saying why
    there are none."""
    try:
        from nltk.tokenize import TreebankWordTokenizer
    except ImportError as e:
        return "n/a (python3-nltk not importable: %s)" % e
    t = TreebankWordTokenizer()
    return [t.tokenize(x) for x in texts]


def score(sents, toks, misses):
    tp = fp = fn = skipped = 0
    for (text, gold), mine in zip(sents, toks):
        g, m = places(gold, text), places(mine, text)
        if g is None or m is None:
            skipped += 1
            continue
        gs, ms = set(g), set(m)
        tp += len(gs & ms)
        fp += len(ms - gs)
        fn += len(gs - ms)
        for a, b in ms - gs:
            misses["system  " + text[a:b]] += 1
        for a, b in gs - ms:
            misses["treebank  " + text[a:b]] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f, tp + fn, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.environ.get(
        "QUIRE_DATA", os.path.join(ROOT, "..", "shared", "data")))
    ap.add_argument("--segment", default=os.environ.get(
        "SEGMENT", os.path.join(ROOT, "filters", "segment")))
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list the N commonest unmatched tokens")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print("tokens_eval: skipped: %s not found" % a.data)
        return 0
    if not os.access(a.segment, os.X_OK):
        print("tokens_eval: skipped: %s not built" % a.segment)
        return 0
    print("Words: token P/R/F1 (%) of segment -u word against the "
          "treebanks' words, a sentence a record")
    head = "%-38s" % "system"
    data = []
    for name, rel in SETS:
        path = os.path.join(a.data, rel)
        if os.path.exists(path):
            data.append((name, read_conllu(path)))
            head += " | %-20s" % name
    print(head)
    print(" " * 38 + " |   P     R     F1   " * len(data))
    for sysname, extra in SYSTEMS:
        row = "%-38s" % sysname
        misses = collections.Counter()
        for name, sents in data:
            texts = [t for t, _ in sents]
            toks = (tokenize(a.segment, extra, texts) if extra is not None
                    else nltk_tokenize(texts))
            if isinstance(toks, str):
                row += " | " + toks
                break
            p, r, f, n, skipped = score(sents, toks, misses)
            row += " | %5.2f %5.2f %5.2f  " % (p, r, f)
            if skipped:
                row += "(%d sentences not aligned) " % skipped
        print(row)
        for k, v in misses.most_common(a.errors):
            print("    %5d  %s" % (v, k))
    for name, sents in data:
        print("  %s: %d sentences, %d words" %
              (name, len(sents), sum(len(w) for _, w in sents)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
