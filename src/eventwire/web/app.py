"""The FastAPI application: one read-only DuckDB connection, a cursor per request.

Errors are answered in the client's language: JSON under /api (404 for an unknown id, 422 with the
offending parameter for a bad one), an HTML page elsewhere.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from eventwire.store.queries import QueryError, connect

STATIC = Path(__file__).parent / "static"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path in ("/openapi.json", "/docs")


def _error(request: Request, status: int, detail) -> JSONResponse | HTMLResponse:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status)
    from eventwire.web.pages import render

    if isinstance(detail, list):
        detail = "; ".join(f"{'.'.join(map(str, d.get('loc', [])[1:]))}: {d.get('msg')}" for d in detail)
    response = render(request, "error.html", status=status, detail=str(detail))
    response.status_code = status
    return response


def create_app(db: str | Path) -> FastAPI:
    """The app over the store at `db`, opened read-only; it never writes and reads no other file."""
    from eventwire.web import api, pages

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.con.close()

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # the stock Swagger page loads its assets from a CDN; ours is served locally
        redoc_url=None,
        title="eventwire",
        description="Events, actors, quotes and places found in news articles, with the text behind each.",
        version="0.1.0",
    )
    app.state.con = connect(db)
    app.state.db = str(db)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = [
            {"loc": list(e.get("loc", [])), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()
        ]
        return _error(request, 422, errors)

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError):
        return _error(request, 422, [{"loc": ["query"], "msg": str(exc), "type": "value_error"}])

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        if not request.url.path.startswith("/docs"):
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'",
            )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
