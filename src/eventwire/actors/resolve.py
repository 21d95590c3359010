"""Find and resolve the actors of a parsed article: one entity per real-world actor, coded in CAMEO.

Mentions (mentions.py) are grouped into entities: a surname joins the full name it shortens, an
acronym or alias joins its organisation, every mention of a country joins its state, every seat of
power of a country joins that government. Then role descriptions ("the top U.S. diplomat") and subject
pronouns are resolved to earlier entities (anaphora.py), and each entity becomes an `Actor` whose code
comes from the text first (titles, appositions, demonyms) and from the lexicon second.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from eventwire.actors.anaphora import resolve_descriptions, resolve_own_country, resolve_pronouns
from eventwire.actors.cast import Cast
from eventwire.actors.coding import Coding
from eventwire.actors.lexicon import KnownActor, Lexicon, load_lexicon, norm
from eventwire.actors.mentions import Mention, find_mentions
from eventwire.model import Actor, Article

# head words of organisation names that are armed groups when no country or lexicon entry says otherwise
_ARMED_HEADS = {"front", "brigade", "brigades", "battalion", "battalions", "mujahideen", "jihad", "militia"}
_ARMED_ROLES = {"REB", "INS", "UAF", "SEP"}


@dataclass
class Entity:
    key: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    known: KnownActor | None = None
    country: str | None = None  # states and seats
    coding: Coding = field(default_factory=Coding)
    surnames: set[str] = field(default_factory=set)
    initials: str = ""

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _surname_keys(text: str) -> set[str]:
    """Keys a later surname mention can match: "Bashar al-Assad" -> {"al-assad", "assad"}."""
    words = text.replace("\u2019", "'").split()
    if len(words) < 2:
        return set()
    last = words[-1].lower()
    keys = {last}
    for prefix in ("al-", "el-", " al ", "bin-", "de "):
        if last.startswith(prefix):
            keys.add(last[len(prefix) :])
    return keys


def _initials(text: str) -> str:
    words = [w for w in text.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


class _Resolver:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.entities: list[Entity] = []
        self.by_key: dict[str, Entity] = {}

    def entity(self, key: str, kind: str, **kw) -> Entity:
        ent = self.by_key.get(key)
        if ent is None:
            ent = Entity(key=key, kind=kind, **kw)
            self.by_key[key] = ent
            self.entities.append(ent)
        return ent

    def attach(self, ent: Entity, m: Mention) -> None:
        m.entity = id(ent)
        ent.mentions.append(m)

    def place_names(self) -> set[str]:
        """Names the recogniser also reads as places ("Homs province"): never a person here."""
        out = set()
        for ent in self.doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                out.add(norm(ent.text).split(" ")[0])
        return out

    def run(self, mentions: list[Mention]) -> None:
        places = self.place_names()
        surname_index: dict[str, Entity] = {}
        first_names: dict[str, set[int]] = {}
        for m in mentions:
            if m.label == "ORG" and norm(m.text) in self.lex.people and not self.lex.country_of(m.text):
                m.label = "PERSON"  # the recogniser sometimes types a known person's name ORG ("Trump")
        for m in mentions:  # full names first, so a surname before its full name still joins it
            if m.label == "PERSON" and len(m.text.split()) >= 2:
                ent = self.entity("person:" + norm(m.text), "person")
                for key in _surname_keys(m.text):
                    surname_index.setdefault(key, ent)
                    ent.surnames.add(key)
                first_names.setdefault(m.text.split()[0].lower(), set()).add(id(ent))
        # a first name alone ("Jeb" after "Jeb Bush") joins the one full name that starts with it
        by_id = {id(e): e for e in self.entities}
        for first, ids in first_names.items():
            if len(ids) == 1 and first not in surname_index:
                surname_index[first] = by_id[next(iter(ids))]
        for m in mentions:
            if m.label in ("DESC",):
                continue
            key_text = norm(m.text)
            if m.label == "KNOWN" and m.known is not None:
                ent = self.entity("known:" + m.known.name, m.known.kind, known=m.known)
                ent.initials = ent.initials or _initials(m.known.name)  # "the FSA" after "Free Syrian Army"
            elif m.label == "SEAT":
                ent = self.entity("seat:" + m.country, "state", country=m.country)
            elif m.label in ("GPE", "NORP") and m.country:
                ent = self.entity("state:" + m.country, "state", country=m.country)
            elif (
                m.label in ("PERSON", "ORG", "FAC", "LOC", "NORP")
                and len(m.text.split()) == 1
                and (key_text in surname_index)
            ):
                ent = surname_index[key_text]
            elif m.label == "PERSON":
                if len(m.text.split()) == 1 and key_text in places and key_text not in self.lex.people:
                    continue
                ent = self.entity("person:" + key_text, "person")
                if len(m.text.split()) == 1:
                    ent.surnames.add(key_text)
            elif m.label == "GROUP":
                ent = self.entity(f"group:{key_text}:{m.coding.code}", "other")
            else:
                if m.label in ("FAC", "LOC") and not m.coding.role:
                    continue
                ent = self._organisation(m, key_text)
            self.attach(ent, m)

    def _organisation(self, m: Mention, key_text: str) -> Entity:
        """An organisation name, joined to an earlier one it abbreviates or spells out."""
        if m.text.replace(".", "").isupper() and len(m.text) <= 6:
            for ent in self.entities:
                if ent.initials and ent.initials == m.text.replace(".", ""):
                    return ent
        ent = self.entity("org:" + key_text, "organization")
        ent.initials = ent.initials or _initials(m.text)
        return ent


def _code_entity(ent: Entity, lex: Lexicon) -> tuple[Coding, str | None]:
    """The entity's coding: text evidence from every named mention, then the lexicon."""
    armed = next(
        (m.coding.known for m in ent.mentions if m.coding.known and m.coding.known.kind == "armed_group"),
        None,
    )
    if ent.known is not None or (armed is not None and ent.kind == "organization"):
        k = ent.known or armed
        if ent.known is None:
            ent.kind = "armed_group"
        country = k.code[:3] if k.code[:3] in lex.country_label else None
        role = k.code[3:6] if country and len(k.code) >= 6 else None
        return Coding(country=country, role=role, known=k, evidence=f"lexicon: {k.name}"), k.code
    if ent.key.startswith("state:"):
        name = lex.country_label.get(ent.country or "", ent.country)
        return Coding(country=ent.country, evidence=f"country: {name}"), ent.country
    if ent.key.startswith("seat:"):
        first = ent.mentions[0].text
        return Coding(
            country=ent.country, role="GOV", evidence=f"seat of power: {first}"
        ), f"{ent.country}GOV"
    coding = Coding()
    named = [m for m in ent.mentions if m.label not in ("DESC", "PRON")]
    for m in sorted(named, key=lambda m: (not (m.coding.country and m.coding.role), m.start)):
        coding = coding.merged_with(m.coding)
    for m in ent.mentions:
        if m.label == "DESC":
            coding = coding.merged_with(m.coding)
    if ent.kind == "person":
        fallback = _people_fallback(lex, named)
        if fallback is not None:
            fb_country = fallback.code[:3] if fallback.code[:3] in lex.country_label else None
            fb_families = lex.titles.get(fallback.title or "", {}).get("families", set())
            coding = coding.merged_with(
                Coding(
                    country=fb_country,
                    role=fallback.code[3:6] if fb_country else None,
                    families=set(fb_families),
                    known=fallback if not fb_country else None,
                    evidence=f"lexicon: {fallback.name}",
                )
            )
    if ent.kind == "organization" and not coding.country:
        heads = {w.lower() for w in ent.mentions[0].text.split()}
        if coding.role in _ARMED_ROLES or heads & _ARMED_HEADS:
            ent.kind = "armed_group"
            coding.role = coding.role or "REB"
            coding.evidence = coding.evidence or f"armed-group name: {ent.mentions[0].text}"
    if ent.kind == "other" and coding.role in _ARMED_ROLES and not coding.country:
        ent.kind = "armed_group"
    return coding, coding.code


