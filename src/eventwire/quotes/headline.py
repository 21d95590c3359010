"""Attributions in a headline, which the parser reads badly.

News headlines attribute in two telegraphic forms: "Cruz: Trump Would Put Liberals On Court" (a
name, a colon, what was said) and, in title case, "Carly Fiorina Endorses Ted Cruz" (a name, a cue
verb, its object). Title case hides the verb from the tagger, so the cue is recognised by its
form against the cue lexicon instead of by the parse.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token

from eventwire.quotes.candidate import Candidate, TokenIndex, indirect_from_tokens
from eventwire.quotes.cues import cues

MAX_HEADLINE_WORDS = 25
MAX_SPEAKER_TOKENS = 6
MIN_TITLE_CASE = 0.6  # share of capitalised words that makes a line title case
_ADVERBS = frozenset({"just", "also", "now", "again", "finally", "officially", "formally", "quietly"})
_MODALS = frozenset(
    {
        "to",
        "will",
        "would",
        "won't",
        "won\u2019t",
        "can",
        "could",
        "may",
        "might",
        "wo",
        "ca",
        "n't",
        "n\u2019t",
    }
    | {"not", "do", "does", "did", "should", "must", "cannot"}
)
_CLAUSE_WORDS = frozenset({"while", "after", "before", "as", "but", "and", "because", "amid", "despite"})
_JOINERS = frozenset({"of", "the", "and", "for"})  # inside a name: "Leaders of Conservative Movement"
_STOP = frozenset({":", ";", "\u2014", "\u2013", "-"})


def _headline(body: str) -> tuple[int, int] | None:
    """The first line when it stands alone above a blank line and is short: the title."""
    end = body.find("\n")
    if end <= 0 or not body[end:].startswith("\n\n"):
        return None
    if len(body[:end].split()) > MAX_HEADLINE_WORDS:
        return None
    return 0, end


@functools.lru_cache(maxsize=1)
def _cue_forms() -> frozenset[str]:
    """Inflected forms of the one-word cues ("endorses", "vowed"), for words the tagger misreads."""
    c = cues()
    forms = set()
    for lemma in c.speech | c.object | c.framing | frozenset(c.phrasal):
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", lemma + "es", stem + "ed"}
    return frozenset(forms)


def _stops(tok: Token) -> bool:
    """A colon, semicolon or dash between words ("Vance: ...", "Trump - ..."), not a word's own hyphen
    ("Long-Time")."""
    if tok.text not in _STOP:
        return False
    if tok.text == "-":
        return bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return True


def _lemma_of_form(word: str, lemmas) -> str | None:
    for lemma in lemmas:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        if word in (lemma, lemma + "s", lemma + "es", stem + "ed"):
            return lemma
    return None


def _phrasal_tail(tok: Token, rest: list[Token]) -> int:
    """How many words after a headline verb complete one of its phrasal cues ("Unite *in Support of*")."""
    lemma = _lemma_of_form(tok.lower_, cues().phrasal)
    if lemma is None:
        return 0
    for tail in sorted(cues().phrasal[lemma], key=len, reverse=True):
        if len(rest) > len(tail) and [t.lower_ for t in rest[: len(tail)]] == list(tail):
            return len(tail)
    return 0


def _only_phrasal(tok: Token) -> bool:
    """A verb that is a cue only with its particle ("unite", "rally"): alone it reports nothing."""
    c = cues()
    word = tok.lower_
    return _lemma_of_form(word, c.speech | c.object | c.framing) is None


def _is_name(tokens: list[Token]) -> bool:
    words = [t for t in tokens if not t.is_punct]
    return 0 < len(words) <= MAX_SPEAKER_TOKENS and all(
        t.text[:1].isupper() or t.like_num or (0 < k < len(words) - 1 and t.lower_ in _JOINERS)
        for k, t in enumerate(words)
    )


def _span(doc: Doc, tokens: list[Token], cue: Token, cue_end: int, speaker: Token) -> Candidate | None:
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while tokens and (tokens[0].is_space or tokens[0].text in _STOP):
        tokens = tokens[1:]
    if not tokens:
        return None
    return indirect_from_tokens(doc, tokens, cue, cue_end, speaker, "headline")


def find_headline(doc: Doc, body: str, index: TokenIndex) -> list[Candidate]:
    """The attribution of the headline, if it has one in a form the parse would miss."""
    line = _headline(body)
    if line is None:
        return []
    tokens = [t for t in index.between(*line) if not t.is_space]
    if len(tokens) < 3:
        return []
    words = [t for t in tokens if re.match(r"[A-Za-z]", t.text)]
    if not words or sum(1 for t in words if t.text[:1].isupper()) / len(words) < MIN_TITLE_CASE:
        return _colon(doc, tokens)  # sentence case: the parser reads the rest as it reads the body
    forms = _cue_forms()
    for k, tok in enumerate(tokens):
        if k == 0 or tok.lower_ not in forms:
            continue
        before = tokens[:k]
        if any(_stops(t) for t in before):
            break  # past a colon: "Vance: The Pier Will Be Back" is the colon form
        while before and before[-1].lower_ in _ADVERBS | _MODALS:
            before = before[:-1]
        if not before or not _is_name(before):
            continue
        rest = tokens[k + 1 :]
        cue_end = tok.idx + len(tok.text)
        tail = _phrasal_tail(tok, rest)
        if tail:  # "Unite in Support of Ted Cruz"
            cue_end = rest[tail - 1].idx + len(rest[tail - 1].text)
            rest = rest[tail:]
        elif _only_phrasal(tok):
            continue
        elif rest and rest[0].lower_ in cues().object_prepositions:  # "Call For Action"
            cue_end = rest[0].idx + len(rest[0].text)
            rest = rest[1:]
        stop = next(
            (j for j, t in enumerate(rest) if j and (t.text in (";", "\u2014") or t.lower_ in _CLAUSE_WORDS)),
            len(rest),
        )
        cand = _span(doc, rest[:stop], tok, cue_end, before[-1])
        return [cand] if cand else []
    return _colon(doc, tokens)


def _colon(doc: Doc, tokens: list[Token]) -> list[Candidate]:
    """ "Cruz: Trump Would Put Liberals On Court": a name, a colon, the words."""
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon == 0 or tokens[0].lower_ in ("the", "a", "an") or not _is_name(tokens[:colon]):
        return []
    cand = _span(doc, tokens[colon + 1 :], tokens[colon], tokens[colon].idx + 1, tokens[colon - 1])
    return [cand] if cand else []
