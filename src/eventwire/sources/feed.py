"""RSS / Atom reader (feedparser): one RawDoc per entry, full content when the feed has it, else the summary."""

from __future__ import annotations

from collections.abc import Iterator

import feedparser

from eventwire.errors import SourceError
from eventwire.model import RawDoc, content_id
from eventwire.sources.dates import iso_day
from eventwire.sources.single import from_bytes


def _body(entry) -> tuple[str, str]:
    """(text, format) of the richest text the entry carries."""
    for item in entry.get("content") or []:
        if (item.get("value") or "").strip():
            return item["value"], "html" if "html" in (item.get("type") or "") else "text"
    summary = entry.get("summary") or entry.get("description") or ""
    detail = entry.get("summary_detail") or {}
    return summary, "html" if "html" in (detail.get("type") or "text/html") else "text"


def read_feed(data: bytes, origin: str) -> Iterator[RawDoc | SourceError]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        yield SourceError(f"feed has no entries{reason}"[:300], origin=origin)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries):
        where = f"{origin}#entry {i}"
        text, fmt = _body(entry)
        title = (entry.get("title") or "").strip() or None
        guid = entry.get("id") or entry.get("link")
        published = iso_day(entry.get("published_parsed") or entry.get("updated_parsed"))
        try:
            raw = from_bytes(
                text,
                origin=where,
                input_format=fmt,
                id=content_id("feed:" + guid) if guid else None,
                url=entry.get("link") or None,
                published=published,
                title=title,
            )
        except SourceError as exc:
            yield exc
            continue
        if outlet:
            raw.meta["outlet"] = outlet
        yield raw
