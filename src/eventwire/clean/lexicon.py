"""The cleaner's word lists (lexicon/clean_*.yaml), compiled once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from eventwire.lexicon import load_yaml

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_COUNTER = re.compile(r"\s*[\(\[]?\d+[\)\]]?$")


def norm_line(line: str) -> str:
    """Lower-cased line without edge punctuation or a trailing counter: the key UI phrases match on."""
    s = line.lower().replace("\u2019", "'").strip()
    s = _EDGE.sub("", s)
    s = _COUNTER.sub("", s)
    return re.sub(r"\s+", " ", s)


@dataclass(frozen=True)
class UiLexicon:
    exact: frozenset[str]
    prefix: tuple[str, ...]
    contains: tuple[str, ...]
    suffix: re.Pattern[str]
    walls: frozenset[str]


@functools.lru_cache(maxsize=1)
def ui() -> UiLexicon:
    d = load_yaml("clean_ui_phrases.yaml")
    suffixes = sorted(d.get("suffix") or [], key=len, reverse=True)
    suffix = re.compile(r"(?:\s+(?:" + "|".join(re.escape(s) for s in suffixes) + r"))+\s*$", re.IGNORECASE)
    return UiLexicon(
        exact=frozenset(norm_line(p) for p in d.get("exact") or []),
        prefix=tuple(p.lower() for p in d.get("prefix") or []),
        contains=tuple(p.lower() for p in d.get("contains") or []),
        suffix=suffix,
        walls=frozenset(norm_line(p) for p in d.get("walls") or []),
    )


@dataclass(frozen=True)
class Markers:
    end: re.Pattern[str]  # a line that is only an end marker
    trailing: re.Pattern[str]  # an end marker glued after the last sentence
    outlets: frozenset[str]
    outlet_words: frozenset[str]


@functools.lru_cache(maxsize=1)
def markers() -> Markers:
    d = load_yaml("clean_markers.yaml")
    alts = "|".join(f"(?:{m})" for m in d.get("end_markers") or [])
    return Markers(
        end=re.compile(rf"^\s*(?:{alts})\s*$", re.IGNORECASE),
        trailing=re.compile(rf"(?<=[.!?\"'”’)])\s*(?:{alts})\s*$", re.IGNORECASE),
        outlets=frozenset(o.lower() for o in d.get("outlets") or []),
        outlet_words=frozenset(w.lower() for w in d.get("outlet_words") or []),
    )


@functools.lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in load_yaml("clean_stopwords.yaml").items()}
