"""Runners shared by the stage tests: one sentence or article in, the stage's records out (real model)."""

from __future__ import annotations

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.events import EventCoder
from eventwire.model import Article
from eventwire.quotes import find_quotes


def events_runner(published: str = "2015-10-01"):
    """text -> events, through the real parse and actors stage (no places)."""
    pipe = nlp.load()
    coder = EventCoder()

    def _run(text: str):
        doc = pipe(text)
        article = Article(id="t", body=text, published=published)
        return coder.code(doc, article, find_actors(doc, article), [])

    return _run


def quotes_runner():
    """body -> quotes, through the real parse and actors stage."""
    nlp.load()

    def _run(body: str, id: str = "t"):
        article = Article(id=id, body=body)
        doc = nlp.parse(body)
        return find_quotes(doc, article, find_actors(doc, article))

    return _run


def plover_pairs(events) -> set[tuple[str, str, str | None]]:
    """(source country, target country, PLOVER type) of the events a coder counts (as score.py does)."""
    return {
        ((e.source_code or "")[:3], (e.target_code or "")[:3], e.plover["type"] if e.plover else None)
        for e in events
        if e.modality not in ("hypothetical", "negated")
    }


def quote_with(quotes, words: str):
    """The first quote whose text holds `words` (fails with the texts found)."""
    hits = [q for q in quotes if words in q.text]
    assert hits, f"no quote with {words!r} in {[q.text for q in quotes]}"
    return hits[0]
