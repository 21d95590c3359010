"""JSONL reader: one `{"id", "text"|"html", "url"?, "published"?}` object per line (FORMAT.md input form).

A bad line becomes a SourceError naming the file and line; the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from eventwire.errors import SourceError
from eventwire.model import RawDoc
from eventwire.sources.dates import iso_day
from eventwire.sources.decode import decode
from eventwire.sources.single import from_bytes


def read_jsonl(lines: Iterable[bytes], origin: str) -> Iterator[RawDoc | SourceError]:
    """Stream the objects of a JSONL file given as byte lines (so a big file is never held whole)."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}#line {n}"
        try:
            obj = json.loads(decode(line, where))
        except SourceError as exc:
            yield exc
            continue
        except ValueError as exc:
            yield SourceError(f"line {n} is not JSON: {getattr(exc, 'msg', exc)}", origin=where)
            continue
        if not isinstance(obj, dict):
            yield SourceError(f"line {n} is not a JSON object", origin=where)
            continue
        doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else None
        if isinstance(obj.get("html"), str) and obj["html"].strip():
            content, fmt = obj["html"], "html"
        elif isinstance(obj.get("text"), str) and obj["text"].strip():
            content, fmt = obj["text"], "text"
        else:
            yield SourceError(f"line {n} has no 'text' or 'html' string", doc_id=doc_id, origin=where)
            continue
        published = iso_day(obj.get("published") or obj.get("date"))  # gold files name it "date"
        try:
            yield from_bytes(
                content,
                origin=where,
                input_format=fmt,
                id=doc_id,
                url=obj.get("url") or None,
                published=published,
                title=obj["title"].strip() or None if isinstance(obj.get("title"), str) else None,
            )
        except SourceError as exc:
            exc.doc_id = exc.doc_id or doc_id
            yield exc
