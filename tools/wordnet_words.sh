#!/bin/sh
# wordnet_words: the single words of Princeton WordNet 3.0 (as Debian's
# wordnet-base installs it) with their parts of speech and the inflected
# forms English spelling gives them, for the tag dictionary of the UPOS
# model (train_tagger --dict-words; `make models`).  One "word CLASS" a
# line, in lower case:
#
#   N V A R       a lemma among WordNet's nouns, verbs, adjectives, adverbs
#   P             a noun WordNet only writes capitalized ("paris"); "NP"
#                 beside N when it writes it both ways ("turkey")
#   Ns            a noun's plural                  ("taxes", "mice")
#   Vs Ved Ving   a verb's -s, -ed and -ing forms  ("taxed", "stopping")
#   Vx Ax         an irregular form of a verb, an adjective (the *.exc
#                 files: "ran", "better")
#
# The regular forms follow the spelling rules that WordNet's morphy
# undoes (morphy(7WN)), run forwards, for words the *.exc files give no
# irregular form of that kind ("see" has "saw", so no "seed"; "mouse"
# has "mice", no "mouses"); a doubled final consonant
# ("stopped") is added beside the plain form for short words ending in
# consonant, vowel, consonant, so some forms are never written
# ("visitted"): harmless, nobody looks them up.  Lemmas of several words
# ("ice_cream") are left out: the tagger sees one word at a time.
#
# usage: wordnet_words.sh [DIR]   (default /usr/share/wordnet)
set -eu
dir=${1:-/usr/share/wordnet}
for f in data.noun index.noun index.verb index.adj index.adv noun.exc \
    verb.exc adj.exc; do
	if [ ! -r "$dir/$f" ]; then
		echo "wordnet_words: $dir/$f: not readable" \
		    "(apt-get install wordnet-base)" >&2
		exit 1
	fi
done
LC_ALL=C awk '
function plural(w) {
	if (w ~ /(s|x|z|ch|sh)$/)
		return w "es"
	if (w ~ /[^aeiou]y$/)
		return substr(w, 1, length(w) - 1) "ies"
	return w "s"
}
# "stop" -> "stopp": short words ending consonant, vowel, consonant.
function doubled(w) {
	if (length(w) <= 5 && w ~ /(^|[^aeiou])[aeiou][bdgklmnprt]$/)
		return w substr(w, length(w), 1)
	return ""
}
function hex(s,   i, v) {
	v = 0
	for (i = 1; i <= length(s); i++)
		v = v * 16 + index("0123456789abcdef", tolower(substr(s, i, 1))) - 1
	return v
}
function put(w, c) {
	if (w ~ /^[a-z][a-z0-9.\x27-]*$/ && !((w, c) in seen)) {
		seen[w, c] = 1
		print w, c
	}
}
function verb(w,   d, stem) {
	put(w, "V")
	put(plural(w), "Vs")
	if (w ~ /ie$/)
		stem = substr(w, 1, length(w) - 2) "y"
	else if (w ~ /[^eoy]e$/)
		stem = substr(w, 1, length(w) - 1)
	else
		stem = w
	put(stem "ing", "Ving")
	if ((d = doubled(w)) != "")
		put(d "ing", "Ving")
	if (w in irregular_verb)
		return		# "saw", not "seed"; "stopped" is listed
	if (w ~ /e$/)
		put(w "d", "Ved")
	else if (w ~ /[^aeiou]y$/)
		put(substr(w, 1, length(w) - 1) "ied", "Ved")
	else
		put(w "ed", "Ved")
	if (d != "")
		put(d "ed", "Ved")
}
FNR == 1 {
	n = split(FILENAME, part, "/")
	file = part[n]
}
/^ / { next }
# data.noun: how WordNet writes each noun (synset words keep their case).
file == "data.noun" {
	for (i = 0; i < hex($4); i++) {
		w = $(5 + 2 * i)
		if (w ~ /_/)
			continue
		if (w ~ /^[A-Z]/)
			cap[tolower(w)] = 1
		else
			low[tolower(w)] = 1
	}
	next
}
$1 ~ /_/ { next }
# The irregular forms first, to know which lemmas have them.
file == "noun.exc" { put($1, "Ns"); irregular_noun[$2] = 1; next }
file == "verb.exc" {
	put($1, "Vx")
	if ($1 !~ /(ing|s)$/)
		irregular_verb[$2] = 1	# a past form: no regular one
	next
}
file == "adj.exc" { put($1, "Ax"); next }
file == "index.noun" {
	if (!($1 in cap))
		put($1, "N")
	else if ($1 in low) {
		put($1, "N")
		put($1, "NP")
	} else
		put($1, "P")
	if (!($1 in irregular_noun))
		put(plural($1), "Ns")
}
file == "index.verb" { verb($1) }
file == "index.adj" { put($1, "A") }
file == "index.adv" { put($1, "R") }
' "$dir/data.noun" "$dir/noun.exc" "$dir/verb.exc" "$dir/adj.exc" \
    "$dir/index.noun" "$dir/index.verb" "$dir/index.adj" "$dir/index.adv"
