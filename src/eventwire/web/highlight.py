"""Cut an article body into segments, each knowing which annotations cover it.

The body is hostile scraped text, so it is never turned into HTML here: the template prints each
segment's text through Jinja's autoescape and only adds classes and data-* attributes from our own
annotation fields. Overlapping spans (a trigger inside a quote, an actor inside a trigger) are handled by
cutting at every span boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.model import Record
from eventwire.store.queries import QUAD_NAMES, make_uid


@dataclass
class Segment:
    text: str
    start: int
    classes: list[str] = field(default_factory=list)
    ann: list[str] = field(default_factory=list)
    data: dict[str, str] = field(default_factory=dict)
    focus: bool = False  # inside the sentence of the event being viewed


def _valid(span, n: int) -> bool:
    return bool(span) and 0 <= span[0] < span[1] <= n


def cameo_name(code: str | None) -> str:
    """The CAMEO codebook's name for a code ("195" -> "Employ aerial weapons"), '' when unknown."""
    from eventwire import lexicon

    entry = lexicon.event_codes().get(code or "")
    return entry["name"].capitalize() if entry else ""


def annotations(rec: Record) -> tuple[list[tuple[int, int, str, str]], dict[str, dict[str, Any]]]:
    """(start, end, kind, key) spans and, per key, what the popover shows."""
    n = len(rec.article.body)
    spans: list[tuple[int, int, str, str]] = []
    info: dict[str, dict[str, Any]] = {}
    names = {a.id: a.name for a in rec.actors}
    for a in rec.actors:
        key = f"actor:{a.id}"
        info[key] = {"kind": "actor", "name": a.name, "code": a.code, "type": a.kind, "evidence": a.evidence}
        spans += [(s[0], s[1], "actor", key) for s in a.mentions if _valid(s, n)]
    for e in rec.events:
        key = f"event:{e.id}"
        info[key] = {
            "kind": "event",
            "id": e.id,
            "uid": make_uid(rec.id, e.id),
            "code": e.code,
            "code_name": cameo_name(e.code),
            "root": e.root,
            "quad_class": e.quad_class,
            "quad_name": QUAD_NAMES.get(e.quad_class),
            "goldstein": e.goldstein,
            "plover": (e.plover or {}).get("type"),
            "source": e.source_code or names.get(e.source),
            "source_name": names.get(e.source),
            "target": e.target_code or names.get(e.target),
            "target_name": names.get(e.target),
            "modality": e.modality,
            "claimed_by": names.get(e.claimed_by),
            "date": e.date,
            "date_basis": e.date_basis,
            "rule": e.rule,
            "confidence": e.confidence,
        }
        if _valid(e.trigger, n):
            spans.append((e.trigger[0], e.trigger[1], "trigger", key))
    for q in rec.quotes:
        key = f"quote:{q.id}"
        info[key] = {"kind": "quote", "speaker": q.speaker_name, "type": q.kind, "cue": q.cue}
        if _valid(q.span, n):
            spans.append((q.span[0], q.span[1], "quote", key))
    for p in rec.places:
        key = f"place:{p.id}"
        info[key] = {
            "kind": "place",
            "name": p.name,
            "country": p.country,
            "feature": p.feature,
            "lat": p.lat,
            "lon": p.lon,
            "confidence": p.confidence,
        }
        spans += [(s[0], s[1], "place", key) for s in p.spans if _valid(s, n)]
    return spans, info


def segments(
    body: str,
    spans: list[tuple[int, int, str, str]],
    info: dict[str, dict[str, Any]] | None = None,
    focus: tuple[int, int] | None = None,
) -> list[Segment]:
    """Segments covering the whole body in order; `focus` marks one sentence (the event being viewed)."""
    info = info or {}
    cuts = {0, len(body)}
    for start, end, _, _ in spans:
        cuts.update((start, end))
    if focus and _valid(focus, len(body)):
        cuts.update(focus)
    points = sorted(cuts)
    out: list[Segment] = []
    for start, end in zip(points, points[1:], strict=False):
        seg = Segment(body[start:end], start)
        for s, e, kind, key in spans:
            if s <= start and end <= e:
                if kind not in seg.classes:
                    seg.classes.append(kind)
                seg.ann.append(key)
                if kind == "trigger":
                    ev = info.get(key, {})
                    for name in ("code", "modality", "date", "rule", "confidence"):
                        if ev.get(name) is not None:
                            seg.data.setdefault(name, str(ev[name]))
        seg.focus = bool(focus) and focus[0] <= start and end <= focus[1]
        out.append(seg)
    return out


def runs(segs: list[Segment]) -> list[tuple[bool, list[Segment]]]:
    """Consecutive segments grouped by whether they are in the focused sentence, to wrap it once."""
    out: list[tuple[bool, list[Segment]]] = []
    for seg in segs:
        if out and out[-1][0] == seg.focus:
            out[-1][1].append(seg)
        else:
            out.append((seg.focus, [seg]))
    return out


def sentence_segments(sentence: str, offset: int, trigger: tuple[int, int] | None) -> list[Segment]:
    """A single sentence with its trigger marked (offsets are body offsets)."""
    spans = []
    if trigger and offset <= trigger[0] < trigger[1] <= offset + len(sentence):
        spans.append((trigger[0] - offset, trigger[1] - offset, "trigger", "trigger"))
    return segments(sentence, spans)
