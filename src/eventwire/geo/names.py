"""Name keys: the one normalisation shared by the gazetteer index and the toponyms looked up in it.

News spells the same place many ways ("St. Louis"/"Saint Louis", "al-Raqqa"/"Al Raqqa", "Côte d'Ivoire"/
"Cote d'Ivoire", "U.S."/"US"), so both sides are reduced to a lower-case ASCII key before they meet.
"""

from __future__ import annotations

import re
import unicodedata

_ABBREV = (
    (re.compile(r"\bst\b\.?\s*"), "saint "),
    (re.compile(r"\bste\b\.?\s*"), "sainte "),
    (re.compile(r"\bft\b\.?\s*"), "fort "),
    (re.compile(r"\bmt\b\.?\s*"), "mount "),
    (re.compile(r"\bpt\b\.?\s*"), "port "),
)
_ARTICLE = re.compile(r"^(the|l'|el|al|ar|as|ad|an|at|az|ash|ath)\s+")
_PUNCT = re.compile(r"[-‐‑–—_/’'`´]+")
_DROP = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def ascii_fold(text: str) -> str:
    """Strip accents: "Québec" -> "Quebec" (letters with no ASCII form are dropped)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def key(name: str) -> str:
    """The lookup key of a place name: lower case, ASCII, abbreviations expanded, punctuation dropped."""
    s = ascii_fold(name).lower().strip()
    if "." in s and len(s.replace(".", "").replace(" ", "")) <= 4:  # U.S., U.K., B.C., N.Y.
        s = s.replace(".", "").replace(" ", "")
    for pattern, repl in _ABBREV:
        s = pattern.sub(repl, s)
    s = _PUNCT.sub(" ", s)
    s = _DROP.sub("", s)
    return _SPACES.sub(" ", s).strip()


def bare_key(name: str) -> str:
    """The key without a leading article ("the Netherlands", "al-Raqqa", "Ar Raqqah" -> "raqqah")."""
    return _ARTICLE.sub("", key(name))


def is_latin(name: str) -> bool:
    """True when a name is written in Latin letters (alternate names in other scripts are not indexed)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True
