"""Actors stage: mentions, in-document resolution and CAMEO actor coding."""

from eventwire.actors.cast import Cast
from eventwire.actors.coding import code_phrase
from eventwire.actors.lexicon import load_lexicon
from eventwire.actors.resolve import find_actors

__all__ = ["Cast", "code_phrase", "find_actors", "load_lexicon"]
