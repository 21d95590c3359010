"""The pipeline: clean -> nlp -> actors -> places -> events -> quotes, one direction.

`Pipeline` holds what is expensive to build (the spaCy model, the gazetteer, the compiled event
patterns) and builds it once; `process` and `process_many` then run per article. Each stage is
counted and timed in `Pipeline.stats`, so `ingest` can say where the time goes.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from eventwire import nlp
from eventwire.config import Config
from eventwire.errors import EventwireError, StageError
from eventwire.model import Article, RawDoc, Record


@dataclass
class StageStats:
    docs: int = 0
    errors: int = 0
    seconds: float = 0.0


@dataclass
class Failure:
    """A document the pipeline could not process; stored in the errors table."""

    doc_id: str | None
    origin: str | None
    stage: str
    kind: str
    message: str


@dataclass
class Pipeline:
    config: Config = field(default_factory=Config)
    stats: dict[str, StageStats] = field(default_factory=lambda: defaultdict(StageStats))

    # -- stages built once -------------------------------------------------------------------
    @cached_property
    def nlp(self):
        return nlp.load(self.config.model)

    @cached_property
    def event_coder(self):
        from eventwire.events import EventCoder

        return EventCoder(extra_patterns=self.config.patterns)

    @cached_property
    def geocoder(self):
        from eventwire.geo import Geocoder

        return Geocoder(demonyms=self.config.demonym_places)

    def prepare(self) -> Pipeline:
        """Build every stage now: a bad user pattern file fails here, before any work starts."""
        _ = self.nlp
        from eventwire.actors.lexicon import load_lexicon

        load_lexicon(self.config.actor_lexicon)  # a bad user file raises PatternError now
        if self.config.events:
            _ = self.event_coder
        if self.config.geo:
            _ = self.geocoder
        return self

    # -- per document ------------------------------------------------------------------------
    def _timed(self, stage: str, fn, *args):
        t = time.perf_counter()
        try:
            out = fn(*args)
        except Exception:
            self.stats[stage].errors += 1
            raise
        finally:
            self.stats[stage].seconds += time.perf_counter() - t
        self.stats[stage].docs += 1
        return out

    def clean(self, raw: RawDoc) -> Article:
        from eventwire.clean import clean

        article = self._timed("clean", clean, raw)
        if not article.published and self.config.default_date:
            article.published = self.config.default_date
        if len(article.body) > self.config.max_chars:
            article.body = article.body[: self.config.max_chars]
        return article

    def annotate(self, article: Article, doc) -> Record:
        """Run the stages that read the parse and assemble the record."""
        from eventwire.actors import find_actors
        from eventwire.quotes import find_quotes

        cast = self._timed("actors", find_actors, doc, article, tuple(self.config.actor_lexicon))
        places = self._timed("geo", self.geocoder.find_places, doc, article, cast) if self.config.geo else []
        events = (
            self._timed("events", self.event_coder.code, doc, article, cast, places)
            if self.config.events
            else []
        )
        quotes = self._timed("quotes", find_quotes, doc, article, cast) if self.config.quotes else []
        return Record(
            id=article.id, article=article, actors=cast.actors, events=events, quotes=quotes, places=places
        )

    def process_raw(self, raw: RawDoc) -> Record:
        article = self.clean(raw)
        doc = self._timed("nlp", self.nlp, article.body)
        return self.annotate(article, doc)

    def process_many(self, raws: Iterable[RawDoc | EventwireError]) -> Iterator[Record | Failure]:
        """Records in input order; a document that fails yields a `Failure` and the batch goes on."""
        cleaned = self._clean_all(raws)
        batch: list[Article | Failure] = []
        for item in cleaned:
            batch.append(item)
            if len(batch) >= self.config.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _clean_all(self, raws: Iterable[RawDoc | EventwireError]) -> Iterator[Article | Failure]:
        for raw in raws:
            if isinstance(raw, EventwireError):
                yield _failure(raw, raw.stage)
                continue
            try:
                yield self.clean(raw)
            except Exception as exc:  # a bad page must not lose the rest of the batch
                yield _failure(exc, "clean", raw.id, raw.origin)

    def _run_batch(self, batch: list[Article | Failure]) -> Iterator[Record | Failure]:
        articles = [a for a in batch if isinstance(a, Article)]
        t = time.perf_counter()
        docs = list(
            self.nlp.pipe(
                (a.body for a in articles), batch_size=self.config.batch_size, n_process=self.config.n_process
            )
        )
        self.stats["nlp"].seconds += time.perf_counter() - t
        self.stats["nlp"].docs += len(docs)
        parsed = dict(zip((id(a) for a in articles), docs, strict=True))
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield self.annotate(item, parsed[id(item)])
            except Exception as exc:
                yield _failure(exc, "nlp", item.id, item.url)


def _failure(exc: Exception, stage: str, doc_id: str | None = None, origin: str | None = None) -> Failure:
    if isinstance(exc, EventwireError):
        return Failure(exc.doc_id or doc_id, exc.origin or origin, exc.stage, exc.kind, exc.message)
    if isinstance(exc, StageError):  # pragma: no cover - covered by the branch above
        stage = exc.stage
    message = f"{type(exc).__name__}: {exc}".strip()
    return Failure(doc_id, origin, stage, type(exc).__name__, message[:1000])
