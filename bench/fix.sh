#!/bin/sh
# bench/fix.sh: throughput of `normalize --fix` (issue 6) on clean and on
# broken news text, beside plain `normalize` on the same clean text.
# Run from anywhere: `sh bench/fix.sh`.  The goal: clean text at 200 MB/s
# or better with --fix, since most input needs no fix.
#
# Corpora, built once under bench/out/ (gitignored) from $QUIRE_DATA
# (default ../shared/data, relative to the repo root):
#   fix-clean.txt   the "text" fields of unlabeled_news/reuters21578.jsonl
#                   and news_keypoints/*.jsonl, repeated to at least 64 MiB
#   fix-broken.txt  the broken sentences of tests/fix/gen.py (mojibake once
#                   and twice, Latin-1, entities, ANSI, C1, glued sentences,
#                   hyphenation), a line each, repeated to at least 64 MiB
#
# Each case runs BENCH_RUNS times (default 5); the median wall time is
# reported, with MB/s (10^6 bytes of input per second) and the median peak
# RSS from /usr/bin/time's %M when that program exists.
#
# Environment: QUIRE_DATA, NORMALIZE (default filters/normalize),
# BENCH_RUNS, BENCH_REBUILD=1 (rebuild the corpora), BENCH_STRICT=1 (a
# missed goal exits 1).
set -u
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.." || exit 1

DATA=${QUIRE_DATA:-../shared/data}
NORMALIZE=${NORMALIZE:-filters/normalize}
RUNS=${BENCH_RUNS:-5}
OUT=bench/out
MIN_BYTES=67108864
GOAL_MBS=200

if [ ! -d "$DATA/news_keypoints" ] || ! command -v python3 >/dev/null; then
	echo "bench: skipped: no $DATA/news_keypoints or no python3"
	exit 0
fi
mkdir -p "$OUT" || exit 1

# repeat SRC DST: SRC copied into DST until DST has MIN_BYTES.
repeat() {
	: >"$2.tmp" || exit 1
	while [ "$(wc -c <"$2.tmp")" -lt "$MIN_BYTES" ]; do
		cat "$1" >>"$2.tmp" || exit 1
	done
	mv "$2.tmp" "$2"
}

if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -s "$OUT/fix-clean.txt" ]; then
	python3 - "$DATA" >"$OUT/fix-clean.src" <<'PY' || exit 1
import glob, json, sys
d = sys.argv[1]
for f in [d + "/unlabeled_news/reuters21578.jsonl"] + \
        sorted(glob.glob(d + "/news_keypoints/*.jsonl")):
    for line in open(f, encoding="utf-8"):
        sys.stdout.write(json.loads(line)["text"] + "\n\n")
PY
	repeat "$OUT/fix-clean.src" "$OUT/fix-clean.txt"
	rm -f "$OUT/fix-clean.src"
fi
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -s "$OUT/fix-broken.txt" ]; then
	python3 tests/fix/gen.py "$DATA" "$OUT/fixset" 2>/dev/null || exit 1
	python3 - "$OUT/fixset/broken.jsonl" >"$OUT/fix-broken.src" <<'PY' ||
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    sys.stdout.write(json.loads(line)["text"] + "\n")
PY
	    exit 1
	repeat "$OUT/fix-broken.src" "$OUT/fix-broken.txt"
	rm -rf "$OUT/fix-broken.src" "$OUT/fixset"
fi

timer=
[ -x /usr/bin/time ] && timer="/usr/bin/time -f %M -o $OUT/fix.rss"

# bench NAME FILE ARGS...: prints "NAME  MB/s  seconds  KiB" (medians).
status=0
bench() {
	name=$1 file=$2
	shift 2
	bytes=$(wc -c <"$file")
	: >"$OUT/fix.times"
	: >"$OUT/fix.rsss"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(date +%s.%N)
		$timer "$NORMALIZE" "$@" "$file" >/dev/null || exit 1
		t1=$(date +%s.%N)
		echo "$t1 - $t0" | bc >>"$OUT/fix.times"
		[ -n "$timer" ] && cat "$OUT/fix.rss" >>"$OUT/fix.rsss"
		i=$((i + 1))
	done
	t=$(sort -n "$OUT/fix.times" | sed -n "$(((RUNS + 1) / 2))p")
	rss=$(sort -n "$OUT/fix.rsss" | sed -n "$(((RUNS + 1) / 2))p")
	mbs=$(echo "scale=1; $bytes / 1000000 / $t" | bc)
	printf '%-34s %8s MB/s %7.3fs %8s KiB\n' "$name" "$mbs" "$t" "${rss:--}"
	last_mbs=$mbs
}

echo "normalize --fix throughput (median of $RUNS runs)"
bench "clean, normalize" "$OUT/fix-clean.txt"
bench "clean, normalize --fix" "$OUT/fix-clean.txt" --fix
clean_mbs=$last_mbs
bench "clean, normalize --fix=encoding" "$OUT/fix-clean.txt" --fix=encoding
bench "broken, normalize" "$OUT/fix-broken.txt"
bench "broken, normalize --fix" "$OUT/fix-broken.txt" --fix
if [ "$(echo "$clean_mbs >= $GOAL_MBS" | bc)" = 1 ]; then
	echo "goal: clean text with --fix at $clean_mbs MB/s >= $GOAL_MBS: met"
else
	echo "goal: clean text with --fix at $clean_mbs MB/s < $GOAL_MBS: MISSED"
	[ "${BENCH_STRICT:-0}" = 1 ] && status=1
fi
rm -f "$OUT/fix.times" "$OUT/fix.rss" "$OUT/fix.rsss"
exit $status
