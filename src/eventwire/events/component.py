"""The event coder as a spaCy component, so a spaCy user can run it in their own pipeline:

import eventwire.events  # registers the factory
nlp.add_pipe("eventwire_actors"); nlp.add_pipe("eventwire_events", config={"patterns": ["mine.yaml"]})
doc = nlp(text); doc._.events  # list of eventwire.model.Event

Patterns are validated when the component is built, as in `EventCoder`. Without a publication date,
relative dates ("on Wednesday") stay unresolved (`date_basis` "none"); set `doc._.published` first.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.coder import EventCoder
from eventwire.model import Article, content_id

for _name in ("events", "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class EventsComponent:
    def __init__(self, patterns: list[str]) -> None:
        self.coder = EventCoder(extra_patterns=list(patterns))

    def __call__(self, doc: Doc) -> Doc:
        cast = doc._.actors if Doc.has_extension("actors") else None
        if cast is None:
            from eventwire.actors import find_actors

            cast = find_actors(doc, None)
        article = Article(id=content_id(doc.text, "doc:"), body=doc.text, published=doc._.published)
        doc._.events = self.coder.code(doc, article, cast, [])
        return doc


@Language.factory("eventwire_events", default_config={"patterns": []})
def make_events(nlp: Language, name: str, patterns: list[str]) -> EventsComponent:
    return EventsComponent(patterns)
