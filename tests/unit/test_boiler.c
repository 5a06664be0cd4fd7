/*
 * Unit tests for boiler: the page furniture extract-keypoints never picks
 * (bylines, datelines, time stamps, social and link lines, captions,
 * advertisement markers), and the content sentences that look like it.
 */
#include <string.h>

#include <criterion/criterion.h>

#include "boiler.h"
#include "token.h"

static enum boiler_kind
kind(const char *text)
{
	struct tok_vec	 v = { NULL, 0, 0 };
	enum boiler_kind k;

	cr_assert_eq(tok_split((const unsigned char *)text, strlen(text),
	    NULL, NULL, &v), 0);
	k = boiler_kind((const unsigned char *)text, v.v, v.n);
	tok_vec_free(&v);
	return k;
}

#define IS(k, text)	cr_expect_eq(kind(text), (k), "%s: %s, not %s", \
	    (text), boiler_kind_name(kind(text)), boiler_kind_name(k))

Test(boiler, bylines)
{
	IS(BOILER_BYLINE, "By Maria José Alvarez, Staff Reporter");
	IS(BOILER_BYLINE, "By Maria José Alvarez | November 27, 2026");
	IS(BOILER_BYLINE, "BY JANE ROE and John van der Berg, for CNN");
	IS(BOILER_BYLINE, "By Jane Roe, updated 10:03 GMT");
}

Test(boiler, sentences_starting_with_by_are_content)
{
	IS(BOILER_CONTENT, "By 2013, revenue from codes reached $2.46 "
	    "million.");
	IS(BOILER_CONTENT, "By contrast, the rest of the cast fit familiar "
	    "roles.");
	IS(BOILER_CONTENT, "By Tuesday the Government had changed its mind.");
}

Test(boiler, datelines_alone)
{
	IS(BOILER_DATELINE, "November 27, 2026");
	IS(BOILER_DATELINE, "RIVERTON -");
	IS(BOILER_DATELINE, "(CNN) --");
	IS(BOILER_DATELINE, "LONDON, England (CNN) \xe2\x80\x94");
	IS(BOILER_DATELINE, "Tuesday, 1 March");
	IS(BOILER_DATELINE, "TRANSCRIPT .");
}

Test(boiler, leads_and_short_sentences_are_content)
{
	IS(BOILER_CONTENT, "(CNN) -- The Senate voted 52-48 on Tuesday.");
	IS(BOILER_CONTENT, "RIVERTON - The council voted 7-2 on Thursday.");
	IS(BOILER_CONTENT, "(CNN)Empathy.");
	IS(BOILER_CONTENT, "(CNN)Blame Joshuah Purdy Brown.");
	IS(BOILER_CONTENT, "Since 1980?");
	IS(BOILER_CONTENT, "\"I am 25.");
	IS(BOILER_CONTENT, "The U.S.");
	IS(BOILER_CONTENT, "Tuberculosis, Hepatitis B and HIV.");
}

Test(boiler, time_stamps)
{
	IS(BOILER_TIMESTAMP, "Updated 10:03 GMT, 27 November 2026");
	IS(BOILER_TIMESTAMP, "Last updated: Thursday 27 November");
	IS(BOILER_TIMESTAMP, "Published on 27 Nov. 2026");
	IS(BOILER_CONTENT, "Published reports say the deal is off.");
}

Test(boiler, social_lines)
{
	IS(BOILER_SOCIAL, "Follow us on Twitter and Facebook.");
	IS(BOILER_SOCIAL, "Follow @CNNPhotos on Twitter to join the "
	    "conversation about photography.");
	IS(BOILER_SOCIAL, "Like us on Facebook .");
	IS(BOILER_SOCIAL, "Sign up for our newsletter.");
	IS(BOILER_SOCIAL, "Share this with Facebook Share this with Twitter "
	    "Share this with Email");
	IS(BOILER_SOCIAL, "Share on WhatsApp");
	IS(BOILER_CONTENT, "Share prices rose 4% on Tuesday.");
	IS(BOILER_CONTENT, "Follow the money, the senator said.");
	IS(BOILER_CONTENT, "Investors like us to be bold, he said.");
}

Test(boiler, link_lines)
{
	IS(BOILER_LINK, "Read more: Nigerian election extended one day .");
	IS(BOILER_LINK, "READ MORE: Richard III had roundworm infection .");
	IS(BOILER_LINK, "Watch: Who are the Houthis?");
	IS(BOILER_LINK, "If you want to help, click here.");
	IS(BOILER_LINK, "See also: the budget in charts");
	IS(BOILER_LINK, "Related Topics");
	IS(BOILER_LINK, "More on this story");
	IS(BOILER_LINK, "Most read");
	IS(BOILER_LINK, "Read more on this");
	IS(BOILER_CONTENT, "More on the economy.");
	IS(BOILER_CONTENT, "Most read books are novels.");
	IS(BOILER_CONTENT, "Read the report and you will see why.");
	IS(BOILER_CONTENT, "Watch makers said sales rose.");
}

Test(boiler, captions)
{
	IS(BOILER_CAPTION, "Photo: Jane Roe/Reuters");
	IS(BOILER_CAPTION, "(Photo: AP)");
	IS(BOILER_CAPTION, "Image caption The mayor at the vote.");
	IS(BOILER_CAPTION, "Pictured: the old freight line.");
	IS(BOILER_CAPTION, "Mayor Dana O'Neil, left. Getty Images");
	IS(BOILER_CONTENT, "The photo shows the mayor at the vote, "
	    "Getty Images said.");
}

Test(boiler, advertisement_markers)
{
	IS(BOILER_AD, "Advertisement");
	IS(BOILER_AD, "ADVERTISEMENT");
	IS(BOILER_AD, "Story continues below advertisement");
	IS(BOILER_AD, "Skip Advertisement");
	IS(BOILER_AD, "Continue reading the main story");
	IS(BOILER_CONTENT, "Advertisement revenue fell 5%.");
	IS(BOILER_CONTENT, "The main story");
}

Test(boiler, empty_and_names)
{
	cr_expect_eq(boiler_kind((const unsigned char *)"", NULL, 0),
	    BOILER_CONTENT);
	cr_expect_str_eq(boiler_kind_name(BOILER_BYLINE), "byline");
	cr_expect_str_eq(boiler_kind_name(BOILER_CONTENT), "content");
	cr_expect_str_eq(boiler_kind_name(BOILER_AD), "ad");
	cr_expect_str_eq(boiler_kind_name((enum boiler_kind)99), "?");
}
