"""What the finders hand to speaker resolution: a quote before its speaker is known."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token


@dataclass
class Candidate:
    span: tuple[int, int]
    text: str
    kind: str  # direct | partial | indirect
    cue: Token | None = None  # the reporting word ("said", "according")
    cue_end: int | None = None  # end char of a multiword cue ("according to")
    speaker: Token | None = None  # head of the speaker phrase, when the syntax gives one
    inherit: bool = False  # no cue of its own: takes the speaker of the adjacent quote
    via: str = ""  # which rule found it, for debugging


class TokenIndex:
    """Tokens by character offset, so finders can work on character ranges of the body."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens that begin inside [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [self.doc[i] for i in range(lo, hi)]

    def at(self, char: int) -> Token | None:
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[i] if i >= 0 else None


def indirect_from_tokens(doc, tokens, cue, cue_end: int, speaker, via: str) -> Candidate:
    """A reported-speech candidate covering `tokens` (already trimmed), text taken from the doc."""
    from eventwire.nlp import doc_text

    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return Candidate(
        span=(start, end),
        text=doc_text(doc)[start:end],
        kind="indirect",
        cue=cue,
        cue_end=cue_end,
        speaker=speaker,
        via=via,
    )
