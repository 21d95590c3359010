"""Actors stage: mentions, in-document resolution and CAMEO actor coding."""

from eventwire.actors.cast import Cast
from eventwire.actors.resolve import find_actors

__all__ = ["Cast", "find_actors"]
