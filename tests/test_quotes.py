"""Quotations stage: direct, partial and indirect quotes and their speakers, on sentences written here."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import find_segments
from stagefixture import quotes_runner


@pytest.fixture(scope="module")
def run():
    return quotes_runner()


def one(quotes, starts: str):
    hits = [q for q in quotes if q.text.lstrip("\"“'(").startswith(starts) or starts in q.text]
    assert hits, f"no quote starting {starts!r} in {[q.text for q in quotes]}"
    return hits[0]


def surname_in(q, surname: str) -> bool:
    return surname in (q.speaker_name or "")


# ---------------------------------------------------------------- the scanner


def test_scanner_straight_and_curly_marks():
    body = 'He said "we go" and then \u201cwe stay.\u201d'
    segs = find_segments(body)
    assert [body[s.start : s.end] for s in segs] == ['"we go"', "\u201cwe stay.\u201d"]


def test_scanner_joins_paragraphs_that_continue_a_quote():
    body = "\u201cThe first part goes on.\n\n\u201cThe second part ends here,\u201d she said.\n"
    segs = find_segments(body)
    assert len(segs) == 1
    assert body[segs[0].start : segs[0].end].endswith("ends here,\u201d")
    assert len(segs[0].parts) == 2


def test_scanner_survives_unbalanced_marks():
    body = 'A stray " mark and "an unclosed quote\nNext paragraph " again.'
    segs = find_segments(body)
    assert segs and all(0 <= s.start < s.end <= len(body) for s in segs)
    assert any(not s.closed for s in segs)


# ---------------------------------------------------------------- direct quotes


def test_direct_quote_with_cue_after(run):
    qs = run('"We will rebuild the bridge before winter," Mayor Anna Kowalski said on Monday.')
    q = one(qs, "We will rebuild")
    assert q.kind == "direct"
    assert surname_in(q, "Kowalski")
    assert q.cue == "said"
    assert q.id == "t:q1"


def test_direct_quote_with_inverted_cue(run):
    qs = run('"The talks have failed," said Foreign Minister Pavel Novak, speaking in Prague.')
    assert surname_in(one(qs, "The talks have failed"), "Novak")


def test_direct_quote_with_cue_before_and_colon(run):
    qs = run('Senator Maria Lopez told reporters: "This budget is a disgrace and we will vote against it."')
    q = one(qs, "This budget")
    assert q.kind == "direct" and surname_in(q, "Lopez")


def test_quote_broken_by_attribution_is_one_quote(run):
    qs = run('"We must act," Governor Tom Reilly said, "and we must act now before the floods come."')
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1
    assert "We must act" in direct[0].text and "before the floods" in direct[0].text
    assert surname_in(direct[0], "Reilly")


def test_quote_over_several_sentences_and_paragraphs(run):
    body = (
        "Prime Minister Helen Carter spoke at length about the plan.\n\n"
        "\u201cThe reform is overdue. It will take years.\n\n"
        "\u201cBut we will not give up,\u201d Carter said.\n"
    )
    qs = run(body)
    q = one(qs, "The reform is overdue")
    assert "we will not give up" in q.text
    assert surname_in(q, "Carter")


def test_bracketed_insertion_stays_in_quote(run):
    qs = run('"(We should) defend the border with all our forces," General Ivan Petrov was quoted as saying.')
    q = one(qs, "(We should) defend")
    assert surname_in(q, "Petrov")


def test_pronoun_and_description_take_the_previous_speaker(run):
    body = (
        "Defense Secretary Mark Ellison said on Tuesday that the base would stay open.\n\n"
        '"We have no plans to leave," the top defense official said.\n\n'
        '"Not this year, not next year," he added.\n'
    )
    qs = run(body)
    assert surname_in(one(qs, "We have no plans"), "Ellison")
    assert surname_in(one(qs, "Not this year"), "Ellison")


def test_quote_without_cue_takes_the_adjacent_speaker(run):
    body = '"The vote was rigged," opposition leader Sara Nilsen said. "We will appeal to the court."\n'
    qs = run(body)
    q = one(qs, "The vote was rigged")
    assert "appeal to the court" in q.text  # joined: same speaker, same paragraph
    assert surname_in(q, "Nilsen")


def test_non_actor_speaker_keeps_its_phrase(run):
    qs = run('"The figures are wrong," a spokesman for the ministry said.')
    q = one(qs, "The figures are wrong")
    assert q.speaker_name and "spokesman" in q.speaker_name


# ---------------------------------------------------------------- partial quotes


def test_partial_quote_under_a_framing_verb(run):
    qs = run('Chancellor Erik Lund expressed "deep regret" about the decision on Friday.')
    q = one(qs, "deep regret")
    assert q.kind == "partial" and surname_in(q, "Lund")


def test_partial_quote_inside_reported_clause(run):
    qs = run('Lund said the government "will not bow to pressure" from the unions.')
    q = one(qs, "will not bow")
    assert q.kind == "partial" and surname_in(q, "Lund")


def test_scare_quotes_are_not_quotes(run):
    qs = run('The so-called "reform package" passed the lower house on Tuesday.')
    assert not [q for q in qs if "reform package" in q.text]


# ---------------------------------------------------------------- indirect speech


def test_indirect_said_that(run):
    qs = run("President Laura Grant said that the army would withdraw from the border region by May.")
    q = one(qs, "that the army would withdraw")
    assert q.kind == "indirect" and surname_in(q, "Grant") and q.cue == "said"


def test_indirect_trailing_attribution(run):
    qs = run("The army will withdraw from the border region by May, Grant said after the meeting.")
    q = one(qs, "The army will withdraw")
    assert q.kind == "indirect" and surname_in(q, "Grant")


def test_indirect_according_to(run):
    qs = run("According to the Health Ministry, 40 people were injured in the blast on Sunday.")
    q = one(qs, "40 people were injured")
    assert q.kind == "indirect" and "Ministry" in (q.speaker_name or "")


def test_indirect_told_and_warned(run):
    qs = run(
        "Foreign Minister Omar Haddad told the assembly that his country would not sign the treaty "
        "and warned that sanctions would follow any attack."
    )
    assert surname_in(one(qs, "that his country would not sign"), "Haddad")
    assert surname_in(one(qs, "that sanctions would follow"), "Haddad")


# ---------------------------------------------------------------- robustness


def test_nested_quotes(run):
    qs = run("\u201cHe told me \u2018never again\u2019 and walked out,\u201d said union leader Jan Berg.")
    q = one(qs, "He told me")
    assert "never again" in q.text and surname_in(q, "Berg")


def test_article_that_is_one_long_quote(run):
    body = "\u201c" + " ".join(f"Sentence number {i} of the speech goes on." for i in range(40)) + "\u201d"
    qs = run(body)
    assert len([q for q in qs if q.kind == "direct"]) <= 1
    assert all(0 <= q.span[0] < q.span[1] <= len(body) for q in qs)


def test_empty_and_markless_text(run):
    assert run("") == []
    assert run("Nothing is quoted here at all.") == []


def test_spans_point_into_the_body(run):
    body = 'Officials said the road was closed. "It will reopen soon," police chief Dan Ross said.'
    for q in run(body):
        assert body[q.span[0] : q.span[1]] == q.text or q.kind == "direct"
        if q.cue_span:
            assert body[q.cue_span[0] : q.cue_span[1]] == q.cue


# ---------------------------------------------------------------- attribution details


def test_markup_attributes_are_not_quotes():
    body = '<tweet author="JohnDoe" timestamp="1449075600"> He said "we go now" today.'
    assert [body[s.start : s.end] for s in find_segments(body)] == ['"we go now"']


def test_titles_in_marks_are_not_quotes(run):
    qs = run('The senator said he never misses "The Walking Dead" on Sunday nights.')
    assert not [q for q in qs if q.text == '"The Walking Dead"']


def test_colon_introduces_the_speaker_of_its_clause(run):
    qs = run(
        'When the mayor spoke, Governor Ruth Adler fired back: "If they sue us, they will lose in court."'
    )
    assert surname_in(one(qs, "If they sue us"), "Adler")


def test_next_paragraph_without_cue_continues_the_quote(run):
    body = (
        '"The plant will close in May," union leader Omar Saleh said on Friday.\n\n'
        '"Nobody asked the workers what they wanted."\n'
    )
    qs = run(body)
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1 and "Nobody asked" in direct[0].text
    assert surname_in(direct[0], "Saleh")


def test_speaker_name_keeps_the_introduction(run):
    qs = run('"The contract is unfair," said Adam Brook, a lawyer for the dock workers, on Monday.')
    q = one(qs, "The contract is unfair")
    assert surname_in(q, "Brook") and "lawyer" in q.speaker_name


def test_conjoined_speakers_are_named_together(run):
    qs = run("Mayor Lena Hoff and Governor Paul Strand said that the bridge would reopen in June.")
    q = one(qs, "the bridge would reopen")
    assert surname_in(q, "Hoff") and surname_in(q, "Strand")


def test_name_glued_to_the_closing_mark(run):
    qs = run("\u201cWe will not back down from this fight,\u201dRamirez said on Tuesday.")
    assert surname_in(one(qs, "We will not back down"), "Ramirez")


def test_noun_of_saying_with_that_clause(run):
    qs = run("Senator Dana Whitfield repeated her warning that the trade deal would cost thousands of jobs.")
    q = one(qs, "the trade deal would cost")
    assert q.kind == "indirect" and surname_in(q, "Whitfield")
