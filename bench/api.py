"""Latency of typical /api/events queries over a store of 1,000,000 synthetic events.

The store is generated with DuckDB SQL in the real schema (not through the NLP), then served by the real
`eventwire serve` in a subprocess on a free localhost port and queried with httpx. Prints p50/p95 per query
and overall; the target is p95 <= 100 ms.

    .venv/bin/python bench/api.py [--events 1000000] [--rounds 20] [--keep FILE]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import httpx

from eventwire.store import schema

COUNTRIES = [
    "USA",
    "RUS",
    "SYR",
    "CHN",
    "IRN",
    "ISR",
    "TUR",
    "UKR",
    "GBR",
    "FRA",
    "DEU",
    "IRQ",
    "EGY",
    "IND",
    "PAK",
]
ROLES = ["", "GOV", "MIL", "REB", "LEG", "BUS", "MED"]
# (code, root, quad, goldstein, plover, trigger)
CODES = [
    ("010", "01", 1, 0.0, "CONSULT", "said"),
    ("036", "03", 1, 4.0, "AGREE", "offered talks"),
    ("042", "04", 1, 1.9, "CONSULT", "visited"),
    ("057", "05", 2, 8.0, "AGREE", "signed"),
    ("070", "07", 2, 7.0, "AID", "sent aid"),
    ("112", "11", 3, -2.0, "ACCUSE", "accused"),
    ("125", "12", 3, -5.0, "REJECT", "rejected"),
    ("138", "13", 3, -7.0, "THREATEN", "threatened"),
    ("173", "17", 4, -5.0, "COERCE", "arrested"),
    ("190", "19", 4, -10.0, "ASSAULT", "attacked"),
    ("195", "19", 4, -10.0, "ASSAULT", "launched airstrikes"),
    ("193", "19", 4, -10.0, "ASSAULT", "shelled"),
]
PLACES = [("Homs", 34.73, 36.71, "SY"), ("Aleppo", 36.2, 37.16, "SY"), ("Kyiv", 50.45, 30.52, "UA"),
          ("Gaza", 31.5, 34.47, "PS"), ("Baghdad", 33.34, 44.4, "IQ"), ("Moscow", 55.75, 37.62, "RU"),
          ("Washington", 38.9, -77.04, "US"), ("Beijing", 39.9, 116.4, "CN"), (None, None, None, None)]  # fmt: skip
MODALITIES = ["asserted"] * 6 + ["claimed", "claimed", "negated", "hypothetical", "future"]


def _sql_list(values) -> str:
    def lit(v):
        if v is None:
            return "NULL"
        if isinstance(v, str):
            return "'" + v.replace("'", "''") + "'"
        return repr(v)

    return "[" + ", ".join(lit(v) for v in values) + "]"


def build(path: Path, n_events: int, per_article: int = 20) -> None:
    """Fill the real schema with synthetic rows; pseudo-random but reproducible (hash of the row number)."""
    con = duckdb.connect(str(path))
    schema.create(con)
    n_articles = (n_events + per_article - 1) // per_article
    con.execute(
        f"""
        INSERT INTO articles
        SELECT 'art' || k, 'https://news.example/' || k, 'Wire ' || (k % 7), 'Synthetic article ' || k,
               DATE '2019-01-01' + CAST(k % 1500 AS INTEGER), NULL, NULL, 'en', 'Body of article ' || k, '[]',
               NULL, 'bench', now()::TIMESTAMP, 2, {per_article}, 0, 1, '{{}}'
        FROM range({n_articles}) t(k)"""
    )
    c = {
        "codes": _sql_list([x[0] for x in CODES]),
        "roots": _sql_list([x[1] for x in CODES]),
        "quads": _sql_list([x[2] for x in CODES]),
        "gold": _sql_list([x[3] for x in CODES]),
        "plover": _sql_list([x[4] for x in CODES]),
        "trig": _sql_list([x[5] for x in CODES]),
        "ctry": _sql_list(COUNTRIES),
        "roles": _sql_list(ROLES),
        "pname": _sql_list([p[0] for p in PLACES]),
        "plat": _sql_list([p[1] for p in PLACES]),
        "plon": _sql_list([p[2] for p in PLACES]),
        "pcc": _sql_list([p[3] for p in PLACES]),
        "mod": _sql_list(MODALITIES),
    }
    con.execute(
        f"""
        INSERT INTO events
        WITH r AS (
            SELECT i,
                   1 + CAST(hash(i) % {len(CODES)} AS INTEGER) AS ci,
                   1 + CAST(hash(i + 7) % {len(COUNTRIES)} AS INTEGER) AS si,
                   1 + CAST(hash(i + 13) % {len(COUNTRIES)} AS INTEGER) AS ti,
                   1 + CAST(hash(i + 17) % {len(ROLES)} AS INTEGER) AS sr,
                   1 + CAST(hash(i + 19) % {len(ROLES)} AS INTEGER) AS tr,
                   1 + CAST(hash(i + 23) % {len(PLACES)} AS INTEGER) AS pi,
                   1 + CAST(hash(i + 29) % {len(MODALITIES)} AS INTEGER) AS mi
            FROM range({n_events}) t(i)
        ), v AS (
            SELECT i, ci, pi, mi,
                   {c["ctry"]}[si] AS sc, {c["ctry"]}[ti] AS tc,
                   {c["ctry"]}[si] || {c["roles"]}[sr] AS scode, {c["ctry"]}[ti] || {c["roles"]}[tr] AS tcode,
                   {c["trig"]}[ci] AS trig, {c["pname"]}[pi] AS place
            FROM r
        )
        SELECT 'art' || (i // {per_article}), 'e' || (i % {per_article}),
               'a1', 'a2', scode, tcode, 'Leader of ' || scode, 'Leader of ' || tcode, sc, tc,
               {c["codes"]}[ci], {c["roots"]}[ci], {c["quads"]}[ci], {c["gold"]}[ci], {c["plover"]}[ci], NULL,
               DATE '2019-01-01' + CAST((i // {per_article}) % 1500 AS INTEGER), 'published',
               CASE WHEN place IS NULL THEN NULL ELSE 'p1' END, place,
               {c["plat"]}[pi], {c["plon"]}[pi], {c["pcc"]}[pi],
               {c["mod"]}[mi], NULL, NULL,
               0, 0, 'Officials of ' || scode || ' ' || trig || ' ' || tcode || coalesce(' near ' || place, '')
                      || ' on Monday, according to report ' || i || '.',
               14 + length(scode), 15 + length(scode) + length(trig), trig,
               'bench.' || {c["codes"]}[ci], 0.5 + (hash(i) % 50) / 100.0, '[]'
        FROM v"""
    )
    con.execute("UPDATE events SET sentence_end = length(sentence)")
    con.execute("CHECKPOINT")
    con.close()


QUERIES = {
    "latest 50": {},
    "actor RUS": {"actor": "RUS"},
    "actor by name": {"actor": "Leader of SYRMIL"},
    "root 19 + dates": {"root": "19", "date_from": "2020-01-01", "date_to": "2020-06-30"},
    "dyad USA->CHN": {"source_country": "USA", "target_country": "CHN"},
    "quad 4 by goldstein": {"quad_class": "4", "sort": "goldstein", "order": "asc"},
    "text 'airstrikes'": {"q": "airstrikes"},
    "place Homs": {"place": "Homs"},
    "plover+modality": {"plover": "ASSAULT", "modality": "claimed"},
    "offset 5000": {"offset": "5000"},
    "page of 1000": {"limit": "1000", "code": "112"},
    "csv 200": {"limit": "200", "actor": "IRN", "format": "csv"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path):
    port = free_port()
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/api/stats", timeout=30)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument(
        "--keep", type=Path, help="Build (or reuse) the store at this path instead of a temp file."
    )
    args = ap.parse_args()

    tmp = None
    if args.keep:
        db = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
        db = Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.events)
        print(
            f"built {args.events:,} events in {time.perf_counter() - t0:.1f} s ({db.stat().st_size / 1e6:.0f} MB)"
        )
    proc, url = serve(db)
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            total = client.get("/api/events", params={"limit": 1}).json()["total"]
            print(f"serving {total:,} events at {url} (cpu count {os.cpu_count()})")
            for params in QUERIES.values():  # warm-up: page cache, DuckDB catalog
                client.get("/api/events", params=params).raise_for_status()
            all_ms: list[float] = []
            print(f"{'query':<22} {'p50 ms':>8} {'p95 ms':>8} {'matches':>9}")
            for name, params in QUERIES.items():
                times = []
                matched = None
                for _ in range(args.rounds):
                    t0 = time.perf_counter()
                    r = client.get("/api/events", params=params)
                    times.append((time.perf_counter() - t0) * 1000)
                    r.raise_for_status()
                    if matched is None and params.get("format") != "csv":
                        matched = r.json()["total"]
                all_ms += times
                print(
                    f"{name:<22} {pct(times, 50):8.1f} {pct(times, 95):8.1f} {matched if matched is not None else '':>9}"
                )
            # cursor paging: follow next_cursor 10 pages deep
            times, cursor = [], None
            for _ in range(min(args.rounds, 10)):
                params = {"limit": 100} | ({"cursor": cursor} if cursor else {})
                t0 = time.perf_counter()
                page = client.get("/api/events", params=params).json()
                times.append((time.perf_counter() - t0) * 1000)
                cursor = page["next_cursor"]
            all_ms += times
            print(f"{'cursor pages':<22} {pct(times, 50):8.1f} {pct(times, 95):8.1f}")
            p50, p95 = pct(all_ms, 50), pct(all_ms, 95)
            verdict = "OK" if p95 <= 100 else "OVER TARGET"
            print(
                f"overall /api/events over {total:,} events: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({verdict}: p95 <= 100 ms)"
            )
    finally:
        proc.terminate()
        proc.wait(10)
        if tmp:
            tmp.cleanup()


if __name__ == "__main__":
    main()
