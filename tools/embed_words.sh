#!/bin/sh
# embed_words.sh FILE NAME: writes C source defining `static const char
# *const NAME[]`, the lines of FILE (a sorted word list; # comments and
# empty lines skipped), to compile a word list into the library.
set -eu
file=$1 name=$2
printf '/* Generated from %s by tools/embed_words.sh; do not edit. */\n' "$file"
printf 'static const char *const %s[] = {\n' "$name"
LC_ALL=C awk '
	/^#/ || /^$/ { next }
	/["\\]/ { print "embed_words.sh: bad word: " $0 > "/dev/stderr"; exit 1 }
	{ print "\t\"" $0 "\"," }' "$file"
printf '};\n'
