"""eventwire: raw news in, structured event data out (actors, CAMEO/PLOVER events, quotes, places).

>>> import eventwire
>>> record = eventwire.process(open("page.txt").read())
>>> [(e.source_code, e.code, e.target_code) for e in record.events]
"""

from __future__ import annotations

from eventwire.config import Config
from eventwire.model import Actor, Article, Event, Place, Quote, RawDoc, Record
from eventwire.pipeline import Failure, Pipeline

__all__ = [
    "Actor",
    "Article",
    "Config",
    "Event",
    "Failure",
    "Pipeline",
    "Place",
    "Quote",
    "RawDoc",
    "Record",
    "process",
]
__version__ = "0.1.0"

_default: Pipeline | None = None


def process(
    text_or_html: str | bytes,
    *,
    id: str | None = None,
    url: str | None = None,
    published: str | None = None,
    input_format: str | None = None,
    pipeline: Pipeline | None = None,
) -> Record:
    """Process one page (plain text or HTML, detected unless `input_format` says) into a Record."""
    from eventwire.sources import from_content

    global _default
    if pipeline is None:
        _default = _default or Pipeline()
        pipeline = _default
    raw = from_content(text_or_html, id=id, url=url, published=published, input_format=input_format)
    return pipeline.process_raw(raw)
