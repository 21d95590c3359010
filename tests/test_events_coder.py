"""The event coder on sentences written for the purpose: one test per mechanism."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.events import EventCoder, coverage
from eventwire.model import Article

PUBLISHED = "2015-10-01"  # a Thursday


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


@pytest.fixture(scope="module")
def run(coder):
    pipe = nlp.load()

    def _run(text: str, published: str | None = PUBLISHED, coder_: EventCoder | None = None):
        doc = pipe(text)
        article = Article(id="t", body=text, published=published)
        return (coder_ or coder).code(doc, article, find_actors(doc, article), [])

    return _run


def triples(events, asserted_only=False):
    return {
        ((e.source_code or "")[:3], (e.target_code or "")[:3], e.root)
        for e in events
        if not asserted_only or e.modality not in ("hypothetical", "negated")
    }


def test_active_voice(run):
    assert ("TUR", "GRC", "19") in triples(run("Turkish troops attacked Greek border posts."))


def test_passive_voice_swaps_roles(run):
    events = run("Greek border posts were attacked by Turkish troops.")
    assert ("TUR", "GRC", "19") in triples(events)


def test_coordinated_subjects_each_act(run):
    got = triples(run("Germany and France condemned Iran."))
    assert {("DEU", "IRN", "11"), ("FRA", "IRN", "11")} <= got


def test_coordinated_subjects_without_target_are_reciprocal(run):
    got = triples(run("Vietnam and Cuba signed a trade agreement on Monday."))
    assert {("VNM", "CUB", "05"), ("CUB", "VNM", "05")} <= got


def test_nominal_trigger_with_source_modifier_and_target_preposition(run):
    events = run("Israeli airstrikes on Lebanon intensified overnight.")
    assert any(
        e.code == "195" and e.source_code.startswith("ISR") and e.target_code.startswith("LBN")
        for e in events
    )


def test_light_verb_plus_event_noun(run):
    events = run("Russian warplanes carried out airstrikes against Syria.")
    assert any(e.code == "195" and e.source_code.startswith("RUS") and e.target_code == "SYR" for e in events)


def test_talks_between_two_parties_are_reciprocal(run):
    got = triples(run("Talks between Iran and Iraq resumed in Geneva."))
    assert {("IRN", "IRQ", "04"), ("IRQ", "IRN", "04")} <= got


def test_object_of_preposition_gives_target(run):
    assert ("FRA", "RUS", "06") in triples(run("France cooperated with Russia on security."))


def test_control_clause_makes_intention(run):
    events = run("France is ready to cooperate with Russia.")
    ev = next(e for e in events if e.source_code == "FRA")
    assert ev.root == "03" and ev.target_code.startswith("RUS") and ev.modality == "future"


def test_demand_frame_targets_the_addressee(run):
    events = run("Britain urged Israel to withdraw its troops from Lebanon.")
    assert any(
        e.root == "10" and e.source_code.startswith("GBR") and e.target_code.startswith("ISR") for e in events
    )


def test_refusal_frame(run):
    events = run("Syria refused to release the prisoners.")
    assert any(e.root == "12" and e.source_code.startswith("SYR") for e in events)


def test_claimed_under_speech_verb(run):
    events = run("Sergei Lavrov said the Russian air forces are cooperating with the Syrian army.")
    ev = next(e for e in events if e.root == "06")
    assert ev.modality == "claimed" and ev.claimed_by is not None
    assert ev.source_code.startswith("RUS") and ev.target_code.startswith("SYR")


def test_hypothetical_under_if(run):
    events = run("If Iran attacks Israel, the region will suffer.")
    assert events and all(e.modality == "hypothetical" for e in events if e.root == "19")


def test_inverted_should_is_a_condition(run):
    events = run("We would have grave concerns should Russia strike civilian areas.")
    assert all(
        e.modality == "hypothetical" for e in events if e.source_code and e.source_code.startswith("RUS")
    )


def test_negation_is_marked_not_dropped(run):
    events = run("Turkey did not attack Greek ships.")
    ev = next(e for e in events if e.root == "19")
    assert ev.modality == "negated"


def test_negated_cooperation_is_a_refusal(run):
    events = run("Syria will not accept any refugees from Iraq.")
    assert any(e.root == "12" and e.modality not in ("negated", "hypothetical") for e in events)


def test_future_marked(run):
    events = run("Germany plans to hold talks with Poland.")
    ev = next(e for e in events if e.source_code and e.source_code.startswith("DEU"))
    assert ev.modality == "future" and ev.root == "03"


@pytest.mark.parametrize(
    ("text", "date", "basis"),
    [
        ("Russia attacked rebels in Syria on Wednesday.", "2015-09-30", "weekday"),
        ("Russia attacked rebels in Syria on Thursday.", "2015-10-01", "weekday"),
        ("Russia attacked rebels in Syria Wednesday.", "2015-09-30", "weekday"),
        ("Russia attacked rebels in Syria on Monday night.", "2015-09-28", "weekday"),
        ("Russia attacked rebels in Syria yesterday.", "2015-09-30", "relative"),
        ("Russia attacked rebels in Syria last week.", "2015-09-24", "relative"),
        ("Russia attacked rebels in Syria on September 28.", "2015-09-28", "explicit"),
        ("Russia attacked rebels in Syria on 12 March 2014.", "2014-03-12", "explicit"),
        ("Russia attacked rebels in Syria.", "2015-10-01", "published"),
    ],
)
def test_dates(run, text, date, basis):
    ev = next(e for e in run(text) if e.root == "19")
    assert (ev.date, ev.date_basis) == (date, basis)


def test_no_publication_date(run):
    ev = next(
        e for e in run("Russia attacked rebels in Syria on Wednesday.", published=None) if e.root == "19"
    )
    assert ev.date is None and ev.date_basis == "none"


def test_locative_rule_targets_the_territorial_state(run):
    events = run("Russian air forces launched airstrikes in the central Syrian provinces of Homs and Hama.")
    ev = next(e for e in events if e.code == "195")
    assert ev.source_code == "RUSMIL" and ev.target_code == "SYR"
    assert ev.place_name and "Syrian provinces" in ev.place_name


def test_place_id_from_geo_stage(coder):
    from eventwire.model import Place

    text = "Russian jets bombed targets in Homs on Wednesday."
    doc = nlp.load()(text)
    start = text.index("Homs")
    place = Place(id="p1", name="Homs", spans=[(start, start + 4)], country="SY")
    article = Article(id="t", body=text, published=PUBLISHED)
    events = coder.code(doc, article, find_actors(doc, article), [place])
    ev = next(e for e in events if e.root == "19")
    assert ev.place == "p1" and ev.target_code == "SYR"


def test_scores_and_mappings_and_provenance(run):
    text = "Turkish troops attacked Greek border posts."
    ev = next(e for e in run(text) if e.root == "19")
    assert ev.quad_class == 4 and ev.goldstein is not None and ev.goldstein < 0
    assert ev.plover["type"] == "ASSAULT"
    assert text[ev.trigger[0] : ev.trigger[1]] == "attacked"
    assert ev.sentence == (0, len(text)) and ev.rule and 0 < ev.confidence <= 1
    assert ev.id == "t:e1"


def test_duplicates_merge_into_mentions(run):
    text = "Turkey attacked Greece. Later reports confirmed it: Turkey attacked Greece."
    events = [e for e in run(text) if e.root == "19" and e.source_code.startswith("TUR")]
    assert len(events) == 1 and len(events[0].mentions) == 1


def test_unknown_country_is_dashes(run):
    events = run("Gunmen attacked Mr Smith.")
    assert events and all(e.source_code.startswith("---") for e in events)


def test_ticker_lines_are_skipped(run):
    text = "Vietnam, Cuba sign accords  • Iran attacks Iraq  • Rain in Paris  • Stocks up"
    assert run(text) == []


def test_coverage_of_the_lexicon():
    cov = coverage()
    assert cov["roots_covered"] == 20 and cov["entries"] >= 250 and cov["patterns"] >= 1000


@pytest.mark.parametrize(
    "text",
    [
        "RUSSIA BOMBS SYRIA AS WEST CONDEMNS STRIKES",
        "Syria, Russia, airstrikes, Homs.",
        "",
        "   \n\n  ",
        " ".join(["Russia attacked Syria and France condemned Russia and"] * 250) + " peace returned.",
    ],
)
def test_bad_input_does_not_crash(run, text):
    events = run(text)
    assert isinstance(events, list)


def test_protest_purpose_gives_subcode_and_target(run):
    events = run("Thousands of students marched in Jakarta to demand the resignation of President Suharto.")
    ev = next(e for e in events if e.root == "14")
    assert ev.code == "1411" and ev.source_code.startswith("IDN")
    assert not any(e.root == "10" for e in events)  # the demand is the protest's purpose, not a second event


def test_quantity_objects_are_looked_through(run):
    events = run("Japan gave 25,000 tons of food aid to Haiti.")
    assert any(
        e.code == "073" and e.source_code.startswith("JPN") and e.target_code.startswith("HTI")
        for e in events
    )


def test_reported_obligation_is_a_demand(run):
    events = run("The Bush administration declared that China must drop its trade barriers.")
    assert any(e.root == "10" and e.target_code and e.target_code.startswith("CHN") for e in events)


def test_reported_would_is_future_not_hypothetical(run):
    events = run("Iraq said it would release the British prisoners.")
    assert events and all(e.modality != "hypothetical" for e in events)


def test_threat_condition_names_the_target(run):
    events = run("Russia threatened to halt the negotiations if Japan deploys new missiles.")
    assert any(e.root == "13" and e.source_code.startswith("RUS") and e.target_code == "JPN" for e in events)
