"""WARC / WARC.gz reader (warcio): one RawDoc per HTTP response record that holds HTML.

Other records (requests, metadata, images, redirects) are skipped and the reason logged. A truncated or
corrupt archive yields the records read so far, then one SourceError.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from eventwire.errors import SourceError
from eventwire.model import RawDoc, content_id
from eventwire.sources.dates import iso_day
from eventwire.sources.single import from_bytes

log = logging.getLogger(__name__)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


def read_warc(stream: BinaryIO, origin: str) -> Iterator[RawDoc | SourceError]:
    n = 0
    try:
        for record in ArchiveIterator(stream):
            n += 1
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"record {n}"
            where = f"{origin}#{rid}"
            if record.rec_type != "response":
                log.debug("%s: skipped %s record", where, record.rec_type)
                continue
            if record.http_headers is None:
                log.info("%s: skipped: response record without HTTP headers", where)
                continue
            status = record.http_headers.get_statuscode()
            ctype = record.http_headers.get_header("Content-Type") or ""
            if status and not status.startswith("2"):
                log.info("%s: skipped: HTTP status %s", where, status)
                continue
            if "html" not in ctype.lower():
                log.info("%s: skipped: content type %r is not HTML", where, ctype)
                continue
            payload = record.content_stream().read()
            if getattr(record.raw_stream, "limit", 0):  # the archive ends inside this record
                yield SourceError(
                    f"truncated record after {n - 1} record(s): payload cut short", origin=where
                )
                return
            charset = _charset(ctype)
            data: bytes | str = payload
            if charset:
                try:
                    data = payload.decode(charset)
                except (LookupError, UnicodeDecodeError):
                    data = payload  # the header lied: let the decoder guess
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                raw = from_bytes(data, origin=where, input_format="html", url=url)
            except SourceError as exc:
                yield exc
                continue
            # the same bytes under two URLs are two documents; the same URL and bytes re-crawled are one
            raw.id = content_id(f"{url}\n{raw.content}") if url else raw.id
            raw.fetched_at = record.rec_headers.get_header("WARC-Date")
            raw.meta["warc_record_id"] = rid
            if raw.published is None and raw.fetched_at:
                raw.meta["fetched_day"] = iso_day(raw.fetched_at)
            yield raw
    except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib.error, EOFError... on a cut archive
        yield SourceError(
            f"archive unreadable after {n} record(s): {type(exc).__name__}: {exc}"[:500], origin=origin
        )
        return
    if n == 0:
        yield SourceError("no WARC records found (not a WARC file, or empty)", origin=origin)
    elif _gzip_cut_short(stream):
        yield SourceError(
            f"truncated archive: the gzip stream ends early, after {n} record(s)", origin=origin
        )


def _gzip_cut_short(stream: BinaryIO) -> bool:
    """warcio stops silently at a gzip member cut short; read the file again to tell."""
    try:
        stream.seek(0)
        head = stream.read(2)
        if head != b"\x1f\x8b":
            return False
        stream.seek(0)
        with gzip.GzipFile(fileobj=stream) as gz:
            while gz.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error):
        return True
    except (AttributeError, ValueError):  # a stream that cannot seek: nothing more to tell
        return False
    return False
