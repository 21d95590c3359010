"""Toponym resolution: pick, for each recognised name, the gazetteer entry the article means.

Each candidate is scored from priors (population, feature: countries and first-level divisions before
towns, capitals before other cities) and from the article's own context: the countries and states it
mentions (names, demonyms, the dateline), explicit qualifiers ("Paris, Ky.", "Homs province"), and
closeness to the places already resolved. The same name gets the same reading throughout an article
(one sense per discourse) unless a qualifier says otherwise. Two passes: unambiguous names first, then
the rest with the context they give.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from eventwire.geo.gazetteer import PRIMARY, Gazetteer
from eventwire.geo.names import key
from eventwire.geo.recognize import Mention

BROAD = ("PCLI", "PCLS", "CONT")
FEATURE_PRIOR = {
    "BLDG": 4.0,  # landmarks are in the lexicon because they are famous
    "AIRP": 4.0,
    "SQR": 4.0,
    "ST": 4.0,
    "PCLI": 5.0,
    "PCLS": 4.0,
    "CONT": 4.0,
    "ADM1": 3.0,
    "RGN": 2.5,
    "ISL": 2.0,
    "SEA": 4.0,
    "OCN": 4.0,
    "MTS": 2.0,
    "STRT": 2.0,
    "ADM2": 1.0,
    "PPLC": 1.5,
    "PPLX": 1.0,
}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Context:
    """What the article says about where it is: weighted countries and (country, admin1) states."""

    countries: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)
    points: list[tuple[float, float, str]] = field(
        default_factory=list
    )  # resolved local places (lat, lon, key)

    def add_row(self, row: tuple, weight: float, name_key: str) -> None:
        feature, cc, a1 = row[7], row[4], row[5]
        if cc:
            self.countries[cc] += weight
        if cc and a1 and feature not in BROAD:
            self.states[(cc, a1)] += weight
        if feature not in BROAD and feature not in ("RGN", "SEA", "OCN"):
            self.points.append((row[2], row[3], name_key))

    def country_share(self, cc: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries[cc] / total if cc and total else 0.0


def _prior(row: tuple, kind: int) -> float:
    pop = row[6]
    feature = row[7]
    s = 0.9 * math.log10(pop + 10) + FEATURE_PRIOR.get(feature, 0.0)
    if kind != PRIMARY:
        s -= 1.0
    return s


class Resolver:
    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    def score(self, m: Mention, r: int, kind: int, ctx: Context) -> float:
        row = self.gaz.rows[r]
        feature, cc, a1 = row[7], row[4], row[5]
        s = _prior(row, kind)
        if feature not in BROAD:
            share = ctx.country_share(cc)
            s += 4.0 * share + (1.5 if ctx.countries[cc] else 0.0)
            if a1 and ctx.states[(cc, a1)]:
                s += 2.5
            if ctx.points and feature not in ("ADM1", "RGN"):
                mk = key(m.text)
                near = min(
                    (km((row[2], row[3]), (p[0], p[1])) for p in ctx.points if p[2] != mk), default=1e9
                )
                if near < 50:
                    s += 2.0
                elif near < 250:
                    s += 1.0
        if m.type_feature:
            if m.type_feature == feature or (m.type_feature == "ADM1" and feature in ("ADM1", "RGN")):
                s += 3.0
            elif m.type_feature == "PPL" and feature.startswith("PPL"):
                s += 1.0
        if m.qualifier is not None:
            q = {self.gaz.rows[qr][4] for qr, _ in m.qualifier.cands if self.gaz.rows[qr][7] in BROAD}
            qs = {
                (self.gaz.rows[qr][4], self.gaz.rows[qr][5])
                for qr, _ in m.qualifier.cands
                if self.gaz.rows[qr][7] in ("ADM1", "ADM2")
            }
            if (cc, a1) in qs or cc in q:
                s += 10.0
        # a big city named like a state is what news means by the bare name ("New York", "Washington")
        if (
            feature == "PPLC" or feature.startswith("PPL") and row[6] >= 1_000_000
        ) and m.type_feature != "ADM1":
            if any(self.gaz.rows[o][7] == "ADM1" for o, _ in m.cands):
                s += 4.0
        return s

    def resolve(self, mentions: list[Mention], seed: Context) -> dict[int, tuple[int, float]]:
        """Mention index -> (gazetteer row, confidence)."""
        ctx = Context(Counter(seed.countries), Counter(seed.states), list(seed.points))
        out: dict[int, tuple[int, float]] = {}
        # pass 1: names with one reading, or a country/region reading, set the scene
        for m in mentions:
            best = self._best(m, Context())
            if best is None:
                continue
            r, margin = best
            row = self.gaz.rows[r]
            if len(m.cands) == 1 or row[7] in BROAD + ("ADM1",) or margin > 4.0:
                ctx.add_row(row, 1.0, key(m.text))
        # pass 2 (twice): everything, with context; one reading per name, a qualified mention ("Paris, Ky.")
        # fixing the reading of its name for the whole article
        order = sorted(range(len(mentions)), key=lambda n: (mentions[n].qualifier is None, n))
        for _ in range(2):
            new = Context(Counter(seed.countries), Counter(seed.states), list(seed.points))
            chosen: dict[str, tuple[int, float]] = {}
            for n in order:
                m = mentions[n]
                k = key(m.text)
                if m.qualifier is None and k in chosen:
                    out[n] = chosen[k]
                    continue
                best = self._best(m, ctx)
                if best is None:
                    continue
                r, margin = best
                conf = round(min(0.99, 0.5 + margin / 10), 2)
                out[n] = (r, conf)
                chosen.setdefault(k, (r, conf))
            for n, (r, _) in out.items():
                new.add_row(self.gaz.rows[r], 1.0, key(mentions[n].text))
            ctx = new
        for n in list(out):
            fallback = self._qualifier_fallback(mentions[n], out[n][0])
            if fallback is not None:
                out[n] = (fallback, 0.3)
                mentions[n].extra["in_region"] = True  # its own place, placed at the region
        # a small place in a country the article never mentions, with nothing placing it, is most likely a
        # person's or a thing's name that the model took for a place ("Tonya")
        placed = {out[n][0] for n in out if mentions[n].cue or mentions[n].qualifier is not None}
        for n in list(out):
            r = out[n][0]
            row = self.gaz.rows[r]
            if row[7] in ("PPL", "PPLX") and row[6] < 50_000 and r not in placed:
                same = sum(1 for o in out if out[o][0] == r)
                others = sum(1 for o in out if self.gaz.rows[out[o][0]][4] == row[4]) - same
                if others == 0 and ctx.countries[row[4]] - same <= 0.5:
                    del out[n]
        return out

    def _qualifier_fallback(self, m: Mention, r: int) -> int | None:
        """ "Holliday, Mo." when no Holliday in Missouri is known: the state the text names is a truer
        answer than a same-named town elsewhere (too small for the gazetteer, it is still in Missouri)."""
        if m.qualifier is None:
            return None
        rows = self.gaz.rows
        states = [qr for qr, _ in m.qualifier.cands if rows[qr][7] == "ADM1"]
        if not states:
            return None
        row = rows[r]
        if not row[7].startswith("PPL"):  # a state or country in a list ("Wisconsin, Michigan") is no town
            return None
        if any((row[4], row[5]) == (rows[q][4], rows[q][5]) for q in states):
            return None
        return max(states, key=lambda q: rows[q][6])

    def _best(self, m: Mention, ctx: Context) -> tuple[int, float] | None:
        scored = sorted(((self.score(m, r, kind, ctx), r) for r, kind in m.cands), reverse=True)
        if not scored:
            return None
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0
        return scored[0][1], margin
