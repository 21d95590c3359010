"""Quotations stage: stance attributions and their sources, on sentences written here (participles
after a relative clause, cue verbs the tagger lemmatizes wrongly, persons as the object of a stance)."""

from __future__ import annotations

import pytest

from eventwire import nlp
from eventwire.quotes.cues import verb_lemma
from stagefixture import quote_with, quotes_runner


@pytest.fixture(scope="module")
def run():
    return quotes_runner()


find = quote_with


def test_participle_after_a_relative_clause_is_the_subjects(run):
    quotes = run(
        "Senator Tom Harkin had a strong moment that could help him in the second hour, "
        "forcefully denouncing the trade deal."
    )
    q = find(quotes, "the trade deal")
    assert "Harkin" in (q.speaker_name or "")
    assert "moment" not in (q.speaker_name or "")


def test_mislemmatized_cue_verbs_are_mended():
    doc = nlp.parse("Lena Ortiz was hoping for a recount, and her aides hated the delay.")
    by_text = {t.text: t for t in doc}
    assert verb_lemma(by_text["hoping"]) == "hope"
    assert verb_lemma(by_text["hated"]) == "hate"
    assert verb_lemma(by_text["recount"]) == by_text["recount"].lemma_.lower()  # nouns untouched


def test_infinitive_of_hope_is_reported(run):
    quotes = run("Ortiz and Vale both campaigned hard in Idaho, hoping to win over rural voters.")
    q = find(quotes, "to win over rural voters")
    assert "Ortiz" in (q.speaker_name or "")


def test_person_as_object_of_a_stance_verb(run):
    quotes = run("The dockworkers in Tacoma have never trusted him.")
    q = find(quotes, "him")
    assert q.text == "him"
    assert "dockworkers" in (q.speaker_name or "")


def test_pointer_pronoun_object_is_still_no_content(run):
    quotes = run("The treasurer announced it on Friday.")
    assert not [q for q in quotes if q.text == "it"]


def test_title_as_object_of_a_stance_is_reported_with_its_marks(run):
    quotes = run(
        "The Ohio senator likes \u201cThe Night Shift,\u201d while the former mayor loves \u201cCheers.\u201d"
    )
    q = find(quotes, "The Night Shift")
    assert q.text == "\u201cThe Night Shift,\u201d"
    assert q.speaker_name and "senator" in q.speaker_name
    q = find(quotes, "Cheers")
    assert q.text == "\u201cCheers.\u201d"


def test_verb_of_naming_takes_the_thing_and_its_name(run):
    quotes = run(
        "Some residents call it the lake tax. The council dismissed the petition, calling it a stunt."
    )
    q = find(quotes, "the lake tax")
    assert q.text == "it the lake tax" and "residents" in (q.speaker_name or "")
    q = find(quotes, "a stunt")
    assert q.text == "it a stunt" and "council" in (q.speaker_name or "")


def test_naming_with_a_quoted_name_keeps_the_thing_named(run):
    quotes = run('Tom Reyes, a local organizer, called the new ordinance "a disgrace to the town."')
    q = find(quotes, "a disgrace")
    assert q.text == 'the new ordinance "a disgrace to the town."'
    assert q.kind == "partial" and "Reyes" in q.speaker_name


def test_a_relative_word_is_not_the_thing_named(run):
    quotes = run('The judge played a clip that the prosecutor called "deeply troubling."')
    assert not [q for q in quotes if q.text.startswith("that")]


def test_passive_stance_verb_with_agent(run):
    quotes = run("The sheriff was endorsed by the county nurses association on Monday.")
    q = find(quotes, "The sheriff")
    assert q.text == "The sheriff" and "association" in (q.speaker_name or "")


def test_passive_without_agent_or_of_telling_is_not_a_stance(run):
    quotes = run("The sheriff was endorsed on Monday. The clerk was told by aides that the vote failed.")
    assert not [q for q in quotes if q.text in ("The sheriff", "The clerk")]


def test_stance_received_is_held_by_the_of_object(run):
    quotes = run("Mayor Lina Park has the endorsement of the firefighters union.")
    q = find(quotes, "Lina Park")
    assert "firefighters union" in (q.speaker_name or "")
    assert "Park" not in (q.speaker_name or "")


def test_speaker_phrase_after_a_cue_stops_where_the_sentence_goes_on(run):
    quotes = run("Dale Ortiz, who had the backing of Governor Ann Miles, won the primary.")
    q = find(quotes, "Ortiz")
    assert q.speaker_name == "Ann Miles"


