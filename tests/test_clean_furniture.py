"""Page furniture inside the main block of scraped text: promos, story lists, credits, markup, bios, bylines.

Every page here is written for the test; the story paragraphs must all survive.
"""

from __future__ import annotations

from eventwire.clean import clean
from eventwire.sources import from_content

STORY = [
    "The regional council of Valmora voted on Tuesday to close the old harbour bridge for repairs after "
    "inspectors found cracks in two of its supporting piers, officials said.",
    "Traffic will be diverted over the northern ring road for at least six months, and ferries will run "
    "every twenty minutes during the morning and evening rush hours, the council said in a statement.",
    '"We cannot take risks with a structure that carries forty thousand cars a day," council leader Mira '
    "Solberg told reporters outside the town hall.",
    "Local shop owners near the bridge warned that the closure could cut their trade by half, and asked the "
    "council for help with rents while the work goes on through the summer.",
    "Engineers expect the repairs to cost about 12 million euros, to be shared between the council and the "
    "national roads agency, which has yet to approve its part of the money.",
]
NAV = ["Skip to main content", "Home", "News", "Sport"]
FOOT = ["Copyright 2026 Valmora Courier. All rights reserved."]


def page(*parts: list[str] | str) -> str:
    lines: list[str] = []
    for p in parts:
        lines.extend([p] if isinstance(p, str) else p)
    return "\n\n".join(lines) + "\n"


def body_of(text: str) -> str:
    return clean(from_content(text)).body


def assert_story_kept(body: str) -> None:
    for para in STORY:
        assert para in body


def test_subscription_pitch_between_paragraphs_is_dropped():
    pitch = [
        "Privacy Notice: the Courier's newsletters may carry ads and content paid for by partners, see our terms.",
        "Subscribe now to keep reading the Courier.",
        "Unlimited digital access to every story.",
        "A daily newsletter with the morning's headlines.",
        "Weekly puzzles, including our crossword.",
        "Sign up for our newsletter and get the best stories in your inbox.",
    ]
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY[:3], pitch, STORY[3:], FOOT))
    assert_story_kept(body)
    for line in pitch:
        assert line not in body


def test_story_list_under_a_heading_is_dropped_and_story_goes_on():
    related = [
        "More from the Courier",
        "Ferry operator adds night sailings across the bay",
        "Council approves new budget for school repairs",
        "Why Valmora's tram plan keeps getting delayed",
    ]
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY[:2], related, STORY[2:], FOOT))
    assert_story_kept(body)
    for line in related:
        assert line not in body


def test_short_heading_and_list_item_inside_the_story_stay():
    text = page(
        NAV,
        "Harbour bridge to close for repairs",
        STORY[:2],
        "What happens next",
        STORY[2:4],
        "Related to the closure, the council will also inspect the southern bridge next year, its engineers said.",
        STORY[4:],
        FOOT,
    )
    body = body_of(text)
    assert_story_kept(body)
    assert "What happens next" in body
    assert "Related to the closure" in body


def test_photo_credits_and_markup_shards_are_dropped():
    caption = "Cars queue on the harbour bridge during the morning rush. (Jonas Berg/Valmora Courier)"
    split_caption = ["Inspectors look at a cracked pier under the bridge on Monday.", "(Anna Lind / Reuters)"]
    markup = ['<button class="close-sticky-ad"', 'style="display:none"', 'data-ad-slot="4"']
    body = body_of(
        page(
            NAV,
            "Harbour bridge to close for repairs",
            STORY[:2],
            caption,
            STORY[2:3],
            split_caption,
            markup,
            STORY[3:],
            FOOT,
        )
    )
    assert_story_kept(body)
    for line in [caption, *split_caption, *markup]:
        assert line not in body


def test_byline_and_date_lines_under_a_standfirst_are_metadata():
    standfirst = "Inspectors found cracks in two piers of the bridge that carries most of the town's traffic."
    art = clean(
        from_content(
            page(
                NAV,
                "Harbour bridge to close for repairs",
                standfirst,
                "By Petra Halvorsen",
                "Published May 12, 2026",
                STORY,
                FOOT,
            )
        )
    )
    assert_story_kept(art.body)
    assert "By Petra Halvorsen" not in art.body
    assert "Published May 12, 2026" not in art.body
    reasons = {r.text: r.reason for r in art.removed}
    assert reasons["By Petra Halvorsen"] == "byline"
    assert reasons["Published May 12, 2026"] == "date"


