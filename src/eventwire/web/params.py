"""Request parameters shared by the API and the HTML pages, validated into query objects.

HTML forms send empty strings for untouched fields, so every filter is read as text, blanks become None,
and anything malformed is a 422 that says which parameter is wrong and what it should look like.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import HTTPException, Query

from eventwire.store.queries import MAX_LIMIT, MODALITIES, EventFilter

Text = Annotated[str | None, Query(max_length=200)]


def bad(param: str, message: str) -> HTTPException:
    return HTTPException(422, detail=[{"loc": ["query", param], "msg": message, "type": "value_error"}])


def _blank(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def parse_date(param: str, value: str | None) -> dt.date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise bad(param, "expected a date YYYY-MM-DD") from None


def parse_int(param: str, value: str | None, lo: int, hi: int) -> int | None:
    value = _blank(value)
    if value is None:
        return None
    if not value.isdigit() or not lo <= int(value) <= hi:
        raise bad(param, f"expected a whole number from {lo} to {hi}")
    return int(value)


def event_filter(
    actor: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Either side: CAMEO code prefix (RUS, RUSGOV: upper case) or part of a name (Lavrov)",
        ),
    ] = None,
    source: Annotated[
        str | None, Query(max_length=200, description="Source actor: code prefix or name")
    ] = None,
    target: Annotated[
        str | None, Query(max_length=200, description="Target actor: code prefix or name")
    ] = None,
    source_country: Annotated[
        str | None, Query(max_length=3, description="CAMEO country of the source")
    ] = None,
    target_country: Annotated[
        str | None, Query(max_length=3, description="CAMEO country of the target")
    ] = None,
    code: Annotated[
        str | None, Query(max_length=4, description="CAMEO event code prefix, e.g. 19 or 195")
    ] = None,
    root: Annotated[str | None, Query(max_length=2, description="CAMEO root code 01..20")] = None,
    quad_class: Annotated[str | None, Query(description="QuadClass 1..4")] = None,
    plover: Annotated[str | None, Query(max_length=40, description="PLOVER event type, e.g. ASSAULT")] = None,
    modality: Annotated[str | None, Query(description="|".join(MODALITIES))] = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD, inclusive")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Place name or ISO country code")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the event's sentence")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
) -> EventFilter:
    code = _blank(code)
    if code and not code.isdigit():
        raise bad("code", "expected CAMEO digits, e.g. 19 or 195")
    root = _blank(root)
    if root and not (root.isdigit() and 1 <= int(root) <= 20):
        raise bad("root", "expected a CAMEO root code 01..20")
    modality = _blank(modality)
    if modality and modality.lower() not in MODALITIES:
        raise bad("modality", f"expected one of {', '.join(MODALITIES)}")
    f = EventFilter(
        actor=_blank(actor),
        source=_blank(source),
        target=_blank(target),
        source_country=_blank(source_country),
        target_country=_blank(target_country),
        code=code,
        root=root,
        quad_class=parse_int("quad_class", quad_class, 1, 4),
        plover=_blank(plover),
        modality=modality,
        date_from=parse_date("date_from", date_from),
        date_to=parse_date("date_to", date_to),
        place=_blank(place),
        q=_blank(q),
        article_id=_blank(article_id),
    )
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise bad("date_to", "date_to is before date_from")
    return f


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size 1..{MAX_LIMIT}")] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> tuple[int, int]:
    return limit, offset
