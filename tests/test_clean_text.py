"""The plain-text cleaner on wire copy written for these tests: tickers, datelines, UI strings, end markers."""

from __future__ import annotations

import pytest

from eventwire.clean import clean
from eventwire.errors import CleanError
from eventwire.sources import from_content

BODY = [
    "Foreign Minister Tomas Varga met his Ostrian counterpart Lena Kovic on Monday to discuss the ceasefire "
    "along the disputed northern border, officials said.",
    "The two ministers agreed to reopen the Dravik crossing and to exchange prisoners within two weeks, "
    "according to a joint statement released after the talks.",
    '"We have taken a first step, but the road is long," Varga told reporters after the meeting.',
    "Kovic accused rebel units of shelling villages near Dravik on Sunday and said her government would "
    "raise the attacks at the United Nations later this week.",
]


def page(*head: str, body=BODY, tail=()) -> str:
    return "\n\n".join([*head, *body, *tail]) + "\n"


def reasons(article):
    return {r.text: r.reason for r in article.removed}


def test_ticker_breadcrumb_ui_and_glued_end_marker():
    text = page(
        "Latest headlines",
        "Floods hit coastal towns  • Central bank holds rates  • Cup final set for Sunday  • New metro line opens",
        "You are here: Home > World",
        "Varga and Kovic agree to reopen border crossing",
        "Nordpress, March 3, 2025 Print Email",
        body=BODY[:-1] + [BODY[-1] + " Enditem"],
        tail=["Share on Facebook", "Copyright 2025 Nordpress. All rights reserved."],
    )
    a = clean(from_content(text))
    assert a.title == "Varga and Kovic agree to reopen border crossing"
    assert a.published == "2025-03-03"
    assert a.body.startswith("Foreign Minister Tomas Varga met")
    assert a.body.endswith("later this week.")
    r = reasons(a)
    assert r["Enditem"] == "end-marker"
    assert any(v == "ticker" for v in r.values())
    assert "Floods hit coastal towns" not in a.body and "Share on Facebook" not in a.body
    assert "Copyright" not in a.body and "You are here" not in a.body
    assert a.body.count("\n\n") == 3  # paragraphs stay separated by blank lines


@pytest.mark.parametrize(
    "prefix,outlet,dateline",
    [
        ("OSTRAVA, March 3 (Reuters) - ", "Reuters", "OSTRAVA, March 3 (Reuters)"),
        ("VIENNA (AP) — ", "AP", "VIENNA (AP)"),
        ("BELGRADE, Oct. 12 (Xinhua) -- ", "Xinhua", "BELGRADE, Oct. 12 (Xinhua)"),
        ("NEW YORK — ", None, "NEW YORK"),
    ],
)
def test_dateline_prefix_is_read_and_kept_in_the_body(prefix, outlet, dateline):
    # the body keeps the input's text (gold offsets and the dateline's toponym stay valid); the NLP
    # stage gives the dateline a sentence of its own
    text = page("Border talks make progress", body=[prefix + BODY[0], *BODY[1:]])
    a = clean(from_content(text))
    assert a.dateline == dateline
    assert a.outlet == outlet
    assert a.body.startswith(prefix + "Foreign Minister Tomas Varga")
    from eventwire import nlp

    first = next(iter(nlp.parse(a.body).sents)).text
    assert first.rstrip() == prefix.rstrip()


def test_byline_and_date_lines_and_end_marker_lines():
    text = page(
        "Menu",
        "Search",
        "Border talks make progress",
        "By Petra Lund",
        "Published March 4, 2025",
        tail=["(END)", "Related articles", "Floods hit coastal towns as storm moves east"],
    )
    a = clean(from_content(text))
    assert a.byline == "Petra Lund"
    assert a.published == "2025-03-04"
    assert a.title == "Border talks make progress"
    assert a.body.endswith("later this week.")
    assert reasons(a)["(END)"] == "end-marker"


def test_menu_lines_and_comments_are_dropped():
    menu = ["World", "Politics", "Business", "Sport", "Culture", "Opinion", "Video"]
    comments = [
        "Comments (3)",
        "ReaderX says:",
        "This is what happens when talks drag on for months and nobody acts.",
    ]
    a = clean(from_content(page(*menu, "Border talks make progress", tail=comments)))
    assert a.body.startswith("Foreign Minister")
    assert "nobody acts" not in a.body and "Politics" not in a.body


def test_input_metadata_wins():
    raw = from_content(page("Border talks", "Nordpress, March 3, 2025"), published="2025-03-09")
    assert clean(raw).published == "2025-03-09"


def test_empty_and_no_text_raise_clean_error():
    with pytest.raises(CleanError):
        clean(from_content("Home\n\nMenu\n\nShare\n\nPrint\n"))


def test_non_english_is_flagged_not_crashed():
    text = (
        "Les ministres des affaires étrangères se sont réunis lundi à Genève pour discuter du cessez-le-feu "
        "et de la réouverture de la frontière. Ils ont signé un accord qui prévoit un échange de prisonniers "
        "dans les deux semaines."
    )
    a = clean(from_content(text))
    assert a.language == "fr"
    assert clean(from_content(page("Border talks"))).language == "en"


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "Foreign Minister Tomas Varga met his Ostrian\ncounterpart Lena Kovic on Monday to discuss the\n"
        "ceasefire, officials said.\n\nThe two ministers agreed to reopen the\ncrossing within two weeks.\n"
    )
    a = clean(from_content(wrapped))
    assert "Ostrian counterpart Lena Kovic on Monday to discuss the ceasefire" in a.body
    assert a.body.count("\n\n") == 1


def test_story_list_after_the_article_is_not_body():
    stories = []
    for i, (head, blurb) in enumerate(
        [
            ("Storm leaves thousands without power across the northern coast", "Engineers worked overnight"),
            (
                "Local council approves new budget after long debate on taxes",
                "Councillors voted eight to five",
            ),
            (
                "Museum unveils restored paintings from the old royal collection",
                "The works were damaged in 1950",
            ),
            ("Farmers protest against new import rules outside parliament", "Tractors blocked the main road"),
        ]
    ):
        stories += [
            head,
            "News",
            f"{blurb} on day {i} as officials promised a full review of what happened there.",
        ]
    a = clean(from_content(page("Border talks make progress", tail=stories)))
    assert a.body.endswith("later this week.")
    assert "Councillors" not in a.body


def test_a_bare_sentence_is_kept_whole():
    """Sentence-level input (a line to code, a wire flash) has no page around it."""
    from eventwire.clean import clean
    from eventwire.sources import from_content

    for text in (
        "Rebels attacked an army post.",
        "{Troops of Ruritania entered Zenda on Monday, officials said.}",
    ):
        art = clean(from_content(text))
        assert art.body == text and art.title is None


def test_body_keeps_the_input_offsets_when_only_white_space_differs():
    """Offsets into the body are offsets into the input when the article is one stretch of it."""
    from eventwire.clean import clean
    from eventwire.sources import from_content

    text = (
        "Home | World | Sport\n\nBoats from the navy\nreached the island of Korcula on Monday, officials said.\n"
        "The mayor thanked the crews.\n\nRescue teams will stay until Friday, the ministry said.\n\nShare this\n"
    )
    body = clean(from_content(text)).body
    start = text.index("Boats")
    assert text[start : start + len(body)].replace("\n", " ") == body.replace("\n", " ")
    assert "navy reached" in body  # the hard-wrapped line is joined by a space, same length
    assert "crews.\n\nRescue" in body and "said.\nThe mayor" in body  # paragraph breaks as written
