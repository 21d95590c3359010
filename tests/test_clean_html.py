"""The HTML cleaner (trafilatura) on pages written for these tests."""

from __future__ import annotations

from eventwire.clean import clean
from eventwire.sources import from_content

PARAS = [
    "Foreign Minister Tomas Varga met his Ostrian counterpart Lena Kovic on Monday in Geneva to discuss the "
    "ceasefire along the disputed northern border, officials said.",
    "The two ministers agreed to reopen the Dravik crossing and to exchange prisoners within two weeks, "
    "according to a joint statement released after the talks.",
    "\u201cWe have taken a first step, but the road is long,\u201d Varga told reporters after the meeting.",
    "Kovic accused rebel units of shelling villages near Dravik on Sunday and said her government would raise "
    "the attacks at the United Nations.",
]

PAGE = f"""<!doctype html><html lang="en"><head><title>Varga and Kovic agree to reopen crossing | Nordpress</title>
<meta property="og:site_name" content="Nordpress">
<meta property="article:published_time" content="2025-03-03T09:15:00Z">
<meta name="author" content="Petra Lund"></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Varga and Kovic agree to reopen crossing</h1>
{"".join(f"<p>{p}</p>" for p in PARAS)}
</article>
<section class="comments"><h3>Comments</h3><div class="comment"><p>Reader42: About time they talked, this war
has gone on far too long for everyone involved.</p></div></section></main>
<footer><p>Copyright 2025 Nordpress. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_body_metadata_and_paragraphs():
    a = clean(from_content(PAGE, url="https://nordpress.example/world/crossing"))
    assert a.title == "Varga and Kovic agree to reopen crossing"
    assert a.published == "2025-03-03"
    assert a.outlet == "Nordpress"
    assert a.byline == "Petra Lund"
    assert a.body.split("\n\n")[0].startswith("Foreign Minister Tomas Varga")
    assert a.body.count("\n\n") >= 3
    for junk in ("Reader42", "All rights reserved", "Privacy policy", "Sport"):
        assert junk not in a.body


def test_html_input_date_wins_and_dateline_is_read():
    page = PAGE.replace("<p>Foreign Minister", "<p>GENEVA (Reuters) - Foreign Minister")
    a = clean(from_content(page, published="2025-03-04"))
    assert a.published == "2025-03-04"
    assert a.dateline == "GENEVA (Reuters)" and a.body.startswith("GENEVA (Reuters) - Foreign Minister")


def test_html_without_body_is_a_clean_error():
    import pytest

    from eventwire.errors import CleanError

    with pytest.raises(CleanError):
        clean(from_content("<html><head><title>Nothing</title></head></html>", input_format="html"))


def test_render_fallback_keeps_lines_and_drops_scripts():
    from eventwire.clean.render import html_to_text

    text = html_to_text(
        "<html><head><title>t</title><script>var x = 1;</script></head><body><nav><a>Home</a><a>World</a></nav>"
        "<p>The envoy arrived in Oslo on Monday.</p><div>Talks begin <b>Tuesday</b>.</div></body></html>"
    )
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert "The envoy arrived in Oslo on Monday." in lines and "Talks begin Tuesday." in lines
    assert "var x" not in text
