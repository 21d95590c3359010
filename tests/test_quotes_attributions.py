"""Quotations stage: the attribution mechanisms added for PolNeAR-style annotation, on sentences
written here (passive cues, relative and possessive sources, stance nouns, double-apostrophe marks,
clauses quoting their tail, charges of "accuse ... of")."""

from __future__ import annotations

import re

import pytest

from eventwire import nlp
from eventwire.actors import find_actors
from eventwire.model import Article
from eventwire.quotes import find_quotes
from eventwire.quotes.marks import find_segments, restore_marks, with_curly_marks
from stagefixture import quote_with, quotes_runner


@pytest.fixture(scope="module")
def run():
    return quotes_runner()


find = quote_with


def test_passive_cue_has_no_speaker(run):
    quotes = run("The governor was asked whether the bridge would reopen before winter.")
    q = find(quotes, "whether the bridge would reopen")
    assert q.speaker_name is None


def test_passive_cue_with_agent_takes_the_agent(run):
    quotes = run("Maria Lopez was asked by reporter Tom Hale whether the plant would close.")
    q = find(quotes, "whether the plant would close")
    assert "Hale" in (q.speaker_name or "")


def test_relative_pronoun_source_gives_the_name_without_the_relative(run):
    quotes = run("Senator Alma Reyes, who opposed the levy last spring, spoke at the fair on Sunday.")
    q = find(quotes, "the levy")
    assert "Reyes" in q.speaker_name and "who" not in re.findall(r"\w+", q.speaker_name)


def test_possessive_source_of_a_noun_of_saying(run):
    quotes = run("Mayor Dan Pruitt spoke on Monday. His claim that the budget was balanced drew jeers.")
    q = find(quotes, "the budget was balanced")
    assert q.text.startswith("that the budget")
    assert "Pruitt" in q.speaker_name and "his" not in re.findall(r"\w+", q.speaker_name.lower())


def test_stance_noun_with_prepositional_object(run):
    quotes = run("Governor Lena Marsh threw her support behind the new school bond on Tuesday.")
    q = find(quotes, "the new school bond")
    assert q.kind == "indirect" and q.cue.startswith("support")
    assert q.speaker_name


def test_accuse_keeps_the_charge_in_the_content(run):
    quotes = run("Councilman Ray Ortiz accused the developer of hiding the cost of the tower.")
    q = find(quotes, "the developer")
    assert "hiding the cost" in q.text
    assert "Ortiz" in (q.speaker_name or "")


def test_clause_quoting_its_tail_is_one_partial_quote(run):
    quotes = run(
        'Ortiz says voters do not need any more "lectures about thrift from people who never saved a dime."'
    )
    q = find(quotes, "voters do not need")
    assert q.kind == "partial"
    assert "Ortiz" in (q.speaker_name or "")
    assert not [x for x in quotes if x is not q and "lectures about thrift" in x.text]


def test_double_apostrophes_are_quotation_marks():
    body = "''We will rebuild the pier,'' Ms. Vance said. He said ''no'' twice."
    curly = with_curly_marks(body)
    assert len(curly) == len(body)
    segs = find_segments(curly)
    assert [body[s.start : s.end] for s in segs] == ["''We will rebuild the pier,''", "''no''"]
    assert restore_marks(curly) == body


def test_double_apostrophe_quote_is_attributed(run):
    quotes = run("''We will rebuild the pier before summer,'' Mayor Ana Vance said on Monday.")
    q = find(quotes, "We will rebuild the pier")
    assert q.text.startswith("''") and "Vance" in (q.speaker_name or "")


def test_title_case_headline_attribution(run):
    quotes = run(
        "Mayor Ana Vance Vows To Rebuild The Harbor Pier\n\nThe storm destroyed the pier on Monday.\n"
    )
    q = find(quotes, "Rebuild The Harbor Pier")
    assert "Vance" in (q.speaker_name or "")
    assert not q.text.lower().startswith("to ")


