"""Events stage: the CAMEO/PLOVER event coder (patterns as data, dependency-parse matching)."""

from __future__ import annotations

from eventwire.events.coder import EventCoder
from eventwire.events.patterns import load as load_patterns


def coverage(extra_patterns=()) -> dict:
    """Pattern count and CAMEO coverage of the bundled lexicon (plus any user files)."""
    return load_patterns(list(extra_patterns)).coverage()


__all__ = ["EventCoder", "coverage"]
