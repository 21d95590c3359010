"""The REST API and the HTML pages over a real uvicorn server on localhost, queried with httpx."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from webfixture import build_store, live_server


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("api") / "fx.duckdb")
    with live_server(db) as url, httpx.Client(base_url=url, timeout=30) as c:
        yield c


def test_events_list_filters_and_shapes(client):
    r = client.get("/api/events", params={"root": "19"})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 1
    item = body["items"][0]
    assert (
        item["uid"] == "fx-strike/e1"
        and item["trigger"] == "struck"
        and item["title"] == "Jets strike militants"
    )
    assert client.get("/api/events", params={"actor": "TUR", "quad_class": "1"}).json()["total"] == 1
    assert client.get("/api/events", params={"date_from": "2024-03-05"}).json()["total"] == 3
    assert client.get("/api/events", params={"q": "100%"}).json()["total"] == 1
    assert (
        client.get("/api/events", params={"plover": "ASSAULT", "modality": "asserted"}).json()["total"] == 1
    )


def test_events_csv(client):
    r = client.get("/api/events", params={"actor": "China", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["uid"] for row in rows} == {"fx-accuse/e1", "fx-accuse/e2"}


def test_cursor_pagination_over_http(client):
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 2, "sort": "date"} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/events", params=params).json()
        seen += [i["uid"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 6


def test_event_detail_and_404(client):
    ev = client.get("/api/events/fx-strike/e1").json()
    assert ev["article"] == {
        "id": "fx-strike",
        "title": "Jets strike militants",
        "url": "https://news.example/strike",
        "outlet": "Example Wire",
        "published": "2024-03-05",
    }
    assert ev["sentence"].startswith("Turkish warplanes struck")
    assert ev["provenance"]["rule"] == "fx.195.strike" and ev["provenance"]["confidence"] == 0.9
    missing = client.get("/api/events/fx-strike/e99")
    assert missing.status_code == 404 and "no event" in missing.json()["detail"]
    ambiguous = client.get("/api/events/e1")
    assert ambiguous.status_code == 409 and len(ambiguous.json()["detail"]["uids"]) == 3
    assert client.get("/api/articles/nope").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 1001},
        {"offset": -1},
        {"date_from": "yesterday"},
        {"quad_class": "5"},
        {"root": "99"},
        {"code": "19; DROP"},
        {"modality": "maybe"},
        {"sort": "date; DROP TABLE events"},
        {"order": "sideways"},
        {"cursor": "garbage"},
        {"format": "xml"},
        {"date_from": "2024-03-06", "date_to": "2024-03-01"},
    ],
)
def test_bad_parameters_are_422_json(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, params
    detail = r.json()["detail"]
    assert detail and isinstance(detail, list) and detail[0]["msg"]


def test_injection_through_http_is_inert(client):
    for value in ("' OR '1'='1", "x'; DROP TABLE events; --", '"); SELECT 1; --'):
        for name in ("actor", "source", "target", "q", "place", "plover", "article_id"):
            r = client.get("/api/events", params={name: value})
            assert r.status_code == 200 and r.json()["total"] == 0, (name, value)
        assert client.get("/api/quotes", params={"speaker": value}).json()["total"] == 0
        assert client.get("/events", params={"q": value}).status_code == 200
    assert client.get("/api/events").json()["total"] == 6


def test_article_detail_has_body_and_all_annotations(client):
    rec = client.get("/api/articles/fx-strike").json()
    body = rec["article"]["body"]
    ev = {e["id"]: e for e in rec["events"]}["e1"]
    assert body[ev["trigger"][0] : ev["trigger"][1]] == "struck"
    assert rec["quotes"][0]["speaker_name"] == "Selim Kaya"
    assert {p["name"] for p in rec["places"]} == {"Dohuk", "Ankara"}
    assert all(body[s[0] : s[1]] for a in rec["actors"] for s in a["mentions"])


def test_other_lists_and_stats(client):
    actors = client.get("/api/actors").json()
    assert any(a["name"] == "China" and a["as_source"] == 1 for a in actors["items"])
    assert client.get("/api/quotes", params={"speaker": "kaya"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"q": "table"}).json()["total"] == 1
    assert client.get("/api/places", params={"format": "csv"}).text.startswith("name,country,")
    stats = client.get("/api/stats").json()
    assert stats["counts"]["articles"] == 3
    assert {d["date"] for d in stats["by_day"]} >= {"2024-03-04"}
    assert stats["top_dyads"][0]["n"] >= 1
    assert client.get("/api/articles", params={"q": "trade"}).json()["total"] == 1
    profile = client.get("/api/actors/profile", params={"name": "Selim Kaya"}).json()
    assert profile["as_source"][0]["code"] == "036"
    assert client.get("/api/actors/profile", params={"name": "Nobody"}).status_code == 404
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_html_pages_render(client):
    for path in ("/events", "/events/fx-strike/e1", "/articles", "/articles/fx-strike?event=e1", "/actors",
                 "/actor?name=China", "/quotes", "/timeline", "/network", "/map", "/static/basemap.svg"):  # fmt: skip
        r = client.get(path)
        assert r.status_code == 200, path
    page = client.get("/events", params={"root": "19"}).text
    assert "struck" in page and "welcome talks" not in page
    missing = client.get("/events/fx-strike/e42")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]
    bad = client.get("/events", params={"date_from": "nope"})
    assert bad.status_code == 422 and "date_from" in bad.text


def test_hostile_article_renders_as_text(client):
    for path in (
        "/articles/fx-xss",
        "/events",
        "/events/fx-xss/e1",
        "/events/fx-xss/e2",
        "/actors",
        "/network",
    ):
        html = client.get(path).text
        assert "<script>alert" not in html and "<script>document" not in html, path
        assert "<img src=x" not in html and "<svg onload" not in html and "<b>Brenner" not in html, path
        assert 'href="javascript:' not in html
    article = client.get("/articles/fx-xss").text
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in article
    # the annotation data for the popovers is JSON inside a script block: no closing tag can escape it
    data = article.split('id="ann-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and "\\u003c" in data
    headers = client.get("/articles/fx-xss").headers
    assert "script-src 'self'" in headers["content-security-policy"]


def test_static_files_stay_in_their_folder(client):
    for path in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/../../store/db.py",
    ):
        r = client.get(path)
        assert r.status_code == 404 or "def create_app" not in r.text, path


def test_pages_load_nothing_from_the_network(client):
    import re

    for path in (
        "/events",
        "/articles/fx-strike",
        "/timeline",
        "/network",
        "/map",
        "/docs",
        "/actors",
        "/quotes",
    ):
        html = client.get(path).text
        assets = re.findall(r'<(?:script|link|img|image)[^>]*(?:src|href)="([^"]+)"', html)
        assert assets and all(a.startswith("/") or a.startswith("data:") for a in assets), (path, assets)
    docs = client.get("/docs").text
    assert "/api/events" in docs and "limit" in docs


def test_parallel_requests_each_get_their_own_cursor(client):
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/api/events?actor=TUR", "/api/stats", "/api/events?q=the&limit=2", "/events", "/api/actors"] * 8
    with ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda p: client.get(p).status_code, paths))
    assert codes == [200] * len(paths)


def test_cli_serve_runs_the_app(tmp_path):
    import subprocess
    import sys
    import time
    from pathlib import Path

    from webfixture import free_port

    db = build_store(tmp_path / "serve.duckdb")
    exe = Path(sys.executable).with_name("eventwire")
    missing = subprocess.run([str(exe), "serve", "--db", str(tmp_path / "none.duckdb")], capture_output=True)
    assert missing.returncode == 2 and b"no store" in missing.stderr
    port = free_port()
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/events", params={"root": "19"}, timeout=5)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and proc.poll() is None, "eventwire serve did not start"
                time.sleep(0.2)
        assert r.json()["total"] == 1
    finally:
        proc.terminate()
        proc.wait(10)
