"""Precision on everyday news: words that name an event only in one shape, on sentences written for the purpose."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.errors import PatternError
from eventwire.events import patterns


@pytest.fixture(scope="module")
def codes():
    def _codes(text: str) -> set[tuple[str, str | None]]:
        return {(e.code, e.source_code) for e in eventwire.process(text).events}

    return _codes


def test_call_for_a_clause_is_a_demand_not_a_phone_call(codes):
    found = codes("French President Anne Morel called for the embargo to be lifted.")
    assert ("100", "FRAGOV") in found
    assert not any(code == "041" for code, _ in found)


def test_a_date_after_call_is_no_call_on(codes):
    found = codes("President Barack Obama called Russian President Vladimir Putin on Monday.")
    assert ("041", "USAGOV") in found
    assert not any(code.startswith("10") for code, _ in found)


@pytest.mark.parametrize(
    "text, code",
    [
        ("Kenyan police held two men after the raid.", "173"),
        ("The Sri Lankan army is holding thousands of refugees in the camps.", "173"),
        ("Kenyan President Ada Njoroge received the Chinese envoy on Friday.", "043"),
        ("Thousands of Kenyans demonstrated outside the US embassy.", "141"),
        ("British Prime Minister Tony Blair visited Kenya on Monday.", "042"),
    ],
)
def test_verbs_that_need_someone_or_nothing_as_object_fire_with_it(codes, text, code):
    assert code in {c for c, _ in codes(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Women hold less than 10% of the top positions in Kenyan companies.",
        "The striker will stay until he receives a pension from the British government.",
        "The report demonstrated its value to Kenyan officials.",
        "Members of the British fisheries committee will be touring fish markets.",
    ],
)
def test_the_same_verbs_with_a_thing_as_object_code_nothing(codes, text):
    assert not {c for c, _ in codes(text)} & {"173", "043", "141", "042", "036"}


def test_attacking_a_decision_is_criticism_and_attacking_a_town_is_force(codes):
    assert ("111", "GBROPP") in codes(
        "British opposition leader Tom Hale attacked the decision of the court."
    )
    assert ("190", "SYRMIL") in codes("Syrian troops attacked the town of Homs.")


def test_hammering_out_a_deal_is_negotiation(codes):
    found = {c for c, _ in codes("Britain and France hammered out a deal on Thursday.")}
    assert "046" in found and "190" not in found


def test_a_hunger_strike_is_a_protest_not_an_attack(codes):
    found = {c for c, _ in codes("Russian dissidents began the seventh week of a hunger strike in London.")}
    assert not any(c.startswith(("18", "19")) for c in found)


def test_object_kind_is_checked_when_a_pattern_file_loads(tmp_path):
    bad = tmp_path / "mine.yaml"
    bad.write_text('- {id: my.hold, code: "173", verbs: [hold], object_kind: anybody}\n', encoding="utf-8")
    with pytest.raises(PatternError, match="line 1: object_kind"):
        patterns.load([bad])


def test_a_word_of_a_persons_name_places_no_one():
    # "Kennedy" is also a town in Colombia: a side with no country must not take it from a name
    from eventwire import nlp
    from eventwire.events.actorcode import lexical_codes

    doc = nlp.parse("Opposition leader Charles Kennedy said Harry should apologise in person.")
    assert lexical_codes([t for t in doc if t.pos_ == "PROPN"])[0] == []


def test_armed_forces_that_strike_attack_and_workers_strike(codes):
    assert "190" in {c for c, _ in codes("Syrian rebels struck near Aleppo on Monday.")}
    assert "143" in {c for c, _ in codes("Kenyan teachers struck for a week over pay.")}


def test_on_strike_is_no_attack(codes):
    found = {c for c, _ in codes("Thousands of Welsh civil servants were on strike across Wales on Friday.")}
    assert not any(c.startswith(("18", "19")) for c in found)


def test_a_stance_prefix_names_no_country():
    doc = eventwire.process("An anti-American cleric was arrested in Karachi on Monday.")
    cleric = next(a for a in doc.actors if "cleric" in a.name)
    assert not (cleric.code or "").startswith("USA")
    assert not any((e.target_code or "").startswith("USA") for e in doc.events)


def test_an_obligation_is_a_demand_only_when_someone_is_asked_to_act(codes):
    assert "100" in {
        c for c, _ in codes("Egyptian President Ali Nour said that the US must be ready to mediate.")
    }
    assert "100" not in {
        c for c, _ in codes("British Prime Minister Tom Hale said the citizen should be in charge.")
    }
    assert "100" not in {
        c for c, _ in codes("British Prime Minister Tom Hale said we should come down hard on abuse.")
    }


def _triples(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(e.code, e.source_code, e.target_code) for e in eventwire.process(text).events}


def test_co_subjects_act_on_each_other_only_when_the_act_is_mutual():
    attacked = _triples("The village was attacked by Syrian troops and Russian jets.")
    assert ("190", "SYRMIL", "RUSMIL") not in attacked and ("190", "RUSMIL", "SYRMIL") not in attacked
    signed = _triples("Russia and China signed a treaty on Monday.")
    assert ("057", "RUS", "CHN") in signed and ("057", "CHN", "RUS") in signed


def test_armed_men_who_clash_fight_and_civilians_riot():
    fought = _triples("Rebels and government troops clashed near Goma.")
    assert {c for c, _, _ in fought} == {"190"} and all(s != t for _, s, t in fought)
    assert "145" in {c for c, _, _ in _triples("Protesters clashed with police in Nairobi.")}


@pytest.mark.parametrize(
    "text, code, fires",
    [
        ("Kenya closed its border with Somalia.", "172", True),
        ("Shares of Kenyan tobacco companies closed higher after the ruling.", "172", False),
        ("Britain helped Kenyan refugees after the floods.", "070", True),
        ("The Olympics helped boost the British firm's profits.", "070", False),
        ("China and India agreed to improve relations.", "032", True),
        ("The Kenyan opposition wants to restore Kenya's reputation.", "050", False),
    ],
)
def test_verbs_that_need_an_object_or_a_named_one(codes, text, code, fires):
    assert (code in {c for c, _ in codes(text)}) is fires


def test_a_visitor_does_not_take_the_country_visited():
    visit = _triples("International Development Secretary Hilary Benn will also visit Aceh in Indonesia.")
    assert all(not (s or "").startswith("IDN") for _, s, _ in visit)
    talks = _triples(
        "French Senate leader Anne Morel and a group of senators held talks with Romanian leaders."
    )
    assert all((s or "").startswith(("FRA", "ROU")) for _, s, _ in talks)


def test_an_attack_on_a_policy_is_criticism_and_holding_to_account_is_blame():
    assert {
        c
        for c, _, _ in _triples(
            "Opposition leader Tom Hale of Britain launched an attack on the cost of the asylum system."
        )
    } == {"111"}
    assert "112" in {c for c, _, _ in _triples("Kenyan voters will hold President Ali Nour to account.")}
    assert "173" not in {c for c, _, _ in _triples("Kenyan voters will hold President Ali Nour to account.")}


def test_the_town_of_x_is_of_x_s_country():
    assert ("190", "ISRMIL", "PSE") in _triples("Israeli jets attacked the town of Rafah.")


@pytest.mark.parametrize(
    "text",
    [
        "Most Scottish people wanted to go out without breathing smoke.",
        "The Kenyan police said they would help fight terror and crime.",
        "The UK and US must realise they cannot prevent all attacks, a British academic said.",
    ],
)
def test_infinitive_to_abstract_objects_and_realising_are_no_events(codes, text):
    assert not {c for c, _ in codes(text)} & {"036", "042", "190", "100"}


def test_a_joint_call_for_a_ceasefire_is_no_demand_of_one_caller_on_the_other():
    called = _triples("The United States and Saudi Arabia called for a ceasefire in Sudan.")
    assert ("100", "USA", "SAU") not in called and ("100", "SAU", "USA") not in called


def test_a_consequence_names_whom_an_untargeted_act_hit():
    assert ("190", "RUSMIL", "IMGMOSISI") in _triples(
        "Russian jets carried out 20 sorties, hitting eight IS targets."
    )
    assert ("194", "SYRREB", "SYR") in _triples("Syrian rebels shelled Homs, killing 20 people.")


def test_an_event_noun_talked_about_in_general_is_no_event():
    text = '"Strikes of that kind would question Russia\'s real intentions," the U.S. envoy told the meeting.'
    assert not {c for c, _, _ in _triples(text)} & {"190", "195"}


def test_fixtures_arrivals_and_loans_in_a_sports_report_are_no_diplomacy():
    sport = (
        "Premiership leaders Chelsea face Newcastle in the FA Cup fourth round, while Bolton meet Ipswich at "
        "the Reebok stadium.\n\nThe striker arrived at Stamford Bridge in the summer and has scored six goals "
        "this season for the club. Coach Jose Mourinho said the squad was ready for the match.\n\n"
        "Bellamy joined Celtic on loan after a row with the manager."
    )
    assert not eventwire.process(sport).events
    leaders = (
        "British Prime Minister Tony Blair met Kenyan President Mwai Kibaki at the stadium before the match. "
        "The football season opened with a goal from the striker, and the league title race began."
    )
    assert ("040", "GBRGOV", "KENGOV") in {
        (e.code, e.source_code, e.target_code) for e in eventwire.process(leaders).events
    }


def test_coming_to_an_end_is_no_visit(codes):
    assert not codes("Three years of stagnation in the German economy came to an end in 2004.")
    assert "042" in {c for c, _ in codes("The German chancellor arrived in Paris on Monday.")}


def test_a_thing_that_should_help_is_asked_nothing(codes):
    assert "100" not in {
        c for c, _ in codes("Structural reform within Japan should also help, Japanese analysts say.")
    }


def test_forces_on_alert_show_force_and_alert_residents_do_not(codes):
    assert ("152", "ISRMIL") in codes("Israeli troops remained on alert in the occupied West Bank today.")
    assert not codes("Kenyan residents were alert to the danger.")


def test_business_words_that_look_like_politics(codes):
    assert not codes("The American fund BLB last year came close to buying the whole British firm.")
    assert not codes("The Japanese firm Fujitsu announced that it is quitting the LCD panel market.")
    assert "0831" in {c for c, _ in codes("Kenyan Prime Minister Ali Nour resigned on Monday.")}


def test_an_acronym_joins_the_known_actor_it_abbreviates():
    from eventwire import nlp
    from eventwire.actors import find_actors

    cast = find_actors(nlp.parse("The Free Syrian Army (FSA) attacked Aleppo. The FSA said it would go on."))
    assert [a.code for a in cast.actors] == ["SYRREB"]
    cast = find_actors(nlp.parse("The FSA took over regulation of the insurance sector in January."))
    assert all(a.code is None for a in cast.actors)


@pytest.mark.parametrize(
    "text",
    [
        "The Mexican film-maker will produce mainstream movies.",  # "produce" is no "prod"
        "The Kenyan singer released her first single at 18.",
        "Around 26,000 albums are released in the UK each year.",
    ],
)
def test_words_of_the_arts_are_no_events(codes, text):
    assert not codes(text)


def test_releasing_prisoners_is_still_a_release(codes):
    assert "0841" in {c for c, _ in codes("Israel freed 200 Palestinian prisoners.")}


@pytest.mark.parametrize(
    "text, fires",
    [
        ("Seventy search warrants were executed in the US and Britain.", False),
        ("The British telcos are keen to start shooting video down the line.", False),
        ("Thousands of UK dial-up users are believed to have been hit by the scam.", False),
        ("A Kenyan farmer killed a 16-year-old burglar.", True),
        ("Gunmen killed a Kenyan teacher in Garissa.", True),
    ],
)
def test_killing_and_shooting_words_outside_violence(codes, text, fires):
    assert bool({c for c, _ in codes(text)} & {"1823", "193", "190"}) is fires
