"""Key points: ROUGE of quire extract-keypoints against baselines (issue 5).

Sets, from $QUIRE_DATA (default ../shared/data), news_keypoints/:
  CNN dev  cnn_dailymail.dev.jsonl: 100 CNN articles, abstractive
           highlights (3-4 bullets); every system picks 3 sentences.
  BBC dev  bbc_news_summary.dev.jsonl: 200 BBC articles with a title and
           an extractive summary (mean 7.9 sentences); every system picks
           k sentences, k the number of the reference's sentences.

Systems, all on the sentences of `segment --json` except quire itself:
  quire     `extract-keypoints --json` (with -n 3, or -n k per article:
            the articles are grouped by k and each group is one run); the
            title, where the record has one, comes from its "title" member.
  LEAD      the first 3 (CNN) or k (BBC) sentences.
  TextRank  plain TextRank (Mihalcea and Tarau, 2004, section 4.1):
            similarity |Si & Sj| / (log |Si| + log |Sj|) over the
            sentences' stemmed word sets, PageRank with d = 0.85 (100
            rounds or an L1 change below 1e-6), the top 3 or k by rank,
            ties to the earlier sentence, written in document order.

Scoring, our own implementation of what Google's rouge-score does: text is
lower-cased, every run of characters other than [a-z0-9] becomes a space,
tokens longer than 3 characters are stemmed by Porter's algorithm (the
original 1980 one, below; rouge-score uses NLTK's, whose extensions change
a few rare words); ROUGE-1 and ROUGE-2 from clipped n-gram counts; ROUGE-L
summary-level (rouge-score's rougeLsum): for each reference sentence the
union of its LCS with each candidate sentence, each hit counted at most as
often as the token occurs on both sides.  F1 per article, averaged over
the articles (rouge-score's mean), times 100.

Output: the table on stdout; with --out DIR, each system's picks as JSON
Lines.  Standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


# --- Porter's stemmer (M. F. Porter, "An algorithm for suffix stripping",
# Program 14(3), 1980), the original algorithm step by step.

def _cons(w, i):
    c = w[i]
    if c in "aeiou":
        return False
    if c == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _m(stem):
    """The measure m of stem: the number of VC sequences."""
    n, i, L = 0, 0, len(stem)
    while i < L and _cons(stem, i):
        i += 1
    while i < L:
        while i < L and not _cons(stem, i):
            i += 1
        if i >= L:
            break
        while i < L and _cons(stem, i):
            i += 1
        n += 1
    return n


def _has_vowel(stem):
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w):
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w):
    if len(w) < 3:
        return False
    return (_cons(w, len(w) - 3) and not _cons(w, len(w) - 2) and
            _cons(w, len(w) - 1) and w[-1] not in "wxy")


def _rules(w, rules, cond):
    for suf, rep in rules:
        if w.endswith(suf):
            stem = w[:len(w) - len(suf)]
            return stem + rep if cond(stem) else w
    return w


_STEP2 = [("ational", "ate"), ("tional", "tion"), ("enci", "ence"),
          ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
          ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
          ("ization", "ize"), ("ation", "ate"), ("ator", "ate"),
          ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"),
          ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"),
          ("biliti", "ble")]
_STEP3 = [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"),
          ("ical", "ic"), ("ful", ""), ("ness", "")]
_STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
          "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive",
          "ize"]


def porter(w):
    if len(w) <= 2:
        return w
    # Step 1a
    if w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s"):
        w = w[:-1]
    # Step 1b
    extra = False
    if w.endswith("eed"):
        if _m(w[:-3]) > 0:
            w = w[:-1]
    elif w.endswith("ed") and _has_vowel(w[:-2]):
        w, extra = w[:-2], True
    elif w.endswith("ing") and _has_vowel(w[:-3]):
        w, extra = w[:-3], True
    if extra:
        if w.endswith(("at", "bl", "iz")):
            w += "e"
        elif _double_cons(w) and w[-1] not in "lsz":
            w = w[:-1]
        elif _m(w) == 1 and _cvc(w):
            w += "e"
    # Step 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    # Steps 2 and 3
    w = _rules(w, _STEP2, lambda s: _m(s) > 0)
    w = _rules(w, _STEP3, lambda s: _m(s) > 0)
    # Step 4: the longest matching suffix decides
    for suf in sorted(_STEP4, key=len, reverse=True):
        if w.endswith(suf):
            stem = w[:-len(suf)]
            if _m(stem) > 1 and (suf != "ion" or stem.endswith(("s", "t"))):
                w = stem
            break
    # Step 5a
    if w.endswith("e"):
        stem = w[:-1]
        if _m(stem) > 1 or (_m(stem) == 1 and not _cvc(stem)):
            w = stem
    # Step 5b
    if _m(w) > 1 and _double_cons(w) and w.endswith("l"):
        w = w[:-1]
    return w


_STEM_CACHE = {}


def tokens(text):
    out = []
    for t in re.sub(r"[^a-z0-9]+", " ", text.lower()).split():
        if len(t) > 3:
            s = _STEM_CACHE.get(t)
            if s is None:
                s = _STEM_CACHE[t] = porter(t)
            t = s
        out.append(t)
    return out


# --- ROUGE

def _f(hits, nref, ncand):
    if hits == 0 or nref == 0 or ncand == 0:
        return 0.0
    p, r = hits / ncand, hits / nref
    return 2 * p * r / (p + r)


def rouge_n(ref, cand, n):
    r = collections.Counter(tuple(ref[i:i + n])
                            for i in range(len(ref) - n + 1))
    c = collections.Counter(tuple(cand[i:i + n])
                            for i in range(len(cand) - n + 1))
    hits = sum(min(v, c[g]) for g, v in r.items())
    return _f(hits, sum(r.values()), sum(c.values()))


def _lcs_indices(ref, cand):
    """Indices into ref of one LCS of ref and cand (rouge-score's
    backtracking: on a tie it moves up, i.e. keeps ref's earlier part)."""
    m, n = len(ref), len(cand)
    t = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        ri, row, prev = ref[i - 1], t[i], t[i - 1]
        for j in range(1, n + 1):
            if ri == cand[j - 1]:
                row[j] = prev[j - 1] + 1
            else:
                row[j] = row[j - 1] if row[j - 1] > prev[j] else prev[j]
    out = []
    i, j = m, n
    while i > 0 and j > 0:
        if ref[i - 1] == cand[j - 1]:
            out.append(i - 1)
            i, j = i - 1, j - 1
        elif t[i - 1][j] > t[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return out[::-1]


def rouge_lsum(ref_sents, cand_sents):
    m = sum(len(s) for s in ref_sents)
    n = sum(len(s) for s in cand_sents)
    if m == 0 or n == 0:
        return 0.0
    rc = collections.Counter(t for s in ref_sents for t in s)
    cc = collections.Counter(t for s in cand_sents for t in s)
    hits = 0
    for r in ref_sents:
        union = set()
        for c in cand_sents:
            union.update(_lcs_indices(r, c))
        for i in sorted(union):
            t = r[i]
            if rc[t] > 0 and cc[t] > 0:
                hits += 1
                rc[t] -= 1
                cc[t] -= 1
    return _f(hits, m, n)


def score(refs, cands):
    """refs, cands: lists of sentence strings.  F1 x 100 for R1 R2 RLsum."""
    rs = [tokens(s) for s in refs]
    cs = [tokens(s) for s in cands]
    rf = [t for s in rs for t in s]
    cf = [t for s in cs for t in s]
    return (100 * rouge_n(rf, cf, 1), 100 * rouge_n(rf, cf, 2),
            100 * rouge_lsum(rs, cs))


# --- systems

def run(cmd, data, who="keypoints_eval"):
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        sys.exit("%s: %s failed (%d): %s" %
                 (who, " ".join(cmd), p.returncode, p.stderr.decode()[:500]))
    return p.stdout


def nul_records(cmd, texts, who):
    """cmd's output records for texts given as NUL-separated records (a
    NUL inside one read as a space), exactly one a text."""
    data = b"".join(t.replace("\0", " ").encode() + b"\0" for t in texts)
    recs = run(cmd, data, who).decode().split("\0")
    if recs and recs[-1] == "":
        recs.pop()
    if len(recs) != len(texts):
        sys.exit("%s: %d records in, %d out" % (who, len(texts), len(recs)))
    return recs


def sentences(segment, docs):
    """Each document's sentences as segment --json cuts them."""
    data = "".join(json.dumps({"text": d["text"]}) + "\n" for d in docs)
    out = run([segment, "--json"], data.encode())
    res = []
    for line, d in zip(out.decode().splitlines(), docs):
        spans = json.loads(line)["sentences"]
        res.append([d["text"][s:e] for s, e in spans])
    return res


def quire(prog, docs, ks, extra):
    """extract-keypoints' picks, one run per distinct k."""
    res = [None] * len(docs)
    for k in sorted(set(ks)):
        idx = [i for i, kk in enumerate(ks) if kk == k]
        data = "".join(json.dumps(docs[i]) + "\n" for i in idx)
        out = run([prog, "--json", "-n", str(k)] + extra, data.encode())
        for i, line in zip(idx, out.decode().splitlines()):
            res[i] = [kp["text"] for kp in json.loads(line)["keypoints"]]
    return res


def textrank(sents, k):
    import math
    words = [set(tokens(s)) for s in sents]
    n = len(sents)
    w = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if len(words[i]) > 1 and len(words[j]) > 1:
                common = len(words[i] & words[j])
                if common:
                    v = common / (math.log(len(words[i])) +
                                  math.log(len(words[j])))
                    w[i][j] = w[j][i] = v
    deg = [sum(row) for row in w]
    r = [1.0 / n] * n if n else []
    for _ in range(100):
        nr = [0.15 / n + 0.85 * sum(w[j][i] / deg[j] * r[j]
                                    for j in range(n) if w[j][i] > 0)
              for i in range(n)]
        delta = sum(abs(a - b) for a, b in zip(nr, r))
        r = nr
        if delta < 1e-6:
            break
    top = sorted(range(n), key=lambda i: (-r[i], i))[:k]
    return [sents[i] for i in sorted(top)]


def data_and_prog():
    """The data directory ($QUIRE_DATA, default ../shared/data) and the
    program under test ($KEYPOINTS, default filters/extract-keypoints)."""
    return (os.environ.get("QUIRE_DATA",
                           os.path.join(ROOT, "../shared/data")),
            os.environ.get("KEYPOINTS",
                           os.path.join(ROOT, "filters/extract-keypoints")))


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write each system's picks here")
    ap.add_argument("--extra", default="",
                    help="more options for extract-keypoints")
    args = ap.parse_args()
    data, prog = data_and_prog()
    segment = os.path.join(ROOT, "filters/segment")
    d = os.path.join(data, "news_keypoints")
    if not os.path.isdir(d):
        print("keypoints eval: skipped: %s not found" % d)
        return 0
    if not os.access(prog, os.X_OK):
        print("keypoints eval: skipped: %s not built" % prog)
        return 0
    sets = [("CNN dev", "cnn_dailymail.dev.jsonl", False),
            ("BBC dev", "bbc_news_summary.dev.jsonl", True)]
    systems = ["quire extract-keypoints", "LEAD-3 / LEAD-k",
               "TextRank (plain)"]
    table = {}
    for label, fname, k_from_ref in sets:
        docs = load(os.path.join(d, fname))
        ks = [len(x["highlights"]) if k_from_ref else 3 for x in docs]
        sents = sentences(segment, docs)
        picks = {
            systems[0]: quire(prog, docs, ks, args.extra.split()),
            systems[1]: [s[:k] for s, k in zip(sents, ks)],
            systems[2]: [textrank(s, k) for s, k in zip(sents, ks)],
        }
        for name, p in picks.items():
            sc = [score(x["highlights"], c) for x, c in zip(docs, p)]
            table[(name, label)] = tuple(
                sum(v[i] for v in sc) / len(sc) for i in range(3))
            if args.out:
                os.makedirs(args.out, exist_ok=True)
                fn = os.path.join(args.out, "%s.%s.jsonl" % (
                    re.sub(r"\W+", "_", name).strip("_"),
                    label.split()[0].lower()))
                with open(fn, "w", encoding="utf-8") as f:
                    for x, c in zip(docs, p):
                        f.write(json.dumps({"id": x["id"], "picks": c}) +
                                "\n")
    print("Key points: ROUGE F1 x 100 (rouge-score's method, our code)")
    print("%-26s | %-20s | %-20s" % ("", "CNN dev (n=3)", "BBC dev (n=k)"))
    print("%-26s | %6s %6s %6s | %6s %6s %6s" %
          ("system", "R-1", "R-2", "R-Lsum", "R-1", "R-2", "R-Lsum"))
    for name in systems:
        row = table[(name, "CNN dev")] + table[(name, "BBC dev")]
        print("%-26s | %6.2f %6.2f %6.2f | %6.2f %6.2f %6.2f" %
              ((name,) + row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
