"""Named entities and parts of speech: quire tag against its peers (issue 4).

Sets, from $QUIRE_DATA (default ../shared/data):
  CoNLL dev    conll2003/eng.testa: CoNLL-2003 English dev (testa), Reuters
               1996; one token a line, space-separated columns, the NER tag
               last, IOB1 over PER ORG LOC MISC; -DOCSTART- starts a document.
  UNER EWT dev uner_en_ewt/en_ewt-ud-dev.iob2: Universal NER on the English
               Web Treebank (web text: an out-of-domain figure); token in
               column 2, IOB2 tag in column 3, PER ORG LOC only.
  EWT dev      ud_en_ewt/en_ewt-ud-dev.conllu: UD English EWT dev; FORM
               (column 2) and UPOS (column 4) of each syntactic word;
               multiword-token ranges ("1-2") and empty nodes ("8.1") are
               skipped.

quire: the gold tokens go through `$TAG -i vertical -f conll` (with --pos
for EWT), a document at a time as the data marks them (a "-DOCSTART-" line
before each, which tag skips), so that document-level evidence can work.
Its numeric types (MONEY PERCENT DATE TIME QUANTITY ORDINAL CARDINAL) are
mapped to O, having no gold here; for UNER, MISC too.  The row "quire tag
--accurate" runs the same with the two-stage entity model.

Scoring, as conlleval does it (the CoNLL-2000/2003 script): both the gold
tags (IOB1 or IOB2) and the predicted ones (BIO) become chunks by
conlleval's startOfChunk/endOfChunk rules (a chunk starts at B, at I after
O or after another type; ends before B, O or another type; a sentence end
ends it); an entity counts as correct only if its type and both of its
boundaries match. Precision, recall and F1 over all the entities of a set,
and per type; for CoNLL also F1 "w/o MISC": PER ORG LOC only, MISC taken
out of gold and output alike, the figure to compare with the peers, which
have no MISC. UPOS: accuracy over syntactic words.

Peers (tests/eval/tag_peers.js, node; installed by tests/eval/install-peers):
  compromise   npm compromise: .people() .places() .organizations() as PER
               LOC ORG; no MISC, so its overall CoNLL figure counts every
               MISC entity as missed (per-type MISC is n/a); its tags are not
               UPOS (n/a).
  wink         npm wink-nlp with wink-eng-lite-web-model: UPOS from its.pos;
               its entity types are numeric and web ones (DATE, MONEY, ...,
               URL, EMAIL): none corresponds to PER ORG LOC MISC, so its NER
               is n/a (the types it found are listed in a note).
The peers read raw text: each sentence is detokenized by joining its tokens
with single spaces, and an entity covers every token its characters
overlap; for UPOS a token takes the tag of the first peer token overlapping
it.

Output: the table on stdout; under --out (tests/eval/out/tag/) results.json
with every figure, SYSTEM.SET.txt listing each error (missed, spurious and
mistyped entities with their sentence; UPOS confusions, then each wrong
word in context), and quire[-accurate].SET.out, tag's own output. Standard library
only; the peers need node.
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

NAMES = ("PER", "ORG", "LOC", "MISC")
NER_GOAL = 92.0		# F1 on CoNLL dev (issue 4)
UPOS_GOAL = 96.0	# accuracy on EWT dev (issue 4)

SET_LABELS = {"conll": "CoNLL dev", "uner": "UNER EWT dev",
              "upos": "EWT dev UPOS"}
SYSTEMS = ["quire", "quire-accurate", "compromise", "wink"]
LABELS = {
    "quire": "quire tag",
    "quire-accurate": "quire tag --accurate",
    "compromise": "npm compromise",
    "wink": "npm wink-nlp + eng-lite-web-model",
}
# The options of each quire row.
QUIRE_ARGS = {"quire": [], "quire-accurate": ["--accurate"]}
# What each peer's entity types mean in CoNLL's set; a type not here is O.
PEER_TYPES = {
    "compromise": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "wink": {},
}


class Unavailable(Exception):
    pass


# ---- data -----------------------------------------------------------------

class Sent:
    __slots__ = ("tokens", "gold", "doc")

    def __init__(self, doc):
        self.tokens = []
        self.gold = []
        self.doc = doc


def read_conll2003(path):
    """Sentences of a CoNLL-2003 file; tokens and IOB1 NER tags."""
    sents, cur, doc = [], None, -1
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if not cols:
                if cur is not None and cur.tokens:
                    sents.append(cur)
                cur = None
                continue
            if cols[0] == "-DOCSTART-":
                doc += 1
                continue
            if cur is None:
                cur = Sent(max(doc, 0))
            cur.tokens.append(cols[0])
            cur.gold.append(cols[-1])
    if cur is not None and cur.tokens:
        sents.append(cur)
    return sents


def read_tabbed(path, tok_col, tag_col, skip_ids):
    """Sentences of a tab-separated file with "# newdoc" comments (UNER
    .iob2, CoNLL-U): the token and tag columns given."""
    sents, cur, doc = [], None, -1
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                if line.startswith("# newdoc"):
                    doc += 1
                continue
            if not line.strip():
                if cur is not None and cur.tokens:
                    sents.append(cur)
                cur = None
                continue
            cols = line.split("\t")
            if skip_ids and ("-" in cols[0] or "." in cols[0]):
                continue
            if cur is None:
                cur = Sent(max(doc, 0))
            cur.tokens.append(cols[tok_col])
            cur.gold.append(cols[tag_col])
    if cur is not None and cur.tokens:
        sents.append(cur)
    return sents


# ---- conlleval's chunks ---------------------------------------------------

def split_tag(t):
    """conlleval: "B-PER" -> ("B", "PER"); "O" -> ("O", "")."""
    if "-" in t:
        a, b = t.split("-", 1)
        return a, b
    return t, ""


def end_of_chunk(prev_tag, tag, prev_type, typ):
    """conlleval's endOfChunk: the previous token ended a chunk."""
    if prev_tag == "B" and tag in ("B", "O"):
        return True
    if prev_tag == "I" and tag in ("B", "O"):
        return True
    if prev_tag == "E" and tag in ("E", "I", "O"):
        return True
    if prev_tag not in ("O", ".") and prev_type != typ:
        return True
    return prev_tag in ("]", "[")


