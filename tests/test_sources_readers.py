"""Readers: each input format, encodings and bad inputs, on files written here."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from eventwire.errors import SourceError
from eventwire.model import RawDoc
from eventwire.sources import from_content, read
from eventwire.sources.decode import decode

ARTICLE = (
    "Valdoria and Kestrel sign border truce\n\n"
    "The foreign ministers of Valdoria and Kestrel signed a border truce on Tuesday in Geneva, "
    "ending three weeks of shelling along the Oren river.\n\n"
    '"This agreement ends a painful chapter," Valdorian Foreign Minister Ana Mirel said.\n'
)
HTML = (
    "<html><head><title>Truce signed</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Truce signed</h1><p>The two governments signed a truce on Tuesday after talks that lasted "
    "for nine days in Geneva.</p><p>Both sides agreed to withdraw heavy weapons within a week.</p></article>"
    "<footer>Copyright 2024 Example News</footer></body></html>"
)


def _all(paths, fmt=None):
    return list(read([str(p) for p in paths], input_format=fmt))


def test_text_file_has_stable_content_id(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    (doc,) = _all([f])
    assert isinstance(doc, RawDoc) and doc.media_type == "text/plain" and doc.origin == str(f)
    (again,) = _all([f])
    assert doc.id == again.id and len(doc.id) == 16


def test_html_file_and_from_content(tmp_path: Path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    (doc,) = _all([f])
    assert doc.media_type == "text/html"
    raw = from_content(HTML.encode(), url="https://example.org/x", published="2024-03-05")
    assert (
        raw.media_type == "text/html" and raw.url == "https://example.org/x" and raw.published == "2024-03-05"
    )
    assert from_content(ARTICLE).media_type == "text/plain"


def test_jsonl_keeps_ids_and_reports_bad_line(tmp_path: Path):
    f = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2024-02-01", "url": "https://x.org/1"}),
        "{not json at all",
        json.dumps({"id": "a2", "html": HTML}),
        json.dumps({"id": "a3"}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _all([f])
    assert [type(o).__name__ for o in out] == ["RawDoc", "SourceError", "RawDoc", "SourceError"]
    assert out[0].id == "a1" and out[0].published == "2024-02-01" and out[0].url == "https://x.org/1"
    assert "line 2" in str(out[1]) and str(f) in str(out[1])
    assert out[2].id == "a2" and out[2].media_type == "text/html"
    assert out[0].origin.endswith("#line 1")


def _warc_bytes(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    rec = writer.create_warc_record(
        "https://news.example/truce", "response", payload=io.BytesIO(HTML.encode()), http_headers=http
    )
    writer.write_record(rec)
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/a.png", "response", payload=io.BytesIO(b"\x89PNG..."), http_headers=img
        )
    )
    req = StatusAndHeaders("GET /truce HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/truce", "request", payload=io.BytesIO(b""), http_headers=req
        )
    )
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/second", "response", payload=io.BytesIO(HTML.encode()), http_headers=http
        )
    )
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_reads_html_responses_only(tmp_path: Path, gz: bool):
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    f.write_bytes(_warc_bytes(gz))
    out = _all([f])
    assert all(isinstance(o, RawDoc) for o in out) and len(out) == 2
    assert out[0].url == "https://news.example/truce" and out[0].media_type == "text/html"
    assert "urn:uuid" in out[0].origin and out[0].fetched_at


def test_truncated_warc_gz_keeps_records_read_so_far(tmp_path: Path):
    data = _warc_bytes(True)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: len(data) - 120])
    out = _all([f])
    assert isinstance(out[0], RawDoc) and len(out) == 2
    assert isinstance(out[-1], SourceError) and "truncated" in out[-1].message


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Northern Wire</title><link>https://wire.example</link>
<item><title>Talks resume in Geneva</title><link>https://wire.example/1</link><guid>wire-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>Negotiators from both countries resumed talks in Geneva on Tuesday, officials said.</description></item>
<item><title>Shelling reported near Oren</title><link>https://wire.example/2</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Artillery fire was reported near the Oren river on Wednesday, the army said.&lt;/p&gt;</description>
</item></channel></rss>"""


def test_rss_feed_one_doc_per_entry(tmp_path: Path):
    f = tmp_path / "feed.rss"
    f.write_text(FEED, encoding="utf-8")
    out = _all([f])
    assert len(out) == 2 and all(isinstance(o, RawDoc) for o in out)
    assert out[0].url == "https://wire.example/1" and out[0].published == "2024-03-05"
    assert out[0].title == "Talks resume in Geneva" and out[0].meta["outlet"] == "Northern Wire"
    assert out[1].origin.endswith("#entry 1")