def test_author_bio_and_headlines_after_the_story_are_cut():
    tail = [
        "Petra Halvorsen",
        "Petra Halvorsen is a senior reporter for the Valmora Courier, covering transport and city hall.",
        "Ferry operator adds night sailings across the bay",
        "Council approves new budget for school repairs",
    ]
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY, tail, FOOT))
    assert_story_kept(body)
    assert body.rstrip().endswith(STORY[-1])


def test_clean_page_without_furniture_is_kept_whole():
    text = "\n\n".join(["Harbour bridge to close for repairs", *STORY]) + "\n"
    body = body_of(text)
    assert_story_kept(body)


def test_author_box_live_blog_stamps_and_handle_bylines_are_dropped():
    box = ["Petra Halvorsen", "Petra Halvorsen is a freelance journalist in Valmora."]
    stamps = ["20:42KEY EVENT", "21:05 Petra Halvorsen", "Petra Halvorsen@phalvorsen"]
    body = body_of(page(NAV, "Harbour bridge to close for repairs", box, STORY[:2], stamps, STORY[2:], FOOT))
    assert_story_kept(body)
    for line in [*box, *stamps]:
        assert line not in body


def test_a_column_talking_to_the_reader_and_a_story_about_subscriptions_stay():
    column = (
        "If you have ever waited for the harbour ferry in the rain, you know what the closure will mean: "
        "you will leave home earlier, you will queue longer, and you will wonder why the repairs were not "
        "done years ago, when the first cracks were found and the council promised to act."
    )
    business = (
        "Similar to other streaming services, the Valmora Courier's owner said its paid subscription "
        "numbers rose by a tenth last year, with most new subscribers signing up for the yearly plan and "
        "fewer dropping their subscription after the first month."
    )
    body = body_of(
        page(NAV, "Harbour bridge to close for repairs", STORY[:2], column, business, STORY[2:], FOOT)
    )
    assert_story_kept(body)
    assert column in body
    assert business in body


def test_wire_captions_capital_links_js_objects_and_bare_dates_are_dropped():
    junk = [
        "Cars cross the harbour bridge in Valmora, May 2, 2026 in this picture taken with a drone.",
        "FERRY OPERATOR ADDS NIGHT SAILINGS AS BRIDGE CLOSURE NEARS",
        "}, { id: 'id2', title: 'One odd trick for cleaner windows', img: 'https://example.org/a.jpg'",
        "Friday, May 8, 2026",
    ]
    text = page(NAV, "Harbour bridge to close for repairs", STORY[:2], junk, "THE COST", STORY[2:], FOOT)
    body = body_of(text)
    assert_story_kept(body)
    assert "THE COST" in body  # a short heading in capitals is the story's own
    for line in junk:
        assert line not in body


def test_dateline_opening_the_story_stays_in_the_body():
    first = "VALMORA, May 8 (Reuters) - " + STORY[0]
    art = clean(from_content(page(NAV, "Harbour bridge to close for repairs", [first, *STORY[1:]], FOOT)))
    assert art.body.startswith("VALMORA, May 8 (Reuters) - The regional council")
    assert art.dateline and art.dateline.startswith("VALMORA")


def test_headline_and_excerpt_pairs_after_the_story_are_cut_but_short_sections_stay():
    pairs = [
        "Ferry operator adds night sailings across the bay",
        "The company will run boats every hour after midnight from June.",
        "Council approves new budget for school repairs",
        "Twelve schools will get new roofs before the winter, the council said.",
        "Tram plan delayed again over cost of rails",
        "The city's tram line will open a year later than planned.",
    ]
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY, pairs, FOOT))
    assert_story_kept(body)
    assert body.rstrip().endswith(STORY[-1])

    sections = [
        "What the work involves",
        "Crews will replace the bearings of both piers and reseal the deck before the autumn rains.",
        "How long it will take",
        "The council expects the bridge to reopen in December if the weather holds.",
    ]
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY, sections, FOOT))
    for line in sections:
        assert line in body


def test_a_heading_starting_with_by_and_a_story_in_capitals_stay():
    body = body_of(
        page(NAV, "Harbour bridge to close for repairs", STORY[:2], "By the numbers", STORY[2:], FOOT)
    )
    assert "By the numbers" in body

    shouting = [p.upper().rstrip(".") for p in STORY]  # old wire copy: capitals, no final stops
    body = body_of(page(NAV, "HARBOUR BRIDGE TO CLOSE", shouting, FOOT))
    for para in shouting:
        assert para in body