def start_of_chunk(prev_tag, tag, prev_type, typ):
    """conlleval's startOfChunk: this token starts a chunk."""
    if tag == "B" and prev_tag in ("B", "I", "O"):
        return True
    if prev_tag == "O" and tag in ("I", "E"):
        return True
    if prev_tag == "E" and tag in ("E", "I"):
        return True
    if tag not in ("O", ".") and prev_type != typ:
        return True
    return tag in ("[", "]")


def chunks(tags):
    """The set of (start, end, type) chunks of one sentence's tags, end
    exclusive, as conlleval finds them (a sentence end is an O)."""
    out = set()
    prev_tag, prev_type, start = "O", "", None
    for i, t in enumerate(list(tags) + ["O"]):
        tag, typ = split_tag(t)
        if start is not None and end_of_chunk(prev_tag, tag, prev_type, typ):
            out.add((start, i, prev_type))
            start = None
        if start_of_chunk(prev_tag, tag, prev_type, typ):
            start = i
        prev_tag, prev_type = tag, typ
    return out


def keep_types(tags, types):
    """Tags whose type is not in types become O."""
    return [t if split_tag(t)[1] in types else "O" for t in tags]


def prf(tp, guessed, gold):
    p = 100.0 * tp / guessed if guessed else 0.0
    r = 100.0 * tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_ner(sents, preds, types, errfile):
    """conlleval's figures over sents (gold tags) and preds (predicted tag
    lists), with only the given types; errors written to errfile."""
    n_ok = n_guess = n_gold = 0
    per = {t: [0, 0, 0] for t in types}
    tok_ok = tok_n = 0
    kinds = collections.Counter()
    for k, (s, pred) in enumerate(zip(sents, preds)):
        g = keep_types(s.gold, types)
        p = keep_types(pred, types)
        gc, pc = chunks(g), chunks(p)
        ok = gc & pc
        n_ok += len(ok)
        n_guess += len(pc)
        n_gold += len(gc)
        for c in ok:
            per[c[2]][0] += 1
        for c in pc:
            per[c[2]][1] += 1
        for c in gc:
            per[c[2]][2] += 1
        tok_ok += sum(1 for a, b in zip(g, p) if a == b)
        tok_n += len(g)
        if gc == pc:
            continue
        gspan = {(a, b): t for a, b, t in gc - ok}
        lines = []
        for a, b, t in sorted(pc - ok):
            if (a, b) in gspan:
                lines.append("TYPE\t%s->%s\t%s" % (gspan.pop((a, b)), t,
                                                   " ".join(s.tokens[a:b])))
                kinds["mistyped"] += 1
            else:
                lines.append("FP\t%s\t%s" % (t, " ".join(s.tokens[a:b])))
                kinds["spurious (FP)"] += 1
        for (a, b), t in sorted(gspan.items()):
            lines.append("FN\t%s\t%s" % (t, " ".join(s.tokens[a:b])))
            kinds["missed (FN)"] += 1
        errfile.write("# sentence %d: %s\n" % (k + 1, bracket(s.tokens, gc)))
        errfile.write("#   system: %s\n" % bracket(s.tokens, pc))
        errfile.write("".join(x + "\n" for x in lines))
    P, R, F = prf(n_ok, n_guess, n_gold)
    res = {"precision": P, "recall": R, "f1": F, "correct": n_ok,
           "guessed": n_guess, "gold": n_gold,
           "token_accuracy": 100.0 * tok_ok / tok_n if tok_n else 0.0,
           "errors": dict(kinds), "types": {}}
    for t, (c, gu, go) in per.items():
        p, r, f = prf(c, gu, go)
        res["types"][t] = {"precision": p, "recall": r, "f1": f,
                           "correct": c, "guessed": gu, "gold": go}
    return res


