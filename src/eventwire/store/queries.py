"""Read-side queries shared by the REST API, the web UI and the `query` CLI.

Every value reaches DuckDB as a bound parameter; the only identifiers ever formatted into SQL come from
the whitelists below, so a filter holding quotes or SQL stays an inert string. Text search uses ILIKE
with the user's `%`, `_` and `\\` escaped, so they match themselves.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import duckdb

QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
}
MODALITIES = ("asserted", "claimed", "hypothetical", "negated", "future")
MAX_LIMIT = 1000

EVENT_COLUMNS = (
    "article_id",
    "id",
    "date",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "plover_mode",
    "modality",
    "claimed_by_name",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "trigger",
    "sentence",
    "rule",
    "confidence",
    "sentence_start",
    "trigger_start",
    "trigger_end",
)
# sort key -> (expression with NULLs replaced, so keyset cursors compare totally ordered values)
EVENT_SORTS = {
    "date": "coalesce(date, DATE '0001-01-01')",
    "code": "coalesce(code, '')",
    "root": "coalesce(root, '')",
    "goldstein": "coalesce(goldstein, -99.0)",
    "quad_class": "coalesce(quad_class, 0)",
    "confidence": "coalesce(confidence, -1.0)",
    "source_code": "coalesce(source_code, '')",
    "target_code": "coalesce(target_code, '')",
    "article_id": "article_id",
}
ARTICLE_SORTS = {
    "published": "coalesce(published, DATE '0001-01-01')",
    "title": "coalesce(title, '')",
    "outlet": "coalesce(outlet, '')",
    "n_events": "n_events",
    "n_actors": "n_actors",
    "n_quotes": "n_quotes",
    "id": "id",
}


class QueryError(ValueError):
    """A parameter that cannot be turned into a query (bad cursor, unknown sort column...)."""


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection that also cannot touch any other file (no COPY, ATTACH, read_csv)."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"no eventwire store at {path}")
    return duckdb.connect(
        str(path), read_only=True, config={"enable_external_access": False, "lock_configuration": True}
    )


def like_pattern(text: str) -> str:
    """A `%text%` ILIKE pattern in which the user's wildcards match literally (used with ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def ilike(column: str, text: str, params: list) -> str:
    """`column` contains `text`, any case. The ESCAPE form is only used when needed: it is ~2x slower."""
    if any(c in text for c in "%_\\"):
        params.append(like_pattern(text))
        return f"{column} ILIKE ? ESCAPE '\\'"
    params.append(f"%{text}%")
    return f"{column} ILIKE ?"


def _rows(cur, sql: str, params: list) -> list[dict[str, Any]]:
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def jsonable(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def clean_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: jsonable(v) for k, v in row.items()} for row in rows]


def to_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> str:
    """CSV text of rows; a cell that a spreadsheet would run as a formula is prefixed with a quote."""
    columns = columns or (list(rows[0]) if rows else [])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        cells = []
        for c in columns:
            v = jsonable(row.get(c))
            if isinstance(v, list | dict):
                v = json.dumps(v, ensure_ascii=False)
            if isinstance(v, str) and v[:1] in ("=", "+", "-", "@") and not _numeric(v):
                v = "'" + v
            cells.append("" if v is None else v)
        writer.writerow(cells)
    return out.getvalue()


def _numeric(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


# -- events ------------------------------------------------------------------------------------
@dataclass
class EventFilter:
    """What an analyst can ask of the events table; every field is optional."""

    actor: str | None = None  # either side: code prefix or name substring
    source: str | None = None
    target: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    code: str | None = None  # CAMEO code prefix ("19", "195")
    root: str | None = None
    quad_class: int | None = None
    plover: str | None = None
    modality: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    place: str | None = None  # place name substring or country code
    q: str | None = None  # text in the sentence
    article_id: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in fields(self))

    def as_params(self) -> dict[str, str]:
        return {f.name: str(v) for f in fields(self) if (v := getattr(self, f.name)) not in (None, "")}


def looks_like_code(value: str) -> bool:
    """RUS, RUSGOV, IGOUNO, ---MIL: upper case, whole 3-letter blocks. NATO, UN, ISIL, Lavrov are names."""
    return len(value) % 3 == 0 and value.isupper() and all(c.isalnum() or c == "-" for c in value)


