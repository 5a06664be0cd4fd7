#!/bin/sh
# bench/normalize.sh: throughput and memory of filters/normalize against
# ICU, the reference implementation of Unicode normalization: the uconv
# tool (Debian icu-devtools) and the ICU library itself (bench/icu_normalize.c,
# compiled here). Run from anywhere: `make bench`, or `sh bench/normalize.sh`.
#
# Corpora, built once under bench/out/ (gitignored) from the news text in
# $QUIRE_DATA (default ../shared/data, relative to the repo root):
#   news.txt   the "text" fields of unlabeled_news/reuters21578.jsonl and
#              news_keypoints/*.jsonl, repeated to at least 64 MiB
#   ascii.txt  news.txt without its non-ASCII bytes
#   nfd.txt    the news text with every e, o, a decomposed: e+U+0301,
#              o+U+0308, and a+U+0301+U+0323 (out of canonical order), so
#              that NFC has to reorder and compose about a quarter of letters
#   line1g.txt ascii.txt with newlines turned into spaces: one 1 GiB line
#              with no newline, for the peak-RSS (streaming) test
#
# Each (corpus, tool) pair runs BENCH_RUNS times (default 5) and the median
# wall time is reported; the 1 GiB line runs BENCH_BIG_RUNS times (default
# 3). Peak RSS comes from /usr/bin/time's %M. MB is 10^6 bytes of input.
#
# Environment:
#   QUIRE_DATA      data directory (default ../shared/data)
#   NORMALIZE       program under test (default filters/normalize); `cat`
#                   is a useful stand-in to test this script
#   BENCH_RUNS      runs per pair on the 64 MiB corpora (default 5)
#   BENCH_BIG_RUNS  runs on the 1 GiB line (default 3; 0 skips it)
#   BENCH_BUDGET    seconds after which a pair stops early (default 60)
#   BENCH_UCONV     0 skips uconv (the slowest peer)
#   BENCH_REBUILD   1 rebuilds the corpora
#   BENCH_STRICT    1 makes a missed goal exit with status 1
#   CC              compiler for bench/icu_normalize.c (default cc)

# Word splitting of $nargs, $iargs and $SOURCES is deliberate; results
# live in variables named by eval (news_nfc_norm and so on).
# shellcheck disable=SC2086,SC2046,SC2154
set -u
LC_ALL=C
export LC_ALL

cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh

DATA=${QUIRE_DATA:-../shared/data}
NORMALIZE=${NORMALIZE:-filters/normalize}
RUNS=${BENCH_RUNS:-5}
BIG_RUNS=${BENCH_BIG_RUNS:-3}
BUDGET=${BENCH_BUDGET:-60}
OUT=bench/out
MIN_BYTES=67108864	# 64 MiB
BIG_BYTES=1073741824	# 1 GiB
RSS_GOAL_KIB=8192	# 8 MiB
CORPUS_VERSION=1	# bump when the corpus recipe changes
status=0


if [ ! -d "$DATA" ]; then
	echo "bench: skipped: $DATA not found"
	exit 0
fi
REUTERS=$DATA/unlabeled_news/reuters21578.jsonl
set -- "$REUTERS" "$DATA"/news_keypoints/*.jsonl
for f; do
	[ -r "$f" ] || { echo "bench: skipped: $f not found"; exit 0; }
done
SOURCES="$*"

case $NORMALIZE in
*/*)	[ -x "$NORMALIZE" ] ||
	    die "$NORMALIZE not found: build it first (make)" ;;
*)	command -v "$NORMALIZE" >/dev/null 2>&1 ||
	    die "$NORMALIZE not found in PATH" ;;
esac
mkdir -p "$OUT" || exit 1

# ---- helpers ---------------------------------------------------------

# timeit CORPUS CMD ARGS...: run CMD < CORPUS > /dev/null once; append
# "SECONDS RSS_KIB" to $OUT/times and, for icu_normalize, its in-process
# normalize-only seconds to $OUT/inproc. Stops the bench if CMD fails.
timeit() {
	corpus=$1
	shift
	if ! timed_run "$corpus" "$@"; then
		cat "$OUT/stderr.out" >&2
		die "'$*' < $corpus failed with status $rc"
	fi
	echo "$e $rss" >> "$OUT/times"
	sed -n 's/.*, normalize \([0-9.]*\) s,.*/\1/p' "$OUT/stderr.out" \
	    >> "$OUT/inproc"
}