def bracket(tokens, chs):
    """The sentence with its chunks as [tokens]TYPE."""
    starts = {a: (b, t) for a, b, t in chs}
    out, i = [], 0
    while i < len(tokens):
        if i in starts:
            b, t = starts[i]
            out.append("[" + " ".join(tokens[i:b]) + "]" + t)
            i = b
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)


def score_pos(sents, preds, errfile):
    ok = n = 0
    conf = collections.Counter()
    wrong = []
    for k, (s, pred) in enumerate(zip(sents, preds)):
        for i, (g, p) in enumerate(zip(s.gold, pred)):
            n += 1
            if g == p:
                ok += 1
                continue
            conf[(g, p)] += 1
            left = " ".join(s.tokens[max(0, i - 4):i])
            right = " ".join(s.tokens[i + 1:i + 5])
            wrong.append("%s\t%s\t%d\t%s [%s] %s" % (g, p, k + 1, left,
                                                    s.tokens[i], right))
    errfile.write("# UPOS confusions: gold -> system, count\n")
    for (g, p), c in conf.most_common():
        errfile.write("#   %s -> %s\t%d\n" % (g, p, c))
    errfile.write("# gold\tsystem\tsentence\tcontext ([word])\n")
    errfile.write("".join(x + "\n" for x in wrong))
    return {"accuracy": 100.0 * ok / n if n else 0.0, "correct": ok,
            "words": n}


# ---- systems ---------------------------------------------------------------

def first_line(s):
    return s.strip().splitlines()[0] if s.strip() else ""


