"""The actor lexicon: country names, demonyms, seats of power, role nouns, titles and named actors.

Built once per set of files and cached at module level, so coding an article only does dictionary
look-ups. The bundled YAML files (`lexicon/actors_*.yaml`) are merged with pycountry's names and the
CAMEO country table; a user's own YAML files (same shape, `Config.actor_lexicon`) add or override entries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from eventwire import lexicon as bundled
from eventwire.errors import PatternError

_LEADING_THE = re.compile(r"^the\s+", re.I)


def norm(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces, no leading article: the key of every table."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip()
    text = re.sub(r"\s+", " ", text)
    return _LEADING_THE.sub("", text).lower()


@dataclass(frozen=True)
class KnownActor:
    name: str
    code: str
    kind: str  # organization | armed_group | person
    title: str | None = None


@dataclass(eq=False)  # compared and hashed by identity: each built lexicon is cached and reused
class Lexicon:
    country_names: dict[str, str] = field(default_factory=dict)  # "russia" -> RUS
    demonyms: dict[str, str] = field(default_factory=dict)  # "russian" -> RUS
    seats: dict[str, str] = field(default_factory=dict)  # "kremlin" -> RUS
    titles: dict[str, dict] = field(default_factory=dict)  # "foreign minister" -> {role, families}
    groups: dict[str, str] = field(default_factory=dict)  # "troops" -> MIL
    bodies: dict[str, str] = field(default_factory=dict)  # "ministry" -> GOV
    modifiers: dict[str, str] = field(default_factory=dict)  # "defense" -> MIL
    known: dict[str, KnownActor] = field(default_factory=dict)  # alias key -> actor
    case_sensitive: dict[str, KnownActor] = field(default_factory=dict)  # "IS" -> Islamic State
    people: dict[str, KnownActor] = field(default_factory=dict)  # "putin" -> fallback for a name
    country_label: dict[str, str] = field(default_factory=dict)  # RUS -> "Russia"
    max_title_words: int = 4

    def country_of(self, text: str) -> str | None:
        """CAMEO code of a country name or demonym ("Russian", "the U.S.", "Britain's")."""
        key = norm(text)
        if key.endswith("'s"):
            key = key[:-2]
        return self.country_names.get(key) or self.demonyms.get(key)

    def known_actor(self, text: str) -> KnownActor | None:
        hit = self.case_sensitive.get(text.strip())
        if hit:
            return hit
        key = norm(text)
        if key.endswith("'s"):
            key = key[:-2]
        return self.known.get(key)

    # -- merging -----------------------------------------------------------------------------
    def add_countries(self, data: dict) -> None:
        for code, entry in (data or {}).items():
            entry = entry or {}
            for name in entry.get("names") or []:
                self.country_names[norm(name)] = code
            for name in entry.get("demonyms") or []:
                self.demonyms[norm(name)] = code
            for name in entry.get("seats") or []:
                self.seats[norm(name)] = code
            if entry.get("names"):
                self.country_label.setdefault(code, entry["names"][0])

    def add_roles(self, data: dict) -> None:
        data = data or {}
        for phrase, entry in (data.get("titles") or {}).items():
            key = norm(str(phrase))
            families = list(entry.get("families") or [key])
            # `primary`: the office the title itself names, first in its list ("prime minister" for
            # "prime minister", not the wider "leader" it shares with a party leader)
            self.titles[key] = {"role": entry["role"], "families": set(families), "primary": families[0]}
            self.max_title_words = max(self.max_title_words, len(key.split()))
        for table, target in (
            ("groups", self.groups),
            ("bodies", self.bodies),
            ("modifiers", self.modifiers),
        ):
            for phrase, role in (data.get(table) or {}).items():
                target[norm(str(phrase))] = role

    def add_known(self, data: dict) -> None:
        data = data or {}
        sections = (("organizations", "organization"), ("armed_groups", "armed_group"), ("people", "person"))
        for section, kind in sections:
            for entry in data.get(section) or []:
                actor = KnownActor(entry["name"], entry["code"], entry.get("kind", kind), entry.get("title"))
                for alias in [entry["name"], *(entry.get("aliases") or [])]:
                    alias = str(alias)
                    if kind == "person":
                        self.people[norm(alias)] = actor
                    elif alias.isupper() and len(alias.replace(".", "")) <= 4:
                        self.case_sensitive[alias] = actor
                    else:
                        self.known[norm(alias)] = actor


def _base_countries(lex: Lexicon) -> None:
    """Names every state has without anyone writing them: pycountry's and the CAMEO table's."""
    import pycountry

    cameo = bundled.country_codes()
    for row in cameo.values():
        if row["kind"] == "country" and "(" not in row["name"]:
            lex.country_label.setdefault(row["code"], row["name"])
    names: dict[str, str] = {}
    for c in pycountry.countries:  # ISO codes first: CAMEO uses them for current states
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name and "," not in name:
                names.setdefault(norm(name), c.alpha_3)
    for row in cameo.values():
        if row["kind"] == "country" and "(" not in row["name"]:
            names.setdefault(norm(row["name"]), row["code"])
    for name, code in names.items():
        lex.country_names.setdefault(name, code)
        lex.country_label.setdefault(code, name.title())
        for demonym in _guessed_demonyms(name):
            lex.demonyms.setdefault(demonym, code)


def _guessed_demonyms(name: str) -> list[str]:
    """Regular English demonyms of a one-word country name: Liberia -> Liberian(s), Mali -> Malian,
    Mexico -> Mexican, Italy -> Italian. Irregular ones are written in actors_countries.yaml."""
    if " " in name or "-" in name or len(name) < 4:
        return []
    if name.endswith("a"):
        stem = name + "n"
    elif name.endswith(("o", "i")):
        stem = name + "an"
    elif name.endswith("y"):
        stem = name[:-1] + "ian"
    else:
        return []
    return [stem, stem + "s"]


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Lexicon:
    lex = Lexicon()
    _base_countries(lex)
    lex.add_countries(bundled.load_yaml("actors_countries.yaml"))
    lex.add_roles(bundled.load_yaml("actors_roles.yaml"))
    lex.add_known(bundled.load_yaml("actors_known.yaml"))
    lex.add_known(bundled.load_yaml("actors_people.yaml"))
    for path in extra:
        data = _read_user_file(path)
        lex.add_countries(data.get("countries") or {})
        lex.add_roles(data)
        lex.add_known(data)
    # a demonym that is also a country name ("Saudi") stays a country name; a seat is never a demonym
    return lex


def _read_user_file(path: str) -> dict:
    """A user lexicon file, or a PatternError naming the file and line (before any work starts)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise PatternError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise PatternError(f"{path}: {where}{getattr(exc, 'problem', None) or exc}") from exc
    if not isinstance(data, dict):
        raise PatternError(f"{path}: line 1: expected a mapping of sections (countries, titles, people...)")
    return data


def load_lexicon(extra_paths: Iterable[str | Path] = ()) -> Lexicon:
    """The bundled lexicon plus the user's YAML files (keys: countries, titles, groups, bodies,
    modifiers, organizations, armed_groups, people; same shapes as the bundled files). Cached."""
    return _load(tuple(str(Path(p).resolve()) for p in extra_paths))
