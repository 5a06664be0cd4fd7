#!/bin/sh
# bench/tag.sh: throughput of filters/tag, named entities (the default)
# and named entities with parts of speech (--pos), against the peers of the
# accuracy table (tests/eval/tag_eval.py), on the same news corpus, in one
# run (issue 4). Run from anywhere: `make bench`, or `sh bench/tag.sh`.
#
# Corpus, built once under bench/out/tag/ (gitignored) from the news text
# in $QUIRE_DATA (default ../shared/data, relative to the repo root):
#   news.txt     the "text" of unlabeled_news/reuters21578.jsonl and
#                news_keypoints/*.jsonl, a blank line after each article,
#                repeated and cut at a line end to about 20 MB (10^6 bytes)
#   news2.txt    its first 2 MB, for the peers (compromise tags ~20,000
#                tokens/s), and for quire too, to compare on the same text
#   *.tokens     their token counts, `segment -u word FILE | wc -w`, once
#
# Tools, each tagging the raw text:
#   quire        $TAG FILE > /dev/null, $TAG --pos FILE and $TAG --accurate
#                FILE (the two-stage entity model) (one process,
#                single-threaded, the inline output written to /dev/null)
#   compromise   npm: nlp(doc).people() .places() .organizations(), a
#                document (text between blank lines) at a time, through
#                tests/eval/tag_peers.js; it tags parts of speech in any case
#   wink-nlp     npm, with wink-eng-lite-web-model: doc.entities() a document
#                at a time, pipe sbd+ner; and sbd+pos+ner for the NER+POS row.
#                Its entity types are numeric and web ones (DATE, MONEY, URL,
#                ...): no PER, ORG, LOC, MISC.
# The peers run on news2.txt; the table says so. Missing peers are
# installed by tests/eval/install-peers when possible; one that cannot run
# shows as n/a.
#
# Each row runs BENCH_RUNS times (default 5); the table gives the median
# wall time, tokens/s of the whole process (start-up, reading, writing),
# CPU seconds (user+sys), peak RSS (/usr/bin/time, apt package `time`) and,
# for the peers, the tokens/s of tagging alone as their driver times it
# (without node's start-up and the model's loading: their best case).
# quire also runs on news2.txt, so that "quire x" compares the same text:
# quire's whole-process tokens/s there (the NER row for NER rows, the --pos
# row for NER+POS rows) over the peer's best tokens/s. The goal is judged
# on the NER row of news.txt.
#
# Environment:
#   QUIRE_DATA      data directory (default ../shared/data)
#   TAG             program under test (default filters/tag)
#   SEGMENT         token counter (default filters/segment; without it,
#                   wc -w, and the table says so)
#   BENCH_RUNS      runs per row (default 5)
#   BENCH_BUDGET    seconds after which a row stops early (default 90)
#   BENCH_PEERS     0: quire rows only
#   BENCH_INSTALL   0: install no missing peer
#   BENCH_REBUILD   1 rebuilds the corpus
#   BENCH_BYTES     corpus size (default 20000000)
#   BENCH_SLICE     the peers' slice (default 2000000)
#   BENCH_STRICT    1 makes a missed goal exit with status 1
#   PYTHON, NODE    interpreters (default /usr/bin/python3, node)

# Word splitting of $SOURCES and of the commands is deliberate.
# shellcheck disable=SC2086,SC2046
set -u
LC_ALL=C
export LC_ALL

cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh

DATA=${QUIRE_DATA:-../shared/data}
TAG=${TAG:-filters/tag}
SEGMENT=${SEGMENT:-filters/segment}
RUNS=${BENCH_RUNS:-5}
BUDGET=${BENCH_BUDGET:-90}
OUT=bench/out/tag
CORPUS_BYTES=${BENCH_BYTES:-20000000}
SLICE_BYTES=${BENCH_SLICE:-2000000}
NER_GOAL=500000		# tokens/s, NER, one core (issue 4)
CORPUS_VERSION=1	# bump when the corpus recipe changes
status=0

if [ -z "${PYTHON:-}" ]; then
	PYTHON=python3
	[ -x /usr/bin/python3 ] && PYTHON=/usr/bin/python3
