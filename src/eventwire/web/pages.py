"""The server-rendered HTML pages: events, event, articles, article, actors, actor, quotes, charts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from eventwire.model import Record
from eventwire.store import queries
from eventwire.store.queries import EVENT_SORTS, MODALITIES, QUAD_NAMES, EventFilter
from eventwire.web import charts, highlight
from eventwire.web.api import cursor
from eventwire.web.params import Text, event_filter, paging

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.globals.update(QUAD_NAMES=QUAD_NAMES, MODALITIES=MODALITIES, QUAD_COLORS=charts.QUAD_COLORS)
router = APIRouter(include_in_schema=False)


def _qs(params: dict, **changes) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


def _clip(row: dict, width: int = 170) -> tuple[str, str, str]:
    """The sentence around the trigger as (before, trigger, after), cut to about `width` characters."""
    sentence = row.get("sentence") or ""
    ss, ts, te = row.get("sentence_start"), row.get("trigger_start"), row.get("trigger_end")
    if ss is None or ts is None or te is None or not 0 <= ts - ss <= te - ss <= len(sentence):
        return sentence[:width] + ("…" if len(sentence) > width else ""), "", ""
    a, b = ts - ss, te - ss
    room = max(width - (b - a), 20) // 2
    before = sentence[max(0, a - room) : a]
    after = sentence[b : b + room]
    return (
        ("…" if a - room > 0 else "") + before,
        sentence[a:b],
        after + ("…" if b + room < len(sentence) else ""),
    )


templates.env.globals.update(qs=_qs, clip=_clip, uid=queries.make_uid, cameo_name=highlight.cameo_name)


def render(request: Request, name: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events")


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    f: Annotated[EventFilter, Depends(event_filter)],
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    sort: str = "date",
    order: Literal["asc", "desc"] = "desc",
    cursor_: Annotated[str | None, Query(alias="cursor", max_length=500)] = None,
) -> HTMLResponse:
    limit, offset = page
    result = queries.events(cur, f, sort=sort, order=order, limit=limit, offset=offset, cursor=cursor_)
    params = {**f.as_params(), "sort": sort, "order": order, "limit": limit}
    quads = queries.quad_counts(cur, replace(f, quad_class=None))
    return render(
        request,
        "events.html",
        quads=quads,
        page=result,
        f=f,
        params=params,
        sorts=list(EVENT_SORTS),
        sort=sort,
        order=order,
    )


@router.get("/events/{uid:path}", response_class=HTMLResponse)
def event_page(request: Request, uid: str, cur=Depends(cursor)) -> HTMLResponse:
    ev = queries.event(cur, uid)
    if ev is None:
        raise HTTPException(404, detail=f"no event {uid!r}")
    if isinstance(ev, list):
        raise HTTPException(409, detail=f"event id {uid!r} is in several articles: {', '.join(ev)}")
    trigger = (ev["trigger_start"], ev["trigger_end"]) if ev["trigger_start"] is not None else None
    sentence = highlight.sentence_segments(ev["sentence"] or "", ev["sentence_start"] or 0, trigger)
    return render(request, "event.html", ev=ev, sentence=sentence)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    q: Text = None,
) -> HTMLResponse:
    limit, offset = page
    result = queries.articles(cur, q=q or None, limit=limit, offset=offset)
    return render(request, "articles.html", page=result, q=q or "", params={"q": q, "limit": limit})


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(
    request: Request,
    article_id: str,
    cur=Depends(cursor),
    event: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    found = queries.article(cur, article_id)
    if found is None:
        raise HTTPException(404, detail=f"no article {article_id!r}")
    rec = Record.from_dict(found)
    spans, info = highlight.annotations(rec)
    focus_event = next((e for e in rec.events if e.id == event), None)
    focus = focus_event.sentence if focus_event else None
    if focus:  # the outline ends at the sentence's last character, not on the blank line after it
        focus = (focus[0], focus[0] + len(rec.article.body[focus[0] : focus[1]].rstrip()))
    segs = highlight.segments(rec.article.body, spans, info, focus=focus)
    return render(
        request,
        "article.html",
        rec=rec,
        runs=highlight.runs(segs),
        info=info,
        focus_event=focus_event,
        stored=found["stored"],
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request, page: Annotated[tuple[int, int], Depends(paging)], cur=Depends(cursor), q: Text = None
) -> HTMLResponse:
    limit, offset = page
    result = queries.actors(cur, q=q or None, limit=limit, offset=offset)
    return render(request, "actors.html", page=result, q=q or "", params={"q": q, "limit": limit})


@router.get("/actor", response_class=HTMLResponse)
def actor_page(
    request: Request,
    cur=Depends(cursor),
    name: Annotated[str, Query(min_length=1, max_length=200)] = ...,
    code: Annotated[str | None, Query(max_length=40)] = None,
) -> HTMLResponse:
    profile = queries.actor_profile(cur, name, code or None)
    if not profile["info"] and not profile["as_source"] and not profile["as_target"]:
        raise HTTPException(404, detail=f"no actor named {name!r}")
    return render(request, "actor.html", p=profile)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    request: Request,
    page: Annotated[tuple[int, int], Depends(paging)],
    cur=Depends(cursor),
    speaker: Text = None,
    q: Text = None,
) -> HTMLResponse:
    limit, offset = page
    result = queries.quotes(cur, speaker=speaker or None, q=q or None, limit=limit, offset=offset)
    params = {"speaker": speaker, "q": q, "limit": limit}
    return render(request, "quotes.html", page=result, speaker=speaker or "", q=q or "", params=params)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request, f: Annotated[EventFilter, Depends(event_filter)], cur=Depends(cursor)
) -> HTMLResponse:
    chart = charts.timeline_bars(queries.timeline(cur, f))
    return render(request, "timeline.html", chart=chart, f=f, params=f.as_params())


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    f: Annotated[EventFilter, Depends(event_filter)],
    cur=Depends(cursor),
    by: Literal["code", "country", "name"] = "code",
    top: Annotated[int, Query(ge=1, le=200)] = 30,
) -> HTMLResponse:
    dyads = queries.dyads(cur, f, limit=top, by=by)
    return render(
        request,
        "network.html",
        net=charts.network(dyads),
        dyads=dyads,
        f=f,
        by=by,
        top=top,
        params=f.as_params(),
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request, f: Annotated[EventFilter, Depends(event_filter)], cur=Depends(cursor)
) -> HTMLResponse:
    points = charts.map_points(queries.event_places(cur, f))
    return render(request, "map.html", points=points, f=f, params=f.as_params())


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference drawn from the OpenAPI schema, with no external assets (works offline)."""
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p["in"],
                    "required": p.get("required", False),
                    "type": _schema_type(p.get("schema", {})),
                    "default": p.get("schema", {}).get("default"),
                    "description": p.get("description") or p.get("schema", {}).get("description") or "",
                }
                for p in op.get("parameters", [])
            ]
            endpoints.append(
                {"path": path, "method": method.upper(), "summary": op.get("summary", ""), "params": params}
            )
    return render(request, "docs.html", endpoints=endpoints, spec=spec)


def _schema_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    kind = schema.get("type", "")
    bounds = [f"{k.replace('imum', '')} {schema[k]}" for k in ("minimum", "maximum") if k in schema]
    if "maxLength" in schema:
        bounds.append(f"max length {schema['maxLength']}")
    return kind + (f" ({', '.join(bounds)})" if bounds else "")