def test_headline_name_colon_words(run):
    quotes = run("Vance: The Pier Will Be Back By Summer\n\nThe mayor spoke at the harbor on Monday.\n")
    q = find(quotes, "The Pier Will Be Back")
    assert "Vance" in (q.speaker_name or "")


def test_headline_label_before_colon_is_no_speaker(run):
    quotes = run("The Latest: storm closes harbor pier\n\nThe storm destroyed the pier on Monday.\n")
    assert not [q for q in quotes if "storm closes" in q.text]


def test_that_clause_after_a_quoted_show_title(run):
    quotes = run(
        'Mayor Ana Vance said on NBC\'s "Meet the Press" on Sunday that the pier would reopen in May.'
    )
    q = find(quotes, "the pier would reopen")
    assert "Vance" in (q.speaker_name or "")
    assert not [x for x in quotes if x.text.strip("\"'") == "Meet the Press"]


def test_continue_reports_nothing_in_running_prose(run):
    quotes = run("Prices continued to rise in March, and the council began a review of the budget.")
    assert not quotes


def test_attribution_inserted_between_commas(run):
    quotes = run("Over the next two winters, the harbor board said, the pier will need new pilings.")
    q = find(quotes, "the pier will need new pilings")
    assert q.text.startswith("Over the next two winters")
    assert "said" not in q.text.split()
    assert "board" in (q.speaker_name or "")


def test_gerund_of_a_verb_of_saying(run):
    quotes = run("Councilman Ray Ortiz denied taking money from the harbor developer.")
    q = find(quotes, "taking money")
    assert "Ortiz" in (q.speaker_name or "")


def test_object_seen_as(run):
    quotes = run("Governor Lena Marsh sees the harbor plan as a gift to developers.")
    q = find(quotes, "the harbor plan as a gift")
    assert "Marsh" in (q.speaker_name or "")
    assert not run("We saw the movie on Sunday.")


def test_possessed_plan_with_an_infinitive(run):
    quotes = run("Mayor Ana Vance spoke on Monday. Her plan to rebuild the harbor pier by May drew praise.")
    q = find(quotes, "to rebuild the harbor pier")
    assert q.text.startswith("to rebuild") and q.cue == "plan"
    assert q.speaker_name


def test_speaker_phrase_as_written_before_the_cue(run):
    quotes = run(
        "Texas delegate Bill Eastland, wearing a straw hat and campaign pins, said the convention had gone well."
    )
    q = find(quotes, "the convention had gone well")
    assert "Eastland" in q.speaker_name and "pins" in q.speaker_name


def test_no_phrase_when_a_clause_stands_before_the_cue(run):
    quotes = run("Band member Flea shared the news on Monday, writing that the tour would start in May.")
    q = find(quotes, "the tour would start in May")
    assert "shared" not in (q.speaker_name or "")


def test_quote_is_not_attributed_across_another_clause(run):
    quotes = run(
        "Cheers rose when Vance mentioned the pier, and the crowd loudly chanted \u201cBuild it now! Build it now!\u201d"
    )
    q = find(quotes, "Build it now")
    assert q.cue != "mentioned"


def test_addressee_verb_with_content_object(run):
    quotes = run(
        "Harbor chief Ray Ortiz urged a quick repair of the pier. He told reporters the work would start soon."
    )
    q = find(quotes, "a quick repair")
    assert "Ortiz" in (q.speaker_name or "")
    assert not [x for x in quotes if x.text == "reporters"]


def test_phrasal_stance_cue(run):
    quotes = run("Harbor chief Ray Ortiz fired back at the mayor's budget on Tuesday.")
    q = find(quotes, "the mayor's budget")
    assert q.cue == "fired back at" and "Ortiz" in (q.speaker_name or "")


