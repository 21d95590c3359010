"""Quotations on the PolNeAR dev sample, scored by the shared scorer (slow: 60 articles).

Targets from the brief: direct quotes with speaker F1 >= 0.85, all attributions with speaker F1 >= 0.70
(about 0.70 now). PolNeAR annotates any stance predicate, and the scorer's greedy matching lets a missed
short gold item ("the idea") take a later prediction that shares half of its words, so each miss can
cost a correct match further on: the figure moves by a few thousandths when another stage changes a
parse or a body. The floor below guards against real regressions.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.model import Article, Record
from eventwire.quotes import find_quotes

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "eval" / "dev" / "quotes.polnear_train_sample.jsonl"
SCORER = SHARED / "tools" / "score.py"


@pytest.fixture(scope="module")
def figures(tmp_path_factory) -> tuple[float, float, str]:
    if not GOLD.exists() or not SCORER.exists():
        pytest.skip("shared dev set not available")
    out = tmp_path_factory.mktemp("quotes") / "quotes.jsonl"
    with open(GOLD, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            rec = json.loads(line)
            article = Article(id=rec["id"], body=rec["text"], published=rec.get("published"))
            doc = nlp.parse(article.body)
            cast = find_actors(doc, article)
            quotes = find_quotes(doc, article, cast)
            w.write(
                Record(id=article.id, article=article, actors=cast.actors, quotes=quotes).to_json() + "\n"
            )
    res = subprocess.run(
        [sys.executable, str(SCORER), "quotes", str(GOLD), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = res.stdout.strip().splitlines()[-1]
    m = re.search(r"quotes F1 ([\d.]+) direct with speaker .*?, ([\d.]+) all attributions with speaker", last)
    assert m, res.stdout
    print(res.stdout)
    return float(m.group(1)), float(m.group(2)), last


@pytest.mark.slow
def test_polnear_direct_quotes_with_speaker(figures):
    direct, _, last = figures
    assert direct >= 0.85, last


@pytest.mark.slow
def test_polnear_all_attributions_floor(figures):
    _, everything, last = figures
    assert everything >= 0.69, last


@pytest.mark.slow
def test_polnear_all_attributions_with_speaker(figures):
    _, everything, last = figures
    assert everything >= 0.70, last
