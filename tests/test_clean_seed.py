"""The reference page's article rows (seed.gold.json `article`), checked on the cleaner alone."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from eventwire.clean import clean
from eventwire.sources import read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_80572a38002990f3.txt"
GOLD = SHARED / "eval" / "seed.gold.json"


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists() or not GOLD.exists():
        pytest.skip("/work/shared seed files are absent")
    (raw,) = list(read([SEED]))
    return clean(raw), json.loads(GOLD.read_text(encoding="utf-8"))["article"]


def test_seed_metadata(seed):
    art, gold = seed
    assert norm(art.title) == norm(gold["title"])
    assert norm(art.outlet) == norm(gold["outlet"])
    assert art.published == gold["published"]


def test_seed_body_bounds_and_boilerplate(seed):
    art, gold = seed
    body = norm(art.body)
    assert body.startswith(norm(gold["body_starts_with"]))
    assert body.endswith(norm(gold["body_ends_with"]))
    assert len(art.body) > 1000
    for s in gold["boilerplate_removed"]:
        assert norm(s) not in body, s
    assert art.removed and all(r.reason for r in art.removed)