def test_made_clear_that(run):
    quotes = run("Harbor chief Ray Ortiz made clear that the pier would not reopen before June.")
    q = find(quotes, "the pier would not reopen")
    assert "Ortiz" in (q.speaker_name or "")


def test_stance_adjective_of_a_person(run):
    quotes = run("Harbor chief Ray Ortiz is critical of the mayor's budget. The road was open to traffic.")
    q = find(quotes, "the mayor's budget")
    assert "Ortiz" in (q.speaker_name or "")
    assert not [x for x in quotes if x.text == "traffic"]


def test_according_to_a_second_source_of_a_quote(run):
    quotes = run(
        "\u201cThe pier will be rebuilt by May,\u201d Ray Ortiz said on Monday, according to the Harbor Times."
    )
    spoken = [q for q in quotes if "pier will be rebuilt" in q.text]
    names = " ".join(q.speaker_name or "" for q in spoken)
    assert len(spoken) == 2 and "Ortiz" in names and "Times" in names


def test_second_cue_hung_on_the_reported_clause(run):
    quotes = run(
        "Ms. Vance said the developer was careless with the pier and criticized him for hiding the cost."
    )
    first = find(quotes, "the developer was careless")
    assert "criticized" not in first.text
    second = find(quotes, "hiding the cost")
    assert "Vance" in (second.speaker_name or "")


def test_seems_is_an_impression_without_source(run):
    quotes = run("The harbor board seemed ready to approve the new pier. It seems fine.")
    q = find(quotes, "ready to approve the new pier")
    assert q.speaker_name is None and q.text.startswith("The harbor board")


def test_inverted_attribution_keeps_the_phrase_after_the_name(run):
    quotes = run(
        "\u201cThe pier is our front door,\u201d said Ray Ortiz, who ran the harbor board for a decade "
        "and now advises the mayor."
    )
    q = find(quotes, "front door")
    assert "Ortiz" in q.speaker_name and q.speaker_name.rstrip(")").endswith("mayor")


def test_pronoun_speaker_gets_no_pronoun_in_parentheses(run):
    quotes = run(
        "Governor Ellen Park toured the mill. She said the plant would stay open through the winter."
    )
    q = find(quotes, "the plant would stay open")
    assert "Park" in q.speaker_name and "(" not in q.speaker_name


def test_inverted_speaker_phrase_stops_before_a_participle(run):
    quotes = run(
        '"The folks who know the game are engaged," said Ron Pettis, the party chairman for Lake County, '
        "explaining that doubts about the nominee had faded since the summer convention."
    )
    q = find(quotes, "The folks who know")
    assert "County" in q.speaker_name and "explaining" not in q.speaker_name
    q = find(quotes, "doubts about the nominee")
    assert "Pettis" in (q.speaker_name or "")


def test_reduced_passive_asked_has_no_speaker(run):
    quotes = run("Dana Ruiz, when asked whether the tax would rise, answered that it would not.")
    q = find(quotes, "the tax would rise")
    assert q.speaker_name is None


def test_impression_inside_a_report_is_the_reporters(run):
    quotes = run("Mayor Tim Oakes' team said the council appears to ignore the limits on fees.")
    q = find(quotes, "ignore the limits")
    assert q.cue == "said" and "Oakes" in (q.speaker_name or "")


def test_idioms_of_saying_report_nothing(run):
    quotes = run(
        "That said, the mayor cannot win the county alone. It is too soon to say how deep the cuts will go. "
        "Tuesday added one more surprise to the race."
    )
    assert not [q for q in quotes if q.cue in ("said", "say", "added")]


def test_description_speaker_keeps_the_description_beside_the_name(run):
    quotes = run(
        "Donald Trump hosted the show last week.\n\n"
        "“My favourite show is the news — ‘SNL,’ starring me,” the billionaire business mogul told People."
    )
    q = find(quotes, "My favourite show")
    assert "Trump" in q.speaker_name and "mogul" in q.speaker_name


