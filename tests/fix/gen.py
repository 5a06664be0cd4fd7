#!/usr/bin/env python3
"""gen.py DATA OUTDIR: builds the normalize --fix test set (issue 6).

Takes clean sentences from the news documents under DATA (news_keypoints
and unlabeled_news JSON Lines) and breaks each in one of the ways news text
arrives broken.  Writes OUTDIR/clean.jsonl and OUTDIR/broken.jsonl, a line
each per case in the same order: {"id", "kind", "text"}.  The clean text is
what `normalize --fix` must give back from the broken one.  Deterministic:
a fixed seed, files read in sorted order.

Kinds:
  cp1252, cp1252x2   UTF-8 read as Windows-1252, once or twice
  latin1             UTF-8 read as Latin-1 (C1 controls for 0x80..0x9F)
  entities           HTML-escaped, non-ASCII as named, decimal or hex
                     character references
  ansi               a word wrapped in ANSI colour escapes
  c1                 Windows-1252 punctuation left as C1 controls
  glue               the space between two sentences lost
  hyphen             a common word hyphenated at a line end
  mixed              glue, then Windows-1252 mojibake, then an ANSI escape
  htmlmoji           Windows-1252 mojibake, then HTML-escaped
  hyphendoc          a word that is not a common word hyphenated at a line
                     end where it appears a second time in the sentence
                     (joined because the document used it unbroken)
  nbsp               Windows-1252 mojibake whose U+00A0 became a space
                     (a non-breaking space or an inserted "\u00e0" word,
                     so "\u00c2 " or "\u00c3  "), in a sentence with
                     other non-ASCII text
  lost               Windows-1252 mojibake whose undefined bytes (0x81,
                     0x8D, 0x8F, 0x90, 0x9D) became U+FFFD or, after
                     "\u00e2\u20ac", were dropped
"""
import glob
import html.entities
import json
import os
import random
import re
import sys

PER_KIND = 1000
KINDS = ["cp1252", "cp1252x2", "latin1", "entities", "ansi", "c1", "glue",
         "hyphen", "mixed", "htmlmoji", "hyphendoc",
         "nbsp", "lost"]
NAMES = {cp: name for name, cp in html.entities.name2codepoint.items()}
NAMES[0x27] = "apos"


def sloppy_decode(b):
    """Bytes read as Windows-1252, undefined bytes as C1 (as browsers)."""
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(x))
    return "".join(out)


def to_cp1252(s):
    """The typographic text as Windows-1252 bytes shown as C1 controls."""
    out = []
    for c in s:
        if ord(c) < 0x80:
            out.append(c)
            continue
        try:
            b = c.encode("cp1252")[0]
        except UnicodeEncodeError:
            return None
        out.append(chr(b) if b < 0xA0 else c)
    return "".join(out)


def typographic(s):
    """Curly apostrophes and quotes, so plain ASCII sentences have
    something for the encoding fixes to break."""
    s = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", s)
    s = re.sub(r'"([^"]+)"', "\u201c\\1\u201d", s)
    return s.replace(" - ", " \u2013 ")


def escape(s, rng):
    out = []
    for c in s:
        cp = ord(c)
        if c in "&<>":
            out.append("&%s;" % NAMES[cp])
        elif cp >= 0x80:
            r = rng.random()
            if cp in NAMES and r < 0.5:
                out.append("&%s;" % NAMES[cp])
            elif r < 0.75:
                out.append("&#%d;" % cp)
            else:
                out.append("&#x%X;" % cp)
        else:
            out.append(c)
    return "".join(out)


def sentences(data):
    files = sorted(glob.glob(os.path.join(data, "news_keypoints", "*.jsonl")) +
                   glob.glob(os.path.join(data, "unlabeled_news", "*.jsonl")))
    for f in files:
        with open(f, encoding="utf-8") as fp:
            for line in fp:
                text = json.loads(line).get("text") or ""
                for para in text.split("\n"):
                    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para):
                        s = s.strip()
                        if 40 <= len(s) <= 300 and "\t" not in s and \
                                "&" not in s and "\x1b" not in s:
                            yield s


GLUE = re.compile(r"(?<![\w./@_\-:\\#&=%+~])([a-z]{3,32})\. "
                  r"([A-Z][a-z]{1,31})(?![\w./@_\-(:\\#&=%+~\[<>])")
ENDINGS = set("ai asp aspx au biz ca cn com csv de doc docx edu eu exe fr "
              "gif gov htm html info io jp jpeg jpg js json jsp mil mp3 mp4 "
              "net org pdf php png ppt py rb ru sh svg tv txt uk xls xlsx "
              "xml zip".split())


def load_words(path):
    with open(path, encoding="utf-8") as fp:
        return set(w.strip() for w in fp if w.strip() and w[0] != "#")


