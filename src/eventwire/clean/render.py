"""HTML to plain lines, the way a naive scraper renders a page: the fallback when trafilatura finds nothing.

Block elements end lines; scripts, styles and templates are dropped. The plain-text cleaner then decides
what is article text, so a short or unusual page still yields its prose.
"""

from __future__ import annotations

import lxml.html

BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer nav aside blockquote "
    "pre figure figcaption dd dt dl main form title".split()
)
DROP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head"})


def html_to_text(html: str) -> str:
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml raises on empty or broken documents: nothing to render
        return ""
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in DROP:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in BLOCKS
        if block:
            parts.append("\n\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    return "".join(parts)