def run(argv, payload, timeout):
    try:
        p = subprocess.run(argv, input=payload.encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except FileNotFoundError:
        raise Unavailable("%s not found" % argv[0])
    except subprocess.TimeoutExpired:
        raise Unavailable("timed out after %d s" % timeout)
    return (p.returncode, p.stdout.decode("utf-8", "replace"),
            p.stderr.decode("utf-8", "replace"))


def vertical(sents):
    """tag's -i vertical input: a -DOCSTART- line before each document."""
    out, doc = [], None
    for s in sents:
        if s.doc != doc:
            out.append("-DOCSTART- -X- O O\n\n")
            doc = s.doc
        out.append("".join(t + "\n" for t in s.tokens) + "\n")
    return "".join(out)


def quire_run(tag, sents, pos, timeout, save, notes, extra=()):
    """Tags sents with tag -i vertical -f conll [--pos] [extra]: the
    predicted column (BIO, or UPOS with pos) of each sentence."""
    argv = [tag, "-i", "vertical", "-f", "conll"] + \
        (["--pos"] if pos else []) + list(extra)
    rc, out, err = run(argv, vertical(sents), timeout)
    if save:
        with open(save, "w", encoding="utf-8") as f:
            f.write(out)
    if rc != 0:
        raise Unavailable("%s exited %d: %s" % (" ".join(argv), rc,
                                               first_line(err)))
    if err.strip():
        notes.append("%s: stderr: %s" % (" ".join(argv[1:]), first_line(err)))
    got, cur = [], []
    for n, line in enumerate(out.split("\n"), 1):
        if not line:
            if cur:
                got.append(cur)
            cur = []
            continue
        cols = line.split("\t")
        if len(cols) != (3 if pos else 2):
            raise Unavailable("output line %d: %d columns, want %d: %r"
                              % (n, len(cols), 3 if pos else 2, line[:60]))
        cur.append(cols)
    if cur:
        got.append(cur)
    if len(got) != len(sents):
        raise Unavailable("%d sentences out for %d in" % (len(got),
                                                          len(sents)))
    res = []
    for k, (s, g) in enumerate(zip(sents, got)):
        if [c[0] for c in g] != s.tokens:
            raise Unavailable("sentence %d: tokens out differ from tokens in"
                              " (%d vs %d)" % (k + 1, len(g), len(s.tokens)))
        res.append([c[1] for c in g])
    return res


def node_run(node, cmd, lib, sents, timeout, notes, where):
    if shutil.which(node) is None:
        raise Unavailable("node not found")
    payload = "".join(json.dumps(s.tokens, ensure_ascii=False) + "\n"
                      for s in sents)
    rc, out, err = run([node, os.path.join(HERE, "tag_peers.js"), cmd, lib],
                       payload, timeout)
    if rc != 0:
        raise Unavailable(first_line(err).replace("peers: ", "")
                          or "tag_peers.js exited %d" % rc)
    for line in err.strip().splitlines():
        notes.append("%s: %s" % (where, line.replace("peers: ", "")))
    lines = out.splitlines()
    if len(lines) != len(sents):
        raise Unavailable("%d output lines for %d sentences"
                          % (len(lines), len(sents)))
    return [json.loads(x) for x in lines]


def peer_ner(node, lib, sents, timeout, notes, seen, where):
    """BIO tags of the peer's entities, mapped to CoNLL types; seen counts
    the peer's own types."""
    res = []
    mp = PEER_TYPES[lib]
    for s, ents in zip(sents, node_run(node, "ner", lib, sents, timeout,
                                       notes, where)):
        tags = ["O"] * len(s.tokens)
        for a, b, t in ents:
            seen[t] += 1
            if t not in mp:
                continue
            for i in range(a, b):
                tags[i] = ("B-" if i == a else "I-") + mp[t]
        res.append(tags)
    return res


def version(system, args):
    try:
        if system.startswith("quire"):
            p = subprocess.run([args.tag, "--version"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, timeout=30)
            v = p.stdout.decode().strip() if p.returncode == 0 else ""
            return "TAG=%s%s" % (shown(args.tag), " (" + v + ")" if v
                                 else "")
        p = subprocess.run([args.node, os.path.join(HERE, "tag_peers.js"),
                            "version", system], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, timeout=60)
        return p.stdout.decode().strip() if p.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


def shown(path):
    """path relative to the repository if inside it."""
    if os.sep not in path:
        return path
    rel = os.path.relpath(os.path.abspath(path), ROOT)
    return path if rel.startswith("..") else rel


# ---- main -----------------------------------------------------------------

def evaluate(system, args, sets, out):
    """All the figures of one system: {"conll", "uner", "upos"}, each a
    dict of figures or {"unavailable": reason}."""
    notes = []
    res = {"label": LABELS[system], "notes": notes}
    t0 = time.monotonic()
    seen = collections.Counter()
    for key, sents, types in (("conll", sets["conll"], NAMES),
                              ("uner", sets["uner"], NAMES[:3])):
        try:
            if system.startswith("quire"):
                pred = quire_run(args.tag, sents, False, args.timeout,
                                 os.path.join(out, "%s.%s.out" %
                                              (system, key)),
                                 notes, QUIRE_ARGS[system])
            else:
                pred = peer_ner(args.node, system, sents, args.timeout,
                                notes, seen, SET_LABELS[key])
                if not PEER_TYPES[system]:
                    raise Unavailable("its entity types (%s) include no "
                                      "PER, ORG, LOC or MISC"
                                      % ", ".join(sorted(seen)))
            with open(os.path.join(out, "%s.%s.txt" % (system, key)), "w",
                      encoding="utf-8") as ef:
                ef.write("# %s on %s: FP spurious, FN missed, TYPE "
                         "gold->system\n" % (LABELS[system], key))
                res[key] = score_ner(sents, pred, types, ef)
            if key == "conll":
                with open(os.devnull, "w") as ef:
                    res["conll3"] = score_ner(sents, pred, NAMES[:3], ef)
        except Unavailable as e:
            res[key] = {"unavailable": str(e)}
    if seen:
        notes.append("its entity types on CoNLL dev and UNER EWT dev: %s"
                     % ", ".join("%s %d" % kv for kv in seen.most_common()))
    try:
        sents = sets["upos"]
        if system.startswith("quire"):
            pred = quire_run(args.tag, sents, True, args.timeout,
                             os.path.join(out, "%s.upos.out" % system),
                             notes, QUIRE_ARGS[system])
        else:
            pred = node_run(args.node, "pos", system, sents, args.timeout,
                            notes, SET_LABELS["upos"])
        with open(os.path.join(out, "%s.upos.txt" % system), "w",
                  encoding="utf-8") as ef:
            res["upos"] = score_pos(sents, pred, ef)
    except Unavailable as e:
        res["upos"] = {"unavailable": str(e)}
    res["seconds"] = time.monotonic() - t0
    res["version"] = version(system, args)
    return res


def fmt(x, width=5, digits=1):
    return "%*.*f" % (width, digits, x)


def print_table(systems, results, sizes):
    print("Named entities: entity-level precision, recall, F1 (%) as "
          "conlleval; parts of speech: UPOS accuracy (%)")
    for k, label in (("conll", "CoNLL dev"), ("uner", "UNER EWT dev"),
                     ("upos", "EWT dev")):
        print("  %-13s %s" % (label + ":", sizes[k]))
    print("  numeric types (DATE, MONEY, ...) are not scored (no gold); "
          "\"w/o MISC\": PER ORG LOC only,")
    print("  MISC left out of gold and output; goals (issue 4): CoNLL dev F1"
          " >= %g, EWT dev UPOS >= %g%%" % (NER_GOAL, UPOS_GOAL))
    print()
    w = 34
    cols = [("CoNLL dev  P     R     F1", "all 4 types (goal >= %g)"
             % NER_GOAL, 25),
            ("w/o MISC", "F1", 8),
            ("CoNLL dev F1 by type", "PER   ORG   LOC   MISC", 22),
            ("UNER EWT", "dev F1", 8),
            ("EWT dev", "UPOS (>= %g)" % UPOS_GOAL, 12),
            ("secs", "", 5)]
    for row in (0, 1):
        print(("%-*s" % (w, "system" if row == 0 else "") + "".join(
            " | %-*s" % (x[2], x[row]) for x in cols)).rstrip())
    print("-" * (w + sum(3 + x[2] for x in cols)))
    dagger = False
    for s in systems:
        r = results[s]
        cells = []
        c = r["conll"]
        if "unavailable" in c:
            cells += ["n/a", "n/a", "n/a"]
        else:
            mark = " "
            if c["types"]["MISC"]["guessed"] == 0 and not s.startswith("quire"):
                mark = "\u2020"
                dagger = True
            cells.append("%s %s %s%s" % (fmt(c["precision"]),
                                        fmt(c["recall"]), fmt(c["f1"]),
                                        mark))
            cells.append(fmt(r["conll3"]["f1"], 8))
            by = []
            for t in NAMES:
                tt = c["types"][t]
                by.append("  n/a" if tt["guessed"] == 0 and not s.startswith("quire")
                          else fmt(tt["f1"]))
            cells.append(" ".join(by))
        u = r["uner"]
        cells.append("n/a" if "unavailable" in u else fmt(u["f1"], 8))
        p = r["upos"]
        cells.append("n/a" if "unavailable" in p
                     else fmt(p["accuracy"], 12, 2))
        cells.append(fmt(r["seconds"], 5))
        print("%-*s" % (w, r["label"]) + "".join(
            " | %*s" % (x[2], v) if v != "n/a" else " | %-*s" % (x[2], v)
            for x, v in zip(cols, cells)))
    print()
    if dagger:
        print("\u2020 no MISC type: every MISC entity counts as missed "
              "(compare w/o MISC)")
    for s in systems:
        r = results[s]
        for k, label in (("conll", "CoNLL dev"), ("uner", "UNER EWT dev"),
                         ("upos", "EWT UPOS")):
            if "unavailable" in r[k]:
                print("n/a: %s: %s: %s" % (r["label"], label,
                                           r[k]["unavailable"]))
    for s in systems:
        if results[s].get("version"):
            print("version: %s: %s" % (results[s]["label"],
                                       results[s]["version"]))
    for s in systems:
        for note in results[s]["notes"]:
            print("note: %s: %s" % (results[s]["label"], note))
    for s in ("quire", "quire-accurate"):
        if s not in results:
            continue
        r = results[s]
        c, p = r["conll"], r["upos"]
        if "f1" in c:
            print("goal: %s: NER F1 >= %g on CoNLL dev: %.2f: %s"
                  % (LABELS[s], NER_GOAL, c["f1"], "met"
                     if c["f1"] >= NER_GOAL else "MISSED"))
        if "accuracy" in p:
            print("goal: %s: UPOS >= %g%% on EWT dev: %.2f%%: %s"
                  % (LABELS[s], UPOS_GOAL, p["accuracy"], "met"
                     if p["accuracy"] >= UPOS_GOAL else "MISSED"))


def main(argv):
    ap = argparse.ArgumentParser(prog="tag_eval.py",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=os.environ.get(
        "QUIRE_DATA", os.path.join(ROOT, "..", "shared", "data")))
    ap.add_argument("--tag", default=os.environ.get(
        "TAG", os.path.join(ROOT, "filters", "tag")))
    ap.add_argument("--systems", default=",".join(SYSTEMS),
                    help="comma-separated subset of " + ",".join(SYSTEMS))
    ap.add_argument("--out", default=os.path.join(HERE, "out", "tag"))
    ap.add_argument("--node", default=os.environ.get("NODE", "node"))
    ap.add_argument("--timeout", type=int, default=600,
                    help="seconds a system may take on a set (default 600)")
    args = ap.parse_args(argv)

    systems = [s for s in args.systems.split(",") if s]
    for s in systems:
        if s not in SYSTEMS:
            ap.error("unknown system %s" % s)
    files = {
        "conll": os.path.join(args.data, "conll2003", "eng.testa"),
        "uner": os.path.join(args.data, "uner_en_ewt", "en_ewt-ud-dev.iob2"),
        "upos": os.path.join(args.data, "ud_en_ewt", "en_ewt-ud-dev.conllu"),
    }
    for f in files.values():
        if not os.path.isfile(f):
            print("eval: tag: skipped: %s not found" % f)
            return 0
    if any(s.startswith("quire") for s in systems) and \
            not os.path.exists(args.tag) and shutil.which(args.tag) is None:
        print("eval: tag: skipped: %s not found (make filters/tag)"
              % shown(args.tag))
        return 0

    sets = {
        "conll": read_conll2003(files["conll"]),
        "uner": read_tabbed(files["uner"], 1, 2, False),
        "upos": read_tabbed(files["upos"], 1, 3, True),
    }
    sizes = {}
    for k, sents in sets.items():
        docs = len({s.doc for s in sents})
        toks = sum(len(s.tokens) for s in sents)
        size = "%s docs, %s sentences, %s tokens" % (
            format(docs, ","), format(len(sents), ","), format(toks, ","))
        if k == "upos":
            size = size.replace("tokens", "words (UD syntactic words)")
            size += "; UPOS accuracy"
        else:
            types = NAMES if k == "conll" else NAMES[:3]
            n = collections.Counter(c[2] for s in sents
                                    for c in chunks(keep_types(s.gold, types)))
            size += ", %s entities (%s)" % (
                format(sum(n.values()), ","),
                " ".join("%s %d" % (t, n[t]) for t in types))
        sizes[k] = size
    sizes["conll"] += "; conll2003/eng.testa (testa)"
    sizes["uner"] += "; predicted MISC -> O"
    sizes["upos"] += "; ud_en_ewt/en_ewt-ud-dev.conllu"

    os.makedirs(args.out, exist_ok=True)
    results = {}
    for s in systems:
        print("eval: tag: %s" % LABELS[s], file=sys.stderr)
        results[s] = evaluate(s, args, sets, args.out)
    print_table(systems, results, sizes)
    print("details: %s/results.json, %s/SYSTEM.{conll,uner,upos}.txt"
          % (os.path.relpath(args.out), os.path.relpath(args.out)))
    with open(os.path.join(args.out, "results.json"), "w",
              encoding="utf-8") as f:
        json.dump({"sets": sizes, "systems": results}, f, indent=1,
                  sort_keys=True)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
