#!/bin/sh
# embed_names.sh FILE: writes C source defining `builtin_names`, the
# entries of FILE (data/tagger/names.txt: TYPE, a tab, the tokens one space
# apart) in C-locale order of their keys, to compile the name list into the
# library (common/names.c).  A key is the tokens in lower case with digits
# as 0, as the tagger folds words (common/feat.c); names with the same key
# are one entry of all their types.  Bit i of `upper` (`caps`) is set when
# token i is capitalised (in capitals, two letters or more).  Each run of
# a name's first tokens that is not a name itself is an entry of no type
# ("new york stock" for "New York Stock Exchange"), so that a lookup can
# stop at the first run of words that begins no name.
set -eu
file=$1
tab=$(printf '\t')
printf '/* Generated from %s by tools/embed_names.sh; do not edit. */\n' "$file"
# mawk has no bitwise functions: these are for masks below 64.
entries=$(LC_ALL=C awk -F '\t' '
	function bor(a, b,	r, v) {
		for (v = 32; v >= 1; v /= 2)
			if (a % (2 * v) >= v || b % (2 * v) >= v)
				r += v
		return r + 0
	}
	function band(a, b,	r, v) {
		for (v = 32; v >= 1; v /= 2)
			if (a % (2 * v) >= v && b % (2 * v) >= v)
				r += v
		return r + 0
	}
	BEGIN {
		bit["LOC"] = 1; bit["ORG"] = 2; bit["PER"] = 4
		bit["MISC"] = 8; bit["GIV"] = 16
	}
	/^#/ || /^$/ { next }
	NF != 2 || !($1 in bit) || $2 ~ /["\\]/ || $2 ~ /^ | $|  / {
		print "embed_names.sh: " FILENAME ":" NR ": bad line" \
		    > "/dev/stderr"
		bad = 1
		exit 1
	}
	{
		n = split($2, tok, " ")
		if (n > 6 || length($2) > 200) {
			print "embed_names.sh: " FILENAME ":" NR \
			    ": more than 6 tokens or 200 bytes" > "/dev/stderr"
			bad = 1
			exit 1
		}
		up = 0; caps = 0
		for (i = 1; i <= n; i++) {
			if (tok[i] ~ /^[A-Z]/)
				up += 2 ^ (i - 1)
			t = tok[i]
			if (t !~ /[a-z]/ && gsub(/[A-Z]/, "&", t) >= 2)
				caps += 2 ^ (i - 1)
		}
		key = tolower($2)
		gsub(/[0-9]/, "0", key)
		p = ""
		for (i = 1; i < n; i++) {
			p = p (i > 1 ? " " : "") tolower(tok[i])
			gsub(/[0-9]/, "0", p)
			prefix[p] = 1
		}
		if (key in types) {
			types[key] = bor(types[key], bit[$1])
			upper[key] = band(upper[key], up)
			acro[key] = band(acro[key], caps)
		} else {
			types[key] = bit[$1]
			upper[key] = up
			acro[key] = caps
		}
	}
	END {
		if (bad)
			exit 1
		for (key in types)
			printf "%s\t\t{ \"%s\", %d, %d, %d, %d },\n", key,
			    key, length(key), types[key], upper[key], acro[key]
		for (key in prefix)
			if (!(key in types))
				printf "%s\t\t{ \"%s\", %d, 0, 0, 0 },\n", key,
				    key, length(key)
	}' "$file")
printf 'static const struct name_entry builtin_names[] = {\n'
# Sorted by the key alone: in whole lines, "new york" and its quote would
# sort after "new york times".
printf '%s\n' "$entries" | LC_ALL=C sort -t "$tab" -k1,1 | cut -f2-
printf '};\n'
