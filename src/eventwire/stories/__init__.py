"""Stories: near-duplicate and same-story grouping across the articles of a store."""

from eventwire.stories.group import Doc, StoryRow, group
from eventwire.stories.store import update_stories

__all__ = ["Doc", "StoryRow", "group", "update_stories"]
