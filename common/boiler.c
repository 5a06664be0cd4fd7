/*
 * boiler: the rules that tell page furniture from content (see boiler.h).
 *
 * Each rule is a test on the sentence's tokens; the first that holds names
 * the kind.  Key words are matched ASCII case-insensitively, a word's final
 * period left out ("Nov." is "nov"), so "READ MORE:" and "Read more:" are
 * one rule.
 */
#include <string.h>

#include "boiler.h"

/* Bylines and datelines may be this long, in word and number tokens. */
#define BOILER_BYLINE_MAX	20
#define BOILER_DATELINE_MAX	10
/* A credit line naming an agency may be this long. */
#define BOILER_CREDIT_MAX	8

static const char *const boiler_names[] = {
	[BOILER_CONTENT] = "content",
	[BOILER_BYLINE] = "byline",
	[BOILER_DATELINE] = "dateline",
	[BOILER_TIMESTAMP] = "timestamp",
	[BOILER_SOCIAL] = "social",
	[BOILER_LINK] = "link",
	[BOILER_CAPTION] = "caption",
	[BOILER_AD] = "ad",
};

/* Months, their short forms, week days, time zones, a.m. and p.m. */
static const char *const boiler_dates[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
	"thurs", "fri", "sat", "sun", "gmt", "bst", "utc", "et", "est",
	"edt", "pt", "pst", "pdt", "cet", "cest", "a.m", "p.m", NULL
};

/* Lower-case words a name, a role or a date line may hold. */
static const char *const boiler_particles[] = {
	"and", "of", "de", "del", "der", "van", "von", "la", "le", "du",
	"da", "dos", "das", "bin", "al", "y", "the", "for", "in", "at", "on",
	"with", "am", "pm", "a.m", "p.m", "updated", "published", "posted",
	"last", "staff", "reporter", "correspondent", "editor", "writer",
	NULL
};

static const char *const boiler_networks[] = {
	"twitter", "facebook", "instagram", "tiktok", "youtube", "linkedin",
	"bluesky", "whatsapp", "telegram", "snapchat", NULL
};

static const char *const boiler_link_heads[] = {
	"read", "watch", "see", "related", "listen", "more", NULL
};

/* What follows "Related" in a heading of links ("Related Topics"). */
static const char *const boiler_related[] = {
	"topics", "stories", "articles", "links", "content", "coverage",
	"reading", "videos", "news", NULL
};

/* What follows "Most" in a heading of links ("Most read"). */
static const char *const boiler_most[] = {
	"read", "popular", "viewed", NULL
};

/* What follows "Share" in a line of share buttons, when no network
 * does ("Share this", "Share article"). */
static const char *const boiler_share[] = {
	"this", "article", "story", "page", NULL
};

/* The words of an advertisement's marker ("Story continues below
 * advertisement", "Skip Advertisement", "Continue reading the main
 * story"), and those one must hold. */
static const char *const boiler_ad_words[] = {
	"advertisement", "advertisements", "advert", "ad", "sponsored",
	"content", "skip", "story", "continues", "continue", "reading",
	"below", "after", "the", "main", "this", NULL
};

static const char *const boiler_ad_marks[] = {
	"advertisement", "advertisements", "advert", "sponsored", NULL
};

static const char *const boiler_caption_heads[] = {
	"photo", "photos", "photograph", "photographs", "picture",
	"pictures", "image", "images", "caption", "credit", "pictured",
	"video", "gallery", NULL
};

static int
boiler_ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Is token t the word w (lower case), its final period aside? */
static int
boiler_is(const unsigned char *s, const struct tok *t, const char *w)
{
	size_t	 n = t->end - t->start, i, wl;

	/* The first letter first: most words are not key words. */
	if (t->kind != TOK_WORD || n == 0 ||
	    boiler_ascii_lower(s[t->start]) != w[0])
		return 0;
	wl = strlen(w);
	if (n > 1 && s[t->end - 1] == '.' && !(wl > 1 && w[wl - 1] == '.'))
		n--;
	if (n != wl)
		return 0;
	for (i = 0; i < n; i++)
		if (boiler_ascii_lower(s[t->start + i]) != w[i])
			return 0;
	return 1;
}

