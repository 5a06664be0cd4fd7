#!/bin/sh
# embed.sh FILE NAME: writes C source defining `static const unsigned char
# NAME[]` with the bytes of FILE and `NAME_len`, to compile a data file into
# the library (the built-in lexicons).  POSIX od and awk only.
set -eu
file=$1 name=$2
printf '/* Generated from %s by tools/embed.sh; do not edit. */\n' "$file"
printf 'static const unsigned char %s[] = {\n' "$name"
od -An -v -tu1 "$file" | awk '{
	line = "\t"
	for (i = 1; i <= NF; i++)
		line = line $i ","
	print line
}'
printf '\t0\n};\nstatic const size_t %s_len = sizeof(%s) - 1;\n' "$name" "$name"