def test_used_to_is_a_habit_not_an_aim(run):
    quotes = run("Congressman Eli Stone used to support the ranchers' lawsuit.")
    q = find(quotes, "the ranchers' lawsuit")
    assert "Stone" in (q.speaker_name or "")


def test_noun_of_stance_with_its_clause_after_the_copula(run):
    quotes = run("Mayor Tim Dunn's long-held view is that the toll is unfair.")
    q = find(quotes, "the toll is unfair")
    assert q.text == "that the toll is unfair" and "Dunn" in (q.speaker_name or "")


def test_noun_of_stance_without_a_holder_is_not_attributed(run):
    quotes = run("The view is that the toll is unfair.")
    assert not [q for q in quotes if "toll" in q.text]


def test_phrasal_cues_of_thought_and_mockery(run):
    quotes = run(
        "Senator Ada Pike will poke fun at the press corps. The ranchers are thinking about what comes next."
    )
    assert "Pike" in (find(quotes, "the press corps").speaker_name or "")
    assert "ranchers" in (find(quotes, "what comes next").speaker_name or "")


def test_stance_nobody_holds_is_reported_without_a_source(run):
    quotes = run("Pressure mounted on the mayor after criticism of the harbor deal.")
    q = find(quotes, "the harbor deal")
    assert q.speaker_name is None and q.cue == "criticism of"


def test_of_object_that_holds_the_intent_is_not_content(run):
    quotes = run("Under the plan of Governor Ann Miles, taxes rise. A decision on Monday is expected.")
    assert not [q for q in quotes if "Ann Miles" in q.text or q.text == "Monday"]


def test_headline_with_a_negated_cue(run):
    quotes = run("Why Farmers Won\u2019t Endorse Dunn.\n\nThe senator spoke on Monday in Ohio about jobs.")
    q = find(quotes, "Dunn")
    assert q.speaker_name and "Farmers" in q.speaker_name


def test_call_for_someone_to_act_takes_the_infinitive(run):
    quotes = run("Governor Ann Miles made a plea for the legislature to pass the budget by June.")
    q = find(quotes, "the legislature")
    assert q.text == "the legislature to pass the budget by June"
    quotes = run("The mayor called for the council to reject the zoning plan.")
    q = find(quotes, "the council")
    assert q.text == "the council to reject the zoning plan" and "mayor" in (q.speaker_name or "")


def test_she_is_not_a_group_named_before(run):
    quotes = run("The mayor called for the council to reject the plan. She called for calm.")
    q = find(quotes, "calm")
    assert "council" not in (q.speaker_name or "")


def test_the_noun_a_participle_modifies_is_its_doer(run):
    quotes = run("An independent group backing Governor Tom Hale spent $2 million on ads.")
    q = find(quotes, "Tom Hale")
    assert "group" in (q.speaker_name or "")
    quotes = run("The feud led to the spectacle of Mayor Ruth Colby denouncing the council's budget.")
    q = find(quotes, "the council's budget")
    assert "Colby" in (q.speaker_name or "")


def test_a_thing_made_by_someone_is_not_the_doer(run):
    quotes = run("The Hale campaign released a radio spot attacking the mayor's record.")
    q = find(quotes, "the mayor's record")
    assert "spot" not in (q.speaker_name or "")


def test_call_without_a_name_reports_nothing(run):
    quotes = run("The two governors, as they call each other, met in June.")
    assert not [q for q in quotes if q.text == "each other"]


def test_phrasal_cues_of_rallying(run):
    quotes = run(
        "Party elders are uniting around the campaign of Senator Ada Pike. Farmers rallied behind the plan."
    )
    assert "elders" in (find(quotes, "the campaign of Senator Ada Pike").speaker_name or "")
    assert "Farmers" in (find(quotes, "the plan").speaker_name or "")


def test_headline_with_a_phrasal_cue_and_a_hyphenated_name(run):
    quotes = run(
        "Long-Time Leaders of Farm Bureau Unite in Support of Ada Pike.\n\n"
        "The senator spoke on Monday in Ohio about jobs."
    )
    q = find(quotes, "Ada Pike")
    assert q.cue == "Unite in Support of" and "Bureau" in (q.speaker_name or "")


def test_quote_split_by_its_attribution_and_a_that_clause_is_one(run):
    quotes = run(
        'Farm groups sent a letter on Monday. "We are deeply worried," the growers wrote in the letter, '
        'that the new rule "will drive small farms out of business."'
    )
    hits = [q for q in quotes if "deeply worried" in q.text]
    assert len(hits) == 1
    assert "drive small farms" in hits[0].text
    assert not [q for q in quotes if q is not hits[0] and "drive small farms" in q.text]


