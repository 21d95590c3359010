"""The DuckDB store: idempotent writes, errors rows, resume after kill -9, exports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.model import Actor, Article, Event, Place, Quote, Record
from eventwire.store import Store
from eventwire.store.export import GDELT_COLUMNS, export

CLI = [sys.executable, "-m", "eventwire"]


def _record(i: int) -> Record:
    body = f"Officials of Ruritania met envoys of Freedonia in Capital {i} on Monday."
    return Record(
        id=f"doc{i}",
        article=Article(id=f"doc{i}", body=body, title=f"Talks {i}", published="2024-03-05"),
        actors=[
            Actor(id="a1", name="Ruritania", code="RUR", kind="state", mentions=[(13, 22)]),
            Actor(id="a2", name="Freedonia", code="FRDGOV", kind="state", mentions=[(38, 47)]),
        ],
        events=[
            Event(
                id=f"doc{i}:e1",
                code="040",
                root="04",
                source="a1",
                target="a2",
                source_code="RUR",
                target_code="FRDGOV",
                quad_class=1,
                goldstein=1.0,
                date="2024-03-04",
                place="p1",
                sentence=(0, len(body)),
                trigger=(23, 26),
                rule="meet.040",
                confidence=0.9,
            ),
            Event(
                id=f"doc{i}:e2",
                code="190",
                root="19",
                source="a1",
                target="a2",
                source_code="RUR",
                target_code="FRD",
                modality="hypothetical",
                sentence=(0, len(body)),
                trigger=(0, 9),
            ),
        ],
        quotes=[
            Quote(
                id=f"doc{i}:q1",
                text="We met",
                span=(0, 6),
                kind="direct",
                speaker="a1",
                speaker_name="Ruritania",
                cue="said",
                cue_span=(7, 11),
            )
        ],
        places=[
            Place(
                id="p1",
                name=f"Capital {i}",
                spans=[(51, 60)],
                lat=1.0,
                lon=2.0,
                country="RU",
                feature="PPLC",
                geonameid=123,
            )
        ],
    )


def test_write_is_idempotent_and_round_trips(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write([_record(1), _record(2)])
        first = s.counts()
        s.write([_record(1), _record(2)])
        assert s.counts() == first
        assert first["articles"] == 2 and first["events"] == 4 and first["places"] == 2
        back = {r.id: r for r in s.records()}
    assert back["doc1"] == _record(1)
    with Store(db, read_only=True) as s:
        row = s.con.execute(
            "SELECT sentence, trigger, place_name, lat FROM events WHERE id = 'doc1:e1'"
        ).fetchall()
    assert row == [(_record(1).article.body, "met", "Capital 1", 1.0)]


def test_errors_are_recorded_once(tmp_path):
    with Store(tmp_path / "e.duckdb") as s:
        for _ in range(2):
            s.record_error("x", "a.txt", "source", "SourceError", "empty file", "r1")
        assert s.counts()["errors"] == 1


def test_exports(tmp_path):
    db = tmp_path / "x.duckdb"
    with Store(db) as s:
        s.write([_record(1), _record(2)])
    with Store(db, read_only=True) as s:
        assert export(s, "jsonl", tmp_path / "r.jsonl") == {"records": 2}
        lines = (tmp_path / "r.jsonl").read_text().splitlines()
        assert json.loads(lines[0])["events"][0]["code"] == "040"
        export(s, "csv", tmp_path / "csv")
        assert (tmp_path / "csv" / "events.csv").read_text().count("\n") == 5  # header + 4 events
        export(s, "parquet", tmp_path / "pq")
        n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path}/pq/events/*/*.parquet')").fetchall()[
            0
        ][0]
        assert n == 4
        assert export(s, "gdelt", tmp_path / "g.tsv") == {"events": 2}  # hypothetical events are left out
    rows = [line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines()]
    assert all(len(r) == len(GDELT_COLUMNS) for r in rows)
    first = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    assert (
        first["SQLDATE"] == "20240304" and first["EventCode"] == "040" and first["Actor2Type1Code"] == "GOV"
    )
    assert first["ActionGeo_FullName"] == "Capital 1" and first["ActionGeo_FeatureID"] == "123"


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(
            f"Minister Anna Varga of Ruritania met Freedonian envoys in Zenda on Tuesday, day {i}.\n\n"
            f"Varga said talks number {i} would continue next month, officials told reporters.\n",
            encoding="utf-8",
        )
    (folder / "empty.txt").write_text("", encoding="utf-8")


def _counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as s:
        c = s.counts()
    c.pop("runs")
    return c


def test_ingest_rerun_adds_nothing(tmp_path):
    corpus = tmp_path / "docs"
    _write_corpus(corpus, 12)
    db = tmp_path / "a.duckdb"
    out = subprocess.run([*CLI, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    first = _counts(db)
    assert first["articles"] == 12 and first["errors"] == 1
    out = subprocess.run([*CLI, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True)
    assert "12 already stored" in " ".join(out.stderr.split())
    assert _counts(db) == first
    strict = subprocess.run([*CLI, "ingest", str(corpus), "--db", str(db), "--strict"], capture_output=True)
    assert strict.returncode == 1


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_kill_minus_nine_then_rerun_equals_clean_run(tmp_path):
    corpus = tmp_path / "docs"
    _write_corpus(corpus, 400)
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    subprocess.run([*CLI, "ingest", str(corpus), "--db", str(clean_db)], check=True, capture_output=True)
    expected = _counts(clean_db)
    assert expected["articles"] == 400
    partial = None
    for delay in (4.0, 6.0, 3.0, 8.0):
        killed_db.unlink(missing_ok=True)
        proc = subprocess.Popen(
            [*CLI, "ingest", str(corpus), "--db", str(killed_db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        with Store(killed_db) as s:  # opening for writing completes a schema the kill interrupted
            partial = s.counts()["articles"]
        if 0 < partial < expected["articles"]:
            break
    subprocess.run([*CLI, "ingest", str(corpus), "--db", str(killed_db)], check=True, capture_output=True)
    assert _counts(killed_db) == expected
    assert partial is not None
