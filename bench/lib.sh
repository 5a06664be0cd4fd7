# bench/lib.sh: helpers the benchmark scripts share; sourced, not run.
# The script defines OUT (its output directory) first.

say() { printf 'bench: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

size_of() { n=$(wc -c < "$1") && echo $((n)); }

# median: one number a line on stdin, the median on stdout.
median() {
	sort -n | awk '{ v[NR] = $1 }
	    END { if (NR == 0) exit 1
		  if (NR % 2) print v[(NR + 1) / 2]
		  else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Nanosecond clock if date has %N (GNU), else only /usr/bin/time's %e.
if [ "$(date +%N)" != N ] && [ -n "$(date +%N)" ]; then
	HAVE_NS=1
else
	HAVE_NS=0
fi
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' -o /dev/null true \
    2>/dev/null; then
	HAVE_TIME=1
else
	HAVE_TIME=0
	say "note: /usr/bin/time (apt package 'time') missing: no RSS figures"
fi
[ "$HAVE_NS" = 1 ] || [ "$HAVE_TIME" = 1 ] ||
    die "need GNU date (+%N) or /usr/bin/time to measure time"

# timed_run STDIN CMD ARGS...: runs CMD < STDIN > /dev/null once, its
# stderr in $OUT/stderr.out.  Sets e (wall seconds), rss (peak KiB, or -)
# and cpu (user + system seconds, or -).  Status: CMD's.
timed_run() {
	in=$1
	shift
	t0=0
	[ "$HAVE_NS" = 1 ] && t0=$(date +%s%N)
	if [ "$HAVE_TIME" = 1 ]; then
		/usr/bin/time -f '%e %M %U %S' -o "$OUT/time.out" "$@" \
		    < "$in" > /dev/null 2> "$OUT/stderr.out"
	else
		"$@" < "$in" > /dev/null 2> "$OUT/stderr.out"
	fi
	rc=$?
	t1=0
	[ "$HAVE_NS" = 1 ] && t1=$(date +%s%N)
	[ "$rc" -eq 0 ] || return "$rc"
	if [ "$HAVE_TIME" = 1 ]; then
		# A failing command adds a line before the figures: take the last.
		set -- $(tail -n 1 "$OUT/time.out")
		e=$1 rss=$2
		cpu=$(awk -v u="$3" -v s="$4" 'BEGIN { printf "%.2f", u + s }')
	else
		e=0 rss=- cpu=-
	fi
	if [ "$HAVE_NS" = 1 ]; then
		e=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
	fi
	return 0
}
