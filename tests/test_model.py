"""The record contract: JSON round trip keeps every field (FORMAT.md)."""

import json

from eventwire.model import Actor, Article, Event, Place, Quote, Record, Removed


def test_record_round_trip():
    rec = Record(
        id="x1",
        article=Article(
            id="x1", body="Kerry met Lavrov.", title="T", removed=[Removed("Print", "ui phrase")]
        ),
        actors=[Actor(id="a1", name="John Kerry", code="USAGOV", mentions=[(0, 5)])],
        events=[Event(id="e1", code="040", root="04", source="a1", sentence=(0, 17), trigger=(6, 9))],
        quotes=[Quote(id="q1", text="x", span=(0, 1), kind="direct", cue_span=(2, 3))],
        places=[Place(id="p1", name="New York", spans=[(0, 3)], lat=40.7, lon=-74.0)],
    )
    text = rec.to_json()
    back = Record.from_json(text)
    assert back == rec
    d = json.loads(text)
    assert set(d) == {"id", "article", "actors", "events", "quotes", "places"}
    assert {
        "url",
        "outlet",
        "title",
        "published",
        "dateline",
        "byline",
        "language",
        "body",
        "removed",
    } <= set(d["article"])
    assert d["events"][0]["sentence"] == [0, 17]
