"""The places stage on the dev gold sets: the seed page's place rows and TR-News accuracy at 161 km."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _accuracy(path: Path, demonyms: bool) -> tuple[float, float]:
    from eventwire import nlp
    from eventwire.actors import find_actors
    from eventwire.geo import Geocoder
    from eventwire.model import Article

    geo = Geocoder(demonyms=demonyms)
    recs = [json.loads(line) for line in path.open(encoding="utf-8")]
    n = found = close = 0
    for rec, doc in zip(recs, nlp.load().pipe(r["text"] for r in recs), strict=True):
        article = Article(id=rec["id"], body=rec["text"])
        pp = geo.find_places(doc, article, find_actors(doc, article))
        for gp in rec["places"]:
            n += 1
            cand = [p for p in pp if any(s < gp["end"] and gp["start"] < e for s, e in p.spans)]
            if not cand:
                continue
            found += 1
            close += _km((cand[0].lat, cand[0].lon), (gp["lat"], gp["lon"])) <= 161
    return close / n, close / found


@pytest.mark.slow
def test_trnews_accuracy_at_161km():
    path = SHARED / "eval" / "dev" / "places.trnews.jsonl"
    if not path.exists():
        pytest.skip("dev set absent")
    overall, recognised = _accuracy(path, demonyms=False)
    # TR-News also annotates demonyms ("Russian"), which this stage does not return by default
    assert overall >= 0.75 and recognised >= 0.90  # measured 0.783 / 0.928
    overall, recognised = _accuracy(path, demonyms=True)
    assert overall >= 0.80 and recognised >= 0.90  # measured 0.874 / 0.935


def test_seed_places(seed_record):
    names = {(p.name, p.country) for p in seed_record.places}
    for name, cc in [("Homs", "SY"), ("Hama", "SY"), ("New York", "US"), ("Syria", "SY"), ("Iraq", "IQ")]:
        assert (name, cc) in names
    ny = next(p for p in seed_record.places if p.name == "New York")
    assert _km((ny.lat, ny.lon), (40.71, -74.01)) < 50
