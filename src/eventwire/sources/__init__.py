"""Sources: one reader per input format, each yielding RawDoc (or a SourceError for a bad input).

`read` never raises for a bad input: it yields a SourceError naming the file (and line / record / entry)
so a batch goes on. Ids are content hashes (`model.content_id`) unless the input carries one (JSONL `id`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import SourceError
from eventwire.model import RawDoc
from eventwire.sources.detect import EXTENSIONS, FORMATS, by_content, by_extension
from eventwire.sources.single import from_bytes

__all__ = ["EXTENSIONS", "FORMATS", "from_content", "read"]


def from_content(
    content: str | bytes,
    *,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
    input_format: str | None = None,
    origin: str = "<input>",
) -> RawDoc:
    """A RawDoc from text or HTML held in memory (the Python API and `extract -`).

    Raises SourceError when the content is empty, binary or undecodable.
    """
    from eventwire.sources.dates import iso_day

    if input_format not in (None, "text", "html"):
        raise ValueError(f"from_content reads one text or HTML document, not {input_format!r}; use read()")
    return from_bytes(
        content, origin=origin, input_format=input_format, id=id, url=url, published=iso_day(published)
    )


def read(paths: list[str | Path], input_format: str | None = None) -> Iterator[RawDoc | SourceError]:
    """Yield a RawDoc per document found under `paths` (files, folders, `-` for standard input)."""
    if input_format is not None and input_format not in FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(FORMATS)}")
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin(input_format)
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from _read_file(f, input_format or by_extension(f))
        elif path.exists():
            yield from _read_file(path, input_format)
        else:
            yield SourceError("no such file or folder", origin=str(path))


def _walk(folder: Path) -> list[Path]:
    """Files under `folder` with a known extension, recursively, in a stable sorted order."""
    found = [f for f in folder.rglob("*") if f.is_file() and by_extension(f) and not f.name.startswith(".")]
    return sorted(found, key=lambda f: f.relative_to(folder).as_posix())


def _read_file(path: Path, input_format: str | None) -> Iterator[RawDoc | SourceError]:
    origin = str(path)
    try:
        fmt = input_format or by_extension(path)
        if fmt is None:
            with path.open("rb") as fh:
                fmt = by_content(fh.read(8192))
        if fmt == "jsonl":
            from eventwire.sources.jsonl import read_jsonl

            with path.open("rb") as fh:
                yield from read_jsonl(fh, origin)
        elif fmt == "warc":
            from eventwire.sources.warc import read_warc

            with path.open("rb") as fh:
                yield from read_warc(fh, origin)
        elif fmt == "rss":
            from eventwire.sources.feed import read_feed

            yield from read_feed(path.read_bytes(), origin)
        else:
            yield from_bytes(path.read_bytes(), origin=origin, input_format=fmt)
    except SourceError as exc:
        yield exc
    except OSError as exc:
        yield SourceError(f"cannot read: {exc.strerror or exc}", origin=origin)


def _read_stdin(input_format: str | None) -> Iterator[RawDoc | SourceError]:
    import io

    data = sys.stdin.buffer.read()
    fmt = input_format or by_content(data[:8192])
    try:
        if fmt == "jsonl":
            from eventwire.sources.jsonl import read_jsonl

            yield from read_jsonl(io.BytesIO(data), "<stdin>")
        elif fmt == "warc":
            from eventwire.sources.warc import read_warc

            yield from read_warc(io.BytesIO(data), "<stdin>")
        elif fmt == "rss":
            from eventwire.sources.feed import read_feed

            yield from read_feed(data, "<stdin>")
        else:
            yield from_bytes(data, origin="<stdin>", input_format=input_format)
    except SourceError as exc:
        yield exc
