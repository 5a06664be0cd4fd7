#!/bin/sh
# embed_trees.sh FILE: writes C source for the boosted trees of
# tools/fit_kph_trees (FILE in its print_trees format): KPH_TREES_BASE,
# the score before the first tree, KPH_TREE_DEPTH, KPH_NTREES, and for
# common/keyphrases.c the complete trees one after another,
# `static const struct kph_split kph_tree_splits[]` ({ feature, threshold
# } in heap order, 2^depth - 1 a tree) and `static const double
# kph_tree_leaves[]` (2^depth a tree).
set -eu
file=$1
printf '/* Generated from %s by tools/embed_trees.sh; do not edit. */\n' "$file"
LC_ALL=C awk '
	function bad(why) {
		print "embed_trees.sh: " FILENAME ":" NR ": " why > "/dev/stderr"
		exit 1
	}
	function close_tree() {
		if (nt > 0 && (ns != nt * (2 ^ depth - 1) ||
		    nl != nt * 2 ^ depth))
			bad("tree " nt " is not complete")
	}
	/^#/ || /^$/ { next }
	$1 == "base" && NF == 2 { base = $2; next }
	$1 == "depth" && NF == 2 && $2 ~ /^[1-8]$/ { depth = $2; next }
	$1 == "tree" && NF == 1 && depth != "" { close_tree(); nt++; next }
	$1 == "split" && NF == 3 && $2 ~ /^[a-z0-9]+$/ && nt > 0 {
		sp[ns++] = "\t{ KPH_F_" toupper($2) ", " $3 " },"
		next
	}
	$1 == "leaf" && NF == 2 && nt > 0 { lf[nl++] = "\t" $2 ","; next }
	{ bad("bad line: " $0) }
	END {
		close_tree()
		if (base == "" || nt == 0)
			bad("no base or no tree")
		printf "#define KPH_TREES_BASE\t%s\n", base
		printf "#define KPH_TREE_DEPTH\t%d\n", depth
		printf "#define KPH_NTREES\t%d\n", nt
		print "static const struct kph_split kph_tree_splits[] = {"
		for (i = 0; i < ns; i++)
			print sp[i]
		print "};"
		print "static const double kph_tree_leaves[] = {"
		for (i = 0; i < nl; i++)
			print lf[i]
		print "};"
	}' "$file"
