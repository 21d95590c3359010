"""The record types: the one contract every stage reads and writes.

The JSON shape of `Record` is public (see FORMAT.md): field names below are fixed; new fields may be
added, none renamed or dropped. Spans are `(start, end)` character offsets into `Article.body`, end
exclusive, so every fact can be highlighted in the text it came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

MODALITIES = ("asserted", "claimed", "hypothetical", "negated", "future")
ACTOR_KINDS = ("person", "organization", "state", "armed_group", "other")
QUOTE_KINDS = ("direct", "partial", "indirect")


def content_id(data: bytes | str, prefix: str = "") -> str:
    """A stable id from content, so the same input always gets the same id (idempotent reruns)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return prefix + hashlib.sha1(data).hexdigest()[:16]


def parse_day(value: str | None) -> dt.date | None:
    """A record's "YYYY-MM-DD" (or a longer ISO timestamp) as a date; None when absent or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    return (int(value[0]), int(value[1]))


def _build(cls, d: dict[str, Any], spans: tuple[str, ...] = (), span_lists: tuple[str, ...] = ()):
    """An instance of dataclass `cls` from its JSON dict: spans back to tuples, unknown keys ignored
    (the record format may grow fields that an older reader does not know)."""
    d = dict(d)
    for k in spans:
        d[k] = _span(d.get(k))
    for k in span_lists:
        d[k] = [_span(v) for v in d.get(k) or []]
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class RawDoc:
    """One input document before cleaning, as a reader found it."""

    id: str
    origin: str
    content: bytes | str
    media_type: str = "text/plain"  # text/plain | text/html
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD when the input says so
    title: str | None = None
    fetched_at: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Removed:
    text: str
    reason: str


@dataclass
class Article:
    id: str
    body: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    dateline: str | None = None
    byline: str | None = None
    language: str | None = None
    removed: list[Removed] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("id")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], id: str = "") -> Article:
        removed = [Removed(**r) for r in d.get("removed") or []]
        known = {f.name for f in dataclasses.fields(cls)} - {"removed", "id"}
        return cls(id=d.get("id", id), removed=removed, **{k: v for k, v in d.items() if k in known})


@dataclass
class Mention:
    span: Span
    text: str
    label: str
    entity: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    code: str | None = None  # CAMEO actor code: country (3) + role(s) (3 each), e.g. RUSGOV, IGOUNO
    country: str | None = None  # CAMEO 3-letter country code
    role: str | None = None  # GOV, MIL, LEG, REB...
    kind: str = "other"  # person | organization | state | armed_group | other
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    evidence: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return _build(cls, d, span_lists=("mentions",))


@dataclass
class Event:
    id: str
    code: str  # full CAMEO event code, e.g. "195"
    root: str  # two-digit root, e.g. "19"
    source: str | None = None  # actor id
    target: str | None = None
    source_code: str | None = None  # CAMEO actor code ("---" when the country is unknown)
    target_code: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    plover: dict[str, str | None] = field(default_factory=dict)  # {"type", "mode"}
    date: str | None = None
    date_basis: str | None = None  # explicit | weekday | relative | published ...
    place: str | None = None  # place id
    place_name: str | None = None  # the location phrase, kept even when unresolved
    modality: str = "asserted"
    claimed_by: str | None = None  # actor id of the speaker for reported events
    sentence: Span | None = None
    trigger: Span | None = None
    rule: str | None = None
    confidence: float = 0.5
    mentions: list[Span] = field(default_factory=list)  # sentence spans when stated more than once

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return _build(cls, d, spans=("sentence", "trigger"), span_lists=("mentions",))


@dataclass
class Quote:
    id: str
    text: str
    span: Span
    kind: str  # direct | partial | indirect
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    # the attribution stands in `Article.title`, not in the body ("Carly Fiorina Endorses Ted Cruz"):
    # span is then (0, 0) and cue_span None, so nothing in the body is marked for it
    in_title: bool = False

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return _build(cls, d, spans=("span", "cue_span"))


@dataclass
class Place:
    id: str
    name: str
    spans: list[Span] = field(default_factory=list)
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-2
    feature: str | None = None  # e.g. PPL, ADM1, PCLI, region
    confidence: float = 0.5

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return _build(cls, d, span_lists=("spans",))


@dataclass
class Record:
    """One article with everything found in it: the unit that is printed, stored and exported."""

    id: str
    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article.to_dict(),
            "actors": [dataclasses.asdict(a) for a in self.actors],
            "events": [dataclasses.asdict(e) for e in self.events],
            "quotes": [dataclasses.asdict(q) for q in self.quotes],
            "places": [dataclasses.asdict(p) for p in self.places],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        return cls(
            id=d["id"],
            article=Article.from_dict(d["article"], id=d["id"]),
            actors=[Actor.from_dict(a) for a in d.get("actors") or []],
            events=[Event.from_dict(e) for e in d.get("events") or []],
            quotes=[Quote.from_dict(q) for q in d.get("quotes") or []],
            places=[Place.from_dict(p) for p in d.get("places") or []],
        )

    @classmethod
    def from_json(cls, text: str) -> Record:
        return cls.from_dict(json.loads(text))
