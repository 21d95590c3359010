"""`clean(raw) -> Article`: route a RawDoc to the HTML or plain-text cleaner and assemble the Article.

Input metadata wins over what the page says (a JSONL `published`, a feed's title and date).
"""

from __future__ import annotations

import re

from eventwire.clean.html import extract_html
from eventwire.clean.language import guess_language
from eventwire.clean.lexicon import markers, norm_line
from eventwire.clean.text import clean_text
from eventwire.errors import CleanError
from eventwire.model import Article, RawDoc, Removed

MIN_WORDS = 5  # fewer words than this is not an article


def _as_text(raw: RawDoc) -> str:
    if isinstance(raw.content, bytes):
        from eventwire.sources.decode import decode

        return decode(raw.content, raw.origin)
    return raw.content


def clean(raw: RawDoc) -> Article:
    """The clean article of `raw`; raises CleanError when no usable article text is left."""
    text = _as_text(raw)
    if raw.media_type == "text/html":
        try:
            art = _from_html(raw, text)
        except CleanError:
            art = None
        if art is None or len(re.findall(r"\w+", art.body)) < MIN_WORDS:
            art = _from_rendered_html(raw, text) or art
        if art is None:
            raise CleanError("no article text found in the HTML", doc_id=raw.id, origin=raw.origin)
    else:
        art = _from_text(raw, text)
        if len(re.findall(r"\w+", art.body)) < MIN_WORDS and _bare_statement(text):
            art.body, art.title, art.removed = text.strip(), None, []
    if len(re.findall(r"\w+", art.body)) < MIN_WORDS and not _bare_statement(art.body):
        raise CleanError("no usable article text", doc_id=raw.id, origin=raw.origin)
    if raw.meta.get("truncated"):
        art.removed.append(
            Removed(f"[input of {raw.meta['truncated']} bytes cut to {len(text)} characters]", "truncated")
        )
    art.language = guess_language(art.body)
    if raw.published:
        art.published = raw.published
    return art


def as_written(original: str, body: str) -> str:
    """The body at the input's own offsets, when the kept text is one stretch of the input that differs
    from `body` only in white space: annotations made on the input then line up with ours.

    Within that stretch a line break the cleaner joined (hard-wrapped prose) becomes a space, the same
    length, so every newline left in the body is a paragraph break, as in the cleaned body.
    """
    if body in original:  # already as written
        return body
    words = body.split()
    if not words or len(words) > 50_000:
        return body
    found = re.search(r"(\s+)".join(map(re.escape, words)), original)
    if not found:
        return body
    body_gaps = re.findall(r"\s+", body.strip())
    out, pos = [], found.start()
    for i, gap in enumerate(found.groups()):
        start = found.start(i + 1)
        out.append(original[pos:start])
        out.append(gap if "\n" in body_gaps[i] else re.sub(r"[\r\n]", " ", gap))
        pos = found.end(i + 1)
    out.append(original[pos : found.end()])
    return "".join(out)


def _bare_statement(text: str) -> bool:
    """One or two short lines of prose (a sentence to code, a wire flash) have no page around them:
    they are kept whole rather than judged as a page's leftovers."""
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    words = re.findall(r"\w+", text)
    return 0 < len(lines) <= 2 and 2 <= len(words) <= 120 and any(c.isalpha() for c in text)


def _from_rendered_html(raw: RawDoc, html: str) -> Article | None:
    """Fallback for pages trafilatura finds no article in: render to lines, run the plain-text cleaner."""
    from eventwire.clean.render import html_to_text

    text = html_to_text(html)
    if len(re.findall(r"\w+", text)) < MIN_WORDS:
        return None
    art = _from_text(raw, text)
    art.removed.append(Removed("[trafilatura found no article; page rendered as text]", "html-fallback"))
    return art


def _from_text(raw: RawDoc, text: str) -> Article:
    parts = clean_text(text, given_title=raw.title)
    return Article(
        id=raw.id,
        body=as_written(text, parts.body),
        url=raw.url,
        outlet=parts.outlet or raw.meta.get("outlet"),
        title=parts.title,
        published=parts.published,
        dateline=parts.dateline,
        byline=parts.byline,
        removed=parts.removed,
    )


def _strip_site(title: str | None, outlet: str | None) -> str | None:
    """'Headline - Outlet' -> 'Headline' when the suffix names the outlet (or looks like a domain)."""
    from eventwire.clean import meta

    if not title:
        return title
    head, site = meta.split_site(title)
    if not site:
        return title
    s, o = norm_line(site), norm_line(outlet or "")
    if (o and (s in o or o in s)) or re.search(r"\.(?:com|co|org|net|news|ca|uk|au|in)\b", site.lower()):
        return head
    return title


def _from_html(raw: RawDoc, text: str) -> Article:
    from eventwire.clean import meta

    parts = extract_html(text, url=raw.url, doc_id=raw.id)
    body = parts.body
    removed: list[Removed] = []
    dateline = None
    outlet = raw.meta.get("outlet") or parts.outlet
    paras = body.split("\n\n")
    title = raw.title or _strip_site(parts.title, outlet)
    if title and paras and norm_line(paras[0]) == norm_line(title):
        removed.append(Removed(paras.pop(0), "title"))  # the <h1> trafilatura kept at the top
    mk = markers()
    while paras and mk.end.match(paras[-1]):
        removed.append(Removed(paras.pop(), "end-marker"))
    if paras:
        m = mk.trailing.search(paras[-1])
        if m and m.start() > 0:
            removed.append(Removed(paras[-1][m.start() :].strip(), "end-marker"))
            paras[-1] = paras[-1][: m.start()].rstrip()
        found = meta.prefix_dateline(paras[0])
        if found:
            dl, _ = found
            dateline = dl.text
            outlet = dl.outlet or outlet
            # kept in the body (see clean.text): only its metadata is read here
    return Article(
        id=raw.id,
        body="\n\n".join(p for p in paras if p),
        url=raw.url,
        outlet=outlet,
        title=title,
        published=parts.published,
        dateline=dateline,
        byline=parts.author,
        removed=removed,
    )