def test_a_stance_inside_the_speakers_own_report_is_one_attribution(run):
    quotes = run("Union activists said they fear the council will sell the depot to a private developer.")
    assert len(quotes) == 1
    assert quotes[0].cue == "said" and "fear" in quotes[0].text


def test_two_reports_side_by_side_by_one_speaker_both_stay(run):
    quotes = run(
        "Mayor Jo Khan said the plan was reckless and criticized the council for ignoring the audit."
    )
    cues = {q.cue for q in quotes}
    assert {"said", "criticized"} <= cues


def test_quoted_fragment_under_an_agentless_passive_has_no_speaker(run):
    quotes = run(
        "Ada Stone likes politics. She is best known for her role as the “senior correspondent” on the show."
    )
    q = find(quotes, "senior correspondent")
    assert q.speaker_name is None


def test_who_after_a_thing_refers_to_the_person_before_it(run):
    quotes = run(
        '"It was a weak argument," said one Republican familiar with the talks, who added that the '
        'governor looked "rattled" by the vote.'
    )
    q = find(quotes, "the governor looked")
    assert "talks)" in q.speaker_name and "Republican" in q.speaker_name
    assert not q.speaker_name.startswith("the talks")
    q = find(quotes, "It was a weak argument")
    assert "who added" not in q.speaker_name


def _run_titled(title: str, body: str):
    article = Article(id="t", body=body, title=title)
    doc = nlp.parse(body)
    return find_quotes(doc, article, find_actors(doc, article))


def test_headline_moved_out_of_the_body_is_still_read(run):
    quotes = _run_titled(
        "Maria Delgado Endorses Tom Reyes For Governor",
        "Former mayor Maria Delgado threw her weight behind Tom Reyes on Monday. Delgado spoke in Fresno.",
    )
    titled = [q for q in quotes if q.in_title]
    assert len(titled) == 1
    q = titled[0]
    assert q.span == (0, 0) and q.cue_span is None
    assert "Tom Reyes" in q.text and q.speaker_name == "Maria Delgado" and q.speaker is not None
    assert quotes[0] is q and q.id == "t:q1"


def test_headline_rubric_before_a_colon_is_no_speaker(run):
    quotes = _run_titled(
        "Spotlight: Farmers fear the drought will last", "Farmers in the valley said the wells were dry."
    )
    assert not [q for q in quotes if q.in_title]


def test_headline_still_in_the_body_is_read_once(run):
    body = "Maria Delgado Endorses Tom Reyes For Governor\n\nDelgado spoke in Fresno on Monday."
    quotes = _run_titled("Maria Delgado Endorses Tom Reyes For Governor", body)
    assert not [q for q in quotes if q.in_title]


def test_subject_stranded_after_a_long_fronted_phrase(run):
    quotes = run(
        "Senator Ruth Hale visited the plant in Ohio on Monday and met workers.\n\n"
        "In an interview with radio hosts Tom Lane and Amy Fox, the senator stated that the tax was "
        "“simply unfair to workers.”"
    )
    q = find(quotes, "the tax was")
    assert "Hale" in q.speaker_name and "senator" in q.speaker_name and "Fox" not in q.speaker_name


def test_quote_governed_by_a_cue_across_a_clause_of_its_own(run):
    quotes = run(
        "Council leader Anne Beck says no matter what rule the mayor passes on parking, "
        "“her order does not trump the city charter.”\n\n"
        "The Ohio Democrat says the mayor's rules are bound to be challenged in court."
    )
    q = find(quotes, "her order does not trump")
    assert q.cue == "says" and "Beck" in q.speaker_name
    q = find(quotes, "bound to be challenged")
    assert "Beck" in q.speaker_name and "Democrat" in q.speaker_name


def test_the_thing_that_shows_is_the_source(run):
    quotes = run("There is no public record showing whether the donation complied with the law.")
    q = find(quotes, "whether the donation complied")
    assert q.speaker_name and "record" in q.speaker_name
