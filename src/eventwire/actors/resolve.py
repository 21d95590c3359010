"""Find and resolve the actors of a parsed article (first cut: named entities grouped by name)."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.actors.cast import Cast
from eventwire.model import Actor, Article

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "other"}


def find_actors(doc: Doc, article: Article | None = None) -> Cast:
    cast = Cast()
    by_name: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in _KINDS:
            continue
        key = ent.text.lower()
        actor = by_name.get(key)
        if actor is None:
            actor = Actor(id=f"a{len(cast.actors) + 1}", name=ent.text, kind=_KINDS[ent.label_])
            by_name[key] = actor
            cast.add(actor)
        actor.mentions.append((ent.start_char, ent.end_char))
        for tok in ent:
            cast.token_actor[tok.i] = actor.id
    return cast
