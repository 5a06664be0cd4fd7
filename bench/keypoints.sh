#!/bin/sh
# bench/keypoints.sh: articles per second of filters/extract-keypoints on
# the news corpus (issue 5; goal: 2,000 or more on one core).  Run from
# anywhere: `sh bench/keypoints.sh`.
#
# Corpus, built once under bench/out/keypoints/ (gitignored) from
# $QUIRE_DATA (default ../shared/data): the CNN and BBC articles of
# news_keypoints/*.jsonl (train and dev, 2,034 articles), repeated
# BENCH_REPEAT times (default 5), as
#   news.jsonl  JSON Lines {"title": ..., "text": ...}, for --json
#   news.nul    the texts, a NUL after each, for -z
# Each mode runs BENCH_RUNS times (default 5); the table gives the median
# wall time and articles per second.  Modes: key points from JSON Lines
# and from -z text, and key phrases (--phrases) from -z text.
#
# Environment:
#   QUIRE_DATA      data directory (default ../shared/data)
#   KEYPOINTS       program under test (default filters/extract-keypoints)
#   BENCH_RUNS      runs per mode (default 5)
#   BENCH_REPEAT    copies of the articles in the corpus (default 5)
#   BENCH_REBUILD   1 rebuilds the corpus
#   PYTHON          python3, to build the corpus (default python3)
set -u
LC_ALL=C
export LC_ALL

cd "$(dirname "$0")/.." || exit 1

DATA=${QUIRE_DATA:-../shared/data}
KEYPOINTS=${KEYPOINTS:-filters/extract-keypoints}
RUNS=${BENCH_RUNS:-5}
REPEAT=${BENCH_REPEAT:-5}
PYTHON=${PYTHON:-python3}
OUT=bench/out/keypoints

if [ ! -d "$DATA/news_keypoints" ]; then
	echo "bench: skipped: $DATA/news_keypoints not found"
	exit 0
fi
[ -x "$KEYPOINTS" ] || { echo "bench: $KEYPOINTS not built" >&2; exit 1; }
mkdir -p "$OUT" || exit 1

if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -s "$OUT/news.jsonl" ] ||
    [ ! -s "$OUT/news.nul" ] || [ "$(cat "$OUT/repeat" 2>/dev/null)" != "$REPEAT" ]; then
	"$PYTHON" - "$DATA/news_keypoints" "$OUT" "$REPEAT" <<'PY' || exit 1
import json, os, sys
src, out, rep = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
for f in sorted(os.listdir(src)):
    if f.endswith(".jsonl"):
        with open(os.path.join(src, f), encoding="utf-8") as fp:
            docs += [json.loads(l) for l in fp if l.strip()]
with open(os.path.join(out, "news.jsonl"), "w", encoding="utf-8") as j, \
        open(os.path.join(out, "news.nul"), "wb") as z:
    for _ in range(rep):
        for d in docs:
            j.write(json.dumps({"title": d.get("title"), "text": d["text"]},
                               ensure_ascii=False) + "\n")
            z.write(d["text"].encode() + b"\0")
with open(os.path.join(out, "repeat"), "w") as fp:
    fp.write("%d\n" % rep)
PY
fi
ndocs=$(wc -l <"$OUT/news.jsonl" | tr -d ' ')
mb=$(wc -c <"$OUT/news.nul" | awk '{ printf "%.1f", $1 / 1e6 }')

# median FILE: the middle of a column of numbers.
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2];
		else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# now: seconds since the epoch, with decimals.
now() {
	"$PYTHON" -c 'import time; print("%.6f" % time.time())'
}

echo "extract-keypoints: $ndocs articles ($mb MB of text), median of $RUNS runs"
printf '%-24s %10s %12s\n' mode seconds articles/s
for mode in json nul phrases; do
	case $mode in
	json) args=--json in=$OUT/news.jsonl label="--json (JSON Lines)" ;;
	nul) args=-z in=$OUT/news.nul label="-z (text)" ;;
	phrases) args="--phrases -z" in=$OUT/news.nul label="--phrases -z" ;;
	esac
	: >"$OUT/times.$mode"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(now)
		"$KEYPOINTS" $args <"$in" >/dev/null || exit 1
		t1=$(now)
		echo "$t0 $t1" | awk '{ printf "%.4f\n", $2 - $1 }' \
		    >>"$OUT/times.$mode"
		i=$((i + 1))
	done
	t=$(median "$OUT/times.$mode")
	printf '%-24s %10.3f %12.0f\n' "$label" "$t" \
	    "$(echo "$ndocs $t" | awk '{ print $1 / $2 }')"
done
