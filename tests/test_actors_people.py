"""The bundled people lexicon (actors_people.yaml): its shape, the precision rules for its aliases, and what
a bare name in a sentence written for the purpose is coded as."""

from __future__ import annotations

import pytest

from eventwire import lexicon as bundled
from eventwire import nlp
from eventwire.actors import find_actors, load_lexicon
from eventwire.actors.lexicon import norm

# surnames that are also everyday English words: an alias like these would turn prose into a person
_ENGLISH_WORDS = {
    "may",
    "brown",
    "rice",
    "ford",
    "jordan",
    "chad",
    "major",
    "rich",
    "young",
    "king",
    "hope",
    "black",
    "white",
    "green",
    "wood",
    "baker",
    "cook",
    "power",
    "straw",
    "gore",
    "pence",
    "fox",
    "wade",
    "gates",
    "truss",
    "hunt",
    "moon",
    "store",
    "borne",
    "lasso",
    "sharon",
    "price",
    "bishop",
    "key",
    "banda",
    "salami",
    "turk",
    "ping",
    "sale",
    "lagos",
    "austin",
    "reno",
    "nano",
    "arroyo",
    "downer",
    "caldera",
    "harper",
    "saree",
    "bongo",
    "saar",
}


@pytest.fixture(scope="module")
def people() -> list[dict]:
    return bundled.load_yaml("actors_people.yaml")["people"]


@pytest.fixture(scope="module")
def known_people() -> list[dict]:
    return bundled.load_yaml("actors_known.yaml")["people"]


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def _keys(entry: dict) -> list[str]:
    return [norm(str(a)) for a in [entry["name"], *(entry.get("aliases") or [])]]


def test_the_file_loads_into_the_lexicon(people):
    lex = load_lexicon()
    assert len(people) >= 400
    for entry in people:
        assert lex.people[norm(entry["name"])].code == entry["code"], entry["name"]


def test_every_code_starts_with_a_known_country_or_a_transnational_sector(people):
    prefixes = {row["code"] for row in bundled.load_tsv("cameo_country_codes.tsv")}
    prefixes |= set(bundled.load_yaml("actors_countries.yaml"))
    prefixes |= {"IGO", "NGO", "IMG"}
    bad = [(e["name"], e["code"]) for e in people if e["code"][:3] not in prefixes or len(e["code"]) < 6]
    assert not bad


def test_the_role_after_a_country_is_a_cameo_actor_type(people):
    # the coder reads letters 4-6 of a country-prefixed code as the role (RUSMIL, PSEREBHMS -> REB)
    types = {row["code"] for row in bundled.load_tsv("cameo_actor_types.tsv")}
    national = [e for e in people if not e["code"].startswith(("IGO", "NGO", "IMG"))]
    assert not [(e["name"], e["code"]) for e in national if e["code"][3:6] not in types]


def test_every_title_is_a_title_of_the_roles_lexicon(people):
    titles = set(bundled.load_yaml("actors_roles.yaml")["titles"])
    assert not [(e["name"], e.get("title")) for e in people if e.get("title") not in titles]


def test_no_alias_names_two_codes_and_nobody_is_listed_twice(people, known_people):
    seen: dict[str, str] = {}
    clashes = []
    for entry in [*known_people, *people]:
        for key in set(_keys(entry)):
            if seen.setdefault(key, entry["code"]) != entry["code"]:
                clashes.append((key, seen[key], entry["code"]))
    assert not clashes
    names = [norm(e["name"]) for e in [*known_people, *people]]
    assert len(names) == len(set(names))
    known_keys = {k for e in known_people for k in _keys(e)}
    assert not [e["name"] for e in people if norm(e["name"]) in known_keys]


def test_no_alias_is_an_english_word_or_a_country(people):
    lex = load_lexicon()
    words = [a for e in people for a in e.get("aliases") or [] if norm(str(a)) in _ENGLISH_WORDS]
    places = [a for e in people for a in e.get("aliases") or [] if lex.country_of(str(a))]
    assert not words and not places


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Netanyahu met Abbas in Amman.", {"Netanyahu": "ISRGOV", "Abbas": "PSEGOV"}),
        ("Yeltsin met Clinton in Moscow on Tuesday.", {"Yeltsin": "RUSGOV", "Clinton": "USAGOV"}),
        ("Qaddafi denounced Mubarak in a speech.", {"Qaddafi": "LBYGOV", "Mubarak": "EGYGOV"}),
        ("Kofi Annan urged Milosevic to withdraw.", {"Kofi Annan": "IGOUNO", "Milosevic": "SRBGOV"}),
        ("Chirac and Schroeder rejected the plan.", {"Chirac": "FRAGOV", "Schroeder": "DEUGOV"}),
        ("Abdullah Ocalan called on his fighters to lay down their arms.", {"Abdullah Ocalan": "TURREB"}),
        ("Haniyeh accused Olmert of sabotaging the truce.", {"Haniyeh": "PSEREB", "Olmert": "ISRGOV"}),
    ],
)
def test_a_bare_name_gets_the_lexicon_code(parse, text, expected):
    cast = find_actors(parse(text))
    got = {a.name: a.code for a in cast.actors}
    for name, code in expected.items():
        assert (got.get(name) or "").startswith(code), (name, got)


@pytest.mark.parametrize(
    "text, name",
    [
        # a surname millions share is not a leader's alias
        ("Police arrested a 30-year-old man surnamed Jiang after the knife attack.", "Jiang"),
        # two leaders of different states share this surname: neither gets it bare
        ("Castro said the talks had failed.", "Castro"),
    ],
)
def test_a_shared_surname_alone_gets_no_lexicon_code(parse, text, name):
    cast = find_actors(parse(text))
    assert not [a for a in cast.actors if a.name == name and a.code and a.code[3:6] == "GOV"]


def test_a_title_in_the_text_wins_over_the_lexicon(parse):
    # the lexicon knows Barak as prime minister; the sentence makes him defense minister
    cast = find_actors(parse("Israeli Defense Minister Ehud Barak said the army would respond."))
    got = {a.name: a.code for a in cast.actors}
    assert got["Ehud Barak"].startswith("ISRMIL"), got