# bench_pair CORPUS NRUNS CMD ARGS...: sets SECS (median), RSS (median
# peak, KiB), INPROC (median in-process seconds, or empty) and NOTE (how
# many runs, if fewer than NRUNS because they took over BUDGET seconds).
bench_pair() {
	corpus=$1 n=$2
	shift 2
	: > "$OUT/times"
	: > "$OUT/inproc"
	i=0
	while [ "$i" -lt "$n" ]; do
		timeit "$corpus" "$@"
		i=$((i + 1))
		# A slow tool gets fewer runs, to keep the bench within minutes.
		if [ "$i" -lt "$n" ] && awk -v b="$BUDGET" '{ t += $1 }
		    END { exit !(t > b) }' "$OUT/times"; then
			say "over ${BUDGET}s: stopping after $i of $n runs"
			break
		fi
	done
	NOTE=
	[ "$i" -lt "$n" ] && NOTE=" [$i of $n runs]"
	SECS=$(cut -d' ' -f1 "$OUT/times" | median)
	RSS=$(cut -d' ' -f2 "$OUT/times" | median 2>/dev/null || echo -)
	INPROC=$(median < "$OUT/inproc" 2>/dev/null || true)
}

# row CORPUS TOOL SECS RSS BYTES [REF_SECS]: a line of the table; the last
# column is normalize's throughput over this tool's (REF_SECS is normalize's).
row() {
	awk -v c="$1" -v t="$2" -v s="$3" -v r="$4" -v b="$5" -v ref="${6:-}" '
	BEGIN {
		mbs = s > 0 ? b / s / 1e6 : 0
		rss = r == "-" ? "-" : sprintf("%.1f MiB", r / 1024)
		x = (ref != "" && ref > 0) ? sprintf("%.2fx", s / ref) : "-"
		printf "%-10s %-34s %9.3f %9.1f %10s %8s\n", c, t, s, mbs, rss, x
	}'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# goal TEXT OK(1/0): a line of the goals list.
goal() {
	if [ "$2" = 1 ]; then
		printf '  %-72s met\n' "$1"
	else
		printf '  %-72s MISSED\n' "$1"
		[ "${BENCH_STRICT:-0}" = 1 ] && status=1
	fi
}

# ---- corpora -----------------------------------------------------------

# extract FILE...: each JSON Lines record's "text", then a newline.
extract() {
	if command -v python3 >/dev/null 2>&1; then
		python3 -c '
import json, sys
out = sys.stdout.buffer
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text")
            if isinstance(t, str):
                out.write(t.encode("utf-8", "replace") + b"\n")
' "$@"
	elif command -v jq >/dev/null 2>&1; then
		jq -r '.text // empty' "$@"
	else
		die "need python3 or jq to read JSON Lines"
	fi
}

# repeat_to SRC DST BYTES: DST is SRC repeated whole until >= BYTES, so
# that no UTF-8 sequence is cut.
repeat_to() {
	: > "$2.tmp" || exit 1
	while [ "$(size_of "$2.tmp")" -lt "$3" ]; do
		cat "$1" >> "$2.tmp" || exit 1
	done
	mv "$2.tmp" "$2"
}

stamp=$( { echo "$CORPUS_VERSION $DATA"; ls -lL $SOURCES; } | cksum)
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f "$OUT/corpora.stamp" ] ||
    [ "$(cat "$OUT/corpora.stamp")" != "$stamp" ] ||
    [ ! -f "$OUT/news.txt" ] || [ ! -f "$OUT/ascii.txt" ] ||
    [ ! -f "$OUT/nfd.txt" ] || [ ! -f "$OUT/line1g.txt" ]; then
	say "building corpora in $OUT from $DATA"
	rm -f "$OUT/corpora.stamp"
	extract $SOURCES > "$OUT/base.txt" || die "cannot extract text"
	[ -s "$OUT/base.txt" ] || die "no text in $SOURCES"
	tr -d '\200-\377' < "$OUT/base.txt" > "$OUT/base-ascii.txt"
	acute=$(printf '\314\201')
	diaer=$(printf '\314\210')
	dot=$(printf '\314\243')
	sed "s/e/e$acute/g; s/o/o$diaer/g; s/a/a$acute$dot/g" \
	    < "$OUT/base.txt" > "$OUT/base-nfd.txt"
	repeat_to "$OUT/base.txt" "$OUT/news.txt" $MIN_BYTES
	repeat_to "$OUT/base-ascii.txt" "$OUT/ascii.txt" $MIN_BYTES
	repeat_to "$OUT/base-nfd.txt" "$OUT/nfd.txt" $MIN_BYTES
	# cat ends (status > 0) when head closes the pipe, ending the loop.
	while cat "$OUT/ascii.txt"; do :; done 2>/dev/null | tr '\n' ' ' |
	    head -c $BIG_BYTES > "$OUT/line1g.txt"
	[ "$(size_of "$OUT/line1g.txt")" -eq $BIG_BYTES ] ||
	    die "cannot build $OUT/line1g.txt"
	rm -f "$OUT/base.txt" "$OUT/base-ascii.txt" "$OUT/base-nfd.txt"
	echo "$stamp" > "$OUT/corpora.stamp"
