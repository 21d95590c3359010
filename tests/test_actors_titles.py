"""Titles and names the actors stage reads around a person's name, with sentences written for the purpose."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.actors import find_actors


@pytest.fixture(scope="module")
def parse():
    return nlp.load()


def _actor(parse, text: str, name: str):
    cast = find_actors(parse(text))
    return next(a for a in cast.actors if a.name == name)


@pytest.mark.parametrize(
    "text, name, code",
    [
        # the country comes after the name
        ("Prime Minister Mark Daly of Canada met the press on Monday.", "Mark Daly", "CANGOV"),
        ("Gen. Ann Hill of the U.S. Army said troops would stay.", "Ann Hill", "USAMIL"),
        # abbreviated titles
        ("Sen. Tom Reed said the bill was dead.", "Tom Reed", "---LEG"),
        ("Lt. Gen. Omar Said, the Egyptian commander, spoke to reporters.", "Omar Said", "EGYMIL"),
        # a US party and state tag after the name
        ("Sen. Ada Price (R-Texas) said the bill would pass.", "Ada Price", "USALEG"),
        ("Rep. Ben Ortiz, D-Calif., disagreed with the plan.", "Ben Ortiz", "USALEG"),
        ("Gov. Ron Baker (R-Fla.) vetoed it.", "Ron Baker", "USAGOV"),
    ],
)
def test_title_and_country_around_a_name(parse, text, name, code):
    assert _actor(parse, text, name).code == code


def test_a_post_modifier_without_a_country_adds_nothing(parse):
    assert _actor(parse, "John Smith of Reuters said the talks failed.", "John Smith").code is None


def test_a_known_person_typed_as_an_organisation_is_a_person(parse):
    # the small model reads a lone "Trump" as ORG; the lexicon knows the person
    cast = find_actors(parse("Hillary Clinton attacked Trump over the wall."))
    trump = next(a for a in cast.actors if a.name == "Trump")
    assert trump.kind == "person" and trump.code == "USAGOV"


def test_a_description_repeated_on_a_long_page_resolves_like_a_short_one(parse):
    para = "The council met on Monday and the minister said plan {i} would go ahead. "
    short = find_actors(parse(para.format(i=0)))
    long = find_actors(parse("".join(para.format(i=i) for i in range(200))))
    minister = [a for a in long.actors if a.name.lower() == "the minister"]
    assert len(minister) == 1 and len(minister[0].mentions) == 200
    assert minister[0].code == next(a for a in short.actors if a.name.lower() == "the minister").code


@pytest.mark.parametrize(
    "text, phrase, role",
    [
        ("The Kenyan ruling party rejected the plan.", "The Kenyan ruling party", "GOV"),
        ("A Kenyan opposition party called for a vote.", "Kenyan opposition party", "OPP"),
        ("A Kenyan political party called for a vote.", "Kenyan political party", "PTY"),
    ],
)
def test_a_party_is_coded_by_its_modifier(parse, text, phrase, role):
    cast = find_actors(parse(text))
    actor = next(a for a in cast.actors if a.name == phrase)
    assert actor.code == "KEN" + role


def test_a_hyphenated_surname_joins_its_full_name(parse):
    cast = find_actors(
        parse("Robert Kilroy-Silk quit. Officials say Mr Kilroy-Silk was not straightforward.")
    )
    people = [a for a in cast.actors if a.kind == "person"]
    assert [a.name for a in people] == ["Robert Kilroy-Silk"]
    assert len(people[0].mentions) == 2


def test_a_description_refers_back_to_the_office_it_names(parse):
    # a party leader is a "leader" but not "the prime minister"
    cast = find_actors(parse("Opposition leader Mark Hale accused the prime minister of squabbling."))
    hale = next(a for a in cast.actors if a.name == "Mark Hale")
    assert "the prime minister" not in [x.lower() for x in hale.aliases]
    cast = find_actors(parse("Prime Minister Mark Hale spoke. The leader said the prime minister agreed."))
    hale = next(a for a in cast.actors if a.name == "Mark Hale")
    assert {"the leader", "the prime minister"} <= {x.lower() for x in hale.aliases}


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("Labour leader Tom Hale spoke to reporters.", "Tom Hale", "GBRPTY"),
        ("Labour MP Ann Cole spoke to reporters.", "Ann Cole", "GBRLEG"),
        ("Labour Prime Minister Tom Hale spoke to reporters.", "Tom Hale", "GBRGOV"),
        ("U.N. official Ann Cole spoke to reporters.", "Ann Cole", "IGOUNO"),
    ],
)
def test_a_named_body_in_the_title_says_whose_office_it_is(parse, text, name, code):
    assert _actor(parse, text, name).code == code


def test_a_title_written_with_of_is_one_description(parse):
    cast = find_actors(
        parse("The leader of the opposition called for a debate, Prime Minister Tom Hale said.")
    )
    leader = next(a for a in cast.actors if a.name.lower() == "the leader of the opposition")
    assert leader.role == "OPP" and leader.kind == "person"


def test_they_does_not_go_back_to_a_place_named_only_as_a_location(parse):
    doc = parse("The campaigners showed a poster of the war in Iraq before they announced their plans.")
    cast = find_actors(doc)
    they = next(t for t in doc if t.lower_ == "they")
    assert cast.get(cast.token_actor[they.i]).name.lower() == "the campaigners"


@pytest.mark.parametrize(
    "text, name, code",
    [
        # bare names of the people lexicon, which the small model tags as a place or not at all
        ("Museveni said the talks would go on.", "Museveni", "UGAGOV"),
        ("Saakashvili met Medvedev in Sochi.", "Saakashvili", "GEOGOV"),
        # a surname stands for the lexicon's person only when the article's full name agrees
        ("Mark Blair, a local builder, spoke. Blair said the wall fell.", "Mark Blair", None),
    ],
)
def test_bare_names_from_the_people_lexicon(parse, text, name, code):
    assert _actor(parse, text, name).code == code


def test_a_capital_naming_a_firm_or_a_venue_is_no_government(parse):
    cast = find_actors(parse("The London exchange is holding talks with its rival Euronext."))
    assert not any((a.code or "").endswith("GOV") for a in cast.actors)
    cast = find_actors(parse("Kremlin spokesman Dmitry Peskov said no."))
    assert any(a.code == "RUSGOV" for a in cast.actors)
