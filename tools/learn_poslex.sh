#!/bin/sh
# learn_poslex.sh CONLLU...: writes the part-of-speech lexicon of
# extract-keypoints --candidates=lexicon (data/keyphrases/poslex.txt): each
# word form seen at least twice in the CoNLL-U files, lower-cased (ASCII),
# with the universal tag it has most often (ties to the tag first in
# byte order), one "word TAG" line each, in byte order.  Multi-word tokens
# ("don't" 1-2) are skipped; their parts are counted.
set -eu
printf '# Most frequent UPOS of word forms, learned by tools/learn_poslex.sh\n'
printf '# from %s; do not edit by hand.\n' "$(for f; do basename "$f"; done |
    tr '\n' ' ' | sed 's/ $//')"
LC_ALL=C awk -F '\t' '
	/^#/ || NF != 10 || $1 !~ /^[0-9]+$/ { next }
	{
		w = tolower($2)
		if (w ~ /[ "\\]/)
			next
		n[w]++
		c[w SUBSEP $4]++
	}
	END {
		for (k in c) {
			split(k, p, SUBSEP)
			w = p[1]
			if (n[w] < 2)
				continue
			if (c[k] > best[w] || (c[k] == best[w] && p[2] < tag[w])) {
				best[w] = c[k]
				tag[w] = p[2]
			}
		}
		for (w in tag)
			print w, tag[w]
	}' "$@" | LC_ALL=C sort
