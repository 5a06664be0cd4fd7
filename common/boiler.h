/*
 * boiler: tells the sentences of a news page that carry no content (the
 * furniture a scraper leaves in the text) from those that do, for
 * extract-keypoints, which must never pick them as key points (issue 5).
 *
 * A sentence is judged on its tokens alone (token.h), by rules written for
 * English news pages:
 *
 *   byline     "By" and a capitalized name, then nothing but names, roles,
 *              dates and times ("By Maria José Alvarez | November 27,
 *              2026", "By JANE ROE, Staff Reporter"); "By 2013, revenue
 *              rose" and "By contrast, ..." are content
 *   dateline   a short line with no lower-case word but a few particles,
 *              holding a date, a time, a word in capitals or a final dash:
 *              "November 27, 2026", "RIVERTON -", "(CNN) --"; a dateline
 *              that leads a sentence ("(CNN) -- The ...") is content
 *   timestamp  "Updated 10:03 GMT", "Last updated: ...", "Published ..."
 *              followed by a date or a time
 *   social     "Follow us on ...", "Follow @handle ...", "Like us on
 *              Facebook", "Sign up for our newsletter", "Share this with
 *              Facebook Share this with Twitter"
 *   link       "Read more: ...", "READ MORE ...", "Watch: ...", "See also:
 *              ...", "Related: ...", "Scroll down ..."; and any sentence
 *              with "click here" or "tap here"; headings of links alone:
 *              "Related Topics", "More on this story", "Most read"
 *   caption    "Photo: ...", "Image caption ...", "Pictured: ...",
 *              "(Photo: ...)", "Credit: ...", and short credit lines
 *              naming "Getty Images" or "AP Photo"
 *   ad         a line that only marks an advertisement: "Advertisement",
 *              "Skip Advertisement", "Story continues below
 *              advertisement", "Continue reading the main story"
 *
 * The rules look only at ASCII letters for their key words; names may be
 * any script.  Nothing here allocates, prints or exits.
 */
#ifndef QUIRE_BOILER_H
#define QUIRE_BOILER_H

#include <stddef.h>

#include "token.h"

enum boiler_kind {
	BOILER_CONTENT = 0,
	BOILER_BYLINE,
	BOILER_DATELINE,
	BOILER_TIMESTAMP,
	BOILER_SOCIAL,
	BOILER_LINK,
	BOILER_CAPTION,
	BOILER_AD
};

/*
 * What the sentence whose tokens are t[0..n) is: BOILER_CONTENT, or the
 * kind of page furniture it is.  The tokens' offsets are into s.  An empty
 * sentence (n == 0) is BOILER_CONTENT: the caller has its own rule for
 * sentences without words.
 */
enum boiler_kind boiler_kind(const unsigned char *s, const struct tok *t,
	    size_t n);

/* The name of kind k ("content", "byline", ...). */
const char *boiler_kind_name(enum boiler_kind k);

#endif /* QUIRE_BOILER_H */