def test_directory_is_recursive_and_sorted(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE)
    (tmp_path / "a.html").write_text(HTML)
    (tmp_path / "notes.md").write_text("ignored")
    out = _all([tmp_path])
    assert [Path(o.origin).name for o in out] == ["a.html", "z.txt"]


def test_encodings_utf16_bom_and_cp1252():
    text = "Minister Zoë Brandt paid £15m for the façade."
    assert decode(text.encode("utf-16")) == text
    assert decode(("A fee of £15.8m was agreed on Monday by the club. " * 3).encode("cp1252")).startswith(
        "A fee of £"
    )
    assert decode("“Quoted” – dash".encode("cp1252")) == "“Quoted” – dash"


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00junk" * 20, "binary"),
        (bytes(range(256)), "binary"),
    ],
)
def test_bad_inputs_become_source_errors(tmp_path: Path, data: bytes, reason: str):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    (out,) = _all([f])
    assert isinstance(out, SourceError) and reason in out.message


def test_missing_file_is_an_error_not_a_crash(tmp_path: Path):
    (out,) = _all([tmp_path / "nope.txt"])
    assert isinstance(out, SourceError)


def test_huge_input_is_cut_and_noted(tmp_path: Path):
    from eventwire.sources import decode as dec

    f = tmp_path / "big.txt"
    para = (
        "The council met again on Monday to discuss the budget and the new bridge. " * 10 + "\n\n"
    ).encode()
    f.write_bytes(para * (dec.MAX_BYTES // len(para) + 50))
    (doc,) = _all([f])
    assert doc.meta["truncated"] > dec.MAX_BYTES and len(doc.content) <= dec.MAX_BYTES


def test_gzip_sniffed_without_extension(tmp_path: Path):
    f = tmp_path / "crawl.bin"
    f.write_bytes(_warc_bytes(True))
    assert len(_all([f])) == 2
    g = tmp_path / "plain.gz"
    g.write_bytes(gzip.compress(b"not a warc"))
    out = _all([g])
    assert out and isinstance(out[-1], SourceError)


def test_stdin_jsonl(tmp_path: Path):
    import subprocess
    import sys

    data = json.dumps({"id": "s1", "text": ARTICLE}) + "\nnot json\n"
    code = "from eventwire.sources import read; print([type(o).__name__ for o in read(['-'], 'jsonl')])"
    out = subprocess.run([sys.executable, "-c", code], input=data.encode(), capture_output=True, check=True)
    assert out.stdout.decode().strip() == "['RawDoc', 'SourceError']"


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Delta Desk</title>
<entry><title>Envoys meet in Oslo</title><link href="https://delta.example/oslo"/><id>tag:delta,2024:1</id>
<updated>2024-04-02T12:00:00Z</updated>
<content type="html">&lt;p&gt;Envoys from both governments met in Oslo on Tuesday and agreed to a prisoner exchange,
the Norwegian foreign ministry said in a statement.&lt;/p&gt;</content></entry></feed>"""


def test_atom_feed_full_content(tmp_path: Path):
    f = tmp_path / "desk.atom"
    f.write_text(ATOM, encoding="utf-8")
    (doc,) = _all([f])
    assert doc.media_type == "text/html" and "prisoner exchange" in doc.content
    assert doc.published == "2024-04-02" and doc.url == "https://delta.example/oslo"


def test_jsonl_published_is_normalised(tmp_path: Path):
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps({"id": "x", "text": ARTICLE, "published": "2024-02-01T10:30:00Z"}) + "\n")
    (doc,) = _all([f])
    assert doc.published == "2024-02-01"


def test_cp1252_file_and_sniffed_html_without_extension(tmp_path: Path):
    f = tmp_path / "latin.txt"
    f.write_bytes(
        ("Chelsea paid a £15.8m fee for the striker, the club said on Monday. " * 3).encode("cp1252")
    )
    (doc,) = _all([f])
    assert "£15.8m" in doc.content
    g = tmp_path / "page"
    g.write_text(HTML, encoding="utf-8")
    (doc,) = _all([g])
    assert doc.media_type == "text/html"


def test_warc_ids_differ_by_url_and_are_stable(tmp_path: Path):
    f = tmp_path / "crawl.warc"
    f.write_bytes(_warc_bytes(False))
    first, second = _all([f])
    assert first.id != second.id
    assert [d.id for d in _all([f])] == [first.id, second.id]