fi

# ---- peers -----------------------------------------------------------------

ICU=
if pkg-config --exists icu-uc 2>/dev/null; then
	# shellcheck disable=SC2046
	if ${CC:-cc} -O2 bench/icu_normalize.c \
	    $(pkg-config --cflags --libs icu-uc) -o "$OUT/icu_normalize"; then
		ICU=$OUT/icu_normalize
	else
		say "note: cannot compile bench/icu_normalize.c: no ICU library rows"
	fi
else
	say "note: pkg-config icu-uc not found (apt libicu-dev): no ICU library rows"
fi
UCONV=
if [ "${BENCH_UCONV:-1}" != 0 ]; then
	if command -v uconv >/dev/null 2>&1; then
		UCONV=uconv
	else
		say "note: uconv not found (apt icu-devtools): no uconv rows"
	fi
fi

# Does the program under test know -f nfkc? (`cat` does not.)
NFKC=1
if ! printf 'x\n' | "$NORMALIZE" -f nfkc > /dev/null 2>&1; then
	NFKC=0
	say "note: '$NORMALIZE -f nfkc' fails: no NFKC rows"
fi

# ---- timing ----------------------------------------------------------------

echo "quire normalize benchmark: $NORMALIZE"
echo "median of $RUNS runs (1 GiB line: $BIG_RUNS); MB = 10^6 bytes of input;"
echo "'norm x' = normalize's throughput over the tool's on the same corpus and form"
echo "$(uname -sm), $(nproc 2>/dev/null || echo ?) cpu, $(uconv --version 2>/dev/null)"
echo
printf '%-10s %-34s %9s %9s %10s %8s\n' corpus tool seconds MB/s "peak RSS" "norm x"

# Results kept for the goals: <corpus>_<what>=value.
for c in news ascii nfd; do
	corpus=$OUT/$c.txt
	bytes=$(size_of "$corpus")
	cat "$corpus" > /dev/null	# warm the page cache
	for form in nfc nfkc; do
		if [ "$form" = nfc ]; then
			FORM=NFC nargs='' iargs=''
		else
			[ "$NFKC" = 1 ] || continue
			FORM=NFKC nargs="-f nfkc" iargs=-k
		fi
		say "$c.txt: $NORMALIZE${nargs:+ $nargs}"
		bench_pair "$corpus" "$RUNS" "$NORMALIZE" $nargs
		ref=$SECS
		eval "${c}_${form}_norm=\$SECS"
		row "$c.txt" "normalize${nargs:+ $nargs}$NOTE" "$SECS" "$RSS" "$bytes"
		if [ -n "$ICU" ]; then
			say "$c.txt: icu_normalize${iargs:+ $iargs}"
			bench_pair "$corpus" "$RUNS" "$ICU" $iargs
			eval "${c}_${form}_icu=\$SECS ${c}_${form}_icuin=\$INPROC"
			row "$c.txt" "icu_normalize${iargs:+ $iargs} (ICU lib)$NOTE" \
			    "$SECS" "$RSS" "$bytes" "$ref"
			row "$c.txt" "  of which unorm2_normalize only" \
			    "$INPROC" - "$bytes" "$ref"
		fi
		if [ -n "$UCONV" ]; then
			say "$c.txt: uconv -x Any-$FORM"
			bench_pair "$corpus" "$RUNS" "$UCONV" -f utf-8 -t utf-8 \
			    -x "Any-$FORM"
			eval "${c}_${form}_uconv=\$SECS"
			row "$c.txt" "uconv -x Any-$FORM$NOTE" "$SECS" "$RSS" \
			    "$bytes" "$ref"
		fi
	done
