"""The REST API under /api: JSON by default, CSV for list endpoints with `?format=csv`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from eventwire.store import queries
from eventwire.store.queries import EVENT_SORTS, EventFilter, Page
from eventwire.web.params import Text, event_filter, paging

router = APIRouter(prefix="/api", tags=["api"])
Format = Annotated[Literal["json", "csv"], Query(description="json (default) or csv")]


def cursor(request: Request):
    """A cursor of its own per request: DuckDB cursors are not shared across threads."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def _list(rows: list[dict[str, Any]], fmt: str, name: str, extra: dict | None = None) -> Response:
    if fmt == "csv":
        return Response(
            queries.to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    return JSONResponse({**(extra or {}), "items": queries.clean_rows(rows)})


def _page(page: Page, fmt: str, name: str) -> Response:
    meta = page.to_dict()
    meta.pop("items")
    return _list(page.rows, fmt, name, meta)


@router.get("/events", summary="Events, filtered, sorted and paged")
def list_events(
    f: Annotated[EventFilter, Depends(event_filter)],
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    sort: Annotated[str, Query(description="|".join(EVENT_SORTS))] = "date",
    order: Literal["asc", "desc"] = "desc",
    cursor_: Annotated[
        str | None, Query(alias="cursor", max_length=500, description="next_cursor of a page")
    ] = None,
    format: Format = "json",
) -> Response:
    limit, offset = page
    return _page(
        queries.events(cur, f, sort=sort, order=order, limit=limit, offset=offset, cursor=cursor_),
        format,
        "events",
    )


@router.get("/events/{uid:path}", summary="One event with its article, sentence and provenance")
def get_event(uid: str, cur=Depends(cursor)) -> dict:
    found = queries.event(cur, uid)
    if found is None:
        raise HTTPException(404, detail=f"no event {uid!r}: use the uid article_id/event_id from /api/events")
    if isinstance(found, list):
        raise HTTPException(409, detail={"msg": f"event id {uid!r} is in several articles", "uids": found})
    return found


@router.get("/articles", summary="Articles, newest first")
def list_articles(
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    q: Text = None,
    outlet: Text = None,
    date_from: Text = None,
    date_to: Text = None,
    sort: Annotated[str, Query(description="|".join(queries.ARTICLE_SORTS))] = "published",
    order: Literal["asc", "desc"] = "desc",
    format: Format = "json",
) -> Response:
    from eventwire.web.params import parse_date

    limit, offset = page
    result = queries.articles(
        cur,
        q=q or None,
        outlet=outlet or None,
        date_from=parse_date("date_from", date_from),
        date_to=parse_date("date_to", date_to),
        sort=sort,
        order=order,
        limit=limit,
        offset=offset,
    )
    return _page(result, format, "articles")


@router.get("/articles/{article_id:path}", summary="One article: body and every annotation with spans")
def get_article(article_id: str, cur=Depends(cursor)) -> dict:
    found = queries.article(cur, article_id)
    if found is None:
        raise HTTPException(404, detail=f"no article {article_id!r}")
    return found


@router.get("/actors", summary="Actors across articles, with event counts")
def list_actors(
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    q: Text = None,
    format: Format = "json",
) -> Response:
    limit, offset = page
    return _page(queries.actors(cur, q=q or None, limit=limit, offset=offset), format, "actors")


@router.get("/actors/profile", summary="One actor: events as source and target, quotes")
def actor_profile(
    cur=Depends(cursor),
    name: Annotated[str, Query(min_length=1, max_length=200)] = ...,
    code: Annotated[str | None, Query(max_length=40)] = None,
) -> dict:
    found = queries.actor_profile(cur, name, code or None)
    if not found["info"] and not found["as_source"] and not found["as_target"]:
        raise HTTPException(404, detail=f"no actor named {name!r}")
    return found


@router.get("/quotes", summary="Quotes, by speaker and text")
def list_quotes(
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    speaker: Text = None,
    q: Text = None,
    article_id: Text = None,
    format: Format = "json",
) -> Response:
    limit, offset = page
    result = queries.quotes(
        cur, speaker=speaker or None, q=q or None, article_id=article_id or None, limit=limit, offset=offset
    )
    return _page(result, format, "quotes")


@router.get("/places", summary="Places across articles, with event counts")
def list_places(
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    q: Text = None,
    format: Format = "json",
) -> Response:
    limit, offset = page
    return _page(queries.places(cur, q=q or None, limit=limit, offset=offset), format, "places")


@router.get("/stats", summary="Counts by table, day and QuadClass; top dyads")
def get_stats(
    f: Annotated[EventFilter, Depends(event_filter)],
    cur=Depends(cursor),
    top: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict:
    return queries.stats(cur, f, top=top)


@router.get("/timeline", summary="Events per day by QuadClass")
def get_timeline(
    f: Annotated[EventFilter, Depends(event_filter)], cur=Depends(cursor), format: Format = "json"
) -> Response:
    return _list(queries.timeline(cur, f), format, "timeline")


@router.get("/dyads", summary="Who acts on whom, by count")
def get_dyads(
    f: Annotated[EventFilter, Depends(event_filter)],
    cur=Depends(cursor),
    by: Literal["code", "country", "name"] = "code",
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    format: Format = "json",
) -> Response:
    return _list(queries.dyads(cur, f, limit=limit, by=by), format, "dyads")