def _name_of(ent: Entity, lex: Lexicon) -> str:
    if ent.known is not None:
        return ent.known.name
    if ent.key.startswith("state:"):
        return lex.country_label.get(ent.country or "", ent.mentions[0].text)
    names = [m.text for m in ent.mentions if m.label not in ("DESC", "PRON")]
    if not names:
        names = [m.text for m in ent.mentions]
    if ent.kind == "person":
        return max(names, key=lambda n: (len(n.split()), -names.index(n)))
    if ent.key.startswith("org:"):
        return max(names, key=lambda n: (len(n), -names.index(n)))
    return names[0]


def find_actors(doc: Doc, article: Article | None = None, extra_lexicons: Iterable[str | Path] = ()) -> Cast:
    """The actors of an article and, for every token of every resolved mention, its actor."""
    lex = load_lexicon(extra_lexicons)
    mentions = find_mentions(doc, lex)
    resolver = _Resolver(doc, lex)
    resolver.run(mentions)
    resolve_descriptions(doc, mentions, resolver, lambda e: _code_entity(e, lex)[0])
    resolve_pronouns(doc, resolver)
    resolve_own_country(doc, resolver, lambda e: _code_entity(e, lex)[0])

    cast = Cast()
    entities = [e for e in resolver.entities if e.mentions]
    entities.sort(key=lambda e: e.first)
    for n, ent in enumerate(entities, 1):
        coding, code = _code_entity(ent, lex)
        name = _name_of(ent, lex)
        aliases: list[str] = []
        for m in sorted(ent.mentions, key=lambda m: m.start):
            if m.label != "PRON" and m.text != name and m.text not in aliases:
                aliases.append(m.text)
        actor = Actor(
            id=f"a{n}",
            name=name,
            code=code,
            country=coding.country,
            role=coding.role,
            kind=ent.kind,
            aliases=aliases,
            mentions=[(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in ent.mentions],
            evidence=coding.evidence,
        )
        actor.mentions.sort()
        cast.add(actor)
        for m in ent.mentions:
            for i in [*m.tokens, *m.extra]:
                cast.token_actor.setdefault(i, actor.id)
    return cast


def _people_fallback(lex: Lexicon, named: list) -> KnownActor | None:
    """The lexicon person an entity is. A surname alone ("Blair") stands for the lexicon's person only
    when the article's fuller name agrees on the given name: "Mark Blair" is not Tony Blair."""
    full = [m for m in named if len(m.text.split()) >= 2]
    for m in full:
        hit = lex.people.get(norm(m.text))
        if hit is not None:
            return hit
    for m in named:
        hit = lex.people.get(norm(m.text))
        if hit is None:
            continue
        if not full:
            return hit
        given = {k.split()[0] for k, v in lex.people.items() if v is hit and " " in k}
        if any(norm(f.text).split()[0] in given for f in full):
            return hit
    return None
