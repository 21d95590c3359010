"""Flatten a Record into the rows of each table (see schema.py for the columns, in order)."""

from __future__ import annotations

import datetime as dt
import json

from eventwire.model import Record
from eventwire.model import parse_day as _date


def _text(body: str, span) -> str | None:
    return body[span[0] : span[1]] if span else None


def record_rows(
    rec: Record, run_id: str | None, origin: str | None, now: dt.datetime
) -> dict[str, list[tuple]]:
    art = rec.article
    body = art.body
    actors = {a.id: a for a in rec.actors}
    places = {p.id: p for p in rec.places}

    def name(actor_id):
        a = actors.get(actor_id)
        return a.name if a else None

    article_row = (
        rec.id,
        art.url,
        art.outlet,
        art.title,
        _date(art.published),
        art.dateline,
        art.byline,
        art.language,
        body,
        json.dumps([r.__dict__ for r in art.removed], ensure_ascii=False),
        origin,
        run_id,
        now,
        len(rec.actors),
        len(rec.events),
        len(rec.quotes),
        len(rec.places),
        rec.to_json(),
    )
    actor_rows = [
        (
            rec.id,
            a.id,
            a.name,
            a.code,
            a.country,
            a.role,
            a.kind,
            list(a.aliases),
            json.dumps(a.mentions),
            len(a.mentions),
            a.evidence,
        )
        for a in rec.actors
    ]
    event_rows = []
    for e in rec.events:
        place = places.get(e.place)
        sentence = e.sentence or (None, None)
        trigger = e.trigger or (None, None)
        event_rows.append(
            (
                rec.id,
                e.id,
                e.source,
                e.target,
                e.source_code,
                e.target_code,
                name(e.source),
                name(e.target),
                (e.source_code or "")[:3] or None,
                (e.target_code or "")[:3] or None,
                e.code,
                e.root,
                e.quad_class,
                e.goldstein,
                (e.plover or {}).get("type"),
                (e.plover or {}).get("mode"),
                _date(e.date),
                e.date_basis,
                e.place,
                (place.name if place else e.place_name),
                place.lat if place else None,
                place.lon if place else None,
                place.country if place else None,
                e.modality,
                e.claimed_by,
                name(e.claimed_by),
                sentence[0],
                sentence[1],
                _text(body, e.sentence),
                trigger[0],
                trigger[1],
                _text(body, e.trigger),
                e.rule,
                e.confidence,
                json.dumps(e.mentions),
            )
        )
    quote_rows = [
        (
            rec.id,
            q.id,
            q.text,
            q.span[0],
            q.span[1],
            q.kind,
            q.speaker,
            q.speaker_name,
            actors[q.speaker].code if q.speaker in actors else None,
            q.cue,
            q.cue_span[0] if q.cue_span else None,
            q.cue_span[1] if q.cue_span else None,
            _date(art.published),
        )
        for q in rec.quotes
    ]
    place_rows = [
        (
            rec.id,
            p.id,
            p.name,
            json.dumps(p.spans),
            len(p.spans),
            p.geonameid,
            p.lat,
            p.lon,
            p.country,
            p.feature,
            p.confidence,
        )
        for p in rec.places
    ]
    return {
        "articles": [article_row],
        "actors": actor_rows,
        "events": event_rows,
        "quotes": quote_rows,
        "places": place_rows,
    }
