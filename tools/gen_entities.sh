#!/bin/sh
# gen_entities.sh FILE: writes the C table of HTML named character
# references for common/fix.c from FILE (data/html/entities.txt: a name and
# one or two hexadecimal code points a line; # comments skipped), sorted by
# name in byte order so the engine can search it.
set -eu
file=$1
printf '/* Generated from %s by tools/gen_entities.sh; do not edit. */\n' "$file"
printf 'static const struct fix_entity fix_entities[] = {\n'
LC_ALL=C awk '
	/^#/ || /^$/ { next }
	NF < 2 || NF > 3 || $1 !~ /^[A-Za-z][A-Za-z0-9]*$/ {
		print "gen_entities.sh: bad line: " $0 > "/dev/stderr"; exit 1
	}
	{ printf "\t{ \"%s\", 0x%s, 0x%s },\n", $1, $2, NF == 3 ? $3 : "0" }' \
    "$file" | LC_ALL=C sort -t '"' -k 2,2
printf '};\n'