def test_made_it_clear_without_that(run):
    quotes = run("Many growers made it clear they did not agree with the new quota.")
    q = find(quotes, "they did not agree")
    assert "growers" in (q.speaker_name or "") and q.cue == "made it clear"


def test_noun_of_recommendation_and_resolve(run):
    quotes = run("The board's recommendation that the city sell the pier surprised no one.")
    assert "board" in (find(quotes, "that the city sell the pier").speaker_name or "")
    quotes = run("The union's resolve not to strike until June held firm.")
    assert "union" in (find(quotes, "not to strike until June").speaker_name or "")


def test_stance_noun_as_the_manner_of_the_subjects_act(run):
    quotes = run("More county officials are chiming in with criticism of the governor's budget.")
    assert "officials" in (find(quotes, "the governor's budget").speaker_name or "")
    quotes = run("In a grudging endorsement of the mayor's plan, Senator Ada Pike said it could work.")
    assert "Pike" in (find(quotes, "the mayor's plan").speaker_name or "")


def test_a_clause_wrapped_around_its_own_cue_is_no_content(run):
    quotes = run("The court agreed to hear cases that advocacy groups hoped would help business interests.")
    assert not [q for q in quotes if q.cue == "hoped" and "hoped" in q.text]


def test_possessive_source_of_a_noun_cue_is_kept_as_written(run):
    quotes = run("Marco Dunn spoke on Monday. Dunn's answer was that the family matters most.")
    q = find(quotes, "the family matters most")
    assert q.speaker_name == "Marco Dunn (Dunn's)"


def test_a_list_of_speakers_the_parse_breaks_is_named_in_full(run):
    quotes = run(
        "Singers Ada Lane, Rita Moss, Tom Hale, Ann Miles and Eva Cole went on Twitter to applaud the new law."
    )
    q = find(quotes, "the new law")
    assert q.speaker_name and q.speaker_name.startswith("Ada Lane") and q.speaker_name.endswith("Eva Cole")


def test_took_to_a_medium_to_praise_is_no_mere_aim(run):
    quotes = run("Governor Ann Miles took to Facebook to praise the volunteers.")
    assert "Miles" in (find(quotes, "the volunteers").speaker_name or "")


def test_participle_closing_the_sentence_is_the_main_subjects_act(run):
    quotes = run(
        "Governor Ann Miles questioned why the mayor's aide did not testify at the hearing, "
        "implying that he was kept away."
    )
    q = find(quotes, "that he was kept away")
    assert "Miles" in (q.speaker_name or "") and q.cue == "implying"
    outer = find(quotes, "why the mayor's aide")
    assert "implying" not in outer.text


def test_seeing_as_is_a_conjunction_not_a_cue(run):
    quotes = run(
        "Ann Miles asked the mayor if he benefits from a double standard, seeing as reports on his debts "
        "have not hurt him."
    )
    assert not [q for q in quotes if q.cue == "seeing"]
    assert "Miles" in (find(quotes, "if he benefits").speaker_name or "")


def test_according_to_after_a_quote_ending_in_a_question_mark(run):
    quotes = run(
        "\u201cIs this a priority for the two of them, or something they believe in?\u201d "
        "Ada Pike said at a news conference, according to the Daily Star."
    )
    star = [q for q in quotes if q.cue == "according to"]
    assert star and "Is this a priority" in star[0].text
    assert "Daily Star" in star[0].speaker_name and "Pike" not in star[0].speaker_name


def test_looks_to_is_an_aim_but_looks_to_be_is_not(run):
    quotes = run("Senator Ada Pike looks to build on her lead in Idaho. The race looks to be close.")
    assert "Pike" in (find(quotes, "to build on her lead").speaker_name or "")
    assert not [q for q in quotes if "to be close" in q.text]


def test_closing_attribution_the_parse_took_for_a_noun(run):
    quotes = run(
        "A firm called Delta Holdings gave $5,000 to the fund on June 27, 2014, state finance records show."
    )
    q = find(quotes, "Delta Holdings gave")
    assert q.cue == "show" and "records" in (q.speaker_name or "")
    assert "records show" not in q.text


def test_a_time_is_no_content_and_add_up_is_no_remark(run):
    quotes = run("Senator Ada Pike promised Sunday. The deficits would add up to $1.5 trillion by 2026.")
    assert not [q for q in quotes if q.text in ("Sunday",) or q.cue == "add"]


