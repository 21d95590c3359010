"""Readers for one-document inputs: a plain-text file or an HTML file (or standard input)."""

from __future__ import annotations

from eventwire.model import RawDoc, content_id
from eventwire.sources.decode import cap, decode
from eventwire.sources.detect import looks_like_html


def from_bytes(
    data: bytes | str,
    *,
    origin: str,
    input_format: str | None = None,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> RawDoc:
    """A RawDoc from one document's bytes; raises SourceError on empty, binary or undecodable input.

    `input_format` "text" or "html" forces the media type; None sniffs for HTML tags.
    """
    truncated = None
    if isinstance(data, bytes):
        data, truncated = cap(data)
        text = decode(data, origin)
    else:
        text = data
        if not text.strip():
            from eventwire.errors import SourceError

            raise SourceError("empty input", doc_id=id, origin=origin)
    text = text.lstrip("\ufeff")
    html = input_format == "html" or (input_format in (None, "") and looks_like_html(text))
    raw = RawDoc(
        id=id or content_id(text),
        origin=origin,
        content=text,
        media_type="text/html" if html else "text/plain",
        url=url,
        published=published,
        title=title,
    )
    if truncated:
        raw.meta["truncated"] = truncated
    return raw
