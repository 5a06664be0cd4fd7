#!/bin/sh
# bench/segment.sh: throughput of filters/segment, sentence mode (the
# default) and word mode (-u word), against the peers of the accuracy table
# (tests/eval/run), on the same news corpus, in one run (issue 3). Run from
# anywhere: `make bench`, or `sh bench/segment.sh`.
#
# Corpus, built once under bench/out/segment/ (gitignored) from the news
# text in $QUIRE_DATA (default ../shared/data, relative to the repo root):
#   news.txt    the "text" of unlabeled_news/reuters21578.jsonl and
#               news_keypoints/*.jsonl, a blank line after each article,
#               repeated and cut at a line end to about 50 MB (10^6 bytes)
#   news5.txt   its first 5 MB, for the slow peers
#
# Tools, each reading the whole file on stdin and writing a unit a line:
#   quire       $SEGMENT, $SEGMENT --scheme=uax29, and with -u word
#   ICU (C)     the ICU C library's ubrk on a UTF-8 UText: a driver embedded
#               below, compiled into bench/out/segment/ (needs libicu-dev)
#   ICU (py)    python3-icu's BreakIterator (tests/eval/peers.py)
#   Punkt       NLTK, trained on the Reuters text (tests/eval/peers.py);
#               word mode adds NLTK's Treebank word tokenizer
#   sbd, compromise, wink-nlp   npm, through tests/eval/peers.js
# The quire and ICU rows run on news.txt; Punkt and the npm libraries, two
# orders of magnitude slower, on news5.txt (the table says which).
# Missing peers are installed by tests/eval/install-peers when possible;
# one that cannot run shows as n/a.
#
# Each (tool, mode) runs BENCH_RUNS times (default 5); the median wall time
# is reported, with MB/s of input, peak RSS (/usr/bin/time, apt package
# `time`) and, for the peers, the median in-process segmentation time their
# drivers report (without start-up, reading, decoding and output), the
# peer's best case. "quire x" is quire's whole-process MB/s (same mode,
# default scheme) over the peer's in-process MB/s.
#
# Environment:
#   QUIRE_DATA      data directory (default ../shared/data)
#   SEGMENT         program under test (default filters/segment);
#                   tests/eval/standin-segment tests this script
#   BENCH_RUNS      runs per row (default 5)
#   BENCH_BUDGET    seconds after which a row stops early (default 60)
#   BENCH_PEERS     0: quire rows only
#   BENCH_INSTALL   0: install no missing peer
#   BENCH_REBUILD   1 rebuilds the corpus
#   BENCH_STRICT    1 makes a missed goal exit with status 1
#   PYTHON, NODE    interpreters for the peers (default /usr/bin/python3, node)
#   CC              compiler for the ICU driver (default cc)

# Word splitting of $args and $SOURCES is deliberate.
# shellcheck disable=SC2086,SC2046
set -u
LC_ALL=C
export LC_ALL

cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh

DATA=${QUIRE_DATA:-../shared/data}
SEGMENT=${SEGMENT:-filters/segment}
RUNS=${BENCH_RUNS:-5}
BUDGET=${BENCH_BUDGET:-60}
OUT=bench/out/segment
CORPUS_BYTES=50000000
SLICE_BYTES=5000000
SENT_GOAL=100		# MB/s
PEER_GOAL=10		# x the fastest peer
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

case $SEGMENT in
*/*)	[ -x "$SEGMENT" ] || die "$SEGMENT not found: build it first (make)" ;;
*)	command -v "$SEGMENT" >/dev/null 2>&1 ||
	    die "$SEGMENT not found in PATH" ;;
esac
mkdir -p "$OUT" || exit 1

# ---- helpers ---------------------------------------------------------

# timeit CORPUS CMD ARGS...: run CMD < CORPUS > /dev/null once; append
# "SECONDS RSS_KIB" to $OUT/times and the in-process seconds a driver
# reports ("...: segmentation S s") to $OUT/inproc. Status: CMD's.
timeit() {
	timed_run "$@" || return
	echo "$e $rss" >> "$OUT/times"
	sed -n 's/.*: segmentation \([0-9.]*\) s.*/\1/p' "$OUT/stderr.out" \
	    >> "$OUT/inproc"
	return 0
}

