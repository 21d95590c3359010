"""The shared read-side queries and the `query`/`sql` CLI, on a real DuckDB file of hand-made records."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.store import queries
from eventwire.store.queries import EventFilter, QueryError
from webfixture import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("query") / "fx.duckdb")


@pytest.fixture()
def con(db):
    with queries.connect(db) as c:
        yield c


def uids(page) -> list[str]:
    return [r["uid"] for r in page.rows]


def test_filters_narrow_events(con):
    assert queries.events(con).total == 6
    assert uids(queries.events(con, EventFilter(root="19"))) == ["fx-strike/e1"]
    assert uids(queries.events(con, EventFilter(code="19"))) == ["fx-strike/e1"]
    assert queries.events(con, EventFilter(actor="TUR")).total == 2  # code prefix, either side
    assert uids(queries.events(con, EventFilter(actor="kaya"))) == ["fx-strike/e2"]  # name, any case
    assert queries.events(con, EventFilter(actor="TURGOV")).total == 1
    # an upper-case code is a code only: GRE is no one's code, though "Greece" contains "gre"
    assert queries.events(con, EventFilter(actor="GRE")).total == 0
    assert uids(queries.events(con, EventFilter(actor="Gre"))) == ["fx-strike/e2"]
    assert uids(queries.events(con, EventFilter(source="CHN", target="USA"))) == ["fx-accuse/e2"]
    assert uids(queries.events(con, EventFilter(source_country="usa"))) == ["fx-accuse/e1"]
    assert queries.events(con, EventFilter(quad_class=3)).total == 4
    assert uids(queries.events(con, EventFilter(plover="assault"))) == ["fx-strike/e1"]
    assert uids(queries.events(con, EventFilter(modality="future"))) == ["fx-strike/e2"]
    assert uids(queries.events(con, EventFilter(place="dohuk"))) == ["fx-strike/e1"]
    assert uids(queries.events(con, EventFilter(place="IQ"))) == ["fx-strike/e1"]
    assert uids(queries.events(con, EventFilter(q="unfair trade"))) == ["fx-accuse/e1"]
    f = EventFilter(date_from=dt.date(2024, 3, 5), date_to=dt.date(2024, 3, 5))
    assert sorted(uids(queries.events(con, f))) == ["fx-accuse/e1", "fx-strike/e2"]


def test_text_search_wildcards_match_literally(con):
    assert uids(queries.events(con, EventFilter(q="100%"))) == ["fx-accuse/e2"]
    assert queries.events(con, EventFilter(q="100%%of")).total == 0
    assert uids(queries.events(con, EventFilter(q="exports_met"))) == ["fx-accuse/e2"]
    assert queries.events(con, EventFilter(q="exports_")).total == 1
    assert queries.events(con, EventFilter(q="export_s")).total == 0  # _ is not "any character"


@pytest.mark.parametrize(
    "hostile",
    ["' OR 1=1 --", "x'); DROP TABLE events; --", '" OR ""="', "%' UNION SELECT * FROM articles --", "\\"],
)
def test_injection_in_every_filter_is_inert(con, hostile):
    for name in (
        "actor",
        "source",
        "target",
        "source_country",
        "plover",
        "modality",
        "place",
        "q",
        "article_id",
    ):
        page = queries.events(con, EventFilter(**{name: hostile}))
        assert page.total == 0, name
    assert queries.quotes(con, speaker=hostile, q=hostile).total == 0
    assert queries.actors(con, q=hostile).total == 0
    assert queries.places(con, q=hostile).total == 0
    assert queries.articles(con, q=hostile).total == 0
    assert queries.event(con, hostile) is None
    assert queries.article(con, hostile) is None
    assert queries.events(con).total == 6  # nothing was dropped


def test_sort_and_order_are_whitelisted(con):
    with pytest.raises(QueryError):
        queries.events(con, sort="date; DROP TABLE events")
    with pytest.raises(QueryError):
        queries.events(con, order="desc; --")
    with pytest.raises(QueryError):
        queries.events(con, limit=1001)
    rows = queries.events(con, sort="goldstein", order="asc").rows
    assert [r["goldstein"] for r in rows] == sorted(r["goldstein"] for r in rows)


def test_cursor_pages_through_everything_once(con):
    for sort in ("date", "goldstein", "code"):
        seen, cursor = [], None
        while True:
            page = queries.events(con, sort=sort, limit=2, cursor=cursor)
            seen += uids(page)
            cursor = page.next_cursor
            if not cursor:
                break
        assert sorted(seen) == sorted(uids(queries.events(con, limit=100))), sort
        assert len(seen) == len(set(seen)) == 6
    # with a filter that scans (text), the total comes from the same pass: it must not change by page
    f = EventFilter(q="the")
    everything = uids(queries.events(con, f, limit=100))
    seen, cursor, totals = [], None, set()
    while True:
        page = queries.events(con, f, sort="date", order="asc", limit=1, cursor=cursor)
        seen += uids(page)
        totals.add(page.total)
        if not (cursor := page.next_cursor):
            break
    assert sorted(seen) == sorted(everything) and totals == {len(everything)} and len(everything) >= 3
    assert queries.events(con, f, offset=50).total == len(everything)  # past the end
    with pytest.raises(QueryError):
        queries.events(con, cursor="not-a-cursor")
    with pytest.raises(QueryError):  # a cursor made for another sort
        queries.events(con, sort="code", cursor=queries.events(con, limit=1).next_cursor)


def test_offset_pages_match_one_big_page(con):
    everything = uids(queries.events(con, limit=100))
    pages = [uids(queries.events(con, limit=4, offset=o)) for o in (0, 4)]
    assert pages[0] + pages[1] == everything


def test_event_detail_has_article_sentence_and_provenance(con):
    ev = queries.event(con, "fx-strike/e1")
    assert ev["article"]["title"] == "Jets strike militants"
    assert ev["article"]["url"] == "https://news.example/strike"
    assert ev["trigger"] == "struck" and "Dohuk" in ev["sentence"]
    assert ev["provenance"]["rule"] == "fx.195.strike"
    assert ev["source_actor"]["code"] == "TURMIL"
    assert ev["quad_name"] == "Material conflict"
    # a bare id that several articles use is ambiguous
    assert sorted(queries.event(con, "e1")) == ["fx-accuse/e1", "fx-strike/e1", "fx-xss/e1"]


def test_aggregates(con):
    tl = queries.timeline(con, EventFilter())
    assert sum(d["total"] for d in tl) == 6
    assert {str(d["date"]) for d in tl} == {"2024-03-01", "2024-03-04", "2024-03-05", "2024-03-06"}
    dy = queries.dyads(con, limit=10)
    assert {(d["source"], d["target"]) for d in dy} >= {("USA", "CHN"), ("CHN", "USA"), ("TURMIL", "IRQREB")}
    by_country = queries.dyads(con, by="country")
    assert ("TUR", "IRQ") in {(d["source"], d["target"]) for d in by_country}
    between = queries.between(con, "United States", "CHN")
    assert sorted(uids(between)) == ["fx-accuse/e1", "fx-accuse/e2"]
    st = queries.stats(con)
    assert st["counts"]["events"] == 6 and st["events_matching"] == 6
    assert st["date_range"] == ["2024-03-01", "2024-03-06"]
    actors = {(a["name"], a["as_source"], a["as_target"]) for a in queries.actors(con).rows}
    assert ("China", 1, 1) in actors
    places = {p["name"]: p["n_events"] for p in queries.places(con).rows}
    assert places == {"Dohuk": 1, "Ankara": 1}
    prof = queries.actor_profile(con, "Selim Kaya")
    assert [e["uid"] for e in prof["as_source"]] == ["fx-strike/e2"]
    assert prof["quotes"][0]["text"].startswith('"We are ready')


def test_csv_neutralises_spreadsheet_formulas():
    text = queries.to_csv([{"a": "=HYPERLINK(1)", "b": -3.5, "c": "-12"}])
    assert text.splitlines()[1] == "'=HYPERLINK(1),-3.5,-12"


def test_store_cannot_write_or_read_other_files(db):
    with queries.connect(db) as con:
        for statement in (
            "INSERT INTO meta VALUES ('x', 'y')",
            "DELETE FROM events",
            "COPY events TO '/tmp/eventwire_leak.csv'",
            "SELECT * FROM read_csv('/etc/passwd')",
        ):
            with pytest.raises(Exception):  # noqa: B017  (duckdb raises several kinds)
                con.execute(statement)


runner = CliRunner()


def test_cli_query_events_and_friends(db):
    out = runner.invoke(app, ["query", "events", "--db", str(db), "--root", "19", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert [r["uid"] for r in rows] == ["fx-strike/e1"]
    table = runner.invoke(app, ["query", "events", "--db", str(db), "--actor", "TUR", "--limit", "15"])
    assert table.exit_code == 0 and "TURMIL" in table.stdout
    csv_out = runner.invoke(app, ["query", "dyads", "--db", str(db), "--format", "csv"])
    assert csv_out.exit_code == 0 and csv_out.stdout.startswith("source,target,n,")
    tl = runner.invoke(app, ["query", "timeline", "--db", str(db), "--actor", "CHN", "--format", "json"])
    assert [d["total"] for d in json.loads(tl.stdout)] == [1, 1]
    btw = runner.invoke(app, ["query", "between", "USA", "China", "--db", str(db), "--format", "json"])
    assert len(json.loads(btw.stdout)) == 2


def test_cli_sql_reads_and_refuses_writes(db):
    ok = runner.invoke(app, ["sql", "SELECT count(*) AS n FROM events", "--db", str(db), "--format", "json"])
    assert ok.exit_code == 0 and json.loads(ok.stdout) == [{"n": 6}]
    bad = runner.invoke(app, ["sql", "DELETE FROM events", "--db", str(db)])
    assert bad.exit_code == 2
    assert "read-only" in bad.output
    leak = runner.invoke(app, ["sql", "COPY events TO '/tmp/eventwire_leak.csv'", "--db", str(db)])
    assert leak.exit_code == 2 and "file access" in leak.output
    missing = runner.invoke(app, ["sql", "SELECT 1", "--db", str(db) + ".nope"])
    assert missing.exit_code == 2
