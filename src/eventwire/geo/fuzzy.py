"""Guarded fuzzy matching for misspelt or truncated toponyms ("Palmy" for Palmyra).

A fuzzy reading is only tried for a phrase spaCy called a place that matched no gazetteer name, and only
among the places of the article's dominant country: a misspelling in an article about Syria is looked
for in Syria, never in the whole world, where some village always matches.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.names import key


class FuzzyMatcher:
    def __init__(self, gaz: Gazetteer, min_population: int = 1000, min_share: float = 0.3):
        self.gaz = gaz
        self.min_population = min_population
        self.min_share = min_share
        self._by_country: dict[str, dict[str, int]] | None = None

    def _names(self, cc: str) -> dict[str, int]:
        """Name key -> most populous row, for the places of one country (built for all countries once)."""
        if self._by_country is None:
            rows = self.gaz.rows
            by: dict[str, dict[str, int]] = {}
            for k, codes in self.gaz.names.items():
                for code in codes:
                    r = code // 2
                    row = rows[r]
                    if row[4] is None or (row[6] < self.min_population and row[7] in ("PPL", "PPLC")):
                        continue
                    d = by.setdefault(row[4], {})
                    if k not in d or rows[d[k]][6] < row[6]:
                        d[k] = r
            self._by_country = by
        return self._by_country.get(cc, {})

    def match(self, text: str, ctx) -> int | None:
        k = key(text)
        if len(k) < 4 or not ctx.countries:
            return None
        cc, _ = ctx.countries.most_common(1)[0]
        if ctx.country_share(cc) < self.min_share:
            return None
        names = self._names(cc)
        best = None
        for cand, score, _ in process.extract(k, names.keys(), scorer=fuzz.ratio, limit=5, score_cutoff=70):
            prefix = cand.startswith(k) and len(k) >= 5 and len(k) / len(cand) >= 0.7
            if score >= 88 or prefix:
                r = names[cand]
                if best is None or self.gaz.rows[r][6] > self.gaz.rows[best][6]:
                    best = r
        return best