def test_striking_someone_for_something_is_an_attack_in_words(run):
    quotes = run("Not one of the senator's three rivals hit him for it. The truck hit a wall on Monday.")
    q = find(quotes, "him for it")
    assert "rivals" in (q.speaker_name or "")
    assert not [q for q in quotes if "a wall" in q.text]


def test_quoted_title_without_a_cue_is_no_quote(run):
    quotes = run(
        "Amy Lane spoke after three people were shot at a screening of her film, \u201cTrainwreck.\u201d"
    )
    assert not [q for q in quotes if "Trainwreck" in q.text]


def test_seeing_it_that_way_is_a_view(run):
    quotes = run("But Mayor Ruth Colby did not see it that way.")
    q = find(quotes, "it that way")
    assert q.text == "it that way" and "Colby" in (q.speaker_name or "")


def test_a_conjoined_cue_is_an_attribution_of_its_own(run):
    quotes = run("But the growers are also looking to keep their land and thinking about what comes next.")
    assert find(quotes, "to keep their land").text == "to keep their land"
    assert "growers" in (find(quotes, "what comes next").speaker_name or "")


def test_a_role_description_does_not_take_a_person_of_another_role(run):
    quotes = run(
        "Senator Tom Hale spoke in Ohio on Monday. The mayor called for calm. "
        "The senator added that the bill was dead."
    )
    assert "Hale" not in (find(quotes, "calm").speaker_name or "")
    assert "Hale" in (find(quotes, "the bill was dead").speaker_name or "")


def test_an_apostrophe_inside_a_name_is_no_closing_mark(run):
    quotes = run(
        "Former Governor Dana O\u2019Brien spoke in Iowa. "
        "\u201cWe have to ask whether this is a priority,\u201d O\u2019Brien said at a news conference."
    )
    q = find(quotes, "We have to ask")
    assert q.speaker_name == "Dana O\u2019Brien"


def test_it_says_colon_gives_the_quote_a_source(run):
    quotes = run(
        "The flyer showed the mayor in a hard hat. It says: \u201cBuild the bridge now, before the winter.\u201d "
        "It is said that he lied."
    )
    q = find(quotes, "Build the bridge now")
    assert q.speaker_name
    said = find(quotes, "that he lied")
    assert said.speaker_name is None


def test_who_undergoes_a_stance_does_not_hold_it(run):
    quotes = run(
        "Both firms garnered heavy scrutiny for their tactics. The mayor faced criticism over the bridge."
    )
    assert find(quotes, "their tactics").speaker_name is None
    assert find(quotes, "the bridge").speaker_name is None


def test_her_with_its_noun_is_the_object(run):
    quotes = run("Governor Ann Miles tweeted her thanks to the volunteers.")
    q = find(quotes, "thanks")
    assert q.text == "her thanks to the volunteers" and "Miles" in (q.speaker_name or "")


def test_detailing_and_an_acronym_is_no_person(run):
    quotes = run(
        "The AFSCME isn't detailing what steps it will take to oppose the plan. "
        "The governor outlined a plan to cut taxes."
    )
    assert "AFSCME" in (find(quotes, "what steps").speaker_name or "")
    assert "AFSCME" not in (find(quotes, "a plan to cut taxes").speaker_name or "")


def test_she_does_not_go_back_to_a_man(run):
    quotes = run(
        "Jose Vargas, an activist, asked Governor Ann Miles if she would sign the pledge. "
        "And she added that the next governor must build on that progress."
    )
    q = find(quotes, "the next governor must build")
    assert "Miles" in (q.speaker_name or "") and "Vargas" not in (q.speaker_name or "")


def test_an_attitude_nobody_holds_is_reported_without_a_source(run):
    quotes = run(
        "The collective reluctance to confront the mayor surprised many. The plan to build a wall failed."
    )
    q = find(quotes, "to confront the mayor")
    assert q.speaker_name is None
    assert not [q for q in quotes if "to build a wall" in q.text]


def test_a_speaker_name_does_not_say_the_name_twice():
    from eventwire.quotes.speaker import _with_phrase

    assert _with_phrase("Alain Terzian", "Alain Terzian, president of the academy") == (
        "Alain Terzian (president of the academy)"
    )
    assert _with_phrase("people", "people's") == "people"
    assert _with_phrase("Marco Rubio", "Rubio's") == "Marco Rubio (Rubio's)"
