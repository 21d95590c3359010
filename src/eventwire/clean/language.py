"""A cheap language label: Unicode script first, then the share of each language's function words.

Why: the NLP stages are English-only; a non-English article is kept but flagged so users can filter it.
"""

from __future__ import annotations

import re

from eventwire.clean.lexicon import stopwords

_SCRIPTS = (
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little text to say."""
    sample = text[:20000]
    letters = _WORD.findall(sample)
    n_chars = sum(len(w) for w in letters)
    if n_chars < 20:
        return None
    for lang, rx in _SCRIPTS:
        if len(rx.findall(sample)) > 0.3 * n_chars:
            return lang
    words = [w.lower() for w in letters]
    scores = {lang: sum(1 for w in words if w in sw) / len(words) for lang, sw in stopwords().items()}
    best = max(scores, key=scores.get)
    if scores.get("en", 0) >= 0.12 or scores[best] < 0.08:
        return "en" if scores.get("en", 0) >= 0.05 else None
    return best