static int
boiler_in(const unsigned char *s, const struct tok *t,
    const char *const *list)
{
	for (; *list != NULL; list++)
		if (boiler_is(s, t, *list))
			return 1;
	return 0;
}

/* Is token t the punctuation mark p (one byte)? */
static int
boiler_punct(const unsigned char *s, const struct tok *t, int p)
{
	return t->kind == TOK_PUNCT && t->end - t->start == 1 &&
	    s[t->start] == p;
}

/* A dash: "-", "--", an en dash or an em dash. */
static int
boiler_dash(const unsigned char *s, const struct tok *t)
{
	size_t	 i, n = t->end - t->start;

	if (t->kind != TOK_PUNCT)
		return 0;
	if (n == 3 && s[t->start] == 0xE2 && s[t->start + 1] == 0x80 &&
	    (s[t->start + 2] == 0x93 || s[t->start + 2] == 0x94))
		return 1;
	for (i = 0; i < n; i++)
		if (s[t->start + i] != '-')
			return 0;
	return n > 0;
}

/* Opening brackets a caption or a dateline may start with. */
static int
boiler_open(const unsigned char *s, const struct tok *t)
{
	return boiler_punct(s, t, '(') || boiler_punct(s, t, '[');
}

/* A word in lower case that is no particle: the mark of running text. */
static int
boiler_prose(const unsigned char *s, const struct tok *t)
{
	return t->kind == TOK_WORD && (t->flags & TOK_LOWER_INITIAL) &&
	    !boiler_in(s, t, boiler_particles);
}

/* A word of two or more ASCII letters, all capitals ("RIVERTON", "CNN"). */
static int
boiler_capitals(const unsigned char *s, const struct tok *t)
{
	size_t	 i, up = 0;

	if (t->kind != TOK_WORD)
		return 0;
	for (i = t->start; i < t->end; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		if (s[i] >= 'A' && s[i] <= 'Z')
			up++;
	}
	return up >= 2;
}

/* A number that reads as a year (1800-2099) or a time ("10:03"). */
static int
boiler_datenum(const unsigned char *s, const struct tok *t)
{
	size_t	 n = t->end - t->start;
	const unsigned char *p = s + t->start;

	if (t->kind != TOK_NUMBER)
		return 0;
	if (memchr(p, ':', n) != NULL)
		return 1;
	return n == 4 && ((p[0] == '1' && p[1] == '8') || (p[0] == '1' &&
	    p[1] == '9') || (p[0] == '2' && p[1] == '0'));
}

static size_t
boiler_words(const struct tok *t, size_t n)
{
	size_t	 i, w = 0;

	for (i = 0; i < n; i++)
		if (t[i].kind == TOK_WORD || t[i].kind == TOK_NUMBER)
			w++;
	return w;
}

/* Does a word of list occur in t[0..n)? */
static int
boiler_has(const unsigned char *s, const struct tok *t, size_t n,
    const char *const *list)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (boiler_in(s, &t[i], list))
			return 1;
	return 0;
}

/* Does the word pair a b occur in t[0..n)? */
static int
boiler_pair(const unsigned char *s, const struct tok *t, size_t n,
    const char *a, const char *b)
{
	size_t	 i;

	for (i = 0; i + 1 < n; i++)
		if (boiler_is(s, &t[i], a) && boiler_is(s, &t[i + 1], b))
			return 1;
	return 0;
}

