"""Places stage: offline geoparsing of toponyms and event locations."""

from __future__ import annotations

from eventwire.model import Place


class Geocoder:
    def find_places(self, doc, article, cast) -> list[Place]:
        return []
