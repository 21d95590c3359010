"""Sources: one reader per input format, each yielding RawDoc (or a SourceError for a bad input)."""

from __future__ import annotations

from eventwire.model import RawDoc, content_id


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head or "<p>" in head


def from_content(
    content: str | bytes,
    *,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
    input_format: str | None = None,
    origin: str = "<input>",
) -> RawDoc:
    """A RawDoc from text or HTML held in memory (the Python API and `extract -`)."""
    if isinstance(content, bytes):
        content = content.decode("utf-8", "replace")
    html = input_format == "html" or (input_format is None and _looks_like_html(content))
    return RawDoc(
        id=id or content_id(content),
        origin=origin,
        content=content,
        media_type="text/html" if html else "text/plain",
        url=url,
        published=published,
    )


def read(paths, input_format: str | None = None):
    """Yield a RawDoc per document found under `paths` (first cut: plain files only)."""
    from pathlib import Path

    for p in paths:
        data = Path(p).read_bytes()
        yield from_content(data, input_format=input_format, origin=str(p))