/* "By" and a capitalized name, then no running text. */
static int
boiler_byline(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 i;

	if (n < 2 || !boiler_is(s, &t[0], "by") ||
	    t[1].kind != TOK_WORD || !(t[1].flags & TOK_UPPER_INITIAL) ||
	    boiler_words(t, n) > BOILER_BYLINE_MAX)
		return 0;
	for (i = 1; i < n; i++)
		if (boiler_prose(s, &t[i]))
			return 0;
	return 1;
}

/*
 * A short line with no running text, marked as a date line by a date, a
 * time, a final dash ("RIVERTON -", "(CNN) --") or words all in capitals
 * ("TRANSCRIPT"); a question is never one ("Since 1980?").  Capitals alone
 * are not enough when other words are not: "(CNN)Empathy." is a lead.
 */
static int
boiler_dateline(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 i, w = boiler_words(t, n), last;
	int	 date = 0, caps = 0, mixed = 0;

	if (w == 0 || w > BOILER_DATELINE_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		if (boiler_prose(s, &t[i]) || boiler_punct(s, &t[i], '?'))
			return 0;
		if (boiler_in(s, &t[i], boiler_dates) ||
		    boiler_datenum(s, &t[i]))
			date = 1;
		else if (boiler_capitals(s, &t[i]))
			caps = 1;
		else if (t[i].kind == TOK_WORD &&
		    !(t[i].flags & TOK_LOWER_INITIAL))
			mixed = 1;
	}
	/* The last mark but closing ones. */
	for (last = n; last > 0 && t[last - 1].kind == TOK_PUNCT &&
	    !boiler_dash(s, &t[last - 1]); last--)
		;
	return date || (caps && !mixed) ||
	    (last > 0 && boiler_dash(s, &t[last - 1]));
}

/* "Updated", "Published", "Posted", "Last updated", then a date or time. */
static int
boiler_timestamp(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 i = 0;

	if (i < n && boiler_open(s, &t[i]))
		i++;
	if (i < n && boiler_is(s, &t[i], "last"))
		i++;
	if (i >= n || !(boiler_is(s, &t[i], "updated") ||
	    boiler_is(s, &t[i], "published") ||
	    boiler_is(s, &t[i], "posted") || boiler_is(s, &t[i], "modified")))
		return 0;
	for (i++; i < n && t[i].kind == TOK_PUNCT; i++)
		;
	if (i < n && (boiler_is(s, &t[i], "on") || boiler_is(s, &t[i], "at")))
		i++;
	return i < n && boiler_words(t, n) <= BOILER_BYLINE_MAX &&
	    (t[i].kind == TOK_NUMBER || boiler_in(s, &t[i], boiler_dates));
}

static int
boiler_social(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 i;

	if (n < 2)
		return 0;
	if (boiler_is(s, &t[0], "follow")) {
		if (boiler_is(s, &t[1], "us") || boiler_is(s, &t[1], "me"))
			return 1;
		for (i = 1; i < n; i++)
			if (t[i].kind == TOK_URL && s[t[i].start] == '@')
				return 1;
		return boiler_has(s, t, n, boiler_networks);
	}
	if ((boiler_is(s, &t[0], "like") || boiler_is(s, &t[0], "join") ||
	    boiler_is(s, &t[0], "find") || boiler_is(s, &t[0], "connect")) &&
	    boiler_is(s, &t[1], "us"))
		return boiler_has(s, t, n, boiler_networks);
	/* "Share this with Facebook Share this with Twitter ...", "Share
	   on WhatsApp"; not "Share prices rose". */
	if (boiler_is(s, &t[0], "share") && boiler_words(t, n) <= 20 &&
	    (boiler_in(s, &t[1], boiler_share) || boiler_has(s, t, n,
	    boiler_networks)))
		return 1;
	if (boiler_is(s, &t[0], "sign") || boiler_is(s, &t[0], "subscribe"))
		return boiler_pair(s, t, n, "our", "newsletter") ||
		    boiler_pair(s, t, n, "the", "newsletter");
	return 0;
}

