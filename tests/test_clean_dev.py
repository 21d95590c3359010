"""Dev-set figures (slow): token F1 of the cleaned body on the fundus pages, HTML and plain-text renderings,
and the BBC corpus read whole without errors."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from eventwire.clean import clean
from eventwire.sources import read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "eval" / "dev"

pytestmark = pytest.mark.slow


def _tokens(s: str) -> Counter:
    s = unicodedata.normalize("NFKC", s or "").lower()
    return Counter(re.findall(r"\w+", s))


def mean_f1(path: Path) -> float:
    if not path.exists():
        pytest.skip(f"{path} is absent")
    gold = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            gold[g["id"]] = g["article_body"]
    scores = []
    for raw in read([path], "jsonl"):
        try:
            body = clean(raw).body
        except Exception:
            body = ""
        g, p = _tokens(gold[raw.id]), _tokens(body)
        tp = sum((g & p).values())
        prec, rec = tp / max(1, sum(p.values())), tp / max(1, sum(g.values()))
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(scores) / len(scores)


def test_fundus_html_f1():
    assert mean_f1(DEV / "extraction.fundus.jsonl") >= 0.90


def test_fundus_text_f1():
    assert mean_f1(DEV / "extraction.fundus_text.jsonl") >= 0.95  # 0.969 with the furniture rules


def test_bbc_corpus_titles_and_whole_bodies():
    folder = SHARED / "corpus" / "bbc"
    if not folder.exists():
        pytest.skip("BBC corpus absent")
    n = titled = whole = 0
    for raw in read([folder]):
        if raw.origin.endswith("README.TXT"):
            continue
        art = clean(raw)
        lines = [ln.strip() for ln in raw.content.splitlines() if ln.strip()]
        n += 1
        titled += art.title is not None and art.title.split()[:3] == lines[0].split()[:3]
        whole += len(re.findall(r"\w+", art.body)) >= len(re.findall(r"\w+", " ".join(lines[1:])))
    assert n > 2000
    assert titled / n > 0.99 and whole / n > 0.98
