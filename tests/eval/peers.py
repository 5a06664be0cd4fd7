"""Python peers of quire segment: ICU's BreakIterator and NLTK's Punkt.

Two uses:
  - imported by segment_eval.py: icu_starts() and punkt_starts() map a list
    of document texts to lists of sentence start offsets, in code points;
  - run as a driver by bench/segment.sh:
        peers.py train     (Punkt, once: so that no timed run trains)
        peers.py bench SYSTEM [--unit sentence|word] < FILE > UNITS
    reads the whole of stdin, segments it, writes one unit a line, and
    reports on stderr "peers: segmentation S s" (the in-process time,
    without start-up, decoding and output).

SYSTEM is one of
  icu      ICU BreakIterator, locale "en" (Debian python3-icu);
  icu-ss   the same with the abbreviation suppressions, "en@ss=standard";
  punkt    NLTK's Punkt (Debian python3-nltk), trained with PunktTrainer on
           the Reuters-21578 news text of $QUIRE_DATA; word mode adds
           NLTK's Treebank-style word tokenizer (what nltk.word_tokenize
           does, without nltk's data hub, which is not reachable here).

The trained Punkt parameters are cached in OUT_DIR (tests/eval/out/ by
default) as a pickle written by this file, keyed by the nltk version and the
training file's size and mtime.

ICU offsets are UTF-16 code units; they are converted to code points.
Run this with /usr/bin/python3: the Debian packages live there.
"""

import bisect
import json
import os
import pickle
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(HERE, "out")
DEFAULT_DATA = os.environ.get("QUIRE_DATA",
    os.path.join(ROOT, "..", "shared", "data"))

ICU_LOCALES = {"icu": "en", "icu-ss": "en@ss=standard"}
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Unavailable(Exception):
    """A peer that cannot run here; str() is the reason for the table."""


# ---- ICU -------------------------------------------------------------------

def _icu():
    try:
        import icu
    except ImportError as e:
        raise Unavailable("python3-icu not importable: %s" % e)
    return icu


def icu_version():
    icu = _icu()
    return "ICU %s" % icu.ICU_VERSION


class _U16:
    """Converts UTF-16 offsets of one text to code-point offsets."""

    def __init__(self, text):
        # u16 start of the k-th astral character = its cp index + k
        self.starts = [m.start() + k for k, m in
                       enumerate(ASTRAL.finditer(text))]

    def cp(self, u16):
        if not self.starts:
            return u16
        return u16 - bisect.bisect_left(self.starts, u16)


def icu_boundaries(bi, text):
    """Boundaries (code points, without 0) of TEXT for iterator BI."""
    bi.setText(text)
    conv = _U16(text)
    return [conv.cp(b) for b in bi]


def icu_starts(texts, system="icu"):
    icu = _icu()
    bi = icu.BreakIterator.createSentenceInstance(
        icu.Locale(ICU_LOCALES[system]))
    return [[0] + icu_boundaries(bi, t) for t in texts]


# ---- Punkt -----------------------------------------------------------------

def _nltk():
    try:
        import nltk
        from nltk.tokenize import punkt
    except ImportError as e:
        raise Unavailable("python3-nltk not importable: %s" % e)
    return nltk, punkt


def punkt_version():
    nltk, _ = _nltk()
    return "nltk %s" % nltk.__version__


def punkt_params(data_dir=DEFAULT_DATA, out_dir=DEFAULT_OUT, log=None):
    """Punkt parameters trained on the Reuters news text, cached."""
    nltk, punkt = _nltk()
    src = os.path.join(data_dir, "unlabeled_news", "reuters21578.jsonl")
    try:
        st = os.stat(src)
    except OSError as e:
        raise Unavailable("no training text: %s" % e)
    key = "%s %d %d" % (nltk.__version__, st.st_size, int(st.st_mtime))
    cache = os.path.join(out_dir, "punkt-reuters.pickle")
    try:
        with open(cache, "rb") as f:
            saved_key, params = pickle.load(f)
        if saved_key == key:
            return params
    except (OSError, EOFError, pickle.PickleError, ValueError, TypeError,
            AttributeError):
        pass
    if log:
        log("training Punkt on %s (once; cached in %s)" % (src, cache))
    trainer = punkt.PunktTrainer()
    with open(src, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text")
            if isinstance(text, str):
                trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    os.makedirs(out_dir, exist_ok=True)
    tmp = cache + ".tmp"
    with open(tmp, "wb") as f:
        pickle.dump((key, params), f)
    os.replace(tmp, cache)
    return params


def punkt_tokenizer(data_dir=DEFAULT_DATA, out_dir=DEFAULT_OUT, log=None):
    _, punkt = _nltk()
    return punkt.PunktSentenceTokenizer(punkt_params(data_dir, out_dir, log))


def punkt_starts(texts, data_dir=DEFAULT_DATA, out_dir=DEFAULT_OUT, log=None):
    tok = punkt_tokenizer(data_dir, out_dir, log)
    return [[s for s, _ in tok.span_tokenize(t)] for t in texts]


# ---- bench driver ----------------------------------------------------------

def bench(system, unit, data_dir, out_dir):
    raw = sys.stdin.buffer.read()
    text = raw.decode("utf-8", "replace")
    out = []
    if system in ICU_LOCALES:
        icu = _icu()
        if unit == "word":
            bi = icu.BreakIterator.createWordInstance(icu.Locale("en"))
        else:
            bi = icu.BreakIterator.createSentenceInstance(
                icu.Locale(ICU_LOCALES[system]))
        t0 = time.perf_counter()
        prev = 0
        for b in icu_boundaries(bi, text):
            u = text[prev:b].strip()
            if u:
                out.append(u.replace("\n", " "))
            prev = b
        t1 = time.perf_counter()
    elif system == "punkt":
        tok = punkt_tokenizer(data_dir, out_dir)
        if unit == "word":
            from nltk.tokenize.destructive import NLTKWordTokenizer
            wt = NLTKWordTokenizer()
        t0 = time.perf_counter()
        for s in tok.tokenize(text):
            if unit == "word":
                out.append(" ".join(wt.tokenize(s)))
            else:
                out.append(s.replace("\n", " "))
        t1 = time.perf_counter()
    else:
        raise Unavailable("unknown system %r" % system)
    sys.stdout.write("\n".join(out))
    sys.stdout.write("\n")
    sys.stdout.flush()
    sys.stderr.write("peers: segmentation %.4f s, %d units\n"
                     % (t1 - t0, len(out)))


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(prog="peers.py")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("bench", help="segment stdin, a unit a line")
    b.add_argument("system", choices=["icu", "icu-ss", "punkt"])
    b.add_argument("--unit", choices=["sentence", "word"], default="sentence")
    v = sub.add_parser("version", help="print the peer's version")
    v.add_argument("system", choices=["icu", "icu-ss", "punkt"])
    t = sub.add_parser("train", help="train and cache Punkt's parameters")
    for p in (b, v, t):
        p.add_argument("--data", default=DEFAULT_DATA)
        p.add_argument("--out", default=DEFAULT_OUT)
    a = ap.parse_args(argv)
    try:
        if a.cmd == "train":
            punkt_params(a.data, a.out,
                         lambda m: sys.stderr.write("peers: %s\n" % m))
        elif a.cmd == "version":
            print(punkt_version() if a.system == "punkt" else icu_version())
        else:
            bench(a.system, a.unit, a.data, a.out)
    except Unavailable as e:
        sys.stderr.write("peers: %s: %s\n"
                         % (getattr(a, "system", "punkt"), e))
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