/*
 * A heading of links alone, of four words at most: "Related Topics";
 * "Most read" and "More on", alone or with "this story" or a word of
 * boiler_related after them.  t holds two tokens at least.
 */
static int
boiler_heading(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 words = boiler_words(t, n);

	if (words > 4)
		return 0;
	if (boiler_is(s, &t[0], "related") && boiler_in(s, &t[1],
	    boiler_related))
		return 1;
	if (!(boiler_is(s, &t[0], "most") && boiler_in(s, &t[1],
	    boiler_most)) && !boiler_pair(s, t, n, "more", "on"))
		return 0;
	return words <= 2 || boiler_has(s, t, n, boiler_related) ||
	    boiler_pair(s, t, n, "this", "story");
}

static int
boiler_link(const unsigned char *s, const struct tok *t, size_t n)
{
	if (boiler_pair(s, t, n, "click", "here") ||
	    boiler_pair(s, t, n, "tap", "here"))
		return 1;
	if (n < 2)
		return 0;
	if (boiler_in(s, &t[0], boiler_link_heads) && boiler_punct(s, &t[1],
	    ':'))
		return 1;
	if (boiler_heading(s, t, n))
		return 1;
	return (boiler_is(s, &t[0], "read") && boiler_is(s, &t[1], "more")) ||
	    (boiler_is(s, &t[0], "see") && boiler_is(s, &t[1], "also")) ||
	    (boiler_is(s, &t[0], "scroll") && boiler_is(s, &t[1], "down"));
}

/* A line that only marks an advertisement: its words all among
 * boiler_ad_words, one of them among boiler_ad_marks, or "continue
 * reading". */
static int
boiler_ad(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if ((t[i].kind == TOK_WORD || t[i].kind == TOK_NUMBER) &&
		    !boiler_in(s, &t[i], boiler_ad_words))
			return 0;
	return boiler_has(s, t, n, boiler_ad_marks) ||
	    boiler_pair(s, t, n, "continue", "reading");
}

static int
boiler_caption(const unsigned char *s, const struct tok *t, size_t n)
{
	size_t	 i = 0;

	if (n > 0 && boiler_open(s, &t[0]))
		i++;
	if (i + 1 < n && boiler_in(s, &t[i], boiler_caption_heads) &&
	    boiler_punct(s, &t[i + 1], ':'))
		return 1;
	if (i + 1 < n && ((boiler_is(s, &t[i], "image") ||
	    boiler_is(s, &t[i], "media") || boiler_is(s, &t[i], "photo")) &&
	    (boiler_is(s, &t[i + 1], "caption") ||
	    boiler_is(s, &t[i + 1], "copyright") ||
	    boiler_is(s, &t[i + 1], "credit") ||
	    boiler_is(s, &t[i + 1], "source"))))
		return 1;
	return boiler_words(t, n) <= BOILER_CREDIT_MAX &&
	    (boiler_pair(s, t, n, "getty", "images") ||
	    boiler_pair(s, t, n, "ap", "photo"));
}

enum boiler_kind
boiler_kind(const unsigned char *s, const struct tok *t, size_t n)
{
	if (n == 0)
		return BOILER_CONTENT;
	if (boiler_byline(s, t, n))
		return BOILER_BYLINE;
	if (boiler_timestamp(s, t, n))
		return BOILER_TIMESTAMP;
	if (boiler_social(s, t, n))
		return BOILER_SOCIAL;
	if (boiler_link(s, t, n))
		return BOILER_LINK;
	if (boiler_caption(s, t, n))
		return BOILER_CAPTION;
	if (boiler_ad(s, t, n))
		return BOILER_AD;
	if (boiler_dateline(s, t, n))
		return BOILER_DATELINE;
	return BOILER_CONTENT;
}

const char *
boiler_kind_name(enum boiler_kind k)
{
	return (unsigned)k <= BOILER_AD ? boiler_names[k] : "?";
}
