#!/bin/sh
# embed_poslex.sh FILE: writes C source for the part-of-speech lexicon of
# tools/learn_poslex.sh: `static const struct kph_lex kph_lex[]`, the
# "word TAG" lines of FILE in their (byte) order as { word, its length in
# bytes, the enum kph_pos of TAG (KPH_POS_OTHER for tags outside it) }, for
# common/keyphrases.c to search.
set -eu
file=$1
printf '/* Generated from %s by tools/embed_poslex.sh; do not edit. */\n' \
    "$file"
LC_ALL=C awk '
	BEGIN {
		split("NOUN PROPN ADJ VERB ADV NUM", t, " ")
		for (i in t)
			pos[t[i]] = "KPH_POS_" t[i]
	}
	/^#/ || /^$/ { next }
	NF != 2 || /["\\]/ || ($1 "") <= (prev "") {
		print "embed_poslex.sh: bad or unsorted line: " $0 > "/dev/stderr"
		exit 1
	}
	{
		prev = $1
		p = ($2 in pos) ? pos[$2] : "KPH_POS_OTHER"
		print "\t{ \"" $1 "\", " length($1) ", " p " },"
	}
	BEGIN { print "static const struct kph_lex kph_lex[] = {" }
	END { print "};" }' "$file"
