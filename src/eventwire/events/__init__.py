"""Events stage: the CAMEO/PLOVER event coder."""

from __future__ import annotations

from eventwire.model import Event


class EventCoder:
    def __init__(self, extra_patterns=()):
        self.extra_patterns = list(extra_patterns)

    def code(self, doc, article, cast, places) -> list[Event]:
        return []
