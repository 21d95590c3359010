"""Typed errors. Each carries the input's id and the stage, so a failure is stored, not swallowed."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: `doc_id`, `origin` and `stage` say where it happened."""

    stage = "pipeline"

    def __init__(self, message: str, doc_id: str | None = None, origin: str | None = None):
        super().__init__(message)
        self.message = message
        self.doc_id = doc_id
        self.origin = origin

    @property
    def kind(self) -> str:
        return type(self).__name__

    def __str__(self) -> str:
        where = self.origin or self.doc_id
        return f"{where}: {self.message}" if where else self.message


class SourceError(EventwireError):
    """Input that cannot be read or decoded (empty, binary, truncated, not JSON...)."""

    stage = "source"


class CleanError(EventwireError):
    """A document that has no usable article text after cleaning."""

    stage = "clean"


class StageError(EventwireError):
    """An NLP stage failed on a document; the rest of the batch goes on."""

    stage = "nlp"


class PatternError(EventwireError):
    """A user pattern or lexicon file is invalid; raised before any work starts."""

    stage = "config"