fi
NODE=${NODE:-node}
export PYTHON


if [ ! -d "$DATA" ]; then
	echo "bench: skipped: $DATA not found"
	exit 0
fi
set -- "$DATA"/unlabeled_news/reuters21578.jsonl "$DATA"/news_keypoints/*.jsonl
for f; do
	[ -r "$f" ] || { echo "bench: skipped: $f not found"; exit 0; }
done
SOURCES="$*"

case $TAG in
*/*)	[ -x "$TAG" ] || die "$TAG not found: build it first (make filters/tag)" ;;
*)	command -v "$TAG" >/dev/null 2>&1 || die "$TAG not found in PATH" ;;
esac
mkdir -p "$OUT" || exit 1

# ---- helpers ---------------------------------------------------------

# timeit STDIN CMD ARGS...: run CMD < STDIN > /dev/null once; append
# "SECONDS RSS_KIB CPU_SECONDS" to $OUT/times and the in-process seconds a
# driver reports ("...: tagging S s") to $OUT/inproc. Status: CMD's.
timeit() {
	timed_run "$@" || return
	echo "$e $rss $cpu" >> "$OUT/times"
	sed -n 's/.*: tagging \([0-9.]*\) s.*/\1/p' "$OUT/stderr.out" \
	    >> "$OUT/inproc"
	return 0
}

# bench_row STDIN CMD ARGS...: sets SECS, RSS, CPU, INPROC (medians;
# INPROC empty if the tool reports none), NOTE (runs, if fewer than RUNS)
# and FAIL (why the tool could not run, else empty).
bench_row() {
	in=$1
	shift
	: > "$OUT/times"
	: > "$OUT/inproc"
	FAIL='' NOTE='' SECS='' RSS='' CPU='' INPROC=''
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		if ! timeit "$in" "$@"; then
			FAIL=$(grep -v '^Command exited' "$OUT/stderr.out" |
			    head -n 1 | sed 's/^[a-z_]*: //' | cut -c1-60)
			FAIL="exit $rc${FAIL:+: $FAIL}"
			return
		fi
		i=$((i + 1))
		if [ "$i" -lt "$RUNS" ] && awk -v b="$BUDGET" '{ t += $1 }
		    END { exit !(t > b) }' "$OUT/times"; then
			say "over ${BUDGET}s: stopping after $i of $RUNS runs"
			break
		fi
	done
	[ "$i" -lt "$RUNS" ] && NOTE=" [$i of $RUNS runs]"
	SECS=$(cut -d' ' -f1 "$OUT/times" | median)
	RSS=$(cut -d' ' -f2 "$OUT/times" | median 2>/dev/null || echo -)
	CPU=$(cut -d' ' -f3 "$OUT/times" | median 2>/dev/null || echo -)
	INPROC=$(median < "$OUT/inproc" 2>/dev/null || true)
}

rate() {
	awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'
}

# row KIND TOOL CORPUS_LABEL TOKENS: record a line of the table from SECS,
# RSS, CPU, INPROC, NOTE and FAIL in $OUT/rows (TAB-separated: kind, tool,
# corpus, tokens, seconds, tokens/s, tagging tokens/s, CPU s, RSS KiB, n/a
# reason). KIND: quire-ner, quire-nerpos, ner or nerpos. The table is
# printed at the end, when the quire rows are known.
row() {
	if [ -n "$FAIL" ]; then
		printf '%s\t%s\t%s\t%s\t-\t-\t-\t-\t-\t%s\n' "$1" "$2" "$3" "$4" \
		    "$FAIL" >> "$OUT/rows"
		return
	fi
	inp=-
	[ -n "$INPROC" ] && inp=$(rate "$4" "$INPROC")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n' "$1" "$2$NOTE" "$3" \
	    "$4" "$SECS" "$(rate "$4" "$SECS")" "$inp" "$CPU" "$RSS" \
	    >> "$OUT/rows"
}

# ---- corpus --------------------------------------------------------------

