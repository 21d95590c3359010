"""Attributions in a headline the cleaning stage moved out of the body into `Article.title`.

Headlines attribute telegraphically ("Carly Fiorina Endorses Ted Cruz", "Cruz: Trump Would Put
Liberals On Court", "Sanders calls Clinton unqualified"); when the title is not the body's first line,
it is parsed on its own and read by the headline and reported-speech finders. Such quotes have no
place in the body: `in_title` is set, `span` is (0, 0) and `cue_span` None.
"""

from __future__ import annotations

import re

from eventwire import nlp
from eventwire.model import Article, Quote
from eventwire.nlp import doc_text
from eventwire.quotes.candidate import TokenIndex
from eventwire.quotes.headline import find_headline
from eventwire.quotes.indirect import find_indirect

MAX_TITLE_CHARS = 300


def find_title_quotes(article: Article, cast, first_number: int) -> list[Quote]:
    title = (article.title or "").strip()
    if not title or len(title) > MAX_TITLE_CHARS or _in_body(title, article.body):
        return []
    text = f"{title}\n\n"
    doc = nlp.parse(text)
    cands = find_headline(doc, text, TokenIndex(doc)) or [
        c for c in find_indirect(doc, set(), set()) if c.speaker is not None and c.via != "seems"
    ]
    quotes = []
    for cand in cands[:2]:
        if cand.speaker is None or cand.cue is None:
            continue
        speaker_id, name = _speaker(cand.speaker, cast)
        if cand.cue.text == ":" and speaker_id is None:
            continue  # "Spotlight: ...", "Analysis: ...": a rubric, unless the article knows the name
        quotes.append(
            Quote(
                id=f"{article.id}:q{first_number + len(quotes)}",
                text=cand.text,
                span=(0, 0),
                kind="partial" if re.search('["\u201c\u201d]', cand.text) else "indirect",
                speaker=speaker_id,
                speaker_name=name,
                cue=text[cand.cue.idx : cand.cue_end or cand.cue.idx + len(cand.cue.text)],
                cue_span=None,
                in_title=True,
            )
        )
    return quotes


def _in_body(title: str, body: str) -> bool:
    """Whether the body still opens with the title (then the body finders have read it)."""
    head = re.sub(r"\s+", " ", body[: len(title) + 40]).lower()
    return re.sub(r"\s+", " ", title).lower()[:40] in head


def _speaker(head, cast) -> tuple[str | None, str]:
    """The actor of the body whose name holds the headline's speaker word ("Fiorina"), with the
    phrase the headline writes when it says more ("Trump's Son"); else the phrase alone."""
    doc = head.doc
    lo = head.left_edge.i if head.left_edge.i < head.i else head.i
    phrase = doc_text(doc)[doc[lo].idx : head.idx + len(head.text)]  # the name up to its head, no more
    words = set(re.findall(r"\w+", phrase.lower()))
    last = head.text.lower()
    if cast is not None and head.pos_ in ("PROPN", "NOUN"):
        hits = [
            a for a in cast.actors if last in re.findall(r"\w+", a.name.lower()) and not a.name[:1].islower()
        ]
        if len({a.id for a in hits}) == 1:
            actor = hits[0]
            name_words = set(re.findall(r"\w+", actor.name.lower()))
            return actor.id, actor.name if words <= name_words else f"{actor.name} ({phrase})"
    return None, phrase