def _actor_clause(side: str, value: str, params: list) -> str:
    """An actor given as a CAMEO code prefix (RUS, RUSGOV) or as part of a name (Lavrov, Russian).

    A code is matched as a code only, so RUS does not also find "Belarus" or "Brussels" by name.
    """
    if looks_like_code(value):
        params.append(value)
        return f"starts_with({side}_code, ?)"
    params.append(value.upper())
    return f"(starts_with({side}_code, ?) OR {ilike(side + '_name', value, params)})"


def event_where(f: EventFilter) -> tuple[str, list]:
    clauses: list[str] = []
    params: list = []
    if f.actor:
        clauses.append(
            "("
            + _actor_clause("source", f.actor, params)
            + " OR "
            + _actor_clause("target", f.actor, params)
            + ")"
        )
    if f.source:
        clauses.append(_actor_clause("source", f.source, params))
    if f.target:
        clauses.append(_actor_clause("target", f.target, params))
    if f.source_country:
        clauses.append("source_country = ?")
        params.append(f.source_country.upper())
    if f.target_country:
        clauses.append("target_country = ?")
        params.append(f.target_country.upper())
    if f.code:
        clauses.append("starts_with(code, ?)")
        params.append(f.code)
    if f.root:
        clauses.append("root = ?")
        params.append(f.root.zfill(2))
    if f.quad_class is not None:
        clauses.append("quad_class = ?")
        params.append(int(f.quad_class))
    if f.plover:
        clauses.append("upper(plover_type) = ?")
        params.append(f.plover.upper())
    if f.modality:
        clauses.append("modality = ?")
        params.append(f.modality.lower())
    if f.date_from:
        clauses.append("date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("date <= ?")
        params.append(f.date_to)
    if f.place:
        clauses.append(f"({ilike('place_name', f.place, params)} OR place_country = ?)")
        params.append(f.place.upper())
    if f.q:
        clauses.append(ilike("sentence", f.q, params))
    if f.article_id:
        clauses.append("article_id = ?")
        params.append(f.article_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "next_cursor": self.next_cursor,
            "items": clean_rows(self.rows),
        }


def _encode_cursor(values: list) -> str:
    raw = json.dumps([jsonable(v) for v in values]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


NUMERIC_SORTS = ("goldstein", "quad_class", "confidence")


def _decode_cursor(cursor: str, sort: str) -> list:
    """[sort key value, rowid] from a cursor made by `events` for the same sort."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, value, rowid = json.loads(raw)
        if name != sort or not isinstance(rowid, int) or isinstance(rowid, bool):
            raise ValueError
        if sort == "date":
            value = dt.date.fromisoformat(value)
        elif sort in NUMERIC_SORTS:
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ValueError
        elif not isinstance(value, str):
            raise ValueError
        return [value, rowid]
    except (ValueError, TypeError, json.JSONDecodeError):
        raise QueryError(
            "cursor is not valid: use the next_cursor of a previous page with the same sort"
        ) from None


def check_limit(limit: int) -> int:
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    return int(limit)


def events(
    cur,
    f: EventFilter | None = None,
    *,
    sort: str = "date",
    order: str = "desc",
    limit: int = 50,
    offset: int = 0,
    cursor: str | None = None,
    with_total: bool = True,
) -> Page:
    """One page of events; `cursor` (keyset) pages through large results without OFFSET's cost."""
    f = f or EventFilter()
    if sort not in EVENT_SORTS:
        raise QueryError(f"sort must be one of {', '.join(EVENT_SORTS)}")
    if order not in ("asc", "desc"):
        raise QueryError("order must be asc or desc")
    limit = check_limit(limit)
    if offset < 0:
        raise QueryError("offset must be >= 0")
    where, params = event_where(f)
    key = EVENT_SORTS[sort]
    direction = order.upper()
    # Phase 1: the page's row ids, sorted on narrow columns only (rowid breaks ties: stable while the
    # store is open read-only). Sorting whole rows would drag every column through the top-N.
    after, after_params = "", []
    if cursor:
        value, rowid = _decode_cursor(cursor, sort)
        op = "<" if order == "desc" else ">"
        after = f"_key {op}= ? AND (_key {op} ? OR _rid {op} ?)"
        after_params = [value, value, rowid]
        offset = 0
    # A text filter means a full scan: count in the same pass, from the matches kept once (a window
    # count(*) OVER () costs as much as the scan again). Otherwise a separate count is cheaper.
    scans = bool(f.q or f.place or f.actor or f.source or f.target)
    in_pass = with_total and scans
    if in_pass:
        sql = (
            f"WITH m AS MATERIALIZED (SELECT rowid AS _rid, {key} AS _key FROM events{where}) "
            f"SELECT _rid, _key, (SELECT count(*) FROM m) FROM m{' WHERE ' + after if after else ''} "
            f"ORDER BY _key {direction}, _rid {direction} LIMIT ? OFFSET ?"
        )
    else:
        cond = after.replace("_key", key).replace("_rid", "rowid")
        keys_where = where + ((" AND " if where else " WHERE ") + cond if cond else "")
        sql = (
            f"SELECT rowid AS _rid, {key} AS _key FROM events{keys_where} "
            f"ORDER BY _key {direction}, _rid {direction} LIMIT ? OFFSET ?"
        )
    found = cur.execute(sql, params + after_params + [limit + 1, offset]).fetchall()
    if in_pass and found:
        total = found[0][2]
    elif with_total:  # no filter that scans, or a page past the end
        total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    else:
        total = -1
    more = len(found) > limit
    found = found[:limit]
    # Phase 2: the full rows of just those ids.
    order_of = {r[0]: i for i, r in enumerate(found)}
    rows = _rows(
        cur,
        f"SELECT rowid AS _rid, {', '.join(EVENT_COLUMNS)} FROM events WHERE rowid = ANY(?)",
        [list(order_of)],
    )
    rows.sort(key=lambda r: order_of[r["_rid"]])
    next_cursor = None
    if more:
        last_rid, last_key = found[-1][0], found[-1][1]
        next_cursor = _encode_cursor([sort, last_key, last_rid])
    for row in rows:
        row.pop("_rid")
        row["uid"] = make_uid(row["article_id"], row["id"])
    _add_titles(cur, rows)
    return Page(rows, total, limit, offset, next_cursor)


def _add_titles(cur, rows: list[dict[str, Any]]) -> None:
    ids = sorted({r["article_id"] for r in rows})
    if not ids:
        return
    found = dict(
        cur.execute("SELECT id, title FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
    )
    for row in rows:
        row["title"] = found.get(row["article_id"])


def make_uid(article_id: str, event_id: str) -> str:
    """The public id of an event: its own id when that already names the article, else article_id/id."""
    if event_id.startswith(f"{article_id}:"):
        return event_id
    return f"{article_id}/{event_id}"


def split_uid(uid: str) -> tuple[str | None, str]:
    """`article_id/event_id` (ids are unique within an article); a bare id is looked up everywhere."""
    if "/" in uid:
        article_id, _, event_id = uid.rpartition("/")
        return article_id, event_id
    return None, uid


def event(cur, uid: str) -> dict[str, Any] | None | list[str]:
    """An event with its article, sentence, actors and provenance; a list of uids when a bare id is ambiguous."""
    found = _rows(cur, "SELECT * FROM events WHERE id = ? LIMIT 20", [uid])
    article_id, event_id = split_uid(uid)
    if not found and article_id is not None:
        found = _rows(cur, "SELECT * FROM events WHERE article_id = ? AND id = ?", [article_id, event_id])
    if not found:
        return None
    if len(found) > 1:
        return [make_uid(r["article_id"], r["id"]) for r in found]
    ev = found[0]
    ev["uid"] = make_uid(ev["article_id"], ev["id"])
    ev["mentions"] = json.loads(ev["mentions"]) if ev.get("mentions") else []
    art = _rows(
        cur, "SELECT id, title, url, outlet, published FROM articles WHERE id = ?", [ev["article_id"]]
    )
    ev["article"] = clean_rows(art)[0] if art else None
    actor_ids = [a for a in (ev["source"], ev["target"], ev["claimed_by"]) if a]
    actors = {
        a["id"]: a
        for a in _rows(
            cur,
            "SELECT id, name, code, country, role, kind, evidence FROM actors "
            "WHERE article_id = ? AND id IN (SELECT unnest(?))",
            [ev["article_id"], actor_ids],
        )
    }
    ev["source_actor"] = actors.get(ev["source"])
    ev["target_actor"] = actors.get(ev["target"])
    ev["claimed_by_actor"] = actors.get(ev["claimed_by"])
    ev["provenance"] = {
        "rule": ev["rule"],
        "confidence": ev["confidence"],
        "trigger": ev["trigger"],
        "trigger_span": [ev["trigger_start"], ev["trigger_end"]] if ev["trigger_start"] is not None else None,
        "sentence_span": [ev["sentence_start"], ev["sentence_end"]]
        if ev["sentence_start"] is not None
        else None,
        "date_basis": ev["date_basis"],
        "source_evidence": (ev["source_actor"] or {}).get("evidence"),
        "target_evidence": (ev["target_actor"] or {}).get("evidence"),
    }
    ev["quad_name"] = QUAD_NAMES.get(ev["quad_class"])
    return {k: jsonable(v) for k, v in ev.items()}


# -- articles ----------------------------------------------------------------------------------
ARTICLE_LIST_COLUMNS = (
    "id, title, url, outlet, published, dateline, byline, language, n_actors, n_events, n_quotes, n_places"
)


def articles(
    cur,
    *,
    q: str | None = None,
    outlet: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sort: str = "published",
    order: str = "desc",
    limit: int = 50,
    offset: int = 0,
) -> Page:
    if sort not in ARTICLE_SORTS:
        raise QueryError(f"sort must be one of {', '.join(ARTICLE_SORTS)}")
    if order not in ("asc", "desc"):
        raise QueryError("order must be asc or desc")
    limit = check_limit(limit)
    clauses, params = [], []
    if q:
        clauses.append(f"({ilike('title', q, params)} OR {ilike('body', q, params)})")
    if outlet:
        clauses.append(ilike("outlet", outlet, params))
    if date_from:
        clauses.append("published >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("published <= ?")
        params.append(date_to)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = cur.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]
    key = ARTICLE_SORTS[sort]
    rows = _rows(
        cur,
        f"SELECT {ARTICLE_LIST_COLUMNS} FROM articles{where} ORDER BY {key} {order.upper()}, id LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    return Page(rows, total, limit, offset, None)


def article(cur, article_id: str) -> dict[str, Any] | None:
    """The article as stored (the public record: body and every annotation with its spans)."""
    row = cur.execute("SELECT record, origin, run_id, ingested_at FROM articles WHERE id = ?", [article_id])
    found = row.fetchone()
    if not found:
        return None
    record = json.loads(found[0])
    record["stored"] = {"origin": found[1], "run_id": found[2], "ingested_at": jsonable(found[3])}
    return record


# -- actors, quotes, places --------------------------------------------------------------------
def actors(cur, *, q: str | None = None, limit: int = 100, offset: int = 0) -> Page:
    """Actors across articles (by name and code), with how often they act and are acted upon."""
    limit = check_limit(limit)
    where, params = "", []
    if q:
        where = f" WHERE ({ilike('name', q, params)} OR starts_with(code, ?))"
        params.append(q.upper())
    base = (
        "SELECT name, code, any_value(kind) AS kind, any_value(country) AS country, "
        "count(DISTINCT article_id) AS n_articles, sum(n_mentions) AS n_mentions "
        f"FROM actors{where} GROUP BY name, code"
    )
    total = cur.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0]
    sql = (
        f"WITH a AS ({base}), "
        "s AS (SELECT source_name AS name, source_code AS code, count(*) AS n FROM events GROUP BY ALL), "
        "t AS (SELECT target_name AS name, target_code AS code, count(*) AS n FROM events GROUP BY ALL) "
        "SELECT a.*, coalesce(s.n, 0) AS as_source, coalesce(t.n, 0) AS as_target FROM a "
        "LEFT JOIN s ON a.name = s.name AND a.code IS NOT DISTINCT FROM s.code "
        "LEFT JOIN t ON a.name = t.name AND a.code IS NOT DISTINCT FROM t.code "
        "ORDER BY as_source + as_target DESC, n_mentions DESC, a.name LIMIT ? OFFSET ?"
    )
    return Page(_rows(cur, sql, params + [limit, offset]), total, limit, offset, None)


def quotes(
    cur,
    *,
    speaker: str | None = None,
    q: str | None = None,
    article_id: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    limit = check_limit(limit)
    clauses, params = [], []
    if kind:
        clauses.append("kind = ?")
        params.append(kind)
    if speaker:
        clauses.append(f"({ilike('speaker_name', speaker, params)} OR starts_with(speaker_code, ?))")
        params.append(speaker.upper())
    if q:
        clauses.append(ilike("text", q, params))
    if article_id:
        clauses.append("article_id = ?")
        params.append(article_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = cur.execute(f"SELECT count(*) FROM quotes{where}", params).fetchone()[0]
    rows = _rows(
        cur,
        "SELECT article_id, id, speaker_name, speaker_code, kind, cue, text, span_start, span_end, published "
        f"FROM quotes{where} ORDER BY published DESC NULLS LAST, article_id, span_start LIMIT ? OFFSET ?",
        params + [limit, offset],
    )
    _add_titles(cur, rows)
    return Page(rows, total, limit, offset, None)


def places(cur, *, q: str | None = None, limit: int = 100, offset: int = 0) -> Page:
    """Places across articles, with the number of events located at each."""
    limit = check_limit(limit)
    where, params = "", []
    if q:
        where = f" WHERE ({ilike('name', q, params)} OR country = ?)"
        params.append(q.upper())
    base = (
        "SELECT name, country, any_value(lat) AS lat, any_value(lon) AS lon, any_value(feature) AS feature, "
        "any_value(geonameid) AS geonameid, count(DISTINCT article_id) AS n_articles, "
        f"sum(n_mentions) AS n_mentions FROM places{where} GROUP BY name, country"
    )
    total = cur.execute(f"SELECT count(*) FROM ({base})", params).fetchone()[0]
    sql = (
        f"WITH p AS ({base}), e AS (SELECT place_name AS name, count(*) AS n FROM events GROUP BY ALL) "
        "SELECT p.*, coalesce(e.n, 0) AS n_events FROM p LEFT JOIN e ON p.name = e.name "
        "ORDER BY n_events DESC, n_mentions DESC, p.name LIMIT ? OFFSET ?"
    )
    return Page(_rows(cur, sql, params + [limit, offset]), total, limit, offset, None)


def event_places(cur, f: EventFilter | None = None, limit: int = 2000) -> list[dict[str, Any]]:
    """Located events grouped by coordinates, for the map."""
    where, params = event_where(f or EventFilter())
    where += (" AND " if where else " WHERE ") + "lat IS NOT NULL AND lon IS NOT NULL"
    return _rows(
        cur,
        "SELECT any_value(place_name) AS name, lat, lon, count(*) AS n, "
        "count(*) FILTER (WHERE quad_class >= 3) AS n_conflict, mode(root) AS top_root "
        f"FROM events{where} GROUP BY lat, lon ORDER BY n DESC LIMIT ?",
        params + [limit],
    )


def quad_counts(cur, f: EventFilter | None = None) -> dict[int, int]:
    """Events per QuadClass under a filter (the events page's summary chips)."""
    where, params = event_where(f or EventFilter())
    rows = cur.execute(
        f"SELECT quad_class, count(*) FROM events{where} GROUP BY quad_class", params
    ).fetchall()
    return {q: n for q, n in rows if q is not None}


# -- aggregates --------------------------------------------------------------------------------
def timeline(cur, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events per day, one column per QuadClass."""
    where, params = event_where(f or EventFilter())
    where += (" AND " if where else " WHERE ") + "date IS NOT NULL"
    sql = (
        "SELECT date, count(*) AS total, "
        + ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in QUAD_NAMES)
        + f" FROM events{where} GROUP BY date ORDER BY date"
    )
    return _rows(cur, sql, params)


def dyads(cur, f: EventFilter | None = None, limit: int = 20, by: str = "code") -> list[dict[str, Any]]:
    """Who acts on whom: (source, target) pairs by count, with the mean Goldstein score."""
    limit = check_limit(limit)
    if by not in ("code", "country", "name"):
        raise QueryError("by must be code, country or name")
    where, params = event_where(f or EventFilter())
    s, t = f"source_{by}", f"target_{by}"
    where += (" AND " if where else " WHERE ") + f"{s} IS NOT NULL AND {t} IS NOT NULL"
    return _rows(
        cur,
        f"SELECT {s} AS source, {t} AS target, count(*) AS n, round(avg(goldstein), 2) AS goldstein, "
        "count(*) FILTER (WHERE quad_class >= 3) AS n_conflict, "
        "any_value(source_name) AS source_name, any_value(target_name) AS target_name "
        f"FROM events{where} GROUP BY ALL ORDER BY n DESC, source, target LIMIT ?",
        params + [limit],
    )


def between(cur, a: str, b: str, limit: int = 50) -> Page:
    """Events between two actors, in either direction."""
    limit = check_limit(limit)
    p1: list = []
    one = _actor_clause("source", a, p1) + " AND " + _actor_clause("target", b, p1)
    p2: list = []
    two = _actor_clause("source", b, p2) + " AND " + _actor_clause("target", a, p2)
    where = f" WHERE (({one}) OR ({two}))"
    params = p1 + p2
    total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    rows = _rows(
        cur,
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} ORDER BY date DESC NULLS LAST, article_id, id LIMIT ?",
        params + [limit],
    )
    for row in rows:
        row["uid"] = make_uid(row["article_id"], row["id"])
    return Page(rows, total, limit, 0, None)


def stats(cur, f: EventFilter | None = None, top: int = 10) -> dict[str, Any]:
    """Counts by table, day and QuadClass, and the top dyads."""
    where, params = event_where(f or EventFilter())
    counts = {
        t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "actors", "events", "quotes", "places")
    }
    by_quad = _rows(
        cur,
        f"SELECT quad_class, count(*) AS n FROM events{where} GROUP BY quad_class ORDER BY quad_class",
        params,
    )
    for row in by_quad:
        row["name"] = QUAD_NAMES.get(row["quad_class"])
    by_root = _rows(
        cur, f"SELECT root, count(*) AS n FROM events{where} GROUP BY root ORDER BY n DESC", params
    )
    span = cur.execute(f"SELECT min(date), max(date) FROM events{where}", params).fetchone()
    return {
        "counts": counts,
        "events_matching": sum(r["n"] for r in by_quad),
        "date_range": [jsonable(span[0]), jsonable(span[1])],
        "by_quad_class": by_quad,
        "by_root": by_root,
        "by_day": clean_rows(timeline(cur, f)),
        "top_dyads": dyads(cur, f, limit=top),
    }


def actor_profile(cur, name: str, code: str | None = None, limit: int = 200) -> dict[str, Any]:
    """One actor (by exact name, and code when given): its events as source and as target, its quotes."""
    limit = check_limit(limit)
    out: dict[str, Any] = {"name": name, "code": code}
    for side in ("source", "target"):
        clause = f"{side}_name = ?" + (f" AND {side}_code = ?" if code else "")
        params = [name] + ([code] if code else [])
        rows = _rows(
            cur,
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE {clause} "
            "ORDER BY date DESC NULLS LAST, article_id, id LIMIT ?",
            params + [limit],
        )
        for row in rows:
            row["uid"] = make_uid(row["article_id"], row["id"])
        out[f"as_{side}"] = clean_rows(rows)
    qrows = _rows(
        cur,
        "SELECT article_id, id, text, kind, cue, published FROM quotes WHERE speaker_name = ? "
        "ORDER BY published DESC NULLS LAST, article_id, span_start LIMIT ?",
        [name, limit],
    )
    _add_titles(cur, qrows)
    out["quotes"] = clean_rows(qrows)
    info = _rows(
        cur,
        "SELECT any_value(kind) AS kind, any_value(country) AS country, any_value(role) AS role, "
        "count(DISTINCT article_id) AS n_articles, list(DISTINCT code) AS codes, "
        "any_value(evidence) AS evidence FROM actors WHERE name = ?",
        [name],
    )
    out["info"] = info[0] if info and info[0]["n_articles"] else None
    return out