stamp=$( { echo "$CORPUS_VERSION $DATA $CORPUS_BYTES $SLICE_BYTES";
    ls -lL $SOURCES; } | cksum)
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$OUT/corpus.stamp" ] ||
    [ "$(cat "$OUT/corpus.stamp")" != "$stamp" ] ||
    [ ! -f "$OUT/news.txt" ] || [ ! -f "$OUT/news2.txt" ]; then
	say "building the corpus in $OUT from $DATA"
	rm -f "$OUT/corpus.stamp" "$OUT"/*.tokens
	command -v "$PYTHON" >/dev/null 2>&1 || die "need python3 to read JSON Lines"
	"$PYTHON" -c '
import json, sys
out = sys.stdout.buffer
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text")
            if isinstance(t, str) and t.strip():
                out.write(t.strip("\n").encode("utf-8", "replace") + b"\n\n")
' $SOURCES > "$OUT/base.txt" || die "cannot extract text"
	[ -s "$OUT/base.txt" ] || die "no text in $SOURCES"
	# cat ends (status > 0) when head closes the pipe, ending the loop;
	# sed drops the line that head cut, so no UTF-8 sequence is split.
	while cat "$OUT/base.txt"; do :; done 2>/dev/null |
	    head -c "$CORPUS_BYTES" | sed '$d' > "$OUT/news.txt"
	head -c "$SLICE_BYTES" "$OUT/news.txt" | sed '$d' > "$OUT/news2.txt"
	rm -f "$OUT/base.txt"
	echo "$stamp" > "$OUT/corpus.stamp"
fi
BIG=$(size_of "$OUT/news.txt")
SMALL=$(size_of "$OUT/news2.txt")
mb() {
	awk -v b="$1" 'BEGIN { printf (b < 1e7 ? "%.1f MB" : "%.0f MB"), b / 1e6 }'
}
BIGL=$(mb "$BIG")
SMALLL=$(mb "$SMALL")

# Tokens, counted once per corpus as quire's segment counts them.
COUNTER="$SEGMENT -u word | wc -w"
if ! [ -x "$SEGMENT" ] && ! command -v "$SEGMENT" >/dev/null 2>&1; then
	COUNTER="wc -w (no $SEGMENT)"
fi
for f in news news2; do
	[ -s "$OUT/$f.tokens" ] && continue
	case $COUNTER in
	wc*)	wc -w < "$OUT/$f.txt" ;;
	*)	"$SEGMENT" -u word "$OUT/$f.txt" | wc -w ;;
	esac | tr -d ' ' > "$OUT/$f.tokens"
	[ -s "$OUT/$f.tokens" ] || die "cannot count the tokens of $OUT/$f.txt"
done
BIGT=$(cat "$OUT/news.tokens")
SMALLT=$(cat "$OUT/news2.tokens")

# ---- peers ---------------------------------------------------------------

PEERS=${BENCH_PEERS:-1}
NODE_OK=0
if [ "$PEERS" != 0 ]; then
	[ "${BENCH_INSTALL:-1}" = 0 ] || sh tests/eval/install-peers
	if ! command -v "$NODE" >/dev/null 2>&1; then
		NODE_WHY="node not found"
	else
		NODE_OK=1
	fi
fi

# ---- timing ----------------------------------------------------------------

: > "$OUT/rows"
cat "$OUT/news.txt" "$OUT/news2.txt" > /dev/null	# warm the page cache

say "NER: $TAG"
bench_row /dev/null "$TAG" "$OUT/news.txt"
row quire-ner "quire tag" "$BIGL" "$BIGT"
say "NER+POS: $TAG --pos"
bench_row /dev/null "$TAG" --pos "$OUT/news.txt"
row quire-nerpos "quire tag --pos" "$BIGL" "$BIGT"
say "NER, two-stage model: $TAG --accurate"
bench_row /dev/null "$TAG" --accurate "$OUT/news.txt"
row quire-ner-accurate "quire tag --accurate" "$BIGL" "$BIGT"
if [ "$PEERS" != 0 ]; then
	# quire on the peers' slice too, for ratios on the same text
	say "NER: $TAG, $SMALLL"
	bench_row /dev/null "$TAG" "$OUT/news2.txt"
	row quire-ner "quire tag" "$SMALLL" "$SMALLT"
	say "NER+POS: $TAG --pos, $SMALLL"
	bench_row /dev/null "$TAG" --pos "$OUT/news2.txt"
	row quire-nerpos "quire tag --pos" "$SMALLL" "$SMALLT"
	for r in "compromise ner" "wink ner" "wink nerpos"; do
		set -- $r
		say "$2: $1"
		if [ "$NODE_OK" = 1 ]; then
			bench_row "$OUT/news2.txt" "$NODE" tests/eval/tag_peers.js \
			    bench $1 $2
		else
			FAIL=$NODE_WHY
		fi
		case $r in
		compromise*)	t="npm compromise (people, places, orgs)" ;;
		*ner)		t="npm wink-nlp, sbd+ner (numeric types)" ;;
		*)		t="npm wink-nlp, sbd+pos+ner" ;;
		esac
		row $2 "$t" "$SMALLL" "$SMALLT"
	done
fi

# ---- table and goals -------------------------------------------------------

echo "quire tag benchmark: $TAG ($("$TAG" --version 2>/dev/null | head -n 1))"
echo "median of $RUNS runs; corpus news.txt: $BIG bytes, $BIGT tokens;"
echo "the peers run on its first $SMALLL (news2.txt: $SMALL bytes," \
    "$SMALLT tokens)"
echo "tokens: $COUNTER; raw text in, output to /dev/null"
echo "tok/s: whole process (start-up, model loading, reading, writing);"
echo "tagging tok/s: the peer's driver's own timing of tagging alone" \
    "(its best case);"
echo "quire x: quire's tok/s (NER or NER+POS as the row, same corpus) over"
echo "the row's best tok/s (tagging tok/s if the driver reports it)"
echo "$(uname -sm), $(nproc 2>/dev/null || echo ?) cpu;" \
    "quire tag is single-threaded"
echo
awk -F '\t' -v goal=$NER_GOAL '
{ line[NR] = $0 }
$10 == "" && $1 == "quire-ner" { q["ner", $3] = $6 }
$10 == "" && $1 == "quire-nerpos" { q["nerpos", $3] = $6 }
$10 == "" && $1 == "quire-ner" && NR == 1 { big = $3 }
END {
	fmt = "%-8s %-40s %-6s %9s %8s %11s %13s %7s %10s %8s\n"
	printf fmt, "task", "tool", "corpus", "tokens", "seconds", "tok/s", \
	    "tagging tok/s", "CPU s", "peak RSS", "quire x"
	for (i = 1; i <= NR; i++) {
		split(line[i], f, "\t")
		task = f[1] ~ /nerpos/ ? "NER+POS" : "NER"
		if (f[10] != "") {
			printf "%-8s %-40s %-6s n/a (%s)\n", task, f[2], f[3], f[10]
			continue
		}
		k = f[1] ~ /nerpos/ ? "nerpos" : "ner"
		b = f[7] != "-" ? f[7] : f[6]
		x = "-"
		r = q[k, f[3]] > 0 && b > 0 ? q[k, f[3]] / b : 0
		if (f[1] !~ /^quire/ && r > 0)
			x = sprintf(r < 10 ? "%.2fx" : "%.0fx", r)
		rss = f[9] == "-" ? "-" : sprintf("%.1f MiB", f[9] / 1024)
		cpu = f[8] == "-" ? "-" : sprintf("%.2f", f[8])
		printf fmt, task, f[2], f[3], f[4], sprintf("%.3f", f[5]), f[6], \
		    f[7], cpu, rss, x
	}
	print ""
	print "goal (issue 4)"
	if (big == "") {
		print "  quire tag (NER) did not run"
		exit 1
	}
	ok = q["ner", big] >= goal
	printf "  %-70s %s\n", sprintf("NER >= %d tokens/s on one core (%s):" \
	    " %d tokens/s", goal, big, q["ner", big]), ok ? "met" : "MISSED"
	exit !ok
}' "$OUT/rows"
missed=$?
[ "${BENCH_STRICT:-0}" = 1 ] && [ "$missed" != 0 ] && status=1
exit $status
