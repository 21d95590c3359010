"""The actors stage as a spaCy component, so a spaCy user can run it in their own pipeline:

import eventwire.actors  # registers the factory
nlp.add_pipe("eventwire_actors")
doc = nlp(text); doc._.actors  # the Cast: doc._.actors.actors, doc._.actors.actor_of_token(tok)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors.resolve import find_actors

if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


class ActorsComponent:
    def __init__(self, lexicons: list[str]) -> None:
        self.lexicons = tuple(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, None, self.lexicons)
        return doc


@Language.factory("eventwire_actors", default_config={"lexicons": []})
def make_actors(nlp: Language, name: str, lexicons: list[str]) -> ActorsComponent:
    return ActorsComponent(lexicons)