# bench_row CORPUS CMD ARGS...: sets SECS, RSS, INPROC (median; INPROC
# empty if the tool reports none), NOTE (runs, if fewer than RUNS) and
# FAIL (why the tool could not run, else empty).
bench_row() {
	corpus=$1
	shift
	: > "$OUT/times"
	: > "$OUT/inproc"
	FAIL='' NOTE='' SECS='' RSS='' INPROC=''
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		if ! timeit "$corpus" "$@"; then
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
	INPROC=$(median < "$OUT/inproc" 2>/dev/null || true)
}

mbs() {
	awk -v b="$1" -v s="$2" \
	    'BEGIN { printf "%.2f", (s > 0 ? b / s / 1e6 : 0) }'
}

# row UNIT TOOL CORPUS_LABEL BYTES: record a line of the table, from
# SECS, RSS, INPROC, NOTE and FAIL, in $OUT/rows (TAB-separated: unit,
# kind, tool, corpus, seconds, MB/s, seg MB/s, RSS KiB, n/a reason), where
# kind is quire, quire-uax29 or peer. The table is printed at the end, when
# the fastest peer is known.
row() {
	case $2 in
	quire*uax29*)	kind=quire-uax29 ;;
	quire*)		kind=quire ;;
	*)		kind=peer ;;
	esac
	if [ -n "$FAIL" ]; then
		printf '%s\t%s\t%s\t%s\t-\t-\t-\t-\t%s\n' "$1" "$kind" "$2" \
		    "$3" "$FAIL" >> "$OUT/rows"
		return
	fi
	inp=-
	[ -n "$INPROC" ] && inp=$(mbs "$4" "$INPROC")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n' "$1" "$kind" "$2$NOTE" \
	    "$3" "$SECS" "$(mbs "$4" "$SECS")" "$inp" "$RSS" >> "$OUT/rows"
}

# ---- corpus --------------------------------------------------------------

stamp=$( { echo "$CORPUS_VERSION $DATA"; ls -lL $SOURCES; } | cksum)
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$OUT/corpus.stamp" ] ||
    [ "$(cat "$OUT/corpus.stamp")" != "$stamp" ] ||
    [ ! -f "$OUT/news.txt" ] || [ ! -f "$OUT/news5.txt" ]; then
	say "building the corpus in $OUT from $DATA"
	rm -f "$OUT/corpus.stamp"
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
	    head -c $CORPUS_BYTES | sed '$d' > "$OUT/news.txt"
	head -c $SLICE_BYTES "$OUT/news.txt" | sed '$d' > "$OUT/news5.txt"
	rm -f "$OUT/base.txt"
	echo "$stamp" > "$OUT/corpus.stamp"
fi
BIG=$(size_of "$OUT/news.txt")
SMALL=$(size_of "$OUT/news5.txt")
BIGL=$(awk -v b="$BIG" 'BEGIN { printf "%.0f MB", b / 1e6 }')
SMALLL=$(awk -v b="$SMALL" 'BEGIN { printf "%.0f MB", b / 1e6 }')

# ---- peers ---------------------------------------------------------------

PEERS=${BENCH_PEERS:-1}
ICU_C=
ICU_PY_OK=0
PY_OK=0
NODE_OK=0
if [ "$PEERS" != 0 ]; then
	[ "${BENCH_INSTALL:-1}" = 0 ] || sh tests/eval/install-peers
	# The ICU C driver: like bench/icu_normalize.c, a bench-only program.
	cat > "$OUT/icu_segment.c" <<'EOF'
