"""Sentence-boundary evaluation of quire segment and its peers (issue 3).

Data: $QUIRE_DATA/sentence_segmentation_ud/{ewt,gum}_dev_docs.jsonl, one
document a line: "text" (paragraphs separated by "\\n\\n") and gold
"sentence_spans" [start, end) in code points.

Scoring. Only boundaries inside paragraphs count: a paragraph break is a
boundary for every system (quire's blank-line rule, ICU's hard breaks), so
counting it would only pad every score. A boundary is identified by the
offset of the first non-space character after it, so that where a system
puts the white space between two sentences does not matter. For a
document, the gold set is the normalized starts of its gold sentences, the
predicted set the normalized starts of the predicted sentences, each
without the paragraph starts (the start of the text, and the first
non-space character after each blank line) and without the end of the
text. Precision, recall and F1 are micro-averaged: true positives, false
positives and false negatives summed over the documents of a set.

Sets: EWT dev; GUM dev; GUM-news (the GUM dev documents whose "genre" is
news, and EWT documents whose id marks newswire, if any: EWT has none);
with --news-train also the GUM train news documents as a larger news set.

Systems map a document's text to the start offsets of its sentences:
  quire           $SEGMENT --json (default filters/segment)
  quire-uax29     $SEGMENT --json --scheme=uax29
  icu, icu-ss     ICU sentence BreakIterator, en and en@ss=standard
  punkt           NLTK Punkt trained on the Reuters news text
  sbd, compromise, wink   npm packages, through tests/eval/peers.js
A system that cannot run is shown as "n/a (reason)", never dropped.

Output: the table on stdout; under --out (tests/eval/out/), results.json
with every figure and errors/SYSTEM.txt listing each false positive (FP)
and false negative (FN) with its context, for error analysis.
Scoring uses the standard library only; the peers need python3-icu and
python3-nltk (run with /usr/bin/python3) and node.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import peers  # noqa: E402

PARA_BREAK = re.compile(r"\n[^\S\n]*\n")
EWT_NEWS_PREFIXES = ("newswire", "news")

SYSTEMS = ["quire", "quire-uax29", "icu", "icu-ss", "punkt", "sbd",
           "compromise", "wink"]
LABELS = {
    "quire": "quire segment",
    "quire-uax29": "quire segment --scheme=uax29",
    "icu": "ICU BreakIterator (en)",
    "icu-ss": "ICU BreakIterator (en@ss=standard)",
    "punkt": "NLTK Punkt (trained on Reuters)",
    "sbd": "npm sbd",
    "compromise": "npm compromise",
    "wink": "npm wink-nlp + eng-lite-web-model",
}


class Unavailable(Exception):
    pass


# ---- documents and gold ------------------------------------------------

def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def next_nonspace(text, i):
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i


def para_starts(text):
    s = {next_nonspace(text, 0), len(text)}
    for m in PARA_BREAK.finditer(text):
        s.add(next_nonspace(text, m.end()))
    return s


def inside(text, starts, paras):
    """Normalized boundaries from sentence starts, paragraph starts out."""
    out = set()
    for b in starts:
        b = next_nonspace(text, b)
        if b not in paras:
            out.add(b)
    return out


class Doc:
    def __init__(self, rec, corpus):
        self.id = rec["id"]
        self.corpus = corpus
        self.genre = rec.get("genre")
        self.text = rec["text"]
        self.paras = para_starts(self.text)
        self.gold = inside(self.text, [s for s, _ in rec["sentence_spans"]],
                           self.paras)


def load_sets(data, news_train):
    d = os.path.join(data, "sentence_segmentation_ud")
    ewt = [Doc(r, "ewt") for r in load_jsonl(os.path.join(d,
                                             "ewt_dev_docs.jsonl"))]
    gum = [Doc(r, "gum") for r in load_jsonl(os.path.join(d,
                                             "gum_dev_docs.jsonl"))]
    ewt_news = [x for x in ewt
                if x.id.split("-")[0].lower() in EWT_NEWS_PREFIXES]
    news = [x for x in gum if x.genre == "news"] + ewt_news
    sets = [("EWT dev", ewt), ("GUM dev", gum), ("GUM-news", news)]
    if news_train:
        train = [Doc(r, "gum-train")
                 for r in load_jsonl(os.path.join(d, "gum_train_docs.jsonl"))
                 if r.get("genre") == "news"]
        sets.append(("GUM-news train+dev", train + news))
    ewt_kinds = sorted({x.id.split("-")[0] for x in ewt})
    return sets, ewt_news, ewt_kinds


# ---- systems -----------------------------------------------------------

def run_proc(argv, docs, timeout, env=None):
    payload = "".join(json.dumps({"id": i, "text": x.text},
                                 ensure_ascii=False) + "\n"
                      for i, x in enumerate(docs))
    try:
        p = subprocess.run(argv, input=payload.encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env)
    except FileNotFoundError:
        raise Unavailable("%s not found" % argv[0])
    except subprocess.TimeoutExpired:
        raise Unavailable("timed out after %d s" % timeout)
    err = p.stderr.decode("utf-8", "replace").strip()
    return p.returncode, p.stdout.decode("utf-8", "replace"), err


def first_line(s):
    return s.splitlines()[0] if s else ""


def quire_adapter(segment, scheme):
    def run(docs, timeout, notes):
        if not os.path.exists(segment) and shutil.which(segment) is None:
            raise Unavailable("%s not built: run make"
                              % os.path.relpath(segment, ROOT))
        argv = [segment, "--json"] + (["--scheme=" + scheme] if scheme else [])
        rc, out, err = run_proc(argv, docs, timeout)
        if rc != 0:
            raise Unavailable("%s exited %d: %s" % (" ".join(argv), rc,
                                                   first_line(err)))
        lines = out.splitlines()
        if len(lines) != len(docs):
            raise Unavailable("%d output lines for %d documents"
                              % (len(lines), len(docs)))
        res = []
        edge = disorder = 0
        for i, (line, x) in enumerate(zip(lines, docs)):
            rec = json.loads(line)
            if rec.get("id") != i or rec.get("text") != x.text:
                raise Unavailable("line %d: id or text not passed through"
                                  % (i + 1))
            spans = rec.get("sentences")
            if not isinstance(spans, list):
                raise Unavailable("line %d: no \"sentences\" array" % (i + 1))
            prev = 0
            for s, e in spans:
                if not (prev <= s < e <= len(x.text)):
                    disorder += 1
                elif x.text[s].isspace() or x.text[e - 1].isspace():
                    edge += 1
                prev = max(prev, e)
            res.append([s for s, _ in spans])
        if edge:
            notes.append("%d spans begin or end with white space "
                         "(the contract excludes it)" % edge)
        if disorder:
            notes.append("%d spans empty, overlapping, out of order or "
                         "out of range" % disorder)
        return res
    return run


def icu_adapter(system):
    def run(docs, timeout, notes):
        try:
            return peers.icu_starts([x.text for x in docs], system)
        except peers.Unavailable as e:
            raise Unavailable(str(e))
    return run


def punkt_adapter(data, out):
    def run(docs, timeout, notes):
        try:
            return peers.punkt_starts([x.text for x in docs], data, out,
                                      log=lambda m: print("eval: " + m,
                                                          file=sys.stderr))
        except peers.Unavailable as e:
            raise Unavailable(str(e))
    return run


def node_adapter(lib, node):
    script = os.path.join(HERE, "peers.js")

    def run(docs, timeout, notes):
        if shutil.which(node) is None:
            raise Unavailable("node not found")
        rc, out, err = run_proc([node, script, "docs", lib], docs, timeout)
        if rc != 0:
            raise Unavailable(first_line(err).replace("peers: ", "")
                              or "peers.js exited %d" % rc)
        if err:
            notes.append(err.replace("peers: ", ""))
        lines = out.splitlines()
        if len(lines) != len(docs):
            raise Unavailable("%d output lines for %d documents"
                              % (len(lines), len(docs)))
        return [json.loads(line) for line in lines]
    return run


def version(system, args):
    try:
        if system in ("icu", "icu-ss"):
            return peers.icu_version()
        if system == "punkt":
            return peers.punkt_version()
        if system in ("sbd", "compromise", "wink"):
            p = subprocess.run([args.node, os.path.join(HERE, "peers.js"),
                                "version", system], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, timeout=60)
            return p.stdout.decode().strip() if p.returncode == 0 else None
    except (peers.Unavailable, OSError, subprocess.SubprocessError):
        return None
    return None


# ---- scoring -------------------------------------------------------------

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def context(text, b, width=40):
    left = text[max(0, b - width):b].replace("\n", "\u23ce")
    right = text[b:b + width].replace("\n", "\u23ce")
    return "%s|%s" % (left, right)


def score(sets, pred, errfile):
    """pred: doc id -> predicted inside boundaries. Figures per set."""
    res = {}
    written = set()
    for name, docs in sets:
        tp = fp = fn = 0
        for x in docs:
            p = pred[(x.corpus, x.id)]
            tp += len(p & x.gold)
            fp += len(p - x.gold)
            fn += len(x.gold - p)
            if errfile and (x.corpus, x.id) not in written:
                written.add((x.corpus, x.id))
                for kind, bs in (("FP", p - x.gold), ("FN", x.gold - p)):
                    for b in sorted(bs):
                        errfile.write("%s\t%s\t%s\t%d\t%s\n" % (
                            kind, x.corpus, x.id, b, context(x.text, b)))
        P, R, F = prf(tp, fp, fn)
        res[name] = {"tp": tp, "fp": fp, "fn": fn, "precision": P,
                     "recall": R, "f1": F}
    return res


# ---- table ----------------------------------------------------------------

def main(argv):
    ap = argparse.ArgumentParser(prog="segment_eval.py",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.environ.get(
        "QUIRE_DATA", os.path.join(ROOT, "..", "shared", "data")))
    ap.add_argument("--segment", default=os.environ.get(
        "SEGMENT", os.path.join(ROOT, "filters", "segment")))
    ap.add_argument("--systems", default=",".join(SYSTEMS),
                    help="comma-separated subset of " + ",".join(SYSTEMS))
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--node", default=os.environ.get("NODE", "node"))
    ap.add_argument("--news-train", action="store_true",
                    help="add a column: GUM train+dev news documents")
    ap.add_argument("--timeout", type=int, default=240,
                    help="seconds a system may take (default 240)")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.data):
        print("eval: skipped: %s not found" % args.data)
        return 0
    systems = [s for s in args.systems.split(",") if s]
    for s in systems:
        if s not in SYSTEMS:
            ap.error("unknown system %s" % s)

    sets, ewt_news, ewt_kinds = load_sets(args.data, args.news_train)
    docs = {}
    for _, ds in sets:
        for x in ds:
            docs[(x.corpus, x.id)] = x
    docs = list(docs.values())

    seg = args.segment
    adapters = {
        "quire": quire_adapter(seg, None),
        "quire-uax29": quire_adapter(seg, "uax29"),
        "icu": icu_adapter("icu"),
        "icu-ss": icu_adapter("icu-ss"),
        "punkt": punkt_adapter(args.data, args.out),
        "sbd": node_adapter("sbd", args.node),
        "compromise": node_adapter("compromise", args.node),
        "wink": node_adapter("wink", args.node),
    }
    os.makedirs(os.path.join(args.out, "errors"), exist_ok=True)
    results = {}
    for s in systems:
        print("eval: %s" % LABELS[s], file=sys.stderr)
        notes = []
        t0 = time.monotonic()
        try:
            starts = adapters[s](docs, args.timeout, notes)
            if len(starts) != len(docs):
                raise Unavailable("%d results for %d documents"
                                  % (len(starts), len(docs)))
            pred = {}
            for x, st in zip(docs, starts):
                if any(not isinstance(b, int) or b < 0 or b > len(x.text)
                       for b in st):
                    raise Unavailable("offset out of range in %s" % x.id)
                pred[(x.corpus, x.id)] = inside(x.text, st, x.paras)
            secs = time.monotonic() - t0
            with open(os.path.join(args.out, "errors", s + ".txt"), "w",
                      encoding="utf-8") as ef:
                ef.write("# kind\tcorpus\tdoc\toffset\tcontext "
                         "(| marks the boundary, \u23ce a newline)\n")
                figs = score(sets, pred, ef)
            results[s] = {"label": LABELS[s], "seconds": secs,
                          "version": version(s, args), "notes": notes,
                          "sets": figs}
        except Unavailable as e:
            results[s] = {"label": LABELS[s], "unavailable": str(e),
                          "version": version(s, args), "notes": notes}
    if "quire" in results or "quire-uax29" in results:
        for s in ("quire", "quire-uax29"):
            if s in results:
                results[s]["version"] = "SEGMENT=" + os.path.relpath(seg, ROOT)

    # the table
    names = [n for n, _ in sets]
    sizes = {n: (len(ds), sum(len(x.gold) for x in ds)) for n, ds in sets}
    best = {}
    for n in names:
        fs = [r["sets"][n]["f1"] for r in results.values() if "sets" in r]
        best[n] = max(fs) if fs else None
    print("Sentence boundaries inside paragraphs: precision, recall, F1 (%),"
          " micro over documents")
    for n in names:
        extra = ""
        if n == "GUM-news":
            extra = " (GUM dev, genre news%s)" % (
                "; + %d EWT newswire" % len(ewt_news) if ewt_news else "")
        elif n.startswith("GUM-news train"):
            extra = " (GUM train and dev, genre news)"
        print("  %-19s %3d docs, %5d gold boundaries%s"
              % (n + ":", sizes[n][0], sizes[n][1], extra))
    if not ewt_news:
        print("  (EWT has no newswire documents: its ids are %s)"
              % ", ".join(ewt_kinds))
    print("  * best F1 of the column")
    print()
    w = 36
    head = "%-*s" % (w, "system")
    head += " | %-23s | %-23s |" % ("EWT dev   P     R    F1",
                                    "GUM dev   P     R    F1")
    for n in names[2:]:
        head += " %*s |" % (max(len(n) + 3, 8), n + " F1")
    head += "   secs"
    print(head)
    print("-" * len(head))
    for s in systems:
        r = results[s]
        line = "%-*s" % (w, r["label"])
        if "unavailable" in r:
            print(line + " | n/a (%s)" % r["unavailable"])
            continue
        for n in names[:2]:
            f = r["sets"][n]
            mark = "*" if best[n] is not None and f["f1"] >= best[n] else " "
            line += " | %5.1f %5.1f %5.1f%s   " % (f["precision"], f["recall"],
                                                 f["f1"], mark)
        line += " |"
        for n in names[2:]:
            f = r["sets"][n]
            mark = "*" if f["f1"] >= best[n] else " "
            line += " %*.1f%s |" % (max(len(n) + 3, 8) - 1, f["f1"], mark)
        line += " %6.1f" % r["seconds"]
        print(line)
    print()
    for s in systems:
        if results[s].get("version"):
            print("version: %s: %s" % (results[s]["label"],
                                       results[s]["version"]))
    for s in systems:
        for note in results[s].get("notes", []):
            print("note: %s: %s" % (results[s]["label"], note))
    if "quire" in results and "sets" in results["quire"]:
        q = results["quire"]["sets"]
        peer_fs = {n: max([r["sets"][n]["f1"] for k, r in results.items()
                           if "sets" in r and not k.startswith("quire")]
                          or [0.0]) for n in names}
        ok = [n for n in names if q[n]["f1"] >= peer_fs[n]]
        print("goal: best F1 of the table on every set: %s (%s)" % (
            "met" if len(ok) == len(names) else "MISSED",
            ", ".join("%s %.1f vs best peer %.1f" % (n, q[n]["f1"], peer_fs[n])
                      for n in names)))
    print("details: %s/results.json, %s/errors/SYSTEM.txt"
          % (os.path.relpath(args.out), os.path.relpath(args.out)))
    with open(os.path.join(args.out, "results.json"), "w",
              encoding="utf-8") as f:
        json.dump({"sets": {n: {"docs": sizes[n][0], "gold": sizes[n][1]}
                            for n in names}, "systems": results}, f,
                  indent=1, sort_keys=True)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