def test_timeline_entries_and_news_about_donations_stay():
    timeline = [
        "March 3, 2021 Inspectors find the first cracks.",
        "May 8, 2026 The council votes to close it.",
    ]
    donations = "Organ donations rose by a fifth last year, and more donors signed up after the campaign."
    body = body_of(
        page(NAV, "Harbour bridge to close for repairs", STORY[:2], timeline, donations, STORY[2:], FOOT)
    )
    assert_story_kept(body)
    for line in [*timeline, donations]:
        assert line in body


def test_a_credit_alone_takes_its_caption_but_not_a_heading():
    shot = [
        "Getty Images",
        "Council leader Mira Solberg speaks to reporters outside the town hall on Tuesday",
    ]
    heading = ["EPA", "Why was the bridge not fixed earlier?"]
    body = body_of(
        page(
            NAV, "Harbour bridge to close for repairs", STORY[:2], shot, STORY[2:4], heading, STORY[4:], FOOT
        )
    )
    assert_story_kept(body)
    assert shot[1] not in body and "Getty Images" not in body
    assert heading[1] in body


def test_a_line_twice_in_a_row_is_alt_text_and_caption():
    twin = "Cars queue on the harbour bridge at dawn."
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY[:2], twin, twin, STORY[2:], FOOT))
    assert_story_kept(body)
    assert twin not in body


def test_a_long_appeal_in_the_sites_voice_goes_and_a_quoted_ceo_stays():
    appeal = (
        "Local reporting like this takes time and money, and we cannot do it without readers. We are an "
        "independent nonprofit newsroom with no paywall, and our work depends on people like you. If you "
        "value it, become a monthly member today: a few euros a month is all it takes to support our "
        "journalism and keep the Courier free for everyone in Valmora."
    )
    ceo = (
        '"We expect our subscriber numbers to keep growing, and we will keep our subscription price where it '
        "is,\" the chief executive of the Courier's owner told shareholders on Monday, adding that new "
        "subscribers who sign up before June would get the first month free as the company tries to win back "
        "readers it lost last year."
    )
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY[:3], ceo, STORY[3:], appeal, FOOT))
    assert_story_kept(body)
    assert ceo in body
    assert appeal not in body


def test_service_journalism_talking_to_the_reader_is_the_story():
    tips = (
        "Luckily, there are a number of ways to save on your trip, from the best day to book your ferry to how "
        "to get a cheaper parking pass while the bridge is shut."
    )
    ad = "New to Parkly? It's an app that helps you find your spot. Get 10% off with the code BRIDGE10 today."
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY[:2], tips, ad, STORY[2:], FOOT))
    assert_story_kept(body)
    assert tips in body
    assert ad not in body


def test_the_standfirst_under_the_headline_is_kept_and_the_dateline_still_read():
    standfirst = "Inspectors found cracks in two piers of the bridge that carries most of the town's traffic."
    first = "VALMORA, May 8 (Reuters) - " + STORY[0]
    art = clean(
        from_content(
            page(
                "Harbour bridge to close for repairs | Valmora Courier",
                NAV,
                "Harbour bridge to close for repairs",
                standfirst,
                "By Petra Halvorsen",
                "Share this article",
                "Published May 8, 2026",
                "Advertisement",
                [first, *STORY[1:]],
                FOOT,
            )
        )
    )
    assert art.body.startswith(standfirst)
    assert first in art.body
    assert art.dateline and art.dateline.startswith("VALMORA")
    assert "By Petra Halvorsen" not in art.body


def test_a_caption_above_its_bracketed_credit_and_a_tip_line_are_dropped():
    shot = ["Crowds watch the last tram cross the harbour bridge before the closure", "(Image: Getty Images)"]
    tip = "Are you affected by the closure? Get in touch at newsdesk@valmoracourier.example"
    body = body_of(page(NAV, "Harbour bridge to close for repairs", STORY[:2], shot, STORY[2:], tip, FOOT))
    assert_story_kept(body)
    for line in [*shot, tip]:
        assert line not in body


def test_idioms_and_photos_in_prose_are_not_furniture():
    column = (
        "If you subscribe to the view that the bridge could have waited, you have not driven over it lately, "
        "and you have not seen the rust on its piers."
    )
    photos = "Photos of the cracked piers spread quickly on social media on Monday, and the council called a meeting."
    body = body_of(
        page(NAV, "Harbour bridge to close for repairs", STORY[:2], column, photos, STORY[2:], FOOT)
    )
    assert_story_kept(body)
    assert column in body and photos in body
