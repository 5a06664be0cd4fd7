/*
 * Unit tests for stem: the examples Porter's paper (1980) gives for each
 * step, and words the stemmer must leave alone.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "stem.h"

static void
check(const char *in, const char *want)
{
	unsigned char	 w[64];
	size_t		 n = strlen(in), m;

	cr_assert_lt(n, sizeof(w));
	memcpy(w, in, n);
	m = stem_porter(w, n);
	cr_assert(m == strlen(want) && memcmp(w, want, m) == 0,
	    "%s: got %.*s, want %s", in, (int)m, (const char *)w, want);
}

Test(stem, step1a)
{
	check("caresses", "caress");
	check("ponies", "poni");
	check("ties", "ti");
	check("caress", "caress");
	check("cats", "cat");
}

Test(stem, step1b)
{
	check("feed", "feed");
	check("agreed", "agre");
	check("plastered", "plaster");
	check("bled", "bled");
	check("motoring", "motor");
	check("sing", "sing");
	check("conflated", "conflat");
	check("troubled", "troubl");
	check("sized", "size");
	check("hopping", "hop");
	check("tanned", "tan");
	check("falling", "fall");
	check("hissing", "hiss");
	check("fizzed", "fizz");
	check("failing", "fail");
	check("filing", "file");
}

Test(stem, step1c)
{
	check("happy", "happi");
	check("sky", "sky");
}

Test(stem, step2)
{
	check("relational", "relat");
	check("conditional", "condit");
	check("rational", "ration");
	check("valenci", "valenc");
	check("digitizer", "digit");
	check("conformabli", "conform");
	check("radicalli", "radic");
	check("differentli", "differ");
	check("vileli", "vile");
	check("analogousli", "analog");
	check("vietnamization", "vietnam");
	check("predication", "predic");
	check("operator", "oper");
	check("feudalism", "feudal");
	check("decisiveness", "decis");
	check("hopefulness", "hope");
	check("callousness", "callous");
	check("formaliti", "formal");
	check("sensitiviti", "sensit");
	check("sensibiliti", "sensibl");
}

Test(stem, step3)
{
	check("triplicate", "triplic");
	check("formative", "form");
	check("formalize", "formal");
	check("electriciti", "electr");
	check("electrical", "electr");
	check("hopeful", "hope");
	check("goodness", "good");
}

Test(stem, step4)
{
	check("revival", "reviv");
	check("allowance", "allow");
	check("inference", "infer");
	check("airliner", "airlin");
	check("adjustable", "adjust");
	check("defensible", "defens");
	check("irritant", "irrit");
	check("replacement", "replac");
	check("adjustment", "adjust");
	check("dependent", "depend");
	check("adoption", "adopt");
	check("homologou", "homolog");
	check("communism", "commun");
	check("activate", "activ");
	check("angulariti", "angular");
	check("homologous", "homolog");
	check("effective", "effect");
	check("bowdlerize", "bowdler");
}

Test(stem, step5)
{
	check("probate", "probat");
	check("rate", "rate");
	check("cease", "ceas");
	check("controlling", "control");
	check("roll", "roll");
}

/* The paper's own example of forms that merge. */
Test(stem, merges)
{
	check("connect", "connect");
	check("connected", "connect");
	check("connecting", "connect");
	check("connection", "connect");
	check("connections", "connect");
	check("generalizations", "gener");
}

Test(stem, left_alone)
{
	check("as", "as");
	check("is", "is");
	check("", "");
	check("U.S.", "U.S.");
	check("e-mail", "e-mail");
	check("covid19", "covid19");
	check("Running", "Running");
	check("caf\xc3\xa9s", "caf\xc3\xa9s");
}