/*
 * icu_segment: the ICU C library's break iterator over stdin, for
 * bench/segment.sh. Reads all of stdin (UTF-8), opens a UText on it (no
 * conversion to UTF-16: boundaries are byte offsets), collects the
 * boundaries, then writes one unit a line, skipping units of white space
 * only. Reports on stderr "icu_segment: segmentation S s" (ubrk_open and
 * the iteration alone).
 * Usage: icu_segment sentence|word [LOCALE]   (LOCALE default "en")
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
main(int argc, char *argv[])
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi;
	UText *ut;
	char *buf = NULL;
	size_t len = 0, cap = 0, n, nb = 0, bcap = 0;
	int32_t *bs = NULL, b;
	double t0, t1;
	const char *loc = argc > 2 ? argv[2] : "en";

	if (argc < 2 || (strcmp(argv[1], "sentence") != 0 &&
	    strcmp(argv[1], "word") != 0)) {
		fprintf(stderr, "usage: icu_segment sentence|word [LOCALE]\n");
		return 2;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 1 << 20;
			if ((buf = realloc(buf, cap)) == NULL)
				return 1;
		}
		if ((n = fread(buf + len, 1, cap - len, stdin)) == 0)
			break;
		len += n;
	}
	if (len > INT32_MAX) {
		fprintf(stderr, "icu_segment: input over 2 GiB\n");
		return 1;
	}
	t0 = now();
	bi = ubrk_open(argv[1][0] == 's' ? UBRK_SENTENCE : UBRK_WORD, loc,
	    NULL, 0, &err);
	ut = utext_openUTF8(NULL, buf, (int64_t)len, &err);
	ubrk_setUText(bi, ut, &err);
	if (U_FAILURE(err)) {
		fprintf(stderr, "icu_segment: %s\n", u_errorName(err));
		return 1;
	}
	for (b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
		if (nb == bcap) {
			bcap = bcap ? bcap * 2 : 65536;
			if ((bs = realloc(bs, bcap * sizeof(*bs))) == NULL)
				return 1;
		}
		bs[nb++] = b;
	}
	t1 = now();
	for (size_t i = 1; i < nb; i++) {
		int32_t s = bs[i - 1], e = bs[i];

		while (s < e && is_space(buf[s]))
			s++;
		while (e > s && is_space(buf[e - 1]))
			e--;
		if (s == e)
			continue;
		for (int32_t j = s; j < e; j++)
			if (buf[j] == '\n')
				buf[j] = ' ';
		fwrite(buf + s, 1, e - s, stdout);
		putchar('\n');
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("icu_segment: write error");
		return 1;
	}
	fprintf(stderr, "icu_segment: segmentation %.4f s, %zu boundaries\n",
	    t1 - t0, nb);
	ubrk_close(bi);
	utext_close(ut);
	free(bs);
	free(buf);
	return 0;
}
EOF
	if ! pkg-config --exists icu-uc 2>/dev/null; then
		ICU_C_WHY="pkg-config icu-uc not found: apt libicu-dev"
	elif ${CC:-cc} -O2 -std=c17 -D_POSIX_C_SOURCE=200809L \
	    "$OUT/icu_segment.c" $(pkg-config --cflags --libs icu-uc) \
	    -o "$OUT/icu_segment" 2> "$OUT/icu_segment.log"; then
		ICU_C=$OUT/icu_segment
	else
		ICU_C_WHY="cannot compile $OUT/icu_segment.c: see $OUT/icu_segment.log"
	fi
	if "$PYTHON" tests/eval/peers.py version icu > /dev/null \
	    2> "$OUT/icu.log"; then
		ICU_PY_OK=1
	else
		ICU_PY_WHY=$(tail -n 1 "$OUT/icu.log" | sed 's/^peers: //')
	fi
	if "$PYTHON" tests/eval/peers.py train 2> "$OUT/train.log"; then
		PY_OK=1
	else
		PY_WHY=$(tail -n 1 "$OUT/train.log" | sed 's/^peers: //')
	fi
	if ! command -v "$NODE" >/dev/null 2>&1; then
		NODE_WHY="node not found"
	else
		NODE_OK=1
	fi
fi

# ---- timing ----------------------------------------------------------------

: > "$OUT/rows"
cat "$OUT/news.txt" "$OUT/news5.txt" > /dev/null	# warm the page cache

for unit in sentence word; do
	uarg=
	[ "$unit" = word ] && uarg="-u word"
	say "$unit: $SEGMENT $uarg"
	bench_row "$OUT/news.txt" "$SEGMENT" $uarg
	row $unit "quire segment${uarg:+ $uarg}" "$BIGL" "$BIG"
	say "$unit: $SEGMENT $uarg --scheme=uax29"
	bench_row "$OUT/news.txt" "$SEGMENT" $uarg --scheme=uax29
	row $unit "quire segment${uarg:+ $uarg} --scheme=uax29" "$BIGL" "$BIG"
	[ "$PEERS" != 0 ] || continue

	# ICU, C library and python3-icu; the suppressions only change
	# sentences.
	for loc in en en@ss=standard; do
		[ "$unit" = word ] && [ "$loc" != en ] && continue
		say "$unit: ICU $loc"
		if [ -n "$ICU_C" ]; then
			bench_row "$OUT/news.txt" "$ICU_C" $unit $loc
		else
			FAIL=$ICU_C_WHY
		fi
		row $unit "ICU ubrk, C library ($loc)" "$BIGL" "$BIG"
		if [ "$ICU_PY_OK" = 1 ]; then
			sys=icu
			[ "$loc" = en ] || sys=icu-ss
			bench_row "$OUT/news.txt" "$PYTHON" tests/eval/peers.py \
			    bench $sys --unit $unit
		else
			FAIL=$ICU_PY_WHY
		fi
		row $unit "ICU BreakIterator, python3-icu ($loc)" "$BIGL" "$BIG"
	done

	say "$unit: Punkt"
	if [ "$PY_OK" = 1 ]; then
		bench_row "$OUT/news5.txt" "$PYTHON" tests/eval/peers.py bench \
		    punkt --unit $unit
	else
		FAIL=$PY_WHY
	fi
	t="NLTK Punkt (Reuters)"
	[ "$unit" = word ] && t="NLTK Punkt + Treebank words"
	row $unit "$t" "$SMALLL" "$SMALL"

	for lib in sbd compromise wink; do
		say "$unit: $lib"
		if [ "$unit" = word ] && [ "$lib" = sbd ]; then
			FAIL="sbd has no word mode"
		elif [ "$NODE_OK" = 1 ]; then
			bench_row "$OUT/news5.txt" "$NODE" tests/eval/peers.js \
			    bench $lib $unit
		else
			FAIL=$NODE_WHY
		fi
		t="npm $lib"
		[ "$lib" = wink ] && t="npm wink-nlp + eng-lite-web-model"
		row $unit "$t" "$SMALLL" "$SMALL"
	done
done

# ---- table and goals -------------------------------------------------------

echo "quire segment benchmark: $SEGMENT"
echo "median of $RUNS runs; MB = 10^6 bytes of input; corpus news.txt ($BIG bytes);"
echo "the slow peers run on its first $SMALLL (news5.txt, $SMALL bytes)"
echo "MB/s: whole process (start-up, reading, writing a unit a line);"
echo "seg MB/s: segmentation alone, as a peer's driver times it (its best case);"
echo "x fastest: the row's MB/s (seg MB/s for a peer) over the fastest peer's seg MB/s"
echo "$(uname -sm), $(nproc 2>/dev/null || echo ?) cpu"
echo
# The goals: sentences >= SENT_GOAL MB/s; quire (default scheme) >=
# PEER_GOAL x the fastest peer, in each unit.
awk -F '\t' -v sg=$SENT_GOAL -v pg=$PEER_GOAL '
function best() { return $7 != "-" ? $7 : $6 }
{ line[NR] = $0 }
$9 == "" && $2 == "peer" && best() + 0 > fast[$1] + 0 {
	fast[$1] = best(); fastname[$1] = $3
}
$9 == "" && $2 == "quire" { q[$1] = $6 }
END {
	fmt = "%-8s %-50s %-6s %8s %9s %9s %10s %10s\n"
	printf fmt, "unit", "tool", "corpus", "seconds", "MB/s", "seg MB/s", \
	    "peak RSS", "x fastest"
	for (i = 1; i <= NR; i++) {
		split(line[i], f, "\t")
		if (f[9] != "") {
			printf "%-8s %-50s %-6s n/a (%s)\n", f[1], f[3], f[4], f[9]
			continue
		}
		b = f[7] != "-" ? f[7] : f[6]
		r = fast[f[1]] > 0 ? b / fast[f[1]] : -1
		x = r < 0 ? "-" : sprintf(r < 0.1 ? "%.3fx" : "%.2fx", r)
		rss = f[8] == "-" ? "-" : sprintf("%.1f MiB", f[8] / 1024)
		printf fmt, f[1], f[3], f[4], sprintf("%.3f", f[5]), f[6], f[7], \
		    rss, x
	}
	print ""
	print "goals (issue 3)"
	missed = 0
	for (n = 1; n <= 2; n++) {
		u = n == 1 ? "sentence" : "word"
		if (!(u in q)) {
			printf "  %s: quire segment did not run\n", u
			missed = 1
			continue
		}
		if (u == "sentence") {
			ok = q[u] >= sg
			missed += !ok
			printf "  %-80s %s\n", sprintf("sentences >= %d MB/s: %.1f MB/s", \
			    sg, q[u]), ok ? "met" : "MISSED"
		}
		if (fast[u] > 0) {
			ok = q[u] >= pg * fast[u]
			missed += !ok
			printf "  %-80s %s\n", sprintf("%ss >= %dx the fastest peer, %s" \
			    " (%.1f MB/s): %.2fx", u, pg, fastname[u], fast[u], \
			    q[u] / fast[u]), ok ? "met" : "MISSED"
		}
	}
	exit missed > 0
}' "$OUT/rows"
missed=$?
[ "${BENCH_STRICT:-0}" = 1 ] && [ "$missed" != 0 ] && status=1
exit $status
