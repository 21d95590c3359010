"""The cast of an article: its actors plus which tokens refer to which actor.

This is what the actors stage hands to the events, quotes and geo stages: besides the `Actor`
records, every token inside a resolved mention (a name, a surname, a role description such as
"the top U.S. diplomat", a pronoun) points to its actor id, so a later stage can turn a subject or
object token into an actor without knowing how it was resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.model import Actor


@dataclass
class Cast:
    actors: list[Actor] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)  # token index -> actor id

    def __post_init__(self) -> None:
        self._by_id = {a.id: a for a in self.actors}

    def add(self, actor: Actor) -> None:
        self.actors.append(actor)
        self._by_id[actor.id] = actor

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def actor_of_token(self, token: Token) -> Actor | None:
        return self.get(self.token_actor.get(token.i))

    def actor_of_span(self, span: SpacySpan | list[Token]) -> Actor | None:
        """The actor a phrase refers to: the one at its syntactic head, else the first one inside it."""
        tokens = list(span)
        if not tokens:
            return None
        heads = [t for t in tokens if t.head.i == t.i or t.head not in tokens]
        for t in heads + tokens:
            a = self.actor_of_token(t)
            if a:
                return a
        return None
