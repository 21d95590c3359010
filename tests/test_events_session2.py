"""Mechanisms of the second events pass (issue #4), each on sentences written for the purpose."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.events import EventCoder
from eventwire.model import Article


@pytest.fixture(scope="module")
def run():
    pipe = nlp.load()
    coder = EventCoder()

    def _run(text: str):
        doc = pipe(text)
        article = Article(id="t", body=text, published="2015-10-01")
        return coder.code(doc, article, find_actors(doc, article), [])

    return _run


def triples(events):
    return {((e.source_code or "")[:3], (e.target_code or "")[:3], e.plover["type"] if e.plover else None)
            for e in events if e.modality not in ("hypothetical", "negated")}  # fmt: skip


def test_surrender_at_home_has_no_target(run):
    evs = run("Two hundred Congolese rebels surrendered on Monday in the town of Goma.")
    assert ("COD", "", "RETREAT") in triples(evs)


def test_withdrawal_from_a_home_town_has_no_target(run):
    evs = run("Sudanese troops completed their withdrawal from the town of Kassala on Sunday.")
    assert ("SDN", "", "RETREAT") in triples(evs)


def test_withdrawal_from_a_foreign_country_keeps_it(run):
    evs = run("Ethiopian troops withdrew from Somalia on Friday.")
    assert ("ETH", "SOM", "RETREAT") in triples(evs)


def test_a_coordinated_object_can_name_the_act(run):
    evs = run("Japan shipped school books and medicine to Haiti on Tuesday.")
    assert ("JPN", "HTI", "AID") in triples(evs)


def test_military_intelligence_is_military_aid(run):
    evs = run("Britain is giving satellite maps and military intelligence to Kenya.")
    assert any(e.code == "072" and e.target_code == "KEN" for e in evs)