done

# Does normalize produce what ICU produces? Its default profile also cleans
# up (drops format characters such as U+200E), so compare with --raw, which
# is the bare normalization form, when the program knows it. The sizes show
# how much work the form did.
if [ -n "$ICU" ]; then
	RAW=--raw
	printf 'x\n' | "$NORMALIZE" --raw > /dev/null 2>&1 || RAW=
	echo
	for c in news ascii nfd; do
		for form in nfc nfkc; do
			if [ "$form" = nfc ]; then
				FORM=NFC nargs='' iargs=''
			else
				[ "$NFKC" = 1 ] || continue
				FORM=NFKC nargs="-f nfkc" iargs=-k
			fi
			a=$("$NORMALIZE" $RAW $nargs < "$OUT/$c.txt" | cksum)
			b=$("$ICU" $iargs < "$OUT/$c.txt" 2>/dev/null | cksum)
			set -- $b
			if [ "$a" = "$b" ]; then
				same="same bytes as ICU"
			else
				same="DIFFERS from ICU"
			fi
			printf 'check: %-9s %-4s normalize%s: %s (%d bytes in, %d out of ICU)\n' \
			    "$c.txt" "$FORM" "${RAW:+ $RAW}" "$same" \
			    "$(size_of "$OUT/$c.txt")" "$2"
		done
	done
fi

big_norm=
if [ "$BIG_RUNS" -gt 0 ]; then
	say "line1g.txt: $NORMALIZE ($BIG_RUNS runs)"
	cat "$OUT/line1g.txt" > /dev/null
	bench_pair "$OUT/line1g.txt" "$BIG_RUNS" "$NORMALIZE"
	big_norm=$SECS big_rss=$RSS
	echo
	row line1g.txt "normalize (one 1 GiB line)$NOTE" "$SECS" "$RSS" $BIG_BYTES
fi

# ---- goals ---------------------------------------------------------------

echo
echo "goals"
if [ -n "$UCONV" ]; then
	for c in news ascii nfd; do
		eval "r=\$(ratio \$${c}_nfc_uconv \$${c}_nfc_norm)"
		goal "NFC >= 5x uconv on $c.txt: ${r}x" \
		    "$(awk -v r="$r" 'BEGIN { print (r >= 5) }')"
	done
fi
if [ -n "$ICU" ]; then
	for c in news ascii nfd; do
		for form in nfc nfkc; do
			eval "t=\${${c}_${form}_icu:-}"
			[ -n "$t" ] || continue
			eval "r=\$(ratio \$t \$${c}_${form}_norm)"
			eval "ri=\$(ratio \$${c}_${form}_icuin \$${c}_${form}_norm)"
			goal "not slower than ICU library, $form on $c.txt: ${r}x (vs unorm2 alone ${ri}x)" \
			    "$(awk -v r="$r" 'BEGIN { print (r >= 1) }')"
		done
	done
fi
gbs=$(awk -v b="$(size_of "$OUT/ascii.txt")" -v s="$ascii_nfc_norm" \
    'BEGIN { printf "%.2f", (s > 0 ? b / s / 1e9 : 0) }')
goal "ASCII >= 1 GB/s (ascii.txt, NFC): $gbs GB/s" \
    "$(awk -v g="$gbs" 'BEGIN { print (g >= 1) }')"
if [ -n "$big_norm" ]; then
	gbs=$(awk -v s="$big_norm" 'BEGIN { printf "%.2f", (s > 0 ? 1073741824 / s / 1e9 : 0) }')
	if [ "$big_rss" = - ]; then
		echo "  peak RSS on the 1 GiB line: unknown (no /usr/bin/time); $gbs GB/s"
	else
		goal "peak RSS < 8 MiB on the 1 GiB line: $(awk -v r="$big_rss" \
		    'BEGIN { printf "%.1f", r / 1024 }') MiB ($gbs GB/s)" \
		    "$(awk -v r="$big_rss" -v g=$RSS_GOAL_KIB 'BEGIN { print (r < g) }')"
	fi
fi
rm -f "$OUT/times" "$OUT/inproc" "$OUT/time.out" "$OUT/stderr.out"
exit $status
