"""Figurative uses of the words of violence: sport and business reports, score lines, market objects.

"Chelsea beat Arsenal 2-0", "Holmes stormed to victory", "high fuel prices hit BA's profits", "the dollar
hit a three-month high": the verbs are those of war, the events are not. Coded as assaults between
unknown or same-country sides, they flood event data with violence that never happened (on the BBC
corpus, more assaults and fights were coded in sport than in politics). Three tests, cheapest first:

- the document: a report whose vocabulary is that of a sport or of markets (several different cue
  words, outnumbering the words of conflict) keeps its violent and coercive events only where the
  sentence names a force (police, troops, a bomb) or a side has a security role;
- the sentence: a score line or a race time ("6-2 6-4", "7:39.89", "by 0.90 seconds");
- the trigger: an object that no one attacks ("hit a record high", "beat forecasts", "hit the post")
  or a subject that is no actor ("prices", "a drought", "injury").
The cue lists are data (`lexicon/events_context.yaml`).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token

from eventwire import lexicon
from eventwire.model import Event

VIOLENT_ROOTS = ("18", "19", "20")
_EVENT_NOUNS = {
    "campaign",
    "operation",
    "offensive",
    "attack",
    "war",
    "strike",
    "assault",
    "raid",
    "blitz",
    "battle",
}
# what a sports report's words of war are coded as: force posture, reduced relations, coercion, violence
_DROP_ROOTS = {"sport": ("15", "16", "17", "18", "19", "20"), "business": ("17", "18", "19", "20")}
# what a sports report's meetings, visits and loans are: fixtures, away games and transfers
_SPORT_ROUTINE = ("04", "07")
_SECURITY_ROLES = ("MIL", "COP", "REB", "INS", "SPY", "UAF", "CRM", "SEP")
_SCORE = re.compile(
    r"(?<![\d.,:/-])\d{1,2} ?- ?\d{1,2}(?![\d.,:/-])"  # a score line: 2-0, 6-2 6-4 (not a date or year)
    r"|\b\d{1,2}:\d\d\.\d\d?\b"  # a race time: 7:39.89
    r"|\bby (?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?:secs?|seconds|metres|meters|points|goals|runs|wickets|strokes|shots|lengths)\b"
)


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = lexicon.load_yaml("events_context.yaml")
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


def _keys(tok: Token) -> tuple[str, ...]:
    """A token's lemma, and with the word before it ("interest rate", "grand slam")."""
    lemma = tok.lemma_.lower()
    if tok.i > 0:
        return (lemma, tok.lower_, f"{tok.doc[tok.i - 1].lower_} {lemma}")
    return (lemma, tok.lower_)


def doc_topic(doc: Doc) -> str | None:
    """ "sport" or "business" when the document reads as a sports or markets report, else None."""
    words = _words()
    found: dict[str, set[str]] = {"sport": set(), "business": set(), "conflict": set()}
    total = {"sport": 0, "business": 0, "conflict": 0}
    for tok in doc:
        if tok.is_punct or tok.is_space or tok.is_stop:
            continue
        for kind, key in (
            ("sport", "sport_words"),
            ("business", "business_words"),
            ("conflict", "conflict_words"),
        ):
            hit = next((k for k in _keys(tok) if k in words[key]), None)
            if hit:
                found[kind].add(hit)
                total[kind] += 1
    if _SCORE.search(doc.text):
        found["sport"].add("score line")
        total["sport"] += 1
    conflict = total["conflict"]
    if len(found["sport"]) >= 3 and total["sport"] >= 4 and total["sport"] > 3 * conflict:
        return "sport"
    if len(found["business"]) >= 5 and total["business"] >= 8 and total["business"] > 3 * conflict:
        return "business"
    return None


def _names_force(sent: Span) -> bool:
    words = _words()["conflict_words"]
    return any(tok.lemma_.lower() in words or tok.lower_ in words for tok in sent)


def _state_side(ev: Event) -> bool:
    """A side that is a government or an international body: a minister at the match is still news."""
    return any(
        code and (code[3:6] in ("GOV", "LEG", "JUD") or code.startswith(("IGO", "NGO")))
        for code in (ev.source_code, ev.target_code)
    )


def _security_side(ev: Event) -> bool:
    return any(
        code and (code[3:6] in _SECURITY_ROLES or code.startswith("IMG"))
        for code in (ev.source_code, ev.target_code)
    )


def _peaceful(noun: Token) -> bool:
    """ "an information campaign", "a price war", "a rescue operation": a modifier from another domain."""
    words = _words()["peaceful_modifiers"]
    return any(
        c.dep_ in ("amod", "compound", "nmod")
        and c.i < noun.i
        and (c.lower_ in words or c.lemma_.lower() in words)
        for c in noun.children
    )


def _figurative_trigger(trigger: Token) -> bool:
    """A violent verb whose object is a quantity, a market or sports kit, or whose subject is no actor;
    a word of war with a modifier from another domain."""
    words = _words()
    if trigger.pos_ in ("NOUN", "PROPN") and _peaceful(trigger):
        return True
    if trigger.lemma_.lower() == "hit" and any(
        c.dep_ == "advmod" and c.lower_ in words["degree_adverbs"] for c in trigger.children
    ):
        return True  # "Sri Lanka and India were worst hit"
    for c in trigger.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _EVENT_NOUNS and _peaceful(c):
            return True  # "launched an information campaign" (not "attacked a peacekeeping base")
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj" and any(k in words["figurative_subjects"] for k in _keys(p)):
                    return True  # "was hit by high fuel costs"
        if c.dep_ in ("dobj", "nsubjpass") and c.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG"):
            if any(k in words["figurative_objects"] for k in _keys(c)):
                return True
        if c.dep_ == "nsubj" and c.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG"):
            if any(k in words["figurative_subjects"] for k in _keys(c)):
                return True
    return False


def figurative(trigger: Token, ev: Event, topic: str | None) -> bool:
    """True when `ev` (triggered by `trigger`) is a figurative use of a word of violence or coercion."""
    root = ev.root
    if topic and root in _DROP_ROOTS[topic] and not _security_side(ev) and not _names_force(trigger.sent):
        return True
    if topic == "sport" and root in _SPORT_ROUTINE and not _state_side(ev):
        return True  # "Bolton meet Ipswich", "arrived at Stamford Bridge", "joined Celtic on loan"
    if root not in VIOLENT_ROOTS:
        return False
    if _figurative_trigger(trigger):
        return True
    return bool(_SCORE.search(trigger.sent.text)) and not _names_force(trigger.sent)