def corrupt(kind, s, pair, words, rng):
    """Returns (clean, broken) or None if s cannot be broken this way."""
    if kind in ("cp1252", "cp1252x2", "latin1", "c1"):
        clean = s if any(ord(c) >= 0x80 for c in s) else typographic(s)
        if all(ord(c) < 0x80 for c in clean):
            return None
        if kind == "c1":
            broken = to_cp1252(clean)
            return None if broken is None or broken == clean else \
                (clean, broken)
        b = clean.encode("utf-8")
        if kind == "latin1":
            return clean, b.decode("latin-1")
        broken = sloppy_decode(b)
        if kind == "cp1252x2":
            broken = sloppy_decode(broken.encode("utf-8"))
        return clean, broken
    if kind == "entities":
        clean = typographic(s)
        broken = escape(clean, rng)
        return None if broken == clean else (clean, broken)
    if kind == "ansi":
        ws = [m for m in re.finditer(r"\b[A-Za-z]{3,}\b", s)]
        if not ws:
            return None
        m = rng.choice(ws)
        code = rng.choice(["1", "31", "1;32", "0;33", "4"])
        return s, "%s\x1b[%sm%s\x1b[0m%s" % (s[:m.start()], code,
                                            m.group(0), s[m.end():])
    if kind == "glue":
        clean = s + " " + pair
        ms = [m for m in GLUE.finditer(clean)
              if m.group(2).lower() not in ENDINGS]
        if not ms:
            return None
        m = ms[-1]
        cut = m.start() + len(m.group(1)) + 1
        return clean, clean[:cut] + clean[cut + 1:]
    if kind == "hyphen":
        ms = [m for m in re.finditer(r"(?<=[ (])([a-z]{6,20}) ", s)
              if m.group(1) in words]
        if not ms:
            return None
        m = rng.choice(ms)
        w = m.group(1)
        k = rng.randint(2, len(w) - 2)
        clean = s[:m.start()] + w + "\n" + s[m.end():]
        broken = s[:m.start()] + w[:k] + "-\n" + w[k:] + " " + s[m.end():]
        return clean, broken
    if kind == "mixed":
        g = corrupt("glue", s, pair, words, rng)
        if g is None:
            return None
        clean = typographic(g[0])
        b = corrupt("cp1252", typographic(g[1]), pair, words, rng)
        if b is None or b[0] != typographic(g[1]):
            return None
        a = corrupt("ansi", b[1], pair, words, rng)
        return None if a is None else (clean, a[1])
    if kind == "hyphendoc":
        ms = [m for m in re.finditer(r"(?<=[ (])([a-z]{6,20}) ", s)
              if m.group(1) not in words and
              re.search(r"\b%s\b" % m.group(1), s[:m.start()])]
        if not ms:
            return None
        m = rng.choice(ms)
        w = m.group(1)
        k = rng.randint(2, len(w) - 2)
        clean = s[:m.start()] + w + "\n" + s[m.end():]
        broken = s[:m.start()] + w[:k] + "-\n" + w[k:] + " " + s[m.end():]
        return clean, broken
    if kind == "nbsp":
        clean = typographic(s)
        if all(ord(c) < 0x80 for c in clean):
            return None
        sp = [m.start() for m in re.finditer(r"(?<=[a-z,]) (?=[a-z])", clean)]
        if not sp:
            return None
        k = rng.choice(sp)
        ins = "\u00a0" if rng.random() < 0.5 else " \u00e0 "
        clean = clean[:k] + ins + clean[k + 1:]
        return clean, sloppy_decode(clean.encode("utf-8")).replace(
            "\u00a0", " ")
    if kind == "lost":
        clean = s if any(ord(c) >= 0x80 for c in s) else typographic(s)
        b = clean.encode("utf-8")
        if not any(x in b for x in (0x81, 0x8D, 0x8F, 0x90, 0x9D)):
            return None
        broken = sloppy_decode(b)
        drop = rng.random() < 0.5
        out = []
        for c in broken:
            if c in "\x81\x8d\x8f\x90\x9d":
                if drop and out and out[-1] == "\u20ac" and \
                        len(out) > 1 and out[-2] == "\u00e2":
                    continue
                c = "\ufffd"
            out.append(c)
        return clean, "".join(out)
    if kind == "htmlmoji":
        m = corrupt("cp1252", s, pair, words, rng)
        return None if m is None else (m[0], escape(m[1], rng))
    raise ValueError(kind)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen.py DATA OUTDIR")
    data, outdir = sys.argv[1], sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    words = load_words(os.path.join(root, "data", "sentence",
                                    "common-words.txt"))
    rng = random.Random(6)
    pool = list(sentences(data))
    rng.shuffle(pool)
    os.makedirs(outdir, exist_ok=True)
    n = 0
    with open(os.path.join(outdir, "clean.jsonl"), "w") as fc, \
            open(os.path.join(outdir, "broken.jsonl"), "w") as fb:
        for kind in KINDS:
            made = 0
            for i, s in enumerate(pool):
                if made == PER_KIND:
                    break
                r = corrupt(kind, s, pool[i - 1], words, rng)
                if r is None:
                    continue
                made += 1
                n += 1
                cid = "%s-%d" % (kind, made)
                for fp, t in ((fc, r[0]), (fb, r[1])):
                    fp.write(json.dumps({"id": cid, "kind": kind, "text": t},
                                        ensure_ascii=False) + "\n")
            rng.shuffle(pool)
    print("gen.py: %d cases in %s" % (n, outdir), file=sys.stderr)


if __name__ == "__main__":
    main()
