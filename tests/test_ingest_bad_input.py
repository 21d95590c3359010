"""Bad input never loses the rest of a batch: each gets a one-line message and an errors row."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.store import Store

CLI = [sys.executable, "-m", "eventwire"]
GOOD = (
    "KAVALA, March 3 (Wirenet) - Greek coast guard vessels rescued forty migrants off Lesbos on Sunday, "
    "officials said.\n\nThe ministry said the search would continue through Monday.\n"
)


def _warc_bytes(n: int) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(n):
        html = (
            f"<html><head><title>Report {i}</title></head><body><article><h1>Report {i}</h1>"
            f"<p>Police in Lyon arrested {i + 2} protesters on Friday after clashes near the city hall, "
            "the prefecture said in a statement.</p><p>The mayor called for calm and promised an inquiry "
            "into the events of the day.</p></article></body></html>"
        ).encode()
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                f"http://example.org/{i}", "response", payload=io.BytesIO(html), http_headers=headers
            )
        )
    return buf.getvalue()


@pytest.fixture
def bad_folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "latin1.txt").write_bytes(GOOD.replace("forty", "forty (\xa3200)").encode("latin-1"))
    (d / "nobody.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    (d / "lines.jsonl").write_text(
        '{"id": "j1", "text": "Rebels in the north attacked an army post on Tuesday, the army said."}\n'
        "this is not json\n"
        '{"id": "j2", "text": "La policía detuvo a tres personas en Madrid el martes, según fuentes oficiales."}\n',
        encoding="utf-8",
    )
    whole = _warc_bytes(3)
    (d / "cut.warc.gz").write_bytes(whole[: int(len(whole) * 0.8)])
    (d / "junk.warc.gz").write_bytes(gzip.compress(b"not a warc at all")[:-4])
    return d


def test_bad_inputs_are_recorded_and_the_batch_goes_on(bad_folder, tmp_path):
    db = tmp_path / "b.duckdb"
    run = subprocess.run([*CLI, "ingest", str(bad_folder), "--db", str(db)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with Store(db, read_only=True) as s:
        stored = {r.id: r for r in s.records()}
        errors = s.con.execute("SELECT origin, stage, error_type, message FROM errors").fetchall()
    origins = " ".join(str(e[0]) for e in errors)
    for name in ("empty.txt", "binary.txt", "lines.jsonl", "cut.warc.gz", "junk.warc.gz", "nobody.html"):
        assert name in origins, (name, errors)
    assert all(e[3] and "\n" not in e[3] for e in errors)  # one clear line each
    assert "j1" in stored and "j2" in stored  # the lines around the bad one are kept
    bodies = " ".join(r.article.body for r in stored.values())
    assert "£200" in bodies  # latin-1 decoded
    assert "Police in Lyon" in bodies  # WARC records read before the cut are kept
    assert stored["j2"].article.language not in (None, "en")
    again = subprocess.run(
        [*CLI, "ingest", str(bad_folder), "--db", str(db), "--strict"], capture_output=True, text=True
    )
    assert again.returncode == 1  # --strict: any failure exits non-zero
    with Store(db, read_only=True) as s:
        assert len(list(s.records())) == len(stored)
        assert s.con.execute("SELECT count(*) FROM errors").fetchall()[0][0] == len(errors)


@pytest.mark.slow
def test_fifty_megabyte_page(tmp_path):
    page = tmp_path / "huge.txt"
    para = "The council of district {i} met on Monday and the minister said plan {i} would go ahead. " * 20
    page.write_text("".join(para.format(i=i) + "\n\n" for i in range(28_000)), encoding="utf-8")
    assert page.stat().st_size > 50_000_000
    db = tmp_path / "h.duckdb"
    run = subprocess.run([*CLI, "ingest", str(page), "--db", str(db)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] + s.counts()["errors"] == 1
