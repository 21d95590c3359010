"""The reporting-cue lexicon (`lexicon/quotes_verbs.yaml`) as frozen sets, loaded once.

Cues are data so a user can add a verb without touching code; this module only gives them shape.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.lexicon import load_yaml


@dataclass(frozen=True)
class Multiword:
    words: tuple[str, ...]
    speaker: str  # "object" (according to X) | "subject" (X was quoted as saying)


@dataclass(frozen=True)
class Cues:
    speech: frozenset[str]
    thought: frozenset[str]
    framing: frozenset[str]
    multiword: tuple[Multiword, ...]
    role_nouns: frozenset[str]
    object: frozenset[str]
    addressee: frozenset[str]
    object_prepositions: frozenset[str]
    organization_words: frozenset[str]
    nouns: frozenset[str]
    stance_nouns: frozenset[str]
    stance_prepositions: frozenset[str]
    direct_only: frozenset[str]
    as_verbs: frozenset[str]
    phrasal: dict[str, tuple[tuple[str, ...], ...]]
    stance_adjectives: frozenset[str]


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    data = load_yaml("quotes_verbs.yaml")
    return Cues(
        speech=frozenset(w.lower() for w in data["speech"]),
        thought=frozenset(w.lower() for w in data["thought"]),
        framing=frozenset(w.lower() for w in data["framing"]),
        multiword=tuple(Multiword(tuple(m["words"]), m["speaker"]) for m in data["multiword"]),
        role_nouns=frozenset(w.lower() for w in data["role_nouns"]),
        object=frozenset(w.lower() for w in data.get("object") or ()),
        addressee=frozenset(w.lower() for w in data.get("addressee") or ()),
        object_prepositions=frozenset(w.lower() for w in data.get("object_prepositions") or ()),
        organization_words=frozenset(w.lower() for w in data.get("organization_words") or ()),
        nouns=frozenset(w.lower() for w in data.get("nouns") or ()),
        stance_nouns=frozenset(w.lower() for w in data.get("stance_nouns") or ()),
        stance_prepositions=frozenset(w.lower() for w in data.get("stance_prepositions") or ()),
        direct_only=frozenset(w.lower() for w in data.get("direct_only") or ()),
        as_verbs=frozenset(w.lower() for w in data.get("as_verbs") or ()),
        stance_adjectives=frozenset(w.lower() for w in data.get("stance_adjectives") or ()),
        phrasal={
            verb.lower(): tuple(tuple(p.lower().split()) for p in tails)
            for verb, tails in (data.get("phrasal") or {}).items()
        },
    )


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


@functools.lru_cache(maxsize=1)
def _lexicon_verbs() -> frozenset[str]:
    c = cues()
    return c.speech | c.thought | c.framing | c.object | c.as_verbs | c.addressee | frozenset(c.phrasal)


def verb_lemma(tok: Token) -> str:
    """The token's lemma, mended when the tagger's lemma misses a cue verb of the lexicon: the small
    model lemmatizes "hoping"/"hoped" as "hop", "hates" as "hat", "retweeted" as "retweete". The
    inflected form, stripped of its ending, is tried against the lexicon's verbs (with and without a
    final e)."""
    lemma = tok.lemma_.lower()
    verbs = _lexicon_verbs()
    if lemma in verbs or not is_verb(tok):
        return lemma
    word = tok.lower_
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            for base in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else None):
                if base and base in verbs:
                    return base
    return lemma


def is_speech_verb(tok: Token) -> bool:
    """A verb of saying ("said", "tweeted"), the cue that introduces a direct quote."""
    return is_verb(tok) and verb_lemma(tok) in cues().speech


def is_report_verb(tok: Token) -> bool:
    """A verb of saying or of stance ("believes", "showed"), the cue of a reported clause."""
    lemma = verb_lemma(tok)
    return is_verb(tok) and (lemma in cues().speech or lemma in cues().thought)


def multiword_at(tokens: list[Token], i: int) -> Multiword | None:
    """The multiword cue starting at tokens[i], if any."""
    for mw in cues().multiword:
        n = len(mw.words)
        if i + n <= len(tokens) and all(tokens[i + k].lower_ == w for k, w in enumerate(mw.words)):
            return mw
    return None


def is_object_cue(tok: Token) -> bool:
    """A verb whose object or infinitive is what is said or stood for ("announced a plan", "vowed to")."""
    lemma = verb_lemma(tok)
    c = cues()
    return is_verb(tok) and (lemma in c.speech or lemma in c.framing or lemma in c.object)
