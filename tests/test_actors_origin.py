"""Actors named with where they come from ("officials from Austria") keep that country."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.model import Article


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def test_from_country_beats_the_context(parse):
    text = "Polish President Andrzej Duda received officials from Lithuania in Warsaw."
    doc = parse(text)
    cast = find_actors(doc, Article(id="t", body=text))
    officials = next(a for a in cast.actors if a.name.lower().endswith("officials"))
    assert officials.code.startswith("LTU")
