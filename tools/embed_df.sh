#!/bin/sh
# embed_df.sh FILE: writes C source for the document frequencies of
# tools/learn_df: `KPH_DF_DOCS`, the number of documents counted, and
# `static const struct kph_df kph_df[]`, the "stem df" lines of FILE in
# their (byte) order as { stem, its length in bytes, df }, for
# common/keyphrases.c to search.
set -eu
file=$1
printf '/* Generated from %s by tools/embed_df.sh; do not edit. */\n' "$file"
LC_ALL=C awk '
	/^# docs / { docs = $3; next }
	/^#/ || /^$/ { next }
	NF != 2 || /["\\]/ || $1 <= prev {
		print "embed_df.sh: bad or unsorted line: " $0 > "/dev/stderr"
		exit 1
	}
	{ prev = $1; line[n++] = "\t{ \"" $1 "\", " length($1) ", " $2 " }," }
	END {
		if (docs == "") {
			print "embed_df.sh: no # docs line" > "/dev/stderr"
			exit 1
		}
		printf "#define KPH_DF_DOCS\t%d\n", docs
		print "static const struct kph_df kph_df[] = {"
		for (i = 0; i < n; i++)
			print line[i]
		print "};"
	}' "$file"
